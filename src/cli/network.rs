//! `qualepref network DIR|FILES... --at DATE`: every site of many audits at a date.

use std::path::PathBuf;

use qualepref::NaiveDate;
use qualepref::network::{Network, NetworkOptions};

use super::output::Formats;
use super::values::parse_date;
use super::{Failure, Globals, Status, language, name, say, today, warn, write_file};

/// Arguments of `network`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The audit files, or directories whose .json, .yaml/.yml and .toml files, at any depth,
    /// are the audits (hidden files and folders are skipped).
    #[arg(value_name = "DIR|FILES", required = true)]
    inputs: Vec<PathBuf>,

    /// The date the network is looked at (YYYY-MM-DD or DD/MM/YYYY, a year from 2000 to 2100)
    /// [default: today, in UTC].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    at: Option<NaiveDate>,

    /// The months after the date that the calendar of due audits covers.
    #[arg(long, value_name = "MONTHS", default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=36))]
    months: u32,

    /// What to write [default: the extension of -o (.txt, .json, .csv, .xlsx, .md, .html),
    /// else text].
    #[arg(long, value_enum)]
    format: Option<Output>,

    /// Write to FILE instead of standard output (needed for xlsx; replaced once the whole
    /// output is written; a name whose extension is not the format's is refused).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// The output of `network`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Output {
    /// The summary, then a table per site.
    Text,
    /// The network as JSON (the documented contract).
    Json,
    /// One row per site (`;` separated, UTF-8 with BOM).
    Csv,
    /// A workbook: the sites, the overdue actions, the engagements.
    Xlsx,
    /// The summary, then a table per site, as Markdown.
    Markdown,
    /// One self-contained page: the map, the heat map, the calendar, the tables.
    Html,
}

/// The names of `network`'s files.
const FORMATS: Formats<Output> = Formats {
    command: "network",
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

/// Reads every audit (in parallel), builds the network and writes it; 1 when a file was left
/// out (each named on standard error with its first error).
pub fn run(args: &Args, globals: &Globals) -> Result<Status, Failure> {
    let format = FORMATS.choose(args.format, args.output.as_deref())?;
    if format == Output::Xlsx && args.output.is_none() {
        return Err(Failure::new(say(
            "network --format xlsx écrit un classeur\u{a0}: donnez -o FICHIER.xlsx",
            "network --format xlsx writes a workbook: give -o FILE.xlsx",
        )));
    }
    if args.inputs.iter().any(|p| p.as_os_str() == "-") {
        return Err(Failure::new(say(
            "network lit des fichiers et des dossiers, pas l'entrée standard (-)",
            "network reads files and directories, not standard input (-)",
        )));
    }
    let referentiel = globals.referentiel()?;
    let at = match args.at {
        Some(at) => at,
        None => today()?,
    };
    let mut options = NetworkOptions::new(at).with_horizon_months(args.months);
    if let Some(format) = globals.input_format {
        options = options.with_format(format);
    }
    let network = Network::from_paths(&args.inputs, &referentiel, &options)?;
    if network.files.read == 0 {
        let names: Vec<String> = args.inputs.iter().map(|p| name(p)).collect();
        let names = names.join(", ");
        return Err(Failure::new(say(
            format!("{names}\u{a0}: aucun fichier d'audit (.json, .yaml, .yml, .toml)"),
            format!("{names}: no audit file (.json, .yaml, .yml, .toml)"),
        )));
    }
    for problem in &network.problems {
        warn(&problem.to_string_in(language()));
    }
    let language = language();
    let bytes = match format {
        Output::Text => network.to_text(language).into_bytes(),
        Output::Json => network.to_json_string()?.into_bytes(),
        Output::Csv => network.to_csv(language).into_bytes(),
        Output::Xlsx => network.to_xlsx(language)?,
        Output::Markdown => network.to_markdown(language).into_bytes(),
        Output::Html => network.to_html(language).into_bytes(),
    };
    match &args.output {
        Some(path) => write_file(path, bytes)?,
        None => super::output::print_bytes(&bytes)?,
    }
    Ok(if network.has_problems() {
        Status::Invalid
    } else {
        Status::Success
    })
}
