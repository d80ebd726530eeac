//! A site's dossier: the ledger of the real Toulon audit and of the bundled sequence, entries
//! settled by later audits, due dates of internal audits, the state at a date, the dossier's
//! rules, the kept plan merged back, and the property that the plan and the history agree.

use qualepref::dossier::{
    ActionRecord, CheckResult, Dossier, DossierOptions, FindingKind, FollowUp, OriginKind,
    RecordIssue, RecordState, Standing,
};
use qualepref::{
    Audit, AuditDates, AuditKind, AuditType, CyclePolicy, DueSource, EcartTarget, EngagementNumber,
    FicheEcart, HistoryCode, LabelState, LabellingDecision, NaiveDate, NcGrade, Referentiel,
    Source, Verdict, samples,
};

const DIR: &str = "examples/data/history";
const INTERNAL: &str = "2019-11-18-toulon-interne.json";
const INITIAL: &str = "2020-02-18-toulon-initial-synthetique.json";
const SUIVI: &str = "2021-09-14-toulon-suivi-synthetique.json";

#[track_caller]
fn audit(name: &str) -> Audit {
    let path = format!("{}/{DIR}/{name}", env!("CARGO_MANIFEST_DIR"));
    match Audit::from_path(&path) {
        Ok(a) => a,
        Err(e) => panic!("{path}: {e}"),
    }
}

#[track_caller]
fn day(text: &str) -> NaiveDate {
    match text.parse() {
        Ok(d) => d,
        Err(e) => panic!("{text}: {e}"),
    }
}

#[track_caller]
fn n(number: u16) -> EngagementNumber {
    match EngagementNumber::try_from(number) {
        Ok(n) => n,
        Err(e) => panic!("{e}"),
    }
}

fn toulon() -> Audit {
    match Audit::from_json_str(samples::TOULON_2019_JSON) {
        Ok(a) => a,
        Err(e) => panic!("{e}"),
    }
}

fn dossier(audits: Vec<Audit>) -> Dossier {
    Dossier::new(
        audits,
        Referentiel::qual_e_pref_2019(),
        &DossierOptions::default(),
    )
}

fn codes(dossier: &Dossier) -> Vec<HistoryCode> {
    dossier.diagnostics().iter().map(|d| d.code).collect()
}

/// The real Toulon internal audit with an `NC min` on engagement 17 and its fiche n°1.
fn internal_with_nc_on_17() -> Audit {
    let mut a = toulon();
    match a.assess(n(17), Verdict::MinorNonconformity) {
        Ok(_) => {}
        Err(e) => panic!("{e}"),
    }
    let mut fiche = FicheEcart::new(
        EcartTarget::Engagement(n(17)),
        NcGrade::Minor,
        "Courriers traités au-delà du délai annoncé",
    )
    .with_leader("Chef du bureau du courrier");
    fiche.number = Some(1);
    a.ecarts.push(fiche);
    a
}

/// An external initial audit of Toulon on `date`, engagement 17 conforming.
fn external_initial(date: &str) -> Audit {
    let mut a = toulon();
    a.kind = AuditKind::external(AuditType::Initial);
    a.dates = AuditDates::day(day(date));
    for auditor in &mut a.auditors {
        auditor.signed_on = Some(day(date));
    }
    a
}

