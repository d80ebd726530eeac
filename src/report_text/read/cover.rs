//! The cover of the report: the title page (site, audit type, référentiel, dates, lead
//! auditors), checked later against the page de garde, and part 1, the page de garde (a row
//! `LABEL\tvalue` per field, checkboxes for the administration type, modules and audit type,
//! and the auditors' table).

use super::super::vocabulary::{
    ADMINISTRATION, ADMINISTRATIONS, AUDIT_DATES, AUDIT_TYPE, AUDIT_TYPE_LEADS, AUDIT_TYPES,
    AUDITORS, CITY, DEPARTEMENT, EXTERNAL_AUDIT_DATE, Fold, INTERNAL_AUDIT, LEAD, LEAD_EMAIL,
    LEAD_PHONE, MODULE, MODULES, REFERENTIEL, SITE_SEPARATOR, TABLE_OF_CONTENTS, TITLE, TITLE_END,
    TITLE_REFERENTIEL, TITLE_START,
};
use super::cells::{
    checkboxes, date_like_words, dates_in, french_dates_in, leading_number, read_date,
    strip_prefix_ci,
};
use super::{ImportCode, Lead, LineRole, Parser, Place, ReportField, ReportLayout};
use crate::text::key;
use crate::{AdministrationType, AuditDates, AuditType, Auditor, Departement, ModuleNumber};

