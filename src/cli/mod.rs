//! What the subcommands share: exit statuses, failures and their messages, global options,
//! reading inputs (files or standard input, with the size limit); writing outputs is
//! [`output`]'s, the values of options [`values`]'.
//!
//! Every name the tool prints (a file, a path, a label, a sheet) is printed as it is when it
//! holds no control character, and quoted with its control characters escaped otherwise
//! (`"a\u{1b}]0;x\u{7}.json"`), as validation quotes the texts of an audit: a name never drives
//! the terminal. Whatever else reaches standard error has its control characters but line feed
//! and tab escaped.

pub mod diff;
pub mod grid;
pub mod history;
pub mod import;
pub mod network;
pub mod output;
pub mod plan;
pub mod referentiel;
pub mod render;
pub mod schema;
pub mod synthesize;
pub mod validate;
pub mod values;

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use qualepref::{Audit, Error, Format, Interchange as _, MAX_INPUT_BYTES, NaiveDate, Referentiel};

pub use output::{print, write_file};

/// How a command ended; the exit code is its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// 0: done, and the data is valid.
    Success = 0,
    /// 1: the data is invalid (an error-severity diagnostic).
    Invalid = 1,
    /// 2: the command could not run.
    Failure = 2,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(status as u8)
    }
}

/// The language of the run's documents and messages, set once from `--lang` and the
/// environment ([`set_language`]).
static LANGUAGE: OnceLock<qualepref::Language> = OnceLock::new();

/// Sets the run's language: `--lang` when given; otherwise English when the first of
/// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty starts with `en`, and French
/// (the crate's default: its users are French) in every other case, `C` and `POSIX` included.
pub fn set_language(lang: Option<LangArg>) -> qualepref::Language {
    let language = lang.map_or_else(
        || {
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(std::env::var_os)
                .find(|v| !v.is_empty());
            match locale {
                Some(v) if v.to_string_lossy().starts_with("en") => qualepref::Language::En,
                _ => qualepref::Language::Fr,
            }
        },
        LangArg::language,
    );
    *LANGUAGE.get_or_init(|| language)
}

/// The run's language ([`set_language`]; French before it is set).
pub fn language() -> qualepref::Language {
    LANGUAGE.get().copied().unwrap_or(qualepref::Language::Fr)
}

/// The message of the run's language: its French, or its English. Every message of the tool
/// is given in both.
pub fn say(fr: impl Into<String>, en: impl Into<String>) -> String {
    if language() == qualepref::Language::Fr {
        fr.into()
    } else {
        en.into()
    }
}

/// A reason the command could not run, as the one line printed on standard error.
#[derive(Debug)]
pub struct Failure {
    message: Option<String>,
    status: Status,
}

impl Failure {
    /// A failure with its message (without the `qualepref: ` prefix).
    pub fn new(message: impl Into<String>) -> Self {
        Failure {
            message: Some(message.into()),
            status: Status::Failure,
        }
    }

    /// An end without message, with `status` (a closed pipe ends with 0).
    pub fn quiet(status: Status) -> Self {
        Failure {
            message: None,
            status,
        }
    }

    /// Prints the message on standard error and gives its status ([`Status::Failure`] unless
    /// made [`quiet`](Self::quiet)).
    pub fn report(&self) -> Status {
        if let Some(message) = &self.message {
            warn(message);
        }
        self.status
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::new(describe(&e))
    }
}

/// Prints `qualepref: message` on standard error, its control characters but line feed and tab
/// escaped. A closed standard error is ignored: there is nowhere left to say it.
pub fn warn(message: &str) {
    let _ = writeln!(io::stderr().lock(), "qualepref: {}", printable(message));
}

