//! Interchange formats: JSON (always), YAML (feature `yaml`) and TOML (feature `toml`), for
//! audits and référentiels, and loaders that pick the format from a file's extension.
//!
//! Every format carries the same data model with the same field names and the same checks: the
//! JSON layout documented on [`Audit`] and on [`Referentiel`] reads the same in YAML and TOML.
//! Errors give the line and column where the parser stopped ([`Error::position`]), and every
//! reader refuses inputs above [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
//!
//! YAML is read with `serde-saphyr`, which never runs code from the document and bounds what a
//! document may cost (anchors, aliases, nesting depth, events): an alias bomb is refused, not
//! expanded. TOML is read with the `toml` crate, whose nesting depth is bounded too.
//!
//! ```
//! # #[cfg(all(feature = "yaml", feature = "toml"))] {
//! use qualepref::{samples, Audit, Format};
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let yaml = audit.to_string_in(Format::Yaml)?;
//! assert_eq!(Audit::from_str_in(&yaml, Format::Yaml)?, audit);
//! let toml = audit.to_toml_string()?;
//! assert_eq!(Audit::from_toml_str(&toml)?, audit);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::path::Path;
use std::str::FromStr;

#[cfg(any(feature = "yaml", feature = "toml"))]
use serde::{Serialize, de::DeserializeOwned};

use crate::{Audit, Error, Referentiel, read_input};

/// A text format for audits and référentiels.
///
/// `Yaml` exists with the cargo feature `yaml`, `Toml` with the feature `toml`.
///
/// ```
/// use qualepref::Format;
/// assert_eq!(Format::from_path("audit.json"), Some(Format::Json));
/// assert_eq!(Format::from_path("audit.txt"), None);
/// assert_eq!("JSON".parse::<Format>()?, Format::Json);
/// assert_eq!(Format::Json.to_string(), "json");
/// # Ok::<(), qualepref::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Format {
    /// JSON, the reference layout (extension `.json`).
    Json,
    /// YAML (extensions `.yaml`, `.yml`); feature `yaml`.
    #[cfg(feature = "yaml")]
    Yaml,
    /// TOML (extension `.toml`); feature `toml`.
    #[cfg(feature = "toml")]
    Toml,
}

/// The accepted names of formats, for error messages.
const FORMAT_NAMES: &str = if cfg!(all(feature = "yaml", feature = "toml")) {
    "json, yaml, toml"
} else if cfg!(feature = "yaml") {
    "json, yaml"
} else if cfg!(feature = "toml") {
    "json, toml"
} else {
    "json"
};

impl Format {
    /// Every format compiled in, JSON first.
    pub const ALL: &'static [Format] = &[
        Format::Json,
        #[cfg(feature = "yaml")]
        Format::Yaml,
        #[cfg(feature = "toml")]
        Format::Toml,
    ];

    /// The format of a file, from its extension (case-insensitive): `.json`, `.yaml` or `.yml`,
    /// `.toml`. `None` for another extension, no extension, or a format whose feature is off.
    #[must_use]
    pub fn from_path(path: impl AsRef<Path>) -> Option<Format> {
        let extension = path.as_ref().extension()?.to_str()?;
        extension.parse().ok()
    }

    /// The lowercase name, also the main extension: `json`, `yaml`, `toml`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            #[cfg(feature = "yaml")]
            Format::Yaml => "yaml",
            #[cfg(feature = "toml")]
            Format::Toml => "toml",
        }
    }

    /// The name as written in messages: `JSON`, `YAML`, `TOML`.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            #[cfg(feature = "yaml")]
            Format::Yaml => "YAML",
            #[cfg(feature = "toml")]
            Format::Toml => "TOML",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Error;

    /// Parses `json`, `yaml`, `yml` or `toml`, in any case.
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            #[cfg(feature = "yaml")]
            "yaml" | "yml" => Ok(Format::Yaml),
            #[cfg(feature = "toml")]
            "toml" => Ok(Format::Toml),
            _ => Err(Error::UnknownCode {
                what: "format",
                value: s.to_owned(),
                expected: FORMAT_NAMES,
            }),
        }
    }
}

/// Reads an audit from a file in `format`, or when `None` in the format of its extension
/// (JSON when the extension is none of `.json`, `.yaml`, `.yml`, `.toml`).
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read; [`Error::InFile`] naming the file around
/// [`Error::TooLarge`] or the parser's error ([`Error::Json`], `Error::Yaml`, `Error::Toml`,
/// each with the line and column).
///
/// ```
/// use qualepref::load_audit;
/// let audit = load_audit("examples/data/toulon-2019.json", None)?;
/// assert_eq!(audit.site.city, "TOULON");
/// # Ok::<(), qualepref::Error>(())
/// ```
pub fn load_audit(path: impl AsRef<Path>, format: Option<Format>) -> Result<Audit, Error> {
    let path = path.as_ref();
    let format = format.or_else(|| Format::from_path(path));
    let text = read_input(path)?;
    Audit::from_str_in(&text, format.unwrap_or(Format::Json)).map_err(|e| in_file(path, e))
}

