//! The ledger of a dossier: one entry per finding, what later audits found, and the state of
//! an entry at a date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::codes::HistoryDiagnostic;
use super::{DUE_SOON_DAYS, DossierAudit, DossierOptions, rules};
use crate::base::wire::wire_enum;
use crate::{
    ActionStatus, Audit, AuditType, DueSource, EcartTarget, Language, NcGrade, ObservationKind,
    Referentiel, Source, Verdict,
};

/// What an entry of the ledger is: a nonconformity of either grade, a point sensible or a piste
/// de progrès. Its wire form is the report's code (`NC Maj`, `NC min`, `PS`, `PP`).
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
#[non_exhaustive]
pub enum FindingKind {
    /// `NC Maj`.
    #[serde(rename = "NC Maj")]
    #[strum(serialize = "NC Maj")]
    MajorNonconformity,
    /// `NC min`.
    #[serde(rename = "NC min")]
    #[strum(serialize = "NC min")]
    MinorNonconformity,
    /// `PS`, a point sensible (with its risk).
    #[serde(rename = "PS")]
    #[strum(serialize = "PS")]
    AreaOfConcern,
    /// `PP`, a piste de progrès.
    #[serde(rename = "PP")]
    #[strum(serialize = "PP")]
    OpportunityForImprovement,
}

impl FindingKind {
    /// The code: `NC Maj`, `NC min`, `PS`, `PP`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The wording in `language`, e.g. `non-conformité mineure`.
    #[must_use]
    pub fn label(self, language: Language) -> &'static str {
        (super::phrases::of(language).kind)(self)
    }

    /// The kind of a nonconformity of grade `grade`.
    #[must_use]
    pub const fn of_grade(grade: NcGrade) -> FindingKind {
        match grade {
            NcGrade::Minor => FindingKind::MinorNonconformity,
            NcGrade::Major => FindingKind::MajorNonconformity,
        }
    }

    /// The grade of a nonconformity; `None` for a `PS` or `PP`.
    #[must_use]
    pub const fn grade(self) -> Option<NcGrade> {
        match self {
            FindingKind::MajorNonconformity => Some(NcGrade::Major),
            FindingKind::MinorNonconformity => Some(NcGrade::Minor),
            FindingKind::AreaOfConcern | FindingKind::OpportunityForImprovement => None,
        }
    }

    /// Whether it is a nonconformity.
    #[must_use]
    pub const fn is_nonconformity(self) -> bool {
        self.grade().is_some()
    }

    /// The observation kind of a `PS` or `PP`.
    #[must_use]
    pub const fn observation(self) -> Option<ObservationKind> {
        match self {
            FindingKind::AreaOfConcern => Some(ObservationKind::AreaOfConcern),
            FindingKind::OpportunityForImprovement => {
                Some(ObservationKind::OpportunityForImprovement)
            }
            FindingKind::MajorNonconformity | FindingKind::MinorNonconformity => None,
        }
    }
}

wire_enum!(
    FindingKind,
    "finding kind",
    "NC Maj, NC min, PS, PP",
    [
        MajorNonconformity,
        MinorNonconformity,
        AreaOfConcern,
        OpportunityForImprovement
    ]
);

/// Where an entry comes from: an audit (internal or external) or, for a row the quality
/// manager adds to the plan by hand, another source of the plan d'actions qualité.
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
pub enum OriginKind {
    /// An internal audit (or self-assessment).
    InternalAudit,
    /// An external audit.
    ExternalAudit,
    /// A satisfaction survey (« enquête de satisfaction »).
    Survey,
    /// A complaint (« réclamation »).
    Complaint,
    /// The users' committee (« comité des usagers »).
    UsersCommittee,
    /// The annual review (« bilan annuel »).
    AnnualReview,
    /// Anything else the quality manager records.
    Other,
}

