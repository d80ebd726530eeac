//! The network: every site of a programme's audits at a date — the label's status of each
//! préfecture and sous-préfecture, the audits due, the overdue actions, the engagements most
//! often not conforming, who holds which module — as the ministry's quality network, a regional
//! coordinator or a certification body's account manager looks at it.
//!
//! [`Network`] is built from many audits of many sites:
//!
//! - [`Network::from_paths`]: files and directory trees (any nesting; the `.json`, `.yaml`,
//!   `.yml` and `.toml` files of a directory are its audits, found at any depth; the audits of
//!   a site may be spread over folders);
//! - [`Network::from_audits`] / [`Network::from_labelled_audits`]: audits already in memory.
//!
//! The files are read and parsed on every core (rayon); the audits are grouped into sites, and
//! each site's [`Dossier`](crate::dossier::Dossier) is built (its audits validated under the options'
//! [`DossierOptions::validation`], concluded, their findings put in its ledger) on every core,
//! site by site; what the network shows of it is kept and the dossier dropped. An audit that
//! cannot be read or does not pass validation is a [`NetworkProblem`] with its diagnostics, and
//! takes no part in the rest: nothing is left out silently.
//!
//! **Sites.** Audits are grouped into sites by the crate's one rule of « same site »,
//! [`Site::is_same_site_as`] (administration, département, city): a sous-préfecture is its own
//! site, attached to its département (on the map, a mark on the département of its
//! préfecture). The sites are sorted by département, then préfecture before sous-préfecture,
//! then city.
//!
//! **Each site at the date** ([`NetworkSite`]), all from the site's [`Dossier`](crate::dossier::Dossier): the label's
//! [status](LabelStatus) (labelled modules, since, until, the next audit due and its window)
//! under the [`CyclePolicy`] — **the crate's own default** (the Qual-e-pref cycle is not public;
//! see [`crate::dossier::cycle`]), which [`Network::cycle_is_default`] states; the last audit
//! ended by the date and its avis (indicative for an internal audit, as
//! [`Conclusions::outcome_label`](crate::Conclusions::outcome_label) says it); the actions of
//! the dossier's ledger still open at the date (nonconformities, points sensibles, pistes de
//! progrès) and how many are overdue, as the [`Plan`](crate::Plan) stands them; the
//! [trend](Trend) of the conformity rate from the previous audit; the verdict of each
//! engagement at the site's last audit that assessed it; and the dossier's diagnostics.
//!
//! **Across the network** ([`NetworkSummary`]): the count of sites by [`LabelState`]; the
//! calendar of audits due within [`NetworkOptions::horizon_months`] (and those already
//! overdue); the sites with overdue actions, oldest first; the engagements most often not
//! conforming or flagged as points sensibles, per module and year; the coverage of modules
//! (which sites hold module 3, 4…).
//!
//! # The JSON contract
//!
//! `serde_json::to_string(&network)` ([`Network::to_json_string`]) gives, in this order:
//!
//! ```json
//! {
//!   "format_version": 1,
//!   "at": "2025-03-01",
//!   "referentiel": "qual-e-pref-2019",
//!   "cycle": { "validity_months": 36, "follow_up_months": 18, "window_months": 6 },
//!   "cycle_is_default": true,
//!   "policy": { "deadline_months": 3, "major_deadline_months": 1, "minor_threshold": null },
//!   "horizon_months": 12,
//!   "files": { "read": 3, "taken": 3, "left_out": 0 },
//!   "sites": [ {
//!       "site": { "administration": "prefecture", "name": "…", "departement": "83", "city": "TOULON" },
//!       "audits": [ { "file": "…", "kind": { "type": "initial", "internal": false },
//!                     "dates": { "start": "…", "end": "…" }, "modules": [1, 2],
//!                     "valid": true, "outcome": "favorable" or null, "indicative": false,
//!                     "rate": { "numerator": 23, "denominator": 23 } or null,
//!                     "nonconformities": { "minor": 0, "major": 0 }, "after_date": false } ],
//!       "status": { "at", "state", "labelling_audit", "label_from", "modules", "next" },   // the dossier's
//!       "last_audit": 0 or null,          // index in `audits`
//!       "actions": [ … ],                 // open at `at`, as the Plan's actions; their audits index `audits`
//!       "open_actions": 1, "overdue_actions": 1, "done_actions": 0,
//!       "trend": "improved" or null,       // the rate against the previous audit's
//!       "engagements": [ { "engagement": 17, "verdict": "NC min" or null, "concern": false, "audit": 0 } ],
//!       "diagnostics": [ … ]               // the dossier's at `at`, as the history's
//!   } ],
//!   "summary": {
//!     "by_state": { "labelled": 2, "suspended": 1, "expired": 0, "not_labelled": 0 },
//!     "calendar": [ { "site": 0, "type": "suivi", "due": "…", "window_start": "…" or null,
//!                     "window_end": "…", "overdue": false } ],
//!     "overdue": [ { "site": 1, "oldest_due": "…", "actions": 1 } ],
//!     "engagements": [ { "engagement": 9, "module": 1, "title": "…", "assessed": 4,
//!                        "minor": 1, "major": 0, "concerns": 2,
//!                        "years": [ { "year": 2024, "assessed": 2, "nonconforming": 1, "concerns": 1 } ] } ],
//!     "coverage": [ { "module": 1, "title": "…", "sites": [0, 1, 2] } ]
//!   },
//!   "problems": [ { "file": "…", "kind": "invalid", "message": "…",
//!                   "error": null, "diagnostics": [ … ] } ]
//! }
//! ```
//!
//! `site` in the summary indexes `sites`; an audit's index in `audits` is its index in the
//! site's dossier (an audit left out is listed with `valid: false`, and among the problems).
//! Fields are only added; a change of meaning raises `format_version`
//! ([`NETWORK_FORMAT_VERSION`]). A network is `Send + Sync`.
//!
//! # Memory
//!
//! A site's dossier needs every audit of the site, and the audits of a site may be anywhere in
//! the tree: the parsed audits are held until they are grouped into sites (about as much memory
//! as their files take on disk, a few times more for the strings and vectors of the model);
//! then each site's dossier is built on a core, reduced to its [`NetworkSite`] and dropped with
//! the site's audits. No rendered report or page is held but the one written.
//!
//! # Example
//!
//! ```
//! use qualepref::network::{Network, NetworkOptions};
//! use qualepref::{samples, Audit, LabelState, NaiveDate, Referentiel};
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let at = NaiveDate::from_ymd_opt(2020, 1, 1).ok_or("date")?;
//! let network = Network::from_audits([audit], Referentiel::qual_e_pref_2019(), &NetworkOptions::new(at));
//! assert_eq!(network.sites.len(), 1);
//! // An internal audit labels nothing; its outcome is indicative.
//! assert_eq!(network.sites[0].status.state, LabelState::NotLabelled);
//! assert_eq!(network.summary.by_state.not_labelled, 1);
//! assert!(network.to_text(qualepref::Language::Fr).contains("TOULON"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod csv;
mod html;
mod map;
mod markdown;
mod phrases;
mod problem;
mod read;
mod rows;
mod status;
mod summary;
mod text;
#[cfg(feature = "xlsx")]
mod xlsx;

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use self::problem::{NetworkProblem, ProblemKind};
pub use self::summary::{
    DueAudit, EngagementTally, ModuleCoverage, NetworkSummary, OverdueSite, StateCounts, YearTally,
};
use crate::dossier::{DossierOptions, HistoryDiagnostic};
use crate::engine::AppliedPolicy;
use crate::history::Trend;
use crate::plan::PlanAction;
use crate::{
    Audit, AuditDates, AuditKind, CyclePolicy, EngagementNumber, Error, Format, LabelState,
    LabelStatus, Language, ModuleNumber, Nonconformities, Outcome, Policy, Rate, Referentiel, Site,
    ValidationOptions, Verdict,
};

