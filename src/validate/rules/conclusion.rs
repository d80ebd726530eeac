//! The conclusion (section 4): the charte graphique in an initial audit and its absence from a
//! suivi or renouvellement audit, sections that contradict the findings, sections left empty
//! while the findings call for them, and a conclusion générale that praises an audit with a
//! major nonconformity.

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
        self.check_praise(out);
    }

    /// `conclusion-contradicts-findings`: a section that says there is nothing to say (« Sans
    /// objet », or « Absence de non-conformité » for the fiches d'écart) while the data holds
    /// what the section is about. The commentaires, bonnes pratiques and enquêtes de
    /// satisfaction have no counterpart in the data, and are not checked.
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
        let charte = &conclusion.charte_graphique;
        if let Some(
            v @ (Verdict::Conformity | Verdict::MinorNonconformity | Verdict::MajorNonconformity),
        ) = charte.verdict
        {
            for (i, text) in charte.text.iter().enumerate() {
                if key_starts(text, "sansobjet") {
                    out.push(
                        RuleCode::ConclusionContradictsFindings,
                        Place::CONCLUSION,
                        format!("conclusion.charte_graphique.text[{i}]"),
                        |p| (p.charte_contradicts)(text, v),
                    );
                }
            }
        }
        let mut assessed = None;
        for (i, text) in conclusion.conclusion_generale.iter().enumerate() {
            if !key_starts(text, "sansobjet") {
                continue;
            }
            let n = *assessed.get_or_insert_with(|| {
                audit
                    .assessments
                    .iter()
                    .filter(|a| a.verdict.is_some())
                    .count()
            });
            if n > 0 {
                out.push(
                    RuleCode::ConclusionContradictsFindings,
                    Place::CONCLUSION,
                    format!("conclusion.conclusion_generale[{i}]"),
                    |p| (p.conclusion_contradicts)(text, n),
                );
            }
        }
    }

    /// `conclusion-praises-major-nonconformity`: a paragraph of the conclusion générale that
    /// praises the site (« très bon niveau », « excellent », « maîtrisé ») while the audit holds
    /// a major nonconformity.
    fn check_praise(&self, out: &mut Collector<'_>) {
        let paragraphs = &self.audit.conclusion.conclusion_generale;
        if paragraphs.is_empty() {
            return;
        }
        let (_, major) = self.count_grades();
        if major == 0 {
            return;
        }
        for (i, text) in paragraphs.iter().enumerate() {
            if let Some(words) = praise(text) {
                out.push(
                    RuleCode::ConclusionPraisesMajorNonconformity,
                    Place::CONCLUSION,
                    format!("conclusion.conclusion_generale[{i}]"),
                    |p| (p.conclusion_praises)(words, major),
                );
            }
        }
    }

    /// How many engagements and management items are a nonconformity.
    fn count_nonconformities(&self) -> usize {
        let (minor, major) = self.count_grades();
        minor + major
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

/// The first words of `text` that praise the site, as written: « très bon niveau »,
/// « excellent » (and its agreements), « maîtrisé » (and its agreements; not the noun
/// « maîtrise »), in any case, with or without the circumflex and the grave accent; not when
/// one of the three words before denies it (« n'est pas maîtrisé », « peu maîtrisée »).
fn praise(text: &str) -> Option<&str> {
    let words = words(text);
    let folded: Vec<String> = words
        .iter()
        .map(|&(start, end)| fold_word(text.get(start..end).unwrap_or_default()))
        .collect();
    for (k, word) in folded.iter().enumerate() {
        let length = match word.as_str() {
            "excellent" | "excellente" | "excellents" | "excellentes" | "maitrisé"
            | "maitrisée" | "maitrisés" | "maitrisées" => 1,
            "tres"
                if folded.get(k + 1).is_some_and(|w| w == "bon")
                    && folded.get(k + 2).is_some_and(|w| w == "niveau") =>
            {
                3
            }
            _ => continue,
        };
        let denied = folded
            .get(k.saturating_sub(3)..k)
            .unwrap_or_default()
            .iter()
            .any(|w| NEGATIONS.contains(&w.as_str()));
        if denied {
            continue;
        }
        let start = words.get(k).map(|w| w.0)?;
        let end = words.get(k + length - 1).map(|w| w.1)?;
        return text.get(start..end);
    }
    None
}

/// Words that deny the praise that follows them.
const NEGATIONS: &[&str] = &[
    "pas",
    "non",
    "peu",
    "mal",
    "jamais",
    "plus",
    "insuffisamment",
    "partiellement",
];

/// The byte ranges of the words of `text`: runs of letters and digits.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push((s, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// A word lower-cased, `î` and `è` without their accent (« maitrisé », « tres » are typed
/// too); `é` is kept, so that « maîtrisé » and the noun « maîtrise » differ.
fn fold_word(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'î' => 'i',
            'è' => 'e',
            c => c,
        })
        .collect()
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
