//! `gaogen serve`: the web pages (检查, 编写, 对比) and the HTTP API over the same library code as
//! the command line. Nothing is stored: uploads live in memory for the length of a request and
//! are read by the library's one loader (`input::read_named`).

mod api;
mod app;
mod compare;
mod engine;
mod error;
mod form;
mod pages;
mod report_view;
mod upload;
mod write;

#[cfg(test)]
mod tests;

pub use app::router;

use serde::Serialize;
use std::net::SocketAddr;
use std::time::Duration;

/// Limits and the public path of one server.
#[derive(Debug, Clone)]
pub struct Config {
    /// `""` or `/prefix` (no trailing slash).
    pub base: String,
    pub max_file: usize,
    pub max_request: usize,
    pub max_files: usize,
    pub timeout: Duration,
    /// Requests served at once (the rest wait, bounded by the timeout).
    pub concurrency: usize,
    /// Reports parsed and checked at once (CPU work).
    pub workers: usize,
}

impl Config {
    /// The defaults (32 MB per file, 64 MB per request, 200 files, 60 s, 8 requests and one
    /// job per core) under the public path `base` (`""`, `/gaogen`, `gaogen/`).
    pub fn new(base: &str) -> Config {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Config {
            base: normalize_base(base),
            max_file: 32 << 20,
            max_request: 64 << 20,
            max_files: 200,
            timeout: Duration::from_secs(60),
            concurrency: cores * 8,
            workers: cores,
        }
    }
}

/// `gaogen/` → `/gaogen`; `/` → ``.
fn normalize_base(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

/// How `run` announces the server: a few lines for people, or one JSON object for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Banner {
    Text,
    /// `serve --format json` (docs/api.md): [`Started`].
    Json,
}

/// The JSON startup line: where the server listens and its limits.
#[derive(Debug, Serialize)]
pub struct Started {
    /// The socket listened on, e.g. `127.0.0.1:8080` (the port chosen when 0 was asked).
    pub address: String,
    /// The address to open on this machine (on `0.0.0.0` or `::`, through the loopback).
    pub url: String,
    pub base_path: String,
    /// Only this machine can connect.
    pub local_only: bool,
    pub limits: Limits,
}

/// The limits of [`Config`], in bytes and seconds.
#[derive(Debug, Serialize)]
pub struct Limits {
    pub max_file_bytes: usize,
    pub max_request_bytes: usize,
    pub max_files: usize,
    pub timeout_seconds: u64,
    pub concurrency: usize,
    pub workers: usize,
}

/// The startup banner for people, or the JSON line.
fn banner(local: SocketAddr, config: &Config, kind: Banner) -> String {
    if kind == Banner::Json {
        let open = if local.ip().is_unspecified() {
            let loopback: std::net::IpAddr = if local.is_ipv4() {
                std::net::Ipv4Addr::LOCALHOST.into()
            } else {
                std::net::Ipv6Addr::LOCALHOST.into()
            };
            SocketAddr::new(loopback, local.port())
        } else {
            local
        };
        let started = Started {
            address: local.to_string(),
            url: format!("http://{open}{}/", config.base),
            base_path: config.base.clone(),
            local_only: local.ip().is_loopback(),
            limits: Limits {
                max_file_bytes: config.max_file,
                max_request_bytes: config.max_request,
                max_files: config.max_files,
                timeout_seconds: config.timeout.as_secs(),
                concurrency: config.concurrency,
                workers: config.workers,
            },
        };
        return serde_json::to_string(&started).expect("serializes") + "\n";
    }
    let host = if local.ip().is_unspecified() {
        "本机的内网地址".to_string()
    } else {
        local.to_string()
    };
    let shown = if local.ip().is_unspecified() {
        format!("http://{host}:{}{}/", local.port(), config.base)
    } else {
        format!("http://{host}{}/", config.base)
    };
    let mut banner = format!("gaogen serve 已启动：在浏览器中打开 {shown}\n");
    if local.ip().is_loopback() {
        banner.push_str("（只接受本机访问；在内网中使用见 README 的「网页」一节）\n");
    }
    banner.push_str("按 Ctrl+C 停止\n");
    banner
}

/// Serves until Ctrl+C; prints the address to open first (`kind`). The error is a Chinese
/// message.
pub fn run(addr: SocketAddr, config: Config, kind: Banner) -> Result<(), String> {
    crate::write::install_cleanup();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("错误：无法启动服务（{e}）"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("错误：无法监听 {addr}（{e}）"))?;
        let local = listener.local_addr().unwrap_or(addr);
        // A closed stdout (a service manager, a test) must not stop the server.
        let _ = crate::printer::write_stdout(banner(local, &config, kind).as_bytes());
        let app = router(config);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| format!("错误：服务中断（{e}）"))
    })
}
