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
            fix: "Validate against the référentiel the audit names, or correct `referentiel.id`.",
        }
        UnknownDepartement = "unknown-departement", Warning {
            description: "The site's département code is well-formed but not an existing département (malformed codes are already refused when parsing).",
            example: "site.departement: [unknown-departement] warning: département code 96 is not an existing département",
            fix: "Correct `site.departement` (`01`–`95`, `2A`, `2B`, `971`–`978`, `986`–`988`).",
        }
        DatesReversed = "dates-reversed", Error {
            description: "The audit ends before it starts.",
            example: "dates.end: [dates-reversed] error: the audit ends on 2019-11-17, before its start on 2019-11-18",
            fix: "Swap or correct `dates.start` and `dates.end`.",
        }
        AuditBeforeReferentiel = "audit-before-referentiel", Error {
            description: "The audit starts before the référentiel's publication date.",
            example: "dates.start: [audit-before-referentiel] error: the audit starts on 2018-01-15, before the référentiel qual-e-pref-2019 dated 2018-12-19",
            fix: "Correct the dates, or validate against the référentiel in force at the time.",
        }
        ExternalAuditWithoutType = "external-audit-without-type", Error {
            description: "An external audit does not state its type.",
            example: "kind.type: [external-audit-without-type] error: the external audit does not state its type (initial, suivi, renouvellement or extension)",
            fix: "Set `kind.type`.",
        }
        InternalAuditWithoutType = "internal-audit-without-type", Warning {
            description: "An internal audit does not state which external audit it precedes.",
            example: "kind.type: [internal-audit-without-type] warning: the internal audit does not state which external audit it precedes (initial, suivi, renouvellement or extension)",
            fix: "Set `kind.type` to the type of the external audit ahead of which it is run.",
        }
        NoAuditor = "no-auditor", Error {
            description: "No auditor is named.",
            example: "auditors: [no-auditor] error: no auditor is named",
            fix: "Add the auditors to `auditors`, lead auditor first.",
        }
        AuditorWithoutName = "auditor-without-name", Error {
            description: "An auditor's name is empty.",
            example: "auditors[0].name: [auditor-without-name] error: auditor 1 has an empty name",
            fix: "Fill in the name, or remove the entry.",
        }
        ObligatoryModuleNotCovered = "obligatory-module-not-covered", Error {
            description: "A module that the référentiel marks as obligatory (module 1 in Qual-e-pref) is not covered.",
            example: "modules: [obligatory-module-not-covered] error: module 1 (Relation générale avec les usagers) is obligatory but not covered",
            fix: "Add the module to `modules` and assess its engagements.",
        }
        DuplicateModule = "duplicate-module", Warning {
            description: "A module is listed more than once in `modules`.",
            example: "modules[2]: [duplicate-module] warning: module 2 is listed 2 times",
            fix: "Remove the repeated entry.",
        }
        UnknownModule = "unknown-module", Error {
            description: "A covered module is not a module of the référentiel.",
            example: "modules[1]: [unknown-module] error: module 5 is covered but the référentiel marianne has no module 5",
            fix: "Remove the module from `modules`, or validate against the right référentiel.",
        }
        ModuleNotBundled = "module-not-bundled", Error {
            description: "A covered module's engagements are not bundled in the référentiel (modules 3–8 of the embedded Qual-e-pref 2019), so its assessments cannot be checked.",
            example: "modules[2]: [module-not-bundled] error: module 3 is covered but the référentiel qual-e-pref-2019 does not bundle its engagements; load a complete référentiel (e.g. with Referentiel::from_path) to validate it",
            fix: "Load a complete référentiel with `Referentiel::from_path` and validate against it.",
        }
        PoliceModuleWrongAdministration = "police-module-wrong-administration", Warning {
            description: "Module 8 (polices exercées par la préfecture de police de Paris) is covered by a site that is not the préfecture de police.",
            example: "modules[2]: [police-module-wrong-administration] warning: module 8 is covered by a site of type prefecture; it is meant for the préfecture de police only",
            fix: "Remove module 8, or correct `site.administration`.",
        }
        ModuleNotCovered = "module-not-covered", Error {
            description: "An engagement is assessed but its module is not covered.",
            example: "assessments[20].engagement: [module-not-covered] error: engagement 21 is assessed but its module 2 is not covered",
            fix: "Add the module to `modules`, or remove the assessment.",
        }
        UnknownEngagement = "unknown-engagement", Error {
            description: "An assessment names an engagement that the référentiel does not have.",
            details: "Not reported for an assessment filed under a covered module whose engagements the référentiel does not bundle: `module-not-bundled` already says so, once. The same holds for `remote-check-unknown-engagement`.",
            example: "assessments[3].engagement: [unknown-engagement] error: engagement 99 is not in the référentiel qual-e-pref-2019",
            fix: "Correct the engagement number, or validate against the right référentiel.",
        }
        WrongModule = "wrong-module", Error {
            description: "An assessment or a remote check is filed under another module than the référentiel's module of its engagement.",
            example: "assessments[20].module: [wrong-module] error: engagement 21 is filed under module 1 but belongs to module 2",
            fix: "Correct its `module`.",
        }
        MissingAssessment = "missing-assessment", Error {
            description: "An engagement of a covered, bundled module has no assessment.",
            example: "assessments: [missing-assessment] error: engagement 5 of module 1 is not assessed",
            fix: "Add an assessment of the engagement to `assessments`.",
        }
        DuplicateAssessment = "duplicate-assessment", Error {
            description: "An engagement is assessed more than once.",
            example: "assessments[5]: [duplicate-assessment] error: engagement 5 is assessed 2 times",
            fix: "Merge the assessments into one.",
        }
        MissingVerdict = "missing-verdict", Error {
            description: "An engagement or a management item is assessed without a verdict.",
            example: "assessments[4].verdict: [missing-verdict] error: engagement 5 has no verdict",
            fix: "Set the `verdict` (`C`, `NA`, `NC min` or `NC Maj`).",
        }
        NaWithoutJustification = "na-without-justification", Warning {
            description: "An `NA` verdict has no justification in its `comment`.",
            example: "assessments[4].comment: [na-without-justification] warning: engagement 5 is NA without a justification",
            fix: "Say in `comment` why the engagement does not apply to the site.",
        }
        EmptyObservation = "empty-observation", Error {
            description: "An observation (`PF`, `PS`, `PP`) has an empty text.",
            example: "assessments[16].observations[0].text: [empty-observation] error: observation 1 (PP) of engagement 17 has an empty text",
            fix: "Write the observation's text, or remove it.",
        }
        PsWithoutRisk = "ps-without-risk", Warning {
            description: "A point sensible does not state its associated risk.",
            example: "assessments[16].observations[0].risk: [ps-without-risk] warning: observation 1 (PS) of engagement 17 does not state its risk",
            fix: "Fill in the observation's `risk`.",
        }
        MissingManagementItem = "missing-management-item", Error {
            description: "A management item of the référentiel is not assessed.",
            example: "management: [missing-management-item] error: management item pilotage 5 (Comité des usagers) is not assessed",
            fix: "Add its assessment to `management`.",
        }
        DuplicateManagementItem = "duplicate-management-item", Error {
            description: "A management item is assessed more than once.",
            example: "management[5]: [duplicate-management-item] error: management item pilotage 5 is assessed 2 times",
            fix: "Merge the assessments into one.",
        }
        UnknownManagementItem = "unknown-management-item", Error {
            description: "A management assessment names an item that the référentiel does not have.",
            example: "management[7].item: [unknown-management-item] error: management item pilotage 9 is not in the référentiel qual-e-pref-2019",
            fix: "Correct the section or item number.",
        }
        RemoteCheckModuleNotCovered = "remote-check-module-not-covered", Error {
            description: "A remote check is about an engagement whose module is not covered.",
            example: "remote_checks[0].engagement: [remote-check-module-not-covered] error: engagement 21 is checked remotely (internet) but its module 2 is not covered",
            fix: "Add the module to `modules`, or remove the remote check.",
        }
        RemoteCheckUnknownEngagement = "remote-check-unknown-engagement", Error {
            description: "A remote check names an engagement that the référentiel does not have.",
            example: "remote_checks[0].engagement: [remote-check-unknown-engagement] error: engagement 99 is checked remotely (internet) but is not in the référentiel qual-e-pref-2019",
            fix: "Correct the engagement number.",
        }
        RemoteCheckWithoutNote = "remote-check-without-note", Warning {
            description: "A remote check has no note.",
            example: "remote_checks[0].note: [remote-check-without-note] warning: the internet remote check of engagement 1 has no note",
            fix: "Set its `note` (`Conforme`, `Non conforme` or `Non applicable`).",
        }
        RemoteCheckContradictsVerdict = "remote-check-contradicts-verdict", Warning {
            description: "A remote check's note contradicts the on-site verdict: `Non conforme` while on site `C`, or `Conforme` while on site a nonconformity.",
            example: "remote_checks[0].note: [remote-check-contradicts-verdict] warning: the internet remote check of engagement 1 is Non conforme but its on-site verdict is C",
            fix: "Reconcile the note and the verdict, or explain the difference in the observations.",
        }
        DuplicateRemoteCheck = "duplicate-remote-check", Warning {
            description: "An engagement is checked more than once on the same remote channel.",
            example: "remote_checks[1]: [duplicate-remote-check] warning: engagement 1 is checked 2 times on the internet channel",
            fix: "Merge the remote checks into one.",
        }
        NonconformityWithoutFiche = "nonconformity-without-fiche", Error {
            description: "A nonconformity (`NC min` or `NC Maj`, on an engagement or a management item) has no fiche d'écart.",
            example: "assessments[16].verdict: [nonconformity-without-fiche] error: engagement 17 is NC min but has no fiche d'écart",
            fix: "Add a fiche d'écart for it to `ecarts`.",
        }
        FicheWithoutNonconformity = "fiche-without-nonconformity", Error {
            description: "A fiche d'écart targets an engagement or a management item that has no nonconformity.",
            example: "ecarts[0].target: [fiche-without-nonconformity] error: the fiche d'écart for engagement 5 records no nonconformity: its verdict is C",
            fix: "Correct the fiche's target or the verdict, or remove the fiche.",
        }
        FicheGradeMismatch = "fiche-grade-mismatch", Error {
            description: "A fiche d'écart's grade differs from the verdict of its target.",
            example: "ecarts[0].grade: [fiche-grade-mismatch] error: the fiche d'écart for engagement 17 is graded NC Maj but the verdict is NC min",
            fix: "Make the grade and the verdict agree.",
        }
        DuplicateFiche = "duplicate-fiche", Error {
            description: "Several fiches d'écart target the same engagement or management item.",
            example: "ecarts[1]: [duplicate-fiche] error: engagement 17 has 2 fiches d'écart",
            fix: "Merge the fiches into one.",
        }
        FicheEmptyFinding = "fiche-empty-finding", Error {
            description: "A fiche d'écart has an empty finding (« constat »).",
            example: "ecarts[0].finding: [fiche-empty-finding] error: the fiche d'écart for engagement 17 has an empty finding",
            fix: "Write what the auditor found.",
        }
        FicheDueBeforeAuditEnd = "fiche-due-before-audit-end", Warning {
            description: "A fiche d'écart's corrective action is due before the audit's last day.",
            example: "ecarts[0].due: [fiche-due-before-audit-end] warning: the fiche d'écart for engagement 17 is due on 2019-10-01, before the audit's end on 2019-11-18",
            fix: "Correct the due date.",
        }
        CharteGraphiqueInInitialAudit = "charte-graphique-in-initial-audit", Error {
            description: "The charte graphique is given a verdict other than `NA` in an initial audit, where it does not apply.",
            example: "conclusion.charte_graphique.verdict: [charte-graphique-in-initial-audit] error: the charte graphique is assessed C in an initial audit, where it is not applicable",
            fix: "Set its verdict to `NA`, or correct `kind.type`.",
        }
        ConclusionContradictsFindings = "conclusion-contradicts-findings", Warning {
            description: "A conclusion section contradicts the data: « Absence de non-conformité » or « Sans objet » under fiches d'écart while nonconformities exist, or « Sans objet » under points forts, points sensibles or pistes de progrès while such observations exist (compared ignoring case and accents).",
            details: "A fiches d'écart section that does not say « absence » while there is no nonconformity is fine: only contradictions are reported.",
            example: "conclusion.fiches_ecart[0]: [conclusion-contradicts-findings] warning: the section says \"Absence de non-conformité majeure ou mineure.\" but the audit has 1 nonconformity",
            fix: "Rewrite the section to match the findings.",
        }
        EngagementNumberingGap = "engagement-numbering-gap", Warning {
            description: "Référentiel: engagement numbers are not continuous (a number is skipped).",
            example: "engagements[20]: [engagement-numbering-gap] warning: engagement numbers jump from 20 to 24: 21 to 23 are missing",
            fix: "Number the engagements continuously, or add the missing ones.",
        }
        ModuleEngagementsNotContiguous = "module-engagements-not-contiguous", Warning {
            description: "Référentiel: a bundled module's engagements are interleaved with another module's.",
            example: "modules[1]: [module-engagements-not-contiguous] warning: the engagements of module 2 are not contiguous: engagement 22 of module 3 lies between 21 and 23",
            fix: "Renumber the engagements so that each module holds one run of numbers.",
        }
        NoObligatoryModule = "no-obligatory-module", Info {
            description: "Référentiel: no module is marked as obligatory.",
            example: "modules: [no-obligatory-module] info: no module of the référentiel marianne is obligatory",
            fix: "Mark the module every site must cover as `obligatory`, if there is one.",
        }
        UnsupportedFormat = "unsupported-format", Error {
            description: "The référentiel file's `format` tag is not a supported format.",
            example: "format: [unsupported-format] error: format \"qualepref-referentiel/2\" is not supported (expected \"qualepref-referentiel/1\")",
            fix: "Write `qualepref-referentiel/1`, or leave `format` out.",
        }
        EmptyReferentielField = "empty-referentiel-field", Error {
            description: "The référentiel file gives an empty `id`, `name` or `title` for the référentiel.",
            example: "id: [empty-referentiel-field] error: the référentiel's id is empty",
            fix: "Fill in the field.",
        }
        RevisedBeforeDate = "revised-before-date", Error {
            description: "The référentiel file dates its revision before its publication.",
            example: "revised: [revised-before-date] error: revision date 2018-02-04 is before the référentiel's date 2018-12-19",
            fix: "Correct `date` or `revised`.",
        }
        NoModule = "no-module", Error {
            description: "The référentiel file lists no module.",
            example: "modules: [no-module] error: the référentiel has no module",
            fix: "List the référentiel's modules in `modules`.",
        }
        DuplicateModuleNumber = "duplicate-module-number", Error {
            description: "The référentiel file lists two modules with the same number.",
            example: "modules[1].number: [duplicate-module-number] error: module 1 is listed twice",
            fix: "Renumber or remove the repeated module.",
        }
        EmptyTitle = "empty-title", Error {
            description: "The référentiel file gives a module, channel group, engagement or management item an empty title.",
            example: "engagements[4].title: [empty-title] error: engagement 5 has an empty title",
            fix: "Write its exact title, as the référentiel prints it.",
        }
        EmptyGroupId = "empty-group-id", Error {
            description: "The référentiel file gives a channel group an empty id.",
            example: "modules[0].groups[1].id: [empty-group-id] error: module 1: group 2 has an empty id",
            fix: "Give the group a stable id, e.g. `accueil-physique`.",
        }
        DuplicateGroup = "duplicate-group", Error {
            description: "The référentiel file lists two channel groups of a module with the same id.",
            example: "modules[0].groups[2].id: [duplicate-group] error: module 1: group \"telephone\" is listed twice",
            fix: "Rename or remove the repeated group.",
        }
        BundledModuleWithoutEngagements = "bundled-module-without-engagements", Error {
            description: "The référentiel file marks a module as bundled but lists none of its engagements.",
            example: "modules[1].bundled: [bundled-module-without-engagements] error: module 2 is marked as bundled but lists no engagement",
            fix: "Add the module's engagements, or mark it `\"bundled\": false`.",
        }
        DuplicateEngagementNumber = "duplicate-engagement-number", Error {
            description: "The référentiel file lists two engagements with the same number.",
            example: "engagements[1].number: [duplicate-engagement-number] error: engagement 1 is listed twice",
            fix: "Renumber or remove the repeated engagement.",
        }
        EngagementInUnknownModule = "engagement-in-unknown-module", Error {
            description: "The référentiel file puts an engagement in a module that it does not list.",
            example: "engagements[2].module: [engagement-in-unknown-module] error: engagement 3 belongs to module 4, which the référentiel does not list",
            fix: "Correct the engagement's `module`, or add the module to `modules`.",
        }
        EngagementInNotBundledModule = "engagement-in-not-bundled-module", Error {
            description: "The référentiel file puts an engagement in a module marked as not bundled.",
            example: "engagements[3].module: [engagement-in-not-bundled-module] error: engagement 4 belongs to module 2, which is marked as not bundled",
            fix: "Mark the module `\"bundled\": true` and list all its engagements, or correct the engagement's `module`.",
        }
        UnknownGroup = "unknown-group", Error {
            description: "The référentiel file puts an engagement in a channel group that its module does not have.",
            example: "engagements[4].group: [unknown-group] error: engagement 5: group \"nulle-part\" is not a group of module 1",
            fix: "Correct the engagement's `group`, or add the group to its module's `groups`.",
        }
        ManagementItemZero = "management-item-zero", Error {
            description: "The référentiel file numbers a management item 0.",
            example: "management[0].item: [management-item-zero] error: management item 0 in section pilotage",
            fix: "Number the items of each section from 1.",
        }
        DuplicateManagementItemNumber = "duplicate-management-item-number", Error {
            description: "The référentiel file lists two management items with the same section and number.",
            example: "management[1].item: [duplicate-management-item-number] error: management item pilotage 1 is listed twice",
            fix: "Renumber or remove the repeated item.",
        }
        ImplausibleDate = "implausible-date", Error {
            description: "A date of the audit (its days, a signature, a fiche d'écart's due date or the day its action was checked) outside the years 2000 to 2100: a typing error such as 9999 or 12019.",
            example: "dates.end: [implausible-date] error: date 9999-11-18 is outside the years 2000 to 2100",
            fix: "Correct the year.",
        }
        SignatureBeforeAudit = "signature-before-audit", Warning {
            description: "An auditor signed the report before the audit started.",
            example: "auditors[0].signed_on: [signature-before-audit] warning: auditor 1 (Aurélie ROUMEGOUX) signed on 2019-11-17, before the audit started on 2019-11-18",
            fix: "Correct `signed_on` or the audit's dates.",
        }
        AuditTooLong = "audit-too-long", Warning {
            description: "The audit lasts more than 30 days; an audit of a site takes a few days.",
            example: "dates.end: [audit-too-long] warning: the audit lasts 62 days (2019-11-18 to 2020-01-18), more than 30",
            fix: "Correct `dates.start` or `dates.end`.",
        }
        DuplicateAuditor = "duplicate-auditor", Warning {
            description: "Two auditors with the same name (case and spacing aside).",
            example: "auditors[1].name: [duplicate-auditor] warning: auditor 2 (Aurélie Roumegoux) is auditor 1 again",
            fix: "Remove the repeated auditor, or merge the two entries.",
        }
        ControlCharacter = "control-character", Error {
            description: "A text of the audit (or of a référentiel file, which loading then refuses) holds a control character other than tab and a line break (line feed, or carriage return and line feed): ESC, a lone carriage return, a C1 control, which could drive a terminal when printed; the text import refuses the same characters.",
            example: "assessments[3].comment: [control-character] error: the text holds the control character U+001B at character 12; only tab and line breaks are allowed",
            fix: "Remove the character from the text.",
        }
        ConclusionSectionEmpty = "conclusion-section-empty", Warning {
            description: "A section of the auditor's section 4 is empty while the audit's data says it should not be: points forts, points sensibles or pistes de progrès while observations of that kind exist, fiches d'écart while nonconformities exist, or the conclusion générale.",
            details: "A section is empty when it has no paragraph with text. Reported only for an audit that carries the auditor's section 4 (at least one paragraph in one of its sections other than the charte graphique): an audit built in code or from the grid, without section 4, is left alone. « Sans objet » is not empty: `conclusion-contradicts-findings` reports it where the data contradicts it. The other sections (commentaires, bonnes pratiques, enquêtes de satisfaction) may be empty.",
            example: "conclusion.points_forts: [conclusion-section-empty] warning: the points forts section is empty but the audit has 10 PF observations",
            fix: "Write the section from the findings (or, for a section with nothing to say, « Sans objet. »).",
        }
        RemoteChannelNotChecked = "remote-channel-not-checked", Warning {
            description: "The remote audit checks no engagement on one of its three channels (Internet, Téléphone, Courriels).",
            details: "Reported only for an audit with at least one remote check: nothing public says that every audit has a remote audit, so an audit without any is left alone; a remote audit that skipped a channel is what this reports.",
            example: "remote_checks: [remote-channel-not-checked] warning: the remote audit checks no engagement on the courriels channel",
            fix: "Add the remote checks of that channel to `remote_checks`.",
        }
        CharteGraphiqueNotAssessed = "charte-graphique-not-assessed", Warning {
            description: "A suivi or renouvellement audit (internal or not) does not assess the charte graphique: no verdict, or a text saying « Non applicable en audit initial ».",
            details: "The charte graphique is assessed from the first suivi on, once the label is granted. A warning, not an error: it is an omission, not a contradiction, and the charte does not enter the decision, so scores and the decision are still computed (`ValidationOptions` can make it an error). An `NA` verdict with another justification is left to the auditor. Extension audits are not checked.",
            example: "conclusion.charte_graphique.verdict: [charte-graphique-not-assessed] warning: the charte graphique has no verdict in a suivi audit, where it is assessed",
            fix: "Assess the charte graphique: set `conclusion.charte_graphique.verdict` and write what was seen.",
        }
        FicheStatusBeforeAudit = "fiche-status-before-audit", Error {
            description: "A fiche d'écart's action is recorded as lifted or checked on a day before the audit that found the nonconformity started.",
            example: "ecarts[0].status.on: [fiche-status-before-audit] error: the fiche d'écart for engagement 17 is lifted on 2019-01-01, before the audit started on 2020-02-18",
            fix: "Correct `status.on`: the day the action was found effective (lifted) or checked (not lifted).",
        }
        FicheLiftedWithoutEvidence = "fiche-lifted-without-evidence", Warning {
            description: "A fiche d'écart is recorded as lifted without saying what showed the action effective.",
            example: "ecarts[0].status.evidence: [fiche-lifted-without-evidence] warning: the fiche d'écart for engagement 17 is lifted without evidence",
            fix: "Say in `status.evidence` what showed the action effective: a document, a check, the next audit.",
        }
        UnreadValue = "unread-value", Warning {
            description: "A text of the source that an import could not read into its field (an unknown verdict, a date that is not a date, a value the crate does not know, a row it could not file) is kept in `unread`, as written.",
            details: "The text import keeps there every value it reports as not read, so that nothing of the report is lost; the field it was meant for is unset or guessed meanwhile. A warning: the field's own rules report what its absence breaks (an unknown verdict leaves the engagement without verdict, an error), and `ValidationOptions` can make it an error.",
            example: "unread[0]: [unread-value] warning: ecarts[0].due: the text \"fin mars\" was not read (line 185 of the source)",
            fix: "Set the field from the text (`ecarts[0].due`), then remove the entry from `unread`.",
        }
        UnreadAssessment = "unread-assessment", Error {
            description: "A text of the source that an import met and did not file could carry an assessment: a verdict (`C`, `NA`, `NC min`, `NC Maj`, in any spelling the readers accept), an observation (`PF`, `PS`, `PP`) or a remote check's note; or it is a second verdict for an engagement that has one.",
            details: "An assessment that was not filed may change the outcome: an `NC Maj` left out of the audit would leave an avis favorable. So such a text is an error, whatever reader met it (text import, workbook, CSV grid) and wherever it stood (a row out of place, a line inside the conclusion, a copy sheet, a comment column): the audit gets no conclusions, plan nor report until the text is filed in its field or removed. A second verdict for one engagement names both places, the one filed (`conflicts_with`) and the one not: neither wins. What could carry an assessment is what `Carried::find` reads in it: a cell (cut at tabs, `|` and runs of spaces) that is a verdict, starts with an observation's code, or is a remote note. Other unread texts are `unread-value` warnings.",
            example: "unread[0]: [unread-assessment] error: assessments[4].verdict: the text \"NC Maj\" (line 120 of the source) could carry a verdict (NC Maj) and was not filed; it competes with the value filed at line 80",
            fix: "File the value where it belongs (the engagement's verdict, an observation of its assessment) or delete it from the source if it is a mistake, then remove the entry from `unread`. For two verdicts of one engagement, keep the right one.",
        }
    }
}
