//! The audit: what an audit report holds, as typed data.
//!
//! An [`Audit`] is plain data with public fields, so that any state found in a real report (or
//! typed by hand) can be held and then checked by [`validate`](crate::validate): an engagement
//! without verdict, a nonconformity without its fiche d'écart. What types can rule out, they do:
//! verdicts and observation kinds are enums, module numbers are 1–8, département codes are
//! well-formed, dates are dates.
//!
//! # The JSON layout
//!
//! Stable field names, in this order (optional fields are omitted when empty; unknown fields are
//! refused):
//!
//! ```json
//! {
//!   "referentiel": { "id": "qual-e-pref-2019", "label": "Référentiel de labellisation …" },
//!   "site": { "administration": "prefecture", "name": "PREFECTURE du Var",
//!             "departement": "83", "city": "TOULON" },
//!   "kind": { "type": "initial", "internal": true },
//!   "dates": { "start": "2019-11-18", "end": "2019-11-18" },
//!   "auditors": [ { "name": "…", "role": "…", "phone": "…", "email": "…",
//!                   "signed_on": "2019-11-18" } ],
//!   "modules": [1, 2],
//!   "context": { "organisation": ["…"], "history": ["…"],
//!                "figures": { "population": 1060000, "communes": 153,
//!                             "arrondissements": 3, "staff": 315 } },
//!   "assessments": [
//!     { "engagement": 17, "module": 1, "verdict": "C", "comment": "…",
//!       "observations": [ { "kind": "PP", "text": "…" },
//!                         { "kind": "PS", "text": "…", "risk": "…" } ] }
//!   ],
//!   "management": [ { "section": "pilotage", "item": 1, "verdict": "C" } ],
//!   "remote_checks": [ { "channel": "internet", "engagement": 3, "module": 1,
//!                        "note": "Conforme", "observations": [] } ],
//!   "ecarts": [ { "target": { "engagement": 17 }, "grade": "NC min", "finding": "…",
//!                 "requirement": "…", "corrective_action": "…", "due": "2020-02-18" } ],
//!   "conclusion": { "points_forts": ["…"], "points_sensibles": ["Sans objet."],
//!                   "pistes_de_progres": [], "fiches_ecart": [], "commentaires": [],
//!                   "bonnes_pratiques": [], "enquetes_satisfaction": [],
//!                   "charte_graphique": { "verdict": "NA", "text": ["…"] },
//!                   "conclusion_generale": [] }
//! }
//! ```
//!
//! Verdicts are `"C"`, `"NA"`, `"NC min"`, `"NC Maj"`; observation kinds `"PF"`, `"PS"`, `"PP"`;
//! remote notes `"Conforme"`, `"Non conforme"`, `"Non applicable"` (parsing is lenient on case and
//! spacing; writing gives these forms). A fiche d'écart's target is `{"engagement": N}` or
//! `{"management": {"section": "pilotage", "item": N}}`.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use strum::{EnumIter, IntoStaticStr};

use crate::model::ids::{EngagementNumber, ManagementItemId, ManagementSection, ModuleNumber};
use crate::model::site::{Context, Site};
use crate::text::key;
use crate::{Error, Format, Interchange, NcGrade, ObservationKind, Verdict};

/// An audit of a site against a référentiel, as its report states it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
}

impl Audit {
    /// Reads an audit from its JSON form (the layout above).
    ///
    /// # Errors
    ///
    /// [`Error::Json`] with the line and column where the parser stopped, for malformed JSON, a
    /// missing or unknown field, an unknown code or an out-of-range number;
    /// [`Error::TooLarge`] above [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES).
    ///
    /// ```
    /// use qualepref::Audit;
    /// let err = Audit::from_json_str("{\n  \"site\": 12\n}").unwrap_err();
    /// assert_eq!(err.position(), Some((2, 12)));
    /// ```
    pub fn from_json_str(text: &str) -> Result<Audit, Error> {
        Audit::from_str_in(text, Format::Json)
    }

