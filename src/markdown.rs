//! Markdown rendering of the whole report, close to the layout of the original: cover page,
//! context, a table per module (and per channel group of module 1, under the group's heading),
//! the management sections, the three remote-audit sections, the synthesis (section 4) and the
//! decision with its reasons.
//!
//! Data text is escaped where Markdown would read it: `\`, `` ` ``, `*`, `_`, `[`, `]`, `<`,
//! `>`, `|` and `#` are backslash-escaped, and a newline inside a value becomes `<br>`. The same
//! inputs give byte-identical output.
//!
//! ```
//! use qualepref::{conclude, render_markdown, samples, Audit, Language, Policy, Referentiel, Valid};
//! use qualepref::validate::Options;
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &Options::default())
//!     .map_err(|_| "invalid")?;
//! let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
//! let md = render_markdown(&valid, &conclusions);
//! assert!(md.starts_with("# RAPPORT D'AUDIT\n"));
//! assert!(md.contains("Absence de non-conformité majeure ou mineure."));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Write as _;

use strum::IntoEnumIterator;

use crate::i18n::date;
use crate::synthesis::{Section, audit_phrase, nothing};
use crate::{
    Audit, Conclusions, Language, ManagementSection, Observation, Outcome, Referentiel,
    RemoteChannel, Tally, Valid, Verdict,
};

/// Escapes data text for Markdown: see the [module docs](self).
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("<br>");
                }
            }
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    // A paragraph starting like a list item or a numbered item would be read as one.
    if out.starts_with(['-', '+']) || starts_numbered(&out) {
        out.insert(0, '\\');
    }
    out
}

fn starts_numbered(s: &str) -> bool {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && s.get(digits..)
            .is_some_and(|r| r.starts_with(". ") || r == ".")
}

struct Out {
    text: String,
    language: Language,
}

impl Out {
    fn line(&mut self, s: &str) {
        self.text.push_str(s);
        self.text.push('\n');
    }

    fn blank(&mut self) {
        self.text.push('\n');
    }

    fn para(&mut self, s: &str) {
        self.line(s);
        self.blank();
    }

    fn t(&self, fr: &'static str, en: &'static str) -> &'static str {
        self.language.pick(fr, en)
    }
}

fn verdict_cell(v: Option<Verdict>) -> &'static str {
    v.map_or("—", Verdict::code)
}

fn observations_cell(comment: Option<&str>, observations: &[Observation]) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(observations.len() + 1);
    if let Some(c) = comment {
        parts.push(escape(c));
    }
    for o in observations {
        let mut p = format!("{} : {}", o.kind.code(), escape(&o.text));
        if let Some(r) = &o.risk {
            p.push_str(" — ");
            p.push_str(&escape(r));
        }
        parts.push(p);
    }
    parts.join("<br>")
}

fn tally_line(out: &mut Out, tally: &Tally) {
    let c = &tally.counts;
    let rate = match tally.rate {
        Some(r) => format!(
            "{} ({}/{})",
            r.display(out.language),
            r.numerator,
            r.denominator
        ),
        None => out.t("sans objet", "none").to_owned(),
    };
    let mut s = format!(
        "{} {rate} — {} C, {} NA, {} NC min, {} NC Maj",
        out.t("*Taux de conformité :*", "*Conformity rate:*"),
        c.conforme,
        c.non_applicable,
        c.nc_mineure,
        c.nc_majeure
    );
    if c.not_assessed > 0 {
        let _ = write!(
            s,
            ", {} {}",
            c.not_assessed,
            out.t("non évalué(s)", "not assessed")
        );
    }
    s.push('.');
    out.para(&s);
}

