//! Validation: every rule checked in one pass, each problem a [`Diagnostic`] with a stable
//! [`RuleCode`], a [`Severity`] and a path into the audit.
//!
//! [`validate`] collects every problem of an [`Audit`] against a [`Referentiel`] before
//! reporting; [`validate_referentiel`] checks a user-supplied référentiel for what loading does
//! not already refuse. [`Valid`] wraps an audit that has passed (no error-severity diagnostic).
//!
//! ```
//! use qualepref::{samples, validate, Audit, ModuleNumber, ValidationOptions, Referentiel};
//!
//! let mut audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
//! let referentiel = Referentiel::qual_e_pref_2019();
//! assert!(validate(&audit, referentiel, &ValidationOptions::default()).is_clean());
//!
//! let two = ModuleNumber::new(2).ok_or("2")?;
//! audit.modules.retain(|m| *m != two);
//! let report = validate(&audit, referentiel, &ValidationOptions::default());
//! assert!(report.has_errors());
//! assert_eq!(
//!     report.diagnostics()[0].to_string(),
//!     "assessments[20].engagement: [module-not-covered] error: \
//!      engagement 21 is assessed but its module 2 is not covered"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Paths
//!
//! A path names the field of the audit's JSON layout (see [`Audit`]) that holds the bad value,
//! with indices into arrays counted from 0: `assessments[16].observations[0].text`,
//! `modules[1]`, `ecarts[0].grade`, `site.departement`, `dates.end`, `kind.type`,
//! `conclusion.points_sensibles[0]`. A path that ends at an array (`assessments`, `management`,
//! `modules`) names something missing from it. Diagnostics of [`validate_referentiel`] have paths
//! into the référentiel's file format.
//!
//! # Order
//!
//! Diagnostics come sorted by module, then engagement number, then field: first what concerns the
//! whole audit (référentiel, site, type, dates, auditors), then each module in number order with
//! its engagements in number order (the module list, assessments, remote checks, fiches d'écart),
//! then the management items, then the conclusion. Within one field, by code then message. The
//! key never depends on where an item sits in its array, so the same audit with its assessments,
//! management items, remote checks or fiches in another order gives the same codes, severities
//! and messages in the same order; only the indices in the paths follow the data.
//!
//! # Severities and options
//!
//! Each code has a default [`Severity`]; [`ValidationOptions`] overrides it per code (or turns the rule
//! off), and the presets [`ValidationOptions::strict`] (warnings become errors) and [`ValidationOptions::lenient`]
//! (warnings become infos) change every warning at once. A per-code override wins over a preset.
//!
//! # What parsing already refuses
//!
//! Parsing an [`Audit`] already refuses what types rule out, so validation does not report it:
//! malformed JSON, unknown fields, unknown verdicts or observation kinds, module numbers outside
//! 1–8, engagement numbers outside 1–999, malformed dates and malformed département codes (`8`,
//! `2C`, `1234`). A well-formed but non-existent département (`96`) is reported by
//! [`unknown-departement`](#unknown-departement). Loading a [`Referentiel`] already refuses
//! duplicate numbers, engagements in unknown or not-bundled modules, bundled modules without
//! engagements, unknown groups and empty titles.
//!
//! # Codes
//!
//! Codes are stable: never renamed nor reused once released. The list below is the reference;
//! [`RuleCode::description`] gives the same sentence.
//!
//! | code | default severity | checks |
//! |---|---|---|
//! | [`referentiel-mismatch`](#referentiel-mismatch) | error | The audit names another référentiel than the one it is validated against. |
//! | [`unknown-departement`](#unknown-departement) | warning | The site's département code is well-formed but not an existing département (malformed codes are already refused when parsing). |
//! | [`dates-reversed`](#dates-reversed) | error | The audit ends before it starts. |
//! | [`audit-before-referentiel`](#audit-before-referentiel) | error | The audit starts before the référentiel's publication date. |
//! | [`external-audit-without-type`](#external-audit-without-type) | error | An external audit does not state its type. |
//! | [`internal-audit-without-type`](#internal-audit-without-type) | warning | An internal audit does not state which external audit it precedes. |
//! | [`no-auditor`](#no-auditor) | error | No auditor is named. |
//! | [`auditor-without-name`](#auditor-without-name) | error | An auditor's name is empty. |
//! | [`obligatory-module-not-covered`](#obligatory-module-not-covered) | error | A module that the référentiel marks as obligatory (module 1 in Qual-e-pref) is not covered. |
//! | [`duplicate-module`](#duplicate-module) | warning | A module is listed more than once in `modules`. |
//! | [`unknown-module`](#unknown-module) | error | A covered module is not a module of the référentiel. |
//! | [`module-not-bundled`](#module-not-bundled) | error | A covered module's engagements are not bundled in the référentiel (modules 3–8 of the embedded Qual-e-pref 2019), so its assessments cannot be checked. |
//! | [`police-module-wrong-administration`](#police-module-wrong-administration) | warning | Module 8 (polices exercées par la préfecture de police de Paris) is covered by a site that is not the préfecture de police. |
//! | [`module-not-covered`](#module-not-covered) | error | An engagement is assessed but its module is not covered. |
//! | [`unknown-engagement`](#unknown-engagement) | error | An assessment names an engagement that the référentiel does not have. |
//! | [`wrong-module`](#wrong-module) | error | An assessment or a remote check is filed under another module than the référentiel's module of its engagement. |
//! | [`missing-assessment`](#missing-assessment) | error | An engagement of a covered, bundled module has no assessment. |
//! | [`duplicate-assessment`](#duplicate-assessment) | error | An engagement is assessed more than once. |
//! | [`missing-verdict`](#missing-verdict) | error | An engagement or a management item is assessed without a verdict. |
//! | [`na-without-justification`](#na-without-justification) | warning | An `NA` verdict has no justification in its `comment`. |
//! | [`empty-observation`](#empty-observation) | error | An observation (`PF`, `PS`, `PP`) has an empty text. |
//! | [`ps-without-risk`](#ps-without-risk) | warning | A point sensible does not state its associated risk. |
//! | [`missing-management-item`](#missing-management-item) | error | A management item of the référentiel is not assessed. |
//! | [`duplicate-management-item`](#duplicate-management-item) | error | A management item is assessed more than once. |
//! | [`unknown-management-item`](#unknown-management-item) | error | A management assessment names an item that the référentiel does not have. |
//! | [`remote-check-module-not-covered`](#remote-check-module-not-covered) | error | A remote check is about an engagement whose module is not covered. |
//! | [`remote-check-unknown-engagement`](#remote-check-unknown-engagement) | error | A remote check names an engagement that the référentiel does not have. |
//! | [`remote-check-without-note`](#remote-check-without-note) | warning | A remote check has no note. |
//! | [`remote-check-contradicts-verdict`](#remote-check-contradicts-verdict) | warning | A remote check's note contradicts the on-site verdict: `Non conforme` while on site `C`, or `Conforme` while on site a nonconformity. |
//! | [`duplicate-remote-check`](#duplicate-remote-check) | warning | An engagement is checked more than once on the same remote channel. |
//! | [`nonconformity-without-fiche`](#nonconformity-without-fiche) | error | A nonconformity (`NC min` or `NC Maj`, on an engagement or a management item) has no fiche d'écart. |
//! | [`fiche-without-nonconformity`](#fiche-without-nonconformity) | error | A fiche d'écart targets an engagement or a management item that has no nonconformity. |
//! | [`fiche-grade-mismatch`](#fiche-grade-mismatch) | error | A fiche d'écart's grade differs from the verdict of its target. |
//! | [`duplicate-fiche`](#duplicate-fiche) | error | Several fiches d'écart target the same engagement or management item. |
//! | [`fiche-empty-finding`](#fiche-empty-finding) | error | A fiche d'écart has an empty finding (« constat »). |
//! | [`fiche-due-before-audit-end`](#fiche-due-before-audit-end) | warning | A fiche d'écart's corrective action is due before the audit's last day. |
//! | [`charte-graphique-in-initial-audit`](#charte-graphique-in-initial-audit) | error | The charte graphique is given a verdict other than `NA` in an initial audit, where it does not apply. |
//! | [`conclusion-contradicts-findings`](#conclusion-contradicts-findings) | warning | A conclusion section contradicts the data: « Absence de non-conformité » or « Sans objet » under fiches d'écart while nonconformities exist, or « Sans objet » under points forts, points sensibles or pistes de progrès while such observations exist (compared ignoring case and accents). |
//! | [`engagement-numbering-gap`](#engagement-numbering-gap) | warning | Référentiel: engagement numbers are not continuous (a number is skipped). |
//! | [`module-engagements-not-contiguous`](#module-engagements-not-contiguous) | warning | Référentiel: a bundled module's engagements are interleaved with another module's. |
//! | [`no-obligatory-module`](#no-obligatory-module) | info | Référentiel: no module is marked as obligatory. |
//!
//! ### `referentiel-mismatch`
//!
//! **Error.** The audit names another référentiel than the one it is validated against.
//!
//! ```text
//! referentiel.id: [referentiel-mismatch] error: the audit names référentiel "qualipref-2" but is validated against "qual-e-pref-2019"
//! ```
//!
//! Fix: Validate against the référentiel the audit names, or correct `referentiel.id`.
//!
//! ### `unknown-departement`
//!
//! **Warning.** The site's département code is well-formed but not an existing département
//! (malformed codes are already refused when parsing).
//!
//! ```text
//! site.departement: [unknown-departement] warning: département code 96 is not an existing département
//! ```
//!
//! Fix: Correct `site.departement` (`01`–`95`, `2A`, `2B`, `971`–`978`, `986`–`988`).
//!
//! ### `dates-reversed`
//!
//! **Error.** The audit ends before it starts.
//!
//! ```text
//! dates.end: [dates-reversed] error: the audit ends on 2019-11-17, before its start on 2019-11-18
//! ```
//!
//! Fix: Swap or correct `dates.start` and `dates.end`.
//!
//! ### `audit-before-referentiel`
//!
//! **Error.** The audit starts before the référentiel's publication date.
//!
//! ```text
//! dates.start: [audit-before-referentiel] error: the audit starts on 2018-01-15, before the référentiel qual-e-pref-2019 dated 2018-12-19
//! ```
//!
//! Fix: Correct the dates, or validate against the référentiel in force at the time.
//!
//! ### `external-audit-without-type`
//!
//! **Error.** An external audit does not state its type.
//!
//! ```text
//! kind.type: [external-audit-without-type] error: the external audit does not state its type (initial, suivi, renouvellement or extension)
//! ```
//!
//! Fix: Set `kind.type`.
//!
//! ### `internal-audit-without-type`
//!
//! **Warning.** An internal audit does not state which external audit it precedes.
//!
//! ```text
//! kind.type: [internal-audit-without-type] warning: the internal audit does not state which external audit it precedes (initial, suivi, renouvellement or extension)
//! ```
//!
//! Fix: Set `kind.type` to the type of the external audit ahead of which it is run.
//!
//! ### `no-auditor`
//!
//! **Error.** No auditor is named.
//!
//! ```text
//! auditors: [no-auditor] error: no auditor is named
//! ```
//!
//! Fix: Add the auditors to `auditors`, lead auditor first.
//!
//! ### `auditor-without-name`
//!
//! **Error.** An auditor's name is empty.
//!
//! ```text
//! auditors[0].name: [auditor-without-name] error: auditor 1 has an empty name
//! ```
//!
//! Fix: Fill in the name, or remove the entry.
//!
//! ### `obligatory-module-not-covered`
//!
//! **Error.** A module that the référentiel marks as obligatory (module 1 in Qual-e-pref) is not
//! covered.
//!
//! ```text
//! modules: [obligatory-module-not-covered] error: module 1 (Relation générale avec les usagers) is obligatory but not covered
//! ```
//!
//! Fix: Add the module to `modules` and assess its engagements.
//!
//! ### `duplicate-module`
//!
//! **Warning.** A module is listed more than once in `modules`.
//!
//! ```text
//! modules[2]: [duplicate-module] warning: module 2 is listed 2 times
//! ```
//!
//! Fix: Remove the repeated entry.
//!
//! ### `unknown-module`
//!
//! **Error.** A covered module is not a module of the référentiel.
//!
//! ```text
//! modules[1]: [unknown-module] error: module 5 is covered but the référentiel marianne has no module 5
//! ```
//!
//! Fix: Remove the module from `modules`, or validate against the right référentiel.
//!
//! ### `module-not-bundled`
//!
//! **Error.** A covered module's engagements are not bundled in the référentiel (modules 3–8 of
//! the embedded Qual-e-pref 2019), so its assessments cannot be checked.
//!
//! ```text
//! modules[2]: [module-not-bundled] error: module 3 is covered but the référentiel qual-e-pref-2019 does not bundle its engagements; load a complete référentiel (e.g. with Referentiel::from_path) to validate it
//! ```
//!
//! Fix: Load a complete référentiel with `Referentiel::from_path` and validate against it.
//!
//! ### `police-module-wrong-administration`
//!
//! **Warning.** Module 8 (polices exercées par la préfecture de police de Paris) is covered by a
//! site that is not the préfecture de police.
//!
//! ```text
//! modules[2]: [police-module-wrong-administration] warning: module 8 is covered by a site of type prefecture; it is meant for the préfecture de police only
//! ```
//!
//! Fix: Remove module 8, or correct `site.administration`.
//!
//! ### `module-not-covered`
//!
//! **Error.** An engagement is assessed but its module is not covered.
//!
//! ```text
//! assessments[20].engagement: [module-not-covered] error: engagement 21 is assessed but its module 2 is not covered
//! ```
//!
//! Fix: Add the module to `modules`, or remove the assessment.
//!
//! ### `unknown-engagement`
//!
//! **Error.** An assessment names an engagement that the référentiel does not have.
//!
//! Not reported for an assessment filed under a covered module whose engagements the référentiel
//! does not bundle: [`module-not-bundled`](#module-not-bundled) already says so, once. The same
//! holds for [`remote-check-unknown-engagement`](#remote-check-unknown-engagement).
//!
//! ```text
//! assessments[3].engagement: [unknown-engagement] error: engagement 99 is not in the référentiel qual-e-pref-2019
//! ```
//!
//! Fix: Correct the engagement number, or validate against the right référentiel.
//!
//! ### `wrong-module`
//!
//! **Error.** An assessment or a remote check is filed under another module than the référentiel's
//! module of its engagement.
//!
//! ```text
//! assessments[20].module: [wrong-module] error: engagement 21 is filed under module 1 but belongs to module 2
//! ```
//!
//! Fix: Correct its `module`.
//!
//! ### `missing-assessment`
//!
//! **Error.** An engagement of a covered, bundled module has no assessment.
//!
//! ```text
//! assessments: [missing-assessment] error: engagement 5 of module 1 is not assessed
//! ```
//!
//! Fix: Add an assessment of the engagement to `assessments`.
//!
//! ### `duplicate-assessment`
//!
//! **Error.** An engagement is assessed more than once.
//!
//! ```text
//! assessments[5]: [duplicate-assessment] error: engagement 5 is assessed 2 times
//! ```
//!
//! Fix: Merge the assessments into one.
//!
//! ### `missing-verdict`
//!
//! **Error.** An engagement or a management item is assessed without a verdict.
//!
//! ```text
//! assessments[4].verdict: [missing-verdict] error: engagement 5 has no verdict
//! ```
//!
//! Fix: Set the `verdict` (`C`, `NA`, `NC min` or `NC Maj`).
//!
//! ### `na-without-justification`
//!
//! **Warning.** An `NA` verdict has no justification in its `comment`.
//!
//! ```text
//! assessments[4].comment: [na-without-justification] warning: engagement 5 is NA without a justification
//! ```
//!
//! Fix: Say in `comment` why the engagement does not apply to the site.
//!
//! ### `empty-observation`
//!
//! **Error.** An observation (`PF`, `PS`, `PP`) has an empty text.
//!
//! ```text
//! assessments[16].observations[0].text: [empty-observation] error: observation 1 (PP) of engagement 17 has an empty text
//! ```
//!
//! Fix: Write the observation's text, or remove it.
//!
//! ### `ps-without-risk`
//!
//! **Warning.** A point sensible does not state its associated risk.
//!
//! ```text
//! assessments[16].observations[0].risk: [ps-without-risk] warning: observation 1 (PS) of engagement 17 does not state its risk
//! ```
//!
//! Fix: Fill in the observation's `risk`.
//!
//! ### `missing-management-item`
//!
//! **Error.** A management item of the référentiel is not assessed.
//!
//! ```text
//! management: [missing-management-item] error: management item pilotage 5 (Comité des usagers) is not assessed
//! ```
//!
//! Fix: Add its assessment to `management`.
//!
//! ### `duplicate-management-item`
//!
//! **Error.** A management item is assessed more than once.
//!
//! ```text
//! management[5]: [duplicate-management-item] error: management item pilotage 5 is assessed 2 times
//! ```
//!
//! Fix: Merge the assessments into one.
//!
//! ### `unknown-management-item`
//!
//! **Error.** A management assessment names an item that the référentiel does not have.
//!
//! ```text
//! management[7].item: [unknown-management-item] error: management item pilotage 9 is not in the référentiel qual-e-pref-2019
//! ```
//!
//! Fix: Correct the section or item number.
//!
//! ### `remote-check-module-not-covered`
//!
//! **Error.** A remote check is about an engagement whose module is not covered.
//!
//! ```text
//! remote_checks[0].engagement: [remote-check-module-not-covered] error: engagement 21 is checked remotely (internet) but its module 2 is not covered
//! ```
//!
//! Fix: Add the module to `modules`, or remove the remote check.
//!
//! ### `remote-check-unknown-engagement`
//!
//! **Error.** A remote check names an engagement that the référentiel does not have.
//!
//! ```text
//! remote_checks[0].engagement: [remote-check-unknown-engagement] error: engagement 99 is checked remotely (internet) but is not in the référentiel qual-e-pref-2019
//! ```
//!
//! Fix: Correct the engagement number.
//!
//! ### `remote-check-without-note`
//!
//! **Warning.** A remote check has no note.
//!
//! ```text
//! remote_checks[0].note: [remote-check-without-note] warning: the internet remote check of engagement 1 has no note
//! ```
//!
//! Fix: Set its `note` (`Conforme`, `Non conforme` or `Non applicable`).
//!
//! ### `remote-check-contradicts-verdict`
//!
//! **Warning.** A remote check's note contradicts the on-site verdict: `Non conforme` while on
//! site `C`, or `Conforme` while on site a nonconformity.
//!
//! ```text
//! remote_checks[0].note: [remote-check-contradicts-verdict] warning: the internet remote check of engagement 1 is Non conforme but its on-site verdict is C
//! ```
//!
//! Fix: Reconcile the note and the verdict, or explain the difference in the observations.
//!
//! ### `duplicate-remote-check`
//!
//! **Warning.** An engagement is checked more than once on the same remote channel.
//!
//! ```text
//! remote_checks[1]: [duplicate-remote-check] warning: engagement 1 is checked 2 times on the internet channel
//! ```
//!
//! Fix: Merge the remote checks into one.
//!
//! ### `nonconformity-without-fiche`
//!
//! **Error.** A nonconformity (`NC min` or `NC Maj`, on an engagement or a management item) has no
//! fiche d'écart.
//!
//! ```text
//! assessments[16].verdict: [nonconformity-without-fiche] error: engagement 17 is NC min but has no fiche d'écart
//! ```
//!
//! Fix: Add a fiche d'écart for it to `ecarts`.
//!
//! ### `fiche-without-nonconformity`
//!
//! **Error.** A fiche d'écart targets an engagement or a management item that has no
//! nonconformity.
//!
//! ```text
//! ecarts[0].target: [fiche-without-nonconformity] error: the fiche d'écart for engagement 5 records no nonconformity: its verdict is C
//! ```
//!
//! Fix: Correct the fiche's target or the verdict, or remove the fiche.
//!
//! ### `fiche-grade-mismatch`
//!
//! **Error.** A fiche d'écart's grade differs from the verdict of its target.
//!
//! ```text
//! ecarts[0].grade: [fiche-grade-mismatch] error: the fiche d'écart for engagement 17 is graded NC Maj but the verdict is NC min
//! ```
//!
//! Fix: Make the grade and the verdict agree.
//!
//! ### `duplicate-fiche`
//!
//! **Error.** Several fiches d'écart target the same engagement or management item.
//!
//! ```text
//! ecarts[1]: [duplicate-fiche] error: engagement 17 has 2 fiches d'écart
//! ```
//!
//! Fix: Merge the fiches into one.
//!
//! ### `fiche-empty-finding`
//!
//! **Error.** A fiche d'écart has an empty finding (« constat »).
//!
//! ```text
//! ecarts[0].finding: [fiche-empty-finding] error: the fiche d'écart for engagement 17 has an empty finding
//! ```
//!
//! Fix: Write what the auditor found.
//!
//! ### `fiche-due-before-audit-end`
//!
//! **Warning.** A fiche d'écart's corrective action is due before the audit's last day.
//!
//! ```text
//! ecarts[0].due: [fiche-due-before-audit-end] warning: the fiche d'écart for engagement 17 is due on 2019-10-01, before the audit's end on 2019-11-18
//! ```
//!
//! Fix: Correct the due date.
//!
//! ### `charte-graphique-in-initial-audit`
//!
//! **Error.** The charte graphique is given a verdict other than `NA` in an initial audit, where
//! it does not apply.
//!
//! ```text
//! conclusion.charte_graphique.verdict: [charte-graphique-in-initial-audit] error: the charte graphique is assessed C in an initial audit, where it is not applicable
//! ```
//!
//! Fix: Set its verdict to `NA`, or correct `kind.type`.
//!
//! ### `conclusion-contradicts-findings`
//!
//! **Warning.** A conclusion section contradicts the data: « Absence de non-conformité » or
//! « Sans objet » under fiches d'écart while nonconformities exist, or « Sans objet » under points
//! forts, points sensibles or pistes de progrès while such observations exist (compared ignoring
//! case and accents).
//!
//! A fiches d'écart section that does not say « absence » while there is no nonconformity is
//! fine: only contradictions are reported.
//!
//! ```text
//! conclusion.fiches_ecart[0]: [conclusion-contradicts-findings] warning: the section says "Absence de non-conformité majeure ou mineure." but the audit has 1 nonconformity
//! ```
//!
//! Fix: Rewrite the section to match the findings.
//!
//! ### `engagement-numbering-gap`
//!
//! **Warning.** Référentiel: engagement numbers are not continuous (a number is skipped).
//!
//! ```text
//! engagements[20]: [engagement-numbering-gap] warning: engagement numbers jump from 20 to 24: 21 to 23 are missing
//! ```
//!
//! Fix: Number the engagements continuously, or add the missing ones.
//!
//! ### `module-engagements-not-contiguous`
//!
//! **Warning.** Référentiel: a bundled module's engagements are interleaved with another module's.
//!
//! ```text
//! modules[1]: [module-engagements-not-contiguous] warning: the engagements of module 2 are not contiguous: engagement 22 of module 3 lies between 21 and 23
//! ```
//!
//! Fix: Renumber the engagements so that each module holds one run of numbers.
//!
//! ### `no-obligatory-module`
//!
//! **Info.** Référentiel: no module is marked as obligatory.
//!
//! ```text
//! modules: [no-obligatory-module] info: no module of the référentiel marianne is obligatory
//! ```
//!
//! Fix: Mark the module every site must cover as `obligatory`, if there is one.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoStaticStr};

