//! The audit grid: the workbook auditors fill in during the visit, written from an audit (or
//! blank) and read back into one, every cell accounted for (feature `xlsx`).
//!
//! # The workbook
//!
//! - **Page de garde**: labels in column A, values in column B (administration type,
//!   département, city, audit type, `Audit interne` oui/non, référentiel, dates, the date of the
//!   external audit an internal audit precedes, the labelling decision's date and the day its
//!   plan d'actions was accepted, modules covered as `1, 2`, context figures and paragraphs),
//!   then one `Auditeur` row per auditor (name, role,
//!   phone, e-mail, date of signature in B–F).
//! - **Module N**, one per covered module: the engagements under their channel-group headings,
//!   columns `N°`, `Engagement` (locked, the référentiel's exact title), `Verdict` (drop-down:
//!   `C`, `NA`, `NC min`, `NC Maj`, coloured), `Point fort (PF)`, `Point sensible (PS)`, `Risque
//!   associé au PS`, `Piste de progrès (PP)`, `Commentaire, justification d'un NA`, `Éléments de
//!   preuve` (documents consulted, people met). More
//!   observations of an engagement go on further rows with the same number: a spare row with
//!   the engagement's number follows each engagement for the first of them.
//! - **Pilotage et labellisation** (named `Management` in the grids of version 0.2, still
//!   read, with an info diagnostic): the seven items, by section and number, with the same verdict and
//!   observation columns, comment and evidence.
//! - **Audit à distance**: one row per remote check (channel and note drop-downs, engagement
//!   number, module, observations).
//! - **Fiches d'écart**: target (an engagement number, or `pilotage N` / `labellisation N`),
//!   grade, finding, requirement, corrective action, due date, leader (« pilote »), state
//!   (`ouvert`, `en cours`, `levé`, `non levé`), the day it was found lifted or not, the
//!   evidence or the reason, then the fiche's number (« Fiche d'écart n°1 »), its cause and the
//!   site's answer.
//! - **Conclusion**: section 4, one paragraph a row under its section's label.
//! - **_qualepref**, hidden and protected: the grid's format version (`qualepref-grid/1`) and
//!   the référentiel id, which the reader requires.
//!
//! Sheets print on A4 landscape, one page wide, with their header row repeated and frozen.
//!
//! # Reading back
//!
//! [`import_xlsx`] reads `.xlsx` and `.ods` (LibreOffice) alike, with calamine. It is lenient
//! where a person editing the workbook would be: codes in any case and with stray spaces
//! (`nc min`), numbers stored as text, dates as text (`18/11/2019`, `2019-11-18`, a four-digit
//! year from 2000 to 2100) or serial numbers, rows reordered (assessments come out in the
//! référentiel's order), empty rows, extra sheets. Every non-empty cell of every sheet is used
//! (placed in the audit, or read as the layout: a title, a column header, a label) or reported
//! by a [`GridDiagnostic`] naming its sheet and cell, in French and in English, e.g.
//! `Module 1!C7 : avertissement : verdict « CC » inconnu (…)` (`Module 1!C7: warning: unknown
//! verdict "CC" (…)` in English), and kept in the audit's [`unread`](crate::Audit::unread), with the field
//! it was meant for and its cell (`assessments[6].verdict`, `"CC"`, `Module 1!C7`): validation
//! reports each (`unread-value`) and the grid's writers refuse the audit until it is resolved,
//! so nothing typed in the grid is lost on the way. A value the audit cannot do without (the
//! type d'administration, the département, the date de début) that is not understood refuses
//! the grid, naming its cell.
//!
//! No value read first wins over one read later, and no text is taken for what it is not:
//!
//! - a second verdict, note, comment or module of an item (a later row of the same engagement,
//!   management item or remote check), or a second row of a page de garde label, is kept with
//!   the cell of the first one (`conflicts_with`);
//! - the cells of a sheet the grid does not know are kept, and in a copy of a module's sheet
//!   (`Module 1 (2)`) a cell that could carry an assessment competes with the verdict cell of
//!   its engagement in the module's own sheet;
//! - a free text (an observation, a risk, a comment, a text of the page de garde, of a fiche
//!   d'écart or of the conclusion) that could carry an assessment ([`Carried::find`](crate::Carried::find):
//!   a verdict in any spelling, an observation of another kind, a remote note) is kept rather
//!   than filed as a text, competing with its row's verdict cell;
//! - a formula is never computed: one in a cell of an assessment (a verdict, a note, a grade,
//!   an observation, a comment) is kept as its formula, competing with its own cell, rather
//!   than read by the value the spreadsheet last computed; any other one is reported, its
//!   cached value read.
//!
//! Validation refuses an audit holding such a text (`unread-assessment`, naming both cells),
//! so a verdict met and not filed never leaves the outcome favourable.
//!
//! # Bounds
//!
//! A workbook is measured before calamine unpacks it, and both forms are read within the
//! bounds [`MAX_SHEETS`], [`MAX_ROWS`], [`MAX_COLUMNS`], [`MAX_CELLS`], [`MAX_CELL_CHARS`],
//! [`MAX_TEXT_BYTES`], [`MAX_FORMULAS`], [`MAX_PARTS`] and [`MAX_UNPACKED_BYTES`]; the writers
//! refuse an audit whose grid would pass them, or that holds what the readers would not read
//! back as it is, so that a grid written is always read back.
//!
//! A round trip keeps the audit as it was when its assessments are in the référentiel's order
//! and its texts carry no spaces at their ends (the reader trims cells); a risk on an
//! observation other than a PS has no cell, so [`export_xlsx`] refuses it.
//!
//! ```
//! use qualepref::{grid, samples, Audit, Referentiel};
//!
//! let referentiel = Referentiel::qual_e_pref_2019();
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let workbook = grid::export_xlsx(&audit, referentiel)?;
//! let back = grid::import_xlsx(&workbook, referentiel)?;
//! assert_eq!(back.audit(), &audit);
//! assert!(back.diagnostics().is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cells;
#[cfg(any(feature = "xlsx", feature = "csv"))]
mod contract;
mod cover;
#[cfg(feature = "csv")]
mod csv;
#[cfg(feature = "csv")]
mod csv_read;
mod guidance;
#[cfg(feature = "xlsx")]
mod height;
mod import;
mod items;
mod layout;
mod limits;
#[cfg(feature = "xlsx")]
mod package;
mod phrases;
#[cfg(feature = "xlsx")]
mod read;
#[cfg(feature = "xlsx")]
mod rows;
mod unread;
#[cfg(feature = "xlsx")]
mod write;

