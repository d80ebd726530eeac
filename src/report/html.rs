//! HTML rendering of the whole report: one self-contained HTML5 file, with the same content and
//! wording as the [Markdown report](crate::report::markdown) (the same [document](super)), plus a
//! summary band and a chart.
//!
//! The file holds, in order: the cover page (site, administration, département, city, modules
//! covered, audit type, référentiel, dates, auditors); a summary band (the decision in words, the
//! conformity rate, the verdict and observation counts, and an inline SVG chart of the verdicts
//! and observations per module, its numbers also written as text and in a table); the context; a
//! table per module (and per channel group of module 1) with each engagement's number and title,
//! its observations (`PF`, `PS`, `PP`) and its verdict; the management sections; the three
//! remote-audit sections; the synthesis (section 4, generated and auditor's texts); the decision
//! with its reasons and the fiches d'écart with their due dates.
//!
//! - **Self-contained**: one inline stylesheet; no script, font, image or stylesheet from
//!   elsewhere, so the file works offline and can be archived as is.
//! - **Printable**: `@page` is A4, rows do not break across pages and table headers repeat on
//!   each page.
//! - **Accessible**: `lang` on `<html>`, headings `h1`–`h3` in order, tables with a `<caption>`
//!   and `<th scope>`, verdicts written as text (`C`, `NC min`…) beside a colour badge, the chart
//!   with `role="img"`, `<title>` and `<desc>`, colours of WCAG AA contrast.
//! - **Safe**: every text from the audit or the référentiel goes through [`escape`].
//! - **Deterministic**: the same inputs give byte-identical output.
//!
//! Each engagement row carries `class="engagement"` and `data-engagement="N"`, so tools can find
//! and count them. [`page`] is the HTML shell with its stylesheet, for other HTML outputs.
//!
//! ```
//! use qualepref::{conclude, render_html, samples, Audit, Language, Policy, Referentiel, Valid};
//! use qualepref::validate::ValidationOptions;
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default())
//!     .map_err(|_| "invalid")?;
//! let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
//! let html = render_html(&valid, &conclusions);
//! assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
//! assert_eq!(html.matches("class=\"engagement\"").count(), 23);
//! assert!(html.contains("Avis favorable"));
//! assert!(!html.contains("<script"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use super::document::{
    Block, CaptionKind, CellKind, Cells, Contents, Document, Inline, KeyValues, KeyValuesKind,
    List, ListStyle, ParagraphStyle, RowKind, SectionKind, Table, TableKind, Tone,
};
use super::shell::Shell;
use crate::i18n::push_number;
use crate::{Conclusions, Language, Valid};

/// Escapes text for HTML content and attribute values: `&`, `<`, `>`, `"` and `'` become
/// `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`. Text without them is borrowed as is.
///
/// ```
/// use qualepref::report::html::escape;
/// assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
/// assert!(matches!(escape("plain"), std::borrow::Cow::Borrowed("plain")));
/// ```
#[must_use]
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    push_escaped(&mut out, text, false);
    Cow::Owned(out)
}

/// Whether [`escape`] replaces `b`.
#[inline]
const fn special(b: u8) -> bool {
    matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')
}

/// Whether [`escape`] replaces `b`, or it is a line break.
#[inline]
const fn special_or_break(b: u8) -> bool {
    special(b) || matches!(b, b'\r' | b'\n')
}

/// Writes the replacement of the special byte at `i`.
fn replace(out: &mut String, bytes: &[u8], i: usize) {
    out.push_str(match bytes.get(i) {
        Some(b'&') => "&amp;",
        Some(b'<') => "&lt;",
        Some(b'>') => "&gt;",
        Some(b'"') => "&quot;",
        Some(b'\'') => "&#39;",
        Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => "",
        _ => "<br>",
    });
}

