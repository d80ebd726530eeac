//! Reads the CSV table back: its rows are laid out as the grid's sheets and read by the
//! workbook's reader; diagnostics name the CSV line and column.

use std::collections::HashMap;

use crate::grid::cells::{SheetData, Value, cell_name, cut};
use crate::grid::csv::{COLUMNS, FIELDS, SECTIONS, WIDTH};
use crate::grid::layout::{self, CHARTE_VERDICT, CONCLUSION_SECTIONS, cover};
use crate::grid::limits::{
    Budget, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, MAX_SHEET_NAME, MAX_SHEETS, cell_too_long,
    refused, sheet_name_too_long, thousands,
};
use crate::grid::phrases::Msg;
use crate::grid::{GridDiagnostic, GridImport, import};
use crate::text::key;
use crate::{Error, ImportLevel, ObservationKind, Referentiel, Unread};

use crate::grid::csv::{
    ACTION, CAUSE, CHANNEL, COMMENT, DATE, EMAIL, ENGAGEMENT, EVIDENCE, FIELD, LEADER, MANAGEMENT,
    MODULE, NUMBER, OBSERVATION, PHONE, REQUIREMENT, RESPONSE, RISK, STATUS, STATUS_DATE,
    STATUS_NOTE, TEXT, VERDICT,
};

/// The grid's sheets being rebuilt, and where each cell came from.
struct Layout {
    sheets: Vec<SheetData>,
    /// The CSV line and column name of each cell.
    origin: HashMap<String, (usize, &'static str)>,
    /// Which columns of the row being laid out hold a formula: a text the writer did not
    /// write, starting with `=`, which a spreadsheet program opening the table computes.
    formulas: [bool; WIDTH],
}

impl Layout {
    /// The index of sheet `name`, made when it is not there yet; more than [`MAX_SHEETS`] are
    /// refused (a module column may name a sheet on each line).
    fn sheet(&mut self, name: &str, line: usize) -> Result<usize, Error> {
        if let Some(i) = self.sheets.iter().position(|s| s.name == name) {
            return Ok(i);
        }
        if name.chars().count() > MAX_SHEET_NAME {
            return Err(sheet_name_too_long(name));
        }
        if self.sheets.len() >= MAX_SHEETS {
            return Err(refused(
                format!("line {line}: {}", cut(name)),
                "the table names more sheets than a workbook may have (64): a module column \
                 holds no module number",
            ));
        }
        // A title row, so that no data row is taken for one (the `_qualepref` sheet has none).
        let title = if name == layout::META_SHEET {
            Vec::new()
        } else {
            vec![vec![Value::text("csv")]]
        };
        self.sheets.push(SheetData {
            name: name.to_owned(),
            rows: title,
            formulas: HashMap::new(),
        });
        Ok(self.sheets.len() - 1)
    }

