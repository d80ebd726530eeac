//! What the grid's writers may write: an audit whose grid the readers read back as it is. The
//! writers refuse what the readers would not read, rather than write a grid that comes back
//! otherwise or is refused: a text the grid has no cell for (a risk on an observation that is
//! not a PS, a text an import could not read), a text longer than a cell, a text that reads as
//! an assessment (which the reader keeps rather than take for a text), a date outside the
//! years the reader reads, a grid past the bounds of [`crate::grid::limits`].

use chrono::{Datelike, NaiveDate};

use crate::grid::cells::{PLAUSIBLE_YEARS, cut, shown};
use crate::grid::limits::{MAX_CELL_CHARS, MAX_CELLS, MAX_TEXT_BYTES, refused, thousands};
use crate::{ActionStatus, Audit, Carried, Error, Observation, ObservationKind};

/// Refuses what the grid cannot carry back, whatever its form: see the module's
/// documentation. `dates` says whether the audit's first and last days are written (a blank
/// grid leaves them empty).
pub(crate) fn check(audit: &Audit, dates: bool) -> Result<(), Error> {
    if let Some(o) = audit.observations().find(|o| misplaced_risk(o)) {
        return Err(Error::InvalidValue {
            what: "observation",
            value: cut(&o.text).into_owned(),
            reason: "only a point sensible (PS) has a risk cell in the grid",
        });
    }
    if let Some(u) = audit.unread.first() {
        return Err(Error::InvalidValue {
            what: "unread value",
            value: format!("{}: {}", u.field.escape_debug(), shown(&u.text)),
            reason: "the grid has no cell for a text the import could not read; set its field \
                     and remove it from `unread` first",
        });
    }
    each_text(audit, &mut |path, text, kind| {
        text_read_back(path, text, kind)
    })?;
    for (name, paragraphs) in conclusion_sections(audit) {
        if let Some((i, p)) = paragraphs
            .iter()
            .enumerate()
            .find(|(_, p)| p.contains(['\n', '\r']))
        {
            return Err(refused(
                format!("conclusion.{name}[{i}]: {}", shown(p)),
                "a line break in a cell of the conclusion starts a new paragraph when the grid \
                 is read back; write it as two paragraphs",
            ));
        }
    }
    for (path, date) in written_dates(audit, dates) {
        if !PLAUSIBLE_YEARS.contains(&date.year()) {
            return Err(refused(
                format!("{path}: {date}"),
                "a date outside the years 2000 to 2100, which the grid's reader does not read",
            ));
        }
    }
    Ok(())
}

/// A risk stated on an observation that is not a PS has no cell of its own in the grid: it
/// would be lost on the way back, so the writers refuse it.
fn misplaced_risk(observation: &Observation) -> bool {
    observation.risk.is_some() && observation.kind != ObservationKind::AreaOfConcern
}

/// Refuses `text` (at `path`, in a cell of an observation of `kind`, or of no kind) when the
/// reader would not read it back as that text: longer than a cell, or reading as an
/// assessment.
fn text_read_back(
    path: &dyn Fn() -> String,
    text: &str,
    kind: Option<ObservationKind>,
) -> Result<(), Error> {
    if text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS {
        return Err(refused(
            format!("{}: {} characters", path(), thousands(text.chars().count())),
            "a cell of the grid holds at most 32 767 characters (the limit of a spreadsheet \
             cell); shorten the text or split it",
        ));
    }
    match Carried::find(text) {
        None => Ok(()),
        Some(Carried::Observation(k)) if kind == Some(k) => Ok(()),
        Some(_) => Err(refused(
            format!("{}: {}", path(), shown(text)),
            "the text reads as an assessment (a verdict, an observation of another kind, a \
             remote note), which the grid's reader keeps rather than take for a text; write it \
             otherwise",
        )),
    }
}

