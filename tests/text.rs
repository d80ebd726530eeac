//! Plain-text rendering of the whole report.
//!
//! Snapshots: `tests/snapshots/toulon-report.*.txt` are compared byte for byte; a missing or
//! different snapshot fails. Run with `UPDATE_SNAPSHOTS=1` to (re)write them, then review the
//! diff.

use qualepref::report::text::render_text;
use qualepref::{
    Audit, EcartTarget, EngagementNumber, FicheEcart, Language, NcGrade, Referentiel, Verdict,
};

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
        number: None,
        target: EcartTarget::Engagement(n17),
        grade: NcGrade::Minor,
        finding: "12 <courriers> | sur *40*".to_owned(),
        requirement: "Délai annoncé.".to_owned(),
        cause: None,
        corrective_action: None,
        due: None,
        leader: None,
        response: None,
        status: qualepref::ActionStatus::Open,
    });
    let text = render(&audit, Language::Fr);
    assert!(text.starts_with("RAPPORT D'AUDIT\n"));
    assert!(text.contains("\nAVIS INDICATIF (AUDIT INTERNE)\nAvis favorable sous réserve\n"));
    assert!(text.contains(
        "\nFiche d'écart n°1 — NC min\nType d'écart\u{a0}: NC min\n\
         Engagement ou point concerné\u{a0}: Engagement 17 «\u{a0}Nous vous répondons dans un délai annoncé et maîtrisé\u{a0}»\n\
         Constat\u{a0}: 12 <courriers> | sur *40*\nExigence\u{a0}: Délai annoncé.\n\
         Action proposée par le site audité\u{a0}: __________\n"
    ), "{text}");
    assert!(!text.contains("**") && !text.contains("<br>") && !text.contains("<svg"));
    assert!(text.ends_with('\n') && !text.ends_with("\n\n"));
}

/// The Toulon audit is internal: its avis says it is indicative and decides nothing; the same
/// audit run externally gives a proposed avis (the certification body decides).
#[test]
fn an_internal_audit_has_an_indicative_outcome() {
    let mut audit = toulon();
    let text = render(&audit, Language::Fr);
    assert!(
        text.contains(
            "\nAVIS INDICATIF (AUDIT INTERNE)\nAvis favorable\n\nUn audit interne n'accorde pas le label et n'appelle aucune décision de labellisation\u{a0}: cet avis applique la règle de l'outil aux constats de cet audit interne, sans préjuger de l'audit externe."
        ),
        "{text}"
    );
    assert!(!text.contains("DÉCISION\n"), "{text}");
    let en = render(&audit, Language::En);
    assert!(
        en.contains("\nINDICATIVE OUTCOME (INTERNAL AUDIT)\n"),
        "{en}"
    );
    assert!(en.contains("An internal audit grants no label and calls for no labelling decision"));

    audit.kind.internal = false;
    let text = render(&audit, Language::Fr);
    assert!(text.contains("\nAVIS PROPOSÉ\nAvis favorable\n"), "{text}");
    assert!(!text.contains("DÉCISION"), "{text}");
    assert!(!text.contains("indicatif") && !text.contains("audit interne n'accorde"));
}

/// Every string of `value` (a JSON document), recursively.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// `output` with the data's own words (the audit's and the référentiel's texts, as written
/// and as each writer escapes them) replaced by `◊`, and the HTML page's style sheet and
/// tags removed: what is left is the crate's wording.
fn wording_only(output: &str, audit: &Audit) -> String {
    let mut data = Vec::new();
    strings(&serde_json::to_value(audit).unwrap(), &mut data);
    let referentiel = Referentiel::qual_e_pref_2019().to_json_string().unwrap();
    strings(&serde_json::from_str(&referentiel).unwrap(), &mut data);
    let mut forms: Vec<String> = data
        .iter()
        .filter(|s| s.len() > 3)
        .flat_map(|s| {
            [
                s.clone(),
                s.to_uppercase(),
                qualepref::report::markdown::escape(s),
                qualepref::report::html::escape(s).into_owned(),
            ]
        })
        .collect();
    // The longest first, so that a text is not cut by one of its parts.
    forms.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut out = output.to_owned();
    if let (Some(start), Some(end)) = (out.find("<style>"), out.find("</style>")) {
        out.replace_range(start..end, "");
    }
    let mut visible = String::with_capacity(out.len());
    let mut in_tag = false;
    for c in out.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => visible.push(c),
            _ => {}
        }
    }
    for form in &forms {
        visible = visible.replace(form.as_str(), "◊");
    }
    visible
}

