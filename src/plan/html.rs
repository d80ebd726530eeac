//! The plan as one self-contained HTML page, laid out to print on A4 landscape. Every text,
//! generated or from the audits, goes through the report's HTML escape.

use super::text::{SHOWN, STANDINGS, audit_lines, cell_text, label_lines, site_line, title};
use super::{Plan, Standing, columns};
use crate::Language;
use crate::report::html::escape;

const STYLE: &str = "@page{size:A4 landscape;margin:12mm}\
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b;font-size:10pt}\
h1{font-size:16pt}h2{font-size:12pt;margin-top:1.2rem;break-after:avoid}\
td:nth-child(4){min-width:9em}td:nth-child(6){min-width:14em}td:nth-child(9){min-width:10em}\
table{border-collapse:collapse;width:100%;margin:.5rem 0;table-layout:auto}\
th,td{border:1px solid #999;padding:.2rem .35rem;text-align:left;vertical-align:top;\
white-space:pre-line}\
th{background:#e8ecf4}\
thead{display:table-header-group}tr{break-inside:avoid}\
tr.overdue td:first-child{border-left:4px solid #b00020}\
tr.due_soon td:first-child{border-left:4px solid #c77c00}\
tr.open td:first-child{border-left:4px solid #1f5fa8}\
tr.carried_over td:first-child{border-left:4px solid #777}\
tr.done td:first-child{border-left:4px solid #2e7d32}\
p.note{color:#444}";

fn element(out: &mut String, tag: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    out.push_str(&escape(text));
    out.push_str("</");
    out.push_str(tag);
    out.push_str(">\n");
}

/// Writes the plan as HTML.
pub(super) fn write(plan: &Plan, language: Language) -> String {
    let p = super::phrases::of(language);
    let heading = title(plan, language);
    let mut out = String::with_capacity(4096 + plan.actions.len() * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(language.code());
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    out.push_str(&escape(&heading));
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    element(&mut out, "h1", &heading);
    if let Some(site) = site_line(plan, language) {
        element(&mut out, "p", &site);
    }
    element(&mut out, "h2", p.audits);
    out.push_str("<ul>\n");
    for line in audit_lines(plan, language) {
        element(&mut out, "li", &line);
    }
    out.push_str("</ul>\n");
    for line in label_lines(plan, language) {
        out.push_str("<p class=\"note\">");
        out.push_str(&escape(&line));
        out.push_str("</p>\n");
    }
    element(
        &mut out,
        "p",
        &if plan.actions.is_empty() {
            p.none.to_owned()
        } else {
            (p.totals)(&plan.totals)
        },
    );
    for standing in STANDINGS {
        let mut actions = plan.actions_of(standing).peekable();
        if actions.peek().is_none() {
            continue;
        }
        element(&mut out, "h2", (p.standing)(standing));
        out.push_str("<table>\n<thead><tr>");
        for column in SHOWN {
            out.push_str("<th>");
            out.push_str(&escape(&columns::heading(plan, column, language)));
            out.push_str("</th>");
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for a in actions {
            out.push_str("<tr class=\"");
            out.push_str(Standing::code(a.standing));
            out.push_str("\">");
            for column in SHOWN {
                out.push_str("<td>");
                out.push_str(&escape(&cell_text(plan, a, column, language)));
                out.push_str("</td>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
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
        element(&mut out, "h2", heading);
        out.push_str("<ul>\n");
        for line in lines {
            element(&mut out, "li", &line);
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
