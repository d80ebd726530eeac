//! The document model: what a report (or a comparison) says, built once, then written out by
//! each writer ([`markdown`](super::markdown), [`html`](super::html), [`text`](super::text)).
//!
//! A [`Document`] is a sequence of [`Block`]s: headings, paragraphs, bullet lists, key/value
//! lists (the cover, the fiches d'écart's forms), tables, the table of contents, a chart, and
//! sections that group blocks. The text of a block is a sequence of
//! [`Inline`] runs. Every word is decided when the document is built, in its language; a writer
//! only formats: it escapes data text, marks runs up and lays blocks out.
//!
//! Two kinds of text runs are kept apart: the crate's own wording ([`Inline::Plain`]), written
//! as is, and text from the audit or the référentiel ([`Inline::Text`]), which each writer
//! escapes for its format. Most text is borrowed from the audit, the référentiel or the
//! conclusions (`Cow::Borrowed`); only composed phrases are owned.
//!
//! French typography (no-break spaces before `: ; ! ?` and inside `« »`, by the rules of
//! [`typography`](crate::i18n::typography)) is applied here, in one place: [`Document::new`]
//! typesets every wording run of a French document, and no data run. The text form of reports
//! (`report_text`) does not go through this model and keeps the source report's spaces.

use std::borrow::Cow;

use crate::engine::score::{ObservationCounts, VerdictCounts};
use crate::i18n::typography;
use crate::{Language, Outcome, RemoteNote, Verdict};

/// A whole document: its title (the HTML page's `<title>`), its language and its blocks.
#[derive(Debug, Clone)]
pub(crate) struct Document<'a> {
    /// The title of the page, plain text (escaped by the writer).
    pub title: Cow<'a, str>,
    /// The language of the wording.
    pub language: Language,
    /// The blocks, in order.
    pub blocks: Vec<Block<'a>>,
}

impl<'a> Document<'a> {
    /// The document of `blocks` in `language`, titled `title`. In French, every wording run
    /// ([`Inline::Plain`], [`Inline::Strong`], [`Inline::Title`]) is typeset by
    /// [`typography::french`]; data runs ([`Inline::Text`] and the like: the auditor's and the
    /// référentiel's words, and the engine's lines, whose wording the French phrase table
    /// already typesets) are left as they are.
    pub(crate) fn new(title: Cow<'a, str>, language: Language, mut blocks: Vec<Block<'a>>) -> Self {
        if language == Language::Fr {
            typeset_blocks(&mut blocks);
        }
        Document {
            title,
            language,
            blocks,
        }
    }
}

