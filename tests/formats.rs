//! YAML and TOML: round trips of the bundled data, format dispatch, error positions, limits.
#![cfg(all(feature = "yaml", feature = "toml"))]

#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::Path;

use qualepref::{Audit, Error, Format, Interchange, MAX_INPUT_BYTES, Referentiel, samples};

#[track_caller]
fn toulon() -> Audit {
    match Audit::from_json_str(samples::TOULON_2019_JSON) {
        Ok(audit) => audit,
        Err(e) => panic!("the bundled audit loads: {e}"),
    }
}

#[track_caller]
fn ok<T, E: std::fmt::Display>(result: Result<T, E>) -> T {
    match result {
        Ok(value) => value,
        Err(e) => panic!("{e}"),
    }
}

#[track_caller]
fn err<T: std::fmt::Debug>(result: Result<T, Error>) -> Error {
    match result {
        Ok(value) => panic!("expected an error, got {value:?}"),
        Err(e) => e,
    }
}

#[test]
fn toulon_round_trips_through_every_format() {
    let audit = toulon();
    for &format in Format::ALL {
        let text = ok(audit.to_string_in(format));
        let back = ok(Audit::from_str_in(&text, format));
        assert_eq!(back, audit, "{format}");
        // The text is stable: writing what was read gives the same text.
        assert_eq!(ok(back.to_string_in(format)), text, "{format}");
    }
}

#[test]
fn embedded_referentiel_round_trips_through_every_format() {
    let referentiel = Referentiel::qual_e_pref_2019();
    for &format in Format::ALL {
        let text = ok(referentiel.to_string_in(format));
        let back = ok(Referentiel::from_str_in(&text, format));
        assert_eq!(&back, referentiel, "{format}");
        assert_eq!(ok(back.to_string_in(format)), text, "{format}");
    }
}

#[test]
fn synthetic_data_round_trips_through_yaml_and_toml() {
    let referentiel = ok(synthetic::synthetic_referentiel());
    let audit = ok(synthetic::synthetic_audit(&referentiel));
    assert_eq!(
        ok(Audit::from_str_in(
            &ok(audit.to_string_in(Format::Yaml)),
            Format::Yaml
        )),
        audit
    );
    assert_eq!(
        ok(Audit::from_str_in(
            &ok(audit.to_string_in(Format::Toml)),
            Format::Toml
        )),
        audit
    );
    let yaml = ok(referentiel.to_string_in(Format::Yaml));
    assert_eq!(
        ok(Referentiel::from_str_in(&yaml, Format::Yaml)),
        referentiel
    );
    let toml = ok(referentiel.to_string_in(Format::Toml));
    assert_eq!(
        ok(Referentiel::from_str_in(&toml, Format::Toml)),
        referentiel
    );
}

#[test]
fn yaml_uses_the_json_field_names_and_codes() {
    let yaml = ok(toulon().to_string_in(Format::Yaml));
    assert!(
        yaml.starts_with("referentiel:\n  id: qual-e-pref-2019\n"),
        "{yaml}"
    );
    assert!(yaml.contains("  departement: \"83\"\n"), "{yaml}");
    assert!(yaml.contains("  verdict: C\n"), "{yaml}");
    let toml = ok(toulon().to_string_in(Format::Toml));
    assert!(toml.contains("departement = \"83\"\n"), "{toml}");
    assert!(toml.contains("[[assessments]]\n"), "{toml}");
}

#[test]
fn hand_written_yaml_with_lenient_codes_loads() {
    let yaml = "\
referentiel: { id: qual-e-pref-2019 }
site: { administration: prefecture, departement: 2a, city: AJACCIO }
kind: { type: initial, internal: true }
dates: { start: 2020-01-06, end: 2020-01-07 }
modules: [1]
assessments:
  - { engagement: 1, module: 1, verdict: nc maj }
  - engagement: 2
    module: 1
    verdict: Conforme
    observations:
      - kind: pp
        text: Afficher les horaires
";
    let audit = ok(Audit::from_str_in(yaml, Format::Yaml));
    assert_eq!(audit.site.departement.as_str(), "2A");
    assert_eq!(audit.assessments.len(), 2);
    let canonical = ok(audit.to_string_in(Format::Yaml));
    assert!(canonical.contains("verdict: NC Maj\n"), "{canonical}");
    assert!(canonical.contains("kind: PP\n"), "{canonical}");
}