/// The version of the [`Network`] JSON contract.
pub const NETWORK_FORMAT_VERSION: u32 = 1;

/// How a network is built and looked at.
///
/// ```
/// use qualepref::network::NetworkOptions;
/// use qualepref::{CyclePolicy, NaiveDate};
/// let at = NaiveDate::from_ymd_opt(2025, 3, 1).ok_or("date")?;
/// let options = NetworkOptions::new(at).with_horizon_months(6).with_cycle(CyclePolicy::default());
/// assert_eq!(options.horizon_months, 6);
/// assert!(options.dossier.cycle.is_default());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NetworkOptions {
    /// The date the network is looked at.
    pub at: NaiveDate,
    /// How each site's dossier is built: the label's cycle (the crate's own default unless
    /// set), the policy of avis and due dates, the validation of each audit.
    pub dossier: DossierOptions,
    /// The months after `at` the calendar of due audits covers (12 by default).
    pub horizon_months: u32,
    /// The format of every file, instead of its extension.
    pub format: Option<Format>,
}

impl NetworkOptions {
    /// The default options at `at`: the dossier's default options (cycle, policy,
    /// validation), a calendar of 12 months.
    #[must_use]
    pub fn new(at: NaiveDate) -> NetworkOptions {
        NetworkOptions {
            at,
            dossier: DossierOptions::default(),
            horizon_months: 12,
            format: None,
        }
    }

