//! The language of generated texts, and every phrase of every language.
//!
//! Each language is one file holding one [`Phrases`] value: [`fr::FR`], [`en::EN`]. Code asks
//! [`Language::phrases`] for the value and reads a field; it never spells a phrase itself.
//! Adding a language is adding a file, a [`Language`] variant and its arm in
//! [`Language::phrases`] (and in the formatting helpers of [`format`]): a phrase it lacks is a
//! missing field of a struct literal, a compile error, never a silent fallback to another
//! language.
//!
//! Fixed text is a `&'static str` field; a sentence with parameters is a `fn` field, so that
//! each language orders its words as it wants.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{
    AdministrationType, AuditType, Error, ManagementSection, ModuleNumber, NoteCounts,
    ObservationCounts, Outcome, RemoteChannel, RemoteNote, Verdict,
};

mod en;
pub(crate) mod format;
mod fr;
pub(crate) mod typography;

pub(crate) use format::{date, push_date, push_number};

/// The French plural ending of a count: `s` from 2 on.
pub(crate) fn plural_fr(n: u32) -> &'static str {
    fr::plural(n)
}

/// The English plural ending of a count: `s` but for 1.
pub(crate) fn plural_en(n: u32) -> &'static str {
    en::plural(n)
}

/// The language of generated texts. French is the default: it is the language of the reports.
///
/// ```
/// use qualepref::Language;
/// assert_eq!("en".parse::<Language>()?, Language::En);
/// assert_eq!(Language::default(), Language::Fr);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Language {
    /// French (`fr`), the default.
    #[default]
    Fr,
    /// English (`en`).
    En,
}

impl Language {
    /// The code: `fr` or `en`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    /// Every phrase in this language.
    pub(crate) const fn phrases(self) -> &'static Phrases {
        match self {
            Language::Fr => &fr::FR,
            Language::En => &en::EN,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" | "french" | "français" | "francais" => Ok(Language::Fr),
            "en" | "english" | "anglais" => Ok(Language::En),
            _ => Err(Error::UnknownCode {
                what: "language",
                value: s.to_owned(),
                expected: "fr, en",
            }),
        }
    }
}

/// Every phrase of one language, grouped by the part of the crate that writes it. One value per
/// language: [`fr::FR`], [`en::EN`].
pub(crate) struct Phrases {
    /// Words shared by several parts: punctuation, the "no rate" wording, labels of the
    /// model's codes.
    pub(crate) common: Common,
    /// The engine: the decision's reasons and the synthesis (section 4).
    pub(crate) engine: Engine,
    /// The report's fixed wording, shared by the renderers (Markdown and HTML).
    pub(crate) report: Report,
}

/// Words shared by several parts.
pub(crate) struct Common {
    /// What stands for a conformity rate when there is none (no `C` nor `NC`): the one wording,
    /// in every output.
    pub(crate) no_rate: &'static str,
    /// The outcome of the decision: `avis favorable`, `favourable with conditions`…
    pub(crate) outcome: fn(Outcome) -> &'static str,
    /// The kind of administration: `Préfecture`, `Prefecture`…
    pub(crate) administration: fn(AdministrationType) -> &'static str,
    /// A remote check's note: `Conforme`, `Conforming`…
    pub(crate) remote_note: fn(RemoteNote) -> &'static str,
    /// A verdict in words: `Conforme`, `conformity`…
    pub(crate) verdict: fn(Verdict) -> &'static str,
    /// A remote channel in words: `Internet`, `Website`…
    pub(crate) remote_channel: fn(RemoteChannel) -> &'static str,
    /// A management section in words: `PILOTAGE DE LA POLITIQUE QUALITE`…
    pub(crate) management_section: fn(ManagementSection) -> &'static str,
    /// What comes between a label and its value: ` : ` (French spaces it), `: `.
    pub(crate) colon: &'static str,
    /// What separates the parts of an enumeration: ` ; `, `; `.
    pub(crate) semicolon: &'static str,
    /// What opens a quoted title: ` « `, ` "`.
    pub(crate) open_quote: &'static str,
    /// What closes a quoted title: ` »`, `"`.
    pub(crate) close_quote: &'static str,
    /// `Taux de conformité :` (before a rate, in titles and tables).
    pub(crate) rate_label: &'static str,
    /// ` (indicatif)`, after the outcome of an internal audit, which decides nothing: the one
    /// wording of every output ([`Conclusions::outcome_label`](crate::Conclusions::outcome_label)).
    pub(crate) indicative: &'static str,
}

