//! Synthesis: the report's section 4 regenerated from the data, deterministically.
//!
//! Each [`Section`] holds the lines generated from the data (`generated`) **beside** the
//! auditor's own text from [`Audit::conclusion`](crate::Audit::conclusion) (`auditor`), which is
//! kept verbatim and never overwritten.
//!
//! - POINTS FORTS, POINTS SENSIBLES (avec risques associés), PISTES DE PROGRES: one line per
//!   observation, naming what it belongs to, in référentiel order: engagements of the covered
//!   modules by number, then management items (pilotage, then labellisation, by number), then
//!   remote checks by channel (internet, téléphone, courriels) and engagement. A `PS` line ends
//!   with its risk when the data states it. An empty section reads « Sans objet. ».
//! - FICHE(S) D'ECART(S): one line per nonconformity of the [`Decision`], with grade, target,
//!   finding, requirement and due date; « Absence de non-conformité majeure ou mineure. » when
//!   there is none.
//! - COMMENTAIRES, LES BONNES PRATIQUES, LES RESULTATS DES ENQUETES DE SATISFACTION DES USAGERS:
//!   the data holds nothing to derive them from; `generated` is empty and the auditor's text is
//!   kept.
//! - RESPECT DE LA CHARTE GRAPHIQUE: « Non applicable en audit initial. » for an initial audit
//!   (or an internal audit ahead of one); otherwise the auditor's verdict when given.
//! - CONCLUSION GENERALE: facts only: site, audit type and dates, modules, engagements assessed,
//!   counts and rate, management and remote figures, observations, decision.
//!
//! French text puts a normal space before `:` and `;`, and a no-break space (U+00A0) before `%`.

use serde::Serialize;
use serde::ser::{SerializeSeq as _, Serializer};

use crate::engine::decision::{Decision, DueSource, Ecart, Rule};
use crate::engine::score::{Index, Scores, Tally, VerdictCounts};
use crate::i18n::{plural, push_date, push_number};
use crate::{
    Audit, AuditType, EcartTarget, EngagementNumber, Language, ManagementItemId, NcGrade,
    Observation, ObservationKind, Outcome, Referentiel, RemoteChannel, Verdict,
};

/// Lines of generated text, in order, held in one buffer: a section of a few dozen lines costs
/// two allocations, not one per line. Serialised as an array of strings.
///
/// ```
/// use qualepref::{conclude, samples, Audit, Language, ValidationOptions, Policy, Referentiel, Valid};
/// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default())
///     .map_err(|report| report.to_string())?;
/// let c = conclude(&valid, &Policy::default(), Language::Fr);
/// let fiches = &c.synthesis.fiches_ecart.generated;
/// assert_eq!(fiches.len(), 1);
/// assert_eq!(fiches.get(0), Some("Absence de non-conformité majeure ou mineure."));
/// assert_eq!(fiches.iter().collect::<Vec<_>>(), ["Absence de non-conformité majeure ou mineure."]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lines {
    /// The lines, one after the other.
    text: String,
    /// Where each line ends in `text`.
    ends: Vec<usize>,
}

impl Lines {
    /// No line, with room for `lines` lines of `bytes` bytes in all.
    pub(crate) fn with_capacity(lines: usize, bytes: usize) -> Lines {
        Lines {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(lines),
        }
    }

    /// Appends `line`.
    pub(crate) fn push(&mut self, line: &str) {
        self.text.push_str(line);
        self.ends.push(self.text.len());
    }

    /// The buffer to write the next line into; [`end_line`](Lines::end_line) ends it.
    pub(crate) fn buffer(&mut self) -> &mut String {
        &mut self.text
    }

    /// Ends the line written into [`buffer`](Lines::buffer) since the previous one.
    pub(crate) fn end_line(&mut self) {
        self.ends.push(self.text.len());
    }

