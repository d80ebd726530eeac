//! Markdown rendering of the whole report.
//!
//! Snapshots: `tests/snapshots/toulon-report.*.md` are compared byte for byte; a missing or
//! different snapshot fails. Run with `UPDATE_SNAPSHOTS=1` to (re)write them, then review the
//! diff.

use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use qualepref::report::markdown::escape;
use qualepref::{
    Audit, EcartTarget, EngagementNumber, FicheEcart, Language, NcGrade, Observation,
    ObservationKind, Policy, Referentiel, RuleCode, Severity, Valid, ValidationOptions, Verdict,
    conclude, render_markdown,
};

mod common;
use common::{check_snapshot, toulon};

/// A block of the parsed Markdown and its text: the Text and Code events in it, a `<br>` read
/// as a newline.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Leaf {
    Heading(String),
    Paragraph(String),
    Item(String),
    Cell(String),
    /// A strong or emphasised span (its text is also its block's).
    Style(String),
    /// Anything the writer never writes: a code block, a quote, an HTML block, a link…
    Other(String),
}

/// The leaves of `md` read by a CommonMark reader (tables enabled), in order, and the column
/// count of every table row.
fn leaves(md: &str) -> (Vec<Leaf>, Vec<(usize, usize)>) {
    let mut out = Vec::new();
    let mut rows = Vec::new();
    let mut stack: Vec<(Tag<'_>, String)> = Vec::new();
    let (mut columns, mut cells) = (0, 0);
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(tag) => {
                if let Tag::Table(a) = &tag {
                    columns = a.len();
                }
                if matches!(tag, Tag::TableHead | Tag::TableRow) {
                    cells = 0;
                }
                stack.push((tag, String::new()));
            }
            Event::End(end) => {
                let (tag, text) = stack.pop().unwrap();
                let leaf = match tag {
                    Tag::Heading { .. } => Leaf::Heading(text),
                    Tag::Paragraph => Leaf::Paragraph(text),
                    Tag::Item => Leaf::Item(text),
                    Tag::TableCell => {
                        cells += 1;
                        Leaf::Cell(text)
                    }
                    Tag::Strong | Tag::Emphasis => {
                        if let Some((_, outer)) = stack.last_mut() {
                            outer.push_str(&text);
                        }
                        Leaf::Style(text)
                    }
                    Tag::List(None) | Tag::Table(_) | Tag::TableHead | Tag::TableRow => {
                        if matches!(end, TagEnd::TableHead | TagEnd::TableRow) {
                            rows.push((columns, cells));
                        }
                        continue;
                    }
                    other => Leaf::Other(format!("{other:?}: {text}")),
                };
                if leaf != Leaf::Item(String::new()) {
                    out.push(leaf);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = stack.last_mut() {
                    text.push_str(&t);
                }
            }
            Event::InlineHtml(h) if &*h == "<br>" => {
                if let Some((_, text)) = stack.last_mut() {
                    text.push('\n');
                }
            }
            other => out.push(Leaf::Other(format!("{other:?}"))),
        }
    }
    (out, rows)
}

