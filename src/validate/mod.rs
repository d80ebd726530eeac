//! Validation: every rule checked in one pass, each problem a [`Diagnostic`] with a stable
//! [`RuleCode`], a [`Severity`] and a path into the audit.
//!
//! [`validate`] collects every problem of an [`Audit`] against a [`Referentiel`] before
//! reporting; [`validate_referentiel`] checks a user-supplied référentiel for what loading does
//! not already refuse. [`Valid`] wraps an audit that has passed (no error-severity diagnostic).
//!
//! ```
//! use qualepref::{samples, validate, Audit, Language, ModuleNumber, ValidationOptions, Referentiel};
//!
//! let mut audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let referentiel = Referentiel::qual_e_pref_2019();
//! assert!(validate(&audit, referentiel, &ValidationOptions::default()).is_clean());
//!
//! let two = ModuleNumber::new(2).ok_or("2")?;
//! audit.modules.retain(|m| *m != two);
//! let report = validate(&audit, referentiel, &ValidationOptions::default());
//! assert!(report.has_errors());
//! let first = &report.diagnostics()[0];
//! assert_eq!(
//!     first.to_string(),
//!     "assessments[20].engagement\u{a0}: [module-not-covered] erreur\u{a0}: \
//!      l'engagement 21 est évalué mais son module 2 n'est pas couvert"
//! );
//! assert_eq!(
//!     first.to_string_in(Language::En),
//!     "assessments[20].engagement: [module-not-covered] error: \
//!      engagement 21 is assessed but its module 2 is not covered"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Paths
//!
//! A path names the field of the audit's JSON layout (see [`Audit`]) that holds the bad value,
//! with indices into arrays counted from 0: `assessments[16].observations[0].text`,
//! `modules[1]`, `ecarts[0].grade`, `site.departement`, `dates.end`, `kind.type`,
//! `conclusion.points_sensibles[0]`. A path that ends at an array (`assessments`, `management`,
//! `modules`) names something missing from it. Diagnostics of [`validate_referentiel`] have paths
//! into the référentiel's file format.
//!
//! # Order
//!
//! Diagnostics come sorted by module, then engagement number, then field: first what concerns the
//! whole audit (référentiel, site, type, dates, auditors), then each module in number order: the
//! module list and the channels of its remote audit, then its engagements in number order
//! (assessments, remote checks, fiches d'écart); then the management items, then the conclusion.
//! Within one of these places, by field in the order of the JSON layout (`site` before
//! `site.city`, `dates.start` before `dates.end`, an observation's `text` before its `risk`, a
//! part before the fields within it: `management` before `management[0].item`), then by code,
//! then message. The key never depends on where an item sits in its array, so the same audit with its assessments,
//! management items, remote checks or fiches in another order gives the same codes, severities
//! and messages in the same order; only the indices in the paths follow the data.
//!
//! # Languages
//!
//! Every diagnostic has its message in French and in English, each from the phrase table of
//! its language (`phrases/`): [`Diagnostic::message`] and the JSON's `message` are the French
//! text, `Display` prints the French line (typeset, the severity in French: `erreur`,
//! `avertissement`, `info`), and [`Diagnostic::message_in`] and [`Diagnostic::to_string_in`]
//! (or [`ValidationReport::to_string_in`]) give either language. The French quotes the audit's
//! texts verbatim between guillemets and writes dates as reports print them (`18/11/2019`);
//! the English quotes them as Rust strings and writes ISO dates. Codes and paths are the same
//! in both.
//!
//! # Severities and options
//!
//! Each code has a default [`Severity`]; [`ValidationOptions`] overrides it per code (or turns the
//! rule off), and the presets [`ValidationOptions::strict`] (warnings become errors) and
//! [`ValidationOptions::lenient`] (warnings become infos) change every warning at once. A
//! per-code override wins over a preset.
//!
//! # What parsing already refuses
//!
//! Parsing an [`Audit`] already refuses what types rule out, so validation does not report it:
//! malformed JSON, unknown fields, unknown verdicts or observation kinds, module numbers outside
//! 1–8, engagement numbers outside 1–999, malformed dates and malformed département codes (`8`,
//! `2C`, `1234`). A well-formed but non-existent département (`96`) is reported by
//! `unknown-departement`. Loading a [`Referentiel`] already refuses duplicate numbers,
//! engagements in unknown or not-bundled modules, bundled modules without engagements, unknown
//! groups and empty titles: [`Error::InvalidReferentiel`](crate::Error::InvalidReferentiel)
//! holds those problems as diagnostics too, with their own codes and paths into the file.
//!
//! # Codes
//!
//! Codes are stable: never renamed nor reused once released. [`codes`](crate::codes) is the reference: every
//! code of validation (and of the text import) with its default severity, what it checks, an
//! example and how to fix it; the same text is `docs/codes.md`, and
//! [`RuleCode::description`], [`RuleCode::example`] and [`RuleCode::fix`] give it per code.
//!
//! # Layout
//!
//! [`validate`] builds an index of the audit once (`index.rs`) and runs the rules, one file per
//! family under `rules/` (header, modules, assessments, management, remote checks, fiches
//! d'écart, conclusion, texts, unread values); the collector (`order.rs`) gives each
//! diagnostic its sort key and its French and English text, from the phrase tables
//! (`phrases/`), and lists them in order. [`Valid`] (`valid.rs`) keeps the index for the
//! engine. The référentiel's checks are in `referentiel.rs`; the code table in
//! `crate::base::rule_codes`.

mod index;
mod order;
mod phrases;
mod referentiel;
mod rules;
mod valid;

pub use crate::base::{Diagnostic, RuleCode, Severity, ValidationOptions, ValidationReport};
pub(crate) use index::Index;
pub use referentiel::validate_referentiel;
pub use valid::{Valid, ValidAudit};

use crate::{Audit, Referentiel};
use order::Collector;

/// Checks `audit` against `referentiel` and returns every problem found, in the documented
/// order (see the [module documentation](self) and the [code reference](crate::codes)).
///
/// ```
/// use qualepref::{samples, validate, Audit, Referentiel, ValidationOptions};
/// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// let referentiel = Referentiel::qual_e_pref_2019();
/// assert!(validate(&audit, referentiel, &ValidationOptions::default()).is_clean());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn validate(
    audit: &Audit,
    referentiel: &Referentiel,
    options: &ValidationOptions,
) -> ValidationReport {
    validate_with(&Index::new(audit, referentiel), options)
}

/// Runs every rule family over an index built once.
fn validate_with(index: &Index<'_>, options: &ValidationOptions) -> ValidationReport {
    let mut out = Collector::new(options);
    index.check_header(&mut out);
    index.check_modules(&mut out);
    index.check_assessments(&mut out);
    index.check_management(&mut out);
    index.check_remote_checks(&mut out);
    index.check_ecarts(&mut out);
    index.check_conclusion(&mut out);
    index.check_texts(&mut out);
    index.check_unread(&mut out);
    out.finish()
}