/// The places where `text` has an ordinary space (U+0020) before `: ; ! ?` or `»`, or after
/// `«`, each with its context.
fn typography_faults(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut faults = Vec::new();
    for (i, pair) in chars.windows(2).enumerate() {
        let fault = matches!(pair, [' ', ':' | ';' | '!' | '?' | '»'] | ['«', ' ']);
        if fault {
            let from = i.saturating_sub(30);
            let to = (i + 30).min(chars.len());
            faults.push(chars[from..to].iter().collect());
        }
    }
    faults
}

/// The internal codes found in the visible `text`: outcome codes, the référentiel's id, and
/// any snake_case word.
fn internal_codes(text: &str) -> Vec<String> {
    let mut found: Vec<String> = [
        "`favorable`",
        "(favorable)",
        "unfavorable",
        "qual-e-pref-2019",
    ]
    .iter()
    .filter(|code| text.contains(*code))
    .map(|code| (*code).to_owned())
    .collect();
    found.extend(
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| {
                w.contains('_')
                    && w.split('_')
                        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
            })
            .map(str::to_owned),
    );
    found
}

/// The Toulon audit with a synthetic NC min on engagement 17 (a fiche with its action, leader,
/// due date, in progress) and a synthetic NC Maj on engagement 22 (a fiche not lifted).
fn with_nonconformities() -> Audit {
    let mut audit = toulon();
    audit
        .context
        .organisation
        .push("Variante synthétique de l'audit de Toulon, pour les tests.".to_owned());
    for (n, verdict) in [
        (17, Verdict::MinorNonconformity),
        (22, Verdict::MajorNonconformity),
    ] {
        let number = EngagementNumber::new(n).unwrap();
        let a = audit
            .assessments
            .iter_mut()
            .find(|a| a.engagement == number)
            .unwrap();
        a.verdict = Some(verdict);
    }
    let day = |d| qualepref::NaiveDate::from_ymd_opt(2020, 2, d).unwrap();
    audit.ecarts.push(
        FicheEcart::new(
            EcartTarget::Engagement(EngagementNumber::new(17).unwrap()),
            NcGrade::Minor,
            "Constat synthétique : délai de réponse dépassé.",
        )
        .with_requirement("Exigence synthétique : délai annoncé.")
        .with_corrective_action("Action synthétique : renforts du BSR.")
        .with_leader("Pilote synthétique")
        .with_due(day(18))
        .with_status(qualepref::ActionStatus::InProgress),
    );
    audit.ecarts.push(
        FicheEcart::new(
            EcartTarget::Engagement(EngagementNumber::new(22).unwrap()),
            NcGrade::Major,
            "Constat synthétique : délais de délivrance non tenus.",
        )
        .with_requirement("Exigence synthétique : délai raisonnable.")
        .with_status(qualepref::ActionStatus::NotLifted {
            on: day(20),
            reason: "Motif synthétique : stock toujours élevé.".to_owned(),
        }),
    );
    audit
}

