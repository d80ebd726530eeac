//! `qualepref referentiel`: prints the référentiel in its file format.

use qualepref::Interchange as _;

use super::{Failure, FormatArg, Globals, Status, print};

/// Arguments of `referentiel`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Json)]
    format: FormatArg,
}

/// Prints the embedded référentiel, or the one given with `--referentiel` once loaded and
/// checked.
pub fn run(args: &Args, globals: &Globals) -> Result<Status, Failure> {
    let referentiel = globals.referentiel()?;
    let text = referentiel.to_string_in(args.format.format())?;
    print(&text)?;
    Ok(Status::Success)
}