use std::fmt;

#[cfg(feature = "xlsx")]
use crate::{
    AdministrationType, AuditDates, AuditKind, Departement, ModuleNumber, NaiveDate, Site,
};
use crate::{Audit, Error, ImportLevel, Language, Referentiel};

/// The grid's format version, written in its `_qualepref` sheet and required by the reader.
pub const GRID_FORMAT: &str = layout::FORMAT;

pub use limits::{
    MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_FORMULAS, MAX_PARTS, MAX_ROWS, MAX_SHEETS,
    MAX_TEXT_BYTES, MAX_UNPACKED_BYTES,
};

/// An audit read from a grid, with what the reader has to say about the cells it met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridImport {
    audit: Audit,
    diagnostics: Vec<GridDiagnostic>,
}

impl GridImport {
    /// The audit read.
    #[must_use]
    pub fn audit(&self) -> &Audit {
        &self.audit
    }

    /// The audit read, taken out.
    #[must_use]
    pub fn into_audit(self) -> Audit {
        self.audit
    }

    /// The diagnostics, in the order of the sheets and rows.
    #[must_use]
    pub fn diagnostics(&self) -> &[GridDiagnostic] {
        &self.diagnostics
    }
}

/// What the reader says of one cell: a value read from an unusual form, guessed, probably
/// wrong, or not used. Its message is in French (the crate's default language) and in English
/// ([`GridDiagnostic::message_in`]).
///
/// ```
/// use qualepref::{grid, samples, Audit, Language, Referentiel};
/// let referentiel = Referentiel::qual_e_pref_2019();
/// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// let table = String::from_utf8(grid::export_csv(&audit, referentiel)?)?;
/// let table = table.replacen(";C;", ";CC;", 1);
/// let back = grid::import_csv(table.as_bytes(), referentiel)?;
/// let d = &back.diagnostics()[0];
/// assert!(d.message.starts_with("verdict «\u{a0}CC\u{a0}» inconnu"));
/// assert!(d.message_in(Language::En).starts_with("unknown verdict \"CC\""));
/// assert!(d.to_string().contains("\u{a0}: avertissement\u{a0}: verdict"));
/// assert!(d.to_string_in(Language::En).contains(": warning: unknown verdict"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GridDiagnostic {
    /// How much it matters, with the levels of the text import.
    pub level: ImportLevel,
    /// The sheet and cell, e.g. `Module 1!C7`.
    pub cell: String,
    /// What happened, naming the value, in French.
    pub message: String,
    /// The English text; empty when none was given, and `message` stands for it.
    english: String,
}

