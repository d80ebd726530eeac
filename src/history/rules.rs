//! The history rules that look at the timeline as a whole; the écart rules run with their
//! follow-up (`follow.rs`).

use super::HistoryAudit;
use super::codes::{HistoryCode, HistoryDiagnostic};
use super::cycle::{self, CyclePolicy};
use crate::{Audit, AuditType, Outcome, Site, ValidationReport, Verdict};

/// `the audit of 2021-09-14 (suivi.json)`: how messages name another audit.
pub(super) fn at_audit(audit: &Audit, index: usize, file: Option<&str>) -> String {
    match file {
        Some(f) => format!("the audit of {} ({f})", audit.dates.start),
        None => format!("the audit of {} (audits[{index}])", audit.dates.start),
    }
}

/// `external suivi audit`, `internal initial audit`, `external audit`.
fn kind_words(audit: &Audit) -> String {
    let side = if audit.kind.internal {
        "internal"
    } else {
        "external"
    };
    match audit.kind.audit_type {
        Some(t) => format!("{side} {} audit", t.code()),
        None => format!("{side} audit"),
    }
}

pub(super) fn invalid(
    index: usize,
    file: Option<&str>,
    report: &ValidationReport,
) -> HistoryDiagnostic {
    let errors = report
        .diagnostics()
        .iter()
        .filter(|d| d.severity == crate::Severity::Error)
        .count();
    let first = report
        .diagnostics()
        .iter()
        .find(|d| d.severity == crate::Severity::Error)
        .map(ToString::to_string)
        .unwrap_or_default();
    let s = if errors == 1 { "" } else { "s" };
    HistoryDiagnostic::new(
        HistoryCode::InvalidAudit,
        index,
        file,
        "",
        format!("the audit is invalid ({errors} error{s}), first: {first}"),
    )
}

pub(super) fn other_site(
    index: usize,
    file: Option<&str>,
    audit: &Audit,
    site: &Site,
) -> HistoryDiagnostic {
    HistoryDiagnostic::new(
        HistoryCode::OtherSite,
        index,
        file,
        "",
        format!("the audit is of {}, not of {}", audit.site, site),
    )
}

/// Whether the charte graphique is left unassessed.
fn charte_unassessed(audit: &Audit) -> Option<String> {
    let charte = &audit.conclusion.charte_graphique;
    let initial_wording = charte
        .text
        .iter()
        .any(|t| crate::text::says_not_applicable_in_initial_audit(t));
    match charte.verdict {
        None => Some("no verdict".to_owned()),
        Some(Verdict::NotApplicable) => Some("NA".to_owned()),
        Some(_) if initial_wording => Some("« Non applicable en audit initial »".to_owned()),
        Some(_) => None,
    }
}

/// The rules over the timeline.
pub(super) fn check(
    audits: &[(Option<String>, Audit)],
    entries: &[HistoryAudit],
    policy: CyclePolicy,
) -> Vec<HistoryDiagnostic> {
    let mut out = Vec::new();
    for (index, ((file, audit), entry)) in audits.iter().zip(entries).enumerate() {
        let file = file.as_deref();
        let earlier = entries.get(..index).unwrap_or_default();
        // Two audits of the same day and kind.
        if let Some(j) = earlier
            .iter()
            .position(|e| e.dates.start == audit.dates.start && e.kind == audit.kind)
        {
            let other = match earlier.get(j).and_then(|e| e.file.as_deref()) {
                Some(f) => format!("audits[{j}] ({f})"),
                None => format!("audits[{j}]"),
            };
            out.push(HistoryDiagnostic::new(
                HistoryCode::SameDayAndType,
                index,
                file,
                "",
                format!(
                    "the {} on {} has the same day and type as {other}",
                    kind_words(audit),
                    audit.dates.start
                ),
            ));
        }
        if !entry.same_site {
            continue;
        }
        let Some(audit_type) = audit.kind.audit_type else {
            continue;
        };
        if audit_type == AuditType::Initial {
            continue;
        }
        let labelled_before = earlier.iter().any(|e| {
            e.takes_part()
                && !e.kind.internal
                && matches!(
                    e.kind.audit_type,
                    Some(AuditType::Initial | AuditType::Renouvellement)
                )
                && e.outcome.is_some_and(|o| o != Outcome::Unfavorable)
        });
        if !labelled_before {
            out.push(HistoryDiagnostic::new(
                HistoryCode::NoLabellingAudit,
                index,
                file,
                "kind.type",
                format!(
                    "the {} on {} has no earlier labelling audit (an external initial or renouvellement audit with a favourable outcome)",
                    kind_words(audit),
                    audit.dates.start
                ),
            ));
        }
        if audit_type == AuditType::Extension {
            let mut state = None;
            for e in earlier {
                cycle::apply(&mut state, e, policy);
            }
            if let Some(c) = state.filter(|c| c.holds_on(audit.dates.start)) {
                if audit.modules.iter().all(|m| c.modules.contains_key(m)) {
                    let list: Vec<String> = audit.modules.iter().map(ToString::to_string).collect();
                    out.push(HistoryDiagnostic::new(
                        HistoryCode::ExtensionWithoutNewModule,
                        index,
                        file,
                        "modules",
                        format!(
                            "the {} on {} covers modules {}, all already labelled",
                            kind_words(audit),
                            audit.dates.start,
                            list.join(", ")
                        ),
                    ));
                }
            }
        }
        if let Some(why) = charte_unassessed(audit) {
            out.push(HistoryDiagnostic::new(
                HistoryCode::CharteGraphiqueNotAssessed,
                index,
                file,
                "conclusion.charte_graphique",
                format!(
                    "the {} on {} leaves the charte graphique unassessed ({why})",
                    kind_words(audit),
                    audit.dates.start
                ),
            ));
        }
    }
    out
}
