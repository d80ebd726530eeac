//! The audit grid as a workbook: written with rust_xlsxwriter, read back with calamine (a reader
//! independent of the writer), round trips, and grids edited by hand.
#![cfg(feature = "xlsx")]
// Cells hold whole numbers written by the tests themselves.
#![allow(
    clippy::float_cmp,
    clippy::cast_precision_loss,
    clippy::format_push_string
)]

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use qualepref::grid::{self, GridDiagnostic};
use qualepref::{
    AdministrationType, Audit, AuditKind, AuditType, EngagementNumber, ImportLevel, Language,
    ModuleNumber, Referentiel, RuleCode, Site, Unread, ValidationOptions, Verdict, validate,
};
use rust_xlsxwriter::Workbook;

fn toulon() -> Audit {
    Audit::from_json_str(qualepref::samples::TOULON_2019_JSON).unwrap()
}

fn referentiel() -> &'static Referentiel {
    Referentiel::qual_e_pref_2019()
}

/// Every sheet of a workbook as calamine reads it: name, then (row, col, value) of each
/// non-empty cell.
type Sheets = Vec<(String, Vec<Vec<Data>>)>;

#[track_caller]
fn read(bytes: &[u8]) -> Sheets {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let mut rows: Vec<Vec<Data>> = Vec::new();
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
            (name, rows)
        })
        .collect()
}

/// Writes `sheets` back as a plain workbook, as a spreadsheet program saving the edited grid
/// would (no formats, no drop-downs; `_qualepref` hidden).
#[track_caller]
fn write(sheets: &Sheets) -> Vec<u8> {
    write_book(sheets).save_to_buffer().unwrap()
}

/// The workbook of [`write`], before it is saved.
#[track_caller]
fn write_book(sheets: &Sheets) -> Workbook {
    let mut book = Workbook::new();
    let date_format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match v {
                    Data::String(s) => {
                        ws.write_string(r, c, s).unwrap();
                    }
                    Data::Float(f) => {
                        ws.write_number(r, c, *f).unwrap();
                    }
                    Data::Int(i) => {
                        ws.write_number(r, c, *i as f64).unwrap();
                    }
                    Data::DateTime(d) => {
                        ws.write_number_with_format(r, c, d.as_f64(), &date_format)
                            .unwrap();
                    }
                    Data::Empty => {}
                    other => panic!("unexpected cell {other:?}"),
                }
            }
        }
        if name == "_qualepref" {
            ws.set_hidden(true);
        }
    }
    book
}

#[track_caller]
fn sheet<'a>(sheets: &'a mut Sheets, name: &str) -> &'a mut Vec<Vec<Data>> {
    &mut sheets.iter_mut().find(|(n, _)| n == name).unwrap().1
}

/// The row whose column A is engagement `n`.
#[track_caller]
fn row_of(rows: &[Vec<Data>], n: u16) -> usize {
    rows.iter()
        .position(|r| matches!(r.first(), Some(Data::Float(f)) if *f == f64::from(n)))
        .unwrap()
}

fn set(rows: &mut [Vec<Data>], r: usize, c: usize, value: Data) {
    if rows[r].len() <= c {
        rows[r].resize(c + 1, Data::Empty);
    }
    rows[r][c] = value;
}

fn lines(diagnostics: &[GridDiagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d.to_string_in(Language::En))
        .collect()
}

#[test]
fn toulon_round_trips_through_the_workbook() {
    let audit = toulon();
    let bytes = grid::export_xlsx(&audit, referentiel()).unwrap();
    let back = grid::import_xlsx(&bytes, referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit(), &audit);
}

/// A sheet with no rows and no spare rows (the management sheet of an audit without management
/// assessments) gets no drop-down nor colour range, which would end above its start.
#[test]
fn an_audit_without_management_rows_round_trips_through_the_workbook() {
    let mut audit = toulon();
    audit.management.clear();
    let bytes = grid::export_xlsx(&audit, referentiel()).unwrap();
    let back = grid::import_xlsx(&bytes, referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit(), &audit);
}

#[test]
fn a_grid_file_is_read_by_its_extension() {
    let dir = std::env::temp_dir().join(format!("qualepref-grid-path-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let audit = toulon();
    let xlsx = grid::export_xlsx(&audit, referentiel()).unwrap();
    // Any extension but `.csv` is a workbook.
    for name in ["toulon.xlsx", "toulon.XLSX", "toulon"] {
        let path = dir.join(name);
        std::fs::write(&path, &xlsx).unwrap();
        let back = grid::import_path(&path, referentiel()).unwrap();
        assert_eq!(back.audit(), &audit, "{name}");
        assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    }
    // A CSV table, whatever the extension's case, when the feature is on.
    #[cfg(feature = "csv")]
    {
        let csv = grid::export_csv(&audit, referentiel()).unwrap();
        for name in ["toulon.csv", "toulon.CSV"] {
            let path = dir.join(name);
            std::fs::write(&path, &csv).unwrap();
            let back = grid::import_path(&path, referentiel()).unwrap();
            assert_eq!(back.audit(), &audit, "{name}");
        }
        // A workbook named `.csv` is read as a table and refused, naming the file.
        let path = dir.join("workbook.csv");
        std::fs::write(&path, &xlsx).unwrap();
        let err = grid::import_path(&path, referentiel())
            .unwrap_err()
            .to_string();
        assert!(err.contains("workbook.csv"), "{err}");
    }
    // A table named `.xlsx` is read as a workbook and refused, naming the file.
    let path = dir.join("table.xlsx");
    std::fs::write(&path, "kind;field\n").unwrap();
    let err = grid::import_path(&path, referentiel())
        .unwrap_err()
        .to_string();
    assert!(err.contains("table.xlsx"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_remote_checks_comment_round_trips_through_the_workbook_and_the_table() {
    let mut audit = toulon();
    audit.remote_checks[0].comment =
        Some("Conforme. 5 appels passés, décroché en moins de 4 sonneries.".to_owned());
    let bytes = grid::export_xlsx(&audit, referentiel()).unwrap();
    let back = grid::import_xlsx(&bytes, referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit(), &audit);
    #[cfg(feature = "csv")]
    {
        let table = grid::export_csv(&audit, referentiel()).unwrap();
        let back = grid::import_csv(&table, referentiel()).unwrap();
        assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
        assert_eq!(back.audit(), &audit);
    }
}

#[test]
fn the_workbook_is_a_valid_office_open_xml_package() {
    let bytes = grid::export_xlsx(&toulon(), referentiel()).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    // File names stand uncompressed in the zip's headers.
    let has = |name: &str| bytes.windows(name.len()).any(|w| w == name.as_bytes());
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/sharedStrings.xml",
        "xl/styles.xml",
        "xl/worksheets/sheet1.xml",
    ] {
        assert!(has(part), "missing part {part}");
    }
    // The cells are styled: the auditor's cells unlocked, dates in French order, fixed cells on
    // grey.
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("xl/styles.xml").unwrap(), &mut styles)
        .unwrap();
    for style in [
        "locked=\"0\"",
        "formatCode=\"dd/mm/yyyy\"",
        "F2F2F2",
        "<b/>",
    ] {
        assert!(styles.contains(style), "{style}: {styles}");
    }
    let part = |archive: &mut zip::ZipArchive<Cursor<&Vec<u8>>>, name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    // Module 1's sheet: protected, but rows can be inserted, deleted and sorted; the verdict
    // drop-down and its colours cover the engagements' rows and the spare rows under them.
    let module_1 = part(&mut archive, "xl/worksheets/sheet2.xml");
    assert!(module_1.contains(
        "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatCells=\"0\" \
         formatColumns=\"0\" formatRows=\"0\" insertRows=\"0\" deleteRows=\"0\" sort=\"0\" \
         autoFilter=\"0\"/>"
    ));
    assert_eq!(
        module_1.matches("sqref=\"C4:C49\"").count(),
        2,
        "{module_1}"
    );
    // The cover's drop-downs: administration, audit type, internal audit.
    let cover = part(&mut archive, "xl/worksheets/sheet1.xml");
    for cell in ["B4", "B8", "B9"] {
        assert!(cover.contains(&format!("sqref=\"{cell}\"")), "{cell}");
    }
}

#[test]
fn the_workbook_has_the_grid_sheets_read_by_an_independent_reader() {
    let bytes = grid::export_xlsx(&toulon(), referentiel()).unwrap();
    let book = open_workbook_auto_from_rs(Cursor::new(bytes.clone())).unwrap();
    let metadata: Vec<(String, calamine::SheetVisible)> = book
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible))
        .collect();
    let names: Vec<&str> = metadata.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Page de garde",
            "Module 1",
            "Module 2",
            "Pilotage et labellisation",
            "Audit à distance",
            "Fiches d'écart",
            "Conclusion",
            "Mode d'emploi",
            "_qualepref"
        ]
    );
    assert_eq!(metadata[8].1, calamine::SheetVisible::Hidden);
    let mut sheets = read(&bytes);
    let first = sheet(&mut sheets, "Module 1");
    assert_eq!(first[2][0], Data::String("N°".into()));
    assert_eq!(first[2][2], Data::String("Verdict".into()));
    let r = row_of(first, 5);
    assert_eq!(
        first[r][1],
        Data::String("Nous vous orientons vers le bon service et vous prenons en charge".into())
    );
    assert_eq!(first[r][2], Data::String("C".into()));
    assert!(
        first
            .iter()
            .any(|row| row.get(1) == Some(&Data::String("ACCUEIL PHYSIQUE".into())))
    );
    let meta = sheet(&mut sheets, "_qualepref");
    assert_eq!(meta[0][1], Data::String("qualepref-grid/1".into()));
    assert_eq!(meta[1][1], Data::String("qual-e-pref-2019".into()));
}

#[test]
fn a_grid_edited_by_hand_imports_with_diagnostics_naming_sheet_and_cell() {
    let audit = toulon();
    let mut sheets = read(&grid::export_xlsx(&audit, referentiel()).unwrap());
    let first = sheet(&mut sheets, "Module 1");
    // Rows reordered: engagement 6 moved to the end, after an empty row.
    let r6 = row_of(first, 6);
    let moved = first.remove(r6);
    first.push(Vec::new());
    first.push(moved);
    // A lower-case verdict with stray spaces, an unknown verdict, a number stored as text.
    let r5 = row_of(first, 5);
    set(first, r5, 2, Data::String("  nc min ".into()));
    let r7 = row_of(first, 7);
    set(first, r7, 2, Data::String("CC".into()));
    let r9 = row_of(first, 9);
    set(first, r9, 0, Data::String(" 9 ".into()));
    // A second observation of engagement 10, on a row of its own.
    first.push(vec![
        Data::Float(10.0),
        Data::Empty,
        Data::Empty,
        Data::Empty,
        Data::String("Attente longue au standard".into()),
        Data::String("Usagers mécontents".into()),
    ]);
    // A comment written outside the grid's columns.
    let r8 = row_of(first, 8);
    set(first, r8, 9, Data::String("à revoir".into()));
    // The end date as text, the start date as a serial number.
    let cover = sheet(&mut sheets, "Page de garde");
    let end = cover
        .iter()
        .position(|r| r.first() == Some(&Data::String("Date de fin".into())))
        .unwrap();
    set(cover, end, 1, Data::String("19/11/2019".into()));
    // An extra sheet.
    sheets.push(("Notes".into(), vec![vec![Data::String("brouillon".into())]]));

    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    let mut expected = audit.clone();
    let five = EngagementNumber::try_from(5).unwrap();
    let seven = EngagementNumber::try_from(7).unwrap();
    expected.assessment_mut(five).unwrap().verdict = Some(Verdict::MinorNonconformity);
    expected.assessment_mut(seven).unwrap().verdict = None;
    expected.dates.end = "2019-11-19".parse().unwrap();
    expected
        .observe(
            EngagementNumber::try_from(10).unwrap(),
            qualepref::Observation::area_of_concern(
                "Attente longue au standard",
                "Usagers mécontents",
            ),
        )
        .unwrap();
    // What the reader did not use is kept, with its cell, for the field it was meant for.
    let r8 = r8 + 1; // 1-based row numbers in cell names
    expected.unread = vec![
        Unread::new("assessments[6].verdict", "CC").in_cell(format!("Module 1!C{}", r7 + 1)),
        Unread::new("assessments[7]", "à revoir").in_cell(format!("Module 1!J{r8}")),
        Unread::new("grid", "brouillon").in_cell("Notes!A1"),
    ];
    assert_eq!(back.audit(), &expected);
    let report = validate(back.audit(), referentiel(), &ValidationOptions::default());
    let unread: Vec<String> = report
        .diagnostics()
        .iter()
        .filter(|d| d.code == RuleCode::UnreadValue)
        .map(|d| format!("{}: {}", d.path, d.message_in(qualepref::Language::En)))
        .collect();
    assert_eq!(
        unread,
        [
            format!(
                "unread[0]: assessments[6].verdict: the text \"CC\" was not read (cell Module 1!C{} of the source)",
                r7 + 1
            ),
            format!(
                "unread[1]: assessments[7]: the text \"à revoir\" was not read (cell Module 1!J{r8} of the source)"
            ),
            "unread[2]: grid: the text \"brouillon\" was not read (cell Notes!A1 of the source)"
                .to_owned(),
        ]
    );
    assert_eq!(
        lines(back.diagnostics()),
        [
            format!(
                "Module 1!C{}: warning: unknown verdict \"CC\" (expected C, NA, NC min, NC Maj); left without verdict",
                r7 + 1
            ),
            format!("Module 1!J{r8}: skipped: outside the grid's columns, not used: \"à revoir\""),
            "Notes!A1: skipped: sheet not part of the grid, not used: \"brouillon\"".to_owned(),
        ]
    );
    // The same diagnostics in French, typeset: the crate's default language.
    let french: Vec<String> = back.diagnostics().iter().map(ToString::to_string).collect();
    assert_eq!(
        french,
        [
            format!(
                "Module 1!C{}\u{a0}: avertissement\u{a0}: verdict «\u{a0}CC\u{a0}» inconnu (attendus\u{a0}: C, NA, NC min, NC Maj)\u{202f}; laissé sans verdict",
                r7 + 1
            ),
            format!(
                "Module 1!J{r8}\u{a0}: ignoré\u{a0}: hors des colonnes de la grille, valeur non reprise\u{a0}: «\u{a0}à revoir\u{a0}»"
            ),
            "Notes!A1\u{a0}: ignoré\u{a0}: feuille étrangère à la grille, valeur non reprise\u{a0}: «\u{a0}brouillon\u{a0}»".to_owned(),
        ]
    );
    assert_eq!(
        back.diagnostics()[1].message_in(Language::Fr),
        back.diagnostics()[1].message
    );
    assert_eq!(back.diagnostics()[0].level, ImportLevel::Warning);
}

