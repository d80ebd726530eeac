//! The invariants of a référentiel file, checked when it is loaded or built: every broken one
//! is an error-severity [`Diagnostic`] with its [`RuleCode`] and a path into the file format, and
//! the file is refused ([`Error::InvalidReferentiel`](crate::Error::InvalidReferentiel)) when
//! there is one. What loading accepts but is worth a word (a gap in the numbering) is
//! validation's, in `crate::validate::validate_referentiel`.

use crate::model::referentiel::{REFERENTIEL_FORMAT, ReferentielData};
use crate::{Diagnostic, RuleCode, Severity, ValidationReport};

/// Collects the problems of a référentiel file in document order, each an error-severity
/// [`Diagnostic`] with a path into the file format; loading refuses the file when there is one.
#[derive(Debug, Default)]
pub(crate) struct LoadProblems {
    diagnostics: Vec<Diagnostic>,
}

impl LoadProblems {
    /// Records a problem at `path`.
    pub(crate) fn push(&mut self, code: RuleCode, path: String, message: String) {
        self.diagnostics.push(Diagnostic {
            code,
            severity: Severity::Error,
            path,
            message,
        });
    }

    /// The report of every problem, in document order; `None` when there is none.
    pub(crate) fn finish(self) -> Option<ValidationReport> {
        if self.diagnostics.is_empty() {
            None
        } else {
            Some(ValidationReport::from_diagnostics(self.diagnostics))
        }
    }
}

/// Every broken invariant of a référentiel file, in document order, each a diagnostic with its
/// code and a path into the file format; `None` when there is none.
pub(crate) fn check_referentiel_file(data: &ReferentielData) -> Option<ValidationReport> {
    let mut problems = LoadProblems::default();
    if let Some(format) = &data.format {
        if format != REFERENTIEL_FORMAT {
            problems.push(
                RuleCode::UnsupportedFormat,
                "format".to_owned(),
                format!("format {format:?} is not supported (expected {REFERENTIEL_FORMAT:?})"),
            );
        }
    }
    for (field, value) in [
        ("id", &data.id),
        ("name", &data.name),
        ("title", &data.title),
    ] {
        if value.trim().is_empty() {
            problems.push(
                RuleCode::EmptyReferentielField,
                field.to_owned(),
                format!("the référentiel's {field} is empty"),
            );
        }
    }
    if let Some(revised) = data.revised {
        if revised < data.date {
            problems.push(
                RuleCode::RevisedBeforeDate,
                "revised".to_owned(),
                format!(
                    "revision date {revised} is before the référentiel's date {}",
                    data.date
                ),
            );
        }
    }
    if data.modules.is_empty() {
        problems.push(
            RuleCode::NoModule,
            "modules".to_owned(),
            "the référentiel has no module".to_owned(),
        );
    }
    for (i, m) in data.modules.iter().enumerate() {
        if data.modules.iter().take(i).any(|o| o.number == m.number) {
            problems.push(
                RuleCode::DuplicateModuleNumber,
                format!("modules[{i}].number"),
                format!("module {} is listed twice", m.number),
            );
        }
        if m.title.trim().is_empty() {
            problems.push(
                RuleCode::EmptyTitle,
                format!("modules[{i}].title"),
                format!("module {} has an empty title", m.number),
            );
        }
        if m.heading.as_ref().is_some_and(|h| h.trim().is_empty()) {
            problems.push(
                RuleCode::EmptyTitle,
                format!("modules[{i}].heading"),
                format!("module {} has an empty heading", m.number),
            );
        }
        for (j, g) in m.groups.iter().enumerate() {
            if g.id.trim().is_empty() {
                problems.push(
                    RuleCode::EmptyGroupId,
                    format!("modules[{i}].groups[{j}].id"),
                    format!("module {}: group {} has an empty id", m.number, j + 1),
                );
            } else if m.groups.iter().take(j).any(|o| o.id == g.id) {
                problems.push(
                    RuleCode::DuplicateGroup,
                    format!("modules[{i}].groups[{j}].id"),
                    format!("module {}: group {:?} is listed twice", m.number, g.id),
                );
            }
            if g.title.trim().is_empty() {
                problems.push(
                    RuleCode::EmptyTitle,
                    format!("modules[{i}].groups[{j}].title"),
                    format!("module {}: group {} has an empty title", m.number, j + 1),
                );
            }
        }
        if m.bundled && !data.engagements.iter().any(|e| e.module == m.number) {
            problems.push(
                RuleCode::BundledModuleWithoutEngagements,
                format!("modules[{i}].bundled"),
                format!(
                    "module {} is marked as bundled but lists no engagement",
                    m.number
                ),
            );
        }
    }
    for (i, e) in data.engagements.iter().enumerate() {
        if data
            .engagements
            .iter()
            .take(i)
            .any(|o| o.number == e.number)
        {
            problems.push(
                RuleCode::DuplicateEngagementNumber,
                format!("engagements[{i}].number"),
                format!("engagement {} is listed twice", e.number),
            );
        }
        if e.title.trim().is_empty() {
            problems.push(
                RuleCode::EmptyTitle,
                format!("engagements[{i}].title"),
                format!("engagement {} has an empty title", e.number),
            );
        }
        match data.modules.iter().find(|m| m.number == e.module) {
            None => problems.push(
                RuleCode::EngagementInUnknownModule,
                format!("engagements[{i}].module"),
                format!(
                    "engagement {} belongs to module {}, which the référentiel does not list",
                    e.number, e.module
                ),
            ),
            Some(m) => {
                if !m.bundled {
                    problems.push(
                        RuleCode::EngagementInNotBundledModule,
                        format!("engagements[{i}].module"),
                        format!(
                            "engagement {} belongs to module {}, which is marked as not bundled",
                            e.number, e.module
                        ),
                    );
                }
                if let Some(g) = &e.group {
                    if !m.groups.iter().any(|mg| &mg.id == g) {
                        problems.push(
                            RuleCode::UnknownGroup,
                            format!("engagements[{i}].group"),
                            format!(
                                "engagement {}: group {g:?} is not a group of module {}",
                                e.number, e.module
                            ),
                        );
                    }
                }
            }
        }
    }
    for (i, item) in data.management.iter().enumerate() {
        if item.item == 0 {
            problems.push(
                RuleCode::ManagementItemZero,
                format!("management[{i}].item"),
                format!("management item 0 in section {}", item.section),
            );
        }
        if data.management.iter().take(i).any(|o| o.id() == item.id()) {
            problems.push(
                RuleCode::DuplicateManagementItemNumber,
                format!("management[{i}].item"),
                format!("management item {} is listed twice", item.id()),
            );
        }
        if item.title.trim().is_empty() {
            problems.push(
                RuleCode::EmptyTitle,
                format!("management[{i}].title"),
                format!("management item {} has an empty title", item.id()),
            );
        }
    }
    check_referentiel_texts(data, &mut problems);
    problems.finish()
}

