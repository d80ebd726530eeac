//! The audit: what an audit report holds, as typed data. The JSON layout is documented on
//! [`Audit`], where users read it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoStaticStr};

use crate::base::wire::wire_enum;
use crate::model::assessment::{Assessment, ManagementAssessment, Observation};
use crate::model::auditor::Auditor;
use crate::model::ecart::{EcartTarget, FicheEcart};
use crate::model::ids::{EngagementNumber, ManagementItemId, ModuleNumber};
use crate::model::remote::RemoteCheck;
use crate::model::site::{Context, Site};
use crate::model::unread::Unread;
use crate::model::written::AuditorSynthesis;
use crate::{Error, NcGrade, Referentiel, Verdict};

/// An audit of a site against a référentiel, as its report states it.
///
/// Plain data with public fields, so that any state found in a real report (or typed by hand)
/// can be held and then checked by [`validate`](crate::validate()): an engagement without
/// verdict, a nonconformity without its fiche d'écart. What types can rule out, they do:
/// verdicts and observation kinds are enums, module numbers are 1–8, département codes are
/// well-formed, dates are dates.
///
/// Build one in code with [`Audit::skeleton`] (one assessment per engagement of the covered
/// modules and per management item, verdicts unset), then [`Audit::assess`],
/// [`Audit::fill_unset_verdicts_of`], [`Audit::fill_all_unset_verdicts`] and the constructors of its parts ([`Auditor::new`],
/// [`Observation::strength`](crate::Observation::strength), [`FicheEcart::new`](crate::FicheEcart::new)…); read one with
/// [`Audit::from_path`] or [`Audit::from_json_str`].
///
/// # The JSON layout (also YAML and TOML)
///
/// Stable field names, in this order (optional fields are omitted when empty; unknown fields are
/// refused):
///
/// ```json
/// {
///   "referentiel": { "id": "qual-e-pref-2019", "label": "Référentiel de labellisation …" },
///   "site": { "administration": "prefecture", "name": "PREFECTURE du Var",
///             "departement": "83", "city": "TOULON" },
///   "kind": { "type": "initial", "internal": true, "external_on": "2020-02-18" },
///   "dates": { "start": "2019-11-18", "end": "2019-11-18" },
///   "auditors": [ { "name": "…", "role": "…", "phone": "…", "email": "…",
///                   "signed_on": "2019-11-18" } ],
///   "modules": [1, 2],
///   "context": { "organisation": ["…"], "history": ["…"],
///                "figures": { "population": 1060000, "communes": 153,
///                             "arrondissements": 3, "staff": 315 } },
///   "assessments": [
///     { "engagement": 17, "module": 1, "verdict": "C", "comment": "…", "evidence": "…",
///       "observations": [ { "kind": "PP", "text": "…" },
///                         { "kind": "PS", "text": "…", "risk": "…" } ] }
///   ],
///   "management": [ { "section": "pilotage", "item": 1, "verdict": "C" } ],
///   "remote_checks": [ { "channel": "internet", "engagement": 3, "module": 1,
///                        "note": "Conforme", "observations": [] } ],
///   "ecarts": [ { "number": 1, "target": { "engagement": 17 }, "grade": "NC min",
///                 "finding": "…", "requirement": "…", "cause": "…", "corrective_action": "…",
///                 "due": "2020-02-18", "leader": "…", "response": "…",
///                 "status": { "state": "open" } } ],
///   "conclusion": { "points_forts": ["…"], "points_sensibles": ["Sans objet."],
///                   "pistes_de_progres": [], "fiches_ecart": [], "commentaires": [],
///                   "bonnes_pratiques": [], "enquetes_satisfaction": [],
///                   "charte_graphique": { "verdict": "NA", "text": ["…"] },
///                   "conclusion_generale": [] },
///   "labelling": { "decided_on": "2020-04-01", "plan_accepted_on": "2020-03-20" },
///   "unread": [ { "field": "ecarts[0].due", "text": "fin mars", "line": 185 } ]
/// }
/// ```
///
/// `kind.external_on` is, for an internal audit, the planned date of the external audit it
/// precedes (its écarts are to be dealt with before it). `evidence` (on an assessment or a
/// management item) is what the auditor consulted or whom they met (« éléments de preuve »).
/// A fiche d'écart's `number` is the one its report gives it (« Fiche d'écart n°1 »), kept
/// through every import and output; `cause` is the cause found, `response` the audited site's
/// answer. `labelling` is the certification body's labelling decision that followed the
/// audit, when recorded: the label runs from `decided_on` (after an avis favorable sous
/// réserve, from `plan_accepted_on`, the day the plan d'actions was accepted).
///
/// Verdicts are `"C"`, `"NA"`, `"NC min"`, `"NC Maj"`; observation kinds `"PF"`, `"PS"`, `"PP"`;
/// remote notes `"Conforme"`, `"Non conforme"`, `"Non applicable"` (parsing is lenient on case and
/// spacing; writing gives these forms). A fiche d'écart's target is `{"engagement": N}` or
/// `{"management": {"section": "pilotage", "item": N}}`.
///
/// The same fields read and write in YAML and TOML ([`Interchange`](crate::Interchange)); in TOML, dates are
/// strings. The JSON Schema of this layout is `schema/audit.schema.json` (feature `schema`:
/// `qualepref::schema::audit_schema`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(description = "An audit of a site against a référentiel, as its report states it.")
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Audit {
    /// The référentiel the audit assesses the site against.
    pub referentiel: ReferentielRef,
    /// The audited site.
    pub site: Site,
    /// The type of audit, and whether it is an internal audit run ahead of one.
    pub kind: AuditKind,
    /// First and last day of the audit.
    pub dates: AuditDates,
    /// The auditors, lead auditor first.
    #[serde(default)]
    pub auditors: Vec<Auditor>,
    /// The modules covered (checked on the cover page), in the order given.
    pub modules: Vec<ModuleNumber>,
    /// The report's context section.
    #[serde(default, skip_serializing_if = "Context::is_empty")]
    pub context: Context,
    /// One assessment per engagement of the covered modules.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    /// One assessment per management item.
    #[serde(default)]
    pub management: Vec<ManagementAssessment>,
    /// The remote checks (« audit à distance »), per channel.
    #[serde(default)]
    pub remote_checks: Vec<RemoteCheck>,
    /// The fiches d'écart, one per nonconformity.
    #[serde(default)]
    pub ecarts: Vec<FicheEcart>,
    /// The report's section 4 as the auditor wrote it.
    #[serde(default, skip_serializing_if = "AuditorSynthesis::is_empty")]
    pub conclusion: AuditorSynthesis,
    /// The certification body's labelling decision after this audit, when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labelling: Option<LabellingDecision>,
    /// The texts of the source that an import could not read into their fields, kept as
    /// written; validation reports each (`unread-value`) until it is resolved and removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread: Vec<Unread>,
}