use crate::text::{key, key_starts};
use crate::{
    AdministrationType, Audit, AuditType, EcartTarget, EngagementNumber, ManagementItemId,
    ModuleNumber, Observation, ObservationKind, Referentiel, RemoteChannel, RemoteNote, Verdict,
};

/// How serious a diagnostic is. Only [`Severity::Error`] makes an audit invalid.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    EnumIter,
    IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; changes nothing.
    Info,
    /// Probably wrong; the audit stays valid.
    Warning,
    /// Wrong; the audit is invalid and gets no score nor decision.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.into())
    }
}

/// The stable code of a validation rule. Codes are never renamed nor reused once released.
///
/// ```
/// use qualepref::RuleCode;
/// assert_eq!(RuleCode::ModuleNotCovered.as_str(), "module-not-covered");
/// assert_eq!("module-not-covered".parse::<RuleCode>()?, RuleCode::ModuleNotCovered);
/// assert!(RuleCode::ALL.contains(&RuleCode::ObligatoryModuleNotCovered));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    EnumIter,
    IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum RuleCode {
    /// The audit names another référentiel than the one it is validated against.
    ReferentielMismatch,
    /// The site's département code is well-formed but not an existing département (malformed codes
    /// are already refused when parsing).
    UnknownDepartement,
    /// The audit ends before it starts.
    DatesReversed,
    /// The audit starts before the référentiel's publication date.
    AuditBeforeReferentiel,
    /// An external audit does not state its type.
    ExternalAuditWithoutType,
    /// An internal audit does not state which external audit it precedes.
    InternalAuditWithoutType,
    /// No auditor is named.
    NoAuditor,
    /// An auditor's name is empty.
    AuditorWithoutName,
    /// A module that the référentiel marks as obligatory (module 1 in Qual-e-pref) is not covered.
    ObligatoryModuleNotCovered,
    /// A module is listed more than once in `modules`.
    DuplicateModule,
    /// A covered module is not a module of the référentiel.
    UnknownModule,
    /// A covered module's engagements are not bundled in the référentiel (modules 3–8 of the
    /// embedded Qual-e-pref 2019), so its assessments cannot be checked.
    ModuleNotBundled,
    /// Module 8 (polices exercées par la préfecture de police de Paris) is covered by a site that
    /// is not the préfecture de police.
    PoliceModuleWrongAdministration,
    /// An engagement is assessed but its module is not covered.
    ModuleNotCovered,
    /// An assessment names an engagement that the référentiel does not have.
    UnknownEngagement,
    /// An assessment or a remote check is filed under another module than the référentiel's module
    /// of its engagement.
    WrongModule,
    /// An engagement of a covered, bundled module has no assessment.
    MissingAssessment,
    /// An engagement is assessed more than once.
    DuplicateAssessment,
    /// An engagement or a management item is assessed without a verdict.
    MissingVerdict,
    /// An `NA` verdict has no justification in its `comment`.
    NaWithoutJustification,
    /// An observation (`PF`, `PS`, `PP`) has an empty text.
    EmptyObservation,
    /// A point sensible does not state its associated risk.
    PsWithoutRisk,
    /// A management item of the référentiel is not assessed.
    MissingManagementItem,
    /// A management item is assessed more than once.
    DuplicateManagementItem,
    /// A management assessment names an item that the référentiel does not have.
    UnknownManagementItem,
    /// A remote check is about an engagement whose module is not covered.
    RemoteCheckModuleNotCovered,
    /// A remote check names an engagement that the référentiel does not have.
    RemoteCheckUnknownEngagement,
    /// A remote check has no note.
    RemoteCheckWithoutNote,
    /// A remote check's note contradicts the on-site verdict: `Non conforme` while on site `C`, or
    /// `Conforme` while on site a nonconformity.
    RemoteCheckContradictsVerdict,
    /// An engagement is checked more than once on the same remote channel.
    DuplicateRemoteCheck,
    /// A nonconformity (`NC min` or `NC Maj`, on an engagement or a management item) has no fiche
    /// d'écart.
    NonconformityWithoutFiche,
    /// A fiche d'écart targets an engagement or a management item that has no nonconformity.
    FicheWithoutNonconformity,
    /// A fiche d'écart's grade differs from the verdict of its target.
    FicheGradeMismatch,
    /// Several fiches d'écart target the same engagement or management item.
    DuplicateFiche,
    /// A fiche d'écart has an empty finding (« constat »).
    FicheEmptyFinding,
    /// A fiche d'écart's corrective action is due before the audit's last day.
    FicheDueBeforeAuditEnd,
    /// The charte graphique is given a verdict other than `NA` in an initial audit, where it does
    /// not apply.
    CharteGraphiqueInInitialAudit,
    /// A conclusion section contradicts the data: « Absence de non-conformité » while
    /// nonconformities exist, or « Sans objet » under points forts, points sensibles or pistes de
    /// progrès while such observations exist (compared ignoring case and accents).
    ConclusionContradictsFindings,
    /// Référentiel: engagement numbers are not continuous (a number is skipped).
    EngagementNumberingGap,
    /// Référentiel: a bundled module's engagements are interleaved with another module's.
    ModuleEngagementsNotContiguous,
    /// Référentiel: no module is marked as obligatory.
    NoObligatoryModule,
}

