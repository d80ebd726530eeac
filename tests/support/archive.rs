//! Generated archives of audits for the network's tests and benchmark: made up (sites are real
//! préfectures and sous-préfectures, their audits are not), clearly named as such, shared by
//! `tests/network.rs` and `benches/network.rs` through `#[path]`.
//!
//! - [`three_sites`]: the test archive — the real Toulon 2019 audit and five generated ones, of
//!   three sites in two départements: Toulon labelled, Nice labelled with an `NC min` never
//!   lifted (its action overdue), Brignoles suspended by an unfavourable suivi; internal and
//!   external audits.
//! - [`archive`]: `audits` audits of `sites` sites over ten years from 2019, for scale.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::{Days, Months, NaiveDate};

use qualepref::{
    ActionStatus, AdministrationType, Audit, AuditDates, AuditKind, AuditType, Auditor,
    EcartTarget, EngagementNumber, FicheEcart, Format, Interchange as _, ModuleNumber, NcGrade,
    Observation, ObservationKind, Referentiel, Site, Verdict, samples,
};

/// The préfectures: département and chef-lieu (the 101 départements).
pub const PREFECTURES: [(&str, &str); 101] = [
    ("01", "BOURG-EN-BRESSE"),
    ("02", "LAON"),
    ("03", "MOULINS"),
    ("04", "DIGNE-LES-BAINS"),
    ("05", "GAP"),
    ("06", "NICE"),
    ("07", "PRIVAS"),
    ("08", "CHARLEVILLE-MEZIERES"),
    ("09", "FOIX"),
    ("10", "TROYES"),
    ("11", "CARCASSONNE"),
    ("12", "RODEZ"),
    ("13", "MARSEILLE"),
    ("14", "CAEN"),
    ("15", "AURILLAC"),
    ("16", "ANGOULEME"),
    ("17", "LA ROCHELLE"),
    ("18", "BOURGES"),
    ("19", "TULLE"),
    ("2A", "AJACCIO"),
    ("2B", "BASTIA"),
    ("21", "DIJON"),
    ("22", "SAINT-BRIEUC"),
    ("23", "GUERET"),
    ("24", "PERIGUEUX"),
    ("25", "BESANCON"),
    ("26", "VALENCE"),
    ("27", "EVREUX"),
    ("28", "CHARTRES"),
    ("29", "QUIMPER"),
    ("30", "NIMES"),
    ("31", "TOULOUSE"),
    ("32", "AUCH"),
    ("33", "BORDEAUX"),
    ("34", "MONTPELLIER"),
    ("35", "RENNES"),
    ("36", "CHATEAUROUX"),
    ("37", "TOURS"),
    ("38", "GRENOBLE"),
    ("39", "LONS-LE-SAUNIER"),
    ("40", "MONT-DE-MARSAN"),
    ("41", "BLOIS"),
    ("42", "SAINT-ETIENNE"),
    ("43", "LE PUY-EN-VELAY"),
    ("44", "NANTES"),
    ("45", "ORLEANS"),
    ("46", "CAHORS"),
    ("47", "AGEN"),
    ("48", "MENDE"),
    ("49", "ANGERS"),
    ("50", "SAINT-LO"),
    ("51", "CHALONS-EN-CHAMPAGNE"),
    ("52", "CHAUMONT"),
    ("53", "LAVAL"),
    ("54", "NANCY"),
    ("55", "BAR-LE-DUC"),
    ("56", "VANNES"),
    ("57", "METZ"),
    ("58", "NEVERS"),
    ("59", "LILLE"),
    ("60", "BEAUVAIS"),
    ("61", "ALENCON"),
    ("62", "ARRAS"),
    ("63", "CLERMONT-FERRAND"),
    ("64", "PAU"),
    ("65", "TARBES"),
    ("66", "PERPIGNAN"),
    ("67", "STRASBOURG"),
    ("68", "COLMAR"),
    ("69", "LYON"),
    ("70", "VESOUL"),
    ("71", "MACON"),
    ("72", "LE MANS"),
    ("73", "CHAMBERY"),
    ("74", "ANNECY"),
    ("75", "PARIS"),
    ("76", "ROUEN"),
    ("77", "MELUN"),
    ("78", "VERSAILLES"),
    ("79", "NIORT"),
    ("80", "AMIENS"),
    ("81", "ALBI"),
    ("82", "MONTAUBAN"),
    ("83", "TOULON"),
    ("84", "AVIGNON"),
    ("85", "LA ROCHE-SUR-YON"),
    ("86", "POITIERS"),
    ("87", "LIMOGES"),
    ("88", "EPINAL"),
    ("89", "AUXERRE"),
    ("90", "BELFORT"),
    ("91", "EVRY-COURCOURONNES"),
    ("92", "NANTERRE"),
    ("93", "BOBIGNY"),
    ("94", "CRETEIL"),
    ("95", "CERGY"),
    ("971", "BASSE-TERRE"),
    ("972", "FORT-DE-FRANCE"),
    ("973", "CAYENNE"),
    ("974", "SAINT-DENIS"),
    ("976", "MAMOUDZOU"),
];

