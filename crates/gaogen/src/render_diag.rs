//! Diagnostics for people: rustc-style excerpts with every involved cell marked.

use crate::terminal::{wrap, Style};
use annotate_snippets::{Level, Renderer, Snippet};
use gaogen_model::check::{Diagnostic, Severity};
use gaogen_model::lines::LineIndex;
use gaogen_model::Span;
use unicode_width::UnicodeWidthStr;

/// The text of one file with its line index (the model's one position model), to cut excerpts
/// from.
#[derive(Debug)]
pub struct SourceText<'a> {
    index: LineIndex<'a>,
}

impl<'a> SourceText<'a> {
    pub fn new(text: &'a str) -> Self {
        SourceText {
            index: LineIndex::new(text),
        }
    }

    fn line(&self, number: u32) -> Option<(usize, &'a str)> {
        self.index.line(number)
    }

    /// Byte offset of a (line, column) position, clamped to the line.
    fn offset(&self, line: u32, column: u32) -> Option<usize> {
        self.index.offset(line, column)
    }
}

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// The width annotate-snippets fits excerpts into when the output is not a terminal (its default).
const UNBOUNDED_WIDTH: usize = 140;

/// Renders one diagnostic. `origin` is the file name shown after `-->`. With a width, excerpts are
/// cut around the marked cells and messages wrapped to fit it.
pub fn render(d: &Diagnostic, source: &SourceText<'_>, origin: &str, style: Style) -> String {
    let renderer = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let width = style.columns();
    // Lines are cut to the width below (by display width); annotate-snippets counts characters.
    let renderer = renderer.term_width(width.map_or(UNBOUNDED_WIDTH, |w| w.max(UNBOUNDED_WIDTH)));
    let mut spans: Vec<(Span, String, bool)> = Vec::new();
    let primary = d.culprit.as_ref().and_then(|c| c.span).or(d.span);
    if let Some(p) = primary {
        let label = match &d.culprit {
            Some(c) => format!("最可能填错：{} → 应为 {}", c.value, c.mended_value),
            None => d
                .marks
                .iter()
                .find(|m| m.span == p)
                .map_or(String::new(), |m| m.label.to_string()),
        };
        spans.push((p, label, true));
    }
    for m in &d.marks {
        if Some(m.span) != primary {
            spans.push((m.span, m.label.to_string(), false));
        }
    }
    let mut footers = Vec::new();
    if let Some(eq) = &d.equation {
        footers.push(eq.sums_text());
    }
    // Footers and their continuation lines stand after 「   = 帮助：」 (up to 14 columns).
    let room = width.map(|w| w.saturating_sub(14));
    let footers: Vec<String> = footers.iter().map(|f| wrap(f, room, 0, "")).collect();
    let help = wrap(d.help.as_deref().unwrap_or_default(), room, 0, "");
    let first_line = spans.iter().map(|(s, _, _)| s.line).min();
    let last_line = spans.iter().map(|(s, _, _)| s.end_line.max(s.line)).max();
    let excerpt = first_line.zip(last_line).and_then(|(first, last)| {
        let (start, _) = source.line(first)?;
        let end = source.line(last).map(|(s, t)| s + t.len())?;
        Some((first, start, &source.index.text()[start..end]))
    });
    let title = wrap(&d.message, width, d.code.len() + 8, "");
    let title = title.as_str();
    let mut message = level(d.severity).title(title).id(d.code);
    let mut labels: Vec<(std::ops::Range<usize>, &str, bool)>;
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
        shown = match width {
            // Lines too wide for the terminal: cut around the marked cells.
            Some(w) => {
                let last = first as usize + text.matches('\n').count();
                let gutter = last.to_string().len() + 3;
                let mut ranges: Vec<_> = labels.iter().map(|l| l.0.clone()).collect();
                let cut = crate::terminal::fit_lines(
                    &text.replace(['\t', '\u{0c}'], " "),
                    &mut ranges,
                    w.saturating_sub(gutter + 1),
                );
                for (l, r) in labels.iter_mut().zip(ranges) {
                    l.0 = r;
                }
                // A label that would run past the terminal's edge is left out: the message names
                // every marked cell already.
                for l in labels.iter_mut() {
                    let line_start = cut[..l.0.start].rfind('\n').map_or(0, |i| i + 1);
                    let column = gutter + 1 + cut[line_start..l.0.start].width();
                    let end = column + cut[l.0.clone()].width().max(1) + 1 + l.1.width();
                    if end > w {
                        l.1 = "";
                    }
                }
                cut
            }
            _ => text.replace(['\t', '\u{0c}'], " "),
        };
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
    chinese_levels(&out)
}

/// annotate-snippets names levels in English; people read them in Chinese, in the same display
/// width so that continuation lines stay aligned: 「错误」「警告」「提示」「帮助：」「说明：」.
pub fn chinese_levels(text: &str) -> String {
    const NAMES: [(&str, &str); 5] = [
        ("error", "错误"),
        ("warning", "警告"),
        ("info", "提示"),
        ("help", "帮助"),
        ("note", "说明"),
    ];
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        // Skip the margin: spaces, 「=」 and colour codes.
        let mut at = 0;
        let bytes = line.as_bytes();
        loop {
            match bytes.get(at) {
                Some(b' ' | b'=') => at += 1,
                Some(0x1b) => match line[at..].find('m') {
                    Some(m) => at += m + 1,
                    None => break,
                },
                _ => break,
            }
        }
        let rest = &line[at..];
        let Some((english, chinese)) = NAMES.iter().find(|(e, _)| {
            rest.strip_prefix(e)
                .is_some_and(|r| r.starts_with(['[', ':', '\x1b']))
        }) else {
            out.push_str(line);
            continue;
        };
        out.push_str(&line[..at]);
        out.push_str(chinese);
        let mut tail = &rest[english.len()..];
        // The colon after the level (and after an id such as 「[T3-1]」) becomes 「：」.
        let colon = tail.find(": ").filter(|&c| !tail[..c].contains(' '));
        if let Some(c) = colon {
            out.push_str(&tail[..c]);
            out.push('：');
            tail = &tail[c + 2..];
        }
        out.push_str(tail);
    }
    out
}
