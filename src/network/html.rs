//! The network as one self-contained, printable HTML page without script: the figures, the
//! map, the heat map of engagements by site, the calendar of due audits, then the tables.

use std::fmt::Write as _;

use chrono::{Datelike as _, Months, NaiveDate};

use super::map::{self, state_class};
use super::rows::{self, date, site_label, words};
use super::{Network, NetworkSite};
use crate::plan::Standing;
use crate::report::html::escape;
use crate::{LabelState, Language, Verdict};

/// The page's stylesheet.
const STYLE: &str = r#"
:root { --ink: #1d2430; --muted: #5b6472; --rule: #d5d9e0;
  --labelled: #2e8b57; --suspended: #e08a1e; --expired: #c0392b; --not-labelled: #7a8aa6; --none: #eef0f3;
  --c: #3f9e64; --na: #c9ccd1; --min: #f0a531; --maj: #d2413a; --unset: #ffffff; }
* { box-sizing: border-box; }
body { font: 14px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); margin: 0; background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 40px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); break-after: avoid; }
h3 { font-size: 15px; margin: 18px 0 6px; break-after: avoid; }
p.lead { color: var(--muted); margin: 0 0 14px; }
.tiles { display: flex; gap: 10px; flex-wrap: wrap; margin: 12px 0 4px; }
.tile { flex: 1 1 150px; border-radius: 8px; padding: 10px 14px; color: #fff; }
.tile .n { font-size: 30px; font-weight: bold; display: block; line-height: 1.1; }
.tile.st-labelled { background: var(--labelled); } .tile.st-suspended { background: var(--suspended); }
.tile.st-expired { background: var(--expired); } .tile.st-not-labelled { background: var(--not-labelled); }
.tile.plain { background: #fff; color: var(--ink); border: 1px solid var(--rule); }
.overview { display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); gap: 22px; align-items: start; }
.map svg.metropole { width: 100%; height: auto; max-height: 560px; display: block; }
.map path.dep { stroke: #fff; stroke-width: 0.6; vector-effect: non-scaling-stroke; }
.st-labelled { fill: var(--labelled); } .st-suspended { fill: var(--suspended); }
.st-expired { fill: var(--expired); } .st-not-labelled { fill: var(--not-labelled); } .st-none { fill: var(--none); }
.map circle.mark { stroke: #fff; stroke-width: 1.4; vector-effect: non-scaling-stroke; }
.insets { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 6px; }
figure.inset { margin: 0; width: 92px; text-align: center; font-size: 11px; color: var(--muted); }
figure.inset svg { width: 92px; height: 80px; border: 1px solid var(--rule); border-radius: 4px; background: #fafbfc; display: block; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 12.5px; margin: 8px 0; padding: 0; list-style: none; }
.legend .sw { display: inline-block; width: 13px; height: 13px; border-radius: 3px; vertical-align: -2px; margin-right: 5px; border: 1px solid rgba(0,0,0,.15); }
.legend .dot { border-radius: 50%; }
.sw.st-labelled { background: var(--labelled); } .sw.st-suspended { background: var(--suspended); }
.sw.st-expired { background: var(--expired); } .sw.st-not-labelled { background: var(--not-labelled); } .sw.st-none { background: var(--none); }
.sw.v-c { background: var(--c); } .sw.v-na { background: var(--na); } .sw.v-min { background: var(--min); }
.sw.v-maj { background: var(--maj); } .sw.v-unset { background: var(--unset); }
.chip { display: inline-block; padding: 0 6px; border-radius: 10px; color: #fff; font-size: 12px; }
.chip.st-labelled { background: var(--labelled); } .chip.st-suspended { background: var(--suspended); }
.chip.st-expired { background: var(--expired); } .chip.st-not-labelled { background: var(--not-labelled); }
.calendar li { overflow-wrap: break-word; }
.calendar li.more { font-style: italic; }
.calendar { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px; }
.month { border: 1px solid var(--rule); border-radius: 6px; padding: 6px 8px; min-height: 64px; break-inside: avoid; }
.month h4 { margin: 0 0 4px; font-size: 12.5px; text-transform: capitalize; color: var(--muted); }
.month.late { border-color: var(--expired); background: #fdf1f0; }
.month.late h4 { color: var(--expired); text-transform: none; }
.month ul { margin: 0; padding: 0; list-style: none; font-size: 12px; }
.month li { margin: 2px 0; padding-left: 6px; border-left: 4px solid var(--not-labelled); }
.month li.suivi { border-left-color: var(--labelled); } .month li.renouvellement { border-left-color: #2b6cb0; }
.month .day { font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f5f8; font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.heat { width: auto; font-size: 11px; }
table.heat th, table.heat td { border: 0; padding: 0; }
table.heat th.site { text-align: right; padding-right: 8px; font-weight: normal; white-space: nowrap; background: none; }
table.heat thead th { background: none; font-weight: normal; color: var(--muted); font-size: 9.5px; text-align: center; height: 18px; }
table.heat thead th.mod { border-bottom: 2px solid var(--ink); color: var(--ink); font-size: 10.5px; }
table.heat td.cell { width: 15px; height: 14px; border: 1px solid #fff; position: relative; }
table.heat td.first { border-left: 2px solid var(--ink); }
td.v-c { background: var(--c); } td.v-na { background: var(--na); } td.v-min { background: var(--min); }
td.v-maj { background: var(--maj); } td.v-unset { background: #f4f5f7; }
td.ps::after { content: ""; position: absolute; left: 4px; top: 3.5px; width: 5px; height: 5px; border-radius: 50%; background: #111; }
.bar { display: inline-block; height: 10px; background: var(--min); vertical-align: -1px; }
.bar.ps { background: #444; }
.notes { color: var(--muted); font-size: 12px; }
.notes p { margin: 3px 0; }
.state { font-weight: bold; }
.state.st-labelled { color: var(--labelled); } .state.st-suspended { color: var(--suspended); }
.state.st-expired { color: var(--expired); } .state.st-not-labelled { color: var(--not-labelled); }
.late { color: var(--expired); font-weight: bold; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-before: auto; }
  /* On paper: the map under the tiles on the first page, the calendar across the next. */
  .overview { display: block; }
  .map svg.metropole { max-height: 92mm; }
  .calendar { grid-template-columns: repeat(6, minmax(0, 1fr)); }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@media screen and (max-width: 860px) { .overview { grid-template-columns: 1fr; } .calendar { grid-template-columns: repeat(2, 1fr); } }
"#;

const STATES: [LabelState; 4] = [
    LabelState::Labelled,
    LabelState::Suspended,
    LabelState::Expired,
    LabelState::NotLabelled,
];

/// Writes `network` as a page in `language`.
pub(super) fn write(network: &Network, language: Language) -> String {
    let p = words(language);
    let title = (p.title_at)(&date(network.at, language));
    let mut out = String::with_capacity(200_000 + network.sites.len() * 2_000);
    crate::report::shell::Shell {
        title: &title,
        language,
        running: None,
        extra_style: STYLE,
    }
    .start(&mut out);
    out.push_str("<h1>");
    out.push_str(&escape(&title));
    out.push_str("</h1>\n<p class=\"lead\">");
    let sites = u32::try_from(network.sites.len()).unwrap_or(u32::MAX);
    out.push_str(&escape(&(p.counts)(
        sites,
        network.files.read,
        network.files.left_out,
    )));
    out.push_str("</p>\n");

    // The figures.
    out.push_str("<div class=\"tiles\">\n");
    for state in STATES {
        out.push_str("<div class=\"tile ");
        out.push_str(state_class(Some(state)));
        out.push_str("\"><span class=\"n\">");
        out.push_str(&network.summary.by_state.of(state).to_string());
        out.push_str("</span>");
        out.push_str(&escape((p.label_state)(state)));
        out.push_str("</div>\n");
    }
    let overdue_actions: u32 = network.sites.iter().map(|s| s.overdue_actions).sum();
    out.push_str("<div class=\"tile plain\"><span class=\"n\">");
    out.push_str(&overdue_actions.to_string());
    out.push_str("</span>");
    out.push_str(&escape(p.overdue_actions));
    out.push_str("</div>\n</div>\n");

    // The map beside the calendar.
    out.push_str("<div class=\"overview\">\n<section>\n<h2>");
    out.push_str(&escape(p.map));
    out.push_str("</h2>\n");
    map::write(&mut out, network, language);
    legend_states(&mut out, language);
    out.push_str("<p class=\"notes\">");
    out.push_str(&escape(p.map_caption));
    out.push_str("</p>\n</section>\n<section>\n<h2>");
    out.push_str(&escape(&(p.calendar)(network.horizon_months)));
    out.push_str("</h2>\n");
    calendar(&mut out, network, language);
    out.push_str("</section>\n</div>\n");

    heat_map(&mut out, network, language);
    overdue(&mut out, network, language);
    engagements(&mut out, network, language);
    coverage(&mut out, network, language);
    sites_table(&mut out, network, language);
    problems(&mut out, network, language);

    out.push_str("<div class=\"notes\">\n");
    for note in [
        network.cycle.note(language),
        p.actions_note.to_owned(),
        map::attribution(language).to_owned(),
    ] {
        out.push_str("<p>");
        out.push_str(&escape(&note));
        out.push_str("</p>\n");
    }
    out.push_str("</div>\n");
    crate::report::shell::Shell::end(&mut out);
    out
}

fn legend_states(out: &mut String, language: Language) {
    let p = words(language);
    out.push_str("<ul class=\"legend\">\n");
    for state in STATES {
        out.push_str("<li><span class=\"sw ");
        out.push_str(state_class(Some(state)));
        out.push_str("\"></span>");
        out.push_str(&escape((p.label_state)(state)));
        out.push_str("</li>\n");
    }
    out.push_str("<li><span class=\"sw st-none\"></span>");
    out.push_str(&escape(p.no_site));
    out.push_str("</li>\n<li><span class=\"sw dot st-not-labelled\"></span>");
    out.push_str(&escape(p.sous_prefecture_mark));
    out.push_str("</li>\n</ul>\n");
}

/// The overdue audits the calendar names before it says how many more there are.
const LATE_SHOWN: usize = 8;

/// The calendar: the overdue audits (the first [`LATE_SHOWN`]), then a card per month of the
/// horizon.
fn calendar(out: &mut String, network: &Network, language: Language) {
    let p = words(language);
    let entry = |out: &mut String, due: &super::DueAudit, site: &NetworkSite| {
        out.push_str("<li class=\"");
        out.push_str(due.audit_type.code());
        out.push_str("\" data-site=\"");
        out.push_str(&due.site.to_string());
        out.push_str("\"><span class=\"day\">");
        out.push_str(&escape(&date(due.due, language)));
        out.push_str("</span> ");
        out.push_str(&escape(&site_label(&site.site, language)));
        out.push_str(" · ");
        out.push_str(&escape((p.kind)(false, Some(due.audit_type))));
        out.push_str("</li>\n");
    };
    out.push_str("<div class=\"calendar\">\n");
    let late: Vec<_> = network
        .summary
        .calendar
        .iter()
        .filter(|d| d.overdue)
        .collect();
    if !late.is_empty() {
        out.push_str("<div class=\"month late\"><h4>");
        out.push_str(&escape(p.calendar_overdue));
        out.push_str("</h4><ul>\n");
        // The longest overdue first would hide the months: the first few, then how many more
        // (every one is in the sites' table, marked late).
        for due in late.iter().take(LATE_SHOWN) {
            if let Some(site) = network.sites.get(due.site) {
                entry(out, due, site);
            }
        }
        if late.len() > LATE_SHOWN {
            out.push_str("<li class=\"more\">");
            let more = u32::try_from(late.len() - LATE_SHOWN).unwrap_or(u32::MAX);
            out.push_str(&escape(&(p.more_overdue)(more)));
            out.push_str("</li>\n");
        }
        out.push_str("</ul></div>\n");
    }
    let first = NaiveDate::from_ymd_opt(network.at.year(), network.at.month(), 1);
    for k in 0..network.horizon_months.min(36) {
        let Some(month) = first.and_then(|f| f.checked_add_months(Months::new(k))) else {
            continue;
        };
        out.push_str("<div class=\"month\"><h4>");
        out.push_str(&escape((p.month)(month.month())));
        out.push(' ');
        out.push_str(&month.year().to_string());
        out.push_str("</h4><ul>\n");
        for due in network.summary.calendar.iter().filter(|d| {
            !d.overdue && d.due.year() == month.year() && d.due.month() == month.month()
        }) {
            if let Some(site) = network.sites.get(due.site) {
                entry(out, due, site);
            }
        }
        out.push_str("</ul></div>\n");
    }
    out.push_str("</div>\n");
}

fn verdict_class(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        Some(Verdict::Conformity) => "v-c",
        Some(Verdict::NotApplicable) => "v-na",
        Some(Verdict::MinorNonconformity) => "v-min",
        Some(Verdict::MajorNonconformity) => "v-maj",
        None => "v-unset",
    }
}

/// The heat map: a row per site, a column per engagement, each cell the verdict at the site's
/// last audit that assessed it.
fn heat_map(out: &mut String, network: &Network, language: Language) {
    let p = words(language);
    let mut columns: Vec<(crate::EngagementNumber, crate::ModuleNumber)> = network
        .summary
        .engagements
        .iter()
        .map(|e| (e.engagement, e.module))
        .collect();
    columns.sort();
    if columns.is_empty() {
        return;
    }
    out.push_str("<h2>");
    out.push_str(&escape(p.heat_map));
    out.push_str("</h2>\n<p class=\"notes\">");
    out.push_str(&escape(p.heat_caption));
    out.push_str("</p>\n<ul class=\"legend\">\n");
    for v in [
        Some(Verdict::Conformity),
        Some(Verdict::NotApplicable),
        Some(Verdict::MinorNonconformity),
        Some(Verdict::MajorNonconformity),
        None,
    ] {
        out.push_str("<li><span class=\"sw ");
        out.push_str(verdict_class(v));
        out.push_str("\"></span>");
        out.push_str(&escape(match v {
            Some(v) => v.code(),
            None => p.not_assessed,
        }));
        out.push_str("</li>\n");
    }
    out.push_str("<li><span class=\"sw dot\" style=\"background:#111\"></span>");
    out.push_str(&escape(p.concern_mark));
    out.push_str("</li>\n</ul>\n<table class=\"heat\">\n<thead>\n<tr><th></th>");
    // Module headers over their columns.
    let mut k = 0;
    while let Some(&(_, module)) = columns.get(k) {
        let span = columns
            .iter()
            .skip(k)
            .take_while(|(_, m)| *m == module)
            .count();
        out.push_str("<th class=\"mod\" colspan=\"");
        out.push_str(&span.to_string());
        out.push_str("\">");
        out.push_str(&escape(p.module));
        out.push(' ');
        out.push_str(&module.get().to_string());
        out.push_str("</th>");
        k += span.max(1);
    }
    out.push_str("</tr>\n<tr><th></th>");
    for (e, _) in &columns {
        out.push_str("<th>");
        out.push_str(&e.get().to_string());
        out.push_str("</th>");
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for (i, site) in network.sites.iter().enumerate() {
        out.push_str("<tr data-site=\"");
        out.push_str(&i.to_string());
        out.push_str("\"><th class=\"site\">");
        out.push_str(&escape(&site_label(&site.site, language)));
        out.push_str("</th>");
        let mut previous = None;
        for (e, module) in &columns {
            let cell = site.engagements.iter().find(|c| c.engagement == *e);
            let verdict = cell.and_then(|c| c.verdict);
            let concern = cell.is_some_and(|c| c.concern);
            out.push_str("<td class=\"cell ");
            out.push_str(verdict_class(verdict));
            if concern {
                out.push_str(" ps");
            }
            if previous != Some(*module) {
                out.push_str(" first");
            }
            previous = Some(*module);
            out.push_str("\" title=\"");
            let mut tip = format!(
                "{} — {} {}{}",
                site_label(&site.site, language),
                p.engagement,
                e.get(),
                p.colon
            );
            tip.push_str(verdict.map_or(p.not_assessed, Verdict::code));
            if let Some(a) = cell.and_then(|c| site.audits.get(c.audit)) {
                tip.push_str(" (");
                tip.push_str(&date(a.dates.end, language));
                tip.push(')');
            }
            if concern {
                tip.push_str(", ");
                tip.push_str(p.concern_mark);
            }
            out.push_str(&escape(&tip));
            out.push_str("\"></td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn overdue(out: &mut String, network: &Network, language: Language) {
    let p = words(language);
    out.push_str("<h2>");
    out.push_str(&escape(p.overdue_sites));
    out.push_str("</h2>\n");
    if network.summary.overdue.is_empty() {
        out.push_str("<p>");
        out.push_str(&escape(p.nothing));
        out.push_str("</p>\n");
        return;
    }
    out.push_str("<table class=\"overdue\">\n<thead><tr>");
    for h in [p.site, p.engagement, p.finding, p.leader, p.due] {
        th(out, h, false);
    }
    th(out, p.days_late, true);
    out.push_str("</tr></thead>\n<tbody>\n");
    for o in &network.summary.overdue {
        let Some(site) = network.sites.get(o.site) else {
            continue;
        };
        for a in site
            .actions
            .iter()
            .filter(|a| a.standing == Standing::Overdue)
        {
            out.push_str("<tr data-site=\"");
            out.push_str(&o.site.to_string());
            out.push_str("\">");
            td(out, &site_label(&site.site, language), "");
            td(out, &rows::target(a, language), "");
            td(out, &a.entry.finding, "");
            td(out, a.entry.leader.as_deref().unwrap_or(p.none), "");
            td(
                out,
                &a.entry
                    .due
                    .map_or_else(|| p.none.to_owned(), |d| date(d, language)),
                "late",
            );
            td(
                out,
                &a.days_left.map_or_else(String::new, |d| (-d).to_string()),
                "num",
            );
            out.push_str("</tr>\n");
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

fn engagements(out: &mut String, network: &Network, language: Language) {
    let p = words(language);
    out.push_str("<h2>");
    out.push_str(&escape(p.engagements));
    out.push_str("</h2>\n");
    let years: std::collections::BTreeSet<i32> = network
        .summary
        .engagements
        .iter()
        .flat_map(|e| e.years.iter().map(|y| y.year))
        .collect();
    let most = network
        .summary
        .engagements
        .iter()
        .map(super::EngagementTally::weakness)
        .max()
        .unwrap_or(0)
        .max(1);
    out.push_str("<table class=\"engagements\">\n<thead><tr>");
    th(out, p.module, true);
    th(out, p.engagement, true);
    th(out, p.title_column, false);
    th(out, "NC min", true);
    th(out, "NC Maj", true);
    th(out, p.concerns, true);
    th(out, p.assessed, true);
    th(out, "", false);
    for y in &years {
        th(
            out,
            &format!("{} / {} {y}", p.nonconforming, p.concerns),
            true,
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for e in &network.summary.engagements {
        out.push_str("<tr>");
        td(out, &e.module.get().to_string(), "num");
        td(out, &e.engagement.get().to_string(), "num");
        td(out, &e.title, "");
        td(out, &e.minor.to_string(), "num");
        td(out, &e.major.to_string(), "num");
        td(out, &e.concerns.to_string(), "num");
        td(out, &e.assessed.to_string(), "num");
        // A bar of nonconformities, then of points sensibles, on the same scale.
        out.push_str("<td>");
        let width = |n: u32| (f64::from(n) * 90.0 / f64::from(most)).round();
        let _ = write!(
            out,
            "<span class=\"bar\" style=\"width:{}px\"></span><span class=\"bar ps\" style=\"width:{}px\"></span>",
            width(e.minor + e.major),
            width(e.concerns)
        );
        out.push_str("</td>");
        for y in &years {
            let t = e.years.iter().find(|t| t.year == *y);
            td(
                out,
                &t.map_or_else(String::new, |t| {
                    format!("{} / {}", t.nonconforming, t.concerns)
                }),
                "num",
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn coverage(out: &mut String, network: &Network, language: Language) {
    let p = words(language);
    out.push_str("<h2>");
    out.push_str(&escape(p.coverage));
    out.push_str("</h2>\n<table class=\"coverage\">\n<thead><tr>");
    th(out, p.module, true);
    th(out, p.title_column, false);
    th(out, p.count, true);
    th(out, p.holders, false);
    out.push_str("</tr></thead>\n<tbody>\n");
    for c in &network.summary.coverage {
        out.push_str("<tr>");
        td(out, &c.module.get().to_string(), "num");
        td(out, &c.title, "");
        td(out, &c.sites.len().to_string(), "num");
        td(out, &rows::site_list(network, &c.sites, language), "");
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn sites_table(out: &mut String, network: &Network, language: Language) {
    let p = words(language);
    out.push_str("<h2>");
    out.push_str(&escape(p.sites));
    out.push_str("</h2>\n<table class=\"sites\">\n<thead><tr>");
    for h in [
        p.site,
        p.state,
        p.modules,
        p.until,
        p.last_audit,
        p.rate,
        p.next_audit,
    ] {
        th(out, h, false);
    }
    th(out, p.open_actions, true);
    th(out, p.overdue_actions, true);
    out.push_str("</tr></thead>\n<tbody>\n");
    for (i, site) in network.sites.iter().enumerate() {
        out.push_str("<tr class=\"site\" data-site=\"");
        out.push_str(&i.to_string());
        out.push_str("\">");
        td(out, &site_label(&site.site, language), "");
        out.push_str("<td class=\"state ");
        out.push_str(state_class(Some(site.status.state)));
        out.push_str("\">");
        out.push_str(&escape((p.label_state)(site.status.state)));
        out.push_str("</td>");
        td(out, &rows::modules(site, language), "");
        td(
            out,
            &site
                .status
                .modules
                .first()
                .map_or_else(|| p.none.to_owned(), |m| date(m.until, language)),
            "",
        );
        td(out, &rows::last_audit(site, language), "");
        td(out, &rows::rate(site, language), "");
        td(
            out,
            &rows::next_audit(site, language),
            if site.status.next.is_some_and(|n| n.overdue) {
                "late"
            } else {
                ""
            },
        );
        td(out, &site.open_actions.to_string(), "num");
        td(
            out,
            &site.overdue_actions.to_string(),
            if site.overdue_actions > 0 {
                "num late"
            } else {
                "num"
            },
        );
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn problems(out: &mut String, network: &Network, language: Language) {
    let p = words(language);
    if network.problems.is_empty() {
        return;
    }
    out.push_str("<h2>");
    out.push_str(&escape(p.problems));
    out.push_str("</h2>\n<table class=\"problems\">\n<thead><tr>");
    th(out, p.file, false);
    th(out, "", false);
    out.push_str("</tr></thead>\n<tbody>\n");
    for problem in &network.problems {
        out.push_str("<tr>");
        td(out, &problem.file, "");
        td(out, &problem.message_in(language), "");
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn th(out: &mut String, text: &str, num: bool) {
    out.push_str(if num { "<th class=\"num\">" } else { "<th>" });
    out.push_str(&escape(text));
    out.push_str("</th>");
}

fn td(out: &mut String, text: &str, class: &str) {
    if class.is_empty() {
        out.push_str("<td>");
    } else {
        out.push_str("<td class=\"");
        out.push_str(class);
        out.push_str("\">");
    }
    out.push_str(&escape(text));
    out.push_str("</td>");
}
