//! The authoring workbook end to end: import → .xlsx → render → parse keeps every number; a
//! changed cell, a typed total, a blank, a decimal, a missing sheet and a moved table are each
//! reported at their sheet and cell.

#![allow(clippy::disallowed_methods)] // tests read and edit the workbooks directly

use assert_cmd::Command;
use gaogen_model::{CellValue, ColumnId, RowId, TableKey};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("gaogen")
        .expect("binary")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every number cell of a report: (table, row, column, value as text).
fn numbers(report: &gaogen_model::Report) -> Vec<(TableKey, RowId, ColumnId, String)> {
    let mut out = Vec::new();
    for key in TableKey::ALL {
        for row in &report.table(key).rows {
            for c in &row.cells {
                let v = match &c.value {
                    CellValue::Count { value, .. } => value.to_string(),
                    CellValue::Amount { value, .. } => value.normalize().to_string(),
                    _ => continue,
                };
                out.push((key, row.id, c.column, v));
            }
        }
    }
    out
}

/// A fixture imported into a workbook in a fresh directory.
fn imported(fixture: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = root().join("tests/fixtures").join(fixture);
    let (code, _, err) = run(
        dir.path(),
        &["import", src.to_str().unwrap(), "-o", "x.xlsx"],
    );
    assert_eq!(code, 0, "{err}");
    let path = dir.path().join("x.xlsx");
    (dir, path)
}

