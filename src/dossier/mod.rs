//! A site's dossier: its audits in date order and the ledger of the actions they open — the one
//! model from which the plan d'actions ([`crate::plan`]), the history ([`crate::history`]) and
//! the label's status at a date are all derived, so that they cannot disagree.
//!
//! # Building a dossier
//!
//! [`Dossier::new`] takes the audits of one site in any order (it owns them: a dossier is the
//! site's record, kept as long as the program needs it), orders them by first day, last day,
//! type and internal flag (then file label), validates each under
//! [`DossierOptions::validation`] and concludes it under [`DossierOptions::policy`]. The site is
//! the first audit's; an invalid audit or an audit of another site is a diagnostic and takes no
//! part in the ledger nor in the cycle.
//!
//! # The ledger
//!
//! Every finding of every audit opens an [`Entry`]: each nonconformity of the decision (with
//! its fiche d'écart, whose number « Fiche d'écart n°1 » is kept in [`Origin::fiche`]), each
//! point sensible with its risk and each piste de progrès, on engagements, management items and
//! remote checks. (The audit model has no field for the auditor's own recommendations, so none
//! is an entry.) An entry has a stable [`number`](Entry::number) (numbered in the dossier's
//! order, or kept from the plan the quality manager keeps, see [`Dossier::apply_records`]), its
//! [`Origin`], and its life: the action planned (action, pilote, échéance), its progress, the
//! day it was realised, its evidence, the check of its efficacy, its closing by the quality
//! manager — and what every later audit that covers its target found ([`Entry::checks`]).
//!
//! What a later audit settles is settled everywhere at once: the state of an entry is always
//! computed **at a date** ([`Entry::state_at`]), from the records and checks dated on or
//! before it, with one vocabulary ([`FollowUp`]): **réalisée** (the kept plan says so),
//! **levée** (a nonconformity found conforming later, or recorded lifted), **non reconduite**
//! (a point sensible or piste de progrès not observed again at a later audit that assessed its
//! target), **persistante** (observed again: the later audit's own entry carries it on),
//! **en attente** (no later audit yet), **non évaluée** (the later audit did not assess it),
//! **soldée** (closed by the quality manager). Events after the date are listed apart
//! ([`Entry::later_than`]), never mixed with the state at the date.
//!
//! # Due dates
//!
//! A nonconformity is due when its fiche says, else by the decision's policy after the audit's
//! last day. The nonconformities of an **internal** audit are due before the external audit it
//! precedes: the day before its [`AuditKind::external_on`], else before
//! [`DossierOptions::external_on`], else before the next external audit of the dossier
//! ([`DueSource::ExternalAudit`]). The plan d'actions itself is to be sent
//! [`DossierOptions::plan_months`] (1) after an external audit's last day — a date distinct
//! from the actions' due dates ([`DossierAudit::plan_due`]; the crate's default, the
//! référentiel's deadlines not being public).
//!
//! # The label
//!
//! [`Dossier::status_at`] replays the label's cycle ([`cycle`], the crate's own default,
//! configurable through [`DossierOptions::cycle`]) and gives the [`LabelStatus`] at a date, with
//! the next audit due and its window ([`Dossier::next_audit_at`]).
//!
//! ```
//! use qualepref::dossier::{Dossier, DossierOptions, FollowUp, Standing};
//! use qualepref::{samples, Audit, NaiveDate, Referentiel};
//!
//! let toulon = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let dossier = Dossier::new([toulon], Referentiel::qual_e_pref_2019(), &DossierOptions::default());
//! // The internal audit of Toulon found four pistes de progrès: four entries of the ledger.
//! assert_eq!(dossier.entries().len(), 4);
//! let at = NaiveDate::from_ymd_opt(2020, 1, 15).ok_or("date")?;
//! let open: Vec<_> = dossier.open_at(at).collect();
//! assert_eq!(open.len(), 4);
//! assert_eq!(open[0].state_at(at).follow_up, FollowUp::Pending);
//! assert_eq!(open[0].state_at(at).standing, Standing::Open);
//! assert_eq!(dossier.overdue_at(at).count(), 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub(crate) mod codes;
pub mod cycle;
mod ledger;
pub(crate) mod phrases;
mod records;
mod rules;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub(crate) use self::codes::codes_markdown;
pub use self::codes::{HistoryCode, HistoryDiagnostic};
pub use self::cycle::{CyclePolicy, LabelState, LabelStatus, LabelledModule, NextAudit};
pub use self::ledger::{
    Check, CheckResult, Efficacy, Entry, EntryState, FindingKind, FollowUp, Origin, OriginKind,
    RecordState, Standing,
};
pub use self::records::{ActionRecord, RecordDiagnostic, RecordIssue};
pub(crate) use self::rules::ecart_within as ecart_path;
use crate::engine::score::Rate;
use crate::{
    Audit, AuditDates, AuditKind, LabellingDecision, ModuleNumber, Nonconformities, Outcome,
    Policy, Referentiel, Site, Valid, ValidationOptions, conclude,
};

