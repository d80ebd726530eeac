//! The text import loses no assessment: a line inserted into a valid report (the Toulon report
//! written back as text, or a suivi audit of Toulon with a minor nonconformity, its numbered
//! fiche d'écart with its cause and answer, evidence on a row and a charte graphique assessed) that could carry a verdict, an observation or a
//! remote note (`Carried::find`) is filed, or validation refuses the audit with an error that
//! names the line; a valid audit never hides an inserted `NC Maj` behind a favourable outcome.
//! Every reported line is kept in `unread`, whatever the line.
//!
//! The input: a byte choosing the report, two for the position, then either a line made of the
//! spellings and shapes below (a byte under 128, then three choosing them) or the line itself
//! (the rest of the input, up to its first line break).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use qualepref::{
    Audit, AuditType, Carried, EcartTarget, EngagementNumber, FicheEcart, NcGrade, Outcome, Policy,
    Referentiel, RuleCode, Severity, Valid, ValidationOptions, ValidationReport, Verdict, decide,
    import_report_text, render_report_text, samples,
};

struct Case {
    referentiel: Referentiel,
    text: String,
    baseline: Audit,
    rows: Vec<String>,
}

fn cases() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(|| {
        let toulon = Audit::from_json_str(samples::TOULON_2019_JSON).expect("the Toulon audit");
        let mut suivi = toulon.clone();
        suivi.kind.audit_type = Some(AuditType::Suivi);
        let e17 = EngagementNumber::new(17).expect("engagement 17");
        if let Some(a) = suivi.assessments.iter_mut().find(|a| a.engagement == e17) {
            a.verdict = Some(Verdict::MinorNonconformity);
        }
        let mut fiche = FicheEcart::new(
            EcartTarget::Engagement(e17),
            NcGrade::Minor,
            "Délai de réponse des courriers du BSR non tenu.",
        )
        .with_requirement("Répondre dans le délai annoncé.");
        fiche.number = Some(1);
        fiche.cause = Some("Absences non remplacées.".to_owned());
        fiche.response = Some("Plan de renfort engagé.".to_owned());
        suivi.ecarts.push(fiche);
        if let Some(a) = suivi.assessments.get_mut(4) {
            a.evidence = Some("Procédure d'accueil consultée.".to_owned());
        }
        suivi.conclusion.fiches_ecart.clear();
        suivi.conclusion.charte_graphique.verdict = Some(Verdict::Conformity);
        suivi.conclusion.charte_graphique.text = vec!["Charte graphique respectée.".to_owned()];
        let referentiel = Referentiel::qual_e_pref_2019();
        [toulon, suivi]
            .into_iter()
            .map(|audit| {
                assert!(
                    Valid::new(&audit, referentiel, &ValidationOptions::default()).is_ok(),
                    "the audit is valid"
                );
                let referentiel = referentiel.clone();
                let text = render_report_text(&audit, &referentiel);
                let baseline = import_report_text(&text, &referentiel)
                    .expect("the report imports")
                    .into_audit();
                assert_eq!(baseline, audit, "the report round-trips");
                let rows = text
                    .lines()
                    .filter(|l| l.starts_with("Module "))
                    .filter_map(|l| l.split('\t').next())
                    .map(str::to_owned)
                    .collect();
                Case {
                    referentiel,
                    text,
                    baseline,
                    rows,
                }
            })
            .collect()
    })
}

const SPELLINGS: [&str; 16] = [
    "NC Maj",
    "nc maj",
    "nc-maj",
    "NC MAJ",
    "non-conformité majeure",
    "Non conformite majeure",
    "NC min",
    "non-conformité mineure",
    "C",
    "NA",
    "PS : accueil saturé",
    "ps : accueil saturé",
    "Point sensible : accueil saturé",
    "PF : accueil soigné",
    "PP : afficher le plan",
    "Note : Non conforme",
];

const SEPARATORS: [&str; 5] = ["\t", "\t\t", "   ", "\u{a0}\u{a0}", " | "];

/// The line to insert, made of a spelling (`spelling`), a shape and a row to copy.
fn made(case: &Case, spelling: u8, shape: u8, row: u8) -> String {
    let value = SPELLINGS[usize::from(spelling) % SPELLINGS.len()];
    let sep = SEPARATORS[usize::from(shape / 5) % SEPARATORS.len()];
    let row = &case.rows[usize::from(row) % case.rows.len()];
    match shape % 5 {
        0 => value.to_owned(),
        1 => format!("{sep}{value}"),
        2 => format!("Vu sur place{sep}{value}"),
        3 => format!("{row}{sep}{value}"),
        _ => format!("| {row} | {value} |"),
    }
}

fn names_line(audit: &Audit, report: &ValidationReport, line: usize) -> bool {
    let place = format!("line {line}");
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
                u.line == Some(line) || u.conflicts_with.as_deref() == Some(place.as_str())
            })
    })
}

/// Whether the import filed something from the inserted line: what the rows, the fiches or the
/// charte graphique's verdict hold changed.
fn filed(audit: &Audit, baseline: &Audit) -> bool {
    audit.assessments != baseline.assessments
        || audit.management != baseline.management
        || audit.remote_checks != baseline.remote_checks
        || audit.ecarts != baseline.ecarts
        || audit.conclusion.charte_graphique.verdict != baseline.conclusion.charte_graphique.verdict
}

fuzz_target!(|data: &[u8]| {
    let [which, lo, hi, mode, rest @ ..] = data else {
        return;
    };
    let cases = cases();
    let case = &cases[usize::from(*which) % cases.len()];
    let inserted = if *mode < 128 {
        let [spelling, shape, row, ..] = rest else {
            return;
        };
        made(case, *spelling, *shape, *row)
    } else {
        let Ok(text) = std::str::from_utf8(rest) else {
            return;
        };
        text.split(['\n', '\r']).next().unwrap_or("").to_owned()
    };
    let mut lines: Vec<&str> = case.text.split('\n').collect();
    let at = usize::from(u16::from_le_bytes([*lo, *hi])) % (lines.len() + 1);
    lines.insert(at, &inserted);
    let text = lines.join("\n");
    let line = at + 1;
    let Ok(imported) = import_report_text(&text, &case.referentiel) else {
        return;
    };
    assert!(imported.unexplained_lines().is_empty());
    assert!(
        imported.unkept_lines().is_empty(),
        "{:?}",
        imported.unkept_lines()
    );
    let Some(carried) = Carried::find(&inserted) else {
        return;
    };
    let audit = imported.audit();
    match Valid::new(audit, &case.referentiel, &ValidationOptions::default()) {
        Err(refused) => assert!(
            names_line(audit, &refused, line) || filed(audit, &case.baseline),
            "{inserted:?} at line {line} ({carried}): refused without naming the line, and \
             nothing filed: {refused}"
        ),
        Ok(valid) => {
            assert!(
                filed(audit, &case.baseline),
                "{inserted:?} at line {line} ({carried}): valid, and nothing filed ({:?})",
                imported.line_role(line)
            );
            if carried == Carried::Verdict(Verdict::MajorNonconformity) {
                let outcome = decide(&valid, &Policy::default()).outcome;
                assert_eq!(
                    outcome,
                    Outcome::Unfavorable,
                    "{inserted:?} at line {line}: NC Maj filed, and the outcome is favourable"
                );
            }
        }
    }
});
