//! The grid's « Mode d'emploi » sheet, its header comments and the list of the fiches'
//! targets: texts of the grid's own, which the reader recognises (and does not take for
//! anything typed), written in French, typeset (U+00A0 before `:` and inside `« »`, U+202F
//! before `;` `!` `?`).
// The sheet, its comments and its list serve the workbook only (feature `xlsx`); the reader
// knows its texts in either form.
#![cfg_attr(not(feature = "xlsx"), allow(dead_code))]

use crate::grid::layout::{
    ECARTS_SHEET, EVIDENCE_HEADER, MANAGEMENT_SHEET, OBSERVATION_HEADERS, REMOTE_SHEET,
};
use crate::{EcartTarget, ManagementItemId, Referentiel};

/// The sheet's name.
pub(crate) const GUIDE_SHEET: &str = "Mode d'emploi";

/// The sheet's title (A1).
pub(crate) const GUIDE_TITLE: &str = "Mode d'emploi de la grille d'audit";

/// The sheet's column headers.
pub(crate) const GUIDE_HEADERS: [&str; 2] = ["Rubrique", "Comment faire"];

/// The label, in column A, of each row of the fiches' targets.
pub(crate) const TARGET_LABEL: &str = "Cible de fiche d'écart";

/// The guidance, a row each: the sheet or subject, and what to do.
pub(crate) const GUIDE: [(&str, &str); 11] = [
    (
        "Page de garde",
        "Une valeur par ligne en colonne B\u{a0}: le site, le type d'audit, les dates \
         (18/11/2019), les modules couverts (1, 2), les chiffres du contexte. Une ligne \
         «\u{a0}Contexte de l'organisme\u{a0}» ou «\u{a0}Historique de la démarche\u{a0}» par \
         paragraphe, une ligne «\u{a0}Auditeur\u{a0}» par auditeur.",
    ),
    (
        "Module N",
        "Un engagement par ligne, sous son canal. Choisissez le verdict dans la liste \
         déroulante, écrivez chaque observation dans sa colonne (point fort, point sensible et \
         son risque, piste de progrès), un commentaire (la justification d'un NA) et les \
         éléments de preuve (documents consultés, personnes rencontrées).",
    ),
    (
        "Une observation de plus",
        "Sous chaque engagement, une ligne vide porte déjà son numéro\u{a0}: écrivez-y \
         l'observation suivante. Pour d'autres encore, insérez une ligne et recopiez le numéro \
         de l'engagement en colonne A\u{a0}; laissez le verdict vide sur ces lignes.",
    ),
    (
        MANAGEMENT_SHEET,
        "Les items de pilotage de la politique qualité et de la démarche de labellisation, \
         remplis comme les engagements.",
    ),
    (
        REMOTE_SHEET,
        "Un contrôle par ligne (canal et numéro d'engagement)\u{a0}: la grille vierge propose \
         les contrôles habituels\u{a0}; ajoutez ou supprimez des lignes, choisissez la note \
         dans la liste.",
    ),
    (
        ECARTS_SHEET,
        "Une fiche par non-conformité\u{a0}: choisissez la cible (l'engagement ou l'item) et \
         la gravité dans les listes, puis le constat, l'exigence, l'action corrective, \
         l'échéance, le pilote, l'état et, pour une fiche levée ou non levée, sa date et sa \
         preuve ou son motif\u{a0}; enfin le numéro de la fiche, la cause et la réponse du site.",
    ),
    (
        "Conclusion",
        "Un paragraphe par ligne sous sa rubrique, ou plusieurs dans une cellule, un par ligne \
         (Alt+Entrée). Le verdict de la charte graphique a sa propre ligne.",
    ),
    (
        "Listes déroulantes",
        "Verdict\u{a0}: C (conforme), NA (non applicable, à justifier en commentaire), NC min \
         (non-conformité mineure), NC Maj (non-conformité majeure). Note d'un contrôle à \
         distance\u{a0}: Conforme, Non conforme, Non applicable. État d'une fiche\u{a0}: ouvert, \
         en cours, levé, non levé.",
    ),
    (
        "Ce que la lecture refuse",
        "Tout ce qui est saisi est lu ou signalé, jamais perdu\u{a0}: un verdict inconnu, un \
         texte hors des colonnes ou sur une autre feuille, une formule dans une cellule \
         d'évaluation, un verdict écrit dans un texte, une seconde valeur d'un même item, une \
         date illisible sont signalés avec leur cellule et gardés\u{a0}; l'audit est refusé \
         tant qu'ils ne sont pas corrigés.",
    ),
    (
        "Lignes et feuilles",
        "Ne renommez pas les feuilles et ne touchez pas à la feuille cachée _qualepref, qui \
         identifie la grille. L'ordre des lignes n'importe pas.",
    ),
    (
        "Cette feuille",
        "Elle appartient à la grille\u{a0}: ce qui y est saisi n'est pas lu, mais signalé. \
         Elle porte aussi, plus bas, la liste des cibles des fiches d'écart.",
    ),
];

