//! The audited site: administration type, département, city, context.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoStaticStr};

use crate::Error;
use crate::base::wire::wire_enum;

/// The kind of administration audited (TYPE D'ADMINISTRATION on the cover page).
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
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum AdministrationType {
    /// Préfecture (wire form `prefecture`).
    Prefecture,
    /// Sous-préfecture (wire form `sous-prefecture`).
    SousPrefecture,
    /// Préfecture de police (wire form `prefecture-de-police`); the only site for module 8.
    PrefectureDePolice,
    /// Haut-commissariat (wire form `haut-commissariat`), in the overseas collectivities.
    HautCommissariat,
}

impl AdministrationType {
    /// The wording in `language`: [`label_fr`](AdministrationType::label_fr) or [`label_en`](AdministrationType::label_en).
    #[must_use]
    pub const fn label(self, language: crate::Language) -> &'static str {
        match language {
            crate::Language::Fr => self.label_fr(),
            crate::Language::En => self.label_en(),
        }
    }

    /// The wire form, e.g. `sous-prefecture`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The French label as on the cover page, e.g. `Sous-préfecture`.
    #[must_use]
    pub const fn label_fr(self) -> &'static str {
        match self {
            AdministrationType::Prefecture => "Préfecture",
            AdministrationType::SousPrefecture => "Sous-préfecture",
            AdministrationType::PrefectureDePolice => "Préfecture de police",
            AdministrationType::HautCommissariat => "Haut-commissariat",
        }
    }

    /// The English label.
    #[must_use]
    pub const fn label_en(self) -> &'static str {
        match self {
            AdministrationType::Prefecture => "prefecture",
            AdministrationType::SousPrefecture => "sub-prefecture",
            AdministrationType::PrefectureDePolice => "police prefecture",
            AdministrationType::HautCommissariat => "high commission",
        }
    }
}

wire_enum!(
    AdministrationType,
    "administration type",
    "prefecture, sous-prefecture, prefecture-de-police, haut-commissariat",
    [
        Prefecture,
        SousPrefecture,
        PrefectureDePolice,
        HautCommissariat
    ]
);

/// A département code, well-formed by construction: two digits, `2A`/`2B` (Corse), or three
/// digits starting with `9` (overseas départements and collectivities).
///
/// Whether the code is one of the existing départements is a separate question, answered by
/// [`Departement::is_known`] and checked by validation: `96` is well-formed but unknown.
///
/// ```
/// use qualepref::Departement;
/// let d: Departement = "83".parse()?;
/// assert!(d.is_known());
/// assert!("2a".parse::<Departement>()?.is_known());
/// assert!(!"96".parse::<Departement>()?.is_known());
/// assert!("8".parse::<Departement>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Departement(String);

const DEPARTEMENT_FORM: &str =
    "a département code is two digits, 2A or 2B, or three digits starting with 9";

impl Departement {
    /// The code, e.g. `83`, `2A`, `974`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the code is an existing département or overseas collectivity with a préfecture
    /// or haut-commissariat: `01`–`19`, `2A`, `2B`, `21`–`95`, `971`–`976`, `977`, `978`, `986`,
    /// `987`, `988`.
    #[must_use]
    pub fn is_known(&self) -> bool {
        match self.0.as_str() {
            "2A" | "2B" => true,
            code => match code.parse::<u16>() {
                Ok(n) if code.len() == 2 => (1..=95).contains(&n) && n != 20,
                Ok(n) => matches!(n, 971..=978 | 986..=988),
                Err(_) => false,
            },
        }
    }
}

impl FromStr for Departement {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let code = s.trim().to_ascii_uppercase();
        let well_formed = match code.len() {
            2 => code.chars().all(|c| c.is_ascii_digit()) || code == "2A" || code == "2B",
            3 => code.starts_with('9') && code.chars().all(|c| c.is_ascii_digit()),
            _ => false,
        };
        if well_formed {
            Ok(Departement(code))
        } else {
            Err(Error::InvalidValue {
                what: "département code",
                value: s.to_owned(),
                reason: DEPARTEMENT_FORM,
            })
        }
    }
}