fn cover(out: &mut Out, audit: &Audit, referentiel: &Referentiel) {
    let l = out.language;
    out.para(out.t("# RAPPORT D'AUDIT", "# AUDIT REPORT"));
    let site = &audit.site;
    let name = site.name.as_deref().unwrap_or(match l {
        Language::Fr => site.administration.label_fr(),
        Language::En => site.administration.label_en(),
    });
    out.para(&format!(
        "**{}** — {} - {}",
        escape(name),
        escape(&site.city),
        site.departement.as_str()
    ));
    out.para(out.t("## 1. PAGE DE GARDE", "## 1. Cover page"));
    out.line("| | |");
    out.line("|---|---|");
    let row = |out: &mut Out, k: &str, v: &str| out.line(&format!("| {k} | {v} |"));
    let admin = match l {
        Language::Fr => site.administration.label_fr(),
        Language::En => site.administration.label_en(),
    };
    row(out, out.t("TYPE D'ADMINISTRATION", "Administration"), admin);
    row(
        out,
        out.t("DEPARTEMENT", "Département"),
        site.departement.as_str(),
    );
    row(out, out.t("VILLE", "City"), &escape(&site.city));
    let mut modules = audit.modules.clone();
    modules.sort_unstable();
    modules.dedup();
    let modules: Vec<String> = modules
        .iter()
        .map(|&m| {
            let title = referentiel.module(m).map_or("", |m| m.title.as_str());
            format!("Module {m} {}", escape(title))
                .trim_end()
                .to_owned()
        })
        .collect();
    row(
        out,
        out.t("MODULES COUVERTS PAR LE LABEL", "Modules covered"),
        &modules.join("<br>"),
    );
    let phrase = audit_phrase(audit, l);
    let kind = phrase
        .split_once(out.t(" :", ":"))
        .map_or(phrase.as_str(), |(k, _)| k);
    row(out, out.t("TYPE D'AUDIT", "Audit type"), kind);
    let label = audit
        .referentiel
        .label
        .as_deref()
        .map_or_else(|| escape(referentiel.title()), escape);
    row(
        out,
        out.t("REFERENTIEL", "Référentiel"),
        &format!("{label} (`{}`)", audit.referentiel.id.replace('`', "'")),
    );
    row(
        out,
        out.t("DATE(S) DE L'AUDIT", "Audit dates"),
        &format!(
            "{} {} {} {}",
            out.t("Du", "From"),
            date(audit.dates.start, l),
            out.t("au", "to"),
            date(audit.dates.end, l)
        ),
    );
    let auditors: Vec<String> = audit
        .auditors
        .iter()
        .map(|a| {
            let mut s = escape(&a.name);
            if let Some(role) = &a.role {
                let _ = write!(s, " ({})", escape(role));
            }
            if let Some(d) = a.signed_on {
                let _ = write!(s, ", {} {}", out.t("signé le", "signed on"), date(d, l));
            }
            s
        })
        .collect();
    row(
        out,
        out.t("AUDITEUR(S)", "Auditor(s)"),
        &if auditors.is_empty() {
            "—".to_owned()
        } else {
            auditors.join("<br>")
        },
    );
    out.blank();
}

fn context(out: &mut Out, audit: &Audit) {
    out.para(out.t("## 2. CONTEXTE", "## 2. Context"));
    let c = &audit.context;
    out.para(out.t(
        "### Contexte de l'organisme audité",
        "### The audited organisation",
    ));
    if c.organisation.is_empty() {
        out.para(nothing(out.language));
    }
    for p in &c.organisation {
        out.para(&escape(p));
    }
    out.para(out.t(
        "### Présentation et historique de la démarche du site audité",
        "### History of the site's quality approach",
    ));
    if c.history.is_empty() {
        out.para(nothing(out.language));
    }
    for p in &c.history {
        out.para(&escape(p));
    }
}

fn table_header(out: &mut Out, first: &str, last: &str) {
    out.line(&format!(
        "| {first} | {} | {last} |",
        out.t(
            "Appréciation de l'auditeur — Commentaires",
            "Auditor's assessment — comments"
        )
    ));
    out.line("|---|---|---|");
}

