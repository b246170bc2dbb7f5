//! A saved government web page → report lines.
//!
//! html5ever's tokenizer reads the page (no tree, so no nesting depth to exhaust); text blocks
//! become lines, and each `<table>` becomes a grid (rowspan/colspan expanded) written as `| … |`
//! rows whose cells remember where they stood in the page. Scripts, styles and page chrome
//! (`<head>`, `<nav>`, `<header>`, `<footer>`) are skipped.

use crate::source::{Origin, SourceLine};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

mod attrs;
mod grid;

#[cfg(test)]
use grid::MAX_COLUMNS;
use grid::{emit_paragraphs, emit_table, Cell, TableBuilder, MAX_SPAN};

/// Whether the text is an HTML page or fragment rather than plain text.
pub(crate) fn looks_like_html(text: &str) -> bool {
    const TAGS: [&[u8]; 12] = [
        b"!doctype html",
        b"html",
        b"table",
        b"body",
        b"p>",
        b"p ",
        b"div",
        b"br",
        b"td",
        b"h1",
        b"h2",
        b"h3",
    ];
    let head = &text.as_bytes()[..text.len().min(64 * 1024)];
    // Only the bytes after each 「<」 are looked at: plain text has few of them.
    memchr::memchr_iter(b'<', head).any(|i| {
        let rest = &head[i + 1..];
        TAGS.iter()
            .any(|tag| rest.len() >= tag.len() && rest[..tag.len()].eq_ignore_ascii_case(tag))
    })
}

/// How far ahead in a source line the text of the next node is looked for.
const ORIGIN_WINDOW: usize = 4096;

const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "select",
    "button", "iframe", "svg",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "blockquote",
    "center",
    "hr",
    "dd",
    "dt",
    "dl",
    "pre",
    "form",
    "fieldset",
    "main",
    "aside",
];

#[derive(Debug)]
struct Builder<'a> {
    source: Vec<&'a str>,
    out: Vec<SourceLine<'static>>,
    text: String,
    origin: Option<Origin>,
    /// Name of the element whose content is skipped, and how deep.
    skipping: Option<(String, usize)>,
    tables: Vec<TableBuilder>,
    /// (line, byte, column) where the last text was found, for [`Builder::origin_of`].
    cursor: (u32, usize, u32),
    /// Texts not found in a row by [`Builder::origin_of`].
    misses: u32,
    /// Skipped elements read anyway: one left open hid the rest of the page.
    kept: Vec<String>,
    /// The skipped element still open at the end of the page.
    unclosed: Option<String>,
}