#[test]
fn the_toulon_ledger_holds_its_four_pistes_de_progres() {
    let d = dossier(vec![toulon()]);
    assert!(d.diagnostics().is_empty(), "{:?}", d.diagnostics());
    let entries = d.entries();
    assert_eq!(entries.len(), 4);
    assert!(
        entries
            .iter()
            .all(|e| e.kind == FindingKind::OpportunityForImprovement)
    );
    assert_eq!(
        entries.iter().map(|e| e.number).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    assert!(
        entries
            .iter()
            .all(|e| e.origin.kind == OriginKind::InternalAudit
                && e.origin.date == Some(day("2019-11-18")))
    );
    // The piste de progrès of the remote check of engagement 3 on the Internet is one of them.
    assert!(
        entries.iter().any(
            |e| matches!(e.source, Some(Source::Remote { engagement, .. }) if engagement == n(3))
        ),
        "{entries:#?}"
    );
    let at = day("2022-01-01");
    assert_eq!(d.open_at(at).count(), 4);
    for e in entries {
        let state = e.state_at(at);
        assert_eq!(state.follow_up, FollowUp::Pending);
        assert_eq!(state.standing, Standing::Open);
        assert_eq!(state.days_left, None);
    }
    // Before the audit, nothing was known.
    assert_eq!(d.entries_at(day("2019-11-17")).count(), 0);
}

#[test]
fn an_internal_nc_found_conforming_at_the_external_audit_is_lifted_not_overdue() {
    let d = dossier(vec![
        internal_with_nc_on_17(),
        external_initial("2020-05-04"),
    ]);
    let nc = match d
        .entries()
        .iter()
        .find(|e| e.kind == FindingKind::MinorNonconformity)
    {
        Some(e) => e,
        None => panic!("no NC entry: {:#?}", d.entries()),
    };
    // The fiche's number survives; the écart is due before the external audit, not 3 months
    // after the internal one.
    assert_eq!(nc.origin.fiche, Some(1));
    assert_eq!(nc.due, Some(day("2020-05-03")));
    assert_eq!(nc.due_source, Some(DueSource::ExternalAudit));
    assert_eq!(nc.leader.as_deref(), Some("Chef du bureau du courrier"));
    assert_eq!(nc.checks.len(), 1);
    assert_eq!(nc.checks[0].result, CheckResult::Conforming);
    let after = nc.state_at(day("2020-10-15"));
    assert_eq!(after.follow_up, FollowUp::Lifted);
    assert_eq!(after.standing, Standing::Done);
    assert_eq!(after.since, Some(day("2020-05-04")));
    assert_eq!(d.overdue_at(day("2020-10-15")).count(), 0);
    // Before the external audit it was open, then due soon.
    assert_eq!(nc.state_at(day("2020-01-15")).standing, Standing::Open);
    assert_eq!(nc.state_at(day("2020-04-15")).standing, Standing::DueSoon);
    // What came later is listed apart from the state at the date.
    assert_eq!(
        nc.later_than(day("2020-04-15")),
        [(day("2020-05-04"), FollowUp::Lifted, Some(1))]
    );
    assert!(
        !codes(&d).contains(&HistoryCode::OverdueAction),
        "{:?}",
        d.diagnostics()
    );
}

#[test]
fn without_a_planned_date_the_policy_or_the_option_gives_the_due_date() {
    // Alone, the internal audit's écart falls under the policy (3 months).
    let d = dossier(vec![internal_with_nc_on_17()]);
    let nc = &d.entries()[0];
    assert_eq!(nc.kind, FindingKind::MinorNonconformity);
    assert_eq!(nc.due, Some(day("2020-02-18")));
    assert_eq!(nc.due_source, Some(DueSource::Policy));
    // The option names the external audit: due the day before.
    let d = Dossier::new(
        [internal_with_nc_on_17()],
        Referentiel::qual_e_pref_2019(),
        &DossierOptions::default().with_external_on(day("2020-03-10")),
    );
    assert_eq!(d.entries()[0].due, Some(day("2020-03-09")));
    // The audit's own planned date comes first.
    let mut a = internal_with_nc_on_17();
    a.kind = a.kind.external_on(day("2020-02-01"));
    let d = Dossier::new(
        [a],
        Referentiel::qual_e_pref_2019(),
        &DossierOptions::default().with_external_on(day("2020-03-10")),
    );
    assert_eq!(d.entries()[0].due, Some(day("2020-01-31")));
    assert_eq!(d.entries()[0].due_source, Some(DueSource::ExternalAudit));
}

#[test]
fn the_bundled_sequence_settles_each_entry_at_its_date() {
    let d = dossier(vec![audit(SUIVI), audit(INTERNAL), audit(INITIAL)]);
    let nc = match d.entries().iter().find(|e| e.kind.is_nonconformity()) {
        Some(e) => e,
        None => panic!("no NC"),
    };
    // The initial audit's NC min, whose fiche says « lifted on 2021-09-14 »: not lifted at
    // the end of April 2020.
    let april = nc.state_at(day("2020-04-30"));
    assert_eq!(april.follow_up, FollowUp::Pending);
    assert_eq!(april.standing, Standing::DueSoon);
    assert_eq!(april.days_left, Some(19));
    assert_eq!(nc.state_at(day("2021-12-31")).follow_up, FollowUp::Lifted);
    // The label runs from the initial audit's last day (no decision recorded).
    let status = d.status_at(day("2022-01-01"));
    assert_eq!(status.state, LabelState::Labelled);
    assert_eq!(status.label_from, Some(day("2020-02-19")));
    let next = match d.next_audit_at(day("2022-01-01")) {
        Some(next) => next,
        None => panic!("no next audit"),
    };
    assert_eq!(next.audit_type, AuditType::Renouvellement);
    assert_eq!(next.due, day("2023-02-19"));
    // Before the suivi: the suivi is next, with its window.
    let next = match d.next_audit_at(day("2021-01-01")) {
        Some(next) => next,
        None => panic!("no next audit"),
    };
    assert_eq!(next.audit_type, AuditType::Suivi);
    assert_eq!(next.due, day("2021-08-19"));
    assert_eq!(next.window_start, Some(day("2021-07-19")));
    assert_eq!(next.window_end, day("2021-09-19"));
}

#[test]
fn the_label_runs_from_the_decision_and_from_the_plan_accepted() {
    let mut initial = audit(INITIAL);
    initial.labelling =
        Some(LabellingDecision::on(day("2020-04-01")).with_plan_accepted_on(day("2020-04-20")));
    let d = dossier(vec![audit(INTERNAL), initial, audit(SUIVI)]);
    let status = d.status_at(day("2020-12-01"));
    assert_eq!(status.label_from, Some(day("2020-04-20")));
    let next = match status.next {
        Some(next) => next,
        None => panic!("no next audit"),
    };
    assert_eq!(next.due, day("2021-10-20"));
    // The plan d'actions of the initial audit is to be sent within a month of its last day,
    // a date distinct from the écart's.
    assert_eq!(d.audits()[1].plan_due, Some(day("2020-03-19")));
}

#[test]
fn history_suivi_with_labelling_audit() {
    // An initial and a suivi on the same day: the suivi is no follow-up.
    let mut suivi = external_initial("2020-05-04");
    suivi.kind = AuditKind::external(AuditType::Suivi);
    suivi.conclusion.charte_graphique = audit(SUIVI).conclusion.charte_graphique;
    let d = dossier(vec![external_initial("2020-05-04"), suivi]);
    assert!(
        codes(&d).contains(&HistoryCode::SuiviWithLabellingAudit),
        "{:?}",
        d.diagnostics()
    );
    let next = match d.next_audit_at(day("2020-06-01")) {
        Some(next) => next,
        None => panic!("no next audit"),
    };
    assert_eq!(
        next.audit_type,
        AuditType::Suivi,
        "the same-day suivi does not count"
    );
    // The bundled suivi, a year and a half later: no such diagnostic.
    let d = dossier(vec![audit(INTERNAL), audit(INITIAL), audit(SUIVI)]);
    assert!(!codes(&d).contains(&HistoryCode::SuiviWithLabellingAudit));
}

#[test]
fn history_suivi_outside_window() {
    let d = dossier(vec![audit(INTERNAL), audit(INITIAL), audit(SUIVI)]);
    assert!(
        !codes(&d).contains(&HistoryCode::SuiviOutsideWindow),
        "{:?}",
        d.diagnostics()
    );
    // With a follow-up at 12 months, the suivi of September 2021 is months late.
    let cycle = match CyclePolicy::default().with_follow_up_months(12) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let d = Dossier::new(
        [audit(INTERNAL), audit(INITIAL), audit(SUIVI)],
        Referentiel::qual_e_pref_2019(),
        &DossierOptions::default().with_cycle(cycle),
    );
    let found = d
        .diagnostics()
        .iter()
        .find(|x| x.code == HistoryCode::SuiviOutsideWindow);
    match found {
        Some(x) => {
            assert_eq!(
                x.message,
                "l'audit externe de suivi du 14/09/2021 se tient hors de sa fenêtre, du 19/01/2021 au 19/03/2021, 179\u{a0}jours après sa fermeture"
            );
            assert_eq!(
                x.message_en,
                "the external suivi audit on 2021-09-14 is held outside its window, 2021-01-19 to 2021-03-19, 179 days after it closes"
            );
        }
        None => panic!("{:?}", d.diagnostics()),
    }
}

#[test]
fn history_audit_after_date() {
    let d = dossier(vec![audit(INTERNAL), audit(INITIAL), audit(SUIVI)]);
    let at = day("2021-01-01");
    let notes: Vec<_> = d
        .diagnostics_at(at)
        .into_iter()
        .filter(|x| x.code == HistoryCode::AuditAfterDate)
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].audit, 2);
    assert!(
        notes[0]
            .message
            .contains("14/09/2021 commence après le 01/01/2021")
    );
    assert!(
        !d.diagnostics_at(day("2022-01-01"))
            .iter()
            .any(|x| x.code == HistoryCode::AuditAfterDate)
    );
}