#[test]
fn rows_of_a_module_not_covered_are_imported_and_reported() {
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    let cover = sheet(&mut sheets, "Page de garde");
    let modules = cover
        .iter()
        .position(|r| r.first() == Some(&Data::String("Modules couverts".into())))
        .unwrap();
    set(cover, modules, 1, Data::String("1".into()));
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(back.audit().assessments.len(), 23);
    assert_eq!(
        lines(back.diagnostics()),
        [
            "Module 2!A1: warning: module 2 is not among the modules covered on the page de garde (1), but its sheet has rows"
        ]
    );
    // Its sheet emptied of rows (the title and headers kept): nothing to report.
    let second = sheet(&mut sheets, "Module 2");
    let first_row = row_of(second, 21);
    second.truncate(first_row);
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(back.audit().assessments.len(), 20);
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
}

#[test]
fn an_audit_with_rows_of_a_module_it_does_not_cover_exports_them_too() {
    let mut audit = toulon();
    audit.modules = vec![ModuleNumber::new(1).unwrap()];
    let back = grid::import_xlsx(
        &grid::export_xlsx(&audit, referentiel()).unwrap(),
        referentiel(),
    )
    .unwrap();
    assert_eq!(back.audit(), &audit);
    assert_eq!(
        lines(back.diagnostics()),
        [
            "Module 2!A1: warning: module 2 is not among the modules covered on the page de garde (1), but its sheet has rows"
        ]
    );
}

#[test]
fn the_conclusion_sheet_has_one_charte_verdict_row_before_the_charte_text() {
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    let conclusion = sheet(&mut sheets, "Conclusion");
    let labels: Vec<&Data> = conclusion.iter().filter_map(|r| r.first()).collect();
    let verdict = Data::String("RESPECT DE LA CHARTE GRAPHIQUE (verdict)".into());
    assert_eq!(labels.iter().filter(|l| ***l == verdict).count(), 1);
    let at = labels.iter().position(|l| **l == verdict).unwrap();
    assert_eq!(
        labels[at + 1],
        &Data::String("RESPECT DE LA CHARTE GRAPHIQUE".into())
    );
}

#[test]
fn without_modules_on_the_cover_the_module_sheets_give_them() {
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    let cover = sheet(&mut sheets, "Page de garde");
    let r = labelled(cover, "Modules couverts");
    set(cover, r, 1, Data::Empty);
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(
        lines(back.diagnostics()),
        ["Page de garde!B1: guessed: no modules covered given; the module sheets' modules used"]
    );
    assert_eq!(back.audit(), &toulon());
}

#[test]
fn a_module_listed_twice_on_the_cover_is_covered_once() {
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    let cover = sheet(&mut sheets, "Page de garde");
    let r = labelled(cover, "Modules couverts");
    set(cover, r, 1, s("1, 2; 1 2"));
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit(), &toulon());
}

#[test]
fn a_title_edited_or_a_row_moved_to_another_module_is_reported_and_read_by_number() {
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    // Engagement 5's title retyped, and engagement 21's row moved from module 2 to module 1.
    let first = sheet(&mut sheets, "Module 1");
    let r5 = row_of(first, 5);
    set(first, r5, 1, s("Orientation des usagers"));
    let second = sheet(&mut sheets, "Module 2");
    let r21 = row_of(second, 21);
    let moved = second.remove(r21);
    // Its spare row too, which holds only its number.
    assert_eq!(second[r21].iter().filter(|v| **v != Data::Empty).count(), 1);
    second.remove(r21);
    let first = sheet(&mut sheets, "Module 1");
    first.push(moved);
    let at = first.len();
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(
        lines(back.diagnostics()),
        [
            format!(
                "Module 1!B{}: warning: title \"Orientation des usagers\" differs from the \
                 référentiel's \"Nous vous orientons vers le bon service et vous prenons en \
                 charge\"; matched by number",
                r5 + 1
            ),
            format!(
                "Module 1!A{at}: warning: engagement 21 is filed under module 1, the \
                 référentiel puts it in module 2"
            ),
        ]
    );
    // Both rows are read by their number, the référentiel's title kept (the one typed is kept
    // unread); the moved row keeps the module it was filed under, as the warning says
    // (validation reports it too).
    let mut expected = toulon();
    expected.assessments[20].module = ModuleNumber::new(1).unwrap();
    expected.unread = vec![
        Unread::new("assessments[4]", "Orientation des usagers")
            .in_cell(format!("Module 1!B{}", r5 + 1)),
    ];
    assert_eq!(back.audit(), &expected);
}

#[test]
fn a_remote_channel_reads_in_english_or_by_its_code() {
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    let remote = sheet(&mut sheets, "Audit à distance");
    let mut changed = 0;
    for row in remote.iter_mut() {
        let typed = match row.first() {
            Some(Data::String(c)) if c == "Internet" => "Website",
            Some(Data::String(c)) if c.starts_with("Téléphone") => "TELEPHONE",
            Some(Data::String(c)) if c == "Courriels" => "e-mail",
            _ => continue,
        };
        row[0] = s(typed);
        changed += 1;
    }
    assert_eq!(changed, 13);
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit(), &toulon());
}

#[test]
fn a_risk_on_an_observation_other_than_a_ps_is_refused_rather_than_lost() {
    let mut audit = toulon();
    audit.assessments[0]
        .observations
        .push(qualepref::Observation {
            risk: Some("Perte d'information".into()),
            ..qualepref::Observation::strength("Accueil soigné")
        });
    let err = grid::export_xlsx(&audit, referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid observation \"Accueil soigné\": only a point sensible (PS) has a risk cell in the grid"
    );
}

#[test]
fn a_text_the_import_could_not_read_is_refused_rather_than_lost() {
    let mut audit = toulon();
    audit
        .unread
        .push(qualepref::Unread::new("assessments[4].verdict", "CN").at_line(84));
    let err = grid::export_xlsx(&audit, referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid unread value \"assessments[4].verdict: \\\"CN\\\"\": the grid has no cell for a \
         text the import could not read; set its field and remove it from `unread` first"
    );
}

/// The row of `rows` whose column A reads `label`.
#[track_caller]
fn labelled(rows: &[Vec<Data>], label: &str) -> usize {
    rows.iter()
        .position(|r| r.first() == Some(&Data::String(label.into())))
        .unwrap_or_else(|| panic!("no row {label:?}"))
}

fn s(text: &str) -> Data {
    Data::String(text.into())
}

#[test]
fn every_cell_the_grid_import_cannot_read_is_kept_in_unread() {
    // (what is edited, the edit, the entries of `unread`: field, text, cell)
    type Edit = Box<dyn Fn(&mut Sheets) -> Vec<(&'static str, &'static str, String)>>;
    fn on_cover(label: &'static str, value: &'static str, field: &'static str) -> Edit {
        Box::new(move |sheets| {
            let cover = sheet(sheets, "Page de garde");
            let r = labelled(cover, label);
            set(cover, r, 1, s(value));
            vec![(field, value, format!("Page de garde!B{}", r + 1))]
        })
    }
    let cases: Vec<(&str, Edit)> = vec![
        (
            "audit type",
            on_cover("Type d'audit", "trimestriel", "kind.type"),
        ),
        (
            "internal flag",
            on_cover("Audit interne", "peut-être", "kind.internal"),
        ),
        (
            "end date",
            on_cover("Date de fin", "fin novembre", "dates.end"),
        ),
        (
            "population",
            on_cover("Population", "un million", "context.figures.population"),
        ),
        (
            "a module number",
            Box::new(|sheets| {
                let cover = sheet(sheets, "Page de garde");
                let r = labelled(cover, "Modules couverts");
                set(cover, r, 1, s("1, 2, 12"));
                vec![("modules", "12", format!("Page de garde!B{}", r + 1))]
            }),
        ),
        (
            "a signature date",
            Box::new(|sheets| {
                let cover = sheet(sheets, "Page de garde");
                let r = labelled(cover, "Auditeur");
                set(cover, r, 5, s("hier"));
                set(cover, r, 6, s("en trop"));
                vec![
                    (
                        "auditors[0].signed_on",
                        "hier",
                        format!("Page de garde!F{}", r + 1),
                    ),
                    (
                        "page de garde",
                        "en trop",
                        format!("Page de garde!G{}", r + 1),
                    ),
                ]
            }),
        ),
        (
            "an auditor without name, and an unknown label",
            Box::new(|sheets| {
                let cover = sheet(sheets, "Page de garde");
                let r = cover.len();
                cover.push(vec![s("Auditeur"), Data::Empty, s("stagiaire")]);
                cover.push(vec![s("Remarque"), s("à voir")]);
                vec![
                    ("auditors", "stagiaire", format!("Page de garde!C{}", r + 1)),
                    (
                        "page de garde",
                        "Remarque",
                        format!("Page de garde!A{}", r + 2),
                    ),
                    (
                        "page de garde",
                        "à voir",
                        format!("Page de garde!B{}", r + 2),
                    ),
                ]
            }),
        ),
        (
            "a second row of a label that stands once",
            Box::new(|sheets| {
                let cover = sheet(sheets, "Page de garde");
                let r = cover.len();
                cover.push(vec![s("Ville"), s("NICE")]);
                // The first row's value is the audit's; the second is kept as it stands.
                vec![("page de garde", "NICE", format!("Page de garde!B{}", r + 1))]
            }),
        ),
        (
            "a second verdict and a second comment of an engagement",
            Box::new(|sheets| {
                let first = sheet(sheets, "Module 1");
                let r = row_of(first, 10);
                set(first, r, 7, s("vu"));
                let second = first.len();
                first.push(vec![Data::Float(10.0), Data::Empty, s("NC Maj")]);
                set(first, second, 7, s("revu"));
                vec![
                    (
                        "assessments[9].verdict",
                        "NC Maj",
                        format!("Module 1!C{}", second + 1),
                    ),
                    (
                        "assessments[9].comment",
                        "revu",
                        format!("Module 1!H{}", second + 1),
                    ),
                ]
            }),
        ),
        (
            "a risk without point sensible, a row without number",
            Box::new(|sheets| {
                let first = sheet(sheets, "Module 1");
                let r = row_of(first, 3);
                set(first, r, 5, s("Perte"));
                // The piste de progrès and the comment of that row are read all the same.
                set(first, r, 6, s("Une piste"));
                set(first, r, 7, s("Un commentaire"));
                let free = first.len();
                first.push(vec![Data::Empty, s("texte libre")]);
                vec![
                    (
                        "assessments[2].observations",
                        "Perte",
                        format!("Module 1!F{}", r + 1),
                    ),
                    (
                        "assessments",
                        "texte libre",
                        format!("Module 1!B{}", free + 1),
                    ),
                ]
            }),
        ),
        (
            "a management verdict",
            Box::new(|sheets| {
                let management = sheet(sheets, "Pilotage et labellisation");
                let r = management
                    .iter()
                    .position(|row| row.get(1) == Some(&Data::Float(1.0)))
                    .unwrap();
                set(management, r, 3, s("OK"));
                vec![(
                    "management[0].verdict",
                    "OK",
                    format!("Pilotage et labellisation!D{}", r + 1),
                )]
            }),
        ),
        (
            "a remote note, a remote check that cannot be filed",
            Box::new(|sheets| {
                let remote = sheet(sheets, "Audit à distance");
                let r = remote
                    .iter()
                    .position(|row| row.get(1) == Some(&Data::Float(1.0)))
                    .unwrap();
                set(remote, r, 4, s("Bof"));
                let lost = remote.len();
                remote.push(vec![
                    s("Téléphone"),
                    Data::Float(99.0),
                    Data::Empty,
                    Data::Empty,
                    s("Conforme"),
                ]);
                let at = |c: char| format!("Audit à distance!{c}{}", lost + 1);
                vec![
                    (
                        "remote_checks[0].note",
                        "Bof",
                        format!("Audit à distance!E{}", r + 1),
                    ),
                    ("remote_checks", "Téléphone", at('A')),
                    ("remote_checks", "99", at('B')),
                    ("remote_checks", "Conforme", at('E')),
                ]
            }),
        ),
        (
            "a due date, a fiche without grade",
            Box::new(|sheets| {
                let fiches = sheet(sheets, "Fiches d'écart");
                let r = fiches.len();
                fiches.push(vec![
                    Data::Float(17.0),
                    s("NC min"),
                    s("Constat"),
                    s("Exigence"),
                    s("Action"),
                    s("fin mars"),
                ]);
                fiches.push(vec![Data::Float(3.0), s("grave")]);
                vec![
                    (
                        "ecarts[0].due",
                        "fin mars",
                        format!("Fiches d'écart!F{}", r + 1),
                    ),
                    ("ecarts", "3", format!("Fiches d'écart!A{}", r + 2)),
                    ("ecarts", "grave", format!("Fiches d'écart!B{}", r + 2)),
                ]
            }),
        ),
        (
            "the states of fiches",
            Box::new(|sheets| {
                let fiches = sheet(sheets, "Fiches d'écart");
                let r = fiches.len();
                for (n, state, date, note) in [
                    (17.0, "", "", "Preuve sans état"),
                    (18.0, "en cours", "", "Raison d'un état en cours"),
                    (19.0, "levé", "hier", "Preuve"),
                ] {
                    let mut row = vec![Data::Float(n), s("NC min"), s("Constat"), s("Exigence")];
                    row.resize(7, Data::Empty);
                    for text in [state, date, note] {
                        row.push(if text.is_empty() {
                            Data::Empty
                        } else {
                            s(text)
                        });
                    }
                    fiches.push(row);
                }
                let at = |col: char, k: usize| format!("Fiches d'écart!{col}{}", r + 1 + k);
                vec![
                    ("ecarts[0].status", "Preuve sans état", at('J', 0)),
                    ("ecarts[1].status", "Raison d'un état en cours", at('J', 1)),
                    ("ecarts[2].status", "hier", at('I', 2)),
                    // Levé needs its date: the fiche is read as open, its state kept too.
                    ("ecarts[2].status", "levé", at('H', 2)),
                    ("ecarts[2].status", "Preuve", at('J', 2)),
                ]
            }),
        ),
        (
            "a charte verdict, an unknown section",
            Box::new(|sheets| {
                let conclusion = sheet(sheets, "Conclusion");
                let r = labelled(conclusion, "RESPECT DE LA CHARTE GRAPHIQUE (verdict)");
                set(conclusion, r, 1, s("Oui"));
                let other = conclusion.len();
                conclusion.push(vec![s("Divers"), s("texte")]);
                vec![
                    (
                        "conclusion.charte_graphique.verdict",
                        "Oui",
                        format!("Conclusion!B{}", r + 1),
                    ),
                    ("conclusion", "Divers", format!("Conclusion!A{}", other + 1)),
                    ("conclusion", "texte", format!("Conclusion!B{}", other + 1)),
                ]
            }),
        ),
        (
            "a row of the grid's own sheet",
            Box::new(|sheets| {
                let meta = sheet(sheets, "_qualepref");
                let r = meta.len();
                meta.push(vec![s("auteur"), s("moi")]);
                vec![
                    ("grid", "auteur", format!("_qualepref!A{}", r + 1)),
                    ("grid", "moi", format!("_qualepref!B{}", r + 1)),
                ]
            }),
        ),
    ];
    let exported = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    for (case, edit) in cases {
        let mut sheets = exported.clone();
        let expected = edit(&mut sheets);
        let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
        let kept: Vec<(&str, &str, String)> = back
            .audit()
            .unread
            .iter()
            .map(|u| (u.field.as_str(), u.text.as_str(), u.cell.clone().unwrap()))
            .collect();
        assert_eq!(kept, expected, "{case}");
        // Each cell is reported once, and every cell reported as not used is kept.
        let mut cells: Vec<&str> = back.diagnostics().iter().map(|d| d.cell.as_str()).collect();
        cells.sort_unstable();
        cells.dedup();
        assert_eq!(cells.len(), back.diagnostics().len(), "{case}");
        for d in back.diagnostics() {
            let dropped = d.level == ImportLevel::Skipped
                || d.message_in(Language::En).contains("not used")
                || d.message_in(Language::En).contains("left without");
            if dropped {
                assert!(
                    back.audit()
                        .unread
                        .iter()
                        .any(|u| u.cell.as_deref() == Some(d.cell.as_str())),
                    "{case}: {d} not kept"
                );
            }
        }
        // Validation reports each entry; JSON keeps them.
        let report = validate(back.audit(), referentiel(), &ValidationOptions::default());
        let reported = report
            .diagnostics()
            .iter()
            .filter(|d| matches!(d.code, RuleCode::UnreadValue | RuleCode::UnreadAssessment))
            .count();
        assert_eq!(reported, expected.len(), "{case}");
        let json = back.audit().to_json_string().unwrap();
        assert_eq!(
            &Audit::from_json_str(&json).unwrap(),
            back.audit(),
            "{case}"
        );
    }
    // A value the audit cannot do without, not understood, refuses the grid naming its cell.
    for (label, value, reason) in [
        (
            "Type d'administration",
            "Mairie",
            "not a type d'administration (Préfecture, Sous-préfecture, Préfecture de police, Haut-commissariat), which the audit needs",
        ),
        (
            "Département",
            "Var",
            "not a département code (83, 2A, 971), which the audit needs",
        ),
        (
            "Date de début",
            "lundi",
            "not a date (18/11/2019, 2019-11-18), and the audit needs its date de début",
        ),
    ] {
        let mut sheets = exported.clone();
        let cover = sheet(&mut sheets, "Page de garde");
        let r = labelled(cover, label);
        set(cover, r, 1, s(value));
        let err = grid::import_xlsx(&write(&sheets), referentiel()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "invalid audit grid cell \"Page de garde!B{}: {value}\": {reason}",
                r + 1
            )
        );
    }
}

