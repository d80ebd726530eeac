//! The labelling decision, under a documented and configurable [`Policy`].
//!
//! **This policy is the crate's own default, not the référentiel's text**: the référentiel's
//! decision rules are not public. The default follows ISO/IEC 17021-1 certification practice:
//!
//! 1. any major nonconformity (`NC Maj`), on an engagement of a covered module or on a management
//!    item → [`Outcome::Unfavorable`] (« avis défavorable »): the label is not granted, or is
//!    suspended, until it is lifted;
//! 2. otherwise, when a threshold of minor nonconformities is set and reached →
//!    [`Outcome::Unfavorable`] (no threshold by default);
//! 3. otherwise any minor nonconformity (`NC min`) → [`Outcome::FavorableWithConditions`]
//!    (« avis favorable sous réserve »): each needs a corrective action, due by default
//!    3 months after the audit's last day (`dates.end`);
//! 4. otherwise → [`Outcome::Favorable`].
//!
//! The nonconformities are the `NC min` / `NC Maj` verdicts, each joined to its fiche d'écart
//! (matched by target), plus any fiche d'écart whose target has no such verdict (graded by the
//! fiche). A fiche's own `due` date, when set, is kept and reported as such; otherwise the due
//! date is the policy's deadline, for either grade. Remote-check notes « Non conforme » are
//! figures ([`Scores::remote`](crate::Scores::remote)), not nonconformities.
//!
//! ```
//! use qualepref::{decide, samples, Audit, Outcome, Policy, Referentiel, Valid};
//! use qualepref::validate::ValidationOptions;
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default())
//!     .map_err(|_| "invalid")?;
//! let decision = decide(&valid, &Policy::default().with_deadline_months(6));
//! assert_eq!(decision.outcome, Outcome::Favorable);
//! assert!(decision.ecarts.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::wire::wire_enum;
use crate::validate::Index;
use crate::{Audit, EcartTarget, FicheEcart, Language, NcGrade, Referentiel, Valid};

/// The outcome of the labelling decision, from best to worst. Serialised as `"favorable"`,
/// `"favorable_with_conditions"`, `"unfavorable"`.
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
pub enum Outcome {
    /// Avis favorable.
    Favorable,
    /// Avis favorable sous réserve: corrective actions are due.
    FavorableWithConditions,
    /// Avis défavorable.
    Unfavorable,
}

impl Outcome {
    /// The wire form, e.g. `favorable_with_conditions`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Outcome::Favorable => "favorable",
            Outcome::FavorableWithConditions => "favorable_with_conditions",
            Outcome::Unfavorable => "unfavorable",
        }
    }

    /// The wording in `language`, e.g. `avis favorable sous réserve` or `favourable with
    /// conditions`.
    ///
    /// ```
    /// use qualepref::{Language, Outcome};
    /// assert_eq!(Outcome::Unfavorable.label(Language::Fr), "avis défavorable");
    /// assert_eq!(Outcome::Unfavorable.label(Language::En), "unfavourable");
    /// ```
    #[must_use]
    pub fn label(self, language: Language) -> &'static str {
        (language.phrases().common.outcome)(self)
    }

    /// The French wording, e.g. `avis favorable sous réserve`: [`label`](Outcome::label) in
    /// French.
    #[must_use]
    pub fn label_fr(self) -> &'static str {
        self.label(Language::Fr)
    }

    /// The English wording, e.g. `favourable with conditions`: [`label`](Outcome::label) in
    /// English.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        self.label(Language::En)
    }
}

wire_enum!(
    Outcome,
    "outcome",
    "favorable, favorable_with_conditions, unfavorable",
    [Favorable, FavorableWithConditions, Unfavorable]
);

/// The rule of the [`Policy`] that fired. Serialised in snake case.
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
pub enum Rule {
    /// At least one `NC Maj`.
    MajorNonconformity,
    /// The number of `NC min` reached the policy's threshold.
    MinorThresholdReached,
    /// At least one `NC min`, below any threshold.
    MinorNonconformity,
    /// No nonconformity.
    NoNonconformity,
}

impl Rule {
    /// The wire form, e.g. `minor_nonconformity`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }
}

wire_enum!(
    Rule,
    "decision rule",
    "major_nonconformity, minor_threshold_reached, minor_nonconformity, no_nonconformity",
    [
        MajorNonconformity,
        MinorThresholdReached,
        MinorNonconformity,
        NoNonconformity
    ]
);

