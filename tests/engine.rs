//! Scoring, decision and synthesis, on the Toulon 2019 audit and on generated variants.
//!
//! Snapshots: `tests/snapshots/toulon-*.json` are compared byte for byte; a missing or different
//! snapshot fails. Run with `UPDATE_SNAPSHOTS=1` to (re)write them, then review the diff.

#[path = "support/synthetic.rs"]
mod synthetic;
use chrono::NaiveDate;
use proptest::prelude::*;
use qualepref::validate::ValidationOptions;
use qualepref::{
    Audit, DueSource, EcartTarget, EngagementNumber, FicheEcart, Language, ManagementSection,
    NcGrade, Outcome, Policy, Rate, Referentiel, RemoteChannel, Rule, Valid, Verdict, conclude,
    decide, score,
};

mod common;
use common::{check_snapshot, toulon};

#[track_caller]
fn valid(audit: &Audit) -> Valid<'_> {
    Valid::new(
        audit,
        Referentiel::qual_e_pref_2019(),
        &ValidationOptions::default(),
    )
    .unwrap()
}

fn n(number: u16) -> EngagementNumber {
    EngagementNumber::new(number).unwrap()
}

/// Toulon with engagement 17 graded `grade`, with its fiche d'écart (no due date).
fn with_nc_on_17(grade: NcGrade) -> Audit {
    let mut audit = toulon();
    let a = audit
        .assessments
        .iter_mut()
        .find(|a| a.engagement == n(17))
        .unwrap();
    a.verdict = Some(Verdict::from(grade));
    audit
        .ecarts
        .push(fiche(EcartTarget::Engagement(n(17)), grade));
    audit
}