#[test]
fn a_departement_typed_as_a_number_keeps_its_leading_zero() {
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    let cover = sheet(&mut sheets, "Page de garde");
    let at = cover
        .iter()
        .position(|r| r.first() == Some(&Data::String("Département".into())))
        .unwrap();
    set(cover, at, 1, Data::Float(5.0));
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(back.audit().site.departement.as_str(), "05");
    assert!(back.diagnostics().is_empty());
}

/// A sheet whose first filled cell is not A1 (calamine's range then starts there) still names
/// each cell by its place in the sheet, in both formats.
#[test]
fn a_cell_is_named_by_its_place_when_the_sheet_does_not_start_at_a1() {
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    let mut notes = vec![vec![Data::Empty]; 4];
    notes.push(vec![
        Data::Empty,
        Data::Empty,
        Data::String("brouillon".into()),
    ]);
    sheets.push(("Notes".into(), notes));
    for bytes in [write(&sheets), ods(&sheets)] {
        let back = grid::import_xlsx(&bytes, referentiel()).unwrap();
        assert_eq!(
            back.audit().unread,
            [Unread::new("grid", "brouillon").in_cell("Notes!C5")]
        );
        assert_eq!(
            lines(back.diagnostics()),
            ["Notes!C5: skipped: sheet not part of the grid, not used: \"brouillon\""]
        );
    }
}

#[test]
fn a_workbook_without_the_grid_sheet_is_not_a_grid() {
    let sheets: Sheets = vec![("Feuil1".into(), vec![vec![Data::String("x".into())]])];
    let err = grid::import_xlsx(&write(&sheets), referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid audit grid \"workbook\": it has no _qualepref sheet: not a grid written by qualepref"
    );
    let err = grid::import_xlsx(b"not a workbook", referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid audit grid \"workbook\": not a spreadsheet that can be read (.xlsx, .ods)"
    );
}

#[test]
fn a_blank_grid_filled_in_imports_as_the_audit() {
    let modules = [ModuleNumber::ONE, ModuleNumber::new(2).unwrap()];
    let site = Site::new(
        AdministrationType::SousPrefecture,
        "83".parse().unwrap(),
        "BRIGNOLES",
    );
    let kind = AuditKind::external(AuditType::Suivi);
    let bytes = grid::new_xlsx(referentiel(), &modules, Some(&site), Some(kind)).unwrap();
    let mut sheets = read(&bytes);
    // Without dates the audit cannot be built.
    let err = grid::import_xlsx(&write(&sheets), referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid audit grid \"Page de garde\": the date de début is missing"
    );
    let cover = sheet(&mut sheets, "Page de garde");
    let start = cover
        .iter()
        .position(|r| r.first() == Some(&Data::String("Date de début".into())))
        .unwrap();
    set(cover, start, 1, Data::String("2024-03-12".into()));
    let first = sheet(&mut sheets, "Module 1");
    let r = row_of(first, 9);
    set(first, r, 2, Data::String("c".into()));
    set(
        first,
        r,
        6,
        Data::String("Message d'attente à mettre à jour".into()),
    );
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    let day = "2024-03-12".parse().unwrap();
    let mut expected = Audit::skeleton(
        referentiel(),
        site,
        kind,
        qualepref::AuditDates::day(day),
        &modules,
    );
    expected
        .assess(EngagementNumber::try_from(9).unwrap(), Verdict::Conformity)
        .unwrap()
        .observations
        .push(qualepref::Observation::opportunity_for_improvement(
            "Message d'attente à mettre à jour",
        ));
    expected.referentiel.label = Some(referentiel().title().to_owned());
    // The usual remote checks, their notes left to fill.
    expected.remote_checks = toulon()
        .remote_checks
        .into_iter()
        .map(|mut c| {
            c.note = None;
            c.observations.clear();
            c
        })
        .collect();
    assert_eq!(back.audit(), &expected);
    assert_eq!(
        lines(back.diagnostics()),
        ["Page de garde!B1: guessed: no date de fin: a one-day audit"]
    );
}

