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
//! expanded. TOML is read with the `toml` crate, whose nesting depth is bounded too; a document
//! holding more than [`MAX_TOML_ITEMS`] tables, keys and values is refused before parsing,
//! which bounds the memory the reader takes.
//!
//! ```
//! # #[cfg(all(feature = "yaml", feature = "toml"))] {
//! use qualepref::{samples, Audit, Format, Interchange};
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let yaml = audit.to_string_in(Format::Yaml)?;
//! assert_eq!(Audit::from_str_in(&yaml, Format::Yaml)?, audit);
//! let toml = audit.to_string_in(Format::Toml)?;
//! assert_eq!(Audit::from_str_in(&toml, Format::Toml)?, audit);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::path::Path;

#[cfg(any(feature = "yaml", feature = "toml"))]
use serde::{Serialize, de::DeserializeOwned};

pub use crate::base::Format;
use crate::{Audit, Error, Referentiel, read_input};

mod inherent;
mod path;
#[cfg(feature = "toml")]
mod toml_budget;
#[cfg(feature = "toml")]
pub use toml_budget::MAX_TOML_ITEMS;

/// A type exchanged as a document in every [`Format`]: [`Audit`] and [`Referentiel`].
///
/// One implementation serves both: the same size limit, the same error positions, the same
/// extension rule. The trait is sealed (the crate's types only); bring it into scope with
/// `use qualepref::Interchange` to call [`from_str_in`](Interchange::from_str_in),
/// [`to_string_in`](Interchange::to_string_in) and [`from_path_in`](Interchange::from_path_in).
/// `Audit::from_path` and `Referentiel::from_path` (the extension's format), `from_json_str`
/// and `to_json_string` are also inherent methods, usable without the trait.
///
/// ```
/// # #[cfg(all(feature = "yaml", feature = "toml"))] {
/// use qualepref::{samples, Audit, Format, Interchange};
///
/// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// for format in Format::ALL {
///     let text = audit.to_string_in(*format)?;
///     assert_eq!(Audit::from_str_in(&text, *format)?, audit);
/// }
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Interchange: Sized + sealed::Sealed {
    /// What the document holds, as error messages name it: `audit`, `référentiel`.
    const WHAT: &'static str;

    /// Reads the document from `text` in `format`.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`], with the line and column, the path of the value and the
    /// [`ErrorCode`](crate::ErrorCode); [`Error::InvalidReferentiel`] for a référentiel that breaks its
    /// invariants; [`Error::TooLarge`] above [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
    fn from_str_in(text: &str, format: Format) -> Result<Self, Error> {
        crate::check_size(text.len())?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw = match format {
            // Read without tracking the path first: a document that reads pays nothing for
            // it; one that fails is read again, tracked, for the path of its error.
            Format::Json => {
                if let Ok(raw) = serde_json::from_str::<Self::Raw>(text) {
                    raw
                } else {
                    path::clear();
                    serde_json::from_str::<path::Tracked<Self::Raw>>(text)
                        .map_err(|e| json_error(Self::WHAT, text, &e))?
                        .0
                }
            }
            #[cfg(feature = "yaml")]
            Format::Yaml => from_yaml::<Self::Raw>(Self::WHAT, text)?,
            #[cfg(feature = "toml")]
            Format::Toml => from_toml::<Self::Raw>(Self::WHAT, text)?,
        };
        Self::from_raw(raw)
    }

    /// Reads the document from `bytes` in `format`: the bytes must be UTF-8 text (a leading
    /// byte-order mark is skipped) within [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES), as for a
    /// file. For a web handler or a database column.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] above the limit; [`Error::NotUtf8`] for bytes that are not UTF-8;
    /// the errors of [`from_str_in`](Interchange::from_str_in).
    ///
    /// ```
    /// use qualepref::{samples, Audit, ErrorCode, Format, Interchange};
    /// let audit = Audit::from_slice_in(samples::TOULON_2019_JSON.as_bytes(), Format::Json)?;
    /// assert_eq!(audit.site.city, "TOULON");
    /// let err = Audit::from_slice_in(b"{\"site\": \xff}", Format::Json).unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::NotUtf8);
    /// # Ok::<(), qualepref::Error>(())
    /// ```
    fn from_slice_in(bytes: &[u8], format: Format) -> Result<Self, Error> {
        crate::check_size(bytes.len())?;
        let text = crate::input::utf8(bytes)?;
        Self::from_str_in(text, format)
    }

    /// Reads the document from `reader` in `format`, reading at most
    /// [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES) (one byte more is refused, without reading
    /// the rest): a request body, a pipe, a socket.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the reader fails (its path is `-`); the errors of
    /// [`from_slice_in`](Interchange::from_slice_in).
    ///
    /// ```
    /// use qualepref::{samples, Audit, Format, Interchange};
    /// let audit = Audit::from_reader_in(samples::TOULON_2019_JSON.as_bytes(), Format::Json)?;
    /// assert_eq!(audit.assessments.len(), 23);
    /// # Ok::<(), qualepref::Error>(())
    /// ```
    fn from_reader_in(reader: impl std::io::Read, format: Format) -> Result<Self, Error> {
        let bytes = crate::input::read_bounded(reader, Path::new("-"))?;
        Self::from_slice_in(&bytes, format)
    }

    /// Writes the document in `format`, with a final newline (JSON pretty-printed).
    ///
    /// # Errors
    ///
    /// [`Error::Write`] or `Error::WriteText` if serialisation fails (it does not for the types
    /// of this crate, except a TOML population above 2⁶³ − 1).
    fn to_string_in(&self, format: Format) -> Result<String, Error> {
        let mut text = match format {
            Format::Json => serde_json::to_string_pretty(self.raw()).map_err(Error::Write)?,
            #[cfg(feature = "yaml")]
            Format::Yaml => to_yaml(self.raw())?,
            #[cfg(feature = "toml")]
            Format::Toml => to_toml(self.raw())?,
        };
        if !text.ends_with('\n') {
            text.push('\n');
        }
        Ok(text)
    }

    /// Reads the document from a file in `format`, or when `None` in the format of the file's
    /// extension ([`Format::from_path`]; JSON for any other extension).
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be read (with the system's reason);
    /// [`Error::InFile`] naming the file around [`Error::TooLarge`] or the errors of
    /// [`from_str_in`](Interchange::from_str_in).
    fn from_path_in(path: impl AsRef<Path>, format: Option<Format>) -> Result<Self, Error> {
        let path = path.as_ref();
        let format = format.or_else(|| Format::from_path(path));
        let text = read_input(path)?;
        Self::from_str_in(&text, format.unwrap_or(Format::Json))
            .map_err(|e| Error::in_file(path, e))
    }
}

pub(crate) mod sealed {
    use serde::Serialize;
    use serde::de::DeserializeOwned;

    use crate::Error;

    /// What [`Interchange`](super::Interchange) needs of a type, kept out of the public API.
    pub trait Sealed {
        /// The form the parsers read, checked into `Self` by `from_raw`.
        type Raw: DeserializeOwned;
        /// The form the writers write.
        type Written: Serialize;
        /// Checks what the parser read.
        fn from_raw(raw: Self::Raw) -> Result<Self, Error>
        where
            Self: Sized;
        /// What to serialise.
        fn raw(&self) -> &Self::Written;
    }
}

impl sealed::Sealed for Audit {
    type Raw = Audit;
    type Written = Audit;
    fn from_raw(raw: Audit) -> Result<Audit, Error> {
        Ok(raw)
    }
    fn raw(&self) -> &Audit {
        self
    }
}

impl Interchange for Audit {
    const WHAT: &'static str = "audit";
}

impl sealed::Sealed for Referentiel {
    type Raw = crate::model::referentiel::ReferentielData;
    type Written = Referentiel;
    fn from_raw(raw: Self::Raw) -> Result<Referentiel, Error> {
        Referentiel::try_from(raw)
    }
    fn raw(&self) -> &Referentiel {
        self
    }
}

impl Interchange for Referentiel {
    const WHAT: &'static str = "référentiel";
}

/// The error of `serde_json`, placed on the value it is about. serde_json gives a value's error
/// (an unknown verdict) where it stopped: after the value, or after the `}` or `]` that closes
/// its object when the value is the last field, the next line. Such a position is moved back
/// to the value's last character. Errors about the whole object (a missing field, a wrong
/// length) keep the closing bracket.
fn json_error(what: &'static str, text: &str, e: &serde_json::Error) -> Error {
    let full = e.to_string();
    // serde_json appends " at line L column C"; the position is given separately.
    let message = match full.rfind(" at line ") {
        Some(at) if e.line() > 0 => full.get(..at).unwrap_or(&full),
        _ => full.as_str(),
    };
    let (mut line, mut column) = (e.line(), e.column());
    let whole_object = ["missing field", "invalid length"]
        .iter()
        .any(|m| message.starts_with(m));
    if e.classify() == serde_json::error::Category::Data && !whole_object {
        if let Some(found) = before_closing_bracket(text, line, column) {
            (line, column) = found;
        }
    }
    let path = match e.classify() {
        serde_json::error::Category::Data => path::take(),
        _ => None,
    };
    Error::parse(what, Format::Json, (line, column), path, message)
}

/// When (`line`, `column`) (1-based, column in bytes) is a closing bracket, the position of
/// the last character before it that is neither space nor line break.
fn before_closing_bracket(text: &str, line: usize, column: usize) -> Option<(usize, usize)> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let at = line_start + column.checked_sub(1)?;
    if !matches!(text.as_bytes().get(at), Some(b'}' | b']')) {
        return None;
    }
    let before = text.get(..at)?.trim_end();
    let last = before.len().checked_sub(1)?;
    let line = before.matches('\n').count() + 1;
    let column = last - before.rfind('\n').map_or(0, |n| n + 1) + 1;
    Some((line, column))
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
    // The default budget bounds anchors, aliases, depth and events; snippets are left to the
    // caller, who has the line and column.
    let options = serde_saphyr::options! { with_snippet: false };
    // As for JSON: tracked only when the untracked read fails.
    if let Ok(read) = serde_saphyr::from_str_with_options::<T>(text, options.clone()) {
        return Ok(read);
    }
    path::clear();
    serde_saphyr::from_str_with_options::<path::Tracked<T>>(text, options)
        .map(|t| t.0)
        .map_err(|e| {
            let (line, column) = e
                .location()
                .map_or((0, 0), |l| (to_usize(l.line()), to_usize(l.column())));
            let message = match e.without_snippet() {
                serde_saphyr::Error::Budget { breach, .. } => yaml_budget_message(breach),
                _ => without_position(e.to_string(), line, column),
            };
            Error::parse(what, Format::Yaml, (line, column), path::take(), &message)
        })
}