    /// The number of lines.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there is no line.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Line `i` (from 0).
    #[must_use]
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            Some(previous) => *self.ends.get(previous)?,
            None => 0,
        };
        self.text.get(start..end)
    }

    /// The first line.
    #[must_use]
    pub fn first(&self) -> Option<&str> {
        self.get(0)
    }

    /// The last line.
    #[must_use]
    pub fn last(&self) -> Option<&str> {
        self.get(self.len().checked_sub(1)?)
    }

    /// The lines, in order.
    #[must_use]
    pub fn iter(&self) -> LinesIter<'_> {
        LinesIter {
            text: &self.text,
            ends: self.ends.iter(),
            start: 0,
        }
    }
}

/// Equal when the lines are equal, one by one.
impl<S: AsRef<str>> PartialEq<[S]> for Lines {
    fn eq(&self, other: &[S]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

/// Equal when the lines are equal, one by one.
impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for Lines {
    fn eq(&self, other: &[S; N]) -> bool {
        *self == other[..]
    }
}

/// Equal when the lines are equal, one by one.
impl<S: AsRef<str>> PartialEq<Vec<S>> for Lines {
    fn eq(&self, other: &Vec<S>) -> bool {
        *self == other[..]
    }
}

impl<'l> IntoIterator for &'l Lines {
    type Item = &'l str;
    type IntoIter = LinesIter<'l>;

    fn into_iter(self) -> LinesIter<'l> {
        self.iter()
    }
}

/// The lines of a [`Lines`], in order.
#[derive(Debug, Clone)]
pub struct LinesIter<'l> {
    text: &'l str,
    ends: std::slice::Iter<'l, usize>,
    start: usize,
}

impl<'l> Iterator for LinesIter<'l> {
    type Item = &'l str;

    fn next(&mut self) -> Option<&'l str> {
        let end = *self.ends.next()?;
        let line = self.text.get(self.start..end);
        self.start = end;
        line
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ends.size_hint()
    }
}

impl ExactSizeIterator for LinesIter<'_> {}

impl Serialize for Lines {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for line in self {
            seq.serialize_element(line)?;
        }
        seq.end()
    }
}

/// One section of the synthesis: generated lines beside the auditor's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section<'a> {
    /// The heading, as printed (in the synthesis' language).
    pub heading: &'static str,
    /// Lines generated from the data, one per paragraph.
    pub generated: Lines,
    /// The auditor's own text, verbatim, one string per paragraph.
    pub auditor: &'a [String],
    /// The auditor's verdict, for the charte graphique.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auditor_verdict: Option<Verdict>,
}

/// What an observation belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// An engagement assessed on site.
    Engagement(EngagementNumber),
    /// A management item.
    Management(ManagementItemId),
    /// A remote check.
    Remote {
        /// The channel.
        channel: RemoteChannel,
        /// The engagement checked.
        engagement: EngagementNumber,
    },
}

/// One observation with what it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObservationItem<'a> {
    /// What it belongs to.
    pub source: Source,
    /// The title of that engagement or management item in the référentiel (empty if unknown).
    pub title: &'a str,
    /// `PF`, `PS` or `PP`.
    pub kind: ObservationKind,
    /// The text, verbatim.
    pub text: &'a str,
    /// The risk of a `PS`, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk: Option<&'a str>,
}

/// The report's section 4, regenerated. See the [module docs](self).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Synthesis<'a> {
    /// The language of the generated text and headings.
    pub language: Language,
    /// POINTS FORTS.
    pub points_forts: Section<'a>,
    /// POINTS SENSIBLES (avec risques associés).
    pub points_sensibles: Section<'a>,
    /// PISTES DE PROGRES.
    pub pistes_de_progres: Section<'a>,
    /// FICHE(S) D'ECART(S).
    pub fiches_ecart: Section<'a>,
    /// COMMENTAIRES.
    pub commentaires: Section<'a>,
    /// LES BONNES PRATIQUES.
    pub bonnes_pratiques: Section<'a>,
    /// LES RESULTATS DES ENQUETES DE SATISFACTION DES USAGERS.
    pub enquetes_satisfaction: Section<'a>,
    /// RESPECT DE LA CHARTE GRAPHIQUE.
    pub charte_graphique: Section<'a>,
    /// CONCLUSION GENERALE DE L'AUDIT.
    pub conclusion_generale: Section<'a>,
    /// Every observation, in référentiel order.
    pub observations: Vec<ObservationItem<'a>>,
}

