//! The language of generated texts, and the wording shared by the synthesis and the renderers:
//! dates, percentages, verdict and observation labels.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::Error;

/// The language of generated texts. French is the default: it is the language of the reports.
///
/// ```
/// use qualepref::Language;
/// assert_eq!("en".parse::<Language>()?, Language::En);
/// assert_eq!(Language::default(), Language::Fr);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Language {
    /// French (`fr`), the default.
    #[default]
    Fr,
    /// English (`en`).
    En,
}

impl Language {
    /// The code: `fr` or `en`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    /// `fr` or `en` text, by language.
    pub(crate) const fn pick(self, fr: &'static str, en: &'static str) -> &'static str {
        match self {
            Language::Fr => fr,
            Language::En => en,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" | "french" | "français" | "francais" => Ok(Language::Fr),
            "en" | "english" | "anglais" => Ok(Language::En),
            _ => Err(Error::UnknownCode {
                what: "language",
                value: s.to_owned(),
                expected: "fr, en",
            }),
        }
    }
}

/// A date as reports print it: `18/11/2019` in French, `2019-11-18` in English.
pub(crate) fn date(date: NaiveDate, language: Language) -> String {
    let mut out = String::with_capacity(10);
    push_date(&mut out, date, language);
    out
}

/// Writes [`date`] into `out`.
pub(crate) fn push_date(out: &mut String, date: NaiveDate, language: Language) {
    let (m, d) = (date.month(), date.day());
    match language {
        Language::Fr => {
            push_padded(out, d, 2);
            out.push('/');
            push_padded(out, m, 2);
            out.push('/');
            push_year(out, date.year());
        }
        Language::En => {
            push_year(out, date.year());
            out.push('-');
            push_padded(out, m, 2);
            out.push('-');
            push_padded(out, d, 2);
        }
    }
}

/// A year on at least four digits, as `{y:04}` writes it (with its sign before year 0).
fn push_year(out: &mut String, year: i32) {
    if let Ok(y) = u32::try_from(year) {
        push_padded(out, y, 4);
    } else {
        use fmt::Write as _;
        let _ = write!(out, "{year:04}");
    }
}

/// Writes `n` in decimal, as `{n}` does, without the formatting machinery: the synthesis
/// writes many numbers, and this is several times faster.
pub(crate) fn push_number(out: &mut String, n: u32) {
    // The digits, last first.
    let mut digits = [0_u8; 10];
    let mut len = 0;
    let mut rest = n;
    while let Some(d) = digits.get_mut(len) {
        *d = (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for d in digits.iter().take(len).rev() {
        out.push(char::from(b'0' + d));
    }
}

/// Writes `n` on at least `width` digits, zeros first, as `{n:0width$}` does.
pub(crate) fn push_padded(out: &mut String, n: u32, width: usize) {
    let len = n.checked_ilog10().map_or(1, |l| l as usize + 1);
    for _ in len..width {
        out.push('0');
    }
    push_number(out, n);
}

/// The plural `s` of a French or English noun when `n` is not 1 (French: 0 and 1 are singular).
pub(crate) fn plural(n: u32, language: Language) -> &'static str {
    match language {
        Language::Fr if n > 1 => "s",
        Language::En if n != 1 => "s",
        _ => "",
    }
}

/// A text in French and in English, picked with [`Language::words`]: the wording shared by the
/// renderers (Markdown and HTML), so that both say the same thing in the same words.
pub(crate) type Words = (&'static str, &'static str);

impl Language {
    /// The text of `words` in this language.
    pub(crate) const fn words(self, words: Words) -> &'static str {
        self.pick(words.0, words.1)
    }
}

/// The report's fixed wording, shared by the renderers.
pub(crate) mod words {
    use super::Words;

