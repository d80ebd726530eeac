//! The messages of validation, one field per message, in each language: [`fr::FR`] and
//! [`en::EN`]. The rules never spell a message: they give the collector a closure that reads
//! the field of a table, and the collector builds the French and the English text from the two
//! tables. A message a language lacks is a missing field of its struct literal, so a compile
//! error, never a fallback to another language.
//!
//! A fixed message is a `&'static str`; a message with values is a `fn`, so that each language
//! orders its words. The French table is written typeset (a no-break space before `:` and
//! inside `« »`, a narrow no-break space before `;`), and quotes the audit's texts verbatim
//! between guillemets; a test checks every French message of a generated set of diagnostics.

use chrono::NaiveDate;

use super::rules::Subject;
use crate::{
    AdministrationType, AuditType, Carried, EcartTarget, EngagementNumber, ManagementItemId,
    ModuleNumber, NcGrade, ObservationKind, RemoteChannel, RemoteNote, Unread, Verdict,
};

mod en;
mod fr;

pub(crate) use en::EN;
pub(crate) use fr::FR;

/// Why a fiche d'écart records no nonconformity: the verdict of its target, or none.
#[derive(Debug, Clone, Copy)]
pub(crate) enum NoNonconformity {
    /// Its target's verdict, which is not a nonconformity.
    Verdict(Verdict),
    /// Its target is assessed without a verdict.
    NoVerdict,
    /// Its target is not assessed.
    NotAssessed,
}

/// Why an accepted plan d'actions does not fit the audit's outcome: an avis favorable sous
/// réserve needs a minor nonconformity and no major one.
#[derive(Debug, Clone, Copy)]
pub(crate) enum NoConditions {
    /// No nonconformity at all: an avis favorable.
    NoNonconformity,
    /// This many major nonconformities: an avis défavorable.
    Major(usize),
}

/// Every message of validation in one language.
pub(crate) struct Phrases {
    // --- The header of the audit.
    /// `referentiel-mismatch`: the référentiel the audit names, the one it is validated against.
    pub(crate) referentiel_mismatch: fn(&str, &str) -> String,
    /// `unknown-departement`: the code.
    pub(crate) unknown_departement: fn(&str) -> String,
    /// `dates-reversed`: the end, the start.
    pub(crate) dates_reversed: fn(NaiveDate, NaiveDate) -> String,
    /// `audit-before-referentiel`: the start, the référentiel's id and date.
    pub(crate) audit_before_referentiel: fn(NaiveDate, &str, NaiveDate) -> String,
    /// `internal-audit-without-type`.
    pub(crate) internal_audit_without_type: &'static str,
    /// `external-audit-without-type`.
    pub(crate) external_audit_without_type: &'static str,
    /// `no-auditor`.
    pub(crate) no_auditor: &'static str,
    /// `auditor-without-name`: the auditor's rank (from 1).
    pub(crate) auditor_without_name: fn(usize) -> String,
    /// `duplicate-auditor`: the auditor's rank, name, and the rank of the first one.
    pub(crate) duplicate_auditor: fn(usize, &str, usize) -> String,
    /// `signature-before-audit`: the auditor's rank, name, the signature's day, the start.
    pub(crate) signature_before_audit: fn(usize, &str, NaiveDate, NaiveDate) -> String,
    /// `implausible-date`: the date, the first and last plausible years.
    pub(crate) implausible_date: fn(NaiveDate, i32, i32) -> String,
    /// `audit-too-long`: the days, start, end, and the most days allowed.
    pub(crate) audit_too_long: fn(i64, NaiveDate, NaiveDate, i64) -> String,
    /// `external-on-in-external-audit`: the date given.
    pub(crate) external_on_in_external_audit: fn(NaiveDate) -> String,
    /// `external-on-before-audit-end`: the external audit's date, the internal audit's end.
    pub(crate) external_on_before_audit_end: fn(NaiveDate, NaiveDate) -> String,
    /// `labelling-before-audit-end`: the decision's day, the audit's end.
    pub(crate) labelling_before_audit_end: fn(NaiveDate, NaiveDate) -> String,
    /// `plan-accepted-before-decision`: the plan's day, the decision's day.
    pub(crate) plan_accepted_before_decision: fn(NaiveDate, NaiveDate) -> String,
    /// `plan-accepted-without-conditions`: the plan's day, why the outcome is not favourable
    /// with conditions.
    pub(crate) plan_accepted_without_conditions: fn(NaiveDate, NoConditions) -> String,

