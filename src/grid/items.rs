//! Reads the sheets of items: modules, management, remote checks, fiches d'écart, conclusion.

use std::collections::HashMap;
use std::hash::Hash;

use crate::grid::import::Ctx;
use crate::grid::layout::{
    CHARTE_VERDICT, CONCLUSION_HEADERS, CONCLUSION_SECTIONS, ECART_HEADERS, MANAGEMENT_HEADERS,
    MODULE_HEADERS, REMOTE_HEADERS,
};
use crate::grid::unread::Owner;
use crate::model::ecart::ActionState;
use crate::text::{key, loose};
use crate::{
    ActionStatus, Assessment, Audit, EcartTarget, EngagementNumber, FicheEcart, ImportLevel,
    ManagementAssessment, ManagementItem, ManagementItemId, ManagementSection, ModuleNumber,
    NcGrade, Observation, ObservationKind, Referentiel, RemoteChannel, RemoteCheck, RemoteNote,
    Verdict,
};

/// The observations of the four cells from column `first` (PF, PS, risk, PP), of `owner`.
fn observations(ctx: &mut Ctx<'_>, row: usize, first: usize, owner: &Owner) -> Vec<Observation> {
    let mut out = Vec::new();
    if let Some(text) = ctx.text(row, first) {
        out.push(Observation::new(ObservationKind::Strength, text));
    }
    let risk = ctx.text(row, first + 2);
    match (ctx.text(row, first + 1), risk) {
        (Some(text), risk) => out.push(Observation {
            risk,
            ..Observation::new(ObservationKind::AreaOfConcern, text)
        }),
        (None, Some(_)) => ctx.unused_cell(
            row,
            first + 2,
            "a risk without point sensible",
            (owner.clone(), ".observations"),
        ),
        (None, None) => {}
    }
    if let Some(text) = ctx.text(row, first + 3) {
        out.push(Observation::new(
            ObservationKind::OpportunityForImprovement,
            text,
        ));
    }
    out
}

/// The verdict in cell `row`, `col`; an unknown one is reported and kept unread for `owner`.
fn verdict(ctx: &mut Ctx<'_>, row: usize, col: usize, owner: &Owner) -> Option<Verdict> {
    let text = ctx.text(row, col)?;
    let parsed = text.parse::<Verdict>().ok();
    if parsed.is_none() {
        let message = format!(
            "unknown verdict {text:?} (expected C, NA, NC min, NC Maj); left without verdict"
        );
        ctx.not_read(
            (ImportLevel::Warning, message),
            row,
            col,
            (owner.clone(), ".verdict"),
            text,
        );
    }
    parsed
}

/// A whole number in cell `row`, `col` that fits `T`.
fn whole<T: TryFrom<u64>>(ctx: &Ctx<'_>, row: usize, col: usize) -> Option<T> {
    ctx.value(row, col)
        .as_whole()
        .and_then(|n| T::try_from(n).ok())
}

/// Reports a title that differs from the référentiel's (the référentiel's is kept).
fn check_title(ctx: &mut Ctx<'_>, row: usize, col: usize, expected: Option<&str>) {
    if let (Some(found), Some(expected)) = (ctx.text(row, col), expected) {
        if loose(&found) != loose(expected) {
            ctx.note(
                ImportLevel::Warning,
                row,
                col,
                format!(
                    "title {found:?} differs from the référentiel's {expected:?}; matched by number"
                ),
            );
        }
    }
}

