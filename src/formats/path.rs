//! The path of the value a parse error is about (`assessments[3].verdict`), for every format:
//! a document whose plain read fails is read again through [`Tracked`], which follows the
//! reader with `serde_path_to_error` and leaves the path where the format's parser stopped for
//! [`take`]. Tracking costs a document that reads as much again as its parse; only failures pay
//! it.

use std::cell::RefCell;

use serde::{Deserialize, Deserializer};

thread_local! {
    /// The path of the last failed read on this thread.
    static FAILED_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A `T` read with its path tracked.
pub(super) struct Tracked<T>(pub(super) T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Tracked<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut track = serde_path_to_error::Track::new();
        let read = T::deserialize(serde_path_to_error::Deserializer::new(
            deserializer,
            &mut track,
        ));
        if read.is_err() {
            let path = track.path().to_string();
            FAILED_AT.with(|at| *at.borrow_mut() = Some(path));
        }
        read.map(Tracked)
    }
}

/// Forgets any path left by an earlier read.
pub(super) fn clear() {
    FAILED_AT.with(|at| at.borrow_mut().take());
}

/// The path where the last read failed; `None` at the document's root (`.`).
pub(super) fn take() -> Option<String> {
    FAILED_AT
        .with(|at| at.borrow_mut().take())
        .filter(|p| !p.is_empty() && p != ".")
}
