//! Reads the page de garde: the site, the audit's kind and dates, the modules covered, the
//! context and the auditors.

use std::collections::HashMap;

use crate::grid::cells::{Value, cut};
use crate::grid::import::{COVER_PART, Ctx};
use crate::grid::layout::{self, cover};
use crate::grid::phrases::{Day, Msg, What, Why};
use crate::grid::unread::{Owner, Rival};
use crate::model::site::ContextFigures;
use crate::text::{key, loose};
use crate::{
    AdministrationType, Audit, AuditDates, AuditKind, AuditType, Auditor, AuditorSynthesis,
    Context, Departement, Error, ImportLevel, LabellingDecision, ModuleNumber, Referentiel,
    ReferentielRef, Site,
};

/// A value the page de garde must give: an audit cannot be built without it. When the cell
/// was there but not understood (kept unread for `field`), the error names its text and cell.
fn required<T>(
    ctx: &Ctx<'_>,
    value: Option<T>,
    field: &'static str,
    (missing, not_understood): (&'static str, &'static str),
) -> Result<T, Error> {
    let Some(value) = value else {
        let unread = ctx
            .found
            .unread
            .iter()
            .find(|p| p.owner == Owner::path(field));
        return Err(match unread {
            Some(p) => Error::InvalidValue {
                what: "audit grid cell",
                value: format!("{}: {}", p.cell, cut(&p.text)),
                reason: not_understood,
            },
            None => Error::InvalidValue {
                what: "audit grid",
                value: String::from(layout::COVER_SHEET),
                reason: missing,
            },
        });
    };
    Ok(value)
}

#[derive(Default)]
struct Cover {
    administration: Option<AdministrationType>,
    name: Option<String>,
    departement: Option<Departement>,
    city: Option<String>,
    audit_type: Option<AuditType>,
    internal: bool,
    referentiel: Option<String>,
    label: Option<String>,
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
    external_on: Option<chrono::NaiveDate>,
    decided_on: Option<chrono::NaiveDate>,
    /// The day the plan d'actions was accepted, and its row.
    plan_accepted_on: Option<(chrono::NaiveDate, usize)>,
    modules: Vec<ModuleNumber>,
    figures: ContextFigures,
    context: Context,
    auditors: Vec<Auditor>,
}

