//! The history of one site: the bundled Toulon sequence (the real internal audit of 2019, then a
//! synthetic initial and a synthetic suivi), the order of inputs, each history rule triggering
//! and not, and the renderings.

use qualepref::history::{FollowUp, Trend};
use qualepref::{
    ActionStatus, Audit, AuditType, EcartTarget, EngagementNumber, History, HistoryCode,
    HistoryOptions, LabelState, ModuleNumber, NaiveDate, NcGrade, Outcome, Referentiel, Verdict,
};

mod common;

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

fn history(audits: Vec<Audit>) -> History {
    History::new(
        audits,
        Referentiel::qual_e_pref_2019(),
        &HistoryOptions::default(),
    )
}

fn bundled() -> Vec<Audit> {
    vec![audit(INTERNAL), audit(INITIAL), audit(SUIVI)]
}

fn codes(history: &History) -> Vec<HistoryCode> {
    history.diagnostics.iter().map(|d| d.code).collect()
}

fn two() -> ModuleNumber {
    match ModuleNumber::new(2) {
        Some(m) => m,
        None => panic!("module 2"),
    }
}

fn e17() -> EngagementNumber {
    match EngagementNumber::try_from(17) {
        Ok(n) => n,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn the_bundled_sequence_is_named_synthetic_where_invented() {
    for name in [INITIAL, SUIVI] {
        let a = audit(name);
        assert!(
            a.auditors.iter().all(|x| x.name.contains("SYNTHÉTIQUE")),
            "{name}"
        );
        assert!(
            a.context
                .history
                .iter()
                .any(|l| l.starts_with("Audit synthétique : données inventées pour les tests")),
            "{name}"
        );
    }
}

#[test]
fn timeline_of_the_bundled_sequence() {
    let h = history(bundled());
    assert!(h.diagnostics.is_empty(), "{:?}", h.diagnostics);
    let kinds: Vec<_> = h
        .audits
        .iter()
        .map(|a| (a.kind.internal, a.kind.audit_type, a.dates.start))
        .collect();
    assert_eq!(
        kinds,
        [
            (true, Some(AuditType::Initial), day("2019-11-18")),
            (false, Some(AuditType::Initial), day("2020-02-18")),
            (false, Some(AuditType::Suivi), day("2021-09-14")),
        ]
    );
    let outcomes: Vec<_> = h.audits.iter().map(|a| (a.outcome, a.indicative)).collect();
    assert_eq!(
        outcomes,
        [
            (Some(Outcome::Favorable), true),
            (Some(Outcome::FavorableWithConditions), false),
            (Some(Outcome::Favorable), false),
        ]
    );
    // 23 engagements in modules 1 and 2; one NC min in the initial audit.
    let rates: Vec<_> = h
        .audits
        .iter()
        .map(|a| a.rate.map(|r| (r.numerator(), r.denominator())))
        .collect();
    assert_eq!(rates, [Some((23, 23)), Some((22, 23)), Some((23, 23))]);
}

#[test]
fn grid_row_of_engagement_17() {
    let h = history(bundled());
    let row = h.grid.iter().find(|r| r.engagement == e17());
    let Some(row) = row else { panic!("no row 17") };
    let cells: Vec<_> = row
        .cells
        .iter()
        .map(|c| c.as_ref().map(|c| (c.verdict, c.trend)))
        .collect();
    assert_eq!(
        cells,
        [
            Some((Some(Verdict::Conformity), None)),
            Some((Some(Verdict::MinorNonconformity), Some(Trend::Regressed))),
            Some((Some(Verdict::Conformity), Some(Trend::Improved))),
        ]
    );
    // Every other row is C throughout: unchanged after the first.
    assert_eq!(h.grid.len(), 23);
}

#[test]
fn ecart_17_is_followed_from_open_to_lifted() {
    let h = history(bundled());
    assert_eq!(h.ecarts.len(), 1);
    let e = &h.ecarts[0];
    assert_eq!(e.target, EcartTarget::Engagement(e17()));
    assert_eq!((e.audit, e.next, e.grade), (1, Some(2), NcGrade::Minor));
    assert_eq!(e.path, "audits[1].ecarts[0]");
    assert_eq!(e.due, Some(day("2020-05-19")));
    assert_eq!(e.next_verdict, Some(Verdict::Conformity));
    assert_eq!(e.status, FollowUp::Lifted);
    assert!(!e.overdue);
}

#[test]
fn ecart_without_fiche_status_is_lifted_by_the_next_verdict() {
    let mut initial = audit(INITIAL);
    initial.ecarts[0].status = ActionStatus::Open;
    let h = history(vec![audit(INTERNAL), initial, audit(SUIVI)]);
    assert_eq!(h.ecarts[0].status, FollowUp::Lifted);
    // Without the suivi, nothing covers it yet.
    let mut initial = audit(INITIAL);
    initial.ecarts[0].status = ActionStatus::Open;
    let h = history(vec![initial]);
    assert_eq!(h.ecarts[0].status, FollowUp::Pending);
}

#[test]
fn observations_are_followed_to_the_next_audit() {
    let h = history(bundled());
    let of = |audit: usize, n: u16| {
        h.observations
            .iter()
            .filter(|o| {
                o.audit == audit
                    && o.source
                        == qualepref::Source::Engagement(
                            EngagementNumber::try_from(n).unwrap_or(e17()),
                        )
            })
            .map(|o| (o.kind.to_string(), o.status))
            .collect::<Vec<_>>()
    };
    // The internal audit's PP on 17 appears again at the initial audit; those on 21, 22 do not.
    assert_eq!(of(0, 17), [("PP".to_owned(), FollowUp::Persistent)]);
    assert_eq!(of(0, 21), [("PP".to_owned(), FollowUp::NotRenewed)]);
    assert_eq!(
        of(1, 17),
        [
            ("PS".to_owned(), FollowUp::NotRenewed),
            ("PP".to_owned(), FollowUp::NotRenewed)
        ]
    );
    let h = history(vec![audit(SUIVI)]);
    assert!(h.observations.is_empty());
}

#[test]
fn label_status_at_dates() {
    let h = history(bundled());
    let before = h.status_at(day("2020-01-01"));
    assert_eq!(before.state, LabelState::NotLabelled);
    assert!(before.modules.is_empty() && before.next.is_none());

    // Labelled by the initial audit's last day, 2020-02-19: 36 months, suivi due at 18.
    let late = h.status_at(day("2021-09-01"));
    assert_eq!(late.state, LabelState::Labelled);
    assert_eq!(late.labelling_audit, Some(1));
    let Some(next) = late.next else {
        panic!("no next audit")
    };
    // Due on 2021-08-19, within a window of a month on either side: not late yet.
    assert_eq!(
        (next.audit_type, next.due, next.overdue),
        (AuditType::Suivi, day("2021-08-19"), false)
    );
    assert_eq!(
        (next.window_start, next.window_end),
        (Some(day("2021-07-19")), day("2021-09-19"))
    );

    let after = h.status_at(day("2022-01-01"));
    let modules: Vec<_> = after
        .modules
        .iter()
        .map(|m| (m.module, m.since, m.until))
        .collect();
    assert_eq!(
        modules,
        [
            (ModuleNumber::ONE, day("2020-02-19"), day("2023-02-19")),
            (two(), day("2020-02-19"), day("2023-02-19")),
        ]
    );
    let Some(next) = after.next else {
        panic!("no next audit")
    };
    assert_eq!(
        (next.audit_type, next.due, next.overdue),
        (AuditType::Renouvellement, day("2023-02-19"), false)
    );

    let expired = h.status_at(day("2023-02-20"));
    assert_eq!(expired.state, LabelState::Expired);
    assert!(expired.modules.is_empty());

    // The options' date gives `status`; a shorter cycle moves the dates.
    let options = HistoryOptions::default().at(day("2022-01-01")).with_cycle(
        qualepref::CyclePolicy::default()
            .with_validity_months(24)
            .unwrap_or_default(),
    );
    let h = History::new(bundled(), Referentiel::qual_e_pref_2019(), &options);
    assert_eq!(h.status.at, day("2022-01-01"));
    assert_eq!(h.status.modules[0].until, day("2022-02-19"));
}

#[test]
fn unfavourable_external_suivi_suspends_the_label() {
    let mut suivi = audit(SUIVI);
    let _ = suivi.assess(e17(), Verdict::MajorNonconformity);
    suivi.ecarts.push(qualepref::FicheEcart::new(
        EcartTarget::Engagement(e17()),
        NcGrade::Major,
        "Synthétique : aucun courrier traité dans le délai.",
    ));
    let h = history(vec![audit(INTERNAL), audit(INITIAL), suivi]);
    assert_eq!(h.audits[2].outcome, Some(Outcome::Unfavorable));
    assert_eq!(h.status_at(day("2022-01-01")).state, LabelState::Suspended);
}

#[test]
fn any_input_order_gives_the_same_history() {
    let reference = history(bundled());
    for order in [[2, 1, 0], [1, 0, 2], [0, 2, 1], [2, 0, 1]] {
        let all = bundled();
        let audits: Vec<Audit> = order.iter().map(|&i| all[i].clone()).collect();
        assert_eq!(history(audits), reference, "{order:?}");
    }
}

#[test]
fn history_invalid_audit() {
    let mut suivi = audit(SUIVI);
    suivi.auditors.clear();
    let h = history(vec![audit(INITIAL), suivi]);
    assert_eq!(codes(&h), [HistoryCode::InvalidAudit]);
    assert!(h.has_errors());
    assert_eq!(h.audits[1].outcome, None);
    // It takes no part: the écart of the initial audit is still pending.
    assert_eq!(h.ecarts[0].next, None);
    assert!(!history(bundled()).has_errors());
}

#[test]
fn history_other_site() {
    let mut suivi = audit(SUIVI);
    suivi.site.departement = match "06".parse() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    suivi.site.city = "NICE".into();
    let h = History::with_labels(
        [
            ("a.json".to_owned(), audit(INITIAL)),
            ("nice.json".to_owned(), suivi),
        ],
        Referentiel::qual_e_pref_2019(),
        &HistoryOptions::default(),
    );
    assert_eq!(codes(&h), [HistoryCode::OtherSite]);
    assert_eq!(
        h.diagnostics[0].to_string_in(qualepref::Language::En),
        "nice.json: audits[1]: [history-other-site] error: the audit is of Préfecture NICE (06), not of Préfecture TOULON (83)"
    );
    assert_eq!(
        h.diagnostics[0].to_string(),
        "nice.json: audits[1]: [history-other-site] error: l'audit porte sur Préfecture NICE (06), non sur Préfecture TOULON (83)"
    );
    assert!(h.grid.iter().all(|r| r.cells[1].is_none()));
    // The timeline says it is left out, and gives its outcome only for the site's own audits.
    let text = h.to_text(qualepref::Language::Fr);
    assert!(
        text.contains("— modules 1, 2 — audit d'un autre site, écarté\n"),
        "{text}"
    );
    assert!(text.contains("— modules 1, 2 — avis favorable sous réserve\u{202f}; "));
    // The same city spelled otherwise is the same site.
    let mut suivi = audit(SUIVI);
    suivi.site.city = "Toulon".into();
    assert!(history(vec![audit(INITIAL), suivi]).diagnostics.is_empty());
}

#[test]
fn history_no_labelling_audit() {
    let h = history(vec![audit(INTERNAL), audit(SUIVI)]);
    assert_eq!(codes(&h), [HistoryCode::NoLabellingAudit]);
    assert_eq!(h.diagnostics[0].path, "audits[1].kind.type");
    // An internal initial audit labels nothing, an external one does.
    assert!(
        history(vec![audit(INITIAL), audit(SUIVI)])
            .diagnostics
            .is_empty()
    );
}

/// The synthetic initial audit covering module 1 only.
fn initial_module_1() -> Audit {
    let mut a = audit(INITIAL);
    a.modules = vec![ModuleNumber::ONE];
    a.assessments.retain(|x| x.module == ModuleNumber::ONE);
    a.remote_checks.retain(|x| x.module == ModuleNumber::ONE);
    a
}

fn extension(modules: Vec<ModuleNumber>) -> Audit {
    let mut a = audit(SUIVI);
    a.kind.audit_type = Some(AuditType::Extension);
    a.dates = qualepref::AuditDates::day(day("2020-10-06"));
    a.modules = modules;
    a
}

#[test]
fn history_extension_without_new_module() {
    let h = history(vec![
        audit(INITIAL),
        extension(vec![ModuleNumber::ONE, two()]),
    ]);
    assert_eq!(codes(&h), [HistoryCode::ExtensionWithoutNewModule]);
    let h = history(vec![
        initial_module_1(),
        extension(vec![ModuleNumber::ONE, two()]),
    ]);
    assert!(h.diagnostics.is_empty(), "{:?}", h.diagnostics);
    // The extension adds module 2 up to the cycle's end, since its own last day.
    let status = h.status_at(day("2021-01-01"));
    let modules: Vec<_> = status
        .modules
        .iter()
        .map(|m| (m.module, m.since, m.until))
        .collect();
    assert_eq!(
        modules,
        [
            (ModuleNumber::ONE, day("2020-02-19"), day("2023-02-19")),
            (two(), day("2020-10-06"), day("2023-02-19")),
        ]
    );
}

#[test]
fn history_charte_graphique_not_assessed() {
    let mut suivi = audit(SUIVI);
    suivi.conclusion.charte_graphique = audit(INTERNAL).conclusion.charte_graphique;
    let h = history(vec![audit(INITIAL), suivi]);
    assert_eq!(codes(&h), [HistoryCode::CharteGraphiqueNotAssessed]);
    assert_eq!(
        h.diagnostics[0].path,
        "audits[1].conclusion.charte_graphique"
    );
    let mut suivi = audit(SUIVI);
    suivi.conclusion.charte_graphique.verdict = None;
    assert_eq!(
        codes(&history(vec![audit(INITIAL), suivi])),
        [HistoryCode::CharteGraphiqueNotAssessed]
    );
    // A verdict beside the initial audit's wording is still not an assessment.
    let mut suivi = audit(SUIVI);
    suivi.conclusion.charte_graphique.verdict = Some(Verdict::Conformity);
    suivi.conclusion.charte_graphique.text = vec!["(Non applicable en audit initial)".into()];
    let h = history(vec![audit(INITIAL), suivi]);
    assert_eq!(codes(&h), [HistoryCode::CharteGraphiqueNotAssessed]);
    assert!(
        h.diagnostics[0].message_en.ends_with(
            "leaves the charte graphique unassessed (« Non applicable en audit initial »)"
        ),
        "{}",
        h.diagnostics[0]
    );
    // The initial audits leave it NA, as they should; the suivi assesses it.
    assert!(history(bundled()).diagnostics.is_empty());
}

#[test]
fn history_same_day_and_type() {
    let h = history(vec![audit(INITIAL), audit(INITIAL)]);
    assert!(codes(&h).contains(&HistoryCode::SameDayAndType));
    // The internal audit of the same day and type is another kind.
    let mut internal = audit(INITIAL);
    internal.kind.internal = true;
    let h = history(vec![audit(INITIAL), internal]);
    assert!(!codes(&h).contains(&HistoryCode::SameDayAndType));
}

#[test]
fn history_overdue_action_and_persistent_ecart() {
    let mut initial = audit(INITIAL);
    initial.ecarts[0].status = ActionStatus::InProgress;
    let mut suivi = audit(SUIVI);
    let _ = suivi.record_nonconformity(
        e17(),
        NcGrade::Minor,
        "Synthétique : délai toujours non tenu.",
    );
    let h = history(vec![initial, suivi]);
    assert_eq!(h.ecarts[0].status, FollowUp::Persistent);
    assert!(h.ecarts[0].overdue);
    assert_eq!(codes(&h), [HistoryCode::OverdueAction]);
    assert_eq!(h.diagnostics[0].path, "audits[0].ecarts[0]");
    // Due after the next audit started: not overdue.
    let mut initial = audit(INITIAL);
    initial.ecarts[0].status = ActionStatus::InProgress;
    initial.ecarts[0].due = Some(day("2021-12-31"));
    let mut suivi = audit(SUIVI);
    let _ = suivi.record_nonconformity(
        e17(),
        NcGrade::Minor,
        "Synthétique : délai toujours non tenu.",
    );
    let h = history(vec![initial, suivi]);
    assert!(!h.ecarts[0].overdue);
    assert!(h.diagnostics.is_empty(), "{:?}", h.diagnostics);
}

#[test]
fn history_ecart_not_mentioned() {
    let mut initial = audit(INITIAL);
    initial.ecarts[0].status = ActionStatus::Open;
    let mut suivi = audit(SUIVI);
    if let Some(a) = suivi.assessments.iter_mut().find(|a| a.engagement == e17()) {
        a.verdict = Some(Verdict::NotApplicable);
        a.comment = Some("Synthétique : non examiné.".into());
        a.observations.clear();
    }
    let h = history(vec![initial, suivi]);
    assert_eq!(h.ecarts[0].status, FollowUp::NotAssessed);
    assert!(codes(&h).contains(&HistoryCode::EcartNotMentioned));
    assert!(!h.has_errors());
    // Assessed C: lifted, nothing to say.
    let mut initial = audit(INITIAL);
    initial.ecarts[0].status = ActionStatus::Open;
    assert!(history(vec![initial, audit(SUIVI)]).diagnostics.is_empty());
}

#[test]
fn renderings_name_the_follow_up_and_escape_texts() {
    let mut initial = audit(INITIAL);
    if let Some(a) = initial
        .assessments
        .iter_mut()
        .find(|a| a.engagement == e17())
    {
        a.observations[0].text = "Synthétique : <script>alert(1)</script> & « guillemets »".into();
    }
    let h = History::new(
        vec![audit(INTERNAL), initial, audit(SUIVI)],
        Referentiel::qual_e_pref_2019(),
        &HistoryOptions::default().at(day("2022-01-01")),
    );
    let html = h.to_html(qualepref::Language::Fr);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
    // The cell's observations, escaped, as its tooltip.
    assert!(html.contains(
        "<td class=\"v-nc-min\" title=\"PS\u{a0}: Synthétique : &lt;script&gt;alert(1)&lt;/script&gt; &amp; « guillemets »\nPP\u{a0}: Synthétique : piste de progrès de l&#39;audit interne toujours ouverte.\">NC min PS PP ↘</td>"
    ), "{html}");
    // The JSON grid holds the observations themselves.
    let json: serde_json::Value = serde_json::from_str(&h.to_json_string().unwrap()).unwrap();
    let cell = &json["grid"][16]["cells"][1];
    assert_eq!(cell["verdict"], "NC min");
    assert_eq!(cell["observations"][0]["kind"], "PS");
    assert_eq!(
        cell["observations"][0]["text"],
        "Synthétique : <script>alert(1)</script> & « guillemets »"
    );
    let text = h.to_text(qualepref::Language::Fr);
    assert!(text.contains(
        "- n°\u{a0}5 — Engagement 17 (NC min), audit du 18/02/2020\u{a0}: levée à l'audit du 14/09/2021 (C)\u{202f}; échéance 19/05/2020\u{202f}; fiche\u{a0}: écart levé\n"
    ), "{text}");
    assert!(text.contains("STATUT DU LABEL AU 01/01/2022\n- État\u{a0}: labellisé\n"));
    let english = h.to_text(qualepref::Language::En);
    assert!(
        english.contains(
            "- no. 5 — Engagement 17 (NC min), audit of 2020-02-18: lifted at the audit of 2021-09-14 (C)"
        ),
        "{english}"
    );
    let markdown = h.to_markdown(qualepref::Language::Fr);
    assert!(markdown.contains("| 17 Nous vous répondons dans un délai annoncé et maîtrisé | C PP | NC min PS PP ↘ | C PF ↗ |"));
    let json: serde_json::Value =
        match serde_json::from_str(&h.to_json_string().unwrap_or_default()) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
    assert_eq!(json["format_version"], 2);
    assert_eq!(json["ecarts"][0]["status"], "lifted");
    assert_eq!(json["status"]["next"]["type"], "renouvellement");
    let back: History = match serde_json::from_value(json) {
        Ok(h) => h,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(back, h);
}

/// The history codes, pinned: codes are appended, never renamed nor reordered.
#[test]
fn history_codes_are_pinned() {
    let codes: Vec<&str> = HistoryCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        codes,
        [
            "history-invalid-audit",
            "history-other-site",
            "history-no-labelling-audit",
            "history-extension-without-new-module",
            "history-charte-graphique-not-assessed",
            "history-same-day-and-type",
            "history-overdue-action",
            "history-ecart-not-mentioned",
            "history-suivi-with-labelling-audit",
            "history-audit-after-date",
            "history-due-before-audit",
            "history-suivi-outside-window",
        ]
    );
    for code in HistoryCode::ALL {
        assert_eq!(code.as_str().parse::<HistoryCode>().ok(), Some(*code));
        assert!(
            code.example()
                .contains(&format!("[{code}] {}", code.default_severity()))
        );
    }
    assert!(qualepref::codes::markdown().contains("### `history-overdue-action`"));
}

/// The synthetic suivi audit, re-dated to `date`, as type `audit_type`.
fn later(audit_type: AuditType, date: &str) -> Audit {
    let mut a = audit(SUIVI);
    a.kind.audit_type = Some(audit_type);
    a.dates = qualepref::AuditDates::day(day(date));
    for auditor in &mut a.auditors {
        auditor.signed_on = Some(day(date));
    }
    a
}

/// A renouvellement within the validity keeps each module's « since »; one after the label
/// expired starts it again.
#[test]
fn a_renewal_after_expiry_starts_the_label_again() {
    let h = history(vec![
        audit(INITIAL),
        later(AuditType::Renouvellement, "2023-01-10"),
    ]);
    let status = h.status_at(day("2023-06-01"));
    assert_eq!(status.state, LabelState::Labelled);
    assert_eq!(
        (status.modules[0].since, status.modules[0].until),
        (day("2020-02-19"), day("2026-01-10"))
    );
    let h = history(vec![
        audit(INITIAL),
        later(AuditType::Renouvellement, "2023-06-01"),
    ]);
    let status = h.status_at(day("2023-07-01"));
    assert_eq!(status.state, LabelState::Labelled);
    assert_eq!(
        (status.modules[0].since, status.modules[0].until),
        (day("2023-06-01"), day("2026-06-01"))
    );
}

/// An extension while the label is suspended adds nothing, even once a suivi lifts the
/// suspension.
#[test]
fn an_extension_while_suspended_adds_no_module() {
    let mut failed = later(AuditType::Suivi, "2021-01-12");
    let _ = failed.assess(e17(), Verdict::MajorNonconformity);
    failed.ecarts.push(qualepref::FicheEcart::new(
        EcartTarget::Engagement(e17()),
        NcGrade::Major,
        "Synthétique : aucun courrier traité dans le délai.",
    ));
    let mut extension = extension(vec![ModuleNumber::ONE, two()]);
    extension.dates = qualepref::AuditDates::day(day("2021-03-02"));
    let h = history(vec![
        initial_module_1(),
        failed,
        extension,
        later(AuditType::Suivi, "2021-06-15"),
    ]);
    assert_eq!(h.status_at(day("2021-04-01")).state, LabelState::Suspended);
    let status = h.status_at(day("2021-07-01"));
    assert_eq!(status.state, LabelState::Labelled);
    let modules: Vec<_> = status.modules.iter().map(|m| m.module).collect();
    assert_eq!(modules, [ModuleNumber::ONE]);
}

/// Unfavourable external audits: an initial one labels nothing, a renouvellement suspends the
/// label, an extension adds no module.
#[test]
fn unfavourable_audits_grant_nothing() {
    let with_major = |mut a: Audit| {
        let _ = a.assess(e17(), Verdict::MajorNonconformity);
        a.ecarts
            .retain(|f| f.target != EcartTarget::Engagement(e17()));
        a.ecarts.push(qualepref::FicheEcart::new(
            EcartTarget::Engagement(e17()),
            NcGrade::Major,
            "Synthétique : aucun courrier traité dans le délai.",
        ));
        a
    };
    let h = history(vec![with_major(audit(INITIAL))]);
    assert_eq!(h.audits[0].outcome, Some(Outcome::Unfavorable));
    assert_eq!(
        h.status_at(day("2020-06-01")).state,
        LabelState::NotLabelled
    );

    let renewal = with_major(later(AuditType::Renouvellement, "2023-01-10"));
    let h = history(vec![audit(INITIAL), renewal]);
    let status = h.status_at(day("2023-02-01"));
    assert_eq!(status.state, LabelState::Suspended);
    assert_eq!(status.labelling_audit, Some(0));

    let mut extension = with_major(extension(vec![ModuleNumber::ONE, two()]));
    extension.dates = qualepref::AuditDates::day(day("2020-10-06"));
    let h = history(vec![initial_module_1(), extension]);
    let modules: Vec<_> = h
        .status_at(day("2021-01-01"))
        .modules
        .iter()
        .map(|m| m.module)
        .collect();
    assert_eq!(modules, [ModuleNumber::ONE]);
}

/// The label holds up to and including its last day; the next audit is overdue from the day
/// after it is due.
#[test]
fn the_label_and_the_next_audit_at_their_last_day() {
    let h = history(bundled());
    assert_eq!(h.status_at(day("2023-02-19")).state, LabelState::Labelled);
    assert_eq!(h.status_at(day("2023-02-20")).state, LabelState::Expired);
    let h = history(vec![audit(INTERNAL), audit(INITIAL)]);
    let on_the_day = h.status_at(day("2021-09-19")).next.map(|n| n.overdue);
    let after = h.status_at(day("2021-09-20")).next.map(|n| n.overdue);
    assert_eq!((on_the_day, after), (Some(false), Some(true)));
}

/// An écart on a management item is followed on that item: persistent when it is a
/// nonconformity again, whatever the other items say.
#[test]
fn an_ecart_on_a_management_item_is_followed_on_that_item() {
    let item = qualepref::ManagementItemId::new(qualepref::ManagementSection::Pilotage, 5);
    let with_nc = |mut a: Audit| {
        if let Some(m) = a.management.iter_mut().find(|m| m.id() == item) {
            m.verdict = Some(Verdict::MinorNonconformity);
        }
        a.ecarts.push(qualepref::FicheEcart::new(
            EcartTarget::Management(item),
            NcGrade::Minor,
            "Synthétique : comité des usagers non réuni.",
        ));
        a
    };
    let h = history(vec![with_nc(audit(INITIAL)), with_nc(audit(SUIVI))]);
    let followed = h
        .ecarts
        .iter()
        .find(|e| e.target == EcartTarget::Management(item))
        .map(|e| (e.status, e.next_verdict));
    assert_eq!(
        followed,
        Some((FollowUp::Persistent, Some(Verdict::MinorNonconformity)))
    );
    let h = history(vec![with_nc(audit(INITIAL)), audit(SUIVI)]);
    let followed = h
        .ecarts
        .iter()
        .find(|e| e.target == EcartTarget::Management(item))
        .map(|e| (e.status, e.next_verdict));
    assert_eq!(
        followed,
        Some((FollowUp::Lifted, Some(Verdict::Conformity)))
    );
}

/// Validated leniently, an audit whose nonconformity has no fiche d'écart takes part: its
/// écart is followed, and diagnostics point at its assessment (or management item).
#[test]
fn an_ecart_without_fiche_is_followed_under_lenient_validation() {
    let lenient = qualepref::ValidationOptions::new().with(
        qualepref::RuleCode::NonconformityWithoutFiche,
        qualepref::Severity::Warning,
    );
    let item = qualepref::ManagementItemId::new(qualepref::ManagementSection::Pilotage, 5);
    let mut initial = audit(INITIAL);
    initial.ecarts.clear();
    if let Some(m) = initial.management.iter_mut().find(|m| m.id() == item) {
        m.verdict = Some(Verdict::MinorNonconformity);
    }
    let mut suivi = audit(SUIVI);
    if let Some(a) = suivi.assessments.iter_mut().find(|a| a.engagement == e17()) {
        a.verdict = Some(Verdict::NotApplicable);
        a.comment = Some("Synthétique : non examiné.".into());
        a.observations.clear();
    }
    if let Some(m) = suivi.management.iter_mut().find(|m| m.id() == item) {
        m.verdict = Some(Verdict::NotApplicable);
        m.comment = Some("Synthétique : non examiné.".into());
    }
    // Strict by default: the initial audit is invalid and takes no part.
    let h = history(vec![initial.clone(), suivi.clone()]);
    assert!(h.ecarts.is_empty());
    let options = HistoryOptions::default().with_validation(lenient);
    let h = History::new(
        vec![initial, suivi],
        Referentiel::qual_e_pref_2019(),
        &options,
    );
    let paths: Vec<&str> = h
        .diagnostics
        .iter()
        .filter(|d| d.code == HistoryCode::EcartNotMentioned)
        .map(|d| d.path.as_str())
        .collect();
    let e17_index = audit(INITIAL)
        .assessments
        .iter()
        .position(|a| a.engagement == e17())
        .unwrap_or(usize::MAX);
    let item_index = audit(INITIAL)
        .management
        .iter()
        .position(|m| m.id() == item)
        .unwrap_or(usize::MAX);
    assert_eq!(
        paths,
        [
            format!("audits[0].assessments[{e17_index}]"),
            format!("audits[0].management[{item_index}]"),
        ]
    );
}

/// The grid's columns name each audit by its first day and kind.
#[test]
fn the_grid_columns_name_each_audit() {
    let h = history(bundled());
    let text = h.to_text(qualepref::Language::Fr);
    assert!(
        text.contains(
            "\nEngagement | 18/11/2019 interne (initial) | 18/02/2020 initial | 14/09/2021 suivi\n"
        ),
        "{text}"
    );
    let english = h.to_text(qualepref::Language::En);
    assert!(english.contains(" | 2019-11-18 "), "{english}");
}

/// An action is overdue at the next audit when it was due before that audit started and not
/// lifted by then; lifted in time, or due on the audit's first day, it is not.
#[test]
fn overdue_at_the_next_audit_is_judged_on_its_first_day() {
    let case = |due: &str, status: ActionStatus| {
        let mut initial = audit(INITIAL);
        initial.ecarts[0].due = Some(day(due));
        initial.ecarts[0].status = status;
        let mut suivi = audit(SUIVI);
        let _ = suivi.record_nonconformity(
            e17(),
            NcGrade::Minor,
            "Synthétique : délai de nouveau dépassé.",
        );
        let h = history(vec![initial, suivi]);
        (
            h.ecarts[0].overdue,
            codes(&h).contains(&HistoryCode::OverdueAction),
        )
    };
    let lifted = |on: &str| ActionStatus::Lifted {
        on: day(on),
        evidence: "Synthétique : registre à jour.".into(),
    };
    // The suivi starts on 2021-09-14.
    assert_eq!(case("2020-05-19", ActionStatus::InProgress), (true, true));
    assert_eq!(case("2021-09-14", ActionStatus::InProgress), (false, false));
    assert_eq!(case("2020-05-19", lifted("2021-09-14")), (false, false));
    assert_eq!(case("2020-05-19", lifted("2021-09-15")), (true, true));
}

/// Every history rule's message, in full, as printed (the tests above check codes and paths).
#[test]
fn history_diagnostics_read_in_full() {
    let lines = |h: &History| -> Vec<String> {
        h.diagnostics
            .iter()
            .map(|d| d.to_string_in(qualepref::Language::En))
            .collect()
    };
    let mut suivi = audit(SUIVI);
    suivi.auditors.clear();
    let mut same = audit(INITIAL);
    same.kind.internal = false;
    let mut no_charte = audit(SUIVI);
    no_charte.conclusion.charte_graphique = audit(INTERNAL).conclusion.charte_graphique;
    let cases = [
        (vec![audit(INITIAL), suivi], "invalid"),
        (vec![audit(INTERNAL), audit(SUIVI)], "no labelling audit"),
        (vec![audit(INITIAL), no_charte], "charte"),
        (vec![audit(INITIAL), same], "same day and type"),
        (
            vec![audit(INITIAL), extension(vec![ModuleNumber::ONE, two()])],
            "extension",
        ),
    ];
    let mut all = Vec::new();
    for (audits, what) in cases {
        let h = history(audits);
        all.push(format!("{what}: {}", lines(&h).join(" / ")));
    }
    let mut initial = audit(INITIAL);
    initial.ecarts[0].status = ActionStatus::InProgress;
    let mut next = audit(SUIVI);
    let _ = next.record_nonconformity(e17(), NcGrade::Minor, "Synthétique : toujours.");
    all.push(format!(
        "overdue: {}",
        lines(&history(vec![initial, next])).join(" / ")
    ));
    let mut initial = audit(INITIAL);
    initial.ecarts[0].status = ActionStatus::Open;
    let mut next = audit(SUIVI);
    if let Some(a) = next.assessments.iter_mut().find(|a| a.engagement == e17()) {
        a.verdict = Some(Verdict::NotApplicable);
        a.comment = Some("Synthétique : non examiné.".into());
        a.observations.clear();
    }
    all.push(format!(
        "not mentioned: {}",
        lines(&history(vec![initial, next])).join(" / ")
    ));
    assert_eq!(
        all,
        [
            "invalid: audits[1]: [history-invalid-audit] error: the audit is invalid (1 error), first: auditors\u{a0}: [no-auditor] erreur\u{a0}: aucun auditeur n'est nommé",
            "no labelling audit: audits[1].kind.type: [history-no-labelling-audit] warning: the external suivi audit on 2021-09-14 has no earlier labelling audit (an external initial or renouvellement audit with a favourable outcome)",
            "charte: audits[1].conclusion.charte_graphique: [history-charte-graphique-not-assessed] warning: the external suivi audit on 2021-09-14 leaves the charte graphique unassessed (NA)",
            "same day and type: audits[1]: [history-same-day-and-type] error: the external initial audit on 2020-02-18 has the same day and type as audits[0]",
            "extension: audits[1].modules: [history-extension-without-new-module] warning: the external extension audit on 2020-10-06 covers modules 1, 2, all already labelled",
            "overdue: audits[0].ecarts[0]: [history-overdue-action] warning: the corrective action of engagement 17 (NC min) was due on 2020-05-19 and the écart is not lifted at the audit of 2021-09-14 (audits[1])",
            "not mentioned: audits[0].ecarts[0]: [history-overdue-action] warning: the corrective action of engagement 17 (NC min) was due on 2020-05-19 and the écart is not lifted at the audit of 2021-09-14 (audits[1]) / audits[0].ecarts[0]: [history-ecart-not-mentioned] warning: engagement 17 (NC min) is not assessed at the next audit, the audit of 2021-09-14 (audits[1])",
        ]
    );
}

/// The bundled sequence's history at 2022-01-01, in every rendering (French text, HTML and
/// JSON, English Markdown), pinned: `UPDATE_SNAPSHOTS=1` rewrites them, for review.
#[test]
fn bundled_history_snapshots() {
    let h = History::new(
        bundled(),
        Referentiel::qual_e_pref_2019(),
        &HistoryOptions::default().at(day("2022-01-01")),
    );
    common::check_snapshot("history.fr.txt", &h.to_text(qualepref::Language::Fr));
    common::check_snapshot("history.fr.html", &h.to_html(qualepref::Language::Fr));
    common::check_snapshot("history.en.md", &h.to_markdown(qualepref::Language::En));
    common::check_snapshot("history.json", &h.to_json_string().unwrap());
}

/// A title with a table's pipe keeps its Markdown grid row: escaped once, not twice.
#[test]
fn markdown_grid_escapes_a_pipe_once() {
    let json = Referentiel::qual_e_pref_2019().to_json_string().unwrap();
    let json = json.replace(
        "\"A votre écoute pour progresser\"",
        "\"A votre écoute | pour progresser\"",
    );
    let referentiel = Referentiel::from_json_str(&json).unwrap();
    let h = History::new(bundled(), &referentiel, &HistoryOptions::default());
    let md = h.to_markdown(qualepref::Language::Fr);
    assert!(
        md.contains("| 3 A votre écoute \\| pour progresser | C | C | C |\n"),
        "{md}"
    );
    assert!(!md.contains("\n\n\n"), "{md}");
}

/// The history at a date shows what was known then: a later audit is neither listed nor
/// gridded, a note says so, and the écart it lifted is still pending.
#[test]
fn an_audit_after_the_date_is_not_counted() {
    let h = History::new(
        bundled(),
        Referentiel::qual_e_pref_2019(),
        &HistoryOptions::default().at(day("2021-01-01")),
    );
    assert_eq!(h.audits.len(), 2);
    assert!(h.grid.iter().all(|r| r.cells.len() == 2));
    assert_eq!(codes(&h), [HistoryCode::AuditAfterDate]);
    assert_eq!(h.ecarts[0].status, FollowUp::Pending);
    let text = h.to_text(qualepref::Language::Fr);
    assert!(!text.contains("14/09/2021 — "), "{text}");
    assert!(text.contains("[history-audit-after-date] info: l'audit externe de suivi du 14/09/2021 commence après le 01/01/2021"), "{text}");
    // At a later date: counted, no note.
    let h = History::new(
        bundled(),
        Referentiel::qual_e_pref_2019(),
        &HistoryOptions::default().at(day("2022-01-01")),
    );
    assert_eq!(h.audits.len(), 3);
    assert!(!codes(&h).contains(&HistoryCode::AuditAfterDate));
}

/// The renderings name the cycle as the crate's default, say when the next audit may be held,
/// keep the piste de progrès of a remote check, list what is still open, and print no file
/// path in the timeline.
#[test]
fn the_rendering_names_its_cycle_and_what_is_still_open() {
    let labelled = [
        (format!("{DIR}/{INTERNAL}"), audit(INTERNAL)),
        (format!("{DIR}/{INITIAL}"), audit(INITIAL)),
        (format!("{DIR}/{SUIVI}"), audit(SUIVI)),
    ];
    let h = History::with_labels(
        labelled,
        Referentiel::qual_e_pref_2019(),
        &HistoryOptions::default().at(day("2021-01-01")),
    );
    let text = h.to_text(qualepref::Language::Fr);
    assert!(!text.contains("ENGAGEMENTS D'AUDIT EN AUDIT"), "{text}");
    assert!(
        text.contains("\nVERDICTS DE CHAQUE ENGAGEMENT, AUDIT APRÈS AUDIT\n"),
        "{text}"
    );
    assert!(!text.contains(".json]"), "{text}");
    assert!(text.contains("Cycle du label\u{a0}: valeur par défaut de l'outil, le cycle de Qual-e-pref n'étant pas public"), "{text}");
    assert!(text.contains("- Prochain audit dû\u{a0}: audit de suivi, 19/08/2021, à tenir du 19/07/2021 au 19/09/2021\n"), "{text}");
    assert!(
        text.contains("PP Audit à distance (Internet), engagement 3, audit du 18/11/2019"),
        "{text}"
    );
    assert!(text.contains("\nTOUJOURS OUVERTS\n"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&h.to_json_string().unwrap()).unwrap();
    assert_eq!(json["cycle_is_default"], true);
    assert!(
        json["cycle_note"]
            .as_str()
            .unwrap_or_default()
            .contains("this tool's default")
    );
    // A chosen cycle is named as chosen.
    let cycle = qualepref::CyclePolicy::new(48, 24, 2).unwrap();
    let h = History::new(
        bundled(),
        Referentiel::qual_e_pref_2019(),
        &HistoryOptions::default().with_cycle(cycle),
    );
    assert!(!h.cycle_is_default);
    assert!(h.to_text(qualepref::Language::En).contains("Label cycle: valid 48 months, follow-up audit at 24 months (± 2 months), chosen instead of this tool's default"));
}

/// The renouvellement is due before the label ends.
#[test]
fn the_renewal_is_due_before_the_label_ends() {
    let h = History::new(
        bundled(),
        Referentiel::qual_e_pref_2019(),
        &HistoryOptions::default().at(day("2022-01-01")),
    );
    let text = h.to_text(qualepref::Language::Fr);
    assert!(
        text.contains("- Prochain audit dû\u{a0}: audit de renouvellement, avant le 19/02/2023\n"),
        "{text}"
    );
}
