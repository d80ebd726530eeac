//! The corrective-action plan a quality manager tracks: every nonconformity of one or more
//! audits as an action (what, who leads it, by when, where it stands), and the points sensibles
//! as preventive actions, seen at a date.
//!
//! [`Plan::build`] takes validated audits (so an audit that fails validation gets no plan: its
//! actions would be guessed from data known to be wrong), a [`Policy`] and the day `at` the plan
//! is looked at. The actions are the nonconformities the decision weighs
//! ([`Decision::ecarts`](crate::Decision::ecarts)): every `NC min` / `NC Maj` verdict joined to
//! its fiche d'écart, and every fiche without such verdict; a nonconformity without fiche
//! (allowed only when validation is told to let it pass) is still an action, without leader
//! nor text. Each action's due date is its fiche's own, or else the policy's deadline for its
//! grade after the audit's last day (`due_source` says which; by default 3 months for `NC min`,
//! 1 month for `NC Maj`, the crate's choice, see [`crate::engine::decision`]).
//!
//! At `at`, each action [stands](Standing):
//!
//! - **lifted** when its fiche says it was lifted on or before `at`;
//! - otherwise **overdue** when it was due before `at`;
//! - otherwise **due soon** when it is due within [`DUE_SOON_DAYS`] (30) days of `at`;
//! - otherwise **open** (also when no due date can be computed).
//!
//! An écart checked and « non levé » is not lifted: it stays open, or overdue. An écart lifted
//! after `at` was not lifted yet at `at`, so a plan at a past date shows what was pending then;
//! and an audit that starts after `at` had not found its nonconformities yet: it is listed
//! (`after_date`) but gives no action.
//! The actions are sorted overdue first (by due date), then due soon and open (by due date,
//! undated last), then lifted (by the day they were lifted); ties keep the audits' order, then
//! the decision's (engagements by number, then management items).
//!
//! The points sensibles (`PS` observations, on engagements, management items and remote checks)
//! are listed as preventive actions with their risk: no obligation, no due date, so they are
//! not counted in the totals of corrective actions.
//!
//! # The JSON contract
//!
//! ```json
//! {
//!   "format_version": 1,
//!   "at": "2020-01-15",
//!   "due_soon_days": 30,
//!   "policy": { "deadline_months": 3, "major_deadline_months": 1, "minor_threshold": null },
//!   "audits": [ { "site": { "administration": "prefecture", "name": "PREFECTURE du Var",
//!                           "departement": "83", "city": "TOULON" },
//!                 "kind": { "type": "initial", "internal": true },
//!                 "dates": { "start": "2019-11-18", "end": "2019-11-18" },
//!                 "referentiel": "qual-e-pref-2019",
//!                 "after_date": false } ],      // starts after `at`: gives no action
//!   "totals": { "actions": 1, "open": 1, "due_soon": 0, "overdue": 1, "lifted": 0,
//!               "preventive": 0 },
//!   "actions": [ { "audit": 0, "site": "PREFECTURE du Var", "target": { "engagement": 17 },
//!                  "title": "…", "grade": "NC Maj", "finding": "…", "requirement": "…",
//!                  "action": "…" or null, "leader": "…" or null, "due": "2019-12-18" or null,
//!                  "due_source": "policy",     // or "fiche"
//!                  "has_fiche": true,
//!                  "status": { "state": "in_progress" },   // as in the fiche d'écart
//!                  "standing": "overdue",      // or "due_soon", "open", "lifted"
//!                  "days_left": -28 } ],       // due − at in days; null when lifted or undated
//!   "preventive": [ { "audit": 0, "site": "PREFECTURE du Var",
//!                     "source": { "engagement": 3 }, "title": "…", "text": "…",
//!                     "risk": "…" or null } ]
//! }
//! ```
//!
//! `audit` is the index of the action's audit in `audits`, in the order the audits were given;
//! `site` is its site's name (or its kind of administration). `open` counts every action not
//! lifted at `at`, `due_soon` and `overdue` among them. Fields are only ever added; a change of
//! meaning raises `format_version` ([`PLAN_FORMAT_VERSION`]).
//!
//! # Example
//!
//! ```
//! use qualepref::plan::{Plan, Standing};
//! use qualepref::{samples, ActionStatus, Audit, EcartTarget, EngagementNumber, FicheEcart,
//!     Language, NaiveDate, NcGrade, Policy, Referentiel, Valid, ValidationOptions, Verdict};
//!
//! let mut audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let seventeen = EngagementNumber::try_from(17)?;
//! audit.assess(seventeen, Verdict::MinorNonconformity)?;
//! audit.ecarts.push(
//!     FicheEcart::new(EcartTarget::Engagement(seventeen), NcGrade::Minor, "Courriers en retard")
//!         .with_corrective_action("Tableau de suivi des courriers")
//!         .with_leader("Chef du bureau du courrier")
//!         .with_status(ActionStatus::InProgress),
//! );
//! let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default())
//!     .map_err(|report| report.to_string())?;
//! // The audit ended on 18/11/2019: the NC min is due 3 months later, on 18/02/2020.
//! let at = NaiveDate::from_ymd_opt(2020, 3, 1).ok_or("date")?;
//! let plan = Plan::build(&[valid], &Policy::default(), at);
//! assert_eq!(plan.totals.overdue, 1);
//! assert_eq!(plan.actions[0].standing, Standing::Overdue);
//! assert_eq!(plan.actions[0].days_left, Some(-12));
//! assert!(plan.to_text(Language::Fr).contains("Chef du bureau du courrier"));
//! assert!(plan.to_json_string()?.contains("\"standing\": \"overdue\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod csv;
mod html;
mod markdown;
pub(crate) mod phrases;
mod text;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::base::wire::wire_enum;
use crate::engine::AppliedPolicy;
use crate::{
    ActionStatus, AuditDates, AuditKind, DueSource, EcartTarget, Language, NcGrade,
    ObservationKind, Policy, Site, Source, Valid, conclude,
};