/// The text a reader gets back from data text `s`: its line breaks, one newline each.
fn read_back(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// The Toulon audit with `text` as its first conclusion comment.
fn with_comment(text: &str) -> String {
    let mut audit = toulon();
    audit.conclusion.commentaires = vec![text.to_owned()];
    render(&audit, Language::Fr)
}

#[test]
fn a_tilde_fence_does_not_swallow_the_report() {
    for fence in ["~~~", "```", "~~~ rust", "````"] {
        let (leaves, _) = leaves(&with_comment(fence));
        assert!(
            leaves.contains(&Leaf::Paragraph(fence.to_owned())),
            "{fence}: {leaves:?}"
        );
        assert!(
            leaves.contains(&Leaf::Heading("AVIS INDICATIF (AUDIT INTERNE)".to_owned())),
            "{fence}: {leaves:?}"
        );
        assert!(
            !leaves.iter().any(|l| matches!(l, Leaf::Other(_))),
            "{leaves:?}"
        );
    }
}

#[test]
fn numbered_lines_are_no_lists_and_keep_their_text() {
    for text in [
        "1) a", "1. b", "12) c", "3.", "- x", "+ x", "* x", "# h", "> q", "---", "***",
    ] {
        let md = with_comment(text);
        let (leaves, _) = leaves(&md);
        assert!(
            leaves.contains(&Leaf::Paragraph(text.to_owned())),
            "{text}: {leaves:?}"
        );
        assert!(
            !leaves.iter().any(|l| matches!(l, Leaf::Other(_))),
            "{text}: {leaves:?}"
        );
    }
    assert!(with_comment("1. b").contains("\n1\\. b\n"));
    assert!(with_comment("1) a").contains("\n1\\) a\n"));
}

#[test]
fn four_leading_spaces_are_no_code_block() {
    for text in ["    code", "\tcode", "  deux  ", "   "] {
        let (leaves, _) = leaves(&with_comment(text));
        assert!(
            leaves.contains(&Leaf::Paragraph(text.to_owned())),
            "{text:?}: {leaves:?}"
        );
        assert!(
            !leaves.iter().any(|l| matches!(l, Leaf::Other(_))),
            "{leaves:?}"
        );
    }
}

/// A text that is one line break only is a paragraph, not `<br>` alone on its line (an HTML
/// block to a CommonMark reader); found by the `markdown_escape` fuzz target.
#[test]
fn a_lone_line_break_is_a_paragraph() {
    // (A lone carriage return is refused by validation; the public `escape` handles it alike.)
    assert_eq!(escape("\r"), "&#10;");
    for text in ["\n", "\r\n", "\n\n", " \n", "\n ", "\t\n\t", "\n\r\n\n"] {
        let (leaves, _) = leaves(&with_comment(text));
        assert!(
            leaves.contains(&Leaf::Paragraph(read_back(text))),
            "{text:?}: {leaves:?}"
        );
        assert!(
            !leaves.iter().any(|l| matches!(l, Leaf::Other(_))),
            "{text:?}: {leaves:?}"
        );
    }
    // Two line breaks, or one beside other text, keep their `<br>`.
    assert_eq!(escape("\n\n"), "<br><br>");
    assert_eq!(escape("a\n"), "a<br>");
}

#[test]
fn character_references_are_not_decoded() {
    for text in ["&lt;", "a &amp; b", "&#65;", "&#x41;", "R&D; &copy"] {
        let (leaves, _) = leaves(&with_comment(text));
        assert!(
            leaves.contains(&Leaf::Paragraph(text.to_owned())),
            "{text}: {leaves:?}"
        );
    }
    // An ampersand that starts no reference is left as it is.
    assert_eq!(escape("R&D & co"), "R&D & co");
    // A reference needs a name: `&;` is no reference.
    assert_eq!(escape("&; &a;"), "&; \\&a;");
}

#[track_caller]
fn render(audit: &Audit, language: Language) -> String {
    common::rendered(audit, language, render_markdown)
}

#[test]
fn toulon_report_snapshots() {
    let audit = toulon();
    check_snapshot("toulon-report.fr.md", &render(&audit, Language::Fr));
    check_snapshot("toulon-report.en.md", &render(&audit, Language::En));
}

#[test]
fn toulon_report_layout() {
    let md = render(&toulon(), Language::Fr);
    for needle in [
        "# RAPPORT D'AUDIT\n",
        "| MODULES COUVERTS PAR LE LABEL | ☒\u{a0}Module 1 Relation générale avec les usagers<br>☒\u{a0}Module 2 Délivrance des titres (hors étrangers)<br>☐\u{a0}Module 3 Délivrance de titres étrangers<br>",
        "| Type d'audit | Audit interne réalisé en amont d'un audit initial |",
        "| AUDIT INTERNE | Réalisé en amont d'un audit\u{a0}: ☒\u{a0}Initial\u{2003}☐\u{a0}de\u{a0}Suivi\u{2003}☐\u{a0}de\u{a0}Renouvellement\u{2003}☐\u{a0}d'Extension |",
        "| TYPE D'ADMINISTRATION | ☒\u{a0}Préfecture\u{2003}☐\u{a0}Sous-préfecture\u{2003}☐\u{a0}Préfecture de police",
        "| Auditeur(s) | Aurélie ROUMEGOUX (responsable d'audit) | 18/11/2019 |",
        "### MODULE 1 - OBLIGATOIRE\u{a0}: RELATION GENERALE AVEC LES USAGERS",
        "#### ACCUEIL PHYSIQUE",
        "#### RESEAU SOCIAUX",
        "| Module 1 17. Nous vous répondons dans un délai annoncé et maîtrisé | PP\u{a0}: Le délai de réponse",
        "| 5. Comité des usagers |  | C |",
        "### AUDIT À DISTANCE\u{a0}: Téléphone (standard, SVI, SART)",
        "| Module 1 3. A votre écoute pour progresser | PP\u{a0}: Etudier la possibilité de rendre plus visible le plan d'amélioration sur le site internet. | Conforme |",
        "### ❖ FICHE(S) D'ÉCART(S)\n\nAbsence de non-conformité majeure ou mineure.\n\n### ",
        "#### AVIS INDICATIF (AUDIT INTERNE)\n\n**Avis favorable**\n",
        "Module 1 — *Taux de conformité calculé par l'outil (Qual-e-pref ne publie pas de taux)\u{a0}:* 100,0\u{a0}% (20/20) — 20 C, 0 NA, 0 NC min, 0 NC Maj.",
        "| 17. Nous vous répondons dans un délai annoncé et maîtrisé | C | 0 | 0 | 1 | — |",
        "| **Total** |  | 10 | 0 | 4 | — |",
        "## PROCÈS-VERBAL DE CLÔTURE\n",
        "| Représentant du site audité | \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ |",
    ] {
        assert!(md.contains(needle), "missing {needle:?}");
    }
    // Section 4 prints the auditor's text once: no generated half beside it.
    assert_eq!(
        md.matches("Absence de non-conformité majeure ou mineure.")
            .count(),
        1
    );
    assert!(
        !md.contains("D'après les données") && !md.contains("DÉCISION"),
        "{md}"
    );
    // No section 5 after the four of the original; no heading the original does not have.
    assert!(!md.contains("\n## 5."), "{md}");
    assert!(!md.contains("Dispositions générales"), "{md}");
    assert_eq!(
        md.matches("Taux de conformité calculé par l'outil").count(),
        4
    );
    assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
}

#[test]
fn a_minor_nonconformity_is_in_the_decision_table() {
    let mut audit = toulon();
    let n17 = EngagementNumber::new(17).unwrap();
    audit.assessments[16].verdict = Some(Verdict::MinorNonconformity);
    audit.ecarts.push(FicheEcart {
        number: None,
        target: EcartTarget::Engagement(n17),
        grade: NcGrade::Minor,
        finding: "12 courriers | sur 40\nhors délai".to_owned(),
        requirement: "Délai annoncé.".to_owned(),
        cause: None,
        corrective_action: None,
        due: None,
        leader: None,
        response: None,
        status: qualepref::ActionStatus::Open,
    });
    let md = render(&audit, Language::Fr);
    assert!(md.contains("\n**Avis favorable sous réserve**\n"));
    // The fiche is a form of its own, under the auditor's text of FICHE(S) D'ÉCART(S).
    assert!(md.contains(
        "#### Fiche d'écart n°1 — NC min\n\n| | |\n|---|---|\n| Type d'écart | NC min |\n\
         | Engagement ou point concerné | Engagement 17 «\u{a0}Nous vous répondons dans un délai annoncé et maîtrisé\u{a0}» |\n\
         | Constat | 12 courriers \\| sur 40<br>hors délai |\n| Exigence | Délai annoncé. |\n\
         | Action proposée par le site audité | \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ |\n"
    ), "{md}");
    assert!(md.contains(
        "| Délai | 18/02/2020 (3 mois après la fin de l'audit, règle par défaut de l'outil) |"
    ));
    let en = render(&audit, Language::En);
    assert!(en.contains("**Favourable with conditions**"));
    assert!(en.contains(
        "| Due | 2020-02-18 (3 months after the audit's last day, the tool's default rule) |"
    ));
}

#[test]
fn the_decision_table_has_the_corrective_action_column() {
    let mut audit = toulon();
    let n17 = EngagementNumber::new(17).unwrap();
    audit.assessments[16].verdict = Some(Verdict::MinorNonconformity);
    audit.ecarts.push(FicheEcart {
        number: None,
        target: EcartTarget::Engagement(n17),
        grade: NcGrade::Minor,
        finding: "12 courriers sur 40 hors délai".to_owned(),
        requirement: "Délai annoncé.".to_owned(),
        cause: None,
        corrective_action: Some("Plan de *renfort*.".to_owned()),
        due: None,
        leader: None,
        response: None,
        status: qualepref::ActionStatus::Open,
    });
    let md = render(&audit, Language::Fr);
    assert!(
        md.contains("| Action proposée par le site audité | Plan de \\*renfort\\*. |"),
        "{md}"
    );
    let en = render(&audit, Language::En);
    assert!(
        en.contains("#### Nonconformity report no. 1 — NC min\n"),
        "{en}"
    );
    assert!(en.contains("| Action proposed by the audited site | Plan de \\*renfort\\*. |"));
}

#[test]
fn data_text_is_escaped() {
    assert_eq!(escape("a | b\nc"), "a \\| b<br>c");
    assert_eq!(
        escape("*x* _y_ [z](u) <b>"),
        "\\*x\\* \\_y\\_ \\[z\\](u) \\<b\\>"
    );
    assert_eq!(escape("- item"), "\\- item");
    assert_eq!(escape("12. item"), "12\\. item");
    assert_eq!(escape("# title"), "\\# title");
    // A numbered item's delimiter is escaped only where it would open a list: after digits, and
    // before a blank or the end.
    assert_eq!(escape("1. b"), "1\\. b");
    assert_eq!(escape("1)\tb"), "1\\)\tb");
    assert_eq!(escape("7."), "7\\.");
    assert_eq!(escape("1.a"), "1.a");
    assert_eq!(escape(". a"), ". a");
    assert_eq!(escape(")"), ")");
    // One blank alone is one reference.
    assert_eq!(escape(" "), "&#32;");
    assert_eq!(escape("\t"), "&#9;");
    // Each line break is one `<br>`, whatever its form.
    assert_eq!(escape("a\rb\r\nc\nd"), "a<br>b<br>c<br>d");
    let mut audit = toulon();
    audit.assessments[0].observations.push(Observation::new(
        ObservationKind::AreaOfConcern,
        "Tableau | cassé\r\nsur deux lignes",
    ));
    let md = render(&audit, Language::Fr);
    let row = md
        .lines()
        .find(|l| l.starts_with("| Module 1 1. "))
        .unwrap();
    assert!(row.contains("PS\u{a0}: Tableau \\| cassé<br>sur deux lignes"));
    assert_eq!(row.matches(" | ").count(), 2, "{row}");
}

proptest! {
    #[test]
    fn the_same_audit_gives_the_same_markdown(
        verdicts in proptest::collection::vec(0u8..4, 23),
        text in "[a-z|*_#\\n -]{0,30}",
        english in any::<bool>(),
    ) {
        let mut audit = toulon();
        for (a, v) in audit.assessments.iter_mut().zip(&verdicts) {
            let verdict = match v {
                0 => Verdict::Conformity,
                1 => Verdict::NotApplicable,
                2 => Verdict::MinorNonconformity,
                _ => Verdict::MajorNonconformity,
            };
            a.verdict = Some(verdict);
            if verdict == Verdict::NotApplicable {
                a.comment = Some(format!("Sans objet. {text}"));
            }
            if let Some(grade) = verdict.nonconformity() {
                audit.ecarts.push(FicheEcart {
                    number: None,
                    target: EcartTarget::Engagement(a.engagement),
                    grade,
                    finding: format!("Constat {text}"),
                    requirement: "Exigence.".to_owned(),
                    cause: None,
                    corrective_action: None,
                    due: None,
                    leader: None,
                    response: None,
                    status: qualepref::ActionStatus::Open,
                });
            }
        }
        let language = if english { Language::En } else { Language::Fr };
        let copy = audit.clone();
        let a = render(&audit, language);
        let b = render(&copy, language);
        prop_assert_eq!(&a, &b);
        // Every table row keeps its two to seven cells.
        for line in a.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| |")) {
            let cells = line.replace("\\|", "").matches('|').count();
            prop_assert!((3..=8).contains(&cells), "{}", line);
        }
    }
}

