//! The label's cycle: the [`CyclePolicy`] (the crate's own default) and the [`LabelStatus`] at
//! a date, replayed from the audits of a dossier.
//!
//! **The Qual-e-pref cycle is not public; this default is the crate's own.** It follows the
//! predecessor label, Marianne, whose label was valid 3 years with a follow-up audit at
//! 18 months, and ISO/IEC 17021-1 practice (a surveillance audit within each cycle, a
//! recertification before validity ends). Every output that shows the label's status says so
//! ([`CYCLE_NOTE_FR`], [`CYCLE_NOTE_EN`]).
//!
//! - an EXTERNAL initial or renouvellement audit with a favourable outcome (with or without
//!   conditions) labels the modules it covers: a new cycle starts. The label runs from the
//!   certification body's decision ([`Audit::labelling`](crate::Audit::labelling): after an
//!   avis favorable sous réserve, from the acceptance of the plan d'actions), or, when no
//!   decision is recorded, from the audit's last day; it is valid
//!   [`validity_months`](CyclePolicy::validity_months) (36) from that day, and the renouvellement
//!   is due **before** it ends. A module labelled without interruption keeps its first « since »
//!   date;
//! - the suivi audit is due [`follow_up_months`](CyclePolicy::follow_up_months) (18) after the
//!   label's start, within a window of [`window_months`](CyclePolicy::window_months) (1) on
//!   either side (the crate's choice: no public text sets it); a suivi held outside it is a diagnostic (`history-suivi-outside-window`), and
//!   a suivi that starts on or before the label's start (the same visit as the labelling
//!   audit) does not count as the follow-up (`history-suivi-with-labelling-audit`);
//! - an external suivi with a favourable outcome keeps the label (and lifts a suspension); with
//!   an unfavourable outcome it suspends it; an unfavourable renouvellement suspends it too;
//! - an external extension with a favourable outcome adds its new modules, up to the current
//!   cycle's end;
//! - internal audits, invalid audits and audits of another site change nothing.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::DossierAudit;
use crate::base::wire::wire_enum;
use crate::{AuditType, Error, Language, ModuleNumber, Outcome};

/// The sentence every French output showing the label's status carries.
pub const CYCLE_NOTE_FR: &str = "Cycle du label\u{a0}: valeur par défaut de l'outil, le cycle de Qual-e-pref n'étant pas public (label Marianne\u{a0}: 3\u{a0}ans, audit de suivi à 18\u{a0}mois).";
/// The sentence every English output showing the label's status carries.
pub const CYCLE_NOTE_EN: &str = "Label cycle: this tool's default, as the Qual-e-pref cycle is not public (Marianne label: 3 years, follow-up audit at 18 months).";

/// How long a label lasts, when the follow-up audit is due and within which window. See the
/// [module docs](self): this is the crate's own default, configurable; each number of months
/// is 1 to 120 ([`MIN_MONTHS`](CyclePolicy::MIN_MONTHS), [`MAX_MONTHS`](CyclePolicy::MAX_MONTHS)),
/// and the follow-up falls within the validity.
///
/// ```
/// use qualepref::CyclePolicy;
/// let policy = CyclePolicy::default();
/// assert_eq!((policy.validity_months(), policy.follow_up_months(), policy.window_months()), (36, 18, 1));
/// let yearly = CyclePolicy::default().with_follow_up_months(12)?;
/// assert_eq!(yearly.follow_up_months(), 12);
/// assert!(CyclePolicy::default().with_validity_months(0).is_err());
/// assert!(CyclePolicy::default().with_follow_up_months(36).is_err());
/// # Ok::<(), qualepref::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "CycleWire", into = "CycleWire")]
#[non_exhaustive]
#[allow(clippy::struct_field_names)] // the names of the JSON contract
pub struct CyclePolicy {
    validity_months: u32,
    follow_up_months: u32,
    window_months: u32,
}

/// The JSON form of a [`CyclePolicy`], checked when read.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(clippy::struct_field_names)] // the names of the JSON contract
struct CycleWire {
    validity_months: u32,
    follow_up_months: u32,
    #[serde(default = "default_window")]
    window_months: u32,
}

const fn default_window() -> u32 {
    CyclePolicy::DEFAULT.window_months
}

impl TryFrom<CycleWire> for CyclePolicy {
    type Error = Error;
    fn try_from(w: CycleWire) -> Result<Self, Error> {
        CyclePolicy::new(w.validity_months, w.follow_up_months, w.window_months)
    }
}

