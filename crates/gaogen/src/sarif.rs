//! SARIF 2.1.0 output for code-review tools.

use gaogen_model::check::{Diagnostic, Severity};
use gaogen_model::registry;
use serde_json::{json, Value};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The SARIF results for one file.
pub fn results(path: &str, diagnostics: &[Diagnostic]) -> Vec<Value> {
    results_paged(path, diagnostics, &|_| None)
}

/// The SARIF results of a checked file; in text with pages (pdftotext's form feeds) each region
/// carries its page in its property bag (`"properties": {"page": 3}`).
pub fn checked_results(checked: &crate::check::Checked) -> Vec<Value> {
    let pages = crate::score::Pages::new(&checked.text);
    results_paged(&checked.summary.path, &checked.diagnostics, &|line| {
        pages.page(line)
    })
}

fn results_paged(
    path: &str,
    diagnostics: &[Diagnostic],
    page: &dyn Fn(u32) -> Option<u32>,
) -> Vec<Value> {
    diagnostics
        .iter()
        .map(|d| {
            let mut message = d.message.to_string();
            if let Some(help) = &d.help {
                message.push('。');
                message.push_str(help);
            }
            let mut location = json!({ "physicalLocation": { "artifactLocation": { "uri": uri(path) } } });
            if let Some(s) = d.culprit.as_ref().and_then(|c| c.span).or(d.span) {
                location["physicalLocation"]["region"] = json!({
                    "startLine": s.line, "startColumn": s.column, "endLine": s.end_line, "endColumn": s.end_column
                });
                if let Some(n) = page(s.line) {
                    location["physicalLocation"]["region"]["properties"] = json!({ "page": n });
                }
            }
            json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": { "text": message },
                "locations": [location],
            })
        })
        .collect()
}

/// The whole SARIF log.
pub fn document(results: Vec<Value>) -> String {
    let rules: Vec<Value> = registry::all()
        .map(|r| {
            json!({
                "id": r.code,
                "shortDescription": { "text": r.title },
                "fullDescription": { "text": r.explain },
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect();
    let log = json!({
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": { "driver": { "name": "gaogen", "version": env!("CARGO_PKG_VERSION"), "rules": rules } },
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("SARIF serializes")
}

/// A path as a SARIF URI reference (RFC 3986): unreserved characters and `/` kept, everything
/// else (spaces, `#`, `?`, `%`, Chinese) percent-encoded as UTF-8.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod uri_tests {
    #[test]
    fn paths_are_percent_encoded() {
        assert_eq!(
            super::uri("报告/a b#1%.txt"),
            "%E6%8A%A5%E5%91%8A/a%20b%231%25.txt"
        );
    }
}
