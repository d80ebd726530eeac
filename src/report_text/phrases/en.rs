//! The import's messages in English. The report's values are quoted as Rust strings
//! (`"Voir annexe"`), the codes and the audit's paths as they are written.

use super::{At, ImportPhrases, Place, Spot, StateDay, Subject, list};
use crate::Carried;
use crate::report_text::diagnostics::ImportLevel;
use crate::report_text::read::cells::{DateError, PLAUSIBLE_YEARS};

/// The import's messages in English.
pub(crate) static EN: ImportPhrases = ImportPhrases {
    level: ImportLevel::code,
    at_line: |n| format!("line {n}: "),
    whole_report: "report: ",

    unrecognised_line: |place, text| {
        format!(
            "line not understood in {}, not used: {text:?}",
            place_name(place)
        )
    },
    not_filed: |spot, text, carried| {
        format!(
            "{}: {text:?} could carry {} ({carried}) and is not filed: kept in `unread`; \
             validation refuses the audit until it is filed in its field or removed",
            spot_name(spot),
            carried_what(carried)
        )
    },
    competing: |spot, text, at| {
        format!(
            "{}: {text:?} competes with the value filed at {}: not filed, kept in `unread`; \
             validation refuses the audit until one of them is removed",
            spot_name(spot),
            place_of(at)
        )
    },
    text_beside_heading: |heading, text| {
        format!("the heading {heading:?} has text beside it, not read: {text:?}; kept in `unread`")
    },
    date_problem,

    referentiel_named: |value, name, id| {
        format!("the report names référentiel {value:?}, the import uses {name:?} ({id})")
    },
    referentiel_dated: |report, ours| {
        format!(
            "the report's référentiel is dated {}, the one used for the import {}",
            report.format("%d/%m/%Y"),
            ours.format("%d/%m/%Y")
        )
    },
    referentiel_revised: |report, ours| {
        format!(
            "the report's référentiel is revised on {}, the one used for the import on {}",
            report.format("%d/%m/%Y"),
            ours.format("%d/%m/%Y")
        )
    },
    title_date: |problem, text| format!("{}; kept in `unread`", date_problem(problem, text)),
    audit_dates_invalid: |value, problem, word| {
        format!(
            "audit dates {value:?}: {}; kept in `unread`",
            date_problem(problem, word)
        )
    },
    audit_dates_unreadable,
    audit_dates_form: |value| format!("{}; kept in `unread`", audit_dates_unreadable(value)),
    signature_date: |problem, text| {
        format!(
            "signature date {}; kept in `unread`",
            date_problem(problem, text)
        )
    },
    external_date: |problem, text| {
        format!(
            "planned external audit date {}; kept in `unread`",
            date_problem(problem, text)
        )
    },
    administration_unknown: |label| {
        format!("administration type {label:?} is not one the crate knows; kept in `unread`")
    },
    administrations_several: |all| {
        format!("several administration types are checked ({all}), none used; kept in `unread`")
    },
    departement_invalid: |value| {
        format!(
            "invalid département code {value:?}: a département code is two digits, 2A or 2B, or \
             three digits starting with 9; kept in `unread`"
        )
    },
    module_checkbox: |label| format!("checkbox {label:?} names no module 1 to 8; kept in `unread`"),
    audit_type_twice: |t| {
        format!("audit type {t} is checked besides another one; kept in `unread`")
    },
    audit_type_unknown: |label| {
        format!("audit type {label:?} is not one the crate knows; kept in `unread`")
    },

    remote_out_of_place: |number, place| {
        format!(
            "a remote check of engagement {number} stands in {}, outside section 3 and its \
             channel; kept in `unread`",
            place_name(place)
        )
    },
    row_out_of_place: |number, place| {
        format!(
            "the row of engagement {number} stands in {}, outside section 3: read as a row of \
             section 3",
            place_name(place)
        )
    },
    item_out_of_place: |number, verdict, place| {
        format!(
            "a row numbered {number} with verdict {verdict} stands in {}, outside section 3 and \
             its management sections; kept in `unread`",
            place_name(place)
        )
    },
    title_case_or_spacing: |subject, found, expected| {
        format!(
            "{}: title {found:?} differs from the référentiel's {expected:?} in spacing or case; \
             matched by number",
            subject_name(subject)
        )
    },
    title_differs: |subject, found, expected| {
        format!(
            "{}: title {found:?} differs from the référentiel's {expected:?}; matched by number",
            subject_name(subject)
        )
    },
    engagement_number_invalid: |number| {
        format!("engagement number {number} is not between 1 and 999; row kept in `unread`")
    },
    item_number_invalid: |number| {
        format!("management item number {number} is not between 1 and 255; row kept in `unread`")
    },
    not_in_referentiel: |subject, title, id| match subject {
        Subject::Remote(_, e) | Subject::RemoteOf(e) => format!(
            "remote check of engagement {e} ({title:?}): not in référentiel {id}; imported as \
             written"
        ),
        _ => format!(
            "{} ({title:?}) is not in référentiel {id}; imported as written",
            subject_name(subject)
        ),
    },
    no_module: |e| {
        format!("engagement {e}: no module 1 to 8 given nor known; row kept in `unread`")
    },
    remote_unknown_engagement: |e| {
        format!(
            "remote check of engagement {e}: the référentiel does not know the engagement; row \
             kept in `unread`"
        )
    },
    module_does_not_exist: |subject, written, used| {
        let used = used.map_or_else(
            || "no module known".to_owned(),
            |m| format!("the référentiel's module {m} used"),
        );
        format!(
            "{} is filed under module {written}, which does not exist: {used}",
            subject_name(subject)
        )
    },
    module_differs: |e, module, reference| {
        format!(
            "engagement {e} is filed under module {module}, the référentiel puts it in module \
             {reference}"
        )
    },
    group_differs: |e, heading, group| {
        format!(
            "engagement {e} stands under heading {}, its group is {}",
            heading.unwrap_or("(none)"),
            group.unwrap_or("(none)")
        )
    },
    duplicate_row: |subject, first| {
        let head = match subject {
            Subject::Remote(channel, e) => {
                format!("engagement {e} has a second {channel} remote check")
            }
            _ => format!("{} has a second row", subject_name(subject)),
        };
        format!(
            "{head}, its first is line {first}: not filed, kept in `unread`; validation refuses \
             the audit until one of them is removed"
        )
    },
    missing_verdict: |subject| match subject {
        Subject::Remote(..) | Subject::RemoteOf(_) => {
            format!("{} has no note", subject_name(subject))
        }
        _ => format!("{} has no verdict", subject_name(subject)),
    },
    unknown_verdict: |subject, text| {
        format!(
            "{}: verdict {text:?} is not one of C, NA, NC min, NC Maj; kept in `unread`",
            subject_name(subject)
        )
    },
    unknown_verdict_under: |subject, text| {
        format!(
            "{}: verdict {text:?} on the line under its row is not one of C, NA, NC min, NC Maj; \
             kept in `unread`",
            subject_name(subject)
        )
    },
    unknown_note: |subject, text| {
        format!(
            "{}: note {text:?} is not Conforme, Non conforme or Non applicable; kept as its \
             comment",
            subject_name(subject)
        )
    },
    remote_verdict: |subject, text, verdict| {
        format!(
            "{}: {text:?} is a verdict ({verdict}), where a remote check has a note (Conforme, \
             Non conforme, Non applicable): the row is not filed, kept in `unread`; validation \
             refuses the audit until it is filed in its field or removed",
            subject_name(subject)
        )
    },
    remote_verdict_under: |subject, text, verdict| {
        format!(
            "{}: {text:?} on the line under it is a verdict ({verdict}), where a remote check has \
             a note: not filed, kept in `unread`; validation refuses the audit until it is filed \
             in its field or removed",
            subject_name(subject)
        )
    },
    row_continued: |field| format!("line continues the row of {field} above it"),

    due_date: |problem, text| format!("due date {}; kept in `unread`", date_problem(problem, text)),
    state_day: |state, target, day| {
        let why = match day {
            StateDay::Invalid(problem, text) => format!(": {}", date_problem(problem, text)),
            StateDay::Missing(word) => {
                format!(" needs a date dd/mm/yyyy (« {word} le 02/03/2020 »)")
            }
        };
        format!("state {state:?} of the fiche d'écart of {target}{why}; kept in `unread`")
    },
    state_unknown: |state, target| {
        format!(
            "state {state:?} of the fiche d'écart of {target} is not one of ouvert, en cours, \
             levé le dd/mm/yyyy, non levé le dd/mm/yyyy; kept in `unread`"
        )
    },
    state_needed: |label, target| {
        format!(
            "{label:?} of the fiche d'écart of {target} needs a line « État : levé le \
             dd/mm/yyyy » (or « non levé ») above it; kept in `unread`"
        )
    },
    fiche_unknown_target: |target| {
        format!("the fiche d'écart names {target}, which has no row in section 3")
    },
    fiche_grade_differs: |target, grade, verdict| {
        format!(
            "the fiche d'écart of {target} states {grade}, the verdict of its row is {verdict}; \
             {grade} kept"
        )
    },
    fiche_grade_from_verdict: |target, grade| {
        format!(
            "the fiche d'écart of {target} states no grade: {grade} taken from the verdict of its \
             row"
        )
    },
    fiche_grade_guessed: |target| {
        format!(
            "the fiche d'écart of {target} states no grade and its row is not a nonconformity: NC \
             min assumed"
        )
    },
    fiche_row_not_nonconformity: |target, grade, verdict| {
        let row = verdict.map_or_else(
            || "a row without verdict".to_owned(),
            |v| format!("a row whose verdict is {v}"),
        );
        format!(
            "the fiche d'écart of {target} ({grade}) is about {row}, not a nonconformity: \
             validation refuses the audit (`fiche-without-nonconformity`) until the row's verdict \
             or the fiche is corrected"
        )
    },

    part4_missing: "part 4 (synthèse et conclusion générale) is missing: the report may be \
                    truncated",
    departement_differs: |ours, title| {
        format!("département {ours}, the title page says {title}; {ours} kept")
    },
    departement_from_title: |d| format!("département {d} taken from the title page"),
    city_differs: |ours, title| {
        format!("city {ours:?}, the title page says {title:?}; {ours:?} kept")
    },
    city_from_title: |city| format!("city {city:?} taken from the title page"),
    date_differs: |start, ours, title| {
        format!(
            "audit {} {}, the title page says {}; {} kept",
            if start { "start" } else { "end" },
            ours.format("%d/%m/%Y"),
            title.format("%d/%m/%Y"),
            ours.format("%d/%m/%Y")
        )
    },
    dates_from_title: "audit dates taken from the title page",
    audit_type_differs: |title, checked| {
        format!("audit type {title} on the title page, {checked} checked; {checked} kept")
    },
    audit_type_from_title: |t| format!("audit type {t} taken from the title page (no box checked)"),
    audit_type_missing: "no audit type checked nor stated",
    administration_guessed: |a| {
        format!(
            "no administration type checked: {} guessed from the site's name",
            a.label_fr()
        )
    },
    auditor_from_title: |name| {
        format!("{name} is not in the auditors' table; added from the title page")
    },
    modules_guessed: |modules| {
        format!(
            "no MODULES COUVERTS row: modules {} guessed from the rows of section 3",
            list(modules)
        )
    },
    module_not_covered: |module, engagements| {
        format!(
            "module {module} is not checked on the page de garde, but section 3 has rows for it \
             (engagements {})",
            list(engagements)
        )
    },
    engagement_row_missing: |e, module, title| {
        format!("engagement {e} (module {module}, {title:?}) has no row in section 3")
    },
    item_row_missing: |id, title| {
        format!("management item {id} ({title:?}) has no row in section 3")
    },
    charte_from_text: |v| {
        format!("charte graphique: verdict {v} read from its text (« non applicable »)")
    },
    figure_from_prose: |figure, value, text| {
        format!(
            "context figure {} = {value} read from the prose {text:?}",
            figure.field()
        )
    },
};

