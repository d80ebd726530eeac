//! The wording of the text import's diagnostics, in each language: `fr.rs`, `en.rs`. Every
//! message of [`ImportDiagnostic`](super::ImportDiagnostic) comes from one field of
//! [`ImportPhrases`]; the readers name what they noticed (its [`Subject`], its [`Place`], the
//! values) and never spell a message. A language is a struct literal, so a message missing in
//! one is a compile error. French is typeset (U+00A0 before `:` and inside `« »`, U+202F before
//! `;`, `!`, `?`); the report's values are quoted verbatim, English quotes them as Rust strings
//! (`"…"`).

use chrono::NaiveDate;

use super::diagnostics::ImportLevel;
use super::read::cells::DateError;
use crate::{
    AdministrationType, AuditType, Carried, Departement, EcartTarget, EngagementNumber, Language,
    ManagementItemId, ModuleNumber, NcGrade, RemoteChannel, ReportField, Verdict,
};

mod en;
mod fr;

impl Language {
    /// The import's wording in this language.
    pub(crate) const fn import(self) -> &'static ImportPhrases {
        match self {
            Language::Fr => &fr::FR,
            Language::En => &en::EN,
        }
    }
}

/// The row a diagnostic is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Subject {
    /// The row of an engagement.
    Engagement(EngagementNumber),
    /// The row of a management item.
    Management(ManagementItemId),
    /// A remote check, on its channel.
    Remote(RemoteChannel, EngagementNumber),
    /// A remote check, whatever its channel (module and title messages).
    RemoteOf(EngagementNumber),
}

/// Where a line stands, as the messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// The title page.
    TitlePage,
    /// The title page, where a lead auditor's phone or e-mail has no auditor above it.
    TitlePageNoAuditor,
    /// Part 1, the page de garde, read field by field.
    PageDeGarde,
    /// Part 1, as a part of the report.
    Part1,
    /// Part 2, the context.
    Part2,
    /// Section 3, the evaluation.
    Section3,
    /// Section 3, under a module heading whose number is no module.
    Section3NoModule,
    /// Part 4, the conclusion.
    Part4,
    /// Part 4, before its first section's heading.
    Part4BeforeSection,
}

/// Where a text that could carry an assessment stands, in the messages of
/// `assessment-not-filed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Spot<'a> {
    /// A line the reader of its place does not understand.
    Line(Place),
    /// A line of a part that holds no assessment, for a field of the audit.
    Part(Place, &'a str),
    /// A line read as layout (a heading, a page header), for a field of the audit.
    Layout(Place, &'a str),
    /// The first cell of a row, whose title is not the référentiel's.
    Title(Subject),
    /// The text of an observation of a row.
    Observation(Subject),
    /// The comment of a row.
    Comment(Subject),
    /// The evidence of a row (« Éléments de preuve »).
    Evidence(Subject),
    /// A verdict in the comment cell of a row without verdict.
    MisplacedVerdict(Subject),
    /// A verdict in the comment cell of a row that has one.
    CommentVerdict(Subject),
    /// A verdict on the line under a row that has one.
    SecondVerdict(Subject),
    /// A note on the line under a remote check that has one.
    SecondNote(Subject),
    /// A second explicit verdict of the charte graphique.
    CharteSecondVerdict,
    /// A labelled text of a fiche d'écart (`Constat`, `Cause`…), with its label as written.
    FicheText(EcartTarget, &'a str),
    /// A fiche d'écart's heading with its grade (`Module 1 engagement 5 — NC Maj`) in another
    /// section of part 4 than the fiches', for a field of the audit.
    FicheGrade(&'a str),
}

/// The value already filed that a text competes with: its line, and whether it is a row's
/// verdict or a remote check's note written on the row's own line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct At {
    /// The line of the value filed.
    pub(crate) line: usize,
    /// The cell of that line the value stands in, when the line holds several values.
    pub(crate) cell: Option<Cell>,
}

/// The cell of a row that holds its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cell {
    /// The verdict of an engagement or a management item.
    Verdict,
    /// The note of a remote check.
    Note,
}

impl At {
    /// The place as [`Unread::conflicts_with`](crate::Unread::conflicts_with) names it, the same
    /// in every language (it is data): `line 80`, `line 80 (verdict)`.
    pub(crate) fn wire(self) -> String {
        match self.cell {
            None => format!("line {}", self.line),
            Some(Cell::Verdict) => format!("line {} (verdict)", self.line),
            Some(Cell::Note) => format!("line {} (note)", self.line),
        }
    }
}

/// Why a fiche d'écart's state has no day it can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StateDay<'a> {
    /// The day written is not a date (the problem, and the day as written).
    Invalid(DateError, &'a str),
    /// No day is written; the state's French word (`levé`).
    Missing(&'static str),
}

/// A figure of the context read from its prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Figure {
    /// `habitants`.
    Population,
    /// `communes`.
    Communes,
    /// `arrondissements`.
    Arrondissements,
    /// `agents`.
    Staff,
}

impl Figure {
    /// The field of `ContextFigures` it fills: `population`, `staff`.
    pub(crate) const fn field(self) -> &'static str {
        match self {
            Figure::Population => "population",
            Figure::Communes => "communes",
            Figure::Arrondissements => "arrondissements",
            Figure::Staff => "staff",
        }
    }
}

