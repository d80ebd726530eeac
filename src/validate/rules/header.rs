//! The header of the audit: référentiel, site, type, dates and auditors.

use chrono::Datelike as _;

use super::super::index::Index;
use super::super::order::{Collector, Place};
use super::texts::shown;
use crate::RuleCode;

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
                |p| (p.referentiel_mismatch)(&audit.referentiel.id, r.id()),
            );
        }
        if !audit.site.departement.is_known() {
            out.push(
                RuleCode::UnknownDepartement,
                Place::AUDIT,
                "site.departement".to_owned(),
                |p| (p.unknown_departement)(audit.site.departement.as_str()),
            );
        }
        let dates = audit.dates;
        if dates.end < dates.start {
            out.push(
                RuleCode::DatesReversed,
                Place::AUDIT,
                "dates.end".to_owned(),
                |p| (p.dates_reversed)(dates.end, dates.start),
            );
        }
        if dates.start < r.date() {
            out.push(
                RuleCode::AuditBeforeReferentiel,
                Place::AUDIT,
                "dates.start".to_owned(),
                |p| (p.audit_before_referentiel)(dates.start, r.id(), r.date()),
            );
        }
        if audit.kind.audit_type.is_none() {
            let internal = audit.kind.internal;
            let code = if internal {
                RuleCode::InternalAuditWithoutType
            } else {
                RuleCode::ExternalAuditWithoutType
            };
            out.push(code, Place::AUDIT, "kind.type".to_owned(), |p| {
                if internal {
                    p.internal_audit_without_type.to_owned()
                } else {
                    p.external_audit_without_type.to_owned()
                }
            });
        }
        if audit.auditors.is_empty() {
            out.push(
                RuleCode::NoAuditor,
                Place::AUDIT,
                "auditors".to_owned(),
                |p| p.no_auditor.to_owned(),
            );
        }
        for (i, auditor) in audit.auditors.iter().enumerate() {
            if auditor.name.trim().is_empty() {
                out.push(
                    RuleCode::AuditorWithoutName,
                    Place::AUDIT,
                    format!("auditors[{i}].name"),
                    |p| (p.auditor_without_name)(i + 1),
                );
            } else if let Some(first) = audit
                .auditors
                .iter()
                .take(i)
                .position(|a| same_name(&a.name, &auditor.name))
            {
                out.push(
                    RuleCode::DuplicateAuditor,
                    Place::AUDIT,
                    format!("auditors[{i}].name"),
                    |p| (p.duplicate_auditor)(i + 1, &shown(&auditor.name), first + 1),
                );
            }
            if let Some(signed) = auditor.signed_on {
                if signed < dates.start {
                    out.push(
                        RuleCode::SignatureBeforeAudit,
                        Place::AUDIT,
                        format!("auditors[{i}].signed_on"),
                        |p| {
                            (p.signature_before_audit)(
                                i + 1,
                                &shown(&auditor.name),
                                signed,
                                dates.start,
                            )
                        },
                    );
                }
            }
        }
        self.check_dates(out);
    }

    /// `implausible-date` on every date of the audit, `audit-too-long`.
    fn check_dates(&self, out: &mut Collector<'_>) {
        let audit = self.audit;
        let dates = audit.dates;
        let mut all = vec![
            ("dates.start".to_owned(), dates.start),
            ("dates.end".to_owned(), dates.end),
        ];
        for (i, auditor) in audit.auditors.iter().enumerate() {
            if let Some(d) = auditor.signed_on {
                all.push((format!("auditors[{i}].signed_on"), d));
            }
        }
        for (i, fiche) in audit.ecarts.iter().enumerate() {
            if let Some(d) = fiche.due {
                all.push((format!("ecarts[{i}].due"), d));
            }
            if let Some(d) = fiche.status.checked_on() {
                all.push((format!("ecarts[{i}].status.on"), d));
            }
        }
        let mut plausible = true;
        for (path, date) in all {
            if !PLAUSIBLE_YEARS.contains(&date.year()) {
                plausible &= !path.starts_with("dates.");
                out.push(RuleCode::ImplausibleDate, Place::AUDIT, path, |p| {
                    (p.implausible_date)(date, *PLAUSIBLE_YEARS.start(), *PLAUSIBLE_YEARS.end())
                });
            }
        }
        let days = (dates.end - dates.start).num_days() + 1;
        if plausible && days > MAX_AUDIT_DAYS {
            out.push(
                RuleCode::AuditTooLong,
                Place::AUDIT,
                "dates.end".to_owned(),
                |p| (p.audit_too_long)(days, dates.start, dates.end, MAX_AUDIT_DAYS),
            );
        }
    }
}

/// The years a date of an audit may fall in; others are typing errors (9999, 12019).
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The longest an audit may last, in days, first and last included.
const MAX_AUDIT_DAYS: i64 = 30;

/// Whether two names are the same but for case and spacing.
fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    words(a) == words(b)
}
