//! The outcome of validation: [`Severity`], [`Diagnostic`], [`ValidationReport`], and the
//! [`ValidationOptions`] that set each code's severity.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoStaticStr};

use super::language::Language;
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

    /// The severity in words in `language`: `erreur`, `avertissement`, `info` in French; the
    /// wire form in English (`error`, `warning`, `info`).
    ///
    /// ```
    /// use qualepref::{Language, Severity};
    /// assert_eq!(Severity::Warning.word(Language::Fr), "avertissement");
    /// assert_eq!(Severity::Warning.word(Language::En), "warning");
    /// ```
    #[must_use]
    pub const fn word(self, language: Language) -> &'static str {
        match (self, language) {
            (Severity::Info, _) => "info",
            (Severity::Warning, Language::Fr) => "avertissement",
            (Severity::Error, Language::Fr) => "erreur",
            (Severity::Warning, Language::En) => "warning",
            (Severity::Error, Language::En) => "error",
        }
    }
}

wire_enum!(
    Severity,
    "severity",
    "info, warning, error",
    [Info, Warning, Error]
);

/// One problem found in an audit, or in a référentiel, in French and in English.
///
/// Its `message` is the French text (French is the crate's default language,
/// [`Language::default()`]); the English text is carried beside it, and
/// [`message_in`](Diagnostic::message_in) gives either. Printed (`Display`) as the French line
/// `path : [code] erreur : message`, typeset (a no-break space before `:`), the severity in
/// French (`erreur`, `avertissement`, `info`) and the code unchanged;
/// [`to_string_in`](Diagnostic::to_string_in) gives the line in either language, the English
/// one `path: [code] error: message`.
///
/// Its JSON (serde) is an object of four strings, the code and severity in their wire forms and
/// the message in French:
///
/// ```json
/// {
///   "code": "missing-verdict",
///   "severity": "error",
///   "path": "assessments[4].verdict",
///   "message": "l'engagement 5 n'a pas de verdict"
/// }
/// ```
///
/// The English text is not serialised: a diagnostic read back from JSON has the French text
/// only, and gives it in English too. Two diagnostics are equal when their code, severity, path
/// and French message are (the English text says the same thing).
///
/// `path` is empty for a diagnostic about the whole document (the line then starts with the
/// code). A parse error, which stops the reading before validation, has the same shape with
/// `line` and `column` more ([`Error::diagnostic`](crate::Error::diagnostic)).
///
/// ```
/// use qualepref::{Diagnostic, Language, RuleCode, Severity};
/// let d = Diagnostic::bilingual(RuleCode::MissingVerdict, Severity::Error, "assessments[4].verdict",
///     "l'engagement 5 n'a pas de verdict", "engagement 5 has no verdict");
/// assert_eq!(d.to_string(),
///     "assessments[4].verdict\u{a0}: [missing-verdict] erreur\u{a0}: l'engagement 5 n'a pas de verdict");
/// assert_eq!(d.to_string_in(Language::En),
///     "assessments[4].verdict: [missing-verdict] error: engagement 5 has no verdict");
/// assert_eq!(d.message_in(Language::En), "engagement 5 has no verdict");
/// assert_eq!(serde_json::to_value(&d)?, serde_json::json!({
///     "code": "missing-verdict", "severity": "error",
///     "path": "assessments[4].verdict", "message": "l'engagement 5 n'a pas de verdict",
/// }));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The rule's stable code.
    pub code: RuleCode,
    /// Its severity, after options.
    pub severity: Severity,
    /// Where in the audit, e.g. `assessments[16].observations[0].text` (or in the référentiel's
    /// file format, e.g. `engagements[3].number`); empty for the whole document.
    pub path: String,
    /// What is wrong, naming the bad value, in French (the crate's default language).
    pub message: String,
    /// What is wrong in English; `None` when the diagnostic has one text (made with
    /// [`Diagnostic::new`], or read back from JSON), which is then the English text too.
    #[serde(skip)]
    english: Option<String>,
}

