//! The assessments of engagements: known engagement, covered and right module, one assessment
//! each, verdict, fiche d'écart of a nonconformity, observations.

use super::super::index::Index;
use super::super::order::{Collector, Place, SECTION_ASSESSMENTS};
use super::{Subject, check_observations, check_verdict};
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
                            format!("engagement {n} is not in the référentiel {}", r.id()),
                        );
                    }
                }
                Some(module) => {
                    if !self.covers(module) {
                        out.push(
                            RuleCode::ModuleNotCovered,
                            place,
                            format!("assessments[{i}].engagement"),
                            format!(
                                "engagement {n} is assessed but its module {module} is not covered"
                            ),
                        );
                    }
                    if a.module != module {
                        out.push(
                            RuleCode::WrongModule,
                            place,
                            format!("assessments[{i}].module"),
                            format!(
                                "engagement {n} is filed under module {} but belongs to module \
                                 {module}",
                                a.module
                            ),
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
                    format!("engagement {n} is assessed {} times", same.len()),
                );
            }
            let subject = Subject::Assessment(i, n);
            check_verdict(out, place, subject, a.verdict, a.comment.as_deref());
            if let Some(grade) = a.verdict.and_then(Verdict::nonconformity) {
                if !self.has_fiche(EcartTarget::Engagement(n)) {
                    out.push(
                        RuleCode::NonconformityWithoutFiche,
                        place,
                        subject.path(".verdict"),
                        format!("{} is {grade} but has no fiche d'écart", subject.what()),
                    );
                }
            }
            check_observations(out, place, subject, &a.observations);
        }
    }
}
