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
            out.push(
                RuleCode::EngagementNumberingGap,
                Place::engagement(e.module.get(), e.number, SECTION_ASSESSMENTS),
                format!("engagements[{i}]"),
                |p| (p.engagement_numbering_gap)(previous, n),
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
                    |p| {
                        (p.module_engagements_not_contiguous)(
                            m.number,
                            other.number,
                            other.module,
                            low,
                            high,
                        )
                    },
                );
            }
        }
    }
    if !referentiel.modules().iter().any(|m| m.obligatory) {
        out.push(
            RuleCode::NoObligatoryModule,
            Place::AUDIT,
            "modules".to_owned(),
            |p| (p.no_obligatory_module)(referentiel.id()),
        );
    }
    out.finish()
}
