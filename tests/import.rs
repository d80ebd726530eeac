//! The import of audit reports from their text form, and the rendering back to it: the Toulon
//! report, variants of it built here, broken inputs, and round trips.

#[path = "support/synthetic.rs"]
mod synthetic;
use proptest::prelude::*;
use qualepref::{
    ActionStatus, Audit, EcartTarget, EngagementNumber, FicheEcart, ImportCode, ImportLevel,
    Imported, Language, LineRole, ModuleNumber, NaiveDate, NcGrade, Referentiel, ReportField,
    Unread, Verdict, import_report, import_report_path, import_report_text, render_report_text,
    samples,
};
use strum::IntoEnumIterator;

const REPORT: &str = samples::TOULON_2019_REPORT;

fn toulon() -> Audit {
    Audit::from_json_str(samples::TOULON_2019_JSON).unwrap()
}

fn e(n: u16) -> EngagementNumber {
    EngagementNumber::new(n).unwrap()
}

#[track_caller]
fn import(text: &str) -> Imported {
    match import_report(text) {
        Ok(imported) => {
            assert_eq!(imported.unexplained_lines(), Vec::<usize>::new());
            assert_eq!(imported.unkept_lines(), Vec::<usize>::new());
            assert_eq!(imported.lines().len(), text.lines().count());
            imported
        }
        Err(err) => panic!("import failed: {err}"),
    }
}

#[track_caller]
fn import_err(text: &str) -> String {
    match import_report(text) {
        Ok(_) => panic!("import succeeded on {text:?}"),
        Err(err) => err.to_string(),
    }
}

/// The fixture with the one line starting with `start` replaced by `new`.
#[track_caller]
fn replace_line(text: &str, start: &str, new: &str) -> String {
    let mut found = 0;
    let out: Vec<&str> = text
        .split('\n')
        .map(|line| {
            if line.starts_with(start) {
                found += 1;
                new
            } else {
                line
            }
        })
        .collect();
    assert_eq!(found, 1, "{start:?} must start exactly one line");
    out.join("\n")
}

/// The fixture up to (not including) the first line starting with `start`.
#[track_caller]
fn cut_before(text: &str, start: &str) -> String {
    let at = text.find(&format!("\n{start}")).expect("line present");
    text[..=at].to_owned()
}

/// The codes of the diagnostics, in order.
fn codes(imported: &Imported) -> Vec<&'static str> {
    imported
        .diagnostics()
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

#[track_caller]
fn assert_only_info(imported: &Imported) {
    for d in imported.diagnostics() {
        assert!(
            matches!(d.level, ImportLevel::Info | ImportLevel::Guessed),
            "unexpected diagnostic: {d}"
        );
    }
    assert!(!imported.has_warnings());
}

/// NFD: the accented letters of the fixture decomposed into base letter and combining mark.
fn nfd(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let (base, mark) = match c {
            'é' => ('e', '\u{301}'),
            'É' => ('E', '\u{301}'),
            'è' => ('e', '\u{300}'),
            'È' => ('E', '\u{300}'),
            'ê' => ('e', '\u{302}'),
            'à' => ('a', '\u{300}'),
            'â' => ('a', '\u{302}'),
            'î' => ('i', '\u{302}'),
            'ï' => ('i', '\u{308}'),
            'ô' => ('o', '\u{302}'),
            'û' => ('u', '\u{302}'),
            'ù' => ('u', '\u{300}'),
            'ç' => ('c', '\u{327}'),
            'Ç' => ('C', '\u{327}'),
            other => {
                out.push(other);
                continue;
            }
        };
        out.push(base);
        out.push(mark);
    }
    out
}

// --- the Toulon report -----------------------------------------------------------------------

#[test]
fn toulon_report_imports_as_the_bundled_audit() {
    let imported = import(REPORT);
    assert_eq!(imported.audit(), &toulon());
    assert!(
        !imported.lines().contains(&LineRole::Reported),
        "every line is used or layout"
    );
    let messages: Vec<String> = imported
        .diagnostics()
        .iter()
        .map(|d| d.to_string_in(Language::En))
        .collect();
    assert_eq!(
        messages,
        [
            "line 51: [figure-from-prose] info: context figure population = 1060000 read from \
             the prose \"1 060 000 habitants\"",
            "line 51: [figure-from-prose] info: context figure communes = 153 read from the \
             prose \"153 communes\"",
            "line 51: [figure-from-prose] info: context figure arrondissements = 3 read from \
             the prose \"3 arrondissements\"",
            "line 51: [figure-from-prose] info: context figure staff = 315 read from the prose \
             \"315 agents\"",
            "line 207: [charte-verdict-from-text] guessed: charte graphique: verdict NA read \
             from its text (« non applicable »)",
        ]
    );
}

#[test]
fn every_line_of_toulon_has_its_role() {
    let imported = import(REPORT);
    let role = |n| imported.line_role(n).unwrap();
    assert_eq!(role(1), LineRole::Blank);
    assert_eq!(role(3), LineRole::Layout(qualepref::ReportLayout::Title));
    assert_eq!(role(7), LineRole::Field(qualepref::ReportField::SiteName));
    assert_eq!(
        role(38),
        LineRole::Layout(qualepref::ReportLayout::TableRule)
    );
    assert_eq!(
        role(99),
        LineRole::Layout(qualepref::ReportLayout::PageHeader)
    );
    assert_eq!(
        role(100),
        LineRole::Layout(qualepref::ReportLayout::ColumnHeader)
    );
    assert_eq!(
        role(111),
        LineRole::Field(qualepref::ReportField::Assessment(e(17)))
    );
    assert_eq!(
        role(201),
        LineRole::Layout(qualepref::ReportLayout::TemplateText)
    );
    assert_eq!(
        qualepref::ReportField::Assessment(e(17)).to_string(),
        "assessments[engagement 17]"
    );
    // Each layout's name, in kebab case.
    assert_eq!(
        qualepref::ReportLayout::PageHeader.to_string(),
        "page-header"
    );
    assert_eq!(
        qualepref::ReportLayout::TableOfContents.to_string(),
        "table-of-contents"
    );
    assert_eq!(imported.line_role(0), None);
    assert_eq!(imported.line_role(214), None);
}

#[test]
fn the_embedded_referentiel_is_the_default() {
    let a = import_report(REPORT).unwrap();
    let b = import_report_text(REPORT, Referentiel::qual_e_pref_2019()).unwrap();
    assert_eq!(a, b);
    // Another référentiel: its id is named, and the titles it does not know are reported.
    let synthetic = synthetic::synthetic_referentiel().unwrap();
    let other = import_report_text(REPORT, &synthetic).unwrap();
    assert_eq!(other.audit().referentiel.id, "synthetique-complet");
    assert!(codes(&other).contains(&"title-differs"));
    assert!(codes(&other).contains(&"referentiel-differs"));
}

#[test]
fn import_codes_are_pinned() {
    let all: Vec<&str> = ImportCode::iter().map(ImportCode::as_str).collect();
    assert_eq!(
        all,
        [
            "figure-from-prose",
            "title-case-or-spacing",
            "title-differs",
            "unknown-engagement",
            "module-differs",
            "module-not-covered",
            "duplicate-row",
            "missing-verdict",
            "unknown-verdict",
            "missing-row",
            "missing-section",
            "unrecognised-line",
            "row-continued",
            "group-differs",
            "from-title-page",
            "title-page-differs",
            "referentiel-differs",
            "administration-guessed",
            "modules-guessed",
            "audit-type-missing",
            "invalid-date",
            "fiche-grade-from-verdict",
            "fiche-grade-guessed",
            "fiche-grade-differs",
            "fiche-unknown-target",
            "charte-verdict-from-text",
            "remote-text-ignored",
            "auditor-from-title-page",
            "unknown-value",
            "row-out-of-place",
            "assessment-not-filed",
            "text-beside-heading",
            "fiche-row-not-nonconformity",
        ]
    );
}

// --- variants of the Toulon report -----------------------------------------------------------

const ROW_17: &str = "Module 1 17. Nous vous répondons dans un délai annoncé et maîtrisé\t";
const ROW_17_PP: &str = "PP : Le délai de réponse des courriers du BSR sont difficiles à tenir. \
Etudier la création d'un plan impliquant des renforts pour palier aux absences et permettre une \
réponse aux courriers dans le délai de 5jours.";
const NO_ECART: &str = "Absence de non-conformité majeure ou mineure.";

#[test]
fn a_minor_nonconformity_with_its_fiche_d_ecart() {
    let finding = "Module 1 engagement 17 : le délai annoncé n'est pas tenu pour les courriers du \
                   BSR.";
    let text = replace_line(
        REPORT,
        &format!("{ROW_17}PP"),
        &format!("{ROW_17}{ROW_17_PP}\tNC min\t"),
    );
    let text = replace_line(&text, NO_ECART, finding);
    let imported = import(&text);

    let mut expected = toulon();
    expected.assessments[16].verdict = Some(Verdict::MinorNonconformity);
    expected.conclusion.fiches_ecart.clear();
    expected.ecarts.push(FicheEcart {
        number: None,
        target: EcartTarget::Engagement(e(17)),
        grade: NcGrade::Minor,
        finding: finding.to_owned(),
        requirement: String::new(),
        cause: None,
        corrective_action: None,
        due: None,
        leader: None,
        response: None,
        status: qualepref::ActionStatus::Open,
    });
    assert_eq!(imported.audit(), &expected);
    let guessed = imported
        .diagnostics()
        .iter()
        .find(|d| d.code == ImportCode::FicheGradeFromVerdict)
        .unwrap();
    assert_eq!(guessed.line, Some(189));
    assert_eq!(guessed.level, ImportLevel::Guessed);
    assert_eq!(
        guessed.message_in(Language::En),
        "the fiche d'écart of engagement 17 states no grade: NC min taken from the verdict of \
         its row"
    );
}

#[test]
fn a_fiche_d_ecart_that_states_its_grade() {
    for (paragraph, grade) in [
        (
            "Engagement n°17 — NC Maj : aucun suivi des délais.",
            NcGrade::Major,
        ),
        (
            "engagement 17, non-conformité majeure : aucun suivi.",
            NcGrade::Major,
        ),
        ("Engagement n° 17 (non-conformité mineure).", NcGrade::Minor),
    ] {
        let text = replace_line(
            REPORT,
            &format!("{ROW_17}PP"),
            &format!("{ROW_17}{ROW_17_PP}\tNC Maj\t"),
        );
        let text = replace_line(&text, NO_ECART, paragraph);
        let imported = import(&text);
        let fiche = &imported.audit().ecarts[0];
        assert_eq!(fiche.grade, grade, "{paragraph}");
        assert_eq!(fiche.finding, paragraph);
        let differs = codes(&imported).contains(&"fiche-grade-differs");
        assert_eq!(differs, grade == NcGrade::Minor, "{paragraph}");
    }
    // The paragraph's grade wins over the verdict's, written either way.
    for (paragraph, grade, verdict) in [
        (
            "Engagement n°17 — NC Maj : aucun suivi.",
            NcGrade::Major,
            "NC min",
        ),
        (
            "Engagement n°17 — NC min : un retard.",
            NcGrade::Minor,
            "NC Maj",
        ),
    ] {
        let text = replace_line(
            REPORT,
            &format!("{ROW_17}PP"),
            &format!("{ROW_17}{ROW_17_PP}\t{verdict}\t"),
        );
        let imported = import(&replace_line(&text, NO_ECART, paragraph));
        assert_eq!(imported.audit().ecarts[0].grade, grade, "{paragraph}");
        assert!(
            codes(&imported).contains(&"fiche-grade-differs"),
            "{paragraph}"
        );
    }
}

#[test]
fn a_satisfaction_paragraph_opening_with_a_parenthesis_is_kept() {
    let paragraph = "(Enquête 2019) Résultat très satisfaisant des usagers.";
    let text = replace_line(
        REPORT,
        "Résultat très satisfaisant des enquêtes de satisfaction des usagers.",
        paragraph,
    );
    let imported = import(&text);
    assert_eq!(
        imported.audit().conclusion.enquetes_satisfaction,
        [paragraph]
    );
}

#[test]
fn a_fiche_d_ecart_on_a_conforming_engagement_is_reported() {
    let text = replace_line(REPORT, NO_ECART, "Module 1 engagement 17 : délai non tenu.");
    let imported = import(&text);
    assert_eq!(imported.audit().ecarts[0].grade, NcGrade::Minor);
    let d = imported
        .diagnostics()
        .iter()
        .find(|d| d.code == ImportCode::FicheGradeGuessed)
        .unwrap();
    assert_eq!(
        d.message_in(Language::En),
        "the fiche d'écart of engagement 17 states no grade and its row is not a \
         nonconformity: NC min assumed"
    );
}

#[test]
fn not_applicable_with_its_justification() {
    let row_9 = "Module 1 9. Nous vous informons de la mise à disposition d'un serveur vocal \
                 interactif national « 34 00 » dédié aux démarches sur les titres (hors \
                 étrangers)";
    let comment = "Sans objet : le serveur national n'est pas annoncé localement.";
    let text = replace_line(REPORT, row_9, &format!("{row_9}\t{comment}\tNA"));
    let imported = import(&text);
    let mut expected = toulon();
    expected.assessments[8].verdict = Some(Verdict::NotApplicable);
    expected.assessments[8].comment = Some(comment.to_owned());
    assert_eq!(imported.audit(), &expected);
    assert_only_info(&imported);
}

#[test]
fn crlf_line_endings_and_a_byte_order_mark() {
    let text = format!("\u{feff}{}", REPORT.replace('\n', "\r\n"));
    let imported = import(&text);
    assert_eq!(imported.audit(), &toulon());
    assert_eq!(imported.diagnostics(), import(REPORT).diagnostics());
}

#[test]
fn decomposed_accents() {
    let text = nfd(REPORT);
    assert_ne!(text, REPORT);
    let imported = import(&text);
    assert_eq!(imported.audit(), &toulon());
    assert_only_info(&imported);
}