/// Sous-préfectures: département and city.
pub const SOUS_PREFECTURES: [(&str, &str); 19] = [
    ("83", "BRIGNOLES"),
    ("83", "DRAGUIGNAN"),
    ("06", "GRASSE"),
    ("13", "ARLES"),
    ("13", "AIX-EN-PROVENCE"),
    ("13", "ISTRES"),
    ("64", "BAYONNE"),
    ("29", "BREST"),
    ("50", "CHERBOURG-EN-COTENTIN"),
    ("59", "DUNKERQUE"),
    ("76", "LE HAVRE"),
    ("44", "SAINT-NAZAIRE"),
    ("51", "REIMS"),
    ("25", "MONTBELIARD"),
    ("34", "BEZIERS"),
    ("35", "SAINT-MALO"),
    ("56", "LORIENT"),
    ("38", "VIENNE"),
    ("974", "SAINT-PIERRE"),
];

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn site(kind: AdministrationType, departement: &str, city: &str) -> Site {
    let name = match kind {
        AdministrationType::SousPrefecture => format!("SOUS-PREFECTURE de {city}"),
        _ => format!("PREFECTURE de {city}"),
    };
    let departement = departement
        .parse()
        .unwrap_or_else(|e| panic!("département {departement}: {e}"));
    Site::new(kind, departement, city).with_name(name)
}

/// A generated audit of `site`: every engagement of `modules` assessed (`C` unless listed in
/// `verdicts`), with the auditor's comment, the points sensibles of `concerns`, and a fiche
/// d'écart for each nonconformity, in the state `status`.
#[allow(clippy::too_many_arguments)] // the generator's knobs, named at each call
pub fn audit(
    referentiel: &Referentiel,
    site: Site,
    kind: AuditKind,
    start: NaiveDate,
    modules: &[ModuleNumber],
    verdicts: &[(u16, Verdict)],
    concerns: &[u16],
    status: &ActionStatus,
) -> Audit {
    let dates = AuditDates {
        start,
        end: start + Days::new(1),
    };
    let mut a = Audit::skeleton(referentiel, site, kind, dates, modules);
    a.referentiel.label = Some(referentiel.name().to_owned());
    a.auditors.push(Auditor::new("Auditrice Générée"));
    for &(n, verdict) in verdicts {
        let Ok(number) = EngagementNumber::try_from(n) else {
            continue;
        };
        if a.assess(number, verdict).is_err() {
            continue;
        }
        let grade = match verdict {
            Verdict::MinorNonconformity => NcGrade::Minor,
            Verdict::MajorNonconformity => NcGrade::Major,
            _ => continue,
        };
        a.ecarts.push(
            FicheEcart::new(
                EcartTarget::Engagement(number),
                grade,
                format!("Constat généré sur l'engagement {n} : délai annoncé non tenu."),
            )
            .with_requirement("Tenir l'engagement affiché.")
            .with_corrective_action("Plan de rattrapage et suivi hebdomadaire.")
            .with_leader("Chef de bureau")
            .with_status(status.clone()),
        );
    }
    a.fill_all_unset_verdicts(Verdict::Conformity);
    for assessment in &mut a.assessments {
        let n = assessment.engagement.get();
        assessment.comment = Some(format!(
            "Constat de l'auditeur sur l'engagement {n} : affichage vérifié, procédure connue \
             des agents, indicateurs suivis mensuellement et présentés en comité."
        ));
        if concerns.contains(&n) && assessment.verdict == Some(Verdict::Conformity) {
            assessment.observations.push(Observation {
                kind: ObservationKind::AreaOfConcern,
                text: format!("Point sensible généré sur l'engagement {n}."),
                risk: Some("Dégradation du service en période de pointe.".to_owned()),
            });
        }
        if n % 4 == 0 {
            assessment.observations.push(Observation::new(
                ObservationKind::Strength,
                format!("Point fort généré sur l'engagement {n}."),
            ));
        }
    }
    a
}

