//! A file's `--format json` entry written directly: the bytes serde's derived `Serialize` gives
//! (tested against it on generated diagnostics), without serde_json escaping every key and
//! keeping a state for every field. A diagnostic with an equation or a culprit, text with pages
//! and a workbook's places go through serde as before.

use super::Checked;
use gaogen_model::check::{Diagnostic, Severity};
use gaogen_model::Span;
use serde::Serialize;

/// Bytes gathered before they are handed to `flush` (a large report's entry is not held whole).
const FLUSH_AT: usize = 64 * 1024;

/// Writes the entry of a file whose diagnostics need no page or cell added into `buf`, handing
/// it to `flush` whenever it holds [`FLUSH_AT`] bytes and at the end; `Ok(false)` (nothing
/// written) for any other file.
pub(super) fn write_plain(
    checked: &Checked,
    buf: &mut Vec<u8>,
    mut flush: impl FnMut(&mut Vec<u8>) -> std::io::Result<()>,
) -> std::io::Result<bool> {
    if checked.places.is_some() || !crate::score::Pages::new(&checked.text).is_empty() {
        return Ok(false);
    }
    buf.extend_from_slice(b"{\"path\":");
    string(buf, &checked.summary.path);
    buf.extend_from_slice(b",\"summary\":");
    serde_json::to_writer(&mut *buf, &checked.summary).expect("a summary serializes");
    buf.extend_from_slice(b",\"diagnostics\":[");
    for (i, d) in checked.diagnostics.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        diagnostic(buf, d);
        if buf.len() >= FLUSH_AT {
            flush(buf)?;
        }
    }
    buf.extend_from_slice(b"]}");
    flush(buf)?;
    Ok(true)
}

/// One diagnostic, as `serde_json::to_writer(out, d)` writes it.
fn diagnostic(out: &mut Vec<u8>, d: &Diagnostic) {
    if d.equation.is_some() || d.culprit.is_some() {
        serde_json::to_writer(&mut *out, d).expect("a diagnostic serializes");
        return;
    }
    out.extend_from_slice(b"{\"code\":");
    string(out, d.code);
    out.extend_from_slice(match d.severity {
        Severity::Error => b",\"severity\":\"error\",\"message\":",
        Severity::Warning => b",\"severity\":\"warning\",\"message\":",
        Severity::Info => b",\"severity\":\"info\",\"message\":",
    });
    string(out, &d.message);
    out.extend_from_slice(b",\"span\":");
    optional_span(out, d.span);
    out.extend_from_slice(b",\"marks\":[");
    for (i, mark) in d.marks.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"span\":");
        span(out, mark.span);
        out.extend_from_slice(b",\"label\":");
        string(out, &mark.label);
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"help\":");
    match &d.help {
        Some(help) => string(out, help),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(if d.not_assessable {
        b",\"not_assessable\":true,\"table\":"
    } else {
        b",\"not_assessable\":false,\"table\":"
    });
    match d.table {
        Some(table) => {
            out.push(b'"');
            out.extend_from_slice(table.key().as_bytes());
            out.push(b'"');
        }
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"equation\":null,\"culprit\":null,\"previous\":");
    optional_span(out, d.previous);
    out.push(b'}');
}

/// A string with serde_json's escaping.
fn string(out: &mut Vec<u8>, s: &str) {
    // Most strings need no escape: copied whole (serde_json writes them in one piece too).
    if !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        s.serialize(&mut serde_json::Serializer::new(&mut *out))
            .expect("a string serializes");
    }
}

fn optional_span(out: &mut Vec<u8>, s: Option<Span>) {
    match s {
        Some(s) => span(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

fn span(out: &mut Vec<u8>, s: Span) {
    let mut n = itoa::Buffer::new();
    out.extend_from_slice(b"{\"line\":");
    out.extend_from_slice(n.format(s.line).as_bytes());
    out.extend_from_slice(b",\"column\":");
    out.extend_from_slice(n.format(s.column).as_bytes());
    out.extend_from_slice(b",\"end_line\":");
    out.extend_from_slice(n.format(s.end_line).as_bytes());
    out.extend_from_slice(b",\"end_column\":");
    out.extend_from_slice(n.format(s.end_column).as_bytes());
    out.push(b'}');
}

/// The entry through serde (the form [`write_plain`] reproduces), for the tests.
#[cfg(test)]
fn serde_entry(checked: &Checked) -> Vec<u8> {
    serde_json::to_vec(&super::JsonFile {
        path: &checked.summary.path,
        summary: &checked.summary,
        diagnostics: &checked.diagnostics,
    })
    .expect("serializes")
}

#[cfg(test)]
mod tests;