/// The dates of the audit the grid writes, with their paths; the first and last days when
/// `days`.
fn written_dates(audit: &Audit, days: bool) -> Vec<(String, NaiveDate)> {
    let mut all = Vec::new();
    if days {
        all.push(("dates.start".to_owned(), audit.dates.start));
        all.push(("dates.end".to_owned(), audit.dates.end));
    }
    if let Some(d) = audit.kind.external_on {
        all.push(("kind.external_on".to_owned(), d));
    }
    if let Some(l) = audit.labelling {
        all.push(("labelling.decided_on".to_owned(), l.decided_on));
        if let Some(d) = l.plan_accepted_on {
            all.push(("labelling.plan_accepted_on".to_owned(), d));
        }
    }
    for (i, a) in audit.auditors.iter().enumerate() {
        if let Some(d) = a.signed_on {
            all.push((format!("auditors[{i}].signed_on"), d));
        }
    }
    for (i, f) in audit.ecarts.iter().enumerate() {
        if let Some(d) = f.due {
            all.push((format!("ecarts[{i}].due"), d));
        }
        if let Some(d) = f.status.checked_on() {
            all.push((format!("ecarts[{i}].status.on"), d));
        }
    }
    all
}

/// What a text visitor is given: the text's path (built only when asked), the text, and the
/// kind of the observation whose cell holds it (a point fort's text, a paragraph of the
/// conclusion's points forts), `None` for a cell of no kind.
type Visit<'v> =
    dyn FnMut(&dyn Fn() -> String, &str, Option<ObservationKind>) -> Result<(), Error> + 'v;

/// Calls `visit` with every text of the audit that the grid writes in a cell of its own.
fn each_text(audit: &Audit, visit: &mut Visit<'_>) -> Result<(), Error> {
    let site = &audit.site;
    visit(&|| "referentiel.id".to_owned(), &audit.referentiel.id, None)?;
    if let Some(label) = &audit.referentiel.label {
        visit(&|| "referentiel.label".to_owned(), label, None)?;
    }
    if let Some(name) = &site.name {
        visit(&|| "site.name".to_owned(), name, None)?;
    }
    visit(&|| "site.city".to_owned(), &site.city, None)?;
    for (i, a) in audit.auditors.iter().enumerate() {
        visit(&|| format!("auditors[{i}].name"), &a.name, None)?;
        for (field, value) in [("role", &a.role), ("phone", &a.phone), ("email", &a.email)] {
            if let Some(value) = value {
                visit(&|| format!("auditors[{i}].{field}"), value, None)?;
            }
        }
    }
    for (name, texts) in [
        ("organisation", &audit.context.organisation),
        ("history", &audit.context.history),
    ] {
        for (i, t) in texts.iter().enumerate() {
            visit(&|| format!("context.{name}[{i}]"), t, None)?;
        }
    }
    let items = audit
        .assessments
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let at = format!("assessments[{i}]");
            (at, &a.comment, a.evidence.as_ref(), &a.observations)
        })
        .chain(audit.management.iter().enumerate().map(|(i, m)| {
            let at = format!("management[{i}]");
            (at, &m.comment, m.evidence.as_ref(), &m.observations)
        }))
        .chain(audit.remote_checks.iter().enumerate().map(|(i, r)| {
            let at = format!("remote_checks[{i}]");
            (at, &r.comment, None, &r.observations)
        }));
    for (at, comment, evidence, observations) in items {
        if let Some(c) = comment {
            visit(&|| format!("{at}.comment"), c, None)?;
        }
        if let Some(e) = evidence {
            visit(&|| format!("{at}.evidence"), e, None)?;
        }
        for (j, o) in observations.iter().enumerate() {
            visit(
                &|| format!("{at}.observations[{j}].text"),
                &o.text,
                Some(o.kind),
            )?;
            if let Some(risk) = &o.risk {
                visit(&|| format!("{at}.observations[{j}].risk"), risk, None)?;
            }
        }
    }
    for (i, f) in audit.ecarts.iter().enumerate() {
        visit(&|| format!("ecarts[{i}].finding"), &f.finding, None)?;
        visit(&|| format!("ecarts[{i}].requirement"), &f.requirement, None)?;
        for (field, value) in [
            ("cause", &f.cause),
            ("corrective_action", &f.corrective_action),
            ("leader", &f.leader),
            ("response", &f.response),
        ] {
            if let Some(value) = value {
                visit(&|| format!("ecarts[{i}].{field}"), value, None)?;
            }
        }
        match &f.status {
            ActionStatus::Lifted { evidence, .. } => {
                visit(&|| format!("ecarts[{i}].status.evidence"), evidence, None)?;
            }
            ActionStatus::NotLifted { reason, .. } => {
                visit(&|| format!("ecarts[{i}].status.reason"), reason, None)?;
            }
            ActionStatus::Open | ActionStatus::InProgress => {}
        }
    }
    let c = &audit.conclusion;
    let sections = [
        (
            "points_forts",
            &c.points_forts,
            Some(ObservationKind::Strength),
        ),
        (
            "points_sensibles",
            &c.points_sensibles,
            Some(ObservationKind::AreaOfConcern),
        ),
        (
            "pistes_de_progres",
            &c.pistes_de_progres,
            Some(ObservationKind::OpportunityForImprovement),
        ),
        ("fiches_ecart", &c.fiches_ecart, None),
        ("commentaires", &c.commentaires, None),
        ("bonnes_pratiques", &c.bonnes_pratiques, None),
        ("enquetes_satisfaction", &c.enquetes_satisfaction, None),
        ("charte_graphique.text", &c.charte_graphique.text, None),
        ("conclusion_generale", &c.conclusion_generale, None),
    ];
    for (name, texts, kind) in sections {
        for (i, t) in texts.iter().enumerate() {
            visit(&|| format!("conclusion.{name}[{i}]"), t, kind)?;
        }
    }
    Ok(())
}

