//! The grid reader's wording, in each language: every diagnostic is written in French (the
//! crate's default) and in English from the two tables of this folder. A phrase missing from
//! a language is a missing field of its struct literal, or a missing arm of one of its
//! matches: a compile error, never a fallback.
//!
//! French is written typeset (U+00A0 before `:` and inside `« »`, U+202F before `;` `!`
//! `?`); a unit test checks every message against the rules.

mod en;
mod fr;

use crate::{Carried, EngagementNumber, ImportLevel, ManagementItemId, RemoteChannel};

pub(crate) use en::EN;
pub(crate) use fr::FR;

/// A message in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Msg {
    /// The French text.
    pub(crate) fr: String,
    /// The English text.
    pub(crate) en: String,
}

impl Msg {
    /// The message `phrase` writes, in French and in English.
    pub(crate) fn of(phrase: impl Fn(&Phrases) -> String) -> Msg {
        Msg {
            fr: phrase(&FR),
            en: phrase(&EN),
        }
    }
}

/// What a text read is, for a message: `a comment`, `a point fort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum What {
    Strength,
    Concern,
    Risk,
    Improvement,
    Comment,
    Evidence,
    Title,
    SiteName,
    City,
    Referentiel,
    ReferentielLabel,
    Organisation,
    History,
    AuditorName,
    AuditorRole,
    Phone,
    Email,
    Modules,
    Finding,
    Requirement,
    Cause,
    Action,
    Leader,
    Response,
    StatusNote,
    Paragraph,
    /// The cover's values read as codes.
    Administration,
    Departement,
    AuditType,
    Internal,
}

/// A date field, for a message: `date de début`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Day {
    Start,
    End,
    Signed,
    ExternalOn,
    DecidedOn,
    PlanAcceptedOn,
    Due,
    Status,
}

/// Why a cell is not a date of the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateError {
    /// Neither a date nor a text or a number.
    NotADate,
    /// A text in no form of date read.
    NotADateText,
    /// A serial number out of range.
    Serial,
    /// A date outside the years 2000 to 2100.
    Years,
}

/// An item whose row holds the cell: `engagement 5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Item {
    Engagement(EngagementNumber),
    Management(ManagementItemId),
    Remote(RemoteChannel, EngagementNumber),
    Charte,
}

/// A second value of an item, competing with the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Second {
    Verdict,
    Note,
    Comment,
    Evidence,
}

/// Why a cell, or the rest of a row, is not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Why {
    NoLabel,
    OutsideColumns,
    NotHeader,
    Date(Day, DateError),
    NotRead,
    OutsideSheet,
    NotMeta,
    NotCoverLabel,
    AuditorWithoutName,
    NotWhole,
    UnknownTitle,
    NoEngagementNumber,
    NoManagementItem,
    NoChannel,
    ModuleNotNumber(u8),
    RemoteNoModule(Item),
    NoteWithoutState,
    UnknownState,
    NoteOfUnknownState,
    NoteOfOtherState,
    StateWithoutDate,
    NoteOfStateReadOpen,
    FicheWithoutTarget,
    NotSection,
    NotUnderSection,
    FicheNumberNotWhole,
    /// A plan d'actions accepted without the decision it follows.
    PlanWithoutDecision,
    /// A text of the « Mode d'emploi » sheet that is not the grid's own.
    NotGuidance,
}

