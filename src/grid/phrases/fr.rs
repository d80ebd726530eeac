//! The grid reader's wording in French, typeset: U+00A0 before `:` and inside `« »`, U+202F
//! before `;` `!` `?`.

use crate::ImportLevel;
use crate::grid::limits::thousands;
use crate::grid::phrases::{Carried, DateError, Day, Item, Phrases, Second, What, Why, cut};

fn quote(text: &str) -> String {
    match cut(text) {
        (head, Some(count)) => format!("«\u{a0}{head}…\u{a0}» ({} caractères)", thousands(count)),
        (whole, None) => format!("«\u{a0}{whole}\u{a0}»"),
    }
}

fn item(item: Item) -> String {
    match item {
        Item::Engagement(n) => format!("l'engagement {n}"),
        Item::Management(id) => format!("l'item {id}"),
        Item::Remote(c, n) => format!(
            "le contrôle à distance de l'engagement {n} ({})",
            c.label_fr()
        ),
        Item::Charte => "la charte graphique".to_owned(),
    }
}

fn what(what: What) -> &'static str {
    match what {
        What::Strength => "un point fort",
        What::Concern => "un point sensible",
        What::Risk => "un risque",
        What::Improvement => "une piste de progrès",
        What::Comment => "un commentaire",
        What::Evidence => "des éléments de preuve",
        What::Title => "un titre",
        What::SiteName => "un nom de site",
        What::City => "une ville",
        What::Referentiel => "un référentiel",
        What::ReferentielLabel => "un libellé de référentiel",
        What::Organisation => "un paragraphe du contexte",
        What::History => "un paragraphe de l'historique",
        What::AuditorName => "un nom d'auditeur",
        What::AuditorRole => "un rôle d'auditeur",
        What::Phone => "un numéro de téléphone",
        What::Email => "une adresse électronique",
        What::Modules => "une liste de modules",
        What::Finding => "un constat",
        What::Requirement => "une exigence",
        What::Cause => "une cause",
        What::Action => "une action corrective",
        What::Leader => "un pilote",
        What::Response => "la réponse du site",
        What::StatusNote => "la preuve de levée ou le motif",
        What::Paragraph => "un paragraphe de la conclusion",
        What::Administration => "le type d'administration",
        What::Departement => "le département",
        What::AuditType => "le type d'audit",
        What::Internal => "audit interne (oui ou non)",
    }
}

fn day(day: Day) -> &'static str {
    match day {
        Day::Start => "date de début",
        Day::End => "date de fin",
        Day::Signed => "date de signature",
        Day::ExternalOn => "date de l'audit externe",
        Day::DecidedOn => "date de la décision de labellisation",
        Day::PlanAcceptedOn => "date d'acceptation du plan d'actions",
        Day::Due => "échéance",
        Day::Status => "date de l'état",
    }
}

fn date_error(error: DateError) -> &'static str {
    match error {
        DateError::NotADate => "pas une date",
        DateError::NotADateText => {
            "pas une date (18/11/2019 ou 2019-11-18, l'année sur quatre chiffres)"
        }
        DateError::Serial => "pas une date (numéro de série hors limites)",
        DateError::Years => "une date hors des années 2000 à 2100",
    }
}

