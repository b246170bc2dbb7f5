use super::*;
use crate::check::{check_path, FileSummary, Selection};
use gaogen_model::check::Mark;
use gaogen_model::TableKey;
use proptest::prelude::*;
use std::borrow::Cow;

fn written(checked: &Checked, chunks: &mut usize) -> Option<String> {
    let (mut buf, mut whole) = (String::new(), String::new());
    let pages = crate::score::Pages::new(&checked.text);
    let plain = write_plain(checked, &pages, &mut buf, |b| {
        *chunks += 1;
        whole.push_str(b);
        b.clear();
        Ok(())
    })
    .expect("no write fails");
    plain.then_some(whole)
}

fn span() -> impl Strategy<Value = Span> {
    (any::<u32>(), any::<u32>(), any::<u32>(), any::<u32>()).prop_map(|(a, b, c, d)| Span {
        line: a,
        column: b,
        end_line: c,
        end_column: d,
    })
}

/// Text with what JSON escapes (quotes, backslashes, control characters) and Chinese.
fn text() -> impl Strategy<Value = String> {
    "[a-z\"\\\\\u{0}-\u{1f}\u{7f}中文「」，。\u{2028}\u{feff}]{0,12}"
}

fn diagnostic_strategy() -> impl Strategy<Value = Diagnostic> {
    let codes = prop::sample::select(vec!["T3-1", "H-PUNCT", "R-UNPLACED", "S-2"]);
    let severity = prop::sample::select(vec![Severity::Error, Severity::Warning, Severity::Info]);
    let table = prop::option::of(prop::sample::select(TableKey::ALL.to_vec()));
    let marks = prop::collection::vec(
        (span(), text(), any::<bool>()).prop_map(|(span, label, fixed)| Mark {
            span,
            label: if fixed {
                Cow::Borrowed("重复")
            } else {
                Cow::Owned(label)
            },
        }),
        0..4,
    );
    (
        (codes, severity, text(), prop::option::of(span())),
        (marks, prop::option::of(text()), any::<bool>(), table),
        prop::option::of(span()),
    )
        .prop_map(
            |((code, severity, message, main), (marks, help, not_assessable, table), previous)| {
                let mut d = Diagnostic::new(code, severity, message, main);
                d.marks = marks;
                d.help = help.map(Cow::Owned);
                d.not_assessable = not_assessable;
                d.table = table;
                d.previous = previous;
                d
            },
        )
}

fn checked(diagnostics: Vec<Diagnostic>, text: &str) -> Checked {
    Checked {
        summary: FileSummary::failed("目录/报告\"1\".txt".into(), "无".into()),
        diagnostics,
        text: text.into(),
        report: None,
        places: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    /// A string is written as serde writes it: clean, or with one escaped character anywhere
    /// in or after the sixteen-byte chunks.
    #[test]
    fn a_string_is_escaped_as_serde_escapes_it(
        clean in "[公开a ]{0,40}",
        at in any::<prop::sample::Index>(),
        escaped in prop::sample::select(&['"', '\\', '\u{0}', '\n', '\u{1f}'][..]),
    ) {
        let mut out = String::new();
        string(&mut out, &clean);
        prop_assert_eq!(&out, &serde_json::to_string(&clean).unwrap());
        let mut s: Vec<char> = clean.chars().collect();
        s.insert(at.index(s.len() + 1), escaped);
        let s: String = s.into_iter().collect();
        out.clear();
        string(&mut out, &s);
        prop_assert_eq!(out, serde_json::to_string(&s).unwrap());
    }

    #[test]
    fn a_diagnostic_is_written_as_serde_writes_it(d in diagnostic_strategy()) {
        let mut out = String::new();
        diagnostic(&mut out, &d);
        prop_assert_eq!(out, serde_json::to_string(&d).unwrap());
    }

    #[test]
    fn an_entry_is_written_as_serde_writes_it(ds in prop::collection::vec(diagnostic_strategy(), 0..6)) {
        let c = checked(ds, "报告\n");
        let mut chunks = 0;
        prop_assert_eq!(written(&c, &mut chunks), Some(serde_entry(&c)));
        prop_assert_eq!(chunks, 1);
    }
}

#[test]
fn a_long_entry_is_handed_on_in_chunks_that_join_to_serde_s() {
    let d = Diagnostic::new(
        "H-PUNCT",
        Severity::Warning,
        "中文正文中有 2 处半角标点",
        None,
    )
    .mark(Span::on_line(3, 1, 2), "半角「,」")
    .help("改为全角标点");
    let c = checked(vec![d; 2_000], "报告\n");
    let mut chunks = 0;
    assert_eq!(written(&c, &mut chunks), Some(serde_entry(&c)));
    assert!(chunks > 2, "{chunks}");
}

#[test]
fn pages_and_workbooks_are_left_to_serde() {
    let mut chunks = 0;
    assert_eq!(
        written(&checked(Vec::new(), "第一页\u{c}第二页\n"), &mut chunks),
        None
    );
    assert_eq!(chunks, 0);
}

#[test]
fn every_fixture_s_entry_is_serde_s() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let (files, failures) = crate::input::collect_files(&[root]);
    assert!(failures.is_empty(), "{failures:?}");
    let (mut plain, mut equations) = (0, 0);
    for path in files {
        // As published, and without its page breaks (pdftotext's text then has no pages and is
        // written directly, its equations included).
        let bytes = crate::input::read_limited(&path, 1 << 20).expect("fixture");
        let unpaged: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0x0c).collect();
        let name = path.display().to_string();
        for c in [
            check_path(&path, &Selection::all()),
            crate::check::check_report(&name, &unpaged, &Selection::all()).expect("reads"),
        ] {
            let mut chunks = 0;
            if let Some(entry) = written(&c, &mut chunks) {
                assert_eq!(entry, serde_entry(&c), "{name}");
                plain += 1;
                equations += c
                    .diagnostics
                    .iter()
                    .filter(|d| d.equation.is_some())
                    .count();
            }
        }
    }
    assert!(
        plain >= 20 && equations > 0,
        "{plain} files, {equations} equations"
    );
}