/// The grid reader's wording in one language.
pub(crate) struct Phrases {
    /// The level: `warning`, `avertissement`.
    pub(crate) level: fn(ImportLevel) -> &'static str,
    /// One diagnostic as a line: cell, level and message.
    pub(crate) line: fn(cell: &str, level: &str, message: &str) -> String,
    /// A value of the file quoted in a message (cut when long).
    pub(crate) quote: fn(&str) -> String,
    /// Why a cell is not used.
    pub(crate) why: fn(&Why) -> String,
    /// `{why}, not used: {value}`.
    pub(crate) not_used: fn(why: &str, value: &str) -> String,
    /// A text that reads as an assessment: what, what it reads as, its code, the cell it
    /// competes with, the text.
    pub(crate) reads_as: fn(What, Carried, Option<&str>, &str) -> String,
    /// A second row of a cover label, competing with `first`.
    pub(crate) second_row: fn(first: &str, value: &str) -> String,
    /// A cover value not understood.
    pub(crate) not_understood: fn(What, value: &str) -> String,
    /// No date de fin.
    pub(crate) one_day: &'static str,
    /// A module of the cover's list that is no module number.
    pub(crate) not_a_module: fn(value: &str) -> String,
    /// A formula in a cell of an assessment: its cached value (if any), the formula.
    pub(crate) formula_in_assessment: fn(cached: Option<&str>, formula: &str) -> String,
    /// A formula whose cached value was read.
    pub(crate) formula_read: fn(formula: &str, cached: &str) -> String,
    /// A formula without a cached value.
    pub(crate) formula_empty: fn(formula: &str) -> String,
    /// A module sheet with rows, of a module not covered.
    pub(crate) module_not_covered: fn(module: u8, covered: &str) -> String,
    /// No modules covered given.
    pub(crate) modules_from_sheets: &'static str,
    /// The grid was made for another référentiel.
    pub(crate) other_referentiel: fn(grid: &str, read: &str) -> String,
    /// A risk without a point sensible.
    pub(crate) risk_without_concern: fn(value: &str) -> String,
    /// A verdict not understood.
    pub(crate) unknown_verdict: fn(value: &str) -> String,
    /// A remote note not understood.
    pub(crate) unknown_note: fn(value: &str) -> String,
    /// A second value of an item: the item, the value, the first cell (if known), the text.
    pub(crate) competing: fn(Item, Second, Option<&str>, &str) -> String,
    /// A second module of a remote check.
    pub(crate) competing_module: fn(Item, Option<&str>, &str) -> String,
    /// A title that is not the référentiel's.
    pub(crate) title_differs: fn(found: &str, expected: &str) -> String,
    /// An item the référentiel does not know.
    pub(crate) not_in_referentiel: fn(Item, referentiel: &str) -> String,
    /// An engagement on another module's sheet.
    pub(crate) other_module: fn(EngagementNumber, sheet: u8, referentiel: u8) -> String,
    /// A remote check without module.
    pub(crate) module_guessed: fn(module: u8) -> String,
    /// A sheet of a grid written with the names of version 0.2.
    pub(crate) older_name: fn(found: &str, now: &str) -> String,
    /// A cell of a CSV line outside the table's columns.
    #[cfg_attr(not(feature = "csv"), allow(dead_code))] // the CSV reader's
    pub(crate) outside_table: fn(value: &str) -> String,
    /// A value of a CSV line of a kind that does not use it.
    #[cfg_attr(not(feature = "csv"), allow(dead_code))] // the CSV reader's
    pub(crate) not_in_kind: fn(kind: &str, value: &str) -> String,
    /// A CSV table that is not UTF-8.
    #[cfg_attr(not(feature = "csv"), allow(dead_code))] // the CSV reader's
    pub(crate) windows_1252: &'static str,
}

