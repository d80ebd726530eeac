//! What an import could not read, kept as written.

use serde::{Deserialize, Serialize};

/// A text of the source document that an import could not read into its field, kept as
/// written so that nothing is lost: a verdict that is not one of the codes, a due date that is
/// not a date, an administration type the crate does not know.
///
/// The text import ([`import_report`](crate::import_report)) adds one to [`Audit::unread`]
/// for each value it reports as not used (`unknown-verdict`, `invalid-date`, `unknown-value`,
/// and a row out of place that it cannot file, `row-out-of-place`), with its line. The grid
/// import (`grid::import_xlsx`, `grid::import_csv`) adds one for each cell it reports as not
/// used or not understood, with its cell. Validation reports each with `unread-value` (a
/// warning) until someone corrects the field and removes the entry, and reports list each in
/// an annex (« ANNEXE — VALEURS NON LUES À L'IMPORT »).
///
/// [`Audit::unread`]: crate::Audit::unread
///
/// ```
/// use qualepref::{import_report, samples, validate, Referentiel, RuleCode, ValidationOptions};
///
/// let report = samples::TOULON_2019_REPORT.replace(
///     "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge\t\tC",
///     "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge\tVu.\tCN",
/// );
/// let imported = import_report(&report)?;
/// let unread = &imported.audit().unread;
/// assert_eq!(unread.len(), 1);
/// assert_eq!(unread[0].field, "assessments[4].verdict");
/// assert_eq!(unread[0].text, "CN");
/// assert!(unread[0].line.is_some());
///
/// let options = ValidationOptions::default();
/// let report = validate(imported.audit(), Referentiel::qual_e_pref_2019(), &options);
/// assert!(report.diagnostics().iter().any(|d| d.code == RuleCode::UnreadValue));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "A text of the source that an import could not read into its field, kept as written (validation reports it with `unread-value` until it is resolved and removed)."
    )
)]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Unread {
    /// The field the text was meant for, as a path into the audit: `site.administration`,
    /// `dates`, `assessments[4].verdict`, `ecarts[0].due`; `management` or `remote_checks` for
    /// a row that stands out of place. When the source does not say which field (a cell outside
    /// the grid's columns, a row the page de garde does not know, a row that names no
    /// engagement), the part of the audit the cell stands in (`assessments`, `management`,
    /// `remote_checks`, `ecarts`, `conclusion`, `auditors`, `page de garde`), or `grid` for a
    /// cell outside any part of it.
    pub field: String,
    /// The text as the source wrote it.
    pub text: String,
    /// The line of the source document (1-based), when it has lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The cell of the source grid: `Module 1!C7` in a workbook, the column (`verdict`) in a
    /// CSV table, whose line is [`line`](Unread::line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Unread {
    /// The text `text`, meant for `field`, at no particular line.
    ///
    /// ```
    /// use qualepref::Unread;
    /// let u = Unread::new("ecarts[0].due", "fin mars").at_line(185);
    /// assert_eq!((u.field.as_str(), u.text.as_str(), u.line), ("ecarts[0].due", "fin mars", Some(185)));
    /// ```
    #[must_use]
    pub fn new(field: impl Into<String>, text: impl Into<String>) -> Unread {
        Unread {
            field: field.into(),
            text: text.into(),
            line: None,
            cell: None,
        }
    }

    /// This text, at `line` of the source document.
    #[must_use]
    pub fn at_line(mut self, line: usize) -> Unread {
        self.line = Some(line);
        self
    }

    /// This text, in `cell` of the source grid.
    ///
    /// ```
    /// use qualepref::Unread;
    /// let u = Unread::new("assessments[4].verdict", "CC").in_cell("Module 1!C7");
    /// assert_eq!(u.cell.as_deref(), Some("Module 1!C7"));
    /// ```
    #[must_use]
    pub fn in_cell(mut self, cell: impl Into<String>) -> Unread {
        self.cell = Some(cell.into());
        self
    }
}
