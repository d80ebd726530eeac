//! Every phrase in French. French text puts a normal space before `:` and `;`, and a no-break
//! space (U+00A0) before `%` (see [`format`](super::format)).

use super::{Common, Compare, Engine, Phrases, Report};
use crate::{AdministrationType, ModuleNumber, Outcome, RemoteNote};

/// The phrases in French.
pub(crate) static FR: Phrases = Phrases {
    common: Common {
        plural: |n| if n > 1 { "s" } else { "" },
        no_rate: "sans objet",
        outcome,
        administration: AdministrationType::label_fr,
        // The report's own words for the notes, as the text form writes them.
        remote_note: RemoteNote::code,
    },
    engine: Engine {
        nothing: "Sans objet.",
    },
    report: Report {
        title: "RAPPORT D'AUDIT",
        cover: "1. PAGE DE GARDE",
        administration: "TYPE D'ADMINISTRATION",
        departement: "DEPARTEMENT",
        city: "VILLE",
        modules_covered: "MODULES COUVERTS PAR LE LABEL",
        audit_type: "TYPE D'AUDIT",
        referentiel: "REFERENTIEL",
        dates: "DATE(S) DE L'AUDIT",
        from: "Du",
        to: "au",
        auditors: "AUDITEUR(S)",
        signed_on: "signé le",
        context: "2. CONTEXTE",
        organisation: "Contexte de l'organisme audité",
        history: "Présentation et historique de la démarche du site audité",
        assessment: "3. SYNTHÈSE DE L'ÉVALUATION",
        abbreviations: "Abréviations : C : Conforme ; NA : Non applicable ; NC Maj : Non-conformité majeure ; NC min : Non-conformité mineure ; PF : Points forts ; PS : Points sensibles ; PP : Pistes de progrès.",
        commitments: "Engagements de service",
        comments: "Appréciation de l'auditeur — Commentaires",
        verdict: "Conformité",
        item: "Point",
        note: "Note",
        rate: "Taux de conformité :",
        not_assessed: "non évalué(s)",
        remote: "AUDIT A DISTANCE :",
        synthesis: "4. SYNTHÈSE DE L'ÉVALUATION ET CONCLUSION GÉNÉRALE DE L'AUDIT",
        generated: "D'après les données de l'audit",
        auditor_text: "Texte de l'auditeur",
        auditor_verdict: "Verdict :",
        decision: "5. DÉCISION",
        policy_note: "Décision selon la politique par défaut de la bibliothèque (pratique ISO/IEC 17021-1), et non selon le texte du référentiel, dont les règles de décision ne sont pas publiques.",
        reasons: "Motifs",
        ecart: "Écart",
        finding: "Constat",
        requirement: "Exigence",
        corrective_action: "Action corrective",
        due: "Échéance",
        module_heading,
        policy,
    },
    compare: Compare {},
};

fn outcome(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Favorable => "avis favorable",
        Outcome::FavorableWithConditions => "avis favorable sous réserve",
        Outcome::Unfavorable => "avis défavorable",
    }
}

fn module_heading(module: ModuleNumber, title: &str, obligatory: bool) -> String {
    if obligatory {
        format!("MODULE {module} - OBLIGATOIRE : {title}")
    } else {
        format!("MODULE {module} : {title}")
    }
}

fn policy(deadline_months: u32, minor_threshold: Option<u32>) -> String {
    let threshold = match minor_threshold {
        Some(t) => format!("avis défavorable à partir de {t} NC min"),
        None => "pas de seuil de NC min".to_owned(),
    };
    format!(
        "Politique : actions correctives dues {deadline_months} mois après la fin de l'audit ; {threshold}."
    )
}
