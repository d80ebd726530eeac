//! Builds an audit from the sheets of a grid: the `_qualepref` sheet, the page de garde, then
//! each sheet by its name. Every non-empty cell is used (placed in the audit, or read as the
//! layout: a title, a header, a label), or reported and kept in the audit's `unread`: each
//! reader marks what it used, and what a sheet's reader left unmarked is kept when the sheet
//! is done. A value that competes with one already filed (a second verdict of an engagement,
//! a verdict in a comment's cell, a copy of a module's sheet) is kept with the cell of that
//! value, so that validation refuses the audit naming both; a formula is reported, and one in
//! a cell of an assessment is kept rather than its cached value read.

use std::collections::{HashMap, HashSet};

use crate::grid::cells::{SheetData, Value, cell_name, cut};
use crate::grid::items;
use crate::grid::layout;
use crate::grid::phrases::{Day, Msg, Why};
use crate::grid::unread::{Owner, Pending, Places, Rival};
use crate::grid::{GridDiagnostic, GridImport};
use crate::text::{key, loose};
use crate::{Carried, EngagementNumber, Error, ImportLevel, ObservationKind, Referentiel};

/// What the reader found to say: its diagnostics, and the cells it kept unread.
#[derive(Default)]
pub(crate) struct Found {
    pub(crate) diagnostics: Vec<GridDiagnostic>,
    pub(crate) unread: Vec<Pending>,
    /// The sheets read so far.
    sheets: usize,
    /// The cell of each value filed, by record and field (`.verdict`, `.comment`): where a later
    /// value competing with it points.
    filed: HashMap<(Owner, &'static str), String>,
    /// The verdict cell of the first row of each engagement, in the first module sheet that has
    /// it: what a copy of the sheet competes with.
    pub(crate) engagements: HashMap<EngagementNumber, String>,
}

/// Reads one sheet: reports into the import's diagnostics naming the sheet and cell, and marks
/// the cells used.
pub(crate) struct Ctx<'a> {
    pub(crate) sheet: &'a SheetData,
    pub(crate) found: &'a mut Found,
    /// The part of the audit the sheet holds (`assessments`), the field of a cell that belongs
    /// to no field.
    pub(crate) part: &'static str,
    /// What became of each cell, row by row: [`UNSEEN`], [`USED`] or [`KEPT`].
    seen: Vec<Vec<u8>>,
    /// The formulas already reported and kept.
    formulas_kept: HashSet<(usize, usize)>,
    /// The sheet's place among the sheets read.
    index: usize,
}

pub(crate) use crate::grid::phrases::What;

