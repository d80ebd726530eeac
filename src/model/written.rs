//! The report's section 4 as the auditor wrote it.

use serde::{Deserialize, Serialize};

use crate::Verdict;

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