fn why(why: &Why) -> String {
    let text = match why {
        Why::NoLabel => "pas de libellé en colonne A",
        Why::OutsideColumns => "hors des colonnes de la grille",
        Why::NotHeader => "pas un en-tête de colonne de la grille",
        Why::Date(d, e) => return format!("{}\u{a0}: {}", day(*d), date_error(*e)),
        Why::NotRead => "non lu par la grille",
        Why::OutsideSheet => "feuille étrangère à la grille",
        Why::NotMeta => "pas une donnée propre à la grille",
        Why::NotCoverLabel => "libellé étranger à la page de garde",
        Why::AuditorWithoutName => "un auditeur sans nom (colonne B)",
        Why::NotWhole => "pas un nombre entier",
        Why::UnknownTitle => "le titre d'un item que le référentiel ne connaît pas",
        Why::NoEngagementNumber => "pas de numéro d'engagement en colonne A",
        Why::NoManagementItem => {
            "pas de section de pilotage (colonne A) ni de numéro d'item (colonne B)"
        }
        Why::NoChannel => "pas de canal (colonne A) ni de numéro d'engagement (colonne B)",
        Why::ModuleNotNumber(m) => {
            return format!(
                "pas un numéro de module de 1 à 8\u{202f}; le module {m} du référentiel retenu"
            );
        }
        Why::RemoteNoModule(i) => {
            return format!(
                "{}\u{a0}: pas de module, et le référentiel ne connaît pas l'engagement",
                capitalised(&item(*i))
            );
        }
        Why::NoteWithoutState => "preuve ou motif sans état (levé ou non levé)",
        Why::UnknownState => {
            "état autre que ouvert, en cours, levé, non levé\u{202f}; lu comme ouvert"
        }
        Why::NoteOfUnknownState => "preuve ou motif d'un état non compris",
        Why::NoteOfOtherState => "preuve ou motif d'un état ni levé ni non levé",
        Why::StateWithoutDate => {
            "levé ou non levé demande sa date (colonne I)\u{202f}; lu comme ouvert"
        }
        Why::NoteOfStateReadOpen => "preuve ou motif d'un état lu comme ouvert",
        Why::FicheWithoutTarget => {
            "une fiche d'écart demande une cible (colonne A\u{a0}: un numéro d'engagement, ou pilotage N / labellisation N) et une gravité (colonne B\u{a0}: NC min ou NC Maj)"
        }
        Why::NotSection => "pas une rubrique de la conclusion",
        Why::NotUnderSection => "sous aucune rubrique de la conclusion",
        Why::FicheNumberNotWhole => "le numéro d'une fiche est un nombre entier (1, 2…)",
        Why::NotGuidance => "pas un texte du mode d'emploi de la grille",
        Why::PlanWithoutDecision => {
            "un plan d'actions accepté sans date de décision de labellisation"
        }
    };
    text.to_owned()
}

/// `text` with its first letter capitalised.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn carried_words(carried: Carried) -> &'static str {
    match carried {
        Carried::Verdict(_) => "un verdict",
        Carried::Observation(_) => "une observation",
        Carried::RemoteNote(_) => "une note de contrôle à distance",
    }
}

fn second(second: Second) -> &'static str {
    match second {
        Second::Verdict => "un verdict",
        Second::Note => "une note",
        Second::Comment => "un commentaire",
        Second::Evidence => "des éléments de preuve",
    }
}

fn at(cell: Option<&str>) -> String {
    cell.map_or_else(String::new, |c| format!(" ({c})"))
}

