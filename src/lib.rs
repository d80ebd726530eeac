//! # qualepref
//!
//! Typed data, checks and conclusions for **Qual-e-pref** quality-label audits of French
//! préfectures (the Ministry of the Interior's label, référentiel of 19 December 2018 updated
//! 4 February 2019).
//!
//! - [`Referentiel`]: modules, numbered engagements, channel groups, management items. The
//!   public part of Qual-e-pref 2019 is embedded ([`Referentiel::qual_e_pref_2019`]); any other
//!   référentiel loads from a file in the same format ([`Referentiel::from_path`]).
//! - [`Audit`]: site, audit type, dates, auditors, modules covered, a verdict per engagement
//!   (`C`, `NA`, `NC min`, `NC Maj`) with its observations (`PF`, `PS`, `PP`), management items,
//!   remote checks, fiches d'écart and the auditor's conclusion, read from and written to JSON
//!   ([`Audit::from_json_str`], [`Audit::to_json_string`]).
//! - [`score()`]: verdict and observation counts per module, channel group, management section and
//!   remote channel, with conformity rates as exact ratios ([`Rate`]).
//! - [`decide`]: the labelling decision under a [`Policy`] that is this crate's documented default
//!   (ISO/IEC 17021-1 practice), not the référentiel's text; [`synthesize`]: the report's
//!   section 4 regenerated beside the auditor's text; [`conclude`]: all of it as one
//!   serialisable [`Conclusions`], a stable JSON contract; [`render_markdown`]: the whole report
//!   as Markdown.
//! - [`render_html`]: the whole report as one self-contained HTML5 file (inline stylesheet, no
//!   script, an inline SVG chart of the verdicts and observations per module), accessible and
//!   printable on A4; [`report::html::page`] is its shell and style, for other HTML outputs, and
//!   [`report::html::escape`] its escaping of data text.
//! - Report text: [`import_report_text`] reads an audit from the text export of its report
//!   (tolerant of page-break debris, CRLF, NFD accents…), accounting for every line and
//!   reporting what it guessed or skipped as [`ImportDiagnostic`]s; [`render_report_text`]
//!   writes an audit back in that form.
//!
//! - [`Format`], [`load_audit`], [`load_referentiel`]: the same data in JSON, YAML or TOML,
//!   chosen by name or by a file's extension ([`Audit::from_str_in`], [`Audit::to_string_in`]).
//!
//! ## Cargo features
//!
//! None is on by default; the default build depends on serde, serde_json, chrono, strum and
//! thiserror only.
//!
//! - `yaml`: audits and référentiels in YAML (`Audit::from_yaml_str`, `Audit::to_yaml_string`,
//!   [`Format`]`::Yaml`), read with `serde-saphyr` under its default budget (bounded anchors,
//!   aliases and depth).
//! - `toml`: audits and référentiels in TOML (`Audit::from_toml_str`, `Audit::to_toml_string`,
//!   [`Format`]`::Toml`), with the `toml` crate.
//! - `schema`: the JSON Schemas of the audit layout and of the référentiel file format
//!   (`schema::audit_schema`, `schema::referentiel_schema`), generated with `schemars`; the
//!   repository commits them under `schema/`.
//! - `cli`: the `qualepref` command-line tool (`validate`, `referentiel`, `schema`), with
//!   `clap`; turns on `yaml`, `toml` and `schema`. Install it with
//!   `cargo install --path . --features cli`.
//!
//! ## Example
//!
//! ```
//! use qualepref::{samples, Audit, Referentiel, Verdict};
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let referentiel = Referentiel::qual_e_pref_2019();
//! assert_eq!(audit.referentiel.id, referentiel.id());
//! assert_eq!(audit.assessments.len(), 23);
//! assert!(audit.assessments.iter().all(|a| a.verdict == Some(Verdict::Conformity)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## What is not public, and so not bundled
//!
//! The engagements of modules 3–8, the sub-criteria of each engagement and the référentiel's own
//! definitions of the verdicts and of the labelling decision are not public. The crate does not
//! make them up: modules 3–8 are marked as not bundled, and a complete référentiel loads from a
//! file.
//!
//! ## Limits
//!
//! Every loader refuses inputs larger than [`MAX_INPUT_BYTES`] with [`Error::TooLarge`]; no input
//! makes the library panic.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::todo,
    clippy::unimplemented
)]

