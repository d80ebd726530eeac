//! The reader of the report's text form, one file per phase of the reading: the entry points,
//! the [`Imported`] result and the parser's state here; the roles of lines and the page-break
//! debris in `lines.rs`, the small readers of cells in `cells.rs`, then the phases in the
//! report's order: `cover.rs` (title page and page de garde), `context.rs` (part 2),
//! `evaluation.rs` (section 3: engagement and management rows), `remote.rs` (remote checks),
//! `conclusion.rs` (part 4 and the fiches d'écart), and `finish.rs` (the checks once every line
//! is read). The layout it reads is documented on [`crate::report_text`].

use std::path::Path;

use chrono::NaiveDate;

use super::diagnostics::{ImportCode, ImportDiagnostic, ImportLevel};
use super::phrases::{At, ImportPhrases, Place, Spot};
use crate::text::normalise;
use crate::{
    AdministrationType, Assessment, Audit, AuditDates, AuditType, Auditor, AuditorSynthesis,
    Carried, Context, Departement, Error, FicheEcart, Language, ManagementAssessment,
    ManagementSection, ModuleNumber, Referentiel, RemoteChannel, RemoteCheck, Unread,
};

pub(super) mod cells;
mod conclusion;
mod context;
mod cover;
mod evaluation;
mod finish;
mod lines;
mod remote;

pub use super::sections::ConclusionSection;
pub(crate) use conclusion::charte_inferred;
pub use lines::{LineRole, ReportField, ReportLayout};
use lines::{carrying_words, excerpt, layout_carries, part_heading, table_debris};

/// An audit read from a report's text, with what the import noticed and the role of every line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    audit: Audit,
    diagnostics: Vec<ImportDiagnostic>,
    lines: Vec<LineRole>,
}

impl Imported {
    /// The audit read.
    #[must_use]
    pub fn audit(&self) -> &Audit {
        &self.audit
    }

    /// The audit read, dropping the diagnostics.
    #[must_use]
    pub fn into_audit(self) -> Audit {
        self.audit
    }

    /// What the import noticed, in line order (diagnostics about the whole document last).
    #[must_use]
    pub fn diagnostics(&self) -> &[ImportDiagnostic] {
        &self.diagnostics
    }

    /// The role of every line of the input, in order: `lines()[0]` is line 1.
    #[must_use]
    pub fn lines(&self) -> &[LineRole] {
        &self.lines
    }

    /// The role of line `line` (1-based).
    #[must_use]
    pub fn line_role(&self, line: usize) -> Option<LineRole> {
        line.checked_sub(1).and_then(|i| self.lines.get(i)).copied()
    }

    /// The lines (1-based) that are neither blank, used, layout, nor named by a diagnostic.
    /// Empty by construction; tests assert it.
    #[must_use]
    pub fn unexplained_lines(&self) -> Vec<usize> {
        self.lines
            .iter()
            .enumerate()
            .filter(|(i, role)| {
                **role == LineRole::Reported
                    && !self.diagnostics.iter().any(|d| d.line == Some(i + 1))
            })
            .map(|(i, _)| i + 1)
            .collect()
    }

    /// The reported lines (1-based) that the audit's [`unread`](crate::Audit::unread) list does
    /// not keep: every line the import does not use, it keeps there with its line, so that
    /// nothing of the report is dropped without validation seeing it. Empty by construction;
    /// tests assert it.
    ///
    /// ```
    /// use qualepref::{import_report, samples, LineRole};
    /// let report = format!("{}\n\t\tNC Maj\n", samples::TOULON_2019_REPORT.trim_end());
    /// let imported = import_report(&report)?;
    /// let last = imported.lines().len();
    /// assert_eq!(imported.line_role(last), Some(LineRole::Reported));
    /// assert_eq!(imported.audit().unread.last().and_then(|u| u.line), Some(last));
    /// assert!(imported.unkept_lines().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn unkept_lines(&self) -> Vec<usize> {
        self.lines
            .iter()
            .enumerate()
            .filter(|(i, role)| {
                **role == LineRole::Reported
                    && !self.audit.unread.iter().any(|u| u.line == Some(i + 1))
            })
            .map(|(i, _)| i + 1)
            .collect()
    }

    /// Whether any diagnostic is a warning or a skipped line.
    #[must_use]
    pub fn has_warnings(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| matches!(d.level, ImportLevel::Warning | ImportLevel::Skipped))
    }
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/// Imports a report's text against the embedded Qual-e-pref 2019 référentiel; see
/// [`import_report_text`].
///
/// # Errors
///
/// As [`import_report_text`].
pub fn import_report(text: &str) -> Result<Imported, Error> {
    import_report_text(text, Referentiel::qual_e_pref_2019())
}

