//! The comparison of two audits: the Toulon audit against variants of it.

use qualepref::compare::{Change, NcStatus, ObservationFate, Place};
use qualepref::{
    Audit, EcartTarget, EngagementNumber, FicheEcart, Language, NcGrade, Observation,
    ObservationKind, Outcome, Referentiel, Valid, ValidationOptions, Verdict, compare, samples,
};

fn toulon() -> Audit {
    Audit::from_json_str(samples::TOULON_2019_JSON).unwrap()
}

fn n(number: u16) -> EngagementNumber {
    EngagementNumber::new(number).unwrap()
}

#[track_caller]
fn valid<'a>(audit: &'a Audit, referentiel: &'a Referentiel) -> Valid<'a> {
    match Valid::new(audit, referentiel, &ValidationOptions::default()) {
        Ok(v) => v,
        Err(report) => panic!("invalid audit:\n{report}"),
    }
}

/// The Toulon audit with one NC min on engagement 17 (and its fiche), one PS added on
/// engagement 10, and the PP of engagement 21 removed.
fn variant() -> Audit {
    let mut audit = toulon();
    let e17 = audit.assessment_mut(n(17)).unwrap();
    e17.verdict = Some(Verdict::MinorNonconformity);
    audit.ecarts.push(FicheEcart {
        number: None,
        target: EcartTarget::Engagement(n(17)),
        grade: NcGrade::Minor,
        finding: "12 courriers sur 40 ont reçu une réponse au-delà du délai annoncé.".to_owned(),
        requirement: "Répondre dans le délai annoncé.".to_owned(),
        cause: None,
        corrective_action: None,
        due: None,
        leader: None,
        response: None,
        status: qualepref::ActionStatus::Open,
    });
    audit.conclusion.fiches_ecart =
        vec!["Module 1 engagement 17 : délai de réponse dépassé.".to_owned()];
    let e10 = audit.assessment_mut(n(10)).unwrap();
    e10.observations.push(Observation {
        kind: ObservationKind::AreaOfConcern,
        text: "Taux de décroché en baisse le lundi matin.".to_owned(),
        risk: Some("Usagers sans réponse aux heures de pointe.".to_owned()),
    });
    audit.conclusion.points_sensibles.clear();
    let e21 = audit.assessment_mut(n(21)).unwrap();
    e21.observations.clear();
    audit
}

#[test]
fn the_same_audit_has_no_change() {
    let a = toulon();
    let r = Referentiel::qual_e_pref_2019();
    let c = compare(&valid(&a, r), &valid(&a, r));
    assert_eq!(c.changed_engagements().count(), 0);
    assert!(c.nonconformities.is_empty());
    assert!(c.points_sensibles.is_empty());
    assert!(
        c.pistes_de_progres
            .iter()
            .all(|p| p.status == ObservationFate::Persistent)
    );
    assert_eq!(c.outcome, (Outcome::Favorable, Outcome::Favorable));
    assert!(c.scope.same_referentiel);
    assert!(c.modules.iter().all(|m| m.before == m.after));
    assert_eq!(
        c.to_text(Language::Fr),
        "Périmètre et avis\n- Avant\u{a0}: Préfecture, TOULON (83) — Audit interne réalisé en amont d'un audit initial — 18/11/2019\n- Après\u{a0}: Préfecture, TOULON (83) — Audit interne réalisé en amont d'un audit initial — 18/11/2019\n- Référentiel\u{a0}: qual-e-pref-2019\n- Avis\u{a0}: avis favorable (indicatif) → avis favorable (indicatif)\n\n\
         Toujours ouverts\n- engagement 17\u{a0}: PP persistante — «\u{a0}Le délai de réponse des courriers du BSR sont difficiles à tenir. Etudier la création d'un plan impliquant des renforts pour palier aux absences et permettre une réponse aux courriers dans le délai de 5jours.\u{a0}»\n- engagement 21\u{a0}: PP persistante — «\u{a0}Etudier la création d'une procédure encadrant certaines réponses directement adressées par la préfecture alors que l'interlocuteur privilégié des usagers est la mairie où la démarche a été entamée.\u{a0}»\n- engagement 22\u{a0}: PP persistante — «\u{a0}Les opérations de déstockage \"flash\" sont devenues la norme. Questionnement sur des renforts.\u{a0}»\n- audit à distance (Internet), engagement 3\u{a0}: PP persistante — «\u{a0}Etudier la possibilité de rendre plus visible le plan d'amélioration sur le site internet.\u{a0}»\n"
    );
}

