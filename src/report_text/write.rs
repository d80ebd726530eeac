//! The rendering of an audit in the text form of its report, the form
//! [`import_report_text`](crate::import_report_text) reads.
//!
//! The layout follows the text export of the Toulon report: title page, « 1. PAGE DE GARDE »
//! with its rows `KEY\tVALUE` and checkboxes `<input checked="" type="checkbox"/>`, « 2.
//! CONTEXTE », « 3. SYNTHÈSE DE L'ÉVALUATION » with a row `Module M N. Title\tComments\tVerdict`
//! per engagement, the management sections and the remote-audit sections, then « 4. » and its
//! sections. What the export cannot show is written in the import's text form: `PS : text
//! Risque : risk`, fiches d'écart as a paragraph `Module M engagement N — NC min` followed by
//! `Constat : …`, `Exigence : …`, `Action corrective : …`, `Échéance : dd/mm/yyyy`, and the
//! charte graphique's verdict as `Conformité : C` when its text does not imply it.
//!
//! Rendering then importing gives the same audit when: the modules are listed in increasing
//! order, texts hold no tab nor line break, a comment holds no observation marker (`PF :`), the
//! context figures are stated in its prose, and every auditor with a phone or e-mail has a
//! role.

use std::fmt::Write as _;

use crate::report_text::read::{ConclusionSection, charte_inferred};
use crate::{
    AdministrationType, Audit, AuditType, EcartTarget, ManagementSection, ModuleNumber,
    Observation, ObservationKind, Referentiel, RemoteChannel,
};

const CHECKED: &str = "<input checked=\"\" type=\"checkbox\"/>";
const UNCHECKED: &str = "<input type=\"checkbox\"/>";

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

fn observations(out: &mut String, comment: Option<&str>, observations: &[Observation]) {
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
            let _ = write!(out, " Risque : {risk}");
        }
    }
}

/// Renders `audit` in the text form of its report, with the titles of `referentiel`.
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
    out.push_str("RAPPORT D'AUDIT\n\n");
    if let Some(name) = &audit.site.name {
        let _ = writeln!(out, "{name}");
    }
    let _ = writeln!(out, "{} - {}\n", audit.site.city, audit.site.departement);
    if let Some(t) = audit.kind.audit_type {
        let _ = writeln!(out, "{}\n", t.label_fr());
    }
    let _ = writeln!(out, "Référentiel :\t{}", referentiel.name());
    let _ = writeln!(out, "Dates de début d'audit :\t{}", date(audit.dates.start));
    let _ = writeln!(out, "Dates de fin d'audit :\t{}\n", date(audit.dates.end));
    for a in &audit.auditors {
        if let Some(role) = &a.role {
            let _ = writeln!(out, "Votre {role} : {}\n", a.name);
            if let Some(phone) = &a.phone {
                let _ = writeln!(out, "Ligne directe : {phone}\n");
            }
            if let Some(email) = &a.email {
                let _ = writeln!(out, "Adresse électronique : {email}\n");
            }
        }
    }
    out.push_str("SOMMAIRE DU RAPPORT D'EVALUATION\n\n");
    out.push_str("- 1. PAGE DE GARDE**\n");
    out.push_str("- 2. CONTEXTE, PRESENTATION DE L'HISTORIQUE DE LA DEMARCHE**\n");
    out.push_str("- 3. SYNTHÈSE DE L'EVALUATION**\n");
    out.push_str("- 4. SYNTHÈSE DE L'EVALUATION ET CONCLUSION GÉNÉRALES DE L'AUDIT**\n\n");
}

fn type_label(t: AuditType) -> &'static str {
    match t {
        AuditType::Initial => "Initial",
        AuditType::Suivi => "de Suivi",
        AuditType::Renouvellement => "de Renouvellement",
        AuditType::Extension => "d' Extension",
    }
}

fn page_de_garde(out: &mut String, audit: &Audit, referentiel: &Referentiel) {
    out.push_str("1. PAGE DE GARDE\n\nTYPE D'ADMINISTRATION\t");
    let mut types = vec![
        AdministrationType::Prefecture,
        AdministrationType::SousPrefecture,
        AdministrationType::PrefectureDePolice,
    ];
    if audit.site.administration == AdministrationType::HautCommissariat {
        types.push(AdministrationType::HautCommissariat);
    }
    for t in types {
        checkbox(out, audit.site.administration == t, t.label_fr());
    }
    let _ = write!(
        out,
        "\nDEPARTEMENT\t{}\nVILLE\t{}\nMODULES COUVERTS PAR LE LABEL\t",
        audit.site.departement, audit.site.city
    );
    for m in ModuleNumber::all() {
        let title = referentiel
            .module(m)
            .map_or("", |module| module.title.as_str());
        checkbox(
            out,
            audit.covers(m),
            format!("Module {m} {title}").trim_end(),
        );
    }
    out.push_str("\n\nAUDIT INTERNE <i>Réalisé en amont d'un audit :</i>\t");
    let types = [
        AuditType::Initial,
        AuditType::Suivi,
        AuditType::Renouvellement,
        AuditType::Extension,
    ];
    for t in types {
        checkbox(
            out,
            audit.kind.internal && audit.kind.audit_type == Some(t),
            type_label(t),
        );
    }
    out.push('\n');
    if !audit.kind.internal {
        out.push_str("TYPE D'AUDIT\t");
        for t in types {
            checkbox(out, audit.kind.audit_type == Some(t), type_label(t));
        }
        out.push('\n');
    }
    out.push_str("--\t--\n\n");
    if let Some(label) = &audit.referentiel.label {
        let _ = writeln!(out, "REFERENTIEL\t{label}");
    }
    let _ = writeln!(
        out,
        "DATE(S) DE L'AUDIT\tDu {} au {}\n",
        date(audit.dates.start),
        date(audit.dates.end)
    );
    out.push_str("NOM AUDITEUR\t\tDATE ET SIGNATURE DE L'AUDITEUR\n");
    for (i, a) in audit.auditors.iter().enumerate() {
        let head = if i == 0 { "Auditeur(s)" } else { "" };
        let signed = a.signed_on.map(date).unwrap_or_default();
        let _ = writeln!(out, "{head}\t{}\t{signed}", a.name);
    }
    out.push_str("\t\t\n\n");
}

