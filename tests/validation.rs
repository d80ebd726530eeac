//! Validation: one audit that triggers each code and one that does not, the pinned list of
//! codes, the documentation of every code, ordering and determinism, and the bundled samples.

#[path = "support/synthetic.rs"]
mod synthetic;
use proptest::prelude::*;
use qualepref::{
    AdministrationType, Assessment, Audit, AuditType, Auditor, Diagnostic, EcartTarget,
    EngagementNumber, FicheEcart, ImportCode, Language, ManagementItemId, ManagementSection,
    ModuleNumber, NcGrade, Observation, ObservationKind, Referentiel, RemoteNote, RuleCode,
    Severity, Unread, Valid, ValidationOptions, ValidationReport, Verdict, samples, validate,
    validate_referentiel,
};
use strum::IntoEnumIterator;

fn toulon() -> Audit {
    Audit::from_json_str(samples::TOULON_2019_JSON).unwrap()
}

fn q() -> &'static Referentiel {
    Referentiel::qual_e_pref_2019()
}

fn e(n: u16) -> EngagementNumber {
    EngagementNumber::new(n).unwrap()
}

fn m(n: u8) -> ModuleNumber {
    ModuleNumber::new(n).unwrap()
}

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

fn report(audit: &Audit) -> ValidationReport {
    validate(audit, q(), &ValidationOptions::default())
}

/// The diagnostics of `report` with code `code`.
fn of_code(report: &ValidationReport, code: RuleCode) -> Vec<Diagnostic> {
    report
        .diagnostics()
        .iter()
        .filter(|d| d.code == code)
        .cloned()
        .collect()
}

/// The line of `d` in English (`path: [code] severity: message`), which most tests assert; the
/// French texts have their own tests.
fn english(d: &Diagnostic) -> String {
    d.to_string_in(Language::En)
}

/// Asserts that `audit` gives exactly one diagnostic of `code`, with this severity, path and
/// English message.
#[track_caller]
fn expect_one(audit: &Audit, code: RuleCode, severity: Severity, path: &str, message: &str) {
    let report = report(audit);
    let found: Vec<(RuleCode, Severity, String, String)> = of_code(&report, code)
        .iter()
        .map(|d| {
            let message = d.message_in(Language::En).to_owned();
            (d.code, d.severity, d.path.clone(), message)
        })
        .collect();
    assert_eq!(
        found,
        vec![(code, severity, path.to_owned(), message.to_owned())],
        "full report:\n{}",
        report.to_string_in(Language::En)
    );
}

/// The paths of the report's diagnostics, in order.
fn paths(report: &ValidationReport) -> Vec<&str> {
    report
        .diagnostics()
        .iter()
        .map(|d| d.path.as_str())
        .collect()
}

/// Asserts that `audit` gives no diagnostic of `code`.
#[track_caller]
fn expect_none(audit: &Audit, code: RuleCode) {
    let report = report(audit);
    assert!(of_code(&report, code).is_empty(), "{code}:\n{report}");
}

fn fiche(target: EcartTarget, grade: NcGrade) -> FicheEcart {
    FicheEcart::new(target, grade, "Délai de réponse dépassé.")
        .with_requirement("Répondre dans le délai annoncé.")
        .with_due(date("2020-02-18"))
}

/// Toulon with engagement `n` (index n − 1) a nonconformity `grade` recorded by its fiche.
fn with_nc(n: u16, grade: NcGrade) -> Audit {
    let mut audit = toulon();
    audit.assessments[usize::from(n) - 1].verdict = Some(grade.into());
    audit
        .ecarts
        .push(fiche(EcartTarget::Engagement(e(n)), grade));
    audit
        .conclusion
        .fiches_ecart
        .clone_from(&vec!["Une fiche d'écart.".to_owned()]);
    audit
}

const PILOTAGE_5: ManagementItemId = ManagementItemId {
    section: ManagementSection::Pilotage,
    item: 5,
};

// ---------------------------------------------------------------------------------------------
// The samples and the "done when" case.

#[test]
fn toulon_has_no_diagnostic_at_all() {
    let report = report(&toulon());
    assert!(report.is_clean(), "{report}");
    assert_eq!(report.errors().count(), 0);
    assert_eq!(report.warnings().count(), 0);
    assert_eq!(report.infos().count(), 0);
    assert!(Valid::new(&toulon(), q(), &ValidationOptions::strict()).is_ok());
}

#[test]
fn synthetic_audit_has_no_error() {
    let referentiel = synthetic::synthetic_referentiel().unwrap();
    let audit = synthetic::synthetic_audit(&referentiel).unwrap();
    let report = validate(&audit, &referentiel, &ValidationOptions::default());
    assert!(!report.has_errors(), "{report}");
    // Its remote audit checks the internet and telephone channels only.
    let lines: Vec<String> = report.diagnostics().iter().map(english).collect();
    assert_eq!(
        lines,
        [
            "remote_checks: [remote-channel-not-checked] warning: the remote audit checks no \
          engagement on the courriels channel"
        ]
    );
    let valid = Valid::new(&audit, &referentiel, &ValidationOptions::default()).unwrap();
    assert_eq!(valid.audit(), &audit);
    assert_eq!(valid.referentiel(), &referentiel);
    assert_eq!(valid.report(), &report);
    assert!(validate_referentiel(&referentiel, &ValidationOptions::default()).is_clean());
}

#[test]
fn engagements_21_to_23_without_module_2_are_rejected() {
    let mut audit = toulon();
    audit.modules = vec![m(1)];
    let report = report(&audit);
    assert!(report.has_errors());
    let first = &report.diagnostics()[0];
    assert_eq!(
        english(first),
        "assessments[20].engagement: [module-not-covered] error: \
         engagement 21 is assessed but its module 2 is not covered"
    );
    let lines: Vec<String> = report.diagnostics().iter().map(english).collect();
    assert_eq!(
        lines,
        [
            "assessments[20].engagement: [module-not-covered] error: engagement 21 is assessed but its module 2 is not covered",
            "assessments[21].engagement: [module-not-covered] error: engagement 22 is assessed but its module 2 is not covered",
            "assessments[22].engagement: [module-not-covered] error: engagement 23 is assessed but its module 2 is not covered",
        ]
    );
    let err = Valid::new(&audit, q(), &ValidationOptions::default()).unwrap_err();
    assert_eq!(err, report);
}

// ---------------------------------------------------------------------------------------------
// One test per code: an audit that triggers it, one that does not.

#[test]
fn referentiel_mismatch() {
    let mut audit = toulon();
    audit.referentiel.id = "qualipref-2".to_owned();
    expect_one(
        &audit,
        RuleCode::ReferentielMismatch,
        Severity::Error,
        "referentiel.id",
        "the audit names référentiel \"qualipref-2\" but is validated against \"qual-e-pref-2019\"",
    );
    expect_none(&toulon(), RuleCode::ReferentielMismatch);
}

#[test]
fn unknown_departement() {
    let mut audit = toulon();
    audit.site.departement = "96".parse().unwrap();
    expect_one(
        &audit,
        RuleCode::UnknownDepartement,
        Severity::Warning,
        "site.departement",
        "département code 96 is not an existing département",
    );
    audit.site.departement = "2A".parse().unwrap();
    expect_none(&audit, RuleCode::UnknownDepartement);
    // Malformed codes never reach validation: parsing refuses them.
    let text =
        samples::TOULON_2019_JSON.replace("\"departement\": \"83\"", "\"departement\": \"8\"");
    assert!(Audit::from_json_str(&text).is_err());
}

#[test]
fn dates_reversed() {
    let mut audit = toulon();
    audit.dates.end = date("2019-11-17");
    expect_one(
        &audit,
        RuleCode::DatesReversed,
        Severity::Error,
        "dates.end",
        "the audit ends on 2019-11-17, before its start on 2019-11-18",
    );
    audit.dates.end = audit.dates.start;
    expect_none(&audit, RuleCode::DatesReversed);
}

#[test]
fn audit_before_referentiel() {
    let mut audit = toulon();
    audit.dates.start = date("2018-01-15");
    expect_one(
        &audit,
        RuleCode::AuditBeforeReferentiel,
        Severity::Error,
        "dates.start",
        "the audit starts on 2018-01-15, before the référentiel qual-e-pref-2019 dated 2018-12-19",
    );
    audit.dates.start = date("2018-12-19");
    expect_none(&audit, RuleCode::AuditBeforeReferentiel);
}

#[test]
fn external_audit_without_type() {
    let mut audit = toulon();
    audit.kind.internal = false;
    audit.kind.audit_type = None;
    expect_one(
        &audit,
        RuleCode::ExternalAuditWithoutType,
        Severity::Error,
        "kind.type",
        "the external audit does not state its type (initial, suivi, renouvellement or extension)",
    );
    expect_none(&audit, RuleCode::InternalAuditWithoutType);
    audit.kind.audit_type = Some(AuditType::Suivi);
    expect_none(&audit, RuleCode::ExternalAuditWithoutType);
}

#[test]
fn internal_audit_without_type() {
    let mut audit = toulon();
    audit.kind.audit_type = None;
    expect_one(
        &audit,
        RuleCode::InternalAuditWithoutType,
        Severity::Warning,
        "kind.type",
        "the internal audit does not state which external audit it precedes (initial, suivi, renouvellement or extension)",
    );
    expect_none(&audit, RuleCode::ExternalAuditWithoutType);
    expect_none(&toulon(), RuleCode::InternalAuditWithoutType);
}

#[test]
fn no_auditor() {
    let mut audit = toulon();
    audit.auditors.clear();
    expect_one(
        &audit,
        RuleCode::NoAuditor,
        Severity::Error,
        "auditors",
        "no auditor is named",
    );
    expect_none(&toulon(), RuleCode::NoAuditor);
}

#[test]
fn auditor_without_name() {
    let mut audit = toulon();
    audit.auditors.push(Auditor {
        name: "  ".to_owned(),
        role: None,
        phone: None,
        email: None,
        signed_on: None,
    });
    expect_one(
        &audit,
        RuleCode::AuditorWithoutName,
        Severity::Error,
        "auditors[1].name",
        "auditor 2 has an empty name",
    );
    expect_none(&audit, RuleCode::NoAuditor);
    expect_none(&toulon(), RuleCode::AuditorWithoutName);
}

#[test]
fn obligatory_module_not_covered() {
    let mut audit = toulon();
    audit.modules = vec![m(2)];
    audit.assessments.retain(|a| a.module == m(2));
    audit.remote_checks.clear();
    expect_one(
        &audit,
        RuleCode::ObligatoryModuleNotCovered,
        Severity::Error,
        "modules",
        "module 1 (Relation générale avec les usagers) is obligatory but not covered",
    );
    expect_none(&toulon(), RuleCode::ObligatoryModuleNotCovered);
}

#[test]
fn duplicate_module() {
    let mut audit = toulon();
    audit.modules = vec![m(1), m(2), m(2), m(2)];
    expect_one(
        &audit,
        RuleCode::DuplicateModule,
        Severity::Warning,
        "modules[2]",
        "module 2 is listed 3 times",
    );
    // Listed twice, its engagements are still checked once.
    expect_none(&audit, RuleCode::MissingAssessment);
    expect_none(&toulon(), RuleCode::DuplicateModule);
}

#[test]
fn unknown_module() {
    let mut referentiel: serde_json::Value =
        serde_json::from_str(Referentiel::qual_e_pref_2019_json()).unwrap();
    referentiel["modules"]
        .as_array_mut()
        .unwrap()
        .retain(|m| m["number"] != 5);
    let referentiel = Referentiel::from_json_str(&referentiel.to_string()).unwrap();
    let mut audit = toulon();
    audit.modules.push(m(5));
    let found = of_code(
        &validate(&audit, &referentiel, &ValidationOptions::default()),
        RuleCode::UnknownModule,
    );
    assert_eq!(
        english(&found[0]),
        "modules[2]: [unknown-module] error: module 5 is covered but the référentiel qual-e-pref-2019 has no module 5"
    );
    assert_eq!(found.len(), 1);
    audit.modules.pop();
    assert!(validate(&audit, &referentiel, &ValidationOptions::default()).is_clean());
}

#[test]
fn module_not_bundled() {
    let mut audit = toulon();
    audit.modules.push(m(3));
    // An assessment in the not-bundled module is not reported as unknown on top.
    audit
        .assessments
        .push(Assessment::new(e(24), m(3), Verdict::Conformity));
    expect_one(
        &audit,
        RuleCode::ModuleNotBundled,
        Severity::Error,
        "modules[2]",
        "module 3 is covered but the référentiel qual-e-pref-2019 does not bundle its engagements; load a complete référentiel (e.g. with Referentiel::from_path) to validate it",
    );
    assert_eq!(report(&audit).diagnostics().len(), 1, "{}", report(&audit));
    // With a complete référentiel, module 3 is checked instead.
    let full = synthetic::synthetic_referentiel().unwrap();
    let synthetic = synthetic::synthetic_audit(&full).unwrap();
    assert!(
        of_code(
            &validate(&synthetic, &full, &ValidationOptions::default()),
            RuleCode::ModuleNotBundled
        )
        .is_empty()
    );
    expect_none(&toulon(), RuleCode::ModuleNotBundled);
}

