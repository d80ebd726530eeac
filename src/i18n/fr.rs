//! Every phrase in French, typeset by the rules of [`typography`](super::typography): a
//! no-break space (U+00A0) before `:` and inside `« »`, a narrow no-break space (U+202F)
//! before `;`, `!` and `?`; a no-break space before `%` too (see [`format`](super::format)).
//! Headings in capitals keep their accents (« PISTES DE PROGRÈS »), the Imprimerie nationale's
//! rule.

use super::format::push_number;
use super::{Common, Engine, Headings, Phrases, Reasons, Report};
use crate::{
    ActionStatus, AdministrationType, AuditType, ManagementSection, ModuleNumber, NoteCounts,
    ObservationCounts, Outcome, RemoteChannel, RemoteNote, Verdict,
};

/// The phrases in French.
pub(crate) static FR: Phrases = Phrases {
    common: Common {
        no_rate: "sans objet",
        outcome,
        administration: AdministrationType::label_fr,
        // The report's own words for the notes, as the text form writes them.
        remote_note: RemoteNote::code,
        // The model's French labels are those of the report's text form, which the import reads.
        verdict: Verdict::label_fr,
        remote_channel: RemoteChannel::label_fr,
        management_section,
        colon: "\u{a0}: ",
        semicolon: "\u{202f}; ",
        open_quote: " «\u{a0}",
        close_quote: "\u{a0}»",
        rate_label: "Taux de conformité\u{a0}:",
        indicative: " (indicatif)",
    },
    engine: Engine {
        headings: Headings {
            points_forts: "POINTS FORTS",
            points_sensibles: "POINTS SENSIBLES (avec risques associés)",
            pistes_de_progres: "PISTES DE PROGRÈS",
            fiches_ecart: "FICHE(S) D'ÉCART(S)",
            commentaires: "COMMENTAIRES",
            bonnes_pratiques: "LES BONNES PRATIQUES",
            enquetes_satisfaction: "LES RÉSULTATS DES ENQUÊTES DE SATISFACTION DES USAGERS",
            charte_graphique: "RESPECT DE LA CHARTE GRAPHIQUE",
            conclusion_generale: "CONCLUSION GÉNÉRALE DE L'AUDIT",
        },
        reasons: Reasons {
            major: |major| {
                format!("Au moins une non-conformité majeure ({major})\u{a0}: avis défavorable.")
            },
            minor_threshold: |minor, threshold| {
                let s = plural(minor);
                format!(
                    "{minor} non-conformité{s} mineure{s}, seuil de {threshold} atteint\u{a0}: avis défavorable."
                )
            },
            minor: |minor| {
                let s = plural(minor);
                format!(
                    "Aucune non-conformité majeure, {minor} non-conformité{s} mineure{s}\u{a0}: avis favorable sous réserve d'actions correctives."
                )
            },
            none: "Aucune non-conformité majeure ou mineure\u{a0}: avis favorable.",
        },
        nothing: "Sans objet.",
        no_nonconformity: "Absence de non-conformité majeure ou mineure.",
        charte_initial: "Non applicable en audit initial.",
        auditor_verdict: "Verdict de l'auditeur\u{a0}: ",
        audit_kind,
        on: "le ",
        from: "du ",
        to: " au ",
        engagement: "Engagement ",
        management_item: ", point ",
        remote_check: "Audit à distance (",
        remote_engagement: "), engagement ",
        risk: " — risque associé\u{a0}: ",
        finding: " — constat\u{a0}: ",
        requirement: " — exigence\u{a0}: ",
        not_stated: "non renseigné",
        no_fiche: " (sans fiche d'écart)",
        due_on: " — action corrective due le ",
        due_from_fiche: "date de la fiche d'écart",
        due_after: |out, months| {
            push_number(out, months);
            out.push_str(" mois après la fin de l'audit");
        },
        no_due: " — échéance non calculable.",
        rate: "taux de conformité ",
        no_rate_why: " (aucun C ni NC)",
        engagements: " engagement",
        items: " point",
        assessed,
        no_module: "Aucun module couvert.",
        modules_covered: "Modules couverts\u{a0}: ",
        management: "Pilotage de la politique qualité et démarche de labellisation\u{a0}: ",
        remote_checks: "Audit à distance\u{a0}: ",
        remote_counts,
        observation_counts,
        decision: "Décision selon la politique de décision par défaut de l'outil (et non le texte du référentiel)\u{a0}: ",
        indicative_decision: "Avis indicatif (audit interne) selon la politique de décision par défaut de l'outil (et non le texte du référentiel)\u{a0}: ",
        due_by: ", actions correctives dues au plus tard le ",
        decision_title: "DÉCISION\u{a0}: ",
        indicative_title: "AVIS INDICATIF (audit interne, sans valeur de décision)\u{a0}: ",
        auditor_text: "Texte de l'auditeur\u{a0}:",
    },
    report: Report {
        title: "RAPPORT D'AUDIT",
        cover: "1. PAGE DE GARDE",
        administration: "TYPE D'ADMINISTRATION",
        departement: "DÉPARTEMENT",
        city: "VILLE",
        modules_covered: "MODULES COUVERTS PAR LE LABEL",
        audit_type: "TYPE D'AUDIT",
        referentiel: "RÉFÉRENTIEL",
        dates: "DATE(S) DE L'AUDIT",
        from: "Du",
        to: "au",
        auditors: "AUDITEUR(S)",
        signed_on: "signé le",
        context: "2. CONTEXTE",
        organisation: "Contexte de l'organisme audité",
        history: "Présentation et historique de la démarche du site audité",
        assessment: "3. SYNTHÈSE DE L'ÉVALUATION",
        abbreviations: "Abréviations\u{a0}: C\u{a0}: Conforme\u{202f}; NA\u{a0}: Non applicable\u{202f}; NC Maj\u{a0}: Non-conformité majeure\u{202f}; NC min\u{a0}: Non-conformité mineure\u{202f}; PF\u{a0}: Points forts\u{202f}; PS\u{a0}: Points sensibles\u{202f}; PP\u{a0}: Pistes de progrès.",
        commitments: "Engagements de service",
        comments: "Appréciation de l'auditeur — Commentaires",
        verdict: "Conformité",
        item: "Point",
        note: "Note",
        not_assessed: |n| {
            if n > 1 {
                "non évalués"
            } else {
                "non évalué"
            }
        },
        remote: "AUDIT À DISTANCE\u{a0}:",
        synthesis: "4. SYNTHÈSE DE L'ÉVALUATION ET CONCLUSION GÉNÉRALE DE L'AUDIT",
        generated: "D'après les données de l'audit",
        auditor_text: "Texte de l'auditeur",
        decision: "5. DÉCISION",
        indicative: "5. AVIS INDICATIF (AUDIT INTERNE)",
        indicative_lead: "Avis indicatif (audit interne)\u{a0}: ",
        indicative_note: "Un audit interne n'accorde pas le label\u{a0}: seul l'audit de l'organisme d'audit externe conduit à la décision de labellisation. Cet avis indique ce que l'audit externe conclurait vraisemblablement selon la même politique.",
        policy_note: "Résultat établi selon la politique de décision par défaut de l'outil (pratique ISO/IEC 17021-1), et non selon le texte du référentiel, dont les règles de décision ne sont pas publiques.",
        reasons: "Motifs",
        ecart: "Écart",
        finding: "Constat",
        requirement: "Exigence",
        corrective_action: "Action corrective",
        due: "Échéance",
        module_heading,
        policy,
        module: "Module ",
        summary: "En bref",
        chart: "Verdicts et observations par module",
        chart_verdicts: "Verdicts des engagements",
        chart_observations: "Observations",
        rate_column: "Taux de conformité",
        ecarts: "Fiches d'écart",
        ecarts_caption: "Fiches d'écart et échéances des actions correctives",
        survey_subtitle: "(Vérification de l'analyse du résultat des enquêtes de satisfaction et de la mise en œuvre et suivi d'un plan d'actions)",
        phone: "Ligne directe",
        email: "Adresse électronique",
        leader: "Pilote",
        status: "État",
        action_status: |s| match s {
            ActionStatus::Open => "ouverte",
            ActionStatus::InProgress => "en cours",
            ActionStatus::Lifted { .. } => "levée le",
            ActionStatus::NotLifted { .. } => "non levée le",
        },
        unread: "ANNEXE — VALEURS NON LUES À L'IMPORT",
        unread_note: "L'import n'a pas pu lire ces textes du document source dans leur champ. Ils sont conservés tels qu'ils étaient écrits, et la validation les signale jusqu'à ce que leur champ soit corrigé et la valeur retirée de cette liste.",
        unread_columns: ["Champ", "Texte", "Source"],
        unread_place: ["ligne ", "colonne ", "cellule "],
    },
};

