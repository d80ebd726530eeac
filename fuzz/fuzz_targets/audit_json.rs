//! The JSON audit loader, then validation of whatever it accepts: no input may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualepref::{Audit, Referentiel, validate};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(audit) = Audit::from_json_str(text) {
        let report = validate(&audit, Referentiel::qual_e_pref_2019(), &Default::default());
        let _ = report.has_errors();
        let _ = audit.to_json_string();
    }
});
