//! Scoring: verdict and observation counts, and conformity rates as exact ratios.
//!
//! [`score`] counts, from a [`Valid`] audit:
//! - per covered module, the on-site verdicts of the référentiel's engagements of that module,
//!   and within a module, per channel group (module 1 of Qual-e-pref). An engagement without
//!   group counts under its module only;
//! - per management section and in total, the verdicts of the référentiel's management items;
//! - per remote channel, the notes of the remote checks;
//! - **overall, the engagements of the covered modules only**: the management items are reported
//!   separately ([`Scores::management`]) and are not part of [`Scores::overall`].
//!
//! An engagement (or management item) that the référentiel lists but that the audit does not
//! assess, or assesses without verdict, counts as `not_assessed` and in no rate.
//!
//! The conformity rate is `C / (C + NC min + NC Maj)`: `NA` is excluded. It is a [`Rate`], an
//! exact ratio of integers, and `None` when the denominator is 0 (a module all `NA` has no rate).
//!
//! ```
//! use qualepref::{samples, score, Audit, Language, Referentiel, Valid};
//! use qualepref::validate::ValidationOptions;
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default())
//!     .map_err(|_| "invalid")?;
//! let scores = score(&valid);
//! let rate = scores.overall.rate.ok_or("no rate")?;
//! assert_eq!((rate.numerator(), rate.denominator()), (23, 23));
//! assert_eq!(rate.display(Language::Fr), "100,0\u{a0}%");
//! assert_eq!(scores.observations.pf, 10);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use crate::engine::owned;

use serde::{Deserialize, Serialize};
use strum::IntoEnumIterator;

use crate::validate::Index;
use crate::{
    Assessment, Audit, Language, ManagementSection, ModuleNumber, Observation, ObservationKind,
    Referentiel, RemoteChannel, RemoteNote, Valid, Verdict,
};

/// A conformity rate: `numerator / denominator`, exactly, with `numerator <= denominator` and
/// `denominator > 0`.
///
/// Displayed as a percentage with one decimal, rounded **half up** on the exact ratio with
/// integer arithmetic (2/3 gives 66,7 %, 1/8 gives 12,5 %, 1/16 = 6,25 % gives 6,3 %). French
/// puts a comma and a no-break space (U+00A0) before `%`: `100,0 %`; English gives `100.0%`.
///
/// ```
/// use qualepref::{Language, Rate};
/// let r = Rate::new(2, 3).ok_or("rate")?;
/// assert_eq!(r.tenths_of_percent(), 667);
/// assert_eq!(r.display(Language::Fr), "66,7\u{a0}%");
/// assert_eq!(r.display(Language::En), "66.7%");
/// assert!(Rate::new(1, 0).is_none());
/// assert!(Rate::new(3, 1).is_none());
/// assert_eq!((r.numerator(), r.denominator()), (2, 3));
/// assert!(Rate::new(1, 2) < Rate::new(2, 3));
/// // Read from JSON through the same check.
/// assert!(serde_json::from_str::<Rate>(r#"{"numerator": 3, "denominator": 1}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawRate")]
pub struct Rate {
    numerator: u32,
    denominator: u32,
}

/// A rate as serialised, checked into a [`Rate`] when read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRate {
    numerator: u32,
    denominator: u32,
}

impl TryFrom<RawRate> for Rate {
    type Error = String;

    fn try_from(raw: RawRate) -> Result<Rate, String> {
        Rate::new(raw.numerator, raw.denominator).ok_or_else(|| {
            format!(
                "invalid rate {}/{}: the denominator is positive and at least the numerator",
                raw.numerator, raw.denominator
            )
        })
    }
}

/// Rates compare by value (`1/2 < 2/3`); equal values by denominator (`1/2 < 2/4`), so that the
/// order agrees with `==`, which compares the exact counts.
impl Ord for Rate {
    fn cmp(&self, other: &Rate) -> std::cmp::Ordering {
        let left = u64::from(self.numerator) * u64::from(other.denominator);
        let right = u64::from(other.numerator) * u64::from(self.denominator);
        left.cmp(&right)
            .then(self.denominator.cmp(&other.denominator))
    }
}