impl Diagnostic {
    /// A diagnostic of rule `code` at `severity`, about `path`, with one text for every
    /// language.
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
            english: None,
        }
    }

    /// A diagnostic of rule `code` at `severity`, about `path`, with its French text (the
    /// `message`) and its English text.
    #[must_use]
    pub fn bilingual(
        code: RuleCode,
        severity: Severity,
        path: impl Into<String>,
        french: impl Into<String>,
        english: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            english: Some(english.into()),
            ..Diagnostic::new(code, severity, path, french)
        }
    }

    /// What is wrong, in `language`: the French `message`, or the English text (the `message`
    /// when the diagnostic has only one).
    #[must_use]
    pub fn message_in(&self, language: Language) -> &str {
        match language {
            Language::Fr => &self.message,
            Language::En => self.english.as_deref().unwrap_or(&self.message),
        }
    }

    /// The line `path: [code] severity: message` in `language`: in French typeset
    /// (`path : [code] erreur : message`, with no-break spaces before `:`) and with the
    /// severity in French; without `path: ` when the path is empty.
    #[must_use]
    pub fn to_string_in(&self, language: Language) -> String {
        let message = self.message_in(language);
        let severity = self.severity.word(language);
        let colon = match language {
            Language::Fr => "\u{a0}: ",
            Language::En => ": ",
        };
        let mut line =
            String::with_capacity(self.path.len() + self.code.as_str().len() + message.len() + 24);
        if !self.path.is_empty() {
            line.push_str(&self.path);
            line.push_str(colon);
        }
        line.push('[');
        line.push_str(self.code.as_str());
        line.push_str("] ");
        line.push_str(severity);
        line.push_str(colon);
        line.push_str(message);
        line
    }
}

/// Equal when the code, severity, path and French message are: the English text says the same
/// thing, and is not kept by JSON.
impl PartialEq for Diagnostic {
    fn eq(&self, other: &Self) -> bool {
        (self.code, self.severity, &self.path, &self.message)
            == (other.code, other.severity, &other.path, &other.message)
    }
}

impl Eq for Diagnostic {}

/// The French line (see [`Diagnostic::to_string_in`]).
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_in(Language::Fr))
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
/// Printed (`Display`, and `Debug` too) one diagnostic per line, in French, so that a `main`
/// returning `Result<(), Box<dyn Error>>` prints the problems when `?` gives it the report;
/// [`to_string_in`](ValidationReport::to_string_in) gives the lines in either language:
///
/// ```text
/// auditors : [no-auditor] erreur : aucun auditeur n'est nommé
/// auditors: [no-auditor] error: no auditor is named
/// ```
///
/// Its JSON (serde) is `{"diagnostics": [ … ]}`, each a [`Diagnostic`] object, whose `message`
/// is the French text:
///
/// ```
/// use qualepref::{samples, validate, Audit, Language, Referentiel, ValidationOptions, ValidationReport};
/// let mut audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// audit.auditors.clear();
/// let report = validate(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default());
/// assert_eq!(format!("{report:?}"), "auditors\u{a0}: [no-auditor] erreur\u{a0}: aucun auditeur n'est nommé\n");
/// assert_eq!(report.to_string_in(Language::En), "auditors: [no-auditor] error: no auditor is named\n");
/// let json = serde_json::to_value(&report)?;
/// assert_eq!(json["diagnostics"][0]["code"], "no-auditor");
/// assert_eq!(json["diagnostics"][0]["message"], "aucun auditeur n'est nommé");
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

    /// One diagnostic per line in `language` ([`Diagnostic::to_string_in`]), each line ended
    /// by a line feed; empty for a report without diagnostic.
    #[must_use]
    pub fn to_string_in(&self, language: Language) -> String {
        let mut text = String::new();
        for d in &self.diagnostics {
            text.push_str(&d.to_string_in(language));
            text.push('\n');
        }
        text
    }
}

/// One diagnostic per line, in order, in French.
impl fmt::Display for ValidationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_in(Language::Fr))
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
