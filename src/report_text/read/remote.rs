//! The remote-audit sections of section 3 (`AUDIT A DISTANCE : Internet`, then module headings
//! and a row `Module M N. Title\tNote : Conforme PF : …` per engagement checked).

use super::super::vocabulary::{NOTE, REMOTE_CHANNELS};
use super::cells::{markers, split_observations, strip_prefix_ci, strip_tags};
use super::lines::excerpt;
use super::{ImportCode, LastRow, LineRole, Parser, ReportField};
use crate::text::key;
use crate::{RemoteChannel, RemoteCheck, RemoteNote};

/// The channel of a remote-audit heading, folded, after `AUDIT A DISTANCE`.
pub(super) fn remote_channel_from_key(k: &str) -> Option<RemoteChannel> {
    REMOTE_CHANNELS
        .iter()
        .find(|(_, label)| label.matches(k))
        .map(|(c, _)| *c)
}

impl Parser<'_> {
    pub(super) fn remote_row(
        &mut self,
        n: usize,
        channel: RemoteChannel,
        module: u32,
        number: u32,
        title: &str,
        rest: &[&str],
    ) -> LineRole {
        self.last_row = LastRow::None;
        let Some(e) = self.engagement_number(n, number, "remote_checks") else {
            return LineRole::Reported;
        };
        let known = self.r.engagement(e).map(|re| re.module);
        let written = self.written_module(n, &format!("remote check of engagement {e}"), e, module);
        let Some(module) = written.or(known) else {
            self.diag(
                Some(n),
                ImportCode::UnknownEngagement,
                format!(
                    "remote check of engagement {e}: the référentiel does not know the \
                     engagement; row kept in `unread`"
                ),
            );
            self.unread_rows.push((n, "remote_checks"));
            return LineRole::Reported;
        };
        match self.r.engagement(e) {
            Some(re) => {
                let expected = re.title.clone();
                self.check_title(
                    n,
                    &format!("remote check of engagement {e}"),
                    title,
                    &expected,
                );
            }
            None => self.diag(
                Some(n),
                ImportCode::UnknownEngagement,
                format!(
                    "remote check of engagement {e} ({title:?}): not in référentiel {}; \
                     imported as written",
                    self.r.id()
                ),
            ),
        }
        if self
            .remote_checks
            .iter()
            .any(|c| c.channel == channel && c.engagement == e)
        {
            self.diag(
                Some(n),
                ImportCode::DuplicateRow,
                format!("engagement {e} has a second {channel} remote check; both are imported"),
            );
        }
        let joined = rest.join(" ");
        let text = strip_tags(&joined);
        let text = text.trim();
        let found = markers(text);
        let head_end = found.first().map_or(text.len(), |m| m.0);
        let head = text.get(..head_end).unwrap_or("").trim();
        let obs_text = text.get(head_end..).unwrap_or("");
        let (_, observations) = split_observations(obs_text);
        let note_text = strip_prefix_ci(head, NOTE)
            .map(str::trim_start)
            .and_then(|s| s.strip_prefix(':'))
            .map_or(head, str::trim);
        let mut comment = None;
        let note = if note_text.is_empty() {
            self.diag(
                Some(n),
                ImportCode::MissingVerdict,
                format!("{channel} remote check of engagement {e} has no note"),
            );
            None
        } else if let Ok(note) = note_text.parse::<RemoteNote>() {
            Some(note)
        } else {
            let k = key(note_text);
            let note = [
                RemoteNote::NonConforme,
                RemoteNote::NonApplicable,
                RemoteNote::Conforme,
            ]
            .into_iter()
            .find(|note| k.starts_with(&key(note.code())));
            if let Some(note) = note {
                // The text after the note is the check's comment.
                comment = after_note(note_text, note);
            } else {
                self.diag(
                    Some(n),
                    ImportCode::UnknownVerdict,
                    format!(
                        "{channel} remote check of engagement {e}: note {:?} is not \
                         Conforme, Non conforme or Non applicable; kept as its comment",
                        excerpt(note_text)
                    ),
                );
                comment = Some(note_text.to_owned());
            }
            note
        };
        self.remote_checks.push(RemoteCheck {
            channel,
            engagement: e,
            module,
            note,
            comment,
            observations,
        });
        LineRole::Field(ReportField::RemoteCheck(channel, e))
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
