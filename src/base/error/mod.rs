//! The crate's error type: real failures (unreadable or malformed input, unknown codes, a
//! malformed référentiel). An audit that breaks the rules is not an error: validation returns it
//! as a report of diagnostics.

use std::path::PathBuf;

mod codes;
pub(crate) mod parse;

pub use codes::ErrorCode;

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
    /// A document (JSON, YAML or TOML) that could not be read into the expected type: not
    /// well-formed, or a field missing, unknown, of the wrong kind or out of its domain.
    ///
    /// Displayed with the position and the path of the value it is about:
    /// `malformed audit JSON at line 54, column 21 (assessments[0].verdict): unknown verdict "CC"
    /// (expected one of C, NA, NC min, NC Maj)`. [`Error::code`] says what kind of failure it is,
    /// [`Error::path`] and [`Error::position`] where.
    #[error("malformed {what} {}{}{}: {message}", format.label(), at_position(*line, *column), at_path(path.as_deref()))]
    Parse {
        /// What the document should hold: `audit` or `référentiel`.
        what: &'static str,
        /// The document's format.
        format: crate::Format,
        /// Line (1-based) where the parser stopped; 0 when the parser gives no position.
        line: usize,
        /// Column (1-based) where the parser stopped; 0 when the parser gives no position.
        column: usize,
        /// The value the error is about, as validation writes paths (`assessments[3].verdict`);
        /// `None` for an error about the whole document (a syntax error before any value).
        path: Option<String>,
        /// What kind of failure it is.
        code: ErrorCode,
        /// What is wrong, in words (without the position and path).
        message: String,
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
    #[error("cannot {} {}: {}", if *.writing { "write" } else { "read" }, path.display(), system_reason(error))]
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
    /// A value that the YAML or TOML writer could not serialise (features `yaml`, `toml`).
    #[cfg(any(feature = "yaml", feature = "toml"))]
    #[error("cannot write {format}: {message}")]
    WriteText {
        /// The format: `YAML` or `TOML`.
        format: &'static str,
        /// The writer's message.
        message: String,
    },
    /// An input that is not UTF-8 text.
    #[error("not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// The offset of the first byte that is not UTF-8.
        offset: usize,
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

/// An [`Error`] as a diagnostic ([`Error::diagnostic`]): the shape of validation's
/// [`Diagnostic`](crate::Diagnostic), with the line and column where a parser stopped.
///
/// Its JSON: `{"code", "severity", "path", "message"}` as a `Diagnostic`'s, then `"line"` and
/// `"column"` when the error has a position.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct ErrorDiagnostic {
    /// What kind of failure it is.
    pub code: ErrorCode,
    /// Always [`Severity::Error`](crate::Severity::Error).
    pub severity: crate::Severity,
    /// The value the error is about (`assessments[3].verdict`); empty for the whole document.
    pub path: String,
    /// What is wrong, in words.
    pub message: String,
    /// The line (1-based) where the parser stopped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The column (1-based) where the parser stopped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// `1 problem` then the diagnostic, or `N problems` then each on its own line.
fn referentiel_problems(report: &crate::ValidationReport) -> String {
    let diagnostics = report.diagnostics();
    let mut text = match diagnostics.len() {
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    };
    // The error's text is English, as every error's; the diagnostics hold their French too.
    for d in diagnostics {
        text.push('\n');
        text.push_str(&d.to_string_in(crate::Language::En));
    }
    text
}

/// The system's reason for an I/O failure, without the error number Rust appends
/// (` (os error 2)`).
fn system_reason(error: &std::io::Error) -> String {
    let text = error.to_string();
    match error.raw_os_error() {
        Some(code) => text
            .strip_suffix(&format!(" (os error {code})"))
            .map_or_else(|| text.clone(), str::to_owned),
        None => text,
    }
}

/// ` at line L, column C`, or nothing when the parser gave no position (line 0).
fn at_position(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(" at line {line}, column {column}")
    }
}

/// ` (path)`, or nothing.
fn at_path(path: Option<&str>) -> String {
    path.map_or_else(String::new, |p| format!(" ({p})"))
}

