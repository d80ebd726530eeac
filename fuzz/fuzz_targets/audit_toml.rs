//! The TOML audit loader, then validation of whatever it accepts, and writing it back in TOML
//! and JSON: no input may panic, and what loads writes back in TOML and reloads equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualepref::{Audit, Format, Interchange, Referentiel, ValidationOptions, validate};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(audit) = Audit::from_str_in(text, Format::Toml) else {
        return;
    };
    let report = validate(
        &audit,
        Referentiel::qual_e_pref_2019(),
        &ValidationOptions::default(),
    );
    let _ = report.has_errors();
    let _ = audit.to_json_string();
    if let Ok(toml) = audit.to_string_in(Format::Toml) {
        assert_eq!(
            Audit::from_str_in(&toml, Format::Toml).ok().as_ref(),
            Some(&audit),
            "written back:\n{toml}"
        );
    }
});