#[test]
fn the_variant_reports_exactly_its_changes() {
    let (before, after) = (toulon(), variant());
    let r = Referentiel::qual_e_pref_2019();
    let c = compare(&valid(&before, r), &valid(&after, r));

    let changed: Vec<(u16, Option<Verdict>, Option<Verdict>, Change)> = c
        .changed_engagements()
        .map(|e| (e.engagement.get(), e.before, e.after, e.change))
        .collect();
    assert_eq!(
        changed,
        [(
            17,
            Some(Verdict::Conformity),
            Some(Verdict::MinorNonconformity),
            Change::Regressed
        )]
    );
    assert_eq!(c.engagements.len(), 23);

    let ncs: Vec<(EcartTarget, NcStatus)> = c
        .nonconformities
        .iter()
        .map(|x| (x.target, x.status))
        .collect();
    assert_eq!(ncs, [(EcartTarget::Engagement(n(17)), NcStatus::New)]);

    let ps: Vec<(Place, ObservationFate)> = c
        .points_sensibles
        .iter()
        .map(|x| (x.place.clone(), x.status))
        .collect();
    assert_eq!(ps, [(Place::Engagement(n(10)), ObservationFate::New)]);

    let pp: Vec<(Place, ObservationFate)> = c
        .pistes_de_progres
        .iter()
        .map(|x| (x.place.clone(), x.status))
        .collect();
    assert_eq!(
        pp,
        [
            (Place::Engagement(n(17)), ObservationFate::Persistent),
            (Place::Engagement(n(21)), ObservationFate::NotRenewed),
            (Place::Engagement(n(22)), ObservationFate::Persistent),
            (
                Place::Remote(qualepref::RemoteChannel::Internet, n(3)),
                ObservationFate::Persistent
            ),
        ]
    );

    assert_eq!(
        c.outcome,
        (Outcome::Favorable, Outcome::FavorableWithConditions)
    );
    let m1 = &c.modules[0];
    let (b, a) = (m1.before.as_ref().unwrap(), m1.after.as_ref().unwrap());
    assert_eq!(
        (b.rate.unwrap().numerator(), b.rate.unwrap().denominator()),
        (20, 20)
    );
    assert_eq!(
        (a.rate.unwrap().numerator(), a.rate.unwrap().denominator()),
        (19, 20)
    );
    assert_eq!(a.outcome, Outcome::FavorableWithConditions);
    assert_eq!(c.modules[1].before, c.modules[1].after);

    assert_eq!(
        c.to_text(Language::Fr),
        "Périmètre et avis\n\
         - Avant\u{a0}: Préfecture, TOULON (83) — Audit interne réalisé en amont d'un audit initial — 18/11/2019\n\
         - Après\u{a0}: Préfecture, TOULON (83) — Audit interne réalisé en amont d'un audit initial — 18/11/2019\n\
         - Référentiel\u{a0}: qual-e-pref-2019\n\
         - Avis\u{a0}: avis favorable (indicatif) → avis favorable sous réserve (indicatif)\n\
         \n\
         Modules\n\
         - Module 1\u{a0}: 100,0\u{a0}% (20/20), avis favorable (indicatif) → 95,0\u{a0}% (19/20), avis favorable sous réserve (indicatif)\n\
         \n\
         Engagements\n\
         - Engagement 17 «\u{a0}Nous vous répondons dans un délai annoncé et maîtrisé\u{a0}»\u{a0}: C → NC min (dégradé)\n\
         \n\
         Non-conformités\n\
         - engagement 17\u{a0}: — → NC min (nouvelle)\n\
         \n\
         Points sensibles\n\
         - engagement 10\u{a0}: nouvelle — «\u{a0}Taux de décroché en baisse le lundi matin.\u{a0}»\n\
         \n\
         Pistes de progrès\n\
         - engagement 21\u{a0}: non reconduite — «\u{a0}Etudier la création d'une procédure encadrant certaines réponses directement adressées par la préfecture alors que l'interlocuteur privilégié des usagers est la mairie où la démarche a été entamée.\u{a0}»\n\
         \n\
         Toujours ouverts\n\
         - engagement 17\u{a0}: PP persistante — «\u{a0}Le délai de réponse des courriers du BSR sont difficiles à tenir. Etudier la création d'un plan impliquant des renforts pour palier aux absences et permettre une réponse aux courriers dans le délai de 5jours.\u{a0}»\n\
         - engagement 22\u{a0}: PP persistante — «\u{a0}Les opérations de déstockage \"flash\" sont devenues la norme. Questionnement sur des renforts.\u{a0}»\n\
         - audit à distance (Internet), engagement 3\u{a0}: PP persistante — «\u{a0}Etudier la possibilité de rendre plus visible le plan d'amélioration sur le site internet.\u{a0}»\n"
    );
    let md = c.to_markdown(Language::En);
    assert!(
        md.starts_with("# Comparison of two audits\n\n## Scope and opinion\n"),
        "{md}"
    );
    assert!(md.contains("- Engagement 17 \"Nous vous répondons dans un délai annoncé et maîtrisé\": C → NC min (regressed)\n"), "{md}");
}

