//! The texts of the audit: no control character other than tab, line feed and a carriage
//! return before a line feed (`\r\n`), in any text field, so that no text can drive a
//! terminal (ESC, OSC sequences) when printed; the text import refuses the same characters.
//! Every text field is visited; a test checks that the visit reaches every string of the
//! audit's JSON form.

use super::super::index::Index;
use super::super::order::{Collector, Place};
use crate::RuleCode;
use crate::text::{control_character, refused};
use crate::{Audit, Observation};

impl Index<'_> {
    #[inline]
    pub(crate) fn check_texts(&self, out: &mut Collector<'_>) {
        each_text(self.audit, &mut |path, text| {
            if let Some((c, at)) = control_character(text) {
                out.push(RuleCode::ControlCharacter, Place::AUDIT, path(), |p| {
                    (p.control_character)(c, at)
                });
            }
        });
    }
}

/// Calls `visit` with every text of the audit and a function giving its path (built only when
/// asked). A test checks that it reaches every string of the audit's JSON form.
fn each_text(audit: &Audit, visit: &mut dyn FnMut(&dyn Fn() -> String, &str)) {
    visit(&|| "referentiel.id".to_owned(), &audit.referentiel.id);
    if let Some(label) = &audit.referentiel.label {
        visit(&|| "referentiel.label".to_owned(), label);
    }
    if let Some(name) = &audit.site.name {
        visit(&|| "site.name".to_owned(), name);
    }
    visit(&|| "site.city".to_owned(), &audit.site.city);
    for (i, a) in audit.auditors.iter().enumerate() {
        visit(&|| format!("auditors[{i}].name"), &a.name);
        for (field, value) in [("role", &a.role), ("phone", &a.phone), ("email", &a.email)] {
            if let Some(value) = value {
                visit(&|| format!("auditors[{i}].{field}"), value);
            }
        }
    }
    let context = &audit.context;
    paragraphs(visit, "context.organisation", &context.organisation);
    paragraphs(visit, "context.history", &context.history);
    for (i, a) in audit.assessments.iter().enumerate() {
        let at = || format!("assessments[{i}]");
        commented(visit, &at, a.comment.as_deref(), &a.observations);
        if let Some(evidence) = &a.evidence {
            visit(&|| format!("assessments[{i}].evidence"), evidence);
        }
    }
    for (i, m) in audit.management.iter().enumerate() {
        let at = || format!("management[{i}]");
        commented(visit, &at, m.comment.as_deref(), &m.observations);
        if let Some(evidence) = &m.evidence {
            visit(&|| format!("management[{i}].evidence"), evidence);
        }
    }
    for (i, r) in audit.remote_checks.iter().enumerate() {
        let at = || format!("remote_checks[{i}]");
        commented(visit, &at, r.comment.as_deref(), &r.observations);
    }
    for (i, e) in audit.ecarts.iter().enumerate() {
        visit(&|| format!("ecarts[{i}].finding"), &e.finding);
        visit(&|| format!("ecarts[{i}].requirement"), &e.requirement);
        for (field, value) in [
            ("cause", &e.cause),
            ("corrective_action", &e.corrective_action),
            ("leader", &e.leader),
            ("response", &e.response),
        ] {
            if let Some(value) = value {
                visit(&|| format!("ecarts[{i}].{field}"), value);
            }
        }
        match &e.status {
            crate::ActionStatus::Lifted { evidence, .. } => {
                visit(&|| format!("ecarts[{i}].status.evidence"), evidence);
            }
            crate::ActionStatus::NotLifted { reason, .. } => {
                visit(&|| format!("ecarts[{i}].status.reason"), reason);
            }
            crate::ActionStatus::Open | crate::ActionStatus::InProgress => {}
        }
    }
    for (i, u) in audit.unread.iter().enumerate() {
        visit(&|| format!("unread[{i}].field"), &u.field);
        visit(&|| format!("unread[{i}].text"), &u.text);
        if let Some(cell) = &u.cell {
            visit(&|| format!("unread[{i}].cell"), cell);
        }
    }
    let c = &audit.conclusion;
    for (name, texts) in [
        ("points_forts", &c.points_forts),
        ("points_sensibles", &c.points_sensibles),
        ("pistes_de_progres", &c.pistes_de_progres),
        ("fiches_ecart", &c.fiches_ecart),
        ("commentaires", &c.commentaires),
        ("bonnes_pratiques", &c.bonnes_pratiques),
        ("enquetes_satisfaction", &c.enquetes_satisfaction),
        ("charte_graphique.text", &c.charte_graphique.text),
        ("conclusion_generale", &c.conclusion_generale),
    ] {
        for (i, text) in texts.iter().enumerate() {
            visit(&|| format!("conclusion.{name}[{i}]"), text);
        }
    }
}

fn paragraphs(visit: &mut dyn FnMut(&dyn Fn() -> String, &str), at: &str, texts: &[String]) {
    for (i, text) in texts.iter().enumerate() {
        visit(&|| format!("{at}[{i}]"), text);
    }
}