fn context(out: &mut String, audit: &Audit) {
    out.push_str("2. CONTEXTE\n\nContexte de l'organisme audité\n\n");
    for p in &audit.context.organisation {
        let _ = writeln!(out, "{p}\n");
    }
    out.push_str("Présentation et historique de la démarche du site audité\n\n");
    for p in &audit.context.history {
        let _ = writeln!(out, "{p}\n");
    }
}

fn engagement_title(referentiel: &Referentiel, e: crate::EngagementNumber) -> String {
    referentiel
        .engagement(e)
        .map_or_else(|| format!("Engagement {e}"), |r| r.title.clone())
}

fn synthesis(out: &mut String, audit: &Audit, referentiel: &Referentiel) {
    out.push_str("3. SYNTHÈSE DE L'ÉVALUATION\n\n");
    out.push_str("Abréviations employées dans les pages suivantes :\n\n");
    out.push_str("C : Conforme **NA** : Non applicable\n\n");
    out.push_str("NC Maj : Non-conformité Majeure **NC min** : Non-conformité mineure\n\n");
    out.push_str("PF : Points Forts **PS** : Points Sensibles **PP** : Pistes de Progrès\n\n");
    let mut module = None;
    let mut group: Option<&str> = None;
    for a in &audit.assessments {
        if module != Some(a.module) {
            module = Some(a.module);
            group = None;
            let title = referentiel
                .module(a.module)
                .map(|m| m.title.to_uppercase())
                .unwrap_or_default();
            let _ = writeln!(out, "MODULE {} - {title}\n", a.module);
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
            "Module {} {}. {}\t",
            a.module,
            a.engagement,
            engagement_title(referentiel, a.engagement)
        );
        observations(out, a.comment.as_deref(), &a.observations);
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
        observations(out, m.comment.as_deref(), &m.observations);
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
            let _ = writeln!(out, "\nAUDIT A DISTANCE : {}\n", c.channel.label_fr());
        }
        if module != Some(c.module) {
            module = Some(c.module);
            let title = referentiel
                .module(c.module)
                .map(|m| m.title.to_uppercase())
                .unwrap_or_default();
            let _ = writeln!(out, "MODULE {} : {title}\t\t", c.module);
        }
        let _ = write!(
            out,
            "Module {} {}. {}\t",
            c.module,
            c.engagement,
            engagement_title(referentiel, c.engagement)
        );
        if let Some(note) = c.note {
            let _ = write!(out, "Note : {note}");
            if !c.observations.is_empty() {
                out.push(' ');
            }
        }
        observations(out, None, &c.observations);
        out.push_str("\t\n");
    }
    out.push('\n');
}

fn conclusion(out: &mut String, audit: &Audit, referentiel: &Referentiel) {
    out.push_str("4. SYNTHÈSE DE L'ÉVALUATION ET CONCLUSION GÉNÉRALE DE L'AUDIT\n\n");
    let c = &audit.conclusion;
    for section in ConclusionSection::ALL {
        if section == ConclusionSection::ConclusionGenerale {
            let _ = writeln!(out, "{}\n", section.heading());
        } else {
            let _ = writeln!(out, "❖ {}\n", section.heading());
        }
        if section == ConclusionSection::EnquetesSatisfaction {
            out.push_str(
                "(Vérification de l'analyse du résultat des enquêtes de satisfaction et de la mise \
                 en œuvre et suivi d'un plan d'actions)\n\n",
            );
        }
        if section == ConclusionSection::CharteGraphique {
            let verdict = c.charte_graphique.verdict;
            if verdict.is_some() && verdict != charte_inferred(&c.charte_graphique.text) {
                if let Some(v) = verdict {
                    let _ = writeln!(out, "Conformité : {v}\n");
                }
            }
        }
        for p in section.paragraphs(c) {
            let _ = writeln!(out, "{p}\n");
        }
        if section == ConclusionSection::FichesEcart {
            for f in &audit.ecarts {
                match f.target {
                    EcartTarget::Engagement(e) => {
                        let module = audit
                            .assessment(e)
                            .map(|a| a.module)
                            .or_else(|| referentiel.engagement(e).map(|r| r.module));
                        match module {
                            Some(m) => {
                                let _ = write!(out, "Module {m} engagement {e}");
                            }
                            None => {
                                let _ = write!(out, "Engagement {e}");
                            }
                        }
                    }
                    EcartTarget::Management(id) => {
                        let _ = write!(out, "{} point {}", id.section.heading(), id.item);
                    }
                }
                let _ = writeln!(out, " — {}", f.grade);
                let _ = writeln!(out, "Constat : {}", f.finding);
                if !f.requirement.is_empty() {
                    let _ = writeln!(out, "Exigence : {}", f.requirement);
                }
                if let Some(action) = &f.corrective_action {
                    let _ = writeln!(out, "Action corrective : {action}");
                }
                if let Some(due) = f.due {
                    let _ = writeln!(out, "Échéance : {}", date(due));
                }
                out.push('\n');
            }
        }
    }
}
