//! The grid's sheets as rows of cells, independent of the file format: what the workbook writer
//! lays out.

use chrono::NaiveDate;

use crate::grid::guidance::{self, GUIDE, GUIDE_HEADERS};
use crate::grid::layout::{
    self, CHARTE_VERDICT, CONCLUSION_HEADERS, CONCLUSION_SECTIONS, ECART_HEADERS, GRADES,
    MANAGEMENT_HEADERS, MODULE_HEADERS, NOTES, REMOTE_HEADERS, STATES, VERDICTS, YES_NO, cover,
    observation_rows,
};
use crate::grid::write::Blanks;
use crate::model::assessment::Observation;
use crate::{
    AdministrationType, Assessment, Audit, EngagementNumber, Error, ModuleNumber, Referentiel,
    RemoteChannel, RemoteCheck, Verdict,
};

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// Text the user should not change (numbers' titles, labels).
    Fixed(String),
    /// A number the user should not change.
    FixedNumber(f64),
    /// Text the user fills in.
    Input(Option<String>),
    /// A number the user fills in.
    InputNumber(Option<f64>),
    /// A date the user fills in.
    Date(Option<NaiveDate>),
    /// A group heading.
    Heading(String),
    /// A column header.
    Header(String),
}

/// One row, from column A.
pub(crate) type Row = Vec<Cell>;

/// One sheet: its name, title (A1), column headers (row 3), rows (from row 4) and presentation.
#[derive(Debug, Clone)]
pub(crate) struct Sheet {
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) headers: Vec<&'static str>,
    pub(crate) rows: Vec<Row>,
    pub(crate) widths: Vec<f64>,
    /// Drop-down lists, by column.
    pub(crate) lists: Vec<(usize, &'static [&'static str])>,
    /// Drop-down lists whose values are a range of the workbook (a formula), by column.
    pub(crate) formula_lists: Vec<(usize, String)>,
    /// Drop-down lists of single cells in column B, by row (an index into `rows`).
    pub(crate) cell_lists: Vec<(usize, &'static [&'static str])>,
    pub(crate) verdict_columns: Vec<usize>,
    pub(crate) date_columns: Vec<usize>,
    pub(crate) protected: bool,
    /// Written in column A of the spare rows, e.g. `Auditeur`.
    pub(crate) spare_label: Option<&'static str>,
    /// How many blank rows to leave for additions.
    pub(crate) spare: u32,
}

fn fixed(s: impl Into<String>) -> Cell {
    Cell::Fixed(s.into())
}

fn input(s: Option<&str>) -> Cell {
    Cell::Input(s.map(str::to_owned))
}

fn number(n: impl Into<f64>) -> Cell {
    Cell::FixedNumber(n.into())
}

/// The sheets of the grid of `audit`, in order: page de garde, one per module, management,
/// remote checks, fiches d'écart, conclusion.
pub(crate) fn sheets(
    audit: &Audit,
    referentiel: &Referentiel,
    blanks: Blanks,
) -> Result<Vec<Sheet>, Error> {
    crate::grid::contract::check(audit, !blanks.dates)?;
    let mut sheets = vec![cover_sheet(audit, blanks)];
    let mut modules: Vec<ModuleNumber> = audit.modules.clone();
    for a in &audit.assessments {
        if !modules.contains(&a.module) {
            modules.push(a.module);
        }
    }
    let mut seen = Vec::new();
    for module in modules {
        if !seen.contains(&module) {
            seen.push(module);
            sheets.push(module_sheet(audit, referentiel, module));
        }
    }
    sheets.push(management_sheet(audit, referentiel));
    sheets.push(remote_sheet(audit, referentiel));
    sheets.push(ecarts_sheet(audit, referentiel));
    sheets.push(conclusion_sheet(audit));
    sheets.push(guide_sheet(referentiel));
    Ok(sheets)
}

