//! The référentiel: the embedded Qual-e-pref 2019 data and loading a user's own.

#[path = "support/synthetic.rs"]
mod synthetic;
use qualepref::{
    EngagementNumber, Error, Language, ManagementSection, ModuleNumber, Referentiel, RuleCode,
    Severity, samples,
};

const DATA: &str = include_str!("../data/qual-e-pref-2019.json");

#[track_caller]
fn load_err(text: &str) -> String {
    match Referentiel::from_json_str(text) {
        Ok(r) => panic!("expected an error, loaded {}", r.id()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn embedded_equals_what_the_loader_reads_from_the_data_file() {
    let loaded = Referentiel::from_json_str(DATA).unwrap();
    assert_eq!(&loaded, Referentiel::qual_e_pref_2019());
    assert_eq!(Referentiel::qual_e_pref_2019_json(), DATA);
}

#[test]
fn data_file_round_trips_byte_for_byte() {
    let loaded = Referentiel::from_json_str(DATA).unwrap();
    assert_eq!(loaded.to_json_string().unwrap(), DATA);
}

#[test]
fn identity_of_qual_e_pref_2019() {
    let r = Referentiel::qual_e_pref_2019();
    assert_eq!(r.id(), "qual-e-pref-2019");
    assert_eq!(r.name(), "Qual-e-pref");
    assert_eq!(
        r.title(),
        "Référentiel qualité de l'administration territoriale — Engagements et processus pour \
         une meilleure qualité du service aux usagers des préfectures — QUAL-E-PREF"
    );
    assert_eq!(r.date().to_string(), "2018-12-19");
    assert_eq!(
        r.revised().map(|d| d.to_string()).as_deref(),
        Some("2019-02-04")
    );
    assert_eq!(r.publisher(), Some("SG/DMAT/SDAT"));
    // Where each part of the data comes from, and what is not public.
    assert_eq!(r.provenance().len(), 7);
    assert!(r.provenance()[2].starts_with("Engagements 1-23 (numbers, modules, titles)"));
    assert!(r.provenance()[6].starts_with("Modules 3-8: no public list of their engagements"));
}

#[test]
fn modules_one_to_eight_with_only_one_and_two_bundled() {
    let r = Referentiel::qual_e_pref_2019();
    let numbers: Vec<u8> = r.modules().iter().map(|m| m.number.get()).collect();
    assert_eq!(numbers, (1..=8).collect::<Vec<_>>());
    for m in r.modules() {
        assert_eq!(m.bundled, m.number.get() <= 2, "module {}", m.number);
        assert_eq!(m.obligatory, m.number.get() == 1, "module {}", m.number);
        assert_eq!(r.engagements_of(m.number).count() > 0, m.bundled);
    }
    assert_eq!(
        r.modules()[7].title,
        "Polices exercées par la préfecture de police de Paris"
    );
    assert_eq!(
        r.modules()[1].title,
        "Délivrance des titres (hors étrangers)"
    );
}

#[test]
fn engagement_numbers_are_unique_and_continuous() {
    let r = Referentiel::qual_e_pref_2019();
    let numbers: Vec<u16> = r.engagements().iter().map(|e| e.number.get()).collect();
    assert_eq!(numbers, (1..=23).collect::<Vec<_>>());
    assert_eq!(r.engagements_of(ModuleNumber::ONE).count(), 20);
    assert_eq!(r.engagements_of(ModuleNumber::new(2).unwrap()).count(), 3);
}

/// Every engagement title equals, character for character, the title of its first row in the
/// report's section 3.
#[test]
fn engagement_titles_are_those_of_the_toulon_report() {
    let r = Referentiel::qual_e_pref_2019();
    let mut found = 0;
    for e in r.engagements() {
        let prefix = format!("Module {} {}. ", e.module, e.number);
        let row = samples::TOULON_2019_REPORT
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no row for engagement {}", e.number));
        let title = row[prefix.len()..].split('\t').next().unwrap();
        assert_eq!(e.title, title, "engagement {}", e.number);
        found += 1;
    }
    assert_eq!(found, 23);
    let e9 = r.engagement(EngagementNumber::new(9).unwrap()).unwrap();
    assert_eq!(
        e9.title,
        "Nous vous informons de la mise à disposition d'un serveur vocal interactif national « 34 00 » dédié aux démarches sur les titres (hors étrangers)"
    );
}

#[test]
fn channel_groups_of_module_one() {
    let r = Referentiel::qual_e_pref_2019();
    let group_of = |n: u16| {
        r.engagement(EngagementNumber::new(n).unwrap())
            .unwrap()
            .group
            .clone()
    };
    let expected = [
        (1..=4, "dispositions-generales"),
        (5..=7, "accueil-physique"),
        (8..=10, "telephone"),
        (11..=15, "site-internet"),
        (16..=18, "courriers-courriels"),
        (19..=20, "reseaux-sociaux"),
    ];
    for (range, id) in expected {
        for n in range {
            assert_eq!(group_of(n).as_deref(), Some(id), "engagement {n}");
        }
    }
    for n in 21..=23 {
        assert_eq!(group_of(n), None);
    }
    let g = r.group(ModuleNumber::ONE, "reseaux-sociaux").unwrap();
    assert_eq!(g.heading.as_deref(), Some("RESEAU SOCIAUX"));
    assert_eq!(
        r.group(ModuleNumber::ONE, "dispositions-generales")
            .unwrap()
            .heading,
        None
    );
}

#[test]
fn seven_management_items() {
    let r = Referentiel::qual_e_pref_2019();
    let items: Vec<(ManagementSection, u8, &str)> = r
        .management_items()
        .iter()
        .map(|i| (i.section, i.item, i.title.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            (ManagementSection::Pilotage, 1, "Responsabilités"),
            (ManagementSection::Pilotage, 2, "Organisation documentaire"),
            (ManagementSection::Pilotage, 3, "Formation du personnel"),
            (
                ManagementSection::Pilotage,
                4,
                "Implication des collaborateurs"
            ),
            (ManagementSection::Pilotage, 5, "Comité des usagers"),
            (ManagementSection::Labellisation, 1, "Bilans annuels"),
            (
                ManagementSection::Labellisation,
                2,
                "Audits internes ou auto-évaluations"
            ),
        ]
    );
}

const MINIMAL_HEAD: &str =
    r#""id": "r", "name": "R", "title": "Référentiel de test", "date": "2020-01-01""#;

#[test]
fn a_complete_user_referentiel_loads() {
    let text = format!(
        r#"{{{MINIMAL_HEAD}, "modules": [
            {{"number": 1, "title": "Un", "obligatory": true, "bundled": true}},
            {{"number": 3, "title": "Trois", "obligatory": false, "bundled": true}}],
          "engagements": [
            {{"number": 2, "module": 3, "title": "Deux"}},
            {{"number": 1, "module": 1, "title": "Un"}}]}}"#
    );
    let r = Referentiel::from_json_str(&text).unwrap();
    assert_eq!(r.engagements()[0].title, "Un");
    assert_eq!(
        r.engagement(EngagementNumber::new(2).unwrap())
            .unwrap()
            .module
            .get(),
        3
    );
    assert!(r.management_items().is_empty());
}

