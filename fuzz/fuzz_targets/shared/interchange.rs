//! The harness of the `audit_yaml` and `audit_toml` targets: the audit loader of one format,
//! then validation of whatever it accepts, and writing it back in JSON and in that format: no
//! input may panic, and what loads writes back and reloads equal.

use qualepref::{Audit, Format, Interchange, Referentiel, ValidationOptions, validate};

/// Runs the harness on `data` read as an audit in `format`.
pub fn run(data: &[u8], format: Format) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(audit) = Audit::from_str_in(text, format) else {
        return;
    };
    let report = validate(
        &audit,
        Referentiel::qual_e_pref_2019(),
        &ValidationOptions::default(),
    );
    let _ = report.has_errors();
    let _ = audit.to_json_string();
    if let Ok(written) = audit.to_string_in(format) {
        assert_eq!(
            Audit::from_str_in(&written, format).ok().as_ref(),
            Some(&audit),
            "written back:\n{written}"
        );
    }
}
