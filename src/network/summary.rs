//! Across the network: counts by status, the calendar of due audits, the sites with overdue
//! actions, the engagement table and the coverage of modules.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::status::Cell;
use super::{NetworkOptions, NetworkSite};
use crate::{AuditType, EngagementNumber, LabelState, ModuleNumber, Referentiel, Verdict};

/// The number of sites in each [`LabelState`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StateCounts {
    /// Labelled.
    pub labelled: u32,
    /// Suspended.
    pub suspended: u32,
    /// Expired.
    pub expired: u32,
    /// Not labelled (yet).
    pub not_labelled: u32,
}

impl StateCounts {
    /// The count of `state`.
    #[must_use]
    pub fn of(&self, state: LabelState) -> u32 {
        match state {
            LabelState::Labelled => self.labelled,
            LabelState::Suspended => self.suspended,
            LabelState::Expired => self.expired,
            LabelState::NotLabelled => self.not_labelled,
        }
    }

    fn add(&mut self, state: LabelState) {
        let n = match state {
            LabelState::Labelled => &mut self.labelled,
            LabelState::Suspended => &mut self.suspended,
            LabelState::Expired => &mut self.expired,
            LabelState::NotLabelled => &mut self.not_labelled,
        };
        *n = n.saturating_add(1);
    }
}

/// An audit due: overdue at the network's date, or due within its horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DueAudit {
    /// The index of the site in [`Network::sites`](super::Network::sites).
    pub site: usize,
    /// `suivi` or `renouvellement`.
    #[serde(rename = "type")]
    pub audit_type: AuditType,
    /// The day it is due, as [`NextAudit::due`](crate::dossier::NextAudit::due).
    pub due: NaiveDate,
    /// The first day of its window (a suivi's; none for a renouvellement).
    pub window_start: Option<NaiveDate>,
    /// The last day it may be held.
    pub window_end: NaiveDate,
    /// Whether the network's date is past `window_end`.
    pub overdue: bool,
}

/// A site with overdue corrective actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OverdueSite {
    /// The index of the site in [`Network::sites`](super::Network::sites).
    pub site: usize,
    /// The oldest due date of its overdue actions.
    pub oldest_due: NaiveDate,
    /// How many of its actions are overdue.
    pub actions: u32,
}

/// One year of an [`EngagementTally`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct YearTally {
    /// The year of the audits' last day.
    pub year: i32,
    /// Audits that gave the engagement a verdict other than `NA`.
    pub assessed: u32,
    /// Of those, `NC min` or `NC Maj`.
    pub nonconforming: u32,
    /// Audits that flagged it as a point sensible.
    pub concerns: u32,
}

/// How one engagement fared across the network's audits (those ended by its date, internal
/// and external).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EngagementTally {
    /// The engagement.
    pub engagement: EngagementNumber,
    /// Its module.
    pub module: ModuleNumber,
    /// Its title in the référentiel, verbatim.
    pub title: String,
    /// Audits that gave it a verdict other than `NA`.
    pub assessed: u32,
    /// `NC min` verdicts.
    pub minor: u32,
    /// `NC Maj` verdicts.
    pub major: u32,
    /// Points sensibles.
    pub concerns: u32,
    /// Year by year, oldest first.
    pub years: Vec<YearTally>,
}

impl EngagementTally {
    /// Nonconformities and points sensibles together: how the table sorts.
    #[must_use]
    pub fn weakness(&self) -> u32 {
        self.minor
            .saturating_add(self.major)
            .saturating_add(self.concerns)
    }
}

/// Which sites hold a module at the network's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModuleCoverage {
    /// The module.
    pub module: ModuleNumber,
    /// Its title in the référentiel.
    pub title: String,
    /// The indexes in [`Network::sites`](super::Network::sites) of the sites labelled for it.
    pub sites: Vec<usize>,
}

