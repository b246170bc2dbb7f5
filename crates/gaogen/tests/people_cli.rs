//! The command line as a new user meets it: output formats from file names, drafts checked as
//! drafts, files of the wrong kind pointed to the right command, every writing command saying
//! what it wrote and what to do next, drafts warned about what they still lack.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn example(name: &str) -> String {
    root().join("examples").join(name).display().to_string()
}

#[test]
fn the_output_format_follows_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let toml = example("township.toml");
    let (code, _, err) = run(dir.path(), &["render", &toml, "-o", "r.docx"]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read(dir.path().join("r.docx"))
        .unwrap()
        .starts_with(b"PK\x03\x04"));
    assert!(
        err.contains("已写入 r.docx（Word 文档") && err.contains("下一步："),
        "{err}"
    );
    let (code, _, err) = run(dir.path(), &["render", &toml, "-o", "r.html"]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    let (code, _, _) = run(dir.path(), &["render", &toml, "-o", "r.txt"]);
    assert_eq!(code, 0);
    let txt = std::fs::read_to_string(dir.path().join("r.txt")).unwrap();
    assert!(
        !txt.contains("| ") && txt.contains('\t'),
        "plain text, tabs"
    );
}

#[test]
fn a_format_contradicting_the_file_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let toml = example("township.toml");
    let (code, _, err) = run(
        dir.path(),
        &["render", &toml, "-o", "r.docx", "--format", "md"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("矛盾"), "{err}");
    assert!(!dir.path().join("r.docx").exists(), "nothing written");
    let (code, _, err) = run(dir.path(), &["render", &toml, "-o", "r.pdf"]);
    assert_eq!(code, 2);
    assert!(err.contains("无法从") && err.contains("--format"), "{err}");
    // An unknown ending with an explicit format is what was asked for.
    let (code, _, err) = run(
        dir.path(),
        &["render", &toml, "-o", "r.out", "--format", "html"],
    );
    assert_eq!(code, 0, "{err}");
    // import and init write report.toml only.
    let seed = example("published/township_2023.txt");
    for args in [
        vec!["import", seed.as_str(), "-o", "r.md"],
        vec!["init", "-o", "r.docx"],
    ] {
        let (code, _, err) = run(dir.path(), &args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("改为 .toml"), "{err}");
    }
    assert!(!dir.path().join("r.md").exists());
}

