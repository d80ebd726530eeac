//! The public API's edges, one test per defect found by a first user: errors usable with `?`
//! and printed once, loaders that follow the extension, wire forms that parse and print,
//! building audits and référentiels in code.

use std::path::PathBuf;

use qualepref::{
    AdministrationType, Audit, AuditDates, AuditKind, AuditType, DueSource, EngagementNumber,
    Error, ManagementSection, ModuleNumber, NaiveDate, NcGrade, Observation, ObservationKind,
    Outcome, Referentiel, RemoteChannel, Rule, Site, Valid, ValidationOptions, ValidationReport,
    Verdict, samples,
};

fn toulon() -> Audit {
    Audit::from_json_str(samples::TOULON_2019_JSON).unwrap()
}

/// `audit`, validated against the embedded référentiel.
fn valid(audit: &Audit) -> Valid<'_> {
    Valid::new(
        audit,
        Referentiel::qual_e_pref_2019(),
        &ValidationOptions::default(),
    )
    .unwrap()
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qualepref-api-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every message of an error's chain, as an error reporter prints them.
fn chain(e: &dyn std::error::Error) -> Vec<String> {
    let mut messages = vec![e.to_string()];
    let mut next = e.source();
    while let Some(cause) = next {
        messages.push(cause.to_string());
        next = cause.source();
    }
    messages
}

#[test]
fn a_validation_report_is_an_error_so_question_mark_works() {
    fn check(audit: &Audit) -> Result<(), Box<dyn std::error::Error>> {
        Valid::new(
            audit,
            Referentiel::qual_e_pref_2019(),
            &ValidationOptions::default(),
        )?;
        Ok(())
    }
    let mut audit = toulon();
    audit.auditors.clear();
    let err = check(&audit).unwrap_err();
    let report = err.downcast_ref::<ValidationReport>().unwrap();
    assert!(report.has_errors());
    assert!(err.to_string().contains("[no-auditor] erreur"), "{err}");
    assert!(check(&toulon()).is_ok());
}

#[test]
fn an_error_chain_prints_each_cause_once() {
    let dir = scratch("chain");
    let path = dir.join("audit.json");
    std::fs::write(&path, "{\n  \"site\": 12\n}").unwrap();
    let err = Audit::from_path(&path).unwrap_err();
    let messages = chain(&err);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert_eq!(
        messages[0],
        format!(
            "{}: malformed audit JSON at line 2, column 12 (site): expected an object, found the number 12",
            path.display()
        )
    );
    assert!(matches!(err.innermost(), Error::Parse { .. }));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_io_error_says_why() {
    let err = Audit::from_path("no/such/dir/audit.json").unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot read no/such/dir/audit.json: No such file or directory"
    );
    assert_eq!(chain(&err).len(), 1);
    assert_eq!(err.io_error().unwrap().kind(), std::io::ErrorKind::NotFound);
}

#[test]
fn a_file_that_is_not_utf8_says_so() {
    let dir = scratch("utf8");
    let path = dir.join("audit.json");
    std::fs::write(&path, b"{\"a\": \"\xff\"}").unwrap();
    let err = Audit::from_path(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: not UTF-8 text (invalid byte at offset 7)",
            path.display()
        )
    );
    assert_eq!(err.code(), qualepref::ErrorCode::NotUtf8);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(all(feature = "yaml", feature = "toml"))]
