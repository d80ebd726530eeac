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
#[cfg(feature = "docx")]
#[cfg_attr(docsrs, doc(cfg(feature = "docx")))]
pub mod docx;
pub mod html;
pub mod markdown;
pub(crate) mod phrases;
pub(crate) mod shell;
mod svg;
pub mod text;

/// The report of a valid audit, built once and written out in any format: the document model
/// every writer formats. [`render_markdown`](crate::render_markdown),
/// [`render_html`](crate::render_html), [`render_text`](text::render_text) and
/// `render_docx` build it and write it in one call; a program that writes several formats of
/// one report builds it once here.
///
/// ```
/// use qualepref::{conclude, samples, Audit, Language, Policy, Referentiel, Valid};
/// use qualepref::report::Report;
///
/// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &Default::default())?;
/// let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
/// let report = Report::new(&valid, &conclusions);
/// assert_eq!(report.markdown(), qualepref::render_markdown(&valid, &conclusions));
/// assert!(report.html().contains("<h1>RAPPORT D'AUDIT</h1>"));
/// assert!(report.text().starts_with("RAPPORT D'AUDIT\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Report<'a> {
    document: document::Document<'a>,
}

impl<'a> Report<'a> {
    /// The report of `valid` with its `conclusions` (from [`conclude`](crate::conclude) on the
    /// same audit), in the conclusions' language.
    #[must_use]
    pub fn new(valid: &crate::Valid<'a>, conclusions: &'a crate::Conclusions<'_>) -> Report<'a> {
        Report {
            document: build::report(valid, conclusions),
        }
    }

    /// The report as Markdown: see [`markdown`].
    #[must_use]
    pub fn markdown(&self) -> String {
        markdown::write(&self.document, markdown::CAPACITY)
    }

    /// The report as one HTML file: see [`html`].
    #[must_use]
    pub fn html(&self) -> String {
        html::write(&self.document, html::CAPACITY)
    }

    /// The report as plain text: see [`text`].
    #[must_use]
    pub fn text(&self) -> String {
        text::write_report(&self.document)
    }

    /// The report as a DOCX file: see [`docx`].
    #[cfg(feature = "docx")]
    #[cfg_attr(docsrs, doc(cfg(feature = "docx")))]
    #[must_use]
    pub fn docx(&self) -> Vec<u8> {
        docx::write(&self.document)
    }
}

/// Writes each of `items` between `before` and `after`: the writers' headers and joins.
fn push_each(out: &mut String, items: &[&str], before: &str, after: &str) {
    for item in items {
        out.push_str(before);
        out.push_str(item);
        out.push_str(after);
    }
}

/// The table of a `const fn(u8) -> bool` over all bytes, for [`push_replacing`]: looking a
/// byte up costs fewer instructions than testing it against a set of values.
macro_rules! byte_table {
    ($special:path) => {{
        let mut table = [false; 256];
        let mut b = 0_u8;
        let mut rest: &mut [bool] = &mut table;
        while let [entry, tail @ ..] = rest {
            *entry = $special(b);
            b = b.wrapping_add(1);
            rest = tail;
        }
        table
    }};
}
use byte_table;

/// The entry of `b` in a [`byte_table`].
#[inline]
fn lookup(table: &[bool; 256], b: u8) -> bool {
    table.get(usize::from(b)).copied().unwrap_or(false)
}

/// Writes `text` into `out`, each byte for which `special` holds (an ASCII byte) written by
/// `replace` instead, given the text's bytes and the byte's index. The text is scanned in whole
/// blocks of sixteen bytes (then the rest byte by byte), and a run without special byte is
/// copied at once: most data text has none. Both writers pass a [`byte_table`] lookup as
/// `special`: one load per byte, against a comparison per special value.
fn push_replacing(
    out: &mut String,
    text: &str,
    special: impl Fn(u8) -> bool,
    mut replace: impl FnMut(&mut String, &[u8], usize),
) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut scan = |out: &mut String, chunk: &[u8], offset: usize| {
        for (k, &b) in chunk.iter().enumerate() {
            if special(b) {
                let at = offset + k;
                out.push_str(text.get(start..at).unwrap_or_default());
                replace(out, bytes, at);
                start = at + 1;
            }
        }
    };
    let mut chunks = bytes.chunks_exact(16);
    let mut offset = 0;
    for chunk in chunks.by_ref() {
        if chunk.iter().fold(false, |any, &b| any | special(b)) {
            scan(out, chunk, offset);
        }
        offset += 16;
    }
    scan(out, chunks.remainder(), offset);
    out.push_str(text.get(start..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::document::{
        Block, Caption, CaptionKind, CellKind, Document, Inline, KeyValues, List, ListStyle,
        RowKind, SectionKind, Spans, Table, TableKind,
    };
    use crate::Language;

    /// One wording run per place a document holds runs, and a data text beside the first.
    fn blocks() -> Vec<Block<'static>> {
        let mut items = Spans::with_capacity(1, 1);
        items.span([Inline::plain("Liste : c")]);
        let mut table = Table::new(
            TableKind::Report,
            Caption {
                kind: CaptionKind::Label,
                runs: vec![Inline::plain("Tableau : f")],
            },
            vec!["En-tête"],
            1,
            1,
        );
        table.row(RowKind::Plain);
        table.cell_of(
            CellKind::Text,
            [Inline::Strong(Cow::Borrowed("Cellule ; g"))],
        );
        vec![
            Block::heading(
                1,
                vec![Inline::plain("Titre : a"), Inline::text("Texte : x ?")],
            ),
            Block::paragraph(vec![Inline::Title(Cow::Borrowed("« Para » b !"))]),
            Block::List(List {
                style: ListStyle::Plain,
                items,
            }),
            Block::KeyValues(KeyValues {
                kind: super::document::KeyValuesKind::Cover,
                caption: Caption {
                    kind: CaptionKind::Label,
                    runs: vec![Inline::plain("Légende : d")],
                },
                rows: vec![("Clé", vec![Inline::plain("Valeur : e")])],
            }),
            Block::Table(table),
            Block::section(SectionKind::Part, vec![Block::plain("Section : h")]),
        ]
    }

    /// How many times `text` stands in the debug form of `doc`'s blocks.
    fn count(doc: &Document<'_>, text: &str) -> usize {
        let debug = format!("{:?}", doc.blocks);
        let needle = format!("{text:?}");
        debug.matches(needle.trim_matches('"')).count()
    }

    #[test]
    fn a_french_document_typesets_its_wording_wherever_it_stands_and_nothing_else() {
        let typeset = [
            "Titre\u{a0}: a",
            "«\u{a0}Para\u{a0}» b\u{202f}!",
            "Liste\u{a0}: c",
            "Légende\u{a0}: d",
            "Valeur\u{a0}: e",
            "Tableau\u{a0}: f",
            "Cellule\u{202f}; g",
            "Section\u{a0}: h",
        ];
        let fr = Document::new(Cow::Borrowed("t"), Language::Fr, blocks());
        let en = Document::new(Cow::Borrowed("t"), Language::En, blocks());
        for text in typeset {
            let plain = text.replace(['\u{a0}', '\u{202f}'], " ");
            assert_eq!((count(&fr, text), count(&fr, &plain)), (1, 0), "{text}");
            assert_eq!((count(&en, text), count(&en, &plain)), (0, 1), "{text}");
        }
        // The auditor's words keep their spaces.
        assert_eq!(count(&fr, "Texte : x ?"), 1);
    }
}
