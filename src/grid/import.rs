//! Builds an audit from the sheets of a grid: the `_qualepref` sheet, the page de garde, then
//! each sheet by its name. Every non-empty cell is used, or reported and kept in the audit's
//! `unread`.

use std::collections::HashSet;

use crate::grid::cells::{SheetData, Value, cell_name};
use crate::grid::items;
use crate::grid::layout;
use crate::grid::unread::{Owner, Pending, Places};
use crate::grid::{GridDiagnostic, GridImport};
use crate::text::key;
use crate::{Error, ImportLevel, Referentiel};

/// What the reader found to say: its diagnostics, and the cells it kept unread.
#[derive(Default)]
pub(crate) struct Found {
    pub(crate) diagnostics: Vec<GridDiagnostic>,
    pub(crate) unread: Vec<Pending>,
    /// The cell and text of each entry of `unread`, so that a text is kept once (a set: a
    /// hostile grid may hold millions of cells).
    kept: HashSet<(String, String)>,
}

/// Reports into the import's diagnostics, naming the sheet and cell.
pub(crate) struct Ctx<'a> {
    pub(crate) sheet: &'a SheetData,
    pub(crate) found: &'a mut Found,
    /// The part of the audit the sheet holds (`assessments`), the field of a cell that belongs
    /// to no field.
    pub(crate) part: &'static str,
}

