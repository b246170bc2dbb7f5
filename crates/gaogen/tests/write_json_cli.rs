//! `--format json` of the commands that write files (docs/write-json.md) and of `serve`: one JSON
//! document on stdout, nothing on stderr, the exit code of the human output, the files written
//! as they are on disk, the checks as `check --format json` gives them.

#![allow(clippy::disallowed_methods)] // tests write their inputs and read the outputs directly

use assert_cmd::Command;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs gaogen in `dir`: exit code, stdout, stderr.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("gaogen")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs a command with `--format json`: the exit code and the document, after checking that it
/// is one JSON line, nothing went to stderr and the document's exit code is the process's.
fn json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (code, out, err) = run(dir, &all);
    assert_eq!(err, "", "{args:?}: nothing on stderr");
    assert_eq!(out.lines().count(), 1, "{args:?}: one line\n{out}");
    let doc: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["exit_code"], code, "{args:?}");
    for key in [
        "command", "written", "checks", "counts", "unread", "warnings", "failures", "error",
    ] {
        assert!(doc.get(key).is_some(), "{args:?}: {key} missing");
    }
    (code, doc)
}

/// `written` names each file with the size it has on disk.
fn assert_written(dir: &Path, doc: &Value, files: &[(&str, &str)]) {
    let written = doc["written"].as_array().unwrap();
    assert_eq!(written.len(), files.len(), "{doc}");
    for (w, (path, kind)) in written.iter().zip(files) {
        assert_eq!(w["path"], *path);
        assert_eq!(w["kind"], *kind);
        let size = std::fs::metadata(dir.join(path)).expect("written").len();
        assert_eq!(w["bytes"], size, "{path}");
    }
}

/// The file's entry of `check --format json`.
fn check_entry(dir: &Path, path: &str) -> Value {
    let (_, out, _) = run(dir, &["check", "--format", "json", path]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    doc["files"][0].clone()
}

fn copy_example(dir: &Path, name: &str) {
    std::fs::copy(root().join("examples").join(name), dir.join(name)).unwrap();
}

#[test]
fn render_writes_and_reports_the_checks_as_check_does() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_example(d, "township.toml");
    for (output, kind) in [
        ("年报.docx", "docx"),
        ("年报.html", "html"),
        ("年报.md", "md"),
    ] {
        let (code, doc) = json(d, &["render", "township.toml", "-o", output]);
        assert_eq!(code, 0, "{doc}");
        assert_eq!(doc["command"], "render");
        assert_written(d, &doc, &[(output, kind)]);
        assert_eq!(doc["checks"].as_array().unwrap().len(), 1);
        assert_eq!(doc["checks"][0], check_entry(d, "township.toml"));
        assert_eq!(doc["error"], Value::Null);
    }
    // Nothing is overwritten without --force: exit 2, the reason, the file as it was.
    let before = std::fs::read(d.join("年报.md")).unwrap();
    let (code, doc) = json(d, &["render", "township.toml", "-o", "年报.md"]);
    assert_eq!(code, 2);
    assert!(doc["error"]["message"]
        .as_str()
        .unwrap()
        .contains("--force"));
    assert_eq!(doc["written"], serde_json::json!([]));
    assert_eq!(std::fs::read(d.join("年报.md")).unwrap(), before);
    let (code, doc) = json(d, &["render", "township.toml", "-o", "年报.md", "--force"]);
    assert_eq!(code, 0);
    assert_written(d, &doc, &[("年报.md", "md")]);
}

#[test]
fn render_stopped_by_errors_says_where_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let toml = std::fs::read_to_string(root().join("examples/township.toml")).unwrap();
    let edited = edit_total(&toml);
    std::fs::write(d.join("report.toml"), &edited).unwrap();
    let (code, doc) = json(d, &["render", "report.toml", "-o", "out.docx"]);
    assert_eq!(code, 1, "{doc}");
    assert_eq!(doc["written"], serde_json::json!([]));
    assert!(!d.join("out.docx").exists());
    let entry = check_entry(d, "report.toml");
    assert_eq!(doc["checks"][0], entry);
    let errors = entry["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["severity"] == "error")
        .count();
    assert!(errors > 0);
    assert_eq!(doc["checks"][0]["summary"]["errors"], errors);
    // --allow-errors writes anyway, with the same checks.
    let (code, doc) = json(
        d,
        &["render", "report.toml", "-o", "out.docx", "--allow-errors"],
    );
    assert_eq!(code, 0);
    assert_written(d, &doc, &[("out.docx", "docx")]);
    assert_eq!(doc["checks"][0], entry);
}

/// 表三's 「（一）予以公开」 of 自然人 written one higher: the year's requests no longer add up
/// (T3-1), a check error rather than a report.toml one.
fn edit_total(toml: &str) -> String {
    let edited = toml.replacen("disclosed = [5, 1,", "disclosed = [6, 1,", 1);
    assert_ne!(edited, toml, "edit applied");
    edited
}

