//! The conclusion (section 4): the charte graphique in an initial audit and its absence from a
//! suivi or renouvellement audit, sections that contradict the findings, and sections left
//! empty while the findings call for them.

use super::super::index::Index;
use super::super::order::{Collector, Place};
use super::is_blank;
use crate::RuleCode;
use crate::text::{key, key_starts, says_not_applicable_in_initial_audit};
use crate::{AuditType, AuditorSynthesis, ObservationKind, Verdict};

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
        self.check_charte_assessed(out);
        self.check_sections_filled(out);
        let nonconformities = if conclusion.fiches_ecart.is_empty() {
            0
        } else {
            self.count_nonconformities()
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

    /// How many engagements and management items are a nonconformity.
    fn count_nonconformities(&self) -> usize {
        let audit = self.audit;
        audit
            .assessments
            .iter()
            .map(|a| a.verdict)
            .chain(audit.management.iter().map(|m| m.verdict))
            .filter(|v| v.and_then(Verdict::nonconformity).is_some())
            .count()
    }

    /// `charte-graphique-not-assessed`: a suivi or renouvellement audit without a verdict on
    /// the charte graphique, or whose text says it does not apply in an initial audit.
    fn check_charte_assessed(&self, out: &mut Collector<'_>) {
        let audit = self.audit;
        let Some(audit_type @ (AuditType::Suivi | AuditType::Renouvellement)) =
            audit.kind.audit_type
        else {
            return;
        };
        let charte = &audit.conclusion.charte_graphique;
        if charte.verdict.is_none() {
            out.push(
                RuleCode::CharteGraphiqueNotAssessed,
                Place::CONCLUSION,
                "conclusion.charte_graphique.verdict".to_owned(),
                format!(
                    "the charte graphique has no verdict in a {audit_type} audit, where it is \
                     assessed"
                ),
            );
        }
        for (i, text) in charte.text.iter().enumerate() {
            if says_not_applicable_in_initial_audit(text) {
                out.push(
                    RuleCode::CharteGraphiqueNotAssessed,
                    Place::CONCLUSION,
                    format!("conclusion.charte_graphique.text[{i}]"),
                    format!(
                        "the charte graphique says {text:?} in a {audit_type} audit, where it is \
                         assessed"
                    ),
                );
            }
        }
    }

    /// `conclusion-section-empty`: in an audit that carries the auditor's section 4, a section
    /// without text while the findings call for it.
    fn check_sections_filled(&self, out: &mut Collector<'_>) {
        let conclusion = &self.audit.conclusion;
        if !carries_written_synthesis(conclusion) {
            return;
        }
        let empty = |paragraphs: &[String]| paragraphs.iter().all(|p| is_blank(Some(p)));
        for (kind, section, name, paragraphs) in [
            (
                ObservationKind::Strength,
                "points_forts",
                "points forts",
                &conclusion.points_forts,
            ),
            (
                ObservationKind::AreaOfConcern,
                "points_sensibles",
                "points sensibles",
                &conclusion.points_sensibles,
            ),
            (
                ObservationKind::OpportunityForImprovement,
                "pistes_de_progres",
                "pistes de progrès",
                &conclusion.pistes_de_progres,
            ),
        ] {
            if !empty(paragraphs) {
                continue;
            }
            let n = self.count_observations(kind);
            if n > 0 {
                out.push(
                    RuleCode::ConclusionSectionEmpty,
                    Place::CONCLUSION,
                    format!("conclusion.{section}"),
                    format!(
                        "the {name} section is empty but the audit has {n} {kind} observation{}",
                        if n == 1 { "" } else { "s" }
                    ),
                );
            }
        }
        if empty(&conclusion.fiches_ecart) {
            let n = self.count_nonconformities();
            if n > 0 {
                out.push(
                    RuleCode::ConclusionSectionEmpty,
                    Place::CONCLUSION,
                    "conclusion.fiches_ecart".to_owned(),
                    format!(
                        "the fiches d'écart section is empty but the audit has {n} \
                         nonconformit{}",
                        if n == 1 { "y" } else { "ies" }
                    ),
                );
            }
        }
        if empty(&conclusion.conclusion_generale) {
            out.push(
                RuleCode::ConclusionSectionEmpty,
                Place::CONCLUSION,
                "conclusion.conclusion_generale".to_owned(),
                "the conclusion générale section is empty".to_owned(),
            );
        }
    }
}

/// Whether the audit carries the auditor's section 4: a paragraph, even blank, in one of its
/// sections other than the charte graphique (which an audit built in code may state alone).
fn carries_written_synthesis(c: &AuditorSynthesis) -> bool {
    [
        &c.points_forts,
        &c.points_sensibles,
        &c.pistes_de_progres,
        &c.fiches_ecart,
        &c.commentaires,
        &c.bonnes_pratiques,
        &c.enquetes_satisfaction,
        &c.conclusion_generale,
    ]
    .iter()
    .any(|section| !section.is_empty())
}
