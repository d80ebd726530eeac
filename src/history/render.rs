//! The history written out as text, Markdown or one HTML page: a heading per part, a line per
//! audit, écart or observation, and the engagement grid as a table (in HTML, cells coloured by
//! verdict through CSS classes). Every text from the audits is escaped (HTML, Markdown).

use super::{FollowUp, History, HistoryAudit, Trend};
use crate::engine::phrases::rate_text;
use crate::i18n::push_date;
use crate::{EcartTarget, Language, Source, Verdict};

/// A row of the grid: the engagement, and per audit its verdict and the cell's text.
/// A row of the grid: the engagement, and per audit the verdict, the cell's text (verdict,
/// kinds of observations, trend) and the observations' texts (a tooltip in HTML).
type GridLine = (String, Vec<(Option<Verdict>, String, String)>);

/// One part of the rendering.
enum Part {
    Heading(String),
    Lines(Vec<String>),
    /// Column heads, then rows: the engagement, and per audit the verdict and the cell text.
    Grid(Vec<String>, Vec<GridLine>),
}

fn date(d: chrono::NaiveDate, language: Language) -> String {
    let mut out = String::with_capacity(10);
    push_date(&mut out, d, language);
    out
}

fn column(audit: &HistoryAudit, language: Language) -> String {
    let h = super::phrases::of(language);
    let mut out = date(audit.dates.start, language);
    out.push(' ');
    out.push_str((h.short_kind)(audit.kind.internal, audit.kind.audit_type));
    out
}

fn target(t: EcartTarget, language: Language) -> String {
    let h = super::phrases::of(language);
    match t {
        EcartTarget::Engagement(n) => format!("{}{n}", h.engagement),
        EcartTarget::Management(id) => format!(
            "{}{} {}",
            h.management,
            (language.phrases().common.management_section)(id.section),
            id.item
        ),
    }
}

/// `Engagement 3, audit à distance (Internet)` and the like.
fn source(s: Source, language: Language) -> String {
    match s {
        Source::Engagement(n) => target(EcartTarget::Engagement(n), language),
        Source::Management(id) => target(EcartTarget::Management(id), language),
        Source::Remote {
            channel,
            engagement,
        } => {
            let e = language.engine();
            let mut out = String::from(e.remote_check);
            out.push_str((language.phrases().common.remote_channel)(channel));
            out.push_str(e.remote_engagement);
            out.push_str(&engagement.to_string());
            out
        }
    }
}

impl History {
    fn audit_at(&self, index: Option<usize>, language: Language) -> String {
        let h = super::phrases::of(language);
        index
            .and_then(|i| self.audits.get(i))
            .map(|a| format!("{}{}", h.at_audit_of, date(a.dates.start, language)))
            .unwrap_or_default()
    }

