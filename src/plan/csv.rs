//! Reads a kept plan written as CSV (feature `csv`).

use super::kept::{Cell, records};
use crate::Error;
use crate::dossier::ActionRecord;

/// The most rows and columns a kept plan may have: the audit grid's bounds.
const MAX_ROWS: usize = 100_000;
const MAX_COLUMNS: usize = 100;

fn refused(value: String, reason: &'static str) -> Error {
    Error::InvalidValue {
        what: "plan d'actions",
        value,
        reason,
    }
}

pub(super) fn read(bytes: &[u8]) -> Result<Vec<ActionRecord>, Error> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| refused("CSV".to_owned(), "a CSV plan is read in UTF-8"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains(';') || !first.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (line, row) in reader.records().enumerate() {
        let row = row.map_err(|e| {
            refused(
                format!("line {}", line + 1),
                if e.is_io_error() {
                    "the CSV cannot be read"
                } else {
                    "a line of the CSV cannot be read"
                },
            )
        })?;
        if rows.len() >= MAX_ROWS || row.len() > MAX_COLUMNS {
            return Err(refused(
                format!("line {}", line + 1),
                "a cell stands beyond the grid's bounds (100 000 rows, 100 columns)",
            ));
        }
        rows.push(
            row.iter()
                .map(|t| {
                    if t.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(t.to_owned())
                    }
                })
                .collect::<Vec<_>>(),
        );
    }
    records(&rows, &|r, c| super::kept::cell_name("CSV", r, c))
}
