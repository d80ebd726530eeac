//! Sites from the audits read: grouped by [`Site::is_same_site_as`], and each site's place at the
//! date through [`site_status`], from the site's [`Dossier`]: the one place that says where a
//! site stands.

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike as _;
use rayon::prelude::*;

use super::read::Parsed;
use super::{NetworkAudit, NetworkOptions, NetworkProblem, NetworkSite, SiteEngagement};
use crate::dossier::{Dossier, HistoryCode};
use crate::history::Trend;
use crate::{
    AdministrationType, Audit, Departement, EngagementNumber, ObservationKind, Plan, Referentiel,
    Site, Valid, Verdict,
};

/// One verdict of one valid audit ended by the date, for the engagement table: the year of the
/// audit's last day, the engagement, its verdict, whether a point sensible flags it.
pub(crate) type Cell = (i32, EngagementNumber, Option<Verdict>, bool);

/// What the sites give: the sites, the audits left out (with their place in the order of the
/// files) and the verdicts for the engagement table.
pub(crate) struct Built {
    pub(crate) sites: Vec<NetworkSite>,
    pub(crate) problems: Vec<(usize, NetworkProblem)>,
    pub(crate) cells: Vec<Cell>,
}

/// The sites of `parsed`, sorted by département, kind of administration (préfecture first) and
/// city; each site's dossier built on a core of its own.
pub(crate) fn sites(
    parsed: Vec<Parsed>,
    referentiel: &Referentiel,
    options: &NetworkOptions,
) -> Built {
    // Sites by administration and département; within one, the crate's rule of « same site ».
    let mut buckets: BTreeMap<(Departement, AdministrationType), Vec<usize>> = BTreeMap::new();
    let mut groups: Vec<Vec<Parsed>> = Vec::new();
    for p in parsed {
        let bucket = buckets
            .entry((
                p.audit.site.departement.clone(),
                p.audit.site.administration,
            ))
            .or_default();
        let found = bucket.iter().copied().find(|&g| {
            groups
                .get(g)
                .and_then(|audits| audits.first())
                .is_some_and(|first| first.audit.site.is_same_site_as(&p.audit.site))
        });
        if let Some(group) = found.and_then(|g| groups.get_mut(g)) {
            group.push(p);
        } else {
            bucket.push(groups.len());
            groups.push(vec![p]);
        }
    }
    let outcomes: Vec<SiteOutcome> = groups
        .into_par_iter()
        .map(|audits| site_status(audits, referentiel, options))
        .collect();
    let mut built = Built {
        sites: Vec::with_capacity(outcomes.len()),
        problems: Vec::new(),
        cells: Vec::new(),
    };
    for outcome in outcomes {
        built.sites.extend(outcome.site);
        built.problems.extend(outcome.problems);
        built.cells.extend(outcome.cells);
    }
    built.sites.sort_by(|a, b| {
        let key = |s: &Site| {
            (
                s.departement.clone(),
                rank(s.administration),
                crate::text::key(&s.city),
            )
        };
        key(&a.site).cmp(&key(&b.site))
    });
    built
}

/// Préfectures first in a département, then the préfecture de police, the sous-préfectures,
/// the hauts-commissariats.
fn rank(kind: AdministrationType) -> u8 {
    match kind {
        AdministrationType::Prefecture => 0,
        AdministrationType::PrefectureDePolice => 1,
        AdministrationType::SousPrefecture => 2,
        AdministrationType::HautCommissariat => 3,
    }
}

/// One site's part: the site (none when no audit of it is valid), its invalid audits, its
/// verdicts.
struct SiteOutcome {
    site: Option<NetworkSite>,
    problems: Vec<(usize, NetworkProblem)>,
    cells: Vec<Cell>,
}

/// Whether an assessment's observations flag a point sensible.
fn concern(observations: &[crate::Observation]) -> bool {
    observations
        .iter()
        .any(|o| o.kind == ObservationKind::AreaOfConcern)
}

