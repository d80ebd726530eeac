//! Section 3, the evaluation: the legend, module and channel-group headings, a row per
//! engagement (`Module M N. Title\tComments\tVerdict`), the management sections' headings and
//! rows (`N. Title\tComments\tVerdict`), and the lines that continue a row after a page break.
//! The remote-audit sections are read in `remote.rs`.
//!
//! A row files one verdict: a verdict written in its comment cell, on the line under it, or in
//! a second row of the same number competes with the one filed, and is kept in `unread` naming
//! the line of the one filed, never taken instead of it nor dropped. A comment or an
//! observation whose text could carry an assessment (`Carried::find`) is kept there too.

use super::super::vocabulary::{MANAGEMENT, NOTE, REMOTE_AUDIT, REMOTE_COURRIELS_ALONE};
use super::cells::{
    Marker, RowText, module_heading, module_row, numbered, parse_verdict, row_markers,
    split_observations, strip_prefix_ci,
};
use super::lines::is_legend;
use super::remote::remote_channel_from_key;
use super::{
    At, Filed, ImportCode, LastRow, LineRole, Parser, Part, Place, ReportField, ReportLayout, Spot,
    Synth,
};
use crate::report_text::phrases::{Cell, Subject};
use crate::text::{key, loosely_equal};
use crate::{
    Assessment, Carried, EngagementNumber, ManagementAssessment, ManagementItemId,
    ManagementSection, ModuleNumber, Observation, ObservationKind, RemoteChannel, Verdict,
};