pub(crate) fn read_cover(ctx: &mut Ctx<'_>, referentiel: &Referentiel) -> Result<Audit, Error> {
    let mut c = Cover::default();
    // The row of each label met, which a second row of a label that stands once competes
    // with.
    let mut first: HashMap<String, usize> = HashMap::new();
    for row in ctx.data_rows(&["Rubrique", "Valeur"]) {
        let Some(label) = ctx.text(row, 0) else {
            ctx.unused_from(row, 1, &Why::NoLabel);
            continue;
        };
        let label = key(&label);
        let repeated = [
            cover::ORGANISATION,
            cover::HISTORY,
            cover::AUDITOR,
            cover::AUDITORS,
        ];
        if !repeated.iter().any(|l| key(l) == label) {
            if let Some(&earlier) = first.get(&label) {
                second_row(ctx, row, earlier);
                continue;
            }
            first.insert(label.clone(), row);
        }
        let used = cover_row(ctx, row, &label, &mut c);
        ctx.unused_from(row, used, &Why::OutsideColumns);
    }
    let site = Site {
        administration: required(
            ctx,
            c.administration,
            "site.administration",
            (
                "the type d'administration is missing",
                "not a type d'administration (Préfecture, Sous-préfecture, Préfecture de police, Haut-commissariat), which the audit needs",
            ),
        )?,
        name: c.name,
        departement: required(
            ctx,
            c.departement,
            "site.departement",
            (
                "the département is missing",
                "not a département code (83, 2A, 971), which the audit needs",
            ),
        )?,
        city: required(
            ctx,
            c.city,
            "site.city",
            (
                "the ville is missing",
                "reads as an assessment (a verdict, an observation), not as the ville, which the \
                 audit needs",
            ),
        )?,
    };
    let start = required(
        ctx,
        c.start,
        "dates.start",
        (
            "the date de début is missing",
            "not a date (18/11/2019, 2019-11-18), and the audit needs its date de début",
        ),
    )?;
    let end = c.end.unwrap_or_else(|| {
        ctx.note(
            ImportLevel::Guessed,
            0,
            1,
            Msg::of(|p| p.one_day.to_owned()),
        );
        start
    });
    let labelling = match (c.decided_on, c.plan_accepted_on) {
        (Some(day), plan) => {
            let decision = LabellingDecision::on(day);
            Some(match plan {
                Some((plan, _)) => decision.with_plan_accepted_on(plan),
                None => decision,
            })
        }
        (None, Some((_, row))) => {
            // A plan accepted without the decision it follows: kept, not lost.
            let field = (Owner::path("labelling.plan_accepted_on"), "");
            ctx.unused_cell(row, 1, &Why::PlanWithoutDecision, field);
            None
        }
        (None, None) => None,
    };
    let id = c.referentiel.unwrap_or_else(|| referentiel.id().to_owned());
    let mut context = c.context;
    context.figures = c.figures;
    Ok(Audit {
        referentiel: ReferentielRef { id, label: c.label },
        site,
        kind: AuditKind {
            audit_type: c.audit_type,
            internal: c.internal,
            external_on: c.external_on,
        },
        dates: AuditDates::new(start, end),
        auditors: c.auditors,
        modules: c.modules,
        context,
        assessments: Vec::new(),
        management: Vec::new(),
        remote_checks: Vec::new(),
        ecarts: Vec::new(),
        conclusion: AuditorSynthesis::default(),
        labelling,
        unread: Vec::new(),
    })
}

/// Keeps the cells of `row`, a second row of a label that stands once, each competing with the
/// cell of the same column in the `earlier` row: neither value wins.
fn second_row(ctx: &mut Ctx<'_>, row: usize, earlier: usize) {
    ctx.mark(row, 0);
    let width = ctx.sheet.rows.get(row).map_or(0, Vec::len);
    for col in 1..width {
        let Some(text) = ctx.text(row, col) else {
            continue;
        };
        let first = ctx.cell(earlier, col);
        let message = Msg::of(|p| (p.second_row)(&first, &text));
        ctx.not_read_against(
            (ImportLevel::Warning, message),
            (row, col),
            (Owner::path(COVER_PART), ""),
            text,
            Some(Rival::Cell(first)),
        );
    }
}

/// A free text of the page de garde in column B of `row`, meant for `field`.
fn text_of(ctx: &mut Ctx<'_>, row: usize, what: What, field: &'static str) -> Option<String> {
    ctx.free_text((row, 1), what, (Owner::path(field), ""), None, None)
}

