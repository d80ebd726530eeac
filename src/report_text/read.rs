//! The import of an audit report from its text form (the text export of the report's PDF).
//!
//! [`import_report_text`] reads a report such as `tests/fixtures/rapport-audit-toulon-2019.txt`
//! into an [`Audit`], in one pass over its lines, and accounts for every line: each non-blank
//! line is either used for a field ([`LineRole::Field`]), recognised as layout
//! ([`LineRole::Layout`]: headings, table rules, repeated column headers, page headers,
//! legends, template text), or reported in the diagnostics ([`LineRole::Reported`]). Nothing is
//! dropped silently: [`Imported::unexplained_lines`] lists the lines that are none of these, and
//! is empty by construction.
//!
//! # What is tolerated
//!
//! Verdicts in any case and spacing (`c`, `N A`, `nc MIN`, `NC  Maj`), a verdict in another
//! column after a page break, observation markers written `PF :` or `PF:` (several per cell),
//! CRLF line endings, a byte-order mark, accents in NFC or NFD form (combining sequences of the
//! French letters are composed with a small table), stray spaces around cells, markers and
//! codes, and non-breaking spaces (U+00A0, U+202F, U+2007, read as spaces everywhere).
//!
//! # The text form of what the export does not show
//!
//! A point sensible's risk follows its text: `PS : text Risque : risk`. A fiche d'écart is a
//! paragraph of section « FICHE(S) D'ECART(S) » that names an engagement (`Module 1 engagement
//! 17`, `engagement 17`, `Engagement n°17`) or a management item (`PILOTAGE DE LA POLITIQUE
//! QUALITE point 5`), optionally followed by lines `Constat : …`, `Exigence : …`, `Action
//! corrective : …`, `Échéance : dd/mm/yyyy`. Its grade is the one the paragraph states
//! (`NC min`, `NC Maj`, « mineure », « majeure »), else the engagement's verdict; its finding is
//! the `Constat` line, else the paragraph itself. The charte graphique's verdict is a line
//! `Conformité : C`, else `NA` when its text says « non applicable ». A paragraph read as a fiche
//! d'écart goes to `ecarts` only; the other paragraphs of the section (« Absence de
//! non-conformité majeure ou mineure. ») stay in `conclusion.fiches_ecart`, verbatim.
//!
//! The paragraphs of the context and of part 4 are one line each, as in the export. Module and
//! channel-group headings, management and remote-audit headings are layout that steers the
//! reading; the rows they head say their own module and number.
//! [`render_report_text`](crate::render_report_text) writes this form.
//!
//! ```
//! use qualepref::{import_report, samples, Audit};
//!
//! let imported = import_report(samples::TOULON_2019_REPORT)?;
//! assert_eq!(imported.audit(), &Audit::from_json_str(samples::TOULON_2019_JSON)?);
//! assert!(imported.unexplained_lines().is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;
use strum::IntoStaticStr;

use super::diagnostics::{ImportCode, ImportDiagnostic, ImportLevel};
use crate::text::{key, key_starts, loosely_equal, normalise};
use crate::{
    AdministrationType, Assessment, Audit, AuditDates, AuditKind, AuditType, Auditor,
    AuditorSynthesis, Context, ContextFigures, Departement, EcartTarget, EngagementNumber, Error,
    FicheEcart, ManagementAssessment, ManagementItemId, ManagementSection, ModuleNumber, NcGrade,
    Observation, ObservationKind, Referentiel, ReferentielRef, RemoteChannel, RemoteCheck,
    RemoteNote, Site, Verdict,
};

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

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

    /// Whether any diagnostic is a warning or a skipped line.
    #[must_use]
    pub fn has_warnings(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| matches!(d.level, ImportLevel::Warning | ImportLevel::Skipped))
    }
}

/// What one line of the input was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LineRole {
    /// Empty, or only spaces and tabs.
    Blank,
    /// Read into a field of the audit.
    Field(ReportField),
    /// Recognised as layout: it carries no data of the audit.
    Layout(ReportLayout),
    /// Not used; a diagnostic on this line says why.
    Reported,
}

/// The part of the audit a line was read into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReportField {
    /// The site's name on the title page (`site.name`).
    SiteName,
    /// City and département on the title page (`TOULON - 83`), checked against the page de
    /// garde and used when it lacks them.
    TitlePageSite,
    /// The audit type on the title page (`initial`).
    TitlePageAuditType,
    /// The référentiel's short name on the title page, checked against the référentiel used.
    TitlePageReferentiel,
    /// A date on the title page (`Dates de début d'audit`), checked against the page de garde.
    TitlePageDates,
    /// An auditor (`auditors`): role line, direct line, e-mail, or a row of the auditors' table.
    Auditor,
    /// TYPE D'ADMINISTRATION (`site.administration`).
    Administration,
    /// DEPARTEMENT (`site.departement`).
    Departement,
    /// VILLE (`site.city`).
    City,
    /// MODULES COUVERTS PAR LE LABEL (`modules`).
    Modules,
    /// AUDIT INTERNE or TYPE D'AUDIT (`kind`).
    AuditKind,
    /// REFERENTIEL (`referentiel.label`).
    ReferentielLabel,
    /// DATE(S) DE L'AUDIT (`dates`).
    AuditDates,
    /// A paragraph of « Contexte de l'organisme audité » (`context.organisation`).
    ContextOrganisation,
    /// A paragraph of « Présentation et historique » (`context.history`).
    ContextHistory,
    /// The row of an engagement (`assessments`).
    Assessment(EngagementNumber),
    /// The row of a management item (`management`).
    Management(ManagementItemId),
    /// A remote check (`remote_checks`).
    RemoteCheck(RemoteChannel, EngagementNumber),
    /// A paragraph of a section of part 4 (`conclusion`).
    Conclusion(ConclusionSection),
    /// A fiche d'écart or one of its lines (`ecarts`).
    FicheEcart(EcartTarget),
    /// The charte graphique's explicit verdict line (`conclusion.charte_graphique.verdict`).
    CharteVerdict,
}

impl fmt::Display for ReportField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportField::SiteName => f.write_str("site.name"),
            ReportField::TitlePageSite => f.write_str("site (title page)"),
            ReportField::TitlePageAuditType => f.write_str("kind (title page)"),
            ReportField::TitlePageReferentiel => f.write_str("referentiel (title page)"),
            ReportField::TitlePageDates => f.write_str("dates (title page)"),
            ReportField::Auditor => f.write_str("auditors"),
            ReportField::Administration => f.write_str("site.administration"),
            ReportField::Departement => f.write_str("site.departement"),
            ReportField::City => f.write_str("site.city"),
            ReportField::Modules => f.write_str("modules"),
            ReportField::AuditKind => f.write_str("kind"),
            ReportField::ReferentielLabel => f.write_str("referentiel.label"),
            ReportField::AuditDates => f.write_str("dates"),
            ReportField::ContextOrganisation => f.write_str("context.organisation"),
            ReportField::ContextHistory => f.write_str("context.history"),
            ReportField::Assessment(n) => write!(f, "assessments[engagement {n}]"),
            ReportField::Management(id) => write!(f, "management[{id}]"),
            ReportField::RemoteCheck(c, n) => write!(f, "remote_checks[{c} engagement {n}]"),
            ReportField::Conclusion(s) => write!(f, "conclusion.{}", s.field_name()),
            ReportField::FicheEcart(t) => write!(f, "ecarts[{t}]"),
            ReportField::CharteVerdict => f.write_str("conclusion.charte_graphique.verdict"),
        }
    }
}

/// The kinds of layout a line can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum ReportLayout {
    /// The report's title, `RAPPORT D'AUDIT`.
    Title,
    /// The table of contents (`SOMMAIRE …` and its entries).
    TableOfContents,
    /// A heading that opens a part, a section, a module, a channel group, a management section or
    /// a remote-audit channel: it says where the next lines go.
    Heading,
    /// The legend of the codes (`C : Conforme **NA** : Non applicable`).
    Legend,
    /// A table's column headers, repeated after a page break.
    ColumnHeader,
    /// A table rule (`--\t--\t----------`).
    TableRule,
    /// A page header left by a page break (`<small>Liberté • Égalité • Fraternité</small> …`).
    PageHeader,
    /// Text of the report's template, not the auditor's, such as the satisfaction-survey
    /// subtitle « (Vérification de l'analyse …) ».
    TemplateText,
}

impl fmt::Display for ReportLayout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.into())
    }
}

/// The sections of part 4 (« Synthèse et conclusion générale »).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum ConclusionSection {
    /// POINTS FORTS.
    PointsForts,
    /// POINTS SENSIBLES (avec risques associés).
    PointsSensibles,
    /// PISTES DE PROGRES.
    PistesDeProgres,
    /// FICHE(S) D'ECART(S).
    FichesEcart,
    /// COMMENTAIRES.
    Commentaires,
    /// LES BONNES PRATIQUES.
    BonnesPratiques,
    /// LES RESULTATS DES ENQUETES DE SATISFACTION DES USAGERS.
    EnquetesSatisfaction,
    /// RESPECT DE LA CHARTE GRAPHIQUE.
    CharteGraphique,
    /// CONCLUSION GENERALE DE L'AUDIT.
    ConclusionGenerale,
}

