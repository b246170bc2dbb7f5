//! Diagnostics for people: rustc-style excerpts with every involved cell marked.

use annotate_snippets::{Level, Renderer, Snippet};
use gaogen_model::check::{Diagnostic, Severity};
use gaogen_model::Span;

/// The text of one file with its line starts, to cut excerpts from.
#[derive(Debug)]
pub struct SourceText<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceText<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        SourceText { text, line_starts }
    }

    fn line(&self, number: u32) -> Option<(usize, &'a str)> {
        let start = *self.line_starts.get(number.checked_sub(1)? as usize)?;
        let end = self
            .line_starts
            .get(number as usize)
            .copied()
            .unwrap_or(self.text.len());
        Some((start, self.text[start..end].trim_end_matches(['\n', '\r'])))
    }

    /// Byte offset of a (line, column) position, clamped to the line.
    fn offset(&self, line: u32, column: u32) -> Option<usize> {
        let (start, text) = self.line(line)?;
        let skip = column.saturating_sub(1) as usize;
        let within = text.char_indices().nth(skip).map_or(text.len(), |(b, _)| b);
        Some(start + within)
    }
}

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// Renders one diagnostic. `origin` is the file name shown after `-->`.
pub fn render(d: &Diagnostic, source: &SourceText<'_>, origin: &str, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut spans: Vec<(Span, String, bool)> = Vec::new();
    let primary = d.culprit.as_ref().and_then(|c| c.span).or(d.span);
    if let Some(p) = primary {
        let label = match &d.culprit {
            Some(c) => format!("最可能填错：{} → 应为 {}", c.value, c.mended_value),
            None => d
                .marks
                .iter()
                .find(|m| m.span == p)
                .map_or(String::new(), |m| m.label.clone()),
        };
        spans.push((p, label, true));
    }
    for m in &d.marks {
        if Some(m.span) != primary {
            spans.push((m.span, m.label.clone(), false));
        }
    }
    let mut footers = Vec::new();
    if let Some(eq) = &d.equation {
        footers.push(format!(
            "左边 {} 项之和 = {}，右边 {} 项之和 = {}，相差 {}",
            eq.left.len(),
            eq.left_sum,
            eq.right.len(),
            eq.right_sum,
            eq.difference
        ));
    }
    let help = d.help.clone().unwrap_or_default();
    let first_line = spans.iter().map(|(s, _, _)| s.line).min();
    let last_line = spans.iter().map(|(s, _, _)| s.end_line.max(s.line)).max();
    let excerpt = first_line.zip(last_line).and_then(|(first, last)| {
        let (start, _) = source.line(first)?;
        let end = source.line(last).map(|(s, t)| s + t.len())?;
        Some((first, start, &source.text[start..end]))
    });
    let title = d.message.as_str();
    let mut message = level(d.severity).title(title).id(d.code);
    let labels: Vec<(std::ops::Range<usize>, &str, bool)>;
    // Tabs and form feeds shown as one space each: byte offsets stay valid and carets line up.
    let shown: String;
    if let Some((first, base, text)) = excerpt {
        labels = spans
            .iter()
            .filter_map(|(s, label, is_primary)| {
                let a = source.offset(s.line, s.column)?.checked_sub(base)?;
                let b = if s.end_line > s.line {
                    source.line(s.line).map(|(start, t)| start + t.len())?
                } else {
                    source.offset(s.line, s.end_column)?
                };
                let b = b.checked_sub(base)?.clamp(a + 1, text.len().max(a + 1));
                (a < text.len()).then(|| (a..b.min(text.len()), label.as_str(), *is_primary))
            })
            .collect();
        shown = text.replace(['\t', '\u{0c}'], " ");
        let text = shown.as_str();
        let mut snippet = Snippet::source(text)
            .line_start(first as usize)
            .origin(origin)
            .fold(true);
        for (range, label, is_primary) in &labels {
            // Error and warning annotations carry no `info:` prefix: `^` marks the main place,
            // `-` every other cell involved.
            let lvl = if *is_primary && d.severity == Severity::Error {
                Level::Error
            } else {
                Level::Warning
            };
            snippet = snippet.annotation(lvl.span(range.clone()).label(label));
        }
        message = message.snippet(snippet);
    }
    for f in &footers {
        message = message.footer(Level::Note.title(f));
    }
    if !help.is_empty() {
        message = message.footer(Level::Help.title(&help));
    }
    let mut out = renderer.render(message).to_string();
    if excerpt.is_none() {
        // An absence has no excerpt: still say which file.
        let at = format!("\n  --> {origin}");
        match out.find('\n') {
            Some(i) => out.insert_str(i, &at),
            None => out.push_str(&at),
        }
    }
    out.push('\n');
    out
}
