//! Sites from digests: audits grouped by [`Site::is_same_site_as`], and each site's status at
//! the date through [`site_status`], the one place that says where a site stands.

use std::collections::BTreeMap;

use chrono::Months;

use super::read::Digest;
use super::{AuditWindow, NetworkAudit, NetworkOptions, NetworkSite, SiteEngagement};
use crate::history::{HistoryAudit, Trend};
use crate::plan::Standing;
use crate::{
    AdministrationType, Departement, History, HistoryOptions, LabelStatus, Referentiel, Site,
};

/// The sites of `digests`, sorted by département, kind of administration (préfecture first)
/// and city.
pub(crate) fn sites(
    mut digests: Vec<Digest>,
    referentiel: &Referentiel,
    options: &NetworkOptions,
) -> Vec<NetworkSite> {
    // The history's order: first day, last day, type, internal flag, then file.
    digests.sort_by(|a, b| {
        (
            a.dates.start,
            a.dates.end,
            a.kind.audit_type,
            a.kind.internal,
            &a.file,
        )
            .cmp(&(
                b.dates.start,
                b.dates.end,
                b.kind.audit_type,
                b.kind.internal,
                &b.file,
            ))
    });
    // Sites by administration and département; within one, the crate's rule of « same site ».
    let mut buckets: BTreeMap<(Departement, AdministrationType), Vec<usize>> = BTreeMap::new();
    let mut groups: Vec<Vec<Digest>> = Vec::new();
    for d in digests {
        let bucket = buckets
            .entry((d.site.departement.clone(), d.site.administration))
            .or_default();
        let found = bucket.iter().copied().find(|&g| {
            groups
                .get(g)
                .and_then(|audits| audits.first())
                .is_some_and(|first| first.site.is_same_site_as(&d.site))
        });
        match found.and_then(|g| groups.get_mut(g)) {
            Some(group) => group.push(d),
            None => {
                bucket.push(groups.len());
                groups.push(vec![d]);
            }
        }
    }
    let mut sites: Vec<NetworkSite> = groups
        .into_iter()
        .filter_map(|audits| {
            // The site as its last audit ended by the date names it (the first audit's when
            // all end later).
            let site = audits
                .iter()
                .rev()
                .find(|d| d.dates.end <= options.at)
                .or_else(|| audits.first())?
                .site
                .clone();
            Some(site_status(site, audits, referentiel, options))
        })
        .collect();
    sites.sort_by(|a, b| {
        let key = |s: &Site| {
            (
                s.departement.clone(),
                rank(s.administration),
                crate::text::key(&s.city),
            )
        };
        key(&a.site).cmp(&key(&b.site))
    });
    sites
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

/// Where one site stands at the network's date, from its audits in date order: the label's
/// status replayed by today's [`History`] (its cycle under the options' [`CyclePolicy`]), the
/// corrective actions as the [`Plan`](crate::Plan) of each audit stands them, the last audit,
/// the trend of the rate and the engagements' last verdicts.
///
/// This is the one function that says where a site stands: when the site's dossier lands, it
/// is the one place to change.
///
/// [`CyclePolicy`]: crate::CyclePolicy
fn site_status(
    site: Site,
    audits: Vec<Digest>,
    referentiel: &Referentiel,
    options: &NetworkOptions,
) -> NetworkSite {
    let at = options.at;
    let mut entries = Vec::with_capacity(audits.len());
    let mut out = Vec::with_capacity(audits.len());
    let mut actions = Vec::new();
    let mut lifted = 0_u32;
    let mut cells: BTreeMap<crate::EngagementNumber, SiteEngagement> = BTreeMap::new();
    for (index, d) in audits.into_iter().enumerate() {
        let after_date = d.dates.end > at;
        entries.push(HistoryAudit {
            index,
            file: Some(d.file.clone()),
            site: d.site.clone(),
            kind: d.kind,
            dates: d.dates,
            modules: d.modules.clone(),
            same_site: true,
            valid: true,
            outcome: Some(d.outcome),
            indicative: d.kind.internal,
            rate: d.rate,
            nonconformities: d.nonconformities,
        });
        for mut action in d.actions {
            if action.standing == Standing::Lifted {
                lifted = lifted.saturating_add(1);
                continue;
            }
            action.audit = index;
            actions.push(action);
        }
        if !after_date {
            for (engagement, verdict, concern) in d.cells {
                cells.insert(
                    engagement,
                    SiteEngagement {
                        engagement,
                        verdict,
                        concern,
                        audit: index,
                    },
                );
            }
        }
        out.push(NetworkAudit {
            file: d.file,
            kind: d.kind,
            dates: d.dates,
            modules: d.modules,
            outcome: d.outcome,
            indicative: d.kind.internal,
            rate: d.rate,
            nonconformities: d.nonconformities,
            after_date,
        });
    }
    let status = label_status(entries, referentiel, options);
    // The plan's order across audits: overdue, due soon, open, each by due date (undated last).
    actions.sort_by_key(|a| (a.standing, a.due.is_none(), a.due));
    let count = |s: &dyn Fn(Standing) -> bool| {
        u32::try_from(actions.iter().filter(|a| s(a.standing)).count()).unwrap_or(u32::MAX)
    };
    let open_actions = count(&Standing::is_open);
    let overdue_actions = count(&|s| s == Standing::Overdue);
    let last_audit = out.iter().rposition(|a| !a.after_date);
    let rates: Vec<crate::Rate> = out
        .iter()
        .filter(|a| !a.after_date)
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
    let window = status.next.map(|next| AuditWindow {
        audit_type: next.audit_type,
        opens: next
            .due
            .checked_sub_months(Months::new(options.window_months))
            .unwrap_or(next.due),
        due: next.due,
        overdue: next.overdue,
    });
    NetworkSite {
        site,
        audits: out,
        status,
        last_audit,
        window,
        actions,
        open_actions,
        overdue_actions,
        lifted_actions: lifted,
        trend,
        engagements: cells.into_values().collect(),
    }
}

/// The label's status at the options' date, replayed by [`History`] from the site's audits
/// (valid, in date order).
fn label_status(
    entries: Vec<HistoryAudit>,
    referentiel: &Referentiel,
    options: &NetworkOptions,
) -> LabelStatus {
    let history_options = HistoryOptions::default()
        .at(options.at)
        .with_cycle(options.cycle);
    let mut history = History::new(std::iter::empty(), referentiel, &history_options);
    history.audits = entries;
    history.status_at(options.at)
}
