//! The history of one site: its audits in date order, what each concluded, how each engagement
//! fared from one audit to the next, what became of each écart and observation, the label's
//! status at a date, and the history rules' diagnostics — a view of the site's
//! [`Dossier`] at a date, so that it says what the plan d'actions says.
//!
//! [`History::new`] builds the dossier of the audits (in any order; see [`crate::dossier`]) and
//! takes its view at [`HistoryOptions::at`] (the last audit's last day when unset);
//! [`History::of`] takes the view of a dossier already built. **Both the history and the plan
//! own what they show**: each is built from a [`Dossier`] (which owns the audits) and keeps
//! owned copies, so either outlives the files it was read from and neither borrows.
//!
//! Everything is seen at the history's date: an audit that starts after it is neither listed
//! nor gridded (a note, [`history-audit-after-date`](HistoryCode::AuditAfterDate), says so),
//! and each entry is in the state it had then.
//!
//! - **Timeline** ([`History::audits`]): type, modules, the policy's avis (indicative for an
//!   internal audit), overall conformity rate.
//! - **Grid** ([`History::grid`]): one row per engagement of the référentiel that some audit
//!   assessed, one cell per audit (verdict, observation kinds) and the [`Trend`] from the
//!   previous comparable verdict of the row (`C` > `NC min` > `NC Maj`; `NA` and unassessed are
//!   not compared).
//! - **Écarts** ([`History::ecarts`]) and **observations** ([`History::observations`]): each
//!   nonconformity, point sensible and piste de progrès of the ledger (on engagements,
//!   management items and remote checks), with its number in the plan, the next audit that
//!   covered it and what became of it, in the one vocabulary of [`FollowUp`]: levée, non
//!   reconduite, persistante, en attente, non évaluée, réalisée, soldée.
//! - **Label** ([`History::status`], [`History::status_at`]): see [`cycle`]; the cycle is the
//!   crate's default unless chosen, and every rendering says so.
//! - **Rules** ([`History::diagnostics`]): the [`HistoryCode`]s, sorted by audit, path and code.
//!
//! # The JSON contract
//!
//! `serde_json::to_string(&history)` gives, in this order: `format_version` (2), `at`, `site`,
//! `cycle` (`validity_months`, `follow_up_months`, `window_months`), `cycle_is_default`,
//! `cycle_note`, `audits` (each: `index`, `file`, `site`, `kind`, `dates`, `modules`,
//! `same_site`, `valid`, `outcome` or null, `indicative`, `rate` or null, `nonconformities`,
//! and `labelling`, `plan_due` when known), `grid` (each: `engagement`, `module`, `title`,
//! `cells`: one per audit, null or `{ "verdict", "observations", "trend" }`, each observation
//! `{ "kind", "text" }` with `risk` when stated), `ecarts` (each: `number`, `audit`, `path`,
//! `target`, `title`, `grade`, `due`, `fiche_status`, `next`, `next_verdict`, `status`,
//! `overdue`), `observations` (each: `number`, `audit`, `source`, `kind`, `text`, `risk` when
//! stated, `next`, `status`), `status` (`at`, `state`, `labelling_audit`, `label_from`,
//! `modules`, `next` with `type`, `due`, `window_start`, `window_end`, `overdue`) and
//! `diagnostics` (each with `message` in French and `message_en`). Fields are only added; a
//! change of meaning raises `format_version`.
//!
//! ```
//! use qualepref::{Audit, History, HistoryOptions, Referentiel, samples};
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let history = History::new([audit], Referentiel::qual_e_pref_2019(), &HistoryOptions::default());
//! assert_eq!(history.audits.len(), 1);
//! assert!(history.audits[0].indicative);
//! assert!(history.diagnostics.is_empty());
//! // Its four pistes de progrès, the one of a remote check (engagement 3, Internet) included.
//! assert_eq!(history.observations.len(), 4);
//! assert!(history.cycle_is_default);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod cycle {
    //! The label's cycle, now part of the dossier: see [`crate::dossier::cycle`].
    pub use crate::dossier::cycle::*;
}
mod follow;
pub(crate) mod phrases;
mod render;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use self::follow::{EcartFollowUp, GridCell, GridRow, ObservationFollowUp, Trend};
pub(crate) use crate::dossier::codes_markdown;
use crate::dossier::{CheckResult, Dossier, DossierAudit, DossierOptions, Standing};
pub use crate::dossier::{
    CyclePolicy, FollowUp, HistoryCode, HistoryDiagnostic, LabelState, LabelStatus, LabelledModule,
    NextAudit,
};
use crate::{Audit, Policy, Referentiel, ValidationOptions};