impl From<CyclePolicy> for CycleWire {
    fn from(p: CyclePolicy) -> Self {
        CycleWire {
            validity_months: p.validity_months,
            follow_up_months: p.follow_up_months,
            window_months: p.window_months,
        }
    }
}

impl Default for CyclePolicy {
    /// Valid 36 months, suivi due at 18 months, within 1 month either side.
    fn default() -> Self {
        CyclePolicy::DEFAULT
    }
}

impl CyclePolicy {
    /// The crate's default: valid 36 months, suivi due at 18 months ± 1.
    pub const DEFAULT: CyclePolicy = CyclePolicy {
        validity_months: 36,
        follow_up_months: 18,
        window_months: 1,
    };
    /// The fewest months of any of the cycle's durations: 1.
    pub const MIN_MONTHS: u32 = 1;
    /// The most months of any of the cycle's durations: 120 (as a decision deadline).
    pub const MAX_MONTHS: u32 = 120;

    /// A cycle valid `validity` months, its suivi due `follow_up` months after the label's
    /// start, within `window` months either side.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`] for a number outside 1–120, or a follow-up not before the end of
    /// the validity.
    pub fn new(validity: u32, follow_up: u32, window: u32) -> Result<CyclePolicy, Error> {
        let checked = |what, months: u32| {
            if (Self::MIN_MONTHS..=Self::MAX_MONTHS).contains(&months) {
                Ok(months)
            } else {
                Err(Error::InvalidValue {
                    what,
                    value: months.to_string(),
                    reason: "the label's cycle counts 1 to 120 months",
                })
            }
        };
        let policy = CyclePolicy {
            validity_months: checked("validity in months", validity)?,
            follow_up_months: checked("follow-up in months", follow_up)?,
            window_months: checked("follow-up window in months", window)?,
        };
        if policy.follow_up_months >= policy.validity_months {
            return Err(Error::InvalidValue {
                what: "follow-up in months",
                value: follow_up.to_string(),
                reason: "the follow-up audit falls before the label's validity ends",
            });
        }
        Ok(policy)
    }

    /// Months a label is valid, from the day it runs from.
    #[must_use]
    pub const fn validity_months(&self) -> u32 {
        self.validity_months
    }

    /// Months after the label's start at which the suivi audit is due.
    #[must_use]
    pub const fn follow_up_months(&self) -> u32 {
        self.follow_up_months
    }

    /// Months on either side of the suivi's due day within which it may be held.
    #[must_use]
    pub const fn window_months(&self) -> u32 {
        self.window_months
    }

    /// This policy with a label valid `months` months.
    ///
    /// # Errors
    ///
    /// As [`new`](CyclePolicy::new).
    pub fn with_validity_months(self, months: u32) -> Result<CyclePolicy, Error> {
        CyclePolicy::new(months, self.follow_up_months, self.window_months)
    }

    /// This policy with the suivi audit due `months` months after the label's start.
    ///
    /// # Errors
    ///
    /// As [`new`](CyclePolicy::new).
    pub fn with_follow_up_months(self, months: u32) -> Result<CyclePolicy, Error> {
        CyclePolicy::new(self.validity_months, months, self.window_months)
    }

    /// This policy with the suivi held within `months` months either side of its due day.
    ///
    /// # Errors
    ///
    /// As [`new`](CyclePolicy::new).
    pub fn with_window_months(self, months: u32) -> Result<CyclePolicy, Error> {
        CyclePolicy::new(self.validity_months, self.follow_up_months, months)
    }

    /// Whether this is the crate's default.
    #[must_use]
    pub fn is_default(&self) -> bool {
        *self == CyclePolicy::DEFAULT
    }

    /// The sentence naming this cycle as the crate's default (or the one chosen), in
    /// `language`, for every output that shows the label's status.
    #[must_use]
    pub fn note(&self, language: Language) -> String {
        if self.is_default() {
            return match language {
                Language::Fr => CYCLE_NOTE_FR.to_owned(),
                Language::En => CYCLE_NOTE_EN.to_owned(),
            };
        }
        match language {
            Language::Fr => format!(
                "Cycle du label\u{a0}: {}\u{a0}mois de validité, audit de suivi à {}\u{a0}mois (±\u{a0}{}\u{a0}mois), choisis à la place de la valeur par défaut de l'outil (le cycle de Qual-e-pref n'est pas public).",
                self.validity_months, self.follow_up_months, self.window_months
            ),
            Language::En => format!(
                "Label cycle: valid {} months, follow-up audit at {} months (± {} months), chosen instead of this tool's default (the Qual-e-pref cycle is not public).",
                self.validity_months, self.follow_up_months, self.window_months
            ),
        }
    }
}

