//! The history of the bundled sequence (`examples/data/history/`: the real internal audit of
//! Toulon, then a synthetic initial and a synthetic suivi audit), and the label's status at a
//! date.
//!
//! ```text
//! cargo run --example history
//! ```

use qualepref::{Audit, History, HistoryOptions, Language, NaiveDate, Referentiel};

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
    let at = NaiveDate::from_ymd_opt(2022, 1, 1).ok_or("date")?;
    let history = History::with_labels(
        audits,
        Referentiel::qual_e_pref_2019(),
        &HistoryOptions::default().at(at),
    );
    print!("{}", history.to_text(Language::Fr));
    Ok(())
}