fn cover_sheet(audit: &Audit, blanks: Blanks) -> Sheet {
    let site = &audit.site;
    let text = |label: &str, value: Option<&str>| vec![fixed(label), input(value)];
    let figure = |label: &str, value: Option<u64>| {
        // Figures are counts well below 2^53: exact in an f64.
        #[allow(clippy::cast_precision_loss)]
        let value = value.map(|n| n as f64);
        vec![fixed(label), Cell::InputNumber(value)]
    };
    let date = |label: &str, value: NaiveDate| {
        vec![fixed(label), Cell::Date((!blanks.dates).then_some(value))]
    };
    let modules = audit
        .modules
        .iter()
        .map(|m| m.get().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let figures = audit.context.figures;
    let mut rows = vec![
        text(
            cover::ADMINISTRATION,
            (!blanks.site).then(|| site.administration.label_fr()),
        ),
        text(cover::NAME, site.name.as_deref()),
        text(
            cover::DEPARTEMENT,
            (!blanks.site).then(|| site.departement.as_str()),
        ),
        text(cover::CITY, (!blanks.site).then_some(site.city.as_str())),
        text(
            cover::AUDIT_TYPE,
            audit
                .kind
                .audit_type
                .filter(|_| !blanks.kind)
                .map(crate::AuditType::code),
        ),
        text(
            cover::INTERNAL,
            (!blanks.kind).then_some(if audit.kind.internal { "oui" } else { "non" }),
        ),
        text(cover::REFERENTIEL, Some(audit.referentiel.id.as_str())),
        text(cover::REFERENTIEL_LABEL, audit.referentiel.label.as_deref()),
        date(cover::START, audit.dates.start),
        date(cover::END, audit.dates.end),
        vec![
            fixed(cover::EXTERNAL_ON),
            Cell::Date(audit.kind.external_on),
        ],
        vec![
            fixed(cover::DECIDED_ON),
            Cell::Date(audit.labelling.map(|l| l.decided_on)),
        ],
        vec![
            fixed(cover::PLAN_ACCEPTED_ON),
            Cell::Date(audit.labelling.and_then(|l| l.plan_accepted_on)),
        ],
        text(cover::MODULES, Some(modules.as_str())),
        figure(cover::POPULATION, figures.population),
        figure(cover::COMMUNES, figures.communes.map(u64::from)),
        figure(
            cover::ARRONDISSEMENTS,
            figures.arrondissements.map(u64::from),
        ),
        figure(cover::STAFF, figures.staff.map(u64::from)),
    ];
    for (label, paragraphs) in [
        (cover::ORGANISATION, &audit.context.organisation),
        (cover::HISTORY, &audit.context.history),
    ] {
        if paragraphs.is_empty() {
            rows.push(text(label, None));
        }
        rows.extend(paragraphs.iter().map(|p| text(label, Some(p))));
    }
    let mut heading = vec![Cell::Header(cover::AUDITORS.to_owned())];
    heading.extend(
        cover::AUDITOR_HEADERS
            .iter()
            .map(|h| Cell::Header((*h).to_owned())),
    );
    rows.push(heading);
    for auditor in &audit.auditors {
        rows.push(vec![
            fixed(cover::AUDITOR),
            input(Some(&auditor.name)),
            input(auditor.role.as_deref()),
            input(auditor.phone.as_deref()),
            input(auditor.email.as_deref()),
            Cell::Date(auditor.signed_on),
        ]);
    }
    Sheet {
        name: layout::COVER_SHEET.to_owned(),
        title: "Grille d'audit Qual-e-pref — page de garde".to_owned(),
        headers: vec!["Rubrique", "Valeur"],
        rows,
        widths: vec![28.0, 40.0, 28.0, 18.0, 30.0, 14.0],
        lists: Vec::new(),
        formula_lists: Vec::new(),
        // The rows of the administration type, the audit type and the internal flag.
        cell_lists: vec![
            (0, &ADMINISTRATIONS[..]),
            (4, &AUDIT_TYPES[..]),
            (5, &YES_NO[..]),
        ],
        verdict_columns: Vec::new(),
        date_columns: vec![5],
        protected: false,
        spare_label: Some(cover::AUDITOR),
        spare: if audit.auditors.is_empty() { 3 } else { 1 },
    }
}

/// Rows of one item: its own cells, then the four observation cells, then `after` (comment,
/// evidence) on the first row; continuation rows repeat `key` and leave the rest empty.
fn item_rows(key: &[Cell], own: &[Cell], observations: &[Observation], after: &[Cell]) -> Vec<Row> {
    let blank_own = own.len();
    observation_rows(observations)
        .iter()
        .enumerate()
        .map(|(i, obs)| {
            let mut row: Row = key.to_vec();
            if i == 0 {
                row.extend(own.iter().cloned());
            } else {
                row.extend((0..blank_own).map(|_| Cell::Input(None)));
            }
            row.extend(obs.cells().iter().map(|c| input(*c)));
            if i == 0 {
                row.extend(after.iter().cloned());
            } else {
                row.extend(after.iter().map(|_| Cell::Input(None)));
            }
            row
        })
        .collect()
}

fn verdict_cell(verdict: Option<Verdict>) -> Cell {
    input(verdict.map(Verdict::code))
}

fn module_sheet(audit: &Audit, referentiel: &Referentiel, module: ModuleNumber) -> Sheet {
    let title = referentiel
        .module(module)
        .map_or_else(String::new, |m| format!(" — {}", m.title));
    let mine: Vec<&Assessment> = audit
        .assessments
        .iter()
        .filter(|a| a.module == module)
        .collect();
    let mut rows = Vec::new();
    let mut written = vec![false; mine.len()];
    let mut group: Option<&str> = None;
    for engagement in referentiel.engagements_of(module) {
        for (i, a) in mine.iter().enumerate() {
            if a.engagement != engagement.number || written.get(i).copied().unwrap_or(true) {
                continue;
            }
            if let Some(slot) = written.get_mut(i) {
                *slot = true;
            }
            if engagement.group.as_deref() != group {
                group = engagement.group.as_deref();
                if let Some(g) = group.and_then(|id| referentiel.group(module, id)) {
                    let heading = g.heading.clone().unwrap_or_else(|| g.title.to_uppercase());
                    rows.push(vec![Cell::Input(None), Cell::Heading(heading)]);
                }
            }
            rows.extend(assessment_rows(a, Some(engagement.title.as_str())));
        }
    }
    for (a, _) in mine.iter().zip(&written).filter(|(_, w)| !**w) {
        let title = referentiel
            .engagement(a.engagement)
            .map(|e| e.title.as_str());
        rows.extend(assessment_rows(a, title));
    }
    Sheet {
        name: layout::module_sheet(module),
        title: format!("Module {}{title}", module.get()),
        headers: MODULE_HEADERS.to_vec(),
        rows,
        widths: vec![6.0, 42.0, 9.0, 30.0, 30.0, 24.0, 30.0, 28.0, 30.0],
        cell_lists: Vec::new(),
        formula_lists: Vec::new(),
        lists: vec![(2, &VERDICTS[..])],
        verdict_columns: vec![2],
        date_columns: Vec::new(),
        protected: true,
        spare_label: None,
        spare: 0,
    }
}

/// The rows of assessment `a`, then a spare row with its number, for a further observation.
fn assessment_rows(a: &Assessment, title: Option<&str>) -> Vec<Row> {
    let key = [number(a.engagement.get())];
    let own = vec![fixed(title.unwrap_or_default()), verdict_cell(a.verdict)];
    let after = [input(a.comment.as_deref()), input(a.evidence.as_deref())];
    let mut rows = item_rows(&key, &own, &a.observations, &after);
    let mut spare = vec![number(a.engagement.get())];
    spare.extend((1..MODULE_HEADERS.len()).map(|_| Cell::Input(None)));
    rows.push(spare);
    rows
}

fn management_sheet(audit: &Audit, referentiel: &Referentiel) -> Sheet {
    let mut order: Vec<usize> = (0..audit.management.len()).collect();
    let position = |i: &usize| {
        audit.management.get(*i).map_or(usize::MAX, |m| {
            referentiel
                .management_items()
                .iter()
                .position(|r| r.id() == m.id())
                .unwrap_or(usize::MAX)
        })
    };
    order.sort_by_key(position);
    let mut rows = Vec::new();
    for m in order.iter().filter_map(|i| audit.management.get(*i)) {
        let title = referentiel
            .management_item(m.id())
            .map(|i| i.title.clone())
            .unwrap_or_default();
        let key = [fixed(layout::section_label(m.section)), number(m.item)];
        let own = vec![fixed(title), verdict_cell(m.verdict)];
        let after = [input(m.comment.as_deref()), input(m.evidence.as_deref())];
        rows.extend(item_rows(&key, &own, &m.observations, &after));
    }
    Sheet {
        name: layout::MANAGEMENT_SHEET.to_owned(),
        title: "Pilotage de la politique qualité et démarche de labellisation".to_owned(),
        headers: MANAGEMENT_HEADERS.to_vec(),
        rows,
        widths: vec![22.0, 5.0, 30.0, 9.0, 28.0, 28.0, 22.0, 28.0, 26.0, 30.0],
        cell_lists: Vec::new(),
        formula_lists: Vec::new(),
        lists: vec![(3, &VERDICTS[..])],
        verdict_columns: vec![3],
        date_columns: Vec::new(),
        protected: true,
        spare_label: None,
        spare: 0,
    }
}

/// The remote checks a blank grid lists, by channel and engagement: the thirteen of the audit
/// à distance of the Toulon 2019 report (Internet 1, 3, 10, 11, 12, 13, 14; Téléphone 1, 2, 8,
/// 10; Courriels 16, 17), the usual ones; the auditor adds or deletes rows.
pub(crate) const USUAL_REMOTE_CHECKS: [(RemoteChannel, u16); 13] = [
    (RemoteChannel::Internet, 1),
    (RemoteChannel::Internet, 3),
    (RemoteChannel::Internet, 10),
    (RemoteChannel::Internet, 11),
    (RemoteChannel::Internet, 12),
    (RemoteChannel::Internet, 13),
    (RemoteChannel::Internet, 14),
    (RemoteChannel::Telephone, 1),
    (RemoteChannel::Telephone, 2),
    (RemoteChannel::Telephone, 8),
    (RemoteChannel::Telephone, 10),
    (RemoteChannel::Courriels, 16),
    (RemoteChannel::Courriels, 17),
];

/// The [`USUAL_REMOTE_CHECKS`] of the engagements of `referentiel` in the covered `modules`,
/// without note.
pub(crate) fn usual_remote_checks(
    referentiel: &Referentiel,
    modules: &[ModuleNumber],
) -> Vec<RemoteCheck> {
    USUAL_REMOTE_CHECKS
        .iter()
        .filter_map(|&(channel, n)| {
            let engagement = referentiel.engagement(EngagementNumber::new(n)?)?;
            if !modules.contains(&engagement.module) {
                return None;
            }
            let mut check = RemoteCheck::new(
                channel,
                engagement.number,
                engagement.module,
                crate::RemoteNote::Conforme,
            );
            check.note = None;
            Some(check)
        })
        .collect()
}

const ADMINISTRATIONS: [&str; 4] = [
    AdministrationType::Prefecture.label_fr(),
    AdministrationType::SousPrefecture.label_fr(),
    AdministrationType::PrefectureDePolice.label_fr(),
    AdministrationType::HautCommissariat.label_fr(),
];

const AUDIT_TYPES: [&str; 4] = ["initial", "suivi", "renouvellement", "extension"];

const CHANNELS: [&str; 3] = [
    RemoteChannel::Internet.label_fr(),
    RemoteChannel::Telephone.label_fr(),
    RemoteChannel::Courriels.label_fr(),
];

fn remote_sheet(audit: &Audit, referentiel: &Referentiel) -> Sheet {
    let mut rows = Vec::new();
    for check in &audit.remote_checks {
        let key = [
            input(Some(check.channel.label_fr())),
            Cell::InputNumber(Some(f64::from(check.engagement.get()))),
            Cell::InputNumber(Some(f64::from(check.module.get()))),
        ];
        let title = referentiel
            .engagement(check.engagement)
            .map(|e| e.title.clone())
            .unwrap_or_default();
        let own = vec![fixed(title), input(check.note.map(crate::RemoteNote::code))];
        let comment = [input(check.comment.as_deref())];
        rows.extend(item_rows(&key, &own, &check.observations, &comment));
    }
    Sheet {
        name: layout::REMOTE_SHEET.to_owned(),
        title: "Audit à distance\u{a0}: un contrôle par ligne (canal × engagement)\u{202f}; des lignes \
                peuvent être ajoutées ou supprimées"
            .to_owned(),
        headers: REMOTE_HEADERS.to_vec(),
        rows,
        widths: vec![24.0, 5.0, 7.0, 36.0, 13.0, 28.0, 28.0, 22.0, 28.0, 30.0],
        cell_lists: Vec::new(),
        formula_lists: Vec::new(),
        lists: vec![(0, &CHANNELS[..]), (4, &NOTES[..])],
        verdict_columns: Vec::new(),
        date_columns: Vec::new(),
        protected: false,
        spare_label: None,
        spare: 30,
    }
}

/// The « Mode d'emploi » sheet: the guidance, then the list of the fiches' targets.
fn guide_sheet(referentiel: &Referentiel) -> Sheet {
    let mut rows: Vec<Row> = GUIDE
        .iter()
        .map(|(subject, text)| vec![fixed(*subject), fixed(*text)])
        .collect();
    rows.push(Vec::new());
    rows.extend(
        guidance::targets(referentiel)
            .into_iter()
            .map(|t| vec![fixed(guidance::TARGET_LABEL), fixed(t)]),
    );
    Sheet {
        name: guidance::GUIDE_SHEET.to_owned(),
        title: guidance::GUIDE_TITLE.to_owned(),
        headers: GUIDE_HEADERS.to_vec(),
        rows,
        widths: vec![26.0, 110.0],
        lists: Vec::new(),
        formula_lists: Vec::new(),
        cell_lists: Vec::new(),
        verdict_columns: Vec::new(),
        date_columns: Vec::new(),
        protected: true,
        spare_label: None,
        spare: 0,
    }
}

/// The range of the « Mode d'emploi » sheet that holds the fiches' targets of `referentiel`:
/// `'Mode d''emploi'!$B$16:$B$45`.
fn targets_range(referentiel: &Referentiel) -> String {
    // Rows 1 to 3: title, blank, headers; then the guidance, a blank row, the targets.
    let first = 3 + GUIDE.len() + 2;
    let last = first + guidance::targets(referentiel).len().saturating_sub(1);
    format!(
        "='{}'!$B${first}:$B${last}",
        guidance::GUIDE_SHEET.replace('\'', "''")
    )
}

fn ecarts_sheet(audit: &Audit, referentiel: &Referentiel) -> Sheet {
    let rows = audit
        .ecarts
        .iter()
        .map(|f| {
            let target = input(Some(&guidance::target_label(f.target, referentiel)));
            vec![
                target,
                input(Some(f.grade.code())),
                input(Some(&f.finding)),
                input(
                    Some(&f.requirement)
                        .filter(|r| !r.is_empty())
                        .map(String::as_str),
                ),
                input(f.corrective_action.as_deref()),
                Cell::Date(f.due),
                input(f.leader.as_deref()),
                input(Some(f.status.state().word_fr()).filter(|_| !f.status.is_open())),
                Cell::Date(f.status.checked_on()),
                input(Some(f.status.note()).filter(|n| !n.is_empty())),
                Cell::InputNumber(f.number.map(f64::from)),
                input(f.cause.as_deref()),
                input(f.response.as_deref()),
            ]
        })
        .collect();
    Sheet {
        name: layout::ECARTS_SHEET.to_owned(),
        title: "Fiches d'écart\u{a0}: une par non-conformité".to_owned(),
        headers: ECART_HEADERS.to_vec(),
        rows,
        widths: vec![
            18.0, 9.0, 40.0, 34.0, 34.0, 12.0, 24.0, 10.0, 12.0, 34.0, 9.0, 34.0, 34.0,
        ],
        cell_lists: Vec::new(),
        formula_lists: vec![(0, targets_range(referentiel))],
        lists: vec![(1, &GRADES[..]), (7, &STATES[..])],
        verdict_columns: vec![1],
        date_columns: vec![5, 8],
        protected: false,
        spare_label: None,
        spare: 20,
    }
}

fn conclusion_sheet(audit: &Audit) -> Sheet {
    let c = &audit.conclusion;
    let sections: [&Vec<String>; 9] = [
        &c.points_forts,
        &c.points_sensibles,
        &c.pistes_de_progres,
        &c.fiches_ecart,
        &c.commentaires,
        &c.bonnes_pratiques,
        &c.enquetes_satisfaction,
        &c.charte_graphique.text,
        &c.conclusion_generale,
    ];
    let mut rows = Vec::new();
    for (label, paragraphs) in CONCLUSION_SECTIONS.iter().zip(sections) {
        if *label == CONCLUSION_SECTIONS[7] {
            rows.push(vec![
                fixed(CHARTE_VERDICT),
                verdict_cell(c.charte_graphique.verdict),
            ]);
        }
        if paragraphs.is_empty() {
            rows.push(vec![fixed(*label), input(None)]);
        }
        rows.extend(
            paragraphs
                .iter()
                .map(|p| vec![fixed(*label), input(Some(p))]),
        );
    }
    Sheet {
        name: layout::CONCLUSION_SHEET.to_owned(),
        title: "Synthèse et conclusion générale (section 4)".to_owned(),
        headers: CONCLUSION_HEADERS.to_vec(),
        rows,
        widths: vec![34.0, 110.0],
        lists: Vec::new(),
        cell_lists: Vec::new(),
        formula_lists: Vec::new(),
        verdict_columns: Vec::new(),
        date_columns: Vec::new(),
        protected: false,
        spare_label: None,
        spare: 10,
    }
}
