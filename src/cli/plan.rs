//! `qualepref plan FILES...`: the corrective-action plan of valid audits at a date.

use std::path::PathBuf;

use chrono::NaiveDate;
use qualepref::{Audit, Plan, Valid, ValidationOptions};

use super::output::Formats;
use super::synthesize::EngineArgs;
use super::values::parse_date;
use super::{Failure, Globals, Input, Status, audit_files, print, today, warn, write_file};

/// Arguments of `plan`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The audit files (`-` for standard input, once), or a directory whose .json, .yaml/.yml
    /// and .toml files are the audits.
    #[arg(value_name = "FILES|DIR", required = true)]
    files: Vec<PathBuf>,

    /// The day the plan is looked at (YYYY-MM-DD or DD/MM/YYYY, a year from 2000 to 2100)
    /// [default: today, in UTC].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    at: Option<NaiveDate>,

    /// What to print [default: the extension of -o (.txt, .json, .csv, .md, .html), else
    /// text].
    #[arg(long, value_enum)]
    format: Option<Output>,

    /// Write the plan to this file instead of standard output (replaced only once written; a
    /// name whose extension is not the format's is refused).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    #[command(flatten)]
    engine: EngineArgs,
}

/// The output of `plan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Output {
    /// Plain text.
    Text,
    /// The JSON contract.
    Json,
    /// One CSV table (`;` separated, UTF-8 with BOM).
    Csv,
    /// Markdown.
    Markdown,
    /// One HTML page.
    Html,
}

/// The names of `plan`'s files.
const FORMATS: Formats<Output> = Formats {
    command: "plan",
    table: &[
        (Output::Text, &["txt", "text"]),
        (Output::Json, &["json"]),
        (Output::Csv, &["csv"]),
        (Output::Markdown, &["md", "markdown"]),
        (Output::Html, &["html", "htm"]),
    ],
    default: Output::Text,
};

/// Reads and validates every audit, then writes their plan. Any invalid audit gets no plan at
/// all: its diagnostics go to standard error, naming its file, and the status is 1.
pub fn run(args: &Args, globals: &Globals) -> Result<Status, Failure> {
    let format = FORMATS.choose(args.format, args.output.as_deref())?;
    let policy = args.engine.policy()?;
    let inputs: Vec<Input> = audit_files(&args.files)?
        .iter()
        .map(|f| Input::new(f))
        .collect();
    globals.stdin_once(&inputs)?;
    let at = match args.at {
        Some(at) => at,
        None => today()?,
    };
    let referentiel = globals.referentiel()?;
    let audits: Vec<Audit> = inputs
        .iter()
        .map(|input| globals.audit(input))
        .collect::<Result<_, _>>()?;
    let options = ValidationOptions::default();
    let mut valids = Vec::with_capacity(audits.len());
    let mut invalid = false;
    for (audit, input) in audits.iter().zip(&inputs) {
        match Valid::new(audit, &referentiel, &options) {
            Ok(valid) => {
                for d in valid.report().diagnostics() {
                    warn(&format!("{input}: {d}"));
                }
                valids.push(valid);
            }
            Err(report) => {
                for d in report.diagnostics() {
                    warn(&format!("{input}: {d}"));
                }
                warn(&format!(
                    "{input}: the audit is invalid ({} error(s)): no plan",
                    report.errors().count()
                ));
                invalid = true;
            }
        }
    }
    if invalid {
        return Ok(Status::Invalid);
    }
    let plan = Plan::build(&valids, &policy, at);
    let language = args.engine.language();
    let text = match format {
        Output::Text => plan.to_text(language),
        Output::Json => plan.to_json_string()?,
        Output::Csv => plan.to_csv(),
        Output::Markdown => plan.to_markdown(language),
        Output::Html => plan.to_html(language),
    };
    match &args.output {
        Some(path) => write_file(path, text)?,
        None => print(&text)?,
    }
    Ok(Status::Success)
}
