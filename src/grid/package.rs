//! Measures a workbook's package before calamine unpacks any of it. A workbook is a zip archive
//! of XML parts that compress well: a file of a megabyte can unpack to gigabytes (whatever its
//! directory declares), an `.xlsx` can declare millions of shared strings or refer thousands of
//! cells to one long string, an OpenDocument sheet can repeat an empty row a million times
//! before one filled cell (which calamine turns into a dense range of every cell in between),
//! repeat a long text in many cells, or ask for a billion spaces in one. Each is refused here,
//! from the archive's directory and from streaming reads of its parts, before a cell is stored.
//!
//! The same reads list the formulas of every sheet, which calamine does not give with the
//! cells: the reader reports each rather than take a cached value for what the cell says.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use crate::Error;
use crate::grid::limits::{
    MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_FORMULAS, MAX_PARTS, MAX_ROWS, MAX_SHEET_NAME,
    MAX_SHEETS, MAX_TEXT_BYTES, MAX_UNPACKED_BYTES, beyond_bounds, refused, sheet_name_too_long,
    thousands, too_many_cells, too_many_sheets, too_much_text,
};
use crate::grid::read::not_a_workbook;

/// A formula: its cell (row and column, 0-based) and its text, `=` first.
pub(crate) type Formula = (u32, u32, String);

/// What the measure found that the reader needs: the formulas of each sheet, by name.
#[derive(Debug, Default)]
pub(crate) struct Package {
    pub(crate) formulas: HashMap<String, Vec<Formula>>,
}

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Refuses the workbook in `bytes` when it passes a bound of [`crate::grid::limits`]: too
/// many parts or sheets, a part that unpacks to more than it declares or parts that unpack to
/// more than [`MAX_UNPACKED_BYTES`], two sheets or parts of one name, shared strings beyond
/// [`MAX_CELLS`] or [`MAX_TEXT_BYTES`], an OpenDocument sheet whose filled cells stand beyond
/// the grid's bounds, span more than [`MAX_CELLS`] cells or repeat more than
/// [`MAX_TEXT_BYTES`] of text, more than [`MAX_FORMULAS`] formulas. Bytes that are not a zip
/// archive are left to calamine, which refuses them.
pub(crate) fn check(bytes: &[u8]) -> Result<Package, Error> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(Package::default());
    };
    if archive.len() > MAX_PARTS {
        return Err(refused(
            format!("{} parts", thousands(archive.len())),
            "a grid's workbook has a few dozen parts; one may have at most 1 000",
        ));
    }
    let names = part_names(&archive)?;
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i).map_err(|_| not_a_workbook())?;
        declared = declared.saturating_add(part.size());
    }
    if declared > MAX_UNPACKED_BYTES {
        return Err(too_large());
    }
    // The declared sizes may lie: every part is unpacked once, counting its bytes, before any
    // is parsed.
    let mut unpacked: u64 = 0;
    for i in 0..archive.len() {
        let part = archive.by_index(i).map_err(|_| not_a_workbook())?;
        let name = part.name().to_owned();
        let size = part.size();
        let read = drain(part, size)?;
        if read > size {
            return Err(refused(
                crate::grid::cells::cut(&name).into_owned(),
                "a part of the workbook unpacks to more bytes than it declares: a damaged or \
                 hostile archive",
            ));
        }
        unpacked = unpacked.saturating_add(read);
        if unpacked > MAX_UNPACKED_BYTES {
            return Err(too_large());
        }
    }
    let mut package = Package::default();
    let mut formulas = 0;
    if let Some(&workbook) = names.get("xl/workbook.xml") {
        // The sheets first (more than MAX_SHEETS are refused), then the relationships that
        // give their parts (those of the sheets only are kept).
        let sheets = xlsx_sheets(part(&mut archive, workbook)?)?;
        let relationships = match names.get("xl/_rels/workbook.xml.rels") {
            Some(&i) => relationships(part(&mut archive, i)?, &sheets)?,
            None => HashMap::new(),
        };
        let sheets = sheets.into_iter().map(|(name, id)| {
            let target = relationships.get(&id).map_or("", String::as_str);
            // As calamine resolves a target: from the archive's root, or from `xl/`.
            let path = if let Some(rest) = target.strip_prefix('/') {
                rest.to_owned()
            } else if target.starts_with("xl/") {
                target.to_owned()
            } else {
                format!("xl/{target}")
            };
            (name, path)
        });
        if let Some(&i) = names.get("xl/sharedstrings.xml") {
            shared_strings(part(&mut archive, i)?)?;
        }
        for (name, path) in sheets {
            let Some(&i) = names.get(&normalise(&path)) else {
                continue;
            };
            let found = xlsx_formulas(part(&mut archive, i)?, &mut formulas)?;
            if !found.is_empty() {
                package.formulas.insert(name, found);
            }
        }
    }
    if let Some(&i) = names.get("content.xml") {
        for (name, found) in ods_content(part(&mut archive, i)?, &mut formulas)? {
            if !found.is_empty() {
                package.formulas.insert(name, found);
            }
        }
    }
    Ok(package)
}