/// Rewrites one part of the workbook's zip.
fn edit(path: &Path, part: &str, change: impl Fn(String) -> String) {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut body = String::new();
        f.read_to_string(&mut body).unwrap();
        if name == part {
            let changed = change(body.clone());
            assert_ne!(changed, body, "the edit of {part} changed nothing");
            body = changed;
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(body.as_bytes()).unwrap();
    }
    std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

/// Sets the XML of one cell (`<c r="D6" …>…</c>` or `<c r="D6" …/>`).
fn set_cell(xml: &str, cell: &str, replacement: &str) -> String {
    let re = regex::Regex::new(&format!(r#"<c r="{cell}"[^>]*?(/>|>.*?</c>)"#)).unwrap();
    assert!(re.is_match(xml), "no cell {cell}");
    re.replace(xml, replacement).into_owned()
}

const T2: &str = "xl/worksheets/sheet2.xml";
const T3: &str = "xl/worksheets/sheet3.xml";

#[test]
fn import_render_parse_keeps_all_200_numbers() {
    for fixture in ["pdftotext_layout.txt", "crlf_bom.txt", "page.html"] {
        let original = gaogen_grammar::parse_bytes(
            &std::fs::read(root().join("tests/fixtures").join(fixture)).unwrap(),
        )
        .unwrap();
        let (dir, _) = imported(fixture);
        let (code, _, err) = run(dir.path(), &["render", "x.xlsx", "-o", "x.md"]);
        assert_eq!(code, 0, "{fixture}: {err}");
        let text = std::fs::read_to_string(dir.path().join("x.md")).unwrap();
        let back = gaogen_grammar::parse(&text);
        assert_eq!(numbers(&original).len(), 200, "{fixture}");
        assert_eq!(numbers(&back), numbers(&original), "{fixture}");
        assert_eq!(back.agency, original.agency);
        assert_eq!(back.year, original.year);
    }
}

#[test]
fn a_changed_cell_gives_its_rule_error_at_its_cell() {
    let (dir, path) = imported("pdftotext_layout.txt");
    // 表三 「一、本年新收…」 · 自然人 is D6: one more breaks T3-1 in its column.
    edit(&path, T3, |x| {
        set_cell(&x, "D6", r#"<c r="D6" s="6"><v>3002</v></c>"#)
    });
    let (code, _, err) = run(dir.path(), &["render", "x.xlsx", "-o", "x.md"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("T3-1"), "{err}");
    assert!(err.contains("表三!D6"), "{err}");
    assert!(!dir.path().join("x.md").exists());
    let (code, out, _) = run(dir.path(), &["check", "x.xlsx"]);
    assert_eq!(code, 1);
    assert!(out.contains("表三!D6") && out.contains("T3-1"), "{out}");
    // JSON names the cell of the diagnostic and of every term of the broken sum.
    let (code, out, _) = run(dir.path(), &["check", "--format", "json", "x.xlsx"]);
    assert_eq!(code, 1);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    let t31 = j["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "T3-1" && d["message"].as_str().unwrap().contains("自然人"))
        .expect("T3-1 in 自然人");
    let cells: Vec<&str> = t31["equation"]["left"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["cell"].as_str())
        .collect();
    assert!(cells.contains(&"表三!D6"), "{t31}");
    assert!(t31["cell"].as_str().unwrap().starts_with("表三!"), "{t31}");
    assert!(t31["marks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["cell"] == "表三!D6"));
}

#[test]
fn a_formula_replaced_by_a_wrong_total_is_reported_not_replaced() {
    let (dir, path) = imported("pdftotext_layout.txt");
    edit(&path, T3, |x| {
        set_cell(&x, "J6", r#"<c r="J6" s="7"><v>99999</v></c>"#)
    });
    let (code, _, err) = run(dir.path(), &["render", "x.xlsx", "-o", "x.md"]);
    assert_eq!(code, 1);
    assert!(err.contains("[A-TOTAL]"), "{err}");
    assert!(err.contains("「表三!J6」"), "{err}");
    assert!(err.contains("99999") && err.contains("3119"), "{err}");
    // The model keeps what the workbook says: the row-total rule sees 99999 too.
    let book = gaogen::workbook::read_path(&path).unwrap();
    let t3 = book.report.table(TableKey::Applications);
    assert_eq!(
        t3.cell(RowId::NewRequests, ColumnId::Total)
            .unwrap()
            .value
            .as_count(),
        Some(99999)
    );
}

#[test]
fn a_blank_is_never_zero() {
    let (dir, path) = imported("pdftotext_layout.txt");
    edit(&path, T3, |x| set_cell(&x, "E6", r#"<c r="E6" s="6"/>"#));
    let book = gaogen::workbook::read_path(&path).unwrap();
    let t3 = book.report.table(TableKey::Applications);
    assert_eq!(
        t3.cell(RowId::NewRequests, ColumnId::Commercial)
            .unwrap()
            .value,
        CellValue::Empty {
            marker: Default::default()
        }
    );
    // Its row total cannot be computed: missing, not a sum that counted the blank as 0.
    assert_eq!(
        t3.cell(RowId::NewRequests, ColumnId::Total).unwrap().value,
        CellValue::Missing
    );
    let (code, _, err) = run(dir.path(), &["render", "x.xlsx", "-o", "x.md"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("表三!E6") && err.contains("空白"), "{err}");
    // A fresh workbook is all blanks: nothing is rendered from it.
    let (code, _, _) = run(dir.path(), &["init", "-o", "new.xlsx"]);
    assert_eq!(code, 0);
    let fresh = gaogen::workbook::read_path(&dir.path().join("new.xlsx")).unwrap();
    assert_eq!(fresh.report.number_cell_count(), 0);
    let (code, _, err) = run(dir.path(), &["render", "new.xlsx"]);
    assert_eq!(code, 1);
    assert!(err.contains("空白不等于 0"), "{err}");
}

#[test]
fn amounts_keep_up_to_six_decimals() {
    let (dir, path) = imported("pdftotext_layout.txt");
    // 表二 「行政事业性收费」 · 本年收费金额 is B16.
    edit(&path, T2, |x| {
        set_cell(&x, "B16", r#"<c r="B16" s="6"><v>12.345678</v></c>"#)
    });
    let book = gaogen::workbook::read_path(&path).unwrap();
    let fee = book
        .report
        .table(TableKey::ActiveDisclosure)
        .cell(RowId::Fees, ColumnId::FeeAmount)
        .unwrap()
        .value
        .clone();
    assert!(
        matches!(&fee, CellValue::Amount { value, .. } if value.to_string() == "12.345678"),
        "{fee:?}"
    );
    let (code, _, err) = run(dir.path(), &["render", "x.xlsx", "-o", "x.md"]);
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(dir.path().join("x.md")).unwrap();
    assert!(md.contains("12.345678"));
    edit(&path, T2, |x| {
        set_cell(&x, "B16", r#"<c r="B16" s="6"><v>1.2345678</v></c>"#)
    });
    let (code, _, err) = run(dir.path(), &["render", "x.xlsx", "-o", "y.md", "--force"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("表二!B16") && err.contains("6 位小数"),
        "{err}"
    );
}

#[test]
fn a_missing_sheet_is_named() {
    let (dir, path) = imported("pdftotext_layout.txt");
    edit(&path, "xl/workbook.xml", |x| {
        x.replace(r#"name="表三""#, r#"name="Sheet3""#)
    });
    let (code, _, err) = run(dir.path(), &["render", "x.xlsx"]);
    assert_eq!(code, 2);
    assert!(err.contains("没有「表三」工作表"), "{err}");
    let (code, _, err) = run(dir.path(), &["check", "x.xlsx"]);
    assert_eq!(code, 2);
    assert!(err.contains("没有「表三」工作表"), "{err}");
}

#[test]
fn a_moved_table_is_named_with_where_it_went() {
    let (dir, path) = imported("pdftotext_layout.txt");
    // Every cell of 表三 one row down, as if a row had been inserted above the table.
    let shift = regex::Regex::new(r#"(r|ref)="([A-Z]+)(\d+)(:([A-Z]+)(\d+))?""#).unwrap();
    edit(&path, T3, |x| {
        shift
            .replace_all(&x, |c: &regex::Captures<'_>| {
                let down = |n: &str| n.parse::<u32>().unwrap() + 1;
                match (c.get(5), c.get(6)) {
                    (Some(col), Some(row)) => format!(
                        "{}=\"{}{}:{}{}\"",
                        &c[1],
                        &c[2],
                        down(&c[3]),
                        col.as_str(),
                        down(row.as_str())
                    ),
                    _ => format!("{}=\"{}{}\"", &c[1], &c[2], down(&c[3])),
                }
            })
            .into_owned()
    });
    let (code, _, err) = run(dir.path(), &["render", "x.xlsx"]);
    assert_eq!(code, 2);
    assert!(err.contains("工作表「表三」的表格被移动了"), "{err}");
    assert!(err.contains("表三!A6") && err.contains("表三!A7"), "{err}");
}

#[test]
fn init_from_last_year_fills_carry_over_and_in_force() {
    let (dir, _) = imported("pdftotext_layout.txt");
    let last = gaogen::workbook::read_path(&dir.path().join("x.xlsx")).unwrap();
    let (code, _, err) = run(dir.path(), &["init", "--from", "x.xlsx", "-o", "next.xlsx"]);
    assert_eq!(code, 0, "{err}");
    let next = gaogen::workbook::read_path(&dir.path().join("next.xlsx")).unwrap();
    assert_eq!(next.report.year, last.report.year.map(|y| y + 1));
    let t3 = |r: &gaogen_model::Report, row: RowId| {
        r.table(TableKey::Applications)
            .cell(row, ColumnId::NaturalPerson)
            .unwrap()
            .value
            .clone()
    };
    assert_eq!(
        t3(&next.report, RowId::CarriedOver),
        t3(&last.report, RowId::CarriedForward)
    );
    assert!(t3(&next.report, RowId::CarriedOver).is_number());
    let in_force = |r: &gaogen_model::Report| {
        r.table(TableKey::ActiveDisclosure)
            .cell(RowId::Rules, ColumnId::InForce)
            .unwrap()
            .value
            .clone()
    };
    assert_eq!(in_force(&next.report), in_force(&last.report));
    // Everything else is left to fill in.
    assert!(!t3(&next.report, RowId::NewRequests).is_number());
    // --format xlsx writes a workbook whatever the name.
    let (code, _, _) = run(dir.path(), &["init", "--format", "xlsx", "-o", "draft"]);
    assert_eq!(code, 0);
    assert!(gaogen::workbook::read_path(&dir.path().join("draft")).is_ok());
}

/// `parse` reads a workbook into the model with every place named by its cell; a directory's
/// workbooks are checked as reports, not skipped.
#[test]
fn parse_names_cells_and_directories_take_workbooks() {
    let (dir, _) = imported("pdftotext_layout.txt");
    let (code, out, err) = run(dir.path(), &["parse", "x.xlsx"]);
    assert_eq!(code, 0, "{err}");
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    let original = gaogen_grammar::parse_bytes(
        &std::fs::read(root().join("tests/fixtures/pdftotext_layout.txt")).unwrap(),
    )
    .unwrap();
    // The same 200 numbers, table by table, row by row, each with its cell.
    let mut from_json = Vec::new();
    for key in [
        "active_disclosure",
        "applications",
        "reviews_and_litigation",
    ] {
        for row in j["tables"][key]["rows"].as_array().unwrap() {
            for c in row["cells"].as_array().unwrap() {
                let v = &c["value"];
                if v["kind"] == "count" || v["kind"] == "amount" {
                    assert!(c["cell"].as_str().is_some_and(|a| a.contains('!')), "{c}");
                    let value = match &v["value"] {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    from_json.push((row["id"].as_str().unwrap().to_string(), value));
                }
            }
        }
    }
    let expected: Vec<(String, String)> = TableKey::ALL
        .iter()
        .flat_map(|&k| &original.table(k).rows)
        .flat_map(|r| r.cells.iter().map(move |c| (r.id, c)))
        .filter(|(_, c)| c.value.is_number())
        .map(|(id, c)| {
            (
                id.to_string(),
                match &c.value {
                    CellValue::Count { value, .. } => value.to_string(),
                    CellValue::Amount { value, .. } => value.normalize().to_string(),
                    _ => unreachable!(),
                },
            )
        })
        .collect();
    assert_eq!(from_json.len(), 200);
    assert_eq!(from_json, expected);
    let first = &j["tables"]["applications"]["rows"][0]["cells"][0];
    assert_eq!(first["cell"], "表三!D6", "{first}");
    assert!(j["title"]["cell"]
        .as_str()
        .unwrap()
        .starts_with("基本信息!"));
    // In a directory beside a published report: both checked, the workbook at its cells.
    std::fs::copy(
        root().join("tests/fixtures/crlf_bom.txt"),
        dir.path().join("crlf_bom.txt"),
    )
    .unwrap();
    let (_, out, err) = run(dir.path(), &["check", "--format", "json", "."]);
    assert!(!err.contains("跳过"), "{err}");
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    let paths: Vec<&str> = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["./crlf_bom.txt", "./x.xlsx"]);
    assert_eq!(j["files"][1]["summary"]["cells_read"], 200);
}
