//! The title block, the report's year and its agency.

use crate::lines::LineShape;
use crate::source::SourceLine;
use gaogen_model::label::normalize;
use gaogen_model::Located;

/// The title: the first line before the sections that names a report, with the line before it
/// when the agency stands there (「偃师区缙氏镇人民政府」 / 「2022年政府信息公开工作年度报告」).
pub(super) fn title_block(
    source: &[SourceLine],
    shapes: &[LineShape<'_>],
    end: usize,
) -> (Option<Located<String>>, Option<usize>) {
    let content = |i: usize| !matches!(shapes[i], LineShape::Blank | LineShape::PageNumber);
    let Some(t) = (0..end).filter(|&i| content(i)).take(12).find(|&i| {
        let n = normalize(&source[i].text);
        n.contains("报告") && n.chars().count() <= 60
    }) else {
        return (None, None);
    };
    let line_text = |i: usize| {
        source[i]
            .text
            .trim()
            .trim_start_matches('#')
            .trim()
            .trim_matches('*')
            .trim()
            .to_string()
    };
    let mut text = line_text(t);
    let mut span = source[t].whole();
    // The agency stands on the line before (「偃师区缙氏镇人民政府」 / 「2022年…报告」), or the
    // title wrapped (「…2024 年政府信息公」 / 「开工作年度报告」).
    let starts_with_year = normalize(&text)
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit());
    if starts_with_year || find_year(&text).is_none() {
        if let Some(p) = (0..t).rev().find(|&i| content(i)) {
            let prev = line_text(p);
            if prev.chars().count() <= 40 && !prev.ends_with('。') {
                text = format!("{prev}{text}");
                span = source[p].whole().cover(span);
            }
        }
    }
    (Some(Located { value: text, span }), Some(t + 1))
}

/// The first 「19xx年」 or 「20xx年」 in the text.
pub(super) fn find_year(text: &str) -> Option<u16> {
    let n = normalize(text);
    let chars: Vec<char> = n.chars().collect();
    chars.windows(5).find_map(|w| {
        let digits: String = w[..4].iter().collect();
        let ok = w[4] == '年'
            && digits.chars().all(|c| c.is_ascii_digit())
            && matches!(&digits[..2], "19" | "20");
        ok.then(|| digits.parse().ok()).flatten()
    })
}

/// The agency named in the title, before the year.
pub(super) fn agency_of(title: &str) -> Option<String> {
    let n = normalize(title);
    let year_at = n
        .char_indices()
        .find(|&(i, _)| find_year(&n[i..]).is_some_and(|y| n[i..].starts_with(&y.to_string())));
    let before = match year_at {
        Some((i, _)) => &n[..i],
        None => n.split("政府信息公开").next().unwrap_or(""),
    };
    let agency = if let Some(a) = before.strip_suffix("人民政府信息公开工作") {
        format!("{a}人民政府")
    } else {
        before
            .strip_suffix("政府信息公开工作")
            .or_else(|| before.strip_suffix("信息公开工作"))
            .unwrap_or(before)
            .to_string()
    };
    let agency = agency.trim_end_matches(['(', '（']).to_string();
    (!agency.is_empty()).then_some(agency)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_agencies() {
        assert_eq!(
            find_year("和田县吾宗肖乡人民政府信息公开工作2023年度报告"),
            Some(2023)
        );
        assert_eq!(find_year("## 2023 年政府信息公开工作年度报告"), Some(2023));
        assert_eq!(
            agency_of("和田县吾宗肖乡人民政府信息公开工作2023年度报告").as_deref(),
            Some("和田县吾宗肖乡人民政府")
        );
        assert_eq!(
            agency_of("文峰乡2021年政府信息公开工作年度报告").as_deref(),
            Some("文峰乡")
        );
        assert_eq!(
            agency_of("淮安市人民政府 2024 年政府信息公开工作年度报告").as_deref(),
            Some("淮安市人民政府")
        );
    }
}