/// The version of the [`Plan`] JSON contract: raised when a field changes meaning or
/// disappears (fields are otherwise only added).
pub const PLAN_FORMAT_VERSION: u32 = 1;

/// An action not lifted is « due soon » when it is due within this many days of the plan's
/// date (and not overdue).
pub const DUE_SOON_DAYS: u32 = 30;

/// Where a corrective action stands at the plan's date. Serialised as `"overdue"`,
/// `"due_soon"`, `"open"`, `"lifted"`; sorted in that order.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Standing {
    /// Not lifted, and due before the plan's date.
    Overdue,
    /// Not lifted, and due within [`DUE_SOON_DAYS`] days of the plan's date.
    DueSoon,
    /// Not lifted, due later (or without due date).
    Open,
    /// Lifted on or before the plan's date.
    Lifted,
}

impl Standing {
    /// The wire form, e.g. `due_soon`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Whether the action is still to be done (not lifted).
    #[must_use]
    pub fn is_open(self) -> bool {
        self != Standing::Lifted
    }
}

wire_enum!(
    Standing,
    "standing",
    "overdue, due_soon, open, lifted",
    [Overdue, DueSoon, Open, Lifted]
);

/// One audit the plan was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlanAudit {
    /// The audited site.
    pub site: Site,
    /// The audit's type and whether it is internal.
    pub kind: AuditKind,
    /// The audit's first and last day.
    pub dates: AuditDates,
    /// The référentiel's id.
    pub referentiel: String,
    /// Whether the audit starts after the plan's date: its nonconformities and points
    /// sensibles did not exist yet, and the plan leaves them out.
    pub after_date: bool,
}

/// One corrective action: a nonconformity and its fiche d'écart, at the plan's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlanAction {
    /// The index of its audit in [`Plan::audits`].
    pub audit: usize,
    /// The site's name, or its kind of administration.
    pub site: String,
    /// The engagement or management item.
    pub target: EcartTarget,
    /// The target's title in the référentiel (empty if unknown).
    pub title: String,
    /// `NC min` or `NC Maj`.
    pub grade: NcGrade,
    /// The fiche's finding (empty without fiche).
    pub finding: String,
    /// The fiche's requirement (empty without fiche).
    pub requirement: String,
    /// The corrective action, when decided.
    pub action: Option<String>,
    /// Who leads it, when named.
    pub leader: Option<String>,
    /// The date it is due (`None` only if the policy's date overflows the calendar).
    pub due: Option<NaiveDate>,
    /// Whether `due` is the fiche's own date or the policy's.
    pub due_source: DueSource,
    /// Whether a fiche d'écart records the nonconformity.
    pub has_fiche: bool,
    /// Where the fiche says the action stands (open when there is no fiche).
    pub status: ActionStatus,
    /// Where it stands at the plan's date.
    pub standing: Standing,
    /// Days from the plan's date to the due date (negative when overdue); `None` when lifted
    /// or without due date.
    pub days_left: Option<i64>,
}