fn modules(out: &mut Out, audit: &Audit, referentiel: &Referentiel, c: &Conclusions<'_>) {
    out.para(out.t("## 3. SYNTHÈSE DE L'ÉVALUATION", "## 3. Assessment summary"));
    out.para(out.t(
        "Abréviations : C : Conforme ; NA : Non applicable ; NC Maj : Non-conformité majeure ; NC min : Non-conformité mineure ; PF : Points forts ; PS : Points sensibles ; PP : Pistes de progrès.",
        "Abbreviations: C: conformity; NA: not applicable; NC Maj: major nonconformity; NC min: minor nonconformity; PF: strength; PS: area of concern; PP: opportunity for improvement.",
    ));
    let first_col = out.t("Engagements de service", "Service commitments");
    let last_col = out.t("Conformité", "Verdict");
    for m in &c.modules {
        let module = referentiel.module(m.module);
        let title = m.title.to_uppercase();
        let obligatory = module.is_some_and(|x| x.obligatory);
        out.para(&match (obligatory, out.language) {
            (true, Language::Fr) => {
                format!("### MODULE {} - OBLIGATOIRE : {}", m.module, escape(&title))
            }
            (true, Language::En) => {
                format!("### MODULE {} - MANDATORY: {}", m.module, escape(&title))
            }
            (false, Language::Fr) => format!("### MODULE {} : {}", m.module, escape(&title)),
            (false, Language::En) => format!("### MODULE {}: {}", m.module, escape(&title)),
        });
        let mut rows: Vec<(crate::EngagementNumber, &str, Option<&str>)> = referentiel
            .engagements_of(m.module)
            .map(|e| (e.number, e.title.as_str(), e.group.as_deref()))
            .collect();
        if rows.is_empty() {
            let mut filed: Vec<_> = audit
                .assessments
                .iter()
                .filter(|a| a.module == m.module)
                .map(|a| (a.engagement, "", None))
                .collect();
            filed.sort_by_key(|r| r.0);
            filed.dedup_by_key(|r| r.0);
            rows = filed;
        }
        let mut current: Option<Option<&str>> = None;
        for (number, title, group) in rows {
            if current != Some(group) {
                if current.is_some() {
                    out.blank();
                }
                if let Some(g) = group.and_then(|g| m.groups.iter().find(|x| x.id == g)) {
                    out.para(&format!("#### {}", escape(g.heading.unwrap_or(g.title))));
                }
                table_header(out, first_col, last_col);
                current = Some(group);
            }
            let a = audit.assessment(number);
            out.line(&format!(
                "| Module {} {number}. {} | {} | {} |",
                m.module,
                escape(title),
                a.map(|a| observations_cell(a.comment.as_deref(), &a.observations))
                    .unwrap_or_default(),
                verdict_cell(a.and_then(|a| a.verdict))
            ));
        }
        if current.is_some() {
            out.blank();
        }
        if m.groups.len() > 1 {
            for g in &m.groups {
                let s = format!("{} — ", escape(g.heading.unwrap_or(g.title)));
                out.text.push_str(&s);
                tally_line(out, &g.tally);
            }
        }
        let _ = write!(out.text, "Module {} — ", m.module);
        tally_line(out, &m.tally);
    }
}

fn management(out: &mut Out, audit: &Audit, referentiel: &Referentiel, c: &Conclusions<'_>) {
    for section in ManagementSection::iter() {
        let heading = match out.language {
            Language::Fr => section.heading(),
            Language::En => section.heading_en(),
        };
        out.para(&format!("### {heading}"));
        table_header(out, out.t("Point", "Item"), out.t("Conformité", "Verdict"));
        for item in referentiel
            .management_items()
            .iter()
            .filter(|i| i.section == section)
        {
            let a = audit.management_assessment(item.id());
            out.line(&format!(
                "| {}. {} | {} | {} |",
                item.item,
                escape(&item.title),
                a.map(|a| observations_cell(a.comment.as_deref(), &a.observations))
                    .unwrap_or_default(),
                verdict_cell(a.and_then(|a| a.verdict))
            ));
        }
        out.blank();
        if let Some(s) = c.management.sections.iter().find(|s| s.section == section) {
            tally_line(out, &s.tally);
        }
    }
}

fn remote(out: &mut Out, audit: &Audit, referentiel: &Referentiel) {
    for channel in RemoteChannel::iter() {
        let label = match out.language {
            Language::Fr => channel.label_fr(),
            Language::En => channel.label_en(),
        };
        out.para(&format!(
            "### {} {label}",
            out.t("AUDIT A DISTANCE :", "Remote audit:")
        ));
        let mut checks: Vec<_> = audit
            .remote_checks
            .iter()
            .filter(|r| r.channel == channel)
            .collect();
        checks.sort_by_key(|r| (r.module, r.engagement));
        if checks.is_empty() {
            out.para(nothing(out.language));
            continue;
        }
        table_header(
            out,
            out.t("Engagements de service", "Service commitments"),
            "Note",
        );
        for r in checks {
            let title = referentiel
                .engagement(r.engagement)
                .map_or("", |e| &e.title);
            let note = match (r.note, out.language) {
                (Some(n), Language::Fr) => n.code(),
                (Some(crate::RemoteNote::Conforme), Language::En) => "Conforming",
                (Some(crate::RemoteNote::NonConforme), Language::En) => "Nonconforming",
                (Some(crate::RemoteNote::NonApplicable), Language::En) => "Not applicable",
                (None, _) => "—",
            };
            out.line(&format!(
                "| Module {} {}. {} | {} | {note} |",
                r.module,
                r.engagement,
                escape(title),
                observations_cell(None, &r.observations)
            ));
        }
        out.blank();
    }
}

