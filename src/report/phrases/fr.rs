//! The report's wording in French.

use super::{FicheKeys, ReportPhrases};
use crate::{ActionStatus, AuditType, ModuleNumber};

/// The report's wording.
pub(crate) static FR: ReportPhrases = ReportPhrases {
    title: "RAPPORT D'AUDIT",
    contents: "SOMMAIRE DU RAPPORT D'ÉVALUATION",
    kind: "Type d'audit",
    start: "Date de début d'audit",
    end: "Date de fin d'audit",
    lead_auditor: "Votre responsable d'audit",
    cover: "1. PAGE DE GARDE",
    administration: "TYPE D'ADMINISTRATION",
    departement: "DÉPARTEMENT",
    city: "VILLE",
    modules_covered: "MODULES COUVERTS PAR LE LABEL",
    audit_type: "TYPE D'AUDIT",
    internal_audit: "AUDIT INTERNE",
    ahead_of: "Réalisé en amont d'un audit\u{a0}: ",
    audit_type_box: |t| match t {
        AuditType::Initial => "Initial",
        AuditType::Suivi => "de\u{a0}Suivi",
        AuditType::Renouvellement => "de\u{a0}Renouvellement",
        AuditType::Extension => "d'Extension",
    },
    external_on: "Audit externe prévu le ",
    referentiel: "RÉFÉRENTIEL",
    dates: "DATE(S) DE L'AUDIT",
    from: "Du",
    to: "au",
    auditor_columns: ["NOM AUDITEUR", "DATE ET SIGNATURE DE L'AUDITEUR"],
    auditors: "Auditeur(s)",
    phone: "Ligne directe",
    email: "Adresse électronique",
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
    evidence: "Éléments de preuve",
    referentiel_group: " (groupe du référentiel)",
    not_assessed: |n| {
        if n > 1 {
            "non évalués"
        } else {
            "non évalué"
        }
    },
    tool_rate: "Taux de conformité calculé par l'outil (Qual-e-pref ne publie pas de taux)\u{a0}:",
    remote: "AUDIT À DISTANCE\u{a0}:",
    recap: "RÉCAPITULATIF DES CONSTATS",
    recap_note: "Tableau établi par l'outil d'après les données de l'audit\u{202f}; le rapport original n'a pas cette partie. Les observations comptent celles de l'audit à distance.",
    recap_fiche: "Fiche n°",
    recap_target: "Engagement ou point",
    total: "Total",
    synthesis: "4. SYNTHÈSE DE L'ÉVALUATION ET CONCLUSION GÉNÉRALE DE L'AUDIT",
    generated_note: "Établi par l'outil d'après les données de l'audit (l'auditeur n'a rien écrit pour cette partie)\u{a0}:",
    survey_subtitle: "(Vérification de l'analyse du résultat des enquêtes de satisfaction et de la mise en œuvre et suivi d'un plan d'actions)",
    previous: "SUIVI DES ÉCARTS DE L'AUDIT PRÉCÉDENT",
    previous_unrecorded: "Les données de cet audit ne consignent pas ce que sont devenus les écarts de l'audit précédent.",
    fiche: "Fiche d'écart n°",
    fiche_keys: FicheKeys {
        grade: "Type d'écart",
        target: "Engagement ou point concerné",
        finding: "Constat",
        requirement: "Exigence",
        cause: "Cause",
        action: "Action proposée par le site audité",
        leader: "Pilote",
        due: "Délai",
        response: "Réponse de l'audité",
        status: "État à la date du rapport",
        auditor_signature: "Signature de l'auditeur",
        site_signature: "Signature du représentant du site audité",
    },
    no_fiche: " (pas de fiche d'écart dans les données de l'audit)",
    by_default_rule: ", règle par défaut de l'outil",
    action_status: |s| match s {
        ActionStatus::Open => "ouverte",
        ActionStatus::InProgress => "en cours",
        ActionStatus::Lifted { .. } => "levée le",
        ActionStatus::NotLifted { .. } => "non levée le",
    },
    avis: "AVIS PROPOSÉ",
    indicative: "AVIS INDICATIF (AUDIT INTERNE)",
    indicative_lead: "Avis indicatif (audit interne)\u{a0}: ",
    proposal_note: "Cet avis est une proposition\u{a0}: la décision de labellisation revient ensuite à l'organisme certificateur.",
    indicative_note: "Un audit interne n'accorde pas le label et n'appelle aucune décision de labellisation\u{a0}: cet avis applique la règle de l'outil aux constats de cet audit interne, sans préjuger de l'audit externe.",
    reasons: "Motifs",
    module_heading,
    policy,
    module: "Module ",
    summary: "En bref",
    chart: "Verdicts et observations par module",
    chart_verdicts: "Verdicts des engagements",
    chart_observations: "Observations",
    rate_column: "Taux de conformité (outil)",
    closing: "PROCÈS-VERBAL DE CLÔTURE",
    closing_note: "À compléter et signer lors de la réunion de clôture.",
    signature_columns: ["Qualité", "Nom", "Date", "Signature"],
    auditor: "Auditeur",
    site_representative: "Représentant du site audité",
    distribution: "Liste de diffusion",
    distribution_columns: ["Destinataire", "Service ou organisme", "Date d'envoi"],
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
        "Règle appliquée\u{a0}: actions correctives dues {deadlines} après la fin de l'audit\u{202f}; {threshold}."
    )
}
