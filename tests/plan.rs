//! The corrective-action plan: actions from the decision's écarts, due dates (the fiche's or the
//! policy's per grade), where each stands at a date, the points sensibles as preventive actions,
//! and each output format.

use qualepref::plan::{Plan, PlanAction, PlanTotals, Standing};
use qualepref::{
    ActionStatus, Audit, DueSource, EcartTarget, EngagementNumber, FicheEcart, Language, NaiveDate,
    NcGrade, Observation, Policy, Referentiel, RuleCode, Valid, ValidationOptions, Verdict,
    samples,
};

mod common;

fn toulon() -> Audit {
    Audit::from_json_str(samples::TOULON_2019_JSON).unwrap()
}

fn e(n: u16) -> EngagementNumber {
    EngagementNumber::new(n).unwrap()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Toulon (last day 18/11/2019) with an NC min on engagement 17 and its fiche: action, leader,
/// due 28/02/2020, in progress. The data of the fiche is synthetic.
fn with_minor() -> Audit {
    let mut audit = toulon();
    audit.assess(e(17), Verdict::MinorNonconformity).unwrap();
    audit.ecarts.push(
        FicheEcart::new(
            EcartTarget::Engagement(e(17)),
            NcGrade::Minor,
            "Délai de réponse aux courriers non tenu (constat synthétique)",
        )
        .with_requirement("Répondre dans le délai annoncé")
        .with_corrective_action("Tableau de suivi des courriers")
        .with_leader("Chef du bureau du courrier")
        .with_due(date("2020-02-28"))
        .with_status(ActionStatus::InProgress),
    );
    audit
}

/// `with_minor`, plus an NC Maj on engagement 9 whose fiche sets no due date.
fn with_major() -> Audit {
    let mut audit = with_minor();
    audit.assess(e(9), Verdict::MajorNonconformity).unwrap();
    audit.ecarts.push(FicheEcart::new(
        EcartTarget::Engagement(e(9)),
        NcGrade::Major,
        "Message d'attente erroné | « constat synthétique » <b>",
    ));
    audit
}

#[track_caller]
fn valid(audit: &Audit) -> Valid<'_> {
    Valid::new(
        audit,
        Referentiel::qual_e_pref_2019(),
        &ValidationOptions::default(),
    )
    .unwrap_or_else(|report| panic!("invalid audit:\n{report}"))
}

#[track_caller]
fn plan_at(audit: &Audit, at: &str) -> Plan {
    Plan::build(&[valid(audit)], &Policy::default(), date(at))
}

#[track_caller]
fn action(plan: &Plan, n: u16) -> &PlanAction {
    plan.actions
        .iter()
        .find(|a| a.target == EcartTarget::Engagement(e(n)))
        .unwrap()
}

#[test]
fn toulon_has_no_corrective_action_and_says_so() {
    let plan = plan_at(&toulon(), "2020-01-15");
    assert!(plan.actions.is_empty());
    assert!(plan.preventive.is_empty());
    assert_eq!(plan.totals, PlanTotals::default());
    let text = plan.to_text(Language::Fr);
    assert!(
        text.contains(
            "\nAucune action corrective\u{a0}: les audits n'ont relevé aucune non-conformité.\n"
        ),
        "{text}"
    );
    assert!(text.starts_with("PLAN D'ACTIONS CORRECTIVES AU 15/01/2020\n"));
    assert!(
        plan.to_text(Language::En)
            .contains("No corrective action: the audits found no nonconformity.")
    );
}

#[test]
fn a_minor_nonconformity_is_open_then_due_soon_then_overdue() {
    let audit = with_minor();
    // Due 28/02/2020: 44 days ahead on 15/01, 18 days on 10/02, 2 days late on 01/03.
    for (at, standing, days) in [
        ("2020-01-15", Standing::Open, 44),
        ("2020-02-10", Standing::DueSoon, 18),
        ("2020-02-28", Standing::DueSoon, 0),
        ("2020-03-01", Standing::Overdue, -2),
    ] {
        let plan = plan_at(&audit, at);
        let a = action(&plan, 17);
        assert_eq!((a.standing, a.days_left), (standing, Some(days)), "{at}");
        assert_eq!(plan.totals.open, 1);
        assert_eq!(
            plan.totals.overdue,
            u32::from(standing == Standing::Overdue)
        );
        assert_eq!(
            plan.totals.due_soon,
            u32::from(standing == Standing::DueSoon)
        );
    }
    let plan = plan_at(&audit, "2020-03-01");
    let a = action(&plan, 17);
    assert_eq!(a.due, Some(date("2020-02-28")));
    assert_eq!(a.due_source, DueSource::Fiche);
    assert_eq!(a.leader.as_deref(), Some("Chef du bureau du courrier"));
    assert_eq!(a.action.as_deref(), Some("Tableau de suivi des courriers"));
    assert_eq!(a.status, ActionStatus::InProgress);
    assert_eq!(a.site, "PREFECTURE du Var");
    assert_eq!(
        a.title,
        "Nous vous répondons dans un délai annoncé et maîtrisé"
    );
}

