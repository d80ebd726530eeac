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
//! French text follows the French typography of the crate's wording (see `DESIGN.md`): a
//! no-break space (U+00A0) before `:` and `%` and inside `« »`, a narrow no-break space (U+202F)
//! before `;`, `!` and `?`. The auditor's words and the référentiel's titles are quoted verbatim.
//!
//! ```
//! use qualepref::{conclude, samples, Audit, Language, Policy, Referentiel, Valid};
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &Default::default())?;
//! let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
//! let text = conclusions.synthesis.conclusion_generale.generated().collect::<Vec<_>>().join(" ");
//! assert!(text.contains("\u{a0}:"), "{text}");
//! assert!(!text.contains(" :"), "{text}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//! Every word comes from the language's phrases (`src/i18n/fr.rs`, `src/i18n/en.rs`); the
//! sentences are assembled in `src/engine/sentences.rs`.

use std::borrow::Cow;

use crate::engine::owned;

use serde::{Deserialize, Serialize};

use crate::engine::lines::Lines;

use crate::engine::decision::Decision;
use crate::engine::score::Scores;
pub(crate) use crate::engine::sentences::push_auditor_verdict;
use crate::engine::sentences::{conclusion_generale, push_ecart_line, push_observation_line};
pub(crate) use crate::engine::sentences::{ecart_source, source_label};
use crate::validate::Index;
use crate::{
    Audit, AuditType, EngagementNumber, Language, ManagementItemId, Observation, ObservationKind,
    Referentiel, RemoteChannel, Verdict,
};

/// One section of the synthesis: generated lines beside the auditor's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Section<'a> {
    /// The heading, as printed (in the synthesis' language).
    pub heading: Cow<'a, str>,
    /// Lines generated from the data, one per paragraph: read them with
    /// [`generated`](Section::generated).
    generated: Lines,
    /// The auditor's own text, verbatim, one string per paragraph.
    pub auditor: Cow<'a, [String]>,
    /// The auditor's verdict, for the charte graphique.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auditor_verdict: Option<Verdict>,
}

impl Section<'_> {
    /// The section with its texts owned.
    #[must_use]
    pub fn into_owned(self) -> Section<'static> {
        Section {
            heading: owned(self.heading),
            generated: self.generated,
            auditor: owned(self.auditor),
            auditor_verdict: self.auditor_verdict,
        }
    }

    /// The lines generated from the data, one per paragraph, in order.
    ///
    /// ```
    /// use qualepref::{conclude, samples, Audit, Language, Policy, Referentiel, Valid};
    /// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
    /// let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &Default::default())?;
    /// let synthesis = conclude(&valid, &Policy::default(), Language::Fr).synthesis;
    /// let fiches: Vec<&str> = synthesis.fiches_ecart.generated().collect();
    /// assert_eq!(fiches, ["Absence de non-conformité majeure ou mineure."]);
    /// assert_eq!(synthesis.points_forts.generated().len(), 10);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn generated(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.generated.iter()
    }
}

/// What an observation belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ObservationItem<'a> {
    /// What it belongs to.
    pub source: Source,
    /// The title of that engagement or management item in the référentiel (empty if unknown).
    pub title: Cow<'a, str>,
    /// `PF`, `PS` or `PP`.
    pub kind: ObservationKind,
    /// The text, verbatim.
    pub text: Cow<'a, str>,
    /// The risk of a `PS`, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk: Option<Cow<'a, str>>,
}

impl ObservationItem<'_> {
    /// The observation with its texts owned.
    #[must_use]
    pub fn into_owned(self) -> ObservationItem<'static> {
        ObservationItem {
            source: self.source,
            title: owned(self.title),
            kind: self.kind,
            text: owned(self.text),
            risk: self.risk.map(owned),
        }
    }
}

/// The report's section 4, regenerated. See the [module docs](self).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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

impl Synthesis<'_> {
    /// The synthesis with its texts owned, free of the audit's lifetime.
    #[must_use]
    pub fn into_owned(self) -> Synthesis<'static> {
        Synthesis {
            language: self.language,
            points_forts: self.points_forts.into_owned(),
            points_sensibles: self.points_sensibles.into_owned(),
            pistes_de_progres: self.pistes_de_progres.into_owned(),
            fiches_ecart: self.fiches_ecart.into_owned(),
            commentaires: self.commentaires.into_owned(),
            bonnes_pratiques: self.bonnes_pratiques.into_owned(),
            enquetes_satisfaction: self.enquetes_satisfaction.into_owned(),
            charte_graphique: self.charte_graphique.into_owned(),
            conclusion_generale: self.conclusion_generale.into_owned(),
            observations: self
                .observations
                .into_iter()
                .map(ObservationItem::into_owned)
                .collect(),
        }
    }
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
    language.engine().nothing
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
            title: Cow::Borrowed(title),
            kind: o.kind,
            text: Cow::Borrowed(&o.text),
            risk: o.risk.as_deref().map(Cow::Borrowed),
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