/// The version of the [`History`] JSON contract: 2 since the follow-ups come from the
/// dossier's ledger (one per finding, with its number, and the [`FollowUp`] vocabulary).
pub const HISTORY_FORMAT_VERSION: u32 = 2;

/// How a history is built: the label's [`CyclePolicy`], the date of [`History::status`], the
/// [`ValidationOptions`] each audit is validated with (the defaults unless set: an audit with
/// an error takes no part but its place in the timeline), and the decision's [`Policy`].
///
/// ```
/// use qualepref::{CyclePolicy, HistoryOptions, NaiveDate};
/// let at = NaiveDate::from_ymd_opt(2022, 1, 1).ok_or("date")?;
/// let options = HistoryOptions::default().at(at).with_cycle(CyclePolicy::default());
/// assert_eq!(options.at, Some(at));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct HistoryOptions {
    /// The label's cycle.
    pub cycle: CyclePolicy,
    /// The date of the history; the last audit's last day when unset.
    pub at: Option<NaiveDate>,
    /// How each audit is validated.
    pub validation: ValidationOptions,
    /// The decision's policy (outcomes, due dates).
    pub policy: Policy,
}

impl HistoryOptions {
    /// These options with the history taken at `at`.
    #[must_use]
    pub fn at(mut self, at: NaiveDate) -> HistoryOptions {
        self.at = Some(at);
        self
    }

    /// These options with another cycle policy.
    #[must_use]
    pub fn with_cycle(mut self, cycle: CyclePolicy) -> HistoryOptions {
        self.cycle = cycle;
        self
    }

    /// These options with another decision policy.
    #[must_use]
    pub fn with_policy(mut self, policy: Policy) -> HistoryOptions {
        self.policy = policy;
        self
    }

    /// These options with each audit validated under `validation`, e.g. to let older audits
    /// whose nonconformities have no fiche d'écart take part:
    ///
    /// ```
    /// use qualepref::{HistoryOptions, RuleCode, Severity, ValidationOptions};
    /// let lenient = ValidationOptions::new()
    ///     .with(RuleCode::NonconformityWithoutFiche, Severity::Warning);
    /// let options = HistoryOptions::default().with_validation(lenient);
    /// assert_eq!(
    ///     options.validation.severity_of(RuleCode::NonconformityWithoutFiche),
    ///     Some(Severity::Warning)
    /// );
    /// ```
    #[must_use]
    pub fn with_validation(mut self, validation: ValidationOptions) -> HistoryOptions {
        self.validation = validation;
        self
    }

    /// The options of the dossier these options build.
    #[must_use]
    pub fn dossier_options(&self) -> DossierOptions {
        DossierOptions::default()
            .with_policy(self.policy)
            .with_cycle(self.cycle)
            .with_validation(self.validation.clone())
    }
}

/// One audit of the timeline: the dossier's.
pub type HistoryAudit = DossierAudit;

/// The history of one site: see the [module docs](self).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct History {
    /// [`HISTORY_FORMAT_VERSION`].
    pub format_version: u32,
    /// The date of the history: what it shows is what was known then.
    pub at: NaiveDate,
    /// The site: the first audit's (none for an empty history).
    pub site: Option<crate::Site>,
    /// The label's cycle policy.
    pub cycle: CyclePolicy,
    /// Whether the cycle is the crate's default (the Qual-e-pref cycle is not public).
    pub cycle_is_default: bool,
    /// The sentence that says so, in English (the renderings say it in their language).
    pub cycle_note: String,
    /// The timeline, in date order: the audits that started on or before `at`.
    pub audits: Vec<HistoryAudit>,
    /// The engagement grid.
    pub grid: Vec<GridRow>,
    /// Each écart, followed to `at`.
    pub ecarts: Vec<EcartFollowUp>,
    /// Each point sensible and piste de progrès, followed to `at`.
    pub observations: Vec<ObservationFollowUp>,
    /// The label's status at `at`.
    pub status: LabelStatus,
    /// The history rules' diagnostics (with a note for each audit after `at`).
    pub diagnostics: Vec<HistoryDiagnostic>,
}

impl History {
    /// The history of `audits`, in any order, against `referentiel`: the history of their
    /// [`Dossier`] at the options' date.
    #[must_use]
    pub fn new(
        audits: impl IntoIterator<Item = Audit>,
        referentiel: &Referentiel,
        options: &HistoryOptions,
    ) -> History {
        let dossier = Dossier::new(audits, referentiel, &options.dossier_options());
        History::of(&dossier, referentiel, options.at)
    }

