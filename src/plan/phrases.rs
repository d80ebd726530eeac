//! The wording of the corrective-action plan, in each language: the features keep their own
//! phrases, beside the shared ones of `crate::i18n`.

use crate::ActionStatus;
use crate::Language;
use crate::plan::{PlanTotals, Standing};

/// The plan's wording in one language. French strings carry their no-break spaces
/// (U+00A0) before `:` `;` `!` `?` and inside `« »`.
pub(crate) struct PlanPhrases {
    /// `Plan d'actions correctives`.
    pub(crate) title: &'static str,
    /// ` au ` (between the title and the plan's date).
    pub(crate) at: &'static str,
    /// What comes between a label and its value: ` : ` (with a no-break space), `: `.
    pub(crate) colon: &'static str,
    /// Before a title: ` « `.
    pub(crate) open_quote: &'static str,
    /// After a title: ` »`.
    pub(crate) close_quote: &'static str,
    /// `Audits`, the label of the list of audits.
    pub(crate) audits: &'static str,
    /// `, dernier jour le ` (between an audit's kind and its last day).
    pub(crate) audit_end: &'static str,
    /// The policy's deadlines, in one sentence, from the months of `NC min` and `NC Maj`.
    pub(crate) policy: fn(minor: u32, major: u32) -> String,
    /// The totals, in one sentence.
    pub(crate) totals: fn(&PlanTotals, due_soon_days: u32) -> String,
    /// The sentence of a plan without corrective action.
    pub(crate) none: &'static str,
    /// The heading of the actions of a standing: `En retard`…
    pub(crate) standing: fn(Standing) -> &'static str,
    /// A fiche's state: `ouverte`, `en cours`, `levée`, `non levée`.
    pub(crate) state: fn(&ActionStatus) -> &'static str,
    /// `Audit` (the column naming each action's audit when the plan has several).
    pub(crate) audit: &'static str,
    /// `, audit du ` (between a site and its audit's first day).
    pub(crate) audit_of: &'static str,
    /// ` le ` (before the day a state was checked).
    pub(crate) on: &'static str,
    /// ` (après la date du plan : non compté)`, after an audit that starts after the plan's
    /// date.
    pub(crate) after_date: &'static str,
    /// ` à cette date ; par la suite ` (between the state at the plan's date and a state
    /// checked after it).
    pub(crate) later: &'static str,
    /// `Preuve` (of a lifted écart).
    pub(crate) evidence: &'static str,
    /// `Motif` (of an écart not lifted).
    pub(crate) reason: &'static str,
    /// `Gravité`.
    pub(crate) grade: &'static str,
    /// `Objet` (the engagement or management item).
    pub(crate) target: &'static str,
    /// `Constat`.
    pub(crate) finding: &'static str,
    /// `Exigence`.
    pub(crate) requirement: &'static str,
    /// `Action corrective`.
    pub(crate) action: &'static str,
    /// `Pilote`.
    pub(crate) leader: &'static str,
    /// `Échéance`.
    pub(crate) due: &'static str,
    /// `État`.
    pub(crate) status: &'static str,
    /// `Site`.

    /// What stands for an action not yet decided.
    pub(crate) no_action: &'static str,
    /// What stands for a leader not yet named.
    pub(crate) no_leader: &'static str,
    /// What stands for a missing text.
    pub(crate) not_stated: &'static str,
    /// ` (sans fiche d'écart)`.
    pub(crate) no_fiche: &'static str,
    /// `date de la fiche d'écart`.
    pub(crate) due_from_fiche: &'static str,
    /// `politique : 1 mois après la fin de l'audit`, from the months.
    pub(crate) due_from_policy: fn(months: u32) -> String,
    /// `échéance non calculable`.
    pub(crate) no_due: &'static str,
    /// How far the due date is: `en retard de 12 jours`, `dans 5 jours`, `aujourd'hui`.
    pub(crate) days: fn(days: i64) -> String,
    /// The heading of the preventive actions.
    pub(crate) preventive: &'static str,
    /// The sentence of a plan without point sensible.
    pub(crate) no_preventive: &'static str,
    /// `Point sensible`.
    pub(crate) point: &'static str,
    /// `Risque`.
    pub(crate) risk: &'static str,
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
    title: "Plan d'actions correctives",
    at: " au ",
    colon: "\u{a0}: ",
    open_quote: " «\u{a0}",
    close_quote: "\u{a0}»",
    audits: "Audits",
    audit_end: ", dernier jour le ",
    policy: fr_policy,
    totals: fr_totals,
    none: "Aucune action corrective\u{a0}: les audits n'ont relevé aucune non-conformité.",
    standing: |s| match s {
        Standing::Overdue => "En retard",
        Standing::DueSoon => "À échéance dans les 30 jours",
        Standing::Open => "Ouvertes",
        Standing::Lifted => "Levées",
    },
    state: |s| match s {
        ActionStatus::InProgress => "en cours",
        ActionStatus::Lifted { .. } => "levée",
        ActionStatus::NotLifted { .. } => "non levée",
        ActionStatus::Open => "ouverte",
    },
    audit: "Audit",
    audit_of: ", audit du ",
    on: " le ",
    after_date: " (après la date du plan\u{a0}: non compté)",
    later: " à cette date\u{202f}; par la suite ",
    evidence: "Preuve",
    reason: "Motif",
    grade: "Gravité",
    target: "Objet",
    finding: "Constat",
    requirement: "Exigence",
    action: "Action corrective",
    leader: "Pilote",
    due: "Échéance",
    status: "État",
    no_action: "non définie",
    no_leader: "non désigné",
    not_stated: "non renseigné",
    no_fiche: " (sans fiche d'écart)",
    due_from_fiche: "date de la fiche d'écart",
    due_from_policy: |months| {
        format!("politique\u{a0}: {months}\u{a0}mois après la fin de l'audit")
    },
    no_due: "échéance non calculable",
    days: |days| match days {
        0 => "aujourd'hui".to_owned(),
        1 => "demain".to_owned(),
        -1 => "en retard d'un jour".to_owned(),
        d if d < 0 => format!("en retard de {}\u{a0}jours", d.unsigned_abs()),
        d => format!("dans {d}\u{a0}jours"),
    },
    preventive: "Actions préventives (points sensibles)",
    no_preventive: "Aucun point sensible.",
    point: "Point sensible",
    risk: "Risque",
};