/// One preventive action: a point sensible and its risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PreventiveAction {
    /// The index of its audit in [`Plan::audits`].
    pub audit: usize,
    /// The site's name, or its kind of administration.
    pub site: String,
    /// The engagement, management item or remote check it was observed on.
    pub source: Source,
    /// The title of that engagement or management item (empty if unknown).
    pub title: String,
    /// The point sensible, verbatim.
    pub text: String,
    /// Its risk, when stated.
    pub risk: Option<String>,
}

/// The counts of the plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlanTotals {
    /// Every corrective action.
    pub actions: u32,
    /// Not lifted at the plan's date (overdue and due soon included).
    pub open: u32,
    /// Not lifted, due within [`DUE_SOON_DAYS`] days.
    pub due_soon: u32,
    /// Not lifted, and past their due date.
    pub overdue: u32,
    /// Lifted on or before the plan's date.
    pub lifted: u32,
    /// Preventive actions (points sensibles).
    pub preventive: u32,
}

/// The corrective-action plan of one or more audits at a date. See the [module docs](self).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Plan {
    /// [`PLAN_FORMAT_VERSION`].
    pub format_version: u32,
    /// The day the plan is looked at.
    pub at: NaiveDate,
    /// [`DUE_SOON_DAYS`].
    pub due_soon_days: u32,
    /// The policy that gave the due dates of actions without their own.
    pub policy: AppliedPolicy,
    /// The audits, in the order given.
    pub audits: Vec<PlanAudit>,
    /// The counts.
    pub totals: PlanTotals,
    /// The corrective actions, sorted: overdue, due soon and open by due date, then lifted.
    pub actions: Vec<PlanAction>,
    /// The points sensibles, audit by audit, in the order of the synthesis.
    pub preventive: Vec<PreventiveAction>,
}

/// Where `status` stands at `at` for an action due on `due`, and the days left.
fn standing(
    status: &ActionStatus,
    due: Option<NaiveDate>,
    at: NaiveDate,
) -> (Standing, Option<i64>) {
    if let ActionStatus::Lifted { on, .. } = status {
        if *on <= at {
            return (Standing::Lifted, None);
        }
    }
    let Some(due) = due else {
        return (Standing::Open, None);
    };
    let days = (due - at).num_days();
    let standing = if days < 0 {
        Standing::Overdue
    } else if days <= i64::from(DUE_SOON_DAYS) {
        Standing::DueSoon
    } else {
        Standing::Open
    };
    (standing, Some(days))
}

