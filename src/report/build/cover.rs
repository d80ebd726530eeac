//! The header (title, site, and the block under them), the cover page (section 1) and the
//! context (section 2).

use std::borrow::Cow;

use strum::IntoEnumIterator;

use crate::engine::synthesis::nothing;
use crate::i18n::{self, date};
use crate::report::document::{
    Block, Caption, CaptionKind, CellKind, Inline, KeyValues, KeyValuesKind, Paragraph,
    ParagraphStyle, RowKind, SectionKind, Table, TableKind,
};
use crate::{AdministrationType, Audit, AuditType, Language, Referentiel};

/// The title, the site under it, and the block the original prints under them: the audit's
/// kind, its first and last day, the lead auditor and their contacts.
pub(super) fn header(audit: &Audit, l: Language) -> Block<'_> {
    let site = &audit.site;
    let p = l.report();
    let line = vec![
        Inline::StrongText(Cow::Borrowed(i18n::site_name(site, l))),
        Inline::plain(" — "),
        Inline::text(site.city.as_str()),
        Inline::plain(" - "),
        Inline::text(site.departement.as_str()),
    ];
    let mut rows: Vec<(&'static str, Vec<Inline<'_>>)> = Vec::with_capacity(6);
    rows.push((
        p.kind,
        vec![Inline::text(crate::engine::phrases::audit_kind(audit, l))],
    ));
    rows.push((p.start, vec![Inline::plain(date(audit.dates.start, l))]));
    rows.push((p.end, vec![Inline::plain(date(audit.dates.end, l))]));
    if let Some(lead) = audit.auditors.first() {
        rows.push((p.lead_auditor, vec![Inline::text(lead.name.as_str())]));
        for (label, value) in [(p.phone, &lead.phone), (p.email, &lead.email)] {
            if let Some(value) = value {
                rows.push((label, vec![Inline::text(value.as_str())]));
            }
        }
    }
    Block::section(
        SectionKind::Header,
        vec![
            Block::plain_heading(1, p.title),
            Block::Paragraph(Paragraph {
                style: ParagraphStyle::Site,
                runs: line,
            }),
            Block::KeyValues(KeyValues {
                kind: KeyValuesKind::Header,
                caption: Caption {
                    kind: CaptionKind::Hidden,
                    runs: vec![Inline::plain(p.title)],
                },
                rows,
            }),
        ],
    )
}

/// A box and its label, after a space when it is not the first of its row.
fn boxed<'a>(runs: &mut Vec<Inline<'a>>, checked: bool, label: Inline<'a>) {
    // An em space between the boxes, a no-break space between a box and its label.
    if !runs.is_empty() {
        runs.push(Inline::plain("\u{2003}"));
    }
    runs.push(Inline::Check(checked));
    runs.push(Inline::plain("\u{a0}"));
    runs.push(label);
}

