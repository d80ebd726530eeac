//! The audit report, written out as Markdown ([`markdown`]) or HTML ([`html`]).

pub mod html;
pub mod markdown;
