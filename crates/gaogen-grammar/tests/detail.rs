//! `Detail::Check` keeps what checking uses: the same report as `Detail::Full`, without the
//! labels that opened no row.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use gaogen_grammar::{read_owned_with, read_with, Detail};
use gaogen_model::{Report, TableKey};
use std::path::PathBuf;

fn without_unread(mut report: Report) -> Report {
    let t = &mut report.tables;
    for table in [
        &mut t.active_disclosure,
        &mut t.applications,
        &mut t.reviews_and_litigation,
    ] {
        table.unread.clear();
    }
    report
}

fn unread(report: &Report) -> usize {
    TableKey::ALL
        .iter()
        .map(|&k| report.table(k).unread.len())
        .sum()
}

#[test]
fn every_fixture_reads_the_same_but_for_unused_labels() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut with_unread = 0;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e != "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "{files:?}");
    for path in files {
        let bytes = std::fs::read(&path).expect("fixture");
        let (text, full) = read_with(&bytes, Detail::Full).expect("reads");
        let (check_text, check) = read_owned_with(bytes, Detail::Check).expect("reads");
        assert_eq!(text, check_text, "{}", path.display());
        assert_eq!(unread(&check), 0, "{}", path.display());
        with_unread += usize::from(unread(&full) > 0);
        assert_eq!(without_unread(full), check, "{}", path.display());
    }
    assert!(with_unread > 0, "no fixture has labels that opened no row");
}

#[test]
fn a_row_written_twice_keeps_its_second_label_only_in_full() {
    let text = "三、收到和处理政府信息公开申请情况\n申请人情况\n一、本年新收政府信息公开申请数量  1  2  3  4  5  6  7\n一、本年新收政府信息公开申请数量  1  2  3  4  5  6  7\n";
    let (_, full) = read_with(text.as_bytes(), Detail::Full).expect("reads");
    let (_, check) = read_with(text.as_bytes(), Detail::Check).expect("reads");
    assert_eq!(full.table(TableKey::Applications).unread.len(), 1);
    assert!(check.table(TableKey::Applications).unread.is_empty());
    assert_eq!(without_unread(full), check);
}
