//! `qualepref diff BEFORE AFTER`: what changed between two audits of the same site.

use std::path::PathBuf;

use qualepref::{Policy, Valid, compare_with};

use super::output::Formats;
use super::{Failure, Globals, Input, LangArg, Status, print, warn, write_file};

/// Arguments of `diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The earlier audit (`-` for standard input).
    #[arg(value_name = "BEFORE")]
    before: PathBuf,

    /// The later audit (`-` for standard input).
    #[arg(value_name = "AFTER")]
    after: PathBuf,

    /// The référentiel of the earlier audit, when it differs from the later one's (default: the
    /// global --referentiel, or the embedded one).
    #[arg(long, value_name = "FILE")]
    before_referentiel: Option<PathBuf>,

    /// What to print [default: the extension of -o (.txt, .md, .json, .html), else text].
    #[arg(long, value_enum)]
    format: Option<Output>,

    /// Write the comparison to FILE instead of standard output (replaced once the whole output
    /// is written; a name whose extension is not the format's is refused).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// The language of the text.
    #[arg(long, value_enum, default_value_t = LangArg::Fr)]
    lang: LangArg,

    /// Compare audits of two different sites (refused otherwise).
    #[arg(long)]
    force: bool,
}

/// The output of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Output {
    /// One line per change.
    Text,
    /// A heading per section, a bullet per change.
    Markdown,
    /// Everything compared, unchanged entries included.
    Json,
    /// One self-contained HTML page, a list item per change.
    Html,
}

/// The names of `diff`'s files.
const FORMATS: Formats<Output> = Formats {
    command: "diff",
    table: &[
        (Output::Text, &["txt", "text"]),
        (Output::Markdown, &["md", "markdown"]),
        (Output::Json, &["json"]),
        (Output::Html, &["html", "htm"]),
    ],
    default: Output::Text,
};

/// Validates both audits, then prints their comparison; 1 when either is invalid.
pub fn run(args: &Args, globals: &Globals) -> Result<Status, Failure> {
    let format = FORMATS.choose(args.format, args.output.as_deref())?;
    let inputs = [Input::new(&args.before), Input::new(&args.after)];
    globals.stdin_once(&inputs)?;
    let referentiel_after = globals.referentiel()?;
    let referentiel_before = match &args.before_referentiel {
        Some(path) => <qualepref::Referentiel as qualepref::Interchange>::from_path_in(
            path,
            globals.input_format,
        )?,
        None => referentiel_after.clone(),
    };
    let [before_input, after_input] = &inputs;
    let before = globals.audit(before_input)?;
    let after = globals.audit(after_input)?;
    if !before.site.is_same_site_as(&after.site) {
        let both = format!(
            "{before_input} is an audit of {}, {after_input} of {}",
            before.site, after.site
        );
        if !args.force {
            warn(&format!(
                "{both}: two different sites are not compared (--force compares them anyway)"
            ));
            return Ok(Status::Invalid);
        }
        warn(&format!("{both}: compared as asked by --force"));
    }
    if after.dates.start < before.dates.start {
        warn(&format!(
            "{after_input} (AFTER, from {}) is dated before {before_input} (BEFORE, from {}): \
             are they in the wrong order?",
            after.dates.start, before.dates.start
        ));
    }
    let options = qualepref::ValidationOptions::default();
    let checked = [
        (
            before_input,
            Valid::new(&before, &referentiel_before, &options),
        ),
        (
            after_input,
            Valid::new(&after, &referentiel_after, &options),
        ),
    ];
    let mut invalid = false;
    for (input, result) in &checked {
        if let Err(report) = result {
            invalid = true;
            for d in report.diagnostics() {
                warn(&format!("{input}: {d}"));
            }
        }
    }
    let [(_, Ok(before)), (_, Ok(after))] = &checked else {
        debug_assert!(invalid);
        warn("an invalid audit cannot be compared");
        return Ok(Status::Invalid);
    };
    let comparison = compare_with(before, after, &Policy::default());
    let language = args.lang.language();
    let text = match format {
        Output::Text => comparison.to_text(language),
        Output::Markdown => comparison.to_markdown(language),
        Output::Html => comparison.to_html(language),
        Output::Json => {
            let mut json = serde_json::to_string_pretty(&comparison)
                .map_err(|e| Failure::new(format!("cannot write JSON: {e}")))?;
            json.push('\n');
            json
        }
    };
    match &args.output {
        Some(path) => write_file(path, text)?,
        None => print(&text)?,
    }
    Ok(Status::Success)
}
