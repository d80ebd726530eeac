//! The JSON audit loader, then validation of whatever it accepts, then the engine and the
//! renderers on it, with every validation rule lowered to a warning so that any audit that loads
//! reaches them: no input may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualepref::{
    Audit, RuleCode, Language, ValidationOptions, Policy, Referentiel, Severity, Valid, conclude, render_html,
    render_markdown, validate,
};

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
    }
});
