//! Builds the [`Document`] of a report from a valid audit and its conclusions, one file per part
//! of the report. Every word is chosen here, in the conclusions' language; the writers only
//! format.

mod cover;
mod decision;
mod modules;
mod summary;
mod synthesis;
mod unread;

use std::borrow::Cow;

use super::document::{
    Block, CellKind, Document, Inline, Paragraph, ParagraphStyle, SectionKind, Table,
};
use crate::i18n;
use crate::{Audit, Conclusions, Language, Observation, Referentiel, Tally, Valid};

/// The report of `valid` with its `conclusions`: the header and cover page, the summary band,
/// the context, the assessment (modules, management, remote audit), the synthesis, the
/// decision, and the values the import could not read when the audit keeps any.
pub(crate) fn report<'a>(valid: &Valid<'a>, conclusions: &'a Conclusions<'_>) -> Document<'a> {
    let audit = valid.audit();
    let referentiel = valid.referentiel();
    let l = conclusions.language;
    let mut blocks = Vec::with_capacity(8);
    blocks.push(cover::header(audit, l));
    blocks.push(cover::cover(audit, referentiel, l));
    blocks.push(summary::summary(conclusions));
    blocks.push(cover::context(audit, l));
    let mut assessment = Vec::with_capacity(64);
    assessment.push(Block::plain_heading(2, l.report().assessment));
    assessment.push(Block::plain(l.report().abbreviations));
    let source = Source {
        audit,
        referentiel,
        conclusions,
        language: l,
    };
    modules::modules(&mut assessment, &source);
    modules::management(&mut assessment, &source);
    modules::remote(&mut assessment, &source);
    blocks.push(Block::section(SectionKind::Part, assessment));
    blocks.push(synthesis::synthesis(conclusions));
    blocks.push(decision::decision(conclusions, audit));
    blocks.extend(unread::unread(audit, l));
    let site = &audit.site;
    let mut title = String::with_capacity(96);
    title.push_str(l.report().title);
    title.push_str(" — ");
    title.push_str(i18n::site_name(site, l));
    title.push_str(", ");
    title.push_str(&site.city);
    title.push_str(" (");
    title.push_str(site.departement.as_str());
    title.push(')');
    Document::new(Cow::Owned(title), l, blocks)
}

/// What a part of the report is built from.
struct Source<'a> {
    audit: &'a Audit,
    referentiel: &'a Referentiel,
    conclusions: &'a Conclusions<'a>,
    language: Language,
}

impl<'a> Source<'a> {
    /// The audit, the référentiel, the conclusions and their language.
    const fn parts(&self) -> (&'a Audit, &'a Referentiel, &'a Conclusions<'a>, Language) {
        (
            self.audit,
            self.referentiel,
            self.conclusions,
            self.language,
        )
    }
}

/// Writes the observations of an item into `table`'s open cell, one paragraph each, after its
/// comment, and ends the cell.
fn observations_cell<'a>(
    table: &mut Table<'a>,
    language: Language,
    comment: Option<&'a str>,
    observations: &'a [Observation],
) {
    let mut first = true;
    if let Some(c) = comment {
        table.push(Inline::text(c));
        first = false;
    }
    for o in observations {
        if !first {
            table.push(Inline::Break);
        }
        first = false;
        table.push(Inline::Key(o.kind.code()));
        table.push(Inline::plain(language.phrases().common.colon));
        table.push(Inline::text(o.text.as_str()));
        if let Some(r) = &o.risk {
            table.push(Inline::plain(" — "));
            table.push(Inline::text(r.as_str()));
        }
    }
    table.cell(CellKind::Paragraphs);
}

/// A line of figures: `prefix` (if any), then the rate and the verdict counts of `tally`.
fn tally<'a>(mut runs: Vec<Inline<'a>>, tally: &Tally, language: Language) -> Block<'a> {
    let c = &tally.counts;
    runs.reserve(13);
    runs.push(Inline::Lead(language.phrases().common.rate_label));
    runs.push(Inline::plain(" "));
    runs.push(Inline::plain(crate::engine::phrases::rate_text(
        tally.rate, language,
    )));
    runs.push(Inline::plain(" — "));
    for (n, after) in [
        (c.conforme, " C, "),
        (c.non_applicable, " NA, "),
        (c.nc_mineure, " NC min, "),
        (c.nc_majeure, " NC Maj"),
    ] {
        runs.push(Inline::Number(n));
        runs.push(Inline::plain(after));
    }
    if c.not_assessed > 0 {
        runs.push(Inline::plain(", "));
        runs.push(Inline::Number(c.not_assessed));
        runs.push(Inline::plain(" "));
        runs.push(Inline::plain((language.report().not_assessed)(
            c.not_assessed,
        )));
    }
    runs.push(Inline::plain("."));
    Block::Paragraph(Paragraph {
        style: ParagraphStyle::Tally,
        runs,
    })
}
