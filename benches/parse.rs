//! Throughput of the report reader.
//!
//! Run with `cargo bench -p gaogen-grammar` (about 1.5 minutes after the build). Groups:
//!
//! - `parse/<file name>`: `parse_bytes` (decode + read) on every file in `tests/fixtures/`,
//!   read at run time, sorted by name (`README.md` and expected-output files `*.json`, `*.snap`,
//!   `*.md` are skipped, and so is a file the reader refuses as input).
//! - `synthetic/…`: a ~2 MB text report built from a text fixture: its title, preamble and
//!   section 一, then its sections 二–四 (the table region) repeated, then sections 五–六. Reported
//!   as MB/s on one core (criterion runs one thread).
//! - `gb18030/…`: the same synthetic report encoded as GB18030 — decoding alone, and the whole
//!   `parse_bytes`.
//!
//! Throughput is set in bytes, so criterion prints MiB/s next to each time.

#![allow(clippy::disallowed_methods, clippy::print_stderr)] // a benchmark reads fixtures and reports

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Size the synthetic report grows to.
const SYNTHETIC_BYTES: usize = 2 * 1024 * 1024;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The fixture files, sorted by name, with their bytes.
fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = fixtures_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "note: {} not found; only the synthetic benchmarks run",
            dir.display()
        );
        return Vec::new();
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let skipped = name == "README.md"
                || name.starts_with('.')
                || [".json", ".snap", ".md"]
                    .iter()
                    .any(|ext| name.ends_with(ext));
            if skipped {
                return None;
            }
            let bytes = std::fs::read(e.path()).ok()?;
            match gaogen_grammar::parse_bytes(&bytes) {
                Ok(_) => Some((name, bytes)),
                Err(err) => {
                    eprintln!("note: skipping fixture {name}: {err}");
                    None
                }
            }
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// Used when no text fixture is there (a clone without `tests/fixtures`): a small report in the
/// official layout, written for this benchmark.
const FALLBACK_REPORT: &str = "\
示范县人民政府2024年政府信息公开工作年度报告
一、总体情况
2024年，示范县认真落实《条例》，做好政府信息公开工作。
二、主动公开政府信息情况
| 第二十条第（一）项 | | | |
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 3 | 0 | 8 |
| 第二十条第（五）项 | | | |
| 信息内容 | 本年处理决定数量 | | |
| 行政许可 | 9487 | | |
| 第二十条第（六）项 | | | |
| 信息内容 | 本年处理决定数量 | | |
| 行政处罚 | 2776 | | |
| 行政强制 | 84 | | |
| 第二十条第（八）项 | | | |
| 信息内容 | 本年收费金额（单位：万元） | | |
| 行政事业性收费 | 7545 | | |
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量\t95\t0\t0\t0\t0\t0\t95
二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0
（一）予以公开\t50\t0\t0\t0\t0\t0\t50
（七）总计\t95\t0\t0\t0\t0\t0\t95
四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0
四、政府信息公开行政复议、行政诉讼情况
1\t1\t0\t0\t2\t1\t0\t0\t0\t1\t2\t0\t1\t0\t3
五、存在的主要问题及改进情况
无。
六、其他需要报告的事项
无。
";

/// The text fixture the synthetic report is built from: `pdftotext_layout.txt` when present,
/// else the largest UTF-8 `.txt` fixture, else [`FALLBACK_REPORT`].
fn base_report(fixtures: &[(String, Vec<u8>)]) -> (String, String) {
    let text_fixtures = || {
        fixtures
            .iter()
            .filter(|(name, _)| name.ends_with(".txt"))
            .filter_map(|(name, bytes)| Some((name, std::str::from_utf8(bytes).ok()?)))
            .filter(|(_, text)| text.contains("二、") && text.contains("五、"))
    };
    text_fixtures()
        .find(|(name, _)| name.as_str() == "pdftotext_layout.txt")
        .or_else(|| text_fixtures().max_by_key(|(_, text)| text.len()))
        .map(|(name, text)| (name.clone(), text.to_string()))
        .unwrap_or_else(|| ("built-in".to_string(), FALLBACK_REPORT.to_string()))
}

/// A report of about [`SYNTHETIC_BYTES`]: the base report's lines before section 二, its lines
/// from section 二 up to section 五 repeated, then the rest. Line-based, so every line stays whole.
fn synthetic_report(base: &str) -> String {
    let lines: Vec<&str> = base.lines().collect();
    let heading = |prefix: &str| {
        lines.iter().position(|l| {
            let t = l.trim_start().trim_start_matches(['#', '*', ' ']);
            t.starts_with(prefix)
        })
    };
    let (start, end) = match (heading("二、主动公开"), heading("五、")) {
        (Some(s), Some(e)) if s < e => (s, e),
        _ => (0, lines.len()),
    };
    let join = |ls: &[&str]| {
        let mut s = ls.join("\n");
        s.push('\n');
        s
    };
    let head = join(&lines[..start]);
    let body = join(&lines[start..end]);
    let tail = join(&lines[end..]);
    let mut out = String::with_capacity(SYNTHETIC_BYTES + body.len() + head.len() + tail.len());
    out.push_str(&head);
    while out.len() + tail.len() < SYNTHETIC_BYTES {
        out.push_str(&body);
    }
    out.push_str(&tail);
    out
}

fn bench_fixtures(c: &mut Criterion) {
    let files = fixtures();
    let mut group = c.benchmark_group("parse");
    for (name, bytes) in &files {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, bytes| {
            b.iter(|| gaogen_grammar::parse_bytes(black_box(bytes)).expect("fixture reads"))
        });
    }
    group.finish();

    let (base_name, base) = base_report(&files);
    let synthetic = synthetic_report(&base);
    let report = gaogen_grammar::parse(&synthetic);
    eprintln!(
        "note: synthetic report from {base_name}: {} bytes, {} lines, {} findings",
        synthetic.len(),
        report.source.lines,
        report.findings.len()
    );

    let mut group = c.benchmark_group("synthetic");
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(8));
    group.throughput(Throughput::Bytes(synthetic.len() as u64));
    group.bench_function("parse_text_2mb", |b| {
        b.iter(|| gaogen_grammar::parse(black_box(&synthetic)))
    });
    group.bench_function("parse_bytes_utf8_2mb", |b| {
        b.iter(|| gaogen_grammar::parse_bytes(black_box(synthetic.as_bytes())).expect("reads"))
    });
    group.finish();

    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&synthetic);
    assert!(!unmappable, "GB18030 encodes every character");
    let gb = gb.into_owned();
    let mut group = c.benchmark_group("gb18030");
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(8));
    group.throughput(Throughput::Bytes(gb.len() as u64));
    group.bench_function("decode_2mb", |b| {
        b.iter(|| gaogen_grammar::decode(black_box(&gb)).expect("decodes"))
    });
    group.bench_function("parse_bytes_2mb", |b| {
        b.iter(|| gaogen_grammar::parse_bytes(black_box(&gb)).expect("reads"))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = bench_fixtures
}
criterion_main!(benches);
