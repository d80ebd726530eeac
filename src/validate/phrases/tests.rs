//! The phrase tables against a generated set of diagnostics: every code of validation and of
//! a référentiel file, on the Toulon audit broken one way at a time (and on broken référentiel
//! files), each diagnostic's French text typeset and written in French, its English text
//! different and non-empty, and the code table's examples the lines validation prints.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::too_many_lines
)]

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::i18n::typography::is_typeset;
use crate::{
    ActionStatus, Audit, Diagnostic, EcartTarget, EngagementNumber, Error, FicheEcart,
    LabellingDecision, Language, ManagementSection, ModuleNumber, NcGrade, Observation,
    Referentiel, RemoteNote, RuleCode, Severity, Unread, ValidationOptions, Verdict, samples,
    validate, validate_referentiel,
};

fn toulon() -> Audit {
    Audit::from_json_str(samples::TOULON_2019_JSON).unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn e(n: u16) -> EngagementNumber {
    EngagementNumber::new(n).unwrap()
}

fn m(n: u8) -> ModuleNumber {
    ModuleNumber::new(n).unwrap()
}

/// Toulon with engagement `n` a nonconformity `grade` and its fiche d'écart.
fn with_nc(n: u16, grade: NcGrade) -> Audit {
    let mut audit = toulon();
    audit.assessments[usize::from(n) - 1].verdict = Some(grade.into());
    audit.ecarts.push(
        FicheEcart::new(
            EcartTarget::Engagement(e(n)),
            grade,
            "Délai de réponse dépassé.",
        )
        .with_due(day("2020-02-18")),
    );
    audit.conclusion.fiches_ecart = vec!["Une fiche d'écart.".to_owned()];
    audit
}

/// The Toulon audit broken in every way a rule reports, one or a few at a time, each
/// mirroring the example of the code table where it can.
fn broken_audits() -> Vec<Audit> {
    let mut all = Vec::new();
    let mut add = |change: &dyn Fn(&mut Audit)| {
        let mut audit = toulon();
        change(&mut audit);
        all.push(audit);
    };
    add(&|a| a.referentiel.id = "qualipref-2".to_owned());
    add(&|a| a.site.departement = "96".parse().unwrap());
    add(&|a| a.dates.end = day("2019-11-17"));
    add(&|a| a.dates.start = day("2018-01-15"));
    add(&|a| a.kind.audit_type = None);
    add(&|a| {
        a.kind.audit_type = None;
        a.kind.internal = false;
    });
    add(&|a| a.auditors.clear());
    add(&|a| a.auditors[0].name = String::new());
    add(&|a| {
        let mut second = a.auditors[0].clone();
        second.name = "Aurélie Roumegoux".to_owned();
        a.auditors.push(second);
        a.auditors[0].signed_on = Some(day("2019-11-17"));
    });
    add(&|a| a.dates.end = day("9999-11-18"));
    add(&|a| a.dates.end = day("2020-01-18"));
    add(&|a| a.modules = vec![m(2)]);
    add(&|a| a.modules = vec![m(1), m(2), m(2)]);
    add(&|a| a.modules = vec![m(1), m(2), m(3)]);
    add(&|a| a.modules = vec![m(1), m(2), m(8)]);
    add(&|a| a.modules = vec![m(1)]);
    add(&|a| a.assessments[3].engagement = e(99));
    add(&|a| a.assessments[20].module = m(1));
    add(&|a| {
        a.assessments.remove(4);
    });
    add(&|a| {
        let copy = a.assessments[4].clone();
        a.assessments.insert(5, copy);
    });
    add(&|a| a.assessments[4].verdict = None);
    add(&|a| a.assessments[4].verdict = Some(Verdict::NotApplicable));
    add(&|a| a.assessments[16].observations[0].text = String::new());
    add(&|a| {
        a.assessments[16].observations[0] =
            Observation::new(crate::ObservationKind::AreaOfConcern, "Délais non tenus.");
    });
    add(&|a| {
        a.management.remove(4);
    });
    add(&|a| {
        let copy = a.management[4].clone();
        a.management.insert(5, copy);
    });
    add(&|a| {
        a.management.push(crate::ManagementAssessment::new(
            crate::ManagementItemId::new(ManagementSection::Pilotage, 9),
            Some(Verdict::Conformity),
        ));
    });
    add(&|a| {
        a.management[4].verdict = Some(Verdict::MinorNonconformity);
        a.management[4].observations.clear();
    });
    add(&|a| {
        a.modules = vec![m(1)];
        a.assessments.truncate(20);
        a.remote_checks[0].engagement = e(21);
        a.remote_checks[0].module = m(2);
    });
    add(&|a| a.remote_checks[0].engagement = e(99));
    add(&|a| a.remote_checks[0].module = m(2));
    add(&|a| a.remote_checks[0].note = None);
    add(&|a| a.remote_checks[0].note = Some(RemoteNote::NonConforme));
    add(&|a| {
        let copy = a.remote_checks[0].clone();
        a.remote_checks.insert(1, copy);
    });
    add(&|a| {
        a.remote_checks
            .retain(|c| c.channel != crate::RemoteChannel::Courriels);
    });
    add(&|a| {
        a.assessments[9].verdict = Some(Verdict::NotApplicable);
        a.assessments[9].comment = Some("Sans objet pour le site.".to_owned());
    });
    add(&|a| a.assessments[16].verdict = Some(Verdict::MinorNonconformity));
    add(&|a| {
        a.ecarts.push(FicheEcart::new(
            EcartTarget::Engagement(e(5)),
            NcGrade::Minor,
            "Constat.",
        ));
    });
    add(&|a| {
        a.assessments[4].verdict = None;
        a.ecarts.push(FicheEcart::new(
            EcartTarget::Engagement(e(5)),
            NcGrade::Minor,
            "Constat.",
        ));
    });
    add(&|a| {
        a.assessments.remove(4);
        a.ecarts.push(FicheEcart::new(
            EcartTarget::Engagement(e(5)),
            NcGrade::Minor,
            "Constat.",
        ));
    });
    add(&|a| {
        *a = with_nc(17, NcGrade::Minor);
        a.ecarts[0].grade = NcGrade::Major;
        let second = a.ecarts[0].clone();
        a.ecarts.push(second);
        a.ecarts[0].finding = String::new();
        a.ecarts[0].due = Some(day("2019-10-01"));
    });
    add(&|a| {
        *a = with_nc(17, NcGrade::Minor);
        a.ecarts[0].status = ActionStatus::Lifted {
            on: day("2019-01-01"),
            evidence: String::new(),
        };
    });
    add(&|a| {
        *a = with_nc(17, NcGrade::Minor);
        a.ecarts[0].status = ActionStatus::NotLifted {
            on: day("2019-01-01"),
            reason: "Pas encore.".to_owned(),
        };
    });
    add(&|a| {
        *a = with_nc(17, NcGrade::Minor);
        let mut second = a.ecarts[0].clone();
        second.target = EcartTarget::Engagement(e(9));
        a.assessments[8].verdict = Some(Verdict::MinorNonconformity);
        a.ecarts[0].number = Some(1);
        second.number = Some(1);
        a.ecarts.push(second);
    });
    add(&|a| {
        *a = with_nc(17, NcGrade::Minor);
        a.assessments[16]
            .observations
            .push(Observation::area_of_concern(
                "délai de réponse  dépassé.",
                "Perte de confiance.",
            ));
    });
    add(&|a| a.conclusion.charte_graphique.verdict = Some(Verdict::Conformity));
    add(&|a| {
        a.kind.audit_type = Some(crate::AuditType::Suivi);
        a.conclusion.charte_graphique.verdict = None;
    });
    add(&|a| {
        *a = with_nc(17, NcGrade::Minor);
        a.conclusion.fiches_ecart =
            vec!["Absence de non-conformité majeure ou mineure.".to_owned()];
        a.conclusion.points_forts = vec!["Sans objet.".to_owned()];
        a.conclusion.pistes_de_progres.clear();
        a.conclusion.conclusion_generale = vec!["Sans objet.".to_owned()];
    });
    add(&|a| {
        a.kind.audit_type = Some(crate::AuditType::Suivi);
        a.conclusion.charte_graphique.verdict = Some(Verdict::Conformity);
        a.conclusion.charte_graphique.text = vec!["Sans objet.".to_owned()];
    });
    add(&|a| {
        a.assessments[16]
            .observations
            .push(Observation::area_of_concern("Délais.", "Risque."));
        a.conclusion.points_forts.clear();
        a.conclusion.points_sensibles.clear();
        a.conclusion.conclusion_generale.clear();
    });
    add(&|a| {
        *a = with_nc(17, NcGrade::Major);
        a.conclusion.fiches_ecart.clear();
        a.ecarts.clear();
    });
    add(&|a| *a = with_nc(17, NcGrade::Major));
    add(&|a| a.assessments[3].comment = Some("Accueil ok \u{1b}[2J".to_owned()));
    add(&|a| {
        a.assessments[3].evidence = Some("Registre\u{7}".to_owned());
        a.management[0].evidence = Some("Note\u{9b}".to_owned());
    });
    add(&|a| {
        *a = with_nc(17, NcGrade::Minor);
        a.ecarts[0].cause = Some("Cause\r".to_owned());
        a.ecarts[0].response = Some("Réponse\u{0}".to_owned());
    });
    add(&|a| {
        a.unread = vec![
            Unread::new("assessments[4].verdict", "NC Maj")
                .at_line(120)
                .conflicting_with("line 80"),
            Unread::new("ecarts[0].due", "fin mars").at_line(185),
            Unread::new("assessments[4].comment", "vu").in_cell("Module 1!C7"),
            Unread::new("assessments[4].verdict", "peut-être")
                .at_line(3)
                .in_cell("verdict")
                .conflicting_with("line 2"),
        ];
    });
    add(&|a| a.unread = vec![Unread::new("ecarts[0].due", "fin mars").at_line(185)]);
    add(&|a| a.kind.external_on = Some(day("2019-11-10")));
    add(&|a| {
        a.kind.internal = false;
        a.kind.external_on = Some(day("2020-02-18"));
    });
    add(&|a| a.kind.external_on = Some(day("9999-02-18")));
    add(&|a| {
        a.labelling =
            Some(LabellingDecision::on(day("2019-11-01")).with_plan_accepted_on(day("2019-11-20")));
    });
    add(&|a| {
        *a = with_nc(17, NcGrade::Minor);
        a.labelling =
            Some(LabellingDecision::on(day("2020-04-01")).with_plan_accepted_on(day("2020-03-01")));
    });
    add(&|a| {
        a.labelling =
            Some(LabellingDecision::on(day("2020-04-01")).with_plan_accepted_on(day("2020-03-20")));
    });
    add(&|a| {
        *a = with_nc(17, NcGrade::Major);
        a.labelling =
            Some(LabellingDecision::on(day("2020-04-01")).with_plan_accepted_on(day("2020-04-02")));
    });
    all
}

/// Référentiel files broken in every way loading refuses, and référentiels loading accepts but
/// `validate_referentiel` reports.
fn referentiel_diagnostics() -> Vec<Diagnostic> {
    let data: serde_json::Value =
        serde_json::from_str(Referentiel::qual_e_pref_2019_json()).unwrap();
    let mut out = Vec::new();
    let mut load = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut bad = data.clone();
        change(&mut bad);
        match Referentiel::from_json_str(&bad.to_string()) {
            Err(Error::InvalidReferentiel { report }) => out.extend(report.into_diagnostics()),
            Ok(r) => out
                .extend(validate_referentiel(&r, &ValidationOptions::default()).into_diagnostics()),
            Err(other) => panic!("{other}"),
        }
    };
    load(&|d| d["format"] = "qualepref-referentiel/2".into());
    load(&|d| d["id"] = " ".into());
    load(&|d| d["revised"] = "2018-02-04".into());
    load(&|d| d["modules"] = serde_json::json!([]));
    load(&|d| {
        let first = d["modules"][0].clone();
        d["modules"].as_array_mut().unwrap().insert(1, first);
    });
    load(&|d| d["modules"][0]["title"] = "".into());
    load(&|d| d["modules"][0]["heading"] = "".into());
    load(&|d| d["modules"][0]["groups"][1]["id"] = "".into());
    load(&|d| d["modules"][0]["groups"][1]["title"] = "".into());
    load(&|d| d["modules"][0]["groups"][1]["id"] = "telephone".into());
    load(&|d| d["modules"][2]["bundled"] = true.into());
    load(&|d| {
        d["engagements"].as_array_mut().unwrap().truncate(20);
    });
    load(&|d| d["engagements"][1]["number"] = 1.into());
    load(&|d| d["engagements"][4]["title"] = "".into());
    load(&|d| {
        d["modules"].as_array_mut().unwrap().pop();
        d["engagements"][2]["module"] = 8.into();
    });
    load(&|d| d["engagements"][2]["module"] = 4.into());
    load(&|d| d["engagements"][3]["module"] = 3.into());
    load(&|d| d["engagements"][4]["group"] = "nulle-part".into());
    load(&|d| d["management"][0]["item"] = 0.into());
    load(&|d| d["management"][1]["item"] = 1.into());
    load(&|d| d["management"][1]["title"] = "".into());
    load(&|d| d["engagements"][0]["title"] = "Titre\u{1b}".into());
    // Accepted, then reported by `validate_referentiel`.
    load(&|d| {
        for (i, n) in [(20, 24), (21, 25), (22, 26)] {
            d["engagements"][i]["number"] = n.into();
        }
    });
    load(&|d| d["engagements"][0]["number"] = 3.into());
    load(&|d| {
        d["engagements"].as_array_mut().unwrap().remove(0);
        d["engagements"].as_array_mut().unwrap().remove(0);
    });
    load(&|d| {
        for module in d["modules"].as_array_mut().unwrap() {
            module["obligatory"] = false.into();
        }
    });
    load(&|d| d["engagements"][21]["module"] = 1.into());
    out
}

