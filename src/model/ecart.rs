//! Fiches d'écart: the record of each nonconformity.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::NcGrade;
use crate::model::ids::{EngagementNumber, ManagementItemId};

/// What a fiche d'écart is about: an engagement or a management item.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum EcartTarget {
    /// An engagement (`{"engagement": 17}`).
    Engagement(EngagementNumber),
    /// A management item (`{"management": {"section": "pilotage", "item": 5}}`).
    Management(ManagementItemId),
}

impl fmt::Display for EcartTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EcartTarget::Engagement(n) => write!(f, "engagement {n}"),
            EcartTarget::Management(id) => write!(f, "management item {id}"),
        }
    }
}

/// A fiche d'écart: the record of one nonconformity.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FicheEcart {
    /// The number the report gives the fiche (« Fiche d'écart n°1 »), kept through imports and
    /// outputs; `None` when the source numbers none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The engagement or management item concerned.
    pub target: EcartTarget,
    /// `NC min` or `NC Maj`.
    pub grade: NcGrade,
    /// What the auditor found (« constat »).
    pub finding: String,
    /// The requirement not met (« exigence »).
    #[serde(default)]
    pub requirement: String,
    /// The cause found, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    /// The corrective action, when decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrective_action: Option<String>,
    /// The date by which the corrective action is due, when set.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::date_wire::optional_date"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub due: Option<NaiveDate>,
    /// Who leads the corrective action (« pilote »), when named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// The audited site's answer to the fiche, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    /// Where the corrective action stands; [`ActionStatus::Open`] when absent from the data.
    #[serde(default, skip_serializing_if = "ActionStatus::is_open")]
    pub status: ActionStatus,
}

/// Where the corrective action of a fiche d'écart stands. Serialised with a `state` tag:
/// `{"state": "open"}`, `{"state": "in_progress"}`,
/// `{"state": "lifted", "on": "2020-03-02", "evidence": "…"}` (« levée d'écart »),
/// `{"state": "not_lifted", "on": "2020-03-02", "reason": "…"}`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ActionStatus {
    /// Opened by the audit; nothing done yet.
    #[default]
    Open,
    /// The action is under way.
    InProgress,
    /// The écart was lifted (« levée d'écart ») on `on`, on the strength of `evidence`.
    Lifted {
        /// The day the écart was found lifted.
        #[serde(deserialize_with = "crate::model::date_wire::date")]
        #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
        on: NaiveDate,
        /// What showed the action effective (document, check, audit).
        evidence: String,
    },
    /// The action was checked on `on` and the écart stays.
    NotLifted {
        /// The day of the check.
        #[serde(deserialize_with = "crate::model::date_wire::date")]
        #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
        on: NaiveDate,
        /// Why the écart stays.
        #[serde(default)]
        reason: String,
    },
}

impl ActionStatus {
    /// Whether the action is [`Open`](ActionStatus::Open) (neither started nor checked).
    #[must_use]
    pub fn is_open(&self) -> bool {
        matches!(self, ActionStatus::Open)
    }

    /// Whether the écart is closed: [`Lifted`](ActionStatus::Lifted).
    #[must_use]
    pub fn is_lifted(&self) -> bool {
        matches!(self, ActionStatus::Lifted { .. })
    }

    /// The wire form of the state: `open`, `in_progress`, `lifted` or `not_lifted`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.state().code()
    }

    /// The state without its date and text.
    pub(crate) fn state(&self) -> ActionState {
        match self {
            ActionStatus::Open => ActionState::Open,
            ActionStatus::InProgress => ActionState::InProgress,
            ActionStatus::Lifted { .. } => ActionState::Lifted,
            ActionStatus::NotLifted { .. } => ActionState::NotLifted,
        }
    }

    /// The day the écart was found lifted or not lifted, if checked.
    #[must_use]
    pub fn checked_on(&self) -> Option<NaiveDate> {
        match self {
            ActionStatus::Lifted { on, .. } | ActionStatus::NotLifted { on, .. } => Some(*on),
            ActionStatus::Open | ActionStatus::InProgress => None,
        }
    }

    /// The evidence of a lifted écart, or the reason of one not lifted (empty otherwise).
    #[must_use]
    pub fn note(&self) -> &str {
        match self {
            ActionStatus::Lifted { evidence: t, .. }
            | ActionStatus::NotLifted { reason: t, .. } => t,
            ActionStatus::Open | ActionStatus::InProgress => "",
        }
    }
}

/// The state of an [`ActionStatus`] without its date and text, as the text form of reports and
/// the grid write it (`ouvert`, `en cours`, `levé`, `non levé`) and read it back (also in
/// English and in its wire form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ActionState {
    Open,
    InProgress,
    Lifted,
    NotLifted,
}