impl RuleCode {
    /// Every code, in documentation order.
    pub const ALL: &'static [RuleCode] = &[
        RuleCode::ReferentielMismatch,
        RuleCode::UnknownDepartement,
        RuleCode::DatesReversed,
        RuleCode::AuditBeforeReferentiel,
        RuleCode::ExternalAuditWithoutType,
        RuleCode::InternalAuditWithoutType,
        RuleCode::NoAuditor,
        RuleCode::AuditorWithoutName,
        RuleCode::ObligatoryModuleNotCovered,
        RuleCode::DuplicateModule,
        RuleCode::UnknownModule,
        RuleCode::ModuleNotBundled,
        RuleCode::PoliceModuleWrongAdministration,
        RuleCode::ModuleNotCovered,
        RuleCode::UnknownEngagement,
        RuleCode::WrongModule,
        RuleCode::MissingAssessment,
        RuleCode::DuplicateAssessment,
        RuleCode::MissingVerdict,
        RuleCode::NaWithoutJustification,
        RuleCode::EmptyObservation,
        RuleCode::PsWithoutRisk,
        RuleCode::MissingManagementItem,
        RuleCode::DuplicateManagementItem,
        RuleCode::UnknownManagementItem,
        RuleCode::RemoteCheckModuleNotCovered,
        RuleCode::RemoteCheckUnknownEngagement,
        RuleCode::RemoteCheckWithoutNote,
        RuleCode::RemoteCheckContradictsVerdict,
        RuleCode::DuplicateRemoteCheck,
        RuleCode::NonconformityWithoutFiche,
        RuleCode::FicheWithoutNonconformity,
        RuleCode::FicheGradeMismatch,
        RuleCode::DuplicateFiche,
        RuleCode::FicheEmptyFinding,
        RuleCode::FicheDueBeforeAuditEnd,
        RuleCode::CharteGraphiqueInInitialAudit,
        RuleCode::ConclusionContradictsFindings,
        RuleCode::EngagementNumberingGap,
        RuleCode::ModuleEngagementsNotContiguous,
        RuleCode::NoObligatoryModule,
    ];

    /// The code as written in diagnostics, e.g. `obligatory-module-not-covered`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The severity of the rule unless options override it.
    #[must_use]
    // One arm per code, so that the list reads as the reference table.
    #[allow(clippy::match_same_arms)]
    pub const fn default_severity(self) -> Severity {
        match self {
            RuleCode::ReferentielMismatch => Severity::Error,
            RuleCode::UnknownDepartement => Severity::Warning,
            RuleCode::DatesReversed => Severity::Error,
            RuleCode::AuditBeforeReferentiel => Severity::Error,
            RuleCode::ExternalAuditWithoutType => Severity::Error,
            RuleCode::InternalAuditWithoutType => Severity::Warning,
            RuleCode::NoAuditor => Severity::Error,
            RuleCode::AuditorWithoutName => Severity::Error,
            RuleCode::ObligatoryModuleNotCovered => Severity::Error,
            RuleCode::DuplicateModule => Severity::Warning,
            RuleCode::UnknownModule => Severity::Error,
            RuleCode::ModuleNotBundled => Severity::Error,
            RuleCode::PoliceModuleWrongAdministration => Severity::Warning,
            RuleCode::ModuleNotCovered => Severity::Error,
            RuleCode::UnknownEngagement => Severity::Error,
            RuleCode::WrongModule => Severity::Error,
            RuleCode::MissingAssessment => Severity::Error,
            RuleCode::DuplicateAssessment => Severity::Error,
            RuleCode::MissingVerdict => Severity::Error,
            RuleCode::NaWithoutJustification => Severity::Warning,
            RuleCode::EmptyObservation => Severity::Error,
            RuleCode::PsWithoutRisk => Severity::Warning,
            RuleCode::MissingManagementItem => Severity::Error,
            RuleCode::DuplicateManagementItem => Severity::Error,
            RuleCode::UnknownManagementItem => Severity::Error,
            RuleCode::RemoteCheckModuleNotCovered => Severity::Error,
            RuleCode::RemoteCheckUnknownEngagement => Severity::Error,
            RuleCode::RemoteCheckWithoutNote => Severity::Warning,
            RuleCode::RemoteCheckContradictsVerdict => Severity::Warning,
            RuleCode::DuplicateRemoteCheck => Severity::Warning,
            RuleCode::NonconformityWithoutFiche => Severity::Error,
            RuleCode::FicheWithoutNonconformity => Severity::Error,
            RuleCode::FicheGradeMismatch => Severity::Error,
            RuleCode::DuplicateFiche => Severity::Error,
            RuleCode::FicheEmptyFinding => Severity::Error,
            RuleCode::FicheDueBeforeAuditEnd => Severity::Warning,
            RuleCode::CharteGraphiqueInInitialAudit => Severity::Error,
            RuleCode::ConclusionContradictsFindings => Severity::Warning,
            RuleCode::EngagementNumberingGap => Severity::Warning,
            RuleCode::ModuleEngagementsNotContiguous => Severity::Warning,
            RuleCode::NoObligatoryModule => Severity::Info,
        }
    }

    /// What the rule checks, one sentence, as in the [module documentation](self).
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
            RuleCode::ReferentielMismatch => {
                "The audit names another référentiel than the one it is validated against."
            }
            RuleCode::UnknownDepartement => {
                "The site's département code is well-formed but not an existing département (malformed codes are already refused when parsing)."
            }
            RuleCode::DatesReversed => "The audit ends before it starts.",
            RuleCode::AuditBeforeReferentiel => {
                "The audit starts before the référentiel's publication date."
            }
            RuleCode::ExternalAuditWithoutType => "An external audit does not state its type.",
            RuleCode::InternalAuditWithoutType => {
                "An internal audit does not state which external audit it precedes."
            }
            RuleCode::NoAuditor => "No auditor is named.",
            RuleCode::AuditorWithoutName => "An auditor's name is empty.",
            RuleCode::ObligatoryModuleNotCovered => {
                "A module that the référentiel marks as obligatory (module 1 in Qual-e-pref) is not covered."
            }
            RuleCode::DuplicateModule => "A module is listed more than once in `modules`.",
            RuleCode::UnknownModule => "A covered module is not a module of the référentiel.",
            RuleCode::ModuleNotBundled => {
                "A covered module's engagements are not bundled in the référentiel (modules 3–8 of the embedded Qual-e-pref 2019), so its assessments cannot be checked."
            }
            RuleCode::PoliceModuleWrongAdministration => {
                "Module 8 (polices exercées par la préfecture de police de Paris) is covered by a site that is not the préfecture de police."
            }
            RuleCode::ModuleNotCovered => {
                "An engagement is assessed but its module is not covered."
            }
            RuleCode::UnknownEngagement => {
                "An assessment names an engagement that the référentiel does not have."
            }
            RuleCode::WrongModule => {
                "An assessment or a remote check is filed under another module than the référentiel's module of its engagement."
            }
            RuleCode::MissingAssessment => {
                "An engagement of a covered, bundled module has no assessment."
            }
            RuleCode::DuplicateAssessment => "An engagement is assessed more than once.",
            RuleCode::MissingVerdict => {
                "An engagement or a management item is assessed without a verdict."
            }
            RuleCode::NaWithoutJustification => {
                "An `NA` verdict has no justification in its `comment`."
            }
            RuleCode::EmptyObservation => "An observation (`PF`, `PS`, `PP`) has an empty text.",
            RuleCode::PsWithoutRisk => "A point sensible does not state its associated risk.",
            RuleCode::MissingManagementItem => {
                "A management item of the référentiel is not assessed."
            }
            RuleCode::DuplicateManagementItem => "A management item is assessed more than once.",
            RuleCode::UnknownManagementItem => {
                "A management assessment names an item that the référentiel does not have."
            }
            RuleCode::RemoteCheckModuleNotCovered => {
                "A remote check is about an engagement whose module is not covered."
            }
            RuleCode::RemoteCheckUnknownEngagement => {
                "A remote check names an engagement that the référentiel does not have."
            }
            RuleCode::RemoteCheckWithoutNote => "A remote check has no note.",
            RuleCode::RemoteCheckContradictsVerdict => {
                "A remote check's note contradicts the on-site verdict: `Non conforme` while on site `C`, or `Conforme` while on site a nonconformity."
            }
            RuleCode::DuplicateRemoteCheck => {
                "An engagement is checked more than once on the same remote channel."
            }
            RuleCode::NonconformityWithoutFiche => {
                "A nonconformity (`NC min` or `NC Maj`, on an engagement or a management item) has no fiche d'écart."
            }
            RuleCode::FicheWithoutNonconformity => {
                "A fiche d'écart targets an engagement or a management item that has no nonconformity."
            }
            RuleCode::FicheGradeMismatch => {
                "A fiche d'écart's grade differs from the verdict of its target."
            }
            RuleCode::DuplicateFiche => {
                "Several fiches d'écart target the same engagement or management item."
            }
            RuleCode::FicheEmptyFinding => "A fiche d'écart has an empty finding (« constat »).",
            RuleCode::FicheDueBeforeAuditEnd => {
                "A fiche d'écart's corrective action is due before the audit's last day."
            }
            RuleCode::CharteGraphiqueInInitialAudit => {
                "The charte graphique is given a verdict other than `NA` in an initial audit, where it does not apply."
            }
            RuleCode::ConclusionContradictsFindings => {
                "A conclusion section contradicts the data: « Absence de non-conformité » or « Sans objet » under fiches d'écart while nonconformities exist, or « Sans objet » under points forts, points sensibles or pistes de progrès while such observations exist (compared ignoring case and accents)."
            }
            RuleCode::EngagementNumberingGap => {
                "Référentiel: engagement numbers are not continuous (a number is skipped)."
            }
            RuleCode::ModuleEngagementsNotContiguous => {
                "Référentiel: a bundled module's engagements are interleaved with another module's."
            }
            RuleCode::NoObligatoryModule => "Référentiel: no module is marked as obligatory.",
        }
    }
}