#[test]
fn a_major_nonconformity_without_due_date_is_due_one_month_after_the_audit() {
    let plan = plan_at(&with_major(), "2019-12-01");
    let a = action(&plan, 9);
    assert_eq!(a.due, Some(date("2019-12-18")));
    assert_eq!(a.due_source, DueSource::Policy);
    assert_eq!(a.standing, Standing::DueSoon);
    assert_eq!(a.leader, None);
    let text = plan.to_text(Language::Fr);
    assert!(
        text.contains(
            "  Échéance\u{a0}: 18/12/2019 (politique\u{a0}: 1\u{a0}mois après la fin de l'audit) — dans 17\u{a0}jours\n"
        ),
        "{text}"
    );
    // The policy sets it: two months for NC Maj.
    let policy = Policy::default().with_major_deadline_months(2).unwrap();
    let plan = Plan::build(&[valid(&with_major())], &policy, date("2019-12-01"));
    assert_eq!(action(&plan, 9).due, Some(date("2020-01-18")));
    assert_eq!(plan.policy.major_deadline_months, 2);
}

#[test]
fn a_nonconformity_without_fiche_is_still_an_action() {
    let mut audit = toulon();
    audit.assess(e(9), Verdict::MajorNonconformity).unwrap();
    let mut options = ValidationOptions::default();
    options
        .overrides
        .insert(RuleCode::NonconformityWithoutFiche, None);
    let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &options).unwrap();
    let plan = Plan::build(&[valid], &Policy::default(), date("2020-01-15"));
    let a = action(&plan, 9);
    assert!(!a.has_fiche);
    assert_eq!(
        (a.due, a.standing),
        (Some(date("2019-12-18")), Standing::Overdue)
    );
    assert_eq!(a.status, ActionStatus::Open);
    assert!(plan.to_text(Language::Fr).contains("(sans fiche d'écart)"));
}

#[test]
fn a_lifted_action_is_closed_from_the_day_it_was_lifted() {
    let mut audit = with_minor();
    audit.ecarts[0].status = ActionStatus::Lifted {
        on: date("2020-03-10"),
        evidence: "Registre du courrier à jour (preuve synthétique)".to_owned(),
    };
    let before = plan_at(&audit, "2020-03-05");
    assert_eq!(action(&before, 17).standing, Standing::Overdue);
    // At a date before the lifting, the state of that date comes first.
    assert!(before.to_text(Language::Fr).contains(
        "  État\u{a0}: ouverte à cette date\u{202f}; par la suite levée le 10/03/2020 — Preuve\u{a0}: Registre"
    ));
    assert!(
        before.to_text(Language::En).contains(
            "  State: open at that date; later lifted on 2020-03-10 — Evidence: Registre"
        )
    );
    let after = plan_at(&audit, "2020-03-10");
    let a = action(&after, 17);
    assert_eq!((a.standing, a.days_left), (Standing::Lifted, None));
    assert_eq!((after.totals.open, after.totals.lifted), (0, 1));
    assert!(after.to_text(Language::Fr).contains(
        "  État\u{a0}: levée le 10/03/2020 — Preuve\u{a0}: Registre du courrier à jour (preuve synthétique)\n"
    ));
    // Checked and not lifted: still to do, overdue once past its date.
    audit.ecarts[0].status = ActionStatus::NotLifted {
        on: date("2020-03-10"),
        reason: "Retards persistants".to_owned(),
    };
    let plan = plan_at(&audit, "2020-03-12");
    assert_eq!(action(&plan, 17).standing, Standing::Overdue);
    assert_eq!(plan.totals.lifted, 0);
    assert!(
        plan.to_text(Language::Fr)
            .contains("  État\u{a0}: non levée le 10/03/2020 — Motif\u{a0}: Retards persistants\n")
    );
}