    /// Adds a row to sheet `name`: each cell (column in the sheet, value, CSV column).
    fn row(
        &mut self,
        name: &str,
        line: usize,
        cells: &[(usize, &str, usize)],
    ) -> Result<(), Error> {
        let i = self.sheet(name, line)?;
        let Some(sheet) = self.sheets.get_mut(i) else {
            return Ok(());
        };
        let at = sheet.rows.len();
        let width = cells.iter().map(|c| c.0 + 1).max().unwrap_or(0);
        let mut row = vec![Value::Empty; width];
        for (col, value, from) in cells {
            if self.formulas.get(*from).copied().unwrap_or(false) {
                sheet.formulas.insert((at, *col), value.trim().to_owned());
            } else if let Some(cell) = row.get_mut(*col) {
                *cell = Value::text(value);
            }
            let column = COLUMNS.get(*from).copied().unwrap_or("?");
            self.origin
                .insert(cell_name(&sheet.name, at, *col), (line, column));
        }
        sheet.rows.push(row);
        Ok(())
    }
}

/// Reads the CSV table in `bytes`.
pub(crate) fn read(bytes: &[u8], referentiel: &Referentiel) -> Result<GridImport, Error> {
    crate::check_size(bytes.len())?;
    let mut early = Vec::new();
    let text = decode(bytes, &mut early)?;
    let first = text.lines().next().unwrap_or_default();
    let delimiter = [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b';');
    unclosed_quote(&text, delimiter)?;
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    // Lines are counted on from the previous record (counting from the start each time would
    // take hours on a large table).
    let (mut counted, mut lines) = (0, 0);
    let mut budget = Budget::default();
    for record in reader.records() {
        let record = record.map_err(|e| Error::InvalidValue {
            what: "audit grid",
            value: e.to_string(),
            reason: "not a CSV table that can be read",
        })?;
        // Each field, and each record once, as the workbook's reader counts cells and rows.
        budget.take(record.len() + 1)?;
        if records.len() >= MAX_ROWS as usize {
            return Err(refused(
                format!("more than {} lines", thousands(MAX_ROWS as usize)),
                "a grid's table has a few hundred lines; one may have at most 100 000",
            ));
        }
        // The line where the record starts, from its byte offset (the reader's own line count
        // lags behind with CRLF line ends).
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        lines += text
            .as_bytes()
            .get(counted..start)
            .map_or(0, |b| b.split(|&c| c == b'\n').count() - 1);
        counted = counted.max(start);
        let line = 1 + lines;
        if record.len() > MAX_COLUMNS as usize {
            return Err(refused(
                format!("line {line}, column {}", record.len()),
                "a cell stands beyond the grid's bounds (100 000 rows, 100 columns)",
            ));
        }
        for (i, field) in record.iter().enumerate() {
            if field.len() > MAX_CELL_CHARS && field.chars().count() > MAX_CELL_CHARS {
                let place = format!("line {line}, column {}", i + 1);
                return Err(cell_too_long(&place, field.chars().count()));
            }
        }
        // A text the writer neutralised (`'=…`) reads back as it was; one that starts with `=`
        // as written is a formula.
        let fields = record
            .iter()
            .map(|f| {
                let formula = f.starts_with('=');
                (crate::text::csv_restore(f).to_owned(), formula)
            })
            .collect::<Vec<_>>();
        records.push((line, fields));
    }
    let Some((_, header)) = records.first() else {
        return Err(not_a_grid());
    };
    // Column `i` of the file is COLUMNS[index[i]].
    let index: Vec<Option<usize>> = header
        .iter()
        .map(|(h, _)| COLUMNS.iter().position(|c| key(c) == key(h)))
        .collect();
    let mut layout = Layout {
        sheets: Vec::new(),
        origin: HashMap::new(),
        formulas: [false; WIDTH],
    };
    let mut diagnostics = early;
    let mut unread = Vec::new();
    let mut grid = false;
    for (line, cells) in records.iter().skip(1) {
        let mut row: [&str; WIDTH] = [""; WIDTH];
        layout.formulas = [false; WIDTH];
        for (i, (cell, formula)) in cells.iter().enumerate() {
            match index.get(i).copied().flatten() {
                Some(c) => {
                    if let Some(slot) = row.get_mut(c) {
                        *slot = cell.as_str();
                    }
                    if let Some(slot) = layout.formulas.get_mut(c) {
                        *slot = *formula;
                    }
                }
                None if !cell.trim().is_empty() => {
                    let place = format!("column {}", i + 1);
                    diagnostics.push(GridDiagnostic::new(
                        ImportLevel::Skipped,
                        format!("line {line}, {place}"),
                        Msg::of(|p| (p.outside_table)(cell.trim())),
                    ));
                    unread.push(
                        Unread::new(import::OUTSIDE_PART, cell.trim())
                            .at_line(*line)
                            .in_cell(place),
                    );
                }
                None => {}
            }
        }
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let used = lay_out(&mut layout, *line, &row, &mut grid)?;
        for (c, value) in row.iter().enumerate() {
            if !used.contains(&c) && !value.trim().is_empty() {
                let column = COLUMNS.get(c).copied().unwrap_or("?");
                let kind = row.first().copied().unwrap_or_default();
                diagnostics.push(GridDiagnostic::new(
                    ImportLevel::Skipped,
                    format!("line {line}, {column}"),
                    Msg::of(|p| (p.not_in_kind)(kind, value.trim())),
                ));
                unread.push(
                    Unread::new(import::OUTSIDE_PART, value.trim())
                        .at_line(*line)
                        .in_cell(column),
                );
            }
        }
    }
    if !grid {
        return Err(not_a_grid());
    }
    let mut imported = import::audit(&layout.sheets, referentiel).map_err(|e| match e {
        // An error naming a cell of the sheets laid out names the line and column instead.
        Error::InvalidValue {
            what,
            value,
            reason,
        } => {
            let value = match value.split_once(": ") {
                Some((cell, rest)) => match layout.origin.get(cell) {
                    Some((line, column)) => format!("line {line}, {column}: {rest}"),
                    None => value,
                },
                None => value,
            };
            Error::InvalidValue {
                what,
                value,
                reason,
            }
        }
        other => other,
    })?;
    for d in &mut imported.diagnostics {
        d.cell = layout.origin.get(&d.cell).map_or_else(
            || "table".to_owned(),
            |(line, column)| format!("line {line}, {column}"),
        );
    }
    diagnostics.append(&mut imported.diagnostics);
    imported.diagnostics = diagnostics;
    for u in &mut imported.audit.unread {
        let origin = u.cell.as_ref().and_then(|cell| layout.origin.get(cell));
        (u.line, u.cell) = match origin {
            Some(&(line, column)) => (Some(line), Some(column.to_owned())),
            None => (None, None),
        };
        // The value it competes with, by its line and column too.
        u.conflicts_with = u.conflicts_with.take().map(|cell| {
            layout
                .origin
                .get(&cell)
                .map_or(cell, |(line, column)| format!("line {line} ({column})"))
        });
    }
    unread.append(&mut imported.audit.unread);
    imported.audit.unread = unread;
    Ok(imported)
}

/// The text of the table in `bytes`: UTF-8 (a byte-order mark skipped), or else Windows-1252,
/// the encoding of a table saved by Excel in French (« CSV (séparateur : point-virgule) »),
/// which `early` says. UTF-16 (Excel's « Texte Unicode ») is refused.
fn decode(bytes: &[u8], early: &mut Vec<GridDiagnostic>) -> Result<String, Error> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || interleaved(bytes) {
        return Err(refused(
            "UTF-16".to_owned(),
            "the table is UTF-16 text (Excel's « Texte Unicode »); save it as « CSV UTF-8 » or \
             « CSV (séparateur : point-virgule) »",
        ));
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    early.push(GridDiagnostic::new(
        ImportLevel::Info,
        "line 1".to_owned(),
        Msg::of(|p| p.windows_1252.to_owned()),
    ));
    Ok(bytes.iter().map(|&b| windows_1252(b)).collect())
}

/// Whether `bytes` look like UTF-16 without a byte-order mark: a NUL byte in every other place
/// of their start, as ASCII text in UTF-16 has.
fn interleaved(bytes: &[u8]) -> bool {
    let start = bytes.get(..bytes.len().min(512)).unwrap_or_default();
    let nul = |parity: usize| {
        start
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let pairs = start.len() / 2;
    pairs >= 2 && (nul(0) * 2 > pairs || nul(1) * 2 > pairs)
}

/// The character of byte `b` in Windows-1252: Latin-1 but for 0x80–0x9F, where Windows puts
/// `€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ` (the five bytes it leaves
/// undefined stay the control characters they are in Latin-1, which validation reports).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    match b {
        0x80..=0x9F => HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or(char::from(b)),
        _ => char::from(b),
    }
}

