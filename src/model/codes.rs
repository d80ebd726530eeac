//! The French codes of the reports: verdicts (`C`, `NA`, `NC min`, `NC Maj`) and observation
//! kinds (`PF`, `PS`, `PP`).
//!
//! The codes are what auditors write and read, so they are the serialised and displayed forms.
//! Parsing is lenient on case, spacing and separators (`nc maj`, `NC-Maj`, `ncmin`), and on the
//! spelled-out French words (`conforme`, `non-conformité mineure`); display always gives the
//! canonical code. Rust names use the ISO 19011 English words.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use strum::{EnumIter, IntoStaticStr};

use crate::Error;
use crate::text::key;

/// The verdict of an engagement or a management item (column « Conformité » of a report).
///
/// ```
/// use qualepref::Verdict;
/// let v: Verdict = "nc-maj".parse()?;
/// assert_eq!(v, Verdict::MajorNonconformity);
/// assert_eq!(v.to_string(), "NC Maj");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumIter, IntoStaticStr)]
pub enum Verdict {
    /// `C`: conforme.
    #[strum(serialize = "C")]
    Conformity,
    /// `NA`: non applicable.
    #[strum(serialize = "NA")]
    NotApplicable,
    /// `NC min`: non-conformité mineure.
    #[strum(serialize = "NC min")]
    MinorNonconformity,
    /// `NC Maj`: non-conformité majeure.
    #[strum(serialize = "NC Maj")]
    MajorNonconformity,
}

impl Verdict {
    /// The wording in `language`: [`label_fr`](Verdict::label_fr) or [`label_en`](Verdict::label_en).
    #[must_use]
    pub const fn label(self, language: crate::Language) -> &'static str {
        match language {
            crate::Language::Fr => self.label_fr(),
            crate::Language::En => self.label_en(),
        }
    }

    /// The four verdicts, from best to worst: `C`, `NA`, `NC min`, `NC Maj`.
    pub const ALL: &'static [Verdict] = &[
        Verdict::Conformity,
        Verdict::NotApplicable,
        Verdict::MinorNonconformity,
        Verdict::MajorNonconformity,
    ];

    /// The canonical code: `C`, `NA`, `NC min` or `NC Maj`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The French label used in report legends, e.g. `Non-conformité mineure`.
    #[must_use]
    pub const fn label_fr(self) -> &'static str {
        match self {
            Verdict::Conformity => "Conforme",
            Verdict::NotApplicable => "Non applicable",
            Verdict::MinorNonconformity => "Non-conformité mineure",
            Verdict::MajorNonconformity => "Non-conformité majeure",
        }
    }

    /// The English label, e.g. `minor nonconformity`.
    #[must_use]
    pub const fn label_en(self) -> &'static str {
        match self {
            Verdict::Conformity => "conformity",
            Verdict::NotApplicable => "not applicable",
            Verdict::MinorNonconformity => "minor nonconformity",
            Verdict::MajorNonconformity => "major nonconformity",
        }
    }

    /// The grade of a nonconformity, `None` for `C` and `NA`.
    #[must_use]
    pub const fn nonconformity(self) -> Option<NcGrade> {
        match self {
            Verdict::MinorNonconformity => Some(NcGrade::Minor),
            Verdict::MajorNonconformity => Some(NcGrade::Major),
            Verdict::Conformity | Verdict::NotApplicable => None,
        }
    }
}

impl Verdict {
    /// The verdict of a nonconformity of grade `grade`.
    #[must_use]
    pub const fn from_grade(grade: NcGrade) -> Verdict {
        match grade {
            NcGrade::Minor => Verdict::MinorNonconformity,
            NcGrade::Major => Verdict::MajorNonconformity,
        }
    }
}

impl From<NcGrade> for Verdict {
    fn from(grade: NcGrade) -> Self {
        Verdict::from_grade(grade)
    }
}

/// The grade of a nonconformity, as written on a fiche d'écart: `NC min` or `NC Maj`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumIter, IntoStaticStr)]
pub enum NcGrade {
    /// `NC min`: non-conformité mineure.
    #[strum(serialize = "NC min")]
    Minor,
    /// `NC Maj`: non-conformité majeure.
    #[strum(serialize = "NC Maj")]
    Major,
}

impl NcGrade {
    /// The wording in `language`: `non-conformité mineure`, `major nonconformity`.
    #[must_use]
    pub const fn label(self, language: crate::Language) -> &'static str {
        Verdict::from_grade(self).label(language)
    }

    /// Both grades, minor first.
    pub const ALL: &'static [NcGrade] = &[NcGrade::Minor, NcGrade::Major];

    /// The canonical code: `NC min` or `NC Maj`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// The kind of an auditor's observation (column « Appréciation de l'auditeur — Commentaires »).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumIter, IntoStaticStr)]
pub enum ObservationKind {
    /// `PF`: point fort (strength).
    #[strum(serialize = "PF")]
    Strength,
    /// `PS`: point sensible, reported with its associated risk (area of concern).
    #[strum(serialize = "PS")]
    AreaOfConcern,
    /// `PP`: piste de progrès (opportunity for improvement).
    #[strum(serialize = "PP")]
    OpportunityForImprovement,
}

