//! The messages of a référentiel file's checks, one field per message, in French ([`FR`],
//! typeset: a no-break space before `:` and inside `« »`, a narrow no-break space before `;`)
//! and in English ([`EN`]). A message a language lacks is a missing field of its struct
//! literal, a compile error. `control-character` is shared with the validation of an audit.

use chrono::{Datelike as _, NaiveDate};

use crate::{EngagementNumber, ManagementItemId, ManagementSection, ModuleNumber};

/// Every message of a référentiel file's checks in one language.
pub(crate) struct Phrases {
    /// `unsupported-format`: the format given, the one supported.
    pub(crate) unsupported_format: fn(&str, &str) -> String,
    /// `empty-referentiel-field`: the field (`id`, `name`, `title`).
    pub(crate) empty_field: fn(&str) -> String,
    /// `revised-before-date`: the revision's date, the référentiel's.
    pub(crate) revised_before_date: fn(NaiveDate, NaiveDate) -> String,
    /// `no-module`.
    pub(crate) no_module: &'static str,
    /// `duplicate-module-number`.
    pub(crate) duplicate_module_number: fn(ModuleNumber) -> String,
    /// `empty-title` of a module.
    pub(crate) module_empty_title: fn(ModuleNumber) -> String,
    /// `empty-title` of a module's heading.
    pub(crate) module_empty_heading: fn(ModuleNumber) -> String,
    /// `empty-group-id`: the module, the group's rank (from 1).
    pub(crate) group_empty_id: fn(ModuleNumber, usize) -> String,
    /// `duplicate-group`: the module, the group's id.
    pub(crate) duplicate_group: fn(ModuleNumber, &str) -> String,
    /// `empty-title` of a group: the module, the group's rank (from 1).
    pub(crate) group_empty_title: fn(ModuleNumber, usize) -> String,
    /// `bundled-module-without-engagements`.
    pub(crate) bundled_without_engagements: fn(ModuleNumber) -> String,
    /// `duplicate-engagement-number`.
    pub(crate) duplicate_engagement_number: fn(EngagementNumber) -> String,
    /// `empty-title` of an engagement.
    pub(crate) engagement_empty_title: fn(EngagementNumber) -> String,
    /// `engagement-in-unknown-module`: the engagement, its module.
    pub(crate) engagement_in_unknown_module: fn(EngagementNumber, ModuleNumber) -> String,
    /// `engagement-in-not-bundled-module`: the engagement, its module.
    pub(crate) engagement_in_not_bundled_module: fn(EngagementNumber, ModuleNumber) -> String,
    /// `unknown-group`: the engagement, the group, the module.
    pub(crate) unknown_group: fn(EngagementNumber, &str, ModuleNumber) -> String,
    /// `management-item-zero`: the section.
    pub(crate) management_item_zero: fn(ManagementSection) -> String,
    /// `duplicate-management-item-number`.
    pub(crate) duplicate_management_item_number: fn(ManagementItemId) -> String,
    /// `empty-title` of a management item.
    pub(crate) management_empty_title: fn(ManagementItemId) -> String,
    /// `control-character`: the character, its position (from 1).
    pub(crate) control_character: fn(char, usize) -> String,
}

