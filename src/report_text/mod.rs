//! The text form of audit reports: [`import_report_text`] reads an audit from the text export
//! of its report (the text of the report's PDF, such as
//! `tests/fixtures/rapport-audit-toulon-2019.txt`), and [`render_report_text`] writes an audit
//! back in that form. Reader and writer share one vocabulary of headings and labels: the writer
//! prints each in the export's spelling; the reader recognises it in any case, with or without
//! accents, punctuation and spacing.
//!
//! ```
//! use qualepref::report_text::{import_report, render_report_text};
//! use qualepref::{samples, Audit, Referentiel};
//!
//! let imported = import_report(samples::TOULON_2019_REPORT)?;
//! assert_eq!(imported.audit(), &Audit::from_json_str(samples::TOULON_2019_JSON)?);
//! assert!(imported.unexplained_lines().is_empty());
//!
//! let text = render_report_text(imported.audit(), Referentiel::qual_e_pref_2019());
//! assert_eq!(import_report(&text)?.audit(), imported.audit());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The layout
//!
//! A report is lines of text; the cells of a table row are separated by tabs. In order:
//!
//! - **The title page**: `RAPPORT D'AUDIT`, the site's name (`PREFECTURE du Var`), city and
//!   département (`TOULON - 83`), the audit type (`initial`), then `Référentiel :\tname`,
//!   `Dates de début d'audit :\tdd/mm/yyyy`, `Dates de fin d'audit :\tdd/mm/yyyy`, and for each
//!   lead auditor `Votre role : name`, `Ligne directe : …`, `Adresse électronique : …`; the
//!   table of contents (`SOMMAIRE DU RAPPORT D'EVALUATION` and entries `- 1. PAGE DE GARDE**`).
//!   The title page is checked against the page de garde, and fills what the page de garde
//!   lacks.
//! - **`1. PAGE DE GARDE`**: a row `LABEL\tvalue` per field. `TYPE D'ADMINISTRATION`,
//!   `MODULES COUVERTS PAR LE LABEL`, `AUDIT INTERNE <i>Réalisé en amont d'un audit :</i>` and
//!   `TYPE D'AUDIT` hold checkboxes `<input checked="" type="checkbox"/> Label`;
//!   `DEPARTEMENT`, `VILLE`, `REFERENTIEL` and `DATE(S) DE L'AUDIT` (`Du dd/mm/yyyy au
//!   dd/mm/yyyy`) hold text, and `DATE PRÉVUE DE L'AUDIT EXTERNE` (`dd/mm/yyyy`) the planned
//!   date of the external audit an internal audit precedes. The auditors' table follows its column headers `NOM
//!   AUDITEUR\t\tDATE ET SIGNATURE DE L'AUDITEUR`: `Auditeur(s)\tname\tdd/mm/yyyy`, then
//!   `\tname\tdd/mm/yyyy` for each other auditor.
//! - **`2. CONTEXTE`**: « Contexte de l'organisme audité », then « Présentation et historique
//!   de la démarche du site audité », a paragraph a line. The context figures (habitants,
//!   communes, arrondissements, agents) are read from the first section's prose.
//! - **`3. SYNTHÈSE DE L'ÉVALUATION`**: the legend of the codes (`C : Conforme **NA** : Non
//!   applicable` …); a heading `MODULE M - TITLE` per module (`MODULE M - OBLIGATOIRE : TITLE`
//!   for an obligatory one), channel-group headings
//!   (`ACCUEIL PHYSIQUE`), and a row `Module M N. Title\tComment and observations\tVerdict` per
//!   engagement; the management sections `PILOTAGE DE LA POLITIQUE QUALITE` and `DEMARCHE DE
//!   LABELLISATION`, a row `N. Title\tComment and observations\tVerdict` per item; the
//!   remote-audit sections `AUDIT A DISTANCE : Internet` (`Téléphone (standard, SVI, SART)`,
//!   `Courriels`), with headings `MODULE M : TITLE` and a row `Module M N. Title\tNote :
//!   Conforme PF : …` per engagement checked. In a comment cell, observations start at their
//!   markers `PF :`, `PS :`, `PP :`, and an engagement's or management item's evidence at
//!   `Éléments de preuve :` (what the auditor consulted, whom they met; in any case, with or
//!   without accents, in the singular or the plural); the text before the first marker is the
//!   comment.
//! - **`4. SYNTHÈSE DE L'ÉVALUATION ET CONCLUSION GÉNÉRALE DE L'AUDIT`**: the sections of
//!   [`ConclusionSection`], headed `❖ POINTS FORTS` … `❖ RESPECT DE LA CHARTE GRAPHIQUE`, then
//!   `CONCLUSION GENERALE DE L'AUDIT`, a paragraph a line.
//!
//! Headings of modules, channel groups, management sections and remote-audit channels are
//! layout that steers the reading; the rows they head say their own module and number.
//!
//! # What the export does not show
//!
//! A point sensible's risk follows its text: `PS : text Risque : risk`. A fiche d'écart is a
//! paragraph of section « FICHE(S) D'ECART(S) » that names an engagement (`Module 1 engagement
//! 17`, `engagement 17`, `Engagement n°17`) or a management item (`PILOTAGE DE LA POLITIQUE
//! QUALITE point 5`), after its number when the report gives one (`Fiche d'écart n°1 —
//! Module 1 engagement 17`, or the heading `FICHE D'ÉCART N° 1` on the line above it; `n°`,
//! `nº`, `no`, `numéro` or `#`, in any case, `'` or `’`), optionally followed by lines `Constat
//! : …`, `Exigence : …`, `Cause : …` (`Causes`, `Cause racine`, `Analyse des causes`), `Action
//! corrective : …`, `Échéance : dd/mm/yyyy`, `Pilote : …` (who leads the action), `Réponse de
//! l'audité : …` (`Réponse du site audité`, `Réponse`…: the audited site's answer), `État : …`
//! (`ouvert`, `en cours`, `levé le dd/mm/yyyy`, `non levé le dd/mm/yyyy`; absent when open)
//! and, after a state `levé` or `non levé`, `Preuve : …` or `Motif : …`. A numbered heading
//! that no fiche follows stays a paragraph of the section. A state not
//! understood, or `levé` without its date, is reported and the fiche stays open. Its grade is the one the paragraph states
//! (`NC min`, `NC Maj`, « mineure », « majeure »), else the engagement's verdict; its finding
//! is the `Constat` line, else the paragraph itself. The charte graphique's verdict is a line
//! `Conformité : C`, else `NA` when its text says « non applicable ». A paragraph read as a
//! fiche d'écart goes to `ecarts` only; the other paragraphs of the section (« Absence de
//! non-conformité majeure ou mineure. ») stay in `conclusion.fiches_ecart`, verbatim. A fiche
//! on a row that is no nonconformity is imported and reported
//! ([`ImportCode::FicheRowNotNonconformity`]), naming its line: validation refuses it. The
//! writer prints a fiche as `Fiche d'écart n°1 — Module M engagement N — NC min` (without its
//! number when it has none) followed by its lines.
//!
//! # What the reader tolerates
//!
//! Headings and labels in any case, with or without accents and punctuation; verdicts in any
//! case and spacing (`c`, `N A`, `nc MIN`, `NC  Maj`), and a verdict in another column after a
//! page break; observation markers written `PF :` or `PF:` (several per cell); CRLF line
//! endings, a byte-order mark, accents in NFC or NFD form (combining sequences of the French
//! letters are composed with a small table), stray spaces around cells, markers and codes, and
//! non-breaking spaces (U+00A0, U+202F, U+2007, read as spaces everywhere); the debris of page
//! breaks: table rules (`--\t--`), repeated column headers (`Engagements de
//! service\tCommentaires\tConformité`), page headers (`<small>Liberté • Égalité •
//! Fraternité</small> …`), and a row's comment, verdict, note or observations continued on the
//! next line (its first cell empty, or starting with `PF :`, `PS :`, `PP :`, or `Note :` under
//! a remote check).
//!
//! # No assessment lost
//!
//! A text that could carry an assessment — what [`Carried::find`](crate::Carried::find) reads
//! as a verdict, an observation or a remote note: a cell cut at tabs, `|` or runs of spaces,
//! `PS : …`, a row `Module 1 5. … NC Maj` — is filed in its place or kept in
//! [`Audit::unread`](crate::Audit::unread) with its line and reported
//! ([`ImportCode::AssessmentNotFiled`]); validation then refuses the audit
//! (`unread-assessment`) until it is filed or removed. In particular:
//!
//! - the cover, the context and the paragraphs of part 4 hold no assessment: a line there that
//!   could carry one is not read as their text (a name, a city, a paragraph). The charte
//!   graphique's « Non applicable » is the exception: its verdict is read from it. « Sans
//!   objet » is no verdict. A paragraph of part 4 outside the fiches' section shaped as a
//!   fiche's heading with its grade (`Module 1 engagement 5 — NC Maj`) stays a paragraph, and
//!   its grade is kept in `unread` besides;
//! - a line read as layout (a heading, a page header, the table of contents, template text)
//!   that also holds a verdict or an observation's code is not layout alone; the legend is read
//!   whole, as the template prints it;
//! - a row files one verdict, and a remote check one note: a second value (in the comment cell,
//!   on the line under the row, a second row of the same number) is kept with the line of the
//!   one filed (`conflicts_with`), never taken instead of it nor dropped; a verdict where a
//!   remote check has its note keeps the row whole; a comment or an observation whose text
//!   could carry an assessment is kept too.
//!
//! # Every line accounted for
//!
//! The reader makes one pass over the lines, and accounts for every one: each non-blank line is
//! either used for a field ([`LineRole::Field`]), recognised as layout ([`LineRole::Layout`]:
//! headings, table rules, repeated column headers, page headers, the legend, template text), or
//! reported in the diagnostics ([`LineRole::Reported`], with an [`ImportDiagnostic`]) and kept
//! in [`Audit::unread`](crate::Audit::unread) with its line (whole, or the part not read), for
//! the field or the part of the audit it stood in. A heading with text beside it (another cell,
//! `MODULE 1 :\tvoir annexe`, or parentheses part 4's template does not print, `❖ POINTS FORTS
//! (voir annexe 3)`) steers the reading, and its text is reported
//! ([`ImportCode::TextBesideHeading`]) and kept. Nothing is dropped silently:
//! [`Imported::unexplained_lines`] lists the reported lines without diagnostic and
//! [`Imported::unkept_lines`] those without `unread` entry; both are empty by construction.
//!
//! # Round trip
//!
//! Rendering then importing gives the same audit when: the modules are listed in increasing
//! order, texts hold no tab nor line break, a comment or an evidence holds no marker (`PF :`,
//! `Éléments de preuve :`), the context figures are stated in its prose, every auditor with a
//! phone or e-mail has a role, the audit's `unread` list is empty (the writer does not write
//! those texts back: they are resolved in the audit, as validation's `unread-value` asks), and
//! it records no labelling decision ([`Audit::labelling`](crate::Audit::labelling): the
//! certification body decides after the audit, and its report does not hold it).
//!
//! # Diagnostics in French and in English
//!
//! Every [`ImportDiagnostic`] has its French text (`message`, and its `Display`: `ligne 51 :
//! [figure-from-prose] info : …`, typeset) and its English text
//! ([`ImportDiagnostic::message_in`], [`ImportDiagnostic::to_string_in`]), from one phrase
//! table per language; the report's values are quoted verbatim in both. The errors of the
//! import ([`Error::NotAReport`](crate::Error::NotAReport),
//! [`Error::TruncatedReport`](crate::Error::TruncatedReport)) are in English, as every error.
//!
//! # What is not read
//!
//! A value the import cannot read into its field (a verdict that is not a code, a date that is
//! not dd/mm/yyyy with a year from 2000 to 2100 — `18/11/19` is not guessed —, an
//! administration type, département, module or audit type the crate does not know, a fiche
//! d'écart's state), a row it cannot file (an engagement numbered 0, a management row or a
//! remote check outside its section, a second row of the same number) and a line it does not
//! understand are reported, then kept as written in [`Audit::unread`](crate::Audit::unread)
//! with their field and line, so that nothing of the report is lost and validation reports
//! them (`unread-value`, or `unread-assessment` for a text that could carry an assessment).

pub(crate) mod diagnostics;
mod phrases;
pub(crate) mod read;
mod sections;
mod vocabulary;
pub(crate) mod write;

pub use diagnostics::{ImportCode, ImportDiagnostic, ImportLevel};
pub use read::{
    ConclusionSection, Imported, LineRole, ReportField, ReportLayout, import_report,
    import_report_path, import_report_text,
};
pub use write::render_report_text;
