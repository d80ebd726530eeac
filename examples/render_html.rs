//! Writes the HTML report of an audit: the bundled Toulon 2019 audit, or one given as argument.
//!
//! ```text
//! cargo run --example render_html -- report.html                 # Toulon 2019, in French
//! cargo run --example render_html -- report.html audit.json      # your own audit
//! cargo run --example render_html -- report.html audit.json en   # in English
//! ```
//!
//! Without an output path, the HTML goes to standard output. An audit that fails validation is
//! reported on standard error and exits with status 1.

use std::process::ExitCode;

use qualepref::validate::ValidationOptions;
use qualepref::{Audit, Language, Policy, Referentiel, Valid, conclude, render_html, samples};

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let output = args.next().filter(|o| o != "-");
    let audit = match args.next() {
        Some(path) => qualepref::Audit::from_path(path)?,
        None => Audit::from_json_str(samples::TOULON_2019_JSON)?,
    };
    let language = match args.next() {
        Some(code) => code.parse::<Language>()?,
        None => Language::Fr,
    };
    let valid = match Valid::new(
        &audit,
        Referentiel::qual_e_pref_2019(),
        &ValidationOptions::default(),
    ) {
        Ok(valid) => valid,
        Err(report) => {
            eprintln!("the audit does not validate:\n{report}");
            return Ok(ExitCode::from(1));
        }
    };
    let conclusions = conclude(&valid, &Policy::default(), language);
    let html = render_html(&valid, &conclusions);
    match output {
        Some(path) => {
            std::fs::write(&path, html)?;
            eprintln!("wrote {path}");
        }
        None => print!("{html}"),
    }
    Ok(ExitCode::SUCCESS)
}
