//! The kept plan as a workbook (feature `xlsx`): written with rust_xlsxwriter, one landscape
//! sheet with a frozen header, dates as dates and drop-downs for the type and the state; read
//! back (`.xlsx`, `.ods`) with calamine, within the audit grid's bounds.

use std::io::{Cursor, Read};

use calamine::{Data, Reader};
use chrono::Datelike;
use rust_xlsxwriter::{DataValidation, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

use super::Plan;
use super::columns::{self, COLUMNS, Column, Value};
use super::kept::{Cell, cell_name, records, serial_date};
use crate::dossier::{ActionRecord, FindingKind, RecordState};
use crate::{Error, Language};

/// The sheet's name in each language.
pub(super) fn sheet_name(language: Language) -> &'static str {
    match language {
        Language::Fr => "Plan d'actions",
        Language::En => "Action plan",
    }
}

/// Empty rows left below the actions for the quality manager's own.
const SPARE_ROWS: u32 = 30;

fn writer_error(e: &XlsxError) -> Error {
    Error::InvalidValue {
        what: "plan d'actions",
        value: e.to_string(),
        reason: "the workbook writer refused it",
    }
}

pub(super) fn write(plan: &Plan, language: Language) -> Result<Vec<u8>, Error> {
    write_book(plan, language).map_err(|e| writer_error(&e))
}

fn index(column: Column) -> u16 {
    COLUMNS
        .iter()
        .position(|c| *c == column)
        .and_then(|i| u16::try_from(i).ok())
        .unwrap_or(0)
}

fn write_book(plan: &Plan, language: Language) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(language))?;
    let border = |f: Format| {
        f.set_border(FormatBorder::Thin)
            .set_border_color(0x00A0_A0A0)
    };
    let header = border(
        Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color(0x00D9_E1F2),
    );
    let computed_header = border(
        Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color(0x00E7_E6E6),
    );
    let text = border(
        Format::new()
            .set_text_wrap()
            .set_align(rust_xlsxwriter::FormatAlign::Top),
    );
    let computed = border(
        Format::new()
            .set_text_wrap()
            .set_align(rust_xlsxwriter::FormatAlign::Top)
            .set_background_color(0x00F2_F2F2),
    );
    let date = border(
        Format::new()
            .set_num_format("dd/mm/yyyy")
            .set_align(rust_xlsxwriter::FormatAlign::Top),
    );
    for (col, column) in COLUMNS.iter().enumerate() {
        let col = u16::try_from(col).unwrap_or(0);
        let format = if column.is_computed() || *column == Column::Key {
            &computed_header
        } else {
            &header
        };
        ws.write_string_with_format(0, col, columns::heading(plan, *column, language), format)?;
        ws.set_column_width(col, column.width())?;
    }
    let last_col = u16::try_from(COLUMNS.len().saturating_sub(1)).unwrap_or(0);
    let mut row = 1u32;
    for a in plan.by_number() {
        // Spreadsheets do not always fit a row to its wrapped text: its height is set from
        // the longest cell, in lines of the column's width.
        let mut lines = 1usize;
        for (col, column) in COLUMNS.iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(0);
            if let Value::Text(t) = columns::value(plan, a, *column, language) {
                if !column.is_computed() || *column == Column::Situation {
                    lines = lines.max(wrapped_lines(&t, column.width()));
                }
            }
            let format = if column.is_computed() || *column == Column::Key {
                &computed
            } else {
                &text
            };
            match columns::value(plan, a, *column, language) {
                Value::Text(t) if t.is_empty() => {
                    ws.write_blank(row, col, format)?;
                }
                Value::Text(t) => {
                    ws.write_string_with_format(row, col, &t, format)?;
                }
                Value::Number(n) => {
                    ws.write_number_with_format(row, col, f64::from(n), format)?;
                }
                Value::Date(Some(d)) => {
                    let day = ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).unwrap_or(1900),
                        u8::try_from(d.month()).unwrap_or(1),
                        u8::try_from(d.day()).unwrap_or(1),
                    )?;
                    ws.write_datetime_with_format(row, col, &day, &date)?;
                }
                Value::Date(None) => {
                    ws.write_blank(row, col, &date)?;
                }
            }
        }
        let lines = u32::try_from(lines.min(40)).unwrap_or(40);
        ws.set_row_height(row, f64::from(lines) * 12.75)?;
        row += 1;
    }
    let last = row + SPARE_ROWS;
    for r in row..last {
        for (col, column) in COLUMNS.iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(0);
            ws.write_blank(r, col, if column.is_date() { &date } else { &text })?;
        }
    }
    let kinds: Vec<&str> = FindingKind::ALL.iter().map(|k| k.code()).collect();
    let states: Vec<&str> = RecordState::ALL.iter().map(|s| s.label(language)).collect();
    let kind_col = index(Column::Kind);
    let state_col = index(Column::State);
    ws.add_data_validation(
        1,
        kind_col,
        last,
        kind_col,
        &DataValidation::new().allow_list_strings(&kinds)?,
    )?;
    ws.add_data_validation(
        1,
        state_col,
        last,
        state_col,
        &DataValidation::new().allow_list_strings(&states)?,
    )?;
    ws.autofilter(0, 0, last, last_col)?;
    ws.set_freeze_panes(1, 1)?;
    ws.set_repeat_rows(0, 0)?;
    // A plan d'actions of some twenty columns prints on A3 landscape, one page wide, the
    // header repeated; the print area stops at the last action.
    ws.set_landscape();
    ws.set_paper_size(8); // A3
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_area(0, 0, row.saturating_sub(1).max(1), last_col)?;
    ws.set_header(format!(
        "&L&B{}",
        super::text::title(plan, language).replace('&', "&&")
    ));
    ws.set_footer("&R&P / &N");
    ws.set_column_hidden(index(Column::Key))?;
    book.save_to_buffer()
}