impl<'a> Builder<'a> {
    /// Where `text` starts in the page: its line from the tokenizer, its column by looking for it
    /// ahead of the previous text of the same line (so a page on one line stays linear).
    fn origin_of(&mut self, line: u64, text: &str) -> Origin {
        let line = u32::try_from(line).unwrap_or(u32::MAX).max(1);
        // The first characters as the page spells them: up to a space or a character an entity
        // may have written (「1&nbsp;268」 is found by its 「1」).
        let probe: String = text
            .trim()
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, '<' | '>' | '&' | '"' | '\''))
            .take(6)
            .collect();
        let Some(src) = self
            .source
            .get(line as usize - 1)
            .copied()
            .filter(|_| !probe.is_empty())
        else {
            return Origin { line, column: 1 };
        };
        if self.cursor.0 != line {
            self.cursor = (line, 0, 0);
        }
        let (_, from, chars) = self.cursor;
        // After repeated misses (a page of `&#&#…`), look less far ahead: the cost per text stays
        // small whatever the page.
        let window = if self.misses >= 16 {
            256
        } else {
            ORIGIN_WINDOW
        };
        let mut to = (from + window).min(src.len());
        while !src.is_char_boundary(to) {
            to -= 1;
        }
        let window = src.get(from..to).unwrap_or("");
        // Texts start after a tag (and the spaces and entities before them): one pass over the
        // window, so attribute values full of the probe (「#000000」 for 「0」) cost nothing.
        // The window starts at the previous text of the line (or at the line's start).
        let found = std::iter::once(0)
            .filter(|_| from == 0)
            .chain(window.match_indices('>').map(|(b, _)| b + 1))
            .map(|b| b + text_lead(&window[b..]))
            .find(|&b| window[b..].starts_with(probe.as_str()) && starts_text(&window[..b]));
        self.misses = if found.is_some() { 0 } else { self.misses + 1 };
        match found {
            Some(b) => {
                let column = chars + src[from..from + b].chars().count() as u32;
                self.cursor = (line, from + b, column);
                Origin {
                    line,
                    column: column + 1,
                }
            }
            None => Origin {
                line,
                column: chars + 1,
            },
        }
    }

    /// Where the content of the cell whose start tag (`<td`, `<th`) the tokenizer just read on
    /// `line` begins: just after the tag's `>`, looked for ahead of the previous text of the line.
    /// The cursor moves into the tag, so the cell's text is still found after it.
    fn cell_origin(&mut self, line: u64) -> Option<Origin> {
        let line = u32::try_from(line).unwrap_or(u32::MAX).max(1);
        let src = self.source.get(line as usize - 1).copied()?;
        if self.cursor.0 != line {
            self.cursor = (line, 0, 0);
        }
        let (_, from, chars) = self.cursor;
        let mut to = (from + ORIGIN_WINDOW).min(src.len());
        while !src.is_char_boundary(to) {
            to -= 1;
        }
        let window = src.get(from..to)?;
        let bytes = window.as_bytes();
        let tag = window.match_indices('<').map(|(b, _)| b).find(|&b| {
            let name = &bytes[b + 1..];
            name.len() > 2
                && name[0].eq_ignore_ascii_case(&b't')
                && (name[1].eq_ignore_ascii_case(&b'd') || name[1].eq_ignore_ascii_case(&b'h'))
                && (name[2] == b'>' || name[2].is_ascii_whitespace())
        })?;
        let content = tag + window[tag..].find('>')? + 1;
        let tag_column = chars + window[..tag].chars().count() as u32;
        // Just inside the tag: the next cell's tag is looked for after this one.
        self.cursor = (line, from + tag + 1, tag_column + 1);
        Some(Origin {
            line,
            column: tag_column + window[tag..content].chars().count() as u32 + 1,
        })
    }

    fn current_cell(&mut self) -> Option<&mut Cell> {
        let table = self.tables.last_mut()?;
        if !table.in_cell {
            return None;
        }
        table.rows.last_mut()?.last_mut()
    }

    fn push_text(&mut self, raw: &str, line: u64) {
        let origin = self.origin_of(line, raw);
        let collapsed = collapse_whitespace(raw);
        if collapsed.trim().is_empty() && self.current_cell().is_none() && self.text.is_empty() {
            return;
        }
        if let Some(cell) = self.current_cell() {
            if cell.origin.is_none() && !collapsed.trim().is_empty() {
                cell.origin = Some(origin);
            }
            cell.text.push_str(&collapsed);
            return;
        }
        if self.origin.is_none() && !collapsed.trim().is_empty() {
            self.origin = Some(origin);
        }
        self.text.push_str(&collapsed);
    }

    fn flush_block(&mut self) {
        if let Some(cell) = self.current_cell() {
            if !cell.text.ends_with('\n') {
                cell.text.push('\n');
            }
            return;
        }
        let text = std::mem::take(&mut self.text);
        let origin = self.origin.take();
        if let (false, Some(origin)) = (text.trim().is_empty(), origin) {
            self.out.push(SourceLine {
                text: crate::lines::normalize_spaces(text.trim())
                    .into_owned()
                    .into(),
                origin,
            });
        }
    }

    fn start_table(&mut self) {
        // Text before a nested table, inside the enclosing cell, is a block of its own.
        if let Some(cell) = self.current_cell() {
            cell.had_table = true;
            let text = std::mem::take(&mut cell.text);
            let origin = cell.origin.take();
            emit_paragraphs(&mut self.out, &text, origin);
        } else {
            self.flush_block();
        }
        self.tables.push(TableBuilder::default());
    }

    fn end_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return;
        };
        emit_table(&mut self.out, table);
    }

    fn start_cell(&mut self, rowspan: usize, colspan: usize, line: u64) {
        if self.tables.is_empty() {
            return;
        }
        let blank_origin = self.cell_origin(line);
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        if table.rows.is_empty() {
            table.rows.push(Vec::new());
        }
        table.in_cell = true;
        if let Some(row) = table.rows.last_mut() {
            row.push(Cell {
                rowspan,
                colspan,
                blank_origin,
                ..Cell::default()
            });
        }
    }

    fn tag(
        &mut self,
        kind: TagKind,
        name: &str,
        attrs: &[html5ever::Attribute],
        line: u64,
    ) -> bool {
        let start = kind == TagKind::StartTag;
        match (name, start) {
            ("table", true) => self.start_table(),
            ("table", false) => self.end_table(),
            ("tr", true) => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Vec::new());
                    t.in_cell = false;
                }
            }
            ("td" | "th", true) => {
                let span = |n: &str| {
                    attrs
                        .iter()
                        .find(|a| &*a.name.local == n)
                        .and_then(|a| a.value.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, MAX_SPAN)
                };
                self.start_cell(span("rowspan"), span("colspan"), line);
            }
            ("td" | "th" | "tr", false) => {
                if let Some(t) = self.tables.last_mut() {
                    t.in_cell = false;
                }
            }
            _ if BLOCKS.contains(&name) => self.flush_block(),
            _ => return false,
        }
        true
    }
}

