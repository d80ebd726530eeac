//! The network as plain text: the summary, then a table per site.

use std::fmt::Write as _;

use super::Network;
use super::rows::{self, date, site_label, words};
use crate::{LabelState, Language};

/// Writes `network` as text in `language`.
pub(super) fn write(network: &Network, language: Language) -> String {
    let p = words(language);
    let mut out = String::with_capacity(2048 + network.sites.len() * 512);
    let title = (p.title_at)(&date(network.at, language));
    heading(&mut out, &title, '=');
    let sites = u32::try_from(network.sites.len()).unwrap_or(u32::MAX);
    out.push_str(&(p.counts)(
        sites,
        network.files.read,
        network.files.left_out,
    ));
    out.push_str("\n\n");

    heading(&mut out, p.by_state, '-');
    for state in [
        LabelState::Labelled,
        LabelState::Suspended,
        LabelState::Expired,
        LabelState::NotLabelled,
    ] {
        line(
            &mut out,
            (p.label_state)(state),
            p.colon,
            &network.summary.by_state.of(state).to_string(),
        );
    }
    out.push('\n');

    heading(&mut out, &(p.calendar)(network.horizon_months), '-');
    if network.summary.calendar.is_empty() {
        out.push_str(p.nothing);
        out.push('\n');
    }
    for due in &network.summary.calendar {
        let Some(site) = network.sites.get(due.site) else {
            continue;
        };
        out.push_str(&date(due.due, language));
        out.push_str("  ");
        out.push_str((p.kind)(false, Some(due.audit_type)));
        out.push_str("  ");
        out.push_str(&site_label(&site.site, language));
        if due.overdue {
            out.push_str("  (");
            out.push_str(p.overdue);
            out.push(')');
        }
        out.push('\n');
    }
    out.push('\n');

    heading(&mut out, p.overdue_sites, '-');
    if network.summary.overdue.is_empty() {
        out.push_str(p.nothing);
        out.push('\n');
    }
    for o in &network.summary.overdue {
        let Some(site) = network.sites.get(o.site) else {
            continue;
        };
        out.push_str(&site_label(&site.site, language));
        out.push_str(p.colon);
        let _ = write!(
            out,
            "{} {}, {} {}",
            o.actions,
            p.overdue,
            p.oldest_due.to_lowercase(),
            date(o.oldest_due, language)
        );
        out.push('\n');
        for a in site
            .actions
            .iter()
            .filter(|a| a.standing == crate::plan::Standing::Overdue)
        {
            out.push_str("  - ");
            out.push_str(&rows::action_line(a, language));
            out.push('\n');
        }
    }
    out.push('\n');

    heading(&mut out, p.engagements, '-');
    let weak: Vec<_> = network
        .summary
        .engagements
        .iter()
        .filter(|e| e.weakness() > 0)
        .collect();
    if weak.is_empty() {
        out.push_str(p.nothing);
        out.push('\n');
    }
    for e in weak {
        let _ = writeln!(
            out,
            "{} {} {}. {}{}NC min {}, NC Maj {}, {} {}, {} {}",
            p.module,
            e.module.get(),
            e.engagement.get(),
            e.title,
            p.colon,
            e.minor,
            e.major,
            p.concerns,
            e.concerns,
            p.assessed.to_lowercase(),
            e.assessed
        );
    }
    out.push('\n');

    heading(&mut out, p.coverage, '-');
    for c in &network.summary.coverage {
        let _ = write!(
            out,
            "{} {} {}{}{}{}",
            p.module,
            c.module.get(),
            c.title,
            p.colon,
            (p.sites_count)(u32::try_from(c.sites.len()).unwrap_or(u32::MAX)),
            if c.sites.is_empty() { "" } else { " — " }
        );
        if !c.sites.is_empty() {
            out.push_str(&rows::site_list(network, &c.sites, language));
        }
        out.push('\n');
    }
    out.push('\n');

    if !network.problems.is_empty() {
        heading(&mut out, p.problems, '-');
        for problem in &network.problems {
            out.push_str(&problem.file);
            out.push_str(p.colon);
            out.push_str(&problem.message_in(language));
            out.push('\n');
        }
        out.push('\n');
    }

    out.push_str(&network.cycle.note(language));
    out.push('\n');
    out.push_str(p.actions_note);
    out.push_str("\n\n");

    heading(&mut out, p.sites, '=');
    for site in &network.sites {
        heading(&mut out, &site_label(&site.site, language), '-');
        let table = rows::site_rows(site, language);
        let width = table
            .iter()
            .map(|(label, _)| label.chars().count())
            .max()
            .unwrap_or(0);
        for (label, value) in &table {
            out.push_str(label);
            for _ in label.chars().count()..width {
                out.push(' ');
            }
            out.push_str(p.colon);
            out.push_str(value);
            out.push('\n');
        }
        for a in &site.actions {
            out.push_str("  - ");
            out.push_str(&rows::action_line(a, language));
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

fn heading(out: &mut String, text: &str, rule: char) {
    out.push_str(text);
    out.push('\n');
    for _ in 0..text.chars().count() {
        out.push(rule);
    }
    out.push('\n');
}

fn line(out: &mut String, label: &str, colon: &str, value: &str) {
    out.push_str(label);
    out.push_str(colon);
    out.push_str(value);
    out.push('\n');
}
