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
//!    (« avis favorable sous réserve »);
//! 4. otherwise → [`Outcome::Favorable`].
//!
//! Every nonconformity needs a corrective action, due a number of months after the audit's last
//! day (`dates.end`) that depends on its grade:
//!
//! - `NC min`: **3 months** by default, the usual ISO/IEC 17021-1 practice for minor
//!   nonconformities;
//! - `NC Maj`: **1 month** by default. This is the crate's own choice, not the référentiel's
//!   (whose deadlines are not public): a major nonconformity withholds or suspends the label
//!   until it is lifted, so its correction is the most urgent.
//!
//! Both are set at once with [`Policy::with_deadline_months`], or one by one with
//! [`Policy::with_minor_deadline_months`] and [`Policy::with_major_deadline_months`]. A
//! deadline is 1 to 120 months ([`Policy::MIN_DEADLINE_MONTHS`],
//! [`Policy::MAX_DEADLINE_MONTHS`]): the setters refuse anything else, so that every policy
//! gives a due date an action can meet and a plan can show.
//!
//! The nonconformities are the `NC min` / `NC Maj` verdicts, each joined to its fiche d'écart
//! (matched by target), plus any fiche d'écart whose target has no such verdict (graded by the
//! fiche), plus the charte graphique's verdict when it is `NC min` or `NC Maj` (counted in
//! `minor` and `major`; no fiche d'écart can target the charte, so it has no entry in
//! `ecarts`). A fiche's own `due` date, when set, is kept and reported as such
//! ([`DueSource::Fiche`]); otherwise the due date is the policy's deadline for the écart's grade
//! ([`DueSource::Policy`]), except for an **internal** audit that names the external audit it
//! precedes ([`AuditKind::external_on`](crate::AuditKind::external_on)): its écarts are due the
//! day before it ([`DueSource::ExternalAudit`]), not months after the internal audit. Remote-check notes « Non conforme » are figures
//! ([`Scores::remote`](crate::Scores::remote)), not nonconformities.
//!
//! ```
//! use qualepref::{decide, samples, Audit, Outcome, Policy, Referentiel, Valid};
//! use qualepref::validate::ValidationOptions;
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default())
//!     .map_err(|_| "invalid")?;
//! let decision = decide(&valid, &Policy::default().with_deadline_months(6)?);
//! assert_eq!(decision.outcome, Outcome::Favorable);
//! assert!(decision.ecarts.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::base::wire::wire_enum;
use crate::engine::owned;
use crate::validate::Index;
use crate::{Audit, EcartTarget, Error, FicheEcart, Language, NcGrade, Referentiel, Valid};

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
        (language.engine().outcome)(self)
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
/// use qualepref::{NcGrade, Policy};
/// let default = Policy::default();
/// assert_eq!(default.deadline_months_for(NcGrade::Minor), 3);
/// assert_eq!(default.deadline_months_for(NcGrade::Major), 1);
/// let p = Policy::default().with_deadline_months(2)?.with_minor_threshold(4);
/// assert_eq!(p.deadline_months_for(NcGrade::Major), 2);
/// assert_eq!(p.with_major_deadline_months(1)?.major_deadline_months(), 1);
/// assert_eq!(p.minor_threshold(), Some(4));
/// assert_eq!(p.without_minor_threshold().minor_threshold(), None);
/// # Ok::<(), qualepref::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Policy {
    deadline_months: u32,
    major_deadline_months: u32,
    minor_threshold: Option<u32>,
}

impl Default for Policy {
    /// `NC min` due in 3 months, `NC Maj` in 1 month, no threshold.
    fn default() -> Self {
        Policy {
            deadline_months: Policy::DEFAULT_MINOR_DEADLINE_MONTHS,
            major_deadline_months: Policy::DEFAULT_MAJOR_DEADLINE_MONTHS,
            minor_threshold: None,
        }
    }
}

impl Policy {
    /// The default deadline of a minor nonconformity's corrective action, in months after the
    /// audit's last day: 3.
    pub const DEFAULT_MINOR_DEADLINE_MONTHS: u32 = 3;

    /// The default deadline of a major nonconformity's corrective action, in months after the
    /// audit's last day: 1 (the crate's choice, see the [module docs](self)).
    pub const DEFAULT_MAJOR_DEADLINE_MONTHS: u32 = 1;

    /// The default policy: corrective actions due 3 months (`NC min`) or 1 month (`NC Maj`)
    /// after the audit's last day, no threshold of minor nonconformities.
    #[must_use]
    pub fn new() -> Policy {
        Policy::default()
    }

