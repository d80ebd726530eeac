//! The writer of the report's text form, the form
//! [`import_report_text`](crate::import_report_text) reads: the layout is documented on
//! [`crate::report_text`], its headings and labels are in `vocabulary.rs`.

use std::fmt::Write as _;

use super::read::charte_inferred;
use super::sections::ConclusionSection;
use super::vocabulary::{
    self as v, ADMINISTRATIONS, AUDIT_TYPES, CHECKED, MODULE, MODULE_HEADING, Part, UNCHECKED,
};
use crate::{
    ActionStatus, AdministrationType, Audit, EcartTarget, ManagementSection, ModuleNumber,
    Observation, ObservationKind, Referentiel, RemoteChannel,
};

fn checkbox(out: &mut String, checked: bool, label: &str) {
    if !out.ends_with('\t') {
        out.push(' ');
    }
    out.push_str(if checked { CHECKED } else { UNCHECKED });
    out.push(' ');
    out.push_str(label);
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A row's comment cell: its comment, its observations (`PF : …`), then its evidence
/// (`Éléments de preuve : …`).
fn observations(
    out: &mut String,
    comment: Option<&str>,
    observations: &[Observation],
    evidence: Option<&str>,
) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push(' ');
        }
        first = false;
    };
    if let Some(c) = comment {
        sep(out);
        out.push_str(c);
    }
    for o in observations {
        sep(out);
        let _ = write!(out, "{} : {}", o.kind, o.text);
        if let (ObservationKind::AreaOfConcern, Some(risk)) = (o.kind, &o.risk) {
            let _ = write!(out, " {} : {risk}", v::RISK);
        }
    }
    if let Some(evidence) = evidence {
        sep(out);
        let _ = write!(out, "{} : {evidence}", v::ROW_EVIDENCE);
    }
}

/// Renders `audit` in the text form of its report, with the titles of `referentiel`: the layout
/// of [`crate::report_text`], which imports back to the same audit under the conditions given
/// there (« Round trip »).
///
/// Every field of the audit that a report holds is written: a fiche d'écart's number in its
/// heading (`Fiche d'écart n°1 — Module 1 engagement 17 — NC min`), its cause (`Cause : …`) and
/// the audited site's answer (`Réponse de l'audité : …`), an assessment's evidence at the end
/// of its comment cell (`Éléments de preuve : …`), and an internal audit's planned external
/// audit on the page de garde (`DATE PRÉVUE DE L'AUDIT EXTERNE`). The labelling decision
/// ([`Audit::labelling`]) is not written: the certification body decides after the audit, and
/// its report does not hold the decision; an imported report has none.
///
/// ```
/// use qualepref::{import_report, render_report_text, samples, Audit, Referentiel};
///
/// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// let text = render_report_text(&audit, Referentiel::qual_e_pref_2019());
/// assert!(text.contains("Module 1 17. Nous vous répondons dans un délai annoncé et maîtrisé\t"));
/// assert_eq!(import_report(&text)?.audit(), &audit);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn render_report_text(audit: &Audit, referentiel: &Referentiel) -> String {
    let mut out = String::with_capacity(16 * 1024);
    title_page(&mut out, audit, referentiel);
    page_de_garde(&mut out, audit, referentiel);
    context(&mut out, audit);
    synthesis(&mut out, audit, referentiel);
    conclusion(&mut out, audit, referentiel);
    out
}

