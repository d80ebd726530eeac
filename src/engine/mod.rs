//! One call from a validated audit to every conclusion: scores, decision, synthesis, as one
//! serialisable [`Conclusions`] whose JSON is a stable contract.
//!
//! # The JSON contract
//!
//! ```json
//! {
//!   "format_version": 2,
//!   "language": "fr",
//!   "referentiel": "qual-e-pref-2019",
//!   "site": { "administration": "prefecture", "name": "PREFECTURE du Var",
//!             "departement": "83", "city": "TOULON" },
//!   "kind": { "type": "initial", "internal": true },
//!   "dates": { "start": "2019-11-18", "end": "2019-11-18" },
//!   "outcome": "favorable",            // or "favorable_with_conditions", "unfavorable"
//!   "indicative": true,                // an internal audit: the outcome decides nothing
//!   "rule": "no_nonconformity",        // or "major_nonconformity", "minor_threshold_reached",
//!                                      //    "minor_nonconformity"
//!   "reasons": ["Aucune non-conformité majeure ou mineure : avis favorable."],
//!   "nonconformities": { "minor": 0, "major": 0 },   // all that the decision counted
//!   "counts": { "conforme": 23, "non_applicable": 0, "nc_mineure": 0, "nc_majeure": 0,
//!               "not_assessed": 0 },
//!   "rate": { "numerator": 23, "denominator": 23 },      // or null
//!   "observations": { "pf": 10, "ps": 0, "pp": 4 },
//!   "ecarts": [ { "target": { "engagement": 17 }, "title": "…", "grade": "NC min",
//!                 "finding": "…", "requirement": "…", "due": "2020-02-18",
//!                 "due_source": "policy", "has_fiche": true } ],
//!   "policy": { "deadline_months": 3, "major_deadline_months": 1, "minor_threshold": null },
//!   "modules": [ { "module": 1, "title": "…", "counts": { … }, "observations": { … },
//!                  "rate": { … } or null,
//!                  "groups": [ { "id": "accueil-physique", "title": "…", "heading": "…",
//!                                "counts": { … }, "observations": { … }, "rate": … } ] } ],
//!   "management": { "sections": [ { "section": "pilotage", "counts": …, "observations": …,
//!                                   "rate": … } ],
//!                   "total": { "counts": …, "observations": …, "rate": … } },
//!   "remote": [ { "channel": "internet", "notes": { "conforme": 7, "non_conforme": 0,
//!                 "non_applicable": 0, "without_note": 0 }, "observations": { … } } ],
//!   "remote_total": { "conforme": 13, … },
//!   "synthesis": { "language": "fr",
//!                  "points_forts": { "heading": "POINTS FORTS", "generated": ["…"],
//!                                    "auditor": ["…"] },
//!                  "points_sensibles": …, "pistes_de_progres": …, "fiches_ecart": …,
//!                  "commentaires": …, "bonnes_pratiques": …, "enquetes_satisfaction": …,
//!                  "charte_graphique": { …, "auditor_verdict": "NA" },
//!                  "conclusion_generale": …,
//!                  "observations": [ { "source": { "engagement": 1 }, "title": "…",
//!                                      "kind": "PF", "text": "…" } ] }
//! }
//! ```
//!
//! `counts` and `rate` at the top level are those of the engagements of the covered modules (see
//! [`score`](crate::score())); the management items have theirs under `management`, and
//! `nonconformities` counts every nonconformity the decision weighed (engagements, management
//! items, fiches d'écart without a matching verdict), so that it always agrees with `outcome`.
//! `observations` counts every observation (engagements, management items and remote checks).
//! An audit gives an *avis* (a proposal); the labelling decision comes afterwards from the
//! certification body. `outcome` is the avis that the crate's default policy gives (not the
//! référentiel's rules, which are not public). `indicative` is true for an internal audit
//! (`kind.internal`): such an audit grants nothing and calls for no labelling decision, so
//! `outcome`, `rule` and `reasons` are then the same policy applied to the internal audit's own
//! findings, and nothing more. It is false for an external audit.
//! Conclusions written before the field existed read back with `indicative` false.
//! Fields are only ever added; a change of meaning raises `format_version`
//! ([`CONCLUSIONS_FORMAT_VERSION`]).
//!
//! ```
//! use qualepref::{conclude, samples, Audit, Language, Outcome, Policy, Referentiel, Valid};
//! use qualepref::validate::ValidationOptions;
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default())
//!     .map_err(|_| "invalid")?;
//! let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
//! assert_eq!(conclusions.outcome, Outcome::Favorable);
//! let json = serde_json::to_string_pretty(&conclusions)?;
//! assert!(json.contains("\"outcome\": \"favorable\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod decision;
mod lines;
pub(crate) mod phrases;
pub mod score;
mod sentences;
pub mod synthesis;

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::engine::decision::{Decision, Ecart, Rule, decide_indexed};
use crate::engine::score::{
    ManagementScore, ModuleScore, NoteCounts, ObservationCounts, Rate, RemoteScore, Scores,
    VerdictCounts, score_indexed,
};
use crate::engine::sentences::reasons;
use crate::engine::synthesis::{Synthesis, synthesize_indexed};
use crate::{AuditDates, AuditKind, Language, Outcome, Policy, Site, Valid};

