//! The one printer: everything the commands show goes through here. A closed pipe
//! (`gaogen parse x | head`) ends quietly.

#![allow(clippy::disallowed_methods)] // the one module allowed to touch stdout/stderr (clippy.toml)

use crate::Error;
use std::io::{ErrorKind, IsTerminal, Write};

/// Writes all of `bytes` to stdout. A closed pipe is not an error worth a message.
pub fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Writes `text` to stdout; a failure (other than a closed pipe) is an [`Error::Stdout`].
pub fn print(text: impl AsRef<[u8]>) -> Result<(), Error> {
    write_stdout(text.as_ref()).map_err(|e| Error::Stdout(e.to_string()))
}

/// Writes `text` to stderr as it is (messages, progress, diagnostics of authoring commands).
pub fn eprint(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}

/// Writes one line to stderr.
pub fn eprintln(text: &str) {
    let mut line = String::with_capacity(text.len() + 1);
    line.push_str(text);
    line.push('\n');
    eprint(&line);
}

/// Whether stderr is a terminal (progress bars go there).
pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

/// Whether colour goes to stdout: a terminal, and `NO_COLOR` unset or empty.
pub fn stdout_color() -> bool {
    no_color_unset() && std::io::stdout().is_terminal()
}

/// Colour and width for human output on stdout: the width from `COLUMNS`, else the terminal's;
/// none when stdout is a file or a pipe.
pub fn stdout_style() -> crate::terminal::Style {
    style_of(&std::io::stdout(), stdout_color())
}

/// Colour and width for messages on stderr.
pub fn stderr_style() -> crate::terminal::Style {
    style_of(&std::io::stderr(), stderr_color())
}

fn style_of(stream: &(impl IsTerminal + std::os::fd::AsFd), color: bool) -> crate::terminal::Style {
    let terminal = stream
        .is_terminal()
        .then(|| terminal_size::terminal_size_of(stream).map(|(w, _)| usize::from(w.0)))
        .flatten();
    crate::terminal::Style {
        color,
        width: crate::terminal::width_from(std::env::var("COLUMNS").ok().as_deref(), terminal),
    }
}

/// Whether colour goes to stderr.
pub fn stderr_color() -> bool {
    no_color_unset() && std::io::stderr().is_terminal()
}

fn no_color_unset() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
