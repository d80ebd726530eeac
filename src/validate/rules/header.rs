//! The header of the audit: référentiel, site, type, dates and auditors.

use super::super::codes::RuleCode;
use super::super::index::Index;
use super::super::order::{Collector, Place};

impl Index<'_> {
    #[inline]
    pub(crate) fn check_header(&self, out: &mut Collector<'_>) {
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
}
