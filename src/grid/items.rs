//! Reads the sheets of items: modules, management, remote checks, fiches d'écart, conclusion.

use std::collections::HashMap;
use std::hash::Hash;

use crate::grid::import::Ctx;
use crate::grid::layout::{
    CHARTE_VERDICT, CONCLUSION_FIELDS, CONCLUSION_HEADERS, CONCLUSION_SECTIONS, ECART_HEADERS,
    MANAGEMENT_HEADERS, MODULE_HEADERS, REMOTE_HEADERS,
};
use crate::grid::phrases::{Day, Item, Msg, Second, What, Why};
use crate::grid::unread::{Owner, Rival};
use crate::model::ecart::ActionState;
use crate::text::{key, loose};
use crate::{
    ActionStatus, Assessment, Audit, EcartTarget, EngagementNumber, FicheEcart, ImportLevel,
    ManagementAssessment, ManagementItem, ManagementItemId, ManagementSection, ModuleNumber,
    NcGrade, Observation, ObservationKind, Referentiel, RemoteChannel, RemoteCheck, RemoteNote,
    Verdict,
};

/// The observations of the four cells from column `first` (PF, PS, risk, PP) of `owner`'s
/// row; `home` is the item's verdict cell, which a verdict written there competes with.
fn observations(
    ctx: &mut Ctx<'_>,
    row: usize,
    first: usize,
    owner: &Owner,
    home: &str,
) -> Vec<Observation> {
    let rival = || Some(Rival::Cell(home.to_owned()));
    let field = || (owner.clone(), ".observations");
    let mut out = Vec::new();
    let strength = Some(ObservationKind::Strength);
    if let Some(text) = ctx.row_text((row, first), What::Strength, field(), strength, rival()) {
        out.push(Observation::new(ObservationKind::Strength, text));
    }
    let concern = Some(ObservationKind::AreaOfConcern);
    match ctx.row_text((row, first + 1), What::Concern, field(), concern, rival()) {
        Some(text) => {
            let risk = ctx.row_text((row, first + 2), What::Risk, field(), None, rival());
            out.push(Observation {
                risk,
                ..Observation::new(ObservationKind::AreaOfConcern, text)
            });
        }
        None => {
            if let Some(text) = ctx.row_text((row, first + 2), What::Risk, field(), None, rival()) {
                let message = Msg::of(|p| (p.risk_without_concern)(&text));
                ctx.not_read(
                    (ImportLevel::Skipped, message),
                    row,
                    first + 2,
                    field(),
                    text,
                );
            }
        }
    }
    let improvement = Some(ObservationKind::OpportunityForImprovement);
    if let Some(text) = ctx.row_text(
        (row, first + 3),
        What::Improvement,
        field(),
        improvement,
        rival(),
    ) {
        out.push(Observation::new(
            ObservationKind::OpportunityForImprovement,
            text,
        ));
    }
    out
}

/// Reads the verdict cell `row`, `col` of `owner` (`what`, for messages) into `slot`: the first
/// verdict is filed, its cell recorded; a second one, whatever it reads, competes with it (so
/// that neither wins); a verdict not understood is kept.
fn verdict_into(
    ctx: &mut Ctx<'_>,
    (row, col): (usize, usize),
    (what, owner): (Item, &Owner),
    slot: &mut Option<Verdict>,
) {
    let field = (owner.clone(), ".verdict");
    let Some(text) = ctx.assessed(row, col, field.clone()) else {
        return;
    };
    if slot.is_some() {
        competing(ctx, (row, col), (what, Second::Verdict), field, text);
        return;
    }
    if let Ok(v) = text.parse::<Verdict>() {
        *slot = Some(v);
        ctx.filed(row, col, owner, ".verdict");
    } else {
        let message = Msg::of(|p| (p.unknown_verdict)(&text));
        ctx.not_read((ImportLevel::Warning, message), row, col, field, text);
    }
}

