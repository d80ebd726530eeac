//! The comparison written out: a [document](crate::report) of a heading per section and a
//! bullet per change, written by the report's writers as plain text, Markdown or HTML.

use std::borrow::Cow;

use super::{ComparedAudit, Comparison, Figures, NcStatus, ObservationFate, Place};
use crate::i18n::push_number;
use crate::report::document::{Block, Document, Inline, List, ListStyle, SectionKind, Spans};
use crate::report::{html, markdown, text};
use crate::{Language, NcGrade, Verdict};

impl Place {
    fn label(&self, language: Language) -> String {
        let p = language.phrases();
        let mut out = String::with_capacity(48);
        match self {
            Place::Engagement(n) => {
                out.push_str(super::phrases::of(language).engagement);
                push_number(&mut out, u32::from(n.get()));
            }
            Place::Management(id) => {
                out.push_str((p.common.management_section)(id.section));
                out.push_str(super::phrases::of(language).item);
                push_number(&mut out, u32::from(id.item));
            }
            Place::Remote(channel, n) => {
                out.push_str(super::phrases::of(language).remote);
                out.push_str((p.common.remote_channel)(*channel));
                out.push_str(super::phrases::of(language).remote_engagement);
                push_number(&mut out, u32::from(n.get()));
            }
        }
        out
    }
}

fn figures_label(figures: Option<&Figures>, internal: bool, language: Language) -> String {
    match figures {
        None => super::phrases::of(language).not_covered.to_owned(),
        Some(s) => {
            let mut out = crate::engine::phrases::rate_text(s.rate, language);
            out.push_str(", ");
            out.push_str((language.engine().outcome)(s.outcome));
            if internal {
                out.push_str(language.phrases().common.indicative);
            }
            out
        }
    }
}

/// The texts of `list`, each quoted.
fn texts(list: &[String], language: Language) -> String {
    let c = super::phrases::of(language);
    let mut out = String::with_capacity(list.iter().map(|t| t.len() + 8).sum());
    for (i, t) in list.iter().enumerate() {
        if i > 0 {
            out.push_str(c.separator);
        }
        out.push_str(c.open_quote);
        out.push_str(t);
        out.push_str(c.close_quote);
    }
    out
}

/// `before → after`.
/// `Avant : Préfecture, TOULON (83) — audit interne … — 18/11/2019` (the dates once for a
/// one-day audit, `du … au …` otherwise, in the report's wording).
fn audit_line(label: &str, audit: &ComparedAudit, language: Language) -> String {
    let p = language.phrases();
    let site = &audit.site;
    let mut line = String::with_capacity(96);
    line.push_str(label);
    line.push_str((p.common.administration)(site.administration));
    line.push_str(", ");
    line.push_str(&site.city);
    line.push_str(" (");
    line.push_str(site.departement.as_str());
    line.push_str(") — ");
    (language.engine().audit_kind)(&mut line, audit.kind.internal, audit.kind.audit_type);
    line.push_str(" — ");
    crate::i18n::push_date(&mut line, audit.dates.start, language);
    if audit.dates.end != audit.dates.start {
        line.push_str(" → ");
        crate::i18n::push_date(&mut line, audit.dates.end, language);
    }
    line
}

fn arrow(before: &str, after: &str) -> String {
    let mut out = String::with_capacity(before.len() + after.len() + 5);
    out.push_str(before);
    out.push_str(" → ");
    out.push_str(after);
    out
}