/// Where one site stands at the network's date, all from its [`Dossier`] (built from the
/// site's audits under [`NetworkOptions::dossier`]): the label's status and the next audit
/// (`Dossier::status_at`), the actions open and overdue as the [`Plan`] of the dossier stands
/// them, each audit's avis, rate and nonconformities; then what the network adds: the last
/// audit, the trend of the rate, the engagements' last verdicts.
///
/// This is the one function that says where a site stands.
fn site_status(
    audits: Vec<Parsed>,
    referentiel: &Referentiel,
    options: &NetworkOptions,
) -> SiteOutcome {
    let at = options.at;
    let order: HashMap<String, usize> = audits.iter().map(|p| (p.file.clone(), p.order)).collect();
    let dossier = Dossier::with_labels(
        audits.into_iter().map(|p| (p.file, p.audit)),
        referentiel,
        &options.dossier,
    );
    let mut problems = Vec::new();
    let mut cells_of: BTreeMap<EngagementNumber, SiteEngagement> = BTreeMap::new();
    let mut cells = Vec::new();
    let mut out = Vec::with_capacity(dossier.audits().len());
    for a in dossier.audits() {
        let file = a.file.clone().unwrap_or_default();
        let source: Option<&Audit> = dossier.audit(a.index);
        if !a.valid {
            // The dossier says the audit is invalid; its report gives the diagnostics.
            let report = source.and_then(|audit| {
                Valid::new(audit, referentiel, &options.dossier.validation).err()
            });
            if let Some(report) = report {
                let place = order.get(&file).copied().unwrap_or(usize::MAX);
                problems.push((place, NetworkProblem::invalid(file.clone(), report)));
            }
        }
        let after_date = a.dates.end > at;
        if a.takes_part() && !after_date {
            let year = a.dates.end.year();
            for assessment in source.map_or(&[][..], |s| s.assessments.as_slice()) {
                let flagged = concern(&assessment.observations);
                cells.push((year, assessment.engagement, assessment.verdict, flagged));
                cells_of.insert(
                    assessment.engagement,
                    SiteEngagement {
                        engagement: assessment.engagement,
                        verdict: assessment.verdict,
                        concern: flagged,
                        audit: a.index,
                    },
                );
            }
        }
        out.push(NetworkAudit {
            file,
            kind: a.kind,
            dates: a.dates,
            modules: a.modules.clone(),
            valid: a.takes_part(),
            outcome: a.outcome,
            indicative: a.indicative,
            rate: a.rate,
            nonconformities: a.nonconformities,
            after_date,
        });
    }
    let Some(site) = dossier
        .audits()
        .iter()
        .rev()
        .find(|a| a.takes_part() && a.dates.end <= at)
        .or_else(|| dossier.audits().iter().find(|a| a.takes_part()))
        .map(|a| a.site.clone())
    else {
        // No valid audit: the site is nothing but its problems.
        return SiteOutcome {
            site: None,
            problems,
            cells,
        };
    };
    let plan = Plan::build(&dossier, at);
    let actions: Vec<_> = plan
        .actions
        .into_iter()
        .filter(|a| a.standing.is_open())
        .collect();
    let last_audit = out.iter().rposition(|a| a.valid && !a.after_date);
    let rates: Vec<crate::Rate> = out
        .iter()
        .filter(|a| a.valid && !a.after_date)
        .filter_map(|a| a.rate)
        .collect();
    let trend = match rates.as_slice() {
        [.., before, last] => Some(match last.cmp(before) {
            std::cmp::Ordering::Greater => Trend::Improved,
            std::cmp::Ordering::Less => Trend::Regressed,
            std::cmp::Ordering::Equal => Trend::Unchanged,
        }),
        _ => None,
    };
    // The plan's are the dossier's at the date; those of invalid audits are the problems.
    let diagnostics = plan
        .diagnostics
        .into_iter()
        .filter(|d| d.code != HistoryCode::InvalidAudit)
        .collect();
    SiteOutcome {
        site: Some(NetworkSite {
            site,
            audits: out,
            status: plan.status,
            last_audit,
            actions,
            open_actions: plan.totals.open,
            overdue_actions: plan.totals.overdue,
            done_actions: plan.totals.done,
            trend,
            engagements: cells_of.into_values().collect(),
            diagnostics,
        }),
        problems,
        cells,
    }
}
