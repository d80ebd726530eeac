//! The history rules' codes, declared once in a [`code_table!`](crate::base::codes_table), and the
//! diagnostic a history reports.

use std::fmt;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::Severity;

crate::base::codes_table::code_table! {
    /// The stable code of a history rule. Codes are never renamed nor reused once released;
    /// they are appended.
    ///
    /// ```
    /// use qualepref::{HistoryCode, Severity};
    /// assert_eq!(HistoryCode::OtherSite.as_str(), "history-other-site");
    /// assert_eq!("history-overdue-action".parse::<HistoryCode>()?, HistoryCode::OverdueAction);
    /// assert_eq!(HistoryCode::SameDayAndType.default_severity(), Severity::Error);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum HistoryCode {
        what: "history code";
        /// The severity of the rule.
        fn default_severity -> Severity;
        InvalidAudit = "history-invalid-audit", Error {
            description: "An audit of the history does not pass validation (default options): it is listed in the timeline without outcome and takes no part in the grid, the follow-ups nor the label's cycle.",
            example: "2020.json: audits[1]: [history-invalid-audit] error: the audit is invalid (2 errors), first: assessments: [missing-assessment] error: engagement 5 of module 1 is not assessed",
            fix: "Run `qualepref validate` on the file and correct it.",
        }
        OtherSite = "history-other-site", Error {
            description: "An audit is of another site than the history's first audit (administration, département and city, as `Site::is_same_site_as`): it is listed in the timeline and takes no part in the rest.",
            example: "nice.json: audits[2]: [history-other-site] error: the audit is of Préfecture NICE (06), not of Préfecture TOULON (83)",
            fix: "Remove the file from the history, or correct its `site`.",
        }
        NoLabellingAudit = "history-no-labelling-audit", Warning {
            description: "A suivi, renouvellement or extension audit has no earlier external initial or renouvellement audit with a favourable outcome in the history.",
            example: "suivi.json: audits[0].kind.type: [history-no-labelling-audit] warning: the external suivi audit on 2021-09-14 has no earlier labelling audit (an external initial or renouvellement audit with a favourable outcome)",
            fix: "Add the labelling audit to the history, or correct `kind.type`.",
        }
        ExtensionWithoutNewModule = "history-extension-without-new-module", Warning {
            description: "An extension audit covers no module that is not already labelled at its date.",
            example: "extension.json: audits[3]: [history-extension-without-new-module] warning: the extension audit on 2022-03-01 covers modules 1, 2, all already labelled",
            fix: "Add the new module to `modules`, or correct `kind.type`.",
        }
        CharteGraphiqueNotAssessed = "history-charte-graphique-not-assessed", Warning {
            description: "A suivi, renouvellement or extension audit leaves the charte graphique unassessed (no verdict, `NA`, or « Non applicable en audit initial »): it is assessed from the suivi on.",
            example: "suivi.json: audits[2].conclusion.charte_graphique: [history-charte-graphique-not-assessed] warning: the suivi audit on 2021-09-14 leaves the charte graphique unassessed (NA)",
            fix: "Give `conclusion.charte_graphique` its verdict (`C`, `NC min` or `NC Maj`) and the auditor's text.",
        }
        SameDayAndType = "history-same-day-and-type", Error {
            description: "Two audits start on the same day and are of the same kind (type, internal or external): most likely the same audit twice.",
            example: "copy.json: audits[2]: [history-same-day-and-type] error: the external initial audit on 2020-02-18 has the same day and type as audits[1] (2020.json)",
            fix: "Remove the duplicate file, or correct the dates or type.",
        }
        OverdueAction = "history-overdue-action", Warning {
            description: "A nonconformity's corrective action was due (the decision's due date: the fiche's, or the policy's) before the next audit covering it started, and the écart was not lifted by then.",
            example: "2020.json: audits[1].ecarts[0]: [history-overdue-action] warning: the corrective action of engagement 17 (NC min) was due on 2020-05-19 and the écart is not lifted at the audit of 2021-09-14",
            fix: "Follow the corrective action up: record its lifting (`status`) or a new due date.",
        }
        EcartNotMentioned = "history-ecart-not-mentioned", Warning {
            description: "A nonconformity is not assessed by the next audit that covers its module (no verdict, or `NA`): nothing says whether it was lifted.",
            example: "2020.json: audits[1].ecarts[0]: [history-ecart-not-mentioned] warning: engagement 17 (NC min) is not assessed at the next audit, on 2021-09-14 (suivi.json)",
            fix: "Assess the engagement at the next audit, or record the écart's lifting in the fiche's `status`.",
        }
        SuiviWithLabellingAudit = "history-suivi-with-labelling-audit", Warning {
            description: "An external suivi audit starts on or before the day its cycle's label runs from (the same visit as the labelling audit, or before the decision): it does not count as the follow-up audit.",
            example: "suivi.json: audits[2].kind.type: [history-suivi-with-labelling-audit] warning: the external suivi audit on 2020-02-18 starts on or before the day the label of its labelling audit (2020-02-18) runs from, 2020-02-18: it does not count as the follow-up audit",
            fix: "Correct the suivi's dates or type, or add the real follow-up audit.",
        }
        AuditAfterDate = "history-audit-after-date", Info {
            description: "An audit starts after the date the dossier is looked at (`--at`): it is left out of the timeline, the grid, the follow-ups and the cycle at that date.",
            example: "2030.json: audits[3]: [history-audit-after-date] info: the external suivi audit on 2030-03-01 starts after 2022-01-01, the dossier's date: it is not counted",
            fix: "Nothing, if the date is the one wanted; otherwise give a later `--at`, or correct the audit's dates.",
        }
        DueBeforeAudit = "history-due-before-audit", Warning {
            description: "An action's échéance (the fiche d'écart's `due`) is before its audit's last day: the action would be overdue before it was found.",
            example: "2020.json: audits[1].ecarts[0]: [history-due-before-audit] warning: the due date of engagement 17 (NC min), 2019-01-15, is before its audit's last day, 2020-02-18",
            fix: "Correct the fiche's `due` (most often its year).",
        }
        SuiviOutsideWindow = "history-suivi-outside-window", Warning {
            description: "An external suivi audit is held outside its window: the follow-up due day (the label's start plus the cycle's follow-up months) plus or minus the window's months.",
            example: "suivi.json: audits[2]: [history-suivi-outside-window] warning: the external suivi audit on 2021-10-15 is held outside its window, 2021-07-19 to 2021-09-19, 26 days after it closes",
            fix: "Nothing to correct in the data if the dates are right: the cycle's policy (`--follow-up-months`, `--window-months`) may differ from the crate's default.",
        }
    }
}