#[test]
fn render_of_a_toml_that_does_not_load_gives_its_a_errors_as_checks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let toml = std::fs::read_to_string(root().join("examples/township.toml")).unwrap();
    std::fs::write(
        d.join("report.toml"),
        toml.replacen("[report]\n", "[report]\ncolour = \"red\"\n", 1),
    )
    .unwrap();
    let (code, doc) = json(d, &["render", "report.toml", "-o", "out.md"]);
    assert_eq!(code, 2);
    assert!(doc["error"]["message"].as_str().unwrap().contains("colour"));
    assert_eq!(doc["checks"][0], check_entry(d, "report.toml"));
    let first = &doc["checks"][0]["diagnostics"][0];
    assert!(first["code"].as_str().unwrap().starts_with("A-"), "{first}");
    let line = toml.lines().position(|l| l == "[report]").unwrap() + 2;
    assert_eq!(first["span"]["line"], line);
    assert!(!d.join("out.md").exists());

    // Without -o the JSON holds the place of the report: refused, as JSON.
    let (code, doc) = json(&root(), &["render", "examples/township.toml"]);
    assert_eq!(code, 2);
    assert!(doc["error"]["message"].as_str().unwrap().contains("-o"));
}

#[test]
fn init_import_and_render_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, doc) = json(d, &["init", "-o", "blank.xlsx"]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["command"], "init");
    assert_written(d, &doc, &[("blank.xlsx", "xlsx")]);
    // A blank workbook's cells are not 0: render stops, the checks name the cells.
    let (code, doc) = json(d, &["render", "blank.xlsx", "-o", "blank.md"]);
    assert_eq!(code, 1, "{doc}");
    assert_eq!(doc["checks"][0], check_entry(d, "blank.xlsx"));
    assert!(doc["checks"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["cell"].as_str().is_some_and(|c| c.contains('!'))));
    assert!(doc["warnings"][0].as_str().unwrap().contains("空白"));
    assert!(!d.join("blank.md").exists());

    // A published report imported as a workbook renders.
    let published = root().join("examples/published/township_2024.txt");
    let published = published.to_str().unwrap();
    let (code, doc) = json(d, &["import", published, "-o", "t.xlsx"]);
    assert_eq!(
        (code, &doc["command"]),
        (0, &Value::from("import")),
        "{doc}"
    );
    assert_written(d, &doc, &[("t.xlsx", "xlsx")]);
    let (code, doc) = json(d, &["render", "t.xlsx", "-o", "t.docx"]);
    assert_eq!(code, 0, "{doc}");
    assert_written(d, &doc, &[("t.docx", "docx")]);
    assert_eq!(doc["checks"][0], check_entry(d, "t.xlsx"));
}

/// The cells listed as unread are the ones the human output lists, and `init --from` of a
/// report.toml names the file it wrote.
#[test]
fn unread_cells_are_the_ones_people_are_told_about() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fixture = root().join("tests/fixtures/unreadable_cells.txt");
    let fixture = fixture.to_str().unwrap();
    let (code, _, err) = run(d, &["import", fixture, "--year", "2024", "-o", "a.toml"]);
    assert_eq!(code, 0, "{err}");
    let listed: Vec<&str> = err.lines().filter_map(|l| l.strip_prefix("  ")).collect();
    assert!(!listed.is_empty(), "{err}");
    let (code, doc) = json(d, &["import", fixture, "--year", "2024", "-o", "b.toml"]);
    assert_eq!(code, 0);
    assert_written(d, &doc, &[("b.toml", "toml")]);
    assert_eq!(doc["unread"], serde_json::json!(listed));
    assert_eq!(
        std::fs::read(d.join("a.toml")).unwrap(),
        std::fs::read(d.join("b.toml")).unwrap()
    );
    let (code, doc) = json(d, &["init", "--from", "b.toml", "-o", "next.toml"]);
    assert_eq!(code, 0, "{doc}");
    assert_written(d, &doc, &[("next.toml", "toml")]);
    // A year that cannot be read is never guessed: refused as JSON, nothing written.
    let no_year = d.join("no_year.txt");
    std::fs::write(
        &no_year,
        "政府信息公开工作年度报告\n一、总体情况\n本机关依法公开。\n",
    )
    .unwrap();
    let (code, doc) = json(d, &["import", "no_year.txt", "-o", "c.toml"]);
    assert_eq!(code, 2, "{doc}");
    assert!(doc["error"]["message"].as_str().unwrap().contains("--year"));
    assert!(!d.join("c.toml").exists());
}

