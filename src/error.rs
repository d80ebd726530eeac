//! The crate's error type: real failures (unreadable or malformed input, unknown codes, a
//! malformed référentiel). An audit that breaks the rules is not an error: validation returns it
//! as a report of diagnostics.

use std::path::PathBuf;

/// Everything that can go wrong while reading, parsing or writing data.
///
/// Messages are lowercase, without a trailing period, and complete: each holds its cause's text
/// (the system's reason for an I/O failure, the parser's message for malformed input), so
/// printing the error once says everything, and [`std::error::Error::source`] returns `None`: an
/// error reporter that walks the chain prints each cause once. The underlying errors stay
/// reachable: [`Error::io_error`], [`Error::innermost`], and the public fields.
///
/// ```
/// use qualepref::{Audit, Error};
/// let err = Audit::from_path("no/such/audit.json").unwrap_err();
/// assert!(err.to_string().starts_with("cannot read no/such/audit.json: "));
/// assert!(std::error::Error::source(&err).is_none());
/// assert_eq!(err.io_error().map(std::io::Error::kind), Some(std::io::ErrorKind::NotFound));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A code (verdict, observation kind, module number…) that the crate does not know.
    #[error("unknown {what} {value:?} (expected one of {expected})")]
    UnknownCode {
        /// What was being parsed, e.g. `verdict`.
        what: &'static str,
        /// The value as found.
        value: String,
        /// The accepted values.
        expected: &'static str,
    },
    /// A value of the right type but outside its domain, e.g. a module number 9.
    #[error("invalid {what} {value:?}: {reason}")]
    InvalidValue {
        /// What was being parsed, e.g. `module number`.
        what: &'static str,
        /// The value as found.
        value: String,
        /// Why it is refused.
        reason: &'static str,
    },
    /// A JSON document that could not be read into the expected type.
    #[error("malformed {what} JSON at line {line}, column {column}: {message}")]
    Json {
        /// What the document should hold: `audit` or `référentiel`.
        what: &'static str,
        /// Line (1-based) where the parser stopped.
        line: usize,
        /// Column (1-based) where the parser stopped.
        column: usize,
        /// The parser's message, without its position.
        message: String,
        /// The underlying parser error (its text is `message` and the position).
        error: serde_json::Error,
    },
    /// A référentiel whose content breaks its invariants; every problem is listed, each a
    /// [`Diagnostic`](crate::Diagnostic) (severity error) with its [`RuleCode`](crate::RuleCode)
    /// and a path into the référentiel's file format, e.g. `engagements[3].number`.
    ///
    /// Displayed as the count of problems, then one diagnostic per line:
    ///
    /// ```text
    /// invalid référentiel: 2 problems
    /// modules[1].number: [duplicate-module-number] error: module 1 is listed twice
    /// engagements[4].title: [empty-title] error: engagement 5 has an empty title
    /// ```
    #[error("invalid référentiel: {}", referentiel_problems(report))]
    InvalidReferentiel {
        /// The problems, in document order.
        report: crate::ValidationReport,
    },
    /// An input larger than [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
    #[error("input of {size} bytes is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The size of the input.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A file that could not be read, or not written; the message says why.
    #[error("cannot {} {}: {}", if *.writing { "write" } else { "read" }, path.display(), error)]
    Io {
        /// The file.
        path: PathBuf,
        /// Whether it was being written (`false`: read).
        writing: bool,
        /// The system's reason.
        error: std::io::Error,
    },
    /// An error in a file's content, with the file's path: `PATH: inner message`.
    #[error("{}: {inner}", path.display())]
    InFile {
        /// The file.
        path: PathBuf,
        /// What went wrong in it.
        inner: Box<Error>,
    },
    /// A value that the JSON writer could not serialise.
    #[error("cannot write JSON: {0}")]
    Write(serde_json::Error),
    /// A YAML document that could not be read into the expected type (feature `yaml`).
    #[cfg(feature = "yaml")]
    #[error("malformed {what} YAML{}: {message}", at_position(*line, *column))]
    Yaml {
        /// What the document should hold: `audit` or `référentiel`.
        what: &'static str,
        /// Line (1-based) where the parser stopped; 0 when the parser gives no position.
        line: usize,
        /// Column (1-based) where the parser stopped; 0 when the parser gives no position.
        column: usize,
        /// The parser's message, without its position.
        message: String,
    },
    /// A TOML document that could not be read into the expected type (feature `toml`).
    #[cfg(feature = "toml")]
    #[error("malformed {what} TOML{}: {message}", at_position(*line, *column))]
    Toml {
        /// What the document should hold: `audit` or `référentiel`.
        what: &'static str,
        /// Line (1-based) where the parser stopped; 0 when the parser gives no position.
        line: usize,
        /// Column (1-based, in characters) where the parser stopped; 0 when the parser gives no
        /// position.
        column: usize,
        /// The parser's message, without its position.
        message: String,
    },
    /// A value that the YAML or TOML writer could not serialise (features `yaml`, `toml`).
    #[cfg(any(feature = "yaml", feature = "toml"))]
    #[error("cannot write {format}: {message}")]
    WriteText {
        /// The format: `YAML` or `TOML`.
        format: &'static str,
        /// The writer's message.
        message: String,
    },
    /// A text that is not an audit report: empty, binary, without the report's structure, or
    /// without what an audit cannot do without.
    #[error("not a qual-e-pref audit report: {reason}")]
    NotAReport {
        /// Why, e.g. `the text is empty`.
        reason: String,
    },
    /// A report that ends before the part an audit needs.
    #[error("the report ends at line {lines}, before {missing}")]
    TruncatedReport {
        /// The number of lines read.
        lines: usize,
        /// The part missing, e.g. `section 3 (synthèse de l'évaluation)`.
        missing: &'static str,
    },
}