impl ConclusionSection {
    /// The sections, in the report's order.
    pub const ALL: [ConclusionSection; 9] = [
        ConclusionSection::PointsForts,
        ConclusionSection::PointsSensibles,
        ConclusionSection::PistesDeProgres,
        ConclusionSection::FichesEcart,
        ConclusionSection::Commentaires,
        ConclusionSection::BonnesPratiques,
        ConclusionSection::EnquetesSatisfaction,
        ConclusionSection::CharteGraphique,
        ConclusionSection::ConclusionGenerale,
    ];

    /// The field of [`AuditorSynthesis`] it fills, e.g. `points_forts`.
    #[must_use]
    pub fn field_name(self) -> &'static str {
        self.into()
    }

    /// The heading as printed in reports, e.g. `FICHE(S) D'ECART(S)`.
    #[must_use]
    pub const fn heading(self) -> &'static str {
        match self {
            ConclusionSection::PointsForts => "POINTS FORTS",
            ConclusionSection::PointsSensibles => "POINTS SENSIBLES (avec risques associés)",
            ConclusionSection::PistesDeProgres => "PISTES DE PROGRES",
            ConclusionSection::FichesEcart => "FICHE(S) D'ECART(S)",
            ConclusionSection::Commentaires => "COMMENTAIRES",
            ConclusionSection::BonnesPratiques => "LES BONNES PRATIQUES",
            ConclusionSection::EnquetesSatisfaction => {
                "LES RESULTATS DES ENQUETES DE SATISFACTION DES USAGERS"
            }
            ConclusionSection::CharteGraphique => "RESPECT DE LA CHARTE GRAPHIQUE",
            ConclusionSection::ConclusionGenerale => "CONCLUSION GENERALE DE L'AUDIT",
        }
    }

    /// The section's paragraphs in `conclusion` (the charte graphique's text for
    /// [`ConclusionSection::CharteGraphique`]).
    #[must_use]
    pub fn paragraphs(self, conclusion: &AuditorSynthesis) -> &[String] {
        match self {
            ConclusionSection::PointsForts => &conclusion.points_forts,
            ConclusionSection::PointsSensibles => &conclusion.points_sensibles,
            ConclusionSection::PistesDeProgres => &conclusion.pistes_de_progres,
            ConclusionSection::FichesEcart => &conclusion.fiches_ecart,
            ConclusionSection::Commentaires => &conclusion.commentaires,
            ConclusionSection::BonnesPratiques => &conclusion.bonnes_pratiques,
            ConclusionSection::EnquetesSatisfaction => &conclusion.enquetes_satisfaction,
            ConclusionSection::CharteGraphique => &conclusion.charte_graphique.text,
            ConclusionSection::ConclusionGenerale => &conclusion.conclusion_generale,
        }
    }

    fn paragraphs_mut(self, conclusion: &mut AuditorSynthesis) -> &mut Vec<String> {
        match self {
            ConclusionSection::PointsForts => &mut conclusion.points_forts,
            ConclusionSection::PointsSensibles => &mut conclusion.points_sensibles,
            ConclusionSection::PistesDeProgres => &mut conclusion.pistes_de_progres,
            ConclusionSection::FichesEcart => &mut conclusion.fiches_ecart,
            ConclusionSection::Commentaires => &mut conclusion.commentaires,
            ConclusionSection::BonnesPratiques => &mut conclusion.bonnes_pratiques,
            ConclusionSection::EnquetesSatisfaction => &mut conclusion.enquetes_satisfaction,
            ConclusionSection::CharteGraphique => &mut conclusion.charte_graphique.text,
            ConclusionSection::ConclusionGenerale => &mut conclusion.conclusion_generale,
        }
    }

    fn from_heading_key(key: &str) -> Option<ConclusionSection> {
        Some(match key {
            "pointsforts" => ConclusionSection::PointsForts,
            "pointssensibles" => ConclusionSection::PointsSensibles,
            "pistesdeprogres" => ConclusionSection::PistesDeProgres,
            "fichedecart" | "fichesdecart" | "fichesdecarts" | "fichedecarts" => {
                ConclusionSection::FichesEcart
            }
            "commentaires" => ConclusionSection::Commentaires,
            "lesbonnespratiques" | "bonnespratiques" => ConclusionSection::BonnesPratiques,
            "lesresultatsdesenquetesdesatisfactiondesusagers"
            | "resultatsdesenquetesdesatisfaction"
            | "enquetesdesatisfaction" => ConclusionSection::EnquetesSatisfaction,
            "respectdelachartegraphique" | "chartegraphique" => ConclusionSection::CharteGraphique,
            "conclusiongeneraledelaudit" | "conclusiongenerale" => {
                ConclusionSection::ConclusionGenerale
            }
            _ => return None,
        })
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
// Normalisation
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Small readers
// ---------------------------------------------------------------------------------------------

/// The leading decimal number of `s` (at most 9 digits) and the rest.
fn leading_number(s: &str) -> Option<(u32, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > 9 {
        return None;
    }
    let n = s.get(..end)?.parse().ok()?;
    Some((n, s.get(end..)?))
}

/// `12. Title` → (12, `Title`).
fn numbered(s: &str) -> Option<(u32, &str)> {
    let (n, rest) = leading_number(s.trim_start())?;
    let rest = rest.trim_start().strip_prefix('.')?;
    Some((n, rest.trim()))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

/// `Module 1 12. Title` → (1, 12, `Title`).
fn module_row(s: &str) -> Option<(u32, u32, &str)> {
    let rest = strip_prefix_ci(s.trim_start(), "module")?;
    let (module, rest) = leading_number(rest.trim_start())?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let (number, title) = numbered(rest)?;
    Some((module, number, title))
}

/// `MODULE 1 - …` or `MODULE 1 : …` (a heading, not a row) → 1.
fn module_heading(s: &str) -> Option<u32> {
    let rest = strip_prefix_ci(s.trim_start(), "module")?;
    let (module, rest) = leading_number(rest.trim_start())?;
    let rest = rest.trim_start();
    if rest.is_empty() || rest.starts_with(['-', ':', '–', '—']) {
        Some(module)
    } else {
        None
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%d/%m/%Y").ok()
}

/// Every `dd/mm/yyyy` date in `s`, in order.
fn dates_in(s: &str) -> Vec<NaiveDate> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .filter(|w| w.contains('/'))
        .filter_map(|w| parse_date(w.trim_end_matches('.')))
        .collect()
}

/// Every `4 février 2019` date in `s`, in order.
fn french_dates_in(s: &str) -> Vec<NaiveDate> {
    const MONTHS: [&str; 12] = [
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut out = Vec::new();
    for w in words.windows(3) {
        if let [day, month, year] = w {
            let day = day
                .trim_start_matches("1er")
                .parse::<u32>()
                .ok()
                .or_else(|| day.eq_ignore_ascii_case("1er").then_some(1));
            let month = MONTHS.iter().position(|m| *m == key(month));
            let year = year.trim_end_matches(['.', ',']).parse::<i32>().ok();
            if let (Some(d), Some(m), Some(y)) = (day, month, year) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m as u32 + 1, d) {
                    out.push(date);
                }
            }
        }
    }
    out
}

fn parse_verdict(cell: &str) -> Option<Verdict> {
    if cell.len() > 30 {
        return None;
    }
    cell.parse().ok()
}

/// The checkboxes of a cell: `(checked, label)` for each `<input … type="checkbox"/> Label`.
fn checkboxes(cell: &str) -> Vec<(bool, &str)> {
    cell.split("<input")
        .skip(1)
        .filter_map(|seg| {
            let (attrs, label) = seg.split_once('>')?;
            Some((attrs.contains("checked"), label.trim()))
        })
        .collect()
}

fn administration_from_key(k: &str) -> Option<AdministrationType> {
    Some(match k {
        "prefecture" => AdministrationType::Prefecture,
        "sousprefecture" => AdministrationType::SousPrefecture,
        "prefecturedepolice" => AdministrationType::PrefectureDePolice,
        "hautcommissariat" => AdministrationType::HautCommissariat,
        _ => return None,
    })
}

fn administration_from_name(name: &str) -> Option<AdministrationType> {
    let k = key(name);
    if k.starts_with("sousprefecture") {
        Some(AdministrationType::SousPrefecture)
    } else if k.starts_with("prefecturedepolice") {
        Some(AdministrationType::PrefectureDePolice)
    } else if k.starts_with("hautcommissariat") {
        Some(AdministrationType::HautCommissariat)
    } else if k.starts_with("prefecture") {
        Some(AdministrationType::Prefecture)
    } else {
        None
    }
}

fn audit_type_from_key(k: &str) -> Option<AuditType> {
    let k = k
        .strip_prefix("auditinterne")
        .or_else(|| k.strip_prefix("audit"))
        .unwrap_or(k);
    Some(match k {
        "initial" => AuditType::Initial,
        "desuivi" | "suivi" => AuditType::Suivi,
        "derenouvellement" | "renouvellement" => AuditType::Renouvellement,
        "dextension" | "extension" => AuditType::Extension,
        _ => return None,
    })
}

fn remote_channel_from_key(k: &str) -> Option<RemoteChannel> {
    if k.starts_with("internet") {
        Some(RemoteChannel::Internet)
    } else if k.starts_with("telephone") {
        Some(RemoteChannel::Telephone)
    } else if k.starts_with("courriel") {
        Some(RemoteChannel::Courriels)
    } else {
        None
    }
}

/// Where the observation markers (`PF :`, `PS:`, `PP :`) of `text` start, with the start of
/// their text and their kind.
fn markers(text: &str) -> Vec<(usize, usize, ObservationKind)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'P' {
            let boundary = i == 0
                || bytes
                    .get(i - 1)
                    .is_some_and(|p| p.is_ascii_whitespace() || matches!(p, b'>' | b'*' | b'('));
            let kind = match bytes.get(i + 1) {
                Some(b'F') => Some(ObservationKind::Strength),
                Some(b'S') => Some(ObservationKind::AreaOfConcern),
                Some(b'P') => Some(ObservationKind::OpportunityForImprovement),
                _ => None,
            };
            if let (true, Some(kind)) = (boundary, kind) {
                let mut j = i + 2;
                while bytes.get(j).is_some_and(|c| *c == b' ' || *c == b'*') {
                    j += 1;
                }
                if bytes.get(j) == Some(&b':') {
                    out.push((i, j + 1, kind));
                    i = j + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// `Risque : …` in a point sensible: (text, risk).
fn split_risk(text: &str) -> (&str, Option<&str>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if (b == b'R' || b == b'r')
            && (i == 0 || bytes.get(i - 1).is_some_and(u8::is_ascii_whitespace))
            && text
                .get(i..i + 6)
                .is_some_and(|w| w.eq_ignore_ascii_case("risque"))
        {
            let mut j = i + 6;
            if matches!(bytes.get(j), Some(b's' | b'S')) {
                j += 1;
            }
            while bytes.get(j) == Some(&b' ') {
                j += 1;
            }
            if bytes.get(j) == Some(&b':') {
                if let (Some(head), Some(risk)) = (text.get(..i), text.get(j + 1..)) {
                    return (head.trim(), Some(risk.trim()));
                }
            }
        }
        i += 1;
    }
    (text, None)
}

/// A comment cell split into the text before any marker (the comment) and the observations.
fn split_observations(text: &str) -> (Option<String>, Vec<Observation>) {
    let found = markers(text);
    let first = found.first().map_or(text.len(), |m| m.0);
    let comment = text
        .get(..first)
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned);
    let mut observations = Vec::with_capacity(found.len());
    for (k, &(_, start, kind)) in found.iter().enumerate() {
        let end = found.get(k + 1).map_or(text.len(), |m| m.0);
        let body = text.get(start..end).unwrap_or("").trim();
        let (body, risk) = if kind == ObservationKind::AreaOfConcern {
            split_risk(body)
        } else {
            (body, None)
        };
        observations.push(Observation {
            kind,
            text: body.to_owned(),
            risk: risk.map(str::to_owned),
        });
    }
    (comment, observations)
}

fn strip_tags(text: &str) -> Cow<'_, str> {
    if text.contains('<') {
        let mut s = text.to_owned();
        for tag in [
            "<i>",
            "</i>",
            "<b>",
            "</b>",
            "<em>",
            "</em>",
            "<strong>",
            "</strong>",
        ] {
            if s.contains(tag) {
                s = s.replace(tag, "");
            }
        }
        Cow::Owned(s)
    } else {
        Cow::Borrowed(text)
    }
}

/// A number written just before `word` in `text` (`1 060 000 habitants` → 1060000), with the
/// text of the figure.
fn figure_before(text: &str, word: &str) -> Option<(u64, String)> {
    for (at, _) in text.match_indices(word) {
        let after = text.get(at + word.len()..).and_then(|s| s.chars().next());
        if after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let head = text.get(..at)?.trim_end();
        let tokens: Vec<&str> = head.split(' ').collect();
        let mut digits: Vec<&str> = Vec::new();
        for t in tokens.iter().rev() {
            if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit()) {
                break;
            }
            if let Some(prev) = digits.last() {
                if prev.len() != 3 || t.len() > 3 {
                    break;
                }
            }
            digits.push(t);
        }
        if digits.is_empty() {
            continue;
        }
        digits.reverse();
        let number: String = digits.concat();
        let value = number.parse().ok()?;
        return Some((value, format!("{} {word}", digits.join(" "))));
    }
    None
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

#[derive(Debug, Clone, Copy)]
enum LastRow {
    None,
    Assessment(usize),
    Management(usize),
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
    assessment_lines: Vec<usize>,
    management: Vec<ManagementAssessment>,
    remote_checks: Vec<RemoteCheck>,
    last_row: LastRow,
    last_row_line: usize,
    ecarts: Vec<FicheEcart>,
    open_fiche: Option<usize>,
    conclusion: AuditorSynthesis,
    charte_explicit: bool,
    charte_lines: Vec<usize>,
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
            label: None,
            dates: None,
            auditors: Vec::new(),
            in_auditors: false,
            context: Context::default(),
            organisation_lines: Vec::new(),
            module: None,
            group: None,
            assessments: Vec::new(),
            assessment_lines: Vec::new(),
            management: Vec::new(),
            remote_checks: Vec::new(),
            last_row: LastRow::None,
            last_row_line: 0,
            ecarts: Vec::new(),
            open_fiche: None,
            conclusion: AuditorSynthesis::default(),
            charte_explicit: false,
            charte_lines: Vec::new(),
        }
    }

    fn diag(&mut self, line: Option<usize>, code: ImportCode, message: String) {
        self.diags.push(ImportDiagnostic {
            line,
            level: code.level(),
            code,
            message,
        });
    }

    fn skip(&mut self, n: usize, where_: &str, text: &str) -> LineRole {
        self.diag(
            Some(n),
            ImportCode::UnrecognisedLine,
            format!(
                "line not understood in {where_}, not used: {:?}",
                excerpt(text)
            ),
        );
        LineRole::Reported
    }

    fn line(&mut self, n: usize, line: &str) {
        let role = self.classify(n, line);
        self.roles.push(role);
    }

    fn classify(&mut self, n: usize, line: &str) -> LineRole {
        let t = line.trim();
        if t.is_empty() || t.chars().all(char::is_whitespace) {
            return LineRole::Blank;
        }
        if let Some(layout) = table_debris(t) {
            return LineRole::Layout(layout);
        }
        if let Some(part) = part_heading(t) {
            self.enter_part(part);
            return LineRole::Layout(ReportLayout::Heading);
        }
        match self.part {
            Part::TitlePage => self.title_page(n, t),
            Part::PageDeGarde => self.page_de_garde(n, line, t),
            Part::Context { history } => self.context_line(n, t, history),
            Part::Synthesis(state) => self.synthesis(n, line, t, state),
            Part::Synthesis4(section) => self.conclusion_line(n, t, section),
        }
    }

    fn enter_part(&mut self, part: u8) {
        if let Some(seen) = self.seen_part.get_mut(usize::from(part).wrapping_sub(1)) {
            *seen = true;
        }
        self.in_auditors = false;
        self.last_row = LastRow::None;
        self.part = match part {
            1 => Part::PageDeGarde,
            2 => Part::Context { history: false },
            3 => Part::Synthesis(Synth::Legend),
            _ => Part::Synthesis4(None),
        };
    }

    // --- title page -------------------------------------------------------------------------

    fn title_page(&mut self, n: usize, t: &str) -> LineRole {
        let k = key(t);
        if k == "rapportdaudit" || k == "rapportdevaluation" {
            self.seen_title = true;
            return LineRole::Layout(ReportLayout::Title);
        }
        if k.starts_with("sommaire") || (t.starts_with('-') && t.contains('.') && k.len() < 80) {
            return LineRole::Layout(ReportLayout::TableOfContents);
        }
        if let Some((left, value)) = t.split_once(':').or_else(|| t.split_once('\t')) {
            let lk = key(left);
            let value = value.trim();
            if lk == "referentiel" {
                if key(value) != key(self.r.name()) && key(value) != key(self.r.id()) {
                    self.diag(
                        Some(n),
                        ImportCode::ReferentielDiffers,
                        format!(
                            "the report names référentiel {value:?}, the import uses {:?} ({})",
                            self.r.name(),
                            self.r.id()
                        ),
                    );
                }
                return LineRole::Field(ReportField::TitlePageReferentiel);
            }
            if lk.starts_with("datesdedebut") || lk.starts_with("datededebut") {
                return self.title_date(n, value, true);
            }
            if lk.starts_with("datesdefin") || lk.starts_with("datedefin") {
                return self.title_date(n, value, false);
            }
            if lk.starts_with("votre") && !value.is_empty() {
                let role = strip_prefix_ci(left.trim(), "votre")
                    .unwrap_or(left)
                    .trim()
                    .to_owned();
                self.leads.push(Lead {
                    name: value.to_owned(),
                    role,
                    phone: None,
                    email: None,
                    line: n,
                });
                return LineRole::Field(ReportField::Auditor);
            }
            let is_phone = lk == "lignedirecte" || lk == "telephone" || lk == "tel";
            let is_email = lk == "adresseelectronique" || lk == "courriel" || lk == "email";
            if is_phone || is_email {
                let Some(lead) = self.leads.last_mut() else {
                    return self.skip(n, "the title page (no auditor named above)", t);
                };
                if is_phone {
                    lead.phone = Some(value.to_owned());
                } else {
                    lead.email = Some(value.to_owned());
                }
                return LineRole::Field(ReportField::Auditor);
            }
        }
        if let Some((city, dep)) = t.rsplit_once(" - ") {
            if let Ok(dep) = dep.parse::<Departement>() {
                if self.title_site.is_none() {
                    self.title_site = Some((city.trim().to_owned(), dep, n));
                    return LineRole::Field(ReportField::TitlePageSite);
                }
            }
        }
        if let Some(kind) = audit_type_from_key(&k) {
            if self.title_type.is_none() {
                self.title_type = Some((kind, n));
                return LineRole::Field(ReportField::TitlePageAuditType);
            }
        }
        if self.site_name.is_none() && administration_from_name(t).is_some() {
            self.site_name = Some(t.to_owned());
            return LineRole::Field(ReportField::SiteName);
        }
        self.skip(n, "the title page", t)
    }

    fn title_date(&mut self, n: usize, value: &str, start: bool) -> LineRole {
        let Some(d) = parse_date(value) else {
            self.diag(
                Some(n),
                ImportCode::InvalidDate,
                format!("{value:?} is not a date dd/mm/yyyy, not used"),
            );
            return LineRole::Reported;
        };
        if start {
            self.title_start = Some((d, n));
        } else {
            self.title_end = Some((d, n));
        }
        LineRole::Field(ReportField::TitlePageDates)
    }

    // --- page de garde ----------------------------------------------------------------------

    fn page_de_garde(&mut self, n: usize, line: &str, t: &str) -> LineRole {
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let first = cells.first().copied().unwrap_or("");
        let value = cells
            .iter()
            .skip(1)
            .copied()
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>();
        let v0 = value.first().copied().unwrap_or("");
        let k = key(first);
        if first.is_empty() && self.in_auditors && !v0.is_empty() {
            return self.auditor_row(n, &value);
        }
        self.in_auditors = false;
        if k.starts_with("typedadministration") {
            let checked: Vec<&str> = checkboxes(v0)
                .into_iter()
                .filter(|c| c.0)
                .map(|c| c.1)
                .collect();
            match checked.as_slice() {
                [label] => {
                    if let Some(a) = administration_from_key(&key(label)) {
                        self.administration = Some(a);
                        LineRole::Field(ReportField::Administration)
                    } else {
                        self.diag(
                            Some(n),
                            ImportCode::UnknownValue,
                            format!("administration type {label:?} is not one the crate knows"),
                        );
                        LineRole::Reported
                    }
                }
                [] => LineRole::Field(ReportField::Administration),
                _ => {
                    self.diag(
                        Some(n),
                        ImportCode::UnknownValue,
                        format!(
                            "several administration types are checked ({}), none used",
                            checked.join(", ")
                        ),
                    );
                    LineRole::Reported
                }
            }
        } else if k == "departement" {
            match v0.parse::<Departement>() {
                Ok(d) => {
                    self.departement = Some((d, n));
                    LineRole::Field(ReportField::Departement)
                }
                Err(e) => {
                    self.diag(Some(n), ImportCode::UnknownValue, e.to_string());
                    LineRole::Reported
                }
            }
        } else if k == "ville" {
            self.city = Some((v0.to_owned(), n));
            LineRole::Field(ReportField::City)
        } else if k.starts_with("modulescouverts") || k == "modules" {
            let mut modules = Vec::new();
            for (checked, label) in checkboxes(v0) {
                let number = strip_prefix_ci(label, "module")
                    .and_then(|rest| leading_number(rest.trim_start()))
                    .and_then(|(m, _)| u8::try_from(m).ok())
                    .and_then(ModuleNumber::new);
                match number {
                    Some(m) if checked => modules.push(m),
                    Some(_) => {}
                    None => self.diag(
                        Some(n),
                        ImportCode::UnknownValue,
                        format!("checkbox {label:?} names no module 1 to 8, not used"),
                    ),
                }
            }
            self.modules = Some(modules);
            LineRole::Field(ReportField::Modules)
        } else if k.starts_with("auditinterne") {
            self.kind_line = Some(n);
            self.internal_type = self.checked_type(n, v0);
            LineRole::Field(ReportField::AuditKind)
        } else if k.starts_with("typedaudit") || k == "audit" || k.starts_with("auditexterne") {
            self.kind_line.get_or_insert(n);
            self.external_type = self.checked_type(n, v0);
            LineRole::Field(ReportField::AuditKind)
        } else if k == "referentiel" {
            self.label = Some(v0.to_owned());
            self.check_referentiel_dates(n, v0);
            LineRole::Field(ReportField::ReferentielLabel)
        } else if k.starts_with("datesdelaudit") || k.starts_with("datedelaudit") {
            let found = dates_in(v0);
            let dates = match found.as_slice() {
                [start, end] => Some(AuditDates {
                    start: *start,
                    end: *end,
                }),
                [day] => Some(AuditDates {
                    start: *day,
                    end: *day,
                }),
                _ => None,
            };
            if let Some(d) = dates {
                self.dates = Some((d, n));
                LineRole::Field(ReportField::AuditDates)
            } else {
                self.diag(
                    Some(n),
                    ImportCode::InvalidDate,
                    format!("{v0:?} does not read as « Du dd/mm/yyyy au dd/mm/yyyy », not used"),
                );
                LineRole::Reported
            }
        } else if k.starts_with("auditeur") {
            self.in_auditors = true;
            self.auditor_row(n, &value)
        } else {
            self.skip(n, "the page de garde", t)
        }
    }

    fn auditor_row(&mut self, n: usize, value: &[&str]) -> LineRole {
        let Some(name) = value.first() else {
            return LineRole::Field(ReportField::Auditor);
        };
        let signed_on = match value.get(1) {
            Some(d) => {
                let date = parse_date(d);
                if date.is_none() {
                    self.diag(
                        Some(n),
                        ImportCode::InvalidDate,
                        format!("signature date {d:?} is not a date dd/mm/yyyy, not used"),
                    );
                }
                date
            }
            None => None,
        };
        self.auditors.push(Auditor {
            name: (*name).to_owned(),
            role: None,
            phone: None,
            email: None,
            signed_on,
        });
        LineRole::Field(ReportField::Auditor)
    }

    fn checked_type(&mut self, n: usize, cell: &str) -> Option<AuditType> {
        let mut found = None;
        for (checked, label) in checkboxes(cell) {
            if !checked {
                continue;
            }
            match audit_type_from_key(&key(label)) {
                Some(t) if found.is_none() => found = Some(t),
                Some(t) => self.diag(
                    Some(n),
                    ImportCode::UnknownValue,
                    format!("audit type {t} is checked besides another one, not used"),
                ),
                None => self.diag(
                    Some(n),
                    ImportCode::UnknownValue,
                    format!("audit type {label:?} is not one the crate knows, not used"),
                ),
            }
        }
        found
    }

    fn check_referentiel_dates(&mut self, n: usize, label: &str) {
        let mut found = dates_in(label);
        found.extend(french_dates_in(label));
        if let Some(date) = found.first() {
            if *date != self.r.date() {
                self.diag(
                    Some(n),
                    ImportCode::ReferentielDiffers,
                    format!(
                        "the report's référentiel is dated {}, the one used for the import {}",
                        date.format("%d/%m/%Y"),
                        self.r.date().format("%d/%m/%Y")
                    ),
                );
            }
        }
        if let (Some(revised), Some(ours)) = (found.get(1), self.r.revised()) {
            if *revised != ours {
                self.diag(
                    Some(n),
                    ImportCode::ReferentielDiffers,
                    format!(
                        "the report's référentiel is revised on {}, the one used for the import \
                         on {}",
                        revised.format("%d/%m/%Y"),
                        ours.format("%d/%m/%Y")
                    ),
                );
            }
        }
    }

    // --- context ----------------------------------------------------------------------------

    fn context_line(&mut self, n: usize, t: &str, history: bool) -> LineRole {
        if key_starts(t, "contextedelorganisme") {
            self.part = Part::Context { history: false };
            return LineRole::Layout(ReportLayout::Heading);
        }
        if key_starts(t, "presentationethistorique") || key_starts(t, "historiquedelademarche") {
            self.part = Part::Context { history: true };
            return LineRole::Layout(ReportLayout::Heading);
        }
        if history {
            self.context.history.push(t.to_owned());
            LineRole::Field(ReportField::ContextHistory)
        } else {
            self.context.organisation.push(t.to_owned());
            self.organisation_lines.push(n);
            LineRole::Field(ReportField::ContextOrganisation)
        }
    }

    // --- section 3 --------------------------------------------------------------------------

    fn synthesis(&mut self, n: usize, line: &str, t: &str, state: Synth) -> LineRole {
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let first = cells.first().copied().unwrap_or("");
        let rest: Vec<&str> = cells
            .iter()
            .skip(1)
            .copied()
            .filter(|c| !c.is_empty())
            .collect();

        if !t.contains('\t') && is_legend(t) {
            return LineRole::Layout(ReportLayout::Legend);
        }
        if let Some((m, number, title)) = module_row(first) {
            if let Synth::Remote(channel) = state {
                return self.remote_row(n, channel, m, number, title, &rest);
            }
            self.part = Part::Synthesis(Synth::Module);
            return self.assessment_row(n, Some(m), number, title, &rest);
        }
        if let Some(m) = module_heading(first) {
            let module = u8::try_from(m).ok().and_then(ModuleNumber::new);
            if module.is_none() {
                return self.skip(n, "section 3 (no such module)", t);
            }
            self.module = module;
            self.group = None;
            self.last_row = LastRow::None;
            if !matches!(state, Synth::Remote(_)) {
                self.part = Part::Synthesis(Synth::Module);
            }
            return LineRole::Layout(ReportLayout::Heading);
        }
        let k = key(first);
        if k.starts_with("pilotagedelapolitique") {
            self.enter_synth(Synth::Management(ManagementSection::Pilotage));
            return LineRole::Layout(ReportLayout::Heading);
        }
        if k.starts_with("demarchedelabellisation") {
            self.enter_synth(Synth::Management(ManagementSection::Labellisation));
            return LineRole::Layout(ReportLayout::Heading);
        }
        if let Some(channel) = k
            .strip_prefix("auditadistance")
            .and_then(remote_channel_from_key)
            .or_else(|| (k == "courriels").then_some(RemoteChannel::Courriels))
        {
            self.enter_synth(Synth::Remote(channel));
            self.module = None;
            return LineRole::Layout(ReportLayout::Heading);
        }
        if let Some((number, title)) = numbered(first) {
            match state {
                Synth::Management(section) => {
                    return self.management_row(n, section, number, title, &rest);
                }
                Synth::Module => {
                    return self.assessment_row(n, None, number, title, &rest);
                }
                Synth::Legend | Synth::Remote(_) => {}
            }
        }
        if state == Synth::Module && rest.is_empty() {
            if let Some(group) = self.group_heading(&k) {
                self.group = Some(group);
                return LineRole::Layout(ReportLayout::Heading);
            }
        }
        if first.is_empty() && !rest.is_empty() {
            if let Some(role) = self.continuation(n, &rest) {
                return role;
            }
        }
        self.skip(n, "section 3", t)
    }

    fn enter_synth(&mut self, state: Synth) {
        self.part = Part::Synthesis(state);
        self.last_row = LastRow::None;
        self.group = None;
    }

    /// The group's id when `k` is a channel-group heading of the current module.
    fn group_heading(&self, k: &str) -> Option<String> {
        let module = self.r.module(self.module?)?;
        module
            .groups
            .iter()
            .find(|g| g.heading.as_deref().is_some_and(|h| key(h) == k) || key(&g.title) == k)
            .map(|g| g.id.clone())
    }

    /// The comment cells and the verdict of a row: the verdict is the last non-empty cell when
    /// it reads as one, wherever the page break put it.
    fn verdict_and_text<'a>(rest: &[&'a str]) -> (Option<Verdict>, Option<&'a str>, String) {
        let Some((last, others)) = rest.split_last() else {
            return (None, None, String::new());
        };
        if let Some(v) = parse_verdict(last) {
            return (Some(v), None, others.join(" "));
        }
        let short = last.len() <= 8 && !last.contains(':');
        let unknown = (short && rest.len() > 1).then_some(*last);
        let text = if unknown.is_some() {
            others.join(" ")
        } else {
            rest.join(" ")
        };
        (None, unknown, text)
    }

    fn check_title(&mut self, n: usize, what: &str, found: &str, expected: &str) {
        if found == expected || found.is_empty() {
            return;
        }
        if loosely_equal(found, expected) {
            self.diag(
                Some(n),
                ImportCode::TitleCaseOrSpacing,
                format!(
                    "{what}: title {found:?} differs from the référentiel's {expected:?} in \
                     spacing or case; matched by number"
                ),
            );
        } else {
            self.diag(
                Some(n),
                ImportCode::TitleDiffers,
                format!(
                    "{what}: title {found:?} differs from the référentiel's {expected:?}; \
                     matched by number"
                ),
            );
        }
    }

    fn engagement_number(&mut self, n: usize, number: u32) -> Option<EngagementNumber> {
        let e = u16::try_from(number).ok().and_then(EngagementNumber::new);
        if e.is_none() {
            self.diag(
                Some(n),
                ImportCode::UnknownEngagement,
                format!("engagement number {number} is not between 1 and 999, row not used"),
            );
        }
        e
    }

    fn assessment_row(
        &mut self,
        n: usize,
        module: Option<u32>,
        number: u32,
        title: &str,
        rest: &[&str],
    ) -> LineRole {
        let Some(e) = self.engagement_number(n, number) else {
            return LineRole::Reported;
        };
        let module = match module {
            Some(m) => u8::try_from(m).ok().and_then(ModuleNumber::new),
            None => self.module,
        };
        let reference = self.r.engagement(e);
        let Some(module) = module.or(reference.map(|r| r.module)) else {
            self.diag(
                Some(n),
                ImportCode::UnknownEngagement,
                format!("engagement {e}: no module 1 to 8 given nor known, row not used"),
            );
            return LineRole::Reported;
        };
        let r = self.r;
        if let Some(re) = reference {
            self.check_title(n, &format!("engagement {e}"), title, &re.title);
            if re.module != module {
                self.diag(
                    Some(n),
                    ImportCode::ModuleDiffers,
                    format!(
                        "engagement {e} is filed under module {module}, the référentiel puts it \
                         in module {}",
                        re.module
                    ),
                );
            }
            // The group whose heading the row should stand under, when its group prints one.
            let headed = re
                .group
                .as_deref()
                .filter(|g| r.group(re.module, g).is_some_and(|g| g.heading.is_some()));
            if headed != self.group.as_deref() {
                self.diag(
                    Some(n),
                    ImportCode::GroupDiffers,
                    format!(
                        "engagement {e} stands under heading {}, its group is {}",
                        self.group.as_deref().unwrap_or("(none)"),
                        re.group.as_deref().unwrap_or("(none)")
                    ),
                );
            }
        } else {
            self.diag(
                Some(n),
                ImportCode::UnknownEngagement,
                format!(
                    "engagement {e} ({title:?}) is not in référentiel {}; imported as written",
                    r.id()
                ),
            );
        }
        if self.assessments.iter().any(|a| a.engagement == e) {
            self.diag(
                Some(n),
                ImportCode::DuplicateRow,
                format!("engagement {e} has a second row; both are imported"),
            );
        }
        let (verdict, unknown, text) = Self::verdict_and_text(rest);
        if let Some(u) = unknown {
            self.diag(
                Some(n),
                ImportCode::UnknownVerdict,
                format!("engagement {e}: verdict {u:?} is not one of C, NA, NC min, NC Maj"),
            );
        } else if verdict.is_none() {
            self.diag(
                Some(n),
                ImportCode::MissingVerdict,
                format!("engagement {e} has no verdict"),
            );
        }
        let (comment, observations) = split_observations(&text);
        self.assessments.push(Assessment {
            engagement: e,
            module,
            verdict,
            comment,
            observations,
        });
        self.assessment_lines.push(n);
        self.module = Some(module);
        self.last_row = LastRow::Assessment(self.assessments.len() - 1);
        self.last_row_line = n;
        LineRole::Field(ReportField::Assessment(e))
    }

    fn management_row(
        &mut self,
        n: usize,
        section: ManagementSection,
        number: u32,
        title: &str,
        rest: &[&str],
    ) -> LineRole {
        let Some(item) = u8::try_from(number).ok().filter(|i| *i > 0) else {
            return self.skip(n, "a management section (no such item)", title);
        };
        let id = ManagementItemId { section, item };
        match self.r.management_item(id) {
            Some(reference) => {
                let expected = reference.title.clone();
                self.check_title(n, &format!("management item {id}"), title, &expected);
            }
            None => self.diag(
                Some(n),
                ImportCode::UnknownEngagement,
                format!(
                    "management item {id} ({title:?}) is not in référentiel {}; imported as \
                     written",
                    self.r.id()
                ),
            ),
        }
        if self.management.iter().any(|m| m.id() == id) {
            self.diag(
                Some(n),
                ImportCode::DuplicateRow,
                format!("management item {id} has a second row; both are imported"),
            );
        }
        let (verdict, unknown, text) = Self::verdict_and_text(rest);
        if let Some(u) = unknown {
            self.diag(
                Some(n),
                ImportCode::UnknownVerdict,
                format!("management item {id}: verdict {u:?} is not one of C, NA, NC min, NC Maj"),
            );
        } else if verdict.is_none() {
            self.diag(
                Some(n),
                ImportCode::MissingVerdict,
                format!("management item {id} has no verdict"),
            );
        }
        let (comment, observations) = split_observations(&text);
        self.management.push(ManagementAssessment {
            section,
            item,
            verdict,
            comment,
            observations,
        });
        self.last_row = LastRow::Management(self.management.len() - 1);
        self.last_row_line = n;
        LineRole::Field(ReportField::Management(id))
    }

    fn remote_row(
        &mut self,
        n: usize,
        channel: RemoteChannel,
        module: u32,
        number: u32,
        title: &str,
        rest: &[&str],
    ) -> LineRole {
        self.last_row = LastRow::None;
        let Some(e) = self.engagement_number(n, number) else {
            return LineRole::Reported;
        };
        let Some(module) = u8::try_from(module).ok().and_then(ModuleNumber::new) else {
            return self.skip(n, "a remote-audit section (no such module)", title);
        };
        match self.r.engagement(e) {
            Some(re) => {
                let expected = re.title.clone();
                self.check_title(
                    n,
                    &format!("remote check of engagement {e}"),
                    title,
                    &expected,
                );
            }
            None => self.diag(
                Some(n),
                ImportCode::UnknownEngagement,
                format!(
                    "remote check of engagement {e} ({title:?}): not in référentiel {}; \
                     imported as written",
                    self.r.id()
                ),
            ),
        }
        if self
            .remote_checks
            .iter()
            .any(|c| c.channel == channel && c.engagement == e)
        {
            self.diag(
                Some(n),
                ImportCode::DuplicateRow,
                format!("engagement {e} has a second {channel} remote check; both are imported"),
            );
        }
        let joined = rest.join(" ");
        let text = strip_tags(&joined);
        let text = text.trim();
        let found = markers(text);
        let head_end = found.first().map_or(text.len(), |m| m.0);
        let head = text.get(..head_end).unwrap_or("").trim();
        let obs_text = text.get(head_end..).unwrap_or("");
        let (_, observations) = split_observations(obs_text);
        let note_text = strip_prefix_ci(head, "note")
            .map(str::trim_start)
            .and_then(|s| s.strip_prefix(':'))
            .map_or(head, str::trim);
        let note = if note_text.is_empty() {
            self.diag(
                Some(n),
                ImportCode::MissingVerdict,
                format!("{channel} remote check of engagement {e} has no note"),
            );
            None
        } else if let Ok(note) = note_text.parse::<RemoteNote>() {
            Some(note)
        } else {
            let k = key(note_text);
            let (note, word) = if k.starts_with("nonconforme") {
                (Some(RemoteNote::NonConforme), "nonconforme")
            } else if k.starts_with("nonapplicable") {
                (Some(RemoteNote::NonApplicable), "nonapplicable")
            } else if k.starts_with("conforme") {
                (Some(RemoteNote::Conforme), "conforme")
            } else {
                (None, "")
            };
            if note.is_some() && k.len() > word.len() {
                self.diag(
                    Some(n),
                    ImportCode::RemoteTextIgnored,
                    format!(
                        "{channel} remote check of engagement {e}: text after the note is not \
                         an observation, not used: {:?}",
                        excerpt(note_text)
                    ),
                );
            } else if note.is_none() {
                self.diag(
                    Some(n),
                    ImportCode::UnknownVerdict,
                    format!(
                        "{channel} remote check of engagement {e}: note {:?} is not Conforme, \
                         Non conforme or Non applicable",
                        excerpt(note_text)
                    ),
                );
            }
            note
        };
        self.remote_checks.push(RemoteCheck {
            channel,
            engagement: e,
            module,
            note,
            observations,
        });
        LineRole::Field(ReportField::RemoteCheck(channel, e))
    }

    /// A line whose first cell is empty, after a row: its verdict or more of its comment.
    fn continuation(&mut self, n: usize, rest: &[&str]) -> Option<LineRole> {
        let (field, verdict, comment, observations) = match self.last_row {
            LastRow::None => return None,
            LastRow::Assessment(i) => {
                let a = self.assessments.get_mut(i)?;
                (
                    ReportField::Assessment(a.engagement),
                    &mut a.verdict,
                    &mut a.comment,
                    &mut a.observations,
                )
            }
            LastRow::Management(i) => {
                let m = self.management.get_mut(i)?;
                (
                    ReportField::Management(m.id()),
                    &mut m.verdict,
                    &mut m.comment,
                    &mut m.observations,
                )
            }
        };
        let (v, _, text) = Self::verdict_and_text(rest);
        if v.is_some() && verdict.is_some() {
            return None;
        }
        if v.is_some() {
            *verdict = v;
        }
        let (c, obs) = split_observations(&text);
        if let Some(c) = c {
            match observations.last_mut() {
                Some(last) => {
                    last.text.push(' ');
                    last.text.push_str(&c);
                }
                None => match comment {
                    Some(existing) => {
                        existing.push(' ');
                        existing.push_str(&c);
                    }
                    None => *comment = Some(c),
                },
            }
        }
        observations.extend(obs);
        let had_verdict = v.is_some();
        if had_verdict {
            // The row's missing-verdict warning no longer holds.
            let row_line = Some(self.last_row_line);
            if let Some(pos) = self
                .diags
                .iter()
                .rposition(|d| d.code == ImportCode::MissingVerdict && d.line == row_line)
            {
                self.diags.remove(pos);
            }
        }
        self.diag(
            Some(n),
            ImportCode::RowContinued,
            format!("line continues the row of {field} above it"),
        );
        Some(LineRole::Field(field))
    }

    // --- part 4 -----------------------------------------------------------------------------

    fn conclusion_line(
        &mut self,
        n: usize,
        t: &str,
        section: Option<ConclusionSection>,
    ) -> LineRole {
        if let Some(s) = conclusion_heading(t) {
            self.part = Part::Synthesis4(Some(s));
            self.open_fiche = None;
            return LineRole::Layout(ReportLayout::Heading);
        }
        let Some(section) = section else {
            return self.skip(n, "part 4 (before its first section)", t);
        };
        match section {
            ConclusionSection::FichesEcart => {
                if let Some(role) = self.fiche_line(n, t) {
                    return role;
                }
            }
            ConclusionSection::EnquetesSatisfaction
                if t.starts_with('(') && key(t).starts_with("verificationdelanalyse") =>
            {
                return LineRole::Layout(ReportLayout::TemplateText);
            }
            ConclusionSection::CharteGraphique => {
                if let Some((left, right)) = t.split_once(':') {
                    let lk = key(left);
                    if lk == "conformite" || lk == "verdict" {
                        if let Some(v) = parse_verdict(right.trim()) {
                            self.conclusion.charte_graphique.verdict = Some(v);
                            self.charte_explicit = true;
                            return LineRole::Field(ReportField::CharteVerdict);
                        }
                    }
                }
                self.charte_lines.push(n);
            }
            _ => {}
        }
        section
            .paragraphs_mut(&mut self.conclusion)
            .push(t.to_owned());
        LineRole::Field(ReportField::Conclusion(section))
    }

    fn fiche_line(&mut self, n: usize, t: &str) -> Option<LineRole> {
        if let Some(i) = self.open_fiche {
            if let Some((left, value)) = t.split_once(':') {
                let lk = key(left);
                let value = value.trim();
                let fiche = self.ecarts.get_mut(i)?;
                let target = fiche.target;
                match lk.as_str() {
                    "constat" => value.clone_into(&mut fiche.finding),
                    "exigence" => value.clone_into(&mut fiche.requirement),
                    "actioncorrective" => fiche.corrective_action = Some(value.to_owned()),
                    "echeance" => {
                        fiche.due = parse_date(value);
                        if fiche.due.is_none() {
                            self.diag(
                                Some(n),
                                ImportCode::InvalidDate,
                                format!("due date {value:?} is not a date dd/mm/yyyy, not used"),
                            );
                            return Some(LineRole::Reported);
                        }
                    }
                    _ => return self.new_fiche(n, t),
                }
                return Some(LineRole::Field(ReportField::FicheEcart(target)));
            }
        }
        self.new_fiche(n, t)
    }

    fn new_fiche(&mut self, n: usize, paragraph: &str) -> Option<LineRole> {
        self.open_fiche = None;
        let target = fiche_target(paragraph)?;
        let folded = key(paragraph);
        let stated = if folded.contains("ncmaj") || folded.contains("majeure") {
            Some(NcGrade::Major)
        } else if folded.contains("ncmin") || folded.contains("mineure") {
            Some(NcGrade::Minor)
        } else {
            None
        };
        let verdict = match target {
            EcartTarget::Engagement(e) => self
                .assessments
                .iter()
                .find(|a| a.engagement == e)
                .map(|a| a.verdict),
            EcartTarget::Management(id) => self
                .management
                .iter()
                .find(|m| m.id() == id)
                .map(|m| m.verdict),
        };
        let from_verdict = verdict.flatten().and_then(Verdict::nonconformity);
        if verdict.is_none() {
            self.diag(
                Some(n),
                ImportCode::FicheUnknownTarget,
                format!("the fiche d'écart names {target}, which has no row in section 3"),
            );
        }
        let row_verdict = verdict.flatten();
        let grade = match (stated, from_verdict) {
            (Some(s), _) if row_verdict.is_some_and(|v| v != Verdict::from(s)) => {
                let v = row_verdict.map_or("", Verdict::code);
                self.diag(
                    Some(n),
                    ImportCode::FicheGradeDiffers,
                    format!(
                        "the fiche d'écart of {target} states {s}, the verdict of its row is {v}; \
                         {s} kept"
                    ),
                );
                s
            }
            (Some(s), _) => s,
            (None, Some(v)) => {
                self.diag(
                    Some(n),
                    ImportCode::FicheGradeFromVerdict,
                    format!(
                        "the fiche d'écart of {target} states no grade: {v} taken from the \
                         verdict of its row"
                    ),
                );
                v
            }
            (None, None) => {
                self.diag(
                    Some(n),
                    ImportCode::FicheGradeGuessed,
                    format!(
                        "the fiche d'écart of {target} states no grade and its row is not a \
                         nonconformity: NC min assumed"
                    ),
                );
                NcGrade::Minor
            }
        };
        self.ecarts.push(FicheEcart {
            target,
            grade,
            finding: paragraph.to_owned(),
            requirement: String::new(),
            corrective_action: None,
            due: None,
        });
        self.open_fiche = Some(self.ecarts.len() - 1);
        Some(LineRole::Field(ReportField::FicheEcart(target)))
    }

    // --- end --------------------------------------------------------------------------------

    fn finish(mut self, line_count: usize) -> Result<Imported, Error> {
        let seen_any_part = self.seen_part.iter().any(|s| *s);
        let seen_cover = self.departement.is_some()
            || self.city.is_some()
            || self.dates.is_some()
            || self.title_site.is_some();
        let reached_3 = self.seen_part.get(2).copied().unwrap_or(false)
            || self.seen_part.get(3).copied().unwrap_or(false)
            || !self.assessments.is_empty();
        if !reached_3 {
            if !(self.seen_title || seen_any_part || seen_cover) {
                return Err(not_a_report("no title, page de garde nor section 3 found"));
            }
            return Err(Error::TruncatedReport {
                lines: line_count,
                missing: "section 3 (synthèse de l'évaluation)",
            });
        }

        let (departement, city) = self.site_place()?;
        let administration = self.administration()?;
        let dates = self.audit_dates()?;
        let kind = self.audit_kind();
        let auditors = self.merge_auditors();
        let modules = self.covered_modules();
        self.check_rows(&modules);
        if !self.seen_part.get(3).copied().unwrap_or(false) {
            self.diag(
                None,
                ImportCode::MissingSection,
                "part 4 (synthèse et conclusion générale) is missing: the report may be \
                 truncated"
                    .to_owned(),
            );
        }
        self.charte_verdict();
        self.figures();

        let roles = std::mem::take(&mut self.roles);
        self.diags.sort_by_key(|d| d.line.unwrap_or(usize::MAX));

        let audit = Audit {
            referentiel: ReferentielRef {
                id: self.r.id().to_owned(),
                label: self.label,
            },
            site: Site {
                administration,
                name: self.site_name,
                departement,
                city,
            },
            kind,
            dates,
            auditors,
            modules,
            context: self.context,
            assessments: self.assessments,
            management: self.management,
            remote_checks: self.remote_checks,
            ecarts: self.ecarts,
            conclusion: self.conclusion,
        };
        Ok(Imported {
            audit,
            diagnostics: self.diags,
            lines: roles,
        })
    }

    fn site_place(&mut self) -> Result<(Departement, String), Error> {
        let title = self.title_site.take();
        let departement = match (self.departement.take(), &title) {
            (Some((d, line)), Some((_, td, _))) => {
                if *td != d {
                    self.diag(
                        Some(line),
                        ImportCode::TitlePageDiffers,
                        format!("département {d}, the title page says {td}; {d} kept"),
                    );
                }
                d
            }
            (Some((d, _)), None) => d,
            (None, Some((_, td, tl))) => {
                self.diag(
                    Some(*tl),
                    ImportCode::FromTitlePage,
                    format!("département {td} taken from the title page"),
                );
                td.clone()
            }
            (None, None) => return Err(not_a_report("the page de garde gives no département")),
        };
        let city = match (self.city.take(), &title) {
            (Some((c, line)), Some((tc, _, _))) => {
                if key(tc) != key(&c) {
                    self.diag(
                        Some(line),
                        ImportCode::TitlePageDiffers,
                        format!("city {c:?}, the title page says {tc:?}; {c:?} kept"),
                    );
                }
                c
            }
            (Some((c, _)), None) => c,
            (None, Some((tc, _, tl))) => {
                self.diag(
                    Some(*tl),
                    ImportCode::FromTitlePage,
                    format!("city {tc:?} taken from the title page"),
                );
                tc.clone()
            }
            (None, None) => return Err(not_a_report("the page de garde gives no city")),
        };
        Ok((departement, city))
    }

    fn administration(&mut self) -> Result<AdministrationType, Error> {
        if let Some(a) = self.administration {
            return Ok(a);
        }
        match self.site_name.as_deref().and_then(administration_from_name) {
            Some(a) => {
                self.diag(
                    None,
                    ImportCode::AdministrationGuessed,
                    format!(
                        "no administration type checked: {} guessed from the site's name",
                        a.label_fr()
                    ),
                );
                Ok(a)
            }
            None => Err(not_a_report(
                "the page de garde gives no administration type",
            )),
        }
    }

    fn audit_dates(&mut self) -> Result<AuditDates, Error> {
        let title_start = self.title_start;
        let title_end = self.title_end;
        match self.dates {
            Some((d, line)) => {
                for (what, ours, title) in
                    [("start", d.start, title_start), ("end", d.end, title_end)]
                {
                    if let Some((td, _)) = title {
                        if td != ours {
                            self.diag(
                                Some(line),
                                ImportCode::TitlePageDiffers,
                                format!(
                                    "audit {what} {}, the title page says {}; {} kept",
                                    ours.format("%d/%m/%Y"),
                                    td.format("%d/%m/%Y"),
                                    ours.format("%d/%m/%Y")
                                ),
                            );
                        }
                    }
                }
                Ok(d)
            }
            None => match (title_start, title_end) {
                (Some((start, line)), end) => {
                    let end = end.map_or(start, |e| e.0);
                    self.diag(
                        Some(line),
                        ImportCode::FromTitlePage,
                        "audit dates taken from the title page".to_owned(),
                    );
                    Ok(AuditDates { start, end })
                }
                (None, _) => Err(not_a_report("the page de garde gives no audit dates")),
            },
        }
    }

    fn audit_kind(&mut self) -> AuditKind {
        let title = self.title_type;
        let (audit_type, internal) = match (self.internal_type, self.external_type) {
            (Some(t), _) => (Some(t), true),
            (None, Some(t)) => (Some(t), false),
            (None, None) => (title.map(|t| t.0), false),
        };
        match (audit_type, title) {
            (Some(t), Some((tt, line))) if t != tt => self.diag(
                Some(line),
                ImportCode::TitlePageDiffers,
                format!("audit type {tt} on the title page, {t} checked; {t} kept"),
            ),
            (Some(t), Some((_, line)))
                if self.internal_type.is_none() && self.external_type.is_none() =>
            {
                self.diag(
                    Some(line),
                    ImportCode::FromTitlePage,
                    format!("audit type {t} taken from the title page (no box checked)"),
                );
            }
            (None, _) => self.diag(
                self.kind_line,
                ImportCode::AuditTypeMissing,
                "no audit type checked nor stated".to_owned(),
            ),
            _ => {}
        }
        AuditKind {
            audit_type,
            internal,
        }
    }

    fn merge_auditors(&mut self) -> Vec<Auditor> {
        let mut auditors = std::mem::take(&mut self.auditors);
        for lead in std::mem::take(&mut self.leads) {
            let found = auditors
                .iter_mut()
                .find(|a| key(&a.name) == key(&lead.name));
            if let Some(a) = found {
                a.role = Some(lead.role);
                a.phone = lead.phone;
                a.email = lead.email;
            } else {
                {
                    self.diag(
                        Some(lead.line),
                        ImportCode::AuditorFromTitlePage,
                        format!(
                            "{} is not in the auditors' table; added from the title page",
                            lead.name
                        ),
                    );
                    auditors.push(Auditor {
                        name: lead.name,
                        role: Some(lead.role),
                        phone: lead.phone,
                        email: lead.email,
                        signed_on: None,
                    });
                }
            }
        }
        auditors
    }

    fn covered_modules(&mut self) -> Vec<ModuleNumber> {
        if let Some(m) = self.modules.take() {
            return m;
        }
        let mut modules: Vec<ModuleNumber> = self.assessments.iter().map(|a| a.module).collect();
        modules.sort_unstable();
        modules.dedup();
        self.diag(
            None,
            ImportCode::ModulesGuessed,
            format!(
                "no MODULES COUVERTS row: modules {} guessed from the rows of section 3",
                modules
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        modules
    }

    fn check_rows(&mut self, modules: &[ModuleNumber]) {
        let mut uncovered: Vec<(ModuleNumber, Vec<String>, usize)> = Vec::new();
        for (a, line) in self.assessments.iter().zip(&self.assessment_lines) {
            if modules.contains(&a.module) {
                continue;
            }
            match uncovered.iter_mut().find(|u| u.0 == a.module) {
                Some(u) => u.1.push(a.engagement.to_string()),
                None => uncovered.push((a.module, vec![a.engagement.to_string()], *line)),
            }
        }
        for (m, engagements, line) in uncovered {
            self.diag(
                Some(line),
                ImportCode::ModuleNotCovered,
                format!(
                    "module {m} is not checked on the page de garde, but section 3 has rows for \
                     it (engagements {})",
                    engagements.join(", ")
                ),
            );
        }
        let r = self.r;
        for m in modules {
            for e in r.engagements_of(*m) {
                if !self.assessments.iter().any(|a| a.engagement == e.number) {
                    self.diag(
                        None,
                        ImportCode::MissingRow,
                        format!(
                            "engagement {} (module {m}, {:?}) has no row in section 3",
                            e.number, e.title
                        ),
                    );
                }
            }
        }
        for item in r.management_items() {
            if !self.management.iter().any(|m| m.id() == item.id()) {
                self.diag(
                    None,
                    ImportCode::MissingRow,
                    format!(
                        "management item {} ({:?}) has no row in section 3",
                        item.id(),
                        item.title
                    ),
                );
            }
        }
    }

    fn charte_verdict(&mut self) {
        if self.charte_explicit {
            return;
        }
        if let Some(v) = charte_inferred(&self.conclusion.charte_graphique.text) {
            self.conclusion.charte_graphique.verdict = Some(v);
            let line = self.charte_lines.first().copied();
            self.diag(
                line,
                ImportCode::CharteVerdictFromText,
                format!("charte graphique: verdict {v} read from its text (« non applicable »)"),
            );
        }
    }

    fn figures(&mut self) {
        let mut figures = ContextFigures::default();
        let mut found = Vec::new();
        for (p, line) in self
            .context
            .organisation
            .iter()
            .zip(&self.organisation_lines)
        {
            if figures.population.is_none() {
                if let Some((v, text)) = figure_before(p, "habitants") {
                    figures.population = Some(v);
                    found.push((*line, "population", v, text));
                }
            }
            for (word, slot, name) in [
                ("communes", &mut figures.communes, "communes"),
                (
                    "arrondissements",
                    &mut figures.arrondissements,
                    "arrondissements",
                ),
                ("agents", &mut figures.staff, "staff"),
            ] {
                if slot.is_none() {
                    if let Some((v, text)) = figure_before(p, word) {
                        if let Ok(v32) = u32::try_from(v) {
                            *slot = Some(v32);
                            found.push((*line, name, v, text));
                        }
                    }
                }
            }
        }
        for (line, name, v, text) in found {
            self.diag(
                Some(line),
                ImportCode::FigureFromProse,
                format!("context figure {name} = {v} read from the prose {text:?}"),
            );
        }
        self.context.figures = figures;
    }
}

/// The verdict the charte graphique's text implies: `NA` when it says « non applicable ».
pub(crate) fn charte_inferred(text: &[String]) -> Option<Verdict> {
    text.iter()
        .any(|p| key(p).contains("nonapplicable"))
        .then_some(Verdict::NotApplicable)
}

fn excerpt(text: &str) -> String {
    const MAX: usize = 80;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(MAX).collect();
        s.push('…');
        s
    }
}

