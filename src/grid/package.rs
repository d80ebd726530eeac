//! Measures a workbook's package before calamine unpacks it. A workbook is a zip archive of
//! XML parts that compress well: a file of a few kilobytes can declare parts of gigabytes, and
//! an OpenDocument sheet can repeat an empty row a million times before one filled cell, which
//! calamine turns into a dense range of every cell in between. Both are refused here, from the
//! archive's directory and from a streaming read of the sheets' XML, before any cell is stored.

use std::io::{BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use crate::Error;
use crate::grid::cells::{MAX_CELLS, too_many_cells};
use crate::grid::read::{MAX_COLUMNS, MAX_ROWS, beyond_bounds, not_a_workbook};

/// The most bytes the parts of a workbook may unpack to, all parts together: a grid's parts
/// unpack to a few hundred kilobytes.
pub(crate) const MAX_UNPACKED: u64 = 256 * 1024 * 1024;

/// Refuses the workbook in `bytes` when its parts declare more than [`MAX_UNPACKED`] bytes, or
/// when it is an OpenDocument spreadsheet whose filled cells stand beyond the grid's bounds or
/// span more than [`MAX_CELLS`] cells. Bytes that are not a zip archive are left to calamine.
pub(crate) fn check(bytes: &[u8]) -> Result<(), Error> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i).map_err(|_| not_a_workbook())?;
        declared = declared.saturating_add(part.size());
    }
    if declared > MAX_UNPACKED {
        return Err(too_large());
    }
    let Ok(content) = archive.by_name("content.xml") else {
        return Ok(());
    };
    // The declared sizes may lie: the read stops one byte past the limit.
    ods_extent(content.take(MAX_UNPACKED + 1))
}

fn too_large() -> Error {
    Error::InvalidValue {
        what: "audit grid",
        value: "workbook".to_owned(),
        reason: "its parts unpack to more than 256 MiB; a grid unpacks to a few hundred kilobytes",
    }
}

/// The filled area of one sheet: first and last row and column holding a value.
#[derive(Default)]
struct Area(Option<(u64, u64, u64, u64)>);

impl Area {
    fn add(&mut self, (r0, r1): (u64, u64), (c0, c1): (u64, u64)) {
        self.0 = Some(match self.0 {
            None => (r0, r1, c0, c1),
            Some((a, b, c, d)) => (a.min(r0), b.max(r1), c.min(c0), d.max(c1)),
        });
    }

    /// The cells calamine's dense range of the sheet holds.
    fn cells(&self) -> u64 {
        self.0.map_or(0, |(r0, r1, c0, c1)| {
            (r1 - r0 + 1).saturating_mul(c1 - c0 + 1)
        })
    }
}

/// The number in attribute `name` of `e`, 1 when absent.
fn repeats(e: &BytesStart<'_>, name: &str) -> Result<u64, Error> {
    match e.try_get_attribute(name) {
        Ok(None) => Ok(1),
        Ok(Some(a)) => std::str::from_utf8(&a.value)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .filter(|&n| n > 0)
            .ok_or_else(not_a_workbook),
        Err(_) => Err(not_a_workbook()),
    }
}

/// Walks the sheets of an OpenDocument `content.xml`, counting rows and columns as calamine
/// does (with their repeats), and refuses a filled cell beyond the grid's bounds or sheets
/// whose filled areas add up to more than [`MAX_CELLS`] cells.
fn ods_extent(content: impl Read) -> Result<(), Error> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let (mut sheet, mut area, mut total) = (String::new(), Area::default(), 0u64);
    let (mut row, mut rows, mut col) = (0u64, 1u64, 0u64);
    loop {
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|_| not_a_workbook())?;
        let (e, open) = match &event {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(e) => {
                match e.name().as_ref() {
                    b"table:table-row" => row = row.saturating_add(rows),
                    b"table:table" => total = total.saturating_add(area.cells()),
                    _ => {}
                }
                if total > MAX_CELLS as u64 {
                    return Err(too_many_cells());
                }
                buf.clear();
                continue;
            }
            Event::Eof => return Ok(()),
            _ => {
                buf.clear();
                continue;
            }
        };
        match e.name().as_ref() {
            b"table:table" => {
                sheet = e
                    .try_get_attribute("table:name")
                    .ok()
                    .flatten()
                    .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                    .unwrap_or_default();
                (area, row) = (Area::default(), 0);
            }
            b"table:table-row" => {
                (rows, col) = (repeats(e, "table:number-rows-repeated")?, 0);
                if !open {
                    row = row.saturating_add(rows);
                }
            }
            b"table:table-cell" | b"table:covered-table-cell" => {
                let cols = repeats(e, "table:number-columns-repeated")?;
                let filled = open
                    || e.try_get_attribute("office:value-type")
                        .ok()
                        .flatten()
                        .is_some();
                if filled {
                    let last = (row.saturating_add(rows - 1), col.saturating_add(cols - 1));
                    if last.0 >= u64::from(MAX_ROWS) || last.1 >= u64::from(MAX_COLUMNS) {
                        return Err(beyond_bounds(&sheet, last.0, last.1));
                    }
                    area.add((row, last.0), (col, last.1));
                }
                col = col.saturating_add(cols);
            }
            _ => {}
        }
        buf.clear();
    }
}