/// The policy as applied, in the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "AppliedPolicyWire")]
#[non_exhaustive]
pub struct AppliedPolicy {
    /// Months after the audit's last day for the corrective actions of minor nonconformities
    /// (`NC min`).
    pub deadline_months: u32,
    /// Months after the audit's last day for the corrective actions of major nonconformities
    /// (`NC Maj`). Conclusions written when one deadline served both grades read back with
    /// `deadline_months` here.
    pub major_deadline_months: u32,
    /// The threshold of minor nonconformities that counts as unfavourable, if set.
    pub minor_threshold: Option<u32>,
}

/// [`AppliedPolicy`] as read: `major_deadline_months` may be absent from older conclusions.
#[derive(Deserialize)]
struct AppliedPolicyWire {
    deadline_months: u32,
    #[serde(default)]
    major_deadline_months: Option<u32>,
    minor_threshold: Option<u32>,
}

impl From<AppliedPolicyWire> for AppliedPolicy {
    fn from(w: AppliedPolicyWire) -> Self {
        AppliedPolicy {
            deadline_months: w.deadline_months,
            major_deadline_months: w.major_deadline_months.unwrap_or(w.deadline_months),
            minor_threshold: w.minor_threshold,
        }
    }
}

/// The version of the [`Conclusions`] JSON contract: raised when a field changes meaning or
/// disappears (fields are otherwise only added).
pub const CONCLUSIONS_FORMAT_VERSION: u32 = 2;

/// How many nonconformities the decision counted: on the engagements of the covered modules, on
/// the management items, and in fiches d'écart without a matching verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Nonconformities {
    /// `NC min`.
    pub minor: u32,
    /// `NC Maj`.
    pub major: u32,
}

/// Every conclusion of an audit: see the [module docs](self) for the JSON contract.
///
/// Texts borrow from the audit (`Cow::Borrowed`); conclusions read back from their JSON own them:
///
/// ```
/// use qualepref::{conclude, samples, Audit, Conclusions, Language, Policy, Referentiel, Valid};
/// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &Default::default())?;
/// let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
/// let json = conclusions.to_json_string()?;
/// let back: Conclusions<'static> = serde_json::from_str(&json)?;
/// assert_eq!(back, conclusions);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Conclusions<'a> {
    /// The version of this contract, [`CONCLUSIONS_FORMAT_VERSION`].
    pub format_version: u32,
    /// The language of generated texts.
    pub language: Language,
    /// The référentiel's id.
    pub referentiel: Cow<'a, str>,
    /// The audited site.
    pub site: Cow<'a, Site>,
    /// The audit's type, and whether it is internal.
    pub kind: AuditKind,
    /// The audit's first and last day.
    pub dates: AuditDates,
    /// The avis under the policy (a proposal: the certification body decides); for an internal
    /// audit, indicative only (see `indicative`).
    pub outcome: Outcome,
    /// Whether the outcome is indicative: true for an internal audit, which grants nothing and
    /// calls for no labelling decision; the outcome is then the same policy applied to the
    /// internal audit's own findings.
    #[serde(default)]
    pub indicative: bool,
    /// The rule of the policy that fired.
    pub rule: Rule,
    /// The rule and each nonconformity, in words.
    pub reasons: Vec<String>,
    /// The nonconformities the decision counted (engagements, management items, fiches).
    pub nonconformities: Nonconformities,
    /// On-site verdicts of the engagements of the covered modules (management items are in
    /// `management`).
    pub counts: VerdictCounts,
    /// Their conformity rate.
    pub rate: Option<Rate>,
    /// Every observation (engagements, management items, remote checks).
    pub observations: ObservationCounts,
    /// The nonconformities.
    pub ecarts: Vec<Ecart<'a>>,
    /// The policy applied.
    pub policy: AppliedPolicy,
    /// Per covered module (and channel group).
    pub modules: Vec<ModuleScore<'a>>,
    /// The management sections.
    pub management: ManagementScore,
    /// Per remote channel.
    pub remote: Vec<RemoteScore>,
    /// Every remote check.
    pub remote_total: NoteCounts,
    /// The report's section 4, regenerated.
    pub synthesis: Synthesis<'a>,
}

