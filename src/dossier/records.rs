//! The plan the quality manager keeps, merged into the ledger: each row a record, matched to
//! its entry by key, never lost.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ledger::{Efficacy, Entry, FindingKind, Origin, OriginKind, RecordState};
use crate::base::wire::wire_enum;
use crate::{Language, Severity};

/// One row of the plan the quality manager keeps, as read back: every field as typed, and the
/// cells that could not be read. See [`Dossier::apply_records`](super::Dossier::apply_records).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActionRecord {
    /// Where the row is: `Plan d'actions!A5`, `plan.csv:5`.
    pub cell: String,
    /// « n° ».
    pub number: Option<u32>,
    /// The entry's key, as the crate wrote it (none for a row added by hand).
    pub key: Option<String>,
    /// The origin, when understood.
    pub origin: Option<OriginKind>,
    /// The origin as typed.
    pub origin_text: Option<String>,
    /// The day of the origin.
    pub origin_date: Option<NaiveDate>,
    /// The engagement or requirement, as typed.
    pub requirement: Option<String>,
    /// `NC Maj`, `NC min`, `PS`, `PP`.
    pub kind: Option<FindingKind>,
    /// « Constat ».
    pub finding: Option<String>,
    /// « Risque ».
    pub risk: Option<String>,
    /// « Cause ».
    pub cause: Option<String>,
    /// « Correction et action corrective ».
    pub action: Option<String>,
    /// « Pilote ».
    pub leader: Option<String>,
    /// « Échéance ».
    pub due: Option<NaiveDate>,
    /// « Date de réalisation ».
    pub realised_on: Option<NaiveDate>,
    /// « Avancement ».
    pub progress: Option<String>,
    /// « Preuve / indicateur d'efficacité ».
    pub evidence: Option<String>,
    /// The check of its efficacy.
    pub efficacy: Efficacy,
    /// « État ».
    pub state: Option<RecordState>,
    /// « Date de clôture ».
    pub closed_on: Option<NaiveDate>,
    /// « Commentaire ».
    pub comment: Option<String>,
    /// The cells that could not be read: (cell, column heading, text as typed).
    pub unread: Vec<(String, String, String)>,
}

impl ActionRecord {
    /// An empty record of the row at `cell`.
    #[must_use]
    pub fn at(cell: impl Into<String>) -> ActionRecord {
        ActionRecord {
            cell: cell.into(),
            ..ActionRecord::default()
        }
    }
}

/// What merging a kept plan reports. Wire forms `unread_cell`, `unknown_key`, `conflict`,
/// `duplicate_number`, `missing_kind`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum RecordIssue {
    /// A cell could not be read (a date that is no date, an unknown type or state): its text is
    /// kept in the row's comment.
    UnreadCell,
    /// A row names a finding (by its key) that none of the audits holds: kept as it was.
    UnknownKey,
    /// A text of the row contradicts the audit's (a constat, a type, a pilote in the fiche): the
    /// audit's is shown, the row's kept in its comment or in its field.
    Conflict,
    /// Two rows have the same number: the second gets a new one.
    DuplicateNumber,
    /// A row added by hand has no type: read as a piste de progrès.
    MissingKind,
}

impl RecordIssue {
    /// The wire form.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The wording in `language`.
    #[must_use]
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (RecordIssue::UnreadCell, Language::Fr) => "cellule non lue",
            (RecordIssue::UnknownKey, Language::Fr) => "constat inconnu des audits",
            (RecordIssue::Conflict, Language::Fr) => "désaccord avec l'audit",
            (RecordIssue::DuplicateNumber, Language::Fr) => "numéro en double",
            (RecordIssue::MissingKind, Language::Fr) => "type manquant",
            (RecordIssue::UnreadCell, Language::En) => "cell not read",
            (RecordIssue::UnknownKey, Language::En) => "finding unknown to the audits",
            (RecordIssue::Conflict, Language::En) => "disagreement with the audit",
            (RecordIssue::DuplicateNumber, Language::En) => "duplicate number",
            (RecordIssue::MissingKind, Language::En) => "missing type",
        }
    }
}

wire_enum!(
    RecordIssue,
    "kept-plan issue",
    "unread_cell, unknown_key, conflict, duplicate_number, missing_kind",
    [
        UnreadCell,
        UnknownKey,
        Conflict,
        DuplicateNumber,
        MissingKind
    ]
);

/// One thing merging a kept plan reports, with the cell it is about, in French (`message`)
/// and English (`message_en`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecordDiagnostic {
    /// What kind of problem.
    pub issue: RecordIssue,
    /// Its severity: a warning, as nothing is lost.
    pub severity: Severity,
    /// The cell or row.
    pub cell: String,
    /// What happened, in French.
    pub message: String,
    /// What happened, in English.
    pub message_en: String,
}