    /// The shortest deadline of a corrective action, in months after the audit's last day: 1.
    /// A deadline of 0 would make every action due on the day its fiche d'écart is written,
    /// and overdue the next: an action needed at once is a fiche's own `due` date.
    pub const MIN_DEADLINE_MONTHS: u32 = 1;

    /// The longest deadline of a corrective action, in months after the audit's last day: 120
    /// (ten years, more than three cycles of the label). Beyond it a due date no longer
    /// belongs to the audit it corrects, and very large values leave the calendar (no due date
    /// at all, so an action that is never overdue).
    pub const MAX_DEADLINE_MONTHS: u32 = 120;

    /// Corrective actions of either grade due `months` months after the audit's last day (when
    /// a fiche d'écart sets no date).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`] for a deadline outside
    /// [`MIN_DEADLINE_MONTHS`](Policy::MIN_DEADLINE_MONTHS)–[`MAX_DEADLINE_MONTHS`](Policy::MAX_DEADLINE_MONTHS):
    /// no policy gives a due date an action cannot meet or a plan cannot show.
    ///
    /// ```
    /// use qualepref::Policy;
    /// assert_eq!(Policy::new().with_deadline_months(6)?.deadline_months(), 6);
    /// let e = Policy::new().with_deadline_months(100_000).unwrap_err();
    /// assert_eq!(
    ///     e.to_string(),
    ///     "invalid deadline in months \"100000\": a deadline is 1 to 120 months after the audit's last day"
    /// );
    /// # Ok::<(), qualepref::Error>(())
    /// ```
    pub fn with_deadline_months(mut self, months: u32) -> Result<Policy, Error> {
        let months = checked_deadline(months)?;
        self.deadline_months = months;
        self.major_deadline_months = months;
        Ok(self)
    }

    /// Corrective actions of minor nonconformities (`NC min`) due `months` months after the
    /// audit's last day.
    ///
    /// # Errors
    ///
    /// As [`with_deadline_months`](Policy::with_deadline_months).
    pub fn with_minor_deadline_months(mut self, months: u32) -> Result<Policy, Error> {
        self.deadline_months = checked_deadline(months)?;
        Ok(self)
    }

    /// Corrective actions of major nonconformities (`NC Maj`) due `months` months after the
    /// audit's last day.
    ///
    /// # Errors
    ///
    /// As [`with_deadline_months`](Policy::with_deadline_months).
    pub fn with_major_deadline_months(mut self, months: u32) -> Result<Policy, Error> {
        self.major_deadline_months = checked_deadline(months)?;
        Ok(self)
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

    /// The deadline of minor nonconformities (`NC min`), in months after the audit's last day;
    /// the same as [`minor_deadline_months`](Policy::minor_deadline_months), kept from when one
    /// deadline served both grades.
    #[must_use]
    pub const fn deadline_months(&self) -> u32 {
        self.deadline_months
    }

    /// The deadline of minor nonconformities (`NC min`), in months after the audit's last day.
    #[must_use]
    pub const fn minor_deadline_months(&self) -> u32 {
        self.deadline_months
    }

    /// The deadline of major nonconformities (`NC Maj`), in months after the audit's last day.
    #[must_use]
    pub const fn major_deadline_months(&self) -> u32 {
        self.major_deadline_months
    }

    /// The deadline of a nonconformity of grade `grade`, in months after the audit's last day.
    #[must_use]
    pub const fn deadline_months_for(&self, grade: NcGrade) -> u32 {
        match grade {
            NcGrade::Minor => self.deadline_months,
            NcGrade::Major => self.major_deadline_months,
        }
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

    /// The due date of a minor nonconformity's corrective action under this policy for an
    /// audit ending on `end`; `None` if it overflows the calendar. See
    /// [`due_date_for`](Policy::due_date_for) for either grade.
    #[must_use]
    pub fn due_date(&self, end: NaiveDate) -> Option<NaiveDate> {
        self.due_date_for(NcGrade::Minor, end)
    }

    /// The due date of the corrective action of a nonconformity of grade `grade` under this
    /// policy for an audit ending on `end`; `None` if it overflows the calendar.
    ///
    /// ```
    /// use qualepref::{NaiveDate, NcGrade, Policy};
    /// let end = NaiveDate::from_ymd_opt(2019, 11, 18).ok_or("date")?;
    /// let p = Policy::default();
    /// assert_eq!(p.due_date_for(NcGrade::Minor, end), NaiveDate::from_ymd_opt(2020, 2, 18));
    /// assert_eq!(p.due_date_for(NcGrade::Major, end), NaiveDate::from_ymd_opt(2019, 12, 18));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn due_date_for(&self, grade: NcGrade, end: NaiveDate) -> Option<NaiveDate> {
        end.checked_add_months(Months::new(self.deadline_months_for(grade)))
    }
}

/// `months`, or the error of a deadline outside the bounds.
fn checked_deadline(months: u32) -> Result<u32, Error> {
    if (Policy::MIN_DEADLINE_MONTHS..=Policy::MAX_DEADLINE_MONTHS).contains(&months) {
        Ok(months)
    } else {
        Err(Error::InvalidValue {
            what: "deadline in months",
            value: months.to_string(),
            reason: "a deadline is 1 to 120 months after the audit's last day",
        })
    }
}

/// Where a due date comes from. Serialised as `"fiche"`, `"policy"` or `"external_audit"`.
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
    /// For an internal audit: the day before the external audit it precedes
    /// ([`AuditKind::external_on`](crate::AuditKind::external_on)), as its écarts are to be dealt
    /// with before it.
    ExternalAudit,
}

