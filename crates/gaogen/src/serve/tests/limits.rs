//! Limits: sizes (413 in Chinese), files per request, malformed multipart, the request timeout.

use super::*;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

fn small() -> Config {
    let mut c = Config::new("");
    c.max_file = 4 << 10;
    c.max_request = 1 << 20;
    c.max_files = 3;
    c
}

/// A multipart body with no declared length: the head of a `file` field, `chunks` chunks of
/// `size` bytes, then (if `stall`) a chunk that never comes.
struct Trickle {
    head: Option<Bytes>,
    chunks: usize,
    size: usize,
    stall: bool,
}

impl http_body::Body for Trickle {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        if let Some(head) = self.head.take() {
            return Poll::Ready(Some(Ok(http_body::Frame::data(head))));
        }
        if self.chunks > 0 {
            self.chunks -= 1;
            let data = Bytes::from(vec![b'x'; self.size]);
            return Poll::Ready(Some(Ok(http_body::Frame::data(data))));
        }
        if self.stall {
            Poll::Pending
        } else {
            Poll::Ready(None)
        }
    }
}

fn streamed(config: Config, chunks: usize, size: usize, stall: bool) -> Answer {
    let head = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\r\n"
    );
    let body = Trickle {
        head: Some(Bytes::from(head)),
        chunks,
        size,
        stall,
    };
    send_with(
        config,
        Request::post("/api/check")
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(Body::new(body))
            .expect("request"),
    )
}

#[test]
fn a_file_over_the_per_file_limit_is_413_in_chinese() {
    let big = vec![b'a'; 5 << 10];
    let a = post_multipart_with(small(), "/api/check", &[("file", Some("big.txt"), &big)]);
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    let message = a.json()["error"].as_str().unwrap_or("").to_string();
    assert!(
        message.contains("big.txt") && message.contains("过大"),
        "{message}"
    );
}

#[test]
fn a_declared_body_over_the_request_limit_is_refused_unread() {
    let a = send_with(
        small(),
        Request::post("/api/check")
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .header(header::CONTENT_LENGTH, 100u64 << 20)
            .body(Body::empty())
            .expect("request"),
    );
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(a.json()["error"]
        .as_str()
        .unwrap_or("")
        .contains("请求过大"));
}

#[test]
fn a_streamed_body_over_the_request_limit_is_413() {
    let mut config = small();
    config.max_file = 8 << 20;
    let a = streamed(config, 64, 64 << 10, false);
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(a.json()["error"]
        .as_str()
        .unwrap_or("")
        .contains("请求过大"));
}

#[test]
fn a_body_that_never_ends_times_out_with_408() {
    let mut config = small();
    config.timeout = Duration::from_millis(300);
    let a = streamed(config, 1, 10, true);
    assert_eq!(a.status, StatusCode::REQUEST_TIMEOUT);
    assert!(a.json()["error"].as_str().unwrap_or("").contains("超时"));
}

#[test]
fn too_many_files_is_413() {
    let t = b"x";
    let parts: Vec<(&str, Option<&str>, &[u8])> =
        (0..4).map(|_| ("file", Some("a.txt"), &t[..])).collect();
    let a = post_multipart_with(small(), "/api/check", &parts);
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(a.json()["error"]
        .as_str()
        .unwrap_or("")
        .contains("最多上传 3 个"));
}

#[test]
fn a_zip_with_too_many_or_too_large_entries_is_bounded() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("bomb.txt", options).expect("entry");
    std::io::Write::write_all(&mut zip, &vec![b'0'; 1 << 20]).expect("write");
    let bomb = zip.finish().expect("zip").into_inner();
    assert!(bomb.len() < 4 << 10, "the archive itself is small");
    let a = post_multipart_with(small(), "/api/check", &[("file", Some("b.zip"), &bomb)]);
    assert_eq!(a.status, StatusCode::OK);
    let why = a.json()["files"][0]["summary"]["failure"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(why.contains("过大"), "{why}");

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..5 {
        zip.start_file(format!("{i}.txt"), options).expect("entry");
    }
    let many = zip.finish().expect("zip").into_inner();
    let a = post_multipart_with(small(), "/api/check", &[("file", Some("m.zip"), &many)]);
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[test]
fn malformed_multipart_is_400() {
    for body in [
        b"--wrong\r\ngarbage".to_vec(),
        format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nunterminated").into_bytes(),
    ] {
        let a = send(
            Request::post("/api/check")
                .header(
                    header::CONTENT_TYPE,
                    format!("multipart/form-data; boundary={BOUNDARY}"),
                )
                .body(Body::from(body))
                .expect("request"),
        );
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.text());
        assert!(a.json()["error"].as_str().is_some());
    }
    let a = send(
        Request::post("/api/check")
            .header(header::CONTENT_TYPE, "text/plain")
            .body(Body::from("hello"))
            .expect("request"),
    );
    assert!(a.status.is_client_error());
}

#[test]
fn concurrency_and_workers_follow_the_cores() {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let c = Config::new("");
    assert_eq!(c.workers, cores);
    assert!(c.concurrency >= c.workers);
}