/// The problems of a référentiel that does not load, as `path: [code] severity: message` in
/// English (the French texts have their own test).
#[track_caller]
fn problems(text: &str) -> Vec<String> {
    problems_in(text, Language::En)
}

/// The problems of a référentiel that does not load, as their lines in `language`.
#[track_caller]
fn problems_in(text: &str, language: Language) -> Vec<String> {
    match Referentiel::from_json_str(text) {
        Ok(r) => panic!("expected an error, loaded {}", r.id()),
        Err(Error::InvalidReferentiel { report }) => {
            assert!(
                report
                    .diagnostics()
                    .iter()
                    .all(|d| d.severity == Severity::Error)
            );
            report
                .diagnostics()
                .iter()
                .map(|d| d.to_string_in(language))
                .collect()
        }
        Err(e) => panic!("expected InvalidReferentiel, got {e}"),
    }
}

/// The codes of the problems of a référentiel that does not load.
#[track_caller]
fn problem_codes(text: &str) -> Vec<RuleCode> {
    match Referentiel::from_json_str(text) {
        Err(Error::InvalidReferentiel { report }) => {
            report.diagnostics().iter().map(|d| d.code).collect()
        }
        other => panic!("expected InvalidReferentiel, got {other:?}"),
    }
}

#[test]
fn malformed_referentiels_list_every_problem() {
    let text = format!(
        r#"{{{MINIMAL_HEAD}, "modules": [
            {{"number": 1, "title": "Un", "obligatory": true, "bundled": true}},
            {{"number": 1, "title": "Encore un", "obligatory": false, "bundled": true}},
            {{"number": 2, "title": "Deux", "obligatory": false, "bundled": false}}],
          "engagements": [
            {{"number": 1, "module": 1, "title": "Un"}},
            {{"number": 1, "module": 1, "title": "Doublon"}},
            {{"number": 3, "module": 4, "title": "Module inconnu"}},
            {{"number": 4, "module": 2, "title": "Module non fourni"}},
            {{"number": 5, "module": 1, "group": "nulle-part", "title": " "}}],
          "management": [{{"section": "pilotage", "item": 1, "title": ""}}]}}"#
    );
    assert_eq!(
        load_err(&text),
        "invalid référentiel: 7 problems\n\
         modules[1].number: [duplicate-module-number] error: module 1 is listed twice\n\
         engagements[1].number: [duplicate-engagement-number] error: engagement 1 is listed twice\n\
         engagements[2].module: [engagement-in-unknown-module] error: engagement 3 belongs to \
         module 4, which the référentiel does not list\n\
         engagements[3].module: [engagement-in-not-bundled-module] error: engagement 4 belongs \
         to module 2, which is marked as not bundled\n\
         engagements[4].title: [empty-title] error: engagement 5 has an empty title\n\
         engagements[4].group: [unknown-group] error: engagement 5: group \"nulle-part\" is not \
         a group of module 1\n\
         management[0].title: [empty-title] error: management item pilotage 1 has an empty title"
    );
    assert_eq!(
        problem_codes(&text),
        [
            RuleCode::DuplicateModuleNumber,
            RuleCode::DuplicateEngagementNumber,
            RuleCode::EngagementInUnknownModule,
            RuleCode::EngagementInNotBundledModule,
            RuleCode::EmptyTitle,
            RuleCode::UnknownGroup,
            RuleCode::EmptyTitle,
        ]
    );
}