/// French nouns are singular for 0 and 1.
pub(super) fn plural(n: u32) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// Writes `n`, then each of `words` (each with its leading space) with its plural `s` when `n`
/// calls for it: `3 points forts`, `1 contrôle`.
fn push_count(out: &mut String, n: u32, words: &[&str]) {
    push_number(out, n);
    let s = plural(n);
    for word in words {
        out.push_str(word);
        out.push_str(s);
    }
}

fn audit_kind(out: &mut String, internal: bool, audit_type: Option<AuditType>) {
    match (internal, audit_type) {
        (true, Some(t)) => {
            out.push_str("Audit interne réalisé en amont d'un audit ");
            out.push_str(t.label_fr());
        }
        (true, None) => out.push_str("Audit interne"),
        (false, Some(t)) => {
            out.push_str("Audit ");
            out.push_str(t.label_fr());
        }
        (false, None) => out.push_str("Audit"),
    }
}

fn assessed(out: &mut String, assessed: u32, listed: u32, noun: &str) {
    push_count(out, assessed, &[noun, " évalué"]);
    out.push_str(" sur ");
    push_number(out, listed);
    out.push_str("\u{a0}: ");
}

fn remote_counts(out: &mut String, counts: &NoteCounts) {
    push_count(out, counts.total(), &[" contrôle"]);
    out.push_str(", ");
    push_count(out, counts.conforme, &[" conforme"]);
    out.push_str(", ");
    push_count(out, counts.non_conforme, &[" non conforme"]);
    out.push_str(", ");
    push_count(out, counts.non_applicable, &[" non applicable"]);
    if counts.without_note > 0 {
        out.push_str(", ");
        push_number(out, counts.without_note);
        out.push_str(" sans note");
    }
}

