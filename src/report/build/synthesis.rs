//! Section 4: the synthesis and general conclusion as the auditor wrote them, each part once.
//!
//! A part the auditor wrote prints their paragraphs, verbatim. A part the audit holds no text
//! for (an audit built in code or read from a grid) prints the lines the tool established from
//! the data, once, under the mark that they are the tool's; a part with neither reads
//! « Sans objet. ». The fiches d'écart follow the auditor's text of FICHE(S) D'ÉCART(S) as
//! forms; a follow-up or renewal audit says what became of the previous audit's écarts (see
//! [`previous`]); the avis closes the general conclusion, where the original puts its
//! conclusion.

use super::{Source, avis, fiches};
use crate::engine::synthesis::{Section, nothing, push_auditor_verdict};
use crate::report::document::{Block, Inline, List, ListStyle, SectionKind, Spans};
use crate::{Audit, AuditType, Conclusions, Language};

/// The synthesis section.
pub(super) fn synthesis<'a>(source: &Source<'a>) -> Block<'a> {
    let (audit, _, c, l) = source.parts();
    let mut blocks = Vec::with_capacity(48);
    blocks.push(Block::anchored(2, "synthesis", l.report().synthesis));
    let s = &c.synthesis;
    for part in s.sections() {
        let is = |other: &Section<'_>| std::ptr::eq(part, other);
        if is(&s.fiches_ecart) {
            blocks.extend(previous(audit, l));
        }
        // The survey section carries the report's subtitle under its heading.
        let subtitle = is(&s.enquetes_satisfaction).then_some(l.report().survey_subtitle);
        let conclusion = is(&s.conclusion_generale);
        // The general conclusion's last line is the avis, which the avis below states.
        let skip_last = usize::from(conclusion);
        // FICHE(S) D'ÉCART(S): the forms say every écart; its line « Absence de … » stands
        // only when there is none and the auditor wrote nothing.
        let generated = !(is(&s.fiches_ecart) && !c.ecarts.is_empty());
        part_blocks(
            &mut blocks,
            c,
            part,
            subtitle,
            conclusion,
            generated,
            skip_last,
        );
        if is(&s.fiches_ecart) {
            fiches::forms(&mut blocks, audit, c, &source.numbers);
        }
        if conclusion {
            avis::avis(&mut blocks, c);
        }
    }
    Block::section(SectionKind::Part, blocks)
}

/// What became of the previous audit's écarts, for a follow-up or renewal audit: the audit's
/// data do not record it (an audit holds its own fiches only), so the part says so. This is
/// the place to write it once the audit records it.
fn previous(audit: &Audit, l: Language) -> Option<Block<'static>> {
    matches!(
        audit.kind.audit_type,
        Some(AuditType::Suivi | AuditType::Renouvellement)
    )
    .then(|| {
        Block::section(
            SectionKind::Part,
            vec![
                Block::heading(
                    3,
                    vec![
                        Inline::Marker("❖"),
                        Inline::plain(" "),
                        Inline::plain(l.report().previous),
                    ],
                ),
                Block::plain(l.report().previous_unrecorded),
            ],
        )
    })
}

/// One part of section 4: its heading (and `subtitle`), then the auditor's paragraphs verbatim;
/// without them, the tool's lines (`generated`: but the last `skip_last`), marked as the tool's;
/// without either, « Sans objet. ».
fn part_blocks<'a>(
    blocks: &mut Vec<Block<'a>>,
    c: &'a Conclusions<'_>,
    s: &'a Section<'_>,
    subtitle: Option<&'static str>,
    last: bool,
    generated: bool,
    skip_last: usize,
) {
    let l = c.language;
    // The report sets each part under a ❖, but the general conclusion, which closes it.
    let heading = if last {
        vec![Inline::text(&*s.heading)]
    } else {
        vec![
            Inline::Marker("❖"),
            Inline::plain(" "),
            Inline::text(&*s.heading),
        ]
    };
    blocks.push(Block::heading(3, heading));
    if let Some(subtitle) = subtitle {
        blocks.push(Block::plain(subtitle));
    }
    if !s.auditor.is_empty() {
        blocks.extend(s.auditor.iter().map(|p| Block::text(p.as_str())));
        // The charte graphique's verdict is data beside the auditor's text: it stays.
        if let Some(v) = s.auditor_verdict {
            let mut line = String::with_capacity(48);
            push_auditor_verdict(&mut line, v, l);
            blocks.push(Block::plain(line));
        }
        return;
    }
    let lines = if generated {
        s.generated().len().saturating_sub(skip_last)
    } else {
        0
    };
    // « Sans objet. » is no finding of the tool's: it stands unmarked.
    let only_nothing = lines == 1 && s.generated().next() == Some(nothing(l));
    if lines == 0 || only_nothing {
        if generated {
            blocks.push(Block::plain(nothing(l)));
        }
        return;
    }
    blocks.push(Block::note(l.report().generated_note));
    let mut items = Spans::with_capacity(lines, lines);
    for g in s.generated().take(lines) {
        items.span([Inline::text(g)]);
    }
    blocks.push(Block::List(List {
        style: ListStyle::Plain,
        items,
    }));
}