/// The first row of an item sets its verdict and comment; a later row of the same item adds
/// observations, and its verdict or comment only where the first row had none.
fn merge(
    ctx: &mut Ctx<'_>,
    row: usize,
    (verdict_col, comment_col): (usize, usize),
    slot: (&mut Option<Verdict>, &mut Option<String>),
    (what, owner): (&str, &Owner),
    verdict: Option<Verdict>,
) {
    let (slot_verdict, slot_comment) = slot;
    if let Some(v) = verdict {
        if slot_verdict.is_some() {
            ctx.note(
                ImportLevel::Skipped,
                row,
                verdict_col,
                format!("{what} has a verdict in an earlier row; this one ({v}) is not used"),
            );
            ctx.keep(row, verdict_col, (owner.clone(), ".verdict"));
        } else {
            *slot_verdict = Some(v);
        }
    }
    if let Some(text) = ctx.text(row, comment_col) {
        if slot_comment.is_some() {
            ctx.unused_cell(
                row,
                comment_col,
                &format!("{what} has a comment in an earlier row"),
                (owner.clone(), ".comment"),
            );
        } else {
            *slot_comment = Some(text);
        }
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
            if !heading_only {
                ctx.unused_from(row, 0, "no engagement number in column A");
            }
            continue;
        };
        let known = referentiel.engagement(n);
        let what = format!("engagement {n}");
        let owner = Owner::Assessment(module, n);
        let existing = mine.get(&n).copied();
        let v = verdict(ctx, row, 2, &owner);
        let obs = observations(ctx, row, 3, &owner);
        if let Some(a) = existing.and_then(|i| audit.assessments.get_mut(i)) {
            if ctx.text(row, 1).is_some() {
                check_title(ctx, row, 1, known.map(|e| e.title.as_str()));
            }
            merge(
                ctx,
                row,
                (2, 7),
                (&mut a.verdict, &mut a.comment),
                (&what, &owner),
                v,
            );
            a.observations.extend(obs);
        } else {
            match known {
                None => ctx.note(
                    ImportLevel::Warning,
                    row,
                    0,
                    format!("engagement {n} is not in référentiel {}; imported as written", referentiel.id()),
                ),
                Some(e) if e.module != module => ctx.note(
                    ImportLevel::Warning,
                    row,
                    0,
                    format!("engagement {n} is filed under module {}, the référentiel puts it in module {}", module.get(), e.module.get()),
                ),
                Some(_) => {}
            }
            check_title(ctx, row, 1, known.map(|e| e.title.as_str()));
            mine.insert(n, audit.assessments.len());
            audit.assessments.push(Assessment {
                engagement: n,
                module,
                verdict: v,
                comment: ctx.text(row, 7),
                observations: obs,
            });
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
            ctx.unused_from(
                row,
                0,
                "no management section (column A) and item number (column B)",
            );
            continue;
        };
        let id = ManagementItemId::new(s, item);
        let known = referentiel.management_item(id);
        let what = format!("management item {id}");
        let owner = Owner::Management(id);
        let v = verdict(ctx, row, 3, &owner);
        let obs = observations(ctx, row, 4, &owner);
        let existing = read.get(&id).copied();
        if let Some(m) = existing.and_then(|i| audit.management.get_mut(i)) {
            if ctx.text(row, 2).is_some() {
                check_title(ctx, row, 2, known.map(|i| i.title.as_str()));
            }
            merge(
                ctx,
                row,
                (3, 8),
                (&mut m.verdict, &mut m.comment),
                (&what, &owner),
                v,
            );
            m.observations.extend(obs);
        } else {
            if known.is_none() {
                ctx.note(
                    ImportLevel::Warning,
                    row,
                    1,
                    format!(
                        "{what} is not in référentiel {}; imported as written",
                        referentiel.id()
                    ),
                );
            }
            check_title(ctx, row, 2, known.map(|i| i.title.as_str()));
            read.insert(id, audit.management.len());
            let mut m = ManagementAssessment::new(id, v);
            m.comment = ctx.text(row, 8);
            m.observations = obs;
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
            ctx.unused_from(
                row,
                0,
                "no channel (column A) and engagement number (column B)",
            );
            continue;
        };
        let known = referentiel.engagement(n);
        let module = whole::<u8>(ctx, row, 2).and_then(ModuleNumber::new);
        let note_text = ctx.text(row, 4);
        let note = note_text
            .as_deref()
            .and_then(|t| t.parse::<RemoteNote>().ok());
        let owner = Owner::Remote(c, n);
        if let (Some(text), None) = (note_text, note) {
            let message = format!(
                "unknown note {text:?} (expected Conforme, Non conforme, Non applicable); left without note"
            );
            ctx.not_read(
                (ImportLevel::Warning, message),
                row,
                4,
                (owner.clone(), ".note"),
                text,
            );
        }
        let obs = observations(ctx, row, 5, &owner);
        let what = format!("remote check of engagement {n} on {c}");
        let existing = read.get(&(c, n)).copied();
        if let Some(check) = existing.and_then(|i| audit.remote_checks.get_mut(i)) {
            if let Some(note) = note {
                if check.note.is_some() {
                    ctx.note(
                        ImportLevel::Skipped,
                        row,
                        4,
                        format!(
                            "{what} has a note in an earlier row; this one ({note}) is not used"
                        ),
                    );
                    ctx.keep(row, 4, (owner.clone(), ".note"));
                } else {
                    check.note = Some(note);
                }
            }
            check.observations.extend(obs);
            if let Some(comment) = ctx.text(row, 9) {
                if check.comment.is_some() {
                    ctx.unused_cell(
                        row,
                        9,
                        &format!("{what} has a comment in an earlier row"),
                        (owner.clone(), ".comment"),
                    );
                } else {
                    check.comment = Some(comment);
                }
            }
        } else {
            let module = match (module, known) {
                (Some(m), _) => m,
                (None, Some(e)) => {
                    ctx.note(
                        ImportLevel::Guessed,
                        row,
                        2,
                        format!(
                            "no module: the référentiel's module {} used",
                            e.module.get()
                        ),
                    );
                    e.module
                }
                (None, None) => {
                    ctx.unused_from(
                        row,
                        0,
                        &format!(
                            "{what}: no module, and the référentiel does not know the engagement"
                        ),
                    );
                    continue;
                }
            };
            if ctx.text(row, 3).is_some() {
                check_title(ctx, row, 3, known.map(|e| e.title.as_str()));
            }
            read.insert((c, n), audit.remote_checks.len());
            audit.remote_checks.push(RemoteCheck {
                channel: c,
                engagement: n,
                module,
                note,
                comment: ctx.text(row, 9),
                observations: obs,
            });
        }
        ctx.outside_columns(row, REMOTE_HEADERS.len(), &owner);
    }
}