#[test]
fn non_breaking_and_stray_spaces_and_verdict_spellings() {
    let row_3 = "Module 1 3. A votre écoute pour progresser";
    let row_1 = "Module 1 1. Nous vous informons sur les conditions de fonctionnement de nos \
                 services";
    let text = replace_line(
        REPORT,
        &format!("{row_3}\t\tC"),
        &format!("  {row_3}\t \t nc  MIN "),
    );
    let text = replace_line(
        &text,
        &format!("{row_1}\tPF :"),
        &format!(
            "{row_1}\tPF:\u{a0}Des fiches concernant les démarches ANTS sont disponibles sur \
             l'intranet. Il est possible de les imprimer pour les usagers.\t c"
        ),
    );
    let imported = import(&text);
    let mut expected = toulon();
    expected.assessments[2].verdict = Some(Verdict::MinorNonconformity);
    assert_eq!(imported.audit(), &expected);
    assert_only_info(&imported);
}

#[test]
fn a_verdict_in_another_column() {
    let row_3 = "Module 1 3. A votre écoute pour progresser";
    let text = replace_line(
        REPORT,
        &format!("{row_3}\t\tC"),
        &format!("{row_3}\t\t\t\tC\t\t"),
    );
    assert_eq!(import(&text).audit(), &toulon());
    // A verdict that a page break pushed onto the next line.
    let text = replace_line(
        REPORT,
        &format!("{row_3}\t\tC"),
        &format!("{row_3}\t\n\t\tC"),
    );
    let imported = import(&text);
    assert_eq!(imported.audit(), &toulon());
    assert_eq!(
        codes(&imported)
            .iter()
            .filter(|c| **c == "row-continued")
            .count(),
        1
    );
    assert!(!codes(&imported).contains(&"missing-verdict"));
    // A verdict on the next line does not withdraw the row's other warnings: its unreadable
    // verdict stays reported, and kept.
    let text = replace_line(
        REPORT,
        &format!("{row_3}\t\tC"),
        &format!("{row_3}\tVu sur place\tCN\n\t\tC"),
    );
    let imported = import(&text);
    let row_line = text.lines().position(|l| l.starts_with(row_3)).unwrap() + 1;
    assert_eq!(codes_on(&imported, row_line), ["unknown-verdict"]);
    assert_eq!(codes_on(&imported, row_line + 1), ["row-continued"]);
    assert_eq!(imported.audit().unread.len(), 1);
}

/// The codes of the diagnostics on line `line`.
fn codes_on(imported: &Imported, line: usize) -> Vec<&'static str> {
    imported
        .diagnostics()
        .iter()
        .filter(|d| d.line == Some(line))
        .map(|d| d.code.as_str())
        .collect()
}

/// The 1-based number of the one line of `text` that starts with `start`.
#[track_caller]
fn line_of(text: &str, start: &str) -> usize {
    let found: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with(start))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(found.len(), 1, "{start:?} must start exactly one line");
    found[0]
}

#[test]
fn a_second_auditor_on_the_next_line_and_a_stray_name_elsewhere() {
    let row = "Auditeur(s)\tAurélie ROUMEGOUX\t18/11/2019";
    let second = "\tJean DUPONT\t19/11/2019";
    // The line under the auditors' row, first cell empty, continues their list.
    let text = replace_line(REPORT, row, &format!("{row}\n{second}"));
    let imported = import(&text);
    let auditors = &imported.audit().auditors;
    assert_eq!(auditors.len(), 2);
    assert_eq!(auditors[1].name, "Jean DUPONT");
    assert_eq!(auditors[1].signed_on, NaiveDate::from_ymd_opt(2019, 11, 19));
    assert_eq!(
        codes_on(&imported, line_of(&text, second)),
        Vec::<&str>::new()
    );
    // The same line elsewhere in the page de garde is not an auditor: it is reported.
    let dates = "DATE(S) DE L'AUDIT\tDu 18/11/2019 au 18/11/2019";
    let text = replace_line(REPORT, dates, &format!("{dates}\n{second}"));
    let imported = import(&text);
    assert_eq!(imported.audit().auditors, toulon().auditors);
    assert_eq!(
        codes_on(&imported, line_of(&text, second)),
        ["unrecognised-line"]
    );
}

#[test]
fn section_3_lines_that_are_neither_rows_nor_headings_are_reported_not_merged() {
    let row_12 =
        "Module 1 12. Nous vous délivrons une information administrative numérique fiable.\t\tC";
    // A channel-group heading with text beside it: not taken for a heading, and reported.
    let text = replace_line(REPORT, "RESEAU SOCIAUX", "RESEAU SOCIAUX\tUne note à côté");
    let imported = import(&text);
    assert_eq!(
        codes_on(&imported, line_of(&text, "RESEAU SOCIAUX")),
        ["unrecognised-line"]
    );
    // A line whose first cell holds text, with or without a second cell, does not continue the
    // row above it: it is reported, and the message quotes it, cut to 80 characters.
    let message = |stray: &str| {
        let text = replace_line(REPORT, row_12, &format!("{row_12}\n{stray}"));
        let imported = import(&text);
        assert_eq!(imported.audit().assessments, toulon().assessments);
        let line = line_of(&text, stray);
        assert_eq!(codes_on(&imported, line), ["unrecognised-line"]);
        imported
            .diagnostics()
            .iter()
            .find(|d| d.line == Some(line))
            .map(|d| d.message_in(Language::En).to_owned())
            .unwrap()
    };
    assert_eq!(
        message("Une phrase hors du tableau\tet sa suite"),
        "line not understood in section 3, not used: \"Une phrase hors du tableau\\tet sa suite\""
    );
    let stray = "Une phrase hors du tableau";
    assert_eq!(
        message(stray),
        "line not understood in section 3, not used: \"Une phrase hors du tableau\""
    );
    let long = format!("Une phrase {}", "é".repeat(69));
    assert_eq!(long.chars().count(), 80);
    assert!(message(&long).ends_with(&format!(": \"{long}\"")));
    let longer = format!("{long}xyz");
    assert!(message(&longer).ends_with(&format!(": \"{long}…\"")));
}

#[test]
fn a_row_without_verdict_keeps_its_last_cell_as_text_unless_it_is_short_beside_others() {
    let row_3 = "Module 1 3. A votre écoute pour progresser";
    let read = |cells: &str| {
        let row = format!("{row_3}\t{cells}");
        let text = replace_line(REPORT, &format!("{row_3}\t\tC"), &row);
        let imported = import(&text);
        let codes = codes_on(&imported, line_of(&text, &row));
        let a = imported.audit().assessments[2].clone();
        (
            codes,
            a.verdict,
            a.comment,
            a.observations.len(),
            imported.audit().unread.clone(),
        )
    };
    // A long last cell, even without a colon, is text.
    let (codes, verdict, comment, _, unread) = read("Vu sur place\tUne remarque sans deux-points");
    assert_eq!((codes, verdict), (vec!["missing-verdict"], None));
    assert_eq!(
        comment.as_deref(),
        Some("Vu sur place Une remarque sans deux-points")
    );
    assert_eq!(unread, Vec::<Unread>::new());
    // A short cell alone is text too.
    let (codes, _, comment, _, unread) = read("Vu");
    assert_eq!(codes, ["missing-verdict"]);
    assert_eq!((comment.as_deref(), unread), (Some("Vu"), Vec::new()));
    // Two observations: the last, long and with a colon, is one of them.
    let (codes, _, _, observations, unread) = read("PS : Attente\tPP : Une piste");
    assert_eq!(codes, ["missing-verdict"]);
    assert_eq!((observations, unread), (2, Vec::new()));
    // A short last cell beside others is a verdict the import cannot read, kept.
    let (codes, _, comment, _, unread) = read("Vu sur place\tCN");
    assert_eq!(codes, ["unknown-verdict"]);
    assert_eq!(comment.as_deref(), Some("Vu sur place"));
    assert_eq!(unread.len(), 1);
}

#[test]
fn a_module_row_without_verdict_after_section_4_is_an_engagement_row_not_a_remote_check() {
    let row = "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge\t\
               Une remarque hors du tableau";
    let text = format!("{}\n{row}\n", REPORT.trim_end());
    let line = text.lines().count();
    let imported = import(&text);
    // Engagement 5 has its row in section 3: this one competes with it, and is not filed.
    assert_eq!(
        codes_on(&imported, line),
        ["row-out-of-place", "duplicate-row"]
    );
    assert!(
        imported
            .audit()
            .unread
            .iter()
            .all(|u| u.field != "remote_checks")
    );
}

#[test]
fn titles_that_differ_from_the_referentiel() {
    let row_5 = "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge";
    let text = replace_line(
        REPORT,
        row_5,
        "Module 1 5. NOUS VOUS ORIENTONS  vers le bon service et vous prenons en charge\t\tC",
    );
    let imported = import(&text);
    assert_eq!(imported.audit(), &toulon());
    let d = &imported.diagnostics()[4];
    assert_eq!(d.code, ImportCode::TitleCaseOrSpacing);
    assert_eq!(d.level, ImportLevel::Info);
    assert_eq!(d.line, Some(84));

    let text = replace_line(REPORT, row_5, "Module 1 5. Nous vous orientons\t\tC");
    let imported = import(&text);
    assert_eq!(imported.audit(), &toulon());
    let d = &imported.diagnostics()[4];
    assert_eq!(d.code, ImportCode::TitleDiffers);
    assert_eq!(d.level, ImportLevel::Warning);
    assert_eq!(
        d.message_in(Language::En),
        "engagement 5: title \"Nous vous orientons\" differs from the référentiel's \"Nous vous \
         orientons vers le bon service et vous prenons en charge\"; matched by number"
    );
}

#[test]
fn remote_notes_and_observations() {
    let row = "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\tNote : \
               Conforme\t";
    let text = replace_line(
        REPORT,
        row,
        "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\t<i>Note: Non \
         conforme</i> PS: Réponses types périmées. Risque : information erronée PF : Modèles \
         partagés\t",
    );
    let imported = import(&text);
    let check = &imported.audit().remote_checks[11];
    assert_eq!(check.note, Some(qualepref::RemoteNote::NonConforme));
    assert_eq!(check.observations.len(), 2);
    assert_eq!(check.observations[0].text, "Réponses types périmées.");
    assert_eq!(
        check.observations[0].risk.as_deref(),
        Some("information erronée")
    );
    assert_eq!(check.observations[1].text, "Modèles partagés");
    assert_only_info(&imported);
}

#[test]
fn a_management_title_that_differs() {
    let text = replace_line(REPORT, "5. Comité des usagers", "5. Comité d'usagers\t\tC");
    let imported = import(&text);
    assert_eq!(imported.audit(), &toulon());
    let d = imported
        .diagnostics()
        .iter()
        .find(|d| d.code == ImportCode::TitleDiffers)
        .unwrap();
    assert_eq!(d.line, Some(134));
    assert_eq!(
        d.message_in(Language::En),
        "management item pilotage 5: title \"Comité d'usagers\" differs from the référentiel's \
         \"Comité des usagers\"; matched by number"
    );
}

#[test]
fn module_2_unchecked() {
    let text = REPORT.replace(
        "<input checked=\"\" type=\"checkbox\"/> Module 2",
        "<input type=\"checkbox\"/> Module 2",
    );
    let imported = import(&text);
    let mut expected = toulon();
    expected.modules = vec![ModuleNumber::ONE];
    assert_eq!(imported.audit(), &expected);
    let d = imported
        .diagnostics()
        .iter()
        .find(|d| d.code == ImportCode::ModuleNotCovered)
        .unwrap();
    assert_eq!(d.line, Some(121));
    assert_eq!(
        d.message_in(Language::En),
        "module 2 is not checked on the page de garde, but section 3 has rows for it \
         (engagements 21, 22, 23)"
    );
}

#[test]
fn truncated_inside_section_3() {
    let text = cut_before(REPORT, "Module 1 12.");
    let imported = import(&text);
    let audit = imported.audit();
    let numbers: Vec<u16> = audit
        .assessments
        .iter()
        .map(|a| a.engagement.get())
        .collect();
    assert_eq!(numbers, (1..=11).collect::<Vec<_>>());
    assert_eq!(&audit.assessments[..], &toulon().assessments[..11]);
    assert!(audit.management.is_empty() && audit.remote_checks.is_empty());
    let missing: Vec<&str> = imported
        .diagnostics()
        .iter()
        .filter(|d| d.code == ImportCode::MissingRow)
        .map(|d| d.message_in(Language::En))
        .collect();
    assert_eq!(missing.len(), 12 + 7);
    assert_eq!(
        missing[0],
        "engagement 12 (module 1, \"Nous vous délivrons une information administrative \
         numérique fiable.\") has no row in section 3"
    );
    assert!(missing[11].starts_with("engagement 23 (module 2, "));
    assert_eq!(
        missing[12],
        "management item pilotage 1 (\"Responsabilités\") has no row in section 3"
    );
    assert!(codes(&imported).contains(&"missing-section"));
    assert!(imported.has_warnings());
}

#[test]
fn truncated_before_section_3() {
    let text = cut_before(REPORT, "3. SYNTH");
    assert_eq!(text.lines().count(), 62);
    assert_eq!(
        import_err(&text),
        "the report ends at line 62, before section 3 (synthèse de l'évaluation)"
    );
    assert_eq!(
        import_err(&REPORT[..200]),
        "the report ends at line 16, before section 3 (synthèse de l'évaluation)"
    );
}

#[test]
fn a_line_of_the_title_page_makes_a_truncated_report_and_one_of_section_3_or_4_a_report() {
    // The title, a part's heading or the title page's site line alone: a report cut short, not
    // some other text.
    for line in ["RAPPORT D'AUDIT", "1. PAGE DE GARDE", "TOULON - 83"] {
        assert_eq!(
            import_err(&format!("{line}\n")),
            "the report ends at line 1, before section 3 (synthèse de l'évaluation)",
            "{line}"
        );
    }
    // Section 3 reached (its heading, or a row), or section 4: the report is read, and what it
    // lacks is said.
    for line in [
        "3. SYNTHÈSE DE L'EVALUATION",
        "4. SYNTHÈSE DE L'EVALUATION ET CONCLUSION GÉNÉRALES DE L'AUDIT",
        "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge\t\tC",
    ] {
        assert_eq!(
            import_err(&format!("{line}\n")),
            "not a qual-e-pref audit report: the page de garde gives no département",
            "{line}"
        );
    }
}