#[test]
fn the_reverse_comparison_lifts_the_nonconformity() {
    let (before, after) = (variant(), toulon());
    let r = Referentiel::qual_e_pref_2019();
    let c = compare(&valid(&before, r), &valid(&after, r));
    let changed: Vec<Change> = c.changed_engagements().map(|e| e.change).collect();
    assert_eq!(changed, [Change::Improved]);
    assert_eq!(c.nonconformities[0].status, NcStatus::Lifted);
    assert_eq!(c.points_sensibles[0].status, ObservationFate::NotRenewed);
    assert_eq!(
        c.outcome,
        (Outcome::FavorableWithConditions, Outcome::Favorable)
    );
}

#[test]
fn verdict_changes_are_classified() {
    let r = Referentiel::qual_e_pref_2019();
    let before = toulon();
    let mut after = toulon();
    let set = |a: &mut Audit, e: u16, v: Verdict| {
        let x = a.assessment_mut(n(e)).unwrap();
        x.verdict = Some(v);
        if v == Verdict::NotApplicable {
            x.comment = Some("Sans objet sur ce site.".to_owned());
        }
    };
    set(&mut after, 5, Verdict::NotApplicable);
    set(&mut after, 6, Verdict::MajorNonconformity);
    after.ecarts.push(FicheEcart {
        number: None,
        target: EcartTarget::Engagement(n(6)),
        grade: NcGrade::Major,
        finding: "Constat.".to_owned(),
        requirement: "Exigence.".to_owned(),
        cause: None,
        corrective_action: None,
        due: None,
        leader: None,
        response: None,
        status: qualepref::ActionStatus::Open,
    });
    after.conclusion.fiches_ecart.clear();
    let c = compare(&valid(&before, r), &valid(&after, r));
    let changed: Vec<(u16, Change)> = c
        .changed_engagements()
        .map(|e| (e.engagement.get(), e.change))
        .collect();
    assert_eq!(
        changed,
        [(5, Change::Applicability), (6, Change::Regressed)]
    );
    assert_eq!(c.outcome.1, Outcome::Unfavorable);
    let m1 = c.modules[0].after.as_ref().unwrap();
    assert_eq!(
        (m1.rate.unwrap().numerator(), m1.rate.unwrap().denominator()),
        (18, 19)
    );
}

#[test]
fn different_referentiels_are_compared_on_shared_engagements_only() {
    let embedded = Referentiel::qual_e_pref_2019();
    let text = Referentiel::qual_e_pref_2019_json()
        .replacen(
            "\"id\": \"qual-e-pref-2019\"",
            "\"id\": \"qual-e-pref-2019-bis\"",
            1,
        )
        .replacen(
            "Nous vous orientons vers le bon service",
            "Nous vous orientons vers le service compétent",
            1,
        )
        .replacen(
            "A votre écoute pour progresser",
            "A VOTRE ÉCOUTE  pour progresser",
            1,
        );
    let other = Referentiel::from_json_str(&text).unwrap();
    let before = toulon();
    let mut after = toulon();
    after.referentiel.id = other.id().to_owned();
    let c = compare(&valid(&before, embedded), &valid(&after, &other));
    assert!(!c.scope.same_referentiel);
    assert_eq!(
        c.scope.referentiels,
        (
            "qual-e-pref-2019".to_owned(),
            "qual-e-pref-2019-bis".to_owned()
        )
    );
    // Engagement 5's title differs; engagement 3's differs only in case and spacing.
    assert_eq!(c.scope.excluded, [n(5)]);
    assert_eq!(c.engagements.len(), 22);
    let text = c.to_text(Language::Fr);
    assert!(text.starts_with(
        "Périmètre et avis\n- Avant\u{a0}: Préfecture, TOULON (83) — Audit interne réalisé en amont d'un audit initial — 18/11/2019\n- Après\u{a0}: Préfecture, TOULON (83) — Audit interne réalisé en amont d'un audit initial — 18/11/2019\n- Référentiels différents qual-e-pref-2019 → qual-e-pref-2019-bis\u{a0}: seuls les engagements communs (même numéro, même module, même intitulé) sont comparés\n- Engagements non comparés\u{a0}: 5\n"
    ), "{text}");
}