    /// These options with each site's dossier built under `dossier`.
    #[must_use]
    pub fn with_dossier(mut self, dossier: DossierOptions) -> NetworkOptions {
        self.dossier = dossier;
        self
    }

    /// These options with another cycle.
    #[must_use]
    pub fn with_cycle(mut self, cycle: CyclePolicy) -> NetworkOptions {
        self.dossier = self.dossier.with_cycle(cycle);
        self
    }

    /// These options with another policy.
    #[must_use]
    pub fn with_policy(mut self, policy: Policy) -> NetworkOptions {
        self.dossier = self.dossier.with_policy(policy);
        self
    }

    /// These options with each audit validated under `validation`.
    #[must_use]
    pub fn with_validation(mut self, validation: ValidationOptions) -> NetworkOptions {
        self.dossier = self.dossier.with_validation(validation);
        self
    }

    /// These options with a calendar of `months` months.
    #[must_use]
    pub fn with_horizon_months(mut self, months: u32) -> NetworkOptions {
        self.horizon_months = months;
        self
    }

    /// These options reading every file in `format`, whatever its extension.
    #[must_use]
    pub fn with_format(mut self, format: Format) -> NetworkOptions {
        self.format = Some(format);
        self
    }
}

/// One audit of a site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NetworkAudit {
    /// The file it was read from (or the label it was given).
    pub file: String,
    /// Its type, and whether it is internal.
    pub kind: AuditKind,
    /// Its first and last day.
    pub dates: AuditDates,
    /// The modules it covers.
    pub modules: Vec<ModuleNumber>,
    /// Whether it passed validation: an invalid audit is listed here (its index is the
    /// dossier's), takes no part, and is among the network's problems.
    pub valid: bool,
    /// The policy's avis (indicative when `indicative`); none for an invalid audit.
    pub outcome: Option<Outcome>,
    /// Whether the outcome is indicative (an internal audit).
    pub indicative: bool,
    /// The overall conformity rate of the engagements.
    pub rate: Option<Rate>,
    /// The nonconformities the decision counted.
    pub nonconformities: Nonconformities,
    /// Whether the audit ends after the network's date: it takes no part in the status.
    pub after_date: bool,
}

impl NetworkAudit {
    /// The avis in words, as [`Conclusions::outcome_label`](crate::Conclusions::outcome_label)
    /// writes it: `avis favorable (indicatif)` for an internal audit; empty for an invalid one.
    #[must_use]
    pub fn outcome_label(&self, language: Language) -> String {
        let Some(outcome) = self.outcome else {
            return String::new();
        };
        let label = outcome.label(language);
        if self.indicative {
            format!("{label}{}", language.phrases().common.indicative)
        } else {
            label.to_owned()
        }
    }
}

/// The verdict of one engagement at a site's last audit that assessed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SiteEngagement {
    /// The engagement.
    pub engagement: EngagementNumber,
    /// Its verdict there (none when the audit left it unassessed).
    pub verdict: Option<Verdict>,
    /// Whether that audit flagged it as a point sensible.
    pub concern: bool,
    /// The index of that audit in [`NetworkSite::audits`].
    pub audit: usize,
}

/// One site of the network at its date. See the [module docs](self).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NetworkSite {
    /// The site, as its last audit names it.
    pub site: Site,
    /// Its audits, in date order (first day, last day, type, internal flag, file).
    pub audits: Vec<NetworkAudit>,
    /// The label's status at the network's date, as the site's [`Dossier`](crate::dossier::Dossier) gives it (the next
    /// audit due and its window in [`LabelStatus::next`]).
    pub status: LabelStatus,
    /// The index in `audits` of the last valid audit ended by the network's date.
    pub last_audit: Option<usize>,
    /// The actions of the dossier's ledger still open at the network's date (overdue, due
    /// soon, open), in the [`Plan`](crate::Plan)'s order; their audits index `audits`.
    pub actions: Vec<PlanAction>,
    /// The actions open (overdue and due soon included).
    pub open_actions: u32,
    /// The actions past their due date.
    pub overdue_actions: u32,
    /// The actions done by the network's date (not listed).
    pub done_actions: u32,
    /// The conformity rate of the last audit against the previous audit's.
    pub trend: Option<Trend>,
    /// Each engagement assessed at some audit, with its verdict at the last audit that
    /// assessed it, by number.
    pub engagements: Vec<SiteEngagement>,
    /// The dossier's diagnostics at the network's date (the history's rules), those of the
    /// invalid audits aside: they are the network's problems.
    pub diagnostics: Vec<HistoryDiagnostic>,
}

