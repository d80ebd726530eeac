//! The plan d'actions qualité (PAQ) a quality manager keeps: every entry of a site's
//! [`Dossier`] — each nonconformity, point sensible and piste de progrès of its audits, and the
//! rows of other origins the quality manager added — seen at a date.
//!
//! [`Plan::build`] takes the dossier and the day `at` the plan is looked at. Each action is an
//! [`Entry`] of the ledger with its state **at `at`** ([`Entry::state_at`]): what came later is
//! listed apart ([`PlanAction::later`]), never mixed with the state at the date, so a plan at
//! a past date shows what was pending then. An audit that starts after `at` is listed
//! (`after_date`) and gives no action.
//!
//! At `at`, each action [stands](Standing) **overdue** (not done, due before `at`), **due
//! soon** (within [`DUE_SOON_DAYS`]), **open** (due later or without échéance: a point sensible
//! or a piste de progrès has none until the quality manager sets one), **carried over** (found
//! again by a later audit, whose own entry carries it on) or **done** (realised, lifted, not
//! renewed, closed). The actions are sorted in that order, then by échéance (undated last),
//! then by number.
//!
//! The nonconformities are due as the dossier says: the fiche's date, or the policy's deadline
//! after the audit's last day (by default 3 months for `NC min`, 1 month for `NC Maj`, the
//! crate's choice, see [`crate::engine::decision`]), or, for an internal audit, the day before
//! its planned external audit. The day the plan d'actions of an external audit is to be sent is
//! [`PlanAudit::plan_due`].
//!
//! # The kept plan
//!
//! [`Plan::to_xlsx`] and [`Plan::to_csv`] write the landscape table the quality manager keeps,
//! with the column headings of [`COLUMNS`] in French (or English); [`read_kept`] reads it back
//! after it was edited by hand (XLSX, ODS or CSV), and [`Dossier::apply_records`] merges it, so
//! that a rerun keeps every edit. The last column holds each audit finding's key: it is how a
//! row finds its entry again.
//!
//! # The JSON contract
//!
//! ```json
//! {
//!   "format_version": 2,
//!   "at": "2020-01-15",
//!   "due_soon_days": 30,
//!   "policy": { "deadline_months": 3, "major_deadline_months": 1, "minor_threshold": null },
//!   "cycle": { "validity_months": 36, "follow_up_months": 18, "window_months": 1 },
//!   "cycle_is_default": true,
//!   "site": { … } or null,
//!   "audits": [ { "index": 0, "site": { … }, "kind": { "type": "initial", "internal": true },
//!                 "dates": { "start": "2019-11-18", "end": "2019-11-18" },
//!                 "after_date": false, "plan_due": null } ],
//!   "status": { "at": "…", "state": "not_labelled", … },   // the label at `at`
//!   "totals": { "actions": 4, "open": 4, "due_soon": 0, "overdue": 0, "carried_over": 0,
//!               "done": 0, "nonconformities": 0 },
//!   "actions": [ { "number": 1, "key": "2019-11-18|I|initial|e3|PP|1",
//!                  "origin": { "kind": "internal_audit", "audit": 0, "date": "2019-11-18", … },
//!                  "source": { "engagement": 3 }, "title": "…", "kind": "PP",
//!                  "finding": "…", "requirement": "", "risk": null, "cause": null,
//!                  "action": null, "leader": null, "due": null, "due_source": null,
//!                  "due_from_plan": false, "progress": null, "realised_on": null,
//!                  "evidence": null, "state": "open", "closed_on": null, "comment": null,
//!                  "checks": [], "carried_by": null,
//!                  "follow_up": "pending", "follow_up_on": null, "follow_up_audit": null,
//!                  "standing": "open", "days_left": null,
//!                  "later": [ { "on": "…", "follow_up": "lifted", "audit": 1 } ] } ],
//!   "diagnostics": [ … ],          // the dossier's, at `at`
//!   "record_diagnostics": [ … ]    // what merging the kept plan reported
//! }
//! ```
//!
//! Fields are only ever added; a change of meaning raises `format_version`
//! ([`PLAN_FORMAT_VERSION`]; 2 since the plan lists every entry of the dossier).
//!
//! # Example
//!
//! ```
//! use qualepref::dossier::{Dossier, DossierOptions, Standing};
//! use qualepref::plan::Plan;
//! use qualepref::{samples, Audit, Language, NaiveDate, Referentiel};
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let dossier = Dossier::new([audit], Referentiel::qual_e_pref_2019(), &DossierOptions::default());
//! let at = NaiveDate::from_ymd_opt(2020, 3, 1).ok_or("date")?;
//! let plan = Plan::build(&dossier, at);
//! // Its four pistes de progrès complete the plan d'actions qualité.
//! assert_eq!(plan.totals.actions, 4);
//! assert_eq!(plan.actions[0].standing, Standing::Open);
//! assert!(plan.to_text(Language::Fr).contains("PP"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod columns;
#[cfg(feature = "csv")]
mod csv;
mod csv_write;
mod html;
mod kept;
mod markdown;
pub(crate) mod phrases;
mod text;
#[cfg(feature = "xlsx")]
mod xlsx;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use self::columns::{COLUMNS, Column};
pub use self::kept::{KeptPlan, read_kept};
use crate::dossier::{
    CyclePolicy, Dossier, Entry, HistoryDiagnostic, LabelStatus, RecordDiagnostic,
};
pub use crate::dossier::{DUE_SOON_DAYS, FollowUp, Standing};
use crate::engine::AppliedPolicy;
use crate::{AuditDates, AuditKind, Language, Site};

