//! The vocabulary of the report's text form: every heading and label, written once, with the
//! folded forms under which the reader recognises it.
//!
//! The writer ([`render_report_text`](crate::render_report_text)) prints each [`Term`]'s `text`;
//! the reader matches a line or cell against the term's `accepts`, which are compared with the
//! folded form of the text (lower-case letters and digits, French accents folded: see
//! `crate::text::key`), so that case, accents, punctuation and spacing do not matter. The
//! tests below check that the reader accepts every canonical text.

use super::sections::ConclusionSection;
use crate::text::{folded, key_starts};
use crate::{AdministrationType, AuditType, ManagementSection, RemoteChannel};

// ---------------------------------------------------------------------------------------------
// Terms
// ---------------------------------------------------------------------------------------------

/// One folded form the reader accepts for a term.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Fold {
    /// The folded text is exactly this.
    Is(&'static str),
    /// The folded text starts with this.
    Starts(&'static str),
}

/// A heading or label of the report's text form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Term {
    /// The canonical text, as the writer prints it.
    pub(crate) text: &'static str,
    /// The folded forms the reader accepts.
    pub(crate) accepts: &'static [Fold],
}

impl Term {
    const fn new(text: &'static str, accepts: &'static [Fold]) -> Term {
        Term { text, accepts }
    }

    /// Whether the folded text `k` (see `crate::text::key`) is this term.
    #[inline]
    pub(crate) fn matches(&self, k: &str) -> bool {
        self.accepts.iter().any(|f| match f {
            Fold::Is(p) => k == *p,
            Fold::Starts(p) => k.starts_with(p),
        })
    }

    /// Whether `text` is this term, folding it lazily: the comparison stops at the first
    /// difference, for lines tested against a term they seldom are.
    #[inline]
    pub(crate) fn matches_text(&self, text: &str) -> bool {
        self.accepts.iter().any(|f| match f {
            Fold::Is(p) => folded(text).eq(p.chars()),
            Fold::Starts(p) => key_starts(text, p),
        })
    }

    /// The folded text `k` without the first accepted prefix it starts with.
    #[inline]
    pub(crate) fn strip<'k>(&self, k: &'k str) -> Option<&'k str> {
        self.accepts.iter().find_map(|f| match f {
            Fold::Is(p) | Fold::Starts(p) => k.strip_prefix(p),
        })
    }
}

use Fold::{Is, Starts};

// ---------------------------------------------------------------------------------------------
// Title page
// ---------------------------------------------------------------------------------------------

/// The report's title.
pub(crate) const TITLE: Term = Term::new(
    "RAPPORT D'AUDIT",
    &[Is("rapportdaudit"), Is("rapportdevaluation")],
);
/// The table of contents' heading.
pub(crate) const TABLE_OF_CONTENTS: Term =
    Term::new("SOMMAIRE DU RAPPORT D'EVALUATION", &[Starts("sommaire")]);
/// The entries of the table of contents, as the export prints them (the reader knows an entry
/// by its shape: a dash, a number and a dot).
pub(crate) const TABLE_OF_CONTENTS_ENTRIES: [&str; 4] = [
    "- 1. PAGE DE GARDE**",
    "- 2. CONTEXTE, PRESENTATION DE L'HISTORIQUE DE LA DEMARCHE**",
    "- 3. SYNTHÈSE DE L'EVALUATION**",
    "- 4. SYNTHÈSE DE L'EVALUATION ET CONCLUSION GÉNÉRALES DE L'AUDIT**",
];
/// Between city and département on the title page (`TOULON - 83`).
pub(crate) const SITE_SEPARATOR: &str = " - ";
/// The référentiel's label on the title page (`Référentiel :\tqual-e-pref`).
pub(crate) const TITLE_REFERENTIEL: Term = Term::new("Référentiel", &[Is("referentiel")]);
/// The first day of the audit on the title page.
pub(crate) const TITLE_START: Term = Term::new(
    "Dates de début d'audit",
    &[Starts("datesdedebut"), Starts("datededebut")],
);
/// The last day of the audit on the title page.
pub(crate) const TITLE_END: Term = Term::new(
    "Dates de fin d'audit",
    &[Starts("datesdefin"), Starts("datedefin")],
);
/// The word before a lead auditor's role (`Votre responsable d'audit : name`).
pub(crate) const LEAD: Term = Term::new("Votre", &[Starts("votre")]);
/// A lead auditor's phone.
pub(crate) const LEAD_PHONE: Term = Term::new(
    "Ligne directe",
    &[Is("lignedirecte"), Is("telephone"), Is("tel")],
);
/// A lead auditor's e-mail.
pub(crate) const LEAD_EMAIL: Term = Term::new(
    "Adresse électronique",
    &[Is("adresseelectronique"), Is("courriel"), Is("email")],
);