impl fmt::Display for RuleCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in an audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The rule's stable code.
    pub code: RuleCode,
    /// Its severity, after options.
    pub severity: Severity,
    /// Where in the audit, e.g. `assessments[16].observations[0].text`; empty for the whole
    /// audit.
    pub path: String,
    /// What is wrong, naming the bad value.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: [{}] {}: {}",
            self.path, self.code, self.severity, self.message
        )
    }
}

/// How warnings are treated by default, before per-code overrides.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Preset {
    #[default]
    Default,
    Strict,
    Lenient,
}

/// Validation options: a preset and per-code severity overrides.
///
/// ```
/// use qualepref::{RuleCode, ValidationOptions, Severity};
/// let options = ValidationOptions::strict().with(RuleCode::PsWithoutRisk, Severity::Info);
/// assert_eq!(options.severity_of(RuleCode::PsWithoutRisk), Some(Severity::Info));
/// assert_eq!(options.severity_of(RuleCode::NaWithoutJustification), Some(Severity::Error));
/// assert_eq!(ValidationOptions::lenient().severity_of(RuleCode::DuplicateModule), Some(Severity::Info));
/// assert_eq!(ValidationOptions::default().disable(RuleCode::NoAuditor).severity_of(RuleCode::NoAuditor), None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidationOptions {
    /// Per-code severity; `None` turns the rule off. Wins over the preset.
    pub overrides: BTreeMap<RuleCode, Option<Severity>>,
    preset: Preset,
}