impl ObservationKind {
    /// The wording in `language`: [`label_fr`](ObservationKind::label_fr) or [`label_en`](ObservationKind::label_en).
    #[must_use]
    pub const fn label(self, language: crate::Language) -> &'static str {
        match language {
            crate::Language::Fr => self.label_fr(),
            crate::Language::En => self.label_en(),
        }
    }

    /// The three kinds, in the report's order: `PF`, `PS`, `PP`.
    pub const ALL: &'static [ObservationKind] = &[
        ObservationKind::Strength,
        ObservationKind::AreaOfConcern,
        ObservationKind::OpportunityForImprovement,
    ];

    /// The canonical code: `PF`, `PS` or `PP`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The French label, e.g. `Point sensible`.
    #[must_use]
    pub const fn label_fr(self) -> &'static str {
        match self {
            ObservationKind::Strength => "Point fort",
            ObservationKind::AreaOfConcern => "Point sensible",
            ObservationKind::OpportunityForImprovement => "Piste de progrès",
        }
    }

    /// The English label, e.g. `area of concern`.
    #[must_use]
    pub const fn label_en(self) -> &'static str {
        match self {
            ObservationKind::Strength => "strength",
            ObservationKind::AreaOfConcern => "area of concern",
            ObservationKind::OpportunityForImprovement => "opportunity for improvement",
        }
    }
}

impl FromStr for Verdict {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match key(s).as_str() {
            "c" | "conforme" => Ok(Verdict::Conformity),
            "na" | "nonapplicable" | "sansobjet" => Ok(Verdict::NotApplicable),
            "ncmin" | "ncmineure" | "nonconformitemineure" => Ok(Verdict::MinorNonconformity),
            "ncmaj" | "ncmajeure" | "nonconformitemajeure" => Ok(Verdict::MajorNonconformity),
            _ => Err(Error::UnknownCode {
                what: "verdict",
                value: s.to_owned(),
                expected: "C, NA, NC min, NC Maj",
            }),
        }
    }
}

impl FromStr for NcGrade {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.parse::<Verdict>().ok().and_then(Verdict::nonconformity) {
            Some(grade) => Ok(grade),
            None => Err(Error::UnknownCode {
                what: "nonconformity grade",
                value: s.to_owned(),
                expected: "NC min, NC Maj",
            }),
        }
    }
}

impl FromStr for ObservationKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match key(s).as_str() {
            "pf" | "pointfort" => Ok(ObservationKind::Strength),
            "ps" | "pointsensible" => Ok(ObservationKind::AreaOfConcern),
            "pp" | "pistedeprogres" => Ok(ObservationKind::OpportunityForImprovement),
            _ => Err(Error::UnknownCode {
                what: "observation kind",
                value: s.to_owned(),
                expected: "PF, PS, PP",
            }),
        }
    }
}

/// Display, `Serialize` and `Deserialize` through the canonical code and the lenient parser, so
/// that data read from JSON passed the same checks as data read from text.
macro_rules! code_traits {
    ($($ty:ty),*) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}

code_traits!(Verdict, NcGrade, ObservationKind);

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn codes_round_trip_through_display_and_parse() {
        for v in Verdict::iter() {
            assert_eq!(v.to_string().parse::<Verdict>().ok(), Some(v));
        }
        for k in ObservationKind::iter() {
            assert_eq!(k.to_string().parse::<ObservationKind>().ok(), Some(k));
        }
        for g in NcGrade::iter() {
            assert_eq!(g.to_string().parse::<NcGrade>().ok(), Some(g));
        }
    }

    #[test]
    fn lenient_spellings() {
        for s in [
            "nc maj",
            "NC-Maj",
            "ncmaj",
            " NC  MAJ ",
            "Non-conformité majeure",
        ] {
            assert_eq!(
                s.parse::<Verdict>().ok(),
                Some(Verdict::MajorNonconformity),
                "{s}"
            );
        }
        for s in [
            "nc min",
            "NC_min",
            "NC Min",
            "non-conformite\u{301} mineure",
        ] {
            assert_eq!(
                s.parse::<Verdict>().ok(),
                Some(Verdict::MinorNonconformity),
                "{s}"
            );
        }
        assert_eq!("c".parse::<Verdict>().ok(), Some(Verdict::Conformity));
        assert_eq!("n a".parse::<Verdict>().ok(), Some(Verdict::NotApplicable));
        assert_eq!(
            "pp".parse::<ObservationKind>().ok(),
            Some(ObservationKind::OpportunityForImprovement)
        );
    }

    #[test]
    fn unknown_codes_are_named_in_the_error() {
        let err = "NC".parse::<Verdict>().err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("unknown verdict \"NC\" (expected one of C, NA, NC min, NC Maj)")
        );
        let err = "C".parse::<NcGrade>().err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("unknown nonconformity grade \"C\" (expected one of NC min, NC Maj)")
        );
    }
}
