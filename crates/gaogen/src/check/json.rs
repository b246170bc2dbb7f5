//! A file's `--format json` entry written directly: the bytes serde's derived `Serialize` gives
//! (tested against it on generated diagnostics), without serde_json escaping every key and
//! keeping a state for every field. A diagnostic with an equation or a culprit, text with pages
//! and a workbook's places go through serde as before.

use super::Checked;
use gaogen_model::check::{Diagnostic, Severity};
use gaogen_model::Span;

/// Bytes gathered before they are handed to `flush` (a large report's entry is not held whole).
const FLUSH_AT: usize = 64 * 1024;

/// Writes the entry of a file whose diagnostics need no page or cell added (no `pages` in its
/// text, no workbook places) into `buf`, handing it to `flush` whenever it holds [`FLUSH_AT`]
/// bytes and at the end; `Ok(false)` (nothing written) for any other file.
pub(super) fn write_plain(
    checked: &Checked,
    pages: &crate::score::Pages,
    buf: &mut String,
    mut flush: impl FnMut(&mut String) -> std::io::Result<()>,
) -> std::io::Result<bool> {
    if checked.places.is_some() || !pages.is_empty() {
        return Ok(false);
    }
    buf.push_str("{\"path\":");
    string(buf, &checked.summary.path);
    buf.push_str(",\"summary\":");
    buf.push_str(&serde_json::to_string(&checked.summary).expect("a summary serializes"));
    buf.push_str(",\"diagnostics\":[");
    for (i, d) in checked.diagnostics.iter().enumerate() {
        if i > 0 {
            buf.push(',');
        }
        diagnostic(buf, d);
        if buf.len() >= FLUSH_AT {
            flush(buf)?;
        }
    }
    buf.push_str("]}");
    flush(buf)?;
    Ok(true)
}

/// One diagnostic, as `serde_json::to_writer(out, d)` writes it.
fn diagnostic(out: &mut String, d: &Diagnostic) {
    if d.equation.is_some() || d.culprit.is_some() {
        out.push_str(&serde_json::to_string(d).expect("a diagnostic serializes"));
        return;
    }
    out.push_str("{\"code\":");
    string(out, d.code);
    out.push_str(match d.severity {
        Severity::Error => ",\"severity\":\"error\",\"message\":",
        Severity::Warning => ",\"severity\":\"warning\",\"message\":",
        Severity::Info => ",\"severity\":\"info\",\"message\":",
    });
    string(out, &d.message);
    out.push_str(",\"span\":");
    optional_span(out, d.span);
    out.push_str(",\"marks\":[");
    for (i, mark) in d.marks.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"span\":");
        span(out, mark.span);
        out.push_str(",\"label\":");
        string(out, &mark.label);
        out.push('}');
    }
    out.push_str("],\"help\":");
    match &d.help {
        Some(help) => string(out, help),
        None => out.push_str("null"),
    }
    out.push_str(if d.not_assessable {
        ",\"not_assessable\":true,\"table\":"
    } else {
        ",\"not_assessable\":false,\"table\":"
    });
    match d.table {
        Some(table) => {
            out.push('"');
            out.push_str(table.key());
            out.push('"');
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"equation\":null,\"culprit\":null,\"previous\":");
    optional_span(out, d.previous);
    out.push('}');
}

/// A string with serde_json's escaping.
fn string(out: &mut String, s: &str) {
    // Most strings need no escape: copied whole (serde_json writes them in one piece too).
    if !needs_escape(s.as_bytes()) {
        out.reserve(s.len() + 2);
        out.push('"');
        out.push_str(s);
        out.push('"');
    } else {
        out.push_str(&serde_json::to_string(s).expect("a string serializes"));
    }
}

/// Whether a byte of `b` is escaped in JSON (a control character, 「"」 or 「\\」): sixteen
/// bytes at a time without stopping early, which the compiler turns into vector instructions.
fn needs_escape(b: &[u8]) -> bool {
    let escaped = |x: u8| x < 0x20 || x == b'"' || x == b'\\';
    let mut chunks = b.chunks_exact(16);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, &x| any | escaped(x)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&x| escaped(x))
}

fn optional_span(out: &mut String, s: Option<Span>) {
    match s {
        Some(s) => span(out, s),
        None => out.push_str("null"),
    }
}

fn span(out: &mut String, s: Span) {
    let mut n = itoa::Buffer::new();
    out.push_str("{\"line\":");
    out.push_str(n.format(s.line));
    out.push_str(",\"column\":");
    out.push_str(n.format(s.column));
    out.push_str(",\"end_line\":");
    out.push_str(n.format(s.end_line));
    out.push_str(",\"end_column\":");
    out.push_str(n.format(s.end_column));
    out.push('}');
}

/// The entry through serde (the form [`write_plain`] reproduces), for the tests.
#[cfg(test)]
fn serde_entry(checked: &Checked) -> String {
    serde_json::to_string(&super::JsonFile {
        path: &checked.summary.path,
        summary: &checked.summary,
        diagnostics: &checked.diagnostics,
    })
    .expect("serializes")
}

#[cfg(test)]
mod tests;
