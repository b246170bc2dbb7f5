//! End-to-end cases for `gaogen render`, `gaogen init` and `gaogen import`.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use assert_cmd::Command;
use gaogen_model::RowId;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gaogen(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("gaogen").expect("binary");
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = gaogen(dir).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The rendered examples in examples/rendered are what the templates produce now.
#[test]
fn rendered_examples_are_in_sync_with_the_templates() {
    for example in ["township", "county_bureau"] {
        for format in ["md", "txt", "html"] {
            let toml = format!("examples/{example}.toml");
            let (code, out, err) = run(&root(), &["render", &toml, "--format", format]);
            assert_eq!(code, 0, "{example}.{format}: {err}");
            let committed = std::fs::read_to_string(
                root().join(format!("examples/rendered/{example}.{format}")),
            )
            .unwrap();
            assert!(
                out == committed,
                "examples/rendered/{example}.{format} is out of date: run `gaogen render {toml} --format {format} -o examples/rendered/{example}.{format} --force`"
            );
        }
    }
}

fn township_toml() -> String {
    std::fs::read_to_string(root().join("examples/township.toml")).unwrap()
}

/// Renders `toml` from a temporary directory; returns exit code and stderr.
fn render_toml(toml: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("report.toml"), toml).unwrap();
    let (code, _, err) = run(dir.path(), &["render", "report.toml"]);
    (code, err)
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle present")
        + 1
}

#[test]
fn bad_input_is_a_chinese_message_at_its_toml_place() {
    let base = township_toml();
    let cases = [
        (
            "unknown key",
            base.replace("[report]\n", "[report]\ncolour = \"red\"\n"),
            "colour",
            "未知的键",
        ),
        (
            "unknown row",
            base.replace("licensing = ", "licencing = "),
            "licencing",
            "没有「licencing」",
        ),
        (
            "wrong type",
            base.replace("year = 2023", "year = \"二〇二三\""),
            "year = ",
            "类型不对",
        ),
        (
            "negative count",
            base.replace("penalty = [37]", "penalty = [-3]"),
            "penalty",
            "负数",
        ),
        (
            "fee precision",
            base.replace("fees = [\"12.5\"]", "fees = [\"12.1234567\"]"),
            "fees",
            "超过 6 位",
        ),
        (
            "year range",
            base.replace("year = 2023", "year = 1999"),
            "year = ",
            "不在 2019–2100",
        ),
        (
            "row length",
            base.replace("rules = [0, 0, 0]", "rules = [0, 0]"),
            "rules = ",
            "应有 3 个数",
        ),
        (
            "wrong total",
            base.replace(
                "new_requests = [10, 2, 0, 0, 1, 0]",
                "new_requests = [10, 2, 0, 0, 1, 0, 14]",
            ),
            "new_requests",
            "总计 14",
        ),
        (
            "full-width commas from a Chinese input method",
            base.replace(
                "new_requests = [10, 2, 0, 0, 1, 0]",
                "new_requests = [10，2，0，0，1，0]",
            ),
            "new_requests",
            "全角逗号「，」",
        ),
        (
            "full-width quotes",
            base.replace("agency = \"", "agency = “"),
            "agency = ",
            "请改为「\"」",
        ),
        (
            "missing closing quote",
            base.replacen("人民政府\"", "人民政府", 1),
            "agency = ",
            "缺少结尾的引号",
        ),
        (
            "misspelt row key",
            base.replace("new_requests = ", "new_requets = "),
            "new_requets",
            "是否指 new_requests？",
        ),
        (
            "misspelt table",
            base.replace("[report]", "[reprot]"),
            "[reprot]",
            "是否指 report？",
        ),
    ];
    for (name, toml, needle, message) in cases {
        assert_ne!(toml, base, "{name}: the edit applies");
        let (code, err) = render_toml(&toml);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains(message), "{name}: {err}");
        let at = format!("report.toml:{}:", line_of(&toml, needle));
        assert!(err.contains(&at), "{name}: expected {at} in {err}");
    }
}

