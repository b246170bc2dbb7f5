//! Human output fitted to the person's terminal: `COLUMNS` (or the terminal's own width) bounds
//! every line of `check` and `diff`; levels are named in Chinese; without a terminal nothing is
//! wrapped, so files and pipes keep whole lines.

use assert_cmd::Command;
use std::path::PathBuf;
use unicode_width::UnicodeWidthStr;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(columns: Option<&str>, args: &[&str]) -> (i32, String) {
    let mut cmd = Command::cargo_bin("gaogen").unwrap();
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    let out = cmd.args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn widest(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

const WIDE: &str = "tests/fixtures/pipe_markdown.txt";
const OLD: &str = "examples/published/township_2023.txt";
const NEW: &str = "examples/published/township_2024.txt";

#[test]
fn check_fits_80_and_60_columns_and_loses_no_finding() {
    let (code, whole) = run(None, &["check", WIDE]);
    assert!(widest(&whole) > 80, "the fixture has wide lines to fit");
    for columns in ["80", "60"] {
        let (fitted_code, fitted) = run(Some(columns), &["check", WIDE]);
        assert_eq!(fitted_code, code);
        let limit: usize = columns.parse().unwrap();
        assert!(widest(&fitted) <= limit, "{columns}:\n{fitted}");
        // The same findings, in the same order.
        let codes = |t: &str| -> Vec<String> {
            t.lines()
                .filter_map(|l| {
                    l.split_once('[')
                        .filter(|(lvl, _)| ["错误", "警告", "提示"].contains(lvl))
                })
                .map(|(_, rest)| rest.split(']').next().unwrap_or("").to_string())
                .collect()
        };
        assert_eq!(codes(&fitted), codes(&whole), "{fitted}");
        assert!(!codes(&fitted).is_empty());
        // Cut excerpt lines say so.
        assert!(fitted.contains('…'), "{fitted}");
    }
}

#[test]
fn diff_tables_and_sentences_fit_the_terminal() {
    let (_, whole) = run(None, &["diff", OLD, NEW]);
    let (_, fitted) = run(Some("60"), &["diff", OLD, NEW]);
    assert!(widest(&whole) > 60);
    assert!(widest(&fitted) <= 60, "{fitted}");
    // Every changed cell is still there: the old and new values of 表二's fee.
    for value in ["12.5", "11.8"] {
        assert!(fitted.contains(value), "{fitted}");
    }
}

#[test]
fn levels_and_help_are_chinese() {
    let (_, out) = run(None, &["check", WIDE]);
    assert!(out.contains("警告[S-3]："), "{out}");
    assert!(out.contains("= 帮助："), "{out}");
    for english in ["error[", "warning[", "info[", "help:", "note:"] {
        assert!(!out.contains(english), "{english}: {out}");
    }
}

#[test]
fn a_narrow_or_nonsense_width_is_handled() {
    let (_, narrow) = run(Some("10"), &["check", WIDE]);
    // Narrower than 40 columns is taken as 40; only the file's own name may stand out.
    let without_path: String = narrow
        .lines()
        .filter(|l| !l.contains(WIDE))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(widest(&without_path) <= 40, "{narrow}");
    let (_, nonsense) = run(Some("wide"), &["check", WIDE]);
    let (_, whole) = run(None, &["check", WIDE]);
    assert_eq!(nonsense, whole);
}
