//! Assesses an audit against a référentiel built in code rather than the embedded Qual-e-pref
//! 2019: two modules of three engagements each, one channel group, the seven management items
//! of Qual-e-pref. Prints the référentiel in its file format, then the decision and the rate per
//! module of an audit of it.
//!
//! ```text
//! cargo run --example custom_referentiel
//! ```
//!
//! The référentiel and the audit are made up for the example; a real one loads from a file with
//! `Referentiel::from_path`.

use qualepref::{
    AdministrationType, Audit, AuditDates, AuditKind, AuditType, Auditor, ChannelGroup, Engagement,
    EngagementNumber, Language, Module, ModuleNumber, NaiveDate, NcGrade, Policy, Referentiel,
    Site, Valid, ValidationOptions, Verdict, conclude,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let date = NaiveDate::from_ymd_opt(2025, 1, 15).ok_or("bad date")?;
    let (one, two) = (ModuleNumber::ONE, ModuleNumber::try_from(2)?);
    let titles = [
        (one, "Nous vous informons de nos horaires"),
        (one, "Nous vous accueillons avec courtoisie"),
        (one, "Nous répondons à vos courriels sous cinq jours"),
        (two, "Nous délivrons vos titres dans un délai annoncé"),
        (two, "Nous vous informons de l'avancement de votre demande"),
        (two, "Nous vous restituons vos pièces originales"),
    ];
    let mut builder =
        Referentiel::builder("demo-2025", "Démo", "Référentiel de démonstration", date)
            .publisher("Exemple")
            .module(Module::new(one, "Accueil des usagers").obligatory())
            .module(
                Module::new(two, "Délivrance des titres")
                    .with_group(ChannelGroup::new("titres", "Titres")),
            )
            .management_items_of(Referentiel::qual_e_pref_2019());
    for (n, (module, title)) in (1..).zip(titles) {
        let engagement = Engagement::new(EngagementNumber::try_from(n)?, module, title);
        builder = builder.engagement(if module == two {
            engagement.in_group("titres")
        } else {
            engagement
        });
    }
    let referentiel = builder.build()?;
    print!("{}", referentiel.to_json_string()?);

    let site = Site::new(AdministrationType::Prefecture, "2A".parse()?, "AJACCIO");
    let kind = AuditKind::external(AuditType::Initial);
    let mut audit = Audit::skeleton(&referentiel, site, kind, AuditDates::day(date), &[one, two]);
    audit.auditors.push(Auditor::new("Paul Bernard"));
    audit
        .record_nonconformity(
            EngagementNumber::try_from(4)?,
            NcGrade::Minor,
            "Délai non affiché",
        )?
        .requirement = "Annoncer le délai de délivrance".into();
    audit.fill_all_unset_verdicts(Verdict::Conformity);

    let valid = Valid::new(&audit, &referentiel, &ValidationOptions::default())?;
    let conclusions = conclude(&valid, &Policy::default(), Language::En);
    println!(
        "\nProposed outcome: {}",
        conclusions.outcome_label(Language::En)
    );
    for module in &conclusions.modules {
        let rate = module
            .tally
            .rate
            .map_or_else(|| "-".to_owned(), |r| r.display(Language::En));
        println!("Module {} ({}): {rate}", module.module, module.title);
    }
    Ok(())
}