#[test]
fn from_path_follows_the_extension() {
    use qualepref::{Format, Interchange as _};
    let dir = scratch("ext");
    let audit = toulon();
    for (name, format) in [
        ("a.yaml", Format::Yaml),
        ("a.yml", Format::Yaml),
        ("a.toml", Format::Toml),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, audit.to_string_in(format).unwrap()).unwrap();
        assert_eq!(Audit::from_path(&path).unwrap(), audit, "{name}");
    }
    let referentiel = Referentiel::qual_e_pref_2019();
    let path = dir.join("r.toml");
    std::fs::write(&path, referentiel.to_string_in(Format::Toml).unwrap()).unwrap();
    assert_eq!(&Referentiel::from_path(&path).unwrap(), referentiel);
    // A YAML text under a .json name is read as JSON, and the error says so.
    let path = dir.join("yaml.json");
    std::fs::write(&path, audit.to_string_in(Format::Yaml).unwrap()).unwrap();
    let err = Audit::from_path(&path).unwrap_err().to_string();
    assert!(err.contains("malformed audit JSON"), "{err}");
    // An explicit format wins over the extension.
    assert_eq!(
        Audit::from_path_in(&path, Some(Format::Yaml)).unwrap(),
        audit
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_domain_enum_parses_and_prints_its_wire_form() {
    #[track_caller]
    fn round_trip<T>(all: &[T])
    where
        T: std::str::FromStr<Err = Error>
            + std::fmt::Display
            + serde::Serialize
            + PartialEq
            + std::fmt::Debug
            + Copy,
    {
        for value in all {
            let wire = value.to_string();
            assert_eq!(wire.parse::<T>().unwrap(), *value);
            assert_eq!(serde_json::to_string(value).unwrap(), format!("\"{wire}\""));
            assert_eq!(
                format!(" {} ", wire.to_uppercase()).parse::<T>().unwrap(),
                *value
            );
        }
        let err = "nope".parse::<T>().unwrap_err().to_string();
        assert!(err.starts_with("unknown "), "{err}");
    }
    round_trip(AuditType::ALL);
    round_trip(AdministrationType::ALL);
    round_trip(RemoteChannel::ALL);
    round_trip(ManagementSection::ALL);
    round_trip(Outcome::ALL);
    round_trip(Rule::ALL);
    round_trip(DueSource::ALL);
    round_trip(Verdict::ALL);
    round_trip(NcGrade::ALL);
    round_trip(qualepref::Severity::ALL);
    round_trip(qualepref::ImportLevel::ALL);
    assert_eq!(
        Rule::MinorThresholdReached.to_string(),
        "minor_threshold_reached"
    );
    assert_eq!(
        "de suivi".parse::<AuditType>().unwrap_err().to_string(),
        "unknown audit type \"de suivi\" (expected one of initial, suivi, renouvellement, extension)"
    );
}

#[test]
fn an_audit_built_in_code_validates_and_concludes() {
    let referentiel = Referentiel::qual_e_pref_2019();
    let day = NaiveDate::from_ymd_opt(2024, 3, 12).unwrap();
    let site = Site::new(
        AdministrationType::SousPrefecture,
        "83".parse().unwrap(),
        "BRIGNOLES",
    );
    let mut audit = Audit::skeleton(
        referentiel,
        site,
        AuditKind::external(AuditType::Suivi),
        AuditDates::day(day),
        &[ModuleNumber::ONE],
    );
    assert_eq!(audit.assessments.len(), 20);
    assert_eq!(audit.management.len(), 7);
    assert!(audit.assessments.iter().all(|a| a.verdict.is_none()));
    // Unassessed: validation says so, for every engagement and item.
    let report = qualepref::validate(&audit, referentiel, &ValidationOptions::default());
    assert_eq!(
        report
            .diagnostics()
            .iter()
            .filter(|d| d.code.as_str() == "missing-verdict")
            .count(),
        27
    );
    audit
        .auditors
        .push(qualepref::Auditor::new("Claire Martin"));
    let nine = EngagementNumber::try_from(9).unwrap();
    audit
        .record_nonconformity(nine, NcGrade::Minor, "Horaires du SVI faux")
        .unwrap()
        .requirement = "Information exacte".into();
    audit
        .observe(
            nine,
            Observation::opportunity_for_improvement("Mettre à jour le SVI"),
        )
        .unwrap();
    assert_eq!(audit.fill_all_unset_verdicts(Verdict::Conformity), 26);
    let valid = Valid::new(&audit, referentiel, &ValidationOptions::default()).unwrap();
    let conclusions = qualepref::conclude(
        &valid,
        &qualepref::Policy::default(),
        qualepref::Language::En,
    );
    assert_eq!(conclusions.outcome, Outcome::FavorableWithConditions);
    assert_eq!(conclusions.ecarts.len(), 1);
    assert_eq!(
        conclusions.ecarts[0].due,
        NaiveDate::from_ymd_opt(2024, 6, 12)
    );
    // An engagement the audit does not cover is refused, not silently ignored.
    let twenty_one = EngagementNumber::try_from(21).unwrap();
    let err = audit
        .assess(twenty_one, Verdict::Conformity)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "invalid engagement \"21\": the audit has no assessment of this engagement"
    );
}

#[test]
fn a_referentiel_built_in_code_checks_the_loaders_invariants() {
    use qualepref::{Engagement, ManagementItem, Module};
    let date = NaiveDate::from_ymd_opt(2025, 1, 15).unwrap();
    let one = ModuleNumber::ONE;
    let e =
        |n: u16, title: &str| Engagement::new(EngagementNumber::try_from(n).unwrap(), one, title);
    let built = Referentiel::builder("demo", "Démo", "Référentiel de démonstration", date)
        .module(Module::new(one, "Accueil").obligatory())
        .engagement(e(2, "Deux"))
        .engagement(e(1, "Un"))
        .management_item(ManagementItem::new(
            ManagementSection::Pilotage,
            1,
            "Responsabilités",
        ))
        .build()
        .unwrap();
    let numbers: Vec<u16> = built.engagements().iter().map(|e| e.number.get()).collect();
    assert_eq!(numbers, [1, 2]);
    // The same référentiel written to its file format loads back equal.
    let text = built.to_json_string().unwrap();
    assert_eq!(Referentiel::from_json_str(&text).unwrap(), built);
    // Broken invariants are refused like a file's.
    let broken = Referentiel::builder("demo", "Démo", "Démo", date)
        .module(Module::new(one, "Accueil").obligatory())
        .engagement(e(1, "Un"))
        .engagement(e(1, ""))
        .build()
        .unwrap_err();
    assert!(
        matches!(broken, Error::InvalidReferentiel { .. }),
        "{broken}"
    );
}

