//! The whole pipeline, measured in one run so that ratios hold: parsing, the engine (validate,
//! score, decide, synthesize), rendering, the text import, and a streamed batch of audits.
//!
//! Rendering is measured twice: `render_*` builds the report's document model and writes it
//! (as `render_markdown` and the like do); `report/*` builds the model once (`report/build`) and
//! each writer formats that shared model (`report/markdown`, `report/html`, `report/text`,
//! `report/docx`), as [`Report`] does for a program that writes several formats.
//!
//! ```text
//! cargo bench --bench pipeline --features docx
//! ```
//!
//! `docs/performance.md` records the figures and the machine.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qualepref::report::Report;
#[cfg(feature = "docx")]
use qualepref::report::docx::render_docx;
use qualepref::report::text::render_text;
use qualepref::validate::ValidationOptions;
use qualepref::{
    Audit, Language, Outcome, Policy, Referentiel, Valid, Verdict, conclude, import_report,
    render_html, render_markdown, samples,
};

struct Data {
    toulon: Audit,
    full_ref: Referentiel,
    full: Audit,
    full_json: String,
}

fn data() -> Data {
    let toulon = Audit::from_json_str(samples::TOULON_2019_JSON).expect("toulon");
    let full_ref = synthetic::synthetic_referentiel().expect("synthetic référentiel");
    let full = synthetic::synthetic_audit(&full_ref).expect("synthetic audit");
    let full_json = full.to_json_string().expect("json");
    Data {
        toulon,
        full_ref,
        full,
        full_json,
    }
}

fn engine_once(audit: &Audit, referentiel: &Referentiel) -> Outcome {
    let valid = Valid::new(audit, referentiel, &ValidationOptions::default()).expect("valid");
    conclude(&valid, &Policy::default(), Language::Fr).outcome
}

fn pipeline(c: &mut Criterion) {
    let d = data();
    let embedded = Referentiel::qual_e_pref_2019();

    let mut group = c.benchmark_group("parse_json");
    group.bench_function("toulon", |b| {
        b.iter(|| Audit::from_json_str(black_box(samples::TOULON_2019_JSON)));
    });
    group.bench_function("full", |b| {
        b.iter(|| Audit::from_json_str(black_box(&d.full_json)));
    });
    group.finish();

    let mut group = c.benchmark_group("engine");
    group.bench_function("toulon", |b| {
        b.iter(|| engine_once(black_box(&d.toulon), embedded));
    });
    group.bench_function("full", |b| {
        b.iter(|| engine_once(black_box(&d.full), &d.full_ref));
    });
    group.finish();

    let valid = Valid::new(&d.toulon, embedded, &ValidationOptions::default()).expect("valid");
    let conclusions = conclude(&valid, &Policy::default(), Language::Fr);
    let mut group = c.benchmark_group("render_markdown");
    group.bench_function("toulon", |b| {
        b.iter(|| render_markdown(black_box(&valid), &conclusions));
    });
    group.finish();

    let mut group = c.benchmark_group("render_html");
    group.bench_function("toulon", |b| {
        b.iter(|| render_html(black_box(&valid), &conclusions));
    });
    group.finish();

    let mut group = c.benchmark_group("render_text");
    group.bench_function("toulon", |b| {
        b.iter(|| render_text(black_box(&valid), &conclusions));
    });
    group.finish();

    #[cfg(feature = "docx")]
    {
        let mut group = c.benchmark_group("render_docx");
        group.bench_function("toulon", |b| {
            b.iter(|| render_docx(black_box(&valid), &conclusions));
        });
        group.finish();
    }

    let mut group = c.benchmark_group("report");
    group.bench_function("build", |b| {
        b.iter(|| Report::new(black_box(&valid), &conclusions));
    });
    let report = Report::new(&valid, &conclusions);
    group.bench_function("markdown", |b| b.iter(|| black_box(&report).markdown()));
    group.bench_function("html", |b| b.iter(|| black_box(&report).html()));
    group.bench_function("text", |b| b.iter(|| black_box(&report).text()));
    #[cfg(feature = "docx")]
    group.bench_function("docx", |b| b.iter(|| black_box(&report).docx()));
    group.finish();

    let mut group = c.benchmark_group("import_text");
    group.throughput(Throughput::Bytes(samples::TOULON_2019_REPORT.len() as u64));
    group.bench_function("toulon", |b| {
        b.iter(|| import_report(black_box(samples::TOULON_2019_REPORT)));
    });
    group.finish();
}

/// Sixteen distinct audits (the Toulon audit with one more engagement `NA` each), as JSON
/// texts: a batch cycles through them, parsing, validating and concluding each, then dropping
/// it, so memory does not grow with the batch.
fn batch_inputs() -> Vec<String> {
    (0..16)
        .map(|i| {
            let mut audit = Audit::from_json_str(samples::TOULON_2019_JSON).expect("toulon");
            for a in audit.assessments.iter_mut().take(i) {
                a.verdict = Some(Verdict::NotApplicable);
                a.comment = Some("Sans objet sur ce site.".to_owned());
            }
            audit.to_json_string().expect("json")
        })
        .collect()
}

fn engine_batch(c: &mut Criterion) {
    let inputs = batch_inputs();
    let embedded = Referentiel::qual_e_pref_2019();
    let mut group = c.benchmark_group("engine_batch");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    for size in [1_000_u64, 10_000] {
        group.throughput(Throughput::Elements(size));
        group.bench_with_input(BenchmarkId::from_parameter(size), &size, |b, &size| {
            b.iter(|| {
                let mut favourable = 0_u64;
                for text in inputs.iter().cycle().take(size as usize) {
                    let audit = Audit::from_json_str(text).expect("audit");
                    if engine_once(&audit, embedded) == Outcome::Favorable {
                        favourable += 1;
                    }
                }
                black_box(favourable)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline, engine_batch);
criterion_main!(benches);
