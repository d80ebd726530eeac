//! [`Lines`]: the lines of generated text of a synthesis section, held in one buffer.

use serde::ser::{SerializeSeq as _, Serializer};
use serde::{Deserialize, Deserializer, Serialize};

/// Lines of generated text, in order, held in one buffer: a section of a few dozen lines costs
/// two allocations, not one per line. Serialised as an array of strings. Crate-private: users
/// read the lines through [`Section::generated`](crate::Section::generated).
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

/// Reads the lines back from a sequence of strings, as [`Serialize`] writes them.
impl<'de> Deserialize<'de> for Lines {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let lines = Vec::<String>::deserialize(deserializer)?;
        let mut out = Lines::with_capacity(lines.len(), lines.iter().map(String::len).sum());
        for line in &lines {
            out.push(line);
        }
        Ok(out)
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
    use super::Lines;

    fn ten() -> Lines {
        let mut lines = Lines::default();
        for i in 0..10 {
            lines.push(&format!("Engagement {i} : texte"));
        }
        lines
    }

    #[test]
    fn lines_read_like_a_list_of_strings() {
        let pf = ten();
        assert_eq!(pf.len(), 10);
        assert!(!pf.is_empty());
        let owned: Vec<String> = pf.iter().map(str::to_owned).collect();
        assert_eq!(pf.iter().len(), 10);
        assert_eq!(pf, owned);
        for (i, line) in pf.into_iter().enumerate() {
            assert_eq!(pf.get(i), Some(line));
            assert!(line.contains(" : "), "{line}");
        }
        assert_ne!(pf.get(0), pf.get(1));
        assert_eq!(pf.first(), pf.get(0));
        assert_eq!(pf.last(), pf.get(9));
        assert_eq!(pf.get(10), None);
        assert_ne!(pf, owned[..9]);
        let mut other = owned.clone();
        other[3].push('.');
        assert_ne!(pf, other);
        let json = serde_json::to_value(&pf).unwrap();
        assert_eq!(json, serde_json::json!(owned));
        let back: Lines = serde_json::from_value(json).unwrap();
        assert_eq!(back, pf);

        let empty = Lines::default();
        assert!(empty.is_empty());
        assert_eq!(empty.len(), 0);
        assert_eq!(empty.first(), None);
        assert_eq!(empty.last(), None);
        assert_eq!(empty.iter().next(), None);
        assert_eq!(empty, [""; 0]);
        assert_ne!(empty, ["Sans objet."]);
        assert_eq!(serde_json::to_string(&empty).unwrap(), "[]");
    }
}
