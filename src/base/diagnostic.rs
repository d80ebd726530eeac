//! The outcome of validation: [`Severity`], [`Diagnostic`], [`ValidationReport`], and the
//! [`ValidationOptions`] that set each code's severity.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoStaticStr};

use super::rule_codes::RuleCode;
use crate::base::wire::wire_enum;

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

impl Severity {
    /// The wire form: `info`, `warning` or `error`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }
}

wire_enum!(
    Severity,
    "severity",
    "info, warning, error",
    [Info, Warning, Error]
);

/// One problem found in an audit, or in a référentiel.
///
/// Printed as `path: [code] severity: message`. Its JSON (serde) is an object of four strings,
/// the code and severity in their wire forms:
///
/// ```json
/// {
///   "code": "missing-verdict",
///   "severity": "error",
///   "path": "assessments[4].verdict",
///   "message": "engagement 5 has no verdict"
/// }
/// ```
///
/// `path` is empty for a diagnostic about the whole document. A parse error, which stops the
/// reading before validation, has the same shape with `line` and `column` more
/// ([`Error::diagnostic`](crate::Error::diagnostic)).
///
/// ```
/// use qualepref::{Diagnostic, RuleCode, Severity};
/// let d = Diagnostic::new(RuleCode::MissingVerdict, Severity::Error, "assessments[4].verdict",
///     "engagement 5 has no verdict");
/// assert_eq!(d.to_string(), "assessments[4].verdict: [missing-verdict] error: engagement 5 has no verdict");
/// assert_eq!(serde_json::to_value(&d)?, serde_json::json!({
///     "code": "missing-verdict", "severity": "error",
///     "path": "assessments[4].verdict", "message": "engagement 5 has no verdict",
/// }));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The rule's stable code.
    pub code: RuleCode,
    /// Its severity, after options.
    pub severity: Severity,
    /// Where in the audit, e.g. `assessments[16].observations[0].text` (or in the référentiel's
    /// file format, e.g. `engagements[3].number`); empty for the whole document.
    pub path: String,
    /// What is wrong, naming the bad value.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic of rule `code` at `severity`, about `path`.
    #[must_use]
    pub fn new(
        code: RuleCode,
        severity: Severity,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            path: path.into(),
            message: message.into(),
        }
    }
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

/// How warnings are treated by default, before per-code overrides.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Preset {
    #[default]
    Default,
    Strict,
    Lenient,
}

/// Validation options: a preset and per-code severity overrides.
///
/// ```
/// use qualepref::{RuleCode, ValidationOptions, Severity};
/// let options = ValidationOptions::strict().with(RuleCode::PsWithoutRisk, Severity::Info);
/// assert_eq!(options.severity_of(RuleCode::PsWithoutRisk), Some(Severity::Info));
/// assert_eq!(options.severity_of(RuleCode::NaWithoutJustification), Some(Severity::Error));
/// assert_eq!(ValidationOptions::lenient().severity_of(RuleCode::DuplicateModule), Some(Severity::Info));
/// assert_eq!(ValidationOptions::default().disable(RuleCode::NoAuditor).severity_of(RuleCode::NoAuditor), None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidationOptions {
    /// Per-code severity; `None` turns the rule off. Wins over the preset.
    pub overrides: BTreeMap<RuleCode, Option<Severity>>,
    preset: Preset,
}

impl ValidationOptions {
    /// Every rule at its default severity (same as `ValidationOptions::default()`).
    #[must_use]
    pub fn new() -> ValidationOptions {
        ValidationOptions::default()
    }

    /// Warnings become errors: an audit with any warning is invalid.
    #[must_use]
    pub fn strict() -> ValidationOptions {
        ValidationOptions {
            preset: Preset::Strict,
            ..ValidationOptions::default()
        }
    }

    /// Warnings become infos: only errors remain worth acting on.
    #[must_use]
    pub fn lenient() -> ValidationOptions {
        ValidationOptions {
            preset: Preset::Lenient,
            ..ValidationOptions::default()
        }
    }

    /// These options with `code` at `severity`.
    #[must_use]
    pub fn with(mut self, code: RuleCode, severity: Severity) -> ValidationOptions {
        self.overrides.insert(code, Some(severity));
        self
    }

    /// These options with the rule `code` turned off.
    #[must_use]
    pub fn disable(mut self, code: RuleCode) -> ValidationOptions {
        self.overrides.insert(code, None);
        self
    }

    /// The severity `code` gets with these options; `None` when the rule is off.
    #[must_use]
    pub fn severity_of(&self, code: RuleCode) -> Option<Severity> {
        if let Some(over) = self.overrides.get(&code) {
            return *over;
        }
        Some(match (self.preset, code.default_severity()) {
            (Preset::Strict, Severity::Warning) => Severity::Error,
            (Preset::Lenient, Severity::Warning) => Severity::Info,
            (_, severity) => severity,
        })
    }
}

/// The outcome of validation: every diagnostic, in a deterministic order (see "Order" in the
/// [module docs](mod@crate::validate)).
///
/// Printed (`Display`, and `Debug` too) one diagnostic per line, so that a `main` returning
/// `Result<(), Box<dyn Error>>` prints the problems when `?` gives it the report:
///
/// ```text
/// auditors: [no-auditor] error: no auditor is named
/// ```
///
/// Its JSON (serde) is `{"diagnostics": [ … ]}`, each a [`Diagnostic`] object:
///
/// ```
/// use qualepref::{samples, validate, Audit, Referentiel, ValidationOptions, ValidationReport};
/// let mut audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// audit.auditors.clear();
/// let report = validate(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default());
/// assert_eq!(format!("{report:?}"), "auditors: [no-auditor] error: no auditor is named\n");
/// let json = serde_json::to_value(&report)?;
/// assert_eq!(json["diagnostics"][0]["code"], "no-auditor");
/// let back: ValidationReport = serde_json::from_value(json)?;
/// assert_eq!(back, report);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationReport {
    diagnostics: Vec<Diagnostic>,
}

impl ValidationReport {
    /// A report of `diagnostics`, kept in their order.
    pub(crate) fn from_diagnostics(diagnostics: Vec<Diagnostic>) -> ValidationReport {
        ValidationReport { diagnostics }
    }

    /// Every diagnostic, in order.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The diagnostics, owned.
    #[must_use]
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// Whether any diagnostic has [`Severity::Error`].
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Whether there is no diagnostic at all, not even an info.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// The diagnostics of severity `severity`, in order.
    pub fn with_severity(&self, severity: Severity) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(move |d| d.severity == severity)
    }

    /// The error-severity diagnostics, in order.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.with_severity(Severity::Error)
    }

    /// The warning-severity diagnostics, in order.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.with_severity(Severity::Warning)
    }

    /// The info-severity diagnostics, in order.
    pub fn infos(&self) -> impl Iterator<Item = &Diagnostic> {
        self.with_severity(Severity::Info)
    }
}

/// One diagnostic per line, in order.
impl fmt::Display for ValidationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

/// As `Display`: one diagnostic per line (`(no diagnostic)` for an empty report), the form a
/// `main` that returns the report through `?` prints.
impl fmt::Debug for ValidationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.diagnostics.is_empty() {
            return f.write_str("(no diagnostic)");
        }
        fmt::Display::fmt(self, f)
    }
}

/// A report with errors is the error of [`Valid::new`](crate::Valid::new), so `?` works on it.
impl std::error::Error for ValidationReport {}
