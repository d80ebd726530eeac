//! The JSON Schemas: the committed files are what the code generates, and they accept the bundled
//! data and refuse broken data.
//!
//! To regenerate the files after a change to the model: `UPDATE_SCHEMA=1 cargo test --all-features`.
#![cfg(feature = "schema")]

#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::PathBuf;

use qualepref::schema::{audit_schema, referentiel_schema, to_pretty_json};
use qualepref::{Referentiel, samples};
use serde_json::{Value, json};

#[track_caller]
fn parse(text: &str) -> Value {
    match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => panic!("valid JSON: {e}"),
    }
}

#[track_caller]
fn validator(schema: &Value) -> jsonschema::Validator {
    match jsonschema::validator_for(schema) {
        Ok(v) => v,
        Err(e) => panic!("the schema is a valid JSON Schema: {e}"),
    }
}

/// The errors of `instance` against `schema`, as `path: message` lines.
fn errors(schema: &Value, instance: &Value) -> Vec<String> {
    validator(schema)
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[track_caller]
fn check_file(name: &str, schema: &Value) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(name);
    let generated = to_pretty_json(schema);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        if let Err(e) = std::fs::write(&path, &generated) {
            panic!("cannot write {}: {e}", path.display());
        }
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date: run `UPDATE_SCHEMA=1 cargo test --all-features` and commit it",
        path.display()
    );
}

#[test]
fn committed_schemas_are_up_to_date() {
    check_file("audit.schema.json", &audit_schema());
    check_file("referentiel.schema.json", &referentiel_schema());
}

#[test]
fn toulon_audit_is_valid_against_the_audit_schema() {
    let audit = parse(samples::TOULON_2019_JSON);
    assert_eq!(errors(&audit_schema(), &audit), Vec::<String>::new());
}

#[test]
fn synthetic_audit_is_valid_against_the_audit_schema() {
    let referentiel = synthetic::synthetic_referentiel().map_err(|e| e.to_string());
    let audit = referentiel
        .and_then(|r| synthetic::synthetic_audit(&r).map_err(|e| e.to_string()))
        .and_then(|a| a.to_json_string().map_err(|e| e.to_string()));
    let audit = match audit {
        Ok(text) => parse(&text),
        Err(e) => panic!("{e}"),
    };
    assert_eq!(errors(&audit_schema(), &audit), Vec::<String>::new());
}

#[test]
fn embedded_referentiel_data_file_is_valid_against_the_referentiel_schema() {
    let data = parse(Referentiel::qual_e_pref_2019_json());
    assert_eq!(errors(&referentiel_schema(), &data), Vec::<String>::new());
}

#[test]
fn broken_audits_are_refused() {
    let schema = audit_schema();
    let mut audit = parse(samples::TOULON_2019_JSON);
    audit["assessments"][0]["verdict"] = json!("X");
    audit["assessments"][1]["module"] = json!(9);
    audit["modules"] = json!([1, 9]);
    audit["site"]["departement"] = json!("8");
    audit["assessments"][2]["engagement"] = json!(1000);
    audit["assessments"][3]["observations"][0]["kind"] = json!("PX");
    let mut found = errors(&schema, &audit);
    found.sort();
    let paths: Vec<&str> = found
        .iter()
        .map(|e| e.split(':').next().unwrap_or_default())
        .collect();
    assert_eq!(
        paths,
        [
            "/assessments/0/verdict",
            "/assessments/1/module",
            "/assessments/2/engagement",
            "/assessments/3/observations/0/kind",
            "/modules/1",
            "/site/departement",
        ],
        "{found:#?}"
    );

    let mut audit = parse(samples::TOULON_2019_JSON);
    audit["surprise"] = json!(true);
    assert_eq!(errors(&schema, &audit).len(), 1);
    let mut audit = parse(samples::TOULON_2019_JSON);
    if let Some(map) = audit.as_object_mut() {
        map.remove("site");
    }
    assert_eq!(errors(&schema, &audit).len(), 1);
}

#[test]
fn broken_referentiel_files_are_refused() {
    let schema = referentiel_schema();
    let mut data = parse(Referentiel::qual_e_pref_2019_json());
    data["modules"][0]["number"] = json!(0);
    data["engagements"][0]["number"] = json!(0);
    data["management"][0]["section"] = json!("direction");
    assert_eq!(
        errors(&schema, &data).len(),
        3,
        "{:#?}",
        errors(&schema, &data)
    );
}

#[test]
fn schemas_describe_the_codes() {
    let schema = audit_schema();
    let verdict = &schema["$defs"]["Verdict"];
    assert_eq!(verdict["enum"], json!(["C", "NA", "NC min", "NC Maj"]));
    assert!(
        verdict["description"]
            .as_str()
            .is_some_and(|d| d.contains("lenient")),
        "{verdict}"
    );
    assert_eq!(
        schema["$defs"]["ObservationKind"]["enum"],
        json!(["PF", "PS", "PP"])
    );
    assert_eq!(schema["$defs"]["EngagementNumber"]["maximum"], 999);
    let referentiel = referentiel_schema();
    assert_eq!(referentiel["title"], "Referentiel");
    let required = &referentiel["required"];
    assert_eq!(
        required,
        &json!(["id", "name", "title", "date", "modules"]),
        "{referentiel:#}"
    );
}