/// Where the label stands at a date. Serialised in snake case.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum LabelState {
    /// No external audit has labelled the site yet.
    NotLabelled,
    /// Labelled.
    Labelled,
    /// Suspended by an unfavourable external suivi or renouvellement.
    Suspended,
    /// The validity ended without a favourable renouvellement.
    Expired,
}

impl LabelState {
    /// The wire form, e.g. `not_labelled`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The wording in `language`, e.g. `label suspendu`.
    #[must_use]
    pub fn label(self, language: Language) -> &'static str {
        (super::phrases::of(language).label_state)(self)
    }
}

wire_enum!(
    LabelState,
    "label state",
    "not_labelled, labelled, suspended, expired",
    [NotLabelled, Labelled, Suspended, Expired]
);

/// A labelled module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LabelledModule {
    /// The module.
    pub module: ModuleNumber,
    /// Labelled since (the day the label of the cycle that labelled it ran from).
    pub since: NaiveDate,
    /// Labelled until (the end of the current cycle).
    pub until: NaiveDate,
}

/// The next audit due, and when it may be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NextAudit {
    /// `suivi` or `renouvellement`.
    #[serde(rename = "type")]
    pub audit_type: AuditType,
    /// For a suivi, the day it is due (the label's start plus the follow-up months); for a
    /// renouvellement, the last day of the label: it is due before the label ends.
    pub due: NaiveDate,
    /// The first day of the suivi's window (none for a renouvellement).
    pub window_start: Option<NaiveDate>,
    /// The last day it may be held: the suivi's window end, or the label's last day.
    pub window_end: NaiveDate,
    /// Whether the status's date is past `window_end`.
    pub overdue: bool,
}

/// The label's status at a date: see the [module docs](self) for how it is replayed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LabelStatus {
    /// The date.
    pub at: NaiveDate,
    /// Where the label stands.
    pub state: LabelState,
    /// The position in the dossier of the audit that started the current cycle.
    pub labelling_audit: Option<usize>,
    /// The day the current cycle's label runs from (the decision's, or the audit's last day).
    #[serde(default)]
    pub label_from: Option<NaiveDate>,
    /// The modules labelled at `at` (empty unless `state` is `labelled`).
    pub modules: Vec<LabelledModule>,
    /// The next audit due, once a cycle started.
    pub next: Option<NextAudit>,
}

/// The current cycle, while replaying.
#[derive(Debug, Clone)]
pub(crate) struct Cycle {
    pub(crate) labelling: usize,
    pub(crate) start: NaiveDate,
    pub(crate) until: Option<NaiveDate>,
    pub(crate) suivi_done: bool,
    suspended: bool,
    pub(crate) modules: BTreeMap<ModuleNumber, NaiveDate>,
}

impl Cycle {
    /// Whether the label holds on `day`.
    pub(crate) fn holds_on(&self, day: NaiveDate) -> bool {
        !self.suspended && self.until.is_none_or(|u| day <= u)
    }
}

/// The day the label of `audit` runs from: its decision's, else its last day.
pub(crate) fn label_start(audit: &DossierAudit) -> NaiveDate {
    audit.labelling.map_or(audit.dates.end, |l| l.label_from())
}

/// The window of the suivi of a cycle started on `start`: its due day, first and last days.
pub(crate) fn suivi_window(
    start: NaiveDate,
    policy: CyclePolicy,
) -> Option<(NaiveDate, NaiveDate, NaiveDate)> {
    let due = start.checked_add_months(Months::new(policy.follow_up_months))?;
    let from = due.checked_sub_months(Months::new(policy.window_months))?;
    let to = due.checked_add_months(Months::new(policy.window_months))?;
    Some((due, from, to))
}