/// Typesets the wording runs of `blocks`, sections included.
fn typeset_blocks(blocks: &mut [Block<'_>]) {
    for block in blocks {
        match block {
            Block::Heading(h) => typeset_runs(&mut h.runs),
            Block::Paragraph(p) => typeset_runs(&mut p.runs),
            Block::List(l) => typeset_runs(&mut l.items.runs),
            Block::KeyValues(kv) => {
                typeset_runs(&mut kv.caption.runs);
                for (_, value) in &mut kv.rows {
                    typeset_runs(value);
                }
            }
            Block::Table(t) => {
                typeset_runs(&mut t.caption.runs);
                typeset_runs(&mut t.cells.runs);
            }
            // The contents' labels are headings of the phrase tables, written typeset.
            Block::Chart(_) | Block::Contents(_) => {}
            Block::Section(s) => typeset_blocks(&mut s.blocks),
        }
    }
}

/// Typesets the wording runs among `runs`.
fn typeset_runs(runs: &mut [Inline<'_>]) {
    for run in runs {
        if let Inline::Plain(s) | Inline::Strong(s) | Inline::Title(s) = run {
            let typeset = match typography::french(s) {
                Cow::Owned(t) => Some(t),
                Cow::Borrowed(_) => None,
            };
            if let Some(t) = typeset {
                *s = Cow::Owned(t);
            }
        }
    }
}

/// One block of a document.
#[derive(Debug, Clone)]
pub(crate) enum Block<'a> {
    /// A heading.
    Heading(Heading<'a>),
    /// A paragraph.
    Paragraph(Paragraph<'a>),
    /// A bullet list.
    List(List<'a>),
    /// A list of keys and their values (the cover page, a fiche d'écart's form).
    KeyValues(KeyValues<'a>),
    /// A table.
    Table(Table<'a>),
    /// The table of contents: the document's parts, by anchor.
    Contents(Contents),
    /// The chart of verdicts and observations per module: only HTML draws it.
    Chart(Chart),
    /// Blocks that belong together.
    Section(Section<'a>),
}

/// A run of inline text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Inline<'a> {
    /// The crate's own wording, written as is (it holds no markup character).
    Plain(Cow<'a, str>),
    /// Text from the audit or the référentiel, escaped by each writer; a newline in it is a line
    /// break.
    Text(Cow<'a, str>),
    /// Strong wording.
    Strong(Cow<'a, str>),
    /// Strong data text (escaped).
    StrongText(Cow<'a, str>),
    /// A number, written in decimal.
    Number(u32),
    /// A line break; between the paragraphs of a [`CellKind::Paragraphs`] cell, a new paragraph.
    Break,
    /// The title of an outcome: bold where the paragraph's style does not already say it.
    Title(Cow<'a, str>),
    /// The label leading a line of figures (`Taux de conformité :`): emphasised where the
    /// paragraph's style does not already set it apart.
    Lead(&'static str),
    /// A figure of the summary band, set in bold.
    Figure(Cow<'a, str>),
    /// An observation kind's code (`PF`, `PS`, `PP`), marked as a key.
    Key(&'static str),
    /// An ornament, hidden from assistive technologies.
    Marker(&'static str),
    /// A verdict or a note, written as a coloured badge where colours exist.
    Badge(Tone, &'static str),
    /// A box of the cover, checked or not: `☒`, `☐`.
    Check(bool),
    /// A blank to fill in by hand (a form's answer, a signature, a date).
    Blank,
}

/// The glyph of a checked box.
pub(crate) const CHECKED: &str = "\u{2612}";

/// The glyph of an unchecked box.
pub(crate) const UNCHECKED: &str = "\u{2610}";

/// A blank to fill in, where a format has no ruled line: ten underscores.
pub(crate) const BLANK: &str = "__________";

/// The colour of a [`Inline::Badge`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    /// Conformity.
    Conformity,
    /// Not applicable.
    NotApplicable,
    /// A minor nonconformity.
    Minor,
    /// A major nonconformity (or a nonconforming remote check).
    Major,
    /// No verdict.
    Unset,
}

impl Tone {
    /// The tone of a verdict.
    pub(crate) const fn of_verdict(verdict: Option<Verdict>) -> Tone {
        match verdict {
            Some(Verdict::Conformity) => Tone::Conformity,
            Some(Verdict::NotApplicable) => Tone::NotApplicable,
            Some(Verdict::MinorNonconformity) => Tone::Minor,
            Some(Verdict::MajorNonconformity) => Tone::Major,
            None => Tone::Unset,
        }
    }

    /// The tone of a remote check's note.
    pub(crate) const fn of_note(note: Option<RemoteNote>) -> Tone {
        match note {
            Some(RemoteNote::Conforme) => Tone::Conformity,
            Some(RemoteNote::NonConforme) => Tone::Major,
            Some(RemoteNote::NonApplicable) => Tone::NotApplicable,
            None => Tone::Unset,
        }
    }
}

/// A verdict as a badge: its code (`—` without one), coloured by it.
pub(crate) fn verdict_badge(verdict: Option<Verdict>) -> Inline<'static> {
    Inline::Badge(
        Tone::of_verdict(verdict),
        verdict.map_or("—", Verdict::code),
    )
}

/// A heading.
#[derive(Debug, Clone)]
pub(crate) struct Heading<'a> {
    /// 1 (the title) to 4.
    pub level: u8,
    /// The anchor, for the formats that have anchors.
    pub id: Option<&'static str>,
    /// The text.
    pub runs: Vec<Inline<'a>>,
}

/// The look of a paragraph, for the formats that style paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParagraphStyle {
    /// An ordinary paragraph.
    Plain,
    /// The site, under the title.
    Site,
    /// An outcome, coloured by it.
    Outcome(Outcome),
    /// A line of figures (a rate and counts).
    Tally,
    /// The tool's note on what it established itself (not the original's text).
    Note,
}

/// A paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Paragraph<'a> {
    /// Its look.
    pub style: ParagraphStyle,
    /// The text.
    pub runs: Vec<Inline<'a>>,
}

/// The look of a bullet list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListStyle {
    /// An ordinary list.
    Plain,
    /// Figures side by side (the summary band).
    Figures,
}

/// A bullet list.
#[derive(Debug, Clone)]
pub(crate) struct List<'a> {
    /// Its look.
    pub style: ListStyle,
    /// The items.
    pub items: Spans<'a>,
}

/// Sequences of inline runs (list items, table cells) stored one after the other, so that a
/// list or a table allocates twice, not once per item.
#[derive(Debug, Clone, Default)]
pub(crate) struct Spans<'a> {
    runs: Vec<Inline<'a>>,
    ends: Vec<usize>,
}

impl<'a> Spans<'a> {
    /// No span, with room for `spans` spans of `runs` runs in all.
    pub(crate) fn with_capacity(spans: usize, runs: usize) -> Spans<'a> {
        Spans {
            runs: Vec::with_capacity(runs),
            ends: Vec::with_capacity(spans),
        }
    }

    /// Appends `run` to the span being written.
    pub(crate) fn push(&mut self, run: Inline<'a>) {
        self.runs.push(run);
    }

    /// Ends the span being written (it may be empty).
    pub(crate) fn end(&mut self) {
        self.ends.push(self.runs.len());
    }

    /// Appends a span of `runs`.
    pub(crate) fn span(&mut self, runs: impl IntoIterator<Item = Inline<'a>>) {
        self.runs.extend(runs);
        self.end();
    }

    /// Whether there is no span.
    pub(crate) fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The spans, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[Inline<'a>]> {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let span = self.runs.get(start..end).unwrap_or_default();
            start = end;
            span
        })
    }
}

/// Who sees a table's caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaptionKind {
    /// It names a part of the section (a channel group): every format shows it, the text formats
    /// as a sub-heading above the table.
    Subheading,
    /// It labels the table; formats without captions leave it out, the heading above saying it.
    Label,
    /// It repeats the heading above: only for assistive technologies.
    Hidden,
}

/// A table's caption.
#[derive(Debug, Clone)]
pub(crate) struct Caption<'a> {
    /// Who sees it.
    pub kind: CaptionKind,
    /// The text.
    pub runs: Vec<Inline<'a>>,
}

/// What a list of keys and values is, for the formats that style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyValuesKind {
    /// The header block under the title (the audit's kind, dates and lead auditor).
    Header,
    /// The cover page.
    Cover,
    /// A fiche d'écart's form: its blanks are to be filled in and signed.
    Form,
}

/// A list of keys and values, laid out as a two-column table.
#[derive(Debug, Clone)]
pub(crate) struct KeyValues<'a> {
    /// What it is.
    pub kind: KeyValuesKind,
    /// The caption.
    pub caption: Caption<'a>,
    /// The keys (wording) and their values.
    pub rows: Vec<(&'static str, Vec<Inline<'a>>)>,
}

/// The kind of a table, for the formats that style tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TableKind {
    /// Items, observations and verdicts (three columns).
    Report,
    /// Numbers per module.
    Numbers,
    /// The récapitulatif des constats.
    Recap,
    /// The auditors of the cover page.
    Auditors,
    /// Rows to fill in by hand (signatures, the distribution list).
    Blanks,
}

