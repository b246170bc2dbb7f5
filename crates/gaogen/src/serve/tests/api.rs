//! The HTTP API: /api/check, /api/render, /api/diff, /api/rules, /healthz.

use super::*;
use gaogen_model::{ColumnId, RowId};

const BROKEN: &str = "tests/browser/fixtures/township_2024_broken.txt";

#[test]
fn healthz_answers_ok() {
    let a = get("/healthz");
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.json()["status"], "ok");
}

#[test]
fn rules_lists_the_registered_rules() {
    let a = get("/api/rules");
    assert_eq!(a.status, StatusCode::OK);
    let codes: Vec<String> = a
        .json()
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["code"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(codes.contains(&"T3-1".to_string()), "{codes:?}");
    assert_eq!(a.text(), crate::rules::json());
}

#[test]
fn check_answers_the_command_lines_json() {
    let bytes = read(BROKEN);
    let a = post_multipart("/api/check", &[("file", Some("broken.txt"), &bytes)]);
    assert_eq!(a.status, StatusCode::OK);
    assert!(a
        .header(header::CONTENT_TYPE)
        .starts_with("application/json"));
    let json = a.json();
    assert_eq!(json["totals"]["files"], 1);
    assert_eq!(json["totals"]["errors"], 2);
    let file = &json["files"][0];
    assert_eq!(file["path"], "broken.txt");
    assert_eq!(file["summary"]["cells_read"], 200);
    assert_eq!(file["diagnostics"][0]["code"], "T3-1");
    assert_eq!(file["diagnostics"][0]["span"]["line"], 37);
}

#[test]
fn check_takes_several_files_and_zip_archives() {
    let good = read("examples/published/township_2024.txt");
    let broken = read(BROKEN);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in [
        ("reports/a.txt", &good[..]),
        ("reports/b.txt", &broken[..]),
        ("README.md", b"not a report"),
        ("__MACOSX/._a.txt", b"junk"),
    ] {
        zip.start_file(name, options).expect("zip entry");
        std::io::Write::write_all(&mut zip, bytes).expect("zip write");
    }
    let archive = zip.finish().expect("zip").into_inner();
    let a = post_multipart(
        "/api/check",
        &[
            ("file", Some("single.txt"), &good),
            ("file", Some("batch.zip"), &archive),
        ],
    );
    assert_eq!(a.status, StatusCode::OK);
    let json = a.json();
    let paths: Vec<&str> = json["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        paths,
        [
            "single.txt",
            "batch.zip/reports/a.txt",
            "batch.zip/reports/b.txt"
        ]
    );
    assert_eq!(json["totals"]["errors"], 2);
}

#[test]
fn check_reports_unreadable_files_per_file() {
    let a = post_multipart(
        "/api/check",
        &[
            ("file", Some("empty.txt"), b""),
            ("file", Some("bad.zip"), b"PK not really"),
        ],
    );
    assert_eq!(a.status, StatusCode::OK);
    let json = a.json();
    assert_eq!(json["totals"]["unreadable"], 2);
    let why = json["files"][1]["summary"]["failure"]
        .as_str()
        .unwrap_or("");
    assert!(why.contains("zip"), "{why}");
}

#[test]
fn check_offers_sarif_and_csv() {
    let bytes = read(BROKEN);
    let sarif = post_multipart(
        "/api/check?format=sarif",
        &[("file", Some("b.txt"), &bytes)],
    );
    assert_eq!(sarif.status, StatusCode::OK);
    assert_eq!(sarif.json()["runs"][0]["results"][0]["ruleId"], "T3-1");
    let csv = post_multipart("/api/check?format=csv", &[("file", Some("b.txt"), &bytes)]);
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.header(header::CONTENT_TYPE).starts_with("text/csv"));
    // Two warnings: T3-… and E-ACCOUNTABILITY (the township report has no 社会评议、责任追究).
    assert_eq!(csv.text().lines().nth(1), Some("b.txt,2021,6,200,2,2,0,"));
    let bad = post_multipart("/api/check?format=xml", &[("file", Some("b.txt"), &bytes)]);
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.json()["error"].as_str().unwrap_or("").contains("xml"));
}

