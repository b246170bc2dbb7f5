//! End-to-end cases for `gaogen diff`: second years derived from a report, exit codes, and
//! snapshots of both output formats.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use assert_cmd::Command;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const OLD: &str = "examples/published/township_2023.txt";

fn old_text() -> String {
    std::fs::read_to_string(root().join(OLD)).expect("example exists")
}

/// The 2023 example as the 2024 report with `edit` applied.
fn next_year(edit: impl Fn(String) -> String) -> String {
    edit(old_text().replace(
        "2023年政府信息公开工作年度报告",
        "2024年政府信息公开工作年度报告",
    ))
}

/// Runs `gaogen diff --format json OLD NEW` with NEW written to a temporary file.
fn diff_json(new: &str) -> (i32, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2024.txt");
    std::fs::write(&path, new).unwrap();
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(root())
        .args(["diff", "--format", "json", OLD])
        .arg(&path)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    (out.status.code().unwrap_or(-1), json)
}

fn changes(json: &serde_json::Value) -> Vec<&serde_json::Value> {
    json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["changes"].as_array().unwrap())
        .collect()
}

fn codes(json: &serde_json::Value) -> Vec<&str> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect()
}

#[test]
fn one_changed_cell_shows_exactly_that_cell() {
    let (code, json) = diff_json(&next_year(|t| t.replace("行政许可\t126", "行政许可\t130")));
    assert_eq!(code, 1);
    let changed = changes(&json);
    assert_eq!(changed.len(), 1, "{changed:?}");
    let c = changed[0];
    assert_eq!(
        (c["row"].as_str(), c["column"].as_str()),
        (Some("licensing"), Some("decisions"))
    );
    assert_eq!(
        (c["old"]["value"].as_i64(), c["new"]["value"].as_i64()),
        (Some(126), Some(130))
    );
    assert_eq!(c["difference"], "4");
    assert_eq!(c["percent"], 3.2);
    let t36: Vec<_> = json["chain"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["code"] == "T3-6")
        .collect();
    assert_eq!(t36.len(), 7);
    assert!(t36.iter().all(|c| c["status"] == "holds"));
}

#[test]
fn a_broken_carry_over_names_its_column_with_both_places() {
    let new = next_year(|t| {
        t.replace(
            "二、上年结转政府信息公开申请数量\t1\t",
            "二、上年结转政府信息公开申请数量\t2\t",
        )
    });
    let (_, json) = diff_json(&new);
    let errors: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "T3-6")
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = errors[0];
    assert_eq!(e["severity"], "error");
    assert!(e["message"].as_str().unwrap().contains("自然人"), "{e}");
    let line_of = |text: &str, needle: &str| {
        text.lines().position(|l| l.starts_with(needle)).unwrap() as u64 + 1
    };
    assert_eq!(
        e["span"]["line"].as_u64(),
        Some(line_of(&new, "二、上年结转"))
    );
    assert_eq!(
        e["previous"]["line"].as_u64(),
        Some(line_of(&old_text(), "四、结转下年度"))
    );
}

#[test]
fn a_copied_section_five_is_flagged_alone() {
    let new = next_year(|t| {
        let mut out = String::new();
        let mut section = "";
        for line in t.lines() {
            if let Some(h) = ["一、", "二、", "五、", "六、"]
                .iter()
                .find(|h| line.starts_with(**h))
            {
                section = h;
                out.push_str(line);
            } else if matches!(section, "一、" | "六、")
                && !line.is_empty()
                && !line.contains("人民政府")
                && !line.starts_with("20")
            {
                // A sentence of our own for every line of sections 一 and 六.
                out.push_str(&format!(
                    "本段是第{}行改写后的全新内容，讲述了今年不同的工作安排和处理费未收取的情况。",
                    out.len()
                ));
            } else {
                out.push_str(line);
            }
            out.push('\n');
        }
        out
    });
    let (_, json) = diff_json(&new);
    let reuse: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "D-REUSE")
        .collect();
    assert_eq!(reuse.len(), 1, "{:?}", codes(&json));
    assert!(reuse[0]["message"]
        .as_str()
        .unwrap()
        .contains("五、存在的主要问题及改进情况"));
}

