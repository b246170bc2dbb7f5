//! What a command that writes files tells a script (`--format json` of `render`, `init`,
//! `import` and `export`, docs/write-json.md): the files written, the checks run (each entry in
//! the shape of `check --format json`'s `files[]`), counts, what could not be read, and why the
//! command could not run — one JSON document, keys in a fixed order.

use crate::check::{json_entry, Checked, FileSummary};
use crate::{Error, ExitStatus};
use gaogen_model::check::Diagnostic;
use gaogen_model::Report;
use serde::Serialize;
use serde_json::value::RawValue;
use std::path::Path;

/// One file written.
#[derive(Debug, Clone, Serialize)]
pub struct WrittenFile {
    /// As named on the command line.
    pub path: String,
    /// `toml`, `xlsx`, `md`, `txt`, `html`, `docx`, `sqlite` or `csv`.
    pub kind: &'static str,
    /// The size of the file written.
    pub bytes: u64,
}

/// `export`'s counts.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct ExportCounts {
    /// Reports written (a file that could not be read counts too: it has its row with `failure`).
    pub reports: usize,
    /// Cell rows written (one per cell of every table read).
    pub rows: usize,
    /// Derived figures written.
    pub figures: usize,
    /// Files that could not be read.
    pub failures: usize,
}

/// Why the command could not run.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorJson {
    /// The Chinese message the human output prints.
    pub message: String,
}

/// The document. Every key is always present (empty or null when it does not apply).
#[derive(Debug, Serialize)]
pub struct Written {
    /// `render`, `init`, `import` or `export`.
    pub command: &'static str,
    /// The process exit code: 0 done, 1 findings (render: errors stopped it), 2 could not run.
    pub exit_code: u8,
    pub written: Vec<WrittenFile>,
    /// The checks run, as `check --format json`'s `files[]` entries.
    pub checks: Vec<Box<RawValue>>,
    /// `export` only.
    pub counts: Option<ExportCounts>,
    /// Cells that could not be read and were written `""` or blank (`import`, `init --from`).
    pub unread: Vec<String>,
    /// What still needs doing (render: what a draft lacks; export: files skipped).
    pub warnings: Vec<String>,
    /// Files that could not be read (`export`: the others were written).
    pub failures: Vec<String>,
    pub error: Option<ErrorJson>,
}

impl Written {
    /// An empty document for `command`.
    pub fn new(command: &'static str) -> Self {
        Written {
            command,
            exit_code: 0,
            written: Vec::new(),
            checks: Vec::new(),
            counts: None,
            unread: Vec::new(),
            warnings: Vec::new(),
            failures: Vec::new(),
            error: None,
        }
    }

    /// Records a file written.
    pub fn file(&mut self, path: &Path, kind: &'static str, bytes: u64) {
        self.written.push(WrittenFile {
            path: path.display().to_string(),
            kind,
            bytes,
        });
    }

    /// Records one file's check, as `check --format json` shows it.
    pub fn check(&mut self, checked: &Checked) {
        let entry = json_entry(checked);
        self.checks
            .push(RawValue::from_string(entry).expect("json_entry is JSON"));
    }

    /// Records the rules `render` ran on `report`: from a report.toml `shown`, its diagnostics
    /// pointing into `text`, or from a workbook, at its cells (`places`) — each entry as `check`
    /// gives that file.
    pub fn diagnostics(
        &mut self,
        shown: &str,
        report: &Report,
        diagnostics: &[Diagnostic],
        text: &str,
        places: Option<&crate::workbook::Places>,
    ) {
        let mut summary = FileSummary::of(shown.to_string(), report, diagnostics);
        if places.is_none() {
            summary.format = format!("report.toml {}", summary.format);
        }
        self.check(&Checked {
            summary,
            diagnostics: diagnostics.to_vec(),
            text: text.to_string(),
            report: None,
            places: places.cloned(),
        });
    }

    /// Records why the command could not run; a report.toml's own errors also become its check
    /// entry (A- codes at their TOML places, as `check report.toml` gives them).
    pub fn error(&mut self, e: &Error) {
        if let Error::Toml {
            path,
            source,
            diagnostics,
        } = e
        {
            self.check(&crate::draft::toml_errors(
                path.clone(),
                source.clone(),
                diagnostics.clone(),
            ));
        }
        self.exit_code = e.status().code();
        self.error = Some(ErrorJson {
            message: e.to_string(),
        });
    }

    /// The document, ending with a newline, for a command that ended with `status`.
    pub fn json(mut self, status: ExitStatus) -> String {
        if self.error.is_none() {
            self.exit_code = status.code();
        }
        serde_json::to_string(&self).expect("serializes") + "\n"
    }
}
