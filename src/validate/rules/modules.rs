//! The modules: obligatory, repeated, unknown or not bundled modules, the préfecture de police's
//! module, and the engagements of covered modules without assessment.

use super::super::index::Index;
use super::super::order::{Collector, Place, SECTION_ASSESSMENTS};
use crate::RuleCode;
use crate::{AdministrationType, ModuleNumber};

impl Index<'_> {
    #[inline]
    pub(crate) fn check_modules(&self, out: &mut Collector<'_>) {
        let audit = self.audit;
        let r = self.referentiel;
        for m in r.modules() {
            if m.obligatory && !self.covers(m.number) {
                out.push(
                    RuleCode::ObligatoryModuleNotCovered,
                    Place::module(m.number),
                    "modules".to_owned(),
                    |p| (p.obligatory_module_not_covered)(m.number, &m.title),
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
                    |p| (p.duplicate_module)(number, count),
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
                    |p| (p.unknown_module)(number, r.id()),
                ),
                Some(m) if !m.bundled => out.push(
                    RuleCode::ModuleNotBundled,
                    place,
                    format!("modules[{i}]"),
                    |p| (p.module_not_bundled)(number, r.id()),
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
                    |p| (p.police_module_wrong_administration)(number, audit.site.administration),
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
                    |p| (p.missing_assessment)(e.number, e.module),
                );
            }
        }
    }
}