#[test]
fn actions_are_sorted_overdue_then_open_by_due_date_then_lifted() {
    let mut audit = with_major();
    audit.assess(e(5), Verdict::MinorNonconformity).unwrap();
    audit.ecarts.push(
        FicheEcart::new(EcartTarget::Engagement(e(5)), NcGrade::Minor, "Constat")
            .with_due(date("2020-01-05"))
            .with_status(ActionStatus::Lifted {
                on: date("2020-01-02"),
                evidence: String::new(),
            }),
    );
    audit.assess(e(3), Verdict::MinorNonconformity).unwrap();
    audit.ecarts.push(
        FicheEcart::new(EcartTarget::Engagement(e(3)), NcGrade::Minor, "Constat")
            .with_due(date("2020-06-30")),
    );
    // Due before 5 but lifted after it: the lifted ones go by the day they were lifted.
    audit.assess(e(4), Verdict::MinorNonconformity).unwrap();
    audit.ecarts.push(
        FicheEcart::new(EcartTarget::Engagement(e(4)), NcGrade::Minor, "Constat")
            .with_due(date("2019-12-31"))
            .with_status(ActionStatus::Lifted {
                on: date("2020-01-08"),
                evidence: "Preuve synthétique".to_owned(),
            }),
    );
    // At 10/01/2020: 9 overdue (18/12/2019), 17 open (28/02/2020), 3 open (30/06/2020), 5
    // lifted on 02/01/2020, 4 lifted on 08/01/2020.
    let plan = plan_at(&audit, "2020-01-10");
    let order: Vec<_> = plan
        .actions
        .iter()
        .map(|a| (a.target, a.standing))
        .collect();
    let t = |n| EcartTarget::Engagement(e(n));
    assert_eq!(
        order,
        [
            (t(9), Standing::Overdue),
            (t(17), Standing::Open),
            (t(3), Standing::Open),
            (t(5), Standing::Lifted),
            (t(4), Standing::Lifted),
        ]
    );
    assert_eq!(
        (
            plan.totals.actions,
            plan.totals.open,
            plan.totals.overdue,
            plan.totals.lifted
        ),
        (5, 3, 1, 2)
    );
}

#[test]
fn points_sensibles_are_preventive_actions_with_their_risk() {
    let mut audit = with_minor();
    audit
        .assessment_mut(e(3))
        .unwrap()
        .observations
        .push(Observation::area_of_concern(
            "Affichage des horaires peu lisible (synthétique)",
            "Usagers mal informés",
        ));
    let plan = plan_at(&audit, "2020-01-15");
    assert_eq!(plan.preventive.len(), 1);
    assert_eq!(plan.totals.preventive, 1);
    assert_eq!(plan.totals.actions, 1);
    let p = &plan.preventive[0];
    assert_eq!(p.risk.as_deref(), Some("Usagers mal informés"));
    let text = plan.to_text(Language::Fr);
    assert!(
        text.contains("  Point sensible\u{a0}: Affichage des horaires peu lisible (synthétique)\n  Risque\u{a0}: Usagers mal informés\n"),
        "{text}"
    );
}

#[test]
fn several_audits_give_one_plan_naming_each_audit() {
    let first = with_minor();
    let mut second = with_major();
    second.site.name = Some("PREFECTURE synthétique".to_owned());
    let plan = Plan::build(
        &[valid(&first), valid(&second)],
        &Policy::default(),
        date("2020-01-15"),
    );
    assert_eq!(plan.audits.len(), 2);
    assert_eq!(plan.totals.actions, 3);
    assert_eq!(plan.actions[0].site, "PREFECTURE synthétique");
    assert_eq!(plan.actions[0].audit, 1);
    let md = plan.to_markdown(Language::Fr);
    assert!(md.contains(
        "| Gravité | Objet | Constat | Action corrective | Pilote | Échéance | État | Audit |"
    ));
    // Each action names its audit: the site and the audit's first day.
    assert!(
        md.contains(" | PREFECTURE synthétique, audit du 18/11/2019 |\n"),
        "{md}"
    );
}

