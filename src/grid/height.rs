//! Row heights: spreadsheet programs do not grow a row to its wrapped text when they open a
//! file (LibreOffice does not, Excel only when a row is edited), so the writer sets each row's
//! height from the text of its cells and the width of their columns.
//!
//! The measure is generous: a column `w` characters wide is taken to hold about `w` characters
//! of text a line (fewer in bold), though a line of lowercase text holds more, and words wrap
//! whole; a row comes out a little taller than its text rather than cut.

use crate::grid::rows::Cell;

/// The height of one line of text of the grid's font (11 points), in points: the default row
/// height of a spreadsheet.
pub(crate) const LINE: f64 = 15.0;

/// The tallest row a spreadsheet allows, in points.
const MOST: f64 = 409.0;

/// The share of a column's width (in characters of `0`) that a line of regular text fills:
/// a line of French text of a column 30 wide holds about 35 characters in Excel (Calibri) and
/// 36 in LibreOffice 7.4 without Calibri (replaced by DejaVu Sans, whose lines are lower).
const REGULAR: f64 = 1.15;

/// The share for bold text (column headers).
const BOLD: f64 = 1.0;

/// The number of lines `text` takes in a column `width` characters wide, its words wrapped
/// whole; `bold` text is wider. Each line break of the text starts a line; at least one line.
pub(crate) fn lines(text: &str, width: f64, bold: bool) -> usize {
    let share = if bold { BOLD } else { REGULAR };
    // Widths are small positive numbers of characters: the cast cannot truncate a real width.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let room = ((width - 1.0) * share).floor().max(1.0) as usize;
    text.split('\n')
        .map(|paragraph| paragraph_lines(paragraph, room))
        .sum::<usize>()
        .max(1)
}

/// The lines of one paragraph with `room` characters a line: greedy wrapping, a word longer
/// than a line cut.
fn paragraph_lines(paragraph: &str, room: usize) -> usize {
    let mut lines = 1;
    let mut used = 0;
    for word in paragraph.split_whitespace() {
        let len = word.chars().count();
        let needed = if used == 0 { len } else { used + 1 + len };
        if needed <= room {
            used = needed;
        } else if used == 0 {
            // A word longer than the line, alone on its lines.
            lines += (len - 1) / room;
            used = len - (len - 1) / room * room;
        } else {
            lines += 1 + len.saturating_sub(1) / room;
            used = len - len.saturating_sub(1) / room * room;
        }
    }
    lines
}

/// The height of a row of `cells` in columns of `widths`, in points: its tallest cell's lines.
/// A cell past the widths given is taken as 10 characters wide.
pub(crate) fn row(cells: &[Cell], widths: &[f64]) -> f64 {
    let most = cells
        .iter()
        .enumerate()
        .map(|(col, cell)| {
            let width = widths.get(col).copied().unwrap_or(10.0);
            match cell {
                Cell::Fixed(t) | Cell::Input(Some(t)) => lines(t, width, false),
                Cell::Header(t) => lines(t, width, true),
                // A group heading does not wrap: it runs over the empty cells beside it.
                Cell::Heading(_)
                | Cell::FixedNumber(_)
                | Cell::Input(None)
                | Cell::InputNumber(_)
                | Cell::Date(_) => 1,
            }
        })
        .max()
        .unwrap_or(1);
    height(most)
}

/// The height of a row of column `headers` (bold) in columns of `widths`, in points.
pub(crate) fn header(headers: &[&str], widths: &[f64]) -> f64 {
    let most = headers
        .iter()
        .enumerate()
        .map(|(col, h)| lines(h, widths.get(col).copied().unwrap_or(10.0), true))
        .max()
        .unwrap_or(1);
    height(most)
}

/// The height of `lines` lines, in points, at most a spreadsheet's tallest row.
fn height(lines: usize) -> f64 {
    // At most a few hundred lines are counted: exact in an f64.
    #[allow(clippy::cast_precision_loss)]
    let lines = lines as f64;
    (lines * LINE + 2.0).min(MOST)
}

#[cfg(test)]
mod tests {
    // Heights are whole points plus two: exact in an f64.
    #![allow(clippy::float_cmp)]
    use super::*;

    #[test]
    fn words_wrap_whole_and_line_breaks_start_lines() {
        // 46 characters of room in a 41-wide column.
        assert_eq!(lines("", 41.0, false), 1);
        assert_eq!(lines(&"a".repeat(46), 41.0, false), 1);
        // Two words of 23 characters: 47 with the space, past the room.
        let two = format!("{} {}", "a".repeat(23), "b".repeat(23));
        assert_eq!(lines(&two, 41.0, false), 2);
        assert_eq!(lines("un\ndeux\ntrois", 41.0, false), 3);
        // A word of 100 characters in a line of 46: three lines.
        assert_eq!(lines(&"x".repeat(100), 41.0, false), 3);
        // Bold text is wider: 40 characters a line.
        assert_eq!(lines(&"a".repeat(41), 41.0, true), 2);
    }

    #[test]
    fn a_row_is_as_tall_as_its_tallest_cell() {
        let title = "Nous vous répondons de manière précise et dans un délai annoncé à vos \
                     demandes d'informations";
        let row = [
            Cell::FixedNumber(17.0),
            Cell::Fixed(title.to_owned()),
            Cell::Input(None),
        ];
        // 94 characters in 47 a line (42 wide), words whole: two lines; three in a column 30
        // wide (34 a line).
        assert_eq!(super::row(&row, &[6.0, 42.0, 9.0]), 2.0 * LINE + 2.0);
        assert_eq!(super::row(&row, &[6.0, 30.0, 9.0]), 3.0 * LINE + 2.0);
        assert_eq!(super::row(&[Cell::Input(None)], &[10.0]), LINE + 2.0);
        let long = Cell::Input(Some("mot ".repeat(5000)));
        assert_eq!(super::row(&[long], &[10.0]), MOST);
    }
}
