//! End-to-end cases for `gaogen check` and `gaogen rules`: every exit code and output format.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use assert_cmd::Command;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `gaogen` run from the repository root, so paths in its output are short and stable.
fn gaogen() -> Command {
    let mut cmd = Command::cargo_bin("gaogen").expect("the binary is built");
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS");
    cmd
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = gaogen().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const CLEAN: &str = "examples/published/township_2023.txt";
const BROKEN_T4: &str = "tests/fixtures/pdftotext_2019_table3.txt";
const WARNINGS_ONLY: &str = "tests/fixtures/tab_indented_cells.txt";

#[test]
fn a_clean_report_exits_0() {
    let (code, out, err) = run(&["check", CLEAN]);
    assert_eq!(code, 0, "{out}{err}");
    // The example township report has no error; the evaluator rules find it does not report
    // 社会评议 and 责任追究 (E-ACCOUNTABILITY, a warning).
    assert!(out.contains("0 个错误，1 个警告"), "{out}");
}

#[test]
fn broken_totals_exit_1_with_both_sides_shown() {
    let (code, out, _) = run(&["check", BROKEN_T4]);
    assert_eq!(code, 1);
    assert!(out.contains("错误[T4-1]"), "{out}");
    assert!(out.contains("错误[T4-3]"), "{out}");
    assert!(
        out.contains("左边 10 + 1 + 0 + 0 = 11，右边 0 = 0，相差 11"),
        "{out}"
    );
    assert!(out.contains("行政复议 · 结果维持 = 10"), "{out}");
}

#[test]
fn warnings_fail_only_when_denied() {
    assert_eq!(run(&["check", WARNINGS_ONLY]).0, 0);
    let (code, out, _) = run(&["check", "--deny", "warnings", WARNINGS_ONLY]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("警告[T2-2]"), "{out}");
}

#[test]
fn unreadable_input_exits_2() {
    let (code, _, err) = run(&["check", "tests/fixtures/no-such-file.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("文件不存在"), "{err}");
}

#[test]
fn select_and_ignore_filter_by_code_or_prefix() {
    let (_, out, _) = run(&["check", "--select", "T4", BROKEN_T4]);
    let codes: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_once('['))
        .map(|(_, r)| r.split(']').next().unwrap_or(""))
        .collect();
    assert!(
        !codes.is_empty() && codes.iter().all(|c| c.starts_with("T4-")),
        "{codes:?}"
    );
    let (code, out, _) = run(&["check", "--ignore", "T4", BROKEN_T4]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("[T4-"), "{out}");
}

#[test]
fn json_output_is_machine_readable() {
    let (code, out, _) = run(&["check", "--format", "json", BROKEN_T4, CLEAN]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["files"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["totals"]["errors"], 2);
    let first = &json["files"][0]["diagnostics"];
    let t41 = first
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "T4-1")
        .expect("T4-1 present");
    assert_eq!(t41["severity"], "error");
    assert_eq!(t41["equation"]["difference"], 11);
    assert!(t41["span"]["line"].as_u64().is_some());
}

#[test]
fn sarif_output_names_rules_and_places() {
    let (code, out, _) = run(&["check", "--format", "sarif", BROKEN_T4]);
    assert_eq!(code, 1);
    let log: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(log["version"], "2.1.0");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), gaogen_model::registry::all().count());
    let results = log["runs"][0]["results"].as_array().unwrap();
    let t43 = results
        .iter()
        .find(|r| r["ruleId"] == "T4-3")
        .expect("T4-3 reported");
    assert_eq!(t43["level"], "error");
    assert!(
        t43["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .is_some()
    );
}

#[test]
fn a_directory_is_checked_with_a_summary() {
    let (code, out, _) = run(&["check", "--summary", "csv", "tests/fixtures"]);
    assert_eq!(code, 1, "some fixtures have errors");
    // UTF-8 with a byte-order mark and a Chinese header, for Excel on a Chinese Windows.
    let out = out.strip_prefix('\u{feff}').expect("a byte-order mark");
    assert!(!out.contains('\u{feff}'), "one mark only");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "文件,格式,找到章节数,读出数值数,错误,警告,提示,无法读取的原因"
    );
    // Directories are searched recursively.
    let mut count = 0;
    let mut dirs = vec![root().join("tests/fixtures")];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "txt" || x == "html") {
                count += 1;
            }
        }
    }
    assert_eq!(lines.len() - 1, count);
    let (_, out, _) = run(&["check", "--summary", "json", "tests/fixtures"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(json
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["format"] == "表二 2021 / 表三 2019"));
}

#[test]
fn the_human_summary_table_aligns_chinese_by_display_width() {
    let (_, out, _) = run(&["check", CLEAN, BROKEN_T4]);
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    // The 章节 column starts at the same display column in the header and in every row.
    let starts: Vec<usize> = out
        .lines()
        .skip_while(|l| !l.starts_with("文件"))
        .filter_map(|l| {
            l.find("章节")
                .or_else(|| l.find("6/6"))
                .map(|i| width(&l[..i]))
        })
        .collect();
    assert_eq!(starts.len(), 3, "{out}");
    assert!(starts.iter().all(|&s| s == starts[0]), "{starts:?}\n{out}");
}

