//! The parts of `src/` form layers that import one way only: the foundation (errors and
//! diagnostics, text helpers, bundled data), the model, then validation, the formats and the
//! shared phrases, the engine, the features, and the codes' reference on top. A part may use a
//! part of a lower layer, or of its own layer when no circle forms; never one above it.
//!
//! What a file uses is read from its code (comments and test modules left out): every
//! `crate::part::…` path, and every `crate::Name` of a name the crate's root re-exports from a
//! part (`pub use model::audit::{Audit, …}` makes `crate::Audit` a use of `model`). The
//! command-line tool (`src/main.rs`, `src/cli/`) is its own crate and uses the library's public
//! API only.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, bottom first.
const LAYERS: &[&[&str]] = &[
    &["text", "samples", "base"],
    &["model", "input"],
    &["validate", "formats", "i18n"],
    &["engine"],
    &[
        "report",
        "report_text",
        "compare",
        "plan",
        "history",
        "grid",
        "schema",
        "dossier",
        "network",
    ],
    &["codes"],
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The part of `src/` a file belongs to: its folder, or the file itself at the root.
fn part_of(path: &Path) -> String {
    let relative = path.strip_prefix(src()).unwrap_or(path);
    let first = relative.components().next().map_or_else(String::new, |c| {
        c.as_os_str().to_string_lossy().into_owned()
    });
    first.trim_end_matches(".rs").to_owned()
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file: without its test module (`#[cfg(test)] mod … {` to the end, where the
/// crate puts them) and without comment lines.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod ") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first name of each path that follows `crate::` in `code`, inside `{…}` groups too;
/// `$crate::` (in macros, resolved where they are used) is left out.
fn crate_names(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let macro_path = rest[..at].ends_with('$');
        let after = &rest[at + "crate::".len()..];
        rest = after;
        if macro_path {
            continue;
        }
        if let Some(group) = after.strip_prefix('{') {
            // Top-level items of the group: `{Audit, model::Unread, x::{y}}`.
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.insert(first_ident(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            names.insert(first_ident(&item));
        } else {
            names.insert(first_ident(after));
        }
    }
    names.remove("");
    names
}

fn first_ident(text: &str) -> String {
    text.trim()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The names the crate's root re-exports, with the part each comes from.
fn root_names(parts: &BTreeSet<String>) -> BTreeMap<String, String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let lib = code(&lib).replace('\n', " ");
    let mut names = BTreeMap::new();
    for statement in lib.split(';') {
        let Some(at) = statement.find("pub use ") else {
            continue;
        };
        let path = statement[at + "pub use ".len()..].trim();
        let part = first_ident(path);
        if !parts.contains(&part) {
            continue;
        }
        let items = match (path.find('{'), path.rfind('}')) {
            (Some(open), Some(close)) => path[open + 1..close].to_owned(),
            _ => path.rsplit("::").next().unwrap_or_default().to_owned(),
        };
        for item in items.split(',') {
            let name = item.rsplit(" as ").next().unwrap_or(item).trim();
            if !name.is_empty() {
                names.insert(name.to_owned(), part.clone());
            }
        }
    }
    names
}

/// Every part and the parts it uses, with one place of each use.
fn uses() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut all = Vec::new();
    files(&src(), &mut all);
    let parts: BTreeSet<String> = all
        .iter()
        .map(|p| part_of(p))
        .filter(|p| !matches!(p.as_str(), "lib" | "main" | "cli"))
        .collect();
    let names = root_names(&parts);
    let mut uses: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for file in &all {
        let part = part_of(file);
        if !parts.contains(&part) {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        for name in crate_names(&code(&text)) {
            let target = if parts.contains(&name) {
                Some(name.clone())
            } else {
                names.get(&name).cloned()
            };
            if let Some(used) = target.filter(|u| *u != part) {
                let place = format!(
                    "crate::{name} in {}",
                    file.strip_prefix(src()).unwrap().display()
                );
                uses.entry(part.clone())
                    .or_default()
                    .entry(used)
                    .or_insert(place);
            }
        }
        uses.entry(part).or_default();
    }
    uses
}

fn layer_of(part: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&part))
}

/// Every part of `src/` has its layer: a new folder is placed on purpose.
#[test]
fn every_part_has_a_layer() {
    for part in uses().keys() {
        assert!(
            layer_of(part).is_some(),
            "src/{part} has no layer: add it to LAYERS in tests/layers.rs"
        );
    }
}

/// No part uses a part of a higher layer.
#[test]
fn layers_import_downwards_only() {
    let mut wrong = Vec::new();
    for (part, used) in uses() {
        let Some(mine) = layer_of(&part) else {
            continue;
        };
        for (other, place) in used {
            if layer_of(&other).is_some_and(|theirs| theirs > mine) {
                wrong.push(format!("{part} uses {other}, a higher layer ({place})"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// No two parts use each other, directly or through others.
#[test]
fn no_circle_between_parts() {
    let uses = uses();
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_owned()];
        while let Some(p) = todo.pop() {
            for next in uses.get(&p).into_iter().flat_map(BTreeMap::keys) {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let mut circles = BTreeSet::new();
    for part in uses.keys() {
        let reached = reach(part);
        if reached.contains(part) {
            let circle: BTreeSet<String> = reached
                .into_iter()
                .filter(|other| reach(other).contains(part))
                .collect();
            circles.insert(circle.into_iter().collect::<Vec<_>>().join(" <-> "));
        }
    }
    assert!(circles.is_empty(), "parts that use each other: {circles:?}");
}

/// The reading of uses itself: a group, a nested path, a root name, a macro's `$crate`.
#[test]
fn uses_are_read_from_paths_groups_and_root_names() {
    let names = crate_names(
        "use crate::{Audit, model::ids::{A, B}, Error};\nlet x = crate::text::key(s);\n\
         $crate::base::wire::parse(s)",
    );
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    assert_eq!(names, ["Audit", "Error", "model", "text"]);
    let uses = uses();
    assert!(
        uses["engine"].contains_key("validate"),
        "{:?}",
        uses["engine"]
    );
    assert!(
        uses["validate"].contains_key("model"),
        "{:?}",
        uses["validate"]
    );
    assert!(uses["model"].contains_key("base"), "{:?}", uses["model"]);
}