/// What a row holds, for the formats that let tools find rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowKind {
    /// Nothing in particular.
    Plain,
    /// An engagement assessed on site, by number.
    Engagement(crate::EngagementNumber),
    /// A management item.
    Management,
    /// A remote check of an engagement, by number.
    Remote(crate::EngagementNumber),
    /// A row of totals.
    Total,
}

/// How a cell is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CellKind {
    /// One run of text.
    Text,
    /// Paragraphs, separated by [`Inline::Break`].
    Paragraphs,
    /// A verdict or a note.
    Verdict,
    /// A number.
    Number,
}

/// A table: its first column heads each row. Built a cell at a time: [`Table::row`] opens a
/// row, [`Table::push`] writes runs into the open cell, [`Table::cell`] ends it.
#[derive(Debug, Clone)]
pub(crate) struct Table<'a> {
    /// Its kind.
    pub kind: TableKind,
    /// Its caption.
    pub caption: Caption<'a>,
    /// The column headings (wording).
    pub header: Vec<&'static str>,
    rows: Vec<RowKind>,
    kinds: Vec<CellKind>,
    cells: Spans<'a>,
}

impl<'a> Table<'a> {
    /// A table without rows, with room for `rows` rows of `runs` runs each.
    pub(crate) fn new(
        kind: TableKind,
        caption: Caption<'a>,
        header: Vec<&'static str>,
        rows: usize,
        runs: usize,
    ) -> Table<'a> {
        let cells = rows * header.len();
        Table {
            kind,
            caption,
            header,
            rows: Vec::with_capacity(rows),
            kinds: Vec::with_capacity(cells),
            cells: Spans::with_capacity(cells, cells * runs),
        }
    }

    /// Opens a row of `kind`; its cells follow.
    pub(crate) fn row(&mut self, kind: RowKind) {
        self.rows.push(kind);
    }

    /// Appends `run` to the open cell.
    pub(crate) fn push(&mut self, run: Inline<'a>) {
        self.cells.push(run);
    }

    /// Ends the open cell, of `kind`.
    pub(crate) fn cell(&mut self, kind: CellKind) {
        self.kinds.push(kind);
        self.cells.end();
    }

    /// Writes a cell of `kind` made of `runs`.
    pub(crate) fn cell_of(&mut self, kind: CellKind, runs: impl IntoIterator<Item = Inline<'a>>) {
        for run in runs {
            self.push(run);
        }
        self.cell(kind);
    }

    /// The rows: each its kind and its cells.
    pub(crate) fn rows(&self) -> impl Iterator<Item = (RowKind, Cells<'_, 'a>)> {
        let width = self.header.len().max(1);
        let ends = &self.cells.ends;
        self.rows
            .iter()
            .zip(self.kinds.chunks(width).zip(ends.chunks(width)))
            .enumerate()
            .map(move |(i, (&kind, (kinds, row_ends)))| {
                let start = (i * width)
                    .checked_sub(1)
                    .and_then(|last| ends.get(last))
                    .copied()
                    .unwrap_or(0);
                let cells = Cells {
                    kinds,
                    ends: row_ends,
                    start,
                    runs: &self.cells.runs,
                };
                (kind, cells)
            })
    }
}

