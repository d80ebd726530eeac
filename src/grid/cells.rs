//! The cells the reader meets, independent of the file format (.xlsx, .ods, CSV), and the
//! lenient reading of their values: numbers stored as text, dates as text or serial numbers,
//! codes in any case and spacing.
// Parts serve the workbook only (feature `xlsx`).
#![cfg_attr(not(feature = "xlsx"), allow(dead_code))]

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use crate::grid::phrases::DateError;

/// The value of one cell, as a spreadsheet stores it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// Nothing, or only spaces.
    Empty,
    /// Text, trimmed of the spaces around it.
    Text(String),
    /// A number (dates without a date format are serial numbers).
    Number(f64),
    /// A date.
    Date(NaiveDate),
    /// A boolean.
    Bool(bool),
}

impl Value {
    /// A text value, trimmed; `Empty` when nothing is left.
    pub(crate) fn text(s: &str) -> Value {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            Value::Empty
        } else {
            Value::Text(trimmed.to_owned())
        }
    }

    /// Whether the cell holds nothing.
    pub(crate) fn is_empty(&self) -> bool {
        matches!(self, Value::Empty)
    }

    /// The cell as text: numbers without a needless `.0`, dates in ISO form.
    pub(crate) fn as_text(&self) -> Option<String> {
        match self {
            Value::Empty => None,
            Value::Text(s) => Some(s.clone()),
            Value::Number(n) => Some(number_text(*n)),
            Value::Date(d) => Some(d.format("%Y-%m-%d").to_string()),
            Value::Bool(b) => Some(if *b { "oui" } else { "non" }.to_owned()),
        }
    }

    /// The cell as a whole number: a number, or a number stored as text (`" 17 "`, `17.0`).
    pub(crate) fn as_whole(&self) -> Option<u64> {
        match self {
            Value::Number(n) => whole(*n),
            Value::Text(s) => {
                let compact: String = s.chars().filter(|c| !is_digit_space(*c)).collect();
                compact.parse::<u64>().ok().or_else(|| {
                    compact
                        .replace(',', ".")
                        .parse::<f64>()
                        .ok()
                        .and_then(whole)
                })
            }
            Value::Empty | Value::Date(_) | Value::Bool(_) => None,
        }
    }

    /// The cell as a date, or why it is not one: a date cell, a serial number (1900 date
    /// system), or text in the forms `2019-11-18`, `18/11/2019`, `18-11-2019`, `18.11.2019`,
    /// `2019/11/18` (a time of day may follow), with a four-digit year from 2000 to 2100.
    pub(crate) fn date(&self) -> Result<NaiveDate, DateError> {
        let day = match self {
            Value::Date(d) => *d,
            Value::Number(n) => serial_date(*n).ok_or(DateError::Serial)?,
            Value::Text(s) => text_date(s).ok_or(DateError::NotADateText)?,
            Value::Empty | Value::Bool(_) => return Err(DateError::NotADate),
        };
        if PLAUSIBLE_YEARS.contains(&day.year()) {
            Ok(day)
        } else {
            Err(DateError::Years)
        }
    }
}

/// The years a date of the grid may fall in, as validation's `implausible-date`: others are
/// typing errors (`18/11/19` read as the year 19, 9999) or damaged serial numbers.
pub(crate) const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Spaces used as thousands separators, including the French narrow no-break space.
fn is_digit_space(c: char) -> bool {
    c == ' ' || crate::text::is_odd_space(c)
}

fn whole(n: f64) -> Option<u64> {
    if n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n < 9.0e15 {
        // In range and integral: the conversion is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(n as u64)
    } else {
        None
    }
}

fn number_text(n: f64) -> String {
    match whole(n) {
        Some(w) => w.to_string(),
        None => n.to_string(),
    }
}

/// The date of serial number `n` in the 1900 date system (day 1 is 1900-01-01; Lotus's
/// 29 February 1900 is day 60, so day 61 on is 1899-12-30 plus `n`).
pub(crate) fn serial_date(n: f64) -> Option<NaiveDate> {
    let days = whole(n)?;
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    if !(61..=2_958_465).contains(&days) {
        return None;
    }
    epoch.checked_add_days(chrono::Days::new(days))
}

