//! Runs the engine (or the JSON parser) in a loop, for an instruction count that does not
//! depend on the machine's load: run it twice under callgrind with two loop counts, and the
//! difference divided by the difference of counts is the cost of one audit, setup excluded.
//!
//! ```text
//! cargo build --release --example engine_loop
//! valgrind --tool=callgrind target/release/examples/engine_loop full engine 1000
//! valgrind --tool=callgrind target/release/examples/engine_loop full engine 2000
//! ```
//!
//! Arguments: the audit (`toulon`, the bundled Toulon 2019 audit, or `full`, the synthetic
//! all-modules audit), what to run (`engine`: `Valid::new` then `conclude`, as the `engine`
//! benchmark; `parse`: `Audit::from_json_str`, as `parse_json`; `markdown`, `html`, `text`: the
//! report of the concluded audit, as `render_markdown`, `render_html` and `render_text`) and the
//! number of iterations.
//! See `docs/performance.md`.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;
use std::hint::black_box;
use std::process::ExitCode;

use qualepref::{
    Audit, Language, Policy, Referentiel, Valid, ValidationOptions, conclude, render_html,
    render_markdown, render_text, samples,
};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "toulon".to_owned());
    let mode = args.next().unwrap_or_else(|| "engine".to_owned());
    let iterations: usize = args.next().map_or(Ok(1000), |n| n.parse())?;

    let synthetic = synthetic::synthetic_referentiel()?;
    let (audit, referentiel) = match which.as_str() {
        "toulon" => (
            Audit::from_json_str(samples::TOULON_2019_JSON)?,
            Referentiel::qual_e_pref_2019(),
        ),
        "full" => (synthetic::synthetic_audit(&synthetic)?, &synthetic),
        other => return Err(format!("unknown audit {other:?}: toulon or full").into()),
    };
    // The JSON the `parse_json` benchmark reads: the bundled text, or the synthetic audit's.
    let json = if which == "toulon" {
        samples::TOULON_2019_JSON.to_owned()
    } else {
        audit.to_json_string()?
    };
    let options = ValidationOptions::default();
    let policy = Policy::default();
    match mode.as_str() {
        "engine" => {
            for _ in 0..iterations {
                let valid = Valid::new(black_box(&audit), referentiel, &options)
                    .map_err(|report| report.to_string())?;
                black_box(conclude(&valid, &policy, Language::Fr));
            }
        }
        "parse" => {
            for _ in 0..iterations {
                black_box(Audit::from_json_str(black_box(&json))?);
            }
        }
        "markdown" | "html" | "text" => {
            let valid =
                Valid::new(&audit, referentiel, &options).map_err(|report| report.to_string())?;
            let conclusions = conclude(&valid, &policy, Language::Fr);
            for _ in 0..iterations {
                let out = match mode.as_str() {
                    "markdown" => render_markdown(black_box(&valid), &conclusions),
                    "html" => render_html(black_box(&valid), &conclusions),
                    _ => render_text(black_box(&valid), &conclusions),
                };
                black_box(out);
            }
        }
        other => {
            return Err(
                format!("unknown mode {other:?}: engine, parse, markdown, html or text").into(),
            );
        }
    }
    Ok(())
}
