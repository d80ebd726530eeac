//! The report's wording in French.

use super::ReportPhrases;
use crate::{ActionStatus, ModuleNumber};

/// The report's wording.
pub(crate) static FR: ReportPhrases = ReportPhrases {
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
};

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
