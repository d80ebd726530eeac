//! The référentiel as data: modules, numbered engagements, channel groups and management items.
//!
//! The Qual-e-pref 2019 référentiel is embedded from `data/qual-e-pref-2019.json`, a file that
//! states its provenance. Only what is public is bundled: modules 1–8 with their titles,
//! engagements 1–23 (modules 1 and 2) with their exact titles, the channel groups of module 1 and
//! the seven management items. The engagements of modules 3–8 are not public: those modules are
//! marked as not bundled. A complete référentiel (or another one, such as QualiPref 2.0 or
//! Marianne) loads from a file in the same format with [`Referentiel::from_json_str`] or
//! [`Referentiel::from_path`].
//!
//! The file format is documented on [`Referentiel`], where users read it.

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::model::ids::{EngagementNumber, ManagementItemId, ManagementSection, ModuleNumber};

/// The `format` tag of référentiel files.
pub const REFERENTIEL_FORMAT: &str = "qualepref-referentiel/1";

/// A référentiel: its identity, modules, engagements and management items.
///
/// Built only by loading or by [`Referentiel::builder`], which check every invariant, so any
/// `Referentiel` in hand has unique
/// numbers, engagements sorted by number, each in a known bundled module, and non-empty titles.
///
/// ```
/// use qualepref::{EngagementNumber, ModuleNumber, Referentiel};
/// let r = Referentiel::qual_e_pref_2019();
/// assert_eq!(r.engagements().len(), 23);
/// let e17 = r.engagement(EngagementNumber::new(17).ok_or("17")?).ok_or("17")?;
/// assert_eq!(e17.title, "Nous vous répondons dans un délai annoncé et maîtrisé");
/// assert!(!r.module(ModuleNumber::new(3).ok_or("3")?).ok_or("3")?.bundled);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Build one in code with [`Referentiel::builder`]; load one with [`Referentiel::from_path`]
/// (the extension's format) or [`Referentiel::from_json_str`].
///
/// # The file format
///
/// ```json
/// {
///   "format": "qualepref-referentiel/1",
///   "id": "qual-e-pref-2019",
///   "name": "Qual-e-pref",
///   "title": "Référentiel qualité de l'administration territoriale — …",
///   "publisher": "SG/DMAT/SDAT",
///   "date": "2018-12-19",
///   "revised": "2019-02-04",
///   "provenance": ["where each part of the data comes from"],
///   "modules": [
///     { "number": 1, "title": "Relation générale avec les usagers", "obligatory": true,
///       "bundled": true,
///       "groups": [ { "id": "accueil-physique", "title": "Accueil physique",
///                     "heading": "ACCUEIL PHYSIQUE" } ] },
///     { "number": 3, "title": "Délivrance de titres étrangers", "obligatory": false,
///       "bundled": false }
///   ],
///   "engagements": [
///     { "number": 5, "module": 1, "group": "accueil-physique",
///       "title": "Nous vous orientons vers le bon service et vous prenons en charge" }
///   ],
///   "management": [ { "section": "pilotage", "item": 1, "title": "Responsabilités" } ]
/// }
/// ```
///
/// `format` may be omitted; `publisher`, `revised`, `provenance`, `groups`, an engagement's
/// `group`, a module's `heading` and a group's `heading` (the heading printed in reports, when
/// it differs from the title or is absent) are optional. Unknown fields are refused. Loading checks every invariant
/// and lists every problem: duplicate numbers, an engagement in an unknown or not-bundled module,
/// a bundled module without engagements, an unknown group, an empty title.
///
/// The same fields read and write in YAML and TOML ([`Interchange`](crate::Interchange)). The JSON Schema of this
/// format is `schema/referentiel.schema.json` (feature `schema`:
/// `qualepref::schema::referentiel_schema`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "A référentiel: its identity, modules, engagements and management items."
    )
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ReferentielData", into = "ReferentielData")]
pub struct Referentiel {
    id: String,
    name: String,
    title: String,
    publisher: Option<String>,
    date: NaiveDate,
    revised: Option<NaiveDate>,
    provenance: Vec<String>,
    modules: Vec<Module>,
    engagements: Vec<Engagement>,
    management: Vec<ManagementItem>,
}

