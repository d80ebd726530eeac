//! Engine benchmarks beside parsing, so that one run gives the ratio engine / parse:
//! `engine/*` validates, scores, decides and synthesises a parsed audit ([`Valid::new`] then
//! [`conclude`]); `parse_json/*` reads the same audit from its JSON text.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use criterion::{Criterion, criterion_group, criterion_main};
use qualepref::validate::ValidationOptions;
use qualepref::{Audit, Language, Policy, Referentiel, Valid, conclude, samples};
use std::hint::black_box;

fn engine(c: &mut Criterion) {
    let toulon = Audit::from_json_str(samples::TOULON_2019_JSON).expect("toulon");
    let embedded = Referentiel::qual_e_pref_2019();
    let synthetic_ref = synthetic::synthetic_referentiel().expect("synthetic référentiel");
    let full = synthetic::synthetic_audit(&synthetic_ref).expect("synthetic audit");
    let full_json = full.to_json_string().expect("json");
    let options = ValidationOptions::default();
    let policy = Policy::default();

    let mut group = c.benchmark_group("engine");
    group.bench_function("toulon", |b| {
        b.iter(|| {
            let valid = Valid::new(black_box(&toulon), embedded, &options).expect("valid");
            black_box(conclude(&valid, &policy, Language::Fr).outcome)
        });
    });
    group.bench_function("full", |b| {
        b.iter(|| {
            let valid = Valid::new(black_box(&full), &synthetic_ref, &options).expect("valid");
            black_box(conclude(&valid, &policy, Language::Fr).outcome)
        });
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

criterion_group!(benches, engine);
criterion_main!(benches);
