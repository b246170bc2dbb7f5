//! Every fixture in tests/fixtures (one per real published layout, plus HTML, GB18030 and CRLF):
//! a JSON snapshot of the whole model, and the facts each layout must yield.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use compact_str::ToCompactString;
use gaogen_model::{
    CellValue, ColumnId, FindingKind, Report, RowId, RowStatus, SectionKey, TableKey,
};
use std::path::PathBuf;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn read(name: &str) -> Report {
    let bytes = std::fs::read(fixtures_dir().join(name)).expect("fixture exists");
    gaogen_grammar::parse_bytes(&bytes).expect("fixture decodes")
}

#[test]
fn snapshot_every_fixture() {
    insta::glob!(
        "../../../tests/fixtures",
        "*.{txt,html}",
        |path: &std::path::Path| {
            let bytes = std::fs::read(path).unwrap();
            let report = gaogen_grammar::parse_bytes(&bytes).unwrap();
            insta::assert_json_snapshot!(report);
        }
    );
}

fn numbers(r: &Report, key: TableKey) -> usize {
    r.table(key).number_cell_count()
}

fn kinds(r: &Report) -> Vec<FindingKind> {
    r.findings.iter().map(|f| f.kind).collect()
}

fn written_labels(r: &Report) -> Vec<&str> {
    r.findings
        .iter()
        .filter(|f| f.kind == FindingKind::LabelVariant)
        .filter_map(|f| f.found.as_deref())
        .collect()
}

fn value(r: &Report, key: TableKey, row: RowId, column: ColumnId) -> CellValue {
    r.table(key)
        .cell(row, column)
        .map(|c| c.value.clone())
        .unwrap_or(CellValue::Missing)
}

fn count(v: i64) -> CellValue {
    CellValue::Count {
        value: v,
        raw: v.to_compact_string(),
    }
}

fn table_four(r: &Report) -> Vec<i64> {
    r.table(TableKey::ReviewsAndLitigation).rows[0]
        .cells
        .iter()
        .filter_map(|c| c.value.as_count())
        .collect()
}

/// What a complete, well-formed 2021 report yields.
fn assert_complete_2021(r: &Report) {
    assert!(r.sections.iter().all(|s| s.found), "{:?}", kinds(r));
    assert_eq!(numbers(r, TableKey::ActiveDisclosure), 10);
    assert_eq!(numbers(r, TableKey::Applications), 175);
    assert_eq!(numbers(r, TableKey::ReviewsAndLitigation), 15);
}

#[test]
fn pipe_markdown_keeps_blank_cells_blank() {
    let r = read("pipe_markdown.txt");
    assert_eq!(r.year, Some(2021));
    for row in [RowId::Disclosed, RowId::PartiallyDisclosed] {
        let cells = &r.table(TableKey::Applications).row(row).unwrap().cells;
        assert!(cells[6].value.is_number(), "{row}: 总计 read");
        assert!(
            cells[..6].iter().all(|c| !c.value.is_number()),
            "{row}: no applicant cell is a number"
        );
        assert!(
            cells[1..6]
                .iter()
                .all(|c| matches!(c.value, CellValue::Empty { .. })),
            "{row}: blanks are empty"
        );
    }
    assert!(
        written_labels(&r).contains(&"社会组织"),
        "{:?}",
        written_labels(&r)
    );
}

#[test]
fn cell_per_line_is_complete() {
    let r = read("cell_per_line.txt");
    assert_eq!(r.year, Some(2023));
    assert_complete_2021(&r);
    assert!(
        written_labels(&r).contains(&"规范性文件"),
        "{:?}",
        written_labels(&r)
    );
}

#[test]
fn markdown_tabs_truncated_recovers_table_four() {
    let r = read("markdown_tabs_truncated.txt");
    assert!(!r.section(SectionKey::ReviewsAndLitigation).found);
    let t3 = r.table(TableKey::Applications);
    assert_eq!(
        t3.row(RowId::UnavailableNotHeld).unwrap().status,
        RowStatus::Found
    );
    assert_eq!(
        t3.row(RowId::UnavailableNeedsCreation).unwrap().status,
        RowStatus::Missing
    );
    assert_eq!(
        t3.row(RowId::CarriedForward).unwrap().status,
        RowStatus::Missing
    );
    assert_eq!(numbers(&r, TableKey::ReviewsAndLitigation), 15);
    assert!(kinds(&r).contains(&FindingKind::TableWithoutHeading));
    assert_eq!(
        value(
            &r,
            TableKey::ActiveDisclosure,
            RowId::Licensing,
            ColumnId::Decisions
        ),
        count(33)
    );
    assert_eq!(
        value(
            &r,
            TableKey::ActiveDisclosure,
            RowId::Penalty,
            ColumnId::Decisions
        ),
        count(1)
    );
}