/// Why `text` is not a date: `"18/11/19" has a two-digit year (…)`.
fn date_problem(problem: DateError, text: &str) -> String {
    match problem {
        DateError::Form => format!("{text:?} is not a date dd/mm/yyyy"),
        DateError::TwoDigitYear => format!(
            "{text:?} has a two-digit year (dates are read as dd/mm/yyyy, such as 18/11/2019)"
        ),
        DateError::Year(y) => format!(
            "{text:?} has the year {y}, outside {} to {} (dates are read as dd/mm/yyyy)",
            PLAUSIBLE_YEARS.start(),
            PLAUSIBLE_YEARS.end()
        ),
        DateError::Day => format!("{text:?} is not a day of the calendar (dd/mm/yyyy)"),
    }
}

fn audit_dates_unreadable(value: &str) -> String {
    format!("{value:?} does not read as « Du dd/mm/yyyy au dd/mm/yyyy »")
}

/// The row a message is about: `engagement 5`, `internet remote check of engagement 1`.
fn subject_name(subject: Subject) -> String {
    match subject {
        Subject::Engagement(e) => format!("engagement {e}"),
        Subject::Management(id) => format!("management item {id}"),
        Subject::Remote(channel, e) => format!("{channel} remote check of engagement {e}"),
        Subject::RemoteOf(e) => format!("remote check of engagement {e}"),
    }
}

