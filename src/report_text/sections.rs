//! The sections of part 4 of a report, « Synthèse et conclusion générale »: the auditor's
//! written conclusion, section by section. Their headings are in the vocabulary.

use strum::IntoStaticStr;

use super::vocabulary::conclusion_heading;
use crate::AuditorSynthesis;

/// The sections of part 4 (« Synthèse et conclusion générale »).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum ConclusionSection {
    /// POINTS FORTS.
    PointsForts,
    /// POINTS SENSIBLES (avec risques associés).
    PointsSensibles,
    /// PISTES DE PROGRES.
    PistesDeProgres,
    /// FICHE(S) D'ECART(S).
    FichesEcart,
    /// COMMENTAIRES.
    Commentaires,
    /// LES BONNES PRATIQUES.
    BonnesPratiques,
    /// LES RESULTATS DES ENQUETES DE SATISFACTION DES USAGERS.
    EnquetesSatisfaction,
    /// RESPECT DE LA CHARTE GRAPHIQUE.
    CharteGraphique,
    /// CONCLUSION GENERALE DE L'AUDIT.
    ConclusionGenerale,
}

impl ConclusionSection {
    /// The sections, in the report's order.
    pub const ALL: [ConclusionSection; 9] = [
        ConclusionSection::PointsForts,
        ConclusionSection::PointsSensibles,
        ConclusionSection::PistesDeProgres,
        ConclusionSection::FichesEcart,
        ConclusionSection::Commentaires,
        ConclusionSection::BonnesPratiques,
        ConclusionSection::EnquetesSatisfaction,
        ConclusionSection::CharteGraphique,
        ConclusionSection::ConclusionGenerale,
    ];

    /// The field of [`AuditorSynthesis`] it fills, e.g. `points_forts`.
    #[must_use]
    pub fn field_name(self) -> &'static str {
        self.into()
    }

    /// The heading as printed in reports, e.g. `FICHE(S) D'ECART(S)`.
    #[must_use]
    pub const fn heading(self) -> &'static str {
        conclusion_heading(self).text
    }

    /// The section's paragraphs in `conclusion` (the charte graphique's text for
    /// [`ConclusionSection::CharteGraphique`]).
    #[must_use]
    pub fn paragraphs(self, conclusion: &AuditorSynthesis) -> &[String] {
        match self {
            ConclusionSection::PointsForts => &conclusion.points_forts,
            ConclusionSection::PointsSensibles => &conclusion.points_sensibles,
            ConclusionSection::PistesDeProgres => &conclusion.pistes_de_progres,
            ConclusionSection::FichesEcart => &conclusion.fiches_ecart,
            ConclusionSection::Commentaires => &conclusion.commentaires,
            ConclusionSection::BonnesPratiques => &conclusion.bonnes_pratiques,
            ConclusionSection::EnquetesSatisfaction => &conclusion.enquetes_satisfaction,
            ConclusionSection::CharteGraphique => &conclusion.charte_graphique.text,
            ConclusionSection::ConclusionGenerale => &conclusion.conclusion_generale,
        }
    }

    pub(crate) fn paragraphs_mut(self, conclusion: &mut AuditorSynthesis) -> &mut Vec<String> {
        match self {
            ConclusionSection::PointsForts => &mut conclusion.points_forts,
            ConclusionSection::PointsSensibles => &mut conclusion.points_sensibles,
            ConclusionSection::PistesDeProgres => &mut conclusion.pistes_de_progres,
            ConclusionSection::FichesEcart => &mut conclusion.fiches_ecart,
            ConclusionSection::Commentaires => &mut conclusion.commentaires,
            ConclusionSection::BonnesPratiques => &mut conclusion.bonnes_pratiques,
            ConclusionSection::EnquetesSatisfaction => &mut conclusion.enquetes_satisfaction,
            ConclusionSection::CharteGraphique => &mut conclusion.charte_graphique.text,
            ConclusionSection::ConclusionGenerale => &mut conclusion.conclusion_generale,
        }
    }

    /// The section whose heading, folded without what stands in parentheses, is `k`.
    pub(crate) fn from_heading_key(k: &str) -> Option<ConclusionSection> {
        ConclusionSection::ALL
            .into_iter()
            .find(|s| conclusion_heading(*s).matches(k))
    }
}
