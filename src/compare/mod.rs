//! The comparison of two audits of the same site: internal → external, year N → year N+1.
//!
//! [`compare`] takes two validated audits and reports, per engagement, the verdict before and
//! after and what the change means; the nonconformities lifted, new or persistent; the points
//! sensibles and pistes de progrès not renewed (assessed again without them), persistent, not
//! assessed or new ([`ObservationFate`], in the dossier's vocabulary); per module, the
//! conformity rate and the avis of the policy before and after (indicative for an internal
//! audit); and the avis of each audit. [`Comparison::to_text`], [`Comparison::to_markdown`] and [`Comparison::to_html`] name
//! each change and nothing else; the serialised form (JSON) holds everything, unchanged entries included.
//!
//! Observations are matched by the engagement, management item or remote check they belong to,
//! not by their text (texts are rewritten from one audit to the next): a point sensible of
//! engagement 17 is « persistante » when the later audit has a point sensible on engagement 17
//! again.
//!
//! Audits against different référentiels (or versions) are compared only on the engagements they
//! share — same number, same module and the same title up to case and spacing — and
//! [`Comparison::scope`] says so.
//!
//! This file compares; `render.rs` writes the comparison out.

pub(crate) mod phrases;
mod render;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::engine::score::{Rate, VerdictCounts};
use crate::{
    Audit, AuditDates, AuditKind, EcartTarget, EngagementNumber, ManagementItemId, ModuleNumber,
    NcGrade, ObservationKind, Outcome, Policy, Referentiel, RemoteChannel, Site, Valid, Verdict,
    decide,
};

/// How the verdict of an engagement changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// A better verdict: `NC Maj` → `NC min` → `C`.
    Improved,
    /// A worse verdict.
    Regressed,
    /// The same verdict.
    Unchanged,
    /// To or from `NA`: the engagement became applicable or ceased to be; neither better nor
    /// worse.
    Applicability,
    /// Assessed after, not before.
    NewlyAssessed,
    /// Assessed before, not after.
    NoLongerAssessed,
}

impl Change {
    fn of(before: Option<Verdict>, after: Option<Verdict>) -> Change {
        match (before, after) {
            (None, None) => Change::Unchanged,
            (None, Some(_)) => Change::NewlyAssessed,
            (Some(_), None) => Change::NoLongerAssessed,
            (Some(b), Some(a)) if a == b => Change::Unchanged,
            (Some(b), Some(a)) => match (rank(b), rank(a)) {
                (Some(rb), Some(ra)) if ra > rb => Change::Improved,
                (Some(_), Some(_)) => Change::Regressed,
                _ => Change::Applicability,
            },
        }
    }

    /// French label, e.g. `amélioré`.
    #[must_use]
    pub fn label_fr(self) -> &'static str {
        (phrases::FR.change)(self)
    }

    /// English label, e.g. `improved`.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        (phrases::EN.change)(self)
    }
}

/// The order of conformity among verdicts that have one; `NA` has none.
const fn rank(v: Verdict) -> Option<u8> {
    match v {
        Verdict::MajorNonconformity => Some(0),
        Verdict::MinorNonconformity => Some(1),
        Verdict::Conformity => Some(2),
        Verdict::NotApplicable => None,
    }
}

/// The verdict of one engagement before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EngagementChange {
    /// The engagement.
    pub engagement: EngagementNumber,
    /// Its module.
    pub module: ModuleNumber,
    /// Its title (in the later audit's référentiel).
    pub title: String,
    /// The verdict before, if assessed.
    pub before: Option<Verdict>,
    /// The verdict after, if assessed.
    pub after: Option<Verdict>,
    /// What the change means.
    pub change: Change,
}

/// What became of a nonconformity, or of a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NcStatus {
    /// Present before, absent after.
    Lifted,
    /// Present before and after (the grade may differ).
    Persistent,
    /// Absent before, present after.
    New,
}

/// A nonconformity in either audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NcChange {
    /// The engagement or management item.
    pub target: EcartTarget,
    /// Grade before, if any.
    pub before: Option<NcGrade>,
    /// Grade after, if any.
    pub after: Option<NcGrade>,
    /// What became of it.
    pub status: NcStatus,
}

/// Where an observation sits in an audit.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// On the on-site assessment of an engagement.
    Engagement(EngagementNumber),
    /// On a management item.
    Management(ManagementItemId),
    /// On a remote check of an engagement, on a channel.
    Remote(RemoteChannel, EngagementNumber),
}

