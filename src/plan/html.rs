//! The plan as one self-contained HTML page. Every text, generated or from the audits, goes
//! through the report's HTML escape.

use super::text::{STANDINGS, action_cells, audit_label, or, preventive_label, title};
use super::{Plan, Standing};
use crate::Language;
use crate::report::html::escape;

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}\
table{border-collapse:collapse;width:100%;margin:1rem 0}\
th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}\
th{background:#eef}\
tr.overdue td:first-child{border-left:4px solid #b00020}\
tr.due_soon td:first-child{border-left:4px solid #c77c00}\
tr.open td:first-child{border-left:4px solid #1f5fa8}\
tr.lifted td:first-child{border-left:4px solid #2e7d32}";

fn cell(out: &mut String, tag: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    out.push_str(&escape(text));
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

fn row(out: &mut String, class: Option<Standing>, tag: &str, cells: &[&str]) {
    match class {
        Some(s) => {
            out.push_str("<tr class=\"");
            out.push_str(s.code());
            out.push_str("\">");
        }
        None => out.push_str("<tr>"),
    }
    for c in cells {
        cell(out, tag, c);
    }
    out.push_str("</tr>\n");
}

/// Writes the plan as HTML.
pub(super) fn write(plan: &Plan, language: Language) -> String {
    let p = super::phrases::of(language);
    let several = plan.audits.len() > 1;
    let heading = title(plan, language);
    let mut out = String::with_capacity(2048 + plan.actions.len() * 768);
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(language.code());
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    cell(&mut out, "title", &heading);
    out.push_str("\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    cell(&mut out, "h1", &heading);
    out.push('\n');
    let mut audits = String::from(p.audits);
    audits.push_str(p.colon.trim_end());
    cell(&mut out, "p", &audits);
    out.push_str("\n<ul>\n");
    for index in 0..plan.audits.len() {
        cell(&mut out, "li", &audit_label(plan, index, language));
        out.push('\n');
    }
    out.push_str("</ul>\n");
    let policy = (p.policy)(
        plan.policy.deadline_months,
        plan.policy.major_deadline_months,
    );
    cell(&mut out, "p", &policy);
    out.push('\n');
    cell(&mut out, "p", &(p.totals)(&plan.totals, plan.due_soon_days));
    out.push('\n');
    if plan.actions.is_empty() {
        cell(&mut out, "p", p.none);
        out.push('\n');
    }
    for standing in STANDINGS {
        let mut actions = plan.actions_of(standing).peekable();
        if actions.peek().is_none() {
            continue;
        }
        cell(&mut out, "h2", (p.standing)(standing));
        out.push_str("\n<table>\n");
        let mut head = vec![
            p.grade, p.target, p.finding, p.action, p.leader, p.due, p.status,
        ];
        if several {
            head.push(p.audit);
        }
        row(&mut out, None, "th", &head);
        for a in actions {
            let cells = action_cells(plan, a, several, language);
            let cells: Vec<&str> = cells.iter().map(AsRef::as_ref).collect();
            row(&mut out, Some(standing), "td", &cells);
        }
        out.push_str("</table>\n");
    }
    cell(&mut out, "h2", p.preventive);
    out.push('\n');
    if plan.preventive.is_empty() {
        cell(&mut out, "p", p.no_preventive);
        out.push('\n');
    } else {
        out.push_str("<table>\n");
        row(&mut out, None, "th", &[p.target, p.point, p.risk]);
        for a in &plan.preventive {
            let label = preventive_label(plan, a, language);
            let risk = or(a.risk.as_deref(), p.not_stated);
            row(&mut out, None, "td", &[&label, &a.text, risk]);
        }
        out.push_str("</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