/// Table rules, repeated column headers and page headers.
fn table_debris(t: &str) -> Option<ReportLayout> {
    let mut cells = t.split('\t').map(str::trim).filter(|c| !c.is_empty());
    let mut all_rule = true;
    let mut all_header = true;
    let mut page = false;
    let mut any = false;
    for cell in cells.by_ref() {
        any = true;
        if !cell
            .chars()
            .all(|c| matches!(c, '-' | '=' | '_' | '|' | '+' | ' '))
        {
            all_rule = false;
        }
        if cell.contains("<small>") || cell.contains("MINISTÈRE") || cell.contains("MINISTERE") {
            page = true;
        } else if cell.len() < 60
            && cell.starts_with(['E', 'C', 'A', 'N', 'D', 'e', 'c', 'a', 'n', 'd'])
        {
            let k = key(cell);
            if !matches!(
                k.as_str(),
                "engagementsdeservice"
                    | "engagementdeservice"
                    | "commentaires"
                    | "conformite"
                    | "appreciationdelauditeur"
                    | "nomauditeur"
                    | "dateetsignaturedelauditeur"
            ) {
                all_header = false;
            }
        } else {
            all_header = false;
        }
    }
    if !any {
        None
    } else if all_rule {
        Some(ReportLayout::TableRule)
    } else if page {
        Some(ReportLayout::PageHeader)
    } else if all_header && t.contains('\t') {
        Some(ReportLayout::ColumnHeader)
    } else {
        None
    }
}

