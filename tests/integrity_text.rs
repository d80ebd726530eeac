//! The text import loses no assessment: a verdict, an observation or a remote note inserted at
//! any line of a valid report, in any spelling a report's text export leaves (cells cut by
//! tabs, runs of spaces, non-breaking spaces or `|`, a lone verdict, a row), is filed, or the
//! audit is refused with an error that names the inserted line. A valid audit with a favourable
//! outcome never hides an inserted `NC Maj`.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::sync::OnceLock;

use proptest::prelude::*;
use qualepref::{
    Audit, Carried, EcartTarget, EngagementNumber, FicheEcart, NcGrade, ObservationKind, Outcome,
    Policy, Referentiel, RuleCode, Severity, Valid, ValidationOptions, ValidationReport, Verdict,
    decide, import_report_text, render_report_text, samples,
};

/// A valid audit written as a report, with what the import of that report reads.
struct Case {
    name: &'static str,
    referentiel: Referentiel,
    text: String,
    baseline: Audit,
    /// Engagement rows to copy (`Module M N. Title`), from the audit.
    rows: Vec<String>,
}

fn cases() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(|| {
        let toulon = Audit::from_json_str(samples::TOULON_2019_JSON).unwrap();
        let synthetic_referentiel = synthetic::synthetic_referentiel().unwrap();
        let synthetic = synthetic::synthetic_audit(&synthetic_referentiel).unwrap();
        [
            (
                "toulon-2019",
                toulon.clone(),
                Referentiel::qual_e_pref_2019().clone(),
            ),
            ("synthetic", synthetic, synthetic_referentiel),
            (
                "toulon-with-a-fiche",
                with_a_fiche(toulon),
                Referentiel::qual_e_pref_2019().clone(),
            ),
        ]
        .into_iter()
        .map(|(name, audit, referentiel)| {
            let text = render_report_text(&audit, &referentiel);
            let imported = import_report_text(&text, &referentiel).unwrap();
            assert_eq!(imported.audit(), &audit, "{name} round-trips");
            assert!(
                Valid::new(&audit, &referentiel, &ValidationOptions::default()).is_ok(),
                "{name} is valid"
            );
            let rows = text
                .lines()
                .filter(|l| l.starts_with("Module "))
                .filter_map(|l| l.split('\t').next())
                .map(str::to_owned)
                .collect();
            Case {
                name,
                referentiel,
                text,
                baseline: imported.into_audit(),
                rows,
            }
        })
        .collect()
    })
}

/// The Toulon audit (a synthetic variant) with what a report may hold besides: a minor
/// nonconformity on engagement 17 with its numbered fiche d'écart, its cause and the audited
/// site's answer, evidence on two rows, and the planned external audit.
fn with_a_fiche(mut audit: Audit) -> Audit {
    let e17 = EngagementNumber::new(17).unwrap();
    audit.assessments[16].verdict = Some(Verdict::MinorNonconformity);
    audit.assessments[16].evidence = Some("Registre du courrier du BSR.".to_owned());
    audit.management[4].evidence = Some("Compte rendu du comité des usagers.".to_owned());
    audit.conclusion.fiches_ecart.clear();
    let mut fiche = FicheEcart::new(
        EcartTarget::Engagement(e17),
        NcGrade::Minor,
        "Délai de réponse des courriers du BSR non tenu.",
    )
    .with_requirement("Répondre dans le délai annoncé.");
    fiche.number = Some(1);
    fiche.cause = Some("Absences non remplacées.".to_owned());
    fiche.response = Some("Plan de renfort engagé.".to_owned());
    audit.ecarts.push(fiche);
    audit.kind.external_on = audit.dates.end.checked_add_days(chrono::Days::new(90));
    audit
}

/// What an inserted value carries, as generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Verdict(Verdict),
    Observation(ObservationKind),
    Note,
}

