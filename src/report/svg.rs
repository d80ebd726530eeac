//! The chart of the HTML report, drawn as inline SVG: stacked bars of the verdicts and of the
//! observations per module, their numbers written beside them.

use super::document::Chart;
use crate::engine::score::{ObservationCounts, VerdictCounts};
use crate::i18n::push_number;

/// Width of the chart's bars, in SVG units, for the largest module.
const BAR: u32 = 360;

const C_COLOURS: [&str; 4] = ["#1e7b3c", "#767676", "#b06c00", "#c0282d"];
const O_COLOURS: [&str; 3] = ["#1f5fa8", "#b06c00", "#7a3fa0"];

/// Writes `n` in decimal.
fn num(svg: &mut String, n: u32) {
    push_number(svg, n);
}

/// Writes `<text x=".." y=".." class="..">text</text>`.
fn text(svg: &mut String, x: u32, y: u32, class: &str, text: &str) {
    svg.push_str("<text x=\"");
    num(svg, x);
    svg.push_str("\" y=\"");
    num(svg, y);
    svg.push_str("\" class=\"");
    svg.push_str(class);
    svg.push_str("\">");
    svg.push_str(text);
    svg.push_str("</text>");
}

/// Writes `<rect x=".." y=".." width=".." height=".." fill=".."/>`.
fn rect(svg: &mut String, (x, y): (u32, u32), (width, height): (u32, u32), fill: &str) {
    svg.push_str("<rect x=\"");
    num(svg, x);
    svg.push_str("\" y=\"");
    num(svg, y);
    svg.push_str("\" width=\"");
    num(svg, width);
    svg.push_str("\" height=\"");
    num(svg, height);
    svg.push_str("\" fill=\"");
    svg.push_str(fill);
    svg.push_str("\"/>");
}

/// One stacked bar: segments of `(count, colour, code)`, scaled to `scale` for the largest
/// total, with the counts written beside it.
fn bar(svg: &mut String, y: u32, label: &str, segments: &[(u32, &str, &str)], scale: u32) {
    text(svg, 0, y + 14, "l", label);
    let mut x = 0;
    let mut done = 0;
    for &(n, colour, _) in segments {
        let end = (done + n) * BAR / scale.max(1);
        if end > x {
            rect(svg, (100 + x, y), (end - x, 20), colour);
        }
        done += n;
        x = end;
    }
    svg.push_str("<text x=\"");
    num(svg, 100 + BAR + 8);
    svg.push_str("\" y=\"");
    num(svg, y + 14);
    svg.push_str("\" class=\"n\">");
    for (i, &(n, _, code)) in segments.iter().enumerate() {
        if i > 0 {
            svg.push_str(" · ");
        }
        num(svg, n);
        svg.push(' ');
        svg.push_str(code);
    }
    svg.push_str("</text>");
}

/// The legend, right of the block's title.
fn legend(svg: &mut String, y: u32, items: &[(&str, &str)]) {
    let mut x = 280;
    for (colour, code) in items {
        rect(svg, (x, y), (12, 12), colour);
        text(svg, x + 16, y + 11, "n", code);
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

/// Writes `chart` as a `<figure>` holding its SVG.
pub(super) fn figure(out: &mut String, chart: &Chart) {
    let rows = u32::try_from(chart.rows.len()).unwrap_or(0);
    let block = 40 + rows * 28;
    let height = 2 * block + 10;
    out.push_str("<figure>\n<figcaption>");
    out.push_str(chart.title);
    out.push_str("</figcaption>\n");
    out.push_str("<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 760 ");
    num(out, height);
    out.push_str("\" width=\"760\" height=\"");
    num(out, height);
    out.push_str("\"><title id=\"chart-title\">");
    out.push_str(chart.title);
    out.push_str("</title><desc id=\"chart-desc\">");
    out.push_str(&chart.description);
    out.push_str("</desc>");
    out.push_str("<style>text{font:13px \"DejaVu Sans\",Arial,sans-serif;fill:#1a1a1a}.h{font-weight:bold}</style>");
    let scale_v = chart
        .rows
        .iter()
        .map(|m| {
            let c = &m.verdicts;
            c.conforme + c.non_applicable + c.nc_mineure + c.nc_majeure
        })
        .max()
        .unwrap_or(0);
    let scale_o = chart
        .rows
        .iter()
        .map(|m| m.observations.pf + m.observations.ps + m.observations.pp)
        .max()
        .unwrap_or(0);
    text(out, 0, 14, "h", chart.verdicts);
    legend(
        out,
        4,
        &[
            (C_COLOURS[0], "C"),
            (C_COLOURS[1], "NA"),
            (C_COLOURS[2], "NC min"),
            (C_COLOURS[3], "NC Maj"),
        ],
    );
    let mut y = 30;
    for m in &chart.rows {
        bar(out, y, &m.label, &verdict_segments(&m.verdicts), scale_v);
        y += 28;
    }
    let y0 = block + 10;
    text(out, 0, y0 + 14, "h", chart.observations);
    legend(
        out,
        y0 + 4,
        &[
            (O_COLOURS[0], "PF"),
            (O_COLOURS[1], "PS"),
            (O_COLOURS[2], "PP"),
        ],
    );
    let mut y = y0 + 30;
    for m in &chart.rows {
        bar(
            out,
            y,
            &m.label,
            &observation_segments(&m.observations),
            scale_o,
        );
        y += 28;
    }
    out.push_str("</svg>\n</figure>\n");
}
