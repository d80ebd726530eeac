//! The diagnostics of the text import: their levels and stable codes.

use std::fmt;

use strum::{EnumIter, IntoStaticStr};

/// How much an import diagnostic matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum ImportLevel {
    /// Worth knowing: the value was read, from an unusual place or form.
    Info,
    /// A value the report does not state was inferred; check it.
    Guessed,
    /// Probably wrong in the report, or a value could not be read.
    Warning,
    /// A line was not used.
    Skipped,
}

impl fmt::Display for ImportLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.into())
    }
}

/// The stable code of an import diagnostic. Codes are never renamed nor reused once released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum ImportCode {
    /// A context figure (population, communes, arrondissements, staff) read from prose.
    FigureFromProse,
    /// An engagement's or management item's title differs from the référentiel's in spacing or
    /// case only; matched by number.
    TitleCaseOrSpacing,
    /// An engagement's or management item's title differs from the référentiel's; matched by
    /// number.
    TitleDiffers,
    /// A row names an engagement or management item the référentiel does not have.
    UnknownEngagement,
    /// A row files an engagement under another module than the référentiel's.
    ModuleDiffers,
    /// Rows of a module that the page de garde does not check.
    ModuleNotCovered,
    /// A second row for the same engagement, management item or remote check.
    DuplicateRow,
    /// A row without verdict (or a remote check without note).
    MissingVerdict,
    /// A verdict (or note) that is not one of the codes.
    UnknownVerdict,
    /// An engagement of a covered module, or a management item, without row: the report may be
    /// truncated.
    MissingRow,
    /// A part of the report is missing: the report may be truncated.
    MissingSection,
    /// A line that the import does not understand where it stands; it is not used.
    UnrecognisedLine,
    /// A line continues the row above it (a cell wrapped after a page break).
    RowContinued,
    /// An engagement row stands under another channel-group heading than its own.
    GroupDiffers,
    /// A value taken from the title page because the page de garde lacks it.
    FromTitlePage,
    /// The title page and the page de garde disagree.
    TitlePageDiffers,
    /// The référentiel named by the report is not the one used for the import.
    ReferentielDiffers,
    /// The administration type guessed from the site's name (no box checked).
    AdministrationGuessed,
    /// The modules covered guessed from the rows of section 3 (no MODULES row).
    ModulesGuessed,
    /// No audit type checked nor stated.
    AuditTypeMissing,
    /// A date that does not read as dd/mm/yyyy.
    InvalidDate,
    /// A fiche d'écart's grade taken from its engagement's verdict (the paragraph states none).
    FicheGradeFromVerdict,
    /// A fiche d'écart states no grade and its engagement is not a nonconformity: `NC min`
    /// assumed.
    FicheGradeGuessed,
    /// A fiche d'écart's grade differs from its engagement's verdict.
    FicheGradeDiffers,
    /// A fiche d'écart names an engagement or management item without row.
    FicheUnknownTarget,
    /// The charte graphique's verdict inferred from its text (« non applicable »).
    CharteVerdictFromText,
    /// Text in a remote check that is neither its note nor an observation; not used.
    RemoteTextIgnored,
    /// The lead auditor of the title page is not in the auditors' table; added from the title
    /// page.
    AuditorFromTitlePage,
    /// A value of the page de garde that the crate does not know (administration type,
    /// département, module, audit type), or several boxes checked where one is expected; not
    /// used.
    UnknownValue,
}

impl ImportCode {
    /// The code as written in diagnostics, e.g. `title-differs`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The level of diagnostics with this code.
    #[must_use]
    pub const fn level(self) -> ImportLevel {
        match self {
            ImportCode::FigureFromProse
            | ImportCode::TitleCaseOrSpacing
            | ImportCode::RowContinued
            | ImportCode::GroupDiffers
            | ImportCode::FromTitlePage
            | ImportCode::AuditorFromTitlePage => ImportLevel::Info,
            ImportCode::AdministrationGuessed
            | ImportCode::ModulesGuessed
            | ImportCode::FicheGradeFromVerdict
            | ImportCode::FicheGradeGuessed
            | ImportCode::CharteVerdictFromText => ImportLevel::Guessed,
            ImportCode::UnrecognisedLine | ImportCode::RemoteTextIgnored => ImportLevel::Skipped,
            ImportCode::TitleDiffers
            | ImportCode::UnknownEngagement
            | ImportCode::ModuleDiffers
            | ImportCode::ModuleNotCovered
            | ImportCode::DuplicateRow
            | ImportCode::MissingVerdict
            | ImportCode::UnknownVerdict
            | ImportCode::UnknownValue
            | ImportCode::MissingRow
            | ImportCode::MissingSection
            | ImportCode::TitlePageDiffers
            | ImportCode::ReferentielDiffers
            | ImportCode::AuditTypeMissing
            | ImportCode::InvalidDate
            | ImportCode::FicheGradeDiffers
            | ImportCode::FicheUnknownTarget => ImportLevel::Warning,
        }
    }
}

impl fmt::Display for ImportCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing the import noticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportDiagnostic {
    /// The line (1-based) it is about; `None` for the whole document.
    pub line: Option<usize>,
    /// How much it matters.
    pub level: ImportLevel,
    /// The stable code.
    pub code: ImportCode,
    /// What was noticed and why, naming the value.
    pub message: String,
}

impl fmt::Display for ImportDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: ")?,
            None => f.write_str("report: ")?,
        }
        write!(f, "[{}] {}: {}", self.code, self.level, self.message)
    }
}