impl GridDiagnostic {
    /// A diagnostic of `cell`, its message in both languages.
    pub(crate) fn new(level: ImportLevel, cell: String, message: phrases::Msg) -> GridDiagnostic {
        GridDiagnostic {
            level,
            cell,
            message: message.fr,
            english: message.en,
        }
    }

    /// The message in `language`.
    #[must_use]
    pub fn message_in(&self, language: Language) -> &str {
        match language {
            Language::Fr => &self.message,
            Language::En if self.english.is_empty() => &self.message,
            Language::En => &self.english,
        }
    }

    /// The diagnostic as a line in `language`, with the level in that language:
    /// `Module 1!C7 : avertissement : verdict « CC » inconnu (…)` (French typography),
    /// `Module 1!C7: warning: unknown verdict "CC" (…)`. Control characters of the cell's name
    /// (a sheet's) and of the message are escaped (`\u{1b}`), so that no text of the file
    /// reaches a terminal raw.
    #[must_use]
    pub fn to_string_in(&self, language: Language) -> String {
        let phrases = match language {
            Language::Fr => &phrases::FR,
            Language::En => &phrases::EN,
        };
        (phrases.line)(
            &cells::escape_controls(&self.cell),
            (phrases.level)(self.level),
            &cells::escape_controls(self.message_in(language)),
        )
    }
}

impl fmt::Display for GridDiagnostic {
    /// The French line of [`GridDiagnostic::to_string_in`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_in(Language::Fr))
    }
}

/// The grid of `audit` as an `.xlsx` workbook: page de garde, a sheet per module, management,
/// remote checks, fiches d'écart, conclusion and the hidden `_qualepref` sheet. Titles come from
/// `referentiel`.
///
/// # Errors
///
/// [`Error::InvalidValue`] when the audit holds what the grid cannot carry back, naming the
/// field: a risk on an observation other than a PS, a text an import could not read
/// ([`Audit::unread`]), a text longer than a cell ([`MAX_CELL_CHARS`]), a text that reads as
/// an assessment where the reader expects a text (a comment `NC Maj`, which the reader keeps
/// rather than take for a comment), a date outside the years 2000 to 2100; or when its grid
/// would pass the reader's bounds (a sheet of more than [`MAX_ROWS`] rows, more than
/// [`MAX_CELLS`] cells or [`MAX_TEXT_BYTES`] of text).
#[cfg(feature = "xlsx")]
#[cfg_attr(docsrs, doc(cfg(feature = "xlsx")))]
pub fn export_xlsx(audit: &Audit, referentiel: &Referentiel) -> Result<Vec<u8>, Error> {
    write::workbook(audit, referentiel, write::Blanks::default())
}

