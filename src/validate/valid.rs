//! [`Valid`]: an audit that passed validation, with the index validation built, which the
//! engine reuses.

use std::borrow::Borrow;
use std::fmt;

use super::index::Index;
use super::validate_with;
use crate::{Audit, Referentiel};
use crate::{ValidationOptions, ValidationReport};

/// An audit that passed validation (no error-severity diagnostic), with the référentiel it was
/// checked against. Scoring, decision and synthesis take a `Valid`, so they never run on
/// unchecked data.
///
/// It keeps the index that validation built (engagements, management items and fiches d'écart
/// looked up by number), so that scoring, decision and synthesis do not build it again.
#[derive(Clone)]
pub struct Valid<'a> {
    index: Index<'a>,
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
        let index = Index::new(audit, referentiel);
        let report = validate_with(&index, options);
        if report.has_errors() {
            Err(report)
        } else {
            Ok(Valid { index, report })
        }
    }

    /// The audit.
    #[must_use]
    pub fn audit(&self) -> &'a Audit {
        self.index.audit
    }

    /// The référentiel it was validated against.
    #[must_use]
    pub fn referentiel(&self) -> &'a Referentiel {
        self.index.referentiel
    }

    /// The validation report (warnings and infos only).
    #[must_use]
    pub fn report(&self) -> &ValidationReport {
        &self.report
    }

    /// The index built by validation, for the engine.
    pub(crate) fn index(&self) -> &Index<'a> {
        &self.index
    }
}

/// The audit, the référentiel's id and the report; not the index.
impl fmt::Debug for Valid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Valid")
            .field("audit", &self.index.audit)
            .field("referentiel", &self.index.referentiel.id())
            .field("report", &self.report)
            .finish_non_exhaustive()
    }
}

/// An audit that passed validation, owning its audit: for a server or a cache, which keeps
/// validated audits beyond the scope that read them and sends them across threads.
///
/// Which to use when:
///
/// - [`Valid`] borrows the audit and the référentiel, and carries the index validation built:
///   the cheapest way through one pass (read, validate, conclude, render) in one scope.
/// - `ValidAudit` owns the audit and holds the référentiel as `R`: `&'static Referentiel` for
///   the embedded one (the default), or `Arc<Referentiel>` for one loaded from a file and shared.
///   It is `Send + Sync` and `'static`, and gives a [`Valid`] again ([`valid`](ValidAudit::valid),
///   which rebuilds the index without validating again) or owned conclusions
///   ([`conclude`](ValidAudit::conclude)).
///
/// ```
/// use std::sync::Arc;
/// use qualepref::{samples, Audit, Language, Policy, Referentiel, ValidAudit};
///
/// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// let kept: ValidAudit = ValidAudit::new(audit, Referentiel::qual_e_pref_2019(), &Default::default())?;
/// let conclusions = kept.conclude(&Policy::default(), Language::Fr);
/// assert_eq!(conclusions.outcome_label(Language::Fr), "avis favorable (indicatif)");
///
/// // A référentiel loaded once and shared by many audits.
/// let shared = Arc::new(Referentiel::qual_e_pref_2019().clone());
/// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// let kept = ValidAudit::new(audit, Arc::clone(&shared), &Default::default())?;
/// let handle = std::thread::spawn(move || kept.audit().site.city.clone());
/// assert_eq!(handle.join().map_err(|_| "thread")?, "TOULON");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct ValidAudit<R = &'static Referentiel> {
    audit: Audit,
    referentiel: R,
    report: ValidationReport,
}

impl<R: Borrow<Referentiel>> ValidAudit<R> {
    /// Validates `audit` against `referentiel` and keeps both; `Ok` when the report has no
    /// error.
    ///
    /// # Errors
    ///
    /// The report, when it holds at least one error-severity diagnostic.
    pub fn new(
        audit: Audit,
        referentiel: R,
        options: &ValidationOptions,
    ) -> Result<ValidAudit<R>, ValidationReport> {
        let report = {
            let index = Index::new(&audit, referentiel.borrow());
            validate_with(&index, options)
        };
        if report.has_errors() {
            Err(report)
        } else {
            Ok(ValidAudit {
                audit,
                referentiel,
                report,
            })
        }
    }

    /// The audit.
    #[must_use]
    pub fn audit(&self) -> &Audit {
        &self.audit
    }

    /// The référentiel it was validated against.
    #[must_use]
    pub fn referentiel(&self) -> &Referentiel {
        self.referentiel.borrow()
    }

    /// The validation report (warnings and infos only).
    #[must_use]
    pub fn report(&self) -> &ValidationReport {
        &self.report
    }

    /// The audit as a [`Valid`], for the engine and the writers; the index is built again,
    /// validation is not run again.
    #[must_use]
    pub fn valid(&self) -> Valid<'_> {
        Valid {
            index: Index::new(&self.audit, self.referentiel.borrow()),
            report: self.report.clone(),
        }
    }

    /// The audit, taken out.
    #[must_use]
    pub fn into_audit(self) -> Audit {
        self.audit
    }
}