    fn parts(&self, language: Language) -> Vec<Part> {
        let p = language.phrases();
        let h = super::phrases::of(language);
        let mut parts = Vec::new();
        let mut title = h.title.to_owned();
        if let Some(site) = &self.site {
            title.push_str(" — ");
            // The site's own name when the data has one (« PREFECTURE du Var »), else the kind
            // of administration; then the city where the audit took place.
            if let Some(name) = &site.name {
                title.push_str(name);
                title.push_str(", ");
            } else {
                title.push_str((p.common.administration)(site.administration));
                title.push(' ');
            }
            title.push_str(&site.city);
            title.push_str(" (");
            title.push_str(site.departement.as_str());
            title.push(')');
        }
        parts.push(Part::Heading(title));
        // The timeline.
        parts.push(Part::Heading(h.timeline.to_owned()));
        let mut lines = Vec::new();
        for a in &self.audits {
            let mut line = format!("{} — ", date(a.dates.start, language));
            (language.engine().audit_kind)(&mut line, a.kind.internal, a.kind.audit_type);
            line.push_str(" — ");
            line.push_str(h.modules);
            let modules: Vec<String> = a.modules.iter().map(ToString::to_string).collect();
            line.push_str(&modules.join(", "));
            line.push_str(" — ");
            if !a.same_site {
                line.push_str(h.other_site);
            } else if let Some(outcome) = a.outcome {
                line.push_str(outcome.label(language));
                if a.indicative {
                    line.push_str(h.indicative);
                }
                line.push_str(h.semicolon);
                line.push_str(h.rate);
                line.push_str(&rate_text(a.rate, language));
            } else {
                line.push_str(h.invalid);
            }
            if let Some(due) = a.plan_due {
                line.push_str(h.semicolon);
                line.push_str(h.plan_due);
                line.push_str(&date(due, language));
            }
            lines.push(line);
        }
        parts.push(Part::Lines(lines));
        // The grid, then what improved or regressed.
        parts.push(Part::Heading(h.grid.to_owned()));
        let mut heads = vec![h.engagement.trim_end().to_owned()];
        heads.extend(self.audits.iter().map(|a| column(a, language)));
        let mut changes = Vec::new();
        let rows = self
            .grid
            .iter()
            .map(|row| {
                let cells = row
                    .cells
                    .iter()
                    .zip(&self.audits)
                    .map(|(cell, audit)| match cell {
                        None => (None, String::new(), String::new()),
                        Some(c) => {
                            let mut text = c.verdict.map(|v| v.to_string()).unwrap_or_default();
                            let mut notes = String::new();
                            for o in &c.observations {
                                text.push(' ');
                                text.push_str(&o.kind.to_string());
                                if !notes.is_empty() {
                                    notes.push('\n');
                                }
                                notes.push_str(&o.kind.to_string());
                                notes.push_str(h.colon);
                                notes.push_str(&o.text);
                            }
                            match c.trend {
                                Some(Trend::Improved) => text.push_str(" ↗"),
                                Some(Trend::Regressed) => text.push_str(" ↘"),
                                _ => {}
                            }
                            if let (Some(t @ (Trend::Improved | Trend::Regressed)), Some(v)) =
                                (c.trend, c.verdict)
                            {
                                changes.push(format!(
                                    "{}{}{}{} ({v}){}{}",
                                    h.engagement,
                                    row.engagement,
                                    h.colon,
                                    (h.trend)(t),
                                    h.at_audit_of,
                                    date(audit.dates.start, language)
                                ));
                            }
                            (c.verdict, text, notes)
                        }
                    })
                    .collect();
                (format!("{} {}", row.engagement, row.title), cells)
            })
            .collect();
        parts.push(Part::Grid(heads, rows));
        parts.push(Part::Heading(h.changes.to_owned()));
        if changes.is_empty() {
            changes.push(h.nothing.to_owned());
        }
        parts.push(Part::Lines(changes));
        // Écarts.
        parts.push(Part::Heading(h.ecarts.to_owned()));
        let mut lines: Vec<String> = self
            .ecarts
            .iter()
            .map(|e| {
                let found = self
                    .audits
                    .get(e.audit)
                    .map(|a| date(a.dates.start, language))
                    .unwrap_or_default();
                let mut line = format!(
                    "{}{} — {} ({}), {}{found}{}{}{}",
                    h.number,
                    e.number,
                    target(e.target, language),
                    e.grade,
                    h.audit_of,
                    h.colon,
                    e.status.label(language),
                    self.audit_at(e.next, language),
                );
                if let Some(v) = e.next_verdict {
                    line.push_str(" (");
                    line.push_str(v.code());
                    line.push(')');
                }
                if let Some(due) = e.due {
                    line.push_str(h.semicolon);
                    line.push_str(h.due);
                    line.push_str(&date(due, language));
                    if e.overdue {
                        line.push_str(h.overdue);
                    }
                }
                if let Some(status) = &e.fiche_status {
                    line.push_str(h.semicolon);
                    line.push_str((h.fiche)(status));
                }
                line
            })
            .collect();
        if lines.is_empty() {
            lines.push(h.nothing.to_owned());
        }
        parts.push(Part::Lines(lines));
        // Observations.
        parts.push(Part::Heading(h.observations.to_owned()));
        let mut lines: Vec<String> = self
            .observations
            .iter()
            .map(|o| {
                let found = self
                    .audits
                    .get(o.audit)
                    .map(|a| date(a.dates.start, language))
                    .unwrap_or_default();
                let mut line = format!(
                    "{}{} — {} {}, {}{found}{}{}{}{}{}{}{}",
                    h.number,
                    o.number,
                    o.kind,
                    source(o.source, language),
                    h.audit_of,
                    h.colon,
                    o.status.label(language),
                    self.audit_at(o.next, language),
                    h.semicolon,
                    h.open_quote,
                    o.text,
                    h.close_quote
                );
                if let Some(risk) = &o.risk {
                    line.push_str(h.semicolon);
                    line.push_str(h.risk);
                    line.push_str(h.open_quote);
                    line.push_str(risk);
                    line.push_str(h.close_quote);
                }
                line
            })
            .collect();
        if lines.is_empty() {
            lines.push(h.nothing.to_owned());
        }
        parts.push(Part::Lines(lines));
        // What is still open at the date.
        let open: Vec<String> = self
            .ecarts
            .iter()
            .filter(|e| !e.status.is_done() && e.status != FollowUp::Persistent)
            .map(|e| format!("{}{} — {}", h.number, e.number, target(e.target, language)))
            .chain(
                self.observations
                    .iter()
                    .filter(|o| !o.status.is_done() && o.status != FollowUp::Persistent)
                    .map(|o| {
                        format!(
                            "{}{} — {} {}",
                            h.number,
                            o.number,
                            o.kind,
                            source(o.source, language)
                        )
                    }),
            )
            .collect();
        parts.push(Part::Heading(h.still_open.to_owned()));
        parts.push(Part::Lines(if open.is_empty() {
            vec![h.nothing.to_owned()]
        } else {
            open
        }));
        // The label.
        let s = &self.status;
        parts.push(Part::Heading(format!(
            "{}{}",
            h.label,
            date(s.at, language)
        )));
        let mut lines = vec![format!("{}{}", h.state_label, s.state.label(language))];
        if let Some(from) = s.label_from {
            let decided = s
                .labelling_audit
                .and_then(|i| self.audits.get(i))
                .is_some_and(|a| a.labelling.is_some());
            let [with, without] = h.label_from_decision;
            lines.push(format!(
                "{}{}{}",
                h.label_from,
                date(from, language),
                if decided { with } else { without }
            ));
        }
        for m in &s.modules {
            lines.push(format!(
                "Module {}{}{}{}{}{}",
                m.module,
                h.colon,
                h.since,
                date(m.since, language),
                h.until,
                date(m.until, language)
            ));
        }
        if let Some(next) = s.next {
            let mut line = format!("{}{}, ", h.next, (h.next_kind)(next.audit_type));
            if let Some(from) = next.window_start {
                line.push_str(&date(next.due, language));
                line.push_str(h.window);
                line.push_str(&date(from, language));
                line.push_str(h.window_to);
                line.push_str(&date(next.window_end, language));
            } else {
                line.push_str(h.before);
                line.push_str(&date(next.due, language));
            }
            if next.overdue {
                line.push_str(h.overdue);
            }
            lines.push(line);
        }
        lines.push(self.cycle.note(language));
        parts.push(Part::Lines(lines));
        // Diagnostics.
        parts.push(Part::Heading(h.diagnostics.to_owned()));
        let mut lines: Vec<String> = self
            .diagnostics
            .iter()
            .map(|d| d.to_string_in(language))
            .collect();
        if lines.is_empty() {
            lines.push(h.nothing.to_owned());
        }
        parts.push(Part::Lines(lines));
        parts
    }

