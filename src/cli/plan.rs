//! `qualepref plan FILES...|DIR [--actions PLAN]`: the plan d'actions qualité of a site's
//! audits at a date, merged with the plan the quality manager keeps.

use std::io::Read;
use std::path::PathBuf;

use chrono::NaiveDate;
use qualepref::dossier::{Dossier, DossierOptions};
use qualepref::plan::read_kept;
use qualepref::{Audit, Plan, Valid, ValidationOptions};

use super::history::CycleArgs;
use super::output::Formats;
use super::output::print_bytes;
use super::synthesize::EngineArgs;
use super::values::parse_date;
use super::{Failure, Globals, Input, Status, audit_files, today, warn, write_file};

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

    /// The plan d'actions the quality manager keeps (.xlsx, .ods or .csv, as this command
    /// wrote it, then edited): its rows are merged with the audits' findings, every edit kept.
    #[arg(long, value_name = "PLAN")]
    actions: Option<PathBuf>,

    /// The planned day of the external audit that internal audits without one precede: their
    /// écarts are due the day before (YYYY-MM-DD or DD/MM/YYYY).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    external_on: Option<NaiveDate>,

    /// What to print [default: the extension of -o (.txt, .json, .csv, .xlsx, .md, .html),
    /// else text].
    #[arg(long, value_enum)]
    format: Option<Output>,

    /// Write the plan to this file instead of standard output (replaced only once written; a
    /// name whose extension is not the format's is refused). It may be the --actions file
    /// itself: the kept plan is then written back with the new findings.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    #[command(flatten)]
    engine: EngineArgs,

    #[command(flatten)]
    cycle: CycleArgs,
}

/// The output of `plan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Output {
    /// Plain text.
    Text,
    /// The JSON contract.
    Json,
    /// One CSV table (`;` separated, UTF-8 with BOM), the kept plan's columns.
    Csv,
    /// One workbook sheet, the kept plan's columns.
    Xlsx,
    /// Markdown.
    Markdown,
    /// One HTML page, printable on A4 landscape.
    Html,
}

/// The names of `plan`'s files.
const FORMATS: Formats<Output> = Formats {
    command: "plan",
    table: &[
        (Output::Text, &["txt", "text"]),
        (Output::Json, &["json"]),
        (Output::Csv, &["csv"]),
        (Output::Xlsx, &["xlsx"]),
        (Output::Markdown, &["md", "markdown"]),
        (Output::Html, &["html", "htm"]),
    ],
    default: Output::Text,
};

/// Reads a kept plan within the crate's input limit.
fn read_bytes(path: &PathBuf) -> Result<Vec<u8>, Failure> {
    let name = path.display();
    let file =
        std::fs::File::open(path).map_err(|e| Failure::new(format!("{name}: cannot read: {e}")))?;
    let mut bytes = Vec::new();
    let limit = qualepref::MAX_INPUT_BYTES as u64;
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::new(format!("{name}: cannot read: {e}")))?;
    Ok(bytes)
}

/// Reads and validates every audit, then writes their plan. Any invalid audit gets no plan at
/// all: its diagnostics go to standard error, naming its file, and the status is 1.
pub fn run(args: &Args, globals: &Globals) -> Result<Status, Failure> {
    let format = FORMATS.choose(args.format, args.output.as_deref())?;
    let policy = args.engine.policy()?;
    let cycle = args.cycle.cycle()?;
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
    let mut invalid = false;
    for (audit, input) in audits.iter().zip(&inputs) {
        match Valid::new(audit, &referentiel, &options) {
            Ok(valid) => {
                for d in valid.report().diagnostics() {
                    warn(&format!("{input}: {d}"));
                }
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
    let kept = match &args.actions {
        Some(path) => Some(
            read_kept(&read_bytes(path)?)
                .map_err(|e| Failure::new(format!("{}: {e}", path.display())))?,
        ),
        None => None,
    };
    let mut dossier_options = DossierOptions::default()
        .with_policy(policy)
        .with_cycle(cycle)
        .with_validation(options);
    if let Some(day) = args.external_on {
        dossier_options = dossier_options.with_external_on(day);
    }
    let labelled = inputs.iter().map(ToString::to_string).zip(audits);
    let mut dossier = Dossier::with_labels(labelled, &referentiel, &dossier_options);
    let language = args.engine.language();
    if let Some(kept) = kept {
        for d in dossier.apply_records(kept.records) {
            warn(&d.to_string_in(language));
        }
    }
    let plan = Plan::build(&dossier, at);
    let same_file = match (&args.actions, &args.output) {
        (Some(kept), Some(out)) => std::fs::canonicalize(kept)
            .ok()
            .is_some_and(|k| std::fs::canonicalize(out).ok() == Some(k)),
        _ => false,
    };
    if same_file && plan.hides_later_records() {
        return Err(Failure::new(format!(
            "{}: the plan at {at} leaves out what the kept plan records after that date (a realisation, a closing, a check): it is not written over the kept plan; write it to another file, or give a later --at",
            args.actions
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        )));
    }
    for d in &plan.diagnostics {
        warn(&d.to_string_in(language));
    }
    let bytes: Vec<u8> = match format {
        Output::Text => plan.to_text(language).into_bytes(),
        Output::Json => plan.to_json_string()?.into_bytes(),
        Output::Csv => plan.to_csv(language).into_bytes(),
        Output::Xlsx => plan.to_xlsx(language)?,
        Output::Markdown => plan.to_markdown(language).into_bytes(),
        Output::Html => plan.to_html(language).into_bytes(),
    };
    match &args.output {
        Some(path) => write_file(path, bytes)?,
        None => print_bytes(&bytes)?,
    }
    Ok(Status::Success)
}
