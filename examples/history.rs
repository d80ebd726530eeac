//! The dossier of the bundled sequence (`examples/data/history/`: the real internal audit of
//! Toulon, then a synthetic initial and a synthetic suivi audit): its history, its plan
//! d'actions and the label's status at a date, all read from one dossier.
//!
//! ```text
//! cargo run --example history
//! ```

use qualepref::dossier::{Dossier, DossierOptions};
use qualepref::plan::Plan;
use qualepref::{Audit, History, Language, NaiveDate, Referentiel};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/history");
    let mut audits = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let label = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            audits.push((label, Audit::from_path(&path)?));
        }
    }
    let referentiel = Referentiel::qual_e_pref_2019();
    let dossier = Dossier::with_labels(audits, referentiel, &DossierOptions::default());
    let at = NaiveDate::from_ymd_opt(2022, 1, 1).ok_or("date")?;
    print!(
        "{}",
        History::of(&dossier, referentiel, Some(at)).to_text(Language::Fr)
    );
    println!();
    print!("{}", Plan::build(&dossier, at).to_text(Language::Fr));
    if let Some(next) = dossier.next_audit_at(at) {
        println!(
            "\n{} {} (due {})",
            next.audit_type, next.window_end, next.due
        );
    }
    Ok(())
}
