//! The wire form of dates, `yyyy-mm-dd`, read with messages a user can act on: chrono's own
//! say `input is out of range` for `2019-02-30` without naming the value.

use std::fmt;

use chrono::NaiveDate;
use serde::Deserializer;
use serde::de::Visitor;

/// What a date field expects, in messages.
const EXPECTED: &str = "a date yyyy-mm-dd";

/// Parses `text` as chrono does (`2019-11-18`), or says what is wrong with it.
fn parse(text: &str) -> Result<NaiveDate, String> {
    text.parse::<NaiveDate>().map_err(|_| {
        let shaped = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if shaped {
            format!("invalid date {text:?}: there is no such day")
        } else {
            format!("invalid date {text:?}: expected {EXPECTED}")
        }
    })
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<NaiveDate, E> {
        parse(text).map_err(E::custom)
    }
}

/// Deserialises a date (`#[serde(deserialize_with = "…::date")]`).
pub(crate) fn date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    deserializer.deserialize_str(DateVisitor)
}

struct OptionVisitor;

impl<'de> Visitor<'de> for OptionVisitor {
    type Value = Option<NaiveDate>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        date(deserializer).map(Some)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
        parse(text).map(Some).map_err(E::custom)
    }
}

/// Deserialises an optional date (`#[serde(default, deserialize_with = "…::optional_date")]`).
pub(crate) fn optional_date<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    deserializer.deserialize_option(OptionVisitor)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn messages_name_the_value() {
        assert!(parse("2019-11-18").is_ok());
        assert_eq!(
            parse("2019-02-30"),
            Err("invalid date \"2019-02-30\": there is no such day".to_owned())
        );
        assert_eq!(
            parse("18/11/2019"),
            Err("invalid date \"18/11/2019\": expected a date yyyy-mm-dd".to_owned())
        );
    }
}
