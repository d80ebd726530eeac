//! The text import: no input may panic, an imported audit writes to JSON, and writing it back
//! in the text form then importing that text does not panic either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualepref::Referentiel;
use qualepref::report_text::{import_report, render_report_text};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(imported) = import_report(text) {
        let _ = imported.unexplained_lines();
        let _ = imported.audit().to_json_string();
        let written = render_report_text(imported.audit(), Referentiel::qual_e_pref_2019());
        let _ = import_report(&written);
    }
});