#[test]
fn rule_errors_stop_the_render_at_the_toml_line() {
    let toml = township_toml().replace(
        "carried_forward = [1, 0, 0, 0, 0, 0]",
        "carried_forward = [3, 0, 0, 0, 0, 0]",
    );
    let (code, err) = render_toml(&toml);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("错误[T3-1]"), "{err}");
    assert!(err.contains("report.toml:"), "{err}");
    // The excerpt shows and marks the line of the changed value.
    assert!(
        err.contains(&format!(
            "{} | carried_forward",
            line_of(&toml, "carried_forward")
        )),
        "{err}"
    );
    assert!(err.contains("未输出报告"), "{err}");
}

#[test]
fn nothing_is_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("report.toml"), township_toml()).unwrap();
    std::fs::write(dir.path().join("out.md"), "keep me").unwrap();
    let (code, _, err) = run(dir.path(), &["render", "report.toml", "-o", "out.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.md")).unwrap(),
        "keep me"
    );
    let (code, _, _) = run(
        dir.path(),
        &["render", "report.toml", "-o", "out.md", "--force"],
    );
    assert_eq!(code, 0);
    assert!(std::fs::read_to_string(dir.path().join("out.md"))
        .unwrap()
        .starts_with("# 青禾县白石镇人民政府2023年"));
    let (code, _, _) = run(dir.path(), &["init", "-o", "report.toml"]);
    assert_eq!(code, 2, "init refuses to overwrite");
}

#[test]
fn init_writes_a_commented_file_that_renders() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(
        dir.path(),
        &["init", "--agency", "示例镇人民政府", "--year", "2024"],
    );
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(dir.path().join("report.toml")).unwrap();
    assert!(
        text.contains("# 一、总体情况") && text.contains("自然人、商业企业"),
        "{text}"
    );
    assert!(gaogen_model::author::parse_toml(&text).is_ok());
}

