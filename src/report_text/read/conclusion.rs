//! Part 4, the synthesis and general conclusion: its sections' headings and paragraphs, the
//! charte graphique's verdict, and the fiches d'écart (a paragraph naming an engagement or a
//! management item, then its `Constat`, `Exigence`, `Action corrective`, `Échéance`, `Pilote`,
//! `État` and `Preuve` or `Motif` lines).
//!
//! Part 4 files no assessment but the fiches' grades and the charte graphique's verdict: a
//! paragraph (or a fiche's text) that could carry one is not taken as prose, it is kept in
//! `unread`. The charte graphique's « non applicable » is the exception: the reader infers its
//! verdict from it.

use super::super::vocabulary::{
    CHARTE_VERDICT, FICHE_ACTION, FICHE_CAUSE, FICHE_DUE, FICHE_ENGAGEMENT, FICHE_EVIDENCE,
    FICHE_FINDING, FICHE_ITEM, FICHE_LEADER, FICHE_NUMBER_MARKS, FICHE_REASON, FICHE_REQUIREMENT,
    FICHE_RESPONSE, FICHE_STATUS, FICHE_STATUS_ON, MANAGEMENT, NOT_APPLICABLE, SURVEY_NOTE,
};
use super::cells::{DateError, leading_number, parse_verdict, read_date, strip_prefix_ci};
use super::{
    At, ConclusionSection, ImportCode, LineRole, Parser, Part, Place, ReportField, ReportLayout,
    Spot,
};
use crate::model::ecart::ActionState;
use crate::report_text::phrases::StateDay;
use crate::text::key;
use crate::{
    ActionStatus, Carried, EcartTarget, EngagementNumber, FicheEcart, ManagementItemId, NcGrade,
    Verdict,
};

