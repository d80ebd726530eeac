//! Identifiers: module numbers, engagement numbers and management items, each a checked type.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoStaticStr};

use crate::Error;
use crate::base::wire::wire_enum;

/// A module number, 1 to 8. A module number cannot be 0 or 9.
///
/// ```
/// use qualepref::ModuleNumber;
/// assert_eq!(ModuleNumber::new(2).map(ModuleNumber::get), Some(2));
/// assert!(ModuleNumber::new(9).is_none());
/// assert!("9".parse::<ModuleNumber>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct ModuleNumber(pub(crate) u8);

impl ModuleNumber {
    /// Module 1, « Relation générale avec les usagers », obligatory for every labelled site.
    pub const ONE: ModuleNumber = ModuleNumber(1);
    /// The lowest module number.
    pub const MIN: u8 = 1;
    /// The highest module number.
    pub const MAX: u8 = 8;

    /// The module number `n`, if `n` is within 1–8.
    #[must_use]
    pub const fn new(n: u8) -> Option<Self> {
        if n >= Self::MIN && n <= Self::MAX {
            Some(ModuleNumber(n))
        } else {
            None
        }
    }

    /// The number as an integer.
    #[must_use]
    pub const fn get(self) -> u8 {
        self.0
    }

    /// The eight module numbers, in order.
    pub fn all() -> impl Iterator<Item = ModuleNumber> {
        (Self::MIN..=Self::MAX).map(ModuleNumber)
    }
}

impl TryFrom<u8> for ModuleNumber {
    type Error = Error;

    fn try_from(n: u8) -> Result<Self, Error> {
        ModuleNumber::new(n).ok_or_else(|| Error::InvalidValue {
            what: "module number",
            value: n.to_string(),
            reason: "a module number is between 1 and 8",
        })
    }
}

impl From<ModuleNumber> for u8 {
    fn from(m: ModuleNumber) -> u8 {
        m.0
    }
}

impl fmt::Display for ModuleNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for ModuleNumber {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let n: u8 = s.trim().parse().map_err(|_| Error::InvalidValue {
            what: "module number",
            value: s.to_owned(),
            reason: "a module number is between 1 and 8",
        })?;
        ModuleNumber::try_from(n)
    }
}

/// An engagement number, 1 to 999. Engagements are numbered continuously across modules.
///
/// ```
/// use qualepref::EngagementNumber;
/// let n: EngagementNumber = "17".parse()?;
/// assert_eq!(n.get(), 17);
/// assert!(EngagementNumber::new(0).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct EngagementNumber(pub(crate) u16);

impl EngagementNumber {
    /// The highest engagement number accepted.
    pub const MAX: u16 = 999;

    /// The engagement number `n`, if `n` is within 1–999.
    #[must_use]
    pub const fn new(n: u16) -> Option<Self> {
        if n >= 1 && n <= Self::MAX {
            Some(EngagementNumber(n))
        } else {
            None
        }
    }

    /// The number as an integer.
    #[must_use]
    pub const fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u16> for EngagementNumber {
    type Error = Error;

    fn try_from(n: u16) -> Result<Self, Error> {
        EngagementNumber::new(n).ok_or_else(|| Error::InvalidValue {
            what: "engagement number",
            value: n.to_string(),
            reason: "an engagement number is between 1 and 999",
        })
    }
}

impl From<EngagementNumber> for u16 {
    fn from(n: EngagementNumber) -> u16 {
        n.0
    }
}

impl fmt::Display for EngagementNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for EngagementNumber {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let n: u16 = s.trim().parse().map_err(|_| Error::InvalidValue {
            what: "engagement number",
            value: s.to_owned(),
            reason: "an engagement number is between 1 and 999",
        })?;
        EngagementNumber::try_from(n)
    }
}

/// The two management sections that every audit assesses beside the modules.
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
pub enum ManagementSection {
    /// PILOTAGE DE LA POLITIQUE QUALITE (wire form `pilotage`).
    Pilotage,
    /// DEMARCHE DE LABELLISATION (wire form `labellisation`).
    Labellisation,
}

impl ManagementSection {
    /// The section's heading in `language`: [`heading`](ManagementSection::heading) or
    /// [`heading_en`](ManagementSection::heading_en).
    #[must_use]
    pub const fn label(self, language: crate::Language) -> &'static str {
        match language {
            crate::Language::Fr => self.heading(),
            crate::Language::En => self.heading_en(),
        }
    }

    /// The wire form: `pilotage` or `labellisation`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The heading as printed in reports, e.g. `PILOTAGE DE LA POLITIQUE QUALITE`.
    #[must_use]
    pub const fn heading(self) -> &'static str {
        match self {
            ManagementSection::Pilotage => "PILOTAGE DE LA POLITIQUE QUALITE",
            ManagementSection::Labellisation => "DEMARCHE DE LABELLISATION",
        }
    }

    /// The heading in English.
    #[must_use]
    pub const fn heading_en(self) -> &'static str {
        match self {
            ManagementSection::Pilotage => "Quality policy management",
            ManagementSection::Labellisation => "Labelling process",
        }
    }
}

wire_enum!(
    ManagementSection,
    "management section",
    "pilotage, labellisation",
    [Pilotage, Labellisation]
);

/// One management item: its section and its number within the section, e.g. `pilotage 5`
/// (Comité des usagers).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManagementItemId {
    /// The section.
    pub section: ManagementSection,
    /// The item's number within its section, from 1.
    pub item: u8,
}

impl ManagementItemId {
    /// Item `item` of section `section`, e.g. `pilotage 5` (Comité des usagers).
    #[must_use]
    pub const fn new(section: ManagementSection, item: u8) -> ManagementItemId {
        ManagementItemId { section, item }
    }
}

impl fmt::Display for ManagementItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.section, self.item)
    }
}
