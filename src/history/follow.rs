//! The engagement grid, and the follow-ups of écarts and observations as the dossier's ledger
//! gives them at the history's date.

use serde::{Deserialize, Serialize};

use super::HistoryAudit;
use crate::dossier::FollowUp;
use crate::{
    ActionStatus, Audit, EcartTarget, EngagementNumber, ModuleNumber, NcGrade, Observation,
    ObservationKind, Referentiel, Source, Verdict,
};

/// How a verdict compares with the previous comparable one of its row. Wire forms `improved`,
/// `regressed`, `unchanged`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Trend {
    /// Better: `NC Maj` → `NC min` → `C`.
    Improved,
    /// Worse.
    Regressed,
    /// The same.
    Unchanged,
}

impl Trend {
    /// The wire form.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The wording in `language`, e.g. `amélioré`.
    #[must_use]
    pub fn label(self, language: crate::Language) -> &'static str {
        (super::phrases::of(language).trend)(self)
    }
}

crate::base::wire::wire_enum!(
    Trend,
    "trend",
    "improved, regressed, unchanged",
    [Improved, Regressed, Unchanged]
);

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

/// One écart (a nonconformity of the dossier's ledger) followed to the date of the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EcartFollowUp {
    /// Its number in the ledger, the same as in the plan d'actions.
    pub number: u32,
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
    /// The corrective action's due date, as the ledger gives it.
    pub due: Option<chrono::NaiveDate>,
    /// The fiche's status, when there is a fiche.
    pub fiche_status: Option<ActionStatus>,
    /// The next audit covering the target, on or before the history's date.
    pub next: Option<usize>,
    /// Its verdict there.
    pub next_verdict: Option<Verdict>,
    /// What became of it by the history's date.
    pub status: FollowUp,
    /// Whether it is overdue at the history's date, or was when the next audit found it again.
    pub overdue: bool,
}

/// One point sensible or piste de progrès of the ledger, followed to the date of the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ObservationFollowUp {
    /// Its number in the ledger, the same as in the plan d'actions.
    pub number: u32,
    /// The audit.
    pub audit: usize,
    /// The engagement, management item or remote check.
    pub source: Source,
    /// `PS` or `PP`.
    pub kind: ObservationKind,
    /// The text, verbatim.
    pub text: String,
    /// The risk of a point sensible, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<String>,
    /// The next audit covering it, on or before the history's date.
    pub next: Option<usize>,
    /// What became of it by the history's date.
    pub status: FollowUp,
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

pub(super) fn grid(
    referentiel: &Referentiel,
    audits: &[&Audit],
    entries: &[HistoryAudit],
) -> Vec<GridRow> {
    let mut rows = Vec::new();
    for engagement in referentiel.engagements() {
        let mut last: Option<u8> = None;
        let mut any = false;
        let cells: Vec<Option<GridCell>> = audits
            .iter()
            .zip(entries)
            .map(|(audit, entry)| {
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