impl<'a> Synthesis<'a> {
    /// The sections in report order.
    #[must_use]
    pub fn sections(&self) -> [&Section<'a>; 9] {
        [
            &self.points_forts,
            &self.points_sensibles,
            &self.pistes_de_progres,
            &self.fiches_ecart,
            &self.commentaires,
            &self.bonnes_pratiques,
            &self.enquetes_satisfaction,
            &self.charte_graphique,
            &self.conclusion_generale,
        ]
    }
}

/// « Sans objet. » / `Nothing to report.`
pub(crate) fn nothing(language: Language) -> &'static str {
    language.phrases().engine.nothing
}

/// Every observation of the audit in référentiel order.
pub(crate) fn observations<'a>(
    audit: &'a Audit,
    referentiel: &'a Referentiel,
    index: &Index<'a>,
) -> Vec<ObservationItem<'a>> {
    let mut items = Vec::with_capacity(audit.assessments.len());
    let push = |items: &mut Vec<ObservationItem<'a>>,
                source: Source,
                title: &'a str,
                list: &'a [Observation]| {
        items.extend(list.iter().map(|o| ObservationItem {
            source,
            title,
            kind: o.kind,
            text: &o.text,
            risk: o.risk.as_deref(),
        }));
    };
    for &(e, a) in &index.rows {
        if let Some(a) = a {
            push(
                &mut items,
                Source::Engagement(e.number),
                &e.title,
                &a.observations,
            );
        }
    }
    for item in referentiel.management_items() {
        if let Some(m) = index.management(item.id()) {
            push(
                &mut items,
                Source::Management(item.id()),
                &item.title,
                &m.observations,
            );
        }
    }
    let mut remote: Vec<&crate::RemoteCheck> = audit
        .remote_checks
        .iter()
        .filter(|c| !c.observations.is_empty())
        .collect();
    remote.sort_by_key(|c| (c.channel, c.engagement));
    for c in remote {
        let title = referentiel
            .engagement(c.engagement)
            .map_or("", |e| &e.title);
        push(
            &mut items,
            Source::Remote {
                channel: c.channel,
                engagement: c.engagement,
            },
            title,
            &c.observations,
        );
    }
    items
}

/// Writes what an observation or écart belongs to, in words, into `out`.
pub(crate) fn push_source_label(out: &mut String, source: Source, title: &str, language: Language) {
    match (source, language) {
        (Source::Engagement(n), _) => {
            out.push_str("Engagement ");
            push_number(out, n.get().into());
        }
        (Source::Management(id), Language::Fr) => {
            out.push_str(id.section.heading());
            out.push_str(", point ");
            push_number(out, id.item.into());
        }
        (Source::Management(id), Language::En) => {
            out.push_str(id.section.heading_en());
            out.push_str(", item ");
            push_number(out, id.item.into());
        }
        (
            Source::Remote {
                channel,
                engagement,
            },
            _,
        ) => {
            out.push_str(language.pick("Audit à distance (", "Remote audit ("));
            out.push_str(match language {
                Language::Fr => channel.label_fr(),
                Language::En => channel.label_en(),
            });
            out.push_str("), engagement ");
            push_number(out, engagement.get().into());
        }
    }
    if !title.is_empty() {
        out.push_str(language.pick(" « ", " \""));
        out.push_str(title);
        out.push_str(language.pick(" »", "\""));
    }
}

/// What an observation or écart belongs to, in words.
pub(crate) fn source_label(source: Source, title: &str, language: Language) -> String {
    let mut out = String::with_capacity(title.len() + 48);
    push_source_label(&mut out, source, title, language);
    out
}

