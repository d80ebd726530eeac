//! The diagnostics of the text import: their levels and stable codes.

use std::fmt;

use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoStaticStr};

use crate::Language;
use crate::base::wire::wire_enum;

/// How much an import diagnostic matters.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    EnumIter,
    IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum ImportLevel {
    /// Worth knowing: the value was read, from an unusual place or form.
    Info,
    /// A value the report does not state was inferred; check it.
    Guessed,
    /// Probably wrong in the report, or a value could not be read.
    Warning,
    /// A line was not used.
    Skipped,
}

impl ImportLevel {
    /// The wire form: `info`, `guessed`, `warning` or `skipped`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.into()
    }
}

wire_enum!(
    ImportLevel,
    "import level",
    "info, guessed, warning, skipped",
    [Info, Guessed, Warning, Skipped]
);

crate::base::codes_table::code_table! {
    /// The stable code of an import diagnostic. Codes are never renamed nor reused once released;
    /// `docs/codes.md` (and [`crate::codes`]) lists each with its level, an example and
    /// how to fix it.
    ///
    /// ```
    /// use qualepref::{ImportCode, ImportLevel};
    /// assert_eq!(ImportCode::TitleDiffers.as_str(), "title-differs");
    /// assert_eq!("title-differs".parse::<ImportCode>()?, ImportCode::TitleDiffers);
    /// assert_eq!(ImportCode::TitleDiffers.level(), ImportLevel::Warning);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum ImportCode {
        what: "import code";
        /// The level of diagnostics with this code.
        fn level -> ImportLevel;
        FigureFromProse = "figure-from-prose", Info {
            description: "A context figure (population, communes, arrondissements, staff) read from prose.",
            example: "line 51: [figure-from-prose] info: context figure population = 1060000 read from the prose \"1 060 000 habitants\"",
            fix: "Nothing to fix; check the figure in `context.figures`.",
        }
        TitleCaseOrSpacing = "title-case-or-spacing", Info {
            description: "An engagement's or management item's title differs from the référentiel's in spacing or case only; matched by number.",
            example: "line 88: [title-case-or-spacing] info: engagement 5: title \"NOUS VOUS ORIENTONS VERS LE BON SERVICE ET VOUS PRENONS EN CHARGE\" differs from the référentiel's \"Nous vous orientons vers le bon service et vous prenons en charge\" in spacing or case; matched by number",
            fix: "Nothing to fix: the référentiel's title is used.",
        }
        TitleDiffers = "title-differs", Warning {
            description: "An engagement's or management item's title differs from the référentiel's; matched by number.",
            example: "line 88: [title-differs] warning: engagement 5: title \"Nous vous orientons\" differs from the référentiel's \"Nous vous orientons vers le bon service et vous prenons en charge\"; matched by number",
            fix: "Check the row's number, and that the report follows the référentiel used for the import.",
        }
        UnknownEngagement = "unknown-engagement", Warning {
            description: "A row names an engagement or management item the référentiel does not have (imported as written), or a number that cannot be one (0, above 999; the row is kept whole in the audit's `unread` list).",
            example: "line 120: [unknown-engagement] warning: engagement 24 (\"Nous délivrons vos titres\") is not in référentiel qual-e-pref-2019; imported as written",
            fix: "Correct the number in the report, or import against the référentiel the report follows.",
        }
        ModuleDiffers = "module-differs", Warning {
            description: "A row files an engagement under another module than the référentiel's.",
            example: "line 95: [module-differs] warning: engagement 21 is filed under module 1, the référentiel puts it in module 2",
            fix: "Move the row under its module in the report, or correct its number.",
        }
        ModuleNotCovered = "module-not-covered", Warning {
            description: "Rows of a module that the page de garde does not check.",
            example: "line 118: [module-not-covered] warning: module 2 is not checked on the page de garde, but section 3 has rows for it (engagements 21, 22, 23)",
            fix: "Check the module's box on the page de garde, or remove its rows.",
        }
        DuplicateRow = "duplicate-row", Warning {
            description: "A second row for the same engagement, management item or remote check: the first is filed, the second is kept whole in the audit's `unread` list with the first's line (`conflicts_with`), and validation refuses the audit (`unread-assessment`) until one is removed. Neither row wins.",
            example: "line 97: [duplicate-row] warning: engagement 5 has a second row, its first is line 90: not filed, kept in `unread`; validation refuses the audit until one of them is removed",
            fix: "Keep one row of the two in the report, or file the right values in the audit and remove the `unread` entry.",
        }
        MissingVerdict = "missing-verdict", Warning {
            description: "A row without verdict (or a remote check without note).",
            example: "line 90: [missing-verdict] warning: engagement 5 has no verdict",
            fix: "Fill in the « Conformité » cell (`C`, `NA`, `NC min` or `NC Maj`), or the remote check's note.",
        }
        UnknownVerdict = "unknown-verdict", Warning {
            description: "A verdict that is not one of the codes (kept in the audit's `unread` list), or a remote check's note that is not one of the notes (kept as the check's comment).",
            example: "line 90: [unknown-verdict] warning: engagement 5: verdict \"CN\" is not one of C, NA, NC min, NC Maj; kept in `unread`",
            fix: "Write one of the codes in the « Conformité » cell, or one of the notes in the remote check.",
        }
        MissingRow = "missing-row", Warning {
            description: "An engagement of a covered module, or a management item, without row: the report may be truncated.",
            example: "report: [missing-row] warning: engagement 20 (module 1, \"Nous vous garantissons la fiabilité des informations que nous diffusons sur les réseaux sociaux\") has no row in section 3",
            fix: "Check that the whole report was copied; add the missing row.",
        }
        MissingSection = "missing-section", Warning {
            description: "A part of the report is missing: the report may be truncated.",
            example: "report: [missing-section] warning: part 4 (synthèse et conclusion générale) is missing: the report may be truncated",
            fix: "Check that the whole report was copied.",
        }
        UnrecognisedLine = "unrecognised-line", Skipped {
            description: "A line that the import does not understand where it stands; it is not used, and kept whole in the audit's `unread` list with its line (validation's `unread-value`). A line that could carry an assessment is reported with `assessment-not-filed` instead.",
            example: "line 60: [unrecognised-line] skipped: line not understood in section 3, not used: \"Voir annexe 2\"",
            fix: "Nothing to fix if the line is noise; otherwise move it where the report's layout expects it.",
        }
        RowContinued = "row-continued", Info {
            description: "A line continues the row above it (a cell wrapped after a page break).",
            example: "line 91: [row-continued] info: line continues the row of assessments[engagement 5] above it",
            fix: "Nothing to fix; check the joined text.",
        }
        GroupDiffers = "group-differs", Info {
            description: "An engagement row stands under another channel-group heading than its own.",
            example: "line 93: [group-differs] info: engagement 8 stands under heading accueil-physique, its group is telephone",
            fix: "Nothing to fix: the référentiel's group is used; move the row under its heading to tidy the report.",
        }
        FromTitlePage = "from-title-page", Info {
            description: "A value taken from the title page because the page de garde lacks it.",
            example: "report: [from-title-page] info: audit dates taken from the title page",
            fix: "Fill in the page de garde, or check the value.",
        }
        TitlePageDiffers = "title-page-differs", Warning {
            description: "The title page and the page de garde disagree.",
            example: "line 8: [title-page-differs] warning: city \"Toulon\", the title page says \"Draguignan\"; \"Toulon\" kept",
            fix: "Correct whichever of the two is wrong.",
        }
        ReferentielDiffers = "referentiel-differs", Warning {
            description: "The référentiel named by the report is not the one used for the import.",
            example: "line 22: [referentiel-differs] warning: the report names référentiel \"QualiPref 2.0\", the import uses \"Qual-e-pref\" (qual-e-pref-2019)",
            fix: "Import against the référentiel the report follows.",
        }
        AdministrationGuessed = "administration-guessed", Guessed {
            description: "The administration type guessed from the site's name (no box checked).",
            example: "line 6: [administration-guessed] guessed: no administration type checked: Sous-préfecture guessed from the site's name",
            fix: "Check the administration type's box on the page de garde, or check `site.administration`.",
        }
        ModulesGuessed = "modules-guessed", Guessed {
            description: "The modules covered guessed from the rows of section 3 (no MODULES row).",
            example: "report: [modules-guessed] guessed: no MODULES COUVERTS row: modules 1, 2 guessed from the rows of section 3",
            fix: "Add the MODULES COUVERTS row to the page de garde, or check `modules`.",
        }
        AuditTypeMissing = "audit-type-missing", Warning {
            description: "No audit type checked nor stated.",
            example: "line 16: [audit-type-missing] warning: no audit type checked nor stated",
            fix: "Check the audit type's box on the page de garde, or set `kind.type`.",
        }
        InvalidDate = "invalid-date", Warning {
            description: "A date that does not read as dd/mm/yyyy with a year from 2000 to 2100 (a two-digit year such as `18/11/19` is not guessed, nor a year such as `0019`); the message says what is wrong, and the text is kept in the audit's `unread` list.",
            example: "line 185: [invalid-date] warning: due date \"fin mars\" is not a date dd/mm/yyyy; kept in `unread`",
            fix: "Write the date as dd/mm/yyyy (or set the field in the audit and remove its `unread` entry).",
        }
        FicheGradeFromVerdict = "fiche-grade-from-verdict", Guessed {
            description: "A fiche d'écart's grade taken from its engagement's verdict (the paragraph states none).",
            example: "line 180: [fiche-grade-from-verdict] guessed: the fiche d'écart of engagement 17 states no grade: NC min taken from the verdict of its row",
            fix: "State the grade in the fiche d'écart, or check `ecarts[].grade`.",
        }
        FicheGradeGuessed = "fiche-grade-guessed", Guessed {
            description: "A fiche d'écart states no grade and its engagement is not a nonconformity: `NC min` assumed.",
            example: "line 180: [fiche-grade-guessed] guessed: the fiche d'écart of engagement 17 states no grade and its row is not a nonconformity: NC min assumed",
            fix: "State the grade in the fiche d'écart and correct the row's verdict.",
        }
        FicheGradeDiffers = "fiche-grade-differs", Warning {
            description: "A fiche d'écart's grade differs from its engagement's verdict.",
            example: "line 180: [fiche-grade-differs] warning: the fiche d'écart of engagement 17 states NC Maj, the verdict of its row is NC min; NC Maj kept",
            fix: "Make the fiche's grade and the row's verdict agree.",
        }
        FicheUnknownTarget = "fiche-unknown-target", Warning {
            description: "A fiche d'écart names an engagement or management item without row.",
            example: "line 180: [fiche-unknown-target] warning: the fiche d'écart names engagement 42, which has no row in section 3",
            fix: "Correct the engagement or item the fiche names, or add its row.",
        }
        CharteVerdictFromText = "charte-verdict-from-text", Guessed {
            description: "The charte graphique's verdict inferred from its text (« non applicable »).",
            example: "line 207: [charte-verdict-from-text] guessed: charte graphique: verdict NA read from its text (« non applicable »)",
            fix: "Put the verdict in the charte graphique's « Conformité » cell, or check `conclusion.charte_graphique.verdict`.",
        }
        RemoteTextIgnored = "remote-text-ignored", Skipped {
            description: "Text in a remote check that is neither its note nor an observation; not used. No longer emitted: the text is kept as the check's `comment`.",
            example: "line 150: [remote-text-ignored] skipped: internet remote check of engagement 1: text after the note is not an observation, not used: \"voir capture\"",
            fix: "Start the text with PF, PS or PP to make it an observation, or leave it out.",
        }
        AuditorFromTitlePage = "auditor-from-title-page", Info {
            description: "The lead auditor of the title page is not in the auditors' table; added from the title page.",
            example: "line 5: [auditor-from-title-page] info: Jeanne Martin is not in the auditors' table; added from the title page",
            fix: "Add the lead auditor to the auditors' table, or check `auditors`.",
        }
        UnknownValue = "unknown-value", Warning {
            description: "A value that the crate does not know (administration type, département, module, audit type, a fiche d'écart's state), or several boxes checked where one is expected; the text is kept in the audit's `unread` list.",
            example: "line 6: [unknown-value] warning: administration type \"Ambassade\" is not one the crate knows; kept in `unread`",
            fix: "Correct the value in the report; until then the field is not set from it (or set the field in the audit and remove its `unread` entry).",
        }
        RowOutOfPlace = "row-out-of-place", Warning {
            description: "A line that reads as a row of section 3 (an engagement, a management item or a remote check, with its verdict or note) stands in another part of the report. An engagement row is read as a row of section 3, so that validation sees it (and, like any second row of an engagement, kept in `unread` when the engagement has its row already); the others, whose section or channel is unknown, are kept whole in the audit's `unread` list.",
            example: "line 214: [row-out-of-place] warning: the row of engagement 5 stands in part 4, outside section 3: read as a row of section 3",
            fix: "Move the row into section 3, under its module or management section, or remove it.",
        }
        AssessmentNotFiled = "assessment-not-filed", Warning {
            description: "A text that could carry an assessment (a verdict, an observation or a remote check's note, as `Carried::find` reads it) was met where the import does not file one — prose, a heading, the cover, a comment cell, the line under a row — or competes with a value already filed (a second verdict, a second note); it is not filed, and kept in the audit's `unread` list with its line (and the filed value's line in `conflicts_with`).",
            details: "The import never drops such a text nor lets one value win over another: validation refuses the audit (`unread-assessment`, an error) until the text is filed in its field or removed, since an `NC Maj` left out would leave an avis favorable.",
            example: "line 214: [assessment-not-filed] warning: part 4 (conclusion.conclusion_generale): \"NC Maj\" could carry a verdict (NC Maj) and is not filed: kept in `unread`; validation refuses the audit until it is filed in its field or removed",
            fix: "Move the value into its row's cell (the « Conformité » cell, or the comment cell for an observation), or remove it; then import again, or file it in the audit and remove its `unread` entry.",
        }
        TextBesideHeading = "text-beside-heading", Warning {
            description: "A heading (a part, a module, a management section, a remote-audit channel, a section of part 4) with text beside it, in another cell of its line (`MODULE 1 :\tvoir annexe`) or between parentheses that part 4's template does not print (`❖ POINTS FORTS (voir annexe 3)`): the heading is read, the text is not, and is kept in the audit's `unread` list (validation's `unread-value`). Text that could carry an assessment is reported with `assessment-not-filed` instead.",
            example: "line 74: [text-beside-heading] warning: the heading \"MODULE 1 :\" has text beside it, not read: \"voir annexe\"; kept in `unread`",
            fix: "Move the text under the heading, where the report's layout expects it, or remove it.",
        }
        FicheRowNotNonconformity = "fiche-row-not-nonconformity", Warning {
            description: "A fiche d'écart names an engagement or management item whose row is not a nonconformity (`C`, `NA`, or no verdict): the fiche is imported, and validation refuses the audit (`fiche-without-nonconformity`) until the row's verdict or the fiche is corrected. The diagnostic names the fiche's line.",
            example: "line 190: [fiche-row-not-nonconformity] warning: the fiche d'écart of engagement 5 (NC Maj) is about a row whose verdict is C, not a nonconformity: validation refuses the audit (`fiche-without-nonconformity`) until the row's verdict or the fiche is corrected",
            fix: "Give the row its nonconformity verdict, or correct the engagement the fiche names, or remove the fiche.",
        }
    }
}

