//! Reads a workbook (.xlsx, .ods, and the other formats calamine knows) into sheets of cells.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use crate::Error;
use crate::grid::cells::{SheetData, Value, serial_date};

/// The farthest row and column (0-based, exclusive) a grid's cell may stand in. A grid has a few
/// hundred rows and a dozen columns; the bounds keep a small workbook that names a cell far away
/// (`XFD1048576`) from making the reader allocate for every cell before it.
pub(crate) const MAX_ROWS: u32 = 100_000;
/// See [`MAX_ROWS`].
pub(crate) const MAX_COLUMNS: u32 = 1_000;

/// Every sheet of the workbook in `bytes`, in the workbook's order. An `.xlsx` is read cell by
/// cell (a cell beyond [`MAX_ROWS`] × [`MAX_COLUMNS`] is refused); other formats (`.ods`) go
/// through calamine's ranges, whose extent is checked before any cell is copied.
pub(crate) fn sheets(bytes: &[u8]) -> Result<Vec<SheetData>, Error> {
    crate::check_size(bytes.len())?;
    // calamine 0.35 multiplies unchecked cell coordinates: a damaged cell reference overflows,
    // which panics where overflow checks are on (debug builds). A workbook that does that is not
    // a grid; the panic must not reach the caller.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_sheets(bytes)))
        .unwrap_or_else(|_| Err(not_a_workbook()))
}

fn read_sheets(bytes: &[u8]) -> Result<Vec<SheetData>, Error> {
    if let Ok(mut xlsx) = calamine::Xlsx::new(Cursor::new(bytes)) {
        return xlsx_sheets(&mut xlsx);
    }
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    let names = book.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = book.worksheet_range(&name).map_err(|_| not_a_workbook())?;
        let mut rows = Rows::default();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        if let Some((r1, c1)) = range.end() {
            check_extent(&name, r1, c1)?;
        }
        for (row, col, data) in range.used_cells() {
            rows.put(row + r0 as usize, col + c0 as usize, value(data));
        }
        sheets.push(SheetData { name, rows: rows.0 });
    }
    Ok(sheets)
}

/// The sheets of an `.xlsx`, read cell by cell without building calamine's dense ranges.
fn xlsx_sheets(xlsx: &mut calamine::Xlsx<Cursor<&[u8]>>) -> Result<Vec<SheetData>, Error> {
    let names = xlsx.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let mut rows = Rows::default();
        let mut cells = xlsx
            .worksheet_cells_reader(&name)
            .map_err(|_| not_a_workbook())?;
        while let Some(cell) = cells.next_cell().map_err(|_| not_a_workbook())? {
            let (row, col) = cell.get_position();
            check_extent(&name, row, col)?;
            let data = Data::from(cell.get_value().clone());
            rows.put(row as usize, col as usize, value(&data));
        }
        drop(cells);
        sheets.push(SheetData { name, rows: rows.0 });
    }
    Ok(sheets)
}

/// Refuses a cell (or a range's last cell) beyond the grid's bounds.
fn check_extent(sheet: &str, row: u32, col: u32) -> Result<(), Error> {
    if row < MAX_ROWS && col < MAX_COLUMNS {
        return Ok(());
    }
    Err(Error::InvalidValue {
        what: "audit grid",
        value: format!("{sheet}!R{}C{}", u64::from(row) + 1, u64::from(col) + 1),
        reason: "a cell stands beyond the grid's bounds (100 000 rows, 1 000 columns)",
    })
}

/// A sheet's non-empty cells, row by row.
#[derive(Default)]
struct Rows(Vec<Vec<Value>>);

impl Rows {
    fn put(&mut self, row: usize, col: usize, value: Value) {
        if value.is_empty() {
            return;
        }
        if self.0.len() <= row {
            self.0.resize(row + 1, Vec::new());
        }
        if let Some(cells) = self.0.get_mut(row) {
            if cells.len() <= col {
                cells.resize(col + 1, Value::Empty);
            }
            if let Some(cell) = cells.get_mut(col) {
                *cell = value;
            }
        }
    }
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