/// `text` cut for a message: whole up to 80 characters, else its first 60 and `…`, and its
/// length (`None` when whole).
pub(crate) fn cut(text: &str) -> (&str, Option<usize>) {
    const MOST: usize = 80;
    const CUT: usize = 60;
    match text.char_indices().nth(CUT) {
        Some((end, _)) if text.char_indices().nth(MOST).is_some() => (
            text.get(..end).unwrap_or_default(),
            Some(text.chars().count()),
        ),
        _ => (text, None),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::i18n::typography::is_typeset;

    /// Every kind of message, with sample values.
    fn samples(p: &Phrases) -> Vec<String> {
        let n = EngagementNumber::new(17).unwrap();
        let id = ManagementItemId::new(crate::ManagementSection::Pilotage, 5);
        let items = [
            Item::Engagement(n),
            Item::Management(id),
            Item::Remote(RemoteChannel::Internet, n),
            Item::Charte,
        ];
        let mut out = vec![
            (p.line)("Module 1!C7", (p.level)(ImportLevel::Warning), "x"),
            (p.not_used)("a", "b"),
            (p.second_row)("Page de garde!B4", "x"),
            p.one_day.to_owned(),
            (p.not_a_module)("9"),
            (p.formula_in_assessment)(Some("C"), "=A1"),
            (p.formula_in_assessment)(None, "=A1"),
            (p.formula_read)("=A1", "3"),
            (p.formula_empty)("=A1"),
            (p.module_not_covered)(2, "1"),
            p.modules_from_sheets.to_owned(),
            (p.other_referentiel)("a", "b"),
            (p.risk_without_concern)("x"),
            (p.unknown_verdict)("CC"),
            (p.unknown_note)("x"),
            (p.competing_module)(items[2], Some("Audit à distance!C4"), "3"),
            (p.title_differs)("a", "b"),
            (p.other_module)(n, 2, 1),
            (p.module_guessed)(1),
            (p.older_name)("Management", "Pilotage et labellisation"),
            (p.outside_table)("x"),
            (p.not_in_kind)("fiche", "x"),
            p.windows_1252.to_owned(),
            (p.quote)(&"é".repeat(100)),
        ];
        for level in [
            ImportLevel::Info,
            ImportLevel::Guessed,
            ImportLevel::Warning,
            ImportLevel::Skipped,
        ] {
            out.push((p.level)(level).to_owned());
        }
        for item in items {
            out.push((p.not_in_referentiel)(item, "qual-e-pref-2019"));
            out.push((p.why)(&Why::RemoteNoModule(item)));
            for second in [
                Second::Verdict,
                Second::Note,
                Second::Comment,
                Second::Evidence,
            ] {
                out.push((p.competing)(item, second, Some("Module 1!C7"), "C"));
                out.push((p.competing)(item, second, None, "C"));
            }
        }
        let whats = [
            What::Strength,
            What::Concern,
            What::Risk,
            What::Improvement,
            What::Comment,
            What::Evidence,
            What::Title,
            What::SiteName,
            What::City,
            What::Referentiel,
            What::ReferentielLabel,
            What::Organisation,
            What::History,
            What::AuditorName,
            What::AuditorRole,
            What::Phone,
            What::Email,
            What::Modules,
            What::Finding,
            What::Requirement,
            What::Cause,
            What::Action,
            What::Leader,
            What::Response,
            What::StatusNote,
            What::Paragraph,
            What::Administration,
            What::Departement,
            What::AuditType,
            What::Internal,
        ];
        for what in whats {
            out.push((p.reads_as)(
                what,
                Carried::Verdict(crate::Verdict::MajorNonconformity),
                Some("Module 1!C7"),
                "NC Maj",
            ));
            out.push((p.reads_as)(
                what,
                Carried::RemoteNote(crate::RemoteNote::Conforme),
                None,
                "Conforme",
            ));
            out.push((p.not_understood)(what, "x"));
        }
        let days = [
            Day::Start,
            Day::End,
            Day::Signed,
            Day::ExternalOn,
            Day::DecidedOn,
            Day::PlanAcceptedOn,
            Day::Due,
            Day::Status,
        ];
        let errors = [
            DateError::NotADate,
            DateError::NotADateText,
            DateError::Serial,
            DateError::Years,
        ];
        for day in days {
            for error in errors {
                out.push((p.why)(&Why::Date(day, error)));
            }
        }
        for why in [
            Why::NoLabel,
            Why::OutsideColumns,
            Why::NotHeader,
            Why::NotRead,
            Why::OutsideSheet,
            Why::NotMeta,
            Why::NotCoverLabel,
            Why::AuditorWithoutName,
            Why::NotWhole,
            Why::UnknownTitle,
            Why::NoEngagementNumber,
            Why::NoManagementItem,
            Why::NoChannel,
            Why::ModuleNotNumber(1),
            Why::NoteWithoutState,
            Why::UnknownState,
            Why::NoteOfUnknownState,
            Why::NoteOfOtherState,
            Why::StateWithoutDate,
            Why::NoteOfStateReadOpen,
            Why::FicheWithoutTarget,
            Why::NotSection,
            Why::NotUnderSection,
            Why::FicheNumberNotWhole,
            Why::PlanWithoutDecision,
            Why::NotGuidance,
        ] {
            out.push((p.why)(&why));
        }
        out
    }

    #[test]
    fn french_messages_are_typeset() {
        for message in samples(&FR) {
            assert!(is_typeset(&message), "{message:?}");
            assert!(!message.contains(" :"), "{message:?}");
        }
    }

    #[test]
    fn both_languages_say_something_different_for_every_message() {
        let (fr, en) = (samples(&FR), samples(&EN));
        assert_eq!(fr.len(), en.len());
        let same: Vec<_> = fr
            .iter()
            .zip(&en)
            .filter(|(f, e)| f == e && !e.is_empty() && e.chars().any(char::is_alphabetic))
            .collect();
        // `info` is the same word in both languages.
        assert_eq!(same, [(&"info".to_owned(), &"info".to_owned())]);
    }
}
