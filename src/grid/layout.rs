//! The grid's layout, shared by its writer and its reader: sheet names, column headers, the
//! labels of the page de garde and of the conclusion, and how observations spread over rows.
// Parts serve the workbook only (feature `xlsx`).
#![cfg_attr(not(feature = "xlsx"), allow(dead_code))]

use crate::model::assessment::Observation;
use crate::model::ecart::ActionState;
use crate::{ManagementSection, ModuleNumber, ObservationKind};

/// The value of the `format` cell of the `_qualepref` sheet.
pub(crate) const FORMAT: &str = "qualepref-grid/1";

/// The sheet the reader needs: format version and référentiel id, hidden.
pub(crate) const META_SHEET: &str = "_qualepref";
/// Label of the format cell of [`META_SHEET`].
pub(crate) const META_FORMAT: &str = "format";
/// Label of the référentiel cell of [`META_SHEET`].
pub(crate) const META_REFERENTIEL: &str = "referentiel";

/// The page de garde.
pub(crate) const COVER_SHEET: &str = "Page de garde";
/// The management items (« Pilotage de la politique qualité et démarche de labellisation »).
pub(crate) const MANAGEMENT_SHEET: &str = "Pilotage et labellisation";
/// The names sheets had in the grids of version 0.2, and their names now: still read.
pub(crate) const OLDER_SHEETS: [(&str, &str); 1] = [("Management", MANAGEMENT_SHEET)];
/// The remote checks.
pub(crate) const REMOTE_SHEET: &str = "Audit à distance";
/// The fiches d'écart.
pub(crate) const ECARTS_SHEET: &str = "Fiches d'écart";
/// Section 4 as the auditor wrote it.
pub(crate) const CONCLUSION_SHEET: &str = "Conclusion";

/// The sheet of module `module`, e.g. `Module 1`.
pub(crate) fn module_sheet(module: ModuleNumber) -> String {
    format!("Module {}", module.get())
}

/// The module of a sheet named `Module N` (case and spaces ignored).
pub(crate) fn sheet_module(name: &str) -> Option<ModuleNumber> {
    let rest = name.trim();
    let digits = rest
        .get(..6)
        .filter(|head| head.eq_ignore_ascii_case("module"))
        .and_then(|_| rest.get(6..))?;
    digits.trim().parse::<u8>().ok().and_then(ModuleNumber::new)
}

/// The verdicts offered by the drop-down lists.
pub(crate) const VERDICTS: [&str; 4] = ["C", "NA", "NC min", "NC Maj"];
/// The remote notes offered by the drop-down list.
pub(crate) const NOTES: [&str; 3] = ["Conforme", "Non conforme", "Non applicable"];
/// The grades offered by the drop-down list of the fiches d'écart.
pub(crate) const GRADES: [&str; 2] = ["NC min", "NC Maj"];
/// `Audit interne` cell values.
pub(crate) const YES_NO: [&str; 2] = ["oui", "non"];

/// The observation cells of a row, in this order after the row's own columns.
pub(crate) const OBSERVATION_HEADERS: [&str; 4] = [
    "Point fort (PF)",
    "Point sensible (PS)",
    "Risque associé au PS",
    "Piste de progrès (PP)",
];

/// The header of the evidence column of the module sheets and of the management sheet.
pub(crate) const EVIDENCE_HEADER: &str = "Éléments de preuve";

/// Columns of a module sheet: number, title, verdict, the four observation cells, comment,
/// evidence.
pub(crate) const MODULE_HEADERS: [&str; 9] = [
    "N°",
    "Engagement",
    "Verdict",
    OBSERVATION_HEADERS[0],
    OBSERVATION_HEADERS[1],
    OBSERVATION_HEADERS[2],
    OBSERVATION_HEADERS[3],
    "Commentaire, justification d'un NA",
    EVIDENCE_HEADER,
];