/// The decision policy. See the [module docs](self): it is this crate's own default, not the
/// référentiel's text.
///
/// ```
/// use qualepref::Policy;
/// let p = Policy::default().with_deadline_months(2).with_minor_threshold(4);
/// assert_eq!(p.deadline_months(), 2);
/// assert_eq!(p.minor_threshold(), Some(4));
/// assert_eq!(p.without_minor_threshold().minor_threshold(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Policy {
    deadline_months: u32,
    minor_threshold: Option<u32>,
}

impl Default for Policy {
    /// Deadline 3 months, no threshold.
    fn default() -> Self {
        Policy {
            deadline_months: 3,
            minor_threshold: None,
        }
    }
}

impl Policy {
    /// The default policy: corrective actions due 3 months after the audit's last day, no
    /// threshold of minor nonconformities.
    #[must_use]
    pub fn new() -> Policy {
        Policy::default()
    }

    /// Corrective actions due `months` months after the audit's last day (when a fiche d'écart
    /// sets no date).
    #[must_use]
    pub const fn with_deadline_months(mut self, months: u32) -> Policy {
        self.deadline_months = months;
        self
    }

    /// `count` or more minor nonconformities make the outcome unfavourable (0 is treated as 1).
    #[must_use]
    pub const fn with_minor_threshold(mut self, count: u32) -> Policy {
        self.minor_threshold = Some(if count == 0 { 1 } else { count });
        self
    }

    /// No threshold: any number of minor nonconformities gives a favourable outcome with
    /// conditions (the default).
    #[must_use]
    pub const fn without_minor_threshold(mut self) -> Policy {
        self.minor_threshold = None;
        self
    }

    /// The deadline, in months after the audit's last day.
    #[must_use]
    pub const fn deadline_months(&self) -> u32 {
        self.deadline_months
    }

    /// The threshold of minor nonconformities that counts as unfavourable, if set.
    #[must_use]
    pub const fn minor_threshold(&self) -> Option<u32> {
        self.minor_threshold
    }

    /// The outcome, and the rule that gives it, for `minor` minor and `major` major
    /// nonconformities: the policy's rules in order (major, threshold, minor, none).
    ///
    /// ```
    /// use qualepref::{Outcome, Policy, Rule};
    /// assert_eq!(Policy::new().outcome(2, 0), (Outcome::FavorableWithConditions, Rule::MinorNonconformity));
    /// assert_eq!(Policy::new().with_minor_threshold(2).outcome(2, 0).0, Outcome::Unfavorable);
    /// assert_eq!(Policy::new().outcome(0, 1).0, Outcome::Unfavorable);
    /// ```
    #[must_use]
    pub fn outcome(&self, minor: u32, major: u32) -> (Outcome, Rule) {
        if major > 0 {
            (Outcome::Unfavorable, Rule::MajorNonconformity)
        } else if self.minor_threshold.is_some_and(|t| minor >= t) {
            (Outcome::Unfavorable, Rule::MinorThresholdReached)
        } else if minor > 0 {
            (Outcome::FavorableWithConditions, Rule::MinorNonconformity)
        } else {
            (Outcome::Favorable, Rule::NoNonconformity)
        }
    }

    /// The due date of a corrective action under this policy for an audit ending on `end`;
    /// `None` if it overflows the calendar.
    #[must_use]
    pub fn due_date(&self, end: NaiveDate) -> Option<NaiveDate> {
        end.checked_add_months(Months::new(self.deadline_months))
    }
}

/// Where a due date comes from. Serialised as `"fiche"` or `"policy"`.
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
pub enum DueSource {
    /// The fiche d'écart's own `due` date.
    Fiche,
    /// The policy's deadline after the audit's last day.
    Policy,
}

impl DueSource {
    /// The wire form: `fiche` or `policy`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }
}

wire_enum!(
    DueSource,
    "due-date source",
    "fiche, policy",
    [Fiche, Policy]
);

/// One nonconformity, as the decision sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Ecart<'a> {
    /// The engagement or management item (`{"engagement": 17}` or
    /// `{"management": {"section": "pilotage", "item": 5}}`).
    pub target: EcartTarget,
    /// The target's title in the référentiel (empty if unknown).
    pub title: Cow<'a, str>,
    /// `NC min` or `NC Maj`: the verdict's grade, or the fiche's when there is no such verdict.
    pub grade: NcGrade,
    /// The finding of the fiche d'écart (empty without fiche).
    pub finding: Cow<'a, str>,
    /// The requirement of the fiche d'écart (empty without fiche).
    pub requirement: Cow<'a, str>,
    /// The corrective action of the fiche d'écart, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrective_action: Option<Cow<'a, str>>,
    /// The date by which the corrective action is due (`YYYY-MM-DD`).
    pub due: Option<NaiveDate>,
    /// Where `due` comes from.
    pub due_source: DueSource,
    /// Whether a fiche d'écart records it.
    pub has_fiche: bool,
}

