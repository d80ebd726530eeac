//! The engine's sentences, written from the data in the language's words (see
//! [`Phrases`](crate::i18n::Phrases)): what an observation or an écart belongs to, the line of
//! each observation and écart, the reasons of the decision and the general conclusion.
//!
//! Only what is the same in every language is spelled here: the codes (`C`, `NA`, `NC min`,
//! `NC Maj`), digits, and the separators `, `, ` (`, `)`, ` — `, ` – `, `/` and the final `.`.

use crate::engine::decision::{Decision, DueSource, Ecart, Rule};
use crate::engine::lines::Lines;
use crate::engine::phrases::push_rate_ratio;
use crate::engine::score::{Scores, Tally, VerdictCounts};
use crate::engine::synthesis::{ObservationItem, Source};
use crate::i18n::{push_date, push_number};
use crate::{Audit, EcartTarget, Language, NcGrade, Outcome};

/// Writes what an observation or écart belongs to, in words, into `out`. The parentheses and
/// the commas are the same in every language.
pub(crate) fn push_source_label(out: &mut String, source: Source, title: &str, language: Language) {
    let p = language.phrases();
    match source {
        Source::Engagement(n) => {
            out.push_str(language.engine().engagement);
            push_number(out, n.get().into());
        }
        Source::Management(id) => {
            out.push_str((p.common.management_section)(id.section));
            out.push_str(language.engine().management_item);
            push_number(out, id.item.into());
        }
        Source::Remote {
            channel,
            engagement,
        } => {
            out.push_str(language.engine().remote_check);
            out.push_str((p.common.remote_channel)(channel));
            out.push_str(language.engine().remote_engagement);
            push_number(out, engagement.get().into());
        }
    }
    if !title.is_empty() {
        out.push_str(p.common.open_quote);
        out.push_str(title);
        out.push_str(p.common.close_quote);
    }
}

/// What an observation or écart belongs to, in words.
pub(crate) fn source_label(source: Source, title: &str, language: Language) -> String {
    let mut out = String::with_capacity(title.len() + 48);
    push_source_label(&mut out, source, title, language);
    out
}

/// Writes one observation's line: what it belongs to, its text, and the risk of a `PS`.
#[inline]
pub(crate) fn push_observation_line(
    line: &mut String,
    item: &ObservationItem<'_>,
    language: Language,
) {
    let p = language.phrases();
    push_source_label(line, item.source, &item.title, language);
    line.push_str(p.common.colon);
    line.push_str(&item.text);
    if let Some(risk) = &item.risk {
        line.push_str(language.engine().risk);
        line.push_str(risk);
    }
}

/// Writes the auditor's verdict of the charte graphique: `Verdict de l'auditeur : NA (Non
/// applicable).`
pub(crate) fn push_auditor_verdict(out: &mut String, v: crate::Verdict, language: Language) {
    out.push_str(language.engine().auditor_verdict);
    out.push_str(v.code());
    out.push_str(" (");
    out.push_str((language.phrases().common.verdict)(v));
    out.push_str(").");
}

/// What an écart's target is, as the source of a line.
pub(crate) fn ecart_source(target: EcartTarget) -> Source {
    match target {
        EcartTarget::Engagement(n) => Source::Engagement(n),
        EcartTarget::Management(id) => Source::Management(id),
    }
}

/// One line per écart: grade, target, finding, requirement, due date.
pub(crate) fn ecart_line(e: &Ecart<'_>, deadline_months: u32, language: Language) -> String {
    let mut line =
        String::with_capacity(e.title.len() + e.finding.len() + e.requirement.len() + 192);
    push_ecart_line(&mut line, e, deadline_months, language);
    line
}

/// Writes [`ecart_line`] into `line`. The grade is its code (`NC min`), the same in every
/// language.
pub(crate) fn push_ecart_line(
    line: &mut String,
    e: &Ecart<'_>,
    deadline_months: u32,
    language: Language,
) {
    let finding = if e.finding.is_empty() {
        language.engine().finding_not_stated
    } else {
        &e.finding
    };
    let requirement = if e.requirement.is_empty() {
        language.engine().requirement_not_stated
    } else {
        &e.requirement
    };
    line.push_str(e.grade.code());
    line.push_str(" — ");
    push_source_label(line, ecart_source(e.target), &e.title, language);
    line.push_str(language.engine().finding);
    line.push_str(finding);
    line.push_str(language.engine().requirement);
    line.push_str(requirement);
    if !e.has_fiche {
        line.push_str(language.engine().no_fiche);
    }
    if let Some(due) = e.due {
        line.push_str(language.engine().due_on);
        push_date(line, due, language);
        line.push_str(" (");
        match e.due_source {
            DueSource::Fiche => line.push_str(language.engine().due_from_fiche),
            DueSource::Policy => (language.engine().due_after)(line, deadline_months),
            DueSource::ExternalAudit => line.push_str(language.engine().due_before_external),
        }
        line.push_str(").");
    } else {
        line.push_str(language.engine().no_due);
    }
}

/// Writes the counts of each verdict: `23 C, 0 NA, 0 NC min, 0 NC Maj`. The codes are the
/// same in every language.
fn push_verdict_counts(out: &mut String, c: &VerdictCounts) {
    push_number(out, c.conforme);
    out.push_str(" C, ");
    push_number(out, c.non_applicable);
    out.push_str(" NA, ");
    push_number(out, c.nc_mineure);
    out.push_str(" NC min, ");
    push_number(out, c.nc_majeure);
    out.push_str(" NC Maj");
}

