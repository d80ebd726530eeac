//! `qualepref synthesize FILE`: scores, decides and writes the synthesis of a valid audit.

use std::path::PathBuf;

use qualepref::{Conclusions, Policy, Valid, conclude, render_markdown};

use super::values::parse_deadline;
use super::{Failure, Globals, Input, Status, colon, describe, print, say, warn};

/// Arguments of `synthesize`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The audit file (`-` for standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// What to print: the synthesis as text, the whole report as Markdown, or the conclusions
    /// as JSON (the documented contract).
    #[arg(long, value_enum, default_value_t = Output::Text)]
    format: Output,

    #[command(flatten)]
    engine: EngineArgs,
}

/// The options of the engine, shared by `synthesize` and `render`.
#[derive(Debug, clap::Args)]
pub struct EngineArgs {
    /// Months (1 to 120) after the audit's last day by which corrective actions are due, for
    /// either grade (sets both --minor-deadline-months and --major-deadline-months).
    #[arg(long, value_name = "MONTHS", value_parser = parse_deadline)]
    deadline_months: Option<u32>,

    /// Months (1 to 120) after the audit's last day by which the corrective actions of minor
    /// nonconformities (NC min) are due [default: 3].
    #[arg(long, value_name = "MONTHS", value_parser = parse_deadline)]
    minor_deadline_months: Option<u32>,

    /// Months (1 to 120) after the audit's last day by which the corrective actions of major
    /// nonconformities (NC Maj) are due [default: 1, the crate's choice: a major
    /// nonconformity withholds or suspends the label until lifted].
    #[arg(long, value_name = "MONTHS", value_parser = parse_deadline)]
    major_deadline_months: Option<u32>,

    /// A number of minor nonconformities (1 or more) that makes the decision unfavourable (off
    /// by default).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    minor_threshold: Option<u32>,
}

impl EngineArgs {
    /// The policy these options set: `--deadline-months` first, then the per-grade options
    /// over it. The policy's checked setters refuse a deadline out of bounds, which the
    /// options' parser already refused.
    pub fn policy(&self) -> Result<Policy, Failure> {
        let refused = |option: &str, e: qualepref::Error| {
            Failure::new(format!("{option}{}{}", colon(), describe(&e)))
        };
        let mut policy = Policy::new();
        if let Some(months) = self.deadline_months {
            policy = policy
                .with_deadline_months(months)
                .map_err(|e| refused("--deadline-months", e))?;
        }
        if let Some(months) = self.minor_deadline_months {
            policy = policy
                .with_minor_deadline_months(months)
                .map_err(|e| refused("--minor-deadline-months", e))?;
        }
        if let Some(months) = self.major_deadline_months {
            policy = policy
                .with_major_deadline_months(months)
                .map_err(|e| refused("--major-deadline-months", e))?;
        }
        Ok(match self.minor_threshold {
            Some(n) => policy.with_minor_threshold(n),
            None => policy,
        })
    }
}

/// The output of `synthesize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Output {
    /// The decision, the figures and the synthesis (section 4), as text.
    Text,
    /// The whole report as Markdown.
    Markdown,
    /// The conclusions as JSON.
    Json,
}

/// Loads and validates the audit, then hands the conclusions to `then`. An invalid audit gets
/// no conclusions: its diagnostics go to standard error and the status is 1.
pub fn with_conclusions(
    file: &std::path::Path,
    engine: &EngineArgs,
    globals: &Globals,
    then: impl FnOnce(&Valid<'_>, &Conclusions<'_>) -> Result<(), Failure>,
) -> Result<Status, Failure> {
    let input = Input::new(file);
    globals.stdin_once([&input])?;
    let policy = engine.policy()?;
    let referentiel = globals.referentiel()?;
    let audit = globals.audit(&input)?;
    let valid = match Valid::new(
        &audit,
        &referentiel,
        &qualepref::ValidationOptions::default(),
    ) {
        Ok(valid) => valid,
        Err(report) => {
            for d in report.diagnostics() {
                warn(&format!(
                    "{input}{}{}",
                    colon(),
                    d.to_string_in(super::language())
                ));
            }
            let errors = report.errors().count();
            warn(&say(
                format!(
                    "{input}\u{a0}: l'audit est invalide ({errors} erreur(s))\u{a0}: pas de synthèse"
                ),
                format!("{input}: the audit is invalid ({errors} error(s)): no synthesis"),
            ));
            return Ok(Status::Invalid);
        }
    };
    for d in valid.report().diagnostics() {
        warn(&format!(
            "{input}{}{}",
            colon(),
            d.to_string_in(super::language())
        ));
    }
    let conclusions = conclude(&valid, &policy, super::language());
    then(&valid, &conclusions)?;
    Ok(Status::Success)
}

/// Prints the synthesis in the chosen format.
pub fn run(args: &Args, globals: &Globals) -> Result<Status, Failure> {
    with_conclusions(&args.file, &args.engine, globals, |valid, conclusions| {
        let text = match args.format {
            Output::Text => conclusions.to_text(),
            Output::Markdown => render_markdown(valid, conclusions),
            Output::Json => {
                let mut json = serde_json::to_string_pretty(conclusions)
                    .map_err(|e| super::cannot_write_json(&e))?;
                json.push('\n');
                json
            }
        };
        print(&text)
    })
}