    /// The history of `audits`, each with the label (a file name) diagnostics name it by.
    #[must_use]
    pub fn with_labels(
        audits: impl IntoIterator<Item = (String, Audit)>,
        referentiel: &Referentiel,
        options: &HistoryOptions,
    ) -> History {
        let dossier = Dossier::with_labels(audits, referentiel, &options.dossier_options());
        History::of(&dossier, referentiel, options.at)
    }

    /// The history of `dossier` at `at` (its last audit's last day when `None`): the audits
    /// that started by then, the grid of their verdicts, each entry of the ledger in the state
    /// it had then, and the label's status then.
    #[must_use]
    pub fn of(dossier: &Dossier, referentiel: &Referentiel, at: Option<NaiveDate>) -> History {
        let at = at.or_else(|| dossier.last_day()).unwrap_or_default();
        let audits: Vec<HistoryAudit> = dossier
            .audits()
            .iter()
            .filter(|a| a.known_at(at))
            .cloned()
            .collect();
        let sources: Vec<&Audit> = audits
            .iter()
            .filter_map(|a| dossier.audit(a.index))
            .collect();
        let grid = follow::grid(referentiel, &sources, &audits);
        let mut ecarts = Vec::new();
        let mut observations = Vec::new();
        for entry in dossier.entries_at(at) {
            let (Some(audit), Some(source)) = (entry.origin.audit, entry.source) else {
                continue;
            };
            let state = entry.state_at(at);
            let next = entry.checks.iter().find(|c| c.on <= at);
            match (
                entry.kind.grade(),
                entry.ecart_target(),
                entry.kind.observation(),
            ) {
                (Some(grade), Some(target), _) => {
                    let within = dossier
                        .audit(audit)
                        .map(|a| crate::dossier::ecart_path(Some(a), target, grade))
                        .unwrap_or_default();
                    let path = if within.is_empty() {
                        format!("audits[{audit}]")
                    } else {
                        format!("audits[{audit}].{within}")
                    };
                    ecarts.push(EcartFollowUp {
                        number: entry.number,
                        audit,
                        path,
                        target,
                        title: entry.title.clone(),
                        grade,
                        due: entry.due,
                        fiche_status: entry.fiche_status.clone(),
                        next: next.map(|c| c.audit),
                        next_verdict: next.and_then(|c| c.verdict),
                        status: state.follow_up,
                        overdue: state.standing == Standing::Overdue
                            || next.is_some_and(|c| {
                                c.result != CheckResult::Conforming
                                    && entry.due.is_some_and(|d| d < c.on)
                                    && !entry.recorded_done_at(c.on)
                            }),
                    });
                }
                (_, _, Some(kind)) => observations.push(ObservationFollowUp {
                    number: entry.number,
                    audit,
                    source,
                    kind,
                    text: entry.finding.clone(),
                    risk: entry.risk.clone(),
                    next: next.map(|c| c.audit),
                    status: state.follow_up,
                }),
                _ => {}
            }
        }
        ecarts.sort_by_key(|e| (e.audit, e.target, e.number));
        observations.sort_by_key(|o| {
            (
                o.audit,
                o.kind != crate::ObservationKind::AreaOfConcern,
                o.number,
            )
        });
        let cycle = dossier.cycle();
        History {
            format_version: HISTORY_FORMAT_VERSION,
            at,
            site: dossier.site().cloned(),
            cycle,
            cycle_is_default: cycle.is_default(),
            cycle_note: cycle.note(crate::Language::En),
            audits,
            grid,
            ecarts,
            observations,
            status: dossier.status_at(at),
            diagnostics: dossier.diagnostics_at(at),
        }
    }

    /// The label's status at `at`, under the history's cycle policy, from the audits of the
    /// history (those that started on or before its date).
    ///
    /// ```
    /// use qualepref::{Audit, History, HistoryOptions, LabelState, NaiveDate, Referentiel, samples};
    /// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
    /// let history = History::new([audit], Referentiel::qual_e_pref_2019(), &HistoryOptions::default());
    /// // An internal audit labels nothing.
    /// let at = NaiveDate::from_ymd_opt(2020, 1, 1).ok_or("date")?;
    /// assert_eq!(history.status_at(at).state, LabelState::NotLabelled);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status_at(&self, at: NaiveDate) -> LabelStatus {
        cycle::status(
            crate::dossier::cycle::replay(&self.audits, self.cycle, at).as_ref(),
            self.cycle,
            at,
        )
    }

    /// Whether a diagnostic has error severity.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == crate::Severity::Error)
    }

    /// The history as pretty-printed JSON with a final newline (the contract above).
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
}
