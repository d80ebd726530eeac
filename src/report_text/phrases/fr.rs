//! The import's messages in French, typeset: a no-break space (U+00A0) before `:` and inside
//! `« »`, a narrow no-break space (U+202F) before `;`, `!` and `?`. The report's values are
//! quoted verbatim between guillemets, the codes and the audit's paths as they are written.

use chrono::NaiveDate;

use super::{At, Cell, Figure, ImportPhrases, Place, Spot, StateDay, Subject, list};
use crate::report_text::diagnostics::ImportLevel;
use crate::report_text::read::cells::{DateError, PLAUSIBLE_YEARS};
use crate::{AuditType, Carried, EcartTarget, ManagementSection, RemoteChannel};

/// What the messages say of a text kept as written.
const KEPT: &str = "\u{202f}; texte conservé dans `unread`";
/// What they say of a row kept as written.
const ROW_KEPT: &str = "\u{202f}; ligne conservée dans `unread`";

/// The import's messages in French.
pub(crate) static FR: ImportPhrases = ImportPhrases {
    level: |level| match level {
        ImportLevel::Info => "info",
        ImportLevel::Guessed => "déduit",
        ImportLevel::Warning => "avertissement",
        ImportLevel::Skipped => "ignoré",
    },
    at_line: |n| format!("ligne {n}\u{a0}: "),
    whole_report: "rapport\u{a0}: ",

    unrecognised_line: |place, text| {
        format!(
            "ligne non comprise {}, non utilisée\u{a0}: {}",
            in_place(place),
            q(text)
        )
    },
    not_filed: |spot, text, carried| {
        format!(
            "{}\u{a0}: {} pourrait porter {} ({carried}) et n'est pas enregistré\u{a0}: il est \
             conservé dans `unread`\u{202f}; la validation refuse l'audit tant qu'il n'est pas \
             reporté dans son champ ou supprimé",
            spot_name(spot),
            q(text),
            carried_what(carried)
        )
    },
    competing: |spot, text, at| {
        format!(
            "{}\u{a0}: {} concurrence la valeur déjà enregistrée {}\u{a0}: il n'est pas \
             enregistré et reste dans `unread`\u{202f}; la validation refuse l'audit tant que \
             l'une des deux n'est pas supprimée",
            spot_name(spot),
            q(text),
            at_place(at)
        )
    },
    text_beside_heading: |heading, text| {
        format!(
            "l'intitulé {} porte à côté de lui un texte qui n'est pas lu\u{a0}: {}{KEPT}",
            q(heading),
            q(text)
        )
    },
    date_problem,

    referentiel_named: |value, name, id| {
        format!(
            "le rapport cite le référentiel {}, l'import utilise {} ({id})",
            q(value),
            q(name)
        )
    },
    referentiel_dated: |report, ours| {
        format!(
            "le référentiel du rapport est daté du {}, celui de l'import du {}",
            date(report),
            date(ours)
        )
    },
    referentiel_revised: |report, ours| {
        format!(
            "le référentiel du rapport est mis à jour le {}, celui de l'import le {}",
            date(report),
            date(ours)
        )
    },
    title_date: |problem, text| format!("{}{KEPT}", date_problem(problem, text)),
    audit_dates_invalid: |value, problem, word| {
        format!(
            "dates de l'audit {}\u{a0}: {}{KEPT}",
            q(value),
            date_problem(problem, word)
        )
    },
    audit_dates_unreadable,
    audit_dates_form: |value| format!("{}{KEPT}", audit_dates_unreadable(value)),
    signature_date: |problem, text| {
        format!(
            "date de signature\u{a0}: {}{KEPT}",
            date_problem(problem, text)
        )
    },
    external_date: |problem, text| {
        format!(
            "date prévue de l'audit externe\u{a0}: {}{KEPT}",
            date_problem(problem, text)
        )
    },
    administration_unknown: |label| {
        format!(
            "le type d'administration {} n'est pas un type connu{KEPT}",
            q(label)
        )
    },
    administrations_several: |all| {
        format!("plusieurs types d'administration sont cochés ({all}), aucun n'est retenu{KEPT}")
    },
    departement_invalid: |value| {
        format!(
            "le code de département {} n'est pas valide (deux chiffres, 2A ou 2B, ou trois \
             chiffres commençant par 9){KEPT}",
            q(value)
        )
    },
    module_checkbox: |label| {
        format!(
            "la case {} ne désigne aucun module de 1 à 8{KEPT}",
            q(label)
        )
    },
    audit_type_twice: |t| {
        format!(
            "l'audit {} est coché en plus d'un autre type{KEPT}",
            audit_type(t)
        )
    },
    audit_type_unknown: |label| {
        format!("le type d'audit {} n'est pas un type connu{KEPT}", q(label))
    },

    remote_out_of_place: |number, place| {
        format!(
            "un contrôle à distance de l'engagement {number} se trouve {}, hors de la section 3 \
             et de son canal{ROW_KEPT}",
            in_place(place)
        )
    },
    row_out_of_place: |number, place| {
        format!(
            "la ligne de l'engagement {number} se trouve {}, hors de la section 3\u{a0}: elle est \
             lue comme une ligne de la section 3",
            in_place(place)
        )
    },
    item_out_of_place: |number, verdict, place| {
        format!(
            "une ligne numérotée {number}, de verdict {verdict}, se trouve {}, hors de la section \
             3 et de ses rubriques de management{ROW_KEPT}",
            in_place(place)
        )
    },
    title_case_or_spacing: |subject, found, expected| {
        format!(
            "{}\u{a0}: le titre {} ne diffère de celui du référentiel, {}, que par les espaces ou \
             la casse\u{202f}; rapproché par son numéro",
            label(subject),
            q(found),
            q(expected)
        )
    },
    title_differs: |subject, found, expected| {
        format!(
            "{}\u{a0}: le titre {} diffère de celui du référentiel, {}\u{202f}; rapproché par son \
             numéro",
            label(subject),
            q(found),
            q(expected)
        )
    },
    engagement_number_invalid: |number| {
        format!("le numéro d'engagement {number} n'est pas compris entre 1 et 999{ROW_KEPT}")
    },
    item_number_invalid: |number| {
        format!("le numéro de point {number} n'est pas compris entre 1 et 255{ROW_KEPT}")
    },
    not_in_referentiel: |subject, title, id| {
        format!(
            "{} ({}) n'est pas dans le référentiel {id}\u{202f}; importé tel qu'il est écrit",
            the(subject),
            q(title)
        )
    },
    no_module: |e| {
        format!("engagement {e}\u{a0}: aucun module de 1 à 8 n'est donné ni connu{ROW_KEPT}")
    },
    remote_unknown_engagement: |e| {
        format!(
            "contrôle à distance de l'engagement {e}\u{a0}: le référentiel ne connaît pas cet \
             engagement{ROW_KEPT}"
        )
    },
    module_does_not_exist: |subject, written, used| {
        let used = used.map_or_else(
            || "aucun module n'est connu".to_owned(),
            |m| format!("le module {m} du référentiel est retenu"),
        );
        format!(
            "{} est classé sous le module {written}, qui n'existe pas\u{a0}: {used}",
            the(subject)
        )
    },
    module_differs: |e, module, reference| {
        format!(
            "l'engagement {e} est classé sous le module {module}, le référentiel le place dans \
             le module {reference}"
        )
    },
    group_differs: |e, heading, group| {
        format!(
            "l'engagement {e} se trouve sous l'intitulé {}, son groupe est {}",
            heading.unwrap_or("(aucun)"),
            group.unwrap_or("(aucun)")
        )
    },
    duplicate_row: |subject, first| match subject {
        Subject::Remote(channel, e) => format!(
            "l'engagement {e} a un second contrôle à distance {}, le premier est à la ligne \
             {first}\u{a0}: il n'est pas enregistré et reste dans `unread`\u{202f}; la \
             validation refuse l'audit tant que l'un des deux n'est pas supprimé",
            channel_words(channel)
        ),
        _ => format!(
            "{} a une seconde ligne, la première est la ligne {first}\u{a0}: elle n'est pas \
             enregistrée et reste dans `unread`\u{202f}; la validation refuse l'audit tant que \
             l'une des deux n'est pas supprimée",
            the(subject)
        ),
    },
    missing_verdict: |subject| match subject {
        Subject::Remote(..) | Subject::RemoteOf(_) => format!("{} n'a pas de note", the(subject)),
        _ => format!("{} n'a pas de verdict", the(subject)),
    },
    unknown_verdict: |subject, text| {
        format!(
            "{}\u{a0}: le verdict {} n'est pas l'un des codes C, NA, NC min, NC Maj{KEPT}",
            label(subject),
            q(text)
        )
    },
    unknown_verdict_under: |subject, text| {
        format!(
            "{}\u{a0}: le verdict {} de la ligne du dessous n'est pas l'un des codes C, NA, NC \
             min, NC Maj{KEPT}",
            label(subject),
            q(text)
        )
    },
    unknown_note: |subject, text| {
        format!(
            "{}\u{a0}: la note {} n'est ni Conforme, ni Non conforme, ni Non applicable\u{202f}; \
             elle est gardée comme son commentaire",
            label(subject),
            q(text)
        )
    },
    remote_verdict: |subject, text, verdict| {
        format!(
            "{}\u{a0}: {} est un verdict ({verdict}), là où un contrôle à distance a une note \
             (Conforme, Non conforme, Non applicable)\u{a0}: la ligne n'est pas enregistrée, elle \
             est conservée dans `unread`\u{202f}; la validation refuse l'audit tant qu'elle n'est \
             pas reportée dans son champ ou supprimée",
            label(subject),
            q(text)
        )
    },
    remote_verdict_under: |subject, text, verdict| {
        format!(
            "{}\u{a0}: {}, sur la ligne du dessous, est un verdict ({verdict}), là où un contrôle \
             à distance a une note\u{a0}: il n'est pas enregistré et reste dans \
             `unread`\u{202f}; la validation refuse l'audit tant qu'il n'est pas reporté dans son \
             champ ou supprimé",
            label(subject),
            q(text)
        )
    },
    row_continued: |field| format!("la ligne prolonge celle du dessus ({field})"),

    due_date: |problem, text| format!("échéance\u{a0}: {}{KEPT}", date_problem(problem, text)),
    state_day: |state, target, day| {
        let why = match day {
            StateDay::Invalid(problem, text) => {
                format!("\u{a0}: {}", date_problem(problem, text))
            }
            StateDay::Missing(word) => format!(
                " demande une date jj/mm/aaaa ({})",
                q(&format!("{word} le 02/03/2020"))
            ),
        };
        format!(
            "l'état {} de la fiche d'écart {}{why}{KEPT}",
            q(state),
            of(target_subject(target))
        )
    },
    state_unknown: |state, target| {
        format!(
            "l'état {} de la fiche d'écart {} n'est pas l'un de ouvert, en cours, levé le \
             jj/mm/aaaa, non levé le jj/mm/aaaa{KEPT}",
            q(state),
            of(target_subject(target))
        )
    },
    state_needed: |field, target| {
        format!(
            "{} de la fiche d'écart {} demande au-dessus une ligne {} (ou {}){KEPT}",
            q(field),
            of(target_subject(target)),
            q("État\u{a0}: levé le jj/mm/aaaa"),
            q("non levé")
        )
    },
    fiche_unknown_target: |target| {
        format!(
            "la fiche d'écart désigne {}, qui n'a pas de ligne dans la section 3",
            the(target_subject(target))
        )
    },
    fiche_grade_differs: |target, grade, verdict| {
        format!(
            "la fiche d'écart {} indique {grade}, le verdict de sa ligne est {verdict}\u{202f}; \
             {grade} retenu",
            of(target_subject(target))
        )
    },
    fiche_grade_from_verdict: |target, grade| {
        format!(
            "la fiche d'écart {} n'indique pas de gravité\u{a0}: {grade} est repris du verdict de \
             sa ligne",
            of(target_subject(target))
        )
    },
    fiche_grade_guessed: |target| {
        format!(
            "la fiche d'écart {} n'indique pas de gravité et sa ligne n'est pas une \
             non-conformité\u{a0}: NC min supposé",
            of(target_subject(target))
        )
    },
    fiche_row_not_nonconformity: |target, grade, verdict| {
        let row = verdict.map_or_else(
            || "une ligne sans verdict".to_owned(),
            |v| format!("une ligne de verdict {v}"),
        );
        format!(
            "la fiche d'écart {} ({grade}) porte sur {row}, qui n'est pas une \
             non-conformité\u{a0}: la validation refuse l'audit (`fiche-without-nonconformity`) \
             tant que le verdict de la ligne ou la fiche n'est pas corrigé",
            of(target_subject(target))
        )
    },

    part4_missing: "la partie 4 (synthèse et conclusion générale) manque\u{a0}: le rapport est \
                    peut-être tronqué",
    departement_differs: |ours, title| {
        format!("département {ours}, la page de titre indique {title}\u{202f}; {ours} retenu")
    },
    departement_from_title: |d| format!("département {d} repris de la page de titre"),
    city_differs: |ours, title| {
        format!(
            "ville {}, la page de titre indique {}\u{202f}; {} retenue",
            q(ours),
            q(title),
            q(ours)
        )
    },
    city_from_title: |city| format!("ville {} reprise de la page de titre", q(city)),
    date_differs: |start, ours, title| {
        format!(
            "{} jour de l'audit le {}, la page de titre indique le {}\u{202f}; le {} retenu",
            if start { "premier" } else { "dernier" },
            date(ours),
            date(title),
            date(ours)
        )
    },
    dates_from_title: "dates de l'audit reprises de la page de titre",
    audit_type_differs: |title, checked| {
        format!(
            "la page de titre indique un audit {}, la case cochée un audit {}\u{202f}; audit {} \
             retenu",
            audit_type(title),
            audit_type(checked),
            audit_type(checked)
        )
    },
    audit_type_from_title: |t| {
        format!(
            "audit {} repris de la page de titre (aucune case cochée)",
            audit_type(t)
        )
    },
    audit_type_missing: "aucun type d'audit n'est coché ni indiqué",
    administration_guessed: |a| {
        format!(
            "aucun type d'administration n'est coché\u{a0}: le type {} est déduit du nom du site",
            q(a.label_fr())
        )
    },
    auditor_from_title: |name| {
        format!(
            "{name} ne figure pas dans le tableau des auditeurs\u{202f}; la page de titre l'y \
             ajoute"
        )
    },
    modules_guessed: |modules| {
        let (noun, guessed) = if modules.len() > 1 {
            ("modules", "déduits")
        } else {
            ("module", "déduit")
        };
        format!(
            "pas de ligne MODULES COUVERTS\u{a0}: {noun} {} {guessed} des lignes de la section 3",
            list(modules)
        )
    },
    module_not_covered: |module, engagements| {
        let noun = if engagements.len() > 1 {
            "engagements"
        } else {
            "engagement"
        };
        format!(
            "le module {module} n'est pas coché sur la page de garde, mais la section 3 a des \
             lignes pour lui ({noun} {})",
            list(engagements)
        )
    },
    engagement_row_missing: |e, module, title| {
        format!(
            "l'engagement {e} (module {module}, {}) n'a pas de ligne dans la section 3",
            q(title)
        )
    },
    item_row_missing: |id, title| {
        format!(
            "{} ({}) n'a pas de ligne dans la section 3",
            the(Subject::Management(id)),
            q(title)
        )
    },
    charte_from_text: |v| {
        format!(
            "charte graphique\u{a0}: verdict {v} lu dans son texte ({})",
            q("non applicable")
        )
    },
    figure_from_prose: |figure, value, text| {
        let name = match figure {
            Figure::Population => "population",
            Figure::Communes => "communes",
            Figure::Arrondissements => "arrondissements",
            Figure::Staff => "agents",
        };
        format!(
            "chiffre du contexte lu dans le texte {}\u{a0}: {name} = {value}",
            q(text)
        )
    },
};