// ---------------------------------------------------------------------------------------------
// Parts
// ---------------------------------------------------------------------------------------------

/// A numbered part heading (`3. SYNTHÈSE DE L'ÉVALUATION`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Part {
    /// The part's number, 1 to 4.
    pub(crate) number: u8,
    /// Its title, after `N. `.
    pub(crate) title: Term,
}

/// Part 1.
pub(crate) const PART_PAGE_DE_GARDE: Part = Part {
    number: 1,
    title: Term::new("PAGE DE GARDE", &[Starts("pagedegarde")]),
};
/// Part 2.
pub(crate) const PART_CONTEXT: Part = Part {
    number: 2,
    title: Term::new("CONTEXTE", &[Starts("contexte")]),
};
/// Part 3.
pub(crate) const PART_EVALUATION: Part = Part {
    number: 3,
    title: Term::new("SYNTHÈSE DE L'ÉVALUATION", &[Starts("synthese")]),
};
/// Part 4.
pub(crate) const PART_CONCLUSION: Part = Part {
    number: 4,
    title: Term::new(
        "SYNTHÈSE DE L'ÉVALUATION ET CONCLUSION GÉNÉRALE DE L'AUDIT",
        &[Starts("synthese"), Starts("conclusion")],
    ),
};
/// The four parts, in order.
pub(crate) const PARTS: [Part; 4] = [
    PART_PAGE_DE_GARDE,
    PART_CONTEXT,
    PART_EVALUATION,
    PART_CONCLUSION,
];

// ---------------------------------------------------------------------------------------------
// Page de garde
// ---------------------------------------------------------------------------------------------

/// The administration type's row.
pub(crate) const ADMINISTRATION: Term =
    Term::new("TYPE D'ADMINISTRATION", &[Starts("typedadministration")]);
/// The département's row.
pub(crate) const DEPARTEMENT: Term = Term::new("DEPARTEMENT", &[Is("departement")]);
/// The city's row.
pub(crate) const CITY: Term = Term::new("VILLE", &[Is("ville")]);
/// The row of the modules covered.
pub(crate) const MODULES: Term = Term::new(
    "MODULES COUVERTS PAR LE LABEL",
    &[Starts("modulescouverts"), Is("modules")],
);
/// The row of an internal audit's type.
pub(crate) const INTERNAL_AUDIT: Term = Term::new(
    "AUDIT INTERNE <i>Réalisé en amont d'un audit :</i>",
    &[Starts("auditinterne")],
);
/// The row of the planned date of the external audit an internal audit precedes, read before
/// the audit type's and the audit dates' rows (whose folds some of its spellings start with).
pub(crate) const EXTERNAL_AUDIT_DATE: Term = Term::new(
    "DATE PRÉVUE DE L'AUDIT EXTERNE",
    &[
        Starts("dateprevuedelauditexterne"),
        Starts("datedelauditexterne"),
        Starts("auditexterneprevu"),
    ],
);
/// The row of an external audit's type.
pub(crate) const AUDIT_TYPE: Term = Term::new(
    "TYPE D'AUDIT",
    &[Starts("typedaudit"), Is("audit"), Starts("auditexterne")],
);
/// The référentiel's row.
pub(crate) const REFERENTIEL: Term = Term::new("REFERENTIEL", &[Is("referentiel")]);
/// The audit dates' row, whose value reads `Du dd/mm/yyyy au dd/mm/yyyy`.
pub(crate) const AUDIT_DATES: Term = Term::new(
    "DATE(S) DE L'AUDIT",
    &[Starts("datesdelaudit"), Starts("datedelaudit")],
);
/// Before the first day in the audit dates' value.
pub(crate) const DATES_FROM: &str = "Du";
/// Before the last day in the audit dates' value.
pub(crate) const DATES_TO: &str = "au";
/// The rule the export leaves after the audit-type rows.
pub(crate) const TABLE_RULE: &str = "--\t--";
/// The first row of the auditors' table.
pub(crate) const AUDITORS: Term = Term::new("Auditeur(s)", &[Starts("auditeur")]);

