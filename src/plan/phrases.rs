//! The wording of the plan d'actions, in each language: the features keep their own phrases,
//! beside the shared ones of `crate::i18n`. French strings carry their no-break spaces (U+00A0)
//! before `:` `;` `!` `?` and inside `« »`, and U+202F before `;`.

use super::columns::Column;
use super::{PlanTotals, Standing};
use crate::Language;

/// The plan's wording in one language.
pub(crate) struct PlanPhrases {
    /// `Plan d'actions qualité`.
    pub(crate) title: &'static str,
    /// ` au ` (between the title and the plan's date).
    pub(crate) at: &'static str,
    /// ` le ` (before a day).
    pub(crate) on: &'static str,
    /// What comes between a label and its value.
    pub(crate) colon: &'static str,
    /// Before a title: ` « `.
    pub(crate) open_quote: &'static str,
    /// After a title: ` »`.
    pub(crate) close_quote: &'static str,
    /// Between parts of a cell: ` ; `.
    pub(crate) separator: &'static str,
    /// The heading of each column.
    pub(crate) column: fn(Column) -> &'static str,
    /// The heading of the actions of a standing.
    pub(crate) standing: fn(Standing) -> &'static str,
    /// `Audits`.
    pub(crate) audits: &'static str,
    /// `, dernier jour le `.
    pub(crate) audit_end: &'static str,
    /// ` (après la date du plan : non compté)`.
    pub(crate) after_date: &'static str,
    /// `, plan d'actions à transmettre avant le `.
    pub(crate) plan_due: &'static str,
    /// `, fiche d'écart n°`.
    pub(crate) fiche: &'static str,
    /// `Exigence`.
    pub(crate) requirement: &'static str,
    /// ` à l'audit du `.
    pub(crate) at_audit_of: &'static str,
    /// `, audit du `.
    pub(crate) audit_of: &'static str,
    /// `, reprise au n° `.
    pub(crate) carried_by: &'static str,
    /// ` (sans preuve enregistrée)`.
    pub(crate) no_evidence: &'static str,
    /// ` (l'échéance précède la fin de l'audit : à corriger)`.
    pub(crate) due_before_audit: &'static str,
    /// `date du plan d'actions tenu` (an échéance the quality manager set).
    pub(crate) due_from_plan: &'static str,
    /// `date de la fiche d'écart`.
    pub(crate) due_from_fiche: &'static str,
    /// `veille de l'audit externe prévu`.
    pub(crate) due_before_external: &'static str,
    /// `politique : 3 mois après la fin de l'audit`.
    pub(crate) due_from_policy: fn(months: u32) -> String,
    /// How far an échéance is.
    pub(crate) days: fn(days: i64) -> String,
    /// The policy's deadlines, in one sentence.
    pub(crate) policy: fn(minor: u32, major: u32) -> String,
    /// The totals, in one sentence.
    pub(crate) totals: fn(&PlanTotals) -> String,
    /// The sentence of a plan without any action.
    pub(crate) none: &'static str,
    /// `Statut du label : `.
    pub(crate) label: &'static str,
    /// `Prochain audit dû : `.
    pub(crate) next: &'static str,
    /// `Diagnostics` (heading).
    pub(crate) diagnostics: &'static str,
    /// `Lecture du plan tenu` (heading of the merge's diagnostics).
    pub(crate) records: &'static str,
    /// `Site : `.
    pub(crate) site: &'static str,
    /// What stands for a missing text.
    pub(crate) not_stated: &'static str,
    /// `efficacité vérifiée le ` (a check after the plan's date).
    pub(crate) efficacy_checked: &'static str,
    /// `preuve` (evidence of a realisation after the plan's date).
    pub(crate) evidence: &'static str,
}

/// The plan's wording in `language`.
pub(crate) const fn of(language: Language) -> &'static PlanPhrases {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