/// Refuses a table with a quoted value that never closes, or closes amid a value: the CSV
/// reader would take the rest of the file, or the lines up to the next quote, for that one
/// value. The error names the line where it opens. `delimiter` separates the values.
fn unclosed_quote(text: &str, delimiter: u8) -> Result<(), Error> {
    let refuse = |line: usize| {
        refused(
            format!("line {line}"),
            "a quoted value opens on this line (\") and is not closed where a value ends: the \
             lines after it would be read as that one value",
        )
    };
    // Where a quote may open: at the start of a value (after a separator or a line end).
    let (mut quoted, mut at_start, mut line, mut opened) = (false, true, 1usize, 0usize);
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if quoted {
            match b {
                b'"' if bytes.peek() == Some(&b'"') => {
                    bytes.next();
                }
                b'"' => {
                    quoted = false;
                    let next = bytes.peek().copied();
                    if !matches!(next, None | Some(b'\r' | b'\n')) && next != Some(delimiter) {
                        return Err(refuse(opened));
                    }
                }
                b'\n' => line += 1,
                _ => {}
            }
            continue;
        }
        at_start = match b {
            b'"' if at_start => {
                (quoted, opened) = (true, line);
                false
            }
            b'\n' => {
                line += 1;
                true
            }
            b'\r' => true,
            b if b == delimiter => true,
            _ => false,
        };
    }
    if quoted {
        return Err(refuse(opened));
    }
    Ok(())
}

