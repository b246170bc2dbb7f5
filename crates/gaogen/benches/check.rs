//! `cargo bench -p gaogen --bench check`: checking one report in process, comparing two years,
//! rendering an example, and the `gaogen check` binary over a directory of 10,000 reports
//! generated from the fixtures.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
        .collect();
    files.sort();
    files
}

fn one_report(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    for path in fixtures() {
        let bytes = std::fs::read(&path).expect("readable");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(format!("parse+check/{name}"), |b| {
            b.iter(|| {
                let report = gaogen_grammar::parse_bytes(&bytes).expect("decodes");
                gaogen_model::check::check(&report)
            })
        });
    }
    group.finish();
}

/// 10,000 reports: the fixtures copied round-robin into a temporary directory.
fn directory(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let sources = fixtures();
    for i in 0..10_000 {
        let src = &sources[i % sources.len()];
        let ext = src.extension().and_then(|e| e.to_str()).unwrap_or("txt");
        std::fs::copy(src, dir.path().join(format!("r{i:05}.{ext}"))).expect("copy");
    }
    let mut group = c.benchmark_group("check");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(40));
    group.bench_function("directory_10000", |b| {
        b.iter(|| {
            let out = Command::new(env!("CARGO_BIN_EXE_gaogen"))
                .args(["check", "--summary", "csv"])
                .arg(dir.path())
                .output()
                .expect("gaogen runs");
            assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), 10_001);
        })
    });
    group.finish();
}

/// Two years of one agency: reading both and comparing them.
fn pair(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/published");
    let old = std::fs::read(dir.join("township_2023.txt")).expect("example");
    let new = std::fs::read(dir.join("township_2024.txt")).expect("example");
    let mut group = c.benchmark_group("diff");
    group.bench_function("parse_both+diff/township", |b| {
        b.iter(|| {
            let (o, n) = (
                gaogen_grammar::parse_bytes(&old).expect("decodes"),
                gaogen_grammar::parse_bytes(&new).expect("decodes"),
            );
            gaogen_model::diff::diff(&o, &n, gaogen_model::diff::DiffOptions::default())
        })
    });
    let (o, n) = (
        gaogen_grammar::parse_bytes(&old).expect("decodes"),
        gaogen_grammar::parse_bytes(&new).expect("decodes"),
    );
    group.bench_function("diff_only/township", |b| {
        b.iter(|| gaogen_model::diff::diff(&o, &n, gaogen_model::diff::DiffOptions::default()))
    });
    group.finish();
}

/// report.toml → checked report → each output format.
fn render(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/county_bureau.toml");
    let source = std::fs::read_to_string(path).expect("example");
    let mut group = c.benchmark_group("render");
    for (name, format) in [
        ("md", gaogen_model::author::OutputFormat::Markdown),
        ("txt", gaogen_model::author::OutputFormat::Text),
        ("html", gaogen_model::author::OutputFormat::Html),
    ] {
        group.bench_function(format!("toml+check+render/{name}"), |b| {
            b.iter(|| {
                let input = gaogen_model::author::parse_toml(&source).expect("valid example");
                let (report, errors) = gaogen_model::author::to_report(&input, &source);
                assert!(errors.is_empty());
                let diagnostics = gaogen_model::check::check(&report);
                (
                    diagnostics,
                    gaogen_model::author::render(
                        &gaogen_model::author::view(&report, None, None),
                        format,
                    ),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, one_report, pair, render, directory);
criterion_main!(benches);
