//! The texts an import could not read (`Audit::unread`): each is reported until it is resolved
//! and removed, so that no value of the source is dropped without a word.

use super::super::index::Index;
use super::super::order::{Collector, Place};
use crate::RuleCode;

impl Index<'_> {
    #[inline]
    pub(crate) fn check_unread(&self, out: &mut Collector<'_>) {
        for (i, u) in self.audit.unread.iter().enumerate() {
            let path = format!("unread[{i}]");
            match u.carries() {
                Some(carried) => out.push(RuleCode::UnreadAssessment, Place::AUDIT, path, |p| {
                    (p.unread_carries)(u, carried)
                }),
                None if u.conflicts_with.is_some() => {
                    out.push(RuleCode::UnreadAssessment, Place::AUDIT, path, |p| {
                        (p.unread_competes)(u)
                    });
                }
                None => out.push(RuleCode::UnreadValue, Place::AUDIT, path, |p| {
                    (p.unread_value)(u)
                }),
            }
        }
    }
}
