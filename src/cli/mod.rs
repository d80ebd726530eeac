//! What the subcommands share: exit statuses, failures, global options, reading inputs (files or
//! standard input, with the size limit) and writing outputs.

pub mod diff;
pub mod grid;
pub mod history;
pub mod import;
pub mod plan;
pub mod referentiel;
pub mod render;
pub mod schema;
pub mod synthesize;
pub mod validate;
pub mod values;

use std::fmt;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use qualepref::{Audit, Error, Format, Interchange as _, MAX_INPUT_BYTES, NaiveDate, Referentiel};

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

/// Prints `qualepref: message` on standard error. A closed standard error is ignored: there is
/// nowhere left to say it.
pub fn warn(message: &str) {
    let _ = writeln!(io::stderr().lock(), "qualepref: {message}");
}

/// The error's message: the crate's errors hold their causes' text (the system's reason when a
/// file could not be read), so it is printed once.
pub fn describe(e: &Error) -> String {
    e.to_string()
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
                        Referentiel::from_str_in(&text, format)
                            .map_err(|e| Failure::new(format!("{input}: {}", describe(&e))))
                    }
                }
            }
        }
    }

    /// Reads the audit `input`.
    pub fn audit(&self, input: &Input) -> Result<Audit, Failure> {
        match input {
            Input::File(path) => Ok(<qualepref::Audit as qualepref::Interchange>::from_path_in(
                path,
                self.input_format,
            )?),
            Input::Stdin => {
                let text = read_stdin()?;
                let format = self.input_format.unwrap_or(Format::Json);
                Audit::from_str_in(&text, format)
                    .map_err(|e| Failure::new(format!("{input}: {}", describe(&e))))
            }
        }
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
            return Err(Failure::new("standard input (-) can be read only once"));
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
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("<stdin>"),
            Input::File(path) => write!(f, "{}", path.display()),
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
        .map_err(|e| Failure::new(format!("<stdin>: cannot read standard input: {e}")))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_INPUT_BYTES {
        return Err(Failure::new(format!(
            "<stdin>: input is larger than the limit of {MAX_INPUT_BYTES} bytes"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        Failure::new(format!(
            "<stdin>: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Writes `text` to standard output. A closed pipe (`| head`: the reader stopped on purpose)
/// ends the command quietly with 0; a standard output that was closed (`>&-`) or cannot be
/// written is a failure (2) with a message.
pub fn print(text: &str) -> Result<(), Failure> {
    if stdout_closed() {
        return Err(Failure::new(
            "cannot write to standard output: it is closed; nothing written (redirect it, or use \
             -o FILE where the command has it)",
        ));
    }
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(Failure::quiet(Status::Success)),
        Err(e) => Err(Failure::new(format!(
            "cannot write to standard output: {e}"
        ))),
    }
}

/// Whether standard output was closed when the command started. The Rust runtime opens
/// `/dev/null` (read-write) in place of a closed standard stream, so writes would succeed and
/// the output be lost; a shell's `>/dev/null` opens it write-only. Linux only (it reads
/// `/proc/self`); elsewhere a closed standard output is not told apart from `/dev/null`.
fn stdout_closed() -> bool {
    if !cfg!(target_os = "linux") {
        return false;
    }
    let null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == Path::new("/dev/null"));
    null && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
        info.lines()
            .find_map(|l| l.strip_prefix("flags:"))
            .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
            // O_ACCMODE is 3, O_RDWR 2.
            .is_some_and(|flags| flags & 3 == 2)
    })
}

/// Writes `text` to the file `path` (`-o OUT`) atomically: into a temporary file beside it,
/// then renamed over it, so that a failure midway (a full disk) leaves the previous file as it
/// was. A path that exists and is not a regular file (`/dev/stdout`, a FIFO) is written
/// directly.
pub fn write_file(path: &Path, text: impl AsRef<[u8]>) -> Result<(), Failure> {
    let text = text.as_ref();
    let failed = |e: io::Error| Failure::new(format!("{}: cannot write: {e}", path.display()));
    let special = std::fs::metadata(path).is_ok_and(|m| !m.is_file());
    if special {
        return std::fs::write(path, text).map_err(failed);
    }
    let name = path.file_name().ok_or_else(|| {
        Failure::new(format!("{}: cannot write: not a file name", path.display()))
    })?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp = path.with_file_name(temp_name);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut file| {
            file.write_all(text)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temp, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        failed(e)
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
        .map_err(|e| Failure::new(format!("cannot read the clock: {e}")))?
        .as_secs();
    i64::try_from(seconds)
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map(|t| t.date_naive())
        .ok_or_else(|| Failure::new("cannot read the clock: out of range"))
}

/// The audit files of `inputs`: files as given, a directory's audits sorted by name.
pub fn audit_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = std::fs::read_dir(input)
                .map_err(|e| Failure::new(format!("{}: cannot read: {e}", input.display())))?;
            let mut found = Vec::new();
            for entry in entries {
                let entry = entry
                    .map_err(|e| Failure::new(format!("{}: cannot read: {e}", input.display())))?;
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
                return Err(Failure::new(format!(
                    "{}: no audit file (.json, .yaml, .yml, .toml) in the directory",
                    input.display()
                )));
            }
            out.append(&mut found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}