impl NetworkSite {
    /// The last audit ended by the network's date.
    #[must_use]
    pub fn last(&self) -> Option<&NetworkAudit> {
        self.last_audit.and_then(|i| self.audits.get(i))
    }

    /// The oldest due date of its overdue actions.
    #[must_use]
    pub fn oldest_overdue(&self) -> Option<NaiveDate> {
        self.actions
            .iter()
            .filter(|a| a.standing == crate::plan::Standing::Overdue)
            .filter_map(|a| a.entry.due)
            .min()
    }
}

/// How many files were read, taken and left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileCounts {
    /// Every file (or audit given in memory).
    pub read: u32,
    /// Those that took part.
    pub taken: u32,
    /// Those left out, each a [`NetworkProblem`] (a folder that cannot be read is one too,
    /// without being counted here).
    pub left_out: u32,
}

/// Every site of many audits at a date. See the [module docs](self).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Network {
    /// [`NETWORK_FORMAT_VERSION`].
    pub format_version: u32,
    /// The date.
    pub at: NaiveDate,
    /// The référentiel's id.
    pub referentiel: String,
    /// The label's cycle.
    pub cycle: CyclePolicy,
    /// Whether `cycle` is the crate's own default ([`CyclePolicy::default`]): the Qual-e-pref
    /// cycle is not public.
    pub cycle_is_default: bool,
    /// The policy of outcomes and due dates.
    pub policy: AppliedPolicy,
    /// [`NetworkOptions::horizon_months`].
    pub horizon_months: u32,
    /// The files read, taken and left out.
    pub files: FileCounts,
    /// The sites: by département, préfecture before sous-préfecture, then city.
    pub sites: Vec<NetworkSite>,
    /// Across the network.
    pub summary: NetworkSummary,
    /// Every file left out, in the order of the files.
    pub problems: Vec<NetworkProblem>,
}

// The network is shared between threads as it is (a server's cache, a report built per core).
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<Network>();
};

impl Network {
    /// The network of the audit files of `paths`: each file as given, each directory walked at
    /// any depth for its `.json`, `.yaml`, `.yml` and `.toml` files (sorted by path; hidden
    /// files and folders, whose names start with `.`, are skipped; a symbolic link is followed
    /// to a file, not into a folder). A file that cannot be read, or whose audit does not pass
    /// validation, is a [`NetworkProblem`]; so is a folder of the tree that cannot be read.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when a path given does not exist or cannot be read at all.
    pub fn from_paths<P: AsRef<Path>>(
        paths: impl IntoIterator<Item = P>,
        referentiel: &Referentiel,
        options: &NetworkOptions,
    ) -> Result<Network, Error> {
        let (files, walk_problems) = read::walk(paths)?;
        let (parsed, problems) = read::read_files(&files, options);
        Ok(Network::assemble(
            parsed,
            walk_problems,
            problems,
            files.len(),
            referentiel,
            options,
        ))
    }

    /// The network of `audits` given in memory, each named `audit N` (from 1) in problems.
    #[must_use]
    pub fn from_audits<I>(audits: I, referentiel: &Referentiel, options: &NetworkOptions) -> Network
    where
        I: IntoIterator<Item = Audit>,
    {
        Network::from_labelled_audits(
            audits
                .into_iter()
                .enumerate()
                .map(|(i, a)| (format!("audit {}", i + 1), a)),
            referentiel,
            options,
        )
    }

    /// The network of `audits` given in memory, each with the label problems name it by (a
    /// file name; labels should be distinct).
    #[must_use]
    pub fn from_labelled_audits<I>(
        audits: I,
        referentiel: &Referentiel,
        options: &NetworkOptions,
    ) -> Network
    where
        I: IntoIterator<Item = (String, Audit)>,
    {
        let parsed: Vec<read::Parsed> = audits
            .into_iter()
            .enumerate()
            .map(|(order, (file, audit))| read::Parsed { order, file, audit })
            .collect();
        let read = parsed.len();
        Network::assemble(parsed, Vec::new(), Vec::new(), read, referentiel, options)
    }

