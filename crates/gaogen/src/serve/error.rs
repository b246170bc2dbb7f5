//! Errors answered to a request: a status and one Chinese sentence, as JSON
//! `{"error": "…"}` (docs/api.md).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

#[derive(Debug)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub(crate) fn too_large(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, message)
    }

    /// The request body was larger than the per-request limit.
    pub(crate) fn request_too_large(limit: usize) -> ApiError {
        ApiError::too_large(format!(
            "请求过大：一次上传的内容不能超过 {}（可分批上传，或用命令行 gaogen check 检查整个目录）",
            megabytes(limit)
        ))
    }

    pub(crate) fn busy() -> ApiError {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "服务器正忙，请稍后再试")
    }
}

/// 「32 MB」.
pub(crate) fn megabytes(bytes: usize) -> String {
    format!("{} MB", bytes >> 20)
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message }).to_string();
        (
            self.status,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            body,
        )
            .into_response()
    }
}
