//! The history of one site: its audits in date order, what each concluded, how each engagement
//! fared from one audit to the next, what became of each écart and observation, the label's
//! status at a date, and the history rules' diagnostics.
//!
//! [`History::new`] takes the audits in any order and orders them by first day, last day,
//! type and internal flag (then file label; audits equal on all of these keep their input order).
//! Each audit is validated with the default
//! [`ValidationOptions`]; an invalid audit is a diagnostic
//! ([`history-invalid-audit`](HistoryCode::InvalidAudit)), listed in the timeline without
//! outcome. The site is the first audit's; an audit of another site is a diagnostic
//! ([`history-other-site`](HistoryCode::OtherSite)) and listed too. Neither takes part in the
//! rest (grid, follow-ups, cycle).
//!
//! - **Timeline** ([`History::audits`]): type, modules, outcome of [`conclude`]
//!   under [`Policy::default`] (indicative for an internal audit), overall conformity rate.
//! - **Grid** ([`History::grid`]): one row per engagement of the référentiel that some audit
//!   assessed, one cell per audit (verdict, observation kinds) and the [`Trend`] from the
//!   previous comparable verdict of the row (`C` > `NC min` > `NC Maj`; `NA` and unassessed are
//!   not compared).
//! - **Écarts** ([`History::ecarts`]): each nonconformity of the decision
//!   ([`Ecart`](crate::Ecart), with its due date) followed to the next audit, internal or
//!   external, that covers the target's module (any audit for a management item): `C` there, or
//!   the fiche's status lifted → lifted; a nonconformity there → persistent; no verdict or `NA`
//!   → not mentioned (a warning); no such audit → pending.
//! - **Observations** ([`History::observations`]): each point sensible and piste de progrès of
//!   an engagement or management item, followed to the same next audit: followed up (assessed
//!   there), recurring (assessed with the same kind of observation again), not followed up (not
//!   assessed there), pending (no later audit covers it).
//! - **Label** ([`History::status`], [`History::status_at`]): see [`cycle`].
//! - **Rules** ([`History::diagnostics`]): the [`HistoryCode`]s, sorted by audit, path and code.
//!
//! # The JSON contract
//!
//! `serde_json::to_string(&history)` gives, in this order: `format_version` (1), `site`,
//! `cycle` (`validity_months`, `follow_up_months`), `audits` (each: `index`, `file`, `site`,
//! `kind`, `dates`, `modules`, `same_site`, `valid`, `outcome` or null, `indicative`, `rate`
//! or null, `nonconformities`), `grid` (each: `engagement`, `module`, `title`, `cells`: one per
//! audit, null or `{ "verdict", "observations", "trend" }`, each observation `{ "kind", "text" }`
//! with `risk` when stated), `ecarts` (each: `audit`, `path`,
//! `target`, `title`, `grade`, `due`, `fiche_status`, `next`, `next_verdict`, `status`,
//! `overdue`), `observations` (each: `audit`, `target`, `kind`, `texts`, `next`, `status`),
//! `status` (`at`, `state`, `labelling_audit`, `modules`, `next`) and `diagnostics`. Fields are
//! only added; a change of meaning raises `format_version`.
//!
//! ```
//! use qualepref::{Audit, History, HistoryOptions, Referentiel, samples};
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let history = History::new([audit], Referentiel::qual_e_pref_2019(), &HistoryOptions::default());
//! assert_eq!(history.audits.len(), 1);
//! assert!(history.audits[0].indicative);
//! assert!(history.diagnostics.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod codes;
pub mod cycle;
mod follow;
pub(crate) mod phrases;
mod render;
mod rules;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub(crate) use self::codes::codes_markdown;
pub use self::codes::{HistoryCode, HistoryDiagnostic};
pub use self::cycle::{CyclePolicy, LabelState, LabelStatus, LabelledModule, NextAudit};
pub use self::follow::{
    EcartFollowUp, EcartStatus, GridCell, GridRow, ObservationFollowUp, ObservationStatus, Trend,
};
use crate::engine::score::Rate;
use crate::{
    Audit, AuditDates, AuditKind, ModuleNumber, Nonconformities, Outcome, Policy, Referentiel,
    Site, Valid, ValidationOptions, conclude,
};

/// The version of the [`History`] JSON contract.
pub const HISTORY_FORMAT_VERSION: u32 = 1;

/// How a history is built: the label's [`CyclePolicy`], the date of [`History::status`], and
/// the [`ValidationOptions`] each audit is validated with (the defaults unless set: an audit
/// with an error takes no part but its place in the timeline).
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
    /// The date of [`History::status`]; the last audit's last day when unset.
    pub at: Option<NaiveDate>,
    /// How each audit is validated.
    pub validation: ValidationOptions,
}

impl HistoryOptions {
    /// These options with the label's status taken at `at`.
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
}

/// One audit of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HistoryAudit {
    /// Its position in the history (date order).
    pub index: usize,
    /// The file it was read from, when given.
    #[serde(default)]
    pub file: Option<String>,
    /// Its site.
    pub site: Site,
    /// Its type, and whether it is internal.
    pub kind: AuditKind,
    /// Its first and last day.
    pub dates: AuditDates,
    /// The modules it covers.
    pub modules: Vec<ModuleNumber>,
    /// Whether it is of the history's site.
    pub same_site: bool,
    /// Whether it passed validation.
    pub valid: bool,
    /// The policy's outcome (indicative when `indicative`); none for an invalid audit.
    pub outcome: Option<Outcome>,
    /// Whether the outcome is indicative (an internal audit).
    pub indicative: bool,
    /// The overall conformity rate of the engagements.
    pub rate: Option<Rate>,
    /// The nonconformities the decision counted.
    pub nonconformities: Nonconformities,
}

