//! The messages of validation in English. Values of the audit are quoted as Rust writes
//! strings (`"Sans objet."`), their control characters escaped.

use super::{NoConditions, NoNonconformity, Phrases};
use crate::validate::rules::Subject;
use crate::{Carried, EcartTarget, ObservationKind, Unread};

/// The messages in English.
pub(crate) static EN: Phrases = Phrases {
    referentiel_mismatch: |named, against| {
        format!("the audit names référentiel {named:?} but is validated against {against:?}")
    },
    unknown_departement: |code| format!("département code {code} is not an existing département"),
    dates_reversed: |end, start| format!("the audit ends on {end}, before its start on {start}"),
    audit_before_referentiel: |start, id, date| {
        format!("the audit starts on {start}, before the référentiel {id} dated {date}")
    },
    internal_audit_without_type: "the internal audit does not state which external audit it \
                                  precedes (initial, suivi, renouvellement or extension)",
    external_audit_without_type: "the external audit does not state its type (initial, suivi, \
                                  renouvellement or extension)",
    no_auditor: "no auditor is named",
    auditor_without_name: |n| format!("auditor {n} has an empty name"),
    duplicate_auditor: |n, name, first| format!("auditor {n} ({name}) is auditor {first} again"),
    signature_before_audit: |n, name, signed, start| {
        format!("auditor {n} ({name}) signed on {signed}, before the audit started on {start}")
    },
    implausible_date: |date, from, to| format!("date {date} is outside the years {from} to {to}"),
    audit_too_long: |days, start, end, max| {
        format!("the audit lasts {days} days ({start} to {end}), more than {max}")
    },
    external_on_in_external_audit: |on| {
        format!(
            "the audit is external but gives the date of an external audit it precedes ({on}), \
             which only an internal audit has"
        )
    },
    external_on_before_audit_end: |on, end| {
        format!("the external audit is planned on {on}, before the internal audit's end on {end}")
    },
    labelling_before_audit_end: |on, end| {
        format!("the labelling decision is dated {on}, before the audit's end on {end}")
    },
    plan_accepted_before_decision: |on, decided| {
        format!(
            "the plan d'actions is accepted on {on}, before the labelling decision of {decided}"
        )
    },
    plan_accepted_without_conditions: |on, why| {
        let why = match why {
            NoConditions::NoNonconformity => "it has no nonconformity".to_owned(),
            NoConditions::Major(n) => format!(
                "it has {n} major nonconformit{}",
                if n == 1 { "y" } else { "ies" }
            ),
        };
        format!(
            "a plan d'actions is accepted on {on} but the audit's outcome is not favourable with \
             conditions: {why}"
        )
    },

    obligatory_module_not_covered: |m, title| {
        format!("module {m} ({title}) is obligatory but not covered")
    },
    duplicate_module: |m, count| format!("module {m} is listed {count} times"),
    unknown_module: |m, id| {
        format!("module {m} is covered but the référentiel {id} has no module {m}")
    },
    module_not_bundled: |m, id| {
        format!(
            "module {m} is covered but the référentiel {id} does not bundle its engagements; \
             load a complete référentiel (e.g. with Referentiel::from_path) to validate it"
        )
    },
    police_module_wrong_administration: |m, administration| {
        format!(
            "module {m} is covered by a site of type {administration}; it is meant for the \
             préfecture de police only"
        )
    },
    missing_assessment: |n, m| format!("engagement {n} of module {m} is not assessed"),

    unknown_engagement: |n, id| format!("engagement {n} is not in the référentiel {id}"),
    module_not_covered: |n, m| {
        format!("engagement {n} is assessed but its module {m} is not covered")
    },
    wrong_module: |n, filed, belongs| {
        format!("engagement {n} is filed under module {filed} but belongs to module {belongs}")
    },
    duplicate_assessment: |n, count| format!("engagement {n} is assessed {count} times"),
    missing_verdict: |s| format!("{} has no verdict", what(s)),
    na_without_justification: |s| format!("{} is NA without a justification", what(s)),
    nonconformity_without_fiche: |s, grade| {
        format!("{} is {grade} but has no fiche d'écart", what(s))
    },
    empty_observation: |j, kind, s| {
        format!("observation {j} ({kind}) of {} has an empty text", what(s))
    },
    ps_without_risk: |j, s| {
        format!(
            "observation {j} (PS) of {} does not state its risk",
            what(s)
        )
    },
    ps_repeats_nonconformity: |j, s, grade| {
        format!(
            "observation {j} (PS) of {} repeats the finding of its fiche d'écart ({grade}): one \
             fact, recorded both as a nonconformity and as a point sensible",
            what(s)
        )
    },
    missing_management_item: |id, title| format!("management item {id} ({title}) is not assessed"),
    unknown_management_item: |s, id| format!("{} is not in the référentiel {id}", what(s)),
    duplicate_management_item: |s, count| format!("{} is assessed {count} times", what(s)),

    remote_check_unknown_engagement: |n, channel, id| {
        format!("engagement {n} is checked remotely ({channel}) but is not in the référentiel {id}")
    },
    remote_check_module_not_covered: |n, channel, m| {
        format!("engagement {n} is checked remotely ({channel}) but its module {m} is not covered")
    },
    remote_check_wrong_module: |s, filed, belongs| {
        format!(
            "{} is filed under module {filed} but the engagement belongs to module {belongs}",
            what(s)
        )
    },
    duplicate_remote_check: |n, count, channel| {
        format!("engagement {n} is checked {count} times on the {channel} channel")
    },
    remote_check_without_note: |s| format!("{} has no note", what(s)),
    remote_check_contradicts_verdict: |s, note, verdict| {
        format!("{} is {note} but its on-site verdict is {verdict}", what(s))
    },
    na_with_conforming_remote_check: |channel, n| {
        format!("engagement {n} is NA on site but its {channel} remote check is Conforme")
    },
    remote_channel_not_checked: |channel| {
        format!("the remote audit checks no engagement on the {channel} channel")
    },

    fiche_grade_mismatch: |t, grade, verdict| {
        format!(
            "{} is graded {grade} but the verdict is {verdict}",
            fiche(t)
        )
    },
    fiche_without_nonconformity: |t, why| {
        let why = match why {
            NoNonconformity::Verdict(v) => format!("its verdict is {v}"),
            NoNonconformity::NoVerdict => "it has no verdict".to_owned(),
            NoNonconformity::NotAssessed => "it is not assessed".to_owned(),
        };
        format!("{} records no nonconformity: {why}", fiche(t))
    },
    duplicate_fiche: |t, count| format!("{t} has {count} fiches d'écart"),
    duplicate_fiche_number: |t, number, others| {
        let verb = if others.len() == 1 { "has" } else { "have" };
        let list: Vec<String> = others
            .iter()
            .map(|&other| {
                if other == t {
                    format!("another fiche d'écart for {other}")
                } else {
                    fiche(other)
                }
            })
            .collect();
        format!(
            "{} has number {number}, as {verb} {}",
            fiche(t),
            list.join(" and ")
        )
    },
    fiche_empty_finding: |t| format!("{} has an empty finding", fiche(t)),
    fiche_status_before_audit: |t, lifted, on, start| {
        let verb = if lifted { "lifted" } else { "checked" };
        format!(
            "{} is {verb} on {on}, before the audit started on {start}",
            fiche(t)
        )
    },
    fiche_lifted_without_evidence: |t| format!("{} is lifted without evidence", fiche(t)),
    fiche_due_before_audit_end: |t, due, end| {
        format!(
            "{} is due on {due}, before the audit's end on {end}",
            fiche(t)
        )
    },

    charte_graphique_in_initial_audit: |v| {
        format!(
            "the charte graphique is assessed {v} in an initial audit, where it is not applicable"
        )
    },
    charte_without_verdict: |t| {
        format!(
            "the charte graphique has no verdict in a {t} audit, where it is assessed",
            t = t.code()
        )
    },
    charte_says_initial: |text, t| {
        format!(
            "the charte graphique says {text:?} in a {t} audit, where it is assessed",
            t = t.code()
        )
    },
    fiches_contradict: |text, n| {
        format!(
            "the section says {text:?} but the audit has {n} nonconformit{}",
            if n == 1 { "y" } else { "ies" }
        )
    },
    observations_contradict: |text, n, kind| {
        format!(
            "the section says {text:?} but the audit has {n} {kind} observation{}",
            plural(n)
        )
    },
    charte_contradicts: |text, v| {
        format!("the section says {text:?} but the charte graphique is assessed {v}")
    },
    conclusion_contradicts: |text, n| {
        format!(
            "the section says {text:?} but the audit gives a verdict to {n} engagement{}",
            plural(n)
        )
    },
    observations_section_empty: |kind, n| {
        format!(
            "the {} section is empty but the audit has {n} {kind} observation{}",
            section(kind),
            plural(n)
        )
    },
    fiches_section_empty: |n| {
        format!(
            "the fiches d'écart section is empty but the audit has {n} nonconformit{}",
            if n == 1 { "y" } else { "ies" }
        )
    },
    conclusion_generale_empty: "the conclusion générale section is empty",
    conclusion_praises: |words, n| {
        format!(
            "the conclusion générale says {words:?} but the audit has {n} major \
             nonconformit{} (NC Maj)",
            if n == 1 { "y" } else { "ies" }
        )
    },

    control_character: crate::model::referentiel_checks::phrases::control_character_en,
    unread_carries: |u, carried| {
        let what = match carried {
            Carried::Verdict(_) => "a verdict",
            Carried::Observation(_) => "an observation",
            Carried::RemoteNote(_) => "a remote check's note",
        };
        format!(
            "{}: the text {:?}{} could carry {what} ({carried}) and was not filed{}",
            u.field.escape_debug(),
            u.text,
            source(u),
            conflict(u)
        )
    },
    unread_competes: |u| {
        format!(
            "{}: the text {:?}{} was not filed{}",
            u.field.escape_debug(),
            u.text,
            source(u),
            conflict(u)
        )
    },
    unread_value: |u| {
        format!(
            "{}: the text {:?} was not read{}",
            u.field.escape_debug(),
            u.text,
            source(u)
        )
    },

    engagement_numbering_gap: |previous, n| {
        let missing = if n == previous + 2 {
            format!("{} is missing", previous + 1)
        } else {
            format!("{} to {} are missing", previous + 1, n - 1)
        };
        if previous == 0 {
            format!("engagement numbers start at {n}: {missing}")
        } else {
            format!("engagement numbers jump from {previous} to {n}: {missing}")
        }
    },
    module_engagements_not_contiguous: |m, other, other_module, low, high| {
        format!(
            "the engagements of module {m} are not contiguous: engagement {other} of module \
             {other_module} lies between {low} and {high}"
        )
    },
    no_obligatory_module: |id| format!("no module of the référentiel {id} is obligatory"),
};

