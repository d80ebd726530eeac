//! `qualepref import REPORT.txt`: turns the text export of an audit report into an audit.

use std::path::PathBuf;

use qualepref::{Imported, Interchange as _, import_report_path, import_report_text};

use super::{
    Failure, FormatArg, Globals, Input, Status, colon, describe, language, print, read_stdin, warn,
    write_file,
};

/// Arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The report's text export (`-` for standard input).
    #[arg(value_name = "REPORT")]
    report: PathBuf,

    /// Write the audit to this file instead of standard output (replaced once the whole audit
    /// is written; a name whose extension is not the format's is refused).
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,

    /// The format of the audit written [default: the extension of -o (.json, .yaml/.yml,
    /// .toml), else json].
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
}

/// Imports the report against the référentiel, writes the audit (standard output or `-o`) and
/// the import diagnostics (standard error, one line each). 0 when an audit was built, even one
/// that will fail validation; 2 when none could be.
pub fn run(args: &Args, globals: &Globals) -> Result<Status, Failure> {
    let format = FormatArg::files("import").choose(args.format, args.output.as_deref())?;
    let input = Input::new(&args.report);
    globals.stdin_once([&input])?;
    let referentiel = globals.referentiel()?;
    let imported: Imported = match &input {
        Input::File(path) => import_report_path(path, &referentiel)?,
        Input::Stdin => import_report_text(&read_stdin()?, &referentiel)
            .map_err(|e| Failure::new(format!("{input}{}{}", colon(), describe(&e))))?,
    };
    for diagnostic in imported.diagnostics() {
        warn(&format!(
            "{input}{}{}",
            colon(),
            diagnostic.to_string_in(language())
        ));
    }
    let text = imported.audit().to_string_in(format.format())?;
    match &args.output {
        Some(path) => write_file(path, &text)?,
        None => print(&text)?,
    }
    Ok(Status::Success)
}
