//! Section 3: a table per module (and per channel group), the management sections and the
//! remote-audit sections.

use strum::IntoEnumIterator;

use super::{Source, observations_cell, tally};
use crate::engine::synthesis::nothing;
use crate::i18n::{self, words};
use crate::report::document::{
    Block, Caption, CaptionKind, Cell, CellKind, Inline, Row, RowKind, Table, TableKind, Tone,
    verdict_badge,
};
use crate::{EngagementNumber, Language, ManagementSection, RemoteChannel};

/// The header of a three-column table: `first`, the comments, `last`.
fn header(l: Language, first: i18n::Words, last: i18n::Words) -> [&'static str; 3] {
    [l.words(first), l.words(words::COMMENTS), l.words(last)]
}

/// A three-column table of `rows` under `caption`.
fn table<'a>(caption: Caption<'a>, header: [&'static str; 3], rows: Vec<Row<'a>>) -> Block<'a> {
    Block::Table(Table {
        kind: TableKind::Report,
        caption,
        header: header.to_vec(),
        rows,
    })
}

/// A verdict's cell.
fn verdict_cell(inline: Inline<'_>) -> Cell<'_> {
    Cell::new(CellKind::Verdict, vec![inline])
}

/// A row's heading: `prefix` then the title.
fn heading_cell(prefix: String, title: &str) -> Cell<'_> {
    Cell::new(
        CellKind::Text,
        vec![Inline::plain(prefix), Inline::text(title)],
    )
}

/// A table per module, one per channel group, then the groups' and the module's figures.
pub(super) fn modules<'a>(blocks: &mut Vec<Block<'a>>, source: &Source<'a>) {
    let (audit, referentiel, c, l) = source.parts();
    let header = header(l, words::COMMITMENTS, words::VERDICT);
    for m in &c.modules {
        let obligatory = referentiel.module(m.module).is_some_and(|x| x.obligatory);
        blocks.push(Block::heading(
            3,
            vec![
                Inline::plain(i18n::module_heading(m.module, "", obligatory, l)),
                Inline::text(m.title.to_uppercase()),
            ],
        ));
        let mut rows: Vec<(EngagementNumber, &str, Option<&str>)> = referentiel
            .engagements_of(m.module)
            .map(|e| (e.number, e.title.as_str(), e.group.as_deref()))
            .collect();
        if rows.is_empty() {
            let mut filed: Vec<_> = audit
                .assessments
                .iter()
                .filter(|a| a.module == m.module)
                .map(|a| (a.engagement, "", None))
                .collect();
            filed.sort_by_key(|r| r.0);
            filed.dedup_by_key(|r| r.0);
            rows = filed;
        }
        // One table per run of engagements of the same group.
        let mut current: Option<(Option<&str>, Caption<'a>, Vec<Row<'a>>)> = None;
        for (number, title, group) in rows {
            if current.as_ref().is_none_or(|(g, _, _)| *g != group) {
                if let Some((_, caption, rows)) = current.take() {
                    blocks.push(table(caption, header, rows));
                }
                let caption = match group.and_then(|g| m.groups.iter().find(|x| x.id == g)) {
                    Some(g) => Caption {
                        kind: CaptionKind::Subheading,
                        runs: vec![Inline::text(g.heading.unwrap_or(g.title))],
                    },
                    None => Caption {
                        kind: CaptionKind::Label,
                        runs: vec![
                            Inline::plain(format!("Module {} — ", m.module)),
                            Inline::text(m.title),
                        ],
                    },
                };
                current = Some((group, caption, Vec::new()));
            }
            let a = audit.assessment(number);
            let row = Row {
                kind: RowKind::Engagement(number),
                cells: vec![
                    heading_cell(format!("Module {} {number}. ", m.module), title),
                    a.map_or_else(
                        || Cell::new(CellKind::Paragraphs, Vec::new()),
                        |a| observations_cell(a.comment.as_deref(), &a.observations),
                    ),
                    verdict_cell(verdict_badge(a.and_then(|a| a.verdict))),
                ],
            };
            if let Some((_, _, rows)) = current.as_mut() {
                rows.push(row);
            }
        }
        if let Some((_, caption, rows)) = current {
            blocks.push(table(caption, header, rows));
        }
        if m.groups.len() > 1 {
            for g in &m.groups {
                let prefix = vec![
                    Inline::text(g.heading.unwrap_or(g.title)),
                    Inline::plain(" — "),
                ];
                blocks.push(tally(prefix, &g.tally, l));
            }
        }
        let prefix = vec![Inline::plain(format!("Module {} — ", m.module))];
        blocks.push(tally(prefix, &m.tally, l));
    }
}

/// The management sections: a table each, then its figures.
pub(super) fn management<'a>(blocks: &mut Vec<Block<'a>>, source: &Source<'a>) {
    let (audit, referentiel, c, l) = source.parts();
    let header = header(l, words::ITEM, words::VERDICT);
    for section in ManagementSection::iter() {
        let heading = match l {
            Language::Fr => section.heading(),
            Language::En => section.heading_en(),
        };
        blocks.push(Block::plain_heading(3, heading));
        let rows = referentiel
            .management_items()
            .iter()
            .filter(|i| i.section == section)
            .map(|item| {
                let a = audit.management_assessment(item.id());
                Row {
                    kind: RowKind::Management,
                    cells: vec![
                        heading_cell(format!("{}. ", item.item), &item.title),
                        a.map_or_else(
                            || Cell::new(CellKind::Paragraphs, Vec::new()),
                            |a| observations_cell(a.comment.as_deref(), &a.observations),
                        ),
                        verdict_cell(verdict_badge(a.and_then(|a| a.verdict))),
                    ],
                }
            })
            .collect();
        let caption = Caption {
            kind: CaptionKind::Hidden,
            runs: vec![Inline::plain(heading)],
        };
        blocks.push(table(caption, header, rows));
        if let Some(s) = c.management.sections.iter().find(|s| s.section == section) {
            blocks.push(tally(Vec::new(), &s.tally, l));
        }
    }
}

/// The remote-audit sections: a table per channel, or « Sans objet. ».
pub(super) fn remote<'a>(blocks: &mut Vec<Block<'a>>, source: &Source<'a>) {
    let (audit, referentiel, _, l) = source.parts();
    let header = header(l, words::COMMITMENTS, words::NOTE);
    for channel in RemoteChannel::iter() {
        let label = match l {
            Language::Fr => channel.label_fr(),
            Language::En => channel.label_en(),
        };
        let heading = format!("{} {label}", l.words(words::REMOTE));
        blocks.push(Block::plain_heading(3, heading.clone()));
        let mut checks: Vec<_> = audit
            .remote_checks
            .iter()
            .filter(|r| r.channel == channel)
            .collect();
        checks.sort_by_key(|r| (r.module, r.engagement));
        if checks.is_empty() {
            blocks.push(Block::plain(nothing(l)));
            continue;
        }
        let rows = checks
            .into_iter()
            .map(|r| {
                let title = referentiel
                    .engagement(r.engagement)
                    .map_or("", |e| &e.title);
                Row {
                    kind: RowKind::Remote(r.engagement),
                    cells: vec![
                        heading_cell(format!("Module {} {}. ", r.module, r.engagement), title),
                        observations_cell(None, &r.observations),
                        verdict_cell(Inline::Badge(
                            Tone::of_note(r.note),
                            i18n::remote_note(r.note, l),
                        )),
                    ],
                }
            })
            .collect();
        let caption = Caption {
            kind: CaptionKind::Hidden,
            runs: vec![Inline::plain(heading)],
        };
        blocks.push(table(caption, header, rows));
    }
}
