//! The engagement grid and the follow-ups of écarts and observations, from one audit to the
//! next that covers the same engagement.

use serde::{Deserialize, Serialize};

use super::HistoryAudit;
use super::codes::{HistoryCode, HistoryDiagnostic};
use super::rules;
use crate::{
    ActionStatus, Audit, EcartTarget, EngagementNumber, ModuleNumber, NcGrade, Observation,
    ObservationKind, Policy, Referentiel, Valid, Verdict, decide,
};

/// How a verdict compares with the previous comparable one of its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Better: `NC Maj` → `NC min` → `C`.
    Improved,
    /// Worse.
    Regressed,
    /// The same.
    Unchanged,
}

/// One engagement in one audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GridCell {
    /// The verdict, if given.
    pub verdict: Option<Verdict>,
    /// Its observations (kind, text, risk), verbatim and in the audit's order.
    pub observations: Vec<Observation>,
    /// The trend from the row's previous comparable verdict (none for the first, for `NA` and
    /// without verdict).
    pub trend: Option<Trend>,
}

/// One engagement across the audits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GridRow {
    /// The engagement.
    pub engagement: EngagementNumber,
    /// Its module.
    pub module: ModuleNumber,
    /// Its title.
    pub title: String,
    /// One per audit of the timeline: none when the audit does not assess it or takes no part.
    pub cells: Vec<Option<GridCell>>,
}

/// What became of an écart at the next audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EcartStatus {
    /// `C` at the next audit, or the fiche says lifted.
    Lifted,
    /// A nonconformity again at the next audit.
    Persistent,
    /// The next audit gives no verdict, or `NA`.
    NotMentioned,
    /// No later audit covers it yet.
    Pending,
}

/// One écart followed to the next audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EcartFollowUp {
    /// The audit that found it.
    pub audit: usize,
    /// Where in the history: `audits[1].ecarts[0]` (the fiche), or the assessment without fiche.
    pub path: String,
    /// The engagement or management item.
    pub target: EcartTarget,
    /// Its title in the référentiel.
    pub title: String,
    /// `NC min` or `NC Maj`.
    pub grade: NcGrade,
    /// The corrective action's due date, as the decision gives it.
    pub due: Option<chrono::NaiveDate>,
    /// The fiche's status, when there is a fiche.
    pub fiche_status: Option<ActionStatus>,
    /// The next audit covering the target, if any.
    pub next: Option<usize>,
    /// Its verdict there.
    pub next_verdict: Option<Verdict>,
    /// What became of it.
    pub status: EcartStatus,
    /// Whether the action was due before the next audit and the écart not lifted by then.
    pub overdue: bool,
}

/// What became of an observation at the next audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObservationStatus {
    /// The next audit assessed it, without the same kind of observation.
    FollowedUp,
    /// The next audit assessed it and observed the same kind again.
    Recurring,
    /// The next audit covers it but does not assess it.
    NotFollowedUp,
    /// No later audit covers it yet.
    Pending,
}

/// The points sensibles or pistes de progrès of one engagement or management item of one audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ObservationFollowUp {
    /// The audit.
    pub audit: usize,
    /// The engagement or management item.
    pub target: EcartTarget,
    /// `PS` or `PP`.
    pub kind: ObservationKind,
    /// The texts.
    pub texts: Vec<String>,
    /// The next audit covering the target, if any.
    pub next: Option<usize>,
    /// What became of them.
    pub status: ObservationStatus,
}

/// The order of conformity; `NA` has none.
const fn rank(v: Verdict) -> Option<u8> {
    match v {
        Verdict::MajorNonconformity => Some(0),
        Verdict::MinorNonconformity => Some(1),
        Verdict::Conformity => Some(2),
        Verdict::NotApplicable => None,
    }
}

/// The verdict and observations of `target` in `audit`, when assessed; `None` when absent.
fn assessment_of(
    audit: &Audit,
    target: EcartTarget,
) -> Option<(Option<Verdict>, Vec<Observation>)> {
    match target {
        EcartTarget::Engagement(n) => audit
            .assessments
            .iter()
            .find(|a| a.engagement == n)
            .map(|a| (a.verdict, a.observations.clone())),
        EcartTarget::Management(id) => audit
            .management
            .iter()
            .find(|m| m.id() == id)
            .map(|m| (m.verdict, m.observations.clone())),
    }
}

