//! # qualepref
//!
//! Typed data, checks and conclusions for **Qual-e-pref** quality-label audits of French
//! préfectures (the Ministry of the Interior's label; référentiel of 19 December 2018, updated
//! 4 February 2019).
//!
//! ## The pipeline
//!
//! An audit goes through four steps, each a folder of the crate and a type that proves the step
//! before it ran:
//!
//! 1. **In**: an [`Audit`] read from JSON, YAML or TOML ([`Audit::from_path`],
//!    [`Interchange`]), imported from a report's text export ([`import_report_text`]), or built
//!    in code ([`Audit::skeleton`]). The JSON layout is on the [`Audit`] page; a référentiel's
//!    file format on the [`Referentiel`] page.
//! 2. **Validate**: [`Valid::new`] checks the audit against a [`Referentiel`] and collects every
//!    problem as a [`Diagnostic`] with a stable [`RuleCode`], a [`Severity`] and a path; an audit
//!    with an error gets a [`ValidationReport`] instead of a [`Valid`].
//! 3. **Conclude**: [`conclude`] scores the valid audit (exact [`Rate`]s per module, channel and
//!    management section), decides under a [`Policy`] that is this crate's documented default
//!    (the référentiel's own decision rules are not public) and regenerates the report's
//!    section 4, as one serialisable [`Conclusions`] whose JSON is a stable contract.
//! 4. **Out**: the whole report as Markdown ([`render_markdown`]) or one HTML file
//!    ([`render_html`]); the conclusions as JSON ([`Conclusions::to_json_string`]) or text; two
//!    audits of a site compared ([`compare()`]); the corrective-action plan of one or more
//!    audits at a date ([`Plan::build`], module [`plan`]); the history of a site's audits —
//!    timeline, engagement grid, follow-up of écarts and observations, the label's status at a
//!    date under a configurable [`CyclePolicy`] — ([`History::new`], module [`history`]).
//!
//! ```
//! use qualepref::{conclude, render_markdown, Audit, Language, Policy, Referentiel, Valid,
//!     ValidationOptions};
//!
//! let audit = Audit::from_path("examples/data/toulon-2019.json")?;
//! let referentiel = Referentiel::qual_e_pref_2019();
//! let valid = Valid::new(&audit, referentiel, &ValidationOptions::default())?;
//! let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
//! println!("{}", conclusions.outcome_label(Language::Fr)); // avis favorable (indicatif)
//! println!("{}", conclusions.to_json_string()?); // the JSON contract
//! let report = render_markdown(&valid, &conclusions);
//! assert!(report.contains("Relation générale avec les usagers"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Building an audit in code
//!
//! ```
//! use qualepref::{
//!     conclude, AdministrationType, Audit, AuditDates, AuditKind, AuditType, Auditor,
//!     EcartTarget, EngagementNumber, FicheEcart, Language, ModuleNumber, NaiveDate, NcGrade,
//!     Observation, Outcome, Policy, Referentiel, Site, Valid, ValidationOptions, Verdict,
//! };
//!
//! let referentiel = Referentiel::qual_e_pref_2019();
//! let day = NaiveDate::from_ymd_opt(2024, 3, 12).ok_or("date")?;
//! let site = Site::new(AdministrationType::SousPrefecture, "83".parse()?, "BRIGNOLES");
//! let kind = AuditKind::external(AuditType::Suivi);
//! let mut audit = Audit::skeleton(referentiel, site, kind, AuditDates::day(day), &[ModuleNumber::ONE]);
//! audit.auditors.push(Auditor::new("Claire Martin"));
//! let nine = EngagementNumber::try_from(9)?;
//! audit
//!     .assess(nine, Verdict::MinorNonconformity)?
//!     .observations
//!     .push(Observation::area_of_concern("Message d'attente erroné", "Usagers mal orientés"));
//! audit.ecarts.push(FicheEcart::new(EcartTarget::Engagement(nine), NcGrade::Minor, "Message erroné"));
//! // Every other engagement and management item was seen conforming; `fill_unset_verdicts_of`
//! // fills only the engagements listed, for records that may miss some.
//! audit.fill_all_unset_verdicts(Verdict::Conformity);
//! let valid = Valid::new(&audit, referentiel, &ValidationOptions::default())?;
//! let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
//! assert_eq!(conclusions.outcome, Outcome::FavorableWithConditions);
//! assert_eq!(conclusions.outcome_label(Language::Fr), "avis favorable sous réserve");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A référentiel is built the same way with [`Referentiel::builder`]. The examples of the
//! repository (`examples/build_audit.rs`, `examples/batch.rs`, `examples/custom_referentiel.rs`)
//! are complete programs.
//!
//! ## Where things live
//!
//! - The model ([`Audit`] and its parts, [`Referentiel`], the codes [`Verdict`],
//!   [`ObservationKind`], [`NcGrade`]) is re-exported here; so are chrono's [`NaiveDate`] and
//!   strum's [`IntoEnumIterator`] (for `Verdict::iter()`), which appear in its signatures.
//! - [`validate`](mod@validate): the rules, one family per file, and every [`RuleCode`] with its
//!   documentation.
//! - [`engine`]: scoring ([`engine::score`]), the decision ([`engine::decision`]) and the
//!   synthesis ([`engine::synthesis`]).
//! - [`report`]: the report's writers. [`report_text`]: the text form of reports, read
//!   ([`import_report_text`]) and written ([`render_report_text`]). [`compare`](mod@compare):
//!   two audits of a site. [`plan`]: the corrective-action plan (open, due-soon, overdue and
//!   lifted actions, points sensibles as preventive actions). [`history`]: one site's audits
//!   over time, and the history rules' [`HistoryCode`]s. [`formats`]: JSON, YAML and TOML.
//!
//! `DESIGN.md` in the repository explains the layout, the invariants the types hold and why the
//! decision policy is the crate's own.
//!
//! ## Cargo features
//!
//! None is on by default; the default build depends on serde, serde_json, chrono, strum and
//! thiserror only.
//!
//! - `yaml`: audits and référentiels in YAML ([`Format`]`::Yaml`), read with `serde-saphyr`
//!   under its default budget (bounded anchors, aliases and depth).
//! - `toml`: audits and référentiels in TOML ([`Format`]`::Toml`), with the `toml` crate.
//! - `schema`: the JSON Schemas of the audit layout and of the référentiel file format
//!   (`schema::audit_schema`, `schema::referentiel_schema`), generated with `schemars`; the
//!   repository commits them under `schema/`.
//! - `xlsx`: the audit grid as a workbook ([`grid`]: `grid::export_xlsx`, `grid::new_xlsx`,
//!   `grid::import_xlsx`, which also reads `.ods`), with `rust_xlsxwriter` and `calamine`.
//! - `csv`: the grid as one flat table (`grid::export_csv`, `grid::import_csv`; `;` separated,
//!   UTF-8 with BOM), with `csv`.
//! - `cli`: the `qualepref` command-line tool, with `clap`; turns on `yaml`, `toml`, `schema`,
//!   `xlsx` and `csv`. Install it with `cargo install --path . --features cli`.
//!
//! ## What is not public, and so not bundled
//!
//! The engagements of modules 3–8, the sub-criteria of each engagement and the référentiel's own
//! definitions of the verdicts and of the labelling decision are not public. The crate does not
//! make them up: modules 3–8 are marked as not bundled, a complete référentiel loads from a file
//! or is built in code, and the decision policy is documented as the crate's own.
//!
//! ## Limits
//!
//! Every loader refuses inputs larger than [`MAX_INPUT_BYTES`] with [`Error::TooLarge`], files
//! and other sources (pipes, devices) alike; no input makes the library panic. A TOML document
//! holding more than `MAX_TOML_ITEMS` (100 000) tables, keys and values is refused before it
//! is parsed, which keeps the TOML reader within some tens of megabytes.