/// `1 problem` then the diagnostic, or `N problems` then each on its own line.
fn referentiel_problems(report: &crate::ValidationReport) -> String {
    let diagnostics = report.diagnostics();
    let mut text = match diagnostics.len() {
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    };
    for d in diagnostics {
        text.push('\n');
        text.push_str(&d.to_string());
    }
    text
}

/// ` at line L, column C`, or nothing when the parser gave no position (line 0).
#[cfg(any(feature = "yaml", feature = "toml"))]
fn at_position(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(" at line {line}, column {column}")
    }
}

impl Error {
    /// The line and column (1-based) where a parser stopped, when the error comes from one.
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Error::Json { line, column, .. } => Some((*line, *column)),
            #[cfg(feature = "yaml")]
            Error::Yaml { line, column, .. } if *line > 0 => Some((*line, *column)),
            #[cfg(feature = "toml")]
            Error::Toml { line, column, .. } if *line > 0 => Some((*line, *column)),
            Error::InFile { inner, .. } => inner.position(),
            _ => None,
        }
    }

    /// The error inside any [`Error::InFile`] wrappers: what went wrong, without the path.
    ///
    /// ```
    /// use qualepref::{Audit, Error};
    /// # let dir = std::env::temp_dir().join("qualepref-doc-innermost");
    /// # std::fs::create_dir_all(&dir)?;
    /// let path = dir.join("audit.json");
    /// std::fs::write(&path, "{")?;
    /// let err = Audit::from_path(&path).unwrap_err();
    /// assert!(matches!(err, Error::InFile { .. }));
    /// assert!(matches!(err.innermost(), Error::Json { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn innermost(&self) -> &Error {
        let mut inner = self;
        while let Error::InFile { inner: next, .. } = inner {
            inner = next;
        }
        inner
    }

    /// The system's I/O error, when the failure is one (inside any [`Error::InFile`]).
    #[must_use]
    pub fn io_error(&self) -> Option<&std::io::Error> {
        match self.innermost() {
            Error::Io { error, .. } => Some(error),
            _ => None,
        }
    }

    /// An error reading `path`.
    pub(crate) fn read(path: &std::path::Path, error: std::io::Error) -> Self {
        Error::Io {
            path: path.to_owned(),
            writing: false,
            error,
        }
    }

    /// `inner`, which happened in the file `path`.
    pub(crate) fn in_file(path: &std::path::Path, inner: Error) -> Self {
        Error::InFile {
            path: path.to_owned(),
            inner: Box::new(inner),
        }
    }

    pub(crate) fn json(what: &'static str, source: serde_json::Error) -> Self {
        let text = source.to_string();
        // serde_json appends " at line L column C"; the position is given separately.
        let message = printable(match text.rfind(" at line ") {
            Some(at) if source.line() > 0 => text.get(..at).unwrap_or(&text).to_owned(),
            _ => text,
        });
        Error::Json {
            what,
            line: source.line(),
            column: source.column(),
            message,
            error: source,
        }
    }
}

/// A parser's `message` with its control characters but line feed escaped (`\u{1b}`): parsers
/// quote the input's values and keys as they are (``unknown variant `…` ``), and a message
/// must not carry an escape sequence of the input to a terminal.
pub(crate) fn printable(message: String) -> String {
    if !message.chars().any(|c| c.is_control() && c != '\n') {
        return message;
    }
    let mut out = String::with_capacity(message.len() + 16);
    for c in message.chars() {
        if c.is_control() && c != '\n' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::{Error, printable};

    /// Only the control characters but line feed are escaped: quotes, accents and line feeds
    /// stay as they are.
    #[test]
    fn printable_escapes_control_characters_only() {
        assert_eq!(
            printable("unknown variant `\u{1b}[2J` « é \"x\" »\nnext".to_owned()),
            "unknown variant `\\u{1b}[2J` « é \"x\" »\nnext"
        );
        assert_eq!(printable("« é »\n".to_owned()), "« é »\n");
    }

    /// A JSON error without position keeps its whole message, even one that quotes
    /// ` at line ` (only the position serde_json appends is cut).
    #[test]
    fn a_json_error_without_position_keeps_its_whole_message() {
        let source =
            serde_json::from_value::<u8>(serde_json::Value::from(" x at line 3")).unwrap_err();
        let Error::Json { message, .. } = Error::json("audit", source) else {
            panic!("not a JSON error");
        };
        assert_eq!(
            message,
            "invalid type: string \" x at line 3\", expected u8"
        );
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn no_yaml_position_is_not_line_0() {
        let e = Error::Yaml {
            what: "audit",
            line: 0,
            column: 0,
            message: "missing field `site`".to_owned(),
        };
        assert_eq!(e.to_string(), "malformed audit YAML: missing field `site`");
        assert_eq!(e.position(), None);
        let e = Error::Yaml {
            what: "audit",
            line: 1,
            column: 0,
            message: "end of input".to_owned(),
        };
        assert_eq!(e.position(), Some((1, 0)));
    }

    #[cfg(feature = "toml")]
    #[test]
    fn no_position_is_not_line_0() {
        let e = Error::Toml {
            what: "audit",
            line: 0,
            column: 0,
            message: "missing field `site`".to_owned(),
        };
        assert_eq!(e.to_string(), "malformed audit TOML: missing field `site`");
        assert_eq!(e.position(), None);
    }
}