/// The first audit after `after` that takes part and covers `target`'s module.
fn next_covering(
    referentiel: &Referentiel,
    entries: &[HistoryAudit],
    after: usize,
    target: EcartTarget,
) -> Option<usize> {
    let module = match target {
        EcartTarget::Engagement(n) => Some(referentiel.engagement(n)?.module),
        EcartTarget::Management(_) => None,
    };
    entries
        .iter()
        .skip(after.saturating_add(1))
        .find(|e| e.takes_part() && module.is_none_or(|m| e.modules.contains(&m)))
        .map(|e| e.index)
}

pub(super) fn grid(
    referentiel: &Referentiel,
    audits: &[(Option<String>, Audit)],
    entries: &[HistoryAudit],
) -> Vec<GridRow> {
    let mut rows = Vec::new();
    for engagement in referentiel.engagements() {
        let mut last: Option<u8> = None;
        let mut any = false;
        let cells: Vec<Option<GridCell>> = audits
            .iter()
            .zip(entries)
            .map(|((_, audit), entry)| {
                if !entry.takes_part() {
                    return None;
                }
                let (verdict, observations) =
                    assessment_of(audit, EcartTarget::Engagement(engagement.number))?;
                any |= verdict.is_some();
                let rank = verdict.and_then(rank);
                let trend = match (last, rank) {
                    (Some(before), Some(now)) => Some(match now.cmp(&before) {
                        std::cmp::Ordering::Greater => Trend::Improved,
                        std::cmp::Ordering::Less => Trend::Regressed,
                        std::cmp::Ordering::Equal => Trend::Unchanged,
                    }),
                    _ => None,
                };
                if rank.is_some() {
                    last = rank;
                }
                Some(GridCell {
                    verdict,
                    observations,
                    trend,
                })
            })
            .collect();
        if any {
            rows.push(GridRow {
                engagement: engagement.number,
                module: engagement.module,
                title: engagement.title.clone(),
                cells,
            });
        }
    }
    rows
}

/// Where the écart of `target` is in `audit`: its fiche, or its assessment.
fn ecart_path(audit: &Audit, index: usize, target: EcartTarget, grade: NcGrade) -> String {
    if let Some(i) = audit.fiche_index(target, grade) {
        return format!("audits[{index}].ecarts[{i}]");
    }
    let within = match target {
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
    };
    match within {
        Some(w) => format!("audits[{index}].{w}"),
        None => format!("audits[{index}]"),
    }
}