/// Reads the note cell `row`, `col` of a remote check as [`verdict_into`] reads a verdict.
fn note_into(
    ctx: &mut Ctx<'_>,
    (row, col): (usize, usize),
    (what, owner): (Item, &Owner),
    slot: &mut Option<RemoteNote>,
) {
    let field = (owner.clone(), ".note");
    let Some(text) = ctx.assessed(row, col, field.clone()) else {
        return;
    };
    if slot.is_some() {
        competing(ctx, (row, col), (what, Second::Note), field, text);
        return;
    }
    if let Ok(n) = text.parse::<RemoteNote>() {
        *slot = Some(n);
        ctx.filed(row, col, owner, ".note");
    } else {
        let message = Msg::of(|p| (p.unknown_note)(&text));
        ctx.not_read((ImportLevel::Warning, message), row, col, field, text);
    }
}

/// Reads the comment cell `row`, `col` of `owner` into `slot`: the first comment is filed,
/// a second one competes with it; a text that reads as an assessment competes with `home`,
/// the item's verdict cell (or its note's).
fn comment_into(
    ctx: &mut Ctx<'_>,
    (row, col): (usize, usize),
    (what, owner): (Item, &Owner),
    home: &str,
    slot: &mut Option<String>,
) {
    text_into(
        ctx,
        (row, col),
        (what, owner),
        home,
        (Second::Comment, What::Comment, ".comment"),
        slot,
    );
}

/// Reads the evidence cell `row`, `col` of `owner` into `slot`, as [`comment_into`] reads a
/// comment.
fn evidence_into(
    ctx: &mut Ctx<'_>,
    (row, col): (usize, usize),
    (what, owner): (Item, &Owner),
    home: &str,
    slot: &mut Option<String>,
) {
    text_into(
        ctx,
        (row, col),
        (what, owner),
        home,
        (Second::Evidence, What::Evidence, ".evidence"),
        slot,
    );
}