/// The cells of a row after its title, read: the verdict (the last cell, when it reads as one,
/// wherever the page break put it), a short last cell beside others that is not one (an
/// unknown verdict), the comment text, and the comment cells that hold a verdict or a remote
/// note instead of a comment.
#[derive(Debug, Default)]
pub(super) struct RowCells<'a> {
    pub(super) verdict: Option<(Verdict, &'a str)>,
    pub(super) unknown: Option<&'a str>,
    pub(super) text: String,
    pub(super) stray: Vec<(&'a str, Carried)>,
}

impl<'a> RowCells<'a> {
    pub(super) fn read(rest: &[&'a str]) -> RowCells<'a> {
        let Some((last, others)) = rest.split_last() else {
            return RowCells::default();
        };
        let (verdict, unknown, comments) = if let Some(v) = parse_verdict(last) {
            (Some((v, *last)), None, others)
        } else if last.len() <= 8 && !last.contains(':') && rest.len() > 1 {
            (None, Some(*last), others)
        } else {
            (None, None, rest)
        };
        let mut text = Vec::with_capacity(comments.len());
        let mut stray = Vec::new();
        for cell in comments {
            match Carried::find(cell) {
                Some(c @ (Carried::Verdict(_) | Carried::RemoteNote(_))) => stray.push((*cell, c)),
                _ => text.push(*cell),
            }
        }
        RowCells {
            verdict,
            unknown,
            text: text.join(" "),
            stray,
        }
    }
}

/// An observation as the report writes it: `PS : text Risque : risk`.
pub(super) fn written(o: &Observation) -> String {
    match (&o.risk, o.kind) {
        (Some(risk), ObservationKind::AreaOfConcern) => {
            format!(
                "{} : {} {} : {risk}",
                o.kind,
                o.text,
                super::super::vocabulary::RISK
            )
        }
        _ => format!("{} : {}", o.kind, o.text),
    }
}

/// Whether a line's first cell starts a remote check's note (`Note : Non conforme`).
pub(super) fn starts_with_note(cell: &str) -> bool {
    strip_prefix_ci(cell, NOTE).is_some_and(|rest| rest.trim_start().starts_with(':'))
}

impl Parser<'_> {
    pub(super) fn synthesis(&mut self, n: usize, line: &str, t: &str, state: Synth) -> LineRole {
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let first = cells.first().copied().unwrap_or("");
        let rest: Vec<&str> = cells
            .iter()
            .skip(1)
            .copied()
            .filter(|c| !c.is_empty())
            .collect();

        if !t.contains('\t') && is_legend(t) {
            return LineRole::Layout(ReportLayout::Legend);
        }
        if let Some((m, number, title)) = module_row(first) {
            if let Synth::Remote(channel) = state {
                return self.remote_row(n, channel, m, number, (first, title), &rest);
            }
            let role = self.assessment_row(n, Some(m), number, (first, title), &rest);
            if role != LineRole::Reported {
                self.part = Part::Synthesis(Synth::Module);
            }
            return role;
        }
        if let Some(m) = module_heading(first) {
            let module = u8::try_from(m).ok().and_then(ModuleNumber::new);
            if module.is_none() {
                return self.skip(n, Place::Section3NoModule, t);
            }
            self.module = module;
            self.group = None;
            self.last_row = LastRow::None;
            if !matches!(state, Synth::Remote(_)) {
                self.part = Part::Synthesis(Synth::Module);
            }
            return self.heading(n, first, &rest.join("\t"));
        }
        let k = key(first);
        if let Some(m) = MANAGEMENT.iter().find(|m| m.heading.matches(&k)) {
            self.enter_synth(Synth::Management(m.section));
            return self.heading(n, first, &rest.join("\t"));
        }
        if let Some(channel) = REMOTE_AUDIT
            .strip(&k)
            .and_then(remote_channel_from_key)
            .or_else(|| {
                REMOTE_COURRIELS_ALONE
                    .matches(&k)
                    .then_some(RemoteChannel::Courriels)
            })
        {
            self.enter_synth(Synth::Remote(channel));
            self.module = None;
            return self.heading(n, first, &rest.join("\t"));
        }
        if let Some((number, title)) = numbered(first) {
            match state {
                Synth::Management(section) => {
                    return self.management_row(n, section, number, (first, title), &rest);
                }
                Synth::Module => {
                    return self.assessment_row(n, None, number, (first, title), &rest);
                }
                Synth::Legend | Synth::Remote(_) => {}
            }
        }
        if state == Synth::Module && rest.is_empty() {
            if let Some(group) = self.group_heading(&k) {
                self.group = Some(group);
                // A line under a heading continues no row: which one would be a guess.
                self.last_row = LastRow::None;
                return LineRole::Layout(ReportLayout::Heading);
            }
        }
        // The line under a row continues it: its first cell empty (a cell wrapped by a page
        // break), an observation (`PS : …`), or the note of a remote check.
        let observation = row_markers(first).first().is_some_and(|m| m.0 == 0);
        let note = matches!(self.last_row, LastRow::Remote(_)) && starts_with_note(first);
        if (first.is_empty() && !rest.is_empty()) || observation || note {
            let all: Vec<&str> = cells.iter().copied().filter(|c| !c.is_empty()).collect();
            if let Some(role) = self.continuation(n, &all) {
                return role;
            }
        }
        self.skip(n, Place::Section3, t)
    }

    /// A line outside section 3 that reads as one of its rows (cells separated by tabs): an
    /// engagement row is reported and imported, so that validation sees it; a management row
    /// with a verdict, or a remote check with a note, cannot be filed (its section or channel is
    /// unknown here): it is reported and kept in the audit's `unread` list.
    pub(super) fn stray_row(&mut self, n: usize, line: &str) -> Option<LineRole> {
        if !line.contains('\t') {
            return None;
        }
        let cells: Vec<&str> = line
            .split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let (first, rest) = cells.split_first()?;
        let last = rest.last()?;
        let place = self.part.place();
        if let Some((m, number, title)) = module_row(first) {
            if key(last).starts_with(&key(NOTE)) && parse_verdict(last).is_none() {
                self.unread(
                    n,
                    ImportCode::RowOutOfPlace,
                    |p| (p.remote_out_of_place)(number, place),
                    "remote_checks".to_owned(),
                    line.trim(),
                );
                return Some(LineRole::Reported);
            }
            self.diag(Some(n), ImportCode::RowOutOfPlace, |p| {
                (p.row_out_of_place)(number, place)
            });
            let (module, group) = (self.module, self.group.take());
            let role = self.assessment_row(n, Some(m), number, (first, title), rest);
            (self.module, self.group, self.last_row) = (module, group, LastRow::None);
            // No heading stands over a row out of place: its group is the référentiel's.
            self.diags
                .retain(|d| !(d.line == Some(n) && d.code == ImportCode::GroupDiffers));
            return Some(role);
        }
        let (number, _) = numbered(first)?;
        let verdict = parse_verdict(last)?;
        self.unread(
            n,
            ImportCode::RowOutOfPlace,
            |p| (p.item_out_of_place)(number, verdict, place),
            "management".to_owned(),
            line.trim(),
        );
        Some(LineRole::Reported)
    }

    pub(super) fn enter_synth(&mut self, state: Synth) {
        self.part = Part::Synthesis(state);
        self.last_row = LastRow::None;
        self.group = None;
    }

    /// The group's id when `k` is a channel-group heading of the current module.
    pub(super) fn group_heading(&self, k: &str) -> Option<String> {
        let module = self.r.module(self.module?)?;
        module
            .groups
            .iter()
            .find(|g| g.heading.as_deref().is_some_and(|h| key(h) == k) || key(&g.title) == k)
            .map(|g| g.id.clone())
    }

    pub(super) fn check_title(&mut self, n: usize, what: Subject, found: &str, expected: &str) {
        if found == expected || found.is_empty() {
            return;
        }
        if loosely_equal(found, expected) {
            self.diag(Some(n), ImportCode::TitleCaseOrSpacing, |p| {
                (p.title_case_or_spacing)(what, found, expected)
            });
        } else {
            self.diag(Some(n), ImportCode::TitleDiffers, |p| {
                (p.title_differs)(what, found, expected)
            });
        }
    }

    /// The engagement numbered `number`; `None` when no engagement can bear it, and then the
    /// row is reported and kept whole in `unread`, for `field` (`assessments`, `remote_checks`).
    pub(super) fn engagement_number(
        &mut self,
        n: usize,
        number: u32,
        field: &'static str,
    ) -> Option<EngagementNumber> {
        let e = u16::try_from(number).ok().and_then(EngagementNumber::new);
        if e.is_none() {
            self.diag(Some(n), ImportCode::UnknownEngagement, |p| {
                (p.engagement_number_invalid)(number)
            });
            self.keep_line(n, field.to_owned(), None);
        }
        e
    }

    /// The module numbered `written` of a row of engagement `e` (`what`, in messages); when no
    /// module bears that number, the row is reported with `module-differs` and `None` returned,
    /// for the caller to fall back on the référentiel's module.
    pub(super) fn written_module(
        &mut self,
        n: usize,
        what: Subject,
        e: EngagementNumber,
        written: u32,
    ) -> Option<ModuleNumber> {
        let valid = u8::try_from(written).ok().and_then(ModuleNumber::new);
        if valid.is_none() {
            let used = self.r.engagement(e).map(|r| r.module);
            self.diag(Some(n), ImportCode::ModuleDiffers, |p| {
                (p.module_does_not_exist)(what, written, used)
            });
        }
        valid
    }

    /// Whether the first cell of a row (`first`, with its number) holds in its title what its
    /// cells should: `Module 1 5. Titre  NC Maj`, a verdict after spaces rather than a tab. A
    /// title that is the référentiel's (`expected`), up to case and spacing, holds nothing
    /// more. Such a row is reported and kept whole in `unread` for `field`, and not filed.
    pub(super) fn title_carries(
        &mut self,
        n: usize,
        what: Subject,
        (first, title): (&str, &str),
        expected: Option<&str>,
        field: &str,
    ) -> bool {
        if expected.is_some_and(|expected| loosely_equal(title, expected)) {
            return false;
        }
        let Some(carried) = Carried::find(first) else {
            return false;
        };
        let text = self.current.clone();
        self.not_filed(n, Spot::Title(what), field.to_owned(), &text, carried);
        true
    }

    /// Files the comment text of a row, split into its comment, its evidence (when `evidence`:
    /// a remote check has none, and keeps the label in its text) and its observations, except
    /// the texts that could carry an assessment: those are kept in `unread` for `field`
    /// (`assessments[3].comment`, `….evidence`, `….observations`), competing with the row's
    /// verdict or note filed at `filed` when they carry one.
    pub(super) fn file_texts(
        &mut self,
        n: usize,
        what: Subject,
        (field, text): (&str, &str),
        filed: Option<At>,
        evidence: bool,
    ) -> RowText {
        let mut read = split_observations(text, evidence);
        read.comment = match read.comment.take() {
            Some(c) => {
                self.unless_carried(n, Spot::Comment(what), format!("{field}.comment"), c, filed)
            }
            None => None,
        };
        read.evidence = match read.evidence.take() {
            Some(e) => self.unless_carried(
                n,
                Spot::Evidence(what),
                format!("{field}.evidence"),
                e,
                filed,
            ),
            None => None,
        };
        let observations = std::mem::take(&mut read.observations);
        for o in observations {
            let carried =
                Carried::find(&o.text).or_else(|| o.risk.as_deref().and_then(Carried::find));
            match carried {
                Some(carried) => self.not_filed(
                    n,
                    Spot::Observation(what),
                    format!("{field}.observations"),
                    &written(&o),
                    carried,
                ),
                None => read.observations.push(o),
            }
        }
        read
    }

    /// `text` of a row (its comment or evidence, at `spot`), unless it could carry an
    /// assessment: then it is kept in `unread` for `field`, competing with the value filed at
    /// `filed` when it carries a verdict or a note, and `None` is returned.
    pub(super) fn unless_carried(
        &mut self,
        n: usize,
        spot: Spot<'_>,
        field: String,
        text: String,
        filed: Option<At>,
    ) -> Option<String> {
        let Some(carried) = Carried::find(&text) else {
            return Some(text);
        };
        match (carried, filed) {
            (Carried::Verdict(_) | Carried::RemoteNote(_), Some(at)) => {
                self.competing(n, spot, field, &text, at, Some("comments"));
            }
            _ => self.not_filed(n, spot, field, &text, carried),
        }
        None
    }

    /// The verdict cells of a row that stand among its comments (`stray`): each competes with
    /// the verdict filed at `filed`, or, when the row has none, is kept as a value the import
    /// cannot place (the comment column is not the verdict's). Kept in `unread` for `field`.
    fn stray_verdicts(
        &mut self,
        n: usize,
        what: Subject,
        field: &str,
        stray: &[(&str, Carried)],
        filed: Option<At>,
    ) {
        for (cell, carried) in stray {
            match filed {
                Some(at) => self.competing(
                    n,
                    Spot::CommentVerdict(what),
                    field.to_owned(),
                    cell,
                    at,
                    Some("comments"),
                ),
                None => self.not_filed(
                    n,
                    Spot::MisplacedVerdict(what),
                    field.to_owned(),
                    cell,
                    *carried,
                ),
            }
        }
    }

    pub(super) fn assessment_row(
        &mut self,
        n: usize,
        module: Option<u32>,
        number: u32,
        (first, title): (&str, &str),
        rest: &[&str],
    ) -> LineRole {
        let Some(e) = self.engagement_number(n, number, "assessments") else {
            return LineRole::Reported;
        };
        let what = Subject::Engagement(e);
        if let Some(i) = self.assessments.iter().position(|a| a.engagement == e) {
            let filed = self.assessment_at.get(i).map_or(n, |f| f.row);
            self.diag(Some(n), ImportCode::DuplicateRow, |p| {
                (p.duplicate_row)(what, filed)
            });
            self.keep_line(
                n,
                format!("assessments[{i}]"),
                Some(format!("line {filed}")),
            );
            self.last_row = LastRow::None;
            return LineRole::Reported;
        }
        let reference = self.r.engagement(e);
        let expected = reference.map(|re| re.title.clone());
        if self.title_carries(n, what, (first, title), expected.as_deref(), "assessments") {
            self.last_row = LastRow::None;
            return LineRole::Reported;
        }
        let module = match module {
            Some(m) => self.written_module(n, what, e, m),
            None => self.module,
        };
        let Some(module) = module.or(reference.map(|r| r.module)) else {
            self.diag(Some(n), ImportCode::UnknownEngagement, |p| (p.no_module)(e));
            self.keep_line(n, "assessments".to_owned(), None);
            return LineRole::Reported;
        };
        let r = self.r;
        if let Some(re) = reference {
            self.check_title(n, what, title, &re.title);
            if re.module != module {
                self.diag(Some(n), ImportCode::ModuleDiffers, |p| {
                    (p.module_differs)(e, module, re.module)
                });
            }
            // The group whose heading the row should stand under, when its group prints one.
            let headed = re
                .group
                .as_deref()
                .filter(|g| r.group(re.module, g).is_some_and(|g| g.heading.is_some()));
            if headed != self.group.as_deref() {
                let heading = self.group.clone();
                self.diag(Some(n), ImportCode::GroupDiffers, |p| {
                    (p.group_differs)(e, heading.as_deref(), re.group.as_deref())
                });
            }
        } else {
            self.diag(Some(n), ImportCode::UnknownEngagement, |p| {
                (p.not_in_referentiel)(what, title, r.id())
            });
        }
        let i = self.assessments.len();
        let cells = RowCells::read(rest);
        if let Some(u) = cells.unknown {
            self.unread(
                n,
                ImportCode::UnknownVerdict,
                |p| (p.unknown_verdict)(what, u),
                format!("assessments[{i}].verdict"),
                u,
            );
        } else if cells.verdict.is_none() {
            self.diag(Some(n), ImportCode::MissingVerdict, |p| {
                (p.missing_verdict)(what)
            });
        }
        let verdict = cells.verdict.map(|(v, _)| v);
        let place = verdict.map(|_| At {
            line: n,
            cell: Some(Cell::Verdict),
        });
        let field = format!("assessments[{i}]");
        self.stray_verdicts(n, what, &format!("{field}.verdict"), &cells.stray, place);
        let read = self.file_texts(n, what, (&field, &cells.text), place, true);
        self.ends_in_evidence = read.ends_in_evidence();
        self.assessments.push(Assessment {
            engagement: e,
            module,
            verdict,
            comment: read.comment,
            evidence: read.evidence,
            observations: read.observations,
        });
        self.assessment_at.push(Filed {
            row: n,
            value: verdict.map(|_| n),
        });
        self.module = Some(module);
        self.last_row = LastRow::Assessment(i);
        LineRole::Field(ReportField::Assessment(e))
    }

    pub(super) fn management_row(
        &mut self,
        n: usize,
        section: ManagementSection,
        number: u32,
        (first, title): (&str, &str),
        rest: &[&str],
    ) -> LineRole {
        let Some(item) = u8::try_from(number).ok().filter(|i| *i > 0) else {
            self.diag(Some(n), ImportCode::UnknownEngagement, |p| {
                (p.item_number_invalid)(number)
            });
            self.keep_line(n, "management".to_owned(), None);
            return LineRole::Reported;
        };
        let id = ManagementItemId { section, item };
        let what = Subject::Management(id);
        if let Some(i) = self.management.iter().position(|m| m.id() == id) {
            let filed = self.management_at.get(i).map_or(n, |f| f.row);
            self.diag(Some(n), ImportCode::DuplicateRow, |p| {
                (p.duplicate_row)(what, filed)
            });
            self.keep_line(n, format!("management[{i}]"), Some(format!("line {filed}")));
            self.last_row = LastRow::None;
            return LineRole::Reported;
        }
        let expected = self.r.management_item(id).map(|m| m.title.clone());
        if self.title_carries(n, what, (first, title), expected.as_deref(), "management") {
            self.last_row = LastRow::None;
            return LineRole::Reported;
        }
        match expected {
            Some(expected) => self.check_title(n, what, title, &expected),
            None => {
                let r = self.r;
                self.diag(Some(n), ImportCode::UnknownEngagement, |p| {
                    (p.not_in_referentiel)(what, title, r.id())
                });
            }
        }
        let i = self.management.len();
        let cells = RowCells::read(rest);
        if let Some(u) = cells.unknown {
            self.unread(
                n,
                ImportCode::UnknownVerdict,
                |p| (p.unknown_verdict)(what, u),
                format!("management[{i}].verdict"),
                u,
            );
        } else if cells.verdict.is_none() {
            self.diag(Some(n), ImportCode::MissingVerdict, |p| {
                (p.missing_verdict)(what)
            });
        }
        let verdict = cells.verdict.map(|(v, _)| v);
        let place = verdict.map(|_| At {
            line: n,
            cell: Some(Cell::Verdict),
        });
        let field = format!("management[{i}]");
        self.stray_verdicts(n, what, &format!("{field}.verdict"), &cells.stray, place);
        let read = self.file_texts(n, what, (&field, &cells.text), place, true);
        self.ends_in_evidence = read.ends_in_evidence();
        self.management.push(ManagementAssessment {
            section,
            item,
            verdict,
            comment: read.comment,
            evidence: read.evidence,
            observations: read.observations,
        });
        self.management_at.push(Filed {
            row: n,
            value: verdict.map(|_| n),
        });
        self.last_row = LastRow::Management(i);
        LineRole::Field(ReportField::Management(id))
    }

    /// A line under a row (`cells`, its non-empty cells): the row's verdict, more of its
    /// comment, evidence or observations, after a page break. A verdict when the row has one
    /// competes with it: kept in `unread`, with the line the row's verdict was filed from. Text
    /// before any marker goes on with what the row's text ended in: its evidence, its last
    /// observation, or its comment.
    pub(super) fn continuation(&mut self, n: usize, cells: &[&str]) -> Option<LineRole> {
        let (i, is_assessment) = match self.last_row {
            LastRow::None => return None,
            LastRow::Remote(i) => return Some(self.remote_continuation(n, i, cells)),
            LastRow::Assessment(i) => (i, true),
            LastRow::Management(i) => (i, false),
        };
        let (field_role, what, field, filed) = if is_assessment {
            let a = self.assessments.get(i)?;
            (
                ReportField::Assessment(a.engagement),
                Subject::Engagement(a.engagement),
                format!("assessments[{i}]"),
                *self.assessment_at.get(i)?,
            )
        } else {
            let m = self.management.get(i)?;
            (
                ReportField::Management(m.id()),
                Subject::Management(m.id()),
                format!("management[{i}]"),
                *self.management_at.get(i)?,
            )
        };
        let row = RowCells::read(cells);
        let mut used = false;
        let mut place = filed.value_place();
        if let Some((v, text)) = row.verdict {
            if let Some(at) = place {
                self.competing(
                    n,
                    Spot::SecondVerdict(what),
                    format!("{field}.verdict"),
                    text,
                    at,
                    None,
                );
            } else {
                self.set_row_verdict(i, is_assessment, v, n);
                self.verdict_found(filed.row);
                place = Some(At {
                    line: n,
                    cell: None,
                });
                used = true;
            }
        }
        if let Some(u) = row.unknown {
            self.unread(
                n,
                ImportCode::UnknownVerdict,
                |p| (p.unknown_verdict_under)(what, u),
                format!("{field}.verdict"),
                u,
            );
        }
        self.stray_verdicts(n, what, &format!("{field}.verdict"), &row.stray, place);
        let read = self.file_texts(n, what, (&field, &row.text), place, true);
        used |= read.comment.is_some() || read.evidence.is_some() || !read.observations.is_empty();
        let ends_in_evidence = self.ends_in_evidence;
        if let Some(tail) = read.tail {
            self.ends_in_evidence = tail == Marker::Evidence;
        }
        let (comment, evidence, observations) = if is_assessment {
            let a = self.assessments.get_mut(i)?;
            (&mut a.comment, &mut a.evidence, &mut a.observations)
        } else {
            let m = self.management.get_mut(i)?;
            (&mut m.comment, &mut m.evidence, &mut m.observations)
        };
        if let Some(c) = read.comment {
            let last = observations.last_mut().map(|o| &mut o.text);
            let goes_on = match (ends_in_evidence, evidence.as_mut(), last) {
                (true, Some(evidence), _) => Some(evidence),
                (_, _, Some(last)) => Some(last),
                _ => comment.as_mut(),
            };
            match goes_on {
                Some(text) => {
                    text.push(' ');
                    text.push_str(&c);
                }
                None => *comment = Some(c),
            }
        }
        if let Some(e) = read.evidence {
            match evidence {
                Some(existing) => {
                    existing.push(' ');
                    existing.push_str(&e);
                }
                None => *evidence = Some(e),
            }
        }
        observations.extend(read.observations);
        if !used {
            return Some(LineRole::Reported);
        }
        self.diag(Some(n), ImportCode::RowContinued, |p| {
            (p.row_continued)(field_role)
        });
        Some(LineRole::Field(field_role))
    }

    /// The row of line `row` has its verdict (or note) from the line under it: its
    /// missing-verdict warning no longer holds.
    pub(super) fn verdict_found(&mut self, row: usize) {
        if let Some(pos) = self
            .diags
            .iter()
            .rposition(|d| d.code == ImportCode::MissingVerdict && d.line == Some(row))
        {
            self.diags.remove(pos);
        }
    }

    /// Files `v`, read from line `n`, as the verdict of row `i` (an engagement's when
    /// `is_assessment`, else a management item's).
    fn set_row_verdict(&mut self, i: usize, is_assessment: bool, v: Verdict, n: usize) {
        let (verdict, at) = if is_assessment {
            (
                self.assessments.get_mut(i).map(|a| &mut a.verdict),
                self.assessment_at.get_mut(i),
            )
        } else {
            (
                self.management.get_mut(i).map(|m| &mut m.verdict),
                self.management_at.get_mut(i),
            )
        };
        if let Some(verdict) = verdict {
            *verdict = Some(v);
        }
        if let Some(at) = at {
            at.value = Some(n);
        }
    }
}
