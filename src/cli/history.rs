//! `qualepref history FILES...|DIR`: the history of one site's audits.

use std::path::PathBuf;

use qualepref::{Audit, CyclePolicy, History, HistoryOptions, NaiveDate};

use super::output::Formats;
use super::values::{parse_date, parse_deadline};
use super::{
    Failure, Globals, Input, LangArg, Status, audit_files, print, today, warn, write_file,
};

/// The label's cycle, shared by `history` and `plan`: the crate's default (the Qual-e-pref
/// cycle is not public) unless set.
#[derive(Debug, Clone, clap::Args)]
pub struct CycleArgs {
    /// Months (1 to 120) a label is valid from the labelling decision (or the audit's last
    /// day) [default: 36, the crate's choice after the Marianne label].
    #[arg(long, value_name = "MONTHS", value_parser = parse_deadline)]
    validity_months: Option<u32>,

    /// Months (1 to 120, fewer than the validity) after the label's start at which the suivi
    /// audit is due [default: 18].
    #[arg(long, value_name = "MONTHS", value_parser = parse_deadline)]
    follow_up_months: Option<u32>,

    /// Months (1 to 120) on either side of the suivi's due day within which it may be held
    /// [default: 1].
    #[arg(long, value_name = "MONTHS", value_parser = parse_deadline)]
    window_months: Option<u32>,
}

impl CycleArgs {
    /// The cycle these options set.
    pub fn cycle(&self) -> Result<CyclePolicy, Failure> {
        let d = CyclePolicy::default();
        Ok(CyclePolicy::new(
            self.validity_months.unwrap_or(d.validity_months()),
            self.follow_up_months.unwrap_or(d.follow_up_months()),
            self.window_months.unwrap_or(d.window_months()),
        )?)
    }
}

/// Arguments of `history`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The audit files, in any order, or one directory whose .json, .yaml/.yml and .toml files
    /// are the audits.
    #[arg(value_name = "FILES|DIR", required = true)]
    inputs: Vec<PathBuf>,

    /// The date of the history: audits after it are not counted (YYYY-MM-DD or DD/MM/YYYY, a
    /// year from 2000 to 2100) [default: today, in UTC].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    at: Option<NaiveDate>,

    /// What to print [default: the extension of -o (.txt, .json, .md, .html), else text].
    #[arg(long, value_enum)]
    format: Option<Output>,

    /// The language of the text.
    #[arg(long, value_enum, default_value_t = LangArg::Fr)]
    lang: LangArg,

    /// Write to FILE instead of standard output (replaced once the whole output is written; a
    /// name whose extension is not the format's is refused).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    #[command(flatten)]
    cycle: CycleArgs,
}

/// The output of `history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Output {
    /// A heading per part, a line per audit, écart or observation, the grid as columns.
    Text,
    /// The history as JSON (the documented contract).
    Json,
    /// The same as Markdown.
    Markdown,
    /// One self-contained HTML page, the grid coloured by verdict.
    Html,
}

/// The names of `history`'s files.
const FORMATS: Formats<Output> = Formats {
    command: "history",
    table: &[
        (Output::Text, &["txt", "text"]),
        (Output::Json, &["json"]),
        (Output::Markdown, &["md", "markdown"]),
        (Output::Html, &["html", "htm"]),
    ],
    default: Output::Text,
};

/// Reads the audits, builds their history and prints it; 1 when a history diagnostic is an
/// error.
pub fn run(args: &Args, globals: &Globals) -> Result<Status, Failure> {
    let format = FORMATS.choose(args.format, args.output.as_deref())?;
    let cycle = args.cycle.cycle()?;
    let paths = audit_files(&args.inputs)?;
    let inputs: Vec<Input> = paths.iter().map(|p| Input::new(p)).collect();
    globals.stdin_once(&inputs)?;
    let referentiel = globals.referentiel()?;
    let mut audits: Vec<(String, Audit)> = Vec::with_capacity(paths.len());
    for path in &paths {
        let input = Input::new(path);
        let audit = globals.audit(&input)?;
        audits.push((input.to_string(), audit));
    }
    let at = match args.at {
        Some(at) => at,
        None => today()?,
    };
    let options = HistoryOptions::default().at(at).with_cycle(cycle);
    let history = History::with_labels(audits, &referentiel, &options);
    let language = args.lang.language();
    for d in &history.diagnostics {
        warn(&d.to_string_in(language));
    }
    let text = match format {
        Output::Text => history.to_text(language),
        Output::Markdown => history.to_markdown(language),
        Output::Html => history.to_html(language),
        Output::Json => history.to_json_string()?,
    };
    match &args.output {
        Some(path) => write_file(path, text)?,
        None => print(&text)?,
    }
    Ok(if history.has_errors() {
        Status::Invalid
    } else {
        Status::Success
    })
}
