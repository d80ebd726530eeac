//! The validation codes ([`RuleCode`]): one table, from which the enum, its parsing, display,
//! serde and the reference `docs/codes.md` ([`crate::codes`]) are generated.

use super::diagnostic::Severity;

crate::base::codes_table::code_table! {
    /// The stable code of a validation rule. Codes are never renamed nor reused once released;
    /// the [code reference](crate::codes) lists each with its default severity, an example and how to fix
    /// it.
    ///
    /// ```
    /// use qualepref::{RuleCode, Severity};
    /// assert_eq!(RuleCode::ModuleNotCovered.as_str(), "module-not-covered");
    /// assert_eq!("module-not-covered".parse::<RuleCode>()?, RuleCode::ModuleNotCovered);
    /// assert!(RuleCode::ALL.contains(&RuleCode::ObligatoryModuleNotCovered));
    /// assert_eq!(RuleCode::DuplicateModule.default_severity(), Severity::Warning);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum RuleCode {
        what: "rule code";
        /// The severity of the rule unless options override it.
        fn default_severity -> Severity;
        ReferentielMismatch = "referentiel-mismatch", Error {
            description: "The audit names another référentiel than the one it is validated against.",
            example: "referentiel.id: [referentiel-mismatch] error: the audit names référentiel \"qualipref-2\" but is validated against \"qual-e-pref-2019\"",
            example_fr: "referentiel.id\u{a0}: [referentiel-mismatch] erreur\u{a0}: l'audit cite le référentiel «\u{a0}qualipref-2\u{a0}» mais est validé avec le référentiel «\u{a0}qual-e-pref-2019\u{a0}»",
            fix: "Validate against the référentiel the audit names, or correct `referentiel.id`.",
        }
        UnknownDepartement = "unknown-departement", Warning {
            description: "The site's département code is well-formed but not an existing département (malformed codes are already refused when parsing).",
            example: "site.departement: [unknown-departement] warning: département code 96 is not an existing département",
            example_fr: "site.departement\u{a0}: [unknown-departement] avertissement\u{a0}: le code de département 96 ne correspond à aucun département",
            fix: "Correct `site.departement` (`01`–`95`, `2A`, `2B`, `971`–`978`, `986`–`988`).",
        }
        DatesReversed = "dates-reversed", Error {
            description: "The audit ends before it starts.",
            example: "dates.end: [dates-reversed] error: the audit ends on 2019-11-17, before its start on 2019-11-18",
            example_fr: "dates.end\u{a0}: [dates-reversed] erreur\u{a0}: l'audit se termine le 17/11/2019, avant son début le 18/11/2019",
            fix: "Swap or correct `dates.start` and `dates.end`.",
        }
        AuditBeforeReferentiel = "audit-before-referentiel", Error {
            description: "The audit starts before the référentiel's publication date.",
            example: "dates.start: [audit-before-referentiel] error: the audit starts on 2018-01-15, before the référentiel qual-e-pref-2019 dated 2018-12-19",
            example_fr: "dates.start\u{a0}: [audit-before-referentiel] erreur\u{a0}: l'audit commence le 15/01/2018, avant la date du référentiel qual-e-pref-2019, le 19/12/2018",
            fix: "Correct the dates, or validate against the référentiel in force at the time.",
        }
        ExternalAuditWithoutType = "external-audit-without-type", Error {
            description: "An external audit does not state its type.",
            example: "kind.type: [external-audit-without-type] error: the external audit does not state its type (initial, suivi, renouvellement or extension)",
            example_fr: "kind.type\u{a0}: [external-audit-without-type] erreur\u{a0}: l'audit externe n'indique pas son type (initial, suivi, renouvellement ou extension)",
            fix: "Set `kind.type`.",
        }
        InternalAuditWithoutType = "internal-audit-without-type", Warning {
            description: "An internal audit does not state which external audit it precedes.",
            example: "kind.type: [internal-audit-without-type] warning: the internal audit does not state which external audit it precedes (initial, suivi, renouvellement or extension)",
            example_fr: "kind.type\u{a0}: [internal-audit-without-type] avertissement\u{a0}: l'audit interne n'indique pas l'audit externe qu'il précède (initial, suivi, renouvellement ou extension)",
            fix: "Set `kind.type` to the type of the external audit ahead of which it is run.",
        }
        NoAuditor = "no-auditor", Error {
            description: "No auditor is named.",
            example: "auditors: [no-auditor] error: no auditor is named",
            example_fr: "auditors\u{a0}: [no-auditor] erreur\u{a0}: aucun auditeur n'est nommé",
            fix: "Add the auditors to `auditors`, lead auditor first.",
        }
        AuditorWithoutName = "auditor-without-name", Error {
            description: "An auditor's name is empty.",
            example: "auditors[0].name: [auditor-without-name] error: auditor 1 has an empty name",
            example_fr: "auditors[0].name\u{a0}: [auditor-without-name] erreur\u{a0}: le nom de l'auditeur 1 est vide",
            fix: "Fill in the name, or remove the entry.",
        }
        ObligatoryModuleNotCovered = "obligatory-module-not-covered", Error {
            description: "A module that the référentiel marks as obligatory (module 1 in Qual-e-pref) is not covered.",
            example: "modules: [obligatory-module-not-covered] error: module 1 (Relation générale avec les usagers) is obligatory but not covered",
            example_fr: "modules\u{a0}: [obligatory-module-not-covered] erreur\u{a0}: le module 1 (Relation générale avec les usagers) est obligatoire mais n'est pas couvert",
            fix: "Add the module to `modules` and assess its engagements.",
        }
        DuplicateModule = "duplicate-module", Warning {
            description: "A module is listed more than once in `modules`.",
            example: "modules[2]: [duplicate-module] warning: module 2 is listed 2 times",
            example_fr: "modules[2]\u{a0}: [duplicate-module] avertissement\u{a0}: le module 2 figure 2 fois dans la liste",
            fix: "Remove the repeated entry.",
        }
        UnknownModule = "unknown-module", Error {
            description: "A covered module is not a module of the référentiel.",
            example: "modules[1]: [unknown-module] error: module 5 is covered but the référentiel marianne has no module 5",
            example_fr: "modules[1]\u{a0}: [unknown-module] erreur\u{a0}: le module 5 est couvert mais le référentiel marianne n'a pas de module 5",
            fix: "Remove the module from `modules`, or validate against the right référentiel.",
        }
        ModuleNotBundled = "module-not-bundled", Error {
            description: "A covered module's engagements are not bundled in the référentiel (modules 3–8 of the embedded Qual-e-pref 2019), so its assessments cannot be checked.",
            example: "modules[2]: [module-not-bundled] error: module 3 is covered but the référentiel qual-e-pref-2019 does not bundle its engagements; load a complete référentiel (e.g. with Referentiel::from_path) to validate it",
            example_fr: "modules[2]\u{a0}: [module-not-bundled] erreur\u{a0}: le module 3 est couvert mais le référentiel qual-e-pref-2019 n'en contient pas les engagements\u{202f}; chargez un référentiel complet (par exemple avec Referentiel::from_path) pour le valider",
            fix: "Load a complete référentiel with `Referentiel::from_path` and validate against it.",
        }
        PoliceModuleWrongAdministration = "police-module-wrong-administration", Warning {
            description: "Module 8 (polices exercées par la préfecture de police de Paris) is covered by a site that is not the préfecture de police.",
            example: "modules[2]: [police-module-wrong-administration] warning: module 8 is covered by a site of type prefecture; it is meant for the préfecture de police only",
            example_fr: "modules[2]\u{a0}: [police-module-wrong-administration] avertissement\u{a0}: le module 8 est couvert par un site de type préfecture\u{202f}; il est réservé à la préfecture de police",
            fix: "Remove module 8, or correct `site.administration`.",
        }
        ModuleNotCovered = "module-not-covered", Error {
            description: "An engagement is assessed but its module is not covered.",
            example: "assessments[20].engagement: [module-not-covered] error: engagement 21 is assessed but its module 2 is not covered",
            example_fr: "assessments[20].engagement\u{a0}: [module-not-covered] erreur\u{a0}: l'engagement 21 est évalué mais son module 2 n'est pas couvert",
            fix: "Add the module to `modules`, or remove the assessment.",
        }
        UnknownEngagement = "unknown-engagement", Error {
            description: "An assessment names an engagement that the référentiel does not have.",
            details: "Not reported for an assessment filed under a covered module whose engagements the référentiel does not bundle: `module-not-bundled` already says so, once. The same holds for `remote-check-unknown-engagement`.",
            example: "assessments[3].engagement: [unknown-engagement] error: engagement 99 is not in the référentiel qual-e-pref-2019",
            example_fr: "assessments[3].engagement\u{a0}: [unknown-engagement] erreur\u{a0}: l'engagement 99 ne figure pas dans le référentiel qual-e-pref-2019",
            fix: "Correct the engagement number, or validate against the right référentiel.",
        }
        WrongModule = "wrong-module", Error {
            description: "An assessment or a remote check is filed under another module than the référentiel's module of its engagement.",
            example: "assessments[20].module: [wrong-module] error: engagement 21 is filed under module 1 but belongs to module 2",
            example_fr: "assessments[20].module\u{a0}: [wrong-module] erreur\u{a0}: l'engagement 21 est classé dans le module 1 mais relève du module 2",
            fix: "Correct its `module`.",
        }
        MissingAssessment = "missing-assessment", Error {
            description: "An engagement of a covered, bundled module has no assessment.",
            example: "assessments: [missing-assessment] error: engagement 5 of module 1 is not assessed",
            example_fr: "assessments\u{a0}: [missing-assessment] erreur\u{a0}: l'engagement 5 du module 1 n'est pas évalué",
            fix: "Add an assessment of the engagement to `assessments`.",
        }
        DuplicateAssessment = "duplicate-assessment", Error {
            description: "An engagement is assessed more than once.",
            example: "assessments[5]: [duplicate-assessment] error: engagement 5 is assessed 2 times",
            example_fr: "assessments[5]\u{a0}: [duplicate-assessment] erreur\u{a0}: l'engagement 5 est évalué 2 fois",
            fix: "Merge the assessments into one.",
        }
        MissingVerdict = "missing-verdict", Error {
            description: "An engagement or a management item is assessed without a verdict.",
            example: "assessments[4].verdict: [missing-verdict] error: engagement 5 has no verdict",
            example_fr: "assessments[4].verdict\u{a0}: [missing-verdict] erreur\u{a0}: l'engagement 5 n'a pas de verdict",
            fix: "Set the `verdict` (`C`, `NA`, `NC min` or `NC Maj`).",
        }
        NaWithoutJustification = "na-without-justification", Warning {
            description: "An `NA` verdict has no justification in its `comment`.",
            example: "assessments[4].comment: [na-without-justification] warning: engagement 5 is NA without a justification",
            example_fr: "assessments[4].comment\u{a0}: [na-without-justification] avertissement\u{a0}: l'engagement 5 est NA sans justification",
            fix: "Say in `comment` why the engagement does not apply to the site.",
        }
        EmptyObservation = "empty-observation", Error {
            description: "An observation (`PF`, `PS`, `PP`) has an empty text.",
            example: "assessments[16].observations[0].text: [empty-observation] error: observation 1 (PP) of engagement 17 has an empty text",
            example_fr: "assessments[16].observations[0].text\u{a0}: [empty-observation] erreur\u{a0}: le texte de l'observation 1 (PP) de l'engagement 17 est vide",
            fix: "Write the observation's text, or remove it.",
        }
        PsWithoutRisk = "ps-without-risk", Warning {
            description: "A point sensible does not state its associated risk.",
            example: "assessments[16].observations[0].risk: [ps-without-risk] warning: observation 1 (PS) of engagement 17 does not state its risk",
            example_fr: "assessments[16].observations[0].risk\u{a0}: [ps-without-risk] avertissement\u{a0}: l'observation 1 (PS) de l'engagement 17 n'indique pas le risque associé",
            fix: "Fill in the observation's `risk`.",
        }
        MissingManagementItem = "missing-management-item", Error {
            description: "A management item of the référentiel is not assessed.",
            example: "management: [missing-management-item] error: management item pilotage 5 (Comité des usagers) is not assessed",
            example_fr: "management\u{a0}: [missing-management-item] erreur\u{a0}: le point pilotage 5 (Comité des usagers) n'est pas évalué",
            fix: "Add its assessment to `management`.",
        }
        DuplicateManagementItem = "duplicate-management-item", Error {
            description: "A management item is assessed more than once.",
            example: "management[5]: [duplicate-management-item] error: management item pilotage 5 is assessed 2 times",
            example_fr: "management[5]\u{a0}: [duplicate-management-item] erreur\u{a0}: le point pilotage 5 est évalué 2 fois",
            fix: "Merge the assessments into one.",
        }
        UnknownManagementItem = "unknown-management-item", Error {
            description: "A management assessment names an item that the référentiel does not have.",
            example: "management[7].item: [unknown-management-item] error: management item pilotage 9 is not in the référentiel qual-e-pref-2019",
            example_fr: "management[7].item\u{a0}: [unknown-management-item] erreur\u{a0}: le point pilotage 9 ne figure pas dans le référentiel qual-e-pref-2019",
            fix: "Correct the section or item number.",
        }
        RemoteCheckModuleNotCovered = "remote-check-module-not-covered", Error {
            description: "A remote check is about an engagement whose module is not covered.",
            example: "remote_checks[0].engagement: [remote-check-module-not-covered] error: engagement 21 is checked remotely (internet) but its module 2 is not covered",
            example_fr: "remote_checks[0].engagement\u{a0}: [remote-check-module-not-covered] erreur\u{a0}: l'engagement 21 est contrôlé à distance (Internet) mais son module 2 n'est pas couvert",
            fix: "Add the module to `modules`, or remove the remote check.",
        }
        RemoteCheckUnknownEngagement = "remote-check-unknown-engagement", Error {
            description: "A remote check names an engagement that the référentiel does not have.",
            example: "remote_checks[0].engagement: [remote-check-unknown-engagement] error: engagement 99 is checked remotely (internet) but is not in the référentiel qual-e-pref-2019",
            example_fr: "remote_checks[0].engagement\u{a0}: [remote-check-unknown-engagement] erreur\u{a0}: l'engagement 99 est contrôlé à distance (Internet) mais ne figure pas dans le référentiel qual-e-pref-2019",
            fix: "Correct the engagement number.",
        }
        RemoteCheckWithoutNote = "remote-check-without-note", Warning {
            description: "A remote check has no note.",
            example: "remote_checks[0].note: [remote-check-without-note] warning: the internet remote check of engagement 1 has no note",
            example_fr: "remote_checks[0].note\u{a0}: [remote-check-without-note] avertissement\u{a0}: le contrôle à distance (Internet) de l'engagement 1 n'a pas de note",
            fix: "Set its `note` (`Conforme`, `Non conforme` or `Non applicable`).",
        }
        RemoteCheckContradictsVerdict = "remote-check-contradicts-verdict", Warning {
            description: "A remote check's note contradicts the on-site verdict: `Non conforme` while on site `C`, or `Conforme` while on site a nonconformity.",
            example: "remote_checks[0].note: [remote-check-contradicts-verdict] warning: the internet remote check of engagement 1 is Non conforme but its on-site verdict is C",
            example_fr: "remote_checks[0].note\u{a0}: [remote-check-contradicts-verdict] avertissement\u{a0}: le contrôle à distance (Internet) de l'engagement 1 est noté «\u{a0}Non conforme\u{a0}» mais le verdict sur place est C",
            fix: "Reconcile the note and the verdict, or explain the difference in the observations.",
        }
        DuplicateRemoteCheck = "duplicate-remote-check", Warning {
            description: "An engagement is checked more than once on the same remote channel.",
            example: "remote_checks[1]: [duplicate-remote-check] warning: engagement 1 is checked 2 times on the internet channel",
            example_fr: "remote_checks[1]\u{a0}: [duplicate-remote-check] avertissement\u{a0}: l'engagement 1 est contrôlé 2 fois sur le canal Internet",
            fix: "Merge the remote checks into one.",
        }
        NonconformityWithoutFiche = "nonconformity-without-fiche", Error {
            description: "A nonconformity (`NC min` or `NC Maj`, on an engagement or a management item) has no fiche d'écart.",
            example: "assessments[16].verdict: [nonconformity-without-fiche] error: engagement 17 is NC min but has no fiche d'écart",
            example_fr: "assessments[16].verdict\u{a0}: [nonconformity-without-fiche] erreur\u{a0}: l'engagement 17 est en NC min mais n'a pas de fiche d'écart",
            fix: "Add a fiche d'écart for it to `ecarts`.",
        }
        FicheWithoutNonconformity = "fiche-without-nonconformity", Error {
            description: "A fiche d'écart targets an engagement or a management item that has no nonconformity.",
            example: "ecarts[0].target: [fiche-without-nonconformity] error: the fiche d'écart for engagement 5 records no nonconformity: its verdict is C",
            example_fr: "ecarts[0].target\u{a0}: [fiche-without-nonconformity] erreur\u{a0}: la fiche d'écart de l'engagement 5 ne correspond à aucune non-conformité\u{a0}: son verdict est C",
            fix: "Correct the fiche's target or the verdict, or remove the fiche.",
        }
        FicheGradeMismatch = "fiche-grade-mismatch", Error {
            description: "A fiche d'écart's grade differs from the verdict of its target.",
            example: "ecarts[0].grade: [fiche-grade-mismatch] error: the fiche d'écart for engagement 17 is graded NC Maj but the verdict is NC min",
            example_fr: "ecarts[0].grade\u{a0}: [fiche-grade-mismatch] erreur\u{a0}: la fiche d'écart de l'engagement 17 indique NC Maj mais le verdict est NC min",
            fix: "Make the grade and the verdict agree.",
        }
        DuplicateFiche = "duplicate-fiche", Error {
            description: "Several fiches d'écart target the same engagement or management item.",
            example: "ecarts[1]: [duplicate-fiche] error: engagement 17 has 2 fiches d'écart",
            example_fr: "ecarts[1]\u{a0}: [duplicate-fiche] erreur\u{a0}: l'engagement 17 a 2 fiches d'écart",
            fix: "Merge the fiches into one.",
        }
        FicheEmptyFinding = "fiche-empty-finding", Error {
            description: "A fiche d'écart has an empty finding (« constat »).",
            example: "ecarts[0].finding: [fiche-empty-finding] error: the fiche d'écart for engagement 17 has an empty finding",
            example_fr: "ecarts[0].finding\u{a0}: [fiche-empty-finding] erreur\u{a0}: le constat de la fiche d'écart de l'engagement 17 est vide",
            fix: "Write what the auditor found.",
        }
        FicheDueBeforeAuditEnd = "fiche-due-before-audit-end", Warning {
            description: "A fiche d'écart's corrective action is due before the audit's last day.",
            details: "`ecarts[].due` is the one échéance an audit records: a fiche's number, cause and response and an assessment's evidence carry none, and the dates of an internal audit's planned external audit and of the labelling decision have their own codes (`external-on-before-audit-end`, `labelling-before-audit-end`, `plan-accepted-before-decision`).",
            example: "ecarts[0].due: [fiche-due-before-audit-end] warning: the fiche d'écart for engagement 17 is due on 2019-10-01, before the audit's end on 2019-11-18",
            example_fr: "ecarts[0].due\u{a0}: [fiche-due-before-audit-end] avertissement\u{a0}: l'action corrective de la fiche d'écart de l'engagement 17 est due le 01/10/2019, avant la fin de l'audit le 18/11/2019",
            fix: "Correct the due date.",
        }
        CharteGraphiqueInInitialAudit = "charte-graphique-in-initial-audit", Error {
            description: "The charte graphique is given a verdict other than `NA` in an initial audit, where it does not apply.",
            example: "conclusion.charte_graphique.verdict: [charte-graphique-in-initial-audit] error: the charte graphique is assessed C in an initial audit, where it is not applicable",
            example_fr: "conclusion.charte_graphique.verdict\u{a0}: [charte-graphique-in-initial-audit] erreur\u{a0}: la charte graphique est évaluée C dans un audit initial, où elle ne s'applique pas",
            fix: "Set its verdict to `NA`, or correct `kind.type`.",
        }
        ConclusionContradictsFindings = "conclusion-contradicts-findings", Warning {
            description: "A conclusion section contradicts the data: « Absence de non-conformité » or « Sans objet » under fiches d'écart while nonconformities exist; « Sans objet » under points forts, points sensibles or pistes de progrès while such observations exist, under the charte graphique while it has a verdict other than `NA`, or as the conclusion générale while engagements have a verdict (compared ignoring case and accents).",
            details: "A fiches d'écart section that does not say « absence » while there is no nonconformity is fine: only contradictions are reported. The commentaires, bonnes pratiques and enquêtes de satisfaction have no counterpart in the data, and are not checked.",
            example: "conclusion.fiches_ecart[0]: [conclusion-contradicts-findings] warning: the section says \"Absence de non-conformité majeure ou mineure.\" but the audit has 1 nonconformity",
            example_fr: "conclusion.fiches_ecart[0]\u{a0}: [conclusion-contradicts-findings] avertissement\u{a0}: la section indique «\u{a0}Absence de non-conformité majeure ou mineure.\u{a0}» mais l'audit compte 1 non-conformité",
            fix: "Rewrite the section to match the findings.",
        }
        EngagementNumberingGap = "engagement-numbering-gap", Warning {
            description: "Référentiel: engagement numbers are not continuous (a number is skipped).",
            example: "engagements[20]: [engagement-numbering-gap] warning: engagement numbers jump from 20 to 24: 21 to 23 are missing",
            example_fr: "engagements[20]\u{a0}: [engagement-numbering-gap] avertissement\u{a0}: la numérotation des engagements saute de 20 à 24\u{a0}: il manque les engagements 21 à 23",
            fix: "Number the engagements continuously, or add the missing ones.",
        }
        ModuleEngagementsNotContiguous = "module-engagements-not-contiguous", Warning {
            description: "Référentiel: a bundled module's engagements are interleaved with another module's.",
            example: "modules[1]: [module-engagements-not-contiguous] warning: the engagements of module 2 are not contiguous: engagement 22 of module 3 lies between 21 and 23",
            example_fr: "modules[1]\u{a0}: [module-engagements-not-contiguous] avertissement\u{a0}: les engagements du module 2 ne se suivent pas\u{a0}: l'engagement 22 du module 3 se trouve entre 21 et 23",
            fix: "Renumber the engagements so that each module holds one run of numbers.",
        }
        NoObligatoryModule = "no-obligatory-module", Info {
            description: "Référentiel: no module is marked as obligatory.",
            example: "modules: [no-obligatory-module] info: no module of the référentiel marianne is obligatory",
            example_fr: "modules\u{a0}: [no-obligatory-module] info\u{a0}: aucun module du référentiel marianne n'est obligatoire",
            fix: "Mark the module every site must cover as `obligatory`, if there is one.",
        }
        UnsupportedFormat = "unsupported-format", Error {
            description: "The référentiel file's `format` tag is not a supported format.",
            example: "format: [unsupported-format] error: format \"qualepref-referentiel/2\" is not supported (expected \"qualepref-referentiel/1\")",
            example_fr: "format\u{a0}: [unsupported-format] erreur\u{a0}: le format «\u{a0}qualepref-referentiel/2\u{a0}» n'est pas pris en charge (attendu\u{a0}: «\u{a0}qualepref-referentiel/1\u{a0}»)",
            fix: "Write `qualepref-referentiel/1`, or leave `format` out.",
        }
        EmptyReferentielField = "empty-referentiel-field", Error {
            description: "The référentiel file gives an empty `id`, `name` or `title` for the référentiel.",
            example: "id: [empty-referentiel-field] error: the référentiel's id is empty",
            example_fr: "id\u{a0}: [empty-referentiel-field] erreur\u{a0}: le champ id du référentiel est vide",
            fix: "Fill in the field.",
        }
        RevisedBeforeDate = "revised-before-date", Error {
            description: "The référentiel file dates its revision before its publication.",
            example: "revised: [revised-before-date] error: revision date 2018-02-04 is before the référentiel's date 2018-12-19",
            example_fr: "revised\u{a0}: [revised-before-date] erreur\u{a0}: la date de révision, le 04/02/2018, précède la date du référentiel, le 19/12/2018",
            fix: "Correct `date` or `revised`.",
        }
        NoModule = "no-module", Error {
            description: "The référentiel file lists no module.",
            example: "modules: [no-module] error: the référentiel has no module",
            example_fr: "modules\u{a0}: [no-module] erreur\u{a0}: le référentiel n'a aucun module",
            fix: "List the référentiel's modules in `modules`.",
        }
        DuplicateModuleNumber = "duplicate-module-number", Error {
            description: "The référentiel file lists two modules with the same number.",
            example: "modules[1].number: [duplicate-module-number] error: module 1 is listed twice",
            example_fr: "modules[1].number\u{a0}: [duplicate-module-number] erreur\u{a0}: le module 1 figure deux fois",
            fix: "Renumber or remove the repeated module.",
        }
        EmptyTitle = "empty-title", Error {
            description: "The référentiel file gives a module, channel group, engagement or management item an empty title.",
            example: "engagements[4].title: [empty-title] error: engagement 5 has an empty title",
            example_fr: "engagements[4].title\u{a0}: [empty-title] erreur\u{a0}: le titre de l'engagement 5 est vide",
            fix: "Write its exact title, as the référentiel prints it.",
        }
        EmptyGroupId = "empty-group-id", Error {
            description: "The référentiel file gives a channel group an empty id.",
            example: "modules[0].groups[1].id: [empty-group-id] error: module 1: group 2 has an empty id",
            example_fr: "modules[0].groups[1].id\u{a0}: [empty-group-id] erreur\u{a0}: module 1\u{a0}: l'identifiant du groupe 2 est vide",
            fix: "Give the group a stable id, e.g. `accueil-physique`.",
        }
        DuplicateGroup = "duplicate-group", Error {
            description: "The référentiel file lists two channel groups of a module with the same id.",
            example: "modules[0].groups[2].id: [duplicate-group] error: module 1: group \"telephone\" is listed twice",
            example_fr: "modules[0].groups[2].id\u{a0}: [duplicate-group] erreur\u{a0}: module 1\u{a0}: le groupe «\u{a0}telephone\u{a0}» figure deux fois",
            fix: "Rename or remove the repeated group.",
        }
        BundledModuleWithoutEngagements = "bundled-module-without-engagements", Error {
            description: "The référentiel file marks a module as bundled but lists none of its engagements.",
            example: "modules[1].bundled: [bundled-module-without-engagements] error: module 2 is marked as bundled but lists no engagement",
            example_fr: "modules[1].bundled\u{a0}: [bundled-module-without-engagements] erreur\u{a0}: le module 2 est marqué comme fourni mais ne liste aucun engagement",
            fix: "Add the module's engagements, or mark it `\"bundled\": false`.",
        }
        DuplicateEngagementNumber = "duplicate-engagement-number", Error {
            description: "The référentiel file lists two engagements with the same number.",
            example: "engagements[1].number: [duplicate-engagement-number] error: engagement 1 is listed twice",
            example_fr: "engagements[1].number\u{a0}: [duplicate-engagement-number] erreur\u{a0}: l'engagement 1 figure deux fois",
            fix: "Renumber or remove the repeated engagement.",
        }
        EngagementInUnknownModule = "engagement-in-unknown-module", Error {
            description: "The référentiel file puts an engagement in a module that it does not list.",
            example: "engagements[2].module: [engagement-in-unknown-module] error: engagement 3 belongs to module 4, which the référentiel does not list",
            example_fr: "engagements[2].module\u{a0}: [engagement-in-unknown-module] erreur\u{a0}: l'engagement 3 relève du module 4, que le référentiel ne liste pas",
            fix: "Correct the engagement's `module`, or add the module to `modules`.",
        }
        EngagementInNotBundledModule = "engagement-in-not-bundled-module", Error {
            description: "The référentiel file puts an engagement in a module marked as not bundled.",
            example: "engagements[3].module: [engagement-in-not-bundled-module] error: engagement 4 belongs to module 2, which is marked as not bundled",
            example_fr: "engagements[3].module\u{a0}: [engagement-in-not-bundled-module] erreur\u{a0}: l'engagement 4 relève du module 2, marqué comme non fourni",
            fix: "Mark the module `\"bundled\": true` and list all its engagements, or correct the engagement's `module`.",
        }
        UnknownGroup = "unknown-group", Error {
            description: "The référentiel file puts an engagement in a channel group that its module does not have.",
            example: "engagements[4].group: [unknown-group] error: engagement 5: group \"nulle-part\" is not a group of module 1",
            example_fr: "engagements[4].group\u{a0}: [unknown-group] erreur\u{a0}: engagement 5\u{a0}: le groupe «\u{a0}nulle-part\u{a0}» n'est pas un groupe du module 1",
            fix: "Correct the engagement's `group`, or add the group to its module's `groups`.",
        }
        ManagementItemZero = "management-item-zero", Error {
            description: "The référentiel file numbers a management item 0.",
            example: "management[0].item: [management-item-zero] error: management item 0 in section pilotage",
            example_fr: "management[0].item\u{a0}: [management-item-zero] erreur\u{a0}: point numéroté 0 dans la section pilotage",
            fix: "Number the items of each section from 1.",
        }
        DuplicateManagementItemNumber = "duplicate-management-item-number", Error {
            description: "The référentiel file lists two management items with the same section and number.",
            example: "management[1].item: [duplicate-management-item-number] error: management item pilotage 1 is listed twice",
            example_fr: "management[1].item\u{a0}: [duplicate-management-item-number] erreur\u{a0}: le point pilotage 1 figure deux fois",
            fix: "Renumber or remove the repeated item.",
        }
        ImplausibleDate = "implausible-date", Error {
            description: "A date of the audit (its days, a signature, an internal audit's planned external audit, the labelling decision and the plan's acceptance, a fiche d'écart's due date or the day its action was checked) outside the years 2000 to 2100: a typing error such as 9999 or 12019.",
            example: "dates.end: [implausible-date] error: date 9999-11-18 is outside the years 2000 to 2100",
            example_fr: "dates.end\u{a0}: [implausible-date] erreur\u{a0}: la date du 18/11/9999 n'est pas comprise entre les années 2000 et 2100",
            fix: "Correct the year.",
        }
        SignatureBeforeAudit = "signature-before-audit", Warning {
            description: "An auditor signed the report before the audit started.",
            example: "auditors[0].signed_on: [signature-before-audit] warning: auditor 1 (Aurélie ROUMEGOUX) signed on 2019-11-17, before the audit started on 2019-11-18",
            example_fr: "auditors[0].signed_on\u{a0}: [signature-before-audit] avertissement\u{a0}: l'auditeur 1 (Aurélie ROUMEGOUX) a signé le 17/11/2019, avant le début de l'audit le 18/11/2019",
            fix: "Correct `signed_on` or the audit's dates.",
        }
        AuditTooLong = "audit-too-long", Warning {
            description: "The audit lasts more than 30 days; an audit of a site takes a few days.",
            example: "dates.end: [audit-too-long] warning: the audit lasts 62 days (2019-11-18 to 2020-01-18), more than 30",
            example_fr: "dates.end\u{a0}: [audit-too-long] avertissement\u{a0}: l'audit dure 62 jours (du 18/11/2019 au 18/01/2020), plus de 30",
            fix: "Correct `dates.start` or `dates.end`.",
        }
        DuplicateAuditor = "duplicate-auditor", Warning {
            description: "Two auditors with the same name (case and spacing aside).",
            example: "auditors[1].name: [duplicate-auditor] warning: auditor 2 (Aurélie Roumegoux) is auditor 1 again",
            example_fr: "auditors[1].name\u{a0}: [duplicate-auditor] avertissement\u{a0}: l'auditeur 2 (Aurélie Roumegoux) est déjà l'auditeur 1",
            fix: "Remove the repeated auditor, or merge the two entries.",
        }
        ControlCharacter = "control-character", Error {
            description: "A text of the audit (any of them: comments, evidence, observations, the fiches d'écart with their cause and response, section 4…; or of a référentiel file, which loading then refuses) holds a control character other than tab and a line break (line feed, or carriage return and line feed): ESC, a lone carriage return, a C1 control, which could drive a terminal when printed; the text import refuses the same characters.",
            example: "assessments[3].comment: [control-character] error: the text holds the control character U+001B at character 12; only tab and line breaks are allowed",
            example_fr: "assessments[3].comment\u{a0}: [control-character] erreur\u{a0}: le texte contient le caractère de contrôle U+001B en position 12\u{202f}; seuls la tabulation et les retours à la ligne sont admis",
            fix: "Remove the character from the text.",
        }
        ConclusionSectionEmpty = "conclusion-section-empty", Warning {
            description: "A section of the auditor's section 4 is empty while the audit's data says it should not be: points forts, points sensibles or pistes de progrès while observations of that kind exist, fiches d'écart while nonconformities exist, or the conclusion générale.",
            details: "A section is empty when it has no paragraph with text (a paragraph of spaces is none); the fiches d'écart section is also written when the audit holds fiches d'écart (`ecarts`), where the text import files the fiches of the section. Reported only for an audit that carries the auditor's section 4 (at least one paragraph in one of its sections other than the charte graphique): an audit built in code or from the grid, without section 4, is left alone. « Sans objet » is not empty: `conclusion-contradicts-findings` reports it where the data contradicts it. The other sections (commentaires, bonnes pratiques, enquêtes de satisfaction) may be empty.",
            example: "conclusion.points_forts: [conclusion-section-empty] warning: the points forts section is empty but the audit has 10 PF observations",
            example_fr: "conclusion.points_forts\u{a0}: [conclusion-section-empty] avertissement\u{a0}: la section des points forts est vide mais l'audit compte 10 observations PF",
            fix: "Write the section from the findings (or, for a section with nothing to say, « Sans objet. »).",
        }
        RemoteChannelNotChecked = "remote-channel-not-checked", Warning {
            description: "The remote audit checks no engagement on one of its three channels (Internet, Téléphone, Courriels).",
            details: "Reported only for an audit with at least one remote check: nothing public says that every audit has a remote audit, so an audit without any is left alone; a remote audit that skipped a channel is what this reports.",
            example: "remote_checks: [remote-channel-not-checked] warning: the remote audit checks no engagement on the courriels channel",
            example_fr: "remote_checks\u{a0}: [remote-channel-not-checked] avertissement\u{a0}: l'audit à distance ne contrôle aucun engagement sur le canal Courriels",
            fix: "Add the remote checks of that channel to `remote_checks`.",
        }
        CharteGraphiqueNotAssessed = "charte-graphique-not-assessed", Warning {
            description: "A suivi or renouvellement audit (internal or not) does not assess the charte graphique: no verdict, or a text saying « Non applicable en audit initial ».",
            details: "The charte graphique is assessed from the first suivi on, once the label is granted. A warning, not an error: it is an omission, not a contradiction, and the charte does not enter the decision, so scores and the decision are still computed (`ValidationOptions` can make it an error). An `NA` verdict with another justification is left to the auditor. Extension audits are not checked.",
            example: "conclusion.charte_graphique.verdict: [charte-graphique-not-assessed] warning: the charte graphique has no verdict in a suivi audit, where it is assessed",
            example_fr: "conclusion.charte_graphique.verdict\u{a0}: [charte-graphique-not-assessed] avertissement\u{a0}: la charte graphique n'a pas de verdict dans un audit de suivi, où elle est évaluée",
            fix: "Assess the charte graphique: set `conclusion.charte_graphique.verdict` and write what was seen.",
        }
        FicheStatusBeforeAudit = "fiche-status-before-audit", Error {
            description: "A fiche d'écart's action is recorded as lifted or checked on a day before the audit that found the nonconformity started.",
            example: "ecarts[0].status.on: [fiche-status-before-audit] error: the fiche d'écart for engagement 17 is lifted on 2019-01-01, before the audit started on 2020-02-18",
            example_fr: "ecarts[0].status.on\u{a0}: [fiche-status-before-audit] erreur\u{a0}: la fiche d'écart de l'engagement 17 est levée le 01/01/2019, avant le début de l'audit le 18/02/2020",
            fix: "Correct `status.on`: the day the action was found effective (lifted) or checked (not lifted).",
        }
        FicheLiftedWithoutEvidence = "fiche-lifted-without-evidence", Warning {
            description: "A fiche d'écart is recorded as lifted without saying what showed the action effective.",
            example: "ecarts[0].status.evidence: [fiche-lifted-without-evidence] warning: the fiche d'écart for engagement 17 is lifted without evidence",
            example_fr: "ecarts[0].status.evidence\u{a0}: [fiche-lifted-without-evidence] avertissement\u{a0}: la fiche d'écart de l'engagement 17 est levée sans preuve",
            fix: "Say in `status.evidence` what showed the action effective: a document, a check, the next audit.",
        }
        UnreadValue = "unread-value", Warning {
            description: "A text of the source that an import could not read into its field (an unknown verdict, a date that is not a date, a value the crate does not know, a row it could not file) is kept in `unread`, as written.",
            details: "The text import keeps there every value it reports as not read, so that nothing of the report is lost; the field it was meant for is unset or guessed meanwhile. A warning: the field's own rules report what its absence breaks (an unknown verdict leaves the engagement without verdict, an error), and `ValidationOptions` can make it an error.",
            example: "unread[0]: [unread-value] warning: ecarts[0].due: the text \"fin mars\" was not read (line 185 of the source)",
            example_fr: "unread[0]\u{a0}: [unread-value] avertissement\u{a0}: ecarts[0].due\u{a0}: le texte «\u{a0}fin mars\u{a0}» n'a pas été lu (ligne 185 de la source)",
            fix: "Set the field from the text (`ecarts[0].due`), then remove the entry from `unread`.",
        }
        UnreadAssessment = "unread-assessment", Error {
            description: "A text of the source that an import met and did not file could carry an assessment: a verdict (`C`, `NA`, `NC min`, `NC Maj`, in any spelling the readers accept), an observation (`PF`, `PS`, `PP`) or a remote check's note; or it is a second verdict for an engagement that has one.",
            details: "An assessment that was not filed may change the outcome: an `NC Maj` left out of the audit would leave an avis favorable. So such a text is an error, whatever reader met it (text import, workbook, CSV grid) and wherever it stood (a row out of place, a line inside the conclusion, a copy sheet, a comment column): the audit gets no conclusions, plan nor report until the text is filed in its field or removed. A second verdict for one engagement names both places, the one filed (`conflicts_with`) and the one not: neither wins. What could carry an assessment is what `Carried::find` reads in it: a cell (cut at tabs, `|` and runs of spaces) that is a verdict, starts with an observation's code, or is a remote note. Other unread texts are `unread-value` warnings.",
            example: "unread[0]: [unread-assessment] error: assessments[4].verdict: the text \"NC Maj\" (line 120 of the source) could carry a verdict (NC Maj) and was not filed; it competes with the value filed at line 80",
            example_fr: "unread[0]\u{a0}: [unread-assessment] erreur\u{a0}: assessments[4].verdict\u{a0}: le texte «\u{a0}NC Maj\u{a0}» (ligne 120 de la source) pourrait porter un verdict (NC Maj) et n'a pas été classé\u{202f}; il entre en concurrence avec la valeur déjà classée («\u{a0}line 80\u{a0}»)",
            fix: "File the value where it belongs (the engagement's verdict, an observation of its assessment) or delete it from the source if it is a mistake, then remove the entry from `unread`. For two verdicts of one engagement, keep the right one.",
        }
        NaWithConformingRemoteCheck = "na-with-conforming-remote-check", Warning {
            description: "An engagement is `NA` on site while one of its remote checks is `Conforme`: the remote check found that the engagement applies.",
            details: "`remote-check-contradicts-verdict` leaves an on-site `NA` alone; this code reports a remote check that found the engagement applicable and met. A remote check `Non conforme` of an `NA` engagement is not reported.",
            example: "remote_checks[2].note: [na-with-conforming-remote-check] warning: engagement 10 is NA on site but its internet remote check is Conforme",
            example_fr: "remote_checks[2].note\u{a0}: [na-with-conforming-remote-check] avertissement\u{a0}: l'engagement 10 est NA sur place mais son contrôle à distance (Internet) est noté «\u{a0}Conforme\u{a0}»",
            fix: "Give the engagement the verdict the remote check supports, or say in its `comment` why it does not apply on site; or correct the note.",
        }
        PsRepeatsNonconformity = "ps-repeats-nonconformity", Warning {
            description: "A point sensible of an engagement or management item that is a nonconformity repeats the finding of its fiche d'écart (the same text, case and spacing aside): one fact recorded twice, with a corrective and a preventive action.",
            details: "Only the same fact is reported: an engagement may hold a nonconformity on one aspect and a point sensible on another, so a `PS` with another text on an engagement that is an `NC` is left alone.",
            example: "assessments[16].observations[1].text: [ps-repeats-nonconformity] warning: observation 2 (PS) of engagement 17 repeats the finding of its fiche d'écart (NC min): one fact, recorded both as a nonconformity and as a point sensible",
            example_fr: "assessments[16].observations[1].text\u{a0}: [ps-repeats-nonconformity] avertissement\u{a0}: l'observation 2 (PS) de l'engagement 17 reprend le constat de sa fiche d'écart (NC min)\u{a0}: un même fait est relevé à la fois comme non-conformité et comme point sensible",
            fix: "Keep the fact as the nonconformity and remove the point sensible, or rewrite the point sensible to say what else is at risk.",
        }
        DuplicateFicheNumber = "duplicate-fiche-number", Error {
            description: "Two fiches d'écart have the same `number`.",
            details: "Every fiche whose number another fiche has is reported, naming the others in order, so that the diagnostics do not depend on the order of the fiches.",
            example: "ecarts[1].number: [duplicate-fiche-number] error: the fiche d'écart for engagement 9 has number 1, as has the fiche d'écart for engagement 17",
            example_fr: "ecarts[1].number\u{a0}: [duplicate-fiche-number] erreur\u{a0}: la fiche d'écart de l'engagement 9 porte le numéro 1, comme la fiche d'écart de l'engagement 17",
            fix: "Number the fiches as the report does (« Fiche d'écart n°1 », n°2…).",
        }
        ExternalOnInExternalAudit = "external-on-in-external-audit", Warning {
            description: "An external audit gives `kind.external_on`, the planned date of the external audit that an internal audit precedes.",
            example: "kind.external_on: [external-on-in-external-audit] warning: the audit is external but gives the date of an external audit it precedes (2020-02-18), which only an internal audit has",
            example_fr: "kind.external_on\u{a0}: [external-on-in-external-audit] avertissement\u{a0}: l'audit est externe mais indique la date d'un audit externe qu'il précède (18/02/2020), ce que seul un audit interne fait",
            fix: "Remove `kind.external_on`, or set `kind.internal` if the audit is an internal one.",
        }
        ExternalOnBeforeAuditEnd = "external-on-before-audit-end", Warning {
            description: "An internal audit's planned external audit (`kind.external_on`) is before the internal audit's last day.",
            example: "kind.external_on: [external-on-before-audit-end] warning: the external audit is planned on 2019-11-10, before the internal audit's end on 2019-11-18",
            example_fr: "kind.external_on\u{a0}: [external-on-before-audit-end] avertissement\u{a0}: l'audit externe est prévu le 10/11/2019, avant la fin de l'audit interne le 18/11/2019",
            fix: "Correct `kind.external_on` or the audit's dates.",
        }
        LabellingBeforeAuditEnd = "labelling-before-audit-end", Warning {
            description: "The labelling decision (`labelling.decided_on`) is dated before the audit's last day.",
            example: "labelling.decided_on: [labelling-before-audit-end] warning: the labelling decision is dated 2019-11-01, before the audit's end on 2019-11-18",
            example_fr: "labelling.decided_on\u{a0}: [labelling-before-audit-end] avertissement\u{a0}: la décision de labellisation est datée du 01/11/2019, avant la fin de l'audit le 18/11/2019",
            fix: "Correct `labelling.decided_on`: the certification body decides after the audit.",
        }
        PlanAcceptedBeforeDecision = "plan-accepted-before-decision", Warning {
            description: "The plan d'actions is recorded as accepted (`labelling.plan_accepted_on`) before the labelling decision.",
            example: "labelling.plan_accepted_on: [plan-accepted-before-decision] warning: the plan d'actions is accepted on 2020-03-01, before the labelling decision of 2020-04-01",
            example_fr: "labelling.plan_accepted_on\u{a0}: [plan-accepted-before-decision] avertissement\u{a0}: le plan d'actions est accepté le 01/03/2020, avant la décision de labellisation du 01/04/2020",
            fix: "Correct `labelling.plan_accepted_on` or `labelling.decided_on`.",
        }
        PlanAcceptedWithoutConditions = "plan-accepted-without-conditions", Warning {
            description: "A plan d'actions is recorded as accepted (`labelling.plan_accepted_on`) for an audit whose outcome is not favourable with conditions: it has no nonconformity, or it has a major one.",
            details: "The outcome is read from the verdicts of the engagements and management items as the default decision policy reads them (any `NC Maj`: unfavourable; else any `NC min`: favourable with conditions; else favourable): validation knows no policy, so a policy that makes many minor nonconformities unfavourable is not taken into account.",
            example: "labelling.plan_accepted_on: [plan-accepted-without-conditions] warning: a plan d'actions is accepted on 2020-03-20 but the audit's outcome is not favourable with conditions: it has no nonconformity",
            example_fr: "labelling.plan_accepted_on\u{a0}: [plan-accepted-without-conditions] avertissement\u{a0}: un plan d'actions est accepté le 20/03/2020 mais l'avis de l'audit n'est pas favorable sous réserve\u{a0}: il ne compte aucune non-conformité",
            fix: "Remove `labelling.plan_accepted_on`, or correct the verdicts.",
        }
        ConclusionPraisesMajorNonconformity = "conclusion-praises-major-nonconformity", Warning {
            description: "A paragraph of the conclusion générale praises the site (« très bon niveau », « excellent », « maîtrisé ») while the audit holds a major nonconformity (`NC Maj`).",
            details: "The words are read as words, in any case, with or without the accent of `î` and `è` (`maitrisé`, `tres bon niveau`) and with their agreements (`excellente`, `maîtrisées`); the noun « maîtrise » is no praise, and a praise denied by one of the three words before it (`pas`, `non`, `peu`, `mal`, `jamais`, `plus`, `insuffisamment`, `partiellement`) is left alone. One diagnostic per paragraph, quoting its first praise as written. The text is the auditor's: the warning asks for a second reading.",
            example: "conclusion.conclusion_generale[0]: [conclusion-praises-major-nonconformity] warning: the conclusion générale says \"maîtrisé\" but the audit has 1 major nonconformity (NC Maj)",
            example_fr: "conclusion.conclusion_generale[0]\u{a0}: [conclusion-praises-major-nonconformity] avertissement\u{a0}: la conclusion générale parle de «\u{a0}maîtrisé\u{a0}» alors que l'audit compte 1 non-conformité majeure (NC Maj)",
            fix: "Reread the conclusion générale against the findings, and say what the major nonconformity means for the label.",
        }
    }
}
