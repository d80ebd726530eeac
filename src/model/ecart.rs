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
    /// The engagement or management item concerned.
    pub target: EcartTarget,
    /// `NC min` or `NC Maj`.
    pub grade: NcGrade,
    /// What the auditor found (« constat »).
    pub finding: String,
    /// The requirement not met (« exigence »).
    #[serde(default)]
    pub requirement: String,
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
            target,
            grade,
            finding: finding.into(),
            requirement: String::new(),
            corrective_action: None,
            due: None,
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
}