fn push_observation_line(line: &mut String, item: &ObservationItem<'_>, language: Language) {
    push_source_label(line, item.source, item.title, language);
    line.push_str(language.pick(" : ", ": "));
    line.push_str(item.text);
    if let Some(risk) = item.risk {
        line.push_str(language.pick(" — risque associé : ", " — associated risk: "));
        line.push_str(risk);
    }
}

pub(crate) fn ecart_source(target: EcartTarget) -> Source {
    match target {
        EcartTarget::Engagement(n) => Source::Engagement(n),
        EcartTarget::Management(id) => Source::Management(id),
    }
}

/// One line per écart: grade, target, finding, requirement, due date.
pub(crate) fn ecart_line(e: &Ecart<'_>, deadline_months: u32, language: Language) -> String {
    let mut line =
        String::with_capacity(e.title.len() + e.finding.len() + e.requirement.len() + 192);
    push_ecart_line(&mut line, e, deadline_months, language);
    line
}

/// Writes [`ecart_line`] into `line`.
fn push_ecart_line(line: &mut String, e: &Ecart<'_>, deadline_months: u32, language: Language) {
    let l = language;
    let none = l.pick("non renseigné", "not stated");
    let finding = if e.finding.is_empty() {
        none
    } else {
        e.finding
    };
    let requirement = if e.requirement.is_empty() {
        none
    } else {
        e.requirement
    };
    line.push_str(e.grade.code());
    line.push_str(" — ");
    push_source_label(line, ecart_source(e.target), e.title, l);
    line.push_str(l.pick(" — constat : ", " — finding: "));
    line.push_str(finding);
    line.push_str(l.pick(" — exigence : ", " — requirement: "));
    line.push_str(requirement);
    if !e.has_fiche {
        line.push_str(l.pick(" (sans fiche d'écart)", " (no fiche d'écart)"));
    }
    match e.due {
        Some(due) => {
            line.push_str(l.pick(
                " — action corrective due le ",
                " — corrective action due on ",
            ));
            push_date(line, due, l);
            line.push_str(" (");
            match (e.due_source, l) {
                (DueSource::Fiche, _) => {
                    line.push_str(l.pick("date de la fiche d'écart", "date of the fiche d'écart"));
                }
                (DueSource::Policy, Language::Fr) => {
                    push_number(line, deadline_months);
                    line.push_str(" mois après la fin de l'audit");
                }
                (DueSource::Policy, Language::En) => {
                    push_number(line, deadline_months);
                    line.push_str(" month");
                    line.push_str(plural(deadline_months, l));
                    line.push_str(" after the audit's last day");
                }
            }
            line.push_str(").");
        }
        None => line.push_str(l.pick(
            " — échéance non calculable.",
            " — no due date can be computed.",
        )),
    }
}

fn push_verdict_counts(out: &mut String, c: &VerdictCounts) {
    push_number(out, c.conforme);
    out.push_str(" C, ");
    push_number(out, c.non_applicable);
    out.push_str(" NA, ");
    push_number(out, c.nc_mineure);
    out.push_str(" NC min, ");
    push_number(out, c.nc_majeure);
    out.push_str(" NC Maj");
}

fn push_rate(out: &mut String, rate: Option<crate::Rate>, language: Language) {
    match rate {
        Some(r) => {
            let t = r.tenths_of_percent();
            out.push_str(language.pick("taux de conformité ", "conformity rate "));
            push_number(out, t / 10);
            out.push_str(language.pick(",", "."));
            push_number(out, t % 10);
            out.push_str(language.pick("\u{a0}% (", "% ("));
            push_number(out, r.numerator);
            out.push('/');
            push_number(out, r.denominator);
            out.push(')');
        }
        None => out.push_str(language.pick(
            "taux de conformité sans objet (aucun C ni NC)",
            "no conformity rate (no C nor NC)",
        )),
    }
}

