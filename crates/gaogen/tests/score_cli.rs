//! `gaogen score`: a directory with two years of one agency is paired, every deduction carries
//! its evidence, and an item that cannot be assessed is shown as such and counted as the profile
//! says — never as full marks in silence.

#![allow(clippy::disallowed_methods)] // tests write their inputs directly

use assert_cmd::Command;
use serde_json::Value;

#[path = "score_cli/helpers.rs"]
mod helpers;
use helpers::{fixture, item, json, pair_dir, report, root, score};

const CORRECTED: (&str, &str) = (
    "0\t0\t1\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
    "0\t1\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
);

/// The 诉讼 groups are named as everywhere else (the schema's 表四 groups, as T4-2/T4-3 name them).
#[test]
fn corrected_litigation_cases_name_their_group_as_the_schema_does() {
    let litigation = "0\t0\t1\t0\t1\t0\t1\t0\t0\t1\t0\t1\t0\t0\t1";
    let dir = pair_dir(|t| t.replacen(CORRECTED.0, litigation, 1));
    let j = json(&[], dir.path());
    let corrected = item(report(&j, "2024.txt"), "corrected");
    assert_eq!(corrected["deducted"], 4.0, "{corrected}");
    let labels: Vec<&str> = corrected["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["values"][0]["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "表四 行政诉讼·未经复议直接起诉 结果纠正：1 件",
            "表四 行政诉讼·复议后起诉 结果纠正：1 件"
        ]
    );
}

#[test]
fn a_directory_pairs_the_years_and_itemises_every_deduction() {
    let dir = pair_dir(|t| t.replacen(CORRECTED.0, CORRECTED.1, 1));
    let j = json(&[], dir.path());
    let keys: Vec<&str> = j.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["reports"]);
    let new = report(&j, "2024.txt");
    let mut keys: Vec<&str> = new
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["agency", "items", "max", "path", "previous", "score", "year"]
    );
    assert!(new["previous"].as_str().unwrap().ends_with("2023.txt"));
    assert!(report(&j, "2023.txt")["previous"].is_null());
    // Every item assessable with last year present: out of 100.
    assert_eq!(new["max"], 100.0);
    let corrected = item(new, "corrected");
    assert_eq!(corrected["deducted"], 2.0);
    let e = &corrected["evidence"][0];
    assert!(e["message"].as_str().unwrap().contains("结果纠正"), "{e}");
    assert!(e["line"].as_u64().unwrap() > 0);
    assert_eq!(e["values"][0]["label"], "表四 行政复议 结果纠正：1 件");
    let reuse = item(new, "reuse");
    assert_eq!(reuse["not_assessable"], false);
    assert!(reuse["evidence"][0]["message"]
        .as_str()
        .unwrap()
        .contains("与上一年报告"));
    // The score is the maximum less every deduction, and each deduction has its evidence.
    let mut lost = 0.0;
    for it in new["items"].as_array().unwrap() {
        let d = it["deducted"].as_f64().unwrap();
        lost += d;
        if d > 0.0 {
            let from_evidence: f64 = it["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["deducted"].as_f64().unwrap())
                .sum();
            assert!(from_evidence >= d, "{it}");
        }
    }
    assert_eq!(new["score"].as_f64().unwrap(), 100.0 - lost);
    // 2023 has no year before it: the items needing one are not assessable and left out.
    let old = report(&j, "2023.txt");
    assert_eq!(item(old, "year_chain")["not_assessable"], true);
    assert_eq!(item(old, "year_chain")["deducted"], 0.0);
    assert_eq!(old["max"], 85.0);
}

#[test]
fn without_a_date_the_deadline_is_not_assessable_and_the_profile_decides() {
    let dir = pair_dir(|t| t.replacen("\n2025年1月18日", "", 1));
    let j = json(&[], dir.path());
    let new = report(&j, "2024.txt");
    let deadline = item(new, "deadline");
    assert_eq!(deadline["not_assessable"], true);
    assert_eq!(deadline["deducted"], 0.0);
    assert_eq!(new["max"], 95.0, "excluded from the maximum");
    assert_eq!(deadline["evidence"][0]["code"], "E-DEADLINE");
    // The example city profile counts an unknown date as late.
    let city = json(
        &["--profile", "examples/profiles/city_departments.toml"],
        dir.path(),
    );
    let deadline = item(report(&city, "2024.txt"), "deadline");
    assert_eq!(deadline["not_assessable"], true);
    assert_eq!(deadline["deducted"], 0.5);
    // Text output says so.
    let (_, text, _) = score(&[], dir.path());
    assert!(text.contains("无法评估，不计入满分"), "{text}");
    assert!(text.contains("各机关的报告年度"));
}

