//! Section 5: the decision (for an internal audit, the indicative outcome), its reasons and the
//! fiches d'écart: the corrective action, who leads it, its due date and where it stands.

use crate::engine::synthesis::{ecart_source, source_label};
use crate::i18n::date;
use crate::report::document::{
    Block, Caption, CaptionKind, CellKind, Heading, Inline, List, ListStyle, Paragraph,
    ParagraphStyle, RowKind, SectionKind, Spans, Table, TableKind, verdict_badge,
};
use crate::{ActionStatus, Audit, Conclusions, FicheEcart, Language, NcGrade, Outcome, Verdict};

/// The fiche d'écart of the audit behind `e` (the one the decision took its finding from).
fn fiche<'a>(audit: &'a Audit, e: &crate::Ecart<'_>) -> Option<&'a FicheEcart> {
    if !e.has_fiche {
        return None;
    }
    audit.fiche(e.target, e.grade)
}

/// Where the corrective action stands: `ouverte`, `en cours`, `levée le 02/03/2020 — evidence`,
/// `non levée le 02/03/2020 — reason`.
fn status_cell(status: &ActionStatus, l: Language) -> Vec<Inline<'_>> {
    let mut runs = vec![Inline::plain((l.report().action_status)(status))];
    let dated = match status {
        ActionStatus::Lifted { on, evidence } => Some((*on, evidence)),
        ActionStatus::NotLifted { on, reason } => Some((*on, reason)),
        _ => None,
    };
    if let Some((on, why)) = dated {
        runs.push(Inline::plain(" "));
        runs.push(Inline::plain(date(on, l)));
        if !why.trim().is_empty() {
            runs.push(Inline::plain(" — "));
            runs.push(Inline::text(why.as_str()));
        }
    }
    runs
}

/// The decision section; the fiches d'écart's leaders and statuses are read from `audit`.
pub(super) fn decision<'a>(c: &'a Conclusions<'_>, audit: &'a Audit) -> Block<'a> {
    let l = c.language;
    let mut blocks = Vec::with_capacity(10);
    blocks.push(Block::Heading(Heading {
        level: 2,
        id: Some("decision"),
        runs: vec![Inline::plain(if c.indicative {
            l.report().indicative
        } else {
            l.report().decision
        })],
    }));
    blocks.push(Block::Paragraph(Paragraph {
        style: ParagraphStyle::Outcome(c.outcome),
        runs: vec![Inline::Title(
            crate::engine::phrases::outcome_title(c.outcome, l).into(),
        )],
    }));
    if c.indicative {
        blocks.push(Block::plain(l.report().indicative_note));
    }
    blocks.push(Block::plain(l.report().policy_note));
    blocks.push(Block::plain(crate::report::phrases::policy_sentence(
        &c.policy, l,
    )));
    blocks.push(Block::plain_heading(3, l.report().reasons));
    let mut reasons = Spans::with_capacity(c.reasons.len(), c.reasons.len());
    for r in &c.reasons {
        reasons.span([Inline::text(r.as_str())]);
    }
    blocks.push(Block::List(List {
        style: ListStyle::Plain,
        items: reasons,
    }));
    if c.outcome != Outcome::Favorable || !c.ecarts.is_empty() {
        blocks.push(Block::plain_heading(3, l.report().ecarts));
        let caption = Caption {
            kind: CaptionKind::Label,
            runs: vec![Inline::plain(l.report().ecarts_caption)],
        };
        let header = vec![
            l.report().ecart,
            l.report().finding,
            l.report().requirement,
            l.report().corrective_action,
            l.report().leader,
            l.report().due,
            l.report().status,
        ];
        let mut t = Table::new(TableKind::Ecarts, caption, header, c.ecarts.len(), 2);
        for e in &c.ecarts {
            let verdict = match e.grade {
                NcGrade::Minor => Verdict::MinorNonconformity,
                NcGrade::Major => Verdict::MajorNonconformity,
            };
            let target = source_label(ecart_source(e.target), &e.title, l);
            t.row(RowKind::Ecart);
            t.cell_of(
                CellKind::Text,
                [
                    verdict_badge(Some(verdict)),
                    Inline::plain(" "),
                    Inline::text(target),
                ],
            );
            t.cell_of(CellKind::Text, [Inline::text(&*e.finding)]);
            t.cell_of(CellKind::Text, [Inline::text(&*e.requirement)]);
            let action = e
                .corrective_action
                .as_deref()
                .map_or(Inline::plain("—"), Inline::text);
            t.cell_of(CellKind::Text, [action]);
            let fiche = fiche(audit, e);
            let leader = fiche
                .and_then(|f| f.leader.as_deref())
                .map_or(Inline::plain("—"), Inline::text);
            t.cell_of(CellKind::Text, [leader]);
            let due = e
                .due
                .map_or(Inline::plain("—"), |d| Inline::plain(date(d, l)));
            t.cell_of(CellKind::Text, [due]);
            match fiche {
                Some(f) => t.cell_of(CellKind::Text, status_cell(&f.status, l)),
                None => t.cell_of(CellKind::Text, [Inline::plain("—")]),
            }
        }
        blocks.push(Block::Table(t));
    }
    Block::section(SectionKind::Part, blocks)
}