/// The version of the [`Plan`] JSON contract: raised when a field changes meaning or
/// disappears (fields are otherwise only added).
pub const PLAN_FORMAT_VERSION: u32 = 2;

/// One audit the plan was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlanAudit {
    /// Its position in the dossier.
    pub index: usize,
    /// The audited site.
    pub site: Site,
    /// The audit's type and whether it is internal.
    pub kind: AuditKind,
    /// The audit's first and last day.
    pub dates: AuditDates,
    /// Whether the audit starts after the plan's date: its findings did not exist yet, and
    /// the plan leaves them out.
    pub after_date: bool,
    /// The day its plan d'actions is to be sent (an external audit with nonconformities).
    pub plan_due: Option<NaiveDate>,
}

/// One event after the plan's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LaterEvent {
    /// Its day.
    pub on: NaiveDate,
    /// What it made of the action.
    pub follow_up: FollowUp,
    /// The audit, when an audit.
    pub audit: Option<usize>,
}

/// One action of the plan: an entry of the dossier and where it stands at the plan's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlanAction {
    /// The entry of the ledger.
    #[serde(flatten)]
    pub entry: Entry,
    /// What became of it by the plan's date.
    pub follow_up: FollowUp,
    /// The day of the event that gave `follow_up`, when dated.
    pub follow_up_on: Option<NaiveDate>,
    /// The audit that gave `follow_up`, when an audit.
    pub follow_up_audit: Option<usize>,
    /// Where it stands at the plan's date.
    pub standing: Standing,
    /// Days from the plan's date to the échéance (negative when overdue); none once done or
    /// without échéance.
    pub days_left: Option<i64>,
    /// What happened after the plan's date.
    pub later: Vec<LaterEvent>,
}

/// The counts of the plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlanTotals {
    /// Every action known at the plan's date.
    pub actions: u32,
    /// Still to be dealt with (overdue and due soon included).
    pub open: u32,
    /// Due within [`DUE_SOON_DAYS`] days.
    pub due_soon: u32,
    /// Past their échéance.
    pub overdue: u32,
    /// Carried over by a later finding.
    pub carried_over: u32,
    /// Done.
    pub done: u32,
    /// The nonconformities among the actions.
    pub nonconformities: u32,
}

/// The plan d'actions of a dossier at a date. See the [module docs](self).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Plan {
    /// [`PLAN_FORMAT_VERSION`].
    pub format_version: u32,
    /// The day the plan is looked at.
    pub at: NaiveDate,
    /// [`DUE_SOON_DAYS`].
    pub due_soon_days: u32,
    /// The policy that gave the due dates of nonconformities without their own.
    pub policy: AppliedPolicy,
    /// The label's cycle.
    pub cycle: CyclePolicy,
    /// Whether the cycle is the crate's default (the Qual-e-pref cycle is not public).
    pub cycle_is_default: bool,
    /// The site.
    pub site: Option<Site>,
    /// The audits, in date order.
    pub audits: Vec<PlanAudit>,
    /// The label's status at the plan's date.
    pub status: LabelStatus,
    /// The counts.
    pub totals: PlanTotals,
    /// The actions, sorted: overdue, due soon, open, carried over, done.
    pub actions: Vec<PlanAction>,
    /// The dossier's diagnostics at the plan's date.
    pub diagnostics: Vec<HistoryDiagnostic>,
    /// What merging the kept plan reported.
    pub record_diagnostics: Vec<RecordDiagnostic>,
}

