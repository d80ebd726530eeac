//! Reads a workbook (.xlsx, .ods, and the other formats calamine knows) into sheets of cells.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use crate::Error;
use crate::grid::cells::{SheetData, Value, serial_date};

/// Every sheet of the workbook in `bytes`, in the workbook's order.
pub(crate) fn sheets(bytes: &[u8]) -> Result<Vec<SheetData>, Error> {
    crate::check_size(bytes.len())?;
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    let names = book.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = book.worksheet_range(&name).map_err(|_| not_a_workbook())?;
        let mut rows: Vec<Vec<Value>> = Vec::new();
        for (row, col, data) in range.used_cells() {
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let (row, col) = (row + r0 as usize, col + c0 as usize);
            let value = value(data);
            if value.is_empty() {
                continue;
            }
            if rows.len() <= row {
                rows.resize(row + 1, Vec::new());
            }
            if let Some(cells) = rows.get_mut(row) {
                if cells.len() <= col {
                    cells.resize(col + 1, Value::Empty);
                }
                if let Some(cell) = cells.get_mut(col) {
                    *cell = value;
                }
            }
        }
        sheets.push(SheetData { name, rows });
    }
    Ok(sheets)
}

fn not_a_workbook() -> Error {
    Error::InvalidValue {
        what: "audit grid",
        value: "workbook".to_owned(),
        reason: "not a spreadsheet that can be read (.xlsx, .ods)",
    }
}

fn value(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        // `#N/A`, `#REF!`…: kept as text, so that the cell is reported where it stands.
        Data::Error(e) => Value::Text(e.to_string()),
        Data::String(s) | Data::DurationIso(s) => Value::text(s),
        // Integers well within f64's exact range in any grid.
        #[allow(clippy::cast_precision_loss)]
        Data::Int(n) => Value::Number(*n as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|t| Value::Date(t.date()))
            .or_else(|| serial_date(d.as_f64()).map(Value::Date))
            .unwrap_or(Value::Number(d.as_f64())),
        Data::DateTimeIso(s) => {
            let day = s.get(..10).unwrap_or(s);
            Value::text(day)
        }
    }
}
