//! The 编写 page's endpoints: the draft (report.toml, sent by the browser as the user types) →
//! computed totals and every rule's diagnostics; a saved report.toml or last year's report → the
//! form's fields. Every number is computed by the library; the browser only shows it.

use super::api::text_body;
use super::app::Shared;
use super::engine;
use super::error::ApiError;
use super::upload;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Multipart, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use gaogen_model::author::{self, Editions, Fill};
use gaogen_model::check::{self, Diagnostic, Severity};
use gaogen_model::schema::SECTIONS;
use gaogen_model::{CellValue, FormatVersion, Report, TableKey};
use serde_json::{json, Map, Value};

fn json_response(value: &Value) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        value.to_string(),
    )
        .into_response()
}

/// `POST /write/compute`, body: report.toml.
pub(crate) async fn compute(
    State(state): State<Shared>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let source = text_body(body, state.config.max_request)?;
    let value = state.work(move || compute_json(&source)).await?;
    Ok(json_response(&value))
}

/// The form field a report.toml line belongs to: `report.agency`, `text.overview`,
/// `applications/new_requests`.
fn field_at(source: &str, line: u32) -> Option<String> {
    let mut table = "";
    for (i, l) in source.lines().enumerate() {
        let t = l.trim();
        if let Some(rest) = t.strip_prefix('[') {
            table = rest.split(']').next().unwrap_or("").trim();
        }
        if i as u32 + 1 == line {
            let key = t.split('=').next()?.trim();
            if key.is_empty() || t.starts_with('[') || !t.contains('=') {
                return None;
            }
            return Some(match table {
                "report" | "text" => format!("{table}.{key}"),
                _ => format!("{table}/{key}"),
            });
        }
    }
    None
}

fn shown(value: &CellValue) -> String {
    match value {
        CellValue::Count { value, .. } => value.to_string(),
        CellValue::Amount { value, .. } => value.normalize().to_string(),
        CellValue::Text { raw } => raw.to_string(),
        CellValue::Empty { .. } | CellValue::Missing => String::new(),
    }
}

fn cells(report: &Report) -> Map<String, Value> {
    let mut out = Map::new();
    for key in TableKey::ALL {
        let section = key.key();
        for row in &report.table(key).rows {
            for c in &row.cells {
                out.insert(
                    format!("{section}/{}/{}", row.id, c.column),
                    Value::String(shown(&c.value)),
                );
            }
        }
    }
    out
}

fn diagnostic_json(d: &Diagnostic, source: &str) -> Value {
    let view = super::report_view::diag_view(d);
    let mut involved: Vec<String> = Vec::new();
    let section = d.table.map(TableKey::key);
    if let (Some(section), Some(e)) = (section, &d.equation) {
        for t in e.left.iter().chain(&e.right) {
            involved.push(format!("{section}/{}/{}", t.row, t.column));
        }
    }
    let culprit = match (section, &d.culprit) {
        (Some(section), Some(c)) => Some(format!("{section}/{}/{}", c.row, c.column)),
        _ => None,
    };
    json!({
        "code": d.code,
        "severity": d.severity,
        "severity_text": view.severity,
        "message": d.message,
        "help": d.help,
        "equation": view.equation,
        "culprit_text": view.culprit,
        "not_assessable": d.not_assessable,
        "line": d.span.map(|s| s.line),
        "field": d.span.and_then(|s| field_at(source, s.line)),
        "cells": involved,
        "culprit": culprit,
    })
}

pub(crate) fn compute_json(source: &str) -> Value {
    let (report, diagnostics) = match author::parse_toml(source) {
        Err(d) => (None, vec![*d]),
        Ok(input) => {
            let (report, errors) = author::to_report(&input, source);
            if errors.is_empty() {
                let d = check::check(&report);
                (Some(report), d)
            } else {
                (None, errors)
            }
        }
    };
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    json!({
        "cells": report.as_ref().map(cells).unwrap_or_default(),
        "errors": count(Severity::Error),
        "warnings": count(Severity::Warning),
        "infos": count(Severity::Info),
        "diagnostics": diagnostics.iter().map(|d| diagnostic_json(d, source)).collect::<Vec<_>>(),
    })
}

