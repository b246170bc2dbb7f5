//! How human output fits the person's terminal: colour, and the width lines are wrapped at.

use unicode_width::UnicodeWidthStr;

/// Colour and width of the human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub color: bool,
    /// The terminal's width in display columns (a Chinese character is two); `None` when the output
    /// is not a terminal and `COLUMNS` is unset: lines are then not wrapped.
    pub width: Option<usize>,
}

/// Below this many columns wrapping would cut every word; narrower terminals are taken as this wide.
pub const MIN_WIDTH: usize = 40;

impl Style {
    /// No colour, no wrapping: files, pipes and tests.
    pub const PLAIN: Style = Style {
        color: false,
        width: None,
    };

    /// The width to fit into, if any, never below [`MIN_WIDTH`].
    pub fn columns(&self) -> Option<usize> {
        self.width.map(|w| w.max(MIN_WIDTH))
    }
}

/// The width from `COLUMNS` (as a shell sets it) when it is a number, else `terminal`'s.
pub fn width_from(columns: Option<&str>, terminal: Option<usize>) -> Option<usize> {
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or(terminal)
}

/// `text` wrapped so that no line is wider than `width` display columns; lines after the first
/// start with `indent`. Chinese text breaks between characters, other text between words.
pub fn wrap(text: &str, width: Option<usize>, first_prefix: usize, indent: &str) -> String {
    let Some(width) = width else {
        return text.to_string();
    };
    let width = width.max(MIN_WIDTH / 2);
    // The first line's prefix is stood in for by spaces, taken off again below.
    let lead = " ".repeat(first_prefix.min(width.saturating_sub(MIN_WIDTH / 4)));
    let options = textwrap::Options::new(width)
        .initial_indent(&lead)
        .subsequent_indent(indent)
        .break_words(true);
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(indent);
        }
        let wrapped = textwrap::wrap(line, &options).join("\n");
        out.push_str(wrapped.strip_prefix(lead.as_str()).unwrap_or(&wrapped));
    }
    out
}