/// Columns of the management sheet.
pub(crate) const MANAGEMENT_HEADERS: [&str; 10] = [
    "Section",
    "N°",
    "Item",
    "Verdict",
    OBSERVATION_HEADERS[0],
    OBSERVATION_HEADERS[1],
    OBSERVATION_HEADERS[2],
    OBSERVATION_HEADERS[3],
    "Commentaire",
    EVIDENCE_HEADER,
];

/// Columns of the remote-checks sheet.
pub(crate) const REMOTE_HEADERS: [&str; 10] = [
    "Canal",
    "N°",
    "Module",
    "Engagement",
    "Note",
    OBSERVATION_HEADERS[0],
    OBSERVATION_HEADERS[1],
    OBSERVATION_HEADERS[2],
    OBSERVATION_HEADERS[3],
    "Commentaire",
];

/// Columns of the fiches d'écart sheet; the fiche's number, its cause and the site's answer
/// come last, so that a grid of version 0.2 (without them) reads the same.
pub(crate) const ECART_HEADERS: [&str; 13] = [
    "Cible (n° d'engagement, ou pilotage N / labellisation N)",
    "Gravité",
    "Constat",
    "Exigence",
    "Action corrective",
    "Échéance",
    "Pilote",
    "État",
    "Levée ou vérification le",
    "Preuve de levée, ou motif",
    "N° de fiche",
    "Cause",
    "Réponse du site",
];

/// The states offered by the drop-down list of the fiches d'écart.
pub(crate) const STATES: [&str; 4] = [
    ActionState::Open.word_fr(),
    ActionState::InProgress.word_fr(),
    ActionState::Lifted.word_fr(),
    ActionState::NotLifted.word_fr(),
];

/// Columns of the conclusion sheet.
pub(crate) const CONCLUSION_HEADERS: [&str; 2] = ["Rubrique", "Texte (un paragraphe par ligne)"];

/// Labels of the page de garde, in column A; the value is in column B.
pub(crate) mod cover {
    /// Type d'administration.
    pub(crate) const ADMINISTRATION: &str = "Type d'administration";
    /// Site name.
    pub(crate) const NAME: &str = "Nom du site";
    /// Département code.
    pub(crate) const DEPARTEMENT: &str = "Département";
    /// City.
    pub(crate) const CITY: &str = "Ville";
    /// Audit type.
    pub(crate) const AUDIT_TYPE: &str = "Type d'audit";
    /// Internal flag.
    pub(crate) const INTERNAL: &str = "Audit interne";
    /// Référentiel id.
    pub(crate) const REFERENTIEL: &str = "Référentiel";
    /// Référentiel as the report names it.
    pub(crate) const REFERENTIEL_LABEL: &str = "Libellé du référentiel";
    /// First day.
    pub(crate) const START: &str = "Date de début";
    /// Last day.
    pub(crate) const END: &str = "Date de fin";
    /// The planned external audit an internal audit precedes.
    pub(crate) const EXTERNAL_ON: &str = "Date de l'audit externe (audit interne)";
    /// The certification body's labelling decision.
    pub(crate) const DECIDED_ON: &str = "Décision de labellisation le";
    /// The day the plan d'actions was accepted (avis favorable sous réserve).
    pub(crate) const PLAN_ACCEPTED_ON: &str = "Plan d'actions accepté le";
    /// Modules covered.
    pub(crate) const MODULES: &str = "Modules couverts";
    /// Population figure.
    pub(crate) const POPULATION: &str = "Population";
    /// Communes figure.
    pub(crate) const COMMUNES: &str = "Communes";
    /// Arrondissements figure.
    pub(crate) const ARRONDISSEMENTS: &str = "Arrondissements";
    /// Staff figure.
    pub(crate) const STAFF: &str = "Effectif";
    /// One paragraph of the organisation's context.
    pub(crate) const ORGANISATION: &str = "Contexte de l'organisme";
    /// One paragraph of the history of the quality approach.
    pub(crate) const HISTORY: &str = "Historique de la démarche";
    /// The heading row of the auditors' table.
    pub(crate) const AUDITORS: &str = "Auditeurs";
    /// One auditor: name, role, phone, e-mail, date of signature in B–F.
    pub(crate) const AUDITOR: &str = "Auditeur";
    /// The column headers of the auditors' table, B–F.
    pub(crate) const AUDITOR_HEADERS: [&str; 5] =
        ["Nom", "Rôle", "Téléphone", "Courriel", "Signé le"];
}