impl ValidationOptions {
    /// Every rule at its default severity (same as `ValidationOptions::default()`).
    #[must_use]
    pub fn new() -> ValidationOptions {
        ValidationOptions::default()
    }

    /// Warnings become errors: an audit with any warning is invalid.
    #[must_use]
    pub fn strict() -> ValidationOptions {
        ValidationOptions {
            preset: Preset::Strict,
            ..ValidationOptions::default()
        }
    }

    /// Warnings become infos: only errors remain worth acting on.
    #[must_use]
    pub fn lenient() -> ValidationOptions {
        ValidationOptions {
            preset: Preset::Lenient,
            ..ValidationOptions::default()
        }
    }

    /// These options with `code` at `severity`.
    #[must_use]
    pub fn with(mut self, code: RuleCode, severity: Severity) -> ValidationOptions {
        self.overrides.insert(code, Some(severity));
        self
    }

    /// These options with the rule `code` turned off.
    #[must_use]
    pub fn disable(mut self, code: RuleCode) -> ValidationOptions {
        self.overrides.insert(code, None);
        self
    }

    /// The severity `code` gets with these options; `None` when the rule is off.
    #[must_use]
    pub fn severity_of(&self, code: RuleCode) -> Option<Severity> {
        if let Some(over) = self.overrides.get(&code) {
            return *over;
        }
        Some(match (self.preset, code.default_severity()) {
            (Preset::Strict, Severity::Warning) => Severity::Error,
            (Preset::Lenient, Severity::Warning) => Severity::Info,
            (_, severity) => severity,
        })
    }
}

/// The outcome of validation: every diagnostic, in a deterministic order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationReport {
    diagnostics: Vec<Diagnostic>,
}

impl ValidationReport {
    /// Every diagnostic, in order.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The diagnostics, owned.
    #[must_use]
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// Whether any diagnostic has [`Severity::Error`].
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Whether there is no diagnostic at all, not even an info.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// The diagnostics of severity `severity`, in order.
    pub fn with_severity(&self, severity: Severity) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(move |d| d.severity == severity)
    }

    /// The error-severity diagnostics, in order.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.with_severity(Severity::Error)
    }

    /// The warning-severity diagnostics, in order.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.with_severity(Severity::Warning)
    }

    /// The info-severity diagnostics, in order.
    pub fn infos(&self) -> impl Iterator<Item = &Diagnostic> {
        self.with_severity(Severity::Info)
    }
}

/// One diagnostic per line, in order.
impl fmt::Display for ValidationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

/// Where a diagnostic sorts: module group, engagement, section of the audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    group: u8,
    engagement: u16,
    section: u8,
}

/// Groups before and after the modules (which use their number, 1–8).
const GROUP_AUDIT: u8 = 0;
const GROUP_UNPLACED: u8 = 9;
const GROUP_MANAGEMENT: u8 = 10;
const GROUP_CONCLUSION: u8 = 11;

/// Sections within a module or engagement.
const SECTION_MODULES: u8 = 0;
const SECTION_ASSESSMENTS: u8 = 1;
const SECTION_REMOTE: u8 = 2;
const SECTION_ECARTS: u8 = 3;

impl Place {
    const AUDIT: Place = Place {
        group: GROUP_AUDIT,
        engagement: 0,
        section: 0,
    };
    const CONCLUSION: Place = Place {
        group: GROUP_CONCLUSION,
        engagement: 0,
        section: 0,
    };

    fn module(module: ModuleNumber) -> Place {
        Place {
            group: module.get(),
            engagement: 0,
            section: SECTION_MODULES,
        }
    }

    fn engagement(group: u8, engagement: EngagementNumber, section: u8) -> Place {
        Place {
            group,
            engagement: engagement.get(),
            section,
        }
    }

    fn management(id: ManagementItemId, section: u8) -> Place {
        Place {
            group: GROUP_MANAGEMENT,
            engagement: u16::from(id.section as u8) * 256 + u16::from(id.item),
            section,
        }
    }
}

/// The sort key of a diagnostic: its place, its field (the path without indices), its code and
/// message, and last its path.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    place: Place,
    field: String,
    code: RuleCode,
    message: String,
    path: String,
}

/// The path without its array indices: `assessments[3].verdict` gives `assessments.verdict`.
fn field_of(path: &str) -> String {
    let mut field = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            c if !in_index => field.push(c),
            _ => {}
        }
    }
    field
}

/// Collects diagnostics with their sort keys and applies the options.
struct Collector<'o> {
    options: &'o ValidationOptions,
    keys: Vec<(Key, Severity)>,
}

impl<'o> Collector<'o> {
    fn new(options: &'o ValidationOptions) -> Self {
        Collector {
            options,
            keys: Vec::new(),
        }
    }

    fn push(&mut self, code: RuleCode, place: Place, path: String, message: String) {
        if let Some(severity) = self.options.severity_of(code) {
            let key = Key {
                place,
                field: field_of(&path),
                code,
                message,
                path,
            };
            self.keys.push((key, severity));
        }
    }

    fn finish(mut self) -> ValidationReport {
        self.keys.sort_unstable();
        ValidationReport {
            diagnostics: self
                .keys
                .into_iter()
                .map(|(key, severity)| Diagnostic {
                    code: key.code,
                    severity,
                    path: key.path,
                    message: key.message,
                })
                .collect(),
        }
    }
}

/// The worse of two verdicts: `NC Maj` over `NC min` over `NA` over `C`.
fn worse(a: Option<Verdict>, b: Option<Verdict>) -> Option<Verdict> {
    a.max(b)
}

fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

/// Checks `audit` against `referentiel` and returns every problem found, in the documented
/// order (see the [module documentation](self) for every rule).
///
/// ```
/// use qualepref::{samples, validate, ValidationOptions};
/// let referentiel = samples::synthetic_referentiel()?;
/// let audit = samples::synthetic_audit(&referentiel)?;
/// assert!(!validate(&audit, &referentiel, &ValidationOptions::default()).has_errors());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn validate(
    audit: &Audit,
    referentiel: &Referentiel,
    options: &ValidationOptions,
) -> ValidationReport {
    let mut out = Collector::new(options);
    let ctx = Context::new(audit, referentiel);
    ctx.check_header(&mut out);
    ctx.check_modules(&mut out);
    ctx.check_assessments(&mut out);
    ctx.check_management(&mut out);
    ctx.check_remote_checks(&mut out);
    ctx.check_ecarts(&mut out);
    ctx.check_conclusion(&mut out);
    out.finish()
}

/// What validation needs to know of one engagement number, found in O(1).
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// Where its assessments start in `Context::by_engagement`.
    start: u32,
    /// How many assessments it has.
    count: u32,
    /// Its module in the référentiel; 0 when the référentiel does not have it.
    module: u8,
    /// Its sort group (see [`Context::group_of`]).
    group: u8,
}

/// The audit, the référentiel and indexes built once per validation.
struct Context<'a> {
    audit: &'a Audit,
    referentiel: &'a Referentiel,
    /// (engagement, index in `assessments`), sorted.
    by_engagement: Vec<(EngagementNumber, usize)>,
    /// One slot per engagement number, from 0 to the highest number of the référentiel and the
    /// assessments (at most [`EngagementNumber::MAX`]).
    slots: Vec<Slot>,
    /// (item, index in `management`), sorted.
    by_item: Vec<(ManagementItemId, usize)>,
    /// (target, index in `ecarts`), sorted.
    by_target: Vec<(EcartTarget, usize)>,
    /// How many times each module number (index 1–8) is listed in `modules`.
    listed: [usize; 9],
}

/// The entries of `sorted` whose key is `key`, in array order: one binary search, then a scan
/// (runs are short: a key repeats only in a faulty audit).
fn run_of<K: Ord + Copy>(sorted: &[(K, usize)], key: K) -> &[(K, usize)] {
    let start = sorted.partition_point(|(k, _)| *k < key);
    let rest = sorted.get(start..).unwrap_or(&[]);
    let len = rest.iter().take_while(|(k, _)| *k == key).count();
    rest.get(..len).unwrap_or(&[])
}

/// `v` sorted; reports list their entries in order, so the sort is usually skipped.
fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    if !v.is_sorted() {
        v.sort_unstable();
    }
    v
}

