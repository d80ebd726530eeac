//! Section 5: the decision, its reasons and the fiches d'écart with their due dates.

use crate::engine::synthesis::{ecart_source, source_label};
use crate::i18n::{self, date, words};
use crate::report::document::{
    Block, Caption, CaptionKind, Cell, CellKind, Heading, Inline, List, ListStyle, Paragraph,
    ParagraphStyle, Row, RowKind, SectionKind, Table, TableKind, verdict_badge,
};
use crate::{Conclusions, NcGrade, Outcome, Verdict};

/// The decision section.
pub(super) fn decision<'a>(c: &'a Conclusions<'_>) -> Block<'a> {
    let l = c.language;
    let mut blocks = Vec::with_capacity(10);
    blocks.push(Block::Heading(Heading {
        level: 2,
        id: Some("decision"),
        runs: vec![Inline::plain(l.words(words::DECISION))],
    }));
    blocks.push(Block::Paragraph(Paragraph {
        style: ParagraphStyle::Outcome(c.outcome),
        runs: vec![
            Inline::Title(i18n::outcome_title(c.outcome, l).into()),
            Inline::plain(" ("),
            Inline::Code(c.outcome.code().into()),
            Inline::plain(")"),
        ],
    }));
    blocks.push(Block::plain(l.words(words::POLICY_NOTE)));
    blocks.push(Block::plain(i18n::policy_sentence(&c.policy, l)));
    blocks.push(Block::plain_heading(3, l.words(words::REASONS)));
    blocks.push(Block::List(List {
        style: ListStyle::Plain,
        items: c
            .reasons
            .iter()
            .map(|r| vec![Inline::text(r.as_str())])
            .collect(),
    }));
    if c.outcome != Outcome::Favorable || !c.ecarts.is_empty() {
        blocks.push(Block::plain_heading(
            3,
            l.pick("Fiches d'écart", "Nonconformity reports"),
        ));
        let dash = || Inline::plain("—");
        let rows = c
            .ecarts
            .iter()
            .map(|e| {
                let verdict = match e.grade {
                    NcGrade::Minor => Verdict::MinorNonconformity,
                    NcGrade::Major => Verdict::MajorNonconformity,
                };
                let target = source_label(ecart_source(e.target), e.title, l);
                let text = |s: &'a str| Cell::new(CellKind::Text, vec![Inline::text(s)]);
                Row {
                    kind: RowKind::Ecart,
                    cells: vec![
                        Cell::new(
                            CellKind::Text,
                            vec![
                                verdict_badge(Some(verdict)),
                                Inline::plain(" "),
                                Inline::text(target),
                            ],
                        ),
                        text(e.finding),
                        text(e.requirement),
                        Cell::new(
                            CellKind::Text,
                            vec![e.corrective_action.map_or_else(dash, Inline::text)],
                        ),
                        Cell::new(
                            CellKind::Text,
                            vec![e.due.map_or_else(dash, |d| Inline::plain(date(d, l)))],
                        ),
                    ],
                }
            })
            .collect();
        blocks.push(Block::Table(Table {
            kind: TableKind::Ecarts,
            caption: Caption {
                kind: CaptionKind::Label,
                runs: vec![Inline::plain(l.pick(
                    "Fiches d'écart et échéances des actions correctives",
                    "Nonconformities and the due dates of their corrective actions",
                ))],
            },
            header: vec![
                l.words(words::ECART),
                l.words(words::FINDING),
                l.words(words::REQUIREMENT),
                l.words(words::CORRECTIVE_ACTION),
                l.words(words::DUE),
            ],
            rows,
        }));
    }
    Block::section(SectionKind::Part, blocks)
}