/// A part's name as calamine looks it up: `\` as `/`, in lower case.
fn normalise(name: &str) -> String {
    name.replace('\\', "/").to_ascii_lowercase()
}

/// The index of each part by its normalised name; two parts of one name are refused (a reader
/// would read one and not the other).
fn part_names(archive: &Archive<'_>) -> Result<HashMap<String, usize>, Error> {
    let mut names = HashMap::with_capacity(archive.len());
    for i in 0..archive.len() {
        let name = archive.name_for_index(i).ok_or_else(not_a_workbook)?;
        if names.insert(normalise(name), i).is_some() {
            return Err(refused(
                crate::grid::cells::cut(name).into_owned(),
                "two parts of the workbook have this name: a damaged or hostile archive",
            ));
        }
    }
    Ok(names)
}

/// Reads `part` to its end, at most `limit` + 1 bytes; returns how many it read.
fn drain(part: impl Read, limit: u64) -> Result<u64, Error> {
    let mut taken = part.take(limit.saturating_add(1));
    let mut buf = [0u8; 16 * 1024];
    let mut read: u64 = 0;
    loop {
        let n = taken.read(&mut buf).map_err(|_| not_a_workbook())?;
        if n == 0 {
            return Ok(read);
        }
        read = read.saturating_add(n as u64);
    }
}

/// A streaming XML reader of part `i`, whose size the first pass has bounded.
fn part<'a>(
    archive: &'a mut Archive<'_>,
    i: usize,
) -> Result<quick_xml::Reader<BufReader<impl Read + 'a>>, Error> {
    let file = archive.by_index(i).map_err(|_| not_a_workbook())?;
    let size = file.size();
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(file.take(size)));
    // As calamine reads: `<c/>` is a cell opened and closed.
    xml.config_mut().expand_empty_elements = true;
    xml.config_mut().check_end_names = false;
    Ok(xml)
}

fn too_large() -> Error {
    refused(
        "workbook".to_owned(),
        "its parts unpack to more than 256 MiB; a grid unpacks to a few hundred kilobytes",
    )
}

/// The next event of `xml`, an error as not a workbook.
fn next<'b>(
    xml: &mut quick_xml::Reader<impl std::io::BufRead>,
    buf: &'b mut Vec<u8>,
) -> Result<Event<'b>, Error> {
    buf.clear();
    xml.read_event_into(buf).map_err(|_| not_a_workbook())
}