/// The avis of an internal audit is indicative; of an external one, a proposal: the
/// certification body decides. Either stands under the general conclusion.
#[test]
fn an_internal_audit_has_an_indicative_outcome() {
    let mut audit = toulon();
    let md = render(&audit, Language::Fr);
    assert!(
        md.contains("\n#### AVIS INDICATIF (AUDIT INTERNE)\n"),
        "{md}"
    );
    assert!(md.contains("Un audit interne n'accorde pas le label"));
    assert!(!md.contains("DÉCISION"));
    let en = render(&audit, Language::En);
    assert!(
        en.contains("\n#### INDICATIVE OUTCOME (INTERNAL AUDIT)\n"),
        "{en}"
    );
    audit.kind.internal = false;
    let md = render(&audit, Language::Fr);
    assert!(
        md.contains("\n#### AVIS PROPOSÉ\n\n**Avis favorable**\n\nCet avis est une proposition"),
        "{md}"
    );
    assert!(!md.contains("AVIS INDICATIF") && !md.contains("audit interne n'accorde"));
    assert!(!md.contains("DÉCISION"));
    let en = render(&audit, Language::En);
    assert!(!en.contains("Decision") && !en.contains("DECISION"), "{en}");
}

/// CommonMark's special characters and constructs, and a few letters and blanks to join them.
const PIECES: &[&str] = &[
    "~~~",
    "```",
    "1) ",
    "1. ",
    "- ",
    "+ ",
    "* ",
    "# ",
    "> ",
    "    ",
    "\t",
    "&lt;",
    "&amp;",
    "&#65;",
    "&#x41;",
    "<b>",
    "<http://x>",
    "<br>",
    "|",
    "*a*",
    "**a**",
    "_a_",
    "`a`",
    "[a](b)",
    "![a](b)",
    "[a]: b",
    "\\",
    "  ",
    "  \n",
    "\n",
    "\r\n",
    "---",
    "***",
    "===",
    "~~a~~",
    "a",
    "Bé",
    " ",
    "1",
    ".",
    ")",
    "!",
    "&",
    ";",
    "#",
    "=",
    "<",
    ">",
    "\\*",
    "R&D",
];

