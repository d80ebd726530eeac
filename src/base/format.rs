//! The identifier of an interchange format ([`Format`]); the readers and writers are in
//! `crate::formats`.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use crate::Error;

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
    #[cfg_attr(docsrs, doc(cfg(feature = "yaml")))]
    Yaml,
    /// TOML (extension `.toml`); feature `toml`.
    #[cfg(feature = "toml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "toml")))]
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

    /// The wire form: the lowercase name, as [`name`](Format::name).
    #[must_use]
    pub const fn code(self) -> &'static str {
        self.name()
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
