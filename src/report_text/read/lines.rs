//! The roles of the lines and the layout the reader recognises whatever the phase: table rules,
//! repeated column headers, page headers left by page breaks, part headings and the legend.

use std::fmt;

use strum::IntoStaticStr;

use super::super::vocabulary::{self, COLUMN_HEADERS, LEGEND, LEGEND_BOLD, PAGE_HEADER_MARKS};
use super::ConclusionSection;
use super::cells::numbered;
use crate::text::key;
use crate::{EcartTarget, EngagementNumber, ManagementItemId, RemoteChannel};

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

/// `text` cut to 80 characters, for diagnostics.
pub(super) fn excerpt(text: &str) -> String {
    const MAX: usize = 80;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(MAX).collect();
        s.push('…');
        s
    }
}

/// The first letters of the [`COLUMN_HEADERS`], in both cases: a cell that starts otherwise is
/// not one, and is not folded to find out.
const HEADER_INITIALS: [char; 10] = ['E', 'C', 'A', 'N', 'D', 'e', 'c', 'a', 'n', 'd'];

/// Table rules, repeated column headers and page headers.
#[inline]
pub(super) fn table_debris(t: &str) -> Option<ReportLayout> {
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
        if PAGE_HEADER_MARKS.iter().any(|m| cell.contains(m)) {
            page = true;
        } else if cell.len() < 60 && cell.starts_with(HEADER_INITIALS) {
            if !COLUMN_HEADERS.iter().any(|h| h.matches_text(cell)) {
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
#[inline]
pub(super) fn part_heading(t: &str) -> Option<u8> {
    let (n, rest) = numbered(t)?;
    if rest.chars().any(char::is_lowercase) {
        return None;
    }
    let k = key(rest);
    vocabulary::PARTS
        .iter()
        .find(|p| u32::from(p.number) == n && p.title.matches(&k))
        .map(|p| p.number)
}

/// A line of the legend of the codes, at the top of section 3.
#[inline]
pub(super) fn is_legend(t: &str) -> bool {
    if t.contains(LEGEND_BOLD) {
        return true;
    }
    LEGEND.iter().any(|l| l.matches_text(t))
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::text::normalise;

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
    fn the_vocabulary_reads_as_layout() {
        for p in vocabulary::PARTS {
            let heading = format!("{}. {}", p.number, p.title.text);
            assert_eq!(part_heading(&heading), Some(p.number), "{heading}");
        }
        for l in LEGEND {
            assert!(is_legend(l.text), "{}", l.text);
        }
        for h in COLUMN_HEADERS {
            assert!(h.text.starts_with(HEADER_INITIALS), "{}", h.text);
            let row = format!("{}\t{}", h.text, h.text.to_uppercase());
            assert_eq!(
                table_debris(&row),
                Some(ReportLayout::ColumnHeader),
                "{row}"
            );
        }
        let headers = format!(
            "{}\t\t{}",
            vocabulary::AUDITOR_NAME.text,
            vocabulary::AUDITOR_SIGNATURE.text
        );
        assert_eq!(table_debris(&headers), Some(ReportLayout::ColumnHeader));
        assert_eq!(
            table_debris(vocabulary::TABLE_RULE),
            Some(ReportLayout::TableRule)
        );
    }
}