#![cfg_attr(docsrs, feature(doc_cfg))]
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

pub mod dossier;
pub mod history;
pub mod plan;

pub mod formats;

mod base;
pub mod codes;
mod i18n;
mod input;
mod text;

#[cfg(feature = "schema")]
#[cfg_attr(docsrs, doc(cfg(feature = "schema")))]
pub mod schema;

pub mod samples;

#[cfg(any(feature = "xlsx", feature = "csv"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "xlsx", feature = "csv"))))]
pub mod grid;

pub use base::{
    Diagnostic, Error, ErrorCode, ErrorDiagnostic, Format, Language, RuleCode, Severity,
    ValidationOptions, ValidationReport,
};
pub use chrono::NaiveDate;
pub use compare::{ComparedAudit, Comparison, compare, compare_with};
pub use engine::decision::{Decision, DueSource, Ecart, Outcome, Policy, Rule, decide};
pub use engine::score::{
    GroupScore, ManagementScore, ModuleScore, NoteCounts, ObservationCounts, Rate, RemoteScore,
    Scores, SectionScore, Tally, VerdictCounts, score,
};
pub use engine::synthesis::{ObservationItem, Section, Source, Synthesis, synthesize};
pub use engine::{AppliedPolicy, Conclusions, Nonconformities, conclude};
pub use formats::Interchange;
#[cfg(feature = "toml")]
#[cfg_attr(docsrs, doc(cfg(feature = "toml")))]
pub use formats::MAX_TOML_ITEMS;
pub use history::{
    CyclePolicy, History, HistoryCode, HistoryDiagnostic, HistoryOptions, LabelState, LabelStatus,
};
pub use model::assessment::{Assessment, ManagementAssessment, Observation};
pub use model::audit::{
    Audit, AuditDates, AuditKind, AuditType, LabellingDecision, ReferentielRef,
};
pub use model::auditor::Auditor;
pub use model::codes::{NcGrade, ObservationKind, Verdict};
pub use model::ecart::{ActionStatus, EcartTarget, FicheEcart};
pub use model::ids::{EngagementNumber, ManagementItemId, ManagementSection, ModuleNumber};
pub use model::referentiel::{
    ChannelGroup, Engagement, ManagementItem, Module, REFERENTIEL_FORMAT, Referentiel,
};
pub use model::referentiel_builder::ReferentielBuilder;
pub use model::remote::{RemoteChannel, RemoteCheck, RemoteNote};
pub use model::site::{AdministrationType, Context, ContextFigures, Departement, Site};
pub use model::unread::{Carried, Unread};
pub use model::written::{AuditorSynthesis, CharteGraphique};
pub use plan::{Plan, Standing};
pub use report::html::render_html;
pub use report::markdown::render_markdown;
pub use report::text::render_text;
pub use report_text::{
    ConclusionSection, ImportCode, ImportDiagnostic, ImportLevel, Imported, LineRole, ReportField,
    ReportLayout, import_report, import_report_path, import_report_text, render_report_text,
};
pub use strum::IntoEnumIterator;
pub use validate::{Valid, ValidAudit, validate, validate_referentiel};

pub use input::MAX_INPUT_BYTES;
pub(crate) use input::{check_size, read_input, read_input_bytes};