/// A value in one of its spellings: (what it carries, as written).
fn value() -> impl Strategy<Value = (Token, String)> {
    let major = Token::Verdict(Verdict::MajorNonconformity);
    let minor = Token::Verdict(Verdict::MinorNonconformity);
    let strength = Token::Observation(ObservationKind::Strength);
    let concern = Token::Observation(ObservationKind::AreaOfConcern);
    let progress = Token::Observation(ObservationKind::OpportunityForImprovement);
    prop::sample::select(vec![
        (major, "NC Maj"),
        (major, "nc maj"),
        (major, "NC MAJ"),
        (major, "nc-maj"),
        (major, "NC-Maj"),
        (major, "non-conformité majeure"),
        (major, "Non-conformité Majeure"),
        (major, "non conformite majeure"),
        (major, "NC majeure"),
        (minor, "NC min"),
        (minor, "nc-min"),
        (minor, "non-conformité mineure"),
        (Token::Verdict(Verdict::Conformity), "C"),
        (Token::Verdict(Verdict::Conformity), "Conforme"),
        (Token::Verdict(Verdict::NotApplicable), "NA"),
        (Token::Verdict(Verdict::NotApplicable), "n/a"),
        (concern, "PS : accueil saturé le lundi"),
        (concern, "PS: accueil saturé"),
        (concern, "ps : accueil saturé"),
        (concern, "Point sensible : accueil saturé"),
        (concern, "PS - accueil saturé"),
        (strength, "PF : accueil soigné"),
        (strength, "Points forts : accueil soigné"),
        (progress, "PP : afficher le plan d'amélioration"),
        (progress, "Piste de progrès : afficher le plan"),
        (Token::Note, "Note : Non conforme"),
        (Token::Note, "Note: non-conforme"),
    ])
    .prop_map(|(token, text)| (token, text.to_owned()))
}