impl HistoryAudit {
    /// Whether the audit takes part in the grid, the follow-ups and the cycle: valid, and of
    /// the history's site.
    #[must_use]
    pub fn takes_part(&self) -> bool {
        self.valid && self.same_site
    }
}

/// The history of one site: see the [module docs](self).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct History {
    /// [`HISTORY_FORMAT_VERSION`].
    pub format_version: u32,
    /// The site: the first audit's (none for an empty history).
    pub site: Option<Site>,
    /// The label's cycle policy.
    pub cycle: CyclePolicy,
    /// The timeline, in date order.
    pub audits: Vec<HistoryAudit>,
    /// The engagement grid.
    pub grid: Vec<GridRow>,
    /// Each écart, followed to the next audit.
    pub ecarts: Vec<EcartFollowUp>,
    /// Each point sensible and piste de progrès, followed to the next audit.
    pub observations: Vec<ObservationFollowUp>,
    /// The label's status at the options' date (or the last audit's last day).
    pub status: LabelStatus,
    /// The history rules' diagnostics.
    pub diagnostics: Vec<HistoryDiagnostic>,
}

impl History {
    /// The history of `audits`, in any order, against `referentiel`.
    #[must_use]
    pub fn new(
        audits: impl IntoIterator<Item = Audit>,
        referentiel: &Referentiel,
        options: &HistoryOptions,
    ) -> History {
        History::labelled(audits.into_iter().map(|a| (None, a)), referentiel, options)
    }

    /// The history of `audits`, each with the label (a file name) diagnostics name it by.
    #[must_use]
    pub fn with_labels(
        audits: impl IntoIterator<Item = (String, Audit)>,
        referentiel: &Referentiel,
        options: &HistoryOptions,
    ) -> History {
        History::labelled(
            audits.into_iter().map(|(l, a)| (Some(l), a)),
            referentiel,
            options,
        )
    }

    fn labelled(
        audits: impl IntoIterator<Item = (Option<String>, Audit)>,
        referentiel: &Referentiel,
        options: &HistoryOptions,
    ) -> History {
        let mut audits: Vec<(Option<String>, Audit)> = audits.into_iter().collect();
        audits.sort_by(|(la, a), (lb, b)| {
            (
                a.dates.start,
                a.dates.end,
                a.kind.audit_type,
                a.kind.internal,
                la,
            )
                .cmp(&(
                    b.dates.start,
                    b.dates.end,
                    b.kind.audit_type,
                    b.kind.internal,
                    lb,
                ))
        });
        let site = audits.first().map(|(_, a)| a.site.clone());
        let validation = &options.validation;
        let mut diagnostics = Vec::new();
        let mut entries = Vec::with_capacity(audits.len());
        let mut valids = Vec::with_capacity(audits.len());
        for (index, (file, audit)) in audits.iter().enumerate() {
            let same_site = site.as_ref().is_none_or(|s| s.is_same_site_as(&audit.site));
            let checked = Valid::new(audit, referentiel, validation);
            let mut entry = HistoryAudit {
                index,
                file: file.clone(),
                site: audit.site.clone(),
                kind: audit.kind,
                dates: audit.dates,
                modules: audit.modules.clone(),
                same_site,
                valid: checked.is_ok(),
                outcome: None,
                indicative: audit.kind.internal,
                rate: None,
                nonconformities: Nonconformities::default(),
            };
            match &checked {
                Ok(valid) => {
                    let conclusions = conclude(valid, &Policy::default(), crate::Language::Fr);
                    entry.outcome = Some(conclusions.outcome);
                    entry.rate = conclusions.rate;
                    entry.nonconformities = conclusions.nonconformities;
                }
                Err(report) => diagnostics.push(rules::invalid(index, file.as_deref(), report)),
            }
            if let (false, Some(s)) = (same_site, &site) {
                diagnostics.push(rules::other_site(index, file.as_deref(), audit, s));
            }
            entries.push(entry);
            valids.push(checked.ok().filter(|_| same_site));
        }
        let grid = follow::grid(referentiel, &audits, &entries);
        let (ecarts, mut more) = follow::ecarts(referentiel, &valids, &audits, &entries);
        diagnostics.append(&mut more);
        let observations = follow::observations(referentiel, &audits, &entries);
        diagnostics.append(&mut rules::check(&audits, &entries, options.cycle));
        diagnostics.sort_by(|a, b| {
            (a.audit, &a.path, a.code, &a.message).cmp(&(b.audit, &b.path, b.code, &b.message))
        });
        let at = options
            .at
            .or_else(|| entries.last().map(|e| e.dates.end))
            .unwrap_or_default();
        let status = cycle::status(
            cycle::replay(&entries, options.cycle, at).as_ref(),
            options.cycle,
            at,
        );
        History {
            format_version: HISTORY_FORMAT_VERSION,
            site,
            cycle: options.cycle,
            audits: entries,
            grid,
            ecarts,
            observations,
            status,
            diagnostics,
        }
    }

    /// The label's status at `at`, under the history's cycle policy.
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
            cycle::replay(&self.audits, self.cycle, at).as_ref(),
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