impl OriginKind {
    /// The wire form, e.g. `users_committee`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The wording in `language`, e.g. `comité des usagers`.
    #[must_use]
    pub fn label(self, language: Language) -> &'static str {
        (super::phrases::of(language).origin)(self)
    }

    /// Reads an origin as a person types it: its wire form or its wording in either language,
    /// any case, accents or spacing (`Audit interne`, `reclamation`, `Bilan annuel 2021`).
    #[must_use]
    pub fn parse_lenient(text: &str) -> Option<OriginKind> {
        let key = crate::text::key(text);
        OriginKind::ALL.iter().copied().find(|o| {
            [o.code(), o.label(Language::Fr), o.label(Language::En)]
                .iter()
                .any(|w| {
                    let w = crate::text::key(w);
                    !w.is_empty() && key.starts_with(&w)
                })
        })
    }
}

wire_enum!(
    OriginKind,
    "origin",
    "internal_audit, external_audit, survey, complaint, users_committee, annual_review, other",
    [
        InternalAudit,
        ExternalAudit,
        Survey,
        Complaint,
        UsersCommittee,
        AnnualReview,
        Other
    ]
);

/// The origin of an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Origin {
    /// Audit (internal, external) or another source.
    pub kind: OriginKind,
    /// The audit's position in the dossier, for an audit's finding.
    pub audit: Option<usize>,
    /// The day of the origin: the audit's first day, or the day the quality manager gives.
    pub date: Option<NaiveDate>,
    /// The audit's type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit_type: Option<AuditType>,
    /// The number of the fiche d'écart in its report (« Fiche d'écart n°1 »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiche: Option<u32>,
    /// The origin as the quality manager wrote it, for a row added by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Where the quality manager says an action stands (the plan's « état »). Wire forms `open`,
/// `in_progress`, `realised`, `closed`.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
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
pub enum RecordState {
    /// Nothing done yet (« à faire »).
    #[default]
    Open,
    /// Under way (« en cours »).
    InProgress,
    /// Done (« réalisée »), its efficacy to be checked.
    Realised,
    /// Closed by the quality manager (« soldée »): done and found effective.
    Closed,
}

impl RecordState {
    /// The wire form, e.g. `in_progress`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The wording in `language`, e.g. `en cours`: the drop-down of the kept plan.
    #[must_use]
    pub fn label(self, language: Language) -> &'static str {
        (super::phrases::of(language).record_state)(self)
    }

    /// Reads a state as typed: its wire form or its wording in either language, any case,
    /// accents or gender (`Réalisé`, `soldee`, `à faire`, `done`).
    #[must_use]
    pub fn parse_lenient(text: &str) -> Option<RecordState> {
        let key = crate::text::key(text);
        let found = RecordState::ALL.iter().copied().find(|s| {
            [s.code(), s.label(Language::Fr), s.label(Language::En)]
                .iter()
                .any(|w| crate::text::key(w) == key)
        });
        found.or(match key.as_str() {
            "afaire" | "ouvert" | "todo" => Some(RecordState::Open),
            "realise" | "fait" | "done" => Some(RecordState::Realised),
            "solde" | "clos" | "close" | "cloture" | "cloturee" | "levee" | "leve" => {
                Some(RecordState::Closed)
            }
            _ => None,
        })
    }
}

wire_enum!(
    RecordState,
    "action state",
    "open, in_progress, realised, closed",
    [Open, InProgress, Realised, Closed]
);

/// The check of an action's efficacy: when, by whom, with what result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Efficacy {
    /// The day of the check.
    pub on: Option<NaiveDate>,
    /// Who checked.
    pub by: Option<String>,
    /// What the check found.
    pub result: Option<String>,
}

impl Efficacy {
    /// Whether nothing is recorded.
    pub(crate) fn is_blank(&self) -> bool {
        self.on.is_none() && self.by.is_none() && self.result.is_none()
    }
}

/// What a later audit found about an entry's target. Wire forms `conforming`, `again`,
/// `not_assessed`.
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
pub enum CheckResult {
    /// Assessed, and found conforming (`C`) or without the same kind of observation.
    Conforming,
    /// Assessed, and found again: a nonconformity, or the same kind of observation.
    Again,
    /// The audit covers the target's module, but gives it no verdict (or `NA`).
    NotAssessed,
}

impl CheckResult {
    /// The wire form.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The wording in `language`.
    #[must_use]
    pub fn label(self, language: Language) -> &'static str {
        (super::phrases::of(language).check)(self)
    }
}