/// How the value stands on its line.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// The value alone.
    Alone,
    /// In the last cell of an otherwise empty row.
    Cells(&'static str),
    /// After text, cut from it by a separator.
    After(&'static str),
    /// In the verdict cell of an engagement's row (`Module 1 5. Title`), cut by a separator.
    Row(&'static str),
    /// A table row of `|`: `| Module 1 5. Title | value |`.
    Bars,
}

fn shape() -> impl Strategy<Value = Shape> {
    const SEPARATORS: [&str; 5] = ["\t", "\t\t", "   ", "\u{a0}\u{a0}", " | "];
    prop_oneof![
        Just(Shape::Alone),
        prop::sample::select(SEPARATORS.to_vec()).prop_map(Shape::Cells),
        prop::sample::select(SEPARATORS.to_vec()).prop_map(Shape::After),
        prop::sample::select(SEPARATORS.to_vec()).prop_map(Shape::Row),
        Just(Shape::Bars),
    ]
}

/// The line to insert: `value` in `shape`, with `row` the engagement row it may copy.
fn line(shape: Shape, value: &str, row: &str) -> String {
    match shape {
        Shape::Alone => value.to_owned(),
        Shape::Cells(sep) => format!("{sep}{value}"),
        Shape::After(sep) => format!("Vu sur place{sep}{value}"),
        Shape::Row(sep) => format!("{row}{sep}{value}"),
        Shape::Bars => format!("| {row} | {value} |"),
    }
}

/// `text` with `line` inserted before line `at` (0-based), and its number (1-based).
fn insert(text: &str, at: usize, line: &str) -> (String, usize) {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let at = at.min(lines.len());
    lines.insert(at, line);
    (lines.join("\n"), at + 1)
}

/// Whether an error of `report`, the validation of `audit`, names line `line`: an
/// `unread-assessment` error on an unread entry of that line, or on one that competes with the
/// value filed there.
fn names_line(audit: &Audit, report: &ValidationReport, line: usize) -> bool {
    report.diagnostics().iter().any(|d| {
        let entry = d
            .path
            .strip_prefix("unread[")
            .and_then(|rest| rest.strip_suffix(']'))
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| audit.unread.get(i));
        d.code == RuleCode::UnreadAssessment
            && d.severity == Severity::Error
            && entry.is_some_and(|u| {
                u.line == Some(line) || u.conflicts_with.as_deref() == Some(&format!("line {line}"))
            })
    })
}

/// How many verdicts `v` the audit's rows hold, and how many observations of `kind`.
fn verdicts(audit: &Audit, v: Verdict) -> usize {
    let rows = audit.assessments.iter().map(|a| a.verdict);
    let items = audit.management.iter().map(|m| m.verdict);
    rows.chain(items).filter(|x| *x == Some(v)).count()
}

fn observations(audit: &Audit, kind: ObservationKind) -> usize {
    let rows = audit.assessments.iter().flat_map(|a| &a.observations);
    let items = audit.management.iter().flat_map(|m| &m.observations);
    let remote = audit.remote_checks.iter().flat_map(|c| &c.observations);
    rows.chain(items)
        .chain(remote)
        .filter(|o| o.kind == kind)
        .count()
}

/// The property, for one insertion: `Err` with what went wrong.
fn check(case: &Case, at: usize, token: Token, inserted: &str) -> Result<(), String> {
    let (text, line) = insert(&case.text, at, inserted);
    let imported = import_report_text(&text, &case.referentiel)
        .map_err(|e| format!("the import failed: {e}"))?;
    if !imported.unkept_lines().is_empty() || !imported.unexplained_lines().is_empty() {
        return Err(format!(
            "lines not kept {:?}, not explained {:?}",
            imported.unkept_lines(),
            imported.unexplained_lines()
        ));
    }
    let audit = imported.audit();
    match Valid::new(audit, &case.referentiel, &ValidationOptions::default()) {
        Err(refused) => {
            if names_line(audit, &refused, line) {
                Ok(())
            } else {
                Err(format!("refused without naming line {line}: {refused}"))
            }
        }
        Ok(valid) => {
            // What the rows hold changed: a verdict, a remote check (whose note `C` is), an
            // observation of the kind inserted.
            let rows_changed = audit.assessments != case.baseline.assessments
                || audit.management != case.baseline.management
                || audit.remote_checks != case.baseline.remote_checks;
            let filed = match token {
                Token::Verdict(v) => {
                    verdicts(audit, v) > verdicts(&case.baseline, v) || rows_changed
                }
                Token::Observation(kind) => {
                    observations(audit, kind) > observations(&case.baseline, kind)
                }
                Token::Note => rows_changed,
            };
            if !filed {
                return Err(format!(
                    "valid, and the value was not filed (line {line} is {:?})",
                    imported.line_role(line)
                ));
            }
            let outcome = decide(&valid, &Policy::default()).outcome;
            if token == Token::Verdict(Verdict::MajorNonconformity)
                && outcome != Outcome::Unfavorable
            {
                return Err(format!("NC Maj filed, and the outcome is {outcome:?}"));
            }
            Ok(())
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    #[test]
    fn an_inserted_assessment_is_filed_or_refuses_the_audit_naming_its_line(
        case in 0..3usize,
        at in any::<prop::sample::Index>(),
        (token, value) in value(),
        shape in shape(),
        row in any::<prop::sample::Index>(),
    ) {
        let case = &cases()[case];
        let lines = case.text.split('\n').count();
        let at = at.index(lines + 1);
        let row = row.get(&case.rows);
        let inserted = line(shape, &value, row);
        // The generated line carries what it was made to carry.
        prop_assert!(Carried::find(&inserted).is_some(), "{inserted:?}");
        if let Err(why) = check(case, at, token, &inserted) {
            prop_assert!(false, "{}: {inserted:?} before line {}: {why}", case.name, at + 1);
        }
    }
}

/// Every position of each report, for a lone verdict and a row of engagement 5.
#[test]
fn a_major_nonconformity_at_any_line_is_filed_or_refuses_the_audit() {
    let major = Token::Verdict(Verdict::MajorNonconformity);
    for case in cases() {
        let lines = case.text.split('\n').count();
        let row = &case.rows[4];
        for inserted in ["\t\tNC Maj".to_owned(), format!("{row}  NC Maj")] {
            for at in 0..=lines {
                if let Err(why) = check(case, at, major, &inserted) {
                    panic!("{}: {inserted:?} before line {}: {why}", case.name, at + 1);
                }
            }
        }
    }
}
