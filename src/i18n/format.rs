//! Dates, numbers and percentages as each language writes them: the formatting helpers, each
//! dispatched on the [`Language`] by an exhaustive match (a new language does not compile until
//! it says how it writes them).

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::Language;

/// A date as reports print it: `18/11/2019` in French, `2019-11-18` in English.
pub(crate) fn date(date: NaiveDate, language: Language) -> String {
    let mut out = String::with_capacity(10);
    push_date(&mut out, date, language);
    out
}

/// Writes [`date`] into `out`.
pub(crate) fn push_date(out: &mut String, date: NaiveDate, language: Language) {
    let (m, d) = (date.month(), date.day());
    match language {
        Language::Fr => {
            push_padded(out, d, 2);
            out.push('/');
            push_padded(out, m, 2);
            out.push('/');
            push_year(out, date.year());
        }
        Language::En => {
            push_year(out, date.year());
            out.push('-');
            push_padded(out, m, 2);
            out.push('-');
            push_padded(out, d, 2);
        }
    }
}

/// A year on at least four digits, as `{y:04}` writes it (with its sign before year 0).
fn push_year(out: &mut String, year: i32) {
    if let Ok(y) = u32::try_from(year) {
        push_padded(out, y, 4);
    } else {
        use fmt::Write as _;
        let _ = write!(out, "{year:04}");
    }
}

/// Writes `n` in decimal, as `{n}` does, without the formatting machinery: the synthesis
/// writes many numbers, and this is several times faster.
pub(crate) fn push_number(out: &mut String, n: u32) {
    // Most numbers written (counts, engagement and module numbers, days and months) have one
    // or two digits: written directly, without the buffer.
    if n < 10 {
        out.push(char::from(b'0' + n as u8));
        return;
    }
    if n < 100 {
        out.push(char::from(b'0' + (n / 10) as u8));
        out.push(char::from(b'0' + (n % 10) as u8));
        return;
    }
    // The digits, last first.
    let mut digits = [0_u8; 10];
    let mut len = 0;
    let mut rest = n;
    while let Some(d) = digits.get_mut(len) {
        *d = (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for d in digits.iter().take(len).rev() {
        out.push(char::from(b'0' + d));
    }
}

/// Writes `n` on at least `width` digits, zeros first, as `{n:0width$}` does.
pub(crate) fn push_padded(out: &mut String, n: u32, width: usize) {
    let len = n.checked_ilog10().map_or(1, |l| l as usize + 1);
    for _ in len..width {
        out.push('0');
    }
    push_number(out, n);
}

/// Writes a percentage given in tenths of a percent, with one decimal: `66,7 %` (decimal comma,
/// no-break space U+00A0 before `%`) in French, `66.7%` in English.
#[inline]
pub(crate) fn push_percent(out: &mut String, tenths: u32, language: Language) {
    push_number(out, tenths / 10);
    // The decimal separator, the tenths digit (`tenths % 10` is below 10) and the sign.
    let (separator, percent) = match language {
        Language::Fr => (',', "\u{a0}%"),
        Language::En => ('.', "%"),
    };
    out.push(separator);
    out.push(char::from(b'0' + (tenths % 10) as u8));
    out.push_str(percent);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn numbers_are_written_as_format_writes_them(n in any::<u32>(), width in 0_usize..12) {
            let mut out = String::from("x");
            push_number(&mut out, n);
            prop_assert_eq!(out, format!("x{n}"));
            let mut out = String::new();
            push_padded(&mut out, n, width);
            prop_assert_eq!(out, format!("{n:0width$}"));
        }

        #[test]
        fn dates_are_written_as_format_writes_them(days in -1_000_000_i32..3_000_000) {
            let d = NaiveDate::from_num_days_from_ce_opt(days).unwrap_or(NaiveDate::MIN);
            let (y, m, day) = (d.year(), d.month(), d.day());
            prop_assert_eq!(date(d, Language::Fr), format!("{day:02}/{m:02}/{y:04}"));
            prop_assert_eq!(date(d, Language::En), format!("{y:04}-{m:02}-{day:02}"));
        }

        #[test]
        fn percentages_are_written_as_format_writes_them(t in 0_u32..=1000) {
            let mut fr = String::new();
            push_percent(&mut fr, t, Language::Fr);
            prop_assert_eq!(fr, format!("{},{}\u{a0}%", t / 10, t % 10));
            let mut en = String::new();
            push_percent(&mut en, t, Language::En);
            prop_assert_eq!(en, format!("{}.{}%", t / 10, t % 10));
        }
    }

    #[test]
    fn edge_numbers() {
        for (n, text) in [(0, "0"), (9, "9"), (10, "10"), (u32::MAX, "4294967295")] {
            let mut out = String::new();
            push_number(&mut out, n);
            assert_eq!(out, text);
        }
        let mut out = String::new();
        push_padded(&mut out, 7, 2);
        push_padded(&mut out, 2019, 4);
        push_padded(&mut out, 12, 2);
        assert_eq!(out, "07201912");
    }
}