#[test]
fn the_audit_type_from_the_boxes_the_title_page_or_nowhere() {
    let boxes = "<input checked=\"\" type=\"checkbox\"/> Initial";
    let unchecked = "<input type=\"checkbox\"/> Initial";
    let code_on = |imported: &Imported, code: &str| {
        imported
            .diagnostics()
            .iter()
            .filter(|d| d.code.as_str() == code)
            .map(|d| d.line)
            .collect::<Vec<_>>()
    };
    // The title page says « suivi », the box « Initial »: the box wins, the difference is said
    // on the title page's line.
    let text = replace_line(REPORT, "initial", "suivi");
    let imported = import(&text);
    assert_eq!(
        imported.audit().kind.audit_type,
        Some(qualepref::AuditType::Initial)
    );
    assert_eq!(code_on(&imported, "title-page-differs"), [Some(10)]);
    // No box checked: the title page's type, said.
    let text = REPORT.replace(boxes, unchecked);
    assert_ne!(text, REPORT);
    let imported = import(&text);
    assert_eq!(
        imported.audit().kind.audit_type,
        Some(qualepref::AuditType::Initial)
    );
    assert_eq!(code_on(&imported, "from-title-page"), [Some(10)]);
    assert_eq!(code_on(&imported, "title-page-differs"), []);
    // Neither: no type, said.
    let text = replace_line(&text, "initial", "");
    let imported = import(&text);
    assert_eq!(imported.audit().kind.audit_type, None);
    assert_eq!(code_on(&imported, "audit-type-missing").len(), 1);
}

#[test]
fn a_management_item_without_row_is_reported_and_its_row_may_continue_on_the_next_line() {
    let text = replace_line(REPORT, "3. Formation du personnel\t\tC", "");
    let imported = import(&text);
    assert!(
        imported
            .diagnostics()
            .iter()
            .any(|d| d.code.as_str() == "missing-row"
                && d.message_in(Language::En)
                    .starts_with("management item pilotage 3 ")),
        "{:?}",
        imported.diagnostics()
    );
    // A verdict pushed onto the next line by a page break.
    let text = replace_line(
        REPORT,
        "3. Formation du personnel\t\tC",
        "3. Formation du personnel\t\n\t\tC",
    );
    let imported = import(&text);
    assert_eq!(imported.audit(), &toulon());
    assert!(codes(&imported).contains(&"row-continued"));
    assert!(!codes(&imported).contains(&"missing-verdict"));
}

#[test]
fn not_a_report() {
    for empty in ["", "\n \n\t\t\n", "\u{feff}", "\r\n"] {
        assert_eq!(
            import_err(empty),
            "not a qual-e-pref audit report: the text is empty"
        );
    }
    assert_eq!(
        import_err("RAPPORT D'AUDIT\n\u{0}\u{1}PK\u{3}\u{4}"),
        "not a qual-e-pref audit report: the text holds binary data (control character U+0000 \
         at line 2)"
    );
    // Each kind of control character: C0 (alone, in a text without spaces), DEL, C1.
    for (text, found) in [
        ("\u{1}", "U+0001 at line 1"),
        ("RAPPORT D'AUDIT\n\u{7f}", "U+007F at line 2"),
        ("RAPPORT D'AUDIT\n\u{85}", "U+0085 at line 2"),
    ] {
        assert_eq!(
            import_err(text),
            format!(
                "not a qual-e-pref audit report: the text holds binary data (control character \
                 {found})"
            )
        );
    }
    assert_eq!(
        import_err("Bonjour,\nceci est une lettre.\n\tPF : rien\n"),
        "not a qual-e-pref audit report: no title, page de garde nor section 3 found"
    );
    assert_eq!(
        import_err(samples::TOULON_2019_JSON),
        "not a qual-e-pref audit report: no title, page de garde nor section 3 found"
    );
    let no_departement = REPORT
        .replace("DEPARTEMENT\t83\n", "")
        .replace("TOULON - 83\n", "TOULON\n");
    assert_eq!(
        import_err(&no_departement),
        "not a qual-e-pref audit report: the page de garde gives no département"
    );
}

#[test]
fn reading_a_file() {
    let dir = std::env::temp_dir().join(format!("qualepref-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("rapport.txt");
    std::fs::write(&good, REPORT).unwrap();
    let imported = import_report_path(&good, Referentiel::qual_e_pref_2019()).unwrap();
    assert_eq!(imported.into_audit(), toulon());
    let bad = dir.join("binaire.pdf");
    std::fs::write(&bad, b"%PDF-1.4\n\xff\xfe\x00\x01").unwrap();
    let err = import_report_path(&bad, Referentiel::qual_e_pref_2019()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: not a qual-e-pref audit report: the file is not UTF-8 text (invalid byte at \
             offset 9)",
            bad.display()
        )
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

// --- rendering and round trips ---------------------------------------------------------------

#[test]
fn toulon_round_trips_through_text() {
    let referentiel = Referentiel::qual_e_pref_2019();
    let audit = toulon();
    let text = render_report_text(&audit, referentiel);
    let imported = import(&text);
    assert_eq!(imported.audit(), &audit);
    assert_only_info(&imported);
    assert!(!imported.lines().contains(&LineRole::Reported));
    // The layout of the original: tabs between columns, checkboxes, section headings.
    for line in [
        "TYPE D'ADMINISTRATION\t<input checked=\"\" type=\"checkbox\"/> Préfecture <input \
         type=\"checkbox\"/> Sous-préfecture <input type=\"checkbox\"/> Préfecture de police",
        "Module 2 22. Nous nous organisons pour délivrer vos titres dans un délai raisonnable\tPF \
         : Résultat des opérations de déstockage \"flash\" communiqués aux agents participants PP \
         : Les opérations de déstockage \"flash\" sont devenues la norme. Questionnement sur des \
         renforts.\tC",
        "RESEAU SOCIAUX",
        "❖ FICHE(S) D'ECART(S)",
        "DATE(S) DE L'AUDIT\tDu 18/11/2019 au 18/11/2019",
        // A remote check with its note alone.
        "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\tNote : \
         Conforme\t",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing line {line:?} in {:#?}",
            text.lines()
                .filter(|l| l.starts_with("MODULE") || l.starts_with("Module 1 16."))
                .collect::<Vec<_>>()
        );
    }
    // The module headings of section 3 and of each remote channel are the original's, line for
    // line (`MODULE 1 - OBLIGATOIRE : …`, `MODULE 1 : …`).
    let headings = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.starts_with("MODULE "))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(headings(&text), headings(REPORT));
    // The charte graphique's verdict, NA, is the one its text implies: no verdict line.
    assert!(!text.lines().any(|l| l.starts_with("Conformité :")));
    // Rendering is deterministic and a second round gives the same text.
    assert_eq!(render_report_text(imported.audit(), referentiel), text);
}

#[test]
fn an_external_audit_has_its_type_row_and_an_internal_one_has_none() {
    let referentiel = Referentiel::qual_e_pref_2019();
    let type_rows = |text: &str| {
        text.lines()
            .filter(|l| l.starts_with("TYPE D'AUDIT\t"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    // Toulon is internal, ahead of an initial audit: the type is checked on the internal row.
    let text = render_report_text(&toulon(), referentiel);
    assert_eq!(type_rows(&text), Vec::<String>::new());
    for audit_type in [qualepref::AuditType::Initial, qualepref::AuditType::Suivi] {
        let mut audit = toulon();
        audit.kind.internal = false;
        audit.kind.audit_type = Some(audit_type);
        let text = render_report_text(&audit, referentiel);
        let rows = type_rows(&text);
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0].matches("checked").count(), 1, "{rows:?}");
        let imported = import(&text);
        assert_eq!(imported.audit(), &audit);
        assert_only_info(&imported);
    }
}

/// `text` without its accents (the letters of [`nfd`]).
fn unaccented(text: &str) -> String {
    nfd(text)
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect()
}

#[test]
fn headings_and_labels_read_without_accents_and_in_another_case() {
    let referentiel = Referentiel::qual_e_pref_2019();
    let audit = toulon();
    let text = render_report_text(&audit, referentiel);
    let imported = import(&text);
    let mut changed = 0;
    let variant: Vec<String> = text
        .lines()
        .zip(imported.lines())
        .map(|(line, role)| match (role, line.split_once('\t')) {
            (LineRole::Layout(_), _) => {
                changed += 1;
                unaccented(line)
            }
            (
                LineRole::Field(
                    ReportField::Administration
                    | ReportField::Departement
                    | ReportField::City
                    | ReportField::Modules
                    | ReportField::AuditKind
                    | ReportField::ReferentielLabel
                    | ReportField::AuditDates
                    | ReportField::TitlePageReferentiel
                    | ReportField::TitlePageDates,
                ),
                Some((label, value)),
            ) => {
                changed += 1;
                format!("{}\t{value}", unaccented(&label.to_lowercase()))
            }
            _ => line.to_owned(),
        })
        .collect();
    assert!(changed > 40, "{changed} lines changed");
    let variant = variant.join("\n");
    assert_ne!(variant, text);
    let imported = import(&variant);
    assert_eq!(imported.audit(), &audit);
    assert_only_info(&imported);
}

#[test]
fn the_report_text_module_reexports_the_import_and_the_writer() {
    use qualepref::report_text::{self, ConclusionSection, LineRole as Role};

    let imported = report_text::import_report(REPORT).unwrap();
    assert_eq!(
        imported.line_role(3),
        Some(Role::Layout(qualepref::ReportLayout::Title))
    );
    let text = report_text::render_report_text(imported.audit(), Referentiel::qual_e_pref_2019());
    assert!(text.contains(ConclusionSection::FichesEcart.heading()));
    assert_eq!(
        report_text::import_report_text(&text, Referentiel::qual_e_pref_2019())
            .unwrap()
            .audit(),
        imported.audit()
    );
}

#[test]
fn synthetic_audit_round_trips_through_text() {
    let referentiel = synthetic::synthetic_referentiel().unwrap();
    let audit = synthetic::synthetic_audit(&referentiel).unwrap();
    let text = render_report_text(&audit, &referentiel);
    let imported = import_report_text(&text, &referentiel).unwrap();
    assert_eq!(imported.unexplained_lines(), Vec::<usize>::new());
    assert_eq!(imported.audit(), &audit);
    assert_only_info(&imported);
    for line in [
        "Module 2 17. Engagement synthétique 17\t\tNC min",
        "Module 2 engagement 17 — NC min",
        "Exigence : Répondre dans le délai annoncé.",
        "Échéance : 13/06/2024",
        "Conformité : C",
    ] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(line) || l.ends_with(line)),
            "missing line {line:?}"
        );
    }
    assert!(
        text.contains("PS : Point sensible sur l'engagement 3. Risque : Risque de dégradation")
    );
}

#[test]
fn a_management_fiche_round_trips() {
    let referentiel = synthetic::synthetic_referentiel().unwrap();
    let mut audit = synthetic::synthetic_audit(&referentiel).unwrap();
    audit.management[4].verdict = Some(Verdict::MajorNonconformity);
    audit.ecarts.push(FicheEcart {
        number: None,
        target: EcartTarget::Management(audit.management[4].id()),
        grade: NcGrade::Major,
        finding: "Aucun comité des usagers réuni en 2023.".to_owned(),
        requirement: String::new(),
        cause: None,
        corrective_action: None,
        due: None,
        leader: None,
        response: None,
        status: qualepref::ActionStatus::Open,
    });
    let text = render_report_text(&audit, &referentiel);
    assert!(text.contains("\nPILOTAGE DE LA POLITIQUE QUALITE point 5 — NC Maj\n"));
    let imported = import_report_text(&text, &referentiel).unwrap();
    assert_eq!(imported.audit(), &audit);
}

#[test]
fn lifted_and_not_lifted_fiches_round_trip_with_their_date_and_text() {
    let referentiel = synthetic::synthetic_referentiel().unwrap();
    let mut audit = synthetic::synthetic_audit(&referentiel).unwrap();
    let on = NaiveDate::from_ymd_opt(2024, 5, 2).unwrap();
    audit.ecarts[0].status = ActionStatus::Lifted {
        on,
        evidence: "Registre du courrier : 40 réponses sur 40 dans le délai.".to_owned(),
    };
    audit.management[4].verdict = Some(Verdict::MajorNonconformity);
    audit.ecarts.push(
        FicheEcart::new(
            EcartTarget::Management(audit.management[4].id()),
            NcGrade::Major,
            "Aucun comité des usagers réuni en 2023.",
        )
        .with_leader("Secrétaire général (synthétique)")
        .with_status(ActionStatus::NotLifted {
            on,
            reason: "Comité convoqué, pas encore réuni.".to_owned(),
        }),
    );
    let text = render_report_text(&audit, &referentiel);
    for line in [
        "Pilote : Chef du bureau du courrier",
        "État : levé le 02/05/2024",
        "Preuve : Registre du courrier : 40 réponses sur 40 dans le délai.",
        "Pilote : Secrétaire général (synthétique)",
        "État : non levé le 02/05/2024",
        "Motif : Comité convoqué, pas encore réuni.",
    ] {
        assert!(text.lines().any(|l| l == line), "missing line {line:?}");
    }
    let imported = import_report_text(&text, &referentiel).unwrap();
    assert_eq!(imported.audit(), &audit);
    assert_only_info(&imported);
    // An open fiche writes no state line, and reads back open.
    audit.ecarts[0].status = ActionStatus::Open;
    let text = render_report_text(&audit, &referentiel);
    assert!(!text.contains("État : ouvert"));
    assert_eq!(
        import_report_text(&text, &referentiel).unwrap().audit(),
        &audit
    );
}