/// Imports a report's text file; see [`import_report_text`].
///
/// # Errors
///
/// [`Error::Io`] if the file cannot be read; [`Error::InFile`] naming the file around
/// [`Error::TooLarge`], [`Error::NotAReport`] (also for a file that is not UTF-8) or
/// [`Error::TruncatedReport`].
pub fn import_report_path(
    path: impl AsRef<Path>,
    referentiel: &Referentiel,
) -> Result<Imported, Error> {
    let path = path.as_ref();
    let in_file = |e| Error::in_file(path, e);
    let bytes = crate::read_input_bytes(path)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        in_file(Error::NotAReport {
            reason: format!(
                "the file is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        })
    })?;
    import_report_text(&text, referentiel).map_err(in_file)
}

/// Imports an audit report from its text form, against `referentiel` (whose id the audit
/// names).
///
/// A report truncated inside section 3 imports what it has, with [`ImportCode::MissingRow`]
/// diagnostics naming the engagements without row.
///
/// # Errors
///
/// [`Error::NotAReport`] for an empty text, binary data, or a text without page de garde nor
/// section 3, or lacking what an audit cannot do without (département, city, dates,
/// administration type); [`Error::TruncatedReport`] for a report that ends before section 3;
/// [`Error::TooLarge`] above [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
///
/// ```
/// use qualepref::{import_report_text, Error, Referentiel};
/// let err = import_report_text("", Referentiel::qual_e_pref_2019()).unwrap_err();
/// assert_eq!(err.to_string(), "not a qual-e-pref audit report: the text is empty");
/// ```
pub fn import_report_text(text: &str, referentiel: &Referentiel) -> Result<Imported, Error> {
    crate::check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(not_a_report("the text is empty"));
    }
    if let Some((line, c)) = binary_char(text) {
        return Err(Error::NotAReport {
            reason: format!(
                "the text holds binary data (control character U+{:04X} at line {line})",
                u32::from(c)
            ),
        });
    }
    // Form feeds (page breaks) and carriage returns inside a line are spaces: a text of the
    // audit holds no control character but tab and line feed (validation's
    // `control-character`).
    let spaced;
    let bytes = text.as_bytes();
    let odd = bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == 0x0c || (b == b'\r' && bytes.get(i + 1).is_some_and(|n| *n != b'\n')));
    let text = if odd {
        spaced = text.replace("\r\n", "\n").replace(['\u{c}', '\r'], " ");
        spaced.as_str()
    } else {
        text
    };
    let text = normalise(text);
    let mut parser = Parser::new(referentiel);
    let mut count = 0;
    for (i, line) in text.lines().enumerate() {
        count = i + 1;
        parser.line(i + 1, line.strip_suffix('\r').unwrap_or(line));
    }
    parser.finish(count)
}

fn not_a_report(reason: &str) -> Error {
    Error::NotAReport {
        reason: reason.to_owned(),
    }
}

/// The text of the cells `cells` (a line's cells after its first, separated by tabs): the
/// non-empty ones, trimmed, joined by a tab.
fn cells_beside(cells: &str) -> String {
    let mut out = String::new();
    for cell in cells.split('\t').map(str::trim).filter(|c| !c.is_empty()) {
        if !out.is_empty() {
            out.push('\t');
        }
        out.push_str(cell);
    }
    out
}

