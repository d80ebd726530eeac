//! Every phrase in English.

use super::{Common, Phrases};
use crate::{AdministrationType, ManagementSection, RemoteChannel, RemoteNote, Verdict};

/// The phrases in English.
pub(crate) static EN: Phrases = Phrases {
    common: Common {
        no_rate: "none",
        administration,
        remote_note,
        verdict,
        remote_channel: RemoteChannel::label_en,
        management_section: ManagementSection::heading_en,
        colon: ": ",
        semicolon: "; ",
        open_quote: " \"",
        close_quote: "\"",
        rate_label: "Conformity rate:",
        indicative: " (indicative)",
    },
};

/// English nouns are singular for 1 only.
pub(super) fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The kind of administration in words.
const fn administration(kind: AdministrationType) -> &'static str {
    match kind {
        AdministrationType::Prefecture => "Prefecture",
        AdministrationType::SousPrefecture => "Sub-prefecture",
        AdministrationType::PrefectureDePolice => "Prefecture of police",
        AdministrationType::HautCommissariat => "High commission",
    }
}

/// A verdict in words, as an adjective: `conforming`, `minor nonconformity`…
const fn verdict(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Conformity => "conforming",
        Verdict::NotApplicable => "not applicable",
        Verdict::MinorNonconformity => "minor nonconformity",
        Verdict::MajorNonconformity => "major nonconformity",
    }
}

fn remote_note(note: RemoteNote) -> &'static str {
    match note {
        RemoteNote::Conforme => "Conforming",
        RemoteNote::NonConforme => "Nonconforming",
        RemoteNote::NonApplicable => "Not applicable",
    }
}
