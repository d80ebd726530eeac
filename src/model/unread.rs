//! What an import could not read, kept as written.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::{folded, key};
use crate::{ObservationKind, RemoteNote, Verdict};

/// A text of the source document that an import could not read into its field, kept as
/// written so that nothing is lost: a verdict that is not one of the codes, a due date that is
/// not a date, an administration type the crate does not know.
///
/// The text import ([`import_report`](crate::import_report)) adds one to [`Audit::unread`]
/// for each value it reports as not used (`unknown-verdict`, `invalid-date`, `unknown-value`,
/// a row out of place that it cannot file, `row-out-of-place`, a second row, `duplicate-row`,
/// a line it does not understand, `unrecognised-line`, and a text that could carry an
/// assessment that it does not file, `assessment-not-filed`), with its line. The grid
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
    /// The place (`line 80`, `Module 1!C12`) of a value already filed that this text
    /// contradicts or repeats: a second verdict for an engagement that has one. Neither value
    /// wins: validation names both places until one is removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflicts_with: Option<String>,
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
            conflicts_with: None,
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

    /// This text, competing with the value filed at `place` (`line 80`, `Module 1!C12`).
    ///
    /// ```
    /// use qualepref::Unread;
    /// let u = Unread::new("assessments[4].verdict", "NC Maj").at_line(120).conflicting_with("line 80");
    /// assert_eq!(u.conflicts_with.as_deref(), Some("line 80"));
    /// ```
    #[must_use]
    pub fn conflicting_with(mut self, place: impl Into<String>) -> Unread {
        self.conflicts_with = Some(place.into());
        self
    }

    /// What the text could carry (a verdict, an observation, a remote note), read as
    /// [`Carried::find`] reads it: such a text refuses the audit until it is filed or removed.
    ///
    /// ```
    /// use qualepref::{Carried, Unread, Verdict};
    /// assert_eq!(Unread::new("grid", "nc maj").carries(), Some(Carried::Verdict(Verdict::MajorNonconformity)));
    /// assert_eq!(Unread::new("ecarts[0].due", "fin mars").carries(), None);
    /// ```
    #[must_use]
    pub fn carries(&self) -> Option<Carried> {
        Carried::find(&self.text)
    }

    /// Where the text stands in its source: `line 12`, `Module 1!C7`, `line 12 (verdict)`.
    #[must_use]
    pub fn place(&self) -> Option<String> {
        match (self.line, &self.cell) {
            (Some(n), Some(cell)) => Some(format!("line {n} ({cell})")),
            (Some(n), None) => Some(format!("line {n}")),
            (None, Some(cell)) => Some(cell.clone()),
            (None, None) => None,
        }
    }
}

/// What a text left unread could carry: a verdict, an observation or a remote check's note.
///
/// A reader that meets such a text and does not file it leaves the audit without a value that
/// may change its outcome, so validation refuses the audit (`unread-assessment`, an error)
/// until the text is filed or removed; any other unread text is a warning (`unread-value`).
///
/// ```
/// use qualepref::{Carried, ObservationKind, Verdict};
/// assert_eq!(Carried::find("\t\tNC Maj"), Some(Carried::Verdict(Verdict::MajorNonconformity)));
/// assert_eq!(Carried::find("Module 1 5. Nous vous orientons  |  nc-maj  |"), Some(Carried::Verdict(Verdict::MajorNonconformity)));
/// assert_eq!(Carried::find("PS : accueil saturé le lundi"), Some(Carried::Observation(ObservationKind::AreaOfConcern)));
/// assert_eq!(Carried::find("Points sensibles : accueil saturé"), Some(Carried::Observation(ObservationKind::AreaOfConcern)));
/// assert_eq!(Carried::find("Le référentiel est maîtrisé."), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Carried {
    /// A verdict (`C`, `NA`, `NC min`, `NC Maj`, in any spelling the readers accept).
    Verdict(Verdict),
    /// An observation (`PF`, `PS`, `PP`, or spelled out and followed by `:`).
    Observation(ObservationKind),
    /// A remote check's note (`Note : Non conforme`).
    RemoteNote(RemoteNote),
}