#[test]
fn explain_prints_one_rule() {
    let (code, out, _) = run(&["check", "--explain", "T3-1"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("T3-1"), "{out}");
    assert!(out.contains("无法评估"), "{out}");
    let (code, _, err) = run(&["check", "--explain", "X-9"]);
    assert_eq!(code, 2);
    assert!(err.contains("没有规则"), "{err}");
}

#[test]
fn rules_lists_every_rule() {
    let (code, out, _) = run(&["rules"]);
    assert_eq!(code, 0);
    for rule in gaogen_model::registry::all() {
        assert!(out.contains(rule.code), "{} missing", rule.code);
    }
    let (_, out, _) = run(&["rules", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let codes: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["code"].as_str())
        .collect();
    let registered: Vec<&str> = gaogen_model::registry::all().map(|r| r.code).collect();
    assert_eq!(codes, registered);
    // Codes that check, diff and render emit besides the format checks are listed too.
    for code in [
        "R-ROW", "D-AGENCY", "D-REUSE", "D-FORMAT", "T3-6", "A-TOML", "A-TOTAL",
    ] {
        assert!(codes.contains(&code), "{code} missing");
    }
}

#[test]
fn human_output_of_every_fixture() {
    insta::glob!(
        "../../../tests/fixtures",
        "*.{txt,html}",
        |path: &std::path::Path| {
            let relative = path
                .strip_prefix(root().canonicalize().unwrap())
                .unwrap_or(path);
            let (_, out, _) = run(&["check", relative.to_str().unwrap()]);
            insta::assert_snapshot!(out);
        }
    );
}

/// A directory with two consecutive years of one agency (洪泽区, published tables) and another
/// agency's report: the years are paired and compared with the rules of `gaogen diff`, in every
/// format, and the agencies' years are listed.
#[test]
fn check_dir_pairs_consecutive_years_of_one_agency() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = |name: &str| {
        std::fs::read_to_string(root().join("tests/fixtures/evaluator").join(name)).unwrap()
    };
    // 2023 carried 1 request forward; 2024 carried none over: T3-6 in 自然人 and 总计.
    let carried = "四、结转下年度继续办理                            0    0   0   0    0    0   0";
    let old = fixture("hongze_2023.txt");
    assert!(old.contains(carried));
    let one = carried.replacen(" 0 ", " 1 ", 1);
    let broken = format!("{}1", &one[..one.len() - 1]);
    std::fs::write(
        dir.path().join("hongze_2023.txt"),
        old.replace(carried, &broken),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("hongze_2024.txt"),
        fixture("hongze_2024.txt"),
    )
    .unwrap();
    std::fs::copy(
        root().join("tests/fixtures/crlf_bom.txt"),
        dir.path().join("crlf_bom.txt"),
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let (code, out, err) = run(&["check", "--format", "json", path]);
    assert_eq!(code, 1, "{err}");
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(out.starts_with("{\"files\":["), "files come first");
    let keys: Vec<&str> = j.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["agencies", "files", "pairs", "totals"]);
    let pairs = j["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 1, "{out}");
    let p = &pairs[0];
    assert!(p["previous"].as_str().unwrap().ends_with("hongze_2023.txt"));
    assert!(p["current"].as_str().unwrap().ends_with("hongze_2024.txt"));
    assert_eq!(p["years"], serde_json::json!([2023, 2024]));
    assert_eq!(p["chain"]["broken"], 2, "{p}");
    let t36: Vec<&serde_json::Value> = p["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "T3-6")
        .collect();
    assert_eq!(t36.len(), 2, "自然人 and 总计: {p}");
    assert!(t36[0]["message"]
        .as_str()
        .unwrap()
        .contains("上一年「结转下年度继续办理」1 件"));
    assert!(t36[0]["span"]["line"].as_u64().unwrap() > 0);
    assert!(t36[0]["previous"]["line"].as_u64().unwrap() > 0);
    assert!(p["reuse"].as_f64().unwrap() > 0.0);
    // Only the rules across two years: S-2 and the files' own rules are not repeated.
    assert!(p["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(
            |d| gaogen_model::registry::find(d["code"].as_str().unwrap())
                .is_some_and(|r| r.command == gaogen_model::registry::Command::Diff)
        ));
    assert_eq!(j["totals"]["pairs"], 1);
    let file_errors: u64 = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["summary"]["errors"].as_u64().unwrap())
        .sum();
    assert_eq!(j["totals"]["errors"].as_u64().unwrap(), file_errors + 2);
    let agencies = j["agencies"].as_array().unwrap();
    assert_eq!(agencies.len(), 2, "{out}");
    let hongze = agencies
        .iter()
        .find(|a| a["agency"] == "淮安市洪泽区人民政府")
        .unwrap();
    assert_eq!(hongze["years"][0]["year"], 2023);
    assert_eq!(hongze["years"][1]["year"], 2024);
    // --ignore applies to the pairs too.
    let (_, out, _) = run(&["check", "--format", "json", "--ignore", "T3-6", path]);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(j["pairs"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["code"] != "T3-6"));
    // People: the pair with both places, the summary and the agencies' years.
    let (_, out, _) = run(&["check", path]);
    assert!(out.contains("相邻年度比较"), "{out}");
    assert!(out.contains("错误[T3-6]"), "{out}");
    assert!(
        out.contains("= 上一年：") && out.contains("hongze_2023.txt:"),
        "{out}"
    );
    assert!(out.contains("另有相邻年度比较 1 对：2 个错误"), "{out}");
    let table = &out[out.find("各机关的报告年度").expect("year table")..];
    assert!(
        table.contains("2022年") && table.contains("2024年"),
        "{table}"
    );
    // SARIF: the pair's results point into this year's file.
    let (_, out, _) = run(&["check", "--format", "sarif", path]);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    let t36 = j["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "T3-6")
        .expect("T3-6 in SARIF");
    assert!(
        t36["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("hongze_2024.txt")
    );
}

/// Blank cells give one diagnostic per row listing them, each blank cell marked in its own place
/// (issue 11, layout 10): no blank cell is lost, none is reported twice.
#[test]
fn blank_cells_one_diagnostic_per_row_each_cell_marked() {
    for fixture in [
        "tests/fixtures/pipe_markdown.txt",
        "tests/fixtures/html_nbsp_blanks.html",
        "tests/fixtures/excerpt_cut.txt",
    ] {
        let (_, out, _) = run(&["check", "--format", "json", fixture]);
        let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        let parsed: serde_json::Value =
            serde_json::from_str(&run(&["parse", fixture]).1).expect("parse JSON");
        let mut blank = std::collections::BTreeSet::new();
        for table in [
            "active_disclosure",
            "applications",
            "reviews_and_litigation",
        ] {
            for row in parsed["tables"][table]["rows"]
                .as_array()
                .into_iter()
                .flatten()
            {
                for cell in row["cells"].as_array().into_iter().flatten() {
                    if cell["value"]["kind"] == "empty" {
                        blank.insert((row["id"].to_string(), cell["column"].to_string()));
                    }
                }
            }
        }
        assert!(!blank.is_empty(), "{fixture} has blank cells");
        let mut rows = std::collections::BTreeSet::new();
        let mut marked = 0;
        for d in json["files"][0]["diagnostics"].as_array().unwrap() {
            if d["code"] != "T3-5" && d["code"] != "T2-2" {
                continue;
            }
            let marks = d["marks"].as_array().unwrap();
            marked += marks.len().max(1);
            let places: std::collections::BTreeSet<String> =
                marks.iter().map(|m| m["span"].to_string()).collect();
            assert_eq!(places.len(), marks.len(), "{fixture}: {d}");
            assert!(
                rows.insert(
                    d["message"]
                        .as_str()
                        .unwrap()
                        .split('」')
                        .next()
                        .unwrap()
                        .to_string()
                ),
                "{fixture}: two diagnostics for one row: {d}"
            );
        }
        assert_eq!(marked, blank.len(), "{fixture}");
    }
}

/// Text from a PDF (pdftotext's form feeds between pages): every place names its page, in the
/// human output (`--> file:第 N 页:line:column`) and in JSON (`span.page`); text without pages
/// has none.
#[test]
fn places_in_a_pdf_name_their_page() {
    let paged = "tests/fixtures/pdftotext_2019_table3.txt";
    let text = std::fs::read_to_string(root().join(paged)).unwrap();
    // A line is on the page after every form feed before it and those it starts with.
    let lines: Vec<&str> = text.split('\n').collect();
    let page_of = |line: u64| {
        let i = line as usize - 1;
        let before: usize = lines[..i].iter().map(|l| l.matches('\u{c}').count()).sum();
        1 + before + lines[i].chars().take_while(|&c| c == '\u{c}').count()
    };
    let (_, json, _) = run(&["check", "--format", "json", paged]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut seen = 0;
    for d in json["files"][0]["diagnostics"].as_array().unwrap() {
        let Some(line) = d["span"]["line"].as_u64() else {
            continue;
        };
        assert_eq!(
            d["span"]["page"].as_u64(),
            Some(page_of(line) as u64),
            "{d}"
        );
        seen += 1;
    }
    assert!(seen > 2);
    let (_, human, _) = run(&["check", paged]);
    assert!(human.contains(&format!("{paged}:第 3 页:81:")), "{human}");
    let (_, plain, _) = run(&["check", "--format", "json", CLEAN]);
    assert!(!plain.contains("\"page\""), "{plain}");
    // SARIF: each region's property bag names the page.
    let (_, sarif, _) = run(&["check", "--format", "sarif", paged]);
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let mut regions = 0;
    for r in sarif["runs"][0]["results"].as_array().unwrap() {
        let region = &r["locations"][0]["physicalLocation"]["region"];
        if let Some(line) = region["startLine"].as_u64() {
            assert_eq!(
                region["properties"]["page"].as_u64(),
                Some(page_of(line) as u64),
                "{r}"
            );
            regions += 1;
        }
    }
    assert!(regions > 2);
}
