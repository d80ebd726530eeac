//! The plan as Markdown: a heading, the audits, the totals, a table per standing and one of
//! the preventive actions. Every cell goes through the report's Markdown escape.

use super::Plan;
use super::text::{STANDINGS, action_cells, audit_label, or, preventive_label, title};
use crate::Language;
use crate::report::markdown::escape;

fn row(out: &mut String, cells: &[&str]) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        out.push_str(&escape(cell));
        out.push_str(" |");
    }
    out.push('\n');
}

fn header(out: &mut String, cells: &[&str]) {
    row(out, cells);
    out.push('|');
    for _ in cells {
        out.push_str(" --- |");
    }
    out.push('\n');
}

/// Writes the plan as Markdown.
pub(super) fn write(plan: &Plan, language: Language) -> String {
    let p = super::phrases::of(language);
    let several = plan.audits.len() > 1;
    let mut out = String::with_capacity(1024 + plan.actions.len() * 512);
    out.push_str("# ");
    out.push_str(&escape(&title(plan, language)));
    out.push_str("\n\n**");
    out.push_str(p.audits);
    out.push_str("**");
    out.push_str(p.colon.trim_end());
    out.push_str("\n\n");
    for index in 0..plan.audits.len() {
        out.push_str("- ");
        out.push_str(&escape(&audit_label(plan, index, language)));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&escape(&(p.policy)(
        plan.policy.deadline_months,
        plan.policy.major_deadline_months,
    )));
    out.push_str("\n\n");
    out.push_str(&escape(&(p.totals)(&plan.totals, plan.due_soon_days)));
    out.push('\n');
    if plan.actions.is_empty() {
        out.push('\n');
        out.push_str(&escape(p.none));
        out.push('\n');
    }
    for standing in STANDINGS {
        let mut actions = plan.actions_of(standing).peekable();
        if actions.peek().is_none() {
            continue;
        }
        out.push_str("\n## ");
        out.push_str(&escape((p.standing)(standing)));
        out.push_str("\n\n");
        let mut head = vec![
            p.grade, p.target, p.finding, p.action, p.leader, p.due, p.status,
        ];
        if several {
            head.push(p.audit);
        }
        header(&mut out, &head);
        for a in actions {
            let cells = action_cells(plan, a, several, language);
            let cells: Vec<&str> = cells.iter().map(AsRef::as_ref).collect();
            row(&mut out, &cells);
        }
    }
    out.push_str("\n## ");
    out.push_str(&escape(p.preventive));
    out.push_str("\n\n");
    if plan.preventive.is_empty() {
        out.push_str(&escape(p.no_preventive));
        out.push('\n');
        return out;
    }
    header(&mut out, &[p.target, p.point, p.risk]);
    for a in &plan.preventive {
        let label = preventive_label(plan, a, language);
        row(
            &mut out,
            &[&label, &a.text, or(a.risk.as_deref(), p.not_stated)],
        );
    }
    out
}
