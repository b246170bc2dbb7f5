//! The layouts people really publish and paste (issue 11): one fixture each in tests/fixtures,
//! and the facts each must yield. Snapshots of every fixture are taken in `fixtures.rs`.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use gaogen_model::{CellValue, ColumnId, FindingKind, Report, RowId, TableKey};
use std::path::PathBuf;

fn read(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    let bytes = std::fs::read(path).expect("fixture exists");
    gaogen_grammar::parse_bytes(&bytes).expect("fixture decodes")
}

/// A row's cells: numbers as their value, blanks as `None`; panics on any other kind.
fn row(r: &Report, key: TableKey, id: RowId) -> Vec<Option<String>> {
    r.table(key)
        .row(id)
        .unwrap_or_else(|| panic!("row {id}"))
        .cells
        .iter()
        .map(|c| match &c.value {
            CellValue::Count { value, .. } => Some(value.to_string()),
            CellValue::Amount { value, .. } => Some(value.to_string()),
            CellValue::Empty { .. } => None,
            other => panic!("{id}/{}: {other:?}", c.column),
        })
        .collect()
}

fn nums(values: &[Option<i64>]) -> Vec<Option<String>> {
    values.iter().map(|v| v.map(|v| v.to_string())).collect()
}

fn kinds(r: &Report) -> Vec<FindingKind> {
    r.findings.iter().map(|f| f.kind).collect()
}

#[test]
fn rows_copied_with_single_spaces() {
    let r = read("row_single_spaces.txt");
    assert_eq!(r.number_cell_count(), 200);
    assert_eq!(
        row(&r, TableKey::Applications, RowId::NewRequests),
        nums(&[
            Some(3001),
            Some(53),
            Some(0),
            Some(0),
            Some(61),
            Some(4),
            Some(3119)
        ])
    );
    // 「三、本年度办理结果 （一）予以公开 …」: the group label before the row's own label.
    assert_eq!(
        row(&r, TableKey::Applications, RowId::Disclosed)[6],
        Some("1362".into())
    );
    assert_eq!(
        row(&r, TableKey::ActiveDisclosure, RowId::Fees),
        vec![Some("96171.6".into())]
    );
    assert_eq!(
        row(&r, TableKey::ReviewsAndLitigation, RowId::Cases),
        nums(&[72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20].map(Some))
    );
    assert!(kinds(&r).is_empty(), "{:?}", r.findings);
}

#[test]
fn lone_pipe_lines_are_empty_cells_in_their_place() {
    let r = read("cell_per_line_blanks.txt");
    assert_eq!(
        row(&r, TableKey::Applications, RowId::NewRequests),
        nums(&[Some(9), Some(3), None, Some(1), None, None, Some(13)])
    );
    // Six lines holding only `|`, then `0 |`: six blanks and a 总计 of 0.
    assert_eq!(
        row(&r, TableKey::Applications, RowId::WithheldStateSecret),
        nums(&[None, None, None, None, None, None, Some(0)])
    );
    assert_eq!(r.number_cell_count(), 118);
    assert!(!kinds(&r).contains(&FindingKind::RowAmbiguous));
    assert!(!kinds(&r).contains(&FindingKind::CellMissing));
}

#[test]
fn nbsp_cells_keep_grid_positions() {
    let r = read("html_nbsp_blanks.html");
    assert_eq!(
        row(&r, TableKey::ReviewsAndLitigation, RowId::Cases),
        nums(&[
            Some(2),
            None,
            Some(1),
            None,
            Some(3),
            None,
            Some(1),
            None,
            None,
            Some(1),
            Some(1),
            None,
            None,
            None,
            Some(1)
        ])
    );
    assert_eq!(
        row(&r, TableKey::ActiveDisclosure, RowId::Rules),
        vec![None; 3]
    );
    assert_eq!(
        row(&r, TableKey::ActiveDisclosure, RowId::NormativeDocuments),
        nums(&[Some(2), None, Some(9)])
    );
    assert_eq!(
        row(&r, TableKey::Applications, RowId::CarriedOver),
        nums(&[None, Some(1), None, None, None, None, Some(1)])
    );
    assert!(!kinds(&r).contains(&FindingKind::RowAmbiguous));
    assert!(!kinds(&r).contains(&FindingKind::UnplacedValues));
}