#[test]
fn a_module_listed_twice_is_checked_once() {
    let mut audit = toulon();
    audit.modules.push(m(3));
    audit.modules.push(m(3));
    let report = report(&audit);
    let codes: Vec<RuleCode> = report.diagnostics().iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        [RuleCode::DuplicateModule, RuleCode::ModuleNotBundled],
        "{report}"
    );
    assert_eq!(report.diagnostics()[0].path, "modules[3]");
    assert_eq!(report.diagnostics()[1].path, "modules[2]");
}

#[test]
fn police_module_wrong_administration() {
    let full = synthetic::synthetic_referentiel().unwrap();
    let mut audit = synthetic::synthetic_audit(&full).unwrap();
    assert!(
        of_code(
            &validate(&audit, &full, &ValidationOptions::default()),
            RuleCode::PoliceModuleWrongAdministration
        )
        .is_empty()
    );
    audit.site.administration = AdministrationType::Prefecture;
    let found = of_code(
        &validate(&audit, &full, &ValidationOptions::default()),
        RuleCode::PoliceModuleWrongAdministration,
    );
    assert_eq!(
        english(&found[0]),
        "modules[7]: [police-module-wrong-administration] warning: module 8 is covered by a site of type prefecture; it is meant for the préfecture de police only"
    );
    assert_eq!(found.len(), 1);
}

#[test]
fn module_not_covered() {
    let mut audit = toulon();
    audit.modules = vec![m(1)];
    audit.assessments.truncate(21);
    expect_one(
        &audit,
        RuleCode::ModuleNotCovered,
        Severity::Error,
        "assessments[20].engagement",
        "engagement 21 is assessed but its module 2 is not covered",
    );
    audit.assessments.truncate(20);
    expect_none(&audit, RuleCode::ModuleNotCovered);
    assert!(report(&audit).is_clean(), "{}", report(&audit));
}

#[test]
fn unknown_engagement() {
    let mut audit = toulon();
    audit
        .assessments
        .push(Assessment::new(e(99), m(2), Verdict::Conformity));
    expect_one(
        &audit,
        RuleCode::UnknownEngagement,
        Severity::Error,
        "assessments[23].engagement",
        "engagement 99 is not in the référentiel qual-e-pref-2019",
    );
    expect_none(&toulon(), RuleCode::UnknownEngagement);
}

#[test]
fn wrong_module() {
    let mut audit = toulon();
    audit.assessments[20].module = m(1);
    expect_one(
        &audit,
        RuleCode::WrongModule,
        Severity::Error,
        "assessments[20].module",
        "engagement 21 is filed under module 1 but belongs to module 2",
    );
    let mut audit = toulon();
    audit.remote_checks[0].module = m(2);
    expect_one(
        &audit,
        RuleCode::WrongModule,
        Severity::Error,
        "remote_checks[0].module",
        "the internet remote check of engagement 1 is filed under module 2 but the engagement belongs to module 1",
    );
    expect_none(&toulon(), RuleCode::WrongModule);
}

#[test]
fn missing_assessment() {
    let mut audit = toulon();
    audit.assessments.remove(4);
    expect_one(
        &audit,
        RuleCode::MissingAssessment,
        Severity::Error,
        "assessments",
        "engagement 5 of module 1 is not assessed",
    );
    expect_none(&toulon(), RuleCode::MissingAssessment);
}

#[test]
fn duplicate_assessment() {
    let mut audit = toulon();
    let copy = audit.assessments[4].clone();
    audit.assessments.insert(0, copy);
    expect_one(
        &audit,
        RuleCode::DuplicateAssessment,
        Severity::Error,
        "assessments[5]",
        "engagement 5 is assessed 2 times",
    );
    expect_none(&toulon(), RuleCode::DuplicateAssessment);
}

#[test]
fn missing_verdict() {
    let mut audit = toulon();
    audit.assessments[4].verdict = None;
    expect_one(
        &audit,
        RuleCode::MissingVerdict,
        Severity::Error,
        "assessments[4].verdict",
        "engagement 5 has no verdict",
    );
    let mut audit = toulon();
    audit.management[4].verdict = None;
    expect_one(
        &audit,
        RuleCode::MissingVerdict,
        Severity::Error,
        "management[4].verdict",
        "management item pilotage 5 has no verdict",
    );
    expect_none(&toulon(), RuleCode::MissingVerdict);
}

#[test]
fn na_without_justification() {
    let mut audit = toulon();
    audit.assessments[4].verdict = Some(Verdict::NotApplicable);
    audit.assessments[4].comment = Some(" ".to_owned());
    expect_one(
        &audit,
        RuleCode::NaWithoutJustification,
        Severity::Warning,
        "assessments[4].comment",
        "engagement 5 is NA without a justification",
    );
    audit.assessments[4].comment = Some("Pas d'accueil physique sur ce site.".to_owned());
    expect_none(&audit, RuleCode::NaWithoutJustification);
    assert!(report(&audit).is_clean());
}

#[test]
fn empty_observation() {
    let mut audit = toulon();
    audit.assessments[16].observations[0].text = String::new();
    expect_one(
        &audit,
        RuleCode::EmptyObservation,
        Severity::Error,
        "assessments[16].observations[0].text",
        "observation 1 (PP) of engagement 17 has an empty text",
    );
    let mut audit = toulon();
    audit.remote_checks[1].observations[0].text = " ".to_owned();
    expect_one(
        &audit,
        RuleCode::EmptyObservation,
        Severity::Error,
        "remote_checks[1].observations[0].text",
        "observation 1 (PP) of the internet remote check of engagement 3 has an empty text",
    );
    expect_none(&toulon(), RuleCode::EmptyObservation);
}

#[test]
fn ps_without_risk() {
    let mut audit = toulon();
    audit.assessments[16].observations.push(Observation::new(
        ObservationKind::AreaOfConcern,
        "Délais non tenus.",
    ));
    audit.conclusion.points_sensibles = vec!["Délais de réponse aux courriels.".to_owned()];
    expect_one(
        &audit,
        RuleCode::PsWithoutRisk,
        Severity::Warning,
        "assessments[16].observations[1].risk",
        "observation 2 (PS) of engagement 17 does not state its risk",
    );
    audit.assessments[16].observations[1].risk = Some("Perte de confiance.".to_owned());
    expect_none(&audit, RuleCode::PsWithoutRisk);
    assert!(report(&audit).is_clean());
}

#[test]
fn missing_management_item() {
    let mut audit = toulon();
    audit.management.remove(4);
    expect_one(
        &audit,
        RuleCode::MissingManagementItem,
        Severity::Error,
        "management",
        "management item pilotage 5 (Comité des usagers) is not assessed",
    );
    expect_none(&toulon(), RuleCode::MissingManagementItem);
}

#[test]
fn duplicate_management_item() {
    let mut audit = toulon();
    let copy = audit.management[4].clone();
    audit.management.push(copy);
    expect_one(
        &audit,
        RuleCode::DuplicateManagementItem,
        Severity::Error,
        "management[7]",
        "management item pilotage 5 is assessed 2 times",
    );
    expect_none(&toulon(), RuleCode::DuplicateManagementItem);
}

#[test]
fn unknown_management_item() {
    let mut audit = toulon();
    let mut extra = audit.management[4].clone();
    extra.item = 9;
    audit.management.push(extra);
    expect_one(
        &audit,
        RuleCode::UnknownManagementItem,
        Severity::Error,
        "management[7].item",
        "management item pilotage 9 is not in the référentiel qual-e-pref-2019",
    );
    expect_none(&toulon(), RuleCode::UnknownManagementItem);
}

#[test]
fn remote_check_module_not_covered() {
    let mut audit = toulon();
    audit.modules = vec![m(1)];
    audit.assessments.truncate(20);
    let mut check = audit.remote_checks[0].clone();
    check.engagement = e(21);
    check.module = m(2);
    audit.remote_checks.push(check);
    expect_one(
        &audit,
        RuleCode::RemoteCheckModuleNotCovered,
        Severity::Error,
        "remote_checks[13].engagement",
        "engagement 21 is checked remotely (internet) but its module 2 is not covered",
    );
    expect_none(&toulon(), RuleCode::RemoteCheckModuleNotCovered);
}

#[test]
fn remote_check_unknown_engagement() {
    let mut audit = toulon();
    audit.remote_checks[0].engagement = e(99);
    expect_one(
        &audit,
        RuleCode::RemoteCheckUnknownEngagement,
        Severity::Error,
        "remote_checks[0].engagement",
        "engagement 99 is checked remotely (internet) but is not in the référentiel qual-e-pref-2019",
    );
    expect_none(&toulon(), RuleCode::RemoteCheckUnknownEngagement);
}

#[test]
fn remote_check_without_note() {
    let mut audit = toulon();
    audit.remote_checks[0].note = None;
    expect_one(
        &audit,
        RuleCode::RemoteCheckWithoutNote,
        Severity::Warning,
        "remote_checks[0].note",
        "the internet remote check of engagement 1 has no note",
    );
    expect_none(&toulon(), RuleCode::RemoteCheckWithoutNote);
}

#[test]
fn remote_check_contradicts_verdict() {
    let mut audit = toulon();
    audit.remote_checks[0].note = Some(RemoteNote::NonConforme);
    expect_one(
        &audit,
        RuleCode::RemoteCheckContradictsVerdict,
        Severity::Warning,
        "remote_checks[0].note",
        "the internet remote check of engagement 1 is Non conforme but its on-site verdict is C",
    );
    let audit = with_nc(1, NcGrade::Major);
    let found = of_code(&report(&audit), RuleCode::RemoteCheckContradictsVerdict);
    assert_eq!(
        found.iter().map(english).collect::<Vec<_>>(),
        [
            "remote_checks[0].note: [remote-check-contradicts-verdict] warning: the internet remote check of engagement 1 is Conforme but its on-site verdict is NC Maj",
            "remote_checks[7].note: [remote-check-contradicts-verdict] warning: the telephone remote check of engagement 1 is Conforme but its on-site verdict is NC Maj",
        ]
    );
    // Non conforme remotely and NC on site agree; Non applicable contradicts nothing.
    let mut audit = with_nc(1, NcGrade::Minor);
    audit.remote_checks[0].note = Some(RemoteNote::NonConforme);
    audit.remote_checks[7].note = Some(RemoteNote::NonApplicable);
    expect_none(&audit, RuleCode::RemoteCheckContradictsVerdict);
}

#[test]
fn duplicate_remote_check() {
    let mut audit = toulon();
    let copy = audit.remote_checks[0].clone();
    audit.remote_checks.push(copy);
    expect_one(
        &audit,
        RuleCode::DuplicateRemoteCheck,
        Severity::Warning,
        "remote_checks[13]",
        "engagement 1 is checked 2 times on the internet channel",
    );
    // The same engagement on two channels is normal (engagement 1: internet and telephone).
    expect_none(&toulon(), RuleCode::DuplicateRemoteCheck);
}

#[test]
fn nonconformity_without_fiche() {
    // Engagement 18 has no remote check that could contradict its verdict.
    let mut audit = with_nc(18, NcGrade::Minor);
    assert!(report(&audit).is_clean(), "{}", report(&audit));
    audit.ecarts.clear();
    expect_one(
        &audit,
        RuleCode::NonconformityWithoutFiche,
        Severity::Error,
        "assessments[17].verdict",
        "engagement 18 is NC min but has no fiche d'écart",
    );
    let mut audit = toulon();
    audit.management[4].verdict = Some(Verdict::MajorNonconformity);
    audit.conclusion.fiches_ecart = vec!["Une fiche d'écart.".to_owned()];
    expect_one(
        &audit,
        RuleCode::NonconformityWithoutFiche,
        Severity::Error,
        "management[4].verdict",
        "management item pilotage 5 is NC Maj but has no fiche d'écart",
    );
    audit
        .ecarts
        .push(fiche(EcartTarget::Management(PILOTAGE_5), NcGrade::Major));
    expect_none(&audit, RuleCode::NonconformityWithoutFiche);
    // What remains is Toulon's conclusion générale, which praises an audit now holding an
    // NC Maj.
    let codes: Vec<RuleCode> = report(&audit)
        .diagnostics()
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, [RuleCode::ConclusionPraisesMajorNonconformity]);
}