#[test]
fn french_text_puts_no_break_spaces_before_colons_and_inside_quotes() {
    let plan = plan_at(&with_major(), "2020-01-15");
    let text = plan.to_text(Language::Fr);
    assert!(text.contains("«\u{a0}Nous vous répondons dans un délai annoncé et maîtrisé\u{a0}»"));
    // The generated text: without the data (titles and findings are verbatim).
    let mut generated = text.clone();
    for a in &plan.actions {
        generated = generated.replace(&a.title, "").replace(&a.finding, "");
    }
    for (i, c) in generated.char_indices() {
        if matches!(c, ':' | ';' | '!' | '?' | '»') {
            let before = generated[..i].chars().next_back();
            // A narrow no-break space before « ; ! ? », a no-break space before « : » and « ».
            let space = if matches!(c, ';' | '!' | '?') {
                '\u{202f}'
            } else {
                '\u{a0}'
            };
            assert_eq!(before, Some(space), "before {c:?} at {i} in {generated}");
        }
        if c == '«' {
            let after = generated[i + c.len_utf8()..].chars().next();
            assert_eq!(after, Some('\u{a0}'), "after « at {i} in {generated}");
        }
    }
}

#[test]
fn markdown_and_html_escape_every_text() {
    let plan = plan_at(&with_major(), "2020-01-15");
    let md = plan.to_markdown(Language::Fr);
    assert!(md.starts_with("# Plan d'actions correctives au 15/01/2020\n"));
    assert!(md.contains("## En retard\n"));
    assert!(
        md.contains("| Message d'attente erroné \\| « constat synthétique » \\<b\\> |"),
        "{md}"
    );
    let html = plan.to_html(Language::Fr);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(
        html.contains("<td>Message d&#39;attente erroné | « constat synthétique » &lt;b&gt;</td>")
    );
    assert!(!html.contains("<b>"));
    assert!(html.contains("<tr class=\"overdue\"><td>NC Maj</td>"));
}

#[test]
fn the_json_contract_round_trips() {
    let plan = plan_at(&with_major(), "2020-01-15");
    let json = plan.to_json_string().unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format_version"], 1);
    assert_eq!(value["at"], "2020-01-15");
    assert_eq!(value["due_soon_days"], 30);
    assert_eq!(value["policy"]["major_deadline_months"], 1);
    assert_eq!(value["totals"]["overdue"], 1);
    assert_eq!(value["actions"][0]["target"]["engagement"], 9);
    assert_eq!(value["actions"][0]["standing"], "overdue");
    assert_eq!(value["actions"][0]["due_source"], "policy");
    assert_eq!(value["actions"][0]["days_left"], -28);
    assert_eq!(value["actions"][1]["status"]["state"], "in_progress");
    assert_eq!(value["audits"][0]["kind"]["internal"], true);
    let back: Plan = serde_json::from_str(&json).unwrap();
    assert_eq!(back, plan);
}

#[cfg(feature = "csv")]
#[test]
fn the_csv_table_reads_back_with_a_csv_reader() {
    use qualepref::plan::CSV_COLUMNS;
    let mut audit = with_major();
    audit.ecarts[0].status = ActionStatus::NotLifted {
        on: date("2020-01-10"),
        reason: "Retards; encore \"12\" courriers\nsur 40".to_owned(),
    };
    let plan = plan_at(&audit, "2020-01-15");
    let table = plan.to_csv();
    assert!(table.starts_with('\u{feff}'));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(table.trim_start_matches('\u{feff}').as_bytes());
    let head: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(head, CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), plan.actions.len());
    let col = |row: &csv::StringRecord, name: &str| {
        let i = CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
        row.get(i).unwrap().to_owned()
    };
    for (row, a) in rows.iter().zip(&plan.actions) {
        assert_eq!(col(row, "kind"), "corrective");
        assert_eq!(col(row, "grade"), a.grade.code());
        assert_eq!(col(row, "standing"), a.standing.code());
        assert_eq!(col(row, "finding"), a.finding);
        assert_eq!(col(row, "state_note"), a.status.note());
        assert_eq!(
            col(row, "due"),
            a.due.map(|d| d.to_string()).unwrap_or_default()
        );
    }
    let seventeen = rows.iter().find(|r| col(r, "target") == "17").unwrap();
    assert_eq!(col(seventeen, "state"), "not_lifted");
    assert_eq!(col(seventeen, "state_on"), "2020-01-10");
    assert_eq!(col(seventeen, "leader"), "Chef du bureau du courrier");
    assert_eq!(col(seventeen, "audit_type"), "initial");
    assert_eq!(col(seventeen, "internal"), "true");
}