#[test]
fn the_three_formats_say_the_same_changes() {
    let (before, mut after) = (toulon(), variant());
    let e10 = after.assessment_mut(n(10)).unwrap();
    e10.observations[0].text = "Taux <bas> | *lundi*\nmatin".to_owned();
    let r = Referentiel::qual_e_pref_2019();
    let c = compare(&valid(&before, r), &valid(&after, r));
    let text = c.to_text(Language::Fr);
    assert!(
        text.contains(
            "- engagement 10\u{a0}: nouvelle — «\u{a0}Taux <bas> | *lundi*\nmatin\u{a0}»\n"
        )
    );
    let md = c.to_markdown(Language::Fr);
    assert!(md.starts_with("# Comparaison de deux audits\n\n## Périmètre et avis\n\n- "));
    assert!(md.contains(
        "- engagement 10\u{a0}: nouvelle — «\u{a0}Taux \\<bas\\> \\| \\*lundi\\*<br>matin\u{a0}»\n"
    ));
    assert!(md.ends_with("sur le site internet.\u{a0}»\n") && !md.ends_with("\n\n"));
    let html = c.to_html(Language::Fr);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">\n"));
    assert!(html.contains("<title>Comparaison de deux audits</title>"));
    assert!(html.contains("<main>\n<h1>Comparaison de deux audits</h1>\n<section>\n<h2>Périmètre et avis</h2>\n<ul>\n<li>"));
    assert!(
        html.contains(
            "<li>engagement 10\u{a0}: nouvelle — «\u{a0}Taux &lt;bas&gt; | *lundi*<br>matin\u{a0}»</li>\n"
        )
    );
    assert!(html.ends_with("</ul>\n</section>\n</main>\n</body>\n</html>\n"));
}

#[test]
fn two_sites_and_reversed_dates_are_named_in_every_format() {
    let before = toulon();
    let mut after = toulon();
    after.site = qualepref::Site::new(
        qualepref::AdministrationType::Prefecture,
        "06".parse().unwrap(),
        "NICE",
    );
    after.dates =
        qualepref::AuditDates::day(qualepref::NaiveDate::from_ymd_opt(2019, 1, 7).unwrap());
    for auditor in &mut after.auditors {
        auditor.signed_on = None;
    }
    let r = Referentiel::qual_e_pref_2019();
    let c = compare(&valid(&before, r), &valid(&after, r));
    assert!(!c.same_site);
    assert_eq!(c.audits.0.site.city, "TOULON");
    assert_eq!(c.audits.1.site.city, "NICE");
    let text = c.to_text(Language::Fr);
    for expected in [
        "- Avant\u{a0}: Préfecture, TOULON (83) — Audit interne réalisé en amont d'un audit initial — 18/11/2019\n",
        "- Après\u{a0}: Préfecture, NICE (06) — Audit interne réalisé en amont d'un audit initial — 07/01/2019\n",
        "- Attention\u{a0}: les deux audits portent sur deux sites différents.\n",
        "- Attention\u{a0}: l'audit «\u{a0}après\u{a0}» commence avant l'audit «\u{a0}avant\u{a0}».\n",
    ] {
        assert!(text.contains(expected), "{expected} not in\n{text}");
    }
    let md = c.to_markdown(Language::En);
    assert!(md.contains("Before: Prefecture, TOULON (83)"), "{md}");
    assert!(md.contains("After: Prefecture, NICE (06)"), "{md}");
    assert!(
        md.contains("Warning: the two audits are of two different sites."),
        "{md}"
    );
    let html = c.to_html(Language::Fr);
    assert!(
        html.contains("NICE (06)") && html.contains("TOULON (83)"),
        "{html}"
    );
    let json: serde_json::Value = serde_json::to_value(&c).unwrap();
    assert_eq!(json["same_site"], false);
    assert_eq!(json["audits"][1]["site"]["city"], "NICE");
    // The same site, dates in order: no warning.
    let c = compare(&valid(&before, r), &valid(&before, r));
    assert!(c.same_site);
    assert!(!c.to_text(Language::Fr).contains("Attention"));
}

