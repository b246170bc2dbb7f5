//! Hostile input, reading (issue 9 items 2, 3, 4, 15, 20): every input path is bounded; a bad
//! file is an exit-2 message for that file and the batch goes on. Inputs are generated here.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use assert_cmd::Command;
use std::io::Write;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn report_text() -> String {
    std::fs::read_to_string(root().join("examples/published/township_2023.txt")).unwrap()
}

fn gaogen(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(dir)
        .env("GAOGEN_PDF_TIMEOUT", "3")
        .timeout(std::time::Duration::from_secs(120))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A .docx whose document.xml is `body`.
fn docx(body: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(body.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// A PDF whose 40 form XObjects each draw the next twice (2^40 draws for a few KB).
fn pdf_bomb() -> Vec<u8> {
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X 6 0 R >> /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".into(),
        "<< /Length 10 >>\nstream\nq /X Do Q\nendstream".into(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into(),
    ];
    for i in 0..40 {
        let content = if i == 39 {
            "BT /F1 12 Tf 10 10 Td (1) Tj ET".to_string()
        } else {
            "/X Do /X Do".to_string()
        };
        objects.push(format!(
            "<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X {} 0 R >> /Font << /F1 5 0 R >> >> /Length {} >>\nstream\n{content}\nendstream",
            7 + i,
            content.len()
        ));
    }
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[test]
fn a_fifo_and_symlink_loops_do_not_stall_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), report_text()).unwrap();
    assert!(std::process::Command::new("mkfifo")
        .arg(d.join("b.txt"))
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink(".", d.join("loop1")).unwrap();
    std::os::unix::fs::symlink(".", d.join("loop2")).unwrap();
    std::os::unix::fs::symlink("a.txt", d.join("same.txt")).unwrap();
    let (code, stdout, stderr) = gaogen(d, &["check", "--summary", "csv", "."]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("b.txt：不是普通文件（命名管道）"),
        "{stderr}"
    );
    // The report is checked once, however many ways lead to it.
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
}

#[test]
fn dev_zero_is_refused_before_reading() {
    let (code, _, stderr) = gaogen(Path::new("."), &["check", "/dev/zero"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("不是普通文件（设备文件）"), "{stderr}");
}

#[test]
fn an_empty_directory_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("slides.pptx"), b"PK\x03\x04").unwrap();
    let (code, _, stderr) = gaogen(dir.path(), &["check", "."]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("目录中没有可读取的报告文件"), "{stderr}");
    assert!(stderr.contains("跳过 1 个不支持的文件"), "{stderr}");
}

#[test]
fn merged_word_cells_are_bounded_by_the_grid() {
    let dir = tempfile::tempdir().unwrap();
    let cell = r#"<w:tc><w:tcPr><w:gridSpan w:val="64"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"#;
    let row = format!("<w:tr>{}</w:tr>", cell.repeat(1000));
    let body = format!(
        r#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>2023年政府信息公开工作年度报告</w:t></w:r></w:p><w:tbl><w:tblGrid>{}</w:tblGrid>{}</w:tbl></w:body></w:document>"#,
        r#"<w:gridCol w:w="100"/>"#.repeat(8),
        row.repeat(300)
    );
    std::fs::write(dir.path().join("wide.docx"), docx(&body)).unwrap();
    let (code, stdout, stderr) = gaogen(dir.path(), &["parse", "--format", "json", "wide.docx"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.len() < 4_000_000, "{} bytes of model", stdout.len());
}

#[test]
fn word_text_counts_against_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    // 40 MB of text from a package far smaller (deflate compresses the repetition).
    let para = format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "报".repeat(10_000));
    let body = format!(
        r#"<w:document xmlns:w="x"><w:body>{}</w:body></w:document>"#,
        para.repeat(1_400)
    );
    std::fs::write(dir.path().join("big.docx"), docx(&body)).unwrap();
    let (code, _, stderr) = gaogen(dir.path(), &["check", "big.docx"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("上限"), "{stderr}");
}

#[test]
fn a_pdf_that_never_ends_is_stopped_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bomb.pdf"), pdf_bomb()).unwrap();
    std::fs::write(dir.path().join("good.txt"), report_text()).unwrap();
    let (code, stdout, stderr) = gaogen(dir.path(), &["check", "--summary", "csv", "."]);
    assert_eq!(code, Some(2), "{stderr}");
    // Stopped at the time limit (or pdftotext is not installed here: said so).
    assert!(
        stderr.contains("超过 3 秒仍未读完") || stderr.contains("没有找到"),
        "{stderr}"
    );
    assert!(stdout.contains("good.txt,2021,6,200,0,"), "{stdout}");
}

#[test]
fn oversized_files_are_cut_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let f = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
    f.set_len(40 * 1024 * 1024).unwrap();
    let (code, _, stderr) = gaogen(dir.path(), &["check", "huge.txt"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("上限"), "{stderr}");
    let t = std::fs::File::create(dir.path().join("report.toml")).unwrap();
    t.set_len(40 * 1024 * 1024).unwrap();
    let (code, _, stderr) = gaogen(dir.path(), &["render", "report.toml"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("上限"), "{stderr}");
}

#[test]
fn encodings_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let text = report_text();
    let utf16: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    std::fs::write(dir.path().join("u16.txt"), utf16).unwrap();
    let (code, stdout, stderr) = gaogen(dir.path(), &["check", "--summary", "csv", "u16.txt"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains(",200,"), "{stdout}");
    let mut bad = text.into_bytes();
    let at = 3000 + bad[3000..].iter().position(|&b| b >= 0xC0).unwrap();
    bad[at] = 0xFF;
    std::fs::write(dir.path().join("bad.txt"), bad).unwrap();
    let (code, _, stderr) = gaogen(dir.path(), &["check", "bad.txt"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains(&format!("按 UTF-8 读到第 {} 字节处", at + 1)),
        "{stderr}"
    );
}

#[test]
fn office_files_that_are_not_reports_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    let xlsx = zip.finish().unwrap().into_inner();
    std::fs::write(dir.path().join("table.docx"), xlsx).unwrap();
    let (code, _, stderr) = gaogen(dir.path(), &["check", "table.docx"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("不支持的文件类型：Excel 工作簿"),
        "{stderr}"
    );
}

#[test]
fn a_second_report_in_the_file_is_a_finding_not_section_six() {
    let dir = tempfile::tempdir().unwrap();
    let first = report_text();
    let second =
        std::fs::read_to_string(root().join("examples/published/township_2024.txt")).unwrap();
    std::fs::write(dir.path().join("two.txt"), format!("{first}\n{second}")).unwrap();
    let (code, stdout, stderr) = gaogen(dir.path(), &["check", "--format", "json", "two.txt"]);
    assert_eq!(code, Some(0), "warnings only: {stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let file = &json["files"][0];
    assert_eq!(file["summary"]["cells_read"], 200);
    let second_line = first.lines().count() + 2;
    let found = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "R-SECOND")
        .expect("R-SECOND");
    assert!(found["message"]
        .as_str()
        .unwrap()
        .contains("2024年政府信息公开工作年度报告"));
    // The finding is at the second report's title (after its agency line).
    assert_eq!(found["span"]["line"], second_line + 1);
    // The first report's 六 does not hold the second report's text.
    let (_, parsed, _) = gaogen(dir.path(), &["parse", "two.txt"]);
    let parsed: serde_json::Value = serde_json::from_str(&parsed).unwrap();
    let six = parsed["sections"][5].to_string();
    assert!(!six.contains("2024年，"), "{six}");
    assert_eq!(parsed["year"], 2023);
}