    fn assemble(
        parsed: Vec<read::Parsed>,
        walk_problems: Vec<NetworkProblem>,
        read_problems: Vec<(usize, NetworkProblem)>,
        read: usize,
        referentiel: &Referentiel,
        options: &NetworkOptions,
    ) -> Network {
        let built = status::sites(parsed, referentiel, options);
        let mut left_out = read_problems;
        left_out.extend(built.problems);
        left_out.sort_by_key(|(order, _)| *order);
        let taken = read.saturating_sub(left_out.len());
        let mut problems = walk_problems;
        problems.extend(left_out.into_iter().map(|(_, p)| p));
        let engagements = summary::engagements(built.cells, referentiel);
        let sites = built.sites;
        let summary = summary::summarise(&sites, engagements, referentiel, options);
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let cycle = options.dossier.cycle;
        let policy = options.dossier.policy;
        Network {
            format_version: NETWORK_FORMAT_VERSION,
            at: options.at,
            referentiel: referentiel.id().to_owned(),
            cycle,
            cycle_is_default: cycle.is_default(),
            policy: AppliedPolicy {
                deadline_months: policy.minor_deadline_months(),
                major_deadline_months: policy.major_deadline_months(),
                minor_threshold: policy.minor_threshold(),
            },
            horizon_months: options.horizon_months,
            files: FileCounts {
                read: count(read),
                taken: count(taken),
                left_out: count(read.saturating_sub(taken)),
            },
            sites,
            summary,
            problems,
        }
    }

    /// The sites in `state`.
    pub fn sites_in(&self, state: LabelState) -> impl Iterator<Item = &NetworkSite> {
        self.sites.iter().filter(move |s| s.status.state == state)
    }

    /// Whether a file was left out.
    #[must_use]
    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// The network as pretty-printed JSON with a final newline (the contract above).
    ///
    /// # Errors
    ///
    /// [`Error::Write`] if serialisation fails (it does not for the types of this crate).
    pub fn to_json_string(&self) -> Result<String, Error> {
        let mut text = serde_json::to_string_pretty(self).map_err(Error::Write)?;
        text.push('\n');
        Ok(text)
    }

    /// The network as plain text in `language`: the summary (counts by status, audits due,
    /// overdue actions, weakest engagements, coverage of modules, files left out), then a table
    /// per site. French follows French typography.
    #[must_use]
    pub fn to_text(&self, language: Language) -> String {
        text::write(self, language)
    }

    /// The same as Markdown, every data text escaped as the report's Markdown escapes it
    /// ([`crate::report::markdown::escape`]).
    #[must_use]
    pub fn to_markdown(&self, language: Language) -> String {
        markdown::write(self, language)
    }

    /// The network as one self-contained, printable HTML page in `language`, without script:
    /// a map of France with each département coloured by the status of its préfecture
    /// (sous-préfectures as marks, the overseas départements as insets), a heat map of the
    /// engagements of each site coloured by verdict, the calendar of audits due, then the
    /// tables. The map's shapes are those of `data/france-departements.json` (CC BY 4.0; the
    /// attribution is on the page).
    #[must_use]
    pub fn to_html(&self, language: Language) -> String {
        html::write(self, language)
    }

    /// The network as one CSV table, a row per site; the headers in `language` (`;` separated,
    /// UTF-8 with a byte-order mark, CRLF, as French spreadsheet programs expect; ISO dates);
    /// every cell that a spreadsheet would open as a formula gets a `'` first.
    #[must_use]
    pub fn to_csv(&self, language: Language) -> String {
        csv::write(self, language)
    }

    /// The network as a workbook (`.xlsx`): a sheet of the sites (the CSV's rows), a sheet of
    /// the overdue actions and a sheet of the engagement table; texts as shared strings, dates
    /// as date cells, no formula.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`] if the workbook writer refuses a value.
    #[cfg(feature = "xlsx")]
    #[cfg_attr(docsrs, doc(cfg(feature = "xlsx")))]
    pub fn to_xlsx(&self, language: Language) -> Result<Vec<u8>, Error> {
        xlsx::write(self, language)
    }
}
