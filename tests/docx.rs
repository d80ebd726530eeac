//! The DOCX report, read back with a ZIP and an XML reader of its own (the `zip` and `quick-xml`
//! crates the grid reads workbooks with), as a word processor would read it: its parts, its
//! heading styles, its tables and their rows, the fiches' forms and the avis.

use std::io::Read as _;

use qualepref::report::Report;
use qualepref::report::docx::render_docx;
use qualepref::{
    Audit, EcartTarget, EngagementNumber, FicheEcart, Language, NcGrade, Policy, Referentiel,
    Valid, ValidationOptions, Verdict, conclude,
};
use quick_xml::events::Event;

mod common;
use common::toulon;

/// What the body of a DOCX holds, read in order.
#[derive(Debug, Default)]
struct Body {
    /// Each paragraph outside tables: its style and its text.
    paragraphs: Vec<(String, String)>,
    /// Each table: its rows, each a header flag and its cells' texts.
    tables: Vec<Vec<(bool, Vec<String>)>>,
}

/// The text of a character or entity reference.
fn reference(name: &str) -> String {
    match name {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        other => panic!("unknown reference &{other};"),
    }
}

/// Reads `xml` (a `word/document.xml`).
fn body(xml: &str) -> Body {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Body::default();
    let (mut depth, mut style, mut text) = (0_usize, String::new(), String::new());
    let mut row: Option<(bool, Vec<String>)> = None;
    let mut cell: Option<String> = None;
    let mut in_text = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => match e.name().as_ref() {
                b"w:tbl" => {
                    depth += 1;
                    if depth == 1 {
                        out.tables.push(Vec::new());
                    }
                }
                b"w:tr" => row = Some((false, Vec::new())),
                b"w:tc" => cell = Some(String::new()),
                b"w:p" => {
                    style.clear();
                    text.clear();
                    if let Some(c) = cell.as_mut().filter(|c| !c.is_empty()) {
                        c.push('\n');
                    }
                }
                b"w:t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                b"w:pStyle" => {
                    let value = e.try_get_attribute("w:val").unwrap().unwrap();
                    style = String::from_utf8(value.value.to_vec()).unwrap();
                }
                b"w:tblHeader" => {
                    if let Some(r) = row.as_mut() {
                        r.0 = true;
                    }
                }
                b"w:br" => match cell.as_mut() {
                    Some(c) => c.push('\n'),
                    None => text.push('\n'),
                },
                _ => {}
            },
            Event::Text(t) if in_text => {
                let t = t.decode().unwrap();
                match cell.as_mut() {
                    Some(c) => c.push_str(&t),
                    None => text.push_str(&t),
                }
            }
            Event::GeneralRef(r) if in_text => {
                let t = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => reference(&r.decode().unwrap()),
                };
                match cell.as_mut() {
                    Some(c) => c.push_str(&t),
                    None => text.push_str(&t),
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:tbl" => depth -= 1,
                b"w:tc" => {
                    if let (Some(r), Some(c)) = (row.as_mut(), cell.take()) {
                        r.1.push(c);
                    }
                }
                b"w:tr" => {
                    if let (Some(t), Some(r)) = (out.tables.last_mut(), row.take()) {
                        t.push(r);
                    }
                }
                b"w:p" if cell.is_none() => {
                    out.paragraphs.push((style.clone(), text.clone()));
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The parts of the DOCX file `bytes`, by name, each read to its end (which checks its CRC).
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().to_owned(), text)
        })
        .collect()
}

fn docx(audit: &Audit, language: Language) -> Vec<u8> {
    let valid = Valid::new(
        audit,
        Referentiel::qual_e_pref_2019(),
        &ValidationOptions::default(),
    )
    .unwrap();
    render_docx(&valid, &conclude(&valid, &Policy::default(), language))
}

fn document(bytes: &[u8]) -> Body {
    let parts = parts(bytes);
    let (_, xml) = parts
        .iter()
        .find(|(name, _)| name == "word/document.xml")
        .unwrap();
    body(xml)
}

