//! Hostile input, output (issue 9 items 11–15, 18): output is safe for where it goes; a typo in
//! --select is not a silent pass; an unclosed page element does not hide the report.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use assert_cmd::Command;
use std::io::Read;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(dir: &Path, args: &[&str]) -> (Option<i32>, Vec<u8>, String) {
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn toml_with_agency(dir: &Path, agency: &str) {
    let toml = std::fs::read_to_string(root().join("examples/township.toml"))
        .unwrap()
        .replace(
            "agency = \"青禾县白石镇人民政府\"",
            &format!("agency = {}", toml_string(agency)),
        );
    std::fs::write(dir.join("report.toml"), toml).unwrap();
}

/// A TOML basic string (controls as \u escapes).
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[test]
fn markdown_does_not_pass_html_through() {
    let dir = tempfile::tempdir().unwrap();
    toml_with_agency(
        dir.path(),
        "白石镇<script>alert(1)</script><img src=x onerror=alert(2)>",
    );
    let (code, stdout, stderr) = run(dir.path(), &["render", "report.toml", "-o", "out.md"]);
    assert_eq!(code, Some(0), "{stderr}");
    let _ = stdout;
    let md = std::fs::read_to_string(dir.path().join("out.md")).unwrap();
    assert!(!md.contains("<script>") && !md.contains("<img"), "{md}");
    assert!(md.contains("&lt;script&gt;"), "{md}");
}

#[test]
fn word_xml_is_well_formed_with_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    toml_with_agency(dir.path(), "白石镇\u{1}人民政府\u{1b}");
    let (code, _, stderr) = run(dir.path(), &["render", "report.toml", "-o", "out.docx"]);
    assert_eq!(code, Some(0), "{stderr}");
    let bytes = std::fs::read(dir.path().join("out.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(!xml
        .chars()
        .any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r')));
    assert!(xml.contains("白石镇人民政府"));
}

fn hostile_page() -> String {
    let text = std::fs::read_to_string(root().join("examples/rendered/township.html")).unwrap();
    text.replace("白石镇党政综合办公室", "白石镇&#x1b;]0;PWNED&#x7;办公室")
}

#[test]
fn no_escape_sequence_from_a_page_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), hostile_page()).unwrap();
    let old = std::fs::read_to_string(root().join("examples/published/township_2023.txt")).unwrap();
    std::fs::write(dir.path().join("old.txt"), old).unwrap();
    for args in [
        &["parse", "--format", "text", "a.html"][..],
        &["parse", "a.html"][..],
        &["diff", "old.txt", "a.html"][..],
        &["check", "a.html"][..],
    ] {
        let (_, stdout, stderr) = run(dir.path(), args);
        assert!(
            !stdout.contains(&0x1b) && !stdout.contains(&0x07),
            "{args:?}"
        );
        assert!(!stderr.contains('\u{1b}'), "{args:?}");
    }
}

#[test]
fn import_never_writes_what_render_rejects() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), hostile_page()).unwrap();
    let (code, _, stderr) = run(dir.path(), &["import", "a.html", "-o", "report.toml"]);
    assert_eq!(code, Some(0), "{stderr}");
    let (code, _, stderr) = run(dir.path(), &["render", "report.toml", "-o", "out.md"]);
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn an_unknown_rule_code_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(
        &root(),
        &[
            "check",
            "--select",
            "T3-l",
            "examples/published/township_2023.txt",
        ],
    );
    let _ = dir;
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("T3-l") && stderr.contains("T3-1"),
        "{stderr}"
    );
    let (code, _, _) = run(
        &root(),
        &[
            "check",
            "--ignore",
            "T3",
            "examples/published/township_2023.txt",
        ],
    );
    assert_eq!(code, Some(0));
}

#[test]
fn sarif_uris_are_percent_encoded() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("examples/published/township_2023.txt"))
        .unwrap()
        .replace("\t5\t1\t0\t0\t0\t0\t6", "\t5\t1\t0\t0\t0\t0\t7");
    std::fs::write(dir.path().join("报告 #1.txt"), text).unwrap();
    let (code, stdout, _) = run(dir.path(), &["check", "--format", "sarif", "报告 #1.txt"]);
    assert_eq!(code, Some(1));
    let sarif: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        ["artifactLocation"]["uri"];
    assert_eq!(uri, "%E6%8A%A5%E5%91%8A%20%231.txt");
}

#[test]
fn an_unclosed_header_does_not_hide_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let page = std::fs::read_to_string(root().join("examples/rendered/township.html"))
        .unwrap()
        .replacen("<body>", "<body><header><p>网站首页</p>", 1);
    assert!(page.contains("<header>"));
    std::fs::write(dir.path().join("a.html"), page).unwrap();
    let (code, stdout, stderr) = run(dir.path(), &["check", "--summary", "csv", "a.html"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(String::from_utf8_lossy(&stdout).contains(",6,200,"));
}

#[test]
fn help_states_the_limits() {
    let (code, stdout, _) = run(&root(), &["--help"]);
    assert_eq!(code, Some(0));
    let help = String::from_utf8_lossy(&stdout);
    for limit in ["32 MiB", "30 秒", "120 秒", "命名管道", "--force"] {
        assert!(help.contains(limit), "{limit}: {help}");
    }
}
