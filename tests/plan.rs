//! The plan d'actions qualité: every entry of a site's dossier (the Toulon pistes de progrès
//! first), due dates (the fiche's, the policy's per grade, the planned external audit's), where
//! each stands at a date, each output format, and the kept plan written, edited and read back.

use qualepref::dossier::{Dossier, DossierOptions, FindingKind, FollowUp, OriginKind};
use qualepref::plan::{COLUMNS, Column, Plan, PlanAction, Standing, read_kept};
use qualepref::{
    ActionStatus, Audit, AuditDates, AuditKind, AuditType, DueSource, EcartTarget,
    EngagementNumber, FicheEcart, Language, NaiveDate, NcGrade, Observation, Referentiel, Verdict,
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

/// Toulon (last day 18/11/2019) with an NC min on engagement 17 and its fiche n°1: action,
/// leader, due 28/02/2020, in progress. The data of the fiche is synthetic.
fn with_minor() -> Audit {
    let mut audit = toulon();
    audit.assess(e(17), Verdict::MinorNonconformity).unwrap();
    let mut fiche = FicheEcart::new(
        EcartTarget::Engagement(e(17)),
        NcGrade::Minor,
        "Délai de réponse aux courriers non tenu (constat synthétique)",
    )
    .with_requirement("Répondre dans le délai annoncé")
    .with_corrective_action("Tableau de suivi des courriers")
    .with_leader("Chef du bureau du courrier")
    .with_due(date("2020-02-28"))
    .with_status(ActionStatus::InProgress);
    fiche.number = Some(1);
    audit.ecarts.push(fiche);
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

fn dossier(audits: Vec<Audit>) -> Dossier {
    Dossier::new(
        audits,
        Referentiel::qual_e_pref_2019(),
        &DossierOptions::default(),
    )
}

#[track_caller]
fn plan_at(audit: &Audit, at: &str) -> Plan {
    Plan::build(&dossier(vec![audit.clone()]), date(at))
}

#[track_caller]
fn nc(plan: &Plan, n: u16) -> &PlanAction {
    plan.actions
        .iter()
        .find(|a| {
            a.entry.kind.is_nonconformity()
                && a.entry.ecart_target() == Some(EcartTarget::Engagement(e(n)))
        })
        .unwrap()
}

#[test]
fn toulon_lists_its_four_pistes_de_progres() {
    let plan = plan_at(&toulon(), "2020-03-01");
    assert_eq!(plan.totals.actions, 4);
    assert_eq!(plan.totals.open, 4);
    assert_eq!(plan.totals.nonconformities, 0);
    assert!(
        plan.actions
            .iter()
            .all(|a| a.entry.kind == FindingKind::OpportunityForImprovement
                && a.standing == Standing::Open
                && a.follow_up == FollowUp::Pending)
    );
    let text = plan.to_text(Language::Fr);
    assert!(!text.contains("Aucune action"), "{text}");
    assert!(
        text.starts_with("PLAN D'ACTIONS QUALITÉ AU 01/03/2020\n"),
        "{text}"
    );
    assert!(
        text.contains("- N°\u{a0}4 — PP — Audit à distance (Internet), engagement 3 «\u{a0}A votre écoute pour progresser\u{a0}»\n"),
        "{text}"
    );
    // The label's status says its cycle is the crate's default.
    assert!(
        text.contains("Statut du label\u{a0}: non labellisé\n"),
        "{text}"
    );
    assert!(
        text.contains("Cycle du label\u{a0}: valeur par défaut de l'outil"),
        "{text}"
    );
    assert!(plan.cycle_is_default);
}

#[test]
fn a_minor_nonconformity_is_open_then_due_soon_then_overdue() {
    let audit = with_minor();
    let a = |at| nc(&plan_at(&audit, at), 17).clone();
    assert_eq!(a("2020-01-15").standing, Standing::Open);
    assert_eq!(a("2020-02-01").standing, Standing::DueSoon);
    let late = a("2020-03-01");
    assert_eq!(late.standing, Standing::Overdue);
    assert_eq!(late.days_left, Some(-2));
    assert_eq!(late.entry.due_source, Some(DueSource::Fiche));
    assert_eq!(late.entry.origin.fiche, Some(1));
    assert_eq!(
        late.entry.leader.as_deref(),
        Some("Chef du bureau du courrier")
    );
    let text = plan_at(&audit, "2020-03-01").to_text(Language::Fr);
    assert!(
        text.contains("\nEN RETARD\n- N°\u{a0}1 — NC min — Engagement 17 "),
        "{text}"
    );
    assert!(text.contains("en retard de 2\u{a0}jours"), "{text}");
    assert!(text.contains("fiche d'écart n°1"), "{text}");
}

#[test]
fn a_major_nonconformity_without_due_date_is_due_one_month_after_the_audit() {
    let plan = plan_at(&with_major(), "2020-01-15");
    let a = nc(&plan, 9);
    assert_eq!(a.entry.kind, FindingKind::MajorNonconformity);
    assert_eq!(a.entry.due, Some(date("2019-12-18")));
    assert_eq!(a.entry.due_source, Some(DueSource::Policy));
    assert_eq!(a.standing, Standing::Overdue);
    assert!(
        plan.to_text(Language::Fr)
            .contains("18/12/2019 (politique\u{a0}: 1\u{a0}mois après la fin de l'audit)")
    );
}

#[test]
fn an_internal_nc_found_conforming_by_the_external_audit_is_not_overdue() {
    // The internal audit of November 2019 finds an NC min on 17 (without its own due date);
    // the external initial audit of February 2020 finds 17 conforming.
    let mut internal = with_minor();
    internal.ecarts[0].due = None;
    let mut external = toulon();
    external.kind = AuditKind::external(AuditType::Initial);
    external.dates = AuditDates::day(date("2020-02-18"));
    for a in &mut external.auditors {
        a.signed_on = Some(date("2020-02-18"));
    }
    let d = dossier(vec![internal, external]);
    let plan = Plan::build(&d, date("2020-08-01"));
    let a = nc(&plan, 17);
    assert_eq!(a.entry.due, Some(date("2020-02-17")));
    assert_eq!(a.entry.due_source, Some(DueSource::ExternalAudit));
    assert_eq!(a.standing, Standing::Done);
    assert_eq!(a.follow_up, FollowUp::Lifted);
    assert_eq!(a.days_left, None);
    assert_eq!(plan.totals.overdue, 0);
    let text = plan.to_text(Language::Fr);
    assert!(
        text.contains("traitée — levée à l'audit du 18/02/2020 (C)"),
        "{text}"
    );
    assert!(!text.contains("en retard de"), "{text}");
    // A plan dated before the external audit shows it open, and says nothing of what came
    // after but in its own column.
    let before = Plan::build(&d, date("2020-01-15"));
    let a = nc(&before, 17);
    assert_eq!(a.standing, Standing::Open);
    assert_eq!(a.later.len(), 1);
    assert_eq!(a.later[0].follow_up, FollowUp::Lifted);
    let csv = before.to_csv(Language::Fr);
    let row = csv.lines().find(|l| l.contains("|e17|NC min|")).unwrap();
    assert!(
        row.contains(";ouverte — en attente — échéance dans 33\u{a0}jours;levée le 18/02/2020"),
        "{row}"
    );
}

#[test]
fn a_lifted_action_is_done_from_the_day_it_was_lifted() {
    let mut audit = with_minor();
    audit.ecarts[0].status = ActionStatus::Lifted {
        on: date("2020-03-02"),
        evidence: "Registre à jour (preuve synthétique)".into(),
    };
    let d = dossier(vec![audit]);
    let before = Plan::build(&d, date("2020-03-01"));
    assert_eq!(nc(&before, 17).standing, Standing::Overdue);
    let after = Plan::build(&d, date("2020-03-02"));
    assert_eq!(nc(&after, 17).standing, Standing::Done);
    assert_eq!(nc(&after, 17).follow_up, FollowUp::Lifted);
    assert_eq!(
        nc(&after, 17).entry.evidence.as_deref(),
        Some("Registre à jour (preuve synthétique)")
    );
}

#[test]
fn actions_are_sorted_overdue_then_due_soon_then_open_then_done() {
    let mut audit = with_major();
    audit
        .assessments
        .iter_mut()
        .find(|a| a.engagement == e(3))
        .unwrap()
        .observations
        .push(Observation::area_of_concern(
            "Point sensible synthétique",
            "Risque synthétique",
        ));
    let plan = plan_at(&audit, "2020-01-15");
    let standings: Vec<Standing> = plan.actions.iter().map(|a| a.standing).collect();
    let mut sorted = standings.clone();
    sorted.sort();
    assert_eq!(standings, sorted);
    assert_eq!(plan.actions[0].entry.kind, FindingKind::MajorNonconformity);
    let ps = plan
        .actions
        .iter()
        .find(|a| a.entry.kind == FindingKind::AreaOfConcern)
        .unwrap();
    assert_eq!(ps.entry.risk.as_deref(), Some("Risque synthétique"));
    assert_eq!(ps.entry.due, None);
    assert_eq!(ps.standing, Standing::Open);
}

#[test]
fn french_text_follows_french_typography() {
    let text = plan_at(&with_major(), "2020-01-15").to_text(Language::Fr);
    // The auditor's texts are quoted verbatim; the crate's own wording is typeset.
    for bad in [" :", " ;"] {
        assert!(!text.contains(bad), "{bad:?} in {text}");
    }
    assert!(text.contains("Pilote\u{a0}: Chef du bureau du courrier"));
}

#[test]
fn markdown_and_html_escape_every_text() {
    let plan = plan_at(&with_major(), "2020-01-15");
    let md = plan.to_markdown(Language::Fr);
    assert!(md.contains("Message d'attente erroné \\| "), "{md}");
    let html = plan.to_html(Language::Fr);
    assert!(html.contains("&lt;b&gt;"), "{html}");
    assert!(!html.contains("<b>"));
    assert!(html.contains("@page{size:A4 landscape"));
}

#[test]
fn the_json_contract_round_trips() {
    let plan = plan_at(&with_major(), "2020-01-15");
    let json = plan.to_json_string().unwrap();
    let back: Plan = serde_json::from_str(&json).unwrap();
    assert_eq!(back, plan);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format_version"], 2);
    assert_eq!(value["actions"][0]["standing"], "overdue");
    assert_eq!(value["actions"][0]["kind"], "NC Maj");
    assert_eq!(value["cycle_is_default"], true);
}

#[test]
fn the_csv_has_french_headings_and_reads_back() {
    let plan = plan_at(&with_major(), "2020-01-15");
    let csv = plan.to_csv(Language::Fr);
    assert!(
        csv.starts_with("\u{feff}N°;Origine;Date de l'origine;Engagement / exigence;Type;"),
        "{csv}"
    );
    assert!(csv.contains(";Situation au 15/01/2020;Par la suite;Clé (ne pas modifier)\r\n"));
    let en = plan.to_csv(Language::En);
    assert!(en.starts_with("\u{feff}No.;Origin;Date of origin;"), "{en}");
    for text in [&csv, &en] {
        let kept = read_kept(text.as_bytes()).unwrap();
        assert_eq!(kept.records.len(), plan.actions.len());
        let first = kept
            .records
            .iter()
            .find(|r| r.key.as_deref().is_some_and(|k| k.contains("|e17|")))
            .unwrap();
        assert_eq!(first.leader.as_deref(), Some("Chef du bureau du courrier"));
        assert_eq!(first.due, Some(date("2020-02-28")));
        assert!(first.unread.is_empty(), "{:?}", first.unread);
    }
}

#[test]
fn an_audit_after_the_date_gives_no_action() {
    let plan = plan_at(&with_minor(), "2019-11-01");
    assert!(plan.actions.is_empty());
    assert!(plan.audits[0].after_date);
    let text = plan.to_text(Language::Fr);
    assert!(
        text.contains("(après la date du plan\u{a0}: non compté)"),
        "{text}"
    );
    assert!(text.contains("Aucune action à cette date"), "{text}");
}

/// A workbook cell for the test's rewriting of the plan.
#[cfg(feature = "xlsx")]
fn cells(bytes: &[u8]) -> Vec<Vec<calamine::Data>> {
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    range.rows().map(<[calamine::Data]>::to_vec).collect()
}

/// The plan written as a workbook, rewritten cell by cell into another workbook as a person
/// would edit it (a pilote typed, a state changed, a row of another origin added, a date
/// typed as text), read back and merged: every edit survives two reruns.
#[cfg(feature = "xlsx")]
#[test]
fn a_kept_workbook_edited_by_hand_keeps_every_edit_on_a_rerun() {
    use calamine::{Data, DataType};
    let d = dossier(vec![toulon()]);
    let at = date("2020-03-01");
    let written = Plan::build(&d, at).to_xlsx(Language::Fr).unwrap();
    let rows = cells(&written);
    let heads: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(heads.len(), COLUMNS.len());
    let col = |c: Column| {
        heads
            .iter()
            .position(|h| h.starts_with(c.heading(Language::Fr)))
            .unwrap()
    };
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Plan d'actions").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Data::Empty => {}
                Data::Float(f) => {
                    ws.write_number(r, c, *f).unwrap();
                }
                Data::Int(i) => {
                    ws.write_number(r, c, *i as f64).unwrap();
                }
                Data::DateTime(dt) => {
                    let f = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
                    ws.write_number_with_format(r, c, dt.as_f64(), &f).unwrap();
                }
                other => {
                    ws.write_string(r, c, other.as_string().unwrap_or_default())
                        .unwrap();
                }
            }
        }
    }
    // The row of engagement 21: a pilote, a state, a progress.
    let r21 = rows
        .iter()
        .position(|r| r[col(Column::Key)].to_string().contains("|e21|"))
        .unwrap() as u32;
    ws.write_string(r21, col(Column::Leader) as u16, "Mme Dupont, cheffe du BSR")
        .unwrap();
    ws.write_string(r21, col(Column::State) as u16, "En cours")
        .unwrap();
    ws.write_string(r21, col(Column::Progress) as u16, "50 %")
        .unwrap();
    // A row added by hand: a complaint, with an échéance typed as text.
    let new = rows.len() as u32;
    ws.write_string(new, col(Column::Origin) as u16, "Réclamation")
        .unwrap();
    ws.write_string(new, col(Column::OriginDate) as u16, "03/02/2020")
        .unwrap();
    ws.write_string(new, col(Column::Kind) as u16, "PS")
        .unwrap();
    ws.write_string(
        new,
        col(Column::Finding) as u16,
        "Attente de plus d'une heure au guichet",
    )
    .unwrap();
    ws.write_string(new, col(Column::Due) as u16, "30/04/2020")
        .unwrap();
    ws.write_string(
        new,
        col(Column::Leader) as u16,
        "Chef du service des titres",
    )
    .unwrap();
    let edited = book.save_to_buffer().unwrap();

    let rerun = |bytes: &[u8]| {
        let mut d = dossier(vec![toulon()]);
        let diagnostics = d.apply_records(read_kept(bytes).unwrap().records).to_vec();
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        Plan::build(&d, at)
    };
    let first = rerun(&edited);
    let again = rerun(&first.to_xlsx(Language::Fr).unwrap());
    for plan in [&first, &again] {
        assert_eq!(plan.actions.len(), 5);
        let pp21 = plan
            .actions
            .iter()
            .find(|a| a.entry.key.as_deref().is_some_and(|k| k.contains("|e21|")))
            .unwrap();
        assert_eq!(pp21.entry.number, 2);
        assert_eq!(
            pp21.entry.leader.as_deref(),
            Some("Mme Dupont, cheffe du BSR")
        );
        assert_eq!(
            pp21.entry.state,
            qualepref::dossier::RecordState::InProgress
        );
        assert_eq!(pp21.entry.progress.as_deref(), Some("50 %"));
        let added = plan
            .actions
            .iter()
            .find(|a| a.entry.origin.kind == OriginKind::Complaint)
            .unwrap();
        assert_eq!(added.entry.number, 5);
        assert_eq!(added.entry.kind, FindingKind::AreaOfConcern);
        assert_eq!(added.entry.due, Some(date("2020-04-30")));
        assert_eq!(added.entry.origin.date, Some(date("2020-02-03")));
        assert_eq!(
            added.entry.leader.as_deref(),
            Some("Chef du service des titres")
        );
        assert_eq!(added.standing, Standing::Open);
    }
    assert_eq!(first.to_csv(Language::Fr), again.to_csv(Language::Fr));
}

