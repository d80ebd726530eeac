//! What every rendering says of a site, as plain texts in one language: the writers only lay
//! them out (and escape them).

use super::phrases::{self, Network as Phrases};
use super::{Network, NetworkSite};
use crate::plan::PlanAction;
use crate::{Language, Site, Source};

/// A date as the language writes it.
pub(crate) fn date(day: chrono::NaiveDate, language: Language) -> String {
    crate::i18n::format::date(day, language)
}

/// `Préfecture TOULON (83)`, `Sub-prefecture BRIGNOLES (83)`: the kind of administration
/// (capitalised: it starts the label), the city and the département.
pub(crate) fn site_label(site: &Site, language: Language) -> String {
    let kind = crate::i18n::administration(site.administration, language);
    let mut chars = kind.chars();
    let mut out = String::with_capacity(kind.len() + site.city.len() + 8);
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
    out.push(' ');
    out.push_str(&site.city);
    out.push_str(" (");
    out.push_str(site.departement.as_str());
    out.push(')');
    out
}

/// `Engagement 17 (NC min)`, `pilotage 5 (NC Maj)`, `Engagement 9 (PS)`: the target of the
/// ledger's entry and its kind.
pub(crate) fn target(action: &PlanAction, language: Language) -> String {
    let p = phrases::of(language);
    let entry = &action.entry;
    let kind = entry.kind.code();
    match entry.source {
        Some(Source::Engagement(n) | Source::Remote { engagement: n, .. }) => {
            format!("{} {} ({kind})", p.engagement, n.get())
        }
        Some(Source::Management(id)) => format!("{id} ({kind})"),
        None => match &entry.requirement_text {
            Some(text) => format!("{text} ({kind})"),
            None => kind.to_owned(),
        },
    }
}

/// The window of an audit due: `20/08/2021 – 20/02/2022`, or `jusqu'au 20/02/2023` for a
/// renouvellement (due before the label ends).
pub(crate) fn window(
    start: Option<chrono::NaiveDate>,
    end: chrono::NaiveDate,
    language: Language,
) -> String {
    let p = phrases::of(language);
    match start {
        Some(start) => format!("{} – {}", date(start, language), date(end, language)),
        None => format!("{} {}", p.until.to_lowercase(), date(end, language)),
    }
}

/// One open action in a line: target, due date and standing, then the finding quoted.
pub(crate) fn action_line(action: &PlanAction, language: Language) -> String {
    let p = phrases::of(language);
    let mut out = target(action, language);
    if let Some(due) = action.entry.due {
        out.push_str(", ");
        out.push_str(&p.due.to_lowercase());
        out.push(' ');
        out.push_str(&date(due, language));
    }
    if action.standing == crate::plan::Standing::Overdue {
        out.push_str(", ");
        out.push_str(p.overdue);
    }
    if !action.entry.finding.is_empty() {
        out.push_str(p.colon);
        out.push_str(p.open_quote);
        out.push_str(&action.entry.finding);
        out.push_str(p.close_quote);
    }
    out
}

/// The labelled modules: `1 (depuis le 20/02/2020), 2 (depuis le 14/09/2021)`, or the dash.
pub(crate) fn modules(site: &NetworkSite, language: Language) -> String {
    let p = phrases::of(language);
    if site.status.modules.is_empty() {
        return p.none.to_owned();
    }
    site.status
        .modules
        .iter()
        .map(|m| {
            format!(
                "{} ({} {})",
                m.module.get(),
                p.since.to_lowercase(),
                date(m.since, language)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The last audit: `14/09/2021, suivi, avis favorable`.
pub(crate) fn last_audit(site: &NetworkSite, language: Language) -> String {
    let p = phrases::of(language);
    match site.last() {
        Some(a) => format!(
            "{}, {}, {}",
            date(a.dates.end, language),
            (p.kind)(a.kind.internal, a.kind.audit_type),
            a.outcome_label(language)
        ),
        None => p.none.to_owned(),
    }
}

/// The rate of the last audit and its trend: `95,7 %, en baisse`.
pub(crate) fn rate(site: &NetworkSite, language: Language) -> String {
    let p = phrases::of(language);
    let mut out = site
        .last()
        .and_then(|a| a.rate)
        .map_or_else(|| p.none.to_owned(), |r| r.display(language));
    if let Some(t) = site.trend {
        out.push_str(", ");
        out.push_str((p.trend)(t));
    }
    out
}

/// The next audit, as the dossier gives it: `suivi, échéance 20/08/2021 (fenêtre : 20/02/2021
/// – 20/02/2022)`, `renouvellement, échéance 19/02/2023 (fenêtre : jusqu'au 19/02/2023)`.
pub(crate) fn next_audit(site: &NetworkSite, language: Language) -> String {
    let p = phrases::of(language);
    match site.status.next {
        Some(w) => {
            let mut out = format!(
                "{}, {} {} ({}{}{})",
                (p.kind)(false, Some(w.audit_type)),
                p.due.to_lowercase(),
                date(w.due, language),
                p.window.to_lowercase(),
                p.colon,
                window(w.window_start, w.window_end, language)
            );
            if w.overdue {
                out.push_str(", ");
                out.push_str(p.overdue);
            }
            out
        }
        None => p.none.to_owned(),
    }
}

/// `1, dont 1 en retard` / `1, 1 overdue`.
pub(crate) fn actions(site: &NetworkSite, language: Language) -> String {
    let p = phrases::of(language);
    format!(
        "{} ({}{}{})",
        site.open_actions,
        p.overdue_actions.to_lowercase(),
        p.colon,
        site.overdue_actions
    )
}

/// The rows of a site's table: label and value.
pub(crate) fn site_rows(site: &NetworkSite, language: Language) -> Vec<(&'static str, String)> {
    let p = phrases::of(language);
    vec![
        (p.state, (p.label_state)(site.status.state).to_owned()),
        (p.modules, modules(site, language)),
        (
            p.until,
            site.status
                .modules
                .first()
                .map_or_else(|| p.none.to_owned(), |m| date(m.until, language)),
        ),
        (p.last_audit, last_audit(site, language)),
        (p.rate, rate(site, language)),
        (p.next_audit, next_audit(site, language)),
        (p.open_actions, actions(site, language)),
        (p.audits, site.audits.len().to_string()),
    ]
}

/// The sites named by their indexes, comma separated.
pub(crate) fn site_list(network: &Network, indexes: &[usize], language: Language) -> String {
    let names: Vec<String> = indexes
        .iter()
        .filter_map(|&i| network.sites.get(i))
        .map(|s| site_label(&s.site, language))
        .collect();
    if names.is_empty() {
        phrases::of(language).none.to_owned()
    } else {
        names.join(", ")
    }
}

/// The phrases of `language` (a shorthand for the writers).
pub(crate) fn words(language: Language) -> &'static Phrases {
    phrases::of(language)
}