impl Conclusions<'_> {
    /// The conclusions with every text owned, free of the audit's lifetime: a struct can then
    /// hold an audit and its conclusions, a cache keep them, a thread take them. (Conclusions
    /// read back from their JSON are owned already.)
    ///
    /// ```
    /// use qualepref::{conclude, samples, Audit, Conclusions, Language, Policy, Referentiel, Valid};
    ///
    /// struct Checked {
    ///     audit: Audit,
    ///     conclusions: Conclusions<'static>,
    /// }
    ///
    /// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
    /// let conclusions = {
    ///     let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &Default::default())?;
    ///     conclude(&valid, &Policy::default(), Language::Fr).into_owned()
    /// };
    /// let checked = Checked { audit, conclusions };
    /// let handle = std::thread::spawn(move || checked.conclusions.outcome_label(Language::Fr));
    /// assert_eq!(handle.join().map_err(|_| "thread")?, "avis favorable (indicatif)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn into_owned(self) -> Conclusions<'static> {
        Conclusions {
            format_version: self.format_version,
            language: self.language,
            referentiel: owned(self.referentiel),
            site: owned(self.site),
            kind: self.kind,
            dates: self.dates,
            outcome: self.outcome,
            indicative: self.indicative,
            rule: self.rule,
            reasons: self.reasons,
            nonconformities: self.nonconformities,
            counts: self.counts,
            rate: self.rate,
            observations: self.observations,
            ecarts: self.ecarts.into_iter().map(Ecart::into_owned).collect(),
            policy: self.policy,
            modules: self
                .modules
                .into_iter()
                .map(ModuleScore::into_owned)
                .collect(),
            management: self.management,
            remote: self.remote,
            remote_total: self.remote_total,
            synthesis: self.synthesis.into_owned(),
        }
    }

    /// The outcome in words, as every output of the crate writes it: `avis favorable sous
    /// réserve` for an external audit, and for an internal one, whose outcome is only
    /// indicative, `avis favorable (indicatif)` (`favourable (indicative)` in English).
    ///
    /// ```
    /// use qualepref::{conclude, samples, Audit, Language, Policy, Referentiel, Valid};
    /// let mut audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
    /// let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &Default::default())?;
    /// let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
    /// assert_eq!(conclusions.outcome_label(Language::Fr), "avis favorable (indicatif)");
    /// assert_eq!(conclusions.outcome_label(Language::En), "favourable (indicative)");
    /// audit.kind.internal = false;
    /// let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &Default::default())?;
    /// let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
    /// assert_eq!(conclusions.outcome_label(Language::Fr), "avis favorable");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn outcome_label(&self, language: Language) -> String {
        let label = self.outcome.label(language);
        if self.indicative {
            format!("{label}{}", language.phrases().common.indicative)
        } else {
            label.to_owned()
        }
    }
}

impl<R: std::borrow::Borrow<crate::Referentiel>> crate::ValidAudit<R> {
    /// Every conclusion of the kept audit, owned ([`conclude`] then
    /// [`into_owned`](Conclusions::into_owned)).
    #[must_use]
    pub fn conclude(&self, policy: &Policy, language: Language) -> Conclusions<'static> {
        conclude(&self.valid(), policy, language).into_owned()
    }
}

/// A borrowed text as an owned one, for the `into_owned` of the output types.
pub(crate) fn owned<T: ToOwned + ?Sized + 'static>(text: Cow<'_, T>) -> Cow<'static, T> {
    Cow::Owned(text.into_owned())
}

/// Scores, decides and synthesises a validated audit in one pass over an index built once.
#[must_use]
pub fn conclude<'a>(valid: &Valid<'a>, policy: &Policy, language: Language) -> Conclusions<'a> {
    let audit = valid.audit();
    let referentiel = valid.referentiel();
    let index = valid.index();
    let scores = score_indexed(audit, referentiel, index);
    let decision = decide_indexed(audit, referentiel, index, policy);
    let synthesis = synthesize_indexed(audit, referentiel, index, &scores, &decision, language);
    let reasons = reasons(&decision, language);
    let Scores {
        overall,
        modules,
        management,
        remote,
        remote_total,
        observations,
    } = scores;
    let Decision {
        outcome,
        rule,
        minor,
        major,
        ecarts,
        deadline_months,
        major_deadline_months,
        minor_threshold,
        ..
    } = decision;
    Conclusions {
        format_version: CONCLUSIONS_FORMAT_VERSION,
        language,
        referentiel: Cow::Borrowed(&audit.referentiel.id),
        site: Cow::Borrowed(&audit.site),
        kind: audit.kind,
        dates: audit.dates,
        outcome,
        indicative: audit.kind.internal,
        rule,
        reasons,
        nonconformities: Nonconformities { minor, major },
        counts: overall.counts,
        rate: overall.rate,
        observations,
        ecarts,
        policy: AppliedPolicy {
            deadline_months,
            major_deadline_months,
            minor_threshold,
        },
        modules,
        management,
        remote,
        remote_total,
        synthesis,
    }
}

