//! The grid reader's wording in English.

use crate::ImportLevel;
use crate::grid::limits::thousands;
use crate::grid::phrases::{Carried, DateError, Day, Item, Phrases, Second, What, Why, cut};

fn quote(text: &str) -> String {
    match cut(text) {
        (head, Some(count)) => {
            format!("{:?} ({} characters)", format!("{head}…"), thousands(count))
        }
        (whole, None) => format!("{whole:?}"),
    }
}

fn item(item: Item) -> String {
    match item {
        Item::Engagement(n) => format!("engagement {n}"),
        Item::Management(id) => format!("management item {id}"),
        Item::Remote(c, n) => format!("remote check of engagement {n} on {c}"),
        Item::Charte => "the charte graphique".to_owned(),
    }
}

fn what(what: What) -> &'static str {
    match what {
        What::Strength => "a point fort",
        What::Concern => "a point sensible",
        What::Risk => "a risk",
        What::Improvement => "a piste de progrès",
        What::Comment => "a comment",
        What::Evidence => "evidence (éléments de preuve)",
        What::Title => "a title",
        What::SiteName => "a site name",
        What::City => "a ville",
        What::Referentiel => "a référentiel",
        What::ReferentielLabel => "a référentiel's label",
        What::Organisation => "a paragraph of the context",
        What::History => "a paragraph of the history",
        What::AuditorName => "an auditor's name",
        What::AuditorRole => "an auditor's role",
        What::Phone => "a phone number",
        What::Email => "an e-mail address",
        What::Modules => "a list of modules",
        What::Finding => "a finding",
        What::Requirement => "a requirement",
        What::Cause => "a cause",
        What::Action => "a corrective action",
        What::Leader => "a leader",
        What::Response => "the site's answer",
        What::StatusNote => "the evidence or reason of a state",
        What::Paragraph => "a paragraph of the conclusion",
        What::Administration => "type d'administration",
        What::Departement => "département",
        What::AuditType => "type d'audit",
        What::Internal => "audit interne (oui or non)",
    }
}

fn day(day: Day) -> &'static str {
    match day {
        Day::Start => "date de début",
        Day::End => "date de fin",
        Day::Signed => "date de signature",
        Day::ExternalOn => "date of the external audit",
        Day::DecidedOn => "date of the labelling decision",
        Day::PlanAcceptedOn => "date the plan d'actions was accepted",
        Day::Due => "échéance",
        Day::Status => "date of the state",
    }
}

fn date_error(error: DateError) -> &'static str {
    match error {
        DateError::NotADate => "not a date",
        DateError::NotADateText => "not a date (18/11/2019 or 2019-11-18, a four-digit year)",
        DateError::Serial => "not a date (a serial number out of range)",
        DateError::Years => "a date outside the years 2000 to 2100",
    }
}

fn why(why: &Why) -> String {
    let text = match why {
        Why::NoLabel => "no label in column A",
        Why::OutsideColumns => "outside the grid's columns",
        Why::NotHeader => "not a column header of the grid",
        Why::Date(d, e) => return format!("{}: {}", day(*d), date_error(*e)),
        Why::NotRead => "not read by the grid",
        Why::OutsideSheet => "sheet not part of the grid",
        Why::NotMeta => "not part of the grid's own data",
        Why::NotCoverLabel => "label not part of the page de garde",
        Why::AuditorWithoutName => "an auditor without name (column B)",
        Why::NotWhole => "not a whole number",
        Why::UnknownTitle => "the title of an item the référentiel does not know",
        Why::NoEngagementNumber => "no engagement number in column A",
        Why::NoManagementItem => "no management section (column A) and item number (column B)",
        Why::NoChannel => "no channel (column A) and engagement number (column B)",
        Why::ModuleNotNumber(m) => {
            return format!("not a module number 1–8; the référentiel's module {m} used");
        }
        Why::RemoteNoModule(i) => {
            return format!(
                "{}: no module, and the référentiel does not know the engagement",
                item(*i)
            );
        }
        Why::NoteWithoutState => "evidence or reason without a state (levé or non levé)",
        Why::UnknownState => "state not one of ouvert, en cours, levé, non levé; read as ouvert",
        Why::NoteOfUnknownState => "evidence or reason of a state not understood",
        Why::NoteOfOtherState => "evidence or reason of a state neither levé nor non levé",
        Why::StateWithoutDate => "levé or non levé needs its date (column I); read as ouvert",
        Why::NoteOfStateReadOpen => "evidence or reason of a state read as ouvert",
        Why::FicheWithoutTarget => {
            "a fiche d'écart needs a target (column A: an engagement number, or pilotage N / labellisation N) and a grade (column B: NC min or NC Maj)"
        }
        Why::NotSection => "not a section of the conclusion",
        Why::NotUnderSection => "not under a section of the conclusion",
        Why::FicheNumberNotWhole => "a fiche's number is a whole number (1, 2…)",
        Why::NotGuidance => "not a text of the grid's mode d'emploi",
        Why::PlanWithoutDecision => {
            "a plan d'actions accepted without the date of the labelling decision"
        }
    };
    text.to_owned()
}

