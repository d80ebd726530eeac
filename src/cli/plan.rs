//! `qualepref plan FILES...`: the corrective-action plan of valid audits at a date.

use std::path::PathBuf;

use chrono::NaiveDate;
use qualepref::{Audit, Plan, Valid, ValidationOptions};

use super::synthesize::EngineArgs;
use super::{Failure, Globals, Input, Status, print, warn, write_file};

/// Arguments of `plan`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The audit files (`-` for standard input, once).
    #[arg(value_name = "FILES", required = true)]
    files: Vec<PathBuf>,

    /// The day the plan is looked at (YYYY-MM-DD or DD/MM/YYYY) [default: today, in UTC].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    at: Option<NaiveDate>,

    /// What to print.
    #[arg(long, value_enum, default_value_t = Output::Text)]
    format: Output,

    /// Write the plan to this file instead of standard output (replaced only once written).
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

/// Reads `2020-03-01` or `01/03/2020`.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .map_err(|_| format!("{text:?} is not a date (YYYY-MM-DD or DD/MM/YYYY)"))
}

/// Today, in UTC (the library has no time-zone database).
fn today() -> Result<NaiveDate, Failure> {
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

/// Reads and validates every audit, then writes their plan. Any invalid audit gets no plan at
/// all: its diagnostics go to standard error, naming its file, and the status is 1.
pub fn run(args: &Args, globals: &Globals) -> Result<Status, Failure> {
    let inputs: Vec<Input> = args.files.iter().map(|f| Input::new(f)).collect();
    let stdin_uses = inputs.iter().filter(|i| **i == Input::Stdin).count()
        + usize::from(globals.referentiel_from_stdin());
    if stdin_uses > 1 {
        return Err(Failure::new("standard input (-) can be read only once"));
    }
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
    let plan = Plan::build(&valids, &args.engine.policy(), at);
    let language = args.engine.language();
    let text = match args.format {
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
