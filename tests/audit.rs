//! The audit model and its JSON form, on the bundled Toulon 2019 audit.

#[path = "support/synthetic.rs"]
mod synthetic;
use qualepref::{
    AdministrationType, Audit, AuditType, EcartTarget, EngagementNumber, Error, ManagementSection,
    ModuleNumber, ObservationKind, RemoteChannel, RemoteNote, Verdict, samples,
};

fn toulon() -> Audit {
    Audit::from_json_str(samples::TOULON_2019_JSON).unwrap()
}

#[track_caller]
fn observation_count(audit: &Audit, kind: ObservationKind) -> usize {
    let all = audit
        .assessments
        .iter()
        .flat_map(|a| &a.observations)
        .chain(audit.management.iter().flat_map(|m| &m.observations))
        .chain(audit.remote_checks.iter().flat_map(|r| &r.observations));
    all.filter(|o| o.kind == kind).count()
}

#[test]
fn json_round_trip_is_identical() {
    let audit = toulon();
    assert_eq!(audit.to_json_string().unwrap(), samples::TOULON_2019_JSON);
    assert_eq!(
        Audit::from_json_str(&audit.to_json_string().unwrap()).unwrap(),
        audit
    );
}

#[test]
fn bundled_file_is_the_sample() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/toulon-2019.json"
    ))
    .unwrap();
    assert_eq!(text, samples::TOULON_2019_JSON);
    assert_eq!(
        Audit::from_path(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/toulon-2019.json"
        ))
        .unwrap(),
        toulon()
    );
}

#[test]
fn cover_page() {
    let a = toulon();
    assert_eq!(a.site.administration, AdministrationType::Prefecture);
    assert_eq!(a.site.departement.as_str(), "83");
    assert_eq!(a.site.city, "TOULON");
    assert_eq!(a.site.name.as_deref(), Some("PREFECTURE du Var"));
    assert!(a.kind.internal);
    assert_eq!(a.kind.audit_type, Some(AuditType::Initial));
    assert_eq!(a.dates.start.to_string(), "2019-11-18");
    assert_eq!(a.dates.end.to_string(), "2019-11-18");
    assert_eq!(a.referentiel.id, "qual-e-pref-2019");
    assert_eq!(
        a.referentiel.label.as_deref(),
        Some("Référentiel de labellisation qual-e-pref du 19/12/2018 mis à jour le 4 février 2019")
    );
    assert_eq!(a.auditors.len(), 1);
    assert_eq!(a.auditors[0].name, "Aurélie ROUMEGOUX");
    assert_eq!(
        a.auditors[0].email.as_deref(),
        Some("aurelie.roumegoux@socotec.com")
    );
    assert_eq!(
        a.modules,
        [ModuleNumber::new(1).unwrap(), ModuleNumber::new(2).unwrap()]
    );
    assert_eq!(a.context.figures.population, Some(1_060_000));
    assert_eq!(a.context.figures.communes, Some(153));
    assert_eq!(a.context.figures.arrondissements, Some(3));
    assert_eq!(a.context.figures.staff, Some(315));
    assert_eq!(a.context.organisation.len(), 2);
    assert_eq!(a.context.history.len(), 3);
}

#[test]
fn counts_of_the_toulon_report() {
    let a = toulon();
    assert_eq!(a.assessments.len(), 23);
    let numbers: Vec<u16> = a.assessments.iter().map(|x| x.engagement.get()).collect();
    assert_eq!(numbers, (1..=23).collect::<Vec<_>>());
    assert!(
        a.assessments
            .iter()
            .all(|x| x.verdict == Some(Verdict::Conformity))
    );
    assert!(
        a.assessments
            .iter()
            .all(|x| x.module.get() == if x.engagement.get() <= 20 { 1 } else { 2 })
    );
    assert_eq!(a.management.len(), 7);
    assert!(
        a.management
            .iter()
            .all(|m| m.verdict == Some(Verdict::Conformity))
    );
    assert_eq!(
        a.management
            .iter()
            .filter(|m| m.section == ManagementSection::Pilotage)
            .count(),
        5
    );
    assert_eq!(a.remote_checks.len(), 13);
    assert!(
        a.remote_checks
            .iter()
            .all(|r| r.note == Some(RemoteNote::Conforme))
    );
    let on = |c: RemoteChannel| -> Vec<u16> {
        a.remote_checks
            .iter()
            .filter(|r| r.channel == c)
            .map(|r| r.engagement.get())
            .collect()
    };
    assert_eq!(on(RemoteChannel::Internet), [1, 3, 10, 11, 12, 13, 14]);
    assert_eq!(on(RemoteChannel::Telephone), [1, 2, 8, 10]);
    assert_eq!(on(RemoteChannel::Courriels), [16, 17]);
    assert_eq!(observation_count(&a, ObservationKind::Strength), 10);
    assert_eq!(observation_count(&a, ObservationKind::AreaOfConcern), 0);
    assert_eq!(
        observation_count(&a, ObservationKind::OpportunityForImprovement),
        4
    );
    assert!(a.ecarts.is_empty());
}

