//! The network's English wording.

use super::Network;
use crate::history::Trend;
use crate::{AuditType, LabelState};

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `1,200`, `10,000`.
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub(crate) const EN: Network = Network {
    title_at: |date| format!("Qual-e-pref network at {date}"),
    summary: "Network summary",
    counts: |sites, read, left_out| {
        let mut text = format!(
            "{} site{}, {} audit{} read",
            thousands(sites),
            plural(sites),
            thousands(read),
            plural(read)
        );
        if left_out > 0 {
            text = format!("{text}, {} left out", thousands(left_out));
        }
        text
    },
    by_state: "Sites by label status",
    map: "Map of the sites",
    map_caption: "Each département is coloured by the status of its préfecture; \
                  sous-préfectures are round marks.",
    off_map: "Sites off the map",
    no_site: "no audited site",
    sous_prefecture_mark: "sous-préfecture",
    heat_map: "Engagements by site",
    heat_caption: "The verdict of each engagement at the site's last audit that assessed it; \
                   a black dot marks a point sensible.",
    not_assessed: "not assessed",
    concern_mark: "point sensible",
    calendar: |months| format!("Audits due within {months} months"),
    calendar_overdue: "Overdue",
    more_overdue: |n| format!("… and {n} more, in the table of sites"),
    overdue_sites: "Sites with overdue corrective actions",
    engagements: "Engagements most often not conforming or flagged as points sensibles",
    coverage: "Coverage of modules",
    sites: "Sites",
    problems: "Files left out",
    field: "Field",
    value: "Value",
    departement: "Département",
    site: "Site",
    administration: "Administration",
    city: "City",
    state: "Status",
    modules: "Labelled modules",
    since: "Since",
    until: "Until",
    last_audit: "Last audit",
    audit_type: "Type",
    outcome: "Outcome",
    rate: "Conformity rate",
    trend_label: "Trend",
    next_audit: "Next audit",
    due: "Due",
    window: "Window",
    opens: "Opens",
    closes: "Closes",
    open_actions: "Open actions",
    overdue_actions: "Overdue actions",
    oldest_due: "Oldest due date",
    audits: "Audits",
    engagement: "Engagement",
    module: "Module",
    title_column: "Title",
    assessed: "Assessed",
    concerns: "PS",
    nonconforming: "NC",
    finding: "Finding",
    action: "Corrective action",
    leader: "Leader",
    days_late: "Days late",
    file: "File",
    count: "Count",
    holders: "Labelled sites",
    sheet_sites: "Sites",
    sheet_overdue: "Overdue actions",
    sheet_engagements: "Engagements",
    none: "—",
    nothing: "None.",
    overdue: "overdue",
    label_state: |s| match s {
        LabelState::Labelled => "labelled",
        LabelState::Suspended => "suspended",
        LabelState::Expired => "expired",
        LabelState::NotLabelled => "not labelled",
    },
    kind: |internal, t| match (internal, t) {
        (true, Some(AuditType::Initial)) => "internal (initial)",
        (true, Some(AuditType::Suivi)) => "internal (suivi)",
        (true, Some(AuditType::Renouvellement)) => "internal (renouvellement)",
        (true, Some(AuditType::Extension)) => "internal (extension)",
        (true, None) => "internal",
        (false, Some(AuditType::Initial)) => "initial",
        (false, Some(AuditType::Suivi)) => "suivi",
        (false, Some(AuditType::Renouvellement)) => "renouvellement",
        (false, Some(AuditType::Extension)) => "extension",
        (false, None) => "external",
    },
    trend: |t| match t {
        Trend::Improved => "up",
        Trend::Regressed => "down",
        Trend::Unchanged => "stable",
    },
    month: |m| match m {
        1 => "January",
        2 => "February",
        3 => "March",
        4 => "April",
        5 => "May",
        6 => "June",
        7 => "July",
        8 => "August",
        9 => "September",
        10 => "October",
        11 => "November",
        _ => "December",
    },
    sites_count: |n| format!("{n} site{}", plural(n)),
    actions_note: "Actions: those of the ledger of each site's dossier still open at the date \
                   (nonconformities, points sensibles, pistes de progrès), as in the plan d'actions.",
    invalid: |errors| format!("invalid audit ({errors} error{}), left out", plural(errors)),
    first_error: "; first: ",
    unreadable: "unreadable file, left out",
    unreadable_folder: "unreadable folder, its files are not read",
    at_line: |line, column| format!(" (line {line}, column {column})"),
    colon: ": ",
    open_quote: "“",
    close_quote: "”",
};
