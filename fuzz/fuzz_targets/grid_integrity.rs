//! The grid's integrity (as tests/integrity_grid.rs states it), on the CSV form of the Toulon
//! audit: a verdict NC Maj or a point sensible written in any value of any line, over a value,
//! or in a line of its own keyed as another, is filed (a filed NC Maj makes the outcome
//! unfavourable), or the audit is refused with an error naming the line written. The input
//! chooses the spelling, the place and the text around it; the table is a few kilobytes.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use qualepref::{
    Audit, NcGrade, ObservationKind, Outcome, Policy, Referentiel, Valid, ValidationOptions,
    Verdict, decide, grid,
};

const MAJOR: [&str; 10] = [
    "NC Maj",
    "nc-maj",
    "NC MAJ",
    "nc_maj",
    "NC majeure",
    "non-conformité majeure",
    "Non conformité majeure",
    "NC\u{a0}Maj",
    "NC  Maj",
    "**NC Maj**",
];
const CONCERN: [&str; 3] = ["PS : ", "ps: ", "Point sensible : "];
const SPACES: [&str; 4] = ["", " ", "\u{a0}", "\t"];
/// The CSV columns of a line's values: verdict, text, comment, evidence, a fiche's number, cause
/// and answer.
const VALUES: [usize; 7] = [6, 8, 10, 20, 21, 22, 23];

/// The Toulon audit and the lines of its table (lines without a quote only: they split at
/// `;`).
fn toulon() -> &'static (Audit, Vec<String>) {
    static TOULON: OnceLock<(Audit, Vec<String>)> = OnceLock::new();
    TOULON.get_or_init(|| {
        let audit = Audit::from_json_str(qualepref::samples::TOULON_2019_JSON)
            .unwrap_or_else(|e| panic!("{e}"));
        let table = grid::export_csv(&audit, Referentiel::qual_e_pref_2019())
            .unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8(table).unwrap_or_else(|e| panic!("{e}"));
        let lines = text.split("\r\n").map(str::to_owned).collect();
        (audit, lines)
    })
}

fn majors(a: &Audit) -> usize {
    a.assessments
        .iter()
        .map(|x| x.verdict)
        .chain(a.management.iter().map(|m| m.verdict))
        .chain([a.conclusion.charte_graphique.verdict])
        .filter(|v| *v == Some(Verdict::MajorNonconformity))
        .count()
        + a.ecarts.iter().filter(|f| f.grade == NcGrade::Major).count()
}

fuzz_target!(|data: &[u8]| {
    let [kind, spelling, space, at, col, mode, rest @ ..] = data else {
        return;
    };
    // The text after a point sensible's code, from the input (no separator, quote or line end).
    let tail: String = String::from_utf8_lossy(rest.get(..rest.len().min(24)).unwrap_or(&[]))
        .chars()
        .filter(|c| !matches!(c, ';' | '"' | '\r' | '\n' | ',' | '\t'))
        .collect();
    let major = kind % 4 != 0;
    let token = if major {
        let s = SPACES[usize::from(*space) % SPACES.len()];
        format!("{s}{}{s}", MAJOR[usize::from(*spelling) % MAJOR.len()])
    } else {
        format!(
            "{}accueil {}",
            CONCERN[usize::from(*spelling) % CONCERN.len()],
            tail.trim()
        )
        .trim()
        .to_owned()
    };
    let (audit, lines) = toulon();
    let body: Vec<usize> = (1..lines.len())
        .filter(|&i| !lines[i].contains('"') && !lines[i].is_empty())
        .collect();
    let from = body[usize::from(*at) % body.len()];
    let mut lines = lines.clone();
    let mut cells: Vec<String> = lines[from].split(';').map(str::to_owned).collect();
    let c = usize::from(*col) % 28;
    let line = match mode % 3 {
        // The first free value of the line from `c` on.
        0 => {
            let mut c = c;
            while cells.get(c).is_some_and(|v| !v.is_empty()) {
                c += 1;
            }
            if cells.len() <= c {
                cells.resize(c + 1, String::new());
            }
            cells[c] = token.clone();
            lines[from] = cells.join(";");
            from
        }
        // Over its verdict, text, comment, evidence, or a fiche's number, cause or answer.
        1 => {
            cells[VALUES[c % VALUES.len()]] = token.clone();
            lines[from] = cells.join(";");
            from
        }
        // A line of its own, keyed as this one.
        _ => {
            let mut again = vec![String::new(); 24];
            again[..6].clone_from_slice(&cells[..6]);
            again[VALUES[c % VALUES.len()]] = token.clone();
            let end = lines.len() - 1;
            lines.insert(end, again.join(";"));
            end
        }
    };
    let named = format!("line {},", line + 1);
    let referentiel = Referentiel::qual_e_pref_2019();
    let imported = match grid::import_csv(lines.join("\r\n").as_bytes(), referentiel) {
        Ok(imported) => imported,
        Err(e) => {
            let e = e.to_string();
            assert!(e.contains(&named), "{token:?} at {named}: {e}");
            return;
        }
    };
    let back = imported.audit();
    let filed = if major {
        majors(back) > majors(audit)
    } else {
        back.observations()
            .any(|o| o.kind == ObservationKind::AreaOfConcern && o.text == token)
            || back.conclusion.points_sensibles.contains(&token)
    };
    match Valid::new(back, referentiel, &ValidationOptions::default()) {
        Ok(valid) => {
            let outcome = decide(&valid, &Policy::default()).outcome;
            assert!(filed, "{token:?} at {named}: not filed, and valid ({outcome:?})");
            if major {
                assert_eq!(outcome, Outcome::Unfavorable, "{token:?} at {named}");
            }
        }
        Err(report) => {
            if !filed {
                assert!(
                    report
                        .errors()
                        .any(|d| d.message_in(qualepref::Language::En).contains(&named)),
                    "{token:?} at {named}: refused, but no error names it"
                );
            }
        }
    }
});
