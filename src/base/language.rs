//! The language of generated texts and messages.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Error;

/// The language of generated texts. French is the default: it is the language of the reports.
///
/// ```
/// use qualepref::Language;
/// assert_eq!("en".parse::<Language>()?, Language::En);
/// assert_eq!(Language::default(), Language::Fr);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Language {
    /// French (`fr`), the default.
    #[default]
    Fr,
    /// English (`en`).
    En,
}

impl Language {
    /// Both languages, French first.
    pub const ALL: &'static [Language] = &[Language::Fr, Language::En];

    /// The language in words, in `language`: `français`, `French`.
    #[must_use]
    pub const fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Language::Fr, Language::Fr) => "français",
            (Language::En, Language::Fr) => "anglais",
            (Language::Fr, Language::En) => "French",
            (Language::En, Language::En) => "English",
        }
    }

    /// The code: `fr` or `en`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" | "french" | "français" | "francais" => Ok(Language::Fr),
            "en" | "english" | "anglais" => Ok(Language::En),
            _ => Err(Error::UnknownCode {
                what: "language",
                value: s.to_owned(),
                expected: "fr, en",
            }),
        }
    }
}