/// Every diagnostic of the generated set.
fn generated() -> Vec<Diagnostic> {
    let referentiel = Referentiel::qual_e_pref_2019();
    let options = ValidationOptions::default();
    let mut all: Vec<Diagnostic> = broken_audits()
        .iter()
        .flat_map(|a| validate(a, referentiel, &options).into_diagnostics())
        .collect();
    all.extend(referentiel_diagnostics());
    // A référentiel without module 5, for an audit that covers it.
    let mut data: serde_json::Value =
        serde_json::from_str(Referentiel::qual_e_pref_2019_json()).unwrap();
    data["id"] = "marianne".into();
    data["modules"].as_array_mut().unwrap().remove(4);
    let without_5 = Referentiel::from_json_str(&data.to_string()).unwrap();
    let mut audit = toulon();
    audit.referentiel.id = "marianne".to_owned();
    audit.modules = vec![m(1), m(5)];
    audit.assessments.truncate(20);
    all.extend(validate(&audit, &without_5, &options).into_diagnostics());
    all
}

/// The generated set holds every code of validation and of a référentiel file.
#[test]
fn the_generated_set_holds_every_code() {
    let found: BTreeSet<RuleCode> = generated().iter().map(|d| d.code).collect();
    let missing: Vec<RuleCode> = RuleCode::ALL
        .iter()
        .copied()
        .filter(|c| !found.contains(c))
        .collect();
    assert!(missing.is_empty(), "codes not generated: {missing:?}");
}

