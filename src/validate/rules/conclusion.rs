//! The conclusion (section 4): the charte graphique in an initial audit, and sections that
//! contradict the findings.

use super::super::codes::RuleCode;
use super::super::index::Index;
use super::super::order::{Collector, Place};
use crate::text::{key, key_starts};
use crate::{AuditType, ObservationKind, Verdict};

impl Index<'_> {
    #[inline]
    pub(crate) fn check_conclusion(&self, out: &mut Collector<'_>) {
        let audit = self.audit;
        let conclusion = &audit.conclusion;
        if let Some(v) = conclusion.charte_graphique.verdict {
            if v != Verdict::NotApplicable && audit.kind.audit_type == Some(AuditType::Initial) {
                out.push(
                    RuleCode::CharteGraphiqueInInitialAudit,
                    Place::CONCLUSION,
                    "conclusion.charte_graphique.verdict".to_owned(),
                    format!(
                        "the charte graphique is assessed {v} in an initial audit, where it is \
                         not applicable"
                    ),
                );
            }
        }
        let nonconformities = if conclusion.fiches_ecart.is_empty() {
            0
        } else {
            audit
                .assessments
                .iter()
                .map(|a| a.verdict)
                .chain(audit.management.iter().map(|m| m.verdict))
                .filter(|v| v.and_then(Verdict::nonconformity).is_some())
                .count()
        };
        if nonconformities > 0 {
            for (i, text) in conclusion.fiches_ecart.iter().enumerate() {
                let folded = key(text);
                if folded.contains("absencedenonconformite")
                    || folded.contains("aucunenonconformite")
                    || folded.starts_with("sansobjet")
                {
                    let plural = if nonconformities == 1 { "y" } else { "ies" };
                    out.push(
                        RuleCode::ConclusionContradictsFindings,
                        Place::CONCLUSION,
                        format!("conclusion.fiches_ecart[{i}]"),
                        format!(
                            "the section says {text:?} but the audit has {nonconformities} \
                             nonconformit{plural}"
                        ),
                    );
                }
            }
        }
        for (kind, section, paragraphs) in [
            (
                ObservationKind::Strength,
                "points_forts",
                &conclusion.points_forts,
            ),
            (
                ObservationKind::AreaOfConcern,
                "points_sensibles",
                &conclusion.points_sensibles,
            ),
            (
                ObservationKind::OpportunityForImprovement,
                "pistes_de_progres",
                &conclusion.pistes_de_progres,
            ),
        ] {
            let mut count = None;
            for (i, text) in paragraphs.iter().enumerate() {
                if !key_starts(text, "sansobjet") {
                    continue;
                }
                let n = *count.get_or_insert_with(|| self.count_observations(kind));
                if n > 0 {
                    out.push(
                        RuleCode::ConclusionContradictsFindings,
                        Place::CONCLUSION,
                        format!("conclusion.{section}[{i}]"),
                        format!(
                            "the section says {text:?} but the audit has {n} {kind} observation{}",
                            if n == 1 { "" } else { "s" }
                        ),
                    );
                }
            }
        }
    }
}
