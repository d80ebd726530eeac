//! DOCX rendering of the whole report (feature `docx`): the same [document](super) as the
//! Markdown, HTML and text reports, as a word-processing file an auditor finishes and signs in
//! Word or LibreOffice Writer.
//!
//! - **Headings are heading styles** (`Heading 1` for the report's parts, `Heading 2` for their
//!   sections, `Heading 3` for a fiche or the avis), each with its outline level: the table of
//!   contents is a `TOC` field over them, written with its entries and updated by the word
//!   processor when the file opens.
//! - **Tables repeat their header row** on each page (`w:tblHeader`) and no row breaks across
//!   pages; the cover's boxes are `☒` / `☐`.
//! - **The fiches d'écart are forms**: a two-column table each, its blanks lines to fill in,
//!   the two signatures last; the procès-verbal de clôture and the distribution list are blank
//!   rows to sign and fill in.
//! - **The page**: A4, 2 cm margins, the report's title as the running header of every page but
//!   the first, `page / pages` at the foot of each.
//! - **Self-contained and deterministic**: no image, font or link from elsewhere; parts stored
//!   uncompressed with a fixed date, so that the same inputs give the same bytes.
//!
//! The summary band and the chart, which the printed report does not show either, are left
//! out.
//!
//! ```
//! use qualepref::{conclude, samples, Audit, Language, Policy, Referentiel, Valid};
//! use qualepref::report::docx::render_docx;
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &Default::default())?;
//! let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
//! let docx = render_docx(&valid, &conclusions);
//! assert!(docx.starts_with(b"PK\x03\x04"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod package;
mod parts;

use super::document::{
    BLANK, Block, CaptionKind, CellKind, Contents, Document, Inline, KeyValues, KeyValuesKind,
    List, ParagraphStyle, RowKind, SectionKind, Table, TableKind, Tone,
};
use crate::i18n::push_number;
use crate::{Conclusions, Language, Valid};

/// The width of the text on an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: u32 = 11_906 - 2 * 1_134;

/// The parts that start on a new page, by the anchor of their heading.
const NEW_PAGE: [&str; 6] = [
    "context",
    "assessment",
    "recap",
    "synthesis",
    "closing",
    "unread",
];

/// Whether `b` is replaced when written into XML (a markup character or a control byte).
const fn special(b: u8) -> bool {
    matches!(b, b'&' | b'<' | b'>' | b'"') || b < 0x20
}

/// [`special`] of each byte.
const SPECIAL: [bool; 256] = super::byte_table!(special);

/// Writes the replacement of the byte at `i`; in `text` (the content of a `w:t`), a line break
/// ends the text and breaks the line, and a tab is a tab; elsewhere both are spaces. Another
/// control character (validation refuses them) is written U+FFFD, visibly.
fn replace(out: &mut String, bytes: &[u8], i: usize, text: bool) {
    match bytes.get(i) {
        Some(b'&') => out.push_str("&amp;"),
        Some(b'<') => out.push_str("&lt;"),
        Some(b'>') => out.push_str("&gt;"),
        Some(b'"') => out.push_str("&quot;"),
        Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => {}
        Some(b'\r' | b'\n') if text => {
            out.push_str("</w:t><w:br/><w:t xml:space=\"preserve\">");
        }
        Some(b'\t') if text => out.push_str("</w:t><w:tab/><w:t xml:space=\"preserve\">"),
        Some(b'\r' | b'\n' | b'\t') => out.push(' '),
        _ => out.push('\u{fffd}'),
    }
}

/// Writes `text` escaped for XML content or an attribute value.
pub(super) fn push_xml(out: &mut String, text: &str) {
    super::push_replacing(
        out,
        text,
        |b| super::lookup(&SPECIAL, b),
        |o, b, i| replace(o, b, i, false),
    );
}

/// Writes `text` as the content of a `w:t`, its line breaks and tabs kept.
fn push_text(out: &mut String, text: &str) {
    super::push_replacing(
        out,
        text,
        |b| super::lookup(&SPECIAL, b),
        |o, b, i| replace(o, b, i, true),
    );
}

/// The colour of a badge of `tone`.
const fn colour(tone: Tone) -> &'static str {
    match tone {
        Tone::Conformity => "0B5A26",
        Tone::NotApplicable | Tone::Unset => "3D3D3D",
        Tone::Minor => "6B4500",
        Tone::Major => "8C1010",
    }
}