/// A data text built of [`PIECES`], with something else than blanks in it.
fn markdown_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 1..6)
        .prop_map(|pieces| pieces.concat())
        .prop_filter("blank", |t| !t.trim().is_empty())
}

/// The Toulon audit with `texts` as an observation, an assessment's comment, two conclusion
/// paragraphs, the site's city, the auditor's name and the site's name (in bold).
fn audit_with(texts: &[String; 7]) -> Audit {
    let mut audit = toulon();
    let [observation, comment, strength, remark, city, auditor, name] = texts.clone();
    audit.assessments[0].observations.push(Observation::new(
        ObservationKind::AreaOfConcern,
        observation,
    ));
    audit.assessments[1].comment = Some(comment);
    audit.conclusion.points_forts.push(strength);
    audit.conclusion.commentaires = vec![remark];
    audit.site.city = city;
    audit.auditors[0].name = auditor;
    audit.site.name = Some(name);
    audit
}

/// The kind of each leaf: what must not change whatever the texts.
fn shape(leaves: &[Leaf]) -> Vec<std::mem::Discriminant<Leaf>> {
    leaves.iter().map(std::mem::discriminant).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_commonmark_reader_reads_every_data_text_as_written(
        texts in proptest::array::uniform7(markdown_text()),
        english in any::<bool>(),
    ) {
        let language = if english { Language::En } else { Language::Fr };
        let md = render(&audit_with(&texts), language);
        let plain = render(&audit_with(&std::array::from_fn(|_| "x".to_owned())), language);
        let (plain_leaves, _) = leaves(&plain);
        let (leaves, rows) = leaves(&md);
        prop_assert!(
            !leaves.iter().any(|l| matches!(l, Leaf::Other(_))),
            "{:?}\n{}", leaves.iter().find(|l| matches!(l, Leaf::Other(_))), md
        );
        // The same blocks and cells, in the same order, as with plain texts.
        prop_assert_eq!(shape(&leaves), shape(&plain_leaves), "{}", md);
        for (columns, cells) in rows {
            prop_assert_eq!(columns, cells, "{}", md);
        }
        for text in &texts {
            let text = read_back(text);
            prop_assert!(
                leaves.iter().any(|l| match l {
                    Leaf::Heading(t) | Leaf::Paragraph(t) | Leaf::Item(t) | Leaf::Cell(t) =>
                        t.contains(&text),
                    Leaf::Style(_) | Leaf::Other(_) => false,
                }),
                "{:?} not found in\n{}", text, md
            );
        }
        // Each conclusion paragraph is a paragraph of its own, the text alone; the site's name is
        // in bold, alone.
        prop_assert!(leaves.contains(&Leaf::Paragraph(read_back(&texts[3]))), "{}", md);
        prop_assert!(leaves.contains(&Leaf::Style(read_back(&texts[6]))), "{}", md);
    }
}

