//! The label's cycle: the [`CyclePolicy`] (the crate's own default) and the [`LabelStatus`] at
//! a date, replayed from the audits of a history.
//!
//! **The Qual-e-pref cycle is not public; this default is the crate's own.** It follows the
//! predecessor label, Marianne, whose label was valid 3 years with a follow-up audit at
//! 18 months, and ISO/IEC 17021-1 practice (a surveillance audit within each cycle, a
//! recertification before validity ends):
//!
//! - an EXTERNAL initial or renouvellement audit with a favourable outcome (with or without
//!   conditions) labels the modules it covers, for [`validity_months`](CyclePolicy::validity_months)
//!   (36) from its last day: a new cycle starts; a module labelled without interruption keeps
//!   its first « since » date;
//! - a suivi audit is due [`follow_up_months`](CyclePolicy::follow_up_months) (18) after that
//!   last day; once done, the renouvellement is due before validity ends;
//! - an external suivi with a favourable outcome keeps the label (and lifts a suspension); with
//!   an unfavourable outcome it suspends it; an unfavourable renouvellement suspends it too;
//! - an external extension with a favourable outcome adds its new modules, up to the current
//!   cycle's end;
//! - internal audits, invalid audits and audits of another site change nothing.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::HistoryAudit;
use crate::{AuditType, ModuleNumber, Outcome};

/// How long a label lasts and when the follow-up audit is due. See the [module docs](self):
/// this is the crate's own default, configurable.
///
/// ```
/// use qualepref::CyclePolicy;
/// let policy = CyclePolicy::default();
/// assert_eq!((policy.validity_months, policy.follow_up_months), (36, 18));
/// let yearly = CyclePolicy::default().with_follow_up_months(12);
/// assert_eq!(yearly.follow_up_months, 12);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CyclePolicy {
    /// Months a label is valid, from the labelling audit's last day.
    pub validity_months: u32,
    /// Months after the labelling audit's last day by which the suivi audit is due.
    pub follow_up_months: u32,
}

impl Default for CyclePolicy {
    /// Valid 36 months, suivi due at 18 months.
    fn default() -> Self {
        CyclePolicy {
            validity_months: 36,
            follow_up_months: 18,
        }
    }
}

impl CyclePolicy {
    /// This policy with a label valid `months` months.
    #[must_use]
    pub const fn with_validity_months(mut self, months: u32) -> CyclePolicy {
        self.validity_months = months;
        self
    }

    /// This policy with the suivi audit due `months` months after the labelling audit.
    #[must_use]
    pub const fn with_follow_up_months(mut self, months: u32) -> CyclePolicy {
        self.follow_up_months = months;
        self
    }
}

/// Where the label stands at a date. Serialised in snake case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// A labelled module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LabelledModule {
    /// The module.
    pub module: ModuleNumber,
    /// Labelled since (the last day of the audit that labelled it).
    pub since: NaiveDate,
    /// Labelled until (the end of the current cycle).
    pub until: NaiveDate,
}

/// The next audit due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NextAudit {
    /// `suivi` or `renouvellement`.
    #[serde(rename = "type")]
    pub audit_type: AuditType,
    /// The day it is due by.
    pub due: NaiveDate,
    /// Whether the status's date is past `due`.
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
    /// The position in the history of the audit that started the current cycle.
    pub labelling_audit: Option<usize>,
    /// The modules labelled at `at` (empty unless `state` is `labelled`).
    pub modules: Vec<LabelledModule>,
    /// The next audit due, once a cycle started.
    pub next: Option<NextAudit>,
}

/// The current cycle, while replaying.
#[derive(Debug, Clone)]
pub(crate) struct Cycle {
    labelling: usize,
    start: NaiveDate,
    until: Option<NaiveDate>,
    suivi_done: bool,
    suspended: bool,
    pub(crate) modules: BTreeMap<ModuleNumber, NaiveDate>,
}

impl Cycle {
    /// Whether the label holds on `day`.
    pub(crate) fn holds_on(&self, day: NaiveDate) -> bool {
        !self.suspended && self.until.is_none_or(|u| day <= u)
    }
}

/// Applies one audit of the history to the cycle.
pub(crate) fn apply(cycle: &mut Option<Cycle>, audit: &HistoryAudit, policy: CyclePolicy) {
    if audit.kind.internal || !audit.takes_part() {
        return;
    }
    let (Some(outcome), Some(audit_type)) = (audit.outcome, audit.kind.audit_type) else {
        return;
    };
    let favourable = outcome != Outcome::Unfavorable;
    let end = audit.dates.end;
    match (audit_type, cycle.as_mut()) {
        (AuditType::Initial | AuditType::Renouvellement, previous) if favourable => {
            let mut modules = BTreeMap::new();
            for &m in &audit.modules {
                let since = previous
                    .as_ref()
                    .filter(|c| c.holds_on(audit.dates.start))
                    .and_then(|c| c.modules.get(&m).copied())
                    .unwrap_or(end);
                modules.insert(m, since);
            }
            *cycle = Some(Cycle {
                labelling: audit.index,
                start: end,
                until: end.checked_add_months(Months::new(policy.validity_months)),
                suivi_done: false,
                suspended: false,
                modules,
            });
        }
        (AuditType::Renouvellement, Some(c)) => c.suspended = true,
        (AuditType::Suivi, Some(c)) => {
            if favourable {
                c.suivi_done = true;
                c.suspended = false;
            } else {
                c.suspended = true;
            }
        }
        (AuditType::Extension, Some(c)) if favourable && c.holds_on(audit.dates.start) => {
            for &m in &audit.modules {
                c.modules.entry(m).or_insert(end);
            }
        }
        _ => {}
    }
}

/// The cycle after the audits of `audits` that ended on or before `at`.
pub(crate) fn replay(audits: &[HistoryAudit], policy: CyclePolicy, at: NaiveDate) -> Option<Cycle> {
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
    let (audit_type, due) = if c.suivi_done || expired {
        (AuditType::Renouvellement, c.until)
    } else {
        (
            AuditType::Suivi,
            c.start
                .checked_add_months(Months::new(policy.follow_up_months)),
        )
    };
    LabelStatus {
        at,
        state,
        labelling_audit: Some(c.labelling),
        modules,
        next: due.map(|due| NextAudit {
            audit_type,
            due,
            overdue: at > due,
        }),
    }
}