#[test]
fn import_diagnostics_round_trip_through_json() {
    let imported = qualepref::import_report(samples::TOULON_2019_REPORT).unwrap();
    assert!(!imported.diagnostics().is_empty());
    for d in imported.diagnostics() {
        let json = serde_json::to_string(d).unwrap();
        let back: qualepref::ImportDiagnostic = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, d);
    }
}

/// The audit of Toulon with an `NC min` on « pilotage 5 » (Comité des usagers) and its fiche.
fn toulon_with_management_nc() -> Audit {
    let mut audit = toulon();
    let id = qualepref::ManagementItemId::new(ManagementSection::Pilotage, 5);
    audit.management_assessment_mut(id).unwrap().verdict = Some(Verdict::MinorNonconformity);
    audit.ecarts.push(qualepref::FicheEcart::new(
        qualepref::EcartTarget::Management(id),
        NcGrade::Minor,
        "Le comité des usagers ne s'est pas réuni en 2019",
    ));
    audit.conclusion.fiches_ecart.clear();
    audit
}

#[test]
fn the_counts_agree_with_the_decision_when_a_management_item_is_nonconforming() {
    let audit = toulon_with_management_nc();
    let valid = valid(&audit);
    let c = qualepref::conclude(
        &valid,
        &qualepref::Policy::default(),
        qualepref::Language::Fr,
    );
    assert_eq!(c.outcome, Outcome::FavorableWithConditions);
    assert_eq!((c.nonconformities.minor, c.nonconformities.major), (1, 0));
    // The engagements' figures stay theirs; the management figures say where the NC is.
    assert_eq!(c.counts.nc_mineure, 0);
    assert_eq!(c.management.total.counts.nc_mineure, 1);
    let text = c.to_text();
    assert!(
        text.contains(
            "\nPilotage de la politique qualité et démarche de labellisation\u{a0}: \
             C 6, NA 0, NC min 1, NC Maj 0\n"
        ),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&c.to_json_string().unwrap()).unwrap();
    assert_eq!(json["nonconformities"]["minor"], 1);
    assert_eq!(json["management"]["total"]["counts"]["nc_mineure"], 1);
}

#[test]
fn the_conclusions_carry_the_audits_identity_and_their_format_version() {
    let audit = toulon();
    let valid = valid(&audit);
    let c = qualepref::conclude(
        &valid,
        &qualepref::Policy::default(),
        qualepref::Language::En,
    );
    let json: serde_json::Value = serde_json::from_str(&c.to_json_string().unwrap()).unwrap();
    assert_eq!(
        json["format_version"],
        qualepref::engine::CONCLUSIONS_FORMAT_VERSION
    );
    assert_eq!(json["site"]["city"], "TOULON");
    assert_eq!(json["site"]["departement"], "83");
    assert_eq!(json["kind"]["type"], "initial");
    assert_eq!(json["kind"]["internal"], true);
    assert_eq!(json["dates"]["start"], "2019-11-18");
    assert_eq!(json["referentiel"], "qual-e-pref-2019");
    assert!(c.to_json_string().unwrap().ends_with("}\n"));
}