/// Writes [`escape`]`(text)` into `out`; with `breaks`, a line break (`\r\n`, `\r` or `\n`)
/// becomes `<br>`.
fn push_escaped(out: &mut String, text: &str, breaks: bool) {
    if breaks {
        super::push_replacing(out, text, |b| super::lookup(&SPECIAL_OR_BREAK, b), replace);
    } else {
        super::push_replacing(out, text, |b| super::lookup(&SPECIAL, b), replace);
    }
}

/// [`special`] of each byte.
const SPECIAL: [bool; 256] = super::byte_table!(special);

/// [`special_or_break`] of each byte.
const SPECIAL_OR_BREAK: [bool; 256] = super::byte_table!(special_or_break);

/// Writes `text` escaped into `out`, line breaks kept as they are (for the shell's title).
pub(crate) fn push_text(out: &mut String, text: &str) {
    push_escaped(out, text, false);
}

/// The HTML shell of the crate's reports: `<!DOCTYPE html>`, `<html lang="…">`, the `<head>`
/// with `title` (plain text, escaped here) and the inline stylesheet with its print layout (A4
/// pages numbered at their foot, `title` as the running header of every printed page but the
/// first), then `body` (HTML, inserted as is) inside `<main>`. No script, no external resource.
///
/// [`render_html`] builds its report with the same shell; another HTML output (the comparison
/// of two audits, say) wraps its own body in it to share the look and the print layout. The
/// stylesheet styles `h1`–`h4`, tables (`<caption>`, `<thead>` repeated on print, rows that do
/// not break; `class="report"` for the three-column tables), verdict badges (`class="badge v-c"`,
/// `v-na`, `v-min`, `v-maj`, `v-none`), the summary band (`class="summary"`, on screen only),
/// `.figures`, `.tally`, `.note` and `.num` cells, and `class="sr"` for text only for assistive
/// technologies.
///
/// ```
/// use qualepref::report::html::page;
/// use qualepref::Language;
///
/// let html = page("Comparaison <2019>", Language::Fr, "<h1>Comparaison</h1>\n");
/// assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">\n"));
/// assert!(html.contains("<title>Comparaison &lt;2019&gt;</title>"));
/// assert!(html.contains("<main>\n<h1>Comparaison</h1>\n</main>"));
/// assert!(!html.contains("<script"));
/// ```
#[must_use]
pub fn page(title: &str, language: Language, body: &str) -> String {
    Shell {
        title,
        language,
        running: None,
    }
    .page(body)
}

/// The opening tag of a badge of `tone`.
const fn badge(tone: Tone) -> &'static str {
    match tone {
        Tone::Conformity => "<span class=\"badge v-c\">",
        Tone::NotApplicable => "<span class=\"badge v-na\">",
        Tone::Minor => "<span class=\"badge v-min\">",
        Tone::Major => "<span class=\"badge v-maj\">",
        Tone::Unset => "<span class=\"badge v-none\">",
    }
}

/// The tags around a run.
fn tags(run: &Inline<'_>) -> (&'static str, &'static str) {
    match run {
        Inline::Strong(_) | Inline::StrongText(_) => ("<strong>", "</strong>"),
        Inline::Figure(_) => ("<b>", "</b>"),
        Inline::Key(_) => ("<span class=\"k\">", "</span>"),
        Inline::Marker(_) => ("<span class=\"marker\" aria-hidden=\"true\">", "</span>"),
        Inline::Badge(tone, _) => (badge(*tone), "</span>"),
        Inline::Check(_) => ("<span class=\"box\">", "</span>"),
        _ => ("", ""),
    }
}

