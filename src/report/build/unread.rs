//! The annex of the values an import could not read ([`Audit::unread`]): each with the field it
//! was meant for, its text as the source wrote it, and where it stood in the source. Absent when
//! there is none, so a report states every value the audit holds, read or not.

use crate::report::document::{
    Block, Caption, CaptionKind, CellKind, Heading, Inline, RowKind, SectionKind, Table, TableKind,
};
use crate::{Audit, Language, Unread};

/// The annex, or `None` when the audit keeps no unread value.
pub(super) fn unread(audit: &Audit, l: Language) -> Option<Block<'_>> {
    if audit.unread.is_empty() {
        return None;
    }
    let p = &l.report();
    let caption = Caption {
        kind: CaptionKind::Hidden,
        runs: vec![Inline::plain(p.unread)],
    };
    let mut t = Table::new(
        TableKind::Report,
        caption,
        p.unread_columns.to_vec(),
        audit.unread.len(),
        2,
    );
    for u in &audit.unread {
        t.row(RowKind::Plain);
        t.cell_of(CellKind::Text, [Inline::text(u.field.as_str())]);
        t.cell_of(CellKind::Text, [Inline::text(u.text.as_str())]);
        t.cell_of(CellKind::Text, source(u, l));
    }
    let blocks = vec![
        Block::Heading(Heading {
            level: 2,
            id: Some("unread"),
            runs: vec![Inline::plain(p.unread)],
        }),
        Block::plain(p.unread_note),
        Block::Table(t),
    ];
    Some(Block::section(SectionKind::Part, blocks))
}

/// Where `u` stood: `ligne 84` (a text report), `cellule Module 1!C7` (a workbook),
/// `ligne 12, colonne verdict` (a CSV table); `—` when the source did not say.
fn source(u: &Unread, l: Language) -> Vec<Inline<'_>> {
    let [line, column, cell] = l.report().unread_place;
    let mut runs = Vec::with_capacity(5);
    if let Some(n) = u.line {
        runs.push(Inline::plain(line));
        runs.push(Inline::Number(u32::try_from(n).unwrap_or(u32::MAX)));
    }
    if let Some(c) = u.cell.as_deref() {
        if runs.is_empty() {
            runs.push(Inline::plain(cell));
        } else {
            runs.push(Inline::plain(", "));
            runs.push(Inline::plain(column));
        }
        runs.push(Inline::text(c));
    }
    if runs.is_empty() {
        runs.push(Inline::plain("—"));
    }
    runs
}
