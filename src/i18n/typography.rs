//! French typography of the crate's own wording: the spaces around « : ; ! ? » and inside
//! « guillemets ».
//!
//! The rules are those of the Imprimerie nationale's *Lexique des règles typographiques en
//! usage à l'Imprimerie nationale* (spaces around punctuation):
//!
//! - before the colon `:` and inside guillemets (after `«`, before `»`): a no-break space,
//!   U+00A0 ([`NBSP`]);
//! - before the semicolon `;`, the exclamation mark `!` and the question mark `?`: a narrow
//!   no-break space, U+202F ([`NNBSP`]);
//!
//! so that a sign never starts a line on its own. The crate applies them to an ordinary space
//! (U+0020) already there and adds none where the wording has none: a code (`qual-e-pref`), a
//! time or an address keeps its form.
//!
//! Where the rules apply: to the crate's own French wording and labels only. The auditor's
//! words (observations, comments, paragraphs of the context and of section 4) and the
//! référentiel's titles are quoted verbatim and keep their spaces. Two places hold the
//! crate's wording, and each is typeset once:
//!
//! - the French phrase table ([`fr`](super::fr)) is written typeset, since the engine writes its
//!   phrases piece by piece between the auditor's words (section 4's lines, the conclusions as
//!   text); [`french`] leaves it unchanged, which a test checks;
//! - the report's document model typesets every wording run of a French document when the
//!   document is made, so that wording composed by the builders (separators, labels) follows
//!   the same rules, whatever the writer (Markdown, HTML, plain text).
//!
//! The text form of reports (`report_text`, read back by the import) is exempt: it mirrors the
//! source report's own layout, ordinary spaces included, so that an imported report written
//! out again reads the same.

use std::borrow::Cow;

/// The no-break space (« espace insécable »), U+00A0: before `:` and inside `« »`.
pub(crate) const NBSP: char = '\u{a0}';

/// The narrow no-break space (« espace fine insécable »), U+202F: before `;`, `!` and `?`.
pub(crate) const NNBSP: char = '\u{202f}';

/// The space that an ordinary space becomes given the character before it (`prev`) and after
/// it (`next`), or `None` when it stays ordinary.
const fn space_for(prev: Option<char>, next: Option<char>) -> Option<char> {
    match (prev, next) {
        (_, Some(':' | '»')) | (Some('«'), _) => Some(NBSP),
        (_, Some(';' | '!' | '?')) => Some(NNBSP),
        _ => None,
    }
}

/// Whether `bytes` (UTF-8) hold an ordinary space before `:`, `;`, `!`, `?` or `»`, or after
/// `«`: one pass over the bytes, as every text of a report goes through [`french`].
fn needs_french_spaces(bytes: &[u8]) -> bool {
    // « is C2 AB and » is C2 BB in UTF-8; one pass, from each space to the next.
    let mut from = 0;
    while let Some(at) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == b' '))
    {
        let i = from + at;
        if matches!(bytes.get(i + 1), Some(b':' | b';' | b'!' | b'?'))
            || bytes.get(i + 1..i + 3) == Some(&[0xC2, 0xBB][..])
            || (i >= 2 && bytes.get(i - 2..i) == Some(&[0xC2, 0xAB][..]))
        {
            return true;
        }
        from = i + 1;
    }
    false
}

/// `text` with French typography: each ordinary space before `:` or `»`, or after `«`, made a
/// no-break space, each before `;`, `!` or `?` a narrow no-break space. Borrowed when nothing
/// changes.
///
/// Apply it to the crate's wording only, never to the auditor's or the référentiel's words.
pub(crate) fn french(text: &str) -> Cow<'_, str> {
    if !needs_french_spaces(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let typeset = if c == ' ' {
            space_for(prev, chars.peek().copied())
        } else {
            None
        };
        out.push(typeset.unwrap_or(c));
        prev = Some(c);
    }
    Cow::Owned(out)
}

#[cfg(test)]
/// Whether `text` follows the rules: no ordinary space before `: ; ! ?` or `»`, nor after `«`.
pub(crate) fn is_typeset(text: &str) -> bool {
    matches!(french(text), Cow::Borrowed(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_before_signs_and_inside_guillemets_become_no_break() {
        assert_eq!(
            french("Politique : dues ; seuil ! vrai ? « titre »"),
            "Politique\u{a0}: dues\u{202f}; seuil\u{202f}! vrai\u{202f}? «\u{a0}titre\u{a0}»"
        );
    }

    #[test]
    fn text_without_ordinary_space_before_a_sign_is_borrowed() {
        for text in [
            "qual-e-pref-2019",
            "https://example.org",
            "10:30",
            "Avis\u{a0}: favorable",
            "«\u{a0}34 00\u{a0}»",
            "",
        ] {
            assert!(matches!(french(text), Cow::Borrowed(_)), "{text}");
            assert!(is_typeset(text), "{text}");
        }
        assert!(!is_typeset("Avis : favorable"));
        assert!(!is_typeset("« 34 00 »"));
    }

    /// The one-pass check finds each pair wherever it stands, and only those pairs.
    #[test]
    fn the_check_finds_every_pair_and_nothing_else() {
        for (text, needs) in [
            (" :", true),
            ("a ;", true),
            ("a !b", true),
            ("pourquoi ?", true),
            ("x »", true),
            ("« x", true),
            ("«x»", false),
            (" ", false),
            ("a:b;c!d?", false),
            ("é :", true),
            ("« ", true),
            ("»", false),
            ("x\u{a0}»", false),
        ] {
            assert_eq!(needs_french_spaces(text.as_bytes()), needs, "{text:?}");
            let pairs = [" :", " ;", " !", " ?", " »", "« "];
            assert_eq!(pairs.iter().any(|p| text.contains(p)), needs, "{text:?}");
        }
    }
}