impl Carried {
    /// What `text` could carry, read as the cells of a row: the text is cut at tabs, `|` and
    /// runs of two or more spaces (non-breaking ones included); a cell that reads as a verdict,
    /// a cell that starts with an observation's code (`PF`, `PS :`, `Point sensible :`) or a
    /// remote note (`Note : Conforme`) carries it. A row that numbers an engagement
    /// (`Module 1 5. …`, `5. …`) and ends in a verdict after a single space carries it too.
    /// Markup a report's text export leaves (`<i>…</i>`, `**NA**`) is ignored. Prose carries
    /// nothing: its sentences are not cells. The whole text is read as one cell first, so
    /// that a verdict spelled with a run of spaces (`NC  min`, as the verdict parser reads it)
    /// is not cut into words that carry nothing.
    ///
    /// ```
    /// use qualepref::{Carried, Verdict};
    /// assert_eq!(Carried::find("NC  min"), Some(Carried::Verdict(Verdict::MinorNonconformity)));
    /// assert_eq!(Carried::find("non\u{a0}\u{a0}conformité   majeure"), Some(Carried::Verdict(Verdict::MajorNonconformity)));
    /// ```
    #[must_use]
    pub fn find(text: &str) -> Option<Carried> {
        let text = strip_markup(text);
        if let Some(found) = in_cell(&text) {
            return Some(found);
        }
        let (mut numbered, mut last) = (None, None);
        for cell in cells(&text) {
            if let Some(found) = in_cell(cell) {
                return Some(found);
            }
            numbered.get_or_insert(cell);
            last = Some(cell);
        }
        // A numbered row whose verdict stands after a single space: `5. Titre NC Maj`.
        let last = last?;
        let first = numbered?;
        if !numbers_an_item(first) {
            return None;
        }
        trailing_verdict(last).map(Carried::Verdict)
    }

    /// The code of what is carried: `NC Maj`, `PS`, `Non conforme`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Carried::Verdict(v) => v.code(),
            Carried::Observation(k) => k.code(),
            Carried::RemoteNote(n) => n.code(),
        }
    }
}

impl fmt::Display for Carried {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The cells of a row: cut at tabs, `|` and runs of two or more whitespace characters, each
/// trimmed, empty ones left out.
fn cells(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            let end = separator(rest);
            let (cell, after) = match end {
                Some((at, len)) => (rest.get(..at)?, rest.get(at + len..)?),
                None => (rest, ""),
            };
            rest = after;
            let cell = cell.trim();
            if !cell.is_empty() {
                return Some(cell);
            }
        }
    })
}

/// The first separator of `text`: its byte offset and length.
fn separator(text: &str) -> Option<(usize, usize)> {
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\t' || c == '|' {
            return Some((at, c.len_utf8()));
        }
        if c.is_whitespace() {
            let mut end = at + c.len_utf8();
            let mut run = 1;
            while let Some((next, d)) = chars.next_if(|(_, d)| d.is_whitespace() && *d != '\t') {
                end = next + d.len_utf8();
                run += 1;
            }
            if run >= 2 {
                return Some((at, end - at));
            }
        }
    }
    None
}