/// `text` between guillemets, verbatim.
fn q(text: &str) -> String {
    format!("«\u{a0}{text}\u{a0}»")
}

fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Why `text` is not a date: `« 18/11/19 » a une année à deux chiffres (…)`.
fn date_problem(problem: DateError, text: &str) -> String {
    match problem {
        DateError::Form => format!("{} n'est pas une date jj/mm/aaaa", q(text)),
        DateError::TwoDigitYear => format!(
            "{} a une année à deux chiffres (les dates se lisent jj/mm/aaaa, par exemple \
             18/11/2019)",
            q(text)
        ),
        DateError::Year(y) => format!(
            "{} a pour année {y}, hors de {} à {} (les dates se lisent jj/mm/aaaa)",
            q(text),
            PLAUSIBLE_YEARS.start(),
            PLAUSIBLE_YEARS.end()
        ),
        DateError::Day => format!("{} n'est pas un jour du calendrier (jj/mm/aaaa)", q(text)),
    }
}

fn audit_dates_unreadable(value: &str) -> String {
    format!(
        "{} ne se lit pas {}",
        q(value),
        q("Du jj/mm/aaaa au jj/mm/aaaa")
    )
}

/// `initial`, `de suivi`: the audit type after the word « audit ».
const fn audit_type(t: AuditType) -> &'static str {
    t.label_fr()
}

