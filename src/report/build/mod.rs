//! Builds the [`Document`] of a report from a valid audit and its conclusions, one file per part
//! of the report. Every word is chosen here, in the conclusions' language; the writers only
//! format.

mod cover;
mod decision;
mod modules;
mod summary;
mod synthesis;

use std::borrow::Cow;

use super::document::{
    Block, Cell, CellKind, Document, Inline, Paragraph, ParagraphStyle, SectionKind,
};
use crate::i18n::{self, words};
use crate::{Audit, Conclusions, Language, Observation, Referentiel, Tally, Valid};

/// The report of `valid` with its `conclusions`: the header and cover page, the summary band,
/// the context, the assessment (modules, management, remote audit), the synthesis and the
/// decision.
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
    assessment.push(Block::plain_heading(2, l.words(words::ASSESSMENT)));
    assessment.push(Block::plain(l.words(words::ABBREVIATIONS)));
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
    blocks.push(decision::decision(conclusions));
    let site = &audit.site;
    let mut title = String::with_capacity(96);
    title.push_str(l.words(words::REPORT));
    title.push_str(" — ");
    title.push_str(i18n::site_name(site, l));
    title.push_str(", ");
    title.push_str(&site.city);
    title.push_str(" (");
    title.push_str(site.departement.as_str());
    title.push(')');
    Document {
        title: Cow::Owned(title),
        language: l,
        blocks,
    }
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

/// The observations of an item, one paragraph each, after its comment.
fn observations_cell<'a>(comment: Option<&'a str>, observations: &'a [Observation]) -> Cell<'a> {
    let mut runs = Vec::with_capacity(observations.len() * 5 + 1);
    if let Some(c) = comment {
        runs.push(Inline::text(c));
    }
    for o in observations {
        if !runs.is_empty() {
            runs.push(Inline::Break);
        }
        runs.push(Inline::Key(o.kind.code()));
        runs.push(Inline::plain(" : "));
        runs.push(Inline::text(o.text.as_str()));
        if let Some(r) = &o.risk {
            runs.push(Inline::plain(" — "));
            runs.push(Inline::text(r.as_str()));
        }
    }
    Cell::new(CellKind::Paragraphs, runs)
}

/// A line of figures: `prefix` (if any), then the rate and the verdict counts of `tally`.
fn tally<'a>(mut runs: Vec<Inline<'a>>, tally: &Tally, language: Language) -> Block<'a> {
    use std::fmt::Write as _;
    let c = &tally.counts;
    runs.push(Inline::Lead(language.words(words::RATE)));
    let mut rest = String::with_capacity(64);
    rest.push(' ');
    rest.push_str(&i18n::rate_text(tally.rate, language));
    let _ = write!(
        rest,
        " — {} C, {} NA, {} NC min, {} NC Maj",
        c.conforme, c.non_applicable, c.nc_mineure, c.nc_majeure
    );
    if c.not_assessed > 0 {
        let _ = write!(
            rest,
            ", {} {}",
            c.not_assessed,
            language.words(words::NOT_ASSESSED)
        );
    }
    rest.push('.');
    runs.push(Inline::plain(rest));
    Block::Paragraph(Paragraph {
        style: ParagraphStyle::Tally,
        runs,
    })
}
