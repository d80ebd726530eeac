//! Every phrase in English.

use super::format::push_number;
use super::{Common, Engine, Headings, Phrases, Reasons, Report};
use crate::{
    ActionStatus, AdministrationType, AuditType, ManagementSection, ModuleNumber, NoteCounts,
    ObservationCounts, Outcome, RemoteChannel, RemoteNote, Verdict,
};

/// The phrases in English.
pub(crate) static EN: Phrases = Phrases {
    common: Common {
        no_rate: "none",
        outcome,
        administration,
        remote_note,
        verdict,
        remote_channel: RemoteChannel::label_en,
        management_section: ManagementSection::heading_en,
        colon: ": ",
        semicolon: "; ",
        open_quote: " \"",
        close_quote: "\"",
        rate_label: "Conformity rate:",
        indicative: " (indicative)",
    },
    engine: Engine {
        headings: Headings {
            points_forts: "STRENGTHS",
            points_sensibles: "AREAS OF CONCERN (with associated risks)",
            pistes_de_progres: "OPPORTUNITIES FOR IMPROVEMENT",
            fiches_ecart: "NONCONFORMITY REPORTS",
            commentaires: "COMMENTS",
            bonnes_pratiques: "GOOD PRACTICES",
            enquetes_satisfaction: "RESULTS OF THE USER SATISFACTION SURVEYS",
            charte_graphique: "COMPLIANCE WITH THE VISUAL IDENTITY GUIDELINES",
            conclusion_generale: "GENERAL CONCLUSION OF THE AUDIT",
        },
        reasons: Reasons {
            major: |major| format!("At least one major nonconformity ({major}): unfavourable."),
            minor_threshold: |minor, threshold| {
                let y = nonconformity_ending(minor);
                format!(
                    "{minor} minor nonconformit{y}, threshold of {threshold} reached: unfavourable."
                )
            },
            minor: |minor| {
                let y = nonconformity_ending(minor);
                format!(
                    "No major nonconformity, {minor} minor nonconformit{y}: favourable with conditions (corrective actions)."
                )
            },
            none: "No major or minor nonconformity: favourable.",
        },
        nothing: "Nothing to report.",
        no_nonconformity: "No major or minor nonconformity.",
        charte_initial: "Not applicable in an initial audit.",
        auditor_verdict: "Auditor's verdict: ",
        audit_kind,
        on: "on ",
        from: "from ",
        to: " to ",
        engagement: "Engagement ",
        management_item: ", item ",
        remote_check: "Remote audit (",
        remote_engagement: "), engagement ",
        risk: " — associated risk: ",
        finding: " — finding: ",
        requirement: " — requirement: ",
        not_stated: "not stated",
        no_fiche: " (no fiche d'écart)",
        due_on: " — corrective action due on ",
        due_from_fiche: "date of the fiche d'écart",
        due_after: |out, months| {
            push_number(out, months);
            out.push_str(" month");
            out.push_str(plural(months));
            out.push_str(" after the audit's last day");
        },
        no_due: " — no due date can be computed.",
        rate: "conformity rate ",
        no_rate_why: " (no C nor NC)",
        engagements: " engagement",
        items: " item",
        assessed,
        no_module: "No module covered.",
        modules_covered: "Modules covered: ",
        management: "Quality policy management and labelling process: ",
        remote_checks: "Remote audit: ",
        remote_counts,
        observation_counts,
        decision: "Decision under the tool's default decision policy (not the référentiel's text): ",
        indicative_decision: "Indicative outcome (internal audit) under the tool's default decision policy (not the référentiel's text): ",
        due_by: ", corrective actions due by ",
        decision_title: "DECISION: ",
        indicative_title: "INDICATIVE OUTCOME (internal audit, not a decision): ",
        auditor_text: "Auditor's text:",
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
    },
};

/// English nouns are singular for 1 only.
pub(super) fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `nonconformit` + `y` or `ies`.
fn nonconformity_ending(n: u32) -> &'static str {
    if n == 1 { "y" } else { "ies" }
}

/// Writes `n`, then `word` (with its leading space) with its plural `s` when `n` calls for it:
/// `3 strengths`.
fn push_count(out: &mut String, n: u32, word: &str) {
    push_number(out, n);
    out.push_str(word);
    out.push_str(plural(n));
}

fn audit_kind(out: &mut String, internal: bool, audit_type: Option<AuditType>) {
    out.push_str(match (internal, audit_type) {
        (true, Some(AuditType::Initial)) => "Internal audit ahead of an initial audit",
        (true, Some(AuditType::Suivi)) => "Internal audit ahead of a follow-up audit",
        (true, Some(AuditType::Renouvellement)) => "Internal audit ahead of a renewal audit",
        (true, Some(AuditType::Extension)) => "Internal audit ahead of an extension audit",
        (true, None) => "Internal audit",
        (false, Some(AuditType::Initial)) => "Initial audit",
        (false, Some(AuditType::Suivi)) => "Follow-up audit",
        (false, Some(AuditType::Renouvellement)) => "Renewal audit",
        (false, Some(AuditType::Extension)) => "Extension audit",
        (false, None) => "Audit",
    });
}

fn assessed(out: &mut String, assessed: u32, listed: u32, noun: &str) {
    push_number(out, assessed);
    out.push_str(" of ");
    push_count(out, listed, noun);
    out.push_str(" assessed: ");
}

fn remote_counts(out: &mut String, counts: &NoteCounts) {
    push_count(out, counts.total(), " check");
    out.push_str(", ");
    push_number(out, counts.conforme);
    out.push_str(" conforming, ");
    push_number(out, counts.non_conforme);
    out.push_str(" nonconforming, ");
    push_number(out, counts.non_applicable);
    out.push_str(" not applicable");
    if counts.without_note > 0 {
        out.push_str(", ");
        push_number(out, counts.without_note);
        out.push_str(" without note");
    }
}

fn observation_counts(out: &mut String, counts: &ObservationCounts) {
    out.push_str("Observations: ");
    push_count(out, counts.pf, " strength");
    out.push_str(", ");
    push_count(out, counts.ps, " area");
    out.push_str(" of concern, ");
    push_number(out, counts.pp);
    out.push_str(if counts.pp == 1 {
        " opportunity"
    } else {
        " opportunities"
    });
    out.push_str(" for improvement.");
}

/// The kind of administration in words.
const fn administration(kind: AdministrationType) -> &'static str {
    match kind {
        AdministrationType::Prefecture => "Prefecture",
        AdministrationType::SousPrefecture => "Sub-prefecture",
        AdministrationType::PrefectureDePolice => "Prefecture of police",
        AdministrationType::HautCommissariat => "High commission",
    }
}

/// A verdict in words, as an adjective: `conforming`, `minor nonconformity`…
const fn verdict(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Conformity => "conforming",
        Verdict::NotApplicable => "not applicable",
        Verdict::MinorNonconformity => "minor nonconformity",
        Verdict::MajorNonconformity => "major nonconformity",
    }
}

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