/// CRC-32 (IEEE), bit by bit: enough for the few small files of a test package.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip archive of `files`, stored without compression.
fn zip(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let (crc, size, len) = (crc32(data), data.len() as u32, name.len() as u16);
        let common = |v: &mut Vec<u8>| {
            v.extend(20u16.to_le_bytes()); // version needed
            v.extend(0u16.to_le_bytes()); // flags
            v.extend(0u16.to_le_bytes()); // stored
            v.extend(0u16.to_le_bytes()); // time
            v.extend(0x21u16.to_le_bytes()); // date
            v.extend(crc.to_le_bytes());
            v.extend(size.to_le_bytes());
            v.extend(size.to_le_bytes());
            v.extend(len.to_le_bytes());
            v.extend(0u16.to_le_bytes()); // extra
        };
        out.extend(0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend(name.as_bytes());
        out.extend(data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes()); // version made by
        common(&mut central);
        central.extend([0u8; 8]); // comment, disk, internal and external attributes (part)
        central.extend(0u32.to_le_bytes()[..2].iter()); // external attributes (rest)
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let (at, size) = (out.len() as u32, central.len() as u32);
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((files.len() as u16).to_le_bytes());
    out.extend((files.len() as u16).to_le_bytes());
    out.extend(size.to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `sheets` as an OpenDocument spreadsheet, the way LibreOffice saves one: text cells as
/// paragraphs, numbers as floats, dates as ISO dates.
fn ods(sheets: &Sheets) -> Vec<u8> {
    ods_package(ods_content(sheets))
}

/// The `content.xml` of an OpenDocument spreadsheet of `sheets`.
fn ods_content(sheets: &Sheets) -> String {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    for (name, rows) in sheets {
        content.push_str(&format!(
            r#"<table:table table:name="{}">"#,
            xml_escape(name)
        ));
        for row in rows {
            content.push_str("<table:table-row>");
            for cell in row {
                match cell {
                    Data::String(s) => {
                        content.push_str(r#"<table:table-cell office:value-type="string">"#);
                        for line in s.split('\n') {
                            content.push_str(&format!("<text:p>{}</text:p>", xml_escape(line)));
                        }
                        content.push_str("</table:table-cell>");
                    }
                    Data::Float(f) => content.push_str(&format!(
                        r#"<table:table-cell office:value-type="float" office:value="{f}"><text:p>{f}</text:p></table:table-cell>"#
                    )),
                    Data::DateTime(d) => {
                        let day = d.as_datetime().unwrap().date();
                        content.push_str(&format!(
                            r#"<table:table-cell office:value-type="date" office:date-value="{day}"><text:p>{day}</text:p></table:table-cell>"#
                        ));
                    }
                    Data::Empty => content.push_str("<table:table-cell/>"),
                    other => panic!("unexpected cell {other:?}"),
                }
            }
            content.push_str("</table:table-row>");
        }
        content.push_str("</table:table>");
    }
    content.push_str("</office:spreadsheet></office:body></office:document-content>");
    content
}

/// An OpenDocument spreadsheet of `content`.
fn ods_package(content: String) -> Vec<u8> {
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
        ),
        ("META-INF/manifest.xml", manifest.as_bytes().to_vec()),
        ("content.xml", content.into_bytes()),
    ])
}

/// Toulon with every field the grid gained in 0.3: the evidence of assessments and management
/// items, a fiche's number, cause and answer, an internal audit's external audit, the
/// labelling decision and the day its plan d'actions was accepted.
fn toulon_with_every_field() -> Audit {
    let mut audit = toulon();
    audit.kind.internal = true;
    audit.kind.external_on = Some("2020-02-18".parse().unwrap());
    audit.labelling = Some(
        qualepref::LabellingDecision::on("2020-01-15".parse().unwrap())
            .with_plan_accepted_on("2020-01-30".parse().unwrap()),
    );
    let seventeen = EngagementNumber::try_from(17).unwrap();
    audit.assessment_mut(seventeen).unwrap().evidence = Some(
        "Tableau de bord des délais de réponse ; entretien avec la cheffe du bureau courrier"
            .to_owned(),
    );
    audit.management[0].evidence = Some("Compte rendu du comité de pilotage du 12/09/2019".into());
    let mut fiche = qualepref::FicheEcart::new(
        qualepref::EcartTarget::Engagement(seventeen),
        qualepref::NcGrade::Minor,
        "Délai de réponse aux courriels dépassé sur deux envois tests.",
    )
    .with_requirement("Engagement 17");
    fiche.number = Some(1);
    fiche.cause = Some("Boîte fonctionnelle sans suppléant pendant les congés.".into());
    fiche.response = Some("Un suppléant est désigné ; relevé hebdomadaire de la boîte.".into());
    audit.ecarts.push(fiche);
    audit
}

#[test]
fn every_field_of_the_audit_round_trips_through_the_workbook_and_the_opendocument() {
    let audit = toulon_with_every_field();
    let bytes = grid::export_xlsx(&audit, referentiel()).unwrap();
    let back = grid::import_xlsx(&bytes, referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit(), &audit);
    // Each in its cell: read by an independent reader.
    let mut sheets = read(&bytes);
    let module = sheet(&mut sheets, "Module 1");
    let r = row_of(module, 17);
    assert_eq!(module[2][8], Data::String("Éléments de preuve".into()));
    assert!(matches!(&module[r][8], Data::String(s) if s.starts_with("Tableau de bord")));
    let fiches = sheet(&mut sheets, "Fiches d'écart");
    assert_eq!(
        fiches[2][10..13],
        [s("N° de fiche"), s("Cause"), s("Réponse du site")]
    );
    assert_eq!(fiches[3][10], Data::Float(1.0));
    assert!(matches!(&fiches[3][11], Data::String(s) if s.starts_with("Boîte fonctionnelle")));
    let cover = sheet(&mut sheets, "Page de garde");
    let external = labelled(cover, "Date de l'audit externe (audit interne)");
    assert!(matches!(cover[external][1], Data::DateTime(_)));
    // The same through OpenDocument.
    let back = grid::import_xlsx(&ods(&read(&bytes)), referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit(), &audit);
}

#[test]
fn a_plan_accepted_without_a_decision_or_a_fiche_number_that_is_no_number_is_kept() {
    let audit = toulon_with_every_field();
    let mut sheets = read(&grid::export_xlsx(&audit, referentiel()).unwrap());
    let cover = sheet(&mut sheets, "Page de garde");
    let decided = labelled(cover, "Décision de labellisation le");
    set(cover, decided, 1, Data::Empty);
    let fiches = sheet(&mut sheets, "Fiches d'écart");
    set(fiches, 3, 10, s("n°1"));
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(back.audit().labelling, None);
    assert_eq!(back.audit().ecarts[0].number, None);
    let plan = format!("Page de garde!B{}", decided + 2);
    assert_eq!(
        back.audit().unread,
        [
            Unread::new("labelling.plan_accepted_on", "2020-01-30").in_cell(plan.clone()),
            Unread::new("ecarts[0].number", "n°1").in_cell("Fiches d'écart!K4"),
        ]
    );
    assert_eq!(
        lines(back.diagnostics()),
        [
            format!(
                "{plan}: skipped: a plan d'actions accepted without the date of the labelling decision, not used: \"2020-01-30\""
            ),
            "Fiches d'écart!K4: skipped: a fiche's number is a whole number (1, 2…), not used: \"n°1\"".to_owned(),
        ]
    );
    assert!(
        back.diagnostics()[1]
            .to_string()
            .contains("le numéro d'une fiche est un nombre entier (1, 2…), valeur non reprise")
    );
}

#[test]
fn a_grid_saved_as_opendocument_reads_the_same() {
    let audit = toulon();
    let sheets = read(&grid::export_xlsx(&audit, referentiel()).unwrap());
    let bytes = ods(&sheets);
    assert!(bytes.starts_with(b"PK"));
    let back = grid::import_xlsx(&bytes, referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit(), &audit);
}

mod generated {
    use proptest::prelude::*;
    use qualepref::grid;
    use qualepref::{
        ActionStatus, Audit, EcartTarget, EngagementNumber, FicheEcart, ManagementItemId,
        ManagementSection, NaiveDate, NcGrade, Observation, ObservationKind, RemoteChannel,
        RemoteCheck, RemoteNote, Verdict,
    };

    /// A text as auditors write them: accents, apostrophes, several lines; no spaces at its
    /// ends (cells are trimmed). Not one that reads as an assessment (`«ç»` reads as the
    /// verdict C), which the reader does not take for a text.
    fn text() -> impl Strategy<Value = String> {
        "[A-Za-zéèêàçôÉ'’ ,.0-9]{0,16}(\n[a-zéèàç ]{0,12}){0,2}"
            .prop_map(|s| format!("«{s}»"))
            .prop_filter("reads as an assessment", |t| {
                qualepref::Carried::find(t).is_none()
            })
    }

    fn verdict() -> impl Strategy<Value = Option<Verdict>> {
        prop::option::of(prop::sample::select(Verdict::ALL.to_vec()))
    }

    fn observation() -> impl Strategy<Value = Observation> {
        (
            prop::sample::select(ObservationKind::ALL.to_vec()),
            text(),
            prop::option::of(text()),
        )
            .prop_map(|(kind, text, risk)| Observation {
                risk: risk.filter(|_| kind == ObservationKind::AreaOfConcern),
                ..Observation::new(kind, text)
            })
    }

    fn observations() -> impl Strategy<Value = Vec<Observation>> {
        prop::collection::vec(observation(), 0..4)
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        (2015i32..2035, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
    }

    fn remote() -> impl Strategy<Value = RemoteCheck> {
        (
            prop::sample::select(RemoteChannel::ALL.to_vec()),
            1u16..=20,
            prop::option::of(prop::sample::select(vec![
                RemoteNote::Conforme,
                RemoteNote::NonConforme,
                RemoteNote::NonApplicable,
            ])),
            observations(),
        )
            .prop_map(|(channel, n, note, observations)| RemoteCheck {
                note,
                observations,
                ..RemoteCheck::new(
                    channel,
                    EngagementNumber::new(n).unwrap(),
                    qualepref::ModuleNumber::ONE,
                    RemoteNote::Conforme,
                )
            })
    }

    fn status() -> impl Strategy<Value = ActionStatus> {
        prop_oneof![
            Just(ActionStatus::Open),
            Just(ActionStatus::InProgress),
            (date(), text()).prop_map(|(on, evidence)| ActionStatus::Lifted { on, evidence }),
            (date(), prop::option::of(text())).prop_map(|(on, reason)| {
                ActionStatus::NotLifted {
                    on,
                    reason: reason.unwrap_or_default(),
                }
            }),
        ]
    }

    fn fiche() -> impl Strategy<Value = FicheEcart> {
        (
            (prop::bool::ANY, 1u16..=23, 1u8..=5),
            prop::sample::select(NcGrade::ALL.to_vec()),
            text(),
            prop::option::of(text()),
            prop::option::of(date()),
            prop::option::of(text()),
            status(),
            (
                prop::option::of(0u32..100_000),
                prop::option::of(text()),
                prop::option::of(text()),
            ),
        )
            .prop_map(
                |(
                    (engagement, n, item),
                    grade,
                    finding,
                    action,
                    due,
                    leader,
                    status,
                    (number, cause, response),
                )| {
                    let target = if engagement {
                        EcartTarget::Engagement(EngagementNumber::new(n).unwrap())
                    } else {
                        EcartTarget::Management(ManagementItemId::new(
                            ManagementSection::Pilotage,
                            item,
                        ))
                    };
                    FicheEcart {
                        number,
                        cause,
                        response,
                        corrective_action: action,
                        due,
                        leader,
                        status,
                        ..FicheEcart::new(target, grade, finding).with_requirement("Exigence")
                    }
                },
            )
    }

    /// Paragraphs of the conclusion: a line break in a conclusion cell starts a paragraph.
    fn paragraphs() -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec(text().prop_map(|t| t.replace('\n', " ")), 0..3)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn generated_audits_round_trip_through_the_workbook_and_the_table(
            assessed in prop::collection::vec((verdict(), prop::option::of(text()), prop::option::of(text()), observations()), 23),
            managed in prop::collection::vec((verdict(), prop::option::of(text()), prop::option::of(text()), observations()), 7),
            (external_on, decided_on, plan_accepted_on) in (prop::option::of(date()), prop::option::of(date()), prop::option::of(date())),
            remote_checks in prop::collection::vec(remote(), 0..5),
            ecarts in prop::collection::vec(fiche(), 0..3),
            sections in prop::collection::vec(paragraphs(), 9),
            charte in verdict(),
        ) {
            let mut audit = Audit::from_json_str(qualepref::samples::TOULON_2019_JSON)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            for (a, (verdict, comment, evidence, observations)) in audit.assessments.iter_mut().zip(assessed) {
                a.verdict = verdict;
                a.comment = comment;
                a.evidence = evidence;
                a.observations = observations;
            }
            for (m, (verdict, comment, evidence, observations)) in audit.management.iter_mut().zip(managed) {
                m.verdict = verdict;
                m.comment = comment;
                m.evidence = evidence;
                m.observations = observations;
            }
            audit.kind.external_on = external_on;
            audit.labelling = decided_on.map(|day| {
                let decision = qualepref::LabellingDecision::on(day);
                match plan_accepted_on {
                    Some(plan) => decision.with_plan_accepted_on(plan),
                    None => decision,
                }
            });
            // Remote checks are keyed by channel and engagement: one check per key.
            let mut checks: Vec<RemoteCheck> = Vec::new();
            for check in remote_checks {
                if !checks.iter().any(|c| c.channel == check.channel && c.engagement == check.engagement) {
                    checks.push(check);
                }
            }
            audit.remote_checks = checks;
            audit.ecarts = ecarts;
            let c = &mut audit.conclusion;
            let mut sections = sections.into_iter();
            for list in [
                &mut c.points_forts,
                &mut c.points_sensibles,
                &mut c.pistes_de_progres,
                &mut c.fiches_ecart,
                &mut c.commentaires,
                &mut c.bonnes_pratiques,
                &mut c.enquetes_satisfaction,
                &mut c.charte_graphique.text,
                &mut c.conclusion_generale,
            ] {
                *list = sections.next().unwrap_or_default();
            }
            c.charte_graphique.verdict = charte;

            let referentiel = qualepref::Referentiel::qual_e_pref_2019();
            let bytes = grid::export_xlsx(&audit, referentiel)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let back = grid::import_xlsx(&bytes, referentiel)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back.audit(), &audit);
            prop_assert!(back.diagnostics().is_empty(), "{:?}", back.diagnostics());
            #[cfg(feature = "csv")]
            {
                let table = grid::export_csv(&audit, referentiel)
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                let back = grid::import_csv(&table, referentiel)
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(back.audit(), &audit);
                prop_assert!(back.diagnostics().is_empty(), "{:?}", back.diagnostics());
            }
        }
    }
}

mod damaged {
    use proptest::prelude::*;
    use qualepref::grid;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// A damaged workbook gives an audit or an error, never a panic.
        #[test]
        fn damaged_workbooks_never_panic(
            edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        ) {
            let referentiel = qualepref::Referentiel::qual_e_pref_2019();
            let audit = qualepref::Audit::from_json_str(qualepref::samples::TOULON_2019_JSON)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mut bytes = grid::export_xlsx(&audit, referentiel)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            for (at, byte) in edits {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
            let _ = grid::import_xlsx(&bytes, referentiel);
            #[cfg(feature = "csv")]
            let _ = grid::import_csv(&bytes, referentiel);
        }
    }
}

#[test]
fn a_small_workbook_naming_a_cell_far_away_is_refused_not_allocated() {
    // Two cells, A1 and a cell a million rows down: a 5 KB file that, read as a dense range,
    // asks for half a terabyte.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Module 1").unwrap();
    sheet.write_string(0, 0, "x").unwrap();
    sheet.write_string(1_000_000, 16_000, "y").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let err = grid::import_xlsx(&bytes, referentiel())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "invalid audit grid \"Module 1!R1000001C16001\": a cell stands beyond the grid's bounds \
         (100 000 rows, 100 columns)"
    );
}

