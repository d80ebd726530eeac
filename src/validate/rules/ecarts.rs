//! The fiches d'écart: each on a nonconformity of its grade, once per target, with a finding,
//! a due date after the audit, and a state checked after the audit started (lifted with its
//! evidence).

use super::super::index::Index;
use super::super::order::{Collector, Place, SECTION_ECARTS};
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
            let what = format!("the fiche d'écart for {target}");
            match verdict.and_then(Verdict::nonconformity) {
                Some(grade) if grade != fiche.grade => out.push(
                    RuleCode::FicheGradeMismatch,
                    place,
                    format!("{path}.grade"),
                    format!(
                        "{what} is graded {} but the verdict is {grade}",
                        fiche.grade
                    ),
                ),
                Some(_) => {}
                None => {
                    let why = match verdict {
                        Some(v) => format!("its verdict is {v}"),
                        None if assessed => "it has no verdict".to_owned(),
                        None => "it is not assessed".to_owned(),
                    };
                    out.push(
                        RuleCode::FicheWithoutNonconformity,
                        place,
                        format!("{path}.target"),
                        format!("{what} records no nonconformity: {why}"),
                    );
                }
            }
            let same = self.fiches_of(target);
            let count = same.len();
            if same.get(1).is_some_and(|(_, j)| *j == i) {
                out.push(
                    RuleCode::DuplicateFiche,
                    place,
                    path.clone(),
                    format!("{target} has {count} fiches d'écart"),
                );
            }
            if fiche.finding.trim().is_empty() {
                out.push(
                    RuleCode::FicheEmptyFinding,
                    place,
                    format!("{path}.finding"),
                    format!("{what} has an empty finding"),
                );
            }
            if let Some(on) = fiche.status.checked_on() {
                if on < self.audit.dates.start {
                    let verb = if fiche.status.is_lifted() {
                        "lifted"
                    } else {
                        "checked"
                    };
                    out.push(
                        RuleCode::FicheStatusBeforeAudit,
                        place,
                        format!("{path}.status.on"),
                        format!(
                            "{what} is {verb} on {on}, before the audit started on {}",
                            self.audit.dates.start
                        ),
                    );
                }
            }
            if fiche.status.is_lifted() && fiche.status.note().trim().is_empty() {
                out.push(
                    RuleCode::FicheLiftedWithoutEvidence,
                    place,
                    format!("{path}.status.evidence"),
                    format!("{what} is lifted without evidence"),
                );
            }
            if let Some(due) = fiche.due {
                if due < self.audit.dates.end {
                    out.push(
                        RuleCode::FicheDueBeforeAuditEnd,
                        place,
                        format!("{path}.due"),
                        format!(
                            "{what} is due on {due}, before the audit's end on {}",
                            self.audit.dates.end
                        ),
                    );
                }
            }
        }
    }
}