#[test]
fn identical_reports_exit_0_and_missing_files_exit_2() {
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(root())
        .args(["diff", OLD, OLD])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(root())
        .args(["diff", OLD, "no-such.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("文件不存在"));
}

fn example_pair(format: &str) -> String {
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .args([
            "diff",
            "--format",
            format,
            OLD,
            "examples/published/township_2024.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn human_output_of_the_example_pair() {
    insta::assert_snapshot!(example_pair("human"));
}

#[test]
fn json_output_of_the_example_pair() {
    let json: serde_json::Value = serde_json::from_str(&example_pair("json")).unwrap();
    insta::assert_json_snapshot!(json);
}

#[test]
fn a_side_may_be_a_report_toml() {
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(root())
        .args(["diff", "--format", "json", "examples/township.toml", OLD])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The published 2023 example was imported into township.toml: the same numbers.
    assert!(changes(&json).is_empty(), "{:?}", changes(&json));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_sentence_copied_with_a_phrase_changed_counts_and_the_fee_sentence_does_not() {
    let new = next_year(|t| {
        t.replace(
            "一是镇级专栏信息更新不够及时，个别栏目存在空档期；二是政策解读形式较为单一，群众反映不易读懂。\n2022年报告提出的解读不足问题已通过增加图解得到部分改进。下一步，",
            "今年主要问题是村级公开栏维护人手不足，线上线下内容偶有不一致。针对这一情况，2025年",
        )
        .replace(
            "本镇按照县政务公开工作要点，完成了基层政务公开标准目录的更新。",
            "本镇新开设了惠民资金公开专栏，按季度更新发放明细。",
        )
    });
    let (code, json) = diff_json(&new);
    assert_eq!(code, 1);
    let section = |key: &str| {
        json["text"]["sections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == key)
            .unwrap()
            .clone()
    };
    let five = section("problems");
    let ratio = five["ratio"].as_f64().unwrap();
    // The copied sentence (with 「下一步，」 changed to 「2025年」) is about half of 五.
    assert!((0.3..0.7).contains(&ratio), "{five}");
    assert!(five["changes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["op"] == "replaced"));
    let six = section("other");
    assert_eq!(six["reused_chars"], 0, "{six}");
    assert!(six["excluded"][0].as_str().unwrap().contains("信息处理费"));
    let reuse: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "D-REUSE")
        .collect();
    assert!(reuse
        .iter()
        .all(|d| !d["message"].as_str().unwrap().contains("六、")));
    assert!(json["text"]["method"]
        .as_str()
        .unwrap()
        .contains("连续 10 个字以上"));
}

#[test]
fn one_very_long_sentence_is_compared_in_linear_time() {
    // 40,000 characters in one sentence of 五, every 97th character changed in NEW: the
    // figure is still measured (no character-level alignment of the pair is attempted).
    let long: String = "镇村公开栏按月更新惠民政策解读图表问答"
        .chars()
        .cycle()
        .take(40_000)
        .collect();
    let changed: String = long
        .chars()
        .enumerate()
        .map(|(i, c)| if i % 97 == 0 { '改' } else { c })
        .collect();
    let with = |s: &str| {
        old_text().replace(
            "五、存在的主要问题及改进情况\n",
            &format!("五、存在的主要问题及改进情况\n{s}。\n"),
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&old, with(&long)).unwrap();
    std::fs::write(&new, with(&changed)).unwrap();
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .args(["diff", "--format", "json"])
        .args([&old, &new])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let five = &json["text"]["sections"][4];
    assert!(five["new_chars"].as_u64().unwrap() > 40_000, "{five}");
    assert!(five["ratio"].as_f64().unwrap() > 0.9, "{five}");
}
