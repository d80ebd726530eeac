//! The grid's integrity, as a property: a verdict or a point sensible written anywhere in a
//! valid audit's grid (any sheet, a new one or a copy of a module's, any column, those of
//! comments and those beyond the grid's, a second row of an item, the page de garde, the
//! conclusion), in any of the spellings the readers accept, either is filed where it belongs
//! (and a filed NC Maj makes the outcome unfavourable) or refuses the audit with an error that
//! names the cell where it was written. It never leaves an audit that validates with a
//! favourable outcome while the value was not filed.
#![cfg(all(feature = "xlsx", feature = "csv"))]
// Cells hold small whole numbers; lines are counted in a few kilobytes.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::naive_bytecount
)]

#[path = "support/synthetic.rs"]
mod synthetic;

use std::io::Cursor;
use std::sync::OnceLock;

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use proptest::prelude::*;
use proptest::sample::Index;
use qualepref::{
    Audit, Error, ObservationKind, Outcome, Policy, Referentiel, Valid, ValidationOptions, Verdict,
    decide, grid,
};
use rust_xlsxwriter::Workbook;

/// Every sheet of a workbook as calamine reads it: name, then its rows of cells from A1.
type Sheets = Vec<(String, Vec<Vec<Data>>)>;

fn read(bytes: &[u8]) -> Sheets {
    let Ok(mut book) = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())) else {
        return Vec::new();
    };
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let mut rows: Vec<Vec<Data>> = Vec::new();
            if let Ok(range) = book.worksheet_range(&name) {
                let (r0, c0) = range.start().unwrap_or((0, 0));
                for (r, c, v) in range.used_cells() {
                    let (r, c) = (r + r0 as usize, c + c0 as usize);
                    if rows.len() <= r {
                        rows.resize(r + 1, Vec::new());
                    }
                    if rows[r].len() <= c {
                        rows[r].resize(c + 1, Data::Empty);
                    }
                    rows[r][c] = v.clone();
                }
            }
            (name, rows)
        })
        .collect()
}

/// `sheets` as a plain workbook, as a spreadsheet program saving the edited grid would.
fn write(sheets: &Sheets) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        let _ = ws.set_name(name);
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                let _ = match v {
                    Data::String(s) => ws.write_string(r, c, s).map(|_| ()),
                    Data::Float(f) => ws.write_number(r, c, *f).map(|_| ()),
                    Data::Int(i) => ws.write_number(r, c, *i as f64).map(|_| ()),
                    Data::DateTime(d) => ws
                        .write_number_with_format(r, c, d.as_f64(), &date)
                        .map(|_| ()),
                    _ => Ok(()),
                };
            }
        }
        if name == "_qualepref" {
            ws.set_hidden(true);
        }
    }
    book.save_to_buffer().unwrap_or_default()
}

/// The name of cell `row`, `col` (0-based) of `sheet`: `Module 1!C7`.
fn cell_name(sheet: &str, row: usize, col: usize) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        letters.push(char::from(b'A' + ((n - 1) % 26) as u8));
        n = (n - 1) / 26;
    }
    let letters: String = letters.iter().rev().collect();
    format!("{sheet}!{letters}{}", row + 1)
}

/// What is written: a major nonconformity, or a point sensible, in one of the spellings the
/// readers accept.
#[derive(Debug, Clone)]
enum Token {
    Major(String),
    Concern(String),
}

impl Token {
    fn text(&self) -> &str {
        match self {
            Token::Major(t) | Token::Concern(t) => t,
        }
    }
}

