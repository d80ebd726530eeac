//! The management items: each of the référentiel's assessed once, known, with a verdict, a fiche
//! d'écart for a nonconformity, and well-formed observations.

use super::super::index::Index;
use super::super::order::{Collector, Place, SECTION_ASSESSMENTS};
use super::{Subject, check_observations, check_ps_repeats, check_verdict};
use crate::RuleCode;
use crate::{EcartTarget, Verdict};

impl Index<'_> {
    #[inline]
    pub(crate) fn check_management(&self, out: &mut Collector<'_>) {
        let r = self.referentiel;
        for item in r.management_items() {
            let id = item.id();
            if self.items_of(id).is_empty() {
                out.push(
                    RuleCode::MissingManagementItem,
                    Place::management(id, SECTION_ASSESSMENTS),
                    "management".to_owned(),
                    |p| (p.missing_management_item)(id, &item.title),
                );
            }
        }
        // Item by item, each with all its assessments; the diagnostics are sorted at the end.
        for run in self.by_item.chunk_by(|a, b| a.0 == b.0) {
            let Some(&(id, _)) = run.first() else {
                continue;
            };
            let place = Place::management(id, SECTION_ASSESSMENTS);
            let known = r.management_item(id).is_some();
            for (k, &(_, i)) in run.iter().enumerate() {
                let Some(m) = self.audit.management.get(i) else {
                    continue;
                };
                let subject = Subject::Management(i, id);
                if !known {
                    out.push(
                        RuleCode::UnknownManagementItem,
                        place,
                        subject.path(".item"),
                        |p| (p.unknown_management_item)(subject, r.id()),
                    );
                }
                if k == 1 {
                    out.push(
                        RuleCode::DuplicateManagementItem,
                        place,
                        subject.path(""),
                        |p| (p.duplicate_management_item)(subject, run.len()),
                    );
                }
                check_verdict(out, place, subject, m.verdict, m.comment.as_deref());
                if let Some(grade) = m.verdict.and_then(Verdict::nonconformity) {
                    let target = EcartTarget::Management(id);
                    if !self.has_fiche(target) {
                        out.push(
                            RuleCode::NonconformityWithoutFiche,
                            place,
                            subject.path(".verdict"),
                            |p| (p.nonconformity_without_fiche)(subject, grade),
                        );
                    }
                    let fiche = self.audit.fiche(target, grade);
                    check_ps_repeats(out, place, subject, &m.observations, fiche);
                }
                check_observations(out, place, subject, &m.observations);
            }
        }
    }
}
