//! The grid as one flat CSV table (feature `csv`): a row per cover field, auditor, assessment,
//! management item, remote check, observation, fiche d'écart and conclusion paragraph, told
//! apart by the `kind` column; `;` separated, UTF-8 with a byte-order mark, as French
//! spreadsheet programs expect.
//!
//! Reading goes through the same reader as the workbook: the rows are laid out as the grid's
//! sheets, and each diagnostic is given back the CSV line and column it came from.

use crate::grid::contract::Tally;
use crate::grid::layout::{self, cover};
use crate::grid::limits::{MAX_ROWS, refused, thousands};
use crate::{Audit, EcartTarget, Error, Observation, Referentiel};

/// The columns, in order.
pub(crate) const COLUMNS: [&str; WIDTH] = [
    "kind",
    "field",
    "module",
    "engagement",
    "management",
    "channel",
    "verdict",
    "observation",
    "text",
    "risk",
    "comment",
    "requirement",
    "action",
    "phone",
    "email",
    "date",
    "leader",
    "status",
    "status_date",
    "status_note",
    "evidence",
    "number",
    "cause",
    "response",
];

/// The number of columns; the last four (`evidence`, `number`, `cause`, `response`) are new in
/// 0.3: a table of version 0.2 lacks them and reads the same, its columns found by name.
pub(crate) const WIDTH: usize = 24;

// The columns of the table, by index into `COLUMNS` (shared with the reader).
const KIND: usize = 0;
pub(super) const FIELD: usize = 1;
pub(super) const MODULE: usize = 2;
pub(super) const ENGAGEMENT: usize = 3;
pub(super) const MANAGEMENT: usize = 4;
pub(super) const CHANNEL: usize = 5;
pub(super) const VERDICT: usize = 6;
pub(super) const OBSERVATION: usize = 7;
pub(super) const TEXT: usize = 8;
pub(super) const RISK: usize = 9;
pub(super) const COMMENT: usize = 10;
pub(super) const REQUIREMENT: usize = 11;
pub(super) const ACTION: usize = 12;
pub(super) const PHONE: usize = 13;
pub(super) const EMAIL: usize = 14;
pub(super) const DATE: usize = 15;
pub(super) const LEADER: usize = 16;
pub(super) const STATUS: usize = 17;
pub(super) const STATUS_DATE: usize = 18;
pub(super) const STATUS_NOTE: usize = 19;
pub(super) const EVIDENCE: usize = 20;
pub(super) const NUMBER: usize = 21;
pub(super) const CAUSE: usize = 22;
pub(super) const RESPONSE: usize = 23;

/// The cover fields: CSV name and page de garde label.
pub(crate) const FIELDS: [(&str, &str); 20] = [
    ("administration", cover::ADMINISTRATION),
    ("site_name", cover::NAME),
    ("departement", cover::DEPARTEMENT),
    ("city", cover::CITY),
    ("audit_type", cover::AUDIT_TYPE),
    ("internal", cover::INTERNAL),
    ("referentiel", cover::REFERENTIEL),
    ("referentiel_label", cover::REFERENTIEL_LABEL),
    ("start", cover::START),
    ("end", cover::END),
    ("external_on", cover::EXTERNAL_ON),
    ("labelling_decided_on", cover::DECIDED_ON),
    ("labelling_plan_accepted_on", cover::PLAN_ACCEPTED_ON),
    ("modules", cover::MODULES),
    ("population", cover::POPULATION),
    ("communes", cover::COMMUNES),
    ("arrondissements", cover::ARRONDISSEMENTS),
    ("staff", cover::STAFF),
    ("organisation", cover::ORGANISATION),
    ("history", cover::HISTORY),
];

/// The conclusion sections' CSV names, in the order of the conclusion sheet's sections.
pub(crate) const SECTIONS: [&str; 9] = layout::CONCLUSION_FIELDS;

type Record = [String; WIDTH];

fn record(kind: &str) -> Record {
    let mut r: Record = Default::default();
    kind.clone_into(&mut r[KIND]);
    r
}

fn field(name: &str, value: impl Into<String>) -> Record {
    let mut r = record("field");
    name.clone_into(&mut r[FIELD]);
    r[TEXT] = value.into();
    r
}