impl Audit {
    /// An audit of `site` against `referentiel` with nothing assessed yet: one assessment per
    /// engagement of the covered `modules` that the référentiel bundles and one per management
    /// item, all without verdict, in the référentiel's order. Fill it in with
    /// [`assess`](Audit::assess), [`fill_unset_verdicts_of`](Audit::fill_unset_verdicts_of) and the public fields;
    /// validation then says what is missing.
    ///
    /// ```
    /// use qualepref::{
    ///     AdministrationType, Audit, AuditDates, AuditKind, AuditType, EngagementNumber,
    ///     ModuleNumber, NaiveDate, Referentiel, Site, Verdict,
    /// };
    /// let referentiel = Referentiel::qual_e_pref_2019();
    /// let site = Site::new(AdministrationType::Prefecture, "83".parse()?, "TOULON");
    /// let day = NaiveDate::from_ymd_opt(2024, 3, 12).ok_or("date")?;
    /// let mut audit = Audit::skeleton(
    ///     referentiel,
    ///     site,
    ///     AuditKind::external(AuditType::Initial),
    ///     AuditDates::day(day),
    ///     &[ModuleNumber::ONE],
    /// );
    /// assert_eq!((audit.assessments.len(), audit.management.len()), (20, 7));
    /// audit.assess(EngagementNumber::try_from(9)?, Verdict::MinorNonconformity)?;
    /// assert_eq!(audit.fill_all_unset_verdicts(Verdict::Conformity), 26);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn skeleton(
        referentiel: &Referentiel,
        site: Site,
        kind: AuditKind,
        dates: AuditDates,
        modules: &[ModuleNumber],
    ) -> Audit {
        let assessments = referentiel
            .engagements()
            .iter()
            .filter(|e| modules.contains(&e.module))
            .map(|e| Assessment::unassessed(e.number, e.module))
            .collect();
        let management = referentiel
            .management_items()
            .iter()
            .map(|m| ManagementAssessment::new(m.id(), None))
            .collect();
        Audit {
            referentiel: ReferentielRef {
                id: referentiel.id().to_owned(),
                label: None,
            },
            site,
            kind,
            dates,
            auditors: Vec::new(),
            modules: modules.to_vec(),
            context: Context::default(),
            assessments,
            management,
            remote_checks: Vec::new(),
            ecarts: Vec::new(),
            conclusion: AuditorSynthesis::default(),
            labelling: None,
            unread: Vec::new(),
        }
    }

    /// Gives engagement `number` the verdict `verdict`, and returns its assessment to add
    /// observations or a comment.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`] when the audit has no assessment of `number` (its module is not
    /// covered, or the référentiel does not have it).
    pub fn assess(
        &mut self,
        number: EngagementNumber,
        verdict: Verdict,
    ) -> Result<&mut Assessment, Error> {
        let assessment = self
            .assessment_mut(number)
            .ok_or_else(|| no_assessment(number))?;
        assessment.verdict = Some(verdict);
        Ok(assessment)
    }

    /// Records a nonconformity of grade `grade` on engagement `number`: its verdict becomes
    /// `NC min` or `NC Maj` and a fiche d'écart with the auditor's `finding` is added; the
    /// fiche is returned to set its requirement, corrective action or due date.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`] when the audit has no assessment of `number`.
    pub fn record_nonconformity(
        &mut self,
        number: EngagementNumber,
        grade: NcGrade,
        finding: impl Into<String>,
    ) -> Result<&mut FicheEcart, Error> {
        self.assess(number, Verdict::from(grade))?;
        let fiche = FicheEcart::new(EcartTarget::Engagement(number), grade, finding);
        let at = self.ecarts.len();
        self.ecarts.push(fiche);
        self.ecarts.get_mut(at).ok_or_else(|| no_assessment(number))
    }

    /// Adds `observation` to the assessment of engagement `number`, after its others.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`] when the audit has no assessment of `number`.
    pub fn observe(
        &mut self,
        number: EngagementNumber,
        observation: Observation,
    ) -> Result<(), Error> {
        let assessment = self
            .assessment_mut(number)
            .ok_or_else(|| no_assessment(number))?;
        assessment.observations.push(observation);
        Ok(())
    }

    /// Gives `verdict` to **every** engagement and management item of the audit that has none
    /// yet — those [`skeleton`](Audit::skeleton) pre-filled included, whether or not anyone
    /// looked at them — and returns how many it filled. For an audit built from records where a
    /// missing record must stay missing (and be reported by validation as `missing-verdict`),
    /// fill the engagements you hold with [`fill_unset_verdicts_of`](Audit::fill_unset_verdicts_of).
    ///
    /// ```
    /// use qualepref::{AuditDates, AuditKind, AuditType, Audit, ModuleNumber, NaiveDate, Referentiel, Site, Verdict};
    /// let r = Referentiel::qual_e_pref_2019();
    /// let day = NaiveDate::from_ymd_opt(2024, 3, 12).ok_or("date")?;
    /// let site = Site::new(qualepref::AdministrationType::Prefecture, "83".parse()?, "TOULON");
    /// let mut audit = Audit::skeleton(r, site, AuditKind::external(AuditType::Suivi), AuditDates::day(day), &[ModuleNumber::ONE]);
    /// assert_eq!(audit.fill_all_unset_verdicts(Verdict::Conformity), 27); // 20 engagements, 7 items
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fill_all_unset_verdicts(&mut self, verdict: Verdict) -> usize {
        let engagements = self.assessments.iter_mut().map(|a| &mut a.verdict);
        let items = self.management.iter_mut().map(|m| &mut m.verdict);
        let mut filled = 0;
        for slot in engagements.chain(items).filter(|v| v.is_none()) {
            *slot = Some(verdict);
            filled += 1;
        }
        filled
    }

    /// Gives `verdict` to the engagements `numbers` that have no verdict yet (a verdict already
    /// set is kept), and to no other; returns how many it filled. Engagements not listed keep
    /// no verdict, so validation reports them (`missing-verdict`) rather than taking them for
    /// conforming.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`] when the audit has no assessment of one of `numbers` (nothing is
    /// filled then).
    ///
    /// ```
    /// use qualepref::{AuditDates, AuditKind, AuditType, Audit, EngagementNumber, ModuleNumber, NaiveDate, Referentiel, Site, Verdict};
    /// let r = Referentiel::qual_e_pref_2019();
    /// let day = NaiveDate::from_ymd_opt(2024, 3, 12).ok_or("date")?;
    /// let site = Site::new(qualepref::AdministrationType::Prefecture, "83".parse()?, "TOULON");
    /// let mut audit = Audit::skeleton(r, site, AuditKind::external(AuditType::Suivi), AuditDates::day(day), &[ModuleNumber::ONE]);
    /// // The records hold engagements 1 to 19; engagement 20 stays without verdict.
    /// let held: Vec<EngagementNumber> = (1..=19).map(EngagementNumber::try_from).collect::<Result<_, _>>()?;
    /// assert_eq!(audit.fill_unset_verdicts_of(&held, Verdict::Conformity)?, 19);
    /// assert_eq!(audit.assessments[19].verdict, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fill_unset_verdicts_of(
        &mut self,
        numbers: &[EngagementNumber],
        verdict: Verdict,
    ) -> Result<usize, Error> {
        if let Some(missing) = numbers
            .iter()
            .find(|n| !self.assessments.iter().any(|a| a.engagement == **n))
        {
            return Err(no_assessment(*missing));
        }
        let mut filled = 0;
        for a in &mut self.assessments {
            if a.verdict.is_none() && numbers.contains(&a.engagement) {
                a.verdict = Some(verdict);
                filled += 1;
            }
        }
        Ok(filled)
    }

    /// The first assessment of engagement `number`, to change it.
    #[must_use]
    pub fn assessment_mut(&mut self, number: EngagementNumber) -> Option<&mut Assessment> {
        self.assessments.iter_mut().find(|a| a.engagement == number)
    }

    /// The first assessment of management item `id`, to change it.
    #[must_use]
    pub fn management_assessment_mut(
        &mut self,
        id: ManagementItemId,
    ) -> Option<&mut ManagementAssessment> {
        self.management.iter_mut().find(|m| m.id() == id)
    }

    /// Every observation of the audit: those of the engagements, then of the management
    /// items, then of the remote checks, each in its order.
    ///
    /// ```
    /// use qualepref::{samples, Audit, ObservationKind};
    /// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
    /// let strengths = audit.observations().filter(|o| o.kind == ObservationKind::Strength);
    /// assert_eq!(strengths.count(), 10);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn observations(&self) -> impl Iterator<Item = &Observation> {
        self.assessments
            .iter()
            .flat_map(|a| &a.observations)
            .chain(self.management.iter().flat_map(|m| &m.observations))
            .chain(self.remote_checks.iter().flat_map(|c| &c.observations))
    }

    /// Whether the audit covers module `module`.
    #[must_use]
    pub fn covers(&self, module: ModuleNumber) -> bool {
        self.modules.contains(&module)
    }

    /// The fiche d'écart of a nonconformity of grade `grade` on `target`: the first fiche of
    /// that target and grade, or else the first of that target. (A valid audit has at most one
    /// fiche per target, of its verdict's grade; the rule decides which fiche an écart shows when
    /// validation was relaxed.) The decision, the report, the plan and the history all use it.
    #[must_use]
    pub fn fiche(&self, target: EcartTarget, grade: NcGrade) -> Option<&FicheEcart> {
        self.fiche_index(target, grade)
            .and_then(|i| self.ecarts.get(i))
    }

    /// The index of [`fiche`](Audit::fiche)'s fiche in `ecarts`.
    #[must_use]
    pub fn fiche_index(&self, target: EcartTarget, grade: NcGrade) -> Option<usize> {
        self.ecarts
            .iter()
            .position(|f| f.target == target && f.grade == grade)
            .or_else(|| self.ecarts.iter().position(|f| f.target == target))
    }

    /// The first assessment of engagement `number`, if any.
    #[must_use]
    pub fn assessment(&self, number: EngagementNumber) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.engagement == number)
    }

    /// The first assessment of management item `id`, if any.
    #[must_use]
    pub fn management_assessment(&self, id: ManagementItemId) -> Option<&ManagementAssessment> {
        self.management.iter().find(|m| m.id() == id)
    }
}