wire_enum!(
    CheckResult,
    "check result",
    "conforming, again, not_assessed",
    [Conforming, Again, NotAssessed]
);

/// One later audit's look at an entry's target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Check {
    /// The later audit's position in the dossier.
    pub audit: usize,
    /// Its first day: the day it settles the entry.
    pub on: NaiveDate,
    /// What it found.
    pub result: CheckResult,
    /// Its verdict on the target (none for a remote check, or without verdict).
    pub verdict: Option<Verdict>,
}

/// What became of an entry at a date: the one vocabulary of the plan, the history and the
/// comparison. Wire forms `pending`, `realised`, `lifted`, `not_renewed`, `persistent`,
/// `not_assessed`, `closed`.
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
pub enum FollowUp {
    /// No later audit has looked at it yet, nothing recorded (« en attente »).
    Pending,
    /// The kept plan records the action realised (« réalisée »).
    Realised,
    /// A nonconformity found conforming at a later audit, or recorded lifted (« levée »).
    Lifted,
    /// A point sensible or piste de progrès not observed again at a later audit that assessed
    /// its target (« non reconduite »).
    NotRenewed,
    /// Observed again at a later audit (« persistante »): that audit's own entry carries it on.
    Persistent,
    /// The later audit covers the target's module without assessing it (« non évaluée »).
    NotAssessed,
    /// A point sensible or piste de progrès closed by the quality manager (« soldée »).
    Closed,
}

impl FollowUp {
    /// The wire form.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The wording in `language`, e.g. `non reconduite`.
    #[must_use]
    pub fn label(self, language: Language) -> &'static str {
        (super::phrases::of(language).follow_up)(self)
    }

    /// Whether it is settled: done, lifted, not renewed or closed.
    #[must_use]
    pub const fn is_done(self) -> bool {
        matches!(
            self,
            FollowUp::Realised | FollowUp::Lifted | FollowUp::NotRenewed | FollowUp::Closed
        )
    }
}

wire_enum!(
    FollowUp,
    "follow-up",
    "pending, realised, lifted, not_renewed, persistent, not_assessed, closed",
    [
        Pending,
        Realised,
        Lifted,
        NotRenewed,
        Persistent,
        NotAssessed,
        Closed
    ]
);

/// Where an entry stands at a date, for the plan's lists; sorted in this order. Wire forms
/// `overdue`, `due_soon`, `open`, `carried_over`, `done`.
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
    /// Not done, and due before the date.
    Overdue,
    /// Not done, and due within [`DUE_SOON_DAYS`] days.
    DueSoon,
    /// Not done, due later or without due date.
    Open,
    /// Observed again by a later audit, whose own entry carries it on.
    CarriedOver,
    /// Done: realised, lifted, not renewed or closed.
    Done,
}

impl Standing {
    /// The wire form, e.g. `due_soon`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The wording in `language`, e.g. `en retard`.
    #[must_use]
    pub fn label(self, language: Language) -> &'static str {
        (super::phrases::of(language).standing)(self)
    }

    /// Whether the entry is still to be dealt with (overdue, due soon or open).
    #[must_use]
    pub const fn is_open(self) -> bool {
        matches!(self, Standing::Overdue | Standing::DueSoon | Standing::Open)
    }
}

wire_enum!(
    Standing,
    "standing",
    "overdue, due_soon, open, carried_over, done",
    [Overdue, DueSoon, Open, CarriedOver, Done]
);

/// The state of an entry at a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EntryState {
    /// The date.
    pub at: NaiveDate,
    /// What became of it by then.
    pub follow_up: FollowUp,
    /// The day of the event that gave `follow_up`, when dated.
    pub since: Option<NaiveDate>,
    /// The audit that settled it (or found it again, or did not assess it).
    pub by_audit: Option<usize>,
    /// Where it stands for the plan.
    pub standing: Standing,
    /// Days from the date to the échéance (negative when overdue); none once done or
    /// without échéance.
    pub days_left: Option<i64>,
}