/// The messages in French.
pub(crate) static FR: Phrases = Phrases {
    unsupported_format: |format, expected| {
        format!(
            "le format {} n'est pas pris en charge (attendu\u{a0}: {})",
            quoted(format),
            quoted(expected)
        )
    },
    empty_field: |field| format!("le champ {field} du référentiel est vide"),
    revised_before_date: |revised, date| {
        format!(
            "la date de révision, le {}, précède la date du référentiel, le {}",
            date_fr(revised),
            date_fr(date)
        )
    },
    no_module: "le référentiel n'a aucun module",
    duplicate_module_number: |m| format!("le module {m} figure deux fois"),
    module_empty_title: |m| format!("le titre du module {m} est vide"),
    module_empty_heading: |m| format!("l'en-tête du module {m} est vide"),
    group_empty_id: |m, j| format!("module {m}\u{a0}: l'identifiant du groupe {j} est vide"),
    duplicate_group: |m, id| {
        format!(
            "module {m}\u{a0}: le groupe {} figure deux fois",
            quoted(id)
        )
    },
    group_empty_title: |m, j| format!("module {m}\u{a0}: le titre du groupe {j} est vide"),
    bundled_without_engagements: |m| {
        format!("le module {m} est marqué comme fourni mais ne liste aucun engagement")
    },
    duplicate_engagement_number: |n| format!("l'engagement {n} figure deux fois"),
    engagement_empty_title: |n| format!("le titre de l'engagement {n} est vide"),
    engagement_in_unknown_module: |n, m| {
        format!("l'engagement {n} relève du module {m}, que le référentiel ne liste pas")
    },
    engagement_in_not_bundled_module: |n, m| {
        format!("l'engagement {n} relève du module {m}, marqué comme non fourni")
    },
    unknown_group: |n, group, m| {
        format!(
            "engagement {n}\u{a0}: le groupe {} n'est pas un groupe du module {m}",
            quoted(group)
        )
    },
    management_item_zero: |section| format!("point numéroté 0 dans la section {section}"),
    duplicate_management_item_number: |id| format!("le point {id} figure deux fois"),
    management_empty_title: |id| format!("le titre du point {id} est vide"),
    control_character: control_character_fr,
};

/// The messages in English.
pub(crate) static EN: Phrases = Phrases {
    unsupported_format: |format, expected| {
        format!("format {format:?} is not supported (expected {expected:?})")
    },
    empty_field: |field| format!("the référentiel's {field} is empty"),
    revised_before_date: |revised, date| {
        format!("revision date {revised} is before the référentiel's date {date}")
    },
    no_module: "the référentiel has no module",
    duplicate_module_number: |m| format!("module {m} is listed twice"),
    module_empty_title: |m| format!("module {m} has an empty title"),
    module_empty_heading: |m| format!("module {m} has an empty heading"),
    group_empty_id: |m, j| format!("module {m}: group {j} has an empty id"),
    duplicate_group: |m, id| format!("module {m}: group {id:?} is listed twice"),
    group_empty_title: |m, j| format!("module {m}: group {j} has an empty title"),
    bundled_without_engagements: |m| {
        format!("module {m} is marked as bundled but lists no engagement")
    },
    duplicate_engagement_number: |n| format!("engagement {n} is listed twice"),
    engagement_empty_title: |n| format!("engagement {n} has an empty title"),
    engagement_in_unknown_module: |n, m| {
        format!("engagement {n} belongs to module {m}, which the référentiel does not list")
    },
    engagement_in_not_bundled_module: |n, m| {
        format!("engagement {n} belongs to module {m}, which is marked as not bundled")
    },
    unknown_group: |n, group, m| {
        format!("engagement {n}: group {group:?} is not a group of module {m}")
    },
    management_item_zero: |section| format!("management item 0 in section {section}"),
    duplicate_management_item_number: |id| format!("management item {id} is listed twice"),
    management_empty_title: |id| format!("management item {id} has an empty title"),
    control_character: control_character_en,
};

/// `control-character` in French: where the character stands, and what is allowed.
pub(crate) fn control_character_fr(c: char, at: usize) -> String {
    format!(
        "le texte contient le caractère de contrôle U+{:04X} en position {at}\u{202f}; seuls la \
         tabulation et les retours à la ligne sont admis",
        u32::from(c)
    )
}

/// `control-character` in English.
pub(crate) fn control_character_en(c: char, at: usize) -> String {
    format!(
        "the text holds the control character U+{:04X} at character {at}; only tab and line \
         breaks are allowed",
        u32::from(c)
    )
}

/// A date as French reports print it: `19/12/2018`.
fn date_fr(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// A value of the file between guillemets, its control characters escaped.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 6);
    out.push_str("«\u{a0}");
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out.push_str("\u{a0}»");
    out
}
