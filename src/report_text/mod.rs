//! The text form of audit reports: reading an audit from a report's text export (`read.rs`) and
//! writing an audit back in that form (`write.rs`).

pub(crate) mod diagnostics;
pub(crate) mod read;
pub(crate) mod write;