/// A module of the référentiel.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Module {
    /// Its number, 1–8.
    pub number: ModuleNumber,
    /// Its exact title, e.g. `Relation générale avec les usagers`.
    pub title: String,
    /// Whether every labelled site must cover it (module 1 in Qual-e-pref).
    pub obligatory: bool,
    /// Whether the référentiel lists its engagements. `false` for modules 3–8 of the embedded
    /// Qual-e-pref 2019, whose engagements are not public.
    pub bundled: bool,
    /// Its title as reports print it in the module's heading, when that differs from the
    /// title in capitals: the Toulon report heads module 2 `MODULE 2 - DELIVRANCE DE TITRES
    /// (HORS TITRES ETRANGERS)` while the référentiel titles it `Délivrance des titres (hors
    /// étrangers)`. Printed verbatim after `MODULE N - `.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Its channel groups (module 1: accueil physique, téléphone…), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<ChannelGroup>,
}

impl Module {
    /// The title printed in the module's heading: [`heading`](Module::heading) when set, else
    /// the title in capitals (which keep their accents).
    ///
    /// ```
    /// use qualepref::{ModuleNumber, Referentiel};
    /// let r = Referentiel::qual_e_pref_2019();
    /// let two = r.module(ModuleNumber::new(2).ok_or("module")?).ok_or("module 2")?;
    /// assert_eq!(two.heading_title(), "DELIVRANCE DE TITRES (HORS TITRES ETRANGERS)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn heading_title(&self) -> std::borrow::Cow<'_, str> {
        match &self.heading {
            Some(h) => std::borrow::Cow::Borrowed(h.as_str()),
            None => std::borrow::Cow::Owned(self.title.to_uppercase()),
        }
    }
}

/// A group of engagements within a module, by channel (module 1 of Qual-e-pref).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChannelGroup {
    /// A stable identifier, e.g. `accueil-physique`.
    pub id: String,
    /// Its title, e.g. `Accueil physique`.
    pub title: String,
    /// The heading printed in reports above the group's engagements, e.g. `RESEAU SOCIAUX`;
    /// `None` when reports print none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
}

/// An engagement de service.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Engagement {
    /// Its global number.
    pub number: EngagementNumber,
    /// The module it belongs to.
    pub module: ModuleNumber,
    /// The id of its channel group, if its module has groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Its exact title.
    pub title: String,
}

/// A management item (PILOTAGE DE LA POLITIQUE QUALITE or DEMARCHE DE LABELLISATION).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ManagementItem {
    /// Its section.
    pub section: ManagementSection,
    /// Its number within the section.
    pub item: u8,
    /// Its exact title, e.g. `Comité des usagers`.
    pub title: String,
}

impl ManagementItem {
    /// The item's identifier.
    #[must_use]
    pub fn id(&self) -> ManagementItemId {
        ManagementItemId {
            section: self.section,
            item: self.item,
        }
    }
}

/// The file layout of a référentiel, before its invariants are checked.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferentielData {
    #[serde(default)]
    pub(crate) format: Option<String>,
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) publisher: Option<String>,
    #[serde(deserialize_with = "crate::model::date_wire::date")]
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub(crate) date: NaiveDate,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::date_wire::optional_date"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub(crate) revised: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) provenance: Vec<String>,
    pub(crate) modules: Vec<Module>,
    #[serde(default)]
    pub(crate) engagements: Vec<Engagement>,
    #[serde(default)]
    pub(crate) management: Vec<ManagementItem>,
}

impl From<Referentiel> for ReferentielData {
    fn from(r: Referentiel) -> Self {
        ReferentielData {
            format: Some(REFERENTIEL_FORMAT.to_owned()),
            id: r.id,
            name: r.name,
            title: r.title,
            publisher: r.publisher,
            date: r.date,
            revised: r.revised,
            provenance: r.provenance,
            modules: r.modules,
            engagements: r.engagements,
            management: r.management,
        }
    }
}

impl TryFrom<ReferentielData> for Referentiel {
    type Error = Error;

