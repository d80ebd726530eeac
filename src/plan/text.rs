//! The plan as plain text, and the wording the other writers share.

use super::{Plan, PlanAction, PreventiveAction, Standing};
use crate::i18n::{push_date, push_number};
use crate::{ActionStatus, DueSource, Language, NaiveDate, Source};

/// The standings in the order the writers list them.
pub(super) const STANDINGS: [Standing; 4] = [
    Standing::Overdue,
    Standing::DueSoon,
    Standing::Open,
    Standing::Lifted,
];

/// `Plan d'actions correctives au 01/03/2020`.
pub(super) fn title(plan: &Plan, language: Language) -> String {
    let p = super::phrases::of(language);
    let mut out = String::with_capacity(48);
    out.push_str(p.title);
    out.push_str(p.at);
    push_date(&mut out, plan.at, language);
    out
}

/// `PREFECTURE du Var — Audit interne réalisé en amont d'un audit initial, dernier jour le
/// 18/11/2019`.
pub(super) fn audit_label(plan: &Plan, index: usize, language: Language) -> String {
    let Some(audit) = plan.audits.get(index) else {
        return String::new();
    };
    let mut out = String::with_capacity(96);
    out.push_str(crate::i18n::site_name(&audit.site, language));
    out.push_str(" — ");
    (language.engine().audit_kind)(&mut out, audit.kind.internal, audit.kind.audit_type);
    out.push_str(super::phrases::of(language).audit_end);
    push_date(&mut out, audit.dates.end, language);
    if audit.after_date {
        out.push_str(super::phrases::of(language).after_date);
    }
    out
}

/// `Engagement 17 « title »`, `PILOTAGE DE LA POLITIQUE QUALITE, point 5 « title »`.
pub(super) fn source_label(source: Source, title: &str, language: Language) -> String {
    let phrases = language.phrases();
    let (e, p) = (language.engine(), super::phrases::of(language));
    let mut out = String::with_capacity(title.len() + 48);
    match source {
        Source::Engagement(n) => {
            out.push_str(e.engagement);
            push_number(&mut out, n.get().into());
        }
        Source::Management(id) => {
            out.push_str((phrases.common.management_section)(id.section));
            out.push_str(e.management_item);
            push_number(&mut out, id.item.into());
        }
        Source::Remote {
            channel,
            engagement,
        } => {
            out.push_str(e.remote_check);
            out.push_str((phrases.common.remote_channel)(channel));
            out.push_str(e.remote_engagement);
            push_number(&mut out, engagement.get().into());
        }
    }
    if !title.is_empty() {
        out.push_str(p.open_quote);
        out.push_str(title);
        out.push_str(p.close_quote);
    }
    out
}

/// The action's target, with `(sans fiche d'écart)` when no fiche records it.
pub(super) fn target_label(a: &PlanAction, language: Language) -> String {
    let mut out = source_label(super::ecart_source(a.target), &a.title, language);
    if !a.has_fiche {
        out.push_str(super::phrases::of(language).no_fiche);
    }
    out
}

/// `18/12/2019 (politique : 1 mois après la fin de l'audit) — en retard de 28 jours`.
pub(super) fn due_label(plan: &Plan, a: &PlanAction, language: Language) -> String {
    let p = super::phrases::of(language);
    let Some(due) = a.due else {
        return p.no_due.to_owned();
    };
    let mut out = String::with_capacity(96);
    push_date(&mut out, due, language);
    out.push_str(" (");
    match a.due_source {
        DueSource::Fiche | DueSource::ExternalAudit => out.push_str(p.due_from_fiche),
        DueSource::Policy => {
            let months = match a.grade {
                crate::NcGrade::Minor => plan.policy.deadline_months,
                crate::NcGrade::Major => plan.policy.major_deadline_months,
            };
            out.push_str(&(p.due_from_policy)(months));
        }
    }
    out.push(')');
    if let Some(days) = a.days_left {
        out.push_str(" — ");
        out.push_str(&(p.days)(days));
    }
    out
}

/// The cells of an action's row in the Markdown and HTML tables: grade, target, finding,
/// action, leader, due date, state, and the audit (site and day) when the plan has several.
pub(super) fn action_cells<'a>(
    plan: &Plan,
    a: &'a PlanAction,
    several: bool,
    language: Language,
) -> Vec<std::borrow::Cow<'a, str>> {
    use std::borrow::Cow;
    let p = super::phrases::of(language);
    let mut cells = vec![
        Cow::Borrowed(a.grade.code()),
        Cow::Owned(target_label(a, language)),
        Cow::Borrowed(or(Some(&a.finding), p.not_stated)),
        Cow::Borrowed(or(a.action.as_deref(), p.no_action)),
        Cow::Borrowed(or(a.leader.as_deref(), p.no_leader)),
        Cow::Owned(due_label(plan, a, language)),
        Cow::Owned(status_label(&a.status, plan.at, language)),
    ];
    if several {
        cells.push(Cow::Owned(audit_of(plan, a.audit, language)));
    }
    cells
}

