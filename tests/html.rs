//! HTML rendering of the whole report.
//!
//! Snapshots: `tests/snapshots/toulon-report.*.html` are compared byte for byte; a missing or
//! different snapshot fails. Run with `UPDATE_SNAPSHOTS=1` to (re)write them, then review the
//! diff (or open them in a browser).

use proptest::prelude::*;
use qualepref::report::html::{escape, page};
use qualepref::validate::ValidationOptions;
use qualepref::{
    Audit, EcartTarget, EngagementNumber, FicheEcart, Language, NcGrade, Observation,
    ObservationKind, Policy, Referentiel, RuleCode, Severity, Valid, Verdict, conclude,
    render_html,
};

mod common;
use common::{check_snapshot, toulon};

#[track_caller]
fn render(audit: &Audit, language: Language) -> String {
    common::rendered(audit, language, render_html)
}

/// Every `src="…"` or `href="…"` value of the page.
fn references(html: &str) -> Vec<&str> {
    let mut refs = Vec::new();
    for attr in ["src=", "href="] {
        for (i, _) in html.match_indices(attr) {
            let rest = &html[i + attr.len()..];
            let value = rest
                .strip_prefix('"')
                .and_then(|r| r.split('"').next())
                .unwrap_or(rest);
            // An anchor of the page itself (the contents' links) is no reference.
            if !value.starts_with('#') {
                refs.push(value);
            }
        }
    }
    refs
}

/// Checks that every element is closed in order (void and self-closed elements aside): data
/// text is escaped, so every `<` of the page opens a tag.
#[track_caller]
fn assert_balanced(html: &str) {
    const VOID: [&str; 4] = ["meta", "br", "rect", "img"];
    let mut open: Vec<&str> = Vec::new();
    for (i, _) in html.match_indices('<') {
        let rest = &html[i + 1..];
        if rest.starts_with('!') {
            continue;
        }
        let end = rest.find('>').expect("unclosed tag");
        let tag = &rest[..end];
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap();
        if let Some(closing) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(closing), "</{closing}> at byte {i}");
        } else if !VOID.contains(&name) && !tag.ends_with('/') {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "never closed: {open:?}");
}

#[test]
fn toulon_report_snapshots() {
    let audit = toulon();
    check_snapshot("toulon-report.fr.html", &render(&audit, Language::Fr));
    check_snapshot("toulon-report.en.html", &render(&audit, Language::En));
}