/// Splits a cell into lines of at most `width` display columns.
pub fn cell_lines(text: &str, width: usize) -> Vec<String> {
    if text.width() <= width {
        return vec![text.to_string()];
    }
    let options = textwrap::Options::new(width.max(1)).break_words(true);
    textwrap::wrap(text, &options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// `text` (one or more lines) with every line cut to at most `room` display columns around the
/// byte `ranges` marked in it, 「…」 where text was left out; the ranges are moved to the cut text
/// (and shortened where they do not fit).
pub fn fit_lines(text: &str, ranges: &mut [std::ops::Range<usize>], room: usize) -> String {
    let room = room.max(MIN_WIDTH / 2);
    // Kept pieces: (start in `text`, end in `text`, start in the result).
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let (start, end) = if body.width() <= room {
            (0, body.len())
        } else {
            let marks: Vec<(usize, usize)> = ranges
                .iter()
                .filter(|r| r.start >= line_start && r.start < line_start + body.len())
                .map(|r| (r.start - line_start, (r.end - line_start).min(body.len())))
                .collect();
            window(body, &marks, room.saturating_sub(2))
        };
        if start > 0 {
            out.push('…');
        }
        kept.push((line_start + start, line_start + end, out.len()));
        out.push_str(&body[start..end]);
        if end < body.len() {
            out.push('…');
        }
        if line.len() > body.len() {
            kept.push((line_start + body.len(), line_start + line.len(), out.len()));
            out.push('\n');
        }
        line_start += line.len();
    }
    let moved = |p: usize| -> usize {
        for &(a, b, at) in &kept {
            if p <= b {
                return at + p.saturating_sub(a).min(b - a);
            }
        }
        out.len()
    };
    for r in ranges.iter_mut() {
        // A mark cut off entirely is shown on the 「…」 (or last character) standing for it.
        let mut a = moved(r.start);
        while a >= out.len() && a > 0 || !out.is_char_boundary(a) {
            a -= 1;
        }
        let next = out[a..].chars().next().map_or(a, |c| a + c.len_utf8());
        *r = a..moved(r.end).clamp(next, out.len().max(next));
    }
    out
}

/// The byte window of `line` to show in `room` columns: around the marks when they fit, from the
/// first mark when they do not, from the start without marks.
fn window(line: &str, marks: &[(usize, usize)], room: usize) -> (usize, usize) {
    let lo = marks.iter().map(|m| m.0).min().unwrap_or(0);
    let hi = marks.iter().map(|m| m.1).max().unwrap_or(0).max(lo);
    let marked = line.get(lo..hi).map_or(room, UnicodeWidthStr::width);
    let context = room.saturating_sub(marked) / 2;
    let (mut start, mut before) = (lo, 0);
    for (i, c) in line[..lo].char_indices().rev() {
        before += c.to_string().width();
        if before > context {
            break;
        }
        start = i;
    }
    let (mut end, mut used) = (start, 0);
    for (i, c) in line[start..].char_indices() {
        used += c.to_string().width();
        if used > room {
            break;
        }
        end = start + i + c.len_utf8();
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_wins_over_the_terminal_and_a_pipe_is_not_wrapped() {
        assert_eq!(width_from(Some("100"), Some(80)), Some(100));
        assert_eq!(width_from(Some("x"), Some(80)), Some(80));
        assert_eq!(width_from(None, None), None);
        assert_eq!(
            Style {
                color: false,
                width: Some(10)
            }
            .columns(),
            Some(MIN_WIDTH)
        );
    }

    #[test]
    fn chinese_wraps_by_display_width() {
        let text =
            "本机关全年新收政府信息公开申请十三件，均已按时办结，结转下年度继续办理的申请为零件。";
        let lines = cell_lines(text, 20);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(lines.concat(), text);
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // one marked range is the case under test
    fn a_long_line_is_cut_around_its_marks() {
        let line = format!(
            "{}自然人 12 商业企业 3{}",
            "表三".repeat(40),
            "其他".repeat(40)
        );
        let at = line.find("12").unwrap();
        let mut ranges = [at..at + 2];
        let cut = fit_lines(&line, &mut ranges, 40);
        assert!(cut.width() <= 40, "{cut}");
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert_eq!(&cut[ranges[0].clone()], "12");
        let short = "自然人 12";
        let mut ranges = [10..12];
        assert_eq!(fit_lines(short, &mut ranges, 40), short);
        assert_eq!(ranges, [10..12]);
        // Several lines: each is cut, marks on later lines move with the text.
        let two = format!("{line}\n{line}");
        let second = line.len() + 1 + at;
        let mut ranges = vec![at..at + 2, second..second + 2];
        let cut = fit_lines(&two, &mut ranges, 40);
        assert!(cut.lines().all(|l| l.width() <= 40), "{cut}");
        assert_eq!(cut.lines().count(), 2);
        for r in &ranges {
            assert_eq!(&cut[r.clone()], "12", "{cut} {ranges:?}");
        }
        // A mark beyond what fits still lands inside the cut line, on a character.
        let far = line.rfind("其他").unwrap();
        let mut ranges = [0..3, far..far + 6];
        let cut = fit_lines(&line, &mut ranges, 40);
        for r in &ranges {
            assert!(r.end <= cut.len() && r.start < r.end, "{cut} {ranges:?}");
            assert!(cut.get(r.clone()).is_some(), "{cut} {ranges:?}");
        }
    }

    #[test]
    fn continuation_lines_are_indented() {
        let text = "表三 （一）予以公开 的 总计 与各栏之和不符，请核对每一栏的数字是否填错，再重新计算总计。";
        let out = wrap(text, Some(40), 10, "  ");
        for line in out.lines() {
            assert!(line.width() <= 40, "{out}");
        }
        assert!(out.lines().skip(1).all(|l| l.starts_with("  ")), "{out}");
        assert_eq!(wrap(text, None, 10, "  "), text);
    }
}