/// What a breach of serde-saphyr's budget means, with the limit passed (serde-saphyr prints
/// its debug form, `budget breached: Nodes { nodes: 250001 }`).
#[cfg(feature = "yaml")]
fn yaml_budget_message(breach: &serde_saphyr::budget::BudgetBreach) -> String {
    use serde_saphyr::budget::BudgetBreach as B;
    let limit = serde_saphyr::Budget::default();
    let more = |what: &str, limit: usize| {
        format!("the document holds more than {limit} {what}, the limit for YAML")
    };
    // The other breaches cannot happen to a document of the crate's types under the default
    // budget: the node limit comes before the event limit, the typed fields before the depth
    // limit (64 levels), the single-document reader before the document limit, and the input
    // limit (64 MiB) before the comment limit. They get the general message.
    match breach {
        B::Aliases { .. } => more("aliases (*name)", limit.max_aliases),
        B::Anchors { .. } => more("anchors (&name)", limit.max_anchors),
        B::Nodes { .. } => more("values (mappings, sequences and scalars)", limit.max_nodes),
        B::ScalarBytes { .. } => more("bytes of text in its values", limit.max_total_scalar_bytes),
        B::MergeKeys { .. } => more("merge keys (<<)", limit.max_merge_keys),
        B::AliasAnchorRatio { aliases, anchors } => format!(
            "the document uses {aliases} aliases for {anchors} anchors, too many to expand \
             (an alias bomb?)"
        ),
        _ => "the document is too large or too deeply nested for the YAML reader".to_owned(),
    }
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
    serde_saphyr::to_string_with_options(value, options).map_err(|e| Error::WriteText {
        format: "YAML",
        message: e.to_string(),
    })
}