#[test]
fn toulon_report_structure() {
    let html = render(&toulon(), Language::Fr);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">\n"));
    assert!(html.ends_with("</html>\n"));
    assert_eq!(html.matches("<tr class=\"engagement\"").count(), 23);
    for n in 1..=23 {
        assert_eq!(
            html.matches(&format!("data-engagement=\"{n}\"")).count(),
            1,
            "engagement {n}"
        );
    }
    assert_eq!(html.matches("<tr class=\"management\"").count(), 7);
    assert_eq!(html.matches("<tr class=\"remote\"").count(), 13);
    for needle in [
        "<title>RAPPORT D&#39;AUDIT — PREFECTURE du Var, TOULON (83)</title>",
        "<h1>RAPPORT D'AUDIT</h1>",
        "<p class=\"outcome o-favorable\">Avis indicatif (audit interne)\u{a0}: avis favorable</p>",
        "<p class=\"outcome o-favorable\">Avis favorable</p>",
        "<li>Taux de conformité\u{a0}: <b>100,0\u{a0}% (23/23)</b></li>",
        "<li><b>23</b> <span class=\"badge v-c\">C</span></li>",
        "<li><b>10</b> <span class=\"k\">PF</span></li>",
        "<li><b>4</b> <span class=\"k\">PP</span></li>",
        "<svg role=\"img\"",
        "<title id=\"chart-title\">Verdicts et observations par module</title>",
        "20 C · 0 NA · 0 NC min · 0 NC Maj",
        "<caption>ACCUEIL PHYSIQUE</caption>",
        "<caption>RESEAU SOCIAUX</caption>",
        "<h3>MODULE 1 - OBLIGATOIRE\u{a0}: RELATION GENERALE AVEC LES USAGERS</h3>",
        "<th scope=\"row\">Module 1 17. Nous vous répondons dans un délai annoncé et maîtrisé</th><td><p><span class=\"k\">PP</span>\u{a0}: Le délai de réponse",
        "<h3>AUDIT À DISTANCE\u{a0}: Téléphone (standard, SVI, SART)</h3>",
        " FICHE(S) D&#39;ÉCART(S)</h3>\n<p>Absence de non-conformité majeure ou mineure.</p>\n<h3>",
        "<li>Aucune non-conformité majeure ou mineure\u{a0}: avis favorable.</li>",
        "<p class=\"tally\">Module 1 — Taux de conformité calculé par l'outil (Qual-e-pref ne publie pas de taux)\u{a0}: 100,0\u{a0}% (20/20) — 20 C, 0 NA, 0 NC min, 0 NC Maj.</p>",
        // The cover shows every box, checked or not.
        "<span class=\"box\">☒</span>\u{a0}Préfecture\u{2003}<span class=\"box\">☐</span>\u{a0}Sous-préfecture",
        "<span class=\"box\">☐</span>\u{a0}Module 8 Polices exercées par la préfecture de police de Paris",
        "<th scope=\"row\">AUDIT INTERNE</th><td>Réalisé en amont d'un audit\u{a0}: <span class=\"box\">☒</span>\u{a0}Initial\u{2003}<span class=\"box\">☐</span>\u{a0}de\u{a0}Suivi",
        // The header block, the contents, the récapitulatif, the avis and the closing record.
        "<tr><th scope=\"row\">Votre responsable d'audit</th><td>Aurélie ROUMEGOUX</td></tr>",
        "<li><a href=\"#recap\">RÉCAPITULATIF DES CONSTATS</a></li>",
        "<h2 id=\"recap\">RÉCAPITULATIF DES CONSTATS</h2>\n<p class=\"note\">Tableau établi par l'outil",
        "<tr class=\"total\"><th scope=\"row\"><strong>Total</strong></th><td class=\"verdict\"></td><td class=\"num\">10</td><td class=\"num\">0</td><td class=\"num\">4</td><td class=\"num\">—</td></tr>",
        "<h4 id=\"avis\">AVIS INDICATIF (AUDIT INTERNE)</h4>\n<p class=\"outcome o-favorable\">Avis favorable</p>",
        "<h2 id=\"closing\">PROCÈS-VERBAL DE CLÔTURE</h2>",
        "<th scope=\"row\">Représentant du site audité</th><td><span class=\"blank\"></span></td>",
        // Page numbers and the running header in print.
        "@bottom-right { content: counter(page) \" / \" counter(pages);",
        "@top-left { content: \"RAPPORT D'AUDIT — PREFECTURE du Var, TOULON (83)\";",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
    assert!(!html.contains("<script"));
    assert!(!html.contains("<link"));
    assert!(!html.contains("@import"));
    assert!(!html.contains("url("));
    assert!(
        references(&html).is_empty(),
        "external references: {:?}",
        references(&html)
    );
    // Every link of the contents leads to a heading of the page.
    for (i, _) in html.match_indices("href=\"#") {
        let id = html[i + 7..].split('"').next().unwrap();
        assert!(html.contains(&format!(" id=\"{id}\">")), "no anchor {id}");
    }
    // Headings go h1, h2, h3 without skipping a level.
    let mut level = 0;
    for (i, _) in html.match_indices("<h") {
        let Some(d) = html[i + 2..].chars().next().and_then(|c| c.to_digit(10)) else {
            continue;
        };
        assert!(d <= level + 1, "h{d} after h{level} at byte {i}");
        level = d;
    }
    assert_eq!(html.matches("<h4").count(), 1, "the avis alone");
    // Section 4 prints the auditor's words once; the avis stands under the general conclusion,
    // and no section 5 follows the four of the original.
    assert_eq!(
        html.matches("Absence de non-conformité majeure ou mineure.")
            .count(),
        1
    );
    assert!(!html.contains("DÉCISION"), "{html}");
    let parts: Vec<&str> = html
        .split("<h2")
        .skip(1)
        .map(|h| h.split_once('>').unwrap().1.split("</h2>").next().unwrap())
        .collect();
    assert_eq!(
        parts,
        [
            "SOMMAIRE DU RAPPORT D'ÉVALUATION",
            "En bref",
            "1. PAGE DE GARDE",
            "2. CONTEXTE",
            "3. SYNTHÈSE DE L'ÉVALUATION",
            "RÉCAPITULATIF DES CONSTATS",
            "4. SYNTHÈSE DE L'ÉVALUATION ET CONCLUSION GÉNÉRALE DE L'AUDIT",
            "PROCÈS-VERBAL DE CLÔTURE",
        ]
    );
    assert!(html.find("CONCLUSION GÉNÉRALE DE L&#39;AUDIT</h3>") < html.find("id=\"avis\""));
    // No heading the original does not have: the first group of module 1 is named for
    // assistive technologies only, as the référentiel's group.
    assert!(!html.contains("<caption>Dispositions générales"));
    assert!(html.contains(
        "<caption class=\"sr\">Dispositions générales (groupe du référentiel)</caption>"
    ));
    // The rate is the tool's, once per module and per management section.
    assert_eq!(html.matches("<p class=\"tally\">").count(), 4);
    assert_balanced(&html);
}

