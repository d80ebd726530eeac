//! The dossier's rules over the timeline, and the messages of every history code, in French
//! and English; the écart rules run with the ledger's follow-up (`ledger.rs`).

use chrono::NaiveDate;

use super::DossierAudit;
use super::codes::{HistoryCode, HistoryDiagnostic};
use super::cycle::{self, CyclePolicy};
use crate::{
    Audit, AuditType, EcartTarget, Language, NcGrade, Outcome, Site, ValidationReport, Verdict,
};

/// `18/11/2019`.
fn fr(day: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    crate::i18n::push_date(&mut out, day, Language::Fr);
    out
}

/// `l'audit du 14/09/2021 (suivi.json)` and `the audit of 2021-09-14 (suivi.json)`: how
/// messages name another audit.
fn at_audit(audit: &DossierAudit) -> (String, String) {
    let label = match &audit.file {
        Some(f) => f.clone(),
        None => format!("audits[{}]", audit.index),
    };
    (
        format!("l'audit du {} ({label})", fr(audit.dates.start)),
        format!("the audit of {} ({label})", audit.dates.start),
    )
}

/// `l'audit externe de suivi`, `the external suivi audit`.
fn kind_words(kind: crate::AuditKind) -> (String, String) {
    let fr_type = match kind.audit_type {
        Some(AuditType::Initial) => " initial",
        Some(AuditType::Suivi) => " de suivi",
        Some(AuditType::Renouvellement) => " de renouvellement",
        Some(AuditType::Extension) => " d'extension",
        None => "",
    };
    let side_fr = if kind.internal { "interne" } else { "externe" };
    let side_en = if kind.internal {
        "internal"
    } else {
        "external"
    };
    let en = match kind.audit_type {
        Some(t) => format!("the {side_en} {} audit", t.code()),
        None => format!("the {side_en} audit"),
    };
    (format!("l'audit {side_fr}{fr_type}"), en)
}

/// `l'engagement 17`, `engagement 17`.
fn target_words(target: EcartTarget) -> (String, String) {
    match target {
        EcartTarget::Engagement(n) => (format!("l'engagement {n}"), format!("engagement {n}")),
        EcartTarget::Management(id) => (
            format!("le point de management {id}"),
            format!("management item {id}"),
        ),
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
        format!("l'audit n'est pas valide ({errors}\u{a0}erreur{s}), la première\u{a0}: {first}"),
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
        format!("l'audit porte sur {}, non sur {}", audit.site, site),
        format!("the audit is of {}, not of {}", audit.site, site),
    )
}

pub(super) fn after_date(audit: &DossierAudit, at: NaiveDate) -> HistoryDiagnostic {
    let (k_fr, k_en) = kind_words(audit.kind);
    HistoryDiagnostic::new(
        HistoryCode::AuditAfterDate,
        audit.index,
        audit.file.as_deref(),
        "",
        format!(
            "{k_fr} du {} commence après le {}, date retenue\u{a0}: il n'est pas compté",
            fr(audit.dates.start),
            fr(at)
        ),
        format!(
            "{k_en} on {} starts after {at}, the date asked: it is not counted",
            audit.dates.start
        ),
    )
}

/// Where the écart of `target` is within its audit: its fiche, or its assessment.
pub(crate) fn ecart_within(audit: Option<&Audit>, target: EcartTarget, grade: NcGrade) -> String {
    let Some(audit) = audit else {
        return String::new();
    };
    if let Some(i) = audit.fiche_index(target, grade) {
        return format!("ecarts[{i}]");
    }
    match target {
        EcartTarget::Engagement(n) => audit
            .assessments
            .iter()
            .position(|a| a.engagement == n)
            .map(|i| format!("assessments[{i}]")),
        EcartTarget::Management(id) => audit
            .management
            .iter()
            .position(|m| m.id() == id)
            .map(|i| format!("management[{i}]")),
    }
    .unwrap_or_default()
}

