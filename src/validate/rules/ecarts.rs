//! The fiches d'écart: each on a nonconformity of its grade, once per target and per number,
//! with a finding, a due date after the audit, and a state checked after the audit started
//! (lifted with its evidence).

use super::super::index::Index;
use super::super::order::{Collector, Place, SECTION_ECARTS};
use super::super::phrases::NoNonconformity;
use crate::RuleCode;
use crate::{EcartTarget, Verdict};

impl Index<'_> {
    #[inline]
    pub(crate) fn check_ecarts(&self, out: &mut Collector<'_>) {
        let ecarts = &self.audit.ecarts;
        for (i, fiche) in ecarts.iter().enumerate() {
            let target = fiche.target;
            let (place, verdict, assessed) = match target {
                EcartTarget::Engagement(n) => (
                    Place::engagement(self.group_of(n), n, SECTION_ECARTS),
                    self.verdict_of(n),
                    !self.assessments_of(n).is_empty(),
                ),
                EcartTarget::Management(id) => (
                    Place::management(id, SECTION_ECARTS),
                    self.verdict_of_item(id),
                    !self.items_of(id).is_empty(),
                ),
            };
            let path = format!("ecarts[{i}]");
            match verdict.and_then(Verdict::nonconformity) {
                Some(grade) if grade != fiche.grade => out.push(
                    RuleCode::FicheGradeMismatch,
                    place,
                    format!("{path}.grade"),
                    |p| (p.fiche_grade_mismatch)(target, fiche.grade, grade),
                ),
                Some(_) => {}
                None => {
                    let why = match verdict {
                        Some(v) => NoNonconformity::Verdict(v),
                        None if assessed => NoNonconformity::NoVerdict,
                        None => NoNonconformity::NotAssessed,
                    };
                    out.push(
                        RuleCode::FicheWithoutNonconformity,
                        place,
                        format!("{path}.target"),
                        |p| (p.fiche_without_nonconformity)(target, why),
                    );
                }
            }
            let same = self.fiches_of(target);
            let count = same.len();
            if same.get(1).is_some_and(|(_, j)| *j == i) {
                out.push(RuleCode::DuplicateFiche, place, path.clone(), |p| {
                    (p.duplicate_fiche)(target, count)
                });
            }
            if let Some(number) = fiche.number {
                // Every other fiche of the same number, in target order: the same message
                // whatever the order of the fiches.
                let mut others: Vec<EcartTarget> = ecarts
                    .iter()
                    .enumerate()
                    .filter(|&(j, other)| j != i && other.number == Some(number))
                    .map(|(_, other)| other.target)
                    .collect();
                if !others.is_empty() {
                    others.sort_unstable();
                    out.push(
                        RuleCode::DuplicateFicheNumber,
                        place,
                        format!("{path}.number"),
                        |p| (p.duplicate_fiche_number)(target, number, &others),
                    );
                }
            }
            if fiche.finding.trim().is_empty() {
                out.push(
                    RuleCode::FicheEmptyFinding,
                    place,
                    format!("{path}.finding"),
                    |p| (p.fiche_empty_finding)(target),
                );
            }
            if let Some(on) = fiche.status.checked_on() {
                if on < self.audit.dates.start {
                    let lifted = fiche.status.is_lifted();
                    let start = self.audit.dates.start;
                    out.push(
                        RuleCode::FicheStatusBeforeAudit,
                        place,
                        format!("{path}.status.on"),
                        |p| (p.fiche_status_before_audit)(target, lifted, on, start),
                    );
                }
            }
            if fiche.status.is_lifted() && fiche.status.note().trim().is_empty() {
                out.push(
                    RuleCode::FicheLiftedWithoutEvidence,
                    place,
                    format!("{path}.status.evidence"),
                    |p| (p.fiche_lifted_without_evidence)(target),
                );
            }
            if let Some(due) = fiche.due {
                if due < self.audit.dates.end {
                    out.push(
                        RuleCode::FicheDueBeforeAuditEnd,
                        place,
                        format!("{path}.due"),
                        |p| (p.fiche_due_before_audit_end)(target, due, self.audit.dates.end),
                    );
                }
            }
        }
    }
}
