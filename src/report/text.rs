//! Plain-text rendering of the whole report: the same [document](super) as the Markdown and
//! HTML reports, without markup, for a terminal or a log.
//!
//! Headings are lines of their own, followed at once by what they head; other blocks are
//! separated by a blank line; list items start with `- `; a table is a line per row, its cells
//! separated by ` | `, under its header row; a key and its value are separated by the
//! language's colon (`\u{a0}: ` in French, `: ` in English); a box of the cover is `☒` or `☐`,
//! a blank to fill in a line of underscores. The report starts with its title
//! (`RAPPORT D'AUDIT`); the summary band and the chart are left out, as everything they show
//! is said again further down. Text is written as is.
//!
//! ```
//! use qualepref::{conclude, samples, Audit, Language, Policy, Referentiel, Valid};
//! use qualepref::report::text::render_text;
//! use qualepref::validate::ValidationOptions;
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default())
//!     .map_err(|_| "invalid")?;
//! let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
//! let text = render_text(&valid, &conclusions);
//! assert!(text.starts_with("RAPPORT D'AUDIT\nPREFECTURE du Var — TOULON - 83\n"));
//! assert!(text.contains("\nAVIS INDICATIF (AUDIT INTERNE)\nAvis favorable\n"));
//! assert!(!text.contains("DÉCISION"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::document::{BLANK, Block, CaptionKind, Document, Inline, SectionKind};
use crate::i18n::push_number;
use crate::{Conclusions, Valid};

/// Writes `runs`; `cell`: a break is written ` / ` rather than a new line.
fn runs(out: &mut String, runs: &[Inline<'_>], cell: bool) {
    for run in runs {
        match (run.content(), run) {
            (Some((text, _)), _) => out.push_str(text),
            (None, Inline::Number(n)) => push_number(out, *n),
            (None, Inline::Blank) => out.push_str(BLANK),
            (None, _) if cell => out.push_str(" / "),
            (None, _) => out.push('\n'),
        }
    }
}

/// Where the writer stands between blocks.
struct Writer {
    out: String,
    /// Whether anything was written.
    started: bool,
    /// Whether the last block was a heading.
    after_heading: bool,
    /// Whether the title (the first-level heading) is written.
    title: bool,
}

impl Writer {
    /// Starts a block: a blank line before it unless it opens the text or follows a heading.
    fn start(&mut self, heading: bool) {
        if self.started && !self.after_heading {
            self.out.push('\n');
        }
        self.started = true;
        self.after_heading = heading;
    }

    /// Writes `blocks`; `colon` separates a key from its value.
    fn blocks(&mut self, blocks: &[Block<'_>], colon: &str) {
        for block in blocks {
            match block {
                Block::Heading(h) if h.level <= 1 && !self.title => {}
                Block::Heading(h) => {
                    self.start(true);
                    runs(&mut self.out, &h.runs, false);
                    self.out.push('\n');
                }
                Block::Paragraph(p) => {
                    self.start(false);
                    runs(&mut self.out, &p.runs, false);
                    self.out.push('\n');
                }
                Block::List(l) => {
                    if l.items.is_empty() {
                        continue;
                    }
                    self.start(false);
                    for item in l.items.iter() {
                        self.out.push_str("- ");
                        runs(&mut self.out, item, false);
                        self.out.push('\n');
                    }
                }
                Block::KeyValues(kv) => {
                    self.start(false);
                    for (key, value) in &kv.rows {
                        self.out.push_str(key);
                        self.out.push_str(colon);
                        runs(&mut self.out, value, true);
                        self.out.push('\n');
                    }
                }
                Block::Table(t) => {
                    self.start(false);
                    if t.caption.kind == CaptionKind::Subheading {
                        runs(&mut self.out, &t.caption.runs, false);
                        self.out.push('\n');
                    }
                    self.out.push_str(&t.header.join(" | "));
                    self.out.push('\n');
                    for (_, cells) in t.rows() {
                        for (i, (_, cell)) in cells.enumerate() {
                            if i > 0 {
                                self.out.push_str(" | ");
                            }
                            runs(&mut self.out, cell, true);
                        }
                        self.out.push('\n');
                    }
                }
                Block::Chart(_) => {}
                Block::Contents(c) => {
                    self.start(false);
                    for (_, label) in &c.entries {
                        self.out.push_str("- ");
                        self.out.push_str(label);
                        self.out.push('\n');
                    }
                }
                Block::Section(s) => {
                    if s.kind != SectionKind::Summary {
                        self.blocks(&s.blocks, colon);
                    }
                }
            }
        }
    }
}

/// Writes `document` as plain text without its title (the command that prints it names it):
/// see the [module docs](self).
pub(crate) fn write(document: &Document<'_>, capacity: usize) -> String {
    write_with(document, capacity, false)
}

/// Writes the report `document` as plain text, its title first.
pub(crate) fn write_report(document: &Document<'_>) -> String {
    write_with(document, 20 * 1024, true)
}

/// Writes `document` as plain text, its title (the first-level heading) first when `title`.
fn write_with(document: &Document<'_>, capacity: usize, title: bool) -> String {
    let mut w = Writer {
        out: String::with_capacity(capacity),
        started: false,
        after_heading: false,
        title,
    };
    w.blocks(&document.blocks, document.language.phrases().common.colon);
    w.out
}

/// Renders the whole report of `valid` with its `conclusions` (from [`conclude`](crate::conclude)
/// on the same audit) as plain text, in the conclusions' language. See the [module docs](self).
#[must_use]
pub fn render_text(valid: &Valid<'_>, conclusions: &Conclusions<'_>) -> String {
    write_report(&super::build::report(valid, conclusions))
}
