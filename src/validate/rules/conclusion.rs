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
                    |p| (p.charte_graphique_in_initial_audit)(v),
                );
            }
        }
        self.check_charte_assessed(out);
        self.check_sections_filled(out);
        self.check_contradictions(out);
    }

    /// `conclusion-contradicts-findings`: a section that says there is nothing to say (« Sans
    /// objet », or « Absence de non-conformité » for the fiches d'écart) while the data holds
    /// what the section is about: the fiches d'écart and the observations' sections.
    fn check_contradictions(&self, out: &mut Collector<'_>) {
        let audit = self.audit;
        let conclusion = &audit.conclusion;
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
                    out.push(
                        RuleCode::ConclusionContradictsFindings,
                        Place::CONCLUSION,
                        format!("conclusion.fiches_ecart[{i}]"),
                        |p| (p.fiches_contradict)(text, nonconformities),
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
                        |p| (p.observations_contradict)(text, n, kind),
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
                |p| (p.charte_without_verdict)(audit_type),
            );
        }
        for (i, text) in charte.text.iter().enumerate() {
            if says_not_applicable_in_initial_audit(text) {
                out.push(
                    RuleCode::CharteGraphiqueNotAssessed,
                    Place::CONCLUSION,
                    format!("conclusion.charte_graphique.text[{i}]"),
                    |p| (p.charte_says_initial)(text, audit_type),
                );
            }
        }
    }

    /// `conclusion-section-empty`: in an audit that carries the auditor's section 4, a section
    /// without text while the findings call for it. The fiches d'écart section is written when
    /// the audit holds fiches d'écart: the text import files the fiches of the section in
    /// `ecarts`, not in `conclusion.fiches_ecart`.
    fn check_sections_filled(&self, out: &mut Collector<'_>) {
        let conclusion = &self.audit.conclusion;
        if !carries_written_synthesis(conclusion) {
            return;
        }
        let empty = |paragraphs: &[String]| paragraphs.iter().all(|p| is_blank(Some(p)));
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
            if !empty(paragraphs) {
                continue;
            }
            let n = self.count_observations(kind);
            if n > 0 {
                out.push(
                    RuleCode::ConclusionSectionEmpty,
                    Place::CONCLUSION,
                    format!("conclusion.{section}"),
                    |p| (p.observations_section_empty)(kind, n),
                );
            }
        }
        if empty(&conclusion.fiches_ecart) && self.audit.ecarts.is_empty() {
            let n = self.count_nonconformities();
            if n > 0 {
                out.push(
                    RuleCode::ConclusionSectionEmpty,
                    Place::CONCLUSION,
                    "conclusion.fiches_ecart".to_owned(),
                    |p| (p.fiches_section_empty)(n),
                );
            }
        }
        if empty(&conclusion.conclusion_generale) {
            out.push(
                RuleCode::ConclusionSectionEmpty,
                Place::CONCLUSION,
                "conclusion.conclusion_generale".to_owned(),
                |p| p.conclusion_generale_empty.to_owned(),
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