pub(super) fn due_before_audit(
    audit: &DossierAudit,
    source: &Audit,
    target: EcartTarget,
    grade: NcGrade,
    due: NaiveDate,
) -> HistoryDiagnostic {
    let (t_fr, t_en) = target_words(target);
    HistoryDiagnostic::new(
        HistoryCode::DueBeforeAudit,
        audit.index,
        audit.file.as_deref(),
        &ecart_within(Some(source), target, grade),
        format!(
            "l'échéance de {t_fr} ({grade}), le {}, précède la fin de son audit, le {}\u{a0}: l'action serait en retard avant d'avoir été relevée",
            fr(due),
            fr(audit.dates.end)
        ),
        format!(
            "the due date of {t_en} ({grade}), {due}, is before its audit's last day, {}: the action would be overdue before it was found",
            audit.dates.end
        ),
    )
}

pub(super) fn overdue(
    audit: &DossierAudit,
    within: &str,
    target: EcartTarget,
    grade: NcGrade,
    due: Option<NaiveDate>,
    next: &DossierAudit,
) -> HistoryDiagnostic {
    let (t_fr, t_en) = target_words(target);
    let (a_fr, a_en) = at_audit(next);
    HistoryDiagnostic::new(
        HistoryCode::OverdueAction,
        audit.index,
        audit.file.as_deref(),
        within,
        format!(
            "l'action corrective de {t_fr} ({grade}) était due le {} et l'écart n'est pas levé à {a_fr}",
            due.map(fr).unwrap_or_default()
        ),
        format!(
            "the corrective action of {t_en} ({grade}) was due on {} and the écart is not lifted at {a_en}",
            due.map(|d| d.to_string()).unwrap_or_default()
        ),
    )
}

pub(super) fn not_mentioned(
    audit: &DossierAudit,
    within: &str,
    target: EcartTarget,
    grade: NcGrade,
    next: &DossierAudit,
) -> HistoryDiagnostic {
    let (t_fr, t_en) = target_words(target);
    let (a_fr, a_en) = at_audit(next);
    HistoryDiagnostic::new(
        HistoryCode::EcartNotMentioned,
        audit.index,
        audit.file.as_deref(),
        within,
        format!("{t_fr} ({grade}) n'est pas évalué à l'audit suivant, {a_fr}"),
        format!("{t_en} ({grade}) is not assessed at the next audit, {a_en}"),
    )
}

/// Whether the charte graphique is left unassessed, and why (French, English).
fn charte_unassessed(audit: &Audit) -> Option<(&'static str, &'static str)> {
    let charte = &audit.conclusion.charte_graphique;
    let initial_wording = charte
        .text
        .iter()
        .any(|t| crate::text::says_not_applicable_in_initial_audit(t));
    match charte.verdict {
        None => Some(("sans verdict", "no verdict")),
        Some(Verdict::NotApplicable) => Some(("NA", "NA")),
        Some(_) if initial_wording => Some((
            "«\u{a0}Non applicable en audit initial\u{a0}»",
            "« Non applicable en audit initial »",
        )),
        Some(_) => None,
    }
}

