//! The loaders and writers of [`Audit`] and [`Referentiel`] as inherent methods (usable without
//! bringing [`Interchange`] into scope): the formats' part of those types, kept here so that the
//! model does not depend on the parsers.

use std::path::Path;

use crate::{Audit, Error, Format, Interchange, Referentiel};

impl Audit {
    /// Reads an audit from its JSON form (the layout above).
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] with the line and column where the parser stopped, for malformed JSON, a
    /// missing or unknown field, an unknown code or an out-of-range number;
    /// [`Error::TooLarge`] above [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
    ///
    /// ```
    /// use qualepref::Audit;
    /// let err = Audit::from_json_str("{\n  \"site\": 12\n}").unwrap_err();
    /// assert_eq!(err.position(), Some((2, 12)));
    /// ```
    pub fn from_json_str(text: &str) -> Result<Audit, Error> {
        Audit::from_str_in(text, Format::Json)
    }

    /// Reads an audit from `bytes` in `format` — a request body, a database column — with the
    /// checks a file gets: UTF-8 (a leading byte-order mark skipped) and
    /// [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES). See [`Interchange::from_slice_in`].
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`], [`Error::NotUtf8`], or the parser's [`Error::Parse`] (whose
    /// [`code`](Error::code) and [`path`](Error::path) say what and where).
    pub fn from_slice(bytes: &[u8], format: Format) -> Result<Audit, Error> {
        Audit::from_slice_in(bytes, format)
    }

    /// Reads an audit from `reader` in `format`, reading at most
    /// [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES). See [`Interchange::from_reader_in`].
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the reader fails; the errors of [`from_slice`](Audit::from_slice).
    pub fn from_reader(reader: impl std::io::Read, format: Format) -> Result<Audit, Error> {
        Audit::from_reader_in(reader, format)
    }

    /// Reads an audit from a file in the format of its extension: `.yaml`/`.yml` YAML, `.toml`
    /// TOML (with those features), JSON otherwise. [`Interchange::from_path_in`] takes the
    /// format explicitly.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be read, with the system's reason; [`Error::InFile`]
    /// naming the file around [`Error::TooLarge`] or the parser's error.
    ///
    /// ```
    /// use qualepref::Audit;
    /// let audit = Audit::from_path("examples/data/toulon-2019.json")?;
    /// assert_eq!(audit.site.city, "TOULON");
    /// # Ok::<(), qualepref::Error>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Audit, Error> {
        Audit::from_path_in(path, None)
    }

    /// Writes the audit as pretty-printed JSON with a final newline, in the documented layout.
    ///
    /// # Errors
    ///
    /// [`Error::Write`] if serialisation fails (it does not for the types of this crate).
    pub fn to_json_string(&self) -> Result<String, Error> {
        self.to_string_in(Format::Json)
    }
}

impl Referentiel {
    /// Reads a référentiel from its JSON form, checking every invariant.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] with the line and column for malformed JSON or a missing or unknown field;
    /// [`Error::InvalidReferentiel`] listing every broken invariant.
    ///
    /// ```
    /// use qualepref::Referentiel;
    /// let err = Referentiel::from_json_str(r#"{"id": "x", "name": "X", "title": "X",
    ///     "date": "2020-01-01", "modules": [{"number": 1, "title": "", "obligatory": true,
    ///     "bundled": false}]}"#).unwrap_err();
    /// assert!(err.to_string().contains("module 1 has an empty title"));
    /// ```
    pub fn from_json_str(text: &str) -> Result<Referentiel, Error> {
        Referentiel::from_str_in(text, Format::Json)
    }

    /// Reads a référentiel from `bytes` in `format` — a request body, a database column — with the
    /// checks a file gets: UTF-8 (a leading byte-order mark skipped) and
    /// [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES). See [`Interchange::from_slice_in`].
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`], [`Error::NotUtf8`], or the parser's [`Error::Parse`] (whose
    /// [`code`](Error::code) and [`path`](Error::path) say what and where), or [`Error::InvalidReferentiel`].
    pub fn from_slice(bytes: &[u8], format: Format) -> Result<Referentiel, Error> {
        Referentiel::from_slice_in(bytes, format)
    }

    /// Reads a référentiel from `reader` in `format`, reading at most
    /// [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES). See [`Interchange::from_reader_in`].
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the reader fails; the errors of [`from_slice`](Referentiel::from_slice).
    pub fn from_reader(reader: impl std::io::Read, format: Format) -> Result<Referentiel, Error> {
        Referentiel::from_reader_in(reader, format)
    }

    /// Reads a référentiel from a file in the format of its extension (`.yaml`/`.yml` YAML,
    /// `.toml` TOML with those features, JSON otherwise), checking every invariant.
    /// [`Interchange::from_path_in`] takes the format explicitly.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be read, with the system's reason; [`Error::InFile`]
    /// naming the file around [`Error::TooLarge`], the parser's error or
    /// [`Error::InvalidReferentiel`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Referentiel, Error> {
        Referentiel::from_path_in(path, None)
    }

    /// Writes the référentiel in its JSON file format (pretty-printed, with a final newline).
    ///
    /// # Errors
    ///
    /// [`Error::Write`] if serialisation fails (it does not for a loaded référentiel).
    pub fn to_json_string(&self) -> Result<String, Error> {
        self.to_string_in(Format::Json)
    }
}