/// The cover names the référentiel by its label, never by its id (an internal code); a label
/// with a pipe or a backtick keeps its table and its text.
#[test]
fn the_referentiel_is_named_by_its_label_which_keeps_its_table_and_its_text() {
    for label in ["réf | 2019", "réf`2019", "`réf``2019`"] {
        let mut audit = toulon();
        audit.referentiel.label = Some(label.to_owned());
        let md = render(&audit, Language::Fr);
        let (leaves, rows) = leaves(&md);
        assert!(rows.iter().all(|(c, n)| c == n), "{md}");
        assert!(
            leaves
                .iter()
                .any(|l| matches!(l, Leaf::Cell(t) if t == label)),
            "{label:?}: {leaves:?}"
        );
        assert!(!md.contains("qual-e-pref-2019"), "{md}");
    }
}

#[test]
fn the_cover_trims_the_blanks_that_end_a_module_title() {
    let text = Referentiel::qual_e_pref_2019_json().replacen(
        "\"title\": \"Relation générale avec les usagers\"",
        "\"title\": \"Relation générale avec les usagers \\t \"",
        1,
    );
    assert_ne!(text, Referentiel::qual_e_pref_2019_json());
    let referentiel = Referentiel::from_json_str(&text).unwrap();
    let audit = toulon();
    let valid = Valid::new(&audit, &referentiel, &ValidationOptions::default()).unwrap();
    let md = render_markdown(&valid, &conclude(&valid, &Policy::default(), Language::Fr));
    assert!(
        md.contains(
            "| MODULES COUVERTS PAR LE LABEL | ☒\u{a0}Module 1 Relation générale avec les \
             usagers<br>☒\u{a0}Module 2 Délivrance des titres (hors étrangers)<br>"
        ),
        "{md}"
    );
}

