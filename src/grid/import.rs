//! Builds an audit from the sheets of a grid: the `_qualepref` sheet, the page de garde, then
//! each sheet by its name. Every non-empty cell is used or reported.

use crate::grid::cells::{SheetData, Value, cell_name};
use crate::grid::items;
use crate::grid::layout::{self, cover};
use crate::grid::{GridDiagnostic, GridImport};
use crate::model::site::ContextFigures;
use crate::text::key;
use crate::{
    AdministrationType, Audit, AuditDates, AuditKind, AuditType, Auditor, AuditorSynthesis,
    Context, Departement, Error, ImportLevel, ModuleNumber, Referentiel, ReferentielRef, Site,
};

/// Reports into the import's diagnostics, naming the sheet and cell.
pub(crate) struct Ctx<'a> {
    pub(crate) sheet: &'a SheetData,
    pub(crate) diagnostics: &'a mut Vec<GridDiagnostic>,
}

impl Ctx<'_> {
    /// A diagnostic about cell `row`, `col` (0-based).
    pub(crate) fn note(&mut self, level: ImportLevel, row: usize, col: usize, message: String) {
        self.diagnostics.push(GridDiagnostic {
            level,
            cell: cell_name(&self.sheet.name, row, col),
            message,
        });
    }

    /// Reports every non-empty cell of `row` from column `from` on as not used, with `why`.
    pub(crate) fn unused_from(&mut self, row: usize, from: usize, why: &str) {
        let cells: Vec<(usize, String)> = self
            .sheet
            .rows
            .get(row)
            .map(|cells| {
                cells
                    .iter()
                    .enumerate()
                    .skip(from)
                    .filter_map(|(c, v)| v.as_text().map(|t| (c, t)))
                    .collect()
            })
            .unwrap_or_default();
        for (col, text) in cells {
            self.note(
                ImportLevel::Skipped,
                row,
                col,
                format!("{why}, not used: {text:?}"),
            );
        }
    }

    /// The cell's text, if any.
    pub(crate) fn text(&self, row: usize, col: usize) -> Option<String> {
        self.sheet.get(row, col).as_text()
    }

    /// The cell's value.
    pub(crate) fn value(&self, row: usize, col: usize) -> &Value {
        self.sheet.get(row, col)
    }

    /// The data rows: not the title (a row 1 with only A1 filled), not a header row (its first
    /// two cells are the first two `headers`), not empty.
    pub(crate) fn data_rows(&self, headers: &[&str]) -> Vec<usize> {
        let head: Vec<String> = headers.iter().take(2).map(|h| key(h)).collect();
        (0..self.sheet.rows.len())
            .filter(|&r| {
                let cells = self.sheet.rows.get(r).map_or(&[][..], Vec::as_slice);
                let filled = cells.iter().filter(|v| !v.is_empty()).count();
                let title = r == 0 && filled == 1 && !self.value(0, 0).is_empty();
                let header =
                    (0..2).all(|c| self.text(r, c).map(|t| key(&t)).as_ref() == head.get(c));
                filled > 0 && !title && !header
            })
            .collect()
    }
}

