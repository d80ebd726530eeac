//! The stable code of each [`Error`](crate::Error): what kind of failure it is, the same in
//! every language and format, so that a program (or a web service returning diagnostics) can
//! branch on it. Declared once with [`code_table!`](crate::base::codes_table::code_table), listed in
//! `docs/codes.md`.

use crate::Severity;
use crate::base::codes_table::code_table;

code_table! {
    /// The stable code of an [`Error`](crate::Error) ([`Error::code`](crate::Error::code)):
    /// what kind of failure it is, for a program to branch on and a diagnostic to carry. An
    /// error is always of severity error.
    ///
    /// ```
    /// use qualepref::{Audit, ErrorCode};
    /// let err = Audit::from_json_str(r#"{"site": {"city": 12}}"#).unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::WrongType);
    /// assert_eq!(err.code().code(), "parse-wrong-type");
    /// assert_eq!(err.path().as_deref(), Some("site.city"));
    /// ```
    pub enum ErrorCode {
        what: "error code";
        /// Always [`Severity::Error`]: an error stops the reading.
        fn severity -> Severity;
        Syntax = "parse-syntax", Error {
            description: "The document is not well-formed JSON, YAML or TOML: a bracket, a quote or a comma is missing or extra, the text ends too early, or a YAML file holds several documents.",
            example: "audit.json: malformed audit JSON at line 1, column 2: key must be a string",
            fix: "Correct the document at the line and column given (an editor that checks the format helps).",
        }
        UnknownField = "parse-unknown-field", Error {
            description: "The document has a field that the format does not know (often a misspelt name).",
            example: "audit.json: malformed audit JSON at line 10, column 11 (site.ville): unknown field `ville` (expected one of administration, name, departement, city)",
            fix: "Rename the field to one of those expected, or remove it.",
        }
        MissingField = "parse-missing-field", Error {
            description: "A field that the format requires is missing.",
            example: "audit.toml: malformed audit TOML at line 11, column 1 (site.city): missing field `city`",
            fix: "Add the field.",
        }
        DuplicateKey = "parse-duplicate-key", Error {
            description: "A field is given twice in the same object.",
            example: "audit.yaml: malformed audit YAML at line 9, column 3 (site): the key `city` is given twice",
            fix: "Keep one of the two values.",
        }
        WrongType = "parse-wrong-type", Error {
            description: "A value is of the wrong kind: a text where a number is expected, a list where an object is expected, nothing (`null`) where a value is required, a TOML date not written as a text.",
            example: "audit.json: malformed audit JSON at line 53, column 20 (assessments[0].module): expected a whole number, found the text \"un\"",
            fix: "Write the value in the kind the format documents (the `Audit` and `Referentiel` pages, or the JSON Schema).",
        }
        UnknownCode = "unknown-code", Error {
            description: "A code that the crate does not know: a verdict, an observation kind, an audit type, a channel, a format…",
            example: "audit.json: malformed audit JSON at line 54, column 21 (assessments[0].verdict): unknown verdict \"CC\" (expected one of C, NA, NC min, NC Maj)",
            fix: "Write one of the codes listed in the message.",
        }
        InvalidValue = "invalid-value", Error {
            description: "A value of the right kind but outside its domain: a module number 9, a negative count, a number too large, a malformed département.",
            example: "audit.json: malformed audit JSON at line 53, column 17 (assessments[0].module): invalid module number \"9\": a module number is between 1 and 8",
            fix: "Write a value within the domain the message gives.",
        }
        NotADate = "not-a-date", Error {
            description: "A date that is not written `YYYY-MM-DD` (a text in JSON, YAML and TOML).",
            example: "audit.json: malformed audit JSON at line 17, column 23 (dates.start): invalid date \"18/11/19\": expected a date yyyy-mm-dd",
            fix: "Write the date as `YYYY-MM-DD`, with a four-digit year, as a quoted text.",
        }
        TooDeep = "parse-too-deep", Error {
            description: "The document nests lists or objects more deeply than its reader allows; no audit is nested so deeply.",
            example: "audit.toml: malformed audit TOML at line 1, column 85: the document nests values too deeply",
            fix: "Check the document: it is not an audit or référentiel of this crate's format.",
        }
        TooLarge = "input-too-large", Error {
            description: "An input larger than the crate's limit (64 MiB), or a document holding more values than its reader's budget (TOML tables, keys and values; YAML nodes, anchors and aliases).",
            example: "audit.json: input of 70000000 bytes is larger than the limit of 67108864 bytes",
            fix: "Check the file: a real audit is a few tens of kilobytes.",
        }
        NotUtf8 = "input-not-utf8", Error {
            description: "An input that is not UTF-8 text.",
            example: "audit.json: not UTF-8 text (invalid byte at offset 1204)",
            fix: "Save the file as UTF-8.",
        }
        CannotRead = "input-unreadable", Error {
            description: "A file that could not be read: it does not exist, is not readable, is a directory…; the message gives the system's reason.",
            example: "cannot read audit.json: No such file or directory",
            fix: "Check the path and its permissions.",
        }
        CannotWrite = "output-unwritable", Error {
            description: "A file that could not be written; the message gives the system's reason.",
            example: "cannot write rapport.html: Permission denied",
            fix: "Check the path and its permissions.",
        }
        NotSerialisable = "output-not-serialisable", Error {
            description: "A value that a writer could not serialise (it does not happen for the crate's types, but for a TOML number above 2⁶³ − 1).",
            example: "cannot write TOML: out-of-range value for i64 type",
            fix: "Write the document as JSON, which has no such bound.",
        }
        InvalidReferentiel = "referentiel-invalid", Error {
            description: "A référentiel whose content breaks its invariants; each problem is a validation diagnostic of its own, with its code and path.",
            example: "invalid référentiel: 1 problem\nmodules[1].number: [duplicate-module-number] error: module 1 is listed twice",
            fix: "Correct each problem listed.",
        }
        NotAReport = "report-not-a-report", Error {
            description: "A text given to the report import that is not an audit report: empty, binary, without page de garde nor section 3, or without what an audit cannot do without (département, city, dates, administration type).",
            example: "not a qual-e-pref audit report: the text is empty",
            fix: "Give the text export of an audit report (see `tests/fixtures/` for its layout).",
        }
        TruncatedReport = "report-truncated", Error {
            description: "A report text that ends before the part an audit needs (section 3).",
            example: "the report ends at line 40, before section 3 (synthèse de l'évaluation)",
            fix: "Export the whole report.",
        }
    }
}
