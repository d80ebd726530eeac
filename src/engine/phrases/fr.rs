//! The engine's phrases in French.

use super::{EnginePhrases, Headings, Reasons};
use crate::i18n::format::push_number;
use crate::i18n::plural_fr as plural;
use crate::{AuditType, NoteCounts, ObservationCounts, Outcome};

/// The engine's phrases.
pub(crate) static FR: EnginePhrases = EnginePhrases {
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
    finding_not_stated: "non renseigné",
    requirement_not_stated: "non renseignée",
    no_fiche: " (sans fiche d'écart)",
    due_on: " — action corrective due le ",
    due_from_fiche: "date de la fiche d'écart",
    due_before_external: "veille de l'audit externe prévu",
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
    decision: "Avis proposé selon la règle de décision par défaut de l'outil (et non le texte du référentiel)\u{a0}: ",
    indicative_decision: "Avis indicatif (audit interne) selon la règle de décision par défaut de l'outil (et non le texte du référentiel)\u{a0}: ",
    due_by: ", actions correctives dues au plus tard le ",
    decision_title: "AVIS PROPOSÉ\u{a0}: ",
    indicative_title: "AVIS INDICATIF (audit interne, sans valeur de décision)\u{a0}: ",
    policy_caveat: "Avis établi selon la règle de décision par défaut de l'outil, et non selon le référentiel, dont les règles de décision ne sont pas publiques.",
    auditor_text: "Texte de l'auditeur\u{a0}:",
    outcome,
};

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

fn outcome(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Favorable => "avis favorable",
        Outcome::FavorableWithConditions => "avis favorable sous réserve",
        Outcome::Unfavorable => "avis défavorable",
    }
}
