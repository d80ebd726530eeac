//! The plan as Markdown: the same content as the text, each standing's actions as one table.
//! Every text goes through the report's Markdown escape.

use super::text::{SHOWN, STANDINGS, audit_lines, cell_text, label_lines, site_line, title};
use super::{Plan, columns};
use crate::Language;
use crate::report::markdown::escape;

/// A table cell: escaped, its line breaks as `<br>` (a Markdown table cell is one line).
fn cell(text: &str) -> String {
    escape(text).replace('\n', "<br>")
}

/// Writes the plan as Markdown.
pub(super) fn write(plan: &Plan, language: Language) -> String {
    let p = super::phrases::of(language);
    let mut out = String::with_capacity(2048 + plan.actions.len() * 512);
    out.push_str("# ");
    out.push_str(&escape(&title(plan, language)));
    out.push_str("\n\n");
    if let Some(site) = site_line(plan, language) {
        out.push_str(&escape(&site));
        out.push_str("\n\n");
    }
    out.push_str("## ");
    out.push_str(p.audits);
    out.push_str("\n\n");
    for line in audit_lines(plan, language) {
        out.push_str("- ");
        out.push_str(&escape(&line));
        out.push('\n');
    }
    out.push('\n');
    for line in label_lines(plan, language) {
        out.push_str(&escape(&line));
        out.push_str("\n\n");
    }
    if plan.actions.is_empty() {
        out.push_str(&escape(p.none));
        out.push('\n');
    } else {
        out.push_str(&escape(&(p.totals)(&plan.totals)));
        out.push('\n');
    }
    for standing in STANDINGS {
        let mut actions = plan.actions_of(standing).peekable();
        if actions.peek().is_none() {
            continue;
        }
        out.push_str("\n## ");
        out.push_str(&escape((p.standing)(standing)));
        out.push_str("\n\n|");
        for column in SHOWN {
            out.push(' ');
            out.push_str(&cell(&columns::heading(plan, column, language)));
            out.push_str(" |");
        }
        out.push_str("\n|");
        out.push_str(&"---|".repeat(SHOWN.len()));
        out.push('\n');
        for a in actions {
            out.push('|');
            for column in SHOWN {
                out.push(' ');
                out.push_str(&cell(&cell_text(plan, a, column, language)));
                out.push_str(" |");
            }
            out.push('\n');
        }
    }
    for (heading, lines) in [
        (
            p.diagnostics,
            plan.diagnostics
                .iter()
                .map(|d| d.to_string_in(language))
                .collect::<Vec<_>>(),
        ),
        (
            p.records,
            plan.record_diagnostics
                .iter()
                .map(|d| d.to_string_in(language))
                .collect(),
        ),
    ] {
        if lines.is_empty() {
            continue;
        }
        out.push_str("\n## ");
        out.push_str(heading);
        out.push_str("\n\n");
        for line in lines {
            out.push_str("- ");
            out.push_str(&escape(&line));
            out.push('\n');
        }
    }
    out
}