/// A management section, after « point N »: `du pilotage de la politique qualité`.
const fn section_words(section: ManagementSection) -> &'static str {
    match section {
        ManagementSection::Pilotage => "du pilotage de la politique qualité",
        ManagementSection::Labellisation => "de la démarche de labellisation",
    }
}

/// A remote channel, after « contrôle à distance »: `sur Internet`.
const fn channel_words(channel: RemoteChannel) -> &'static str {
    match channel {
        RemoteChannel::Internet => "sur Internet",
        RemoteChannel::Telephone => "par téléphone",
        RemoteChannel::Courriels => "par courriel",
    }
}

/// The row, as the head of a message (`engagement 5 : …`).
fn label(subject: Subject) -> String {
    match subject {
        Subject::Engagement(e) => format!("engagement {e}"),
        Subject::Management(id) => format!("point {} {}", id.item, section_words(id.section)),
        Subject::Remote(channel, e) => format!(
            "contrôle à distance {} de l'engagement {e}",
            channel_words(channel)
        ),
        Subject::RemoteOf(e) => format!("contrôle à distance de l'engagement {e}"),
    }
}

/// The row with its article: `l'engagement 5`, `le point 3 du pilotage …`.
fn the(subject: Subject) -> String {
    match subject {
        Subject::Engagement(_) => format!("l'{}", label(subject)),
        _ => format!("le {}", label(subject)),
    }
}