impl RecordDiagnostic {
    fn new(issue: RecordIssue, cell: &str, fr: String, en: String) -> RecordDiagnostic {
        RecordDiagnostic {
            issue,
            severity: Severity::Warning,
            cell: cell.to_owned(),
            message: fr,
            message_en: en,
        }
    }

    /// The message in `language`.
    #[must_use]
    pub fn message_in(&self, language: Language) -> &str {
        match language {
            Language::Fr => &self.message,
            Language::En => &self.message_en,
        }
    }

    /// `Plan d'actions!F5: [conflict] warning: …`, the message in `language`.
    #[must_use]
    pub fn to_string_in(&self, language: Language) -> String {
        format!(
            "{}: [{}] {}: {}",
            self.cell,
            self.issue,
            self.severity,
            self.message_in(language)
        )
    }
}

impl fmt::Display for RecordDiagnostic {
    /// With the French message.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_in(Language::Fr))
    }
}

/// Appends `line` to `comment` unless it already holds it.
fn note(comment: &mut Option<String>, line: &str) {
    match comment {
        Some(c) if c.contains(line) => {}
        Some(c) => {
            c.push('\n');
            c.push_str(line);
        }
        None => *comment = Some(line.to_owned()),
    }
}

fn same(a: &str, b: &str) -> bool {
    crate::text::normalise(a) == crate::text::normalise(b)
}

/// Sets `field` to the record's `value` when it has one; a different non-empty value already
/// there (from the fiche d'écart) is reported.
fn take(
    field: &mut Option<String>,
    value: Option<String>,
    what: (&str, &str),
    cell: &str,
    out: &mut Vec<RecordDiagnostic>,
) {
    let Some(value) = value.filter(|v| !v.trim().is_empty()) else {
        return;
    };
    if let Some(old) = field
        .as_deref()
        .filter(|o| !o.trim().is_empty() && !same(o, &value))
    {
        out.push(RecordDiagnostic::new(
            RecordIssue::Conflict,
            cell,
            format!(
                "{}\u{a0}: le plan dit «\u{a0}{value}\u{a0}», la fiche d'écart «\u{a0}{old}\u{a0}»\u{a0}; le plan est gardé",
                what.0
            ),
            format!(
                "{}: the plan says “{value}”, the fiche d'écart “{old}”; the plan's is kept",
                what.1
            ),
        ));
    }
    *field = Some(value);
}

