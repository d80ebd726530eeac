//! Writing outputs: standard output and `-o FILE` under one contract, and the format that the
//! name given to `-o` asks for.
//!
//! **Standard output.** A reader that stops early (`| head`: a broken pipe) ends the command
//! quietly with 0; any other failure to write (a full disk, `/dev/full`, a descriptor open
//! read-only) is a failure (2) that names its cause. `/dev/null`, write-only (`>/dev/null`) or
//! read-write (`1<>/dev/null`, Python's `subprocess.DEVNULL`), is a place to write to. A standard
//! output closed before the command starts (`>&-`) cannot be told apart from it: the Rust
//! runtime opens `/dev/null` read-write in its place before the program runs, so the output
//! goes to `/dev/null`.
//!
//! **`-o FILE`.** The same contract, and no surprise for what the name already is:
//!
//! - a regular file, or a name not yet taken, is written whole into a temporary file in the
//!   same directory, then renamed over it: a failure midway (a full disk) leaves the previous
//!   file as it was;
//! - a symbolic link is followed: its target is replaced and the link stays;
//! - the file keeps its permission bits (a private report stays private) and, where the system
//!   allows it, its owner and group; when its group cannot be kept, the group's permission bits
//!   are dropped, so the file is never readable by more people than before. A new file gets the
//!   usual permissions (0666 less the umask);
//! - a hard link is broken: the name given gets the new content, the file's other names keep
//!   the previous one. Writing in place would keep them together, but a failure midway would
//!   then leave a truncated file;
//! - standard output or standard error under another name (`/dev/stdout`, `/dev/stderr`,
//!   `/dev/fd/1`, or the file they are redirected to) is written through that descriptor, with
//!   the contract of standard output;
//! - anything else that is not a regular file (a FIFO, a terminal, a device) is written in
//!   place, with the same contract: a reader that stops early ends the command quietly;
//! - a directory is refused.
//!
//! **Formats and names.** A name given to `-o` never lies about its content. When it has an
//! extension, the extension must be one of the format's (`.csv` for CSV, `.md` or `.markdown`
//! for Markdown…), and when `--format` is not given the format follows it (`-o plan.csv`
//! writes CSV). A name without extension (`-o /dev/stdout`) takes `--format` or the default.
//! Anything else is refused (exit 2) with the names that would do: `grid new -o grid.csv`
//! (a workbook is `.xlsx`), `--format xlsx -o grid.csv`, `render -o report.pdf`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Failure, Status, name, reason, say};

/// Writes `text` to standard output; see the [module docs](self) for the contract.
pub fn print(text: &str) -> Result<(), Failure> {
    print_bytes(text.as_bytes())
}

/// Writes `bytes` to standard output; see the [module docs](self) for the contract.
pub fn print_bytes(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    let written = out.write_all(bytes).and_then(|()| out.flush());
    ended(written, Place::Stdout)
}

/// Writes `bytes` to standard error, with the contract of standard output.
fn print_stderr(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stderr().lock();
    let written = out.write_all(bytes).and_then(|()| out.flush());
    ended(written, Place::Stderr)
}

/// A standard stream, as a message names it.
#[derive(Clone, Copy)]
enum Place {
    Stdout,
    Stderr,
}

/// The end of a write to `place`: a broken pipe is a quiet success, any other error a failure.
fn ended(written: io::Result<()>, place: Place) -> Result<(), Failure> {
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(Failure::quiet(Status::Success)),
        Err(e) => {
            let (fr, en) = match place {
                Place::Stdout => ("la sortie standard", "standard output"),
                Place::Stderr => ("la sortie d'erreur", "standard error"),
            };
            Err(Failure::new(say(
                format!("impossible d'écrire sur {fr}\u{a0}: {}", reason(&e)),
                format!("cannot write to {en}: {}", reason(&e)),
            )))
        }
    }
}