/// Reads one row of the page de garde; returns the first column not used.
fn cover_row(ctx: &mut Ctx<'_>, row: usize, label: &str, c: &mut Cover) -> usize {
    let text = ctx.text(row, 1);
    let is = |l: &str| key(l) == label;
    let parsed = |ctx: &mut Ctx<'_>, what: What, ok: bool, field: &'static str| {
        if ok {
            ctx.mark(row, 1);
        } else if let Some(t) = ctx.text(row, 1) {
            let message = Msg::of(|p| (p.not_understood)(what, &t));
            ctx.not_read(
                (ImportLevel::Warning, message),
                row,
                1,
                (Owner::path(field), ""),
                t,
            );
        }
    };
    let known = [
        cover::ADMINISTRATION,
        cover::NAME,
        cover::DEPARTEMENT,
        cover::CITY,
        cover::AUDIT_TYPE,
        cover::INTERNAL,
        cover::REFERENTIEL,
        cover::REFERENTIEL_LABEL,
        cover::START,
        cover::END,
        cover::EXTERNAL_ON,
        cover::DECIDED_ON,
        cover::PLAN_ACCEPTED_ON,
        cover::MODULES,
        cover::POPULATION,
        cover::COMMUNES,
        cover::ARRONDISSEMENTS,
        cover::STAFF,
        cover::ORGANISATION,
        cover::HISTORY,
        cover::AUDITORS,
        cover::AUDITOR,
    ];
    if !known.iter().any(|l| is(l)) {
        ctx.unused_from(row, 0, &Why::NotCoverLabel);
        return usize::MAX;
    }
    ctx.mark(row, 0);
    if is(cover::ADMINISTRATION) {
        c.administration = text.as_deref().and_then(administration);
        parsed(
            ctx,
            What::Administration,
            c.administration.is_some(),
            "site.administration",
        );
    } else if is(cover::NAME) {
        c.name = text_of(ctx, row, What::SiteName, "site.name");
    } else if is(cover::DEPARTEMENT) {
        // A spreadsheet turns `05` typed in a cell into the number 5.
        let text = match ctx.value(row, 1) {
            Value::Number(_) => ctx.value(row, 1).as_whole().map(|n| format!("{n:02}")),
            _ => text,
        };
        c.departement = text.as_deref().and_then(|t| t.parse().ok());
        parsed(
            ctx,
            What::Departement,
            c.departement.is_some(),
            "site.departement",
        );
    } else if is(cover::CITY) {
        c.city = text_of(ctx, row, What::City, "site.city");
    } else if is(cover::AUDIT_TYPE) {
        c.audit_type = text.as_deref().and_then(audit_type);
        parsed(ctx, What::AuditType, c.audit_type.is_some(), "kind.type");
    } else if is(cover::INTERNAL) {
        let flag = text.as_deref().map(key);
        c.internal = matches!(flag.as_deref(), Some("oui" | "yes" | "true" | "vrai" | "1"));
        let known = matches!(
            flag.as_deref(),
            None | Some(
                "oui" | "yes" | "true" | "vrai" | "1" | "non" | "no" | "false" | "faux" | "0"
            )
        ) || matches!(ctx.value(row, 1), Value::Bool(_));
        c.internal |= matches!(ctx.value(row, 1), Value::Bool(true));
        parsed(ctx, What::Internal, known, "kind.internal");
    } else if is(cover::REFERENTIEL) {
        c.referentiel = text_of(ctx, row, What::Referentiel, "referentiel.id");
    } else if is(cover::REFERENTIEL_LABEL) {
        c.label = text_of(ctx, row, What::ReferentielLabel, "referentiel.label");
    } else if is(cover::START) {
        c.start = ctx.date(row, 1, Day::Start, (Owner::path("dates.start"), ""));
    } else if is(cover::END) {
        c.end = ctx.date(row, 1, Day::End, (Owner::path("dates.end"), ""));
    } else if is(cover::EXTERNAL_ON) {
        let field = (Owner::path("kind.external_on"), "");
        c.external_on = ctx.date(row, 1, Day::ExternalOn, field);
    } else if is(cover::DECIDED_ON) {
        let field = (Owner::path("labelling.decided_on"), "");
        c.decided_on = ctx.date(row, 1, Day::DecidedOn, field);
    } else if is(cover::PLAN_ACCEPTED_ON) {
        let field = (Owner::path("labelling.plan_accepted_on"), "");
        c.plan_accepted_on = ctx
            .date(row, 1, Day::PlanAcceptedOn, field)
            .map(|d| (d, row));
    } else if is(cover::MODULES) {
        c.modules = modules(ctx, row);
    } else if is(cover::POPULATION) {
        c.figures.population = figure(ctx, row, "context.figures.population");
    } else if is(cover::COMMUNES) {
        c.figures.communes =
            figure(ctx, row, "context.figures.communes").and_then(|n| u32::try_from(n).ok());
    } else if is(cover::ARRONDISSEMENTS) {
        c.figures.arrondissements =
            figure(ctx, row, "context.figures.arrondissements").and_then(|n| u32::try_from(n).ok());
    } else if is(cover::STAFF) {
        c.figures.staff =
            figure(ctx, row, "context.figures.staff").and_then(|n| u32::try_from(n).ok());
    } else if is(cover::ORGANISATION) {
        let what = What::Organisation;
        c.context
            .organisation
            .extend(text_of(ctx, row, what, "context.organisation"));
    } else if is(cover::HISTORY) {
        let what = What::History;
        c.context
            .history
            .extend(text_of(ctx, row, what, "context.history"));
    } else if is(cover::AUDITORS) {
        // The header of the auditors' table: its column headers are the layout.
        for (col, header) in cover::AUDITOR_HEADERS.iter().enumerate() {
            match ctx.text(row, col + 1) {
                Some(t) if loose(&t) == loose(header) => ctx.mark(row, col + 1),
                Some(_) => {
                    ctx.unused_cell(row, col + 1, &Why::NotHeader, (Owner::path(COVER_PART), ""));
                }
                None => {}
            }
        }
        return 6;
    } else {
        auditor(ctx, row, c);
        return 6;
    }
    2
}

