//! The audit grid as one flat CSV table: conventions, round trip, a table edited by hand.
#![cfg(feature = "csv")]

use qualepref::grid::{self, GridDiagnostic};
use qualepref::{Audit, EngagementNumber, Language, Referentiel, Unread, Verdict};

fn toulon() -> Audit {
    Audit::from_json_str(qualepref::samples::TOULON_2019_JSON).unwrap()
}

fn referentiel() -> &'static Referentiel {
    Referentiel::qual_e_pref_2019()
}

fn lines(diagnostics: &[GridDiagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d.to_string_in(Language::En))
        .collect()
}

#[test]
fn toulon_round_trips_through_the_table() {
    let audit = toulon();
    let table = grid::export_csv(&audit, referentiel()).unwrap();
    let back = grid::import_csv(&table, referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit(), &audit);
}

#[test]
fn blank_cells_beyond_the_tables_columns_are_not_reported() {
    // A spreadsheet program may save blanks right of the last column.
    let table = String::from_utf8(grid::export_csv(&toulon(), referentiel()).unwrap()).unwrap();
    let padded = table.replace("\r\n", ";; \t;\r\n");
    let back = grid::import_csv(padded.as_bytes(), referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit(), &toulon());
}

#[test]
fn the_table_follows_french_spreadsheet_conventions() {
    let table = grid::export_csv(&toulon(), referentiel()).unwrap();
    let text = std::str::from_utf8(&table).unwrap();
    let mut rows = text.split("\r\n");
    assert_eq!(
        rows.next().unwrap(),
        "\u{feff}kind;field;module;engagement;management;channel;verdict;observation;text;risk;comment;requirement;action;phone;email;date;leader;status;status_date;status_note;evidence;number;cause;response"
    );
    assert_eq!(
        rows.next().unwrap(),
        "field;format;;;;;;;qualepref-grid/1;;;;;;;;;;;;;;;"
    );
    assert!(text.contains("\r\nassessment;;1;5;;;C;;;;;;;;;;;;;;;;;\r\n"));
    assert!(text.contains("\r\nremote check;;1;3;;internet;Conforme;;;;;;;;;;;;;;;;;\r\n"));
    assert!(text.contains("\r\nmanagement;;;;pilotage 5;;C;;;;;;;;;;;;;;;;;\r\n"));
}

#[test]
fn a_table_edited_by_hand_imports_with_diagnostics_naming_line_and_column() {
    let audit = toulon();
    let table = grid::export_csv(&audit, referentiel()).unwrap();
    let text = String::from_utf8(table).unwrap();
    let mut edited: Vec<String> = text.split("\r\n").map(str::to_owned).collect();
    let five = edited
        .iter()
        .position(|l| l == "assessment;;1;5;;;C;;;;;;;;;;;;;;;;;")
        .unwrap();
    edited[five] = "assessment;;1;5;;; nc  MIN ;;;;;;;;;;;;;;;;;".to_owned();
    let seven = edited
        .iter()
        .position(|l| l == "assessment;;1;7;;;C;;;;;;;;;;;;;;;;;")
        .unwrap();
    edited[seven] = "assessment;;1;7;;;CC;;;;;;;;;;;;;;;;;;en trop".to_owned();
    // Rows reordered: the row of engagement 9 moved to the end, after an empty line.
    let nine = edited
        .iter()
        .position(|l| l == "assessment;;1;9;;;C;;;;;;;;;;;;;;;;;")
        .unwrap();
    let moved = edited.remove(nine);
    edited.push(String::new());
    edited.push(moved);
    let back = grid::import_csv(edited.join("\r\n").as_bytes(), referentiel()).unwrap();
    let mut expected = audit;
    expected
        .assessment_mut(EngagementNumber::try_from(5).unwrap())
        .unwrap()
        .verdict = Some(Verdict::MinorNonconformity);
    expected
        .assessment_mut(EngagementNumber::try_from(7).unwrap())
        .unwrap()
        .verdict = None;
    // What the reader did not use is kept, with its line and column.
    expected.unread = vec![
        Unread::new("grid", "en trop")
            .at_line(seven + 1)
            .in_cell("column 25"),
        Unread::new("assessments[6].verdict", "CC")
            .at_line(seven + 1)
            .in_cell("verdict"),
    ];
    assert_eq!(back.audit(), &expected);
    assert_eq!(
        lines(back.diagnostics()),
        [
            format!(
                "line {}, column 25: skipped: outside the table's columns, not used: \"en trop\"",
                seven + 1
            ),
            format!(
                "line {}, verdict: warning: unknown verdict \"CC\" (expected C, NA, NC min, NC Maj); left without verdict",
                seven + 1
            ),
        ]
    );
}