/// Section 1: the cover page as the original lays it out: every box of the administration
/// types, the modules and the audit types, checked or not, so that what is not covered shows;
/// then the référentiel, the dates, and the auditors with the date of their signature.
pub(super) fn cover<'a>(audit: &'a Audit, referentiel: &'a Referentiel, l: Language) -> Block<'a> {
    let site = &audit.site;
    let p = l.report();
    let mut rows: Vec<(&'static str, Vec<Inline<'a>>)> = Vec::with_capacity(8);
    let mut kinds = Vec::with_capacity(12);
    for kind in AdministrationType::iter() {
        let label = Inline::plain(i18n::administration(kind, l));
        boxed(&mut kinds, kind == site.administration, label);
    }
    rows.push((p.administration, kinds));
    rows.push((p.departement, vec![Inline::text(site.departement.as_str())]));
    rows.push((p.city, vec![Inline::text(site.city.as_str())]));
    let mut covered = Vec::with_capacity(8 * 7);
    let mut numbers: Vec<_> = referentiel.modules().iter().map(|m| m.number).collect();
    // A module the audit covers and the référentiel lacks still shows, checked.
    numbers.extend(audit.modules.iter().copied());
    numbers.sort_unstable();
    numbers.dedup();
    for m in numbers {
        if !covered.is_empty() {
            covered.push(Inline::Break);
        }
        // `Module N Title`, without trailing spaces (nor `Module N ` without a title).
        let title = referentiel.module(m).map_or("", |m| {
            m.title
                .trim_end_matches(|c: char| c.is_whitespace() && c != '\n' && c != '\r')
        });
        covered.push(Inline::Check(audit.modules.contains(&m)));
        covered.push(Inline::plain("\u{a0}"));
        covered.push(Inline::plain(p.module));
        covered.push(Inline::Number(u32::from(m.get())));
        if !title.is_empty() {
            covered.push(Inline::plain(" "));
            covered.push(Inline::text(title));
        }
    }
    rows.push((p.modules_covered, covered));
    let mut types = Vec::with_capacity(14);
    if audit.kind.internal {
        types.push(Inline::plain(p.ahead_of));
    }
    let mut boxes = Vec::with_capacity(12);
    for t in AuditType::iter() {
        let label = Inline::plain((p.audit_type_box)(t));
        boxed(&mut boxes, audit.kind.audit_type == Some(t), label);
    }
    types.extend(boxes);
    if let Some(day) = audit.kind.external_on.filter(|_| audit.kind.internal) {
        types.push(Inline::Break);
        types.push(Inline::plain(p.external_on));
        types.push(Inline::plain(date(day, l)));
    }
    let key = if audit.kind.internal {
        p.internal_audit
    } else {
        p.audit_type
    };
    rows.push((key, types));
    let label = audit
        .referentiel
        .label
        .as_deref()
        .unwrap_or_else(|| referentiel.title());
    rows.push((p.referentiel, vec![Inline::text(label)]));
    let mut dates = String::with_capacity(32);
    dates.push_str(p.from);
    dates.push(' ');
    i18n::push_date(&mut dates, audit.dates.start, l);
    dates.push(' ');
    dates.push_str(p.to);
    dates.push(' ');
    i18n::push_date(&mut dates, audit.dates.end, l);
    rows.push((p.dates, vec![Inline::plain(dates)]));
    Block::section(
        SectionKind::Part,
        vec![
            Block::anchored(2, "cover", p.cover),
            Block::KeyValues(KeyValues {
                kind: KeyValuesKind::Cover,
                caption: Caption {
                    kind: CaptionKind::Hidden,
                    runs: vec![Inline::plain(p.cover)],
                },
                rows,
            }),
            auditors(audit, l),
        ],
    )
}

/// The auditors' table of the cover: each auditor (and role), and the date of their signature,
/// or a blank to sign.
fn auditors(audit: &Audit, l: Language) -> Block<'_> {
    let p = l.report();
    let caption = Caption {
        kind: CaptionKind::Hidden,
        runs: vec![Inline::plain(p.auditors)],
    };
    let [name, signature] = p.auditor_columns;
    let rows = audit.auditors.len().max(1);
    let mut t = Table::new(
        TableKind::Auditors,
        caption,
        vec!["", name, signature],
        rows,
        4,
    );
    for (i, a) in audit.auditors.iter().enumerate() {
        t.row(RowKind::Plain);
        t.cell_of(
            CellKind::Text,
            [Inline::plain(if i == 0 { p.auditors } else { "" })],
        );
        t.push(Inline::text(a.name.as_str()));
        if let Some(role) = &a.role {
            t.push(Inline::plain(" ("));
            t.push(Inline::text(role.as_str()));
            t.push(Inline::plain(")"));
        }
        t.cell(CellKind::Text);
        let signed = a
            .signed_on
            .map_or(Inline::Blank, |d| Inline::plain(date(d, l)));
        t.cell_of(CellKind::Text, [signed]);
    }
    if audit.auditors.is_empty() {
        t.row(RowKind::Plain);
        t.cell_of(CellKind::Text, [Inline::plain(p.auditors)]);
        t.cell_of(CellKind::Text, [Inline::Blank]);
        t.cell_of(CellKind::Text, [Inline::Blank]);
    }
    Block::Table(t)
}

/// Section 2: the context, the auditor's paragraphs under two headings.
pub(super) fn context(audit: &Audit, l: Language) -> Block<'_> {
    let ctx = &audit.context;
    let mut blocks = Vec::with_capacity(ctx.organisation.len() + ctx.history.len() + 5);
    blocks.push(Block::anchored(2, "context", l.report().context));
    for (heading, paragraphs) in [
        (l.report().organisation, &ctx.organisation),
        (l.report().history, &ctx.history),
    ] {
        blocks.push(Block::plain_heading(3, heading));
        if paragraphs.is_empty() {
            blocks.push(Block::plain(nothing(l)));
        }
        blocks.extend(paragraphs.iter().map(|p| Block::text(p.as_str())));
    }
    Block::section(SectionKind::Part, blocks)
}
