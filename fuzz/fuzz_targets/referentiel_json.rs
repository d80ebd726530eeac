//! The référentiel loader: no input may panic, and what loads writes back and reloads equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualepref::Referentiel;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(r) = Referentiel::from_json_str(text) {
        if let Ok(json) = r.to_json_string() {
            assert_eq!(Referentiel::from_json_str(&json).ok().as_ref(), Some(&r));
        }
    }
});