impl TryFrom<String> for Departement {
    type Error = Error;

    fn try_from(s: String) -> Result<Self, Error> {
        s.parse()
    }
}

impl From<Departement> for String {
    fn from(d: Departement) -> String {
        d.0
    }
}

impl fmt::Display for Departement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The audited site (cover page).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// The kind of administration.
    pub administration: AdministrationType,
    /// The site's name as the report gives it, e.g. `PREFECTURE du Var`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The département code.
    pub departement: Departement,
    /// The city, as written, e.g. `TOULON`.
    pub city: String,
}

/// The site as messages name it: `Préfecture TOULON (83)` (kind of administration, city,
/// département), whatever its name.
///
/// ```
/// use qualepref::{AdministrationType, Departement, Site};
/// let site = Site::new(AdministrationType::Prefecture, "83".parse::<Departement>()?, "TOULON");
/// assert_eq!(site.to_string(), "Préfecture TOULON (83)");
/// # Ok::<(), qualepref::Error>(())
/// ```
impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} ({})",
            self.administration.label_fr(),
            self.city,
            self.departement
        )
    }
}

impl Site {
    /// A site of kind `administration` in département `departement`, in `city`, without a name.
    ///
    /// ```
    /// use qualepref::{AdministrationType, Site};
    /// let site = Site::new(AdministrationType::SousPrefecture, "83".parse()?, "BRIGNOLES")
    ///     .with_name("SOUS-PREFECTURE de Brignoles");
    /// assert_eq!(site.departement.as_str(), "83");
    /// # Ok::<(), qualepref::Error>(())
    /// ```
    #[must_use]
    pub fn new(
        administration: AdministrationType,
        departement: Departement,
        city: impl Into<String>,
    ) -> Site {
        Site {
            administration,
            name: None,
            departement,
            city: city.into(),
        }
    }

    /// Whether `other` is the same site: the same administration type, département and city
    /// (case, spaces and punctuation of the city aside; the name is not compared).
    ///
    /// ```
    /// use qualepref::{AdministrationType, Site};
    /// let toulon = Site::new(AdministrationType::Prefecture, "83".parse()?, "TOULON");
    /// let again = Site::new(AdministrationType::Prefecture, "83".parse()?, "Toulon ");
    /// let nice = Site::new(AdministrationType::Prefecture, "06".parse()?, "NICE");
    /// assert!(toulon.is_same_site_as(&again));
    /// assert!(!toulon.is_same_site_as(&nice));
    /// # Ok::<(), qualepref::Error>(())
    /// ```
    #[must_use]
    pub fn is_same_site_as(&self, other: &Site) -> bool {
        let fold = |city: &str| -> String {
            city.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        self.administration == other.administration
            && self.departement == other.departement
            && fold(&self.city) == fold(&other.city)
    }

    /// This site with its name as the report gives it.
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Site {
        self.name = Some(name.into());
        self
    }
}

/// The report's section 2: the organisation and the history of its quality approach.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// « Contexte de l'organisme audité », one string per paragraph, verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisation: Vec<String>,
    /// « Présentation et historique de la démarche du site audité », one string per paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<String>,
    /// Figures stated in the context, when known.
    #[serde(default, skip_serializing_if = "ContextFigures::is_empty")]
    pub figures: ContextFigures,
}

impl Context {
    /// Whether nothing is known of the context.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.organisation.is_empty() && self.history.is_empty() && self.figures.is_empty()
    }
}

/// Context figures of the site, each optional.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextFigures {
    /// Inhabitants of the territory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// Number of communes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub communes: Option<u32>,
    /// Number of arrondissements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrondissements: Option<u32>,
    /// Staff of the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<u32>,
}

impl ContextFigures {
    /// Whether no figure is known.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == ContextFigures::default()
    }
}