/// A blank grid of the covered `modules`: [`Audit::skeleton`] as a workbook, every engagement
/// and management item without verdict. `site` and `kind` fill in the page de garde when given;
/// the dates are left empty.
///
/// ```
/// use qualepref::{grid, ModuleNumber, Referentiel};
/// let referentiel = Referentiel::qual_e_pref_2019();
/// let modules = [ModuleNumber::ONE, ModuleNumber::new(2).ok_or("module")?];
/// let workbook = grid::new_xlsx(referentiel, &modules, None, None)?;
/// assert!(workbook.starts_with(b"PK"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`export_xlsx`] (a blank grid does not fail).
#[cfg(feature = "xlsx")]
#[cfg_attr(docsrs, doc(cfg(feature = "xlsx")))]
pub fn new_xlsx(
    referentiel: &Referentiel,
    modules: &[ModuleNumber],
    site: Option<&Site>,
    kind: Option<AuditKind>,
) -> Result<Vec<u8>, Error> {
    let placeholder = || {
        let departement: Option<Departement> = "75".parse().ok();
        departement.map(|d| Site::new(AdministrationType::Prefecture, d, ""))
    };
    let site = site
        .cloned()
        .or_else(placeholder)
        .ok_or(Error::InvalidValue {
            what: "site",
            value: String::new(),
            reason: "no site",
        })?;
    let day = NaiveDate::default();
    let mut audit = Audit::skeleton(
        referentiel,
        site,
        kind.unwrap_or(AuditKind {
            audit_type: None,
            internal: false,
            external_on: None,
        }),
        AuditDates::day(day),
        modules,
    );
    audit.remote_checks = rows::usual_remote_checks(referentiel, modules);
    // The cover's « Libellé du référentiel »: the référentiel's own title, for the auditor to
    // keep or replace with the wording of the report.
    audit.referentiel.label = Some(referentiel.title().to_owned());
    let blanks = write::Blanks {
        site: audit.site.city.is_empty(),
        kind: kind.is_none(),
        dates: true,
    };
    write::workbook(&audit, referentiel, blanks)
}

/// Reads a grid (`.xlsx`, or `.ods` saved from it) back into an audit, against `referentiel`.
///
/// # Errors
///
/// [`Error::TooLarge`] above [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES);
/// [`Error::InvalidValue`] when the bytes are not an `.xlsx` or `.ods` spreadsheet; when the
/// workbook passes a bound of the grid, checked before calamine unpacks it: more than
/// [`MAX_PARTS`] parts, parts that unpack to more than [`MAX_UNPACKED_BYTES`] (counted as they
/// unpack) or a part that unpacks to more than its archive declares, more than [`MAX_SHEETS`]
/// sheets, a cell beyond [`MAX_ROWS`] rows or [`MAX_COLUMNS`] columns, more than
/// [`MAX_CELLS`] cells or shared strings, a cell of more than [`MAX_CELL_CHARS`] characters,
/// cells holding more than [`MAX_TEXT_BYTES`] of text together, more than [`MAX_FORMULAS`]
/// formulas; when two sheets have one name (case ignored); when it is not a grid (no
/// `_qualepref` sheet, or another format version), or its page de garde lacks what an audit
/// cannot do without (administration type, département, city, first day), or holds it in a
/// form not understood (the error then names the cell).
#[cfg(feature = "xlsx")]
#[cfg_attr(docsrs, doc(cfg(feature = "xlsx")))]
pub fn import_xlsx(bytes: &[u8], referentiel: &Referentiel) -> Result<GridImport, Error> {
    let sheets = read::sheets(bytes)?;
    import::audit(&sheets, referentiel)
}

/// Reads a grid file: a CSV table (extension `.csv`, feature `csv`) or a workbook (any other
/// extension, feature `xlsx`), within [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES) whatever the
/// source (a pipe or a device is refused past the limit too).
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read; [`Error::InFile`] naming the file around
/// [`Error::TooLarge`] or the errors of [`import_csv`] / [`import_xlsx`].
pub fn import_path(
    path: impl AsRef<std::path::Path>,
    referentiel: &Referentiel,
) -> Result<GridImport, Error> {
    let path = path.as_ref();
    let bytes = crate::read_input_bytes(path)?;
    let csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let imported = if csv {
        import_csv_bytes(&bytes, referentiel)
    } else {
        import_xlsx_bytes(&bytes, referentiel)
    };
    imported.map_err(|e| Error::in_file(path, e))
}

#[cfg(feature = "csv")]
fn import_csv_bytes(bytes: &[u8], referentiel: &Referentiel) -> Result<GridImport, Error> {
    import_csv(bytes, referentiel)
}

