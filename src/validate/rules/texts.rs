//! The texts of the audit: no control character other than tab, line feed and a carriage
//! return before a line feed (`\r\n`), in any text field, so that no text can drive a terminal (ESC, OSC sequences) when printed, the rule the
//! text import applies to reports. The audit is scanned through its JSON serialisation, which
//! reaches every text field, present and future, without allocating; only an audit that holds
//! such a character is walked again to name the paths.

use std::fmt::Write as _;
use std::io;

use serde_json::Value;

use super::super::codes::RuleCode;
use super::super::index::Index;
use super::super::order::{Collector, Place};

impl Index<'_> {
    #[inline]
    pub(crate) fn check_texts(&self, out: &mut Collector<'_>) {
        let mut scan = Scan::default();
        if serde_json::to_writer(&mut scan, self.audit).is_err() || !scan.found {
            return;
        }
        if let Ok(value) = serde_json::to_value(self.audit) {
            walk(&value, &mut String::new(), out);
        }
    }
}

/// Whether `c` is refused in a text: a C0 or C1 control character or DEL, except tab and line
/// feed (and carriage return, allowed before a line feed: see [`first_refused`]).
pub(crate) fn refused(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// The first refused character of `text` and its position (0-based, in characters); a
/// carriage return followed by a line feed is a line break.
fn first_refused(text: &str) -> Option<(usize, char)> {
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        let crlf = c == '\r' && chars.peek().is_some_and(|(_, n)| *n == '\n');
        if refused(c) && !crlf {
            return Some((i, c));
        }
    }
    None
}

/// `text` trimmed for a message, or quoted with its control characters escaped when it holds
/// any, so that a message never carries them to a terminal.
pub(crate) fn shown(text: &str) -> String {
    if text.chars().any(refused) {
        format!("{text:?}")
    } else {
        text.trim().to_owned()
    }
}

fn walk(value: &Value, path: &mut String, out: &mut Collector<'_>) {
    match value {
        Value::String(text) => {
            if let Some((at, c)) = first_refused(text) {
                out.push(
                    RuleCode::ControlCharacter,
                    Place::AUDIT,
                    path.clone(),
                    format!(
                        "the text holds the control character U+{:04X} at character {}; only \
                         tab and line breaks are allowed",
                        u32::from(c),
                        at + 1
                    ),
                );
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                let _ = write!(path, "[{i}]");
                walk(item, path, out);
                path.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (name, field) in fields {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(name);
                walk(field, path, out);
                path.truncate(len);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// A sink for serde_json's output that notes a refused character: escaped (`\b`, `\f`, `\r`
/// not followed by `\n`, `\u00XX` below 0x20 but for tab and line feed) or written as is (DEL,
/// C1 controls).
#[derive(Default)]
struct Scan {
    found: bool,
    state: State,
}

#[derive(Default, Clone, Copy)]
enum State {
    #[default]
    Plain,
    /// After a backslash.
    Escape,
    /// After `\u`, with the hex digits read so far and their value.
    Unicode(u8, u32),
    /// After the lead byte C2.
    C2,
    /// After `\r`, which must be followed by `\n`.
    Cr,
    /// After `\r\`.
    CrEscape,
}

impl io::Write for Scan {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for &b in buf {
            self.state = match (self.state, b) {
                (State::Plain | State::C2, b'\\') => State::Escape,
                (State::Plain, 0xc2) => State::C2,
                (State::Escape, b'u') => State::Unicode(0, 0),
                (State::Escape, b'r') => State::Cr,
                (State::Cr, b'\\') => State::CrEscape,
                (State::CrEscape, b'n') => State::Plain,
                (State::CrEscape, b'u') => {
                    self.found = true;
                    State::Unicode(0, 0)
                }
                (State::Plain, 0x7f)
                | (State::Escape, b'b' | b'f')
                | (State::C2, 0x80..=0x9f)
                | (State::Cr | State::CrEscape, _) => {
                    self.found = true;
                    State::Plain
                }
                (State::Unicode(n, value), _) => {
                    let value = value * 16 + char::from(b).to_digit(16).unwrap_or(0);
                    if n == 3 {
                        self.found |= value < 0x20 && value != 0x09 && value != 0x0a;
                        State::Plain
                    } else {
                        State::Unicode(n + 1, value)
                    }
                }
                _ => State::Plain,
            };
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::Scan;

    #[test]
    fn the_scan_finds_escaped_and_raw_controls() {
        let found = |text: &str| {
            let mut scan = Scan::default();
            serde_json::to_writer(&mut scan, text).is_ok() && scan.found
        };
        assert!(!found(
            "tab\t, line\n, quote \" and \\ backslash, é, \u{a0}, crlf\r\n."
        ));
        for bad in [
            "\u{1b}[31m",
            "a\rb",
            "a\r",
            "\r\r\n",
            "\r\t",
            "\u{8}",
            "\u{c}",
            "\u{7f}",
            "\u{9b}",
            "\u{85}",
        ] {
            assert!(found(bad), "{bad:?}");
        }
        // Split across writes.
        let mut scan = Scan::default();
        let _ = scan.write(b"\"\\u00");
        let _ = scan.write(b"1b\"");
        assert!(scan.found);
    }
}