/// English.
pub(crate) const EN: PlanPhrases = PlanPhrases {
    title: "Corrective-action plan",
    at: " at ",
    colon: ": ",
    open_quote: " “",
    close_quote: "”",
    audits: "Audits",
    audit_end: ", last day ",
    policy: en_policy,
    totals: en_totals,
    none: "No corrective action: the audits found no nonconformity.",
    standing: |s| match s {
        Standing::Overdue => "Overdue",
        Standing::DueSoon => "Due within 30 days",
        Standing::Open => "Open",
        Standing::Lifted => "Lifted",
    },
    state: |s| match s {
        ActionStatus::InProgress => "in progress",
        ActionStatus::Lifted { .. } => "lifted",
        ActionStatus::NotLifted { .. } => "not lifted",
        ActionStatus::Open => "open",
    },
    audit: "Audit",
    audit_of: ", audit of ",
    on: " on ",
    after_date: " (after the plan's date: not counted)",
    later: " at that date; later ",
    evidence: "Evidence",
    reason: "Reason",
    grade: "Grade",
    target: "Subject",
    finding: "Finding",
    requirement: "Requirement",
    action: "Corrective action",
    leader: "Leader",
    due: "Due",
    status: "State",
    no_action: "not decided",
    no_leader: "not named",
    not_stated: "not stated",
    no_fiche: " (no fiche d'écart)",
    due_from_fiche: "date of the fiche d'écart",
    due_from_policy: |months| {
        format!(
            "policy: {months} month{} after the audit's last day",
            crate::i18n::plural_en(months)
        )
    },
    no_due: "due date cannot be computed",
    days: |days| match days {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        -1 => "1 day overdue".to_owned(),
        d if d < 0 => format!("{} days overdue", d.unsigned_abs()),
        d => format!("in {d} days"),
    },
    preventive: "Preventive actions (points sensibles)",
    no_preventive: "No point sensible.",
    point: "Point sensible",
    risk: "Risk",
};

fn fr_policy(minor: u32, major: u32) -> String {
    format!(
        "Échéances sans date de fiche\u{a0}: NC min {minor}\u{a0}mois, NC Maj {major}\u{a0}mois \
         après la fin de l'audit (règle par défaut de l'outil\u{a0}: le référentiel ne publie pas \
         la sienne)."
    )
}

fn fr_totals(t: &PlanTotals, due_soon_days: u32) -> String {
    let s = |n: u32| crate::i18n::plural_fr(n);
    format!(
        "{} action{} corrective{}\u{a0}: {} ouverte{} dont {} en retard et {} à échéance dans les \
         {due_soon_days}\u{a0}jours\u{202f}; {} levée{}. {} action{} préventive{}.",
        t.actions,
        s(t.actions),
        s(t.actions),
        t.open,
        s(t.open),
        t.overdue,
        t.due_soon,
        t.lifted,
        s(t.lifted),
        t.preventive,
        s(t.preventive),
        s(t.preventive),
    )
}

fn en_policy(minor: u32, major: u32) -> String {
    format!(
        "Due dates without a fiche's date: NC min {minor} month{}, NC Maj {major} month{} after \
         the audit's last day (the tool's default rule: the référentiel does not publish its \
         own).",
        crate::i18n::plural_en(minor),
        crate::i18n::plural_en(major)
    )
}

fn en_totals(t: &PlanTotals, due_soon_days: u32) -> String {
    let s = |n: u32| crate::i18n::plural_en(n);
    format!(
        "{} corrective action{}: {} open, of which {} overdue and {} due within {due_soon_days} \
         days; {} lifted. {} preventive action{}.",
        t.actions,
        s(t.actions),
        t.open,
        t.overdue,
        t.due_soon,
        t.lifted,
        t.preventive,
        s(t.preventive),
    )
}