#[test]
fn published_and_agency_kind_override_the_text() {
    let dir = pair_dir(|t| t);
    let j = json(&["--published", "2025-02-10"], dir.path());
    let deadline = item(report(&j, "2024.txt"), "deadline");
    assert_eq!(deadline["deducted"], 5.0);
    assert!(deadline["evidence"][0]["message"]
        .as_str()
        .unwrap()
        .contains("逾期 10 天"));
    let j = json(
        &[
            "--published",
            "2025-02-10",
            "--agency-kind",
            "county-government",
        ],
        dir.path(),
    );
    assert_eq!(item(report(&j, "2024.txt"), "deadline")["deducted"], 0.0);
    let (code, _, err) = score(&["--published", "2025-13-01"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn a_wrong_profile_is_refused_with_the_reason() {
    let dir = pair_dir(|t| t);
    let profile = dir.path().join("p.toml");
    std::fs::write(
        &profile,
        "name = \"x\"\n[[item]]\nid = \"a\"\ntitle = \"甲\"\npoints = 5\nrules = [\"X-NOPE\"]\ndeduct = 1\n",
    )
    .unwrap();
    let (code, _, err) = score(&["--profile", profile.to_str().unwrap()], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("X-NOPE"), "{err}");
}

/// 洪泽区's 2023 and 2024 reports (the published tables, as `pdftotext -layout` writes them,
/// pages and all; narratives written for the project) and two other agencies' reports.
fn hongze_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["hongze_2023.txt", "hongze_2024.txt"] {
        std::fs::write(dir.path().join(name), fixture(name)).unwrap();
    }
    for name in ["crlf_bom.txt", "pipe_markdown.txt"] {
        std::fs::copy(
            root().join("tests/fixtures").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    dir
}

/// Issue 15's "must show" on fixtures: the 2024 report paired with 2023, its 表四 纠正 case and
/// the reuse figure itemised with evidence, the deadline not assessable and shown as such.
#[test]
fn hongze_two_years_and_two_other_reports_scored_in_one_directory() {
    let dir = hongze_dir();
    let j = json(&[], dir.path());
    assert_eq!(j["reports"].as_array().unwrap().len(), 4);
    let new = report(&j, "hongze_2024.txt");
    assert!(new["previous"]
        .as_str()
        .unwrap()
        .ends_with("hongze_2023.txt"));
    for other in ["hongze_2023.txt", "crlf_bom.txt", "pipe_markdown.txt"] {
        assert!(report(&j, other)["previous"].is_null(), "{other}");
    }
    // 表四's 纠正 case: 2 points, on page 4 at the cell's line, with the cell's value.
    let corrected = item(new, "corrected");
    assert_eq!(corrected["deducted"], 2.0);
    let e = &corrected["evidence"][0];
    assert_eq!(e["page"], 4);
    let line = e["line"].as_u64().unwrap() as usize;
    assert!(
        fixture("hongze_2024.txt")
            .lines()
            .nth(line - 1)
            .unwrap()
            .starts_with(" 1    1"),
        "line {line} is 表四's value row"
    );
    assert_eq!(e["values"][0]["label"], "表四 行政复议 结果纠正：1 件");
    // The reuse figure, against last year's file, with each section's share.
    let reuse = item(new, "reuse");
    assert_eq!(reuse["not_assessable"], false);
    let message = reuse["evidence"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("与上一年报告") && message.contains("hongze_2023.txt"),
        "{message}"
    );
    assert!(
        message.starts_with("全文 ") && message.contains('%'),
        "{message}"
    );
    assert!(!reuse["evidence"][0]["values"]
        .as_array()
        .unwrap()
        .is_empty());
    // No date in either file: the deadline is not assessable, shown so, outside the maximum.
    let deadline = item(new, "deadline");
    assert_eq!(deadline["not_assessable"], true);
    assert_eq!(deadline["deducted"], 0.0);
    assert_eq!(deadline["evidence"][0]["code"], "E-DEADLINE");
    assert_eq!(
        new["max"].as_f64().unwrap(),
        100.0 - deadline["points"].as_f64().unwrap()
    );
    let (code, text, err) = score(&[], dir.path());
    assert_eq!(code, 0, "{err}");
    let block: String = text
        .split("\n\n")
        .find(|b| b.contains("hongze_2024.txt\n"))
        .expect("the 2024 block")
        .to_string();
    assert!(
        block.contains("上一年：") && block.contains("hongze_2023.txt"),
        "{block}"
    );
    assert!(
        block.contains("在法定期限内公布（5 分）：无法评估，不计入满分"),
        "{block}"
    );
    assert!(block.contains("−2 表四行政复议「结果纠正」1 件"), "{block}");
    assert!(block.contains("第 4 页"), "{block}");
    assert!(text.contains("各机关的报告年度"), "{text}");
}

/// `-o 评分结果.xlsx`: 得分 (one row per report, the items' points or 「无法评估」), 扣分依据
/// (every piece of evidence with page and line) and 年度, as the JSON says.
#[test]
fn the_scores_as_an_excel_workbook() {
    use calamine::{Data, Reader};
    let dir = hongze_dir();
    let out = tempfile::tempdir().unwrap();
    let book_path = out.path().join("评分结果.xlsx");
    let (code, _, err) = score(&["-o", book_path.to_str().unwrap()], dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("已写入"), "{err}");
    let j = json(&[], dir.path());
    let new = report(&j, "hongze_2024.txt");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&book_path).unwrap();
    assert_eq!(book.sheet_names(), ["得分", "扣分依据", "年度"]);
    let text = |c: &Data| c.to_string();
    let scores = book.worksheet_range("得分").unwrap();
    let header: Vec<String> = scores.rows().next().unwrap().iter().map(text).collect();
    let row: Vec<Data> = scores
        .rows()
        .find(|r| text(&r[0]).ends_with("hongze_2024.txt"))
        .expect("the 2024 row")
        .to_vec();
    assert!(text(&row[3]).ends_with("hongze_2023.txt"));
    assert_eq!(row[4], Data::Float(new["score"].as_f64().unwrap()));
    assert_eq!(row[5], Data::Float(new["max"].as_f64().unwrap()));
    let col = |title: &str| header.iter().position(|h| h.starts_with(title)).unwrap();
    assert_eq!(text(&row[col("在法定期限内公布")]), "无法评估");
    let corrected = item(new, "corrected");
    let obtained = corrected["points"].as_f64().unwrap() - corrected["deducted"].as_f64().unwrap();
    assert_eq!(
        row[col(corrected["title"].as_str().unwrap())],
        Data::Float(obtained)
    );
    let evidence = book.worksheet_range("扣分依据").unwrap();
    let case = evidence
        .rows()
        .find(|r| {
            text(&r[0]).ends_with("hongze_2024.txt") && text(&r[11]).contains("结果纠正：1 件")
        })
        .expect("the 纠正 case");
    assert_eq!(case[4], Data::Float(2.0));
    assert_eq!(case[8], Data::Float(4.0), "page 4");
    assert!(evidence
        .rows()
        .any(|r| text(&r[0]).ends_with("hongze_2024.txt")
            && text(&r[5]) == "是"
            && text(&r[6]) == "E-DEADLINE"));
    let years = book.worksheet_range("年度").unwrap();
    let hongze: Vec<String> = years
        .rows()
        .filter(|r| text(&r[0]) == "淮安市洪泽区人民政府")
        .map(|r| text(&r[1]))
        .collect();
    assert_eq!(hongze, ["2023", "2024"]);
    // The ending decides; a contradicting --format is refused; a workbook needs -o.
    let (code, _, err) = score(
        &[
            "--format",
            "json",
            "-o",
            book_path.to_str().unwrap(),
            "--force",
        ],
        dir.path(),
    );
    assert_eq!(code, 2);
    assert!(err.contains("矛盾"), "{err}");
    let (code, _, err) = score(&["--format", "xlsx"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("-o"), "{err}");
}

#[test]
fn a_rows_blank_cells_are_deducted_one_by_one() {
    // pipe_markdown has blank cells grouped per row: one T3-5 warning marking each cell.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("tests/fixtures/pipe_markdown.txt"),
        dir.path().join("r.txt"),
    )
    .unwrap();
    let check = Command::cargo_bin("gaogen")
        .unwrap()
        .args(["check", "--format", "json", "--select", "T2-2,T3-5"])
        .arg(dir.path().join("r.txt"))
        .output()
        .unwrap();
    let check: Value = serde_json::from_slice(&check.stdout).unwrap();
    let diagnostics = check["files"][0]["diagnostics"].as_array().unwrap();
    let warnings: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["severity"] == "warning")
        .collect();
    let cells: usize = warnings
        .iter()
        .map(|d| d["marks"].as_array().map_or(0, Vec::len).max(1))
        .sum();
    assert!(cells > warnings.len(), "some warning groups several cells");
    let (_, out, err) = score(&["--format", "json"], dir.path());
    let json: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let values = json["reports"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "values")
        .expect("values item")
        .clone();
    let expected = (0.5 * cells as f64).min(values["points"].as_f64().unwrap());
    assert_eq!(values["deducted"].as_f64().unwrap(), expected, "{values}");
}

/// A report.toml is loaded as `check`, `diff` and `rollup` load it — its agency, year and every
/// table — not read as published text (which found no agency, a year from the text and no table).
#[test]
fn a_report_toml_is_scored_as_check_reads_it() {
    for example in ["examples/township.toml", "examples/county_bureau.toml"] {
        let source = std::fs::read_to_string(root().join(example)).unwrap();
        let toml: toml::Value = toml::from_str(&source).unwrap();
        let j = json(&[], &root().join(example));
        let r = report(&j, example.trim_start_matches("examples/"));
        assert_eq!(r["agency"], toml["report"]["agency"].as_str().unwrap());
        assert_eq!(
            r["year"].as_i64(),
            toml["report"]["year"].as_integer(),
            "{example}"
        );
        for id in ["sections", "tables", "sums", "values"] {
            let it = item(r, id);
            assert_eq!(it["deducted"], 0.0, "{example} {id}: {it}");
            assert_eq!(it["not_assessable"], false, "{example} {id}");
        }
        // Every piece of evidence is a diagnostic `check` gives the same file, at the same line.
        let out = Command::cargo_bin("gaogen")
            .unwrap()
            .current_dir(root())
            .args(["check", "--format", "json", example])
            .output()
            .unwrap();
        let checked: Value = serde_json::from_slice(&out.stdout).unwrap();
        let found: Vec<(Value, Value)> = checked["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["code"].clone(), d["span"]["line"].clone()))
            .collect();
        let evidence: Vec<&Value> = r["items"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|i| i["evidence"].as_array().unwrap())
            .filter(|e| e["code"].is_string())
            .collect();
        assert!(!evidence.is_empty(), "{example}: some rule has evidence");
        for e in evidence {
            let place = (e["code"].clone(), e["line"].clone());
            assert!(found.contains(&place), "{example}: {e} not from check");
        }
    }
}

/// Two report.toml files of one agency in consecutive years are paired like published reports;
/// one that does not load is a failure (exit 2) naming the TOML problem.
#[test]
fn report_tomls_pair_and_a_broken_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let init = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(root())
        .arg("init")
        .arg("--from")
        .arg("examples/township.toml")
        .arg("-o")
        .arg(dir.path().join("next.toml"))
        .output()
        .unwrap();
    assert_eq!(init.status.code(), Some(0));
    let next = dir.path().join("next.toml");
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(root())
        .args(["score", "--format", "json", "examples/township.toml"])
        .arg(&next)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let later = report(&j, "next.toml");
    assert_eq!(later["year"], 2024);
    assert_eq!(later["previous"], "examples/township.toml");

    std::fs::write(
        dir.path().join("broken.toml"),
        std::fs::read_to_string(root().join("examples/township.toml"))
            .unwrap()
            .replace("[report]\n", "[report]\ncolour = \"red\"\n"),
    )
    .unwrap();
    let (code, out, err) = score(&["--format", "json"], &dir.path().join("broken.toml"));
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("broken.toml") && err.contains("colour"),
        "{err}"
    );
}
