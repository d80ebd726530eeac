//! The messages of validation in French, typeset: a no-break space (U+00A0) before `:` and
//! inside `« »`, a narrow no-break space (U+202F) before `;`. Dates as reports print them
//! (`18/11/2019`); values of the audit quoted verbatim between guillemets, their control
//! characters escaped; codes (`C`, `NC min`, `PS`, `qual-e-pref-2019`) unchanged.

use chrono::NaiveDate;

use super::{NoConditions, NoNonconformity, Phrases, escaped};
use crate::validate::rules::Subject;
use crate::{
    AdministrationType, Carried, EcartTarget, Language, ObservationKind, RemoteChannel, Unread,
};

/// The messages in French.
pub(crate) static FR: Phrases = Phrases {
    referentiel_mismatch: |named, against| {
        format!(
            "l'audit cite le référentiel {} mais est validé avec le référentiel {}",
            quoted(named),
            quoted(against)
        )
    },
    unknown_departement: |code| {
        format!("le code de département {code} ne correspond à aucun département")
    },
    dates_reversed: |end, start| {
        format!(
            "l'audit se termine le {}, avant son début le {}",
            d(end),
            d(start)
        )
    },
    audit_before_referentiel: |start, id, date| {
        format!(
            "l'audit commence le {}, avant la date du référentiel {id}, le {}",
            d(start),
            d(date)
        )
    },
    internal_audit_without_type: "l'audit interne n'indique pas l'audit externe qu'il précède \
                                  (initial, suivi, renouvellement ou extension)",
    external_audit_without_type: "l'audit externe n'indique pas son type (initial, suivi, \
                                  renouvellement ou extension)",
    no_auditor: "aucun auditeur n'est nommé",
    auditor_without_name: |n| format!("le nom de l'auditeur {n} est vide"),
    duplicate_auditor: |n, name, first| {
        format!("l'auditeur {n} ({name}) est déjà l'auditeur {first}")
    },
    signature_before_audit: |n, name, signed, start| {
        format!(
            "l'auditeur {n} ({name}) a signé le {}, avant le début de l'audit le {}",
            d(signed),
            d(start)
        )
    },
    implausible_date: |date, from, to| {
        format!(
            "la date du {} n'est pas comprise entre les années {from} et {to}",
            d(date)
        )
    },
    audit_too_long: |days, start, end, max| {
        format!(
            "l'audit dure {days} jours (du {} au {}), plus de {max}",
            d(start),
            d(end)
        )
    },
    external_on_in_external_audit: |on| {
        format!(
            "l'audit est externe mais indique la date d'un audit externe qu'il précède ({}), \
             ce que seul un audit interne fait",
            d(on)
        )
    },
    external_on_before_audit_end: |on, end| {
        format!(
            "l'audit externe est prévu le {}, avant la fin de l'audit interne le {}",
            d(on),
            d(end)
        )
    },
    labelling_before_audit_end: |on, end| {
        format!(
            "la décision de labellisation est datée du {}, avant la fin de l'audit le {}",
            d(on),
            d(end)
        )
    },
    plan_accepted_before_decision: |on, decided| {
        format!(
            "le plan d'actions est accepté le {}, avant la décision de labellisation du {}",
            d(on),
            d(decided)
        )
    },
    plan_accepted_without_conditions: |on, why| {
        let why = match why {
            NoConditions::NoNonconformity => "il ne compte aucune non-conformité".to_owned(),
            NoConditions::Major(n) => {
                let s = plural(n);
                format!("il compte {n} non-conformité{s} majeure{s}")
            }
        };
        format!(
            "un plan d'actions est accepté le {} mais l'avis de l'audit n'est pas favorable sous \
             réserve\u{a0}: {why}",
            d(on)
        )
    },

    obligatory_module_not_covered: |m, title| {
        format!("le module {m} ({title}) est obligatoire mais n'est pas couvert")
    },
    duplicate_module: |m, count| format!("le module {m} figure {count} fois dans la liste"),
    unknown_module: |m, id| {
        format!("le module {m} est couvert mais le référentiel {id} n'a pas de module {m}")
    },
    module_not_bundled: |m, id| {
        format!(
            "le module {m} est couvert mais le référentiel {id} n'en contient pas les \
             engagements\u{202f}; chargez un référentiel complet (par exemple avec \
             Referentiel::from_path) pour le valider"
        )
    },
    police_module_wrong_administration: |m, administration| {
        format!(
            "le module {m} est couvert par un site de type {}\u{202f}; il est réservé à la \
             préfecture de police",
            administration_word(administration)
        )
    },
    missing_assessment: |n, m| format!("l'engagement {n} du module {m} n'est pas évalué"),

    unknown_engagement: |n, id| format!("l'engagement {n} ne figure pas dans le référentiel {id}"),
    module_not_covered: |n, m| {
        format!("l'engagement {n} est évalué mais son module {m} n'est pas couvert")
    },
    wrong_module: |n, filed, belongs| {
        format!(
            "l'engagement {n} est classé dans le module {filed} mais relève du module {belongs}"
        )
    },
    duplicate_assessment: |n, count| format!("l'engagement {n} est évalué {count} fois"),
    missing_verdict: |s| format!("{} n'a pas de verdict", what(s)),
    na_without_justification: |s| format!("{} est NA sans justification", what(s)),
    nonconformity_without_fiche: |s, grade| {
        format!("{} est en {grade} mais n'a pas de fiche d'écart", what(s))
    },
    empty_observation: |j, kind, s| {
        format!("le texte de l'observation {j} ({kind}) {} est vide", of(s))
    },
    ps_without_risk: |j, s| {
        format!(
            "l'observation {j} (PS) {} n'indique pas le risque associé",
            of(s)
        )
    },
    ps_repeats_nonconformity: |j, s, grade| {
        format!(
            "l'observation {j} (PS) {} reprend le constat de sa fiche d'écart ({grade})\u{a0}: \
             un même fait est relevé à la fois comme non-conformité et comme point sensible",
            of(s)
        )
    },
    missing_management_item: |id, title| format!("le point {id} ({title}) n'est pas évalué"),
    unknown_management_item: |s, id| format!("{} ne figure pas dans le référentiel {id}", what(s)),
    duplicate_management_item: |s, count| format!("{} est évalué {count} fois", what(s)),

    remote_check_unknown_engagement: |n, channel, id| {
        format!(
            "l'engagement {n} est contrôlé à distance ({}) mais ne figure pas dans le \
             référentiel {id}",
            channel_word(channel)
        )
    },
    remote_check_module_not_covered: |n, channel, m| {
        format!(
            "l'engagement {n} est contrôlé à distance ({}) mais son module {m} n'est pas couvert",
            channel_word(channel)
        )
    },
    remote_check_wrong_module: |s, filed, belongs| {
        format!(
            "{} est classé dans le module {filed} mais l'engagement relève du module {belongs}",
            what(s)
        )
    },
    duplicate_remote_check: |n, count, channel| {
        format!(
            "l'engagement {n} est contrôlé {count} fois sur le canal {}",
            channel_word(channel)
        )
    },
    remote_check_without_note: |s| format!("{} n'a pas de note", what(s)),
    remote_check_contradicts_verdict: |s, note, verdict| {
        format!(
            "{} est noté {} mais le verdict sur place est {verdict}",
            what(s),
            quoted(note.code())
        )
    },
    na_with_conforming_remote_check: |channel, n| {
        format!(
            "l'engagement {n} est NA sur place mais son contrôle à distance ({}) est noté {}",
            channel_word(channel),
            quoted("Conforme")
        )
    },
    remote_channel_not_checked: |channel| {
        format!(
            "l'audit à distance ne contrôle aucun engagement sur le canal {}",
            channel_word(channel)
        )
    },

    fiche_grade_mismatch: |t, grade, verdict| {
        format!("{} indique {grade} mais le verdict est {verdict}", fiche(t))
    },
    fiche_without_nonconformity: |t, why| {
        let why = match why {
            NoNonconformity::Verdict(v) => format!("son verdict est {v}"),
            NoNonconformity::NoVerdict => format!("{} n'a pas de verdict", target(t)),
            NoNonconformity::NotAssessed => format!("{} n'est pas évalué", target(t)),
        };
        format!(
            "{} ne correspond à aucune non-conformité\u{a0}: {why}",
            fiche(t)
        )
    },
    duplicate_fiche: |t, count| format!("{} a {count} fiches d'écart", target(t)),
    duplicate_fiche_number: |t, number, others| {
        let list: Vec<String> = others
            .iter()
            .map(|&other| {
                if other == t {
                    format!("une autre fiche d'écart {}", of_target(other))
                } else {
                    fiche(other)
                }
            })
            .collect();
        format!(
            "{} porte le numéro {number}, comme {}",
            fiche(t),
            list.join(" et ")
        )
    },
    fiche_empty_finding: |t| format!("le constat de {} est vide", fiche(t)),
    fiche_status_before_audit: |t, lifted, on, start| {
        let verb = if lifted { "levée" } else { "vérifiée" };
        format!(
            "{} est {verb} le {}, avant le début de l'audit le {}",
            fiche(t),
            d(on),
            d(start)
        )
    },
    fiche_lifted_without_evidence: |t| format!("{} est levée sans preuve", fiche(t)),
    fiche_due_before_audit_end: |t, due, end| {
        format!(
            "l'action corrective de {} est due le {}, avant la fin de l'audit le {}",
            fiche(t),
            d(due),
            d(end)
        )
    },

    charte_graphique_in_initial_audit: |v| {
        format!(
            "la charte graphique est évaluée {v} dans un audit initial, où elle ne s'applique pas"
        )
    },
    charte_without_verdict: |t| {
        format!(
            "la charte graphique n'a pas de verdict dans un audit {}, où elle est évaluée",
            t.label_fr()
        )
    },
    charte_says_initial: |text, t| {
        format!(
            "la charte graphique indique {} dans un audit {}, où elle est évaluée",
            quoted(text),
            t.label_fr()
        )
    },
    fiches_contradict: |text, n| {
        format!(
            "la section indique {} mais l'audit compte {n} non-conformité{}",
            quoted(text),
            plural(n)
        )
    },
    observations_contradict: |text, n, kind| {
        format!(
            "la section indique {} mais l'audit compte {n} observation{} {kind}",
            quoted(text),
            plural(n)
        )
    },
    charte_contradicts: |text, v| {
        format!(
            "la section indique {} mais la charte graphique est évaluée {v}",
            quoted(text)
        )
    },
    conclusion_contradicts: |text, n| {
        let s = plural(n);
        format!(
            "la section indique {} mais l'audit donne un verdict à {n} engagement{s}",
            quoted(text)
        )
    },
    observations_section_empty: |kind, n| {
        format!(
            "la section des {} est vide mais l'audit compte {n} observation{} {kind}",
            section(kind),
            plural(n)
        )
    },
    fiches_section_empty: |n| {
        format!(
            "la section des fiches d'écart est vide mais l'audit compte {n} non-conformité{}",
            plural(n)
        )
    },
    conclusion_generale_empty: "la conclusion générale est vide",
    conclusion_praises: |words, n| {
        let s = plural(n);
        format!(
            "la conclusion générale parle de {} alors que l'audit compte {n} non-conformité{s} \
             majeure{s} (NC Maj)",
            quoted(words)
        )
    },

    control_character: crate::model::referentiel_checks::phrases::control_character_fr,
    unread_carries: |u, carried| {
        let what = match carried {
            Carried::Verdict(_) => "un verdict",
            Carried::Observation(_) => "une observation",
            Carried::RemoteNote(_) => "la note d'un contrôle à distance",
        };
        format!(
            "{}\u{a0}: le texte {}{} pourrait porter {what} ({carried}) et n'a pas été classé{}",
            escaped(&u.field),
            quoted(&u.text),
            source(u),
            conflict(u)
        )
    },
    unread_competes: |u| {
        format!(
            "{}\u{a0}: le texte {}{} n'a pas été classé{}",
            escaped(&u.field),
            quoted(&u.text),
            source(u),
            conflict(u)
        )
    },
    unread_value: |u| {
        format!(
            "{}\u{a0}: le texte {} n'a pas été lu{}",
            escaped(&u.field),
            quoted(&u.text),
            source(u)
        )
    },

    engagement_numbering_gap: |previous, n| {
        let first = previous + 1;
        let last = n - 1;
        let missing = match last - first {
            0 => format!("il manque l'engagement {first}"),
            1 => format!("il manque les engagements {first} et {last}"),
            _ => format!("il manque les engagements {first} à {last}"),
        };
        if previous == 0 {
            format!("la numérotation des engagements commence à {n}\u{a0}: {missing}")
        } else {
            format!("la numérotation des engagements saute de {previous} à {n}\u{a0}: {missing}")
        }
    },
    module_engagements_not_contiguous: |m, other, other_module, low, high| {
        format!(
            "les engagements du module {m} ne se suivent pas\u{a0}: l'engagement {other} du \
             module {other_module} se trouve entre {low} et {high}"
        )
    },
    no_obligatory_module: |id| format!("aucun module du référentiel {id} n'est obligatoire"),
};