#[test]
fn every_output_type_round_trips_through_json() {
    #[track_caller]
    fn round_trip<T>(value: &T)
    where
        T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let json = serde_json::to_string(value).unwrap();
        let back: T = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, value);
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }
    let referentiel = Referentiel::qual_e_pref_2019();
    let options = ValidationOptions::default();
    let policy = qualepref::Policy::default();
    let (plain, with_nc) = (toulon(), toulon_with_management_nc());
    for audit in [&plain, &with_nc] {
        let valid = Valid::new(audit, referentiel, &options).unwrap();
        for language in [qualepref::Language::Fr, qualepref::Language::En] {
            let c = qualepref::conclude(&valid, &policy, language);
            let json = c.to_json_string().unwrap();
            let back: qualepref::Conclusions<'static> = serde_json::from_str(&json).unwrap();
            assert_eq!(back, c);
            round_trip(&qualepref::synthesize(
                &valid,
                &qualepref::score(&valid),
                &qualepref::decide(&valid, &policy),
                language,
            ));
        }
        round_trip(&qualepref::score(&valid));
        round_trip(&qualepref::decide(&valid, &policy));
        round_trip(&qualepref::validate(audit, referentiel, &options));
    }
    let before = Valid::new(&plain, referentiel, &options).unwrap();
    let after = Valid::new(&with_nc, referentiel, &options).unwrap();
    round_trip(&qualepref::compare(&before, &after));
    // A rate that breaks its invariant is refused on the way in.
    let mut json: serde_json::Value = serde_json::to_value(qualepref::conclude(
        &before,
        &policy,
        qualepref::Language::Fr,
    ))
    .unwrap();
    json["rate"] = serde_json::json!({"numerator": 3, "denominator": 1});
    let err = serde_json::from_value::<qualepref::Conclusions<'static>>(json).unwrap_err();
    assert!(err.to_string().contains("invalid rate 3/1"), "{err}");
}

