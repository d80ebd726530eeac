//! The text import: no input may panic, and an imported audit writes to JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualepref::import_report;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(imported) = import_report(text) {
        let _ = imported.unexplained_lines();
        let _ = imported.audit().to_json_string();
    }
});
