//! The invariants of a référentiel file, checked when it is loaded or built: every broken one
//! is an error-severity [`Diagnostic`] with its [`RuleCode`] and a path into the file format, and
//! the file is refused ([`Error::InvalidReferentiel`](crate::Error::InvalidReferentiel)) when
//! there is one. What loading accepts but is worth a word (a gap in the numbering) is
//! validation's, in `crate::validate::validate_referentiel`.

pub(crate) mod phrases;

use crate::model::referentiel::{REFERENTIEL_FORMAT, ReferentielData};
use crate::{Diagnostic, RuleCode, Severity, ValidationReport};
use phrases::{EN, FR, Phrases};

/// Collects the problems of a référentiel file in document order, each an error-severity
/// [`Diagnostic`] with a path into the file format; loading refuses the file when there is one.
#[derive(Debug, Default)]
pub(crate) struct LoadProblems {
    diagnostics: Vec<Diagnostic>,
}

impl LoadProblems {
    /// Records a problem at `path`, its message in French and in English from `message`'s
    /// reading of each language's table.
    pub(crate) fn push(
        &mut self,
        code: RuleCode,
        path: String,
        message: impl Fn(&Phrases) -> String,
    ) {
        self.diagnostics.push(Diagnostic::bilingual(
            code,
            Severity::Error,
            path,
            message(&FR),
            message(&EN),
        ));
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
            problems.push(RuleCode::UnsupportedFormat, "format".to_owned(), |p| {
                (p.unsupported_format)(format, REFERENTIEL_FORMAT)
            });
        }
    }
    for (field, value) in [
        ("id", &data.id),
        ("name", &data.name),
        ("title", &data.title),
    ] {
        if value.trim().is_empty() {
            problems.push(RuleCode::EmptyReferentielField, field.to_owned(), |p| {
                (p.empty_field)(field)
            });
        }
    }
    if let Some(revised) = data.revised {
        if revised < data.date {
            problems.push(RuleCode::RevisedBeforeDate, "revised".to_owned(), |p| {
                (p.revised_before_date)(revised, data.date)
            });
        }
    }
    if data.modules.is_empty() {
        problems.push(RuleCode::NoModule, "modules".to_owned(), |p| {
            p.no_module.to_owned()
        });
    }
    for (i, m) in data.modules.iter().enumerate() {
        if data.modules.iter().take(i).any(|o| o.number == m.number) {
            problems.push(
                RuleCode::DuplicateModuleNumber,
                format!("modules[{i}].number"),
                |p| (p.duplicate_module_number)(m.number),
            );
        }
        if m.title.trim().is_empty() {
            problems.push(RuleCode::EmptyTitle, format!("modules[{i}].title"), |p| {
                (p.module_empty_title)(m.number)
            });
        }
        if m.heading.as_ref().is_some_and(|h| h.trim().is_empty()) {
            problems.push(RuleCode::EmptyTitle, format!("modules[{i}].heading"), |p| {
                (p.module_empty_heading)(m.number)
            });
        }
        for (j, g) in m.groups.iter().enumerate() {
            if g.id.trim().is_empty() {
                problems.push(
                    RuleCode::EmptyGroupId,
                    format!("modules[{i}].groups[{j}].id"),
                    |p| (p.group_empty_id)(m.number, j + 1),
                );
            } else if m.groups.iter().take(j).any(|o| o.id == g.id) {
                problems.push(
                    RuleCode::DuplicateGroup,
                    format!("modules[{i}].groups[{j}].id"),
                    |p| (p.duplicate_group)(m.number, &g.id),
                );
            }
            if g.title.trim().is_empty() {
                problems.push(
                    RuleCode::EmptyTitle,
                    format!("modules[{i}].groups[{j}].title"),
                    |p| (p.group_empty_title)(m.number, j + 1),
                );
            }
        }
        if m.bundled && !data.engagements.iter().any(|e| e.module == m.number) {
            problems.push(
                RuleCode::BundledModuleWithoutEngagements,
                format!("modules[{i}].bundled"),
                |p| (p.bundled_without_engagements)(m.number),
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
                |p| (p.duplicate_engagement_number)(e.number),
            );
        }
        if e.title.trim().is_empty() {
            problems.push(
                RuleCode::EmptyTitle,
                format!("engagements[{i}].title"),
                |p| (p.engagement_empty_title)(e.number),
            );
        }
        match data.modules.iter().find(|m| m.number == e.module) {
            None => problems.push(
                RuleCode::EngagementInUnknownModule,
                format!("engagements[{i}].module"),
                |p| (p.engagement_in_unknown_module)(e.number, e.module),
            ),
            Some(m) => {
                if !m.bundled {
                    problems.push(
                        RuleCode::EngagementInNotBundledModule,
                        format!("engagements[{i}].module"),
                        |p| (p.engagement_in_not_bundled_module)(e.number, e.module),
                    );
                }
                if let Some(g) = &e.group {
                    if !m.groups.iter().any(|mg| &mg.id == g) {
                        problems.push(
                            RuleCode::UnknownGroup,
                            format!("engagements[{i}].group"),
                            |p| (p.unknown_group)(e.number, g, e.module),
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
                |p| (p.management_item_zero)(item.section),
            );
        }
        if data.management.iter().take(i).any(|o| o.id() == item.id()) {
            problems.push(
                RuleCode::DuplicateManagementItemNumber,
                format!("management[{i}].item"),
                |p| (p.duplicate_management_item_number)(item.id()),
            );
        }
        if item.title.trim().is_empty() {
            problems.push(
                RuleCode::EmptyTitle,
                format!("management[{i}].title"),
                |p| (p.management_empty_title)(item.id()),
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
        if let Some((c, at)) = crate::text::control_character(text) {
            problems.push(RuleCode::ControlCharacter, path(), |p| {
                (p.control_character)(c, at)
            });
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