fn fiche(target: EcartTarget, grade: NcGrade) -> FicheEcart {
    FicheEcart {
        number: None,
        target,
        grade,
        finding: "Délai annoncé dépassé pour 12 courriers sur 40.".to_owned(),
        requirement: "Répondre dans le délai annoncé.".to_owned(),
        cause: None,
        corrective_action: None,
        due: None,
        leader: None,
        response: None,
        status: qualepref::ActionStatus::Open,
    }
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

// ---- Done when: Toulon ----

#[test]
fn toulon_modules_management_remote_and_observations() {
    let audit = toulon();
    let scores = score(&valid(&audit));
    let m: Vec<_> = scores
        .modules
        .iter()
        .map(|m| (m.module.get(), m.tally.counts.conforme, m.tally.rate))
        .collect();
    assert_eq!(m, [(1, 20, Rate::new(20, 20)), (2, 3, Rate::new(3, 3))]);
    for m in &scores.modules {
        assert_eq!(m.tally.rate.unwrap().display(Language::Fr), "100,0\u{a0}%");
        assert_eq!(m.tally.rate.unwrap().display(Language::En), "100.0%");
    }
    assert_eq!(scores.overall.counts.conforme, 23);
    assert_eq!(scores.overall.counts.assessed(), 23);
    assert_eq!(scores.management.total.counts.conforme, 7);
    assert_eq!(scores.management.total.rate, Rate::new(7, 7));
    let sections: Vec<_> = scores
        .management
        .sections
        .iter()
        .map(|s| (s.section, s.tally.counts.conforme))
        .collect();
    assert_eq!(
        sections,
        [
            (ManagementSection::Pilotage, 5),
            (ManagementSection::Labellisation, 2)
        ]
    );
    assert_eq!(scores.remote_total.conforme, 13);
    assert_eq!(scores.remote_total.total(), 13);
    let remote: Vec<_> = scores
        .remote
        .iter()
        .map(|r| (r.channel, r.notes.conforme))
        .collect();
    assert_eq!(
        remote,
        [
            (RemoteChannel::Internet, 7),
            (RemoteChannel::Telephone, 4),
            (RemoteChannel::Courriels, 2)
        ]
    );
    assert_eq!(
        (
            scores.observations.pf,
            scores.observations.ps,
            scores.observations.pp
        ),
        (10, 0, 4)
    );
}

#[test]
fn toulon_channel_groups_of_module_1() {
    let audit = toulon();
    let scores = score(&valid(&audit));
    let groups: Vec<_> = scores.modules[0]
        .groups
        .iter()
        .map(|g| (&*g.id, g.tally.counts.conforme))
        .collect();
    assert_eq!(
        groups,
        [
            ("dispositions-generales", 4),
            ("accueil-physique", 3),
            ("telephone", 3),
            ("site-internet", 5),
            ("courriers-courriels", 3),
            ("reseaux-sociaux", 2)
        ]
    );
    assert!(scores.modules[1].groups.is_empty());
}

#[test]
fn toulon_is_favourable_without_ecart() {
    let audit = toulon();
    let c = conclude(&valid(&audit), &Policy::default(), Language::Fr);
    assert_eq!(c.outcome, Outcome::Favorable);
    assert_eq!(c.rule, Rule::NoNonconformity);
    assert!(c.ecarts.is_empty());
    assert_eq!(
        c.synthesis.fiches_ecart.generated().collect::<Vec<_>>(),
        ["Absence de non-conformité majeure ou mineure."]
    );
    assert_eq!(
        c.synthesis.points_sensibles.generated().collect::<Vec<_>>(),
        ["Sans objet."]
    );
    assert_eq!(
        c.synthesis
            .points_forts
            .generated()
            .collect::<Vec<_>>()
            .len(),
        10
    );
    assert_eq!(
        c.synthesis
            .pistes_de_progres
            .generated()
            .collect::<Vec<_>>()
            .len(),
        4
    );
    assert_eq!(
        c.synthesis.charte_graphique.generated().collect::<Vec<_>>(),
        ["Non applicable en audit initial."]
    );
    // The auditor's text is kept beside, verbatim.
    assert_eq!(
        c.synthesis.points_forts.auditor,
        audit.conclusion.points_forts.as_slice()
    );
    assert_eq!(
        c.synthesis.conclusion_generale.auditor,
        audit.conclusion.conclusion_generale.as_slice()
    );
}

#[test]
fn toulon_observations_in_referentiel_order() {
    let audit = toulon();
    let c = conclude(&valid(&audit), &Policy::default(), Language::Fr);
    let pp = &c
        .synthesis
        .pistes_de_progres
        .generated()
        .collect::<Vec<_>>();
    assert!(pp.first().copied().unwrap_or("").starts_with(
        "Engagement 17 «\u{a0}Nous vous répondons dans un délai annoncé et maîtrisé\u{a0}»\u{a0}: Le délai"
    ));
    assert!(
        pp.get(1)
            .copied()
            .unwrap_or("")
            .starts_with("Engagement 21 ")
    );
    assert!(
        pp.get(2)
            .copied()
            .unwrap_or("")
            .starts_with("Engagement 22 ")
    );
    assert_eq!(
        pp.get(3).copied(),
        Some(
            "Audit à distance (Internet), engagement 3 «\u{a0}A votre écoute pour progresser\u{a0}»\u{a0}: Etudier la possibilité de rendre plus visible le plan d'amélioration sur le site internet."
        )
    );
    let pf = &c.synthesis.points_forts.generated().collect::<Vec<_>>();
    assert!(pf.get(8).copied().unwrap_or("").starts_with(
        "PILOTAGE DE LA POLITIQUE QUALITÉ, point 4 «\u{a0}Implication des collaborateurs\u{a0}»\u{a0}: "
    ));
    assert!(
        pf.get(9)
            .copied()
            .unwrap_or("")
            .starts_with("DÉMARCHE DE LABELLISATION, point 2 ")
    );
}

#[test]
fn toulon_general_conclusion_in_french_and_english() {
    let audit = toulon();
    let fr = conclude(&valid(&audit), &Policy::default(), Language::Fr);
    assert_eq!(
        fr.synthesis
            .conclusion_generale
            .generated()
            .collect::<Vec<_>>(),
        [
            "Audit interne réalisé en amont d'un audit initial\u{a0}: PREFECTURE du Var, TOULON (83), le 18/11/2019.",
            "Modules couverts\u{a0}: 1 – Relation générale avec les usagers\u{202f}; 2 – Délivrance des titres (hors étrangers).",
            "23 engagements évalués sur 23\u{a0}: 23 C, 0 NA, 0 NC min, 0 NC Maj\u{202f}; taux de conformité 100,0\u{a0}% (23/23).",
            "Pilotage de la politique qualité et démarche de labellisation\u{a0}: 7 points évalués sur 7\u{a0}: 7 C, 0 NA, 0 NC min, 0 NC Maj\u{202f}; taux de conformité 100,0\u{a0}% (7/7).",
            "Audit à distance\u{a0}: 13 contrôles, 13 conformes, 0 non conforme, 0 non applicable.",
            "Observations\u{a0}: 10 points forts, 0 point sensible, 4 pistes de progrès.",
            "Avis indicatif (audit interne) selon la règle de décision par défaut de l'outil (et non le texte du référentiel)\u{a0}: avis favorable.",
        ]
    );
    let en = conclude(&valid(&audit), &Policy::default(), Language::En);
    assert_eq!(
        en.synthesis
            .conclusion_generale
            .generated()
            .collect::<Vec<_>>()
            .first()
            .copied(),
        Some(
            "Internal audit ahead of an initial audit: PREFECTURE du Var, TOULON (83), on 2019-11-18."
        )
    );
    assert_eq!(
        en.synthesis.fiches_ecart.generated().collect::<Vec<_>>(),
        ["No major or minor nonconformity."]
    );
}

// ---- Done when: one NC min, one NC Maj ----

#[test]
fn one_minor_nonconformity_is_favourable_with_conditions_due_in_three_months() {
    let audit = with_nc_on_17(NcGrade::Minor);
    let d = decide(&valid(&audit), &Policy::default());
    assert_eq!(d.outcome, Outcome::FavorableWithConditions);
    assert_eq!(d.rule, Rule::MinorNonconformity);
    assert_eq!(d.ecarts.len(), 1);
    let e = &d.ecarts[0];
    assert_eq!(e.target, EcartTarget::Engagement(n(17)));
    assert_eq!(e.grade, NcGrade::Minor);
    assert_eq!(e.due, Some(date("2020-02-18")));
    assert_eq!(e.due_source, DueSource::Policy);
    let c = conclude(&valid(&audit), &Policy::default(), Language::Fr);
    assert_eq!(
        c.synthesis.fiches_ecart.generated().collect::<Vec<_>>(),
        [
            "NC min — Engagement 17 «\u{a0}Nous vous répondons dans un délai annoncé et maîtrisé\u{a0}» — constat\u{a0}: Délai annoncé dépassé pour 12 courriers sur 40. — exigence\u{a0}: Répondre dans le délai annoncé. — action corrective due le 18/02/2020 (3 mois après la fin de l'audit)."
        ]
    );
    // The reasons give the rule, then the same line per écart.
    assert_eq!(
        c.reasons,
        [
            "Aucune non-conformité majeure, 1 non-conformité mineure\u{a0}: avis favorable sous réserve d'actions correctives.",
            c.synthesis
                .fiches_ecart
                .generated()
                .next()
                .unwrap_or_default(),
        ]
    );
    assert_eq!(c.rate, Rate::new(22, 23));
    assert_eq!(c.rate.unwrap().display(Language::Fr), "95,7\u{a0}%");
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["outcome"], "favorable_with_conditions");
    assert_eq!(json["ecarts"][0]["due"], "2020-02-18");
    assert_eq!(json["ecarts"][0]["grade"], "NC min");
    assert_eq!(json["ecarts"][0]["target"]["engagement"], 17);
    assert_eq!(json["counts"]["nc_mineure"], 1);
}

#[test]
fn one_major_nonconformity_is_unfavourable() {
    let audit = with_nc_on_17(NcGrade::Major);
    let d = decide(&valid(&audit), &Policy::default());
    assert_eq!(d.outcome, Outcome::Unfavorable);
    assert_eq!(d.rule, Rule::MajorNonconformity);
    let json =
        serde_json::to_value(conclude(&valid(&audit), &Policy::default(), Language::Fr)).unwrap();
    assert_eq!(json["outcome"], "unfavorable");
    assert_eq!(json["ecarts"][0]["grade"], "NC Maj");
}

#[test]
fn a_major_nonconformity_on_a_management_item_is_unfavourable() {
    let mut audit = toulon();
    audit.management[4].verdict = Some(Verdict::MajorNonconformity);
    let target = EcartTarget::Management(audit.management[4].id());
    audit.ecarts.push(fiche(target, NcGrade::Major));
    let d = decide(&valid(&audit), &Policy::default());
    assert_eq!(d.outcome, Outcome::Unfavorable);
    assert_eq!(d.ecarts[0].title, "Comité des usagers");
    let s = score(&valid(&audit));
    assert_eq!(
        s.overall.rate,
        Rate::new(23, 23),
        "management is not in the overall"
    );
    assert_eq!(s.management.total.rate, Rate::new(6, 7));
}