#[test]
fn english_report() {
    let html = render(&toulon(), Language::En);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"));
    assert_eq!(html.matches("<tr class=\"engagement\"").count(), 23);
    for needle in [
        "<h1>AUDIT REPORT</h1>",
        "<p class=\"outcome o-favorable\">Indicative outcome (internal audit): favourable</p>",
        "<li>Conformity rate: <b>100.0% (23/23)</b></li>",
        "<h3>MODULE 1 - MANDATORY: RELATION GENERALE AVEC LES USAGERS</h3>",
        "Conforming</span>",
        "Module 1: 20 C, 0 NA, 0 NC min, 0 NC Maj; 7 PF, 0 PS, 1 PP.",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
    assert!(!html.contains("Avis favorable"));
}

#[test]
fn a_minor_nonconformity_has_its_fiche_and_due_date() {
    let mut audit = toulon();
    let n17 = EngagementNumber::new(17).unwrap();
    audit.assessments[16].verdict = Some(Verdict::MinorNonconformity);
    audit.ecarts.push(FicheEcart {
        number: None,
        target: EcartTarget::Engagement(n17),
        grade: NcGrade::Minor,
        finding: "12 courriers sur 40\nhors délai".to_owned(),
        requirement: "Délai annoncé.".to_owned(),
        cause: None,
        corrective_action: Some("Plan de renfort.".to_owned()),
        due: None,
        leader: None,
        response: None,
        status: qualepref::ActionStatus::Open,
    });
    let html = render(&audit, Language::Fr);
    assert!(html.contains(">Avis favorable sous réserve</p>"));
    assert!(!html.contains("<code>"));
    // The fiche is a form, numbered after the fiches that have a number (none here).
    let form = "<h4>Fiche d'écart n°1 — <span class=\"badge v-min\">NC min</span></h4>\n\
         <table class=\"form\">\n<caption class=\"sr\">Fiche d'écart n°1</caption>\n<tbody>\n\
         <tr><th scope=\"row\">Type d'écart</th><td><span class=\"badge v-min\">NC min</span></td></tr>\n\
         <tr><th scope=\"row\">Engagement ou point concerné</th><td>Engagement 17 «\u{a0}Nous vous répondons dans un délai annoncé et maîtrisé\u{a0}»</td></tr>\n\
         <tr><th scope=\"row\">Constat</th><td>12 courriers sur 40<br>hors délai</td></tr>\n\
         <tr><th scope=\"row\">Exigence</th><td>Délai annoncé.</td></tr>\n\
         <tr><th scope=\"row\">Action proposée par le site audité</th><td>Plan de renfort.</td></tr>\n\
         <tr><th scope=\"row\">Pilote</th><td><span class=\"blank\"></span></td></tr>\n\
         <tr><th scope=\"row\">Délai</th><td>18/02/2020 (3 mois après la fin de l'audit, règle par défaut de l'outil)</td></tr>\n\
         <tr><th scope=\"row\">Réponse de l'audité</th><td><span class=\"blank\"></span></td></tr>\n\
         <tr><th scope=\"row\">Signature de l'auditeur</th><td><span class=\"blank\"></span></td></tr>\n\
         <tr><th scope=\"row\">Signature du représentant du site audité</th><td><span class=\"blank\"></span></td></tr>\n\
         </tbody>\n</table>\n";
    assert!(html.contains(form), "{html}");
    // Under the auditor's text of FICHE(S) D'ÉCART(S), which says there is none: the
    // contradiction is the data's (validation warns of it), and both are shown as they are.
    assert!(html.find("<p>Absence de non-conformité majeure ou mineure.</p>") < html.find(form));
    // The récapitulatif gives the fiche's number on its engagement's row.
    assert!(html.contains("<th scope=\"row\">17. Nous vous répondons dans un délai annoncé et maîtrisé</th><td class=\"verdict\"><span class=\"badge v-min\">NC min</span></td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">1</td></tr>"), "{html}");
    assert!(html.contains("<td class=\"verdict\"><span class=\"badge v-min\">NC min</span></td>"));
    let en = render(&audit, Language::En);
    assert!(en.contains("Favourable with conditions"));
    assert!(
        en.contains(
            "<td>2020-02-18 (3 months after the audit's last day, the tool's default rule)</td>"
        ),
        "{en}"
    );
    assert_balanced(&html);
}

#[test]
fn every_line_break_of_a_data_text_is_one_br() {
    // A lone carriage return is refused by validation (`control-character`).
    let mut audit = toulon();
    audit.assessments[16].verdict = Some(Verdict::MinorNonconformity);
    audit.ecarts.push(
        FicheEcart::new(
            EcartTarget::Engagement(EngagementNumber::new(17).unwrap()),
            NcGrade::Minor,
            "Constat.",
        )
        .with_requirement("Un\r\ndeux\nquatre\r\n\r\ncinq\r\n"),
    );
    let html = render(&audit, Language::Fr);
    assert!(
        html.contains("<td>Un<br>deux<br>quatre<br><br>cinq<br></td>"),
        "{html}"
    );
    assert!(!html.contains('\r'));
    // Lowered to a warning, a lone carriage return is a line break too.
    audit.ecarts[0].requirement = "Un\rdeux".to_owned();
    let options = ValidationOptions::default().with(RuleCode::ControlCharacter, Severity::Warning);
    let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &options).unwrap();
    let html = render_html(&valid, &conclude(&valid, &Policy::default(), Language::Fr));
    assert!(html.contains("<td>Un<br>deux</td>"), "{html}");
}

#[test]
fn escape_replaces_the_five_characters() {
    assert_eq!(
        escape(r#"<a href="x">'&'</a>"#),
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
    );
    assert!(matches!(escape("sans rien"), std::borrow::Cow::Borrowed(_)));
    assert_eq!(escape(""), "");
}

#[test]
fn page_is_a_shell_with_the_style() {
    let html = page("A & B", Language::En, "<p>x</p>\n");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"));
    assert!(html.contains("<title>A &amp; B</title>"));
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("<main>\n<p>x</p>\n</main>\n</body>\n</html>\n"));
}

fn payload(field: &str) -> String {
    format!("<script>alert(\"{field}\")</script> & 'q'")
}

fn escaped(field: &str) -> String {
    format!("&lt;script&gt;alert(&quot;{field}&quot;)&lt;/script&gt; &amp; &#39;q&#39;")
}

#[test]
fn every_data_text_is_escaped() {
    let mut audit = toulon();
    let mut fields: Vec<&str> = Vec::new();
    macro_rules! set {
        ($name:literal, $place:expr) => {
            $place = payload($name);
            fields.push($name);
        };
    }
    audit.site.name = Some(payload("site-name"));
    fields.push("site-name");
    set!("city", audit.site.city);
    set!("auditor-name", audit.auditors[0].name);
    audit.auditors[0].role = Some(payload("auditor-role"));
    fields.push("auditor-role");
    // Phone and e-mail are not printed in the report (as in the Markdown report).
    audit.auditors[0].phone = Some(payload("auditor-phone"));
    audit.auditors[0].email = Some(payload("auditor-email"));
    audit.referentiel.label = Some(payload("referentiel-label"));
    fields.push("referentiel-label");
    set!("organisation", audit.context.organisation[0]);
    set!("history", audit.context.history[0]);
    audit.assessments[0].comment = Some(payload("comment"));
    fields.push("comment");
    let mut ps = Observation::new(ObservationKind::AreaOfConcern, payload("ps-text"));
    ps.risk = Some(payload("ps-risk"));
    audit.assessments[0].observations.push(ps);
    fields.extend(["ps-text", "ps-risk"]);
    set!("pf-text", audit.assessments[1].observations[0].text);
    audit.management[0].comment = Some(payload("management-comment"));
    fields.push("management-comment");
    audit.remote_checks[0].observations.push(Observation::new(
        ObservationKind::OpportunityForImprovement,
        payload("remote-pp"),
    ));
    fields.push("remote-pp");
    let n17 = EngagementNumber::new(17).unwrap();
    audit.assessments[16].verdict = Some(Verdict::MinorNonconformity);
    audit.ecarts.push(FicheEcart {
        number: None,
        target: EcartTarget::Engagement(n17),
        grade: NcGrade::Minor,
        finding: payload("finding"),
        requirement: payload("requirement"),
        cause: None,
        corrective_action: Some(payload("corrective-action")),
        due: None,
        leader: None,
        response: None,
        status: qualepref::ActionStatus::Open,
    });
    fields.extend(["finding", "requirement", "corrective-action"]);
    let c = &mut audit.conclusion;
    c.points_forts = vec![payload("points-forts")];
    c.points_sensibles = vec![payload("points-sensibles")];
    c.pistes_de_progres = vec![payload("pistes-de-progres")];
    c.fiches_ecart = vec![payload("fiches-ecart")];
    c.commentaires = vec![payload("commentaires")];
    c.bonnes_pratiques = vec![payload("bonnes-pratiques")];
    c.enquetes_satisfaction = vec![payload("enquetes-satisfaction")];
    c.charte_graphique.text = vec![payload("charte-graphique")];
    c.conclusion_generale = vec![payload("conclusion-generale")];
    fields.extend([
        "points-forts",
        "points-sensibles",
        "pistes-de-progres",
        "fiches-ecart",
        "commentaires",
        "bonnes-pratiques",
        "enquetes-satisfaction",
        "charte-graphique",
        "conclusion-generale",
    ]);
    for language in [Language::Fr, Language::En] {
        let html = render(&audit, language);
        assert!(!html.contains("<script"), "raw <script in {language}");
        assert!(!html.contains("alert(\""), "raw quote in {language}");
        for field in &fields {
            assert!(
                html.contains(&escaped(field)),
                "{field} not found escaped ({language})"
            );
        }
        assert_eq!(html.matches("<tr class=\"engagement\"").count(), 23);
        assert_balanced(&html);
    }
}

proptest! {
    #[test]
    fn rendering_is_deterministic_and_never_panics(
        verdicts in proptest::collection::vec(0u8..4, 23),
        text in "[a-z<>&\"' \\n/-]{0,30}",
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
                    corrective_action: Some(format!("Action {text}")),
                    due: None,
                    leader: None,
                    response: None,
                    status: qualepref::ActionStatus::Open,
                });
            }
        }
        audit.site.city = format!("TOULON {text}");
        let language = if english { Language::En } else { Language::Fr };
        let valid = Valid::new(&audit, Referentiel::qual_e_pref_2019(), &ValidationOptions::default());
        prop_assume!(valid.is_ok());
        let Ok(valid) = valid else { return Ok(()) };
        let c = conclude(&valid, &Policy::default(), language);
        let a = render_html(&valid, &c);
        let copy = audit.clone();
        let b = render(&copy, language);
        prop_assert_eq!(&a, &b);
        prop_assert!(!a.contains("<script"));
        assert_balanced(&a);
        prop_assert_eq!(a.matches("<tr class=\"engagement\"").count(), 23);
        let nc = verdicts.iter().filter(|&&v| v >= 2).count();
        prop_assert_eq!(a.matches("<table class=\"form\">").count(), nc);
    }
}