impl Conclusions<'_> {
    /// The conclusions as plain text, in their language: the avis under `AVIS PROPOSÉ : ` (for
    /// an internal audit, the indicative outcome, under `AVIS INDICATIF (audit interne, sans
    /// valeur de décision) : `), the sentence that it follows the tool's default rule and not the
    /// référentiel's, its reasons, the figures, then each section of the synthesis (generated
    /// lines, then the auditor's text verbatim under « Texte de l'auditeur : »; « Sans objet. »
    /// for a section with neither, as the report writes it). This is what
    /// `qualepref synthesize` prints by default.
    ///
    /// ```
    /// use qualepref::{conclude, samples, Audit, Language, Policy, Referentiel, Valid};
    /// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
    /// let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &Default::default())
    ///     .map_err(|_| "invalid")?;
    /// let text = conclude(&valid, &Policy::default(), Language::Fr).to_text();
    /// // The Toulon audit is internal: its outcome is indicative.
    /// assert!(text.starts_with(
    ///     "AVIS INDICATIF (audit interne, sans valeur de décision)\u{a0}: avis favorable\n\
    ///      Avis établi selon la règle de décision par défaut de l'outil, et non selon le \
    ///      référentiel, dont les règles de décision ne sont pas publiques.\n"
    /// ));
    /// assert!(!text.contains("DÉCISION"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_text(&self) -> String {
        let l = self.language;
        let p = l.phrases();
        let mut out = String::with_capacity(4096);
        out.push_str(if self.indicative {
            l.engine().indicative_title
        } else {
            l.engine().decision_title
        });
        push_line(&mut out, self.outcome.label(l));
        push_line(&mut out, l.engine().policy_caveat);
        // The list marks (`- `, `❖ `), the indent and the codes (`C`, `NA`, `NC min`, `NC Maj`,
        // `PF`, `PS`, `PP`) are the same in every language.
        for reason in &self.reasons {
            out.push_str("- ");
            push_line(&mut out, reason);
        }
        let c = &self.counts;
        let o = &self.observations;
        let sep = p.common.semicolon;
        out.push_str(p.common.rate_label);
        out.push(' ');
        out.push_str(&crate::engine::phrases::rate_text(self.rate, l));
        let _ = write!(
            out,
            "{sep}C {}, NA {}, NC min {}, NC Maj {}{sep}PF {}, PS {}, PP {}",
            c.conforme, c.non_applicable, c.nc_mineure, c.nc_majeure, o.pf, o.ps, o.pp
        );
        out.push('\n');
        // The management items count in the decision too: their figures follow.
        let items = &self.management.total.counts;
        out.push_str(l.engine().management);
        let _ = write!(
            out,
            "C {}, NA {}, NC min {}, NC Maj {}",
            items.conforme, items.non_applicable, items.nc_mineure, items.nc_majeure
        );
        out.push('\n');
        for section in self.synthesis.sections() {
            out.push('\n');
            out.push_str("❖ ");
            push_line(&mut out, &section.heading);
            for line in section.generated() {
                push_line(&mut out, line);
            }
            // A section with neither lines nor the auditor's text says so, as the report does.
            if section.generated().len() == 0 && section.auditor.is_empty() {
                push_line(&mut out, l.engine().nothing);
            }
            if !section.auditor.is_empty() {
                push_line(&mut out, l.engine().auditor_text);
                for paragraph in section.auditor.iter() {
                    out.push_str("  ");
                    push_line(&mut out, paragraph);
                }
            }
        }
        out
    }
}

fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

impl Conclusions<'_> {
    /// The conclusions as pretty-printed JSON with a final newline: the contract documented
    /// above.
    ///
    /// # Errors
    ///
    /// [`Error::Write`](crate::Error::Write) if serialisation fails (it does not for the types
    /// of this crate).
    pub fn to_json_string(&self) -> Result<String, crate::Error> {
        let mut text = serde_json::to_string_pretty(self).map_err(crate::Error::Write)?;
        text.push('\n');
        Ok(text)
    }
}