impl<'a> Ctx<'a> {
    /// A reader of `sheet`, a part `part` of the audit.
    pub(crate) fn new(sheet: &'a SheetData, found: &'a mut Found, part: &'static str) -> Ctx<'a> {
        let seen = sheet.rows.iter().map(|r| vec![UNSEEN; r.len()]).collect();
        let index = found.sheets;
        found.sheets += 1;
        Ctx {
            sheet,
            found,
            part,
            seen,
            formulas_kept: HashSet::new(),
            index,
        }
    }

    /// A diagnostic about cell `row`, `col` (0-based).
    pub(crate) fn note(&mut self, level: ImportLevel, row: usize, col: usize, message: Msg) {
        self.found.diagnostics.push(GridDiagnostic::new(
            level,
            cell_name(&self.sheet.name, row, col),
            message,
        ));
    }

    /// The cell `row`, `col` is used: placed in the audit, or read as the layout.
    pub(crate) fn mark(&mut self, row: usize, col: usize) {
        self.set_state(row, col, USED);
    }

    fn set_state(&mut self, row: usize, col: usize, state: u8) {
        if let Some(seen) = self.seen.get_mut(row).and_then(|r| r.get_mut(col)) {
            *seen = (*seen).max(state);
        }
    }

    fn state(&self, row: usize, col: usize) -> u8 {
        self.seen
            .get(row)
            .and_then(|r| r.get(col))
            .copied()
            .unwrap_or(UNSEEN)
    }

    fn is_seen(&self, row: usize, col: usize) -> bool {
        self.state(row, col) != UNSEEN
    }

    /// The name of cell `row`, `col` of this sheet: `Module 1!C7`.
    pub(crate) fn cell(&self, row: usize, col: usize) -> String {
        cell_name(&self.sheet.name, row, col)
    }

    /// Records that the value of `owner`'s `field` was filed from cell `row`, `col` (the first
    /// time only), and marks the cell used.
    pub(crate) fn filed(&mut self, row: usize, col: usize, owner: &Owner, field: &'static str) {
        self.mark(row, col);
        let cell = self.cell(row, col);
        self.found
            .filed
            .entry((owner.clone(), field))
            .or_insert(cell);
    }

    /// The verdict cell (or note cell) of the first row of `owner`, recorded when first met:
    /// what a text of a later row that reads as an assessment competes with.
    pub(crate) fn home(&mut self, owner: &Owner, row: usize, col: usize) -> String {
        let cell = self.cell(row, col);
        self.found
            .filed
            .entry((owner.clone(), HOME))
            .or_insert(cell)
            .clone()
    }

    /// The cell `owner`'s `field` was filed from, if it was.
    pub(crate) fn filed_at(&self, owner: &Owner, field: &'static str) -> Option<String> {
        self.found.filed.get(&(owner.clone(), field)).cloned()
    }

    /// Reports `text` of cell `row`, `col` with `message` at `level`, and keeps it as unread
    /// for `field`: every value the reader does not use goes through here or [`Ctx::keep`].
    pub(crate) fn not_read(
        &mut self,
        (level, message): (ImportLevel, Msg),
        row: usize,
        col: usize,
        field: (Owner, &'static str),
        text: String,
    ) {
        self.note(level, row, col, message);
        self.keep_text(row, col, field, text, None);
    }

    /// As [`Ctx::not_read`], the text competing with `rival`.
    pub(crate) fn not_read_against(
        &mut self,
        (level, message): (ImportLevel, Msg),
        (row, col): (usize, usize),
        field: (Owner, &'static str),
        text: String,
        rival: Option<Rival>,
    ) {
        self.note(level, row, col, message);
        self.keep_text(row, col, field, text, rival);
    }

    /// Keeps `text` of cell `row`, `col` as unread, meant for `owner` then `suffix`; a text
    /// already kept from that cell is kept once. The cell is marked.
    fn keep_text(
        &mut self,
        row: usize,
        col: usize,
        (owner, suffix): (Owner, &'static str),
        text: String,
        rival: Option<Rival>,
    ) {
        let cell = self.cell(row, col);
        // A cell kept before is searched for among the entries kept since its row began (a
        // row is read at once), so that a text is kept once.
        let at = (self.index, row, col);
        if self.state(row, col) == KEPT {
            let again = self
                .found
                .unread
                .iter()
                .rev()
                .take_while(|p| p.at.0 == at.0 && p.at.1 == row)
                .any(|p| p.at == at && p.text == text);
            if again {
                return;
            }
        }
        self.set_state(row, col, KEPT);
        self.found.unread.push(Pending {
            owner,
            suffix,
            text,
            cell,
            at,
            rival,
        });
    }

    /// Reports the one cell `col` of `row` as not used, with `why`, and keeps it for `field`.
    pub(crate) fn unused_cell(
        &mut self,
        row: usize,
        col: usize,
        why: &Why,
        field: (Owner, &'static str),
    ) {
        if let Some(text) = self.text(row, col) {
            let message = Msg::of(|p| (p.not_used)(&(p.why)(why), &(p.quote)(&text)));
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
        what: Day,
        field: (Owner, &'static str),
    ) -> Option<chrono::NaiveDate> {
        let value = self.value(row, col);
        if value.is_empty() {
            return None;
        }
        match value.date() {
            Ok(day) => {
                self.mark(row, col);
                Some(day)
            }
            Err(why) => {
                self.unused_cell(row, col, &Why::Date(what, why), field);
                None
            }
        }
    }

    /// Reports every non-empty cell of `row` from column `from` on that is not used yet as
    /// not used, with `why`, and keeps each for the sheet's part of the audit.
    pub(crate) fn unused_from(&mut self, row: usize, from: usize, why: &Why) {
        self.unused_from_for(row, from, why, &Owner::path(self.part));
    }

    /// Reports every non-empty cell of the row of `owner` from column `from` on as outside
    /// the grid's columns, and keeps each for `owner`.
    pub(crate) fn outside_columns(&mut self, row: usize, from: usize, owner: &Owner) {
        self.unused_from_for(row, from, &Why::OutsideColumns, owner);
    }

    fn unused_from_for(&mut self, row: usize, from: usize, why: &Why, owner: &Owner) {
        let width = self.sheet.rows.get(row).map_or(0, Vec::len);
        for col in from..width {
            if self.is_seen(row, col) {
                continue;
            }
            if let Some(text) = self.text(row, col) {
                let message = Msg::of(|p| (p.not_used)(&(p.why)(why), &(p.quote)(&text)));
                self.not_read(
                    (ImportLevel::Skipped, message),
                    row,
                    col,
                    (owner.clone(), ""),
                    text,
                );
            }
        }
    }

    /// The cell's text, if any (the cell is not marked).
    pub(crate) fn text(&self, row: usize, col: usize) -> Option<String> {
        self.sheet.get(row, col).as_text()
    }

    /// The cell's value (the cell is not marked).
    pub(crate) fn value(&self, row: usize, col: usize) -> &Value {
        self.sheet.get(row, col)
    }

    /// The text of a cell of an assessment (a verdict, a note, a grade, an observation, a
    /// comment); a formula there is not read for its cached value: it is reported and kept,
    /// competing with its own cell's shown value, which refuses the audit until it is replaced
    /// by what it stands for.
    pub(crate) fn assessed(
        &mut self,
        row: usize,
        col: usize,
        field: (Owner, &'static str),
    ) -> Option<String> {
        let Some(formula) = self.sheet.formulas.get(&(row, col)) else {
            return self.text(row, col);
        };
        let cached = self.text(row, col);
        let message = Msg::of(|p| (p.formula_in_assessment)(cached.as_deref(), formula));
        let here = self.cell(row, col);
        self.formulas_kept.insert((row, col));
        self.not_read_against(
            (ImportLevel::Warning, message),
            (row, col),
            field,
            formula.clone(),
            Some(Rival::Cell(here)),
        );
        None
    }

    /// The free text of cell `row`, `col` of an assessment's row (an observation of `kind`, a
    /// risk or a comment: `kind` `None`), read as [`Ctx::assessed`] and [`Ctx::gate`].
    pub(crate) fn row_text(
        &mut self,
        (row, col): (usize, usize),
        what: What,
        field: (Owner, &'static str),
        kind: Option<ObservationKind>,
        rival: Option<Rival>,
    ) -> Option<String> {
        let text = self.assessed(row, col, field.clone())?;
        self.gate((row, col), what, text, field, kind, rival)
    }

    /// The free text of cell `row`, `col` outside an assessment's row (the page de garde, a
    /// fiche d'écart, the conclusion), read as [`Ctx::gate`]; a formula there is reported
    /// when the sheet is done, its cached value read.
    pub(crate) fn free_text(
        &mut self,
        (row, col): (usize, usize),
        what: What,
        field: (Owner, &'static str),
        kind: Option<ObservationKind>,
        rival: Option<Rival>,
    ) -> Option<String> {
        let text = self.text(row, col)?;
        self.gate((row, col), what, text, field, kind, rival)
    }

    /// `text` of cell `row`, `col`, a free text (`what`): filed (the cell marked) unless it
    /// could carry an assessment ([`Carried::find`]: a verdict, an observation other than of
    /// `kind`, a remote note), which is not silently taken for a text: it is reported and
    /// kept, competing with `rival` (the verdict cell of its row).
    pub(crate) fn gate(
        &mut self,
        (row, col): (usize, usize),
        what: What,
        text: String,
        field: (Owner, &'static str),
        kind: Option<ObservationKind>,
        rival: Option<Rival>,
    ) -> Option<String> {
        let carried = match Carried::find(&text) {
            None => None,
            Some(Carried::Observation(k)) if kind == Some(k) => None,
            Some(carried) => Some(carried),
        };
        let Some(carried) = carried else {
            self.mark(row, col);
            return Some(text);
        };
        let against = match &rival {
            Some(Rival::Cell(cell)) => Some(cell.as_str()),
            _ => None,
        };
        let message = Msg::of(|p| (p.reads_as)(what, carried, against, &text));
        self.not_read_against(
            (ImportLevel::Warning, message),
            (row, col),
            field,
            text,
            rival,
        );
        None
    }

    /// The data rows: not the title (a row 1 with only A1 filled), not a header row (its first
    /// two cells are the first two `headers`), not empty. The title and headers are the
    /// layout, used; a header that is not the grid's, or a title that could carry an
    /// assessment, is kept.
    pub(crate) fn data_rows(&mut self, headers: &[&str]) -> Vec<usize> {
        let head: Vec<String> = headers.iter().take(2).map(|h| key(h)).collect();
        let mut rows = Vec::new();
        for r in 0..self.sheet.rows.len() {
            let cells = self.sheet.rows.get(r).map_or(&[][..], Vec::as_slice);
            let filled = cells.iter().filter(|v| !v.is_empty()).count();
            let title = r == 0 && filled == 1 && !self.value(0, 0).is_empty();
            let header = (0..2).all(|c| self.text(r, c).map(|t| key(&t)).as_ref() == head.get(c));
            if title {
                let part = self.part;
                self.free_text((0, 0), What::Title, (Owner::path(part), ""), None, None);
            } else if header {
                for c in 0..cells.len() {
                    let expected = headers.get(c).map(|h| loose(h));
                    match self.text(r, c) {
                        Some(t) if Some(loose(&t)) == expected => self.mark(r, c),
                        Some(_) => {
                            let part = self.part;
                            self.unused_cell(r, c, &Why::NotHeader, (Owner::path(part), ""));
                        }
                        None => {}
                    }
                }
            } else if filled > 0 {
                rows.push(r);
            }
        }
        rows
    }

    /// Ends the sheet: a non-empty cell no reader used nor kept is kept now; each formula not
    /// reported yet is reported, and one without a cached value kept.
    pub(crate) fn finish(mut self) {
        let sheet = self.sheet;
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                if value.is_empty() || self.is_seen(r, c) {
                    continue;
                }
                if let Some(text) = value.as_text() {
                    let message =
                        Msg::of(|p| (p.not_used)(&(p.why)(&Why::NotRead), &(p.quote)(&text)));
                    let part = self.part;
                    self.not_read(
                        (ImportLevel::Skipped, message),
                        r,
                        c,
                        (Owner::path(part), ""),
                        text,
                    );
                }
            }
        }
        let mut formulas: Vec<(&(usize, usize), &String)> = sheet
            .formulas
            .iter()
            .filter(|(at, _)| !self.formulas_kept.contains(at))
            .collect();
        formulas.sort_unstable();
        for (&(r, c), formula) in formulas {
            if let Some(cached) = sheet.get(r, c).as_text() {
                let message = Msg::of(|p| (p.formula_read)(formula, &cached));
                self.note(ImportLevel::Warning, r, c, message);
            } else {
                let message = Msg::of(|p| (p.formula_empty)(formula));
                let part = self.part;
                self.not_read(
                    (ImportLevel::Skipped, message),
                    r,
                    c,
                    (Owner::path(part), ""),
                    formula.clone(),
                );
            }
        }
    }
}

/// A cell no reader has used nor kept yet.
const UNSEEN: u8 = 0;
/// A cell used: placed in the audit, or read as the layout.
const USED: u8 = 1;
/// A cell kept unread (once at least).
const KEPT: u8 = 2;

/// The pseudo-field of [`Ctx::home`].
const HOME: &str = "#row";

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
    let mut cover = Ctx::new(cover_sheet, &mut found, COVER_PART);
    let mut audit = crate::grid::cover::read_cover(&mut cover, referentiel)?;
    cover.finish();
    let mut module_sheets = Vec::new();
    for sheet in sheets {
        if std::ptr::eq(sheet, meta) || std::ptr::eq(sheet, cover_sheet) {
            continue;
        }
        let mut name = key(&sheet.name);
        let older = layout::OLDER_SHEETS
            .iter()
            .find(|(old, _)| key(old) == name)
            .map(|(_, now)| *now);
        if let Some(now) = older {
            name = key(now);
        }
        let module = layout::sheet_module(&sheet.name);
        let guide = name == key(crate::grid::guidance::GUIDE_SHEET);
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
        let mut ctx = Ctx::new(sheet, &mut found, part);
        if let Some(now) = older {
            let message = Msg::of(|p| (p.older_name)(&sheet.name, now));
            ctx.note(ImportLevel::Info, 0, 0, message);
        }
        match (module, part) {
            (Some(module), _) => {
                module_sheets.push(module);
                let before = audit.assessments.len();
                items::module(&mut ctx, referentiel, module, &mut audit);
                let covered = audit.modules.is_empty() || audit.covers(module);
                if !covered && audit.assessments.len() > before {
                    let modules: Vec<String> =
                        audit.modules.iter().map(|m| m.get().to_string()).collect();
                    let covered = modules.join(", ");
                    ctx.note(
                        ImportLevel::Warning,
                        0,
                        0,
                        Msg::of(|p| (p.module_not_covered)(module.get(), &covered)),
                    );
                }
            }
            (None, "management") => items::management(&mut ctx, referentiel, &mut audit),
            (None, "remote_checks") => items::remote(&mut ctx, referentiel, &mut audit),
            (None, "ecarts") => items::ecarts(&mut ctx, referentiel, &mut audit),
            (None, "conclusion") => items::conclusion(&mut ctx, &mut audit),
            (None, _) if guide => items::guide(&mut ctx, referentiel),
            (None, _) => outside(&mut ctx),
        }
        ctx.finish();
    }
    if audit.modules.is_empty() && !module_sheets.is_empty() {
        audit.modules = module_sheets;
        found.diagnostics.push(GridDiagnostic::new(
            ImportLevel::Guessed,
            cell_name(layout::COVER_SHEET, 0, 1),
            Msg::of(|p| p.modules_from_sheets.to_owned()),
        ));
    }
    items::sort(&mut audit, referentiel);
    // Field paths name assessments by their place, known only now that they are sorted.
    let places = Places::of(&audit);
    let engagements = std::mem::take(&mut found.engagements);
    audit.unread = std::mem::take(&mut found.unread)
        .into_iter()
        .map(|p| p.resolve(&places, &engagements))
        .collect();
    Ok(GridImport {
        audit,
        diagnostics: found.diagnostics,
    })
}

/// The field of a page de garde cell that belongs to no field.
pub(crate) const COVER_PART: &str = "page de garde";
/// The field of a cell outside the grid's parts: a sheet not part of it, a row of the
/// `_qualepref` sheet it does not know.
pub(crate) const OUTSIDE_PART: &str = "grid";

/// Reads a sheet the grid does not know (notes, a copy of a module's sheet): every cell is
/// kept; one that could carry an assessment in a row numbering an engagement competes with
/// that engagement's verdict, as its module's sheet filed it.
fn outside(ctx: &mut Ctx<'_>) {
    for row in 0..ctx.sheet.rows.len() {
        let engagement = ctx
            .value(row, 0)
            .as_whole()
            .and_then(|n| u16::try_from(n).ok())
            .and_then(EngagementNumber::new);
        let width = ctx.sheet.rows.get(row).map_or(0, Vec::len);
        for col in 0..width {
            let Some(text) = ctx.text(row, col) else {
                continue;
            };
            let rival = engagement
                .filter(|_| Carried::find(&text).is_some())
                .map(Rival::Engagement);
            let message =
                Msg::of(|p| (p.not_used)(&(p.why)(&Why::OutsideSheet), &(p.quote)(&text)));
            ctx.not_read_against(
                (ImportLevel::Skipped, message),
                (row, col),
                (Owner::path(OUTSIDE_PART), ""),
                text,
                rival,
            );
        }
    }
}

fn read_meta(meta: &SheetData, referentiel: &Referentiel, found: &mut Found) -> Result<(), Error> {
    let mut ctx = Ctx::new(meta, found, OUTSIDE_PART);
    for row in 0..meta.rows.len() {
        let label = ctx.text(row, 0).map(|t| key(&t)).unwrap_or_default();
        let value = ctx.text(row, 1).unwrap_or_default();
        if label == key(layout::META_FORMAT) {
            if value != layout::FORMAT {
                return Err(Error::InvalidValue {
                    what: "audit grid format",
                    value: format!("{}: {}", ctx.cell(row, 1), cut(&value)),
                    reason: "this version reads qualepref-grid/1",
                });
            }
        } else if label == key(layout::META_REFERENTIEL) {
            // The référentiel the grid was made for: compared, not filed; a text that reads
            // as an assessment is kept.
            let field = (Owner::path(OUTSIDE_PART), "");
            let read = ctx.free_text((row, 1), What::Referentiel, field, None, None);
            if read.is_some_and(|v| v != referentiel.id()) {
                ctx.note(
                    ImportLevel::Warning,
                    row,
                    1,
                    Msg::of(|p| (p.other_referentiel)(&value, referentiel.id())),
                );
            }
        } else {
            ctx.unused_from(row, 0, &Why::NotMeta);
            continue;
        }
        ctx.mark(row, 0);
        if label == key(layout::META_FORMAT) {
            ctx.mark(row, 1);
        }
        ctx.unused_from(row, 2, &Why::OutsideColumns);
    }
    ctx.finish();
    Ok(())
}
