//! The chart of the HTML report, drawn as inline SVG: stacked bars of the verdicts and of the
//! observations per module, their numbers written beside them.

use std::fmt::Write as _;

use super::document::Chart;
use crate::engine::score::{ObservationCounts, VerdictCounts};

/// Width of the chart's bars, in SVG units, for the largest module.
const BAR: u32 = 360;

const C_COLOURS: [&str; 4] = ["#1e7b3c", "#767676", "#b06c00", "#c0282d"];
const O_COLOURS: [&str; 3] = ["#1f5fa8", "#b06c00", "#7a3fa0"];

/// One stacked bar: segments of `(count, colour, code)`, scaled to `scale` for the largest
/// total, with the counts written beside it.
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
    let _ = write!(
        svg,
        "<text x=\"{}\" y=\"{}\" class=\"n\">",
        100 + BAR + 8,
        y + 14
    );
    for (i, &(n, _, code)) in segments.iter().enumerate() {
        if i > 0 {
            svg.push_str(" · ");
        }
        let _ = write!(svg, "{n} {code}");
    }
    svg.push_str("</text>");
}

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

/// Writes `chart` as a `<figure>` holding its SVG.
pub(super) fn figure(out: &mut String, chart: &Chart) {
    let rows = u32::try_from(chart.rows.len()).unwrap_or(0);
    let block = 40 + rows * 28;
    let height = 2 * block + 10;
    out.push_str("<figure>\n<figcaption>");
    out.push_str(chart.title);
    out.push_str("</figcaption>\n");
    let _ = write!(
        out,
        "<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 760 {height}\" width=\"760\" height=\"{height}\">"
    );
    let _ = write!(
        out,
        "<title id=\"chart-title\">{}</title><desc id=\"chart-desc\">{}</desc>",
        chart.title, chart.description
    );
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
    let _ = write!(
        out,
        "<text x=\"0\" y=\"14\" class=\"h\">{}</text>",
        chart.verdicts
    );
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
    let _ = write!(
        out,
        "<text x=\"0\" y=\"{}\" class=\"h\">{}</text>",
        y0 + 14,
        chart.observations
    );
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
