//! Writing to the terminal: a closed pipe (`gaogen parse x | head`) ends quietly.

use std::io::{ErrorKind, Write};

/// Writes all of `bytes` to stdout. A closed pipe is not an error worth a message.
pub(crate) fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