fn section(out: &mut Out, s: &Section<'_>) {
    out.para(&format!("### ❖ {}", s.heading));
    if s.generated.is_empty() && s.auditor.is_empty() {
        out.para(nothing(out.language));
        return;
    }
    if !s.generated.is_empty() {
        out.para(out.t(
            "**D'après les données de l'audit**",
            "**From the audit data**",
        ));
        for g in &s.generated {
            out.line(&format!("- {}", escape(g)));
        }
        out.blank();
    }
    if !s.auditor.is_empty() {
        out.para(out.t("**Texte de l'auditeur**", "**The auditor's text**"));
        if let Some(v) = s.auditor_verdict {
            out.para(&format!("{} {}", out.t("Verdict :", "Verdict:"), v.code()));
        }
        for p in s.auditor {
            out.para(&escape(p));
        }
    }
}

fn decision(out: &mut Out, c: &Conclusions<'_>) {
    out.para(out.t("## 5. DÉCISION", "## 5. Decision"));
    let outcome = match out.language {
        Language::Fr => c.outcome.label_fr(),
        Language::En => c.outcome.label_en(),
    };
    let mut label = outcome.to_owned();
    if let Some(first) = label.get(..1) {
        let upper = first.to_uppercase();
        label.replace_range(..1, &upper);
    }
    out.para(&format!("**{label}** (`{}`)", c.outcome.code()));
    out.para(out.t(
        "Décision selon la politique par défaut de la bibliothèque (pratique ISO/IEC 17021-1), et non selon le texte du référentiel, dont les règles de décision ne sont pas publiques.",
        "Decision under the library's default policy (ISO/IEC 17021-1 practice), not the référentiel's text, whose decision rules are not public.",
    ));
    let mut policy = match out.language {
        Language::Fr => format!(
            "Politique : actions correctives dues {} mois après la fin de l'audit",
            c.policy.deadline_months
        ),
        Language::En => format!(
            "Policy: corrective actions due {} month(s) after the audit's last day",
            c.policy.deadline_months
        ),
    };
    match (c.policy.minor_threshold, out.language) {
        (Some(t), Language::Fr) => {
            let _ = write!(policy, " ; avis défavorable à partir de {t} NC min");
        }
        (Some(t), Language::En) => {
            let _ = write!(policy, "; unfavourable from {t} NC min");
        }
        (None, Language::Fr) => policy.push_str(" ; pas de seuil de NC min"),
        (None, Language::En) => policy.push_str("; no threshold of NC min"),
    }
    policy.push('.');
    out.para(&policy);
    out.para(out.t("**Motifs**", "**Reasons**"));
    for r in &c.reasons {
        out.line(&format!("- {}", escape(r)));
    }
    out.blank();
    if c.outcome == Outcome::Favorable {
        return;
    }
    out.line(&format!(
        "| {} | {} | {} | {} |",
        out.t("Écart", "Nonconformity"),
        out.t("Constat", "Finding"),
        out.t("Exigence", "Requirement"),
        out.t("Échéance", "Due")
    ));
    out.line("|---|---|---|---|");
    for e in &c.ecarts {
        let target = crate::synthesis::source_label(
            crate::synthesis::ecart_source(e.target),
            e.title,
            out.language,
        );
        out.line(&format!(
            "| {} — {} | {} | {} | {} |",
            e.grade.code(),
            escape(&target),
            escape(e.finding),
            escape(e.requirement),
            e.due
                .map_or_else(|| "—".to_owned(), |d| date(d, out.language))
        ));
    }
    out.blank();
}

/// Renders the whole report of `valid` with its `conclusions` (from [`conclude`](crate::conclude)
/// on the same audit), in the conclusions' language. See the [module docs](self).
#[must_use]
pub fn render_markdown(valid: &Valid<'_>, conclusions: &Conclusions<'_>) -> String {
    let audit = valid.audit();
    let referentiel = valid.referentiel();
    let mut out = Out {
        text: String::with_capacity(16 * 1024),
        language: conclusions.language,
    };
    cover(&mut out, audit, referentiel);
    context(&mut out, audit);
    modules(&mut out, audit, referentiel, conclusions);
    management(&mut out, audit, referentiel, conclusions);
    remote(&mut out, audit, referentiel);
    out.para(out.t(
        "## 4. SYNTHÈSE DE L'ÉVALUATION ET CONCLUSION GÉNÉRALE DE L'AUDIT",
        "## 4. Summary and general conclusion of the audit",
    ));
    for s in conclusions.synthesis.sections() {
        section(&mut out, s);
    }
    decision(&mut out, conclusions);
    while out.text.ends_with("\n\n") {
        out.text.pop();
    }
    out.text
}
