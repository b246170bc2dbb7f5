//! Helper programs (`pdftotext`, LibreOffice) run as children with a time limit and a capped read
//! of their output: a hostile file can make them run forever or print without end, never both
//! stall the batch and eat the machine's memory.

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Process groups of the helper programs running now, stopped if gaogen is interrupted (they do
/// not share its process group, so Ctrl-C would not reach them).
static RUNNING: Mutex<Vec<u32>> = Mutex::new(Vec::new());

/// Stops every helper program still running.
pub fn stop_all() {
    if let Ok(running) = RUNNING.lock() {
        for &leader in running.iter() {
            stop_group(leader);
        }
    }
}

fn running(leader: u32, add: bool) {
    if let Ok(mut list) = RUNNING.lock() {
        if add {
            list.push(leader);
        } else {
            list.retain(|&l| l != leader);
        }
    }
}
use std::time::{Duration, Instant};

/// What went wrong running a helper program.
#[derive(Debug)]
pub enum ChildError {
    /// The program is not installed.
    NotFound,
    /// It could not be started for another reason.
    Spawn(std::io::Error),
    /// It ran longer than the limit and was stopped.
    TimedOut(Duration),
    /// It wrote more than the limit and was stopped.
    TooMuchOutput(usize),
    /// It ended with an error; its own message.
    Failed(String),
}

/// Seconds from the environment variable `name` (for slow machines and for tests), else `default`.
pub fn limit_from_env(name: &str, default: u64) -> Duration {
    let secs = std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|&s| s > 0)
        .unwrap_or(default);
    Duration::from_secs(secs)
}

/// Reads at most `limit + 1` bytes; sets `over` when there was more.
fn capped_read(mut from: impl Read, limit: usize, over: &AtomicBool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if out.len() + n > limit {
                    over.store(true, Ordering::SeqCst);
                    break;
                }
                out.extend_from_slice(&buf[..n]);
            }
        }
    }
    out
}

/// Stops the child and everything it started (LibreOffice forks): the child leads its own
/// process group, so the whole group is killed.
fn stop(child: &mut std::process::Child) {
    stop_group(child.id());
    let _ = child.kill();
    let _ = child.wait();
}

fn stop_group(leader: u32) {
    let _ = Command::new("kill")
        .arg("-KILL")
        .arg("--")
        .arg(format!("-{leader}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// Runs `command` and returns its standard output, stopped after `time` or at `max_output` bytes.
pub fn run(command: Command, time: Duration, max_output: usize) -> Result<Vec<u8>, ChildError> {
    let mut leader = None;
    let result = run_tracked(command, time, max_output, &mut leader);
    if let Some(l) = leader {
        running(l, false);
    }
    result
}

fn run_tracked(
    mut command: Command,
    time: Duration,
    max_output: usize,
    leader: &mut Option<u32>,
) -> Result<Vec<u8>, ChildError> {
    use std::os::unix::process::CommandExt;
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    crate::write::install_cleanup();
    let mut child = command.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ChildError::NotFound,
        _ => ChildError::Spawn(e),
    })?;
    running(child.id(), true);
    *leader = Some(child.id());
    let over = Arc::new(AtomicBool::new(false));
    let stdout = child.stdout.take().map(|out| {
        let over = Arc::clone(&over);
        std::thread::spawn(move || capped_read(out, max_output, &over))
    });
    let stderr = child.stderr.take().map(|err| {
        std::thread::spawn(move || capped_read(err, 64 * 1024, &AtomicBool::new(false)))
    });
    let started = Instant::now();
    let status = loop {
        if over.load(Ordering::SeqCst) {
            stop(&mut child);
            return Err(ChildError::TooMuchOutput(max_output));
        }
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= time => {
                stop(&mut child);
                return Err(ChildError::TimedOut(time));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => {
                stop(&mut child);
                return Err(ChildError::Spawn(e));
            }
        }
    };
    // Whatever the child left running would hold the pipes open.
    stop_group(child.id());
    let out = stdout.and_then(|t| t.join().ok()).unwrap_or_default();
    let err = stderr.and_then(|t| t.join().ok()).unwrap_or_default();
    if over.load(Ordering::SeqCst) {
        return Err(ChildError::TooMuchOutput(max_output));
    }
    if !status.success() {
        return Err(ChildError::Failed(
            String::from_utf8_lossy(&err).trim().to_string(),
        ));
    }
    Ok(out)
}
