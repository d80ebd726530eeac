//! The report's wording in English.

use super::{FicheKeys, ReportPhrases};
use crate::i18n::plural_en as plural;
use crate::{ActionStatus, AuditType, ModuleNumber};

/// The report's wording.
pub(crate) static EN: ReportPhrases = ReportPhrases {
    title: "AUDIT REPORT",
    contents: "CONTENTS OF THE ASSESSMENT REPORT",
    kind: "Type of audit",
    start: "First day of the audit",
    end: "Last day of the audit",
    lead_auditor: "Your lead auditor",
    cover: "1. COVER PAGE",
    administration: "TYPE OF ADMINISTRATION",
    departement: "DÉPARTEMENT",
    city: "CITY",
    modules_covered: "MODULES COVERED BY THE LABEL",
    audit_type: "TYPE OF AUDIT",
    internal_audit: "INTERNAL AUDIT",
    ahead_of: "Run ahead of an audit: ",
    audit_type_box: |t| match t {
        AuditType::Initial => "Initial",
        AuditType::Suivi => "Follow-up",
        AuditType::Renouvellement => "Renewal",
        AuditType::Extension => "Extension",
    },
    external_on: "External audit planned on ",
    referentiel: "RÉFÉRENTIEL",
    dates: "DATE(S) OF THE AUDIT",
    from: "From",
    to: "to",
    auditor_columns: ["AUDITOR'S NAME", "AUDITOR'S DATE AND SIGNATURE"],
    auditors: "Auditor(s)",
    phone: "Direct line",
    email: "E-mail",
    context: "2. CONTEXT",
    organisation: "The audited organisation",
    history: "History of the site's quality approach",
    assessment: "3. ASSESSMENT SUMMARY",
    abbreviations: "Abbreviations: C: conforming; NA: not applicable; NC Maj: major nonconformity; NC min: minor nonconformity; PF: strength; PS: area of concern; PP: opportunity for improvement.",
    commitments: "Service commitments",
    comments: "Auditor's assessment — comments",
    verdict: "Verdict",
    item: "Item",
    note: "Note",
    evidence: "Evidence",
    referentiel_group: " (référentiel's group)",
    not_assessed: |_| "not assessed",
    tool_rate: "Conformity rate computed by the tool (Qual-e-pref does not publish rates):",
    remote: "REMOTE AUDIT:",
    recap: "SUMMARY OF FINDINGS",
    recap_note: "Table established by the tool from the audit data; the original report has no such part. The observations include those of the remote audit.",
    recap_fiche: "Report no.",
    recap_target: "Engagement or item",
    total: "Total",
    synthesis: "4. SUMMARY AND GENERAL CONCLUSION OF THE AUDIT",
    generated_note: "Established by the tool from the audit data (the auditor wrote nothing for this part):",
    survey_subtitle: "(Check of the analysis of the results of the satisfaction surveys, and of the implementation and follow-up of an action plan)",
    previous: "FOLLOW-UP OF THE PREVIOUS AUDIT'S NONCONFORMITIES",
    previous_unrecorded: "The data of this audit do not record what became of the previous audit's nonconformities.",
    fiche: "Nonconformity report no. ",
    fiche_keys: FicheKeys {
        grade: "Grade",
        target: "Engagement or item concerned",
        finding: "Finding",
        requirement: "Requirement",
        cause: "Cause",
        action: "Action proposed by the audited site",
        leader: "Led by",
        due: "Due",
        response: "The auditee's answer",
        status: "Status at the date of the report",
        auditor_signature: "Auditor's signature",
        site_signature: "Signature of the audited site's representative",
    },
    no_fiche: " (no nonconformity report in the audit data)",
    by_default_rule: ", the tool's default rule",
    action_status: |s| match s {
        ActionStatus::Open => "open",
        ActionStatus::InProgress => "in progress",
        ActionStatus::Lifted { .. } => "lifted on",
        ActionStatus::NotLifted { .. } => "not lifted on",
    },
    avis: "PROPOSED OUTCOME",
    indicative: "INDICATIVE OUTCOME (INTERNAL AUDIT)",
    indicative_lead: "Indicative outcome (internal audit): ",
    proposal_note: "This outcome is a proposal: the labelling decision is then made by the certification body.",
    indicative_note: "An internal audit grants no label and calls for no labelling decision: this outcome applies the tool's rule to the findings of this internal audit, without prejudging the external audit.",
    reasons: "Reasons",
    module_heading,
    policy,
    module: "Module ",
    summary: "At a glance",
    chart: "Verdicts and observations per module",
    chart_verdicts: "Verdicts of the engagements",
    chart_observations: "Observations",
    rate_column: "Conformity rate (tool)",
    closing: "CLOSING RECORD",
    closing_note: "To be completed and signed at the closing meeting.",
    signature_columns: ["Capacity", "Name", "Date", "Signature"],
    auditor: "Auditor",
    site_representative: "Audited site's representative",
    distribution: "Distribution list",
    distribution_columns: ["Recipient", "Department or body", "Date sent"],
    unread: "ANNEX — VALUES THE IMPORT COULD NOT READ",
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
    format!(
        "Rule applied: corrective actions due {deadlines} after the audit's last day; {threshold}."
    )
}