    fn try_from(data: ReferentielData) -> Result<Self, Error> {
        if let Some(report) = crate::model::referentiel_checks::check_referentiel_file(&data) {
            return Err(Error::InvalidReferentiel { report });
        }
        let mut r = Referentiel {
            id: data.id,
            name: data.name,
            title: data.title,
            publisher: data.publisher,
            date: data.date,
            revised: data.revised,
            provenance: data.provenance,
            modules: data.modules,
            engagements: data.engagements,
            management: data.management,
        };
        r.modules.sort_by_key(|m| m.number);
        r.engagements.sort_by_key(|e| e.number);
        r.management.sort_by_key(ManagementItem::id);
        Ok(r)
    }
}

// The embedded référentiel, generated by build.rs from data/qual-e-pref-2019.json; a test checks
// that it equals what `from_json_str` reads from that file.
include!(concat!(env!("OUT_DIR"), "/embedded_referentiel.rs"));

/// Builds a date in a constant. An invalid date stops the build (constant evaluation fails);
/// it cannot fail in a running program.
#[allow(clippy::panic)]
const fn const_date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid date in the embedded référentiel"),
    }
}

impl Referentiel {
    /// The id of the embedded référentiel: `qual-e-pref-2019`.
    pub const QUAL_E_PREF_2019: &'static str = "qual-e-pref-2019";

    /// The embedded Qual-e-pref 2019 référentiel (19/12/2018, updated 04/02/2019), as far as it
    /// is public: modules 3–8 are not bundled.
    #[must_use]
    pub fn qual_e_pref_2019() -> &'static Referentiel {
        static EMBEDDED: OnceLock<Referentiel> = OnceLock::new();
        EMBEDDED.get_or_init(embedded)
    }

    /// The text of the data file the embedded référentiel comes from, in the file format.
    #[must_use]
    pub const fn qual_e_pref_2019_json() -> &'static str {
        include_str!("../../data/qual-e-pref-2019.json")
    }

    /// Its stable identifier, e.g. `qual-e-pref-2019`; audits name it.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Its short name, e.g. `Qual-e-pref`.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its full title.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Its publisher, e.g. `SG/DMAT/SDAT`.
    #[must_use]
    pub fn publisher(&self) -> Option<&str> {
        self.publisher.as_deref()
    }

    /// Its publication date.
    #[must_use]
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The date of its latest revision, if any.
    #[must_use]
    pub fn revised(&self) -> Option<NaiveDate> {
        self.revised
    }

    /// Where its data comes from, one sentence per part.
    #[must_use]
    pub fn provenance(&self) -> &[String] {
        &self.provenance
    }

    /// Its modules, by number.
    #[must_use]
    pub fn modules(&self) -> &[Module] {
        &self.modules
    }

    /// The module `number`, if the référentiel has it.
    #[must_use]
    pub fn module(&self, number: ModuleNumber) -> Option<&Module> {
        self.modules.iter().find(|m| m.number == number)
    }

    /// Its engagements, by number.
    #[must_use]
    pub fn engagements(&self) -> &[Engagement] {
        &self.engagements
    }

    /// The engagement `number`, if the référentiel has it.
    #[must_use]
    pub fn engagement(&self, number: EngagementNumber) -> Option<&Engagement> {
        self.engagements
            .binary_search_by_key(&number, |e| e.number)
            .ok()
            .and_then(|i| self.engagements.get(i))
    }

    /// The engagements of module `module`, by number.
    pub fn engagements_of(&self, module: ModuleNumber) -> impl Iterator<Item = &Engagement> {
        self.engagements.iter().filter(move |e| e.module == module)
    }

    /// The channel group `id` of module `module`.
    #[must_use]
    pub fn group(&self, module: ModuleNumber, id: &str) -> Option<&ChannelGroup> {
        self.module(module)
            .and_then(|m| m.groups.iter().find(|g| g.id == id))
    }

    /// Its management items, by section and number.
    #[must_use]
    pub fn management_items(&self) -> &[ManagementItem] {
        &self.management
    }

    /// The management item `id`, if the référentiel has it.
    #[must_use]
    pub fn management_item(&self, id: ManagementItemId) -> Option<&ManagementItem> {
        self.management.iter().find(|m| m.id() == id)
    }
}