/// The three sites' archive of the tests, as (relative path in nested folders, audit): Toulon
/// (the real internal audit of 2019, then a generated external initial and suivi), Nice (an
/// external initial with an `NC min` on engagement 9 never lifted, then an internal suivi),
/// Brignoles (an external initial, then a suivi with an `NC Maj` on engagement 12: unfavourable).
pub fn three_sites() -> Vec<(String, Audit)> {
    let r = Referentiel::qual_e_pref_2019();
    let two = ModuleNumber::new(2).unwrap_or(ModuleNumber::ONE);
    let both = [ModuleNumber::ONE, two];
    let one = [ModuleNumber::ONE];
    let toulon = site(AdministrationType::Prefecture, "83", "TOULON");
    let nice = site(AdministrationType::Prefecture, "06", "NICE");
    let brignoles = site(AdministrationType::SousPrefecture, "83", "BRIGNOLES");
    let open = ActionStatus::InProgress;
    let lifted = ActionStatus::Lifted {
        on: day(2021, 1, 15),
        evidence: "Contrôle sur pièces.".to_owned(),
    };
    let ext = AuditKind::external;
    let internal = |t| AuditKind {
        audit_type: Some(t),
        internal: true,
        external_on: None,
    };
    let real = Audit::from_json_str(samples::TOULON_2019_JSON).unwrap_or_else(|_| {
        audit(
            r,
            toulon.clone(),
            internal(AuditType::Initial),
            day(2019, 11, 18),
            &both,
            &[],
            &[],
            &open,
        )
    });
    vec![
        ("var/toulon/2019-11-18-interne.json".to_owned(), real),
        (
            "2020/toulon-initial.json".to_owned(),
            audit(
                r,
                toulon.clone(),
                ext(AuditType::Initial),
                day(2020, 2, 18),
                &both,
                &[],
                &[3],
                &open,
            ),
        ),
        (
            "var/toulon/suivi/2021-09-14.yaml".to_owned(),
            audit(
                r,
                toulon,
                ext(AuditType::Suivi),
                day(2021, 9, 14),
                &both,
                &[],
                &[3, 9],
                &open,
            ),
        ),
        (
            "alpes-maritimes/nice/2021-03-10-initial.json".to_owned(),
            audit(
                r,
                nice.clone(),
                ext(AuditType::Initial),
                day(2021, 3, 10),
                &one,
                &[(9, Verdict::MinorNonconformity)],
                &[9],
                &open,
            ),
        ),
        (
            "2022/internes/nice-suivi.toml".to_owned(),
            audit(
                r,
                nice,
                internal(AuditType::Suivi),
                day(2022, 2, 1),
                &one,
                // Engagement 9 not applicable at the internal suivi: it does not settle the
                // NC min of the initial audit, whose fiche stays open (the action overdue).
                &[(9, Verdict::NotApplicable)],
                &[14],
                &open,
            ),
        ),
        (
            "var/brignoles/2019-05-10-initial.json".to_owned(),
            audit(
                r,
                brignoles.clone(),
                ext(AuditType::Initial),
                day(2019, 5, 10),
                &one,
                &[],
                &[],
                &open,
            ),
        ),
        (
            "var/brignoles/2020-11-10-suivi.json".to_owned(),
            audit(
                r,
                brignoles,
                ext(AuditType::Suivi),
                day(2020, 11, 10),
                &one,
                &[(12, Verdict::MajorNonconformity)],
                &[],
                &lifted,
            ),
        ),
    ]
}

/// The format of a file by its extension (YAML and TOML need their features; the generated
/// archives are JSON, only the three sites' archive has YAML and TOML files).
fn format_of(path: &str) -> Format {
    #[cfg(feature = "yaml")]
    if std::path::Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml"))
    {
        return Format::Yaml;
    }
    #[cfg(feature = "toml")]
    if std::path::Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    {
        return Format::Toml;
    }
    let _ = path;
    Format::Json
}

/// Writes `audits` under `dir` at their relative paths (folders made as needed), each in the
/// format of its extension; gives the files written.
pub fn write(dir: &Path, audits: &[(String, Audit)]) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::with_capacity(audits.len());
    for (relative, audit) in audits {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let text = audit
            .to_string_in(format_of(relative))
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        std::fs::write(&path, text)?;
        files.push(path);
    }
    Ok(files)
}

