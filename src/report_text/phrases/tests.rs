//! The phrase tables: the code table's examples are the English phrases, every French phrase is
//! typeset and French, and the French examples (to go into the code table beside the English
//! ones) are the French phrases.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use chrono::NaiveDate;

use super::{At, Cell, Figure, ImportPhrases, Place, Spot, StateDay, Subject, en::EN, fr::FR};
use crate::i18n::typography::is_typeset;
use crate::report_text::diagnostics::{ImportCode, ImportDiagnostic};
use crate::report_text::read::cells::DateError;
use crate::{
    AdministrationType, AuditType, Carried, Departement, EcartTarget, EngagementNumber, Language,
    ManagementItemId, ManagementSection, ModuleNumber, NcGrade, ObservationKind, RemoteChannel,
    RemoteNote, ReportField, Verdict,
};

fn e(n: u16) -> EngagementNumber {
    EngagementNumber::new(n).unwrap()
}

fn m(n: u8) -> ModuleNumber {
    ModuleNumber::new(n).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const E5_TITLE: &str = "Nous vous orientons vers le bon service et vous prenons en charge";
const E20_TITLE: &str = "Nous vous garantissons la fiabilité des informations que nous diffusons sur les réseaux \
     sociaux";

/// Each code's example of the code table, made from its phrase with the example's values.
/// `remote-text-ignored` is no longer emitted: it has no phrase.
fn examples(p: &ImportPhrases) -> Vec<(ImportCode, Option<usize>, String)> {
    use ImportCode as C;
    let e17 = EcartTarget::Engagement(e(17));
    vec![
        (
            C::FigureFromProse,
            Some(51),
            (p.figure_from_prose)(Figure::Population, 1_060_000, "1 060 000 habitants"),
        ),
        (
            C::TitleCaseOrSpacing,
            Some(88),
            (p.title_case_or_spacing)(
                Subject::Engagement(e(5)),
                &E5_TITLE.to_uppercase(),
                E5_TITLE,
            ),
        ),
        (
            C::TitleDiffers,
            Some(88),
            (p.title_differs)(Subject::Engagement(e(5)), "Nous vous orientons", E5_TITLE),
        ),
        (
            C::UnknownEngagement,
            Some(120),
            (p.not_in_referentiel)(
                Subject::Engagement(e(24)),
                "Nous délivrons vos titres",
                "qual-e-pref-2019",
            ),
        ),
        (
            C::ModuleDiffers,
            Some(95),
            (p.module_differs)(e(21), m(1), m(2)),
        ),
        (
            C::ModuleNotCovered,
            Some(118),
            (p.module_not_covered)(m(2), &[e(21), e(22), e(23)]),
        ),
        (
            C::DuplicateRow,
            Some(97),
            (p.duplicate_row)(Subject::Engagement(e(5)), 90),
        ),
        (
            C::MissingVerdict,
            Some(90),
            (p.missing_verdict)(Subject::Engagement(e(5))),
        ),
        (
            C::UnknownVerdict,
            Some(90),
            (p.unknown_verdict)(Subject::Engagement(e(5)), "CN"),
        ),
        (
            C::MissingRow,
            None,
            (p.engagement_row_missing)(e(20), m(1), E20_TITLE),
        ),
        (C::MissingSection, None, p.part4_missing.to_owned()),
        (
            C::UnrecognisedLine,
            Some(60),
            (p.unrecognised_line)(Place::Section3, "Voir annexe 2"),
        ),
        (
            C::RowContinued,
            Some(91),
            (p.row_continued)(ReportField::Assessment(e(5))),
        ),
        (
            C::GroupDiffers,
            Some(93),
            (p.group_differs)(e(8), Some("accueil-physique"), Some("telephone")),
        ),
        (C::FromTitlePage, None, p.dates_from_title.to_owned()),
        (
            C::TitlePageDiffers,
            Some(8),
            (p.city_differs)("Toulon", "Draguignan"),
        ),
        (
            C::ReferentielDiffers,
            Some(22),
            (p.referentiel_named)("QualiPref 2.0", "Qual-e-pref", "qual-e-pref-2019"),
        ),
        (
            C::AdministrationGuessed,
            Some(6),
            (p.administration_guessed)(AdministrationType::SousPrefecture),
        ),
        (C::ModulesGuessed, None, (p.modules_guessed)(&[m(1), m(2)])),
        (
            C::AuditTypeMissing,
            Some(16),
            p.audit_type_missing.to_owned(),
        ),
        (
            C::InvalidDate,
            Some(185),
            (p.due_date)(DateError::Form, "fin mars"),
        ),
        (
            C::FicheGradeFromVerdict,
            Some(180),
            (p.fiche_grade_from_verdict)(e17, NcGrade::Minor),
        ),
        (
            C::FicheGradeGuessed,
            Some(180),
            (p.fiche_grade_guessed)(e17),
        ),
        (
            C::FicheGradeDiffers,
            Some(180),
            (p.fiche_grade_differs)(e17, NcGrade::Major, Verdict::MinorNonconformity),
        ),
        (
            C::FicheUnknownTarget,
            Some(180),
            (p.fiche_unknown_target)(EcartTarget::Engagement(e(42))),
        ),
        (
            C::CharteVerdictFromText,
            Some(207),
            (p.charte_from_text)(Verdict::NotApplicable),
        ),
        (
            C::AuditorFromTitlePage,
            Some(5),
            (p.auditor_from_title)("Jeanne Martin"),
        ),
        (
            C::UnknownValue,
            Some(6),
            (p.administration_unknown)("Ambassade"),
        ),
        (
            C::RowOutOfPlace,
            Some(214),
            (p.row_out_of_place)(5, Place::Part4),
        ),
        (
            C::AssessmentNotFiled,
            Some(214),
            (p.not_filed)(
                Spot::Part(Place::Part4, "conclusion.conclusion_generale"),
                "NC Maj",
                Carried::Verdict(Verdict::MajorNonconformity),
            ),
        ),
        (
            C::TextBesideHeading,
            Some(74),
            (p.text_beside_heading)("MODULE 1 :", "voir annexe"),
        ),
        (
            C::FicheRowNotNonconformity,
            Some(190),
            (p.fiche_row_not_nonconformity)(
                EcartTarget::Engagement(e(5)),
                NcGrade::Major,
                Some(Verdict::Conformity),
            ),
        ),
    ]
}

/// The French examples of the code table, one per code, as `docs/codes.md` is to show them
/// beside the English ones (the table's `example_fr`): the French printed lines of the same
/// diagnostics. `remote-text-ignored`, no longer emitted, is worded here only.
const EXAMPLES_FR: &[(ImportCode, &str)] = &[
    (
        ImportCode::FigureFromProse,
        "ligne 51\u{a0}: [figure-from-prose] info\u{a0}: chiffre du contexte lu dans le texte «\u{a0}1 060 000 habitants\u{a0}»\u{a0}: population = 1060000",
    ),
    (
        ImportCode::TitleCaseOrSpacing,
        "ligne 88\u{a0}: [title-case-or-spacing] info\u{a0}: engagement 5\u{a0}: le titre «\u{a0}NOUS VOUS ORIENTONS VERS LE BON SERVICE ET VOUS PRENONS EN CHARGE\u{a0}» ne diffère de celui du référentiel, «\u{a0}Nous vous orientons vers le bon service et vous prenons en charge\u{a0}», que par les espaces ou la casse\u{202f}; rapproché par son numéro",
    ),
    (
        ImportCode::TitleDiffers,
        "ligne 88\u{a0}: [title-differs] avertissement\u{a0}: engagement 5\u{a0}: le titre «\u{a0}Nous vous orientons\u{a0}» diffère de celui du référentiel, «\u{a0}Nous vous orientons vers le bon service et vous prenons en charge\u{a0}»\u{202f}; rapproché par son numéro",
    ),
    (
        ImportCode::UnknownEngagement,
        "ligne 120\u{a0}: [unknown-engagement] avertissement\u{a0}: l'engagement 24 («\u{a0}Nous délivrons vos titres\u{a0}») n'est pas dans le référentiel qual-e-pref-2019\u{202f}; importé tel qu'il est écrit",
    ),
    (
        ImportCode::ModuleDiffers,
        "ligne 95\u{a0}: [module-differs] avertissement\u{a0}: l'engagement 21 est classé sous le module 1, le référentiel le place dans le module 2",
    ),
    (
        ImportCode::ModuleNotCovered,
        "ligne 118\u{a0}: [module-not-covered] avertissement\u{a0}: le module 2 n'est pas coché sur la page de garde, mais la section 3 a des lignes pour lui (engagements 21, 22, 23)",
    ),
    (
        ImportCode::DuplicateRow,
        "ligne 97\u{a0}: [duplicate-row] avertissement\u{a0}: l'engagement 5 a une seconde ligne, la première est la ligne 90\u{a0}: elle n'est pas enregistrée et reste dans `unread`\u{202f}; la validation refuse l'audit tant que l'une des deux n'est pas supprimée",
    ),
    (
        ImportCode::MissingVerdict,
        "ligne 90\u{a0}: [missing-verdict] avertissement\u{a0}: l'engagement 5 n'a pas de verdict",
    ),
    (
        ImportCode::UnknownVerdict,
        "ligne 90\u{a0}: [unknown-verdict] avertissement\u{a0}: engagement 5\u{a0}: le verdict «\u{a0}CN\u{a0}» n'est pas l'un des codes C, NA, NC min, NC Maj\u{202f}; texte conservé dans `unread`",
    ),
    (
        ImportCode::MissingRow,
        "rapport\u{a0}: [missing-row] avertissement\u{a0}: l'engagement 20 (module 1, «\u{a0}Nous vous garantissons la fiabilité des informations que nous diffusons sur les réseaux sociaux\u{a0}») n'a pas de ligne dans la section 3",
    ),
    (
        ImportCode::MissingSection,
        "rapport\u{a0}: [missing-section] avertissement\u{a0}: la partie 4 (synthèse et conclusion générale) manque\u{a0}: le rapport est peut-être tronqué",
    ),
    (
        ImportCode::UnrecognisedLine,
        "ligne 60\u{a0}: [unrecognised-line] ignoré\u{a0}: ligne non comprise dans la section 3, non utilisée\u{a0}: «\u{a0}Voir annexe 2\u{a0}»",
    ),
    (
        ImportCode::RowContinued,
        "ligne 91\u{a0}: [row-continued] info\u{a0}: la ligne prolonge celle du dessus (assessments[engagement 5])",
    ),
    (
        ImportCode::GroupDiffers,
        "ligne 93\u{a0}: [group-differs] info\u{a0}: l'engagement 8 se trouve sous l'intitulé accueil-physique, son groupe est telephone",
    ),
    (
        ImportCode::FromTitlePage,
        "rapport\u{a0}: [from-title-page] info\u{a0}: dates de l'audit reprises de la page de titre",
    ),
    (
        ImportCode::TitlePageDiffers,
        "ligne 8\u{a0}: [title-page-differs] avertissement\u{a0}: ville «\u{a0}Toulon\u{a0}», la page de titre indique «\u{a0}Draguignan\u{a0}»\u{202f}; «\u{a0}Toulon\u{a0}» retenue",
    ),
    (
        ImportCode::ReferentielDiffers,
        "ligne 22\u{a0}: [referentiel-differs] avertissement\u{a0}: le rapport cite le référentiel «\u{a0}QualiPref 2.0\u{a0}», l'import utilise «\u{a0}Qual-e-pref\u{a0}» (qual-e-pref-2019)",
    ),
    (
        ImportCode::AdministrationGuessed,
        "ligne 6\u{a0}: [administration-guessed] déduit\u{a0}: aucun type d'administration n'est coché\u{a0}: le type «\u{a0}Sous-préfecture\u{a0}» est déduit du nom du site",
    ),
    (
        ImportCode::ModulesGuessed,
        "rapport\u{a0}: [modules-guessed] déduit\u{a0}: pas de ligne MODULES COUVERTS\u{a0}: modules 1, 2 déduits des lignes de la section 3",
    ),
    (
        ImportCode::AuditTypeMissing,
        "ligne 16\u{a0}: [audit-type-missing] avertissement\u{a0}: aucun type d'audit n'est coché ni indiqué",
    ),
    (
        ImportCode::InvalidDate,
        "ligne 185\u{a0}: [invalid-date] avertissement\u{a0}: échéance\u{a0}: «\u{a0}fin mars\u{a0}» n'est pas une date jj/mm/aaaa\u{202f}; texte conservé dans `unread`",
    ),
    (
        ImportCode::FicheGradeFromVerdict,
        "ligne 180\u{a0}: [fiche-grade-from-verdict] déduit\u{a0}: la fiche d'écart de l'engagement 17 n'indique pas de gravité\u{a0}: NC min est repris du verdict de sa ligne",
    ),
    (
        ImportCode::FicheGradeGuessed,
        "ligne 180\u{a0}: [fiche-grade-guessed] déduit\u{a0}: la fiche d'écart de l'engagement 17 n'indique pas de gravité et sa ligne n'est pas une non-conformité\u{a0}: NC min supposé",
    ),
    (
        ImportCode::FicheGradeDiffers,
        "ligne 180\u{a0}: [fiche-grade-differs] avertissement\u{a0}: la fiche d'écart de l'engagement 17 indique NC Maj, le verdict de sa ligne est NC min\u{202f}; NC Maj retenu",
    ),
    (
        ImportCode::FicheUnknownTarget,
        "ligne 180\u{a0}: [fiche-unknown-target] avertissement\u{a0}: la fiche d'écart désigne l'engagement 42, qui n'a pas de ligne dans la section 3",
    ),
    (
        ImportCode::CharteVerdictFromText,
        "ligne 207\u{a0}: [charte-verdict-from-text] déduit\u{a0}: charte graphique\u{a0}: verdict NA lu dans son texte («\u{a0}non applicable\u{a0}»)",
    ),
    (
        ImportCode::RemoteTextIgnored,
        "ligne 150\u{a0}: [remote-text-ignored] ignoré\u{a0}: contrôle à distance sur Internet de l'engagement 1\u{a0}: le texte après la note n'est pas une observation, non utilisé\u{a0}: «\u{a0}voir capture\u{a0}»",
    ),
    (
        ImportCode::AuditorFromTitlePage,
        "ligne 5\u{a0}: [auditor-from-title-page] info\u{a0}: Jeanne Martin ne figure pas dans le tableau des auditeurs\u{202f}; la page de titre l'y ajoute",
    ),
    (
        ImportCode::UnknownValue,
        "ligne 6\u{a0}: [unknown-value] avertissement\u{a0}: le type d'administration «\u{a0}Ambassade\u{a0}» n'est pas un type connu\u{202f}; texte conservé dans `unread`",
    ),
    (
        ImportCode::RowOutOfPlace,
        "ligne 214\u{a0}: [row-out-of-place] avertissement\u{a0}: la ligne de l'engagement 5 se trouve dans la partie 4, hors de la section 3\u{a0}: elle est lue comme une ligne de la section 3",
    ),
    (
        ImportCode::AssessmentNotFiled,
        "ligne 214\u{a0}: [assessment-not-filed] avertissement\u{a0}: la partie 4 (conclusion.conclusion_generale)\u{a0}: «\u{a0}NC Maj\u{a0}» pourrait porter un verdict (NC Maj) et n'est pas enregistré\u{a0}: il est conservé dans `unread`\u{202f}; la validation refuse l'audit tant qu'il n'est pas reporté dans son champ ou supprimé",
    ),
    (
        ImportCode::TextBesideHeading,
        "ligne 74\u{a0}: [text-beside-heading] avertissement\u{a0}: l'intitulé «\u{a0}MODULE 1 :\u{a0}» porte à côté de lui un texte qui n'est pas lu\u{a0}: «\u{a0}voir annexe\u{a0}»\u{202f}; texte conservé dans `unread`",
    ),
    (
        ImportCode::FicheRowNotNonconformity,
        "ligne 190\u{a0}: [fiche-row-not-nonconformity] avertissement\u{a0}: la fiche d'écart de l'engagement 5 (NC Maj) porte sur une ligne de verdict C, qui n'est pas une non-conformité\u{a0}: la validation refuse l'audit (`fiche-without-nonconformity`) tant que le verdict de la ligne ou la fiche n'est pas corrigé",
    ),
];

/// The diagnostics of the examples.
fn example_diagnostics() -> Vec<ImportDiagnostic> {
    examples(&FR)
        .into_iter()
        .zip(examples(&EN))
        .map(|((code, line, french), (_, _, english))| {
            ImportDiagnostic::new(line, code, french, english)
        })
        .collect()
}

#[test]
fn the_examples_of_the_code_table_are_the_english_phrases() {
    let diagnostics = example_diagnostics();
    for code in ImportCode::ALL {
        let made: Vec<&ImportDiagnostic> = diagnostics.iter().filter(|d| d.code == *code).collect();
        if *code == ImportCode::RemoteTextIgnored {
            assert!(made.is_empty());
            continue;
        }
        assert_eq!(made.len(), 1, "{code}");
        assert_eq!(made[0].to_string_in(Language::En), code.example(), "{code}");
    }
}

#[test]
fn the_french_examples_are_the_french_phrases() {
    let codes: Vec<ImportCode> = EXAMPLES_FR.iter().map(|(c, _)| *c).collect();
    assert_eq!(
        codes,
        ImportCode::ALL,
        "one French example per code, in the table's order"
    );
    for d in example_diagnostics() {
        let (_, example) = EXAMPLES_FR.iter().find(|(c, _)| *c == d.code).unwrap();
        assert_eq!(d.to_string(), *example, "{}", d.code);
    }
    for (code, example) in EXAMPLES_FR {
        assert!(
            example.contains(&format!("[{code}] {}\u{a0}: ", (FR.level)(code.level()))),
            "{code}"
        );
        assert!(is_typeset(&wording(example)), "{code}: {example}");
    }
}

/// `text` without what it quotes between guillemets (the report's values, verbatim).
fn wording(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every phrase, with values of every kind: each place, spot, row, carried value, date
/// problem and state day.
fn every_message(p: &ImportPhrases) -> Vec<String> {
    let places = [
        Place::TitlePage,
        Place::TitlePageNoAuditor,
        Place::PageDeGarde,
        Place::Part1,
        Place::Part2,
        Place::Section3,
        Place::Section3NoModule,
        Place::Part4,
        Place::Part4BeforeSection,
    ];
    let item = ManagementItemId {
        section: ManagementSection::Pilotage,
        item: 3,
    };
    let item2 = ManagementItemId {
        section: ManagementSection::Labellisation,
        item: 2,
    };
    let subjects = [
        Subject::Engagement(e(5)),
        Subject::Management(item),
        Subject::Management(item2),
        Subject::Remote(RemoteChannel::Internet, e(1)),
        Subject::Remote(RemoteChannel::Telephone, e(2)),
        Subject::Remote(RemoteChannel::Courriels, e(16)),
        Subject::RemoteOf(e(1)),
    ];
    let targets = [
        EcartTarget::Engagement(e(17)),
        EcartTarget::Management(item),
    ];
    let carried = [
        Carried::Verdict(Verdict::MajorNonconformity),
        Carried::Observation(ObservationKind::AreaOfConcern),
        Carried::RemoteNote(RemoteNote::NonConforme),
    ];
    let problems = [
        DateError::Form,
        DateError::TwoDigitYear,
        DateError::Year(19),
        DateError::Day,
    ];
    let mut spots = vec![
        Spot::CharteSecondVerdict,
        Spot::FicheGrade("conclusion.commentaires"),
    ];
    for place in places {
        spots.extend([
            Spot::Line(place),
            Spot::Part(place, "conclusion"),
            Spot::Layout(place, "assessments"),
        ]);
    }
    for s in subjects {
        spots.extend([
            Spot::Title(s),
            Spot::Observation(s),
            Spot::Comment(s),
            Spot::Evidence(s),
            Spot::MisplacedVerdict(s),
            Spot::CommentVerdict(s),
            Spot::SecondVerdict(s),
            Spot::SecondNote(s),
        ]);
    }
    for t in targets {
        spots.push(Spot::FicheText(t, "Constat"));
    }
    let ats = [
        At {
            line: 80,
            cell: None,
        },
        At {
            line: 80,
            cell: Some(Cell::Verdict),
        },
        At {
            line: 80,
            cell: Some(Cell::Note),
        },
    ];
    let d83: Departement = "83".parse().unwrap();
    let d06: Departement = "06".parse().unwrap();
    let mut out = vec![
        (p.at_line)(12),
        p.whole_report.to_owned(),
        (p.text_beside_heading)("MODULE 1", "voir annexe"),
        (p.referentiel_named)("QualiPref 2.0", "Qual-e-pref", "qual-e-pref-2019"),
        (p.referentiel_dated)(day(2018, 12, 19), day(2019, 2, 4)),
        (p.referentiel_revised)(day(2018, 12, 19), day(2019, 2, 4)),
        (p.audit_dates_unreadable)("le 18 novembre"),
        (p.audit_dates_form)("le 18 novembre"),
        (p.administration_unknown)("Ambassade"),
        (p.administrations_several)("Préfecture, Sous-préfecture"),
        (p.departement_invalid)("2C"),
        (p.module_checkbox)("Module 9"),
        (p.audit_type_unknown)("trimestriel"),
        (p.remote_out_of_place)(5, Place::Part4),
        (p.row_out_of_place)(5, Place::Part2),
        (p.item_out_of_place)(3, Verdict::MajorNonconformity, Place::TitlePage),
        (p.engagement_number_invalid)(1000),
        (p.item_number_invalid)(300),
        (p.no_module)(e(30)),
        (p.remote_unknown_engagement)(e(30)),
        (p.module_differs)(e(21), m(1), m(2)),
        (p.group_differs)(e(8), None, Some("telephone")),
        (p.group_differs)(e(8), Some("accueil-physique"), None),
        (p.row_continued)(ReportField::RemoteCheck(RemoteChannel::Internet, e(1))),
        (p.state_unknown)("fermé", targets[0]),
        (p.state_needed)("Preuve", targets[1]),
        (p.fiche_row_not_nonconformity)(targets[1], NcGrade::Minor, None),
        p.part4_missing.to_owned(),
        (p.departement_differs)(&d83, &d06),
        (p.departement_from_title)(&d83),
        (p.city_differs)("Toulon", "Draguignan"),
        (p.city_from_title)("Toulon"),
        (p.date_differs)(true, day(2019, 11, 18), day(2019, 11, 19)),
        (p.date_differs)(false, day(2019, 11, 18), day(2019, 11, 19)),
        p.dates_from_title.to_owned(),
        p.audit_type_missing.to_owned(),
        (p.auditor_from_title)("Jeanne Martin"),
        (p.modules_guessed)(&[m(1)]),
        (p.module_not_covered)(m(2), &[e(21)]),
        (p.item_row_missing)(item, "Responsabilités"),
        (p.charte_from_text)(Verdict::NotApplicable),
    ];
    out.extend(examples(p).into_iter().map(|(_, _, message)| message));
    for place in places {
        out.push((p.unrecognised_line)(place, "Voir annexe 2"));
    }
    for spot in &spots {
        for c in carried {
            out.push((p.not_filed)(*spot, "NC Maj", c));
        }
        for at in ats {
            out.push((p.competing)(*spot, "NC Maj", at));
        }
    }
    for problem in problems {
        out.extend([
            (p.date_problem)(problem, "18/11/19"),
            (p.title_date)(problem, "18/11/19"),
            (p.audit_dates_invalid)("Du 18/11/19 au 18/11/2019", problem, "18/11/19"),
            (p.signature_date)(problem, "18/11/19"),
            (p.external_date)(problem, "18/11/19"),
            (p.due_date)(problem, "18/11/19"),
            (p.state_day)(
                "levé le 2/3/20",
                targets[0],
                StateDay::Invalid(problem, "2/3/20"),
            ),
        ]);
    }
    out.push((p.state_day)("levé", targets[1], StateDay::Missing("levé")));
    for t in [
        AuditType::Initial,
        AuditType::Suivi,
        AuditType::Renouvellement,
        AuditType::Extension,
    ] {
        out.extend([
            (p.audit_type_twice)(t),
            (p.audit_type_differs)(t, AuditType::Suivi),
            (p.audit_type_from_title)(t),
        ]);
    }
    for a in AdministrationType::ALL {
        out.push((p.administration_guessed)(*a));
    }
    for s in subjects {
        out.extend([
            (p.title_case_or_spacing)(s, "ACCUEIL", "Accueil"),
            (p.title_differs)(s, "Accueil", "Accueil physique"),
            (p.not_in_referentiel)(s, "Accueil", "qual-e-pref-2019"),
            (p.module_does_not_exist)(s, 9, Some(m(1))),
            (p.module_does_not_exist)(s, 9, None),
            (p.duplicate_row)(s, 90),
            (p.missing_verdict)(s),
            (p.unknown_verdict)(s, "CN"),
            (p.unknown_verdict_under)(s, "CN"),
            (p.unknown_note)(s, "Bof"),
            (p.remote_verdict)(s, "NC Maj", Verdict::MajorNonconformity),
            (p.remote_verdict_under)(s, "NC Maj", Verdict::MajorNonconformity),
        ]);
    }
    for t in targets {
        out.extend([
            (p.fiche_unknown_target)(t),
            (p.fiche_grade_differs)(t, NcGrade::Minor, Verdict::MajorNonconformity),
            (p.fiche_grade_from_verdict)(t, NcGrade::Major),
            (p.fiche_grade_guessed)(t),
            (p.fiche_row_not_nonconformity)(t, NcGrade::Major, Some(Verdict::NotApplicable)),
        ]);
    }
    for figure in [
        Figure::Population,
        Figure::Communes,
        Figure::Arrondissements,
        Figure::Staff,
    ] {
        out.push((p.figure_from_prose)(figure, 3, "3 arrondissements"));
    }
    out
}

#[test]
fn every_french_message_is_typeset_and_french() {
    let french = every_message(&FR);
    let english = every_message(&EN);
    assert_eq!(french.len(), english.len());
    // Words of the English table that French does not use.
    const ENGLISH: [&str; 16] = [
        "the", "is", "not", "kept", "row", "filed", "with", "and", "of", "has", "line", "which",
        "its", "read", "title", "under",
    ];
    for (fr, en) in french.iter().zip(&english) {
        assert!(!fr.trim().is_empty() && !en.trim().is_empty());
        assert_ne!(fr, en, "the same text in both languages");
        assert!(is_typeset(&wording(fr)), "{fr}");
        let wording = wording(fr);
        let words: Vec<&str> = wording
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        for word in ENGLISH {
            assert!(!words.contains(&word), "{word:?} in {fr}");
        }
    }
    // The French table names every level in French, the English one in its wire form.
    for level in [
        super::ImportLevel::Info,
        super::ImportLevel::Guessed,
        super::ImportLevel::Warning,
        super::ImportLevel::Skipped,
    ] {
        assert_eq!((EN.level)(level), level.code());
    }
    assert_eq!((FR.level)(super::ImportLevel::Warning), "avertissement");
}
