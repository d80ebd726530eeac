//! The cells the grid reader could not read, kept for [`Audit::unread`] with the field each was
//! meant for. Assessments and management items are sorted into the référentiel's order once
//! every sheet is read, so their index in the audit is only known then.

use crate::{Audit, EngagementNumber, ManagementItemId, ModuleNumber, RemoteChannel, Unread};

/// The record a cell belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Owner {
    /// A part of the audit or of the source named outright: `site.administration`,
    /// `ecarts[2]`, or `page de garde`, `grid` for a cell that belongs to no field.
    Path(String),
    /// The assessment of an engagement, filed under a module.
    Assessment(ModuleNumber, EngagementNumber),
    /// The assessment of a management item.
    Management(ManagementItemId),
    /// The remote check of an engagement on a channel.
    Remote(RemoteChannel, EngagementNumber),
}

impl Owner {
    /// A path named outright.
    pub(crate) fn path(path: impl Into<String>) -> Owner {
        Owner::Path(path.into())
    }

    /// The path of this owner in `audit`, then `suffix` (`.verdict`): the record's collection
    /// alone (`assessments`) when the audit holds no such record.
    fn resolve(&self, audit: &Audit, suffix: &str) -> String {
        let (list, index) = match self {
            Owner::Path(path) => return format!("{path}{suffix}"),
            Owner::Assessment(module, number) => (
                "assessments",
                audit
                    .assessments
                    .iter()
                    .position(|a| a.module == *module && a.engagement == *number),
            ),
            Owner::Management(id) => (
                "management",
                audit.management.iter().position(|m| m.id() == *id),
            ),
            Owner::Remote(channel, number) => (
                "remote_checks",
                audit
                    .remote_checks
                    .iter()
                    .position(|r| r.channel == *channel && r.engagement == *number),
            ),
        };
        match index {
            Some(i) => format!("{list}[{i}]{suffix}"),
            None => list.to_owned(),
        }
    }
}

/// A cell's text not read, meant for `owner` then `suffix` (`.verdict`, `.comment`; empty for
/// the record as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pending {
    pub(crate) owner: Owner,
    pub(crate) suffix: &'static str,
    pub(crate) text: String,
    /// The cell, `Module 1!C7`.
    pub(crate) cell: String,
}

impl Pending {
    /// The entry of [`Audit::unread`], its field resolved in `audit`.
    pub(crate) fn resolve(&self, audit: &Audit) -> Unread {
        Unread::new(self.owner.resolve(audit, self.suffix), self.text.clone())
            .in_cell(self.cell.clone())
    }
}
