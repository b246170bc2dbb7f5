//! Reading one cell's text as a value.

use gaogen_model::label::is_cjk_ideograph;
use gaogen_model::CellText;
use gaogen_model::CellValue;
use rust_decimal::Decimal;
use std::str::FromStr;
use unicode_normalization::UnicodeNormalization;

/// Markers that mean "nothing written here" — never 0.
const EMPTY_MARKERS: &[&str] = &[
    "/", "-", "—", "–", "－", "--", "——", "无", "／", "\\", "&nbsp;",
];
/// Units sometimes typed into a cell next to the number.
const UNITS: &[&str] = &["万元", "元", "件", "个", "项", "条", "次"];
/// Every CJK ideograph a value can hold: 「无」, 「减」/「增」 and the units' (see [`UNITS`]).
const VALUE_HAN: &str = "无减增万元件个项条次";

/// The value a cell's text stands for, or `None` when the text is a label or prose.
pub(crate) fn parse_value(raw: &str) -> Option<CellValue> {
    // Most values are a token of digits as the line scanner cut it: read without trimming. Up
    // to 18 digits an `i64` holds every value, as `str::parse` would read it.
    let b = raw.as_bytes();
    if (1..=18).contains(&b.len()) && b.iter().all(u8::is_ascii_digit) {
        let value = b.iter().fold(0i64, |v, &d| v * 10 + i64::from(d - b'0'));
        return Some(CellValue::Count {
            value,
            raw: CellText::from(raw),
        });
    }
    parse_written(raw)
}

/// [`parse_value`] for any text: trimmed, then read as FORMAT.md describes values.
fn parse_written(raw: &str) -> Option<CellValue> {
    let trimmed = raw.trim();
    if !trimmed.is_empty() && trimmed.len() <= 18 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return trimmed.parse().ok().map(|value| CellValue::Count {
            value,
            raw: CellText::from(trimmed),
        });
    }
    // Labels and prose start with a character no value starts with.
    if trimmed.starts_with(|c: char| is_cjk_ideograph(c) && !matches!(c, '无' | '减' | '增')) {
        return None;
    }
    // A value holds no Chinese character but those of 「无」, 「减4」/「增3」 and the units, and NFKC
    // leaves every CJK ideograph as it is: a line of prose is refused here, before normalising it.
    if trimmed
        .chars()
        .any(|c| is_cjk_ideograph(c) && !VALUE_HAN.contains(c))
    {
        return None;
    }
    let text: String = raw.nfkc().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return None;
    }
    if EMPTY_MARKERS.contains(&text.as_str()) || EMPTY_MARKERS.contains(&raw.trim()) {
        return Some(CellValue::Empty {
            marker: CellText::from(raw.trim()),
        });
    }
    if let Some(number) = parse_number(&text, raw) {
        return Some(number);
    }
    // 2019 「本年增/减」 worded: 「减4」, 「增3」.
    for (word, sign) in [("减", -1i64), ("增", 1)] {
        if let Some(rest) = text.strip_prefix(word) {
            if let Some(v) = rest
                .parse::<i64>()
                .ok()
                .filter(|_| rest.bytes().all(|b| b.is_ascii_digit()))
            {
                return Some(CellValue::Count {
                    value: sign * v,
                    raw: CellText::from(raw.trim()),
                });
            }
        }
    }
    // A number with a unit typed in: kept as text, but it occupies its column.
    if is_number_with_unit(&text) || is_unreadable_number(&text) {
        return Some(CellValue::Text {
            raw: CellText::from(raw.trim()),
        });
    }
    None
}

/// 「96.5万元」: a number with a unit typed in.
fn is_number_with_unit(text: &str) -> bool {
    UNITS.iter().any(|unit| {
        text.strip_suffix(unit)
            .is_some_and(|rest| parse_number(rest, rest).is_some())
    })
}

/// Written where a number belongs but not a number that can be read: 「1O」 (a letter O),
/// 40 digits, 「9e0」, 「NaN」. Kept as text at its position, never dropped. Ordinals
/// (「2.」, 「3、」) are labels, not values.
fn is_unreadable_number(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "nan" | "inf" | "infinity" | "null" | "undefined"
    ) {
        return true;
    }
    let ordinal = text.trim_end_matches(['.', '、']).len() < text.len()
        && text
            .trim_end_matches(['.', '、'])
            .bytes()
            .all(|b| b.is_ascii_digit());
    // 「2024-01-19」, 「2024.1.19」: a date, not a cell.
    let date = text.len() >= 8
        && (text.starts_with("19") || text.starts_with("20"))
        && text
            .bytes()
            .filter(|b| matches!(b, b'-' | b'.' | b'/'))
            .count()
            == 2;
    text.len() <= 64
        && !ordinal
        && !date
        && text.bytes().any(|b| b.is_ascii_digit())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b',' | b'+' | b'-'))
}

/// A cell kept as text that is not a number with its unit: an unreadable number.
pub(crate) fn is_unreadable(value: &CellValue) -> bool {
    match value {
        CellValue::Text { raw } => {
            let text: String = raw.nfkc().filter(|c| !c.is_whitespace()).collect();
            !is_number_with_unit(&text)
        }
        _ => false,
    }
}