fn no_assessment(number: EngagementNumber) -> Error {
    Error::InvalidValue {
        what: "engagement",
        value: number.to_string(),
        reason: "the audit has no assessment of this engagement",
    }
}

/// The référentiel an audit names.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferentielRef {
    /// The référentiel's id, e.g. `qual-e-pref-2019`.
    pub id: String,
    /// The référentiel as the report names it, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// The type of an external audit.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    EnumIter,
    IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum AuditType {
    /// Initial audit (first labelling).
    Initial,
    /// Follow-up audit (« de suivi »).
    Suivi,
    /// Renewal audit (« de renouvellement »).
    Renouvellement,
    /// Extension audit, to new modules (« d'extension »).
    Extension,
}

impl AuditType {
    /// The wording in `language`: [`label_fr`](AuditType::label_fr) or [`label_en`](AuditType::label_en).
    #[must_use]
    pub const fn label(self, language: crate::Language) -> &'static str {
        match language {
            crate::Language::Fr => self.label_fr(),
            crate::Language::En => self.label_en(),
        }
    }

    /// The wire form, e.g. `suivi`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The French phrase after « audit », e.g. `de suivi`.
    #[must_use]
    pub const fn label_fr(self) -> &'static str {
        match self {
            AuditType::Initial => "initial",
            AuditType::Suivi => "de suivi",
            AuditType::Renouvellement => "de renouvellement",
            AuditType::Extension => "d'extension",
        }
    }

    /// The English word, e.g. `follow-up`.
    #[must_use]
    pub const fn label_en(self) -> &'static str {
        match self {
            AuditType::Initial => "initial",
            AuditType::Suivi => "follow-up",
            AuditType::Renouvellement => "renewal",
            AuditType::Extension => "extension",
        }
    }
}