/// French.
pub(crate) const FR: PlanPhrases = PlanPhrases {
    title: "Plan d'actions qualité",
    at: " au ",
    on: " le ",
    colon: "\u{a0}: ",
    open_quote: " «\u{a0}",
    close_quote: "\u{a0}»",
    separator: "\u{202f}; ",
    column: |c| match c {
        Column::Number => "N°",
        Column::Origin => "Origine",
        Column::OriginDate => "Date de l'origine",
        Column::Requirement => "Engagement / exigence",
        Column::Kind => "Type",
        Column::Finding => "Constat",
        Column::Risk => "Risque",
        Column::Cause => "Cause",
        Column::Action => "Correction et action corrective",
        Column::Leader => "Pilote",
        Column::Due => "Échéance",
        Column::RealisedOn => "Date de réalisation",
        Column::Progress => "Avancement",
        Column::Evidence => "Preuve / indicateur d'efficacité",
        Column::EfficacyOn => "Efficacité vérifiée le",
        Column::EfficacyBy => "Efficacité vérifiée par",
        Column::EfficacyResult => "Résultat de la vérification",
        Column::State => "État",
        Column::ClosedOn => "Date de clôture",
        Column::Comment => "Commentaire",
        Column::Situation => "Situation",
        Column::Later => "Par la suite",
        Column::Key => "Clé (ne pas modifier)",
    },
    standing: |s| match s {
        Standing::Overdue => "En retard",
        Standing::DueSoon => "À échéance dans les 30\u{a0}jours",
        Standing::Open => "Ouvertes",
        Standing::CarriedOver => "Reprises par un constat plus récent",
        Standing::Done => "Traitées",
    },
    audits: "Audits",
    audit_end: ", dernier jour le ",
    after_date: " (après la date du plan\u{a0}: non compté)",
    plan_due: ", plan d'actions à transmettre avant le ",
    fiche: ", fiche d'écart n°",
    requirement: "Exigence",
    at_audit_of: " à l'audit du ",
    audit_of: ", audit du ",
    carried_by: ", reprise au n°\u{a0}",
    no_evidence: " (sans preuve enregistrée)",
    due_before_audit: " (l'échéance précède la fin de l'audit\u{a0}: à corriger)",
    due_from_plan: "date du plan d'actions tenu",
    due_from_fiche: "date de la fiche d'écart",
    due_before_external: "veille de l'audit externe prévu",
    due_from_policy: |months| {
        format!("politique\u{a0}: {months}\u{a0}mois après la fin de l'audit")
    },
    days: |days| match days {
        0 => "échéance aujourd'hui".to_owned(),
        1 => "échéance demain".to_owned(),
        -1 => "en retard d'un jour".to_owned(),
        d if d < 0 => format!("en retard de {}\u{a0}jours", d.unsigned_abs()),
        d => format!("échéance dans {d}\u{a0}jours"),
    },
    policy: |minor, major| {
        format!(
            "Échéances des non-conformités sans date de fiche\u{a0}: NC min {minor}\u{a0}mois, \
             NC Maj {major}\u{a0}mois après la fin de l'audit, et, pour un audit interne, la \
             veille de l'audit externe prévu (règle par défaut de l'outil\u{a0}: le référentiel \
             ne publie pas la sienne)."
        )
    },
    totals: |t| {
        let s = |n: u32| crate::i18n::plural_fr(n);
        format!(
            "{} action{}, dont {} non-conformité{}\u{a0}: {} ouverte{} ({} en retard, {} à \
             échéance dans les 30\u{a0}jours), {} reprise{} par un constat plus récent, {} \
             traitée{}.",
            t.actions,
            s(t.actions),
            t.nonconformities,
            s(t.nonconformities),
            t.open,
            s(t.open),
            t.overdue,
            t.due_soon,
            t.carried_over,
            s(t.carried_over),
            t.done,
            s(t.done),
        )
    },
    none: "Aucune action à cette date\u{a0}: les audits n'ont relevé ni non-conformité, ni point sensible, ni piste de progrès.",
    label: "Statut du label\u{a0}: ",
    next: "Prochain audit dû\u{a0}: ",
    diagnostics: "Diagnostics",
    records: "Lecture du plan tenu",
    site: "Site\u{a0}: ",
    not_stated: "non renseigné",
    efficacy_checked: "efficacité vérifiée le ",
    evidence: "preuve",
};