/// The grid reader's wording in French.
pub(crate) const FR: Phrases = Phrases {
    level: |level| match level {
        ImportLevel::Info => "info",
        ImportLevel::Guessed => "déduit",
        ImportLevel::Warning => "avertissement",
        ImportLevel::Skipped => "ignoré",
    },
    line: |cell, level, message| format!("{cell}\u{a0}: {level}\u{a0}: {message}"),
    quote,
    why,
    not_used: |why, value| format!("{why}, valeur non reprise\u{a0}: {value}"),
    reads_as: |w, carried, against, text| {
        let against = against.map_or_else(String::new, |c| format!(", en concurrence avec {c}"));
        format!(
            "{} qui se lit comme {} ({carried}){against}, valeur non reprise\u{a0}: {}",
            capitalised(what(w)),
            carried_words(carried),
            quote(text)
        )
    },
    second_row: |first, value| {
        format!(
            "une seconde ligne de ce libellé, en concurrence avec {first}, valeur non reprise\u{a0}: {}",
            quote(value)
        )
    },
    not_understood: |w, value| {
        format!(
            "{} {} non compris, valeur non reprise",
            capitalised(what(w)),
            quote(value)
        )
    },
    one_day: "pas de date de fin\u{a0}: un audit d'une journée",
    not_a_module: |value| {
        format!(
            "le module {} n'est pas un numéro de module de 1 à 8, valeur non reprise",
            quote(value)
        )
    },
    formula_in_assessment: |cached, formula| {
        let cached = cached.map_or_else(
            || "sans valeur calculée".to_owned(),
            |c| format!("sa valeur calculée {} n'est pas lue", quote(c)),
        );
        format!(
            "une formule dans une cellule d'évaluation, {cached}\u{202f}; valeur non reprise\u{a0}: {}",
            quote(formula)
        )
    },
    formula_read: |formula, cached| {
        format!(
            "une formule, que le lecteur ne calcule pas\u{a0}: {}\u{202f}; sa valeur calculée {} a été lue",
            quote(formula),
            quote(cached)
        )
    },
    formula_empty: |formula| {
        format!(
            "une formule sans valeur calculée, valeur non reprise\u{a0}: {}",
            quote(formula)
        )
    },
    module_not_covered: |module, covered| {
        format!(
            "le module {module} n'est pas parmi les modules couverts de la page de garde ({covered}), mais sa feuille a des lignes"
        )
    },
    modules_from_sheets: "aucun module couvert indiqué\u{a0}: les modules des feuilles de module retenus",
    other_referentiel: |grid, read| {
        format!(
            "la grille a été faite pour le référentiel {}, lue avec {}",
            quote(grid),
            quote(read)
        )
    },
    risk_without_concern: |value| {
        format!(
            "un risque sans point sensible, valeur non reprise\u{a0}: {}",
            quote(value)
        )
    },
    unknown_verdict: |value| {
        format!(
            "verdict {} inconnu (attendus\u{a0}: C, NA, NC min, NC Maj)\u{202f}; laissé sans verdict",
            quote(value)
        )
    },
    unknown_note: |value| {
        format!(
            "note {} inconnue (attendues\u{a0}: Conforme, Non conforme, Non applicable)\u{202f}; laissé sans note",
            quote(value)
        )
    },
    competing: |i, s, first, text| {
        format!(
            "{} a déjà {} sur une ligne précédente{}\u{202f}; celle-ci lui fait concurrence, valeur non reprise\u{a0}: {}",
            capitalised(&item(i)),
            second(s),
            at(first),
            quote(text)
        )
    },
    competing_module: |i, first, text| {
        format!(
            "{} a un autre module sur une ligne précédente{}\u{202f}; celle-ci lui fait concurrence, valeur non reprise\u{a0}: {}",
            capitalised(&item(i)),
            at(first),
            quote(text)
        )
    },
    title_differs: |found, expected| {
        format!(
            "le titre {} diffère de celui du référentiel, {}\u{202f}; rapproché par son numéro",
            quote(found),
            quote(expected)
        )
    },
    not_in_referentiel: |i, referentiel| {
        format!(
            "{} n'est pas dans le référentiel {referentiel}\u{202f}; importé tel qu'écrit",
            capitalised(&item(i))
        )
    },
    other_module: |n, sheet, referentiel| {
        format!(
            "l'engagement {n} est rangé sous le module {sheet}, le référentiel le place dans le module {referentiel}"
        )
    },
    module_guessed: |module| {
        format!("pas de module\u{a0}: le module {module} du référentiel retenu")
    },
    older_name: |found, now| {
        format!(
            "une feuille nommée comme dans les grilles de la version 0.2 ({})\u{a0}: lue comme la feuille aujourd'hui nommée {}",
            quote(found),
            quote(now)
        )
    },
    outside_table: |value| {
        format!(
            "hors des colonnes du tableau, valeur non reprise\u{a0}: {}",
            quote(value)
        )
    },
    not_in_kind: |kind, value| {
        format!(
            "inutilisé dans une ligne de type {}\u{a0}: {}",
            quote(kind),
            quote(value)
        )
    },
    windows_1252: "pas de l'UTF-8\u{a0}: lu comme du Windows-1252, l'encodage d'un tableau enregistré par Excel en français",
};