#[test]
fn fiche_without_nonconformity() {
    let mut audit = toulon();
    audit
        .ecarts
        .push(fiche(EcartTarget::Engagement(e(5)), NcGrade::Minor));
    expect_one(
        &audit,
        RuleCode::FicheWithoutNonconformity,
        Severity::Error,
        "ecarts[0].target",
        "the fiche d'écart for engagement 5 records no nonconformity: its verdict is C",
    );
    audit.ecarts[0].target = EcartTarget::Engagement(e(99));
    expect_one(
        &audit,
        RuleCode::FicheWithoutNonconformity,
        Severity::Error,
        "ecarts[0].target",
        "the fiche d'écart for engagement 99 records no nonconformity: it is not assessed",
    );
    audit.ecarts[0].target = EcartTarget::Management(PILOTAGE_5);
    audit.management[4].verdict = None;
    expect_one(
        &audit,
        RuleCode::FicheWithoutNonconformity,
        Severity::Error,
        "ecarts[0].target",
        "the fiche d'écart for management item pilotage 5 records no nonconformity: it has no verdict",
    );
    expect_none(
        &with_nc(5, NcGrade::Minor),
        RuleCode::FicheWithoutNonconformity,
    );
}

#[test]
fn fiche_grade_mismatch() {
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.ecarts[0].grade = NcGrade::Major;
    expect_one(
        &audit,
        RuleCode::FicheGradeMismatch,
        Severity::Error,
        "ecarts[0].grade",
        "the fiche d'écart for engagement 17 is graded NC Maj but the verdict is NC min",
    );
    expect_none(&with_nc(17, NcGrade::Major), RuleCode::FicheGradeMismatch);
}

#[test]
fn duplicate_fiche() {
    let mut audit = with_nc(17, NcGrade::Minor);
    let copy = audit.ecarts[0].clone();
    audit.ecarts.push(copy);
    expect_one(
        &audit,
        RuleCode::DuplicateFiche,
        Severity::Error,
        "ecarts[1]",
        "engagement 17 has 2 fiches d'écart",
    );
    expect_none(&with_nc(17, NcGrade::Minor), RuleCode::DuplicateFiche);
}

#[test]
fn fiche_empty_finding() {
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.ecarts[0].finding = "\n".to_owned();
    expect_one(
        &audit,
        RuleCode::FicheEmptyFinding,
        Severity::Error,
        "ecarts[0].finding",
        "the fiche d'écart for engagement 17 has an empty finding",
    );
    expect_none(&with_nc(17, NcGrade::Minor), RuleCode::FicheEmptyFinding);
}

#[test]
fn fiche_due_before_audit_end() {
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.ecarts[0].due = Some(date("2019-10-01"));
    expect_one(
        &audit,
        RuleCode::FicheDueBeforeAuditEnd,
        Severity::Warning,
        "ecarts[0].due",
        "the fiche d'écart for engagement 17 is due on 2019-10-01, before the audit's end on 2019-11-18",
    );
    audit.ecarts[0].due = Some(date("2019-11-18"));
    expect_none(&audit, RuleCode::FicheDueBeforeAuditEnd);
    // `due` is the one échéance of a fiche: its number, cause and answer carry none, and an
    // internal audit's planned external audit is no due date (it has its own rule).
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.ecarts[0].number = Some(1);
    audit.ecarts[0].cause = Some("Pas de suivi des courriers.".to_owned());
    audit.ecarts[0].response = Some("Registre mis en place.".to_owned());
    audit.ecarts[0].due = Some(date("2019-10-01"));
    audit.kind = audit.kind.external_on(date("2019-11-10"));
    expect_one(
        &audit,
        RuleCode::FicheDueBeforeAuditEnd,
        Severity::Warning,
        "ecarts[0].due",
        "the fiche d'écart for engagement 17 is due on 2019-10-01, before the audit's end on 2019-11-18",
    );
    audit.ecarts[0].due = None;
    expect_none(&audit, RuleCode::FicheDueBeforeAuditEnd);
}

#[test]
fn fiche_status_before_audit() {
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.ecarts[0].status = qualepref::ActionStatus::Lifted {
        on: date("2019-01-01"),
        evidence: "Registre du courrier (preuve synthétique).".to_owned(),
    };
    expect_one(
        &audit,
        RuleCode::FicheStatusBeforeAudit,
        Severity::Error,
        "ecarts[0].status.on",
        "the fiche d'écart for engagement 17 is lifted on 2019-01-01, before the audit started on 2019-11-18",
    );
    audit.ecarts[0].status = qualepref::ActionStatus::NotLifted {
        on: date("2019-11-17"),
        reason: String::new(),
    };
    expect_one(
        &audit,
        RuleCode::FicheStatusBeforeAudit,
        Severity::Error,
        "ecarts[0].status.on",
        "the fiche d'écart for engagement 17 is checked on 2019-11-17, before the audit started on 2019-11-18",
    );
    // Checked on the audit's first day or later, or not checked yet: nothing to say.
    audit.ecarts[0].status = qualepref::ActionStatus::NotLifted {
        on: date("2019-11-18"),
        reason: String::new(),
    };
    expect_none(&audit, RuleCode::FicheStatusBeforeAudit);
    audit.ecarts[0].status = qualepref::ActionStatus::InProgress;
    expect_none(&audit, RuleCode::FicheStatusBeforeAudit);
}

#[test]
fn fiche_lifted_without_evidence() {
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.ecarts[0].status = qualepref::ActionStatus::Lifted {
        on: date("2020-02-10"),
        evidence: " ".to_owned(),
    };
    expect_one(
        &audit,
        RuleCode::FicheLiftedWithoutEvidence,
        Severity::Warning,
        "ecarts[0].status.evidence",
        "the fiche d'écart for engagement 17 is lifted without evidence",
    );
    audit.ecarts[0].status = qualepref::ActionStatus::Lifted {
        on: date("2020-02-10"),
        evidence: "Registre du courrier (preuve synthétique).".to_owned(),
    };
    expect_none(&audit, RuleCode::FicheLiftedWithoutEvidence);
    // A reason is not required to say an écart stays.
    audit.ecarts[0].status = qualepref::ActionStatus::NotLifted {
        on: date("2020-02-10"),
        reason: String::new(),
    };
    expect_none(&audit, RuleCode::FicheLiftedWithoutEvidence);
}

#[test]
fn charte_graphique_in_initial_audit() {
    let mut audit = toulon();
    audit.conclusion.charte_graphique.verdict = Some(Verdict::Conformity);
    expect_one(
        &audit,
        RuleCode::CharteGraphiqueInInitialAudit,
        Severity::Error,
        "conclusion.charte_graphique.verdict",
        "the charte graphique is assessed C in an initial audit, where it is not applicable",
    );
    audit.kind.audit_type = Some(AuditType::Suivi);
    expect_none(&audit, RuleCode::CharteGraphiqueInInitialAudit);
}

#[test]
fn conclusion_contradicts_findings() {
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.conclusion.fiches_ecart =
        vec!["ABSENCE de non conformite majeure ou mineure.".to_owned()];
    expect_one(
        &audit,
        RuleCode::ConclusionContradictsFindings,
        Severity::Warning,
        "conclusion.fiches_ecart[0]",
        "the section says \"ABSENCE de non conformite majeure ou mineure.\" but the audit has 1 nonconformity",
    );
    audit.conclusion.fiches_ecart = vec!["Sans objet.".to_owned()];
    expect_one(
        &audit,
        RuleCode::ConclusionContradictsFindings,
        Severity::Warning,
        "conclusion.fiches_ecart[0]",
        "the section says \"Sans objet.\" but the audit has 1 nonconformity",
    );
    let mut audit = toulon();
    audit.assessments[16].observations.push(Observation {
        kind: ObservationKind::AreaOfConcern,
        text: "Délais non tenus.".to_owned(),
        risk: Some("Perte de confiance.".to_owned()),
    });
    expect_one(
        &audit,
        RuleCode::ConclusionContradictsFindings,
        Severity::Warning,
        "conclusion.points_sensibles[0]",
        "the section says \"Sans objet.\" but the audit has 1 PS observation",
    );
    let mut audit = toulon();
    audit.conclusion.points_forts = vec!["sans objet".to_owned()];
    audit.conclusion.pistes_de_progres = vec!["SANS OBJET.".to_owned()];
    let found = of_code(&report(&audit), RuleCode::ConclusionContradictsFindings);
    assert_eq!(
        found.iter().map(english).collect::<Vec<_>>(),
        [
            "conclusion.points_forts[0]: [conclusion-contradicts-findings] warning: the section says \"sans objet\" but the audit has 10 PF observations",
            "conclusion.pistes_de_progres[0]: [conclusion-contradicts-findings] warning: the section says \"SANS OBJET.\" but the audit has 4 PP observations",
        ]
    );
    // Toulon says « Absence de non-conformité » with no NC and « Sans objet » with no PS: fine.
    // A fiches_ecart text without « absence » while no NC exists is fine too.
    let mut audit = toulon();
    audit.conclusion.fiches_ecart = vec!["Voir le rapport.".to_owned()];
    expect_none(&audit, RuleCode::ConclusionContradictsFindings);
    expect_none(&toulon(), RuleCode::ConclusionContradictsFindings);
}

// ---------------------------------------------------------------------------------------------
// The référentiel.

fn referentiel_with(edit: impl FnOnce(&mut serde_json::Value)) -> Referentiel {
    let mut data: serde_json::Value =
        serde_json::from_str(Referentiel::qual_e_pref_2019_json()).unwrap();
    edit(&mut data);
    Referentiel::from_json_str(&data.to_string()).unwrap()
}

#[track_caller]
fn referentiel_lines(referentiel: &Referentiel) -> Vec<String> {
    validate_referentiel(referentiel, &ValidationOptions::default())
        .diagnostics()
        .iter()
        .map(english)
        .collect()
}

#[test]
fn engagement_numbering_gap() {
    let r = referentiel_with(|d| {
        d["engagements"].as_array_mut().unwrap().retain(|e| {
            !(1..=2).contains(&e["number"].as_u64().unwrap())
                && e["number"] != 21
                && e["number"] != 22
        });
    });
    assert_eq!(
        referentiel_lines(&r),
        [
            "engagements[0]: [engagement-numbering-gap] warning: engagement numbers start at 3: 1 to 2 are missing",
            "engagements[18]: [engagement-numbering-gap] warning: engagement numbers jump from 20 to 23: 21 to 22 are missing",
        ]
    );
    let r = referentiel_with(|d| {
        d["engagements"]
            .as_array_mut()
            .unwrap()
            .retain(|e| e["number"] != 10);
    });
    assert_eq!(
        referentiel_lines(&r),
        [
            "engagements[9]: [engagement-numbering-gap] warning: engagement numbers jump from 9 to 11: 10 is missing"
        ]
    );
    assert!(referentiel_lines(q()).is_empty());
}

#[test]
fn module_engagements_not_contiguous() {
    let r = referentiel_with(|d| {
        for eng in d["engagements"].as_array_mut().unwrap() {
            if eng["number"] == 22 {
                eng["module"] = 1.into();
                eng["group"] = serde_json::Value::Null;
            }
        }
    });
    assert_eq!(
        referentiel_lines(&r),
        [
            "modules[0]: [module-engagements-not-contiguous] warning: the engagements of module 1 are not contiguous: engagement 21 of module 2 lies between 1 and 22",
            "modules[1]: [module-engagements-not-contiguous] warning: the engagements of module 2 are not contiguous: engagement 22 of module 1 lies between 21 and 23",
        ]
    );
    assert!(referentiel_lines(q()).is_empty());
}

#[test]
fn no_obligatory_module() {
    let r = referentiel_with(|d| {
        for module in d["modules"].as_array_mut().unwrap() {
            module["obligatory"] = false.into();
        }
    });
    assert_eq!(
        referentiel_lines(&r),
        [
            "modules: [no-obligatory-module] info: no module of the référentiel qual-e-pref-2019 is obligatory"
        ]
    );
    // With no obligatory module, an audit without module 1 is not reported.
    let mut audit = toulon();
    audit.modules = vec![m(2)];
    audit.assessments.retain(|a| a.module == m(2));
    audit.remote_checks.clear();
    assert!(validate(&audit, &r, &ValidationOptions::default()).is_clean());
    assert!(referentiel_lines(q()).is_empty());
}

// ---------------------------------------------------------------------------------------------
// ValidationOptions.