#[test]
fn a_comma_separated_table_without_byte_order_mark_reads_too() {
    let audit = toulon();
    let table = grid::export_csv(&audit, referentiel()).unwrap();
    let text = std::str::from_utf8(&table)
        .unwrap()
        .trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in reader.records() {
        writer.write_record(&record.unwrap()).unwrap();
    }
    let comma = writer.into_inner().unwrap();
    let back = grid::import_csv(&comma, referentiel()).unwrap();
    assert_eq!(back.audit(), &audit);
}

#[test]
fn a_table_without_format_row_is_not_a_grid() {
    let err =
        grid::import_csv(b"kind;field;text\r\nfield;city;TOULON\r\n", referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid audit grid \"CSV\": it has no format row (kind field, field format): not a grid written by qualepref"
    );
    // The référentiel's row alone does not make a grid.
    let table = String::from_utf8(grid::export_csv(&toulon(), referentiel()).unwrap()).unwrap();
    let without: Vec<&str> = table
        .split("\r\n")
        .filter(|l| !l.starts_with("field;format;"))
        .collect();
    assert!(
        without
            .iter()
            .any(|l| l.starts_with("field;grid_referentiel;"))
    );
    let err = grid::import_csv(without.join("\r\n").as_bytes(), referentiel()).unwrap_err();
    assert!(err.to_string().contains("it has no format row"), "{err}");
}

#[test]
fn a_fiche_state_not_understood_is_reported_and_read_as_open() {
    use qualepref::{ActionStatus, EcartTarget, FicheEcart, NcGrade};
    let mut audit = toulon();
    let seventeen = EngagementNumber::try_from(17).unwrap();
    audit.assessment_mut(seventeen).unwrap().verdict = Some(Verdict::MinorNonconformity);
    audit.ecarts.push(
        FicheEcart::new(
            EcartTarget::Engagement(seventeen),
            NcGrade::Minor,
            "Constat synthétique",
        )
        .with_leader("Pilote synthétique")
        .with_status(ActionStatus::InProgress),
    );
    let table = String::from_utf8(grid::export_csv(&audit, referentiel()).unwrap()).unwrap();
    let row = "fiche;;;17;;;NC min;;Constat synthétique;;;;;;;;Pilote synthétique;en cours;;;;;;";
    assert!(table.contains(row), "{table}");
    let back = grid::import_csv(table.as_bytes(), referentiel()).unwrap();
    assert_eq!(back.audit(), &audit);
    assert!(back.diagnostics().is_empty());
    let line = table.split("\r\n").position(|l| l == row).unwrap() + 1;
    for (state, expected) in [
        (
            "presque fini;;",
            "status: skipped: state not one of ouvert, en cours, levé, non levé; read as ouvert, not used: \"presque fini\"",
        ),
        (
            "levé;;Registre tenu",
            // and the evidence is reported with it (second diagnostic)
            "status: skipped: levé or non levé needs its date (column I); read as ouvert, not used: \"levé\"",
        ),
    ] {
        let edited = table.replace(row, &row.replace("en cours;;", state));
        let back = grid::import_csv(edited.as_bytes(), referentiel()).unwrap();
        assert_eq!(back.audit().ecarts[0].status, ActionStatus::Open);
        let reported = usize::from(state.ends_with("tenu")) + 1;
        assert_eq!(back.diagnostics().len(), reported);
        assert_eq!(
            lines(back.diagnostics())[0],
            format!("line {line}, {expected}")
        );
        // The state and its evidence are kept as written.
        let kept: Vec<(&str, &str, Option<usize>, Option<&str>)> = back
            .audit()
            .unread
            .iter()
            .map(|u| (u.field.as_str(), u.text.as_str(), u.line, u.cell.as_deref()))
            .collect();
        let mut written = vec![(
            "ecarts[0].status",
            state.split(';').next().unwrap(),
            Some(line),
            Some("status"),
        )];
        if state.ends_with("tenu") {
            written.push((
                "ecarts[0].status",
                "Registre tenu",
                Some(line),
                Some("status_note"),
            ));
        }
        assert_eq!(kept, written);
    }
}

