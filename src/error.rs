//! The crate's error type: real failures (unreadable or malformed input, unknown codes, a
//! malformed référentiel). An audit that breaks the rules is not an error: validation returns it
//! as a report of diagnostics.

use std::path::PathBuf;

/// Everything that can go wrong while reading, parsing or writing data.
///
/// Messages are lowercase, without a trailing period; the cause, when there is one, is chained
/// through [`std::error::Error::source`].
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
        /// The underlying parser error.
        #[source]
        source: serde_json::Error,
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
    /// A file that could not be read or written.
    #[error("cannot read or write {}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// An error while reading a file, with the file's path.
    #[error("{}: {source}", path.display())]
    InFile {
        /// The file.
        path: PathBuf,
        /// What went wrong in it.
        #[source]
        source: Box<Error>,
    },
    /// A value that the JSON writer could not serialise.
    #[error("cannot write JSON: {0}")]
    Write(#[source] serde_json::Error),
    /// A YAML document that could not be read into the expected type (feature `yaml`).
    #[cfg(feature = "yaml")]
    #[error("malformed {what} YAML at line {line}, column {column}: {message}")]
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
    #[error("malformed {what} TOML at line {line}, column {column}: {message}")]
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
            Error::InFile { source, .. } => source.position(),
            _ => None,
        }
    }

    pub(crate) fn json(what: &'static str, source: serde_json::Error) -> Self {
        let text = source.to_string();
        // serde_json appends " at line L column C"; the position is given separately.
        let message = match text.rfind(" at line ") {
            Some(at) if source.line() > 0 => text.get(..at).unwrap_or(&text).to_owned(),
            _ => text,
        };
        Error::Json {
            what,
            line: source.line(),
            column: source.column(),
            message,
            source,
        }
    }
}