    // --- The modules.
    /// `obligatory-module-not-covered`: the module and its title.
    pub(crate) obligatory_module_not_covered: fn(ModuleNumber, &str) -> String,
    /// `duplicate-module`: the module and how many times it is listed.
    pub(crate) duplicate_module: fn(ModuleNumber, usize) -> String,
    /// `unknown-module`: the module, the référentiel's id.
    pub(crate) unknown_module: fn(ModuleNumber, &str) -> String,
    /// `module-not-bundled`: the module, the référentiel's id.
    pub(crate) module_not_bundled: fn(ModuleNumber, &str) -> String,
    /// `police-module-wrong-administration`: the module, the site's administration.
    pub(crate) police_module_wrong_administration: fn(ModuleNumber, AdministrationType) -> String,
    /// `missing-assessment`: the engagement and its module.
    pub(crate) missing_assessment: fn(EngagementNumber, ModuleNumber) -> String,

    // --- The assessments, management items and observations.
    /// `unknown-engagement`: the engagement, the référentiel's id.
    pub(crate) unknown_engagement: fn(EngagementNumber, &str) -> String,
    /// `module-not-covered`: the engagement and its module.
    pub(crate) module_not_covered: fn(EngagementNumber, ModuleNumber) -> String,
    /// `wrong-module` of an assessment: the engagement, the module it is filed under, its own.
    pub(crate) wrong_module: fn(EngagementNumber, ModuleNumber, ModuleNumber) -> String,
    /// `duplicate-assessment`: the engagement and how many times it is assessed.
    pub(crate) duplicate_assessment: fn(EngagementNumber, usize) -> String,
    /// `missing-verdict`.
    pub(crate) missing_verdict: fn(Subject) -> String,
    /// `na-without-justification`.
    pub(crate) na_without_justification: fn(Subject) -> String,
    /// `nonconformity-without-fiche`: the grade.
    pub(crate) nonconformity_without_fiche: fn(Subject, NcGrade) -> String,
    /// `empty-observation`: the observation's rank (from 1), its kind.
    pub(crate) empty_observation: fn(usize, ObservationKind, Subject) -> String,
    /// `ps-without-risk`: the observation's rank (from 1).
    pub(crate) ps_without_risk: fn(usize, Subject) -> String,
    /// `ps-repeats-nonconformity`: the observation's rank (from 1), the grade of the fiche.
    pub(crate) ps_repeats_nonconformity: fn(usize, Subject, NcGrade) -> String,
    /// `missing-management-item`: the item and its title.
    pub(crate) missing_management_item: fn(ManagementItemId, &str) -> String,
    /// `unknown-management-item`: the référentiel's id.
    pub(crate) unknown_management_item: fn(Subject, &str) -> String,
    /// `duplicate-management-item`: how many times it is assessed.
    pub(crate) duplicate_management_item: fn(Subject, usize) -> String,

    // --- The remote checks.
    /// `remote-check-unknown-engagement`: the engagement, channel, the référentiel's id.
    pub(crate) remote_check_unknown_engagement: fn(EngagementNumber, RemoteChannel, &str) -> String,
    /// `remote-check-module-not-covered`: the engagement, channel and module.
    pub(crate) remote_check_module_not_covered:
        fn(EngagementNumber, RemoteChannel, ModuleNumber) -> String,
    /// `wrong-module` of a remote check: the module it is filed under, the engagement's.
    pub(crate) remote_check_wrong_module: fn(Subject, ModuleNumber, ModuleNumber) -> String,
    /// `duplicate-remote-check`: the engagement, how many checks, the channel.
    pub(crate) duplicate_remote_check: fn(EngagementNumber, usize, RemoteChannel) -> String,
    /// `remote-check-without-note`.
    pub(crate) remote_check_without_note: fn(Subject) -> String,
    /// `remote-check-contradicts-verdict`: the note, the on-site verdict.
    pub(crate) remote_check_contradicts_verdict: fn(Subject, RemoteNote, Verdict) -> String,
    /// `na-with-conforming-remote-check`: the channel of the remote check whose note is
    /// `Conforme`, the engagement.
    pub(crate) na_with_conforming_remote_check: fn(RemoteChannel, EngagementNumber) -> String,
    /// `remote-channel-not-checked`: the channel.
    pub(crate) remote_channel_not_checked: fn(RemoteChannel) -> String,

