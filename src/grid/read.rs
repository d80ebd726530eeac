//! Reads a workbook (.xlsx, .ods) into sheets of cells. The other formats calamine knows (.xls,
//! .xlsb) are refused: their reader builds a dense range of every cell up to the farthest one
//! before the grid's bounds can be checked.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Reader};

use crate::Error;
use crate::grid::cells::{SheetData, Value, cell_name, serial_date};
use crate::grid::limits::{
    Budget, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, beyond_bounds, cell_too_long,
};
use crate::grid::package::{self, Formula};

/// Every sheet of the workbook in `bytes`, in the workbook's order. The package is measured
/// first ([`package::check`]), so that calamine unpacks only what passes the grid's bounds. An
/// `.xlsx` is read cell by cell (a cell beyond [`MAX_ROWS`] × [`MAX_COLUMNS`] is refused, and
/// the cells stored and their text count against the [`Budget`]); an `.ods` goes through
/// calamine's dense ranges, whose filled extent and text the package check measures.
pub(crate) fn sheets(bytes: &[u8]) -> Result<Vec<SheetData>, Error> {
    crate::check_size(bytes.len())?;
    let package = package::check(bytes)?;
    // calamine 0.35 multiplies unchecked cell coordinates: a damaged cell reference overflows,
    // which panics where overflow checks are on (debug builds). A workbook that does that is not
    // a grid; the panic must not reach the caller.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_sheets(bytes, package)))
        .unwrap_or_else(|_| Err(not_a_workbook()))
}

fn read_sheets(bytes: &[u8], mut package: package::Package) -> Result<Vec<SheetData>, Error> {
    if let Ok(mut xlsx) = calamine::Xlsx::new(Cursor::new(bytes)) {
        return xlsx_sheets(&mut xlsx, &mut package);
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
            let (row, col) = (row + r0 as usize, col + c0 as usize);
            rows.put(&name, row, col, value(data), &mut budget)?;
        }
        sheets.push(sheet(name, rows, &mut package));
    }
    Ok(sheets)
}

/// The sheets of an `.xlsx`, read cell by cell without building calamine's dense ranges.
fn xlsx_sheets(
    xlsx: &mut calamine::Xlsx<Cursor<&[u8]>>,
    package: &mut package::Package,
) -> Result<Vec<SheetData>, Error> {
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
            rows.put(&name, row as usize, col as usize, value(&data), &mut budget)?;
        }
        drop(cells);
        sheets.push(sheet(name, rows, package));
    }
    Ok(sheets)
}

/// The sheet `name` of `rows`, with its formulas from the package.
fn sheet(name: String, rows: Rows, package: &mut package::Package) -> SheetData {
    let formulas: HashMap<(usize, usize), String> = package
        .formulas
        .remove(&name)
        .unwrap_or_default()
        .into_iter()
        .map(|(r, c, f): Formula| ((r as usize, c as usize), f))
        .collect();
    SheetData {
        name,
        rows: rows.0,
        formulas,
    }
}

/// Refuses a cell (or a range's last cell) beyond the grid's bounds.
fn check_extent(sheet: &str, row: u32, col: u32) -> Result<(), Error> {
    if row < MAX_ROWS && col < MAX_COLUMNS {
        return Ok(());
    }
    Err(beyond_bounds(sheet, u64::from(row), u64::from(col)))
}

/// A sheet's non-empty cells, row by row.
#[derive(Default)]
struct Rows(Vec<Vec<Value>>);

impl Rows {
    /// Stores `value` at `row`, `col` of `sheet`, counting in `budget` the rows and cells it
    /// adds and its text; a text longer than a cell's [`MAX_CELL_CHARS`] is refused.
    fn put(
        &mut self,
        sheet: &str,
        row: usize,
        col: usize,
        value: Value,
        budget: &mut Budget,
    ) -> Result<(), Error> {
        if value.is_empty() {
            return Ok(());
        }
        if let Value::Text(text) = &value {
            budget.text(text.len())?;
            // Counted in bytes first: a text of fewer bytes has fewer characters.
            if text.len() > MAX_CELL_CHARS {
                let chars = text.chars().count();
                if chars > MAX_CELL_CHARS {
                    return Err(cell_too_long(&cell_name(sheet, row, col), chars));
                }
            }
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
        // A date and time (.ods) is read as text, whole: a value that is no date is reported
        // as written.
        Data::String(s) | Data::DurationIso(s) | Data::DateTimeIso(s) => Value::text(s),
        // Integers well within f64's exact range in any grid.
        #[allow(clippy::cast_precision_loss)]
        Data::Int(n) => Value::Number(*n as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        // A serial number that is no day of the spreadsheet's calendar (0, which shows as
        // 1899-12-30, NaN, 2958466 of the year 10000) stays the number it is, which the reader
        // reports where a date is expected.
        Data::DateTime(d) => d
            .as_datetime()
            .filter(|_| serial_date(d.as_f64().floor()).is_some())
            .map_or(Value::Number(d.as_f64()), |t| Value::Date(t.date())),
    }
}