fn observation_counts(out: &mut String, counts: &ObservationCounts) {
    out.push_str("Observations\u{a0}: ");
    push_count(out, counts.pf, &[" point", " fort"]);
    out.push_str(", ");
    push_count(out, counts.ps, &[" point", " sensible"]);
    out.push_str(", ");
    push_count(out, counts.pp, &[" piste"]);
    out.push_str(" de progrès.");
}

/// The management sections' headings, in capitals with their accents.
const fn management_section(section: ManagementSection) -> &'static str {
    match section {
        ManagementSection::Pilotage => "PILOTAGE DE LA POLITIQUE QUALITÉ",
        ManagementSection::Labellisation => "DÉMARCHE DE LABELLISATION",
    }
}

fn outcome(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Favorable => "avis favorable",
        Outcome::FavorableWithConditions => "avis favorable sous réserve",
        Outcome::Unfavorable => "avis défavorable",
    }
}

fn module_heading(module: ModuleNumber, title: &str, obligatory: bool) -> String {
    if obligatory {
        format!("MODULE {module} - OBLIGATOIRE\u{a0}: {title}")
    } else {
        format!("MODULE {module} - {title}")
    }
}

fn policy(minor_months: u32, major_months: u32, minor_threshold: Option<u32>) -> String {
    let threshold = match minor_threshold {
        Some(t) => format!("avis défavorable à partir de {t} NC min"),
        None => "pas de seuil de NC min".to_owned(),
    };
    let deadlines = if minor_months == major_months {
        format!("{minor_months} mois")
    } else {
        format!("{minor_months} mois (NC min) et {major_months} mois (NC Maj)")
    };
    format!(
        "Politique\u{a0}: actions correctives dues {deadlines} après la fin de l'audit\u{202f}; {threshold}."
    )
}


