//! The report's fixed wording, in each language: `fr.rs`, `en.rs`, shared by its writers so that
//! they say the same thing in the same words. The shared wording is in `crate::i18n`, the
//! engine's in `crate::engine`.

use crate::{Language, ModuleNumber};

mod en;
mod fr;

impl Language {
    /// The report's wording in this language.
    pub(crate) const fn report(self) -> &'static ReportPhrases {
        match self {
            Language::Fr => &fr::FR,
            Language::En => &en::EN,
        }
    }
}

/// The report's fixed wording, shared by the renderers, so that both say the same thing in the
/// same words.
pub(crate) struct ReportPhrases {
    /// `RAPPORT D'AUDIT`.
    pub(crate) title: &'static str,
    /// `1. PAGE DE GARDE`.
    pub(crate) cover: &'static str,
    /// `TYPE D'ADMINISTRATION`.
    pub(crate) administration: &'static str,
    /// `DEPARTEMENT`.
    pub(crate) departement: &'static str,
    /// `VILLE`.
    pub(crate) city: &'static str,
    /// `MODULES COUVERTS PAR LE LABEL`.
    pub(crate) modules_covered: &'static str,
    /// `TYPE D'AUDIT`.
    pub(crate) audit_type: &'static str,
    /// `REFERENTIEL`.
    pub(crate) referentiel: &'static str,
    /// `DATE(S) DE L'AUDIT`.
    pub(crate) dates: &'static str,
    /// `Du` (first day).
    pub(crate) from: &'static str,
    /// `au` (last day).
    pub(crate) to: &'static str,
    /// `AUDITEUR(S)`.
    pub(crate) auditors: &'static str,
    /// `signé le` (before a date).
    pub(crate) signed_on: &'static str,
    /// `2. CONTEXTE`.
    pub(crate) context: &'static str,
    /// `Contexte de l'organisme audité`.
    pub(crate) organisation: &'static str,
    /// `Présentation et historique de la démarche du site audité`.
    pub(crate) history: &'static str,
    /// `3. SYNTHÈSE DE L'ÉVALUATION`.
    pub(crate) assessment: &'static str,
    /// The legend of the codes.
    pub(crate) abbreviations: &'static str,
    /// `Engagements de service` (column).
    pub(crate) commitments: &'static str,
    /// `Appréciation de l'auditeur — Commentaires` (column).
    pub(crate) comments: &'static str,
    /// `Conformité` (column).
    pub(crate) verdict: &'static str,
    /// `Point` (column).
    pub(crate) item: &'static str,
    /// `Note` (column).
    pub(crate) note: &'static str,
    /// `non évalué`, `non évalués` (after a count of that number).
    pub(crate) not_assessed: fn(n: u32) -> &'static str,
    /// `AUDIT A DISTANCE :` (before a channel).
    pub(crate) remote: &'static str,
    /// `4. SYNTHÈSE DE L'ÉVALUATION ET CONCLUSION GÉNÉRALE DE L'AUDIT`.
    pub(crate) synthesis: &'static str,
    /// `D'après les données de l'audit` (the generated lines).
    pub(crate) generated: &'static str,
    /// `Texte de l'auditeur` (the auditor's lines).
    pub(crate) auditor_text: &'static str,
    /// `5. DÉCISION`.
    pub(crate) decision: &'static str,
    /// `5. AVIS INDICATIF (AUDIT INTERNE)` (the decision section's heading for an internal
    /// audit).
    pub(crate) indicative: &'static str,
    /// `Avis indicatif (audit interne) : ` (before the outcome in the summary band, for an
    /// internal audit).
    pub(crate) indicative_lead: &'static str,
    /// The sentence that an internal audit decides nothing: only the external audit body's
    /// audit leads to the labelling decision.
    pub(crate) indicative_note: &'static str,
    /// The note that the decision follows the crate's own policy.
    pub(crate) policy_note: &'static str,
    /// `Motifs`.
    pub(crate) reasons: &'static str,
    /// `Écart` (column).
    pub(crate) ecart: &'static str,
    /// `Constat` (column).
    pub(crate) finding: &'static str,
    /// `Exigence` (column).
    pub(crate) requirement: &'static str,
    /// `Action corrective` (column).
    pub(crate) corrective_action: &'static str,
    /// `Échéance` (column).
    pub(crate) due: &'static str,
    /// A module's heading from its number, its title (already upper-cased and escaped by the
    /// renderer) and whether it is obligatory: `MODULE 1 - OBLIGATOIRE : RELATION …`.
    pub(crate) module_heading: fn(ModuleNumber, title: &str, obligatory: bool) -> String,
    /// The policy applied, in one sentence, from its deadlines in months (`NC min`, `NC Maj`)
    /// and its threshold of minor nonconformities.
    pub(crate) policy:
        fn(minor_months: u32, major_months: u32, minor_threshold: Option<u32>) -> String,
    /// `Module ` (before a module's number, in row headings, captions and figures).
    pub(crate) module: &'static str,
    /// `En bref` (the summary band's heading).
    pub(crate) summary: &'static str,
    /// `Verdicts et observations par module` (the chart's title).
    pub(crate) chart: &'static str,
    /// `Verdicts des engagements` (the chart's first block).
    pub(crate) chart_verdicts: &'static str,
    /// `Observations` (the chart's second block).
    pub(crate) chart_observations: &'static str,
    /// `Taux de conformité` (column).
    pub(crate) rate_column: &'static str,
    /// `Fiches d'écart` (the heading of the écarts' table).
    pub(crate) ecarts: &'static str,
    /// `Fiches d'écart et échéances des actions correctives` (the écarts' table's caption).
    pub(crate) ecarts_caption: &'static str,
    /// The subtitle of LES RÉSULTATS DES ENQUÊTES DE SATISFACTION DES USAGERS, as the report
    /// prints it: `(Vérification de l'analyse du résultat des enquêtes …)`.
    pub(crate) survey_subtitle: &'static str,
    /// `Ligne directe` (before an auditor's phone number).
    pub(crate) phone: &'static str,
    /// `Adresse électronique` (before an auditor's e-mail address).
    pub(crate) email: &'static str,
    /// `Pilote` (column: who leads the corrective action).
    pub(crate) leader: &'static str,
    /// `État` (column: where the corrective action stands).
    pub(crate) status: &'static str,
    /// Where a corrective action stands, before its date if it has one: `ouverte`, `en cours`,
    /// `levée le`, `non levée le`.
    pub(crate) action_status: fn(&crate::ActionStatus) -> &'static str,
    /// `ANNEXE — VALEURS NON LUES À L'IMPORT` (the heading of the values kept in `unread`).
    pub(crate) unread: &'static str,
    /// What those values are, under that heading.
    pub(crate) unread_note: &'static str,
    /// The columns of their table: `Champ`, `Texte`, `Source`.
    pub(crate) unread_columns: [&'static str; 3],
    /// `ligne `, `colonne `, `cellule ` (where a value stood in the source).
    pub(crate) unread_place: [&'static str; 3],
}

/// A module's heading, its title already upper-cased and escaped by the renderer:
/// `MODULE 1 - OBLIGATOIRE : RELATION …`.
pub(crate) fn module_heading(
    module: ModuleNumber,
    title: &str,
    obligatory: bool,
    language: Language,
) -> String {
    (language.report().module_heading)(module, title, obligatory)
}

/// The policy applied, in one sentence.
pub(crate) fn policy_sentence(policy: &crate::AppliedPolicy, language: Language) -> String {
    (language.report().policy)(
        policy.deadline_months,
        policy.major_deadline_months,
        policy.minor_threshold,
    )
}

#[cfg(test)]
mod tests {
    /// The French phrase tables (shared, engine, report) are written typeset: the engine writes
    /// its phrases as they are.
    #[test]
    fn the_french_phrase_table_is_typeset() {
        use crate::Language;
        use crate::i18n::typography::is_typeset;
        use crate::{NoteCounts, ObservationCounts, Outcome};
        let (c, e, r) = (
            &Language::Fr.phrases().common,
            Language::Fr.engine(),
            Language::Fr.report(),
        );
        let texts = vec![
            c.colon,
            c.semicolon,
            c.open_quote,
            c.close_quote,
            c.rate_label,
            e.auditor_verdict,
            e.risk,
            e.finding,
            e.requirement,
            e.modules_covered,
            e.management,
            e.remote_checks,
            e.decision,
            e.indicative_decision,
            e.decision_title,
            e.indicative_title,
            e.auditor_text,
            e.reasons.none,
            r.abbreviations,
            r.remote,
            r.indicative_lead,
            r.indicative_note,
            r.policy_note,
            r.survey_subtitle,
        ];
        let mut owned = vec![
            (e.reasons.major)(2),
            (e.reasons.minor)(2),
            (e.reasons.minor_threshold)(3, 3),
            (r.policy)(3, 1, Some(2)),
            (r.policy)(3, 3, Some(2)),
            (r.policy)(3, 1, None),
        ];
        if let Some(m) = crate::ModuleNumber::new(1) {
            owned.push((r.module_heading)(m, "X", true));
        }
        let mut out = String::new();
        (e.assessed)(&mut out, 2, 3, e.engagements);
        (e.remote_counts)(&mut out, &NoteCounts::default());
        (e.observation_counts)(&mut out, &ObservationCounts::default());
        owned.push(out);
        owned.push((e.outcome)(Outcome::Favorable).to_owned());
        for text in texts.into_iter().chain(owned.iter().map(String::as_str)) {
            assert!(is_typeset(text), "{text:?}");
        }
    }
}