impl ActionState {
    /// The wire form: `open`, `in_progress`, `lifted`, `not_lifted`.
    pub(crate) const fn code(self) -> &'static str {
        match self {
            ActionState::Open => "open",
            ActionState::InProgress => "in_progress",
            ActionState::Lifted => "lifted",
            ActionState::NotLifted => "not_lifted",
        }
    }

    /// The French word the text form and the grid write.
    pub(crate) const fn word_fr(self) -> &'static str {
        match self {
            ActionState::Open => "ouvert",
            ActionState::InProgress => "en cours",
            ActionState::Lifted => "levé",
            ActionState::NotLifted => "non levé",
        }
    }

    /// Reads a state in French (any case, accents, gender, spacing), English or wire form.
    pub(crate) fn parse(text: &str) -> Option<ActionState> {
        match crate::text::key(text).as_str() {
            "ouvert" | "ouverte" | "open" => Some(ActionState::Open),
            "encours" | "inprogress" => Some(ActionState::InProgress),
            "leve" | "levee" | "lifted" => Some(ActionState::Lifted),
            "nonleve" | "nonlevee" | "notlifted" => Some(ActionState::NotLifted),
            _ => None,
        }
    }

    /// The status of this state, checked on `on` with `note` (evidence or reason); `None` for
    /// a checked state without date.
    pub(crate) fn status(self, on: Option<NaiveDate>, note: String) -> Option<ActionStatus> {
        Some(match self {
            ActionState::Open => ActionStatus::Open,
            ActionState::InProgress => ActionStatus::InProgress,
            ActionState::Lifted => ActionStatus::Lifted {
                on: on?,
                evidence: note,
            },
            ActionState::NotLifted => ActionStatus::NotLifted {
                on: on?,
                reason: note,
            },
        })
    }
}

impl FicheEcart {
    /// The fiche of a nonconformity of grade `grade` on `target`, with the auditor's finding
    /// (« constat »); the requirement, corrective action and due date are set with the `with_`
    /// methods.
    ///
    /// ```
    /// use qualepref::{EcartTarget, EngagementNumber, FicheEcart, NcGrade};
    /// let fiche = FicheEcart::new(
    ///     EcartTarget::Engagement(EngagementNumber::try_from(9)?),
    ///     NcGrade::Minor,
    ///     "Le message d'attente annonce des horaires erronés",
    /// )
    /// .with_requirement("Engagement 9: information exacte sur les horaires");
    /// assert!(fiche.corrective_action.is_none());
    /// # Ok::<(), qualepref::Error>(())
    /// ```
    #[must_use]
    pub fn new(target: EcartTarget, grade: NcGrade, finding: impl Into<String>) -> Self {
        FicheEcart {
            number: None,
            target,
            grade,
            finding: finding.into(),
            requirement: String::new(),
            cause: None,
            corrective_action: None,
            due: None,
            leader: None,
            response: None,
            status: ActionStatus::Open,
        }
    }

    /// This fiche with the requirement not met (« exigence »).
    #[must_use]
    pub fn with_requirement(mut self, requirement: impl Into<String>) -> Self {
        self.requirement = requirement.into();
        self
    }

    /// This fiche with its corrective action.
    #[must_use]
    pub fn with_corrective_action(mut self, action: impl Into<String>) -> Self {
        self.corrective_action = Some(action.into());
        self
    }

    /// This fiche with the date its corrective action is due.
    #[must_use]
    pub fn with_due(mut self, due: NaiveDate) -> Self {
        self.due = Some(due);
        self
    }

    /// This fiche with who leads its corrective action (« pilote »).
    #[must_use]
    pub fn with_leader(mut self, leader: impl Into<String>) -> Self {
        self.leader = Some(leader.into());
        self
    }

    /// This fiche with where its corrective action stands.
    ///
    /// ```
    /// use qualepref::{ActionStatus, EcartTarget, EngagementNumber, FicheEcart, NaiveDate, NcGrade};
    /// let lifted = ActionStatus::Lifted {
    ///     on: NaiveDate::from_ymd_opt(2020, 3, 2).ok_or("date")?,
    ///     evidence: "Courriers du BSR tracés et traités sous 5 jours".into(),
    /// };
    /// let fiche = FicheEcart::new(
    ///     EcartTarget::Engagement(EngagementNumber::try_from(17)?),
    ///     NcGrade::Minor,
    ///     "Délai de réponse aux courriers non tenu",
    /// )
    /// .with_status(lifted);
    /// assert!(fiche.status.is_lifted());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_status(mut self, status: ActionStatus) -> Self {
        self.status = status;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::ActionState;

    /// Each state reads back from the word the text form and the grid write, from its wire
    /// form, and in the spellings a user types (feminine, upper case, without accents).
    #[test]
    fn each_state_reads_from_its_word_its_code_and_their_spellings() {
        let states = [
            (ActionState::Open, &["Ouverte", "OPEN"][..]),
            (ActionState::InProgress, &["En cours", "in progress"]),
            (ActionState::Lifted, &["Levée", "leve"]),
            (
                ActionState::NotLifted,
                &["Non levée", "NON-LEVE", "not lifted"],
            ),
        ];
        for (state, spellings) in states {
            assert_eq!(ActionState::parse(state.word_fr()), Some(state));
            assert_eq!(ActionState::parse(state.code()), Some(state));
            for s in spellings {
                assert_eq!(ActionState::parse(s), Some(state), "{s}");
            }
        }
        assert_eq!(ActionState::parse("fermé"), None);
    }
}
