//! Validation benchmarks beside parsing of the same audits, so that the ratio validate/parse
//! reads from one run: the Toulon audit (2 modules, 23 engagements) against the embedded
//! référentiel, and the synthetic audit (8 modules, 80 engagements) against the synthetic
//! complete référentiel.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use criterion::{Criterion, criterion_group, criterion_main};
use qualepref::{Audit, Referentiel, ValidationOptions, samples, validate};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let toulon = Audit::from_json_str(samples::TOULON_2019_JSON).unwrap();
    let embedded = Referentiel::qual_e_pref_2019();
    let full_referentiel = synthetic::synthetic_referentiel().unwrap();
    let full = synthetic::synthetic_audit(&full_referentiel).unwrap();
    let full_json = full.to_json_string().unwrap();
    let options = ValidationOptions::default();

    let mut group = c.benchmark_group("validate");
    group.bench_function("toulon", |b| {
        b.iter(|| validate(black_box(&toulon), embedded, &options));
    });
    group.bench_function("full", |b| {
        b.iter(|| validate(black_box(&full), &full_referentiel, &options));
    });
    group.finish();

    let mut group = c.benchmark_group("parse_json");
    group.bench_function("toulon", |b| {
        b.iter(|| Audit::from_json_str(black_box(samples::TOULON_2019_JSON)));
    });
    group.bench_function("full", |b| {
        b.iter(|| Audit::from_json_str(black_box(&full_json)));
    });
    group.finish();
}

criterion_group!(validation, benches);
criterion_main!(validation);