/// One entry of the ledger: a finding and the action it opens. See the [module docs](super).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entry {
    /// Its number in the plan (« n° »): stable once the kept plan gives it.
    pub number: u32,
    /// The key that names an audit's finding from one run to the next (none for a row added
    /// by hand): the audit's first day and kind, the target, the kind of finding and its rank.
    pub key: Option<String>,
    /// Where it comes from.
    pub origin: Origin,
    /// The engagement, management item or remote check (none for a row of another origin).
    pub source: Option<Source>,
    /// The engagement or requirement as the quality manager wrote it, for a row of another
    /// origin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement_text: Option<String>,
    /// The target's title in the référentiel (empty if unknown or none).
    pub title: String,
    /// `NC Maj`, `NC min`, `PS` or `PP`.
    pub kind: FindingKind,
    /// The finding (« constat »): the fiche's, or the observation's text, verbatim.
    pub finding: String,
    /// The requirement not met (the fiche's « exigence »).
    pub requirement: String,
    /// The risk of a point sensible.
    pub risk: Option<String>,
    /// The cause found.
    pub cause: Option<String>,
    /// The correction and corrective action.
    pub action: Option<String>,
    /// Who leads it (« pilote »).
    pub leader: Option<String>,
    /// When it is due (« échéance »).
    pub due: Option<NaiveDate>,
    /// Where the échéance comes from (none when no échéance is set, or when the quality
    /// manager gave it in the kept plan: see `due_from_plan`).
    pub due_source: Option<DueSource>,
    /// Whether the échéance is the quality manager's, from the kept plan.
    #[serde(default)]
    pub due_from_plan: bool,
    /// How far the action is (« avancement »), as the quality manager writes it.
    pub progress: Option<String>,
    /// The day it was realised (« date de réalisation »).
    pub realised_on: Option<NaiveDate>,
    /// The evidence, or the indicator of its efficacy.
    pub evidence: Option<String>,
    /// The check of its efficacy.
    #[serde(default, skip_serializing_if = "Efficacy::is_blank")]
    pub efficacy: Efficacy,
    /// Where the quality manager (or the fiche d'écart) says it stands.
    pub state: RecordState,
    /// The day it was closed (lifted, for a nonconformity) by the quality manager's record or
    /// the fiche d'écart.
    pub closed_on: Option<NaiveDate>,
    /// The quality manager's comment.
    pub comment: Option<String>,
    /// The fiche d'écart's status, as the report gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiche_status: Option<ActionStatus>,
    /// What each later audit covering the target found, in date order, up to the first that
    /// settles it (found conforming, or found again).
    pub checks: Vec<Check>,
    /// The number of the later entry that carries it on, when found again.
    pub carried_by: Option<u32>,
    /// The cell of the kept plan's row it was read from, when merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

/// One dated event of an entry's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Event {
    on: Option<NaiveDate>,
    follow_up: FollowUp,
    audit: Option<usize>,
    settles: bool,
}

impl Entry {
    /// Whether the entry exists at `at`: its origin is on or before it (a row without date:
    /// always).
    #[must_use]
    pub fn known_at(&self, at: NaiveDate) -> bool {
        self.origin.date.is_none_or(|d| d <= at)
    }

    /// The target of a nonconformity on an engagement or management item.
    #[must_use]
    pub fn ecart_target(&self) -> Option<EcartTarget> {
        match self.source? {
            Source::Engagement(n) => Some(EcartTarget::Engagement(n)),
            Source::Management(id) => Some(EcartTarget::Management(id)),
            Source::Remote { .. } => None,
        }
    }

    fn events(&self) -> Vec<Event> {
        self.events_of(true)
    }

    /// Whether the records (the quality manager's, the fiche's) say the action done on or
    /// before `at`, whatever the audits found: how an écart is judged at the next audit.
    #[must_use]
    pub fn recorded_done_at(&self, at: NaiveDate) -> bool {
        self.events_of(false)
            .iter()
            .rev()
            .find(|e| e.on.is_none_or(|d| d <= at))
            .is_some_and(|e| e.follow_up.is_done())
    }