fn token() -> impl Strategy<Value = Token> {
    let major = prop::sample::select(vec![
        "NC Maj",
        "nc-maj",
        "NC MAJ",
        "nc_maj",
        "NC majeure",
        "non-conformité majeure",
        "Non conformité majeure",
        "NON-CONFORMITE MAJEURE",
        "NC\u{a0}Maj",
        "NC  Maj",
        "nc\u{202f}maj",
        "**NC Maj**",
    ]);
    let spaces = prop::sample::select(vec!["", " ", "  ", "\u{a0}", "\t"]);
    let majors = (spaces.clone(), major, spaces)
        .prop_map(|(before, t, after)| Token::Major(format!("{before}{t}{after}")));
    let concern = (
        prop::sample::select(vec!["PS : ", "PS: ", "PS - ", "ps : ", "Point sensible : "]),
        "[a-zé ]{1,12}",
    )
        .prop_map(|(head, tail)| Token::Concern(format!("{head}accueil {tail}").trim().to_owned()));
    prop_oneof![3 => majors, 1 => concern]
}

/// Where a token is written in a workbook.
#[derive(Debug, Clone)]
enum Place {
    /// In a cell of a sheet, the first free one of its row from `col` on.
    Cell { sheet: Index, row: Index, col: u8 },
    /// Over the value of a cell where the grid holds a verdict, an observation, a comment, a
    /// value of the page de garde or a paragraph of the conclusion.
    Over {
        sheet: Index,
        row: Index,
        col: Index,
    },
    /// In a second row of an item (an engagement, a management item, a remote check).
    Again {
        sheet: Index,
        row: Index,
        col: Index,
    },
    /// In a sheet of its own, or in a copy of a module's sheet.
    Sheet { copy: bool, row: u8, col: u8 },
}

fn place() -> impl Strategy<Value = Place> {
    prop_oneof![
        (any::<Index>(), any::<Index>(), 0u8..14).prop_map(|(sheet, row, col)| Place::Cell {
            sheet,
            row,
            col
        }),
        (any::<Index>(), any::<Index>(), any::<Index>())
            .prop_map(|(sheet, row, col)| Place::Over { sheet, row, col }),
        (any::<Index>(), any::<Index>(), any::<Index>())
            .prop_map(|(sheet, row, col)| Place::Again { sheet, row, col }),
        (any::<bool>(), 0u8..40, 0u8..12).prop_map(|(copy, row, col)| Place::Sheet {
            copy,
            row,
            col
        }),
    ]
}

/// The columns of a sheet's values a token may be written over, and the columns that name
/// the item of a row (copied to a second row of it).
fn columns(sheet: &str) -> (&'static [usize], &'static [usize]) {
    match sheet {
        s if s.starts_with("Module") => (&[2, 3, 4, 5, 6, 7, 8], &[0]),
        "Pilotage et labellisation" => (&[3, 4, 5, 6, 7, 8, 9], &[0, 1]),
        "Audit à distance" => (&[4, 5, 6, 7, 8, 9], &[0, 1, 2]),
        "Fiches d'écart" => (&[1, 2, 3, 4, 6, 9, 10, 11, 12], &[]),
        "Page de garde" | "Conclusion" => (&[1], &[]),
        _ => (&[], &[]),
    }
}

