//! The remote checks: known engagement of a covered module, filed under its module, once per
//! channel, with a note that does not contradict the on-site verdict; and every channel checked.

use strum::IntoEnumIterator as _;

use super::super::index::{Index, sorted};
use super::super::order::{Collector, Place, SECTION_REMOTE};
use super::{Subject, check_observations};
use crate::RuleCode;
use crate::{ModuleNumber, RemoteChannel, RemoteNote, Verdict};

impl Index<'_> {
    #[inline]
    pub(crate) fn check_remote_checks(&self, out: &mut Collector<'_>) {
        let r = self.referentiel;
        let checks = &self.audit.remote_checks;
        // Check by check, grouped by (channel, engagement) to find duplicates; reports list
        // their checks by channel, so the sort is usually skipped. The diagnostics are sorted
        // at the end.
        let by_check = sorted(
            checks
                .iter()
                .enumerate()
                .map(|(i, c)| ((c.channel, c.engagement), i))
                .collect(),
        );
        for run in by_check.chunk_by(|a, b| a.0 == b.0) {
            for (k, &(_, i)) in run.iter().enumerate() {
                let Some(c) = checks.get(i) else {
                    continue;
                };
                let n = c.engagement;
                let channel = c.channel;
                let place = Place::engagement(self.group_of(n), n, SECTION_REMOTE);
                let subject = Subject::Remote(i, channel, n);
                match self.module_of(n) {
                    None => {
                        if !self.covered_unbundled(c.module) {
                            out.push(
                                RuleCode::RemoteCheckUnknownEngagement,
                                place,
                                subject.path(".engagement"),
                                |p| (p.remote_check_unknown_engagement)(n, channel, r.id()),
                            );
                        }
                    }
                    Some(module) => {
                        if !self.covers(module) {
                            out.push(
                                RuleCode::RemoteCheckModuleNotCovered,
                                place,
                                subject.path(".engagement"),
                                |p| (p.remote_check_module_not_covered)(n, channel, module),
                            );
                        }
                        if c.module != module {
                            out.push(RuleCode::WrongModule, place, subject.path(".module"), |p| {
                                (p.remote_check_wrong_module)(subject, c.module, module)
                            });
                        }
                    }
                }
                if k == 1 {
                    out.push(
                        RuleCode::DuplicateRemoteCheck,
                        place,
                        subject.path(""),
                        |p| (p.duplicate_remote_check)(n, run.len(), channel),
                    );
                }
                match c.note {
                    None => out.push(
                        RuleCode::RemoteCheckWithoutNote,
                        place,
                        subject.path(".note"),
                        |p| (p.remote_check_without_note)(subject),
                    ),
                    Some(note) => {
                        let on_site = self.verdict_of(n);
                        let contradicts = match note {
                            RemoteNote::NonConforme => on_site == Some(Verdict::Conformity),
                            RemoteNote::Conforme => {
                                on_site.and_then(Verdict::nonconformity).is_some()
                            }
                            RemoteNote::NonApplicable => false,
                        };
                        if note == RemoteNote::Conforme && on_site == Some(Verdict::NotApplicable) {
                            out.push(
                                RuleCode::NaWithConformingRemoteCheck,
                                place,
                                subject.path(".note"),
                                |p| (p.na_with_conforming_remote_check)(channel, n),
                            );
                        }
                        if let (true, Some(v)) = (contradicts, on_site) {
                            out.push(
                                RuleCode::RemoteCheckContradictsVerdict,
                                place,
                                subject.path(".note"),
                                |p| (p.remote_check_contradicts_verdict)(subject, note, v),
                            );
                        }
                    }
                }
                check_observations(out, place, subject, &c.observations);
            }
        }
        self.check_remote_channels(out);
    }

    /// `remote-channel-not-checked`: a remote audit (at least one check) that leaves a channel
    /// out.
    fn check_remote_channels(&self, out: &mut Collector<'_>) {
        let checks = &self.audit.remote_checks;
        if checks.is_empty() {
            return;
        }
        for channel in RemoteChannel::iter() {
            if !checks.iter().any(|c| c.channel == channel) {
                out.push(
                    RuleCode::RemoteChannelNotChecked,
                    Place::remote_audit(ModuleNumber::ONE),
                    "remote_checks".to_owned(),
                    |p| (p.remote_channel_not_checked)(channel),
                );
            }
        }
    }
}
