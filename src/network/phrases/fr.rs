//! The network's French wording, typeset: U+00A0 before `:` and `%` and inside `« »`, U+202F
//! before `;` `!` `?`.

use super::Network;
use crate::history::Trend;
use crate::{AuditType, LabelState};

fn plural(n: u32) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// `1 200`, `10 000`: the thousands apart by a narrow no-break space (U+202F).
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + 8);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

pub(crate) const FR: Network = Network {
    title_at: |date| format!("Réseau Qual-e-pref au {date}"),
    summary: "Synthèse du réseau",
    counts: |sites, read, left_out| {
        let mut text = format!(
            "{}\u{a0}site{}, {}\u{a0}audit{} lu{}",
            thousands(sites),
            plural(sites),
            thousands(read),
            plural(read),
            plural(read)
        );
        if left_out > 0 {
            text = format!(
                "{text}, dont {} laissé{} de côté",
                thousands(left_out),
                plural(left_out)
            );
        }
        text
    },
    by_state: "Sites par statut du label",
    map: "Carte des sites",
    map_caption: "Chaque département est coloré selon le statut de sa préfecture\u{202f}; \
                  les sous-préfectures sont des marques rondes.",
    off_map: "Sites hors carte",
    no_site: "sans site audité",
    sous_prefecture_mark: "sous-préfecture",
    heat_map: "Engagements par site",
    heat_caption: "Le verdict de chaque engagement au dernier audit du site qui l'a évalué\u{202f}; \
                   un point noir signale un point sensible.",
    not_assessed: "non évalué",
    concern_mark: "point sensible",
    calendar: |months| format!("Audits dus d'ici {months}\u{a0}mois"),
    calendar_overdue: "En retard",
    more_overdue: |n| {
        format!(
            "… et {n}\u{a0}autre{}, dans le tableau des sites",
            plural(n)
        )
    },
    overdue_sites: "Sites aux actions correctives en retard",
    engagements: "Engagements les plus souvent non conformes ou en point sensible",
    coverage: "Couverture des modules",
    sites: "Sites",
    problems: "Fichiers laissés de côté",
    field: "Rubrique",
    value: "Valeur",
    departement: "Département",
    site: "Site",
    administration: "Administration",
    city: "Ville",
    state: "Statut",
    modules: "Modules labellisés",
    since: "Depuis",
    until: "Jusqu'au",
    last_audit: "Dernier audit",
    audit_type: "Type",
    outcome: "Avis",
    rate: "Taux de conformité",
    trend_label: "Tendance",
    next_audit: "Prochain audit",
    due: "Échéance",
    window: "Fenêtre",
    opens: "Ouverture",
    closes: "Clôture",
    open_actions: "Actions ouvertes",
    overdue_actions: "Actions en retard",
    oldest_due: "Plus ancienne échéance",
    audits: "Audits",
    engagement: "Engagement",
    module: "Module",
    title_column: "Intitulé",
    assessed: "Évalué",
    concerns: "PS",
    nonconforming: "NC",
    finding: "Constat",
    action: "Action corrective",
    leader: "Pilote",
    days_late: "Jours de retard",
    file: "Fichier",
    count: "Nombre",
    holders: "Sites labellisés",
    sheet_sites: "Sites",
    sheet_overdue: "Actions en retard",
    sheet_engagements: "Engagements",
    none: "—",
    nothing: "Aucun.",
    overdue: "en retard",
    label_state: |s| match s {
        LabelState::Labelled => "labellisé",
        LabelState::Suspended => "suspendu",
        LabelState::Expired => "expiré",
        LabelState::NotLabelled => "non labellisé",
    },
    kind: |internal, t| match (internal, t) {
        (true, Some(AuditType::Initial)) => "interne (initial)",
        (true, Some(AuditType::Suivi)) => "interne (suivi)",
        (true, Some(AuditType::Renouvellement)) => "interne (renouvellement)",
        (true, Some(AuditType::Extension)) => "interne (extension)",
        (true, None) => "interne",
        (false, Some(AuditType::Initial)) => "initial",
        (false, Some(AuditType::Suivi)) => "suivi",
        (false, Some(AuditType::Renouvellement)) => "renouvellement",
        (false, Some(AuditType::Extension)) => "extension",
        (false, None) => "externe",
    },
    trend: |t| match t {
        Trend::Improved => "en hausse",
        Trend::Regressed => "en baisse",
        Trend::Unchanged => "stable",
    },
    month: |m| match m {
        1 => "janvier",
        2 => "février",
        3 => "mars",
        4 => "avril",
        5 => "mai",
        6 => "juin",
        7 => "juillet",
        8 => "août",
        9 => "septembre",
        10 => "octobre",
        11 => "novembre",
        _ => "décembre",
    },
    sites_count: |n| format!("{n}\u{a0}site{}", plural(n)),
    actions_note: "Actions\u{a0}: celles du registre du dossier de chaque site encore ouvertes à la date \
                   (non-conformités, points sensibles, pistes de progrès), comme dans le plan d'actions.",
    invalid: |errors| {
        format!(
            "audit invalide ({errors}\u{a0}erreur{}), laissé de côté",
            plural(errors)
        )
    },
    first_error: "\u{202f}; première\u{a0}: ",
    unreadable: "fichier illisible, laissé de côté",
    unreadable_folder: "dossier illisible, ses fichiers ne sont pas lus",
    at_line: |line, column| format!(" (ligne {line}, colonne {column})"),
    colon: "\u{a0}: ",
    open_quote: "«\u{a0}",
    close_quote: "\u{a0}»",
};