/// The cells of a table row: each its kind and its runs.
#[derive(Debug, Clone)]
pub(crate) struct Cells<'t, 'a> {
    kinds: &'t [CellKind],
    ends: &'t [usize],
    start: usize,
    runs: &'t [Inline<'a>],
}

impl<'t, 'a> Iterator for Cells<'t, 'a> {
    type Item = (CellKind, &'t [Inline<'a>]);

    fn next(&mut self) -> Option<Self::Item> {
        let (&kind, kinds) = self.kinds.split_first()?;
        let (&end, ends) = self.ends.split_first()?;
        let runs = self.runs.get(self.start..end).unwrap_or_default();
        self.kinds = kinds;
        self.ends = ends;
        self.start = end;
        Some((kind, runs))
    }
}

/// One module's bars in the [`Chart`].
#[derive(Debug, Clone)]
pub(crate) struct ChartRow {
    /// `Module 1`.
    pub label: String,
    /// Its verdicts.
    pub verdicts: VerdictCounts,
    /// Its observations.
    pub observations: ObservationCounts,
}

/// The chart of the verdicts and observations per module. Only HTML draws it; its numbers are
/// also in the table that follows it.
#[derive(Debug, Clone)]
pub(crate) struct Chart {
    /// Its title.
    pub title: &'static str,
    /// Its description in words, for assistive technologies.
    pub description: String,
    /// The title of the verdicts' block.
    pub verdicts: &'static str,
    /// The title of the observations' block.
    pub observations: &'static str,
    /// A row per module.
    pub rows: Vec<ChartRow>,
}