/// The rules over the timeline.
pub(super) fn check(
    audits: &[Audit],
    entries: &[DossierAudit],
    policy: CyclePolicy,
) -> Vec<HistoryDiagnostic> {
    let mut out = Vec::new();
    for (index, (audit, entry)) in audits.iter().zip(entries).enumerate() {
        let file = entry.file.as_deref();
        let earlier = entries.get(..index).unwrap_or_default();
        let (k_fr, k_en) = kind_words(audit.kind);
        // Two audits of the same day and kind.
        if let Some(other) = earlier
            .iter()
            .find(|e| e.dates.start == audit.dates.start && e.kind == audit.kind)
        {
            let name = match other.file.as_deref() {
                Some(f) => format!("audits[{}] ({f})", other.index),
                None => format!("audits[{}]", other.index),
            };
            out.push(HistoryDiagnostic::new(
                HistoryCode::SameDayAndType,
                index,
                file,
                "",
                format!(
                    "{k_fr} du {} a le même jour et le même type que {name}",
                    fr(audit.dates.start)
                ),
                format!(
                    "{k_en} on {} has the same day and type as {name}",
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
                    "{k_fr} du {} n'a pas d'audit de labellisation avant lui (un audit externe initial ou de renouvellement à l'avis favorable)",
                    fr(audit.dates.start)
                ),
                format!(
                    "{k_en} on {} has no earlier labelling audit (an external initial or renouvellement audit with a favourable outcome)",
                    audit.dates.start
                ),
            ));
        }
        let mut state = None;
        for e in earlier {
            cycle::apply(&mut state, e, policy);
        }
        if audit_type == AuditType::Extension {
            if let Some(c) = state.as_ref().filter(|c| c.holds_on(audit.dates.start)) {
                if audit.modules.iter().all(|m| c.modules.contains_key(m)) {
                    let list: Vec<String> = audit.modules.iter().map(ToString::to_string).collect();
                    out.push(HistoryDiagnostic::new(
                        HistoryCode::ExtensionWithoutNewModule,
                        index,
                        file,
                        "modules",
                        format!(
                            "{k_fr} du {} couvre les modules {}, tous déjà labellisés",
                            fr(audit.dates.start),
                            list.join(", ")
                        ),
                        format!(
                            "{k_en} on {} covers modules {}, all already labelled",
                            audit.dates.start,
                            list.join(", ")
                        ),
                    ));
                }
            }
        }
        if audit_type == AuditType::Suivi && !audit.kind.internal && entry.takes_part() {
            if let Some(c) = &state {
                let labelling = entries.get(c.labelling);
                if audit.dates.start <= c.start {
                    let day = labelling.map_or(c.start, |l| l.dates.start);
                    out.push(HistoryDiagnostic::new(
                        HistoryCode::SuiviWithLabellingAudit,
                        index,
                        file,
                        "kind.type",
                        format!(
                            "{k_fr} du {} commence le jour de l'audit de labellisation du {} ou avant que le label ne coure (le {})\u{a0}: il ne compte pas comme audit de suivi",
                            fr(audit.dates.start),
                            fr(day),
                            fr(c.start)
                        ),
                        format!(
                            "{k_en} on {} starts on or before the day the label of its labelling audit ({day}) runs from, {}: it does not count as the follow-up audit",
                            audit.dates.start, c.start
                        ),
                    ));
                } else if !c.suivi_done {
                    if let Some((_, from, to)) = cycle::suivi_window(c.start, policy) {
                        let day = audit.dates.start;
                        let (far_fr, far_en) = if day < from {
                            let n = (from - day).num_days();
                            (
                                format!("{n}\u{a0}jours avant son ouverture"),
                                format!("{n} days before it opens"),
                            )
                        } else {
                            let n = (day - to).num_days();
                            (
                                format!("{n}\u{a0}jours après sa fermeture"),
                                format!("{n} days after it closes"),
                            )
                        };
                        if day < from || day > to {
                            out.push(HistoryDiagnostic::new(
                                HistoryCode::SuiviOutsideWindow,
                                index,
                                file,
                                "",
                                format!(
                                    "{k_fr} du {} se tient hors de sa fenêtre, du {} au {}, {far_fr}",
                                    fr(day),
                                    fr(from),
                                    fr(to)
                                ),
                                format!(
                                    "{k_en} on {day} is held outside its window, {from} to {to}, {far_en}"
                                ),
                            ));
                        }
                    }
                }
            }
        }
        if let Some((why_fr, why_en)) = charte_unassessed(audit) {
            out.push(HistoryDiagnostic::new(
                HistoryCode::CharteGraphiqueNotAssessed,
                index,
                file,
                "conclusion.charte_graphique",
                format!(
                    "{k_fr} du {} laisse la charte graphique sans évaluation ({why_fr})",
                    fr(audit.dates.start)
                ),
                format!(
                    "{k_en} on {} leaves the charte graphique unassessed ({why_en})",
                    audit.dates.start
                ),
            ));
        }
    }
    out
}