impl Error {
    /// The line and column (1-based) where a parser stopped, when the error comes from one.
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self.innermost() {
            Error::Parse { line, column, .. } if *line > 0 => Some((*line, *column)),
            _ => None,
        }
    }

    /// What kind of failure this is: a stable code, the same in every language, listed in
    /// `docs/codes.md` (an error inside [`Error::InFile`] gives its own).
    ///
    /// ```
    /// use qualepref::{Audit, ErrorCode};
    /// let err = Audit::from_json_str(r#"{"assessments": [{"verdict": "CC"}]}"#).unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::UnknownCode);
    /// assert_eq!(err.path().as_deref(), Some("assessments[0].verdict"));
    /// ```
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::UnknownCode { .. } => ErrorCode::UnknownCode,
            Error::InvalidValue { .. } => ErrorCode::InvalidValue,
            Error::Parse { code, .. } => *code,
            Error::InvalidReferentiel { .. } => ErrorCode::InvalidReferentiel,
            Error::TooLarge { .. } => ErrorCode::TooLarge,
            Error::Io { writing: true, .. } => ErrorCode::CannotWrite,
            Error::Io { .. } => ErrorCode::CannotRead,
            Error::InFile { inner, .. } => inner.code(),
            Error::Write(_) => ErrorCode::NotSerialisable,
            #[cfg(any(feature = "yaml", feature = "toml"))]
            Error::WriteText { .. } => ErrorCode::NotSerialisable,
            Error::NotUtf8 { .. } => ErrorCode::NotUtf8,
            Error::NotAReport { .. } => ErrorCode::NotAReport,
            Error::TruncatedReport { .. } => ErrorCode::TruncatedReport,
        }
    }

    /// The error as a diagnostic, in the shape of validation's [`Diagnostic`](crate::Diagnostic)
    /// (code, severity, path, message) with the line and column where a parser stopped: what a
    /// service returns for a document it could not read, beside the diagnostics of those it
    /// could. The message is the error's own, without the position and path (which are fields)
    /// nor the file's name (which the caller knows).
    ///
    /// ```
    /// use qualepref::Audit;
    /// let err = Audit::from_json_str("{\n  \"assessments\": [{\"verdict\": \"CC\"}]\n}").unwrap_err();
    /// let json = serde_json::to_value(err.diagnostic())?;
    /// assert_eq!(json, serde_json::json!({
    ///     "code": "unknown-code",
    ///     "severity": "error",
    ///     "path": "assessments[0].verdict",
    ///     "message": "unknown verdict \"CC\" (expected one of C, NA, NC min, NC Maj)",
    ///     "line": 2,
    ///     "column": 34,
    /// }));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn diagnostic(&self) -> ErrorDiagnostic {
        let inner = self.innermost();
        let message = match inner {
            Error::Parse { message, .. } => message.clone(),
            other => other.to_string(),
        };
        let position = self.position();
        ErrorDiagnostic {
            code: self.code(),
            severity: crate::Severity::Error,
            path: self.path().unwrap_or_default(),
            message,
            line: position.map(|p| p.0),
            column: position.map(|p| p.1),
        }
    }

    /// The value a parse error is about, as validation writes paths (`assessments[3].verdict`,
    /// `site.city` for a missing city); `None` for other errors and for a syntax error before
    /// any value.
    #[must_use]
    pub fn path(&self) -> Option<String> {
        match self.innermost() {
            Error::Parse { path, .. } => path.clone(),
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
    /// assert!(matches!(err.innermost(), Error::Parse { .. }));
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

    /// A parse error of a document in `format`, from the parser's `message` (without its
    /// position): its code and wording come from [`parse::humanise`].
    pub(crate) fn parse(
        what: &'static str,
        format: crate::Format,
        (line, column): (usize, usize),
        path: Option<String>,
        message: &str,
    ) -> Self {
        let (code, message) = parse::humanise(message);
        // Segments the tracker could not name (`?`) are left out; a budget is the whole
        // document's, not a value's.
        let path = path
            .filter(|_| code != ErrorCode::TooLarge)
            .map(|p| p.replace(".?", "").replace('?', ""))
            .filter(|p| !p.is_empty());
        // A missing or repeated field is named in the path: `site.city`, not `site`.
        let path = match (code, field_named(&message)) {
            (ErrorCode::MissingField | ErrorCode::DuplicateKey, Some(field))
                if !path.as_deref().is_some_and(|p| p.ends_with(field)) =>
            {
                Some(match path {
                    Some(p) => format!("{p}.{field}"),
                    None => field.to_owned(),
                })
            }
            _ => path,
        };
        Error::Parse {
            what,
            format,
            line,
            column,
            path: path.map(printable),
            code,
            message: printable(message),
        }
    }
}

/// The field a message names between backquotes: `` missing field `city` `` → `city`.
fn field_named(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message.get(start..)?.find('`')?;
    message.get(start..start + len)
}

/// A parser's `message` with its control characters but line feed written as their Unicode
/// names (`<U+001B>`): parsers quote the input's values and keys as they are
/// (``unknown variant `…` ``), and a message must not carry an escape sequence of the input to
/// a terminal.
pub(crate) fn printable(message: String) -> String {
    if !message.chars().any(|c| c.is_control() && c != '\n') {
        return message;
    }
    let mut out = String::with_capacity(message.len() + 16);
    for c in message.chars() {
        if c.is_control() && c != '\n' {
            use std::fmt::Write as _;
            let _ = write!(out, "<U+{:04X}>", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::{Error, ErrorCode, printable};
    use crate::Format;

    /// Only the control characters but line feed are written by name: quotes, accents and line
    /// feeds stay as they are.
    #[test]
    fn printable_names_control_characters_only() {
        assert_eq!(
            printable("unknown variant `\u{1b}[2J` « é \"x\" »\nnext\u{7}".to_owned()),
            "unknown variant `<U+001B>[2J` « é \"x\" »\nnext<U+0007>"
        );
        assert_eq!(printable("« é »\n".to_owned()), "« é »\n");
    }

    /// Without position, a parse error says none; its path names a missing field.
    #[test]
    fn a_parse_error_without_position_is_not_line_0() {
        let e = Error::parse(
            "audit",
            Format::Json,
            (0, 0),
            Some("site".to_owned()),
            "missing field `city`",
        );
        assert_eq!(
            e.to_string(),
            "malformed audit JSON (site.city): missing field `city`"
        );
        assert_eq!(e.position(), None);
        assert_eq!(e.code(), ErrorCode::MissingField);
        assert_eq!(e.path().as_deref(), Some("site.city"));
        let e = Error::parse("audit", Format::Json, (1, 0), None, "missing field `site`");
        assert_eq!(e.position(), Some((1, 0)));
        assert_eq!(e.path().as_deref(), Some("site"));
        let e = Error::parse("audit", Format::Json, (3, 4), None, "key must be a string");
        assert_eq!(
            e.to_string(),
            "malformed audit JSON at line 3, column 4: key must be a string"
        );
        assert_eq!(e.code(), ErrorCode::Syntax);
    }
}
