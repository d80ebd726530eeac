//! The YAML audit loader, then validation of whatever it accepts, and writing it back in YAML
//! and JSON: no input may panic, and what loads writes back in YAML and reloads equal (the
//! harness is shared with the other interchange format, `shared/interchange.rs`).
#![no_main]

#[path = "shared/interchange.rs"]
mod interchange;

use libfuzzer_sys::fuzz_target;
use qualepref::Format;

fuzz_target!(|data: &[u8]| interchange::run(data, Format::Yaml));