#[test]
fn a_rate_keeps_its_invariant_and_orders_by_value() {
    use qualepref::Rate;
    assert!(Rate::new(3, 1).is_none());
    assert!(Rate::new(0, 0).is_none());
    let two_thirds = Rate::new(2, 3).unwrap();
    assert_eq!((two_thirds.numerator(), two_thirds.denominator()), (2, 3));
    assert_eq!(two_thirds.tenths_of_percent(), 667);
    assert!((two_thirds.percent() - 66.666).abs() < 0.01);
    let mut rates = [
        Rate::new(1, 1).unwrap(),
        Rate::new(2, 4).unwrap(),
        two_thirds,
        Rate::new(1, 2).unwrap(),
    ];
    rates.sort();
    let pairs: Vec<(u32, u32)> = rates
        .iter()
        .map(|r| (r.numerator(), r.denominator()))
        .collect();
    assert_eq!(pairs, [(1, 2), (2, 4), (2, 3), (1, 1)]);
    assert!(serde_json::from_str::<Rate>(r#"{"numerator": 1, "denominator": 0}"#).is_err());
    assert_eq!(
        serde_json::from_str::<Rate>(r#"{"numerator": 2, "denominator": 3}"#).unwrap(),
        two_thirds
    );
}

#[test]
fn a_remote_checks_comment_is_shown_by_every_renderer() {
    let mut audit = toulon();
    let comment = "Conforme. 5 appels passés, décroché en moins de 4 sonneries.";
    audit.remote_checks[0].comment = Some(comment.to_owned());
    let valid = valid(&audit);
    let c = qualepref::conclude(
        &valid,
        &qualepref::Policy::default(),
        qualepref::Language::Fr,
    );
    assert!(qualepref::render_markdown(&valid, &c).contains(comment));
    assert!(qualepref::render_text(&valid, &c).contains(comment));
    let html = qualepref::render_html(&valid, &c);
    assert!(
        html.contains("Conforme. 5 appels passés, décroché en moins de 4 sonneries."),
        "{html}"
    );
}

#[test]
fn each_observation_constructor_sets_its_kind_and_only_a_ps_has_a_risk() {
    use qualepref::{Observation, ObservationKind};
    let ps = Observation::area_of_concern("Attente longue", "Tensions à l'accueil");
    assert_eq!(
        (ps.kind, ps.text.as_str(), ps.risk.as_deref()),
        (
            ObservationKind::AreaOfConcern,
            "Attente longue",
            Some("Tensions à l'accueil")
        )
    );
    let pf = Observation::strength("Accueil soigné");
    assert_eq!((pf.kind, pf.risk), (ObservationKind::Strength, None));
    let pp = Observation::opportunity_for_improvement("Afficher les délais");
    assert_eq!(
        (pp.kind, pp.risk),
        (ObservationKind::OpportunityForImprovement, None)
    );
}

#[test]
fn observe_adds_an_observation_to_an_assessed_engagement_only() {
    use qualepref::{EngagementNumber, Observation};
    let mut audit = qualepref::Audit::from_json_str(qualepref::samples::TOULON_2019_JSON).unwrap();
    let three = EngagementNumber::try_from(3).unwrap();
    let before = audit.assessment(three).unwrap().observations.len();
    audit
        .observe(three, Observation::strength("Accueil soigné"))
        .unwrap();
    let after = &audit.assessment(three).unwrap().observations;
    assert_eq!(after.len(), before + 1);
    assert_eq!(
        after.last().map(|o| o.text.as_str()),
        Some("Accueil soigné")
    );
    let unassessed = EngagementNumber::try_from(99).unwrap();
    assert!(
        audit
            .observe(unassessed, Observation::strength("x"))
            .is_err()
    );
}

#[test]
fn the_fiche_of_a_nonconformity_is_the_one_of_its_grade_or_else_the_first_of_its_target() {
    use qualepref::{EcartTarget, EngagementNumber, FicheEcart, NcGrade};
    let mut audit = qualepref::Audit::from_json_str(qualepref::samples::TOULON_2019_JSON).unwrap();
    let n = |k: u16| EcartTarget::Engagement(EngagementNumber::try_from(k).unwrap());
    audit.ecarts = vec![
        FicheEcart::new(n(3), NcGrade::Minor, "autre engagement"),
        FicheEcart::new(n(5), NcGrade::Minor, "mineure"),
        FicheEcart::new(n(5), NcGrade::Major, "majeure"),
    ];
    assert_eq!(audit.fiche_index(n(5), NcGrade::Major), Some(2));
    assert_eq!(audit.fiche_index(n(5), NcGrade::Minor), Some(1));
    assert_eq!(audit.fiche_index(n(3), NcGrade::Major), Some(0));
    assert_eq!(audit.fiche_index(n(7), NcGrade::Minor), None);
    assert_eq!(
        audit
            .fiche(n(5), NcGrade::Major)
            .map(|f| f.finding.as_str()),
        Some("majeure")
    );
}

#[test]
fn management_assessment_finds_the_item_by_its_id() {
    use qualepref::{ManagementItemId, ManagementSection};
    let audit = qualepref::Audit::from_json_str(qualepref::samples::TOULON_2019_JSON).unwrap();
    let four = ManagementItemId::new(ManagementSection::Pilotage, 4);
    let found = audit.management_assessment(four).unwrap();
    assert_eq!(
        (found.section, found.item),
        (ManagementSection::Pilotage, 4)
    );
    assert_eq!(found.observations.len(), 1);
    let nine = ManagementItemId::new(ManagementSection::Labellisation, 9);
    assert!(audit.management_assessment(nine).is_none());
}

/// The labels the model's enums give to tools that write their own reports, in both languages.
#[test]
fn every_value_of_the_models_enums_has_its_french_and_english_label() {
    let labels = |fr: &str, en: &str| format!("{fr} / {en}");
    let verdicts: Vec<String> = [
        Verdict::Conformity,
        Verdict::NotApplicable,
        Verdict::MinorNonconformity,
        Verdict::MajorNonconformity,
    ]
    .map(|v| labels(v.label_fr(), v.label_en()))
    .into();
    assert_eq!(
        verdicts,
        [
            "Conforme / conformity",
            "Non applicable / not applicable",
            "Non-conformité mineure / minor nonconformity",
            "Non-conformité majeure / major nonconformity",
        ]
    );
    let kinds: Vec<String> = ObservationKind::ALL
        .iter()
        .map(|k| labels(k.label_fr(), k.label_en()))
        .collect();
    assert_eq!(
        kinds,
        [
            "Point fort / strength",
            "Point sensible / area of concern",
            "Piste de progrès / opportunity for improvement",
        ]
    );
    let types: Vec<String> = [
        AuditType::Initial,
        AuditType::Suivi,
        AuditType::Renouvellement,
        AuditType::Extension,
    ]
    .map(|t| labels(t.label_fr(), t.label_en()))
    .into();
    assert_eq!(
        types,
        [
            "initial / initial",
            "de suivi / follow-up",
            "de renouvellement / renewal",
            "d'extension / extension",
        ]
    );
    let channels: Vec<String> = [
        RemoteChannel::Internet,
        RemoteChannel::Telephone,
        RemoteChannel::Courriels,
    ]
    .map(|c| labels(c.label_fr(), c.label_en()))
    .into();
    assert_eq!(
        channels,
        [
            "Internet / Website",
            "Téléphone (standard, SVI, SART) / Telephone (switchboard, IVR, SART)",
            "Courriels / E-mail",
        ]
    );
    let administrations: Vec<String> = [
        AdministrationType::Prefecture,
        AdministrationType::SousPrefecture,
        AdministrationType::PrefectureDePolice,
        AdministrationType::HautCommissariat,
    ]
    .map(|a| labels(a.label_fr(), a.label_en()))
    .into();
    assert_eq!(
        administrations,
        [
            "Préfecture / prefecture",
            "Sous-préfecture / sub-prefecture",
            "Préfecture de police / police prefecture",
            "Haut-commissariat / high commission",
        ]
    );
    let sections: Vec<String> = [
        ManagementSection::Pilotage,
        ManagementSection::Labellisation,
    ]
    .map(|s| labels(s.heading(), s.heading_en()))
    .into();
    assert_eq!(
        sections,
        [
            "PILOTAGE DE LA POLITIQUE QUALITE / Quality policy management",
            "DEMARCHE DE LABELLISATION / Labelling process",
        ]
    );
}

/// Each state of a corrective action: its wire code, whether it is open or lifted, and an open
/// fiche's JSON, which leaves its status out.
#[test]
fn an_action_status_says_its_state_and_an_open_one_is_not_written() {
    use qualepref::{ActionStatus, EcartTarget, FicheEcart};
    let day: NaiveDate = "2020-03-02".parse().unwrap();
    let states = [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Lifted {
            on: day,
            evidence: "procédure revue".to_owned(),
        },
        ActionStatus::NotLifted {
            on: day,
            reason: "toujours en attente".to_owned(),
        },
    ];
    let described: Vec<(&str, bool, bool)> = states
        .iter()
        .map(|s| (s.code(), s.is_open(), s.is_lifted()))
        .collect();
    assert_eq!(
        described,
        [
            ("open", true, false),
            ("in_progress", false, false),
            ("lifted", false, true),
            ("not_lifted", false, false),
        ]
    );
    let target = EcartTarget::Engagement(EngagementNumber::try_from(5).unwrap());
    let open = FicheEcart::new(target, NcGrade::Minor, "attente");
    let json = serde_json::to_value(&open).unwrap();
    assert_eq!(json.get("status"), None, "{json}");
    let started = open.with_status(ActionStatus::InProgress);
    let json = serde_json::to_value(&started).unwrap();
    assert_eq!(json["status"], serde_json::json!({"state": "in_progress"}));
}

/// A département code: two digits, 2A or 2B, or three digits starting with 9, in any case and
/// with blanks around; known when it has a préfecture or haut-commissariat.
#[test]
fn a_departement_code_is_checked_for_its_form_and_known_when_it_exists() {
    use qualepref::Departement;
    let read = |s: &str| {
        s.parse::<Departement>()
            .map(|d| (d.as_str().to_owned(), d.is_known()))
    };
    for (text, code, known) in [
        ("83", "83", true),
        (" 2a ", "2A", true),
        ("2B", "2B", true),
        ("974", "974", true),
        ("988", "988", true),
        ("20", "20", false),
        ("96", "96", false),
        ("979", "979", false),
        ("00", "00", false),
    ] {
        assert_eq!(read(text).unwrap(), (code.to_owned(), known), "{text:?}");
    }
    for text in ["8", "123", "9A7", "0974", "2C", "AB", ""] {
        let e = read(text).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "invalid département code {text:?}: a département code is two digits, 2A or \
                 2B, or three digits starting with 9"
            )
        );
    }
}

/// A remote check's note, in words or as its short code, in any case.
#[test]
fn a_remote_note_reads_from_its_words_or_its_short_code() {
    use qualepref::RemoteNote;
    for (text, note) in [
        ("Conforme", RemoteNote::Conforme),
        ("c", RemoteNote::Conforme),
        ("NON CONFORME", RemoteNote::NonConforme),
        ("NC", RemoteNote::NonConforme),
        ("Non applicable", RemoteNote::NonApplicable),
        ("na", RemoteNote::NonApplicable),
    ] {
        assert_eq!(text.parse::<RemoteNote>().unwrap(), note, "{text}");
    }
    assert!("Partiellement".parse::<RemoteNote>().is_err());
}

/// An audit's optional parts are empty only when nothing of them is known, and only empty
/// parts are left out of its JSON.
#[test]
fn an_optional_part_is_empty_only_when_nothing_of_it_is_known() {
    use qualepref::{AuditorSynthesis, CharteGraphique, Context, ContextFigures};
    let mut audit = toulon();
    audit.context = Context::default();
    audit.conclusion = AuditorSynthesis::default();
    let json = serde_json::to_value(&audit).unwrap();
    assert_eq!((json.get("context"), json.get("conclusion")), (None, None));
    assert!(Context::default().is_empty() && ContextFigures::default().is_empty());
    assert!(AuditorSynthesis::default().is_empty() && CharteGraphique::default().is_empty());

    let text = vec!["Un paragraphe.".to_owned()];
    let contexts = [
        Context {
            organisation: text.clone(),
            ..Context::default()
        },
        Context {
            history: text.clone(),
            ..Context::default()
        },
        Context {
            figures: ContextFigures {
                staff: Some(150),
                ..ContextFigures::default()
            },
            ..Context::default()
        },
    ];
    for context in contexts {
        assert!(!context.is_empty(), "{context:?}");
        audit.context = context;
        let json = serde_json::to_value(&audit).unwrap();
        assert!(json.get("context").is_some());
    }
    let chartes = [
        CharteGraphique {
            verdict: Some(Verdict::NotApplicable),
            ..CharteGraphique::default()
        },
        CharteGraphique {
            text: text.clone(),
            ..CharteGraphique::default()
        },
    ];
    for charte in chartes {
        assert!(!charte.is_empty(), "{charte:?}");
        let synthesis = AuditorSynthesis {
            charte_graphique: charte,
            ..AuditorSynthesis::default()
        };
        assert!(!synthesis.is_empty());
        audit.conclusion = synthesis;
        let json = serde_json::to_value(&audit).unwrap();
        assert!(
            json["conclusion"].get("charte_graphique").is_some(),
            "{json}"
        );
    }
}

/// Two audits are of one site when administration, département and city agree, the city up to
/// case, spacing and punctuation; the site prints as reports name it.
#[test]
fn a_site_is_the_same_when_administration_departement_and_city_agree() {
    let site = |administration, departement: &str, city: &str| {
        Site::new(administration, departement.parse().unwrap(), city)
    };
    let toulon = site(AdministrationType::Prefecture, "83", "TOULON");
    assert_eq!(toulon.to_string(), "Préfecture TOULON (83)");
    assert!(toulon.is_same_site_as(&site(AdministrationType::Prefecture, "83", " Toulon.")));
    for other in [
        site(AdministrationType::SousPrefecture, "83", "TOULON"),
        site(AdministrationType::Prefecture, "06", "TOULON"),
        site(AdministrationType::Prefecture, "83", "DRAGUIGNAN"),
    ] {
        assert!(!toulon.is_same_site_as(&other), "{other}");
    }
}

/// A validated audit's debug form shows the audit, the référentiel's id and the report, not the
/// validation's index.
#[test]
fn a_valid_audit_debugs_as_its_audit_referentiel_and_report() {
    let audit = toulon();
    let debug = format!("{:?}", valid(&audit));
    assert!(debug.starts_with("Valid { audit: Audit { "), "{debug}");
    assert!(
        debug.contains(", referentiel: \"qual-e-pref-2019\", report: "),
        "{debug}"
    );
    assert!(debug.ends_with(", .. }"), "{debug}");
}

/// Every output type crosses threads: a server validates on one and renders on another.
#[test]
fn every_output_type_is_send_and_sync() {
    fn both<T: Send + Sync>() {}
    both::<qualepref::Audit>();
    both::<qualepref::Referentiel>();
    both::<qualepref::Conclusions<'static>>();
    both::<qualepref::Decision<'static>>();
    both::<qualepref::Scores<'static>>();
    both::<qualepref::Synthesis<'static>>();
    both::<qualepref::Valid<'static>>();
    both::<qualepref::ValidAudit>();
    both::<qualepref::ValidAudit<std::sync::Arc<qualepref::Referentiel>>>();
    both::<qualepref::ValidationReport>();
    both::<qualepref::Diagnostic>();
    both::<qualepref::Error>();
    both::<qualepref::Comparison>();
    both::<qualepref::History>();
    both::<qualepref::Plan>();
    both::<qualepref::HistoryDiagnostic>();
    both::<qualepref::Imported>();
    both::<qualepref::ImportDiagnostic>();
    #[cfg(any(feature = "xlsx", feature = "csv"))]
    both::<qualepref::grid::GridImport>();
}

/// A kept audit gives the same conclusions as a borrowed one, and refuses what `Valid` refuses.
#[test]
fn a_kept_audit_concludes_as_a_borrowed_one() {
    let audit = toulon();
    let options = ValidationOptions::default();
    let borrowed = {
        let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &options).unwrap();
        qualepref::conclude(
            &valid,
            &qualepref::Policy::default(),
            qualepref::Language::Fr,
        )
        .into_owned()
    };
    let kept: qualepref::ValidAudit =
        qualepref::ValidAudit::new(audit.clone(), Referentiel::qual_e_pref_2019(), &options)
            .unwrap();
    assert_eq!(
        kept.conclude(&qualepref::Policy::default(), qualepref::Language::Fr),
        borrowed
    );
    assert_eq!(kept.valid().report(), kept.report());
    assert_eq!(kept.into_audit(), audit);
    let mut bad = toulon();
    bad.auditors.clear();
    let report =
        qualepref::ValidAudit::new(bad, Referentiel::qual_e_pref_2019(), &options).unwrap_err();
    assert!(
        report.to_string().contains("[no-auditor] erreur"),
        "{report}"
    );
}

