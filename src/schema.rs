//! JSON Schemas (draft 2020-12) of the audit layout and of the référentiel file format; feature
//! `schema`.
//!
//! The schemas are generated from the types with `schemars`, so they cannot drift from what the
//! loaders accept; the crate's repository commits them as `schema/audit.schema.json` and
//! `schema/referentiel.schema.json`, and a test checks that these files are up to date.
//!
//! A schema checks the shape and the codes of a document. It lists the canonical codes (`"C"`,
//! `"NA"`, `"NC min"`, `"NC Maj"`…), while the loaders are lenient on case and spacing
//! (`"nc maj"`); the invariants of a référentiel (unique numbers, known modules…) and the rules of
//! [`validate`](crate::validate()) are beyond a schema.
//!
//! ```
//! let schema = qualepref::schema::audit_schema();
//! assert_eq!(schema["title"], "Audit");
//! assert_eq!(schema["$defs"]["ModuleNumber"]["maximum"], 8);
//! ```

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use strum::IntoEnumIterator;

use crate::{
    Audit, Departement, EngagementNumber, ModuleNumber, NcGrade, ObservationKind, Referentiel,
    RemoteNote, Verdict,
};

/// The JSON Schema of the audit layout (see [`Audit`]).
#[must_use]
pub fn audit_schema() -> serde_json::Value {
    schemars::schema_for!(Audit).to_value()
}

/// The JSON Schema of the référentiel file format (see [`Referentiel`]).
#[must_use]
pub fn referentiel_schema() -> serde_json::Value {
    schemars::schema_for!(Referentiel).to_value()
}

/// A schema as pretty-printed JSON with a final newline: the text of the committed schema
/// files.
///
/// ```
/// use qualepref::schema::{audit_schema, to_pretty_json};
/// let text = to_pretty_json(&audit_schema());
/// assert!(text.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
/// assert!(text.ends_with("}\n"));
/// ```
#[must_use]
pub fn to_pretty_json(schema: &serde_json::Value) -> String {
    format!("{schema:#}\n")
}

/// A string schema whose values are the canonical codes of `T`, noting the lenient parsing.
fn code_schema<T: IntoEnumIterator + Into<&'static str>>(what: &str) -> Schema {
    let codes: Vec<&'static str> = T::iter().map(Into::into).collect();
    let description = format!(
        "{what}, written in its canonical form ({}). Reading is lenient on case, spacing and \
         separators, and accepts the spelled-out French words; writing always gives the \
         canonical form.",
        codes.join(", ")
    );
    json_schema!({
        "description": description,
        "type": "string",
        "enum": codes,
    })
}

impl JsonSchema for Verdict {
    fn schema_name() -> Cow<'static, str> {
        "Verdict".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        code_schema::<Verdict>(
            "A verdict: C (conforme), NA (non applicable), NC min (non-conformité mineure), \
             NC Maj (non-conformité majeure)",
        )
    }
}

impl JsonSchema for NcGrade {
    fn schema_name() -> Cow<'static, str> {
        "NcGrade".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        code_schema::<NcGrade>("The grade of a nonconformity: NC min or NC Maj")
    }
}

impl JsonSchema for ObservationKind {
    fn schema_name() -> Cow<'static, str> {
        "ObservationKind".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        code_schema::<ObservationKind>(
            "The kind of an observation: PF (point fort), PS (point sensible), PP (piste de \
             progrès)",
        )
    }
}

impl JsonSchema for RemoteNote {
    fn schema_name() -> Cow<'static, str> {
        "RemoteNote".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        code_schema::<RemoteNote>("The note of a remote check")
    }
}

impl JsonSchema for ModuleNumber {
    fn schema_name() -> Cow<'static, str> {
        "ModuleNumber".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A module number, 1 to 8.",
            "type": "integer",
            "minimum": ModuleNumber::MIN,
            "maximum": ModuleNumber::MAX,
        })
    }
}

impl JsonSchema for EngagementNumber {
    fn schema_name() -> Cow<'static, str> {
        "EngagementNumber".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An engagement number, 1 to 999, continuous across modules.",
            "type": "integer",
            "minimum": 1,
            "maximum": EngagementNumber::MAX,
        })
    }
}

impl JsonSchema for Departement {
    fn schema_name() -> Cow<'static, str> {
        "Departement".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A département code: two digits, 2A or 2B (Corse), or three digits \
                            from 9 (overseas), e.g. \"83\", \"2A\", \"974\". Reading trims \
                            spaces and upper-cases; whether the code exists is checked by \
                            validation.",
            "type": "string",
            "pattern": "^([0-9]{2}|2[ABab]|9[0-9]{2})$",
        })
    }
}