/// Writes `text` at `place` in `sheets`; returns the cell written, `None` when the place does
/// not exist in this grid.
fn put(sheets: &mut Sheets, place: &Place, text: &str) -> Option<String> {
    let set = |rows: &mut Vec<Vec<Data>>, r: usize, c: usize| {
        if rows.len() <= r {
            rows.resize(r + 1, Vec::new());
        }
        if rows[r].len() <= c {
            rows[r].resize(c + 1, Data::Empty);
        }
        rows[r][c] = Data::String(text.to_owned());
    };
    match place {
        Place::Cell { sheet, row, col } => {
            let count = sheets.len();
            let (name, rows) = sheets.get_mut(sheet.index(count))?;
            let r = row.index(rows.len() + 4);
            let width = rows.get(r).map_or(0, Vec::len);
            // A cell that holds a value: the first cell after the row's last.
            let mut c = usize::from(*col);
            if rows
                .get(r)
                .and_then(|row| row.get(c))
                .is_some_and(|v| *v != Data::Empty)
            {
                c = width;
            }
            let name = name.clone();
            set(rows, r, c);
            Some(cell_name(&name, r, c))
        }
        Place::Over { sheet, row, col } => {
            let count = sheets.len();
            let (name, rows) = sheets.get_mut(sheet.index(count))?;
            let (values, _) = columns(name);
            if values.is_empty() {
                return None;
            }
            // The rows of items (from row 4) with a label or number in column A.
            let items: Vec<usize> = (3..rows.len())
                .filter(|&r| {
                    rows[r].first().is_some_and(|v| *v != Data::Empty)
                        && rows[r].first() != Some(&Data::String("Auditeurs".to_owned()))
                })
                .collect();
            let r = *items.get(row.index(items.len().max(1)))?;
            let c = values[col.index(values.len())];
            let name = name.clone();
            set(rows, r, c);
            Some(cell_name(&name, r, c))
        }
        Place::Again { sheet, row, col } => {
            let count = sheets.len();
            let (name, rows) = sheets.get_mut(sheet.index(count))?;
            let (values, keys) = columns(name);
            if keys.is_empty() {
                return None;
            }
            let items: Vec<usize> = (3..rows.len())
                .filter(|&r| matches!(rows[r].get(keys[keys.len() - 1]), Some(Data::Float(_))))
                .collect();
            let r = *items.get(row.index(items.len().max(1)))?;
            let mut again: Vec<Data> = keys
                .iter()
                .map(|&k| rows[r].get(k).cloned().unwrap_or(Data::Empty))
                .collect();
            let c = values[col.index(values.len())];
            again.resize(c + 1, Data::Empty);
            again[c] = Data::String(text.to_owned());
            let at = rows.len();
            rows.push(again);
            Some(cell_name(name, at, c))
        }
        Place::Sheet { copy, row, col } => {
            let (name, mut rows) = if *copy {
                let module = sheets.iter().find(|(n, _)| n == "Module 1")?;
                ("Module 1 (2)".to_owned(), module.1.clone())
            } else {
                ("Notes".to_owned(), Vec::new())
            };
            let (r, c) = (usize::from(*row), usize::from(*col));
            set(&mut rows, r, c);
            sheets.push((name.clone(), rows));
            Some(cell_name(&name, r, c))
        }
    }
}

/// Where a token is written in a CSV table.
#[derive(Debug, Clone)]
enum Line {
    /// In a value of a line, the first free one from `col` on.
    Cell { line: Index, col: u8 },
    /// Over the verdict, text or comment of a line.
    Over { line: Index, col: Index },
    /// In a line of its own, the key of another (its kind, field, module, engagement…).
    Again { line: Index, col: Index },
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        (any::<Index>(), 0u8..28).prop_map(|(line, col)| Line::Cell { line, col }),
        (any::<Index>(), any::<Index>()).prop_map(|(line, col)| Line::Over { line, col }),
        (any::<Index>(), any::<Index>()).prop_map(|(line, col)| Line::Again { line, col }),
    ]
}

/// The CSV columns of a line's value (verdict, text, comment, evidence, a fiche's number,
/// cause and answer), and of its key (kind, field, module, engagement, management, channel).
const VALUES: [usize; 7] = [6, 8, 10, 20, 21, 22, 23];
const KEYS: [usize; 6] = [0, 1, 2, 3, 4, 5];

