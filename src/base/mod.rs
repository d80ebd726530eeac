//! The crate's vocabulary of failures and problems, below every other part: the [`Error`]
//! type and its codes, the diagnostics of validation ([`Diagnostic`], [`Severity`], the
//! [`RuleCode`] table, [`ValidationReport`], [`ValidationOptions`]), the identifier of an
//! interchange [`Format`], and the parser of wire enums. Nothing here names the model, the
//! engine or a feature: they all name these.

pub(crate) mod codes_table;
pub(crate) mod diagnostic;
pub(crate) mod error;
pub(crate) mod format;
pub(crate) mod language;
pub(crate) mod rule_codes;
pub(crate) mod wire;

pub use diagnostic::{Diagnostic, Severity, ValidationOptions, ValidationReport};
pub use error::{Error, ErrorCode, ErrorDiagnostic};
pub use format::Format;
pub use language::Language;
pub use rule_codes::RuleCode;
