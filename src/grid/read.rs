//! Reads a workbook (.xlsx, .ods) into sheets of cells. The other formats calamine knows (.xls,
//! .xlsb) are refused: their reader builds a dense range of every cell up to the farthest one
//! before the grid's bounds can be checked.

use std::io::Cursor;

use calamine::{Data, Reader};

use crate::Error;
use crate::grid::cells::{Budget, SheetData, Value, serial_date};

/// The farthest row and column (0-based, exclusive) a grid's cell may stand in. A grid has a few
/// hundred rows and a dozen columns; the bounds keep a small workbook that names a cell far away
/// (`XFD1048576`) from making the reader allocate for every cell before it.
pub(crate) const MAX_ROWS: u32 = 100_000;
/// See [`MAX_ROWS`].
pub(crate) const MAX_COLUMNS: u32 = 100;

/// Every sheet of the workbook in `bytes`, in the workbook's order. An `.xlsx` is read cell by
/// cell (a cell beyond [`MAX_ROWS`] × [`MAX_COLUMNS`] is refused, and the cells stored count
/// against [`MAX_CELLS`](crate::grid::cells::MAX_CELLS)); an `.ods` goes through calamine's
/// dense ranges, whose filled extent the package check measures before calamine unpacks it.
pub(crate) fn sheets(bytes: &[u8]) -> Result<Vec<SheetData>, Error> {
    crate::check_size(bytes.len())?;
    crate::grid::package::check(bytes)?;
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
    let mut book = calamine::Ods::new(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    let names = book.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    let mut budget = Budget::default();
    for name in names {
        let range = book.worksheet_range(&name).map_err(|_| not_a_workbook())?;
        let mut rows = Rows::default();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        if let Some((r1, c1)) = range.end() {
            check_extent(&name, r1, c1)?;
        }
        for (row, col, data) in range.used_cells() {
            rows.put(
                row + r0 as usize,
                col + c0 as usize,
                value(data),
                &mut budget,
            )?;
        }
        sheets.push(SheetData { name, rows: rows.0 });
    }
    Ok(sheets)
}

/// The sheets of an `.xlsx`, read cell by cell without building calamine's dense ranges.
fn xlsx_sheets(xlsx: &mut calamine::Xlsx<Cursor<&[u8]>>) -> Result<Vec<SheetData>, Error> {
    let names = xlsx.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    let mut budget = Budget::default();
    for name in names {
        let mut rows = Rows::default();
        let mut cells = xlsx
            .worksheet_cells_reader(&name)
            .map_err(|_| not_a_workbook())?;
        while let Some(cell) = cells.next_cell().map_err(|_| not_a_workbook())? {
            let (row, col) = cell.get_position();
            check_extent(&name, row, col)?;
            let data = Data::from(cell.get_value().clone());
            rows.put(row as usize, col as usize, value(&data), &mut budget)?;
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
    Err(beyond_bounds(sheet, u64::from(row), u64::from(col)))
}

/// The error for a cell at `row`, `col` (0-based) beyond the grid's bounds.
pub(crate) fn beyond_bounds(sheet: &str, row: u64, col: u64) -> Error {
    Error::InvalidValue {
        what: "audit grid",
        value: format!(
            "{sheet}!R{}C{}",
            row.saturating_add(1),
            col.saturating_add(1)
        ),
        reason: "a cell stands beyond the grid's bounds (100 000 rows, 100 columns)",
    }
}

/// A sheet's non-empty cells, row by row.
#[derive(Default)]
struct Rows(Vec<Vec<Value>>);

impl Rows {
    /// Stores `value` at `row`, `col`, counting in `budget` the rows and cells it adds.
    fn put(
        &mut self,
        row: usize,
        col: usize,
        value: Value,
        budget: &mut Budget,
    ) -> Result<(), Error> {
        if value.is_empty() {
            return Ok(());
        }
        if self.0.len() <= row {
            budget.take(row + 1 - self.0.len())?;
            self.0.resize(row + 1, Vec::new());
        }
        if let Some(cells) = self.0.get_mut(row) {
            if cells.len() <= col {
                budget.take(col + 1 - cells.len())?;
                cells.resize(col + 1, Value::Empty);
            }
            if let Some(cell) = cells.get_mut(col) {
                *cell = value;
            }
        }
        Ok(())
    }
}

pub(crate) fn not_a_workbook() -> Error {
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