/// The row after « de »: `de l'engagement 5`, `du point 3 …`.
fn of(subject: Subject) -> String {
    match subject {
        Subject::Engagement(_) => format!("de l'{}", label(subject)),
        _ => format!("du {}", label(subject)),
    }
}

const fn target_subject(target: EcartTarget) -> Subject {
    match target {
        EcartTarget::Engagement(e) => Subject::Engagement(e),
        EcartTarget::Management(id) => Subject::Management(id),
    }
}

/// The place with its article: `la page de garde`.
const fn place_name(place: Place) -> &'static str {
    match place {
        Place::TitlePage => "la page de titre",
        Place::TitlePageNoAuditor => "la page de titre (sans auditeur nommé au-dessus)",
        Place::PageDeGarde => "la page de garde",
        Place::Part1 => "la partie 1",
        Place::Part2 => "la partie 2",
        Place::Section3 => "la section 3",
        Place::Section3NoModule => "la section 3 (sous un module qui n'existe pas)",
        Place::Part4 => "la partie 4",
        Place::Part4BeforeSection => "la partie 4 (avant sa première rubrique)",
    }
}

/// The place after a verb of place: `sur la page de garde`, `dans la section 3`.
fn in_place(place: Place) -> String {
    match place {
        Place::TitlePage | Place::TitlePageNoAuditor | Place::PageDeGarde => {
            format!("sur {}", place_name(place))
        }
        _ => format!("dans {}", place_name(place)),
    }
}

