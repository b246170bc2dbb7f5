//! `gaogen serve`: the web pages and the HTTP API (docs/api.md).

use super::{Format, Outcome};
use gaogen::serve::{self, Banner, Config};
use gaogen::{printer, ExitStatus};
use std::net::SocketAddr;
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    /// 监听地址；默认只接受本机访问。要在内网中使用，写 0.0.0.0:8080 或本机的内网地址
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// 经反向代理挂在某个路径下时的前缀，如 /gaogen（代理须把该前缀原样转发）
    #[arg(long, default_value = "")]
    base_path: String,
    /// 单个文件的大小上限（MB）
    #[arg(long, default_value_t = 32)]
    max_file_mb: usize,
    /// 一次请求的大小上限（MB）
    #[arg(long, default_value_t = 64)]
    max_request_mb: usize,
    /// 一次请求最多的文件数（含 .zip 中的文件）
    #[arg(long, default_value_t = 200)]
    max_files: usize,
    /// 一次请求的时限（秒）
    #[arg(long, default_value_t = 60)]
    timeout: u64,
    /// 启动时的输出：text（默认，供人阅读）或 json（一行 JSON：监听地址、打开的网址、各项上限；无法启动时为错误，见 docs/api.md）
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

pub(crate) fn run(args: &ServeArgs) -> Outcome {
    let mut config = Config::new(&args.base_path);
    config.max_file = args.max_file_mb.clamp(1, 1024) << 20;
    config.max_request = args.max_request_mb.clamp(1, 4096) << 20;
    config.max_files = args.max_files.max(1);
    config.timeout = Duration::from_secs(args.timeout.max(1));
    let json = args.format == Format::Json;
    let banner = if json { Banner::Json } else { Banner::Text };
    match serve::run(args.addr, config, banner) {
        Ok(()) => Ok(ExitStatus::Success),
        Err(message) if json => {
            let status = ExitStatus::CouldNotRun;
            let doc = serde_json::json!({
                "exit_code": status.code(),
                "error": { "message": message },
            });
            printer::print(doc.to_string() + "\n")?;
            Ok(status)
        }
        Err(message) => {
            printer::eprintln(&message);
            Ok(ExitStatus::CouldNotRun)
        }
    }
}