fn is_initial(audit: &Audit) -> bool {
    audit.kind.audit_type == Some(AuditType::Initial)
}

/// The lines of the three observation sections (`PF`, `PS`, `PP`, in that order), written in
/// one pass over `items` after one pass that sizes them.
fn observation_lines(items: &[ObservationItem<'_>], language: Language) -> [Lines; 3] {
    let slot = |kind: ObservationKind| match kind {
        ObservationKind::Strength => 0,
        ObservationKind::AreaOfConcern => 1,
        ObservationKind::OpportunityForImprovement => 2,
    };
    let mut sizes = [(0_usize, 0_usize); 3];
    for i in items {
        if let Some((count, bytes)) = sizes.get_mut(slot(i.kind)) {
            *count += 1;
            *bytes += i.title.len() + i.text.len() + i.risk.as_deref().map_or(0, str::len) + 96;
        }
    }
    let mut lines = sizes.map(|(count, bytes)| Lines::with_capacity(count.max(1), bytes.max(32)));
    for item in items {
        if let Some(section) = lines.get_mut(slot(item.kind)) {
            push_observation_line(section.buffer(), item, language);
            section.end_line();
        }
    }
    for section in &mut lines {
        if section.is_empty() {
            section.push(nothing(language));
        }
    }
    lines
}

/// A section of `generated` lines beside the auditor's.
const fn observation_section<'a>(
    heading: &'static str,
    generated: Lines,
    auditor: &'a [String],
) -> Section<'a> {
    Section {
        heading: Cow::Borrowed(heading),
        generated,
        auditor: Cow::Borrowed(auditor),
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
    synthesize_indexed(
        valid.audit(),
        valid.referentiel(),
        valid.index(),
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
    let h = &l.engine().headings;
    let plain = |heading: &'static str, auditor: &'a [String]| Section {
        heading: Cow::Borrowed(heading),
        generated: Lines::default(),
        auditor: Cow::Borrowed(auditor),
        auditor_verdict: None,
    };
    let mut fiches = Lines::with_capacity(decision.ecarts.len().max(1), 256);
    if decision.ecarts.is_empty() {
        fiches.push(l.engine().no_nonconformity);
    }
    for e in &decision.ecarts {
        push_ecart_line(fiches.buffer(), e, decision.deadline_months_for(e.grade), l);
        fiches.end_line();
    }
    let mut charte = Lines::default();
    if is_initial(audit) {
        charte.push(l.engine().charte_initial);
    } else if let Some(v) = c.charte_graphique.verdict {
        push_auditor_verdict(charte.buffer(), v, l);
        charte.end_line();
    }
    let [pf, ps, pp] = observation_lines(&items, l);
    Synthesis {
        language,
        points_forts: observation_section(h.points_forts, pf, &c.points_forts),
        points_sensibles: observation_section(h.points_sensibles, ps, &c.points_sensibles),
        pistes_de_progres: observation_section(h.pistes_de_progres, pp, &c.pistes_de_progres),
        fiches_ecart: Section {
            heading: Cow::Borrowed(h.fiches_ecart),
            generated: fiches,
            auditor: Cow::Borrowed(&c.fiches_ecart),
            auditor_verdict: None,
        },
        commentaires: plain(h.commentaires, &c.commentaires),
        bonnes_pratiques: plain(h.bonnes_pratiques, &c.bonnes_pratiques),
        enquetes_satisfaction: plain(h.enquetes_satisfaction, &c.enquetes_satisfaction),
        charte_graphique: Section {
            heading: Cow::Borrowed(h.charte_graphique),
            generated: charte,
            auditor: Cow::Borrowed(&c.charte_graphique.text),
            auditor_verdict: c.charte_graphique.verdict,
        },
        conclusion_generale: Section {
            heading: Cow::Borrowed(h.conclusion_generale),
            generated: conclusion_generale(audit, scores, decision, l),
            auditor: Cow::Borrowed(&c.conclusion_generale),
            auditor_verdict: None,
        },
        observations: items,
    }
}
