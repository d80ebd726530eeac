//! Loading benchmarks: the Toulon audit and the embedded référentiel from their JSON form.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use qualepref::{Audit, Referentiel, samples};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::Bytes(samples::TOULON_2019_JSON.len() as u64));
    group.bench_function("audit_json/toulon", |b| {
        b.iter(|| Audit::from_json_str(black_box(samples::TOULON_2019_JSON)));
    });
    group.bench_function("referentiel_json/qual-e-pref-2019", |b| {
        b.iter(|| Referentiel::from_json_str(black_box(Referentiel::qual_e_pref_2019_json())));
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