/// The serial number of `date` in the 1900 date system.
pub(crate) fn date_serial(date: NaiveDate) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or(date);
    // Dates within the spreadsheet range: a few million days at most, exact in an f64.
    #[allow(clippy::cast_precision_loss)]
    let days = (date - epoch).num_days() as f64;
    days
}

fn text_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let (date, time) = match s.find(['T', ' ']) {
        Some(at) => (s.get(..at)?, Some(s.get(at + 1..)?.trim())),
        None => (s, None),
    };
    if time.is_some_and(|t| !is_time(t)) {
        return None;
    }
    let digits = |p: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    for separator in ['-', '/', '.'] {
        let parts: Vec<&str> = date.split(separator).collect();
        let [first, month, last] = parts.as_slice() else {
            continue;
        };
        // Year first (2019-11-18, 2019/11/18) or last (18/11/2019, 18-11-2019, 18.11.2019).
        let (year, day) = if first.len() == 4 && separator != '.' {
            (first, last)
        } else {
            (last, first)
        };
        let year = i32::try_from(digits(year, 4..=4)?).ok()?;
        return NaiveDate::from_ymd_opt(year, digits(month, 1..=2)?, digits(day, 1..=2)?);
    }
    None
}

/// Whether `t` is a time of day: `10:30`, `10:30:00`, `10:30:00.000`.
fn is_time(t: &str) -> bool {
    let (clock, fraction) = t.split_once('.').unwrap_or((t, "0"));
    let groups: Vec<&str> = clock.split(':').collect();
    (2..=3).contains(&groups.len())
        && groups
            .iter()
            .all(|g| (1..=2).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()))
        && !fraction.is_empty()
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// The letters of column `col` (0-based): `A`, `Z`, `AA`.
pub(crate) fn column_name(col: usize) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The name of a cell for diagnostics: `Module 1!C7` (row and column 0-based).
pub(crate) fn cell_name(sheet: &str, row: usize, col: usize) -> String {
    format!("{sheet}!{}{}", column_name(col), row + 1)
}

/// `text` with its control characters escaped (`\u{1b}`), the rest as it is, so that a name
/// or a text of the file never reaches a terminal raw.
pub(crate) fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The most characters of a text a message quotes whole; a longer one is cut at
/// [`QUOTED_CUT`] characters, and its length said.
const QUOTED_MOST: usize = 80;
/// See [`QUOTED_MOST`].
const QUOTED_CUT: usize = 60;

/// `text` for a message, unquoted: whole up to 80 characters, else its first 60, `…` and its
/// length: `abc… (61 234 567 characters)`.
pub(crate) fn cut(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(QUOTED_CUT) {
        Some((end, _)) if text.char_indices().nth(QUOTED_MOST).is_some() => Cow::Owned(format!(
            "{}… ({} characters)",
            text.get(..end).unwrap_or_default(),
            crate::grid::limits::thousands(text.chars().count())
        )),
        _ => Cow::Borrowed(text),
    }
}

/// `text` quoted for a message, as `{:?}` quotes it (control characters escaped): whole up to
/// 80 characters, else its first 60 and `…`, then its length: `"abc…" (61 234 567
/// characters)`.
pub(crate) fn shown(text: &str) -> String {
    match text.char_indices().nth(QUOTED_CUT) {
        Some((end, _)) if text.char_indices().nth(QUOTED_MOST).is_some() => format!(
            "{:?} ({} characters)",
            format!("{}…", text.get(..end).unwrap_or_default()),
            crate::grid::limits::thousands(text.chars().count())
        ),
        _ => format!("{text:?}"),
    }
}

/// One sheet as read: its name, its rows of cells from A1, and its formulas.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SheetData {
    /// The sheet's name.
    pub(crate) name: String,
    /// The rows, from row 1; each from column A. A formula's cell holds the value the
    /// spreadsheet program last computed, if it saved one.
    pub(crate) rows: Vec<Vec<Value>>,
    /// The formulas, by cell (row and column, 0-based): their text, `=` first.
    pub(crate) formulas: std::collections::HashMap<(usize, usize), String>,
}

