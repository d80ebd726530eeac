//! The index of an audit against its référentiel, built once by [`validate`](super::validate)
//! (and kept by [`Valid`](super::Valid)): the rules look engagements, management items and
//! fiches up in it, and the engine (scoring, decision, synthesis) walks its rows.

use crate::{
    Assessment, Audit, EcartTarget, Engagement, EngagementNumber, ManagementAssessment,
    ManagementItemId, ModuleNumber, ObservationKind, Referentiel, Verdict,
};

use super::order::GROUP_UNPLACED;

/// What validation needs to know of one engagement number, found in O(1).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Slot {
    /// Where its assessments start in `Index::by_engagement`.
    start: u32,
    /// How many assessments it has.
    count: u32,
    /// Its module in the référentiel; 0 when the référentiel does not have it.
    module: u8,
    /// Its sort group (see [`Index::group_of`]).
    group: u8,
}

impl Slot {
    const UNPLACED: Slot = Slot {
        start: 0,
        count: 0,
        module: 0,
        group: GROUP_UNPLACED,
    };
}

/// The audit, the référentiel and the lookups built from them once.
#[derive(Debug, Clone)]
pub(crate) struct Index<'a> {
    pub(crate) audit: &'a Audit,
    pub(crate) referentiel: &'a Referentiel,
    /// (engagement, index in `assessments`), sorted.
    by_engagement: Vec<(EngagementNumber, usize)>,
    /// One slot per engagement number, from 0 to the highest number of the référentiel and the
    /// assessments (at most [`EngagementNumber::MAX`]).
    slots: Vec<Slot>,
    /// (item, index in `management`), sorted.
    pub(crate) by_item: Vec<(ManagementItemId, usize)>,
    /// (target, index in `ecarts`), sorted.
    by_target: Vec<(EcartTarget, usize)>,
    /// How many times each module number (index 1–8) is listed in `modules`.
    pub(crate) listed: [usize; 9],
    /// The référentiel's engagements of the covered modules, by number, each with its first
    /// assessment (the first one of a number wins, as in [`Audit::assessment`]).
    pub(crate) rows: Vec<(&'a Engagement, Option<&'a Assessment>)>,
    /// The covered modules, by number, each once.
    pub(crate) covered: Vec<ModuleNumber>,
    /// The position in `covered` of each module number (index 1–8); `None` when not covered.
    slot_of: [Option<usize>; 9],
}

/// The entries of `sorted` whose key is `key`, in array order: one binary search, then a scan
/// (runs are short: a key repeats only in a faulty audit).
fn run_of<K: Ord + Copy>(sorted: &[(K, usize)], key: K) -> &[(K, usize)] {
    let start = sorted.partition_point(|(k, _)| *k < key);
    let rest = sorted.get(start..).unwrap_or(&[]);
    let len = rest.iter().take_while(|(k, _)| *k == key).count();
    rest.get(..len).unwrap_or(&[])
}

/// `v` sorted; reports list their entries in order, so the sort is usually skipped.
pub(crate) fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    if !v.is_sorted() {
        v.sort_unstable();
    }
    v
}

/// The worse of two verdicts: `NC Maj` over `NC min` over `NA` over `C`.
fn worse(a: Option<Verdict>, b: Option<Verdict>) -> Option<Verdict> {
    a.max(b)
}