    /// Reads an audit from a file in the format of its extension: `.yaml`/`.yml` YAML, `.toml`
    /// TOML (with those features), JSON otherwise. [`Interchange::from_path_in`] takes the
    /// format explicitly.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be read, with the system's reason; [`Error::InFile`]
    /// naming the file around [`Error::TooLarge`] or the parser's error.
    ///
    /// ```
    /// use qualepref::Audit;
    /// let audit = Audit::from_path("examples/data/toulon-2019.json")?;
    /// assert_eq!(audit.site.city, "TOULON");
    /// # Ok::<(), qualepref::Error>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Audit, Error> {
        Audit::from_path_in(path, None)
    }

    /// Writes the audit as pretty-printed JSON with a final newline, in the documented layout.
    ///
    /// # Errors
    ///
    /// [`Error::Write`] if serialisation fails (it does not for the types of this crate).
    pub fn to_json_string(&self) -> Result<String, Error> {
        self.to_string_in(Format::Json)
    }

    /// Whether the audit covers module `module`.
    #[must_use]
    pub fn covers(&self, module: ModuleNumber) -> bool {
        self.modules.contains(&module)
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

impl fmt::Display for AuditType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

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
}

/// The first and last day of an audit.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditDates {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// An auditor, as on the cover page.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Auditor {
    /// Full name, as written.
    pub name: String,
    /// Role, e.g. `responsable d'audit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Phone number, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Date of signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_on: Option<NaiveDate>,
}

/// An auditor's observation: a point fort, a point sensible (with its risk) or a piste de
/// progrès.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// `PF`, `PS` or `PP`.
    pub kind: ObservationKind,
    /// The text, verbatim.
    pub text: String,
    /// For a `PS`, the associated risk when the report states it separately.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<String>,
}

impl Observation {
    /// An observation of kind `kind` with text `text` and no separate risk.
    #[must_use]
    pub fn new(kind: ObservationKind, text: impl Into<String>) -> Self {
        Observation {
            kind,
            text: text.into(),
            risk: None,
        }
    }
}

/// The assessment of one engagement on site (a row of the report's section 3).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// The engagement's number.
    pub engagement: EngagementNumber,
    /// The module the report files it under.
    pub module: ModuleNumber,
    /// The verdict; `None` when the report gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// A comment that is not an observation, e.g. the justification of an `NA`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The observations, in the report's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
}

impl Assessment {
    /// An assessment of engagement `engagement` in module `module` with verdict `verdict` and
    /// nothing else.
    #[must_use]
    pub fn new(engagement: EngagementNumber, module: ModuleNumber, verdict: Verdict) -> Self {
        Assessment {
            engagement,
            module,
            verdict: Some(verdict),
            comment: None,
            observations: Vec::new(),
        }
    }
}

/// The assessment of one management item.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManagementAssessment {
    /// The section.
    pub section: ManagementSection,
    /// The item's number within the section.
    pub item: u8,
    /// The verdict; `None` when the report gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// A comment that is not an observation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The observations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
}

impl ManagementAssessment {
    /// The item assessed.
    #[must_use]
    pub fn id(&self) -> ManagementItemId {
        ManagementItemId {
            section: self.section,
            item: self.item,
        }
    }
}

/// A remote-audit channel (« audit à distance »).
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
pub enum RemoteChannel {
    /// The website.
    Internet,
    /// The telephone (standard, SVI, SART).
    Telephone,
    /// E-mails.
    Courriels,
}

impl RemoteChannel {
    /// The wire form: `internet`, `telephone`, `courriels`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The section title as printed in reports after « AUDIT A DISTANCE : ».
    #[must_use]
    pub const fn label_fr(self) -> &'static str {
        match self {
            RemoteChannel::Internet => "Internet",
            RemoteChannel::Telephone => "Téléphone (standard, SVI, SART)",
            RemoteChannel::Courriels => "Courriels",
        }
    }

    /// The English label.
    #[must_use]
    pub const fn label_en(self) -> &'static str {
        match self {
            RemoteChannel::Internet => "Website",
            RemoteChannel::Telephone => "Telephone (switchboard, IVR, SART)",
            RemoteChannel::Courriels => "E-mail",
        }
    }
}

