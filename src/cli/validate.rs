//! `qualepref validate FILE...`: checks audits and prints one line per diagnostic.

use std::path::PathBuf;

use qualepref::validate::ValidationOptions;
use qualepref::{Diagnostic, ErrorDiagnostic, Severity, validate};
use serde::Serialize;

use super::{
    Failure, Globals, Input, Status, colon, describe, language, print, printable, say, warn,
};

/// Arguments of `validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The audit files (`-` for standard input).
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,

    /// How to print the diagnostics.
    #[arg(long, value_enum, default_value_t = Output::Text)]
    format: Output,
}

/// The output of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Output {
    /// `FILE: path: [code] severity: message`, one line per diagnostic, and a summary on
    /// standard error.
    Text,
    /// A JSON array of `{file, code, severity, path, message}`; a file that cannot be read
    /// is one such object with its error's code (`parse-syntax`, `unknown-code`…), `line` and
    /// `column`.
    Json,
}

/// A diagnostic with the file it is about, as printed by `--format json`: validation's, or the
/// error that kept the file from being read (the same fields, with `line` and `column`).
#[derive(Debug, Serialize)]
struct FileDiagnostic<'a> {
    file: String,
    #[serde(flatten)]
    diagnostic: Entry<'a>,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Entry<'a> {
    Validation(std::borrow::Cow<'a, Diagnostic>),
    Unread(ErrorDiagnostic),
}

/// Checks every file, then prints: 0 when every file is valid, 1 when one has an error
/// diagnostic, 2 when one could not be read (the others are still checked).
pub fn run(args: &Args, globals: &Globals) -> Result<Status, Failure> {
    let inputs: Vec<Input> = args.files.iter().map(|f| Input::new(f)).collect();
    globals.stdin_once(&inputs)?;
    let referentiel = globals.referentiel()?;
    let options = ValidationOptions::default();

    let mut status = Status::Success;
    let mut reports = Vec::new();
    // The files that could not be read, with their error, in the order of the files.
    let mut unread: Vec<(usize, &Input, ErrorDiagnostic)> = Vec::new();
    for input in &inputs {
        match globals.read_audit(input)? {
            Ok(audit) => {
                let report = validate(&audit, &referentiel, &options);
                if report.has_errors() {
                    status = status.max(Status::Invalid);
                }
                reports.push((input, report));
            }
            Err(e) => {
                unread.push((reports.len(), input, e.diagnostic_in(language())));
                let failure = match input {
                    Input::File(_) => Failure::from(e),
                    Input::Stdin => Failure::new(format!("{input}{}{}", colon(), describe(&e))),
                };
                status = status.max(failure.report());
            }
        }
    }

    match args.format {
        Output::Text => {
            let mut text = String::new();
            for (input, report) in &reports {
                let file = input.to_string();
                for d in report.diagnostics() {
                    text.push_str(&printable(&line(&file, d)));
                    text.push('\n');
                }
            }
            print(&text)?;
            warn(&summary(inputs.len(), &reports));
        }
        Output::Json => {
            let mut all: Vec<FileDiagnostic<'_>> = Vec::new();
            let mut unread = unread.into_iter().peekable();
            for (i, (input, report)) in reports.iter().enumerate() {
                while let Some((_, input, error)) = unread.next_if(|(at, _, _)| *at == i) {
                    all.push(FileDiagnostic {
                        file: input.raw(),
                        diagnostic: Entry::Unread(error),
                    });
                }
                all.extend(report.diagnostics().iter().map(|d| FileDiagnostic {
                    file: input.raw(),
                    diagnostic: Entry::Validation(in_language(d)),
                }));
            }
            all.extend(unread.map(|(_, input, error)| FileDiagnostic {
                file: input.raw(),
                diagnostic: Entry::Unread(error),
            }));
            let mut text =
                serde_json::to_string_pretty(&all).map_err(|e| super::cannot_write_json(&e))?;
            text.push('\n');
            print(&text)?;
        }
    }
    Ok(status)
}

/// The diagnostic with its `message` in the run's language (the JSON's `message`).
fn in_language(d: &Diagnostic) -> std::borrow::Cow<'_, Diagnostic> {
    let message = d.message_in(language());
    if message == d.message {
        std::borrow::Cow::Borrowed(d)
    } else {
        let mut owned = d.clone();
        message.clone_into(&mut owned.message);
        std::borrow::Cow::Owned(owned)
    }
}

/// `FILE: path: [code] severity: message`, or `FILE: [code] severity: message` for a
/// diagnostic about the whole audit, in the run's language.
fn line(file: &str, d: &Diagnostic) -> String {
    format!("{file}{}{}", colon(), d.to_string_in(language()))
}

/// `3 files: 1 valid, 1 invalid, 1 not read; 2 errors, 1 warning, 0 infos`.
fn summary(files: usize, reports: &[(&Input, qualepref::ValidationReport)]) -> String {
    let count = |severity: Severity| {
        reports
            .iter()
            .flat_map(|(_, r)| r.diagnostics())
            .filter(|d| d.severity == severity)
            .count()
    };
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let invalid = reports.iter().filter(|(_, r)| r.has_errors()).count();
    let valid = reports.len().saturating_sub(invalid);
    let unreadable = files.saturating_sub(reports.len());
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    say(
        format!(
            "{}\u{a0}: {} valide(s), {} invalide(s){}\u{202f}; {}, {}, {}",
            plural(files, "fichier"),
            valid,
            invalid,
            if unreadable > 0 {
                format!(", {unreadable} non lu(s)")
            } else {
                String::new()
            },
            plural(errors, "erreur"),
            plural(warnings, "avertissement"),
            plural(infos, "info")
        ),
        format!(
            "{}: {valid} valid, {invalid} invalid{}; {}, {}, {}",
            plural(files, "file"),
            if unreadable > 0 {
                format!(", {unreadable} not read")
            } else {
                String::new()
            },
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(infos, "info")
        ),
    )
}
