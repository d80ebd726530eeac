//! The summary band: the decision (for an internal audit, the indicative outcome), the figures
//! and the chart of verdicts and observations per module, with its numbers as a table.

use crate::i18n::push_number;
use crate::report::document::{
    Block, Caption, CaptionKind, CellKind, Chart, ChartRow, Heading, Inline, List, ListStyle,
    Paragraph, ParagraphStyle, RowKind, SectionKind, Spans, Table, TableKind, Tone,
};
use crate::{Conclusions, Language};

/// The band at a glance.
pub(super) fn summary<'a>(c: &'a Conclusions<'_>) -> Block<'a> {
    let l = c.language;
    let k = &c.counts;
    let o = &c.observations;
    let mut figures = Spans::with_capacity(9, 27);
    figures.span([
        Inline::plain(l.phrases().common.rate_label),
        Inline::plain(" "),
        Inline::Figure(crate::engine::phrases::rate_text(c.rate, l).into()),
    ]);
    for (n, tone, code) in [
        (k.conforme, Tone::Conformity, "C"),
        (k.non_applicable, Tone::NotApplicable, "NA"),
        (k.nc_mineure, Tone::Minor, "NC min"),
        (k.nc_majeure, Tone::Major, "NC Maj"),
    ] {
        figures.span([
            Inline::Figure(number(n).into()),
            Inline::plain(" "),
            Inline::Badge(tone, code),
        ]);
    }
    if k.not_assessed > 0 {
        figures.span([
            Inline::Figure(number(k.not_assessed).into()),
            Inline::plain(" "),
            Inline::plain((l.report().not_assessed)(k.not_assessed)),
        ]);
    }
    for (n, code) in [(o.pf, "PF"), (o.ps, "PS"), (o.pp, "PP")] {
        figures.span([
            Inline::Figure(number(n).into()),
            Inline::plain(" "),
            Inline::Key(code),
        ]);
    }
    let title = l.report().chart;
    let mut blocks = Vec::with_capacity(6);
    blocks.push(Block::Heading(Heading {
        level: 2,
        id: Some("summary"),
        runs: vec![Inline::plain(l.report().summary)],
    }));
    outcome(c, &mut blocks);
    blocks.push(Block::List(List {
        style: ListStyle::Figures,
        items: figures,
    }));
    blocks.push(Block::Chart(chart(c, title, l)));
    blocks.push(numbers(c, title, l));
    Block::section(SectionKind::Summary, blocks)
}

/// The outcome in words; for an internal audit, led by `Avis indicatif (audit interne) : ` and
/// followed by the sentence that only the external audit decides.
fn outcome(c: &Conclusions<'_>, blocks: &mut Vec<Block<'_>>) {
    let l = c.language;
    let runs = if c.indicative {
        // After the lead, the outcome in lower case: `… : avis favorable`.
        let label = (l.engine().outcome)(c.outcome);
        vec![
            Inline::plain(l.report().indicative_lead),
            Inline::Title(label.into()),
        ]
    } else {
        vec![Inline::Title(
            crate::engine::phrases::outcome_title(c.outcome, l).into(),
        )]
    };
    blocks.push(Block::Paragraph(Paragraph {
        style: ParagraphStyle::Outcome(c.outcome),
        runs,
    }));
    if c.indicative {
        blocks.push(Block::plain(l.report().indicative_note));
    }
}

fn chart(c: &Conclusions<'_>, title: &'static str, l: Language) -> Chart {
    let mut description = String::with_capacity(c.modules.len() * 80);
    for m in &c.modules {
        let k = &m.tally.counts;
        let o = &m.tally.observations;
        description.push_str(l.report().module);
        push_number(&mut description, u32::from(m.module.get()));
        description.push_str(l.phrases().common.colon.trim_end());
        for (n, after) in [
            (k.conforme, " C,"),
            (k.non_applicable, " NA,"),
            (k.nc_mineure, " NC min,"),
            (k.nc_majeure, " NC Maj"),
        ] {
            description.push(' ');
            push_number(&mut description, n);
            description.push_str(after);
        }
        description.push_str(l.phrases().common.semicolon.trim_end());
        for (n, after) in [(o.pf, " PF,"), (o.ps, " PS,"), (o.pp, " PP. ")] {
            description.push(' ');
            push_number(&mut description, n);
            description.push_str(after);
        }
    }
    description.truncate(description.trim_end().len());
    Chart {
        title,
        description,
        verdicts: l.report().chart_verdicts,
        observations: l.report().chart_observations,
        rows: c
            .modules
            .iter()
            .map(|m| ChartRow {
                label: {
                    let mut label = String::with_capacity(10);
                    label.push_str(l.report().module);
                    push_number(&mut label, u32::from(m.module.get()));
                    label
                },
                verdicts: m.tally.counts,
                observations: m.tally.observations,
            })
            .collect(),
    }
}

/// The chart's numbers, so that the chart is not their only carrier.
fn numbers<'a>(c: &'a Conclusions<'_>, title: &'static str, l: Language) -> Block<'a> {
    let caption = Caption {
        kind: CaptionKind::Label,
        runs: vec![Inline::plain(title)],
    };
    let header = vec![
        l.report().module.trim_end(),
        "C",
        "NA",
        "NC min",
        "NC Maj",
        l.report().rate_column,
        "PF",
        "PS",
        "PP",
    ];
    let mut table = Table::new(TableKind::Numbers, caption, header, c.modules.len(), 1);
    for m in &c.modules {
        let k = &m.tally.counts;
        let o = &m.tally.observations;
        table.row(RowKind::Plain);
        table.cell_of(
            CellKind::Text,
            [
                Inline::plain(l.report().module),
                Inline::Number(u32::from(m.module.get())),
                Inline::plain(" "),
                Inline::text(&*m.title),
            ],
        );
        for n in [k.conforme, k.non_applicable, k.nc_mineure, k.nc_majeure] {
            table.cell_of(CellKind::Number, [Inline::Number(n)]);
        }
        let rate = crate::engine::phrases::rate_text(m.tally.rate, l);
        table.cell_of(CellKind::Number, [Inline::plain(rate)]);
        for n in [o.pf, o.ps, o.pp] {
            table.cell_of(CellKind::Number, [Inline::Number(n)]);
        }
    }
    Block::Table(table)
}

/// `n` in decimal.
fn number(n: u32) -> String {
    let mut s = String::with_capacity(4);
    push_number(&mut s, n);
    s
}