#[test]
fn a_kept_csv_keeps_an_unreadable_cell_in_the_comment() {
    let plan = plan_at(&toulon(), "2020-03-01");
    let csv = plan.to_csv(Language::Fr);
    let mut lines: Vec<String> = csv.split("\r\n").map(str::to_owned).collect();
    // The échéance of the first row typed as « fin mars »; a formula-like text kept as typed.
    let heads: Vec<&str> = lines[0].split(';').collect();
    let due = heads.iter().position(|h| *h == "Échéance").unwrap();
    let comment = heads.iter().position(|h| *h == "Commentaire").unwrap();
    let mut cells: Vec<String> = lines[1].split(';').map(str::to_owned).collect();
    cells[due] = "fin mars".into();
    cells[comment] = "'=revoir au COPIL".into();
    lines[1] = cells.join(";");
    let edited = lines.join("\r\n");
    let mut d = dossier(vec![toulon()]);
    let diagnostics = d
        .apply_records(read_kept(edited.as_bytes()).unwrap().records)
        .to_vec();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(
        diagnostics[0].cell,
        format!("CSV!{}2", char::from(b'A' + due as u8))
    );
    let e = d.entry(1).unwrap();
    assert_eq!(
        e.comment.as_deref(),
        Some("=revoir au COPIL\nÉchéance (non lu)\u{a0}: fin mars")
    );
}

#[test]
fn plan_snapshots() {
    let mut first = with_major();
    first.ecarts[0].leader = Some(" Chef du bureau; « courrier »".to_owned());
    let mut second = with_minor();
    second.kind = AuditKind::external(AuditType::Initial);
    second.dates = AuditDates::day(date("2020-01-07"));
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
        .push(Observation::area_of_concern(
            "Point sensible synthétique",
            "Risque synthétique",
        ));
    let plan = Plan::build(&dossier(vec![first, second]), date("2020-01-15"));
    common::check_snapshot("plan.fr.txt", &plan.to_text(Language::Fr));
    common::check_snapshot("plan.en.md", &plan.to_markdown(Language::En));
    common::check_snapshot("plan.fr.html", &plan.to_html(Language::Fr));
    common::check_snapshot("plan.csv", &plan.to_csv(Language::Fr));
    common::check_snapshot("plan.json", &plan.to_json_string().unwrap());
}
