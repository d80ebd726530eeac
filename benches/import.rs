#![allow(missing_docs)]
//! Import benchmark: the Toulon report from its text form (target: at least 50 MB/s).
// criterion's macros generate undocumented functions.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use qualepref::{Referentiel, import_report_text, samples};
use std::hint::black_box;

fn import(c: &mut Criterion) {
    let referentiel = Referentiel::qual_e_pref_2019();
    let mut group = c.benchmark_group("import_text");
    group.throughput(Throughput::Bytes(samples::TOULON_2019_REPORT.len() as u64));
    group.bench_function("toulon", |b| {
        b.iter(|| import_report_text(black_box(samples::TOULON_2019_REPORT), referentiel));
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
