//! The values of options that clap does not check by itself: dates (every date option of every
//! command goes through [`parse_date`]) and the deadlines of corrective actions
//! ([`parse_deadline`]). Each refuses what it cannot read with a message that says what to
//! write; clap puts the option's name before it (exit 2).

use qualepref::{NaiveDate, Policy};

/// The first year a date option accepts.
pub const FIRST_YEAR: i32 = 2000;

/// The last year a date option accepts.
pub const LAST_YEAR: i32 = 2100;

/// Reads a date option: `2020-03-01` or `01/03/2020` (day and month of one or two digits), with
/// a four-digit year from [`FIRST_YEAR`] to [`LAST_YEAR`]. Anything else is refused rather than
/// read as a date nobody meant: `30/04/20` is not 30 April 0020, and a plan or a label's status
/// in year 0020 or 9999 is a typing error, not a question about audits.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let trimmed = text.trim();
    date(trimmed).ok_or_else(|| {
        format!(
            "{trimmed:?} is not a date: write it YYYY-MM-DD or DD/MM/YYYY with a four-digit year \
             between {FIRST_YEAR} and {LAST_YEAR}"
        )
    })
}

/// The date of `text`, if it is one in either form within the years accepted.
fn date(text: &str) -> Option<NaiveDate> {
    let (year, month, day) = if let Some((year, rest)) = text.split_once('-') {
        let (month, day) = rest.split_once('-')?;
        (year, month, day)
    } else {
        let (day, rest) = text.split_once('/')?;
        let (month, year) = rest.split_once('/')?;
        (year, month, day)
    };
    let year = number(year, 4..=4)?;
    let month = number(month, 1..=2)?;
    let day = number(day, 1..=2)?;
    let year = i32::try_from(year).ok()?;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `digits` as a number when it is only ASCII digits, as many as `len` allows.
fn number(digits: &str, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
    if !len.contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Reads a deadline option: a number of months from [`Policy::MIN_DEADLINE_MONTHS`] to
/// [`Policy::MAX_DEADLINE_MONTHS`], the bounds of the library's policy. A due date ten years
/// after the audit is the furthest that still belongs to it; 0 would make every action overdue
/// the day after the audit.
pub fn parse_deadline(text: &str) -> Result<u32, String> {
    let trimmed = text.trim();
    trimmed
        .parse::<u32>()
        .ok()
        .filter(|_| trimmed.bytes().all(|b| b.is_ascii_digit()))
        .filter(|months| {
            (Policy::MIN_DEADLINE_MONTHS..=Policy::MAX_DEADLINE_MONTHS).contains(months)
        })
        .ok_or_else(|| {
            format!(
                "{trimmed:?} is not a deadline: write a number of months from {} to {}",
                Policy::MIN_DEADLINE_MONTHS,
                Policy::MAX_DEADLINE_MONTHS
            )
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{parse_date, parse_deadline};
    use qualepref::NaiveDate;

    #[test]
    fn dates_in_both_forms_with_a_four_digit_year() {
        let day = NaiveDate::from_ymd_opt(2020, 4, 30).unwrap();
        assert_eq!(parse_date("2020-04-30"), Ok(day));
        assert_eq!(parse_date(" 30/04/2020 "), Ok(day));
        assert_eq!(
            parse_date("1/3/2020"),
            Ok(NaiveDate::from_ymd_opt(2020, 3, 1).unwrap())
        );
        assert!(parse_date("2000-01-01").is_ok());
        assert!(parse_date("31/12/2100").is_ok());
        for text in [
            "30/04/20",
            "01/01/22",
            "31/12/1",
            "0000-01-01",
            "9999-12-31",
            "+12019-01-01",
            "1999-12-31",
            "2101-01-01",
            "2020-02-30",
            "2020-4-30x",
            "2020-+4-30",
            "2020/04/30",
            "30-04-2020",
            "",
            "٢٠٢٠-04-30",
        ] {
            assert!(parse_date(text).is_err(), "{text}");
        }
        assert_eq!(
            parse_date("30/04/20"),
            Err(
                "\"30/04/20\" is not a date: write it YYYY-MM-DD or DD/MM/YYYY with a four-digit \
                 year between 2000 and 2100"
                    .to_owned()
            )
        );
    }

    #[test]
    fn deadlines_are_1_to_120_months() {
        assert_eq!(parse_deadline("1"), Ok(1));
        assert_eq!(parse_deadline("120"), Ok(120));
        for text in [
            "0",
            "121",
            "100000",
            "4294967295",
            "4294967296",
            "-1",
            "+3",
            "3.5",
            "",
        ] {
            assert_eq!(
                parse_deadline(text),
                Err(format!(
                    "{text:?} is not a deadline: write a number of months from 1 to 120"
                )),
                "{text}"
            );
        }
    }
}
