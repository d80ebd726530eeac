//! Every phrase in English.

use super::{Common, Compare, Engine, Phrases, Report};
use crate::{AdministrationType, ModuleNumber, Outcome, RemoteNote};

/// The phrases in English.
pub(crate) static EN: Phrases = Phrases {
    common: Common {
        plural: |n| if n == 1 { "" } else { "s" },
        no_rate: "none",
        outcome,
        administration: AdministrationType::label_en,
        remote_note,
    },
    engine: Engine {
        nothing: "Nothing to report.",
    },
    report: Report {
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
        abbreviations: "Abbreviations: C: conformity; NA: not applicable; NC Maj: major nonconformity; NC min: minor nonconformity; PF: strength; PS: area of concern; PP: opportunity for improvement.",
        commitments: "Service commitments",
        comments: "Auditor's assessment — comments",
        verdict: "Verdict",
        item: "Item",
        note: "Note",
        rate: "Conformity rate:",
        not_assessed: "not assessed",
        remote: "Remote audit:",
        synthesis: "4. Summary and general conclusion of the audit",
        generated: "From the audit data",
        auditor_text: "The auditor's text",
        auditor_verdict: "Verdict:",
        decision: "5. Decision",
        policy_note: "Decision under the library's default policy (ISO/IEC 17021-1 practice), not the référentiel's text, whose decision rules are not public.",
        reasons: "Reasons",
        ecart: "Nonconformity",
        finding: "Finding",
        requirement: "Requirement",
        corrective_action: "Corrective action",
        due: "Due",
        module_heading,
        policy,
    },
    compare: Compare {},
};

fn outcome(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Favorable => "favourable",
        Outcome::FavorableWithConditions => "favourable with conditions",
        Outcome::Unfavorable => "unfavourable",
    }
}

fn remote_note(note: RemoteNote) -> &'static str {
    match note {
        RemoteNote::Conforme => "Conforming",
        RemoteNote::NonConforme => "Nonconforming",
        RemoteNote::NonApplicable => "Not applicable",
    }
}

fn module_heading(module: ModuleNumber, title: &str, obligatory: bool) -> String {
    if obligatory {
        format!("MODULE {module} - MANDATORY: {title}")
    } else {
        format!("MODULE {module}: {title}")
    }
}

fn policy(deadline_months: u32, minor_threshold: Option<u32>) -> String {
    let threshold = match minor_threshold {
        Some(t) => format!("unfavourable from {t} NC min"),
        None => "no threshold of NC min".to_owned(),
    };
    format!(
        "Policy: corrective actions due {deadline_months} month(s) after the audit's last day; {threshold}."
    )
}