#[test]
fn tabs_short_row_is_ambiguous_not_shifted() {
    let r = read("tabs_short_row.txt");
    let total = r
        .table(TableKey::Applications)
        .row(RowId::ResultsTotal)
        .unwrap();
    assert_eq!(total.status, RowStatus::Ambiguous);
    assert_eq!(total.unplaced.len(), 6);
    assert!(total.cells.iter().all(|c| c.value == CellValue::Missing));
    let labels = written_labels(&r);
    assert!(labels.contains(&"本年度止件数"), "{labels:?}");
    assert!(labels.contains(&"规范性文件"), "{labels:?}");
}

#[test]
fn tab_indented_cells_keep_the_written_00() {
    let r = read("tab_indented_cells.txt");
    assert_complete_2021(&r);
    assert_eq!(
        value(
            &r,
            TableKey::ActiveDisclosure,
            RowId::Rules,
            ColumnId::InForce
        ),
        CellValue::Count {
            value: 0,
            raw: "00".into()
        }
    );
}

#[test]
fn pdftotext_layout_reads_wrapped_labels() {
    let r = read("pdftotext_layout.txt");
    assert_eq!(r.year, Some(2024));
    assert_complete_2021(&r);
    assert_eq!(
        value(
            &r,
            TableKey::Applications,
            RowId::NewRequests,
            ColumnId::Total
        ),
        count(3119)
    );
    assert_eq!(
        value(
            &r,
            TableKey::Applications,
            RowId::CarriedOver,
            ColumnId::Total
        ),
        count(34)
    );
    assert_eq!(
        value(
            &r,
            TableKey::Applications,
            RowId::ResultsTotal,
            ColumnId::Total
        ),
        count(3050)
    );
    assert_eq!(
        value(
            &r,
            TableKey::Applications,
            RowId::CarriedForward,
            ColumnId::Total
        ),
        count(103)
    );
    assert_eq!(
        table_four(&r),
        [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]
    );
}

#[test]
fn pdftotext_2019_table_three_is_told_apart() {
    let r = read("pdftotext_2019_table3.txt");
    assert_eq!(
        r.table(TableKey::ActiveDisclosure).version,
        gaogen_model::FormatVersion::V2021
    );
    assert_eq!(
        r.table(TableKey::Applications).version,
        gaogen_model::FormatVersion::V2019
    );
    assert_eq!(numbers(&r, TableKey::Applications), 161);
    assert_eq!(
        table_four(&r),
        [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]
    );
    let typo = r
        .findings
        .iter()
        .find(|f| f.found.as_deref() == Some("2.其他法律行政止公开"));
    assert_eq!(
        typo.and_then(|f| f.expected.as_deref()),
        Some("2.其他法律行政法规禁止公开")
    );
}

#[test]
fn html_page_reads_merged_headers() {
    let r = read("page.html");
    assert_eq!(r.source.input, gaogen_model::InputKind::Html);
    assert_complete_2021(&r);
    // Positions point into the page source.
    let cell = r
        .table(TableKey::Applications)
        .cell(RowId::NewRequests, ColumnId::Total)
        .unwrap();
    let span = cell.span.unwrap();
    let page = std::fs::read_to_string(fixtures_dir().join("page.html")).unwrap();
    let line = page.lines().nth(span.line as usize - 1).unwrap();
    let at: String = line
        .chars()
        .skip(span.column as usize - 1)
        .take(8)
        .collect();
    let CellValue::Count { raw, .. } = &cell.value else {
        panic!("{:?}", cell.value)
    };
    assert!(
        at.starts_with(raw.as_str()),
        "span {span:?} points at {at:?}, value {raw}"
    );
}

#[test]
fn gb18030_and_crlf_read_like_utf8() {
    let r = read("gb18030.txt");
    assert_eq!(r.source.encoding, "GB18030");
    assert_complete_2021(&r);
    let r = read("crlf_bom.txt");
    assert_eq!(r.source.encoding, "UTF-8");
    assert_complete_2021(&r);
}

#[test]
fn json_example_in_docs_is_current() {
    let r = read("cell_per_line.txt");
    let json = serde_json::to_string_pretty(&r).unwrap() + "\n";
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/model-example.json");
    let documented = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        documented == json,
        "docs/model-example.json is out of date: run `cargo run -p gaogen -- parse tests/fixtures/cell_per_line.txt > docs/model-example.json`"
    );
}
