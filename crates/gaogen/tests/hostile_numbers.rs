//! Hostile input, numbers (issue 9 items 1 and 6): values at the edge of what fits never wrap,
//! never panic; an out-of-range value in report.toml is an error.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example(name: &str) -> String {
    std::fs::read_to_string(root().join(name)).expect("example exists")
}

fn gaogen(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn huge_fees_diff_without_panic() {
    let dir = tempfile::tempdir().unwrap();
    let text = example("examples/published/township_2023.txt");
    let old = text.replace(
        "行政事业性收费\t12.5",
        "行政事业性收费\t-50000000000000000000000000000.5",
    );
    let new = text
        .replace("2023年政府信息公开", "2024年政府信息公开")
        .replace(
            "行政事业性收费\t12.5",
            "行政事业性收费\t50000000000000000000000000000.5",
        );
    std::fs::write(dir.path().join("old.txt"), old).unwrap();
    std::fs::write(dir.path().join("new.txt"), new).unwrap();
    let out = gaogen(
        dir.path(),
        &["diff", "--format", "json", "old.txt", "new.txt"],
    );
    let code = out.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "exit {code:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(json.is_object());
}

#[test]
fn counts_near_i64_max_do_not_wrap_a_row_total() {
    let dir = tempfile::tempdir().unwrap();
    // 2 × i64::MAX + 2 = 2^64: wraps to 0, the written 总计.
    let text = example("examples/published/township_2023.txt").replace(
        "（一）予以公开\t5\t1\t0\t0\t0\t0\t6",
        "（一）予以公开\t9223372036854775807\t9223372036854775807\t2\t0\t0\t0\t0",
    );
    std::fs::write(dir.path().join("r.txt"), text).unwrap();
    let out = gaogen(
        dir.path(),
        &["check", "--format", "json", "--select", "T3-2", "r.txt"],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    let broken = diagnostics
        .iter()
        .find(|d| d["code"] == "T3-2" && d["severity"] == "error")
        .expect("T3-2 error");
    let message = broken["message"].as_str().unwrap();
    assert!(message.contains("18446744073709551616"), "{message}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"left_sum\":18446744073709551616"));
}

#[test]
fn out_of_range_toml_value_is_an_error_not_a_wrapped_total() {
    let dir = tempfile::tempdir().unwrap();
    let toml = example("examples/township.toml").replace(
        "review = [1, 0, 1, 0]",
        "review = [9223372036854775807, 1, 0, 0]",
    );
    std::fs::write(dir.path().join("report.toml"), toml).unwrap();
    let out = gaogen(dir.path(), &["render", "report.toml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("超出可计算的范围"), "{stderr}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("-9223372036854775808"));
}

#[test]
fn import_never_writes_a_value_render_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let text = example("examples/published/township_2023.txt").replace(
        "（一）予以公开\t5\t1\t0\t0\t0\t0\t6",
        "（一）予以公开\t5000000000000000\t1O\t0\t0\t0\t0\t5000000000000001",
    );
    std::fs::write(dir.path().join("r.txt"), text).unwrap();
    let out = gaogen(dir.path(), &["import", "r.txt", "-o", "r.toml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    // Both listed by their labels with what was written; neither written as a number.
    assert!(
        stderr.contains("「自然人」（原文写作「5000000000000000」，超出可计算的范围"),
        "{stderr}"
    );
    assert!(
        stderr.contains("「商业企业」（原文写作「1O」）"),
        "{stderr}"
    );
    assert!(!stderr.contains("natural_person"), "{stderr}");
    let toml = std::fs::read_to_string(dir.path().join("r.toml")).unwrap();
    assert!(!toml.contains("5000000000000000"), "{toml}");
    let out = gaogen(dir.path(), &["render", "r.toml", "-o", "r.md"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("A-VALUE"), "{stderr}");
    assert!(!stderr.contains("A-TOML"), "{stderr}");
}

#[test]
fn import_asks_for_a_year_it_cannot_read_instead_of_writing_zero() {
    let dir = tempfile::tempdir().unwrap();
    let text = example("examples/published/township_2023.txt")
        .replace("2023年政府信息公开工作年度报告", "政府信息公开工作年度报告")
        .replace("统计期限为2023年1月1日至2023年12月31日", "统计期限为本年")
        .replace("2023年，白石镇", "本年，白石镇")
        .replace("2022年报告提出", "上一年报告提出")
        .replace("2024年1月20日", "");
    std::fs::write(dir.path().join("r.txt"), text).unwrap();
    let out = gaogen(dir.path(), &["import", "r.txt", "-o", "r.toml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("未能读出报告年度") && stderr.contains("--year"),
        "{stderr}"
    );
    assert!(!dir.path().join("r.toml").exists());
    let out = gaogen(
        dir.path(),
        &["import", "r.txt", "--year", "2023", "-o", "r.toml"],
    );
    assert_eq!(out.status.code(), Some(0));
    let toml = std::fs::read_to_string(dir.path().join("r.toml")).unwrap();
    assert!(toml.contains("year = 2023"), "{toml}");
    let out = gaogen(dir.path(), &["render", "r.toml", "-o", "r.md"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("A-VALUE"), "{stderr}");
}