impl Parser<'_> {
    pub(super) fn conclusion_line(
        &mut self,
        n: usize,
        t: &str,
        section: Option<ConclusionSection>,
    ) -> LineRole {
        // A fiche's numbered heading goes with the next line read here, or with none.
        let numbered = self.fiche_number.take();
        if let Some(s) = conclusion_heading(t) {
            self.part = Part::Synthesis4(Some(s));
            self.open_fiche = None;
            return self.heading(n, t, &heading_aside(t, s));
        }
        let Some(section) = section else {
            return self.skip(n, Place::Part4BeforeSection, t);
        };
        match section {
            ConclusionSection::FichesEcart => {
                if let Some(role) = self.fiche_line(n, t, numbered) {
                    return role;
                }
            }
            ConclusionSection::EnquetesSatisfaction
                if t.starts_with('(') && SURVEY_NOTE.matches(&key(t)) =>
            {
                return LineRole::Layout(ReportLayout::TemplateText);
            }
            ConclusionSection::CharteGraphique => {
                if let Some((left, right)) = t.split_once(':') {
                    let lk = key(left);
                    if CHARTE_VERDICT.matches(&lk) {
                        let right = right.trim();
                        if let Some(v) = parse_verdict(right) {
                            if let Some(filed) = self.charte_explicit {
                                self.competing(
                                    n,
                                    Spot::CharteSecondVerdict,
                                    "conclusion.charte_graphique.verdict".to_owned(),
                                    right,
                                    At {
                                        line: filed,
                                        cell: None,
                                    },
                                    None,
                                );
                                return LineRole::Reported;
                            }
                            self.conclusion.charte_graphique.verdict = Some(v);
                            self.charte_explicit = Some(n);
                            return LineRole::Field(ReportField::CharteVerdict);
                        }
                    }
                }
                // « Non applicable » is the charte's text, from which its verdict is read.
                let says_na = Carried::find(t) == Some(Carried::Verdict(Verdict::NotApplicable))
                    && key(t).contains(NOT_APPLICABLE);
                if !says_na && self.prose_carries(n, section, t) {
                    return LineRole::Reported;
                }
                self.charte_lines.push(n);
                return self.paragraph(n, section, t);
            }
            _ => {}
        }
        if self.prose_carries(n, section, t) {
            self.fiche_number = None;
            return LineRole::Reported;
        }
        self.paragraph(n, section, t)
    }

    /// Files `t` as a paragraph of `section`. A paragraph outside the fiches' section that
    /// reads as a fiche d'écart's heading with its grade (`Module 1 engagement 5 — NC Maj`)
    /// stays a paragraph, and its grade is kept in `unread` besides: it could carry a verdict.
    fn paragraph(&mut self, n: usize, section: ConclusionSection, t: &str) -> LineRole {
        if section != ConclusionSection::FichesEcart {
            if let Some(grade) = fiche_heading_grade(t) {
                let field = format!("conclusion.{}", section.field_name());
                let carried = Carried::Verdict(Verdict::from(grade.0));
                self.not_filed(n, Spot::FicheGrade(&field), field.clone(), grade.1, carried);
            }
        }
        section
            .paragraphs_mut(&mut self.conclusion)
            .push(t.to_owned());
        LineRole::Field(ReportField::Conclusion(section))
    }

    /// Whether paragraph `t` of `section` could carry an assessment: then it is not its prose,
    /// it is reported and kept in `unread`.
    fn prose_carries(&mut self, n: usize, section: ConclusionSection, t: &str) -> bool {
        let Some(carried) = Carried::find(t) else {
            return false;
        };
        let field = format!("conclusion.{}", section.field_name());
        self.not_filed(
            n,
            Spot::Part(Place::Part4, &field),
            field.clone(),
            t,
            carried,
        );
        true
    }

    /// A line of the fiches' section: a fiche's numbered heading, a labelled line of the fiche
    /// open (`Constat : …`), or a paragraph that opens a fiche; `None` for a paragraph of the
    /// section. `numbered` is the numbered heading just above (its number and line), which
    /// goes with the fiche this line opens.
    pub(super) fn fiche_line(
        &mut self,
        n: usize,
        t: &str,
        numbered: Option<(u32, usize)>,
    ) -> Option<LineRole> {
        if let Some((number, rest)) = fiche_number(t) {
            self.open_fiche = None;
            if rest.is_empty() {
                // The heading alone: a paragraph until the next line opens its fiche.
                self.fiche_number = Some((number, n));
                return None;
            }
            return self.new_fiche(n, (t, rest), Some((number, n)));
        }
        if let Some(i) = self.open_fiche {
            if let Some((left, value)) = t.split_once(':') {
                if let Some(role) = self.fiche_field(n, i, (left, value), t) {
                    return Some(role);
                }
            }
        }
        self.new_fiche(n, (t, t), numbered)
    }

    /// The labelled line `left : value` of fiche `i` (`t` whole); `None` when its label is not
    /// one of a fiche's.
    fn fiche_field(
        &mut self,
        n: usize,
        i: usize,
        (left, value): (&str, &str),
        t: &str,
    ) -> Option<LineRole> {
        let lk = key(left);
        let value = value.trim();
        // The fiche's texts hold no assessment: one that could carry one is kept.
        let text_field = [
            (FICHE_FINDING, "finding"),
            (FICHE_REQUIREMENT, "requirement"),
            (FICHE_CAUSE, "cause"),
            (FICHE_ACTION, "corrective_action"),
            (FICHE_LEADER, "leader"),
            (FICHE_RESPONSE, "response"),
            (FICHE_EVIDENCE, "status"),
            (FICHE_REASON, "status"),
        ]
        .into_iter()
        .find(|(term, _)| term.matches(&lk));
        if let (Some((_, name)), Some(carried)) = (text_field, Carried::find(value)) {
            let target = self.ecarts.get(i)?.target;
            self.not_filed(
                n,
                Spot::FicheText(target, left.trim()),
                format!("ecarts[{i}].{name}"),
                value,
                carried,
            );
            return Some(LineRole::Reported);
        }
        let fiche = self.ecarts.get_mut(i)?;
        let target = fiche.target;
        if FICHE_FINDING.matches(&lk) {
            value.clone_into(&mut fiche.finding);
        } else if FICHE_REQUIREMENT.matches(&lk) {
            value.clone_into(&mut fiche.requirement);
        } else if FICHE_CAUSE.matches(&lk) {
            fiche.cause = Some(value.to_owned());
        } else if FICHE_ACTION.matches(&lk) {
            fiche.corrective_action = Some(value.to_owned());
        } else if FICHE_DUE.matches(&lk) {
            let due = read_date(value);
            fiche.due = due.ok();
            if let Err(problem) = due {
                self.unread(
                    n,
                    ImportCode::InvalidDate,
                    |p| (p.due_date)(problem, value),
                    format!("ecarts[{i}].due"),
                    value,
                );
                return Some(LineRole::Reported);
            }
        } else if FICHE_LEADER.matches(&lk) {
            fiche.leader = Some(value.to_owned());
        } else if FICHE_RESPONSE.matches(&lk) {
            fiche.response = Some(value.to_owned());
        } else if FICHE_STATUS.matches(&lk) {
            return Some(self.fiche_status(n, i, value));
        } else if FICHE_EVIDENCE.matches(&lk) || FICHE_REASON.matches(&lk) {
            match &mut fiche.status {
                ActionStatus::Lifted { evidence: note, .. }
                | ActionStatus::NotLifted { reason: note, .. } => {
                    value.clone_into(note);
                }
                ActionStatus::Open | ActionStatus::InProgress => {
                    let label = left.trim();
                    self.unread(
                        n,
                        ImportCode::UnknownValue,
                        |p| (p.state_needed)(label, target),
                        format!("ecarts[{i}].status"),
                        t,
                    );
                    return Some(LineRole::Reported);
                }
            }
        } else {
            return None;
        }
        Some(LineRole::Field(ReportField::FicheEcart(target)))
    }

    /// Reads `État : levé le 02/03/2020` into the status of fiche `i`.
    fn fiche_status(&mut self, n: usize, i: usize, value: &str) -> LineRole {
        let (word, on) = match value.split_once(FICHE_STATUS_ON) {
            Some((word, on)) => (word, Some(on.trim())),
            None => (value, None),
        };
        let Some(fiche) = self.ecarts.get_mut(i) else {
            return LineRole::Reported;
        };
        let target = fiche.target;
        let Some(state) = ActionState::parse(word) else {
            self.unread(
                n,
                ImportCode::UnknownValue,
                |p| (p.state_unknown)(value, target),
                format!("ecarts[{i}].status"),
                value,
            );
            return LineRole::Reported;
        };
        let day = on.map(read_date);
        match state.status(day.and_then(Result::ok), String::new()) {
            Some(status) if day.is_none_or(|d| d.is_ok()) => {
                fiche.status = status;
                LineRole::Field(ReportField::FicheEcart(target))
            }
            _ => {
                let why = match (on, day) {
                    (Some(on), Some(Err(problem))) if problem != DateError::Form => {
                        StateDay::Invalid(problem, on)
                    }
                    _ => StateDay::Missing(state.word_fr()),
                };
                self.unread(
                    n,
                    ImportCode::InvalidDate,
                    |p| (p.state_day)(value, target, why),
                    format!("ecarts[{i}].status"),
                    value,
                );
                LineRole::Reported
            }
        }
    }

    /// Opens the fiche d'écart whose `paragraph` names its target in `naming` (the paragraph,
    /// or what follows its number on the same line), numbered `numbered` (its number and the
    /// line of its heading) when a number stands above it or on the same line; `None` when the
    /// paragraph names no engagement nor management item.
    pub(super) fn new_fiche(
        &mut self,
        n: usize,
        (paragraph, naming): (&str, &str),
        numbered: Option<(u32, usize)>,
    ) -> Option<LineRole> {
        self.open_fiche = None;
        let target = fiche_target(naming)?;
        let folded = key(naming);
        let stated = if folded.contains("ncmaj") || folded.contains("majeure") {
            Some(NcGrade::Major)
        } else if folded.contains("ncmin") || folded.contains("mineure") {
            Some(NcGrade::Minor)
        } else {
            None
        };
        // The row's verdict: `None` without row, `Some(None)` for a row without verdict.
        let row = match target {
            EcartTarget::Engagement(e) => self
                .assessments
                .iter()
                .find(|a| a.engagement == e)
                .map(|a| a.verdict),
            EcartTarget::Management(id) => self
                .management
                .iter()
                .find(|m| m.id() == id)
                .map(|m| m.verdict),
        };
        let from_verdict = row.flatten().and_then(Verdict::nonconformity);
        if row.is_none() {
            self.diag(Some(n), ImportCode::FicheUnknownTarget, |p| {
                (p.fiche_unknown_target)(target)
            });
        }
        let grade = match (stated, from_verdict) {
            (Some(s), Some(v)) if v != s => {
                let verdict = Verdict::from(v);
                self.diag(Some(n), ImportCode::FicheGradeDiffers, |p| {
                    (p.fiche_grade_differs)(target, s, verdict)
                });
                s
            }
            (Some(s), _) => s,
            (None, Some(v)) => {
                self.diag(Some(n), ImportCode::FicheGradeFromVerdict, |p| {
                    (p.fiche_grade_from_verdict)(target, v)
                });
                v
            }
            (None, None) => {
                self.diag(Some(n), ImportCode::FicheGradeGuessed, |p| {
                    (p.fiche_grade_guessed)(target)
                });
                NcGrade::Minor
            }
        };
        if let (Some(verdict), None) = (row, from_verdict) {
            self.diag(Some(n), ImportCode::FicheRowNotNonconformity, |p| {
                (p.fiche_row_not_nonconformity)(target, grade, verdict)
            });
        }
        let mut fiche = FicheEcart::new(target, grade, paragraph.to_owned());
        if let Some((number, line)) = numbered {
            fiche.number = Some(number);
            if line != n {
                // The heading was filed as a paragraph until this line: it is the fiche's.
                self.conclusion.fiches_ecart.pop();
                if let Some(role) = line.checked_sub(1).and_then(|i| self.roles.get_mut(i)) {
                    *role = LineRole::Field(ReportField::FicheEcart(target));
                }
            }
        }
        self.ecarts.push(fiche);
        self.open_fiche = Some(self.ecarts.len() - 1);
        Some(LineRole::Field(ReportField::FicheEcart(target)))
    }
}