#[test]
fn export_counts_what_it_wrote_and_names_what_it_could_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let reports = d.join("reports");
    std::fs::create_dir(&reports).unwrap();
    for name in ["township_2023.txt", "township_2024.txt"] {
        std::fs::copy(
            root().join("examples/published").join(name),
            reports.join(name),
        )
        .unwrap();
    }
    std::fs::write(reports.join("empty.txt"), "").unwrap();
    std::fs::write(reports.join("slides.pptx"), "not a report").unwrap();
    let (code, doc) = json(d, &["export", "reports", "-o", "facts.csv"]);
    assert_eq!(code, 2, "an unreadable file: {doc}");
    assert_eq!(doc["command"], "export");
    assert_written(d, &doc, &[("facts.csv", "csv")]);
    let csv = std::fs::read_to_string(d.join("facts.csv")).unwrap();
    let kind_count = |kind: &str| {
        csv.lines()
            .skip(1)
            .filter(|l| l.split(',').nth(3) == Some(kind))
            .count()
    };
    let counts = &doc["counts"];
    assert_eq!(counts["reports"], 3);
    assert_eq!(counts["failures"], 1);
    assert_eq!(counts["rows"], kind_count("cell"));
    assert_eq!(counts["figures"], kind_count("figure"));
    assert!(kind_count("cell") > 0);
    let failures = doc["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 1);
    assert!(failures[0].as_str().unwrap().contains("empty.txt"));
    assert!(doc["warnings"][0].as_str().unwrap().contains("slides.pptx"));

    // A readable directory exits 0; an ending that names no format cannot run.
    std::fs::remove_file(reports.join("empty.txt")).unwrap();
    let (code, doc) = json(d, &["export", "reports", "-o", "facts.sqlite"]);
    assert_eq!(code, 0, "{doc}");
    assert_written(d, &doc, &[("facts.sqlite", "sqlite")]);
    assert_eq!(doc["counts"]["failures"], 0);
    let (code, doc) = json(d, &["export", "reports", "-o", "facts.json"]);
    assert_eq!(code, 2);
    assert!(doc["error"]["message"]
        .as_str()
        .unwrap()
        .contains(".sqlite"));
    assert_eq!(doc["counts"], Value::Null);
}

#[test]
fn rollup_writing_reports_the_file_and_the_children_it_could_not_sum() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let toml = std::fs::read_to_string(root().join("examples/township.toml")).unwrap();
    std::fs::write(d.join("a.toml"), &toml).unwrap();
    let other = toml.replace("白石镇", "黑石镇");
    std::fs::write(d.join("b.toml"), &other).unwrap();
    let (code, doc) = json(d, &["rollup", "a.toml", "b.toml", "-o", "sum.toml"]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["command"], "rollup");
    assert_written(d, &doc, &[("sum.toml", "toml")]);
    assert_eq!(doc["unread"], serde_json::json!([]));
    // A child's blank cell is named (as the human output names it), the sum still written: exit 1.
    let blank = other.replacen("disclosed = [5, 1,", "disclosed = [\"\", 1,", 1);
    assert_ne!(blank, other);
    std::fs::write(d.join("b.toml"), blank).unwrap();
    let (code, _, err) = run(d, &["rollup", "a.toml", "b.toml", "-o", "text.toml"]);
    assert_eq!(code, 1);
    let told: Vec<&str> = err
        .lines()
        .filter_map(|l| l.strip_prefix("未能汇总："))
        .collect();
    assert!(!told.is_empty(), "{err}");
    let (code, doc) = json(d, &["rollup", "a.toml", "b.toml", "-o", "json.toml"]);
    assert_eq!(code, 1);
    assert_written(d, &doc, &[("json.toml", "toml")]);
    assert_eq!(doc["unread"], serde_json::json!(told));
}

/// Every command takes `--format json` and says so in its help.
#[test]
fn every_command_names_format_json_in_its_help() {
    let (_, help, _) = run(&root(), &["--help"]);
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("命令"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 11, "{help}");
    for command in commands {
        let (code, help, _) = run(&root(), &[command, "--help"]);
        assert_eq!(code, 0, "{command}");
        let lines: Vec<&str> = help.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.trim_start().starts_with("--format"))
            .unwrap_or_else(|| panic!("{command} has no --format: {help}"));
        // The option and its description (on the next line when the option is long).
        let format = lines[at..lines.len().min(at + 2)].join("\n");
        assert!(format.contains("json"), "{command}: {help}");
    }
}

#[test]
fn serve_prints_its_address_and_limits_as_json() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gaogen"))
        .args(["serve", "--addr", "127.0.0.1:0", "--format", "json"])
        .args([
            "--max-files",
            "7",
            "--max-file-mb",
            "3",
            "--base-path",
            "g/",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let started: Value = serde_json::from_str(&line).expect("one JSON line");
    let address = started["address"].as_str().unwrap().to_string();
    let connected = std::net::TcpStream::connect(&address).is_ok();
    let _ = child.kill();
    let _ = child.wait();
    assert!(connected, "{line}");
    assert!(address.starts_with("127.0.0.1:") && !address.ends_with(":0"));
    assert_eq!(started["url"], format!("http://{address}/g/"));
    assert_eq!(started["base_path"], "/g");
    assert_eq!(started["local_only"], true);
    assert_eq!(started["limits"]["max_files"], 7);
    assert_eq!(started["limits"]["max_file_bytes"], 3 << 20);

    // A port already taken: the error as JSON, exit 2.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let (code, out, _) = run(&root(), &["serve", "--addr", &addr, "--format", "json"]);
    assert_eq!(code, 2);
    let doc: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["exit_code"], 2);
    assert!(doc["error"]["message"].as_str().unwrap().contains(&addr));
}
