//! Every diagnostic and error code of the crate, in one reference.
#![doc = include_str!("../docs/codes.md")]

use std::fmt::Write as _;

pub use crate::base::ErrorCode;
pub use crate::base::rule_codes::RuleCode;
pub use crate::history::HistoryCode;
pub use crate::report_text::ImportCode;

/// The introduction of the generated reference.
const INTRO: &str = "\
# Diagnostic codes

<!-- Generated from the code tables (src/base/rule_codes.rs, src/report_text/diagnostics.rs, \
src/history/codes.rs, src/base/error/codes.rs) by \
qualepref::codes::markdown(); `UPDATE_CODES=1 cargo test --test validation` rewrites \
it. Do not edit by hand. -->

Every diagnostic carries a stable code: codes are never renamed nor reused once released. Each \
entry below gives the code's default severity (or level), what it reports, an example as \
printed, and how to fix it.

A validation diagnostic has its message in French and in English: `Diagnostic::message` (and \
its JSON `message`) is the French text, `Display` prints the French line, with French \
typography and the severity in French (`erreur`, `avertissement`, `info`); \
`Diagnostic::message_in` and `Diagnostic::to_string_in` give either language. Each validation \
code below shows its example in both.

## Validation codes

Validating an audit (`validate`, `Valid::new`) and checking a référentiel (`validate_referentiel`) \
report these codes, each at its default severity unless `ValidationOptions` overrides it. \
Loading a référentiel file reports the codes whose description starts with « The référentiel \
file », always as errors, and refuses the file (`Error::InvalidReferentiel`).

| code | default severity | checks |
|---|---|---|
";

/// Between the two families.
const IMPORT_INTRO: &str = "\
## Import codes

Importing the text of an audit report (`import_report`) notes what it read from an unusual \
place, guessed, found suspicious or skipped, each with one of these codes and its level.

| code | level | reports |
|---|---|---|
";

/// One code's section: heading, level and description, details, example and fix.
fn section(
    out: &mut String,
    heading: &str,
    level: &str,
    description: &str,
    details: Option<&str>,
    example: &str,
    fix: &str,
) {
    section_in_both(
        out,
        heading,
        level,
        description,
        details,
        example,
        None,
        fix,
    );
}

/// One code's section, with its example in French too when the table gives one.
#[allow(clippy::too_many_arguments)]
fn section_in_both(
    out: &mut String,
    heading: &str,
    level: &str,
    description: &str,
    details: Option<&str>,
    example: &str,
    example_fr: Option<&str>,
    fix: &str,
) {
    let _ = write!(out, "\n### {heading}\n\n**{level}.** {description}\n\n");
    if let Some(details) = details {
        let _ = write!(out, "{details}\n\n");
    }
    match example_fr {
        Some(french) => {
            let _ = write!(
                out,
                "In English:\n\n```text\n{example}\n```\n\nIn French:\n\n```text\n{french}\n```\n\n"
            );
        }
        None => {
            let _ = write!(out, "```text\n{example}\n```\n\n");
        }
    }
    let _ = writeln!(out, "Fix: {fix}");
}

/// `Error` for `error`: the level's name as a sentence starts.
fn capitalised(level: &str) -> String {
    let mut chars = level.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The reference of every diagnostic code, in Markdown: the validation codes ([`RuleCode`]),
/// then the import codes ([`ImportCode`]), each in a table and then one section per code with
/// its default severity or level, description, an example and how to fix it. The crate's
/// `docs/codes.md` is this text (a test checks that it is current), and it is the
/// documentation of this module.
///
/// ```
/// let reference = qualepref::codes::markdown();
/// assert!(reference.contains("### `module-not-covered`"));
/// assert!(reference.contains("### `title-differs` (import)"));
/// ```
#[must_use]
pub fn markdown() -> String {
    let mut out = String::with_capacity(48 * 1024);
    out.push_str(INTRO);
    for code in RuleCode::ALL {
        let _ = writeln!(
            out,
            "| [`{code}`](#{code}) | {} | {} |",
            code.default_severity(),
            code.description()
        );
    }
    for code in RuleCode::ALL {
        section_in_both(
            &mut out,
            &format!("`{code}`"),
            &capitalised(&code.default_severity().to_string()),
            code.description(),
            code.details(),
            code.example(),
            code.example_fr(),
            code.fix(),
        );
    }
    out.push('\n');
    out.push_str(IMPORT_INTRO);
    for code in ImportCode::ALL {
        let _ = writeln!(
            out,
            "| [`{code}`](#{code}-import) | {} | {} |",
            code.level(),
            code.description()
        );
    }
    for code in ImportCode::ALL {
        section(
            &mut out,
            &format!("`{code}` (import)"),
            &capitalised(&code.level().to_string()),
            code.description(),
            code.details(),
            code.example(),
            code.fix(),
        );
    }
    crate::history::codes_markdown(&mut out, section);
    out.push('\n');
    out.push_str(ERROR_INTRO);
    for code in ErrorCode::ALL {
        let _ = writeln!(
            out,
            "| [`{code}`](#{code}-error) | {} |",
            code.description()
        );
    }
    for code in ErrorCode::ALL {
        section(
            &mut out,
            &format!("`{code}` (error)"),
            "Error",
            code.description(),
            code.details(),
            code.example(),
            code.fix(),
        );
    }
    out
}

/// Before the error codes.
const ERROR_INTRO: &str = "\
## Error codes

An input that cannot be read at all — a malformed JSON, YAML or TOML document, a file too large \
or not UTF-8, a text that is not a report — is an `Error`, not a diagnostic; `Error::code()` \
gives one of these codes (and `Error::path()` the value a parse error is about, written as \
validation writes paths), for a program to branch on or to report as a diagnostic.

| code | reports |
|---|---|
";