/// Chinese numerals where a number belongs (「九」): kept as text, never dropped.
pub(crate) fn numeral_text(raw: &str) -> Option<CellValue> {
    let t = raw.trim();
    let ok = !t.is_empty()
        && t.chars().count() <= 6
        && t.chars()
            .all(|c| "〇零一二三四五六七八九十百千万两".contains(c));
    ok.then(|| CellValue::Text {
        raw: CellText::from(t),
    })
}

fn parse_number(text: &str, raw: &str) -> Option<CellValue> {
    let (sign, digits) = match text.as_bytes().first()? {
        b'-' | b'+' if text.len() > 1 => (&text[..1], &text[1..]),
        _ => ("", text),
    };
    let mut seen_dot = false;
    let mut last_comma = None;
    for (i, b) in digits.bytes().enumerate() {
        match b {
            b'0'..=b'9' => {}
            b'.' if !seen_dot && i > 0 && i + 1 < digits.len() => seen_dot = true,
            b',' if !seen_dot && i > 0 => {
                if last_comma.is_some_and(|c| i - c != 4) {
                    return None;
                }
                last_comma = Some(i);
            }
            _ => return None,
        }
    }
    if last_comma.is_some_and(|c| digits.split('.').next().map_or(0, str::len) - c != 4) {
        return None;
    }
    let plain = format!("{sign}{}", digits.replace(',', ""));
    let raw = gaogen_model::CellText::from(raw.trim());
    if seen_dot {
        Decimal::from_str(&plain)
            .ok()
            .map(|value| CellValue::Amount { value, raw })
    } else {
        plain
            .parse::<i64>()
            .ok()
            .map(|value| CellValue::Count { value, raw })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// The digits' shortcut reads what the full reading reads, on any text.
        #[test]
        fn the_digit_shortcut_reads_what_the_written_form_gives(
            chars in prop::collection::vec(prop::sample::select(&['0', '1', '5', '9', ' ', '\u{3000}', '-', '.', '无', '减', '件', 'a', '０'][..]), 0..22),
            digits in "[0-9]{1,20}",
        ) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(parse_value(&text), parse_written(&text));
            prop_assert_eq!(parse_value(&digits), parse_written(&digits));
        }
    }

    fn count(v: i64, raw: &str) -> Option<CellValue> {
        Some(CellValue::Count {
            value: v,
            raw: raw.into(),
        })
    }

    #[test]
    fn every_chinese_character_a_value_holds_passes_the_prose_filter() {
        let han = |t: &&str| {
            t.chars()
                .filter(|&c| is_cjk_ideograph(c))
                .collect::<Vec<_>>()
        };
        for c in UNITS
            .iter()
            .chain(EMPTY_MARKERS)
            .chain(&["减", "增"])
            .flat_map(han)
        {
            assert!(VALUE_HAN.contains(c), "「{c}」");
        }
        assert_eq!(
            parse_value("无"),
            Some(CellValue::Empty {
                marker: "无".into()
            })
        );
        assert_eq!(parse_value("减4").and_then(|v| v.as_count()), Some(-4));
        assert_eq!(parse_value("（一）本年度共受理申请 12 件"), None);
    }

    #[test]
    fn numbers_markers_and_text() {
        assert_eq!(parse_value(" 0\u{a0}"), count(0, "0"));
        assert_eq!(parse_value("00"), count(0, "00"));
        assert_eq!(parse_value("３１１９"), count(3119, "３１１９"));
        assert_eq!(parse_value("3,119"), count(3119, "3,119"));
        assert_eq!(parse_value("减4"), count(-4, "减4"));
        assert_eq!(parse_value("-2"), count(-2, "-2"));
        assert!(matches!(
            parse_value("7730.28"),
            Some(CellValue::Amount { .. })
        ));
        assert_eq!(
            parse_value("/"),
            Some(CellValue::Empty { marker: "/".into() })
        );
        assert_eq!(
            parse_value("—"),
            Some(CellValue::Empty {
                marker: "—".into()
            })
        );
        assert_eq!(
            parse_value("无"),
            Some(CellValue::Empty {
                marker: "无".into()
            })
        );
        assert_eq!(
            parse_value("96.5万元"),
            Some(CellValue::Text {
                raw: "96.5万元".into()
            })
        );
        assert_eq!(parse_value("规章"), None);
        assert_eq!(parse_value("2.重复申请"), None);
        assert_eq!(
            parse_value("3,11"),
            Some(CellValue::Text { raw: "3,11".into() })
        );
        assert_eq!(parse_value("2024-01-19"), None);
        assert_eq!(parse_value("2."), None);
        assert_eq!(parse_value("3、"), None);
        assert_eq!(parse_value("A"), None);
    }

    #[test]
    fn unreadable_numbers_are_kept_as_written() {
        for raw in [
            "1O",
            "9999999999999999999999999999999999999999",
            "9e0",
            "NaN",
            "1.2.3",
        ] {
            let v = parse_value(raw);
            assert_eq!(v, Some(CellValue::Text { raw: raw.into() }), "{raw}");
            assert!(is_unreadable(&v.unwrap()));
        }
        assert!(!is_unreadable(&parse_value("96.5万元").unwrap()));
        assert_eq!(
            numeral_text("九"),
            Some(CellValue::Text { raw: "九".into() })
        );
        assert_eq!(numeral_text("九月"), None);
        assert_eq!(
            parse_value("&nbsp;"),
            Some(CellValue::Empty {
                marker: "&nbsp;".into()
            })
        );
    }
}