fn toml_text(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The form's fields from a report.toml.
pub(crate) fn fields(source: &str) -> Result<(Map<String, Value>, Option<String>), String> {
    let input = author::parse_toml(source).map_err(|d| d.message.to_string())?;
    let mut out = Map::new();
    let meta = &input.report;
    let mut put = |k: &str, v: String| {
        out.insert(k.to_string(), Value::String(v));
    };
    put("report.agency", meta.agency.get_ref().clone());
    put("report.year", meta.year.get_ref().to_string());
    for (k, v) in [
        ("report.date", &meta.date),
        ("report.contact", &meta.contact),
    ] {
        put(k, v.as_ref().map_or(String::new(), |s| s.get_ref().clone()));
    }
    let t = &input.text;
    let sections = SECTIONS.iter().map(|d| (d.key.key(), t.section(d.key)));
    for (k, v) in std::iter::once(("preamble", &t.preamble)).chain(sections) {
        let text = v
            .as_ref()
            .map_or(String::new(), |s| s.get_ref().trim().to_string());
        put(&format!("text.{k}"), text);
    }
    for table in TableKey::ALL {
        let (section, rows) = (table.key(), input.table(table));
        for (key, values) in rows {
            for (i, v) in values.get_ref().iter().enumerate() {
                put(
                    &format!("{section}/{}/{i}", key.get_ref()),
                    toml_text(v.get_ref()),
                );
            }
        }
    }
    let edition = |v: &Option<serde_spanned::Spanned<String>>| {
        v.as_ref().map(|s| s.get_ref().as_str()) == Some("2019")
    };
    let note = (edition(&meta.format) || edition(&meta.format_table2) || edition(&meta.format_table3))
        .then(|| "这份 report.toml 是 2019 年版格式；网页表单按 2021 年版填写，2019 年版特有的行没有载入（可用命令行 gaogen render 处理 2019 年版）".to_string());
    Ok((out, note))
}

/// `POST /write/xlsx`, body: report.toml → the draft as an Excel workbook (the library's
/// authoring workbook: the tables as printed, totals as formulas), or the mistakes as JSON (422).
pub(crate) async fn xlsx(
    State(state): State<Shared>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let source = text_body(body, state.config.max_request)?;
    let bytes = state
        .work(
            move || match crate::author::load_toml_text("report.toml", source) {
                Ok(loaded) => crate::workbook::import_bytes(&loaded.report)
                    .map(|(bytes, _)| bytes)
                    .map_err(|e| engine::unreadable(e.to_string())),
                Err(e) => Err(engine::unreadable(e.to_string())),
            },
        )
        .await??;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"report.xlsx\"",
            ),
        ],
        bytes,
    )
        .into_response())
}

/// `POST /write/load`, multipart `file` and `mode` (`open`: this draft or published report;
/// `next`: start next year's report from it).
pub(crate) async fn load(
    State(state): State<Shared>,
    multipart: Multipart,
) -> Result<Response, ApiError> {
    let uploads = upload::read_all(multipart, &state.config).await?;
    let next = uploads
        .iter()
        .any(|u| u.field == "mode" && u.bytes == b"next");
    let Some(file) = uploads.into_iter().find(|u| u.field == "file" && u.is_file) else {
        return Err(ApiError::bad_request(
            "没有收到文件：请选择 report.toml 或上一年的报告",
        ));
    };
    let value = state
        .work(move || -> Result<Value, ApiError> {
            let is_toml = file.name.to_ascii_lowercase().ends_with(".toml");
            let source = if is_toml && !next {
                String::from_utf8(file.bytes)
                    .map_err(|_| engine::unreadable("report.toml 必须是 UTF-8 编码的文本".into()))?
            } else {
                let (_, report) =
                    engine::load(&file.name, &file.bytes).map_err(engine::unreadable)?;
                let editions = Editions {
                    table2: FormatVersion::V2021,
                    table3: FormatVersion::V2021,
                };
                if next {
                    let Some(year) = report.year.map(|y| y + 1) else {
                        return Err(engine::unreadable(format!(
                            "错误：{}：无法确定上一年报告的年度",
                            file.name
                        )));
                    };
                    let agency = report.agency.clone().unwrap_or_default();
                    author::write_toml(&agency, year, editions, Fill::NextYearOf(&report)).0
                } else {
                    let agency = report.agency.as_deref().unwrap_or("");
                    let year = report.year.unwrap_or(2025);
                    author::write_toml(agency, year, editions, Fill::Copy(&report)).0
                }
            };
            let (fields, note) = fields(&source).map_err(engine::unreadable)?;
            Ok(json!({ "fields": fields, "note": note }))
        })
        .await??;
    Ok(json_response(&value))
}