/// An internal audit's outcome is labelled indicative; an external one's is not.
#[test]
fn an_internal_audits_outcome_is_labelled_indicative() {
    let before = toulon();
    let mut after = toulon();
    after.kind.internal = false;
    let r = Referentiel::qual_e_pref_2019();
    let c = compare(&valid(&before, r), &valid(&after, r));
    let fr = c.to_text(Language::Fr);
    assert!(
        fr.contains("\n- Avis\u{a0}: avis favorable (indicatif) → avis favorable\n"),
        "{fr}"
    );
    let en = c.to_text(Language::En);
    assert!(
        en.contains(": favourable (indicative) → favourable\n"),
        "{en}"
    );
    let c = compare(&valid(&after, r), &valid(&after, r));
    assert!(!c.to_text(Language::Fr).contains("indicatif"));
}

#[test]
fn a_renamed_referentiel_with_the_same_engagements_is_another_referentiel() {
    let text = Referentiel::qual_e_pref_2019_json().replacen(
        "\"id\": \"qual-e-pref-2019\"",
        "\"id\": \"qual-e-pref-2019-bis\"",
        1,
    );
    let other = Referentiel::from_json_str(&text).unwrap();
    let before = toulon();
    let mut after = toulon();
    after.referentiel.id = other.id().to_owned();
    let c = compare(
        &valid(&before, Referentiel::qual_e_pref_2019()),
        &valid(&after, &other),
    );
    // Every engagement is shared, but the référentiels are two.
    assert!(!c.scope.same_referentiel);
    assert!(c.scope.excluded.is_empty());
    assert_eq!(c.engagements.len(), 23);
}

#[test]
fn every_change_has_its_label_in_both_languages() {
    let labels: Vec<_> = [
        Change::Improved,
        Change::Regressed,
        Change::Unchanged,
        Change::Applicability,
        Change::NewlyAssessed,
        Change::NoLongerAssessed,
    ]
    .into_iter()
    .map(|c| (c.label_fr(), c.label_en()))
    .collect();
    assert_eq!(
        labels,
        [
            ("amélioré", "improved"),
            ("dégradé", "regressed"),
            ("inchangé", "unchanged"),
            ("applicabilité modifiée", "applicability changed"),
            ("nouvellement évalué", "newly assessed"),
            ("plus évalué", "no longer assessed"),
        ]
    );
}

#[test]
fn several_new_texts_on_one_engagement_are_each_quoted_and_separated() {
    let (before, mut after) = (toulon(), variant());
    let e10 = after.assessment_mut(n(10)).unwrap();
    e10.observations.push(Observation {
        kind: ObservationKind::AreaOfConcern,
        text: "Messagerie saturée le vendredi.".to_owned(),
        risk: Some("Appels perdus.".to_owned()),
    });
    let r = Referentiel::qual_e_pref_2019();
    let c = compare(&valid(&before, r), &valid(&after, r));
    let fr = c.to_text(Language::Fr);
    assert!(
        fr.contains(
            "- engagement 10\u{a0}: nouvelle — «\u{a0}Taux de décroché en baisse le lundi \
             matin.\u{a0}»\u{202f}; «\u{a0}Messagerie saturée le vendredi.\u{a0}»\n"
        ),
        "{fr}"
    );
    let en = c.to_text(Language::En);
    assert!(
        en.contains(
            "- engagement 10: new — \"Taux de décroché en baisse le lundi matin.\"; \"Messagerie \
             saturée le vendredi.\"\n"
        ),
        "{en}"
    );
}

#[test]
fn a_persistent_nonconformity_is_listed_when_its_grade_changes_only() {
    let before = variant();
    let r = Referentiel::qual_e_pref_2019();
    // The same NC min on 17 after: persistent, unchanged, not listed.
    let c = compare(&valid(&before, r), &valid(&variant(), r));
    assert_eq!(c.nonconformities.len(), 1);
    assert_eq!(c.nonconformities[0].status, NcStatus::Persistent);
    let text = c.to_text(Language::En);
    assert!(!text.contains("engagement 17: NC min"), "{text}");
    // NC min → NC Maj: still persistent, and listed with both grades.
    let mut after = variant();
    after.assessment_mut(n(17)).unwrap().verdict = Some(Verdict::MajorNonconformity);
    after.ecarts[0].grade = NcGrade::Major;
    let c = compare(&valid(&before, r), &valid(&after, r));
    assert_eq!(c.nonconformities[0].status, NcStatus::Persistent);
    let text = c.to_text(Language::En);
    assert!(
        text.contains("- engagement 17: NC min → NC Maj (persistent, grade changed)\n"),
        "{text}"
    );
}
