//! Section 3, the evaluation: the legend, module and channel-group headings, a row per
//! engagement (`Module M N. Title\tComments\tVerdict`), the management sections' headings and
//! rows (`N. Title\tComments\tVerdict`), and the lines that continue a row after a page break.
//! The remote-audit sections are read in `remote.rs`.

use super::super::vocabulary::{MANAGEMENT, NOTE, REMOTE_AUDIT, REMOTE_COURRIELS_ALONE};
use super::cells::{module_heading, module_row, numbered, parse_verdict, split_observations};
use super::lines::is_legend;
use super::remote::remote_channel_from_key;
use super::{ImportCode, LastRow, LineRole, Parser, Part, ReportField, ReportLayout, Synth};
use crate::text::{key, loosely_equal};
use crate::{
    Assessment, EngagementNumber, ManagementAssessment, ManagementItemId, ManagementSection,
    ModuleNumber, RemoteChannel, Verdict,
};

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
                return self.remote_row(n, channel, m, number, title, &rest);
            }
            self.part = Part::Synthesis(Synth::Module);
            return self.assessment_row(n, Some(m), number, title, &rest);
        }
        if let Some(m) = module_heading(first) {
            let module = u8::try_from(m).ok().and_then(ModuleNumber::new);
            if module.is_none() {
                return self.skip(n, "section 3 (no such module)", t);
            }
            self.module = module;
            self.group = None;
            self.last_row = LastRow::None;
            if !matches!(state, Synth::Remote(_)) {
                self.part = Part::Synthesis(Synth::Module);
            }
            return LineRole::Layout(ReportLayout::Heading);
        }
        let k = key(first);
        if let Some(m) = MANAGEMENT.iter().find(|m| m.heading.matches(&k)) {
            self.enter_synth(Synth::Management(m.section));
            return LineRole::Layout(ReportLayout::Heading);
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
            return LineRole::Layout(ReportLayout::Heading);
        }
        if let Some((number, title)) = numbered(first) {
            match state {
                Synth::Management(section) => {
                    return self.management_row(n, section, number, title, &rest);
                }
                Synth::Module => {
                    return self.assessment_row(n, None, number, title, &rest);
                }
                Synth::Legend | Synth::Remote(_) => {}
            }
        }
        if state == Synth::Module && rest.is_empty() {
            if let Some(group) = self.group_heading(&k) {
                self.group = Some(group);
                return LineRole::Layout(ReportLayout::Heading);
            }
        }
        if first.is_empty() && !rest.is_empty() {
            if let Some(role) = self.continuation(n, &rest) {
                return role;
            }
        }
        self.skip(n, "section 3", t)
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
        let where_ = self.part.name();
        if let Some((m, number, title)) = module_row(first) {
            if key(last).starts_with(&key(NOTE)) && parse_verdict(last).is_none() {
                self.unread(
                    n,
                    ImportCode::RowOutOfPlace,
                    format!(
                        "a remote check of engagement {number} stands in {where_}, outside \
                         section 3 and its channel; kept in `unread`"
                    ),
                    "remote_checks".to_owned(),
                    line.trim(),
                );
                return Some(LineRole::Reported);
            }
            let e = u16::try_from(number).ok().and_then(EngagementNumber::new);
            let what = e.map_or_else(|| format!("{number}"), |e| e.to_string());
            self.diag(
                Some(n),
                ImportCode::RowOutOfPlace,
                format!(
                    "the row of engagement {what} stands in {where_}, outside section 3: \
                     imported as a row of section 3"
                ),
            );
            let (module, group) = (self.module, self.group.take());
            let role = self.assessment_row(n, Some(m), number, title, rest);
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
            format!(
                "a row numbered {number} with verdict {verdict} stands in {where_}, outside \
                 section 3 and its management sections; kept in `unread`"
            ),
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

    /// The comment cells and the verdict of a row: the verdict is the last non-empty cell when
    /// it reads as one, wherever the page break put it.
    pub(super) fn verdict_and_text<'a>(
        rest: &[&'a str],
    ) -> (Option<Verdict>, Option<&'a str>, String) {
        let Some((last, others)) = rest.split_last() else {
            return (None, None, String::new());
        };
        if let Some(v) = parse_verdict(last) {
            return (Some(v), None, others.join(" "));
        }
        let short = last.len() <= 8 && !last.contains(':');
        let unknown = (short && rest.len() > 1).then_some(*last);
        let text = if unknown.is_some() {
            others.join(" ")
        } else {
            rest.join(" ")
        };
        (None, unknown, text)
    }

    pub(super) fn check_title(&mut self, n: usize, what: &str, found: &str, expected: &str) {
        if found == expected || found.is_empty() {
            return;
        }
        if loosely_equal(found, expected) {
            self.diag(
                Some(n),
                ImportCode::TitleCaseOrSpacing,
                format!(
                    "{what}: title {found:?} differs from the référentiel's {expected:?} in \
                     spacing or case; matched by number"
                ),
            );
        } else {
            self.diag(
                Some(n),
                ImportCode::TitleDiffers,
                format!(
                    "{what}: title {found:?} differs from the référentiel's {expected:?}; \
                     matched by number"
                ),
            );
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
            self.diag(
                Some(n),
                ImportCode::UnknownEngagement,
                format!(
                    "engagement number {number} is not between 1 and 999; row kept in `unread`"
                ),
            );
            self.unread_rows.push((n, field));
        }
        e
    }

    /// The module numbered `written` of a row of engagement `e` (`what`, in messages); when no
    /// module bears that number, the row is reported with `module-differs` and `None` returned,
    /// for the caller to fall back on the référentiel's module.
    pub(super) fn written_module(
        &mut self,
        n: usize,
        what: &str,
        e: EngagementNumber,
        written: u32,
    ) -> Option<ModuleNumber> {
        let valid = u8::try_from(written).ok().and_then(ModuleNumber::new);
        if valid.is_none() {
            let used = self.r.engagement(e).map_or_else(
                || "no module known".to_owned(),
                |r| format!("the référentiel's module {} used", r.module),
            );
            self.diag(
                Some(n),
                ImportCode::ModuleDiffers,
                format!("{what} is filed under module {written}, which does not exist: {used}"),
            );
        }
        valid
    }

    pub(super) fn assessment_row(
        &mut self,
        n: usize,
        module: Option<u32>,
        number: u32,
        title: &str,
        rest: &[&str],
    ) -> LineRole {
        let Some(e) = self.engagement_number(n, number, "assessments") else {
            return LineRole::Reported;
        };
        let reference = self.r.engagement(e);
        let module = match module {
            Some(m) => self.written_module(n, &format!("engagement {e}"), e, m),
            None => self.module,
        };
        let Some(module) = module.or(reference.map(|r| r.module)) else {
            self.diag(
                Some(n),
                ImportCode::UnknownEngagement,
                format!("engagement {e}: no module 1 to 8 given nor known; row kept in `unread`"),
            );
            self.unread_rows.push((n, "assessments"));
            return LineRole::Reported;
        };
        let r = self.r;
        if let Some(re) = reference {
            self.check_title(n, &format!("engagement {e}"), title, &re.title);
            if re.module != module {
                self.diag(
                    Some(n),
                    ImportCode::ModuleDiffers,
                    format!(
                        "engagement {e} is filed under module {module}, the référentiel puts it \
                         in module {}",
                        re.module
                    ),
                );
            }
            // The group whose heading the row should stand under, when its group prints one.
            let headed = re
                .group
                .as_deref()
                .filter(|g| r.group(re.module, g).is_some_and(|g| g.heading.is_some()));
            if headed != self.group.as_deref() {
                self.diag(
                    Some(n),
                    ImportCode::GroupDiffers,
                    format!(
                        "engagement {e} stands under heading {}, its group is {}",
                        self.group.as_deref().unwrap_or("(none)"),
                        re.group.as_deref().unwrap_or("(none)")
                    ),
                );
            }
        } else {
            self.diag(
                Some(n),
                ImportCode::UnknownEngagement,
                format!(
                    "engagement {e} ({title:?}) is not in référentiel {}; imported as written",
                    r.id()
                ),
            );
        }
        if self.assessments.iter().any(|a| a.engagement == e) {
            self.diag(
                Some(n),
                ImportCode::DuplicateRow,
                format!("engagement {e} has a second row; both are imported"),
            );
        }
        let (verdict, unknown, text) = Self::verdict_and_text(rest);
        if let Some(u) = unknown {
            let i = self.assessments.len();
            self.unread(
                n,
                ImportCode::UnknownVerdict,
                format!(
                    "engagement {e}: verdict {u:?} is not one of C, NA, NC min, NC Maj; kept in \
                     `unread`"
                ),
                format!("assessments[{i}].verdict"),
                u,
            );
        } else if verdict.is_none() {
            self.diag(
                Some(n),
                ImportCode::MissingVerdict,
                format!("engagement {e} has no verdict"),
            );
        }
        let (comment, observations) = split_observations(&text);
        self.assessments.push(Assessment {
            engagement: e,
            module,
            verdict,
            comment,
            observations,
        });
        self.assessment_lines.push(n);
        self.module = Some(module);
        self.last_row = LastRow::Assessment(self.assessments.len() - 1);
        self.last_row_line = n;
        LineRole::Field(ReportField::Assessment(e))
    }

    pub(super) fn management_row(
        &mut self,
        n: usize,
        section: ManagementSection,
        number: u32,
        title: &str,
        rest: &[&str],
    ) -> LineRole {
        let Some(item) = u8::try_from(number).ok().filter(|i| *i > 0) else {
            self.diag(
                Some(n),
                ImportCode::UnknownEngagement,
                format!(
                    "management item number {number} is not between 1 and 255; row kept in \
                     `unread`"
                ),
            );
            self.unread_rows.push((n, "management"));
            return LineRole::Reported;
        };
        let id = ManagementItemId { section, item };
        match self.r.management_item(id) {
            Some(reference) => {
                let expected = reference.title.clone();
                self.check_title(n, &format!("management item {id}"), title, &expected);
            }
            None => self.diag(
                Some(n),
                ImportCode::UnknownEngagement,
                format!(
                    "management item {id} ({title:?}) is not in référentiel {}; imported as \
                     written",
                    self.r.id()
                ),
            ),
        }
        if self.management.iter().any(|m| m.id() == id) {
            self.diag(
                Some(n),
                ImportCode::DuplicateRow,
                format!("management item {id} has a second row; both are imported"),
            );
        }
        let (verdict, unknown, text) = Self::verdict_and_text(rest);
        if let Some(u) = unknown {
            let i = self.management.len();
            self.unread(
                n,
                ImportCode::UnknownVerdict,
                format!(
                    "management item {id}: verdict {u:?} is not one of C, NA, NC min, NC Maj; \
                     kept in `unread`"
                ),
                format!("management[{i}].verdict"),
                u,
            );
        } else if verdict.is_none() {
            self.diag(
                Some(n),
                ImportCode::MissingVerdict,
                format!("management item {id} has no verdict"),
            );
        }
        let (comment, observations) = split_observations(&text);
        self.management.push(ManagementAssessment {
            section,
            item,
            verdict,
            comment,
            observations,
        });
        self.last_row = LastRow::Management(self.management.len() - 1);
        self.last_row_line = n;
        LineRole::Field(ReportField::Management(id))
    }

    /// A line whose first cell is empty, after a row: its verdict or more of its comment.
    pub(super) fn continuation(&mut self, n: usize, rest: &[&str]) -> Option<LineRole> {
        let (field, verdict, comment, observations) = match self.last_row {
            LastRow::None => return None,
            LastRow::Assessment(i) => {
                let a = self.assessments.get_mut(i)?;
                (
                    ReportField::Assessment(a.engagement),
                    &mut a.verdict,
                    &mut a.comment,
                    &mut a.observations,
                )
            }
            LastRow::Management(i) => {
                let m = self.management.get_mut(i)?;
                (
                    ReportField::Management(m.id()),
                    &mut m.verdict,
                    &mut m.comment,
                    &mut m.observations,
                )
            }
        };
        let (v, _, text) = Self::verdict_and_text(rest);
        if v.is_some() && verdict.is_some() {
            return None;
        }
        if v.is_some() {
            *verdict = v;
        }
        let (c, obs) = split_observations(&text);
        if let Some(c) = c {
            match observations.last_mut() {
                Some(last) => {
                    last.text.push(' ');
                    last.text.push_str(&c);
                }
                None => match comment {
                    Some(existing) => {
                        existing.push(' ');
                        existing.push_str(&c);
                    }
                    None => *comment = Some(c),
                },
            }
        }
        observations.extend(obs);
        let had_verdict = v.is_some();
        if had_verdict {
            // The row's missing-verdict warning no longer holds.
            let row_line = Some(self.last_row_line);
            if let Some(pos) = self
                .diags
                .iter()
                .rposition(|d| d.code == ImportCode::MissingVerdict && d.line == row_line)
            {
                self.diags.remove(pos);
            }
        }
        self.diag(
            Some(n),
            ImportCode::RowContinued,
            format!("line continues the row of {field} above it"),
        );
        Some(LineRole::Field(field))
    }
}
