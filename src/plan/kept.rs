//! Reads back the plan the quality manager keeps: the workbook or CSV the crate wrote, edited
//! by hand. Columns are found by their headings (French or English, any order); every cell is
//! read into its record or kept as unread, with its cell.

use chrono::NaiveDate;

use super::columns::Column;
use crate::dossier::{ActionRecord, FindingKind, OriginKind, RecordState};
use crate::{Error, Language};

/// The plan a quality manager keeps, read back: one record per row, to merge into a dossier
/// with [`Dossier::apply_records`](crate::dossier::Dossier::apply_records).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct KeptPlan {
    /// The rows, in order.
    pub records: Vec<ActionRecord>,
}

/// `Plan d'actions!C5`: a cell named as a spreadsheet names it (row and column 0-based).
pub(crate) fn cell_name(sheet: &str, row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    let column: String = letters.iter().rev().collect();
    format!("{sheet}!{column}{}", row + 1)
}

/// A cell as read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    fn text(&self) -> Option<String> {
        match self {
            Cell::Empty => None,
            Cell::Text(t) => {
                let t = crate::text::csv_restore(t.trim()).to_owned();
                (!t.is_empty()).then_some(t)
            }
            Cell::Number(n) => Some(number_text(*n)),
            Cell::Date(d) => Some(crate::i18n::date(*d, Language::Fr)),
        }
    }

    fn is_empty(&self) -> bool {
        self.text().is_none()
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

/// A day written as a person writes it: `18/11/2019`, `18/11/19` is refused (two-digit year),
/// `2019-11-18`, `18.11.2019`, `18-11-2019`.
fn text_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let t = t.split(['T', ' ']).next().unwrap_or(t);
    ["%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
        .filter(|d| (1990..=2100).contains(&chrono::Datelike::year(d)))
}

/// The date of a spreadsheet's serial number (1900 system).
pub(crate) fn serial_date(n: f64) -> Option<NaiveDate> {
    if n.fract() != 0.0 || !(61.0..=2_958_465.0).contains(&n) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    // Within the checked range: a whole number of days below 3 million.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let days = n as u64;
    epoch.checked_add_days(chrono::Days::new(days))
}

/// The kind of finding as typed: its code (`NC min`, `pp`) or its wording.
fn kind(text: &str) -> Option<FindingKind> {
    let key = crate::text::key(text);
    FindingKind::ALL.iter().copied().find(|k| {
        crate::text::key(k.code()) == key
            || Language::ALL
                .iter()
                .any(|l| crate::text::key(k.label(*l)) == key)
    })
}

/// The records of the rows of one sheet (or CSV): the heading row is the first of the first
/// ten rows in which four cells or more are headings of the plan; `cell` names a cell by its
/// row and column (0-based).
///
/// # Errors
///
/// [`Error::InvalidValue`] when no heading row is found.
pub(crate) fn records(
    rows: &[Vec<Cell>],
    cell: &dyn Fn(usize, usize) -> String,
) -> Result<Vec<ActionRecord>, Error> {
    let heading = rows.iter().take(10).position(|row| {
        row.iter()
            .filter_map(Cell::text)
            .filter(|t| Column::of_heading(t).is_some())
            .count()
            >= 4
    });
    let Some(heading) = heading else {
        return Err(Error::InvalidValue {
            what: "plan d'actions",
            value: "no heading row".to_owned(),
            reason: "no row among the first ten holds the plan's column headings (N°, Origine, Type, Constat…)",
        });
    };
    let heads: Vec<(Option<Column>, String)> = rows
        .get(heading)
        .map(|row| {
            row.iter()
                .map(|c| {
                    let t = c.text().unwrap_or_default();
                    (Column::of_heading(&t), t)
                })
                .collect()
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    for (r, row) in rows.iter().enumerate().skip(heading + 1) {
        if row.iter().all(Cell::is_empty) {
            continue;
        }
        let mut record = ActionRecord::at(cell(r, 0));
        for (c, value) in row.iter().enumerate() {
            let Some(text) = value.text() else {
                continue;
            };
            let (column, head) = match heads.get(c) {
                Some((column, head)) => (*column, head.clone()),
                None => (None, String::new()),
            };
            let unread = |record: &mut ActionRecord, head: String| {
                record.unread.push((cell(r, c), head, text.clone()));
            };
            let date = || match value {
                Cell::Date(d) => Some(*d),
                Cell::Number(n) => serial_date(*n),
                Cell::Text(t) => text_date(t),
                Cell::Empty => None,
            };
            let Some(column) = column else {
                let head = if head.is_empty() {
                    format!("colonne {}", c + 1)
                } else {
                    head
                };
                unread(&mut record, head);
                continue;
            };
            match column {
                Column::Number => match text.trim().parse::<u32>() {
                    Ok(n) => record.number = Some(n),
                    Err(_) => unread(&mut record, head),
                },
                Column::Key => record.key = Some(text),
                Column::Origin => {
                    record.origin = OriginKind::parse_lenient(&text);
                    record.origin_text = Some(text);
                }
                Column::Requirement => record.requirement = Some(text),
                Column::Kind => match kind(&text) {
                    Some(k) => record.kind = Some(k),
                    None => unread(&mut record, head),
                },
                Column::Finding => record.finding = Some(text),
                Column::Risk => record.risk = Some(text),
                Column::Cause => record.cause = Some(text),
                Column::Action => record.action = Some(text),
                Column::Leader => record.leader = Some(text),
                Column::Progress => record.progress = Some(text),
                Column::Evidence => record.evidence = Some(text),
                Column::EfficacyBy => record.efficacy.by = Some(text),
                Column::EfficacyResult => record.efficacy.result = Some(text),
                Column::Comment => record.comment = Some(text),
                Column::State => match RecordState::parse_lenient(&text) {
                    Some(s) => record.state = Some(s),
                    None => unread(&mut record, head),
                },
                Column::OriginDate
                | Column::Due
                | Column::RealisedOn
                | Column::EfficacyOn
                | Column::ClosedOn => {
                    let Some(day) = date() else {
                        unread(&mut record, head);
                        continue;
                    };
                    let slot = match column {
                        Column::OriginDate => &mut record.origin_date,
                        Column::Due => &mut record.due,
                        Column::RealisedOn => &mut record.realised_on,
                        Column::EfficacyOn => &mut record.efficacy.on,
                        _ => &mut record.closed_on,
                    };
                    *slot = Some(day);
                }
                Column::Situation | Column::Later => {}
            }
        }
        out.push(record);
    }
    Ok(out)
}

/// Reads the plan a quality manager keeps from `bytes`: a workbook (`.xlsx`, or `.ods` from
/// LibreOffice, feature `xlsx`) or a CSV (`;` or `,` separated, UTF-8 with or without a
/// byte-order mark, feature `csv`), as [`Plan::to_xlsx`](super::Plan::to_xlsx) and
/// [`Plan::to_csv`](super::Plan::to_csv) wrote it and a person then edited it. The first sheet
/// whose rows hold the plan's headings is read; its columns are found by their headings, in
/// either language and any order. A cell that cannot be read (a date that is no date, an
/// unknown type or state, a column the plan does not know) is kept in the record's `unread`,
/// with its cell, so that merging keeps it.
///
/// # Errors
///
/// [`Error::TooLarge`] beyond [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES);
/// [`Error::InvalidValue`] for a file that is no workbook nor CSV, beyond the grid's bounds
/// (100 000 rows, 100 columns, 2 000 000 cells), or without the plan's heading row; or when
/// the feature its format needs is off.
pub fn read_kept(bytes: &[u8]) -> Result<KeptPlan, Error> {
    crate::check_size(bytes.len())?;
    let records = if bytes.starts_with(b"PK") {
        read_workbook(bytes)?
    } else {
        read_csv(bytes)?
    };
    Ok(KeptPlan { records })
}

#[cfg(feature = "xlsx")]
fn read_workbook(bytes: &[u8]) -> Result<Vec<ActionRecord>, Error> {
    super::xlsx::read(bytes)
}

#[cfg(not(feature = "xlsx"))]
fn read_workbook(_: &[u8]) -> Result<Vec<ActionRecord>, Error> {
    Err(Error::InvalidValue {
        what: "plan d'actions",
        value: "workbook".to_owned(),
        reason: "reading a workbook needs the crate's `xlsx` feature",
    })
}

#[cfg(feature = "csv")]
fn read_csv(bytes: &[u8]) -> Result<Vec<ActionRecord>, Error> {
    super::csv::read(bytes)
}

#[cfg(not(feature = "csv"))]
fn read_csv(_: &[u8]) -> Result<Vec<ActionRecord>, Error> {
    Err(Error::InvalidValue {
        what: "plan d'actions",
        value: "CSV".to_owned(),
        reason: "reading a CSV needs the crate's `csv` feature",
    })
}