/// A date as reports print it: `18/11/2019`.
fn d(date: NaiveDate) -> String {
    crate::i18n::date(date, Language::Fr)
}

/// `s` from 2 on.
fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// A value of the audit between guillemets, verbatim but for its control characters.
fn quoted(text: &str) -> String {
    format!("«\u{a0}{}\u{a0}»", escaped(text))
}

/// The subject in a message: `l'engagement 5`, `le point pilotage 5`, `le contrôle à distance
/// (Internet) de l'engagement 1`.
fn what(subject: Subject) -> String {
    match subject {
        Subject::Assessment(_, n) => format!("l'engagement {n}"),
        Subject::Management(_, id) => format!("le point {id}"),
        Subject::Remote(_, channel, n) => format!(
            "le contrôle à distance ({}) de l'engagement {n}",
            channel_word(channel)
        ),
    }
}

/// The subject after « de »: `de l'engagement 5`, `du point pilotage 5`, `du contrôle à
/// distance (Internet) de l'engagement 1`.
fn of(subject: Subject) -> String {
    match subject {
        Subject::Assessment(_, n) => format!("de l'engagement {n}"),
        Subject::Management(_, id) => format!("du point {id}"),
        Subject::Remote(_, channel, n) => format!(
            "du contrôle à distance ({}) de l'engagement {n}",
            channel_word(channel)
        ),
    }
}

