//! What an audit says of each engagement and management item: assessments and observations.

use serde::{Deserialize, Serialize};

use crate::model::ids::{EngagementNumber, ManagementItemId, ManagementSection, ModuleNumber};
use crate::{ObservationKind, Verdict};

/// An auditor's observation: a point fort, a point sensible (with its risk) or a piste de
/// progrès.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// `PF`, `PS` or `PP`.
    pub kind: ObservationKind,
    /// The text, verbatim.
    pub text: String,
    /// For a `PS`, the associated risk when the report states it separately.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<String>,
}

impl Observation {
    /// An observation of kind `kind` with text `text` and no separate risk.
    #[must_use]
    pub fn new(kind: ObservationKind, text: impl Into<String>) -> Self {
        Observation {
            kind,
            text: text.into(),
            risk: None,
        }
    }

    /// A point fort (`PF`).
    #[must_use]
    pub fn strength(text: impl Into<String>) -> Self {
        Observation::new(ObservationKind::Strength, text)
    }

    /// A point sensible (`PS`) with its associated risk.
    ///
    /// ```
    /// use qualepref::{Observation, ObservationKind};
    /// let ps = Observation::area_of_concern("Attente longue au guichet", "Tensions à l'accueil");
    /// assert_eq!(ps.kind, ObservationKind::AreaOfConcern);
    /// assert_eq!(ps.risk.as_deref(), Some("Tensions à l'accueil"));
    /// ```
    #[must_use]
    pub fn area_of_concern(text: impl Into<String>, risk: impl Into<String>) -> Self {
        Observation {
            risk: Some(risk.into()),
            ..Observation::new(ObservationKind::AreaOfConcern, text)
        }
    }

    /// A piste de progrès (`PP`).
    #[must_use]
    pub fn opportunity_for_improvement(text: impl Into<String>) -> Self {
        Observation::new(ObservationKind::OpportunityForImprovement, text)
    }
}

/// The assessment of one engagement on site (a row of the report's section 3).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// The engagement's number.
    pub engagement: EngagementNumber,
    /// The module the report files it under.
    pub module: ModuleNumber,
    /// The verdict; `None` when the report gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// A comment that is not an observation, e.g. the justification of an `NA`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// What the auditor consulted or whom they met (« éléments de preuve »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The observations, in the report's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
}

impl Assessment {
    /// An assessment of engagement `engagement` in module `module` with verdict `verdict` and
    /// nothing else.
    #[must_use]
    pub fn new(engagement: EngagementNumber, module: ModuleNumber, verdict: Verdict) -> Self {
        Assessment {
            engagement,
            module,
            verdict: Some(verdict),
            comment: None,
            evidence: None,
            observations: Vec::new(),
        }
    }

    /// An assessment of engagement `engagement` in module `module` without verdict yet, as
    /// [`Audit::skeleton`](crate::Audit::skeleton) makes them.
    #[must_use]
    pub fn unassessed(engagement: EngagementNumber, module: ModuleNumber) -> Self {
        Assessment {
            verdict: None,
            ..Assessment::new(engagement, module, Verdict::Conformity)
        }
    }

    /// This assessment with `observation` added after the others.
    #[must_use]
    pub fn with_observation(mut self, observation: Observation) -> Self {
        self.observations.push(observation);
        self
    }

    /// This assessment with `comment` (e.g. the justification of an `NA`).
    #[must_use]
    pub fn with_comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }
}

/// The assessment of one management item.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManagementAssessment {
    /// The section.
    pub section: ManagementSection,
    /// The item's number within the section.
    pub item: u8,
    /// The verdict; `None` when the report gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// A comment that is not an observation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// What the auditor consulted or whom they met (« éléments de preuve »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The observations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
}

impl ManagementAssessment {
    /// The assessment of management item `id` with `verdict` (`None`: not assessed yet) and
    /// nothing else.
    ///
    /// ```
    /// use qualepref::{ManagementAssessment, ManagementItemId, ManagementSection, Verdict};
    /// let id = ManagementItemId::new(ManagementSection::Pilotage, 5);
    /// let m = ManagementAssessment::new(id, Some(Verdict::MinorNonconformity));
    /// assert_eq!(m.id(), id);
    /// ```
    #[must_use]
    pub fn new(id: ManagementItemId, verdict: Option<Verdict>) -> Self {
        ManagementAssessment {
            section: id.section,
            item: id.item,
            verdict,
            comment: None,
            evidence: None,
            observations: Vec::new(),
        }
    }

    /// This assessment with `observation` added after the others.
    #[must_use]
    pub fn with_observation(mut self, observation: Observation) -> Self {
        self.observations.push(observation);
        self
    }

    /// The item assessed.
    #[must_use]
    pub fn id(&self) -> ManagementItemId {
        ManagementItemId {
            section: self.section,
            item: self.item,
        }
    }
}