/// How many lines `text` takes in a column `width` characters wide, wrapped at spaces.
fn wrapped_lines(text: &str, width: f64) -> usize {
    // Widths are small whole numbers of characters.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let width = (width.max(4.0) as usize).saturating_sub(1);
    text.split('\n')
        .map(|line| {
            let mut count = 1;
            let mut used = 0usize;
            for word in line.split(' ') {
                let n = word.chars().count();
                if used > 0 && used + 1 + n > width {
                    count += 1;
                    used = n;
                } else {
                    used += n + usize::from(used > 0);
                }
                while used > width {
                    count += 1;
                    used -= width;
                }
            }
            count
        })
        .sum()
}

/// The farthest row and column a kept plan's cell may stand in, and the most cells: the audit
/// grid's bounds.
const MAX_ROWS: u32 = 100_000;
const MAX_COLUMNS: u32 = 100;
const MAX_CELLS: usize = 2_000_000;
/// The most bytes a workbook may unpack to: the audit grid's bound.
const MAX_UNPACKED: u64 = 256 * 1024 * 1024;

fn not_a_workbook() -> Error {
    Error::InvalidValue {
        what: "plan d'actions",
        value: "workbook".to_owned(),
        reason: "not a spreadsheet that can be read (.xlsx, .ods)",
    }
}

fn beyond(sheet: &str, row: u32, col: u32) -> Error {
    Error::InvalidValue {
        what: "plan d'actions",
        value: cell_name(sheet, row as usize, col as usize),
        reason: "a cell stands beyond the grid's bounds (100 000 rows, 100 columns, 2 000 000 cells)",
    }
}

/// Refuses a package that unpacks beyond [`MAX_UNPACKED`], by the sizes its entries declare
/// and by what they really give.
fn check_package(bytes: &[u8]) -> Result<(), Error> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|_| not_a_workbook())?;
        let left = MAX_UNPACKED.saturating_sub(total);
        let read = std::io::copy(
            &mut entry.take(left.saturating_add(1)),
            &mut std::io::sink(),
        )
        .map_err(|_| not_a_workbook())?;
        total = total.saturating_add(read);
        if total > MAX_UNPACKED {
            return Err(Error::TooLarge {
                size: total,
                limit: MAX_UNPACKED,
            });
        }
    }
    Ok(())
}