/// A small deterministic generator (xorshift), so that every run makes the same archive.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// `audits` audits of `sites` sites (the préfectures, then the sous-préfectures, cycling over
/// both lists), from a day of 2019 on, as (relative path, audit): per site, an internal audit
/// a little before each external one, the external ones initial, suivi, renouvellement…
/// every 540 days (within the crate's default cycle: a suivi at 18 months, a renouvellement
/// before the label's three years end), or evenly over ten years when there are more;
/// modules 1 and, for most sites, 2 and more among those of `referentiel`; about one audit in
/// six with an `NC min` (its fiche lifted for most, in progress for some), one in forty with an
/// `NC Maj`, points sensibles here and there. Files are spread over folders by year and
/// département.
pub fn archive(referentiel: &Referentiel, sites: usize, audits: usize) -> Vec<(String, Audit)> {
    let all: Vec<(AdministrationType, &str, &str)> = PREFECTURES
        .iter()
        .map(|(d, c)| (AdministrationType::Prefecture, *d, *c))
        .chain(
            SOUS_PREFECTURES
                .iter()
                .map(|(d, c)| (AdministrationType::SousPrefecture, *d, *c)),
        )
        .collect();
    let numbers: Vec<u16> = referentiel
        .engagements()
        .iter()
        .map(|e| e.number.get())
        .collect();
    let modules_of_referentiel: Vec<ModuleNumber> = referentiel
        .modules()
        .iter()
        .filter(|m| m.bundled)
        .map(|m| m.number)
        .collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = Vec::with_capacity(audits);
    let sites = sites.max(1);
    let span_days = 3650_u64;
    for s in 0..sites {
        let Some(&(kind, departement, city)) = all.get(s % all.len()) else {
            continue;
        };
        let city = if s < all.len() {
            city.to_owned()
        } else {
            format!("{city} {}", s / all.len() + 1)
        };
        let the_site = site(kind, departement, &city);
        let extra = 1 + rng.below(modules_of_referentiel.len() as u64) as usize;
        let modules: Vec<ModuleNumber> = modules_of_referentiel
            .iter()
            .copied()
            .take(if s % 5 == 0 { 1 } else { extra.max(2) })
            .collect();
        // The audits shared out evenly: the first sites get one more when they do not divide.
        let count = audits / sites + usize::from(s < audits % sites);
        // An internal audit, then an external one: a pair every `step` days.
        let pairs = count.div_ceil(2).max(1) as u64;
        let step = (span_days / pairs).clamp(4, 540);
        let lead = (step / 4).min(60);
        let offset = rng.below(365);
        for k in 0..count {
            let external_index = k / 2;
            let external_day = offset + lead + step * external_index as u64;
            let days = if k % 2 == 0 {
                external_day - lead
            } else {
                external_day
            };
            let start = day(2019, 1, 7) + Days::new(days);
            // Initial, then suivi and renouvellement in turn: the label's three-year cycle.
            let audit_type = match external_index {
                0 => AuditType::Initial,
                j if j % 2 == 1 => AuditType::Suivi,
                _ => AuditType::Renouvellement,
            };
            let kind = AuditKind {
                audit_type: Some(audit_type),
                internal: k % 2 == 0,
                external_on: None,
            };
            let mut verdicts = Vec::new();
            let roll = rng.below(40);
            if roll < 6 {
                let n = numbers
                    .get(rng.below(numbers.len() as u64) as usize)
                    .copied();
                verdicts.extend(n.map(|n| (n, Verdict::MinorNonconformity)));
            } else if roll == 6 {
                let n = numbers
                    .get(rng.below(numbers.len() as u64) as usize)
                    .copied();
                verdicts.extend(n.map(|n| (n, Verdict::MajorNonconformity)));
            }
            let concerns: Vec<u16> = (0..rng.below(3))
                .filter_map(|_| {
                    numbers
                        .get(rng.below(numbers.len() as u64) as usize)
                        .copied()
                })
                .collect();
            let status = if rng.below(4) == 0 {
                ActionStatus::InProgress
            } else {
                ActionStatus::Lifted {
                    on: start.checked_add_months(Months::new(2)).unwrap_or(start),
                    evidence: "Contrôle sur pièces.".to_owned(),
                }
            };
            let a = audit(
                referentiel,
                the_site.clone(),
                kind,
                start,
                &modules,
                &verdicts,
                &concerns,
                &status,
            );
            let year = start.format("%Y");
            let path = format!(
                "{year}/{departement}/{}-{}-{k:03}.json",
                start.format("%Y-%m-%d"),
                city.to_lowercase().replace(' ', "-")
            );
            out.push((path, a));
        }
    }
    out
}