/// An OpenDocument spreadsheet of one sheet, `Module 1`, from its rows' XML.
fn ods_rows(rows: &str) -> Vec<u8> {
    ods_package(format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Module 1">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    ))
}

#[test]
fn a_small_opendocument_that_unpacks_to_millions_of_cells_is_refused_before_it_is() {
    // A1, then an empty row repeated `rows` times, then `cols` empty cells and one filled: read
    // as calamine's dense range, 99 990 × 90 cells take 600 MB, 99 990 × 990 cells 6 GB.
    let far = |rows: u32, cols: u32| {
        ods_rows(&format!(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="{rows}"><table:table-cell table:number-columns-repeated="1024"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="{cols}"/><table:table-cell office:value-type="string"><text:p>y</text:p></table:table-cell></table:table-row>"#
        ))
    };
    for (rows, cols, expected) in [
        (
            99_990,
            990,
            "invalid audit grid \"Module 1!R99992C991\": a cell stands beyond the grid's bounds \
             (100 000 rows, 100 columns)",
        ),
        (
            1_000_000,
            10,
            "invalid audit grid \"Module 1!R1000002C11\": a cell stands beyond the grid's bounds \
             (100 000 rows, 100 columns)",
        ),
        (
            99_990,
            90,
            "invalid audit grid \"more than 500000 cells\": a grid holds a few thousand cells; \
             this one is too large to be one",
        ),
    ] {
        let bytes = far(rows, cols);
        assert!(bytes.len() < 2_000, "{}", bytes.len());
        let err = grid::import_xlsx(&bytes, referentiel()).unwrap_err();
        assert_eq!(err.to_string(), expected, "{rows} × {cols}");
    }
    // Repeated empty rows and columns at the end of a sheet, as LibreOffice writes them, are
    // not cells: the grid reads.
    let content = ods_content(&read(&grid::export_xlsx(&toulon(), referentiel()).unwrap()));
    let trailing = r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#;
    let padded = content.replace("</table:table>", &format!("{trailing}</table:table>"));
    assert_ne!(padded, content);
    let back = grid::import_xlsx(&ods_package(padded), referentiel()).unwrap();
    assert_eq!(back.audit(), &toulon());
}

#[test]
fn an_opendocument_sheet_is_measured_from_its_first_filled_cell() {
    // Two filled cells, at (r0, c0) and (r1, c1): the dense range holds (r1 - r0 + 1) ×
    // (c1 - c0 + 1) cells, 500 000 here, at the limit, however far from A1 it starts.
    let corners = |(r0, c0): (u32, u32), (r1, c1): (u32, u32)| {
        let cell =
            r#"<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>"#;
        // (A repeat count is at least 1: none is written for no row or cell.)
        let skip = |n: u32| {
            if n == 0 {
                return String::new();
            }
            format!(
                r#"<table:table-row table:number-rows-repeated="{n}"><table:table-cell/></table:table-row>"#
            )
        };
        let gap = |n: u32| {
            if n == 0 {
                return String::new();
            }
            format!(r#"<table:table-cell table:number-columns-repeated="{n}"/>"#)
        };
        ods_rows(&format!(
            "{}<table:table-row>{}{cell}</table:table-row>{}<table:table-row>{}{cell}</table:table-row>",
            skip(r0),
            gap(c0),
            skip(r1 - r0 - 1),
            gap(c1)
        ))
    };
    // (A single cell is one row and one column.)
    let one = ods_rows(
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#,
    );
    let err = grid::import_xlsx(&one, referentiel())
        .unwrap_err()
        .to_string();
    assert!(err.contains("no _qualepref sheet"), "{err}");
    for (first, last) in [((10_000, 0), (14_999, 99)), ((0, 50), (9_999, 99))] {
        let bytes = corners(first, last);
        let err = match grid::import_xlsx(&bytes, referentiel()) {
            Ok(_) => String::new(),
            Err(e) => e.to_string(),
        };
        assert!(!err.contains("cells"), "{first:?} {last:?}: {err}");
    }
    // A value written as an empty element is a filled cell too.
    let far = ods_rows(
        r#"<table:table-row><table:table-cell table:number-columns-repeated="990"/><table:table-cell office:value-type="float" office:value="5"/></table:table-row>"#,
    );
    assert_eq!(
        grid::import_xlsx(&far, referentiel())
            .unwrap_err()
            .to_string(),
        "invalid audit grid \"Module 1!R1C991\": a cell stands beyond the grid's bounds (100 000 \
         rows, 100 columns)"
    );
    // A repeat count of 0 is no count.
    let bytes = ods_rows(
        r#"<table:table-row table:number-rows-repeated="0"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#,
    );
    assert_eq!(
        grid::import_xlsx(&bytes, referentiel())
            .unwrap_err()
            .to_string(),
        "invalid audit grid \"workbook\": not a spreadsheet that can be read (.xlsx, .ods)"
    );
}

#[test]
fn a_workbook_whose_parts_unpack_to_more_than_256_mib_is_refused() {
    // A part of one byte that its archive's directory declares of 4 GiB, as a zip bomb does.
    let mut bytes = zip(&[("xl/sharedStrings.xml", b" ".to_vec())]);
    let at = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    let declare = |bytes: &mut Vec<u8>, size: u32| {
        bytes[at + 24..at + 28].copy_from_slice(&size.to_le_bytes());
        grid::import_xlsx(bytes, referentiel())
            .unwrap_err()
            .to_string()
    };
    let refused = "invalid audit grid \"workbook\": its parts unpack to more than 256 MiB; a grid \
                   unpacks to a few hundred kilobytes";
    assert_eq!(declare(&mut bytes, 0xFFFF_FFF0), refused);
    // The limit itself is allowed (the bytes are then no workbook).
    assert_eq!(declare(&mut bytes, 256 << 20 | 1), refused);
    assert_ne!(declare(&mut bytes, 256 << 20), refused);
}

#[test]
fn a_sheet_outside_the_grid_is_read_up_to_the_bounds_and_kept() {
    // (row, column, 0-based) of one cell on an extra sheet; its error, if refused.
    let with_cell = |row: usize, col: usize| {
        let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
        let mut rows = vec![Vec::new(); row + 1];
        rows[row] = vec![Data::Empty; col + 1];
        rows[row][col] = s("note");
        sheets.push(("Notes".to_owned(), rows));
        grid::import_xlsx(&write(&sheets), referentiel())
    };
    for (row, col) in [(99_999, 0), (0, 99)] {
        let back = with_cell(row, col).unwrap();
        assert_eq!(back.audit().unread.len(), 1, "{row} {col}");
        assert_eq!(
            back.audit().unread[0].cell.as_deref(),
            Some(format!("Notes!{}{}", if col == 0 { "A" } else { "CV" }, row + 1).as_str())
        );
    }
    for (row, col, cell) in [(100_000, 0, "R100001C1"), (0, 100, "R1C101")] {
        let err = with_cell(row, col).map(|_| ()).unwrap_err().to_string();
        assert_eq!(
            err,
            format!(
                "invalid audit grid \"Notes!{cell}\": a cell stands beyond the grid's bounds \
                 (100 000 rows, 100 columns)"
            )
        );
    }
    // 4 900 rows of 100 cells, filled in A and CV: 494 900 cells and rows, under the budget (a
    // row's cells are counted once, however many times it grows).
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    let mut two = vec![Data::Empty; 100];
    (two[0], two[99]) = (s("a"), s("x"));
    sheets.push(("Notes".to_owned(), vec![two; 4_900]));
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(back.audit().unread.len(), 9_800);
    let mut row = vec![Data::Empty; 100];
    row[99] = s("x");
    // 4 960 rows of 100 cells: 496 000 cells, over the budget with their rows.
    sheets.pop();
    sheets.push(("Notes".to_owned(), vec![row; 4_960]));
    let err = grid::import_xlsx(&write(&sheets), referentiel())
        .map(|_| ())
        .unwrap_err();
    assert!(err.to_string().contains("more than 500000 cells"), "{err}");
}

#[test]
fn a_workbook_of_more_than_500_000_cells_is_refused() {
    // 5 001 rows with a cell in column CV: the reader would store 100 cells a row.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Module 1").unwrap();
    for row in 0..5_001 {
        sheet.write_string(row, 99, "x").unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let err = grid::import_xlsx(&bytes, referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid audit grid \"more than 500000 cells\": a grid holds a few thousand cells; this \
         one is too large to be one"
    );
}

#[cfg(feature = "csv")]
#[test]
fn a_table_of_more_than_500_000_cells_is_refused() {
    let table = String::from_utf8(grid::export_csv(&toulon(), referentiel()).unwrap()).unwrap();
    let mut big = table.clone();
    // 24 000 lines of 20 empty fields: 480 000 fields, over 500 000 cells only when each line
    // counts once too, as a workbook's row does.
    big.push_str(&format!("\r\n{}", ";".repeat(19)).repeat(24_000));
    let err = grid::import_csv(big.as_bytes(), referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid audit grid \"more than 500000 cells\": a grid holds a few thousand cells; this \
         one is too large to be one"
    );
    // The table itself reads.
    assert!(grid::import_csv(table.as_bytes(), referentiel()).is_ok());
}

/// A raw deflate stream (one block of fixed Huffman codes) that unpacks to `len` zero bytes: a
/// literal 0, then matches of 258 bytes at distance 1, 13 bits each, then literals for the
/// rest: about 1 byte for 160 unpacked.
fn deflated_zeros(len: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        /// `count` bits of `value`, least significant first (header fields).
        fn put(&mut self, value: u32, count: u32) {
            self.acc |= u64::from(value) << self.n;
            self.n += count;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code of `count` bits, most significant first.
        fn code(&mut self, code: u32, count: u32) {
            for i in (0..count).rev() {
                self.put((code >> i) & 1, 1);
            }
        }
    }
    let mut bits = Bits {
        out: Vec::with_capacity(len / 150),
        acc: 0,
        n: 0,
    };
    bits.put(1, 1); // the last block
    bits.put(1, 2); // fixed Huffman codes
    bits.code(0x30, 8); // literal 0
    let mut left = len - 1;
    while left >= 258 {
        bits.code(0b1100_0101, 8); // length 258 (code 285)
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        bits.code(0x30, 8);
    }
    bits.code(0, 7); // end of block
    bits.put(0, 7);
    bits.out
}

/// One part of a hand-made zip archive: its name, method (0 stored, 8 deflated), bytes as
/// stored, the size and CRC it declares.
struct Part {
    name: String,
    method: u16,
    data: Vec<u8>,
    size: u32,
    crc: u32,
}

impl Part {
    fn stored(name: &str, data: Vec<u8>) -> Part {
        Part {
            name: name.to_owned(),
            method: 0,
            size: data.len() as u32,
            crc: crc32(&data),
            data,
        }
    }
}

/// A zip archive of `parts`, as they declare themselves.
fn zip_parts(parts: &[Part]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for p in parts {
        let offset = out.len() as u32;
        let common = |v: &mut Vec<u8>| {
            v.extend(20u16.to_le_bytes());
            v.extend(0u16.to_le_bytes());
            v.extend(p.method.to_le_bytes());
            v.extend(0u16.to_le_bytes());
            v.extend(0x21u16.to_le_bytes());
            v.extend(p.crc.to_le_bytes());
            v.extend((p.data.len() as u32).to_le_bytes());
            v.extend(p.size.to_le_bytes());
            v.extend((p.name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes());
        };
        out.extend(0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend(p.name.as_bytes());
        out.extend(&p.data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes());
        common(&mut central);
        central.extend([0u8; 10]);
        central.extend(offset.to_le_bytes());
        central.extend(p.name.as_bytes());
    }
    let (at, size) = (out.len() as u32, central.len() as u32);
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend(size.to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// The parts of the workbook `bytes`, stored.
fn parts_of(bytes: &[u8]) -> Vec<Part> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut data).unwrap();
            Part::stored(file.name(), data)
        })
        .collect()
}

/// The Toulon grid as `.xlsx` with part `name` replaced by a deflate stream of `len` zeros
/// that declares the size and CRC of the part it replaces.
fn bomb(workbook: &[u8], name: &str, len: usize) -> Vec<u8> {
    let mut parts = parts_of(workbook);
    let part = parts.iter_mut().find(|p| p.name == name).unwrap();
    part.method = 8;
    part.data = deflated_zeros(len);
    zip_parts(&parts)
}

#[test]
fn a_part_that_unpacks_to_more_than_it_declares_is_refused_before_it_is_read() {
    // The stream of zeros is right: read in full, it gives `len` zeros.
    let stream = deflated_zeros(100_000);
    let parts = [Part {
        method: 8,
        size: 100_000,
        crc: crc32(&vec![0u8; 100_000]),
        data: stream,
        name: "zeros".to_owned(),
    }];
    let mut archive = zip::ZipArchive::new(Cursor::new(zip_parts(&parts))).unwrap();
    let mut zeros = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_index(0).unwrap(), &mut zeros).unwrap();
    assert_eq!(zeros, vec![0u8; 100_000]);
    // 1 GiB of zeros in 7 MB, declaring the few kilobytes of the part it replaces: refused
    // after the declared size, whatever the part (the shared strings of a workbook, the
    // content of an OpenDocument sheet).
    let xlsx = grid::export_xlsx(&toulon(), referentiel()).unwrap();
    let ods = ods(&read(&xlsx));
    for (workbook, name) in [(&xlsx, "xl/sharedStrings.xml"), (&ods, "content.xml")] {
        let bytes = bomb(workbook, name, 1 << 30);
        assert!(bytes.len() < 8_000_000, "{}", bytes.len());
        let started = std::time::Instant::now();
        let err = grid::import_xlsx(&bytes, referentiel()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "invalid audit grid \"{name}\": a part of the workbook unpacks to more bytes \
                 than it declares: a damaged or hostile archive"
            )
        );
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    }
}

#[test]
fn a_workbook_of_more_than_64_sheets_is_refused_before_they_are_read() {
    let workbook = |sheets: usize| {
        let mut book = Workbook::new();
        for i in 0..sheets {
            book.add_worksheet()
                .set_name(format!("Feuille {i}"))
                .unwrap();
        }
        book.save_to_buffer().unwrap()
    };
    let err = grid::import_xlsx(&workbook(65), referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid audit grid \"65 sheets\": a grid has a dozen sheets; a workbook may have at most 64"
    );
    // 64 sheets are read (and this workbook is not a grid).
    let err = grid::import_xlsx(&workbook(64), referentiel()).unwrap_err();
    assert!(err.to_string().contains("no _qualepref sheet"), "{err}");
    // 60 000 sheets of one part (a file of 600 KB): refused from the list, before the
    // relationships that give their parts are read.
    let xlsx = grid::export_xlsx(&toulon(), referentiel()).unwrap();
    let mut parts = parts_of(&xlsx);
    for part in &mut parts {
        let text = String::from_utf8(part.data.clone()).unwrap_or_default();
        let (name, edited) = match part.name.as_str() {
            "xl/workbook.xml" => {
                let more = (0..60_000).fold(String::new(), |mut all, i| {
                    all.push_str(&format!(
                        r#"<sheet name="S{i}" sheetId="{}" r:id="rIdX{i}"/>"#,
                        i + 100
                    ));
                    all
                });
                (
                    "xl/workbook.xml",
                    text.replace("</sheets>", &format!("{more}</sheets>")),
                )
            }
            "xl/_rels/workbook.xml.rels" => {
                let more = (0..60_000).fold(String::new(), |mut all, i| {
                    all.push_str(&format!(r#"<Relationship Id="rIdX{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet8.xml"/>"#));
                    all
                });
                (
                    "xl/_rels/workbook.xml.rels",
                    text.replace("</Relationships>", &format!("{more}</Relationships>")),
                )
            }
            _ => continue,
        };
        *part = Part::stored(name, edited.into_bytes());
    }
    let started = std::time::Instant::now();
    let err = grid::import_xlsx(&zip_parts(&parts), referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid audit grid \"60 009 sheets\": a grid has a dozen sheets; a workbook may have at \
         most 64"
    );
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    // An OpenDocument spreadsheet likewise.
    let sheets: Sheets = (0..65)
        .map(|i| (format!("Feuille {i}"), Vec::new()))
        .collect();
    let err = grid::import_xlsx(&ods(&sheets), referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid audit grid \"65 sheets\": a grid has a dozen sheets; a workbook may have at most 64"
    );
}

#[test]
fn two_sheets_of_one_name_are_refused() {
    // calamine would read the first twice (.xlsx) or the last twice (.ods).
    let xlsx = grid::export_xlsx(&toulon(), referentiel()).unwrap();
    let mut parts = parts_of(&xlsx);
    let book = parts
        .iter_mut()
        .find(|p| p.name == "xl/workbook.xml")
        .unwrap();
    let text = String::from_utf8(book.data.clone()).unwrap();
    let renamed = text.replace("name=\"Module 2\"", "name=\"MODULE 1\"");
    assert_ne!(renamed, text);
    *book = Part::stored("xl/workbook.xml", renamed.into_bytes());
    let err = grid::import_xlsx(&zip_parts(&parts), referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid audit grid \"MODULE 1\": two sheets of the workbook have this name (case \
         ignored); a reader would read one twice"
    );
    let mut sheets = read(&xlsx);
    "Module 1".clone_into(&mut sheets[2].0);
    let err = grid::import_xlsx(&ods(&sheets), referentiel()).unwrap_err();
    assert!(
        err.to_string()
            .contains("two sheets of the workbook have this name"),
        "{err}"
    );
}

#[test]
fn a_workbook_declaring_billions_of_shared_strings_is_refused_before_room_is_made() {
    let xlsx = grid::export_xlsx(&toulon(), referentiel()).unwrap();
    let parts = parts_of(&xlsx);
    let at = parts
        .iter()
        .position(|p| p.name == "xl/sharedStrings.xml")
        .unwrap();
    let text = String::from_utf8(parts[at].data.clone()).unwrap();
    let start = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
    let end = start + text[start..].find('"').unwrap();
    for (count, refused) in [("4000000000", true), ("500001", true), ("500000", false)] {
        let mut edited = parts_of(&xlsx);
        let declared = format!("{}{count}{}", &text[..start], &text[end..]);
        edited[at] = Part::stored("xl/sharedStrings.xml", declared.into_bytes());
        let result = grid::import_xlsx(&zip_parts(&edited), referentiel());
        if refused {
            assert_eq!(
                result.unwrap_err().to_string(),
                "invalid audit grid \"more than 500000 shared strings\": a grid has a few \
                 thousand distinct texts; this workbook is too large to be one"
            );
        } else {
            assert_eq!(result.unwrap().audit(), &toulon());
        }
    }
}

#[test]
fn cells_that_repeat_a_long_text_past_64_mib_are_refused() {
    // One text of 30 000 characters in 2 300 cells: 69 MB, from a workbook of 60 KB (an .xlsx
    // stores the text once and refers each cell to it).
    let long = "x".repeat(30_000);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Notes").unwrap();
    for row in 0..2_300 {
        sheet.write_string(row, 0, &long).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    assert!(bytes.len() < 100_000, "{}", bytes.len());
    let err = grid::import_xlsx(&bytes, referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid audit grid \"more than 64 MiB of text\": a grid's cells hold a few hundred \
         kilobytes of text; this one is too large to be one"
    );
    // An OpenDocument cell repeated over rows and columns, and a cell of a billion spaces.
    let repeated = format!(
        r#"<table:table-row table:number-rows-repeated="230"><table:table-cell table:number-columns-repeated="10" office:value-type="string"><text:p>{long}</text:p></table:table-cell></table:table-row>"#
    );
    let spaces = r#"<table:table-row><table:table-cell office:value-type="string"><text:p><text:s text:c="1000000000"/></text:p></table:table-cell></table:table-row>"#;
    for (rows, expected) in [
        (
            repeated.as_str(),
            "invalid audit grid \"more than 64 MiB of text\": a grid's cells hold a few hundred \
             kilobytes of text; this one is too large to be one",
        ),
        (
            spaces,
            "invalid audit grid \"Module 1!R1C1: 1 000 000 001 characters\": a cell holds at \
             most 32 767 characters (the limit of a spreadsheet cell)",
        ),
    ] {
        let err = grid::import_xlsx(&ods_rows(rows), referentiel()).unwrap_err();
        assert_eq!(err.to_string(), expected);
    }
}

#[test]
fn a_cell_of_more_than_32_767_characters_is_refused() {
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    let cover = sheet(&mut sheets, "Page de garde");
    let r = labelled(cover, "Nom du site");
    set(cover, r, 1, s(&"é".repeat(32_768)));
    let err = grid::import_xlsx(&ods(&sheets), referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "invalid audit grid \"Page de garde!B{}: 32 768 characters\": a cell holds at most \
             32 767 characters (the limit of a spreadsheet cell)",
            r + 1
        )
    );
    let cover = sheet(&mut sheets, "Page de garde");
    set(cover, r, 1, s(&"é".repeat(32_767)));
    let back = grid::import_xlsx(&ods(&sheets), referentiel()).unwrap();
    assert_eq!(
        back.audit().site.name.as_ref().map(|n| n.chars().count()),
        Some(32_767)
    );
}

#[test]
fn a_date_of_the_grid_has_a_four_digit_year_from_2000_to_2100() {
    use calamine::{ExcelDateTime, ExcelDateTimeType};
    let date = |serial: f64| {
        Data::DateTime(ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            false,
        ))
    };
    let exported = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    // (the date de fin as written, what is said of it)
    for (value, text, why) in [
        (
            s("18/11/19"),
            "18/11/19",
            "not a date (18/11/2019 or 2019-11-18, a four-digit year)",
        ),
        (
            s("2019-11-18 ou 19"),
            "2019-11-18 ou 19",
            "not a date (18/11/2019 or 2019-11-18, a four-digit year)",
        ),
        (
            s("18/11/1999"),
            "18/11/1999",
            "a date outside the years 2000 to 2100",
        ),
        // A date cell of serial 0 or NaN shows 1899-12-30, of 2958466 the year 10000.
        (date(0.0), "0", "not a date (a serial number out of range)"),
        // (A NaN is written `NAN`, and read back as that text.)
        (
            date(f64::NAN),
            "NAN",
            "not a date (18/11/2019 or 2019-11-18, a four-digit year)",
        ),
        (
            date(2_958_466.0),
            "2958466",
            "not a date (a serial number out of range)",
        ),
        (
            date(36_525.0),
            "1999-12-31",
            "a date outside the years 2000 to 2100",
        ),
    ] {
        let mut sheets = exported.clone();
        let cover = sheet(&mut sheets, "Page de garde");
        let r = labelled(cover, "Date de fin");
        set(cover, r, 1, value);
        let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
        let cell = format!("Page de garde!B{}", r + 1);
        assert_eq!(
            back.audit().unread,
            [Unread::new("dates.end", text).in_cell(cell.as_str())],
            "{text}"
        );
        assert_eq!(
            lines(back.diagnostics()),
            [
                format!("{cell}: skipped: date de fin: {why}, not used: {text:?}"),
                "Page de garde!B1: guessed: no date de fin: a one-day audit".to_owned()
            ]
        );
        // The date de début is required: the grid is refused, naming the cell.
        let mut sheets = exported.clone();
        let cover = sheet(&mut sheets, "Page de garde");
        let r = labelled(cover, "Date de début");
        let value = match text {
            "0" | "NAN" | "2958466" | "1999-12-31" => date(text.parse().unwrap_or(36_525.0)),
            _ => s(text),
        };
        set(cover, r, 1, value);
        let err = grid::import_xlsx(&write(&sheets), referentiel()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "invalid audit grid cell \"Page de garde!B{}: {text}\": not a date (18/11/2019, \
                 2019-11-18), and the audit needs its date de début",
                r + 1
            )
        );
    }
}

/// The diagnostics of validation at error severity, as `path: message`.
fn errors(audit: &Audit) -> Vec<String> {
    let report = validate(audit, referentiel(), &ValidationOptions::default());
    report
        .diagnostics()
        .iter()
        .filter(|d| d.severity == qualepref::Severity::Error)
        .map(|d| format!("{}: [{}] {}", d.path, d.code, d.message))
        .collect()
}

/// Finds the row of an item in a sheet's rows.
type Find = Box<dyn Fn(&[Vec<Data>]) -> usize>;

/// A text written in a cell: (sheet, label of the row or engagement, column, text, field, the
/// column of the cell it competes with).
type Written = (
    &'static str,
    &'static str,
    usize,
    &'static str,
    &'static str,
    Option<usize>,
);

#[test]
fn a_second_value_of_an_item_competes_with_the_first_and_refuses_the_audit() {
    let exported = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    // (sheet, the row of the item to repeat, the column of the value, the value, the field)
    let management_row = |rows: &[Vec<Data>]| {
        rows.iter()
            .position(|r| r.get(1) == Some(&Data::Float(1.0)))
            .unwrap()
    };
    let remote_row = |rows: &[Vec<Data>]| {
        rows.iter()
            .position(|r| r.first() == Some(&s("Internet")) && r.get(1) == Some(&Data::Float(1.0)))
            .unwrap()
    };
    let cases: Vec<(&str, Find, usize, &str, &str)> = vec![
        (
            "Module 1",
            Box::new(|rows| row_of(rows, 5)),
            2,
            "NC Maj",
            "assessments[4].verdict",
        ),
        (
            "Module 1",
            Box::new(|rows| row_of(rows, 5)),
            7,
            "Vu.",
            "assessments[4].comment",
        ),
        (
            "Pilotage et labellisation",
            Box::new(management_row),
            3,
            "nc-maj",
            "management[0].verdict",
        ),
        (
            "Audit à distance",
            Box::new(remote_row),
            4,
            "Non conforme",
            "remote_checks[0].note",
        ),
        (
            "Audit à distance",
            Box::new(remote_row),
            2,
            "2",
            "remote_checks[0].module",
        ),
    ];
    for (name, find, col, value, field) in cases {
        let mut sheets = exported.clone();
        let rows = sheet(&mut sheets, name);
        let first = find(rows);
        // Engagement 5 has no comment: the first one is the one to compete with.
        if col == 7 {
            set(rows, first, 7, s("Accueil vu."));
        }
        let mut second: Vec<Data> = rows[first][..2.min(rows[first].len())].to_vec();
        if name == "Audit à distance" {
            second = rows[first][..3].to_vec();
        }
        second.resize(col + 1, Data::Empty);
        second[col] = s(value);
        let at = rows.len();
        rows.push(second);
        let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
        let letter = char::from(b'A' + col as u8);
        let (here, there) = (
            format!("{name}!{letter}{}", at + 1),
            format!("{name}!{letter}{}", first + 1),
        );
        assert_eq!(
            back.audit().unread,
            [Unread::new(field, value)
                .in_cell(here.as_str())
                .conflicting_with(there.as_str())],
            "{name} {value}"
        );
        // The first value stays as it was; validation refuses the audit naming both cells.
        let refused = errors(back.audit());
        assert!(
            refused.iter().any(|e| e.contains(&here)
                && e.contains(&there)
                && e.contains("unread-assessment")),
            "{name} {value}: {refused:?}"
        );
    }
}

#[test]
fn a_copy_of_a_module_sheet_competes_with_the_sheet_it_copies() {
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    let mut copy = sheet(&mut sheets, "Module 1").clone();
    let r5 = row_of(&copy, 5);
    set(&mut copy, r5, 2, s("NC Maj"));
    sheets.insert(2, ("Module 1 (2)".to_owned(), copy));
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    // The module's own sheet is read; every cell of the copy is kept, the verdicts competing
    // with the module sheet's.
    let mut expected = toulon();
    expected.unread = back.audit().unread.clone();
    assert_eq!(back.audit(), &expected);
    let verdict = back
        .audit()
        .unread
        .iter()
        .find(|u| u.text == "NC Maj")
        .unwrap();
    assert_eq!(
        verdict.cell.as_deref(),
        Some(format!("Module 1 (2)!C{}", r5 + 1).as_str())
    );
    assert_eq!(
        verdict.conflicts_with.as_deref(),
        Some(format!("Module 1!C{}", r5 + 1).as_str())
    );
    let competing = back
        .audit()
        .unread
        .iter()
        .filter(|u| u.conflicts_with.is_some())
        .count();
    assert_eq!(competing, 20, "each engagement's verdict in the copy");
    let refused = errors(back.audit());
    // The verdicts of the copy (C but for NC Maj) refuse the audit; its texts are warnings.
    assert_eq!(refused.len(), 20, "{refused:#?}");
    // A sheet of notes naming no engagement carries nothing: its texts are warnings.
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    sheets.push(("Notes".into(), vec![vec![s("5"), s("à revoir")]]));
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(errors(back.audit()), Vec::<String>::new());
}

#[test]
fn a_text_that_reads_as_an_assessment_is_not_taken_for_a_text() {
    let exported = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    // (sheet, label of the row or engagement, column, text, field, competing cell's column)
    let cases: [Written; 10] = [
        (
            "Module 1",
            "5",
            7,
            "NC Maj",
            "assessments[4].comment",
            Some(2),
        ),
        (
            "Module 1",
            "5",
            3,
            "nc-maj",
            "assessments[4].observations",
            Some(2),
        ),
        (
            "Module 1",
            "5",
            5,
            "non-conformité majeure",
            "assessments[4].observations",
            Some(2),
        ),
        (
            "Module 1",
            "5",
            6,
            "PS : accueil saturé",
            "assessments[4].observations",
            Some(2),
        ),
        (
            "Module 1",
            "6",
            7,
            "NC\u{a0}Maj",
            "assessments[5].comment",
            Some(2),
        ),
        (
            "Page de garde",
            "Nom du site",
            1,
            "NC Maj",
            "site.name",
            None,
        ),
        (
            "Page de garde",
            "Historique de la démarche",
            1,
            "NC  min",
            "context.history",
            None,
        ),
        (
            "Conclusion",
            "COMMENTAIRES",
            1,
            "NC Maj",
            "conclusion.commentaires",
            None,
        ),
        // Kept whole, not cut into parts that are no module numbers.
        (
            "Page de garde",
            "Modules couverts",
            1,
            "NC Maj",
            "modules",
            None,
        ),
        (
            "Conclusion",
            "POINTS FORTS",
            1,
            "PS : accueil saturé",
            "conclusion.points_forts",
            None,
        ),
    ];
    for (name, label, col, text, field, competes) in cases {
        let mut sheets = exported.clone();
        let rows = sheet(&mut sheets, name);
        let r = match label.parse::<u16>() {
            Ok(n) => row_of(rows, n),
            Err(_) => labelled(rows, label),
        };
        set(rows, r, col, s(text));
        let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
        let cell = |c: usize| format!("{name}!{}{}", char::from(b'A' + c as u8), r + 1);
        let mut unread = Unread::new(field, text).in_cell(cell(col));
        if let Some(c) = competes {
            unread = unread.conflicting_with(cell(c));
        }
        assert_eq!(back.audit().unread, [unread], "{text}");
        let refused = errors(back.audit());
        assert!(
            refused
                .iter()
                .any(|e| e.contains(&cell(col)) && e.contains("unread-assessment")),
            "{text}: {refused:?}"
        );
    }
    // A point sensible in the PS column, or in the points sensibles of the conclusion, is
    // where it belongs.
    let mut sheets = exported.clone();
    let rows = sheet(&mut sheets, "Module 1");
    let r = row_of(rows, 5);
    set(rows, r, 4, s("PS : accueil saturé"));
    set(rows, r, 5, s("Attente"));
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(back.audit().unread, []);
    assert_eq!(
        back.audit().assessments[4].observations,
        [qualepref::Observation::area_of_concern(
            "PS : accueil saturé",
            "Attente"
        )]
    );
}

#[test]
fn a_formula_is_reported_and_one_in_a_cell_of_an_assessment_is_not_read() {
    use rust_xlsxwriter::Formula;
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    let first = sheet(&mut sheets, "Module 1");
    let r5 = row_of(first, 5);
    let r9 = row_of(first, 9);
    set(first, r5, 2, Data::Empty);
    set(first, r9, 0, Data::Empty);
    let cover = sheet(&mut sheets, "Page de garde");
    let end = labelled(cover, "Date de fin");
    set(cover, end, 1, Data::Empty);
    let mut book = write_book(&sheets);
    // A verdict computed to NC Maj, whose cached value says C (a spreadsheet would show NC Maj
    // once recalculated); an engagement number and a date by formulas.
    let module = book.worksheet_from_name("Module 1").unwrap();
    module
        .write_formula(
            r5 as u32,
            2,
            Formula::new("=IF(TRUE,\"NC Maj\",\"C\")").set_result("C"),
        )
        .unwrap();
    module
        .write_formula(r9 as u32, 0, Formula::new("=4+5").set_result("9"))
        .unwrap();
    let cover = book.worksheet_from_name("Page de garde").unwrap();
    cover
        .write_formula(
            end as u32,
            1,
            Formula::new("=DATE(2019,11,18)").set_result("43787"),
        )
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let back = grid::import_xlsx(&bytes, referentiel()).unwrap();
    let verdict = format!("Module 1!C{}", r5 + 1);
    assert_eq!(
        back.audit().unread,
        [
            Unread::new("assessments[4].verdict", "=IF(TRUE,\"NC Maj\",\"C\")")
                .in_cell(verdict.as_str())
                .conflicting_with(verdict.as_str())
        ]
    );
    assert_eq!(back.audit().assessments[4].verdict, None);
    assert_eq!(
        back.audit().assessments[8].verdict,
        Some(Verdict::Conformity)
    );
    assert_eq!(
        lines(back.diagnostics()),
        [
            format!(
                "Page de garde!B{}: warning: a formula, not computed by the reader: \
                 \"=DATE(2019,11,18)\"; its cached value \"43787\" was read",
                end + 1
            ),
            format!(
                "{verdict}: warning: a formula in a cell of an assessment, its cached value \"C\" \
                 is not read; not used: \"=IF(TRUE,\\\"NC Maj\\\",\\\"C\\\")\""
            ),
            format!(
                "Module 1!A{}: warning: a formula, not computed by the reader: \"=4+5\"; its \
                 cached value \"9\" was read",
                r9 + 1
            ),
        ]
    );
    let refused = errors(back.audit());
    assert!(
        refused
            .iter()
            .any(|e| e.contains(&verdict) && e.contains("unread-assessment")),
        "{refused:?}"
    );
    // Without a cached value (an .ods saved without computing it), the same.
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    let first = sheet(&mut sheets, "Module 1");
    let r5 = row_of(first, 5);
    set(first, r5, 2, s("FORMULA"));
    let content = ods_content(&sheets).replace(
        r#"<table:table-cell office:value-type="string"><text:p>FORMULA</text:p></table:table-cell>"#,
        r#"<table:table-cell table:formula="of:=IF(1;&quot;NC Maj&quot;;&quot;C&quot;)"/>"#,
    );
    let back = grid::import_xlsx(&ods_package(content), referentiel()).unwrap();
    assert_eq!(
        back.audit().unread,
        [
            Unread::new("assessments[4].verdict", "of:=IF(1;\"NC Maj\";\"C\")")
                .in_cell(verdict.as_str())
                .conflicting_with(verdict.as_str())
        ]
    );
}

#[test]
fn messages_cut_long_texts_and_escape_control_characters() {
    // A note of 30 000 characters on a sheet outside the grid: its diagnostic quotes 60.
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    sheets.push(("Notes".into(), vec![vec![s(&"x".repeat(30_000))]]));
    // A sheet whose name would set a terminal's title (an OpenDocument sheet may be so named).
    sheets.push((
        "\u{1b}]0;titre\u{7}".into(),
        vec![vec![s("brouillon\u{1b}[2J")]],
    ));
    let back = grid::import_xlsx(&ods(&sheets), referentiel()).unwrap();
    assert_eq!(
        lines(back.diagnostics()),
        [
            format!(
                "Notes!A1: skipped: sheet not part of the grid, not used: \"{}…\" (30 000 \
                 characters)",
                "x".repeat(60)
            ),
            "\\u{1b}]0;titre\\u{7}!A1: skipped: sheet not part of the grid, not used: \
             \"brouillon\\u{1b}[2J\""
                .to_owned(),
        ]
    );
    assert!(
        lines(back.diagnostics())
            .iter()
            .all(|l| !l.contains('\u{1b}'))
    );
    // The text itself is kept whole.
    assert_eq!(back.audit().unread[0].text.len(), 30_000);
    // An unread text the writers refuse is cut in the error.
    let err = grid::export_xlsx(back.audit(), referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "invalid unread value \"grid: \\\"{}…\\\" (30 000 characters)\": the grid has no cell \
             for a text the import could not read; set its field and remove it from `unread` first",
            "x".repeat(60)
        )
    );
}