impl Plan {
    /// The plan of `audits` at `at`, their due dates set by `policy` where a fiche sets none.
    /// See the [module docs](self).
    #[must_use]
    pub fn build(audits: &[Valid<'_>], policy: &Policy, at: NaiveDate) -> Plan {
        let mut plan = Plan {
            format_version: PLAN_FORMAT_VERSION,
            at,
            due_soon_days: DUE_SOON_DAYS,
            policy: AppliedPolicy {
                deadline_months: policy.minor_deadline_months(),
                major_deadline_months: policy.major_deadline_months(),
                minor_threshold: policy.minor_threshold(),
            },
            audits: Vec::with_capacity(audits.len()),
            totals: PlanTotals::default(),
            actions: Vec::new(),
            preventive: Vec::new(),
        };
        for (index, valid) in audits.iter().enumerate() {
            let audit = valid.audit();
            let after_date = audit.dates.start > at;
            plan.audits.push(PlanAudit {
                site: audit.site.clone(),
                kind: audit.kind,
                dates: audit.dates,
                referentiel: audit.referentiel.id.clone(),
                after_date,
            });
            if after_date {
                continue;
            }
            let site = crate::i18n::site_name(&audit.site, Language::Fr).to_owned();
            let conclusions = conclude(valid, policy, Language::Fr);
            for e in conclusions.ecarts {
                let fiche = audit.fiche(e.target, e.grade);
                let status = fiche.map(|f| f.status.clone()).unwrap_or_default();
                let (standing, days_left) = standing(&status, e.due, at);
                plan.actions.push(PlanAction {
                    audit: index,
                    site: site.clone(),
                    target: e.target,
                    title: e.title.into_owned(),
                    grade: e.grade,
                    finding: e.finding.into_owned(),
                    requirement: e.requirement.into_owned(),
                    action: e.corrective_action.map(std::borrow::Cow::into_owned),
                    leader: fiche.and_then(|f| f.leader.clone()),
                    due: e.due,
                    due_source: e.due_source,
                    has_fiche: e.has_fiche,
                    status,
                    standing,
                    days_left,
                });
            }
            for o in conclusions.synthesis.observations {
                if o.kind == ObservationKind::AreaOfConcern {
                    plan.preventive.push(PreventiveAction {
                        audit: index,
                        site: site.clone(),
                        source: o.source,
                        title: o.title.into_owned(),
                        text: o.text.into_owned(),
                        risk: o.risk.map(std::borrow::Cow::into_owned),
                    });
                }
            }
        }
        // A stable sort: ties keep the audits' order, then the decision's.
        plan.actions.sort_by_key(|a| {
            let day = match (&a.status, a.standing) {
                (ActionStatus::Lifted { on, .. }, Standing::Lifted) => Some(*on),
                _ => a.due,
            };
            (a.standing == Standing::Lifted, day.is_none(), day)
        });
        let count = |f: &dyn Fn(&PlanAction) -> bool| {
            u32::try_from(plan.actions.iter().filter(|a| f(a)).count()).unwrap_or(u32::MAX)
        };
        plan.totals = PlanTotals {
            actions: count(&|_| true),
            open: count(&|a| a.standing.is_open()),
            due_soon: count(&|a| a.standing == Standing::DueSoon),
            overdue: count(&|a| a.standing == Standing::Overdue),
            lifted: count(&|a| a.standing == Standing::Lifted),
            preventive: u32::try_from(plan.preventive.len()).unwrap_or(u32::MAX),
        };
        plan
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

    /// The plan as plain text in `language`: its date, audits and totals, then the actions by
    /// standing (overdue, due soon, open, lifted), then the preventive actions. French text
    /// follows French typography (a no-break space before `:` `;` `!` `?` and inside `« »`).
    #[must_use]
    pub fn to_text(&self, language: Language) -> String {
        text::write(self, language)
    }

    /// The plan as Markdown in `language`: the same content as [`to_text`](Plan::to_text), the
    /// actions as tables, every data text escaped as the report's Markdown escapes it
    /// ([`crate::report::markdown::escape`]).
    #[must_use]
    pub fn to_markdown(&self, language: Language) -> String {
        markdown::write(self, language)
    }

    /// The plan as one self-contained HTML page in `language`, every text escaped
    /// ([`crate::report::html::escape`]).
    #[must_use]
    pub fn to_html(&self, language: Language) -> String {
        html::write(self, language)
    }

    /// The plan as one CSV table: a row per corrective action (`kind` `corrective`), then per
    /// preventive action (`kind` `preventive`); `;` separated, UTF-8 with a byte-order mark and
    /// CRLF line ends, as French spreadsheet programs expect; fields holding `;`, `"` or a line
    /// break quoted. Codes and ISO dates, the same in every language; the columns are
    /// [`CSV_COLUMNS`].
    #[must_use]
    pub fn to_csv(&self) -> String {
        csv::write(self)
    }
}

pub use csv::CSV_COLUMNS;

/// An écart's target as the source of an observation.
pub(crate) fn ecart_source(target: EcartTarget) -> Source {
    match target {
        EcartTarget::Engagement(n) => Source::Engagement(n),
        EcartTarget::Management(id) => Source::Management(id),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, 3, d).unwrap()
    }

    #[test]
    fn standings_at_a_date() {
        let open = ActionStatus::Open;
        assert_eq!(
            standing(&open, Some(day(1)), day(2)),
            (Standing::Overdue, Some(-1))
        );
        assert_eq!(
            standing(&open, Some(day(2)), day(2)),
            (Standing::DueSoon, Some(0))
        );
        assert_eq!(standing(&open, None, day(2)), (Standing::Open, None));
        let due = day(2) + chrono::Days::new(30);
        assert_eq!(standing(&open, Some(due), day(2)).0, Standing::DueSoon);
        let due = day(2) + chrono::Days::new(31);
        assert_eq!(standing(&open, Some(due), day(2)).0, Standing::Open);
        let lifted = ActionStatus::Lifted {
            on: day(5),
            evidence: String::new(),
        };
        assert_eq!(
            standing(&lifted, Some(day(1)), day(5)),
            (Standing::Lifted, None)
        );
        // Lifted after the plan's date: still overdue then.
        assert_eq!(standing(&lifted, Some(day(1)), day(4)).0, Standing::Overdue);
        let not_lifted = ActionStatus::NotLifted {
            on: day(5),
            reason: String::new(),
        };
        assert_eq!(
            standing(&not_lifted, Some(day(1)), day(9)).0,
            Standing::Overdue
        );
    }
}