/// The labelling decision and its reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Decision<'a> {
    /// The outcome.
    pub outcome: Outcome,
    /// The rule that fired.
    pub rule: Rule,
    /// The number of minor nonconformities.
    pub minor: u32,
    /// The number of major nonconformities.
    pub major: u32,
    /// The nonconformities: engagements by number, then management items, then fiches d'écart
    /// without matching verdict.
    pub ecarts: Vec<Ecart<'a>>,
    /// The policy's deadline in months.
    pub deadline_months: u32,
    /// The policy's threshold of minor nonconformities, if set.
    pub minor_threshold: Option<u32>,
}

/// Decides on a validated audit under `policy`. See the [module docs](self).
#[must_use]
pub fn decide<'a>(valid: &Valid<'a>, policy: &Policy) -> Decision<'a> {
    decide_indexed(valid.audit(), valid.referentiel(), valid.index(), policy)
}

pub(crate) fn decide_indexed<'a>(
    audit: &'a Audit,
    referentiel: &'a Referentiel,
    index: &Index<'a>,
    policy: &Policy,
) -> Decision<'a> {
    let mut fiches: BTreeMap<EcartTarget, &'a FicheEcart> = BTreeMap::new();
    for f in &audit.ecarts {
        fiches.entry(f.target).or_insert(f);
    }
    let policy_due = policy.due_date(audit.dates.end);
    let make =
        |target: EcartTarget, title: &'a str, grade: NcGrade, fiche: Option<&'a FicheEcart>| {
            let (due, due_source) = match fiche.and_then(|f| f.due) {
                Some(d) => (Some(d), DueSource::Fiche),
                None => (policy_due, DueSource::Policy),
            };
            Ecart {
                target,
                title: Cow::Borrowed(title),
                grade,
                finding: Cow::Borrowed(fiche.map_or("", |f| f.finding.as_str())),
                requirement: Cow::Borrowed(fiche.map_or("", |f| f.requirement.as_str())),
                corrective_action: fiche
                    .and_then(|f| f.corrective_action.as_deref())
                    .map(Cow::Borrowed),
                due,
                due_source,
                has_fiche: fiche.is_some(),
            }
        };
    let mut ecarts = Vec::new();
    let mut seen: Vec<EcartTarget> = Vec::new();
    for &(e, a) in &index.rows {
        let grade = a
            .and_then(|a| a.verdict)
            .and_then(crate::Verdict::nonconformity);
        if let Some(grade) = grade {
            let target = EcartTarget::Engagement(e.number);
            ecarts.push(make(target, &e.title, grade, fiches.get(&target).copied()));
            seen.push(target);
        }
    }
    for item in referentiel.management_items() {
        let grade = index
            .management(item.id())
            .and_then(|m| m.verdict)
            .and_then(crate::Verdict::nonconformity);
        if let Some(grade) = grade {
            let target = EcartTarget::Management(item.id());
            ecarts.push(make(
                target,
                &item.title,
                grade,
                fiches.get(&target).copied(),
            ));
            seen.push(target);
        }
    }
    seen.sort_unstable();
    for (target, fiche) in &fiches {
        if seen.binary_search(target).is_err() {
            let title = match target {
                EcartTarget::Engagement(n) => referentiel.engagement(*n).map_or("", |e| &e.title),
                EcartTarget::Management(id) => {
                    referentiel.management_item(*id).map_or("", |m| &m.title)
                }
            };
            ecarts.push(make(*target, title, fiche.grade, Some(fiche)));
        }
    }
    let count = |grade| {
        u32::try_from(ecarts.iter().filter(|e| e.grade == grade).count()).unwrap_or(u32::MAX)
    };
    let minor = count(NcGrade::Minor);
    let major = count(NcGrade::Major);
    let (outcome, rule) = policy.outcome(minor, major);
    Decision {
        outcome,
        rule,
        minor,
        major,
        ecarts,
        deadline_months: policy.deadline_months,
        minor_threshold: policy.minor_threshold,
    }
}