/// `1. PAGE DE GARDE`, `2. CONTEXTE`, `3. SYNTHÈSE …`, `4. SYNTHÈSE … CONCLUSION …` → the
/// part's number.
fn part_heading(t: &str) -> Option<u8> {
    let (n, rest) = numbered(t)?;
    if rest.chars().any(char::is_lowercase) {
        return None;
    }
    let k = key(rest);
    match n {
        1 if k.starts_with("pagedegarde") => Some(1),
        2 if k.starts_with("contexte") => Some(2),
        3 if k.starts_with("synthese") => Some(3),
        4 if k.starts_with("synthese") || k.starts_with("conclusion") => Some(4),
        _ => None,
    }
}

fn is_legend(t: &str) -> bool {
    if t.contains("**") {
        return true;
    }
    key_starts(t, "abreviation")
        || key_starts(t, "cconforme")
        || key_starts(t, "ncmajnonconformite")
        || key_starts(t, "pfpointsforts")
}

/// A heading of part 4: an optional bullet, capitals outside parentheses, a known title.
fn conclusion_heading(t: &str) -> Option<ConclusionSection> {
    let text = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    // Paragraphs leave at their first lower-case letter outside parentheses.
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 && c.is_lowercase() => return None,
            _ => {}
        }
    }
    let mut outside = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    ConclusionSection::from_heading_key(&key(&outside))
}

