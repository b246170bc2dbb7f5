//! The router: routes under the base path, limits (body size, timeout, concurrency), security
//! headers, and the embedded static files.

use super::error::ApiError;
use super::{api, compare, pages, write, Config};
use axum::error_handling::HandleErrorLayer;
use axum::extract::{DefaultBodyLimit, Path, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{BoxError, Router};
use std::sync::Arc;
use tokio::sync::Semaphore;
use tower::ServiceBuilder;
use tower_http::set_header::SetResponseHeaderLayer;

/// What every handler shares.
#[derive(Debug)]
pub(crate) struct AppState {
    pub config: Config,
    /// Permits for CPU work (reading, checking, rendering): one per core.
    pub cpu: Semaphore,
}

pub(crate) type Shared = Arc<AppState>;

impl AppState {
    /// Runs CPU work on the blocking pool, at most one job per core at once.
    pub(crate) async fn work<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let _permit = self.cpu.acquire().await.map_err(|_| ApiError::busy())?;
        tokio::task::spawn_blocking(f).await.map_err(|_| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "处理时发生内部错误（已记录），请把文件发给维护者",
            )
        })
    }
}

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The whole application under `config.base`.
pub fn router(config: Config) -> Router {
    let base = config.base.clone();
    let timeout = config.timeout;
    let concurrency = config.concurrency;
    let max_request = config.max_request;
    let state: Shared = Arc::new(AppState {
        cpu: Semaphore::new(config.workers.max(1)),
        config,
    });
    let p = |path: &str| format!("{base}{path}");
    let mut app = Router::new()
        .route(&p("/"), get(pages::check_page).post(pages::check_submit))
        .route(&p("/write"), get(pages::write_page))
        .route(&p("/write/compute"), post(write::compute))
        .route(&p("/write/load"), post(write::load))
        .route(&p("/write/xlsx"), post(write::xlsx))
        .route(
            &p("/compare"),
            get(pages::compare_page).post(compare::submit),
        )
        .route(&p("/static/{file}"), get(static_file))
        .route(&p("/api/check"), post(api::check))
        .route(&p("/api/render"), post(api::render))
        .route(&p("/api/diff"), post(api::diff))
        .route(&p("/api/rules"), get(api::rules))
        .route(&p("/healthz"), get(api::healthz));
    if !base.is_empty() {
        let to = format!("{base}/");
        app = app.route(&base, get(move || async move { Redirect::permanent(&to) }));
    }
    app.fallback(not_found)
        .with_state(state)
        .layer(DefaultBodyLimit::max(max_request))
        .layer(middleware::from_fn(move |req, next| {
            declared_length(req, next, max_request)
        }))
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(overloaded))
                .timeout(timeout)
                .layer(tower::limit::GlobalConcurrencyLimitLayer::new(concurrency)),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
}

/// A body declared larger than the limit is refused before a byte of it is read.
async fn declared_length(req: Request, next: Next, limit: usize) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return ApiError::request_too_large(limit).into_response();
    }
    next.run(req).await
}

async fn overloaded(err: BoxError) -> Response {
    if err.is::<tower::timeout::error::Elapsed>() {
        ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "请求超时：上传太慢或文件处理时间过长，请稍后重试或分批上传",
        )
        .into_response()
    } else {
        ApiError::busy().into_response()
    }
}

async fn not_found() -> Response {
    ApiError::new(StatusCode::NOT_FOUND, "没有这个页面").into_response()
}

/// The CSS and JavaScript written for these pages, compiled into the binary.
const STATIC: &[(&str, &str, &str)] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("assets/app.css"),
    ),
    (
        "common.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/common.js"),
    ),
    (
        "check.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/check.js"),
    ),
    (
        "write.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/write.js"),
    ),
    (
        "compare.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/compare.js"),
    ),
];

async fn static_file(Path(file): Path<String>) -> Response {
    match STATIC.iter().find(|(name, _, _)| *name == file) {
        Some((_, content_type, body)) => (
            [
                (header::CONTENT_TYPE, *content_type),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            *body,
        )
            .into_response(),
        None => not_found().await,
    }
}