impl DueSource {
    /// The wire form: `fiche`, `policy` or `external_audit`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }
}

wire_enum!(
    DueSource,
    "due-date source",
    "fiche, policy, external_audit",
    [Fiche, Policy, ExternalAudit]
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
    /// The policy's deadline in months for minor nonconformities (`NC min`).
    pub deadline_months: u32,
    /// The policy's deadline in months for major nonconformities (`NC Maj`); read as
    /// [`Policy::DEFAULT_MAJOR_DEADLINE_MONTHS`] when absent from older data.
    #[serde(default = "default_major_deadline")]
    pub major_deadline_months: u32,
    /// The policy's threshold of minor nonconformities, if set.
    pub minor_threshold: Option<u32>,
}

fn default_major_deadline() -> u32 {
    Policy::DEFAULT_MAJOR_DEADLINE_MONTHS
}

impl Ecart<'_> {
    /// This nonconformity with its texts owned, free of the audit's lifetime.
    #[must_use]
    pub fn into_owned(self) -> Ecart<'static> {
        Ecart {
            target: self.target,
            title: owned(self.title),
            grade: self.grade,
            finding: owned(self.finding),
            requirement: owned(self.requirement),
            corrective_action: self.corrective_action.map(owned),
            due: self.due,
            due_source: self.due_source,
            has_fiche: self.has_fiche,
        }
    }
}

impl Decision<'_> {
    /// The decision with its texts owned, free of the audit's lifetime: for a program that
    /// keeps it beside (or after) the audit.
    #[must_use]
    pub fn into_owned(self) -> Decision<'static> {
        Decision {
            outcome: self.outcome,
            rule: self.rule,
            minor: self.minor,
            major: self.major,
            ecarts: self.ecarts.into_iter().map(Ecart::into_owned).collect(),
            deadline_months: self.deadline_months,
            major_deadline_months: self.major_deadline_months,
            minor_threshold: self.minor_threshold,
        }
    }

    /// The policy's deadline in months for a nonconformity of grade `grade`.
    #[must_use]
    pub fn deadline_months_for(&self, grade: NcGrade) -> u32 {
        match grade {
            NcGrade::Minor => self.deadline_months,
            NcGrade::Major => self.major_deadline_months,
        }
    }
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
    let end = audit.dates.end;
    // An internal audit's écarts are due before the external audit it precedes.
    let external = audit
        .kind
        .external_on
        .filter(|_| audit.kind.internal)
        .and_then(|day| day.pred_opt());
    let make =
        |target: EcartTarget, title: &'a str, grade: NcGrade, fiche: Option<&'a FicheEcart>| {
            let (due, due_source) = match (fiche.and_then(|f| f.due), external) {
                (Some(d), _) => (Some(d), DueSource::Fiche),
                (None, Some(d)) => (Some(d), DueSource::ExternalAudit),
                (None, None) => (policy.due_date_for(grade, end), DueSource::Policy),
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
            ecarts.push(make(target, &e.title, grade, audit.fiche(target, grade)));
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
            ecarts.push(make(target, &item.title, grade, audit.fiche(target, grade)));
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
    // The charte graphique's verdict (assessed from the first suivi on) weighs as any other
    // nonconformity; no fiche d'écart can target it, so it has no écart of its own.
    let charte = audit
        .conclusion
        .charte_graphique
        .verdict
        .and_then(crate::Verdict::nonconformity);
    let charte_count = |grade| u32::from(charte == Some(grade));
    let minor = count(NcGrade::Minor).saturating_add(charte_count(NcGrade::Minor));
    let major = count(NcGrade::Major).saturating_add(charte_count(NcGrade::Major));
    let (outcome, rule) = policy.outcome(minor, major);
    Decision {
        outcome,
        rule,
        minor,
        major,
        ecarts,
        deadline_months: policy.deadline_months,
        major_deadline_months: policy.major_deadline_months,
        minor_threshold: policy.minor_threshold,
    }
}