#[test]
fn options_presets_and_overrides() {
    let mut audit = toulon();
    audit.remote_checks[0].note = None; // warning
    audit.assessments[4].verdict = None; // error
    let severities = |options: &ValidationOptions| -> Vec<(RuleCode, Severity)> {
        validate(&audit, q(), options)
            .diagnostics()
            .iter()
            .map(|d| (d.code, d.severity))
            .collect()
    };
    assert_eq!(
        severities(&ValidationOptions::default()),
        [
            (RuleCode::RemoteCheckWithoutNote, Severity::Warning),
            (RuleCode::MissingVerdict, Severity::Error)
        ]
    );
    assert_eq!(
        severities(&ValidationOptions::strict()),
        [
            (RuleCode::RemoteCheckWithoutNote, Severity::Error),
            (RuleCode::MissingVerdict, Severity::Error)
        ]
    );
    assert_eq!(
        severities(&ValidationOptions::lenient()),
        [
            (RuleCode::RemoteCheckWithoutNote, Severity::Info),
            (RuleCode::MissingVerdict, Severity::Error)
        ]
    );
    let options = ValidationOptions::strict()
        .with(RuleCode::MissingVerdict, Severity::Warning)
        .disable(RuleCode::RemoteCheckWithoutNote);
    assert_eq!(
        severities(&options),
        [(RuleCode::MissingVerdict, Severity::Warning)]
    );
    assert!(Valid::new(&audit, q(), &options).is_ok());
    let mut options = ValidationOptions::new();
    options.overrides.insert(RuleCode::MissingVerdict, None);
    assert_eq!(
        severities(&options),
        [(RuleCode::RemoteCheckWithoutNote, Severity::Warning)]
    );
    let mut strict_toulon = toulon();
    strict_toulon.remote_checks[0].note = None;
    let valid = Valid::new(&strict_toulon, q(), &ValidationOptions::default()).unwrap();
    // A valid audit keeps its warnings.
    let warnings: Vec<&str> = valid.report().warnings().map(|d| d.path.as_str()).collect();
    assert_eq!(warnings, ["remote_checks[0].note"]);
    assert_eq!(valid.report().diagnostics().len(), 1);
    assert!(std::ptr::eq(
        valid.audit(),
        std::ptr::from_ref(&strict_toulon)
    ));
    assert!(std::ptr::eq(valid.referentiel(), q()));
    assert!(Valid::new(&strict_toulon, q(), &ValidationOptions::strict()).is_err());
}

#[test]
fn report_accessors_and_serde() {
    let mut audit = toulon();
    audit.remote_checks[0].note = None;
    audit.assessments[4].verdict = None;
    let report = validate(&audit, q(), &ValidationOptions::default());
    assert_eq!(report.errors().count(), 1);
    assert_eq!(report.warnings().count(), 1);
    assert_eq!(report.infos().count(), 0);
    assert!(!report.is_clean());
    assert_eq!(
        report.to_string_in(Language::En),
        "remote_checks[0].note: [remote-check-without-note] warning: the internet remote check of engagement 1 has no note\n\
         assessments[4].verdict: [missing-verdict] error: engagement 5 has no verdict\n"
    );
    // Display is the French, and so is the JSON's message.
    assert_eq!(
        report.to_string(),
        "remote_checks[0].note\u{a0}: [remote-check-without-note] avertissement\u{a0}: le contrôle à distance (Internet) de l'engagement 1 n'a pas de note\n\
         assessments[4].verdict\u{a0}: [missing-verdict] erreur\u{a0}: l'engagement 5 n'a pas de verdict\n"
    );
    assert_eq!(report.to_string(), report.to_string_in(Language::Fr));
    let json = serde_json::to_string(&report.diagnostics()[1]).unwrap();
    assert_eq!(
        json,
        r#"{"code":"missing-verdict","severity":"error","path":"assessments[4].verdict","message":"l'engagement 5 n'a pas de verdict"}"#
    );
    // Read back, a diagnostic has its French text only, which it gives in English too.
    let back: Diagnostic = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report.diagnostics()[1]);
    assert_eq!(
        back.message_in(Language::En),
        "l'engagement 5 n'a pas de verdict"
    );
    assert_eq!(report.clone().into_diagnostics(), report.diagnostics());
}

// ---------------------------------------------------------------------------------------------
// Order.

#[test]
fn order_is_module_then_engagement_then_field() {
    let mut audit = toulon();
    audit.assessments[22].verdict = None; // engagement 23, module 2
    audit.assessments[0].verdict = None; // engagement 1, module 1
    audit.remote_checks[0].note = None; // engagement 1 remote
    audit.management[4].verdict = None; // management
    audit.dates.end = date("2019-11-01"); // whole audit
    audit.conclusion.charte_graphique.verdict = Some(Verdict::Conformity); // conclusion
    audit.modules.push(m(2)); // module 2 duplicate
    let report = report(&audit);
    assert_eq!(
        paths(&report),
        [
            "dates.end",
            "assessments[0].verdict",
            "remote_checks[0].note",
            "modules[2]",
            "assessments[22].verdict",
            "management[4].verdict",
            "conclusion.charte_graphique.verdict",
        ]
    );
}