#[test]
fn check_without_a_file_is_a_bad_request() {
    let a = post_multipart("/api/check", &[("note", None, b"hello")]);
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.json()["error"]
        .as_str()
        .unwrap_or("")
        .contains("没有收到文件"));
}

#[test]
fn render_answers_each_format() {
    let toml = String::from_utf8(read("examples/township.toml")).expect("utf-8");
    for (format, content_type, needle) in [
        ("md", "text/markdown", "青禾县白石镇人民政府".as_bytes()),
        ("txt", "text/plain", "青禾县白石镇人民政府".as_bytes()),
        ("html", "text/html", "<table".as_bytes()),
        ("docx", "application/vnd.openxmlformats", b"PK\x03\x04"),
    ] {
        let a = post_text(&format!("/api/render?format={format}"), &toml);
        assert_eq!(a.status, StatusCode::OK, "{format}: {}", a.text());
        assert!(
            a.header(header::CONTENT_TYPE).starts_with(content_type),
            "{format}"
        );
        assert!(
            a.body.windows(needle.len()).any(|w| w == needle),
            "{format} lacks its content"
        );
        assert!(a.header(header::CONTENT_DISPOSITION).contains("report."));
    }
    let docx = post_text("/api/render?format=docx", &toml);
    let (_, report) = gaogen_grammar::read(&docx.body).expect("the .docx reads back");
    let cell = report
        .table(gaogen_model::TableKey::Applications)
        .cell(RowId::NewRequests, ColumnId::NaturalPerson)
        .map(|c| c.value.as_count());
    assert_eq!(cell, Some(Some(10)));
}

#[test]
fn render_refuses_a_report_with_rule_errors_with_422() {
    let toml = String::from_utf8(read("examples/township.toml"))
        .expect("utf-8")
        .replace("new_requests = [10, 2,", "new_requests = [11, 2,");
    let a = post_text("/api/render?format=docx", &toml);
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    let json = a.json();
    assert!(json["error"].as_str().unwrap_or("").contains("错误"));
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"T3-1"), "{codes:?}");
}

#[test]
fn render_reports_toml_mistakes_and_bad_requests() {
    let a = post_text("/api/render?format=md", "[report]\nagency = \n");
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.json()["diagnostics"][0]["code"], "A-TOML");
    let a = post_text("/api/render?format=pdf", "");
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    let a = send(
        Request::post("/api/render?format=md")
            .body(Body::from(vec![0xff, 0xfe, 0x00]))
            .expect("request"),
    );
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.json()["error"].as_str().unwrap_or("").contains("UTF-8"));
}

#[test]
fn diff_answers_the_command_lines_json() {
    let old = read("examples/published/township_2023.txt");
    let new = read("examples/published/township_2024.txt");
    let a = post_multipart(
        "/api/diff",
        &[
            ("old", Some("2023.txt"), &old),
            ("new", Some("2024.txt"), &new),
        ],
    );
    assert_eq!(a.status, StatusCode::OK);
    let json = a.json();
    assert_eq!(json["old"]["path"], "2023.txt");
    assert_eq!(json["new"]["year"], 2024);
    assert_eq!(json["differs"], true);
    let licensing = json["tables"][0]["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .find(|c| c["row"] == "licensing")
        .cloned()
        .expect("行政许可 changed");
    assert_eq!(licensing["old"]["raw"], "126");
    assert_eq!(licensing["new"]["raw"], "141");
}

#[test]
fn diff_needs_both_sides_and_readable_files() {
    let new = read("examples/published/township_2024.txt");
    let a = post_multipart("/api/diff", &[("new", Some("2024.txt"), &new)]);
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.json()["error"].as_str().unwrap_or("").contains("old"));
    let a = post_multipart(
        "/api/diff",
        &[
            ("old", Some("x.txt"), b"\x00\x01\x02binary"),
            ("new", Some("2024.txt"), &new),
        ],
    );
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.json()["error"].as_str().unwrap_or("").contains("x.txt"));
}