/// Filling verdicts says what it fills: the engagements listed, or every one left unset.
#[test]
fn filling_verdicts_fills_only_what_it_says() {
    use qualepref::{AuditDates, AuditKind, AuditType, ModuleNumber, NaiveDate, Site};
    let referentiel = Referentiel::qual_e_pref_2019();
    let day = NaiveDate::from_ymd_opt(2024, 3, 12).unwrap();
    let site = Site::new(
        qualepref::AdministrationType::Prefecture,
        "83".parse().unwrap(),
        "TOULON",
    );
    let skeleton = Audit::skeleton(
        referentiel,
        site,
        AuditKind::external(AuditType::Suivi),
        AuditDates::day(day),
        &[ModuleNumber::ONE],
    );
    let n = |k: u16| EngagementNumber::try_from(k).unwrap();
    let mut audit = skeleton.clone();
    audit.assess(n(2), Verdict::MinorNonconformity).unwrap();
    // Listed: 1 and 2; 2 keeps its verdict, 3 to 20 and the management items stay unset.
    assert_eq!(
        audit
            .fill_unset_verdicts_of(&[n(1), n(2)], Verdict::Conformity)
            .unwrap(),
        1
    );
    assert_eq!(
        audit.assessments[1].verdict,
        Some(Verdict::MinorNonconformity)
    );
    assert!(audit.assessments[2..].iter().all(|a| a.verdict.is_none()));
    assert!(audit.management.iter().all(|m| m.verdict.is_none()));
    // An engagement the audit does not hold is refused, and nothing is filled.
    let mut other = skeleton.clone();
    let err = other
        .fill_unset_verdicts_of(&[n(1), n(21)], Verdict::Conformity)
        .unwrap_err();
    assert!(err.to_string().contains("21"), "{err}");
    assert_eq!(other, skeleton);
    // All: the 19 engagements and 7 items left.
    assert_eq!(audit.fill_all_unset_verdicts(Verdict::Conformity), 25);
}