impl PartialOrd for Rate {
    fn partial_cmp(&self, other: &Rate) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Rate {
    /// `numerator / denominator`; `None` when `denominator` is 0 or below `numerator`.
    #[must_use]
    pub const fn new(numerator: u32, denominator: u32) -> Option<Rate> {
        if denominator == 0 || numerator > denominator {
            None
        } else {
            Some(Rate {
                numerator,
                denominator,
            })
        }
    }

    /// Conforming items (`C`).
    #[must_use]
    pub const fn numerator(self) -> u32 {
        self.numerator
    }

    /// Items with a verdict other than `NA` (`C`, `NC min`, `NC Maj`); never 0.
    #[must_use]
    pub const fn denominator(self) -> u32 {
        self.denominator
    }

    /// The rate as a percentage, for charts and arithmetic; display uses the exact
    /// [`tenths_of_percent`](Rate::tenths_of_percent).
    #[must_use]
    pub fn percent(self) -> f64 {
        100.0 * f64::from(self.numerator) / f64::from(self.denominator)
    }

    /// The rate in tenths of a percent, rounded half up: 0 to 1000.
    #[must_use]
    pub fn tenths_of_percent(self) -> u32 {
        let n = u64::from(self.numerator);
        let d = u64::from(self.denominator).max(1);
        // round(1000 n / d) half up = floor((2000 n + d) / 2d)
        let t = (2000 * n + d) / (2 * d);
        u32::try_from(t).unwrap_or(u32::MAX)
    }

    /// The percentage with one decimal: `100,0 %` (no-break space) or `100.0%`.
    #[must_use]
    pub fn display(self, language: Language) -> String {
        let mut out = String::with_capacity(8);
        crate::i18n::format::push_percent(&mut out, self.tenths_of_percent(), language);
        out
    }

    /// Whether `self` is strictly below `other`, compared exactly.
    #[must_use]
    pub fn is_below(self, other: Rate) -> bool {
        u64::from(self.numerator) * u64::from(other.denominator)
            < u64::from(other.numerator) * u64::from(self.denominator)
    }
}

/// Verdict counts. Serialised as `{ "conforme", "non_applicable", "nc_mineure", "nc_majeure",
/// "not_assessed" }`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VerdictCounts {
    /// `C`.
    pub conforme: u32,
    /// `NA`.
    pub non_applicable: u32,
    /// `NC min`.
    pub nc_mineure: u32,
    /// `NC Maj`.
    pub nc_majeure: u32,
    /// Listed by the référentiel but not assessed, or assessed without verdict.
    pub not_assessed: u32,
}

impl VerdictCounts {
    /// Counts one verdict (`None`: not assessed).
    pub fn add(&mut self, verdict: Option<Verdict>) {
        let slot = match verdict {
            Some(Verdict::Conformity) => &mut self.conforme,
            Some(Verdict::NotApplicable) => &mut self.non_applicable,
            Some(Verdict::MinorNonconformity) => &mut self.nc_mineure,
            Some(Verdict::MajorNonconformity) => &mut self.nc_majeure,
            None => &mut self.not_assessed,
        };
        *slot = slot.saturating_add(1);
    }

    /// Adds `other` to `self`.
    pub fn merge(&mut self, other: &VerdictCounts) {
        self.conforme = self.conforme.saturating_add(other.conforme);
        self.non_applicable = self.non_applicable.saturating_add(other.non_applicable);
        self.nc_mineure = self.nc_mineure.saturating_add(other.nc_mineure);
        self.nc_majeure = self.nc_majeure.saturating_add(other.nc_majeure);
        self.not_assessed = self.not_assessed.saturating_add(other.not_assessed);
    }

    /// Items with a verdict (`C`, `NA`, `NC min`, `NC Maj`).
    #[must_use]
    pub fn assessed(&self) -> u32 {
        self.conforme
            .saturating_add(self.non_applicable)
            .saturating_add(self.nonconformities())
    }

    /// `NC min` + `NC Maj`.
    #[must_use]
    pub fn nonconformities(&self) -> u32 {
        self.nc_mineure.saturating_add(self.nc_majeure)
    }

    /// The conformity rate `C / (C + NC min + NC Maj)`; `None` when that denominator is 0.
    #[must_use]
    pub fn rate(&self) -> Option<Rate> {
        Rate::new(
            self.conforme,
            self.conforme.saturating_add(self.nonconformities()),
        )
    }
}

/// Observation counts. Serialised as `{ "pf", "ps", "pp" }`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ObservationCounts {
    /// Points forts.
    pub pf: u32,
    /// Points sensibles.
    pub ps: u32,
    /// Pistes de progrès.
    pub pp: u32,
}

impl ObservationCounts {
    /// Counts every observation of `observations`.
    pub fn add_all(&mut self, observations: &[Observation]) {
        for o in observations {
            let slot = match o.kind {
                ObservationKind::Strength => &mut self.pf,
                ObservationKind::AreaOfConcern => &mut self.ps,
                ObservationKind::OpportunityForImprovement => &mut self.pp,
            };
            *slot = slot.saturating_add(1);
        }
    }

    /// Adds `other` to `self`.
    pub fn merge(&mut self, other: &ObservationCounts) {
        self.pf = self.pf.saturating_add(other.pf);
        self.ps = self.ps.saturating_add(other.ps);
        self.pp = self.pp.saturating_add(other.pp);
    }

