//! HTML rendering of the whole report: one self-contained HTML5 file, with the same content and
//! wording as the [Markdown report](crate::report::markdown), plus a summary band and a chart.
//!
//! The file holds, in order: the cover page (site, administration, département, city, modules
//! covered, audit type, référentiel, dates, auditors); a summary band (the decision in words, the
//! conformity rate, the verdict and observation counts, and an inline SVG chart of the verdicts
//! and observations per module, its numbers also written as text and in a table); the context; a
//! table per module (and per channel group of module 1) with each engagement's number and title,
//! its observations (`PF`, `PS`, `PP`) and its verdict; the management sections; the three
//! remote-audit sections; the synthesis (section 4, generated and auditor's texts); the decision
//! with its reasons and the fiches d'écart with their due dates.
//!
//! - **Self-contained**: one inline stylesheet; no script, font, image or stylesheet from
//!   elsewhere, so the file works offline and can be archived as is.
//! - **Printable**: `@page` is A4, rows do not break across pages and table headers repeat on
//!   each page.
//! - **Accessible**: `lang` on `<html>`, headings `h1`–`h3` in order, tables with a `<caption>`
//!   and `<th scope>`, verdicts written as text (`C`, `NC min`…) beside a colour badge, the chart
//!   with `role="img"`, `<title>` and `<desc>`, colours of WCAG AA contrast.
//! - **Safe**: every text from the audit or the référentiel goes through [`escape`].
//! - **Deterministic**: the same inputs give byte-identical output.
//!
//! Each engagement row carries `class="engagement"` and `data-engagement="N"`, so tools can find
//! and count them. [`page`] is the HTML shell with its stylesheet, for other HTML outputs.
//!
//! ```
//! use qualepref::{conclude, render_html, samples, Audit, Language, Policy, Referentiel, Valid};
//! use qualepref::validate::ValidationOptions;
//!
//! let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default())
//!     .map_err(|_| "invalid")?;
//! let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
//! let html = render_html(&valid, &conclusions);
//! assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
//! assert_eq!(html.matches("class=\"engagement\"").count(), 23);
//! assert!(html.contains("Avis favorable"));
//! assert!(!html.contains("<script"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::fmt::Write as _;

use strum::IntoEnumIterator;

use crate::engine::score::{ModuleScore, ObservationCounts, VerdictCounts};
use crate::engine::synthesis::{Section, nothing};
use crate::i18n::{self, date, words};
use crate::{
    Audit, Conclusions, EngagementNumber, Language, ManagementSection, Observation, Outcome,
    Referentiel, RemoteChannel, Tally, Valid, Verdict,
};

/// Escapes text for HTML content and attribute values: `&`, `<`, `>`, `"` and `'` become
/// `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`. Text without them is borrowed as is.
///
/// ```
/// use qualepref::report::html::escape;
/// assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
/// assert!(matches!(escape("plain"), std::borrow::Cow::Borrowed("plain")));
/// ```
#[must_use]
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Escaped data text, a line break inside it kept as `<br>`.
fn text(s: &str) -> String {
    let e = escape(s);
    if e.contains(['\n', '\r']) {
        e.replace("\r\n", "\n")
            .replace('\r', "\n")
            .replace('\n', "<br>")
    } else {
        e.into_owned()
    }
}