/// The engine's phrases: the reasons of the decision, the synthesis (section 4) and the
/// conclusions as text.
///
/// A phrase that sits between data holds the spaces and punctuation around it (` — constat : `):
/// the lines are written piece by piece with `push_str`, and fewer pieces are faster.
pub(crate) struct Engine {
    /// The headings of the synthesis' sections.
    pub(crate) headings: Headings,
    /// The reasons of the decision.
    pub(crate) reasons: Reasons,
    /// The line of a section with nothing to say: `Sans objet.`
    pub(crate) nothing: &'static str,
    /// The line of FICHE(S) D'ECART(S) without nonconformity.
    pub(crate) no_nonconformity: &'static str,
    /// The line of RESPECT DE LA CHARTE GRAPHIQUE in an initial audit.
    pub(crate) charte_initial: &'static str,
    /// `Verdict de l'auditeur : ` (before the charte graphique's verdict).
    pub(crate) auditor_verdict: &'static str,
    /// The audit's kind: `Audit interne réalisé en amont d'un audit initial`, from whether it
    /// is internal and its type.
    pub(crate) audit_kind: fn(out: &mut String, internal: bool, Option<AuditType>),
    /// `le ` (before a single day).
    pub(crate) on: &'static str,
    /// `du ` (before the first day).
    pub(crate) from: &'static str,
    /// ` au ` (between the first and the last day).
    pub(crate) to: &'static str,
    /// `Engagement ` (before the number of what an observation or an écart belongs to).
    pub(crate) engagement: &'static str,
    /// `, point ` (between a management section and an item's number).
    pub(crate) management_item: &'static str,
    /// `Audit à distance (` (before the channel of a remote check).
    pub(crate) remote_check: &'static str,
    /// `), engagement ` (between the channel of a remote check and its engagement's number).
    pub(crate) remote_engagement: &'static str,
    /// ` — risque associé : ` (before the risk of a `PS`).
    pub(crate) risk: &'static str,
    /// ` — constat : ` (before an écart's finding).
    pub(crate) finding: &'static str,
    /// ` — exigence : ` (before an écart's requirement).
    pub(crate) requirement: &'static str,
    /// `non renseigné` (a finding or requirement left empty).
    pub(crate) not_stated: &'static str,
    /// ` (sans fiche d'écart)` (after an écart without fiche).
    pub(crate) no_fiche: &'static str,
    /// ` — action corrective due le ` (before a due date).
    pub(crate) due_on: &'static str,
    /// `date de la fiche d'écart` (where a due date comes from).
    pub(crate) due_from_fiche: &'static str,
    /// Where a due date comes from under the policy: `3 mois après la fin de l'audit`.
    pub(crate) due_after: fn(out: &mut String, months: u32),
    /// ` — échéance non calculable.` (a due date beyond the calendar).
    pub(crate) no_due: &'static str,
    /// `taux de conformité ` (before a rate in a sentence).
    pub(crate) rate: &'static str,
    /// ` (aucun C ni NC)` (after [`Common::no_rate`] in a sentence: why there is none).
    pub(crate) no_rate_why: &'static str,
    /// ` engagement` (a noun counted by [`assessed`](Engine::assessed)).
    pub(crate) engagements: &'static str,
    /// ` point` (a noun counted by [`assessed`](Engine::assessed)).
    pub(crate) items: &'static str,
    /// How many items of a kind (`noun`: [`engagements`](Engine::engagements) or
    /// [`items`](Engine::items)) are assessed out of those listed, up to the colon:
    /// `23 engagements évalués sur 23 : `.
    pub(crate) assessed: fn(out: &mut String, assessed: u32, listed: u32, noun: &str),
    /// `Aucun module couvert.`
    pub(crate) no_module: &'static str,
    /// `Modules couverts : ` (before their list).
    pub(crate) modules_covered: &'static str,
    /// `Pilotage de la politique qualité et démarche de labellisation : ` (before their
    /// figures).
    pub(crate) management: &'static str,
    /// `Audit à distance : ` (before the figures of the remote checks).
    pub(crate) remote_checks: &'static str,
    /// The remote checks counted by note: `13 contrôles, 13 conformes, 0 non conforme, …`.
    pub(crate) remote_counts: fn(out: &mut String, &NoteCounts),
    /// The observations counted, as a sentence: `Observations : 10 points forts, …`.
    pub(crate) observation_counts: fn(out: &mut String, &ObservationCounts),
    /// `Décision selon la politique de décision par défaut de l'outil (…) : ` (before the
    /// outcome of an external audit).
    pub(crate) decision: &'static str,
    /// The same for an internal audit, whose outcome is indicative, not a decision.
    pub(crate) indicative_decision: &'static str,
    /// `, actions correctives dues au plus tard le ` (before the last due date).
    pub(crate) due_by: &'static str,
    /// `DÉCISION : ` (the first line of the conclusions as text, before the outcome).
    pub(crate) decision_title: &'static str,
    /// `AVIS INDICATIF (audit interne, sans valeur de décision) : ` (the first line of the
    /// conclusions of an internal audit as text, before the outcome).
    pub(crate) indicative_title: &'static str,
    /// `Texte de l'auditeur :` (before the auditor's text, in the conclusions as text).
    pub(crate) auditor_text: &'static str,
}