/// One problem found in a dossier (and shown by its history and plan): a code, its severity,
/// which audit (its position in date order and its file label) and where in it, and a message
/// naming the values, in French (`message`) and English (`message_en`; either through
/// [`message_in`](HistoryDiagnostic::message_in)).
///
/// ```
/// use qualepref::{HistoryCode, HistoryDiagnostic, Language};
/// let d = HistoryDiagnostic::new(
///     HistoryCode::OtherSite, 2, Some("nice.json"), "", "un autre site", "another site",
/// );
/// assert_eq!(d.to_string(), "nice.json: audits[2]: [history-other-site] error: un autre site");
/// assert_eq!(d.message_in(Language::En), "another site");
/// assert_eq!(
///     d.to_string_in(Language::En),
///     "nice.json: audits[2]: [history-other-site] error: another site"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HistoryDiagnostic {
    /// The rule's stable code.
    pub code: HistoryCode,
    /// Its severity.
    pub severity: Severity,
    /// The audit's position in the history (date order).
    pub audit: usize,
    /// The audit's file label, when the history was built with labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Where, from the history: `audits[1].ecarts[0]`.
    pub path: String,
    /// What is wrong, in French.
    pub message: String,
    /// What is wrong, in English.
    #[serde(default)]
    pub message_en: String,
}

impl HistoryDiagnostic {
    /// A diagnostic of `code` at its default severity, about the audit at `audit` (position in
    /// the dossier) and `within` it (`ecarts[0]`; empty for the whole audit), with its message
    /// in French and in English.
    #[must_use]
    pub fn new(
        code: HistoryCode,
        audit: usize,
        file: Option<&str>,
        within: &str,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> HistoryDiagnostic {
        let mut path = format!("audits[{audit}]");
        if !within.is_empty() {
            path.push('.');
            path.push_str(within);
        }
        HistoryDiagnostic {
            code,
            severity: code.default_severity(),
            audit,
            file: file.map(str::to_owned),
            path,
            message: message.into(),
            message_en: message_en.into(),
        }
    }

    /// The message in `language`.
    #[must_use]
    pub fn message_in(&self, language: crate::Language) -> &str {
        match language {
            crate::Language::Fr => &self.message,
            crate::Language::En => &self.message_en,
        }
    }

    /// The diagnostic as [`Display`](fmt::Display) writes it, its message in `language`.
    #[must_use]
    pub fn to_string_in(&self, language: crate::Language) -> String {
        let mut out = String::new();
        if let Some(file) = &self.file {
            out.push_str(file);
            out.push_str(": ");
        }
        let _ = write!(
            out,
            "{}: [{}] {}: {}",
            self.path,
            self.code,
            self.severity,
            self.message_in(language)
        );
        out
    }
}

impl fmt::Display for HistoryDiagnostic {
    /// The diagnostic with its French message.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_in(crate::Language::Fr))
    }
}

/// The history codes' part of `docs/codes.md`, written with the reference's `section` writer
/// (heading, level, description, details, example, fix).
pub(crate) fn codes_markdown(
    out: &mut String,
    section: fn(&mut String, &str, &str, &str, Option<&str>, &str, &str),
) {
    use std::fmt::Write as _;
    out.push_str(
        "\n## History codes\n\nBuilding the history of one site's audits (`History::new`, \
         `qualepref history`) reports these codes, each at its severity.\n\n\
         | code | severity | reports |\n|---|---|---|\n",
    );
    for code in HistoryCode::ALL {
        let _ = writeln!(
            out,
            "| [`{code}`](#{code}) | {} | {} |",
            code.default_severity(),
            code.description()
        );
    }
    for code in HistoryCode::ALL {
        let level = match code.default_severity() {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
            Severity::Info => "Info",
        };
        section(
            out,
            &format!("`{code}`"),
            level,
            code.description(),
            code.details(),
            code.example(),
            code.fix(),
        );
    }
}