/// One thing the import noticed.
///
/// `message` is the French text (French is the crate's default language, that of the
/// reports); the diagnostic also carries its English text, given by
/// [`message_in`](ImportDiagnostic::message_in). Printed as `line N: [code] level: message`,
/// in French by `Display` (`ligne 51 : [figure-from-prose] info : …`, typeset) and in either
/// language by [`to_string_in`](ImportDiagnostic::to_string_in). Its JSON (serde) holds the
/// four public fields, `message` in French; a diagnostic read back from JSON gives its French
/// text in both languages. Two diagnostics are equal when their JSON forms are.
///
/// ```
/// use qualepref::{import_report, samples, Language};
/// let imported = import_report(samples::TOULON_2019_REPORT)?;
/// let d = &imported.diagnostics()[0];
/// assert_eq!(
///     d.to_string_in(Language::En),
///     "line 51: [figure-from-prose] info: context figure population = 1060000 read from the \
///      prose \"1 060 000 habitants\"",
/// );
/// assert_eq!(
///     d.to_string(),
///     "ligne 51\u{a0}: [figure-from-prose] info\u{a0}: chiffre du contexte lu dans le texte \
///      «\u{a0}1 060 000 habitants\u{a0}»\u{a0}: population = 1060000",
/// );
/// assert_eq!(d.message, d.message_in(Language::Fr));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImportDiagnostic {
    /// The line (1-based) it is about; `None` for the whole document.
    pub line: Option<usize>,
    /// How much it matters.
    pub level: ImportLevel,
    /// The stable code.
    pub code: ImportCode,
    /// What was noticed and why, naming the value, in French.
    pub message: String,
    /// The English text; `None` after reading JSON, where `message` stands for both.
    #[serde(skip)]
    english: Option<String>,
}