fn observation_records(base: &Record, observations: &[Observation]) -> Vec<Record> {
    observations
        .iter()
        .map(|o| {
            let mut r = base.clone();
            "observation".clone_into(&mut r[KIND]);
            o.kind.code().clone_into(&mut r[OBSERVATION]);
            r[TEXT].clone_from(&o.text);
            r[RISK] = o.risk.clone().unwrap_or_default();
            r
        })
        .collect()
}

/// The rows of `audit`.
fn records(audit: &Audit, referentiel: &Referentiel) -> Vec<Record> {
    let mut out = vec![
        field("format", layout::FORMAT),
        field("grid_referentiel", referentiel.id()),
    ];
    let site = &audit.site;
    let date = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let figures = audit.context.figures;
    let figure = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    let values = [
        site.administration.code().to_owned(),
        site.name.clone().unwrap_or_default(),
        site.departement.to_string(),
        site.city.clone(),
        audit
            .kind
            .audit_type
            .map(|t| t.code().to_owned())
            .unwrap_or_default(),
        if audit.kind.internal { "oui" } else { "non" }.to_owned(),
        audit.referentiel.id.clone(),
        audit.referentiel.label.clone().unwrap_or_default(),
        date(audit.dates.start),
        date(audit.dates.end),
        audit.kind.external_on.map(date).unwrap_or_default(),
        audit
            .labelling
            .map(|l| date(l.decided_on))
            .unwrap_or_default(),
        audit
            .labelling
            .and_then(|l| l.plan_accepted_on)
            .map(date)
            .unwrap_or_default(),
        audit
            .modules
            .iter()
            .map(|m| m.get().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        figure(figures.population),
        figure(figures.communes.map(u64::from)),
        figure(figures.arrondissements.map(u64::from)),
        figure(figures.staff.map(u64::from)),
    ];
    for ((name, _), value) in FIELDS.iter().zip(values) {
        if !value.is_empty() {
            out.push(field(name, value));
        }
    }
    for p in &audit.context.organisation {
        out.push(field("organisation", p.clone()));
    }
    for p in &audit.context.history {
        out.push(field("history", p.clone()));
    }
    for a in &audit.auditors {
        let mut r = record("auditor");
        r[TEXT].clone_from(&a.name);
        r[COMMENT] = a.role.clone().unwrap_or_default();
        r[PHONE] = a.phone.clone().unwrap_or_default();
        r[EMAIL] = a.email.clone().unwrap_or_default();
        r[DATE] = a.signed_on.map(date).unwrap_or_default();
        out.push(r);
    }
    for a in &audit.assessments {
        let mut r = record("assessment");
        r[MODULE] = a.module.get().to_string();
        r[ENGAGEMENT] = a.engagement.get().to_string();
        let mut full = r.clone();
        full[VERDICT] = a.verdict.map(|v| v.code().to_owned()).unwrap_or_default();
        full[COMMENT] = a.comment.clone().unwrap_or_default();
        full[EVIDENCE] = a.evidence.clone().unwrap_or_default();
        out.push(full);
        out.extend(observation_records(&r, &a.observations));
    }
    for m in &audit.management {
        let mut r = record("management");
        r[MANAGEMENT] = m.id().to_string();
        let mut full = r.clone();
        full[VERDICT] = m.verdict.map(|v| v.code().to_owned()).unwrap_or_default();
        full[COMMENT] = m.comment.clone().unwrap_or_default();
        full[EVIDENCE] = m.evidence.clone().unwrap_or_default();
        out.push(full);
        out.extend(observation_records(&r, &m.observations));
    }
    for c in &audit.remote_checks {
        let mut r = record("remote check");
        c.channel.code().clone_into(&mut r[CHANNEL]);
        r[MODULE] = c.module.get().to_string();
        r[ENGAGEMENT] = c.engagement.get().to_string();
        let mut full = r.clone();
        full[VERDICT] = c.note.map(|n| n.code().to_owned()).unwrap_or_default();
        full[COMMENT] = c.comment.clone().unwrap_or_default();
        out.push(full);
        out.extend(observation_records(&r, &c.observations));
    }
    for f in &audit.ecarts {
        let mut r = record("fiche");
        match f.target {
            EcartTarget::Engagement(n) => r[ENGAGEMENT] = n.get().to_string(),
            EcartTarget::Management(id) => r[MANAGEMENT] = id.to_string(),
        }
        f.grade.code().clone_into(&mut r[VERDICT]);
        r[TEXT].clone_from(&f.finding);
        r[REQUIREMENT].clone_from(&f.requirement);
        r[ACTION] = f.corrective_action.clone().unwrap_or_default();
        r[DATE] = f.due.map(date).unwrap_or_default();
        r[LEADER] = f.leader.clone().unwrap_or_default();
        if !f.status.is_open() {
            f.status.state().word_fr().clone_into(&mut r[STATUS]);
        }
        r[STATUS_DATE] = f.status.checked_on().map(date).unwrap_or_default();
        f.status.note().clone_into(&mut r[STATUS_NOTE]);
        r[NUMBER] = f.number.map(|n| n.to_string()).unwrap_or_default();
        r[CAUSE] = f.cause.clone().unwrap_or_default();
        r[RESPONSE] = f.response.clone().unwrap_or_default();
        out.push(r);
    }
    let c = &audit.conclusion;
    if let Some(v) = c.charte_graphique.verdict {
        let mut r = record("conclusion");
        "charte_graphique_verdict".clone_into(&mut r[FIELD]);
        v.code().clone_into(&mut r[VERDICT]);
        out.push(r);
    }
    let lists = [
        &c.points_forts,
        &c.points_sensibles,
        &c.pistes_de_progres,
        &c.fiches_ecart,
        &c.commentaires,
        &c.bonnes_pratiques,
        &c.enquetes_satisfaction,
        &c.charte_graphique.text,
        &c.conclusion_generale,
    ];
    for (name, list) in SECTIONS.iter().zip(lists) {
        for p in list {
            let mut r = record("conclusion");
            (*name).clone_into(&mut r[FIELD]);
            r[TEXT].clone_from(p);
            out.push(r);
        }
    }
    out
}

/// Refuses a table its reader would refuse as too large: more than [`MAX_ROWS`] lines (the
/// header's included), more than [`MAX_CELLS`] cells (each line once) or
/// [`MAX_TEXT_BYTES`] of text.
///
/// [`MAX_CELLS`]: crate::grid::MAX_CELLS
/// [`MAX_TEXT_BYTES`]: crate::grid::MAX_TEXT_BYTES
fn within_bounds(records: &[Record]) -> Result<(), Error> {
    let lines = records.len() + 1;
    if lines > MAX_ROWS as usize {
        return Err(refused(
            format!("{} lines", thousands(lines)),
            "the table of this audit would have more lines than its reader reads (100 000)",
        ));
    }
    let mut tally = Tally::default();
    tally.row(WIDTH, COLUMNS.iter().map(|c| c.len()).sum());
    for r in records {
        tally.row(WIDTH, r.iter().map(String::len).sum());
    }
    tally.check()
}

/// The CSV table of `audit`: UTF-8 with a byte-order mark, `;` separated, CRLF line ends.
pub(crate) fn write(audit: &Audit, referentiel: &Referentiel) -> Result<Vec<u8>, Error> {
    crate::grid::contract::check(audit, true)?;
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        let fail = |e: ::csv::Error| Error::InvalidValue {
            what: "audit grid",
            value: e.to_string(),
            reason: "the CSV writer refused it",
        };
        writer.write_record(COLUMNS).map_err(fail)?;
        let records = records(audit, referentiel);
        within_bounds(&records)?;
        for r in records {
            // No text opens as a formula in a spreadsheet (`=`, `+`, `-`, `@`…: a `'` before).
            let fields: Vec<_> = r.iter().map(|f| crate::text::csv_neutralise(f)).collect();
            writer
                .write_record(fields.iter().map(|f| f.as_bytes()))
                .map_err(fail)?;
        }
        writer.flush().map_err(|e| fail(e.into()))?;
    }
    Ok(out)
}
