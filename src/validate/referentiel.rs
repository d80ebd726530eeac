//! The checks of a référentiel that loading does not already refuse ([`validate_referentiel`]);
//! what loading refuses is checked with the type, in `crate::model::referentiel_checks`.

use super::order::{Collector, Place, SECTION_ASSESSMENTS};
use crate::Referentiel;
use crate::RuleCode;
use crate::{ValidationOptions, ValidationReport};

/// Checks a référentiel for what loading does not already refuse (see the [module
/// documentation](mod@crate::validate)): gaps in the engagement numbering, a bundled module whose engagements
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