/// An audit that starts after the plan's date had not found its nonconformities yet: it is
/// listed, marked, and gives no action nor preventive action.
#[test]
fn an_audit_after_the_date_gives_no_action() {
    let audit = with_minor();
    let plan = plan_at(&audit, "2019-11-17");
    assert!(plan.audits[0].after_date);
    assert!(plan.actions.is_empty() && plan.preventive.is_empty());
    assert_eq!(plan.totals.actions, 0);
    assert!(
        plan.to_text(Language::Fr)
            .contains(", dernier jour le 18/11/2019 (après la date du plan\u{a0}: non compté)\n")
    );
    // From its first day on, its actions count.
    let plan = plan_at(&audit, "2019-11-18");
    assert!(!plan.audits[0].after_date);
    assert_eq!(plan.totals.actions, 1);
}

/// A plan of two audits of the site (so every output names the site of each action) at a date
/// where one action is overdue, one due soon and one lifted, with a point sensible, in every
/// output, pinned: `UPDATE_SNAPSHOTS=1` rewrites them, for review. Texts hold what each format
/// escapes: `;`, quotes, a pipe, `<b>`, a leading blank.
#[test]
fn plan_snapshots() {
    let mut first = with_major();
    first.ecarts[0].leader = Some(" Chef du bureau; « courrier »".to_owned());
    let mut second = with_minor();
    second.dates = qualepref::AuditDates::day(date("2020-01-07"));
    for auditor in &mut second.auditors {
        auditor.signed_on = Some(date("2020-01-07"));
    }
    second.ecarts[0].due = Some(date("2020-02-07"));
    second.ecarts[0].leader = Some("Chef du bureau du courrier ".to_owned());
    second.ecarts[0].status = ActionStatus::Lifted {
        on: date("2020-01-10"),
        evidence: "Registre \"courrier\" à jour (preuve synthétique)".to_owned(),
    };
    second
        .assessments
        .iter_mut()
        .find(|a| a.engagement == e(3))
        .unwrap()
        .observations
        .push(Observation {
            kind: qualepref::ObservationKind::AreaOfConcern,
            text: "Point sensible synthétique".to_owned(),
            risk: Some("Risque synthétique".to_owned()),
        });
    let plan = Plan::build(
        &[valid(&first), valid(&second)],
        &Policy::default(),
        date("2020-01-15"),
    );
    assert_eq!(
        (
            plan.totals.overdue,
            plan.totals.lifted,
            plan.totals.preventive
        ),
        (1, 1, 1)
    );
    common::check_snapshot("plan.fr.txt", &plan.to_text(Language::Fr));
    common::check_snapshot("plan.en.md", &plan.to_markdown(Language::En));
    common::check_snapshot("plan.fr.html", &plan.to_html(Language::Fr));
    common::check_snapshot("plan.csv", &plan.to_csv());
    common::check_snapshot("plan.json", &plan.to_json_string().unwrap());
}

/// A plan of one audit names no audit beside its actions: no column, no suffix.
#[test]
fn a_plan_of_one_audit_names_no_audit_beside_its_actions() {
    let mut audit = with_major();
    audit
        .assessments
        .iter_mut()
        .find(|a| a.engagement == e(3))
        .unwrap()
        .observations
        .push(Observation {
            kind: qualepref::ObservationKind::AreaOfConcern,
            text: "Point sensible synthétique".to_owned(),
            risk: None,
        });
    let plan = plan_at(&audit, "2020-01-15");
    assert!(!plan.to_markdown(Language::Fr).contains("| Audit |"));
    assert!(!plan.to_html(Language::Fr).contains("<th>Audit</th>"));
    let text = plan.to_text(Language::Fr);
    assert!(!text.contains(", audit du "), "{text}");
    assert!(text.contains("- Engagement 3 «\u{a0}A votre écoute pour progresser\u{a0}»\n"));
}
