//! The French text of an [`Error`]: the same facts as its English `Display`, in French and with
//! French typography (U+00A0 before `:`, inside « »). The words the crate gives an error
//! (`what`, `reason`) have their French here; a parser's own words that the crate does not
//! rewrite (a syntax error's description) are quoted after « erreur de syntaxe ».

use super::{Error, system_reason};

/// The error's French text.
pub(super) fn message(e: &Error) -> String {
    match e {
        Error::UnknownCode {
            what,
            value,
            expected,
        } => format!(
            "{}\u{a0}: valeur inconnue «\u{a0}{value}\u{a0}» (valeurs acceptées\u{a0}: {expected})",
            what_fr(what)
        ),
        Error::InvalidValue {
            what,
            value,
            reason,
        } => format!(
            "{}\u{a0}: valeur refusée «\u{a0}{value}\u{a0}»\u{a0}: {}",
            what_fr(what),
            reason_fr(reason)
        ),
        Error::Parse {
            what,
            format,
            line,
            column,
            path,
            message,
            ..
        } => {
            let at = if *line > 0 {
                format!(", ligne {line}, colonne {column}")
            } else {
                String::new()
            };
            let path = path
                .as_ref()
                .map_or_else(String::new, |p| format!(" ({p})"));
            format!(
                "{} {} mal formé{at}{path}\u{a0}: {}",
                what_fr(what),
                format.label(),
                detail(message)
            )
        }
        Error::InvalidReferentiel { report } => {
            let diagnostics = report.diagnostics();
            let mut out = match diagnostics.len() {
                1 => "référentiel invalide\u{a0}: 1 problème".to_owned(),
                n => format!("référentiel invalide\u{a0}: {n} problèmes"),
            };
            for d in diagnostics {
                out.push('\n');
                out.push_str(&d.to_string_in(crate::Language::Fr));
            }
            out
        }
        Error::TooLarge { size, limit } => {
            format!("l'entrée de {size} octets dépasse la limite de {limit} octets")
        }
        Error::Io {
            path,
            writing,
            error,
        } => format!(
            "impossible {} {}\u{a0}: {}",
            if *writing { "d'écrire" } else { "de lire" },
            path.display(),
            system_reason(error)
        ),
        Error::InFile { path, inner } => format!("{}\u{a0}: {}", path.display(), message(inner)),
        Error::Write(e) => format!("impossible d'écrire le JSON\u{a0}: {e}"),
        #[cfg(any(feature = "yaml", feature = "toml"))]
        Error::WriteText { format, message } => {
            format!("impossible d'écrire le {format}\u{a0}: {message}")
        }
        Error::NotUtf8 { offset } => {
            format!("ce n'est pas un texte UTF-8 (octet invalide à la position {offset})")
        }
        Error::NotAReport { reason } => format!(
            "ce n'est pas un rapport d'audit Qual-e-pref\u{a0}: {}",
            reason_fr(reason)
        ),
        Error::TruncatedReport { lines, missing } => {
            format!("le rapport s'arrête à la ligne {lines}, avant {missing}")
        }
    }
}

/// The French of what an error is about; a word without one is kept.
fn what_fr(what: &str) -> &str {
    match what {
        "audit" => "audit",
        "référentiel" => "référentiel",
        "audit grid" => "grille d'audit",
        "audit grid cell" => "cellule de la grille d'audit",
        "audit grid format" => "format de grille d'audit",
        "plan d'actions" => "plan d'actions",
        "plan d'actions delay in months" => "délai du plan d'actions en mois",
        "rule code" => "code de règle",
        "import code" => "code d'import",
        "history code" => "code de l'historique",
        "error code" => "code d'erreur",
        "module number" => "numéro de module",
        "engagement number" => "numéro d'engagement",
        "engagement" => "engagement",
        "verdict" => "verdict",
        "unread value" => "valeur non lue",
        "site" => "site",
        "remote note" => "note de contrôle à distance",
        "observation" => "observation",
        "observation kind" => "type d'observation",
        "nonconformity grade" => "gravité de non-conformité",
        "language" => "langue",
        "format" => "format",
        "follow-up in months" => "audit de suivi en mois",
        "deadline in months" => "échéance en mois",
        "département code" => "code de département",
        other => other,
    }
}