#[test]
fn a_fiche_state_written_by_hand_reads_leniently_or_is_reported() {
    let referentiel = synthetic::synthetic_referentiel().unwrap();
    let audit = synthetic::synthetic_audit(&referentiel).unwrap();
    let text = render_report_text(&audit, &referentiel);
    let state_line = |text: &str| text.lines().position(|l| l.starts_with("État")).unwrap() + 1;
    let with = |state: &str| text.replace("État : en cours", state);
    // Lenient: capitals, feminine, « Statut ».
    let lifted = with("Statut : LEVÉE le 2/5/2024\nPreuve : Registre tenu.");
    let imported = import_report_text(&lifted, &referentiel).unwrap();
    assert_eq!(
        imported.audit().ecarts[0].status,
        ActionStatus::Lifted {
            on: NaiveDate::from_ymd_opt(2024, 5, 2).unwrap(),
            evidence: "Registre tenu.".to_owned()
        }
    );
    assert_only_info(&imported);
    // Unknown state: reported, the fiche stays open.
    let unknown = with("État : presque fini");
    let imported = import_report_text(&unknown, &referentiel).unwrap();
    assert_eq!(imported.audit().ecarts[0].status, ActionStatus::Open);
    assert_eq!(
        diagnostics_on(&imported, state_line(&unknown)),
        [format!(
            "line {}: [unknown-value] warning: state \"presque fini\" of the fiche d'écart of \
             engagement 17 is not one of ouvert, en cours, levé le dd/mm/yyyy, non levé le \
             dd/mm/yyyy; kept in `unread`",
            state_line(&unknown)
        )]
    );
    // Lifted without its date: reported, and its evidence with it.
    let undated = with("État : levé\nPreuve : Registre tenu.");
    let imported = import_report_text(&undated, &referentiel).unwrap();
    assert_eq!(imported.audit().ecarts[0].status, ActionStatus::Open);
    let line = state_line(&undated);
    assert_eq!(
        diagnostics_on(&imported, line),
        [format!(
            "line {line}: [invalid-date] warning: state \"levé\" of the fiche d'écart of \
             engagement 17 needs a date dd/mm/yyyy (« levé le 02/03/2020 »); kept in `unread`"
        )]
    );
    assert_eq!(diagnostics_on(&imported, line + 1).len(), 1);
    // A date that is not one, even on a state that needs none: reported and kept.
    let bad_day = with("État : en cours le 45/01/2024");
    let imported = import_report_text(&bad_day, &referentiel).unwrap();
    assert_eq!(imported.audit().ecarts[0].status, ActionStatus::Open);
    assert_eq!(imported.audit().unread.len(), 1);
    assert_eq!(imported.audit().unread[0].text, "en cours le 45/01/2024");
}

// --- properties ------------------------------------------------------------------------------

/// Imports `text`; when it succeeds, every line is accounted for.
#[track_caller]
fn import_never_panics(text: &str) {
    if let Ok(imported) = import_report(text) {
        assert!(imported.unexplained_lines().is_empty());
        assert_eq!(imported.lines().len(), text.lines().count());
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    DeleteLines(usize, usize),
    Insert(usize, String),
    Swap(usize, usize),
    ReplaceChar(usize, char),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0usize..12_000).prop_map(Mutation::Truncate),
        (0usize..220, 0usize..20).prop_map(|(a, n)| Mutation::DeleteLines(a, n)),
        (0usize..220, ".{0,40}").prop_map(|(a, s)| Mutation::Insert(a, s)),
        (
            0usize..220,
            prop::sample::select(vec![
                "\t".to_owned(),
                "Module 1 99. x\tPS:\tNC".to_owned(),
                "MODULE 9 -".to_owned(),
                "❖ FICHE(S) D'ECART(S)".to_owned(),
                "engagement n°".to_owned(),
                "<input checked".to_owned(),
                "4. SYNTHÈSE".to_owned(),
                "Constat :".to_owned(),
            ])
        )
            .prop_map(|(a, s)| Mutation::Insert(a, s)),
        (0usize..220, 0usize..220).prop_map(|(a, b)| Mutation::Swap(a, b)),
        (0usize..12_000, any::<char>()).prop_map(|(a, c)| Mutation::ReplaceChar(a, c)),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut text = text.to_owned();
    for m in mutations {
        let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        match m {
            Mutation::Truncate(at) => {
                let at = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .nth(*at)
                    .unwrap_or(text.len());
                text.truncate(at);
                continue;
            }
            Mutation::DeleteLines(a, n) => {
                let a = (*a).min(lines.len());
                let b = (a + n).min(lines.len());
                lines.drain(a..b);
            }
            Mutation::Insert(a, s) => {
                let a = (*a).min(lines.len());
                lines.insert(a, s.clone());
            }
            Mutation::Swap(a, b) => {
                if *a < lines.len() && *b < lines.len() {
                    lines.swap(*a, *b);
                }
            }
            Mutation::ReplaceChar(at, c) => {
                if let Some((i, old)) = text.char_indices().nth(*at) {
                    text.replace_range(i..i + old.len_utf8(), &c.to_string());
                }
                continue;
            }
        }
        text = lines.join("\n");
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        import_never_panics(&text);
    }

    #[test]
    fn arbitrary_report_like_lines_never_panic(
        lines in prop::collection::vec("[-A-Za-z0-9 .:\t()<>=\"/éÉ❖°]{0,40}", 0..60),
    ) {
        import_never_panics(&lines.join("\n"));
    }

    #[test]
    fn mutated_reports_never_panic(mutations in prop::collection::vec(mutation(), 1..6)) {
        import_never_panics(&apply(REPORT, &mutations));
    }

    /// Rendering then importing gives the same audit, with what a report holds: verdicts,
    /// the evidence of assessments and management items, a fiche d'écart for each
    /// nonconformity with its number, cause and answer, and an internal audit's planned
    /// external audit. (The labelling decision is not part of a report: never written.)
    #[test]
    fn audits_round_trip_through_text(
        verdicts in prop::collection::vec(
            prop::option::of(prop::sample::select(vec![
                Verdict::Conformity,
                Verdict::NotApplicable,
                Verdict::MinorNonconformity,
                Verdict::MajorNonconformity,
            ])),
            23,
        ),
        evidence in prop::collection::vec(prop::option::of(prop::sample::select(EVIDENCE.to_vec())), 23),
        item_evidence in prop::collection::vec(prop::option::of(prop::sample::select(EVIDENCE.to_vec())), 7),
        fiches in prop::collection::vec(
            (prop::option::of(1u32..40), prop::option::of(0usize..3), prop::option::of(0usize..3)),
            23,
        ),
        external_on in prop::option::of(1u32..200),
    ) {
        let mut audit = toulon();
        for (a, v) in audit.assessments.iter_mut().zip(&verdicts) {
            a.verdict = *v;
        }
        for (a, e) in audit.assessments.iter_mut().zip(&evidence) {
            a.evidence = e.map(str::to_owned);
        }
        for (m, e) in audit.management.iter_mut().zip(&item_evidence) {
            m.evidence = e.map(str::to_owned);
        }
        for (a, (number, cause, response)) in audit.assessments.iter().zip(&fiches) {
            let Some(grade) = a.verdict.and_then(Verdict::nonconformity) else {
                continue;
            };
            let mut fiche = FicheEcart::new(
                EcartTarget::Engagement(a.engagement),
                grade,
                "Constat synthétique.",
            );
            fiche.number = *number;
            fiche.cause = cause.map(|i| EVIDENCE[i].to_owned());
            fiche.response = response.map(|i| EVIDENCE[i + 1].to_owned());
            audit.ecarts.push(fiche);
        }
        audit.kind.external_on = external_on
            .and_then(|days| audit.dates.end.checked_add_days(chrono::Days::new(days.into())));
        let text = render_report_text(&audit, Referentiel::qual_e_pref_2019());
        let imported = import_report(&text).unwrap();
        prop_assert!(imported.unkept_lines().is_empty());
        prop_assert_eq!(imported.audit(), &audit);
        let mut decided = audit.clone();
        decided.labelling = Some(qualepref::LabellingDecision::on(audit.dates.end));
        prop_assert_eq!(render_report_text(&decided, Referentiel::qual_e_pref_2019()), text);
    }
}

/// Texts of evidence, causes and answers, as an auditor writes them (synthetic).
const EVIDENCE: [&str; 4] = [
    "Procédure d'accueil consultée ; entretien avec la cheffe du BAG.",
    "Registre des réclamations 2019.",
    "Tableau de suivi des délais (synthétique).",
    "Compte rendu du comité des usagers : 12 participants.",
];

// --- rows out of their place -----------------------------------------------------------------

/// Rows of section 3 as a hostile edit would insert them: an engagement row, a management row
/// and a remote check, each with a verdict that differs from the report's.
const STRAY_ROWS: [&str; 3] = [
    "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge\tPS : Attente\tNC Maj",
    "1. Responsabilités\tPS : Organigramme périmé\tNC min",
    "Module 1 1. Nous vous informons sur les conditions de fonctionnement de nos services\tNote : Non conforme",
];

/// `text` with `row` inserted before line `at` (0-based; at the end past the last line).
fn insert_line(text: &str, at: usize, row: &str) -> (String, usize) {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let at = at.min(lines.len());
    lines.insert(at, row);
    (lines.join("\n"), at + 1)
}

/// The diagnostics of `imported` about line `line`, as printed in English.
fn diagnostics_on(imported: &Imported, line: usize) -> Vec<String> {
    imported
        .diagnostics()
        .iter()
        .filter(|d| d.line == Some(line))
        .map(|d| d.to_string_in(Language::En))
        .collect()
}

#[test]
fn a_verdict_row_after_section_4_is_reported_and_imported() {
    let text = format!("{}\n{}\n", REPORT.trim_end(), STRAY_ROWS[0]);
    let line = text.lines().count();
    let imported = import(&text);
    let here = diagnostics_on(&imported, line);
    assert_eq!(
        here,
        [
            format!(
                "line {line}: [row-out-of-place] warning: the row of engagement 5 stands in part 4, \
                 outside section 3: read as a row of section 3"
            ),
            format!(
                "line {line}: [duplicate-row] warning: engagement 5 has a second row, its first \
                 is line 84: not filed, kept in `unread`; validation refuses the audit until one \
                 of them is removed"
            ),
        ]
    );
    assert_eq!(imported.line_role(line), Some(LineRole::Reported));
    assert_eq!(
        imported.audit().unread,
        [Unread::new("assessments[4]", STRAY_ROWS[0])
            .at_line(line)
            .conflicting_with("line 84")]
    );
    // Validation names both rows; neither wins.
    let err = qualepref::Valid::new(
        imported.audit(),
        Referentiel::qual_e_pref_2019(),
        &qualepref::ValidationOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("unread-assessment"), "{err}");
    assert!(err.to_string().contains("line 84"), "{err}");
}

