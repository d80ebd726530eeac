//! `qualepref`, the command-line tool: checks Qual-e-pref audits, gives their decision and
//! synthesis, renders their report, compares two audits, imports reports from their text export,
//! lists their corrective-action plan, and prints the référentiel and the JSON Schemas. Built with the cargo feature `cli`.
//!
//! Exit codes: 0 success; 1 the data is invalid (an error-severity diagnostic); 2 the command
//! could not run (unreadable file, malformed input, bad arguments), with a one-line message on
//! standard error. Standard output, `-o FILE` and the text of `--help` and `--version` are
//! written under one contract (`src/cli/output.rs`): a reader that stops early (`| head`) ends
//! the command quietly with 0, a failure to write (a full disk) is 2, `/dev/null` is a place to
//! write to; `-o FILE` replaces the file only once the whole output is written, through its
//! symbolic link and with its permissions, and takes its format from its extension.
//!
//! Each subcommand is a variant of [`Command`] with its own arguments and its own module under
//! `src/cli/`, whose `run` function returns a [`cli::Status`].

#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::todo,
    clippy::unimplemented
)]

mod cli;

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory as _, FromArgMatches as _, Parser, Subcommand};

use cli::{FormatArg, Globals, LangArg, Status};

/// Checks, scores, renders, compares and imports Qual-e-pref quality-label audits of French
/// préfectures.
///
/// Exit codes: 0 success; 1 invalid data (an error diagnostic); 2 the command could not run
/// (unreadable file, malformed input, bad arguments).
///
/// Outputs: a reader that stops early (`| head`) ends the command quietly with 0; a failure to
/// write is 2. `-o FILE` writes a temporary file beside FILE, then renames it over FILE: a
/// failure midway leaves the previous file. A symbolic link is written through to its target,
/// the file keeps its permissions, and a hard link is broken (the file's other names keep the
/// previous content). `-o /dev/stdout` is standard output. The extension of FILE gives the
/// format when --format is not given, and one that is not the format's is refused.
#[derive(Debug, Parser)]
#[command(name = "qualepref", version, max_term_width = 100)]
struct Cli {
    /// Assess against this référentiel file instead of the embedded Qual-e-pref 2019.
    #[arg(long, global = true, value_name = "FILE")]
    referentiel: Option<PathBuf>,

    /// The format of the input files and of standard input, instead of their extension
    /// (.json, .yaml/.yml, .toml; JSON otherwise and for standard input).
    #[arg(long, global = true, value_name = "FORMAT")]
    input_format: Option<FormatArg>,

    /// The language of documents and messages (diagnostics, errors) [default: English when
    /// the first of LC_ALL, LC_MESSAGES and LANG that is set starts with `en`, French
    /// otherwise]. Codes, paths and JSON keys are the same in both.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,

    #[command(subcommand)]
    command: Command,
}

/// The subcommands. Adding one: a variant here, an arm in [`run`], a module under `src/cli/`.
#[derive(Debug, Subcommand)]
enum Command {
    /// Checks audits against the référentiel and prints one line per diagnostic.
    Validate(cli::validate::Args),
    /// Prints the référentiel (the embedded one, or the one given with --referentiel, checked).
    Referentiel(cli::referentiel::Args),
    /// Prints the JSON Schema of the audit layout or of the référentiel file format.
    Schema(cli::schema::Args),
    /// Turns the text export of an audit report into an audit (JSON by default); the import's
    /// diagnostics go to standard error.
    Import(cli::import::Args),
    /// Scores, decides and writes the synthesis (section 4) of a valid audit.
    Synthesize(cli::synthesize::Args),
    /// Renders the whole report of a valid audit.
    Render(cli::render::Args),
    /// Compares two audits of the same site: verdicts, nonconformities, points sensibles,
    /// pistes de progrès, rates and decisions.
    Diff(cli::diff::Args),
    /// The audit grid: a blank workbook to fill in (`grid new`), an audit as a workbook or CSV
    /// table (`grid export`), and back (`grid import`).
    Grid(cli::grid::Args),
    /// The history of one site's audits: timeline, engagement grid, follow-up of écarts and
    /// observations, the label's status at a date, and the history rules' diagnostics.
    History(cli::history::Args),
    /// The corrective-action plan of valid audits at a date: open, due-soon, overdue and
    /// lifted actions, and the points sensibles as preventive actions.
    Plan(cli::plan::Args),
    /// Every site of many audits at a date: the label's status of each, the audits due, the
    /// overdue actions, the weakest engagements and the coverage of modules; as text, JSON,
    /// CSV, a workbook, Markdown or one HTML page with a map.
    Network(cli::network::Args),
}

fn run(cli: Cli) -> Status {
    cli::set_language(cli.lang);
    let globals = Globals {
        referentiel: cli.referentiel,
        input_format: cli.input_format.map(FormatArg::format),
    };
    let outcome = match &cli.command {
        Command::Validate(args) => cli::validate::run(args, &globals),
        Command::Referentiel(args) => cli::referentiel::run(args, &globals),
        Command::Schema(args) => cli::schema::run(args, &globals),
        Command::Import(args) => cli::import::run(args, &globals),
        Command::Synthesize(args) => cli::synthesize::run(args, &globals),
        Command::Render(args) => cli::render::run(args, &globals),
        Command::Diff(args) => cli::diff::run(args, &globals),
        Command::Grid(args) => cli::grid::run(args, &globals),
        Command::History(args) => cli::history::run(args, &globals),
        Command::Plan(args) => cli::plan::run(args, &globals),
        Command::Network(args) => cli::network::run(args, &globals),
    };
    outcome.unwrap_or_else(|failure| failure.report())
}

/// Prints what clap has to say instead of running a command. Usage errors go to standard error
/// with 2, their control characters escaped: clap quotes the values it refuses as they were
/// typed, and the command is parsed unstyled so that every escape sequence left is one of
/// those. Help and version go to standard output under the contract of every output (0, or 2
/// when it cannot be written), styled on a terminal unless `NO_COLOR` is set.
fn clap_says(e: &clap::Error) -> Status {
    if e.use_stderr() {
        let text = e.render().ansi().to_string();
        let _ = std::io::stderr()
            .lock()
            .write_all(cli::printable(&text).as_bytes());
        return Status::Failure;
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let styled = (std::io::stdout().is_terminal() && !no_color)
        .then(|| {
            Cli::command()
                .try_get_matches_from(std::env::args_os())
                .err()
        })
        .flatten()
        .filter(|styled| styled.kind() == e.kind());
    let text = match styled {
        Some(styled) => styled.render().ansi().to_string(),
        None => e.render().to_string(),
    };
    match cli::print(&text) {
        Ok(()) => Status::Success,
        Err(failure) => failure.report(),
    }
}

/// The command line, parsed unstyled (see [`clap_says`]).
fn parse() -> Result<Cli, clap::Error> {
    let mut command = Cli::command().styles(clap::builder::Styles::plain());
    command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|mut matches| {
            Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut command))
        })
}

fn main() -> ExitCode {
    match parse() {
        Ok(cli) => run(cli).into(),
        Err(e) => clap_says(&e).into(),
    }
}
