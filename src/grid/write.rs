//! Writes the grid as an Office Open XML workbook with rust_xlsxwriter.

use rust_xlsxwriter::{
    Color, ConditionalFormatCell, ConditionalFormatCellRule, DataValidation, Format, FormatAlign,
    FormatBorder, Formula, Note, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use crate::grid::contract::Tally;
use crate::grid::guidance;
use crate::grid::height;
use crate::grid::layout;
use crate::grid::limits::{MAX_ROWS, refused, thousands};
use crate::grid::rows::{self, Cell, Row};
use crate::{Audit, Error, Referentiel};

/// The height of a sheet's title row (14 points, bold), in points.
const TITLE_HEIGHT: f64 = 21.0;

/// Which values of the page de garde a blank grid leaves empty.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Blanks {
    /// Administration type, département and city.
    pub(crate) site: bool,
    /// Audit type and internal flag.
    pub(crate) kind: bool,
    /// First and last day.
    pub(crate) dates: bool,
}

struct Styles {
    title: Format,
    header: Format,
    locked: Format,
    input: Format,
    date: Format,
    group: Format,
}

impl Styles {
    fn new() -> Styles {
        let border = |f: Format| {
            f.set_border(FormatBorder::Thin)
                .set_border_color(0x00A0_A0A0)
        };
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            header: border(
                Format::new()
                    .set_bold()
                    .set_text_wrap()
                    .set_background_color(0x00D9_E1F2),
            ),
            locked: border(
                Format::new()
                    .set_text_wrap()
                    .set_align(FormatAlign::Top)
                    .set_background_color(0x00F2_F2F2),
            ),
            input: border(
                Format::new()
                    .set_text_wrap()
                    .set_align(FormatAlign::Top)
                    .set_unlocked(),
            ),
            date: border(
                Format::new()
                    .set_num_format("dd/mm/yyyy")
                    .set_align(FormatAlign::Top)
                    .set_unlocked(),
            ),
            group: Format::new().set_bold().set_background_color(0x00E7_E6E6),
        }
    }

    fn of(&self, cell: &Cell) -> &Format {
        match cell {
            Cell::Fixed(_) | Cell::FixedNumber(_) => &self.locked,
            Cell::Date(_) => &self.date,
            Cell::Input(_) | Cell::InputNumber(_) => &self.input,
            Cell::Heading(_) => &self.group,
            Cell::Header(_) => &self.header,
        }
    }
}

/// The workbook of `audit`, with blank cover values where `blanks` says.
pub(crate) fn workbook(
    audit: &Audit,
    referentiel: &Referentiel,
    blanks: Blanks,
) -> Result<Vec<u8>, Error> {
    let styles = Styles::new();
    let mut book = Workbook::new();
    let sheets = rows::sheets(audit, referentiel, blanks)?;
    within_bounds(&sheets)?;
    for sheet in &sheets {
        let ws = book.add_worksheet();
        write_sheet(ws, sheet, &styles).map_err(|e| writer_error(&e))?;
    }
    let meta = book.add_worksheet();
    write_meta(meta, referentiel).map_err(|e| writer_error(&e))?;
    book.save_to_buffer().map_err(|e| writer_error(&e))
}

/// Refuses a workbook its reader would refuse as too large: a sheet of more than
/// [`MAX_ROWS`] rows (its spare rows included), more than [`MAX_CELLS`] cells or
/// [`MAX_TEXT_BYTES`] of text in all.
///
/// [`MAX_CELLS`]: crate::grid::MAX_CELLS
/// [`MAX_TEXT_BYTES`]: crate::grid::MAX_TEXT_BYTES
fn within_bounds(sheets: &[rows::Sheet]) -> Result<(), Error> {
    let mut tally = Tally::default();
    for sheet in sheets {
        // The title, a blank row, the headers, the rows, the spare rows.
        let rows = 3 + sheet.rows.len() + sheet.spare as usize;
        if rows > MAX_ROWS as usize {
            return Err(refused(
                format!("{}: {} rows", sheet.name, thousands(rows)),
                "the grid of this audit would have a sheet of more rows than its reader reads \
                 (100 000)",
            ));
        }
        tally.row(1, sheet.title.len());
        tally.row(
            sheet.headers.len(),
            sheet.headers.iter().map(|h| h.len()).sum(),
        );
        for row in &sheet.rows {
            tally.row(row.len(), row.iter().map(text_len).sum());
        }
        if let Some(label) = sheet.spare_label {
            for _ in 0..sheet.spare {
                tally.row(1, label.len());
            }
        }
    }
    // The `_qualepref` sheet.
    tally.row(2, layout::META_FORMAT.len() + layout::FORMAT.len());
    tally.row(2, layout::META_REFERENTIEL.len() + 32);
    tally.check()
}

/// The bytes of text of a cell.
fn text_len(cell: &Cell) -> usize {
    match cell {
        Cell::Fixed(t) | Cell::Input(Some(t)) | Cell::Heading(t) | Cell::Header(t) => t.len(),
        _ => 0,
    }
}

fn writer_error(e: &XlsxError) -> Error {
    Error::InvalidValue {
        what: "audit grid",
        value: e.to_string(),
        reason: "the workbook writer refused it",
    }
}