/// Inserting a verdict row at any line never yields the same audit without a diagnostic on
/// that line: the property checked exhaustively, at every line and for each kind of row.
#[test]
fn an_inserted_verdict_row_never_goes_unnoticed() {
    let original = import(REPORT);
    let start = REPORT
        .lines()
        .position(|l| l.starts_with("3. SYNTH"))
        .unwrap();
    let end = REPORT
        .lines()
        .position(|l| l.starts_with("4. SYNTH"))
        .unwrap();
    let lines = REPORT.split('\n').count();
    for row in STRAY_ROWS {
        for at in 0..=lines {
            let (text, line) = insert_line(REPORT, at, row);
            let imported = import(&text);
            let warned = imported.diagnostics().iter().any(|d| {
                d.line == Some(line)
                    && matches!(d.level, ImportLevel::Warning | ImportLevel::Skipped)
            });
            // Inside section 3 a row may be a new row in its place: the audit then has it.
            let in_section_3 = (start + 1..=end).contains(&at);
            assert!(
                warned || (in_section_3 && imported.audit() != original.audit()),
                "line {line} ({:?}) went unnoticed: {:?}",
                imported.line_role(line),
                imported
                    .diagnostics()
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn a_remote_check_keeps_its_comment() {
    let row = "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\tNote : \
               Conforme\t";
    let text = replace_line(
        REPORT,
        row,
        "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\tNote : \
         Conforme. 5 appels passés, décroché en moins de 4 sonneries. PF : Accueil aimable\t",
    );
    let imported = import(&text);
    let check = &imported.audit().remote_checks[11];
    assert_eq!(check.note, Some(qualepref::RemoteNote::Conforme));
    assert_eq!(
        check.comment.as_deref(),
        Some("5 appels passés, décroché en moins de 4 sonneries.")
    );
    assert_eq!(check.observations[0].text, "Accueil aimable");
    assert_only_info(&imported);
    // The comment goes back to text and reads back.
    let again = render_report_text(imported.audit(), Referentiel::qual_e_pref_2019());
    assert_eq!(import(&again).audit(), imported.audit());

    // A note that is not one keeps its text as the comment, with a warning.
    let text = replace_line(
        REPORT,
        row,
        "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\tNote : \
         voir capture\t",
    );
    let imported = import(&text);
    let check = &imported.audit().remote_checks[11];
    assert_eq!(
        (check.note, check.comment.as_deref()),
        (None, Some("voir capture"))
    );
    assert!(codes(&imported).contains(&"unknown-verdict"));
}

#[test]
fn a_row_under_a_module_that_does_not_exist_is_reported() {
    let row = "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge\t\tC";
    for m in ["0", "9", "10"] {
        let text = replace_line(
            REPORT,
            row,
            &row.replacen("Module 1", &format!("Module {m}"), 1),
        );
        let imported = import(&text);
        let line = text
            .lines()
            .position(|l| l.starts_with("Module {m} 5.".replace("{m}", m).as_str()))
            .unwrap()
            + 1;
        let here = diagnostics_on(&imported, line);
        assert_eq!(
            here,
            [format!(
                "line {line}: [module-differs] warning: engagement 5 is filed under module {m}, \
                 which does not exist: the référentiel's module 1 used"
            )]
        );
    }
}

#[test]
fn a_date_with_a_two_digit_year_is_reported_not_guessed() {
    let text = replace_line(
        REPORT,
        "DATE(S) DE L'AUDIT",
        "DATE(S) DE L'AUDIT\tDu 18/11/19 au 18/11/19",
    );
    let imported = import(&text);
    assert_eq!(
        imported.audit().dates,
        toulon().dates,
        "taken from the title page"
    );
    let line = 41;
    assert!(
        imported
            .diagnostics()
            .iter()
            .any(|d| d.to_string_in(Language::En)
                == format!(
                    "line {line}: [invalid-date] warning: audit dates \"Du 18/11/19 au 18/11/19\": \
                 \"18/11/19\" has a two-digit year (dates are read as dd/mm/yyyy, such as \
                 18/11/2019); kept in `unread`"
                )),
        "{:?}",
        codes(&imported)
    );
    // One good date and one bad are not read as a one-day audit.
    let text = replace_line(
        REPORT,
        "DATE(S) DE L'AUDIT",
        "DATE(S) DE L'AUDIT\tDu 18/11/2019 au 19/11/19",
    );
    assert!(codes(&import(&text)).contains(&"invalid-date"));
    // On the title page and in a signature too.
    let text = replace_line(
        REPORT,
        "Dates de début d'audit",
        "Dates de début d'audit :\t18/11/19",
    );
    assert!(codes(&import(&text)).contains(&"invalid-date"));
    let text = replace_line(
        REPORT,
        "Auditeur(s)",
        "Auditeur(s)\tAurélie ROUMEGOUX\t18/11/19",
    );
    let imported = import(&text);
    assert!(codes(&imported).contains(&"invalid-date"));
    assert_eq!(imported.audit().auditors[0].signed_on, None);
}

#[test]
fn form_feeds_and_lone_carriage_returns_become_spaces() {
    let row = "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\tNote : \
               Conforme\t";
    // Each alone (the import copies the text only when it holds one of them), then both.
    for comment in [
        "Deux\u{c}pages plus loin",
        "Deux pages\rplus loin",
        "Deux\u{c}pages\rplus loin",
    ] {
        let text = replace_line(
            REPORT,
            row,
            &format!(
                "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\tNote \
                 : Conforme. {comment}\t"
            ),
        );
        let imported = import(&text);
        assert_eq!(
            imported.audit().remote_checks[11].comment.as_deref(),
            Some("Deux pages plus loin"),
            "{comment:?}"
        );
    }
    let text = replace_line(
        REPORT,
        row,
        "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\tNote : \
         Conforme. Deux\u{c}pages\rplus loin\t",
    );
    let imported = import(&text);
    let report = qualepref::validate(
        imported.audit(),
        Referentiel::qual_e_pref_2019(),
        &qualepref::ValidationOptions::default(),
    );
    assert!(
        !report.to_string().contains("control-character"),
        "{report}"
    );
}

#[test]
fn each_conclusion_section_names_its_field_of_the_audit() {
    let json: serde_json::Value = serde_json::to_value(toulon()).unwrap();
    let names: Vec<&str> = qualepref::ConclusionSection::ALL
        .iter()
        .map(|s| s.field_name())
        .collect();
    assert_eq!(
        names,
        [
            "points_forts",
            "points_sensibles",
            "pistes_de_progres",
            "fiches_ecart",
            "commentaires",
            "bonnes_pratiques",
            "enquetes_satisfaction",
            "charte_graphique",
            "conclusion_generale",
        ]
    );
    for name in names {
        assert!(json["conclusion"].get(name).is_some(), "{name}");
    }
}

// --- values the import cannot read are kept, as written ---------------------------------------

/// Imports `text` and checks that exactly one value was not read: `written`, meant for
/// `field`, on the last line holding `marker`; that its diagnostic says it is kept; that
/// validation reports it; and that it survives the audit's JSON.
#[track_caller]
fn assert_kept_unread(
    text: &str,
    referentiel: &Referentiel,
    field: &str,
    written: &str,
    marker: &str,
) {
    // The last line that holds it: a row appended after section 4 is like one of section 3.
    let line = 1 + text
        .lines()
        .collect::<Vec<_>>()
        .iter()
        .rposition(|l| l.contains(marker))
        .unwrap_or_else(|| panic!("no line holds {marker:?}"));
    let imported = import_report_text(text, referentiel).unwrap();
    let audit = imported.audit();
    assert_eq!(
        audit.unread,
        [Unread::new(field, written).at_line(line)],
        "{field}: {:#?}",
        imported.diagnostics()
    );
    assert!(
        diagnostics_on(&imported, line)
            .iter()
            .any(|d| d.ends_with("kept in `unread`")),
        "{field}: {:?}",
        diagnostics_on(&imported, line)
    );
    let report = qualepref::validate(audit, referentiel, &qualepref::ValidationOptions::default());
    let unread: Vec<String> = report
        .diagnostics()
        .iter()
        .filter(|d| {
            matches!(
                d.code,
                qualepref::RuleCode::UnreadValue | qualepref::RuleCode::UnreadAssessment
            )
        })
        .map(|d| d.to_string_in(qualepref::Language::En))
        .collect();
    // A text that could carry a verdict, an observation or a note refuses the audit.
    let expected = match qualepref::Carried::find(written) {
        Some(carried) => format!(
            "unread[0]: [unread-assessment] error: {field}: the text {written:?} (line {line} of \
             the source) could carry {} ({carried}) and was not filed",
            match carried {
                qualepref::Carried::Verdict(_) => "a verdict",
                qualepref::Carried::Observation(_) => "an observation",
                _ => "a remote check's note",
            }
        ),
        None => format!(
            "unread[0]: [unread-value] warning: {field}: the text {written:?} was not read (line \
             {line} of the source)"
        ),
    };
    assert_eq!(unread, [expected]);
    let json = audit.to_json_string().unwrap();
    assert!(json.contains("\"unread\""), "{json}");
    assert_eq!(&Audit::from_json_str(&json).unwrap(), audit);
}

#[test]
fn every_value_the_import_cannot_read_is_kept_in_unread() {
    let toulon = Referentiel::qual_e_pref_2019();
    let row_5 =
        "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge\t\tC";
    let remote_16 = "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\tNote : \
                     Conforme";
    // (what the report says instead, the field, the text kept, a marker of its line)
    let cases: Vec<(String, &str, &str, &str)> = vec![
        (
            REPORT.replacen(row_5, &row_5.replace("\t\tC", "\tVu sur place.\tCN"), 1),
            "assessments[4].verdict",
            "CN",
            "\tCN",
        ),
        (
            REPORT.replacen("1. Responsabilités\t\tC", "1. Responsabilités\tVu.\tCX", 1),
            "management[0].verdict",
            "CX",
            "\tCX",
        ),
        (
            REPORT.replacen(
                "<input checked=\"\" type=\"checkbox\"/> Préfecture <input",
                "<input checked=\"\" type=\"checkbox\"/> Ambassade <input",
                1,
            ),
            "site.administration",
            "Ambassade",
            "Ambassade",
        ),
        (
            REPORT.replacen("DEPARTEMENT\t83", "DEPARTEMENT\t8Z", 1),
            "site.departement",
            "8Z",
            "DEPARTEMENT",
        ),
        (
            REPORT.replacen("Module 8 Polices", "Module 9 Polices", 1),
            "modules",
            "Module 9 Polices exercées par la préfecture de police de Paris",
            "Module 9",
        ),
        (
            REPORT.replacen(
                "<input checked=\"\" type=\"checkbox\"/> Initial",
                "<input checked=\"\" type=\"checkbox\"/> Spécial",
                1,
            ),
            "kind.type",
            "Spécial",
            "Spécial",
        ),
        (
            REPORT.replacen(
                "DATE(S) DE L'AUDIT\tDu 18/11/2019 au 18/11/2019",
                "DATE(S) DE L'AUDIT\tDu 18/11/19 au 18/11/19",
                1,
            ),
            "dates",
            "Du 18/11/19 au 18/11/19",
            "DATE(S) DE L'AUDIT",
        ),
        (
            REPORT.replacen(
                "Auditeur(s)\tAurélie ROUMEGOUX\t18/11/2019",
                "Auditeur(s)\tAurélie ROUMEGOUX\t18/11/19",
                1,
            ),
            "auditors[0].signed_on",
            "18/11/19",
            "Auditeur(s)",
        ),
        (
            REPORT.replacen(
                "Dates de début d'audit :\t18/11/2019",
                "Dates de début d'audit :\t18 novembre",
                1,
            ),
            "dates",
            "18 novembre",
            "Dates de début",
        ),
        // Rows that cannot be filed: kept whole.
        (
            REPORT.replacen(
                row_5,
                &format!("{row_5}\nModule 1 0. Engagement zéro\t\tC"),
                1,
            ),
            "assessments",
            "Module 1 0. Engagement zéro\t\tC",
            "Engagement zéro",
        ),
        (
            REPORT.replacen(
                "1. Responsabilités\t\tC",
                "1. Responsabilités\t\tC\n0. Aucun\t\tC",
                1,
            ),
            "management",
            "0. Aucun\t\tC",
            "0. Aucun",
        ),
        (
            REPORT.replacen(
                remote_16,
                &format!("{remote_16}\nModule 1 0. Rien\tNote : Conforme"),
                1,
            ),
            "remote_checks",
            "Module 1 0. Rien\tNote : Conforme",
            "Module 1 0. Rien",
        ),
        (
            REPORT.replacen(
                remote_16,
                &format!("{remote_16}\nModule 9 42. Inconnu\tNote : Conforme"),
                1,
            ),
            "remote_checks",
            "Module 9 42. Inconnu\tNote : Conforme",
            "Module 9 42.",
        ),
        (
            format!("{REPORT}\n3. Revue de direction\t\tNC min\n"),
            "management",
            "3. Revue de direction\t\tNC min",
            "Revue de direction",
        ),
        (
            format!("{REPORT}\n{remote_16}\n"),
            "remote_checks",
            remote_16,
            "Note : Conforme",
        ),
    ];
    for (text, field, written, marker) in &cases {
        assert_ne!(text, REPORT, "{field}: the case changes the report");
        assert_kept_unread(text, toulon, field, written, marker);
    }
    // The fiches d'écart: the synthetic audit has one, in progress.
    let referentiel = synthetic::synthetic_referentiel().unwrap();
    let audit = synthetic::synthetic_audit(&referentiel).unwrap();
    let text = render_report_text(&audit, &referentiel);
    let due = text
        .lines()
        .find(|l| l.starts_with("Échéance"))
        .unwrap()
        .to_owned();
    for (from, to, field, written, marker) in [
        (
            due.as_str(),
            "Échéance : fin mars",
            "ecarts[0].due",
            "fin mars",
            "fin mars",
        ),
        (
            "État : en cours",
            "État : presque fini",
            "ecarts[0].status",
            "presque fini",
            "presque fini",
        ),
        (
            "État : en cours",
            "État : levé",
            "ecarts[0].status",
            "levé",
            "État : levé",
        ),
        (
            "État : en cours",
            "État : en cours\nPreuve : Registre tenu.",
            "ecarts[0].status",
            "Preuve : Registre tenu.",
            "Preuve",
        ),
    ] {
        let changed = text.replacen(from, to, 1);
        assert_ne!(changed, text, "{field}: the case changes the report");
        assert_kept_unread(&changed, &referentiel, field, written, marker);
    }
}

#[test]
fn a_remote_check_under_a_module_that_does_not_exist_is_reported_and_filed_under_its_own() {
    let remote_16 = "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\tNote : \
                     Conforme";
    let text = REPORT.replacen(remote_16, &remote_16.replacen("Module 1", "Module 9", 1), 1);
    assert_ne!(text, REPORT);
    let line = 1 + text
        .lines()
        .position(|l| l.starts_with("Module 9 16."))
        .unwrap();
    let imported = import(&text);
    assert_eq!(
        imported.audit(),
        &toulon(),
        "filed under module 1, as before"
    );
    assert_eq!(
        diagnostics_on(&imported, line),
        [format!(
            "line {line}: [module-differs] warning: remote check of engagement 16 is filed under \
             module 9, which does not exist: the référentiel's module 1 used"
        )]
    );
}

#[test]
fn an_administration_row_with_no_box_checked_is_read_from_the_site_name() {
    let text = REPORT.replace(
        "<input checked=\"\" type=\"checkbox\"/> Préfecture <input type=\"checkbox\"/> Sous",
        "<input type=\"checkbox\"/> Préfecture <input type=\"checkbox\"/> Sous",
    );
    assert_ne!(text, REPORT);
    let imported = import(&text);
    assert_eq!(
        imported.audit().site.administration,
        qualepref::AdministrationType::Prefecture
    );
    assert!(
        imported.audit().unread.is_empty(),
        "{:?}",
        imported.audit().unread
    );
    assert!(!codes(&imported).contains(&"unknown-value"));
}

#[test]
fn a_second_site_line_on_the_title_page_is_reported_not_taken() {
    let text = REPORT.replacen(
        "PREFECTURE du Var\n",
        "PREFECTURE du Var\nSous-préfecture de Brignoles\n",
        1,
    );
    let imported = import(&text);
    assert_eq!(
        imported.audit().site.name.as_deref(),
        Some("PREFECTURE du Var")
    );
    let line = text
        .lines()
        .position(|l| l == "Sous-préfecture de Brignoles")
        .unwrap()
        + 1;
    assert_eq!(diagnostics_on(&imported, line).len(), 1);
}

#[test]
fn the_page_de_garde_reads_one_date_two_audit_types_and_the_referentiel_s_dates() {
    // One date: a one-day audit.
    let text = REPORT.replace(
        "DATE(S) DE L'AUDIT\tDu 18/11/2019 au 18/11/2019",
        "DATE(S) DE L'AUDIT\tLe 18/11/2019",
    );
    assert_ne!(text, REPORT);
    let day = NaiveDate::from_ymd_opt(2019, 11, 18);
    let imported = import(&text);
    let dates = imported.audit().dates;
    assert_eq!((Some(dates.start), Some(dates.end)), (day, day));
    // Read from that line, not from the title page's dates alone.
    assert_eq!(imported.audit().unread, Vec::<Unread>::new());
    assert!(!imported.has_warnings(), "{:?}", codes(&imported));
    // Two audit types checked: the first is used, the second kept in `unread`.
    let text = REPORT.replace(
        "<input type=\"checkbox\"/> de Suivi",
        "<input checked=\"\" type=\"checkbox\"/> de Suivi",
    );
    assert_ne!(text, REPORT);
    let imported = import(&text);
    assert_eq!(
        imported.audit().kind.audit_type,
        Some(qualepref::AuditType::Initial)
    );
    assert_eq!(imported.audit().unread.len(), 1);
    assert_eq!(imported.audit().unread[0].field, "kind.type");
    // A référentiel of another date than the one used: reported.
    let text = REPORT.replace("du 19/12/2018 mis à jour", "du 19/12/2017 mis à jour");
    assert_ne!(text, REPORT);
    assert!(codes(&import(&text)).contains(&"referentiel-differs"));
    assert!(!codes(&import(REPORT)).contains(&"referentiel-differs"));
}

// --- no value that could carry an assessment is lost -----------------------------------------

/// Whether validation refuses `imported` because of line `line`: an `unread-assessment` error
/// on an unread entry of that line, or on one that competes with the value filed there.
fn refused_at(imported: &Imported, line: usize) -> bool {
    let audit = imported.audit();
    let report = qualepref::validate(
        audit,
        Referentiel::qual_e_pref_2019(),
        &qualepref::ValidationOptions::default(),
    );
    report.diagnostics().iter().any(|d| {
        let entry = d
            .path
            .strip_prefix("unread[")
            .and_then(|rest| rest.strip_suffix(']'))
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| audit.unread.get(i));
        d.code == qualepref::RuleCode::UnreadAssessment
            && d.severity == qualepref::Severity::Error
            && entry.is_some_and(|u| {
                u.line == Some(line) || u.conflicts_with.as_deref() == Some(&format!("line {line}"))
            })
    })
}

/// The unread entries of `imported` on line `line`.
fn unread_on(imported: &Imported, line: usize) -> Vec<Unread> {
    imported
        .audit()
        .unread
        .iter()
        .filter(|u| u.line == Some(line))
        .cloned()
        .collect()
}

#[test]
fn every_reported_line_is_kept_in_unread_with_the_part_it_stood_in() {
    // A line that is not understood is kept whole, for the part of the audit it stood in.
    let row_12 =
        "Module 1 12. Nous vous délivrons une information administrative numérique fiable.\t\tC";
    for (after, stray, field) in [
        ("RAPPORT D'AUDIT", "Une note de bas de page", "title page"),
        ("VILLE\tTOULON", "Une note de bas de page", "page de garde"),
        (
            row_12,
            "Une phrase hors du tableau\tet sa suite",
            "assessments",
        ),
        ("1. Bilans annuels", "Voir annexe 2", "management"),
        (
            "4. SYNTHÈSE",
            "Une phrase avant la première section",
            "conclusion",
        ),
    ] {
        let text = replace_line(REPORT, after, &format!("{}\n{stray}", line_starting(after)));
        let imported = import(&text);
        let line = line_of(&text, stray);
        assert_eq!(
            imported.line_role(line),
            Some(LineRole::Reported),
            "{stray}"
        );
        assert_eq!(
            unread_on(&imported, line),
            [Unread::new(field, stray).at_line(line)],
            "{stray}"
        );
    }
}

/// The one line of the fixture that starts with `start`.
#[track_caller]
fn line_starting(start: &str) -> &'static str {
    let found: Vec<&str> = REPORT.lines().filter(|l| l.starts_with(start)).collect();
    assert_eq!(found.len(), 1, "{start:?} must start exactly one line");
    found[0]
}

#[test]
fn a_lone_verdict_line_is_kept_and_refuses_the_audit_wherever_it_stands() {
    // At every position of the report: never read as prose, a name, an auditor or layout.
    let lines = REPORT.split('\n').count();
    for lone in ["\t\tNC Maj", "\u{a0}\u{a0}non-conformité majeure"] {
        for at in 0..=lines {
            let (text, line) = insert_line(REPORT, at, lone);
            let imported = import(&text);
            assert!(
                refused_at(&imported, line),
                "{lone:?} at line {line} ({:?}): {:?}",
                imported.line_role(line),
                imported.audit().unread
            );
        }
    }
}

#[test]
fn a_verdict_row_after_section_4_in_spaces_non_breaking_spaces_or_bars_is_kept() {
    let title = "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge";
    for row in [
        format!("{title}   NC Maj"),
        format!("{title}\u{a0}\u{a0}NC Maj"),
        format!("| {title} | | NC Maj |"),
        format!("{title} | PS : Attente | NC Maj"),
        format!("{title} NC Maj"),
    ] {
        let text = format!("{}\n{row}\n", REPORT.trim_end());
        let line = text.lines().count();
        let imported = import(&text);
        assert_eq!(imported.line_role(line), Some(LineRole::Reported), "{row}");
        assert!(
            codes_on(&imported, line).contains(&"assessment-not-filed"),
            "{row}: {:?}",
            codes_on(&imported, line)
        );
        assert_eq!(
            imported.audit().conclusion.conclusion_generale,
            toulon().conclusion.conclusion_generale,
            "{row}"
        );
        assert!(refused_at(&imported, line), "{row}");
    }
}

#[test]
fn a_lone_verdict_under_a_row_competes_with_its_verdict() {
    let row_12 =
        "Module 1 12. Nous vous délivrons une information administrative numérique fiable.\t\tC";
    let text = replace_line(REPORT, row_12, &format!("{row_12}\n\t\tNC Maj"));
    let imported = import(&text);
    let row = line_of(&text, row_12);
    let line = row + 1;
    assert_eq!(
        imported.audit().assessments[11].verdict,
        Some(Verdict::Conformity)
    );
    assert_eq!(
        unread_on(&imported, line),
        [Unread::new("assessments[11].verdict", "NC Maj")
            .at_line(line)
            .conflicting_with(format!("line {row}"))]
    );
    assert_eq!(
        diagnostics_on(&imported, line),
        [format!(
            "line {line}: [assessment-not-filed] warning: engagement 12: a second verdict, on the \
             line under its row: \"NC Maj\" competes with the value filed at line {row}: not \
             filed, kept in `unread`; validation refuses the audit until one of them is removed"
        )]
    );
    assert!(refused_at(&imported, line));
    // Under a row without verdict, the line gives it its verdict.
    let text = replace_line(
        REPORT,
        row_12,
        &format!("{}\n\t\tNC Maj", row_12.trim_end_matches('C')),
    );
    let imported = import(&text);
    assert_eq!(
        imported.audit().assessments[11].verdict,
        Some(Verdict::MajorNonconformity)
    );
    assert_eq!(codes_on(&imported, row + 1), ["row-continued"]);
    assert!(imported.audit().unread.is_empty());
    // A management item's verdict too.
    let text = replace_line(
        REPORT,
        "3. Formation du personnel",
        "3. Formation du personnel\t\tC\n\t\tnc min",
    );
    let imported = import(&text);
    let line = line_of(&text, "3. Formation") + 1;
    assert_eq!(
        unread_on(&imported, line),
        [Unread::new("management[2].verdict", "nc min")
            .at_line(line)
            .conflicting_with(format!("line {}", line - 1))]
    );
}

#[test]
fn two_verdicts_for_one_engagement_name_both_places() {
    let row_5 =
        "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge\t\tC";
    let row = line_of(REPORT, row_5);
    // A verdict in the comment cell as well as in the verdict cell.
    let text = replace_line(REPORT, row_5, &row_5.replace("\t\tC", "\tNC Maj\tC"));
    let imported = import(&text);
    assert_eq!(
        imported.audit().assessments[4].verdict,
        Some(Verdict::Conformity)
    );
    assert_eq!(imported.audit().assessments[4].comment, None);
    assert_eq!(
        unread_on(&imported, row),
        [Unread::new("assessments[4].verdict", "NC Maj")
            .at_line(row)
            .in_cell("comments")
            .conflicting_with(format!("line {row} (verdict)"))]
    );
    assert!(refused_at(&imported, row));
    // A verdict in the comment cell of a row whose last cell is a comment: not taken as the
    // row's verdict (the columns say otherwise), not read as its comment.
    let text = replace_line(
        REPORT,
        row_5,
        &row_5.replace("\t\tC", "\tNC Maj\tVu sur place avec les agents"),
    );
    let imported = import(&text);
    let a = &imported.audit().assessments[4];
    assert_eq!(
        (a.verdict, a.comment.as_deref()),
        (None, Some("Vu sur place avec les agents"))
    );
    assert_eq!(
        unread_on(&imported, row),
        [Unread::new("assessments[4].verdict", "NC Maj").at_line(row)]
    );
    // A second row with the same number, even far from the first: the first is kept.
    let second = row_5.replace("\t\tC", "\t\tNC Maj");
    let text = replace_line(
        REPORT,
        "Module 2 23.",
        &format!("{}\n{second}", line_starting("Module 2 23.")),
    );
    let imported = import(&text);
    let line = line_of(&text, &second);
    assert_eq!(imported.audit().assessments.len(), 23);
    assert_eq!(
        imported.audit().assessments[4].verdict,
        Some(Verdict::Conformity)
    );
    assert_eq!(
        unread_on(&imported, line),
        [Unread::new("assessments[4]", second.as_str())
            .at_line(line)
            .conflicting_with(format!("line {row}"))]
    );
    assert_eq!(imported.line_role(line), Some(LineRole::Reported));
    assert!(refused_at(&imported, line));
    // The same for a management item.
    let text = replace_line(
        REPORT,
        "2. Audits internes",
        &format!(
            "{}\n1. Bilans annuels\t\tNC min",
            line_starting("2. Audits internes")
        ),
    );
    let imported = import(&text);
    let line = line_of(&text, "1. Bilans annuels\t\tNC min");
    assert_eq!(
        unread_on(&imported, line),
        [Unread::new("management[5]", "1. Bilans annuels\t\tNC min")
            .at_line(line)
            .conflicting_with(format!("line {}", line_of(REPORT, "1. Bilans annuels")))]
    );
    assert_eq!(imported.audit().management.len(), 7);
}

#[test]
fn a_remote_check_files_one_note_and_no_verdict() {
    let remote_16 = "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\tNote : \
                     Conforme";
    let row = line_of(REPORT, remote_16);
    // A second note on the line under it, or a second row for the same channel.
    for (extra, field, text_kept) in [
        (
            "\tNote : Non conforme",
            "remote_checks[11].note",
            "Non conforme",
        ),
        (
            "Note : Non conforme",
            "remote_checks[11].note",
            "Non conforme",
        ),
        (
            "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\tNote : \
             Non conforme",
            "remote_checks[11]",
            "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\tNote : \
             Non conforme",
        ),
    ] {
        let text = replace_line(REPORT, remote_16, &format!("{remote_16}\t\n{extra}"));
        let imported = import(&text);
        assert_eq!(
            imported.audit().remote_checks[11].note,
            Some(qualepref::RemoteNote::Conforme),
            "{extra}"
        );
        assert_eq!(
            unread_on(&imported, row + 1),
            [Unread::new(field, text_kept)
                .at_line(row + 1)
                .conflicting_with(format!("line {row}"))],
            "{extra}"
        );
        assert!(refused_at(&imported, row + 1), "{extra}");
    }
    // An engagement's row, with a verdict where the note stands, in a remote section.
    for verdict in ["NC Maj", "Note : NC Maj", "non-conformité mineure"] {
        let bad = format!(
            "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\t\t{verdict}"
        );
        let text = replace_line(REPORT, remote_16, &bad);
        let imported = import(&text);
        assert_eq!(imported.audit().remote_checks.len(), 12, "{verdict}");
        assert_eq!(
            unread_on(&imported, row),
            [Unread::new("remote_checks", bad.as_str()).at_line(row)],
            "{verdict}"
        );
        assert_eq!(
            codes_on(&imported, row),
            ["assessment-not-filed"],
            "{verdict}"
        );
        assert!(refused_at(&imported, row), "{verdict}");
    }
}

#[test]
fn an_observation_on_the_line_under_a_row_is_the_row_s() {
    let remote_16 = "Module 1 16. Nos courriers et courriels sont compréhensibles et complets\tNote : \
                     Conforme\t";
    for extra in [
        "PS : Délai de réponse non affiché",
        "\tPS : Délai de réponse non affiché",
    ] {
        let text = replace_line(REPORT, remote_16, &format!("{remote_16}\n{extra}"));
        let imported = import(&text);
        let check = &imported.audit().remote_checks[11];
        assert_eq!(check.observations.len(), 1, "{extra:?}");
        assert_eq!(
            check.observations[0].kind,
            qualepref::ObservationKind::AreaOfConcern
        );
        assert_eq!(check.observations[0].text, "Délai de réponse non affiché");
        let line = line_of(&text, remote_16) + 1;
        assert_eq!(codes_on(&imported, line), ["row-continued"]);
        assert!(imported.audit().unread.is_empty());
    }
    // Under an engagement's row too.
    let row_5 =
        "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge\t\tC";
    let text = replace_line(REPORT, row_5, &format!("{row_5}\nPP : Afficher le plan"));
    let imported = import(&text);
    assert_eq!(
        imported.audit().assessments[4].observations[0].text,
        "Afficher le plan"
    );
    // Under a heading, the line belongs to no row: it is kept.
    let text = replace_line(REPORT, "TELEPHONE", "TELEPHONE\nPS : Attente");
    let imported = import(&text);
    let line = line_of(&text, "PS : Attente");
    assert_eq!(
        unread_on(&imported, line),
        [Unread::new("assessments", "PS : Attente").at_line(line)]
    );
    assert!(refused_at(&imported, line));
    // An observation in lower case, or spelled out, is not one the reader files: kept.
    let text = replace_line(REPORT, row_5, &format!("{row_5}\n\tps : Attente"));
    let imported = import(&text);
    let line = line_of(&text, row_5) + 1;
    assert_eq!(
        unread_on(&imported, line),
        [Unread::new("assessments[4].comment", "ps : Attente").at_line(line)]
    );
    assert!(refused_at(&imported, line));
}

#[test]
fn a_comment_or_an_observation_that_could_carry_a_verdict_is_kept() {
    let row_5 =
        "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge\t\tC";
    let row = line_of(REPORT, row_5);
    for (comment, field, kept) in [
        (
            "Vu sur place.  NC Maj",
            "assessments[4].verdict",
            "Vu sur place.  NC Maj",
        ),
        (
            "PF : Accueil soigné  NC Maj",
            "assessments[4].observations",
            "PF : Accueil soigné  NC Maj",
        ),
        (
            "Point sensible : attente",
            "assessments[4].comment",
            "Point sensible : attente",
        ),
    ] {
        let text = replace_line(
            REPORT,
            row_5,
            &row_5.replace("\t\tC", &format!("\t{comment}\tC")),
        );
        let imported = import(&text);
        let unread = unread_on(&imported, row);
        assert_eq!(unread.len(), 1, "{comment}: {unread:?}");
        assert_eq!(
            (unread[0].field.as_str(), unread[0].text.as_str()),
            (field, kept)
        );
        assert!(refused_at(&imported, row), "{comment}");
        let a = &imported.audit().assessments[4];
        assert!(
            a.comment.is_none() && a.observations.is_empty(),
            "{comment}: {a:?}"
        );
    }
}

#[test]
fn layout_that_carries_a_verdict_is_not_layout() {
    for (line_start, changed) in [
        (
            "C : Conforme **NA** : Non applicable",
            "C : Conforme **NA** : Non applicable  NC Maj",
        ),
        ("C : Conforme **NA** : Non applicable", "**NC Maj**"),
        ("ACCUEIL PHYSIQUE", "ACCUEIL PHYSIQUE\tNC Maj"),
        (
            "AUDIT A DISTANCE : Internet",
            "AUDIT A DISTANCE : Internet NC Maj",
        ),
        (
            "PILOTAGE DE LA POLITIQUE QUALITE",
            "PILOTAGE DE LA POLITIQUE QUALITE\tNC Maj\t",
        ),
        (
            "\tAppréciation de l'auditeur\t\t <small>",
            "\tAppréciation de l'auditeur\t\t <small>Liberté</small> MINISTÈRE NC Maj",
        ),
        ("--\t--\t----------", "--\t--\t----------\tNC Maj"),
        ("❖ POINTS FORTS", "❖ POINTS FORTS (NC Maj)"),
        (
            "- 3. SYNTHÈSE DE L'EVALUATION**",
            "- 3. SYNTHÈSE DE L'EVALUATION** NC MAJ",
        ),
        (
            "(Vérification de l'analyse",
            "(Vérification de l'analyse du résultat)  NC Maj",
        ),
    ] {
        let text = replace_line(REPORT, line_start, changed);
        let imported = import(&text);
        let line = line_of(&text, changed);
        assert_eq!(
            imported.line_role(line),
            Some(LineRole::Reported),
            "{changed:?}"
        );
        assert!(
            refused_at(&imported, line),
            "{changed:?}: {:?}",
            imported.audit().unread
        );
    }
    // The legend is still the legend, and « Sans objet » is no verdict.
    let imported = import(REPORT);
    assert_eq!(
        imported.line_role(line_of(REPORT, "PF : Points Forts")),
        Some(LineRole::Layout(qualepref::ReportLayout::Legend))
    );
    assert!(imported.audit().unread.is_empty());
    assert_eq!(
        imported.audit().conclusion.points_sensibles,
        ["Sans objet."]
    );
}

#[test]
fn the_charte_graphique_reads_non_applicable_and_one_verdict() {
    let charte = "(Non applicable en audit initial)";
    // « Non applicable » alone is its text, from which its verdict is read.
    let text = replace_line(REPORT, charte, "Non applicable.");
    let imported = import(&text);
    assert_eq!(
        imported.audit().conclusion.charte_graphique.verdict,
        Some(Verdict::NotApplicable)
    );
    assert!(imported.audit().unread.is_empty());
    // A lone verdict there is not its verdict: kept.
    let text = replace_line(REPORT, charte, &format!("{charte}\nNC Maj"));
    let imported = import(&text);
    let line = line_of(&text, charte) + 1;
    assert_eq!(
        unread_on(&imported, line),
        [Unread::new("conclusion.charte_graphique", "NC Maj").at_line(line)]
    );
    // Two explicit verdicts: the second competes with the first.
    let text = replace_line(REPORT, charte, "Conformité : NA\nConformité : NC Maj");
    let imported = import(&text);
    let first = line_of(&text, "Conformité : NA");
    assert_eq!(
        imported.audit().conclusion.charte_graphique.verdict,
        Some(Verdict::NotApplicable)
    );
    assert_eq!(
        unread_on(&imported, first + 1),
        [Unread::new("conclusion.charte_graphique.verdict", "NC Maj")
            .at_line(first + 1)
            .conflicting_with(format!("line {first}"))]
    );
}

#[test]
fn a_fiche_d_ecart_s_text_that_could_carry_a_verdict_is_kept() {
    let referentiel = synthetic::synthetic_referentiel().unwrap();
    let audit = synthetic::synthetic_audit(&referentiel).unwrap();
    let text = render_report_text(&audit, &referentiel);
    let constat = text
        .lines()
        .find(|l| l.starts_with("Constat : "))
        .unwrap()
        .to_owned();
    let changed = text.replacen(&constat, "Constat : NC Maj", 1);
    let imported = import_report_text(&changed, &referentiel).unwrap();
    let line = 1 + changed
        .lines()
        .position(|l| l == "Constat : NC Maj")
        .unwrap();
    assert_eq!(
        unread_on(&imported, line),
        [Unread::new("ecarts[0].finding", "NC Maj").at_line(line)]
    );
    assert_eq!(codes_on(&imported, line), ["assessment-not-filed"]);
}

#[test]
fn dates_with_a_two_digit_or_implausible_year_are_refused_naming_their_lines() {
    // Every date of the report written with two digits: the import names each line and the
    // form it reads, rather than "no audit dates".
    let text = REPORT.replace("18/11/2019", "18/11/19");
    let start = line_of(&text, "Dates de début");
    let end = line_of(&text, "Dates de fin");
    let dates = line_of(&text, "DATE(S) DE L'AUDIT");
    let err = import_err(&text);
    assert_eq!(
        err,
        format!(
            "not a qual-e-pref audit report: the page de garde gives no audit dates it can \
             read: line {start}: \"18/11/19\" has a two-digit year (dates are read as \
             dd/mm/yyyy, such as 18/11/2019); line {end}: \"18/11/19\" has a two-digit year \
             (dates are read as dd/mm/yyyy, such as 18/11/2019); line {dates}: \"18/11/19\" has \
             a two-digit year (dates are read as dd/mm/yyyy, such as 18/11/2019)"
        )
    );
    // A year of four digits outside 2000 to 2100 is not read as that year.
    let text = REPORT.replace("18/11/2019", "18/11/0019");
    let err = import_err(&text);
    assert!(
        err.contains(&format!(
            "line {dates}: \"18/11/0019\" has the year 19, outside 2000 to 2100 (dates are read \
             as dd/mm/yyyy)"
        )),
        "{err}"
    );
    // On the page de garde alone: reported, and the title page's dates used.
    let text = replace_line(
        REPORT,
        "DATE(S) DE L'AUDIT",
        "DATE(S) DE L'AUDIT\tDu 18/11/2219 au 18/11/2219",
    );
    let imported = import(&text);
    assert_eq!(imported.audit().dates, toulon().dates);
    assert_eq!(
        diagnostics_on(&imported, dates),
        [format!(
            "line {dates}: [invalid-date] warning: audit dates \"Du 18/11/2219 au 18/11/2219\": \
             \"18/11/2219\" has the year 2219, outside 2000 to 2100 (dates are read as \
             dd/mm/yyyy); kept in `unread`"
        )]
    );
}

// --- the diagnostics in French and in English ------------------------------------------------

/// `text` without what it quotes between guillemets (the report's values, verbatim): the
/// crate's wording.
fn wording(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The places where `text` has an ordinary space before `: ; ! ?` or `»`, or after `«`.
fn typography_faults(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .enumerate()
        .filter(|(_, pair)| matches!(pair, [' ', ':' | ';' | '!' | '?' | '»'] | ['«', ' ']))
        .map(|(i, _)| {
            chars[i.saturating_sub(20)..(i + 20).min(chars.len())]
                .iter()
                .collect()
        })
        .collect()
}

#[test]
fn toulon_s_diagnostics_read_in_french_and_in_english() {
    let imported = import(REPORT);
    let french: Vec<String> = imported
        .diagnostics()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        french,
        [
            "ligne 51\u{a0}: [figure-from-prose] info\u{a0}: chiffre du contexte lu dans le texte \
             «\u{a0}1 060 000 habitants\u{a0}»\u{a0}: population = 1060000",
            "ligne 51\u{a0}: [figure-from-prose] info\u{a0}: chiffre du contexte lu dans le texte \
             «\u{a0}153 communes\u{a0}»\u{a0}: communes = 153",
            "ligne 51\u{a0}: [figure-from-prose] info\u{a0}: chiffre du contexte lu dans le texte \
             «\u{a0}3 arrondissements\u{a0}»\u{a0}: arrondissements = 3",
            "ligne 51\u{a0}: [figure-from-prose] info\u{a0}: chiffre du contexte lu dans le texte \
             «\u{a0}315 agents\u{a0}»\u{a0}: agents = 315",
            "ligne 207\u{a0}: [charte-verdict-from-text] déduit\u{a0}: charte graphique\u{a0}: \
             verdict NA lu dans son texte («\u{a0}non applicable\u{a0}»)",
        ]
    );
    for d in imported.diagnostics() {
        assert_eq!(d.message, d.message_in(Language::Fr));
        assert_eq!(d.to_string(), d.to_string_in(Language::Fr));
        assert_ne!(d.message_in(Language::Fr), d.message_in(Language::En));
    }
    // The JSON holds the French text; read back, it stands for both languages.
    let d = &imported.diagnostics()[4];
    let json = serde_json::to_value(d).unwrap();
    assert_eq!(json["message"], d.message_in(Language::Fr));
    assert_eq!(json.as_object().unwrap().len(), 4, "{json}");
    let back: qualepref::ImportDiagnostic = serde_json::from_value(json).unwrap();
    assert_eq!(&back, d);
    assert_eq!(back.message_in(Language::En), d.message_in(Language::Fr));
}

/// A report holding one of each kind of problem: every diagnostic has its French text,
/// typeset, besides its English one, and says the same values.
#[test]
fn every_kind_of_diagnostic_speaks_french_typeset() {
    let text = REPORT.replace(
        "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge\t\tC",
        "Module 1 5. NOUS VOUS ORIENTONS VERS LE BON SERVICE ET VOUS PRENONS EN CHARGE\tVu.\tCN",
    );
    let text = replace_line(&text, NO_ECART, "Module 1 engagement 42 — NC Maj");
    let text = replace_line(&text, "VILLE", "VILLE\tDraguignan");
    let text = replace_line(
        &text,
        "Résultat très satisfaisant des enquêtes de satisfaction des usagers.",
        "Voir annexe 2\tNC Maj",
    );
    let text = replace_line(&text, "MODULE 2 - ", "MODULE 2 - DELIVRANCE\tvoir annexe");
    let imported = import(&text);
    let codes = codes(&imported);
    for code in [
        "title-case-or-spacing",
        "unknown-verdict",
        "fiche-unknown-target",
        "title-page-differs",
        "assessment-not-filed",
        "text-beside-heading",
    ] {
        assert!(codes.contains(&code), "{code}: {codes:?}");
    }
    for d in imported.diagnostics() {
        let fr = d.to_string();
        let en = d.to_string_in(Language::En);
        assert!(
            fr.starts_with("ligne ") || fr.starts_with("rapport\u{a0}: "),
            "{fr}"
        );
        assert!(
            en.starts_with("line ") || en.starts_with("report: "),
            "{en}"
        );
        assert_ne!(fr, en);
        let faults = typography_faults(&wording(&fr));
        assert!(faults.is_empty(), "{fr}: {faults:?}");
        // The values named in English are quoted in French too, verbatim.
        for value in en.split('"').skip(1).step_by(2) {
            let value = value.replace("\\t", "\t");
            assert!(
                fr.contains(&format!("«\u{a0}{value}\u{a0}»")),
                "{value:?} in {fr}"
            );
        }
    }
    let unknown = imported
        .diagnostics()
        .iter()
        .find(|d| d.code == ImportCode::UnknownVerdict)
        .unwrap();
    assert_eq!(
        unknown.message,
        "engagement 5\u{a0}: le verdict «\u{a0}CN\u{a0}» n'est pas l'un des codes C, NA, NC min, \
         NC Maj\u{202f}; texte conservé dans `unread`"
    );
    assert_eq!(
        unknown.message_in(Language::En),
        "engagement 5: verdict \"CN\" is not one of C, NA, NC min, NC Maj; kept in `unread`"
    );
    let city = imported
        .diagnostics()
        .iter()
        .find(|d| d.code == ImportCode::TitlePageDiffers)
        .unwrap();
    assert_eq!(
        city.to_string(),
        format!(
            "ligne {}\u{a0}: [title-page-differs] avertissement\u{a0}: ville \
             «\u{a0}Draguignan\u{a0}», la page de titre indique «\u{a0}TOULON\u{a0}»\u{202f}; \
             «\u{a0}Draguignan\u{a0}» retenue",
            city.line.unwrap()
        )
    );
}

// --- fiches d'écart: numbers, causes, answers ------------------------------------------------

/// The Toulon report with engagement 17 a minor nonconformity (a synthetic variant) and the
/// fiches' section holding `fiche` in place of « Absence de non-conformité … ».
fn with_fiche(fiche: &str) -> String {
    let text = replace_line(
        REPORT,
        &format!("{ROW_17}PP"),
        &format!("{ROW_17}{ROW_17_PP}\tNC min\t"),
    );
    replace_line(&text, NO_ECART, fiche)
}

#[test]
fn a_fiche_d_ecart_keeps_the_number_its_heading_gives() {
    for (fiche, number) in [
        ("Fiche d'écart n°1\nModule 1 engagement 17 — NC min", 1),
        ("FICHE D'ÉCART N° 2\n\nEngagement n°17 — NC min", 2),
        ("Fiche d’écart no 3 — Module 1 engagement 17 — NC min", 3),
        (
            "❖ Fiche d'ecart numéro 4 : engagement 17 (non-conformité mineure)",
            4,
        ),
        ("FICHES D'ECARTS N°5\nModule 1 engagement 17", 5),
        ("Fiche d'écart #12 - engagement 17", 12),
    ] {
        let imported = import(&with_fiche(fiche));
        let audit = imported.audit();
        assert_eq!(audit.ecarts.len(), 1, "{fiche}");
        assert_eq!(audit.ecarts[0].number, Some(number), "{fiche}");
        assert_eq!(audit.ecarts[0].target, EcartTarget::Engagement(e(17)));
        assert_eq!(audit.ecarts[0].grade, NcGrade::Minor, "{fiche}");
        assert!(
            audit.conclusion.fiches_ecart.is_empty(),
            "{fiche}: {audit:#?}"
        );
        // The heading's line is the fiche's.
        let heading = line_of(&with_fiche(fiche), fiche.lines().next().unwrap());
        assert_eq!(
            imported.line_role(heading),
            Some(LineRole::Field(ReportField::FicheEcart(
                EcartTarget::Engagement(e(17))
            ))),
            "{fiche}"
        );
    }
    // A numbered heading that no fiche follows stays a paragraph of the section, verbatim;
    // a word that only starts like a number is no number.
    for (text, paragraphs) in [
        (
            "Fiche d'écart n°1\nAbsence de non-conformité majeure ou mineure.",
            vec!["Fiche d'écart n°1", NO_ECART],
        ),
        ("Fiche d'écart n°1bis", vec!["Fiche d'écart n°1bis"]),
        (
            "Fiche d'écart n°1 : voir annexe",
            vec!["Fiche d'écart n°1 : voir annexe"],
        ),
    ] {
        let imported = import(&replace_line(REPORT, NO_ECART, text));
        assert_eq!(imported.audit().ecarts, [], "{text}");
        assert_eq!(
            imported.audit().conclusion.fiches_ecart,
            paragraphs,
            "{text}"
        );
    }
}

#[test]
fn a_fiche_d_ecart_s_cause_and_the_audited_site_s_answer_are_read() {
    for (cause, response) in [
        ("Cause :", "Réponse de l'audité :"),
        ("Causes:", "Réponse du site audité :"),
        ("Analyse des causes :", "REPONSE DE L'ENTITE AUDITEE :"),
        ("Cause racine :", "Réponse :"),
    ] {
        let fiche = format!(
            "Fiche d'écart n°1 — Module 1 engagement 17 — NC min\nConstat : Délai non tenu.\n\
             {cause} Absences non remplacées au BSR.\nAction corrective : Renforts.\n\
             {response} Le plan de renfort est engagé."
        );
        let imported = import(&with_fiche(&fiche));
        let f = &imported.audit().ecarts[0];
        assert_eq!(f.finding, "Délai non tenu.");
        assert_eq!(
            f.cause.as_deref(),
            Some("Absences non remplacées au BSR."),
            "{cause}"
        );
        assert_eq!(f.corrective_action.as_deref(), Some("Renforts."));
        assert_eq!(
            f.response.as_deref(),
            Some("Le plan de renfort est engagé."),
            "{response}"
        );
        assert!(
            imported.audit().unread.is_empty(),
            "{:?}",
            imported.audit().unread
        );
    }
    // A cause or an answer that could carry a verdict is kept, not filed.
    let fiche = "Module 1 engagement 17 — NC min\nCause : NC Maj\nRéponse de l'audité : PS : x";
    let imported = import(&with_fiche(fiche));
    let f = &imported.audit().ecarts[0];
    assert_eq!((f.cause.as_deref(), f.response.as_deref()), (None, None));
    let fields: Vec<&str> = imported
        .audit()
        .unread
        .iter()
        .map(|u| u.field.as_str())
        .collect();
    assert_eq!(fields, ["ecarts[0].cause", "ecarts[0].response"]);
}

#[test]
fn numbers_causes_and_answers_round_trip_through_text() {
    let referentiel = Referentiel::qual_e_pref_2019();
    let mut audit = toulon();
    audit.assessments[16].verdict = Some(Verdict::MinorNonconformity);
    audit.conclusion.fiches_ecart.clear();
    let mut fiche = FicheEcart::new(
        EcartTarget::Engagement(e(17)),
        NcGrade::Minor,
        "Délai de réponse des courriers du BSR non tenu (synthétique).",
    );
    fiche.number = Some(1);
    fiche.cause = Some("Absences non remplacées au BSR.".to_owned());
    fiche.response = Some("Le plan de renfort est engagé.".to_owned());
    audit.ecarts.push(fiche);
    let text = render_report_text(&audit, referentiel);
    for line in [
        "Fiche d'écart n°1 — Module 1 engagement 17 — NC min",
        "Cause : Absences non remplacées au BSR.",
        "Réponse de l'audité : Le plan de renfort est engagé.",
    ] {
        assert!(text.lines().any(|l| l == line), "missing {line:?}");
    }
    let imported = import(&text);
    assert_eq!(imported.audit(), &audit);
    assert_eq!(render_report_text(imported.audit(), referentiel), text);
}

// --- evidence and the planned external audit -------------------------------------------------

const ROW_5: &str = "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge";

#[test]
fn an_assessment_s_evidence_is_read_from_its_comment_cell() {
    let text = replace_line(
        REPORT,
        ROW_5,
        &format!(
            "{ROW_5}\tAccueil vu. PF : Agents formés. Éléments de preuve : Procédure d'accueil, \
             entretien avec la cheffe du BAG.\tC"
        ),
    );
    let text = replace_line(
        &text,
        "1. Responsabilités",
        "1. Responsabilités\tELEMENTS DE PREUVE: Organigramme 2019\tC",
    );
    let imported = import(&text);
    let mut expected = toulon();
    expected.assessments[4].comment = Some("Accueil vu.".to_owned());
    expected.assessments[4].observations = vec![qualepref::Observation::new(
        qualepref::ObservationKind::Strength,
        "Agents formés.",
    )];
    expected.assessments[4].evidence =
        Some("Procédure d'accueil, entretien avec la cheffe du BAG.".to_owned());
    expected.management[0].evidence = Some("Organigramme 2019".to_owned());
    assert_eq!(imported.audit(), &expected);
    assert_only_info(&imported);

    // Continued on the next line after a page break: the text goes on with the evidence.
    let text = replace_line(
        REPORT,
        ROW_5,
        &format!(
            "{ROW_5}\tÉléments de preuve : Procédure d'accueil,\tC\n\tentretien avec l'agent."
        ),
    );
    let imported = import(&text);
    assert_eq!(
        imported.audit().assessments[4].evidence.as_deref(),
        Some("Procédure d'accueil, entretien avec l'agent.")
    );
    // Evidence that could carry a verdict is kept, competing with the row's.
    let text = replace_line(
        REPORT,
        ROW_5,
        &format!("{ROW_5}\tÉléments de preuve : NC Maj\tC"),
    );
    let imported = import(&text);
    assert_eq!(imported.audit().assessments[4].evidence, None);
    let u = &imported.audit().unread[0];
    assert_eq!(
        (
            u.field.as_str(),
            u.text.as_str(),
            u.conflicts_with.as_deref()
        ),
        (
            "assessments[4].evidence",
            "NC Maj",
            Some(format!("line {} (verdict)", u.line.unwrap()).as_str())
        )
    );
}

#[test]
fn evidence_and_the_planned_external_audit_round_trip_through_text() {
    let referentiel = Referentiel::qual_e_pref_2019();
    let mut audit = toulon();
    audit.assessments[4].evidence = Some("Procédure d'accueil (synthétique).".to_owned());
    audit.assessments[16].evidence = Some("Registre du courrier.".to_owned());
    audit.management[4].evidence = Some("Compte rendu du comité 2019.".to_owned());
    audit.kind.external_on = NaiveDate::from_ymd_opt(2020, 2, 18);
    let text = render_report_text(&audit, referentiel);
    assert!(
        text.lines()
            .any(|l| l == "DATE PRÉVUE DE L'AUDIT EXTERNE\t18/02/2020"),
        "{text}"
    );
    assert!(text.contains("délai de 5jours. Éléments de preuve : Registre du courrier.\tC\n"));
    assert!(text.contains("\tÉléments de preuve : Compte rendu du comité 2019.\tC\n"));
    let imported = import(&text);
    assert_eq!(imported.audit(), &audit);
    assert_only_info(&imported);
    // The labelling decision comes after the audit: the report does not hold it.
    audit.labelling = NaiveDate::from_ymd_opt(2020, 4, 1).map(qualepref::LabellingDecision::on);
    assert_eq!(render_report_text(&audit, referentiel), text);
    assert_eq!(import(&text).audit().labelling, None);
}

#[test]
fn the_planned_external_audit_reads_in_its_spellings_or_is_reported() {
    let internal = "AUDIT INTERNE";
    let at = line_of(REPORT, internal);
    let with = |row: &str| {
        let mut lines: Vec<&str> = REPORT.split('\n').collect();
        lines.insert(at, row);
        lines.join("\n")
    };
    for row in [
        "DATE PRÉVUE DE L'AUDIT EXTERNE\t18/02/2020",
        "Date de l'audit externe :\t18/02/2020",
        "AUDIT EXTERNE PREVU LE\t18/02/2020",
    ] {
        let imported = import(&with(row));
        assert_eq!(
            imported.audit().kind.external_on,
            NaiveDate::from_ymd_opt(2020, 2, 18),
            "{row}"
        );
        assert_eq!(imported.audit().kind.audit_type, toulon().kind.audit_type);
        assert_eq!(imported.audit().dates, toulon().dates, "{row}");
    }
    let imported = import(&with("DATE PRÉVUE DE L'AUDIT EXTERNE\tfévrier 2020"));
    assert_eq!(imported.audit().kind.external_on, None);
    assert_eq!(
        diagnostics_on(&imported, at + 1),
        [format!(
            "line {}: [invalid-date] warning: planned external audit date \"février 2020\" is \
             not a date dd/mm/yyyy; kept in `unread`",
            at + 1
        )]
    );
    assert_eq!(imported.audit().unread[0].field, "kind.external_on");
}

// --- what still escaped ----------------------------------------------------------------------

#[test]
fn text_beside_a_heading_is_kept_in_unread() {
    for (heading, text_beside, field) in [
        (
            "MODULE 1 - OBLIGATOIRE",
            "MODULE 1 :\tvoir annexe",
            "assessments",
        ),
        (
            "PILOTAGE DE LA POLITIQUE QUALITE",
            "PILOTAGE DE LA POLITIQUE QUALITE\tvoir annexe\t",
            "management",
        ),
        (
            "AUDIT A DISTANCE : Internet",
            "AUDIT A DISTANCE : Internet\tvoir annexe",
            "remote_checks",
        ),
        (
            "3. SYNTHÈSE",
            "3. SYNTHÈSE DE L'ÉVALUATION\tVOIR ANNEXE",
            "assessments",
        ),
        (
            "❖ POINTS FORTS",
            "❖ POINTS FORTS (voir annexe 3)",
            "conclusion.points_forts",
        ),
    ] {
        let text = replace_line(REPORT, heading, text_beside);
        let imported = import(&text);
        let line = line_of(REPORT, heading);
        let kept = if text_beside.contains('\t') {
            if text_beside.contains("VOIR") {
                "VOIR ANNEXE"
            } else {
                "voir annexe"
            }
        } else {
            "(voir annexe 3)"
        };
        assert_eq!(
            imported.audit().unread,
            [Unread::new(field, kept).at_line(line)],
            "{text_beside}"
        );
        let d = diagnostics_on(&imported, line);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].contains("[text-beside-heading] warning: the heading "),
            "{d:?}"
        );
        // The heading still steers the reading: the rest of the audit is Toulon's.
        let mut audit = imported.audit().clone();
        audit.unread.clear();
        assert_eq!(audit, toulon(), "{text_beside}");
        // Validation warns, and does not refuse: the text carries no assessment.
        let report = qualepref::validate(
            imported.audit(),
            Referentiel::qual_e_pref_2019(),
            &qualepref::ValidationOptions::default(),
        );
        assert!(!report.has_errors(), "{report}");
    }
    // The template's own words beside a heading are the heading's.
    let imported = import(REPORT);
    assert!(imported.audit().unread.is_empty());
}