#[test]
fn a_sheet_name_longer_than_100_characters_is_refused() {
    let mut sheets = read(&grid::export_xlsx(&toulon(), referentiel()).unwrap());
    sheets.push(("n".repeat(101), vec![vec![s("x")]]));
    let err = grid::import_xlsx(&ods(&sheets), referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "invalid audit grid \"{}… (101 characters)\": a sheet's name has at most 31 \
             characters in a spreadsheet; this one is too long to be a grid's (more than 100)",
            "n".repeat(60)
        )
    );
}

#[test]
fn the_writers_refuse_what_the_readers_would_not_read_back() {
    // (what the audit holds, the error of both writers)
    type Edit = Box<dyn Fn(&mut Audit)>;
    let cases: Vec<(Edit, String)> = vec![
        (
            Box::new(|a| a.assessments[4].comment = Some("é".repeat(40_000))),
            "invalid audit grid \"assessments[4].comment: 40 000 characters\": a cell of the \
             grid holds at most 32 767 characters (the limit of a spreadsheet cell); shorten the \
             text or split it"
                .to_owned(),
        ),
        (
            Box::new(|a| a.conclusion.commentaires = vec!["NC Maj".to_owned()]),
            "invalid audit grid \"conclusion.commentaires[0]: \\\"NC Maj\\\"\": the text reads \
             as an assessment (a verdict, an observation of another kind, a remote note), which \
             the grid's reader keeps rather than take for a text; write it otherwise"
                .to_owned(),
        ),
        (
            Box::new(|a| {
                a.assessments[0].observations[0].text = "PS : accueil saturé".to_owned();
            }),
            "invalid audit grid \"assessments[0].observations[0].text: \\\"PS : accueil \
             saturé\\\"\": the text reads as an assessment (a verdict, an observation of another \
             kind, a remote note), which the grid's reader keeps rather than take for a text; \
             write it otherwise"
                .to_owned(),
        ),
        (
            Box::new(|a| a.auditors[0].signed_on = "1999-12-31".parse().ok()),
            "invalid audit grid \"auditors[0].signed_on: 1999-12-31\": a date outside the years \
             2000 to 2100, which the grid's reader does not read"
                .to_owned(),
        ),
    ];
    for (edit, expected) in cases {
        let mut audit = toulon();
        edit(&mut audit);
        let xlsx = grid::export_xlsx(&audit, referentiel()).unwrap_err();
        assert_eq!(xlsx.to_string(), expected);
        #[cfg(feature = "csv")]
        assert_eq!(
            grid::export_csv(&audit, referentiel())
                .unwrap_err()
                .to_string(),
            expected
        );
    }
    // A point sensible's text may start with PS, and a point sensible of the conclusion too.
    let mut audit = toulon();
    audit.assessments[0].observations = vec![qualepref::Observation::area_of_concern(
        "PS : accueil saturé",
        "Attente",
    )];
    audit.conclusion.points_sensibles = vec!["PS : accueil saturé le lundi".to_owned()];
    let bytes = grid::export_xlsx(&audit, referentiel()).unwrap();
    assert_eq!(
        grid::import_xlsx(&bytes, referentiel()).unwrap().audit(),
        &audit
    );
    // Past the rows of a sheet: an engagement of 100 000 observations (a row each).
    let mut audit = toulon();
    audit.assessments[0].observations = (0..100_000)
        .map(|i| qualepref::Observation::strength(format!("«{i}»")))
        .collect();
    assert_eq!(
        grid::export_xlsx(&audit, referentiel())
            .unwrap_err()
            .to_string(),
        "invalid audit grid \"Module 1: 100 048 rows\": the grid of this audit would have a sheet \
         of more rows than its reader reads (100 000)"
    );
    #[cfg(feature = "csv")]
    assert_eq!(
        grid::export_csv(&audit, referentiel())
            .unwrap_err()
            .to_string(),
        "invalid audit grid \"100 094 lines\": the table of this audit would have more lines \
         than its reader reads (100 000)"
    );
}

