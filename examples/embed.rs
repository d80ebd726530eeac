//! The crate inside another program, as a service or a cache uses it: an audit read from bytes
//! (what a web handler receives), validated and kept with its owned conclusions in one struct,
//! moved to another thread; and a malformed upload answered with the parse error's code, path
//! and position, in French and English.
//!
//! ```text
//! cargo run --example embed
//! ```
//!
//! Needs only the default features.

use std::error::Error as _;

use qualepref::{
    Audit, Conclusions, Format, Language, Policy, Referentiel, ValidAudit, ValidationOptions,
    samples,
};

/// What a server keeps for an audit it accepted: the audit and its conclusions, owned.
struct Accepted {
    audit: ValidAudit,
    conclusions: Conclusions<'static>,
}

/// Reads, validates and concludes an upload; a malformed one or an invalid one is refused with
/// its diagnostics.
fn accept(bytes: &[u8]) -> Result<Accepted, String> {
    let audit = Audit::from_slice(bytes, Format::Json).map_err(|e| {
        let d = e.diagnostic();
        format!(
            "refused [{}] at {} (line {}, column {}): {} / {}",
            e.code(),
            e.path().unwrap_or_default(),
            d.line.unwrap_or(0),
            d.column.unwrap_or(0),
            e.message_in(Language::Fr),
            e.message_in(Language::En),
        )
    })?;
    let audit = ValidAudit::new(
        audit,
        Referentiel::qual_e_pref_2019(),
        &ValidationOptions::default(),
    )
    .map_err(|report| report.to_string_in(Language::En))?;
    let conclusions = audit.conclude(&Policy::default(), Language::Fr);
    Ok(Accepted { audit, conclusions })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let accepted = accept(samples::TOULON_2019_JSON.as_bytes())?;
    // The struct owns everything: it moves to a worker thread.
    let worker = std::thread::spawn(move || {
        format!(
            "{} — {}: {}",
            accepted.audit.audit().site,
            accepted.audit.audit().dates.start,
            accepted.conclusions.outcome_label(Language::Fr)
        )
    });
    let line = worker.join().map_err(|_| "the worker thread panicked")?;
    println!("{line}");

    // A malformed upload: the verdict « CC » does not exist.
    let upload = samples::TOULON_2019_JSON.replacen("\"verdict\": \"C\"", "\"verdict\": \"CC\"", 1);
    match accept(upload.as_bytes()) {
        Ok(_) => return Err("a malformed audit was accepted".into()),
        Err(refusal) => println!("{refusal}"),
    }
    // An error is an ordinary error value too: no source chain to walk, its text is whole.
    let err = Audit::from_slice(b"{", Format::Json)
        .err()
        .ok_or("no error")?;
    assert!(err.source().is_none());
    println!("{}", err.code());
    Ok(())
}