/// The table of contents: the anchor and the label of each part, in order.
#[derive(Debug, Clone)]
pub(crate) struct Contents {
    /// The parts: the anchor of their heading and its text.
    pub entries: Vec<(&'static str, &'static str)>,
}

/// The kind of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SectionKind {
    /// The document's header: its title and what it is about.
    Header,
    /// A part of the document.
    Part,
    /// A summary band at a glance: only the formats that can set it apart show it, as
    /// everything in it is said again further down.
    Summary,
}

/// Blocks that belong together. Formats with sections mark them (labelled by their first
/// heading when it has an id); the others write the blocks one after the other.
#[derive(Debug, Clone)]
pub(crate) struct Section<'a> {
    /// Its kind.
    pub kind: SectionKind,
    /// Its blocks.
    pub blocks: Vec<Block<'a>>,
}

/// Shorthands for the builders.
impl<'a> Block<'a> {
    /// A heading of `level`, without anchor.
    pub(crate) fn heading(level: u8, runs: Vec<Inline<'a>>) -> Block<'a> {
        Block::Heading(Heading {
            level,
            id: None,
            runs,
        })
    }

    /// A heading of `level` made of wording alone.
    pub(crate) fn plain_heading(level: u8, text: impl Into<Cow<'a, str>>) -> Block<'a> {
        Block::heading(level, vec![Inline::Plain(text.into())])
    }

    /// A plain paragraph.
    pub(crate) fn paragraph(runs: Vec<Inline<'a>>) -> Block<'a> {
        Block::Paragraph(Paragraph {
            style: ParagraphStyle::Plain,
            runs,
        })
    }

    /// A plain paragraph of wording alone.
    pub(crate) fn plain(text: impl Into<Cow<'a, str>>) -> Block<'a> {
        Block::paragraph(vec![Inline::Plain(text.into())])
    }

    /// A plain paragraph of data text alone.
    pub(crate) fn text(text: impl Into<Cow<'a, str>>) -> Block<'a> {
        Block::paragraph(vec![Inline::Text(text.into())])
    }

    /// A section of `kind`.
    pub(crate) const fn section(kind: SectionKind, blocks: Vec<Block<'a>>) -> Block<'a> {
        Block::Section(Section { kind, blocks })
    }

    /// A heading of `level` with the anchor `id`, made of wording alone.
    pub(crate) fn anchored(level: u8, id: &'static str, text: &'static str) -> Block<'a> {
        Block::Heading(Heading {
            level,
            id: Some(id),
            runs: vec![Inline::plain(text)],
        })
    }

    /// A paragraph of the tool's note.
    pub(crate) fn note(text: impl Into<Cow<'a, str>>) -> Block<'a> {
        Block::Paragraph(Paragraph {
            style: ParagraphStyle::Note,
            runs: vec![Inline::Plain(text.into())],
        })
    }
}

impl<'a> Inline<'a> {
    /// The run's text and whether it is data text (to escape); `None` for a break or a number.
    pub(crate) fn content(&self) -> Option<(&str, bool)> {
        match self {
            Inline::Plain(s) | Inline::Strong(s) | Inline::Title(s) => Some((s, false)),
            Inline::Text(s) | Inline::StrongText(s) | Inline::Figure(s) => Some((s, true)),
            Inline::Lead(s) | Inline::Key(s) | Inline::Marker(s) | Inline::Badge(_, s) => {
                Some((s, false))
            }
            Inline::Check(true) => Some((CHECKED, false)),
            Inline::Check(false) => Some((UNCHECKED, false)),
            Inline::Break | Inline::Number(_) | Inline::Blank => None,
        }
    }

    /// Wording.
    pub(crate) fn plain(text: impl Into<Cow<'a, str>>) -> Inline<'a> {
        Inline::Plain(text.into())
    }

    /// Data text.
    pub(crate) fn text(text: impl Into<Cow<'a, str>>) -> Inline<'a> {
        Inline::Text(text.into())
    }
}