fn write_sheet(ws: &mut Worksheet, sheet: &rows::Sheet, styles: &Styles) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    ws.write_string_with_format(0, 0, &sheet.title, &styles.title)?;
    ws.set_row_height(0, TITLE_HEIGHT)?;
    let header_row = 2;
    for (col, header) in sheet.headers.iter().enumerate() {
        ws.write_string_with_format(header_row, col as u16, *header, &styles.header)?;
        if let Some(note) = guidance::header_note(header) {
            let note = Note::new(note)
                .set_author("qualepref")
                .add_author_prefix(false);
            ws.insert_note(header_row, col as u16, &note)?;
        }
    }
    ws.set_row_height(header_row, height::header(&sheet.headers, &sheet.widths))?;
    let first = header_row + 1;
    let mut row_at = first;
    for row in &sheet.rows {
        write_row(ws, row_at, row, styles)?;
        // Spreadsheet programs do not grow a row to its wrapped text on opening a file; a row
        // without text (a spare row under an engagement) keeps the default height and grows
        // as one types in it.
        if row.iter().any(|c| text_len(c) > 0) {
            ws.set_row_height(row_at, height::row(row, &sheet.widths))?;
        }
        row_at += 1;
    }
    // Spare rows for additions: every cell open, and no height set, so that the row grows as
    // one types in it.
    let end = row_at + sheet.spare;
    for r in row_at..end {
        for col in 0..sheet.headers.len() {
            let format = if sheet.date_columns.contains(&col) {
                &styles.date
            } else {
                &styles.input
            };
            ws.write_blank(r, col as u16, format)?;
        }
        if let Some(label) = sheet.spare_label {
            ws.write_string_with_format(r, 0, label, &styles.input)?;
        }
    }
    for (col, width) in sheet.widths.iter().enumerate() {
        ws.set_column_width(col as u16, *width)?;
    }
    for (index, list) in &sheet.cell_lists {
        let at = first + *index as u32;
        let validation = DataValidation::new().allow_list_strings(list)?;
        ws.add_data_validation(at, 1, at, 1, &validation)?;
    }
    if end > first {
        let last = end - 1;
        for (col, list) in &sheet.lists {
            let validation = DataValidation::new().allow_list_strings(list)?;
            ws.add_data_validation(first, *col as u16, last, *col as u16, &validation)?;
        }
        for (col, formula) in &sheet.formula_lists {
            let validation =
                DataValidation::new().allow_list_formula(Formula::new(formula.as_str()));
            ws.add_data_validation(first, *col as u16, last, *col as u16, &validation)?;
        }
        for col in &sheet.verdict_columns {
            colour_verdicts(ws, first, last, *col as u16)?;
        }
    }
    ws.set_freeze_panes(first, 0)?;
    ws.set_repeat_rows(header_row, header_row)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    if sheet.protected {
        ws.protect_with_options(&ProtectionOptions {
            insert_rows: true,
            delete_rows: true,
            format_cells: true,
            format_columns: true,
            format_rows: true,
            sort: true,
            use_autofilter: true,
            ..ProtectionOptions::default()
        });
    }
    Ok(())
}

fn write_row(ws: &mut Worksheet, at: u32, row: &Row, styles: &Styles) -> Result<(), XlsxError> {
    for (col, cell) in row.iter().enumerate() {
        let col = col as u16;
        let format = styles.of(cell);
        match cell {
            Cell::Fixed(text)
            | Cell::Input(Some(text))
            | Cell::Heading(text)
            | Cell::Header(text) => {
                ws.write_string_with_format(at, col, text.as_str(), format)?;
            }
            Cell::FixedNumber(n) | Cell::InputNumber(Some(n)) => {
                ws.write_number_with_format(at, col, *n, format)?;
            }
            Cell::Date(Some(day)) => {
                ws.write_number_with_format(
                    at,
                    col,
                    crate::grid::cells::date_serial(*day),
                    format,
                )?;
            }
            Cell::Input(None) | Cell::InputNumber(None) | Cell::Date(None) => {
                ws.write_blank(at, col, format)?;
            }
        }
    }
    Ok(())
}

/// Verdicts coloured by conditional formatting (spreadsheet comparisons ignore case).
fn colour_verdicts(ws: &mut Worksheet, first: u32, last: u32, col: u16) -> Result<(), XlsxError> {
    let colours: [(&str, u32); 4] = [
        ("\"C\"", 0x00C6_EFCE),
        ("\"NA\"", 0x00E7_E6E6),
        ("\"NC min\"", 0x00FF_EB9C),
        ("\"NC Maj\"", 0x00FF_C7CE),
    ];
    for (value, colour) in colours {
        let rule = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::EqualTo(value))
            .set_format(Format::new().set_background_color(Color::RGB(colour)));
        ws.add_conditional_format(first, col, last, col, &rule)?;
    }
    Ok(())
}

fn write_meta(ws: &mut Worksheet, referentiel: &Referentiel) -> Result<(), XlsxError> {
    ws.set_name(layout::META_SHEET)?;
    ws.write_string(0, 0, layout::META_FORMAT)?;
    ws.write_string(0, 1, layout::FORMAT)?;
    ws.write_string(1, 0, layout::META_REFERENTIEL)?;
    ws.write_string(1, 1, referentiel.id())?;
    ws.set_hidden(true);
    ws.protect();
    Ok(())
}