impl fmt::Display for RemoteChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The note of a remote check (« Note : Conforme »).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumIter, IntoStaticStr)]
pub enum RemoteNote {
    /// `Conforme`.
    #[strum(serialize = "Conforme")]
    Conforme,
    /// `Non conforme`.
    #[strum(serialize = "Non conforme")]
    NonConforme,
    /// `Non applicable`.
    #[strum(serialize = "Non applicable")]
    NonApplicable,
}

impl RemoteNote {
    /// The canonical form: `Conforme`, `Non conforme`, `Non applicable`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }
}

impl fmt::Display for RemoteNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for RemoteNote {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        match key(s).as_str() {
            "conforme" | "c" => Ok(RemoteNote::Conforme),
            "nonconforme" | "nc" => Ok(RemoteNote::NonConforme),
            "nonapplicable" | "na" => Ok(RemoteNote::NonApplicable),
            _ => Err(Error::UnknownCode {
                what: "remote note",
                value: s.to_owned(),
                expected: "Conforme, Non conforme, Non applicable",
            }),
        }
    }
}

impl Serialize for RemoteNote {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for RemoteNote {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// One remote check of an engagement on a channel.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemoteCheck {
    /// The channel.
    pub channel: RemoteChannel,
    /// The engagement checked (not necessarily of the channel's group).
    pub engagement: EngagementNumber,
    /// The module the report files it under.
    pub module: ModuleNumber,
    /// The note; `None` when the report gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<RemoteNote>,
    /// The observations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
}

/// What a fiche d'écart is about: an engagement or a management item.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum EcartTarget {
    /// An engagement (`{"engagement": 17}`).
    Engagement(EngagementNumber),
    /// A management item (`{"management": {"section": "pilotage", "item": 5}}`).
    Management(ManagementItemId),
}

impl fmt::Display for EcartTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EcartTarget::Engagement(n) => write!(f, "engagement {n}"),
            EcartTarget::Management(id) => write!(f, "management item {id}"),
        }
    }
}

/// A fiche d'écart: the record of one nonconformity.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FicheEcart {
    /// The engagement or management item concerned.
    pub target: EcartTarget,
    /// `NC min` or `NC Maj`.
    pub grade: NcGrade,
    /// What the auditor found (« constat »).
    pub finding: String,
    /// The requirement not met (« exigence »).
    #[serde(default)]
    pub requirement: String,
    /// The corrective action, when decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrective_action: Option<String>,
    /// The date by which the corrective action is due, when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
}

/// The respect of the charte graphique (section 4), with its verdict when the report gives one.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CharteGraphique {
    /// The verdict, e.g. `NA` in an initial audit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// The auditor's text, one string per paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<String>,
}

impl CharteGraphique {
    /// Whether nothing is stated.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.verdict.is_none() && self.text.is_empty()
    }
}

/// The report's section 4 as the auditor wrote it, one string per paragraph, verbatim
/// (including « Sans objet. »). An empty list means the section is absent.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditorSynthesis {
    /// POINTS FORTS.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points_forts: Vec<String>,
    /// POINTS SENSIBLES (avec risques associés).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points_sensibles: Vec<String>,
    /// PISTES DE PROGRES.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pistes_de_progres: Vec<String>,
    /// FICHE(S) D'ECART(S).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fiches_ecart: Vec<String>,
    /// COMMENTAIRES.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commentaires: Vec<String>,
    /// LES BONNES PRATIQUES.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bonnes_pratiques: Vec<String>,
    /// LES RESULTATS DES ENQUETES DE SATISFACTION DES USAGERS.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enquetes_satisfaction: Vec<String>,
    /// RESPECT DE LA CHARTE GRAPHIQUE.
    #[serde(default, skip_serializing_if = "CharteGraphique::is_empty")]
    pub charte_graphique: CharteGraphique,
    /// CONCLUSION GENERALE DE L'AUDIT.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conclusion_generale: Vec<String>,
}

impl AuditorSynthesis {
    /// Whether no section is present.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == AuditorSynthesis::default()
    }
}