/// The audit of the grid in `sheets`, read against `referentiel`.
pub(crate) fn audit(sheets: &[SheetData], referentiel: &Referentiel) -> Result<GridImport, Error> {
    let mut diagnostics = Vec::new();
    let meta = sheets
        .iter()
        .find(|s| s.name.eq_ignore_ascii_case(layout::META_SHEET))
        .ok_or(Error::InvalidValue {
            what: "audit grid",
            value: String::from("workbook"),
            reason: "it has no _qualepref sheet: not a grid written by qualepref",
        })?;
    read_meta(meta, referentiel, &mut diagnostics)?;
    let cover_sheet = sheets
        .iter()
        .find(|s| key(&s.name) == key(layout::COVER_SHEET))
        .ok_or(Error::InvalidValue {
            what: "audit grid",
            value: String::from(layout::COVER_SHEET),
            reason: "the grid has no page de garde sheet",
        })?;
    let mut audit = read_cover(
        &mut Ctx {
            sheet: cover_sheet,
            diagnostics: &mut diagnostics,
        },
        referentiel,
    )?;
    let mut module_sheets = Vec::new();
    for sheet in sheets {
        let name = key(&sheet.name);
        let mut ctx = Ctx {
            sheet,
            diagnostics: &mut diagnostics,
        };
        if std::ptr::eq(sheet, meta) || std::ptr::eq(sheet, cover_sheet) {
            continue;
        }
        if let Some(module) = layout::sheet_module(&sheet.name) {
            module_sheets.push(module);
            let before = audit.assessments.len();
            items::module(&mut ctx, referentiel, module, &mut audit);
            let covered = audit.modules.is_empty() || audit.covers(module);
            if !covered && audit.assessments.len() > before {
                let modules: Vec<String> =
                    audit.modules.iter().map(|m| m.get().to_string()).collect();
                ctx.note(
                    ImportLevel::Warning,
                    0,
                    0,
                    format!(
                        "module {} is not among the modules covered on the page de garde ({}), but its sheet has rows",
                        module.get(),
                        modules.join(", ")
                    ),
                );
            }
        } else if name == key(layout::MANAGEMENT_SHEET) {
            items::management(&mut ctx, referentiel, &mut audit);
        } else if name == key(layout::REMOTE_SHEET) {
            items::remote(&mut ctx, referentiel, &mut audit);
        } else if name == key(layout::ECARTS_SHEET) {
            items::ecarts(&mut ctx, &mut audit);
        } else if name == key(layout::CONCLUSION_SHEET) {
            items::conclusion(&mut ctx, &mut audit);
        } else {
            for row in 0..sheet.rows.len() {
                ctx.unused_from(row, 0, "sheet not part of the grid");
            }
        }
    }
    if audit.modules.is_empty() && !module_sheets.is_empty() {
        audit.modules = module_sheets;
        diagnostics.push(GridDiagnostic {
            level: ImportLevel::Guessed,
            cell: cell_name(layout::COVER_SHEET, 0, 1),
            message: "no modules covered given; the module sheets' modules used".to_owned(),
        });
    }
    items::sort(&mut audit, referentiel);
    Ok(GridImport { audit, diagnostics })
}

fn read_meta(
    meta: &SheetData,
    referentiel: &Referentiel,
    diagnostics: &mut Vec<GridDiagnostic>,
) -> Result<(), Error> {
    let mut ctx = Ctx {
        sheet: meta,
        diagnostics,
    };
    for row in 0..meta.rows.len() {
        let label = ctx.text(row, 0).map(|t| key(&t)).unwrap_or_default();
        let value = ctx.text(row, 1).unwrap_or_default();
        if label == key(layout::META_FORMAT) {
            if value != layout::FORMAT {
                return Err(Error::InvalidValue {
                    what: "audit grid format",
                    value,
                    reason: "this version reads qualepref-grid/1",
                });
            }
        } else if label == key(layout::META_REFERENTIEL) {
            if value != referentiel.id() {
                ctx.note(
                    ImportLevel::Warning,
                    row,
                    1,
                    format!(
                        "the grid was made for référentiel {value:?}, read against {:?}",
                        referentiel.id()
                    ),
                );
            }
        } else {
            ctx.unused_from(row, 0, "not part of the grid's own data");
            continue;
        }
        ctx.unused_from(row, 2, "outside the grid's columns");
    }
    Ok(())
}

/// A value the page de garde must give: an audit cannot be built without it.
fn required<T>(value: Option<T>, reason: &'static str) -> Result<T, Error> {
    value.ok_or(Error::InvalidValue {
        what: "audit grid",
        value: String::from(layout::COVER_SHEET),
        reason,
    })
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
    modules: Vec<ModuleNumber>,
    figures: ContextFigures,
    context: Context,
    auditors: Vec<Auditor>,
}