fn place_name(place: Place) -> &'static str {
    match place {
        Place::TitlePage => "the title page",
        Place::TitlePageNoAuditor => "the title page (no auditor named above)",
        Place::PageDeGarde => "the page de garde",
        Place::Part1 => "part 1",
        Place::Part2 => "part 2",
        Place::Section3 => "section 3",
        Place::Section3NoModule => "section 3 (no such module)",
        Place::Part4 => "part 4",
        Place::Part4BeforeSection => "part 4 (before its first section)",
    }
}

fn spot_name(spot: Spot<'_>) -> String {
    match spot {
        Spot::Line(place) => format!("line not understood in {}", place_name(place)),
        Spot::Part(place, field) => format!("{} ({field})", place_name(place)),
        Spot::Layout(place, field) => {
            format!("{} ({field}), in a line read as layout", place_name(place))
        }
        Spot::Title(s) => format!(
            "the row of {}, whose title is not the référentiel's",
            subject_name(s)
        ),
        Spot::Observation(s) => format!("{}: an observation whose text", subject_name(s)),
        Spot::Comment(s) => format!("{}: a comment", subject_name(s)),
        Spot::Evidence(s) => format!("{}: its evidence", subject_name(s)),
        Spot::MisplacedVerdict(s) => format!(
            "{}: a verdict in the comment cell, not in the verdict's",
            subject_name(s)
        ),
        Spot::CommentVerdict(s) => format!("{}: a verdict in the comment cell", subject_name(s)),
        Spot::SecondVerdict(s) => format!(
            "{}: a second verdict, on the line under its row",
            subject_name(s)
        ),
        Spot::SecondNote(s) => {
            format!("{}: a second note, on the line under it", subject_name(s))
        }
        Spot::CharteSecondVerdict => "charte graphique: a second verdict".to_owned(),
        Spot::FicheText(target, label) => format!("the fiche d'écart of {target}: its {label}"),
        Spot::FicheGrade(field) => format!(
            "part 4 ({field}): the grade of a fiche d'écart, outside « FICHE(S) D'ECART(S) »"
        ),
    }
}

/// The value filed, as the message names it: `line 80 (verdict)`.
fn place_of(at: At) -> String {
    at.wire()
}

/// What a text could carry: `a verdict`.
fn carried_what(carried: Carried) -> &'static str {
    match carried {
        Carried::Verdict(_) => "a verdict",
        Carried::Observation(_) => "an observation",
        Carried::RemoteNote(_) => "a remote check's note",
    }
}