/// The first control character other than tab, line feed, carriage return and form feed.
fn binary_char(text: &str) -> Option<(usize, char)> {
    // Control characters are C0 bytes and DEL, or C1 (U+0080–U+009F, encoded C2 80–C2 9F).
    let bytes = text.as_bytes();
    let suspect = bytes.iter().enumerate().any(|(i, &b)| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    });
    if !suspect {
        return None;
    }
    let bad = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
    let at = text.find(bad)?;
    let c = text.get(at..)?.chars().next()?;
    let line = text.get(..at)?.bytes().filter(|b| *b == b'\n').count() + 1;
    Some((line, c))
}

// ---------------------------------------------------------------------------------------------
// The parser
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    TitlePage,
    PageDeGarde,
    Context { history: bool },
    Synthesis(Synth),
    Synthesis4(Option<ConclusionSection>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Synth {
    Legend,
    Module,
    Management(ManagementSection),
    Remote(RemoteChannel),
}

impl Part {
    /// The part, as diagnostics name it.
    fn place(self) -> Place {
        match self {
            Part::TitlePage => Place::TitlePage,
            Part::PageDeGarde => Place::Part1,
            Part::Context { .. } => Place::Part2,
            Part::Synthesis(_) => Place::Section3,
            Part::Synthesis4(_) => Place::Part4,
        }
    }
}

/// The row the next line may continue (after a page break): its index in its list.
#[derive(Debug, Clone, Copy)]
enum LastRow {
    None,
    Assessment(usize),
    Management(usize),
    Remote(usize),
}

/// Where a row was filed: the line of the row, and the line its verdict (or note) was filed
/// from, the row's own or the one that continued it.
#[derive(Debug, Clone, Copy)]
struct Filed {
    row: usize,
    value: Option<usize>,
}

impl Filed {
    /// The place of the value filed (`line 80`), when one is.
    fn value_place(self) -> Option<At> {
        self.value.map(|line| At { line, cell: None })
    }
}

struct Lead {
    name: String,
    role: String,
    phone: Option<String>,
    email: Option<String>,
    line: usize,
}

struct Parser<'r> {
    r: &'r Referentiel,
    roles: Vec<LineRole>,
    diags: Vec<ImportDiagnostic>,
    part: Part,
    seen_title: bool,
    seen_part: [bool; 4],
    // title page
    site_name: Option<String>,
    title_site: Option<(String, Departement, usize)>,
    title_type: Option<(AuditType, usize)>,
    title_start: Option<(NaiveDate, usize)>,
    title_end: Option<(NaiveDate, usize)>,
    leads: Vec<Lead>,
    // page de garde
    administration: Option<AdministrationType>,
    departement: Option<(Departement, usize)>,
    city: Option<(String, usize)>,
    modules: Option<Vec<ModuleNumber>>,
    internal_type: Option<AuditType>,
    external_type: Option<AuditType>,
    kind_line: Option<usize>,
    /// The planned date of the external audit an internal audit precedes.
    external_on: Option<NaiveDate>,
    label: Option<String>,
    dates: Option<(AuditDates, usize)>,
    auditors: Vec<Auditor>,
    in_auditors: bool,
    // body
    context: Context,
    organisation_lines: Vec<usize>,
    module: Option<ModuleNumber>,
    group: Option<String>,
    assessments: Vec<Assessment>,
    assessment_at: Vec<Filed>,
    management: Vec<ManagementAssessment>,
    management_at: Vec<Filed>,
    remote_checks: Vec<RemoteCheck>,
    remote_at: Vec<Filed>,
    last_row: LastRow,
    /// Whether the text of the last row ends in its evidence: the text of a line continuing
    /// the row goes on with it.
    ends_in_evidence: bool,
    ecarts: Vec<FicheEcart>,
    open_fiche: Option<usize>,
    /// A fiche's numbered heading alone on its line (`Fiche d'écart n°1`): its number and line,
    /// for the fiche the next line opens; a paragraph of the section until then.
    fiche_number: Option<(u32, usize)>,
    conclusion: AuditorSynthesis,
    /// The line of the charte graphique's explicit verdict (`Conformité : C`).
    charte_explicit: Option<usize>,
    charte_lines: Vec<usize>,
    unread: Vec<Unread>,
    /// The line being read, trimmed: what a row that is not filed keeps in `unread`.
    current: String,
    /// Whether `Carried::find` found nothing in the line being read.
    cells_checked: bool,
    /// The dates of the title page and the page de garde that could not be read, and why
    /// (`line 12: "18/11/19" has a two-digit year …`), for the error when no date is left.
    date_problems: Vec<String>,
}

