//! The engine's phrases in English.

use super::{EnginePhrases, Headings, Reasons};
use crate::i18n::format::push_number;
use crate::i18n::plural_en as plural;
use crate::{AuditType, NoteCounts, ObservationCounts, Outcome};

/// The engine's phrases.
pub(crate) static EN: EnginePhrases = EnginePhrases {
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
    finding_not_stated: "not stated",
    requirement_not_stated: "not stated",
    no_fiche: " (no fiche d'écart)",
    due_on: " — corrective action due on ",
    due_from_fiche: "date of the fiche d'écart",
    due_before_external: "the day before the planned external audit",
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
    decision: "Proposed outcome under the tool's default decision rule (not the référentiel's text): ",
    indicative_decision: "Indicative outcome (internal audit) under the tool's default decision rule (not the référentiel's text): ",
    due_by: ", corrective actions due by ",
    decision_title: "PROPOSED OUTCOME: ",
    indicative_title: "INDICATIVE OUTCOME (internal audit, not a decision): ",
    policy_caveat: "Outcome established under the tool's default decision rule, not the référentiel, whose decision rules are not public.",
    auditor_text: "Auditor's text:",
    outcome,
};

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

fn outcome(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Favorable => "favourable",
        Outcome::FavorableWithConditions => "favourable with conditions",
        Outcome::Unfavorable => "unfavourable",
    }
}
