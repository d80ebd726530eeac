//! [`Valid`]: an audit that passed validation, with the index validation built, which the
//! engine reuses.

use std::fmt;

use super::index::Index;
use super::report::{ValidationOptions, ValidationReport};
use super::validate_with;
use crate::{Audit, Referentiel};

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
