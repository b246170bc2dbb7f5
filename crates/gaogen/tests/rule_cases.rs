//! Every registered rule code has a case in `tests/rules/cases.toml`: an edit of a clean example
//! that makes it fire, and a near miss that must not (ruff's habit). A registered code without a
//! case fails here, and so does a case whose rule stops firing or starts firing on the near miss.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use gaogen::author::{self, RenderFormat};
use gaogen::{diff, input, Error, Selection};
use gaogen_model::registry::{self, Command};
use gaogen_model::Report;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    code: String,
    base: String,
    old: Option<String>,
    fires: Variant,
    near_miss: Variant,
}

#[derive(Debug, Default, Deserialize)]
struct Variant {
    #[serde(default)]
    edits: Vec<(String, String)>,
    #[serde(default)]
    old_edits: Vec<(String, String)>,
    #[serde(default)]
    cut: usize,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn edited(path: &str, edits: &[(String, String)], cut: usize, code: &str) -> Vec<u8> {
    let text = std::fs::read_to_string(root().join(path)).expect("case base exists");
    let text = edits.iter().fold(text, |text, (from, to)| {
        assert!(
            text.contains(from.as_str()),
            "{code}: {path} does not contain {from:?}"
        );
        text.replacen(from.as_str(), to, 1)
    });
    let mut bytes = text.into_bytes();
    bytes.truncate(bytes.len().saturating_sub(cut));
    bytes
}

/// One side of a comparison: a report.toml or a published report.
fn side(name: &str, bytes: Vec<u8>) -> (String, Report) {
    if name.ends_with(".toml") {
        let text = String::from_utf8(bytes).expect("UTF-8 report.toml");
        let loaded = author::load_toml_text(name, text).expect("the case's report.toml loads");
        (loaded.source, loaded.report)
    } else {
        input::read_named(name, &bytes).expect("the case's report reads")
    }
}

/// The codes emitted on one variant of a case, by the command that emits the code.
fn codes(case: &Case, v: &Variant, command: Command) -> Vec<&'static str> {
    let new = edited(&case.base, &v.edits, v.cut, &case.code);
    match command {
        Command::Check => gaogen::check_report(&case.base, &new, &Selection::all())
            .expect("the case reads")
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect(),
        Command::Diff => {
            let old_path = case
                .old
                .as_deref()
                .expect("a diff case names its old report");
            let old = side(old_path, edited(old_path, &v.old_edits, 0, &case.code));
            let compared =
                diff::compare(old, side(&case.base, new), 50.0).expect("the comparison runs");
            compared.diff.diagnostics.iter().map(|d| d.code).collect()
        }
        Command::Render => {
            let text = String::from_utf8(new).expect("UTF-8 report.toml");
            match author::render_toml(&case.base, text, RenderFormat::Md, true) {
                Ok(r) => r.diagnostics.iter().map(|d| d.code).collect(),
                Err(Error::Toml { diagnostics, .. }) => {
                    diagnostics.iter().map(|d| d.code).collect()
                }
                Err(e) => panic!("{}: {e}", case.code),
            }
        }
    }
}

#[test]
fn every_registered_code_fires_on_its_case_and_not_on_the_near_miss() {
    let text = std::fs::read_to_string(root().join("tests/rules/cases.toml")).expect("cases");
    let cases: Cases = toml::from_str(&text).expect("cases.toml parses");
    let mut failures = Vec::new();
    for info in registry::all() {
        let Some(case) = cases.case.iter().find(|c| c.code == info.code) else {
            failures.push(format!("{}: no case in tests/rules/cases.toml", info.code));
            continue;
        };
        let fired = codes(case, &case.fires, info.command);
        if !fired.contains(&info.code) {
            failures.push(format!("{}: does not fire (emitted {fired:?})", info.code));
        }
        let near = codes(case, &case.near_miss, info.command);
        if near.contains(&info.code) {
            failures.push(format!("{}: fires on the near miss", info.code));
        }
        for code in fired.iter().chain(&near) {
            if registry::find(code).is_none() {
                failures.push(format!(
                    "{code}: emitted (case {}) but not registered",
                    info.code
                ));
            }
        }
    }
    for case in &cases.case {
        if registry::find(&case.code).is_none() {
            failures.push(format!(
                "{}: a case for a code that is not registered",
                case.code
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