wire_enum!(
    AuditType,
    "audit type",
    "initial, suivi, renouvellement, extension",
    [Initial, Suivi, Renouvellement, Extension]
);

/// The type of the audit and whether it is internal.
///
/// For an external audit, `audit_type` is its type. For an internal audit (`internal: true`),
/// it is the type of the external audit it is run ahead of (« réalisé en amont d'un audit … »).
/// `None` is a state reports show (no box checked); validation flags it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditKind {
    /// The audit type (wire name `type`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub audit_type: Option<AuditType>,
    /// Whether this is an internal audit.
    #[serde(default)]
    pub internal: bool,
    /// For an internal audit, the planned date of the external audit it precedes, when known:
    /// its écarts are due before it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::date_wire::optional_date"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub external_on: Option<NaiveDate>,
}

impl std::fmt::Display for AuditKind {
    /// [`code`](AuditKind::code).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The certification body's labelling decision after an audit (the audit itself gives an avis):
/// the label runs from it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LabellingDecision {
    /// The day of the decision.
    #[serde(deserialize_with = "crate::model::date_wire::date")]
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub decided_on: NaiveDate,
    /// After an avis favorable sous réserve, the day the plan d'actions was accepted, from
    /// which the label runs.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::date_wire::optional_date"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub plan_accepted_on: Option<NaiveDate>,
}

