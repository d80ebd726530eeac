//! The network as a workbook: the sites (the CSV's rows), the overdue actions, the engagement
//! table. Texts are shared strings, dates date cells; no formula.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::Network;
use super::csv::{Cell, cells, headers};
use super::rows::{site_label, target, words};
use crate::plan::Standing;
use crate::{Error, Language};

fn writer_error(e: &XlsxError) -> Error {
    Error::InvalidValue {
        what: "network workbook",
        value: e.to_string(),
        reason: "the workbook writer refused it",
    }
}

/// The serial number of a date in the 1900 date system, for dates from March 1900 on (day 0
/// is 1899-12-30, which absorbs Lotus's 29 February 1900).
fn serial(day: chrono::NaiveDate) -> f64 {
    let zero = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    f64::from(i32::try_from((day - zero).num_days()).unwrap_or(i32::MAX))
}

struct Styles {
    header: Format,
    date: Format,
}

fn header_row(ws: &mut Worksheet, names: &[&str], styles: &Styles) -> Result<(), XlsxError> {
    for (col, name) in names.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *name, &styles.header)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    styles: &Styles,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(t) if !t.is_empty() => {
            ws.write_string(row, col, t.as_str())?;
        }
        Cell::Date(Some(day)) => {
            ws.write_number_with_format(row, col, serial(*day), &styles.date)?;
        }
        Cell::Number(Some(n)) => {
            ws.write_number(row, col, *n)?;
        }
        Cell::Text(_) | Cell::Date(None) | Cell::Number(None) => {}
    }
    Ok(())
}

/// Writes the workbook of `network`.
pub(super) fn write(network: &Network, language: Language) -> Result<Vec<u8>, Error> {
    build(network, language).map_err(|e| writer_error(&e))
}

fn build(network: &Network, language: Language) -> Result<Vec<u8>, XlsxError> {
    let p = words(language);
    let styles = Styles {
        header: Format::new().set_bold().set_text_wrap(),
        date: Format::new().set_num_format(match language {
            Language::Fr => "dd/mm/yyyy",
            Language::En => "yyyy-mm-dd",
        }),
    };
    let mut book = Workbook::new();

    let ws = book.add_worksheet();
    ws.set_name(p.sheet_sites)?;
    let names = headers(language);
    header_row(ws, &names, &styles)?;
    for (r, site) in network.sites.iter().enumerate() {
        let row = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (col, cell) in cells(site, language).iter().enumerate() {
            write_cell(ws, row, col as u16, cell, &styles)?;
        }
    }
    for (col, width) in [
        8, 16, 16, 28, 14, 12, 12, 12, 12, 22, 30, 10, 10, 16, 12, 12, 10, 10, 12, 8,
    ]
    .iter()
    .enumerate()
    {
        ws.set_column_width(col as u16, *width)?;
    }

    let ws = book.add_worksheet();
    ws.set_name(p.sheet_overdue)?;
    header_row(
        ws,
        &[
            p.departement,
            p.site,
            p.engagement,
            p.finding,
            p.action,
            p.leader,
            p.due,
            p.days_late,
            p.file,
        ],
        &styles,
    )?;
    let mut row = 1_u32;
    for o in &network.summary.overdue {
        let Some(site) = network.sites.get(o.site) else {
            continue;
        };
        for a in site
            .actions
            .iter()
            .filter(|a| a.standing == Standing::Overdue)
        {
            let file = site
                .audits
                .get(a.entry.origin.audit.unwrap_or(usize::MAX))
                .map(|x| x.file.clone())
                .unwrap_or_default();
            let row_cells = [
                Cell::Text(site.site.departement.to_string()),
                Cell::Text(site_label(&site.site, language)),
                Cell::Text(target(a, language)),
                Cell::Text(a.entry.finding.clone()),
                Cell::Text(a.entry.action.clone().unwrap_or_default()),
                Cell::Text(a.entry.leader.clone().unwrap_or_default()),
                Cell::Date(a.entry.due),
                Cell::Number(
                    a.days_left
                        .map(|d| f64::from(i32::try_from(-d).unwrap_or(i32::MAX))),
                ),
                Cell::Text(file),
            ];
            for (col, cell) in row_cells.iter().enumerate() {
                write_cell(ws, row, col as u16, cell, &styles)?;
            }
            row += 1;
        }
    }
    for (col, width) in [8, 28, 22, 50, 40, 24, 12, 10, 40].iter().enumerate() {
        ws.set_column_width(col as u16, *width)?;
    }

    let ws = book.add_worksheet();
    ws.set_name(p.sheet_engagements)?;
    let years: std::collections::BTreeSet<i32> = network
        .summary
        .engagements
        .iter()
        .flat_map(|e| e.years.iter().map(|y| y.year))
        .collect();
    let mut names: Vec<String> = [
        p.module,
        p.engagement,
        p.title_column,
        "NC min",
        "NC Maj",
        p.concerns,
        p.assessed,
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for y in &years {
        names.push(format!("{} {y}", p.nonconforming));
        names.push(format!("{} {y}", p.concerns));
    }
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    header_row(ws, &refs, &styles)?;
    for (r, e) in network.summary.engagements.iter().enumerate() {
        let row = u32::try_from(r + 1).unwrap_or(u32::MAX);
        let mut row_cells = vec![
            Cell::Number(Some(f64::from(e.module.get()))),
            Cell::Number(Some(f64::from(e.engagement.get()))),
            Cell::Text(e.title.clone()),
            Cell::Number(Some(f64::from(e.minor))),
            Cell::Number(Some(f64::from(e.major))),
            Cell::Number(Some(f64::from(e.concerns))),
            Cell::Number(Some(f64::from(e.assessed))),
        ];
        for y in &years {
            let tally = e.years.iter().find(|t| t.year == *y);
            row_cells.push(Cell::Number(Some(f64::from(
                tally.map_or(0, |t| t.nonconforming),
            ))));
            row_cells.push(Cell::Number(Some(f64::from(
                tally.map_or(0, |t| t.concerns),
            ))));
        }
        for (col, cell) in row_cells.iter().enumerate() {
            write_cell(ws, row, col as u16, cell, &styles)?;
        }
    }
    ws.set_column_width(2, 60)?;
    book.save_to_buffer()
}