impl Parser<'_> {
    pub(super) fn title_page(&mut self, n: usize, t: &str) -> LineRole {
        let k = key(t);
        if TITLE.matches(&k) {
            self.seen_title = true;
            return LineRole::Layout(ReportLayout::Title);
        }
        if TABLE_OF_CONTENTS.matches(&k) || is_contents_entry(t, &k) {
            return LineRole::Layout(ReportLayout::TableOfContents);
        }
        if let Some((left, value)) = t.split_once(':').or_else(|| t.split_once('\t')) {
            let lk = key(left);
            let value = value.trim();
            if TITLE_REFERENTIEL.matches(&lk) {
                if key(value) != key(self.r.name()) && key(value) != key(self.r.id()) {
                    let r = self.r;
                    self.diag(Some(n), ImportCode::ReferentielDiffers, |p| {
                        (p.referentiel_named)(value, r.name(), r.id())
                    });
                }
                return LineRole::Field(ReportField::TitlePageReferentiel);
            }
            if TITLE_START.matches(&lk) {
                return self.title_date(n, value, true);
            }
            if TITLE_END.matches(&lk) {
                return self.title_date(n, value, false);
            }
            if LEAD.matches(&lk) && !value.is_empty() {
                let role = strip_prefix_ci(left.trim(), LEAD.text)
                    .unwrap_or(left)
                    .trim()
                    .to_owned();
                self.leads.push(Lead {
                    name: value.to_owned(),
                    role,
                    phone: None,
                    email: None,
                    line: n,
                });
                return LineRole::Field(ReportField::Auditor);
            }
            let is_phone = LEAD_PHONE.matches(&lk);
            let is_email = LEAD_EMAIL.matches(&lk);
            if is_phone || is_email {
                let Some(lead) = self.leads.last_mut() else {
                    return self.skip(n, Place::TitlePageNoAuditor, t);
                };
                if is_phone {
                    lead.phone = Some(value.to_owned());
                } else {
                    lead.email = Some(value.to_owned());
                }
                return LineRole::Field(ReportField::Auditor);
            }
        }
        if let Some((city, dep)) = t.rsplit_once(SITE_SEPARATOR) {
            if let Ok(dep) = dep.parse::<Departement>() {
                if self.title_site.is_none() {
                    self.title_site = Some((city.trim().to_owned(), dep, n));
                    return LineRole::Field(ReportField::TitlePageSite);
                }
            }
        }
        if let Some(kind) = audit_type_from_key(&k) {
            if self.title_type.is_none() {
                self.title_type = Some((kind, n));
                return LineRole::Field(ReportField::TitlePageAuditType);
            }
        }
        if self.site_name.is_none() && administration_from_name(t).is_some() {
            self.site_name = Some(t.to_owned());
            return LineRole::Field(ReportField::SiteName);
        }
        self.skip(n, Place::TitlePage, t)
    }

    pub(super) fn title_date(&mut self, n: usize, value: &str, start: bool) -> LineRole {
        let d = match read_date(value) {
            Ok(d) => d,
            Err(problem) => {
                self.date_problem(n, |p| (p.date_problem)(problem, value));
                self.unread(
                    n,
                    ImportCode::InvalidDate,
                    |p| (p.title_date)(problem, value),
                    "dates".to_owned(),
                    value,
                );
                return LineRole::Reported;
            }
        };
        if start {
            self.title_start = Some((d, n));
        } else {
            self.title_end = Some((d, n));
        }
        LineRole::Field(ReportField::TitlePageDates)
    }

    // --- page de garde ----------------------------------------------------------------------

    pub(super) fn page_de_garde(&mut self, n: usize, line: &str, t: &str) -> LineRole {
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let first = cells.first().copied().unwrap_or("");
        let value = cells
            .iter()
            .skip(1)
            .copied()
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>();
        let v0 = value.first().copied().unwrap_or("");
        let k = key(first);
        if first.is_empty() && self.in_auditors && !v0.is_empty() {
            return self.auditor_row(n, &value);
        }
        self.in_auditors = false;
        if ADMINISTRATION.matches(&k) {
            let checked: Vec<&str> = checkboxes(v0)
                .into_iter()
                .filter(|c| c.0)
                .map(|c| c.1)
                .collect();
            match checked.as_slice() {
                [label] => {
                    if let Some(a) = administration_from_key(&key(label)) {
                        self.administration = Some(a);
                        LineRole::Field(ReportField::Administration)
                    } else {
                        self.unread(
                            n,
                            ImportCode::UnknownValue,
                            |p| (p.administration_unknown)(label),
                            "site.administration".to_owned(),
                            label,
                        );
                        LineRole::Reported
                    }
                }
                [] => LineRole::Field(ReportField::Administration),
                _ => {
                    let all = checked.join(", ");
                    self.unread(
                        n,
                        ImportCode::UnknownValue,
                        |p| (p.administrations_several)(&all),
                        "site.administration".to_owned(),
                        &all,
                    );
                    LineRole::Reported
                }
            }
        } else if DEPARTEMENT.matches(&k) {
            match v0.parse::<Departement>() {
                Ok(d) => {
                    self.departement = Some((d, n));
                    LineRole::Field(ReportField::Departement)
                }
                Err(_) => {
                    self.unread(
                        n,
                        ImportCode::UnknownValue,
                        |p| (p.departement_invalid)(v0),
                        "site.departement".to_owned(),
                        v0,
                    );
                    LineRole::Reported
                }
            }
        } else if CITY.matches(&k) {
            self.city = Some((v0.to_owned(), n));
            LineRole::Field(ReportField::City)
        } else if MODULES.matches(&k) {
            let mut modules = Vec::new();
            for (checked, label) in checkboxes(v0) {
                let number = strip_prefix_ci(label, MODULE)
                    .and_then(|rest| leading_number(rest.trim_start()))
                    .and_then(|(m, _)| u8::try_from(m).ok())
                    .and_then(ModuleNumber::new);
                match number {
                    Some(m) if checked => modules.push(m),
                    Some(_) => {}
                    None => self.unread(
                        n,
                        ImportCode::UnknownValue,
                        |p| (p.module_checkbox)(label),
                        "modules".to_owned(),
                        label,
                    ),
                }
            }
            self.modules = Some(modules);
            LineRole::Field(ReportField::Modules)
        } else if EXTERNAL_AUDIT_DATE.matches(&k) {
            match read_date(v0) {
                Ok(day) => {
                    self.external_on = Some(day);
                    LineRole::Field(ReportField::AuditKind)
                }
                Err(problem) => {
                    self.unread(
                        n,
                        ImportCode::InvalidDate,
                        |p| (p.external_date)(problem, v0),
                        "kind.external_on".to_owned(),
                        v0,
                    );
                    LineRole::Reported
                }
            }
        } else if INTERNAL_AUDIT.matches(&k) {
            self.kind_line = Some(n);
            self.internal_type = self.checked_type(n, v0);
            LineRole::Field(ReportField::AuditKind)
        } else if AUDIT_TYPE.matches(&k) {
            self.kind_line.get_or_insert(n);
            self.external_type = self.checked_type(n, v0);
            LineRole::Field(ReportField::AuditKind)
        } else if REFERENTIEL.matches(&k) {
            self.label = Some(v0.to_owned());
            self.check_referentiel_dates(n, v0);
            LineRole::Field(ReportField::ReferentielLabel)
        } else if AUDIT_DATES.matches(&k) {
            let found = dates_in(v0);
            if let Some((bad, problem)) =
                date_like_words(v0).find_map(|w| read_date(w).err().map(|e| (w, e)))
            {
                self.date_problem(n, |p| (p.date_problem)(problem, bad));
                self.unread(
                    n,
                    ImportCode::InvalidDate,
                    |p| (p.audit_dates_invalid)(v0, problem, bad),
                    "dates".to_owned(),
                    v0,
                );
                return LineRole::Reported;
            }
            let dates = match found.as_slice() {
                [start, end] => Some(AuditDates {
                    start: *start,
                    end: *end,
                }),
                [day] => Some(AuditDates {
                    start: *day,
                    end: *day,
                }),
                _ => None,
            };
            if let Some(d) = dates {
                self.dates = Some((d, n));
                LineRole::Field(ReportField::AuditDates)
            } else {
                self.date_problem(n, |p| (p.audit_dates_unreadable)(v0));
                self.unread(
                    n,
                    ImportCode::InvalidDate,
                    |p| (p.audit_dates_form)(v0),
                    "dates".to_owned(),
                    v0,
                );
                LineRole::Reported
            }
        } else if AUDITORS.matches(&k) {
            self.in_auditors = true;
            self.auditor_row(n, &value)
        } else {
            self.skip(n, Place::PageDeGarde, t)
        }
    }

    pub(super) fn auditor_row(&mut self, n: usize, value: &[&str]) -> LineRole {
        let Some(name) = value.first() else {
            return LineRole::Field(ReportField::Auditor);
        };
        let signed_on = match value.get(1) {
            Some(d) => match read_date(d) {
                Ok(date) => Some(date),
                Err(problem) => {
                    let i = self.auditors.len();
                    self.unread(
                        n,
                        ImportCode::InvalidDate,
                        |p| (p.signature_date)(problem, d),
                        format!("auditors[{i}].signed_on"),
                        d,
                    );
                    None
                }
            },
            None => None,
        };
        self.auditors.push(Auditor {
            name: (*name).to_owned(),
            role: None,
            phone: None,
            email: None,
            signed_on,
        });
        LineRole::Field(ReportField::Auditor)
    }

    pub(super) fn checked_type(&mut self, n: usize, cell: &str) -> Option<AuditType> {
        let mut found = None;
        for (checked, label) in checkboxes(cell) {
            if !checked {
                continue;
            }
            match audit_type_from_key(&key(label)) {
                Some(t) if found.is_none() => found = Some(t),
                Some(t) => self.unread(
                    n,
                    ImportCode::UnknownValue,
                    |p| (p.audit_type_twice)(t),
                    "kind.type".to_owned(),
                    label,
                ),
                None => self.unread(
                    n,
                    ImportCode::UnknownValue,
                    |p| (p.audit_type_unknown)(label),
                    "kind.type".to_owned(),
                    label,
                ),
            }
        }
        found
    }

    pub(super) fn check_referentiel_dates(&mut self, n: usize, label: &str) {
        let mut found = dates_in(label);
        found.extend(french_dates_in(label));
        if let Some(&date) = found.first() {
            let ours = self.r.date();
            if date != ours {
                self.diag(Some(n), ImportCode::ReferentielDiffers, |p| {
                    (p.referentiel_dated)(date, ours)
                });
            }
        }
        if let (Some(&revised), Some(ours)) = (found.get(1), self.r.revised()) {
            if revised != ours {
                self.diag(Some(n), ImportCode::ReferentielDiffers, |p| {
                    (p.referentiel_revised)(revised, ours)
                });
            }
        }
    }
}