fn not_a_grid() -> Error {
    Error::InvalidValue {
        what: "audit grid",
        value: String::from("CSV"),
        reason: "it has no format row (kind field, field format): not a grid written by qualepref",
    }
}

/// Lays out one CSV row in the grid's sheets; returns the CSV columns it used.
fn lay_out(
    layout: &mut Layout,
    line: usize,
    row: &[&str; WIDTH],
    grid: &mut bool,
) -> Result<Vec<usize>, Error> {
    let get = |c: usize| row.get(c).copied().unwrap_or_default();
    match key(get(0)).as_str() {
        "field" => {
            let name = key(get(FIELD));
            if name == "format" || name == "gridreferentiel" {
                *grid |= name == "format";
                let label = if name == "format" {
                    layout::META_FORMAT
                } else {
                    layout::META_REFERENTIEL
                };
                layout.row(
                    layout::META_SHEET,
                    line,
                    &[(0, label, FIELD), (1, get(TEXT), TEXT)],
                )?;
                return Ok(vec![0, FIELD, TEXT]);
            }
            let label = FIELDS
                .iter()
                .find(|(f, _)| key(f) == name)
                .map_or(get(FIELD), |(_, l)| *l);
            layout.row(
                layout::COVER_SHEET,
                line,
                &[(0, label, FIELD), (1, get(TEXT), TEXT)],
            )?;
            Ok(vec![0, FIELD, TEXT])
        }
        "auditor" => {
            layout.row(
                layout::COVER_SHEET,
                line,
                &[
                    (0, cover::AUDITOR, 0),
                    (1, get(TEXT), TEXT),
                    (2, get(COMMENT), COMMENT),
                    (3, get(PHONE), PHONE),
                    (4, get(EMAIL), EMAIL),
                    (5, get(DATE), DATE),
                ],
            )?;
            Ok(vec![0, TEXT, COMMENT, PHONE, EMAIL, DATE])
        }
        "assessment" => {
            let sheet = format!("Module {}", get(MODULE).trim());
            // A module that is no module number names a sheet the grid does not know; the
            // value itself is kept.
            let module = if is_module(get(MODULE)) { MODULE } else { 0 };
            layout.row(
                &sheet,
                line,
                &[
                    (0, get(ENGAGEMENT), ENGAGEMENT),
                    (2, get(VERDICT), VERDICT),
                    (7, get(COMMENT), COMMENT),
                    (8, get(EVIDENCE), EVIDENCE),
                ],
            )?;
            Ok(vec![0, module, ENGAGEMENT, VERDICT, COMMENT, EVIDENCE])
        }
        "management" => {
            let (section, item) = split_item(get(MANAGEMENT));
            layout.row(
                layout::MANAGEMENT_SHEET,
                line,
                &[
                    (0, section, MANAGEMENT),
                    (1, item, MANAGEMENT),
                    (3, get(VERDICT), VERDICT),
                    (8, get(COMMENT), COMMENT),
                    (9, get(EVIDENCE), EVIDENCE),
                ],
            )?;
            Ok(vec![0, MANAGEMENT, VERDICT, COMMENT, EVIDENCE])
        }
        "remotecheck" => {
            layout.row(
                layout::REMOTE_SHEET,
                line,
                &[
                    (0, get(CHANNEL), CHANNEL),
                    (1, get(ENGAGEMENT), ENGAGEMENT),
                    (2, get(MODULE), MODULE),
                    (4, get(VERDICT), VERDICT),
                    (9, get(COMMENT), COMMENT),
                ],
            )?;
            Ok(vec![0, CHANNEL, ENGAGEMENT, MODULE, VERDICT, COMMENT])
        }
        "observation" => observation(layout, line, row),
        "fiche" => {
            let target = if get(ENGAGEMENT).trim().is_empty() {
                (get(MANAGEMENT), MANAGEMENT)
            } else {
                (get(ENGAGEMENT), ENGAGEMENT)
            };
            layout.row(
                layout::ECARTS_SHEET,
                line,
                &[
                    (0, target.0, target.1),
                    (1, get(VERDICT), VERDICT),
                    (2, get(TEXT), TEXT),
                    (3, get(REQUIREMENT), REQUIREMENT),
                    (4, get(ACTION), ACTION),
                    (5, get(DATE), DATE),
                    (6, get(LEADER), LEADER),
                    (7, get(STATUS), STATUS),
                    (8, get(STATUS_DATE), STATUS_DATE),
                    (9, get(STATUS_NOTE), STATUS_NOTE),
                    (10, get(NUMBER), NUMBER),
                    (11, get(CAUSE), CAUSE),
                    (12, get(RESPONSE), RESPONSE),
                ],
            )?;
            // The target's column only: a management item beside an engagement is kept.
            Ok(vec![
                0,
                target.1,
                VERDICT,
                TEXT,
                REQUIREMENT,
                ACTION,
                DATE,
                LEADER,
                STATUS,
                STATUS_DATE,
                STATUS_NOTE,
                NUMBER,
                CAUSE,
                RESPONSE,
            ])
        }
        "conclusion" => {
            let name = key(get(FIELD));
            if name == key("charte_graphique_verdict") {
                layout.row(
                    layout::CONCLUSION_SHEET,
                    line,
                    &[(0, CHARTE_VERDICT, FIELD), (1, get(VERDICT), VERDICT)],
                )?;
                return Ok(vec![0, FIELD, VERDICT]);
            }
            let label = SECTIONS
                .iter()
                .position(|s| key(s) == name)
                .and_then(|i| CONCLUSION_SECTIONS.get(i).copied())
                .unwrap_or(get(FIELD));
            layout.row(
                layout::CONCLUSION_SHEET,
                line,
                &[(0, label, FIELD), (1, get(TEXT), TEXT)],
            )?;
            Ok(vec![0, FIELD, TEXT])
        }
        _ => Ok(Vec::new()),
    }
}

