//! The three pages (检查, 编写, 对比), rendered by askama (every text escaped).

use super::api::check_uploads;
use super::app::Shared;
use super::compare::CompareView;
use super::form::{form, Form};
use super::report_view::{file_view, FileView};
use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

#[derive(Template)]
#[template(path = "serve/check.html")]
pub(crate) struct CheckPage<'a> {
    base: &'a str,
    page: &'static str,
    files: Vec<FileView>,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "serve/write.html")]
pub(crate) struct WritePage<'a> {
    base: &'a str,
    page: &'static str,
    form: Form,
}

#[derive(Template)]
#[template(path = "serve/compare.html")]
pub(crate) struct ComparePage<'a> {
    base: &'a str,
    page: &'static str,
    result: Option<CompareView>,
    error: Option<String>,
}

impl<'a> ComparePage<'a> {
    pub(crate) fn new(base: &'a str, result: Option<CompareView>, error: Option<String>) -> Self {
        ComparePage {
            base,
            page: "compare",
            result,
            error,
        }
    }
}

/// A rendered page; a template error (a bug) is a 500 with a Chinese sentence.
pub(crate) fn html(page: &dyn askama::DynTemplate, status: StatusCode) -> Response {
    match page.dyn_render() {
        Ok(body) => (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            body,
        )
            .into_response(),
        Err(_) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "页面生成失败（内部错误）",
        )
            .into_response(),
    }
}

pub(crate) async fn check_page(State(state): State<Shared>) -> Response {
    let page = CheckPage {
        base: &state.config.base,
        page: "check",
        files: Vec::new(),
        error: None,
    };
    html(&page, StatusCode::OK)
}

/// `POST /`: the 检查 page with the results of the uploaded files.
pub(crate) async fn check_submit(State(state): State<Shared>, multipart: Multipart) -> Response {
    let result = match check_uploads(&state, multipart).await {
        Ok(checked) => {
            state
                .work(move || {
                    checked
                        .into_iter()
                        .enumerate()
                        .map(|(i, c)| file_view(i + 1, c))
                        .collect::<Vec<_>>()
                })
                .await
        }
        Err(e) => Err(e),
    };
    let (files, error, status) = match result {
        Ok(files) => (files, None, StatusCode::OK),
        Err(e) => (Vec::new(), Some(e.message), e.status),
    };
    let page = CheckPage {
        base: &state.config.base,
        page: "check",
        files,
        error,
    };
    html(&page, status)
}

pub(crate) async fn write_page(State(state): State<Shared>) -> Response {
    let page = WritePage {
        base: &state.config.base,
        page: "write",
        form: form(),
    };
    html(&page, StatusCode::OK)
}

pub(crate) async fn compare_page(State(state): State<Shared>) -> Response {
    html(
        &ComparePage::new(&state.config.base, None, None),
        StatusCode::OK,
    )
}