    // --- The fiches d'écart.
    /// `fiche-grade-mismatch`: the fiche's grade, the verdict's.
    pub(crate) fiche_grade_mismatch: fn(EcartTarget, NcGrade, NcGrade) -> String,
    /// `fiche-without-nonconformity`.
    pub(crate) fiche_without_nonconformity: fn(EcartTarget, NoNonconformity) -> String,
    /// `duplicate-fiche`: how many fiches.
    pub(crate) duplicate_fiche: fn(EcartTarget, usize) -> String,
    /// `duplicate-fiche-number`: the fiche's target, its number, the targets of the other
    /// fiches of that number (at least one, in order).
    pub(crate) duplicate_fiche_number: fn(EcartTarget, u32, &[EcartTarget]) -> String,
    /// `fiche-empty-finding`.
    pub(crate) fiche_empty_finding: fn(EcartTarget) -> String,
    /// `fiche-status-before-audit`: whether lifted (else checked), the day, the audit's start.
    pub(crate) fiche_status_before_audit: fn(EcartTarget, bool, NaiveDate, NaiveDate) -> String,
    /// `fiche-lifted-without-evidence`.
    pub(crate) fiche_lifted_without_evidence: fn(EcartTarget) -> String,
    /// `fiche-due-before-audit-end`: the due date, the audit's end.
    pub(crate) fiche_due_before_audit_end: fn(EcartTarget, NaiveDate, NaiveDate) -> String,

    // --- The conclusion.
    /// `charte-graphique-in-initial-audit`: the verdict.
    pub(crate) charte_graphique_in_initial_audit: fn(Verdict) -> String,
    /// `charte-graphique-not-assessed` without verdict: the audit's type.
    pub(crate) charte_without_verdict: fn(AuditType) -> String,
    /// `charte-graphique-not-assessed` by its text: the paragraph, the audit's type.
    pub(crate) charte_says_initial: fn(&str, AuditType) -> String,
    /// `conclusion-contradicts-findings` of the fiches d'écart: the paragraph, the count of
    /// nonconformities.
    pub(crate) fiches_contradict: fn(&str, usize) -> String,
    /// `conclusion-contradicts-findings` of an observations' section: the paragraph, the count,
    /// the kind.
    pub(crate) observations_contradict: fn(&str, usize, ObservationKind) -> String,
    /// `conclusion-contradicts-findings` of the charte graphique: the paragraph, the verdict.
    pub(crate) charte_contradicts: fn(&str, Verdict) -> String,
    /// `conclusion-contradicts-findings` of the conclusion générale: the paragraph, the count
    /// of engagements with a verdict.
    pub(crate) conclusion_contradicts: fn(&str, usize) -> String,
    /// `conclusion-section-empty` of an observations' section: the kind, the count.
    pub(crate) observations_section_empty: fn(ObservationKind, usize) -> String,
    /// `conclusion-section-empty` of the fiches d'écart: the count of nonconformities.
    pub(crate) fiches_section_empty: fn(usize) -> String,
    /// `conclusion-section-empty` of the conclusion générale.
    pub(crate) conclusion_generale_empty: &'static str,
    /// `conclusion-praises-major-nonconformity`: the words as written, the count of `NC Maj`.
    pub(crate) conclusion_praises: fn(&str, usize) -> String,

    // --- The texts and what an import did not read.
    /// `control-character`: the character, its position (from 1).
    pub(crate) control_character: fn(char, usize) -> String,
    /// `unread-assessment` of a text that could carry an assessment.
    pub(crate) unread_carries: fn(&Unread, Carried) -> String,
    /// `unread-assessment` of a text that competes with a value filed.
    pub(crate) unread_competes: fn(&Unread) -> String,
    /// `unread-value`.
    pub(crate) unread_value: fn(&Unread) -> String,

    // --- The référentiel (`validate_referentiel`).
    /// `engagement-numbering-gap`: the number before (0 at the start), the number after.
    pub(crate) engagement_numbering_gap: fn(u16, u16) -> String,
    /// `module-engagements-not-contiguous`: the module, the engagement between and its module,
    /// the module's lowest and highest numbers.
    pub(crate) module_engagements_not_contiguous:
        fn(ModuleNumber, EngagementNumber, ModuleNumber, u16, u16) -> String,
    /// `no-obligatory-module`: the référentiel's id.
    pub(crate) no_obligatory_module: fn(&str) -> String,
}

/// `text` with its control characters (line breaks and tabs included) escaped as Rust writes
/// them (`\n`, `\u{1b}`), so that a message stays on one line and never carries them to a
/// terminal; every other character is kept as written.
pub(crate) fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