/// The run properties of `run`, if any.
fn properties(out: &mut String, run: &Inline<'_>) {
    match run {
        Inline::Strong(_)
        | Inline::StrongText(_)
        | Inline::Title(_)
        | Inline::Figure(_)
        | Inline::Key(_) => out.push_str("<w:rPr><w:b/></w:rPr>"),
        Inline::Lead(_) => out.push_str("<w:rPr><w:i/></w:rPr>"),
        Inline::Marker(_) => out.push_str("<w:rPr><w:color w:val=\"4A4A4A\"/></w:rPr>"),
        Inline::Badge(tone, _) => {
            out.push_str("<w:rPr><w:b/><w:color w:val=\"");
            out.push_str(colour(*tone));
            out.push_str("\"/></w:rPr>");
        }
        _ => {}
    }
}

/// Writes `run`; `cell` is the paragraph style of a cell of paragraphs, where a break opens a
/// new paragraph (elsewhere it breaks the line).
fn run(out: &mut String, run: &Inline<'_>, cell: Option<&str>) {
    let text = match (run.content(), run) {
        (Some((text, _)), _) => text,
        (None, Inline::Number(n)) => {
            out.push_str("<w:r><w:t>");
            push_number(out, *n);
            out.push_str("</w:t></w:r>");
            return;
        }
        (None, Inline::Blank) => BLANK,
        (None, _) => {
            match cell {
                Some(style) => {
                    out.push_str("</w:p>");
                    open_paragraph(out, Some(style), false);
                }
                None => out.push_str("<w:r><w:br/></w:r>"),
            }
            return;
        }
    };
    out.push_str("<w:r>");
    properties(out, run);
    out.push_str("<w:t xml:space=\"preserve\">");
    push_text(out, text);
    out.push_str("</w:t></w:r>");
}