/// Every observation and conclusion paragraph of the bundled audit appears verbatim in the
/// report's text.
#[test]
fn texts_are_verbatim_from_the_report() {
    let a = toulon();
    let report = samples::TOULON_2019_REPORT;
    let observations = a
        .assessments
        .iter()
        .flat_map(|x| &x.observations)
        .chain(a.management.iter().flat_map(|m| &m.observations))
        .chain(a.remote_checks.iter().flat_map(|r| &r.observations));
    for o in observations {
        assert!(
            report.contains(&format!("{} : {}", o.kind, o.text)),
            "{}",
            o.text
        );
    }
    let c = &a.conclusion;
    let paragraphs = [
        &c.points_forts,
        &c.points_sensibles,
        &c.pistes_de_progres,
        &c.fiches_ecart,
        &c.commentaires,
        &c.bonnes_pratiques,
        &c.enquetes_satisfaction,
        &c.charte_graphique.text,
        &c.conclusion_generale,
        &a.context.organisation,
        &a.context.history,
    ];
    let mut n = 0;
    for p in paragraphs.into_iter().flatten() {
        assert!(report.lines().any(|l| l == p), "{p}");
        n += 1;
    }
    assert_eq!(n, 18);
    assert_eq!(
        c.fiches_ecart,
        ["Absence de non-conformité majeure ou mineure."]
    );
    assert_eq!(c.points_sensibles, ["Sans objet."]);
    assert_eq!(c.charte_graphique.verdict, Some(Verdict::NotApplicable));
    let e22 = a.assessment(EngagementNumber::new(22).unwrap()).unwrap();
    assert_eq!(e22.observations.len(), 2);
    assert_eq!(
        e22.observations[1].text,
        "Les opérations de déstockage \"flash\" sont devenues la norme. Questionnement sur des renforts."
    );
}

#[track_caller]
fn audit_err(text: &str) -> Error {
    match Audit::from_json_str(text) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e,
    }
}

#[test]
fn malformed_json_names_line_and_column() {
    let err = audit_err("{\n  \"referentiel\": {\"id\": \"x\"},\n  \"site\": [1,\n}");
    assert_eq!(err.position(), Some((3, 12)));
    assert!(
        err.to_string()
            .starts_with("malformed audit JSON at line 3, column 12: expected value"),
        "{err}"
    );
    let err = audit_err("{\n  \"referentiel\": {\"id\": \"x\",}\n}");
    assert_eq!(err.position(), Some((2, 29)));
    assert!(err.to_string().contains("trailing comma"), "{err}");
    let err = audit_err("");
    assert!(err.to_string().contains("EOF while parsing"), "{err}");
    let err = audit_err("not json at all");
    assert_eq!(err.position(), Some((1, 2)));
}

#[test]
fn unknown_codes_and_out_of_range_values_are_named() {
    let cases = [
        (
            "\"verdict\": \"C\"",
            "\"verdict\": \"CC\"",
            "unknown verdict \"CC\" (expected one of C, NA, NC min, NC Maj)",
        ),
        (
            "\"kind\": \"PF\"",
            "\"kind\": \"XX\"",
            "unknown observation kind \"XX\" (expected one of PF, PS, PP)",
        ),
        (
            "\"departement\": \"83\"",
            "\"departement\": \"8\"",
            "invalid département code \"8\"",
        ),
        (
            "\"modules\": [\n    1,",
            "\"modules\": [\n    9,",
            "invalid module number \"9\": a module number is between 1 and 8",
        ),
        (
            "\"engagement\": 1,",
            "\"engagement\": 0,",
            "invalid engagement number \"0\"",
        ),
        (
            "\"start\": \"2019-11-18\"",
            "\"start\": \"2019-11-31\"",
            "invalid date \"2019-11-31\": there is no such day",
        ),
        (
            "\"note\": \"Conforme\"",
            "\"note\": \"Bien\"",
            "unknown remote note \"Bien\"",
        ),
        (
            "\"administration\": \"prefecture\"",
            "\"administration\": \"mairie\"",
            "(site.administration): unknown value `mairie` (expected one of prefecture,",
        ),
        (
            "\"city\": \"TOULON\"",
            "\"ville\": \"TOULON\"",
            "unknown field `ville`",
        ),
    ];
    for (from, to, expected) in cases {
        let text = samples::TOULON_2019_JSON.replacen(from, to, 1);
        assert_ne!(text, samples::TOULON_2019_JSON, "{from}");
        let err = audit_err(&text);
        assert!(err.to_string().contains(expected), "{to}: {err}");
        assert!(err.position().is_some());
    }
}

#[test]
fn lenient_codes_are_written_canonically() {
    let text =
        samples::TOULON_2019_JSON.replacen("\"verdict\": \"C\"", "\"verdict\": \"nc-maj\"", 1);
    let a = Audit::from_json_str(&text).unwrap();
    assert_eq!(a.assessments[0].verdict, Some(Verdict::MajorNonconformity));
    assert!(
        a.to_json_string()
            .unwrap()
            .contains("\"verdict\": \"NC Maj\"")
    );
}

#[test]
fn fiche_target_forms() {
    let json = r#"{"engagement": 17}"#;
    let t: EcartTarget = serde_json::from_str(json).unwrap();
    assert_eq!(
        t,
        EcartTarget::Engagement(EngagementNumber::new(17).unwrap())
    );
    let t: EcartTarget =
        serde_json::from_str(r#"{"management": {"section": "pilotage", "item": 5}}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&t).unwrap(),
        r#"{"management":{"section":"pilotage","item":5}}"#
    );
    assert_eq!(t.to_string(), "management item pilotage 5");
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let big = " ".repeat(usize::try_from(qualepref::MAX_INPUT_BYTES).unwrap() + 1);
    let err = audit_err(&big);
    assert!(matches!(err, Error::TooLarge { .. }), "{err}");
}

#[test]
fn synthetic_audit_covers_all_modules() {
    let r = synthetic::synthetic_referentiel().unwrap();
    let a = synthetic::synthetic_audit(&r).unwrap();
    assert_eq!(a.modules.len(), 8);
    assert_eq!(a.assessments.len(), 80);
    assert_eq!(a.ecarts.len(), 1);
    let back = Audit::from_json_str(&a.to_json_string().unwrap()).unwrap();
    assert_eq!(back, a);
}