/// Every generated French output (Markdown, HTML, text report, the conclusions as text, the
/// comparison in each format) of the Toulon audit and of a variant with NC min and NC Maj
/// follows French typography in the crate's wording; no report output, French or English,
/// shows an internal code.
#[test]
fn generated_french_has_no_ordinary_space_before_signs_and_no_internal_code() {
    use qualepref::report::{html::render_html, markdown::render_markdown};
    let toulon = toulon();
    let variant = with_nonconformities();
    let options = qualepref::ValidationOptions::default();
    let referentiel = Referentiel::qual_e_pref_2019();
    for audit in [&toulon, &variant] {
        let valid = qualepref::Valid::new(audit, referentiel, &options).unwrap();
        for language in [Language::Fr, Language::En] {
            let c = qualepref::conclude(&valid, &qualepref::Policy::default(), language);
            let reports = [
                render_markdown(&valid, &c),
                render_html(&valid, &c),
                render_text(&valid, &c),
            ];
            for output in &reports {
                let wording = wording_only(output, audit);
                let codes = internal_codes(&wording);
                assert!(codes.is_empty(), "{language}: {codes:?}");
            }
            if language != Language::Fr {
                continue;
            }
            let valid_toulon = qualepref::Valid::new(&toulon, referentiel, &options).unwrap();
            let comparison = qualepref::compare(&valid_toulon, &valid);
            let others = [
                c.to_text(),
                comparison.to_text(language),
                comparison.to_markdown(language),
                comparison.to_html(language),
            ];
            for output in reports.iter().chain(&others) {
                // The comparison quotes both audits: each one's words are data.
                let wording = wording_only(&wording_only(output, audit), &toulon);
                let faults = typography_faults(&wording);
                assert!(faults.is_empty(), "{faults:#?}");
            }
        }
    }
}

/// The scan finds what it looks for: wording with ordinary spaces and a code are reported.
#[test]
fn the_typography_and_code_scans_find_faults() {
    assert_eq!(typography_faults("Politique : dues ; « titre »").len(), 4);
    assert!(typography_faults("Politique\u{a0}: dues\u{202f}; «\u{a0}titre\u{a0}»").is_empty());
    assert_eq!(
        internal_codes("Avis favorable (`favorable`), favorable_with_conditions"),
        ["`favorable`", "favorable_with_conditions"]
    );
    assert!(internal_codes("Avis favorable sous réserve").is_empty());
}

/// The fiches d'écart's forms show who leads each corrective action and where it stood at the
/// audit's last day, in French and in English; without a leader or an action, a blank to fill
/// in; a state checked after the audit's last day is not the report's to print.
#[test]
fn the_fiches_table_shows_the_leader_and_the_status() {
    let mut audit = with_nonconformities();
    let fr = render(&audit, Language::Fr);
    assert!(
        fr.contains(
            "\nAction proposée par le site audité\u{a0}: Action synthétique : renforts du BSR.\n\
         Pilote\u{a0}: Pilote synthétique\n\
         Délai\u{a0}: 18/02/2020 (date de la fiche d'écart)\n\
         Réponse de l'audité\u{a0}: __________\n\
         État à la date du rapport\u{a0}: en cours\n"
        ),
        "{fr}"
    );
    assert!(fr.contains(
        "\nFiche d'écart n°2 — NC Maj\nType d'écart\u{a0}: NC Maj\n\
         Engagement ou point concerné\u{a0}: Engagement 22 «\u{a0}Nous nous organisons pour délivrer vos titres dans un délai raisonnable\u{a0}»\n\
         Constat\u{a0}: Constat synthétique : délais de délivrance non tenus.\n\
         Exigence\u{a0}: Exigence synthétique : délai raisonnable.\n\
         Action proposée par le site audité\u{a0}: __________\nPilote\u{a0}: __________\n"
    ), "{fr}");
    // Checked on 20/02/2020, after the audit of 18/11/2019: not printed.
    assert!(
        !fr.contains("20/02/2020") && !fr.contains("Motif synthétique"),
        "{fr}"
    );
    let en = render(&audit, Language::En);
    assert!(
        en.contains("\nLed by: Pilote synthétique\nDue: 2020-02-18 (date of the fiche d'écart)\n"),
        "{en}"
    );
    assert!(
        en.contains("\nStatus at the date of the report: in progress\n"),
        "{en}"
    );
    assert!(!en.contains("not lifted on"), "{en}");

    // Lifted on the audit's last day, with its evidence: known at the report's date; open:
    // nothing to say beyond the form.
    audit.ecarts[0].status = qualepref::ActionStatus::Lifted {
        on: qualepref::NaiveDate::from_ymd_opt(2019, 11, 18).unwrap(),
        evidence: "Preuve synthétique : courriers tracés.".to_owned(),
    };
    audit.ecarts[1].status = qualepref::ActionStatus::Open;
    let fr = render(&audit, Language::Fr);
    assert!(
        fr.contains(
            "\nÉtat à la date du rapport\u{a0}: levée le 18/11/2019 — Preuve synthétique : courriers tracés.\n"
        ),
        "{fr}"
    );
    assert_eq!(fr.matches("État à la date du rapport").count(), 1, "{fr}");
    let en = render(&audit, Language::En);
    assert!(
        en.contains(
            "\nStatus at the date of the report: lifted on 2019-11-18 — Preuve synthétique : courriers tracés.\n"
        ),
        "{en}"
    );
}