#[test]
fn a_fiche_due_date_is_kept_and_the_deadline_is_configurable() {
    let mut audit = with_nc_on_17(NcGrade::Minor);
    let d = decide(
        &valid(&audit),
        &Policy::default().with_deadline_months(1).unwrap(),
    );
    assert_eq!(d.ecarts[0].due, Some(date("2019-12-18")));
    audit.ecarts[0].due = Some(date("2020-01-31"));
    let d = decide(&valid(&audit), &Policy::default());
    assert_eq!(d.ecarts[0].due, Some(date("2020-01-31")));
    assert_eq!(d.ecarts[0].due_source, DueSource::Fiche);
}

#[test]
fn the_policy_deadline_depends_on_the_grade() {
    let (minor_audit, major_audit) = (with_nc_on_17(NcGrade::Minor), with_nc_on_17(NcGrade::Major));
    // Toulon ends on 18/11/2019: NC min due 3 months later, NC Maj 1 month later by default.
    let minor = decide(&valid(&minor_audit), &Policy::default());
    assert_eq!(minor.ecarts[0].due, Some(date("2020-02-18")));
    let major = decide(&valid(&major_audit), &Policy::default());
    assert_eq!(major.ecarts[0].due, Some(date("2019-12-18")));
    assert_eq!(major.ecarts[0].due_source, DueSource::Policy);
    assert_eq!((major.deadline_months, major.major_deadline_months), (3, 1));
    let policy = Policy::default().with_major_deadline_months(2).unwrap();
    let major = decide(&valid(&major_audit), &policy);
    assert_eq!(major.ecarts[0].due, Some(date("2020-01-18")));
    let policy = Policy::default().with_minor_deadline_months(6).unwrap();
    let minor = decide(&valid(&minor_audit), &policy);
    assert_eq!(minor.ecarts[0].due, Some(date("2020-05-18")));
    assert!(
        conclude(&valid(&major_audit), &Policy::default(), Language::Fr)
            .reasons
            .iter()
            .any(|r| r.contains("le 18/12/2019 (1 mois après la fin de l'audit)")),
    );
}