impl<'r> Parser<'r> {
    fn new(r: &'r Referentiel) -> Self {
        Parser {
            r,
            roles: Vec::with_capacity(256),
            diags: Vec::new(),
            part: Part::TitlePage,
            seen_title: false,
            seen_part: [false; 4],
            site_name: None,
            title_site: None,
            title_type: None,
            title_start: None,
            title_end: None,
            leads: Vec::new(),
            administration: None,
            departement: None,
            city: None,
            modules: None,
            internal_type: None,
            external_type: None,
            kind_line: None,
            external_on: None,
            label: None,
            dates: None,
            auditors: Vec::new(),
            in_auditors: false,
            context: Context::default(),
            organisation_lines: Vec::new(),
            module: None,
            group: None,
            assessments: Vec::new(),
            assessment_at: Vec::new(),
            management: Vec::new(),
            management_at: Vec::new(),
            remote_checks: Vec::new(),
            remote_at: Vec::new(),
            last_row: LastRow::None,
            ends_in_evidence: false,
            ecarts: Vec::new(),
            open_fiche: None,
            fiche_number: None,
            conclusion: AuditorSynthesis::default(),
            charte_explicit: None,
            charte_lines: Vec::new(),
            unread: Vec::new(),
            current: String::new(),
            cells_checked: false,
            date_problems: Vec::new(),
        }
    }

    /// Reports with `code` a value of line `n` that is not read, and keeps its `text` in the
    /// audit's `unread` list, for `field`.
    fn unread(
        &mut self,
        n: usize,
        code: ImportCode,
        say: impl Fn(&ImportPhrases) -> String,
        field: String,
        text: &str,
    ) {
        self.diag(Some(n), code, say);
        self.unread.push(Unread::new(field, text).at_line(n));
    }

    /// Reports with `code` what `say` says, in each language, about `line`.
    fn diag(
        &mut self,
        line: Option<usize>,
        code: ImportCode,
        say: impl Fn(&ImportPhrases) -> String,
    ) {
        let french = say(Language::Fr.import());
        let english = say(Language::En.import());
        self.diags
            .push(ImportDiagnostic::new(line, code, french, english));
    }

    /// Reports line `n` (`text`), which the reader of `place` does not understand, and keeps
    /// it whole in `unread`: with `assessment-not-filed` when it could carry an assessment,
    /// else with `unrecognised-line`.
    fn skip(&mut self, n: usize, place: Place, text: &str) -> LineRole {
        let field = self.part_field();
        if let Some(carried) = Carried::find(text) {
            self.not_filed(n, Spot::Line(place), field, text, carried);
        } else {
            let shown = excerpt(text);
            self.diag(Some(n), ImportCode::UnrecognisedLine, |p| {
                (p.unrecognised_line)(place, &shown)
            });
            self.unread.push(Unread::new(field, text).at_line(n));
        }
        LineRole::Reported
    }

    /// Reports `text` of line `n`, which could carry `carried` and which the reader does not
    /// file where it stands (`spot`), and keeps it in `unread` for `field`: validation refuses
    /// the audit until it is filed or removed.
    fn not_filed(&mut self, n: usize, spot: Spot<'_>, field: String, text: &str, carried: Carried) {
        let shown = excerpt(text);
        self.diag(Some(n), ImportCode::AssessmentNotFiled, |p| {
            (p.not_filed)(spot, &shown, carried)
        });
        self.unread.push(Unread::new(field, text).at_line(n));
    }

