//! The JSON audit loader, then validation of whatever it accepts, then the engine and the
//! renderers on it, with every validation rule lowered to a warning so that any audit that loads
//! reaches them; then the plan d'actions of that audit's dossier, and the history of the audit
//! beside the bundled Toulon audit and itself again: no input may panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use qualepref::history::{History, HistoryOptions};
use qualepref::dossier::{Dossier, DossierOptions};
use qualepref::plan::Plan;
use qualepref::{
    Audit, Language, Policy, Referentiel, RuleCode, Severity, Valid, ValidationOptions, conclude,
    render_html, render_markdown, samples, validate,
};

/// The bundled Toulon audit, read once.
fn toulon() -> &'static Audit {
    static TOULON: OnceLock<Audit> = OnceLock::new();
    TOULON.get_or_init(|| Audit::from_json_str(samples::TOULON_2019_JSON).expect("bundled audit"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(audit) = Audit::from_json_str(text) else {
        return;
    };
    let referentiel = Referentiel::qual_e_pref_2019();
    let report = validate(&audit, referentiel, &ValidationOptions::default());
    let _ = report.has_errors();
    let _ = audit.to_json_string();
    let permissive = RuleCode::ALL
        .iter()
        .fold(ValidationOptions::new(), |options, &code| options.with(code, Severity::Warning));
    if let Ok(valid) = Valid::new(&audit, referentiel, &permissive) {
        for language in [Language::Fr, Language::En] {
            let conclusions = conclude(&valid, &Policy::default(), language);
            let _ = conclusions.to_text();
            let _ = render_markdown(&valid, &conclusions);
            let _ = render_html(&valid, &conclusions);
        }
        let dossier = Dossier::new([audit.clone()], referentiel, &DossierOptions::default());
        let plan = Plan::build(&dossier, audit.dates.end);
        for language in [Language::Fr, Language::En] {
            let _ = plan.to_text(language);
            let _ = plan.to_markdown(language);
            let _ = plan.to_html(language);
            let _ = plan.to_csv(language);
        }
        let _ = plan.to_json_string();
    }
    let history = History::new(
        [toulon().clone(), audit.clone(), audit],
        referentiel,
        &HistoryOptions::default(),
    );
    let _ = history.status_at(toulon().dates.end);
    for language in [Language::Fr, Language::En] {
        let _ = history.to_text(language);
        let _ = history.to_markdown(language);
        let _ = history.to_html(language);
    }
    let _ = history.to_json_string();
});
