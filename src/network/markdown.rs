//! The network as Markdown: the summary, then a table per site; every data text escaped as the
//! report's Markdown escapes it.

use super::Network;
use super::rows::{self, date, site_label, words};
use crate::report::markdown::escape;
use crate::{LabelState, Language};

/// Writes `network` as Markdown in `language`.
pub(super) fn write(network: &Network, language: Language) -> String {
    let p = words(language);
    let mut out = String::with_capacity(4096 + network.sites.len() * 640);
    out.push_str("# ");
    out.push_str(&escape(&(p.title_at)(&date(network.at, language))));
    out.push_str("\n\n");
    let sites = u32::try_from(network.sites.len()).unwrap_or(u32::MAX);
    out.push_str(&escape(&(p.counts)(
        sites,
        network.files.read,
        network.files.left_out,
    )));
    out.push_str("\n\n## ");
    out.push_str(&escape(p.summary));
    out.push_str("\n\n### ");
    out.push_str(&escape(p.by_state));
    out.push_str("\n\n");
    row(&mut out, &[p.state, p.count]);
    out.push_str("|---|---:|\n");
    for state in [
        LabelState::Labelled,
        LabelState::Suspended,
        LabelState::Expired,
        LabelState::NotLabelled,
    ] {
        row(
            &mut out,
            &[
                (p.label_state)(state),
                &network.summary.by_state.of(state).to_string(),
            ],
        );
    }

    out.push_str("\n### ");
    out.push_str(&escape(&(p.calendar)(network.horizon_months)));
    out.push_str("\n\n");
    if network.summary.calendar.is_empty() {
        out.push_str(&escape(p.nothing));
        out.push('\n');
    } else {
        row(&mut out, &[p.due, p.next_audit, p.site, p.window]);
        out.push_str("|---|---|---|---|\n");
        for due in &network.summary.calendar {
            let Some(site) = network.sites.get(due.site) else {
                continue;
            };
            let mut when = date(due.due, language);
            if due.overdue {
                when.push_str(" (");
                when.push_str(p.overdue);
                when.push(')');
            }
            row(
                &mut out,
                &[
                    &when,
                    (p.kind)(false, Some(due.audit_type)),
                    &site_label(&site.site, language),
                    &rows::window(due.window_start, due.window_end, language),
                ],
            );
        }
    }

    out.push_str("\n### ");
    out.push_str(&escape(p.overdue_sites));
    out.push_str("\n\n");
    if network.summary.overdue.is_empty() {
        out.push_str(&escape(p.nothing));
        out.push('\n');
    } else {
        row(&mut out, &[p.site, p.oldest_due, p.overdue_actions]);
        out.push_str("|---|---|---:|\n");
        for o in &network.summary.overdue {
            let Some(site) = network.sites.get(o.site) else {
                continue;
            };
            row(
                &mut out,
                &[
                    &site_label(&site.site, language),
                    &date(o.oldest_due, language),
                    &o.actions.to_string(),
                ],
            );
        }
    }

    out.push_str("\n### ");
    out.push_str(&escape(p.engagements));
    out.push_str("\n\n");
    row(
        &mut out,
        &[
            p.module,
            p.engagement,
            p.title_column,
            "NC min",
            "NC Maj",
            p.concerns,
            p.assessed,
        ],
    );
    out.push_str("|---:|---:|---|---:|---:|---:|---:|\n");
    for e in &network.summary.engagements {
        row(
            &mut out,
            &[
                &e.module.get().to_string(),
                &e.engagement.get().to_string(),
                &e.title,
                &e.minor.to_string(),
                &e.major.to_string(),
                &e.concerns.to_string(),
                &e.assessed.to_string(),
            ],
        );
    }

    out.push_str("\n### ");
    out.push_str(&escape(p.coverage));
    out.push_str("\n\n");
    row(&mut out, &[p.module, p.title_column, p.count, p.holders]);
    out.push_str("|---:|---|---:|---|\n");
    for c in &network.summary.coverage {
        row(
            &mut out,
            &[
                &c.module.get().to_string(),
                &c.title,
                &c.sites.len().to_string(),
                &rows::site_list(network, &c.sites, language),
            ],
        );
    }

    if !network.problems.is_empty() {
        out.push_str("\n### ");
        out.push_str(&escape(p.problems));
        out.push_str("\n\n");
        for problem in &network.problems {
            out.push_str("- ");
            out.push_str(&escape(&problem.file));
            out.push_str(&escape(p.colon));
            out.push_str(&escape(&problem.message_in(language)));
            out.push('\n');
        }
    }

    out.push('\n');
    for note in [network.cycle.note(language), p.actions_note.to_owned()] {
        out.push_str(&escape(&note));
        out.push_str("\n\n");
    }

    out.push_str("## ");
    out.push_str(&escape(p.sites));
    out.push('\n');
    for site in &network.sites {
        out.push_str("\n### ");
        out.push_str(&escape(&site_label(&site.site, language)));
        out.push_str("\n\n");
        row(&mut out, &[p.field, p.value]);
        out.push_str("|---|---|\n");
        for (label, value) in rows::site_rows(site, language) {
            row(&mut out, &[label, &value]);
        }
        if !site.actions.is_empty() {
            out.push('\n');
            for a in &site.actions {
                out.push_str("- ");
                out.push_str(&escape(&rows::action_line(a, language)));
                out.push('\n');
            }
        }
    }
    out
}

/// A table row, every cell escaped (`|` and line breaks included).
fn row(out: &mut String, cells: &[&str]) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        out.push_str(&escape(cell));
        out.push_str(" |");
    }
    out.push('\n');
}