/// Whether `text` is a module number (1–8).
fn is_module(text: &str) -> bool {
    text.trim()
        .parse::<u8>()
        .ok()
        .and_then(crate::ModuleNumber::new)
        .is_some()
}

/// `pilotage 5` → (`pilotage`, `5`); a text that does not end in a number stays whole in the
/// first cell, so that the reader keeps it as written.
fn split_item(text: &str) -> (&str, &str) {
    match text.trim().rsplit_once(char::is_whitespace) {
        Some((section, item)) if item.parse::<u8>().is_ok() => (section, item),
        _ => (text, ""),
    }
}

fn observation(layout: &mut Layout, line: usize, row: &[&str; WIDTH]) -> Result<Vec<usize>, Error> {
    let get = |c: usize| row.get(c).copied().unwrap_or_default();
    let kind = get(OBSERVATION).parse::<ObservationKind>().ok();
    // PF, PS (its risk next), PP: the offset of the cell among the four.
    let offset = match kind {
        Some(ObservationKind::Strength) => 0,
        Some(ObservationKind::AreaOfConcern) => 1,
        Some(ObservationKind::OpportunityForImprovement) => 3,
        // Not an observation: every cell of the row is reported and kept.
        None => return Ok(Vec::new()),
    };
    let text = (offset, get(TEXT), TEXT);
    let risk = (2, get(RISK), RISK);
    // The columns laid out, by where the observation goes: the others are kept.
    let mut used = vec![0, OBSERVATION, TEXT, RISK];
    if !get(CHANNEL).trim().is_empty() {
        let cells = [
            (0, get(CHANNEL), CHANNEL),
            (1, get(ENGAGEMENT), ENGAGEMENT),
            (2, get(MODULE), MODULE),
            (5 + text.0, text.1, text.2),
            (5 + risk.0, risk.1, risk.2),
        ];
        layout.row(layout::REMOTE_SHEET, line, &cells)?;
        used.extend([CHANNEL, ENGAGEMENT, MODULE]);
    } else if !get(MANAGEMENT).trim().is_empty() {
        let (section, item) = split_item(get(MANAGEMENT));
        let cells = [
            (0, section, MANAGEMENT),
            (1, item, MANAGEMENT),
            (4 + text.0, text.1, text.2),
            (4 + risk.0, risk.1, risk.2),
        ];
        layout.row(layout::MANAGEMENT_SHEET, line, &cells)?;
        used.push(MANAGEMENT);
    } else {
        let sheet = format!("Module {}", get(MODULE).trim());
        let cells = [
            (0, get(ENGAGEMENT), ENGAGEMENT),
            (3 + text.0, text.1, text.2),
            (3 + risk.0, risk.1, risk.2),
        ];
        layout.row(&sheet, line, &cells)?;
        used.push(ENGAGEMENT);
        // A module that is no module number names a sheet the grid does not know; the value
        // itself is kept.
        if is_module(get(MODULE)) {
            used.push(MODULE);
        }
    }
    Ok(used)
}