#[test]
fn unreadable_cells_are_kept_as_written_and_the_rest_of_the_row_read() {
    let r = read("unreadable_cells.txt");
    let t3 = r.table(TableKey::Applications);
    let text = |row: RowId, col: ColumnId| match &t3.cell(row, col).unwrap().value {
        CellValue::Text { raw } => raw.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(text(RowId::ResultsTotal, ColumnId::Total), "1O");
    assert_eq!(text(RowId::NewRequests, ColumnId::Other), "九");
    assert_eq!(text(RowId::CarriedOver, ColumnId::NaturalPerson), "9e0");
    assert_eq!(
        text(RowId::WithheldThirdParty, ColumnId::Commercial).len(),
        40
    );
    assert_eq!(text(RowId::WithheldQueryMatters, ColumnId::Total), "NaN");
    // The readable cells of the row keep their values.
    let total = t3.row(RowId::ResultsTotal).unwrap();
    let counts: Vec<Option<i64>> = total.cells.iter().map(|c| c.value.as_count()).collect();
    assert_eq!(
        counts,
        [Some(8), Some(4), Some(0), Some(1), Some(0), Some(0), None]
    );
    let unreadable: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::ValueUnreadable)
        .collect();
    assert_eq!(unreadable.len(), 5);
    let f = unreadable
        .iter()
        .find(|f| f.row == Some(RowId::ResultsTotal))
        .unwrap();
    assert!(f.message.contains("「1O」"), "{}", f.message);
    assert_eq!(f.span.map(|s| s.line), Some(66));
    assert!(!kinds(&r).contains(&FindingKind::RowAmbiguous));
}

#[test]
fn crawler_text_run_together_metadata_and_chinese_year() {
    let r = read("crawler_run_together.txt");
    // 「標題: 示范县卫生健康委员会二〇二〇年…」: the metadata prefix is not the agency.
    assert_eq!(r.agency.as_deref(), Some("示范县卫生健康委员会"));
    assert_eq!(r.year, Some(2020));
    // The 2019 edition's heading of 五 is official in a 2020 report.
    assert!(!kinds(&r).contains(&FindingKind::SectionHeadingVariant));
    assert_eq!(
        row(&r, TableKey::Applications, RowId::NewRequests),
        nums(&[9, 3, 0, 1, 0, 0, 13].map(Some))
    );
    assert_eq!(
        row(&r, TableKey::Applications, RowId::ResultsTotal),
        nums(&[8, 4, 0, 1, 0, 0, 13].map(Some))
    );
    assert_eq!(r.table(TableKey::Applications).number_cell_count(), 161);
    assert_eq!(
        row(&r, TableKey::ReviewsAndLitigation, RowId::Cases),
        nums(&[2, 0, 1, 0, 3, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1].map(Some))
    );
    let split = r
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::CellsSplit)
        .count();
    assert_eq!(split, 24);
    // 表二 has no sums to split by: its rows are reported, nothing guessed.
    assert_eq!(r.table(TableKey::ActiveDisclosure).number_cell_count(), 0);
    assert!(kinds(&r).contains(&FindingKind::RowAmbiguous));
}

/// Every cell of every table, as (table, row, column, value).
fn all_cells(r: &Report) -> Vec<(TableKey, String, String, CellValue)> {
    [
        TableKey::ActiveDisclosure,
        TableKey::Applications,
        TableKey::ReviewsAndLitigation,
    ]
    .into_iter()
    .flat_map(|key| {
        r.table(key).rows.iter().flat_map(move |row| {
            row.cells.iter().map(move |c| {
                (
                    key,
                    row.id.to_string(),
                    c.column.to_string(),
                    c.value.clone(),
                )
            })
        })
    })
    .collect()
}