/// Writes `taux de conformité 100,0 % (23/23)`, or without a rate
/// `taux de conformité sans objet (aucun C ni NC)`.
fn push_rate(out: &mut String, rate: Option<crate::Rate>, language: Language) {
    let p = language.phrases();
    out.push_str(language.engine().rate);
    if let Some(r) = rate {
        push_rate_ratio(out, r, language);
    } else {
        out.push_str(p.common.no_rate);
        out.push_str(language.engine().no_rate_why);
    }
}

/// The sentences giving the rule that fired and each écart.
pub(crate) fn reasons(decision: &Decision<'_>, language: Language) -> Vec<String> {
    let d = decision;
    let r = &language.engine().reasons;
    let first = match d.rule {
        Rule::MajorNonconformity => (r.major)(d.major),
        Rule::MinorThresholdReached => (r.minor_threshold)(d.minor, d.minor_threshold.unwrap_or(0)),
        Rule::MinorNonconformity => (r.minor)(d.minor),
        Rule::NoNonconformity => r.none.to_owned(),
    };
    let mut out = Vec::with_capacity(d.ecarts.len() + 1);
    out.push(first);
    out.extend(
        d.ecarts
            .iter()
            .map(|e| ecart_line(e, d.deadline_months_for(e.grade), language)),
    );
    out
}

/// Writes how many of the listed items were assessed, their counts and their rate:
/// `23 engagements évalués sur 23 : 23 C, … ; taux de conformité 100,0 % (23/23).`, or
/// `23 of 23 engagements assessed: 23 C, …; conformity rate 100.0% (23/23).`
fn push_assessed(out: &mut String, noun: &str, tally: &Tally, language: Language) {
    let p = language.phrases();
    let counts = &tally.counts;
    let assessed = counts.assessed();
    let listed = assessed.saturating_add(counts.not_assessed);
    (language.engine().assessed)(out, assessed, listed, noun);
    push_verdict_counts(out, counts);
    out.push_str(p.common.semicolon);
    push_rate(out, tally.rate, language);
    out.push('.');
}

/// Writes the audit named in words: type, site, dates. The punctuation around the site
/// (`, `, ` (`, `), `) is the same in every language.
fn push_audit_phrase(out: &mut String, audit: &Audit, language: Language) {
    let p = language.phrases();
    (language.engine().audit_kind)(out, audit.kind.internal, audit.kind.audit_type);
    let site = &audit.site;
    out.push_str(p.common.colon);
    out.push_str(crate::i18n::site_name(site, language));
    out.push_str(", ");
    out.push_str(&site.city);
    out.push_str(" (");
    out.push_str(site.departement.as_str());
    out.push_str("), ");
    if audit.dates.start == audit.dates.end {
        out.push_str(language.engine().on);
        push_date(out, audit.dates.start, language);
    } else {
        out.push_str(language.engine().from);
        push_date(out, audit.dates.start, language);
        out.push_str(language.engine().to);
        push_date(out, audit.dates.end, language);
    }
    out.push('.');
}

/// The lines of CONCLUSION GENERALE: facts only.
pub(crate) fn conclusion_generale(
    audit: &Audit,
    scores: &Scores<'_>,
    decision: &Decision<'_>,
    language: Language,
) -> Lines {
    let l = language;
    let p = l.phrases();
    let mut lines = Lines::with_capacity(7, 1024);
    push_audit_phrase(lines.buffer(), audit, l);
    lines.end_line();

    let line = lines.buffer();
    if scores.modules.is_empty() {
        line.push_str(language.engine().no_module);
    } else {
        line.push_str(language.engine().modules_covered);
        for (i, mgmt) in scores.modules.iter().enumerate() {
            if i > 0 {
                line.push_str(p.common.semicolon);
            }
            push_number(line, mgmt.module.get().into());
            if !mgmt.title.is_empty() {
                line.push_str(" – ");
                line.push_str(&mgmt.title);
            }
        }
        line.push('.');
    }
    lines.end_line();

    push_assessed(
        lines.buffer(),
        language.engine().engagements,
        &scores.overall,
        l,
    );
    lines.end_line();

    let line = lines.buffer();
    line.push_str(language.engine().management);
    push_assessed(line, language.engine().items, &scores.management.total, l);
    lines.end_line();

    let line = lines.buffer();
    line.push_str(language.engine().remote_checks);
    (language.engine().remote_counts)(line, &scores.remote_total);
    line.push('.');
    lines.end_line();

    (language.engine().observation_counts)(lines.buffer(), &scores.observations);
    lines.end_line();

    let line = lines.buffer();
    line.push_str(if audit.kind.internal {
        language.engine().indicative_decision
    } else {
        language.engine().decision
    });
    line.push_str(decision.outcome.label(l));
    if decision.outcome != Outcome::Favorable {
        // The counts by code, the same in every language.
        line.push_str(" (");
        push_number(line, decision.minor);
        line.push_str(" NC min, ");
        push_number(line, decision.major);
        line.push_str(" NC Maj)");
    }
    if decision.outcome == Outcome::FavorableWithConditions {
        if let Some(due) = decision
            .ecarts
            .iter()
            .filter(|e| e.grade == NcGrade::Minor)
            .filter_map(|e| e.due)
            .max()
        {
            line.push_str(language.engine().due_by);
            push_date(line, due, l);
        }
    }
    line.push('.');
    lines.end_line();
    lines
}
