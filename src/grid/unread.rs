//! The cells the grid reader could not read, kept for [`Audit::unread`] with the field each was
//! meant for. Assessments and management items are sorted into the référentiel's order once
//! every sheet is read, so their index in the audit is only known then.

use std::collections::HashMap;

use crate::grid::items::index;
use crate::{
    Audit, EngagementNumber, ManagementAssessment, ManagementItemId, ModuleNumber, RemoteChannel,
    Unread,
};

/// The record a cell belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Owner {
    /// A part of the audit or of the source named outright: `site.administration`, or
    /// `page de garde`, `grid` for a cell that belongs to no field.
    Part(&'static str),
    /// A record named outright: `ecarts[2]`, `auditors[0]`.
    Path(String),
    /// The assessment of an engagement, filed under a module.
    Assessment(ModuleNumber, EngagementNumber),
    /// The assessment of a management item.
    Management(ManagementItemId),
    /// The remote check of an engagement on a channel.
    Remote(RemoteChannel, EngagementNumber),
}

impl Owner {
    /// A part named outright.
    pub(crate) fn path(part: &'static str) -> Owner {
        Owner::Part(part)
    }

    /// The path of this owner in the audit of `places`, then `suffix` (`.verdict`): the
    /// record's collection alone (`assessments`) when the audit holds no such record.
    fn resolve(&self, places: &Places, suffix: &str) -> String {
        let (list, index) = match self {
            Owner::Part(path) => return format!("{path}{suffix}"),
            Owner::Path(path) => return format!("{path}{suffix}"),
            Owner::Assessment(module, number) => {
                ("assessments", places.assessments.get(&(*module, *number)))
            }
            Owner::Management(id) => ("management", places.management.get(id)),
            Owner::Remote(channel, number) => (
                "remote_checks",
                places.remote_checks.get(&(*channel, *number)),
            ),
        };
        match index {
            Some(i) => format!("{list}[{i}]{suffix}"),
            None => list.to_owned(),
        }
    }
}

/// Where each record stands in an audit (maps: a hostile grid may keep millions of cells).
pub(crate) struct Places {
    assessments: HashMap<(ModuleNumber, EngagementNumber), usize>,
    management: HashMap<ManagementItemId, usize>,
    remote_checks: HashMap<(RemoteChannel, EngagementNumber), usize>,
}

impl Places {
    pub(crate) fn of(audit: &Audit) -> Places {
        Places {
            assessments: index(&audit.assessments, |a| (a.module, a.engagement)),
            management: index(&audit.management, ManagementAssessment::id),
            remote_checks: index(&audit.remote_checks, |r| (r.channel, r.engagement)),
        }
    }
}

/// What a text kept unread competes with: a value filed, which validation names with it so
/// that neither wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Rival {
    /// The cell of a value filed (`Module 1!C9`), or of the text itself for a formula, whose
    /// shown value the reader does not take for what the cell says.
    Cell(String),
    /// The verdict of an engagement, wherever its module's sheet filed it (known once every
    /// sheet is read): a copy of a module's sheet competes with it.
    Engagement(EngagementNumber),
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
    /// The sheet (its place among the sheets read), row and column of the cell.
    pub(crate) at: (usize, usize, usize),
    /// What it competes with, if anything.
    pub(crate) rival: Option<Rival>,
}

impl Pending {
    /// The entry of [`Audit::unread`], its field resolved in the audit of `places`, and its
    /// rival among the verdict cells of `engagements`.
    pub(crate) fn resolve(
        self,
        places: &Places,
        engagements: &HashMap<EngagementNumber, String>,
    ) -> Unread {
        let unread =
            Unread::new(self.owner.resolve(places, self.suffix), self.text).in_cell(self.cell);
        let rival = match self.rival {
            Some(Rival::Cell(cell)) => Some(cell),
            Some(Rival::Engagement(n)) => engagements.get(&n).cloned(),
            None => None,
        };
        match rival {
            Some(place) => unread.conflicting_with(place),
            None => unread,
        }
    }
}