#[test]
fn texts_made_of_line_breaks_and_spaces_round_trip() {
    let mut audit = toulon();
    let texts = [
        "\n", "\n\n", " \n", "a\n", "\na", "x\n\n", "  ", "\t", "\r\n",
    ];
    for (assessment, text) in audit.assessments.iter_mut().zip(texts) {
        assessment.comment = Some(text.to_owned());
    }
    for &format in Format::ALL {
        let text = ok(audit.to_string_in(format));
        assert_eq!(
            ok(Audit::from_str_in(&text, format)),
            audit,
            "{format}:\n{text}"
        );
    }
}

#[test]
fn yaml_errors_give_line_and_column() {
    let e = err(Audit::from_str_in(
        "referentiel:\n  id: x\nsite: 12\n",
        Format::Yaml,
    ));
    assert_eq!(e.position(), Some((3, 7)));
    let text = ok(toulon().to_string_in(Format::Yaml)).replacen("verdict: C\n", "verdict: X\n", 1);
    let line = text
        .lines()
        .position(|l| l.trim() == "verdict: X")
        .map(|i| i + 1);
    let e = err(Audit::from_str_in(&text, Format::Yaml));
    assert_eq!(e.position().map(|p| p.0), line);
    assert_eq!(
        e.to_string(),
        format!(
            "malformed audit YAML at line {}, column 12 (assessments[0].verdict): unknown verdict \"X\" (expected one of C, NA, NC min, NC Maj)",
            line.unwrap_or_default()
        )
    );
    let e = err(Audit::from_str_in("modules: [1, 9\n", Format::Yaml));
    assert!(e.position().is_some(), "{e}");
    assert!(
        e.to_string().starts_with("malformed audit YAML at line "),
        "{e}"
    );
}

#[test]
fn toml_errors_give_line_and_column() {
    let e = err(Audit::from_str_in("modules = [1, 9]\n", Format::Toml));
    assert_eq!(e.position(), Some((1, 11)));
    assert_eq!(
        e.to_string(),
        "malformed audit TOML at line 1, column 11 (modules[1]): invalid module number \"9\": a module number is between 1 and 8"
    );
    let e = err(Audit::from_str_in("[site]\ncity = \"é\" x\n", Format::Toml));
    assert_eq!(e.position().map(|p| p.0), Some(2));
    let e = err(Referentiel::from_str_in(
        "id = \"x\"\nname = 3\n",
        Format::Toml,
    ));
    assert_eq!(e.position(), Some((2, 8)));
    assert!(
        e.to_string()
            .starts_with("malformed référentiel TOML at line 2, column 8 (name): ")
    );
}

#[test]
fn toml_dates_are_strings() {
    let toml = ok(toulon().to_string_in(Format::Toml));
    assert!(toml.contains("start = \"2019-11-18\"\n"), "{toml}");
    // A TOML date value is refused, with its position.
    let native = toml.replace("start = \"2019-11-18\"", "start = 2019-11-18");
    let e = err(Audit::from_str_in(&native, Format::Toml));
    assert!(e.position().is_some());
    assert_eq!(
        e.to_string(),
        "malformed audit TOML at line 22, column 9 (dates.start): a date is written as a quoted \
         text, \"YYYY-MM-DD\" (in TOML: start = \"2019-11-18\", not start = 2019-11-18)"
    );
    assert_eq!(e.code(), qualepref::ErrorCode::NotADate);
}

