//! Markdown rendering of the whole report, close to the layout of the original: cover page,
//! context, a table per module (and per channel group of module 1, under the group's heading),
//! the management sections, the three remote-audit sections, the synthesis (section 4) and the
//! decision with its reasons and the fiches d'écart.
//!
//! The report is the same [document](super) as the HTML one, written in CommonMark; the summary
//! band and the chart are left out (everything they show is said again further down).
//!
//! Data text is escaped so that a CommonMark reader (with or without GitHub's tables and
//! strikethrough) reads it as written: `\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `>`, `|`, `#` and
//! `~` are backslash-escaped, and so is an `&` that starts a character reference (`&lt;`,
//! `&#65;`); a leading `-` or `+`, or the `.` or `)` after leading digits (`1\. b`), so that no
//! list or thematic break starts; the outer blank at each end is written `&#32;` (or `&#9;`), so
//! that it is kept and no indented code block starts. A newline inside a value becomes `<br>`.
//! Code (the référentiel's id) is fenced by more backticks than it holds in a row. The same
//! inputs give byte-identical output.
//!
//! ```
//! use qualepref::{conclude, render_markdown, samples, Audit, Language, Policy, Referentiel, Valid};
//! use qualepref::validate::ValidationOptions;
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default())
//!     .map_err(|_| "invalid")?;
//! let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
//! let md = render_markdown(&valid, &conclusions);
//! assert!(md.starts_with("# RAPPORT D'AUDIT\n"));
//! assert!(md.contains("Absence de non-conformité majeure ou mineure."));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::document::{
    BLANK as FILL, Block, CaptionKind, Contents, Document, Inline, KeyValues, List, ParagraphStyle,
    SectionKind, Table,
};
use crate::i18n::push_number;
use crate::{Conclusions, Valid};

/// Escapes data text for Markdown: see the [module docs](self).
///
/// ```
/// use qualepref::report::markdown::escape;
/// assert_eq!(escape("a | b\nc"), "a \\| b<br>c");
/// assert_eq!(escape("- item"), "\\- item");
/// assert_eq!(escape("1. b"), "1\\. b");
/// assert_eq!(escape("&lt; R&D"), "\\&lt; R&D");
/// ```
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text);
    out
}

/// Writes [`escape`]`(text)` into `out`.
fn push_escaped(out: &mut String, text: &str) {
    // Blanks at the ends would be dropped by the reader (and four leading ones, or a tab, would
    // open a code block): the outer one of each end is written as a character reference.
    let start = text.len() - text.trim_start_matches(BLANK).len();
    let end = text.trim_end_matches(BLANK).len().max(start);
    let (Some(first), Some(last)) = (text.chars().next(), text.chars().next_back()) else {
        return;
    };
    if start == text.len() {
        // Blanks only: both ends are the same run.
        push_blank(out, first);
        if text.len() > 1 {
            out.push_str(text.get(1..text.len() - 1).unwrap_or_default());
            push_blank(out, last);
        }
        return;
    }
    if start > 0 {
        push_blank(out, first);
        out.push_str(text.get(1..start).unwrap_or_default());
    }
    push_body(out, text.get(start..end).unwrap_or_default());
    if end < text.len() {
        out.push_str(text.get(end..text.len() - 1).unwrap_or_default());
        push_blank(out, last);
    }
}

/// The blanks that a CommonMark reader trims or reads as indentation.
const BLANK: [char; 2] = [' ', '\t'];

/// Writes the blank `c` as a numeric character reference.
fn push_blank(out: &mut String, c: char) {
    out.push_str(if c == '\t' { "&#9;" } else { "&#32;" });
}

/// Writes `text`, which starts and ends with no blank, escaped.
fn push_body(out: &mut String, text: &str) {
    // A line break alone would be written `<br>` alone on its line, which a CommonMark reader
    // takes for an HTML block, not for a paragraph: it is written as a character reference.
    if matches!(text, "\n" | "\r" | "\r\n") {
        out.push_str("&#10;");
        return;
    }
    // A paragraph starting like a list item, a thematic break or a numbered item would be read
    // as one: the sign, or the numbered item's delimiter, is escaped (a backslash before a digit
    // would stay visible).
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let mut rest = text;
    if text.starts_with(['-', '+']) {
        out.push('\\');
    } else if digits > 0
        && text.get(digits..).is_some_and(|r| {
            r.starts_with(['.', ')']) && r.get(1..2).is_none_or(|c| c == " " || c == "\t")
        })
    {
        out.push_str(text.get(..digits).unwrap_or_default());
        out.push('\\');
        rest = text.get(digits..).unwrap_or_default();
    }
    super::push_replacing(
        out,
        rest,
        |b| super::lookup(&SPECIAL, b),
        |out, bytes, i| match bytes.get(i) {
            Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => {}
            Some(b'\r' | b'\n') => out.push_str("<br>"),
            // Only an ampersand that starts a character reference needs one.
            Some(b'&') if !starts_reference(bytes.get(i + 1..).unwrap_or_default()) => {
                out.push('&');
            }
            Some(&b) => {
                out.push('\\');
                out.push(char::from(b));
            }
            None => {}
        },
    );
}