/// A fiche d'écart's numbered heading (`Fiche d'écart n°1`, `FICHE D'ÉCART N° 2`, `Fiche
/// d’écart no 3 — Module 1 engagement 17`): its number and the text after it, separators left
/// out.
pub(super) fn fiche_number(t: &str) -> Option<(u32, &str)> {
    let s = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    let rest = strip_prefix_ci(s, "fiche")?;
    let rest = rest.strip_prefix(['s', 'S']).unwrap_or(rest);
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = strip_prefix_ci(rest.trim_start(), "d")?;
    let rest = rest
        .strip_prefix(['\'', '’'])
        .or_else(|| rest.strip_prefix(' '))?
        .trim_start();
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let (word, rest) = rest.split_at(end);
    if !matches!(key(word).as_str(), "ecart" | "ecarts") {
        return None;
    }
    let rest = rest.trim_start();
    let rest = FICHE_NUMBER_MARKS
        .iter()
        .find_map(|m| {
            strip_prefix_ci(rest, m)
                .filter(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        })
        .unwrap_or(rest)
        .trim_start();
    let (number, after) = leading_number(rest)?;
    let text = after.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '.' | ',')
    });
    // The number ends at a separator: `n°1bis` is not the fiche 1.
    if !after.is_empty() && text.len() == after.len() {
        return None;
    }
    Some((number, text))
}

