//! Text helpers shared by the parsers: Unicode clean-up of French text and the folded forms in
//! which codes, headings and titles are compared.

use std::borrow::Cow;

/// Combining diacritical marks (U+0300–U+036F), so that NFD input folds like NFC input.
pub(crate) fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036f}').contains(&c)
}

pub(crate) fn is_odd_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

/// Composes the combining sequences of French letters and turns non-breaking spaces into
/// spaces; borrows the text when there is nothing to do.
pub(crate) fn normalise(text: &str) -> Cow<'_, str> {
    // Combining marks U+0300–U+036F are encoded CC xx or CD xx; the odd spaces C2 A0,
    // E2 80 AF and E2 80 87.
    let marks = text.as_bytes().iter().any(|&b| b == 0xcc || b == 0xcd);
    let spaces = text.contains('\u{a0}') || text.contains('\u{202f}') || text.contains('\u{2007}');
    if !marks && !spaces {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_odd_space(c) {
            out.push(' ');
        } else if is_combining_mark(c) {
            let base = out.pop();
            if let Some(composed) = base.and_then(|b| compose(b, c)) {
                out.push(composed);
            } else {
                out.extend(base);
                out.push(c);
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The precomposed letter for `base` followed by combining mark `mark`, for the letters of
/// French (and a few more vowels with the same marks).
pub(crate) fn compose(base: char, mark: char) -> Option<char> {
    Some(match (mark, base) {
        ('\u{300}', 'a') => 'à',
        ('\u{300}', 'e') => 'è',
        ('\u{300}', 'u') => 'ù',
        ('\u{300}', 'i') => 'ì',
        ('\u{300}', 'o') => 'ò',
        ('\u{300}', 'A') => 'À',
        ('\u{300}', 'E') => 'È',
        ('\u{300}', 'U') => 'Ù',
        ('\u{301}', 'e') => 'é',
        ('\u{301}', 'E') => 'É',
        ('\u{301}', 'a') => 'á',
        ('\u{301}', 'i') => 'í',
        ('\u{301}', 'o') => 'ó',
        ('\u{301}', 'u') => 'ú',
        ('\u{302}', 'a') => 'â',
        ('\u{302}', 'e') => 'ê',
        ('\u{302}', 'i') => 'î',
        ('\u{302}', 'o') => 'ô',
        ('\u{302}', 'u') => 'û',
        ('\u{302}', 'A') => 'Â',
        ('\u{302}', 'E') => 'Ê',
        ('\u{302}', 'I') => 'Î',
        ('\u{302}', 'O') => 'Ô',
        ('\u{302}', 'U') => 'Û',
        ('\u{308}', 'e') => 'ë',
        ('\u{308}', 'i') => 'ï',
        ('\u{308}', 'u') => 'ü',
        ('\u{308}', 'y') => 'ÿ',
        ('\u{308}', 'o') => 'ö',
        ('\u{308}', 'a') => 'ä',
        ('\u{308}', 'E') => 'Ë',
        ('\u{308}', 'I') => 'Ï',
        ('\u{308}', 'U') => 'Ü',
        ('\u{308}', 'Y') => 'Ÿ',
        ('\u{327}', 'c') => 'ç',
        ('\u{327}', 'C') => 'Ç',
        _ => return None,
    })
}

/// Lower-case letters and digits only, French accents folded: the form in which headings and
/// labels are compared (`FICHE(S) D'ECART(S)` → `fichesdecarts`).
pub(crate) fn key(s: &str) -> String {
    folded(s).collect()
}

/// Whether a paragraph of the charte graphique says it was not assessed because the audit is an
/// initial one (« (Non applicable en audit initial) »), whatever its case, accents, spaces and
/// punctuation.
pub(crate) fn says_not_applicable_in_initial_audit(text: &str) -> bool {
    key(text).contains("nonapplicableenauditinitial")
}

/// The characters of [`key`], lazily: comparisons stop at the first difference.
pub(crate) fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().flat_map(fold_char).flatten()
}

/// One character of [`key`]: ASCII on a fast path, then the French letters.
pub(crate) fn fold_char(c: char) -> [Option<char>; 2] {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            [Some(c.to_ascii_lowercase()), None]
        } else {
            [None, None]
        };
    }
    let l = c.to_lowercase().next().unwrap_or(c);
    let one = match l {
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'à' | 'â' | 'ä' | 'á' => 'a',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' => 'o',
        'û' | 'ù' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        'œ' => return [Some('o'), Some('e')],
        'æ' => return [Some('a'), Some('e')],
        other if other.is_alphanumeric() => other,
        _ => return [None, None],
    };
    [Some(one), None]
}

