//! ARCHITECTURE.md's code map names every source file: a file added without a line there fails
//! here. A row names files by full path, by `{a,b}.rs` braces, or — for a directory row
//! (`crates/…/check/`) — by the file or sub-directory names its description mentions.

#![allow(clippy::disallowed_methods)] // tests read the tree directly

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sources(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("source directory") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root()).expect("under the root");
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// The backticked words of a piece of Markdown.
fn ticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// `a/{b,c}.rs` → `a/b.rs`, `a/c.rs`.
fn expand(path: &str) -> Vec<String> {
    match (path.find('{'), path.find('}')) {
        (Some(open), Some(close)) if open < close => path[open + 1..close]
            .split(',')
            .map(|part| format!("{}{}{}", &path[..open], part.trim(), &path[close + 1..]))
            .collect(),
        _ => vec![path.to_string()],
    }
}

/// The cells of a table row: split at `|` outside backticks.
fn split_cells(line: &str) -> Vec<&str> {
    let mut cells = Vec::new();
    let (mut start, mut ticked) = (0, false);
    for (i, c) in line.char_indices() {
        match c {
            '`' => ticked = !ticked,
            '|' if !ticked => {
                cells.push(&line[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    cells.push(&line[start..]);
    cells
}

/// What the code map names: exact paths, and directories with the names their rows mention.
fn code_map(text: &str) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let map = &text[text.find("## Code map").expect("a code map section")..];
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for line in map.lines().filter(|l| l.starts_with("| `")) {
        let mut cells = split_cells(line).into_iter().skip(1);
        let (Some(paths), Some(what)) = (cells.next(), cells.next()) else {
            continue;
        };
        let tokens = ticked(paths);
        let base = tokens
            .first()
            .map_or("", |t| t.rsplit_once('/').map_or("", |(d, _)| d))
            .to_string();
        for (i, token) in tokens.iter().enumerate() {
            let full = if i == 0 || token.contains("src/") || token.starts_with("crates/") {
                token.to_string()
            } else {
                format!("{base}/{token}")
            };
            for path in expand(&full) {
                if path.ends_with('/') {
                    let names = ticked(what).iter().map(|s| s.to_string()).collect();
                    dirs.push((path, names));
                } else {
                    files.push(path);
                }
            }
        }
    }
    (files, dirs)
}

fn named(file: &str, files: &[String], dirs: &[(String, Vec<String>)]) -> bool {
    files.iter().any(|f| f == file)
        || dirs.iter().any(|(dir, names)| {
            file.strip_prefix(dir.as_str()).is_some_and(|rest| {
                let first = rest.split_once('/').map(|(d, _)| format!("{d}/"));
                names
                    .iter()
                    .flat_map(|n| expand(n))
                    .any(|n| n == rest || Some(&n) == first.as_ref())
            })
        })
}

#[test]
fn the_code_map_names_every_source_file() {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let (files, dirs) = code_map(&text);
    let mut all = Vec::new();
    for krate in ["gaogen-model", "gaogen-grammar", "gaogen"] {
        sources(&root().join("crates").join(krate).join("src"), &mut all);
    }
    assert!(all.len() > 40, "{} source files", all.len());
    all.sort();
    let missing: Vec<&String> = all.iter().filter(|f| !named(f, &files, &dirs)).collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md's code map does not name:\n{}",
        missing
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn braces_directories_and_relative_names_count() {
    let map = "## Code map\n| `crates/x/src/lib.rs`, `cmd/` | what |\n| `crates/x/src/{a,b}.rs` | |\n| `crates/x/src/check/` | `mod.rs`, `rules/` (one per file) |\n";
    let (files, dirs) = code_map(map);
    assert!(named("crates/x/src/b.rs", &files, &dirs));
    assert!(named("crates/x/src/check/rules/t3_1.rs", &files, &dirs));
    assert!(named("crates/x/src/check/mod.rs", &files, &dirs));
    assert!(!named("crates/x/src/check/other.rs", &files, &dirs));
    assert!(!named("crates/x/src/c.rs", &files, &dirs));
}