/// The sentences giving the rule that fired and each écart.
pub(crate) fn reasons(decision: &Decision<'_>, language: Language) -> Vec<String> {
    let d = decision;
    let first = match (d.rule, language) {
        (Rule::MajorNonconformity, Language::Fr) => format!(
            "Au moins une non-conformité majeure ({}) : avis défavorable.",
            d.major
        ),
        (Rule::MajorNonconformity, Language::En) => format!(
            "At least one major nonconformity ({}): unfavourable.",
            d.major
        ),
        (Rule::MinorThresholdReached, Language::Fr) => format!(
            "{} non-conformité{} mineure{}, seuil de {} atteint : avis défavorable.",
            d.minor,
            plural(d.minor, language),
            plural(d.minor, language),
            d.minor_threshold.unwrap_or(0)
        ),
        (Rule::MinorThresholdReached, Language::En) => format!(
            "{} minor nonconformit{}, threshold of {} reached: unfavourable.",
            d.minor,
            if d.minor == 1 { "y" } else { "ies" },
            d.minor_threshold.unwrap_or(0)
        ),
        (Rule::MinorNonconformity, Language::Fr) => format!(
            "Aucune non-conformité majeure, {} non-conformité{} mineure{} : avis favorable sous réserve d'actions correctives.",
            d.minor,
            plural(d.minor, language),
            plural(d.minor, language)
        ),
        (Rule::MinorNonconformity, Language::En) => format!(
            "No major nonconformity, {} minor nonconformit{}: favourable with conditions (corrective actions).",
            d.minor,
            if d.minor == 1 { "y" } else { "ies" }
        ),
        (Rule::NoNonconformity, Language::Fr) => {
            "Aucune non-conformité majeure ou mineure : avis favorable.".to_owned()
        }
        (Rule::NoNonconformity, Language::En) => {
            "No major or minor nonconformity: favourable.".to_owned()
        }
    };
    let mut out = Vec::with_capacity(d.ecarts.len() + 1);
    out.push(first);
    out.extend(
        d.ecarts
            .iter()
            .map(|e| ecart_line(e, d.deadline_months, language)),
    );
    out
}

/// Writes how many of the listed items were assessed, their counts and their rate:
/// `23 engagements évalués sur 23 : 23 C, … ; taux de conformité 100,0 % (23/23).`, or
/// `23 of 23 engagements assessed: 23 C, …; conformity rate 100.0% (23/23).`
fn push_assessed(out: &mut String, noun: (&str, &str), tally: &Tally, language: Language) {
    let counts = &tally.counts;
    let assessed = counts.assessed();
    let listed = assessed.saturating_add(counts.not_assessed);
    match language {
        Language::Fr => {
            push_count(out, assessed, &[noun.0, " évalué"], language);
            out.push_str(" sur ");
            push_number(out, listed);
            out.push_str(" : ");
        }
        Language::En => {
            push_number(out, assessed);
            out.push_str(" of ");
            push_count(out, listed, &[noun.1], language);
            out.push_str(" assessed: ");
        }
    }
    push_verdict_counts(out, counts);
    out.push_str(language.pick(" ; ", "; "));
    push_rate(out, tally.rate, language);
    out.push('.');
}

/// Writes `n`, then each of `words` with its plural `s` when `n` calls for it (see
/// [`plural`]): `3 points forts`, `1 contrôle`.
fn push_count(out: &mut String, n: u32, words: &[&str], language: Language) {
    push_number(out, n);
    for word in words {
        out.push_str(word);
        out.push_str(plural(n, language));
    }
}

fn is_initial(audit: &Audit) -> bool {
    audit.kind.audit_type == Some(AuditType::Initial)
}

/// The audit named in words: type, site, dates.
pub(crate) fn audit_phrase(audit: &Audit, language: Language) -> String {
    let mut out = String::with_capacity(160);
    push_audit_phrase(&mut out, audit, language);
    out
}

