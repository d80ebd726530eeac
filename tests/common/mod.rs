//! Helpers shared by the test files that compare output with committed snapshots.

use qualepref::{
    Audit, Conclusions, Language, Policy, Referentiel, Valid, ValidationOptions, conclude, samples,
};

/// The bundled Toulon 2019 audit.
#[allow(dead_code)] // not every test file starts from it
pub fn toulon() -> Audit {
    Audit::from_json_str(samples::TOULON_2019_JSON).unwrap()
}

/// Compares `actual` with the committed `tests/snapshots/{name}`, byte for byte. A missing
/// snapshot fails; `UPDATE_SNAPSHOTS=1` rewrites the snapshots instead of comparing.
#[track_caller]
pub fn check_snapshot(name: &str, actual: &str) {
    let path = format!("{}/tests/snapshots/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing snapshot {path}; run with UPDATE_SNAPSHOTS=1"));
    assert!(
        expected == actual,
        "snapshot {name} differs; run with UPDATE_SNAPSHOTS=1 and review the diff"
    );
}

/// `audit` validated against the embedded référentiel, concluded under the default policy in
/// `language`, and written out by `write` (`render_markdown`, `render_html`, `render_text`).
#[track_caller]
#[allow(dead_code)] // not every test file renders
pub fn rendered(
    audit: &Audit,
    language: Language,
    write: fn(&Valid<'_>, &Conclusions<'_>) -> String,
) -> String {
    let valid = Valid::new(
        audit,
        Referentiel::qual_e_pref_2019(),
        &ValidationOptions::default(),
    )
    .unwrap_or_else(|report| panic!("invalid audit:\n{report}"));
    let c = conclude(&valid, &Policy::default(), language);
    write(&valid, &c)
}
