//! The order of diagnostics: each gets a sort key from its place in the audit (module group,
//! engagement, section), its field, code and message, so that the order never depends on where
//! an item sits in its array. See "Order" in the validate module docs.

use super::phrases::{EN, FR, Phrases};
use crate::RuleCode;
use crate::{Diagnostic, Severity, ValidationOptions, ValidationReport};
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

    /// The remote audit of `module` as a whole: after the module list, before its first
    /// engagement.
    pub(crate) fn remote_audit(module: ModuleNumber) -> Place {
        Place {
            group: module.get(),
            engagement: 0,
            section: SECTION_REMOTE,
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

/// The sort key of a diagnostic: its place, its field (the path without indices, its parts in
/// the order of the JSON layout), its code and (French) message, and last its path.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    place: Place,
    field: Field,
    code: RuleCode,
    message: Natural,
    path: Natural,
}

/// A diagnostic waiting to be sorted: its key, severity and English text.
type Pending = (Key, Severity, String);

/// The names of fields in the order the JSON layout writes them (an audit's, then a
/// référentiel file's): a path sorts by its parts in this order, a part before the parts within
/// it (`management` before `management.item`, `dates.start` before `dates.end`). A name not in
/// the list sorts after those in it, by its text.
const LAYOUT_ORDER: &[&str] = &[
    // The audit.
    "referentiel",
    "site",
    "administration",
    "name",
    "departement",
    "city",
    "kind",
    "type",
    "internal",
    "external_on",
    "dates",
    "start",
    "end",
    "auditors",
    "role",
    "phone",
    "email",
    "signed_on",
    "modules",
    "context",
    "organisation",
    "history",
    "figures",
    "population",
    "communes",
    "arrondissements",
    "staff",
    "assessments",
    "management",
    "remote_checks",
    "ecarts",
    "number",
    "section",
    "item",
    "channel",
    "target",
    "engagement",
    "module",
    "grade",
    "verdict",
    "note",
    "comment",
    "finding",
    "requirement",
    "cause",
    "corrective_action",
    "leader",
    "response",
    "due",
    "status",
    "state",
    "on",
    "evidence",
    "reason",
    "observations",
    "field",
    "text",
    "risk",
    "conclusion",
    "points_forts",
    "points_sensibles",
    "pistes_de_progres",
    "fiches_ecart",
    "commentaires",
    "bonnes_pratiques",
    "enquetes_satisfaction",
    "charte_graphique",
    "conclusion_generale",
    "labelling",
    "decided_on",
    "plan_accepted_on",
    "unread",
    "line",
    "cell",
    "conflicts_with",
    // A référentiel file.
    "format",
    "id",
    "label",
    "title",
    "publisher",
    "date",
    "revised",
    "obligatory",
    "bundled",
    "groups",
    "group",
    "engagements",
    "management_items",
];

/// A path without its indices, as its parts ranked by [`LAYOUT_ORDER`].
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Field(Vec<(usize, String)>);

impl Field {
    fn of(path: &str) -> Field {
        Field(
            field_of(path)
                .split('.')
                .filter(|part| !part.is_empty())
                .map(|part| {
                    let rank = LAYOUT_ORDER
                        .iter()
                        .position(|name| *name == part)
                        .unwrap_or(LAYOUT_ORDER.len());
                    (rank, part.to_owned())
                })
                .collect(),
        )
    }
}

/// A text ordered naturally: its numbers by value, so that `observations[2]` comes before
/// `observations[10]`.
#[derive(Debug, PartialEq, Eq)]
struct Natural(String);

impl Ord for Natural {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        natural_cmp(&self.0, &other.0)
    }
}