impl<'a> Context<'a> {
    fn new(audit: &'a Audit, referentiel: &'a Referentiel) -> Self {
        let by_engagement = sorted(
            audit
                .assessments
                .iter()
                .enumerate()
                .map(|(i, a)| (a.engagement, i))
                .collect(),
        );
        let by_item = sorted(
            audit
                .management
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id(), i))
                .collect(),
        );
        let by_target = sorted(
            audit
                .ecarts
                .iter()
                .enumerate()
                .map(|(i, f)| (f.target, i))
                .collect(),
        );
        let highest = referentiel
            .engagements()
            .last()
            .map(|e| e.number)
            .max(by_engagement.last().map(|(n, _)| *n))
            .map_or(0, EngagementNumber::get);
        let mut slots = vec![
            Slot {
                group: GROUP_UNPLACED,
                ..Slot::default()
            };
            usize::from(highest) + 1
        ];
        for e in referentiel.engagements() {
            if let Some(slot) = slots.get_mut(usize::from(e.number.get())) {
                slot.module = e.module.get();
                slot.group = slot.module;
            }
        }
        let mut start = 0;
        for run in by_engagement.chunk_by(|a, b| a.0 == b.0) {
            if let Some(slot) = run
                .first()
                .and_then(|(n, _)| slots.get_mut(usize::from(n.get())))
            {
                slot.start = start;
                slot.count = run.len() as u32;
                if slot.module == 0 {
                    // Not in the référentiel: the lowest module its assessments are filed under.
                    slot.group = run
                        .iter()
                        .filter_map(|(_, i)| audit.assessments.get(*i))
                        .map(|a| a.module.get())
                        .min()
                        .unwrap_or(GROUP_UNPLACED);
                }
            }
            start += run.len() as u32;
        }
        let mut listed = [0; 9];
        for m in &audit.modules {
            if let Some(count) = listed.get_mut(usize::from(m.get())) {
                *count += 1;
            }
        }
        Context {
            audit,
            referentiel,
            by_engagement,
            slots,
            by_item,
            by_target,
            listed,
        }
    }

    /// The slot of engagement `n`; the default (no assessment, not in the référentiel) when `n`
    /// is beyond the table.
    fn slot(&self, n: EngagementNumber) -> Slot {
        self.slots
            .get(usize::from(n.get()))
            .copied()
            .unwrap_or(Slot {
                group: GROUP_UNPLACED,
                ..Slot::default()
            })
    }

    /// The indices of the assessments of engagement `n`, in array order.
    fn assessments_of(&self, n: EngagementNumber) -> &[(EngagementNumber, usize)] {
        let slot = self.slot(n);
        let start = slot.start as usize;
        self.by_engagement
            .get(start..start + slot.count as usize)
            .unwrap_or(&[])
    }

    /// The module of engagement `n` in the référentiel, if it has it.
    fn module_of(&self, n: EngagementNumber) -> Option<ModuleNumber> {
        ModuleNumber::new(self.slot(n).module)
    }

    /// Whether the audit covers `module` (without scanning `modules`).
    fn covers(&self, module: ModuleNumber) -> bool {
        self.listed
            .get(usize::from(module.get()))
            .is_some_and(|n| *n > 0)
    }

    /// The fiches d'écart of `target`, as (target, index in `ecarts`), in array order.
    fn fiches_of(&self, target: EcartTarget) -> &[(EcartTarget, usize)] {
        run_of(&self.by_target, target)
    }

    /// The indices of the assessments of management item `id`, in array order.
    fn items_of(&self, id: ManagementItemId) -> &[(ManagementItemId, usize)] {
        run_of(&self.by_item, id)
    }

    /// The worst on-site verdict of engagement `n` among its assessments; `None` when it has
    /// none (not assessed or no verdict).
    fn verdict_of(&self, n: EngagementNumber) -> Option<Verdict> {
        self.assessments_of(n)
            .iter()
            .filter_map(|(_, i)| self.audit.assessments.get(*i))
            .fold(None, |acc, a| worse(acc, a.verdict))
    }

    fn verdict_of_item(&self, id: ManagementItemId) -> Option<Verdict> {
        self.items_of(id)
            .iter()
            .filter_map(|(_, i)| self.audit.management.get(*i))
            .fold(None, |acc, m| worse(acc, m.verdict))
    }

    /// The sort group of engagement `n`: its module in the référentiel, else the module its
    /// assessments are filed under (the lowest, whatever their order), else after the modules.
    fn group_of(&self, n: EngagementNumber) -> u8 {
        self.slot(n).group
    }

    /// Whether `module` is covered but not bundled: its engagements are unknown by design, and
    /// `module-not-bundled` already says so.
    fn covered_unbundled(&self, module: ModuleNumber) -> bool {
        self.covers(module) && self.referentiel.module(module).is_some_and(|m| !m.bundled)
    }

    fn check_header(&self, out: &mut Collector<'_>) {
        let audit = self.audit;
        let r = self.referentiel;
        if audit.referentiel.id != r.id() {
            out.push(
                RuleCode::ReferentielMismatch,
                Place::AUDIT,
                "referentiel.id".to_owned(),
                format!(
                    "the audit names référentiel {:?} but is validated against {:?}",
                    audit.referentiel.id,
                    r.id()
                ),
            );
        }
        if !audit.site.departement.is_known() {
            out.push(
                RuleCode::UnknownDepartement,
                Place::AUDIT,
                "site.departement".to_owned(),
                format!(
                    "département code {} is not an existing département",
                    audit.site.departement
                ),
            );
        }
        let dates = audit.dates;
        if dates.end < dates.start {
            out.push(
                RuleCode::DatesReversed,
                Place::AUDIT,
                "dates.end".to_owned(),
                format!(
                    "the audit ends on {}, before its start on {}",
                    dates.end, dates.start
                ),
            );
        }
        if dates.start < r.date() {
            out.push(
                RuleCode::AuditBeforeReferentiel,
                Place::AUDIT,
                "dates.start".to_owned(),
                format!(
                    "the audit starts on {}, before the référentiel {} dated {}",
                    dates.start,
                    r.id(),
                    r.date()
                ),
            );
        }
        if audit.kind.audit_type.is_none() {
            let (code, message) = if audit.kind.internal {
                (
                    RuleCode::InternalAuditWithoutType,
                    "the internal audit does not state which external audit it precedes \
                     (initial, suivi, renouvellement or extension)",
                )
            } else {
                (
                    RuleCode::ExternalAuditWithoutType,
                    "the external audit does not state its type \
                     (initial, suivi, renouvellement or extension)",
                )
            };
            out.push(
                code,
                Place::AUDIT,
                "kind.type".to_owned(),
                message.to_owned(),
            );
        }
        if audit.auditors.is_empty() {
            out.push(
                RuleCode::NoAuditor,
                Place::AUDIT,
                "auditors".to_owned(),
                "no auditor is named".to_owned(),
            );
        }
        for (i, auditor) in audit.auditors.iter().enumerate() {
            if auditor.name.trim().is_empty() {
                out.push(
                    RuleCode::AuditorWithoutName,
                    Place::AUDIT,
                    format!("auditors[{i}].name"),
                    format!("auditor {} has an empty name", i + 1),
                );
            }
        }
    }

    fn check_modules(&self, out: &mut Collector<'_>) {
        let audit = self.audit;
        let r = self.referentiel;
        for m in r.modules() {
            if m.obligatory && !self.covers(m.number) {
                out.push(
                    RuleCode::ObligatoryModuleNotCovered,
                    Place::module(m.number),
                    "modules".to_owned(),
                    format!(
                        "module {} ({}) is obligatory but not covered",
                        m.number, m.title
                    ),
                );
            }
        }
        let police = ModuleNumber::new(8);
        let mut seen = [0_usize; 9];
        // The covered modules whose engagements the référentiel lists.
        let mut bundled = [false; 9];
        for (i, &number) in audit.modules.iter().enumerate() {
            let place = Place::module(number);
            let slot = usize::from(number.get());
            let earlier = seen.get(slot).copied().unwrap_or(0);
            if let Some(n) = seen.get_mut(slot) {
                *n += 1;
            }
            if earlier == 1 {
                let count = self.listed.get(slot).copied().unwrap_or(0);
                out.push(
                    RuleCode::DuplicateModule,
                    place,
                    format!("modules[{i}]"),
                    format!("module {number} is listed {count} times"),
                );
            }
            if earlier > 0 {
                continue;
            }
            match r.module(number) {
                None => out.push(
                    RuleCode::UnknownModule,
                    place,
                    format!("modules[{i}]"),
                    format!(
                        "module {number} is covered but the référentiel {} has no module {number}",
                        r.id()
                    ),
                ),
                Some(m) if !m.bundled => out.push(
                    RuleCode::ModuleNotBundled,
                    place,
                    format!("modules[{i}]"),
                    format!(
                        "module {number} is covered but the référentiel {} does not bundle its \
                         engagements; load a complete référentiel (e.g. with \
                         Referentiel::from_path) to validate it",
                        r.id()
                    ),
                ),
                Some(_) => {
                    if let Some(b) = bundled.get_mut(slot) {
                        *b = true;
                    }
                }
            }
            if Some(number) == police
                && audit.site.administration != AdministrationType::PrefectureDePolice
            {
                out.push(
                    RuleCode::PoliceModuleWrongAdministration,
                    place,
                    format!("modules[{i}]"),
                    format!(
                        "module {number} is covered by a site of type {}; it is meant for the \
                         préfecture de police only",
                        audit.site.administration
                    ),
                );
            }
        }
        // One pass over the référentiel: every engagement of a covered, bundled module.
        for e in r.engagements() {
            let module = usize::from(e.module.get());
            if bundled.get(module).copied().unwrap_or(false)
                && self.assessments_of(e.number).is_empty()
            {
                out.push(
                    RuleCode::MissingAssessment,
                    Place::engagement(e.module.get(), e.number, SECTION_ASSESSMENTS),
                    "assessments".to_owned(),
                    format!(
                        "engagement {} of module {} is not assessed",
                        e.number, e.module
                    ),
                );
            }
        }
    }

    fn check_assessments(&self, out: &mut Collector<'_>) {
        let r = self.referentiel;
        for (i, a) in self.audit.assessments.iter().enumerate() {
            let n = a.engagement;
            let place = Place::engagement(self.group_of(n), n, SECTION_ASSESSMENTS);
            match self.module_of(n) {
                None => {
                    if !self.covered_unbundled(a.module) {
                        out.push(
                            RuleCode::UnknownEngagement,
                            place,
                            format!("assessments[{i}].engagement"),
                            format!("engagement {n} is not in the référentiel {}", r.id()),
                        );
                    }
                }
                Some(module) => {
                    if !self.covers(module) {
                        out.push(
                            RuleCode::ModuleNotCovered,
                            place,
                            format!("assessments[{i}].engagement"),
                            format!(
                                "engagement {n} is assessed but its module {module} is not covered"
                            ),
                        );
                    }
                    if a.module != module {
                        out.push(
                            RuleCode::WrongModule,
                            place,
                            format!("assessments[{i}].module"),
                            format!(
                                "engagement {n} is filed under module {} but belongs to module \
                                 {module}",
                                a.module
                            ),
                        );
                    }
                }
            }
            let same = self.assessments_of(n);
            if same.get(1).is_some_and(|(_, j)| *j == i) {
                out.push(
                    RuleCode::DuplicateAssessment,
                    place,
                    format!("assessments[{i}]"),
                    format!("engagement {n} is assessed {} times", same.len()),
                );
            }
            let subject = Subject::Assessment(i, n);
            check_verdict(out, place, subject, a.verdict, a.comment.as_deref());
            if let Some(grade) = a.verdict.and_then(Verdict::nonconformity) {
                if !self.has_fiche(EcartTarget::Engagement(n)) {
                    out.push(
                        RuleCode::NonconformityWithoutFiche,
                        place,
                        subject.path(".verdict"),
                        format!("{} is {grade} but has no fiche d'écart", subject.what()),
                    );
                }
            }
            check_observations(out, place, subject, &a.observations);
        }
    }

    fn has_fiche(&self, target: EcartTarget) -> bool {
        !self.fiches_of(target).is_empty()
    }

    fn check_management(&self, out: &mut Collector<'_>) {
        let r = self.referentiel;
        for item in r.management_items() {
            let id = item.id();
            if self.items_of(id).is_empty() {
                out.push(
                    RuleCode::MissingManagementItem,
                    Place::management(id, SECTION_ASSESSMENTS),
                    "management".to_owned(),
                    format!("management item {id} ({}) is not assessed", item.title),
                );
            }
        }
        // Item by item, each with all its assessments; the diagnostics are sorted at the end.
        for run in self.by_item.chunk_by(|a, b| a.0 == b.0) {
            let Some(&(id, _)) = run.first() else {
                continue;
            };
            let place = Place::management(id, SECTION_ASSESSMENTS);
            let known = r.management_item(id).is_some();
            for (k, &(_, i)) in run.iter().enumerate() {
                let Some(m) = self.audit.management.get(i) else {
                    continue;
                };
                let subject = Subject::Management(i, id);
                if !known {
                    out.push(
                        RuleCode::UnknownManagementItem,
                        place,
                        subject.path(".item"),
                        format!("{} is not in the référentiel {}", subject.what(), r.id()),
                    );
                }
                if k == 1 {
                    out.push(
                        RuleCode::DuplicateManagementItem,
                        place,
                        subject.path(""),
                        format!("{} is assessed {} times", subject.what(), run.len()),
                    );
                }
                check_verdict(out, place, subject, m.verdict, m.comment.as_deref());
                if let Some(grade) = m.verdict.and_then(Verdict::nonconformity) {
                    if !self.has_fiche(EcartTarget::Management(id)) {
                        out.push(
                            RuleCode::NonconformityWithoutFiche,
                            place,
                            subject.path(".verdict"),
                            format!("{} is {grade} but has no fiche d'écart", subject.what()),
                        );
                    }
                }
                check_observations(out, place, subject, &m.observations);
            }
        }
    }

    fn check_remote_checks(&self, out: &mut Collector<'_>) {
        let r = self.referentiel;
        let checks = &self.audit.remote_checks;
        // Check by check, grouped by (channel, engagement) to find duplicates; reports list
        // their checks by channel, so the sort is usually skipped. The diagnostics are sorted
        // at the end.
        let by_check = sorted(
            checks
                .iter()
                .enumerate()
                .map(|(i, c)| ((c.channel, c.engagement), i))
                .collect(),
        );
        for run in by_check.chunk_by(|a, b| a.0 == b.0) {
            for (k, &(_, i)) in run.iter().enumerate() {
                let Some(c) = checks.get(i) else {
                    continue;
                };
                let n = c.engagement;
                let channel = c.channel;
                let place = Place::engagement(self.group_of(n), n, SECTION_REMOTE);
                let subject = Subject::Remote(i, channel, n);
                match self.module_of(n) {
                    None => {
                        if !self.covered_unbundled(c.module) {
                            out.push(
                            RuleCode::RemoteCheckUnknownEngagement,
                            place,
                            subject.path(".engagement"),
                            format!(
                                "engagement {n} is checked remotely ({channel}) but is not in the \
                                 référentiel {}",
                                r.id()
                            ),
                        );
                        }
                    }
                    Some(module) => {
                        if !self.covers(module) {
                            out.push(
                                RuleCode::RemoteCheckModuleNotCovered,
                                place,
                                subject.path(".engagement"),
                                format!(
                                    "engagement {n} is checked remotely ({channel}) but its module \
                                 {module} is not covered"
                                ),
                            );
                        }
                        if c.module != module {
                            out.push(
                                RuleCode::WrongModule,
                                place,
                                subject.path(".module"),
                                format!(
                                    "the {channel} remote check of engagement {n} is filed under \
                                 module {} but the engagement belongs to module {module}",
                                    c.module
                                ),
                            );
                        }
                    }
                }
                if k == 1 {
                    out.push(
                        RuleCode::DuplicateRemoteCheck,
                        place,
                        subject.path(""),
                        format!(
                            "engagement {n} is checked {} times on the {channel} channel",
                            run.len()
                        ),
                    );
                }
                match c.note {
                    None => out.push(
                        RuleCode::RemoteCheckWithoutNote,
                        place,
                        subject.path(".note"),
                        format!("{} has no note", subject.what()),
                    ),
                    Some(note) => {
                        let on_site = self.verdict_of(n);
                        let contradicts = match note {
                            RemoteNote::NonConforme => on_site == Some(Verdict::Conformity),
                            RemoteNote::Conforme => {
                                on_site.and_then(Verdict::nonconformity).is_some()
                            }
                            RemoteNote::NonApplicable => false,
                        };
                        if let (true, Some(v)) = (contradicts, on_site) {
                            out.push(
                                RuleCode::RemoteCheckContradictsVerdict,
                                place,
                                subject.path(".note"),
                                format!(
                                    "{} is {note} but its on-site verdict is {v}",
                                    subject.what()
                                ),
                            );
                        }
                    }
                }
                check_observations(out, place, subject, &c.observations);
            }
        }
    }

    fn check_ecarts(&self, out: &mut Collector<'_>) {
        let ecarts = &self.audit.ecarts;
        for (i, fiche) in ecarts.iter().enumerate() {
            let target = fiche.target;
            let (place, verdict, assessed) = match target {
                EcartTarget::Engagement(n) => (
                    Place::engagement(self.group_of(n), n, SECTION_ECARTS),
                    self.verdict_of(n),
                    !self.assessments_of(n).is_empty(),
                ),
                EcartTarget::Management(id) => (
                    Place::management(id, SECTION_ECARTS),
                    self.verdict_of_item(id),
                    !self.items_of(id).is_empty(),
                ),
            };
            let path = format!("ecarts[{i}]");
            let what = format!("the fiche d'écart for {target}");
            match verdict.and_then(Verdict::nonconformity) {
                Some(grade) if grade != fiche.grade => out.push(
                    RuleCode::FicheGradeMismatch,
                    place,
                    format!("{path}.grade"),
                    format!(
                        "{what} is graded {} but the verdict is {grade}",
                        fiche.grade
                    ),
                ),
                Some(_) => {}
                None => {
                    let why = match verdict {
                        Some(v) => format!("its verdict is {v}"),
                        None if assessed => "it has no verdict".to_owned(),
                        None => "it is not assessed".to_owned(),
                    };
                    out.push(
                        RuleCode::FicheWithoutNonconformity,
                        place,
                        format!("{path}.target"),
                        format!("{what} records no nonconformity: {why}"),
                    );
                }
            }
            let same = self.fiches_of(target);
            let count = same.len();
            if same.get(1).is_some_and(|(_, j)| *j == i) {
                out.push(
                    RuleCode::DuplicateFiche,
                    place,
                    path.clone(),
                    format!("{target} has {count} fiches d'écart"),
                );
            }
            if fiche.finding.trim().is_empty() {
                out.push(
                    RuleCode::FicheEmptyFinding,
                    place,
                    format!("{path}.finding"),
                    format!("{what} has an empty finding"),
                );
            }
            if let Some(due) = fiche.due {
                if due < self.audit.dates.end {
                    out.push(
                        RuleCode::FicheDueBeforeAuditEnd,
                        place,
                        format!("{path}.due"),
                        format!(
                            "{what} is due on {due}, before the audit's end on {}",
                            self.audit.dates.end
                        ),
                    );
                }
            }
        }
    }

    fn check_conclusion(&self, out: &mut Collector<'_>) {
        let audit = self.audit;
        let conclusion = &audit.conclusion;
        if let Some(v) = conclusion.charte_graphique.verdict {
            if v != Verdict::NotApplicable && audit.kind.audit_type == Some(AuditType::Initial) {
                out.push(
                    RuleCode::CharteGraphiqueInInitialAudit,
                    Place::CONCLUSION,
                    "conclusion.charte_graphique.verdict".to_owned(),
                    format!(
                        "the charte graphique is assessed {v} in an initial audit, where it is \
                         not applicable"
                    ),
                );
            }
        }
        let nonconformities = if conclusion.fiches_ecart.is_empty() {
            0
        } else {
            audit
                .assessments
                .iter()
                .map(|a| a.verdict)
                .chain(audit.management.iter().map(|m| m.verdict))
                .filter(|v| v.and_then(Verdict::nonconformity).is_some())
                .count()
        };
        if nonconformities > 0 {
            for (i, text) in conclusion.fiches_ecart.iter().enumerate() {
                let folded = key(text);
                if folded.contains("absencedenonconformite")
                    || folded.contains("aucunenonconformite")
                    || folded.starts_with("sansobjet")
                {
                    let plural = if nonconformities == 1 { "y" } else { "ies" };
                    out.push(
                        RuleCode::ConclusionContradictsFindings,
                        Place::CONCLUSION,
                        format!("conclusion.fiches_ecart[{i}]"),
                        format!(
                            "the section says {text:?} but the audit has {nonconformities} \
                             nonconformit{plural}"
                        ),
                    );
                }
            }
        }
        for (kind, section, paragraphs) in [
            (
                ObservationKind::Strength,
                "points_forts",
                &conclusion.points_forts,
            ),
            (
                ObservationKind::AreaOfConcern,
                "points_sensibles",
                &conclusion.points_sensibles,
            ),
            (
                ObservationKind::OpportunityForImprovement,
                "pistes_de_progres",
                &conclusion.pistes_de_progres,
            ),
        ] {
            let mut count = None;
            for (i, text) in paragraphs.iter().enumerate() {
                if !key_starts(text, "sansobjet") {
                    continue;
                }
                let n = *count.get_or_insert_with(|| self.count_observations(kind));
                if n > 0 {
                    out.push(
                        RuleCode::ConclusionContradictsFindings,
                        Place::CONCLUSION,
                        format!("conclusion.{section}[{i}]"),
                        format!(
                            "the section says {text:?} but the audit has {n} {kind} observation{}",
                            if n == 1 { "" } else { "s" }
                        ),
                    );
                }
            }
        }
    }

    fn count_observations(&self, kind: ObservationKind) -> usize {
        let audit = self.audit;
        audit
            .assessments
            .iter()
            .flat_map(|a| &a.observations)
            .chain(audit.management.iter().flat_map(|m| &m.observations))
            .chain(audit.remote_checks.iter().flat_map(|c| &c.observations))
            .filter(|o| o.kind == kind)
            .count()
    }
}

