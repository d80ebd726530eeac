//! The plan as one CSV table: the kept plan's columns, a row per action by number.

use super::Plan;
use super::columns::{self, COLUMNS, Value};
use crate::Language;
use crate::i18n::push_date;

/// Writes one field, quoted when it holds the separator, a quote or a line break (or starts or
/// ends with a blank, which spreadsheet programs would drop), and with a `'` before a text a
/// spreadsheet would open as a formula (`=`, `+`, `-`, `@`…).
fn push_field(out: &mut String, field: &str) {
    let field = &*crate::text::csv_neutralise(field);
    let quote = field.contains([';', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if quote {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Writes the plan as CSV.
pub(super) fn write(plan: &Plan, language: Language) -> String {
    let mut out = String::with_capacity(1024 + plan.actions.len() * 512);
    out.push('\u{feff}');
    for (i, column) in COLUMNS.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        push_field(&mut out, &columns::heading(plan, *column, language));
    }
    out.push_str("\r\n");
    for a in plan.by_number() {
        for (i, column) in COLUMNS.iter().enumerate() {
            if i > 0 {
                out.push(';');
            }
            match columns::value(plan, a, *column, language) {
                Value::Text(t) => push_field(&mut out, &t),
                Value::Number(n) => out.push_str(&n.to_string()),
                Value::Date(Some(d)) => push_date(&mut out, d, language),
                Value::Date(None) => {}
            }
        }
        out.push_str("\r\n");
    }
    out
}