impl Comparison {
    /// The sections of the rendered comparison: a heading and its lines, each naming one change.
    /// Sections without change are left out; the first always states the scope and decisions.
    fn sections(&self, language: Language) -> Vec<(&'static str, Vec<String>)> {
        let l = language;
        let p = l.phrases();
        let c = super::phrases::of(language);
        // What comes between a label and its value, in the language's typography.
        let colon = p.common.colon;
        let mut out = Vec::new();
        let mut scope = Vec::new();
        for (label, audit) in c.audits.iter().zip([&self.audits.0, &self.audits.1]) {
            scope.push(audit_line(label, audit, l));
        }
        if !self.same_site {
            scope.push(c.different_sites.to_owned());
        }
        if self.audits.1.dates.start < self.audits.0.dates.start {
            scope.push(c.reversed_dates.to_owned());
        }
        let (rb, ra) = &self.scope.referentiels;
        if self.scope.same_referentiel {
            scope.push(format!("{}{ra}", c.referentiel));
        } else {
            scope.push(format!(
                "{}{}{colon}{}",
                c.different_referentiels,
                arrow(rb, ra),
                c.shared_only
            ));
            if !self.scope.excluded.is_empty() {
                let list: Vec<String> = self
                    .scope
                    .excluded
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                scope.push(format!("{}{}", c.not_compared, list.join(", ")));
            }
        }
        // An internal audit's outcome is indicative: only the external audit decides.
        let (ob, oa) = self.outcome;
        let outcome = |o, audit: &ComparedAudit| {
            let mut out = (language.engine().outcome)(o).to_owned();
            if audit.kind.internal {
                out.push_str(p.common.indicative);
            }
            out
        };
        let (before, after) = (outcome(ob, &self.audits.0), outcome(oa, &self.audits.1));
        scope.push(format!("{}{}", c.decision, arrow(&before, &after)));
        out.push((c.scope, scope));

        let modules: Vec<String> = self
            .modules
            .iter()
            .filter(|m| m.before != m.after)
            .map(|m| {
                format!(
                    "{}{}{colon}{}",
                    language.report().module,
                    m.module,
                    arrow(
                        &figures_label(m.before.as_ref(), self.audits.0.kind.internal, l),
                        &figures_label(m.after.as_ref(), self.audits.1.kind.internal, l)
                    )
                )
            })
            .collect();
        out.push((c.modules, modules));

        let verdict = |v: Option<Verdict>| v.map_or(c.not_assessed, Verdict::code);
        let engagements: Vec<String> = self
            .changed_engagements()
            .map(|e| {
                format!(
                    "{}{} {}{}{}{colon}{} ({})",
                    language.engine().engagement,
                    e.engagement,
                    c.open_quote,
                    e.title,
                    c.close_quote,
                    arrow(verdict(e.before), verdict(e.after)),
                    (c.change)(e.change)
                )
            })
            .collect();
        out.push((c.engagements, engagements));

        let ncs: Vec<String> = self
            .nonconformities
            .iter()
            .filter(|n| n.status != NcStatus::Persistent || n.before != n.after)
            .map(|n| {
                let grade = |g: Option<NcGrade>| g.map_or("—", NcGrade::code);
                format!(
                    "{}{colon}{} ({})",
                    n.target,
                    arrow(grade(n.before), grade(n.after)),
                    (c.nc_status)(n.status)
                )
            })
            .collect();
        out.push((c.nonconformities, ncs));

        for (heading, list) in [
            (c.points_sensibles, &self.points_sensibles),
            (c.pistes_de_progres, &self.pistes_de_progres),
        ] {
            let lines = list
                .iter()
                .filter(|o| o.status != ObservationFate::Persistent)
                .map(|o| {
                    let text = match o.status {
                        ObservationFate::New => &o.after,
                        _ => &o.before,
                    };
                    format!(
                        "{}{colon}{} — {}",
                        o.place.label(l),
                        o.status.label(l),
                        texts(text, l)
                    )
                })
                .collect();
            out.push((heading, lines));
        }
        let open: Vec<String> = self
            .points_sensibles
            .iter()
            .map(|o| (o, "PS"))
            .chain(self.pistes_de_progres.iter().map(|o| (o, "PP")))
            .filter(|(o, _)| o.status == ObservationFate::Persistent)
            .map(|(o, kind)| {
                format!(
                    "{}{colon}{kind} {} — {}",
                    o.place.label(l),
                    o.status.label(l),
                    texts(&o.after, l)
                )
            })
            .collect();
        if !open.is_empty() {
            out.push((c.still_open, open));
        }
        out.retain(|(_, lines)| !lines.is_empty());
        out
    }

    /// The comparison as a document: its title, then a section per heading, a bullet per
    /// change.
    fn document(&self, language: Language) -> Document<'static> {
        let title = super::phrases::of(language).title;
        let mut blocks = Vec::with_capacity(8);
        blocks.push(Block::plain_heading(1, title));
        for (heading, lines) in self.sections(language) {
            blocks.push(Block::section(
                SectionKind::Part,
                vec![
                    Block::plain_heading(2, heading),
                    Block::List(List {
                        style: ListStyle::Plain,
                        items: {
                            let mut items = Spans::with_capacity(lines.len(), lines.len());
                            for line in lines {
                                items.span([Inline::text(line)]);
                            }
                            items
                        },
                    }),
                ],
            ));
        }
        Document::new(Cow::Borrowed(title), language, blocks)
    }

    /// The comparison as plain text: one line per change, by section.
    #[must_use]
    pub fn to_text(&self, language: Language) -> String {
        text::write(&self.document(language), 1024)
    }

    /// The comparison as one self-contained HTML page (the shell and style of
    /// [`html::page`]): a heading per section, a list item per change; every text is escaped.
    #[must_use]
    pub fn to_html(&self, language: Language) -> String {
        html::write(&self.document(language), 8 * 1024)
    }

    /// The comparison as Markdown: a heading per section, a bullet per change.
    #[must_use]
    pub fn to_markdown(&self, language: Language) -> String {
        markdown::write(&self.document(language), 1024)
    }
}
