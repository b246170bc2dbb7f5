//! API tests, in process (`tower::ServiceExt::oneshot`): every endpoint, status code and limit.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

mod api;
mod limits;
mod pages;

use super::{router, Config};
use axum::body::{Body, Bytes};
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

pub(super) const BOUNDARY: &str = "gaogen-test-boundary";

/// The workspace root (tests read the examples and fixtures).
pub(super) fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub(super) fn read(path: &str) -> Vec<u8> {
    std::fs::read(root().join(path)).expect("test input exists")
}

/// A multipart body: (field, file name or None for a text field, bytes).
pub(super) fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (field, file, bytes) in parts {
        out.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match file {
            Some(name) => out.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => out.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{field}\"\r\n\r\n").as_bytes(),
            ),
        }
        out.extend_from_slice(bytes);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    out
}

pub(super) struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Bytes,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("the answer is JSON")
    }

    pub fn header(&self, name: header::HeaderName) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    }
}

pub(super) fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

pub(super) fn send_with(config: Config, request: Request<Body>) -> Answer {
    runtime().block_on(async move {
        let response = router(config).oneshot(request).await.expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        Answer {
            status,
            headers,
            body,
        }
    })
}

pub(super) fn send(request: Request<Body>) -> Answer {
    send_with(Config::new(""), request)
}

pub(super) fn get(path: &str) -> Answer {
    send(Request::get(path).body(Body::empty()).expect("request"))
}

pub(super) fn post_multipart(path: &str, parts: &[(&str, Option<&str>, &[u8])]) -> Answer {
    post_multipart_with(Config::new(""), path, parts)
}

pub(super) fn post_multipart_with(
    config: Config,
    path: &str,
    parts: &[(&str, Option<&str>, &[u8])],
) -> Answer {
    let body = multipart(parts);
    send_with(
        config,
        Request::post(path)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .header(header::CONTENT_LENGTH, body.len())
            .body(Body::from(body))
            .expect("request"),
    )
}

pub(super) fn post_text(path: &str, text: &str) -> Answer {
    send(
        Request::post(path)
            .header(header::CONTENT_TYPE, "application/toml")
            .body(Body::from(text.to_string()))
            .expect("request"),
    )
}