/// The network as a whole. See the [module docs](super).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NetworkSummary {
    /// The sites by state.
    pub by_state: StateCounts,
    /// The audits due: overdue first, then within the horizon, by due date.
    pub calendar: Vec<DueAudit>,
    /// The sites with overdue actions, the oldest overdue action first.
    pub overdue: Vec<OverdueSite>,
    /// Every engagement assessed somewhere: by module, then most nonconformities and points
    /// sensibles first, then by number.
    pub engagements: Vec<EngagementTally>,
    /// Each module of the référentiel and the sites that hold it.
    pub coverage: Vec<ModuleCoverage>,
}

/// The engagement table of the verdicts of the valid audits ended by the network's date.
pub(crate) fn engagements(cells: Vec<Cell>, referentiel: &Referentiel) -> Vec<EngagementTally> {
    // Assessed, NC min, NC Maj, points sensibles, and the years.
    type Row = (u32, u32, u32, u32, BTreeMap<i32, YearTally>);
    let mut table: BTreeMap<EngagementNumber, Row> = BTreeMap::new();
    {
        for (year, engagement, verdict, concern) in cells {
            let (assessed, minor, major, concerns, years) = table.entry(engagement).or_default();
            let y = years.entry(year).or_insert(YearTally {
                year,
                assessed: 0,
                nonconforming: 0,
                concerns: 0,
            });
            let counted = verdict.is_some_and(|v| v != Verdict::NotApplicable);
            let nc = matches!(
                verdict,
                Some(Verdict::MinorNonconformity | Verdict::MajorNonconformity)
            );
            if counted {
                *assessed += 1;
                y.assessed += 1;
            }
            if nc {
                y.nonconforming += 1;
            }
            match verdict {
                Some(Verdict::MinorNonconformity) => *minor += 1,
                Some(Verdict::MajorNonconformity) => *major += 1,
                _ => {}
            }
            if concern {
                *concerns += 1;
                y.concerns += 1;
            }
        }
    }
    let mut out: Vec<EngagementTally> = table
        .into_iter()
        .filter_map(|(engagement, (assessed, minor, major, concerns, years))| {
            let e = referentiel.engagement(engagement)?;
            Some(EngagementTally {
                engagement,
                module: e.module,
                title: e.title.clone(),
                assessed,
                minor,
                major,
                concerns,
                years: years.into_values().collect(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.module, std::cmp::Reverse(a.weakness()), a.engagement).cmp(&(
            b.module,
            std::cmp::Reverse(b.weakness()),
            b.engagement,
        ))
    });
    out
}

/// The summary of `sites`, with the engagement table already counted.
pub(crate) fn summarise(
    sites: &[NetworkSite],
    engagements: Vec<EngagementTally>,
    referentiel: &Referentiel,
    options: &NetworkOptions,
) -> NetworkSummary {
    let at = options.at;
    let horizon = at
        .checked_add_months(Months::new(options.horizon_months))
        .unwrap_or(NaiveDate::MAX);
    let mut by_state = StateCounts::default();
    let mut calendar = Vec::new();
    let mut overdue = Vec::new();
    for (index, site) in sites.iter().enumerate() {
        by_state.add(site.status.state);
        if let Some(next) = site.status.next {
            if next.due <= horizon || next.overdue {
                calendar.push(DueAudit {
                    site: index,
                    audit_type: next.audit_type,
                    due: next.due,
                    window_start: next.window_start,
                    window_end: next.window_end,
                    overdue: next.overdue,
                });
            }
        }
        if let Some(oldest_due) = site.oldest_overdue() {
            overdue.push(OverdueSite {
                site: index,
                oldest_due,
                actions: site.overdue_actions,
            });
        }
    }
    calendar.sort_by_key(|d| (d.due, d.site));
    overdue.sort_by_key(|o| (o.oldest_due, o.site));
    let coverage = referentiel
        .modules()
        .iter()
        .map(|m| ModuleCoverage {
            module: m.number,
            title: m.title.clone(),
            sites: sites
                .iter()
                .enumerate()
                .filter(|(_, s)| s.status.modules.iter().any(|l| l.module == m.number))
                .map(|(i, _)| i)
                .collect(),
        })
        .collect();
    NetworkSummary {
        by_state,
        calendar,
        overdue,
        engagements,
        coverage,
    }
}
