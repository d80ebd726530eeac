//! `qualepref schema [audit|referentiel]`: prints a JSON Schema.

use qualepref::schema::{audit_schema, referentiel_schema, to_pretty_json};

use super::{Failure, Globals, Status, print};

/// Arguments of `schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which schema.
    #[arg(value_enum, default_value_t = Which::Audit)]
    which: Which,
}

/// The documents that have a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Which {
    /// The audit layout.
    Audit,
    /// The référentiel file format.
    Referentiel,
}

/// Prints the schema; the global options do not apply.
pub fn run(args: &Args, _globals: &Globals) -> Result<Status, Failure> {
    let schema = match args.which {
        Which::Audit => audit_schema(),
        Which::Referentiel => referentiel_schema(),
    };
    print(&to_pretty_json(&schema))?;
    Ok(Status::Success)
}
