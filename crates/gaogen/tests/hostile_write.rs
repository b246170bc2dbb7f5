//! Hostile input, writing (issue 9 items 10 and 16): nothing is overwritten without `--force`,
//! planted symlinks are not followed, `--force` keeps permissions, no temporary file is left.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use assert_cmd::Command;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn render(dir: &Path, extra: &[&str]) -> (Option<i32>, String) {
    std::fs::copy(
        root().join("examples/township.toml"),
        dir.join("report.toml"),
    )
    .unwrap();
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(dir)
        .args(["render", "report.toml", "-o", "out.md"])
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

#[test]
fn planted_symlinks_at_predictable_temp_names_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    // The old writer used `.out.md.gaogen-<pid>`: plant links for every pid that may come next.
    let base = std::process::id();
    for pid in base..base + 300 {
        let _ =
            std::os::unix::fs::symlink(&victim, dir.path().join(format!(".out.md.gaogen-{pid}")));
    }
    let (code, stderr) = render(dir.path(), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(std::fs::read_to_string(dir.path().join("out.md"))
        .unwrap()
        .contains("白石镇"));
}

#[test]
fn a_dangling_symlink_counts_as_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(dir.path().join("elsewhere.md"), dir.path().join("out.md")).unwrap();
    let (code, stderr) = render(dir.path(), &[]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("已存在"), "{stderr}");
    assert!(!dir.path().join("elsewhere.md").exists());
}

#[test]
fn force_keeps_the_old_permissions_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.md");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (code, stderr) = render(dir.path(), &[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    let (code, stderr) = render(dir.path(), &["--force"]);
    assert_eq!(code, Some(0), "{stderr}");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(names(dir.path()), vec!["out.md", "report.toml"]);
}

#[test]
fn a_device_is_never_an_output_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples/township.toml"),
        dir.path().join("report.toml"),
    )
    .unwrap();
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "render",
            "report.toml",
            "--format",
            "md",
            "--force",
            "-o",
            "/dev/null",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("设备文件"));
    assert!(Path::new("/dev/null").exists());
}

#[test]
fn two_renders_to_one_new_file_do_not_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples/township.toml"),
        dir.path().join("report.toml"),
    )
    .unwrap();
    let spawn = || {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("gaogen"))
            .current_dir(dir.path())
            .args(["render", "report.toml", "-o", "out.md"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    for _ in 0..10 {
        let _ = std::fs::remove_file(dir.path().join("out.md"));
        let (mut a, mut b) = (spawn(), spawn());
        let codes = [a.wait().unwrap().code(), b.wait().unwrap().code()];
        assert_eq!(
            codes.iter().filter(|&&c| c == Some(0)).count(),
            1,
            "{codes:?}"
        );
    }
}
