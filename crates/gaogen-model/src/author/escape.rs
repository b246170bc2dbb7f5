//! Output safe for where it goes. A Markdown report is usually pasted into a CMS that renders it:
//! text taken from report.toml must not become HTML or Markdown structure there. Word's XML
//! must be well-formed for any input: characters XML 1.0 forbids are dropped.

use super::render::View;

/// Escapes text for Markdown: HTML (`<`, `>`, `&`), inline markup (`*`, `_`, `` ` ``, `[`, `]`,
/// `\`, `|`, `~`) and what would start a block at the beginning of a line (`#`, `>`, `-`, `+`,
/// `=`, `1.`).
pub(crate) fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let body = line.trim_start_matches([' ', '\t']);
        out.push_str(&line[..line.len() - body.len()]);
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        if body.starts_with(['#', '>', '-', '+', '=']) {
            out.push('\\');
        }
        for (j, c) in body.char_indices() {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '*' | '_' | '`' | '[' | ']' | '\\' | '|' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                '.' | ')' if digits > 0 && j == digits => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }
    out
}

/// Whether XML 1.0 allows the character (tab and line ends are the only controls it takes).
fn xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// The text without the characters XML 1.0 forbids.
pub(crate) fn xml(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(xml_char) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|&c| xml_char(c)).collect())
    }
}

/// A table cell for Markdown: HTML and the pipe escaped; a cell starts no block, so the official
/// labels (「1.属于国家秘密」) stay as they are.
pub(crate) fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Every text of the view through `f`, table cells through `cell` (labels of the official format
/// are constants and stay).
fn map_view(view: &View, f: impl Fn(&str) -> String, cell: impl Fn(&str) -> String) -> View {
    let all = |v: &[String]| v.iter().map(|s| f(s)).collect::<Vec<_>>();
    let grid = |g: &[Vec<String>]| {
        g.iter()
            .map(|r| r.iter().map(|s| cell(s)).collect())
            .collect::<Vec<Vec<String>>>()
    };
    let mut out = view.clone();
    out.title = f(&view.title);
    out.agency = f(&view.agency);
    out.preamble = all(&view.preamble);
    for s in &mut out.sections {
        s.heading = f(&s.heading);
        s.paragraphs = all(&s.paragraphs);
    }
    for g in &mut out.t2 {
        for r in &mut g.rows {
            r.values = all(&r.values);
        }
    }
    for l in &mut out.t3 {
        l.values = all(&l.values);
    }
    out.t4 = all(&view.t4);
    out.t2_grid = grid(&view.t2_grid);
    out.t3_grid = grid(&view.t3_grid);
    out.t4_grid = grid(&view.t4_grid);
    out.date = f(&view.date);
    out.contact = f(&view.contact);
    out
}

/// The view with every text escaped for Markdown.
pub(crate) fn markdown_view(view: &View) -> View {
    map_view(view, markdown, markdown_cell)
}

/// The view with every text fit for XML (Word, HTML).
pub(crate) fn xml_view(view: &View) -> View {
    map_view(view, |s| xml(s).into_owned(), |s| xml(s).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_structure_is_escaped() {
        assert_eq!(
            markdown("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            markdown("# 标题\n1. 一\n*强调* [链接](x)"),
            "\\# 标题\n1\\. 一\n\\*强调\\* \\[链接\\](x)"
        );
        assert_eq!(markdown("全年收到申请13件。"), "全年收到申请13件。");
    }

    #[test]
    fn xml_forbidden_characters_are_dropped() {
        assert_eq!(xml("机关\u{1}名称\u{ffff}\t"), "机关名称\t");
    }
}