#[test]
fn history_due_before_audit() {
    let mut initial = audit(INITIAL);
    initial.ecarts[0].due = Some(day("2019-01-15"));
    let d = dossier(vec![initial]);
    let found = d
        .diagnostics()
        .iter()
        .find(|x| x.code == HistoryCode::DueBeforeAudit);
    match found {
        Some(x) => {
            assert_eq!(x.path, "audits[0].ecarts[0]");
            assert!(x.message.contains("15/01/2019"), "{}", x.message);
        }
        None => panic!("{:?}", d.diagnostics()),
    }
    assert!(!codes(&dossier(vec![audit(INITIAL)])).contains(&HistoryCode::DueBeforeAudit));
}

#[test]
fn a_point_sensible_found_resolved_leaves_the_open_list() {
    // A PS in 2020, the suivi of 2021 assesses the engagement without it: non reconduite.
    let mut initial = audit(INITIAL);
    let ps = qualepref::Observation::area_of_concern(
        "Affichage des horaires incomplet",
        "Usagers mal informés",
    );
    match initial.assess(n(5), Verdict::Conformity) {
        Ok(a) => a.observations.push(ps),
        Err(e) => panic!("{e}"),
    }
    let d = dossier(vec![initial, audit(SUIVI)]);
    let entry = match d
        .entries()
        .iter()
        .find(|e| e.kind == FindingKind::AreaOfConcern)
    {
        Some(e) => e,
        None => panic!("no PS"),
    };
    assert_eq!(entry.risk.as_deref(), Some("Usagers mal informés"));
    assert_eq!(
        entry.state_at(day("2021-01-01")).follow_up,
        FollowUp::Pending
    );
    assert_eq!(
        entry.state_at(day("2022-06-01")).follow_up,
        FollowUp::NotRenewed
    );
    assert!(
        !d.open_at(day("2022-06-01"))
            .any(|e| e.number == entry.number)
    );
}