/// A checked checkbox, as the export prints it.
pub(crate) const CHECKED: &str = "<input checked=\"\" type=\"checkbox\"/>";
/// An unchecked checkbox.
pub(crate) const UNCHECKED: &str = "<input type=\"checkbox\"/>";
/// Where a checkbox starts.
pub(crate) const CHECKBOX: &str = "<input";
/// The attribute of a checked checkbox.
pub(crate) const CHECKED_ATTRIBUTE: &str = "checked";

/// The checkbox labels of the administration types, in the page de garde's order (the
/// haut-commissariat is printed only when it is the site's).
pub(crate) const ADMINISTRATIONS: [(AdministrationType, Term); 4] = [
    (
        AdministrationType::Prefecture,
        Term::new(
            AdministrationType::Prefecture.label_fr(),
            &[Is("prefecture")],
        ),
    ),
    (
        AdministrationType::SousPrefecture,
        Term::new(
            AdministrationType::SousPrefecture.label_fr(),
            &[Is("sousprefecture")],
        ),
    ),
    (
        AdministrationType::PrefectureDePolice,
        Term::new(
            AdministrationType::PrefectureDePolice.label_fr(),
            &[Is("prefecturedepolice")],
        ),
    ),
    (
        AdministrationType::HautCommissariat,
        Term::new(
            AdministrationType::HautCommissariat.label_fr(),
            &[Is("hautcommissariat")],
        ),
    ),
];

/// The checkbox labels of the audit types (the title page prints
/// [`AuditType::label_fr`], which the same folds accept).
pub(crate) const AUDIT_TYPES: [(AuditType, Term); 4] = [
    (AuditType::Initial, Term::new("Initial", &[Is("initial")])),
    (
        AuditType::Suivi,
        Term::new("de Suivi", &[Is("desuivi"), Is("suivi")]),
    ),
    (
        AuditType::Renouvellement,
        Term::new(
            "de Renouvellement",
            &[Is("derenouvellement"), Is("renouvellement")],
        ),
    ),
    (
        AuditType::Extension,
        Term::new("d' Extension", &[Is("dextension"), Is("extension")]),
    ),
];
/// Words an audit type may follow (`audit de suivi`, `audit interne initial`), folded, the
/// longest first.
pub(crate) const AUDIT_TYPE_LEADS: Term =
    Term::new("audit", &[Starts("auditinterne"), Starts("audit")]);

// ---------------------------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------------------------

/// The heading of the context's first section.
pub(crate) const CONTEXT_ORGANISATION: Term = Term::new(
    "Contexte de l'organisme audité",
    &[Starts("contextedelorganisme")],
);
/// The heading of the context's second section.
pub(crate) const CONTEXT_HISTORY: Term = Term::new(
    "Présentation et historique de la démarche du site audité",
    &[
        Starts("presentationethistorique"),
        Starts("historiquedelademarche"),
    ],
);

// ---------------------------------------------------------------------------------------------
// Section 3
// ---------------------------------------------------------------------------------------------

/// The legend of the codes at the top of section 3, line by line: each read whole, since it
/// names the codes a row could carry.
pub(crate) const LEGEND: [Term; 4] = [
    Term::new(
        "Abréviations employées dans les pages suivantes :",
        &[Is("abreviationsemployeesdanslespagessuivantes")],
    ),
    Term::new(
        "C : Conforme **NA** : Non applicable",
        &[Is("cconformenanonapplicable")],
    ),
    Term::new(
        "NC Maj : Non-conformité Majeure **NC min** : Non-conformité mineure",
        &[Is("ncmajnonconformitemajeurencminnonconformitemineure")],
    ),
    Term::new(
        "PF : Points Forts **PS** : Points Sensibles **PP** : Pistes de Progrès",
        &[Is("pfpointsfortspspointssensiblespppistesdeprogres")],
    ),
];
/// The bold marks the export leaves in the legend.
pub(crate) const LEGEND_BOLD: &str = "**";

/// The auditors' table's first column header.
pub(crate) const AUDITOR_NAME: Term = Term::new("NOM AUDITEUR", &[Is("nomauditeur")]);
/// The auditors' table's second column header.
pub(crate) const AUDITOR_SIGNATURE: Term = Term::new(
    "DATE ET SIGNATURE DE L'AUDITEUR",
    &[Is("dateetsignaturedelauditeur")],
);
/// The column headers of the report's tables, which the export repeats after page breaks.
pub(crate) const COLUMN_HEADERS: [Term; 6] = [
    Term::new(
        "Engagements de service",
        &[Is("engagementsdeservice"), Is("engagementdeservice")],
    ),
    Term::new("Commentaires", &[Is("commentaires")]),
    Term::new("Conformité", &[Is("conformite")]),
    Term::new(
        "Appréciation de l'auditeur",
        &[Is("appreciationdelauditeur")],
    ),
    AUDITOR_NAME,
    AUDITOR_SIGNATURE,
];
/// What marks a page header left by a page break.
pub(crate) const PAGE_HEADER_MARKS: [&str; 3] = ["<small>", "MINISTÈRE", "MINISTERE"];