mod model;

pub mod validate;

pub mod engine;

pub mod report;

pub mod report_text;

pub mod compare;

pub mod formats;

mod codes_table;
mod error;
mod i18n;
mod text;

#[cfg(feature = "schema")]
pub mod schema;

pub mod samples;

use std::path::Path;

pub use compare::{Comparison, compare, compare_with};
pub use engine::decision::{Decision, DueSource, Ecart, Outcome, Policy, Rule, decide};
pub use engine::score::{
    GroupScore, ManagementScore, ModuleScore, NoteCounts, ObservationCounts, Rate, RemoteScore,
    Scores, SectionScore, Tally, VerdictCounts, score,
};
pub use engine::synthesis::{Lines, ObservationItem, Section, Source, Synthesis, synthesize};
pub use engine::{AppliedPolicy, Conclusions, conclude};
pub use error::Error;
pub use formats::{Format, load_audit, load_referentiel};
pub use i18n::Language;
pub use model::audit::{
    Assessment, Audit, AuditDates, AuditKind, AuditType, Auditor, AuditorSynthesis,
    CharteGraphique, EcartTarget, FicheEcart, ManagementAssessment, Observation, ReferentielRef,
    RemoteChannel, RemoteCheck, RemoteNote,
};
pub use model::codes::{NcGrade, ObservationKind, Verdict};
pub use model::ids::{EngagementNumber, ManagementItemId, ManagementSection, ModuleNumber};
pub use model::referentiel::{
    ChannelGroup, Engagement, ManagementItem, Module, REFERENTIEL_FORMAT, Referentiel,
};
pub use model::site::{AdministrationType, Context, ContextFigures, Departement, Site};
pub use report::html::render_html;
pub use report::markdown::render_markdown;
pub use report_text::diagnostics::{ImportCode, ImportDiagnostic, ImportLevel};
pub use report_text::read::{
    ConclusionSection, Imported, LineRole, ReportField, ReportLayout, import_report,
    import_report_path, import_report_text,
};
pub use report_text::write::render_report_text;
pub use validate::{
    Diagnostic, RuleCode, Severity, Valid, ValidationOptions, ValidationReport, validate,
    validate_referentiel,
};

/// The largest input, in bytes, that the loaders accept: 64 MiB. A real audit is a few tens of
/// kilobytes; the limit keeps a wrong file from exhausting memory.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

fn check_size(len: usize) -> Result<(), Error> {
    let size = u64::try_from(len).unwrap_or(u64::MAX);
    if size > MAX_INPUT_BYTES {
        Err(Error::TooLarge {
            size,
            limit: MAX_INPUT_BYTES,
        })
    } else {
        Ok(())
    }
}

/// Reads a UTF-8 text file, refusing files above [`MAX_INPUT_BYTES`] before reading them.
fn read_input(path: &Path) -> Result<String, Error> {
    String::from_utf8(read_input_bytes(path)?).map_err(|e| Error::Io {
        path: path.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
    })
}

/// Reads a file's bytes, refusing files above [`MAX_INPUT_BYTES`] before reading them.
fn read_input_bytes(path: &Path) -> Result<Vec<u8>, Error> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_INPUT_BYTES {
        return Err(Error::InFile {
            path: path.to_owned(),
            source: Box::new(Error::TooLarge {
                size,
                limit: MAX_INPUT_BYTES,
            }),
        });
    }
    std::fs::read(path).map_err(io)
}