    /// The history as plain text, in `language`.
    ///
    /// ```
    /// use qualepref::{Audit, History, HistoryOptions, Language, Referentiel, samples};
    /// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
    /// let history = History::new([audit], Referentiel::qual_e_pref_2019(), &HistoryOptions::default());
    /// assert!(history.to_text(Language::Fr).starts_with("HISTORIQUE DES AUDITS — PREFECTURE DU VAR, TOULON (83)\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_text(&self, language: Language) -> String {
        let mut out = String::with_capacity(8192);
        for (i, part) in self.parts(language).into_iter().enumerate() {
            match part {
                Part::Heading(text) => {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str(&text.to_uppercase());
                    out.push('\n');
                }
                Part::Lines(lines) => {
                    for line in lines {
                        out.push_str("- ");
                        out.push_str(&line);
                        out.push('\n');
                    }
                }
                Part::Grid(heads, rows) => {
                    out.push_str(&heads.join(" | "));
                    out.push('\n');
                    for (name, cells) in rows {
                        out.push_str(&name);
                        for (_, text, _) in cells {
                            out.push_str(" | ");
                            out.push_str(if text.is_empty() { "—" } else { &text });
                        }
                        out.push('\n');
                    }
                }
            }
        }
        out
    }

    /// The history as Markdown, in `language`: texts from the audits are escaped.
    #[must_use]
    pub fn to_markdown(&self, language: Language) -> String {
        use crate::report::markdown::escape;
        let mut out = String::with_capacity(8192);
        for (i, part) in self.parts(language).into_iter().enumerate() {
            match part {
                Part::Heading(text) => {
                    if i > 0 && !out.ends_with("\n\n") {
                        out.push('\n');
                    }
                    out.push_str(if i == 0 { "# " } else { "## " });
                    out.push_str(&escape(&text));
                    out.push_str("\n\n");
                }
                Part::Lines(lines) => {
                    for line in lines {
                        out.push_str("- ");
                        out.push_str(&escape(&line));
                        out.push('\n');
                    }
                }
                Part::Grid(heads, rows) => {
                    // `escape` already writes a table's pipe as `\|`.
                    let cell = |t: &str| escape(t);
                    out.push('|');
                    for head in &heads {
                        out.push(' ');
                        out.push_str(&cell(head));
                        out.push_str(" |");
                    }
                    out.push_str("\n|");
                    out.push_str(&"---|".repeat(heads.len()));
                    out.push('\n');
                    for (name, cells) in rows {
                        out.push_str("| ");
                        out.push_str(&cell(&name));
                        out.push_str(" |");
                        for (_, text, _) in cells {
                            out.push(' ');
                            out.push_str(&cell(&text));
                            out.push_str(" |");
                        }
                        out.push('\n');
                    }
                }
            }
        }
        out
    }

    /// The history as one self-contained HTML page, in `language`: the grid's cells carry the
    /// class of their verdict (`v-c`, `v-na`, `v-nc-min`, `v-nc-maj`), every text is escaped.
    #[must_use]
    pub fn to_html(&self, language: Language) -> String {
        use crate::report::html::escape;
        let mut out = String::with_capacity(16384);
        let parts = self.parts(language);
        let title = match parts.first() {
            Some(Part::Heading(t)) => t.clone(),
            _ => String::new(),
        };
        out.push_str("<!DOCTYPE html>\n<html lang=\"");
        out.push_str(language.code());
        out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
        out.push_str(&escape(&title));
        out.push_str("</title>\n<style>\n");
        out.push_str(STYLE);
        out.push_str("</style>\n</head>\n<body>\n");
        for (i, part) in parts.into_iter().enumerate() {
            match part {
                Part::Heading(text) => {
                    out.push_str(if i == 0 { "<h1>" } else { "<h2>" });
                    out.push_str(&escape(&text));
                    out.push_str(if i == 0 { "</h1>\n" } else { "</h2>\n" });
                }
                Part::Lines(lines) => {
                    out.push_str("<ul>\n");
                    for line in lines {
                        out.push_str("<li>");
                        out.push_str(&escape(&line));
                        out.push_str("</li>\n");
                    }
                    out.push_str("</ul>\n");
                }
                Part::Grid(heads, rows) => {
                    out.push_str("<table class=\"grid\">\n<thead><tr>");
                    for head in &heads {
                        out.push_str("<th>");
                        out.push_str(&escape(head));
                        out.push_str("</th>");
                    }
                    out.push_str("</tr></thead>\n<tbody>\n");
                    for (name, cells) in rows {
                        out.push_str("<tr><th scope=\"row\">");
                        out.push_str(&escape(&name));
                        out.push_str("</th>");
                        for (verdict, text, notes) in cells {
                            out.push_str("<td class=\"");
                            out.push_str(match verdict {
                                Some(Verdict::Conformity) => "v-c",
                                Some(Verdict::NotApplicable) => "v-na",
                                Some(Verdict::MinorNonconformity) => "v-nc-min",
                                Some(Verdict::MajorNonconformity) => "v-nc-maj",
                                None => "v-none",
                            });
                            out.push('"');
                            if !notes.is_empty() {
                                out.push_str(" title=\"");
                                out.push_str(&escape(&notes));
                                out.push('"');
                            }
                            out.push('>');
                            out.push_str(&escape(&text));
                            out.push_str("</td>");
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</tbody>\n</table>\n");
                }
            }
        }
        out.push_str("</body>\n</html>\n");
        out
    }
}

/// The page's style: the grid coloured by verdict.
const STYLE: &str = "\
body { font-family: sans-serif; max-width: 70em; margin: 2em auto; line-height: 1.4; }
table.grid { border-collapse: collapse; }
table.grid th, table.grid td { border: 1px solid #999; padding: 0.2em 0.5em; }
table.grid th[scope=row] { text-align: left; font-weight: normal; }
td.v-c { background: #d8f0d8; }
td.v-na { background: #eeeeee; }
td.v-nc-min { background: #ffe8b0; }
td.v-nc-maj { background: #f8c0c0; }
td.v-none { background: #ffffff; }
";