/// The engagement or management item a fiche d'écart paragraph names.
fn fiche_target(t: &str) -> Option<EcartTarget> {
    let k = key(t);
    for (prefix, section) in [
        ("pilotagedelapolitiquequalite", ManagementSection::Pilotage),
        ("demarchedelabellisation", ManagementSection::Labellisation),
    ] {
        if let Some(rest) = k.strip_prefix(prefix) {
            let rest = rest
                .strip_prefix("point")
                .or_else(|| rest.strip_prefix("item"))
                .unwrap_or(rest);
            let (item, _) = leading_number(rest)?;
            let item = u8::try_from(item).ok().filter(|i| *i > 0)?;
            return Some(EcartTarget::Management(ManagementItemId { section, item }));
        }
    }
    let lower = t.to_lowercase();
    for (at, _) in lower.match_indices("engagement") {
        let rest = lower.get(at + "engagement".len()..)?;
        let rest = rest.trim_start();
        let rest = ["n°", "nº", "no.", "no ", "n "]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .unwrap_or(rest)
            .trim_start();
        if let Some((number, _)) = leading_number(rest) {
            if let Some(e) = u16::try_from(number).ok().and_then(EngagementNumber::new) {
                return Some(EcartTarget::Engagement(e));
            }
        }
    }
    None
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_accents_and_punctuation() {
        assert_eq!(key("FICHE(S) D'ECART(S)"), "fichesdecarts");
        assert_eq!(key("Réalisé en amont"), "realiseenamont");
        assert_eq!(key("mise en œuvre"), "miseenoeuvre");
    }

    #[test]
    fn nfd_is_composed() {
        assert_eq!(normalise("re\u{301}fe\u{301}rentiel"), "référentiel");
        assert_eq!(normalise("a\u{a0}b"), "a b");
        assert!(matches!(normalise("déjà"), Cow::Borrowed(_)));
    }

    #[test]
    fn markers_and_risks() {
        let (c, obs) = split_observations("Vu. PF : bien PS: mal Risque : perte PP :mieux");
        assert_eq!(c.as_deref(), Some("Vu."));
        assert_eq!(obs.len(), 3);
        assert_eq!(obs[1].text, "mal");
        assert_eq!(obs[1].risk.as_deref(), Some("perte"));
        assert_eq!(obs[2].text, "mieux");
        assert!(markers("APF : x").is_empty());
    }

    #[test]
    fn figures_read_thousands() {
        assert_eq!(
            figure_before("environ 1 060 000 habitants.", "habitants").map(|f| f.0),
            Some(1_060_000)
        );
        assert_eq!(
            figure_before("en 2017 3 arrondissements", "arrondissements").map(|f| f.0),
            Some(3)
        );
    }

    #[test]
    fn fiche_targets() {
        let e = |n| Some(EcartTarget::Engagement(EngagementNumber::new(n).unwrap()));
        assert_eq!(fiche_target("Module 1 engagement 17 : délai"), e(17));
        assert_eq!(fiche_target("Engagement n°5 non tenu"), e(5));
        assert_eq!(fiche_target("Engagement n° 5 non tenu"), e(5));
        assert_eq!(
            fiche_target("Absence de non-conformité majeure ou mineure."),
            None
        );
    }
}