/// Writes `run`; `paragraphs`: a break closes a paragraph and opens the next. Data text is
/// escaped, its line breaks kept (except in figures).
fn inline(out: &mut String, run: &Inline<'_>, paragraphs: bool) {
    let Some((text, data)) = run.content() else {
        match run {
            Inline::Number(n) => push_number(out, *n),
            Inline::Blank => out.push_str("<span class=\"blank\"></span>"),
            _ if paragraphs => out.push_str("</p><p>"),
            _ => out.push_str("<br>"),
        }
        return;
    };
    let (open, close) = tags(run);
    // Most runs have no tags: skipping the empty pushes saves a copy call each.
    if !open.is_empty() {
        out.push_str(open);
    }
    if data {
        let breaks = !matches!(run, Inline::Figure(_));
        push_escaped(out, text, breaks);
    } else {
        out.push_str(text);
    }
    if !close.is_empty() {
        out.push_str(close);
    }
}

fn runs(out: &mut String, runs: &[Inline<'_>]) {
    for run in runs {
        inline(out, run, false);
    }
}

fn list(out: &mut String, list: &List<'_>) {
    out.push_str(match list.style {
        ListStyle::Plain => "<ul>\n",
        ListStyle::Figures => "<ul class=\"figures\">\n",
    });
    for item in list.items.iter() {
        out.push_str("<li>");
        runs(out, item);
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

fn caption(out: &mut String, kind: CaptionKind, text: &[Inline<'_>]) {
    out.push_str(match kind {
        CaptionKind::Hidden => "<caption class=\"sr\">",
        CaptionKind::Subheading | CaptionKind::Label => "<caption>",
    });
    runs(out, text);
    out.push_str("</caption>\n");
}

fn key_values(out: &mut String, kv: &KeyValues<'_>) {
    out.push_str(match kv.kind {
        KeyValuesKind::Header => "<table class=\"header-block\">\n",
        KeyValuesKind::Cover => "<table class=\"cover\">\n",
        KeyValuesKind::Form => "<table class=\"form\">\n",
    });
    caption(out, kv.caption.kind, &kv.caption.runs);
    out.push_str("<tbody>\n");
    for (key, value) in &kv.rows {
        out.push_str("<tr><th scope=\"row\">");
        out.push_str(key);
        out.push_str("</th><td>");
        runs(out, value);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn number(out: &mut String, n: crate::EngagementNumber) {
    push_number(out, u32::from(n.get()));
}

fn cell(out: &mut String, kind: CellKind, cell: &[Inline<'_>]) {
    out.push_str(match kind {
        CellKind::Text | CellKind::Paragraphs => "<td>",
        CellKind::Verdict => "<td class=\"verdict\">",
        CellKind::Number => "<td class=\"num\">",
    });
    if kind == CellKind::Paragraphs {
        if !cell.is_empty() {
            out.push_str("<p>");
            for run in cell {
                inline(out, run, true);
            }
            out.push_str("</p>");
        }
    } else {
        runs(out, cell);
    }
    out.push_str("</td>");
}

fn row(out: &mut String, kind: RowKind, mut cells: Cells<'_, '_>) {
    match kind {
        RowKind::Plain => out.push_str("<tr>"),
        RowKind::Engagement(n) => {
            out.push_str("<tr class=\"engagement\" data-engagement=\"");
            number(out, n);
            out.push_str("\">");
        }
        RowKind::Management => out.push_str("<tr class=\"management\">"),
        RowKind::Remote(n) => {
            out.push_str("<tr class=\"remote\" data-remote=\"");
            number(out, n);
            out.push_str("\">");
        }
        RowKind::Total => out.push_str("<tr class=\"total\">"),
    }
    if let Some((_, first)) = cells.next() {
        out.push_str("<th scope=\"row\">");
        runs(out, first);
        out.push_str("</th>");
    }
    for (kind, runs) in cells {
        cell(out, kind, runs);
    }
    out.push_str("</tr>\n");
}

fn table(out: &mut String, table: &Table<'_>) {
    out.push_str(match table.kind {
        TableKind::Report => "<table class=\"report\">\n",
        TableKind::Numbers => "<table class=\"numbers\">\n",
        TableKind::Recap => "<table class=\"recap\">\n",
        TableKind::Auditors => "<table class=\"auditors\">\n",
        TableKind::Blanks => "<table class=\"blanks\">\n",
    });
    caption(out, table.caption.kind, &table.caption.runs);
    out.push_str("<thead><tr>");
    super::push_each(out, &table.header, "<th scope=\"col\">", "</th>");
    out.push_str("</tr></thead>\n<tbody>\n");
    for (kind, cells) in table.rows() {
        row(out, kind, cells);
    }
    out.push_str("</tbody>\n</table>\n");
}

fn blocks(out: &mut String, blocks: &[Block<'_>]) {
    for block in blocks {
        match block {
            Block::Heading(h) => {
                let level = char::from(b'0' + h.level.min(6));
                out.push_str("<h");
                out.push(level);
                if let Some(id) = h.id {
                    out.push_str(" id=\"");
                    out.push_str(id);
                    out.push('"');
                }
                out.push('>');
                runs(out, &h.runs);
                out.push_str("</h");
                out.push(level);
                out.push_str(">\n");
            }
            Block::Paragraph(p) => {
                match p.style {
                    ParagraphStyle::Plain => out.push_str("<p>"),
                    ParagraphStyle::Site => out.push_str("<p class=\"site\">"),
                    ParagraphStyle::Tally => out.push_str("<p class=\"tally\">"),
                    ParagraphStyle::Note => out.push_str("<p class=\"note\">"),
                    ParagraphStyle::Outcome(o) => {
                        out.push_str("<p class=\"outcome o-");
                        out.push_str(o.code());
                        out.push_str("\">");
                    }
                }
                runs(out, &p.runs);
                out.push_str("</p>\n");
            }
            Block::List(l) => list(out, l),
            Block::KeyValues(kv) => key_values(out, kv),
            Block::Table(t) => table(out, t),
            Block::Chart(c) => super::svg::figure(out, c),
            Block::Contents(c) => contents(out, c),
            Block::Section(s) => {
                let label = match s.blocks.first() {
                    Some(Block::Heading(h)) => h.id,
                    _ => None,
                };
                let (open, close) = match s.kind {
                    SectionKind::Header => ("<header", "</header>\n"),
                    SectionKind::Part => ("<section", "</section>\n"),
                    SectionKind::Summary => ("<section class=\"summary\"", "</section>\n"),
                };
                out.push_str(open);
                if let Some(id) = label {
                    out.push_str(" aria-labelledby=\"");
                    out.push_str(id);
                    out.push('"');
                }
                out.push_str(">\n");
                self::blocks(out, &s.blocks);
                out.push_str(close);
            }
        }
    }
}

/// The table of contents, each entry a link to its part.
fn contents(out: &mut String, c: &Contents) {
    out.push_str("<ul class=\"contents\">\n");
    for (id, label) in &c.entries {
        out.push_str("<li><a href=\"#");
        out.push_str(id);
        out.push_str("\">");
        out.push_str(label);
        out.push_str("</a></li>\n");
    }
    out.push_str("</ul>\n");
}

/// Writes `document` as one HTML page (the shell of [`page`], the document's title as the
/// running header of the printed pages).
pub(crate) fn write(document: &Document<'_>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let shell = Shell {
        title: &document.title,
        language: document.language,
        running: None,
    };
    shell.start(&mut out);
    blocks(&mut out, &document.blocks);
    Shell::end(&mut out);
    out
}

/// The room a report's HTML starts with.
pub(crate) const CAPACITY: usize = 64 * 1024;

/// Renders the whole report of `valid` with its `conclusions` (from [`conclude`](crate::conclude)
/// on the same audit) as one HTML5 file, in the conclusions' language. See the
/// [module docs](self).
#[must_use]
pub fn render_html(valid: &Valid<'_>, conclusions: &Conclusions<'_>) -> String {
    write(&super::build::report(valid, conclusions), CAPACITY)
}
