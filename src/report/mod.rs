//! The audit report, written out as Markdown ([`markdown`]), HTML ([`html`]) or plain text
//! ([`text`]).
//!
//! The report is built once, from a valid audit and its conclusions, as a document model (in
//! `document.rs`, built by the files of `build/`, one per part of the report): headings,
//! paragraphs of inline runs, lists, key/value lists, tables and a chart, every word chosen in
//! the conclusions' language. Each writer only formats that document, so the three say the
//! same thing in the same words; the [comparison](mod@crate::compare) of two audits is written by
//! the same writers.

mod build;
pub(crate) mod document;
pub mod html;
pub mod markdown;
mod svg;
pub mod text;

/// Writes each of `items` between `before` and `after`: the writers' headers and joins.
fn push_each(out: &mut String, items: &[&str], before: &str, after: &str) {
    for item in items {
        out.push_str(before);
        out.push_str(item);
        out.push_str(after);
    }
}