    /// Reports `text` of line `n` (in `cell`, when the line has several values), a second
    /// value for `field` besides the one filed `at`, and keeps it in `unread` naming that
    /// place: neither wins, validation refuses the audit until one is removed.
    fn competing(
        &mut self,
        n: usize,
        spot: Spot<'_>,
        field: String,
        text: &str,
        at: At,
        cell: Option<&str>,
    ) {
        let shown = excerpt(text);
        self.diag(Some(n), ImportCode::AssessmentNotFiled, |p| {
            (p.competing)(spot, &shown, at)
        });
        let mut unread = Unread::new(field, text)
            .at_line(n)
            .conflicting_with(at.wire());
        if let Some(cell) = cell {
            unread = unread.in_cell(cell);
        }
        self.unread.push(unread);
    }

    /// Notes why a date of the cover, at line `n`, could not be read, for the error when no
    /// date is left (`line 12: "18/11/19" has a two-digit year …`): the error is English.
    fn date_problem(&mut self, n: usize, why: impl Fn(&ImportPhrases) -> String) {
        let english = Language::En.import();
        let mut problem = (english.at_line)(n);
        problem.push_str(&why(english));
        self.date_problems.push(problem);
    }

    /// Keeps the whole of line `n` in `unread` for `field`: a row that is not filed, competing
    /// with the row filed at `conflicts_with` when it repeats one.
    fn keep_line(&mut self, n: usize, field: String, conflicts_with: Option<String>) {
        let mut unread = Unread::new(field, self.current.clone()).at_line(n);
        unread.conflicts_with = conflicts_with;
        self.unread.push(unread);
    }

    /// The part of the audit the line being read stands in, as `Unread::field` names it.
    fn part_field(&self) -> String {
        match self.part {
            Part::TitlePage => "title page".to_owned(),
            Part::PageDeGarde if self.in_auditors => "auditors".to_owned(),
            Part::PageDeGarde => "page de garde".to_owned(),
            Part::Context { history: false } => "context.organisation".to_owned(),
            Part::Context { history: true } => "context.history".to_owned(),
            Part::Synthesis(Synth::Legend | Synth::Module) => "assessments".to_owned(),
            Part::Synthesis(Synth::Management(_)) => "management".to_owned(),
            Part::Synthesis(Synth::Remote(_)) => "remote_checks".to_owned(),
            Part::Synthesis4(None) => "conclusion".to_owned(),
            Part::Synthesis4(Some(ConclusionSection::FichesEcart)) => self.open_fiche.map_or_else(
                || "conclusion.fiches_ecart".to_owned(),
                |i| format!("ecarts[{i}]"),
            ),
            Part::Synthesis4(Some(section)) => format!("conclusion.{}", section.field_name()),
        }
    }

    /// Reads line `n` and records its role. Whatever the reader made of it, a line read as
    /// layout that could carry an assessment is reported and kept (the report's template holds
    /// no verdict), and a reported line is kept whole in `unread` unless part of it already is.
    fn line(&mut self, n: usize, line: &str) {
        let t = line.trim();
        self.current.clear();
        self.current.push_str(t);
        self.cells_checked = false;
        let mut role = self.classify(n, line);
        if let LineRole::Layout(layout) = role {
            // The legend is read whole (it names the codes); a table rule holds no letter, and
            // a row of column headers nothing but the headers.
            if !matches!(
                layout,
                ReportLayout::Legend | ReportLayout::TableRule | ReportLayout::ColumnHeader
            ) {
                let found = if self.cells_checked {
                    carrying_words(t)
                } else {
                    layout_carries(t)
                };
                if let Some((carried, text)) = found {
                    let field = self.part_field();
                    let spot = Spot::Layout(self.part.place(), &field);
                    self.not_filed(n, spot, field.clone(), &text, carried);
                    role = LineRole::Reported;
                }
            }
        }
        if role == LineRole::Reported && self.unread.last().is_none_or(|u| u.line != Some(n)) {
            if self.diags.last().is_some_and(|d| d.line == Some(n)) {
                let field = self.part_field();
                self.unread.push(Unread::new(field, t).at_line(n));
            } else {
                self.skip(n, self.part.place(), t);
            }
        }
        self.roles.push(role);
    }

