//! The assessments of engagements: known engagement, covered and right module, one assessment
//! each, verdict, fiche d'écart of a nonconformity, observations.

use super::super::index::Index;
use super::super::order::{Collector, Place, SECTION_ASSESSMENTS};
use super::{Subject, check_observations, check_ps_repeats, check_verdict};
use crate::RuleCode;
use crate::{EcartTarget, Verdict};

impl Index<'_> {
    #[inline]
    pub(crate) fn check_assessments(&self, out: &mut Collector<'_>) {
        let r = self.referentiel;
        for (i, a) in self.audit.assessments.iter().enumerate() {
            let n = a.engagement;
            let place = Place::engagement(self.group_of(n), n, SECTION_ASSESSMENTS);
            match self.module_of(n) {
                None => {
                    if !self.covered_unbundled(a.module) {
                        out.push(
                            RuleCode::UnknownEngagement,
                            place,
                            format!("assessments[{i}].engagement"),
                            |p| (p.unknown_engagement)(n, r.id()),
                        );
                    }
                }
                Some(module) => {
                    if !self.covers(module) {
                        out.push(
                            RuleCode::ModuleNotCovered,
                            place,
                            format!("assessments[{i}].engagement"),
                            |p| (p.module_not_covered)(n, module),
                        );
                    }
                    if a.module != module {
                        out.push(
                            RuleCode::WrongModule,
                            place,
                            format!("assessments[{i}].module"),
                            |p| (p.wrong_module)(n, a.module, module),
                        );
                    }
                }
            }
            let same = self.assessments_of(n);
            if same.get(1).is_some_and(|(_, j)| *j == i) {
                out.push(
                    RuleCode::DuplicateAssessment,
                    place,
                    format!("assessments[{i}]"),
                    |p| (p.duplicate_assessment)(n, same.len()),
                );
            }
            let subject = Subject::Assessment(i, n);
            check_verdict(out, place, subject, a.verdict, a.comment.as_deref());
            if let Some(grade) = a.verdict.and_then(Verdict::nonconformity) {
                let target = EcartTarget::Engagement(n);
                if !self.has_fiche(target) {
                    out.push(
                        RuleCode::NonconformityWithoutFiche,
                        place,
                        subject.path(".verdict"),
                        |p| (p.nonconformity_without_fiche)(subject, grade),
                    );
                }
                let fiche = self.audit.fiche(target, grade);
                check_ps_repeats(out, place, subject, &a.observations, fiche);
            }
            check_observations(out, place, subject, &a.observations);
        }
    }
}