/// The sections of the conclusion sheet, in order; column A of each row.
pub(crate) const CONCLUSION_SECTIONS: [&str; 9] = [
    "POINTS FORTS",
    "POINTS SENSIBLES (avec risques associés)",
    "PISTES DE PROGRES",
    "FICHE(S) D'ECART(S)",
    "COMMENTAIRES",
    "LES BONNES PRATIQUES",
    "LES RESULTATS DES ENQUETES DE SATISFACTION DES USAGERS",
    "RESPECT DE LA CHARTE GRAPHIQUE",
    "CONCLUSION GENERALE DE L'AUDIT",
];

/// The fields of the conclusion's sections, in the order of [`CONCLUSION_SECTIONS`]: the
/// paths of their texts in the audit (`conclusion.points_forts`) and their names in the CSV
/// form.
pub(crate) const CONCLUSION_FIELDS: [&str; 9] = [
    "points_forts",
    "points_sensibles",
    "pistes_de_progres",
    "fiches_ecart",
    "commentaires",
    "bonnes_pratiques",
    "enquetes_satisfaction",
    "charte_graphique",
    "conclusion_generale",
];

/// The row of the conclusion sheet holding the charte graphique's verdict in column B.
pub(crate) const CHARTE_VERDICT: &str = "RESPECT DE LA CHARTE GRAPHIQUE (verdict)";

/// The label of a management section in the grid.
pub(crate) fn section_label(section: ManagementSection) -> &'static str {
    section.heading()
}

/// The observation cells of one row: at most one observation of each kind, in the order
/// PF, PS, PP.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct ObservationRow<'a> {
    /// The point fort.
    pub(crate) strength: Option<&'a Observation>,
    /// The point sensible, whose risk goes in the next cell.
    pub(crate) concern: Option<&'a Observation>,
    /// The piste de progrès.
    pub(crate) improvement: Option<&'a Observation>,
}

impl<'a> ObservationRow<'a> {
    fn slot(&mut self, kind: ObservationKind) -> &mut Option<&'a Observation> {
        match kind {
            ObservationKind::Strength => &mut self.strength,
            ObservationKind::AreaOfConcern => &mut self.concern,
            ObservationKind::OpportunityForImprovement => &mut self.improvement,
        }
    }

    /// The four cells: PF, PS, its risk, PP.
    pub(crate) fn cells(&self) -> [Option<&'a str>; 4] {
        [
            self.strength.map(|o| o.text.as_str()),
            self.concern.map(|o| o.text.as_str()),
            self.concern.and_then(|o| o.risk.as_deref()),
            self.improvement.map(|o| o.text.as_str()),
        ]
    }
}

/// Spreads `observations` over rows so that reading the rows back, each left to right (PF, PS,
/// PP) and top to bottom, gives them in the same order: a new row starts when an observation's
/// kind does not come after the last one placed. Always at least one row.
pub(crate) fn observation_rows(observations: &[Observation]) -> Vec<ObservationRow<'_>> {
    let mut rows = vec![ObservationRow::default()];
    let mut last: Option<ObservationKind> = None;
    for observation in observations {
        if last.is_some_and(|k| observation.kind <= k) {
            rows.push(ObservationRow::default());
        }
        if let Some(row) = rows.last_mut() {
            *row.slot(observation.kind) = Some(observation);
        }
        last = Some(observation.kind);
    }
    rows
}
