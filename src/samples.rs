//! Real data bundled with the crate, for examples, tests and first runs.

/// The internal audit of the préfecture du Var (Toulon, 18/11/2019) ahead of an initial audit,
/// transcribed by hand from its report into the crate's JSON audit format
/// (`examples/data/toulon-2019.json`).
pub const TOULON_2019_JSON: &str = include_str!("../examples/data/toulon-2019.json");

/// The text export of that audit's report, as received
/// (`tests/fixtures/rapport-audit-toulon-2019.txt`).
pub const TOULON_2019_REPORT: &str =
    include_str!("../tests/fixtures/rapport-audit-toulon-2019.txt");
