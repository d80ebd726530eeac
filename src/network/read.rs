//! Reading the network's audits: the directory walk, then each file read and parsed on every
//! core (rayon); validation is the site's dossier's.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{NetworkOptions, NetworkProblem};
use crate::{Audit, Error, Format, Interchange as _};

/// One audit read, with its file (or label) and its place in the order of the files.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    pub(crate) order: usize,
    pub(crate) file: String,
    pub(crate) audit: Audit,
}

/// Whether `path` names an audit file by its extension.
fn audit_like(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["json", "yaml", "yml", "toml"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// Whether a name is hidden (`.git`, `.DS_Store`).
fn hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn io_error(path: &Path, error: std::io::Error) -> Error {
    Error::Io {
        path: path.to_owned(),
        writing: false,
        error,
    }
}

/// The audit files of `paths`: files as given, directories walked at any depth (sorted by
/// path, hidden entries skipped, links followed to files but not into folders); a folder
/// below a path given that cannot be listed is a problem.
pub(crate) fn walk<P: AsRef<Path>>(
    paths: impl IntoIterator<Item = P>,
) -> Result<(Vec<PathBuf>, Vec<NetworkProblem>), Error> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            let entries = std::fs::read_dir(path).map_err(|e| io_error(path, e))?;
            walk_dir(path, entries, &mut found, &mut problems);
            found.sort();
            files.append(&mut found);
        } else {
            files.push(path.to_owned());
        }
    }
    Ok((files, problems))
}

fn walk_dir(
    dir: &Path,
    entries: std::fs::ReadDir,
    found: &mut Vec<PathBuf>,
    problems: &mut Vec<NetworkProblem>,
) {
    let mut folders = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(NetworkProblem::folder(
                    dir.to_string_lossy().into_owned(),
                    &io_error(dir, e),
                ));
                continue;
            }
        };
        let path = entry.path();
        if hidden(&path) {
            continue;
        }
        // A link is followed to a file; a folder reached through a link is not entered (no
        // loop to guard against).
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() && !is_link => folders.push(path),
            Ok(meta) if meta.is_file() && audit_like(&path) => found.push(path),
            Err(e) if audit_like(&path) => {
                // A dangling link or a file gone between listing and reading: said, not skipped.
                let name = path.to_string_lossy().into_owned();
                problems.push(NetworkProblem::unreadable(name, &io_error(&path, e)));
            }
            Ok(_) | Err(_) => {}
        }
    }
    folders.sort();
    for folder in folders {
        match std::fs::read_dir(&folder) {
            Ok(entries) => walk_dir(&folder, entries, found, problems),
            Err(e) => problems.push(NetworkProblem::folder(
                folder.to_string_lossy().into_owned(),
                &io_error(&folder, e),
            )),
        }
    }
}

/// Reads and parses `files` on every core, in their order; each problem with the file's place
/// in that order.
pub(crate) fn read_files(
    files: &[PathBuf],
    options: &NetworkOptions,
) -> (Vec<Parsed>, Vec<(usize, NetworkProblem)>) {
    let results: Vec<Result<Parsed, Box<(usize, NetworkProblem)>>> = files
        .par_iter()
        .enumerate()
        .map(|(order, path)| {
            let file = path.to_string_lossy().into_owned();
            let format: Option<Format> = options.format;
            match Audit::from_path_in(path, format) {
                Ok(audit) => Ok(Parsed { order, file, audit }),
                Err(e) => Err(Box::new((order, NetworkProblem::unreadable(file, &e)))),
            }
        })
        .collect();
    let mut parsed = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok(p) => parsed.push(p),
            Err(p) => problems.push(*p),
        }
    }
    (parsed, problems)
}
