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
    CHARTE_VERDICT, FICHE_ACTION, FICHE_DUE, FICHE_ENGAGEMENT, FICHE_EVIDENCE, FICHE_FINDING,
    FICHE_ITEM, FICHE_LEADER, FICHE_REASON, FICHE_REQUIREMENT, FICHE_STATUS, FICHE_STATUS_ON,
    MANAGEMENT, NOT_APPLICABLE, SURVEY_NOTE,
};
use super::cells::{DateError, leading_number, parse_verdict, read_date};
use super::{ConclusionSection, ImportCode, LineRole, Parser, Part, ReportField, ReportLayout};
use crate::model::ecart::ActionState;
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
        if let Some(s) = conclusion_heading(t) {
            self.part = Part::Synthesis4(Some(s));
            self.open_fiche = None;
            return LineRole::Layout(ReportLayout::Heading);
        }
        let Some(section) = section else {
            return self.skip(n, "part 4 (before its first section)", t);
        };
        match section {
            ConclusionSection::FichesEcart => {
                if let Some(role) = self.fiche_line(n, t) {
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
                                    "charte graphique: a second verdict",
                                    "conclusion.charte_graphique.verdict".to_owned(),
                                    right,
                                    format!("line {filed}"),
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
                section
                    .paragraphs_mut(&mut self.conclusion)
                    .push(t.to_owned());
                return LineRole::Field(ReportField::Conclusion(section));
            }
            _ => {}
        }
        if self.prose_carries(n, section, t) {
            return LineRole::Reported;
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
        self.not_filed(n, &format!("part 4 ({field})"), field, t, carried);
        true
    }

    pub(super) fn fiche_line(&mut self, n: usize, t: &str) -> Option<LineRole> {
        if let Some(i) = self.open_fiche {
            if let Some((left, value)) = t.split_once(':') {
                let lk = key(left);
                let value = value.trim();
                // The fiche's texts hold no assessment: one that could carry one is kept.
                let text_field = [
                    (FICHE_FINDING, "finding"),
                    (FICHE_REQUIREMENT, "requirement"),
                    (FICHE_ACTION, "corrective_action"),
                    (FICHE_LEADER, "leader"),
                    (FICHE_EVIDENCE, "status"),
                    (FICHE_REASON, "status"),
                ]
                .into_iter()
                .find(|(term, _)| term.matches(&lk));
                if let (Some((_, name)), Some(carried)) = (text_field, Carried::find(value)) {
                    let target = self.ecarts.get(i)?.target;
                    self.not_filed(
                        n,
                        &format!("the fiche d'écart of {target}: its {}", left.trim()),
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
                } else if FICHE_ACTION.matches(&lk) {
                    fiche.corrective_action = Some(value.to_owned());
                } else if FICHE_DUE.matches(&lk) {
                    let due = read_date(value);
                    fiche.due = due.ok();
                    if let Err(problem) = due {
                        self.unread(
                            n,
                            ImportCode::InvalidDate,
                            format!("due date {}; kept in `unread`", problem.explain(value)),
                            format!("ecarts[{i}].due"),
                            value,
                        );
                        return Some(LineRole::Reported);
                    }
                } else if FICHE_LEADER.matches(&lk) {
                    fiche.leader = Some(value.to_owned());
                } else if FICHE_STATUS.matches(&lk) {
                    return Some(self.fiche_status(n, i, value));
                } else if FICHE_EVIDENCE.matches(&lk) || FICHE_REASON.matches(&lk) {
                    match &mut fiche.status {
                        ActionStatus::Lifted { evidence: note, .. }
                        | ActionStatus::NotLifted { reason: note, .. } => {
                            value.clone_into(note);
                        }
                        ActionStatus::Open | ActionStatus::InProgress => {
                            self.unread(
                                n,
                                ImportCode::UnknownValue,
                                format!(
                                    "{left:?} of the fiche d'écart of {target} needs a line \
                                     « État : levé le dd/mm/yyyy » (or « non levé ») above it; \
                                     kept in `unread`",
                                    left = left.trim()
                                ),
                                format!("ecarts[{i}].status"),
                                t,
                            );
                            return Some(LineRole::Reported);
                        }
                    }
                } else {
                    return self.new_fiche(n, t);
                }
                return Some(LineRole::Field(ReportField::FicheEcart(target)));
            }
        }
        self.new_fiche(n, t)
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
                format!(
                    "state {value:?} of the fiche d'écart of {target} is not one of ouvert, en \
                     cours, levé le dd/mm/yyyy, non levé le dd/mm/yyyy; kept in `unread`"
                ),
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
                        format!(": {}", problem.explain(on))
                    }
                    _ => format!(
                        " needs a date dd/mm/yyyy (« {} le 02/03/2020 »)",
                        state.word_fr()
                    ),
                };
                self.unread(
                    n,
                    ImportCode::InvalidDate,
                    format!(
                        "state {value:?} of the fiche d'écart of {target}{why}; kept in `unread`"
                    ),
                    format!("ecarts[{i}].status"),
                    value,
                );
                LineRole::Reported
            }
        }
    }

    pub(super) fn new_fiche(&mut self, n: usize, paragraph: &str) -> Option<LineRole> {
        self.open_fiche = None;
        let target = fiche_target(paragraph)?;
        let folded = key(paragraph);
        let stated = if folded.contains("ncmaj") || folded.contains("majeure") {
            Some(NcGrade::Major)
        } else if folded.contains("ncmin") || folded.contains("mineure") {
            Some(NcGrade::Minor)
        } else {
            None
        };
        let verdict = match target {
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
        let from_verdict = verdict.flatten().and_then(Verdict::nonconformity);
        if verdict.is_none() {
            self.diag(
                Some(n),
                ImportCode::FicheUnknownTarget,
                format!("the fiche d'écart names {target}, which has no row in section 3"),
            );
        }
        let row_verdict = verdict.flatten();
        let grade = match (stated, from_verdict) {
            (Some(s), _) if row_verdict.is_some_and(|v| v != Verdict::from(s)) => {
                let v = row_verdict.map_or("", Verdict::code);
                self.diag(
                    Some(n),
                    ImportCode::FicheGradeDiffers,
                    format!(
                        "the fiche d'écart of {target} states {s}, the verdict of its row is {v}; \
                         {s} kept"
                    ),
                );
                s
            }
            (Some(s), _) => s,
            (None, Some(v)) => {
                self.diag(
                    Some(n),
                    ImportCode::FicheGradeFromVerdict,
                    format!(
                        "the fiche d'écart of {target} states no grade: {v} taken from the \
                         verdict of its row"
                    ),
                );
                v
            }
            (None, None) => {
                self.diag(
                    Some(n),
                    ImportCode::FicheGradeGuessed,
                    format!(
                        "the fiche d'écart of {target} states no grade and its row is not a \
                         nonconformity: NC min assumed"
                    ),
                );
                NcGrade::Minor
            }
        };
        self.ecarts
            .push(FicheEcart::new(target, grade, paragraph.to_owned()));
        self.open_fiche = Some(self.ecarts.len() - 1);
        Some(LineRole::Field(ReportField::FicheEcart(target)))
    }
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
