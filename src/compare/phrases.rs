//! The comparison's wording, in each language: the features keep their own phrases, beside
//! the shared ones of `crate::i18n`. French strings carry their no-break spaces (U+00A0) before
//! `:` and inside `« »`, and U+202F before `;`.

use super::{Change, NcStatus};
use crate::Language;

/// The comparison's phrases.
pub(crate) struct ComparePhrases {
    /// `Comparaison de deux audits` (the title).
    pub(crate) title: &'static str,
    /// `Avant : ` and `Après : ` (before each audit's site, type and dates).
    pub(crate) audits: [&'static str; 2],
    /// The warning when the two audits are of different sites.
    pub(crate) different_sites: &'static str,
    /// The warning when the audit after starts before the audit before.
    pub(crate) reversed_dates: &'static str,
    /// `Périmètre et décision` (section).
    pub(crate) scope: &'static str,
    /// `Référentiel : ` (before the référentiel's id).
    pub(crate) referentiel: &'static str,
    /// `Référentiels différents ` (before both ids).
    pub(crate) different_referentiels: &'static str,
    /// What is compared across two référentiels, after a colon.
    pub(crate) shared_only: &'static str,
    /// `Engagements non comparés : `.
    pub(crate) not_compared: &'static str,
    /// `Avis : ` (an audit gives an avis; the decision is the certification body's).
    pub(crate) decision: &'static str,
    /// `Modules` (section).
    pub(crate) modules: &'static str,
    /// `Engagements` (section).
    pub(crate) engagements: &'static str,
    /// `Non-conformités` (section).
    pub(crate) nonconformities: &'static str,
    /// `Points sensibles` (section).
    pub(crate) points_sensibles: &'static str,
    /// `Pistes de progrès` (section).
    pub(crate) pistes_de_progres: &'static str,
    /// `Toujours ouverts` (section: the observations found again, one a line).
    pub(crate) still_open: &'static str,
    /// A nonconformity lifted, persistent with another grade, new: `levée`…
    pub(crate) nc_status: fn(NcStatus) -> &'static str,
    /// An observation seen after only: `nouvelle`.
    pub(crate) new_observation: &'static str,
    /// What a change of verdict means: `amélioré`, `improved`…
    pub(crate) change: fn(Change) -> &'static str,
    /// `engagement ` (before a number).
    pub(crate) engagement: &'static str,
    /// `, point ` (between a management section and an item's number).
    pub(crate) item: &'static str,
    /// `audit à distance (` (before a channel).
    pub(crate) remote: &'static str,
    /// `), engagement ` (between a channel and an engagement's number).
    pub(crate) remote_engagement: &'static str,
    /// `non évalué` (no verdict).
    pub(crate) not_assessed: &'static str,
    /// `non couvert` (a module the audit does not cover).
    pub(crate) not_covered: &'static str,
    /// What opens a quoted observation: `« `.
    pub(crate) open_quote: &'static str,
    /// What closes a quoted observation: ` »`.
    pub(crate) close_quote: &'static str,
    /// What separates quoted observations and open places: ` ; `.
    pub(crate) separator: &'static str,
}

/// The comparison's wording in `language`.
pub(crate) const fn of(language: Language) -> &'static ComparePhrases {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

/// French.
pub(crate) const FR: ComparePhrases = ComparePhrases {
    title: "Comparaison de deux audits",
    audits: ["Avant\u{a0}: ", "Après\u{a0}: "],
    different_sites: "Attention\u{a0}: les deux audits portent sur deux sites différents.",
    reversed_dates: "Attention\u{a0}: l'audit «\u{a0}après\u{a0}» commence avant l'audit «\u{a0}avant\u{a0}».",
    scope: "Périmètre et avis",
    referentiel: "Référentiel\u{a0}: ",
    different_referentiels: "Référentiels différents ",
    shared_only: "seuls les engagements communs (même numéro, même module, même intitulé) sont comparés",
    not_compared: "Engagements non comparés\u{a0}: ",
    decision: "Avis\u{a0}: ",
    modules: "Modules",
    engagements: "Engagements",
    nonconformities: "Non-conformités",
    points_sensibles: "Points sensibles",
    pistes_de_progres: "Pistes de progrès",
    still_open: "Toujours ouverts",
    nc_status: |s| match s {
        NcStatus::Lifted => "levée",
        NcStatus::Persistent => "persistante, grade modifié",
        NcStatus::New => "nouvelle",
    },
    new_observation: "nouvelle",
    change: |c| match c {
        Change::Improved => "amélioré",
        Change::Regressed => "dégradé",
        Change::Unchanged => "inchangé",
        Change::Applicability => "applicabilité modifiée",
        Change::NewlyAssessed => "nouvellement évalué",
        Change::NoLongerAssessed => "plus évalué",
    },
    engagement: "engagement ",
    item: ", point ",
    remote: "audit à distance (",
    remote_engagement: "), engagement ",
    not_assessed: "non évalué",
    not_covered: "non couvert",
    open_quote: "«\u{a0}",
    close_quote: "\u{a0}»",
    separator: "\u{202f}; ",
};

/// English.
pub(crate) const EN: ComparePhrases = ComparePhrases {
    title: "Comparison of two audits",
    audits: ["Before: ", "After: "],
    different_sites: "Warning: the two audits are of two different sites.",
    reversed_dates: "Warning: the audit \"after\" starts before the audit \"before\".",
    scope: "Scope and opinion",
    referentiel: "Référentiel: ",
    different_referentiels: "Different référentiels ",
    shared_only: "only the shared engagements (same number, module and title) are compared",
    not_compared: "Engagements not compared: ",
    decision: "Opinion (avis): ",
    modules: "Modules",
    engagements: "Engagements",
    nonconformities: "Nonconformities",
    points_sensibles: "Points sensibles",
    pistes_de_progres: "Pistes de progrès",
    still_open: "Still open",
    nc_status: |s| match s {
        NcStatus::Lifted => "lifted",
        NcStatus::Persistent => "persistent, grade changed",
        NcStatus::New => "new",
    },
    new_observation: "new",
    change: |c| match c {
        Change::Improved => "improved",
        Change::Regressed => "regressed",
        Change::Unchanged => "unchanged",
        Change::Applicability => "applicability changed",
        Change::NewlyAssessed => "newly assessed",
        Change::NoLongerAssessed => "no longer assessed",
    },
    engagement: "engagement ",
    item: ", item ",
    remote: "remote audit (",
    remote_engagement: "), engagement ",
    not_assessed: "not assessed",
    not_covered: "not covered",
    open_quote: "\"",
    close_quote: "\"",
    separator: "; ",
};

#[cfg(test)]
mod tests {
    use crate::i18n::typography::is_typeset;

    /// The French wording is written typeset.
    #[test]
    fn the_french_wording_is_typeset() {
        let k = &super::FR;
        let mut texts = vec![
            k.referentiel,
            k.not_compared,
            k.decision,
            k.open_quote,
            k.close_quote,
            k.separator,
            k.different_sites,
            k.reversed_dates,
        ];
        texts.extend(k.audits);
        for text in texts {
            assert!(is_typeset(text), "{text:?}");
        }
    }
}