/// The summary band and the avis of an internal audit give an indicative outcome and say what
/// it is, no more; those of an external audit give a proposed avis: an audit decides nothing,
/// the certification body does.
#[test]
fn an_internal_audit_has_an_indicative_outcome() {
    let mut audit = toulon();
    let html = render(&audit, Language::Fr);
    assert!(
        html.contains("<h4 id=\"avis\">AVIS INDICATIF (AUDIT INTERNE)</h4>"),
        "{html}"
    );
    assert!(html.contains(
        "<p class=\"outcome o-favorable\">Avis indicatif (audit interne)\u{a0}: avis favorable</p>"
    ));
    // Once in the summary band, once under the avis; it claims nothing of the external audit.
    let note = "<p>Un audit interne n'accorde pas le label et n'appelle aucune décision de \
                labellisation\u{a0}: cet avis applique la règle de l'outil aux constats de cet audit \
                interne, sans préjuger de l'audit externe.</p>";
    assert_eq!(html.matches(note).count(), 2, "{html}");
    assert!(!html.contains("vraisemblablement") && !html.contains("17021"));
    let caveat = "<p>Avis établi selon la règle de décision par défaut de l'outil, et non selon le \
                  référentiel, dont les règles de décision ne sont pas publiques.</p>";
    assert_eq!(html.matches(caveat).count(), 1, "{html}");
    audit.kind.internal = false;
    let html = render(&audit, Language::Fr);
    assert!(html.contains("<h4 id=\"avis\">AVIS PROPOSÉ</h4>"), "{html}");
    assert!(html.contains("<p>Cet avis est une proposition\u{a0}: la décision de labellisation revient ensuite à l&#39;organisme certificateur.</p>") || html.contains("<p>Cet avis est une proposition\u{a0}: la décision de labellisation revient ensuite à l'organisme certificateur.</p>"), "{html}");
    assert!(html.contains("<p class=\"outcome o-favorable\">Avis favorable</p>"));
    assert!(!html.contains("indicatif") && !html.contains("audit interne n"));
    assert!(!html.contains("DÉCISION"));
    let en = render(&audit, Language::En);
    assert!(en.contains("<h4 id=\"avis\">PROPOSED OUTCOME</h4>"), "{en}");
    assert!(!en.contains("Decision") && !en.contains("DECISION"), "{en}");
}