/// The paragraphs of the conclusion's sections, by field name.
fn conclusion_sections(audit: &Audit) -> [(&'static str, &Vec<String>); 9] {
    let c = &audit.conclusion;
    [
        ("points_forts", &c.points_forts),
        ("points_sensibles", &c.points_sensibles),
        ("pistes_de_progres", &c.pistes_de_progres),
        ("fiches_ecart", &c.fiches_ecart),
        ("commentaires", &c.commentaires),
        ("bonnes_pratiques", &c.bonnes_pratiques),
        ("enquetes_satisfaction", &c.enquetes_satisfaction),
        ("charte_graphique.text", &c.charte_graphique.text),
        ("conclusion_generale", &c.conclusion_generale),
    ]
}

/// What a written grid adds up to as its reader counts it: rows and cells (each row once,
/// the empty cells left of a filled one), and bytes of text.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    cells: usize,
    text: usize,
}

impl Tally {
    /// Counts a row of `cells` cells (up to its last filled one) holding `text` bytes of text.
    pub(crate) fn row(&mut self, cells: usize, text: usize) {
        self.cells = self.cells.saturating_add(cells).saturating_add(1);
        self.text = self.text.saturating_add(text);
    }

    /// Refuses a grid the reader would refuse as too large.
    pub(crate) fn check(&self) -> Result<(), Error> {
        if self.cells > MAX_CELLS {
            return Err(refused(
                format!(
                    "{} cells, more than {}",
                    thousands(self.cells),
                    thousands(MAX_CELLS)
                ),
                "the grid of this audit would hold more cells than its reader reads",
            ));
        }
        if self.text > MAX_TEXT_BYTES {
            return Err(refused(
                format!(
                    "{} bytes of text, more than {}",
                    thousands(self.text),
                    thousands(MAX_TEXT_BYTES)
                ),
                "the grid of this audit would hold more text than its reader reads",
            ));
        }
        Ok(())
    }
}