impl Plan {
    /// The plan of `dossier` at `at`. See the [module docs](self).
    #[must_use]
    pub fn build(dossier: &Dossier, at: NaiveDate) -> Plan {
        let policy = dossier.options().policy;
        let audits = dossier
            .audits()
            .iter()
            .map(|a| PlanAudit {
                index: a.index,
                site: a.site.clone(),
                kind: a.kind,
                dates: a.dates,
                after_date: !a.known_at(at),
                plan_due: a.plan_due,
            })
            .collect();
        let mut actions: Vec<PlanAction> = dossier
            .entries_at(at)
            .map(|e| {
                let state = e.state_at(at);
                PlanAction {
                    entry: e.clone(),
                    follow_up: state.follow_up,
                    follow_up_on: state.since,
                    follow_up_audit: state.by_audit,
                    standing: state.standing,
                    days_left: state.days_left,
                    later: e
                        .later_than(at)
                        .into_iter()
                        .map(|(on, follow_up, audit)| LaterEvent {
                            on,
                            follow_up,
                            audit,
                        })
                        .collect(),
                }
            })
            .collect();
        actions.sort_by_key(|a| {
            (
                a.standing,
                a.entry.due.is_none(),
                a.entry.due,
                a.entry.number,
            )
        });
        let count = |f: &dyn Fn(&PlanAction) -> bool| {
            u32::try_from(actions.iter().filter(|a| f(a)).count()).unwrap_or(u32::MAX)
        };
        let totals = PlanTotals {
            actions: count(&|_| true),
            open: count(&|a| a.standing.is_open()),
            due_soon: count(&|a| a.standing == Standing::DueSoon),
            overdue: count(&|a| a.standing == Standing::Overdue),
            carried_over: count(&|a| a.standing == Standing::CarriedOver),
            done: count(&|a| a.standing == Standing::Done),
            nonconformities: count(&|a| a.entry.kind.is_nonconformity()),
        };
        let cycle = dossier.cycle();
        Plan {
            format_version: PLAN_FORMAT_VERSION,
            at,
            due_soon_days: DUE_SOON_DAYS,
            policy: AppliedPolicy {
                deadline_months: policy.minor_deadline_months(),
                major_deadline_months: policy.major_deadline_months(),
                minor_threshold: policy.minor_threshold(),
            },
            cycle,
            cycle_is_default: cycle.is_default(),
            site: dossier.site().cloned(),
            audits,
            status: dossier.status_at(at),
            totals,
            actions,
            diagnostics: dossier.diagnostics_at(at),
            record_diagnostics: dossier.record_diagnostics().to_vec(),
        }
    }

    /// The plan as JSON (the documented contract), pretty-printed, with a final newline.
    ///
    /// # Errors
    ///
    /// [`Error::Write`](crate::Error::Write) if serialisation fails (it does not for the types
    /// of this crate).
    pub fn to_json_string(&self) -> Result<String, crate::Error> {
        let mut text = serde_json::to_string_pretty(self).map_err(crate::Error::Write)?;
        text.push('\n');
        Ok(text)
    }

    /// The actions of `standing`, in the plan's order.
    pub fn actions_of(&self, standing: Standing) -> impl Iterator<Item = &PlanAction> {
        self.actions.iter().filter(move |a| a.standing == standing)
    }

    /// The plan as plain text in `language`: its date, site, audits, the label's status (and
    /// that its cycle is the crate's default), the totals, then the actions by standing.
    /// French text follows French typography.
    #[must_use]
    pub fn to_text(&self, language: Language) -> String {
        text::write(self, language)
    }

    /// The plan as Markdown in `language`: the same content as [`to_text`](Plan::to_text), the
    /// actions as one table per standing, every data text escaped as the report's Markdown
    /// escapes it ([`crate::report::markdown::escape`]).
    #[must_use]
    pub fn to_markdown(&self, language: Language) -> String {
        markdown::write(self, language)
    }

    /// The plan as one self-contained HTML page in `language`, laid out to print on A4
    /// landscape, every text escaped ([`crate::report::html::escape`]).
    #[must_use]
    pub fn to_html(&self, language: Language) -> String {
        html::write(self, language)
    }

    /// The plan as one CSV table: the headings of [`COLUMNS`] in `language`, a row per action
    /// in the order of their numbers; `;` separated, UTF-8 with a byte-order mark and CRLF
    /// line ends, as French spreadsheet programs expect; dates `DD/MM/YYYY` (French) or
    /// `YYYY-MM-DD` (English); a text a spreadsheet would read as a formula gets a `'` before
    /// it, which [`read_kept`] takes off.
    #[must_use]
    pub fn to_csv(&self, language: Language) -> String {
        csv_write::write(self, language)
    }

    /// The plan as a workbook (`.xlsx`, one sheet printed on A3 landscape one page wide, frozen
    /// header, rows as tall as their text): the headings of
    /// [`COLUMNS`] in `language`, dates as dates, drop-downs for the type and the state, a
    /// row per action in the order of their numbers and spare rows for the quality manager's
    /// own (feature `xlsx`).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`](crate::Error::InvalidValue) if the workbook writer refuses a
    /// value (a text beyond a cell's 32 767 characters).
    #[cfg(feature = "xlsx")]
    #[cfg_attr(docsrs, doc(cfg(feature = "xlsx")))]
    pub fn to_xlsx(&self, language: Language) -> Result<Vec<u8>, crate::Error> {
        xlsx::write(self, language)
    }

    /// Whether the plan, seen at its date, leaves out records the quality manager dated after
    /// it (a realisation, a closing, a check of efficacy): shown under « Par la suite » only,
    /// they would not be read back, so such a plan must not be written over the kept plan.
    #[must_use]
    pub fn hides_later_records(&self) -> bool {
        self.actions
            .iter()
            .any(|a| columns::hides_later(a, self.at))
    }

    /// The actions in the order of their numbers (the order of the kept plan's rows).
    pub fn by_number(&self) -> impl Iterator<Item = &PlanAction> {
        let mut actions: Vec<&PlanAction> = self.actions.iter().collect();
        actions.sort_by_key(|a| a.entry.number);
        actions.into_iter()
    }
}
