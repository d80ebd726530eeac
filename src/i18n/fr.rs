//! Every phrase in French, typeset by the rules of [`typography`](super::typography): a
//! no-break space (U+00A0) before `:` and inside `« »`, a narrow no-break space (U+202F)
//! before `;`, `!` and `?`; a no-break space before `%` too (see [`format`](super::format)).
//! Headings in capitals keep their accents (« PISTES DE PROGRÈS »), the Imprimerie nationale's
//! rule.

use super::{Common, Phrases};
use crate::{AdministrationType, ManagementSection, RemoteChannel, RemoteNote, Verdict};

/// The phrases in French.
pub(crate) static FR: Phrases = Phrases {
    common: Common {
        no_rate: "sans objet",
        administration: AdministrationType::label_fr,
        // The report's own words for the notes, as the text form writes them.
        remote_note: RemoteNote::code,
        // The model's French labels are those of the report's text form, which the import reads.
        verdict: Verdict::label_fr,
        remote_channel: RemoteChannel::label_fr,
        management_section,
        colon: "\u{a0}: ",
        semicolon: "\u{202f}; ",
        open_quote: " «\u{a0}",
        close_quote: "\u{a0}»",
        rate_label: "Taux de conformité\u{a0}:",
        indicative: " (indicatif)",
    },
};

/// French nouns are singular for 0 and 1.
pub(super) fn plural(n: u32) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// The management sections' headings, in capitals with their accents.
const fn management_section(section: ManagementSection) -> &'static str {
    match section {
        ManagementSection::Pilotage => "PILOTAGE DE LA POLITIQUE QUALITÉ",
        ManagementSection::Labellisation => "DÉMARCHE DE LABELLISATION",
    }
}