/// The numbers only (where each was written differs between the two texts).
fn numbers_by_cell(r: &Report) -> Vec<(TableKey, String, String, Option<String>)> {
    all_cells(r)
        .into_iter()
        .map(|(t, row, col, v)| {
            let n = match v {
                CellValue::Count { value, .. } => Some(value.to_string()),
                CellValue::Amount { value, .. } => Some(value.to_string()),
                _ => None,
            };
            (t, row, col, n)
        })
        .collect()
}

#[test]
fn pdfminer_columns_read_as_the_pdf_gives_them() {
    // pdfminer's text of the 2024 示范市 report: 表二's labels, then 「第二十条第（五）项」 and
    // 行政许可, then the values of 规章 and 行政规范性文件 column by column and 行政许可's; 表三's
    // column headers after its row labels with 「总计」 before 「其他」 standing alone.
    let r = read("pdfminer_columns.txt");
    let layout = read("pdftotext_layout.txt");
    assert_eq!(r.number_cell_count(), 200);
    assert_eq!(numbers_by_cell(&r), numbers_by_cell(&layout));
    assert_eq!(
        row(&r, TableKey::ActiveDisclosure, RowId::NormativeDocuments),
        nums(&[8, 26, 66].map(Some))
    );
    assert_eq!(
        row(&r, TableKey::ActiveDisclosure, RowId::Licensing),
        nums(&[Some(447228)])
    );
    assert!(!kinds(&r).contains(&FindingKind::RowAmbiguous));
    assert!(!kinds(&r).contains(&FindingKind::UnplacedValues));
}

#[test]
fn pdfminer_total_column_before_the_last_found_by_the_sums() {
    // pdfminer's text of the 2023 样本区 report: 表三's 总计 column comes sixth, before 其他; only
    // 自然人 has requests, so 自然人 and 总计 are equal columns. 表二's two rows of three columns
    // cannot be oriented by themselves: 表三 proved the text column by column.
    let r = read("pdfminer_total_sixth.txt");
    let layout = read("pdftotext_2019_table3.txt");
    assert_eq!(r.number_cell_count(), 10 + 161 + 15);
    assert_eq!(numbers_by_cell(&r), numbers_by_cell(&layout));
    assert_eq!(
        row(&r, TableKey::ActiveDisclosure, RowId::NormativeDocuments),
        nums(&[0, 5, 5].map(Some))
    );
    assert_eq!(
        row(&r, TableKey::Applications, RowId::NewRequests),
        nums(&[21, 0, 0, 0, 0, 0, 21].map(Some))
    );
    assert!(!kinds(&r).contains(&FindingKind::RowAmbiguous));
    assert!(!kinds(&r).contains(&FindingKind::UnplacedValues));
}

#[test]
fn crawler_date_line_before_a_year_only_title() {
    // Breadcrumb, the agency, 「发布时间: …」, then a title holding only the year.
    let r = read("crawler_date_first.txt");
    assert_eq!(r.agency.as_deref(), Some("示范市自然资源和规划局"));
    assert_eq!(r.year, Some(2022));
    // The date line is kept (first in the preamble), so the publication date is read from it.
    let first = &r.preamble[0];
    assert!(first.text.starts_with("发布时间"), "{}", first.text);
    assert_eq!(first.span.line, 3);
    let context = gaogen_model::check::published::Context::default();
    let published = gaogen_model::check::published::publication(&r, &context).expect("a date");
    assert_eq!(published.span.map(|s| s.line), Some(3));
    assert_eq!(
        (
            published.date.year,
            published.date.month,
            published.date.day
        ),
        (2023, 1, 20)
    );
    assert_eq!(r.number_cell_count(), 200);
    assert!(!r.preamble.iter().any(|p| p.text.contains("首页")));
}