impl PartialOrd for Natural {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Compares `a` and `b` character by character, and runs of ASCII digits by their value
/// (then by their length, so that `01` and `1` still differ).
fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (mut a, mut b) = (a, b);
    loop {
        let (Some(x), Some(y)) = (a.chars().next(), b.chars().next()) else {
            return a.len().cmp(&b.len());
        };
        if x.is_ascii_digit() && y.is_ascii_digit() {
            let end_a = a.find(|c: char| !c.is_ascii_digit()).unwrap_or(a.len());
            let end_b = b.find(|c: char| !c.is_ascii_digit()).unwrap_or(b.len());
            let (da, ra) = a.split_at(end_a);
            let (db, rb) = b.split_at(end_b);
            let (ta, tb) = (da.trim_start_matches('0'), db.trim_start_matches('0'));
            let order = ta
                .len()
                .cmp(&tb.len())
                .then_with(|| ta.cmp(tb))
                .then_with(|| da.len().cmp(&db.len()));
            if order != Ordering::Equal {
                return order;
            }
            (a, b) = (ra, rb);
        } else {
            if x != y {
                return x.cmp(&y);
            }
            (a, b) = (
                a.get(x.len_utf8()..).unwrap_or_default(),
                b.get(y.len_utf8()..).unwrap_or_default(),
            );
        }
    }
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
    keys: Vec<Pending>,
}

impl<'o> Collector<'o> {
    pub(crate) fn new(options: &'o ValidationOptions) -> Self {
        Collector {
            options,
            keys: Vec::new(),
        }
    }

    /// Records a diagnostic of `code` at `place` and `path` (unless the options turn the rule
    /// off), its message in French and in English from `message`'s reading of each language's
    /// table.
    pub(crate) fn push(
        &mut self,
        code: RuleCode,
        place: Place,
        path: String,
        message: impl Fn(&Phrases) -> String,
    ) {
        if let Some(severity) = self.options.severity_of(code) {
            let key = Key {
                place,
                field: Field::of(&path),
                code,
                message: Natural(message(&FR)),
                path: Natural(path),
            };
            self.keys.push((key, severity, message(&EN)));
        }
    }

    pub(crate) fn finish(mut self) -> ValidationReport {
        self.keys
            .sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.2.cmp(&b.2)));
        ValidationReport::from_diagnostics(
            self.keys
                .into_iter()
                .map(|(key, severity, english)| {
                    Diagnostic::bilingual(key.code, severity, key.path.0, key.message.0, english)
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use super::{Field, natural_cmp};

    /// Fields sort as the layout writes them, a part before the parts within it.
    #[test]
    fn fields_follow_the_layout() {
        let mut paths = [
            "unread[0]",
            "dates.end",
            "management[0].item",
            "dates.start",
            "management",
            "site.city",
            "site",
            "zz.unknown",
            "assessments[2].observations[0].text",
            "assessments[2].verdict",
        ];
        paths.sort_by_key(|p| Field::of(p));
        assert_eq!(
            paths,
            [
                "site",
                "site.city",
                "dates.start",
                "dates.end",
                "assessments[2].verdict",
                "assessments[2].observations[0].text",
                "management",
                "management[0].item",
                "unread[0]",
                "zz.unknown",
            ]
        );
    }

    #[test]
    fn numbers_sort_by_value() {
        assert_eq!(natural_cmp("obs[2].text", "obs[10].text"), Ordering::Less);
        assert_eq!(
            natural_cmp("observation 10 (PS)", "observation 9 (PS)"),
            Ordering::Greater
        );
        assert_eq!(natural_cmp("a1", "a01"), Ordering::Less);
        assert_eq!(natural_cmp("a", "a1"), Ordering::Less);
        assert_eq!(natural_cmp("é2", "é2"), Ordering::Equal);
        assert_eq!(natural_cmp("b", "a9"), Ordering::Greater);
        // A digit against another character compares as characters: digits before letters.
        assert_eq!(natural_cmp("x1", "xa"), Ordering::Less);
        assert_eq!(natural_cmp("site.city", "site.1"), Ordering::Greater);
    }
}