/// `text` with its control characters but line feed and tab escaped (`\u{1b}`), as the crate's
/// messages escape what parsers quote; borrowed when there is none.
pub fn printable(text: &str) -> Cow<'_, str> {
    let escaped = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if escaped(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `path` as a message names it: as it is, or quoted with its control characters and the bytes
/// that are not UTF-8 escaped (`"a\u{1b}.json"`, `"\xFF.json"`).
// The quotes and escapes of `Debug` are the point.
#[allow(clippy::unnecessary_debug_formatting)]
pub fn name(path: &Path) -> String {
    match path.to_str() {
        Some(text) if !text.chars().any(char::is_control) => text.to_owned(),
        _ => format!("{path:?}"),
    }
}

/// The system's reason for an I/O failure, as a user reads it: `No such file or directory`,
/// without the error number the system adds (` (os error 2)`).
pub fn reason(e: &io::Error) -> String {
    let text = e.to_string();
    match e.raw_os_error() {
        Some(code) => text
            .strip_suffix(&format!(" (os error {code})"))
            .map_or_else(|| text.clone(), str::to_owned),
        None => text,
    }
}

/// The error's message: the crate's errors hold their causes' text (the system's reason when a
/// file could not be read), so it is printed once; the files it names are named as [`name`]
/// does, and the system's reason as [`reason`] gives it.
pub fn describe(e: &Error) -> String {
    match e {
        Error::Io {
            path,
            writing,
            error,
            ..
        } => match (language(), *writing) {
            (qualepref::Language::Fr, true) => {
                format!(
                    "impossible d'écrire {}\u{a0}: {}",
                    name(path),
                    reason(error)
                )
            }
            (qualepref::Language::Fr, false) => {
                format!("impossible de lire {}\u{a0}: {}", name(path), reason(error))
            }
            (_, true) => format!("cannot write {}: {}", name(path), reason(error)),
            (_, false) => format!("cannot read {}: {}", name(path), reason(error)),
        },
        Error::InFile { path, inner, .. } => {
            format!("{}{}{}", name(path), colon(), describe(inner))
        }
        other => other.message_in(language()),
    }
}

/// A value the JSON writer refused.
pub fn cannot_write_json(e: &serde_json::Error) -> Failure {
    Failure::new(say(
        format!("impossible d'écrire le JSON\u{a0}: {e}"),
        format!("cannot write JSON: {e}"),
    ))
}

/// `: ` in English, ` : ` (no-break space) in French.
pub fn colon() -> &'static str {
    if language() == qualepref::Language::Fr {
        "\u{a0}: "
    } else {
        ": "
    }
}

/// `FILE: cannot read: reason`, in the run's language.
pub fn cannot_read(path: &Path, e: &io::Error) -> Failure {
    Failure::new(say(
        format!(
            "{}\u{a0}: lecture impossible\u{a0}: {}",
            name(path),
            reason(e)
        ),
        format!("{}: cannot read: {}", name(path), reason(e)),
    ))
}

/// The options that apply to every subcommand.
#[derive(Debug, Clone, Default)]
pub struct Globals {
    /// `--referentiel FILE`: the référentiel to use instead of the embedded one.
    pub referentiel: Option<PathBuf>,
    /// `--input-format`: the format of inputs, instead of their extension.
    pub input_format: Option<Format>,
}

impl Globals {
    /// The référentiel: the one given with `--referentiel`, loaded and checked, or the embedded
    /// Qual-e-pref 2019.
    pub fn referentiel(&self) -> Result<Referentiel, Failure> {
        match &self.referentiel {
            None => Ok(Referentiel::qual_e_pref_2019().clone()),
            Some(path) => {
                let input = Input::new(path);
                match &input {
                    Input::File(path) => Ok(
                        <qualepref::Referentiel as qualepref::Interchange>::from_path_in(
                            path,
                            self.input_format,
                        )?,
                    ),
                    Input::Stdin => {
                        let text = read_stdin()?;
                        let format = self.input_format.unwrap_or(Format::Json);
                        Referentiel::from_str_in(&text, format).map_err(|e| {
                            Failure::new(format!("{input}{}{}", colon(), describe(&e)))
                        })
                    }
                }
            }
        }
    }

    /// Reads the audit `input`.
    pub fn audit(&self, input: &Input) -> Result<Audit, Failure> {
        self.read_audit(input)?.map_err(|e| match input {
            Input::File(_) => Failure::from(e),
            Input::Stdin => Failure::new(format!("{input}{}{}", colon(), describe(&e))),
        })
    }

    /// The audit of `input`, or the library's error when it cannot be read as one (for a
    /// caller that reports it as a diagnostic); the outer error is standard input's own.
    pub fn read_audit(&self, input: &Input) -> Result<Result<Audit, Error>, Failure> {
        Ok(match input {
            Input::File(path) => {
                <qualepref::Audit as qualepref::Interchange>::from_path_in(path, self.input_format)
            }
            Input::Stdin => {
                let text = read_stdin()?;
                let format = self.input_format.unwrap_or(Format::Json);
                Audit::from_str_in(&text, format)
            }
        })
    }

    /// Refuses to read standard input twice: `-` more than once among `inputs`, or once with
    /// `--referentiel -`.
    pub fn stdin_once<'a>(
        &self,
        inputs: impl IntoIterator<Item = &'a Input>,
    ) -> Result<(), Failure> {
        let referentiel = self
            .referentiel
            .as_deref()
            .is_some_and(|p| Input::new(p) == Input::Stdin);
        let uses = inputs.into_iter().filter(|i| **i == Input::Stdin).count();
        if uses + usize::from(referentiel) > 1 {
            return Err(Failure::new(say(
                "l'entrée standard (-) ne peut être lue qu'une fois",
                "standard input (-) can be read only once",
            )));
        }
        Ok(())
    }
}