impl<'a> Index<'a> {
    pub(crate) fn new(audit: &'a Audit, referentiel: &'a Referentiel) -> Self {
        let by_engagement = sorted(
            audit
                .assessments
                .iter()
                .enumerate()
                .map(|(i, a)| (a.engagement, i))
                .collect(),
        );
        let by_item = sorted(
            audit
                .management
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id(), i))
                .collect(),
        );
        let by_target = sorted(
            audit
                .ecarts
                .iter()
                .enumerate()
                .map(|(i, f)| (f.target, i))
                .collect(),
        );
        let highest = referentiel
            .engagements()
            .last()
            .map(|e| e.number)
            .max(by_engagement.last().map(|(n, _)| *n))
            .map_or(0, EngagementNumber::get);
        let mut slots = vec![Slot::UNPLACED; usize::from(highest) + 1];
        for e in referentiel.engagements() {
            if let Some(slot) = slots.get_mut(usize::from(e.number.get())) {
                slot.module = e.module.get();
                slot.group = slot.module;
            }
        }
        let mut start = 0;
        for run in by_engagement.chunk_by(|a, b| a.0 == b.0) {
            if let Some(slot) = run
                .first()
                .and_then(|(n, _)| slots.get_mut(usize::from(n.get())))
            {
                slot.start = start;
                slot.count = run.len() as u32;
                if slot.module == 0 {
                    // Not in the référentiel: the lowest module its assessments are filed under.
                    slot.group = run
                        .iter()
                        .filter_map(|(_, i)| audit.assessments.get(*i))
                        .map(|a| a.module.get())
                        .min()
                        .unwrap_or(GROUP_UNPLACED);
                }
            }
            start += run.len() as u32;
        }
        let mut listed = [0; 9];
        for m in &audit.modules {
            if let Some(count) = listed.get_mut(usize::from(m.get())) {
                *count += 1;
            }
        }
        let mut covered = Vec::with_capacity(8);
        let mut slot_of = [None; 9];
        for (number, (count, slot)) in listed.iter().zip(slot_of.iter_mut()).enumerate() {
            if let (true, Some(m)) = (*count > 0, ModuleNumber::new(number as u8)) {
                *slot = Some(covered.len());
                covered.push(m);
            }
        }
        // A merge of two lists sorted by number; the first assessment of a number is the one
        // with the lowest index, as `by_engagement` sorts (number, index) pairs.
        let mut rows = Vec::with_capacity(referentiel.engagements().len());
        let mut next = by_engagement.iter().peekable();
        for e in referentiel.engagements() {
            while next.next_if(|(n, _)| *n < e.number).is_some() {}
            if slot_of
                .get(usize::from(e.module.get()))
                .is_some_and(Option::is_some)
            {
                let first = next
                    .peek()
                    .filter(|(n, _)| *n == e.number)
                    .and_then(|(_, i)| audit.assessments.get(*i));
                rows.push((e, first));
            }
        }
        Index {
            audit,
            referentiel,
            by_engagement,
            slots,
            by_item,
            by_target,
            listed,
            rows,
            covered,
            slot_of,
        }
    }

    /// The position of `module` in `covered`, if the audit covers it.
    pub(crate) fn slot(&self, module: ModuleNumber) -> Option<usize> {
        self.slot_of
            .get(usize::from(module.get()))
            .copied()
            .flatten()
    }

    /// The first assessment of management item `id`, if it is assessed.
    pub(crate) fn management(&self, id: ManagementItemId) -> Option<&'a ManagementAssessment> {
        let audit = self.audit;
        let first = self.by_item.partition_point(|(k, _)| *k < id);
        self.by_item
            .get(first)
            .filter(|(k, _)| *k == id)
            .and_then(|(_, i)| audit.management.get(*i))
    }

    /// The slot of engagement `n`; the default (no assessment, not in the référentiel) when `n`
    /// is beyond the table.
    fn number_slot(&self, n: EngagementNumber) -> Slot {
        self.slots
            .get(usize::from(n.get()))
            .copied()
            .unwrap_or(Slot::UNPLACED)
    }

    /// The indices of the assessments of engagement `n`, in array order.
    pub(crate) fn assessments_of(&self, n: EngagementNumber) -> &[(EngagementNumber, usize)] {
        let slot = self.number_slot(n);
        let start = slot.start as usize;
        self.by_engagement
            .get(start..start + slot.count as usize)
            .unwrap_or(&[])
    }

    /// The module of engagement `n` in the référentiel, if it has it.
    pub(crate) fn module_of(&self, n: EngagementNumber) -> Option<ModuleNumber> {
        ModuleNumber::new(self.number_slot(n).module)
    }

    /// Whether the audit covers `module` (without scanning `modules`).
    pub(crate) fn covers(&self, module: ModuleNumber) -> bool {
        self.listed
            .get(usize::from(module.get()))
            .is_some_and(|n| *n > 0)
    }

    /// The fiches d'écart of `target`, as (target, index in `ecarts`), in array order.
    pub(crate) fn fiches_of(&self, target: EcartTarget) -> &[(EcartTarget, usize)] {
        run_of(&self.by_target, target)
    }

    /// Whether `target` has a fiche d'écart.
    pub(crate) fn has_fiche(&self, target: EcartTarget) -> bool {
        !self.fiches_of(target).is_empty()
    }

    /// The indices of the assessments of management item `id`, in array order.
    pub(crate) fn items_of(&self, id: ManagementItemId) -> &[(ManagementItemId, usize)] {
        run_of(&self.by_item, id)
    }

    /// The worst on-site verdict of engagement `n` among its assessments; `None` when it has
    /// none (not assessed or no verdict).
    pub(crate) fn verdict_of(&self, n: EngagementNumber) -> Option<Verdict> {
        self.assessments_of(n)
            .iter()
            .filter_map(|(_, i)| self.audit.assessments.get(*i))
            .fold(None, |acc, a| worse(acc, a.verdict))
    }

    /// The worst verdict of management item `id` among its assessments.
    pub(crate) fn verdict_of_item(&self, id: ManagementItemId) -> Option<Verdict> {
        self.items_of(id)
            .iter()
            .filter_map(|(_, i)| self.audit.management.get(*i))
            .fold(None, |acc, m| worse(acc, m.verdict))
    }

    /// The sort group of engagement `n`: its module in the référentiel, else the module its
    /// assessments are filed under (the lowest, whatever their order), else after the modules.
    pub(crate) fn group_of(&self, n: EngagementNumber) -> u8 {
        self.number_slot(n).group
    }

    /// Whether `module` is covered but not bundled: its engagements are unknown by design, and
    /// `module-not-bundled` already says so.
    pub(crate) fn covered_unbundled(&self, module: ModuleNumber) -> bool {
        self.covers(module) && self.referentiel.module(module).is_some_and(|m| !m.bundled)
    }

    /// How many observations of `kind` the audit has (engagements, management items, remote
    /// checks).
    pub(crate) fn count_observations(&self, kind: ObservationKind) -> usize {
        self.audit.observations().filter(|o| o.kind == kind).count()
    }
}
