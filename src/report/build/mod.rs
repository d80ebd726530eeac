//! Builds the [`Document`] of a report from a valid audit and its conclusions, one file per part
//! of the report. Every word is chosen here, in the conclusions' language; the writers only
//! format.

mod avis;
mod closing;
mod cover;
mod fiches;
mod modules;
mod recap;
mod summary;
mod synthesis;
mod unread;

use std::borrow::Cow;

use super::document::{
    Block, CellKind, Contents, Document, Inline, Paragraph, ParagraphStyle, SectionKind, Table,
};
use crate::i18n;
use crate::{Audit, Conclusions, Language, Observation, Referentiel, Tally, Valid};

/// The report of `valid` with its `conclusions`, in the order of the original report and of the
/// profession's template: the header (title, site, the audit's kind, dates and lead auditor),
/// the table of contents, the summary band (screen only), the cover page (section 1), the
/// context (2), the assessment (3: modules, management, remote audit), the tool's
/// récapitulatif des constats, the synthesis and general conclusion as the auditor wrote them
/// (4), with the fiches d'écart as forms and the avis under the general conclusion, the
/// procès-verbal de clôture (signatures and distribution), and the values the import could not
/// read when the audit keeps any.
pub(crate) fn report<'a>(valid: &Valid<'a>, conclusions: &'a Conclusions<'_>) -> Document<'a> {
    let audit = valid.audit();
    let referentiel = valid.referentiel();
    let l = conclusions.language;
    let source = Source {
        audit,
        referentiel,
        conclusions,
        language: l,
        numbers: fiches::numbers(audit, conclusions),
    };
    let mut blocks = Vec::with_capacity(10);
    blocks.push(cover::header(audit, l));
    blocks.push(contents(l, !audit.unread.is_empty()));
    blocks.push(summary::summary(conclusions));
    blocks.push(cover::cover(audit, referentiel, l));
    blocks.push(cover::context(audit, l));
    let mut assessment = Vec::with_capacity(64);
    assessment.push(Block::anchored(2, "assessment", l.report().assessment));
    assessment.push(Block::plain(l.report().abbreviations));
    modules::modules(&mut assessment, &source);
    modules::management(&mut assessment, &source);
    modules::remote(&mut assessment, &source);
    blocks.push(Block::section(SectionKind::Part, assessment));
    blocks.push(recap::recap(&source));
    blocks.push(synthesis::synthesis(&source));
    blocks.push(closing::closing(audit, l));
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

/// The table of contents: the numbered sections of the original, the tool's récapitulatif,
/// the procès-verbal de clôture, and the annex when there is one.
fn contents(l: Language, unread: bool) -> Block<'static> {
    let p = l.report();
    let mut entries = vec![
        ("cover", p.cover),
        ("context", p.context),
        ("assessment", p.assessment),
        ("recap", p.recap),
        ("synthesis", p.synthesis),
        ("closing", p.closing),
    ];
    if unread {
        entries.push(("unread", p.unread));
    }
    Block::section(
        SectionKind::Part,
        vec![
            Block::anchored(2, "contents", p.contents),
            Block::Contents(Contents { entries }),
        ],
    )
}

/// What a part of the report is built from.
struct Source<'a> {
    audit: &'a Audit,
    referentiel: &'a Referentiel,
    conclusions: &'a Conclusions<'a>,
    language: Language,
    /// The number of each écart's fiche, in the order of `conclusions.ecarts`.
    numbers: Vec<u32>,
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
/// comment and its evidence (« Éléments de preuve : … »), and ends the cell.
fn observations_cell<'a>(
    table: &mut Table<'a>,
    language: Language,
    (comment, evidence): (Option<&'a str>, Option<&'a str>),
    observations: &'a [Observation],
) {
    let mut first = true;
    if let Some(c) = comment {
        table.push(Inline::text(c));
        first = false;
    }
    if let Some(e) = evidence {
        if !first {
            table.push(Inline::Break);
        }
        first = false;
        table.push(Inline::Key(language.report().evidence));
        table.push(Inline::plain(language.phrases().common.colon));
        table.push(Inline::text(e));
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

/// A line of figures: `prefix` (if any), then the rate and the verdict counts of `tally`, led by
/// the mark that the rate is the tool's (the référentiel publishes none).
fn tally<'a>(mut runs: Vec<Inline<'a>>, tally: &Tally, language: Language) -> Block<'a> {
    let c = &tally.counts;
    runs.reserve(13);
    runs.push(Inline::Lead(language.report().tool_rate));
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
