//! The library calls behind the API and the pages: reading an upload, checking, comparing,
//! rendering. The JSON is the command line's, from the same library functions.

use super::error::ApiError;
use super::upload::Item;
use crate::author::{self, RenderFormat};
use crate::check::{self, Checked, FileSummary, Totals};
use crate::pairs::compared;
use crate::{input, rules, sarif, summary, Error, Selection};
use axum::http::StatusCode;
use gaogen_model::check::Diagnostic;
use gaogen_model::Report;
use std::path::Path;

/// The reuse share above which a section is flagged: the command line's default.
const REUSE_THRESHOLD: f64 = 50.0;

fn is_toml(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".toml")
}

/// Reads one upload: a report.toml (by its name), or a published report in any layout (the
/// library's loader tells the kind from the bytes). Returns the text positions point into.
pub(crate) fn load(name: &str, bytes: &[u8]) -> Result<(String, Report), String> {
    if is_toml(name) {
        let source = String::from_utf8(bytes.to_vec())
            .map_err(|_| format!("错误：{name}：report.toml 必须是 UTF-8 编码的文本"))?;
        return author::load_toml_text(name, source)
            .map(|l| (l.source, l.report))
            .map_err(|e| e.to_string());
    }
    input::read_named(name, bytes)
}

fn failed(path: String, message: String) -> Checked {
    Checked {
        summary: FileSummary::failed(path, message),
        diagnostics: Vec::new(),
        text: String::new(),
        report: None,
        places: None,
    }
}

/// Checks one upload with every rule, as `gaogen check` does.
pub(crate) fn check_item(item: Item) -> Checked {
    match item {
        Item::Failed { name, message } => failed(name, message),
        Item::File { name, bytes } if is_toml(&name) => match load(&name, &bytes) {
            Ok((text, report)) => check::check_read(name, text, report, &Selection::all()),
            Err(message) => failed(name, message),
        },
        Item::File { name, bytes } => match check::check_report(&name, &bytes, &Selection::all()) {
            Ok(checked) => checked,
            Err(e) => failed(name, e.to_string()),
        },
    }
}

/// Exactly what `gaogen check --format json` prints for these files, consecutive years of one
/// agency compared.
pub(crate) fn check_json(checked: &[Checked]) -> String {
    let mut totals = Totals::default();
    let files: Vec<String> = checked
        .iter()
        .map(|c| {
            totals.add(&c.summary);
            check::json_entry(c)
        })
        .collect();
    let identities: Vec<_> = checked.iter().map(compared::identity).collect();
    let pairs = crate::pairs::pair(&identities);
    let compared: Vec<String> = pairs
        .iter()
        .map(|p| {
            let c = compared::compare(&checked[p.previous], &checked[p.current], &Selection::all());
            totals.add_pair(&c);
            compared::json(&c)
        })
        .collect();
    let agencies = crate::pairs::agency_years(identities, &pairs);
    check::json_document(
        &files,
        &compared,
        &compared::agencies_json(&agencies),
        &totals,
    )
}

/// `gaogen check --format sarif`.
pub(crate) fn check_sarif(checked: &[Checked]) -> String {
    let results = checked.iter().flat_map(sarif::checked_results).collect();
    sarif::document(results) + "\n"
}

/// `gaogen check --summary csv`.
pub(crate) fn check_csv(checked: &[Checked]) -> String {
    let rows: Vec<FileSummary> = checked.iter().map(|c| c.summary.clone()).collect();
    summary::csv(&rows)
}

/// Two sides compared with the command line's default threshold.
pub(crate) fn compare(old: (String, Report), new: (String, Report)) -> crate::diff::Compared {
    crate::diff::compare(old, new, REUSE_THRESHOLD).expect("the default threshold is valid")
}

/// Exactly what `gaogen diff --format json` prints (the paths are the uploaded names).
pub(crate) fn diff_json(compared: &crate::diff::Compared, old: &str, new: &str) -> String {
    compared.json(Path::new(old), Path::new(new))
}

/// What `/api/render` answers.
#[derive(Debug)]
pub(crate) enum Rendered {
    File {
        bytes: Vec<u8>,
        content_type: &'static str,
        file_name: &'static str,
    },
    /// The report.toml has mistakes or rule errors: the diagnostics, for a 422.
    Refused(Vec<Diagnostic>),
}

pub(crate) fn render(source: String, format: &str) -> Result<Rendered, ApiError> {
    let (format, content_type, file_name) = match format {
        "docx" => (
            RenderFormat::Docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "report.docx",
        ),
        "html" => (
            RenderFormat::Html,
            "text/html; charset=utf-8",
            "report.html",
        ),
        "md" => (
            RenderFormat::Md,
            "text/markdown; charset=utf-8",
            "report.md",
        ),
        "txt" => (RenderFormat::Txt, "text/plain; charset=utf-8", "report.txt"),
        other => {
            return Err(ApiError::bad_request(format!(
                "不支持的格式「{other}」：format 只能是 docx、html、md 或 txt"
            )))
        }
    };
    match author::render_toml("report.toml", source, format, false) {
        Ok(r) => Ok(match r.bytes {
            Some(bytes) => Rendered::File {
                bytes,
                content_type,
                file_name,
            },
            None => Rendered::Refused(r.diagnostics),
        }),
        Err(Error::Toml { diagnostics, .. }) => Ok(Rendered::Refused(diagnostics)),
        Err(e) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            e.to_string(),
        )),
    }
}

/// `gaogen rules --format json`.
pub(crate) fn rules_json() -> String {
    rules::json()
}

/// The status of an unreadable side of a comparison or draft.
pub(crate) fn unreadable(message: String) -> ApiError {
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, message)
}