/// Every parse error carries a stable code and the path of the value it is about, the same in
/// every format; no message shows a Rust type, a library's option or advice to call a function.
#[test]
fn parse_errors_carry_a_code_and_a_path_in_every_format() {
    use qualepref::ErrorCode as C;
    let base = toulon();
    for format in Format::ALL {
        let text = ok(base.to_string_in(*format));
        let (verdict, city, module, no_city) = match format {
            Format::Json => (
                ("\"verdict\": \"C\"", "\"verdict\": \"CC\""),
                ("\"city\": \"TOULON\"", "\"city\": null"),
                ("\"module\": 1", "\"module\": \"un\""),
                (",\n    \"city\": \"TOULON\"", ""),
            ),
            Format::Yaml => (
                ("verdict: C\n", "verdict: CC\n"),
                ("city: TOULON", "city: null"),
                ("module: 1\n", "module: un\n"),
                ("\n  city: TOULON", ""),
            ),
            _ => (
                ("verdict = \"C\"", "verdict = \"CC\""),
                ("city = \"TOULON\"", "city = 12"),
                ("module = 1\n", "module = \"un\"\n"),
                ("\ncity = \"TOULON\"", ""),
            ),
        };
        for ((from, to), code, path) in [
            (verdict, C::UnknownCode, "assessments[0].verdict"),
            (city, C::WrongType, "site.city"),
            (module, C::WrongType, "assessments[0].module"),
            (no_city, C::MissingField, "site.city"),
        ] {
            let broken = text.replacen(from, to, 1);
            assert_ne!(broken, text, "{format}: {from}");
            let e = err(Audit::from_str_in(&broken, *format));
            assert_eq!(
                (e.code(), e.path().as_deref()),
                (code, Some(path)),
                "{format}: {e}"
            );
            let message = e.to_string();
            for internal in [
                "struct ",
                "u8",
                "u64",
                "Option<",
                "use from_",
                "Policy",
                "i128",
                "\\u{",
            ] {
                assert!(!message.contains(internal), "{format}: {message}");
            }
        }
        let e = err(Audit::from_str_in("{[", *format));
        assert_eq!(e.code(), C::Syntax, "{format}: {e}");
    }
}

#[test]
fn broken_referentiel_invariants_are_listed_in_yaml_too() {
    let yaml = "\
id: x
name: X
title: X
date: 2020-01-01
modules:
  - { number: 1, title: '', obligatory: true, bundled: false }
";
    let e = err(Referentiel::from_str_in(yaml, Format::Yaml));
    assert!(e.to_string().contains("module 1 has an empty title"), "{e}");
}

#[test]
fn alias_bombs_are_refused() {
    let mut yaml = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut previous = 'a';
    for name in 'b'..='k' {
        let aliases = vec![format!("*{previous}"); 10].join(", ");
        yaml.push_str(
            &[
                name.to_string(),
                ": &".into(),
                name.to_string(),
                " [".into(),
            ]
            .concat(),
        );
        yaml.push_str(&aliases);
        yaml.push_str("]\n");
        previous = name;
    }
    let e = err(Audit::from_str_in(&yaml, Format::Yaml));
    assert!(
        matches!(
            e,
            Error::Parse {
                format: Format::Yaml,
                ..
            }
        ),
        "{e}"
    );
}

#[test]
fn oversized_inputs_are_refused_before_parsing() {
    let big = " ".repeat(usize::try_from(MAX_INPUT_BYTES).unwrap_or(usize::MAX) + 1);
    assert!(matches!(
        Audit::from_str_in(&big, Format::Yaml),
        Err(Error::TooLarge { .. })
    ));
    assert!(matches!(
        Audit::from_str_in(&big, Format::Toml),
        Err(Error::TooLarge { .. })
    ));
    assert!(matches!(
        Referentiel::from_str_in(&big, Format::Yaml),
        Err(Error::TooLarge { .. })
    ));
    assert!(matches!(
        Referentiel::from_str_in(&big, Format::Toml),
        Err(Error::TooLarge { .. })
    ));
}