#[test]
fn the_workbook_holds_no_formula_even_for_a_text_starting_with_an_equal_sign() {
    let mut audit = toulon();
    audit.assessments[4].comment = Some("=HYPERLINK(\"http://exemple.fr\";\"voir\")".to_owned());
    audit.conclusion.commentaires = vec!["+33 4 94 00 00 00".to_owned(), "@moi".to_owned()];
    let bytes = grid::export_xlsx(&audit, referentiel()).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
    let mut sheets = 0;
    for name in names
        .iter()
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
    {
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut xml).unwrap();
        assert!(!xml.contains("<f>") && !xml.contains("<f "), "{name}");
        // Every text is a shared string.
        assert!(
            !xml.contains("t=\"str\"") && !xml.contains("inlineStr"),
            "{name}"
        );
        sheets += 1;
    }
    assert_eq!(sheets, 9);
    assert_eq!(
        grid::import_xlsx(&bytes, referentiel()).unwrap().audit(),
        &audit
    );
}

/// The height set on each row of the sheet XML `xml`, by 1-based row number: `ht` of a row
/// with `customHeight="1"`.
fn row_heights(xml: &str) -> std::collections::HashMap<u32, f64> {
    let mut heights = std::collections::HashMap::new();
    for row in xml.split("<row ").skip(1) {
        let head = &row[..row.find('>').unwrap()];
        let attr = |name: &str| {
            head.split_whitespace()
                .find_map(|a| a.strip_prefix(&format!("{name}=\"")))
                .map(|v| v.trim_end_matches('/').trim_end_matches('"').to_owned())
        };
        let r: u32 = attr("r").unwrap().parse().unwrap();
        if attr("customHeight").as_deref() == Some("1") {
            heights.insert(r, attr("ht").unwrap().parse().unwrap());
        }
    }
    heights
}