/// Whether the crate's French typography holds in `text`: no ordinary space before `: ; ! ?`
/// or `»` nor after `«` (the typography module's rule), and the signs spaced as the
/// Imprimerie nationale sets them: a no-break space before `:` (but in `U+`, a path, a
/// `Referentiel::from_path`) and inside guillemets, a narrow one before `;`.
fn typeset(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    is_typeset(text)
        && chars.iter().enumerate().all(|(i, &c)| {
            let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
            let after = chars.get(i + 1).copied();
            match c {
                ':' if after == Some(' ') => before == Some('\u{a0}'),
                ';' => before == Some('\u{202f}'),
                '«' => after == Some('\u{a0}'),
                '»' => before == Some('\u{a0}'),
                _ => true,
            }
        })
}

#[test]
fn every_french_message_is_typeset() {
    let all = generated();
    assert!(all.len() > 150, "{}", all.len());
    for d in &all {
        assert!(typeset(&d.message), "{d:?}");
        assert!(typeset(&d.to_string()), "{d:?}");
        assert!(typeset(&d.to_string_in(Language::Fr)), "{d:?}");
    }
    for code in RuleCode::ALL {
        let example = code.example_fr().unwrap_or_default();
        assert!(typeset(example), "{code}: {example}");
    }
}

/// The words of the crate's wording in `text`, of three letters or more, lower-cased: without
/// the values it quotes (between guillemets or double quotes), nor paths, cells and Rust paths.
fn words(text: &str) -> BTreeSet<String> {
    let mut wording = String::with_capacity(text.len());
    let mut quoted = None;
    for c in text.chars() {
        match (quoted, c) {
            (None, '«') => quoted = Some('»'),
            (None, '"') => quoted = Some('"'),
            (Some(end), c) if c == end => quoted = None,
            (None, c) => wording.push(c),
            (Some(_), _) => {}
        }
    }
    wording
        .split_whitespace()
        .filter(|token| !token.contains(['[', '_', '!']) && !token.contains("::"))
        .flat_map(|token| token.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 3 && !w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

/// Words both languages write: the domain's French words the English text keeps (référentiel,
/// fiche d'écart, points forts…), codes and names, and values of the broken audits.
const SHARED: &[&str] = &[
    "référentiel",
    "module",
    "modules",
    "engagement",
    "engagements",
    "fiche",
    "fiches",
    "écart",
    "section",
    "conclusion",
    "générale",
    "points",
    "forts",
    "sensibles",
    "sensible",
    "point",
    "pistes",
    "progrès",
    "charte",
    "graphique",
    "plan",
    "actions",
    "préfecture",
    "police",
    "initial",
    "suivi",
    "renouvellement",
    "extension",
    "conforme",
    "non",
    "min",
    "maj",
    "qual",
    "pref",
    "marianne",
    "internet",
    "courriels",
    "pilotage",
    "labellisation",
    "date",
    "source",
    "format",
    "observation",
    "observations",
    "verdict",
    "note",
    "audit",
    "code",
    "type",
    "site",
    "justification",
    "due",
    "département",
    "comité",
    "usagers",
    "relation",
    "générale",
    "avec",
    "les",
    "des",
    "aurélie",
    "roumegoux",
    "conformité",
];

/// No French message holds an English word of the table (a word of the English messages that
/// is not one of both languages), and the same diagnostic's French and English differ and are
/// not empty.
#[test]
fn french_messages_hold_no_english_word() {
    let all = generated();
    let shared: BTreeSet<String> = SHARED.iter().map(|w| (*w).to_owned()).collect();
    let mut english: BTreeSet<String> = BTreeSet::new();
    for d in &all {
        english.extend(words(d.message_in(Language::En)));
    }
    let english: BTreeSet<&String> = english.difference(&shared).collect();
    let mut leaks = Vec::new();
    for d in &all {
        let fr = d.message_in(Language::Fr);
        let en = d.message_in(Language::En);
        assert!(!fr.is_empty() && !en.is_empty(), "{d:?}");
        assert_ne!(fr, en, "{d:?}");
        leaks.extend(
            words(fr)
                .into_iter()
                .filter(|w| english.contains(w))
                .map(|w| format!("{w}: {fr}")),
        );
    }
    assert!(leaks.is_empty(), "{leaks:#?}");
}

/// The examples of the code table are what validation prints, in both languages, for the
/// diagnostics of the generated set that mirror them.
#[test]
fn the_examples_are_the_printed_lines() {
    let all = generated();
    let mut matched = BTreeSet::new();
    for d in &all {
        if d.to_string_in(Language::En) == d.code.example() {
            assert_eq!(
                Some(d.to_string().as_str()),
                d.code.example_fr(),
                "{}",
                d.code
            );
            matched.insert(d.code);
        }
    }
    let unmatched: Vec<RuleCode> = RuleCode::ALL
        .iter()
        .copied()
        .filter(|c| !matched.contains(c))
        .collect();
    // The examples not mirrored here: a référentiel other than the embedded one, module numbers
    // it does not have, an audit that starts on another day.
    assert_eq!(
        unmatched,
        [
            RuleCode::ModuleEngagementsNotContiguous,
            RuleCode::NoObligatoryModule,
            RuleCode::EngagementInUnknownModule,
            RuleCode::EngagementInNotBundledModule,
            RuleCode::FicheStatusBeforeAudit,
        ]
    );
}

/// The severities of the French line are French.
#[test]
fn severities_read_in_french() {
    let d = Diagnostic::bilingual(RuleCode::NoAuditor, Severity::Warning, "", "fr", "en");
    assert_eq!(d.to_string(), "[no-auditor] avertissement\u{a0}: fr");
    assert_eq!(d.to_string_in(Language::En), "[no-auditor] warning: en");
}