/// `s` but for 1.
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The subject in a message: `engagement 5`, `management item pilotage 5`, `the internet
/// remote check of engagement 1`.
fn what(subject: Subject) -> String {
    match subject {
        Subject::Assessment(_, n) => format!("engagement {n}"),
        Subject::Management(_, id) => format!("management item {id}"),
        Subject::Remote(_, channel, n) => format!("the {channel} remote check of engagement {n}"),
    }
}

/// `the fiche d'écart for engagement 17`.
fn fiche(target: EcartTarget) -> String {
    format!("the fiche d'écart for {target}")
}

/// The section of an observation's kind.
fn section(kind: ObservationKind) -> &'static str {
    match kind {
        ObservationKind::Strength => "points forts",
        ObservationKind::AreaOfConcern => "points sensibles",
        ObservationKind::OpportunityForImprovement => "pistes de progrès",
    }
}

/// Where an unread text stands in its source: ` (line 185 of the source)`, ` (line 3,
/// verdict of the source)`, ` (cell Module 1!C7 of the source)`, or nothing.
fn source(u: &Unread) -> String {
    match (u.line, &u.cell) {
        (Some(n), Some(cell)) => format!(" (line {n}, {} of the source)", cell.escape_debug()),
        (Some(n), None) => format!(" (line {n} of the source)"),
        (None, Some(cell)) => format!(" (cell {} of the source)", cell.escape_debug()),
        (None, None) => String::new(),
    }
}

/// `; it competes with the value filed at line 80`, or nothing.
fn conflict(u: &Unread) -> String {
    u.conflicts_with.as_ref().map_or_else(String::new, |place| {
        format!(
            "; it competes with the value filed at {}",
            place.escape_debug()
        )
    })
}