/// What one cell carries.
fn in_cell(cell: &str) -> Option<Carried> {
    let cell = cell.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
    // « Sans objet » is how an empty section of the report reads, not a verdict out of place.
    if cell.is_empty() || folded(cell).eq("sansobjet".chars()) {
        return None;
    }
    if cell.chars().count() <= 40 {
        if let Ok(v) = cell.parse::<Verdict>() {
            return Some(Carried::Verdict(v));
        }
    }
    // `PF : …`, `PS:…`, `PP - …`, `PF` alone, `Point sensible : …`, `Note : Conforme`.
    let (head, tail) = match cell.find([':', '-', '–', '—']) {
        Some(at) => (cell.get(..at)?, cell.get(at..)?),
        None => (cell, ""),
    };
    let code_word = |code: &str| {
        // The code as a word of its own: `PP`, `PP Etudier…`, not `PPNG`.
        cell.get(..2).is_some_and(|h| h.eq_ignore_ascii_case(code))
            && cell.get(2..).is_some_and(|r| {
                r.is_empty()
                    || r.starts_with(char::is_whitespace)
                    || r.starts_with([':', '-', '–', '—'])
            })
    };
    if let Some(kind) = ObservationKind::ALL.iter().find(|k| code_word(k.code())) {
        return Some(Carried::Observation(*kind));
    }
    if tail.is_empty() {
        return None;
    }
    let head_key = key(head);
    if let Some((kind, _)) = spelled_observations()
        .iter()
        .find(|(_, forms)| forms.contains(&head_key))
    {
        return Some(Carried::Observation(*kind));
    }
    if head_key == "note" && tail.starts_with(':') {
        let note = tail.get(1..)?.trim();
        if let Ok(n) = note.parse::<RemoteNote>() {
            return Some(Carried::RemoteNote(n));
        }
    }
    None
}

/// The folded forms of each observation spelled out: `pointsensible`, `pointsensibles`, and
/// the plural as part 4's headings write it, `pointssensibles` (`Pistes de progrès`).
fn spelled_observations() -> &'static [(ObservationKind, [String; 3])] {
    static FORMS: std::sync::OnceLock<Vec<(ObservationKind, [String; 3])>> =
        std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        ObservationKind::ALL
            .iter()
            .map(|kind| {
                let label = kind.label_fr();
                let plural: Vec<String> = label
                    .split(' ')
                    .map(|w| match w {
                        "de" => w.to_owned(),
                        _ if w.ends_with('s') => w.to_owned(),
                        _ => format!("{w}s"),
                    })
                    .collect();
                let spelled = key(label);
                let spelled_s = format!("{spelled}s");
                (*kind, [spelled, spelled_s, key(&plural.join(" "))])
            })
            .collect()
    })
}

/// Whether a row's first cell numbers an engagement or an item: `Module 1 5. …`, `5. …`,
/// `5 - …`.
fn numbers_an_item(cell: &str) -> bool {
    let rest = match cell.get(..6) {
        Some(head) if head.eq_ignore_ascii_case("module") => cell
            .get(6..)
            .unwrap_or("")
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start(),
        _ => cell,
    };
    let after = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    after.len() < rest.len() && after.starts_with(['.', ')', '-', ' '])
}

/// A verdict that ends `cell` after a space: `… en charge NC Maj`, `… en charge C`.
fn trailing_verdict(cell: &str) -> Option<Verdict> {
    let words: Vec<&str> = cell.split_whitespace().collect();
    // The longest spelled verdict has three words (`non-conformité majeure` is two).
    (1..=3).rev().find_map(|n| {
        let start = words.len().checked_sub(n)?;
        if start == 0 {
            return None;
        }
        words.get(start..)?.join(" ").parse::<Verdict>().ok()
    })
}

/// The text without the markup of a report's text export: HTML tags (`<i>`, `<small>`, an
/// `<input …/>`) become spaces.
fn strip_markup(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('<') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let (before, tag) = rest.split_at(open);
        out.push_str(before);
        match tag.find('>') {
            Some(close)
                if tag
                    .get(1..2)
                    .is_some_and(|c| c.chars().all(|c| c.is_ascii_alphabetic() || c == '/')) =>
            {
                out.push(' ');
                rest = tag.get(close + 1..).unwrap_or("");
            }
            _ => {
                out.push('<');
                rest = tag.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}