/// Whether text that follows `before` in the page source is element content, not an attribute:
/// only whitespace and character references (`&nbsp;`) stand between it and a `>`.
/// Bytes of spaces and character references (`&nbsp;`) at the start of `s`.
fn text_lead(s: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &s[at..];
        let spaces = rest.len() - rest.trim_start().len();
        if spaces > 0 {
            at += spaces;
            continue;
        }
        match rest.strip_prefix('&').and_then(|r| r.find(';')) {
            Some(semi) if semi < 9 => at += semi + 2,
            _ => return at,
        }
    }
}

fn starts_text(before: &str) -> bool {
    let mut rest = before.trim_end();
    while rest.ends_with(';') {
        match rest.rfind('&') {
            Some(amp) if rest.len() - amp <= 10 => rest = rest[..amp].trim_end(),
            _ => return false,
        }
    }
    rest.is_empty() || rest.ends_with('>')
}

fn collapse_whitespace(raw: &str) -> String {
    // Character references can spell controls (`&#x1b;`): none reaches the model.
    let raw = crate::decode::clean_controls(raw);
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        if matches!(c, ' ' | '\n' | '\r' | '\t' | '\u{0c}') {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

struct Sink<'a> {
    builder: RefCell<Builder<'a>>,
}

impl TokenSink for Sink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let mut b = self.builder.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_ascii_lowercase();
                let name = &*name;
                if let Some((skipped, depth)) = b.skipping.as_mut() {
                    if name == skipped.as_str() {
                        if tag.kind == TagKind::StartTag && !tag.self_closing {
                            *depth += 1;
                        } else if tag.kind == TagKind::EndTag {
                            *depth -= 1;
                            if *depth == 0 {
                                b.skipping = None;
                            }
                        }
                    }
                    return TokenSinkResult::Continue;
                }
                if tag.kind == TagKind::StartTag
                    && SKIPPED.contains(&name)
                    && !tag.self_closing
                    && !b.kept.iter().any(|k| k == name)
                {
                    b.skipping = Some((name.to_string(), 1));
                    return match name {
                        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                        "style" | "noscript" | "iframe" => {
                            TokenSinkResult::RawData(RawKind::Rawtext)
                        }
                        _ => TokenSinkResult::Continue,
                    };
                }
                b.tag(tag.kind, name, &tag.attrs, line);
            }
            Token::CharacterTokens(text) if b.skipping.is_none() => b.push_text(&text, line),
            Token::EOFToken => {
                b.unclosed = b.skipping.take().map(|(name, _)| name);
                b.flush_block();
                while !b.tables.is_empty() {
                    b.end_table();
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Elements whose content is skipped but that a browser shows in full when they are left open
/// (scripts and styles left open hide the rest of the page in a browser too).
const CONTAINERS: &[&str] = &[
    "head", "nav", "header", "footer", "select", "button", "svg", "template", "noscript",
];

/// Reads an HTML page into report lines. A page chrome element left open (an unclosed
/// `<header>`) would hide everything after it: the page is then read again with that element's
/// content kept, as a browser shows it.
pub(crate) fn html_lines(page: &str) -> Vec<SourceLine<'static>> {
    let mut kept: Vec<String> = Vec::new();
    loop {
        let (lines, unclosed) = html_lines_keeping(page, kept.clone());
        match unclosed {
            Some(name) if CONTAINERS.contains(&name.as_str()) && !kept.contains(&name) => {
                kept.push(name)
            }
            _ => return lines,
        }
    }
}

fn html_lines_keeping(page: &str, kept: Vec<String>) -> (Vec<SourceLine<'static>>, Option<String>) {
    let sink = Sink {
        builder: RefCell::new(Builder {
            source: page.split('\n').collect(),
            out: Vec::new(),
            text: String::new(),
            origin: None,
            skipping: None,
            tables: Vec::new(),
            cursor: (0, 0, 0),
            misses: 0,
            kept,
            unclosed: None,
        }),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(&*attrs::cap_attributes(page)));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let builder = tokenizer.sink.builder.into_inner();
    (builder.out, builder.unclosed)
}

#[cfg(test)]
mod tests;