/// What a fiche d'écart is about: `l'engagement 17`, `le point pilotage 5`.
fn target(target: EcartTarget) -> String {
    match target {
        EcartTarget::Engagement(n) => format!("l'engagement {n}"),
        EcartTarget::Management(id) => format!("le point {id}"),
    }
}

/// What a fiche d'écart is about, after « de »: `de l'engagement 17`, `du point pilotage 5`.
fn of_target(target: EcartTarget) -> String {
    match target {
        EcartTarget::Engagement(n) => format!("de l'engagement {n}"),
        EcartTarget::Management(id) => format!("du point {id}"),
    }
}

/// `la fiche d'écart de l'engagement 17`, `la fiche d'écart du point pilotage 5`.
fn fiche(target: EcartTarget) -> String {
    match target {
        EcartTarget::Engagement(n) => format!("la fiche d'écart de l'engagement {n}"),
        EcartTarget::Management(id) => format!("la fiche d'écart du point {id}"),
    }
}

/// A remote channel, as the report's headings name it.
const fn channel_word(channel: RemoteChannel) -> &'static str {
    match channel {
        RemoteChannel::Internet => "Internet",
        RemoteChannel::Telephone => "Téléphone",
        RemoteChannel::Courriels => "Courriels",
    }
}

/// A kind of administration, in a sentence.
const fn administration_word(kind: AdministrationType) -> &'static str {
    match kind {
        AdministrationType::Prefecture => "préfecture",
        AdministrationType::SousPrefecture => "sous-préfecture",
        AdministrationType::PrefectureDePolice => "préfecture de police",
        AdministrationType::HautCommissariat => "haut-commissariat",
    }
}

/// The section of an observation's kind, after « la section des ».
const fn section(kind: ObservationKind) -> &'static str {
    match kind {
        ObservationKind::Strength => "points forts",
        ObservationKind::AreaOfConcern => "points sensibles",
        ObservationKind::OpportunityForImprovement => "pistes de progrès",
    }
}

/// Where an unread text stands in its source: ` (ligne 185 de la source)`, ` (ligne 3,
/// verdict de la source)`, ` (cellule Module 1!C7 de la source)`, or nothing.
fn source(u: &Unread) -> String {
    match (u.line, &u.cell) {
        (Some(n), Some(cell)) => format!(" (ligne {n}, {} de la source)", escaped(cell)),
        (Some(n), None) => format!(" (ligne {n} de la source)"),
        (None, Some(cell)) => format!(" (cellule {} de la source)", escaped(cell)),
        (None, None) => String::new(),
    }
}

/// ` ; il entre en concurrence avec la valeur déjà classée (« line 80 »)`, or nothing.
fn conflict(u: &Unread) -> String {
    u.conflicts_with.as_ref().map_or_else(String::new, |place| {
        format!(
            "\u{202f}; il entre en concurrence avec la valeur déjà classée ({})",
            quoted(place)
        )
    })
}