#[test]
fn what_the_table_has_no_cell_for_is_refused_rather_than_lost() {
    let mut audit = toulon();
    audit
        .unread
        .push(qualepref::Unread::new("site.administration", "Ambassade"));
    let err = grid::export_csv(&audit, referentiel()).unwrap_err();
    assert!(
        err.to_string()
            .contains("the grid has no cell for a text the import could not read"),
        "{err}"
    );
    let mut audit = toulon();
    audit.assessments[0].observations[0].risk = Some("Perte d'information".to_owned());
    let err = grid::export_csv(&audit, referentiel()).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("only a point sensible (PS) has a risk cell in the grid"),
        "{err}"
    );
}

/// The table of the Toulon audit, as lines.
fn table_lines() -> Vec<String> {
    let table = String::from_utf8(grid::export_csv(&toulon(), referentiel()).unwrap()).unwrap();
    table.split("\r\n").map(str::to_owned).collect()
}

/// The errors of validation, as `path: [code] message`.
fn errors(audit: &Audit) -> Vec<String> {
    let options = qualepref::ValidationOptions::default();
    qualepref::validate(audit, referentiel(), &options)
        .diagnostics()
        .iter()
        .filter(|d| d.severity == qualepref::Severity::Error)
        .map(|d| {
            format!(
                "{}: [{}] {}",
                d.path,
                d.code,
                d.message_in(qualepref::Language::En)
            )
        })
        .collect()
}

#[test]
fn a_second_row_of_an_item_competes_with_the_first_and_refuses_the_audit() {
    for (first, second, field, value) in [
        (
            "assessment;;1;5;;;C;;;;;;;;;;;;;;;;;",
            "assessment;;1;5;;;NC Maj;;;;;;;;;;;;;;;;;",
            "assessments[4].verdict",
            "NC Maj",
        ),
        (
            "management;;;;pilotage 5;;C;;;;;;;;;;;;;;;;;",
            "management;;;;pilotage 5;;non-conformité majeure;;;;;;;;;;;;;;;;;",
            "management[4].verdict",
            "non-conformité majeure",
        ),
        (
            "remote check;;1;3;;internet;Conforme;;;;;;;;;;;;;;;;;",
            "remote check;;1;3;;internet;Non conforme;;;;;;;;;;;;;;;;;",
            "remote_checks[1].note",
            "Non conforme",
        ),
    ] {
        let mut lines = table_lines();
        let at = lines.iter().position(|l| l == first).unwrap();
        lines.insert(lines.len() - 1, second.to_owned());
        let line = lines.len() - 1;
        let back = grid::import_csv(lines.join("\r\n").as_bytes(), referentiel()).unwrap();
        assert_eq!(
            back.audit().unread,
            [Unread::new(field, value)
                .at_line(line)
                .in_cell("verdict")
                .conflicting_with(format!("line {} (verdict)", at + 1))],
            "{second}"
        );
        let refused = errors(back.audit());
        assert!(
            refused.iter().any(|e| e.contains(&format!("line {line}"))
                && e.contains(&format!("line {} (verdict)", at + 1))),
            "{refused:?}"
        );
    }
}

