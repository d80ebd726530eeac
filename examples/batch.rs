//! Validates and concludes every audit of a directory (JSON, YAML, TOML by extension) and prints
//! a table, an internal audit's outcome marked indicative. `cargo run --example batch [DIR]`.

use qualepref::{Audit, Format, Language, Policy, Referentiel, Valid, ValidationOptions, conclude};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1);
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir.as_deref().unwrap_or("examples/data"))? {
        paths.push(entry?.path());
    }
    paths.retain(|p| Format::from_path(p).is_some());
    paths.sort();
    println!("file | site | date | outcome | rate\n--- | --- | --- | --- | ---");
    for path in &paths {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let row = row(path).unwrap_or_else(|e| format!("{e} | | |"));
        println!("{name} | {row}");
    }
    Ok(())
}

fn row(path: &std::path::Path) -> Result<String, qualepref::Error> {
    let audit = Audit::from_path(path)?;
    let (s, date) = (&audit.site, audit.dates.start);
    let site = format!("{} ({}) | {date}", s.city, s.departement);
    let options = ValidationOptions::default();
    let c = match Valid::new(&audit, Referentiel::qual_e_pref_2019(), &options) {
        Ok(valid) => conclude(&valid, &Policy::default(), Language::En),
        Err(r) => return Ok(format!("{site} | {} errors |", r.errors().count())),
    };
    let rate = c.rate.map(|r| r.display(Language::En)).unwrap_or_default();
    // `(indicative)` after an internal audit's outcome, which decides nothing.
    Ok(format!(
        "{site} | {} | {rate}",
        c.outcome_label(Language::En)
    ))
}