/// Writes `bytes` to `path` (`-o FILE`); see the [module docs](self) for what happens to
/// links, permissions and special files.
pub fn write_file(path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), Failure> {
    let bytes = bytes.as_ref();
    let failed = |e: &io::Error| {
        Failure::new(say(
            format!(
                "{}\u{a0}: écriture impossible\u{a0}: {}",
                name(path),
                reason(e)
            ),
            format!("{}: cannot write: {}", name(path), reason(e)),
        ))
    };
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(Failure::new(say(
            format!(
                "{}\u{a0}: écriture impossible\u{a0}: c'est un dossier\u{202f}; donnez un nom de \
                 fichier",
                name(path)
            ),
            format!(
                "{}: cannot write: it is a directory; give a file name",
                name(path)
            ),
        ))),
        Ok(meta) => match standard_stream(&meta) {
            Some(Stream::Stdout) => print_bytes(bytes),
            Some(Stream::Stderr) => print_stderr(bytes),
            None if meta.is_file() => {
                let target = resolve(path).map_err(|e| failed(&e))?;
                replace(&target, bytes, Some(&meta)).map_err(|e| failed(&e))
            }
            None => {
                let written = std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .and_then(|mut file| file.write_all(bytes).and_then(|()| file.flush()));
                match written {
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                        Err(Failure::quiet(Status::Success))
                    }
                    other => other.map_err(|e| failed(&e)),
                }
            }
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // A new name, or a symbolic link to a name not yet taken: the file is created
            // where the link points.
            let target = resolve(path).map_err(|e| failed(&e))?;
            replace(&target, bytes, None).map_err(|e| {
                let dir = target.parent().filter(|d| !d.as_os_str().is_empty());
                match dir {
                    Some(dir) if e.kind() == io::ErrorKind::NotFound && !dir.exists() => {
                        Failure::new(say(
                            format!(
                                "{}\u{a0}: écriture impossible\u{a0}: le dossier {} n'existe pas",
                                name(path),
                                name(dir)
                            ),
                            format!(
                                "{}: cannot write: the directory {} does not exist",
                                name(path),
                                name(dir)
                            ),
                        ))
                    }
                    _ => failed(&e),
                }
            })
        }
        Err(e) => Err(failed(&e)),
    }
}

/// A standard stream that a name given to `-o` is.
enum Stream {
    Stdout,
    Stderr,
}

/// Whether the file of `meta` is standard output or standard error (same device and inode).
#[cfg(unix)]
fn standard_stream(meta: &std::fs::Metadata) -> Option<Stream> {
    use std::os::fd::AsFd as _;
    use std::os::unix::fs::MetadataExt as _;
    let same = |fd: std::os::fd::BorrowedFd<'_>| {
        fd.try_clone_to_owned()
            .and_then(|fd| std::fs::File::from(fd).metadata())
            .is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
    };
    if same(io::stdout().as_fd()) {
        Some(Stream::Stdout)
    } else if same(io::stderr().as_fd()) {
        Some(Stream::Stderr)
    } else {
        None
    }
}

/// Elsewhere, `/dev/stdout` and its kind are not told apart from other files.
#[cfg(not(unix))]
fn standard_stream(_meta: &std::fs::Metadata) -> Option<Stream> {
    None
}

/// The file that `path` names once its symbolic links are followed (the last component's: the
/// directories on the way are the system's to follow). A loop of links stops at 40, as the
/// system does.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut target = path.to_owned();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&target) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&target)?;
                target = match target.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            Ok(_) => return Ok(target),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(target),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Replaces the regular file `target` (or creates it) with `bytes`: a temporary file beside it,
/// readable by its owner only, written, given the permissions of `previous` (or of a new file),
/// synced, then renamed over `target`.
fn replace(target: &Path, bytes: &[u8], previous: Option<&std::fs::Metadata>) -> io::Result<()> {
    let mode = match previous {
        Some(previous) => Access::of(previous),
        None => Access::new_file(target)?,
    };
    let (temp, mut file) = temporary(target, 0o600)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| mode.give(&file))
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&temp, target));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// A new file beside `target`, named `.qualepref-PID-N.tmp`, created with `mode` (less the
/// umask).
fn temporary(target: &Path, mode: u32) -> io::Result<(PathBuf, std::fs::File)> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    #[cfg(not(unix))]
    let _ = mode;
    let mut n = 0_u32;
    loop {
        let temp = target.with_file_name(format!(".qualepref-{}-{n}.tmp", std::process::id()));
        match options.open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err(e),
        }
    }
}

/// The access a written file gets: the permissions, owner and group of the file it replaces,
/// or those of a new file.
struct Access {
    permissions: std::fs::Permissions,
    #[cfg(unix)]
    owner: Option<(u32, u32)>,
}