/// Reads a référentiel from a file in `format`, or when `None` in the format of its extension
/// (JSON when the extension is none of `.json`, `.yaml`, `.yml`, `.toml`), checking every
/// invariant.
///
/// # Errors
///
/// As [`load_audit`]; a broken invariant is reported by the parser with every problem listed.
pub fn load_referentiel(
    path: impl AsRef<Path>,
    format: Option<Format>,
) -> Result<Referentiel, Error> {
    let path = path.as_ref();
    let format = format.or_else(|| Format::from_path(path));
    let text = read_input(path)?;
    Referentiel::from_str_in(&text, format.unwrap_or(Format::Json)).map_err(|e| in_file(path, e))
}

fn in_file(path: &Path, source: Error) -> Error {
    Error::InFile {
        path: path.to_owned(),
        source: Box::new(source),
    }
}

impl Audit {
    /// Reads an audit from `text` in `format`.
    ///
    /// # Errors
    ///
    /// The parser's error with its line and column ([`Error::Json`], `Error::Yaml`,
    /// `Error::Toml`); [`Error::TooLarge`] above [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
    pub fn from_str_in(text: &str, format: Format) -> Result<Audit, Error> {
        match format {
            Format::Json => Audit::from_json_str(text),
            #[cfg(feature = "yaml")]
            Format::Yaml => Audit::from_yaml_str(text),
            #[cfg(feature = "toml")]
            Format::Toml => Audit::from_toml_str(text),
        }
    }

    /// Writes the audit in `format`, with a final newline.
    ///
    /// # Errors
    ///
    /// [`Error::Write`] or `Error::WriteText` if serialisation fails (it does not for the types
    /// of this crate, except for a TOML population above 2⁶³ − 1).
    pub fn to_string_in(&self, format: Format) -> Result<String, Error> {
        match format {
            Format::Json => self.to_json_string(),
            #[cfg(feature = "yaml")]
            Format::Yaml => self.to_yaml_string(),
            #[cfg(feature = "toml")]
            Format::Toml => self.to_toml_string(),
        }
    }

    /// Reads an audit from its YAML form (same fields as the JSON layout); feature `yaml`.
    ///
    /// # Errors
    ///
    /// `Error::Yaml` with the line and column where the parser stopped, for malformed YAML, a
    /// missing or unknown field, an unknown code, an out-of-range number or a document over
    /// the parser's budget; [`Error::TooLarge`] above [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
    ///
    /// ```
    /// use qualepref::Audit;
    /// let err = Audit::from_yaml_str("referentiel:\n  id: x\nsite: 12\n").unwrap_err();
    /// assert_eq!(err.position(), Some((3, 7)));
    /// ```
    #[cfg(feature = "yaml")]
    pub fn from_yaml_str(text: &str) -> Result<Audit, Error> {
        from_yaml("audit", text)
    }

    /// Writes the audit as YAML with a final newline; feature `yaml`.
    ///
    /// # Errors
    ///
    /// `Error::WriteText` if serialisation fails (it does not for the types of this crate).
    #[cfg(feature = "yaml")]
    pub fn to_yaml_string(&self) -> Result<String, Error> {
        to_yaml(self)
    }

    /// Reads an audit from its TOML form (same fields as the JSON layout; dates are strings);
    /// feature `toml`.
    ///
    /// # Errors
    ///
    /// `Error::Toml` with the line and column where the parser stopped;
    /// [`Error::TooLarge`] above [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
    ///
    /// ```
    /// use qualepref::Audit;
    /// let err = Audit::from_toml_str("modules = [1, 9]\n").unwrap_err();
    /// assert_eq!(err.position(), Some((1, 11)));
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml_str(text: &str) -> Result<Audit, Error> {
        from_toml("audit", text)
    }

    /// Writes the audit as TOML with a final newline; feature `toml`.
    ///
    /// # Errors
    ///
    /// `Error::WriteText` if serialisation fails (a population above 2⁶³ − 1).
    #[cfg(feature = "toml")]
    pub fn to_toml_string(&self) -> Result<String, Error> {
        to_toml(self)
    }
}

impl Referentiel {
    /// Reads a référentiel from `text` in `format`, checking every invariant.
    ///
    /// # Errors
    ///
    /// As [`Audit::from_str_in`]; a broken invariant is reported with every problem listed.
    pub fn from_str_in(text: &str, format: Format) -> Result<Referentiel, Error> {
        match format {
            Format::Json => Referentiel::from_json_str(text),
            #[cfg(feature = "yaml")]
            Format::Yaml => Referentiel::from_yaml_str(text),
            #[cfg(feature = "toml")]
            Format::Toml => Referentiel::from_toml_str(text),
        }
    }