#[test]
fn a_report_toml_is_checked_as_a_draft() {
    let (code, out, err) = run(&root(), &["check", "examples/township.toml"]);
    assert_eq!(code, 0, "{out}{err}");
    // No format errors or warnings; the evaluators (E-) may still give advice about the example.
    assert!(out.contains("0 个错误"), "{out}");
    assert!(!out.contains("警告[T") && !out.contains("警告[S-"), "{out}");
    assert!(!out.contains("R-TABLE") && !out.contains("S-2"), "{out}");
    // A rule broken in the draft is reported at its TOML line.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("examples/township.toml")).unwrap();
    let broken = text.replace(
        "carried_forward = [1, 0, 0, 0, 0, 0]",
        "carried_forward = [3, 0, 0, 0, 0, 0]",
    );
    assert_ne!(broken, text);
    std::fs::write(dir.path().join("report.toml"), &broken).unwrap();
    let (code, out, _) = run(dir.path(), &["check", "--format", "json", "report.toml"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let d = &json["files"][0]["diagnostics"];
    let t31 = d
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "T3-1")
        .expect("T3-1");
    let line = broken
        .lines()
        .position(|l| l.starts_with("carried_forward"))
        .unwrap()
        + 1;
    assert!(
        t31["marks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["span"]["line"].as_u64() == Some(line as u64)),
        "{t31}"
    );
    // A syntax error is a finding of the draft (exit 1), at its place.
    std::fs::write(
        dir.path().join("bad.toml"),
        text.replace("[10, 2, 0, 0, 1, 0]", "[10，2，0，0，1，0]"),
    )
    .unwrap();
    let (code, out, _) = run(dir.path(), &["check", "bad.toml"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("全角逗号「，」") && out.contains("bad.toml:"),
        "{out}"
    );
}

#[test]
fn files_of_the_wrong_kind_point_to_the_right_command() {
    let published = example("published/township_2023.txt");
    let (code, _, err) = run(&root(), &["render", &published]);
    assert_eq!(code, 2);
    assert!(err.contains("gaogen import"), "{err}");
    assert!(!err.contains("TOML 格式错误"), "{err}");
    // The same text under a .toml name is recognised by its content.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples/published/township_2023.txt"),
        dir.path().join("copy.toml"),
    )
    .unwrap();
    let (code, _, err) = run(dir.path(), &["render", "copy.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("gaogen import"), "{err}");
    let toml = example("township.toml");
    for command in ["import", "parse"] {
        let (code, _, err) = run(&root(), &[command, &toml]);
        assert_eq!(code, 2, "{command}");
        assert!(
            err.contains("gaogen check") && err.contains("gaogen render"),
            "{err}"
        );
    }
}

#[test]
fn init_and_import_say_what_they_wrote_and_what_is_next() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(dir.path(), &["init"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("已写入 report.toml") && err.contains("gaogen check report.toml"),
        "{err}"
    );
    // The untouched template renders, with warnings about what it lacks.
    let (code, _, err) = run(dir.path(), &["render", "report.toml", "-o", "r.md"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("模板占位「××」"), "{err}");
    assert!(err.contains("「一、总体情况」没有文字"), "{err}");
    assert!(err.contains("先处理上面"), "{err}");
    let seed = example("published/township_2023.txt");
    let (code, _, err) = run(dir.path(), &["import", &seed, "-o", "imported.toml"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("已写入 imported.toml") && err.contains("下一步："),
        "{err}"
    );
}

#[test]
fn unread_carried_values_are_not_claimed_carried() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(root().join("examples/published/township_2023.txt")).unwrap();
    let blanked: String = text
        .lines()
        .map(|l| {
            if l.starts_with("四、结转下年度继续办理") {
                "四、结转下年度继续办理\t\t\t\t\t\t\t".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(blanked, text);
    std::fs::write(dir.path().join("2023.txt"), blanked).unwrap();
    let (code, _, err) = run(
        dir.path(),
        &["init", "--from", "2023.txt", "-o", "2024.toml"],
    );
    assert_eq!(code, 0, "{err}");
    let toml = std::fs::read_to_string(dir.path().join("2024.toml")).unwrap();
    let line = toml
        .lines()
        .find(|l| l.starts_with("carried_over"))
        .unwrap();
    assert!(line.contains("[\"\", \"\""), "{line}");
    assert!(!line.contains("已按上一年"), "{line}");
    assert!(line.contains("未能读出"), "{line}");
    // Labels, not ids, in the list of cells to fill in.
    assert!(
        err.contains("「四、结转下年度继续办理」·「自然人」"),
        "{err}"
    );
    assert!(!err.contains("natural_person"), "{err}");
    let (_, _, err) = run(dir.path(), &["import", "2023.txt", "-o", "i.toml"]);
    assert!(
        err.contains("「自然人」") && !err.contains("natural_person"),
        "{err}"
    );
}

/// Every file ending a run reads is named in the help of the commands that read reports and in
/// the README.
#[test]
fn every_file_type_read_is_named_in_the_help_and_the_readme() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for command in ["parse", "check", "score", "export"] {
        let (code, help, _) = run(&root(), &[command, "--help"]);
        assert_eq!(code, 0);
        for ext in gaogen::input::REPORT_EXTENSIONS {
            // `.doc` is named when it stands alone, not as the start of `.docx`.
            let named = help.match_indices(&format!(".{ext}")).any(|(at, m)| {
                !help[at + m.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
            });
            assert!(named, "{command}: .{ext}\n{help}");
            assert!(readme.contains(&format!("`.{ext}`")), "README: .{ext}");
        }
    }
}

#[test]
fn help_usage_and_argument_errors_are_in_chinese() {
    let english = [
        "Usage:",
        "Options:",
        "Print help",
        "error:",
        "Commands:",
        "tip:",
    ];
    let (code, out, _) = run(&root(), &["--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("用法：gaogen <命令>") && out.contains("显示帮助"),
        "{out}"
    );
    let (code, out, _) = run(&root(), &["check", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("选项：") && out.contains("参数："), "{out}");
    assert!(english.iter().all(|w| !out.contains(w)), "{out}");
    for (args, expected) in [
        (vec!["check"], "缺少必需的参数"),
        (vec!["chek", "x"], "是否指 check？"),
        (vec!["check", "--formt", "json", "x"], "是否指 --format？"),
        (
            vec!["check", "--format", "xml", "x"],
            "可选：human、json、sarif",
        ),
        (
            vec!["diff", "--reuse-threshold", "abc", "a", "b"],
            "「abc」无效",
        ),
    ] {
        let (code, _, err) = run(&root(), &args);
        assert_eq!(code, 2, "{args:?}");
        assert!(
            err.starts_with("错误：") && err.contains(expected),
            "{args:?}: {err}"
        );
        assert!(english.iter().all(|w| !err.contains(w)), "{err}");
    }
    let (code, _, err) = run(&root(), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("用法："), "{err}");
    // An unknown command is answered with every command `--help` lists.
    let (_, help, _) = run(&root(), &["--help"]);
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("命令："))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(commands.len() >= 11, "{help}");
    let (code, _, err) = run(&root(), &["frobnicate"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!("可用的命令：{}", commands.join("、"))),
        "{err}"
    );
}