/// Whether `rest`, after an `&`, reads as a character reference: `#`, letters or digits, `;`.
fn starts_reference(rest: &[u8]) -> bool {
    let name = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
        .count();
    name > 0 && rest.get(name) == Some(&b';')
}

/// Whether [`escape`] replaces `b`.
#[inline]
const fn special(b: u8) -> bool {
    matches!(
        b,
        b'\\'
            | b'`'
            | b'*'
            | b'_'
            | b'['
            | b']'
            | b'<'
            | b'>'
            | b'|'
            | b'#'
            | b'~'
            | b'&'
            | b'\r'
            | b'\n'
    )
}

/// [`special`] of each byte: the scan of [`push_body`] reads one entry per byte.
const SPECIAL: [bool; 256] = super::byte_table!(special);

fn inline(out: &mut String, run: &Inline<'_>) {
    let Some((text, data)) = run.content() else {
        match run {
            Inline::Number(n) => push_number(out, *n),
            Inline::Blank => push_escaped(out, FILL),
            _ => out.push_str("<br>"),
        }
        return;
    };
    let delimiter = match run {
        Inline::Strong(_) | Inline::StrongText(_) | Inline::Title(_) | Inline::Figure(_) => "**",
        Inline::Lead(_) => "*",
        _ => "",
    };
    // Most runs have no delimiter: skipping the empty pushes saves a copy call each.
    if !delimiter.is_empty() {
        out.push_str(delimiter);
    }
    if data {
        push_escaped(out, text);
    } else {
        out.push_str(text);
    }
    if !delimiter.is_empty() {
        out.push_str(delimiter);
    }
}

fn runs(out: &mut String, runs: &[Inline<'_>]) {
    for run in runs {
        inline(out, run);
    }
}

fn list(out: &mut String, list: &List<'_>) {
    if list.items.is_empty() {
        return;
    }
    for item in list.items.iter() {
        out.push_str("- ");
        runs(out, item);
        out.push('\n');
    }
    out.push('\n');
}

/// The table of contents as a list; each label is escaped (`1\. PAGE DE GARDE`), so that it
/// does not open a numbered list.
fn contents(out: &mut String, c: &Contents) {
    for (_, label) in &c.entries {
        out.push_str("- ");
        push_escaped(out, label);
        out.push('\n');
    }
    out.push('\n');
}

fn key_values(out: &mut String, kv: &KeyValues<'_>) {
    out.push_str("| | |\n|---|---|\n");
    for (key, value) in &kv.rows {
        out.push_str("| ");
        out.push_str(key);
        out.push_str(" | ");
        runs(out, value);
        out.push_str(" |\n");
    }
    out.push('\n');
}

fn table(out: &mut String, table: &Table<'_>) {
    if table.caption.kind == CaptionKind::Subheading {
        out.push_str("#### ");
        runs(out, &table.caption.runs);
        out.push_str("\n\n");
    }
    out.push('|');
    super::push_each(out, &table.header, " ", " |");
    out.push_str("\n|");
    for _ in &table.header {
        out.push_str("---|");
    }
    out.push('\n');
    for (_, cells) in table.rows() {
        out.push('|');
        for (_, cell) in cells {
            out.push(' ');
            runs(out, cell);
            out.push_str(" |");
        }
        out.push('\n');
    }
    out.push('\n');
}

fn blocks(out: &mut String, blocks: &[Block<'_>]) {
    for block in blocks {
        match block {
            Block::Heading(h) => {
                for _ in 0..h.level {
                    out.push('#');
                }
                out.push(' ');
                runs(out, &h.runs);
                out.push_str("\n\n");
            }
            Block::Paragraph(p) => {
                // The tool's note is set apart in italics (it is wording alone).
                let note = p.style == ParagraphStyle::Note;
                if note {
                    out.push('*');
                }
                runs(out, &p.runs);
                if note {
                    out.push('*');
                }
                out.push_str("\n\n");
            }
            Block::List(l) => list(out, l),
            Block::KeyValues(kv) => key_values(out, kv),
            Block::Table(t) => table(out, t),
            Block::Chart(_) => {}
            Block::Contents(c) => contents(out, c),
            Block::Section(s) => {
                if s.kind != SectionKind::Summary {
                    self::blocks(out, &s.blocks);
                }
            }
        }
    }
}

/// Writes `document` as CommonMark: a blank line after each block, one newline at the end.
pub(crate) fn write(document: &Document<'_>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    blocks(&mut out, &document.blocks);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The room a report's Markdown starts with.
pub(crate) const CAPACITY: usize = 24 * 1024;

/// Renders the whole report of `valid` with its `conclusions` (from [`conclude`](crate::conclude)
/// on the same audit), in the conclusions' language. See the [module docs](self).
#[must_use]
pub fn render_markdown(valid: &Valid<'_>, conclusions: &Conclusions<'_>) -> String {
    write(&super::build::report(valid, conclusions), CAPACITY)
}
