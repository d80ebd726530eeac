//! A parser's message as a user reads it: the kind of failure ([`ErrorCode`]) and a sentence
//! without the parsers' own vocabulary (Rust type names such as `struct ReferentielRef` or
//! `u64`, advice to call another function, option names of the library), the same for JSON,
//! YAML and TOML.

use super::ErrorCode;

/// The code and the user's wording of a parser's `message` (without its position).
pub(crate) fn humanise(message: &str) -> (ErrorCode, String) {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return (ErrorCode::UnknownField, unknown_field(rest));
    }
    if message.starts_with("missing field ") {
        return (ErrorCode::MissingField, message.to_owned());
    }
    if let Some(found) = duplicate_key(message) {
        return (ErrorCode::DuplicateKey, found);
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return (ErrorCode::UnknownCode, unknown_variant(rest));
    }
    if message.starts_with("unknown ") && message.contains("(expected one of ") {
        return (ErrorCode::UnknownCode, message.to_owned());
    }
    if message.starts_with("invalid date") {
        return (ErrorCode::NotADate, message.to_owned());
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return invalid_type(rest);
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        return (ErrorCode::InvalidValue, invalid_value(rest));
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return (
            ErrorCode::WrongType,
            format!(
                "expected {}, found {found} items",
                expected_kind(expected.trim())
            ),
        );
    }
    if let Some(kind) = message.strip_prefix("invalid ") {
        // serde-saphyr's `invalid u8`: a scalar that is not a number of that type.
        if is_rust_number(kind) {
            return (
                ErrorCode::WrongType,
                format!("expected {}", expected_kind(kind)),
            );
        }
        // The crate's own `invalid module number "9": …`; TOML's syntax errors also start
        // with `invalid` (`invalid key-value pair, expected key`).
        if kind.contains('"') && kind.contains(": ") {
            return (ErrorCode::InvalidValue, message.to_owned());
        }
        return (ErrorCode::Syntax, message.to_owned());
    }
    if message == "number out of range" {
        return (
            ErrorCode::InvalidValue,
            "the number is out of range".to_owned(),
        );
    }
    if let Some(rest) = message.strip_prefix("cannot deserialize null into ") {
        let kind = rest.split(';').next().unwrap_or(rest).trim();
        return (
            ErrorCode::WrongType,
            format!("expected {}, found nothing (null)", expected_kind(kind)),
        );
    }
    if message.starts_with("multiple YAML documents detected") {
        return (
            ErrorCode::Syntax,
            "the file holds several YAML documents (separated by `---`); an audit or a \
             référentiel is one document"
                .to_owned(),
        );
    }
    if message.contains("recurse") || message.contains("recursion limit") {
        return (
            ErrorCode::TooDeep,
            "the document nests values too deeply".to_owned(),
        );
    }
    if message.starts_with("the document holds more than")
        || message.starts_with("the document uses ")
        || message.starts_with("the document is too large")
    {
        return (ErrorCode::TooLarge, message.to_owned());
    }
    if let Some(what) = message.strip_prefix("expected ") {
        if let Some(kind) = yaml_event(what) {
            return (ErrorCode::WrongType, format!("expected {kind}"));
        }
    }
    (ErrorCode::Syntax, message.to_owned())
}

/// `` `ville`, expected one of `a`, `b` `` → `` unknown field `ville` (expected one of a, b) ``.
fn unknown_field(rest: &str) -> String {
    match rest.split_once(", ") {
        Some((field, "there are no fields")) => {
            format!("unknown field {field} (this part has no fields)")
        }
        Some((field, expected)) => format!("unknown field {field} ({})", names(expected)),
        None => format!("unknown field {rest}"),
    }
}

/// `` `x`, expected one of `a`, `b` `` → `` unknown value `x` (expected one of a, b) ``.
fn unknown_variant(rest: &str) -> String {
    match rest.split_once(", ") {
        Some((value, expected)) => format!("unknown value {value} ({})", names(expected)),
        None => format!("unknown value {rest}"),
    }
}

/// `` expected one of `a`, `b` `` or `` expected `a` or `b` `` without the backquotes.
fn names(expected: &str) -> String {
    let expected = expected.replace('`', "");
    if expected.starts_with("expected one of ") {
        expected
    } else {
        expected
            .replacen("expected ", "expected one of ", 1)
            .replace(" or ", ", ")
    }
}

/// The sentence for a key given twice, if `message` says so.
fn duplicate_key(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return Some(format!("the key {rest} is given twice"));
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key") {
        let key = rest
            .strip_prefix(": ")
            .and_then(|r| r.split(", set ").next())
            .map(str::trim);
        return Some(match key {
            Some(key) if !key.is_empty() => format!("the key `{key}` is given twice"),
            _ => "a key is given twice".to_owned(),
        });
    }
    (message == "duplicate key").then(|| "a key is given twice".to_owned())
}

