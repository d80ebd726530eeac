//! The checks of a référentiel: what loading does not already refuse ([`validate_referentiel`]),
//! and the diagnostics of what it refuses (the loader's problems, as coded diagnostics).

use super::codes::RuleCode;
use super::order::{Collector, Place, SECTION_ASSESSMENTS};
use super::report::{Diagnostic, Severity, ValidationOptions, ValidationReport};
use crate::Referentiel;
use crate::model::referentiel::{REFERENTIEL_FORMAT, ReferentielData};

/// Checks a référentiel for what loading does not already refuse (see the [module
/// documentation](mod@crate::validate)): gaps in the engagement numbering, a bundled module whose engagements
/// are interleaved with another module's, no obligatory module. Paths point into the
/// référentiel's file format, with the engagements and modules in number order.
///
/// ```
/// use qualepref::{validate_referentiel, ValidationOptions, Referentiel};
/// let report = validate_referentiel(Referentiel::qual_e_pref_2019(), &ValidationOptions::default());
/// assert!(report.is_clean());
/// ```
#[must_use]
pub fn validate_referentiel(
    referentiel: &Referentiel,
    options: &ValidationOptions,
) -> ValidationReport {
    let mut out = Collector::new(options);
    let engagements = referentiel.engagements();
    let mut previous = 0_u16;
    for (i, e) in engagements.iter().enumerate() {
        let n = e.number.get();
        if n > previous + 1 {
            let missing = if n == previous + 2 {
                format!("{} is missing", previous + 1)
            } else {
                format!("{} to {} are missing", previous + 1, n - 1)
            };
            let message = if previous == 0 {
                format!("engagement numbers start at {n}: {missing}")
            } else {
                format!("engagement numbers jump from {previous} to {n}: {missing}")
            };
            out.push(
                RuleCode::EngagementNumberingGap,
                Place::engagement(e.module.get(), e.number, SECTION_ASSESSMENTS),
                format!("engagements[{i}]"),
                message,
            );
        }
        previous = n;
    }
    for (i, m) in referentiel.modules().iter().enumerate() {
        let first = engagements.iter().position(|e| e.module == m.number);
        let last = engagements.iter().rposition(|e| e.module == m.number);
        if let (Some(first), Some(last)) = (first, last) {
            let inside = engagements.get(first..=last).unwrap_or(&[]);
            if let Some(other) = inside.iter().find(|e| e.module != m.number) {
                let low = inside.first().map_or(0, |e| e.number.get());
                let high = inside.last().map_or(0, |e| e.number.get());
                out.push(
                    RuleCode::ModuleEngagementsNotContiguous,
                    Place::module(m.number),
                    format!("modules[{i}]"),
                    format!(
                        "the engagements of module {} are not contiguous: engagement {} of module \
                         {} lies between {low} and {high}",
                        m.number, other.number, other.module
                    ),
                );
            }
        }
    }
    if !referentiel.modules().iter().any(|m| m.obligatory) {
        out.push(
            RuleCode::NoObligatoryModule,
            Place::AUDIT,
            "modules".to_owned(),
            format!(
                "no module of the référentiel {} is obligatory",
                referentiel.id()
            ),
        );
    }
    out.finish()
}

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
        if let Some(message) = super::rules::control_character(text) {
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
