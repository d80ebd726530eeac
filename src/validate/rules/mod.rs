//! The rules, one file per family, each an `Index` method that pushes its diagnostics into a
//! [`Collector`]; and the checks they share (verdicts, observations).

mod assessments;
mod conclusion;
mod ecarts;
mod header;
mod management;
mod modules;
mod remote;
mod texts;
mod unread;

use super::order::{Collector, Place};
use crate::RuleCode;
use crate::text::loosely_equal;
use crate::{
    EngagementNumber, FicheEcart, ManagementItemId, Observation, ObservationKind, RemoteChannel,
    Verdict,
};

pub(crate) fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

/// What an observation, verdict or note belongs to; paths and names are only formatted when a
/// diagnostic needs them.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Subject {
    Assessment(usize, EngagementNumber),
    Management(usize, ManagementItemId),
    Remote(usize, RemoteChannel, EngagementNumber),
}

impl Subject {
    /// The path of the subject followed by `field` (e.g. `.verdict`, or empty).
    pub(crate) fn path(self, field: &str) -> String {
        match self {
            Subject::Assessment(i, _) => format!("assessments[{i}]{field}"),
            Subject::Management(i, _) => format!("management[{i}]{field}"),
            Subject::Remote(i, _, _) => format!("remote_checks[{i}]{field}"),
        }
    }
}

/// `missing-verdict` and `na-without-justification` for an engagement or management item.
pub(crate) fn check_verdict(
    out: &mut Collector<'_>,
    place: Place,
    subject: Subject,
    verdict: Option<Verdict>,
    comment: Option<&str>,
) {
    match verdict {
        None => out.push(
            RuleCode::MissingVerdict,
            place,
            subject.path(".verdict"),
            |p| (p.missing_verdict)(subject),
        ),
        Some(Verdict::NotApplicable) if is_blank(comment) => out.push(
            RuleCode::NaWithoutJustification,
            place,
            subject.path(".comment"),
            |p| (p.na_without_justification)(subject),
        ),
        Some(_) => {}
    }
}

/// `empty-observation` and `ps-without-risk` for the observations of `subject`.
pub(crate) fn check_observations(
    out: &mut Collector<'_>,
    place: Place,
    subject: Subject,
    observations: &[Observation],
) {
    for (j, o) in observations.iter().enumerate() {
        if o.text.trim().is_empty() {
            out.push(
                RuleCode::EmptyObservation,
                place,
                subject.path(&format!(".observations[{j}].text")),
                |p| (p.empty_observation)(j + 1, o.kind, subject),
            );
        }
        if o.kind == ObservationKind::AreaOfConcern && is_blank(o.risk.as_deref()) {
            out.push(
                RuleCode::PsWithoutRisk,
                place,
                subject.path(&format!(".observations[{j}].risk")),
                |p| (p.ps_without_risk)(j + 1, subject),
            );
        }
    }
}

/// `ps-repeats-nonconformity`: a point sensible of a nonconformity whose text is its fiche
/// d'écart's finding, up to case and spacing: one fact recorded twice, with a corrective and a
/// preventive action. A point sensible on another aspect of the same engagement is left alone.
pub(crate) fn check_ps_repeats(
    out: &mut Collector<'_>,
    place: Place,
    subject: Subject,
    observations: &[Observation],
    fiche: Option<&FicheEcart>,
) {
    let Some(fiche) = fiche else {
        return;
    };
    if fiche.finding.trim().is_empty() {
        return;
    }
    for (j, o) in observations.iter().enumerate() {
        if o.kind == ObservationKind::AreaOfConcern && loosely_equal(&o.text, &fiche.finding) {
            let grade = fiche.grade;
            out.push(
                RuleCode::PsRepeatsNonconformity,
                place,
                subject.path(&format!(".observations[{j}].text")),
                |p| (p.ps_repeats_nonconformity)(j + 1, subject, grade),
            );
        }
    }
}