#[cfg(not(feature = "csv"))]
fn import_csv_bytes(_: &[u8], _: &Referentiel) -> Result<GridImport, Error> {
    Err(Error::InvalidValue {
        what: "audit grid",
        value: "csv".to_owned(),
        reason: "CSV grids need the feature `csv`",
    })
}

#[cfg(feature = "xlsx")]
fn import_xlsx_bytes(bytes: &[u8], referentiel: &Referentiel) -> Result<GridImport, Error> {
    import_xlsx(bytes, referentiel)
}

#[cfg(not(feature = "xlsx"))]
fn import_xlsx_bytes(_: &[u8], _: &Referentiel) -> Result<GridImport, Error> {
    Err(Error::InvalidValue {
        what: "audit grid",
        value: "workbook".to_owned(),
        reason: "workbook grids need the feature `xlsx`",
    })
}

/// The grid of `audit` as one flat CSV table (feature `csv`), for spreadsheet tools and data
/// analysis: a header row, then one row per cover field (`kind` `field`), auditor,
/// assessment, management item, remote check, observation (after the row it belongs to, keyed
/// by the same columns), fiche d'écart and conclusion paragraph.
///
/// The columns: `kind;field;module;engagement;management;channel;verdict;observation;text;risk;
/// comment;requirement;action;phone;email;date`. French conventions: `;` separates the cells
/// (`,` is the decimal separator), the file is UTF-8 with a byte-order mark (so that Excel
/// shows the accents) and lines end with CRLF. Dates are ISO (`2019-11-18`); verdicts, notes
/// and grades are the report's codes.
///
/// ```
/// use qualepref::{grid, samples, Audit, Referentiel};
/// let referentiel = Referentiel::qual_e_pref_2019();
/// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// let table = grid::export_csv(&audit, referentiel)?;
/// assert!(table.starts_with("\u{feff}kind;field;".as_bytes()));
/// assert_eq!(grid::import_csv(&table, referentiel)?.audit(), &audit);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`Error::InvalidValue`] as [`export_xlsx`] (the table's bounds: [`MAX_ROWS`] lines,
/// [`MAX_CELLS`] cells counting each line once, [`MAX_TEXT_BYTES`] of text).
#[cfg(feature = "csv")]
#[cfg_attr(docsrs, doc(cfg(feature = "csv")))]
pub fn export_csv(audit: &Audit, referentiel: &Referentiel) -> Result<Vec<u8>, Error> {
    csv::write(audit, referentiel)
}

/// Reads the CSV table of [`export_csv`] back into an audit, against `referentiel`, with the
/// leniency of [`import_xlsx`] and the same care that no value is lost or taken for another;
/// the separator is the one of the header row (`;`, `,` or tab), a byte-order mark is
/// skipped, and a file that is not UTF-8 is read as Windows-1252, the encoding of a table
/// saved by Excel in French (« CSV (séparateur : point-virgule) »), with a diagnostic that
/// says so. A value starting with `=` that the writer did not write (it writes `'=`) is a
/// formula, as a spreadsheet program opening the table reads it. Diagnostics name the line and
/// column, e.g. `line 12, verdict`.
///
/// # Errors
///
/// [`Error::TooLarge`] above [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES);
/// [`Error::InvalidValue`] when the table is UTF-16 (Excel's « Texte Unicode »), has a quoted
/// value that is not closed where a value ends (naming the line where it opens), passes the
/// grid's bounds ([`MAX_ROWS`] lines, [`MAX_COLUMNS`] values a line, [`MAX_CELLS`] cells
/// counting each line once, a value of more than [`MAX_CELL_CHARS`] characters, module columns
/// naming more than [`MAX_SHEETS`] sheets), has no format row (not a grid), or lacks what an
/// audit cannot do without (administration type, département, city, first day) or holds it
/// in a form not understood.
#[cfg(feature = "csv")]
#[cfg_attr(docsrs, doc(cfg(feature = "csv")))]
pub fn import_csv(bytes: &[u8], referentiel: &Referentiel) -> Result<GridImport, Error> {
    csv_read::read(bytes, referentiel)
}
