//! The columns of the kept plan d'actions, and the value of each for an action: shared by the
//! CSV and workbook writers, the kept plan's reader and the tables of Markdown and HTML.

use chrono::NaiveDate;

use super::{Plan, PlanAction};
use crate::dossier::{Entry, FindingKind, FollowUp, RecordState};
use crate::i18n::{push_date, push_number};
use crate::{DueSource, Language, Source};

/// One column of the plan d'actions qualité, in the order of [`COLUMNS`]. Its heading is
/// [`Column::heading`] (French by default, English with `--lang en`); the reader of a kept
/// plan finds each column by its heading in either language, in any order.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Column {
    /// « N° ».
    Number,
    /// « Origine »: audit interne / externe, enquête, réclamation, comité des usagers, bilan
    /// annuel…
    Origin,
    /// « Date de l'origine ».
    OriginDate,
    /// « Engagement / exigence ».
    Requirement,
    /// « Type »: `NC Maj`, `NC min`, `PS`, `PP`.
    Kind,
    /// « Constat ».
    Finding,
    /// « Risque » (of a point sensible).
    Risk,
    /// « Cause ».
    Cause,
    /// « Correction et action corrective ».
    Action,
    /// « Pilote ».
    Leader,
    /// « Échéance ».
    Due,
    /// « Date de réalisation ».
    RealisedOn,
    /// « Avancement ».
    Progress,
    /// « Preuve / indicateur d'efficacité ».
    Evidence,
    /// « Efficacité vérifiée le ».
    EfficacyOn,
    /// « Efficacité vérifiée par ».
    EfficacyBy,
    /// « Résultat de la vérification ».
    EfficacyResult,
    /// « État »: à faire, en cours, réalisée, soldée.
    State,
    /// « Date de clôture ».
    ClosedOn,
    /// « Commentaire ».
    Comment,
    /// « Situation à la date du plan » (written by the crate, not read back).
    Situation,
    /// « Après la date du plan » (written by the crate, not read back).
    Later,
    /// « Clé (ne pas modifier) »: the audit finding's key.
    Key,
}

/// Every column, in the order of the kept plan.
pub const COLUMNS: [Column; 23] = [
    Column::Number,
    Column::Origin,
    Column::OriginDate,
    Column::Requirement,
    Column::Kind,
    Column::Finding,
    Column::Risk,
    Column::Cause,
    Column::Action,
    Column::Leader,
    Column::Due,
    Column::RealisedOn,
    Column::Progress,
    Column::Evidence,
    Column::EfficacyOn,
    Column::EfficacyBy,
    Column::EfficacyResult,
    Column::State,
    Column::ClosedOn,
    Column::Comment,
    Column::Situation,
    Column::Later,
    Column::Key,
];

impl Column {
    /// The wire form, e.g. `origin_date`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The heading in `language`, e.g. `Date de réalisation`.
    #[must_use]
    pub fn heading(self, language: Language) -> &'static str {
        (super::phrases::of(language).column)(self)
    }

    /// The label in `language`: the heading.
    #[must_use]
    pub fn label(self, language: Language) -> &'static str {
        self.heading(language)
    }

    /// Whether the column holds dates.
    #[must_use]
    pub const fn is_date(self) -> bool {
        matches!(
            self,
            Column::OriginDate
                | Column::Due
                | Column::RealisedOn
                | Column::EfficacyOn
                | Column::ClosedOn
        )
    }

    /// Whether the crate writes the column from the dossier and ignores it when reading back.
    #[must_use]
    pub const fn is_computed(self) -> bool {
        matches!(self, Column::Situation | Column::Later)
    }

    /// The column whose heading is `text` in either language (any case, accents, spacing).
    pub(crate) fn of_heading(text: &str) -> Option<Column> {
        let key = crate::text::key(text);
        if key.is_empty() {
            return None;
        }
        COLUMNS.iter().copied().find(|c| {
            Language::ALL.iter().any(|l| {
                let heading = crate::text::key(c.heading(*l));
                heading == key || (c.is_computed() && key.starts_with(&heading))
            }) || crate::text::key(c.code()) == key
        })
    }

    /// A width for the workbook, in characters.
    pub(crate) const fn width(self) -> f64 {
        match self {
            Column::Number => 5.0,
            Column::Kind => 7.0,
            Column::OriginDate
            | Column::Due
            | Column::RealisedOn
            | Column::EfficacyOn
            | Column::ClosedOn
            | Column::State => 10.0,
            Column::Progress => 12.0,
            Column::Origin | Column::Leader | Column::EfficacyBy | Column::Key => 14.0,
            Column::Risk | Column::Cause | Column::EfficacyResult | Column::Later => 16.0,
            Column::Evidence | Column::Comment | Column::Situation => 18.0,
            Column::Requirement => 22.0,
            Column::Action => 24.0,
            Column::Finding => 28.0,
        }
    }
}