/// Writes [`audit_phrase`] into `out`.
fn push_audit_phrase(out: &mut String, audit: &Audit, language: Language) {
    match (language, audit.kind.internal, audit.kind.audit_type) {
        (Language::Fr, true, Some(t)) => {
            out.push_str("Audit interne réalisé en amont d'un audit ");
            out.push_str(t.label_fr());
        }
        (Language::Fr, true, None) => out.push_str("Audit interne"),
        (Language::Fr, false, Some(t)) => {
            out.push_str("Audit ");
            out.push_str(t.label_fr());
        }
        (Language::En, true, Some(t)) => {
            out.push_str(match t {
                AuditType::Initial => "Internal audit ahead of an initial audit",
                AuditType::Suivi => "Internal audit ahead of a follow-up audit",
                AuditType::Renouvellement => "Internal audit ahead of a renewal audit",
                AuditType::Extension => "Internal audit ahead of an extension audit",
            });
        }
        (Language::En, true, None) => out.push_str("Internal audit"),
        (Language::En, false, Some(t)) => out.push_str(match t {
            AuditType::Initial => "Initial audit",
            AuditType::Suivi => "Follow-up audit",
            AuditType::Renouvellement => "Renewal audit",
            AuditType::Extension => "Extension audit",
        }),
        (_, false, None) => out.push_str("Audit"),
    }
    let site = &audit.site;
    let name = site.name.as_deref().unwrap_or(match language {
        Language::Fr => site.administration.label_fr(),
        Language::En => site.administration.label_en(),
    });
    out.push_str(language.pick(" : ", ": "));
    out.push_str(name);
    out.push_str(", ");
    out.push_str(&site.city);
    out.push_str(" (");
    out.push_str(site.departement.as_str());
    out.push_str("), ");
    if audit.dates.start == audit.dates.end {
        out.push_str(language.pick("le ", "on "));
        push_date(out, audit.dates.start, language);
    } else {
        out.push_str(language.pick("du ", "from "));
        push_date(out, audit.dates.start, language);
        out.push_str(language.pick(" au ", " to "));
        push_date(out, audit.dates.end, language);
    }
    out.push('.');
}