/// Writes `text` at `place` in the table's `records` (the header first); returns the table
/// and the line written (1-based).
fn put_line(records: &[Vec<String>], place: &Line, text: &str) -> (Vec<u8>, usize) {
    let mut records = records.to_vec();
    let body = records.len() - 1;
    let at = match place {
        Line::Cell { line, col } => {
            let at = 1 + line.index(body);
            let record = &mut records[at];
            let mut c = usize::from(*col);
            while record.get(c).is_some_and(|v| !v.is_empty()) {
                c += 1;
            }
            if record.len() <= c {
                record.resize(c + 1, String::new());
            }
            text.clone_into(&mut record[c]);
            at
        }
        Line::Over { line, col } => {
            let at = 1 + line.index(body);
            let c = VALUES[col.index(VALUES.len())];
            text.clone_into(&mut records[at][c]);
            at
        }
        Line::Again { line, col } => {
            let from = 1 + line.index(body);
            let mut again = vec![String::new(); 24];
            for k in KEYS {
                again[k].clone_from(&records[from][k]);
            }
            text.clone_into(&mut again[VALUES[col.index(VALUES.len())]]);
            records.push(again);
            records.len() - 1
        }
    };
    let mut out = Vec::new();
    let mut line = 0;
    for (i, record) in records.iter().enumerate() {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let _ = writer.write_record(record);
        let bytes = writer.into_inner().unwrap_or_default();
        if i == at {
            line = 1 + out.iter().filter(|&&b| b == b'\n').count();
        }
        out.extend(bytes);
    }
    (out, line)
}

/// Whether `token` was filed in `back`, read from a grid of `original`: a verdict or a fiche's
/// grade NC Maj more than the original holds, or a point sensible of the token's text.
fn filed(original: &Audit, back: &Audit, token: &Token) -> bool {
    match token {
        Token::Major(_) => {
            let majors = |a: &Audit| {
                a.assessments
                    .iter()
                    .map(|x| x.verdict)
                    .chain(a.management.iter().map(|m| m.verdict))
                    .chain([a.conclusion.charte_graphique.verdict])
                    .filter(|v| *v == Some(Verdict::MajorNonconformity))
                    .count()
                    + a.ecarts
                        .iter()
                        .filter(|f| f.grade == qualepref::NcGrade::Major)
                        .count()
            };
            majors(back) > majors(original)
        }
        Token::Concern(t) => {
            back.observations()
                .any(|o| o.kind == ObservationKind::AreaOfConcern && o.text == *t)
                || back.conclusion.points_sensibles.iter().any(|p| p == t)
        }
    }
}

/// Checks the property on the result of importing a grid of `original` where `token` was
/// written at `place`, named in messages as `named` (a cell's name, or a CSV line).
fn holds(
    original: &Audit,
    referentiel: &Referentiel,
    token: &Token,
    named: &str,
    imported: Result<grid::GridImport, Error>,
) -> Result<(), TestCaseError> {
    let imported = match imported {
        Ok(imported) => imported,
        Err(e) => {
            let e = e.to_string();
            prop_assert!(e.contains(named), "{token:?} at {named}: {e}");
            return Ok(());
        }
    };
    let back = imported.audit();
    let filed = filed(original, back, token);
    match Valid::new(back, referentiel, &ValidationOptions::default()) {
        Ok(valid) => {
            let outcome = decide(&valid, &Policy::default()).outcome;
            prop_assert!(
                filed,
                "{token:?} at {named}: not filed, and the audit validates ({outcome:?}); unread: {:?}",
                back.unread
            );
            if matches!(token, Token::Major(_)) {
                prop_assert_eq!(outcome, Outcome::Unfavorable, "{:?} at {}", token, named);
            }
        }
        Err(report) => {
            if !filed {
                let errors: Vec<String> = report
                    .errors()
                    .map(|d| format!("{}: {}", d.path, d.message_in(qualepref::Language::En)))
                    .collect();
                prop_assert!(
                    errors.iter().any(|e| e.contains(named)),
                    "{token:?} at {named}: refused, but no error names it: {errors:#?}"
                );
            }
        }
    }
    Ok(())
}

/// A valid audit, its référentiel, and its grid as sheets and as CSV records.
struct Fixture {
    audit: Audit,
    referentiel: Referentiel,
    sheets: Sheets,
    records: Vec<Vec<String>>,
}