impl std::fmt::Display for Column {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The value of a cell.
pub(crate) enum Value {
    Text(String),
    Date(Option<NaiveDate>),
    Number(u32),
}

fn opt(text: Option<&str>) -> Value {
    Value::Text(text.unwrap_or_default().to_owned())
}

/// `Audit interne (initial), fiche d'écart n°1`, or the quality manager's own wording.
pub(crate) fn origin_text(plan: &Plan, entry: &Entry, language: Language) -> String {
    let p = super::phrases::of(language);
    if let Some(text) = &entry.origin.text {
        return text.clone();
    }
    let Some(audit) = entry.origin.audit.and_then(|i| plan.audits.get(i)) else {
        return capitalise(entry.origin.kind.label(language));
    };
    let mut out = String::new();
    (language.engine().audit_kind)(&mut out, audit.kind.internal, audit.kind.audit_type);
    if let Some(n) = entry.origin.fiche {
        out.push_str(p.fiche);
        push_number(&mut out, n);
    }
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `Engagement 17 « title »`, `Audit à distance (Internet), engagement 3 « title »`.
pub(crate) fn source_label(source: Source, title: &str, language: Language) -> String {
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

/// The engagement or requirement of an entry, with the fiche's requirement when stated.
pub(crate) fn requirement_text(entry: &Entry, language: Language) -> String {
    let p = super::phrases::of(language);
    let mut out = match entry.source {
        Some(source) => source_label(source, &entry.title, language),
        None => entry.requirement_text.clone().unwrap_or_default(),
    };
    if !entry.requirement.trim().is_empty() {
        out.push('\n');
        out.push_str(p.requirement);
        out.push_str(p.colon);
        out.push_str(&entry.requirement);
    }
    out
}

/// `en retard de 12 jours`, `dans 5 jours`: how far the échéance is.
pub(crate) fn days_text(days: i64, language: Language) -> String {
    (super::phrases::of(language).days)(days)
}

/// Where the action stands at the plan's date, in words: `ouverte — en attente — dans
/// 12 jours`, `traitée — levée à l'audit du 04/05/2020 (C)`.
pub(crate) fn situation(plan: &Plan, a: &PlanAction, language: Language) -> String {
    let p = super::phrases::of(language);
    let mut out = String::from(a.standing.label(language));
    out.push_str(" — ");
    out.push_str(a.follow_up.label(language));
    if let Some(audit) = a.follow_up_audit.and_then(|i| plan.audits.get(i)) {
        out.push_str(p.at_audit_of);
        push_date(&mut out, audit.dates.start, language);
        if let Some(v) = a
            .entry
            .checks
            .iter()
            .find(|c| c.audit == audit.index)
            .and_then(|c| c.verdict)
        {
            out.push_str(" (");
            out.push_str(v.code());
            out.push(')');
        }
    } else if let Some(on) = a.follow_up_on {
        out.push_str(p.on);
        push_date(&mut out, on, language);
    }
    if let Some(n) = a.entry.carried_by {
        out.push_str(p.carried_by);
        push_number(&mut out, n);
    }
    if a.follow_up == FollowUp::Realised
        && a.entry
            .evidence
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
    {
        out.push_str(p.no_evidence);
    }
    if let Some(days) = a.days_left {
        out.push_str(" — ");
        out.push_str(&days_text(days, language));
        if days < 0
            && a.entry.due.is_some_and(|d| {
                a.entry
                    .origin
                    .audit
                    .and_then(|i| plan.audits.get(i))
                    .is_some_and(|audit| d < audit.dates.end)
            })
        {
            out.push_str(p.due_before_audit);
        }
    }
    out
}

/// What came after the plan's date: `levée le 04/05/2020 (audit du 04/05/2020)`.
pub(crate) fn later(plan: &Plan, a: &PlanAction, language: Language) -> String {
    let p = super::phrases::of(language);
    let mut parts = Vec::new();
    if let Some(on) = a.entry.efficacy.on.filter(|d| *d > plan.at) {
        let mut out = String::from(p.efficacy_checked);
        push_date(&mut out, on, language);
        if let Some(result) = &a.entry.efficacy.result {
            out.push_str(p.colon);
            out.push_str(result);
        }
        parts.push(out);
    }
    if evidence_later(&a.entry, plan.at) {
        if let Some(evidence) = &a.entry.evidence {
            parts.push(format!("{}{}{evidence}", p.evidence, p.colon));
        }
    }
    for e in &a.later {
        // A record of the same day and word as an audit's: the audit's says it.
        if e.audit.is_none()
            && a.later
                .iter()
                .any(|o| o.audit.is_some() && o.on == e.on && o.follow_up == e.follow_up)
        {
            continue;
        }
        let mut out = String::from(e.follow_up.label(language));
        out.push_str(p.on);
        push_date(&mut out, e.on, language);
        if let Some(audit) = e.audit.and_then(|i| plan.audits.get(i)) {
            out.push_str(" (");
            out.push_str(p.audit_of.trim_start_matches(", "));
            push_date(&mut out, audit.dates.start, language);
            out.push(')');
        }
        parts.push(out);
    }
    parts.join(p.separator)
}

/// Where an échéance comes from, in words.
pub(crate) fn due_source_text(plan: &Plan, entry: &Entry, language: Language) -> String {
    let p = super::phrases::of(language);
    if entry.due_from_plan {
        return p.due_from_plan.to_owned();
    }
    match entry.due_source {
        Some(DueSource::Fiche) => p.due_from_fiche.to_owned(),
        Some(DueSource::ExternalAudit) => p.due_before_external.to_owned(),
        Some(DueSource::Policy) => {
            let months = match entry.kind {
                FindingKind::MajorNonconformity => plan.policy.major_deadline_months,
                _ => plan.policy.deadline_months,
            };
            (p.due_from_policy)(months)
        }
        None => String::new(),
    }
}

/// `day` when it is on or before the plan's date: a record dated later is not shown as if it
/// were known then (it is listed under « Par la suite »).
fn by(day: Option<NaiveDate>, at: NaiveDate) -> Option<NaiveDate> {
    day.filter(|d| *d <= at)
}

/// The quality manager's state as it stood at the plan's date: a closing or realisation dated
/// after it is not yet.
pub(crate) fn state_at(e: &Entry, at: NaiveDate) -> RecordState {
    let later = |d: Option<NaiveDate>| d.is_some_and(|d| d > at);
    match e.state {
        RecordState::Closed
            if later(e.closed_on) || (e.closed_on.is_none() && later(e.realised_on)) =>
        {
            if e.realised_on.is_some_and(|d| d <= at) {
                RecordState::Realised
            } else {
                RecordState::Open
            }
        }
        RecordState::Realised if later(e.realised_on) => RecordState::Open,
        state => state,
    }
}

/// Whether the entry's evidence belongs to a realisation or closing dated after `at`.
fn evidence_later(e: &Entry, at: NaiveDate) -> bool {
    let dates = [e.realised_on, e.closed_on];
    dates.iter().any(Option::is_some) && dates.iter().flatten().all(|d| *d > at)
}

/// Whether the plan at its date leaves out a record dated after it (a realisation, a closing,
/// a check of efficacy): written over the kept plan, it would drop them.
pub(crate) fn hides_later(a: &PlanAction, at: NaiveDate) -> bool {
    let e = &a.entry;
    [e.realised_on, e.closed_on, e.efficacy.on]
        .iter()
        .flatten()
        .any(|d| *d > at)
}

/// The value of `column` for the action `a`, as it stood at the plan's date.
pub(crate) fn value(plan: &Plan, a: &PlanAction, column: Column, language: Language) -> Value {
    let e = &a.entry;
    let at = plan.at;
    let efficacy_later = e.efficacy.on.is_some_and(|d| d > at);
    let unless = |hidden: bool, text: Option<&str>| {
        if hidden {
            Value::Text(String::new())
        } else {
            opt(text)
        }
    };
    match column {
        Column::Number => Value::Number(e.number),
        Column::Origin => Value::Text(origin_text(plan, e, language)),
        Column::OriginDate => Value::Date(e.origin.date),
        Column::Requirement => Value::Text(requirement_text(e, language)),
        Column::Kind => Value::Text(e.kind.code().to_owned()),
        Column::Finding => Value::Text(e.finding.clone()),
        Column::Risk => opt(e.risk.as_deref()),
        Column::Cause => opt(e.cause.as_deref()),
        Column::Action => opt(e.action.as_deref()),
        Column::Leader => opt(e.leader.as_deref()),
        Column::Due => Value::Date(e.due),
        Column::RealisedOn => Value::Date(by(e.realised_on, at)),
        Column::Progress => opt(e.progress.as_deref()),
        Column::Evidence => unless(evidence_later(e, at), e.evidence.as_deref()),
        Column::EfficacyOn => Value::Date(by(e.efficacy.on, at)),
        Column::EfficacyBy => unless(efficacy_later, e.efficacy.by.as_deref()),
        Column::EfficacyResult => unless(efficacy_later, e.efficacy.result.as_deref()),
        Column::State => Value::Text(state_at(e, at).label(language).to_owned()),
        Column::ClosedOn => Value::Date(by(e.closed_on, at)),
        Column::Comment => opt(e.comment.as_deref()),
        Column::Situation => Value::Text(situation(plan, a, language)),
        Column::Later => Value::Text(later(plan, a, language)),
        Column::Key => opt(e.key.as_deref()),
    }
}

/// The heading of a computed column, with the plan's date: `Situation au 01/03/2020`.
pub(crate) fn heading(plan: &Plan, column: Column, language: Language) -> String {
    let mut out = String::from(column.heading(language));
    if column == Column::Situation {
        out.push_str(super::phrases::of(language).at);
        push_date(&mut out, plan.at, language);
    }
    out
}