#[test]
fn a_formula_in_the_table_is_not_read_for_a_verdict() {
    // Written by hand or by another tool: a spreadsheet program opening the table computes it.
    let mut lines = table_lines();
    let at = lines
        .iter()
        .position(|l| l == "assessment;;1;5;;;C;;;;;;;;;;;;;;;;;")
        .unwrap();
    lines[at] = "assessment;;1;5;;;\"=IF(1;\"\"NC Maj\"\";\"\"C\"\")\";;;;;;;;;;;;;".to_owned();
    let back = grid::import_csv(lines.join("\r\n").as_bytes(), referentiel()).unwrap();
    assert_eq!(
        back.audit().unread,
        [
            Unread::new("assessments[4].verdict", "=IF(1;\"NC Maj\";\"C\")")
                .at_line(at + 1)
                .in_cell("verdict")
                .conflicting_with(format!("line {} (verdict)", at + 1))
        ]
    );
    assert_eq!(back.audit().assessments[4].verdict, None);
    // A text the writer wrote, starting with `=`, reads back as the text it is.
    let mut audit = toulon();
    audit.assessments[4].comment = Some("=> voir le registre".to_owned());
    let table = grid::export_csv(&audit, referentiel()).unwrap();
    assert_eq!(
        grid::import_csv(&table, referentiel()).unwrap().audit(),
        &audit
    );
}

#[test]
fn a_table_saved_by_excel_in_french_is_read_as_windows_1252_and_says_so() {
    let mut audit = toulon();
    audit.assessments[4].comment = Some("L’accueil œuvre — 5 € : «\u{a0}oui\u{a0}»".to_owned());
    let table = String::from_utf8(grid::export_csv(&audit, referentiel()).unwrap()).unwrap();
    let table = table.trim_start_matches('\u{feff}');
    // As Excel saves « CSV (séparateur : point-virgule) »: Windows-1252, no byte-order mark.
    let encoded: Vec<u8> = table
        .chars()
        .map(|c| match c {
            '’' => 0x92,
            'œ' => 0x9C,
            '—' => 0x97,
            '€' => 0x80,
            c => u8::try_from(u32::from(c)).unwrap(),
        })
        .collect();
    assert!(std::str::from_utf8(&encoded).is_err());
    let back = grid::import_csv(&encoded, referentiel()).unwrap();
    assert_eq!(back.audit(), &audit);
    assert_eq!(
        lines(back.diagnostics()),
        [
            "line 1: info: not UTF-8: read as Windows-1252, the encoding of a table saved by Excel in French"
        ]
    );
    assert_eq!(errors(back.audit()), Vec::<String>::new());
}

#[test]
fn a_utf_16_table_is_refused_saying_so() {
    let table = String::from_utf8(grid::export_csv(&toulon(), referentiel()).unwrap()).unwrap();
    let utf16 = |bom: bool, little: bool| {
        let mut out = Vec::new();
        for unit in table.trim_start_matches('\u{feff}').encode_utf16() {
            out.extend(if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        if bom {
            let mark: &[u8] = if little { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] };
            out.splice(0..0, mark.iter().copied());
        }
        out
    };
    for (bom, little) in [(true, true), (true, false), (false, true), (false, false)] {
        let err = grid::import_csv(&utf16(bom, little), referentiel()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid audit grid \"UTF-16\": the table is UTF-16 text (Excel's « Texte Unicode »); \
             save it as « CSV UTF-8 » or « CSV (séparateur : point-virgule) »",
            "{bom} {little}"
        );
    }
}

#[test]
fn a_quoted_value_that_never_closes_is_refused_naming_its_line() {
    let mut lines = table_lines();
    let at = lines
        .iter()
        .position(|l| l == "assessment;;1;5;;;C;;;;;;;;;;;;;;;;;")
        .unwrap();
    lines[at] = "assessment;;1;5;;;C;;;;\"Vu le registre;;;;;;;;;;;;;".to_owned();
    let err = grid::import_csv(lines.join("\r\n").as_bytes(), referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "invalid audit grid \"line {}\": a quoted value opens on this line (\") and is not \
             closed where a value ends: the lines after it would be read as that one value",
            at + 1
        )
    );
    // Nor at the end of the table.
    let mut last = table_lines();
    last.push("conclusion;commentaires;;;;;;;\"Vu".to_owned());
    let err = grid::import_csv(last.join("\r\n").as_bytes(), referentiel()).unwrap_err();
    assert!(
        err.to_string()
            .contains(&format!("\"line {}\"", last.len())),
        "{err}"
    );
    // Quotes doubled inside a quoted value, and a quote inside an unquoted one, are text.
    lines[at] = "assessment;;1;5;;;C;;;;\"Vu le \"\"registre\"\"\";;;;;;;;;;;;;".to_owned();
    let back = grid::import_csv(lines.join("\r\n").as_bytes(), referentiel()).unwrap();
    assert_eq!(
        back.audit().assessments[4].comment.as_deref(),
        Some("Vu le \"registre\"")
    );
    lines[at] = "assessment;;1;5;;;C;;;;Vu 5\" d'attente;;;;;;;;;;;;;".to_owned();
    let back = grid::import_csv(lines.join("\r\n").as_bytes(), referentiel()).unwrap();
    assert_eq!(
        back.audit().assessments[4].comment.as_deref(),
        Some("Vu 5\" d'attente")
    );
}