    fn classify(&mut self, n: usize, line: &str) -> LineRole {
        let t = line.trim();
        // `trim` removes every character `char::is_whitespace` names.
        if t.is_empty() {
            return LineRole::Blank;
        }
        if let Some(layout) = table_debris(t) {
            return LineRole::Layout(layout);
        }
        let (first, beside) = t.split_once('\t').unwrap_or((t, ""));
        if let Some(part) = part_heading(first.trim_end()) {
            self.enter_part(part);
            return self.heading(n, first, &cells_beside(beside));
        }
        if !matches!(self.part, Part::Synthesis(_)) {
            if let Some(role) = self.stray_row(n, line) {
                return role;
            }
        }
        // The cover and the context hold no assessment: a line there that could carry one is
        // not read as their text (a name, a city, a paragraph) but kept.
        if matches!(
            self.part,
            Part::TitlePage | Part::PageDeGarde | Part::Context { .. }
        ) {
            if let Some(carried) = Carried::find(t) {
                let field = self.part_field();
                self.not_filed(
                    n,
                    Spot::Part(self.part.place(), &field),
                    field.clone(),
                    t,
                    carried,
                );
                return LineRole::Reported;
            }
            self.cells_checked = true;
        }
        match self.part {
            Part::TitlePage => self.title_page(n, t),
            Part::PageDeGarde => self.page_de_garde(n, line, t),
            Part::Context { history } => self.context_line(n, t, history),
            Part::Synthesis(state) => self.synthesis(n, line, t, state),
            Part::Synthesis4(section) => self.conclusion_line(n, t, section),
        }
    }

    /// The role of line `n`, a heading (`heading`, its words) with `beside` it the text of its
    /// other cells, or what its cell holds besides the heading's words: layout when nothing
    /// stands beside it; else the text is reported (`text-beside-heading`) and kept in
    /// `unread`, for the part the heading opens. A line that could carry an assessment is left
    /// to [`Parser::line`], which reports it whole.
    fn heading(&mut self, n: usize, heading: &str, beside: &str) -> LineRole {
        if beside.is_empty() || layout_carries(&self.current).is_some() {
            return LineRole::Layout(ReportLayout::Heading);
        }
        let field = self.part_field();
        let (shown_heading, shown) = (excerpt(heading.trim()), excerpt(beside));
        self.unread(
            n,
            ImportCode::TextBesideHeading,
            |p| (p.text_beside_heading)(&shown_heading, &shown),
            field,
            beside,
        );
        LineRole::Reported
    }

    fn enter_part(&mut self, part: u8) {
        if let Some(seen) = self.seen_part.get_mut(usize::from(part).wrapping_sub(1)) {
            *seen = true;
        }
        self.in_auditors = false;
        self.last_row = LastRow::None;
        self.fiche_number = None;
        self.part = match part {
            1 => Part::PageDeGarde,
            2 => Part::Context { history: false },
            3 => Part::Synthesis(Synth::Legend),
            _ => Part::Synthesis4(None),
        };
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{ImportCode, ImportDiagnostic, LineRole};
    use crate::samples;

    #[test]
    fn a_reported_line_without_its_diagnostic_is_unexplained() {
        let mut imported = super::import_report(samples::TOULON_2019_REPORT).unwrap();
        imported.lines = vec![
            LineRole::Blank,
            LineRole::Reported,
            LineRole::Reported,
            LineRole::Blank,
        ];
        imported.diagnostics = vec![ImportDiagnostic::new(
            Some(2),
            ImportCode::UnrecognisedLine,
            String::new(),
            String::new(),
        )];
        assert_eq!(imported.unexplained_lines(), [3]);
    }
}