/// The word of a module's row (`Module 1 12. Title`) and checkbox (`Module 1 Title`), read in
/// any case.
pub(crate) const MODULE: &str = "Module";
/// The word of a module's heading (`MODULE 1 - TITLE`).
pub(crate) const MODULE_HEADING: &str = "MODULE";
/// What follows the dash in an obligatory module's heading (`MODULE 1 - OBLIGATOIRE : TITLE`).
pub(crate) const OBLIGATORY: &str = "OBLIGATOIRE : ";
/// The title of an engagement the référentiel does not know (`Engagement 30`).
pub(crate) const ENGAGEMENT: &str = "Engagement";

/// A management section's heading.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ManagementHeading {
    /// The section.
    pub(crate) section: ManagementSection,
    /// Its heading in section 3.
    pub(crate) heading: Term,
    /// The folded heading that starts a fiche d'écart on one of its items.
    pub(crate) in_fiche: &'static str,
}

/// The management sections' headings ([`ManagementSection::heading`]).
pub(crate) const MANAGEMENT: [ManagementHeading; 2] = [
    ManagementHeading {
        section: ManagementSection::Pilotage,
        heading: Term::new(
            ManagementSection::Pilotage.heading(),
            &[Starts("pilotagedelapolitique")],
        ),
        in_fiche: "pilotagedelapolitiquequalite",
    },
    ManagementHeading {
        section: ManagementSection::Labellisation,
        heading: Term::new(
            ManagementSection::Labellisation.heading(),
            &[Starts("demarchedelabellisation")],
        ),
        in_fiche: "demarchedelabellisation",
    },
];

/// The heading of a remote-audit section, before its channel (`AUDIT A DISTANCE : Internet`).
pub(crate) const REMOTE_AUDIT: Term = Term::new("AUDIT A DISTANCE", &[Starts("auditadistance")]);
/// The channels of the remote-audit headings ([`RemoteChannel::label_fr`]), after
/// [`REMOTE_AUDIT`].
pub(crate) const REMOTE_CHANNELS: [(RemoteChannel, Term); 3] = [
    (
        RemoteChannel::Internet,
        Term::new(RemoteChannel::Internet.label_fr(), &[Starts("internet")]),
    ),
    (
        RemoteChannel::Telephone,
        Term::new(RemoteChannel::Telephone.label_fr(), &[Starts("telephone")]),
    ),
    (
        RemoteChannel::Courriels,
        Term::new(RemoteChannel::Courriels.label_fr(), &[Starts("courriel")]),
    ),
];
/// The e-mail remote-audit section, headed by its channel alone.
pub(crate) const REMOTE_COURRIELS_ALONE: Term =
    Term::new(RemoteChannel::Courriels.label_fr(), &[Is("courriels")]);
/// Before a remote check's note (`Note : Conforme`), read in any case.
pub(crate) const NOTE: &str = "Note";
/// Before the evidence in a row's comment cell (`Éléments de preuve : …`), after its comment
/// and observations.
pub(crate) const ROW_EVIDENCE: &str = "Éléments de preuve";
/// The words of [`ROW_EVIDENCE`] as the reader accepts them, folded, each in its forms: in the
/// singular or the plural, a colon after them.
pub(crate) const ROW_EVIDENCE_WORDS: [&[&str]; 3] =
    [&["element", "elements"], &["de"], &["preuve", "preuves"]];
/// Before a point sensible's risk (`PS : text Risque : risk`), read in any case and in the
/// plural.
pub(crate) const RISK: &str = "Risque";

// ---------------------------------------------------------------------------------------------
// Part 4
// ---------------------------------------------------------------------------------------------

/// The bullet before the headings of part 4 (all but the general conclusion's).
pub(crate) const CONCLUSION_BULLET: &str = "❖";
/// The template's subtitle under the satisfaction-survey heading.
pub(crate) const SURVEY_NOTE: Term = Term::new(
    "(Vérification de l'analyse du résultat des enquêtes de satisfaction et de la mise en œuvre \
     et suivi d'un plan d'actions)",
    &[Starts("verificationdelanalyse")],
);
/// The charte graphique's explicit verdict (`Conformité : C`).
pub(crate) const CHARTE_VERDICT: Term = Term::new("Conformité", &[Is("conformite"), Is("verdict")]);
/// What the charte graphique's text says when it does not apply, folded.
pub(crate) const NOT_APPLICABLE: &str = "nonapplicable";

