//! A budget for TOML documents, checked before parsing: the `toml` crate builds a tree of
//! every table, key and value, at a few hundred bytes each, so a document of a million empty
//! tables (10 MB, under the size limit) would take gigabytes. A linear scan counts the tables,
//! keys and values outside strings and comments and refuses the document past
//! [`MAX_TOML_ITEMS`](crate::MAX_TOML_ITEMS).

/// The most tables, keys and array values a TOML document may hold: 100 000, counted as the
/// `[`, `{`, `=`, `,` and `.` outside strings and comments. A real audit holds a few thousand;
/// at the limit the TOML reader's tree takes about 120 MB (measured), on top of about twice
/// the text's size.
pub const MAX_TOML_ITEMS: usize = 100_000;

/// The byte offset of the item past [`MAX_TOML_ITEMS`], if the document has that many: every
/// `[`, `{`, `=`, `,` and `.` (a dotted key makes a table) outside strings and comments
/// counts as one.
pub(super) fn over_budget(text: &str) -> Option<usize> {
    over(text.as_bytes(), MAX_TOML_ITEMS)
}

fn over(bytes: &[u8], limit: usize) -> Option<usize> {
    let mut count = 0usize;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'#' => {
                // A comment, to the end of its line.
                i = find(bytes, i, |c| c == b'\n').unwrap_or(bytes.len());
            }
            b'"' | b'\'' => {
                let triple = bytes.get(i + 1) == Some(&b) && bytes.get(i + 2) == Some(&b);
                i = if triple {
                    close_multiline(bytes, i + 3, b)
                } else {
                    close_single(bytes, i + 1, b)
                };
                continue;
            }
            b'[' | b'{' | b'=' | b',' | b'.' => {
                count += 1;
                if count > limit {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn find(bytes: &[u8], from: usize, what: impl Fn(u8) -> bool) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&c| what(c))
        .map(|p| p + from)
}

/// The offset after a one-line string opened by `quote` before `from`: basic strings
/// (`"`) have backslash escapes, literal ones (`'`) none; a line break ends either.
fn close_single(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    while let Some(&c) = bytes.get(i) {
        if c == b'\\' && quote == b'"' {
            i += 2;
            continue;
        }
        if c == quote || c == b'\n' {
            return i + 1;
        }
        i += 1;
    }
    bytes.len()
}

/// The offset after a multi-line string (`"""` or `'''`) whose content starts at `from`; up to
/// two quotes right before the closing three belong to the content.
fn close_multiline(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    while let Some(&c) = bytes.get(i) {
        if c == b'\\' && quote == b'"' {
            i += 2;
            continue;
        }
        if c == quote && bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
            let mut end = i + 3;
            for _ in 0..2 {
                if bytes.get(end) == Some(&quote) {
                    end += 1;
                }
            }
            return end;
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::over;

    #[test]
    fn items_are_counted_outside_strings_and_comments() {
        let count = |text: &str| (0..100).find(|&n| over(text.as_bytes(), n).is_none());
        assert_eq!(count("[a]\nb = 1\nc = [1, 2]\n"), Some(5));
        assert_eq!(count("a = \"x, y = [z]\" # , = [\nb = 'p, q'"), Some(2));
        assert_eq!(count("a = \"\\\", [\"\nb = 1"), Some(2));
        let multiline = "a = \"\"\"\n, = [\n\\\"\" \"\"\"\nb = '''x, '''''\nc = 1";
        assert_eq!(count(multiline), Some(3));
        assert_eq!(count("a = 'unterminated\nb = 1"), Some(2));
        assert_eq!(over(b"[a]\n[b]\n[c]", 2), Some(8));
        // Strings inside an array: each closes at its own quote.
        assert_eq!(count("a = [\"x\", \"y\"]\nb = 1"), Some(4));
        // An escaped backslash ends its escape: the quote after it closes the string.
        assert_eq!(count("a = \"\\\\\"\n[b]\n[c]\n[d]\n[e]"), Some(5));
        // A multi-line string closes at three quotes only, not at a quoted word inside it.
        assert_eq!(count("a = \"\"\" \"x\" , = [ \"\"\"\nb = 1"), Some(2));
        assert_eq!(count("a = \"\"\"a \" , = [ b\"\"\"\nb = 1"), Some(2));
        assert_eq!(count("a = \"\"\"a \"\" , = [ b\"\"\"\nb = 1"), Some(2));
        // A backslash escapes a quote in a basic multi-line string, not in a literal one.
        assert_eq!(count("a = \"\"\"x\\\"\"\" , = [ \"\"\"\nb = 1"), Some(2));
        assert_eq!(count("a = \'\'\'x\\\'\'\' , = [ \'\'\'\nb = 1"), Some(4));
        // Up to two quotes before the closing three belong to the string.
        assert_eq!(count("a = \"\"\"x\"\"\"\" , = [\nb = 1"), Some(5));
        assert_eq!(count("a = \'\'\'x\'\'\'\'\' , = [\nb = 1"), Some(5));
    }
}