    fn events_of(&self, with_checks: bool) -> Vec<Event> {
        let mut events = Vec::new();
        let done = if self.kind.is_nonconformity() {
            FollowUp::Lifted
        } else {
            FollowUp::Closed
        };
        if let Some(ActionStatus::Lifted { on, .. }) = &self.fiche_status {
            events.push(Event {
                on: Some(*on),
                follow_up: FollowUp::Lifted,
                audit: None,
                settles: false,
            });
        }
        match self.state {
            RecordState::Realised => events.push(Event {
                on: self.realised_on,
                follow_up: FollowUp::Realised,
                audit: None,
                settles: false,
            }),
            RecordState::Closed => {
                if self.realised_on.is_some() && self.realised_on != self.closed_on {
                    events.push(Event {
                        on: self.realised_on,
                        follow_up: FollowUp::Realised,
                        audit: None,
                        settles: false,
                    });
                }
                events.push(Event {
                    on: self.closed_on.or(self.realised_on),
                    follow_up: done,
                    audit: None,
                    settles: false,
                });
            }
            RecordState::Open | RecordState::InProgress => {}
        }
        for c in self.checks.iter().filter(|_| with_checks) {
            let (follow_up, settles) = match c.result {
                CheckResult::Conforming if self.kind.is_nonconformity() => (FollowUp::Lifted, true),
                CheckResult::Conforming => (FollowUp::NotRenewed, true),
                CheckResult::Again => (FollowUp::Persistent, true),
                CheckResult::NotAssessed => (FollowUp::NotAssessed, false),
            };
            events.push(Event {
                on: Some(c.on),
                follow_up,
                audit: Some(c.audit),
                settles,
            });
        }
        // Undated records first; at one date, the records before the audit. A fiche lifted and
        // the state closed on the same day are one event.
        events.sort_by_key(|e| (e.on, e.audit.is_some()));
        events.dedup_by(|b, a| a.on == b.on && a.follow_up == b.follow_up && a.audit == b.audit);
        events
    }