/// Merges `records` into `entries`. See [`Dossier::apply_records`](super::Dossier::apply_records).
pub(crate) fn merge(
    entries: &mut Vec<Entry>,
    records: Vec<ActionRecord>,
    out: &mut Vec<RecordDiagnostic>,
) {
    let before: Vec<u32> = entries.iter().map(|e| e.number).collect();
    let mut numbered: Vec<bool> = vec![false; entries.len()];
    let mut used: Vec<u32> = Vec::new();
    let mut hand: Vec<Entry> = Vec::new();
    for record in records {
        let cell = record.cell.clone();
        let mut number = record.number;
        if let Some(n) = number.filter(|n| used.contains(n)) {
            out.push(RecordDiagnostic::new(
                RecordIssue::DuplicateNumber,
                &cell,
                format!("le n°\u{a0}{n} est déjà celui d'une autre ligne\u{a0}: cette ligne en reçoit un nouveau"),
                format!("number {n} is already another row's: this row gets a new one"),
            ));
            number = None;
        }
        let found = record
            .key
            .as_deref()
            .and_then(|k| entries.iter().position(|e| e.key.as_deref() == Some(k)));
        let found = found.filter(|i| !numbered.get(*i).copied().unwrap_or(true));
        let mut comment = record.comment.clone();
        for (at, column, text) in &record.unread {
            note(&mut comment, &format!("{column} (non lu)\u{a0}: {text}"));
            out.push(RecordDiagnostic::new(
                RecordIssue::UnreadCell,
                at,
                format!("«\u{a0}{text}\u{a0}» ne se lit pas comme {column}\u{a0}: gardé dans le commentaire de la ligne"),
                format!("“{text}” does not read as {column}: kept in the row's comment"),
            ));
        }
        if let Some((i, entry)) = found.and_then(|i| entries.get_mut(i).map(|e| (i, e))) {
            {
                if let Some(flag) = numbered.get_mut(i) {
                    *flag = true;
                }
                if let Some(n) = number {
                    entry.number = n;
                    used.push(n);
                } else {
                    entry.number = 0;
                }
                if let Some(kind) = record.kind.filter(|k| *k != entry.kind) {
                    out.push(RecordDiagnostic::new(
                        RecordIssue::Conflict,
                        &cell,
                        format!(
                            "le type du plan, {kind}, n'est pas celui de l'audit, {}\u{a0}: celui de l'audit est gardé",
                            entry.kind
                        ),
                        format!(
                            "the plan's type, {kind}, is not the audit's, {}: the audit's is kept",
                            entry.kind
                        ),
                    ));
                }
                if let Some(text) = record
                    .finding
                    .as_deref()
                    .filter(|t| !t.trim().is_empty() && !same(t, &entry.finding))
                {
                    note(
                        &mut comment,
                        &format!("Constat saisi dans le plan\u{a0}: {text}"),
                    );
                    out.push(RecordDiagnostic::new(
                        RecordIssue::Conflict,
                        &cell,
                        "le constat du plan n'est pas celui de l'audit\u{a0}: celui de l'audit est montré, celui du plan gardé dans le commentaire".to_owned(),
                        "the plan's constat is not the audit's: the audit's is shown, the plan's kept in the comment".to_owned(),
                    ));
                }
                take(
                    &mut entry.cause,
                    record.cause,
                    ("Cause", "Cause"),
                    &cell,
                    out,
                );
                take(
                    &mut entry.action,
                    record.action,
                    ("Action corrective", "Corrective action"),
                    &cell,
                    out,
                );
                take(
                    &mut entry.leader,
                    record.leader,
                    ("Pilote", "Leader"),
                    &cell,
                    out,
                );
                if let Some(due) = record.due.filter(|d| Some(*d) != entry.due) {
                    entry.due = Some(due);
                    entry.due_from_plan = true;
                }
                entry.progress = record.progress.or(entry.progress.take());
                entry.realised_on = record.realised_on.or(entry.realised_on);
                entry.evidence = record.evidence.or(entry.evidence.take());
                if !record.efficacy.is_blank() {
                    entry.efficacy = record.efficacy;
                }
                if let Some(state) = record.state {
                    entry.state = state;
                }
                entry.closed_on = record.closed_on.or(entry.closed_on);
                entry.comment = comment.or(entry.comment.take());
                entry.cell = Some(cell);
            }
        } else {
            {
                if let Some(key) = &record.key {
                    out.push(RecordDiagnostic::new(
                        RecordIssue::UnknownKey,
                        &cell,
                        format!("la ligne renvoie à un constat ({key}) qu'aucun des audits donnés ne porte\u{a0}: elle est gardée telle quelle"),
                        format!("the row names a finding ({key}) that none of the audits given holds: it is kept as it was"),
                    ));
                }
                let kind = record.kind.unwrap_or_else(|| {
                    out.push(RecordDiagnostic::new(
                        RecordIssue::MissingKind,
                        &cell,
                        "la ligne n'a pas de type (NC Maj, NC min, PS, PP)\u{a0}: elle est lue comme une piste de progrès".to_owned(),
                        "the row has no type (NC Maj, NC min, PS, PP): it is read as a piste de progrès".to_owned(),
                    ));
                    FindingKind::OpportunityForImprovement
                });
                if let Some(n) = number {
                    used.push(n);
                }
                hand.push(Entry {
                    number: number.unwrap_or(0),
                    key: record.key,
                    origin: Origin {
                        kind: record.origin.unwrap_or(OriginKind::Other),
                        audit: None,
                        date: record.origin_date,
                        audit_type: None,
                        fiche: None,
                        text: record.origin_text,
                    },
                    source: None,
                    requirement_text: record.requirement,
                    title: String::new(),
                    kind,
                    finding: record.finding.unwrap_or_default(),
                    requirement: String::new(),
                    risk: record.risk,
                    cause: record.cause,
                    action: record.action,
                    leader: record.leader,
                    due: record.due,
                    due_source: None,
                    due_from_plan: record.due.is_some(),
                    progress: record.progress,
                    realised_on: record.realised_on,
                    evidence: record.evidence,
                    efficacy: record.efficacy,
                    state: record.state.unwrap_or_default(),
                    closed_on: record.closed_on,
                    comment,
                    fiche_status: None,
                    checks: Vec::new(),
                    carried_by: None,
                    cell: Some(cell),
                });
            }
        }
    }
    // The entries no record numbers, and the rows whose number was taken: new numbers after
    // the highest, in the ledger's order.
    for (i, entry) in entries.iter_mut().enumerate() {
        if !numbered.get(i).copied().unwrap_or(false) {
            entry.number = 0;
        }
    }
    let mut next = used.iter().copied().max().unwrap_or(0);
    for entry in entries
        .iter_mut()
        .chain(hand.iter_mut())
        .filter(|e| e.number == 0)
    {
        next = next.saturating_add(1);
        entry.number = next;
    }
    // Which later entry carries a finding on: its number changed with the others.
    let after: Vec<u32> = entries.iter().map(|e| e.number).collect();
    for entry in entries.iter_mut() {
        if let Some(old) = entry.carried_by {
            entry.carried_by = before
                .iter()
                .position(|n| *n == old)
                .and_then(|i| after.get(i).copied());
        }
    }
    entries.append(&mut hand);
    entries.sort_by_key(|e| e.number);
}