/// The word before a management item in a fiche d'écart (`PILOTAGE … point 5`).
pub(crate) const FICHE_ITEM: Term = Term::new("point", &[Starts("point"), Starts("item")]);
/// The word before an engagement in a fiche d'écart (`Module 1 engagement 17`), read in any
/// case.
pub(crate) const FICHE_ENGAGEMENT: &str = "engagement";
/// Between a fiche d'écart's target and its grade.
pub(crate) const FICHE_GRADE_SEPARATOR: &str = " — ";
/// The heading of a numbered fiche d'écart, before its number (`Fiche d'écart n°1`); the
/// reader accepts it in any case, with or without accents, `’` or `'`, in the plural, and the
/// number after `n°`, `nº`, `no`, `n.`, `numéro` or `#`.
pub(crate) const FICHE_NUMBERED: &str = "Fiche d'écart n°";
/// The words before a fiche's number, after « Fiche d'écart », the longest first.
pub(crate) const FICHE_NUMBER_MARKS: [&str; 10] = [
    "numéro", "NUMÉRO", "numero", "n°", "nº", "no.", "no", "n.", "n", "#",
];
/// A fiche d'écart's finding.
pub(crate) const FICHE_FINDING: Term = Term::new("Constat", &[Is("constat")]);
/// A fiche d'écart's requirement.
pub(crate) const FICHE_REQUIREMENT: Term = Term::new("Exigence", &[Is("exigence")]);
/// The cause a fiche d'écart found (`Cause : …`, `Analyse des causes : …`).
pub(crate) const FICHE_CAUSE: Term = Term::new(
    "Cause",
    &[
        Is("cause"),
        Is("causes"),
        Starts("causeracine"),
        Starts("causesracines"),
        Starts("analysedescause"),
        Starts("analysedelacause"),
    ],
);
/// The audited site's answer to a fiche d'écart (`Réponse de l'audité : …`, `Réponse du site
/// audité`, `Réponse de l'entité auditée`).
pub(crate) const FICHE_RESPONSE: Term = Term::new("Réponse de l'audité", &[Starts("reponse")]);
/// A fiche d'écart's corrective action.
pub(crate) const FICHE_ACTION: Term = Term::new("Action corrective", &[Is("actioncorrective")]);
/// A fiche d'écart's due date.
pub(crate) const FICHE_DUE: Term = Term::new("Échéance", &[Is("echeance")]);
/// Who leads a fiche d'écart's corrective action.
pub(crate) const FICHE_LEADER: Term = Term::new("Pilote", &[Is("pilote"), Is("responsable")]);
/// Where a fiche d'écart's corrective action stands (`État : levé le 02/03/2020`).
pub(crate) const FICHE_STATUS: Term = Term::new("État", &[Is("etat"), Is("statut")]);
/// Between the state and the day it was checked (`levé le 02/03/2020`).
pub(crate) const FICHE_STATUS_ON: &str = " le ";
/// What showed a lifted écart's action effective.
pub(crate) const FICHE_EVIDENCE: Term = Term::new("Preuve", &[Is("preuve"), Is("preuves")]);
/// Why an écart stays.
pub(crate) const FICHE_REASON: Term = Term::new("Motif", &[Is("motif")]);