#[test]
fn an_ecart_shows_the_fiche_of_its_grade_when_its_target_has_two() {
    let mut audit = toulon();
    let n17 = EngagementNumber::new(17).unwrap();
    audit.assessments[16].verdict = Some(Verdict::MajorNonconformity);
    for (grade, finding) in [
        (NcGrade::Minor, "Constat de la fiche NC min."),
        (NcGrade::Major, "Constat de la fiche NC Maj."),
    ] {
        audit.ecarts.push(FicheEcart {
            number: None,
            target: EcartTarget::Engagement(n17),
            grade,
            finding: finding.to_owned(),
            requirement: "Délai annoncé.".to_owned(),
            cause: None,
            corrective_action: None,
            due: None,
            leader: None,
            response: None,
            status: qualepref::ActionStatus::Open,
        });
    }
    // Two fiches on one engagement, one of another grade than its verdict: errors, lowered
    // here so that the report is written.
    let options = ValidationOptions::default()
        .with(RuleCode::DuplicateFiche, Severity::Warning)
        .with(RuleCode::FicheGradeMismatch, Severity::Warning);
    let referentiel = Referentiel::qual_e_pref_2019();
    let valid = Valid::new(&audit, referentiel, &options).unwrap();
    let md = render_markdown(&valid, &conclude(&valid, &Policy::default(), Language::Fr));
    let forms: Vec<&str> = md.split("#### Fiche d'écart n°").skip(1).collect();
    assert_eq!(forms.len(), 1, "{md}");
    assert!(forms[0].starts_with("1 — NC Maj\n"), "{forms:?}");
    assert!(
        forms[0].contains("| Constat | Constat de la fiche NC Maj. |"),
        "{forms:?}"
    );
}

#[test]
fn a_module_with_one_group_has_no_group_tally() {
    let text = Referentiel::qual_e_pref_2019_json().replacen(
        "\"number\": 2,",
        "\"number\": 2, \"groups\": [{\"id\": \"titres\", \"title\": \"Titres\"}],",
        1,
    );
    let mut data: serde_json::Value = serde_json::from_str(&text).unwrap();
    for e in data["engagements"].as_array_mut().unwrap() {
        if e["module"] == 2 {
            e["group"] = "titres".into();
        }
    }
    let referentiel = Referentiel::from_json_str(&data.to_string()).unwrap();
    assert_eq!(referentiel.modules()[1].groups.len(), 1);
    let audit = toulon();
    let valid = Valid::new(&audit, &referentiel, &ValidationOptions::default()).unwrap();
    let md = render_markdown(&valid, &conclude(&valid, &Policy::default(), Language::Fr));
    // The tool's rate stands once per module, whatever its groups: none per group.
    assert!(md.contains("\nModule 1 — *Taux de conformité calculé par l'outil"));
    assert!(md.contains("\nModule 2 — *Taux de conformité calculé par l'outil"));
    assert!(
        !md.contains("Titres — ") && !md.contains("ACCUEIL PHYSIQUE — "),
        "{md}"
    );
}

#[test]
fn a_module_whose_engagements_are_not_bundled_lists_the_audits_rows() {
    let mut audit = toulon();
    audit.modules.push(qualepref::ModuleNumber::new(3).unwrap());
    for (n, verdict) in [(42, Verdict::Conformity), (41, Verdict::NotApplicable)] {
        let mut a = audit.assessments[0].clone();
        a.module = qualepref::ModuleNumber::new(3).unwrap();
        a.engagement = EngagementNumber::new(n).unwrap();
        a.verdict = Some(verdict);
        a.observations.clear();
        a.comment = Some(format!("Ligne de l'engagement {n}."));
        audit.assessments.push(a);
    }
    // Modules 3–8 are not bundled with the embedded référentiel: lowered here so that the
    // report is written.
    let options = ValidationOptions::lenient().with(RuleCode::ModuleNotBundled, Severity::Warning);
    let referentiel = Referentiel::qual_e_pref_2019();
    let valid = Valid::new(&audit, referentiel, &options).unwrap();
    let md = render_markdown(&valid, &conclude(&valid, &Policy::default(), Language::Fr));
    let start = md.find("### MODULE 3").expect("a section of module 3");
    let section = &md[start..];
    let section = &section[..section[4..].find("\n### ").map_or(section.len(), |e| e + 4)];
    let rows: Vec<&str> = section
        .lines()
        .filter(|l| l.starts_with("| Module"))
        .collect();
    assert_eq!(rows.len(), 2, "{section}");
    assert!(rows[0].starts_with("| Module 3 41."), "{rows:?}");
    assert!(rows[1].starts_with("| Module 3 42."), "{rows:?}");
}