fn conclusion_generale(
    audit: &Audit,
    scores: &Scores<'_>,
    decision: &Decision<'_>,
    language: Language,
) -> Lines {
    let l = language;
    let mut lines = Lines::with_capacity(7, 1024);
    push_audit_phrase(lines.buffer(), audit, l);
    lines.end_line();

    let line = lines.buffer();
    if scores.modules.is_empty() {
        line.push_str(l.pick("Aucun module couvert.", "No module covered."));
    } else {
        line.push_str(l.pick("Modules couverts : ", "Modules covered: "));
        for (i, mgmt) in scores.modules.iter().enumerate() {
            if i > 0 {
                line.push_str(l.pick(" ; ", "; "));
            }
            push_number(line, mgmt.module.get().into());
            if !mgmt.title.is_empty() {
                line.push_str(" – ");
                line.push_str(mgmt.title);
            }
        }
        line.push('.');
    }
    lines.end_line();

    push_assessed(
        lines.buffer(),
        (" engagement", " engagement"),
        &scores.overall,
        l,
    );
    lines.end_line();

    let line = lines.buffer();
    line.push_str(l.pick(
        "Pilotage de la politique qualité et démarche de labellisation : ",
        "Quality policy management and labelling process: ",
    ));
    push_assessed(line, (" point", " item"), &scores.management.total, l);
    lines.end_line();

    let remote = &scores.remote_total;
    let line = lines.buffer();
    line.push_str(l.pick("Audit à distance : ", "Remote audit: "));
    push_count(line, remote.total(), &[l.pick(" contrôle", " check")], l);
    line.push_str(", ");
    match l {
        Language::Fr => {
            push_count(line, remote.conforme, &[" conforme"], l);
            line.push_str(", ");
            push_count(line, remote.non_conforme, &[" non conforme"], l);
            line.push_str(", ");
            push_count(line, remote.non_applicable, &[" non applicable"], l);
        }
        Language::En => {
            push_number(line, remote.conforme);
            line.push_str(" conforming, ");
            push_number(line, remote.non_conforme);
            line.push_str(" nonconforming, ");
            push_number(line, remote.non_applicable);
            line.push_str(" not applicable");
        }
    }
    if remote.without_note > 0 {
        line.push_str(", ");
        push_number(line, remote.without_note);
        line.push_str(l.pick(" sans note", " without note"));
    }
    line.push('.');
    lines.end_line();

    let obs = &scores.observations;
    let line = lines.buffer();
    match l {
        Language::Fr => {
            line.push_str("Observations : ");
            push_count(line, obs.pf, &[" point", " fort"], l);
            line.push_str(", ");
            push_count(line, obs.ps, &[" point", " sensible"], l);
            line.push_str(", ");
            push_count(line, obs.pp, &[" piste"], l);
            line.push_str(" de progrès.");
        }
        Language::En => {
            line.push_str("Observations: ");
            push_count(line, obs.pf, &[" strength"], l);
            line.push_str(", ");
            push_count(line, obs.ps, &[" area"], l);
            line.push_str(" of concern, ");
            push_number(line, obs.pp);
            line.push_str(if obs.pp == 1 {
                " opportunity"
            } else {
                " opportunities"
            });
            line.push_str(" for improvement.");
        }
    }
    lines.end_line();

    let line = lines.buffer();
    line.push_str(l.pick(
        "Décision selon la politique par défaut de la bibliothèque (et non le texte du référentiel) : ",
        "Decision under the library's default policy (not the référentiel's text): ",
    ));
    line.push_str(match l {
        Language::Fr => decision.outcome.label_fr(),
        Language::En => decision.outcome.label_en(),
    });
    if decision.outcome != Outcome::Favorable {
        line.push_str(" (");
        push_number(line, decision.minor);
        line.push_str(" NC min, ");
        push_number(line, decision.major);
        line.push_str(" NC Maj)");
    }
    if decision.outcome == Outcome::FavorableWithConditions {
        if let Some(due) = decision
            .ecarts
            .iter()
            .filter(|e| e.grade == NcGrade::Minor)
            .filter_map(|e| e.due)
            .max()
        {
            line.push_str(l.pick(
                ", actions correctives dues au plus tard le ",
                ", corrective actions due by ",
            ));
            push_date(line, due, l);
        }
    }
    line.push('.');
    lines.end_line();
    lines
}

fn observation_section<'a>(
    heading: &'static str,
    kind: ObservationKind,
    items: &[ObservationItem<'a>],
    auditor: &'a [String],
    language: Language,
) -> Section<'a> {
    let (count, bytes) =
        items
            .iter()
            .filter(|i| i.kind == kind)
            .fold((0, 0), |(count, bytes), i| {
                let len = i.title.len() + i.text.len() + i.risk.map_or(0, str::len) + 96;
                (count + 1, bytes + len)
            });
    let mut generated = Lines::with_capacity(count.max(1), bytes.max(32));
    for item in items.iter().filter(|i| i.kind == kind) {
        push_observation_line(generated.buffer(), item, language);
        generated.end_line();
    }
    if generated.is_empty() {
        generated.push(nothing(language));
    }
    Section {
        heading,
        generated,
        auditor,
        auditor_verdict: None,
    }
}

/// Regenerates section 4 from the audit, its scores and its decision. See the
/// [module docs](self).
#[must_use]
pub fn synthesize<'a>(
    valid: &crate::Valid<'a>,
    scores: &Scores<'_>,
    decision: &Decision<'a>,
    language: Language,
) -> Synthesis<'a> {
    let audit = valid.audit();
    let index = Index::new(audit, valid.referentiel());
    synthesize_indexed(
        audit,
        valid.referentiel(),
        &index,
        scores,
        decision,
        language,
    )
}