fn value(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Error(e) => Cell::Text(e.to_string()),
        Data::String(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        // Integers well within f64's exact range in any plan.
        #[allow(clippy::cast_precision_loss)]
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|t| Cell::Date(t.date()))
            .or_else(|| serial_date(d.as_f64()).map(Cell::Date))
            .unwrap_or(Cell::Number(d.as_f64())),
        Data::DateTimeIso(s) => Cell::Text(s.get(..10).unwrap_or(s).to_owned()),
    }
}

struct Sheet {
    name: String,
    rows: Vec<Vec<Cell>>,
    cells: usize,
}

impl Sheet {
    fn put(&mut self, row: u32, col: u32, cell: Cell) -> Result<(), Error> {
        if row >= MAX_ROWS || col >= MAX_COLUMNS {
            return Err(beyond(&self.name, row, col));
        }
        if matches!(cell, Cell::Empty) {
            return Ok(());
        }
        let (row, col) = (row as usize, col as usize);
        if self.rows.len() <= row {
            self.cells += row + 1 - self.rows.len();
            self.rows.resize(row + 1, Vec::new());
        }
        if let Some(cells) = self.rows.get_mut(row) {
            if cells.len() <= col {
                self.cells += col + 1 - cells.len();
                cells.resize(col + 1, Cell::Empty);
            }
            if let Some(slot) = cells.get_mut(col) {
                *slot = cell;
            }
        }
        if self.cells > MAX_CELLS {
            return Err(beyond(
                &self.name,
                u32::try_from(row).unwrap_or(u32::MAX),
                0,
            ));
        }
        Ok(())
    }
}

fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, Error> {
    check_package(bytes)?;
    // calamine multiplies unchecked cell coordinates: a damaged reference overflows, which
    // panics where overflow checks are on. Such a workbook is not a plan; the panic must not
    // reach the caller.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_sheets(bytes)))
        .unwrap_or_else(|_| Err(not_a_workbook()))
}

fn read_sheets(bytes: &[u8]) -> Result<Vec<Sheet>, Error> {
    let mut out = Vec::new();
    if let Ok(mut xlsx) = calamine::Xlsx::new(Cursor::new(bytes)) {
        for name in xlsx.sheet_names() {
            let mut sheet = Sheet {
                name: name.clone(),
                rows: Vec::new(),
                cells: 0,
            };
            let mut cells = xlsx
                .worksheet_cells_reader(&name)
                .map_err(|_| not_a_workbook())?;
            while let Some(cell) = cells.next_cell().map_err(|_| not_a_workbook())? {
                let (row, col) = cell.get_position();
                let data = Data::from(cell.get_value().clone());
                sheet.put(row, col, value(&data))?;
            }
            drop(cells);
            out.push(sheet);
        }
        return Ok(out);
    }
    let mut book = calamine::Ods::new(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|_| not_a_workbook())?;
        let mut sheet = Sheet {
            name: name.clone(),
            rows: Vec::new(),
            cells: 0,
        };
        let (r0, c0) = range.start().unwrap_or((0, 0));
        if let Some((r1, c1)) = range.end() {
            if r1 >= MAX_ROWS || c1 >= MAX_COLUMNS {
                return Err(beyond(&name, r1, c1));
            }
        }
        for (row, col, data) in range.used_cells() {
            let row = u32::try_from(row).unwrap_or(u32::MAX).saturating_add(r0);
            let col = u32::try_from(col).unwrap_or(u32::MAX).saturating_add(c0);
            sheet.put(row, col, value(data))?;
        }
        out.push(sheet);
    }
    Ok(out)
}

/// The records of the first sheet that holds the plan's heading row.
pub(super) fn read(bytes: &[u8]) -> Result<Vec<ActionRecord>, Error> {
    let sheets = sheets(bytes)?;
    let mut first_error = None;
    for sheet in &sheets {
        match records(&sheet.rows, &|r, c| cell_name(&sheet.name, r, c)) {
            Ok(records) => return Ok(records),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or_else(not_a_workbook))
}