fn auditor(ctx: &mut Ctx<'_>, row: usize, c: &mut Cover) {
    let at = format!("auditors[{}]", c.auditors.len());
    let field = |suffix| (Owner::Path(at.clone()), suffix);
    let Some(name) = ctx.free_text((row, 1), What::AuditorName, field(".name"), None, None) else {
        for col in 2..6 {
            ctx.unused_cell(
                row,
                col,
                &Why::AuditorWithoutName,
                (Owner::path("auditors"), ""),
            );
        }
        return;
    };
    let role = ctx.free_text((row, 2), What::AuditorRole, field(".role"), None, None);
    let phone = ctx.free_text((row, 3), What::Phone, field(".phone"), None, None);
    let email = ctx.free_text((row, 4), What::Email, field(".email"), None, None);
    let signed_on = ctx.date(row, 5, Day::Signed, field(".signed_on"));
    c.auditors.push(Auditor {
        name,
        role,
        phone,
        email,
        signed_on,
    });
}

fn figure(ctx: &mut Ctx<'_>, row: usize, field: &'static str) -> Option<u64> {
    let value = ctx.value(row, 1);
    let n = value.as_whole();
    if n.is_some() {
        ctx.mark(row, 1);
    } else if !value.is_empty() {
        ctx.unused_cell(row, 1, &Why::NotWhole, (Owner::path(field), ""));
    }
    n
}

/// The modules covered, in column B of `row`: numbers separated by commas, spaces, `;` or
/// `/`; a part that is no module number is kept. A cell that reads as an assessment as a
/// whole (`NC Maj`) is kept whole, not cut into parts that carry nothing.
fn modules(ctx: &mut Ctx<'_>, row: usize) -> Vec<ModuleNumber> {
    let mut modules = Vec::new();
    let what = What::Modules;
    let field = (Owner::path("modules"), "");
    let Some(text) = ctx.free_text((row, 1), what, field, None, None) else {
        return modules;
    };
    for part in text.split([',', ';', ' ', '/']).filter(|p| !p.is_empty()) {
        match part.parse::<u8>().ok().and_then(ModuleNumber::new) {
            Some(m) if !modules.contains(&m) => modules.push(m),
            Some(_) => {}
            None => ctx.not_read(
                (ImportLevel::Warning, Msg::of(|p| (p.not_a_module)(part))),
                row,
                1,
                (Owner::path("modules"), ""),
                part.to_owned(),
            ),
        }
    }
    modules
}

fn administration(text: &str) -> Option<AdministrationType> {
    let k = key(text);
    AdministrationType::ALL
        .iter()
        .copied()
        .find(|a| key(a.label_fr()) == k || key(a.code()) == k)
}

fn audit_type(text: &str) -> Option<AuditType> {
    let k = key(text);
    AuditType::ALL
        .iter()
        .copied()
        .find(|t| key(t.code()) == k || key(t.label_fr()) == k)
}
