//! `qualepref render FILE --format markdown|html|text`: the whole report of a valid audit.

use std::path::PathBuf;

use qualepref::report::text::render_text;
use qualepref::{render_html, render_markdown};

use super::synthesize::{EngineArgs, with_conclusions};
use super::{Failure, Globals, Status, print, write_file};

/// Arguments of `render`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The audit file (`-` for standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// The format of the report.
    #[arg(long, value_enum, default_value_t = Output::Markdown)]
    format: Output,

    /// Write the report to this file instead of standard output.
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

/// Renders the report; 1 (with the diagnostics) when the audit is invalid.
pub fn run(args: &Args, globals: &Globals) -> Result<Status, Failure> {
    with_conclusions(&args.file, &args.engine, globals, |valid, conclusions| {
        let text = match args.format {
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