pub(super) fn ecarts(
    referentiel: &Referentiel,
    valids: &[Option<Valid<'_>>],
    audits: &[(Option<String>, Audit)],
    entries: &[HistoryAudit],
) -> (Vec<EcartFollowUp>, Vec<HistoryDiagnostic>) {
    let mut out = Vec::new();
    let mut diagnostics = Vec::new();
    for (index, (valid, (file, audit))) in valids.iter().zip(audits).enumerate() {
        let Some(valid) = valid else { continue };
        let decision = decide(valid, &Policy::default());
        for ecart in &decision.ecarts {
            let fiche = audit.fiche(ecart.target, ecart.grade);
            let fiche_status = fiche.map(|f| f.status.clone());
            let next = next_covering(referentiel, entries, index, ecart.target);
            let next_audit = next.and_then(|n| audits.get(n).map(|(l, a)| (n, l, a)));
            let next_verdict = next_audit
                .and_then(|(_, _, a)| assessment_of(a, ecart.target))
                .and_then(|(v, _)| v);
            let lifted_on = match &fiche_status {
                Some(ActionStatus::Lifted { on, .. }) => Some(*on),
                _ => None,
            };
            let status = if lifted_on.is_some() {
                EcartStatus::Lifted
            } else if next.is_none() {
                EcartStatus::Pending
            } else {
                match next_verdict {
                    Some(Verdict::Conformity) => EcartStatus::Lifted,
                    Some(Verdict::MinorNonconformity | Verdict::MajorNonconformity) => {
                        EcartStatus::Persistent
                    }
                    Some(Verdict::NotApplicable) | None => EcartStatus::NotMentioned,
                }
            };
            let path = ecart_path(audit, index, ecart.target, ecart.grade);
            let within = path
                .strip_prefix(&format!("audits[{index}]"))
                .unwrap_or("")
                .trim_start_matches('.')
                .to_owned();
            let mut overdue = false;
            if let Some((n, next_file, next)) = next_audit {
                let lifted_by_then = next_verdict == Some(Verdict::Conformity)
                    || lifted_on.is_some_and(|on| on <= next.dates.start);
                overdue = ecart.due.is_some_and(|d| d < next.dates.start) && !lifted_by_then;
                let at = rules::at_audit(next, n, next_file.as_deref());
                if overdue {
                    diagnostics.push(HistoryDiagnostic::new(
                        HistoryCode::OverdueAction,
                        index,
                        file.as_deref(),
                        &within,
                        format!(
                            "the corrective action of {} ({}) was due on {} and the écart is not lifted at {at}",
                            ecart.target,
                            ecart.grade,
                            ecart.due.map(|d| d.to_string()).unwrap_or_default(),
                        ),
                    ));
                }
                if status == EcartStatus::NotMentioned {
                    diagnostics.push(HistoryDiagnostic::new(
                        HistoryCode::EcartNotMentioned,
                        index,
                        file.as_deref(),
                        &within,
                        format!(
                            "{} ({}) is not assessed at the next audit, {at}",
                            ecart.target, ecart.grade
                        ),
                    ));
                }
            }
            out.push(EcartFollowUp {
                audit: index,
                path,
                target: ecart.target,
                title: ecart.title.clone().into_owned(),
                grade: ecart.grade,
                due: ecart.due,
                fiche_status,
                next,
                next_verdict,
                status,
                overdue,
            });
        }
    }
    (out, diagnostics)
}

pub(super) fn observations(
    referentiel: &Referentiel,
    audits: &[(Option<String>, Audit)],
    entries: &[HistoryAudit],
) -> Vec<ObservationFollowUp> {
    let mut out = Vec::new();
    for (index, ((_, audit), entry)) in audits.iter().zip(entries).enumerate() {
        if !entry.takes_part() {
            continue;
        }
        let mut places: Vec<(EcartTarget, &[crate::Observation])> = audit
            .assessments
            .iter()
            .map(|a| {
                (
                    EcartTarget::Engagement(a.engagement),
                    a.observations.as_slice(),
                )
            })
            .chain(
                audit
                    .management
                    .iter()
                    .map(|m| (EcartTarget::Management(m.id()), m.observations.as_slice())),
            )
            .collect();
        places.sort_by_key(|(t, _)| *t);
        for (target, observations) in places {
            for kind in [
                ObservationKind::AreaOfConcern,
                ObservationKind::OpportunityForImprovement,
            ] {
                let texts: Vec<String> = observations
                    .iter()
                    .filter(|o| o.kind == kind)
                    .map(|o| o.text.clone())
                    .collect();
                if texts.is_empty() {
                    continue;
                }
                let next = next_covering(referentiel, entries, index, target);
                let later = next
                    .and_then(|n| audits.get(n))
                    .and_then(|(_, a)| assessment_of(a, target));
                let status = match (next, later) {
                    (None, _) => ObservationStatus::Pending,
                    (Some(_), Some((Some(_), observations)))
                        if observations.iter().any(|o| o.kind == kind) =>
                    {
                        ObservationStatus::Recurring
                    }
                    (Some(_), Some((Some(_), _))) => ObservationStatus::FollowedUp,
                    (Some(_), _) => ObservationStatus::NotFollowedUp,
                };
                out.push(ObservationFollowUp {
                    audit: index,
                    target,
                    kind,
                    texts,
                    next,
                    status,
                });
            }
        }
    }
    out
}
