//! The report's wording in English.

use super::ReportPhrases;
use crate::i18n::plural_en as plural;
use crate::{ActionStatus, ModuleNumber};

/// The report's wording.
pub(crate) static EN: ReportPhrases = ReportPhrases {
    title: "AUDIT REPORT",
    cover: "1. Cover page",
    administration: "Administration",
    departement: "Département",
    city: "City",
    modules_covered: "Modules covered",
    audit_type: "Audit type",
    referentiel: "Référentiel",
    dates: "Audit dates",
    from: "From",
    to: "to",
    auditors: "Auditor(s)",
    signed_on: "signed on",
    context: "2. Context",
    organisation: "The audited organisation",
    history: "History of the site's quality approach",
    assessment: "3. Assessment summary",
    abbreviations: "Abbreviations: C: conforming; NA: not applicable; NC Maj: major nonconformity; NC min: minor nonconformity; PF: strength; PS: area of concern; PP: opportunity for improvement.",
    commitments: "Service commitments",
    comments: "Auditor's assessment — comments",
    verdict: "Verdict",
    item: "Item",
    note: "Note",
    not_assessed: |_| "not assessed",
    remote: "Remote audit:",
    synthesis: "4. Summary and general conclusion of the audit",
    generated: "From the audit data",
    auditor_text: "The auditor's text",
    decision: "5. Decision",
    indicative: "5. Indicative outcome (internal audit)",
    indicative_lead: "Indicative outcome (internal audit): ",
    indicative_note: "An internal audit does not grant the label: only the external audit body's audit leads to the labelling decision. This outcome is what the external audit would likely conclude under the same policy.",
    policy_note: "Outcome established under the tool's default decision policy (ISO/IEC 17021-1 practice), not the référentiel's text, whose decision rules are not public.",
    reasons: "Reasons",
    ecart: "Nonconformity",
    finding: "Finding",
    requirement: "Requirement",
    corrective_action: "Corrective action",
    due: "Due",
    module_heading,
    policy,
    module: "Module ",
    summary: "At a glance",
    chart: "Verdicts and observations per module",
    chart_verdicts: "Verdicts of the engagements",
    chart_observations: "Observations",
    rate_column: "Conformity rate",
    ecarts: "Nonconformity reports",
    ecarts_caption: "Nonconformities and the due dates of their corrective actions",
    survey_subtitle: "(Check of the analysis of the results of the satisfaction surveys, and of the implementation and follow-up of an action plan)",
    phone: "Direct line",
    email: "E-mail",
    leader: "Led by",
    status: "Status",
    action_status: |s| match s {
        ActionStatus::Open => "open",
        ActionStatus::InProgress => "in progress",
        ActionStatus::Lifted { .. } => "lifted on",
        ActionStatus::NotLifted { .. } => "not lifted on",
    },
    unread: "Annex — Values the import could not read",
    unread_note: "The import could not read these texts of the source document into their field. They are kept as written, and validation reports them until their field is corrected and the value removed from this list.",
    unread_columns: ["Field", "Text", "Source"],
    unread_place: ["line ", "column ", "cell "],
};

fn module_heading(module: ModuleNumber, title: &str, obligatory: bool) -> String {
    if obligatory {
        format!("MODULE {module} - MANDATORY: {title}")
    } else {
        format!("MODULE {module} - {title}")
    }
}

fn policy(minor_months: u32, major_months: u32, minor_threshold: Option<u32>) -> String {
    let threshold = match minor_threshold {
        Some(t) => format!("unfavourable from {t} NC min"),
        None => "no threshold of NC min".to_owned(),
    };
    let deadlines = if minor_months == major_months {
        format!("{minor_months} month{}", plural(minor_months))
    } else {
        format!(
            "{minor_months} month{} (NC min) and {major_months} month{} (NC Maj)",
            plural(minor_months),
            plural(major_months)
        )
    };
    format!("Policy: corrective actions due {deadlines} after the audit's last day; {threshold}.")
}