#[test]
fn a_table_past_the_grid_bounds_is_refused() {
    let table = String::from_utf8(grid::export_csv(&toulon(), referentiel()).unwrap()).unwrap();
    let count = table.split("\r\n").count();
    // 150 000 lines, of a few cells each (under the cell limit).
    let long = format!("{table}{}", "\r\nx".repeat(150_000 - count));
    let err = grid::import_csv(long.as_bytes(), referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid audit grid \"more than 100 000 lines\": a grid's table has a few hundred lines; \
         one may have at most 100 000"
    );
    // 100 000 lines are read.
    let most = format!("{table}{}", "\r\nx".repeat(100_000 - count));
    assert!(grid::import_csv(most.as_bytes(), referentiel()).is_ok());
    // A line of 101 cells.
    let wide = format!("{table}\r\nx{}", ";".repeat(100));
    let err = grid::import_csv(wide.as_bytes(), referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "invalid audit grid \"line {}, column 101\": a cell stands beyond the grid's bounds \
             (100 000 rows, 100 columns)",
            count + 1
        )
    );
    // Module columns naming 65 sheets.
    let many: String = (0..65)
        .map(|m| format!("\r\nassessment;;{m}x;5;;;C;;;;;;;;;;;;;"))
        .fold(table.clone(), |all, line| all + &line);
    let err = grid::import_csv(many.as_bytes(), referentiel()).unwrap_err();
    assert!(
        err.to_string()
            .contains("the table names more sheets than a workbook may have (64)"),
        "{err}"
    );
    // A cell of 32 768 characters.
    let cell = format!(
        "{table}\r\nfield;history;;;;;;;{};;;;;;;;;;;",
        "a".repeat(32_768)
    );
    let err = grid::import_csv(cell.as_bytes(), referentiel()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "invalid audit grid \"line {}, column 9: 32 768 characters\": a cell holds at most \
             32 767 characters (the limit of a spreadsheet cell)",
            count + 1
        )
    );
}

