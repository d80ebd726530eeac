//! The texts an import could not read (`Audit::unread`): each is reported until it is resolved
//! and removed, so that no value of the source is dropped without a word.

use super::super::codes::RuleCode;
use super::super::index::Index;
use super::super::order::{Collector, Place};

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
            out.push(
                RuleCode::UnreadValue,
                Place::AUDIT,
                format!("unread[{i}]"),
                format!(
                    "{}: the text {:?} was not read{line}",
                    u.field.escape_debug(),
                    u.text,
                ),
            );
        }
    }
}
