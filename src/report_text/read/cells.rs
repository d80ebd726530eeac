//! The small readers of cells and words every phase uses: numbers, numbered titles, module rows
//! and headings, dates, verdicts, checkboxes, observation markers and risks, figures in prose.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::super::vocabulary::{CHECKBOX, CHECKED_ATTRIBUTE, MODULE, RISK, ROW_EVIDENCE_WORDS};
use crate::text::{folded, key};
use crate::{Observation, ObservationKind, Verdict};

/// The leading decimal number of `s` (at most 9 digits) and the rest.
#[inline]
pub(super) fn leading_number(s: &str) -> Option<(u32, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > 9 {
        return None;
    }
    let n = s.get(..end)?.parse().ok()?;
    Some((n, s.get(end..)?))
}

/// `12. Title` → (12, `Title`).
#[inline]
pub(super) fn numbered(s: &str) -> Option<(u32, &str)> {
    let (n, rest) = leading_number(s.trim_start())?;
    let rest = rest.trim_start().strip_prefix('.')?;
    Some((n, rest.trim()))
}

#[inline]
pub(super) fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

/// `Module 1 12. Title` → (1, 12, `Title`).
#[inline]
pub(super) fn module_row(s: &str) -> Option<(u32, u32, &str)> {
    let rest = strip_prefix_ci(s.trim_start(), MODULE)?;
    let (module, rest) = leading_number(rest.trim_start())?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let (number, title) = numbered(rest)?;
    Some((module, number, title))
}

/// `MODULE 1 - …` or `MODULE 1 : …` (a heading, not a row) → 1.
#[inline]
pub(super) fn module_heading(s: &str) -> Option<u32> {
    let rest = strip_prefix_ci(s.trim_start(), MODULE)?;
    let (module, rest) = leading_number(rest.trim_start())?;
    let rest = rest.trim_start();
    if rest.is_empty() || rest.starts_with(['-', ':', '–', '—']) {
        Some(module)
    } else {
        None
    }
}