fn spot_name(spot: Spot<'_>) -> String {
    match spot {
        Spot::Line(place) => format!("ligne non comprise {}", in_place(place)),
        Spot::Part(place, field) => format!("{} ({field})", place_name(place)),
        Spot::Layout(place, field) => format!(
            "{} ({field}), dans une ligne lue comme mise en page",
            place_name(place)
        ),
        Spot::Title(s) => format!(
            "la ligne {}, dont le titre n'est pas celui du référentiel",
            of(s)
        ),
        Spot::Observation(s) => format!("{}\u{a0}: le texte d'une observation", label(s)),
        Spot::Comment(s) => format!("{}\u{a0}: un commentaire", label(s)),
        Spot::Evidence(s) => format!("{}\u{a0}: ses éléments de preuve", label(s)),
        Spot::MisplacedVerdict(s) => format!(
            "{}\u{a0}: un verdict dans la cellule des commentaires, et non dans celle du verdict",
            label(s)
        ),
        Spot::CommentVerdict(s) => {
            format!(
                "{}\u{a0}: un verdict dans la cellule des commentaires",
                label(s)
            )
        }
        Spot::SecondVerdict(s) => {
            format!(
                "{}\u{a0}: un second verdict, sur la ligne du dessous",
                label(s)
            )
        }
        Spot::SecondNote(s) => {
            format!(
                "{}\u{a0}: une seconde note, sur la ligne du dessous",
                label(s)
            )
        }
        Spot::CharteSecondVerdict => "charte graphique\u{a0}: un second verdict".to_owned(),
        Spot::FicheText(target, field) => format!(
            "la fiche d'écart {}, {}",
            of(target_subject(target)),
            q(field)
        ),
        Spot::FicheGrade(field) => format!(
            "la partie 4 ({field})\u{a0}: la gravité d'une fiche d'écart, hors de la rubrique {}",
            q("FICHE(S) D'ECART(S)")
        ),
    }
}

/// The value filed, after « enregistrée »: `à la ligne 80 (verdict)`.
fn at_place(at: At) -> String {
    match at.cell {
        None => format!("à la ligne {}", at.line),
        Some(Cell::Verdict) => format!("à la ligne {} (verdict)", at.line),
        Some(Cell::Note) => format!("à la ligne {} (note)", at.line),
    }
}

/// What a text could carry: `un verdict`.
const fn carried_what(carried: Carried) -> &'static str {
    match carried {
        Carried::Verdict(_) => "un verdict",
        Carried::Observation(_) => "une observation",
        Carried::RemoteNote(_) => "la note d'un contrôle à distance",
    }
}
