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
//! use qualepref::validate::ValidationOptions;
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default())
//!     .map_err(|_| "invalid")?;
//! let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
//! let md = render_markdown(&valid, &conclusions);
//! assert!(md.starts_with("# RAPPORT D'AUDIT\n"));
//! assert!(md.contains("Absence de non-conformité majeure ou mineure."));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Write as _;

use strum::IntoEnumIterator;

use crate::engine::synthesis::{Section, nothing};
use crate::i18n::{self, date, words};
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

    fn w(&self, words: i18n::Words) -> &'static str {
        self.language.words(words)
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
    let rate = i18n::rate_text(tally.rate, out.language);
    let mut s = format!(
        "*{}* {rate} — {} C, {} NA, {} NC min, {} NC Maj",
        out.w(words::RATE),
        c.conforme,
        c.non_applicable,
        c.nc_mineure,
        c.nc_majeure
    );
    if c.not_assessed > 0 {
        let _ = write!(s, ", {} {}", c.not_assessed, out.w(words::NOT_ASSESSED));
    }
    s.push('.');
    out.para(&s);
}

fn cover(out: &mut Out, audit: &Audit, referentiel: &Referentiel) {
    let l = out.language;
    out.para(&format!("# {}", out.w(words::REPORT)));
    let site = &audit.site;
    let name = i18n::site_name(site, l);
    out.para(&format!(
        "**{}** — {} - {}",
        escape(name),
        escape(&site.city),
        site.departement.as_str()
    ));
    out.para(&format!("## {}", out.w(words::COVER)));
    out.line("| | |");
    out.line("|---|---|");
    let row = |out: &mut Out, k: &str, v: &str| out.line(&format!("| {k} | {v} |"));
    let admin = i18n::administration(site.administration, l);
    row(out, out.w(words::ADMINISTRATION), admin);
    row(out, out.w(words::DEPARTEMENT), site.departement.as_str());
    row(out, out.w(words::CITY), &escape(&site.city));
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
    row(out, out.w(words::MODULES_COVERED), &modules.join("<br>"));
    row(out, out.w(words::AUDIT_TYPE), &i18n::audit_kind(audit, l));
    let label = audit
        .referentiel
        .label
        .as_deref()
        .map_or_else(|| escape(referentiel.title()), escape);
    row(
        out,
        out.w(words::REFERENTIEL),
        &format!("{label} (`{}`)", audit.referentiel.id.replace('`', "'")),
    );
    row(
        out,
        out.w(words::DATES),
        &format!(
            "{} {} {} {}",
            out.w(words::FROM),
            date(audit.dates.start, l),
            out.w(words::TO),
            date(audit.dates.end, l)
        ),
    );
    let auditors: Vec<String> = audit
        .auditors
        .iter()
        .map(|a| i18n::auditor(a, l, escape))
        .collect();
    row(
        out,
        out.w(words::AUDITORS),
        &if auditors.is_empty() {
            "—".to_owned()
        } else {
            auditors.join("<br>")
        },
    );
    out.blank();
}

fn context(out: &mut Out, audit: &Audit) {
    out.para(&format!("## {}", out.w(words::CONTEXT)));
    let c = &audit.context;
    out.para(&format!("### {}", out.w(words::ORGANISATION)));
    if c.organisation.is_empty() {
        out.para(nothing(out.language));
    }
    for p in &c.organisation {
        out.para(&escape(p));
    }
    out.para(&format!("### {}", out.w(words::HISTORY)));
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
        out.w(words::COMMENTS)
    ));
    out.line("|---|---|---|");
}

fn modules(out: &mut Out, audit: &Audit, referentiel: &Referentiel, c: &Conclusions<'_>) {
    out.para(&format!("## {}", out.w(words::ASSESSMENT)));
    out.para(out.w(words::ABBREVIATIONS));
    let first_col = out.w(words::COMMITMENTS);
    let last_col = out.w(words::VERDICT);
    for m in &c.modules {
        let module = referentiel.module(m.module);
        let title = m.title.to_uppercase();
        let obligatory = module.is_some_and(|x| x.obligatory);
        out.para(&format!(
            "### {}",
            i18n::module_heading(m.module, &escape(&title), obligatory, out.language)
        ));
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
        table_header(out, out.w(words::ITEM), out.w(words::VERDICT));
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
        out.para(&format!("### {} {label}", out.w(words::REMOTE)));
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
        table_header(out, out.w(words::COMMITMENTS), out.w(words::NOTE));
        for r in checks {
            let title = referentiel
                .engagement(r.engagement)
                .map_or("", |e| &e.title);
            let note = i18n::remote_note(r.note, out.language);
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
        out.para(&format!("**{}**", out.w(words::GENERATED)));
        for g in &s.generated {
            out.line(&format!("- {}", escape(g)));
        }
        out.blank();
    }
    if !s.auditor.is_empty() {
        out.para(&format!("**{}**", out.w(words::AUDITOR_TEXT)));
        if let Some(v) = s.auditor_verdict {
            out.para(&format!("{} {}", out.w(words::AUDITOR_VERDICT), v.code()));
        }
        for p in s.auditor {
            out.para(&escape(p));
        }
    }
}

fn decision(out: &mut Out, c: &Conclusions<'_>) {
    out.para(&format!("## {}", out.w(words::DECISION)));
    let label = i18n::outcome_title(c.outcome, out.language);
    out.para(&format!("**{label}** (`{}`)", c.outcome.code()));
    out.para(out.w(words::POLICY_NOTE));
    out.para(&i18n::policy_sentence(&c.policy, out.language));
    out.para(&format!("**{}**", out.w(words::REASONS)));
    for r in &c.reasons {
        out.line(&format!("- {}", escape(r)));
    }
    out.blank();
    if c.outcome == Outcome::Favorable {
        return;
    }
    out.line(&format!(
        "| {} | {} | {} | {} |",
        out.w(words::ECART),
        out.w(words::FINDING),
        out.w(words::REQUIREMENT),
        out.w(words::DUE)
    ));
    out.line("|---|---|---|---|");
    for e in &c.ecarts {
        let target = crate::engine::synthesis::source_label(
            crate::engine::synthesis::ecart_source(e.target),
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
    out.para(&format!("## {}", out.w(words::SYNTHESIS)));
    for s in conclusions.synthesis.sections() {
        section(&mut out, s);
    }
    decision(&mut out, conclusions);
    while out.text.ends_with("\n\n") {
        out.text.pop();
    }
    out.text
}