/// The import's messages in one language: one field per message, a function of the values it
/// names. Each message is written whole in each language; none is a fallback of another.
pub(crate) struct ImportPhrases {
    /// A level, as the printed line gives it: `warning`, `avertissement`.
    pub(crate) level: fn(ImportLevel) -> &'static str,
    /// The head of the printed line of a diagnostic about line `n`: `line 12: `.
    pub(crate) at_line: fn(usize) -> String,
    /// The head of the printed line of a diagnostic about the whole report: `report: `.
    pub(crate) whole_report: &'static str,

    // --- any part ------------------------------------------------------------------------------
    /// `unrecognised-line`: a line not understood in a place, quoted (cut to 80 characters).
    pub(crate) unrecognised_line: fn(Place, &str) -> String,
    /// `assessment-not-filed`: a text that could carry an assessment, not filed.
    pub(crate) not_filed: fn(Spot<'_>, &str, Carried) -> String,
    /// `assessment-not-filed`: a text that competes with the value filed at a place.
    pub(crate) competing: fn(Spot<'_>, &str, At) -> String,
    /// `text-beside-heading`: a heading (quoted) with text beside it (quoted), not read.
    pub(crate) text_beside_heading: fn(&str, &str) -> String,
    /// Why a text is not a date (the problem, the text): `"18/11/19" has a two-digit year …`.
    pub(crate) date_problem: fn(DateError, &str) -> String,

    // --- the cover -----------------------------------------------------------------------------
    /// `referentiel-differs`: the référentiel named by the title page (as written, the name
    /// and the id of the one used).
    pub(crate) referentiel_named: fn(&str, &str, &str) -> String,
    /// `referentiel-differs`: the référentiel's date (the report's, the one used).
    pub(crate) referentiel_dated: fn(NaiveDate, NaiveDate) -> String,
    /// `referentiel-differs`: the référentiel's revision (the report's, the one used).
    pub(crate) referentiel_revised: fn(NaiveDate, NaiveDate) -> String,
    /// `invalid-date`: a date of the title page that is not one.
    pub(crate) title_date: fn(DateError, &str) -> String,
    /// `invalid-date`: the audit dates of the page de garde, one of which is not a date (the
    /// whole value, the problem, the word that is not a date).
    pub(crate) audit_dates_invalid: fn(&str, DateError, &str) -> String,
    /// Why audit dates are not read: they do not read as « Du … au … ».
    pub(crate) audit_dates_unreadable: fn(&str) -> String,
    /// `invalid-date`: audit dates that do not read as « Du … au … ».
    pub(crate) audit_dates_form: fn(&str) -> String,
    /// `invalid-date`: an auditor's signature date.
    pub(crate) signature_date: fn(DateError, &str) -> String,
    /// `invalid-date`: the date of the planned external audit of an internal audit.
    pub(crate) external_date: fn(DateError, &str) -> String,
    /// `unknown-value`: an administration type the crate does not know.
    pub(crate) administration_unknown: fn(&str) -> String,
    /// `unknown-value`: several administration types checked (their labels, joined).
    pub(crate) administrations_several: fn(&str) -> String,
    /// `unknown-value`: a département code that is not one.
    pub(crate) departement_invalid: fn(&str) -> String,
    /// `unknown-value`: a checkbox of the modules that names no module.
    pub(crate) module_checkbox: fn(&str) -> String,
    /// `unknown-value`: a second audit type checked.
    pub(crate) audit_type_twice: fn(AuditType) -> String,
    /// `unknown-value`: an audit type the crate does not know.
    pub(crate) audit_type_unknown: fn(&str) -> String,

    // --- section 3 -----------------------------------------------------------------------------
    /// `row-out-of-place`: a remote check (engagement number) outside section 3.
    pub(crate) remote_out_of_place: fn(u32, Place) -> String,
    /// `row-out-of-place`: an engagement's row outside section 3, read as one of its rows.
    pub(crate) row_out_of_place: fn(u32, Place) -> String,
    /// `row-out-of-place`: a numbered row with a verdict outside section 3.
    pub(crate) item_out_of_place: fn(u32, Verdict, Place) -> String,
    /// `title-case-or-spacing`: a row's title (found, the référentiel's).
    pub(crate) title_case_or_spacing: fn(Subject, &str, &str) -> String,
    /// `title-differs`: a row's title (found, the référentiel's).
    pub(crate) title_differs: fn(Subject, &str, &str) -> String,
    /// `unknown-engagement`: a number that no engagement can bear.
    pub(crate) engagement_number_invalid: fn(u32) -> String,
    /// `unknown-engagement`: a number that no management item can bear.
    pub(crate) item_number_invalid: fn(u32) -> String,
    /// `unknown-engagement`: a row the référentiel does not know (its title, the référentiel's
    /// id); imported as written.
    pub(crate) not_in_referentiel: fn(Subject, &str, &str) -> String,
    /// `unknown-engagement`: an engagement without module, given or known.
    pub(crate) no_module: fn(EngagementNumber) -> String,
    /// `unknown-engagement`: a remote check of an engagement the référentiel does not know,
    /// without module.
    pub(crate) remote_unknown_engagement: fn(EngagementNumber) -> String,
    /// `module-differs`: a row filed under a module that does not exist (the number written,
    /// the référentiel's module used, if known).
    pub(crate) module_does_not_exist: fn(Subject, u32, Option<ModuleNumber>) -> String,
    /// `module-differs`: an engagement under another module than the référentiel's (the
    /// module written, the référentiel's).
    pub(crate) module_differs: fn(EngagementNumber, ModuleNumber, ModuleNumber) -> String,
    /// `group-differs`: an engagement under another channel-group heading (the heading's
    /// group, the engagement's).
    pub(crate) group_differs: fn(EngagementNumber, Option<&str>, Option<&str>) -> String,
    /// `duplicate-row`: a second row of an engagement or a management item (the first's line).
    pub(crate) duplicate_row: fn(Subject, usize) -> String,
    /// `missing-verdict`: a row without verdict, or a remote check without note.
    pub(crate) missing_verdict: fn(Subject) -> String,
    /// `unknown-verdict`: a row's verdict that is not a code.
    pub(crate) unknown_verdict: fn(Subject, &str) -> String,
    /// `unknown-verdict`: a verdict on the line under a row that is not a code.
    pub(crate) unknown_verdict_under: fn(Subject, &str) -> String,
    /// `unknown-verdict`: a remote check's note that is not a note, kept as its comment.
    pub(crate) unknown_note: fn(Subject, &str) -> String,
    /// `assessment-not-filed`: a verdict where a remote check has its note (the text, the
    /// verdict); the row is not filed.
    pub(crate) remote_verdict: fn(Subject, &str, Verdict) -> String,
    /// `assessment-not-filed`: a verdict on the line under a remote check.
    pub(crate) remote_verdict_under: fn(Subject, &str, Verdict) -> String,
    /// `row-continued`: a line continues the row above it.
    pub(crate) row_continued: fn(ReportField) -> String,

    // --- part 4 --------------------------------------------------------------------------------
    /// `invalid-date`: a fiche d'écart's due date.
    pub(crate) due_date: fn(DateError, &str) -> String,
    /// `invalid-date`: a fiche d'écart's state without a day it can read (the state as
    /// written, the fiche's target, why).
    pub(crate) state_day: fn(&str, EcartTarget, StateDay<'_>) -> String,
    /// `unknown-value`: a fiche d'écart's state that is not one.
    pub(crate) state_unknown: fn(&str, EcartTarget) -> String,
    /// `unknown-value`: the evidence or reason of a fiche d'écart (its label as written)
    /// without a state checked above it.
    pub(crate) state_needed: fn(&str, EcartTarget) -> String,
    /// `fiche-unknown-target`: a fiche d'écart names a target without row.
    pub(crate) fiche_unknown_target: fn(EcartTarget) -> String,
    /// `fiche-grade-differs`: the grade stated and the row's verdict.
    pub(crate) fiche_grade_differs: fn(EcartTarget, NcGrade, Verdict) -> String,
    /// `fiche-grade-from-verdict`: the grade taken from the row's verdict.
    pub(crate) fiche_grade_from_verdict: fn(EcartTarget, NcGrade) -> String,
    /// `fiche-grade-guessed`: no grade stated, the row no nonconformity: `NC min` assumed.
    pub(crate) fiche_grade_guessed: fn(EcartTarget) -> String,
    /// `fiche-row-not-nonconformity`: a fiche d'écart (its grade) on a row whose verdict
    /// (if any) is no nonconformity.
    pub(crate) fiche_row_not_nonconformity: fn(EcartTarget, NcGrade, Option<Verdict>) -> String,

    // --- the end of the reading ----------------------------------------------------------------
    /// `missing-section`: part 4 is missing.
    pub(crate) part4_missing: &'static str,
    /// `title-page-differs`: the département (the page de garde's, the title page's).
    pub(crate) departement_differs: fn(&Departement, &Departement) -> String,
    /// `from-title-page`: the département.
    pub(crate) departement_from_title: fn(&Departement) -> String,
    /// `title-page-differs`: the city (the page de garde's, the title page's).
    pub(crate) city_differs: fn(&str, &str) -> String,
    /// `from-title-page`: the city.
    pub(crate) city_from_title: fn(&str) -> String,
    /// `title-page-differs`: the first (`true`) or last day of the audit (the page de
    /// garde's, the title page's).
    pub(crate) date_differs: fn(bool, NaiveDate, NaiveDate) -> String,
    /// `from-title-page`: the audit dates.
    pub(crate) dates_from_title: &'static str,
    /// `title-page-differs`: the audit type (the title page's, the one checked).
    pub(crate) audit_type_differs: fn(AuditType, AuditType) -> String,
    /// `from-title-page`: the audit type, no box checked.
    pub(crate) audit_type_from_title: fn(AuditType) -> String,
    /// `audit-type-missing`.
    pub(crate) audit_type_missing: &'static str,
    /// `administration-guessed`: from the site's name.
    pub(crate) administration_guessed: fn(AdministrationType) -> String,
    /// `auditor-from-title-page`: a lead auditor (their name) not in the auditors' table.
    pub(crate) auditor_from_title: fn(&str) -> String,
    /// `modules-guessed`: from the rows of section 3.
    pub(crate) modules_guessed: fn(&[ModuleNumber]) -> String,
    /// `module-not-covered`: a module not checked, with rows (their engagements).
    pub(crate) module_not_covered: fn(ModuleNumber, &[EngagementNumber]) -> String,
    /// `missing-row`: an engagement of a covered module (its module and title).
    pub(crate) engagement_row_missing: fn(EngagementNumber, ModuleNumber, &str) -> String,
    /// `missing-row`: a management item (its title).
    pub(crate) item_row_missing: fn(ManagementItemId, &str) -> String,
    /// `charte-verdict-from-text`.
    pub(crate) charte_from_text: fn(Verdict) -> String,
    /// `figure-from-prose`: a context figure, its value and the text it is read from.
    pub(crate) figure_from_prose: fn(Figure, u64, &str) -> String,
}

/// `1, 2`: the items of a list, as the messages give them.
fn list<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;
