//! `gaogen check report.toml`: a draft checked as authoring input — the same rules `render` runs
//! first, with positions in the TOML file.

use crate::author::load_toml_text;
use crate::check::{check_read, Checked, FileSummary, Selection};
use crate::input::read_toml;
use crate::Error;
use gaogen_model::check::{Diagnostic, Severity};
use std::path::Path;

/// Checks a report.toml; a file that does not parse, or does not fit the format, gives its A-
/// errors as the findings (the rules need a complete report).
pub fn check_draft(path: &Path, shown: String, selection: &Selection) -> Checked {
    let source = match read_toml(path) {
        Ok(source) => source,
        Err(message) => {
            return Checked {
                summary: FileSummary::failed(shown, message),
                diagnostics: Vec::new(),
                text: String::new(),
                report: None,
                places: None,
            }
        }
    };
    match load_toml_text(&shown, source) {
        Ok(loaded) => {
            let mut checked = check_read(shown, loaded.source, loaded.report, selection);
            checked.summary.format = format!("report.toml {}", checked.summary.format);
            checked
        }
        Err(Error::Toml {
            source,
            diagnostics,
            ..
        }) => toml_errors(shown, source, diagnostics),
        Err(other) => Checked {
            summary: FileSummary::failed(shown, other.to_string()),
            diagnostics: Vec::new(),
            text: String::new(),
            report: None,
            places: None,
        },
    }
}

/// A report.toml that does not parse or does not fit the format, as a checked file: its A-
/// errors are the findings, at their TOML places (also what `render --format json` shows).
pub fn toml_errors(shown: String, source: String, diagnostics: Vec<Diagnostic>) -> Checked {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    Checked {
        summary: FileSummary {
            path: shown,
            format: "report.toml".into(),
            sections_found: 0,
            cells_read: 0,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            failure: None,
        },
        diagnostics,
        text: source,
        report: None,
        places: None,
    }
}