/// What became of the observations of one kind at one place, in the words of the dossier's
/// [`FollowUp`](crate::dossier::FollowUp) (« non reconduite », « persistante », « non
/// évaluée ») and « nouvelle ». Wire forms `not_renewed`, `persistent`, `not_assessed`, `new`.
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
pub enum ObservationFate {
    /// Observed before; the later audit assessed the place without it (« non reconduite »).
    NotRenewed,
    /// Observed before and after (« persistante »).
    Persistent,
    /// Observed before; the later audit does not assess the place (« non évaluée »).
    NotAssessed,
    /// Observed after only (« nouvelle »).
    New,
}

impl ObservationFate {
    /// The wire form.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The wording in `language`: the dossier's follow-up words, and `nouvelle`.
    #[must_use]
    pub fn label(self, language: crate::Language) -> &'static str {
        use crate::dossier::FollowUp;
        match self {
            ObservationFate::NotRenewed => FollowUp::NotRenewed.label(language),
            ObservationFate::Persistent => FollowUp::Persistent.label(language),
            ObservationFate::NotAssessed => FollowUp::NotAssessed.label(language),
            ObservationFate::New => phrases::of(language).new_observation,
        }
    }
}

crate::base::wire::wire_enum!(
    ObservationFate,
    "observation fate",
    "not_renewed, persistent, not_assessed, new",
    [NotRenewed, Persistent, NotAssessed, New]
);

/// The observations of one kind at one place, before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ObservationChange {
    /// Where.
    pub place: Place,
    /// The texts before.
    pub before: Vec<String>,
    /// The texts after.
    pub after: Vec<String>,
    /// What became of them.
    pub status: ObservationFate,
}

/// One side of a module's or an audit's figures: verdict counts of the shared engagements, their
/// rate, and the outcome the policy gives for their nonconformities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Figures {
    /// Verdicts of the shared engagements.
    pub counts: VerdictCounts,
    /// Their conformity rate (`None`: nothing but `NA`).
    pub rate: Option<Rate>,
    /// The outcome of the policy for these nonconformities alone.
    pub outcome: Outcome,
}

impl Figures {
    fn of(verdicts: impl Iterator<Item = Option<Verdict>>, policy: &Policy) -> Figures {
        let mut counts = VerdictCounts::default();
        for v in verdicts {
            counts.add(v);
        }
        Figures {
            rate: counts.rate(),
            outcome: policy.outcome(counts.nc_mineure, counts.nc_majeure).0,
            counts,
        }
    }
}

/// A module before and after; a side is `None` when that audit does not cover the module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModuleChange {
    /// The module.
    pub module: ModuleNumber,
    /// Before.
    pub before: Option<Figures>,
    /// After.
    pub after: Option<Figures>,
}

/// Which engagements the comparison covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Scope {
    /// The référentiel ids, before and after.
    pub referentiels: (String, String),
    /// Whether both audits use the same référentiel (same id and same engagements).
    pub same_referentiel: bool,
    /// Engagements left out because the two référentiels do not share them.
    pub excluded: Vec<EngagementNumber>,
}

/// One of the two audits compared: its site, type and dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ComparedAudit {
    /// The audited site.
    pub site: Site,
    /// The audit's type, and whether it is internal.
    pub kind: AuditKind,
    /// The audit's first and last day.
    pub dates: AuditDates,
}

impl ComparedAudit {
    fn of(audit: &Audit) -> ComparedAudit {
        ComparedAudit {
            site: audit.site.clone(),
            kind: audit.kind,
            dates: audit.dates,
        }
    }
}

/// The comparison of two audits; see [`compare`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Comparison {
    /// The two audits, before and after.
    pub audits: (ComparedAudit, ComparedAudit),
    /// Whether both audits are of one site ([`Site::is_same_site_as`]); the command line
    /// refuses two sites unless forced, and the renderings say so.
    pub same_site: bool,
    /// Which engagements are compared.
    pub scope: Scope,
    /// Every shared engagement assessed in either audit, by number.
    pub engagements: Vec<EngagementChange>,
    /// Every nonconformity of either audit, by target.
    pub nonconformities: Vec<NcChange>,
    /// Points sensibles, by place.
    pub points_sensibles: Vec<ObservationChange>,
    /// Pistes de progrès, by place.
    pub pistes_de_progres: Vec<ObservationChange>,
    /// Per module, by number.
    pub modules: Vec<ModuleChange>,
    /// The decision of each audit as a whole (all of its nonconformities, engagements and
    /// management items), before and after.
    pub outcome: (Outcome, Outcome),
}

impl Comparison {
    /// The engagements whose verdict changed (anything but [`Change::Unchanged`]).
    pub fn changed_engagements(&self) -> impl Iterator<Item = &EngagementChange> {
        self.engagements
            .iter()
            .filter(|e| e.change != Change::Unchanged)
    }
}