/// Every enum of the model words itself in both languages with `label(Language)`, and
/// `AuditKind` has the same trio (code, label, Display) though it is written as an object.
#[test]
fn every_model_enum_has_a_label_in_each_language() {
    use qualepref::{
        AdministrationType, AuditKind, AuditType, IntoEnumIterator, Language, ManagementSection,
        NcGrade, ObservationKind, RemoteChannel, RemoteNote,
    };
    let mut seen = std::collections::BTreeSet::new();
    for language in Language::ALL {
        let mut labels: Vec<String> = Vec::new();
        labels.extend(Verdict::iter().map(|v| v.label(*language).to_owned()));
        labels.extend(NcGrade::iter().map(|v| v.label(*language).to_owned()));
        labels.extend(ObservationKind::iter().map(|v| v.label(*language).to_owned()));
        labels.extend(AuditType::ALL.iter().map(|v| v.label(*language).to_owned()));
        labels.extend(
            AdministrationType::ALL
                .iter()
                .map(|v| v.label(*language).to_owned()),
        );
        labels.extend(
            RemoteChannel::ALL
                .iter()
                .map(|v| v.label(*language).to_owned()),
        );
        labels.extend(
            RemoteNote::ALL
                .iter()
                .map(|v| v.label(*language).to_owned()),
        );
        labels.extend(
            ManagementSection::ALL
                .iter()
                .map(|v| v.label(*language).to_owned()),
        );
        for label in &labels {
            assert!(!label.trim().is_empty(), "{language}");
            seen.insert((*language, label.clone()));
        }
    }
    assert_eq!(
        Verdict::MinorNonconformity.label(Language::Fr),
        "Non-conformité mineure"
    );
    assert_eq!(NcGrade::Major.label(Language::En), "major nonconformity");
    assert_eq!(RemoteNote::NonConforme.label(Language::En), "nonconforming");
    assert_eq!(
        ManagementSection::Pilotage.label(Language::Fr),
        ManagementSection::Pilotage.heading()
    );
    // The kinds of audit: every combination has its own code and label, in each language.
    let mut kinds = vec![
        AuditKind {
            audit_type: None,
            internal: false,
            external_on: None,
        },
        AuditKind {
            audit_type: None,
            internal: true,
            external_on: None,
        },
    ];
    for t in AuditType::ALL {
        kinds.push(AuditKind::external(*t));
        kinds.push(AuditKind::internal(*t));
    }
    let codes: std::collections::BTreeSet<&str> = kinds.iter().map(|k| k.code()).collect();
    assert_eq!(codes.len(), kinds.len());
    for language in Language::ALL {
        let labels: std::collections::BTreeSet<String> =
            kinds.iter().map(|k| k.label(*language)).collect();
        assert_eq!(labels.len(), kinds.len(), "{language}");
    }
    assert_eq!(
        AuditKind::internal(AuditType::Renouvellement).label(Language::En),
        "Internal audit ahead of a renewal audit"
    );
    assert_eq!(AuditKind::external(AuditType::Suivi).to_string(), "suivi");
}