impl Access {
    /// The access of the file `previous`.
    fn of(previous: &std::fs::Metadata) -> Access {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            Access {
                permissions: previous.permissions(),
                owner: Some((previous.uid(), previous.gid())),
            }
        }
        #[cfg(not(unix))]
        Access {
            permissions: previous.permissions(),
        }
    }

    /// The access of a new file beside `target`: 0666 less the umask, as the system gives it,
    /// read from an empty file created and removed at once (the umask cannot be read without
    /// changing it).
    fn new_file(target: &Path) -> io::Result<Access> {
        let (probe, file) = temporary(target, 0o666)?;
        let permissions = file.metadata().map(|m| m.permissions());
        drop(file);
        let _ = std::fs::remove_file(&probe);
        Ok(Access {
            permissions: permissions?,
            #[cfg(unix)]
            owner: None,
        })
    }

    /// Gives `file` this access: owner and group first where the system allows (only the
    /// superuser gives a file away; an owner gives it to one of their groups), then the
    /// permission bits. A group that cannot be kept gets no more access than the others.
    fn give(&self, file: &std::fs::File) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
            let mut mode = self.permissions.mode() & 0o7777;
            if let Some((uid, gid)) = self.owner {
                let own = file.metadata()?;
                if own.uid() != uid || own.gid() != gid {
                    let kept = std::os::unix::fs::fchown(file, Some(uid), Some(gid))
                        .or_else(|_| std::os::unix::fs::fchown(file, None, Some(gid)));
                    if kept.is_err() {
                        mode &= !0o070 | ((mode & 0o007) << 3);
                    }
                }
            }
            file.set_permissions(std::fs::Permissions::from_mode(mode))
        }
        #[cfg(not(unix))]
        file.set_permissions(self.permissions.clone())
    }
}

/// The formats a command writes, each with the extensions of its files (lower case, without
/// the dot), the first the one to suggest.
pub struct Formats<F: 'static> {
    /// The command, as typed (`grid export`), for messages.
    pub command: &'static str,
    /// Each format and its extensions.
    pub table: &'static [(F, &'static [&'static str])],
    /// The format without `--format` nor extension.
    pub default: F,
}

impl<F: Copy + PartialEq + clap::ValueEnum> Formats<F> {
    /// The format to write: `given` (`--format`), or the one of the extension of `output`
    /// (`-o`), or the default; see the [module docs](self) for what is refused.
    pub fn choose(&self, given: Option<F>, output: Option<&Path>) -> Result<F, Failure> {
        let Some((path, extension)) =
            output.and_then(|path| Some((path, path.extension()?.to_string_lossy())))
        else {
            return Ok(given.unwrap_or(self.default));
        };
        let lower = extension.to_lowercase();
        let named = self
            .table
            .iter()
            .find(|(_, extensions)| extensions.contains(&lower.as_str()))
            .map(|&(format, _)| format);
        let shown = name(path);
        let extension = printable_extension(&extension);
        match (given, named) {
            (None, Some(format)) => Ok(format),
            (Some(given), Some(format)) if given == format => Ok(given),
            (Some(given), Some(format)) => Err(Failure::new(say(
                format!(
                    "-o {shown}\u{a0}: --format {} n'écrit pas de fichier .{extension}\u{a0}: \
                     nommez le fichier {}, ou omettez --format pour écrire du {}",
                    value_name(&given),
                    self.extensions_of(Some(given), "ou"),
                    value_name(&format)
                ),
                format!(
                    "-o {shown}: a .{extension} file is not what --format {} writes: name the \
                     file {}, or leave --format out to write {}",
                    value_name(&given),
                    self.extensions_of(Some(given), "or"),
                    value_name(&format)
                ),
            ))),
            (Some(given), None) => Err(Failure::new(say(
                format!(
                    "-o {shown}\u{a0}: --format {} n'écrit pas de fichier .{extension}\u{a0}: \
                     nommez le fichier {}",
                    value_name(&given),
                    self.extensions_of(Some(given), "ou"),
                ),
                format!(
                    "-o {shown}: a .{extension} file is not what --format {} writes: name the \
                     file {}",
                    value_name(&given),
                    self.extensions_of(Some(given), "or"),
                ),
            ))),
            (None, None) => Err(Failure::new(say(
                format!(
                    "-o {shown}\u{a0}: {} n'écrit pas de fichier .{extension}\u{a0}: nommez le \
                     fichier {}",
                    self.command,
                    self.extensions_of(None, "ou")
                ),
                format!(
                    "-o {shown}: {} does not write .{extension} files: name the file {}",
                    self.command,
                    self.extensions_of(None, "or")
                ),
            ))),
        }
    }

    /// `.md or .markdown`: the extensions of `format`, or of every format, the last after
    /// `or` (the word of the language).
    fn extensions_of(&self, format: Option<F>, or: &str) -> String {
        let all: Vec<String> = self
            .table
            .iter()
            .filter(|(f, _)| format.is_none_or(|format| *f == format))
            .flat_map(|(_, extensions)| extensions.iter().map(|e| format!(".{e}")))
            .collect();
        match all.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} {or} {last}", rest.join(", ")),
        }
    }
}

/// The name of a format as `--format` takes it.
fn value_name<F: clap::ValueEnum>(format: &F) -> String {
    format
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_owned())
}

/// An extension for a message, its control characters escaped.
fn printable_extension(extension: &str) -> String {
    super::printable(extension).into_owned()
}