    pub(crate) const REPORT: Words = ("RAPPORT D'AUDIT", "AUDIT REPORT");
    pub(crate) const COVER: Words = ("1. PAGE DE GARDE", "1. Cover page");
    pub(crate) const ADMINISTRATION: Words = ("TYPE D'ADMINISTRATION", "Administration");
    pub(crate) const DEPARTEMENT: Words = ("DEPARTEMENT", "Département");
    pub(crate) const CITY: Words = ("VILLE", "City");
    pub(crate) const MODULES_COVERED: Words = ("MODULES COUVERTS PAR LE LABEL", "Modules covered");
    pub(crate) const AUDIT_TYPE: Words = ("TYPE D'AUDIT", "Audit type");
    pub(crate) const REFERENTIEL: Words = ("REFERENTIEL", "Référentiel");
    pub(crate) const DATES: Words = ("DATE(S) DE L'AUDIT", "Audit dates");
    pub(crate) const FROM: Words = ("Du", "From");
    pub(crate) const TO: Words = ("au", "to");
    pub(crate) const AUDITORS: Words = ("AUDITEUR(S)", "Auditor(s)");
    pub(crate) const SIGNED_ON: Words = ("signé le", "signed on");
    pub(crate) const CONTEXT: Words = ("2. CONTEXTE", "2. Context");
    pub(crate) const ORGANISATION: Words =
        ("Contexte de l'organisme audité", "The audited organisation");
    pub(crate) const HISTORY: Words = (
        "Présentation et historique de la démarche du site audité",
        "History of the site's quality approach",
    );
    pub(crate) const ASSESSMENT: Words = ("3. SYNTHÈSE DE L'ÉVALUATION", "3. Assessment summary");
    pub(crate) const ABBREVIATIONS: Words = (
        "Abréviations : C : Conforme ; NA : Non applicable ; NC Maj : Non-conformité majeure ; NC min : Non-conformité mineure ; PF : Points forts ; PS : Points sensibles ; PP : Pistes de progrès.",
        "Abbreviations: C: conformity; NA: not applicable; NC Maj: major nonconformity; NC min: minor nonconformity; PF: strength; PS: area of concern; PP: opportunity for improvement.",
    );
    pub(crate) const COMMITMENTS: Words = ("Engagements de service", "Service commitments");
    pub(crate) const COMMENTS: Words = (
        "Appréciation de l'auditeur — Commentaires",
        "Auditor's assessment — comments",
    );
    pub(crate) const VERDICT: Words = ("Conformité", "Verdict");
    pub(crate) const ITEM: Words = ("Point", "Item");
    pub(crate) const NOTE: Words = ("Note", "Note");
    pub(crate) const RATE: Words = ("Taux de conformité :", "Conformity rate:");
    pub(crate) const RATE_NONE: Words = ("sans objet", "none");
    pub(crate) const NOT_ASSESSED: Words = ("non évalué(s)", "not assessed");
    pub(crate) const REMOTE: Words = ("AUDIT A DISTANCE :", "Remote audit:");
    pub(crate) const SYNTHESIS: Words = (
        "4. SYNTHÈSE DE L'ÉVALUATION ET CONCLUSION GÉNÉRALE DE L'AUDIT",
        "4. Summary and general conclusion of the audit",
    );
    pub(crate) const GENERATED: Words = ("D'après les données de l'audit", "From the audit data");
    pub(crate) const AUDITOR_TEXT: Words = ("Texte de l'auditeur", "The auditor's text");
    pub(crate) const AUDITOR_VERDICT: Words = ("Verdict :", "Verdict:");
    pub(crate) const DECISION: Words = ("5. DÉCISION", "5. Decision");
    pub(crate) const POLICY_NOTE: Words = (
        "Décision selon la politique par défaut de la bibliothèque (pratique ISO/IEC 17021-1), et non selon le texte du référentiel, dont les règles de décision ne sont pas publiques.",
        "Decision under the library's default policy (ISO/IEC 17021-1 practice), not the référentiel's text, whose decision rules are not public.",
    );
    pub(crate) const REASONS: Words = ("Motifs", "Reasons");
    pub(crate) const ECART: Words = ("Écart", "Nonconformity");
    pub(crate) const FINDING: Words = ("Constat", "Finding");
    pub(crate) const REQUIREMENT: Words = ("Exigence", "Requirement");
    pub(crate) const CORRECTIVE_ACTION: Words = ("Action corrective", "Corrective action");
    pub(crate) const DUE: Words = ("Échéance", "Due");
}

/// The kind of administration in words: `Préfecture`, `Prefecture`…
pub(crate) const fn administration(
    kind: crate::AdministrationType,
    language: Language,
) -> &'static str {
    match language {
        Language::Fr => kind.label_fr(),
        Language::En => kind.label_en(),
    }
}

/// The site as the cover names it: its name, or else its kind of administration.
pub(crate) fn site_name(site: &crate::Site, language: Language) -> &str {
    site.name
        .as_deref()
        .unwrap_or(administration(site.administration, language))
}

/// The audit type alone, without the site: `Audit interne réalisé en amont d'un audit initial`.
pub(crate) fn audit_kind(audit: &crate::Audit, language: Language) -> String {
    let phrase = crate::engine::synthesis::audit_phrase(audit, language);
    match phrase.split_once(language.pick(" :", ":")) {
        Some((kind, _)) => kind.to_owned(),
        None => phrase,
    }
}