#[test]
fn no_cell_of_the_table_opens_as_a_formula_and_each_reads_back() {
    let mut audit = toulon();
    audit.assessments[4].comment = Some("=HYPERLINK(\"http://exemple.fr\";\"voir\")".to_owned());
    audit.conclusion.commentaires = vec![
        "+33 4 94 00 00 00".to_owned(),
        "@moi".to_owned(),
        "-3,5 points".to_owned(),
        "'=déjà protégé".to_owned(),
    ];
    audit.auditors[0].phone = Some("+33 6 33 63 73 64".to_owned());
    let table = grid::export_csv(&audit, referentiel()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(&table[3..]);
    let mut cells = 0;
    for record in reader.records() {
        for cell in &record.unwrap() {
            let plain_number = cell
                .strip_prefix('-')
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            assert!(
                plain_number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
            cells += 1;
        }
    }
    assert!(cells > 1_000);
    assert_eq!(
        grid::import_csv(&table, referentiel()).unwrap().audit(),
        &audit
    );
}

#[test]
fn a_value_a_line_does_not_lay_out_is_kept_whole() {
    // (the line, then the value written in a column that line's kind does not use, or uses
    // only for its key)
    for (line, column, value, field) in [
        // An observation of a remote check, whose management column is not its key.
        (
            "observation;;1;3;;internet;;PP;Etudier la possibilité de rendre plus visible le plan d'amélioration sur le site internet.;;;;;;;;;;;;;;;",
            4,
            "NC MAJ",
            "grid",
        ),
        // An assessment's module that is no module: the sheet it names is not the grid's.
        ("assessment;;1;5;;;C;;;;;;;;;;;;;;;;;", 2, "NC Maj", "grid"),
        // A management item that is no section and number.
        (
            "management;;;;pilotage 5;;C;;;;;;;;;;;;;;;;;",
            4,
            "NC Maj",
            "management",
        ),
    ] {
        let mut lines = table_lines();
        let at = lines.iter().position(|l| l == line).unwrap();
        let mut cells: Vec<String> = line.split(';').map(str::to_owned).collect();
        cells[column] = value.to_owned();
        lines[at] = cells.join(";");
        let back = grid::import_csv(lines.join("\r\n").as_bytes(), referentiel()).unwrap();
        assert!(
            back.audit()
                .unread
                .iter()
                .any(|u| u.text == value && u.line == Some(at + 1) && u.field == field),
            "{line}: {:?}",
            back.audit().unread
        );
        assert!(
            errors(back.audit())
                .iter()
                .any(|e| e.contains(&format!("(line {}, ", at + 1))),
            "{line}"
        );
    }
}

#[test]
fn every_field_of_the_audit_round_trips_through_the_table_in_its_column() {
    let mut audit = toulon();
    audit.kind.external_on = Some("2020-02-18".parse().unwrap());
    audit.labelling = Some(
        qualepref::LabellingDecision::on("2020-01-15".parse().unwrap())
            .with_plan_accepted_on("2020-01-30".parse().unwrap()),
    );
    let seventeen = EngagementNumber::try_from(17).unwrap();
    audit.assessment_mut(seventeen).unwrap().evidence =
        Some("Tableau de bord des délais de réponse".to_owned());
    audit.management[4].evidence = Some("Compte rendu du comité des usagers".to_owned());
    let mut fiche = qualepref::FicheEcart::new(
        qualepref::EcartTarget::Engagement(seventeen),
        qualepref::NcGrade::Minor,
        "Délai de réponse aux courriels dépassé.",
    );
    fiche.number = Some(3);
    fiche.cause = Some("Boîte sans suppléant.".to_owned());
    fiche.response = Some("Un suppléant est désigné.".to_owned());
    audit.ecarts.push(fiche);
    let table = grid::export_csv(&audit, referentiel()).unwrap();
    let text = std::str::from_utf8(&table).unwrap();
    for line in [
        "field;external_on;;;;;;;2020-02-18;;;;;;;;;;;;;;;",
        "field;labelling_decided_on;;;;;;;2020-01-15;;;;;;;;;;;;;;;",
        "field;labelling_plan_accepted_on;;;;;;;2020-01-30;;;;;;;;;;;;;;;",
        "assessment;;1;17;;;C;;;;;;;;;;;;;;Tableau de bord des délais de réponse;;;",
        "management;;;;pilotage 5;;C;;;;;;;;;;;;;;Compte rendu du comité des usagers;;;",
        "fiche;;;17;;;NC min;;Délai de réponse aux courriels dépassé.;;;;;;;;;;;;;3;Boîte sans suppléant.;Un suppléant est désigné.",
    ] {
        assert!(text.contains(&format!("\r\n{line}\r\n")), "{line}");
    }
    let back = grid::import_csv(&table, referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit(), &audit);
    // A table of version 0.2, without the four new columns, reads as before.
    let old: String = text
        .split("\r\n")
        .map(|l| {
            let cells: Vec<&str> = l.split(';').collect();
            cells[..cells.len().min(20)].join(";")
        })
        .collect::<Vec<_>>()
        .join("\r\n");
    let back = grid::import_csv(old.as_bytes(), referentiel()).unwrap();
    assert_eq!(lines(back.diagnostics()), Vec::<String>::new());
    assert_eq!(back.audit().ecarts[0].cause, None);
    assert_eq!(back.audit().assessment(seventeen).unwrap().evidence, None);
}
