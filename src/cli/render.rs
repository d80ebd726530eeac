//! `qualepref render FILE --format markdown|html|text`: the whole report of a valid audit.

use std::path::PathBuf;

use qualepref::report::text::render_text;
use qualepref::{render_html, render_markdown};

use super::output::Formats;
use super::synthesize::{EngineArgs, with_conclusions};
use super::{Failure, Globals, Status, print, write_file};

/// Arguments of `render`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The audit file (`-` for standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// The format of the report [default: the extension of -o (.md, .html, .txt), else
    /// markdown].
    #[arg(long, value_enum)]
    format: Option<Output>,

    /// Write the report to this file instead of standard output (replaced once the whole report
    /// is written; a name whose extension is not the format's is refused).
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,

    #[command(flatten)]
    engine: EngineArgs,
}

/// The format of `render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Output {
    /// Markdown, close to the layout of the original report.
    Markdown,
    /// One self-contained HTML file (no script, no external resource), printable on A4.
    Html,
    /// Plain text, for a terminal or a log.
    Text,
}

/// The names of `render`'s files.
const FORMATS: Formats<Output> = Formats {
    command: "render",
    table: &[
        (Output::Markdown, &["md", "markdown"]),
        (Output::Html, &["html", "htm"]),
        (Output::Text, &["txt", "text"]),
    ],
    default: Output::Markdown,
};

/// Renders the report; 1 (with the diagnostics) when the audit is invalid.
pub fn run(args: &Args, globals: &Globals) -> Result<Status, Failure> {
    let format = FORMATS.choose(args.format, args.output.as_deref())?;
    with_conclusions(&args.file, &args.engine, globals, |valid, conclusions| {
        let text = match format {
            Output::Markdown => render_markdown(valid, conclusions),
            Output::Html => render_html(valid, conclusions),
            Output::Text => render_text(valid, conclusions),
        };
        match &args.output {
            Some(path) => write_file(path, &text),
            None => print(&text),
        }
    })
}
