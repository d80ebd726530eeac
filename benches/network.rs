//! The network view over a generated archive of 120 sites (the 101 préfectures and 19
//! sous-préfectures of `tests/support/archive.rs`) and 1 000 and 10 000 audit files against the
//! synthetic 8-module référentiel, beside parsing the same files alone:
//!
//! - `parse/N`: read and parse every file, one after the other (`Audit::from_path`);
//! - `parse_parallel/N`: the same on every core (rayon), as the network reads them;
//! - `network/N`: `Network::from_paths` on the archive's folder: walk, read and parse each file
//!   on every core, group the audits into sites, build each site's dossier (validate, conclude,
//!   ledger, status, plan) on every core, then the summary.
//!
//! After criterion's groups, the same three are timed again, interleaved (median of 7 runs
//! each), and the ratios of the network to parsing printed: the figures of one run, under
//! the same load.
//!
//! ```sh
//! cargo bench --features network --bench network
//! ```

#[path = "../tests/support/archive.rs"]
mod archive;
#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion};
use rayon::prelude::*;

use qualepref::network::{Network, NetworkOptions};
use qualepref::{Audit, NaiveDate, Referentiel};

const SITES: usize = 120;
const SIZES: [usize; 2] = [1_000, 10_000];

/// The archive of `audits` audits, written once under the temporary folder.
fn archive_dir(referentiel: &Referentiel, audits: usize) -> (PathBuf, Vec<PathBuf>, u64) {
    let dir = std::env::temp_dir().join(format!("qualepref-bench-network-{audits}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let generated = archive::archive(referentiel, SITES, audits);
    let files = archive::write(&dir, &generated).unwrap();
    let bytes = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    (dir, files, bytes)
}

fn parse_all(files: &[PathBuf]) -> usize {
    files
        .iter()
        .map(|f| Audit::from_path(f).map_or(0, |a| a.assessments.len()))
        .sum()
}

fn parse_all_parallel(files: &[PathBuf]) -> usize {
    files
        .par_iter()
        .map(|f| Audit::from_path(f).map_or(0, |a| a.assessments.len()))
        .sum()
}

fn network(dir: &Path, referentiel: &Referentiel, options: &NetworkOptions) -> Network {
    Network::from_paths([dir], referentiel, options).unwrap()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let referentiel = synthetic::synthetic_referentiel().unwrap();
    let at = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let options = NetworkOptions::new(at);
    let archives: Vec<(usize, PathBuf, Vec<PathBuf>, u64)> = SIZES
        .iter()
        .map(|&n| {
            let (dir, files, bytes) = archive_dir(&referentiel, n);
            (n, dir, files, bytes)
        })
        .collect();
    // Every generated audit is valid: the network takes them all.
    for (n, dir, _, _) in &archives {
        let net = network(dir, &referentiel, &options);
        assert_eq!(net.files.taken as usize, *n, "{:?}", net.problems.first());
        assert_eq!(net.sites.len(), SITES);
    }

    let mut c = Criterion::default()
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    let mut group = c.benchmark_group("network");
    for (n, dir, files, _) in &archives {
        group.bench_with_input(BenchmarkId::new("parse", n), files, |b, files| {
            b.iter(|| black_box(parse_all(files)));
        });
        group.bench_with_input(BenchmarkId::new("parse_parallel", n), files, |b, files| {
            b.iter(|| black_box(parse_all_parallel(files)));
        });
        group.bench_with_input(BenchmarkId::new("network", n), dir, |b, dir| {
            b.iter(|| black_box(network(dir, &referentiel, &options)));
        });
    }
    group.finish();
    c.final_summary();

    // The ratios, measured together: each run of the three, one after the other, seven times.
    println!(
        "\nratios ({} cores for rayon; median of 7 interleaved runs):",
        rayon::current_num_threads()
    );
    for (n, dir, files, bytes) in &archives {
        let (mut parse, mut parallel, mut net) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..7 {
            let t = Instant::now();
            black_box(parse_all(files));
            parse.push(t.elapsed());
            let t = Instant::now();
            black_box(parse_all_parallel(files));
            parallel.push(t.elapsed());
            let t = Instant::now();
            black_box(network(dir, &referentiel, &options));
            net.push(t.elapsed());
        }
        let (parse, parallel, net) = (median(parse), median(parallel), median(net));
        println!(
            "{n} audits ({:.1} MB): parse {:.1} ms, parse on every core {:.1} ms, network {:.1} ms; \
             network / parse {:.2}, network / parse on every core {:.2}",
            f64::from(u32::try_from(*bytes).unwrap_or(u32::MAX)) / 1e6,
            parse.as_secs_f64() * 1e3,
            parallel.as_secs_f64() * 1e3,
            net.as_secs_f64() * 1e3,
            net.as_secs_f64() / parse.as_secs_f64(),
            net.as_secs_f64() / parallel.as_secs_f64(),
        );
    }
    for (_, dir, _, _) in &archives {
        let _ = std::fs::remove_dir_all(dir);
    }
}
