//! The order of diagnostics: each gets a sort key from its place in the audit (module group,
//! engagement, section), its field, code and message, so that the order never depends on where
//! an item sits in its array. See "Order" in the validate module docs.

use super::codes::RuleCode;
use super::report::{Diagnostic, Severity, ValidationOptions, ValidationReport};
use crate::{EngagementNumber, ManagementItemId, ModuleNumber};

/// Where a diagnostic sorts: module group, engagement, section of the audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Place {
    group: u8,
    engagement: u16,
    section: u8,
}

/// Groups before and after the modules (which use their number, 1–8).
pub(crate) const GROUP_AUDIT: u8 = 0;
pub(crate) const GROUP_UNPLACED: u8 = 9;
pub(crate) const GROUP_MANAGEMENT: u8 = 10;
pub(crate) const GROUP_CONCLUSION: u8 = 11;

/// Sections within a module or engagement.
pub(crate) const SECTION_MODULES: u8 = 0;
pub(crate) const SECTION_ASSESSMENTS: u8 = 1;
pub(crate) const SECTION_REMOTE: u8 = 2;
pub(crate) const SECTION_ECARTS: u8 = 3;

impl Place {
    pub(crate) const AUDIT: Place = Place {
        group: GROUP_AUDIT,
        engagement: 0,
        section: 0,
    };
    pub(crate) const CONCLUSION: Place = Place {
        group: GROUP_CONCLUSION,
        engagement: 0,
        section: 0,
    };

    pub(crate) fn module(module: ModuleNumber) -> Place {
        Place {
            group: module.get(),
            engagement: 0,
            section: SECTION_MODULES,
        }
    }

    pub(crate) fn engagement(group: u8, engagement: EngagementNumber, section: u8) -> Place {
        Place {
            group,
            engagement: engagement.get(),
            section,
        }
    }

    pub(crate) fn management(id: ManagementItemId, section: u8) -> Place {
        Place {
            group: GROUP_MANAGEMENT,
            engagement: u16::from(id.section as u8) * 256 + u16::from(id.item),
            section,
        }
    }
}

/// The sort key of a diagnostic: its place, its field (the path without indices), its code and
/// message, and last its path.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    place: Place,
    field: String,
    code: RuleCode,
    message: String,
    path: String,
}

/// The path without its array indices: `assessments[3].verdict` gives `assessments.verdict`.
fn field_of(path: &str) -> String {
    let mut field = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            c if !in_index => field.push(c),
            _ => {}
        }
    }
    field
}

/// Collects diagnostics with their sort keys and applies the options.
pub(crate) struct Collector<'o> {
    options: &'o ValidationOptions,
    keys: Vec<(Key, Severity)>,
}

impl<'o> Collector<'o> {
    pub(crate) fn new(options: &'o ValidationOptions) -> Self {
        Collector {
            options,
            keys: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, code: RuleCode, place: Place, path: String, message: String) {
        if let Some(severity) = self.options.severity_of(code) {
            let key = Key {
                place,
                field: field_of(&path),
                code,
                message,
                path,
            };
            self.keys.push((key, severity));
        }
    }

    pub(crate) fn finish(mut self) -> ValidationReport {
        self.keys.sort_unstable();
        ValidationReport::from_diagnostics(
            self.keys
                .into_iter()
                .map(|(key, severity)| Diagnostic {
                    code: key.code,
                    severity,
                    path: key.path,
                    message: key.message,
                })
                .collect(),
        )
    }
}