#[test]
fn a_section_without_the_auditors_text_keeps_the_datas_or_says_it_has_none() {
    let mut audit = toulon();
    // Points forts: the data's list stays; bonnes pratiques: nothing to say.
    audit.conclusion.points_forts.clear();
    audit.conclusion.bonnes_pratiques.clear();
    // Both are warnings (conclusion-section-empty) at most, not errors.
    let md = render(&audit, Language::Fr);
    let section = |heading: &str| {
        let start = md.find(heading).unwrap();
        let rest = &md[start + heading.len()..];
        rest[..rest.find("\n### ").unwrap_or(rest.len())].to_owned()
    };
    let forts = section("### ❖ POINTS FORTS\n");
    assert!(
        forts.starts_with(
            "\n*Établi par l'outil d'après les données de l'audit (l'auditeur n'a rien écrit pour \
             cette partie)\u{a0}:*\n\n- Engagement 1 «"
        ),
        "{forts}"
    );
    assert_eq!(forts.matches("\n- ").count(), 10, "{forts}");
    assert!(!forts.contains("Sans objet."), "{forts}");
    assert_eq!(section("### ❖ LES BONNES PRATIQUES\n"), "\nSans objet.\n");
    // The parts the auditor wrote print their text alone.
    let sensibles = section("### ❖ POINTS SENSIBLES (avec risques associés)\n");
    assert_eq!(sensibles, "\nSans objet.\n");
}

#[test]
fn conclusions_without_reasons_write_no_empty_list() {
    let mut audit = toulon();
    audit.assessments[16].verdict = Some(Verdict::MinorNonconformity);
    audit.ecarts.push(
        FicheEcart::new(
            EcartTarget::Engagement(EngagementNumber::new(17).unwrap()),
            NcGrade::Minor,
            "Délai non tenu.",
        )
        .with_requirement("Délai annoncé."),
    );
    let valid = Valid::new(
        &audit,
        Referentiel::qual_e_pref_2019(),
        &ValidationOptions::default(),
    )
    .unwrap();
    let mut conclusions = conclude(&valid, &Policy::default(), Language::Fr);
    conclusions.reasons.clear();
    // The reasons' heading is followed by the next one, with no empty list between.
    let md = render_markdown(&valid, &conclusions);
    assert!(!md.contains("**Motifs**"), "{md}");
    assert!(
        md.contains("pas de seuil de NC min.\n\n## PROCÈS-VERBAL"),
        "{md}"
    );
    assert!(!md.contains("\n\n\n"), "{md}");
    let text = qualepref::report::text::render_text(&valid, &conclusions);
    assert!(!text.contains("\n\n\n"), "{text}");
}

#[test]
fn values_the_import_could_not_read_are_listed_in_an_annex() {
    // Toulon has none: no annex.
    let md = common::rendered(&toulon(), Language::Fr, render_markdown);
    assert!(!md.contains("ANNEXE"), "{md}");
    // A verdict the text import could not read.
    let report = qualepref::samples::TOULON_2019_REPORT.replace(
        "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge\t\tC",
        "Module 1 5. Nous vous orientons vers le bon service et vous prenons en charge\tVu.\tCN",
    );
    let mut audit = qualepref::import_report(&report).unwrap().into_audit();
    let line = audit.unread[0].line.unwrap();
    // A cell of a workbook, a column of a CSV table, and a value without place; one with
    // characters Markdown would read.
    audit.unread.extend([
        qualepref::Unread::new("ecarts[0].due", "fin mars").in_cell("Fiches d'écart!F2"),
        qualepref::Unread::new("kind.type", "trimestriel")
            .at_line(12)
            .in_cell("text"),
        qualepref::Unread::new("page de garde", "*à voir* | <b>"),
    ]);
    // The verdict is missing (an error), lowered here to write the draft report.
    let options = ValidationOptions::default().with(RuleCode::MissingVerdict, Severity::Warning);
    let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &options).unwrap();
    let render =
        |language| render_markdown(&valid, &conclude(&valid, &Policy::default(), language));
    let md = render(Language::Fr);
    let annex = md
        .split("## ANNEXE — VALEURS NON LUES À L'IMPORT\n")
        .nth(1)
        .unwrap();
    assert!(
        annex.contains(&format!(
            "| assessments\\[4\\].verdict | CN | ligne {line} |\n\
             | ecarts\\[0\\].due | fin mars | cellule Fiches d'écart!F2 |\n\
             | kind.type | trimestriel | ligne 12, colonne text |\n\
             | page de garde | \\*à voir\\* \\| \\<b\\> | — |\n"
        )),
        "{annex}"
    );
    let (leaves, rows) = leaves(&md);
    assert!(
        leaves.contains(&Leaf::Cell("*à voir* | <b>".to_owned())),
        "{leaves:?}"
    );
    assert!(rows.iter().all(|(columns, cells)| columns == cells));
    let en = render(Language::En);
    assert!(
        en.contains("## ANNEX — VALUES THE IMPORT COULD NOT READ\n"),
        "{en}"
    );
    assert!(en.contains("| Field | Text | Source |"), "{en}");
    assert!(en.contains(&format!("| CN | line {line} |")), "{en}");
}

