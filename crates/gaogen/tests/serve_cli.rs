//! `gaogen serve` on a loopback port: the API answers exactly what the command line prints.

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Server {
    child: Child,
    addr: String,
    _stdout: BufReader<std::process::ChildStdout>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gaogen"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("gaogen serve starts");
    let mut line = String::new();
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    stdout.read_line(&mut line).expect("the address is printed");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("an address in the first line")
        .to_string();
    assert!(addr.starts_with("127.0.0.1:"), "{line}");
    Server {
        child,
        addr,
        _stdout: stdout,
    }
}

fn request(server: &Server, path: &str, content_type: &str, body: &[u8]) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(&server.addr).expect("connects");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).expect("write");
    s.write_all(body).expect("write");
    let mut answer = Vec::new();
    s.read_to_end(&mut answer).expect("read");
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers end");
    let status = String::from_utf8_lossy(&answer[9..12])
        .parse()
        .expect("status");
    (status, answer[split + 4..].to_vec())
}

fn multipart(parts: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "loopbackboundary";
    let mut out = Vec::new();
    for (field, name, bytes) in parts {
        out.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\n\r\n").as_bytes(),
        );
        out.extend_from_slice(bytes);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), out)
}

fn cli(dir: &Path, args: &[&str]) -> Vec<u8> {
    Command::new(env!("CARGO_BIN_EXE_gaogen"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("gaogen runs")
        .stdout
}

#[test]
fn api_check_and_diff_are_the_command_lines_json() {
    let server = start();
    let dir = root().join("tests/browser/fixtures");
    let name = "township_2024_broken.txt";
    let bytes = std::fs::read(dir.join(name)).expect("fixture");
    let (ct, body) = multipart(&[("file", name, &bytes)]);
    let (status, answer) = request(&server, "/api/check", &ct, &body);
    assert_eq!(status, 200);
    assert_eq!(
        String::from_utf8_lossy(&answer),
        String::from_utf8_lossy(&cli(&dir, &["check", "--format", "json", name]))
    );

    let published = root().join("examples/published");
    let old = std::fs::read(published.join("township_2023.txt")).expect("old");
    let new = std::fs::read(published.join("township_2024.txt")).expect("new");
    let (ct, body) = multipart(&[
        ("old", "township_2023.txt", &old),
        ("new", "township_2024.txt", &new),
    ]);
    let (status, answer) = request(&server, "/api/diff", &ct, &body);
    assert_eq!(status, 200);
    assert_eq!(
        String::from_utf8_lossy(&answer),
        String::from_utf8_lossy(&cli(
            &published,
            &[
                "diff",
                "--format",
                "json",
                "township_2023.txt",
                "township_2024.txt"
            ]
        ))
    );
}

#[test]
fn a_declared_100_mb_body_is_refused_at_once_and_the_server_goes_on() {
    let server = start();
    let mut s = TcpStream::connect(&server.addr).expect("connects");
    let head = format!(
        "POST /api/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: {}\r\n\r\n",
        100u64 << 20
    );
    s.write_all(head.as_bytes()).expect("write");
    let mut answer = vec![0u8; 4096];
    let n = s.read(&mut answer).expect("an answer before the body");
    let text = String::from_utf8_lossy(&answer[..n]);
    assert!(text.starts_with("HTTP/1.1 413"), "{text}");
    assert!(text.contains("请求过大"), "{text}");
    let (status, _) = request(&server, "/healthz", "text/plain", b"");
    assert_eq!(status, 405, "healthz is GET only; the server still answers");
}