/// The French of a reason the crate gives; a reason without one is kept.
fn reason_fr(reason: &str) -> &str {
    match reason {
        "a module number is between 1 and 8" => "un numéro de module est compris entre 1 et 8",
        "an engagement number is between 1 and 999" => {
            "un numéro d'engagement est compris entre 1 et 999"
        }
        "a deadline is 1 to 120 months after the audit's last day" => {
            "une échéance tombe 1 à 120 mois après le dernier jour de l'audit"
        }
        "the label's cycle counts 1 to 120 months" => "le cycle du label compte 1 à 120 mois",
        "the plan d'actions is sent 1 to 120 months after the audit" => {
            "le plan d'actions est transmis 1 à 120 mois après l'audit"
        }
        "the follow-up audit falls before the label's validity ends" => {
            "l'audit de suivi tombe avant la fin de la validité du label"
        }
        "no site" => "aucun site",
        "the audit has no assessment of this engagement" => {
            "l'audit n'a pas d'évaluation de cet engagement"
        }
        "only a point sensible (PS) has a risk cell in the grid" => {
            "seul un point sensible (PS) a une cellule de risque dans la grille"
        }
        "not a spreadsheet that can be read (.xlsx, .ods)" => {
            "ce n'est pas un classeur lisible (.xlsx, .ods)"
        }
        "not a CSV table that can be read" => "ce n'est pas un tableau CSV lisible",
        "it has no _qualepref sheet: not a grid written by qualepref" => {
            "il n'a pas de feuille _qualepref\u{a0}: ce n'est pas une grille écrite par qualepref"
        }
        "it has no format row (kind field, field format): not a grid written by qualepref" => {
            "il n'a pas de ligne de format (kind field, field format)\u{a0}: ce n'est pas une \
             grille écrite par qualepref"
        }
        "this version reads qualepref-grid/1" => "cette version lit qualepref-grid/1",
        "the grid has no page de garde sheet" => "la grille n'a pas de feuille « page de garde »",
        "a cell stands beyond the grid's bounds (100 000 rows, 100 columns, 2 000 000 cells)" => {
            "une cellule se trouve hors des limites de la grille (100\u{a0}000 lignes, 100 \
             colonnes, 2\u{a0}000\u{a0}000 cellules)"
        }
        "no row among the first ten holds the plan's column headings (N°, Origine, Type, \
         Constat…)" => {
            "aucune des dix premières lignes ne porte les en-têtes du plan (N°, Origine, Type, \
             Constat…)"
        }
        "CSV grids need the feature `csv`" | "reading a CSV needs the crate's `csv` feature" => {
            "lire un CSV demande la fonctionnalité `csv` de la bibliothèque"
        }
        "workbook grids need the feature `xlsx`"
        | "reading a workbook needs the crate's `xlsx` feature" => {
            "lire un classeur demande la fonctionnalité `xlsx` de la bibliothèque"
        }
        "the workbook writer refused it" => "l'écriture du classeur l'a refusé",
        "the CSV writer refused it" => "l'écriture du CSV l'a refusé",
        "the text is empty" => "le texte est vide",
        other => other,
    }
}

/// The kinds of value the parse messages name, English then French, the longest first.
const KINDS: [(&str, &str); 17] = [
    (
        "a whole number from 0 to 4294967295",
        "un nombre entier de 0 à 4294967295",
    ),
    (
        "a whole number from 0 to 65535",
        "un nombre entier de 0 à 65535",
    ),
    (
        "a whole number from 0 to 255",
        "un nombre entier de 0 à 255",
    ),
    (
        "a whole number 0 or more",
        "un nombre entier positif ou nul",
    ),
    ("an object (a mapping)", "un objet (une table YAML)"),
    ("a text or a number", "un texte ou un nombre"),
    ("one of the codes", "l'un des codes"),
    ("nothing (null)", "rien (null)"),
    ("a whole number", "un nombre entier"),
    ("true or false", "true ou false"),
    ("a character", "un caractère"),
    ("one value", "une seule valeur"),
    ("an object", "un objet"),
    ("a number", "un nombre"),
    ("a list", "une liste"),
    ("a text", "un texte"),
    ("the value ", "la valeur "),
];