/// A file's size is checked before it is read: one above the limit is refused with its own size,
/// one of exactly the limit is read (and then refused as JSON without a value: it is all NUL).
#[test]
fn a_file_is_refused_by_its_size_above_the_limit_only() {
    let dir = std::env::temp_dir().join(format!("qualepref-formats-size-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("sparse.json");
    for (size, refused) in [(MAX_INPUT_BYTES + 1000, true), (MAX_INPUT_BYTES, false)] {
        // A sparse file: nothing is written.
        std::fs::File::create(&path).unwrap().set_len(size).unwrap();
        let e = err(Audit::from_path_in(&path, Some(Format::Json)));
        match e.innermost() {
            Error::TooLarge { size: said, limit } => {
                assert!(refused, "a file of exactly the limit refused: {e}");
                assert_eq!((*said, *limit), (size, MAX_INPUT_BYTES));
            }
            Error::Parse { .. } => assert!(!refused, "{e}"),
            _ => panic!("{e}"),
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
    // A source without a size (a device, a pipe) is read up to one byte past the limit.
    #[cfg(unix)]
    {
        let e = err(Audit::from_path_in("/dev/zero", Some(Format::Json)));
        assert!(
            matches!(e.innermost(), Error::TooLarge { size, .. } if *size == MAX_INPUT_BYTES + 1),
            "{e}"
        );
    }
}

/// An optional date (a signature's, a due date) reads as a plain string from deserializers that
/// give no option marker (serde's value deserializers, as configuration loaders use), says
/// what it expects when given another type, and reads `null` as no date.
#[test]
fn an_optional_date_reads_from_a_plain_string_null_or_nothing() {
    use serde::Deserialize as _;
    use serde::de::value::{Error as ValueError, MapDeserializer};
    let auditor = |pairs: Vec<(&'static str, &'static str)>| {
        qualepref::Auditor::deserialize(MapDeserializer::<_, ValueError>::new(pairs.into_iter()))
    };
    let read = auditor(vec![("name", "Jeanne Martin"), ("signed_on", "2019-11-20")]).unwrap();
    assert_eq!(read.signed_on, "2019-11-20".parse().ok());
    let e = auditor(vec![("name", "Jeanne Martin"), ("signed_on", "20/11/2019")]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid date \"20/11/2019\": expected a date yyyy-mm-dd"
    );
    let e = qualepref::Auditor::deserialize(MapDeserializer::<_, ValueError>::new(
        vec![("signed_on", 5_u32)].into_iter(),
    ))
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid type: integer `5`, expected a date yyyy-mm-dd"
    );
    let e =
        serde_json::from_str::<qualepref::Auditor>(r#"{"name": "J", "signed_on": 5}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid type: integer `5`, expected a date yyyy-mm-dd at line 1 column 28"
    );
    for json in [r#"{"name": "J", "signed_on": null}"#, r#"{"name": "J"}"#] {
        let read = serde_json::from_str::<qualepref::Auditor>(json).unwrap();
        assert_eq!(read.signed_on, None);
    }
}

#[test]
fn format_from_path_and_name() {
    for (path, format) in [
        ("a.json", Some(Format::Json)),
        ("a.JSON", Some(Format::Json)),
        ("dir.d/a.yaml", Some(Format::Yaml)),
        ("a.yml", Some(Format::Yaml)),
        ("a.toml", Some(Format::Toml)),
        ("a.txt", None),
        ("yaml", None),
        ("-", None),
    ] {
        assert_eq!(Format::from_path(path), format, "{path}");
    }
    assert_eq!(ok("YML".parse::<Format>()), Format::Yaml);
    assert_eq!(
        err("xml".parse::<Format>()).to_string(),
        "unknown format \"xml\" (expected one of json, yaml, toml)"
    );
    let names: Vec<String> = Format::ALL.iter().map(ToString::to_string).collect();
    assert_eq!(names, ["json", "yaml", "toml"]);
}

#[test]
fn loaders_pick_the_format_from_the_extension_and_name_the_file() {
    let dir = std::env::temp_dir().join(format!("qualepref-formats-{}", std::process::id()));
    ok(std::fs::create_dir_all(&dir).map_err(|e| e.to_string()));
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        ok(std::fs::write(&path, text).map_err(|e| e.to_string()));
        path
    };
    let audit = toulon();
    let yaml = write("toulon.yaml", &ok(audit.to_string_in(Format::Yaml)));
    let toml = write("toulon.toml", &ok(audit.to_string_in(Format::Toml)));
    let json = write("toulon.txt", samples::TOULON_2019_JSON);
    assert_eq!(ok(Audit::from_path_in(&yaml, None)), audit);
    assert_eq!(ok(Audit::from_path_in(&toml, None)), audit);
    assert_eq!(ok(Audit::from_path_in(&json, None)), audit);
    assert_eq!(ok(Audit::from_path_in(&yaml, Some(Format::Yaml))), audit);

    let r = Referentiel::qual_e_pref_2019();
    let ryaml = write("r.yml", &ok(r.to_string_in(Format::Yaml)));
    assert_eq!(&ok(Referentiel::from_path_in(&ryaml, None)), r);

    let broken = write("broken.yaml", "site: [\n");
    let e = err(Audit::from_path_in(&broken, None));
    let text = e.to_string();
    assert!(
        text.starts_with(&format!(
            "{}: malformed audit YAML at line ",
            broken.display()
        )),
        "{text}"
    );
    assert!(e.position().is_some());
    // The extension decides unless a format is given.
    let e = err(Audit::from_path_in(&yaml, Some(Format::Json)));
    assert!(
        e.to_string().contains("malformed audit JSON at line 1"),
        "{e}"
    );
    let missing = dir.join("missing.toml");
    assert!(matches!(
        Audit::from_path_in(&missing, None),
        Err(Error::Io { .. })
    ));
    let _ = std::fs::remove_dir_all(Path::new(&dir));
}

mod properties {
    use proptest::prelude::*;
    use qualepref::{
        Audit, Format, Interchange, Observation, ObservationKind, Referentiel, Verdict, samples,
    };

    fn verdict() -> impl Strategy<Value = Option<Verdict>> {
        prop_oneof![
            Just(None),
            Just(Some(Verdict::Conformity)),
            Just(Some(Verdict::NotApplicable)),
            Just(Some(Verdict::MinorNonconformity)),
            Just(Some(Verdict::MajorNonconformity)),
        ]
    }

    /// Texts that YAML and TOML writers must quote or escape: keywords, numbers, dates,
    /// indicators, leading and trailing spaces, line breaks, control characters, non-ASCII.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[ -~\\n\\t\u{e9}\u{ab}\u{bb}\u{2019}]{0,40}",
            prop::sample::select(vec![
                "",
                "yes",
                "No",
                "null",
                "~",
                "true",
                "1",
                "0x1F",
                "1e3",
                ".inf",
                "2019-11-18",
                "- x",
                "? x",
                ": x",
                "# x",
                "&a",
                "*a",
                "!tag",
                "|",
                ">",
                "'",
                "\"",
                "%YAML",
                "---",
                "...",
                " lead",
                "trail ",
                "a: b",
                "a #b",
                "\u{feff}x",
                "\r\n",
            ])
            .prop_map(str::to_owned),
        ]
    }

    /// The Toulon audit in `format` with `insert` put at character `at` and the text cut at
    /// character `cut`: mostly broken documents.
    fn mangled(format: Format, at: usize, insert: &str, cut: usize) -> String {
        let audit = Audit::from_json_str(samples::TOULON_2019_JSON).ok();
        let text = audit
            .and_then(|a| a.to_string_in(format).ok())
            .unwrap_or_default();
        let chars: Vec<char> = text.chars().collect();
        let at = at % (chars.len() + 1);
        let mut out: String = chars.iter().take(at).collect();
        out.push_str(insert);
        out.extend(chars.iter().skip(at));
        out.chars().take(cut).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_input_gives_a_value_or_an_error_never_a_panic(
            at in any::<usize>(),
            insert in text(),
            cut in any::<usize>(),
            raw in any::<String>(),
        ) {
            for &format in Format::ALL {
                let text = mangled(format, at, &insert, cut);
                let _ = Audit::from_str_in(&text, format);
                let _ = Referentiel::from_str_in(&text, format);
                let _ = Audit::from_str_in(&raw, format);
                if let Err(e) = Referentiel::from_str_in(&raw, format) {
                    prop_assert!(!e.to_string().is_empty());
                }
            }
        }

        #[test]
        fn edited_audits_round_trip_through_every_format(
            edits in prop::collection::vec((verdict(), prop::option::of(text()), text()), 23),
        ) {
            let mut audit = Audit::from_json_str(samples::TOULON_2019_JSON)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            for (assessment, (verdict, comment, observation)) in
                audit.assessments.iter_mut().zip(edits)
            {
                assessment.verdict = verdict;
                assessment.comment = comment;
                assessment
                    .observations
                    .push(Observation::new(ObservationKind::AreaOfConcern, observation));
            }
            for &format in Format::ALL {
                let text = audit
                    .to_string_in(format)
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                let back = Audit::from_str_in(&text, format)
                    .map_err(|e| TestCaseError::fail(format!("{format}: {e}\n{text}")))?;
                if back != audit {
                    let first = back
                        .assessments
                        .iter()
                        .zip(&audit.assessments)
                        .find(|(read, written)| read != written);
                    return Err(TestCaseError::fail(format!("{format}: {first:?}")));
                }
            }
        }
    }
}