    /// The number of observations of kind `kind`.
    #[must_use]
    pub fn of(&self, kind: ObservationKind) -> u32 {
        match kind {
            ObservationKind::Strength => self.pf,
            ObservationKind::AreaOfConcern => self.ps,
            ObservationKind::OpportunityForImprovement => self.pp,
        }
    }
}

/// Counts and rate of a set of engagements or management items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Tally {
    /// The verdicts.
    pub counts: VerdictCounts,
    /// The observations attached to them.
    pub observations: ObservationCounts,
    /// The conformity rate; `None` when no item has `C`, `NC min` or `NC Maj`.
    pub rate: Option<Rate>,
}

impl Tally {
    fn add(&mut self, verdict: Option<Verdict>, observations: &[Observation]) {
        self.counts.add(verdict);
        self.observations.add_all(observations);
    }

    fn merge(&mut self, other: &Tally) {
        self.counts.merge(&other.counts);
        self.observations.merge(&other.observations);
    }

    fn finish(mut self) -> Tally {
        self.rate = self.counts.rate();
        self
    }
}

/// The scores of one channel group of a module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GroupScore<'a> {
    /// The group's id, e.g. `accueil-physique`.
    pub id: Cow<'a, str>,
    /// The group's title, e.g. `Accueil physique`.
    pub title: Cow<'a, str>,
    /// The heading reports print, if any.
    pub heading: Option<Cow<'a, str>>,
    /// Its engagements' counts and rate.
    #[serde(flatten)]
    pub tally: Tally,
}

impl GroupScore<'_> {
    /// The group's scores with their texts owned.
    #[must_use]
    pub fn into_owned(self) -> GroupScore<'static> {
        GroupScore {
            id: owned(self.id),
            title: owned(self.title),
            heading: self.heading.map(owned),
            tally: self.tally,
        }
    }
}

/// The scores of one covered module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModuleScore<'a> {
    /// The module's number.
    pub module: ModuleNumber,
    /// Its title in the référentiel (empty if the référentiel does not list it).
    pub title: Cow<'a, str>,
    /// Its engagements' counts and rate.
    #[serde(flatten)]
    pub tally: Tally,
    /// Per channel group, in the référentiel's order (empty when the module has none).
    pub groups: Vec<GroupScore<'a>>,
}

impl ModuleScore<'_> {
    /// The module's scores with their texts owned.
    #[must_use]
    pub fn into_owned(self) -> ModuleScore<'static> {
        ModuleScore {
            module: self.module,
            title: owned(self.title),
            tally: self.tally,
            groups: self
                .groups
                .into_iter()
                .map(GroupScore::into_owned)
                .collect(),
        }
    }
}

/// The scores of one management section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SectionScore {
    /// The section.
    pub section: ManagementSection,
    /// Its items' counts and rate.
    #[serde(flatten)]
    pub tally: Tally,
}

/// The scores of the management sections, per section and in total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ManagementScore {
    /// Per section, pilotage first.
    pub sections: Vec<SectionScore>,
    /// Every management item.
    pub total: Tally,
}

/// Counts of remote-check notes. Serialised as `{ "conforme", "non_conforme",
/// "non_applicable", "without_note" }`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NoteCounts {
    /// `Conforme`.
    pub conforme: u32,
    /// `Non conforme`.
    pub non_conforme: u32,
    /// `Non applicable`.
    pub non_applicable: u32,
    /// Checks without a note.
    pub without_note: u32,
}

impl NoteCounts {
    fn add(&mut self, note: Option<RemoteNote>) {
        let slot = match note {
            Some(RemoteNote::Conforme) => &mut self.conforme,
            Some(RemoteNote::NonConforme) => &mut self.non_conforme,
            Some(RemoteNote::NonApplicable) => &mut self.non_applicable,
            None => &mut self.without_note,
        };
        *slot = slot.saturating_add(1);
    }

    /// Every check counted.
    #[must_use]
    pub fn total(&self) -> u32 {
        self.conforme
            .saturating_add(self.non_conforme)
            .saturating_add(self.non_applicable)
            .saturating_add(self.without_note)
    }
}

/// The scores of the remote checks of one channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RemoteScore {
    /// The channel.
    pub channel: RemoteChannel,
    /// The notes.
    pub notes: NoteCounts,
    /// The observations of its checks.
    pub observations: ObservationCounts,
}

/// Every figure of an audit. See the [module docs](self) for what each counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Scores<'a> {
    /// The engagements of the covered modules (management items not included).
    pub overall: Tally,
    /// Per covered module, by number.
    pub modules: Vec<ModuleScore<'a>>,
    /// The management sections.
    pub management: ManagementScore,
    /// Per remote channel, in the order internet, telephone, courriels (channels without check
    /// included, with zero counts).
    pub remote: Vec<RemoteScore>,
    /// The notes of every remote check.
    pub remote_total: NoteCounts,
    /// Every observation of the audit: engagements of the covered modules, management items
    /// and remote checks.
    pub observations: ObservationCounts,
}