/// An action not closed is « due soon » when it is due within this many days of the date it is
/// looked at (and not overdue).
pub const DUE_SOON_DAYS: u32 = 30;

/// How a dossier is built: the decision's [`Policy`] (due dates), the label's [`CyclePolicy`],
/// the [`ValidationOptions`] of each audit, the planned external audit of internal audits that
/// do not name it, and the months within which the plan d'actions is sent.
///
/// ```
/// use qualepref::dossier::DossierOptions;
/// use qualepref::{CyclePolicy, NaiveDate};
/// let day = NaiveDate::from_ymd_opt(2020, 2, 18).ok_or("date")?;
/// let options = DossierOptions::default()
///     .with_cycle(CyclePolicy::default().with_follow_up_months(12)?)
///     .with_external_on(day);
/// assert_eq!(options.external_on, Some(day));
/// assert_eq!(options.plan_months, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DossierOptions {
    /// The decision's policy: outcomes and the due dates of nonconformities.
    pub policy: Policy,
    /// The label's cycle.
    pub cycle: CyclePolicy,
    /// How each audit is validated.
    pub validation: ValidationOptions,
    /// The planned external audit of an internal audit that does not name its own
    /// ([`AuditKind::external_on`]).
    pub external_on: Option<NaiveDate>,
    /// Months after an external audit's last day within which the plan d'actions is sent: 1
    /// by default (the crate's choice), 1 to 120.
    pub plan_months: u32,
}

impl Default for DossierOptions {
    fn default() -> Self {
        DossierOptions {
            policy: Policy::default(),
            cycle: CyclePolicy::default(),
            validation: ValidationOptions::default(),
            external_on: None,
            plan_months: 1,
        }
    }
}

impl DossierOptions {
    /// These options with another decision policy.
    #[must_use]
    pub fn with_policy(mut self, policy: Policy) -> DossierOptions {
        self.policy = policy;
        self
    }

    /// These options with another cycle.
    #[must_use]
    pub fn with_cycle(mut self, cycle: CyclePolicy) -> DossierOptions {
        self.cycle = cycle;
        self
    }

    /// These options with each audit validated under `validation`.
    #[must_use]
    pub fn with_validation(mut self, validation: ValidationOptions) -> DossierOptions {
        self.validation = validation;
        self
    }

    /// These options with `day` as the planned external audit of internal audits that name
    /// none.
    #[must_use]
    pub fn with_external_on(mut self, day: NaiveDate) -> DossierOptions {
        self.external_on = Some(day);
        self
    }

    /// These options with the plan d'actions sent within `months` of an external audit.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`](crate::Error::InvalidValue) outside 1–120.
    pub fn with_plan_months(mut self, months: u32) -> Result<DossierOptions, crate::Error> {
        if !(1..=120).contains(&months) {
            return Err(crate::Error::InvalidValue {
                what: "plan d'actions delay in months",
                value: months.to_string(),
                reason: "the plan d'actions is sent 1 to 120 months after the audit",
            });
        }
        self.plan_months = months;
        Ok(self)
    }
}

/// One audit of the dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DossierAudit {
    /// Its position in the dossier (date order).
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
    /// Whether it is of the dossier's site.
    pub same_site: bool,
    /// Whether it passed validation.
    pub valid: bool,
    /// The policy's avis (indicative when `indicative`); none for an invalid audit.
    pub outcome: Option<Outcome>,
    /// Whether the avis is indicative (an internal audit).
    pub indicative: bool,
    /// The overall conformity rate of the engagements.
    pub rate: Option<Rate>,
    /// The nonconformities the decision counted.
    pub nonconformities: Nonconformities,
    /// The certification body's labelling decision, when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labelling: Option<LabellingDecision>,
    /// The day by which the plan d'actions of an external audit with nonconformities is to be
    /// sent ([`DossierOptions::plan_months`] after its last day); distinct from the day each
    /// écart is to be lifted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_due: Option<NaiveDate>,
}

impl DossierAudit {
    /// Whether the audit takes part in the ledger and the cycle: valid, and of the dossier's
    /// site.
    #[must_use]
    pub fn takes_part(&self) -> bool {
        self.valid && self.same_site
    }

