//! The engine's phrases (the decision's reasons, the synthesis, the conclusions as text), in
//! each language: `fr.rs`, `en.rs`. A missing phrase is a missing field of a struct literal, a
//! compile error. The shared wording (punctuation, the labels of the model's codes) is in
//! `crate::i18n`.

use crate::{AuditType, Language, NoteCounts, ObservationCounts, Outcome};

mod en;
mod fr;

impl Language {
    /// The engine's phrases in this language.
    pub(crate) const fn engine(self) -> &'static EnginePhrases {
        match self {
            Language::Fr => &fr::FR,
            Language::En => &en::EN,
        }
    }
}

/// The engine's phrases: the reasons of the decision, the synthesis (section 4) and the
/// conclusions as text.
///
/// A phrase that sits between data holds the spaces and punctuation around it (` — constat : `):
/// the lines are written piece by piece with `push_str`, and fewer pieces are faster.
pub(crate) struct EnginePhrases {
    /// The outcome of the decision: `avis favorable`, `favourable with conditions`…
    pub(crate) outcome: fn(Outcome) -> &'static str,
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
    /// `non renseigné` (a finding left empty).
    pub(crate) finding_not_stated: &'static str,
    /// `non renseignée` (a requirement left empty: the word agrees with « exigence »).
    pub(crate) requirement_not_stated: &'static str,
    /// ` (sans fiche d'écart)` (after an écart without fiche).
    pub(crate) no_fiche: &'static str,
    /// ` — action corrective due le ` (before a due date).
    pub(crate) due_on: &'static str,
    /// `date de la fiche d'écart` (where a due date comes from).
    pub(crate) due_from_fiche: &'static str,
    /// `veille de l'audit externe prévu` (the due date of an internal audit's écart).
    pub(crate) due_before_external: &'static str,
    /// Where a due date comes from under the policy: `3 mois après la fin de l'audit`.
    pub(crate) due_after: fn(out: &mut String, months: u32),
    /// ` — échéance non calculable.` (a due date beyond the calendar).
    pub(crate) no_due: &'static str,
    /// `taux de conformité ` (before a rate in a sentence).
    pub(crate) rate: &'static str,
    /// ` (aucun C ni NC)` (after `Common::no_rate` in a sentence: why there is none).
    pub(crate) no_rate_why: &'static str,
    /// ` engagement` (a noun counted by [`assessed`](EnginePhrases::assessed)).
    pub(crate) engagements: &'static str,
    /// ` point` (a noun counted by [`assessed`](EnginePhrases::assessed)).
    pub(crate) items: &'static str,
    /// How many items of a kind (`noun`: [`engagements`](EnginePhrases::engagements) or
    /// [`items`](EnginePhrases::items)) are assessed out of those listed, up to the colon:
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
    /// `Avis selon la règle de décision par défaut de l'outil (…) : ` (before the outcome of
    /// an external audit: an audit gives an avis, the certification body decides).
    pub(crate) decision: &'static str,
    /// The same for an internal audit, whose outcome is indicative, not a decision.
    pub(crate) indicative_decision: &'static str,
    /// `, actions correctives dues au plus tard le ` (before the last due date).
    pub(crate) due_by: &'static str,
    /// `AVIS PROPOSÉ : ` (the first line of the conclusions as text, before the outcome).
    pub(crate) decision_title: &'static str,
    /// `AVIS INDICATIF (audit interne, sans valeur de décision) : ` (the first line of the
    /// conclusions of an internal audit as text, before the outcome).
    pub(crate) indicative_title: &'static str,
    /// That the outcome follows the tool's default rule, not the référentiel's (whose decision
    /// rules are not public): the second line of the conclusions as text, and the report's
    /// note under its avis.
    pub(crate) policy_caveat: &'static str,
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

/// The audit type alone, without the site: `Audit interne réalisé en amont d'un audit initial`.
pub(crate) fn audit_kind(audit: &crate::Audit, language: Language) -> String {
    let mut out = String::with_capacity(64);
    (language.engine().audit_kind)(&mut out, audit.kind.internal, audit.kind.audit_type);
    out
}

/// A rate with its ratio, `100,0 % (20/20)`, or `Common::no_rate` without one.
pub(crate) fn rate_text(rate: Option<crate::Rate>, language: Language) -> String {
    match rate {
        Some(r) => {
            let mut out = String::with_capacity(24);
            push_rate_ratio(&mut out, r, language);
            out
        }
        None => language.phrases().common.no_rate.to_owned(),
    }
}

/// The outcome as a title: `Avis favorable`, `Favourable with conditions`.
pub(crate) fn outcome_title(outcome: Outcome, language: Language) -> String {
    let label = (language.engine().outcome)(outcome);
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Writes a rate as a percentage then its ratio: `100,0 % (20/20)`.
#[inline]
pub(crate) fn push_rate_ratio(out: &mut String, rate: crate::Rate, language: Language) {
    crate::i18n::format::push_percent(out, rate.tenths_of_percent(), language);
    out.push_str(" (");
    crate::i18n::push_number(out, rate.numerator());
    out.push('/');
    crate::i18n::push_number(out, rate.denominator());
    out.push(')');
}