#[test]
fn toml_documents_of_too_many_items_are_refused_before_parsing() {
    let mut tables = String::new();
    for i in 0..1_000_000 {
        tables.push_str("[t");
        tables.push_str(&i.to_string());
        tables.push_str("]\n");
    }
    let e = err(Audit::from_str_in(&tables, Format::Toml));
    assert_eq!(
        e.to_string(),
        "malformed audit TOML at line 100001, column 1: the document holds more than 100000 \
         tables, keys and values, the limit for TOML"
    );
    let values = format!("modules = [{}]\n", "1,".repeat(200_000));
    let e = err(Audit::from_str_in(&values, Format::Toml));
    assert_eq!(e.position(), Some((1, 200_009)));
    // Strings and comments do not count: a long text with commas is read.
    let mut audit = toulon();
    audit.context.organisation = vec!["a, b = [c], {d}".repeat(30_000)];
    let toml = ok(audit.to_string_in(Format::Toml));
    let toml = format!("# {}\n{toml}", ", = [{".repeat(30_000));
    assert_eq!(ok(Audit::from_str_in(&toml, Format::Toml)), audit);
    // Dotted keys make tables: they count.
    let dotted = format!("[t{}]\n", ".a".repeat(100_000));
    let e = err(Audit::from_str_in(&dotted, Format::Toml));
    assert_eq!(e.position(), Some((1, 200_001)));
    // Real audits are far from the limit (Toulon: 2 modules, a few hundred items).
    let toulon = ok(toulon().to_string_in(Format::Toml));
    assert!(toulon.matches(['[', '{', '=', ',', '.']).count() < qualepref::MAX_TOML_ITEMS / 100);
}