/// The grade of a paragraph shaped as a fiche d'écart's heading: a target (`Module 1
/// engagement 5`), a dash, and a nonconformity's code alone after it (`NC Maj`); with that
/// code as written.
fn fiche_heading_grade(t: &str) -> Option<(NcGrade, &str)> {
    let (head, grade) = t.rsplit_once(['—', '–', '-'])?;
    let grade = grade.trim();
    let grade_of = grade.parse::<NcGrade>().ok()?;
    fiche_target(head)?;
    Some((grade_of, grade))
}

/// The verdict the charte graphique's text implies: `NA` when it says « non applicable ».
pub(crate) fn charte_inferred(text: &[String]) -> Option<Verdict> {
    text.iter()
        .any(|p| key(p).contains(NOT_APPLICABLE))
        .then_some(Verdict::NotApplicable)
}

/// A heading of part 4: an optional bullet, capitals outside parentheses, a known title.
pub(super) fn conclusion_heading(t: &str) -> Option<ConclusionSection> {
    let text = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    // Paragraphs leave at their first lower-case letter outside parentheses.
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 && c.is_lowercase() => return None,
            _ => {}
        }
    }
    let mut outside = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    ConclusionSection::from_heading_key(&key(&outside))
}

/// What the heading `t` of `section` holds between parentheses that its template does not
/// (`❖ POINTS FORTS (voir annexe 3)`), the parentheses kept: text beside the heading. Empty
/// when it holds nothing more (`POINTS SENSIBLES (avec risques associés)`).
fn heading_aside(t: &str, section: ConclusionSection) -> String {
    let groups = |text: &str| {
        let mut out = String::new();
        let mut depth = 0usize;
        for c in text.chars() {
            match c {
                '(' => {
                    if depth == 0 && !out.is_empty() {
                        out.push(' ');
                    }
                    depth += 1;
                    out.push(c);
                }
                ')' if depth > 0 => {
                    depth -= 1;
                    out.push(c);
                }
                _ if depth > 0 => out.push(c),
                _ => {}
            }
        }
        out
    };
    let found = groups(t);
    if key(&found) == key(&groups(section.heading())) {
        String::new()
    } else {
        found
    }
}

