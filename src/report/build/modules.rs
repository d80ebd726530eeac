//! Section 3: a table per module (and per channel group the report heads), the management
//! sections and the remote-audit sections; the tool's rate once per module and per management
//! section, marked as the tool's.

use strum::IntoEnumIterator;

use super::{Source, observations_cell, tally};
use crate::engine::synthesis::nothing;
use crate::i18n;
use crate::report::document::{
    Block, Caption, CaptionKind, CellKind, Inline, RowKind, Table, TableKind, Tone, verdict_badge,
};
use crate::{EngagementNumber, Language, ManagementSection, ModuleNumber, RemoteChannel};

/// A three-column table under `caption`: `first`, the comments, `last`; room for `rows` rows.
fn table<'a>(
    l: Language,
    caption: Caption<'a>,
    (first, last): (&'static str, &'static str),
    rows: usize,
) -> Table<'a> {
    let header = vec![first, l.report().comments, last];
    Table::new(TableKind::Report, caption, header, rows, 4)
}

/// The row heading of an engagement: `Module 1 17. Title`.
fn engagement_cell<'a>(
    table: &mut Table<'a>,
    l: Language,
    module: ModuleNumber,
    number: EngagementNumber,
    title: &'a str,
) {
    table.cell_of(
        CellKind::Text,
        [
            Inline::plain(l.report().module),
            Inline::Number(u32::from(module.get())),
            Inline::plain(" "),
            Inline::Number(u32::from(number.get())),
            Inline::plain(". "),
            Inline::text(title),
        ],
    );
}

/// A table per module, one per channel group, then the groups' and the module's figures.
pub(super) fn modules<'a>(blocks: &mut Vec<Block<'a>>, source: &Source<'a>) {
    let (audit, referentiel, c, l) = source.parts();
    let phrases = &l.report();
    let columns = (phrases.commitments, phrases.verdict);
    for m in &c.modules {
        let module = referentiel.module(m.module);
        let obligatory = module.is_some_and(|x| x.obligatory);
        // The title as the référentiel heads the module, verbatim, else its title in capitals
        // (which keep their accents).
        let title = module.map_or_else(
            || m.title.to_uppercase(),
            |x| x.heading_title().into_owned(),
        );
        blocks.push(Block::heading(
            3,
            vec![
                Inline::plain(crate::report::phrases::module_heading(
                    m.module, "", obligatory, l,
                )),
                Inline::text(title),
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
        let mut current: Option<(Option<&str>, Table<'a>)> = None;
        for (number, title, group) in rows {
            if current.as_ref().is_none_or(|(g, _)| *g != group) {
                if let Some((_, t)) = current.take() {
                    blocks.push(Block::Table(t));
                }
                // A group the report heads (ACCUEIL PHYSIQUE…) is a sub-heading; one it prints
                // no heading for (the first four engagements of module 1) is named for
                // assistive technologies only, as the référentiel's group.
                let caption = match group.and_then(|g| m.groups.iter().find(|x| x.id == g)) {
                    Some(g) => match g.heading.as_deref() {
                        Some(heading) => Caption {
                            kind: CaptionKind::Subheading,
                            runs: vec![Inline::text(heading)],
                        },
                        None => Caption {
                            kind: CaptionKind::Hidden,
                            runs: vec![
                                Inline::text(&*g.title),
                                Inline::plain(l.report().referentiel_group),
                            ],
                        },
                    },
                    None => Caption {
                        kind: CaptionKind::Label,
                        runs: vec![
                            Inline::plain(l.report().module),
                            Inline::Number(u32::from(m.module.get())),
                            Inline::plain(" — "),
                            Inline::text(&*m.title),
                        ],
                    },
                };
                current = Some((group, table(l, caption, columns, 8)));
            }
            let Some((_, t)) = current.as_mut() else {
                continue;
            };
            let a = audit.assessment(number);
            t.row(RowKind::Engagement(number));
            engagement_cell(t, l, m.module, number, title);
            match a {
                Some(a) => observations_cell(
                    t,
                    l,
                    (a.comment.as_deref(), a.evidence.as_deref()),
                    &a.observations,
                ),
                None => t.cell(CellKind::Paragraphs),
            }
            t.cell_of(
                CellKind::Verdict,
                [verdict_badge(a.and_then(|a| a.verdict))],
            );
        }
        if let Some((_, t)) = current {
            blocks.push(Block::Table(t));
        }
        // The tool's figures, once per module (the groups' are in the JSON contract).
        let prefix = vec![
            Inline::plain(l.report().module),
            Inline::Number(u32::from(m.module.get())),
            Inline::plain(" — "),
        ];
        blocks.push(tally(prefix, &m.tally, l));
    }
}

/// The management sections: a table each, then its figures.
pub(super) fn management<'a>(blocks: &mut Vec<Block<'a>>, source: &Source<'a>) {
    let (audit, referentiel, c, l) = source.parts();
    for section in ManagementSection::iter() {
        let heading = (l.phrases().common.management_section)(section);
        blocks.push(Block::plain_heading(3, heading));
        let caption = Caption {
            kind: CaptionKind::Hidden,
            runs: vec![Inline::plain(heading)],
        };
        let mut t = table(l, caption, (l.report().item, l.report().verdict), 8);
        for item in referentiel
            .management_items()
            .iter()
            .filter(|i| i.section == section)
        {
            let a = audit.management_assessment(item.id());
            t.row(RowKind::Management);
            t.cell_of(
                CellKind::Text,
                [
                    Inline::Number(u32::from(item.item)),
                    Inline::plain(". "),
                    Inline::text(item.title.as_str()),
                ],
            );
            match a {
                Some(a) => observations_cell(
                    &mut t,
                    l,
                    (a.comment.as_deref(), a.evidence.as_deref()),
                    &a.observations,
                ),
                None => t.cell(CellKind::Paragraphs),
            }
            t.cell_of(
                CellKind::Verdict,
                [verdict_badge(a.and_then(|a| a.verdict))],
            );
        }
        blocks.push(Block::Table(t));
        if let Some(s) = c.management.sections.iter().find(|s| s.section == section) {
            blocks.push(tally(Vec::new(), &s.tally, l));
        }
    }
}

/// The remote-audit sections: a table per channel, or « Sans objet. ».
pub(super) fn remote<'a>(blocks: &mut Vec<Block<'a>>, source: &Source<'a>) {
    let (audit, referentiel, _, l) = source.parts();
    for channel in RemoteChannel::iter() {
        let label = (l.phrases().common.remote_channel)(channel);
        let heading = [
            Inline::plain(l.report().remote),
            Inline::plain(" "),
            Inline::plain(label),
        ];
        blocks.push(Block::heading(3, heading.to_vec()));
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
        let caption = Caption {
            kind: CaptionKind::Hidden,
            runs: heading.to_vec(),
        };
        let mut t = table(
            l,
            caption,
            (l.report().commitments, l.report().note),
            checks.len(),
        );
        for r in checks {
            let title = referentiel
                .engagement(r.engagement)
                .map_or("", |e| &e.title);
            t.row(RowKind::Remote(r.engagement));
            engagement_cell(&mut t, l, r.module, r.engagement, title);
            observations_cell(&mut t, l, (r.comment.as_deref(), None), &r.observations);
            t.cell_of(
                CellKind::Verdict,
                [Inline::Badge(
                    Tone::of_note(r.note),
                    i18n::remote_note(r.note, l),
                )],
            );
        }
        blocks.push(Block::Table(t));
    }
}
