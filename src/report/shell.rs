//! The HTML shell of the crate's documents: one look for the report, the comparison, the plan,
//! the history and any other page the crate writes.
//!
//! The shell is the `<!DOCTYPE html>`, the `<html lang>`, the `<head>` (charset, viewport,
//! generator, the escaped `<title>`, the inline stylesheet of `style.css`) and the print
//! layout: A4 pages with their margins, the page number and count at the foot of each page
//! (`3 / 12`), and a running header at the top of each page but the first. Print styles come
//! from CSS paged media (`@page` and its margin boxes), which Chromium's print follows.
//!
//! To write a page, build a [`Shell`] and wrap the body between [`Shell::start`] and
//! [`Shell::end`] (or call [`Shell::page`] with the body written already):
//!
//! ```ignore
//! let shell = Shell { title: "Plan d'actions — Toulon", language: Language::Fr, running: None };
//! let mut out = String::new();
//! shell.start(&mut out);          // up to and including `<main>`
//! out.push_str("<h1>Plan d'actions</h1>\n");
//! Shell::end(&mut out);           // `</main>` to `</html>`
//! ```
//!
//! The body may use the stylesheet's classes: `h1`–`h4`, tables (`<caption>`, `<thead>`
//! repeated on each printed page, rows that do not break; `class="report"` for the three-column
//! tables, `numbers`, `recap`, `form` for a form's keys and values, `blanks` for rows to fill by
//! hand), verdict badges (`class="badge v-c"`, `v-na`, `v-min`, `v-maj`, `v-none`), `.note` for
//! what the tool established itself, `.blank` for a line to fill in, `.tally`, `.num` cells, and
//! `class="sr"` for text only for assistive technologies. A `<section class="summary">` shows on
//! screen only. No script and no external resource: every page opens offline.

use crate::Language;

/// The stylesheet of every page.
const STYLE: &str = include_str!("style.css");

/// The shell of one page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shell<'t> {
    /// The page's `<title>` (plain text, escaped here).
    pub title: &'t str,
    /// The language of the page (`<html lang>`).
    pub language: Language,
    /// The running header of the printed pages but the first; `None`: the title.
    pub running: Option<&'t str>,
}

impl Shell<'_> {
    /// Writes the shell up to and including `<main>`.
    pub(crate) fn start(&self, out: &mut String) {
        out.push_str("<!DOCTYPE html>\n<html lang=\"");
        out.push_str(self.language.code());
        out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str("<meta name=\"generator\" content=\"qualepref\">\n<title>");
        super::html::push_text(out, self.title);
        out.push_str("</title>\n<style>\n");
        out.push_str(STYLE);
        out.push_str("@page { @top-left { content: \"");
        push_css_string(out, self.running.unwrap_or(self.title));
        out.push_str(
            "\"; font-size: 8pt; color: #4a4a4a; } \
             @bottom-right { content: counter(page) \" / \" counter(pages); font-size: 8pt; } }\n\
             @page :first { @top-left { content: none; } }\n</style>\n</head>\n<body>\n<main>\n",
        );
    }

    /// Writes the shell from `</main>` to the end.
    pub(crate) fn end(out: &mut String) {
        out.push_str("</main>\n</body>\n</html>\n");
    }

    /// The page of `body` (HTML, inserted as is).
    pub(crate) fn page(&self, body: &str) -> String {
        let mut out = String::with_capacity(body.len() + STYLE.len() + 640);
        self.start(&mut out);
        out.push_str(body);
        Shell::end(&mut out);
        out
    }
}

/// Writes `text` as the inside of a CSS string between double quotes, inside a `<style>`
/// element: `"` and `\` escaped, a line break or another control character as a space, and
/// `<` as `\3C ` so that no `</style>` closes the element.
fn push_css_string(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\3C "),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Shell, push_css_string};
    use crate::Language;

    #[test]
    fn a_running_header_cannot_leave_its_css_string_nor_its_style_element() {
        let mut out = String::new();
        push_css_string(&mut out, "a\"b\\c</style>\nd");
        assert_eq!(out, "a\\\"b\\\\c\\3C /style> d");
        let page = Shell {
            title: "T </style><script>",
            language: Language::Fr,
            running: None,
        }
        .page("<p>x</p>\n");
        assert_eq!(page.matches("</style>").count(), 1, "{page}");
        assert!(!page.contains("<script"), "{page}");
        assert!(page.contains("<title>T &lt;/style&gt;&lt;script&gt;</title>"));
        assert!(page.contains("counter(page)"));
    }
}