/// The engagement or management item a fiche d'écart paragraph names.
fn fiche_target(t: &str) -> Option<EcartTarget> {
    let k = key(t);
    for heading in MANAGEMENT {
        let section = heading.section;
        if let Some(rest) = k.strip_prefix(heading.in_fiche) {
            let rest = FICHE_ITEM.strip(rest).unwrap_or(rest);
            let (item, _) = leading_number(rest)?;
            let item = u8::try_from(item).ok().filter(|i| *i > 0)?;
            return Some(EcartTarget::Management(ManagementItemId { section, item }));
        }
    }
    let lower = t.to_lowercase();
    for (at, _) in lower.match_indices(FICHE_ENGAGEMENT) {
        let rest = lower.get(at + FICHE_ENGAGEMENT.len()..)?;
        let rest = rest.trim_start();
        let rest = ["n°", "nº", "no.", "no ", "n "]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .unwrap_or(rest)
            .trim_start();
        if let Some((number, _)) = leading_number(rest) {
            if let Some(e) = u16::try_from(number).ok().and_then(EngagementNumber::new) {
                return Some(EcartTarget::Engagement(e));
            }
        }
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn fiche_targets() {
        let e = |n| Some(EcartTarget::Engagement(EngagementNumber::new(n).unwrap()));
        assert_eq!(fiche_target("Module 1 engagement 17 : délai"), e(17));
        assert_eq!(fiche_target("Engagement n°5 non tenu"), e(5));
        assert_eq!(fiche_target("Engagement n° 5 non tenu"), e(5));
        assert_eq!(
            fiche_target("Absence de non-conformité majeure ou mineure."),
            None
        );
    }

    #[test]
    fn the_vocabulary_reads_back() {
        for s in ConclusionSection::ALL {
            assert_eq!(conclusion_heading(s.heading()), Some(s), "{s:?}");
            assert_eq!(conclusion_heading(&format!("❖ {}", s.heading())), Some(s));
        }
        // A paragraph that reads as a heading once folded is not one: a lower-case letter
        // outside parentheses, before or after them, makes it a paragraph.
        assert_eq!(
            conclusion_heading("POINTS FORTS"),
            Some(ConclusionSection::PointsForts)
        );
        assert_eq!(
            conclusion_heading("POINTS FORTS (de l'audit)"),
            Some(ConclusionSection::PointsForts)
        );
        assert_eq!(conclusion_heading("Points forts"), None);
        assert_eq!(conclusion_heading("POINTS (x) forts"), None);
        for m in MANAGEMENT {
            let fiche = format!("{} {} 5", m.heading.text, FICHE_ITEM.text);
            let id = ManagementItemId {
                section: m.section,
                item: 5,
            };
            assert_eq!(fiche_target(&fiche), Some(EcartTarget::Management(id)));
            // Items are numbered from 1.
            let zero = format!("{} {} 0", m.heading.text, FICHE_ITEM.text);
            assert_eq!(fiche_target(&zero), None, "{zero}");
        }
    }
}
