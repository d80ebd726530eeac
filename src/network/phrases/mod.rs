//! The network's wording in each language: every word of its text, Markdown, HTML, CSV and
//! workbook. A language is a file (`fr.rs`, `en.rs`) holding one [`Network`] value; a missing
//! phrase is a missing field of its struct literal, so a compile error. French puts a no-break
//! space (U+00A0) before `:` and `%` and inside `« »`, a narrow one (U+202F) before `;` `!` `?`.

mod en;
mod fr;

use crate::history::Trend;
use crate::{AuditType, LabelState, Language};

/// The phrases of the network's renderings.
pub(crate) struct Network {
    /// `Réseau Qual-e-pref au 01/03/2025`, from the date as written.
    pub(crate) title_at: fn(&str) -> String,
    pub(crate) summary: &'static str,
    /// `3 sites, 12 audits lus, 1 laissé de côté`.
    pub(crate) counts: fn(sites: u32, read: u32, left_out: u32) -> String,
    pub(crate) by_state: &'static str,
    pub(crate) map: &'static str,
    pub(crate) map_caption: &'static str,
    pub(crate) off_map: &'static str,
    pub(crate) no_site: &'static str,
    pub(crate) sous_prefecture_mark: &'static str,
    pub(crate) heat_map: &'static str,
    pub(crate) heat_caption: &'static str,
    pub(crate) not_assessed: &'static str,
    pub(crate) concern_mark: &'static str,
    /// `Audits dus d'ici 12 mois`.
    pub(crate) calendar: fn(months: u32) -> String,
    pub(crate) calendar_overdue: &'static str,
    /// `… et 22 autres, dans le tableau des sites`.
    pub(crate) more_overdue: fn(u32) -> String,
    pub(crate) overdue_sites: &'static str,
    pub(crate) engagements: &'static str,
    pub(crate) coverage: &'static str,
    pub(crate) sites: &'static str,
    pub(crate) problems: &'static str,
    // Column and field labels.
    pub(crate) field: &'static str,
    pub(crate) value: &'static str,
    pub(crate) departement: &'static str,
    pub(crate) site: &'static str,
    pub(crate) administration: &'static str,
    pub(crate) city: &'static str,
    pub(crate) state: &'static str,
    pub(crate) modules: &'static str,
    pub(crate) since: &'static str,
    pub(crate) until: &'static str,
    pub(crate) last_audit: &'static str,
    pub(crate) audit_type: &'static str,
    pub(crate) outcome: &'static str,
    pub(crate) rate: &'static str,
    pub(crate) trend_label: &'static str,
    pub(crate) next_audit: &'static str,
    pub(crate) due: &'static str,
    pub(crate) window: &'static str,
    pub(crate) opens: &'static str,
    pub(crate) closes: &'static str,
    pub(crate) open_actions: &'static str,
    pub(crate) overdue_actions: &'static str,
    pub(crate) oldest_due: &'static str,
    pub(crate) audits: &'static str,
    pub(crate) engagement: &'static str,
    pub(crate) module: &'static str,
    pub(crate) title_column: &'static str,
    pub(crate) assessed: &'static str,
    pub(crate) concerns: &'static str,
    pub(crate) nonconforming: &'static str,
    pub(crate) finding: &'static str,
    #[cfg_attr(not(feature = "xlsx"), allow(dead_code))] // the workbook's only
    pub(crate) action: &'static str,
    pub(crate) leader: &'static str,
    pub(crate) days_late: &'static str,
    pub(crate) file: &'static str,
    pub(crate) count: &'static str,
    pub(crate) holders: &'static str,
    #[cfg_attr(not(feature = "xlsx"), allow(dead_code))] // the workbook's only
    pub(crate) sheet_sites: &'static str,
    #[cfg_attr(not(feature = "xlsx"), allow(dead_code))] // the workbook's only
    pub(crate) sheet_overdue: &'static str,
    #[cfg_attr(not(feature = "xlsx"), allow(dead_code))] // the workbook's only
    pub(crate) sheet_engagements: &'static str,
    // Values.
    pub(crate) none: &'static str,
    pub(crate) nothing: &'static str,
    pub(crate) overdue: &'static str,
    pub(crate) label_state: fn(LabelState) -> &'static str,
    pub(crate) kind: fn(internal: bool, Option<AuditType>) -> &'static str,
    pub(crate) trend: fn(Trend) -> &'static str,
    pub(crate) month: fn(u32) -> &'static str,
    /// `module 1 : 12 sites`.
    pub(crate) sites_count: fn(u32) -> String,
    pub(crate) actions_note: &'static str,
    // Problems.
    /// `audit invalide (2 erreurs), laissé de côté`.
    pub(crate) invalid: fn(errors: u32) -> String,
    pub(crate) first_error: &'static str,
    pub(crate) unreadable: &'static str,
    pub(crate) unreadable_folder: &'static str,
    /// ` (ligne 3, colonne 7)`.
    pub(crate) at_line: fn(usize, usize) -> String,
    pub(crate) colon: &'static str,
    pub(crate) open_quote: &'static str,
    pub(crate) close_quote: &'static str,
}

/// The network's wording in `language`.
pub(crate) const fn of(language: Language) -> &'static Network {
    match language {
        Language::Fr => &fr::FR,
        Language::En => &en::EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::typography;

    /// Every fixed French phrase is typeset.
    #[test]
    fn french_is_typeset() {
        let p = of(Language::Fr);
        let fixed = [
            p.summary,
            p.by_state,
            p.map,
            p.map_caption,
            p.off_map,
            p.no_site,
            p.sous_prefecture_mark,
            p.heat_map,
            p.heat_caption,
            p.not_assessed,
            p.calendar_overdue,
            p.overdue_sites,
            p.engagements,
            p.coverage,
            p.sites,
            p.problems,
            p.actions_note,
            p.first_error,
            p.unreadable,
            p.unreadable_folder,
        ];
        for text in fixed {
            assert!(typography::is_typeset(text), "{text:?}");
        }
        for text in [
            (p.counts)(3, 12, 1),
            (p.counts)(120, 10_000, 1_200),
            (p.calendar)(12),
            (p.more_overdue)(22),
            (p.invalid)(2),
            (p.title_at)("01/03/2025"),
        ] {
            assert!(typography::is_typeset(&text), "{text:?}");
        }
    }

    /// Counts as each language writes them: thousands apart in French (U+202F), commas in English.
    #[test]
    fn counts_read_as_each_language_writes_them() {
        assert_eq!(
            (of(Language::Fr).counts)(120, 10_000, 1_200),
            "120\u{a0}sites, 10\u{202f}000\u{a0}audits lus, dont 1\u{202f}200 laissés de côté"
        );
        assert_eq!(
            (of(Language::Fr).counts)(1, 1, 0),
            "1\u{a0}site, 1\u{a0}audit lu"
        );
        assert_eq!(
            (of(Language::En).counts)(120, 10_000, 1_200),
            "120 sites, 10,000 audits read, 1,200 left out"
        );
    }
}
