//! An auditor, as on the cover page of a report.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An auditor, as on the cover page.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Auditor {
    /// Full name, as written.
    pub name: String,
    /// Role, e.g. `responsable d'audit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Phone number, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Date of signature.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::date_wire::optional_date"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub signed_on: Option<NaiveDate>,
}

impl Auditor {
    /// An auditor named `name`, with nothing else known.
    ///
    /// ```
    /// use qualepref::Auditor;
    /// let lead = Auditor::new("Claire Martin").with_role("responsable d'audit");
    /// assert_eq!(lead.role.as_deref(), Some("responsable d'audit"));
    /// ```
    #[must_use]
    pub fn new(name: impl Into<String>) -> Auditor {
        Auditor {
            name: name.into(),
            role: None,
            phone: None,
            email: None,
            signed_on: None,
        }
    }

    /// This auditor with a role, e.g. `responsable d'audit`.
    #[must_use]
    pub fn with_role(mut self, role: impl Into<String>) -> Auditor {
        self.role = Some(role.into());
        self
    }

    /// This auditor with a phone number.
    #[must_use]
    pub fn with_phone(mut self, phone: impl Into<String>) -> Auditor {
        self.phone = Some(phone.into());
        self
    }

    /// This auditor with an e-mail address.
    #[must_use]
    pub fn with_email(mut self, email: impl Into<String>) -> Auditor {
        self.email = Some(email.into());
        self
    }

    /// This auditor with the date of signature.
    #[must_use]
    pub fn signed_on(mut self, date: NaiveDate) -> Auditor {
        self.signed_on = Some(date);
        self
    }
}
