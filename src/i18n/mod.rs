//! The language of generated texts, and every phrase of every language.
//!
//! Each language is one file holding one [`Phrases`] value: [`fr::FR`], [`en::EN`]. Code asks
//! [`Language::phrases`] for the value and reads a field; it never spells a phrase itself.
//! Adding a language is adding a file, a [`Language`] variant and its arm in
//! [`Language::phrases`] (and in the formatting helpers of [`format`]): a phrase it lacks is a
//! missing field of a struct literal, a compile error, never a silent fallback to another
//! language.
//!
//! Fixed text is a `&'static str` field; a sentence with parameters is a `fn` field, so that
//! each language orders its words as it wants.

use crate::{AdministrationType, ManagementSection, RemoteChannel, RemoteNote, Verdict};

mod en;
pub(crate) mod format;
mod fr;
pub(crate) mod typography;

pub use crate::base::Language;
pub(crate) use format::{date, push_date, push_number};

/// The French plural ending of a count: `s` from 2 on.
pub(crate) fn plural_fr(n: u32) -> &'static str {
    fr::plural(n)
}

/// The English plural ending of a count: `s` but for 1.
pub(crate) fn plural_en(n: u32) -> &'static str {
    en::plural(n)
}

impl Language {
    /// Every phrase in this language.
    pub(crate) const fn phrases(self) -> &'static Phrases {
        match self {
            Language::Fr => &fr::FR,
            Language::En => &en::EN,
        }
    }
}

/// Every phrase of one language, grouped by the part of the crate that writes it. One value per
/// language: [`fr::FR`], [`en::EN`].
pub(crate) struct Phrases {
    /// Words shared by several parts: punctuation, the "no rate" wording, labels of the
    /// model's codes.
    pub(crate) common: Common,
}

/// Words shared by several parts.
pub(crate) struct Common {
    /// What stands for a conformity rate when there is none (no `C` nor `NC`): the one wording,
    /// in every output.
    pub(crate) no_rate: &'static str,
    /// The kind of administration: `Préfecture`, `Prefecture`…
    pub(crate) administration: fn(AdministrationType) -> &'static str,
    /// A remote check's note: `Conforme`, `Conforming`…
    pub(crate) remote_note: fn(RemoteNote) -> &'static str,
    /// A verdict in words: `Conforme`, `conformity`…
    pub(crate) verdict: fn(Verdict) -> &'static str,
    /// A remote channel in words: `Internet`, `Website`…
    pub(crate) remote_channel: fn(RemoteChannel) -> &'static str,
    /// A management section in words: `PILOTAGE DE LA POLITIQUE QUALITE`…
    pub(crate) management_section: fn(ManagementSection) -> &'static str,
    /// What comes between a label and its value: ` : ` (French spaces it), `: `.
    pub(crate) colon: &'static str,
    /// What separates the parts of an enumeration: ` ; `, `; `.
    pub(crate) semicolon: &'static str,
    /// What opens a quoted title: ` « `, ` "`.
    pub(crate) open_quote: &'static str,
    /// What closes a quoted title: ` »`, `"`.
    pub(crate) close_quote: &'static str,
    /// `Taux de conformité :` (before a rate, in titles and tables).
    pub(crate) rate_label: &'static str,
    /// ` (indicatif)`, after the outcome of an internal audit, which decides nothing: the one
    /// wording of every output ([`Conclusions::outcome_label`](crate::Conclusions::outcome_label)).
    pub(crate) indicative: &'static str,
}

/// The kind of administration in words: `Préfecture`, `Prefecture`…
pub(crate) fn administration(kind: AdministrationType, language: Language) -> &'static str {
    (language.phrases().common.administration)(kind)
}

/// The site as the cover names it: its name, or else its kind of administration.
pub(crate) fn site_name(site: &crate::Site, language: Language) -> &str {
    site.name
        .as_deref()
        .unwrap_or(administration(site.administration, language))
}

/// A remote check's note in words; `—` without a note (in every language).
pub(crate) fn remote_note(note: Option<RemoteNote>, language: Language) -> &'static str {
    note.map_or("—", language.phrases().common.remote_note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_parse_and_display() {
        for text in ["fr", "FR", " french ", "Français", "francais"] {
            assert_eq!(text.parse::<Language>().ok(), Some(Language::Fr), "{text}");
        }
        for text in ["en", "English", "anglais"] {
            assert_eq!(text.parse::<Language>().ok(), Some(Language::En), "{text}");
        }
        let err = "de".parse::<Language>().err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("de") && e.contains("fr, en")));
        assert_eq!(Language::Fr.to_string(), "fr");
        assert_eq!(Language::En.to_string(), "en");
    }

    #[test]
    fn plurals_follow_each_language() {
        // French: 0 and 1 are singular; English: only 1.
        let fr: Vec<&str> = (0..3).map(fr::plural).collect();
        let en: Vec<&str> = (0..3).map(en::plural).collect();
        assert_eq!(fr, ["", "", "s"]);
        assert_eq!(en, ["s", "", "s"]);
    }
}
