//! The text form of audit reports: reading an audit from a report's text export ([`read`]) and
//! writing an audit back in that form ([`write`]).

pub(crate) mod read;
pub(crate) mod write;