/// English.
pub(crate) const EN: PlanPhrases = PlanPhrases {
    title: "Plan d'actions qualité (quality action plan)",
    at: " at ",
    on: " on ",
    colon: ": ",
    open_quote: " “",
    close_quote: "”",
    separator: "; ",
    column: |c| match c {
        Column::Number => "No.",
        Column::Origin => "Origin",
        Column::OriginDate => "Date of origin",
        Column::Requirement => "Engagement / requirement",
        Column::Kind => "Type",
        Column::Finding => "Finding",
        Column::Risk => "Risk",
        Column::Cause => "Cause",
        Column::Action => "Correction and corrective action",
        Column::Leader => "Leader",
        Column::Due => "Due",
        Column::RealisedOn => "Realised on",
        Column::Progress => "Progress",
        Column::Evidence => "Evidence / efficacy indicator",
        Column::EfficacyOn => "Efficacy checked on",
        Column::EfficacyBy => "Efficacy checked by",
        Column::EfficacyResult => "Result of the check",
        Column::State => "State",
        Column::ClosedOn => "Closed on",
        Column::Comment => "Comment",
        Column::Situation => "Situation",
        Column::Later => "Afterwards",
        Column::Key => "Key (do not change)",
    },
    standing: |s| match s {
        Standing::Overdue => "Overdue",
        Standing::DueSoon => "Due within 30 days",
        Standing::Open => "Open",
        Standing::CarriedOver => "Carried over by a later finding",
        Standing::Done => "Dealt with",
    },
    audits: "Audits",
    audit_end: ", last day ",
    after_date: " (after the plan's date: not counted)",
    plan_due: ", plan d'actions to be sent before ",
    fiche: ", fiche d'écart no. ",
    requirement: "Requirement",
    at_audit_of: " at the audit of ",
    audit_of: ", audit of ",
    carried_by: ", carried over as no. ",
    no_evidence: " (no evidence recorded)",
    due_before_audit: " (the due date is before the audit's end: to be corrected)",
    due_from_plan: "date of the kept plan",
    due_from_fiche: "date of the fiche d'écart",
    due_before_external: "the day before the planned external audit",
    due_from_policy: |months| {
        format!(
            "policy: {months} month{} after the audit's last day",
            crate::i18n::plural_en(months)
        )
    },
    days: |days| match days {
        0 => "due today".to_owned(),
        1 => "due tomorrow".to_owned(),
        -1 => "1 day overdue".to_owned(),
        d if d < 0 => format!("{} days overdue", d.unsigned_abs()),
        d => format!("due in {d} days"),
    },
    policy: |minor, major| {
        format!(
            "Due dates of nonconformities without a fiche's date: NC min {minor} month{}, NC Maj \
             {major} month{} after the audit's last day, and for an internal audit the day \
             before the planned external audit (the tool's default rule: the référentiel does \
             not publish its own).",
            crate::i18n::plural_en(minor),
            crate::i18n::plural_en(major)
        )
    },
    totals: |t| {
        let s = |n: u32| crate::i18n::plural_en(n);
        format!(
            "{} action{}, of which {} nonconformit{}: {} open ({} overdue, {} due within 30 \
             days), {} carried over by a later finding, {} dealt with.",
            t.actions,
            s(t.actions),
            t.nonconformities,
            if t.nonconformities == 1 { "y" } else { "ies" },
            t.open,
            t.overdue,
            t.due_soon,
            t.carried_over,
            t.done,
        )
    },
    none: "No action at this date: the audits found no nonconformity, area of concern nor opportunity for improvement.",
    label: "Label status: ",
    next: "Next audit due: ",
    diagnostics: "Diagnostics",
    records: "Reading the kept plan",
    site: "Site: ",
    not_stated: "not stated",
    efficacy_checked: "efficacy checked on ",
    evidence: "evidence",
};

#[cfg(test)]
mod tests {
    use super::super::columns::COLUMNS;
    use super::*;

    /// The French wording follows the crate's typography.
    #[test]
    fn french_phrases_are_typeset() {
        for c in COLUMNS {
            let h = (FR.column)(c);
            assert!(crate::i18n::typography::is_typeset(h), "{h}");
        }
        for s in [FR.none, FR.label, FR.after_date, FR.due_before_audit] {
            assert!(!s.contains(" :"), "{s}");
        }
    }
}