fn fixture(audit: Audit, referentiel: Referentiel) -> Fixture {
    let workbook = grid::export_xlsx(&audit, &referentiel).unwrap_or_default();
    let table = grid::export_csv(&audit, &referentiel).unwrap_or_default();
    let records = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(table.get(3..).unwrap_or_default())
        .records()
        .filter_map(Result::ok)
        .map(|r| r.iter().map(str::to_owned).collect())
        .collect();
    Fixture {
        sheets: read(&workbook),
        audit,
        referentiel,
        records,
    }
}

/// The Toulon audit (all C, favourable) and the synthetic one (eight modules, an NC min:
/// favourable with conditions).
fn fixtures() -> &'static [Fixture] {
    static FIXTURES: OnceLock<Vec<Fixture>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let mut toulon = Audit::from_json_str(qualepref::samples::TOULON_2019_JSON)
            .unwrap_or_else(|e| panic!("{e}"));
        // The cells the grid gained in 0.3 hold a value: evidence, the labelling decision.
        for a in toulon.assessments.iter_mut().step_by(3) {
            a.evidence = Some(format!("Registre de l'engagement {}", a.engagement));
        }
        for m in &mut toulon.management {
            m.evidence = Some("Compte rendu du comité de pilotage".to_owned());
        }
        toulon.labelling = "2020-01-15"
            .parse()
            .ok()
            .map(qualepref::LabellingDecision::on);
        let referentiel = synthetic::synthetic_referentiel().unwrap_or_else(|e| panic!("{e}"));
        let mut audit = synthetic::synthetic_audit(&referentiel).unwrap_or_else(|e| panic!("{e}"));
        for (n, f) in (1..).zip(&mut audit.ecarts) {
            f.number = Some(n);
            f.cause = Some("Bureau du courrier sans suppléant.".to_owned());
            f.response = Some("Un suppléant est désigné.".to_owned());
        }
        vec![
            fixture(toulon, Referentiel::qual_e_pref_2019().clone()),
            fixture(audit, referentiel),
        ]
    })
}

#[test]
fn the_fixtures_are_valid_with_a_favourable_outcome_and_read_back() {
    for f in fixtures() {
        let valid = Valid::new(&f.audit, &f.referentiel, &ValidationOptions::default())
            .unwrap_or_else(|r| panic!("{:?}", r.diagnostics()));
        assert_ne!(
            decide(&valid, &Policy::default()).outcome,
            Outcome::Unfavorable
        );
        let back = grid::import_xlsx(&write(&f.sheets), &f.referentiel).unwrap();
        assert_eq!(back.audit(), &f.audit);
        assert!(f.records.len() > 50);
    }
}

proptest! {
    // Each case writes and reads a workbook: about 80 ms in a debug build.
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_verdict_written_anywhere_in_a_workbook_is_filed_or_refuses_the_audit(
        which in 0usize..4,
        token in token(),
        place in place(),
    ) {
        // Toulon three times in four: its grid is smaller.
        let f = &fixtures()[usize::from(which == 3)];
        let mut sheets = f.sheets.clone();
        let Some(cell) = put(&mut sheets, &place, token.text()) else {
            return Ok(());
        };
        let imported = grid::import_xlsx(&write(&sheets), &f.referentiel);
        // Messages name the cell as the source's (validation) or with its text (import).
        let named = match &imported {
            // (Validation's messages escape the cell's name as Rust does: `Fiches d\'écart`.)
            Ok(_) => format!("{} of the source", cell.escape_debug()),
            Err(_) => cell.clone(),
        };
        holds(&f.audit, &f.referentiel, &token, &named, imported)?;
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_verdict_written_anywhere_in_a_table_is_filed_or_refuses_the_audit(
        which in 0usize..4,
        token in token(),
        place in line(),
    ) {
        let f = &fixtures()[usize::from(which == 3)];
        let (table, line) = put_line(&f.records, &place, token.text());
        let imported = grid::import_csv(&table, &f.referentiel);
        holds(&f.audit, &f.referentiel, &token, &format!("line {line},"), imported)?;
    }
}