#[test]
fn the_summary_counts_the_engagements_without_verdict() {
    let mut audit = toulon();
    audit.assessments[4].verdict = None;
    let options = ValidationOptions::default().with(
        qualepref::RuleCode::MissingVerdict,
        qualepref::Severity::Warning,
    );
    let referentiel = Referentiel::qual_e_pref_2019();
    let valid = Valid::new(&audit, referentiel, &options).unwrap();
    let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
    let html = render_html(&valid, &conclusions);
    let band = &html[html.find("id=\"summary\"").unwrap()..];
    let band = &band[..band.find("</section>").unwrap()];
    assert!(band.contains(">1</b> non évalué</li>"), "{band}");
    // None in Toulon as it is.
    let html = common::rendered(&toulon(), Language::Fr, render_html);
    assert!(!html.contains("non évalué"));
}

#[test]
fn values_the_import_could_not_read_are_listed_in_an_annex() {
    assert!(!render(&toulon(), Language::Fr).contains("id=\"unread\""));
    let mut audit = toulon();
    audit.unread.extend([
        qualepref::Unread::new("ecarts[0].due", "<fin mars>").in_cell("Fiches d'écart!F2"),
        qualepref::Unread::new("kind.type", "trimestriel").at_line(12),
    ]);
    let html = render(&audit, Language::Fr);
    let annex = &html[html.find("id=\"unread\"").unwrap()..];
    assert!(annex.starts_with("id=\"unread\">ANNEXE — VALEURS NON LUES À L'IMPORT</h2>\n<p>"));
    assert!(annex.contains(
        "<thead><tr><th scope=\"col\">Champ</th><th scope=\"col\">Texte</th><th scope=\"col\">Source</th></tr></thead>\n<tbody>\n\
         <tr><th scope=\"row\">ecarts[0].due</th><td>&lt;fin mars&gt;</td><td>cellule Fiches d&#39;écart!F2</td></tr>\n\
         <tr><th scope=\"row\">kind.type</th><td>trimestriel</td><td>ligne 12</td></tr>\n</tbody>"
    ), "{annex}");
    assert_balanced(&html);
    let en = render(&audit, Language::En);
    assert!(en.contains("id=\"unread\">ANNEX — VALUES THE IMPORT COULD NOT READ</h2>"));
    assert!(
        html.contains("<li><a href=\"#unread\">ANNEXE — VALEURS NON LUES À L&#39;IMPORT</a></li>")
            || html
                .contains("<li><a href=\"#unread\">ANNEXE — VALEURS NON LUES À L'IMPORT</a></li>")
    );
}

