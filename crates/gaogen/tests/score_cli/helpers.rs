//! What the `score` CLI tests share: fixtures, a two-year directory, running `gaogen score`.

#![allow(clippy::disallowed_methods)] // tests write their inputs directly

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/fixtures/evaluator").join(name)).expect("fixture")
}

/// A directory with the township's 2023 and 2024 reports, 2024 edited.
pub fn pair_dir(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("2023.txt"), fixture("township_2023.txt")).unwrap();
    std::fs::write(
        dir.path().join("2024.txt"),
        edit(fixture("township_2024.txt")),
    )
    .unwrap();
    dir
}

pub fn score(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(root())
        .arg("score")
        .args(args)
        .arg(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub fn json(args: &[&str], dir: &Path) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = score(&all, dir);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("JSON")
}

pub fn report<'a>(j: &'a Value, file: &str) -> &'a Value {
    j["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["path"].as_str().unwrap().ends_with(file))
        .expect("report scored")
}

pub fn item<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .expect("item")
}
