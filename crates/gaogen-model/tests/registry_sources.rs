//! Every rule code written anywhere in the sources is registered: a code emitted without a
//! registry entry (so missing from `gaogen rules`, `--explain` and SARIF) fails here.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use gaogen_model::registry;
use std::path::{Path, PathBuf};

/// Strings that look like codes but are not.
const NOT_CODES: &[&str] = &["UTF-8"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source directory") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `"X-…"` literals: an upper-case family, a hyphen, upper-case letters, digits and hyphens.
fn code_literals(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('"') else { break };
        let s = &after[..end];
        rest = &after[end + 1..];
        let Some((family, tail)) = s.split_once('-') else {
            continue;
        };
        let family_ok = family.starts_with(|c: char| c.is_ascii_uppercase())
            && family
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let tail_ok = !tail.is_empty()
            && tail
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        if family_ok && tail_ok && !NOT_CODES.contains(&s) {
            found.push(s);
        }
    }
    found
}

#[test]
fn every_code_in_the_sources_is_registered() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for krate in ["gaogen-model", "gaogen-grammar", "gaogen"] {
        sources(&root.join(krate).join("src"), &mut files);
    }
    assert!(files.len() > 20, "sources found: {}", files.len());
    let mut unregistered = Vec::new();
    let mut seen = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).expect("UTF-8 source");
        for code in code_literals(&text) {
            seen += 1;
            if registry::find(code).is_none() {
                unregistered.push(format!("{}: {code}", file.display()));
            }
        }
    }
    assert!(seen >= 30, "only {seen} code literals found");
    assert!(
        unregistered.is_empty(),
        "codes not in the registry (declare a RuleInfo and list the rule):\n{}",
        unregistered.join("\n")
    );
}

#[test]
fn the_scanner_finds_codes_and_skips_other_strings() {
    assert_eq!(
        code_literals(r#"x("T3-1", "UTF-8", "abc-d", "R-AMBIGUOUS-ROW", "中文")"#),
        vec!["T3-1", "R-AMBIGUOUS-ROW"]
    );
}