fn target(ctx: &Ctx<'_>, row: usize) -> Option<EcartTarget> {
    if let Some(n) = whole::<u16>(ctx, row, 0).and_then(EngagementNumber::new) {
        return Some(EcartTarget::Engagement(n));
    }
    let text = ctx.text(row, 0)?;
    let (name, number) = text.trim().rsplit_once(char::is_whitespace)?;
    let s = section(name)?;
    let item = number.trim().parse::<u8>().ok()?;
    Some(EcartTarget::Management(ManagementItemId::new(s, item)))
}

/// Reads the state of a fiche d'écart (columns H to J): open when empty; a state not understood,
/// or lifted / not lifted without date, is reported and read as open.
fn status(ctx: &mut Ctx<'_>, row: usize, fiche: &Owner) -> ActionStatus {
    let field = || (fiche.clone(), ".status");
    let note = ctx.text(row, 9).unwrap_or_default();
    let on = ctx.date(row, 8, "date of the state", field());
    let Some(word) = ctx.text(row, 7) else {
        if !note.is_empty() {
            ctx.unused_cell(
                row,
                9,
                "evidence or reason without a state (levé or non levé)",
                field(),
            );
        }
        return ActionStatus::Open;
    };
    let Some(state) = ActionState::parse(&word) else {
        ctx.unused_cell(
            row,
            7,
            "state not one of ouvert, en cours, levé, non levé; read as ouvert",
            field(),
        );
        return ActionStatus::Open;
    };
    let has_note = matches!(state, ActionState::Lifted | ActionState::NotLifted);
    if !has_note && !note.is_empty() {
        ctx.unused_cell(
            row,
            9,
            "evidence or reason of a state neither levé nor non levé",
            field(),
        );
    }
    let note = if has_note { note } else { String::new() };
    if let Some(status) = state.status(on, note) {
        status
    } else {
        ctx.unused_cell(
            row,
            7,
            "levé or non levé needs its date (column I); read as ouvert",
            field(),
        );
        ctx.unused_cell(
            row,
            9,
            "evidence or reason of a state read as ouvert",
            field(),
        );
        ActionStatus::Open
    }
}

