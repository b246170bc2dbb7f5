//! The HTTP API for other systems (docs/api.md): the command line's JSON over HTTP.

use super::app::Shared;
use super::engine::{self, Rendered};
use super::error::ApiError;
use super::upload::{self, Upload};
use crate::check::Checked;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Multipart, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use gaogen_model::check::Severity;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub(crate) struct FormatQuery {
    format: Option<String>,
}

fn json_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

/// Reads, expands and checks the `file` fields of a request.
pub(crate) async fn check_uploads(
    state: &Shared,
    multipart: Multipart,
) -> Result<Vec<Checked>, ApiError> {
    let uploads: Vec<Upload> = upload::read_all(multipart, &state.config)
        .await?
        .into_iter()
        .filter(|u| u.field == "file")
        .collect();
    if uploads.is_empty() {
        return Err(ApiError::bad_request(
            "没有收到文件：请用名为 file 的表单字段上传一个或多个报告",
        ));
    }
    let config = state.config.clone();
    state
        .work(move || {
            upload::expand(uploads, &config)
                .map(|items| items.into_iter().map(engine::check_item).collect())
        })
        .await?
}

/// `POST /api/check[?format=json|sarif|csv]`.
pub(crate) async fn check(
    State(state): State<Shared>,
    Query(q): Query<FormatQuery>,
    multipart: Multipart,
) -> Result<Response, ApiError> {
    let format = q.format.as_deref().unwrap_or("json");
    if !["json", "sarif", "csv"].contains(&format) {
        return Err(ApiError::bad_request(format!(
            "不支持的格式「{format}」：format 只能是 json、sarif 或 csv"
        )));
    }
    let checked = check_uploads(&state, multipart).await?;
    Ok(match format {
        "sarif" => (
            [(
                header::CONTENT_TYPE,
                "application/sarif+json; charset=utf-8",
            )],
            engine::check_sarif(&checked),
        )
            .into_response(),
        "csv" => (
            [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
            engine::check_csv(&checked),
        )
            .into_response(),
        _ => json_response(StatusCode::OK, engine::check_json(&checked)),
    })
}

/// A text body (report.toml), with the size limit answered in Chinese.
pub(crate) fn text_body(
    body: Result<Bytes, BytesRejection>,
    limit: usize,
) -> Result<String, ApiError> {
    let bytes = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::request_too_large(limit)
        } else {
            ApiError::bad_request(format!("无法读取请求内容（{}）", e.body_text()))
        }
    })?;
    String::from_utf8(bytes.to_vec())
        .map_err(|_| ApiError::bad_request("report.toml 必须是 UTF-8 编码的文本"))
}

/// `POST /api/render?format=docx|html|md|txt`, body: report.toml.
pub(crate) async fn render(
    State(state): State<Shared>,
    Query(q): Query<FormatQuery>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let source = text_body(body, state.config.max_request)?;
    let format = q.format.unwrap_or_else(|| "md".to_string());
    let rendered = state
        .work(move || engine::render(source, &format))
        .await??;
    Ok(match rendered {
        Rendered::File {
            bytes,
            content_type,
            file_name,
        } => (
            [
                (header::CONTENT_TYPE, content_type.to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{file_name}\""),
                ),
            ],
            bytes,
        )
            .into_response(),
        Rendered::Refused(diagnostics) => {
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let body = serde_json::json!({
                "error": format!("检查发现 {errors} 个错误，未生成报告（改正 report.toml 中标出的数值后重试）"),
                "diagnostics": diagnostics,
            });
            json_response(StatusCode::UNPROCESSABLE_ENTITY, body.to_string())
        }
    })
}

/// An uploaded side of a comparison: its name, the text positions point into, the report.
pub(crate) type Side = (String, String, gaogen_model::Report);

/// The `old` and `new` files of a comparison, read.
pub(crate) async fn read_pair(
    state: &Shared,
    multipart: Multipart,
) -> Result<(Side, Side), ApiError> {
    let mut uploads = upload::read_all(multipart, &state.config).await?;
    let mut sides = Vec::new();
    for field in ["old", "new"] {
        let Some(i) = uploads.iter().position(|u| u.field == field && u.is_file) else {
            return Err(ApiError::bad_request(format!(
                "缺少表单字段「{field}」：请上传上一年（old）和本年（new）两份报告"
            )));
        };
        sides.push(uploads.swap_remove(i));
    }
    let mut read: Vec<Side> = state
        .work(move || {
            sides
                .into_iter()
                .map(|u| {
                    engine::load(&u.name, &u.bytes)
                        .map(|(text, report)| (u.name, text, report))
                        .map_err(engine::unreadable)
                })
                .collect::<Result<Vec<Side>, ApiError>>()
        })
        .await??;
    match (read.pop(), read.pop()) {
        (Some(new), Some(old)) => Ok((old, new)),
        _ => Err(ApiError::bad_request(
            "请上传上一年（old）和本年（new）两份报告",
        )),
    }
}

/// `POST /api/diff`, multipart `old` and `new`.
pub(crate) async fn diff(
    State(state): State<Shared>,
    multipart: Multipart,
) -> Result<Response, ApiError> {
    let (old, new) = read_pair(&state, multipart).await?;
    let json = state
        .work(move || {
            let compared = engine::compare((old.1, old.2), (new.1, new.2));
            engine::diff_json(&compared, &old.0, &new.0)
        })
        .await?;
    Ok(json_response(StatusCode::OK, json))
}

/// `GET /api/rules`.
pub(crate) async fn rules() -> Response {
    json_response(StatusCode::OK, engine::rules_json())
}

/// `GET /healthz`.
pub(crate) async fn healthz() -> Response {
    json_response(
        StatusCode::OK,
        format!(
            "{{\"status\":\"ok\",\"version\":\"{}\"}}\n",
            env!("CARGO_PKG_VERSION")
        ),
    )
}