/// Refuses a control character other than tab and a line break in any text of the file, as in
/// an audit's texts: the référentiel's titles are printed in every report and on the terminal.
fn check_referentiel_texts(data: &ReferentielData, problems: &mut LoadProblems) {
    let mut check = |path: &dyn Fn() -> String, text: &str| {
        if let Some(message) = crate::text::control_character(text) {
            problems.push(RuleCode::ControlCharacter, path(), message);
        }
    };
    if let Some(format) = &data.format {
        check(&|| "format".to_owned(), format);
    }
    check(&|| "id".to_owned(), &data.id);
    check(&|| "name".to_owned(), &data.name);
    check(&|| "title".to_owned(), &data.title);
    if let Some(publisher) = &data.publisher {
        check(&|| "publisher".to_owned(), publisher);
    }
    for (i, p) in data.provenance.iter().enumerate() {
        check(&|| format!("provenance[{i}]"), p);
    }
    for (i, m) in data.modules.iter().enumerate() {
        check(&|| format!("modules[{i}].title"), &m.title);
        if let Some(heading) = &m.heading {
            check(&|| format!("modules[{i}].heading"), heading);
        }
        for (j, g) in m.groups.iter().enumerate() {
            check(&|| format!("modules[{i}].groups[{j}].id"), &g.id);
            check(&|| format!("modules[{i}].groups[{j}].title"), &g.title);
            if let Some(heading) = &g.heading {
                check(&|| format!("modules[{i}].groups[{j}].heading"), heading);
            }
        }
    }
    for (i, e) in data.engagements.iter().enumerate() {
        if let Some(group) = &e.group {
            check(&|| format!("engagements[{i}].group"), group);
        }
        check(&|| format!("engagements[{i}].title"), &e.title);
    }
    for (i, item) in data.management.iter().enumerate() {
        check(&|| format!("management[{i}].title"), &item.title);
    }
}