/// `X, expected Y`: the kind found and the kind expected, in words.
fn invalid_type(rest: &str) -> (ErrorCode, String) {
    let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, "?"));
    let found = found_kind(found.trim());
    // A TOML date written bare (`start = 2019-11-18`) is a TOML datetime, which serde sees as
    // a map.
    if expected.contains("date") && found == "an object" {
        return (
            ErrorCode::NotADate,
            "a date is written as a quoted text, \"YYYY-MM-DD\" (in TOML: start = \"2019-11-18\", \
             not start = 2019-11-18)"
                .to_owned(),
        );
    }
    (
        ErrorCode::WrongType,
        format!("expected {}, found {found}", expected_kind(expected.trim())),
    )
}

/// `integer `-5`, expected u64` → `the number -5 is out of range (expected a whole number 0 or
/// more)`.
fn invalid_value(rest: &str) -> String {
    let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, "?"));
    format!(
        "{} is out of range (expected {})",
        found_kind(found.trim()),
        expected_kind(expected.trim())
    )
}

/// The kind of value a parser found, in words: `string "x"` → `the text "x"`.
fn found_kind(found: &str) -> String {
    if let Some(text) = found.strip_prefix("string ") {
        return format!("the text {text}");
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(number) = found.strip_prefix(prefix) {
            let number = number.split(" as ").next().unwrap_or(number);
            return format!("the number {}", number.trim_matches('`'));
        }
    }
    if let Some(value) = found.strip_prefix("boolean ") {
        return format!("the value {}", value.trim_matches('`'));
    }
    match found {
        "map" => "an object".to_owned(),
        "sequence" => "a list".to_owned(),
        "null" | "unit value" | "unit" => "nothing (null)".to_owned(),
        "character" => "a character".to_owned(),
        other => other.to_owned(),
    }
}

/// The kind of value a parser expected, in words: `struct ReferentielRef` → `an object`,
/// `u64` → `a whole number 0 or more`.
fn expected_kind(expected: &str) -> String {
    if expected.starts_with("struct ") || expected == "a map" || expected == "map" {
        return "an object".to_owned();
    }
    if expected.starts_with("enum ") {
        return "one of the codes".to_owned();
    }
    if expected.starts_with("tuple") || expected.starts_with("a tuple") {
        return "a list".to_owned();
    }
    match expected {
        "a string" | "string" | "a borrowed string" => "a text".to_owned(),
        "u8" => "a whole number from 0 to 255".to_owned(),
        "u16" => "a whole number from 0 to 65535".to_owned(),
        "u32" => "a whole number from 0 to 4294967295".to_owned(),
        "u64" | "usize" | "u128" => "a whole number 0 or more".to_owned(),
        "i8" | "i16" | "i32" | "i64" | "isize" | "i128" => "a whole number".to_owned(),
        "f32" | "f64" => "a number".to_owned(),
        "a boolean" | "bool" => "true or false".to_owned(),
        "a sequence" | "sequence" => "a list".to_owned(),
        other => match yaml_event(other) {
            Some(kind) => kind.to_owned(),
            None => other.to_owned(),
        },
    }
}

/// Whether `kind` is the name of one of Rust's number types.
fn is_rust_number(kind: &str) -> bool {
    matches!(
        kind,
        "u8" | "u16"
            | "u32"
            | "u64"
            | "u128"
            | "usize"
            | "i8"
            | "i16"
            | "i32"
            | "i64"
            | "i128"
            | "isize"
            | "f32"
            | "f64"
    )
}