/// The bars of the report's chart: for each row (its `y`), where its last segment ends.
fn bar_ends(html: &str) -> Vec<(u32, u32)> {
    let mut ends: Vec<(u32, u32)> = Vec::new();
    for rect in html.split("<rect ").skip(1) {
        let attr = |name: &str| -> u32 {
            let at = rect.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            rect[at..].split('"').next().unwrap().parse().unwrap()
        };
        if attr("height") != 20 {
            continue; // a legend's swatch
        }
        let (y, end) = (attr("y"), attr("x") + attr("width"));
        match ends.iter_mut().find(|(row, _)| *row == y) {
            Some((_, e)) => *e = (*e).max(end),
            None => ends.push((y, end)),
        }
    }
    ends
}

#[test]
fn the_largest_module_fills_the_chart_whatever_its_verdicts_and_observations() {
    let mut audit = toulon();
    audit.assessments[0].verdict = Some(Verdict::NotApplicable);
    audit.assessments[0].comment = Some("Pas d'accueil physique le samedi.".to_owned());
    for (i, grade) in [(1, NcGrade::Minor), (2, NcGrade::Major)] {
        audit.assessments[i].verdict = Some(match grade {
            NcGrade::Minor => Verdict::MinorNonconformity,
            NcGrade::Major => Verdict::MajorNonconformity,
        });
        audit.ecarts.push(
            FicheEcart::new(
                EcartTarget::Engagement(audit.assessments[i].engagement),
                grade,
                "Constat.",
            )
            .with_requirement("Exigence."),
        );
    }
    // And every kind of observation.
    for kind in [
        ObservationKind::AreaOfConcern,
        ObservationKind::OpportunityForImprovement,
    ] {
        audit.assessments[3]
            .observations
            .push(Observation::new(kind, "Observation."));
    }
    let html = render(&audit, Language::Fr);
    let ends = bar_ends(&html);
    // Two blocks (verdicts, observations) of one bar per module.
    assert_eq!(ends.len(), 4, "{ends:?}");
    // The bars start at 100 and the longest is 360 wide: module 1 fills both blocks, module 2
    // stays within.
    assert_eq!(ends[0].1, 460, "{ends:?}");
    assert_eq!(ends[2].1, 460, "{ends:?}");
    assert!(ends.iter().all(|(_, end)| *end <= 460), "{ends:?}");
}
