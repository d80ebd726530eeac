//! The summary band: the decision, the figures and the chart of verdicts and observations per
//! module, with its numbers as a table.

use std::fmt::Write as _;

use crate::i18n::{self, words};
use crate::report::document::{
    Block, Caption, CaptionKind, Cell, CellKind, Chart, ChartRow, Heading, Inline, List, ListStyle,
    Paragraph, ParagraphStyle, Row, RowKind, SectionKind, Table, TableKind, Tone,
};
use crate::{Conclusions, Language};

/// The band at a glance.
pub(super) fn summary<'a>(c: &'a Conclusions<'_>) -> Block<'a> {
    let l = c.language;
    let k = &c.counts;
    let o = &c.observations;
    let mut figures = Vec::with_capacity(9);
    figures.push(vec![
        Inline::plain(l.words(words::RATE)),
        Inline::plain(" "),
        Inline::Figure(i18n::rate_text(c.rate, l).into()),
    ]);
    for (n, tone, code) in [
        (k.conforme, Tone::Conformity, "C"),
        (k.non_applicable, Tone::NotApplicable, "NA"),
        (k.nc_mineure, Tone::Minor, "NC min"),
        (k.nc_majeure, Tone::Major, "NC Maj"),
    ] {
        figures.push(vec![
            Inline::Figure(n.to_string().into()),
            Inline::plain(" "),
            Inline::Badge(tone, code),
        ]);
    }
    if k.not_assessed > 0 {
        figures.push(vec![
            Inline::Figure(k.not_assessed.to_string().into()),
            Inline::plain(" "),
            Inline::plain(l.words(words::NOT_ASSESSED)),
        ]);
    }
    for (n, code) in [(o.pf, "PF"), (o.ps, "PS"), (o.pp, "PP")] {
        figures.push(vec![
            Inline::Figure(n.to_string().into()),
            Inline::plain(" "),
            Inline::Key(code),
        ]);
    }
    let title = l.pick(
        "Verdicts et observations par module",
        "Verdicts and observations per module",
    );
    Block::section(
        SectionKind::Summary,
        vec![
            Block::Heading(Heading {
                level: 2,
                id: Some("summary"),
                runs: vec![Inline::plain(l.pick("En bref", "At a glance"))],
            }),
            Block::Paragraph(Paragraph {
                style: ParagraphStyle::Outcome(c.outcome),
                runs: vec![Inline::Title(i18n::outcome_title(c.outcome, l).into())],
            }),
            Block::List(List {
                style: ListStyle::Figures,
                items: figures,
            }),
            Block::Chart(chart(c, title, l)),
            numbers(c, title, l),
        ],
    )
}

fn chart(c: &Conclusions<'_>, title: &'static str, l: Language) -> Chart {
    let mut description = String::with_capacity(c.modules.len() * 80);
    for m in &c.modules {
        let k = &m.tally.counts;
        let o = &m.tally.observations;
        let _ = write!(
            description,
            "Module {}{} {} C, {} NA, {} NC min, {} NC Maj{} {} PF, {} PS, {} PP. ",
            m.module,
            l.pick(" :", ":"),
            k.conforme,
            k.non_applicable,
            k.nc_mineure,
            k.nc_majeure,
            l.pick(" ;", ";"),
            o.pf,
            o.ps,
            o.pp
        );
    }
    description.truncate(description.trim_end().len());
    Chart {
        title,
        description,
        verdicts: l.pick("Verdicts des engagements", "Verdicts of the engagements"),
        observations: l.pick("Observations", "Observations"),
        rows: c
            .modules
            .iter()
            .map(|m| ChartRow {
                label: format!("Module {}", m.module),
                verdicts: m.tally.counts,
                observations: m.tally.observations,
            })
            .collect(),
    }
}

/// The chart's numbers, so that the chart is not their only carrier.
fn numbers<'a>(c: &'a Conclusions<'_>, title: &'static str, l: Language) -> Block<'a> {
    let number = |n: u32| Cell::new(CellKind::Number, vec![Inline::plain(n.to_string())]);
    let rows = c
        .modules
        .iter()
        .map(|m| {
            let k = &m.tally.counts;
            let o = &m.tally.observations;
            Row {
                kind: RowKind::Plain,
                cells: vec![
                    Cell::new(
                        CellKind::Text,
                        vec![
                            Inline::plain(format!("Module {} ", m.module)),
                            Inline::text(m.title),
                        ],
                    ),
                    number(k.conforme),
                    number(k.non_applicable),
                    number(k.nc_mineure),
                    number(k.nc_majeure),
                    Cell::new(
                        CellKind::Number,
                        vec![Inline::plain(i18n::rate_text(m.tally.rate, l))],
                    ),
                    number(o.pf),
                    number(o.ps),
                    number(o.pp),
                ],
            }
        })
        .collect();
    Block::Table(Table {
        kind: TableKind::Numbers,
        caption: Caption {
            kind: CaptionKind::Label,
            runs: vec![Inline::plain(title)],
        },
        header: vec![
            "Module",
            "C",
            "NA",
            "NC min",
            "NC Maj",
            l.pick("Taux de conformité", "Conformity rate"),
            "PF",
            "PS",
            "PP",
        ],
        rows,
    })
}
