//! The avis, under the general conclusion (where the original puts its conclusion): the outcome
//! the tool's default rule gives, that it is a proposal (the certification body decides) or,
//! for an internal audit, indicative, that the rule is the tool's and not the référentiel's,
//! the rule applied, and its reasons.

use crate::Conclusions;
use crate::report::document::{
    Block, Heading, Inline, List, ListStyle, Paragraph, ParagraphStyle, Spans,
};

/// Writes the avis into `blocks`.
pub(super) fn avis<'a>(blocks: &mut Vec<Block<'a>>, c: &'a Conclusions<'_>) {
    let l = c.language;
    let p = l.report();
    blocks.push(Block::Heading(Heading {
        level: 4,
        id: Some("avis"),
        runs: vec![Inline::plain(if c.indicative {
            p.indicative
        } else {
            p.avis
        })],
    }));
    blocks.push(Block::Paragraph(Paragraph {
        style: ParagraphStyle::Outcome(c.outcome),
        runs: vec![Inline::Title(
            crate::engine::phrases::outcome_title(c.outcome, l).into(),
        )],
    }));
    blocks.push(Block::plain(if c.indicative {
        p.indicative_note
    } else {
        p.proposal_note
    }));
    blocks.push(Block::plain(l.engine().policy_caveat));
    blocks.push(Block::plain(crate::report::phrases::policy_sentence(
        &c.policy, l,
    )));
    if c.reasons.is_empty() {
        return;
    }
    blocks.push(Block::paragraph(vec![Inline::Strong(p.reasons.into())]));
    let mut reasons = Spans::with_capacity(c.reasons.len(), c.reasons.len());
    for r in &c.reasons {
        reasons.span([Inline::text(r.as_str())]);
    }
    blocks.push(Block::List(List {
        style: ListStyle::Plain,
        items: reasons,
    }));
}