#[test]
fn one_problem_is_displayed_on_the_line_after_the_count() {
    let text = format!(
        r#"{{{MINIMAL_HEAD}, "modules": [
            {{"number": 1, "title": "", "obligatory": true, "bundled": false}}]}}"#
    );
    assert_eq!(
        load_err(&text),
        "invalid référentiel: 1 problem\n\
         modules[0].title: [empty-title] error: module 1 has an empty title"
    );
}

/// The problems of a référentiel file are written in French too (the `message`, `Display`),
/// typeset, their values quoted verbatim and dates as reports print them; the error itself
/// stays English, as every error.
#[test]
fn problems_in_french() {
    let text = r#"{"format": "qualepref-referentiel/2", "id": " ", "name": "X", "title": "X",
        "date": "2020-01-01", "revised": "2019-12-31",
        "modules": [{"number": 1, "title": "", "obligatory": true, "bundled": true,
                     "groups": [{"id": "telephone", "title": "Téléphone"},
                                {"id": "telephone", "title": "Téléphone"}]}],
        "engagements": [{"number": 1, "module": 1, "group": "courriels", "title": "Titre\u001b"}]}"#;
    assert_eq!(
        problems_in(text, Language::Fr),
        [
            "format\u{a0}: [unsupported-format] erreur\u{a0}: le format «\u{a0}qualepref-referentiel/2\u{a0}» \
             n'est pas pris en charge (attendu\u{a0}: «\u{a0}qualepref-referentiel/1\u{a0}»)",
            "id\u{a0}: [empty-referentiel-field] erreur\u{a0}: le champ id du référentiel est vide",
            "revised\u{a0}: [revised-before-date] erreur\u{a0}: la date de révision, le 31/12/2019, \
             précède la date du référentiel, le 01/01/2020",
            "modules[0].title\u{a0}: [empty-title] erreur\u{a0}: le titre du module 1 est vide",
            "modules[0].groups[1].id\u{a0}: [duplicate-group] erreur\u{a0}: module 1\u{a0}: le groupe \
             «\u{a0}telephone\u{a0}» figure deux fois",
            "engagements[0].group\u{a0}: [unknown-group] erreur\u{a0}: engagement 1\u{a0}: le groupe \
             «\u{a0}courriels\u{a0}» n'est pas un groupe du module 1",
            "engagements[0].title\u{a0}: [control-character] erreur\u{a0}: le texte contient le \
             caractère de contrôle U+001B en position 6\u{202f}; seuls la tabulation et les retours \
             à la ligne sont admis",
        ]
    );
    let err = load_err(text);
    assert!(
        err.starts_with("invalid référentiel: 7 problems\nformat: [unsupported-format] error: "),
        "{err}"
    );
    assert!(!err.contains("erreur"), "{err}");
}

