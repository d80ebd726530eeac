//! The remote-audit sections of section 3 (`AUDIT A DISTANCE : Internet`, then module headings
//! and a row `Module M N. Title\tNote : Conforme PF : …` per engagement checked).

use super::super::vocabulary::{NOTE, REMOTE_CHANNELS};
use super::cells::{markers, parse_verdict, strip_prefix_ci, strip_tags};
use super::lines::excerpt;
use super::{At, Filed, ImportCode, LastRow, LineRole, Parser, ReportField, Spot};
use crate::report_text::phrases::{Cell, Subject};
use crate::text::key;
use crate::{Observation, RemoteChannel, RemoteCheck, RemoteNote, Verdict};

/// The channel of a remote-audit heading, folded, after `AUDIT A DISTANCE`.
pub(super) fn remote_channel_from_key(k: &str) -> Option<RemoteChannel> {
    REMOTE_CHANNELS
        .iter()
        .find(|(_, label)| label.matches(k))
        .map(|(c, _)| *c)
}

/// The cells of a remote check after its title, read: `Note : Conforme. comment PF : …`.
struct RemoteCells {
    /// A cell, or the note, that is an engagement's verdict and not a note (`NC Maj`): a
    /// remote check has none.
    verdict: Option<(Verdict, String)>,
    /// The note and its text, when one is written.
    note: Option<(RemoteNote, String)>,
    /// The text where the note stands when it reads as none (kept as the comment).
    unknown: Option<String>,
    /// The text after the note.
    comment: Option<String>,
    /// The text from the first observation marker on.
    observations: String,
    /// Whether nothing stands where the note does.
    empty: bool,
}

impl RemoteCells {
    /// Reads the cells `rest`. A note is the text before the first marker when it reads as one
    /// (`Conforme`, `Note : Conforme`); when it only starts with one (`Conforme. 5 appels`),
    /// the rest is its comment, if the note is `lenient` (a row's) or written after `Note :`.
    fn read(rest: &[&str], lenient: bool) -> RemoteCells {
        let verdict = rest.iter().find_map(|cell| {
            let cell = strip_tags(cell);
            let cell = cell.trim();
            parse_verdict(cell)
                .filter(|_| cell.parse::<RemoteNote>().is_err())
                .map(|v| (v, cell.to_owned()))
        });
        let joined = rest.join(" ");
        let text = strip_tags(&joined);
        let text = text.trim();
        let found = markers(text);
        let head_end = found.first().map_or(text.len(), |m| m.0);
        let head = text.get(..head_end).unwrap_or("").trim();
        let observations = text.get(head_end..).unwrap_or("").to_owned();
        let after_label = strip_prefix_ci(head, NOTE)
            .map(str::trim_start)
            .and_then(|s| s.strip_prefix(':'));
        let lenient = lenient || after_label.is_some();
        let note_text = after_label.map_or(head, str::trim);
        let mut cells = RemoteCells {
            verdict,
            note: None,
            unknown: None,
            comment: None,
            observations,
            empty: note_text.is_empty(),
        };
        if note_text.is_empty() {
            return cells;
        }
        if let Ok(note) = note_text.parse::<RemoteNote>() {
            cells.note = Some((note, note_text.to_owned()));
            return cells;
        }
        if let Some(v) = parse_verdict(note_text) {
            cells.verdict.get_or_insert((v, note_text.to_owned()));
            return cells;
        }
        let k = key(note_text);
        let note = lenient.then_some([
            RemoteNote::NonConforme,
            RemoteNote::NonApplicable,
            RemoteNote::Conforme,
        ]);
        let note = note
            .into_iter()
            .flatten()
            .find(|note| k.starts_with(&key(note.code())));
        match note {
            Some(note) => {
                // The text after the note is the check's comment.
                cells.note = Some((note, note_text.to_owned()));
                cells.comment = after_note(note_text, note);
            }
            None => cells.unknown = Some(note_text.to_owned()),
        }
        cells
    }
}

