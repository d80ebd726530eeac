//! The fiches d'écart as forms, one per nonconformity of the decision: the number, the grade
//! and the target, the constat, the exigence, the cause when known, the action the audited site
//! proposes, who leads it, the délai, the auditee's answer, where it stood at the audit's last
//! day, and the two signatures. A form shows only what was known on the report's date: a state
//! checked after the audit's last day is not printed.

use crate::engine::decision::DueSource;
use crate::engine::synthesis::{ecart_source, source_label};
use crate::i18n::date;
use crate::report::document::{
    Block, Caption, CaptionKind, Heading, Inline, KeyValues, KeyValuesKind, verdict_badge,
};
use crate::{ActionStatus, Audit, Conclusions, Ecart, FicheEcart, Language, Verdict};

/// The fiche d'écart of the audit behind `e` (the one the decision took its finding from).
pub(super) fn fiche<'a>(audit: &'a Audit, e: &Ecart<'_>) -> Option<&'a FicheEcart> {
    if !e.has_fiche {
        return None;
    }
    audit.fiche(e.target, e.grade)
}

/// The number of each écart's fiche, in the order of the decision's écarts: the number the
/// report or the grid gave the fiche, kept; the others numbered after the highest, in order.
pub(super) fn numbers(audit: &Audit, c: &Conclusions<'_>) -> Vec<u32> {
    let given: Vec<Option<u32>> = c
        .ecarts
        .iter()
        .map(|e| fiche(audit, e).and_then(|f| f.number))
        .collect();
    let highest = audit
        .ecarts
        .iter()
        .filter_map(|f| f.number)
        .chain(given.iter().flatten().copied())
        .max()
        .unwrap_or(0);
    let mut next = highest;
    given
        .into_iter()
        .map(|n| {
            n.unwrap_or_else(|| {
                next = next.saturating_add(1);
                next
            })
        })
        .collect()
}

/// Where the corrective action stood at the audit's last day (`end`), when the data says so:
/// `en cours`, `levée le 02/03/2020 — evidence`; nothing for an open action, nor for a state
/// checked after `end`, which the report could not know.
fn status<'a>(
    status: &'a ActionStatus,
    end: chrono::NaiveDate,
    l: Language,
) -> Option<Vec<Inline<'a>>> {
    if status.is_open() || status.checked_on().is_some_and(|on| on > end) {
        return None;
    }
    let mut runs = vec![Inline::plain((l.report().action_status)(status))];
    if let Some(on) = status.checked_on() {
        runs.push(Inline::plain(" "));
        runs.push(Inline::plain(date(on, l)));
        if !status.note().trim().is_empty() {
            runs.push(Inline::plain(" — "));
            runs.push(Inline::text(status.note()));
        }
    }
    Some(runs)
}

/// A value, or a blank to fill in.
fn or_blank<'a>(value: Option<&'a str>) -> Vec<Inline<'a>> {
    vec![value.map_or(Inline::Blank, Inline::text)]
}

/// The forms of the écarts of `c`, numbered by `numbers`, into `blocks`, in the order of their
/// numbers.
pub(super) fn forms<'a>(
    blocks: &mut Vec<Block<'a>>,
    audit: &'a Audit,
    c: &'a Conclusions<'_>,
    numbers: &[u32],
) {
    let l = c.language;
    let p = l.report();
    let k = &p.fiche_keys;
    // In the order of their numbers, as a report files them.
    let mut order: Vec<(&Ecart<'_>, u32)> = c.ecarts.iter().zip(numbers.iter().copied()).collect();
    order.sort_by_key(|&(_, number)| number);
    for (e, number) in order {
        let fiche = fiche(audit, e);
        let verdict = Verdict::from(e.grade);
        let target = source_label(ecart_source(e.target), &e.title, l);
        blocks.push(Block::Heading(Heading {
            level: 4,
            id: None,
            runs: vec![
                Inline::plain(p.fiche),
                Inline::Number(number),
                Inline::plain(" — "),
                verdict_badge(Some(verdict)),
            ],
        }));
        let mut rows: Vec<(&'static str, Vec<Inline<'a>>)> = Vec::with_capacity(12);
        rows.push((k.grade, vec![verdict_badge(Some(verdict))]));
        rows.push((k.target, vec![Inline::text(target)]));
        let mut finding = vec![if e.finding.is_empty() {
            Inline::plain(l.engine().finding_not_stated)
        } else {
            Inline::text(&*e.finding)
        }];
        if fiche.is_none() {
            finding.push(Inline::plain(p.no_fiche));
        }
        rows.push((k.finding, finding));
        rows.push((
            k.requirement,
            vec![if e.requirement.is_empty() {
                Inline::plain(l.engine().requirement_not_stated)
            } else {
                Inline::text(&*e.requirement)
            }],
        ));
        if let Some(cause) = fiche.and_then(|f| f.cause.as_deref()) {
            rows.push((k.cause, vec![Inline::text(cause)]));
        }
        rows.push((k.action, or_blank(e.corrective_action.as_deref())));
        rows.push((k.leader, or_blank(fiche.and_then(|f| f.leader.as_deref()))));
        rows.push((k.due, due(e, c, l)));
        rows.push((
            k.response,
            or_blank(fiche.and_then(|f| f.response.as_deref())),
        ));
        if let Some(runs) = fiche.and_then(|f| status(&f.status, audit.dates.end, l)) {
            rows.push((k.status, runs));
        }
        rows.push((k.auditor_signature, vec![Inline::Blank]));
        rows.push((k.site_signature, vec![Inline::Blank]));
        blocks.push(Block::KeyValues(KeyValues {
            kind: KeyValuesKind::Form,
            caption: Caption {
                kind: CaptionKind::Hidden,
                runs: vec![Inline::plain(p.fiche), Inline::Number(number)],
            },
            rows,
        }));
    }
}

/// The délai: the due date and where it comes from (the fiche, or the tool's default rule).
fn due<'a>(e: &Ecart<'_>, c: &Conclusions<'_>, l: Language) -> Vec<Inline<'a>> {
    let Some(day) = e.due else {
        return vec![Inline::Blank];
    };
    let mut text = date(day, l);
    text.push_str(" (");
    match e.due_source {
        DueSource::Fiche => text.push_str(l.engine().due_from_fiche),
        DueSource::Policy => {
            let months = match e.grade {
                crate::NcGrade::Minor => c.policy.deadline_months,
                crate::NcGrade::Major => c.policy.major_deadline_months,
            };
            (l.engine().due_after)(&mut text, months);
            text.push_str(l.report().by_default_rule);
        }
        DueSource::ExternalAudit => text.push_str(l.engine().due_before_external),
    }
    text.push(')');
    vec![Inline::plain(text)]
}