    /// Whether the audit had started on `at`: what it found is known then.
    #[must_use]
    pub fn known_at(&self, at: NaiveDate) -> bool {
        self.dates.start <= at
    }
}

/// A site's dossier: see the [module docs](self).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dossier {
    site: Option<Site>,
    options: DossierOptions,
    audits: Vec<DossierAudit>,
    sources: Vec<Audit>,
    entries: Vec<Entry>,
    diagnostics: Vec<HistoryDiagnostic>,
    record_diagnostics: Vec<RecordDiagnostic>,
}

impl Dossier {
    /// The dossier of `audits`, in any order, against `referentiel`.
    #[must_use]
    pub fn new(
        audits: impl IntoIterator<Item = Audit>,
        referentiel: &Referentiel,
        options: &DossierOptions,
    ) -> Dossier {
        Dossier::labelled(audits.into_iter().map(|a| (None, a)), referentiel, options)
    }

    /// The dossier of `audits`, each with the label (a file name) diagnostics name it by.
    #[must_use]
    pub fn with_labels(
        audits: impl IntoIterator<Item = (String, Audit)>,
        referentiel: &Referentiel,
        options: &DossierOptions,
    ) -> Dossier {
        Dossier::labelled(
            audits.into_iter().map(|(l, a)| (Some(l), a)),
            referentiel,
            options,
        )
    }

    fn labelled(
        audits: impl IntoIterator<Item = (Option<String>, Audit)>,
        referentiel: &Referentiel,
        options: &DossierOptions,
    ) -> Dossier {
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
        let mut diagnostics = Vec::new();
        let mut entries_of = Vec::with_capacity(audits.len());
        let mut out = Vec::with_capacity(audits.len());
        for (index, (file, audit)) in audits.iter().enumerate() {
            let same_site = site.as_ref().is_none_or(|s| s.is_same_site_as(&audit.site));
            let checked = Valid::new(audit, referentiel, &options.validation);
            let mut entry = DossierAudit {
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
                labelling: audit.labelling,
                plan_due: None,
            };
            let mut found = None;
            match &checked {
                Ok(valid) => {
                    let conclusions = conclude(valid, &options.policy, crate::Language::Fr);
                    entry.outcome = Some(conclusions.outcome);
                    entry.rate = conclusions.rate;
                    entry.nonconformities = conclusions.nonconformities;
                    if !audit.kind.internal && !conclusions.ecarts.is_empty() {
                        entry.plan_due = audit
                            .dates
                            .end
                            .checked_add_months(chrono::Months::new(options.plan_months));
                    }
                    if same_site {
                        found = Some(ledger::Found::of(
                            audit,
                            conclusions.ecarts.into_iter().map(crate::Ecart::into_owned),
                            conclusions
                                .synthesis
                                .observations
                                .into_iter()
                                .map(crate::ObservationItem::into_owned),
                        ));
                    }
                }
                Err(report) => diagnostics.push(rules::invalid(index, file.as_deref(), report)),
            }
            if let (false, Some(s)) = (same_site, &site) {
                diagnostics.push(rules::other_site(index, file.as_deref(), audit, s));
            }
            out.push(entry);
            entries_of.push(found);
        }
        let sources: Vec<Audit> = audits.into_iter().map(|(_, a)| a).collect();
        let (entries, mut more) = ledger::build(referentiel, &sources, &out, entries_of, options);
        diagnostics.append(&mut more);
        diagnostics.append(&mut rules::check(&sources, &out, options.cycle));
        sort_diagnostics(&mut diagnostics);
        Dossier {
            site,
            options: options.clone(),
            audits: out,
            sources,
            entries,
            diagnostics,
            record_diagnostics: Vec::new(),
        }
    }

    /// The site: the first audit's (none for an empty dossier).
    #[must_use]
    pub fn site(&self) -> Option<&Site> {
        self.site.as_ref()
    }

    /// The options the dossier was built with.
    #[must_use]
    pub fn options(&self) -> &DossierOptions {
        &self.options
    }

    /// The label's cycle policy.
    #[must_use]
    pub fn cycle(&self) -> CyclePolicy {
        self.options.cycle
    }

    /// The audits, in date order.
    #[must_use]
    pub fn audits(&self) -> &[DossierAudit] {
        &self.audits
    }

    /// The audit at position `index`, as it was given.
    #[must_use]
    pub fn audit(&self, index: usize) -> Option<&Audit> {
        self.sources.get(index)
    }

