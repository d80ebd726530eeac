//! The wording of the corrective-action plan: a field of each language's `Phrases`
//! (`src/i18n/fr.rs`, `src/i18n/en.rs`).

use crate::ActionStatus;
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