#[test]
fn a_finding_observed_again_is_carried_over_by_the_later_entry() {
    let mut initial = audit(INITIAL);
    let mut suivi = audit(SUIVI);
    for a in [&mut initial, &mut suivi] {
        match a.assess(n(5), Verdict::Conformity) {
            Ok(x) => x
                .observations
                .push(qualepref::Observation::opportunity_for_improvement(
                    "Signalétique",
                )),
            Err(e) => panic!("{e}"),
        }
    }
    let d = dossier(vec![initial, suivi]);
    let pps: Vec<_> = d
        .entries()
        .iter()
        .filter(|e| {
            e.kind == FindingKind::OpportunityForImprovement
                && e.source == Some(Source::Engagement(n(5)))
        })
        .collect();
    assert_eq!(pps.len(), 2);
    let at = day("2022-01-01");
    assert_eq!(pps[0].state_at(at).follow_up, FollowUp::Persistent);
    assert_eq!(pps[0].state_at(at).standing, Standing::CarriedOver);
    assert_eq!(pps[0].carried_by, Some(pps[1].number));
    assert_eq!(pps[1].state_at(at).follow_up, FollowUp::Pending);
}

#[test]
fn the_kept_plan_keeps_the_quality_managers_edits_and_numbers() {
    let mut d = dossier(vec![toulon()]);
    let keys: Vec<String> = d.entries().iter().filter_map(|e| e.key.clone()).collect();
    assert_eq!(keys.len(), 4);
    let mut edited = ActionRecord::at("Plan d'actions!A3");
    edited.number = Some(7);
    edited.key = Some(keys[1].clone());
    edited.leader = Some("Mme Dupont".into());
    edited.state = Some(RecordState::Realised);
    edited.realised_on = Some(day("2020-03-01"));
    edited.evidence = Some("Compte rendu du COPIL".into());
    edited.unread.push((
        "Plan d'actions!J3".into(),
        "Échéance".into(),
        "fin mars".into(),
    ));
    let mut added = ActionRecord::at("Plan d'actions!A9");
    added.origin = Some(OriginKind::Complaint);
    added.origin_text = Some("Réclamation".into());
    added.kind = Some(FindingKind::AreaOfConcern);
    added.finding = Some("Attente au guichet des titres".into());
    let diagnostics = d.apply_records(vec![edited, added]).to_vec();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0].issue, RecordIssue::UnreadCell);
    assert_eq!(diagnostics[0].cell, "Plan d'actions!J3");
    let e = match d.entry(7) {
        Some(e) => e,
        None => panic!("{:#?}", d.entries()),
    };
    assert_eq!(e.key.as_deref(), Some(keys[1].as_str()));
    assert_eq!(e.leader.as_deref(), Some("Mme Dupont"));
    assert!(e.comment.as_deref().is_some_and(|c| c.contains("fin mars")));
    assert_eq!(e.state_at(day("2020-02-01")).follow_up, FollowUp::Pending);
    assert_eq!(e.state_at(day("2020-04-01")).follow_up, FollowUp::Realised);
    // The others got new numbers after the highest; the row added by hand is an entry.
    let mut numbers: Vec<u32> = d.entries().iter().map(|e| e.number).collect();
    numbers.sort_unstable();
    assert_eq!(numbers, [7, 8, 9, 10, 11]);
    assert!(
        d.entries()
            .iter()
            .any(|e| e.origin.kind == OriginKind::Complaint
                && e.finding == "Attente au guichet des titres")
    );
}