/// Compares two validated audits, `before` then `after`, with the default [`Policy`] for the
/// decisions; see [`compare_with`].
///
/// ```
/// use qualepref::{samples, Audit, Referentiel, Valid, Verdict, compare::{compare, Change}};
/// let referentiel = Referentiel::qual_e_pref_2019();
/// let before = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// let mut after = before.clone();
/// after.assessments[2].verdict = Some(Verdict::NotApplicable);
/// after.assessments[2].comment = Some("Sans objet cette année.".into());
/// let options = Default::default();
/// let (b, a) = (
///     Valid::new(&before, referentiel, &options).map_err(|_| "invalid")?,
///     Valid::new(&after, referentiel, &options).map_err(|_| "invalid")?,
/// );
/// let c = compare(&b, &a);
/// let changed: Vec<_> = c.changed_engagements().map(|e| (e.engagement.get(), e.change)).collect();
/// assert_eq!(changed, [(3, Change::Applicability)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn compare(before: &Valid<'_>, after: &Valid<'_>) -> Comparison {
    compare_with(before, after, &Policy::default())
}

/// Compares two validated audits, `before` then `after`, deciding each (and each module) under
/// `policy`.
#[must_use]
pub fn compare_with(before: &Valid<'_>, after: &Valid<'_>, policy: &Policy) -> Comparison {
    let (rb, ra) = (before.referentiel(), after.referentiel());
    let (b, a) = (before.audit(), after.audit());
    let shared = |n: EngagementNumber| shared_engagement(rb, ra, n);
    let same_referentiel =
        rb.id() == ra.id() && rb.engagements().iter().all(|e| shared(e.number).is_some());

    let verdicts_b = verdicts(b);
    let verdicts_a = verdicts(a);
    let numbers: BTreeSet<EngagementNumber> = verdicts_b
        .keys()
        .chain(verdicts_a.keys())
        .copied()
        .collect();
    let mut excluded = Vec::new();
    let mut engagements = Vec::new();
    for n in numbers {
        let Some((module, title)) = shared(n) else {
            excluded.push(n);
            continue;
        };
        let before = verdicts_b.get(&n).copied().flatten();
        let after = verdicts_a.get(&n).copied().flatten();
        engagements.push(EngagementChange {
            engagement: n,
            module,
            title: title.to_owned(),
            before,
            after,
            change: Change::of(before, after),
        });
    }
    let in_scope = |t: &EcartTarget| match t {
        EcartTarget::Engagement(n) => shared(*n).is_some(),
        EcartTarget::Management(_) => true,
    };
    let nonconformities = nc_changes(&nonconformities(b), &nonconformities(a), in_scope);
    let observations = |kind| {
        observation_changes(
            &observations(b, kind),
            &observations(a, kind),
            a,
            |p: &Place| match p {
                Place::Engagement(n) | Place::Remote(_, n) => shared(*n).is_some(),
                Place::Management(_) => true,
            },
        )
    };
    let modules = module_changes(b, a, &engagements, policy);
    let outcome = (
        decide(before, policy).outcome,
        decide(after, policy).outcome,
    );
    Comparison {
        audits: (ComparedAudit::of(b), ComparedAudit::of(a)),
        same_site: b.site.is_same_site_as(&a.site),
        scope: Scope {
            referentiels: (rb.id().to_owned(), ra.id().to_owned()),
            same_referentiel,
            excluded,
        },
        engagements,
        nonconformities,
        points_sensibles: observations(ObservationKind::AreaOfConcern),
        pistes_de_progres: observations(ObservationKind::OpportunityForImprovement),
        modules,
        outcome,
    }
}

/// The module and title of engagement `n` when both référentiels have it in the same module with
/// the same title (up to case and spacing).
fn shared_engagement<'r>(
    before: &Referentiel,
    after: &'r Referentiel,
    n: EngagementNumber,
) -> Option<(ModuleNumber, &'r str)> {
    let a = after.engagement(n)?;
    let b = before.engagement(n)?;
    let same_title = crate::text::loosely_equal(&a.title, &b.title);
    (a.module == b.module && same_title).then_some((a.module, a.title.as_str()))
}

fn verdicts(audit: &Audit) -> BTreeMap<EngagementNumber, Option<Verdict>> {
    let mut map = BTreeMap::new();
    for a in &audit.assessments {
        if audit.covers(a.module) {
            map.entry(a.engagement).or_insert(a.verdict);
        }
    }
    map
}

