//! Arbitrary text in the data fields of the Markdown report: no input may panic, each field
//! reaches the report escaped, and a CommonMark reader reads the escaped text back as written.
//!
//! The input is split on U+001F (unit separator) into up to five texts: an observation, an
//! assessment's comment, the site's name, the lead auditor's name and a conclusion paragraph,
//! put into the bundled Toulon audit. Every validation rule is lowered to a warning, so that
//! texts validation refuses (a control character, an empty name) are rendered too.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use qualepref::report::markdown::escape;
use qualepref::{
    Audit, Language, Observation, ObservationKind, Policy, Referentiel, RuleCode, Severity, Valid,
    ValidationOptions, conclude, render_markdown, samples,
};

/// The Toulon audit, read once.
fn toulon() -> &'static Audit {
    static TOULON: OnceLock<Audit> = OnceLock::new();
    TOULON.get_or_init(|| Audit::from_json_str(samples::TOULON_2019_JSON).expect("bundled audit"))
}

/// The text a CommonMark reader gets back from data text `s`: one newline per line break.
fn read_back(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Whether the escaping promise covers `s`: not empty, and no control character but tab and
/// line breaks (a reader turns NUL into U+FFFD; validation refuses the others). Texts of blanks
/// and line breaks alone are covered: a lone line break is written as a character reference.
fn covered(s: &str) -> bool {
    !s.is_empty()
        && !s
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// How a CommonMark reader (tables and strikethrough on) reads `md`: its paragraphs, its table
/// cells and their text; `None` if it reads anything else (a list, a heading, a code block, a
/// link, emphasis, HTML other than `<br>`…).
fn read(md: &str) -> Option<(usize, usize, String)> {
    let (mut paragraphs, mut cells, mut text) = (0, 0, String::new());
    for event in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Paragraph) => paragraphs += 1,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::Start(Tag::Table(_) | Tag::TableHead | Tag::TableRow)
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::TableCell,
            ) => {}
            Event::Text(t) => text.push_str(&t),
            Event::InlineHtml(h) if &*h == "<br>" => text.push('\n'),
            _ => return None,
        }
    }
    Some((paragraphs, cells, text))
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let mut texts = input.splitn(5, '\u{1f}').map(str::to_owned);
    let mut next = || texts.next().unwrap_or_else(|| "x".to_owned());
    let [observation, comment, site, auditor, paragraph] = std::array::from_fn(|_| next());

    // The escaping: a paragraph, and a table cell, read back as written.
    for text in [&observation, &comment, &site, &auditor, &paragraph] {
        let escaped = escape(text);
        assert!(
            !escaped.contains('\n') && !escaped.contains('\r'),
            "{escaped:?}"
        );
        if covered(text) {
            let expected = read_back(text);
            assert_eq!(
                read(&escaped),
                Some((1, 0, expected.clone())),
                "{escaped:?}"
            );
            // In a table, the head's `h` then the one cell.
            let table = format!("| h |\n|---|\n| {escaped} |\n");
            assert_eq!(
                read(&table),
                Some((0, 2, format!("h{expected}"))),
                "{table:?}"
            );
        }
    }

    // The whole report: rendered without panic, each field escaped in it.
    let mut audit = toulon().clone();
    if let Some(a) = audit.assessments.get_mut(0) {
        a.observations.push(Observation::new(
            ObservationKind::Strength,
            observation.clone(),
        ));
    }
    if let Some(a) = audit.assessments.get_mut(1) {
        a.comment = Some(comment.clone());
    }
    audit.site.name = Some(site.clone());
    if let Some(a) = audit.auditors.get_mut(0) {
        a.name.clone_from(&auditor);
    }
    audit.conclusion.commentaires = vec![paragraph.clone()];
    let permissive = RuleCode::ALL
        .iter()
        .fold(ValidationOptions::new(), |options, &code| {
            options.with(code, Severity::Warning)
        });
    let Ok(valid) = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &permissive) else {
        return;
    };
    for language in [Language::Fr, Language::En] {
        let conclusions = conclude(&valid, &Policy::default(), language);
        let md = render_markdown(&valid, &conclusions);
        for text in [&observation, &comment, &site, &auditor, &paragraph] {
            if covered(text) {
                assert!(md.contains(&escape(text)), "{text:?} not escaped in\n{md}");
            }
        }
    }
});
