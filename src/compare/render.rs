//! The comparison written out: a [document](crate::report) of a heading per section and a
//! bullet per change, written by the report's writers as plain text, Markdown or HTML.

use std::borrow::Cow;

use super::{Comparison, FollowUp, NcStatus, Place, Standing};
use crate::report::document::{Block, Document, Inline, List, ListStyle, SectionKind, Spans};
use crate::report::{html, markdown, text};
use crate::{Language, NcGrade, Outcome, Verdict};

impl Place {
    fn label(&self, language: Language) -> String {
        match self {
            Place::Engagement(n) => format!("{} {n}", language.pick("engagement", "engagement")),
            Place::Management(id) => {
                let heading = match language {
                    Language::Fr => id.section.heading(),
                    _ => id.section.heading_en(),
                };
                format!("{heading}, {} {}", language.pick("point", "item"), id.item)
            }
            Place::Remote(channel, n) => {
                let channel = match language {
                    Language::Fr => channel.label_fr(),
                    _ => channel.label_en(),
                };
                format!(
                    "{} ({channel}), engagement {n}",
                    language.pick("audit à distance", "remote audit")
                )
            }
        }
    }
}

fn outcome_label(outcome: Outcome, language: Language) -> &'static str {
    match language {
        Language::Fr => outcome.label_fr(),
        _ => outcome.label_en(),
    }
}

fn verdict_label(verdict: Option<Verdict>, language: Language) -> &'static str {
    verdict.map_or(language.pick("non évalué", "not assessed"), Verdict::code)
}

fn standing_label(standing: Option<&Standing>, language: Language) -> String {
    match standing {
        None => language.pick("non couvert", "not covered").to_owned(),
        Some(s) => {
            let rate = s.rate.map_or_else(
                || language.pick("sans taux", "no rate").to_owned(),
                |r| {
                    format!(
                        "{} ({}/{})",
                        r.display(language),
                        r.numerator,
                        r.denominator
                    )
                },
            );
            format!("{rate}, {}", outcome_label(s.outcome, language))
        }
    }
}

fn texts(list: &[String]) -> String {
    list.iter()
        .map(|t| format!("« {t} »"))
        .collect::<Vec<_>>()
        .join(" ; ")
}

impl Comparison {
    /// The sections of the rendered comparison: a heading and its lines, each naming one change.
    /// Sections without change are left out; the first always states the scope and decisions.
    fn sections(&self, language: Language) -> Vec<(&'static str, Vec<String>)> {
        let l = language;
        let mut out = Vec::new();
        let mut scope = Vec::new();
        let (rb, ra) = &self.scope.referentiels;
        if self.scope.same_referentiel {
            scope.push(format!("{} : {ra}", l.pick("Référentiel", "Référentiel")));
        } else {
            scope.push(format!(
                "{} {rb} → {ra} : {}",
                l.pick("Référentiels différents", "Different référentiels"),
                l.pick(
                    "seuls les engagements communs (même numéro, même module, même intitulé) sont comparés",
                    "only the shared engagements (same number, module and title) are compared"
                )
            ));
            if !self.scope.excluded.is_empty() {
                let list: Vec<String> = self
                    .scope
                    .excluded
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                scope.push(format!(
                    "{} : {}",
                    l.pick("Engagements non comparés", "Engagements not compared"),
                    list.join(", ")
                ));
            }
        }
        let (ob, oa) = self.outcome;
        scope.push(format!(
            "{} : {} → {}",
            l.pick("Décision", "Decision"),
            outcome_label(ob, l),
            outcome_label(oa, l)
        ));
        out.push((l.pick("Périmètre et décision", "Scope and decision"), scope));

        let modules: Vec<String> = self
            .modules
            .iter()
            .filter(|m| m.before != m.after)
            .map(|m| {
                format!(
                    "Module {} : {} → {}",
                    m.module,
                    standing_label(m.before.as_ref(), l),
                    standing_label(m.after.as_ref(), l)
                )
            })
            .collect();
        out.push((l.pick("Modules", "Modules"), modules));

        let engagements: Vec<String> = self
            .changed_engagements()
            .map(|e| {
                let change = match l {
                    Language::Fr => e.change.label_fr(),
                    _ => e.change.label_en(),
                };
                format!(
                    "Engagement {} « {} » : {} → {} ({change})",
                    e.engagement,
                    e.title,
                    verdict_label(e.before, l),
                    verdict_label(e.after, l)
                )
            })
            .collect();
        out.push((l.pick("Engagements", "Engagements"), engagements));

        let ncs: Vec<String> = self
            .nonconformities
            .iter()
            .filter(|n| n.status != NcStatus::Persistent || n.before != n.after)
            .map(|n| {
                let grade = |g: Option<NcGrade>| g.map_or("—", NcGrade::code);
                let status = match n.status {
                    NcStatus::Lifted => l.pick("levée", "lifted"),
                    NcStatus::Persistent => {
                        l.pick("persistante, grade modifié", "persistent, grade changed")
                    }
                    NcStatus::New => l.pick("nouvelle", "new"),
                };
                format!(
                    "{} : {} → {} ({status})",
                    n.target,
                    grade(n.before),
                    grade(n.after)
                )
            })
            .collect();
        out.push((l.pick("Non-conformités", "Nonconformities"), ncs));

        for (heading, list, closed, new) in [
            (
                l.pick("Points sensibles", "Points sensibles"),
                &self.points_sensibles,
                l.pick("résolu", "resolved"),
                l.pick("nouveau", "new"),
            ),
            (
                l.pick("Pistes de progrès", "Pistes de progrès"),
                &self.pistes_de_progres,
                l.pick("suivie", "followed up"),
                l.pick("nouvelle", "new"),
            ),
        ] {
            let lines = list
                .iter()
                .filter(|o| o.status != FollowUp::Open)
                .map(|o| {
                    let (status, text) = match o.status {
                        FollowUp::Closed => (closed, &o.before),
                        _ => (new, &o.after),
                    };
                    format!("{} : {status} — {}", o.place.label(l), texts(text))
                })
                .collect();
            out.push((heading, lines));
        }
        let open: Vec<String> = self
            .points_sensibles
            .iter()
            .chain(&self.pistes_de_progres)
            .filter(|o| o.status == FollowUp::Open)
            .map(|o| o.place.label(l))
            .collect();
        if !open.is_empty() {
            out.push((
                l.pick(
                    "Toujours ouverts (sans changement)",
                    "Still open (unchanged)",
                ),
                vec![open.join(" ; ")],
            ));
        }
        out.retain(|(_, lines)| !lines.is_empty());
        out
    }

    /// The comparison as a document: its title, then a section per heading, a bullet per
    /// change.
    fn document(&self, language: Language) -> Document<'static> {
        let title = language.pick("Comparaison de deux audits", "Comparison of two audits");
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
        Document {
            title: Cow::Borrowed(title),
            language,
            blocks,
        }
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