/// A fiche keeps the number its report or grid gave it; the others are numbered after the
/// highest, in the order of the écarts; the récapitulatif gives the same numbers.
#[test]
fn a_fiche_keeps_its_number_and_the_others_follow_the_highest() {
    let mut audit = toulon();
    for (n, verdict, number) in [
        (9, Verdict::MinorNonconformity, None),
        (17, Verdict::MinorNonconformity, Some(1)),
        (22, Verdict::MajorNonconformity, Some(3)),
    ] {
        let target = EngagementNumber::new(n).unwrap();
        audit
            .assessments
            .iter_mut()
            .find(|a| a.engagement == target)
            .unwrap()
            .verdict = Some(verdict);
        let mut fiche = FicheEcart::new(
            EcartTarget::Engagement(target),
            verdict.nonconformity().unwrap(),
            format!("Constat de l'engagement {n}."),
        )
        .with_requirement("Exigence.");
        fiche.number = number;
        audit.ecarts.push(fiche);
    }
    let md = render(&audit, Language::Fr);
    let headings: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("#### Fiche d'écart n°"))
        .collect();
    assert_eq!(
        headings,
        [
            "#### Fiche d'écart n°1 — NC min",
            "#### Fiche d'écart n°3 — NC Maj",
            "#### Fiche d'écart n°4 — NC min",
        ]
    );
    assert!(md.contains("| Constat | Constat de l'engagement 17. |"));
    let recap_17 = md.lines().find(|l| l.starts_with("| 17. ")).unwrap();
    assert!(
        recap_17.ends_with(" | NC min | 0 | 0 | 1 | 1 |"),
        "{recap_17}"
    );
    assert!(
        md.contains("| **Total** |  | 10 | 0 | 4 | 4, 1, 3 |"),
        "{md}"
    );
}

/// A report shows only what was known on its date: the écart of the 2020 audit, lifted at the
/// audit of 14/09/2021, is printed open (no state), not lifted.
#[test]
fn a_fiche_does_not_print_a_state_later_than_the_audit() {
    let path = format!(
        "{}/examples/data/history/2020-02-18-toulon-initial-synthetique.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let audit = Audit::from_path(&path).unwrap();
    assert!(audit.ecarts[0].status.is_lifted());
    let md = render(&audit, Language::Fr);
    assert!(md.contains("#### Fiche d'écart n°1 — NC min"), "{md}");
    assert!(
        !md.contains("14/09/2021") && !md.contains("levée le"),
        "{md}"
    );
    assert!(!md.contains("État à la date du rapport"), "{md}");
}

/// An audit built in code holds no text of the auditor's for section 4: each part prints the
/// tool's lines once, marked as the tool's, and the avis closes the general conclusion with no
/// line of its own repeated above it.
#[test]
fn an_audit_without_the_auditors_section_4_prints_the_tools_lines_once() {
    let mut audit = toulon();
    audit.conclusion = Default::default();
    let md = render(&audit, Language::Fr);
    assert_eq!(
        md.matches("Absence de non-conformité majeure ou mineure.")
            .count(),
        1,
        "{md}"
    );
    let mark = "*Établi par l'outil d'après les données de l'audit (l'auditeur n'a rien écrit pour \
                cette partie)\u{a0}:*";
    // Points forts, pistes de progrès, fiches d'écart, charte graphique, conclusion générale.
    assert_eq!(md.matches(mark).count(), 5, "{md}");
    let conclusion = &md[md.find("### CONCLUSION GÉNÉRALE DE L'AUDIT").unwrap()..];
    assert!(
        conclusion.contains("- Observations\u{a0}: 10 points forts"),
        "{conclusion}"
    );
    assert_eq!(
        conclusion.matches("avis favorable").count(),
        1,
        "{conclusion}"
    );
    assert!(!conclusion.contains("- Avis indicatif"), "{conclusion}");
    assert!(md.contains("### ❖ COMMENTAIRES\n\nSans objet.\n"));
}