/// The headings of the synthesis' sections, as the report prints them.
pub(crate) struct Headings {
    /// `POINTS FORTS`.
    pub(crate) points_forts: &'static str,
    /// `POINTS SENSIBLES (avec risques associés)`.
    pub(crate) points_sensibles: &'static str,
    /// `PISTES DE PROGRES`.
    pub(crate) pistes_de_progres: &'static str,
    /// `FICHE(S) D'ECART(S)`.
    pub(crate) fiches_ecart: &'static str,
    /// `COMMENTAIRES`.
    pub(crate) commentaires: &'static str,
    /// `LES BONNES PRATIQUES`.
    pub(crate) bonnes_pratiques: &'static str,
    /// `LES RESULTATS DES ENQUETES DE SATISFACTION DES USAGERS`.
    pub(crate) enquetes_satisfaction: &'static str,
    /// `RESPECT DE LA CHARTE GRAPHIQUE`.
    pub(crate) charte_graphique: &'static str,
    /// `CONCLUSION GENERALE DE L'AUDIT`.
    pub(crate) conclusion_generale: &'static str,
}

/// The reason of the decision, one sentence per rule of the policy.
pub(crate) struct Reasons {
    /// At least one `NC Maj` (their number).
    pub(crate) major: fn(major: u32) -> String,
    /// The threshold of `NC min` reached (their number, the threshold).
    pub(crate) minor_threshold: fn(minor: u32, threshold: u32) -> String,
    /// At least one `NC min`, below any threshold (their number).
    pub(crate) minor: fn(minor: u32) -> String,
    /// No nonconformity.
    pub(crate) none: &'static str,
}

/// The report's fixed wording, shared by the renderers, so that both say the same thing in the
/// same words.
pub(crate) struct Report {
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


/// The kind of administration in words: `Préfecture`, `Prefecture`…
pub(crate) fn administration(kind: AdministrationType, language: Language) -> &'static str {
    (language.phrases().common.administration)(kind)
}

/// The site as the cover names it: its name, or else its kind of administration.
pub(crate) fn site_name(site: &crate::Site, language: Language) -> &str {
    site.name
        .as_deref()
        .unwrap_or(administration(site.administration, language))
}

/// The audit type alone, without the site: `Audit interne réalisé en amont d'un audit initial`.
pub(crate) fn audit_kind(audit: &crate::Audit, language: Language) -> String {
    let mut out = String::with_capacity(64);
    (language.phrases().engine.audit_kind)(&mut out, audit.kind.internal, audit.kind.audit_type);
    out
}

/// A module's heading, its title already upper-cased and escaped by the renderer:
/// `MODULE 1 - OBLIGATOIRE : RELATION …`.
pub(crate) fn module_heading(
    module: ModuleNumber,
    title: &str,
    obligatory: bool,
    language: Language,
) -> String {
    (language.phrases().report.module_heading)(module, title, obligatory)
}

/// A remote check's note in words; `—` without a note (in every language).
pub(crate) fn remote_note(note: Option<RemoteNote>, language: Language) -> &'static str {
    note.map_or("—", language.phrases().common.remote_note)
}

/// A rate with its ratio, `100,0 % (20/20)`, or [`Common::no_rate`] without one.
pub(crate) fn rate_text(rate: Option<crate::Rate>, language: Language) -> String {
    match rate {
        Some(r) => {
            let mut out = String::with_capacity(24);
            format::push_rate_ratio(&mut out, r, language);
            out
        }
        None => language.phrases().common.no_rate.to_owned(),
    }
}

/// The outcome as a title: `Avis favorable`, `Favourable with conditions`.
pub(crate) fn outcome_title(outcome: Outcome, language: Language) -> String {
    let label = (language.phrases().common.outcome)(outcome);
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The policy applied, in one sentence.
pub(crate) fn policy_sentence(policy: &crate::AppliedPolicy, language: Language) -> String {
    (language.phrases().report.policy)(
        policy.deadline_months,
        policy.major_deadline_months,
        policy.minor_threshold,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_parse_and_display() {
        for text in ["fr", "FR", " french ", "Français", "francais"] {
            assert_eq!(text.parse::<Language>().ok(), Some(Language::Fr), "{text}");
        }
        for text in ["en", "English", "anglais"] {
            assert_eq!(text.parse::<Language>().ok(), Some(Language::En), "{text}");
        }
        let err = "de".parse::<Language>().err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("de") && e.contains("fr, en")));
        assert_eq!(Language::Fr.to_string(), "fr");
        assert_eq!(Language::En.to_string(), "en");
    }

    #[test]
    fn plurals_follow_each_language() {
        // French: 0 and 1 are singular; English: only 1.
        let fr: Vec<&str> = (0..3).map(fr::plural).collect();
        let en: Vec<&str> = (0..3).map(en::plural).collect();
        assert_eq!(fr, ["", "", "s"]);
        assert_eq!(en, ["s", "", "s"]);
    }
}
