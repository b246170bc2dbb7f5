//! The library API the command line and the web service share: the same answers from bytes as
//! from a file, rule selection, typed errors and exit statuses.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use gaogen::author::{self, RenderFormat};
use gaogen::{check_path, check_report, Error, ExitStatus, Selection};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn bytes_and_file_give_the_same_diagnostics() {
    let path = root().join("tests/fixtures/pdftotext_2019_table3.txt");
    let bytes = std::fs::read(&path).expect("fixture");
    let all = Selection::all();
    let from_file = check_path(&path, &all);
    let from_bytes = check_report("upload.txt", &bytes, &all).expect("reads");
    let codes =
        |c: &gaogen::check::Checked| c.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>();
    assert!(!from_file.diagnostics.is_empty());
    assert_eq!(codes(&from_file), codes(&from_bytes));
    assert_eq!(from_bytes.summary.path, "upload.txt");
    assert_eq!(from_file.summary.cells_read, from_bytes.summary.cells_read);
}

#[test]
fn selection_by_code_and_prefix() {
    let s = Selection {
        select: vec!["T3".into()],
        ignore: vec!["t3-2".into()],
    };
    assert!(s.allows("T3-1"));
    assert!(!s.allows("T3-2"));
    assert!(!s.allows("T2-1"));
    assert!(!s.allows("T30-1"));
    assert!(Selection::all().allows("R-AMBIGUOUS-ROW"));
    let s = Selection {
        select: vec!["r-ambiguous-".into(), "表三".into(), "T3-1-LONGER".into()],
        ignore: vec![" r-ambiguous-row ".into()],
    };
    assert!(s.allows("R-AMBIGUOUS"));
    assert!(s.allows("r-ambiguous-cell"));
    assert!(!s.allows("R-AMBIGUOUS-ROW"));
    assert!(!s.allows("R-AMBIGUOUSX"));
    assert!(!s.allows("T3-1"));
}

#[test]
fn binary_bytes_are_a_typed_read_error() {
    let e = check_report("x.bin", b"\0\x01\x02binary", &Selection::all()).unwrap_err();
    assert!(matches!(e, Error::Read(_)), "{e:?}");
    assert!(e.to_string().contains("x.bin"));
    assert_eq!(e.status(), ExitStatus::CouldNotRun);
    assert_eq!(ExitStatus::CouldNotRun.code(), 2);
}

#[test]
fn render_toml_from_text() {
    let text = std::fs::read_to_string(root().join("examples/township.toml")).expect("example");
    let r = author::render_toml("report.toml", text, RenderFormat::Md, false).expect("renders");
    assert_eq!(r.errors, 0);
    let md = String::from_utf8(r.bytes.expect("no errors")).expect("UTF-8");
    assert!(md.contains("政府信息公开工作年度报告"));
    let bad = author::render_toml("bad.toml", "[report\n".into(), RenderFormat::Md, false);
    assert!(matches!(bad, Err(Error::Toml { .. })));
}

#[test]
fn unknown_rule_is_an_error() {
    assert!(matches!(
        gaogen::check::explain("NOPE-1"),
        Err(Error::UnknownRule(_))
    ));
    assert!(gaogen::check::explain("T3-1")
        .expect("known")
        .starts_with("T3-1"));
}