/// Reads the fiches d'écart sheet.
pub(crate) fn ecarts(ctx: &mut Ctx<'_>, audit: &mut Audit) {
    for row in ctx.data_rows(&ECART_HEADERS) {
        let grade = ctx.text(row, 1).and_then(|t| t.parse::<NcGrade>().ok());
        let (Some(t), Some(grade)) = (target(ctx, row), grade) else {
            ctx.unused_from(row, 0, "a fiche d'écart needs a target (column A: an engagement number, or pilotage N / labellisation N) and a grade (column B: NC min or NC Maj)");
            continue;
        };
        let owner = Owner::Path(format!("ecarts[{}]", audit.ecarts.len()));
        let due = ctx.date(row, 5, "échéance", (owner.clone(), ".due"));
        let mut fiche = FicheEcart::new(t, grade, ctx.text(row, 2).unwrap_or_default());
        fiche.requirement = ctx.text(row, 3).unwrap_or_default();
        fiche.corrective_action = ctx.text(row, 4);
        fiche.due = due;
        fiche.leader = ctx.text(row, 6);
        fiche.status = status(ctx, row, &owner);
        audit.ecarts.push(fiche);
        ctx.outside_columns(row, ECART_HEADERS.len(), &owner);
    }
}

/// Reads the conclusion sheet: column A names the section (an empty cell continues the one
/// above), column B holds one paragraph.
pub(crate) fn conclusion(ctx: &mut Ctx<'_>, audit: &mut Audit) {
    let c = &mut audit.conclusion;
    let mut current: Option<usize> = None;
    for row in ctx.data_rows(&CONCLUSION_HEADERS) {
        if let Some(label) = ctx.text(row, 0) {
            let k = key(&label);
            if k == key(CHARTE_VERDICT) {
                let owner = Owner::path("conclusion.charte_graphique");
                c.charte_graphique.verdict = verdict(ctx, row, 1, &owner);
                ctx.unused_from(row, 2, "outside the grid's columns");
                continue;
            }
            current = CONCLUSION_SECTIONS.iter().position(|s| key(s) == k);
            if current.is_none() {
                ctx.unused_from(row, 0, "not a section of the conclusion");
                continue;
            }
        }
        let Some(text) = ctx.text(row, 1) else {
            if current.is_none() {
                ctx.unused_from(row, 0, "not under a section of the conclusion");
            }
            ctx.unused_from(row, 2, "outside the grid's columns");
            continue;
        };
        let list = match current {
            Some(0) => &mut c.points_forts,
            Some(1) => &mut c.points_sensibles,
            Some(2) => &mut c.pistes_de_progres,
            Some(3) => &mut c.fiches_ecart,
            Some(4) => &mut c.commentaires,
            Some(5) => &mut c.bonnes_pratiques,
            Some(6) => &mut c.enquetes_satisfaction,
            Some(7) => &mut c.charte_graphique.text,
            Some(8) => &mut c.conclusion_generale,
            _ => {
                ctx.unused_from(row, 1, "not under a section of the conclusion");
                continue;
            }
        };
        list.push(text);
        ctx.unused_from(row, 2, "outside the grid's columns");
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