/// Applies one audit of the dossier to the cycle.
pub(crate) fn apply(cycle: &mut Option<Cycle>, audit: &DossierAudit, policy: CyclePolicy) {
    if audit.kind.internal || !audit.takes_part() {
        return;
    }
    let (Some(outcome), Some(audit_type)) = (audit.outcome, audit.kind.audit_type) else {
        return;
    };
    let favourable = outcome != Outcome::Unfavorable;
    let start = label_start(audit);
    match (audit_type, cycle.as_mut()) {
        (AuditType::Initial | AuditType::Renouvellement, previous) if favourable => {
            let mut modules = BTreeMap::new();
            for &m in &audit.modules {
                let since = previous
                    .as_ref()
                    .filter(|c| c.holds_on(audit.dates.start))
                    .and_then(|c| c.modules.get(&m).copied())
                    .unwrap_or(start);
                modules.insert(m, since);
            }
            *cycle = Some(Cycle {
                labelling: audit.index,
                start,
                until: start.checked_add_months(Months::new(policy.validity_months)),
                suivi_done: false,
                suspended: false,
                modules,
            });
        }
        (AuditType::Renouvellement, Some(c)) => c.suspended = true,
        (AuditType::Suivi, Some(c)) => {
            // A suivi on or before the label's start is the labelling visit itself: it is no
            // follow-up (a diagnostic says so).
            if audit.dates.start <= c.start {
                return;
            }
            if favourable {
                c.suivi_done = true;
                c.suspended = false;
            } else {
                c.suspended = true;
            }
        }
        (AuditType::Extension, Some(c)) if favourable && c.holds_on(audit.dates.start) => {
            for &m in &audit.modules {
                c.modules.entry(m).or_insert(start);
            }
        }
        _ => {}
    }
}

/// The cycle after the audits of `audits` that ended on or before `at`.
pub(crate) fn replay(audits: &[DossierAudit], policy: CyclePolicy, at: NaiveDate) -> Option<Cycle> {
    let mut cycle = None;
    for audit in audits.iter().filter(|a| a.dates.end <= at) {
        apply(&mut cycle, audit, policy);
    }
    cycle
}

/// The status at `at` of `cycle`.
pub(crate) fn status(cycle: Option<&Cycle>, policy: CyclePolicy, at: NaiveDate) -> LabelStatus {
    let Some(c) = cycle else {
        return LabelStatus {
            at,
            state: LabelState::NotLabelled,
            labelling_audit: None,
            label_from: None,
            modules: Vec::new(),
            next: None,
        };
    };
    let expired = c.until.is_some_and(|u| at > u);
    let state = if c.suspended {
        LabelState::Suspended
    } else if expired {
        LabelState::Expired
    } else {
        LabelState::Labelled
    };
    let modules = match (state, c.until) {
        (LabelState::Labelled, Some(until)) => c
            .modules
            .iter()
            .map(|(&module, &since)| LabelledModule {
                module,
                since,
                until,
            })
            .collect(),
        _ => Vec::new(),
    };
    let next = if c.suivi_done || expired {
        c.until.map(|until| NextAudit {
            audit_type: AuditType::Renouvellement,
            due: until,
            window_start: None,
            window_end: until,
            overdue: at > until,
        })
    } else {
        suivi_window(c.start, policy).map(|(due, from, to)| NextAudit {
            audit_type: AuditType::Suivi,
            due,
            window_start: Some(from),
            window_end: to,
            overdue: at > to,
        })
    };
    LabelStatus {
        at,
        state,
        labelling_audit: Some(c.labelling),
        label_from: Some(c.start),
        modules,
        next,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn months_are_bounded_and_the_follow_up_falls_within_the_validity() {
        assert!(CyclePolicy::new(36, 18, 3).is_ok());
        assert!(CyclePolicy::new(121, 18, 3).is_err());
        assert!(CyclePolicy::new(36, 0, 3).is_err());
        assert!(CyclePolicy::new(36, 18, 0).is_err());
        assert!(CyclePolicy::new(18, 18, 3).is_err());
        let json = serde_json::to_string(&CyclePolicy::default()).unwrap();
        assert_eq!(
            json,
            r#"{"validity_months":36,"follow_up_months":18,"window_months":1}"#
        );
        assert!(
            serde_json::from_str::<CyclePolicy>(r#"{"validity_months":0,"follow_up_months":18}"#)
                .is_err()
        );
        assert_eq!(
            serde_json::from_str::<CyclePolicy>(r#"{"validity_months":36,"follow_up_months":18}"#)
                .unwrap(),
            CyclePolicy::default()
        );
    }

    #[test]
    fn the_note_names_the_default_or_the_chosen_cycle() {
        assert!(
            CyclePolicy::default()
                .note(Language::Fr)
                .contains("valeur par défaut")
        );
        let chosen = CyclePolicy::new(48, 24, 2).unwrap();
        assert!(chosen.note(Language::En).contains("valid 48 months"));
        for s in LabelState::ALL {
            assert_eq!(s.code().parse::<LabelState>().unwrap(), *s);
        }
    }
}