/// What an observation, verdict or note belongs to; paths and names are only formatted when a
/// diagnostic needs them.
#[derive(Debug, Clone, Copy)]
enum Subject {
    Assessment(usize, EngagementNumber),
    Management(usize, ManagementItemId),
    Remote(usize, RemoteChannel, EngagementNumber),
}

impl Subject {
    /// The path of the subject followed by `field` (e.g. `.verdict`, or empty).
    fn path(self, field: &str) -> String {
        match self {
            Subject::Assessment(i, _) => format!("assessments[{i}]{field}"),
            Subject::Management(i, _) => format!("management[{i}]{field}"),
            Subject::Remote(i, _, _) => format!("remote_checks[{i}]{field}"),
        }
    }

    /// The subject in a message, e.g. `engagement 5`.
    fn what(self) -> String {
        match self {
            Subject::Assessment(_, n) => format!("engagement {n}"),
            Subject::Management(_, id) => format!("management item {id}"),
            Subject::Remote(_, channel, n) => {
                format!("the {channel} remote check of engagement {n}")
            }
        }
    }
}

/// `missing-verdict` and `na-without-justification` for an engagement or management item.
fn check_verdict(
    out: &mut Collector<'_>,
    place: Place,
    subject: Subject,
    verdict: Option<Verdict>,
    comment: Option<&str>,
) {
    match verdict {
        None => out.push(
            RuleCode::MissingVerdict,
            place,
            subject.path(".verdict"),
            format!("{} has no verdict", subject.what()),
        ),
        Some(Verdict::NotApplicable) if is_blank(comment) => out.push(
            RuleCode::NaWithoutJustification,
            place,
            subject.path(".comment"),
            format!("{} is NA without a justification", subject.what()),
        ),
        Some(_) => {}
    }
}

