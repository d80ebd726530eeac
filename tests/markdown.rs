//! Markdown rendering of the whole report.
//!
//! Snapshots: `tests/snapshots/toulon-report.*.md` are compared byte for byte; a missing or
//! different snapshot fails. Run with `UPDATE_SNAPSHOTS=1` to (re)write them, then review the
//! diff.

use proptest::prelude::*;
use qualepref::report::markdown::escape;
use qualepref::validate::ValidationOptions;
use qualepref::{
    Audit, EcartTarget, EngagementNumber, FicheEcart, Language, NcGrade, Observation,
    ObservationKind, Policy, Referentiel, Valid, Verdict, conclude, render_markdown,
};

mod common;
use common::{check_snapshot, toulon};

#[track_caller]
fn render(audit: &Audit, language: Language) -> String {
    let valid = Valid::new(
        audit,
        Referentiel::qual_e_pref_2019(),
        &ValidationOptions::default(),
    )
    .unwrap();
    let c = conclude(&valid, &Policy::default(), language);
    render_markdown(&valid, &c)
}

#[test]
fn toulon_report_snapshots() {
    let audit = toulon();
    check_snapshot("toulon-report.fr.md", &render(&audit, Language::Fr));
    check_snapshot("toulon-report.en.md", &render(&audit, Language::En));
}

#[test]
fn toulon_report_layout() {
    let md = render(&toulon(), Language::Fr);
    for needle in [
        "# RAPPORT D'AUDIT\n",
        "| MODULES COUVERTS PAR LE LABEL | Module 1 Relation générale avec les usagers<br>Module 2 Délivrance des titres (hors étrangers) |",
        "| TYPE D'AUDIT | Audit interne réalisé en amont d'un audit initial |",
        "### MODULE 1 - OBLIGATOIRE : RELATION GÉNÉRALE AVEC LES USAGERS",
        "#### ACCUEIL PHYSIQUE",
        "#### RESEAU SOCIAUX",
        "| Module 1 17. Nous vous répondons dans un délai annoncé et maîtrisé | PP : Le délai de réponse",
        "| 5. Comité des usagers |  | C |",
        "### AUDIT A DISTANCE : Téléphone (standard, SVI, SART)",
        "| Module 1 3. A votre écoute pour progresser | PP : Etudier la possibilité de rendre plus visible le plan d'amélioration sur le site internet. | Conforme |",
        "### ❖ FICHE(S) D'ECART(S)",
        "- Absence de non-conformité majeure ou mineure.",
        "**Avis favorable** (`favorable`)",
        "Module 1 — *Taux de conformité :* 100,0\u{a0}% (20/20) — 20 C, 0 NA, 0 NC min, 0 NC Maj.",
    ] {
        assert!(md.contains(needle), "missing {needle:?}");
    }
    assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
}

#[test]
fn a_minor_nonconformity_is_in_the_decision_table() {
    let mut audit = toulon();
    let n17 = EngagementNumber::new(17).unwrap();
    audit.assessments[16].verdict = Some(Verdict::MinorNonconformity);
    audit.ecarts.push(FicheEcart {
        target: EcartTarget::Engagement(n17),
        grade: NcGrade::Minor,
        finding: "12 courriers | sur 40\nhors délai".to_owned(),
        requirement: "Délai annoncé.".to_owned(),
        corrective_action: None,
        due: None,
    });
    let md = render(&audit, Language::Fr);
    assert!(md.contains("**Avis favorable sous réserve** (`favorable_with_conditions`)"));
    assert!(md.contains(
        "| NC min Engagement 17 « Nous vous répondons dans un délai annoncé et maîtrisé » | 12 courriers \\| sur 40<br>hors délai | Délai annoncé. | — | 18/02/2020 |"
    ));
    // The same table as the HTML report's, corrective-action column included.
    assert!(md.contains(
        "### Fiches d'écart\n\n| Écart | Constat | Exigence | Action corrective | Échéance |\n|---|---|---|---|---|\n"
    ));
    let en = render(&audit, Language::En);
    assert!(en.contains("**Favourable with conditions**"));
    assert!(en.contains("| 2020-02-18 |"));
}