fn read_cover(ctx: &mut Ctx<'_>, referentiel: &Referentiel) -> Result<Audit, Error> {
    let mut c = Cover::default();
    let mut seen: Vec<String> = Vec::new();
    for row in ctx.data_rows(&["Rubrique", "Valeur"]) {
        let Some(label) = ctx.text(row, 0) else {
            ctx.unused_from(row, 1, "no label in column A");
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
            if seen.contains(&label) {
                ctx.unused_from(row, 1, "a second row with this label");
                continue;
            }
            seen.push(label.clone());
        }
        let used = cover_row(ctx, row, &label, &mut c);
        ctx.unused_from(row, used, "outside the grid's columns");
    }
    let site = Site {
        administration: required(c.administration, "the type d'administration is missing")?,
        name: c.name,
        departement: required(c.departement, "the département is missing")?,
        city: required(c.city, "the ville is missing")?,
    };
    let start = required(c.start, "the date de début is missing")?;
    let end = c.end.unwrap_or_else(|| {
        ctx.note(
            ImportLevel::Guessed,
            0,
            1,
            "no date de fin: a one-day audit".to_owned(),
        );
        start
    });
    let id = c.referentiel.unwrap_or_else(|| referentiel.id().to_owned());
    let mut context = c.context;
    context.figures = c.figures;
    Ok(Audit {
        referentiel: ReferentielRef { id, label: c.label },
        site,
        kind: AuditKind {
            audit_type: c.audit_type,
            internal: c.internal,
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
        unread: Vec::new(),
    })
}

/// Reads one row of the page de garde; returns the first column not used.
fn cover_row(ctx: &mut Ctx<'_>, row: usize, label: &str, c: &mut Cover) -> usize {
    let text = ctx.text(row, 1);
    let is = |l: &str| key(l) == label;
    let parsed = |ctx: &mut Ctx<'_>, what: &str, ok: bool| {
        if !ok {
            if let Some(t) = ctx.text(row, 1) {
                ctx.note(
                    ImportLevel::Warning,
                    row,
                    1,
                    format!("{what} {t:?} not understood, not used"),
                );
            }
        }
    };
    if is(cover::ADMINISTRATION) {
        c.administration = text.as_deref().and_then(administration);
        parsed(ctx, "type d'administration", c.administration.is_some());
    } else if is(cover::NAME) {
        c.name = text;
    } else if is(cover::DEPARTEMENT) {
        // A spreadsheet turns `05` typed in a cell into the number 5.
        let text = match ctx.value(row, 1) {
            Value::Number(_) => ctx.value(row, 1).as_whole().map(|n| format!("{n:02}")),
            _ => text,
        };
        c.departement = text.as_deref().and_then(|t| t.parse().ok());
        parsed(ctx, "département", c.departement.is_some());
    } else if is(cover::CITY) {
        c.city = text;
    } else if is(cover::AUDIT_TYPE) {
        c.audit_type = text.as_deref().and_then(audit_type);
        parsed(ctx, "type d'audit", c.audit_type.is_some());
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
        parsed(ctx, "audit interne (oui or non)", known);
    } else if is(cover::REFERENTIEL) {
        c.referentiel = text;
    } else if is(cover::REFERENTIEL_LABEL) {
        c.label = text;
    } else if is(cover::START) || is(cover::END) {
        let day = ctx.value(row, 1).as_date();
        parsed(ctx, "date", day.is_some());
        if is(cover::START) {
            c.start = day;
        } else {
            c.end = day;
        }
    } else if is(cover::MODULES) {
        c.modules = modules(ctx, row);
    } else if is(cover::POPULATION) {
        c.figures.population = figure(ctx, row);
    } else if is(cover::COMMUNES) {
        c.figures.communes = figure(ctx, row).and_then(|n| u32::try_from(n).ok());
    } else if is(cover::ARRONDISSEMENTS) {
        c.figures.arrondissements = figure(ctx, row).and_then(|n| u32::try_from(n).ok());
    } else if is(cover::STAFF) {
        c.figures.staff = figure(ctx, row).and_then(|n| u32::try_from(n).ok());
    } else if is(cover::ORGANISATION) {
        c.context.organisation.extend(text);
    } else if is(cover::HISTORY) {
        c.context.history.extend(text);
    } else if is(cover::AUDITORS) {
        return 6;
    } else if is(cover::AUDITOR) {
        auditor(ctx, row, c);
        return 6;
    } else {
        ctx.unused_from(row, 0, "label not part of the page de garde");
        return usize::MAX;
    }
    2
}

fn auditor(ctx: &mut Ctx<'_>, row: usize, c: &mut Cover) {
    let Some(name) = ctx.text(row, 1) else {
        ctx.unused_from(row, 2, "an auditor without name (column B)");
        return;
    };
    let signed_on = ctx.value(row, 5).as_date();
    if signed_on.is_none() && !ctx.value(row, 5).is_empty() {
        ctx.unused_from(row, 5, "date de signature not understood");
    }
    c.auditors.push(Auditor {
        name,
        role: ctx.text(row, 2),
        phone: ctx.text(row, 3),
        email: ctx.text(row, 4),
        signed_on,
    });
}

fn figure(ctx: &mut Ctx<'_>, row: usize) -> Option<u64> {
    let value = ctx.value(row, 1);
    let n = value.as_whole();
    if n.is_none() && !value.is_empty() {
        ctx.unused_from(row, 1, "not a whole number");
    }
    n
}

fn modules(ctx: &mut Ctx<'_>, row: usize) -> Vec<ModuleNumber> {
    let mut modules = Vec::new();
    let text = ctx.text(row, 1).unwrap_or_default();
    for part in text.split([',', ';', ' ', '/']).filter(|p| !p.is_empty()) {
        match part.parse::<u8>().ok().and_then(ModuleNumber::new) {
            Some(m) if !modules.contains(&m) => modules.push(m),
            Some(_) => {}
            None => ctx.note(
                ImportLevel::Warning,
                row,
                1,
                format!("module {part:?} is not a module number 1–8, not used"),
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
