//! `qualepref grid new|export|import`: the audit grid as a workbook (.xlsx, .ods) or a CSV
//! table.

use std::path::PathBuf;

use qualepref::grid;
use qualepref::{AdministrationType, AuditKind, AuditType, Interchange as _, ModuleNumber, Site};

use super::output::Formats;
use super::{
    Failure, FormatArg, Globals, Input, Status, colon, language, name, print, say, warn, write_file,
};

/// Arguments of `grid`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: GridCommand,
}

/// The grid's subcommands.
#[derive(Debug, clap::Subcommand)]
enum GridCommand {
    /// Writes a blank grid (.xlsx) of the covered modules, to fill in during the audit.
    New(NewArgs),
    /// Writes an audit as a grid: a workbook (.xlsx) or a CSV table.
    Export(ExportArgs),
    /// Reads a grid (.xlsx, .ods or .csv) back into an audit; the reader's diagnostics go to
    /// standard error. Exits 0 when an audit was built, 2 when the file is not a grid.
    Import(ImportArgs),
}

/// Arguments of `grid new`.
#[derive(Debug, clap::Args)]
struct NewArgs {
    /// The modules covered, e.g. `1,2`.
    #[arg(long, value_delimiter = ',', required = true, value_name = "N,N…")]
    modules: Vec<u8>,

    /// The site, as `DEPARTEMENT:CITY`, e.g. `83:TOULON`.
    #[arg(long, value_name = "DEP:CITY")]
    site: Option<String>,

    /// The kind of administration of the site.
    #[arg(long, value_name = "TYPE", default_value = "prefecture")]
    administration: String,

    /// The audit type: initial, suivi, renouvellement or extension.
    #[arg(long = "type", value_name = "TYPE")]
    audit_type: Option<String>,

    /// An internal audit, run ahead of the audit of --type.
    #[arg(long, requires = "audit_type")]
    internal: bool,

    /// The workbook to write: a .xlsx name (or a name without extension).
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
}

/// The grid's file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum GridFormat {
    /// An Office Open XML workbook.
    Xlsx,
    /// One flat table, `;` separated, UTF-8 with BOM.
    Csv,
}

/// The names of `grid new`'s workbook.
const NEW_FORMATS: Formats<GridFormat> = Formats {
    command: "grid new",
    table: &[(GridFormat::Xlsx, &["xlsx"])],
    default: GridFormat::Xlsx,
};

/// The names of `grid export`'s files.
const EXPORT_FORMATS: Formats<GridFormat> = Formats {
    command: "grid export",
    table: &[(GridFormat::Xlsx, &["xlsx"]), (GridFormat::Csv, &["csv"])],
    default: GridFormat::Xlsx,
};

/// Arguments of `grid export`.
#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// The audit (JSON, YAML or TOML; `-` for standard input).
    #[arg(value_name = "AUDIT")]
    audit: PathBuf,

    /// The file to write (a name whose extension is not the format's is refused).
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,

    /// The grid's format [default: the extension of -o (.xlsx, .csv), else xlsx].
    #[arg(long, value_enum)]
    format: Option<GridFormat>,
}

/// Arguments of `grid import`.
#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The grid: .xlsx, .ods, or .csv.
    #[arg(value_name = "FILE")]
    grid: PathBuf,

    /// Write the audit to this file instead of standard output (replaced once the whole audit
    /// is written; a name whose extension is not the format's is refused).
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,

    /// The format of the audit written [default: the extension of -o (.json, .yaml/.yml,
    /// .toml), else json].
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
}

/// Runs `grid new`, `grid export` or `grid import`.
pub fn run(args: &Args, globals: &Globals) -> Result<Status, Failure> {
    match &args.command {
        GridCommand::New(args) => new(args, globals),
        GridCommand::Export(args) => export(args, globals),
        GridCommand::Import(args) => import(args, globals),
    }
}

fn new(args: &NewArgs, globals: &Globals) -> Result<Status, Failure> {
    NEW_FORMATS.choose(None, Some(&args.output))?;
    let referentiel = globals.referentiel()?;
    let modules = args
        .modules
        .iter()
        .map(|&n| {
            ModuleNumber::new(n).ok_or_else(|| {
                Failure::new(say(
                    format!("--modules\u{a0}: {n} n'est pas un numéro de module (1 à 8)"),
                    format!("--modules: {n} is not a module number 1–8"),
                ))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let administration: AdministrationType =
        args.administration.parse().map_err(|e: qualepref::Error| {
            Failure::new(format!(
                "--administration{}{}",
                colon(),
                e.message_in(language())
            ))
        })?;
    let site = match &args.site {
        None => None,
        Some(text) => {
            let (departement, city) = text.split_once(':').ok_or_else(|| {
                Failure::new(say(
                    format!(
                        "--site {text:?}\u{a0}: attendu DÉPARTEMENT:VILLE, par exemple 83:TOULON"
                    ),
                    format!("--site {text:?}: expected DEPARTEMENT:CITY, e.g. 83:TOULON"),
                ))
            })?;
            let departement = departement.parse().map_err(|e: qualepref::Error| {
                Failure::new(format!("--site{}{}", colon(), e.message_in(language())))
            })?;
            Some(Site::new(administration, departement, city.trim()))
        }
    };
    let kind = match &args.audit_type {
        None => None,
        Some(text) => {
            let audit_type: AuditType = text.parse().map_err(|e: qualepref::Error| {
                Failure::new(format!("--type{}{}", colon(), e.message_in(language())))
            })?;
            Some(AuditKind {
                audit_type: Some(audit_type),
                internal: args.internal,
                external_on: None,
            })
        }
    };
    let bytes = grid::new_xlsx(&referentiel, &modules, site.as_ref(), kind)?;
    write_file(&args.output, &bytes)?;
    Ok(Status::Success)
}

fn export(args: &ExportArgs, globals: &Globals) -> Result<Status, Failure> {
    let format = EXPORT_FORMATS.choose(args.format, Some(&args.output))?;
    let referentiel = globals.referentiel()?;
    let audit = globals.audit(&Input::new(&args.audit))?;
    let bytes = match format {
        GridFormat::Xlsx => grid::export_xlsx(&audit, &referentiel)?,
        GridFormat::Csv => grid::export_csv(&audit, &referentiel)?,
    };
    write_file(&args.output, &bytes)?;
    Ok(Status::Success)
}

fn import(args: &ImportArgs, globals: &Globals) -> Result<Status, Failure> {
    let format = FormatArg::files("grid import").choose(args.format, args.output.as_deref())?;
    let referentiel = globals.referentiel()?;
    let path = &args.grid;
    let imported = grid::import_path(path, &referentiel)?;
    for diagnostic in imported.diagnostics() {
        warn(&format!(
            "{}{}{}",
            name(path),
            colon(),
            diagnostic.to_string_in(language())
        ));
    }
    let text = imported.audit().to_string_in(format.format())?;
    match &args.output {
        Some(out) => write_file(out, &text)?,
        None => print(&text)?,
    }
    Ok(Status::Success)
}