#[test]
fn problems_of_the_identity_and_format() {
    let text = r#"{"format": "qualepref-referentiel/2", "id": " ", "name": "", "title": "X",
        "date": "2020-01-01", "revised": "2019-12-31", "modules": []}"#;
    assert_eq!(
        problems(text),
        [
            "format: [unsupported-format] error: format \"qualepref-referentiel/2\" is not \
             supported (expected \"qualepref-referentiel/1\")",
            "id: [empty-referentiel-field] error: the référentiel's id is empty",
            "name: [empty-referentiel-field] error: the référentiel's name is empty",
            "revised: [revised-before-date] error: revision date 2019-12-31 is before the \
             référentiel's date 2020-01-01",
            "modules: [no-module] error: the référentiel has no module",
        ]
    );
    assert_eq!(
        problem_codes(text),
        [
            RuleCode::UnsupportedFormat,
            RuleCode::EmptyReferentielField,
            RuleCode::EmptyReferentielField,
            RuleCode::RevisedBeforeDate,
            RuleCode::NoModule,
        ]
    );
}

#[test]
fn problems_of_groups_modules_and_management_items() {
    let text = format!(
        r#"{{{MINIMAL_HEAD}, "modules": [
            {{"number": 1, "title": "Un", "obligatory": true, "bundled": true, "groups": [
                {{"id": "telephone", "title": "Téléphone"}},
                {{"id": "", "title": " "}},
                {{"id": "telephone", "title": "Encore"}}]}},
            {{"number": 2, "title": "Deux", "obligatory": false, "bundled": true}}],
          "engagements": [{{"number": 1, "module": 1, "group": "telephone", "title": "Un"}}],
          "management": [
            {{"section": "pilotage", "item": 0, "title": "Zéro"}},
            {{"section": "labellisation", "item": 1, "title": "Bilans"}},
            {{"section": "labellisation", "item": 1, "title": "Encore"}}]}}"#
    );
    assert_eq!(
        problems(&text),
        [
            "modules[0].groups[1].id: [empty-group-id] error: module 1: group 2 has an empty id",
            "modules[0].groups[1].title: [empty-title] error: module 1: group 2 has an empty \
             title",
            "modules[0].groups[2].id: [duplicate-group] error: module 1: group \"telephone\" is \
             listed twice",
            "modules[1].bundled: [bundled-module-without-engagements] error: module 2 is marked \
             as bundled but lists no engagement",
            "management[0].item: [management-item-zero] error: management item 0 in section \
             pilotage",
            "management[2].item: [duplicate-management-item-number] error: management item \
             labellisation 1 is listed twice",
        ]
    );
    assert_eq!(
        problem_codes(&text),
        [
            RuleCode::EmptyGroupId,
            RuleCode::EmptyTitle,
            RuleCode::DuplicateGroup,
            RuleCode::BundledModuleWithoutEngagements,
            RuleCode::ManagementItemZero,
            RuleCode::DuplicateManagementItemNumber,
        ]
    );
}

