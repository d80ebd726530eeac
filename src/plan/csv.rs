//! The plan as one CSV table, in codes and ISO dates.

use super::Plan;
use crate::EcartTarget;
use crate::Source;

/// The columns of [`Plan::to_csv`], in order:
///
/// - `kind`: `corrective` or `preventive`;
/// - `site`, `audit` (its index in the plan's audits), `audit_type` (`initial`, … or empty),
///   `internal` (`true`/`false`), `audit_end` (`YYYY-MM-DD`);
/// - `target`: an engagement number, `pilotage N` / `labellisation N`, or for a point sensible
///   on a remote check `internet 17` (channel and engagement); `title`;
/// - `grade` (`NC min`, `NC Maj`; empty for a preventive action), `finding` (the point sensible's
///   text for a preventive action), `requirement`, `risk`, `action`, `leader`;
/// - `due`, `due_source` (`fiche`, `policy`), `standing` (`overdue`, `due_soon`, `open`,
///   `lifted`), `days_left`;
/// - `state` (`open`, `in_progress`, `lifted`, `not_lifted`), `state_on`, `state_note` (the
///   evidence or the reason), `has_fiche` (`true`/`false`).
pub const CSV_COLUMNS: [&str; 22] = [
    "kind",
    "site",
    "audit",
    "audit_type",
    "internal",
    "audit_end",
    "target",
    "title",
    "grade",
    "finding",
    "requirement",
    "risk",
    "action",
    "leader",
    "due",
    "due_source",
    "standing",
    "days_left",
    "state",
    "state_on",
    "state_note",
    "has_fiche",
];

/// Writes one field, quoted when it holds the separator, a quote or a line break (or starts or
/// ends with a blank, which spreadsheet programs would drop), and with a `'` before a text a
/// spreadsheet would open as a formula (`=`, `+`, `-`, `@`…).
fn push_field(out: &mut String, field: &str) {
    let field = &*crate::text::csv_neutralise(field);
    let quote = field.contains([';', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if quote {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

fn push_record(out: &mut String, fields: &[String]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        push_field(out, f);
    }
    out.push_str("\r\n");
}

fn target(target: EcartTarget) -> String {
    match target {
        EcartTarget::Engagement(n) => n.get().to_string(),
        EcartTarget::Management(id) => id.to_string(),
    }
}

fn source(source: Source) -> String {
    match source {
        Source::Engagement(n) => n.get().to_string(),
        Source::Management(id) => id.to_string(),
        Source::Remote {
            channel,
            engagement,
        } => format!("{} {}", channel.code(), engagement.get()),
    }
}

fn iso(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The audit columns of the audit `index`: index, type, internal, last day.
fn audit(plan: &Plan, index: usize) -> [String; 4] {
    let audit = plan.audits.get(index);
    [
        index.to_string(),
        audit
            .and_then(|a| a.kind.audit_type)
            .map(|t| t.code().to_owned())
            .unwrap_or_default(),
        audit.is_some_and(|a| a.kind.internal).to_string(),
        iso(audit.map(|a| a.dates.end)),
    ]
}

/// Writes the plan as CSV.
pub(super) fn write(plan: &Plan) -> String {
    let mut out = String::with_capacity(512 + plan.actions.len() * 384);
    out.push('\u{feff}');
    let head: Vec<String> = CSV_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    push_record(&mut out, &head);
    for a in &plan.actions {
        let [index, kind, internal, end] = audit(plan, a.audit);
        push_record(
            &mut out,
            &[
                "corrective".to_owned(),
                a.site.clone(),
                index,
                kind,
                internal,
                end,
                target(a.target),
                a.title.clone(),
                a.grade.code().to_owned(),
                a.finding.clone(),
                a.requirement.clone(),
                String::new(),
                a.action.clone().unwrap_or_default(),
                a.leader.clone().unwrap_or_default(),
                iso(a.due),
                a.due_source.code().to_owned(),
                a.standing.code().to_owned(),
                a.days_left.map(|d| d.to_string()).unwrap_or_default(),
                a.status.code().to_owned(),
                iso(a.status.checked_on()),
                a.status.note().to_owned(),
                a.has_fiche.to_string(),
            ],
        );
    }
    for a in &plan.preventive {
        let [index, kind, internal, end] = audit(plan, a.audit);
        let mut record = vec![
            "preventive".to_owned(),
            a.site.clone(),
            index,
            kind,
            internal,
            end,
            source(a.source),
            a.title.clone(),
            String::new(),
            a.text.clone(),
            String::new(),
            a.risk.clone().unwrap_or_default(),
        ];
        record.resize(CSV_COLUMNS.len(), String::new());
        push_record(&mut out, &record);
    }
    out
}
