//! Dates as written at the place a publication date stands: 「发布时间：2025-02-03」 on a page, and
//! 「二〇二五年一月十八日」 ending a signature. The patterns
//!
//! ```text
//! DATE      = ([0-9]{4})\s*[年\-./]\s*([0-9]{1,2})\s*[月\-./]\s*([0-9]{1,2})
//!           | ([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})
//! page line = 发布(?:时间|日期)\s*[：:]?\s*DATE      (the leftmost)
//! signature = DATE\s*日?\s*$                          (the leftmost)
//! ```
//!
//! read by hand: no regex is compiled for each `check FILE` (the tests prove both readers equal
//! to these regexes). Every step is decided by the next character: spaces are never a separator
//! or a digit, and a run of more digits or numerals than a group allows never matches where
//! something must follow it (that character would be one more digit).

use crate::check::prose::{run_of, skip_spaces, SMALL_NUMERALS};
use std::ops::Range;

/// A date as written: its year, month and day as text (Arabic digits, or Chinese numerals when
/// `chinese`), and the byte range from the year's first character to the day's last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct WrittenDate<'t> {
    pub chinese: bool,
    pub year: &'t str,
    pub month: &'t str,
    pub day: &'t str,
    pub range: Range<usize>,
}

const YEAR_NUMERALS: [char; 12] = [
    '〇', '○', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九',
];

/// The leftmost 「发布时间」/「发布日期」 followed by a date.
pub(super) fn page_line(text: &str) -> Option<WrittenDate<'_>> {
    text.match_indices("发布").find_map(|(at, _)| {
        let rest = &text[at + "发布".len()..];
        let rest = rest
            .strip_prefix("时间")
            .or_else(|| rest.strip_prefix("日期"))?;
        let mut i = skip_spaces(text, text.len() - rest.len());
        i += text[i..]
            .chars()
            .next()
            .filter(|c| matches!(c, '：' | ':'))
            .map_or(0, char::len_utf8);
        date_at(text, skip_spaces(text, i)).map(|(date, _)| date)
    })
}

/// The leftmost date that ends the text (spaces and 「日」 may follow it).
pub(super) fn signature(text: &str) -> Option<WrittenDate<'_>> {
    text.char_indices().find_map(|(at, _)| {
        let (date, end) = date_at(text, at)?;
        let mut i = skip_spaces(text, end);
        if text[i..].starts_with('日') {
            i += '日'.len_utf8();
        }
        (skip_spaces(text, i) == text.len()).then_some(date)
    })
}

/// How a date's numbers are written: the year's characters, the month's and day's, and how many
/// of them a month or day has at most.
struct Numerals {
    chinese: bool,
    year: fn(char) -> bool,
    small: fn(char) -> bool,
    most: usize,
}

const ARABIC: Numerals = Numerals {
    chinese: false,
    year: |c| c.is_ascii_digit(),
    small: |c| c.is_ascii_digit(),
    most: 2,
};

const CHINESE: Numerals = Numerals {
    chinese: true,
    year: |c| YEAR_NUMERALS.contains(&c),
    small: |c| SMALL_NUMERALS.contains(&c),
    most: 3,
};

/// `DATE` starting at byte `at`, and where it ends.
fn date_at(text: &str, at: usize) -> Option<(WrittenDate<'_>, usize)> {
    let first = text[at..].chars().next()?;
    let n = [ARABIC, CHINESE].into_iter().find(|n| (n.year)(first))?;
    let (year, i) = exactly(text, at, n.year, 4)?;
    let i = separator(text, skip_spaces(text, i), n.chinese, '年')?;
    let (month, i) = some(text, skip_spaces(text, i), n.small, n.most)?;
    let i = separator(text, skip_spaces(text, i), n.chinese, '月')?;
    let (day, end) = some(text, skip_spaces(text, i), n.small, n.most)?;
    let date = WrittenDate {
        chinese: n.chinese,
        year,
        month,
        day,
        range: at..end,
    };
    Some((date, end))
}

/// The run of `class` at `at`, when it is exactly `n` characters long.
fn exactly(text: &str, at: usize, class: fn(char) -> bool, n: usize) -> Option<(&str, usize)> {
    let (bytes, chars) = run_of(&text[at..], class);
    (chars == n).then(|| (&text[at..at + bytes], at + bytes))
}

/// One to `most` characters of `class` at `at`, greedy. (Where a separator, 「日」 or the end
/// must follow, a longer run then fails there, as the regex fails by backtracking.)
fn some(text: &str, at: usize, class: fn(char) -> bool, most: usize) -> Option<(&str, usize)> {
    let (mut bytes, chars) = run_of(&text[at..], class);
    if chars == 0 {
        return None;
    }
    if chars > most {
        bytes = text[at..]
            .char_indices()
            .nth(most)
            .map_or(bytes, |(b, _)| b);
    }
    Some((&text[at..at + bytes], at + bytes))
}

/// After the separator at `at`: 「年」/「月」 (`unit`), or for Arabic dates also `-`, `.`, `/`.
fn separator(text: &str, at: usize, chinese: bool, unit: char) -> Option<usize> {
    let c = text[at..].chars().next()?;
    (c == unit || (!chinese && matches!(c, '-' | '.' | '/'))).then(|| at + c.len_utf8())
}

#[cfg(test)]
mod tests;
