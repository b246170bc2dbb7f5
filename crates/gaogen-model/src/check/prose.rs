//! Helpers for the rules that read the running text: which paragraphs, sentences, Chinese
//! characters and numerals. Everything here is one pass over the text.

use crate::{Paragraph, Report, SectionKey};
use std::ops::Range;

/// A web page's metadata line kept with the preamble (「发布时间: …」, 「来源: …」, 「标题: …」): written
/// by the site, not by the agency, so the text rules leave it alone.
pub(crate) fn is_page_metadata(p: &Paragraph) -> bool {
    const TITLES: &[&str] = &["标题", "標題", "题名"];
    let t = p.text.trim_start();
    crate::schema::PAGE_METADATA_WORDS
        .iter()
        .chain(TITLES)
        .any(|w| {
            t.strip_prefix(w)
                .is_some_and(|rest| rest.trim_start().starts_with([':', '：']))
        })
}

/// Every paragraph of running text with the section it belongs to (`None`: preamble or
/// closing), in reading order.
pub(crate) fn paragraphs(
    report: &Report,
) -> impl Iterator<Item = (Option<SectionKey>, &Paragraph)> {
    report
        .preamble
        .iter()
        .map(|p| (None, p))
        .chain(
            report
                .sections
                .iter()
                .flat_map(|s| s.paragraphs.iter().map(move |p| (Some(s.key), p))),
        )
        .chain(report.closing.iter().map(|p| (None, p)))
}

/// A CJK ideograph (the text the hygiene rules look at).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Full-width Chinese punctuation.
pub(crate) fn is_chinese_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '【'
            | '】'
            | '…'
            | '—'
    )
}

/// Byte ranges of the sentences of `text`, each ending after 。！？； (or at the end).
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；') {
            let end = i + c.len_utf8();
            if !text[start..end].trim().is_empty() {
                out.push(start..end);
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out
}

/// The Chinese numerals of a small number (一 … 十), as the rules' patterns write them.
pub(crate) const SMALL_NUMERALS: [char; 10] =
    ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// The bytes and characters of the run of `class` that `s` starts with (the hand-written
/// readers of rule patterns).
pub(crate) fn run_of(s: &str, class: impl Fn(char) -> bool) -> (usize, usize) {
    s.chars()
        .take_while(|&c| class(c))
        .fold((0, 0), |(bytes, chars), c| {
            (bytes + c.len_utf8(), chars + 1)
        })
}

/// Past the white space (a regex's `\s*`) at byte `at` of `text`.
pub(crate) fn skip_spaces(text: &str, at: usize) -> usize {
    text.len() - text[at..].trim_start().len()
}

/// The value of a Chinese digit (〇/○/零 … 九).
pub(crate) fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' | 'O' | '0' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A number up to 99 written in Chinese (「九」, 「十」, 「十一」, 「二十」, 「三十一」) or in
/// digits.
pub(crate) fn small_number(text: &str) -> Option<u32> {
    let t = text.trim();
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
        return t.parse().ok().filter(|&n: &u32| n < 100);
    }
    let chars: Vec<char> = t.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => chinese_digit(*d).filter(|&d| d > 0),
        ['十', d] => chinese_digit(*d).map(|d| 10 + d),
        [t, '十'] => chinese_digit(*t).map(|t| t * 10),
        [t, '十', d] => Some(chinese_digit(*t)? * 10 + chinese_digit(*d)?),
        _ => None,
    }
}

/// A year written digit by digit in Chinese (「二〇二四」).
pub(crate) fn chinese_year(text: &str) -> Option<u32> {
    let mut year = 0;
    let mut count = 0;
    for c in text.trim().chars() {
        year = year * 10 + chinese_digit(c)?;
        count += 1;
    }
    (count == 4).then_some(year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    #[test]
    fn page_metadata_lines() {
        let p = |t: &str| Paragraph::new(t.to_string(), Span::on_line(1, 1, 2));
        assert!(is_page_metadata(&p(
            "发布时间: 2023-01-20 10:15  来源: 示范市"
        )));
        assert!(is_page_metadata(&p("来源：示范县人民政府办公室")));
        assert!(!is_page_metadata(&p("来源于群众的申请9件,均已办结")));
        assert!(!is_page_metadata(&p("全年受理申请9件,均已办结")));
    }

    #[test]
    fn numbers_in_chinese() {
        assert_eq!(small_number("三十一"), Some(31));
        assert_eq!(small_number("十"), Some(10));
        assert_eq!(small_number("十二"), Some(12));
        assert_eq!(small_number("二十"), Some(20));
        assert_eq!(small_number("九"), Some(9));
        assert_eq!(small_number("07"), Some(7));
        assert_eq!(small_number("十十"), None);
        assert_eq!(chinese_year("二〇二四"), Some(2024));
        assert_eq!(chinese_year("二○二五"), Some(2025));
        assert_eq!(chinese_year("二〇二"), None);
    }

    #[test]
    fn sentences_split_after_full_stops() {
        let t = "一是更新慢。二是解读少；下一步改进";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(s, ["一是更新慢。", "二是解读少；", "下一步改进"]);
    }
}