/// Whether `key(s)` starts with `prefix`, without building it.
pub(crate) fn key_starts(s: &str, prefix: &str) -> bool {
    let mut it = folded(s);
    prefix.chars().all(|c| it.next() == Some(c))
}

/// Whitespace collapsed and lower-cased: two titles equal in this form differ in spacing or
/// case only.
pub(crate) fn loose(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Whether two texts are equal up to case and spacing.
pub(crate) fn loosely_equal(a: &str, b: &str) -> bool {
    a == b || loose(a) == loose(b)
}

/// Whether a spreadsheet would take a cell starting with `c` for a formula (OWASP's list:
/// `=`, `+`, `-`, `@`, tab, carriage return).
fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// A text as a CSV cell that no spreadsheet opens as a formula: a text that starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return — after any run of `'` — gets one `'` before it
/// (the OWASP rule against CSV injection), which [`csv_restore`] takes off; a plain number
/// (`-12`) stays as it is. Every CSV the crate writes goes through it.
pub(crate) fn csv_neutralise(text: &str) -> Cow<'_, str> {
    let after_quotes = text.trim_start_matches('\'');
    if after_quotes.starts_with(starts_formula) && !is_plain_number(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether `text` is a plain signed number (`-12`, `-3,5`): a spreadsheet reads it as the
/// number it is, never as a formula, so it is written as it is.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut parts = digits.splitn(2, [',', '.']);
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next().unwrap_or("0");
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && !fraction.is_empty()
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// The text of a CSV cell written by [`csv_neutralise`]: one `'` taken off a text that starts
/// with `'`, any further `'`, then a formula's first character.
#[cfg_attr(not(feature = "csv"), allow(dead_code))]
pub(crate) fn csv_restore(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(starts_formula) => rest,
        _ => text,
    }
}

/// The first refused character of `text` and its position (1-based, in characters) when it
/// holds one, `None` otherwise: what a `control-character` diagnostic names, for the audit's
/// texts (validation) and the référentiel file's, each in its phrase table.
pub(crate) fn control_character(text: &str) -> Option<(char, usize)> {
    if !suspect(text) {
        return None;
    }
    let (at, c) = first_refused(text)?;
    Some((c, at + 1))
}

/// Whether `text` may hold a refused character: a byte below 0x20 other than tab and line
/// feed, DEL, or the lead byte C2 (of U+0080–U+00BF).
fn suspect(text: &str) -> bool {
    // Without an early exit, the fold compiles to vector instructions: a few bytes a cycle
    // (measured: the check takes a tenth of the validation of the Toulon audit).
    #[allow(clippy::needless_bitwise_bool)]
    text.as_bytes().chunks(64).any(|chunk| {
        chunk.iter().fold(false, |found, &b| {
            found | ((b < 0x20) & (b != b'\t') & (b != b'\n')) | (b == 0x7f) | (b == 0xc2)
        })
    })
}

/// Whether `c` is refused in a text: a C0 or C1 control character or DEL, except tab and line
/// feed (and carriage return, allowed before a line feed: see [`first_refused`]).
pub(crate) fn refused(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// The first refused character of `text` and its position (0-based, in characters); a
/// carriage return followed by a line feed is a line break.
fn first_refused(text: &str) -> Option<(usize, char)> {
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        let crlf = c == '\r' && chars.peek().is_some_and(|(_, n)| *n == '\n');
        if refused(c) && !crlf {
            return Some((i, c));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{csv_neutralise, csv_restore, key, loosely_equal, normalise};

    /// A text a spreadsheet would read as a formula gets a `'` before it, and loses it when read
    /// back; every other text is written and read as it is, `'` included.
    #[test]
    fn csv_cells_never_start_a_formula_and_read_back_the_same() {
        for (text, written) in [
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+33 6 12", "'+33 6 12"),
            ("-1", "-1"),
            ("-3,5", "-3,5"),
            ("-1+2", "'-1+2"),
            ("- point", "'- point"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tC", "'\tC"),
            ("\rC", "'\rC"),
            ("'=A1", "''=A1"),
            ("''-x", "'''-x"),
            ("'abc", "'abc"),
            ("C", "C"),
            ("", ""),
            ("a=b", "a=b"),
        ] {
            assert_eq!(csv_neutralise(text), written, "{text:?}");
            assert_eq!(csv_restore(written), text, "{written:?}");
        }
    }

    /// Titles equal up to case and spacing, but not when words are joined or split.
    #[test]
    fn loosely_equal_ignores_case_and_spacing_not_word_breaks() {
        assert!(loosely_equal("Accueil physique", " accueil \t PHYSIQUE "));
        assert!(!loosely_equal("Accueil physique", "Accueilphysique"));
        assert!(!loosely_equal("Accueil physique", "Accueil phy sique"));
    }

    /// The folded form: every accented letter of French to its base letter, in either case, the
    /// ligatures spelt out, other letters and digits kept in lower case, the rest dropped.
    #[test]
    fn key_folds_every_french_letter() {
        assert_eq!(
            key("ÉÈÊË éèêë ÀÂÄÁ àâäá ÎÏÍÌ îïíì ÔÖÓÒ ôöóò ÛÙÜÚ ûùüú Çç Ÿÿ Œœ Ææ"),
            "eeeeeeeeaaaaaaaaiiiiiiiioooooooouuuuuuuuccyyoeoeaeae"
        );
        assert_eq!(key("Ñandú n° 2 — « ß »"), "ñandun2ß");
    }

    /// Every letter `compose` knows, typed decomposed (a base letter and a combining mark, as
    /// some word processors and macOS file names give it), comes out precomposed.
    #[test]
    fn every_decomposed_french_letter_is_composed() {
        let decomposed = "a\u{300}e\u{300}u\u{300}i\u{300}o\u{300}A\u{300}E\u{300}U\u{300}\
                          e\u{301}E\u{301}a\u{301}i\u{301}o\u{301}u\u{301}\
                          a\u{302}e\u{302}i\u{302}o\u{302}u\u{302}A\u{302}E\u{302}I\u{302}O\u{302}U\u{302}\
                          e\u{308}i\u{308}u\u{308}y\u{308}o\u{308}a\u{308}E\u{308}I\u{308}U\u{308}Y\u{308}\
                          c\u{327}C\u{327}";
        assert_eq!(
            normalise(decomposed),
            "àèùìòÀÈÙéÉáíóúâêîôûÂÊÎÔÛëïüÿöäËÏÜŸçÇ"
        );
        // A mark the table does not know, or with nothing before it, stays as it is.
        assert_eq!(normalise("n\u{303}"), "n\u{303}");
        assert_eq!(normalise("\u{301}e"), "\u{301}e");
    }

    /// Each of the three non-breaking spaces French typography uses becomes a space, each alone
    /// in its text.
    #[test]
    fn each_non_breaking_space_becomes_a_space() {
        for space in ['\u{a0}', '\u{202f}', '\u{2007}'] {
            assert_eq!(normalise(&format!("Point{space}: 5")), "Point : 5");
        }
        assert!(matches!(normalise("déjà"), std::borrow::Cow::Borrowed(_)));
    }
}
