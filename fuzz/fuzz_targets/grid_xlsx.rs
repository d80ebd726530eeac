//! The grid's workbook import (`.xlsx`, `.ods`): no input may panic; an imported audit
//! validates and writes to JSON and, when nothing was left unread, back to a workbook.
#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use qualepref::{Referentiel, ValidationOptions, grid, validate};

static HOOK: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    // calamine 0.35 does unchecked arithmetic on cell coordinates, which panics under the
    // fuzzer's overflow checks; the crate catches calamine's panics (grid::read) and returns an
    // error, as a user sees it. libFuzzer's panic hook aborts on any panic, so it is kept for
    // every panic but calamine's: a panic anywhere else is still a crash.
    HOOK.call_once(|| {
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !info.location().is_some_and(|l| l.file().contains("/calamine-")) {
                abort(info);
            }
        }));
    });
    let referentiel = Referentiel::qual_e_pref_2019();
    if let Ok(imported) = grid::import_xlsx(data, referentiel) {
        let audit = imported.audit();
        let _ = validate(audit, referentiel, &ValidationOptions::default());
        let _ = audit.to_json_string();
        let _ = grid::export_xlsx(audit, referentiel);
    }
});