/// A kind of value in French: `the text "x"` → `le texte "x"`.
fn kind(en: &str) -> String {
    let en = en.trim();
    if let Some(text) = en.strip_prefix("the text ") {
        return format!("le texte {text}");
    }
    if let Some(number) = en.strip_prefix("the number ") {
        return format!("le nombre {number}");
    }
    for (from, to) in KINDS {
        if let Some(rest) = en.strip_prefix(from) {
            return format!("{to}{rest}");
        }
    }
    en.to_owned()
}

/// `expected one of a, b` (or `expected a`) → `valeurs attendues : a, b`.
fn expected_list(en: &str) -> String {
    match en.strip_prefix("expected one of ") {
        Some(list) => format!("valeurs attendues\u{a0}: {list}"),
        None => format!(
            "attendu\u{a0}: {}",
            en.strip_prefix("expected ").unwrap_or(en)
        ),
    }
}

/// The French of a parse failure's detail, as [`super::parse::humanise`] words it.
pub(super) fn detail(en: &str) -> String {
    if let Some(rest) = en.strip_prefix("unknown field ") {
        return match rest.split_once(" (") {
            Some((field, "this part has no fields)")) => {
                format!("champ inconnu {field} (cette partie n'a pas de champ)")
            }
            Some((field, list)) => format!(
                "champ inconnu {field} ({})",
                expected_list(list.trim_end_matches(')')).replacen(
                    "valeurs attendues",
                    "champs attendus",
                    1
                )
            ),
            None => format!("champ inconnu {rest}"),
        };
    }
    if let Some(field) = en.strip_prefix("missing field ") {
        return format!("champ manquant {field}");
    }
    if let Some(rest) = en.strip_prefix("unknown value ") {
        return match rest.split_once(" (") {
            Some((value, list)) => format!(
                "valeur inconnue {value} ({})",
                expected_list(list.trim_end_matches(')'))
            ),
            None => format!("valeur inconnue {rest}"),
        };
    }
    if let Some(key) = en
        .strip_prefix("the key ")
        .and_then(|r| r.strip_suffix(" is given twice"))
    {
        return format!("la clé {key} est donnée deux fois");
    }
    if en == "a key is given twice" {
        return "une clé est donnée deux fois".to_owned();
    }
    if en == "the number is out of range" {
        return "le nombre est hors des limites".to_owned();
    }
    if en == "the document nests values too deeply" {
        return "le document imbrique ses valeurs trop profondément".to_owned();
    }
    if en.starts_with("the file holds several YAML documents") {
        return "le fichier contient plusieurs documents YAML (séparés par `---`)\u{a0}; un audit \
                ou un référentiel est un seul document"
            .replace("\u{a0};", "\u{202f};");
    }
    if en.starts_with("a date is written as a quoted text") {
        return "une date s'écrit comme un texte entre guillemets, \"AAAA-MM-JJ\" (en TOML\u{a0}: \
                start = \"2019-11-18\", et non start = 2019-11-18)"
            .to_owned();
    }
    if let Some((found, expected)) = en
        .strip_suffix(')')
        .and_then(|r| r.split_once(" is out of range (expected "))
    {
        return format!(
            "{} est hors des limites (attendu\u{a0}: {})",
            kind(found),
            kind(expected)
        );
    }
    if let Some(rest) = en.strip_prefix("expected ") {
        if let Some((expected, found)) = rest.split_once(", found ") {
            let found = match found.strip_suffix(" items") {
                Some(n) => format!("une liste de {n} éléments"),
                None => kind(found),
            };
            return format!(
                "attendu\u{a0}: {}\u{202f}; trouvé\u{a0}: {found}",
                kind(expected)
            );
        }
        let expected = kind(rest);
        // A kind the crate words (`an object`); otherwise the parser's syntax error
        // (`expected value`, ``expected `,` or `}` ``), quoted below.
        if expected != rest.trim() {
            return format!("attendu\u{a0}: {expected}");
        }
    }
    // The crate's own `unknown verdict "CC" (expected one of …)` and `invalid module
    // number "9": …`, raised inside a document.
    if let Some(rest) = en.strip_prefix("unknown ") {
        if let Some((what, tail)) = rest.split_once(" \"") {
            if let Some((value, list)) = tail.split_once("\" (") {
                return format!(
                    "{}\u{a0}: valeur inconnue «\u{a0}{value}\u{a0}» ({})",
                    what_fr(what),
                    expected_list(list.trim_end_matches(')')).replacen(
                        "valeurs attendues",
                        "valeurs acceptées",
                        1
                    )
                );
            }
        }
    }
    if let Some(rest) = en.strip_prefix("invalid ") {
        if let Some((what, tail)) = rest.split_once(" \"") {
            if let Some((value, reason)) = tail.split_once("\": ") {
                return format!(
                    "{}\u{a0}: valeur refusée «\u{a0}{value}\u{a0}»\u{a0}: {}",
                    what_fr(what),
                    reason_fr(reason)
                );
            }
        }
    }
    if en.starts_with("invalid date") || en.starts_with("the document ") {
        return format!("valeur refusée\u{a0}: {en}");
    }
    format!("erreur de syntaxe\u{a0}: {en}")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use crate::{Audit, Format, Interchange as _, Language, Referentiel};

    fn fr(text: &str, format: Format) -> String {
        Audit::from_str_in(text, format)
            .unwrap_err()
            .message_in(Language::Fr)
    }

    #[test]
    fn parse_failures_read_in_french() {
        assert_eq!(
            fr(r#"{"assessments": [{"verdict": "CC"}]}"#, Format::Json),
            "audit JSON mal formé, ligne 1, colonne 33 (assessments[0].verdict)\u{a0}: \
             verdict\u{a0}: valeur inconnue «\u{a0}CC\u{a0}» (valeurs acceptées\u{a0}: C, NA, NC \
             min, NC Maj)"
        );
        let unknown = fr(r#"{"ville": 1}"#, Format::Json);
        assert!(
            unknown.starts_with("audit JSON mal formé, ligne 1, colonne 8")
                && unknown.contains("\u{a0}: champ inconnu `ville` (champs attendus\u{a0}: "),
            "{unknown}"
        );
        let syntax = fr("{", Format::Json);
        assert!(
            syntax.starts_with("audit JSON mal formé, ligne 1, colonne 1\u{a0}: erreur de syntaxe"),
            "{syntax}"
        );
        let wrong = fr(r#"{"site": []}"#, Format::Json);
        assert!(
            wrong.ends_with(
                "(site)\u{a0}: attendu\u{a0}: un objet\u{202f}; trouvé\u{a0}: une liste de 0 éléments"
            ),
            "{wrong}"
        );
    }

    #[test]
    fn every_error_has_its_french_text() {
        let read = Audit::from_path("no/such/audit.json").unwrap_err();
        assert!(
            read.message_in(Language::Fr)
                .starts_with("impossible de lire no/such/audit.json\u{a0}: "),
            "{read}"
        );
        assert_eq!(
            read.message_in(Language::En),
            read.to_string(),
            "English is the Display"
        );
        let code = "CC".parse::<crate::Verdict>().unwrap_err();
        assert_eq!(
            code.message_in(Language::Fr),
            "verdict\u{a0}: valeur inconnue «\u{a0}CC\u{a0}» (valeurs acceptées\u{a0}: C, NA, NC \
             min, NC Maj)"
        );
        let number = crate::ModuleNumber::try_from(9).unwrap_err();
        assert_eq!(
            number.message_in(Language::Fr),
            "numéro de module\u{a0}: valeur refusée «\u{a0}9\u{a0}»\u{a0}: un numéro de module \
             est compris entre 1 et 8"
        );
        let bytes = Referentiel::from_slice(b"\xff{}", Format::Json).unwrap_err();
        assert_eq!(
            bytes.message_in(Language::Fr),
            "ce n'est pas un texte UTF-8 (octet invalide à la position 0)"
        );
    }
}
