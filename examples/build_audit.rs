//! Builds an audit entirely in code — a sous-préfecture's follow-up (suivi) audit of module 1,
//! every engagement `C` except engagement 9 (`NC min`, with its fiche d'écart), two points forts
//! and one piste de progrès — then prints the decision, the corrective action's due date and
//! the synthesis in English.
//!
//! ```text
//! cargo run --example build_audit
//! ```
//!
//! The site and its findings are made up for the example.

use qualepref::AdministrationType::SousPrefecture;
use qualepref::{
    Audit, AuditDates, AuditKind, AuditType, Auditor, EngagementNumber, Language, ModuleNumber,
    NaiveDate, NcGrade, Observation, Policy, Referentiel, Site, Valid, ValidationOptions, Verdict,
    conclude,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let referentiel = Referentiel::qual_e_pref_2019();
    let site = Site::new(SousPrefecture, "83".parse()?, "BRIGNOLES");
    let dates = AuditDates::day(NaiveDate::from_ymd_opt(2024, 3, 12).ok_or("bad date")?);
    let kind = AuditKind::external(AuditType::Suivi);
    let mut audit = Audit::skeleton(referentiel, site, kind, dates, &[ModuleNumber::ONE]);
    audit.auditors.push(Auditor::new("Claire Martin"));
    let nine = EngagementNumber::try_from(9)?;
    let fiche = audit.record_nonconformity(nine, NcGrade::Minor, "Horaires du SVI faux")?;
    fiche.requirement = "Une information exacte sur les horaires d'accueil".into();
    for pf in ["Horaires à jour partout", "Signalétique claire"] {
        audit.observe(EngagementNumber::try_from(1)?, Observation::strength(pf))?;
    }
    let pp = Observation::opportunity_for_improvement("Publier un plan d'accès en ligne");
    audit.observe(nine, pp)?;
    audit.fill_all_unset_verdicts(Verdict::Conformity);
    let valid = Valid::new(&audit, referentiel, &ValidationOptions::default())?;
    let conclusions = conclude(&valid, &Policy::default(), Language::En);
    println!(
        "Proposed outcome: {}",
        conclusions.outcome_label(Language::En)
    );
    for due in conclusions.ecarts.iter().filter_map(|e| e.due) {
        println!("Corrective action due on {due}");
    }
    print!("{}", conclusions.to_text());
    Ok(())
}