    /// Writes the référentiel in its file format in `format`, with a final newline.
    ///
    /// # Errors
    ///
    /// [`Error::Write`] or `Error::WriteText` if serialisation fails (it does not for a loaded
    /// référentiel).
    pub fn to_string_in(&self, format: Format) -> Result<String, Error> {
        match format {
            Format::Json => self.to_json_string(),
            #[cfg(feature = "yaml")]
            Format::Yaml => self.to_yaml_string(),
            #[cfg(feature = "toml")]
            Format::Toml => self.to_toml_string(),
        }
    }

    /// Reads a référentiel from its YAML form, checking every invariant; feature `yaml`.
    ///
    /// # Errors
    ///
    /// `Error::Yaml` with the line and column where the parser stopped;
    /// [`Error::InvalidReferentiel`] listing every broken invariant;
    /// [`Error::TooLarge`] above [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
    #[cfg(feature = "yaml")]
    pub fn from_yaml_str(text: &str) -> Result<Referentiel, Error> {
        from_yaml::<crate::model::referentiel::ReferentielData>("référentiel", text)
            .and_then(Referentiel::try_from)
    }

    /// Writes the référentiel in its file format as YAML; feature `yaml`.
    ///
    /// # Errors
    ///
    /// `Error::WriteText` if serialisation fails (it does not for a loaded référentiel).
    #[cfg(feature = "yaml")]
    pub fn to_yaml_string(&self) -> Result<String, Error> {
        to_yaml(self)
    }

    /// Reads a référentiel from its TOML form, checking every invariant; feature `toml`.
    ///
    /// # Errors
    ///
    /// `Error::Toml` with the line and column where the parser stopped;
    /// [`Error::InvalidReferentiel`] listing every broken invariant;
    /// [`Error::TooLarge`] above [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
    #[cfg(feature = "toml")]
    pub fn from_toml_str(text: &str) -> Result<Referentiel, Error> {
        from_toml::<crate::model::referentiel::ReferentielData>("référentiel", text)
            .and_then(Referentiel::try_from)
    }

    /// Writes the référentiel in its file format as TOML; feature `toml`.
    ///
    /// # Errors
    ///
    /// `Error::WriteText` if serialisation fails (it does not for a loaded référentiel).
    #[cfg(feature = "toml")]
    pub fn to_toml_string(&self) -> Result<String, Error> {
        to_toml(self)
    }
}

/// Removes the position that a parser appends to its message (` at line L, column C`), since
/// the error carries it separately.
#[cfg(feature = "yaml")]
fn without_position(message: String, line: usize, column: usize) -> String {
    let suffix = format!(" at line {line}, column {column}");
    match message.strip_suffix(&suffix) {
        Some(stripped) => stripped.to_owned(),
        None => message,
    }
}

#[cfg(feature = "yaml")]
fn from_yaml<T: DeserializeOwned>(what: &'static str, text: &str) -> Result<T, Error> {
    crate::check_size(text.len())?;
    // The default budget bounds anchors, aliases, depth and events; snippets are left to the
    // caller, who has the line and column.
    let options = serde_saphyr::options! { with_snippet: false };
    serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let (line, column) = e
            .location()
            .map_or((0, 0), |l| (to_usize(l.line()), to_usize(l.column())));
        Error::Yaml {
            what,
            line,
            column,
            message: without_position(e.to_string(), line, column),
        }
    })
}

#[cfg(feature = "yaml")]
fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

#[cfg(feature = "yaml")]
fn to_yaml<T: Serialize>(value: &T) -> Result<String, Error> {
    // Block scalars (`|`, `>`) are off: serde-saphyr 1.1 writes a text made only of line
    // breaks ("\n") as a block that reads back as empty. Quoted scalars round-trip every text.
    let options = serde_saphyr::ser_options! { prefer_block_scalars: false };
    let mut text =
        serde_saphyr::to_string_with_options(value, options).map_err(|e| Error::WriteText {
            format: "YAML",
            message: e.to_string(),
        })?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

#[cfg(feature = "toml")]
fn from_toml<T: DeserializeOwned>(what: &'static str, text: &str) -> Result<T, Error> {
    crate::check_size(text.len())?;
    toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map_or((0, 0), |span| line_and_column(text, span.start));
        Error::Toml {
            what,
            line,
            column,
            message: e.message().trim_end().to_owned(),
        }
    })
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
#[cfg(feature = "toml")]
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(..end).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
    let line = before.matches('\n').count() + 1;
    (line, column)
}

#[cfg(feature = "toml")]
fn to_toml<T: Serialize>(value: &T) -> Result<String, Error> {
    let mut text = toml::to_string_pretty(value).map_err(|e| Error::WriteText {
        format: "TOML",
        message: e.to_string(),
    })?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::line_and_column;

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_and_column("ab\ncdé\nf", 0), (1, 1));
        assert_eq!(line_and_column("ab\ncdé\nf", 3), (2, 1));
        assert_eq!(line_and_column("ab\ncdé\nf", 8), (3, 1));
        assert_eq!(line_and_column("ab\ncdé\nf", 7), (2, 4));
        assert_eq!(line_and_column("ab", 99), (1, 3));
    }
}
