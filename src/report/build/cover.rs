//! The header (title and site), the cover page (section 1) and the context (section 2).

use std::borrow::Cow;

use crate::engine::synthesis::nothing;
use crate::i18n::{self, date};
use crate::report::document::{
    Block, Caption, CaptionKind, Heading, Inline, KeyValues, Paragraph, ParagraphStyle, SectionKind,
};
use crate::{Audit, Language, Referentiel};

/// The title and the site under it.
pub(super) fn header(audit: &Audit, l: Language) -> Block<'_> {
    let site = &audit.site;
    let line = vec![
        Inline::StrongText(Cow::Borrowed(i18n::site_name(site, l))),
        Inline::plain(" — "),
        Inline::text(site.city.as_str()),
        Inline::plain(" - "),
        Inline::text(site.departement.as_str()),
    ];
    Block::section(
        SectionKind::Header,
        vec![
            Block::plain_heading(1, l.report().title),
            Block::Paragraph(Paragraph {
                style: ParagraphStyle::Site,
                runs: line,
            }),
        ],
    )
}

/// Section 1: the cover page, as keys and values.
pub(super) fn cover<'a>(audit: &'a Audit, referentiel: &'a Referentiel, l: Language) -> Block<'a> {
    let site = &audit.site;
    let heading = l.report().cover;
    let mut rows: Vec<(&'static str, Vec<Inline<'a>>)> = Vec::with_capacity(8);
    rows.push((
        l.report().administration,
        vec![Inline::plain(i18n::administration(site.administration, l))],
    ));
    rows.push((
        l.report().departement,
        vec![Inline::text(site.departement.as_str())],
    ));
    rows.push((l.report().city, vec![Inline::text(site.city.as_str())]));
    let mut modules = audit.modules.clone();
    modules.sort_unstable();
    modules.dedup();
    let mut covered = Vec::with_capacity(modules.len() * 3);
    for m in modules {
        if !covered.is_empty() {
            covered.push(Inline::Break);
        }
        // `Module N Title`, without trailing spaces (nor `Module N ` without a title).
        let title = referentiel.module(m).map_or("", |m| {
            m.title
                .trim_end_matches(|c: char| c.is_whitespace() && c != '\n' && c != '\r')
        });
        covered.push(Inline::plain(l.report().module));
        covered.push(Inline::Number(u32::from(m.get())));
        if !title.is_empty() {
            covered.push(Inline::plain(" "));
            covered.push(Inline::text(title));
        }
    }
    rows.push((l.report().modules_covered, covered));
    rows.push((
        l.report().audit_type,
        vec![Inline::text(crate::engine::phrases::audit_kind(audit, l))],
    ));
    let label = audit
        .referentiel
        .label
        .as_deref()
        .unwrap_or_else(|| referentiel.title());
    rows.push((l.report().referentiel, vec![Inline::text(label)]));
    let mut dates = String::with_capacity(32);
    dates.push_str(l.report().from);
    dates.push(' ');
    i18n::push_date(&mut dates, audit.dates.start, l);
    dates.push(' ');
    dates.push_str(l.report().to);
    dates.push(' ');
    i18n::push_date(&mut dates, audit.dates.end, l);
    rows.push((l.report().dates, vec![Inline::plain(dates)]));
    let mut auditors = Vec::with_capacity(audit.auditors.len() * 5);
    for a in &audit.auditors {
        if !auditors.is_empty() {
            auditors.push(Inline::Break);
        }
        auditors.push(Inline::text(a.name.as_str()));
        if let Some(role) = &a.role {
            auditors.push(Inline::plain(" ("));
            auditors.push(Inline::text(role.as_str()));
            auditors.push(Inline::plain(")"));
        }
        if let Some(d) = a.signed_on {
            auditors.push(Inline::plain(", "));
            auditors.push(Inline::plain(l.report().signed_on));
            auditors.push(Inline::plain(" "));
            auditors.push(Inline::plain(date(d, l)));
        }
        for (label, value) in [(l.report().phone, &a.phone), (l.report().email, &a.email)] {
            if let Some(value) = value {
                auditors.push(Inline::Break);
                auditors.push(Inline::plain(label));
                auditors.push(Inline::plain(l.phrases().common.colon));
                auditors.push(Inline::text(value.as_str()));
            }
        }
    }
    if auditors.is_empty() {
        auditors.push(Inline::plain("—"));
    }
    rows.push((l.report().auditors, auditors));
    Block::section(
        SectionKind::Part,
        vec![
            Block::Heading(Heading {
                level: 2,
                id: Some("cover"),
                runs: vec![Inline::plain(heading)],
            }),
            Block::KeyValues(KeyValues {
                caption: Caption {
                    kind: CaptionKind::Hidden,
                    runs: vec![Inline::plain(heading)],
                },
                rows,
            }),
        ],
    )
}

/// Section 2: the context, the auditor's paragraphs under two headings.
pub(super) fn context(audit: &Audit, l: Language) -> Block<'_> {
    let ctx = &audit.context;
    let mut blocks = Vec::with_capacity(ctx.organisation.len() + ctx.history.len() + 5);
    blocks.push(Block::plain_heading(2, l.report().context));
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