    /// The state of the entry at `at`: the events (records of the quality manager or of the
    /// fiche, later audits) dated on or before `at`, in date order, until one audit settles
    /// it. An undated record (a state typed without its date) counts at every date.
    #[must_use]
    pub fn state_at(&self, at: NaiveDate) -> EntryState {
        let mut follow_up = FollowUp::Pending;
        let mut since = None;
        let mut by_audit = None;
        for e in self.events() {
            if e.on.is_some_and(|d| d > at) {
                break;
            }
            // A later audit that does not assess the target says nothing about what the
            // quality manager recorded.
            if e.follow_up == FollowUp::NotAssessed
                && !matches!(follow_up, FollowUp::Pending | FollowUp::NotAssessed)
            {
                continue;
            }
            follow_up = e.follow_up;
            since = e.on;
            by_audit = e.audit;
            if e.settles {
                break;
            }
        }
        let (standing, days_left) = if follow_up.is_done() {
            (Standing::Done, None)
        } else if follow_up == FollowUp::Persistent {
            (Standing::CarriedOver, None)
        } else {
            match self.due {
                None => (Standing::Open, None),
                Some(due) => {
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
            }
        };
        EntryState {
            at,
            follow_up,
            since,
            by_audit,
            standing,
            days_left,
        }
    }

    /// What happened after `at`: each later event (date, what it made of the entry, the audit
    /// when an audit), for the columns that show what followed the date apart from the state
    /// at it.
    #[must_use]
    pub fn later_than(&self, at: NaiveDate) -> Vec<(NaiveDate, FollowUp, Option<usize>)> {
        let mut out = Vec::new();
        let mut settled = false;
        for e in self.events() {
            if settled {
                break;
            }
            settled = e.settles;
            if let Some(on) = e.on.filter(|d| *d > at) {
                out.push((on, e.follow_up, e.audit));
            }
        }
        out
    }

    /// The first later audit that covers the target, and its verdict there.
    #[must_use]
    pub fn next_check(&self) -> Option<&Check> {
        self.checks.first()
    }
}

/// What one audit found: its nonconformities and observations.
pub(crate) struct Found {
    ecarts: Vec<(crate::Ecart<'static>, Option<crate::FicheEcart>)>,
    observations: Vec<crate::ObservationItem<'static>>,
}

impl Found {
    pub(crate) fn of(
        audit: &Audit,
        ecarts: impl Iterator<Item = crate::Ecart<'static>>,
        observations: impl Iterator<Item = crate::ObservationItem<'static>>,
    ) -> Found {
        Found {
            ecarts: ecarts
                .map(|e| {
                    let fiche = if e.has_fiche {
                        audit.fiche(e.target, e.grade).cloned()
                    } else {
                        None
                    };
                    (e, fiche)
                })
                .collect(),
            observations: observations
                .filter(|o| {
                    matches!(
                        o.kind,
                        ObservationKind::AreaOfConcern | ObservationKind::OpportunityForImprovement
                    )
                })
                .collect(),
        }
    }
}

/// `e17`, `m:pilotage:5`, `r:internet:3`.
pub(crate) fn source_key(source: Source) -> String {
    match source {
        Source::Engagement(n) => format!("e{n}"),
        Source::Management(id) => format!("m:{}:{}", id.section, id.item),
        Source::Remote {
            channel,
            engagement,
        } => format!("r:{}:{engagement}", channel.code()),
    }
}

/// The key of the `rank`-th finding of `kind` at `source` in `audit`.
fn key(audit: &DossierAudit, source: Source, kind: FindingKind, rank: usize) -> String {
    format!(
        "{}|{}|{}|{}|{}|{rank}",
        audit.dates.start,
        if audit.kind.internal { "I" } else { "E" },
        audit.kind.audit_type.map_or("-", AuditType::code),
        source_key(source),
        kind.code()
    )
}

pub(crate) fn ecart_source(target: EcartTarget) -> Source {
    match target {
        EcartTarget::Engagement(n) => Source::Engagement(n),
        EcartTarget::Management(id) => Source::Management(id),
    }
}

/// The verdict and observations of `source` in `audit`, when the audit holds it.
fn assessed(
    audit: &Audit,
    source: Source,
) -> Option<(Option<Verdict>, Vec<ObservationKind>, bool)> {
    match source {
        Source::Engagement(n) => audit.assessment(n).map(|a| {
            (
                a.verdict,
                a.observations.iter().map(|o| o.kind).collect(),
                a.verdict.is_some_and(|v| v != Verdict::NotApplicable),
            )
        }),
        Source::Management(id) => audit.management.iter().find(|m| m.id() == id).map(|m| {
            (
                m.verdict,
                m.observations.iter().map(|o| o.kind).collect(),
                m.verdict.is_some_and(|v| v != Verdict::NotApplicable),
            )
        }),
        Source::Remote {
            channel,
            engagement,
        } => audit
            .remote_checks
            .iter()
            .find(|r| r.channel == channel && r.engagement == engagement)
            .map(|r| {
                (
                    None,
                    r.observations.iter().map(|o| o.kind).collect(),
                    r.note
                        .is_some_and(|n| n != crate::RemoteNote::NonApplicable),
                )
            }),
    }
}

/// Whether `audit` covers `source`: its module (any audit for a management item).
fn covers(referentiel: &Referentiel, audit: &DossierAudit, source: Source) -> bool {
    let engagement = match source {
        Source::Management(_) => return true,
        Source::Engagement(n) | Source::Remote { engagement: n, .. } => n,
    };
    referentiel
        .engagement(engagement)
        .is_some_and(|e| audit.modules.contains(&e.module))
}

/// What `later` found about an entry of `kind` at `source`.
fn check(
    referentiel: &Referentiel,
    later: &Audit,
    entry: &DossierAudit,
    source: Source,
    kind: FindingKind,
) -> Option<Check> {
    // `entry` is the later audit's place in the dossier.
    if !covers(referentiel, entry, source) {
        return None;
    }
    let found = assessed(later, source);
    let (verdict, result) = match (found, kind.observation()) {
        (None, _) => (None, CheckResult::NotAssessed),
        (Some((verdict, _, _)), None) => (
            verdict,
            match verdict {
                Some(Verdict::Conformity) => CheckResult::Conforming,
                Some(Verdict::MinorNonconformity | Verdict::MajorNonconformity) => {
                    CheckResult::Again
                }
                Some(Verdict::NotApplicable) | None => CheckResult::NotAssessed,
            },
        ),
        (Some((verdict, kinds, assessed)), Some(observation)) => (
            verdict,
            if kinds.contains(&observation) {
                CheckResult::Again
            } else if assessed {
                CheckResult::Conforming
            } else {
                CheckResult::NotAssessed
            },
        ),
    };
    Some(Check {
        audit: entry.index,
        on: entry.dates.start,
        result,
        verdict,
    })
}

/// The ledger of the audits: one entry per finding, numbered in order, with what the later
/// audits found; and the diagnostics of the écarts' follow-up.
pub(crate) fn build(
    referentiel: &Referentiel,
    sources: &[Audit],
    audits: &[DossierAudit],
    found: Vec<Option<Found>>,
    options: &DossierOptions,
) -> (Vec<Entry>, Vec<HistoryDiagnostic>) {
    let mut entries: Vec<Entry> = Vec::new();
    let mut diagnostics = Vec::new();
    for (index, found) in found.into_iter().enumerate() {
        let (Some(found), Some(audit), Some(source_audit)) =
            (found, audits.get(index), sources.get(index))
        else {
            continue;
        };
        let origin = |fiche: Option<u32>| Origin {
            kind: if audit.kind.internal {
                OriginKind::InternalAudit
            } else {
                OriginKind::ExternalAudit
            },
            audit: Some(index),
            date: Some(audit.dates.start),
            audit_type: audit.kind.audit_type,
            fiche,
            text: None,
        };
        let mut ranks: Vec<(Source, FindingKind)> = Vec::new();
        let mut rank_of = |source: Source, kind: FindingKind| {
            ranks.push((source, kind));
            ranks.iter().filter(|r| **r == (source, kind)).count()
        };
        // The planned external audit of an internal audit: its own, the option's, or the
        // next external audit of the dossier.
        let external = if audit.kind.internal {
            audit.kind.external_on.or(options.external_on).or_else(|| {
                audits
                    .iter()
                    .skip(index + 1)
                    .find(|a| !a.kind.internal && a.takes_part())
                    .map(|a| a.dates.start)
            })
        } else {
            None
        };
        for (e, fiche) in found.ecarts {
            let source = ecart_source(e.target);
            let kind = FindingKind::of_grade(e.grade);
            let (mut due, mut due_source) = (e.due, e.due_source);
            if let (Some(day), DueSource::Policy) = (external, due_source) {
                due = day.pred_opt();
                due_source = DueSource::ExternalAudit;
            }
            let fiche_status = fiche.as_ref().map(|f| f.status.clone());
            let (state, closed_on, evidence, efficacy) = match &fiche_status {
                Some(ActionStatus::InProgress) => {
                    (RecordState::InProgress, None, None, Efficacy::default())
                }
                Some(ActionStatus::Lifted { on, evidence }) => (
                    RecordState::Closed,
                    Some(*on),
                    Some(evidence.clone()).filter(|t| !t.is_empty()),
                    Efficacy::default(),
                ),
                Some(ActionStatus::NotLifted { on, reason }) => (
                    RecordState::InProgress,
                    None,
                    None,
                    Efficacy {
                        on: Some(*on),
                        by: None,
                        result: Some(reason.clone()).filter(|t| !t.is_empty()),
                    },
                ),
                Some(ActionStatus::Open) | None => {
                    (RecordState::Open, None, None, Efficacy::default())
                }
            };
            if let (Some(day), DueSource::Fiche) = (e.due, e.due_source) {
                if day < audit.dates.end {
                    diagnostics.push(rules::due_before_audit(
                        audit,
                        source_audit,
                        e.target,
                        e.grade,
                        day,
                    ));
                }
            }
            let rank = rank_of(source, kind);
            entries.push(Entry {
                number: 0,
                key: Some(key(audit, source, kind, rank)),
                origin: origin(fiche.as_ref().and_then(|f| f.number)),
                source: Some(source),
                requirement_text: None,
                title: e.title.into_owned(),
                kind,
                finding: e.finding.into_owned(),
                requirement: e.requirement.into_owned(),
                risk: None,
                cause: fiche.as_ref().and_then(|f| f.cause.clone()),
                action: e.corrective_action.map(std::borrow::Cow::into_owned),
                leader: fiche.as_ref().and_then(|f| f.leader.clone()),
                due,
                due_source: Some(due_source),
                due_from_plan: false,
                progress: None,
                realised_on: None,
                evidence,
                efficacy,
                state,
                closed_on,
                comment: fiche.as_ref().and_then(|f| f.response.clone()),
                fiche_status,
                checks: Vec::new(),
                carried_by: None,
                cell: None,
            });
        }
        for o in found.observations {
            let kind = match o.kind {
                ObservationKind::AreaOfConcern => FindingKind::AreaOfConcern,
                _ => FindingKind::OpportunityForImprovement,
            };
            let rank = rank_of(o.source, kind);
            entries.push(Entry {
                number: 0,
                key: Some(key(audit, o.source, kind, rank)),
                origin: origin(None),
                source: Some(o.source),
                requirement_text: None,
                title: o.title.into_owned(),
                kind,
                finding: o.text.into_owned(),
                requirement: String::new(),
                risk: o.risk.map(std::borrow::Cow::into_owned),
                cause: None,
                action: None,
                leader: None,
                due: None,
                due_source: None,
                due_from_plan: false,
                progress: None,
                realised_on: None,
                evidence: None,
                efficacy: Efficacy::default(),
                state: RecordState::Open,
                closed_on: None,
                comment: None,
                fiche_status: None,
                checks: Vec::new(),
                carried_by: None,
                cell: None,
            });
        }
    }
    for (i, entry) in entries.iter_mut().enumerate() {
        entry.number = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1);
    }
    // What later audits found, and which later entry carries a finding found again.
    let mut all_checks = Vec::with_capacity(entries.len());
    let mut carriers = Vec::with_capacity(entries.len());
    for entry in &entries {
        let mut checks = Vec::new();
        let mut carrier = None;
        if let (Some(source), Some(from)) = (entry.source, entry.origin.audit) {
            for later in audits.iter().skip(from + 1).filter(|a| a.takes_part()) {
                let Some(later_audit) = sources.get(later.index) else {
                    continue;
                };
                let Some(c) = check(referentiel, later_audit, later, source, entry.kind) else {
                    continue;
                };
                checks.push(c);
                if c.result == CheckResult::Again {
                    carrier = entries
                        .iter()
                        .find(|e| {
                            e.origin.audit == Some(later.index)
                                && e.source == Some(source)
                                && if entry.kind.is_nonconformity() {
                                    e.kind.is_nonconformity()
                                } else {
                                    e.kind == entry.kind
                                }
                        })
                        .map(|e| e.number);
                }
                if c.result != CheckResult::NotAssessed {
                    break;
                }
            }
            if entry.kind.is_nonconformity() {
                diagnostics.extend(ecart_rules(entry, &checks, audits, sources));
            }
        }
        all_checks.push(checks);
        carriers.push(carrier);
    }
    for ((entry, checks), carrier) in entries.iter_mut().zip(all_checks).zip(carriers) {
        entry.checks = checks;
        entry.carried_by = carrier;
    }
    (entries, diagnostics)
}

/// The follow-up rules of a nonconformity: overdue at the next audit, not assessed there.
fn ecart_rules(
    entry: &Entry,
    checks: &[Check],
    audits: &[DossierAudit],
    sources: &[Audit],
) -> Vec<HistoryDiagnostic> {
    let mut out = Vec::new();
    let (Some(first), Some(from), Some(target), Some(grade)) = (
        checks.first(),
        entry.origin.audit,
        entry.ecart_target(),
        entry.kind.grade(),
    ) else {
        return out;
    };
    let (Some(audit), Some(next)) = (audits.get(from), audits.get(first.audit)) else {
        return out;
    };
    let within = rules::ecart_within(sources.get(from), target, grade);
    let lifted_on = match &entry.fiche_status {
        Some(ActionStatus::Lifted { on, .. }) => Some(*on),
        _ => None,
    };
    let lifted_by_then = first.result == CheckResult::Conforming
        || lifted_on.is_some_and(|on| on <= next.dates.start);
    if entry.due.is_some_and(|d| d < next.dates.start) && !lifted_by_then {
        out.push(rules::overdue(
            audit, &within, target, grade, entry.due, next,
        ));
    }
    if first.result == CheckResult::NotAssessed && lifted_on.is_none() {
        out.push(rules::not_mentioned(audit, &within, target, grade, next));
    }
    out
}
