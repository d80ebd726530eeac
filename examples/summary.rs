//! Prints a readable summary of an audit: site, dates, modules, verdict counts per module,
//! management items, remote checks and observations, then validates it and gives the labelling
//! decision (the crate's default policy; indicative for an internal audit) with the conformity
//! rate.
//!
//! ```text
//! cargo run --example summary                  # the bundled Toulon 2019 audit
//! cargo run --example summary -- audit.json    # your own audit
//! cargo run --example summary -- audit.json referentiel.json
//! ```

use std::collections::BTreeMap;
use std::process::ExitCode;

use qualepref::{
    Audit, Language, ObservationKind, Policy, Referentiel, Valid, ValidationOptions, Verdict,
    conclude, samples,
};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), qualepref::Error> {
    let mut args = std::env::args().skip(1);
    let audit = match args.next() {
        Some(path) => Audit::from_path(path)?,
        None => Audit::from_json_str(samples::TOULON_2019_JSON)?,
    };
    let owned;
    let referentiel = match args.next() {
        Some(path) => {
            owned = Referentiel::from_path(path)?;
            &owned
        }
        None => Referentiel::qual_e_pref_2019(),
    };

    let site = &audit.site;
    println!(
        "{} — {} ({}), département {}",
        site.name
            .as_deref()
            .unwrap_or(site.administration.label_fr()),
        site.city,
        site.administration.label_fr(),
        site.departement
    );
    let kind = match (audit.kind.internal, audit.kind.audit_type) {
        (true, Some(t)) => format!("audit interne en amont d'un audit {}", t.label_fr()),
        (true, None) => "audit interne".to_owned(),
        (false, Some(t)) => format!("audit {}", t.label_fr()),
        (false, None) => "audit (type non précisé)".to_owned(),
    };
    println!(
        "{kind}, du {} au {}",
        audit.dates.start.format("%d/%m/%Y"),
        audit.dates.end.format("%d/%m/%Y")
    );
    println!(
        "référentiel : {} ({})",
        referentiel.name(),
        audit.referentiel.id
    );
    let auditors: Vec<&str> = audit.auditors.iter().map(|a| a.name.as_str()).collect();
    println!("auditeur(s) : {}", auditors.join(", "));
    println!();

    println!("engagements : {}", audit.assessments.len());
    for module in &audit.modules {
        let title = referentiel
            .module(*module)
            .map_or("(module inconnu du référentiel)", |m| m.title.as_str());
        let verdicts: Vec<Option<Verdict>> = audit
            .assessments
            .iter()
            .filter(|a| a.module == *module)
            .map(|a| a.verdict)
            .collect();
        println!(
            "  module {module} — {title} : {} engagement(s), {}",
            verdicts.len(),
            tally(&verdicts)
        );
    }
    let management: Vec<Option<Verdict>> = audit.management.iter().map(|m| m.verdict).collect();
    println!(
        "points de management : {}, {}",
        management.len(),
        tally(&management)
    );
    let mut remote = BTreeMap::new();
    for check in &audit.remote_checks {
        let (n, conformes) = remote.entry(check.channel).or_insert((0, 0));
        *n += 1;
        if check.note == Some(qualepref::RemoteNote::Conforme) {
            *conformes += 1;
        }
    }
    let total: usize = remote.values().map(|(n, _)| n).sum();
    println!("contrôles à distance : {total}");
    for (channel, (n, conformes)) in &remote {
        println!("  {} : {n} ({conformes} conforme(s))", channel.label_fr());
    }
    println!("fiches d'écart : {}", audit.ecarts.len());
    println!();

    let observations = audit
        .assessments
        .iter()
        .map(|a| (format!("engagement {}", a.engagement), &a.observations))
        .chain(audit.management.iter().map(|m| {
            (
                format!("{} {}", m.section.heading(), m.item),
                &m.observations,
            )
        }))
        .chain(audit.remote_checks.iter().map(|r| {
            (
                format!(
                    "à distance ({}), engagement {}",
                    r.channel.label_fr(),
                    r.engagement
                ),
                &r.observations,
            )
        }));
    let mut counts: BTreeMap<ObservationKind, usize> = BTreeMap::new();
    let mut lines = Vec::new();
    for (place, list) in observations {
        for o in list {
            *counts.entry(o.kind).or_default() += 1;
            lines.push(format!("  {} — {place} : {}", o.kind, o.text));
        }
    }
    let summary: Vec<String> = [
        ObservationKind::Strength,
        ObservationKind::AreaOfConcern,
        ObservationKind::OpportunityForImprovement,
    ]
    .iter()
    .map(|k| format!("{} {k}", counts.get(k).copied().unwrap_or(0)))
    .collect();
    println!("observations : {}", summary.join(", "));
    for line in lines {
        println!("{line}");
    }
    println!();

    match Valid::new(&audit, referentiel, &ValidationOptions::default()) {
        Err(report) => {
            println!("audit invalide : {} erreur(s)", report.errors().count());
            print!("{report}");
        }
        Ok(valid) => {
            for d in valid.report().diagnostics() {
                println!("{d}");
            }
            let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
            let rate = conclusions
                .rate
                .map_or_else(|| "sans objet".to_owned(), |r| r.display(Language::Fr));
            println!("audit valide ; taux de conformité : {rate}");
            // An audit gives an avis (the certification body decides afterwards); an internal
            // audit's is only indicative: `outcome_label` says so.
            println!(
                "avis selon la règle par défaut de l'outil : {}",
                conclusions.outcome_label(Language::Fr)
            );
            for reason in &conclusions.reasons {
                println!("  {reason}");
            }
        }
    }
    Ok(())
}

fn tally(verdicts: &[Option<Verdict>]) -> String {
    let count = |v| verdicts.iter().filter(|x| **x == Some(v)).count();
    let missing = verdicts.iter().filter(|x| x.is_none()).count();
    let s = format!(
        "{} C, {} NA, {} NC min, {} NC Maj",
        count(Verdict::Conformity),
        count(Verdict::NotApplicable),
        count(Verdict::MinorNonconformity),
        count(Verdict::MajorNonconformity)
    );
    if missing > 0 {
        format!("{s}, {missing} sans verdict")
    } else {
        s
    }
}
