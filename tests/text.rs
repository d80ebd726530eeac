//! Plain-text rendering of the whole report.
//!
//! Snapshots: `tests/snapshots/toulon-report.*.txt` are compared byte for byte; a missing or
//! different snapshot fails. Run with `UPDATE_SNAPSHOTS=1` to (re)write them, then review the
//! diff.

use qualepref::report::text::render_text;
use qualepref::{Audit, EcartTarget, EngagementNumber, FicheEcart, Language, NcGrade, Verdict};

mod common;
use common::{check_snapshot, toulon};

#[track_caller]
fn render(audit: &Audit, language: Language) -> String {
    common::rendered(audit, language, render_text)
}

#[test]
fn toulon_report_snapshots() {
    let audit = toulon();
    check_snapshot("toulon-report.fr.txt", &render(&audit, Language::Fr));
    check_snapshot("toulon-report.en.txt", &render(&audit, Language::En));
}

#[test]
fn text_is_written_as_is_without_markup() {
    let mut audit = toulon();
    let n17 = EngagementNumber::new(17).unwrap();
    audit.assessments[16].verdict = Some(Verdict::MinorNonconformity);
    audit.ecarts.push(FicheEcart {
        target: EcartTarget::Engagement(n17),
        grade: NcGrade::Minor,
        finding: "12 <courriers> | sur *40*".to_owned(),
        requirement: "Délai annoncé.".to_owned(),
        corrective_action: None,
        due: None,
        leader: None,
        status: qualepref::ActionStatus::Open,
    });
    let text = render(&audit, Language::Fr);
    assert!(
        text.contains("\n5. AVIS INDICATIF (AUDIT INTERNE)\nAvis favorable sous réserve (favorable_with_conditions)\n")
    );
    assert!(text.contains(
        "Fiches d'écart\nÉcart | Constat | Exigence | Action corrective | Échéance\n\
         NC min Engagement 17 « Nous vous répondons dans un délai annoncé et maîtrisé » | 12 <courriers> | sur *40* | Délai annoncé. | — | 18/02/2020\n"
    ));
    assert!(!text.contains("**") && !text.contains("<br>") && !text.contains("<svg"));
    assert!(text.ends_with('\n') && !text.ends_with("\n\n"));
}

/// The Toulon audit is internal: section 5 says its outcome is indicative
/// and that only the external audit decides; the same audit run externally says DÉCISION.
#[test]
fn an_internal_audit_has_an_indicative_outcome() {
    let mut audit = toulon();
    let text = render(&audit, Language::Fr);
    assert!(
        text.contains(
            "\n5. AVIS INDICATIF (AUDIT INTERNE)\nAvis favorable (favorable)\n\nUn audit interne n'accorde pas le label : seul l'audit de l'organisme d'audit externe conduit à la décision de labellisation."
        ),
        "{text}"
    );
    assert!(!text.contains("DÉCISION\n"), "{text}");
    let en = render(&audit, Language::En);
    assert!(
        en.contains("\n5. Indicative outcome (internal audit)\n"),
        "{en}"
    );
    assert!(en.contains("only the external audit body's audit leads to the labelling decision."));

    audit.kind.internal = false;
    let text = render(&audit, Language::Fr);
    assert!(
        text.contains("\n5. DÉCISION\nAvis favorable (favorable)\n"),
        "{text}"
    );
    assert!(!text.contains("indicatif") && !text.contains("audit interne n'accorde"));
}
