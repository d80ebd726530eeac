//! The grid's workbook import (`.xlsx`, `.ods`): no input may panic; an imported audit
//! validates and writes to JSON and, when nothing was left unread, back to a workbook.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualepref::{Referentiel, ValidationOptions, grid, validate};

fuzz_target!(|data: &[u8]| {
    let referentiel = Referentiel::qual_e_pref_2019();
    if let Ok(imported) = grid::import_xlsx(data, referentiel) {
        let audit = imported.audit();
        let _ = validate(audit, referentiel, &ValidationOptions::default());
        let _ = audit.to_json_string();
        let _ = grid::export_xlsx(audit, referentiel);
    }
});
