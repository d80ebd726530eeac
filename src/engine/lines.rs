//! [`Lines`]: the lines of generated text of a synthesis section, held in one buffer.

use serde::Serialize;
use serde::ser::{SerializeSeq as _, Serializer};

/// Lines of generated text, in order, held in one buffer: a section of a few dozen lines costs
/// two allocations, not one per line. Serialised as an array of strings.
///
/// ```
/// use qualepref::{conclude, samples, Audit, Language, ValidationOptions, Policy, Referentiel, Valid};
/// let audit = Audit::from_json_str(samples::TOULON_2019_JSON)?;
/// let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default())
///     .map_err(|report| report.to_string())?;
/// let c = conclude(&valid, &Policy::default(), Language::Fr);
/// let fiches = &c.synthesis.fiches_ecart.generated;
/// assert_eq!(fiches.len(), 1);
/// assert_eq!(fiches.get(0), Some("Absence de non-conformité majeure ou mineure."));
/// assert_eq!(fiches.iter().collect::<Vec<_>>(), ["Absence de non-conformité majeure ou mineure."]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lines {
    /// The lines, one after the other.
    text: String,
    /// Where each line ends in `text`.
    ends: Vec<usize>,
}

impl Lines {
    /// No line, with room for `lines` lines of `bytes` bytes in all.
    pub(crate) fn with_capacity(lines: usize, bytes: usize) -> Lines {
        Lines {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(lines),
        }
    }

    /// Appends `line`.
    pub(crate) fn push(&mut self, line: &str) {
        self.text.push_str(line);
        self.ends.push(self.text.len());
    }

    /// The buffer to write the next line into; [`end_line`](Lines::end_line) ends it.
    pub(crate) fn buffer(&mut self) -> &mut String {
        &mut self.text
    }

    /// Ends the line written into [`buffer`](Lines::buffer) since the previous one.
    pub(crate) fn end_line(&mut self) {
        self.ends.push(self.text.len());
    }

    /// The number of lines.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there is no line.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Line `i` (from 0).
    #[must_use]
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            Some(previous) => *self.ends.get(previous)?,
            None => 0,
        };
        self.text.get(start..end)
    }

    /// The first line.
    #[must_use]
    pub fn first(&self) -> Option<&str> {
        self.get(0)
    }

    /// The last line.
    #[must_use]
    pub fn last(&self) -> Option<&str> {
        self.get(self.len().checked_sub(1)?)
    }

    /// The lines, in order.
    #[must_use]
    pub fn iter(&self) -> LinesIter<'_> {
        LinesIter {
            text: &self.text,
            ends: self.ends.iter(),
            start: 0,
        }
    }
}

/// Equal when the lines are equal, one by one.
impl<S: AsRef<str>> PartialEq<[S]> for Lines {
    fn eq(&self, other: &[S]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

/// Equal when the lines are equal, one by one.
impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for Lines {
    fn eq(&self, other: &[S; N]) -> bool {
        *self == other[..]
    }
}

/// Equal when the lines are equal, one by one.
impl<S: AsRef<str>> PartialEq<Vec<S>> for Lines {
    fn eq(&self, other: &Vec<S>) -> bool {
        *self == other[..]
    }
}

impl<'l> IntoIterator for &'l Lines {
    type Item = &'l str;
    type IntoIter = LinesIter<'l>;

    fn into_iter(self) -> LinesIter<'l> {
        self.iter()
    }
}

/// The lines of a [`Lines`], in order.
#[derive(Debug, Clone)]
pub struct LinesIter<'l> {
    text: &'l str,
    ends: std::slice::Iter<'l, usize>,
    start: usize,
}

impl<'l> Iterator for LinesIter<'l> {
    type Item = &'l str;

    fn next(&mut self) -> Option<&'l str> {
        let end = *self.ends.next()?;
        let line = self.text.get(self.start..end);
        self.start = end;
        line
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ends.size_hint()
    }
}

impl ExactSizeIterator for LinesIter<'_> {}

impl Serialize for Lines {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for line in self {
            seq.serialize_element(line)?;
        }
        seq.end()
    }
}
