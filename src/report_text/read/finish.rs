//! The end of the reading: what an audit cannot do without (département, city, administration
//! type, dates), the title page checked against the page de garde, the auditors merged, the
//! rows checked against the modules covered and the référentiel, the charte graphique's
//! verdict and the context figures read from its prose, then the [`Imported`] result.

use super::cells::figure_before;
use super::conclusion::charte_inferred;
use super::cover::administration_from_name;
use super::{ImportCode, Imported, Parser, not_a_report};
use crate::report_text::phrases::Figure;
use crate::text::key;
use crate::{
    AdministrationType, Audit, AuditDates, AuditKind, Auditor, ContextFigures, Departement,
    EngagementNumber, Error, ModuleNumber, ReferentielRef, Site,
};

impl Parser<'_> {
    pub(super) fn finish(mut self, line_count: usize) -> Result<Imported, Error> {
        let seen_any_part = self.seen_part.iter().any(|s| *s);
        let seen_cover = self.departement.is_some()
            || self.city.is_some()
            || self.dates.is_some()
            || self.title_site.is_some();
        let reached_3 = self.seen_part.get(2).copied().unwrap_or(false)
            || self.seen_part.get(3).copied().unwrap_or(false)
            || !self.assessments.is_empty();
        if !reached_3 {
            if !(self.seen_title || seen_any_part || seen_cover) {
                return Err(not_a_report("no title, page de garde nor section 3 found"));
            }
            return Err(Error::TruncatedReport {
                lines: line_count,
                missing: "section 3 (synthèse de l'évaluation)",
            });
        }

        let (departement, city) = self.site_place()?;
        let administration = self.administration()?;
        let dates = self.audit_dates()?;
        let kind = self.audit_kind();
        let auditors = self.merge_auditors();
        let modules = self.covered_modules();
        self.check_rows(&modules);
        if !self.seen_part.get(3).copied().unwrap_or(false) {
            self.diag(None, ImportCode::MissingSection, |p| {
                p.part4_missing.to_owned()
            });
        }
        self.charte_verdict();
        self.figures();

        let roles = std::mem::take(&mut self.roles);
        self.diags.sort_by_key(|d| d.line.unwrap_or(usize::MAX));
        self.unread.sort_by_key(|u| u.line);

        let audit = Audit {
            referentiel: ReferentielRef {
                id: self.r.id().to_owned(),
                label: self.label,
            },
            site: Site {
                administration,
                name: self.site_name,
                departement,
                city,
            },
            kind,
            dates,
            auditors,
            modules,
            context: self.context,
            assessments: self.assessments,
            management: self.management,
            remote_checks: self.remote_checks,
            ecarts: self.ecarts,
            conclusion: self.conclusion,
            labelling: None,
            unread: self.unread,
        };
        Ok(Imported {
            audit,
            diagnostics: self.diags,
            lines: roles,
        })
    }

    pub(super) fn site_place(&mut self) -> Result<(Departement, String), Error> {
        let title = self.title_site.take();
        let departement = match (self.departement.take(), &title) {
            (Some((d, line)), Some((_, td, _))) => {
                if *td != d {
                    self.diag(Some(line), ImportCode::TitlePageDiffers, |p| {
                        (p.departement_differs)(&d, td)
                    });
                }
                d
            }
            (Some((d, _)), None) => d,
            (None, Some((_, td, tl))) => {
                self.diag(Some(*tl), ImportCode::FromTitlePage, |p| {
                    (p.departement_from_title)(td)
                });
                td.clone()
            }
            (None, None) => return Err(not_a_report("the page de garde gives no département")),
        };
        let city = match (self.city.take(), &title) {
            (Some((c, line)), Some((tc, _, _))) => {
                if key(tc) != key(&c) {
                    self.diag(Some(line), ImportCode::TitlePageDiffers, |p| {
                        (p.city_differs)(&c, tc)
                    });
                }
                c
            }
            (Some((c, _)), None) => c,
            (None, Some((tc, _, tl))) => {
                self.diag(Some(*tl), ImportCode::FromTitlePage, |p| {
                    (p.city_from_title)(tc)
                });
                tc.clone()
            }
            (None, None) => return Err(not_a_report("the page de garde gives no city")),
        };
        Ok((departement, city))
    }

    pub(super) fn administration(&mut self) -> Result<AdministrationType, Error> {
        if let Some(a) = self.administration {
            return Ok(a);
        }
        match self.site_name.as_deref().and_then(administration_from_name) {
            Some(a) => {
                self.diag(None, ImportCode::AdministrationGuessed, |p| {
                    (p.administration_guessed)(a)
                });
                Ok(a)
            }
            None => Err(not_a_report(
                "the page de garde gives no administration type",
            )),
        }
    }

    pub(super) fn audit_dates(&mut self) -> Result<AuditDates, Error> {
        let title_start = self.title_start;
        let title_end = self.title_end;
        match self.dates {
            Some((d, line)) => {
                for (start, ours, title) in
                    [(true, d.start, title_start), (false, d.end, title_end)]
                {
                    if let Some((td, _)) = title {
                        if td != ours {
                            self.diag(Some(line), ImportCode::TitlePageDiffers, |p| {
                                (p.date_differs)(start, ours, td)
                            });
                        }
                    }
                }
                Ok(d)
            }
            None => match (title_start, title_end) {
                (Some((start, line)), end) => {
                    let end = end.map_or(start, |e| e.0);
                    self.diag(Some(line), ImportCode::FromTitlePage, |p| {
                        p.dates_from_title.to_owned()
                    });
                    Ok(AuditDates { start, end })
                }
                (None, _) if self.date_problems.is_empty() => {
                    Err(not_a_report("the page de garde gives no audit dates"))
                }
                (None, _) => Err(not_a_report(&format!(
                    "the page de garde gives no audit dates it can read: {}",
                    self.date_problems.join("; ")
                ))),
            },
        }
    }

    pub(super) fn audit_kind(&mut self) -> AuditKind {
        let title = self.title_type;
        let (audit_type, internal) = match (self.internal_type, self.external_type) {
            (Some(t), _) => (Some(t), true),
            (None, Some(t)) => (Some(t), false),
            (None, None) => (title.map(|t| t.0), false),
        };
        match (audit_type, title) {
            (Some(t), Some((tt, line))) if t != tt => {
                self.diag(Some(line), ImportCode::TitlePageDiffers, |p| {
                    (p.audit_type_differs)(tt, t)
                });
            }
            (Some(t), Some((_, line)))
                if self.internal_type.is_none() && self.external_type.is_none() =>
            {
                self.diag(Some(line), ImportCode::FromTitlePage, |p| {
                    (p.audit_type_from_title)(t)
                });
            }
            (None, _) => self.diag(self.kind_line, ImportCode::AuditTypeMissing, |p| {
                p.audit_type_missing.to_owned()
            }),
            _ => {}
        }
        AuditKind {
            audit_type,
            internal,
            external_on: self.external_on,
        }
    }

    pub(super) fn merge_auditors(&mut self) -> Vec<Auditor> {
        let mut auditors = std::mem::take(&mut self.auditors);
        for lead in std::mem::take(&mut self.leads) {
            let found = auditors
                .iter_mut()
                .find(|a| key(&a.name) == key(&lead.name));
            if let Some(a) = found {
                a.role = Some(lead.role);
                a.phone = lead.phone;
                a.email = lead.email;
            } else {
                self.diag(Some(lead.line), ImportCode::AuditorFromTitlePage, |p| {
                    (p.auditor_from_title)(&lead.name)
                });
                auditors.push(Auditor {
                    name: lead.name,
                    role: Some(lead.role),
                    phone: lead.phone,
                    email: lead.email,
                    signed_on: None,
                });
            }
        }
        auditors
    }

    pub(super) fn covered_modules(&mut self) -> Vec<ModuleNumber> {
        if let Some(m) = self.modules.take() {
            return m;
        }
        let mut modules: Vec<ModuleNumber> = self.assessments.iter().map(|a| a.module).collect();
        modules.sort_unstable();
        modules.dedup();
        self.diag(None, ImportCode::ModulesGuessed, |p| {
            (p.modules_guessed)(&modules)
        });
        modules
    }

    pub(super) fn check_rows(&mut self, modules: &[ModuleNumber]) {
        let mut uncovered: Vec<(ModuleNumber, Vec<EngagementNumber>, usize)> = Vec::new();
        for (a, at) in self.assessments.iter().zip(&self.assessment_at) {
            let line = &at.row;
            if modules.contains(&a.module) {
                continue;
            }
            match uncovered.iter_mut().find(|u| u.0 == a.module) {
                Some(u) => u.1.push(a.engagement),
                None => uncovered.push((a.module, vec![a.engagement], *line)),
            }
        }
        for (m, engagements, line) in uncovered {
            self.diag(Some(line), ImportCode::ModuleNotCovered, |p| {
                (p.module_not_covered)(m, &engagements)
            });
        }
        let r = self.r;
        for &m in modules {
            for e in r.engagements_of(m) {
                if !self.assessments.iter().any(|a| a.engagement == e.number) {
                    self.diag(None, ImportCode::MissingRow, |p| {
                        (p.engagement_row_missing)(e.number, m, &e.title)
                    });
                }
            }
        }
        for item in r.management_items() {
            if !self.management.iter().any(|m| m.id() == item.id()) {
                self.diag(None, ImportCode::MissingRow, |p| {
                    (p.item_row_missing)(item.id(), &item.title)
                });
            }
        }
    }

    pub(super) fn charte_verdict(&mut self) {
        if self.charte_explicit.is_some() {
            return;
        }
        if let Some(v) = charte_inferred(&self.conclusion.charte_graphique.text) {
            self.conclusion.charte_graphique.verdict = Some(v);
            let line = self.charte_lines.first().copied();
            self.diag(line, ImportCode::CharteVerdictFromText, |p| {
                (p.charte_from_text)(v)
            });
        }
    }

    pub(super) fn figures(&mut self) {
        let mut figures = ContextFigures::default();
        let mut found = Vec::new();
        for (p, line) in self
            .context
            .organisation
            .iter()
            .zip(&self.organisation_lines)
        {
            if figures.population.is_none() {
                if let Some((v, text)) = figure_before(p, "habitants") {
                    figures.population = Some(v);
                    found.push((*line, Figure::Population, v, text));
                }
            }
            for (word, slot, figure) in [
                ("communes", &mut figures.communes, Figure::Communes),
                (
                    "arrondissements",
                    &mut figures.arrondissements,
                    Figure::Arrondissements,
                ),
                ("agents", &mut figures.staff, Figure::Staff),
            ] {
                if slot.is_none() {
                    if let Some((v, text)) = figure_before(p, word) {
                        if let Ok(v32) = u32::try_from(v) {
                            *slot = Some(v32);
                            found.push((*line, figure, v, text));
                        }
                    }
                }
            }
        }
        for (line, figure, v, text) in found {
            self.diag(Some(line), ImportCode::FigureFromProse, |p| {
                (p.figure_from_prose)(figure, v, &text)
            });
        }
        self.context.figures = figures;
    }
}