impl LabellingDecision {
    /// A decision of `decided_on`, without a plan accepted later.
    #[must_use]
    pub const fn on(decided_on: NaiveDate) -> LabellingDecision {
        LabellingDecision {
            decided_on,
            plan_accepted_on: None,
        }
    }

    /// This decision, the plan d'actions accepted on `day`.
    #[must_use]
    pub const fn with_plan_accepted_on(mut self, day: NaiveDate) -> LabellingDecision {
        self.plan_accepted_on = Some(day);
        self
    }

    /// The day the label runs from: the plan's acceptance when recorded, else the decision.
    #[must_use]
    pub fn label_from(&self) -> NaiveDate {
        self.plan_accepted_on.unwrap_or(self.decided_on)
    }
}

/// The first and last day of an audit.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditDates {
    /// First day.
    #[serde(deserialize_with = "crate::model::date_wire::date")]
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub start: NaiveDate,
    /// Last day.
    #[serde(deserialize_with = "crate::model::date_wire::date")]
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub end: NaiveDate,
}

impl AuditKind {
    /// An external audit of type `audit_type`.
    #[must_use]
    pub const fn external(audit_type: AuditType) -> AuditKind {
        AuditKind {
            audit_type: Some(audit_type),
            internal: false,
            external_on: None,
        }
    }

