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
    /// `SOMMAIRE DU RAPPORT D'ÉVALUATION`.
    pub(crate) contents: &'static str,
    /// `Type d'audit` (the header block).
    pub(crate) kind: &'static str,
    /// `Date de début d'audit` (the header block).
    pub(crate) start: &'static str,
    /// `Date de fin d'audit` (the header block).
    pub(crate) end: &'static str,
    /// `Votre responsable d'audit` (the header block).
    pub(crate) lead_auditor: &'static str,
    /// `1. PAGE DE GARDE`.
    pub(crate) cover: &'static str,
    /// `TYPE D'ADMINISTRATION`.
    pub(crate) administration: &'static str,
    /// `DÉPARTEMENT`.
    pub(crate) departement: &'static str,
    /// `VILLE`.
    pub(crate) city: &'static str,
    /// `MODULES COUVERTS PAR LE LABEL`.
    pub(crate) modules_covered: &'static str,
    /// `TYPE D'AUDIT` (the cover's row of an external audit).
    pub(crate) audit_type: &'static str,
    /// `AUDIT INTERNE` (the cover's row of an internal audit).
    pub(crate) internal_audit: &'static str,
    /// `Réalisé en amont d'un audit : ` (before the boxes of an internal audit's type).
    pub(crate) ahead_of: &'static str,
    /// The label of an audit type's box on the cover: `Initial`, `de Suivi`…
    pub(crate) audit_type_box: fn(crate::AuditType) -> &'static str,
    /// `Audit externe prévu le ` (before the planned date of an internal audit's external
    /// audit).
    pub(crate) external_on: &'static str,
    /// `RÉFÉRENTIEL`.
    pub(crate) referentiel: &'static str,
    /// `DATE(S) DE L'AUDIT`.
    pub(crate) dates: &'static str,
    /// `Du` (first day).
    pub(crate) from: &'static str,
    /// `au` (last day).
    pub(crate) to: &'static str,
    /// The auditors' table: `NOM AUDITEUR`, `DATE ET SIGNATURE DE L'AUDITEUR`.
    pub(crate) auditor_columns: [&'static str; 2],
    /// `Auditeur(s)` (the row heading of the auditors' table).
    pub(crate) auditors: &'static str,
    /// `Ligne directe` (before an auditor's phone number).
    pub(crate) phone: &'static str,
    /// `Adresse électronique` (before an auditor's e-mail address).
    pub(crate) email: &'static str,
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
    /// `Éléments de preuve` (before an assessment's evidence).
    pub(crate) evidence: &'static str,
    /// ` (groupe du référentiel)` (after the title of a group the report prints no heading
    /// for, where a caption names it).
    pub(crate) referentiel_group: &'static str,
    /// `non évalué`, `non évalués` (after a count of that number).
    pub(crate) not_assessed: fn(n: u32) -> &'static str,
    /// The lead of the tool's rate, which the original does not have:
    /// `Taux de conformité calculé par l'outil (…) :`.
    pub(crate) tool_rate: &'static str,
    /// `AUDIT À DISTANCE :` (before a channel).
    pub(crate) remote: &'static str,
    /// `RÉCAPITULATIF DES CONSTATS`.
    pub(crate) recap: &'static str,
    /// What the récapitulatif is: the tool's, from the audit's data.
    pub(crate) recap_note: &'static str,
    /// The récapitulatif's columns after the verdict: `Fiche n°`.
    pub(crate) recap_fiche: &'static str,
    /// `Engagement ou point` (the récapitulatif's first column).
    pub(crate) recap_target: &'static str,
    /// `Total` (the récapitulatif's last row).
    pub(crate) total: &'static str,
    /// `4. SYNTHÈSE DE L'ÉVALUATION ET CONCLUSION GÉNÉRALE DE L'AUDIT`.
    pub(crate) synthesis: &'static str,
    /// The mark of a part of section 4 the auditor wrote nothing for, before the lines the tool
    /// established from the data.
    pub(crate) generated_note: &'static str,
    /// The subtitle of LES RÉSULTATS DES ENQUÊTES DE SATISFACTION DES USAGERS, as the report
    /// prints it: `(Vérification de l'analyse du résultat des enquêtes …)`.
    pub(crate) survey_subtitle: &'static str,
    /// `SUIVI DES ÉCARTS DE L'AUDIT PRÉCÉDENT` (a follow-up or renewal audit).
    pub(crate) previous: &'static str,
    /// What section 4 says of the previous audit's écarts when the audit does not record them.
    pub(crate) previous_unrecorded: &'static str,
    /// `Fiche d'écart n°` (before a fiche's number).
    pub(crate) fiche: &'static str,
    /// The keys of a fiche d'écart's form.
    pub(crate) fiche_keys: FicheKeys,
    /// ` (pas de fiche d'écart dans les données de l'audit)` (after the finding of a
    /// nonconformity without fiche).
    pub(crate) no_fiche: &'static str,
    /// `, règle par défaut de l'outil` (after a due date set by the policy).
    pub(crate) by_default_rule: &'static str,
    /// Where a corrective action stands, before its date if it has one: `ouverte`, `en cours`,
    /// `levée le`, `non levée le`.
    pub(crate) action_status: fn(&crate::ActionStatus) -> &'static str,
    /// `AVIS PROPOSÉ` (the avis of an external audit, under the general conclusion).
    pub(crate) avis: &'static str,
    /// `AVIS INDICATIF (AUDIT INTERNE)` (the same for an internal audit).
    pub(crate) indicative: &'static str,
    /// `Avis indicatif (audit interne) : ` (before the outcome in the summary band, for an
    /// internal audit).
    pub(crate) indicative_lead: &'static str,
    /// That an external audit's avis is a proposal: the certification body decides.
    pub(crate) proposal_note: &'static str,
    /// That an internal audit grants nothing, and what its avis is.
    pub(crate) indicative_note: &'static str,
    /// `Motifs`.
    pub(crate) reasons: &'static str,
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
    /// `Taux de conformité (outil)` (column).
    pub(crate) rate_column: &'static str,
    /// `PROCÈS-VERBAL DE CLÔTURE`.
    pub(crate) closing: &'static str,
    /// What the procès-verbal is for, under its heading.
    pub(crate) closing_note: &'static str,
    /// The columns of the signatures' table: `Qualité`, `Nom`, `Date`, `Signature`.
    pub(crate) signature_columns: [&'static str; 4],
    /// `Auditeur` (the quality of an auditor without role).
    pub(crate) auditor: &'static str,
    /// `Représentant du site audité`.
    pub(crate) site_representative: &'static str,
    /// `Liste de diffusion`.
    pub(crate) distribution: &'static str,
    /// The columns of the distribution list: `Destinataire`, `Service ou organisme`,
    /// `Date d'envoi`.
    pub(crate) distribution_columns: [&'static str; 3],
    /// `ANNEXE — VALEURS NON LUES À L'IMPORT` (the heading of the values kept in `unread`).
    pub(crate) unread: &'static str,
    /// What those values are, under that heading.
    pub(crate) unread_note: &'static str,
    /// The columns of their table: `Champ`, `Texte`, `Source`.
    pub(crate) unread_columns: [&'static str; 3],
    /// `ligne `, `colonne `, `cellule ` (where a value stood in the source).
    pub(crate) unread_place: [&'static str; 3],
}

/// The keys of a fiche d'écart's form, in the order of the form.
pub(crate) struct FicheKeys {
    /// `Type d'écart`.
    pub(crate) grade: &'static str,
    /// `Engagement ou point concerné`.
    pub(crate) target: &'static str,
    /// `Constat`.
    pub(crate) finding: &'static str,
    /// `Exigence`.
    pub(crate) requirement: &'static str,
    /// `Cause`.
    pub(crate) cause: &'static str,
    /// `Action proposée par le site audité`.
    pub(crate) action: &'static str,
    /// `Pilote`.
    pub(crate) leader: &'static str,
    /// `Délai`.
    pub(crate) due: &'static str,
    /// `Réponse de l'audité`.
    pub(crate) response: &'static str,
    /// `État à la date du rapport`.
    pub(crate) status: &'static str,
    /// `Signature de l'auditeur`.
    pub(crate) auditor_signature: &'static str,
    /// `Signature du représentant du site audité`.
    pub(crate) site_signature: &'static str,
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
            r.proposal_note,
            r.survey_subtitle,
            r.ahead_of,
            r.tool_rate,
            r.recap_note,
            r.generated_note,
            r.previous_unrecorded,
            r.closing_note,
            r.unread_note,
            r.no_fiche,
            e.policy_caveat,
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
