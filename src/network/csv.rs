//! The network as one CSV table, a row per site: `;` separated, UTF-8 with a byte-order mark,
//! CRLF; headers in the language; every cell through [`csv_neutralise`](crate::text::csv_neutralise).

use super::rows::{site_label, words};
use super::{Network, NetworkSite};
use crate::Language;

/// The headers of the sites' table (CSV and the workbook's first sheet).
pub(super) fn headers(language: Language) -> Vec<&'static str> {
    let p = words(language);
    vec![
        p.departement,
        p.administration,
        p.city,
        p.site,
        p.state,
        p.modules,
        p.since,
        p.until,
        p.last_audit,
        p.audit_type,
        p.outcome,
        p.rate,
        p.trend_label,
        p.next_audit,
        p.opens,
        p.due,
        p.closes,
        p.open_actions,
        p.overdue_actions,
        p.oldest_due,
        p.audits,
    ]
}

/// A cell of the sites' table: text, or a date (ISO in CSV, a date cell in the workbook), or a
/// number.
pub(super) enum Cell {
    Text(String),
    Date(Option<chrono::NaiveDate>),
    Number(Option<f64>),
}

/// The cells of one site's row, in the order of [`headers`].
pub(super) fn cells(site: &NetworkSite, language: Language) -> Vec<Cell> {
    let p = words(language);
    let last = site.last();
    let first_module = site.status.modules.first();
    vec![
        Cell::Text(site.site.departement.to_string()),
        Cell::Text(crate::i18n::administration(site.site.administration, language).to_owned()),
        Cell::Text(site.site.city.clone()),
        Cell::Text(
            site.site
                .name
                .clone()
                .unwrap_or_else(|| site_label(&site.site, language)),
        ),
        Cell::Text((p.label_state)(site.status.state).to_owned()),
        Cell::Text(
            site.status
                .modules
                .iter()
                .map(|m| m.module.get().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Cell::Date(site.status.modules.iter().map(|m| m.since).min()),
        Cell::Date(first_module.map(|m| m.until)),
        Cell::Date(last.map(|a| a.dates.end)),
        Cell::Text(last.map_or_else(String::new, |a| {
            (p.kind)(a.kind.internal, a.kind.audit_type).to_owned()
        })),
        Cell::Text(last.map_or_else(String::new, |a| a.outcome_label(language))),
        Cell::Number(
            last.and_then(|a| a.rate)
                .map(|r| f64::from(r.tenths_of_percent()) / 10.0),
        ),
        Cell::Text(
            site.trend
                .map_or_else(String::new, |t| (p.trend)(t).to_owned()),
        ),
        Cell::Text(site.status.next.map_or_else(String::new, |n| {
            (p.kind)(false, Some(n.audit_type)).to_owned()
        })),
        Cell::Date(site.status.next.and_then(|n| n.window_start)),
        Cell::Date(site.status.next.map(|n| n.due)),
        Cell::Date(site.status.next.map(|n| n.window_end)),
        Cell::Number(Some(f64::from(site.open_actions))),
        Cell::Number(Some(f64::from(site.overdue_actions))),
        Cell::Date(site.oldest_overdue()),
        Cell::Number(Some(f64::from(
            u32::try_from(site.audits.len()).unwrap_or(u32::MAX),
        ))),
    ]
}

/// Writes one field, quoted when it holds the separator, a quote or a line break (or starts or
/// ends with a blank), after [`csv_neutralise`](crate::text::csv_neutralise).
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

fn push_record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        push_field(out, f);
    }
    out.push_str("\r\n");
}

/// A number as CSV writes it: one decimal at most, the language's decimal mark.
fn number(n: f64, language: Language) -> String {
    let text = if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        format!("{n:.1}")
    };
    match language {
        Language::Fr => text.replace('.', ","),
        Language::En => text,
    }
}

/// Writes the network's sites as CSV.
pub(super) fn write(network: &Network, language: Language) -> String {
    let mut out = String::with_capacity(512 + network.sites.len() * 256);
    out.push('\u{feff}');
    push_record(&mut out, headers(language));
    for site in &network.sites {
        let texts: Vec<String> = cells(site, language)
            .into_iter()
            .map(|c| match c {
                Cell::Text(t) => t,
                Cell::Date(d) => d
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                Cell::Number(n) => n.map(|n| number(n, language)).unwrap_or_default(),
            })
            .collect();
        push_record(&mut out, texts.iter().map(String::as_str));
    }
    out
}