/// Engagements without verdict are counted « non évalué » in the singular, « non évalués » in
/// the plural.
#[test]
fn not_assessed_agrees_with_its_count() {
    // An engagement without verdict is an error by default; let it through, as a warning.
    let options = qualepref::ValidationOptions::new().with(
        qualepref::RuleCode::MissingVerdict,
        qualepref::Severity::Warning,
    );
    let render = |audit: &Audit, language| {
        let valid =
            qualepref::Valid::new(audit, Referentiel::qual_e_pref_2019(), &options).unwrap();
        render_text(
            &valid,
            &qualepref::conclude(&valid, &qualepref::Policy::default(), language),
        )
    };
    let mut audit = toulon();
    audit.assessments[0].verdict = None;
    let fr = render(&audit, Language::Fr);
    assert!(
        fr.contains("— 19 C, 0 NA, 0 NC min, 0 NC Maj, 1 non évalué.\n"),
        "{fr}"
    );
    audit.assessments[1].verdict = None;
    let fr = render(&audit, Language::Fr);
    assert!(
        fr.contains("— 18 C, 0 NA, 0 NC min, 0 NC Maj, 2 non évalués.\n"),
        "{fr}"
    );
    assert!(!fr.contains("évalué(s)"), "{fr}");
    let en = render(&audit, Language::En);
    assert!(
        en.contains("— 18 C, 0 NA, 0 NC min, 0 NC Maj, 2 not assessed.\n"),
        "{en}"
    );
}

/// The charte graphique's verdict is data: it follows the auditor's text, which is printed as
/// the auditor wrote it.
#[test]
fn the_charte_graphique_verdict_is_not_set_under_the_auditors_text() {
    let mut audit = toulon();
    audit.kind.audit_type = Some(qualepref::AuditType::Suivi);
    audit.conclusion.charte_graphique.verdict = Some(Verdict::Conformity);
    audit.conclusion.charte_graphique.text = vec!["Charte respectée (synthétique).".to_owned()];
    let fr = render(&audit, Language::Fr);
    assert!(
        fr.contains(
            "❖ RESPECT DE LA CHARTE GRAPHIQUE\nCharte respectée (synthétique).\n\n\
             Verdict de l'auditeur\u{a0}: C (Conforme).\n\n"
        ),
        "{fr}"
    );
    let en = render(&audit, Language::En);
    assert!(
        en.contains(
            "❖ COMPLIANCE WITH THE VISUAL IDENTITY GUIDELINES\nCharte respectée (synthétique).\n\n\
             Auditor's verdict: C (conforming).\n\n"
        ),
        "{en}"
    );
}

/// The cover gives each auditor's direct line and e-mail when the data has them, and nothing
/// in their place otherwise.
#[test]
fn the_cover_gives_the_auditors_contacts_when_known() {
    let mut audit = toulon();
    let fr = render(&audit, Language::Fr);
    assert!(fr.contains(
        "Votre responsable d'audit\u{a0}: Aurélie ROUMEGOUX\n\
         Ligne directe\u{a0}: 06 33 63 73 64\nAdresse électronique\u{a0}: aurelie.roumegoux@socotec.com\n"
    ), "{fr}");
    assert!(
        fr.contains("\nAuditeur(s) | Aurélie ROUMEGOUX (responsable d'audit) | 18/11/2019\n"),
        "{fr}"
    );
    audit.auditors[0].phone = None;
    audit.auditors[0].email = None;
    let fr = render(&audit, Language::Fr);
    assert!(
        fr.contains("Votre responsable d'audit\u{a0}: Aurélie ROUMEGOUX\n\nSOMMAIRE"),
        "{fr}"
    );
    assert!(!fr.contains("Ligne directe") && !fr.contains("Adresse électronique"));
}

