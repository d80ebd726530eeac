//! Part 2, the context: the paragraphs of « Contexte de l'organisme audité », then those of
//! « Présentation et historique de la démarche du site audité », one line each.

use super::super::vocabulary::{CONTEXT_HISTORY, CONTEXT_ORGANISATION};
use super::{LineRole, Parser, Part, ReportField, ReportLayout};

impl Parser<'_> {
    pub(super) fn context_line(&mut self, n: usize, t: &str, history: bool) -> LineRole {
        if CONTEXT_ORGANISATION.matches_text(t) {
            self.part = Part::Context { history: false };
            return LineRole::Layout(ReportLayout::Heading);
        }
        if CONTEXT_HISTORY.matches_text(t) {
            self.part = Part::Context { history: true };
            return LineRole::Layout(ReportLayout::Heading);
        }
        if history {
            self.context.history.push(t.to_owned());
            LineRole::Field(ReportField::ContextHistory)
        } else {
            self.context.organisation.push(t.to_owned());
            self.organisation_lines.push(n);
            LineRole::Field(ReportField::ContextOrganisation)
        }
    }
}
