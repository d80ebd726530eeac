//! The data model: identifiers, verdict and observation codes, the site, the audit and the
//! référentiel. Everything here is re-exported at the crate's root.

pub(crate) mod assessment;
pub(crate) mod audit;
pub(crate) mod auditor;
pub(crate) mod codes;
pub(crate) mod date_wire;
pub(crate) mod ecart;
pub(crate) mod ids;
pub(crate) mod referentiel;
pub(crate) mod referentiel_builder;
pub(crate) mod referentiel_checks;
pub(crate) mod remote;
pub(crate) mod site;
pub(crate) mod unread;
pub(crate) mod written;