#[cfg(feature = "toml")]
fn from_toml<T: DeserializeOwned>(what: &'static str, text: &str) -> Result<T, Error> {
    if let Some(at) = toml_budget::over_budget(text) {
        let (line, column) = line_and_column(text, at);
        return Err(Error::parse(
            what,
            Format::Toml,
            (line, column),
            None,
            &format!(
                "the document holds more than {MAX_TOML_ITEMS} tables, keys and values, the \
                 limit for TOML"
            ),
        ));
    }
    // As for JSON: tracked only when the untracked read fails.
    if let Ok(read) = toml::from_str::<T>(text) {
        return Ok(read);
    }
    path::clear();
    toml::from_str::<path::Tracked<T>>(text)
        .map(|t| t.0)
        .map_err(|e| {
            let message = e.message().trim_end();
            // The reader gives no position when dotted keys or table headers nest too deeply:
            // the line of the longest key is where the nesting is.
            let (line, column) = e.span().map_or_else(
                || deepest_key(text).map_or((0, 0), |line| (line, 1)),
                |span| line_and_column(text, span.start),
            );
            Error::parse(what, Format::Toml, (line, column), path::take(), message)
        })
}

/// The 1-based line of the key with the most dotted parts (`a.b.c = 1`, `[a.b.c]`), if any
/// key has more than one.
#[cfg(feature = "toml")]
fn deepest_key(text: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            let l = l.trim_start();
            let key = match l.strip_prefix('[') {
                Some(header) => header.split(']').next().unwrap_or(header),
                None => l.split('=').next().unwrap_or(""),
            };
            (key.matches('.').count(), i + 1)
        })
        .filter(|(dots, _)| *dots > 0)
        .max_by_key(|(dots, line)| (*dots, std::cmp::Reverse(*line)))
        .map(|(_, line)| line)
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
    toml::to_string_pretty(value).map_err(|e| Error::WriteText {
        format: "TOML",
        message: e.to_string(),
    })
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
        // An offset inside a character counts from that character's start.
        assert_eq!(line_and_column("ab\ncdé\nf", 6), (2, 3));
    }
}