fn title_page(out: &mut String, audit: &Audit, referentiel: &Referentiel) {
    let _ = writeln!(out, "{}\n", v::TITLE.text);
    if let Some(name) = &audit.site.name {
        let _ = writeln!(out, "{name}");
    }
    let _ = writeln!(
        out,
        "{}{}{}\n",
        audit.site.city,
        v::SITE_SEPARATOR,
        audit.site.departement
    );
    if let Some(t) = audit.kind.audit_type {
        let _ = writeln!(out, "{}\n", t.label_fr());
    }
    let _ = writeln!(
        out,
        "{} :\t{}",
        v::TITLE_REFERENTIEL.text,
        referentiel.name()
    );
    let _ = writeln!(
        out,
        "{} :\t{}",
        v::TITLE_START.text,
        date(audit.dates.start)
    );
    let _ = writeln!(out, "{} :\t{}\n", v::TITLE_END.text, date(audit.dates.end));
    for a in &audit.auditors {
        if let Some(role) = &a.role {
            let _ = writeln!(out, "{} {role} : {}\n", v::LEAD.text, a.name);
            if let Some(phone) = &a.phone {
                let _ = writeln!(out, "{} : {phone}\n", v::LEAD_PHONE.text);
            }
            if let Some(email) = &a.email {
                let _ = writeln!(out, "{} : {email}\n", v::LEAD_EMAIL.text);
            }
        }
    }
    let _ = writeln!(out, "{}\n", v::TABLE_OF_CONTENTS.text);
    for entry in v::TABLE_OF_CONTENTS_ENTRIES {
        let _ = writeln!(out, "{entry}");
    }
    out.push('\n');
}

fn part(out: &mut String, part: Part) {
    let _ = writeln!(out, "{}. {}\n", part.number, part.title.text);
}