mod agreement {
    //! The plan and the history agree on every entry at every date: both read the dossier.

    use super::*;
    use proptest::prelude::*;
    use qualepref::plan::Plan;
    use qualepref::{ActionStatus, History, Observation};

    /// One generated audit: days after the previous one, kind, and per engagement 5, 17, 21 a
    /// verdict (0: C, 1: NC min) and an observation (0: none, 1: PS, 2: PP); a lifted fiche.
    type Spec = (u16, u8, [(u8, u8); 3], Option<u8>);

    fn spec() -> impl Strategy<Value = Spec> {
        (
            1u16..400,
            0u8..4,
            [(0u8..2, 0u8..3), (0u8..2, 0u8..3), (0u8..2, 0u8..3)],
            proptest::option::of(0u8..60),
        )
    }

    fn build(specs: &[Spec]) -> Vec<Audit> {
        let mut day = day("2019-01-07");
        let mut out = Vec::new();
        for (gap, kind, verdicts, lifted) in specs {
            day = day + chrono::Days::new(u64::from(*gap));
            let mut a = toulon();
            a.kind = match kind {
                0 => AuditKind::internal(AuditType::Initial),
                1 => AuditKind::external(AuditType::Initial),
                2 => AuditKind::external(AuditType::Suivi),
                _ => AuditKind::internal(AuditType::Suivi),
            };
            a.dates = AuditDates::day(day);
            for auditor in &mut a.auditors {
                auditor.signed_on = Some(day);
            }
            if *kind == 2 {
                a.conclusion.charte_graphique.verdict = Some(Verdict::Conformity);
                a.conclusion.charte_graphique.text = vec!["Charte respectée (synthétique).".into()];
            }
            for (number, (verdict, observation)) in [5u16, 17, 21].into_iter().zip(verdicts) {
                let assessment = match a.assess(
                    n(number),
                    if *verdict == 1 {
                        Verdict::MinorNonconformity
                    } else {
                        Verdict::Conformity
                    },
                ) {
                    Ok(x) => x,
                    Err(e) => panic!("{e}"),
                };
                assessment
                    .observations
                    .retain(|o| o.kind == qualepref::ObservationKind::Strength);
                match observation {
                    1 => assessment.observations.push(Observation::area_of_concern(
                        "PS synthétique",
                        "Risque synthétique",
                    )),
                    2 => assessment
                        .observations
                        .push(Observation::opportunity_for_improvement("PP synthétique")),
                    _ => {}
                }
                if *verdict == 1 {
                    let mut fiche = FicheEcart::new(
                        EcartTarget::Engagement(n(number)),
                        NcGrade::Minor,
                        "Constat synthétique",
                    );
                    if let Some(after) = lifted {
                        fiche.status = ActionStatus::Lifted {
                            on: day + chrono::Days::new(u64::from(*after) + 1),
                            evidence: "Preuve synthétique".into(),
                        };
                    }
                    a.ecarts.push(fiche);
                }
            }
            out.push(a);
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn plan_and_history_give_each_entry_the_same_state(
            specs in proptest::collection::vec(spec(), 1..5),
            offsets in proptest::collection::vec(0u16..900, 1..6),
        ) {
            let audits = build(&specs);
            let referentiel = Referentiel::qual_e_pref_2019();
            let d = Dossier::new(audits, referentiel, &DossierOptions::default());
            prop_assert!(d.diagnostics().iter().all(|x| x.code != HistoryCode::InvalidAudit), "{:?}", d.diagnostics());
            let first = d.audits()[0].dates.start;
            for offset in offsets {
                let at = first + chrono::Days::new(u64::from(offset));
                let plan = Plan::build(&d, at);
                let history = History::of(&d, referentiel, Some(at));
                prop_assert_eq!(&plan.status, &history.status);
                let mut seen = 0;
                for a in &plan.actions {
                    let number = a.entry.number;
                    let in_history = history
                        .ecarts
                        .iter()
                        .find(|e| e.number == number)
                        .map(|e| e.status)
                        .or_else(|| history.observations.iter().find(|o| o.number == number).map(|o| o.status));
                    prop_assert_eq!(in_history, Some(a.follow_up), "entry {} at {}", number, at);
                    prop_assert_eq!(a.follow_up, a.entry.state_at(at).follow_up);
                    seen += 1;
                }
                prop_assert_eq!(seen, history.ecarts.len() + history.observations.len());
                // Nothing dated after `at` is shown as done at `at`.
                for a in plan.actions.iter().filter(|a| a.standing == Standing::Done) {
                    prop_assert!(a.follow_up_on.is_none_or(|on| on <= at));
                }
            }
        }
    }
}