#[test]
fn every_row_of_the_grid_is_tall_enough_for_its_wrapped_text() {
    let modules = [qualepref::ModuleNumber::ONE, ModuleNumber::new(2).unwrap()];
    for (case, bytes) in [
        (
            "blank",
            grid::new_xlsx(referentiel(), &modules, None, None).unwrap(),
        ),
        (
            "Toulon",
            grid::export_xlsx(&toulon(), referentiel()).unwrap(),
        ),
    ] {
        let parts = parts_of(&bytes);
        let sheets = read(&bytes);
        for (i, (name, rows)) in sheets.iter().enumerate() {
            if name == "_qualepref" {
                continue;
            }
            let xml = parts
                .iter()
                .find(|p| p.name == format!("xl/worksheets/sheet{}.xml", i + 1))
                .unwrap();
            let heights = row_heights(std::str::from_utf8(&xml.data).unwrap());
            // The column widths of the sheet, in characters.
            let widths: Vec<f64> = {
                let xml = std::str::from_utf8(&xml.data).unwrap();
                xml.split("<col ")
                    .skip(1)
                    .map(|c| {
                        let at = c.find("width=\"").unwrap() + 7;
                        c[at..at + c[at..].find('"').unwrap()].parse().unwrap()
                    })
                    .collect()
            };
            for (r, row) in rows.iter().enumerate() {
                let texts: Vec<(usize, &str)> = row
                    .iter()
                    .enumerate()
                    .filter_map(|(c, v)| match v {
                        Data::String(s) => Some((c, s.as_str())),
                        _ => None,
                    })
                    .collect();
                if texts.is_empty() || (r == 0) {
                    continue;
                }
                // A row without a height of its own has the default one, of one line (a spare
                // row's label, which grows as one types).
                let ht = heights.get(&(r as u32 + 1)).copied().unwrap_or(12.0);
                for (c, text) in texts {
                    // However narrow a font, a line holds at most one and a half times the
                    // column's width in characters; each line is at least 12 points high.
                    let Some(width) = widths.get(c) else { continue };
                    // Column widths are small positive numbers.
                    #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
                    let room = (width * 1.5).floor() as usize;
                    let lines: usize = text
                        .split('\n')
                        .map(|p| p.chars().count().div_ceil(room).max(1))
                        .sum();
                    // A group heading runs over the empty cells beside it.
                    let heading = name.starts_with("Module") && c == 1 && row[0] == Data::Empty;
                    if !heading {
                        assert!(
                            ht >= 12.0 * lines as f64,
                            "{case}: {name}!{}{}: {ht} points for {lines} lines: {text:?}",
                            char::from(b'A' + c as u8),
                            r + 1
                        );
                    }
                }
            }
            // The header row holds its wrapped headers: two lines at least on a module sheet.
            if name.starts_with("Module") {
                assert!(heights[&3] >= 30.0, "{case}: {name}: {}", heights[&3]);
            }
        }
    }
}

#[test]
fn the_blank_grid_lists_the_usual_remote_checks_notes_left_to_fill() {
    let modules = [ModuleNumber::ONE, ModuleNumber::new(2).unwrap()];
    let bytes = grid::new_xlsx(referentiel(), &modules, None, None).unwrap();
    let mut sheets = read(&bytes);
    let remote = sheet(&mut sheets, "Audit à distance");
    let title = remote[0][0].to_string();
    assert!(
        title.ends_with("\u{202f}; des lignes peuvent être ajoutées ou supprimées"),
        "{title}"
    );
    let checks: Vec<(String, String, String)> = remote[3..]
        .iter()
        .filter(|r| r.first().is_some_and(|v| *v != Data::Empty))
        .map(|r| {
            let note = r.get(4).map_or_else(String::new, ToString::to_string);
            (r[0].to_string(), r[1].to_string(), note)
        })
        .collect();
    let internet = "Internet";
    let phone = "Téléphone (standard, SVI, SART)";
    let mail = "Courriels";
    let expected: Vec<(String, String, String)> = [
        (internet, 1),
        (internet, 3),
        (internet, 10),
        (internet, 11),
        (internet, 12),
        (internet, 13),
        (internet, 14),
        (phone, 1),
        (phone, 2),
        (phone, 8),
        (phone, 10),
        (mail, 16),
        (mail, 17),
    ]
    .iter()
    .map(|(c, n)| ((*c).to_owned(), n.to_string(), String::new()))
    .collect();
    assert_eq!(checks, expected);
    // The Toulon report's checks, the same channels and engagements.
    let toulon: Vec<(qualepref::RemoteChannel, u16)> = toulon()
        .remote_checks
        .iter()
        .map(|c| (c.channel, c.engagement.get()))
        .collect();
    let mut blank = sheets.clone();
    let cover = sheet(&mut blank, "Page de garde");
    for (label, value) in [
        ("Type d'administration", "Préfecture"),
        ("Département", "83"),
        ("Ville", "TOULON"),
        ("Date de début", "2024-03-12"),
    ] {
        let at = labelled(cover, label);
        set(cover, at, 1, s(value));
    }
    let back = grid::import_xlsx(&write(&blank), referentiel()).unwrap();
    let read: Vec<(qualepref::RemoteChannel, u16)> = back
        .audit()
        .remote_checks
        .iter()
        .map(|c| (c.channel, c.engagement.get()))
        .collect();
    assert_eq!(read, toulon);
    assert!(back.audit().remote_checks.iter().all(|c| c.note.is_none()));
}

#[test]
fn a_grid_of_version_0_2_with_its_older_sheet_names_reads_the_same_and_says_so() {
    let audit = toulon();
    let mut sheets = read(&grid::export_xlsx(&audit, referentiel()).unwrap());
    for (name, _) in &mut sheets {
        if name == "Pilotage et labellisation" {
            "Management".clone_into(name);
        }
    }
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(back.audit(), &audit);
    assert_eq!(
        lines(back.diagnostics()),
        [
            "Management!A1: info: a sheet named as in grids of version 0.2 (\"Management\"); read as the sheet now named \"Pilotage et labellisation\""
        ]
    );
    assert_eq!(
        back.diagnostics()[0].to_string(),
        "Management!A1\u{a0}: info\u{a0}: une feuille nommée comme dans les grilles de la version 0.2 («\u{a0}Management\u{a0}»)\u{a0}: lue comme la feuille aujourd'hui nommée «\u{a0}Pilotage et labellisation\u{a0}»"
    );
    assert_eq!(back.diagnostics()[0].level, ImportLevel::Info);
}

#[test]
fn several_paragraphs_of_a_conclusion_cell_read_as_paragraphs() {
    let audit = toulon();
    let mut sheets = read(&grid::export_xlsx(&audit, referentiel()).unwrap());
    let conclusion = sheet(&mut sheets, "Conclusion");
    // The four pistes de progrès typed in one cell, a line each (Alt+Entrée), a blank line
    // between two of them.
    let rows: Vec<usize> = (0..conclusion.len())
        .filter(|&r| conclusion[r].first() == Some(&s("PISTES DE PROGRES")))
        .collect();
    assert_eq!(rows.len(), 4);
    let paragraphs = &audit.conclusion.pistes_de_progres;
    let joined = format!(
        "{}\n{}\r\n\n{}\n{}",
        paragraphs[0], paragraphs[1], paragraphs[2], paragraphs[3]
    );
    set(conclusion, rows[0], 1, s(&joined));
    for &r in &rows[1..] {
        conclusion[r] = Vec::new();
    }
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit(), &audit);

    // A line that reads as a verdict is kept, the others read.
    let conclusion = sheet(&mut sheets, "Conclusion");
    set(
        conclusion,
        rows[0],
        1,
        s(&format!("{}\nNC Maj", paragraphs[0])),
    );
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(
        back.audit().conclusion.pistes_de_progres,
        [paragraphs[0].clone()]
    );
    assert_eq!(
        back.audit().unread,
        [Unread::new("conclusion.pistes_de_progres", "NC Maj")
            .in_cell(format!("Conclusion!B{}", rows[0] + 1))]
    );

    // The writers refuse a paragraph with a line break, which would come back as two.
    let mut broken = audit.clone();
    broken.conclusion.commentaires = vec!["Première ligne\nseconde ligne".to_owned()];
    let err = grid::export_xlsx(&broken, referentiel()).unwrap_err();
    assert!(
        err.to_string().contains("conclusion.commentaires[0]"),
        "{err}"
    );
    assert!(grid::export_csv(&broken, referentiel()).is_err());
}

#[test]
fn a_spare_row_with_its_number_follows_each_engagement_for_a_further_observation() {
    let audit = toulon();
    let mut sheets = read(&grid::export_xlsx(&audit, referentiel()).unwrap());
    let first = sheet(&mut sheets, "Module 1");
    for n in 1..=20u16 {
        let r = row_of(first, n);
        // The engagement's rows (one per observation row), then one with only its number.
        let spare = (r + 1..first.len())
            .find(|&s| first[s].iter().skip(1).all(|v| *v == Data::Empty))
            .unwrap();
        assert_eq!(first[spare][0], Data::Float(f64::from(n)), "engagement {n}");
        assert!((r + 1..spare).all(|x| first[x][0] == Data::Float(f64::from(n))));
    }
    // No spare rows left at the bottom.
    assert_eq!(first.last().unwrap()[0], Data::Float(20.0));
    let r5 = row_of(first, 5);
    set(first, r5 + 1, 4, s("Signalétique peu visible"));
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    let mut expected = audit;
    expected
        .observe(
            EngagementNumber::try_from(5).unwrap(),
            qualepref::Observation::new(
                qualepref::ObservationKind::AreaOfConcern,
                "Signalétique peu visible",
            ),
        )
        .unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit(), &expected);
}

#[test]
fn the_mode_d_emploi_is_the_grids_own_text_and_anything_typed_there_is_kept() {
    let bytes = grid::export_xlsx(&toulon(), referentiel()).unwrap();
    let mut sheets = read(&bytes);
    let guide = sheet(&mut sheets, "Mode d'emploi");
    let text: Vec<String> = guide.iter().flatten().map(ToString::to_string).collect();
    for subject in [
        "Page de garde",
        "Une observation de plus",
        "Listes déroulantes",
        "Ce que la lecture refuse",
    ] {
        assert!(text.iter().any(|t| t == subject), "{subject}");
    }
    assert!(
        text.iter()
            .any(|t| t.contains("NC Maj (non-conformité majeure)"))
    );
    // Its text is read as the grid's own: the grid reads back as written.
    let back = grid::import_xlsx(&bytes, referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    // A note typed there, and a verdict, are reported and kept.
    let at = guide.len();
    guide.push(vec![Data::Empty, s("NC Maj")]);
    set(guide, 5, 2, s("à relire"));
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(
        lines(back.diagnostics()),
        [
            "Mode d'emploi!C6: skipped: not a text of the grid's mode d'emploi, not used: \"à relire\"".to_owned(),
            format!("Mode d'emploi!B{}: skipped: not a text of the grid's mode d'emploi, not used: \"NC Maj\"", at + 1),
        ]
    );
    assert_eq!(back.audit().unread.len(), 2);
    assert!(back.audit().unread.iter().all(|u| u.field == "grid"));
}

#[test]
fn column_headers_carry_comments() {
    let bytes = grid::export_xlsx(&toulon(), referentiel()).unwrap();
    let parts = parts_of(&bytes);
    let comments: Vec<String> = parts
        .iter()
        .filter(|p| p.name.starts_with("xl/comments"))
        .map(|p| String::from_utf8(p.data.clone()).unwrap())
        .collect();
    // The module sheets, management, remote checks and fiches d'écart.
    assert_eq!(
        comments.len(),
        5,
        "{:?}",
        parts.iter().map(|p| &p.name).collect::<Vec<_>>()
    );
    let all = comments.concat();
    assert!(all.contains("Documents consultés, personnes rencontrées."));
    assert!(all.contains("C (conforme), NA (non applicable, à justifier en commentaire)"));
}

#[test]
fn a_fiche_target_is_a_drop_down_of_the_engagements_and_items_read_back_in_either_form() {
    let mut audit = toulon_with_every_field();
    let mut on_item = audit.ecarts[0].clone();
    on_item.target = qualepref::EcartTarget::Management(qualepref::ManagementItemId::new(
        qualepref::ManagementSection::Pilotage,
        5,
    ));
    on_item.number = Some(2);
    audit.ecarts.push(on_item);
    let bytes = grid::export_xlsx(&audit, referentiel()).unwrap();
    let mut sheets = read(&bytes);
    let fiches = sheet(&mut sheets, "Fiches d'écart");
    assert_eq!(
        fiches[3][0],
        s("17 — Nous vous répondons dans un délai annoncé et maîtrisé")
    );
    let Data::String(item) = &fiches[4][0] else {
        panic!("{:?}", fiches[4][0])
    };
    assert!(item.starts_with("Pilotage 5 — "), "{item}");
    // The drop-down lists the Mode d'emploi's targets.
    let parts = parts_of(&bytes);
    let xml = parts
        .iter()
        .find(|p| p.name == "xl/worksheets/sheet6.xml")
        .unwrap();
    let xml = std::str::from_utf8(&xml.data).unwrap();
    assert!(
        xml.contains("<formula1>'Mode d''emploi'!$B$16:$B$45</formula1>"),
        "{xml}"
    );
    let guide = sheet(&mut sheets, "Mode d'emploi");
    assert_eq!(
        guide[15][1],
        s("1 — Nous vous informons sur les conditions de fonctionnement de nos services")
    );
    assert!(matches!(&guide[44][1], Data::String(t) if t.starts_with("Labellisation 2 — ")));
    let back = grid::import_xlsx(&bytes, referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit(), &audit);
    // A bare number and an item typed as in 0.2 read the same.
    let fiches = sheet(&mut sheets, "Fiches d'écart");
    set(fiches, 3, 0, Data::Float(17.0));
    set(fiches, 4, 0, s("pilotage 5"));
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(back.audit(), &audit);
    // A title that is not the référentiel's is no target: the row is kept.
    let fiches = sheet(&mut sheets, "Fiches d'écart");
    set(fiches, 3, 0, s("17 — Accueil"));
    let back = grid::import_xlsx(&write(&sheets), referentiel()).unwrap();
    assert_eq!(back.audit().ecarts.len(), 1);
    assert!(back.audit().unread.iter().any(|u| u.text == "17 — Accueil"));
}
