//! The récapitulatif des constats: one row per engagement of the covered modules and per
//! management item, with its verdict, its observations counted by kind (those of the remote
//! audit with their engagement's) and the number of its fiche d'écart, then the totals. The
//! original report has no such part: the table is marked as the tool's.

use super::Source;
use crate::engine::decision::Ecart;
use crate::report::document::{
    Block, Caption, CaptionKind, CellKind, Inline, RowKind, SectionKind, Table, TableKind,
    verdict_badge,
};
use crate::{EcartTarget, Observation, ObservationKind, Verdict};

/// Counts of `PF`, `PS` and `PP` among `observations`, added to `counts`.
fn count(counts: &mut [u32; 3], observations: &[Observation]) {
    for o in observations {
        let slot = match o.kind {
            ObservationKind::Strength => 0,
            ObservationKind::AreaOfConcern => 1,
            ObservationKind::OpportunityForImprovement => 2,
        };
        if let Some(n) = counts.get_mut(slot) {
            *n += 1;
        }
    }
}

/// The numbers of the fiches on `target`, joined by `, `; `—` without any.
fn fiches(target: EcartTarget, ecarts: &[Ecart<'_>], numbers: &[u32]) -> Vec<Inline<'static>> {
    let mut runs = Vec::new();
    for (_, &n) in ecarts
        .iter()
        .zip(numbers)
        .filter(|(e, _)| e.target == target)
    {
        if !runs.is_empty() {
            runs.push(Inline::plain(", "));
        }
        runs.push(Inline::Number(n));
    }
    if runs.is_empty() {
        runs.push(Inline::plain("—"));
    }
    runs
}

/// One row: the target's label, its verdict, its counts and its fiches.
fn row<'a>(
    t: &mut Table<'a>,
    label: Vec<Inline<'a>>,
    verdict: Option<Verdict>,
    counts: [u32; 3],
    fiches: Vec<Inline<'a>>,
) {
    t.row(RowKind::Plain);
    t.cell_of(CellKind::Text, label);
    t.cell_of(CellKind::Verdict, [verdict_badge(verdict)]);
    for n in counts {
        t.cell_of(CellKind::Number, [Inline::Number(n)]);
    }
    t.cell_of(CellKind::Number, fiches);
}

/// The récapitulatif's section.
pub(super) fn recap<'a>(source: &Source<'a>) -> Block<'a> {
    let (audit, referentiel, c, l) = source.parts();
    let p = l.report();
    let header = vec![p.recap_target, p.verdict, "PF", "PS", "PP", p.recap_fiche];
    let caption = Caption {
        kind: CaptionKind::Hidden,
        runs: vec![Inline::plain(p.recap)],
    };
    let rows = audit.assessments.len() + audit.management.len() + 1;
    let mut t = Table::new(TableKind::Recap, caption, header, rows, 2);
    let mut total = [0_u32; 3];
    let mut add = |counts: [u32; 3]| {
        for (sum, n) in total.iter_mut().zip(counts) {
            *sum += n;
        }
    };
    for m in &c.modules {
        let mut numbers: Vec<_> = referentiel
            .engagements_of(m.module)
            .map(|e| e.number)
            .collect();
        if numbers.is_empty() {
            numbers = audit
                .assessments
                .iter()
                .filter(|a| a.module == m.module)
                .map(|a| a.engagement)
                .collect();
            numbers.sort_unstable();
            numbers.dedup();
        }
        for n in numbers {
            let a = audit.assessment(n);
            let mut counts = [0; 3];
            if let Some(a) = a {
                count(&mut counts, &a.observations);
            }
            for r in audit.remote_checks.iter().filter(|r| r.engagement == n) {
                count(&mut counts, &r.observations);
            }
            add(counts);
            let title = referentiel.engagement(n).map_or("", |e| e.title.as_str());
            let mut label = vec![Inline::Number(u32::from(n.get()))];
            if !title.is_empty() {
                label.push(Inline::plain(". "));
                label.push(Inline::text(title));
            }
            let fiches = fiches(EcartTarget::Engagement(n), &c.ecarts, &source.numbers);
            row(&mut t, label, a.and_then(|a| a.verdict), counts, fiches);
        }
    }
    for item in referentiel.management_items() {
        let a = audit.management_assessment(item.id());
        let mut counts = [0; 3];
        if let Some(a) = a {
            count(&mut counts, &a.observations);
        }
        add(counts);
        let label = vec![
            Inline::plain((l.phrases().common.management_section)(item.section)),
            Inline::plain(l.engine().management_item),
            Inline::Number(u32::from(item.item)),
            Inline::plain(". "),
            Inline::text(item.title.as_str()),
        ];
        let fiches = fiches(
            EcartTarget::Management(item.id()),
            &c.ecarts,
            &source.numbers,
        );
        row(&mut t, label, a.and_then(|a| a.verdict), counts, fiches);
    }
    t.row(RowKind::Total);
    t.cell_of(CellKind::Text, [Inline::Strong(p.total.into())]);
    t.cell_of(CellKind::Verdict, []);
    for n in total {
        t.cell_of(CellKind::Number, [Inline::Number(n)]);
    }
    let mut fiches = Vec::with_capacity(source.numbers.len() * 2);
    for &n in &source.numbers {
        if !fiches.is_empty() {
            fiches.push(Inline::plain(", "));
        }
        fiches.push(Inline::Number(n));
    }
    if fiches.is_empty() {
        fiches.push(Inline::plain("—"));
    }
    t.cell_of(CellKind::Number, fiches);
    Block::section(
        SectionKind::Part,
        vec![
            Block::anchored(2, "recap", p.recap),
            Block::note(p.recap_note),
            Block::Table(t),
        ],
    )
}