#[test]
fn the_decision_table_has_the_corrective_action_column() {
    let mut audit = toulon();
    let n17 = EngagementNumber::new(17).unwrap();
    audit.assessments[16].verdict = Some(Verdict::MinorNonconformity);
    audit.ecarts.push(FicheEcart {
        target: EcartTarget::Engagement(n17),
        grade: NcGrade::Minor,
        finding: "12 courriers sur 40 hors délai".to_owned(),
        requirement: "Délai annoncé.".to_owned(),
        corrective_action: Some("Plan de *renfort*.".to_owned()),
        due: None,
    });
    let md = render(&audit, Language::Fr);
    assert!(md.contains(
        "| NC min Engagement 17 « Nous vous répondons dans un délai annoncé et maîtrisé » | 12 courriers sur 40 hors délai | Délai annoncé. | Plan de \\*renfort\\*. | 18/02/2020 |"
    ), "{md}");
    let en = render(&audit, Language::En);
    assert!(en.contains(
        "### Nonconformity reports\n\n| Nonconformity | Finding | Requirement | Corrective action | Due |\n"
    ), "{en}");
}

#[test]
fn data_text_is_escaped() {
    assert_eq!(escape("a | b\nc"), "a \\| b<br>c");
    assert_eq!(
        escape("*x* _y_ [z](u) <b>"),
        "\\*x\\* \\_y\\_ \\[z\\](u) \\<b\\>"
    );
    assert_eq!(escape("- item"), "\\- item");
    assert_eq!(escape("12. item"), "\\12. item");
    assert_eq!(escape("# title"), "\\# title");
    let mut audit = toulon();
    audit.assessments[0].observations.push(Observation::new(
        ObservationKind::AreaOfConcern,
        "Tableau | cassé\r\nsur deux lignes",
    ));
    let md = render(&audit, Language::Fr);
    let row = md
        .lines()
        .find(|l| l.starts_with("| Module 1 1. "))
        .unwrap();
    assert!(row.contains("PS : Tableau \\| cassé<br>sur deux lignes"));
    assert_eq!(row.matches(" | ").count(), 2, "{row}");
}

proptest! {
    #[test]
    fn the_same_audit_gives_the_same_markdown(
        verdicts in proptest::collection::vec(0u8..4, 23),
        text in "[a-z|*_#\\n -]{0,30}",
        english in any::<bool>(),
    ) {
        let mut audit = toulon();
        for (a, v) in audit.assessments.iter_mut().zip(&verdicts) {
            let verdict = match v {
                0 => Verdict::Conformity,
                1 => Verdict::NotApplicable,
                2 => Verdict::MinorNonconformity,
                _ => Verdict::MajorNonconformity,
            };
            a.verdict = Some(verdict);
            if verdict == Verdict::NotApplicable {
                a.comment = Some(format!("Sans objet. {text}"));
            }
            if let Some(grade) = verdict.nonconformity() {
                audit.ecarts.push(FicheEcart {
                    target: EcartTarget::Engagement(a.engagement),
                    grade,
                    finding: format!("Constat {text}"),
                    requirement: "Exigence.".to_owned(),
                    corrective_action: None,
                    due: None,
                });
            }
        }
        let language = if english { Language::En } else { Language::Fr };
        let copy = audit.clone();
        let a = render(&audit, language);
        let b = render(&copy, language);
        prop_assert_eq!(&a, &b);
        // Every table row keeps its two to five cells.
        for line in a.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| |")) {
            let cells = line.replace("\\|", "").matches('|').count();
            prop_assert!((3..=6).contains(&cells), "{}", line);
        }
    }
}

/// Section 5 of an internal audit is its indicative outcome; of an external one, the decision.
#[test]
fn an_internal_audit_has_an_indicative_outcome() {
    let mut audit = toulon();
    let md = render(&audit, Language::Fr);
    assert!(
        md.contains("\n## 5. AVIS INDICATIF (AUDIT INTERNE)\n"),
        "{md}"
    );
    assert!(md.contains(
        "seul l'audit de l'organisme d'audit externe conduit à la décision de labellisation"
    ));
    assert!(!md.contains("## 5. DÉCISION"));
    let en = render(&audit, Language::En);
    assert!(
        en.contains("\n## 5. Indicative outcome (internal audit)\n"),
        "{en}"
    );
    audit.kind.internal = false;
    let md = render(&audit, Language::Fr);
    assert!(md.contains("\n## 5. DÉCISION\n"), "{md}");
    assert!(!md.contains("AVIS INDICATIF") && !md.contains("audit interne n'accorde"));
}