/// An input: a file, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// `-` is standard input; anything else a file.
    pub fn new(path: &Path) -> Input {
        if path.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::File(path.to_owned())
        }
    }

    /// The name of the input as it is (`<stdin>` for standard input), for data that escapes
    /// it by itself (JSON); messages use its [`Display`](fmt::Display) form.
    pub fn raw(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_owned(),
            Input::File(path) => path.to_string_lossy().into_owned(),
        }
    }
}

/// The input as a message names it ([`name`]).
impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("<stdin>"),
            Input::File(path) => f.write_str(&name(path)),
        }
    }
}

/// Reads standard input as UTF-8 text, refusing more than [`MAX_INPUT_BYTES`].
pub fn read_stdin() -> Result<String, Failure> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(MAX_INPUT_BYTES.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Failure::new(say(
                format!(
                    "<stdin>\u{a0}: lecture de l'entrée standard impossible\u{a0}: {}",
                    reason(&e)
                ),
                format!("<stdin>: cannot read standard input: {}", reason(&e)),
            ))
        })?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_INPUT_BYTES {
        return Err(Failure::new(say(
            format!("<stdin>\u{a0}: l'entrée dépasse la limite de {MAX_INPUT_BYTES} octets"),
            format!("<stdin>: input is larger than the limit of {MAX_INPUT_BYTES} bytes"),
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Failure::new(say(
            format!(
                "<stdin>\u{a0}: ce n'est pas un texte UTF-8 (octet invalide à la position {offset})"
            ),
            format!("<stdin>: not UTF-8 text (invalid byte at offset {offset})"),
        ))
    })
}

/// A format as a command-line value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// JSON.
    Json,
    /// YAML.
    #[value(alias = "yml")]
    Yaml,
    /// TOML.
    Toml,
}

impl FormatArg {
    /// The names of the audit files that `command` writes.
    pub fn files(command: &'static str) -> output::Formats<FormatArg> {
        output::Formats {
            command,
            table: &[
                (FormatArg::Json, &["json"]),
                (FormatArg::Yaml, &["yaml", "yml"]),
                (FormatArg::Toml, &["toml"]),
            ],
            default: FormatArg::Json,
        }
    }

    /// The library's format.
    pub fn format(self) -> Format {
        match self {
            FormatArg::Json => Format::Json,
            FormatArg::Yaml => Format::Yaml,
            FormatArg::Toml => Format::Toml,
        }
    }
}

/// A language as a command-line value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// French.
    Fr,
    /// English.
    En,
}

impl LangArg {
    /// The library's language.
    pub fn language(self) -> qualepref::Language {
        match self {
            LangArg::Fr => qualepref::Language::Fr,
            LangArg::En => qualepref::Language::En,
        }
    }
}

/// Today, in UTC (the library has no time-zone database).
pub fn today() -> Result<NaiveDate, Failure> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| {
            Failure::new(say(
                "lecture de l'horloge impossible\u{a0}: elle est réglée avant 1970\u{202f}; \
                 donnez --at",
                "cannot read the clock: it is set before 1970; give --at",
            ))
        })?
        .as_secs();
    i64::try_from(seconds)
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map(|t| t.date_naive())
        .ok_or_else(|| {
            Failure::new(say(
                "lecture de l'horloge impossible\u{a0}: sa date est hors des limites\u{202f}; \
                 donnez --at",
                "cannot read the clock: its date is out of range; give --at",
            ))
        })
}

/// The audit files of `inputs`: files as given, a directory's audits sorted by name.
pub fn audit_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input).map_err(|e| cannot_read(input, &e))?;
            let mut found = Vec::new();
            for entry in entries {
                let entry = entry.map_err(|e| cannot_read(input, &e))?;
                let path = entry.path();
                let audit_like = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| matches!(e, "json" | "yaml" | "yml" | "toml"));
                if audit_like && path.is_file() {
                    found.push(path);
                }
            }
            found.sort();
            if found.is_empty() {
                return Err(Failure::new(say(
                    format!(
                        "{}\u{a0}: aucun fichier d'audit (.json, .yaml, .yml, .toml) dans le \
                         dossier",
                        name(input)
                    ),
                    format!(
                        "{}: no audit file (.json, .yaml, .yml, .toml) in the directory",
                        name(input)
                    ),
                )));
            }
            out.append(&mut found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}