#[test]
fn a_fiche_d_ecart_on_a_row_that_is_no_nonconformity_names_its_line() {
    let text = replace_line(REPORT, NO_ECART, "Module 1 engagement 5 — NC Maj");
    let imported = import(&text);
    let line = line_of(&text, "Module 1 engagement 5 — NC Maj");
    assert_eq!(
        diagnostics_on(&imported, line),
        [format!(
            "line {line}: [fiche-row-not-nonconformity] warning: the fiche d'écart of engagement \
             5 (NC Maj) is about a row whose verdict is C, not a nonconformity: validation \
             refuses the audit (`fiche-without-nonconformity`) until the row's verdict or the \
             fiche is corrected"
        )]
    );
    let report = qualepref::validate(
        imported.audit(),
        Referentiel::qual_e_pref_2019(),
        &qualepref::ValidationOptions::default(),
    );
    assert!(
        report
            .diagnostics()
            .iter()
            .any(|d| d.code == qualepref::RuleCode::FicheWithoutNonconformity),
        "{report}"
    );
    // A row without verdict: named too, beside its missing verdict.
    let text = replace_line(&text, ROW_5, &format!("{ROW_5}\t\t"));
    let imported = import(&text);
    assert!(
        diagnostics_on(&imported, line)
            .iter()
            .any(|d| d.contains("is about a row without verdict")),
        "{:?}",
        diagnostics_on(&imported, line)
    );
}

