//! `gaogen export` and `check --summary xlsx`: every cell in long format, derived figures empty
//! (never 0) when their base is empty or zero, the same rows in CSV, SQLite and xlsx.

#![allow(clippy::disallowed_methods)] // tests read the outputs directly

use assert_cmd::Command;
use calamine::{Data, Reader};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("gaogen")
        .expect("binary")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Two reports: one complete, one whose 表四 has no cases at all (zero bases).
fn reports(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    for f in ["pdftotext_layout.txt", "crlf_bom.txt"] {
        std::fs::copy(root().join("tests/fixtures").join(f), input.join(f)).unwrap();
    }
    input
}

#[test]
fn csv_sqlite_and_xlsx_hold_the_same_cells_and_figures() {
    let dir = tempfile::tempdir().unwrap();
    reports(dir.path());
    for out in ["f.csv", "f.sqlite", "f.xlsx"] {
        let (code, err) = run(dir.path(), &["export", "in", "-o", out]);
        assert_eq!(code, 0, "{out}: {err}");
    }
    let csv = std::fs::read(dir.path().join("f.csv")).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with BOM");
    let csv = String::from_utf8(csv[3..].to_vec()).unwrap();
    let cells = csv.lines().filter(|l| l.contains(",cell,")).count();
    assert_eq!(cells, 400, "200 cells per complete report");
    let figures: Vec<&str> = csv.lines().filter(|l| l.contains(",figure,")).collect();
    assert_eq!(figures.len(), 10);

    let db = rusqlite::Connection::open(dir.path().join("f.sqlite")).unwrap();
    let n: i64 = db
        .query_row(
            "SELECT count(*) FROM facts WHERE status = 'number'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 400);
    // A figure whose base is 0 is NULL, never 0; its parts are kept.
    let zero_base: Vec<(Option<f64>, Option<i64>, Option<i64>)> = db
        .prepare("SELECT value, numerator, denominator FROM figures WHERE denominator = 0")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        zero_base.iter().all(|(v, _, _)| v.is_none()),
        "{zero_base:?}"
    );
    // The disclosure rate is (disclosed + partially) / results_total from the 总计 column.
    let (value, num, den): (f64, i64, i64) = db
        .query_row(
            "SELECT f.value, f.numerator, f.denominator FROM figures f JOIN reports r ON r.id = f.report_id WHERE f.figure = 'disclosure_rate' AND r.file LIKE '%pdftotext_layout.txt'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let parts: i64 = db
        .query_row(
            "SELECT sum(c.value) FROM cells c JOIN reports r ON r.id = c.report_id WHERE r.file LIKE '%pdftotext_layout.txt' AND c.column_id = 'total' AND c.row_id IN ('disclosed', 'partially_disclosed')",
            [],
            |r| r.get::<_, f64>(0),
        )
        .unwrap() as i64;
    assert_eq!(num, parts);
    assert!(den > 0 && (value - num as f64 / den as f64).abs() < 1e-6);

    let mut book: calamine::Xlsx<_> = calamine::open_workbook(dir.path().join("f.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), vec!["报告", "数据", "指标"]);
    let data = book.worksheet_range("数据").unwrap();
    let numbers = data
        .rows()
        .filter(|r| r.get(11) == Some(&Data::String("number".into())))
        .count();
    assert_eq!(numbers, 400);
}

#[test]
fn summary_xlsx_has_one_row_per_report_problem_and_cell() {
    let dir = tempfile::tempdir().unwrap();
    reports(dir.path());
    std::fs::copy(
        root().join("tests/browser/fixtures/township_2024_broken.txt"),
        dir.path().join("in/broken.txt"),
    )
    .unwrap();
    let (code, err) = run(
        dir.path(),
        &["check", "in", "--summary", "xlsx", "-o", "检查结果.xlsx"],
    );
    assert_eq!(code, 1, "{err}");
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(dir.path().join("检查结果.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), vec!["汇总", "问题", "数据"]);
    let summary = book.worksheet_range("汇总").unwrap();
    assert_eq!(summary.height(), 4, "header and three reports");
    let problems = book.worksheet_range("问题").unwrap();
    assert!(problems
        .rows()
        .any(|r| r.get(1) == Some(&Data::String("T3-1".into()))
            && r[0].to_string().ends_with("broken.txt")));
    let cells = book.worksheet_range("数据").unwrap();
    assert!(cells.height() > 600);
    // Without -o the workbook has nowhere to go.
    let (code, err) = run(dir.path(), &["check", "in", "--summary", "xlsx"]);
    assert_eq!(code, 2);
    assert!(err.contains("-o"), "{err}");
}