fn nonconformities(audit: &Audit) -> BTreeMap<EcartTarget, NcGrade> {
    let engagements = audit.assessments.iter().filter_map(|a| {
        Some((
            EcartTarget::Engagement(a.engagement),
            a.verdict?.nonconformity()?,
        ))
    });
    let items = audit
        .management
        .iter()
        .filter_map(|m| Some((EcartTarget::Management(m.id()), m.verdict?.nonconformity()?)));
    let mut map = BTreeMap::new();
    for (target, grade) in engagements.chain(items) {
        map.entry(target).or_insert(grade);
    }
    map
}

fn nc_changes(
    before: &BTreeMap<EcartTarget, NcGrade>,
    after: &BTreeMap<EcartTarget, NcGrade>,
    in_scope: impl Fn(&EcartTarget) -> bool,
) -> Vec<NcChange> {
    let targets: BTreeSet<&EcartTarget> = before.keys().chain(after.keys()).collect();
    targets
        .into_iter()
        .filter(|t| in_scope(t))
        .filter_map(|t| {
            let (b, a) = (before.get(t).copied(), after.get(t).copied());
            let status = match (b, a) {
                (Some(_), None) => NcStatus::Lifted,
                (Some(_), Some(_)) => NcStatus::Persistent,
                (None, Some(_)) => NcStatus::New,
                (None, None) => return None,
            };
            Some(NcChange {
                target: *t,
                before: b,
                after: a,
                status,
            })
        })
        .collect()
}

fn observations(audit: &Audit, kind: ObservationKind) -> BTreeMap<Place, Vec<String>> {
    let mut map: BTreeMap<Place, Vec<String>> = BTreeMap::new();
    let on_site = audit
        .assessments
        .iter()
        .map(|a| (Place::Engagement(a.engagement), &a.observations));
    let management = audit
        .management
        .iter()
        .map(|m| (Place::Management(m.id()), &m.observations));
    let remote = audit
        .remote_checks
        .iter()
        .map(|r| (Place::Remote(r.channel, r.engagement), &r.observations));
    for (place, list) in on_site.chain(management).chain(remote) {
        for o in list.iter().filter(|o| o.kind == kind) {
            map.entry(place.clone()).or_default().push(o.text.clone());
        }
    }
    map
}

/// Whether `audit` assesses `place`: a verdict other than `NA`, or a remote check's note.
fn assesses(audit: &Audit, place: &Place) -> bool {
    match place {
        Place::Engagement(n) => audit
            .assessment(*n)
            .and_then(|a| a.verdict)
            .is_some_and(|v| v != Verdict::NotApplicable),
        Place::Management(id) => audit
            .management
            .iter()
            .find(|m| m.id() == *id)
            .and_then(|m| m.verdict)
            .is_some_and(|v| v != Verdict::NotApplicable),
        Place::Remote(channel, n) => audit
            .remote_checks
            .iter()
            .any(|r| r.channel == *channel && r.engagement == *n && r.note.is_some()),
    }
}

fn observation_changes(
    before: &BTreeMap<Place, Vec<String>>,
    after: &BTreeMap<Place, Vec<String>>,
    later: &Audit,
    in_scope: impl Fn(&Place) -> bool,
) -> Vec<ObservationChange> {
    let places: BTreeSet<&Place> = before.keys().chain(after.keys()).collect();
    places
        .into_iter()
        .filter(|p| in_scope(p))
        .map(|p| {
            let b = before.get(p).cloned().unwrap_or_default();
            let a = after.get(p).cloned().unwrap_or_default();
            let status = match (b.is_empty(), a.is_empty()) {
                (false, true) if assesses(later, p) => ObservationFate::NotRenewed,
                (false, true) => ObservationFate::NotAssessed,
                (false, false) => ObservationFate::Persistent,
                (true, _) => ObservationFate::New,
            };
            ObservationChange {
                place: p.clone(),
                before: b,
                after: a,
                status,
            }
        })
        .collect()
}

fn module_changes(
    before: &Audit,
    after: &Audit,
    engagements: &[EngagementChange],
    policy: &Policy,
) -> Vec<ModuleChange> {
    let modules: BTreeSet<ModuleNumber> = before
        .modules
        .iter()
        .chain(&after.modules)
        .copied()
        .collect();
    modules
        .into_iter()
        .map(|module| {
            let of_module = || engagements.iter().filter(move |e| e.module == module);
            ModuleChange {
                module,
                before: before
                    .covers(module)
                    .then(|| Figures::of(of_module().map(|e| e.before), policy)),
                after: after
                    .covers(module)
                    .then(|| Figures::of(of_module().map(|e| e.after), policy)),
            }
        })
        .collect()
}