/// `empty-observation` and `ps-without-risk` for the observations of `subject`.
fn check_observations(
    out: &mut Collector<'_>,
    place: Place,
    subject: Subject,
    observations: &[Observation],
) {
    for (j, o) in observations.iter().enumerate() {
        if o.text.trim().is_empty() {
            out.push(
                RuleCode::EmptyObservation,
                place,
                subject.path(&format!(".observations[{j}].text")),
                format!(
                    "observation {} ({}) of {} has an empty text",
                    j + 1,
                    o.kind,
                    subject.what()
                ),
            );
        }
        if o.kind == ObservationKind::AreaOfConcern && is_blank(o.risk.as_deref()) {
            out.push(
                RuleCode::PsWithoutRisk,
                place,
                subject.path(&format!(".observations[{j}].risk")),
                format!(
                    "observation {} (PS) of {} does not state its risk",
                    j + 1,
                    subject.what()
                ),
            );
        }
    }
}

/// Checks a référentiel for what loading does not already refuse (see the [module
/// documentation](self)): gaps in the engagement numbering, a bundled module whose engagements
/// are interleaved with another module's, no obligatory module. Paths point into the
/// référentiel's file format, with the engagements and modules in number order.
///
/// ```
/// use qualepref::{validate_referentiel, ValidationOptions, Referentiel};
/// let report = validate_referentiel(Referentiel::qual_e_pref_2019(), &ValidationOptions::default());
/// assert!(report.is_clean());
/// ```
#[must_use]
pub fn validate_referentiel(
    referentiel: &Referentiel,
    options: &ValidationOptions,
) -> ValidationReport {
    let mut out = Collector::new(options);
    let engagements = referentiel.engagements();
    let mut previous = 0_u16;
    for (i, e) in engagements.iter().enumerate() {
        let n = e.number.get();
        if n > previous + 1 {
            let missing = if n == previous + 2 {
                format!("{} is missing", previous + 1)
            } else {
                format!("{} to {} are missing", previous + 1, n - 1)
            };
            let message = if previous == 0 {
                format!("engagement numbers start at {n}: {missing}")
            } else {
                format!("engagement numbers jump from {previous} to {n}: {missing}")
            };
            out.push(
                RuleCode::EngagementNumberingGap,
                Place::engagement(e.module.get(), e.number, SECTION_ASSESSMENTS),
                format!("engagements[{i}]"),
                message,
            );
        }
        previous = n;
    }
    for (i, m) in referentiel.modules().iter().enumerate() {
        let first = engagements.iter().position(|e| e.module == m.number);
        let last = engagements.iter().rposition(|e| e.module == m.number);
        if let (Some(first), Some(last)) = (first, last) {
            let inside = engagements.get(first..=last).unwrap_or(&[]);
            if let Some(other) = inside.iter().find(|e| e.module != m.number) {
                let low = inside.first().map_or(0, |e| e.number.get());
                let high = inside.last().map_or(0, |e| e.number.get());
                out.push(
                    RuleCode::ModuleEngagementsNotContiguous,
                    Place::module(m.number),
                    format!("modules[{i}]"),
                    format!(
                        "the engagements of module {} are not contiguous: engagement {} of module \
                         {} lies between {low} and {high}",
                        m.number, other.number, other.module
                    ),
                );
            }
        }
    }
    if !referentiel.modules().iter().any(|m| m.obligatory) {
        out.push(
            RuleCode::NoObligatoryModule,
            Place::AUDIT,
            "modules".to_owned(),
            format!(
                "no module of the référentiel {} is obligatory",
                referentiel.id()
            ),
        );
    }
    out.finish()
}

/// An audit that passed validation (no error-severity diagnostic), with the référentiel it was
/// checked against. Scoring, decision and synthesis take a `Valid`, so they never run on
/// unchecked data.
#[derive(Debug, Clone)]
pub struct Valid<'a> {
    audit: &'a Audit,
    referentiel: &'a Referentiel,
    report: ValidationReport,
}

impl<'a> Valid<'a> {
    /// Validates `audit`; `Ok` when the report has no error.
    ///
    /// # Errors
    ///
    /// The report, when it holds at least one error-severity diagnostic.
    pub fn new(
        audit: &'a Audit,
        referentiel: &'a Referentiel,
        options: &ValidationOptions,
    ) -> Result<Valid<'a>, ValidationReport> {
        let report = validate(audit, referentiel, options);
        if report.has_errors() {
            Err(report)
        } else {
            Ok(Valid {
                audit,
                referentiel,
                report,
            })
        }
    }

    /// The audit.
    #[must_use]
    pub fn audit(&self) -> &'a Audit {
        self.audit
    }

    /// The référentiel it was validated against.
    #[must_use]
    pub fn referentiel(&self) -> &'a Referentiel {
        self.referentiel
    }

    /// The validation report (warnings and infos only).
    #[must_use]
    pub fn report(&self) -> &ValidationReport {
        &self.report
    }
}