    /// An internal audit run ahead of an external audit of type `ahead_of`.
    #[must_use]
    pub const fn internal(ahead_of: AuditType) -> AuditKind {
        AuditKind {
            audit_type: Some(ahead_of),
            internal: true,
            external_on: None,
        }
    }

    /// The kind as one word: the audit type's wire form (`suivi`), led by `internal-` for an
    /// internal audit (`internal-initial`); `internal` or `unknown` without a type.
    ///
    /// ```
    /// use qualepref::{AuditKind, AuditType, Language};
    /// let kind = AuditKind::internal(AuditType::Initial);
    /// assert_eq!(kind.code(), "internal-initial");
    /// assert_eq!(kind.label(Language::Fr), "Audit interne réalisé en amont d'un audit initial");
    /// assert_eq!(AuditKind::external(AuditType::Suivi).label(Language::En), "Follow-up audit");
    /// assert_eq!(kind.to_string(), "internal-initial");
    /// ```
    #[must_use]
    pub fn code(self) -> &'static str {
        match (self.internal, self.audit_type) {
            (false, Some(t)) => t.code(),
            (false, None) => "unknown",
            (true, None) => "internal",
            (true, Some(AuditType::Initial)) => "internal-initial",
            (true, Some(AuditType::Suivi)) => "internal-suivi",
            (true, Some(AuditType::Renouvellement)) => "internal-renouvellement",
            (true, Some(AuditType::Extension)) => "internal-extension",
        }
    }

    /// The kind in words, as a report's cover gives it: `Audit interne réalisé en amont d'un
    /// audit initial`, `Audit de suivi`; `Internal audit ahead of an initial audit`,
    /// `Follow-up audit`.
    #[must_use]
    pub fn label(self, language: crate::Language) -> String {
        use crate::Language::{En, Fr};
        match (language, self.internal, self.audit_type) {
            (Fr, true, Some(t)) => {
                format!("Audit interne réalisé en amont d'un audit {}", t.label_fr())
            }
            (Fr, true, None) => "Audit interne".to_owned(),
            (Fr, false, Some(t)) => format!("Audit {}", t.label_fr()),
            (En, true, Some(t)) => format!(
                "Internal audit ahead of {}",
                match t {
                    AuditType::Initial => "an initial audit",
                    AuditType::Suivi => "a follow-up audit",
                    AuditType::Renouvellement => "a renewal audit",
                    AuditType::Extension => "an extension audit",
                }
            ),
            (En, true, None) => "Internal audit".to_owned(),
            (En, false, Some(t)) => match t {
                AuditType::Initial => "Initial audit",
                AuditType::Suivi => "Follow-up audit",
                AuditType::Renouvellement => "Renewal audit",
                AuditType::Extension => "Extension audit",
            }
            .to_owned(),
            (_, false, None) => "Audit".to_owned(),
        }
    }

    /// This internal audit, ahead of an external audit planned on `day`.
    #[must_use]
    pub const fn external_on(mut self, day: NaiveDate) -> AuditKind {
        self.external_on = Some(day);
        self
    }
}

impl AuditDates {
    /// An audit from `start` to `end` (validation reports an end before the start).
    #[must_use]
    pub const fn new(start: NaiveDate, end: NaiveDate) -> AuditDates {
        AuditDates { start, end }
    }

    /// A one-day audit.
    #[must_use]
    pub const fn day(date: NaiveDate) -> AuditDates {
        AuditDates {
            start: date,
            end: date,
        }
    }
}