/// The value of attribute `name` of `e`, as text.
fn attribute(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// The relationships of the workbook that give the parts of `sheets`: the target of each
/// sheet's id.
fn relationships(
    mut xml: quick_xml::Reader<BufReader<impl Read>>,
    sheets: &[(String, String)],
) -> Result<HashMap<String, String>, Error> {
    let ids: HashSet<&str> = sheets.iter().map(|(_, id)| id.as_str()).collect();
    let mut out = HashMap::new();
    let mut buf = Vec::new();
    loop {
        match next(&mut xml, &mut buf)? {
            Event::Start(e) if e.local_name().as_ref() == b"Relationship" => {
                if let (Some(id), Some(target)) = (attribute(&e, b"Id"), attribute(&e, b"Target")) {
                    if ids.contains(id.as_str()) {
                        out.insert(id, target);
                    }
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// The sheets of `xl/workbook.xml`, each with the id of the relationship that gives its part;
/// more than [`MAX_SHEETS`], or two of one name (up to case, as spreadsheet programs compare
/// them), are refused.
fn xlsx_sheets(
    mut xml: quick_xml::Reader<BufReader<impl Read>>,
) -> Result<Vec<(String, String)>, Error> {
    let mut sheets = Vec::new();
    let mut seen = HashSet::new();
    let mut buf = Vec::new();
    loop {
        match next(&mut xml, &mut buf)? {
            Event::Start(e) if e.local_name().as_ref() == b"sheet" => {
                if sheets.len() >= MAX_SHEETS {
                    let mut count = sheets.len() + 1;
                    loop {
                        match next(&mut xml, &mut buf)? {
                            Event::Start(e) if e.local_name().as_ref() == b"sheet" => count += 1,
                            Event::Eof => return Err(too_many_sheets(count)),
                            _ => {}
                        }
                    }
                }
                let mut name = String::new();
                let mut id = String::new();
                for a in e.attributes().flatten() {
                    if a.key.as_ref() == b"name" {
                        name = a
                            .decode_and_unescape_value(xml.decoder())
                            .map_err(|_| not_a_workbook())?
                            .into_owned();
                    } else if a.key.local_name().as_ref() == b"id" {
                        id = String::from_utf8_lossy(&a.value).into_owned();
                    }
                }
                same_name(&mut seen, &name)?;
                sheets.push((name, id));
            }
            Event::Eof => return Ok(sheets),
            _ => {}
        }
    }
}

/// Refuses a sheet name longer than [`MAX_SHEET_NAME`], and a second sheet named `name` (case
/// ignored).
fn same_name(seen: &mut HashSet<String>, name: &str) -> Result<(), Error> {
    if name.chars().count() > MAX_SHEET_NAME {
        return Err(sheet_name_too_long(name));
    }
    if seen.insert(name.to_lowercase()) {
        return Ok(());
    }
    Err(refused(
        name.to_owned(),
        "two sheets of the workbook have this name (case ignored); a reader would read one twice",
    ))
}

/// Refuses shared strings that declare or hold more than [`MAX_CELLS`] strings, or more than
/// [`MAX_TEXT_BYTES`] of text: calamine reserves room for the declared count and keeps them all.
fn shared_strings(mut xml: quick_xml::Reader<BufReader<impl Read>>) -> Result<(), Error> {
    let too_many = || {
        refused(
            format!("more than {MAX_CELLS} shared strings"),
            "a grid has a few thousand distinct texts; this workbook is too large to be one",
        )
    };
    let (mut count, mut text) = (0usize, 0usize);
    let mut buf = Vec::new();
    loop {
        match next(&mut xml, &mut buf)? {
            Event::Start(e) if e.local_name().as_ref() == b"sst" => {
                let declared = attribute(&e, b"uniqueCount")
                    .and_then(|n| n.trim().parse::<u64>().ok())
                    .unwrap_or(0);
                if declared > MAX_CELLS as u64 {
                    return Err(too_many());
                }
            }
            Event::Start(e) if e.local_name().as_ref() == b"si" => {
                count += 1;
                if count > MAX_CELLS {
                    return Err(too_many());
                }
            }
            Event::Text(t) => text = text.saturating_add(t.len()),
            Event::GeneralRef(r) => text = text.saturating_add(r.len() + 2),
            Event::Eof => return Ok(()),
            _ => {}
        }
        if text > MAX_TEXT_BYTES {
            return Err(too_much_text());
        }
    }
}

/// The cell named `r` (`B7`), 0-based; a name that is not a cell's is no workbook.
fn cell_ref(r: &[u8]) -> Result<(u32, Option<u32>), Error> {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let (col, row) = r.split_at(letters);
    let mut c: u32 = 0;
    for b in col {
        c = c
            .checked_mul(26)
            .and_then(|c| c.checked_add(u32::from(b.to_ascii_uppercase() - b'A') + 1))
            .ok_or_else(not_a_workbook)?;
    }
    let row = std::str::from_utf8(row)
        .ok()
        .and_then(|r| r.parse::<u32>().ok())
        .and_then(|r| r.checked_sub(1))
        .ok_or_else(not_a_workbook)?;
    Ok((row, c.checked_sub(1)))
}

/// The formulas of a worksheet, each at its cell as calamine places cells: a cell without its
/// name follows the one before it, a row without its number follows the row before it. A cell
/// of a shared formula that does not repeat its text gets the first cell's.
fn xlsx_formulas(
    mut xml: quick_xml::Reader<BufReader<impl Read>>,
    total: &mut usize,
) -> Result<Vec<Formula>, Error> {
    let mut out = Vec::new();
    let mut shared: HashMap<String, String> = HashMap::new();
    let (mut row, mut col) = (0u32, 0u32);
    let mut cell: Option<(u32, u32)> = None;
    let mut buf = Vec::new();
    loop {
        match next(&mut xml, &mut buf)? {
            Event::Start(e) if e.local_name().as_ref() == b"row" => {
                if let Some(r) = attribute(&e, b"r") {
                    row = cell_ref(r.as_bytes())?.0;
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"row" => {
                row = row.saturating_add(1);
                col = 0;
            }
            Event::Start(e) if e.local_name().as_ref() == b"c" => {
                let at = match attribute(&e, b"r") {
                    Some(r) => {
                        let (r, c) = cell_ref(r.as_bytes())?;
                        let c = c.ok_or_else(not_a_workbook)?;
                        col = c;
                        (r, c)
                    }
                    None => (row, col),
                };
                cell = Some(at);
            }
            Event::End(e) if e.local_name().as_ref() == b"c" => {
                col = col.saturating_add(1);
                cell = None;
            }
            Event::Start(e) if e.local_name().as_ref() == b"f" => {
                let (index, kind) = (attribute(&e, b"si"), attribute(&e, b"t"));
                let name = e.name().as_ref().to_vec();
                let mut text = String::new();
                let mut inner = Vec::new();
                loop {
                    inner.clear();
                    match xml
                        .read_event_into(&mut inner)
                        .map_err(|_| not_a_workbook())?
                    {
                        Event::Text(t) => {
                            text.push_str(&t.xml10_content().map_err(|_| not_a_workbook())?);
                        }
                        Event::GeneralRef(r) => entity(&r, &mut text),
                        Event::End(end) if end.name().as_ref() == name.as_slice() => break,
                        Event::Eof => return Err(not_a_workbook()),
                        _ => {}
                    }
                    if text.len() > MAX_CELL_CHARS.saturating_mul(4) {
                        return Err(not_a_workbook());
                    }
                }
                if kind.as_deref() == Some("shared") {
                    if let Some(index) = index {
                        if text.is_empty() {
                            text = shared.get(&index).cloned().unwrap_or_default();
                        } else if shared.len() < MAX_FORMULAS {
                            shared.insert(index, text.clone());
                        }
                    }
                }
                if let Some((r, c)) = cell {
                    *total += 1;
                    if *total > MAX_FORMULAS {
                        return Err(too_many_formulas());
                    }
                    out.push((r, c, format!("={text}")));
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// The text of entity `r` (`quot`, `#x41`) pushed onto `text`; an unknown one as written.
fn entity(r: &quick_xml::events::BytesRef<'_>, text: &mut String) {
    let name = String::from_utf8_lossy(r);
    if let Some(c) = r.resolve_char_ref().ok().flatten() {
        text.push(c);
    } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
        text.push_str(s);
    } else {
        text.push('&');
        text.push_str(&name);
        text.push(';');
    }
}

fn too_many_formulas() -> Error {
    refused(
        format!("more than {MAX_FORMULAS} formulas"),
        "a grid holds no formula, and each one is reported",
    )
}

fn too_long(sheet: &str, row: u64, col: u64, chars: usize) -> Error {
    let place = format!(
        "{sheet}!R{}C{}",
        row.saturating_add(1),
        col.saturating_add(1)
    );
    crate::grid::limits::cell_too_long(&place, chars)
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

/// One cell of an OpenDocument sheet being read: where it starts, how many columns it
/// repeats over, the text calamine builds of it (in bytes) and its formula.
struct OdsCell {
    at: (u64, u64),
    cols: u64,
    text: usize,
    formula: Option<String>,
    filled: bool,
}

/// Walks the sheets of an OpenDocument `content.xml` as calamine reads them, counting rows and
/// columns with their repeats, and the text calamine builds of each cell (its paragraphs, each
/// `<text:s>`'s spaces, its string value and formula) once per repeat. Refuses more than
/// [`MAX_SHEETS`] sheets or two of one name, a filled cell beyond the grid's bounds, filled
/// areas of more than [`MAX_CELLS`] cells, more than [`MAX_TEXT_BYTES`] of text, a cell of more
/// than [`MAX_CELL_CHARS`] characters (counted in bytes: a bound above it) or more than
/// [`MAX_FORMULAS`] formulas. Gives the formulas of each sheet.
fn ods_content(
    mut xml: quick_xml::Reader<BufReader<impl Read>>,
    formulas: &mut usize,
) -> Result<Vec<(String, Vec<Formula>)>, Error> {
    let mut sheets: Vec<(String, Vec<Formula>)> = Vec::new();
    let mut names = HashSet::new();
    let (mut area, mut cells, mut text) = (Area::default(), 0u64, 0usize);
    let (mut row, mut rows, mut col) = (0u64, 1u64, 0u64);
    let mut cell: Option<OdsCell> = None;
    let mut buf = Vec::new();
    loop {
        let event = next(&mut xml, &mut buf)?;
        match &event {
            Event::Start(e) => match e.name().as_ref() {
                b"table:table" => {
                    if sheets.len() >= MAX_SHEETS {
                        return Err(too_many_sheets(sheets.len() + 1));
                    }
                    let name = e
                        .try_get_attribute("table:name")
                        .ok()
                        .flatten()
                        .and_then(|a| a.decode_and_unescape_value(xml.decoder()).ok())
                        .map(std::borrow::Cow::into_owned)
                        .unwrap_or_default();
                    same_name(&mut names, &name)?;
                    sheets.push((name, Vec::new()));
                    (area, row) = (Area::default(), 0);
                }
                b"table:table-row" => {
                    (rows, col) = (repeats(e, "table:number-rows-repeated")?, 0);
                }
                b"table:table-cell" | b"table:covered-table-cell" => {
                    let cols = repeats(e, "table:number-columns-repeated")?;
                    let value = |name: &str| {
                        e.try_get_attribute(name)
                            .ok()
                            .flatten()
                            .and_then(|a| a.decode_and_unescape_value(xml.decoder()).ok())
                            .map(std::borrow::Cow::into_owned)
                    };
                    let formula = value("table:formula");
                    let string = value("office:string-value").map_or(0, |s| s.len());
                    let typed = value("office:value-type").is_some();
                    let length = formula.as_ref().map_or(0, String::len);
                    cell = Some(OdsCell {
                        at: (row, col),
                        cols,
                        text: string.saturating_add(length),
                        filled: typed || formula.is_some() || string > 0,
                        formula,
                    });
                }
                b"text:p" | b"text:h" => {
                    if let Some(c) = &mut cell {
                        // Paragraphs after the first are joined by a line break.
                        c.text = c.text.saturating_add(1);
                    }
                }
                b"text:s" => {
                    if let Some(c) = &mut cell {
                        let spaces = repeats(e, "text:c")?;
                        c.text = c
                            .text
                            .saturating_add(usize::try_from(spaces).unwrap_or(usize::MAX));
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some(c) = &mut cell {
                    c.text = c.text.saturating_add(t.len());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(c) = &mut cell {
                    c.text = c.text.saturating_add(r.len() + 2);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"table:table-cell" | b"table:covered-table-cell" => {
                    if let Some(c) = cell.take() {
                        let sheet = sheets.last_mut();
                        let name = sheet.as_ref().map_or("", |s| s.0.as_str());
                        let filled = c.filled || c.text > 0;
                        if filled {
                            let last = (
                                c.at.0.saturating_add(rows - 1),
                                c.at.1.saturating_add(c.cols - 1),
                            );
                            if last.0 >= u64::from(MAX_ROWS) || last.1 >= u64::from(MAX_COLUMNS) {
                                return Err(beyond_bounds(name, last.0, last.1));
                            }
                            if c.text > MAX_CELL_CHARS.saturating_mul(4) {
                                return Err(too_long(name, c.at.0, c.at.1, c.text));
                            }
                            area.add((c.at.0, last.0), (c.at.1, last.1));
                            // Each repeat is a cell of its own, with its own copy of the text.
                            let copies =
                                usize::try_from(rows.saturating_mul(c.cols)).unwrap_or(usize::MAX);
                            text = text.saturating_add(c.text.saturating_mul(copies));
                            if text > MAX_TEXT_BYTES {
                                return Err(too_much_text());
                            }
                        }
                        if let (Some(f), Some(sheet)) = (c.formula, sheets.last_mut()) {
                            for r in 0..rows {
                                for k in 0..c.cols {
                                    *formulas += 1;
                                    if *formulas > MAX_FORMULAS {
                                        return Err(too_many_formulas());
                                    }
                                    let at = (c.at.0 + r, c.at.1 + k);
                                    if let (Ok(r), Ok(k)) =
                                        (u32::try_from(at.0), u32::try_from(at.1))
                                    {
                                        sheet.1.push((r, k, f.clone()));
                                    }
                                }
                            }
                        }
                        col = col.saturating_add(c.cols);
                    }
                }
                b"table:table-row" => row = row.saturating_add(rows),
                b"table:table" => {
                    cells = cells.saturating_add(area.cells());
                    if cells > MAX_CELLS as u64 {
                        return Err(too_many_cells());
                    }
                }
                _ => {}
            },
            Event::Eof => return Ok(sheets),
            _ => {}
        }
    }
}