#[test]
fn unknown_engagements_sort_by_the_module_they_are_filed_under_else_after_the_modules() {
    let mut audit = toulon();
    audit.assessments[0].verdict = None; // engagement 1, module 1
    audit.assessments[22].verdict = None; // engagement 23, module 2
    audit.management[4].verdict = None; // management, after the modules
    // Engagement 30 is not in the référentiel but is filed under module 1: sorted in module 1.
    let mut unknown = audit.assessments[1].clone();
    unknown.engagement = e(30);
    audit.assessments.push(unknown);
    // Engagements 24 and 500 are neither in the référentiel nor assessed: after the modules,
    // by number.
    let mut remote = audit.remote_checks[0].clone();
    remote.engagement = e(500);
    audit.remote_checks.push(remote);
    audit
        .ecarts
        .push(fiche(EcartTarget::Engagement(e(24)), NcGrade::Minor));
    let report = report(&audit);
    assert_eq!(
        paths(&report),
        [
            "assessments[0].verdict",
            "assessments[23].engagement",
            "assessments[22].verdict",
            "ecarts[0].target",
            "remote_checks[13].engagement",
            "management[4].verdict",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// The list of codes, pinned; every code documented and tested.

fn codes_listing() -> String {
    use std::fmt::Write;
    let mut listing = String::new();
    for code in RuleCode::iter() {
        writeln!(listing, "{} {}", code, code.default_severity()).unwrap();
    }
    listing
}

#[test]
fn codes_snapshot() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/codes.txt");
    let generated = codes_listing();
    let Ok(pinned) = std::fs::read_to_string(path) else {
        panic!("{path} is missing; review and commit this listing:\n{generated}");
    };
    assert_eq!(
        pinned, generated,
        "the list of codes changed; codes are never renamed. If a code was added on purpose, \
         update {path} with the listing above"
    );
}

#[test]
fn all_lists_every_code_once() {
    let iterated: Vec<RuleCode> = RuleCode::iter().collect();
    assert_eq!(RuleCode::ALL, iterated.as_slice());
    for code in RuleCode::iter() {
        assert_eq!(code.as_str().parse::<RuleCode>().unwrap(), code);
        assert_eq!(
            serde_json::to_string(&code).unwrap(),
            format!("\"{}\"", code.as_str())
        );
    }
}

/// `docs/codes.md` is generated from the code tables; `UPDATE_CODES=1` rewrites it.
#[test]
fn codes_md_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/codes.md");
    let generated = qualepref::codes::markdown();
    if std::env::var_os("UPDATE_CODES").is_some() {
        std::fs::write(path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "{path} is out of date: run `UPDATE_CODES=1 cargo test --test validation` and commit it"
    );
}

#[test]
fn every_code_is_documented() {
    let docs = qualepref::codes::markdown();
    for code in RuleCode::iter() {
        let severity = match code.default_severity() {
            Severity::Info => "Info",
            Severity::Warning => "Warning",
            Severity::Error => "Error",
        };
        assert!(
            docs.contains(&format!("\n### `{code}`\n")),
            "no section for {code}"
        );
        assert!(
            docs.contains(&format!("**{severity}.** {}", code.description())),
            "the section of {code} does not state its severity and description"
        );
        assert!(
            code.example()
                .contains(&format!("[{code}] {}: ", code.default_severity())),
            "the example of {code} is not one of its diagnostics"
        );
        assert!(
            docs.contains(&format!("```text\n{}\n```", code.example())),
            "no example message for {code}"
        );
        assert!(
            docs.contains(&format!("Fix: {}\n", code.fix())) && code.fix().ends_with('.'),
            "no fix for {code}"
        );
        assert!(
            docs.contains(&format!(
                "| [`{code}`](#{code}) | {} |",
                code.default_severity()
            )),
            "{code} is not in the table"
        );
    }
    for code in ImportCode::iter() {
        assert!(
            docs.contains(&format!("\n### `{code}` (import)\n")),
            "no section for {code}"
        );
        assert!(
            code.example()
                .contains(&format!("[{code}] {}: ", code.level())),
            "the example of {code} is not one of its diagnostics"
        );
        assert!(
            docs.contains(&format!(
                "| [`{code}`](#{code}-import) | {} |",
                code.level()
            )),
            "{code} is not in the table"
        );
    }
}

#[test]
fn every_code_is_tested() {
    // The codes of référentiel files are tested with the référentiel.
    let source = [
        include_str!("validation.rs"),
        include_str!("referentiel.rs"),
    ]
    .concat();
    for code in RuleCode::iter() {
        assert!(
            source.contains(&format!("RuleCode::{code:?},"))
                || source.contains(&format!("RuleCode::{code:?})"))
                || source.contains(&format!("[{code}] {}: ", code.default_severity())),
            "{code} has no test"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Properties.

/// A mutation of the Toulon audit, chosen by proptest.
#[derive(Debug, Clone)]
enum Mutation {
    Verdict(usize, Option<Verdict>),
    Engagement(usize, u16),
    Module(usize, u8),
    DropAssessment(usize),
    DuplicateAssessment(usize),
    Modules(Vec<u8>),
    ManagementVerdict(usize, Option<Verdict>),
    ManagementItem(usize, u8),
    RemoteNote(usize, Option<RemoteNote>),
    RemoteEngagement(usize, u16),
    Fiche(u16, bool, Option<i64>),
    EmptyObservation(usize),
    Ps(usize),
    Dates(i64),
    Type(Option<AuditType>, bool),
    Charte(Option<Verdict>),
    NoAuditor,
    Conclusion(String),
}

fn verdict() -> impl Strategy<Value = Option<Verdict>> {
    prop_oneof![
        Just(None),
        Just(Some(Verdict::Conformity)),
        Just(Some(Verdict::NotApplicable)),
        Just(Some(Verdict::MinorNonconformity)),
        Just(Some(Verdict::MajorNonconformity)),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0..30_usize, verdict()).prop_map(|(i, v)| Mutation::Verdict(i, v)),
        (0..30_usize, 1..=999_u16).prop_map(|(i, n)| Mutation::Engagement(i, n)),
        (0..30_usize, 1..=8_u8).prop_map(|(i, n)| Mutation::Module(i, n)),
        (0..30_usize).prop_map(Mutation::DropAssessment),
        (0..30_usize).prop_map(Mutation::DuplicateAssessment),
        proptest::collection::vec(1..=8_u8, 0..5).prop_map(Mutation::Modules),
        (0..10_usize, verdict()).prop_map(|(i, v)| Mutation::ManagementVerdict(i, v)),
        (0..10_usize, 0..=9_u8).prop_map(|(i, n)| Mutation::ManagementItem(i, n)),
        (
            0..15_usize,
            prop_oneof![
                Just(None),
                Just(Some(RemoteNote::Conforme)),
                Just(Some(RemoteNote::NonConforme)),
                Just(Some(RemoteNote::NonApplicable))
            ]
        )
            .prop_map(|(i, n)| Mutation::RemoteNote(i, n)),
        (0..15_usize, 1..=999_u16).prop_map(|(i, n)| Mutation::RemoteEngagement(i, n)),
        (
            1..=30_u16,
            any::<bool>(),
            proptest::option::of(-400..400_i64)
        )
            .prop_map(|(n, major, due)| Mutation::Fiche(n, major, due)),
        (0..30_usize).prop_map(Mutation::EmptyObservation),
        (0..30_usize).prop_map(Mutation::Ps),
        (-800..10_i64).prop_map(Mutation::Dates),
        (
            prop_oneof![
                Just(None),
                Just(Some(AuditType::Initial)),
                Just(Some(AuditType::Suivi))
            ],
            any::<bool>()
        )
            .prop_map(|(t, i)| Mutation::Type(t, i)),
        verdict().prop_map(Mutation::Charte),
        Just(Mutation::NoAuditor),
        "[ a-zA-ZéÉ.-]{0,30}".prop_map(Mutation::Conclusion),
    ]
}

fn apply(audit: &mut Audit, mutation: &Mutation) {
    let n_a = audit.assessments.len().max(1);
    let n_m = audit.management.len().max(1);
    let n_r = audit.remote_checks.len().max(1);
    match mutation {
        Mutation::Verdict(i, v) => {
            if let Some(a) = audit.assessments.get_mut(i % n_a) {
                a.verdict = *v;
            }
        }
        Mutation::Engagement(i, n) => {
            if let Some(a) = audit.assessments.get_mut(i % n_a) {
                a.engagement = e(*n);
            }
        }
        Mutation::Module(i, n) => {
            if let Some(a) = audit.assessments.get_mut(i % n_a) {
                a.module = m(*n);
            }
        }
        Mutation::DropAssessment(i) => {
            if !audit.assessments.is_empty() {
                audit.assessments.remove(i % n_a);
            }
        }
        Mutation::DuplicateAssessment(i) => {
            if let Some(a) = audit.assessments.get(i % n_a).cloned() {
                audit.assessments.push(a);
            }
        }
        Mutation::Modules(list) => audit.modules = list.iter().map(|n| m(*n)).collect(),
        Mutation::ManagementVerdict(i, v) => {
            if let Some(x) = audit.management.get_mut(i % n_m) {
                x.verdict = *v;
            }
        }
        Mutation::ManagementItem(i, n) => {
            if let Some(x) = audit.management.get_mut(i % n_m) {
                x.item = *n;
            }
        }
        Mutation::RemoteNote(i, note) => {
            if let Some(c) = audit.remote_checks.get_mut(i % n_r) {
                c.note = *note;
            }
        }
        Mutation::RemoteEngagement(i, n) => {
            if let Some(c) = audit.remote_checks.get_mut(i % n_r) {
                c.engagement = e(*n);
            }
        }
        Mutation::Fiche(n, major, due) => {
            let grade = if *major {
                NcGrade::Major
            } else {
                NcGrade::Minor
            };
            let mut f = fiche(EcartTarget::Engagement(e(*n)), grade);
            f.due = due.map(|d| audit.dates.end + chrono::Duration::days(d));
            audit.ecarts.push(f);
        }
        Mutation::EmptyObservation(i) => {
            if let Some(a) = audit.assessments.get_mut(i % n_a) {
                a.observations
                    .push(Observation::new(ObservationKind::Strength, ""));
            }
        }
        Mutation::Ps(i) => {
            if let Some(a) = audit.assessments.get_mut(i % n_a) {
                a.observations
                    .push(Observation::new(ObservationKind::AreaOfConcern, "PS"));
            }
        }
        Mutation::Dates(d) => audit.dates.start = audit.dates.end + chrono::Duration::days(*d),
        Mutation::Type(t, internal) => {
            audit.kind.audit_type = *t;
            audit.kind.internal = *internal;
        }
        Mutation::Charte(v) => audit.conclusion.charte_graphique.verdict = *v,
        Mutation::NoAuditor => audit.auditors.clear(),
        Mutation::Conclusion(text) => {
            audit.conclusion.fiches_ecart = vec![text.clone()];
            audit.conclusion.points_sensibles = vec![text.clone()];
        }
    }
}

/// What must not depend on the order of the arrays: codes, severities and messages in order.
fn order_free(report: &ValidationReport) -> Vec<(RuleCode, Severity, String)> {
    report
        .diagnostics()
        .iter()
        .map(|d| (d.code, d.severity, d.message.clone()))
        .collect()
}

fn shuffled<T: Clone>(items: &[T], seed: &[usize]) -> Vec<T> {
    let mut out = items.to_vec();
    for (i, s) in seed.iter().enumerate() {
        if out.len() > 1 {
            let a = i % out.len();
            let b = s % out.len();
            out.swap(a, b);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn validation_never_panics(mutations in proptest::collection::vec(mutation(), 0..8)) {
        let mut audit = toulon();
        for mu in &mutations {
            apply(&mut audit, mu);
        }
        let report = validate(&audit, q(), &ValidationOptions::default());
        let _ = validate(&audit, q(), &ValidationOptions::strict());
        let full = synthetic::synthetic_referentiel().unwrap();
        let _ = validate(&audit, &full, &ValidationOptions::lenient());
        // Same audit, same report, byte for byte.
        prop_assert_eq!(report.to_string(), validate(&audit, q(), &ValidationOptions::default()).to_string());
        // Every diagnostic names a code and a non-empty message.
        for d in report.diagnostics() {
            prop_assert!(!d.message.is_empty());
        }
    }

    #[test]
    fn order_of_arrays_changes_nothing(
        mutations in proptest::collection::vec(mutation(), 0..8),
        seed in proptest::collection::vec(any::<usize>(), 0..40),
    ) {
        let mut audit = toulon();
        for mu in &mutations {
            apply(&mut audit, mu);
        }
        let before = validate(&audit, q(), &ValidationOptions::default());
        let mut other = audit.clone();
        other.assessments = shuffled(&audit.assessments, &seed);
        other.management = shuffled(&audit.management, &seed);
        other.remote_checks = shuffled(&audit.remote_checks, &seed);
        other.ecarts = shuffled(&audit.ecarts, &seed);
        let after = validate(&other, q(), &ValidationOptions::default());
        prop_assert_eq!(order_free(&before), order_free(&after));
    }
}

#[test]
fn same_report_whatever_the_order_of_duplicates() {
    // Two assessments of an unknown engagement, filed under different modules, and two fiches
    // for one target: the report must not depend on which comes first.
    let mut audit = toulon();
    audit
        .assessments
        .push(Assessment::new(e(99), m(2), Verdict::NotApplicable));
    audit
        .assessments
        .push(Assessment::new(e(99), m(1), Verdict::Conformity));
    audit
        .assessments
        .push(Assessment::new(e(5), m(1), Verdict::MinorNonconformity));
    audit
        .ecarts
        .push(fiche(EcartTarget::Engagement(e(5)), NcGrade::Major));
    audit
        .ecarts
        .push(fiche(EcartTarget::Engagement(e(5)), NcGrade::Minor));
    let mut reversed = audit.clone();
    reversed.assessments.reverse();
    reversed.ecarts.reverse();
    let a = report(&audit);
    let b = report(&reversed);
    assert_eq!(order_free(&a), order_free(&b), "{a}\n{b}");
    assert_eq!(a.diagnostics().len(), b.diagnostics().len());
}

#[test]
fn every_code_has_its_own_one_sentence_description() {
    let mut seen = std::collections::BTreeSet::new();
    for code in RuleCode::ALL {
        let d = code.description();
        assert!(d.len() > 10 && d.ends_with('.'), "{code}: {d:?}");
        assert!(d.starts_with(|c: char| c.is_uppercase()), "{code}: {d:?}");
        assert!(seen.insert(d), "{code} shares its description");
    }
}

/// Within one engagement, diagnostics sort by field (the path without indices) before code.
#[test]
fn within_an_engagement_diagnostics_sort_by_field_then_code() {
    let mut audit = toulon();
    let a = audit
        .assessments
        .iter_mut()
        .find(|a| a.engagement == e(5))
        .unwrap();
    a.observations.push(Observation {
        kind: ObservationKind::AreaOfConcern,
        text: " ".to_owned(),
        risk: None,
    });
    audit.conclusion.points_sensibles = vec!["Un point sensible.".to_owned()];
    let r = report(&audit);
    let lines: Vec<String> = r.diagnostics().iter().map(english).collect();
    let codes: Vec<RuleCode> = r.diagnostics().iter().map(|d| d.code).collect();
    // `…observations[0].text` sorts before `…observations[0].risk`, as the layout writes them.
    assert_eq!(
        codes,
        [RuleCode::EmptyObservation, RuleCode::PsWithoutRisk],
        "{lines:#?}"
    );
    assert!(
        lines[0].starts_with("assessments[4].observations[0].text: "),
        "{lines:#?}"
    );
    assert!(
        lines[1].starts_with("assessments[4].observations[0].risk: "),
        "{lines:#?}"
    );
}

/// Management items sort by section (pilotage first) then item number, whatever their codes.
#[test]
fn management_diagnostics_sort_by_section_then_item() {
    let mut audit = toulon();
    let item = |audit: &mut Audit, section, item| {
        let id = ManagementItemId { section, item };
        audit
            .management
            .iter_mut()
            .position(|x| x.id() == id)
            .unwrap()
    };
    let p2 = item(&mut audit, ManagementSection::Pilotage, 2);
    audit.management[p2].verdict = None;
    let p5 = item(&mut audit, ManagementSection::Pilotage, 5);
    audit.management[p5]
        .observations
        .push(Observation::new(ObservationKind::Strength, ""));
    let l1 = item(&mut audit, ManagementSection::Labellisation, 1);
    audit.management[l1].verdict = None;
    let r = report(&audit);
    let paths = paths(&r);
    assert_eq!(
        paths,
        [
            format!("management[{p2}].verdict"),
            format!("management[{p5}].observations[0].text"),
            format!("management[{l1}].verdict"),
        ]
    );
}

#[test]
fn infos_are_reported_as_infos() {
    let text = Referentiel::qual_e_pref_2019_json().replacen(
        "\"obligatory\": true",
        "\"obligatory\": false",
        1,
    );
    let r = Referentiel::from_json_str(&text).unwrap();
    let report = validate_referentiel(&r, &ValidationOptions::default());
    let infos: Vec<RuleCode> = report.infos().map(|d| d.code).collect();
    assert_eq!(infos, [RuleCode::NoObligatoryModule]);
    assert_eq!(report.warnings().count(), 0);
    assert!(!report.has_errors());
}

#[test]
fn implausible_date() {
    let mut audit = toulon();
    audit.dates.end = date("9999-11-18");
    expect_one(
        &audit,
        RuleCode::ImplausibleDate,
        Severity::Error,
        "dates.end",
        "date 9999-11-18 is outside the years 2000 to 2100",
    );
    // An implausible end is not also an audit of eight thousand years.
    expect_none(&audit, RuleCode::AuditTooLong);
    let mut audit = toulon();
    audit.auditors[0].signed_on = chrono::NaiveDate::from_ymd_opt(12019, 11, 18);
    expect_one(
        &audit,
        RuleCode::ImplausibleDate,
        Severity::Error,
        "auditors[0].signed_on",
        "date +12019-11-18 is outside the years 2000 to 2100",
    );
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.ecarts[0].due = Some(date("2100-12-31"));
    expect_none(&audit, RuleCode::ImplausibleDate);
    audit.ecarts[0].due = chrono::NaiveDate::from_ymd_opt(12020, 2, 18);
    expect_one(
        &audit,
        RuleCode::ImplausibleDate,
        Severity::Error,
        "ecarts[0].due",
        "date +12020-02-18 is outside the years 2000 to 2100",
    );
    audit.ecarts[0].due = None;
    audit.ecarts[0].status = qualepref::ActionStatus::Lifted {
        on: date("2200-03-02"),
        evidence: "Registre du courrier (preuve synthétique).".to_owned(),
    };
    expect_one(
        &audit,
        RuleCode::ImplausibleDate,
        Severity::Error,
        "ecarts[0].status.on",
        "date 2200-03-02 is outside the years 2000 to 2100",
    );
    expect_none(&toulon(), RuleCode::ImplausibleDate);
}

#[test]
fn signature_before_audit() {
    let mut audit = toulon();
    audit.auditors[0].signed_on = Some(date("2019-11-17"));
    expect_one(
        &audit,
        RuleCode::SignatureBeforeAudit,
        Severity::Warning,
        "auditors[0].signed_on",
        "auditor 1 (Aurélie ROUMEGOUX) signed on 2019-11-17, before the audit started on \
         2019-11-18",
    );
    audit.auditors[0].signed_on = Some(date("2019-11-18"));
    expect_none(&audit, RuleCode::SignatureBeforeAudit);
    audit.auditors[0].signed_on = None;
    expect_none(&audit, RuleCode::SignatureBeforeAudit);
}

#[test]
fn audit_too_long() {
    let mut audit = toulon();
    audit.dates.end = date("2020-01-18");
    expect_one(
        &audit,
        RuleCode::AuditTooLong,
        Severity::Warning,
        "dates.end",
        "the audit lasts 62 days (2019-11-18 to 2020-01-18), more than 30",
    );
    audit.dates.end = date("2019-12-17");
    expect_none(&audit, RuleCode::AuditTooLong);
}

#[test]
fn duplicate_auditor() {
    let mut audit = toulon();
    let mut again = audit.auditors[0].clone();
    again.name = " Aurélie  Roumegoux".to_owned();
    audit.auditors.push(again);
    expect_one(
        &audit,
        RuleCode::DuplicateAuditor,
        Severity::Warning,
        "auditors[1].name",
        "auditor 2 (Aurélie  Roumegoux) is auditor 1 again",
    );
    audit.auditors[1].name = "Jeanne MARTIN".to_owned();
    expect_none(&audit, RuleCode::DuplicateAuditor);
}

#[test]
fn control_character() {
    let mut audit = toulon();
    audit.assessments[3].comment = Some("Accueil \u{1b}]0;pwned\u{7}aimable".to_owned());
    expect_one(
        &audit,
        RuleCode::ControlCharacter,
        Severity::Error,
        "assessments[3].comment",
        "the text holds the control character U+001B at character 9; only tab and line breaks \
         are allowed",
    );
    let mut audit = toulon();
    audit.site.city = "TOULON\u{9b}".to_owned();
    audit.conclusion.commentaires.push("a\rb".to_owned());
    let report = report(&audit);
    let found = of_code(&report, RuleCode::ControlCharacter);
    let paths: Vec<&str> = found.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        ["site.city", "conclusion.commentaires[1]"],
        "{report}"
    );
    let mut audit = toulon();
    audit.assessments[3].comment = Some("tab\tand\nline feed\r\nand CR LF, « é »".to_owned());
    expect_none(&audit, RuleCode::ControlCharacter);
    // A text of refused characters alone, or with line breaks only: nothing else in it marks
    // it for the full check.
    for text in [
        "\u{1b}",
        "\u{0}\u{1f}",
        "\u{7f}",
        "\u{85}",
        "\n\u{1b}\n",
        "\u{7}\t",
    ] {
        let mut audit = toulon();
        audit.assessments[3].comment = Some(text.to_owned());
        let found = of_code(&crate::report(&audit), RuleCode::ControlCharacter).len();
        assert_eq!(found, 1, "{text:?}");
    }
}

#[test]
fn unread_value() {
    let mut audit = toulon();
    audit
        .unread
        .push(Unread::new("ecarts[0].due", "fin mars").at_line(185));
    expect_one(
        &audit,
        RuleCode::UnreadValue,
        Severity::Warning,
        "unread[0]",
        "ecarts[0].due: the text \"fin mars\" was not read (line 185 of the source)",
    );
    // One per entry, in the order of their messages; with a cell, a line, both or neither;
    // control characters escaped in the message and refused by `control-character`.
    audit.unread.push(Unread::new(
        "site.\u{1b}administration",
        "Ambassade \u{1b}[31m",
    ));
    audit
        .unread
        .push(Unread::new("kind.type", "trimestriel").in_cell("Page de garde!B7"));
    audit.unread.push(
        Unread::new("assessments[6].verdict", "CC")
            .at_line(34)
            .in_cell("verdict\u{7}"),
    );
    let report = report(&audit);
    let found: Vec<String> = of_code(&report, RuleCode::UnreadValue)
        .iter()
        .map(english)
        .collect();
    assert_eq!(
        found,
        [
            "unread[3]: [unread-value] warning: assessments[6].verdict: the text \"CC\" was not \
             read (line 34, verdict\\u{7} of the source)",
            "unread[0]: [unread-value] warning: ecarts[0].due: the text \"fin mars\" was not \
             read (line 185 of the source)",
            "unread[2]: [unread-value] warning: kind.type: the text \"trimestriel\" was not read \
             (cell Page de garde!B7 of the source)",
            "unread[1]: [unread-value] warning: site.\\u{1b}administration: the text \
             \"Ambassade \\u{1b}[31m\" was not read",
        ]
    );
    let paths: Vec<String> = of_code(&report, RuleCode::ControlCharacter)
        .into_iter()
        .map(|d| d.path)
        .collect();
    assert_eq!(
        paths,
        ["unread[1].field", "unread[1].text", "unread[3].cell"]
    );
    // A warning: the audit is still valid, unless the options make it an error.
    let mut audit = toulon();
    audit.unread.push(Unread::new("kind.type", "Spécial"));
    assert!(Valid::new(&audit, q(), &ValidationOptions::default()).is_ok());
    let strict = ValidationOptions::default().with(RuleCode::UnreadValue, Severity::Error);
    assert!(Valid::new(&audit, q(), &strict).is_err());
    audit.unread.clear();
    expect_none(&audit, RuleCode::UnreadValue);
}

#[test]
fn diagnostics_follow_the_natural_order_of_paths() {
    let mut audit = toulon();
    let a = &mut audit.assessments[0];
    a.observations = (0..12)
        .map(|_| qualepref::Observation::new(qualepref::ObservationKind::Strength, ""))
        .collect();
    let report = report(&audit);
    let paths: Vec<String> = of_code(&report, RuleCode::EmptyObservation)
        .iter()
        .map(|d| d.path.clone())
        .collect();
    let expected: Vec<String> = (0..12)
        .map(|j| format!("assessments[0].observations[{j}].text"))
        .collect();
    assert_eq!(paths, expected);
}

// ---------------------------------------------------------------------------------------------
// Section 4 left empty, a remote channel left out, the charte graphique not assessed.

/// The diagnostics of `code` for `audit`, as printed.
fn lines_of(audit: &Audit, code: RuleCode) -> Vec<String> {
    of_code(&report(audit), code).iter().map(english).collect()
}

#[test]
fn conclusion_section_empty() {
    // Toulon has 10 PF and 4 PP observations, no PS and no nonconformity (docs/domain facts).
    let mut audit = toulon();
    audit.conclusion.points_forts.clear();
    expect_one(
        &audit,
        RuleCode::ConclusionSectionEmpty,
        Severity::Warning,
        "conclusion.points_forts",
        "the points forts section is empty but the audit has 10 PF observations",
    );
    // Blank paragraphs are no text.
    audit.conclusion.points_forts = vec![" ".to_owned(), String::new()];
    expect_one(
        &audit,
        RuleCode::ConclusionSectionEmpty,
        Severity::Warning,
        "conclusion.points_forts",
        "the points forts section is empty but the audit has 10 PF observations",
    );
    let mut audit = toulon();
    audit.conclusion.pistes_de_progres.clear();
    expect_one(
        &audit,
        RuleCode::ConclusionSectionEmpty,
        Severity::Warning,
        "conclusion.pistes_de_progres",
        "the pistes de progrès section is empty but the audit has 4 PP observations",
    );
    let mut audit = toulon();
    audit.assessments[16].observations.push(Observation {
        kind: ObservationKind::AreaOfConcern,
        text: "Délais non tenus.".to_owned(),
        risk: Some("Perte de confiance.".to_owned()),
    });
    audit.conclusion.points_sensibles.clear();
    expect_one(
        &audit,
        RuleCode::ConclusionSectionEmpty,
        Severity::Warning,
        "conclusion.points_sensibles",
        "the points sensibles section is empty but the audit has 1 PS observation",
    );
    // No text in the section and no fiche d'écart at all: the section is empty.
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.conclusion.fiches_ecart.clear();
    audit.ecarts.clear();
    expect_one(
        &audit,
        RuleCode::ConclusionSectionEmpty,
        Severity::Warning,
        "conclusion.fiches_ecart",
        "the fiches d'écart section is empty but the audit has 1 nonconformity",
    );
    let mut audit = toulon();
    audit.conclusion.conclusion_generale.clear();
    expect_one(
        &audit,
        RuleCode::ConclusionSectionEmpty,
        Severity::Warning,
        "conclusion.conclusion_generale",
        "the conclusion générale section is empty",
    );
    // A section 4 of one blank paragraph is carried, and so checked.
    let mut audit = toulon();
    audit.conclusion = qualepref::AuditorSynthesis {
        conclusion_generale: vec!["  ".to_owned()],
        ..qualepref::AuditorSynthesis::default()
    };
    assert_eq!(
        lines_of(&audit, RuleCode::ConclusionSectionEmpty),
        [
            "conclusion.points_forts: [conclusion-section-empty] warning: the points forts section is empty but the audit has 10 PF observations",
            "conclusion.pistes_de_progres: [conclusion-section-empty] warning: the pistes de progrès section is empty but the audit has 4 PP observations",
            "conclusion.conclusion_generale: [conclusion-section-empty] warning: the conclusion générale section is empty",
        ]
    );
}

#[test]
fn conclusion_section_empty_not_reported() {
    expect_none(&toulon(), RuleCode::ConclusionSectionEmpty);
    // No PS, no nonconformity: those sections may be empty; so may the commentaires, the
    // bonnes pratiques and the enquêtes de satisfaction.
    let mut audit = toulon();
    audit.conclusion.points_sensibles.clear();
    audit.conclusion.fiches_ecart.clear();
    audit.conclusion.commentaires.clear();
    audit.conclusion.bonnes_pratiques.clear();
    audit.conclusion.enquetes_satisfaction.clear();
    expect_none(&audit, RuleCode::ConclusionSectionEmpty);
    // « Sans objet » is text (`conclusion-contradicts-findings` judges it).
    let mut audit = toulon();
    audit.conclusion.points_forts = vec!["Sans objet.".to_owned()];
    expect_none(&audit, RuleCode::ConclusionSectionEmpty);
    // No section 4 at all, or the charte graphique alone: nothing written to check.
    let mut audit = toulon();
    let charte = audit.conclusion.charte_graphique.clone();
    audit.conclusion = qualepref::AuditorSynthesis::default();
    expect_none(&audit, RuleCode::ConclusionSectionEmpty);
    audit.conclusion.charte_graphique = charte;
    expect_none(&audit, RuleCode::ConclusionSectionEmpty);
}

#[test]
fn remote_channel_not_checked() {
    // Toulon checks 7 engagements on the internet, 4 by telephone and 2 by e-mail.
    let mut audit = toulon();
    audit
        .remote_checks
        .retain(|c| c.channel != qualepref::RemoteChannel::Courriels);
    expect_one(
        &audit,
        RuleCode::RemoteChannelNotChecked,
        Severity::Warning,
        "remote_checks",
        "the remote audit checks no engagement on the courriels channel",
    );
    audit
        .remote_checks
        .retain(|c| c.channel != qualepref::RemoteChannel::Telephone);
    assert_eq!(
        lines_of(&audit, RuleCode::RemoteChannelNotChecked),
        [
            "remote_checks: [remote-channel-not-checked] warning: the remote audit checks no engagement on the courriels channel",
            "remote_checks: [remote-channel-not-checked] warning: the remote audit checks no engagement on the telephone channel",
        ]
    );
    // It sorts with module 1, before its engagements.
    audit.assessments[0].verdict = None;
    assert_eq!(
        paths(&report(&audit)),
        ["remote_checks", "remote_checks", "assessments[0].verdict"]
    );
}

#[test]
fn remote_channel_not_checked_not_reported() {
    expect_none(&toulon(), RuleCode::RemoteChannelNotChecked);
    // One check per channel is enough.
    let mut audit = toulon();
    let mut seen = Vec::new();
    audit.remote_checks.retain(|c| {
        let first = !seen.contains(&c.channel);
        seen.push(c.channel);
        first
    });
    assert_eq!(audit.remote_checks.len(), 3);
    expect_none(&audit, RuleCode::RemoteChannelNotChecked);
    // No remote audit at all: nothing public says every audit has one.
    audit.remote_checks.clear();
    expect_none(&audit, RuleCode::RemoteChannelNotChecked);
}

#[test]
fn charte_graphique_not_assessed() {
    // Toulon's charte graphique is NA, « (Non applicable en audit initial) ».
    let mut audit = toulon();
    audit.kind.audit_type = Some(AuditType::Suivi);
    expect_one(
        &audit,
        RuleCode::CharteGraphiqueNotAssessed,
        Severity::Warning,
        "conclusion.charte_graphique.text[0]",
        "the charte graphique says \"(Non applicable en audit initial)\" in a suivi audit, \
         where it is assessed",
    );
    // The same text with a verdict still says it was not assessed.
    audit.conclusion.charte_graphique.verdict = Some(Verdict::Conformity);
    expect_one(
        &audit,
        RuleCode::CharteGraphiqueNotAssessed,
        Severity::Warning,
        "conclusion.charte_graphique.text[0]",
        "the charte graphique says \"(Non applicable en audit initial)\" in a suivi audit, \
         where it is assessed",
    );
    // An external renouvellement audit without a charte graphique.
    let mut audit = toulon();
    audit.kind.audit_type = Some(AuditType::Renouvellement);
    audit.kind.internal = false;
    audit.conclusion.charte_graphique = qualepref::CharteGraphique::default();
    expect_one(
        &audit,
        RuleCode::CharteGraphiqueNotAssessed,
        Severity::Warning,
        "conclusion.charte_graphique.verdict",
        "the charte graphique has no verdict in a renouvellement audit, where it is assessed",
    );
}

#[test]
fn charte_graphique_not_assessed_not_reported() {
    // An initial audit (Toulon) and an extension audit are not checked.
    expect_none(&toulon(), RuleCode::CharteGraphiqueNotAssessed);
    let mut audit = toulon();
    audit.kind.audit_type = Some(AuditType::Extension);
    expect_none(&audit, RuleCode::CharteGraphiqueNotAssessed);
    audit.kind.audit_type = None;
    expect_none(&audit, RuleCode::CharteGraphiqueNotAssessed);
    // Assessed in a suivi audit, or NA for another reason.
    audit.kind.audit_type = Some(AuditType::Suivi);
    audit.conclusion.charte_graphique = qualepref::CharteGraphique {
        verdict: Some(Verdict::Conformity),
        text: vec!["Le logo et la charte sont respectés sur tous les supports.".to_owned()],
    };
    expect_none(&audit, RuleCode::CharteGraphiqueNotAssessed);
    audit.conclusion.charte_graphique = qualepref::CharteGraphique {
        verdict: Some(Verdict::NotApplicable),
        text: vec!["Aucun support édité depuis le dernier audit.".to_owned()],
    };
    expect_none(&audit, RuleCode::CharteGraphiqueNotAssessed);
}

#[test]
fn unread_assessment() {
    // A verdict, an observation or a remote note left unread refuses the audit, in whatever
    // spelling and cell layout it was met; so does a second value for a field that has one.
    for (text, carried) in [
        ("NC Maj", "a verdict (NC Maj)"),
        ("\t\tnc-maj", "a verdict (NC Maj)"),
        (
            "Module 1 5. Nous vous orientons  |  NC min  |",
            "a verdict (NC min)",
        ),
        ("5. Nous vous orientons\u{a0}\u{a0}NA", "a verdict (NA)"),
        (
            "Module 1 5. Nous vous orientons vers le bon service C",
            "a verdict (C)",
        ),
        ("PS : accueil saturé", "an observation (PS)"),
        ("Point sensible : accueil saturé", "an observation (PS)"),
        (
            "<i>Note : Non conforme</i>",
            "a remote check's note (Non conforme)",
        ),
    ] {
        let mut audit = toulon();
        audit
            .unread
            .push(Unread::new("conclusion.generale", text).at_line(200));
        expect_one(
            &audit,
            RuleCode::UnreadAssessment,
            Severity::Error,
            "unread[0]",
            &format!(
                "conclusion.generale: the text {text:?} (line 200 of the source) could carry \
                 {carried} and was not filed"
            ),
        );
        assert!(Valid::new(&audit, q(), &ValidationOptions::default()).is_err());
        expect_none(&audit, RuleCode::UnreadValue);
    }
    // A second verdict names both places.
    let mut audit = toulon();
    audit.unread.push(
        Unread::new("assessments[4].verdict", "C")
            .in_cell("Module 1 (2)!C9")
            .conflicting_with("Module 1!C9"),
    );
    expect_one(
        &audit,
        RuleCode::UnreadAssessment,
        Severity::Error,
        "unread[0]",
        "assessments[4].verdict: the text \"C\" (cell Module 1 (2)!C9 of the source) could \
         carry a verdict (C) and was not filed; it competes with the value filed at Module 1!C9",
    );
    // Prose, « Sans objet », a word that starts like a code: warnings at most.
    for text in [
        "Le référentiel Qual-e-Pref est maîtrisé.",
        "Sans objet.",
        "PPNG en 2017",
        "Note : le site a été vu à distance",
        "Absence de non-conformité majeure ou mineure.",
        "fin mars",
    ] {
        let mut audit = toulon();
        audit.unread.push(Unread::new("conclusion.generale", text));
        expect_none(&audit, RuleCode::UnreadAssessment);
        assert!(
            Valid::new(&audit, q(), &ValidationOptions::default()).is_ok(),
            "{text}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The section 4 of an imported report.

/// A report whose FICHE(S) D'ECART(S) section holds its fiche, and nothing else: the text
/// import files the fiche in `ecarts`, and the section is not empty. Before, validation said
/// « the fiches d'écart section is empty » of every such report.
#[test]
fn conclusion_section_empty_counts_the_fiches_the_import_files() {
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.conclusion.fiches_ecart.clear();
    let text = qualepref::render_report_text(&audit, q());
    let imported = qualepref::import_report(&text).unwrap();
    let back = imported.audit();
    assert!(back.conclusion.fiches_ecart.is_empty());
    assert_eq!(back.ecarts.len(), 1);
    assert_eq!(back.ecarts[0].finding, "Délai de réponse dépassé.");
    expect_none(back, RuleCode::ConclusionSectionEmpty);
    // The same report without its fiche gives an empty section, and no fiche.
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.conclusion.fiches_ecart.clear();
    audit.ecarts.clear();
    let text = qualepref::render_report_text(&audit, q());
    let back = qualepref::import_report(&text).unwrap().audit().clone();
    assert_eq!(
        lines_of(&back, RuleCode::ConclusionSectionEmpty),
        [
            "conclusion.fiches_ecart: [conclusion-section-empty] warning: the fiches d'écart \
          section is empty but the audit has 1 nonconformity"
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Rules on the texts and the new fields.

#[test]
fn na_with_conforming_remote_check() {
    // Toulon checks engagement 10 on the internet (remote_checks[2]) and by telephone
    // (remote_checks[10]), both « Conforme ».
    let mut audit = toulon();
    audit.assessments[9].verdict = Some(Verdict::NotApplicable);
    audit.assessments[9].comment = Some("Pas de standard sur le site.".to_owned());
    assert_eq!(
        lines_of(&audit, RuleCode::NaWithConformingRemoteCheck),
        [
            "remote_checks[2].note: [na-with-conforming-remote-check] warning: engagement 10 is NA on site but its internet remote check is Conforme",
            "remote_checks[10].note: [na-with-conforming-remote-check] warning: engagement 10 is NA on site but its telephone remote check is Conforme",
        ]
    );
    // Not the other rule as well: a `NA` contradicts no note there.
    expect_none(&audit, RuleCode::RemoteCheckContradictsVerdict);
    // A remote check « Non applicable » or « Non conforme », or a `C` on site: not reported.
    for note in [RemoteNote::NonApplicable, RemoteNote::NonConforme] {
        let mut audit = audit.clone();
        audit.remote_checks[2].note = Some(note);
        audit.remote_checks[10].note = Some(note);
        expect_none(&audit, RuleCode::NaWithConformingRemoteCheck);
    }
    expect_none(&toulon(), RuleCode::NaWithConformingRemoteCheck);
}

#[test]
fn ps_repeats_nonconformity() {
    // The fiche's finding is « Délai de réponse dépassé. »; the PS says it again, its case and
    // spacing aside.
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.assessments[16]
        .observations
        .push(Observation::area_of_concern(
            "délai  de réponse\ndépassé.",
            "Perte de confiance des usagers.",
        ));
    expect_one(
        &audit,
        RuleCode::PsRepeatsNonconformity,
        Severity::Warning,
        "assessments[16].observations[1].text",
        "observation 2 (PS) of engagement 17 repeats the finding of its fiche d'écart (NC min): \
         one fact, recorded both as a nonconformity and as a point sensible",
    );
    // The same on a management item.
    let mut audit = toulon();
    audit.management[4].verdict = Some(Verdict::MajorNonconformity);
    audit
        .ecarts
        .push(fiche(EcartTarget::Management(PILOTAGE_5), NcGrade::Major));
    audit.management[4]
        .observations
        .push(Observation::area_of_concern(
            "Délai de réponse dépassé.",
            "Risque.",
        ));
    expect_one(
        &audit,
        RuleCode::PsRepeatsNonconformity,
        Severity::Warning,
        "management[4].observations[0].text",
        "observation 1 (PS) of management item pilotage 5 repeats the finding of its fiche \
         d'écart (NC Maj): one fact, recorded both as a nonconformity and as a point sensible",
    );
    // A PS on another aspect of the same NC engagement, the same text as a PP, or as a PS of a
    // conforming engagement: not reported.
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.assessments[16]
        .observations
        .push(Observation::area_of_concern(
            "Accueil téléphonique saturé le lundi.",
            "Usagers sans réponse.",
        ));
    audit.assessments[16]
        .observations
        .push(Observation::opportunity_for_improvement(
            "Délai de réponse dépassé.",
        ));
    audit.assessments[15]
        .observations
        .push(Observation::area_of_concern(
            "Délai de réponse dépassé.",
            "Risque.",
        ));
    expect_none(&audit, RuleCode::PsRepeatsNonconformity);
    expect_none(&toulon(), RuleCode::PsRepeatsNonconformity);
}

#[test]
fn duplicate_fiche_number() {
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.assessments[8].verdict = Some(Verdict::MinorNonconformity);
    audit
        .ecarts
        .push(fiche(EcartTarget::Engagement(e(9)), NcGrade::Minor));
    audit.ecarts[0].number = Some(1);
    audit.ecarts[1].number = Some(1);
    assert_eq!(
        lines_of(&audit, RuleCode::DuplicateFicheNumber),
        [
            "ecarts[1].number: [duplicate-fiche-number] error: the fiche d'écart for engagement 9 has number 1, as has the fiche d'écart for engagement 17",
            "ecarts[0].number: [duplicate-fiche-number] error: the fiche d'écart for engagement 17 has number 1, as has the fiche d'écart for engagement 9",
        ]
    );
    // The same fiches in the other order give the same diagnostics, their paths aside.
    let mut reversed = audit.clone();
    reversed.ecarts.reverse();
    let messages = |a: &Audit| -> Vec<String> {
        of_code(&report(a), RuleCode::DuplicateFicheNumber)
            .iter()
            .map(|d| d.message.clone())
            .collect()
    };
    assert_eq!(messages(&reversed), messages(&audit));
    // Three fiches of one number: each names the two others.
    audit.assessments[0].verdict = Some(Verdict::MinorNonconformity);
    audit
        .ecarts
        .push(fiche(EcartTarget::Engagement(e(1)), NcGrade::Minor));
    audit.ecarts[2].number = Some(1);
    assert_eq!(
        lines_of(&audit, RuleCode::DuplicateFicheNumber)[0],
        "ecarts[2].number: [duplicate-fiche-number] error: the fiche d'écart for engagement 1 \
         has number 1, as have the fiche d'écart for engagement 9 and the fiche d'écart for \
         engagement 17"
    );
    assert_eq!(
        of_code(&report(&audit), RuleCode::DuplicateFicheNumber)[0].message,
        "la fiche d'écart de l'engagement 1 porte le numéro 1, comme la fiche d'écart de \
         l'engagement 9 et la fiche d'écart de l'engagement 17"
    );
    // Two fiches of one engagement with one number: each names the other as another fiche
    // (and `duplicate-fiche` reports the second fiche).
    let mut twice = with_nc(17, NcGrade::Minor);
    twice.ecarts.push(twice.ecarts[0].clone());
    twice.ecarts[0].number = Some(3);
    twice.ecarts[1].number = Some(3);
    assert_eq!(
        lines_of(&twice, RuleCode::DuplicateFicheNumber)[0],
        "ecarts[0].number: [duplicate-fiche-number] error: the fiche d'écart for engagement 17 \
         has number 3, as has another fiche d'écart for engagement 17"
    );
    assert_eq!(
        of_code(&report(&twice), RuleCode::DuplicateFicheNumber)[0].message,
        "la fiche d'écart de l'engagement 17 porte le numéro 3, comme une autre fiche d'écart \
         de l'engagement 17"
    );
    // Numbers 1 and 2, or fiches without number: not reported.
    audit.ecarts[1].number = Some(2);
    audit.ecarts[2].number = None;
    expect_none(&audit, RuleCode::DuplicateFicheNumber);
}

#[test]
fn external_on_in_external_audit() {
    let mut audit = toulon();
    audit.kind = qualepref::AuditKind::external(AuditType::Initial).external_on(date("2020-02-18"));
    expect_one(
        &audit,
        RuleCode::ExternalOnInExternalAudit,
        Severity::Warning,
        "kind.external_on",
        "the audit is external but gives the date of an external audit it precedes \
         (2020-02-18), which only an internal audit has",
    );
    // Toulon is an internal audit ahead of an initial one: it may give the date.
    let mut audit = toulon();
    audit.kind = audit.kind.external_on(date("2020-02-18"));
    expect_none(&audit, RuleCode::ExternalOnInExternalAudit);
    expect_none(&audit, RuleCode::ExternalOnBeforeAuditEnd);
}

#[test]
fn external_on_before_audit_end() {
    let mut audit = toulon();
    audit.kind = audit.kind.external_on(date("2019-11-10"));
    expect_one(
        &audit,
        RuleCode::ExternalOnBeforeAuditEnd,
        Severity::Warning,
        "kind.external_on",
        "the external audit is planned on 2019-11-10, before the internal audit's end on 2019-11-18",
    );
    // On the internal audit's last day or later: not reported.
    audit.kind.external_on = Some(date("2019-11-18"));
    expect_none(&audit, RuleCode::ExternalOnBeforeAuditEnd);
    // An implausible date is the other rule's.
    audit.kind.external_on = Some(date("2210-02-18"));
    expect_one(
        &audit,
        RuleCode::ImplausibleDate,
        Severity::Error,
        "kind.external_on",
        "date 2210-02-18 is outside the years 2000 to 2100",
    );
}

#[test]
fn labelling_before_audit_end() {
    let mut audit = toulon();
    audit.labelling = Some(qualepref::LabellingDecision::on(date("2019-11-01")));
    expect_one(
        &audit,
        RuleCode::LabellingBeforeAuditEnd,
        Severity::Warning,
        "labelling.decided_on",
        "the labelling decision is dated 2019-11-01, before the audit's end on 2019-11-18",
    );
    audit.labelling = Some(qualepref::LabellingDecision::on(date("2019-11-18")));
    expect_none(&audit, RuleCode::LabellingBeforeAuditEnd);
    audit.labelling = Some(qualepref::LabellingDecision::on(date("1919-12-02")));
    let lines = lines_of(&audit, RuleCode::ImplausibleDate);
    assert_eq!(
        lines,
        [
            "labelling.decided_on: [implausible-date] error: date 1919-12-02 is outside the years \
          2000 to 2100"
        ]
    );
}

#[test]
fn plan_accepted_before_decision() {
    // Engagement 18 has no remote check.
    let mut audit = with_nc(18, NcGrade::Minor);
    let decision = qualepref::LabellingDecision::on(date("2020-04-01"));
    audit.labelling = Some(decision.with_plan_accepted_on(date("2020-03-01")));
    expect_one(
        &audit,
        RuleCode::PlanAcceptedBeforeDecision,
        Severity::Warning,
        "labelling.plan_accepted_on",
        "the plan d'actions is accepted on 2020-03-01, before the labelling decision of 2020-04-01",
    );
    audit.labelling = Some(decision.with_plan_accepted_on(date("2020-04-01")));
    expect_none(&audit, RuleCode::PlanAcceptedBeforeDecision);
    // An avis favorable sous réserve with its plan accepted after the decision: clean.
    audit.labelling = Some(decision.with_plan_accepted_on(date("2020-04-20")));
    assert!(report(&audit).is_clean(), "{}", report(&audit));
    audit.labelling = Some(decision.with_plan_accepted_on(date("9999-04-20")));
    assert_eq!(
        lines_of(&audit, RuleCode::ImplausibleDate),
        [
            "labelling.plan_accepted_on: [implausible-date] error: date 9999-04-20 is outside the \
          years 2000 to 2100"
        ]
    );
}

#[test]
fn plan_accepted_without_conditions() {
    // Toulon has no nonconformity: an avis favorable, no plan to accept.
    let mut audit = toulon();
    let decision = qualepref::LabellingDecision::on(date("2020-04-01"));
    audit.labelling = Some(decision.with_plan_accepted_on(date("2020-04-20")));
    expect_one(
        &audit,
        RuleCode::PlanAcceptedWithoutConditions,
        Severity::Warning,
        "labelling.plan_accepted_on",
        "a plan d'actions is accepted on 2020-04-20 but the audit's outcome is not favourable \
         with conditions: it has no nonconformity",
    );
    let mut major = with_nc(17, NcGrade::Major);
    major.labelling = audit.labelling;
    expect_one(
        &major,
        RuleCode::PlanAcceptedWithoutConditions,
        Severity::Warning,
        "labelling.plan_accepted_on",
        "a plan d'actions is accepted on 2020-04-20 but the audit's outcome is not favourable \
         with conditions: it has 1 major nonconformity",
    );
    // An NC min and no NC Maj, or a decision without plan: not reported.
    let mut minor = with_nc(17, NcGrade::Minor);
    minor.labelling = audit.labelling;
    expect_none(&minor, RuleCode::PlanAcceptedWithoutConditions);
    audit.labelling = Some(decision);
    expect_none(&audit, RuleCode::PlanAcceptedWithoutConditions);
}

#[test]
fn conclusion_praises_major_nonconformity() {
    // Toulon's conclusion générale: « Le référentiel Qual-e-Pref est maîtrisé. Ceci se traduit
    // par un très bon niveau d'atteinte des objectifs… ».
    let audit = with_nc(17, NcGrade::Major);
    expect_one(
        &audit,
        RuleCode::ConclusionPraisesMajorNonconformity,
        Severity::Warning,
        "conclusion.conclusion_generale[0]",
        "the conclusion générale says \"maîtrisé\" but the audit has 1 major nonconformity \
         (NC Maj)",
    );
    assert_eq!(
        of_code(
            &report(&audit),
            RuleCode::ConclusionPraisesMajorNonconformity
        )[0]
        .message,
        "la conclusion générale parle de «\u{a0}maîtrisé\u{a0}» alors que l'audit compte 1 \
         non-conformité majeure (NC Maj)"
    );
    let mut audit = audit;
    for (text, words) in [
        ("Un TRES BON NIVEAU d'ensemble.", "TRES BON NIVEAU"),
        ("Une démarche excellente.", "excellente"),
        ("Les délais sont maitrisés ; l'accueil aussi.", "maitrisés"),
        (
            "Non maîtrisé ici, mais très bon niveau ailleurs.",
            "très bon niveau",
        ),
    ] {
        audit.conclusion.conclusion_generale = vec![text.to_owned()];
        let found = of_code(
            &report(&audit),
            RuleCode::ConclusionPraisesMajorNonconformity,
        );
        assert_eq!(found.len(), 1, "{text}");
        assert!(
            found[0].message.contains(&format!("«\u{a0}{words}\u{a0}»")),
            "{text}"
        );
    }
    // The noun « maîtrise », a denied praise, or the same words without an NC Maj: not reported.
    for text in [
        "La maîtrise des délais reste à conforter.",
        "Le processus n'est pas maîtrisé.",
        "Un niveau peu maîtrisé, pas excellent.",
    ] {
        audit.conclusion.conclusion_generale = vec![text.to_owned()];
        expect_none(&audit, RuleCode::ConclusionPraisesMajorNonconformity);
    }
    expect_none(
        &with_nc(17, NcGrade::Minor),
        RuleCode::ConclusionPraisesMajorNonconformity,
    );
    expect_none(&toulon(), RuleCode::ConclusionPraisesMajorNonconformity);
}

/// « Sans objet » under the charte graphique while it has a verdict, or as the conclusion
/// générale of an audit that gives verdicts: `conclusion-contradicts-findings` covers every
/// section the data speaks of.
#[test]
fn conclusion_contradicts_findings_in_every_section() {
    let mut audit = toulon();
    audit.kind.audit_type = Some(AuditType::Suivi);
    audit.conclusion.charte_graphique.verdict = Some(Verdict::Conformity);
    audit.conclusion.charte_graphique.text = vec!["Sans objet.".to_owned()];
    audit.conclusion.conclusion_generale = vec!["Sans objet.".to_owned()];
    assert_eq!(
        lines_of(&audit, RuleCode::ConclusionContradictsFindings),
        [
            "conclusion.charte_graphique.text[0]: [conclusion-contradicts-findings] warning: the section says \"Sans objet.\" but the charte graphique is assessed C",
            "conclusion.conclusion_generale[0]: [conclusion-contradicts-findings] warning: the section says \"Sans objet.\" but the audit gives a verdict to 23 engagements",
        ]
    );
    // A charte graphique « Sans objet » that is NA, or without verdict: not reported.
    audit.conclusion.charte_graphique.verdict = Some(Verdict::NotApplicable);
    audit.conclusion.conclusion_generale = vec!["Voir ci-dessus.".to_owned()];
    expect_none(&audit, RuleCode::ConclusionContradictsFindings);
    audit.conclusion.charte_graphique.verdict = None;
    expect_none(&audit, RuleCode::ConclusionContradictsFindings);
    // The commentaires have no counterpart in the data: « Sans objet » there is fine (Toulon).
    assert_eq!(toulon().conclusion.commentaires, ["Sans objet."]);
    expect_none(&toulon(), RuleCode::ConclusionContradictsFindings);
}

/// The new texts (an assessment's evidence, a fiche's cause and response) are checked for
/// control characters like the others.
#[test]
fn control_character_in_the_new_texts() {
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.assessments[3].evidence = Some("Registre\u{1b}[31m".to_owned());
    audit.management[0].evidence = Some("Compte rendu\u{7}".to_owned());
    audit.ecarts[0].cause = Some("Absence de suivi\u{9b}".to_owned());
    audit.ecarts[0].response = Some("Accord\r".to_owned());
    let found = of_code(&report(&audit), RuleCode::ControlCharacter);
    let paths: Vec<&str> = found.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "assessments[3].evidence",
            "management[0].evidence",
            "ecarts[0].cause",
            "ecarts[0].response",
        ]
    );
    audit.assessments[3].evidence = Some("Registre\tdu courrier\r\nsigné".to_owned());
    audit.management[0].evidence = None;
    audit.ecarts[0].cause = None;
    audit.ecarts[0].response = Some("Accord".to_owned());
    expect_none(&audit, RuleCode::ControlCharacter);
}

// ---------------------------------------------------------------------------------------------
// The French texts.

/// The French line of each diagnostic of `audit` with code `code`.
fn french_lines(audit: &Audit, code: RuleCode) -> Vec<String> {
    of_code(&report(audit), code)
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The French wording of a representative set, exactly: the subjects with their article
/// (« l'engagement », « le point », « le contrôle à distance »), dates as reports print them,
/// values quoted verbatim between guillemets, codes unchanged, French typography.
#[test]
fn french_wording() {
    let mut audit = toulon();
    audit.assessments[4].verdict = None;
    audit.management[4].verdict = None;
    audit.remote_checks[0].note = None;
    assert_eq!(
        report(&audit).to_string(),
        "remote_checks[0].note\u{a0}: [remote-check-without-note] avertissement\u{a0}: le contrôle à distance (Internet) de l'engagement 1 n'a pas de note\n\
         assessments[4].verdict\u{a0}: [missing-verdict] erreur\u{a0}: l'engagement 5 n'a pas de verdict\n\
         management[4].verdict\u{a0}: [missing-verdict] erreur\u{a0}: le point pilotage 5 n'a pas de verdict\n"
    );
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.ecarts[0].due = Some(date("2019-10-01"));
    audit.assessments[16].observations[0].text = " ".to_owned();
    assert_eq!(
        french_lines(&audit, RuleCode::FicheDueBeforeAuditEnd),
        [
            "ecarts[0].due\u{a0}: [fiche-due-before-audit-end] avertissement\u{a0}: l'action \
          corrective de la fiche d'écart de l'engagement 17 est due le 01/10/2019, avant la fin \
          de l'audit le 18/11/2019"
        ]
    );
    assert_eq!(
        french_lines(&audit, RuleCode::EmptyObservation),
        [
            "assessments[16].observations[0].text\u{a0}: [empty-observation] erreur\u{a0}: le \
          texte de l'observation 1 (PP) de l'engagement 17 est vide"
        ]
    );
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.conclusion.fiches_ecart =
        vec!["Absence de non-conformité majeure ou mineure.".to_owned()];
    assert_eq!(
        french_lines(&audit, RuleCode::ConclusionContradictsFindings),
        [
            "conclusion.fiches_ecart[0]\u{a0}: [conclusion-contradicts-findings] avertissement\u{a0}: \
          la section indique «\u{a0}Absence de non-conformité majeure ou mineure.\u{a0}» mais \
          l'audit compte 1 non-conformité"
        ]
    );
    let mut audit = toulon();
    audit.modules.push(m(3));
    assert_eq!(
        french_lines(&audit, RuleCode::ModuleNotBundled),
        [
            "modules[2]\u{a0}: [module-not-bundled] erreur\u{a0}: le module 3 est couvert mais le \
          référentiel qual-e-pref-2019 n'en contient pas les engagements\u{202f}; chargez un \
          référentiel complet (par exemple avec Referentiel::from_path) pour le valider"
        ]
    );
    let mut audit = toulon();
    audit.unread = vec![Unread::new("ecarts[0].due", "fin mars").at_line(185)];
    audit.auditors[0].signed_on = Some(date("2019-11-17"));
    assert_eq!(
        french_lines(&audit, RuleCode::UnreadValue),
        [
            "unread[0]\u{a0}: [unread-value] avertissement\u{a0}: ecarts[0].due\u{a0}: le texte \
          «\u{a0}fin mars\u{a0}» n'a pas été lu (ligne 185 de la source)"
        ]
    );
    assert_eq!(
        french_lines(&audit, RuleCode::SignatureBeforeAudit),
        [
            "auditors[0].signed_on\u{a0}: [signature-before-audit] avertissement\u{a0}: l'auditeur \
          1 (Aurélie ROUMEGOUX) a signé le 17/11/2019, avant le début de l'audit le 18/11/2019"
        ]
    );
    // A quoted value keeps its spaces and case, and its control characters are escaped: the
    // line stays one line.
    let mut audit = with_nc(17, NcGrade::Minor);
    audit.conclusion.fiches_ecart = vec!["SANS  objet\n(voir annexe)".to_owned()];
    assert_eq!(
        of_code(&report(&audit), RuleCode::ConclusionContradictsFindings)[0].message,
        "la section indique «\u{a0}SANS  objet\\n(voir annexe)\u{a0}» mais l'audit compte 1 \
         non-conformité"
    );
}

/// Every code's French example in the table is a French line of its code and severity.
#[test]
fn every_code_has_a_french_example() {
    for code in RuleCode::iter() {
        let Some(example) = code.example_fr() else {
            panic!("{code} has no French example");
        };
        let severity = match code.default_severity() {
            Severity::Info => "info",
            Severity::Warning => "avertissement",
            Severity::Error => "erreur",
        };
        assert!(
            example.contains(&format!("[{code}] {severity}\u{a0}: ")),
            "{code}: {example}"
        );
        assert_ne!(example, code.example(), "{code}");
        let docs = qualepref::codes::markdown();
        assert!(
            docs.contains(&format!(
                "In English:\n\n```text\n{}\n```\n\nIn French:\n\n```text\n{example}\n```",
                code.example()
            )),
            "{code}: both examples are not in the reference"
        );
    }
}