impl Scores<'_> {
    /// The scores with their texts owned, free of the audit's lifetime.
    #[must_use]
    pub fn into_owned(self) -> Scores<'static> {
        Scores {
            overall: self.overall,
            modules: self
                .modules
                .into_iter()
                .map(ModuleScore::into_owned)
                .collect(),
            management: self.management,
            remote: self.remote,
            remote_total: self.remote_total,
            observations: self.observations,
        }
    }
}

fn verdict_and_observations(a: Option<&Assessment>) -> (Option<Verdict>, &[Observation]) {
    match a {
        Some(a) => (a.verdict, a.observations.as_slice()),
        None => (None, &[]),
    }
}

/// Scores a validated audit. See the [module docs](self).
#[must_use]
pub fn score<'a>(valid: &Valid<'a>) -> Scores<'a> {
    score_indexed(valid.audit(), valid.referentiel(), valid.index())
}

pub(crate) fn score_indexed<'a>(
    audit: &'a Audit,
    referentiel: &'a Referentiel,
    index: &Index<'a>,
) -> Scores<'a> {
    let mut modules: Vec<ModuleScore<'a>> = index
        .covered
        .iter()
        .map(|&number| {
            let module = referentiel.module(number);
            ModuleScore {
                module: number,
                title: Cow::Borrowed(module.map_or("", |m| m.title.as_str())),
                tally: Tally::default(),
                groups: module.map_or_else(Vec::new, |m| {
                    m.groups
                        .iter()
                        .map(|g| GroupScore {
                            id: Cow::Borrowed(&g.id),
                            title: Cow::Borrowed(&g.title),
                            heading: g.heading.as_deref().map(Cow::Borrowed),
                            tally: Tally::default(),
                        })
                        .collect()
                }),
            }
        })
        .collect();
    // The index of the previous row's group: rows come in référentiel order, where the
    // engagements of a group follow one another, so the search is usually skipped. (An index
    // from another module is used only if this module's group there has the same id.)
    let mut last_group: Option<usize> = None;
    for &(e, a) in &index.rows {
        let Some(m) = index.slot(e.module).and_then(|slot| modules.get_mut(slot)) else {
            continue;
        };
        let (verdict, observations) = verdict_and_observations(a);
        m.tally.add(verdict, observations);
        if let Some(group) = &e.group {
            let cached = last_group.filter(|i| m.groups.get(*i).is_some_and(|g| *g.id == **group));
            if let Some(i) = cached.or_else(|| m.groups.iter().position(|g| *g.id == **group)) {
                last_group = Some(i);
                if let Some(g) = m.groups.get_mut(i) {
                    g.tally.add(verdict, observations);
                }
            }
        }
    }
    let mut overall = Tally::default();
    for m in &mut modules {
        overall.merge(&m.tally);
        m.tally = m.tally.finish();
        for g in &mut m.groups {
            g.tally = g.tally.finish();
        }
    }
    let mut sections: Vec<SectionScore> = ManagementSection::iter()
        .map(|section| SectionScore {
            section,
            tally: Tally::default(),
        })
        .collect();
    for item in referentiel.management_items() {
        let (verdict, observations) = match index.management(item.id()) {
            Some(m) => (m.verdict, m.observations.as_slice()),
            None => (None, &[][..]),
        };
        if let Some(s) = sections.iter_mut().find(|s| s.section == item.section) {
            s.tally.add(verdict, observations);
        }
    }
    let mut total = Tally::default();
    for s in &mut sections {
        s.tally = s.tally.finish();
        total.merge(&s.tally);
    }
    let management = ManagementScore {
        sections,
        total: total.finish(),
    };
    let mut remote: Vec<RemoteScore> = RemoteChannel::iter()
        .map(|channel| RemoteScore {
            channel,
            notes: NoteCounts::default(),
            observations: ObservationCounts::default(),
        })
        .collect();
    let mut remote_total = NoteCounts::default();
    let mut remote_observations = ObservationCounts::default();
    for check in &audit.remote_checks {
        remote_total.add(check.note);
        remote_observations.add_all(&check.observations);
        if let Some(r) = remote.iter_mut().find(|r| r.channel == check.channel) {
            r.notes.add(check.note);
            r.observations.add_all(&check.observations);
        }
    }
    let overall = overall.finish();
    let mut observations = overall.observations;
    observations.merge(&management.total.observations);
    observations.merge(&remote_observations);
    Scores {
        overall,
        modules,
        management,
        remote,
        remote_total,
        observations,
    }
}
