//! The header of the audit: référentiel, site, type, dates and auditors.

use chrono::Datelike as _;

use super::super::index::Index;
use super::super::order::{Collector, Place};
use super::super::phrases::NoConditions;
use super::texts::shown;
use crate::RuleCode;
use crate::{NcGrade, Verdict};

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
        self.check_external_on(out);
        self.check_labelling(out);
    }

    /// `external-on-in-external-audit` and `external-on-before-audit-end`: the planned date of
    /// the external audit that an internal audit precedes.
    fn check_external_on(&self, out: &mut Collector<'_>) {
        let audit = self.audit;
        let Some(on) = audit.kind.external_on else {
            return;
        };
        let path = || "kind.external_on".to_owned();
        if !audit.kind.internal {
            out.push(
                RuleCode::ExternalOnInExternalAudit,
                Place::AUDIT,
                path(),
                |p| (p.external_on_in_external_audit)(on),
            );
        } else if on < audit.dates.end {
            let end = audit.dates.end;
            out.push(
                RuleCode::ExternalOnBeforeAuditEnd,
                Place::AUDIT,
                path(),
                |p| (p.external_on_before_audit_end)(on, end),
            );
        }
    }

    /// `labelling-before-audit-end`, `plan-accepted-before-decision` and
    /// `plan-accepted-without-conditions`: the labelling decision that followed the audit.
    fn check_labelling(&self, out: &mut Collector<'_>) {
        let audit = self.audit;
        let Some(labelling) = audit.labelling else {
            return;
        };
        let end = audit.dates.end;
        let decided = labelling.decided_on;
        if decided < end {
            out.push(
                RuleCode::LabellingBeforeAuditEnd,
                Place::AUDIT,
                "labelling.decided_on".to_owned(),
                |p| (p.labelling_before_audit_end)(decided, end),
            );
        }
        let Some(accepted) = labelling.plan_accepted_on else {
            return;
        };
        let path = || "labelling.plan_accepted_on".to_owned();
        if accepted < decided {
            out.push(
                RuleCode::PlanAcceptedBeforeDecision,
                Place::AUDIT,
                path(),
                |p| (p.plan_accepted_before_decision)(accepted, decided),
            );
        }
        let (minor, major) = self.count_grades();
        let why = if major > 0 {
            Some(NoConditions::Major(major))
        } else if minor == 0 {
            Some(NoConditions::NoNonconformity)
        } else {
            None
        };
        if let Some(why) = why {
            out.push(
                RuleCode::PlanAcceptedWithoutConditions,
                Place::AUDIT,
                path(),
                |p| (p.plan_accepted_without_conditions)(accepted, why),
            );
        }
    }

    /// How many engagements and management items are `NC min`, and how many `NC Maj`.
    pub(crate) fn count_grades(&self) -> (usize, usize) {
        let audit = self.audit;
        let verdicts = audit
            .assessments
            .iter()
            .map(|a| a.verdict)
            .chain(audit.management.iter().map(|m| m.verdict));
        let (mut minor, mut major) = (0, 0);
        for grade in verdicts.filter_map(|v| v.and_then(Verdict::nonconformity)) {
            match grade {
                NcGrade::Minor => minor += 1,
                NcGrade::Major => major += 1,
            }
        }
        (minor, major)
    }

    /// `implausible-date` on every date of the audit, `audit-too-long`.
    fn check_dates(&self, out: &mut Collector<'_>) {
        let audit = self.audit;
        let dates = audit.dates;
        let mut all = vec![
            ("dates.start".to_owned(), dates.start),
            ("dates.end".to_owned(), dates.end),
        ];
        if let Some(d) = audit.kind.external_on {
            all.push(("kind.external_on".to_owned(), d));
        }
        if let Some(labelling) = audit.labelling {
            all.push(("labelling.decided_on".to_owned(), labelling.decided_on));
            if let Some(d) = labelling.plan_accepted_on {
                all.push(("labelling.plan_accepted_on".to_owned(), d));
            }
        }
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