/// The plan and the history follow the same rules: their French wording has no ordinary space
/// before « : ; ! ? » nor inside « », and no output in either language shows an internal code.
#[test]
fn plan_and_history_follow_french_typography_and_show_no_internal_code() {
    use qualepref::history::{History, HistoryOptions};
    use qualepref::plan::Plan;
    let referentiel = Referentiel::qual_e_pref_2019();
    let options = qualepref::ValidationOptions::default();
    let variant = with_nonconformities();
    qualepref::Valid::new(&variant, referentiel, &options).unwrap();
    let at = qualepref::NaiveDate::from_ymd_opt(2020, 3, 1).unwrap();
    let dossier = qualepref::dossier::Dossier::new(
        [variant.clone()],
        referentiel,
        &qualepref::dossier::DossierOptions::default(),
    );
    let plan = Plan::build(&dossier, at);
    let sequence: Vec<Audit> = [
        "2019-11-18-toulon-interne",
        "2020-02-18-toulon-initial-synthetique",
        "2021-09-14-toulon-suivi-synthetique",
    ]
    .iter()
    .map(|name| {
        let path = format!(
            "{}/examples/data/history/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        Audit::from_path(&path).unwrap()
    })
    .collect();
    let history = History::new(sequence.clone(), referentiel, &HistoryOptions::default());
    for language in [Language::Fr, Language::En] {
        let plans = [
            plan.to_text(language),
            plan.to_markdown(language),
            plan.to_html(language),
        ];
        let histories = [
            history.to_text(language),
            history.to_markdown(language),
            history.to_html(language),
        ];
        let mut wordings: Vec<String> = plans.iter().map(|o| wording_only(o, &variant)).collect();
        for output in &histories {
            let wording = sequence
                .iter()
                .fold(output.clone(), |text, audit| wording_only(&text, audit));
            wordings.push(wording);
        }
        for wording in &wordings {
            let codes = internal_codes(wording);
            assert!(codes.is_empty(), "{language}: {codes:?}");
            if language == Language::Fr {
                let faults = typography_faults(wording);
                assert!(faults.is_empty(), "{faults:#?}");
            }
        }
    }
}

#[test]
fn values_the_import_could_not_read_are_listed_in_an_annex() {
    assert!(!render(&toulon(), Language::Fr).contains("ANNEXE"));
    let mut audit = toulon();
    audit.unread.extend([
        qualepref::Unread::new("ecarts[0].due", "fin mars").in_cell("Fiches d'écart!F2"),
        qualepref::Unread::new("kind.type", "trimestriel")
            .at_line(12)
            .in_cell("text"),
    ]);
    let text = render(&audit, Language::Fr);
    // The contents name the annex first; the annex itself is last.
    let annex = &text[text.rfind("ANNEXE").unwrap()..];
    assert!(annex.starts_with("ANNEXE — VALEURS NON LUES À L'IMPORT\nL'import n'a pas pu lire"));
    assert!(
        annex.ends_with(
            "\n\nChamp | Texte | Source\n\
             ecarts[0].due | fin mars | cellule Fiches d'écart!F2\n\
             kind.type | trimestriel | ligne 12, colonne text\n"
        ),
        "{annex}"
    );
    let en = render(&audit, Language::En);
    assert!(
        en.contains("\nANNEX — VALUES THE IMPORT COULD NOT READ\n"),
        "{en}"
    );
    assert!(
        en.contains("\nkind.type | trimestriel | line 12, column text\n"),
        "{en}"
    );
}