/// The comments of the column headers, by header.
pub(crate) const HEADER_NOTES: [(&str, &str); 8] = [
    (
        "Verdict",
        "C (conforme), NA (non applicable, à justifier en commentaire), NC min, NC Maj\u{a0}: \
         dans la liste.",
    ),
    (
        OBSERVATION_HEADERS[1],
        "Un point sensible\u{a0}; son risque dans la colonne suivante.",
    ),
    (
        OBSERVATION_HEADERS[2],
        "Le risque du point sensible de la même ligne, et d'aucune autre observation.",
    ),
    (
        "Commentaire, justification d'un NA",
        "Ce qui n'est ni un verdict ni une observation, dont la justification d'un NA.",
    ),
    (
        EVIDENCE_HEADER,
        "Documents consultés, personnes rencontrées.",
    ),
    (
        "Note",
        "Conforme, Non conforme ou Non applicable\u{a0}: dans la liste.",
    ),
    (
        "Cible (n° d'engagement, ou pilotage N / labellisation N)",
        "L'engagement ou l'item de la fiche\u{a0}: dans la liste, ou son numéro (17, \
         pilotage 5).",
    ),
    (
        "N° de fiche",
        "Le numéro de la fiche dans le rapport (Fiche d'écart n°1).",
    ),
];

/// The comment of the column header `header`, if any.
pub(crate) fn header_note(header: &str) -> Option<&'static str> {
    HEADER_NOTES
        .iter()
        .find(|(h, _)| *h == header)
        .map(|(_, note)| *note)
}

/// A management item as a target: `Pilotage 5`.
fn item_label(id: ManagementItemId) -> String {
    let id = id.to_string();
    let mut chars = id.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The form of `target` in the fiches' drop-down: `17 — Nous vous répondons…`,
/// `Pilotage 5 — Comité des usagers`; the bare number or item when the référentiel does not
/// know it.
pub(crate) fn target_label(target: EcartTarget, referentiel: &Referentiel) -> String {
    match target {
        EcartTarget::Engagement(n) => referentiel
            .engagement(n)
            .map_or_else(|| n.to_string(), |e| format!("{n} — {}", e.title)),
        EcartTarget::Management(id) => referentiel.management_item(id).map_or_else(
            || item_label(id),
            |i| format!("{} — {}", item_label(id), i.title),
        ),
    }
}

/// The fiches' targets of `referentiel`, in the drop-down's order: the engagements, then the
/// management items.
pub(crate) fn targets(referentiel: &Referentiel) -> Vec<String> {
    referentiel
        .engagements()
        .iter()
        .map(|e| target_label(EcartTarget::Engagement(e.number), referentiel))
        .chain(
            referentiel
                .management_items()
                .iter()
                .map(|i| target_label(EcartTarget::Management(i.id()), referentiel)),
        )
        .collect()
}

/// Every text of the sheet, which the reader recognises as the grid's own.
pub(crate) fn own_texts(referentiel: &Referentiel) -> Vec<String> {
    let mut texts = vec![GUIDE_TITLE.to_owned(), TARGET_LABEL.to_owned()];
    texts.extend(GUIDE_HEADERS.iter().map(|h| (*h).to_owned()));
    for (subject, text) in GUIDE {
        texts.push(subject.to_owned());
        texts.push(text.to_owned());
    }
    texts.extend(targets(referentiel));
    texts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::typography::is_typeset;

    /// The grid's own wording (the targets quote the référentiel's titles verbatim).
    #[test]
    fn the_guidance_is_typeset() {
        let mut texts = vec![GUIDE_TITLE, TARGET_LABEL];
        texts.extend(GUIDE_HEADERS);
        texts.extend(GUIDE.iter().flat_map(|(s, t)| [*s, *t]));
        texts.extend(HEADER_NOTES.iter().map(|(_, n)| *n));
        for text in texts {
            assert!(is_typeset(text), "{text:?}");
            assert!(!text.contains(" :"), "{text:?}");
        }
    }

    #[test]
    fn targets_read_as_the_referentiel_names_them() {
        let referentiel = Referentiel::qual_e_pref_2019();
        let targets = targets(referentiel);
        assert!(
            targets
                .contains(&"17 — Nous vous répondons dans un délai annoncé et maîtrisé".to_owned())
        );
        assert!(
            targets.iter().any(|t| t.starts_with("Pilotage 5 — ")),
            "{targets:?}"
        );
        assert_eq!(targets.len(), 30);
    }
}
