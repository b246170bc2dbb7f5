//! `gaogen rollup`: two consistent children sum exactly (and `--check` finds the sum equal to
//! itself and a changed cell different); a child without 表四 is named and 表四 is left blank,
//! never summed as 0.

#![allow(clippy::disallowed_methods)] // tests write their inputs directly

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn township() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/evaluator/township_2023.txt")).unwrap()
}

fn gaogen(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Two townships of the same year: the example, and a second one with other numbers.
fn children(dir: &Path) {
    std::fs::write(dir.join("a.txt"), township()).unwrap();
    let b = township()
        .replace("青禾县白石镇人民政府", "青禾县红石镇人民政府")
        .replace("行政事业性收费\t12.5", "行政事业性收费\t0.25")
        .replace("行政许可\t126", "行政许可\t4");
    std::fs::write(dir.join("b.txt"), b).unwrap();
}

fn toml_of(dir: &Path, name: &str) -> toml::Table {
    toml::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()
}

#[test]
fn two_consistent_children_sum_exactly() {
    let dir = tempfile::tempdir().unwrap();
    children(dir.path());
    let (code, _, err) = gaogen(
        dir.path(),
        &[
            "rollup",
            "a.txt",
            "b.txt",
            "-o",
            "sum.toml",
            "--agency",
            "青禾县",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("已写入 sum.toml"), "{err}");
    let t = toml_of(dir.path(), "sum.toml");
    assert_eq!(t["report"]["agency"].as_str(), Some("青禾县"));
    assert_eq!(t["report"]["year"].as_integer(), Some(2023));
    let t2 = &t["active_disclosure"];
    assert_eq!(t2["fees"][0].as_str(), Some("12.75"));
    assert_eq!(t2["licensing"][0].as_integer(), Some(130));
    let t3 = &t["applications"];
    let new: Vec<i64> = t3["new_requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_integer().unwrap())
        .collect();
    assert_eq!(new, [20, 4, 0, 0, 2, 0]);
    let t4 = &t["reviews_and_litigation"];
    assert_eq!(t4["review"].as_array().unwrap().len(), 4);
    assert_eq!(t4["review"][0].as_integer(), Some(2));
    // The sum agrees with itself cell by cell; a changed cell is named with both values.
    let (code, out, _) = gaogen(
        dir.path(),
        &["rollup", "--check", "sum.toml", "a.txt", "b.txt"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("共 0 格不一致，0 格无法核对"), "{out}");
    let changed = std::fs::read_to_string(dir.path().join("sum.toml"))
        .unwrap()
        .replace("licensing = [130]", "licensing = [131]");
    std::fs::write(dir.path().join("published.toml"), changed).unwrap();
    let (code, out, _) = gaogen(
        dir.path(),
        &["rollup", "--check", "published.toml", "a.txt", "b.txt"],
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("不一致：表二 · 行政许可") && out.contains("汇总报告 131，下级报告之和 130"),
        "{out}"
    );
}

#[test]
fn a_child_without_table_four_is_named_and_four_left_blank() {
    let dir = tempfile::tempdir().unwrap();
    children(dir.path());
    let b = std::fs::read_to_string(dir.path().join("b.txt")).unwrap();
    let start = b.find("行政复议\t\t\t\t\t行政诉讼").unwrap();
    let end = b.find("五、存在的主要问题").unwrap();
    let c = format!(
        "{}本年度行政复议、行政诉讼情况见附件。\n{}",
        &b[..start],
        &b[end..]
    );
    std::fs::write(dir.path().join("c.txt"), c).unwrap();
    let (code, _, err) = gaogen(dir.path(), &["rollup", "a.txt", "c.txt", "-o", "sum.toml"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("c.txt：没有表四"), "{err}");
    let t = toml_of(dir.path(), "sum.toml");
    assert_eq!(
        t["reviews_and_litigation"]["review"][0].as_str(),
        Some(""),
        "blank, not 0"
    );
    assert_eq!(
        t["applications"]["new_requests"][0].as_integer(),
        Some(20),
        "表三 still summed"
    );
    let (code, out, _) = gaogen(
        dir.path(),
        &[
            "rollup", "--check", "sum.toml", "a.txt", "c.txt", "--format", "json",
        ],
    );
    assert_eq!(code, 1);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(j["missing"][0].as_str().unwrap().contains("c.txt"));
    assert!(j["cells"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["table"] == "表四" && c["status"] == "not_assessable"));
    // Nothing is overwritten without --force.
    let (code, _, err) = gaogen(dir.path(), &["rollup", "a.txt", "b.txt", "-o", "sum.toml"]);
    assert_eq!(code, 2, "{err}");
}
