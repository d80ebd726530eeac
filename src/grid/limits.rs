//! The grid's bounds, in one place: the readers refuse what passes them before they store it,
//! and the writers refuse an audit whose grid would pass them, so that a grid the crate writes
//! is always one it reads back.
//!
//! A grid has a dozen sheets, a few hundred rows and a dozen columns, a few thousand cells and
//! no formula; its parts unpack to a few hundred kilobytes. The bounds are far above that, and
//! low enough that no input within them takes more than a few hundred megabytes to read.

// The workbook's bounds (sheets, parts, text) have no use in a build with the CSV form alone.
#![cfg_attr(not(feature = "xlsx"), allow(dead_code))]

use crate::Error;

/// The most sheets a workbook may have: a grid has a dozen (the page de garde, at most eight
/// module sheets, management, remote checks, fiches d'écart, conclusion and `_qualepref`).
/// Counted from the workbook's list of sheets before any sheet is read.
pub const MAX_SHEETS: usize = 64;

/// The most rows a sheet may have (a cell in row 100 001 is refused); for the CSV form, the
/// most lines of the table, its header included.
pub const MAX_ROWS: u32 = 100_000;

/// The most columns a sheet may have (a cell in column 101, `CW`, is refused); for the CSV
/// form, the most fields of a line.
pub const MAX_COLUMNS: u32 = 100;

/// The most cells a grid may hold in all its sheets, counting the empty cells left of a filled
/// one (which the reader stores too) and each row once: a grid of eight modules holds some ten
/// thousand. At the bound, a grid whose every cell is reported and kept (a sheet outside the
/// grid) takes a few hundred megabytes to read.
pub const MAX_CELLS: usize = 500_000;

/// The most characters a cell may hold: the limit of a spreadsheet cell (Excel's, and the
/// XLSX format's).
pub const MAX_CELL_CHARS: usize = 32_767;

/// The most bytes of text (UTF-8) the cells of a grid may hold together, each cell counted
/// (a workbook may refer many cells to one stored string, or repeat a cell).
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// The most bytes the parts of a workbook may unpack to, all parts together, counted as they
/// unpack (whatever the archive declares); no part may unpack to more than it declares.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;

/// The most formulas a workbook may hold: a grid holds none, and each is reported.
pub const MAX_FORMULAS: usize = 10_000;

/// The most parts (files of the zip archive) a workbook may have: a grid's have a few dozen.
pub const MAX_PARTS: usize = 1_000;

/// The most characters of a sheet's name: spreadsheet programs give at most 31, and every
/// cell's name in a diagnostic holds its sheet's.
pub(crate) const MAX_SHEET_NAME: usize = 100;

/// The error for a sheet named `name`, longer than [`MAX_SHEET_NAME`].
pub(crate) fn sheet_name_too_long(name: &str) -> Error {
    refused(
        crate::grid::cells::cut(name).into_owned(),
        "a sheet's name has at most 31 characters in a spreadsheet; this one is too long to be a \
         grid's (more than 100)",
    )
}

/// An error of the grid's reader or writer: `value` names what passes the bound.
pub(crate) fn refused(value: String, reason: &'static str) -> Error {
    Error::InvalidValue {
        what: "audit grid",
        value,
        reason,
    }
}

/// The error for a cell at `row`, `col` (0-based) of `sheet` beyond [`MAX_ROWS`] or
/// [`MAX_COLUMNS`].
pub(crate) fn beyond_bounds(sheet: &str, row: u64, col: u64) -> Error {
    refused(
        format!(
            "{sheet}!R{}C{}",
            row.saturating_add(1),
            col.saturating_add(1)
        ),
        "a cell stands beyond the grid's bounds (100 000 rows, 100 columns)",
    )
}

/// The error for a grid of more than [`MAX_CELLS`] cells.
pub(crate) fn too_many_cells() -> Error {
    refused(
        format!("more than {MAX_CELLS} cells"),
        "a grid holds a few thousand cells; this one is too large to be one",
    )
}

/// The error for cells holding more than [`MAX_TEXT_BYTES`] of text together.
pub(crate) fn too_much_text() -> Error {
    refused(
        "more than 64 MiB of text".to_owned(),
        "a grid's cells hold a few hundred kilobytes of text; this one is too large to be one",
    )
}

/// The error for a cell of `chars` characters, more than [`MAX_CELL_CHARS`]; `place` names it.
pub(crate) fn cell_too_long(place: &str, chars: usize) -> Error {
    refused(
        format!("{place}: {} characters", thousands(chars)),
        "a cell holds at most 32 767 characters (the limit of a spreadsheet cell)",
    )
}

/// The error for a workbook of more than [`MAX_SHEETS`] sheets.
pub(crate) fn too_many_sheets(count: usize) -> Error {
    refused(
        format!("{} sheets", thousands(count)),
        "a grid has a dozen sheets; a workbook may have at most 64",
    )
}

/// `n` with a space between each group of three digits: `61 234 567`.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The cells, rows and text a reader has stored so far, refused past [`MAX_CELLS`] and
/// [`MAX_TEXT_BYTES`].
#[derive(Default)]
pub(crate) struct Budget {
    cells: usize,
    text: usize,
}

impl Budget {
    /// Counts `n` more cells (or rows).
    pub(crate) fn take(&mut self, n: usize) -> Result<(), Error> {
        self.cells = self.cells.saturating_add(n);
        if self.cells <= MAX_CELLS {
            return Ok(());
        }
        Err(too_many_cells())
    }

    /// Counts `bytes` more bytes of text.
    pub(crate) fn text(&mut self, bytes: usize) -> Result<(), Error> {
        self.text = self.text.saturating_add(bytes);
        if self.text <= MAX_TEXT_BYTES {
            return Ok(());
        }
        Err(too_much_text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_spaced() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1 000");
        assert_eq!(thousands(61_234_567), "61 234 567");
    }

    #[test]
    fn the_budget_refuses_past_its_bounds() {
        let mut budget = Budget::default();
        assert!(budget.take(MAX_CELLS).is_ok());
        assert!(budget.take(1).is_err());
        let mut budget = Budget::default();
        assert!(budget.text(MAX_TEXT_BYTES).is_ok());
        assert!(budget.text(1).is_err());
    }
}
