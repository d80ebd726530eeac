//! The remote checks (« audit à distance »): channel, note, observations.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use strum::{EnumIter, IntoStaticStr};

use crate::Error;
use crate::base::wire::wire_enum;
use crate::model::assessment::Observation;
use crate::model::ids::{EngagementNumber, ModuleNumber};
use crate::text::key;

/// A remote-audit channel (« audit à distance »).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    EnumIter,
    IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum RemoteChannel {
    /// The website.
    Internet,
    /// The telephone (standard, SVI, SART).
    Telephone,
    /// E-mails.
    Courriels,
}

impl RemoteChannel {
    /// The wording in `language`: [`label_fr`](RemoteChannel::label_fr) or [`label_en`](RemoteChannel::label_en).
    #[must_use]
    pub const fn label(self, language: crate::Language) -> &'static str {
        match language {
            crate::Language::Fr => self.label_fr(),
            crate::Language::En => self.label_en(),
        }
    }

    /// The wire form: `internet`, `telephone`, `courriels`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The section title as printed in reports after « AUDIT A DISTANCE : ».
    #[must_use]
    pub const fn label_fr(self) -> &'static str {
        match self {
            RemoteChannel::Internet => "Internet",
            RemoteChannel::Telephone => "Téléphone (standard, SVI, SART)",
            RemoteChannel::Courriels => "Courriels",
        }
    }

    /// The English label.
    #[must_use]
    pub const fn label_en(self) -> &'static str {
        match self {
            RemoteChannel::Internet => "Website",
            RemoteChannel::Telephone => "Telephone (switchboard, IVR, SART)",
            RemoteChannel::Courriels => "E-mail",
        }
    }
}

wire_enum!(
    RemoteChannel,
    "remote channel",
    "internet, telephone, courriels",
    [Internet, Telephone, Courriels]
);

/// The note of a remote check (« Note : Conforme »).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumIter, IntoStaticStr)]
pub enum RemoteNote {
    /// `Conforme`.
    #[strum(serialize = "Conforme")]
    Conforme,
    /// `Non conforme`.
    #[strum(serialize = "Non conforme")]
    NonConforme,
    /// `Non applicable`.
    #[strum(serialize = "Non applicable")]
    NonApplicable,
}

impl RemoteNote {
    /// The three notes, best first.
    pub const ALL: &'static [RemoteNote] = &[
        RemoteNote::Conforme,
        RemoteNote::NonConforme,
        RemoteNote::NonApplicable,
    ];

    /// The note in words in `language`: `Conforme` (the report's own word, also its code),
    /// `conforming`.
    #[must_use]
    pub const fn label(self, language: crate::Language) -> &'static str {
        match (self, language) {
            (RemoteNote::Conforme, crate::Language::Fr) => "Conforme",
            (RemoteNote::NonConforme, crate::Language::Fr) => "Non conforme",
            (RemoteNote::NonApplicable, crate::Language::Fr) => "Non applicable",
            (RemoteNote::Conforme, crate::Language::En) => "conforming",
            (RemoteNote::NonConforme, crate::Language::En) => "nonconforming",
            (RemoteNote::NonApplicable, crate::Language::En) => "not applicable",
        }
    }

    /// The canonical form: `Conforme`, `Non conforme`, `Non applicable`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }
}

impl fmt::Display for RemoteNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for RemoteNote {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        match key(s).as_str() {
            "conforme" | "c" => Ok(RemoteNote::Conforme),
            "nonconforme" | "nc" => Ok(RemoteNote::NonConforme),
            "nonapplicable" | "na" => Ok(RemoteNote::NonApplicable),
            _ => Err(Error::UnknownCode {
                what: "remote note",
                value: s.to_owned(),
                expected: "Conforme, Non conforme, Non applicable",
            }),
        }
    }
}

impl Serialize for RemoteNote {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for RemoteNote {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// One remote check of an engagement on a channel.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemoteCheck {
    /// The channel.
    pub channel: RemoteChannel,
    /// The engagement checked (not necessarily of the channel's group).
    pub engagement: EngagementNumber,
    /// The module the report files it under.
    pub module: ModuleNumber,
    /// The note; `None` when the report gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<RemoteNote>,
    /// A comment that is neither the note nor an observation, e.g. « 5 appels passés, décroché
    /// en moins de 4 sonneries ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The observations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
}

impl RemoteCheck {
    /// A remote check of engagement `engagement` (filed under `module`) on `channel`, with
    /// `note` and no observation.
    #[must_use]
    pub fn new(
        channel: RemoteChannel,
        engagement: EngagementNumber,
        module: ModuleNumber,
        note: RemoteNote,
    ) -> RemoteCheck {
        RemoteCheck {
            channel,
            engagement,
            module,
            note: Some(note),
            comment: None,
            observations: Vec::new(),
        }
    }

    /// This check with `comment` (text that is neither the note nor an observation).
    ///
    /// ```
    /// use qualepref::{EngagementNumber, ModuleNumber, RemoteChannel, RemoteCheck, RemoteNote};
    /// let one = EngagementNumber::try_from(1)?;
    /// let check = RemoteCheck::new(RemoteChannel::Telephone, one, ModuleNumber::ONE, RemoteNote::Conforme)
    ///     .with_comment("5 appels passés, décroché en moins de 4 sonneries.");
    /// assert_eq!(check.comment.as_deref(), Some("5 appels passés, décroché en moins de 4 sonneries."));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_comment(mut self, comment: impl Into<String>) -> RemoteCheck {
        self.comment = Some(comment.into());
        self
    }

    /// This check with `observation` added after the others.
    #[must_use]
    pub fn with_observation(mut self, observation: Observation) -> RemoteCheck {
        self.observations.push(observation);
        self
    }
}
