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
    diagnostics
        .iter()
        .map(|d| {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push('。');
                message.push_str(help);
            }
            let mut location = json!({ "physicalLocation": { "artifactLocation": { "uri": path } } });
            if let Some(s) = d.culprit.as_ref().and_then(|c| c.span).or(d.span) {
                location["physicalLocation"]["region"] = json!({
                    "startLine": s.line, "startColumn": s.column, "endLine": s.end_line, "endColumn": s.end_column
                });
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