/// The edges of two checks: a revision on the référentiel's own date, and a group that is the
/// only one of its module, load; a group its module does not list is refused even when the
/// module has others.
#[test]
fn a_revision_on_the_same_day_and_a_module_s_only_group_load() {
    let text = r#"{"id": "r", "name": "R", "title": "Référentiel de test", "date": "2020-01-01",
          "revised": "2020-01-01", "modules": [
            {"number": 1, "title": "Un", "obligatory": true, "bundled": true, "groups": [
                {"id": "telephone", "title": "Téléphone"}]}],
          "engagements": [{"number": 1, "module": 1, "group": "telephone", "title": "Un"}]}"#
        .to_owned();
    let r = Referentiel::from_json_str(&text).unwrap();
    assert_eq!(r.revised(), Some(r.date()));
    let text = text
        .replace(
            r#"{"id": "telephone", "title": "Téléphone"}]"#,
            r#"{"id": "telephone", "title": "Téléphone"}, {"id": "internet", "title": "Internet"}]"#,
        )
        .replace(r#""group": "telephone""#, r#""group": "courriels""#);
    assert_eq!(
        problems(&text),
        [
            "engagements[0].group: [unknown-group] error: engagement 1: group \"courriels\" is not \
          a group of module 1"
        ]
    );
}

#[test]
fn out_of_range_numbers_and_syntax_errors_give_positions() {
    let text = format!(
        "{{{MINIMAL_HEAD},\n\"modules\": [{{\"number\": 9, \"title\": \"Neuf\", \"obligatory\": false, \"bundled\": false}}]}}"
    );
    let err = Referentiel::from_json_str(&text).unwrap_err();
    assert!(
        err.to_string()
            .contains("invalid module number \"9\": a module number is between 1 and 8"),
        "{err}"
    );
    assert_eq!(err.position().map(|p| p.0), Some(2));

    let err = Referentiel::from_json_str("{\"id\": \"x\",\n  \"name\": }").unwrap_err();
    assert_eq!(err.position(), Some((2, 11)));
    assert!(matches!(
        err,
        Error::Parse {
            what: "référentiel",
            ..
        }
    ));
}

#[test]
fn unknown_fields_are_refused() {
    let message = load_err(&DATA.replacen("\"publisher\"", "\"publsher\"", 1));
    assert!(message.contains("unknown field `publsher`"), "{message}");
}

#[test]
fn from_path_names_the_file() {
    let dir = std::env::temp_dir().join(format!("qualepref-ref-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.json");
    std::fs::write(&path, "{ nope").unwrap();
    let message = Referentiel::from_path(&path).unwrap_err().to_string();
    assert!(
        message.starts_with(&format!(
            "{}: malformed référentiel JSON at line 1, column 3",
            path.display()
        )),
        "{message}"
    );
    let missing = Referentiel::from_path(dir.join("missing.json"))
        .unwrap_err()
        .to_string();
    assert!(missing.starts_with("cannot read "), "{missing}");
    assert!(
        missing.ends_with("missing.json: No such file or directory"),
        "{missing}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn synthetic_complete_referentiel_has_eighty_engagements() {
    let r = synthetic::synthetic_referentiel().unwrap();
    assert_eq!(r.engagements().len(), 80);
    assert!(r.modules().iter().all(|m| m.bundled));
}

/// The modules' headings are those of the report's section 3 (`MODULE N - …`), character for
/// character, after the prefix the report writes itself.
#[test]
fn module_headings_are_those_of_the_toulon_report() {
    let r = Referentiel::qual_e_pref_2019();
    let headings: Vec<&str> = samples::TOULON_2019_REPORT
        .lines()
        .filter(|l| l.starts_with("MODULE ") && l.contains(" - "))
        .collect();
    assert_eq!(
        headings,
        [
            "MODULE 1 - OBLIGATOIRE : RELATION GENERALE AVEC LES USAGERS",
            "MODULE 2 - DELIVRANCE DE TITRES (HORS TITRES ETRANGERS)",
        ]
    );
    for (module, heading) in r.modules().iter().zip(&headings) {
        assert!(
            heading.ends_with(&format!(" {}", module.heading_title())),
            "{heading} / {}",
            module.heading_title()
        );
    }
    // Without a heading, the title in capitals, accents kept.
    let three = &r.modules()[2];
    assert_eq!(three.heading, None);
    assert_eq!(three.heading_title(), "DÉLIVRANCE DE TITRES ÉTRANGERS");
}

#[test]
fn an_empty_module_heading_is_a_problem() {
    let text = format!(
        r#"{{{MINIMAL_HEAD}, "modules": [
            {{"number": 1, "title": "Un", "obligatory": true, "bundled": false, "heading": " "}}]}}"#
    );
    assert_eq!(
        load_err(&text),
        "invalid référentiel: 1 problem\n\
         modules[0].heading: [empty-title] error: module 1 has an empty heading"
    );
    let fine = text.replace(r#""heading": " ""#, r#""heading": "UN""#);
    assert!(Referentiel::from_json_str(&fine).is_ok());
}

