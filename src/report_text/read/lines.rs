//! The roles of the lines and the layout the reader recognises whatever the phase: table rules,
//! repeated column headers, page headers left by page breaks, part headings and the legend.

use std::fmt;

use strum::IntoStaticStr;

use super::super::vocabulary::{self, COLUMN_HEADERS, LEGEND, LEGEND_BOLD, PAGE_HEADER_MARKS};
use super::ConclusionSection;
use super::cells::numbered;
use crate::text::key;
use crate::{
    Carried, EcartTarget, EngagementNumber, ManagementItemId, ObservationKind, RemoteChannel,
    Verdict,
};

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
    /// Not used; a diagnostic on this line says why, and the audit's
    /// [`unread`](crate::Audit::unread) list keeps it (whole, or the part not read).
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

/// A line of the legend of the codes, at the top of section 3: one of its lines as the
/// template prints them, up to case, accents, spacing, punctuation and bold marks. The legend
/// names every code, so a line that only starts like it, or holds more, is not the legend.
#[inline]
pub(super) fn is_legend(t: &str) -> bool {
    // The bold marks are punctuation, which folding drops.
    debug_assert!(key(LEGEND_BOLD).is_empty());
    LEGEND.iter().any(|l| l.matches_text(t))
}

/// What a line the reader takes for layout could carry, and the text that carries it: a cell
/// that [`Carried::find`] reads (`MODULE 1 :\tNC Maj`), or words that read as a verdict or as
/// an observation's code anywhere in it (`AUDIT A DISTANCE : Internet NC Maj`). The report's
/// template text holds none, so such a line is not taken for layout alone.
pub(super) fn layout_carries(t: &str) -> Option<(Carried, String)> {
    if let Some(carried) = Carried::find(t) {
        return Some((carried, t.to_owned()));
    }
    carrying_words(t)
}

/// The length in bytes of the longest spelling of a verdict the words of a line are tried as
/// (`non-conformité majeure`, 23 bytes, with room for stray spaces).
const VERDICT_MAX_LEN: usize = 32;

/// The first run of one to three words of `t` that reads as a verdict (« sans objet » left
/// aside, as [`Carried::find`] leaves it), or the first word that is an observation's code.
pub(super) fn carrying_words(t: &str) -> Option<(Carried, String)> {
    let text = without_tags(t);
    let words: Vec<&str> = text
        .split(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ':' | ';'
                        | ','
                        | '.'
                        | '('
                        | ')'
                        | '['
                        | ']'
                        | '|'
                        | '*'
                        | '/'
                        | '•'
                        | '"'
                        | '«'
                        | '»'
                        | '!'
                        | '?'
                        | '❖'
                        | '='
                        | '+'
                        | '_'
                )
        })
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        // Every spelling of a verdict starts with `c` or `n` (`C`, `conforme`, `NA`, `NC Maj`,
        // `non-conformité mineure`) and is short: the other words are not tried.
        let starts = word.starts_with(['c', 'C', 'n', 'N']);
        for len in (1..=3).rev().filter(|_| starts) {
            let Some(run) = words.get(i..i + len) else {
                continue;
            };
            if run.iter().map(|w| w.len() + 1).sum::<usize>() > VERDICT_MAX_LEN {
                continue;
            }
            let run = run.join(" ");
            if let Ok(v) = run.parse::<Verdict>() {
                return Some((Carried::Verdict(v), run));
            }
        }
        if let Some(kind) = ObservationKind::ALL
            .iter()
            .find(|k| word.eq_ignore_ascii_case(k.code()))
        {
            return Some((Carried::Observation(*kind), (*word).to_owned()));
        }
    }
    None
}

/// `t` with its HTML tags (`<small>`, `</i>`, `<input …/>`) made spaces; a `<` that opens no
/// tag stays.
fn without_tags(t: &str) -> std::borrow::Cow<'_, str> {
    if !t.contains('<') {
        return std::borrow::Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(open) = rest.find('<') {
        let (before, tag) = rest.split_at(open);
        out.push_str(before);
        let opens = tag
            .get(1..)
            .and_then(|s| s.chars().next())
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
        match tag.find('>') {
            Some(close) if opens => {
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
    fn layout_that_carries_an_assessment() {
        let found = |t: &str| layout_carries(t).map(|(c, text)| (c.code(), text));
        for template in [
            "3. SYNTHÈSE DE L'ÉVALUATION",
            "MODULE 1 - OBLIGATOIRE : RELATION GENERALE AVEC LES USAGERS",
            "AUDIT A DISTANCE : Téléphone (standard, SVI, SART)",
            "❖ POINTS SENSIBLES (avec risques associés)",
            "\tAppréciation de l'auditeur\t\t <small>Liberté • Égalité • Fraternité</small> \
             RÉPUBLIQUE FRANÇAISE MINISTÈRE DE L'INTÉRIEUR",
            "- 4. SYNTHÈSE DE L'EVALUATION ET CONCLUSION GÉNÉRALES DE L'AUDIT**",
            "(Vérification de l'analyse du résultat des enquêtes de satisfaction et de la mise en \
             œuvre et suivi d'un plan d'actions)",
            "❖ COMMENTAIRES (sans objet)",
        ] {
            assert_eq!(found(template), None, "{template}");
        }
        assert_eq!(
            found("AUDIT A DISTANCE : Internet NC Maj"),
            Some(("NC Maj", "NC Maj".to_owned()))
        );
        assert_eq!(
            found("❖ POINTS FORTS (non-conformité majeure)"),
            Some(("NC Maj", "non-conformité majeure".to_owned()))
        );
        // A cell that carries keeps the whole line; words that do, only themselves.
        let header = "MINISTÈRE DE L'INTÉRIEUR <small>ps</small>";
        assert_eq!(found(header), Some(("PS", header.to_owned())));
        assert_eq!(
            found("MINISTÈRE DE L'INTÉRIEUR PP DU VAR"),
            Some(("PP", "PP".to_owned()))
        );
        assert_eq!(
            found("MODULE 1 :\tNC min"),
            Some(("NC min", "MODULE 1 :\tNC min".to_owned()))
        );
        assert_eq!(without_tags("a<i>b</i>c"), "a b c");
        assert_eq!(without_tags("a < b"), "a < b");
        assert_eq!(
            found("MINISTÈRE < NC Maj"),
            Some(("NC Maj", "NC Maj".to_owned()))
        );
    }

    #[test]
    fn the_vocabulary_reads_as_layout() {
        for p in vocabulary::PARTS {
            let heading = format!("{}. {}", p.number, p.title.text);
            assert_eq!(part_heading(&heading), Some(p.number), "{heading}");
        }
        for l in LEGEND {
            assert!(is_legend(l.text), "{}", l.text);
            assert!(is_legend(&l.text.replace(LEGEND_BOLD, "")), "{}", l.text);
            assert!(layout_carries(&format!("{} NC Maj", l.text)).is_some());
            assert!(!is_legend(&format!("{}  NC Maj", l.text)), "{}", l.text);
            assert!(!is_legend(&format!("{} nc maj", l.text)), "{}", l.text);
        }
        // Bold marks alone do not make a legend.
        assert!(!is_legend("**NC Maj**"));
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
