//! A file left out of the network, with its diagnostics, in French and English.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Diagnostic, Error, ErrorDiagnostic, Language, ValidationReport};

/// Why a file was left out. Serialised in snake case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProblemKind {
    /// The file cannot be read as an audit (missing, unreadable, too large, malformed).
    Unreadable,
    /// The audit does not pass validation: an error-severity diagnostic.
    Invalid,
    /// A folder of the tree cannot be listed: the files in it, if any, are not read.
    UnreadableFolder,
}

/// A file (or a folder) left out of the network, and why: never silently.
///
/// `message` is in French; [`message_in`](NetworkProblem::message_in) gives either language.
///
/// ```
/// use qualepref::network::{Network, NetworkOptions, ProblemKind};
/// use qualepref::{samples, Audit, Language, NaiveDate, Referentiel};
/// let mut audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// audit.assessments.clear();
/// let at = NaiveDate::from_ymd_opt(2020, 1, 1).ok_or("date")?;
/// let network = Network::from_labelled_audits(
///     [("toulon.json".to_owned(), audit)],
///     Referentiel::qual_e_pref_2019(),
///     &NetworkOptions::new(at),
/// );
/// let problem = &network.problems[0];
/// assert_eq!(problem.kind, ProblemKind::Invalid);
/// assert!(problem.message.starts_with("audit invalide (23\u{a0}erreurs), laissé de côté"));
/// assert!(problem.message_in(Language::En).starts_with("invalid audit (23 errors), left out"));
/// assert!(problem.to_string().starts_with("toulon.json: invalid audit"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NetworkProblem {
    /// The file (or folder, or label of an audit given in memory).
    pub file: String,
    /// Why it was left out.
    pub kind: ProblemKind,
    /// What happened, in French.
    pub message: String,
    /// The error that kept the file from being read, as a diagnostic.
    pub error: Option<ErrorDiagnostic>,
    /// The validation's diagnostics (every severity), for an invalid audit.
    pub diagnostics: Vec<Diagnostic>,
    /// The error's English message (`error` holds the French), not serialised.
    #[serde(skip)]
    error_en: Option<String>,
}

impl NetworkProblem {
    /// A file that cannot be read as an audit.
    pub(crate) fn unreadable(file: String, error: &Error) -> NetworkProblem {
        NetworkProblem::new(file, ProblemKind::Unreadable, Some(error), Vec::new())
    }

    /// A folder that cannot be listed.
    pub(crate) fn folder(file: String, error: &Error) -> NetworkProblem {
        NetworkProblem::new(file, ProblemKind::UnreadableFolder, Some(error), Vec::new())
    }

    /// An audit that does not pass validation.
    pub(crate) fn invalid(file: String, report: ValidationReport) -> NetworkProblem {
        NetworkProblem::new(file, ProblemKind::Invalid, None, report.into_diagnostics())
    }

    fn new(
        file: String,
        kind: ProblemKind,
        error: Option<&Error>,
        diagnostics: Vec<Diagnostic>,
    ) -> NetworkProblem {
        let mut problem = NetworkProblem {
            file,
            kind,
            message: String::new(),
            error: error.map(Error::diagnostic),
            diagnostics,
            error_en: error.map(|e| e.diagnostic_in(Language::En).message),
        };
        problem.message = problem.message_in(Language::Fr);
        problem
    }

    /// The number of error-severity diagnostics.
    #[must_use]
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == crate::Severity::Error)
            .count()
    }

    /// What happened, in `language`: `audit invalide (2 erreurs), laissé de côté ; première :
    /// …`, `invalid audit (2 errors), left out; first: …`, `fichier illisible, laissé de côté :
    /// …`. The diagnostic quoted is the library's own text.
    #[must_use]
    pub fn message_in(&self, language: Language) -> String {
        let p = super::phrases::of(language);
        let mut out = String::new();
        match self.kind {
            ProblemKind::Invalid => {
                let n = u32::try_from(self.errors()).unwrap_or(u32::MAX);
                out.push_str((p.invalid)(n).as_str());
                let first = self
                    .diagnostics
                    .iter()
                    .find(|d| d.severity == crate::Severity::Error);
                if let Some(d) = first {
                    out.push_str(p.first_error);
                    out.push_str(&d.to_string_in(language));
                }
            }
            ProblemKind::Unreadable | ProblemKind::UnreadableFolder => {
                out.push_str(if self.kind == ProblemKind::Unreadable {
                    p.unreadable
                } else {
                    p.unreadable_folder
                });
                if let Some(e) = &self.error {
                    out.push_str(p.colon);
                    if !e.path.is_empty() {
                        out.push_str(&e.path);
                        out.push_str(": ");
                    }
                    out.push_str(match (language, &self.error_en) {
                        (Language::En, Some(english)) => english,
                        _ => &e.message,
                    });
                    if let (Some(line), Some(column)) = (e.line, e.column) {
                        out.push_str(&(p.at_line)(line, column));
                    }
                }
            }
        }
        out
    }
}

/// `file: message` in English, as the command line prints it on standard error.
impl fmt::Display for NetworkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message_in(Language::En))
    }
}

impl NetworkProblem {
    /// `file: message` in `language` (`file : message` in French), as the command line prints
    /// it on standard error.
    #[must_use]
    pub fn to_string_in(&self, language: Language) -> String {
        let colon = super::phrases::of(language).colon;
        format!("{}{colon}{}", self.file, self.message_in(language))
    }
}