/// The line (1-based) of the first occurrence of `needle` in `text`.
#[track_caller]
fn line_of(text: &str, needle: &str) -> usize {
    match text.find(needle) {
        Some(at) => text[..at].matches('\n').count() + 1,
        None => panic!("{needle:?} not in {text}"),
    }
}

#[test]
fn a_bad_last_field_is_reported_on_its_own_line() {
    let mut audit = toulon();
    audit.assessments[0].observations.clear();
    audit.assessments[0].comment = None;
    audit.remote_checks[0].observations.clear();
    audit.remote_checks[0].comment = None;
    for format in Format::ALL {
        let text = ok(audit.to_string_in(*format));
        let (verdict, bad_verdict, note, bad_note) = match format {
            Format::Json => (
                "\"verdict\": \"C\"",
                "\"verdict\": \"X\"",
                "\"note\": \"Conforme\"",
                "\"note\": \"Bof\"",
            ),
            Format::Yaml => ("verdict: C", "verdict: X", "note: Conforme", "note: Bof"),
            _ => (
                "verdict = \"C\"",
                "verdict = \"X\"",
                "note = \"Conforme\"",
                "note = \"Bof\"",
            ),
        };
        for (good, bad) in [(verdict, bad_verdict), (note, bad_note)] {
            let broken = text.replacen(good, bad, 1);
            let e = err(Audit::from_str_in(&broken, *format));
            assert_eq!(
                e.position().map(|p| p.0),
                Some(line_of(&broken, bad)),
                "{format}: {e}"
            );
            // In JSON, the column is the value's last character.
            if *format == Format::Json {
                let at = broken.find(bad).unwrap_or_default();
                let line_start = broken[..at].rfind('\n').map_or(0, |n| n + 1);
                let last = at + bad.len() - line_start;
                assert_eq!(
                    e.position(),
                    Some((line_of(&broken, bad), last)),
                    "{format}: {e}"
                );
            }
        }
    }
}