#[test]
fn a_fiche_heading_with_its_grade_outside_the_fiches_section_refuses_the_audit() {
    for section in [
        "❖ POINTS FORTS",
        "❖ COMMENTAIRES",
        "CONCLUSION GENERALE DE L'AUDIT",
    ] {
        let at = line_of(REPORT, section);
        let mut lines: Vec<&str> = REPORT.split('\n').collect();
        lines.insert(at + 1, "Module 1 engagement 5 — NC Maj");
        let text = lines.join("\n");
        let line = at + 2;
        let imported = import(&text);
        let kept: Vec<&Unread> = imported
            .audit()
            .unread
            .iter()
            .filter(|u| u.line == Some(line))
            .collect();
        assert_eq!(kept.len(), 1, "{section}");
        assert_eq!(kept[0].text, "NC Maj");
        // The paragraph stays the section's, verbatim.
        let all = serde_json::to_string(&imported.audit().conclusion).unwrap();
        assert!(all.contains("Module 1 engagement 5 — NC Maj"), "{section}");
        let refused = qualepref::Valid::new(
            imported.audit(),
            Referentiel::qual_e_pref_2019(),
            &qualepref::ValidationOptions::default(),
        )
        .unwrap_err();
        assert!(
            refused
                .diagnostics()
                .iter()
                .any(|d| d.code == qualepref::RuleCode::UnreadAssessment),
            "{section}: {refused}"
        );
    }
    // Prose that names an engagement and a grade is prose.
    let text = replace_line(
        REPORT,
        "La démarche permettra de faire vivre",
        "Aucune non-conformité majeure n'est relevée sur l'engagement 5.",
    );
    let imported = import(&text);
    assert!(imported.audit().unread.is_empty());
}