#[test]
fn conclusions_written_with_one_deadline_read_back_with_it_for_both_grades() {
    let policy: qualepref::AppliedPolicy =
        serde_json::from_str(r#"{ "deadline_months": 4, "minor_threshold": null }"#).unwrap();
    assert_eq!(
        (policy.deadline_months, policy.major_deadline_months),
        (4, 4)
    );
    let policy: qualepref::AppliedPolicy = serde_json::from_str(
        r#"{ "deadline_months": 4, "major_deadline_months": 1, "minor_threshold": null }"#,
    )
    .unwrap();
    assert_eq!(policy.major_deadline_months, 1);
}

#[test]
fn a_threshold_of_minor_nonconformities_is_unfavourable() {
    let audit = with_nc_on_17(NcGrade::Minor);
    let d = decide(&valid(&audit), &Policy::default().with_minor_threshold(1));
    assert_eq!(d.outcome, Outcome::Unfavorable);
    assert_eq!(d.rule, Rule::MinorThresholdReached);
    let d = decide(&valid(&audit), &Policy::default().with_minor_threshold(2));
    assert_eq!(d.outcome, Outcome::FavorableWithConditions);
}

#[test]
fn a_module_all_na_has_no_rate() {
    let mut audit = toulon();
    for a in audit.assessments.iter_mut().filter(|a| a.module.get() == 2) {
        a.verdict = Some(Verdict::NotApplicable);
        a.comment = Some("Sans objet sur ce site.".to_owned());
    }
    let s = score(&valid(&audit));
    assert_eq!(s.modules[1].tally.rate, None);
    assert_eq!(s.modules[1].tally.counts.non_applicable, 3);
    assert_eq!(s.overall.rate, Rate::new(20, 20));
    let json =
        serde_json::to_value(conclude(&valid(&audit), &Policy::default(), Language::Fr)).unwrap();
    assert!(json["modules"][1]["rate"].is_null());
}

/// Toulon with every engagement and management item `NA`: no rate anywhere.
fn all_na() -> Audit {
    variant(&[Verdict::NotApplicable; 23], &[Verdict::NotApplicable; 7])
}

#[test]
fn without_a_rate_every_output_says_so_in_one_wording() {
    let audit = all_na();
    let valid = valid(&audit);
    let fr = conclude(&valid, &Policy::default(), Language::Fr);
    assert_eq!(fr.rate, None);
    let text = fr.to_text();
    assert!(
        text.contains("\nTaux de conformité\u{a0}: sans objet\u{202f}; C 0, NA 23,"),
        "{text}"
    );
    let lines: Vec<&str> = fr.synthesis.conclusion_generale.generated().collect();
    assert_eq!(
        lines[2],
        "23 engagements évalués sur 23\u{a0}: 0 C, 23 NA, 0 NC min, 0 NC Maj\u{202f}; taux de conformité sans objet (aucun C ni NC)."
    );
    assert!(lines[3].ends_with("; taux de conformité sans objet (aucun C ni NC)."));
    let en = conclude(&valid, &Policy::default(), Language::En);
    let text = en.to_text();
    assert!(
        text.contains("\nConformity rate: none; C 0, NA 23,"),
        "{text}"
    );
    assert_eq!(
        en.synthesis
            .conclusion_generale
            .generated()
            .collect::<Vec<_>>()
            .get(2)
            .copied(),
        Some(
            "23 of 23 engagements assessed: 0 C, 23 NA, 0 NC min, 0 NC Maj; conformity rate none (no C nor NC)."
        )
    );
    // The report says it the same way (whatever its markup).
    let md = qualepref::render_markdown(&valid, &fr);
    assert!(
        md.contains(
            "Taux de conformité calculé par l'outil (Qual-e-pref ne publie pas de taux)\u{a0}:"
        ) && md.contains(" sans objet"),
        "{md}"
    );
    assert!(!md.contains("sans taux"), "{md}");
    let md = qualepref::render_markdown(&valid, &en);
    assert!(
        md.contains("Conformity rate computed by the tool (Qual-e-pref does not publish rates):")
            && md.contains(" none"),
        "{md}"
    );
    assert!(!md.contains("no rate"), "{md}");
}

#[test]
fn the_audit_type_is_named_from_the_data_in_each_language() {
    use qualepref::AuditType;
    let cases = [
        (
            true,
            Some(AuditType::Suivi),
            "Audit interne réalisé en amont d'un audit de suivi",
            "Internal audit ahead of a follow-up audit",
        ),
        (true, None, "Audit interne", "Internal audit"),
        (
            false,
            Some(AuditType::Renouvellement),
            "Audit de renouvellement",
            "Renewal audit",
        ),
        (
            false,
            Some(AuditType::Extension),
            "Audit d'extension",
            "Extension audit",
        ),
    ];
    for (internal, audit_type, fr, en) in cases {
        let mut audit = toulon();
        audit.kind.internal = internal;
        audit.kind.audit_type = audit_type;
        // A site name with a colon in it changes nothing.
        audit.site.name = Some("Préfecture : Var".to_owned());
        let valid = valid(&audit);
        for (language, kind, row) in [
            (Language::Fr, fr, format!("| Type d'audit | {fr} |")),
            (Language::En, en, format!("| Type of audit | {en} |")),
        ] {
            let c = conclude(&valid, &Policy::default(), language);
            let first = c
                .synthesis
                .conclusion_generale
                .generated()
                .collect::<Vec<_>>()
                .first()
                .copied()
                .unwrap();
            assert!(first.starts_with(kind), "{first}");
            let md = qualepref::render_markdown(&valid, &c);
            assert!(md.contains(&row), "{row}");
        }
    }
}

#[test]
fn ecart_lines_and_reasons_in_english_follow_the_counts() {
    let audit = with_nc_on_17(NcGrade::Minor);
    let policy = Policy::default().with_deadline_months(1).unwrap();
    let en = conclude(&valid(&audit), &policy, Language::En);
    assert_eq!(
        en.reasons,
        [
            "No major nonconformity, 1 minor nonconformity: favourable with conditions (corrective actions).",
            "NC min — Engagement 17 \"Nous vous répondons dans un délai annoncé et maîtrisé\" — finding: Délai annoncé dépassé pour 12 courriers sur 40. — requirement: Répondre dans le délai annoncé. — corrective action due on 2019-12-18 (1 month after the audit's last day).",
        ]
    );
    let fr = conclude(
        &valid(&audit),
        &policy.with_minor_threshold(1),
        Language::Fr,
    );
    assert_eq!(
        fr.reasons[0],
        "1 non-conformité mineure, seuil de 1 atteint\u{a0}: avis défavorable."
    );
    assert!(
        fr.reasons[1]
            .ends_with(" — action corrective due le 18/12/2019 (1 mois après la fin de l'audit).")
    );
}

#[test]
fn gaps_do_not_panic() {
    let mut audit = toulon();
    audit.assessments[0].verdict = None;
    audit.assessments.pop();
    audit.management.clear();
    audit.remote_checks[0].note = None;
    if let Ok(v) = Valid::new(
        &audit,
        Referentiel::qual_e_pref_2019(),
        &ValidationOptions::default(),
    ) {
        let c = conclude(&v, &Policy::default(), Language::En);
        assert_eq!(c.counts.not_assessed, 2);
        assert_eq!(c.management.total.counts.not_assessed, 7);
        assert_eq!(c.management.total.rate, None);
        assert_eq!(c.remote_total.without_note, 1);
    }
}

#[test]
fn rate_rounds_half_up() {
    let r = |a, b| Rate::new(a, b).unwrap();
    assert_eq!(r(1, 8).display(Language::Fr), "12,5\u{a0}%");
    assert_eq!(r(1, 16).display(Language::En), "6.3%");
    assert_eq!(r(1, 3).display(Language::En), "33.3%");
    assert_eq!(r(2, 3).display(Language::En), "66.7%");
    assert_eq!(r(0, 5).display(Language::Fr), "0,0\u{a0}%");
    assert_eq!(r(1999, 2000).display(Language::En), "100.0%");
    assert_eq!(r(u32::MAX - 1, u32::MAX).tenths_of_percent(), 1000);
    assert_eq!(Rate::new(3, 2), None);
}

#[test]
fn synthetic_audit_concludes() {
    let referentiel = synthetic::synthetic_referentiel().unwrap();
    let audit = synthetic::synthetic_audit(&referentiel).unwrap();
    let v = Valid::new(&audit, &referentiel, &ValidationOptions::default()).unwrap();
    let c = conclude(&v, &Policy::default(), Language::Fr);
    assert_eq!(c.modules.len(), 8);
    assert_eq!(c.outcome, Outcome::FavorableWithConditions);
    assert_eq!(c.ecarts[0].due_source, DueSource::Fiche);
}

// ---- Snapshots ----

#[test]
fn toulon_conclusions_snapshot() {
    let audit = toulon();
    for (language, name) in [
        (Language::Fr, "toulon-conclusions.fr.json"),
        (Language::En, "toulon-conclusions.en.json"),
    ] {
        let c = conclude(&valid(&audit), &Policy::default(), language);
        let mut json = serde_json::to_string_pretty(&c).unwrap();
        json.push('\n');
        check_snapshot(name, &json);
    }
}

// ---- Properties ----

fn verdict() -> impl Strategy<Value = Verdict> {
    prop_oneof![
        6 => Just(Verdict::Conformity),
        2 => Just(Verdict::NotApplicable),
        1 => Just(Verdict::MinorNonconformity),
        1 => Just(Verdict::MajorNonconformity),
    ]
}

/// Toulon with the given verdicts on engagements (and management items), each NC with its
/// fiche d'écart and each NA with its justification.
fn variant(engagements: &[Verdict], management: &[Verdict]) -> Audit {
    let mut audit = toulon();
    audit.ecarts.clear();
    for (a, v) in audit.assessments.iter_mut().zip(engagements) {
        set(&mut audit.ecarts, EcartTarget::Engagement(a.engagement), *v);
        a.verdict = Some(*v);
        a.comment = (*v == Verdict::NotApplicable).then(|| "Sans objet sur ce site.".to_owned());
    }
    for (m, v) in audit.management.iter_mut().zip(management) {
        set(&mut audit.ecarts, EcartTarget::Management(m.id()), *v);
        m.verdict = Some(*v);
        m.comment = (*v == Verdict::NotApplicable).then(|| "Sans objet sur ce site.".to_owned());
    }
    audit
}

fn set(ecarts: &mut Vec<FicheEcart>, target: EcartTarget, v: Verdict) {
    ecarts.retain(|f| f.target != target);
    if let Some(grade) = v.nonconformity() {
        ecarts.push(fiche(target, grade));
    }
}

fn rates(audit: &Audit) -> Vec<Option<Rate>> {
    let s = score(&valid(audit));
    let mut out = vec![s.overall.rate, s.management.total.rate];
    out.extend(s.modules.iter().map(|m| m.tally.rate));
    out.extend(
        s.modules
            .iter()
            .flat_map(|m| m.groups.iter().map(|g| g.tally.rate)),
    );
    out
}

fn not_above(after: Option<Rate>, before: Option<Rate>) -> bool {
    match (after, before) {
        (Some(a), Some(b)) => !b.is_below(a),
        (None, None) => true,
        _ => false,
    }
}

proptest! {
    #[test]
    fn rates_stay_within_0_and_100(
        e in proptest::collection::vec(verdict(), 23),
        m in proptest::collection::vec(verdict(), 7),
    ) {
        let audit = variant(&e, &m);
        for r in rates(&audit).into_iter().flatten() {
            prop_assert!(r.numerator() <= r.denominator() && r.denominator() > 0);
            prop_assert!(r.tenths_of_percent() <= 1000);
        }
    }

    #[test]
    fn the_order_of_assessments_changes_nothing(
        e in proptest::collection::vec(verdict(), 23),
        m in proptest::collection::vec(verdict(), 7),
        seed in any::<u64>(),
    ) {
        let audit = variant(&e, &m);
        let mut shuffled = audit.clone();
        shuffle(&mut shuffled.assessments, seed);
        shuffle(&mut shuffled.management, seed.rotate_left(7));
        shuffle(&mut shuffled.remote_checks, seed.rotate_left(13));
        shuffle(&mut shuffled.ecarts, seed.rotate_left(19));
        for language in [Language::Fr, Language::En] {
            let a = serde_json::to_string(&conclude(&valid(&audit), &Policy::default(), language)).unwrap();
            let b = serde_json::to_string(&conclude(&valid(&shuffled), &Policy::default(), language)).unwrap();
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn a_new_nonconformity_never_improves_the_decision_nor_raises_a_rate(
        e in proptest::collection::vec(verdict(), 23),
        m in proptest::collection::vec(verdict(), 7),
        pick in any::<prop::sample::Index>(),
        major in any::<bool>(),
        threshold in proptest::option::of(1u32..4),
    ) {
        let all: Vec<Verdict> = e.iter().chain(&m).copied().collect();
        let conforming: Vec<usize> = (0..all.len()).filter(|&i| all[i] == Verdict::Conformity).collect();
        prop_assume!(!conforming.is_empty());
        let i = conforming[pick.index(conforming.len())];
        let mut changed = all.clone();
        changed[i] = if major { Verdict::MajorNonconformity } else { Verdict::MinorNonconformity };
        let before = variant(&all[..23], &all[23..]);
        let after = variant(&changed[..23], &changed[23..]);
        let policy = match threshold {
            Some(t) => Policy::default().with_minor_threshold(t),
            None => Policy::default(),
        };
        let d0 = decide(&valid(&before), &policy).outcome;
        let d1 = decide(&valid(&after), &policy).outcome;
        prop_assert!(d1 >= d0, "{:?} then {:?}", d0, d1);
        for (a, b) in rates(&after).into_iter().zip(rates(&before)) {
            prop_assert!(not_above(a, b), "{:?} after {:?}", a, b);
        }
    }

    #[test]
    fn a_nonconformity_turned_na_never_lowers_a_rate(
        e in proptest::collection::vec(verdict(), 23),
        m in proptest::collection::vec(verdict(), 7),
        pick in any::<prop::sample::Index>(),
    ) {
        let all: Vec<Verdict> = e.iter().chain(&m).copied().collect();
        let nc: Vec<usize> = (0..all.len()).filter(|&i| all[i].nonconformity().is_some()).collect();
        prop_assume!(!nc.is_empty());
        let i = nc[pick.index(nc.len())];
        let mut changed = all.clone();
        changed[i] = Verdict::NotApplicable;
        let before = variant(&all[..23], &all[23..]);
        let after = variant(&changed[..23], &changed[23..]);
        for (a, b) in rates(&after).into_iter().zip(rates(&before)) {
            match (a, b) {
                (Some(a), Some(b)) => prop_assert!(!a.is_below(b), "{:?} after {:?}", a, b),
                (None, Some(b)) => prop_assert_eq!(b.numerator(), 0),
                (Some(_), None) => prop_assert!(false, "a rate appeared"),
                (None, None) => {}
            }
        }
    }

    #[test]
    fn the_same_audit_gives_the_same_synthesis(
        e in proptest::collection::vec(verdict(), 23),
        m in proptest::collection::vec(verdict(), 7),
    ) {
        let audit = variant(&e, &m);
        let copy = audit.clone();
        let a = serde_json::to_string(&conclude(&valid(&audit), &Policy::default(), Language::Fr)).unwrap();
        let b = serde_json::to_string(&conclude(&valid(&copy), &Policy::default(), Language::Fr)).unwrap();
        prop_assert_eq!(a, b);
    }
}

/// A deterministic Fisher–Yates shuffle driven by a seed (xorshift).
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed | 1;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

#[test]
fn rates_compare_exactly() {
    let half = Rate::new(1, 2).unwrap();
    let two_quarters = Rate::new(2, 4).unwrap();
    let two_thirds = Rate::new(2, 3).unwrap();
    assert!(half.is_below(two_thirds));
    assert!(!two_thirds.is_below(half));
    assert!(!half.is_below(two_quarters) && !two_quarters.is_below(half));
    // 3/7 < 1/2 exactly (6 < 7), though both round to 42,9 % and 50,0 %.
    assert!(Rate::new(3, 7).unwrap().is_below(half));
    assert!(!half.is_below(Rate::new(3, 7).unwrap()));
}

#[test]
fn observation_counts_read_by_kind_and_outcomes_display_their_code() {
    use qualepref::{ObservationCounts, ObservationKind};
    let mut counts = ObservationCounts::default();
    (counts.pf, counts.ps, counts.pp) = (3, 5, 7);
    assert_eq!(counts.of(ObservationKind::Strength), 3);
    assert_eq!(counts.of(ObservationKind::AreaOfConcern), 5);
    assert_eq!(counts.of(ObservationKind::OpportunityForImprovement), 7);
    assert_eq!(Outcome::Favorable.to_string(), "favorable");
    assert_eq!(
        Outcome::FavorableWithConditions.to_string(),
        "favorable_with_conditions"
    );
    assert_eq!(Outcome::Unfavorable.to_string(), "unfavorable");
}

#[test]
fn the_general_conclusion_states_the_decision_with_counts_and_due_date() {
    let minor = with_nc_on_17(NcGrade::Minor);
    let c = conclude(&valid(&minor), &Policy::default(), Language::Fr);
    assert_eq!(
        c.synthesis
            .conclusion_generale
            .generated()
            .collect::<Vec<_>>()
            .last()
            .copied(),
        Some(
            "Avis indicatif (audit interne) selon la règle de décision par défaut de l'outil (et non le texte du référentiel)\u{a0}: avis favorable sous réserve (1 NC min, 0 NC Maj), actions correctives dues au plus tard le 18/02/2020."
        )
    );
    let major = with_nc_on_17(NcGrade::Major);
    let c = conclude(&valid(&major), &Policy::default(), Language::En);
    assert_eq!(
        c.synthesis
            .conclusion_generale
            .generated()
            .collect::<Vec<_>>()
            .last()
            .copied(),
        Some(
            "Indicative outcome (internal audit) under the tool's default decision rule (not the référentiel's text): unfavourable (0 NC min, 1 NC Maj)."
        )
    );
}

#[test]
fn remote_checks_without_note_are_counted_in_the_general_conclusion() {
    let mut audit = toulon();
    audit.remote_checks[0].note = None;
    let c = conclude(&valid(&audit), &Policy::default(), Language::Fr);
    assert_eq!(
        c.synthesis
            .conclusion_generale
            .generated()
            .collect::<Vec<_>>()
            .get(4)
            .copied(),
        Some(
            "Audit à distance\u{a0}: 13 contrôles, 12 conformes, 0 non conforme, 0 non applicable, 1 sans note."
        )
    );
    let en = conclude(&valid(&audit), &Policy::default(), Language::En);
    let line = en
        .synthesis
        .conclusion_generale
        .generated()
        .find(|l| l.starts_with("Remote audit"))
        .map(str::to_owned);
    assert_eq!(
        line.as_deref(),
        Some(
            "Remote audit: 13 checks, 12 conforming, 0 nonconforming, 0 not applicable, 1 without note."
        )
    );
}

#[test]
fn the_charte_graphique_is_not_applicable_only_in_an_initial_audit() {
    let audit = toulon();
    let initial = conclude(&valid(&audit), &Policy::default(), Language::Fr);
    assert!(
        initial
            .synthesis
            .charte_graphique
            .generated()
            .collect::<Vec<_>>()
            .iter()
            .any(|l| l.contains("Non applicable en audit initial")),
        "{:?}",
        initial
            .synthesis
            .charte_graphique
            .generated()
            .collect::<Vec<_>>()
    );
    let mut suivi = toulon();
    suivi.kind.audit_type = Some(qualepref::AuditType::Suivi);
    let c = conclude(&valid(&suivi), &Policy::default(), Language::Fr);
    assert!(
        c.synthesis
            .charte_graphique
            .generated()
            .collect::<Vec<_>>()
            .iter()
            .all(|l| !l.contains("audit initial")),
        "{:?}",
        c.synthesis.charte_graphique.generated().collect::<Vec<_>>()
    );
}

#[test]
fn text_summary_follows_each_language_typography() {
    let mut audit = toulon();
    audit.kind.internal = false;
    let fr = conclude(&valid(&audit), &Policy::default(), Language::Fr).to_text();
    assert!(
        fr.starts_with(
            "AVIS PROPOSÉ\u{a0}: avis favorable\nAvis établi selon la règle de décision par défaut \
             de l'outil, et non selon le référentiel, dont les règles de décision ne sont pas \
             publiques.\n"
        ),
        "{fr}"
    );
    assert!(!fr.contains("DÉCISION"), "{fr}");
    assert!(
        fr.contains(
            "\nTaux de conformité\u{a0}: 100,0\u{a0}% (23/23)\u{202f}; C 23, NA 0, NC min 0, NC Maj 0\u{202f}; PF 10, PS 0, PP 4\n"
        ),
        "{fr}"
    );
    let en = conclude(&valid(&audit), &Policy::default(), Language::En).to_text();
    assert!(
        en.starts_with(
            "PROPOSED OUTCOME: favourable\nOutcome established under the tool's default decision \
             rule, not the référentiel, whose decision rules are not public.\n"
        ),
        "{en}"
    );
    assert!(!en.to_lowercase().contains("decision:"), "{en}");
    assert!(
        en.contains(
            "\nConformity rate: 100.0% (23/23); C 23, NA 0, NC min 0, NC Maj 0; PF 10, PS 0, PP 4\n"
        ),
        "{en}"
    );
}

#[test]
fn policy_reads_back_its_settings() {
    let default = Policy::default();
    assert_eq!(default.deadline_months(), 3);
    assert_eq!(default.major_deadline_months(), 1);
    assert_eq!(default.minor_threshold(), None);
    let p = Policy::new()
        .with_deadline_months(7)
        .unwrap()
        .with_minor_threshold(4);
    assert_eq!(p.deadline_months(), 7);
    assert_eq!(p.major_deadline_months(), 7);
    assert_eq!(p.minor_threshold(), Some(4));
    assert_eq!(p.without_minor_threshold().minor_threshold(), None);
}

/// A deadline is 1 to 120 months: the setters refuse anything else with a message, so no
/// policy gives a due date out of reach.
#[test]
fn policy_deadlines_stay_within_1_and_120_months() {
    assert_eq!(Policy::MIN_DEADLINE_MONTHS, 1);
    assert_eq!(Policy::MAX_DEADLINE_MONTHS, 120);
    for months in [0, 121, 100_000, u32::MAX] {
        for result in [
            Policy::new().with_deadline_months(months),
            Policy::new().with_minor_deadline_months(months),
            Policy::new().with_major_deadline_months(months),
        ] {
            assert_eq!(
                result.unwrap_err().to_string(),
                format!(
                    "invalid deadline in months \"{months}\": a deadline is 1 to 120 months after the audit's last day"
                )
            );
        }
    }
    for months in [1, 6, 120] {
        let p = Policy::new().with_deadline_months(months).unwrap();
        assert_eq!(
            (p.minor_deadline_months(), p.major_deadline_months()),
            (months, months)
        );
        let p = Policy::new().with_minor_deadline_months(months).unwrap();
        assert_eq!(
            (p.minor_deadline_months(), p.major_deadline_months()),
            (months, 1)
        );
        let p = Policy::new().with_major_deadline_months(months).unwrap();
        assert_eq!(
            (p.minor_deadline_months(), p.major_deadline_months()),
            (3, months)
        );
    }
    // The longest deadline gives a due date ten years on, which the decision reports.
    let end = NaiveDate::from_ymd_opt(2019, 11, 18).unwrap();
    let ten_years = NaiveDate::from_ymd_opt(2029, 11, 18);
    let p = Policy::new().with_deadline_months(120).unwrap();
    assert_eq!(p.due_date_for(NcGrade::Minor, end), ten_years);
    let audit = with_nc_on_17(NcGrade::Minor);
    let d = decide(&valid(&audit), &p);
    assert_eq!(d.deadline_months, 120);
    assert_eq!(d.ecarts[0].due, ten_years);
}

#[test]
fn an_assessment_the_referentiel_lacks_does_not_hide_the_next_ones() {
    // A complete référentiel with a gap (engagement 15 removed), and the audit of the full one:
    // engagement 15 is unknown, accepted here as a warning.
    let full = synthetic::synthetic_referentiel().unwrap();
    let audit = synthetic::synthetic_audit(&full).unwrap();
    let mut data: serde_json::Value =
        serde_json::from_str(&full.to_json_string().unwrap()).unwrap();
    data["engagements"]
        .as_array_mut()
        .unwrap()
        .retain(|e| e["number"] != 15);
    let gapped = Referentiel::from_json_str(&data.to_string()).unwrap();
    let options = ValidationOptions::default().with(
        qualepref::RuleCode::UnknownEngagement,
        qualepref::Severity::Warning,
    );
    let valid = Valid::new(&audit, &gapped, &options).unwrap();
    let c = conclude(&valid, &Policy::default(), Language::Fr);
    // Every engagement of the gapped référentiel keeps its assessment: 79 assessed, none missing.
    assert_eq!(c.counts.assessed(), 79);
    assert_eq!(c.counts.not_assessed, 0);
    let module_2 = c.modules.iter().find(|m| m.module.get() == 2).unwrap();
    assert_eq!(module_2.tally.counts.assessed(), 9);
}

/// The Toulon audit is internal: it grants nothing, its outcome is indicative (in the JSON
/// contract and in text); the same audit run by the external audit body decides.
#[test]
fn an_internal_audit_has_an_indicative_outcome_not_a_decision() {
    let audit = toulon();
    assert!(audit.kind.internal);
    let c = conclude(&valid(&audit), &Policy::default(), Language::Fr);
    let json: serde_json::Value = serde_json::from_str(&c.to_json_string().unwrap()).unwrap();
    assert_eq!(json["indicative"], serde_json::json!(true));
    assert_eq!(json["outcome"], serde_json::json!("favorable"));
    let fr = c.to_text();
    assert!(
        fr.starts_with(
            "AVIS INDICATIF (audit interne, sans valeur de décision)\u{a0}: avis favorable\n"
        ),
        "{fr}"
    );
    assert!(!fr.contains("DÉCISION"), "{fr}");
    let en = conclude(&valid(&audit), &Policy::default(), Language::En).to_text();
    assert!(
        en.starts_with("INDICATIVE OUTCOME (internal audit, not a decision): favourable\n"),
        "{en}"
    );

    let mut external = toulon();
    external.kind.internal = false;
    let c = conclude(&valid(&external), &Policy::default(), Language::Fr);
    let json: serde_json::Value = serde_json::from_str(&c.to_json_string().unwrap()).unwrap();
    assert_eq!(json["indicative"], serde_json::json!(false));
    let fr = c.to_text();
    assert!(
        fr.starts_with(
            "AVIS PROPOSÉ\u{a0}: avis favorable\nAvis établi selon la règle de décision par défaut \
             de l'outil, et non selon le référentiel, dont les règles de décision ne sont pas \
             publiques.\n"
        ),
        "{fr}"
    );
    assert!(!fr.contains("DÉCISION"), "{fr}");
    assert!(!fr.contains("INDICATIF"), "{fr}");
    let en = conclude(&valid(&external), &Policy::default(), Language::En).to_text();
    assert!(
        en.starts_with(
            "PROPOSED OUTCOME: favourable\nOutcome established under the tool's default decision \
             rule, not the référentiel, whose decision rules are not public.\n"
        ),
        "{en}"
    );
    assert!(!en.to_lowercase().contains("decision:"), "{en}");
}

/// An internal audit with an NC min: still indicative, whatever the outcome.
#[test]
fn an_internal_audit_with_a_minor_nonconformity_is_indicative_too() {
    let mut audit = toulon();
    audit.assessments[16].verdict = Some(Verdict::MinorNonconformity);
    audit.ecarts.push(FicheEcart {
        number: None,
        target: EcartTarget::Engagement(n(17)),
        grade: NcGrade::Minor,
        finding: "12 courriers sur 40 hors délai.".to_owned(),
        requirement: "Délai annoncé.".to_owned(),
        cause: None,
        corrective_action: None,
        due: None,
        leader: None,
        response: None,
        status: qualepref::ActionStatus::Open,
    });
    let text = conclude(&valid(&audit), &Policy::default(), Language::Fr).to_text();
    assert!(
        text.starts_with(
            "AVIS INDICATIF (audit interne, sans valeur de décision)\u{a0}: avis favorable sous réserve\n"
        ),
        "{text}"
    );
}

/// Conclusions written before `indicative` existed read back, with it false.
#[test]
fn conclusions_without_the_indicative_field_read_back() {
    let audit = toulon();
    let c = conclude(&valid(&audit), &Policy::default(), Language::Fr);
    let mut json: serde_json::Value = serde_json::from_str(&c.to_json_string().unwrap()).unwrap();
    json.as_object_mut().unwrap().remove("indicative");
    let back: qualepref::Conclusions<'static> = serde_json::from_value(json).unwrap();
    assert!(!back.indicative);
}

/// The text of the conclusions prints the auditor's own text under each section that has one,
/// and nothing of the kind where a section has none.
#[test]
fn the_text_of_the_conclusions_shows_the_auditors_text_where_there_is_one() {
    let audit = toulon();
    let text = conclude(&valid(&audit), &Policy::default(), Language::Fr).to_text();
    assert!(
        text.contains(
            "Texte de l'auditeur\u{a0}:\n  L'audit des 2 modules a révélé de nombreux points \
             forts, mettant en évidence"
        ),
        "{text}"
    );
    let mut bare = toulon();
    bare.conclusion = qualepref::AuditorSynthesis::default();
    bare.conclusion.charte_graphique.verdict = audit.conclusion.charte_graphique.verdict;
    let options = ValidationOptions::default().disable(qualepref::RuleCode::ConclusionSectionEmpty);
    let valid = Valid::new(&bare, Referentiel::qual_e_pref_2019(), &options).unwrap();
    let text = conclude(&valid, &Policy::default(), Language::Fr).to_text();
    assert!(!text.contains("Texte de l'auditeur"), "{text}");
    assert!(text.contains("\n❖ "), "{text}");
}

/// Every outcome's wording in both languages, and every rule's wire code, written out.
#[test]
fn outcome_labels_and_rule_codes() {
    for (outcome, fr, en) in [
        (Outcome::Favorable, "avis favorable", "favourable"),
        (
            Outcome::FavorableWithConditions,
            "avis favorable sous réserve",
            "favourable with conditions",
        ),
        (Outcome::Unfavorable, "avis défavorable", "unfavourable"),
    ] {
        assert_eq!(outcome.label_fr(), fr);
        assert_eq!(outcome.label_en(), en);
        assert_eq!(outcome.label(Language::Fr), fr);
        assert_eq!(outcome.label(Language::En), en);
    }
    let codes: Vec<&str> = [
        Rule::MajorNonconformity,
        Rule::MinorThresholdReached,
        Rule::MinorNonconformity,
        Rule::NoNonconformity,
    ]
    .into_iter()
    .map(Rule::code)
    .collect();
    assert_eq!(
        codes,
        [
            "major_nonconformity",
            "minor_threshold_reached",
            "minor_nonconformity",
            "no_nonconformity"
        ]
    );
}

/// The due date of a minor nonconformity's action under a policy, and a decision written
/// before the major deadline existed reads back with its default.
#[test]
fn policy_due_date_and_decisions_without_the_major_deadline() {
    let end = NaiveDate::from_ymd_opt(2019, 11, 18).unwrap();
    assert_eq!(
        Policy::default().due_date(end),
        NaiveDate::from_ymd_opt(2020, 2, 18)
    );
    assert_eq!(
        Policy::default()
            .with_minor_deadline_months(6)
            .unwrap()
            .due_date(end),
        NaiveDate::from_ymd_opt(2020, 5, 18)
    );
    let audit = toulon();
    let policy = Policy::default().with_major_deadline_months(2).unwrap();
    let decision = decide(&valid(&audit), &policy);
    let mut json = serde_json::to_value(&decision).unwrap();
    assert_eq!(json["major_deadline_months"], 2);
    json.as_object_mut()
        .unwrap()
        .remove("major_deadline_months");
    let back: qualepref::Decision<'static> = serde_json::from_value(json).unwrap();
    assert_eq!(
        back.major_deadline_months,
        Policy::DEFAULT_MAJOR_DEADLINE_MONTHS
    );
    assert_eq!(Policy::DEFAULT_MAJOR_DEADLINE_MONTHS, 1);
}

/// Rates order by value, then by denominator, and give their percentage.
#[test]
fn rates_order_by_value_then_denominator_and_give_their_percentage() {
    let r = |n, d| Rate::new(n, d).unwrap();
    assert!(r(5, 10) < r(6, 10));
    assert!(r(6, 10) > r(5, 10));
    assert!(r(1, 2) < r(2, 3));
    assert!(
        r(1, 2) < r(2, 4),
        "equal values: the smaller denominator first"
    );
    assert_eq!(r(3, 4).cmp(&r(3, 4)), std::cmp::Ordering::Equal);
    assert_eq!(
        r(6, 10).partial_cmp(&r(5, 10)),
        Some(std::cmp::Ordering::Greater)
    );
    let mut rates = vec![r(6, 10), r(2, 4), r(1, 2), r(5, 10), r(1, 1)];
    rates.sort();
    assert_eq!(rates, [r(1, 2), r(2, 4), r(5, 10), r(6, 10), r(1, 1)]);
    assert!((r(3, 4).percent() - 75.0).abs() < f64::EPSILON);
    assert!((r(1, 4).percent() - 25.0).abs() < f64::EPSILON);
    assert!((r(2, 3).percent() - 200.0 / 3.0).abs() < 1e-9);
}

/// A nonconformity of the charte graphique weighs in the decision as any other.
#[test]
fn a_charte_graphique_nonconformity_weighs_in_the_decision() {
    let mut audit = toulon();
    audit.kind = qualepref::AuditKind::external(qualepref::AuditType::Suivi);
    audit.conclusion.charte_graphique.text = vec!["Logo ancien sur les courriers.".to_owned()];
    for (verdict, outcome, minor, major) in [
        (Verdict::Conformity, Outcome::Favorable, 0, 0),
        (
            Verdict::MinorNonconformity,
            Outcome::FavorableWithConditions,
            1,
            0,
        ),
        (Verdict::MajorNonconformity, Outcome::Unfavorable, 0, 1),
    ] {
        audit.conclusion.charte_graphique.verdict = Some(verdict);
        let d = decide(&valid(&audit), &Policy::default());
        assert_eq!(
            (d.outcome, d.minor, d.major),
            (outcome, minor, major),
            "{verdict}"
        );
        assert!(d.ecarts.is_empty());
    }
}

// ---- Wording of the text ----

#[test]
fn an_empty_requirement_reads_non_renseignee_and_a_section_with_nothing_sans_objet() {
    let mut audit = with_nc_on_17(NcGrade::Minor);
    audit.ecarts[0].requirement.clear();
    audit.conclusion = Default::default();
    let c = conclude(&valid(&audit), &Policy::default(), Language::Fr);
    // « exigence » is feminine.
    assert!(
        c.reasons[1].contains(" — exigence\u{a0}: non renseignée — "),
        "{}",
        c.reasons[1]
    );
    let text = c.to_text();
    // COMMENTAIRES has no generated line and the audit holds no text of the auditor: the text
    // says so as the report does.
    assert!(text.contains("\n❖ COMMENTAIRES\nSans objet.\n"), "{text}");
    assert!(!text.contains("❖ COMMENTAIRES\n\n"), "{text}");
    let en = conclude(&valid(&audit), &Policy::default(), Language::En).to_text();
    assert!(en.contains("\n❖ COMMENTS\nNothing to report.\n"), "{en}");
    // A section the auditor wrote keeps its text and no « Sans objet. » of the tool.
    let toulon = conclude(&valid(&toulon()), &Policy::default(), Language::Fr).to_text();
    assert!(
        toulon.contains("\n❖ LES BONNES PRATIQUES\nTexte de l'auditeur\u{a0}:\n  Les bonnes"),
        "{toulon}"
    );
}