/// The comment and observations of an assessment, management item or remote check.
fn commented(
    visit: &mut dyn FnMut(&dyn Fn() -> String, &str),
    at: &dyn Fn() -> String,
    comment: Option<&str>,
    observations: &[Observation],
) {
    if let Some(comment) = comment {
        visit(&|| format!("{}.comment", at()), comment);
    }
    for (j, o) in observations.iter().enumerate() {
        visit(&|| format!("{}.observations[{j}].text", at()), &o.text);
        if let Some(risk) = &o.risk {
            visit(&|| format!("{}.observations[{j}].risk", at()), risk);
        }
    }
}

/// `text` trimmed for a message, or quoted with its control characters escaped when it holds
/// any, so that a message never carries them to a terminal.
pub(crate) fn shown(text: &str) -> String {
    if text.chars().any(refused) {
        format!("{text:?}")
    } else {
        text.trim().to_owned()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use serde_json::Value;

    use super::each_text;
    use crate::{Audit, samples};

    /// The paths of every string of `value`, as validation writes them.
    fn string_paths(value: &Value, path: &str, out: &mut Vec<String>) {
        match value {
            Value::String(_) => out.push(path.to_owned()),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    string_paths(item, &format!("{path}[{i}]"), out);
                }
            }
            Value::Object(fields) => {
                for (name, field) in fields {
                    let at = if path.is_empty() {
                        name.clone()
                    } else {
                        format!("{path}.{name}")
                    };
                    string_paths(field, &at, out);
                }
            }
            _ => {}
        }
    }

    /// Every string of a fully filled audit's JSON is visited, under its JSON path, except the
    /// codes, numbers and dates that are not free text.
    #[test]
    fn every_text_of_the_audit_is_visited() {
        let mut audit = Audit::from_json_str(samples::TOULON_2019_JSON).unwrap();
        audit.referentiel.label = Some("label".to_owned());
        audit.site.name = Some("name".to_owned());
        let a = &mut audit.auditors[0];
        (a.role, a.phone, a.email) = (Some("r".into()), Some("p".into()), Some("e".into()));
        audit.assessments[0].comment = Some("c".to_owned());
        audit.assessments[0].evidence = Some("evidence".to_owned());
        audit.assessments[0].observations[0].risk = Some("risk".to_owned());
        audit.management[0].comment = Some("c".to_owned());
        audit.management[0].evidence = Some("evidence".to_owned());
        audit.management[0].observations = audit.assessments[0].observations.clone();
        audit.remote_checks[0].comment = Some("c".to_owned());
        audit.remote_checks[0].observations = audit.assessments[0].observations.clone();
        let fiche = crate::FicheEcart::new(
            crate::EcartTarget::Engagement(audit.assessments[0].engagement),
            crate::NcGrade::Minor,
            "finding",
        );
        audit.ecarts.push(crate::FicheEcart {
            number: Some(1),
            cause: Some("cause".to_owned()),
            corrective_action: Some("a".to_owned()),
            requirement: "r".to_owned(),
            leader: Some("l".to_owned()),
            response: Some("response".to_owned()),
            status: crate::ActionStatus::Lifted {
                on: audit.dates.end,
                evidence: "e".to_owned(),
            },
            ..fiche.clone()
        });
        audit.ecarts.push(crate::FicheEcart {
            number: None,
            response: None,
            status: crate::ActionStatus::NotLifted {
                on: audit.dates.end,
                reason: "r".to_owned(),
            },
            ..fiche
        });
        audit.kind.external_on = Some(audit.dates.end);
        audit.labelling = Some(
            crate::LabellingDecision::on(audit.dates.end).with_plan_accepted_on(audit.dates.end),
        );
        let c = &mut audit.conclusion;
        for texts in [
            &mut c.points_forts,
            &mut c.points_sensibles,
            &mut c.pistes_de_progres,
            &mut c.fiches_ecart,
            &mut c.commentaires,
            &mut c.bonnes_pratiques,
            &mut c.enquetes_satisfaction,
            &mut c.charte_graphique.text,
            &mut c.conclusion_generale,
        ] {
            texts.push("t".to_owned());
        }
        let mut visited = Vec::new();
        each_text(&audit, &mut |path, _| visited.push(path()));
        let mut all = Vec::new();
        string_paths(&serde_json::to_value(&audit).unwrap(), "", &mut all);
        let not_text = [
            "site.administration",
            "site.departement",
            "kind.type",
            "kind.external_on",
            "labelling.decided_on",
            "labelling.plan_accepted_on",
            "dates.start",
            "dates.end",
            ".signed_on",
            ".verdict",
            ".kind",
            ".section",
            ".channel",
            ".note",
            ".grade",
            ".due",
            ".state",
            ".on",
            ".target",
            "ecarts[0].engagement",
            "ecarts[1].engagement",
        ];
        all.retain(|p| !not_text.iter().any(|n| p.ends_with(n) || p.starts_with(n)));
        visited.sort();
        all.sort();
        assert_eq!(visited, all);
    }
}