/// The YAML reader's names of what it expected (`string scalar`, `mapping start`), in words.
fn yaml_event(what: &str) -> Option<&'static str> {
    Some(match what {
        "string scalar" | "scalar" => "a text or a number",
        "mapping start" | "empty mapping start" => "an object (a mapping)",
        "sequence start" => "a list",
        "single YAML node" => "one value",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::{ErrorCode, humanise};

    /// Every message the parsers give for the crate's types, as a user reads it.
    #[test]
    fn parser_messages_lose_their_internals() {
        for (message, code, text) in [
            (
                "unknown field `ville`, expected one of `administration`, `name`",
                ErrorCode::UnknownField,
                "unknown field `ville` (expected one of administration, name)",
            ),
            (
                "unknown field `x`, expected `id`",
                ErrorCode::UnknownField,
                "unknown field `x` (expected one of id)",
            ),
            (
                "unknown field `x`, there are no fields",
                ErrorCode::UnknownField,
                "unknown field `x` (this part has no fields)",
            ),
            (
                "missing field `city`",
                ErrorCode::MissingField,
                "missing field `city`",
            ),
            (
                "duplicate field `city`",
                ErrorCode::DuplicateKey,
                "the key `city` is given twice",
            ),
            (
                "duplicate mapping key: city, set DuplicateKeyPolicy in Options if acceptable",
                ErrorCode::DuplicateKey,
                "the key `city` is given twice",
            ),
            (
                "duplicate mapping key, set DuplicateKeyPolicy in Options if acceptable",
                ErrorCode::DuplicateKey,
                "a key is given twice",
            ),
            (
                "duplicate key",
                ErrorCode::DuplicateKey,
                "a key is given twice",
            ),
            (
                "unknown variant `ambassade`, expected one of `prefecture`, `sous_prefecture`",
                ErrorCode::UnknownCode,
                "unknown value `ambassade` (expected one of prefecture, sous_prefecture)",
            ),
            (
                "unknown variant `x`, expected `a` or `b`",
                ErrorCode::UnknownCode,
                "unknown value `x` (expected one of a, b)",
            ),
            (
                "unknown verdict \"CC\" (expected one of C, NA, NC min, NC Maj)",
                ErrorCode::UnknownCode,
                "unknown verdict \"CC\" (expected one of C, NA, NC min, NC Maj)",
            ),
            (
                "invalid date \"18/11/19\": expected a date yyyy-mm-dd",
                ErrorCode::NotADate,
                "invalid date \"18/11/19\": expected a date yyyy-mm-dd",
            ),
            (
                "invalid type: string \"x\", expected struct ReferentielRef",
                ErrorCode::WrongType,
                "expected an object, found the text \"x\"",
            ),
            (
                "invalid type: string \"un\", expected u8",
                ErrorCode::WrongType,
                "expected a whole number from 0 to 255, found the text \"un\"",
            ),
            (
                "invalid type: null, expected a string",
                ErrorCode::WrongType,
                "expected a text, found nothing (null)",
            ),
            (
                "invalid type: integer `99999999999999999999` as i128, expected u64",
                ErrorCode::WrongType,
                "expected a whole number 0 or more, found the number 99999999999999999999",
            ),
            (
                "invalid type: map, expected a date yyyy-mm-dd",
                ErrorCode::NotADate,
                "a date is written as a quoted text, \"YYYY-MM-DD\" (in TOML: start = \
                 \"2019-11-18\", not start = 2019-11-18)",
            ),
            (
                "invalid type: sequence, expected a boolean",
                ErrorCode::WrongType,
                "expected true or false, found a list",
            ),
            (
                "invalid value: integer `-5`, expected u64",
                ErrorCode::InvalidValue,
                "the number -5 is out of range (expected a whole number 0 or more)",
            ),
            (
                "invalid length 3, expected a tuple of size 2",
                ErrorCode::WrongType,
                "expected a list, found 3 items",
            ),
            (
                "invalid module number \"9\": a module number is between 1 and 8",
                ErrorCode::InvalidValue,
                "invalid module number \"9\": a module number is between 1 and 8",
            ),
            (
                "invalid u8",
                ErrorCode::WrongType,
                "expected a whole number from 0 to 255",
            ),
            (
                "number out of range",
                ErrorCode::InvalidValue,
                "the number is out of range",
            ),
            (
                "cannot deserialize null into string; use Option<String>",
                ErrorCode::WrongType,
                "expected a text, found nothing (null)",
            ),
            (
                "multiple YAML documents detected; use from_multiple or from_multiple_with_options",
                ErrorCode::Syntax,
                "the file holds several YAML documents (separated by `---`); an audit or a \
                 référentiel is one document",
            ),
            (
                "cannot recurse further; max recursion depth met",
                ErrorCode::TooDeep,
                "the document nests values too deeply",
            ),
            (
                "recursion limit exceeded",
                ErrorCode::TooDeep,
                "the document nests values too deeply",
            ),
            (
                "expected string scalar",
                ErrorCode::WrongType,
                "expected a text or a number",
            ),
            (
                "expected mapping start",
                ErrorCode::WrongType,
                "expected an object (a mapping)",
            ),
            (
                "invalid key-value pair, expected key",
                ErrorCode::Syntax,
                "invalid key-value pair, expected key",
            ),
            (
                "key must be a string",
                ErrorCode::Syntax,
                "key must be a string",
            ),
        ] {
            assert_eq!(humanise(message), (code, text.to_owned()), "{message}");
        }
    }
}