#[test]
fn each_format_has_its_label() {
    let labels: Vec<&str> = Format::ALL.iter().map(|f| f.label()).collect();
    assert_eq!(labels, ["JSON", "YAML", "TOML"]);
}

#[test]
fn messages_say_what_is_wrong_in_the_users_words() {
    // A date that does not exist names the value, in every format.
    let bad = toulon();
    for format in Format::ALL {
        let text = ok(bad.to_string_in(*format)).replacen("2019-11-18", "2019-02-30", 1);
        let e = err(Audit::from_str_in(&text, *format));
        assert!(
            e.to_string()
                .ends_with(": invalid date \"2019-02-30\": there is no such day"),
            "{format}: {e}"
        );
        let text = ok(bad.to_string_in(*format)).replacen("2019-11-18", "18/11/2019", 1);
        let e = err(Audit::from_str_in(&text, *format));
        assert!(
            e.to_string()
                .ends_with(": invalid date \"18/11/2019\": expected a date yyyy-mm-dd"),
            "{format}: {e}"
        );
    }
    // YAML's budget in words, not in Rust's debug form; a budget is the document's, so no path.
    let yaml = format!("modules: [{}]\n", "1,".repeat(300_000));
    let e = err(Audit::from_str_in(&yaml, Format::Yaml));
    assert_eq!(
        e.to_string(),
        "malformed audit YAML at line 1, column 500005: the document holds more than 250000 \
         values (mappings, sequences and scalars), the limit for YAML"
    );
}

#[test]
#[allow(clippy::format_collect)] // test inputs, built once
fn every_breach_of_the_yaml_budget_is_said_in_words() {
    let base = ok(toulon().to_string_in(Format::Yaml));
    let modules = |list: &str| {
        let text = base.replacen("modules:\n- 1\n- 2\n", &format!("modules:\n{list}"), 1);
        assert_ne!(text, base);
        text
    };
    let anchors: String = (0..50_001).map(|i| format!("- &a{i} 1\n")).collect();
    let aliases: String = (0..5_001)
        .map(|i| format!("- &a{i} 1\n"))
        .chain((0..50_001).map(|i| format!("- *a{}\n", i % 5_001)))
        .collect();
    let bomb: String = std::iter::once("- &a 1\n".to_owned())
        .chain((0..101).map(|_| "- *a\n".to_owned()))
        .collect();
    let merges: String = std::iter::once("auditors:\n".to_owned())
        .chain((0..1_001).map(|i| format!("- &p{i} {{name: X}}\n")))
        .chain((0..10_001).map(|i| format!("- {{<<: *p{}}}\n", i % 1_001)))
        .collect();
    // Ten texts of 1 MB, each repeated ten times through aliases: 110 MB of text.
    let long = "x".repeat(1_000_000);
    let texts: String = std::iter::once("  organisation:\n".to_owned())
        .chain((0..10).map(|i| format!("  - &s{i} \"{long}\"\n")))
        .chain((0..100).map(|i| format!("  - *s{}\n", i % 10)))
        .collect();
    for (yaml, expected) in [
        (
            modules(&anchors),
            "the document holds more than 50000 anchors (&name), the limit for YAML",
        ),
        (
            modules(&aliases),
            "the document holds more than 50000 aliases (*name), the limit for YAML",
        ),
        (
            modules(&bomb),
            "the document uses 101 aliases for 1 anchors, too many to expand (an alias bomb?)",
        ),
        (
            merges,
            "the document holds more than 10000 merge keys (<<), the limit for YAML",
        ),
        (
            base.replacen("  organisation:\n", &texts, 1),
            "the document holds more than 67108864 bytes of text in its values, the limit for \
             YAML",
        ),
    ] {
        let message = err(Audit::from_str_in(&yaml, Format::Yaml)).to_string();
        assert!(
            message.starts_with("malformed audit YAML at line ") && message.ends_with(expected),
            "{message}"
        );
    }
}