#[test]
fn an_excerpt_starting_inside_table_two_and_cut_inside_a_row() {
    let r = read("excerpt_cut.txt");
    // Table content before the first section heading is read.
    assert_eq!(
        row(&r, TableKey::ActiveDisclosure, RowId::NormativeDocuments),
        nums(&[2, 0, 9].map(Some))
    );
    assert_eq!(
        row(&r, TableKey::ActiveDisclosure, RowId::Fees),
        vec![Some("356.82".into())]
    );
    // The cut row: the two cells before the end in their columns, the other five missing.
    let cut = r
        .table(TableKey::Applications)
        .row(RowId::PartiallyDisclosed)
        .unwrap();
    let values: Vec<&CellValue> = cut.cells.iter().map(|c| &c.value).collect();
    assert_eq!(values[0].as_count(), Some(1));
    assert!(matches!(values[1], CellValue::Empty { .. }));
    assert!(values[2..].iter().all(|v| **v == CellValue::Missing));
    // One finding for the truncation, naming the cut row and the rows lost after it.
    let truncated: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::InputTruncated)
        .collect();
    assert_eq!(truncated.len(), 1);
    assert!(truncated[0].message.contains("其后 21 行没有读到"));
    assert!(
        !kinds(&r).contains(&FindingKind::RowMissing) || {
            // Only 规章, before the excerpt starts.
            r.findings
                .iter()
                .filter(|f| f.kind == FindingKind::RowMissing)
                .all(|f| f.row == Some(RowId::Rules))
        }
    );
    assert!(!kinds(&r).contains(&FindingKind::RowAmbiguous));
}

#[test]
fn the_agency_from_the_signature_when_the_title_has_none() {
    let text = "2022年政府信息公开工作年度报告\n\n一、总体情况\n本年度，本局认真贯彻条例。\n\
                六、其他需要报告的事项\n本年度未收取信息处理费。\n\n示范市财政局\n2023年1月20日\n";
    let r = gaogen_grammar::parse(text);
    assert_eq!(r.agency.as_deref(), Some("示范市财政局"));
    assert_eq!(r.year, Some(2022));
    // A title naming the agency wins over the signature.
    let r = gaogen_grammar::parse(&text.replace("2022年政府", "示范市税务局2022年政府"));
    assert_eq!(r.agency.as_deref(), Some("示范市税务局"));
}

#[test]
fn a_title_wrapped_over_two_or_three_lines_is_joined() {
    for title in [
        "示范市自然资源和规划局2022年政府信息公开\n工作年度报告",
        "示范市自然资源和规划局\n2022年政府信息公开工作\n年度报告",
        "    示范市自然资源和规划局2022年\n    政府信息公开工作年度报告",
    ] {
        let r = gaogen_grammar::parse(&format!("{title}\n\n一、总体情况\n本年度工作。\n"));
        assert_eq!(
            r.title.as_ref().map(|t| t.value.as_str()),
            Some("示范市自然资源和规划局2022年政府信息公开工作年度报告"),
            "{title}"
        );
        assert_eq!(
            r.agency.as_deref(),
            Some("示范市自然资源和规划局"),
            "{title}"
        );
        assert_eq!(r.year, Some(2022), "{title}");
    }
}

#[test]
fn converter_markdown_reads_like_the_example() {
    // Issue 11 layout 8: made-up headers 「数据1…」, a page footer and a repeated header inside the
    // table, labels listed before a value-only table. Every cell as in the tab-separated original.
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/published/township_2023.txt");
    let original = gaogen_grammar::parse_bytes(&std::fs::read(path).unwrap()).unwrap();
    for name in [
        "converter_made_up_headers.txt",
        "converter_labels_before_values.txt",
    ] {
        let r = read(name);
        assert_eq!(r.number_cell_count(), 200, "{name}");
        assert_eq!(numbers_by_cell(&r), numbers_by_cell(&original), "{name}");
        assert!(!kinds(&r).contains(&FindingKind::RowAmbiguous), "{name}");
        assert!(!kinds(&r).contains(&FindingKind::UnplacedValues), "{name}");
    }
}
