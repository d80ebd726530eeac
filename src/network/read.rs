//! Reading the network's audits: the directory walk, then each file read, parsed, validated and
//! reduced to a [`Digest`] on every core (rayon), the audit dropped before the next.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{NetworkOptions, NetworkProblem};
use crate::plan::PlanAction;
use crate::{
    Audit, AuditDates, AuditKind, EngagementNumber, Error, Format, Interchange as _, ModuleNumber,
    Nonconformities, ObservationKind, Outcome, Plan, Rate, Referentiel, Site, Valid, Verdict,
    decide, score,
};

/// What the network keeps of one valid audit.
#[derive(Debug, Clone)]
pub(crate) struct Digest {
    pub(crate) file: String,
    pub(crate) site: Site,
    pub(crate) kind: AuditKind,
    pub(crate) dates: AuditDates,
    pub(crate) modules: Vec<ModuleNumber>,
    pub(crate) outcome: Outcome,
    pub(crate) rate: Option<Rate>,
    pub(crate) nonconformities: Nonconformities,
    /// Every corrective action of the audit at the network's date (the plan of this audit
    /// alone; `audit` is 0 until the site renumbers it).
    pub(crate) actions: Vec<PlanAction>,
    /// Each engagement assessed: its verdict and whether a point sensible flags it.
    pub(crate) cells: Vec<(EngagementNumber, Option<Verdict>, bool)>,
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
            Ok(_) => {}
            Err(e) if audit_like(&path) => {
                // A dangling link or a file gone between listing and reading: said, not skipped.
                let name = path.to_string_lossy().into_owned();
                problems.push(NetworkProblem::unreadable(name, &io_error(&path, e)));
            }
            Err(_) => {}
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

/// One audit checked and digested, or the problem that leaves it out.
fn digest(
    file: String,
    audit: &Audit,
    referentiel: &Referentiel,
    options: &NetworkOptions,
) -> Result<Digest, NetworkProblem> {
    let valid = Valid::new(audit, referentiel, &options.validation)
        .map_err(|report| NetworkProblem::invalid(file.clone(), report))?;
    // The outcome and the rate as `conclude` gives them, without the synthesis the network
    // does not show; the plan only where the decision found nonconformities (its actions are
    // the decision's écarts, so an audit without any has none).
    let rate = score(&valid).overall.rate;
    let decision = decide(&valid, &options.policy);
    let actions = if decision.ecarts.is_empty() {
        Vec::new()
    } else {
        Plan::build(std::slice::from_ref(&valid), &options.policy, options.at).actions
    };
    let concern = |observations: &[crate::Observation]| {
        observations
            .iter()
            .any(|o| o.kind == ObservationKind::AreaOfConcern)
    };
    let cells = audit
        .assessments
        .iter()
        .map(|a| (a.engagement, a.verdict, concern(&a.observations)))
        .collect();
    Ok(Digest {
        file,
        site: audit.site.clone(),
        kind: audit.kind,
        dates: audit.dates,
        modules: audit.modules.clone(),
        outcome: decision.outcome,
        rate,
        nonconformities: Nonconformities {
            minor: decision.minor,
            major: decision.major,
        },
        actions,
        cells,
    })
}

/// Reads, validates and digests `files` on every core, in their order.
pub(crate) fn read_files(
    files: &[PathBuf],
    referentiel: &Referentiel,
    options: &NetworkOptions,
) -> (Vec<Digest>, Vec<NetworkProblem>) {
    let results: Vec<Result<Digest, NetworkProblem>> = files
        .par_iter()
        .map(|path| {
            let file = path.to_string_lossy().into_owned();
            let format: Option<Format> = options.format;
            match Audit::from_path_in(path, format) {
                Ok(audit) => digest(file, &audit, referentiel, options),
                Err(e) => Err(NetworkProblem::unreadable(file, &e)),
            }
        })
        .collect();
    split(results)
}

/// Validates and digests `audits` on every core as the iterator gives them; the digests keep
/// the iterator's order. Gives the digests, the problems and how many audits there were.
pub(crate) fn read_audits<I>(
    audits: I,
    referentiel: &Referentiel,
    options: &NetworkOptions,
) -> (Vec<Digest>, Vec<NetworkProblem>, usize)
where
    I: IntoIterator<Item = (String, Audit)>,
    I::IntoIter: Send,
{
    // `par_bridge` pulls the audits one at a time as cores are free: they are never all
    // held, whatever the iterator reads them from.
    let mut results: Vec<(usize, Result<Digest, NetworkProblem>)> = audits
        .into_iter()
        .enumerate()
        .par_bridge()
        .map(|(i, (label, audit))| (i, digest(label, &audit, referentiel, options)))
        .collect();
    results.sort_by_key(|(i, _)| *i);
    let read = results.len();
    let (digests, problems) = split(results.into_iter().map(|(_, r)| r).collect());
    (digests, problems, read)
}

fn split(results: Vec<Result<Digest, NetworkProblem>>) -> (Vec<Digest>, Vec<NetworkProblem>) {
    let mut digests = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok(d) => digests.push(d),
            Err(p) => problems.push(p),
        }
    }
    (digests, problems)
}
