//! The plan as plain text, and the lines every writer shares (title, audits, label, totals).

use super::columns::{self, Column, Value};
use super::{Plan, PlanAction, Standing};
use crate::Language;
use crate::i18n::push_date;

/// The standings in the order the writers list them.
pub(super) const STANDINGS: [Standing; 5] = [
    Standing::Overdue,
    Standing::DueSoon,
    Standing::Open,
    Standing::CarriedOver,
    Standing::Done,
];

/// `Plan d'actions qualité au 01/03/2020`.
pub(super) fn title(plan: &Plan, language: Language) -> String {
    let p = super::phrases::of(language);
    let mut out = String::with_capacity(48);
    out.push_str(p.title);
    out.push_str(p.at);
    push_date(&mut out, plan.at, language);
    out
}

/// `Site : PREFECTURE du Var, TOULON (83)`.
pub(super) fn site_line(plan: &Plan, language: Language) -> Option<String> {
    let site = plan.site.as_ref()?;
    let p = super::phrases::of(language);
    let mut out = String::from(p.site);
    out.push_str(crate::i18n::site_name(site, language));
    out.push_str(", ");
    out.push_str(&site.city);
    out.push_str(" (");
    out.push_str(site.departement.as_str());
    out.push(')');
    Some(out)
}

/// One line per audit: `Audit interne réalisé en amont d'un audit initial, dernier jour le
/// 18/11/2019`.
pub(super) fn audit_lines(plan: &Plan, language: Language) -> Vec<String> {
    let p = super::phrases::of(language);
    plan.audits
        .iter()
        .map(|audit| {
            let mut out = String::with_capacity(96);
            (language.engine().audit_kind)(&mut out, audit.kind.internal, audit.kind.audit_type);
            out.push_str(p.audit_end);
            push_date(&mut out, audit.dates.end, language);
            if let Some(due) = audit.plan_due.filter(|_| !audit.after_date) {
                out.push_str(p.plan_due);
                push_date(&mut out, due, language);
            }
            if audit.after_date {
                out.push_str(p.after_date);
            }
            out
        })
        .collect()
}

/// The label's status at the plan's date, the next audit due, and the sentence that says the
/// cycle is the crate's default.
pub(super) fn label_lines(plan: &Plan, language: Language) -> Vec<String> {
    let p = super::phrases::of(language);
    let h = crate::history::phrases::of(language);
    let s = &plan.status;
    let mut out = vec![format!("{}{}", p.label, s.state.label(language))];
    if let Some(next) = s.next {
        let mut line = String::from(p.next);
        line.push_str((h.next_kind)(next.audit_type));
        line.push_str(", ");
        if let Some(from) = next.window_start {
            push_date(&mut line, next.due, language);
            line.push_str(h.window);
            push_date(&mut line, from, language);
            line.push_str(h.window_to);
            push_date(&mut line, next.window_end, language);
        } else {
            line.push_str(h.before);
            push_date(&mut line, next.due, language);
        }
        if next.overdue {
            line.push_str(h.overdue);
        }
        out.push(line);
    }
    out.push(plan.cycle.note(language));
    out.push((p.policy)(
        plan.policy.deadline_months,
        plan.policy.major_deadline_months,
    ));
    out
}

/// A cell's text, dates written in `language`.
pub(super) fn cell_text(plan: &Plan, a: &PlanAction, column: Column, language: Language) -> String {
    match columns::value(plan, a, column, language) {
        Value::Text(t) => t,
        Value::Date(Some(d)) => {
            let mut out = String::with_capacity(10);
            push_date(&mut out, d, language);
            if column == Column::Due {
                let source = columns::due_source_text(plan, &a.entry, language);
                if !source.is_empty() {
                    out.push_str(" (");
                    out.push_str(&source);
                    out.push(')');
                }
            }
            out
        }
        Value::Date(None) => String::new(),
        Value::Number(n) => n.to_string(),
    }
}

/// The columns the text, Markdown and HTML writers show (the kept plan has them all).
pub(super) const SHOWN: [Column; 14] = [
    Column::Number,
    Column::Origin,
    Column::OriginDate,
    Column::Requirement,
    Column::Kind,
    Column::Finding,
    Column::Risk,
    Column::Cause,
    Column::Action,
    Column::Leader,
    Column::Due,
    Column::Progress,
    Column::State,
    Column::Situation,
];

/// The further fields of an action in the text form, when filled.
const MORE: [Column; 8] = [
    Column::RealisedOn,
    Column::Evidence,
    Column::EfficacyOn,
    Column::EfficacyBy,
    Column::EfficacyResult,
    Column::ClosedOn,
    Column::Comment,
    Column::Later,
];

/// Writes the plan as plain text.
pub(super) fn write(plan: &Plan, language: Language) -> String {
    let p = super::phrases::of(language);
    let mut out = String::with_capacity(2048 + plan.actions.len() * 512);
    out.push_str(&title(plan, language).to_uppercase());
    out.push('\n');
    if let Some(site) = site_line(plan, language) {
        out.push_str(&site);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&p.audits.to_uppercase());
    out.push('\n');
    for line in audit_lines(plan, language) {
        out.push_str("- ");
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    for line in label_lines(plan, language) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    if plan.actions.is_empty() {
        out.push_str(p.none);
        out.push('\n');
    } else {
        out.push_str(&(p.totals)(&plan.totals));
        out.push('\n');
    }
    for standing in STANDINGS {
        let mut actions = plan.actions_of(standing).peekable();
        if actions.peek().is_none() {
            continue;
        }
        out.push('\n');
        out.push_str(&(p.standing)(standing).to_uppercase());
        out.push('\n');
        for a in actions {
            out.push_str("- ");
            out.push_str((p.column)(Column::Number));
            out.push('\u{a0}');
            out.push_str(&a.entry.number.to_string());
            out.push_str(" — ");
            out.push_str(a.entry.kind.code());
            out.push_str(" — ");
            out.push_str(&cell_text(plan, a, Column::Requirement, language).replace('\n', " — "));
            out.push('\n');
            for column in SHOWN.iter().skip(5).chain(MORE.iter()) {
                let text = cell_text(plan, a, *column, language);
                if text.trim().is_empty() && *column != Column::Leader && *column != Column::Action
                {
                    continue;
                }
                out.push_str("  ");
                out.push_str(&columns::heading(plan, *column, language));
                out.push_str(p.colon);
                out.push_str(if text.trim().is_empty() {
                    p.not_stated
                } else {
                    &text
                });
                out.push('\n');
            }
            out.push_str("  ");
            out.push_str((p.column)(Column::Origin));
            out.push_str(p.colon);
            out.push_str(&cell_text(plan, a, Column::Origin, language));
            if let Some(d) = a.entry.origin.date {
                out.push_str(p.on.trim_end());
                out.push(' ');
                push_date(&mut out, d, language);
            }
            out.push('\n');
        }
    }
    if !plan.diagnostics.is_empty() {
        out.push('\n');
        out.push_str(&p.diagnostics.to_uppercase());
        out.push('\n');
        for d in &plan.diagnostics {
            out.push_str("- ");
            out.push_str(&d.to_string_in(language));
            out.push('\n');
        }
    }
    if !plan.record_diagnostics.is_empty() {
        out.push('\n');
        out.push_str(&p.records.to_uppercase());
        out.push('\n');
        for d in &plan.record_diagnostics {
            out.push_str("- ");
            out.push_str(&d.to_string_in(language));
            out.push('\n');
        }
    }
    out
}