/// Reads the text cell `row`, `col` of `owner` (`second`, a text `name`d so in messages, its
/// field's `suffix`) into `slot` as [`comment_into`] reads a comment.
fn text_into(
    ctx: &mut Ctx<'_>,
    (row, col): (usize, usize),
    (what, owner): (Item, &Owner),
    home: &str,
    (second, name, suffix): (Second, What, &'static str),
    slot: &mut Option<String>,
) {
    let field = (owner.clone(), suffix);
    if slot.is_some() {
        if let Some(text) = ctx.assessed(row, col, field.clone()) {
            competing(ctx, (row, col), (what, second), field, text);
        }
        return;
    }
    let rival = Some(Rival::Cell(home.to_owned()));
    if let Some(text) = ctx.row_text((row, col), name, field, None, rival) {
        *slot = Some(text);
        ctx.filed(row, col, owner, suffix);
    }
}

/// Keeps `text` of cell `row`, `col`, a second `value` (`a verdict`) of `what`, competing with
/// the first one's cell.
fn competing(
    ctx: &mut Ctx<'_>,
    (row, col): (usize, usize),
    (what, value): (Item, Second),
    (owner, suffix): (Owner, &'static str),
    text: String,
) {
    let first = ctx.filed_at(&owner, suffix);
    let message = Msg::of(|p| (p.competing)(what, value, first.as_deref(), &text));
    ctx.not_read_against(
        (ImportLevel::Warning, message),
        (row, col),
        (owner, suffix),
        text,
        first.map(Rival::Cell),
    );
}

/// A whole number in cell `row`, `col` that fits `T`.
fn whole<T: TryFrom<u64>>(ctx: &Ctx<'_>, row: usize, col: usize) -> Option<T> {
    ctx.value(row, col)
        .as_whole()
        .and_then(|n| T::try_from(n).ok())
}

/// Reads the title in cell `row`, `col` of `owner`: the référentiel's (`expected`) is kept; a
/// title that differs from it, or of an item the référentiel does not know, is reported and
/// kept unread.
fn title(ctx: &mut Ctx<'_>, (row, col): (usize, usize), expected: Option<&str>, owner: &Owner) {
    let Some(found) = ctx.text(row, col) else {
        return;
    };
    match expected {
        Some(expected) if loose(&found) == loose(expected) => ctx.mark(row, col),
        Some(expected) => {
            let message = Msg::of(|p| (p.title_differs)(&found, expected));
            ctx.not_read(
                (ImportLevel::Warning, message),
                row,
                col,
                (owner.clone(), ""),
                found,
            );
        }
        None => ctx.unused_cell(row, col, &Why::UnknownTitle, (owner.clone(), "")),
    }
}

/// Reads a module sheet.
pub(crate) fn module(
    ctx: &mut Ctx<'_>,
    referentiel: &Referentiel,
    module: ModuleNumber,
    audit: &mut Audit,
) {
    let headings: Vec<String> = referentiel
        .module(module)
        .map(|m| {
            m.groups
                .iter()
                .flat_map(|g| [g.heading.as_deref().map(key), Some(key(&g.title))])
                .flatten()
                .collect()
        })
        .unwrap_or_default();
    // The rows already read of each engagement of this sheet (a map: a hostile grid may hold
    // millions of rows).
    let mut mine: HashMap<EngagementNumber, usize> = HashMap::new();
    for row in ctx.data_rows(&MODULE_HEADERS) {
        let Some(n) = whole::<u16>(ctx, row, 0).and_then(EngagementNumber::new) else {
            let heading_only = (0..MODULE_HEADERS.len())
                .all(|c| c == 1 || ctx.value(row, c).is_empty())
                && ctx
                    .text(row, 1)
                    .is_some_and(|t| headings.contains(&key(&t)));
            if heading_only {
                ctx.mark(row, 1);
            } else {
                ctx.unused_from(row, 0, &Why::NoEngagementNumber);
            }
            continue;
        };
        ctx.mark(row, 0);
        let known = referentiel.engagement(n);
        let what = Item::Engagement(n);
        let owner = Owner::Assessment(module, n);
        let home = ctx.home(&owner, row, 2);
        ctx.found
            .engagements
            .entry(n)
            .or_insert_with(|| home.clone());
        let known_title = known.map(|e| e.title.as_str());
        if let Some(a) = mine.get(&n).and_then(|&i| audit.assessments.get_mut(i)) {
            title(ctx, (row, 1), known_title, &owner);
            verdict_into(ctx, (row, 2), (what, &owner), &mut a.verdict);
            let observations = observations(ctx, row, 3, &owner, &home);
            a.observations.extend(observations);
            comment_into(ctx, (row, 7), (what, &owner), &home, &mut a.comment);
            evidence_into(ctx, (row, 8), (what, &owner), &home, &mut a.evidence);
        } else {
            match known {
                None => ctx.note(
                    ImportLevel::Warning,
                    row,
                    0,
                    Msg::of(|p| (p.not_in_referentiel)(what, referentiel.id())),
                ),
                Some(e) if e.module != module => ctx.note(
                    ImportLevel::Warning,
                    row,
                    0,
                    Msg::of(|p| (p.other_module)(n, module.get(), e.module.get())),
                ),
                Some(_) => {}
            }
            title(ctx, (row, 1), known_title, &owner);
            let mut a = Assessment {
                engagement: n,
                module,
                verdict: None,
                comment: None,
                evidence: None,
                observations: Vec::new(),
            };
            verdict_into(ctx, (row, 2), (what, &owner), &mut a.verdict);
            a.observations = observations(ctx, row, 3, &owner, &home);
            comment_into(ctx, (row, 7), (what, &owner), &home, &mut a.comment);
            evidence_into(ctx, (row, 8), (what, &owner), &home, &mut a.evidence);
            mine.insert(n, audit.assessments.len());
            audit.assessments.push(a);
        }
        ctx.outside_columns(row, MODULE_HEADERS.len(), &owner);
    }
}

fn section(text: &str) -> Option<ManagementSection> {
    let k = key(text);
    ManagementSection::ALL
        .iter()
        .copied()
        .find(|s| key(s.heading()) == k || key(s.code()) == k || key(s.heading_en()) == k)
}

/// Reads the management sheet.
pub(crate) fn management(ctx: &mut Ctx<'_>, referentiel: &Referentiel, audit: &mut Audit) {
    let mut read = index(&audit.management, ManagementAssessment::id);
    for row in ctx.data_rows(&MANAGEMENT_HEADERS) {
        let s = ctx.text(row, 0).as_deref().and_then(section);
        let item = whole::<u8>(ctx, row, 1);
        let (Some(s), Some(item)) = (s, item) else {
            ctx.unused_from(row, 0, &Why::NoManagementItem);
            continue;
        };
        ctx.mark(row, 0);
        ctx.mark(row, 1);
        let id = ManagementItemId::new(s, item);
        let known = referentiel.management_item(id).map(|i| i.title.as_str());
        let what = Item::Management(id);
        let owner = Owner::Management(id);
        let home = ctx.home(&owner, row, 3);
        if let Some(m) = read.get(&id).and_then(|&i| audit.management.get_mut(i)) {
            title(ctx, (row, 2), known, &owner);
            verdict_into(ctx, (row, 3), (what, &owner), &mut m.verdict);
            let observations = observations(ctx, row, 4, &owner, &home);
            m.observations.extend(observations);
            comment_into(ctx, (row, 8), (what, &owner), &home, &mut m.comment);
            evidence_into(ctx, (row, 9), (what, &owner), &home, &mut m.evidence);
        } else {
            if known.is_none() {
                ctx.note(
                    ImportLevel::Warning,
                    row,
                    1,
                    Msg::of(|p| (p.not_in_referentiel)(what, referentiel.id())),
                );
            }
            title(ctx, (row, 2), known, &owner);
            let mut m = ManagementAssessment::new(id, None);
            verdict_into(ctx, (row, 3), (what, &owner), &mut m.verdict);
            m.observations = observations(ctx, row, 4, &owner, &home);
            comment_into(ctx, (row, 8), (what, &owner), &home, &mut m.comment);
            evidence_into(ctx, (row, 9), (what, &owner), &home, &mut m.evidence);
            read.insert(id, audit.management.len());
            audit.management.push(m);
        }
        ctx.outside_columns(row, MANAGEMENT_HEADERS.len(), &owner);
    }
}

fn channel(text: &str) -> Option<RemoteChannel> {
    let k = key(text);
    RemoteChannel::ALL
        .iter()
        .copied()
        .find(|c| k == key(c.label_fr()) || k == key(c.label_en()) || k.starts_with(&key(c.code())))
}

/// Reads the remote-checks sheet.
pub(crate) fn remote(ctx: &mut Ctx<'_>, referentiel: &Referentiel, audit: &mut Audit) {
    let mut read = index(&audit.remote_checks, |r| (r.channel, r.engagement));
    for row in ctx.data_rows(&REMOTE_HEADERS) {
        let c = ctx.text(row, 0).as_deref().and_then(channel);
        let n = whole::<u16>(ctx, row, 1).and_then(EngagementNumber::new);
        let (Some(c), Some(n)) = (c, n) else {
            ctx.unused_from(row, 0, &Why::NoChannel);
            continue;
        };
        let known = referentiel.engagement(n);
        let module = whole::<u8>(ctx, row, 2).and_then(ModuleNumber::new);
        let owner = Owner::Remote(c, n);
        let what = Item::Remote(c, n);
        let known_title = known.map(|e| e.title.as_str());
        if let Some(check) = read
            .get(&(c, n))
            .and_then(|&i| audit.remote_checks.get_mut(i))
        {
            ctx.mark(row, 0);
            ctx.mark(row, 1);
            let home = ctx.home(&owner, row, 4);
            // A later row repeats the check's module, or competes with the first row's.
            match module {
                Some(m) if m == check.module => ctx.mark(row, 2),
                _ => {
                    if let Some(text) = ctx.text(row, 2) {
                        competing_module(ctx, (row, 2), what, &owner, text);
                    }
                }
            }
            title(ctx, (row, 3), known_title, &owner);
            note_into(ctx, (row, 4), (what, &owner), &mut check.note);
            let observations = observations(ctx, row, 5, &owner, &home);
            check.observations.extend(observations);
            comment_into(ctx, (row, 9), (what, &owner), &home, &mut check.comment);
        } else {
            let module = match (module, known) {
                (Some(m), _) => {
                    ctx.filed(row, 2, &owner, ".module");
                    m
                }
                (None, Some(e)) => {
                    match ctx.text(row, 2) {
                        Some(_) => ctx.unused_cell(
                            row,
                            2,
                            &Why::ModuleNotNumber(e.module.get()),
                            (owner.clone(), ".module"),
                        ),
                        None => ctx.note(
                            ImportLevel::Guessed,
                            row,
                            2,
                            Msg::of(|p| (p.module_guessed)(e.module.get())),
                        ),
                    }
                    e.module
                }
                (None, None) => {
                    ctx.unused_from(row, 0, &Why::RemoteNoModule(what));
                    continue;
                }
            };
            ctx.mark(row, 0);
            ctx.mark(row, 1);
            let home = ctx.home(&owner, row, 4);
            title(ctx, (row, 3), known_title, &owner);
            let mut check = RemoteCheck {
                channel: c,
                engagement: n,
                module,
                note: None,
                comment: None,
                observations: Vec::new(),
            };
            note_into(ctx, (row, 4), (what, &owner), &mut check.note);
            check.observations = observations(ctx, row, 5, &owner, &home);
            comment_into(ctx, (row, 9), (what, &owner), &home, &mut check.comment);
            read.insert((c, n), audit.remote_checks.len());
            audit.remote_checks.push(check);
        }
        ctx.outside_columns(row, REMOTE_HEADERS.len(), &owner);
    }
}

/// Keeps the module `text` of a later row of a remote check, competing with the first row's.
fn competing_module(
    ctx: &mut Ctx<'_>,
    (row, col): (usize, usize),
    what: Item,
    owner: &Owner,
    text: String,
) {
    let first = ctx.filed_at(owner, ".module");
    let message = Msg::of(|p| (p.competing_module)(what, first.as_deref(), &text));
    ctx.not_read_against(
        (ImportLevel::Warning, message),
        (row, col),
        (owner.clone(), ".module"),
        text,
        first.map(Rival::Cell),
    );
}

/// The target of the fiche of `row` (column A): an engagement number (`17`), an item
/// (`pilotage 5`), or either in the form of the drop-down (`17 — Nous vous répondons…`,
/// `Pilotage 5 — Comité des usagers`), whose title must then be the référentiel's.
fn target(ctx: &Ctx<'_>, row: usize, referentiel: &Referentiel) -> Option<EcartTarget> {
    if let Some(n) = whole::<u16>(ctx, row, 0).and_then(EngagementNumber::new) {
        return Some(EcartTarget::Engagement(n));
    }
    let text = ctx.text(row, 0)?;
    let (head, titled) = match text.split_once('—') {
        Some((head, _)) => (head.trim(), true),
        None => (text.trim(), false),
    };
    let target = if let Some(n) = head.parse::<u16>().ok().and_then(EngagementNumber::new) {
        EcartTarget::Engagement(n)
    } else {
        let (name, number) = head.rsplit_once(char::is_whitespace)?;
        let s = section(name)?;
        let item = number.trim().parse::<u8>().ok()?;
        EcartTarget::Management(ManagementItemId::new(s, item))
    };
    let label = crate::grid::guidance::target_label(target, referentiel);
    (!titled || loose(&label) == loose(&text)).then_some(target)
}

/// Reads the « Mode d'emploi » sheet: its texts are the grid's own, used; anything else typed
/// there is reported and kept.
pub(crate) fn guide(ctx: &mut Ctx<'_>, referentiel: &Referentiel) {
    let own: std::collections::HashSet<String> = crate::grid::guidance::own_texts(referentiel)
        .iter()
        .map(|t| loose(t))
        .collect();
    let sheet = ctx.sheet;
    for (r, cells) in sheet.rows.iter().enumerate() {
        for c in 0..cells.len() {
            match ctx.text(r, c) {
                Some(t) if own.contains(&loose(&t)) => ctx.mark(r, c),
                Some(_) => ctx.unused_cell(r, c, &Why::NotGuidance, (Owner::path(ctx.part), "")),
                None => {}
            }
        }
    }
}

/// Reads the state of a fiche d'écart (columns H to J): open when empty; a state not understood,
/// or lifted / not lifted without date, is reported and read as open.
fn status(ctx: &mut Ctx<'_>, row: usize, fiche: &Owner) -> ActionStatus {
    let field = || (fiche.clone(), ".status");
    let on = ctx.date(row, 8, Day::Status, field());
    let Some(word) = ctx.text(row, 7) else {
        ctx.unused_cell(row, 9, &Why::NoteWithoutState, field());
        return ActionStatus::Open;
    };
    let Some(state) = ActionState::parse(&word) else {
        ctx.unused_cell(row, 7, &Why::UnknownState, field());
        ctx.unused_cell(row, 9, &Why::NoteOfUnknownState, field());
        return ActionStatus::Open;
    };
    ctx.mark(row, 7);
    let has_note = matches!(state, ActionState::Lifted | ActionState::NotLifted);
    if !has_note {
        ctx.unused_cell(row, 9, &Why::NoteOfOtherState, field());
    }
    let note = if has_note {
        let what = What::StatusNote;
        ctx.free_text((row, 9), what, field(), None, None)
            .unwrap_or_default()
    } else {
        String::new()
    };
    if let Some(status) = state.status(on, note) {
        status
    } else {
        ctx.unused_cell(row, 7, &Why::StateWithoutDate, field());
        ctx.unused_cell(row, 9, &Why::NoteOfStateReadOpen, field());
        ActionStatus::Open
    }
}

/// Reads the number of the fiche d'écart of `row` (column K): a whole number; anything else is
/// reported and kept.
fn fiche_number(ctx: &mut Ctx<'_>, row: usize, fiche: &Owner) -> Option<u32> {
    let number = whole::<u32>(ctx, row, 10);
    if number.is_some() {
        ctx.mark(row, 10);
    } else {
        ctx.unused_cell(
            row,
            10,
            &Why::FicheNumberNotWhole,
            (fiche.clone(), ".number"),
        );
    }
    number
}

/// Reads the fiches d'écart sheet.
pub(crate) fn ecarts(ctx: &mut Ctx<'_>, referentiel: &Referentiel, audit: &mut Audit) {
    for row in ctx.data_rows(&ECART_HEADERS) {
        let grade = ctx
            .assessed(row, 1, (Owner::path("ecarts"), ""))
            .and_then(|t| t.parse::<NcGrade>().ok());
        let (Some(t), Some(grade)) = (target(ctx, row, referentiel), grade) else {
            ctx.unused_from(row, 0, &Why::FicheWithoutTarget);
            continue;
        };
        ctx.mark(row, 0);
        let owner = Owner::Path(format!("ecarts[{}]", audit.ecarts.len()));
        ctx.filed(row, 1, &owner, ".grade");
        let grade_cell = ctx.cell(row, 1);
        let text = |ctx: &mut Ctx<'_>, col: usize, what, suffix| {
            let rival = Some(Rival::Cell(grade_cell.clone()));
            ctx.free_text((row, col), what, (owner.clone(), suffix), None, rival)
        };
        let finding = text(ctx, 2, What::Finding, ".finding");
        let requirement = text(ctx, 3, What::Requirement, ".requirement");
        let action = text(ctx, 4, What::Action, ".corrective_action");
        let leader = text(ctx, 6, What::Leader, ".leader");
        let cause = text(ctx, 11, What::Cause, ".cause");
        let response = text(ctx, 12, What::Response, ".response");
        let mut fiche = FicheEcart::new(t, grade, finding.unwrap_or_default());
        fiche.number = fiche_number(ctx, row, &owner);
        fiche.cause = cause;
        fiche.response = response;
        fiche.requirement = requirement.unwrap_or_default();
        fiche.corrective_action = action;
        fiche.due = ctx.date(row, 5, Day::Due, (owner.clone(), ".due"));
        fiche.leader = leader;
        fiche.status = status(ctx, row, &owner);
        audit.ecarts.push(fiche);
        ctx.outside_columns(row, ECART_HEADERS.len(), &owner);
    }
}

/// Reads the conclusion sheet: column A names the section (an empty cell continues the one
/// above), column B holds one paragraph. A paragraph that reads as an assessment (a verdict,
/// an observation other than of its section's kind) is kept, not taken for a paragraph.
pub(crate) fn conclusion(ctx: &mut Ctx<'_>, audit: &mut Audit) {
    let c = &mut audit.conclusion;
    let mut current: Option<usize> = None;
    for row in ctx.data_rows(&CONCLUSION_HEADERS) {
        if let Some(label) = ctx.text(row, 0) {
            let k = key(&label);
            if k == key(CHARTE_VERDICT) {
                ctx.mark(row, 0);
                let owner = Owner::path("conclusion.charte_graphique");
                verdict_into(
                    ctx,
                    (row, 1),
                    (Item::Charte, &owner),
                    &mut c.charte_graphique.verdict,
                );
                ctx.unused_from(row, 2, &Why::OutsideColumns);
                continue;
            }
            current = CONCLUSION_SECTIONS.iter().position(|s| key(s) == k);
            if current.is_none() {
                ctx.unused_from(row, 0, &Why::NotSection);
                continue;
            }
            ctx.mark(row, 0);
        }
        if ctx.text(row, 1).is_none() {
            if current.is_none() {
                ctx.unused_from(row, 0, &Why::NotUnderSection);
            }
            ctx.unused_from(row, 2, &Why::OutsideColumns);
            continue;
        }
        let Some(at) = current else {
            ctx.unused_from(row, 1, &Why::NotUnderSection);
            continue;
        };
        let kind = match at {
            0 => Some(ObservationKind::Strength),
            1 => Some(ObservationKind::AreaOfConcern),
            2 => Some(ObservationKind::OpportunityForImprovement),
            _ => None,
        };
        let name = CONCLUSION_FIELDS.get(at).copied().unwrap_or("conclusion");
        let field = (Owner::Path(format!("conclusion.{name}")), "");
        let what = What::Paragraph;
        let list = match at {
            0 => &mut c.points_forts,
            1 => &mut c.points_sensibles,
            2 => &mut c.pistes_de_progres,
            3 => &mut c.fiches_ecart,
            4 => &mut c.commentaires,
            5 => &mut c.bonnes_pratiques,
            6 => &mut c.enquetes_satisfaction,
            7 => &mut c.charte_graphique.text,
            _ => &mut c.conclusion_generale,
        };
        // Several paragraphs may share a cell, one a line (Alt+Entrée): each is read as its own
        // paragraph, and one that reads as an assessment is kept, not the others.
        if let Some(text) = ctx.text(row, 1) {
            for paragraph in text.lines().map(str::trim).filter(|p| !p.is_empty()) {
                let paragraph = paragraph.to_owned();
                if let Some(p) = ctx.gate((row, 1), what, paragraph, field.clone(), kind, None) {
                    list.push(p);
                }
            }
        }
        ctx.unused_from(row, 2, &Why::OutsideColumns);
    }
}

/// The place of the first item of each key in `items` (a map: a hostile grid may hold millions
/// of rows, and a search through the items read for each row would take hours).
pub(crate) fn index<T, K: Eq + Hash>(items: &[T], key: impl Fn(&T) -> K) -> HashMap<K, usize> {
    let mut map = HashMap::new();
    for (i, item) in items.iter().enumerate().rev() {
        map.insert(key(item), i);
    }
    map
}

/// Puts assessments in the référentiel's order (rows may have been reordered), then by number;
/// management items likewise. Remote checks and fiches keep the grid's order.
pub(crate) fn sort(audit: &mut Audit, referentiel: &Referentiel) {
    let engagements = index(referentiel.engagements(), |e| e.number);
    audit.assessments.sort_by_key(|a| {
        (
            engagements
                .get(&a.engagement)
                .copied()
                .unwrap_or(usize::MAX),
            a.engagement,
        )
    });
    let items = index(referentiel.management_items(), ManagementItem::id);
    audit
        .management
        .sort_by_key(|m| (items.get(&m.id()).copied().unwrap_or(usize::MAX), m.id()));
}
