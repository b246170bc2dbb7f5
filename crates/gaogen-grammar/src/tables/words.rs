//! Cells written with single spaces, as a PDF viewer's copy gives a table row:
//! 「一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119」. The line grammar splits cells at
//! two or more spaces only; here a cell whose last words are all values is split into its label
//! and those values.

use crate::lines::Token;
use crate::value::parse_value;
use gaogen_model::CellValue;

/// A cell's label part and its value words.
pub(super) type Split<'a> = (Option<Token<'a>>, Vec<(Token<'a>, CellValue)>);

/// The label part (if any) and the value words of a cell written with single spaces, when its
/// trailing words are values (numbers or blank markers). `None` when the cell has no space or does
/// not end in a value.
pub(super) fn split_words<'a>(token: &Token<'a>) -> Option<Split<'a>> {
    let text = token.text;
    if !text.contains(' ') {
        return glued(token);
    }
    // Words with their character columns, from the end while they are values.
    let mut values = Vec::new();
    let mut end_byte = text.len();
    let mut end_col = token.end;
    loop {
        let head = text[..end_byte].trim_end_matches(' ');
        end_col -= (end_byte - head.len()) as u32;
        if head.is_empty() {
            break;
        }
        let start_byte = head.rfind(' ').map_or(0, |i| i + 1);
        let word = &head[start_byte..];
        let Some(value) = parse_value(word).filter(|v| !matches!(v, CellValue::Text { .. })) else {
            break;
        };
        let start_col = end_col - word.chars().count() as u32;
        values.push((
            Token {
                text: word,
                start: start_col,
                end: end_col,
            },
            value,
        ));
        end_byte = start_byte;
        end_col = start_col;
    }
    if values.is_empty() {
        return None;
    }
    values.reverse();
    let head = text[..end_byte].trim_end_matches(' ');
    let label = (!head.is_empty()).then(|| Token {
        text: head,
        start: token.start,
        end: token.start + head.chars().count() as u32,
    });
    if label.is_none() && values.len() < 2 {
        return None;
    }
    Some((label, values))
}

/// 「一、本年新收政府信息公开申请数量453001049」: a label with its digits glued on (crawler text).
fn glued<'a>(token: &Token<'a>) -> Option<Split<'a>> {
    let text = token.text;
    let head = text.trim_end_matches(|c: char| c.is_ascii_digit());
    let run = &text[head.len()..];
    let last = head.chars().last()?;
    if run.len() < 2
        || !(('\u{4e00}'..='\u{9fff}').contains(&last) || matches!(last, '）' | ')' | '”'))
    {
        return None;
    }
    let head_end = token.start + head.chars().count() as u32;
    let value = parse_value(run)?;
    Some((
        Some(Token {
            text: head,
            start: token.start,
            end: head_end,
        }),
        vec![(
            Token {
                text: run,
                start: head_end,
                end: token.end,
            },
            value,
        )],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A token of digits alone is left whole (the reader skips the split for it).
        #[test]
        fn digits_alone_are_not_split(text in "[0-9]{0,30}") {
            proptest::prop_assert!(split_words(&token(&text)).is_none());
        }
    }

    fn token(text: &str) -> Token<'_> {
        Token {
            text,
            start: 4,
            end: 4 + text.chars().count() as u32,
        }
    }

    #[test]
    fn a_row_copied_with_single_spaces() {
        let t = token("一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119");
        let (label, values) = split_words(&t).unwrap();
        let label = label.unwrap();
        assert_eq!(label.text, "一、本年新收政府信息公开申请数量");
        assert_eq!((label.start, label.end), (4, 20));
        let words: Vec<&str> = values.iter().map(|(t, _)| t.text).collect();
        assert_eq!(words, ["3001", "53", "0", "0", "61", "4", "3119"]);
        assert_eq!((values[0].0.start, values[0].0.end), (21, 25));
        assert_eq!(values[6].0.end, t.end);
    }

    #[test]
    fn values_alone_and_blank_markers() {
        let (label, values) = split_words(&token("1 / 0 -")).unwrap();
        assert!(label.is_none());
        assert_eq!(values.len(), 4);
        assert!(matches!(values[1].1, CellValue::Empty { .. }));
    }

    #[test]
    fn a_label_with_its_digits_glued_on() {
        let t = token("一、本年新收政府信息公开申请数量453001049");
        let (label, values) = split_words(&t).unwrap();
        assert_eq!(label.unwrap().text, "一、本年新收政府信息公开申请数量");
        assert_eq!(values[0].0.text, "453001049");
        assert_eq!(values[0].0.start, 4 + 16);
        assert!(split_words(&token("第2")).is_none());
    }

    #[test]
    fn prose_and_labels_without_values_stay_whole() {
        assert!(split_words(&token("本年制发件数 本年废止件数")).is_none());
        assert!(split_words(&token("全年收到申请 13 件")).is_none());
        assert!(split_words(&token("3119")).is_none());
        assert!(split_words(&token("4.无正当理由大量反复 申请")).is_none());
    }
}
