//! `qualepref render FILE --format markdown|html|text|docx`: the whole report of a valid audit.

use std::path::PathBuf;

use std::io::IsTerminal as _;

use qualepref::report::Report;

use super::output::Formats;
use super::output::print_bytes;
use super::synthesize::{EngineArgs, with_conclusions};
use super::{Failure, Globals, Status, write_file};

/// Arguments of `render`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The audit file (`-` for standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// The format of the report [default: the extension of -o (.md, .html, .txt, .docx), else
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
    /// An editable DOCX file (Word, LibreOffice Writer): heading styles, the fiches d'écart as
    /// forms, blanks to sign. Written with -o, or to standard output when it is not a terminal.
    Docx,
}

/// The names of `render`'s files.
const FORMATS: Formats<Output> = Formats {
    command: "render",
    table: &[
        (Output::Markdown, &["md", "markdown"]),
        (Output::Html, &["html", "htm"]),
        (Output::Text, &["txt", "text"]),
        (Output::Docx, &["docx"]),
    ],
    default: Output::Markdown,
};

/// Renders the report; 1 (with the diagnostics) when the audit is invalid.
pub fn run(args: &Args, globals: &Globals) -> Result<Status, Failure> {
    let format = FORMATS.choose(args.format, args.output.as_deref())?;
    if format == Output::Docx && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(Failure::new(
            "render: a DOCX file is not for a terminal: name it with -o FILE.docx",
        ));
    }
    with_conclusions(&args.file, &args.engine, globals, |valid, conclusions| {
        let report = Report::new(valid, conclusions);
        let bytes = match format {
            Output::Markdown => report.markdown().into_bytes(),
            Output::Html => report.html().into_bytes(),
            Output::Text => report.text().into_bytes(),
            Output::Docx => report.docx(),
        };
        match &args.output {
            Some(path) => write_file(path, &bytes),
            None => print_bytes(&bytes),
        }
    })
}