/// Every string of a référentiel file, with its path in the diagnostics' form
/// (`modules[0].groups[1].title`).
fn strings(value: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(_) => out.push(path.to_owned()),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, &format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, item) in fields {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                strings(item, &path, out);
            }
        }
        _ => {}
    }
}

/// The value at `path` (in the diagnostics' form) of a référentiel file.
fn at_path<'a>(value: &'a mut serde_json::Value, path: &str) -> &'a mut serde_json::Value {
    let mut pointer = String::new();
    for part in path.split('.').flat_map(|part| part.split('[')) {
        pointer.push('/');
        pointer.push_str(part.trim_end_matches(']'));
    }
    value.pointer_mut(&pointer).unwrap()
}

#[test]
fn a_control_character_in_any_text_of_the_file_is_refused_with_its_path() {
    let mut data: serde_json::Value = serde_json::from_str(DATA).unwrap();
    // The optional texts the bundled file lacks: a group's heading.
    data["modules"][0]["groups"][0]["heading"] = "ACCUEIL PHYSIQUE".into();
    let mut paths = Vec::new();
    strings(&data, "", &mut paths);
    // Dates are read as dates and sections as names, not kept as texts.
    paths.retain(|p| p != "date" && p != "revised" && !p.ends_with(".section"));
    // Every kind of text is reached, optional ones included.
    for kind in [
        "format",
        "id",
        "name",
        "title",
        "publisher",
        "provenance[0]",
        "modules[0].title",
        "modules[0].heading",
        "modules[0].groups[0].id",
        "modules[0].groups[0].title",
        "modules[0].groups[0].heading",
        "engagements[0].group",
        "engagements[0].title",
        "management[0].title",
    ] {
        assert!(paths.iter().any(|p| p == kind), "{kind} not in the file");
    }
    for path in &paths {
        for (text, code) in [
            ("\u{1b}]0;x\u{7}", 0x1b),
            ("a\rb", 0x0d),
            ("\u{9b}2J", 0x9b),
        ] {
            let mut bad = data.clone();
            let slot = at_path(&mut bad, path);
            let original = slot.as_str().unwrap().to_owned();
            *slot = format!("{original}{text}").into();
            let at = original.chars().count()
                + text.chars().position(|c| u32::from(c) == code).unwrap()
                + 1;
            let expected = format!(
                "{path}: [control-character] error: the text holds the control character \
                 U+{code:04X} at character {at}; only tab and line breaks are allowed"
            );
            let found = problems(&bad.to_string());
            assert!(found.contains(&expected), "{path}: {found:#?}");
        }
    }
    // Tab and line breaks stay allowed.
    let mut fine = data.clone();
    *at_path(&mut fine, "engagements[0].title") = "Ligne\tune\nligne deux\r\n".into();
    assert!(Referentiel::from_json_str(&fine.to_string()).is_ok());
}