fn carried_words(carried: Carried) -> &'static str {
    match carried {
        Carried::Verdict(_) => "a verdict",
        Carried::Observation(_) => "an observation",
        Carried::RemoteNote(_) => "a remote check's note",
    }
}

fn second(second: Second) -> &'static str {
    match second {
        Second::Verdict => "a verdict",
        Second::Note => "a note",
        Second::Comment => "a comment",
        Second::Evidence => "evidence",
    }
}

fn at(cell: Option<&str>) -> String {
    cell.map_or_else(String::new, |c| format!(" ({c})"))
}

/// The grid reader's wording in English.
pub(crate) const EN: Phrases = Phrases {
    level: |level| match level {
        ImportLevel::Info => "info",
        ImportLevel::Guessed => "guessed",
        ImportLevel::Warning => "warning",
        ImportLevel::Skipped => "skipped",
    },
    line: |cell, level, message| format!("{cell}: {level}: {message}"),
    quote,
    why,
    not_used: |why, value| format!("{why}, not used: {value}"),
    reads_as: |w, carried, against, text| {
        let against = against.map_or_else(String::new, |c| format!(", competing with {c}"));
        format!(
            "{} that reads as {} ({carried}){against}, not used: {}",
            what(w),
            carried_words(carried),
            quote(text)
        )
    },
    second_row: |first, value| {
        format!(
            "a second row with this label, competing with {first}, not used: {}",
            quote(value)
        )
    },
    not_understood: |w, value| format!("{} {} not understood, not used", what(w), quote(value)),
    one_day: "no date de fin: a one-day audit",
    not_a_module: |value| {
        format!(
            "module {} is not a module number 1–8, not used",
            quote(value)
        )
    },
    formula_in_assessment: |cached, formula| {
        let cached = cached.map_or_else(
            || "without a cached value".to_owned(),
            |c| format!("its cached value {} is not read", quote(c)),
        );
        format!(
            "a formula in a cell of an assessment, {cached}; not used: {}",
            quote(formula)
        )
    },
    formula_read: |formula, cached| {
        format!(
            "a formula, not computed by the reader: {}; its cached value {} was read",
            quote(formula),
            quote(cached)
        )
    },
    formula_empty: |formula| {
        format!(
            "a formula without a cached value, not used: {}",
            quote(formula)
        )
    },
    module_not_covered: |module, covered| {
        format!(
            "module {module} is not among the modules covered on the page de garde ({covered}), but its sheet has rows"
        )
    },
    modules_from_sheets: "no modules covered given; the module sheets' modules used",
    other_referentiel: |grid, read| {
        format!(
            "the grid was made for référentiel {}, read against {read:?}",
            quote(grid)
        )
    },
    risk_without_concern: |value| {
        format!("a risk without point sensible, not used: {}", quote(value))
    },
    unknown_verdict: |value| {
        format!(
            "unknown verdict {} (expected C, NA, NC min, NC Maj); left without verdict",
            quote(value)
        )
    },
    unknown_note: |value| {
        format!(
            "unknown note {} (expected Conforme, Non conforme, Non applicable); left without note",
            quote(value)
        )
    },
    competing: |i, s, first, text| {
        format!(
            "{} has {} in an earlier row{}; this one competes with it, not used: {}",
            item(i),
            second(s),
            at(first),
            quote(text)
        )
    },
    competing_module: |i, first, text| {
        format!(
            "{} has another module in an earlier row{}; this one competes with it, not used: {}",
            item(i),
            at(first),
            quote(text)
        )
    },
    title_differs: |found, expected| {
        format!(
            "title {} differs from the référentiel's {}; matched by number",
            quote(found),
            quote(expected)
        )
    },
    not_in_referentiel: |i, referentiel| {
        format!(
            "{} is not in référentiel {referentiel}; imported as written",
            item(i)
        )
    },
    other_module: |n, sheet, referentiel| {
        format!(
            "engagement {n} is filed under module {sheet}, the référentiel puts it in module {referentiel}"
        )
    },
    module_guessed: |module| format!("no module: the référentiel's module {module} used"),
    older_name: |found, now| {
        format!(
            "a sheet named as in grids of version 0.2 ({}); read as the sheet now named {}",
            quote(found),
            quote(now)
        )
    },
    outside_table: |value| format!("outside the table's columns, not used: {}", quote(value)),
    not_in_kind: |kind, value| {
        format!(
            "not used in a row of kind {}: {}",
            quote(kind),
            quote(value)
        )
    },
    windows_1252: "not UTF-8: read as Windows-1252, the encoding of a table saved by Excel in French",
};
