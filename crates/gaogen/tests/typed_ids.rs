//! Row and column ids are typed (`RowId`, `ColumnId`) and spelled once, in the schema
//! (`crates/gaogen-model/src/schema/`): a string literal spelling an id anywhere else in the
//! sources (tests aside) fails here. Files are read with `syn`, so comments, raw strings and
//! `#[cfg(test)]` modules are told apart as the compiler does.

#![allow(clippy::disallowed_methods)] // tests read the tree directly

use gaogen_model::schema::SECTIONS;
use gaogen_model::{ColumnId, RowId};
use std::path::{Path, PathBuf};
use syn::visit::Visit;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

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

/// Every string literal outside test code.
#[derive(Default)]
struct Literals(Vec<String>);

fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("test") || (a.path().is_ident("cfg") && quote_tokens(a).contains("test"))
    })
}

fn quote_tokens(a: &syn::Attribute) -> String {
    match &a.meta {
        syn::Meta::List(list) => list.tokens.to_string(),
        _ => String::new(),
    }
}

impl<'ast> Visit<'ast> for Literals {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Const(c) => &c.attrs,
            syn::Item::Static(s) => &s.attrs,
            syn::Item::Use(u) => &u.attrs,
            _ => return syn::visit::visit_item(self, item),
        };
        if !is_test(attrs) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_lit_str(&mut self, lit: &'ast syn::LitStr) {
        self.0.push(lit.value());
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // Literals inside `format!`, `matches!`, `vec!`, `ids! { … }`: every token.
        tokens(mac.tokens.clone(), &mut self.0);
    }
}

fn tokens(stream: proc_macro2::TokenStream, out: &mut Vec<String>) {
    for tree in stream {
        match tree {
            proc_macro2::TokenTree::Group(g) => tokens(g.stream(), out),
            proc_macro2::TokenTree::Literal(l) => {
                if let Ok(lit) = syn::parse_str::<syn::LitStr>(&l.to_string()) {
                    out.push(lit.value());
                }
            }
            _ => {}
        }
    }
}

fn literals(source: &str) -> Vec<String> {
    let file = syn::parse_file(source).expect("the source parses");
    let mut found = Literals::default();
    found.visit_file(&file);
    found.0
}

/// The ids a literal may spell. A section's report.toml key that is also a column id
/// (`other`) is not an id there.
fn ids() -> Vec<&'static str> {
    let sections: Vec<String> = SECTIONS
        .iter()
        .map(|s| {
            serde_json::to_value(s.key)
                .expect("key")
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    RowId::ALL
        .iter()
        .map(|r| r.as_str())
        .chain(ColumnId::ALL.iter().map(|c| c.as_str()))
        .filter(|id| !sections.iter().any(|s| s == id))
        .collect()
}

/// Words of other formats that happen to be ids: SARIF 2.1.0's `rules` and `results` properties.
const OTHER_FORMATS: &[(&str, &str)] = &[
    ("crates/gaogen/src/sarif.rs", "rules"),
    ("crates/gaogen/src/sarif.rs", "results"),
];

#[test]
fn no_id_is_spelled_outside_the_schema() {
    let ids = ids();
    let mut files = Vec::new();
    for krate in ["gaogen-model", "gaogen-grammar", "gaogen"] {
        sources(&root().join("crates").join(krate).join("src"), &mut files);
    }
    let schema = root().join("crates/gaogen-model/src/schema");
    let mut spelled = Vec::new();
    let mut scanned = 0;
    for path in &files {
        let name = path.to_string_lossy().replace('\\', "/");
        if path.starts_with(&schema) || name.contains("/tests/") || name.ends_with("tests.rs") {
            continue;
        }
        scanned += 1;
        let text = std::fs::read_to_string(path).expect("source");
        let relative = path.strip_prefix(root()).unwrap_or(path);
        let relative = relative.to_string_lossy().replace('\\', "/");
        for lit in literals(&text) {
            let other_format = OTHER_FORMATS.contains(&(relative.as_str(), lit.as_str()));
            if ids.contains(&lit.as_str()) && !other_format {
                spelled.push(format!("{relative}: \"{lit}\""));
            }
        }
    }
    assert!(scanned > 100, "{scanned} files scanned");
    assert!(
        spelled.is_empty(),
        "ids spelled as text outside the schema (use RowId::…/ColumnId::…):\n{}",
        spelled.join("\n")
    );
}

#[test]
fn the_scan_sees_literals_in_code_and_macros_but_not_in_tests_or_comments() {
    let source = r##"
        // "carried_over" in a comment
        fn f(t: &Table) { t.cell("new_requests", X); let _ = format!("{}", "total"); }
        const R: &str = r#"results_total"#;
        #[cfg(test)]
        mod tests { fn g() { h("cases"); } }
        #[test]
        fn t() { h("disclosed"); }
    "##;
    assert_eq!(
        literals(source),
        ["new_requests", "{}", "total", "results_total"]
    );
    // Every id the schema spells is one the scan looks for.
    let schema = std::fs::read_to_string(root().join("crates/gaogen-model/src/schema/ids.rs"))
        .expect("ids.rs");
    let spelled = literals(&schema);
    for id in ids() {
        assert!(spelled.iter().any(|l| l == id), "{id}");
    }
}