/// The heading of a section of part 4, with the folds of its text outside parentheses that the
/// reader accepts.
pub(crate) const fn conclusion_heading(section: ConclusionSection) -> Term {
    match section {
        ConclusionSection::PointsForts => Term::new("POINTS FORTS", &[Is("pointsforts")]),
        ConclusionSection::PointsSensibles => Term::new(
            "POINTS SENSIBLES (avec risques associés)",
            &[Is("pointssensibles")],
        ),
        ConclusionSection::PistesDeProgres => {
            Term::new("PISTES DE PROGRES", &[Is("pistesdeprogres")])
        }
        ConclusionSection::FichesEcart => Term::new(
            "FICHE(S) D'ECART(S)",
            &[
                Is("fichedecart"),
                Is("fichesdecart"),
                Is("fichesdecarts"),
                Is("fichedecarts"),
            ],
        ),
        ConclusionSection::Commentaires => Term::new("COMMENTAIRES", &[Is("commentaires")]),
        ConclusionSection::BonnesPratiques => Term::new(
            "LES BONNES PRATIQUES",
            &[Is("lesbonnespratiques"), Is("bonnespratiques")],
        ),
        ConclusionSection::EnquetesSatisfaction => Term::new(
            "LES RESULTATS DES ENQUETES DE SATISFACTION DES USAGERS",
            &[
                Is("lesresultatsdesenquetesdesatisfactiondesusagers"),
                Is("resultatsdesenquetesdesatisfaction"),
                Is("enquetesdesatisfaction"),
            ],
        ),
        ConclusionSection::CharteGraphique => Term::new(
            "RESPECT DE LA CHARTE GRAPHIQUE",
            &[Is("respectdelachartegraphique"), Is("chartegraphique")],
        ),
        ConclusionSection::ConclusionGenerale => Term::new(
            "CONCLUSION GENERALE DE L'AUDIT",
            &[Is("conclusiongeneraledelaudit"), Is("conclusiongenerale")],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::key;

    /// Every term whose canonical text the reader compares whole.
    fn terms() -> Vec<Term> {
        let mut terms = vec![
            TITLE,
            TABLE_OF_CONTENTS,
            TITLE_REFERENTIEL,
            TITLE_START,
            TITLE_END,
            LEAD,
            LEAD_PHONE,
            LEAD_EMAIL,
            ADMINISTRATION,
            DEPARTEMENT,
            CITY,
            MODULES,
            INTERNAL_AUDIT,
            AUDIT_TYPE,
            REFERENTIEL,
            AUDIT_DATES,
            AUDITORS,
            AUDIT_TYPE_LEADS,
            CONTEXT_ORGANISATION,
            CONTEXT_HISTORY,
            REMOTE_AUDIT,
            REMOTE_COURRIELS_ALONE,
            SURVEY_NOTE,
            CHARTE_VERDICT,
            FICHE_ITEM,
            EXTERNAL_AUDIT_DATE,
            FICHE_FINDING,
            FICHE_REQUIREMENT,
            FICHE_CAUSE,
            FICHE_ACTION,
            FICHE_RESPONSE,
            FICHE_DUE,
            FICHE_LEADER,
            FICHE_STATUS,
            FICHE_EVIDENCE,
            FICHE_REASON,
        ];
        terms.extend(PARTS.iter().map(|p| p.title));
        terms.extend(ADMINISTRATIONS.iter().map(|a| a.1));
        terms.extend(AUDIT_TYPES.iter().map(|a| a.1));
        terms.extend(LEGEND);
        terms.extend(COLUMN_HEADERS);
        terms.extend(MANAGEMENT.iter().map(|m| m.heading));
        terms.extend(REMOTE_CHANNELS.iter().map(|c| c.1));
        terms
    }

    #[test]
    fn the_reader_accepts_every_canonical_text() {
        for term in terms() {
            assert!(term.matches(&key(term.text)), "{:?}", term.text);
            assert!(term.matches_text(term.text), "{:?}", term.text);
        }
    }

    #[test]
    fn enum_labels_follow_the_model() {
        for (a, term) in ADMINISTRATIONS {
            assert_eq!(term.text, a.label_fr());
        }
        for (t, term) in AUDIT_TYPES {
            assert!(term.matches(&key(t.label_fr())), "{t:?}");
        }
        for m in MANAGEMENT {
            assert_eq!(m.heading.text, m.section.heading());
            assert_eq!(key(m.heading.text), m.in_fiche);
        }
        for (c, term) in REMOTE_CHANNELS {
            assert_eq!(term.text, c.label_fr());
        }
    }

    #[test]
    fn checkboxes_and_words_read_back() {
        assert!(CHECKED.starts_with(CHECKBOX) && CHECKED.contains(CHECKED_ATTRIBUTE));
        assert!(UNCHECKED.starts_with(CHECKBOX) && !UNCHECKED.contains(CHECKED_ATTRIBUTE));
        assert!(MODULE.eq_ignore_ascii_case(MODULE_HEADING));
        assert_eq!(key(NOTE), "note");
        assert_eq!(key(RISK), "risque");
        assert_eq!(key(FICHE_ENGAGEMENT), FICHE_ENGAGEMENT);
        assert!(ENGAGEMENT.eq_ignore_ascii_case(FICHE_ENGAGEMENT));
        assert!(LEGEND.iter().skip(1).all(|l| l.text.contains(LEGEND_BOLD)));
    }
}
