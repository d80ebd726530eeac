//! The language of generated texts, and the wording shared by the synthesis and the renderers:
//! dates, percentages, verdict and observation labels.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
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
    /// The code: `fr` or `en`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    /// `fr` or `en` text, by language.
    pub(crate) const fn pick(self, fr: &'static str, en: &'static str) -> &'static str {
        match self {
            Language::Fr => fr,
            Language::En => en,
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

/// A date as reports print it: `18/11/2019` in French, `2019-11-18` in English.
pub(crate) fn date(date: NaiveDate, language: Language) -> String {
    let (y, m, d) = (date.year(), date.month(), date.day());
    match language {
        Language::Fr => format!("{d:02}/{m:02}/{y:04}"),
        Language::En => format!("{y:04}-{m:02}-{d:02}"),
    }
}

/// The plural `s` of a French or English noun when `n` is not 1 (French: 0 and 1 are singular).
pub(crate) fn plural(n: u32, language: Language) -> &'static str {
    match language {
        Language::Fr if n > 1 => "s",
        Language::En if n != 1 => "s",
        _ => "",
    }
}