#[test]
fn the_toulon_docx_holds_every_part_every_engagement_row_and_the_avis() {
    let bytes = docx(&toulon(), Language::Fr);
    let names: Vec<String> = parts(&bytes).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/settings.xml",
            "word/header1.xml",
            "word/footer1.xml",
            "docProps/core.xml",
            "docProps/app.xml",
        ]
    );
    let body = document(&bytes);
    // Every engagement of the evaluation, on site with its verdict and remotely with its note.
    let rows: Vec<&Vec<String>> = body
        .tables
        .iter()
        .flatten()
        .filter(|(header, _)| !header)
        .map(|(_, cells)| cells)
        .collect();
    for n in 1..=23 {
        let module = if n <= 20 { 1 } else { 2 };
        let lead = format!("Module {module} {n}. ");
        let on_site: Vec<_> = rows
            .iter()
            .filter(|c| c[0].starts_with(&lead) && c.len() == 3 && c[2] == "C")
            .collect();
        assert_eq!(on_site.len(), 1, "engagement {n}");
    }
    let remote = rows
        .iter()
        .filter(|c| c[0].starts_with("Module 1 ") && c.len() == 3 && c[2] == "Conforme")
        .count();
    assert_eq!(remote, 13);
    let engagement_17 = rows
        .iter()
        .find(|c| c[0].starts_with("Module 1 17. "))
        .unwrap();
    assert!(
        engagement_17[1].starts_with("PP\u{a0}: Le délai de réponse des courriers du BSR"),
        "{engagement_17:?}"
    );
    // The parts are heading styles, in the order of the contents, which list them.
    let headings: Vec<&str> = body
        .paragraphs
        .iter()
        .filter(|(s, _)| s == "Heading1")
        .map(|(_, t)| t.as_str())
        .collect();
    let toc: Vec<&str> = body
        .paragraphs
        .iter()
        .filter(|(s, _)| s == "TOC1")
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(headings[0], "SOMMAIRE DU RAPPORT D'ÉVALUATION");
    assert_eq!(&headings[1..], &toc[..]);
    assert_eq!(toc[0], "1. PAGE DE GARDE");
    assert_eq!(
        body.paragraphs[0],
        ("Title".into(), "RAPPORT D'AUDIT".into())
    );
    // The avis closes the general conclusion.
    let at = body
        .paragraphs
        .iter()
        .position(|(s, t)| s == "Heading3" && t == "AVIS INDICATIF (AUDIT INTERNE)")
        .unwrap();
    assert_eq!(
        body.paragraphs[at + 1],
        ("Outcome".into(), "Avis favorable".into())
    );
    let conclusion = body
        .paragraphs
        .iter()
        .position(|(s, t)| s == "Heading2" && t == "CONCLUSION GÉNÉRALE DE L'AUDIT")
        .unwrap();
    assert!(conclusion < at);
    assert!(!body.paragraphs.iter().any(|(_, t)| t.contains("DÉCISION")));
    // Every table of rows under a header repeats it on each page: the evaluation's tables
    // (12 of them), the récapitulatif, the cover's auditors, the procès-verbal.
    let evaluation: Vec<_> = body
        .tables
        .iter()
        .filter(|t| t[0].1[0] == "Engagements de service" || t[0].1[0] == "Point")
        .collect();
    assert_eq!(evaluation.len(), 12);
    assert!(evaluation.iter().all(|t| t[0].0));
    assert_eq!(body.tables.iter().filter(|t| t[0].0).count(), 16);
    for table in &body.tables {
        let headed = table.iter().filter(|(h, _)| *h).count();
        assert!(headed <= 1, "{table:?}");
        if headed == 1 {
            assert!(table[0].0, "{table:?}");
        }
    }
    // The cover shows every box.
    let cover = rows
        .iter()
        .find(|c| c[0] == "MODULES COUVERTS PAR LE LABEL")
        .unwrap();
    assert_eq!(cover[1].matches('☒').count(), 2, "{cover:?}");
    assert_eq!(cover[1].matches('☐').count(), 6, "{cover:?}");
    // The same report gives the same bytes, and the shared model writes the same file.
    assert_eq!(bytes, docx(&toulon(), Language::Fr));
    let audit = toulon();
    let valid = Valid::new(
        &audit,
        Referentiel::qual_e_pref_2019(),
        &ValidationOptions::default(),
    )
    .unwrap();
    let c = conclude(&valid, &Policy::default(), Language::Fr);
    assert_eq!(Report::new(&valid, &c).docx(), bytes);
}

#[test]
fn a_fiche_is_a_form_with_its_number_and_blanks_to_sign() {
    let mut audit = toulon();
    let n22 = EngagementNumber::new(22).unwrap();
    audit.assessments[21].verdict = Some(Verdict::MajorNonconformity);
    let mut fiche = FicheEcart::new(
        EcartTarget::Engagement(n22),
        NcGrade::Major,
        "Délais <non> tenus & stock\nen hausse.",
    )
    .with_requirement("Délai raisonnable.");
    fiche.number = Some(1);
    fiche.cause = Some("Absences non remplacées.".to_owned());
    audit.ecarts.push(fiche);
    let body = document(&docx(&audit, Language::Fr));
    let at = body
        .paragraphs
        .iter()
        .position(|(s, t)| s == "Heading3" && t == "Fiche d'écart n°1 — NC Maj")
        .unwrap();
    assert!(at > 0);
    let form = body
        .tables
        .iter()
        .find(|t| t.first().is_some_and(|(_, c)| c[0] == "Type d'écart"))
        .unwrap();
    let rows: Vec<(&str, &str)> = form
        .iter()
        .map(|(_, c)| (c[0].as_str(), c[1].as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Type d'écart", "NC Maj"),
            (
                "Engagement ou point concerné",
                "Engagement 22 «\u{a0}Nous nous organisons pour délivrer vos titres dans un délai raisonnable\u{a0}»"
            ),
            ("Constat", "Délais <non> tenus & stock\nen hausse."),
            ("Exigence", "Délai raisonnable."),
            ("Cause", "Absences non remplacées."),
            ("Action proposée par le site audité", "__________"),
            ("Pilote", "__________"),
            (
                "Délai",
                "18/12/2019 (1 mois après la fin de l'audit, règle par défaut de l'outil)"
            ),
            ("Réponse de l'audité", "__________"),
            ("Signature de l'auditeur", "__________"),
            ("Signature du représentant du site audité", "__________"),
        ]
    );
    let en = document(&docx(&audit, Language::En));
    assert!(
        en.paragraphs
            .iter()
            .any(|(s, t)| s == "Heading3" && t == "Nonconformity report no. 1 — NC Maj")
    );
    assert!(
        en.paragraphs
            .iter()
            .any(|(s, t)| s == "Outcome" && t == "Unfavourable")
    );
}