#[test]
fn init_from_last_year_carries_the_chain() {
    let dir = tempfile::tempdir().unwrap();
    let last = root().join("examples/published/township_2023.txt");
    let (code, _, err) = run(dir.path(), &["init", "--from", last.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(dir.path().join("report.toml")).unwrap();
    let input = gaogen_model::author::parse_toml(&text).expect("valid TOML");
    assert_eq!(*input.report.year.get_ref(), 2024);
    assert_eq!(input.report.agency.get_ref(), "青禾县白石镇人民政府");
    assert!(text.contains("carried_over = [1, 0, 0, 0, 0, 0]"), "{text}");
    assert!(text.contains("normative_documents = [0, 0, 15]"), "{text}");
    assert!(
        text.contains("#   2023年，白石镇"),
        "last year's text kept as comments"
    );
}

/// Every fixture layout imported and rendered again reads back with the same numbers; cells
/// that could not be read stay unread (never 0).
#[test]
fn imported_reports_render_with_the_same_numbers() {
    use gaogen_model::TableKey;
    let fixtures = std::fs::read_dir(root().join("tests/fixtures")).unwrap();
    for entry in fixtures.flatten().filter(|e| {
        e.path()
            .extension()
            .is_some_and(|x| x == "txt" || x == "html")
    }) {
        let dir = tempfile::tempdir().unwrap();
        let (code, _, err) = run(
            dir.path(),
            &["import", entry.path().to_str().unwrap(), "-o", "r.toml"],
        );
        assert_eq!(code, 0, "{:?}: {err}", entry.path());
        let (code, _, err) = run(
            dir.path(),
            &["render", "r.toml", "--allow-errors", "-o", "r.md"],
        );
        assert_eq!(code, 0, "{:?}: {err}", entry.path());
        let original = gaogen_grammar::parse_bytes(&std::fs::read(entry.path()).unwrap()).unwrap();
        let again =
            gaogen_grammar::parse(&std::fs::read_to_string(dir.path().join("r.md")).unwrap());
        for key in TableKey::ALL {
            for row in original
                .table(key)
                .rows
                .iter()
                .filter(|r| r.id != RowId::ResultsTotal)
            {
                for cell in row
                    .cells
                    .iter()
                    .filter(|c| !c.column.as_str().ends_with("total"))
                {
                    let back = again.table(key).cell(row.id, cell.column).map(|c| &c.value);
                    let (was, is) = (cell.value.is_number(), back.is_some_and(|v| v.is_number()));
                    assert_eq!(
                        was,
                        is,
                        "{:?} {} {}: {:?} → {:?}",
                        entry.path(),
                        row.id,
                        cell.column,
                        cell.value,
                        back
                    );
                    if was {
                        assert_eq!(
                            back.and_then(|v| v.as_count()),
                            cell.value.as_count(),
                            "{:?} {} {}",
                            entry.path(),
                            row.id,
                            cell.column
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn html_escapes_every_user_text() {
    let toml = township_toml()
        .replace(
            "agency = \"青禾县白石镇人民政府\"",
            "agency = \"<b>白石镇</b>\"",
        )
        .replacen(
            "overview = \"\"\"\n",
            "overview = \"\"\"\n<script>alert('x')</script>&amp;\n\n",
            1,
        );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("report.toml"), toml).unwrap();
    let (code, html, err) = run(dir.path(), &["render", "report.toml", "--format", "html"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !html.contains("<script>") && !html.contains("<b>"),
        "{html}"
    );
    let escaped = |tag: &str| {
        html.contains(&format!("&#60;{tag}&#62;")) || html.contains(&format!("&lt;{tag}&gt;"))
    };
    assert!(escaped("script") && escaped("b"), "{html}");
    assert!(
        html.contains("&#38;amp;") || html.contains("&amp;amp;"),
        "an entity in the text stays text"
    );
}

/// render → docx → parse gives back every number of the examples.
#[test]
fn word_documents_read_back_with_every_value() {
    for example in ["township", "county_bureau"] {
        let dir = tempfile::tempdir().unwrap();
        let toml = root().join(format!("examples/{example}.toml"));
        let (code, _, err) = run(
            dir.path(),
            &[
                "render",
                toml.to_str().unwrap(),
                "--format",
                "docx",
                "-o",
                "r.docx",
            ],
        );
        assert_eq!(code, 0, "{err}");
        let bytes = std::fs::read(dir.path().join("r.docx")).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"), "a zip package");
        let read = gaogen_grammar::parse_bytes(&bytes).unwrap();
        assert_eq!(read.source.input, gaogen_model::InputKind::Docx);
        assert_eq!(read.number_cell_count(), 200, "{example}");
        // The same cells as the Markdown rendering of the same file.
        let md = std::fs::read_to_string(root().join(format!("examples/rendered/{example}.md")))
            .unwrap();
        let from_md = gaogen_grammar::parse(&md);
        for key in gaogen_model::TableKey::ALL {
            let values = |r: &gaogen_model::Report| -> Vec<_> {
                r.table(key)
                    .rows
                    .iter()
                    .flat_map(|row| {
                        row.cells
                            .iter()
                            .map(move |c| (row.id, c.column, c.value.clone()))
                    })
                    .collect()
            };
            assert_eq!(values(&read), values(&from_md), "{example} {}", key.name());
        }
        let (code, _, _) = run(
            dir.path(),
            &["render", toml.to_str().unwrap(), "--format", "docx"],
        );
        assert_eq!(code, 2, "docx needs -o");
    }
}

/// A published report imported, rendered to Word and read back keeps every value.
#[test]
fn an_imported_report_survives_word() {
    let dir = tempfile::tempdir().unwrap();
    let seed = root().join("tests/fixtures/cell_per_line.txt");
    let (code, _, err) = run(
        dir.path(),
        &["import", seed.to_str().unwrap(), "-o", "r.toml"],
    );
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(
        dir.path(),
        &[
            "render",
            "r.toml",
            "--allow-errors",
            "--format",
            "docx",
            "-o",
            "r.docx",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let original = gaogen_grammar::parse_bytes(&std::fs::read(&seed).unwrap()).unwrap();
    let back =
        gaogen_grammar::parse_bytes(&std::fs::read(dir.path().join("r.docx")).unwrap()).unwrap();
    for key in gaogen_model::TableKey::ALL {
        for row in &original.table(key).rows {
            for cell in &row.cells {
                let again = back
                    .table(key)
                    .cell(row.id, cell.column)
                    .map(|c| c.value.as_count());
                assert_eq!(
                    again,
                    Some(cell.value.as_count()),
                    "{} {} {}",
                    key.name(),
                    row.id,
                    cell.column
                );
            }
        }
    }
}
