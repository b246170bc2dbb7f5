//! End-to-end cases for `gaogen parse`: exit codes, messages and hostile input.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use assert_cmd::Command;
use std::io::Write;
use std::path::PathBuf;

fn gaogen() -> Command {
    Command::cargo_bin("gaogen").expect("the binary is built")
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    let mut f = std::fs::File::create(&path).expect("create");
    f.write_all(bytes).expect("write");
    (dir, path)
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn parses_a_report_as_json_by_default() {
    let out = gaogen()
        .arg("parse")
        .arg(fixture("cell_per_line.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(json["year"], 2023);
    assert_eq!(json["sections"].as_array().map(Vec::len), Some(6));
    assert_eq!(json["tables"]["applications"]["version"], "2021");
}

#[test]
fn several_files_give_an_array() {
    let out = gaogen()
        .args(["parse", "--format", "json"])
        .arg(fixture("cell_per_line.txt"))
        .arg(fixture("pipe_markdown.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json.as_array().map(Vec::len), Some(2));
}

#[test]
fn text_summary_names_what_is_missing() {
    let out = gaogen()
        .args(["parse", "--format", "text"])
        .arg(fixture("markdown_tabs_truncated.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("4✗"), "{text}");
    assert!(text.contains("缺少第四部分"), "{text}");
}

#[test]
fn missing_file_is_exit_2_with_a_chinese_message() {
    let out = gaogen()
        .args(["parse", "no-such-report.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("文件不存在"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn one_bad_file_among_good_ones_still_prints_the_good_and_exits_2() {
    let (_d, empty) = temp_file("empty.txt", b"");
    let out = gaogen()
        .arg("parse")
        .arg(fixture("cell_per_line.txt"))
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json.as_array().map(Vec::len), Some(1));
}

#[test]
fn empty_file_is_refused() {
    let (_d, path) = temp_file("empty.txt", b"");
    let out = gaogen().arg("parse").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("文件为空"), "{}", stderr_of(&out));
}

#[test]
fn random_bytes_are_refused() {
    // A fixed pseudo-random sequence (xorshift), so the case is the same on every run.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let (_d, path) = temp_file("random.bin", &bytes);
    let out = gaogen().arg("parse").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("二进制") || err.contains("编码"), "{err}");
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = gaogen().arg("parse").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("目录"));
}

#[test]
fn a_60_mb_file_is_refused_as_too_large() {
    let line = "规章\t0\t0\t0\n".repeat(1024);
    let mut bytes = Vec::with_capacity(61 * 1024 * 1024);
    while bytes.len() < 60 * 1024 * 1024 {
        bytes.extend_from_slice(line.as_bytes());
    }
    let (_d, path) = temp_file("huge.txt", &bytes);
    let out = gaogen().arg("parse").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("文件过大"), "{}", stderr_of(&out));
}

#[test]
fn nested_brackets_read_as_a_damaged_report() {
    let text = "（".repeat(200_000) + "一、总体情况" + &"）".repeat(200_000);
    let (_d, path) = temp_file("brackets.txt", text.as_bytes());
    let out = gaogen().arg("parse").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let missing = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "section_missing")
        .count();
    assert_eq!(missing, 6);
}

#[test]
fn nested_html_reads_without_overflow() {
    let page = "<div>".repeat(200_000)
        + "<table><tr><td>规章</td><td>1</td></tr></table>"
        + &"</div>".repeat(200_000);
    let (_d, path) = temp_file("nested.html", page.as_bytes());
    let out = gaogen().arg("parse").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
}

#[test]
fn a_truncated_report_gives_a_model_with_findings() {
    let full = std::fs::read(fixture("cell_per_line.txt")).unwrap();
    // Cut inside the table of section 三, in the middle of a multi-byte character.
    let text = String::from_utf8(full.clone()).unwrap();
    let cut = text.find("不予处理").expect("fixture has 不予处理") + 1;
    let (_d, path) = temp_file("truncated.txt", &full[..cut]);
    let out = gaogen().arg("parse").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"input_truncated"), "{kinds:?}");
    assert!(kinds.contains(&"row_missing"), "{kinds:?}");
    assert!(kinds.contains(&"section_missing"), "{kinds:?}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::process::{Command as Std, Stdio};
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("gaogen"))
        .arg("parse")
        .arg(fixture("cell_per_line.txt"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(!stderr_of(&out).contains("panicked"), "{}", stderr_of(&out));
}

#[test]
fn gb18030_is_detected() {
    let out = gaogen()
        .arg("parse")
        .arg(fixture("gb18030.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["source"]["encoding"], "GB18030");
}

/// Shapes that once took quadratic time: each must read into a model.
#[test]
fn hostile_shapes_read_into_a_model() {
    let wide =
        "<table><tr>".to_string() + &"<td colspan=64>x".repeat(600) + &"<tr><td>y".repeat(1100);
    let long_line = "二、主动公开政府信息情况\n".to_string() + &"ab|".repeat(40_000) + "\n";
    let one_line_page: String = "<html><body>".to_string()
        + &(0..20_000)
            .map(|i| format!("<p>t{i}</p>"))
            .collect::<String>()
        + "</body></html>";
    for (name, text) in [
        ("wide.html", wide),
        ("long.txt", long_line),
        ("one_line.html", one_line_page),
    ] {
        let (_d, path) = temp_file(name, text.as_bytes());
        let out = gaogen().arg("parse").arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr_of(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["sections"].as_array().map(Vec::len), Some(6), "{name}");
    }
}

#[test]
fn a_pdf_without_pdftotext_says_how_to_install_it() {
    let (_d, path) = temp_file(
        "report.pdf",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    );
    let empty = tempfile::tempdir().unwrap();
    let out = gaogen()
        .arg("parse")
        .arg(&path)
        .env("PATH", empty.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("poppler-utils"),
        "{}",
        stderr_of(&out)
    );
}