pub(crate) fn synthesize_indexed<'a>(
    audit: &'a Audit,
    referentiel: &'a Referentiel,
    index: &Index<'a>,
    scores: &Scores<'_>,
    decision: &Decision<'a>,
    language: Language,
) -> Synthesis<'a> {
    let c = &audit.conclusion;
    let items = observations(audit, referentiel, index);
    let l = language;
    let plain = |heading: &'static str, auditor: &'a [String]| Section {
        heading,
        generated: Lines::default(),
        auditor,
        auditor_verdict: None,
    };
    let mut fiches = Lines::with_capacity(decision.ecarts.len().max(1), 256);
    if decision.ecarts.is_empty() {
        fiches.push(l.pick(
            "Absence de non-conformité majeure ou mineure.",
            "No major or minor nonconformity.",
        ));
    }
    for e in &decision.ecarts {
        push_ecart_line(fiches.buffer(), e, decision.deadline_months, l);
        fiches.end_line();
    }
    let mut charte = Lines::default();
    if is_initial(audit) {
        charte.push(l.pick(
            "Non applicable en audit initial.",
            "Not applicable in an initial audit.",
        ));
    } else if let Some(v) = c.charte_graphique.verdict {
        let line = charte.buffer();
        line.push_str(l.pick("Verdict de l'auditeur : ", "Auditor's verdict: "));
        line.push_str(v.code());
        line.push_str(" (");
        line.push_str(match l {
            Language::Fr => v.label_fr(),
            Language::En => v.label_en(),
        });
        line.push_str(").");
        charte.end_line();
    }
    Synthesis {
        language,
        points_forts: observation_section(
            l.pick("POINTS FORTS", "STRENGTHS"),
            ObservationKind::Strength,
            &items,
            &c.points_forts,
            l,
        ),
        points_sensibles: observation_section(
            l.pick(
                "POINTS SENSIBLES (avec risques associés)",
                "AREAS OF CONCERN (with associated risks)",
            ),
            ObservationKind::AreaOfConcern,
            &items,
            &c.points_sensibles,
            l,
        ),
        pistes_de_progres: observation_section(
            l.pick("PISTES DE PROGRES", "OPPORTUNITIES FOR IMPROVEMENT"),
            ObservationKind::OpportunityForImprovement,
            &items,
            &c.pistes_de_progres,
            l,
        ),
        fiches_ecart: Section {
            heading: l.pick("FICHE(S) D'ECART(S)", "NONCONFORMITY REPORTS"),
            generated: fiches,
            auditor: &c.fiches_ecart,
            auditor_verdict: None,
        },
        commentaires: plain(l.pick("COMMENTAIRES", "COMMENTS"), &c.commentaires),
        bonnes_pratiques: plain(
            l.pick("LES BONNES PRATIQUES", "GOOD PRACTICES"),
            &c.bonnes_pratiques,
        ),
        enquetes_satisfaction: plain(
            l.pick(
                "LES RESULTATS DES ENQUETES DE SATISFACTION DES USAGERS",
                "RESULTS OF THE USER SATISFACTION SURVEYS",
            ),
            &c.enquetes_satisfaction,
        ),
        charte_graphique: Section {
            heading: l.pick(
                "RESPECT DE LA CHARTE GRAPHIQUE",
                "COMPLIANCE WITH THE GRAPHIC CHARTER",
            ),
            generated: charte,
            auditor: &c.charte_graphique.text,
            auditor_verdict: c.charte_graphique.verdict,
        },
        conclusion_generale: Section {
            heading: l.pick(
                "CONCLUSION GENERALE DE L'AUDIT",
                "GENERAL CONCLUSION OF THE AUDIT",
            ),
            generated: conclusion_generale(audit, scores, decision, l),
            auditor: &c.conclusion_generale,
            auditor_verdict: None,
        },
        observations: items,
    }
}