/// An entry of the table of contents (`- 1. PAGE DE GARDE**`): a dash, a number and a dot.
fn is_contents_entry(t: &str, k: &str) -> bool {
    t.starts_with('-') && t.contains('.') && k.len() < 80
}

/// The administration type whose checkbox label folds to `k`.
pub(super) fn administration_from_key(k: &str) -> Option<AdministrationType> {
    ADMINISTRATIONS
        .iter()
        .find(|(_, label)| label.matches(k))
        .map(|(a, _)| *a)
}

/// The administration type a site's name starts with (`Sous-préfecture de Brest`): the
/// longest label it starts with.
pub(super) fn administration_from_name(name: &str) -> Option<AdministrationType> {
    let k = key(name);
    let mut found: Option<(AdministrationType, usize)> = None;
    for (a, label) in &ADMINISTRATIONS {
        for fold in label.accepts {
            let (Fold::Is(p) | Fold::Starts(p)) = fold;
            if k.starts_with(p) && found.is_none_or(|(_, len)| p.len() > len) {
                found = Some((*a, p.len()));
            }
        }
    }
    found.map(|(a, _)| a)
}

/// The audit type folded to `k`, after an optional `audit` or `audit interne`.
pub(super) fn audit_type_from_key(k: &str) -> Option<AuditType> {
    let k = AUDIT_TYPE_LEADS.strip(k).unwrap_or(k);
    AUDIT_TYPES
        .iter()
        .find(|(_, label)| label.matches(k))
        .map(|(t, _)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report_text::vocabulary::TABLE_OF_CONTENTS_ENTRIES;

    #[test]
    fn the_vocabulary_reads_back() {
        for entry in TABLE_OF_CONTENTS_ENTRIES {
            assert!(is_contents_entry(entry, &key(entry)), "{entry}");
        }
        for (a, label) in ADMINISTRATIONS {
            assert_eq!(administration_from_key(&key(label.text)), Some(a));
            assert_eq!(
                administration_from_name(&format!("{} du Var", label.text)),
                Some(a)
            );
        }
        for (t, label) in AUDIT_TYPES {
            assert_eq!(audit_type_from_key(&key(label.text)), Some(t));
            assert_eq!(audit_type_from_key(&key(t.label_fr())), Some(t));
        }
    }

    #[test]
    fn a_contents_entry_is_a_short_line() {
        // A dashed, numbered line of fewer than 80 folded bytes is an entry of the table of
        // contents; a longer one is text, left to the other rules.
        assert!(is_contents_entry("- 1. x", &"a".repeat(79)));
        assert!(!is_contents_entry("- 1. x", &"a".repeat(80)));
        assert!(!is_contents_entry("1. x", "x"));
        assert!(!is_contents_entry("- x", "x"));
    }
}