impl Parser<'_> {
    pub(super) fn remote_row(
        &mut self,
        n: usize,
        channel: RemoteChannel,
        module: u32,
        number: u32,
        (first, title): (&str, &str),
        rest: &[&str],
    ) -> LineRole {
        self.last_row = LastRow::None;
        let Some(e) = self.engagement_number(n, number, "remote_checks") else {
            return LineRole::Reported;
        };
        let what = Subject::Remote(channel, e);
        if let Some(i) = self
            .remote_checks
            .iter()
            .position(|c| c.channel == channel && c.engagement == e)
        {
            let filed = self.remote_at.get(i).map_or(n, |f| f.row);
            self.diag(Some(n), ImportCode::DuplicateRow, |p| {
                (p.duplicate_row)(what, filed)
            });
            self.keep_line(
                n,
                format!("remote_checks[{i}]"),
                Some(format!("line {filed}")),
            );
            return LineRole::Reported;
        }
        let expected = self.r.engagement(e).map(|re| re.title.clone());
        if self.title_carries(
            n,
            what,
            (first, title),
            expected.as_deref(),
            "remote_checks",
        ) {
            return LineRole::Reported;
        }
        let known = self.r.engagement(e).map(|re| re.module);
        let written = self.written_module(n, Subject::RemoteOf(e), e, module);
        let Some(module) = written.or(known) else {
            self.diag(Some(n), ImportCode::UnknownEngagement, |p| {
                (p.remote_unknown_engagement)(e)
            });
            self.keep_line(n, "remote_checks".to_owned(), None);
            return LineRole::Reported;
        };
        match expected {
            Some(expected) => self.check_title(n, Subject::RemoteOf(e), title, &expected),
            None => {
                let r = self.r;
                self.diag(Some(n), ImportCode::UnknownEngagement, |p| {
                    (p.not_in_referentiel)(Subject::RemoteOf(e), title, r.id())
                });
            }
        }
        let cells = RemoteCells::read(rest, true);
        if let Some((v, text)) = cells.verdict {
            self.diag(Some(n), ImportCode::AssessmentNotFiled, |p| {
                (p.remote_verdict)(what, &text, v)
            });
            self.keep_line(n, "remote_checks".to_owned(), None);
            return LineRole::Reported;
        }
        let i = self.remote_checks.len();
        let field = format!("remote_checks[{i}]");
        if cells.empty {
            self.diag(Some(n), ImportCode::MissingVerdict, |p| {
                (p.missing_verdict)(what)
            });
        }
        let mut comment = cells.comment;
        if let Some(unknown) = cells.unknown {
            let shown = excerpt(&unknown);
            self.diag(Some(n), ImportCode::UnknownVerdict, |p| {
                (p.unknown_note)(what, &shown)
            });
            comment = Some(unknown);
        }
        let note = cells.note.map(|(note, _)| note);
        let place = note.map(|_| At {
            line: n,
            cell: Some(Cell::Note),
        });
        let comment = match comment {
            Some(c) => {
                self.unless_carried(n, Spot::Comment(what), format!("{field}.comment"), c, place)
            }
            None => None,
        };
        let observations = self.remote_observations(n, what, &field, &cells.observations);
        self.remote_checks.push(RemoteCheck {
            channel,
            engagement: e,
            module,
            note,
            comment,
            observations,
        });
        self.remote_at.push(Filed {
            row: n,
            value: note.map(|_| n),
        });
        self.last_row = LastRow::Remote(i);
        LineRole::Field(ReportField::RemoteCheck(channel, e))
    }

    /// The observations of a remote check, from its text at the first marker on, except those
    /// whose text could carry an assessment (kept in `unread`).
    fn remote_observations(
        &mut self,
        n: usize,
        what: Subject,
        field: &str,
        text: &str,
    ) -> Vec<Observation> {
        self.file_texts(n, what, (field, text), None, false)
            .observations
    }

    /// The line under remote check `i` (`cells`, its non-empty cells): its note, more of its
    /// comment, more observations. A second note competes with the one filed, a verdict has no
    /// place in a remote check: each is kept in `unread`.
    pub(super) fn remote_continuation(&mut self, n: usize, i: usize, cells: &[&str]) -> LineRole {
        let Some(check) = self.remote_checks.get(i) else {
            return LineRole::Reported;
        };
        let (channel, e) = (check.channel, check.engagement);
        let what = Subject::Remote(channel, e);
        let field = format!("remote_checks[{i}]");
        let filed = self.remote_at.get(i).copied().unwrap_or(Filed {
            row: n,
            value: None,
        });
        let read = RemoteCells::read(cells, false);
        let mut used = false;
        let mut place = filed.value_place();
        if let Some((v, text)) = read.verdict {
            self.diag(Some(n), ImportCode::AssessmentNotFiled, |p| {
                (p.remote_verdict_under)(what, &text, v)
            });
            self.unread
                .push(crate::Unread::new(format!("{field}.note"), text).at_line(n));
            return LineRole::Reported;
        }
        if let Some((note, text)) = read.note {
            if let Some(at) = place {
                self.competing(
                    n,
                    Spot::SecondNote(what),
                    format!("{field}.note"),
                    &text,
                    at,
                    None,
                );
            } else {
                if let Some(check) = self.remote_checks.get_mut(i) {
                    check.note = Some(note);
                }
                if let Some(at) = self.remote_at.get_mut(i) {
                    at.value = Some(n);
                }
                self.verdict_found(filed.row);
                place = Some(At {
                    line: n,
                    cell: None,
                });
                used = true;
            }
        }
        let text = read.comment.or(read.unknown);
        let comment = match text {
            Some(c) => {
                self.unless_carried(n, Spot::Comment(what), format!("{field}.comment"), c, place)
            }
            None => None,
        };
        let observations = self.remote_observations(n, what, &field, &read.observations);
        used |= comment.is_some() || !observations.is_empty();
        if let Some(check) = self.remote_checks.get_mut(i) {
            if let Some(c) = comment {
                match check.observations.last_mut() {
                    Some(last) => {
                        last.text.push(' ');
                        last.text.push_str(&c);
                    }
                    None => match &mut check.comment {
                        Some(existing) => {
                            existing.push(' ');
                            existing.push_str(&c);
                        }
                        None => check.comment = Some(c),
                    },
                }
            }
            check.observations.extend(observations);
        }
        if !used {
            return LineRole::Reported;
        }
        let role = ReportField::RemoteCheck(channel, e);
        self.diag(Some(n), ImportCode::RowContinued, |p| {
            (p.row_continued)(role)
        });
        LineRole::Field(role)
    }
}

/// The text of `head` after its leading `note` (`Conforme. 5 appels passés` → `5 appels
/// passés`), without the punctuation between them; `None` when nothing follows.
fn after_note(head: &str, note: RemoteNote) -> Option<String> {
    let word = key(note.code());
    let end = head
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take(40)
        .find(|&i| head.get(..i).is_some_and(|h| key(h) == word))?;
    let rest = head.get(end..)?.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '-' | '–')
    });
    (!rest.is_empty()).then(|| rest.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comment_after_a_note() {
        let comment = |head| after_note(head, RemoteNote::Conforme);
        assert_eq!(comment("Conforme"), None);
        assert_eq!(comment("Conforme."), None);
        assert_eq!(
            comment("CONFORME. 5 appels passés.").as_deref(),
            Some("5 appels passés.")
        );
        assert_eq!(
            after_note("Non conforme : voir capture", RemoteNote::NonConforme).as_deref(),
            Some("voir capture")
        );
        // A comment that starts right after the note with a character other than a separator
        // keeps it: the note ends at its last letter, not at the next character boundary the
        // folded forms agree on.
        assert_eq!(
            comment("Conforme… sauf le vendredi").as_deref(),
            Some("… sauf le vendredi")
        );
    }
}