/// A module's heading, its title already upper-cased and escaped by the renderer:
/// `MODULE 1 - OBLIGATOIRE : RELATION …`.
pub(crate) fn module_heading(
    module: crate::ModuleNumber,
    title: &str,
    obligatory: bool,
    language: Language,
) -> String {
    match (obligatory, language) {
        (true, Language::Fr) => format!("MODULE {module} - OBLIGATOIRE : {title}"),
        (true, Language::En) => format!("MODULE {module} - MANDATORY: {title}"),
        (false, Language::Fr) => format!("MODULE {module} : {title}"),
        (false, Language::En) => format!("MODULE {module}: {title}"),
    }
}

/// A remote check's note in words; `—` without a note.
pub(crate) fn remote_note(note: Option<crate::RemoteNote>, language: Language) -> &'static str {
    use crate::RemoteNote;
    match (note, language) {
        (Some(n), Language::Fr) => n.code(),
        (Some(RemoteNote::Conforme), Language::En) => "Conforming",
        (Some(RemoteNote::NonConforme), Language::En) => "Nonconforming",
        (Some(RemoteNote::NonApplicable), Language::En) => "Not applicable",
        (None, _) => "—",
    }
}

/// A rate with its ratio, `100,0 % (20/20)`, or `sans objet` without one.
pub(crate) fn rate_text(rate: Option<crate::Rate>, language: Language) -> String {
    match rate {
        Some(r) => format!(
            "{} ({}/{})",
            r.display(language),
            r.numerator,
            r.denominator
        ),
        None => language.words(words::RATE_NONE).to_owned(),
    }
}

/// The outcome as a title: `Avis favorable`, `Favourable with conditions`.
pub(crate) fn outcome_title(outcome: crate::Outcome, language: Language) -> String {
    let label = match language {
        Language::Fr => outcome.label_fr(),
        Language::En => outcome.label_en(),
    };
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The policy applied, in one sentence.
pub(crate) fn policy_sentence(policy: &crate::AppliedPolicy, language: Language) -> String {
    use std::fmt::Write as _;
    let mut s = match language {
        Language::Fr => format!(
            "Politique : actions correctives dues {} mois après la fin de l'audit",
            policy.deadline_months
        ),
        Language::En => format!(
            "Policy: corrective actions due {} month(s) after the audit's last day",
            policy.deadline_months
        ),
    };
    match (policy.minor_threshold, language) {
        (Some(t), Language::Fr) => {
            let _ = write!(s, " ; avis défavorable à partir de {t} NC min");
        }
        (Some(t), Language::En) => {
            let _ = write!(s, "; unfavourable from {t} NC min");
        }
        (None, Language::Fr) => s.push_str(" ; pas de seuil de NC min"),
        (None, Language::En) => s.push_str("; no threshold of NC min"),
    }
    s.push('.');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn numbers_are_written_as_format_writes_them(n in any::<u32>(), width in 0_usize..12) {
            let mut out = String::from("x");
            push_number(&mut out, n);
            prop_assert_eq!(out, format!("x{n}"));
            let mut out = String::new();
            push_padded(&mut out, n, width);
            prop_assert_eq!(out, format!("{n:0width$}"));
        }

        #[test]
        fn dates_are_written_as_format_writes_them(days in -1_000_000_i32..3_000_000) {
            let d = NaiveDate::from_num_days_from_ce_opt(days).unwrap_or(NaiveDate::MIN);
            let (y, m, day) = (d.year(), d.month(), d.day());
            prop_assert_eq!(date(d, Language::Fr), format!("{day:02}/{m:02}/{y:04}"));
            prop_assert_eq!(date(d, Language::En), format!("{y:04}-{m:02}-{day:02}"));
        }
    }

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
        let fr: Vec<&str> = (0..3).map(|n| plural(n, Language::Fr)).collect();
        let en: Vec<&str> = (0..3).map(|n| plural(n, Language::En)).collect();
        assert_eq!(fr, ["", "", "s"]);
        assert_eq!(en, ["s", "", "s"]);
    }

    #[test]
    fn edge_numbers() {
        for (n, text) in [(0, "0"), (9, "9"), (10, "10"), (u32::MAX, "4294967295")] {
            let mut out = String::new();
            push_number(&mut out, n);
            assert_eq!(out, text);
        }
        let mut out = String::new();
        push_padded(&mut out, 7, 2);
        push_padded(&mut out, 2019, 4);
        push_padded(&mut out, 12, 2);
        assert_eq!(out, "07201912");
    }
}