impl Ctx<'_> {
    /// A diagnostic about cell `row`, `col` (0-based).
    pub(crate) fn note(&mut self, level: ImportLevel, row: usize, col: usize, message: String) {
        self.found.diagnostics.push(GridDiagnostic {
            level,
            cell: cell_name(&self.sheet.name, row, col),
            message,
        });
    }

    /// Reports `text` of cell `row`, `col` with `message` at `level`, and keeps it as unread
    /// for `field`: every value the reader does not use goes through here or [`Ctx::keep`].
    pub(crate) fn not_read(
        &mut self,
        (level, message): (ImportLevel, String),
        row: usize,
        col: usize,
        field: (Owner, &'static str),
        text: String,
    ) {
        self.note(level, row, col, message);
        self.keep_text(row, col, field, text);
    }

    /// Keeps `text` of cell `row`, `col` as unread, meant for `owner` then `suffix`; a text
    /// already kept from that cell is kept once.
    fn keep_text(
        &mut self,
        row: usize,
        col: usize,
        (owner, suffix): (Owner, &'static str),
        text: String,
    ) {
        let cell = cell_name(&self.sheet.name, row, col);
        if self.found.kept.insert((cell.clone(), text.clone())) {
            self.found.unread.push(Pending {
                owner,
                suffix,
                text,
                cell,
            });
        }
    }

    /// Keeps the text of cell `row`, `col`, if any, as unread, meant for `field`.
    pub(crate) fn keep(&mut self, row: usize, col: usize, field: (Owner, &'static str)) {
        if let Some(text) = self.text(row, col) {
            self.keep_text(row, col, field, text);
        }
    }

    /// Reports the one cell `col` of `row` as not used, with `why`, and keeps it for `field`.
    pub(crate) fn unused_cell(
        &mut self,
        row: usize,
        col: usize,
        why: &str,
        field: (Owner, &'static str),
    ) {
        if let Some(text) = self.text(row, col) {
            let message = format!("{why}, not used: {text:?}");
            self.not_read((ImportLevel::Skipped, message), row, col, field, text);
        }
    }

    /// The date in cell `row`, `col`, if any; a cell that holds no date of the grid's years
    /// (a text that is no date, `18/11/19`, a serial number of the year 1899) is reported with
    /// why, and kept for `field`.
    pub(crate) fn date(
        &mut self,
        row: usize,
        col: usize,
        what: &str,
        field: (Owner, &'static str),
    ) -> Option<chrono::NaiveDate> {
        let value = self.value(row, col);
        if value.is_empty() {
            return None;
        }
        match value.date() {
            Ok(day) => Some(day),
            Err(why) => {
                self.unused_cell(row, col, &format!("{what}: {why}"), field);
                None
            }
        }
    }

    /// Reports every non-empty cell of `row` from column `from` on as not used, with `why`,
    /// and keeps each for the sheet's part of the audit.
    pub(crate) fn unused_from(&mut self, row: usize, from: usize, why: &str) {
        self.unused_from_for(row, from, why, &Owner::path(self.part));
    }

    /// Reports every non-empty cell of the row of `owner` from column `from` on as outside
    /// the grid's columns, and keeps each for `owner`.
    pub(crate) fn outside_columns(&mut self, row: usize, from: usize, owner: &Owner) {
        self.unused_from_for(row, from, "outside the grid's columns", owner);
    }

    fn unused_from_for(&mut self, row: usize, from: usize, why: &str, owner: &Owner) {
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
            let message = format!("{why}, not used: {text:?}");
            self.not_read(
                (ImportLevel::Skipped, message),
                row,
                col,
                (owner.clone(), ""),
                text,
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
    let mut found = Found::default();
    let meta = sheets
        .iter()
        .find(|s| s.name.eq_ignore_ascii_case(layout::META_SHEET))
        .ok_or(Error::InvalidValue {
            what: "audit grid",
            value: String::from("workbook"),
            reason: "it has no _qualepref sheet: not a grid written by qualepref",
        })?;
    read_meta(meta, referentiel, &mut found)?;
    let cover_sheet = sheets
        .iter()
        .find(|s| key(&s.name) == key(layout::COVER_SHEET))
        .ok_or(Error::InvalidValue {
            what: "audit grid",
            value: String::from(layout::COVER_SHEET),
            reason: "the grid has no page de garde sheet",
        })?;
    let mut audit = crate::grid::cover::read_cover(
        &mut Ctx {
            sheet: cover_sheet,
            found: &mut found,
            part: COVER_PART,
        },
        referentiel,
    )?;
    let mut module_sheets = Vec::new();
    for sheet in sheets {
        if std::ptr::eq(sheet, meta) || std::ptr::eq(sheet, cover_sheet) {
            continue;
        }
        let name = key(&sheet.name);
        let module = layout::sheet_module(&sheet.name);
        let part = if module.is_some() {
            "assessments"
        } else if name == key(layout::MANAGEMENT_SHEET) {
            "management"
        } else if name == key(layout::REMOTE_SHEET) {
            "remote_checks"
        } else if name == key(layout::ECARTS_SHEET) {
            "ecarts"
        } else if name == key(layout::CONCLUSION_SHEET) {
            "conclusion"
        } else {
            OUTSIDE_PART
        };
        let mut ctx = Ctx {
            sheet,
            found: &mut found,
            part,
        };
        match (module, part) {
            (Some(module), _) => {
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
            }
            (None, "management") => items::management(&mut ctx, referentiel, &mut audit),
            (None, "remote_checks") => items::remote(&mut ctx, referentiel, &mut audit),
            (None, "ecarts") => items::ecarts(&mut ctx, &mut audit),
            (None, "conclusion") => items::conclusion(&mut ctx, &mut audit),
            (None, _) => {
                for row in 0..sheet.rows.len() {
                    ctx.unused_from(row, 0, "sheet not part of the grid");
                }
            }
        }
    }
    if audit.modules.is_empty() && !module_sheets.is_empty() {
        audit.modules = module_sheets;
        found.diagnostics.push(GridDiagnostic {
            level: ImportLevel::Guessed,
            cell: cell_name(layout::COVER_SHEET, 0, 1),
            message: "no modules covered given; the module sheets' modules used".to_owned(),
        });
    }
    items::sort(&mut audit, referentiel);
    // Field paths name assessments by their place, known only now that they are sorted.
    let places = Places::of(&audit);
    audit.unread = found.unread.iter().map(|p| p.resolve(&places)).collect();
    Ok(GridImport {
        audit,
        diagnostics: found.diagnostics,
    })
}

/// The field of a page de garde cell that belongs to no field.
const COVER_PART: &str = "page de garde";
/// The field of a cell outside the grid's parts: a sheet not part of it, a row of the
/// `_qualepref` sheet it does not know.
pub(crate) const OUTSIDE_PART: &str = "grid";

fn read_meta(meta: &SheetData, referentiel: &Referentiel, found: &mut Found) -> Result<(), Error> {
    let mut ctx = Ctx {
        sheet: meta,
        found,
        part: OUTSIDE_PART,
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