    /// Every entry of the ledger, by number.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry numbered `number`.
    #[must_use]
    pub fn entry(&self, number: u32) -> Option<&Entry> {
        self.entries.iter().find(|e| e.number == number)
    }

    /// The entries known at `at` (their origin is on or before it), by number.
    pub fn entries_at(&self, at: NaiveDate) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.known_at(at))
    }

    /// The entries still to be dealt with at `at`: known then, and neither done nor carried on
    /// by a later entry ([`Standing::is_open`]).
    pub fn open_at(&self, at: NaiveDate) -> impl Iterator<Item = &Entry> {
        self.entries_at(at)
            .filter(move |e| e.state_at(at).standing.is_open())
    }

    /// The entries overdue at `at`.
    pub fn overdue_at(&self, at: NaiveDate) -> impl Iterator<Item = &Entry> {
        self.entries_at(at)
            .filter(move |e| e.state_at(at).standing == Standing::Overdue)
    }

    /// The label's status at `at`, under the dossier's cycle: the audits ended on or before
    /// `at` replayed.
    ///
    /// ```
    /// use qualepref::dossier::{Dossier, DossierOptions};
    /// use qualepref::{samples, Audit, LabelState, NaiveDate, Referentiel};
    /// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
    /// let dossier = Dossier::new([audit], Referentiel::qual_e_pref_2019(), &DossierOptions::default());
    /// // An internal audit labels nothing.
    /// let at = NaiveDate::from_ymd_opt(2020, 1, 1).ok_or("date")?;
    /// assert_eq!(dossier.status_at(at).state, LabelState::NotLabelled);
    /// assert_eq!(dossier.next_audit_at(at), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status_at(&self, at: NaiveDate) -> LabelStatus {
        cycle::status(
            cycle::replay(&self.audits, self.options.cycle, at).as_ref(),
            self.options.cycle,
            at,
        )
    }

    /// The next audit due at `at` (suivi or renouvellement) and its window, once a cycle has
    /// started.
    #[must_use]
    pub fn next_audit_at(&self, at: NaiveDate) -> Option<NextAudit> {
        self.status_at(at).next
    }

    /// The dossier's diagnostics, sorted by audit, path and code: the history rules, with
    /// those about audits after `at` when asked through [`diagnostics_at`](Dossier::diagnostics_at).
    #[must_use]
    pub fn diagnostics(&self) -> &[HistoryDiagnostic] {
        &self.diagnostics
    }

    /// The diagnostics at `at`: [`diagnostics`](Dossier::diagnostics), and a note
    /// (`history-audit-after-date`) for each audit that starts after `at`.
    #[must_use]
    pub fn diagnostics_at(&self, at: NaiveDate) -> Vec<HistoryDiagnostic> {
        let mut out = self.diagnostics.clone();
        for audit in self.audits.iter().filter(|a| !a.known_at(at)) {
            out.push(rules::after_date(audit, at));
        }
        sort_diagnostics(&mut out);
        out
    }

    /// Whether a diagnostic has error severity.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == crate::Severity::Error)
    }

    /// The first day of the dossier's last audit, the date a history is looked at by default.
    #[must_use]
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.audits.iter().map(|a| a.dates.end).max()
    }

    /// Merges the plan the quality manager keeps: each record whose key is an entry's gives it
    /// its number and the quality manager's fields (cause, action, pilote, échéance,
    /// progress, dates, evidence, efficacy, state, comment); a record of another origin
    /// (added by hand) becomes an entry of its own; the entries no record names get new
    /// numbers after the highest one. Nothing the records hold is lost: a text that
    /// contradicts the audit's is reported ([`RecordIssue::Conflict`]) and kept in the
    /// entry's comment; a record whose key names no finding of the audits is kept as it was.
    /// Returns the diagnostics of the merge, which [`record_diagnostics`](Dossier::record_diagnostics)
    /// keeps too.
    pub fn apply_records(&mut self, records: Vec<ActionRecord>) -> &[RecordDiagnostic] {
        let mut diagnostics = std::mem::take(&mut self.record_diagnostics);
        records::merge(&mut self.entries, records, &mut diagnostics);
        self.record_diagnostics = diagnostics;
        &self.record_diagnostics
    }

    /// What merging the kept plan reported ([`apply_records`](Dossier::apply_records)).
    #[must_use]
    pub fn record_diagnostics(&self) -> &[RecordDiagnostic] {
        &self.record_diagnostics
    }
}

fn sort_diagnostics(diagnostics: &mut [HistoryDiagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.audit, &a.path, a.code, &a.message).cmp(&(b.audit, &b.path, b.code, &b.message))
    });
}
