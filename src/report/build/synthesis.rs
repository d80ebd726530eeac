//! Section 4: the synthesis, each part's generated lines beside the auditor's text.

use crate::Conclusions;
use crate::engine::synthesis::{Section, nothing};
use crate::report::document::{Block, Inline, List, ListStyle, SectionKind, Spans};

/// The synthesis section.
pub(super) fn synthesis<'a>(c: &'a Conclusions<'_>) -> Block<'a> {
    let l = c.language;
    let mut blocks = Vec::with_capacity(48);
    blocks.push(Block::plain_heading(2, l.report().synthesis));
    for s in c.synthesis.sections() {
        // The survey section carries the report's subtitle under its heading.
        let subtitle = std::ptr::eq(s, &raw const c.synthesis.enquetes_satisfaction)
            .then_some(l.report().survey_subtitle);
        part(&mut blocks, c, s, subtitle);
    }
    Block::section(SectionKind::Part, blocks)
}

/// One part of section 4: its heading (and `subtitle`), the generated lines, then the
/// auditor's paragraphs, verbatim: nothing the auditor did not write is set under
/// « Texte de l'auditeur » (the charte graphique's verdict is among the generated lines).
fn part<'a>(
    blocks: &mut Vec<Block<'a>>,
    c: &'a Conclusions<'_>,
    s: &'a Section<'_>,
    subtitle: Option<&'static str>,
) {
    let l = c.language;
    // The report sets each part under a ❖, but the general conclusion, which closes it.
    let heading = if std::ptr::eq(s, &raw const c.synthesis.conclusion_generale) {
        vec![Inline::text(&*s.heading)]
    } else {
        vec![
            Inline::Marker("❖"),
            Inline::plain(" "),
            Inline::text(&*s.heading),
        ]
    };
    blocks.push(Block::heading(3, heading));
    if let Some(subtitle) = subtitle {
        blocks.push(Block::plain(subtitle));
    }
    if s.generated().len() == 0 && s.auditor.is_empty() {
        blocks.push(Block::plain(nothing(l)));
        return;
    }
    if s.generated().len() > 0 {
        blocks.push(Block::paragraph(vec![Inline::Strong(
            l.report().generated.into(),
        )]));
        blocks.push(Block::List(List {
            style: ListStyle::Plain,
            items: {
                let mut items = Spans::with_capacity(s.generated().len(), s.generated().len());
                for g in s.generated() {
                    items.span([Inline::text(g)]);
                }
                items
            },
        }));
    }
    if !s.auditor.is_empty() {
        blocks.push(Block::paragraph(vec![Inline::Strong(
            l.report().auditor_text.into(),
        )]));
        blocks.extend(s.auditor.iter().map(|p| Block::text(p.as_str())));
    }
}