#[test]
fn a_parser_message_never_carries_a_control_character_of_the_input() {
    let esc = |text: &str| text.chars().any(|c| c.is_control() && c != '\n');
    for (format, from, to) in [
        (
            Format::Json,
            "\"administration\": \"prefecture\"",
            "\"administration\": \"C\\u001b]0;x\\u0007\"",
        ),
        (
            Format::Yaml,
            "administration: prefecture\n",
            "administration: \"C\\e]0;x\\a\"\n",
        ),
        (
            Format::Toml,
            "administration = \"prefecture\"",
            "administration = \"C\\u001B]0;x\\u0007\"",
        ),
    ] {
        let text = ok(toulon().to_string_in(format)).replacen(from, to, 1);
        assert_ne!(text, ok(toulon().to_string_in(format)), "{format:?}");
        let message = err(Audit::from_str_in(&text, format)).to_string();
        assert!(!esc(&message), "{format:?}: {message:?}");
        assert!(
            message.contains("C<U+001B>]0;x<U+0007>"),
            "{format:?}: {message}"
        );
    }
}

/// Bytes and readers get a file's checks: UTF-8, the size limit, the same errors.
#[test]
fn bytes_and_readers_are_read_as_files_are() {
    let json = qualepref::samples::TOULON_2019_JSON;
    assert_eq!(
        ok(Audit::from_slice(json.as_bytes(), Format::Json)),
        toulon()
    );
    let with_bom = [&b"\xef\xbb\xbf"[..], json.as_bytes()].concat();
    assert_eq!(ok(Audit::from_slice(&with_bom, Format::Json)), toulon());
    assert_eq!(
        ok(Audit::from_reader(json.as_bytes(), Format::Json)),
        toulon()
    );
    let e = err(Audit::from_slice(b"{\"site\": \"\xff\"}", Format::Json));
    assert_eq!(e.code(), qualepref::ErrorCode::NotUtf8);
    assert_eq!(e.to_string(), "not UTF-8 text (invalid byte at offset 10)");
    // One byte past the limit is refused, without reading further.
    let endless = std::io::repeat(b' ');
    let e = err(Audit::from_reader(endless, Format::Json));
    assert_eq!(e.code(), qualepref::ErrorCode::TooLarge);
    let e = err(Referentiel::from_slice(b"{\"id\": 3}", Format::Json));
    assert_eq!(
        (e.code(), e.path().as_deref()),
        (qualepref::ErrorCode::WrongType, Some("id"))
    );
    let yaml = ok(toulon().to_string_in(Format::Yaml));
    assert_eq!(
        ok(Audit::from_reader(yaml.as_bytes(), Format::Yaml)),
        toulon()
    );
}

/// The error codes are pinned: a code is never renamed nor reused.
#[test]
#[allow(clippy::format_collect)] // a short list, built once
fn error_codes_snapshot() {
    let listed: String = qualepref::ErrorCode::ALL
        .iter()
        .map(|c| format!("{c}\n"))
        .collect();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/snapshots/error-codes.txt"
    );
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &listed).unwrap();
    }
    assert_eq!(
        listed,
        std::fs::read_to_string(path).unwrap_or_default(),
        "the list of error codes changed; codes are never renamed"
    );
    for code in qualepref::ErrorCode::ALL {
        assert_eq!(
            code.to_string().parse::<qualepref::ErrorCode>().ok(),
            Some(*code)
        );
    }
}