impl ImportDiagnostic {
    /// A diagnostic of `code` (at its level) about `line`, with its French and English texts.
    pub(crate) fn new(
        line: Option<usize>,
        code: ImportCode,
        french: String,
        english: String,
    ) -> ImportDiagnostic {
        ImportDiagnostic {
            line,
            level: code.level(),
            code,
            message: french,
            english: Some(english),
        }
    }

    /// What was noticed, in `language`.
    #[must_use]
    pub fn message_in(&self, language: Language) -> &str {
        match language {
            Language::En => self.english.as_deref().unwrap_or(&self.message),
            _ => &self.message,
        }
    }

    /// The printed line in `language`: `line 51: [figure-from-prose] info: …`, or in French
    /// `ligne 51 : [figure-from-prose] info : …` (typeset, the level in French, the code
    /// unchanged); `report: ` (`rapport : `) instead of the line for the whole document.
    #[must_use]
    pub fn to_string_in(&self, language: Language) -> String {
        let phrases = language.import();
        let mut out = match self.line {
            Some(line) => (phrases.at_line)(line),
            None => phrases.whole_report.to_owned(),
        };
        let level = (phrases.level)(self.level);
        let colon = match language {
            Language::En => ": ",
            _ => "\u{a0}: ",
        };
        out.reserve(self.code.as_str().len() + level.len() + self.message.len() + 8);
        out.push('[');
        out.push_str(self.code.as_str());
        out.push_str("] ");
        out.push_str(level);
        out.push_str(colon);
        out.push_str(self.message_in(language));
        out
    }
}

impl PartialEq for ImportDiagnostic {
    fn eq(&self, other: &ImportDiagnostic) -> bool {
        self.line == other.line
            && self.level == other.level
            && self.code == other.code
            && self.message == other.message
    }
}

impl fmt::Display for ImportDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_in(Language::Fr))
    }
}