fn runs(out: &mut String, list: &[Inline<'_>], cell: Option<&str>) {
    for r in list {
        run(out, r, cell);
    }
}

/// Opens a paragraph of `style`, on a new page when `page_break`.
fn open_paragraph(out: &mut String, style: Option<&str>, page_break: bool) {
    match (style, page_break) {
        (None, false) => out.push_str("<w:p>"),
        _ => {
            out.push_str("<w:p><w:pPr>");
            if let Some(style) = style {
                out.push_str("<w:pStyle w:val=\"");
                out.push_str(style);
                out.push_str("\"/>");
            }
            if page_break {
                out.push_str("<w:pageBreakBefore/>");
            }
            out.push_str("</w:pPr>");
        }
    }
}

/// A paragraph of `style` made of `list`.
fn paragraph(out: &mut String, style: Option<&str>, list: &[Inline<'_>]) {
    open_paragraph(out, style, false);
    runs(out, list, None);
    out.push_str("</w:p>");
}

/// The widths of the columns of a table of `kind` with `columns` columns, in per cent.
fn percents(kind: Option<TableKind>, columns: usize) -> &'static [u32] {
    match (kind, columns) {
        (None, _) => &[32, 68],
        (Some(TableKind::Report), 3) => &[38, 50, 12],
        (Some(TableKind::Numbers), 9) => &[28, 8, 8, 8, 8, 16, 8, 8, 8],
        (Some(TableKind::Recap), 6) => &[50, 14, 7, 7, 7, 15],
        (Some(TableKind::Auditors), 3) => &[25, 45, 30],
        (Some(TableKind::Blanks), 4) => &[28, 30, 17, 25],
        (Some(_), 2) => &[50, 50],
        (Some(_), 3) => &[34, 33, 33],
        (Some(_), 4) => &[25, 25, 25, 25],
        _ => &[],
    }
}

/// The width of column `i` of `columns`, in twentieths of a point.
fn width(kind: Option<TableKind>, columns: usize, i: usize) -> u32 {
    let columns_u32 = u32::try_from(columns.max(1)).unwrap_or(1);
    let percent = percents(kind, columns)
        .get(i)
        .copied()
        .unwrap_or(100 / columns_u32);
    TEXT_WIDTH * percent / 100
}

/// Opens a table of `columns` columns (`kind`: `None` for keys and values), bordered unless
/// `plain`, named `caption` for assistive technologies.
fn open_table(
    out: &mut String,
    kind: Option<TableKind>,
    columns: usize,
    plain: bool,
    caption: &[Inline<'_>],
) {
    out.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"");
    out.push_str(if plain { "PlainTable" } else { "ReportTable" });
    out.push_str("\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>");
    if !caption.is_empty() {
        out.push_str("<w:tblCaption w:val=\"");
        for r in caption {
            match (r.content(), r) {
                (Some((text, _)), _) => push_xml(out, text),
                (None, Inline::Number(n)) => push_number(out, *n),
                _ => out.push(' '),
            }
        }
        out.push_str("\"/>");
    }
    out.push_str("</w:tblPr><w:tblGrid>");
    for i in 0..columns {
        out.push_str("<w:gridCol w:w=\"");
        push_number(out, width(kind, columns, i));
        out.push_str("\"/>");
    }
    out.push_str("</w:tblGrid>");
}

/// Closes a table, and separates it from what follows (adjacent tables would join).
fn close_table(out: &mut String) {
    out.push_str("</w:tbl><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>");
}

/// Opens a row; `header` repeats on each page; `tall` leaves room to write by hand.
fn open_row(out: &mut String, header: bool, tall: bool) {
    out.push_str("<w:tr><w:trPr><w:cantSplit/>");
    if tall {
        out.push_str("<w:trHeight w:val=\"520\"/>");
    }
    if header {
        out.push_str("<w:tblHeader/>");
    }
    out.push_str("</w:trPr>");
}

/// Writes a cell `twips` wide, shaded with `fill` if any, of paragraphs of `style`.
fn cell(
    out: &mut String,
    twips: u32,
    fill: Option<&str>,
    style: &'static str,
    list: &[Inline<'_>],
    paragraphs: bool,
) {
    out.push_str("<w:tc><w:tcPr><w:tcW w:w=\"");
    push_number(out, twips);
    out.push_str("\" w:type=\"dxa\"/>");
    if let Some(fill) = fill {
        out.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"");
        out.push_str(fill);
        out.push_str("\"/>");
    }
    out.push_str("</w:tcPr>");
    open_paragraph(out, Some(style), false);
    runs(out, list, paragraphs.then_some(style));
    out.push_str("</w:p></w:tc>");
}

/// The shade of a header row.
const HEAD: &str = "E3E8EF";

/// The shade of a key.
const BAND: &str = "EEF2F7";

fn key_values(out: &mut String, kv: &KeyValues<'_>) {
    let plain = kv.kind == KeyValuesKind::Header;
    let caption = if kv.caption.kind == CaptionKind::Subheading {
        paragraph(out, Some("Subheading"), &kv.caption.runs);
        &[][..]
    } else {
        &kv.caption.runs[..]
    };
    open_table(out, None, 2, plain, caption);
    let key_width = width(None, 2, 0);
    let value_width = width(None, 2, 1);
    for (key, value) in &kv.rows {
        let tall = kv.kind == KeyValuesKind::Form && value.contains(&Inline::Blank);
        open_row(out, false, tall);
        let fill = (!plain).then_some(BAND);
        cell(
            out,
            key_width,
            fill,
            "TableHeading",
            &[Inline::plain(*key)],
            false,
        );
        cell(out, value_width, None, "TableText", value, false);
        out.push_str("</w:tr>");
    }
    close_table(out);
}

fn table(out: &mut String, t: &Table<'_>) {
    let columns = t.header.len();
    let caption = match t.caption.kind {
        CaptionKind::Subheading => {
            paragraph(out, Some("Subheading"), &t.caption.runs);
            &[][..]
        }
        CaptionKind::Label | CaptionKind::Hidden => &t.caption.runs[..],
    };
    open_table(out, Some(t.kind), columns, false, caption);
    let tall = t.kind == TableKind::Blanks;
    open_row(out, true, false);
    for (i, heading) in t.header.iter().enumerate() {
        cell(
            out,
            width(Some(t.kind), columns, i),
            Some(HEAD),
            "TableHeading",
            &[Inline::plain(*heading)],
            false,
        );
    }
    out.push_str("</w:tr>");
    for (kind, cells) in t.rows() {
        open_row(out, false, tall);
        let total = kind == RowKind::Total;
        for (i, (cell_kind, list)) in cells.enumerate() {
            let style = if total { "TableHeading" } else { "TableText" };
            let fill = total.then_some(HEAD);
            let paragraphs = cell_kind == CellKind::Paragraphs;
            cell(
                out,
                width(Some(t.kind), columns, i),
                fill,
                style,
                list,
                paragraphs,
            );
        }
        out.push_str("</w:tr>");
    }
    close_table(out);
}

fn list(out: &mut String, l: &List<'_>) {
    for item in l.items.iter() {
        open_paragraph(out, Some("ListBullet"), false);
        out.push_str("<w:r><w:t xml:space=\"preserve\">• </w:t></w:r>");
        runs(out, item, None);
        out.push_str("</w:p>");
    }
}

/// The table of contents: a `TOC` field over the heading styles, with the parts as its entries
/// until the word processor updates it.
fn contents(out: &mut String, c: &Contents) {
    let last = c.entries.len().saturating_sub(1);
    for (i, (_, label)) in c.entries.iter().enumerate() {
        open_paragraph(out, Some("TOC1"), false);
        if i == 0 {
            out.push_str(
                "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>\
                 <w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
            );
        }
        out.push_str("<w:r><w:t xml:space=\"preserve\">");
        push_text(out, label);
        out.push_str("</w:t></w:r>");
        if i == last {
            out.push_str("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
        }
        out.push_str("</w:p>");
    }
}

fn blocks(out: &mut String, all: &[Block<'_>]) {
    for block in all {
        match block {
            Block::Heading(h) => {
                let style = match h.level {
                    0 | 1 => "Title",
                    2 => "Heading1",
                    3 => "Heading2",
                    _ => "Heading3",
                };
                let page_break = h.id.is_some_and(|id| NEW_PAGE.contains(&id));
                open_paragraph(out, Some(style), page_break);
                runs(out, &h.runs, None);
                out.push_str("</w:p>");
            }
            Block::Paragraph(p) => {
                let style = match p.style {
                    ParagraphStyle::Plain => None,
                    ParagraphStyle::Site => Some("Site"),
                    ParagraphStyle::Outcome(_) => Some("Outcome"),
                    ParagraphStyle::Tally => Some("Tally"),
                    ParagraphStyle::Note => Some("Note"),
                };
                paragraph(out, style, &p.runs);
            }
            Block::List(l) => self::list(out, l),
            Block::KeyValues(kv) => key_values(out, kv),
            Block::Table(t) => table(out, t),
            Block::Contents(c) => contents(out, c),
            Block::Chart(_) => {}
            Block::Section(s) => {
                if s.kind != SectionKind::Summary {
                    blocks(out, &s.blocks);
                }
            }
        }
    }
}

/// The language tag of the styles and the properties.
const fn tag(language: Language) -> &'static str {
    match language {
        Language::Fr => "fr-FR",
        Language::En => "en-GB",
    }
}

/// Writes `document` as a DOCX file.
pub(crate) fn write(document: &Document<'_>) -> Vec<u8> {
    let mut package = Package::with_capacity(160 * 1024);
    package.text("[Content_Types].xml", parts::CONTENT_TYPES);
    package.text("_rels/.rels", parts::RELS);
    package.entry("word/document.xml", |bytes| {
        let mut out = String::with_capacity(128 * 1024);
        out.push_str(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>",
        );
        blocks(&mut out, &document.blocks);
        out.push_str(parts::SECTION);
        out.push_str("</w:body></w:document>");
        bytes.extend_from_slice(out.as_bytes());
    });
    package.text("word/_rels/document.xml.rels", parts::DOCUMENT_RELS);
    package.text("word/styles.xml", &parts::styles(tag(document.language)));
    package.text("word/settings.xml", parts::SETTINGS);
    package.text("word/header1.xml", &parts::header(&document.title));
    package.text("word/footer1.xml", parts::FOOTER);
    package.text(
        "docProps/core.xml",
        &parts::core(&document.title, tag(document.language)),
    );
    package.text("docProps/app.xml", parts::APP);
    package.finish()
}

use package::Package;

/// Renders the whole report of `valid` with its `conclusions` (from [`conclude`](crate::conclude)
/// on the same audit) as a DOCX file, in the conclusions' language. See the
/// [module docs](self).
#[must_use]
pub fn render_docx(valid: &Valid<'_>, conclusions: &Conclusions<'_>) -> Vec<u8> {
    write(&super::build::report(valid, conclusions))
}