/// `levée le 02/03/2020 — Preuve : …`, `en cours`; a state checked after the plan's date
/// `at` comes after the state at that date: `ouverte à cette date ; par la suite levée le …`.
pub(super) fn status_label(status: &ActionStatus, at: NaiveDate, language: Language) -> String {
    let p = super::phrases::of(language);
    let mut out = String::new();
    if status.checked_on().is_some_and(|on| on > at) {
        out.push_str((p.state)(&ActionStatus::Open));
        out.push_str(p.later);
    }
    out.push_str((p.state)(status));
    if let Some(on) = status.checked_on() {
        out.push_str(p.on);
        push_date(&mut out, on, language);
    }
    let note = status.note();
    if !note.is_empty() {
        out.push_str(" — ");
        out.push_str(match status {
            ActionStatus::NotLifted { .. } => p.reason,
            _ => p.evidence,
        });
        out.push_str(p.colon);
        out.push_str(note);
    }
    out
}

/// A text, or what stands for it when empty.
pub(super) fn or<'t>(text: Option<&'t str>, missing: &'t str) -> &'t str {
    text.filter(|t| !t.trim().is_empty()).unwrap_or(missing)
}

/// The label of a preventive action: its source and, with several audits, its audit.
pub(super) fn preventive_label(plan: &Plan, a: &PreventiveAction, language: Language) -> String {
    let mut out = source_label(a.source, &a.title, language);
    if plan.audits.len() > 1 {
        out.push_str(" — ");
        out.push_str(&audit_of(plan, a.audit, language));
    }
    out
}

/// Which audit an action comes from, when the plan has several: `PREFECTURE du Var, audit du
/// 18/11/2019` (the site and the audit's first day).
pub(super) fn audit_of(plan: &Plan, index: usize, language: Language) -> String {
    let Some(audit) = plan.audits.get(index) else {
        return String::new();
    };
    let mut out = String::from(crate::i18n::site_name(&audit.site, language));
    out.push_str(super::phrases::of(language).audit_of);
    push_date(&mut out, audit.dates.start, language);
    out
}

fn field(out: &mut String, label: &str, colon: &str, value: &str) {
    out.push_str("  ");
    out.push_str(label);
    out.push_str(colon);
    out.push_str(value);
    out.push('\n');
}

/// Writes the plan as plain text.
pub(super) fn write(plan: &Plan, language: Language) -> String {
    let p = super::phrases::of(language);
    let mut out = String::with_capacity(1024 + plan.actions.len() * 512);
    out.push_str(&title(plan, language).to_uppercase());
    out.push_str("\n\n");
    out.push_str(p.audits);
    out.push_str(p.colon.trim_end());
    out.push('\n');
    for index in 0..plan.audits.len() {
        out.push_str("- ");
        out.push_str(&audit_label(plan, index, language));
        out.push('\n');
    }
    out.push_str(&(p.policy)(
        plan.policy.deadline_months,
        plan.policy.major_deadline_months,
    ));
    out.push('\n');
    out.push_str(&(p.totals)(&plan.totals, plan.due_soon_days));
    out.push('\n');
    if plan.actions.is_empty() {
        out.push('\n');
        out.push_str(p.none);
        out.push('\n');
    }
    for standing in STANDINGS {
        let mut actions = plan.actions_of(standing).peekable();
        if actions.peek().is_none() {
            continue;
        }
        out.push('\n');
        out.push_str(&(p.standing)(standing).to_uppercase());
        out.push('\n');
        for a in actions {
            out.push_str("- ");
            out.push_str(a.grade.code());
            out.push_str(" — ");
            out.push_str(&target_label(a, language));
            if plan.audits.len() > 1 {
                out.push_str(" — ");
                out.push_str(&audit_of(plan, a.audit, language));
            }
            out.push('\n');
            field(
                &mut out,
                p.finding,
                p.colon,
                or(Some(&a.finding), p.not_stated),
            );
            if !a.requirement.is_empty() {
                field(&mut out, p.requirement, p.colon, &a.requirement);
            }
            field(
                &mut out,
                p.action,
                p.colon,
                or(a.action.as_deref(), p.no_action),
            );
            field(
                &mut out,
                p.leader,
                p.colon,
                or(a.leader.as_deref(), p.no_leader),
            );
            field(&mut out, p.due, p.colon, &due_label(plan, a, language));
            field(
                &mut out,
                p.status,
                p.colon,
                &status_label(&a.status, plan.at, language),
            );
        }
    }
    out.push('\n');
    out.push_str(&p.preventive.to_uppercase());
    out.push('\n');
    if plan.preventive.is_empty() {
        out.push_str(p.no_preventive);
        out.push('\n');
    }
    for a in &plan.preventive {
        out.push_str("- ");
        out.push_str(&preventive_label(plan, a, language));
        out.push('\n');
        field(&mut out, p.point, p.colon, &a.text);
        field(
            &mut out,
            p.risk,
            p.colon,
            or(a.risk.as_deref(), p.not_stated),
        );
    }
    out
}