impl SheetData {
    /// The cell at `row`, `col` (0-based); `Empty` outside the data.
    pub(crate) fn get(&self, row: usize, col: usize) -> &Value {
        const EMPTY: &Value = &Value::Empty;
        self.rows.get(row).and_then(|r| r.get(col)).unwrap_or(EMPTY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_like_spreadsheets() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(cell_name("Module 1", 6, 2), "Module 1!C7");
    }

    #[test]
    fn dates_read_from_serials_and_text() {
        let day = NaiveDate::from_ymd_opt(2019, 11, 18);
        assert_eq!(Value::Number(43787.0).date().ok(), day);
        assert_eq!(Value::text("18/11/2019").date().ok(), day);
        assert_eq!(Value::text(" 2019-11-18 ").date().ok(), day);
        assert_eq!(Value::text("18.11.2019").date().ok(), day);
        assert_eq!(day.map(date_serial), Some(43787.0));
        assert_eq!(Value::text("demain").date().ok(), None);
        // A time of day after the date, as OpenDocument writes a date and time.
        assert_eq!(Value::text("2019-11-18T00:00:00").date().ok(), day);
        assert_eq!(Value::text("18/11/2019 10:30").date().ok(), day);
        assert_eq!(Value::text("2019/11/18").date().ok(), day);
    }

    #[test]
    fn a_date_needs_a_four_digit_year_from_2000_to_2100_and_nothing_after_it() {
        for (value, why) in [
            (Value::text("18/11/19"), DateError::NotADateText),
            (Value::text("18/11/02019"), DateError::NotADateText),
            (Value::text("2019-11-18 ou 19"), DateError::NotADateText),
            (Value::text("2019-11-18T"), DateError::NotADateText),
            (Value::text("18/11/1999"), DateError::Years),
            (Value::text("01/01/2101"), DateError::Years),
            (Value::Number(0.0), DateError::Serial),
            (Value::Number(f64::NAN), DateError::Serial),
            (Value::Number(2_958_466.0), DateError::Serial),
            // 1950-01-01 and 9999-12-31: serial numbers of dates out of the years.
            (Value::Number(18_264.0), DateError::Years),
            (Value::Number(2_958_465.0), DateError::Years),
        ] {
            assert_eq!(value.date(), Err(why), "{value:?}");
        }
        assert_eq!(
            Value::text("01/01/2000").date().ok(),
            NaiveDate::from_ymd_opt(2000, 1, 1)
        );
        assert_eq!(
            Value::text("31/12/2100").date().ok(),
            NaiveDate::from_ymd_opt(2100, 12, 31)
        );
    }

    #[test]
    fn control_characters_are_escaped_and_nothing_else() {
        assert_eq!(escape_controls("Fiches d'écart!A1"), "Fiches d'écart!A1");
        assert_eq!(escape_controls("\u{1b}]0;x\u{7}"), "\\u{1b}]0;x\\u{7}");
        assert_eq!(escape_controls("a\nb"), "a\\nb");
    }

    #[test]
    fn a_long_text_is_cut_in_messages_and_its_length_said() {
        let long = "é".repeat(61_234_567);
        assert_eq!(
            shown(&long),
            format!("\"{}…\" (61 234 567 characters)", "é".repeat(60))
        );
        assert_eq!(
            cut(&long),
            format!("{}… (61 234 567 characters)", "é".repeat(60))
        );
        let most = "a".repeat(80);
        assert_eq!(shown(&most), format!("{most:?}"));
        assert_eq!(cut(&most), most);
        assert_eq!(shown("a\u{1b}b"), "\"a\\u{1b}b\"");
    }

    #[test]
    fn numbers_read_from_text() {
        assert_eq!(Value::text(" 17 ").as_whole(), Some(17));
        assert_eq!(Value::text("1 060 000").as_whole(), Some(1_060_000));
        assert_eq!(Value::text("17,0").as_whole(), Some(17));
        assert_eq!(Value::Number(17.0).as_whole(), Some(17));
        assert_eq!(Value::Number(17.5).as_whole(), None);
        assert_eq!(Value::text("dix-sept").as_whole(), None);
        // Whole numbers up to 9 × 10¹⁵ (below 2⁵³, where every integer is exact); none beyond.
        assert_eq!(
            Value::Number(8_999_999_999_999_999.0).as_whole(),
            Some(8_999_999_999_999_999)
        );
        assert_eq!(Value::Number(9.0e15).as_whole(), None);
        assert_eq!(Value::Number(-1.0).as_whole(), None);
        assert_eq!(Value::Number(f64::INFINITY).as_whole(), None);
    }
}