/// The years a date of an audit may fall in, as validation's `implausible-date` has them: a
/// year outside is a typing error (`0019`, `2219`), refused rather than read.
pub(crate) const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Why a text is not a date `dd/mm/yyyy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateError {
    /// Not three groups of digits separated by `/`.
    Form,
    /// A year of two digits (`18/11/19`): which century is not guessed.
    TwoDigitYear,
    /// A year of four digits outside [`PLAUSIBLE_YEARS`].
    Year(i32),
    /// No such day in the calendar (`31/02/2019`).
    Day,
}

/// `dd/mm/yyyy` (day and month of one or two digits, a year of four between 2000 and 2100):
/// `18/11/19` is not a date of the year 19, nor `18/11/0019`; each is refused, with the
/// reason, rather than guessed.
pub(super) fn read_date(s: &str) -> Result<NaiveDate, DateError> {
    let mut parts = s.trim().split('/');
    let (Some(day), Some(month), Some(year)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(DateError::Form);
    };
    let digits = |p: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(day, 1..=2) || !digits(month, 1..=2) {
        return Err(DateError::Form);
    }
    if digits(year, 2..=2) {
        return Err(DateError::TwoDigitYear);
    }
    if !digits(year, 4..=4) {
        return Err(DateError::Form);
    }
    let number = |p: &str| p.parse::<u32>().map_err(|_| DateError::Form);
    let y = i32::try_from(number(year)?).map_err(|_| DateError::Form)?;
    if !PLAUSIBLE_YEARS.contains(&y) {
        return Err(DateError::Year(y));
    }
    NaiveDate::from_ymd_opt(y, number(month)?, number(day)?).ok_or(DateError::Day)
}

/// [`read_date`], without the reason.
pub(super) fn parse_date(s: &str) -> Option<NaiveDate> {
    read_date(s).ok()
}

/// The words of `s` that hold a `/` between digits, as dates do.
pub(super) fn date_like_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| w.contains('/') && w.starts_with(|c: char| c.is_ascii_digit()))
}

/// Every `dd/mm/yyyy` date in `s`, in order.
pub(super) fn dates_in(s: &str) -> Vec<NaiveDate> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .filter(|w| w.contains('/'))
        .filter_map(|w| parse_date(w.trim_end_matches('.')))
        .collect()
}

/// Every `4 février 2019` date in `s`, in order.
pub(super) fn french_dates_in(s: &str) -> Vec<NaiveDate> {
    const MONTHS: [&str; 12] = [
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut out = Vec::new();
    for w in words.windows(3) {
        if let [day, month, year] = w {
            let day = day
                .trim_start_matches("1er")
                .parse::<u32>()
                .ok()
                .or_else(|| day.eq_ignore_ascii_case("1er").then_some(1));
            let month = MONTHS.iter().position(|m| *m == key(month));
            let year = year.trim_end_matches(['.', ',']);
            let year = (year.len() == 4)
                .then(|| year.parse::<i32>().ok())
                .flatten()
                .filter(|y| PLAUSIBLE_YEARS.contains(y));
            if let (Some(d), Some(m), Some(y)) = (day, month, year) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m as u32 + 1, d) {
                    out.push(date);
                }
            }
        }
    }
    out
}

pub(super) fn parse_verdict(cell: &str) -> Option<Verdict> {
    if cell.len() > 30 {
        return None;
    }
    cell.parse().ok()
}

/// The checkboxes of a cell: `(checked, label)` for each `<input … type="checkbox"/> Label`.
pub(super) fn checkboxes(cell: &str) -> Vec<(bool, &str)> {
    cell.split(CHECKBOX)
        .skip(1)
        .filter_map(|seg| {
            let (attrs, label) = seg.split_once('>')?;
            Some((attrs.contains(CHECKED_ATTRIBUTE), label.trim()))
        })
        .collect()
}

/// Where the observation markers (`PF :`, `PS:`, `PP :`) of `text` start, with the start of
/// their text and their kind.
pub(super) fn markers(text: &str) -> Vec<(usize, usize, ObservationKind)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'P' {
            let boundary = i == 0
                || bytes
                    .get(i - 1)
                    .is_some_and(|p| p.is_ascii_whitespace() || matches!(p, b'>' | b'*' | b'('));
            let kind = match bytes.get(i + 1) {
                Some(b'F') => Some(ObservationKind::Strength),
                Some(b'S') => Some(ObservationKind::AreaOfConcern),
                Some(b'P') => Some(ObservationKind::OpportunityForImprovement),
                _ => None,
            };
            if let (true, Some(kind)) = (boundary, kind) {
                let mut j = i + 2;
                while bytes.get(j).is_some_and(|c| *c == b' ' || *c == b'*') {
                    j += 1;
                }
                if bytes.get(j) == Some(&b':') {
                    out.push((i, j + 1, kind));
                    i = j + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// `Risque : …` in a point sensible: (text, risk).
pub(super) fn split_risk(text: &str) -> (&str, Option<&str>) {
    let bytes = text.as_bytes();
    let initial = RISK.as_bytes().first().copied().unwrap_or_default();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.eq_ignore_ascii_case(&initial)
            && (i == 0 || bytes.get(i - 1).is_some_and(u8::is_ascii_whitespace))
            && text
                .get(i..i + RISK.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(RISK))
        {
            let mut j = i + RISK.len();
            if matches!(bytes.get(j), Some(b's' | b'S')) {
                j += 1;
            }
            while bytes.get(j) == Some(&b' ') {
                j += 1;
            }
            if bytes.get(j) == Some(&b':') {
                if let (Some(head), Some(risk)) = (text.get(..i), text.get(j + 1..)) {
                    return (head.trim(), Some(risk.trim()));
                }
            }
        }
        i += 1;
    }
    (text, None)
}

/// The length of the label `Éléments de preuve :` at the start of `text`, its colon included:
/// in any case, with or without accents, in the singular or the plural, bold marks or spaces
/// before the colon.
fn evidence_label(text: &str) -> Option<usize> {
    let word = |s: &str| -> (usize, usize) {
        let start = s.len() - s.trim_start().len();
        let len = s
            .get(start..)
            .and_then(|w| w.find(|c: char| !c.is_alphabetic()))
            .unwrap_or(s.len() - start);
        (start, start + len)
    };
    let mut at = 0;
    for forms in ROW_EVIDENCE_WORDS {
        let rest = text.get(at..)?;
        let (start, end) = word(rest);
        let w = rest.get(start..end)?;
        if start == 0 && at > 0 || !forms.iter().any(|f| folded(w).eq(f.chars())) {
            return None;
        }
        at += end;
    }
    let rest = text.get(at..)?;
    let colon = rest.find(|c: char| !(c == ' ' || c == '*'))?;
    (rest.get(colon..)?.starts_with(':')).then_some(at + colon + 1)
}

/// Where the markers of `text` start: the observations' (`PF :`, `PS:`, `PP :`) and the
/// evidence's (`Éléments de preuve :`), in order, with the start of their text.
pub(super) fn row_markers(text: &str) -> Vec<(usize, usize, Marker)> {
    let mut found: Vec<(usize, usize, Marker)> = markers(text)
        .into_iter()
        .map(|(at, start, kind)| (at, start, Marker::Observation(kind)))
        .collect();
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if !matches!(c, 'E' | 'e' | 'É' | 'é') {
            continue;
        }
        let boundary = i == 0
            || bytes
                .get(i - 1)
                .is_some_and(|p| p.is_ascii_whitespace() || matches!(p, b'>' | b'*' | b'(' | b'.'));
        if let Some(len) = text.get(i..).filter(|_| boundary).and_then(evidence_label) {
            found.push((i, i + len, Marker::Evidence));
        }
    }
    found.sort_unstable_by_key(|m| m.0);
    found
}

/// What a marker of a row's comment cell starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    /// An observation of this kind.
    Observation(ObservationKind),
    /// The evidence, « Éléments de preuve ».
    Evidence,
}

/// A row's comment cell, read: the text before any marker (the comment), the evidence
/// (« Éléments de preuve : », several joined by a space), the observations, and the last
/// marker (what a line continuing the row goes on with).
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct RowText {
    pub(super) comment: Option<String>,
    pub(super) evidence: Option<String>,
    pub(super) observations: Vec<Observation>,
    pub(super) tail: Option<Marker>,
}

impl RowText {
    /// Whether the text ends in its evidence.
    pub(super) fn ends_in_evidence(&self) -> bool {
        self.tail == Some(Marker::Evidence)
    }
}

/// A comment cell split into the text before any marker (the comment), the evidence (when
/// `evidence`; else its label stays in the text) and the observations.
pub(super) fn split_observations(text: &str, evidence: bool) -> RowText {
    let found = if evidence {
        row_markers(text)
    } else {
        markers(text)
            .into_iter()
            .map(|(at, start, kind)| (at, start, Marker::Observation(kind)))
            .collect()
    };
    let first = found.first().map_or(text.len(), |m| m.0);
    let comment = text
        .get(..first)
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned);
    let mut read = RowText {
        comment,
        tail: found.last().map(|m| m.2),
        ..RowText::default()
    };
    for (k, &(_, start, marker)) in found.iter().enumerate() {
        let end = found.get(k + 1).map_or(text.len(), |m| m.0);
        let body = text.get(start..end).unwrap_or("").trim();
        match marker {
            Marker::Evidence => match &mut read.evidence {
                Some(evidence) => {
                    evidence.push(' ');
                    evidence.push_str(body);
                }
                None => read.evidence = Some(body.to_owned()),
            },
            Marker::Observation(kind) => {
                let (body, risk) = if kind == ObservationKind::AreaOfConcern {
                    split_risk(body)
                } else {
                    (body, None)
                };
                read.observations.push(Observation {
                    kind,
                    text: body.to_owned(),
                    risk: risk.map(str::to_owned),
                });
            }
        }
    }
    read
}

pub(super) fn strip_tags(text: &str) -> Cow<'_, str> {
    if text.contains('<') {
        let mut s = text.to_owned();
        for tag in [
            "<i>",
            "</i>",
            "<b>",
            "</b>",
            "<em>",
            "</em>",
            "<strong>",
            "</strong>",
        ] {
            if s.contains(tag) {
                s = s.replace(tag, "");
            }
        }
        Cow::Owned(s)
    } else {
        Cow::Borrowed(text)
    }
}

/// A number written just before `word` in `text` (`1 060 000 habitants` → 1060000), with the
/// text of the figure.
pub(super) fn figure_before(text: &str, word: &str) -> Option<(u64, String)> {
    for (at, _) in text.match_indices(word) {
        let after = text.get(at + word.len()..).and_then(|s| s.chars().next());
        if after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let head = text.get(..at)?.trim_end();
        let tokens: Vec<&str> = head.split(' ').collect();
        let mut digits: Vec<&str> = Vec::new();
        for t in tokens.iter().rev() {
            if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit()) {
                break;
            }
            if let Some(prev) = digits.last() {
                if prev.len() != 3 || t.len() > 3 {
                    break;
                }
            }
            digits.push(t);
        }
        if digits.is_empty() {
            continue;
        }
        digits.reverse();
        let number: String = digits.concat();
        let value = number.parse().ok()?;
        return Some((value, format!("{} {word}", digits.join(" "))));
    }
    None
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_only_in_their_written_forms() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_date(" 4/2/2019 "), day(2019, 2, 4));
        for bad in [
            "18/11/2019/5",
            "+1/11/2019",
            "18/+1/2019",
            "18/11/+201",
            "18/11/19",
            "18/11/0019",
            "18/11/2101",
            "31/02/2019",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(read_date("18/11/19"), Err(DateError::TwoDigitYear));
        assert_eq!(read_date("18/11/0019"), Err(DateError::Year(19)));
        assert_eq!(read_date("1/1/1999"), Err(DateError::Year(1999)));
        assert_eq!(
            read_date("1/1/2000"),
            Ok(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap())
        );
        assert_eq!(
            read_date("31/12/2100"),
            Ok(NaiveDate::from_ymd_opt(2100, 12, 31).unwrap())
        );
        assert_eq!(read_date("31/02/2019"), Err(DateError::Day));
        assert_eq!(read_date("18/11/201"), Err(DateError::Form));
        assert_eq!(read_date("fin mars"), Err(DateError::Form));
        let words: Vec<&str> = date_like_words("le 18/11/2019, et/ou 3 jours (2/3).").collect();
        assert_eq!(words, ["18/11/2019", "2/3"]);
        let found: Vec<Option<NaiveDate>> =
            french_dates_in("du 19/12/2018 mis à jour le 4 février 2019, puis le 1er mars 2020.")
                .into_iter()
                .map(Some)
                .collect();
        assert_eq!(found, [day(2019, 2, 4), day(2020, 3, 1)]);
        assert_eq!(french_dates_in("le 4 février 19"), []);
        assert_eq!(french_dates_in("le 4 février 0019"), []);
    }

    #[test]
    fn a_risk_is_a_word_risque_followed_by_a_colon() {
        assert_eq!(
            split_risk("Attente longue Risque :  usagers mécontents"),
            ("Attente longue", Some("usagers mécontents"))
        );
        assert_eq!(
            split_risk("Attente risques: perte"),
            ("Attente", Some("perte"))
        );
        for none in [
            "Attente. Retard : long",
            "Attente. aRisque : x",
            "Risque sans deux-points",
        ] {
            assert_eq!(split_risk(none), (none, None), "{none}");
        }
    }

    #[test]
    fn a_figure_is_the_number_just_before_its_word() {
        assert_eq!(
            figure_before("environ 1 060 000 habitants.", "habitants"),
            Some((1_060_000, "1 060 000 habitants".to_owned()))
        );
        // Not a word that only begins with it; groups of three digits only.
        assert_eq!(
            figure_before("12 habitantsz, 15 habitants", "habitants"),
            Some((15, "15 habitants".to_owned()))
        );
        assert_eq!(
            figure_before("soit 12 34 habitants", "habitants"),
            Some((34, "34 habitants".to_owned()))
        );
    }

    #[test]
    fn a_leading_number_has_one_to_nine_digits() {
        assert_eq!(leading_number("123456789. x"), Some((123_456_789, ". x")));
        assert_eq!(leading_number("1234567890. x"), None);
        assert_eq!(leading_number("x. 12"), None);
        assert_eq!(leading_number("7"), Some((7, "")));
    }

    #[test]
    fn markers_and_risks() {
        let read = split_observations("Vu. PF : bien PS: mal Risque : perte PP :mieux", true);
        assert_eq!(read.comment.as_deref(), Some("Vu."));
        let obs = &read.observations;
        assert_eq!(obs.len(), 3);
        assert_eq!(obs[1].text, "mal");
        assert_eq!(obs[1].risk.as_deref(), Some("perte"));
        assert_eq!(obs[2].text, "mieux");
        assert_eq!(read.evidence, None);
        assert!(markers("APF : x").is_empty());
    }

    #[test]
    fn evidence_is_a_marker_of_its_own() {
        let read = split_observations(
            "Vu. PF : accueil soigné Éléments de preuve : procédure d'accueil, entretien PS : x",
            true,
        );
        assert_eq!(read.comment.as_deref(), Some("Vu."));
        assert_eq!(
            read.evidence.as_deref(),
            Some("procédure d'accueil, entretien")
        );
        assert_eq!(read.observations.len(), 2);
        assert_eq!(read.observations[0].text, "accueil soigné");
        assert!(!read.ends_in_evidence());
        for label in [
            "Éléments de preuve :",
            "ÉLÉMENTS DE PREUVE:",
            "elements de preuves :",
            "Élément de preuve **:",
        ] {
            let read = split_observations(&format!("{label} registre"), true);
            assert_eq!(read.evidence.as_deref(), Some("registre"), "{label}");
            assert_eq!(read.comment, None, "{label}");
            assert!(read.ends_in_evidence(), "{label}");
            // A remote check has no evidence: the label stays in its text.
            let remote = split_observations(&format!("{label} registre"), false);
            assert_eq!(remote.comment, Some(format!("{label} registre")));
        }
        // Two labels: both texts, in order; a word that only starts like one is no label.
        let read = split_observations("Éléments de preuve : a Éléments de preuve : b", true);
        assert_eq!(read.evidence.as_deref(), Some("a b"));
        for prose in [
            "Les éléments de preuve sont au dossier.",
            "Deséléments de preuve : x",
            "éléments de preuve",
        ] {
            assert_eq!(split_observations(prose, true).evidence, None, "{prose}");
        }
    }

    #[test]
    fn figures_read_thousands() {
        assert_eq!(
            figure_before("environ 1 060 000 habitants.", "habitants").map(|f| f.0),
            Some(1_060_000)
        );
        assert_eq!(
            figure_before("en 2017 3 arrondissements", "arrondissements").map(|f| f.0),
            Some(3)
        );
    }
}
