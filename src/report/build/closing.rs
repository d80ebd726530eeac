//! The procès-verbal de clôture: the signatures (each auditor, the audited site's
//! representative) and the distribution list, as blank lines to sign and fill in.

use crate::report::document::{
    Block, Caption, CaptionKind, CellKind, Inline, RowKind, SectionKind, Table, TableKind,
};
use crate::{Audit, Language};

/// The rows of the distribution list to fill in.
const DISTRIBUTION_ROWS: usize = 4;

/// The procès-verbal's section.
pub(super) fn closing(audit: &Audit, l: Language) -> Block<'_> {
    let p = l.report();
    let caption = Caption {
        kind: CaptionKind::Hidden,
        runs: vec![Inline::plain(p.closing)],
    };
    let rows = audit.auditors.len() + 1;
    let mut signatures = Table::new(
        TableKind::Blanks,
        caption,
        p.signature_columns.to_vec(),
        rows,
        2,
    );
    for a in &audit.auditors {
        signatures.row(RowKind::Plain);
        match &a.role {
            Some(role) => signatures.cell_of(CellKind::Text, [Inline::text(role.as_str())]),
            None => signatures.cell_of(CellKind::Text, [Inline::plain(p.auditor)]),
        }
        signatures.cell_of(CellKind::Text, [Inline::text(a.name.as_str())]);
        signatures.cell_of(CellKind::Text, [Inline::Blank]);
        signatures.cell_of(CellKind::Text, [Inline::Blank]);
    }
    if audit.auditors.is_empty() {
        signatures.row(RowKind::Plain);
        signatures.cell_of(CellKind::Text, [Inline::plain(p.auditor)]);
        for _ in 0..3 {
            signatures.cell_of(CellKind::Text, [Inline::Blank]);
        }
    }
    signatures.row(RowKind::Plain);
    signatures.cell_of(CellKind::Text, [Inline::plain(p.site_representative)]);
    for _ in 0..3 {
        signatures.cell_of(CellKind::Text, [Inline::Blank]);
    }
    let caption = Caption {
        kind: CaptionKind::Subheading,
        runs: vec![Inline::plain(p.distribution)],
    };
    let mut distribution = Table::new(
        TableKind::Blanks,
        caption,
        p.distribution_columns.to_vec(),
        DISTRIBUTION_ROWS,
        1,
    );
    for _ in 0..DISTRIBUTION_ROWS {
        distribution.row(RowKind::Plain);
        for _ in 0..3 {
            distribution.cell_of(CellKind::Text, [Inline::Blank]);
        }
    }
    Block::section(
        SectionKind::Part,
        vec![
            Block::anchored(2, "closing", p.closing),
            Block::plain(p.closing_note),
            Block::Table(signatures),
            Block::Table(distribution),
        ],
    )
}
