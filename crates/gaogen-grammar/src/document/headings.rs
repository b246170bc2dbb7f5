//! Section headings: a heading candidate of the line grammar is a section heading only when its
//! text matches a section title or a known variant.

use crate::lines::{self, LineKind};
use crate::source::{Line, Lines};
use gaogen_model::label::{normalize, LabelSet, MatchQuality};
use gaogen_model::schema::{SectionKey, SECTIONS};
use gaogen_model::{Heading, Span};
use std::sync::OnceLock;

fn headings() -> &'static LabelSet<SectionKey> {
    static SET: OnceLock<LabelSet<SectionKey>> = OnceLock::new();
    SET.get_or_init(|| LabelSet::new(SECTIONS.iter().map(|s| (s.key, s.title, s.variants))))
}

/// A line recognised as a section heading.
pub(super) struct FoundHeading {
    pub line: usize,
    pub key: SectionKey,
    pub heading: Heading,
    /// Text after the heading on the same line.
    pub rest: Option<(String, Span)>,
}

/// Whether `line` is a section heading, and which.
fn section_heading(line: Line<'_>) -> Option<FoundHeading> {
    let shape = lines::heading(line.text)?;
    let text = shape.text.trim_end_matches(['*', '_', ' ']);
    let n = normalize(text);
    let set = headings();
    let (key, quality, rest) = match set.best(&n) {
        Some((key, q)) if !matches!(q, MatchQuality::Prefix { .. }) => (key, q, None),
        _ => {
            // 「一、总体情况。2021年，…」: a heading with its first sentence on the same line.
            let split = text
                .char_indices()
                .find(|&(_, c)| matches!(c, '。' | '：' | ':' | '（' | '('))?;
            let head = normalize(&text[..split.0]);
            let (key, q) = set.best(&head).filter(|(_, q)| q.is_official())?;
            let rest = text[split.0..].trim_start_matches(['。', '：', ':']).trim();
            let col = shape.start + text[..split.0].chars().count() as u32 + 2;
            let span = line.span(0, col, shape.end);
            (key, q, (!rest.is_empty()).then(|| (rest.to_string(), span)))
        }
    };
    if let MatchQuality::Fuzzy { score } = quality {
        if score < 0.8 {
            return None;
        }
    }
    // Characters `start..end` of the line, as a slice.
    let at = |column: u32| {
        line.text
            .char_indices()
            .nth(column as usize)
            .map_or(line.text.len(), |(i, _)| i)
    };
    let from = at(shape.start);
    let written = &line.text[from..at(shape.end).max(from)];
    let heading = Heading {
        text: written.trim_end_matches(['*', '_', ' ']).to_string(),
        span: line.span(0, shape.start, shape.end),
        number_as_written: Some(shape.number),
        quality,
    };
    Some(FoundHeading {
        line: 0,
        key,
        heading,
        rest,
    })
}

/// The section headings, each section at most once, in reading order. (A blank line or a page
/// number 「- 3 -」 is never a heading line: the grammar's `heading_line` needs a section number
/// 一–六 before any dash or digit.)
#[cfg(test)]
pub(super) fn find_headings(source: Lines<'_>) -> Vec<FoundHeading> {
    find_headings_and_kinds(source).0
}

/// [`find_headings`], and every line's kind ([`crate::source::kinds`]) in the same pass over
/// the lines.
pub(super) fn find_headings_and_kinds(source: Lines<'_>) -> (Vec<FoundHeading>, Vec<LineKind>) {
    let mut found: Vec<FoundHeading> = Vec::new();
    let mut kinds = Vec::with_capacity(source.len());
    for (i, line) in source.iter().enumerate() {
        kinds.push(lines::kind(line.text));
        if let Some(mut h) = section_heading(line) {
            if found.iter().any(|f| f.key == h.key) {
                continue;
            }
            h.line = i;
            found.push(h);
        }
    }
    (found, kinds)
}

/// The first line at or after `from` that is a heading of section `key` (found again after
/// [`find_headings`] kept the first one: a second report pasted after the first).
pub(super) fn heading_after(source: Lines<'_>, from: usize, key: SectionKey) -> Option<usize> {
    (from..source.len()).find(|&i| section_heading(source.line(i)).is_some_and(|h| h.key == key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::text_lines;

    fn heading_of(text: &str) -> Option<FoundHeading> {
        section_heading(text_lines(text).lines().line(0))
    }

    #[test]
    fn only_section_titles_are_headings() {
        let h = heading_of("## **二、主动公开政府信息情况**").unwrap();
        assert_eq!(h.key, SectionKey::ActiveDisclosure);
        assert_eq!(h.heading.text, "二、主动公开政府信息情况");
        // A 表三 row label is not section 四.
        assert!(heading_of("四、结转下年度继续办理").is_none());
    }

    #[test]
    fn a_heading_may_carry_its_first_sentence() {
        let h = heading_of("一、总体情况。2023年，本机关认真贯彻条例。").unwrap();
        assert_eq!(h.key, SectionKey::Overview);
        assert_eq!(h.rest.unwrap().0, "2023年，本机关认真贯彻条例。");
    }

    #[test]
    fn each_section_once_in_reading_order() {
        let source = text_lines("一、总体情况\n正文。\n一、总体情况\n六、其他需要报告的事项\n");
        let found = find_headings(source.lines());
        let at: Vec<(usize, SectionKey)> = found.iter().map(|h| (h.line, h.key)).collect();
        assert_eq!(at, vec![(0, SectionKey::Overview), (3, SectionKey::Other)]);
    }

    #[test]
    fn the_headings_pass_gives_every_line_its_kind() {
        let source = text_lines(
            "一、总体情况

| a | b |
|---|---|
- 3 -
正文  12
	1
",
        );
        let (_, kinds) = find_headings_and_kinds(source.lines());
        assert_eq!(kinds, crate::source::kinds(source.lines()));
        assert_eq!(kinds.len(), 7);
    }
}