const STYLE: &str = r#"@page { size: A4; margin: 15mm 14mm 16mm; }
:root { --ink: #1a1a1a; --muted: #4a4a4a; --rule: #b8b8b8; --band: #eef2f7; --head: #e3e8ef; }
* { box-sizing: border-box; }
html { color: var(--ink); background: #ffffff; font: 15px/1.45 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; }
body { margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
h1 { font-size: 1.9rem; margin: 0 0 .3rem; letter-spacing: .02em; }
h2 { font-size: 1.35rem; margin: 2rem 0 .7rem; padding-bottom: .2rem; border-bottom: 2px solid #1f3a5f; color: #1f3a5f; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: .4rem 0; }
.site { font-size: 1.15rem; margin: 0 0 1rem; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; caption-side: top; }
th, td { border: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--head); }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tbody th { font-weight: normal; }
table.report th[scope="row"] { width: 38%; }
table.report td.verdict { width: 8.5rem; white-space: nowrap; }
table.cover th[scope="row"] { width: 30%; background: var(--band); font-weight: bold; }
td p { margin: 0 0 .3rem; }
td p:last-child { margin-bottom: 0; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: .05rem .45rem; border-radius: .7rem; border: 1px solid; font-weight: bold; font-size: .85rem; white-space: nowrap; }
.badge::before { content: ""; display: inline-block; width: .6rem; height: .6rem; border-radius: 50%; margin-right: .35rem; background: currentColor; vertical-align: baseline; }
.v-c { color: #0b5a26; background: #e3f4e8; border-color: #0b5a26; }
.v-na { color: #3d3d3d; background: #efefef; border-color: #5f5f5f; }
.v-min { color: #6b4500; background: #fff3d1; border-color: #8a5a00; }
.v-maj { color: #8c1010; background: #fde3e3; border-color: #8c1010; }
.v-none { color: #3d3d3d; background: #ffffff; border-color: #5f5f5f; }
.k { font-weight: bold; }
.sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.summary { background: var(--band); border: 1px solid #c9d3e0; border-radius: .4rem; padding: .4rem 1.2rem 1rem; margin: 1.5rem 0; break-inside: avoid; }
.summary h2 { margin-top: .6rem; }
.outcome { font-size: 1.25rem; font-weight: bold; margin: .6rem 0; }
.o-favorable { color: #0b5a26; }
.o-favorable_with_conditions { color: #6b4500; }
.o-unfavorable { color: #8c1010; }
.figures { display: flex; flex-wrap: wrap; gap: .6rem; margin: .6rem 0 1rem; padding: 0; list-style: none; }
.figures li { background: #ffffff; border: 1px solid #c9d3e0; border-radius: .3rem; padding: .3rem .7rem; }
.figures b { font-size: 1.1rem; }
figure { margin: .6rem 0; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: .3rem; }
svg { max-width: 100%; height: auto; background: #ffffff; }
.tally { color: var(--muted); font-size: .9rem; }
.marker { color: var(--muted); }
code { font-size: .9em; }
@media print {
  html { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .summary { border-color: var(--rule); }
}
"#;

/// The HTML shell of the crate's reports: `<!DOCTYPE html>`, `<html lang="…">`, the `<head>`
/// with `title` (plain text, escaped here) and the inline stylesheet, then `body` (HTML, inserted
/// as is) inside `<main>`. No script, no external resource.
///
/// [`render_html`] builds its report with it; another HTML output of the crate (the comparison
/// of two audits, say) wraps its own body in it to share the look and the print layout. The
/// stylesheet styles `h1`–`h3`, tables (`<caption>`, `<thead>` repeated on print, rows that do
/// not break; `class="report"` for the three-column tables), verdict badges (`class="badge v-c"`,
/// `v-na`, `v-min`, `v-maj`, `v-none`), the summary band (`class="summary"`), `.figures`,
/// `.tally` and `.num` cells, and `class="sr"` for text only for assistive technologies.
///
/// ```
/// use qualepref::report::html::page;
/// use qualepref::Language;
///
/// let html = page("Comparaison <2019>", Language::Fr, "<h1>Comparaison</h1>\n");
/// assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">\n"));
/// assert!(html.contains("<title>Comparaison &lt;2019&gt;</title>"));
/// assert!(html.contains("<main>\n<h1>Comparaison</h1>\n</main>"));
/// assert!(!html.contains("<script"));
/// ```
#[must_use]
pub fn page(title: &str, language: Language, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + STYLE.len() + 512);
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(language.code());
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"qualepref\">\n<title>");
    out.push_str(&escape(title));
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<main>\n");
    out.push_str(body);
    out.push_str("</main>\n</body>\n</html>\n");
    out
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

    fn w(&self, words: i18n::Words) -> &'static str {
        self.language.words(words)
    }

    fn t(&self, fr: &'static str, en: &'static str) -> &'static str {
        self.language.pick(fr, en)
    }
}

fn verdict_class(v: Option<Verdict>) -> &'static str {
    match v {
        Some(Verdict::Conformity) => "v-c",
        Some(Verdict::NotApplicable) => "v-na",
        Some(Verdict::MinorNonconformity) => "v-min",
        Some(Verdict::MajorNonconformity) => "v-maj",
        None => "v-none",
    }
}

fn verdict_badge(v: Option<Verdict>) -> String {
    format!(
        "<span class=\"badge {}\">{}</span>",
        verdict_class(v),
        v.map_or("—", Verdict::code)
    )
}

fn observations_cell(comment: Option<&str>, observations: &[Observation]) -> String {
    let mut s = String::new();
    if let Some(c) = comment {
        let _ = write!(s, "<p>{}</p>", text(c));
    }
    for o in observations {
        let _ = write!(
            s,
            "<p><span class=\"k\">{}</span> : {}",
            o.kind.code(),
            text(&o.text)
        );
        if let Some(r) = &o.risk {
            let _ = write!(s, " — {}", text(r));
        }
        s.push_str("</p>");
    }
    s
}

fn tally_line(out: &mut Out, prefix: &str, tally: &Tally) {
    let c = &tally.counts;
    let mut s = format!(
        "<p class=\"tally\">{prefix}{} {} — {} C, {} NA, {} NC min, {} NC Maj",
        out.w(words::RATE),
        i18n::rate_text(tally.rate, out.language),
        c.conforme,
        c.non_applicable,
        c.nc_mineure,
        c.nc_majeure
    );
    if c.not_assessed > 0 {
        let _ = write!(s, ", {} {}", c.not_assessed, out.w(words::NOT_ASSESSED));
    }
    s.push_str(".</p>");
    out.line(&s);
}

/// Opens a three-column table. A caption that repeats the heading above is only for assistive
/// technologies (`class="sr"`), not shown twice.
fn table_head(out: &mut Out, caption: &str, repeats_heading: bool, first: &str, last: &str) {
    out.line("<table class=\"report\">");
    if repeats_heading {
        out.line(&format!("<caption class=\"sr\">{caption}</caption>"));
    } else {
        out.line(&format!("<caption>{caption}</caption>"));
    }
    out.line(&format!(
        "<thead><tr><th scope=\"col\">{first}</th><th scope=\"col\">{}</th><th scope=\"col\">{last}</th></tr></thead>",
        out.w(words::COMMENTS)
    ));
    out.line("<tbody>");
}

fn table_end(out: &mut Out) {
    out.line("</tbody>\n</table>");
}

fn cover(out: &mut Out, audit: &Audit, referentiel: &Referentiel) {
    let l = out.language;
    let site = &audit.site;
    out.line("<header>");
    out.line(&format!("<h1>{}</h1>", out.w(words::REPORT)));
    out.line(&format!(
        "<p class=\"site\"><strong>{}</strong> — {} - {}</p>",
        text(i18n::site_name(site, l)),
        text(&site.city),
        escape(site.departement.as_str())
    ));
    out.line("</header>");
    out.line("<section aria-labelledby=\"cover\">");
    out.line(&format!("<h2 id=\"cover\">{}</h2>", out.w(words::COVER)));
    out.line("<table class=\"cover\">");
    out.line(&format!(
        "<caption class=\"sr\">{}</caption>",
        out.w(words::COVER)
    ));
    out.line("<tbody>");
    let row = |out: &mut Out, k: &str, v: &str| {
        out.line(&format!("<tr><th scope=\"row\">{k}</th><td>{v}</td></tr>"));
    };
    row(
        out,
        out.w(words::ADMINISTRATION),
        i18n::administration(site.administration, l),
    );
    row(
        out,
        out.w(words::DEPARTEMENT),
        &escape(site.departement.as_str()),
    );
    row(out, out.w(words::CITY), &text(&site.city));
    let mut modules = audit.modules.clone();
    modules.sort_unstable();
    modules.dedup();
    let modules: Vec<String> = modules
        .iter()
        .map(|&m| {
            let title = referentiel.module(m).map_or("", |m| m.title.as_str());
            format!("Module {m} {}", text(title)).trim_end().to_owned()
        })
        .collect();
    row(out, out.w(words::MODULES_COVERED), &modules.join("<br>"));
    row(
        out,
        out.w(words::AUDIT_TYPE),
        &text(&i18n::audit_kind(audit, l)),
    );
    let label = audit
        .referentiel
        .label
        .as_deref()
        .map_or_else(|| text(referentiel.title()), text);
    row(
        out,
        out.w(words::REFERENTIEL),
        &format!("{label} (<code>{}</code>)", escape(&audit.referentiel.id)),
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
        .map(|a| i18n::auditor(a, l, text))
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
    out.line("</tbody>\n</table>");
    out.line("</section>");
}

/// Width of the chart's bars, in SVG units, for the largest module.
const BAR: u32 = 360;

/// One stacked bar: segments of `(count, class, code)`, scaled to `scale` for the largest total,
/// with the counts written beside it.
fn bar(svg: &mut String, y: u32, label: &str, segments: &[(u32, &str, &str)], scale: u32) {
    let _ = write!(
        svg,
        "<text x=\"0\" y=\"{}\" class=\"l\">{label}</text>",
        y + 14
    );
    let mut x = 0;
    let mut done = 0;
    for &(n, colour, _) in segments {
        let end = (done + n) * BAR / scale.max(1);
        if end > x {
            let _ = write!(
                svg,
                "<rect x=\"{}\" y=\"{y}\" width=\"{}\" height=\"20\" fill=\"{colour}\"/>",
                100 + x,
                end - x
            );
        }
        done += n;
        x = end;
    }
    let numbers: Vec<String> = segments
        .iter()
        .map(|&(n, _, code)| format!("{n} {code}"))
        .collect();
    let _ = write!(
        svg,
        "<text x=\"{}\" y=\"{}\" class=\"n\">{}</text>",
        100 + BAR + 8,
        y + 14,
        numbers.join(" · ")
    );
}

const C_COLOURS: [&str; 4] = ["#1e7b3c", "#767676", "#b06c00", "#c0282d"];
const O_COLOURS: [&str; 3] = ["#1f5fa8", "#b06c00", "#7a3fa0"];

/// The legend, right of the block's title.
fn legend(svg: &mut String, y: u32, items: &[(&str, &str)]) {
    let mut x = 280;
    for (colour, code) in items {
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{}\" y=\"{}\" class=\"n\">{code}</text>",
            y,
            x + 16,
            y + 11
        );
        x += 28 + 8 * u32::try_from(code.len()).unwrap_or(8);
    }
}

fn verdict_segments(c: &VerdictCounts) -> [(u32, &'static str, &'static str); 4] {
    [
        (c.conforme, C_COLOURS[0], "C"),
        (c.non_applicable, C_COLOURS[1], "NA"),
        (c.nc_mineure, C_COLOURS[2], "NC min"),
        (c.nc_majeure, C_COLOURS[3], "NC Maj"),
    ]
}

fn observation_segments(o: &ObservationCounts) -> [(u32, &'static str, &'static str); 3] {
    [
        (o.pf, O_COLOURS[0], "PF"),
        (o.ps, O_COLOURS[1], "PS"),
        (o.pp, O_COLOURS[2], "PP"),
    ]
}

fn chart(out: &mut Out, modules: &[ModuleScore<'_>]) {
    let l = out.language;
    let rows = u32::try_from(modules.len()).unwrap_or(0);
    let block = 40 + rows * 28;
    let height = 2 * block + 10;
    let title = out.t(
        "Verdicts et observations par module",
        "Verdicts and observations per module",
    );
    let mut desc = String::new();
    for m in modules {
        let c = &m.tally.counts;
        let o = &m.tally.observations;
        let _ = write!(
            desc,
            "Module {}{} {} C, {} NA, {} NC min, {} NC Maj{} {} PF, {} PS, {} PP. ",
            m.module,
            out.t(" :", ":"),
            c.conforme,
            c.non_applicable,
            c.nc_mineure,
            c.nc_majeure,
            out.t(" ;", ";"),
            o.pf,
            o.ps,
            o.pp
        );
    }
    let mut svg = format!(
        "<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 760 {height}\" width=\"760\" height=\"{height}\">"
    );
    let _ = write!(
        svg,
        "<title id=\"chart-title\">{title}</title><desc id=\"chart-desc\">{}</desc>",
        desc.trim_end()
    );
    svg.push_str("<style>text{font:13px \"DejaVu Sans\",Arial,sans-serif;fill:#1a1a1a}.h{font-weight:bold}</style>");
    let scale_v = modules
        .iter()
        .map(|m| {
            let c = &m.tally.counts;
            c.conforme + c.non_applicable + c.nc_mineure + c.nc_majeure
        })
        .max()
        .unwrap_or(0);
    let scale_o = modules
        .iter()
        .map(|m| m.tally.observations.pf + m.tally.observations.ps + m.tally.observations.pp)
        .max()
        .unwrap_or(0);
    let _ = write!(
        svg,
        "<text x=\"0\" y=\"14\" class=\"h\">{}</text>",
        out.t("Verdicts des engagements", "Verdicts of the engagements")
    );
    legend(
        &mut svg,
        4,
        &[
            (C_COLOURS[0], "C"),
            (C_COLOURS[1], "NA"),
            (C_COLOURS[2], "NC min"),
            (C_COLOURS[3], "NC Maj"),
        ],
    );
    let mut y = 30;
    for m in modules {
        bar(
            &mut svg,
            y,
            &format!("Module {}", m.module),
            &verdict_segments(&m.tally.counts),
            scale_v,
        );
        y += 28;
    }
    let y0 = block + 10;
    let _ = write!(
        svg,
        "<text x=\"0\" y=\"{}\" class=\"h\">{}</text>",
        y0 + 14,
        out.t("Observations", "Observations")
    );
    legend(
        &mut svg,
        y0 + 4,
        &[
            (O_COLOURS[0], "PF"),
            (O_COLOURS[1], "PS"),
            (O_COLOURS[2], "PP"),
        ],
    );
    let mut y = y0 + 30;
    for m in modules {
        bar(
            &mut svg,
            y,
            &format!("Module {}", m.module),
            &observation_segments(&m.tally.observations),
            scale_o,
        );
        y += 28;
    }
    svg.push_str("</svg>");
    out.line("<figure>");
    out.line(&format!("<figcaption>{title}</figcaption>"));
    out.line(&svg);
    out.line("</figure>");
    // The same numbers as a table, so the chart is not their only carrier.
    out.line("<table class=\"numbers\">");
    out.line(&format!("<caption>{title}</caption>"));
    out.line(&format!(
        "<thead><tr><th scope=\"col\">Module</th><th scope=\"col\">C</th><th scope=\"col\">NA</th><th scope=\"col\">NC min</th><th scope=\"col\">NC Maj</th><th scope=\"col\">{}</th><th scope=\"col\">PF</th><th scope=\"col\">PS</th><th scope=\"col\">PP</th></tr></thead>",
        out.t("Taux de conformité", "Conformity rate")
    ));
    out.line("<tbody>");
    for m in modules {
        let c = &m.tally.counts;
        let o = &m.tally.observations;
        out.line(&format!(
            "<tr><th scope=\"row\">Module {} {}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            m.module,
            text(m.title),
            c.conforme,
            c.non_applicable,
            c.nc_mineure,
            c.nc_majeure,
            i18n::rate_text(m.tally.rate, l),
            o.pf,
            o.ps,
            o.pp
        ));
    }
    out.line("</tbody>\n</table>");
}

fn summary(out: &mut Out, c: &Conclusions<'_>) {
    let l = out.language;
    out.line("<section class=\"summary\" aria-labelledby=\"summary\">");
    out.line(&format!(
        "<h2 id=\"summary\">{}</h2>",
        out.t("En bref", "At a glance")
    ));
    out.line(&format!(
        "<p class=\"outcome o-{}\">{}</p>",
        c.outcome.code(),
        i18n::outcome_title(c.outcome, l)
    ));
    let k = &c.counts;
    let o = &c.observations;
    out.line("<ul class=\"figures\">");
    out.line(&format!(
        "<li>{} <b>{}</b></li>",
        out.w(words::RATE),
        i18n::rate_text(c.rate, l)
    ));
    for (n, code, class) in [
        (k.conforme, "C", "v-c"),
        (k.non_applicable, "NA", "v-na"),
        (k.nc_mineure, "NC min", "v-min"),
        (k.nc_majeure, "NC Maj", "v-maj"),
    ] {
        out.line(&format!(
            "<li><b>{n}</b> <span class=\"badge {class}\">{code}</span></li>"
        ));
    }
    if k.not_assessed > 0 {
        out.line(&format!(
            "<li><b>{}</b> {}</li>",
            k.not_assessed,
            out.w(words::NOT_ASSESSED)
        ));
    }
    for (n, code) in [(o.pf, "PF"), (o.ps, "PS"), (o.pp, "PP")] {
        out.line(&format!(
            "<li><b>{n}</b> <span class=\"k\">{code}</span></li>"
        ));
    }
    out.line("</ul>");
    chart(out, &c.modules);
    out.line("</section>");
}

fn context(out: &mut Out, audit: &Audit) {
    let ctx = &audit.context;
    out.line("<section>");
    out.line(&format!("<h2>{}</h2>", out.w(words::CONTEXT)));
    for (heading, paragraphs) in [
        (words::ORGANISATION, &ctx.organisation),
        (words::HISTORY, &ctx.history),
    ] {
        out.line(&format!("<h3>{}</h3>", out.w(heading)));
        if paragraphs.is_empty() {
            out.line(&format!("<p>{}</p>", nothing(out.language)));
        }
        for p in paragraphs {
            out.line(&format!("<p>{}</p>", text(p)));
        }
    }
    out.line("</section>");
}

fn modules(out: &mut Out, audit: &Audit, referentiel: &Referentiel, c: &Conclusions<'_>) {
    out.line(&format!("<h2>{}</h2>", out.w(words::ASSESSMENT)));
    out.line(&format!("<p>{}</p>", out.w(words::ABBREVIATIONS)));
    let first_col = out.w(words::COMMITMENTS);
    let last_col = out.w(words::VERDICT);
    for m in &c.modules {
        let module = referentiel.module(m.module);
        let obligatory = module.is_some_and(|x| x.obligatory);
        let heading = i18n::module_heading(
            m.module,
            &text(&m.title.to_uppercase()),
            obligatory,
            out.language,
        );
        out.line(&format!("<h3>{heading}</h3>"));
        let mut rows: Vec<(EngagementNumber, &str, Option<&str>)> = referentiel
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
                    table_end(out);
                }
                let caption = match group.and_then(|g| m.groups.iter().find(|x| x.id == g)) {
                    Some(g) => text(g.heading.unwrap_or(g.title)),
                    None => format!("Module {} — {}", m.module, text(m.title)),
                };
                table_head(out, &caption, false, first_col, last_col);
                current = Some(group);
            }
            let a = audit.assessment(number);
            let verdict = a.and_then(|a| a.verdict);
            out.line(&format!(
                "<tr class=\"engagement\" data-engagement=\"{number}\"><th scope=\"row\">Module {} {number}. {}</th><td>{}</td><td class=\"verdict\">{}</td></tr>",
                m.module,
                text(title),
                a.map(|a| observations_cell(a.comment.as_deref(), &a.observations))
                    .unwrap_or_default(),
                verdict_badge(verdict)
            ));
        }
        if current.is_some() {
            table_end(out);
        }
        if m.groups.len() > 1 {
            for g in &m.groups {
                let prefix = format!("{} — ", text(g.heading.unwrap_or(g.title)));
                tally_line(out, &prefix, &g.tally);
            }
        }
        tally_line(out, &format!("Module {} — ", m.module), &m.tally);
    }
}

fn management(out: &mut Out, audit: &Audit, referentiel: &Referentiel, c: &Conclusions<'_>) {
    for section in ManagementSection::iter() {
        let heading = match out.language {
            Language::Fr => section.heading(),
            Language::En => section.heading_en(),
        };
        out.line(&format!("<h3>{heading}</h3>"));
        table_head(
            out,
            heading,
            true,
            out.w(words::ITEM),
            out.w(words::VERDICT),
        );
        for item in referentiel
            .management_items()
            .iter()
            .filter(|i| i.section == section)
        {
            let a = audit.management_assessment(item.id());
            out.line(&format!(
                "<tr class=\"management\"><th scope=\"row\">{}. {}</th><td>{}</td><td class=\"verdict\">{}</td></tr>",
                item.item,
                text(&item.title),
                a.map(|a| observations_cell(a.comment.as_deref(), &a.observations))
                    .unwrap_or_default(),
                verdict_badge(a.and_then(|a| a.verdict))
            ));
        }
        table_end(out);
        if let Some(s) = c.management.sections.iter().find(|s| s.section == section) {
            tally_line(out, "", &s.tally);
        }
    }
}

fn remote(out: &mut Out, audit: &Audit, referentiel: &Referentiel) {
    for channel in RemoteChannel::iter() {
        let label = match out.language {
            Language::Fr => channel.label_fr(),
            Language::En => channel.label_en(),
        };
        let heading = format!("{} {label}", out.w(words::REMOTE));
        out.line(&format!("<h3>{heading}</h3>"));
        let mut checks: Vec<_> = audit
            .remote_checks
            .iter()
            .filter(|r| r.channel == channel)
            .collect();
        checks.sort_by_key(|r| (r.module, r.engagement));
        if checks.is_empty() {
            out.line(&format!("<p>{}</p>", nothing(out.language)));
            continue;
        }
        table_head(
            out,
            &heading,
            true,
            out.w(words::COMMITMENTS),
            out.w(words::NOTE),
        );
        for r in checks {
            let title = referentiel
                .engagement(r.engagement)
                .map_or("", |e| &e.title);
            let class = match r.note {
                Some(crate::RemoteNote::Conforme) => "v-c",
                Some(crate::RemoteNote::NonConforme) => "v-maj",
                Some(crate::RemoteNote::NonApplicable) => "v-na",
                None => "v-none",
            };
            out.line(&format!(
                "<tr class=\"remote\" data-remote=\"{}\"><th scope=\"row\">Module {} {}. {}</th><td>{}</td><td class=\"verdict\"><span class=\"badge {class}\">{}</span></td></tr>",
                r.engagement,
                r.module,
                r.engagement,
                text(title),
                observations_cell(None, &r.observations),
                i18n::remote_note(r.note, out.language)
            ));
        }
        table_end(out);
    }
}

fn section(out: &mut Out, s: &Section<'_>) {
    out.line(&format!(
        "<h3><span class=\"marker\" aria-hidden=\"true\">❖</span> {}</h3>",
        text(s.heading)
    ));
    if s.generated.is_empty() && s.auditor.is_empty() {
        out.line(&format!("<p>{}</p>", nothing(out.language)));
        return;
    }
    if !s.generated.is_empty() {
        out.line(&format!(
            "<p><strong>{}</strong></p>",
            out.w(words::GENERATED)
        ));
        out.line("<ul>");
        for g in &s.generated {
            out.line(&format!("<li>{}</li>", text(g)));
        }
        out.line("</ul>");
    }
    if !s.auditor.is_empty() {
        out.line(&format!(
            "<p><strong>{}</strong></p>",
            out.w(words::AUDITOR_TEXT)
        ));
        if let Some(v) = s.auditor_verdict {
            out.line(&format!(
                "<p>{} {}</p>",
                out.w(words::AUDITOR_VERDICT),
                verdict_badge(Some(v))
            ));
        }
        for p in s.auditor {
            out.line(&format!("<p>{}</p>", text(p)));
        }
    }
}

fn decision(out: &mut Out, c: &Conclusions<'_>) {
    let l = out.language;
    out.line("<section aria-labelledby=\"decision\">");
    out.line(&format!(
        "<h2 id=\"decision\">{}</h2>",
        out.w(words::DECISION)
    ));
    out.line(&format!(
        "<p class=\"outcome o-{0}\">{1} (<code>{0}</code>)</p>",
        c.outcome.code(),
        i18n::outcome_title(c.outcome, l)
    ));
    out.line(&format!("<p>{}</p>", out.w(words::POLICY_NOTE)));
    out.line(&format!("<p>{}</p>", i18n::policy_sentence(&c.policy, l)));
    out.line(&format!("<h3>{}</h3>", out.w(words::REASONS)));
    out.line("<ul>");
    for r in &c.reasons {
        out.line(&format!("<li>{}</li>", text(r)));
    }
    out.line("</ul>");
    if c.outcome != Outcome::Favorable || !c.ecarts.is_empty() {
        out.line(&format!(
            "<h3>{}</h3>",
            out.t("Fiches d'écart", "Nonconformity reports")
        ));
        out.line("<table class=\"ecarts\">");
        out.line(&format!(
            "<caption>{}</caption>",
            out.t(
                "Fiches d'écart et échéances des actions correctives",
                "Nonconformities and the due dates of their corrective actions"
            )
        ));
        out.line(&format!(
            "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>",
            out.w(words::ECART),
            out.w(words::FINDING),
            out.w(words::REQUIREMENT),
            out.w(words::CORRECTIVE_ACTION),
            out.w(words::DUE)
        ));
        out.line("<tbody>");
        for e in &c.ecarts {
            let target = crate::engine::synthesis::source_label(
                crate::engine::synthesis::ecart_source(e.target),
                e.title,
                l,
            );
            let verdict = match e.grade {
                crate::NcGrade::Minor => Verdict::MinorNonconformity,
                crate::NcGrade::Major => Verdict::MajorNonconformity,
            };
            out.line(&format!(
                "<tr class=\"ecart\"><th scope=\"row\">{} {}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                verdict_badge(Some(verdict)),
                text(&target),
                text(e.finding),
                text(e.requirement),
                e.corrective_action.map_or_else(|| "—".to_owned(), text),
                e.due.map_or_else(|| "—".to_owned(), |d| date(d, l))
            ));
        }
        out.line("</tbody>\n</table>");
    }
    out.line("</section>");
}

/// Renders the whole report of `valid` with its `conclusions` (from [`conclude`](crate::conclude)
/// on the same audit) as one HTML5 file, in the conclusions' language. See the
/// [module docs](self).
#[must_use]
pub fn render_html(valid: &Valid<'_>, conclusions: &Conclusions<'_>) -> String {
    let audit = valid.audit();
    let referentiel = valid.referentiel();
    let l = conclusions.language;
    let mut out = Out {
        text: String::with_capacity(48 * 1024),
        language: l,
    };
    cover(&mut out, audit, referentiel);
    summary(&mut out, conclusions);
    context(&mut out, audit);
    out.line("<section>");
    modules(&mut out, audit, referentiel, conclusions);
    management(&mut out, audit, referentiel, conclusions);
    remote(&mut out, audit, referentiel);
    out.line("</section>");
    out.line("<section>");
    out.line(&format!("<h2>{}</h2>", out.w(words::SYNTHESIS)));
    for s in conclusions.synthesis.sections() {
        section(&mut out, s);
    }
    out.line("</section>");
    decision(&mut out, conclusions);
    let title = format!(
        "{} — {}, {} ({})",
        l.words(words::REPORT),
        i18n::site_name(&audit.site, l),
        audit.site.city,
        audit.site.departement.as_str()
    );
    page(&title, l, &out.text)
}
