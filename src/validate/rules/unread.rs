//! The texts an import could not read (`Audit::unread`): each is reported until it is resolved
//! and removed, so that no value of the source is dropped without a word.

use super::super::index::Index;
use super::super::order::{Collector, Place};
use crate::Carried;
use crate::RuleCode;

impl Index<'_> {
    #[inline]
    pub(crate) fn check_unread(&self, out: &mut Collector<'_>) {
        for (i, u) in self.audit.unread.iter().enumerate() {
            let line = match (u.line, &u.cell) {
                (Some(n), Some(cell)) => {
                    format!(" (line {n}, {} of the source)", cell.escape_debug())
                }
                (Some(n), None) => format!(" (line {n} of the source)"),
                (None, Some(cell)) => format!(" (cell {} of the source)", cell.escape_debug()),
                (None, None) => String::new(),
            };
            let conflict = u.conflicts_with.as_ref().map_or_else(String::new, |place| {
                format!(
                    "; it competes with the value filed at {}",
                    place.escape_debug()
                )
            });
            match u.carries() {
                Some(carried) => out.push(
                    RuleCode::UnreadAssessment,
                    Place::AUDIT,
                    format!("unread[{i}]"),
                    format!(
                        "{}: the text {:?}{line} could carry {} ({carried}) and was not filed{conflict}",
                        u.field.escape_debug(),
                        u.text,
                        match carried {
                            Carried::Verdict(_) => "a verdict",
                            Carried::Observation(_) => "an observation",
                            Carried::RemoteNote(_) => "a remote check's note",
                        },
                    ),
                ),
                None if u.conflicts_with.is_some() => out.push(
                    RuleCode::UnreadAssessment,
                    Place::AUDIT,
                    format!("unread[{i}]"),
                    format!(
                        "{}: the text {:?}{line} was not filed{conflict}",
                        u.field.escape_debug(),
                        u.text,
                    ),
                ),
                None => out.push(
                    RuleCode::UnreadValue,
                    Place::AUDIT,
                    format!("unread[{i}]"),
                    format!(
                        "{}: the text {:?} was not read{line}",
                        u.field.escape_debug(),
                        u.text,
                    ),
                ),
            }
        }
    }
}