fn page_de_garde(out: &mut String, audit: &Audit, referentiel: &Referentiel) {
    part(out, v::PART_PAGE_DE_GARDE);
    let _ = write!(out, "{}\t", v::ADMINISTRATION.text);
    for (t, label) in ADMINISTRATIONS {
        if t != AdministrationType::HautCommissariat || audit.site.administration == t {
            checkbox(out, audit.site.administration == t, label.text);
        }
    }
    let _ = write!(
        out,
        "\n{}\t{}\n{}\t{}\n{}\t",
        v::DEPARTEMENT.text,
        audit.site.departement,
        v::CITY.text,
        audit.site.city,
        v::MODULES.text
    );
    for m in ModuleNumber::all() {
        let title = referentiel
            .module(m)
            .map_or("", |module| module.title.as_str());
        checkbox(
            out,
            audit.covers(m),
            format!("{MODULE} {m} {title}").trim_end(),
        );
    }
    let _ = write!(out, "\n\n{}\t", v::INTERNAL_AUDIT.text);
    for (t, label) in AUDIT_TYPES {
        checkbox(
            out,
            audit.kind.internal && audit.kind.audit_type == Some(t),
            label.text,
        );
    }
    out.push('\n');
    if let Some(day) = audit.kind.external_on {
        let _ = writeln!(out, "{}\t{}", v::EXTERNAL_AUDIT_DATE.text, date(day));
    }
    if !audit.kind.internal {
        let _ = write!(out, "{}\t", v::AUDIT_TYPE.text);
        for (t, label) in AUDIT_TYPES {
            checkbox(out, audit.kind.audit_type == Some(t), label.text);
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}\n", v::TABLE_RULE);
    if let Some(label) = &audit.referentiel.label {
        let _ = writeln!(out, "{}\t{label}", v::REFERENTIEL.text);
    }
    let _ = writeln!(
        out,
        "{}\t{} {} {} {}\n",
        v::AUDIT_DATES.text,
        v::DATES_FROM,
        date(audit.dates.start),
        v::DATES_TO,
        date(audit.dates.end)
    );
    let _ = writeln!(
        out,
        "{}\t\t{}",
        v::AUDITOR_NAME.text,
        v::AUDITOR_SIGNATURE.text
    );
    for (i, a) in audit.auditors.iter().enumerate() {
        let head = if i == 0 { v::AUDITORS.text } else { "" };
        let signed = a.signed_on.map(date).unwrap_or_default();
        let _ = writeln!(out, "{head}\t{}\t{signed}", a.name);
    }
    out.push_str("\t\t\n\n");
}

fn context(out: &mut String, audit: &Audit) {
    part(out, v::PART_CONTEXT);
    let _ = writeln!(out, "{}\n", v::CONTEXT_ORGANISATION.text);
    for p in &audit.context.organisation {
        let _ = writeln!(out, "{p}\n");
    }
    let _ = writeln!(out, "{}\n", v::CONTEXT_HISTORY.text);
    for p in &audit.context.history {
        let _ = writeln!(out, "{p}\n");
    }
}

fn engagement_title(referentiel: &Referentiel, e: crate::EngagementNumber) -> String {
    referentiel
        .engagement(e)
        .map_or_else(|| format!("{} {e}", v::ENGAGEMENT), |r| r.title.clone())
}

fn synthesis(out: &mut String, audit: &Audit, referentiel: &Referentiel) {
    part(out, v::PART_EVALUATION);
    for line in v::LEGEND {
        let _ = writeln!(out, "{}\n", line.text);
    }
    let mut module = None;
    let mut group: Option<&str> = None;
    for a in &audit.assessments {
        if module != Some(a.module) {
            module = Some(a.module);
            group = None;
            let reference = referentiel.module(a.module);
            let title = reference.map(|m| m.heading_title()).unwrap_or_default();
            // The original's heading of an obligatory module: `MODULE 1 - OBLIGATOIRE : …`.
            let obligatory = if reference.is_some_and(|m| m.obligatory) {
                v::OBLIGATORY
            } else {
                ""
            };
            let _ = writeln!(out, "{MODULE_HEADING} {} - {obligatory}{title}\n", a.module);
        }
        let reference = referentiel.engagement(a.engagement);
        let heading = reference.and_then(|e| {
            let g = e.group.as_deref()?;
            let h = referentiel.group(e.module, g)?.heading.as_deref()?;
            Some((g, h))
        });
        if let Some((g, h)) = heading {
            if group != Some(g) {
                group = Some(g);
                let _ = writeln!(out, "\n{h}\n");
            }
        }
        let _ = write!(
            out,
            "{MODULE} {} {}. {}\t",
            a.module,
            a.engagement,
            engagement_title(referentiel, a.engagement)
        );
        observations(
            out,
            a.comment.as_deref(),
            &a.observations,
            a.evidence.as_deref(),
        );
        out.push('\t');
        if let Some(v) = a.verdict {
            out.push_str(v.code());
        }
        out.push('\n');
    }
    let mut section: Option<ManagementSection> = None;
    for m in &audit.management {
        if section != Some(m.section) {
            section = Some(m.section);
            let _ = writeln!(out, "\n{}\t\t", m.section.heading());
        }
        let title = referentiel
            .management_item(m.id())
            .map_or("", |i| i.title.as_str());
        let _ = write!(out, "{}. {title}\t", m.item);
        observations(
            out,
            m.comment.as_deref(),
            &m.observations,
            m.evidence.as_deref(),
        );
        out.push('\t');
        if let Some(v) = m.verdict {
            out.push_str(v.code());
        }
        out.push('\n');
    }
    let mut channel: Option<RemoteChannel> = None;
    let mut module = None;
    for c in &audit.remote_checks {
        if channel != Some(c.channel) {
            channel = Some(c.channel);
            module = None;
            let _ = writeln!(
                out,
                "\n{} : {}\n",
                v::REMOTE_AUDIT.text,
                c.channel.label_fr()
            );
        }
        if module != Some(c.module) {
            module = Some(c.module);
            let title = referentiel
                .module(c.module)
                .map(|m| m.heading_title())
                .unwrap_or_default();
            let _ = writeln!(out, "{MODULE_HEADING} {} : {title}\t\t", c.module);
        }
        let _ = write!(
            out,
            "{MODULE} {} {}. {}\t",
            c.module,
            c.engagement,
            engagement_title(referentiel, c.engagement)
        );
        if let Some(note) = c.note {
            let _ = write!(out, "{} : {note}", v::NOTE);
            if c.comment.is_some() {
                out.push('.');
            }
        }
        if let Some(comment) = &c.comment {
            if c.note.is_some() {
                out.push(' ');
            }
            out.push_str(comment);
        }
        if (c.note.is_some() || c.comment.is_some()) && !c.observations.is_empty() {
            out.push(' ');
        }
        observations(out, None, &c.observations, None);
        out.push_str("\t\n");
    }
    out.push('\n');
}

fn conclusion(out: &mut String, audit: &Audit, referentiel: &Referentiel) {
    part(out, v::PART_CONCLUSION);
    let c = &audit.conclusion;
    for section in ConclusionSection::ALL {
        if section == ConclusionSection::ConclusionGenerale {
            let _ = writeln!(out, "{}\n", section.heading());
        } else {
            let _ = writeln!(out, "{} {}\n", v::CONCLUSION_BULLET, section.heading());
        }
        if section == ConclusionSection::EnquetesSatisfaction {
            let _ = writeln!(out, "{}\n", v::SURVEY_NOTE.text);
        }
        if section == ConclusionSection::CharteGraphique {
            let verdict = c.charte_graphique.verdict;
            if verdict.is_some() && verdict != charte_inferred(&c.charte_graphique.text) {
                if let Some(verdict) = verdict {
                    let _ = writeln!(out, "{} : {verdict}\n", v::CHARTE_VERDICT.text);
                }
            }
        }
        for p in section.paragraphs(c) {
            let _ = writeln!(out, "{p}\n");
        }
        if section == ConclusionSection::FichesEcart {
            for f in &audit.ecarts {
                if let Some(number) = f.number {
                    let _ = write!(
                        out,
                        "{}{number}{}",
                        v::FICHE_NUMBERED,
                        v::FICHE_GRADE_SEPARATOR
                    );
                }
                match f.target {
                    EcartTarget::Engagement(e) => {
                        let module = audit
                            .assessment(e)
                            .map(|a| a.module)
                            .or_else(|| referentiel.engagement(e).map(|r| r.module));
                        match module {
                            Some(m) => {
                                let _ = write!(out, "{MODULE} {m} {} {e}", v::FICHE_ENGAGEMENT);
                            }
                            None => {
                                let _ = write!(out, "{} {e}", v::ENGAGEMENT);
                            }
                        }
                    }
                    EcartTarget::Management(id) => {
                        let _ = write!(
                            out,
                            "{} {} {}",
                            id.section.heading(),
                            v::FICHE_ITEM.text,
                            id.item
                        );
                    }
                }
                let _ = writeln!(out, "{}{}", v::FICHE_GRADE_SEPARATOR, f.grade);
                let _ = writeln!(out, "{} : {}", v::FICHE_FINDING.text, f.finding);
                if !f.requirement.is_empty() {
                    let _ = writeln!(out, "{} : {}", v::FICHE_REQUIREMENT.text, f.requirement);
                }
                if let Some(cause) = &f.cause {
                    let _ = writeln!(out, "{} : {cause}", v::FICHE_CAUSE.text);
                }
                if let Some(action) = &f.corrective_action {
                    let _ = writeln!(out, "{} : {action}", v::FICHE_ACTION.text);
                }
                if let Some(due) = f.due {
                    let _ = writeln!(out, "{} : {}", v::FICHE_DUE.text, date(due));
                }
                if let Some(leader) = &f.leader {
                    let _ = writeln!(out, "{} : {leader}", v::FICHE_LEADER.text);
                }
                if let Some(response) = &f.response {
                    let _ = writeln!(out, "{} : {response}", v::FICHE_RESPONSE.text);
                }
                if !f.status.is_open() {
                    let _ = write!(
                        out,
                        "{} : {}",
                        v::FICHE_STATUS.text,
                        f.status.state().word_fr()
                    );
                    if let Some(on) = f.status.checked_on() {
                        let _ = write!(out, "{}{}", v::FICHE_STATUS_ON, date(on));
                    }
                    out.push('\n');
                    let note = f.status.note();
                    if !note.is_empty() {
                        let label = match f.status {
                            ActionStatus::NotLifted { .. } => v::FICHE_REASON.text,
                            _ => v::FICHE_EVIDENCE.text,
                        };
                        let _ = writeln!(out, "{label} : {note}");
                    }
                }
                out.push('\n');
            }
        }
    }
}
