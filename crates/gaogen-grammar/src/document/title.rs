//! The title block, the report's year and its agency.

use crate::lines::LineKind;
use crate::source::Lines;
use gaogen_model::label::normalize;
use gaogen_model::{Located, Paragraph};

/// Prefixes of crawler metadata lines before the title text (「标题: …」).
const TITLE_PREFIXES: &[&str] = &[
    "标题:",
    "标题：",
    "標題:",
    "標題：",
    "题名:",
    "题名：",
    "【标题】",
    "标题 :",
];

/// Page chrome and metadata that never is a title or an agency: breadcrumbs, 「【字体：大 中 小】打印」,
/// 「【关闭窗口】」, 「发布时间：…」. A bracketed agency before a title (「【示范市财政局】2022年…」) is not
/// chrome.
fn is_chrome(text: &str) -> bool {
    let n = normalize(text);
    n.contains(['>', '›', '»'])
        || [
            "首页",
            "当前位置",
            "字体",
            "打印",
            "分享",
            "关闭",
            "返回",
            "收藏",
            "发布时间",
            "发布日期",
            "来源:",
            "浏览次数",
            "索引号",
        ]
        .iter()
        .any(|w| n.contains(w))
}

// Crawler metadata lines of a page (「发布时间: …」, 「来源: …」): never the title or the agency;
// before the title they are kept with the preamble (the publication date is read from them).
use gaogen_model::schema::PAGE_METADATA_WORDS as METADATA_PREFIXES;

/// Whether the line is a metadata line of the page (see [`METADATA_PREFIXES`]).
pub(super) fn is_metadata(text: &str) -> bool {
    let n = normalize(text);
    METADATA_PREFIXES.iter().any(|p| {
        n.strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(':') || rest.starts_with('】'))
    }) || n.starts_with("【发布")
}

/// The metadata lines before the title line, as paragraphs (see [`METADATA_PREFIXES`]).
pub(super) fn metadata_before(source: Lines<'_>, title_line: usize) -> Vec<Paragraph> {
    source
        .slice(..title_line)
        .iter()
        .filter(|l| is_metadata(l.text))
        .map(|l| Paragraph::new(l.text.trim().to_string(), l.whole()))
        .collect()
}

/// A line that can be the title: names a report (「…报告」, 「…年报」), short, not page chrome.
pub(super) fn is_title(text: &str) -> bool {
    // Each CJK ideograph stays one character in the normalised text, so a line with more than
    // 60 of them is no title; this spares normalising long paragraphs.
    let stripped = strip_title_prefix(text);
    if stripped
        .chars()
        .filter(|&c| gaogen_model::label::is_cjk_ideograph(c))
        .nth(60)
        .is_some()
    {
        return false;
    }
    let n = normalize(stripped);
    (n.contains("报告") || n.contains("年报")) && n.chars().count() <= 60 && !is_chrome(text)
}

fn strip_title_prefix(text: &str) -> &str {
    let t = text.trim();
    TITLE_PREFIXES
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .map_or(t, str::trim)
}

/// The title: the first line before the sections that names a report, with the line before it
/// when the agency stands there (「偃师区缙氏镇人民政府」 / 「2022年政府信息公开工作年度报告」).
/// A line naming 政府信息公开 is preferred over another report line (a 「相关报告」 link).
pub(super) fn title_block(
    source: Lines<'_>,
    kinds: &[LineKind],
    end: usize,
) -> (Option<Located<String>>, Option<usize>) {
    let content = |i: usize| !matches!(kinds[i], LineKind::Blank | LineKind::PageNumber);
    let candidates: Vec<usize> = (0..end)
        .filter(|&i| content(i))
        .take(30)
        .filter(|&i| is_title(source.line(i).text))
        .collect();
    let Some(t) = candidates
        .iter()
        .copied()
        .find(|&i| normalize(source.line(i).text).contains("信息公开"))
        .or_else(|| candidates.first().copied())
    else {
        return (None, None);
    };
    let line_text = |i: usize| {
        strip_title_prefix(
            source
                .line(i)
                .text
                .trim()
                .trim_start_matches('#')
                .trim()
                .trim_matches('*')
                .trim(),
        )
        .to_string()
    };
    let mut text = line_text(t);
    let mut span = source.line(t).whole();
    // The agency stands on the line before (「偃师区缙氏镇人民政府」 / 「2022年…报告」), or the
    // title wrapped over two or three lines (「…2024 年政府信息公」 / 「开工作年度报告」, 「…局」 /
    // 「2022年政府信息公开工作」 / 「年度报告」): lines above are joined while the title so far
    // starts with its year or has none, and only one of the parts holds a year.
    let mut first = t;
    for _ in 0..2 {
        let has_year = find_year(&text).is_some();
        let starts_with_year = year_at(&normalize(&text)).is_some_and(|(at, _)| at == 0);
        if has_year && !starts_with_year {
            break;
        }
        // Crawler metadata (「发布时间: …」) may stand between the agency and the title.
        let above = (0..first)
            .rev()
            .filter(|&i| content(i))
            .find(|&i| !is_metadata(source.line(i).text));
        let Some(p) = above.filter(|&p| (p..first).filter(|&i| content(i)).count() <= 3) else {
            break;
        };
        let prev = line_text(p);
        if prev.chars().count() > 40
            || prev.ends_with('。')
            || is_chrome(&prev)
            || (has_year && find_year(&prev).is_some())
        {
            break;
        }
        text = format!("{prev}{text}");
        span = source.line(p).whole().cover(span);
        first = p;
    }
    (Some(Located { value: text, span }), Some(t + 1))
}

/// The agency of a crawler's 「发布机构: …」 line, for a title that names none.
pub(super) fn publisher(source: Lines<'_>, end: usize) -> Option<String> {
    source.slice(..end).iter().take(40).find_map(|l| {
        let n = normalize(l.text);
        let rest = ["发布机构:", "发文机关:", "发布单位:", "来源:"]
            .iter()
            .find_map(|p| n.strip_prefix(p))?;
        let name = rest.split([' ', '|']).next()?.trim();
        (!name.is_empty() && name.chars().count() <= 30).then(|| name.to_string())
    })
}

const CN_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

fn cn_digit(c: char) -> Option<u32> {
    if c == '零' || c == 'O' || c == 'o' || c == '○' {
        return Some(0);
    }
    CN_DIGITS.iter().position(|&d| d == c).map(|d| d as u32)
}

/// Where the first 「19xx年」 / 「20xx年」 (or 「二〇二二年」) starts in normalized text (a char
/// index), and the year.
fn year_at(n: &str) -> Option<(usize, u16)> {
    let chars: Vec<char> = n.chars().collect();
    chars.windows(5).enumerate().find_map(|(at, w)| {
        if w[4] != '年' {
            return None;
        }
        let ascii = w[..4].iter().all(char::is_ascii_digit);
        let mut year = 0u32;
        for &c in &w[..4] {
            year = year * 10 + if ascii { c.to_digit(10) } else { cn_digit(c) }?;
        }
        // Chinese numerals: only 一九 / 二〇 starts (「一九九九年」, 「二〇二二年」).
        (1900..2100).contains(&year).then_some((at, year as u16))
    })
}

/// The first 「19xx年」 or 「20xx年」 in the text (also in Chinese numerals: 「二〇二二年」).
pub(super) fn find_year(text: &str) -> Option<u16> {
    year_at(&normalize(text)).map(|(_, y)| y)
}

/// The year of a title: 「2022年」, else a four-digit year standing alone in it (「…年度报告（2022）」,
/// 「…局2022政府信息公开…」). Only in the title: elsewhere a bare 2022 may be a count.
pub(super) fn title_year(title: &str) -> Option<u16> {
    find_year(title).or_else(|| {
        let n = normalize(title);
        n.split(|c: char| !c.is_ascii_digit())
            .filter(|run| run.len() == 4)
            .filter_map(|run| run.parse::<u16>().ok())
            .find(|y| (1990..2100).contains(y))
    })
}

/// The agency named in the title: before the year, or after it when the title starts with the
/// year (「2019年上海市人民政府办公厅政府信息公开工作年度报告」).
pub(super) fn agency_of(title: &str) -> Option<String> {
    let n = normalize(strip_title_prefix(title));
    // 「（摘自…年度报告）」: an excerpt naming its report.
    let n = n.trim_start_matches('(');
    let n = n.strip_prefix("摘自").unwrap_or(n).to_string();
    let before = match year_at(&n) {
        Some((0, _)) => {
            let after: String = n.chars().skip(5).collect();
            let after = after.trim_start_matches('度').to_string();
            let name = ["政府信息公开", "信息公开", "政务公开", "年度报告", "年报"]
                .iter()
                .filter_map(|w| after.find(w))
                .min()
                .map_or(String::new(), |i| after[..i].to_string());
            // 「2022年度政府信息公开工作年度报告（示范市财政局）」: the agency in brackets at the end.
            let bracketed = || {
                let inner = after.trim_end().strip_suffix(')')?;
                let inner = &inner[inner.rfind('(')? + 1..];
                (!inner.is_empty() && find_year(inner).is_none()).then(|| inner.to_string())
            };
            return if name.is_empty() {
                bracketed()
            } else {
                Some(name)
            };
        }
        Some((at, _)) => n.chars().take(at).collect::<String>(),
        None => n.split("政府信息公开").next().unwrap_or("").to_string(),
    };

    let agency = if let Some(a) = before.strip_suffix("人民政府信息公开工作") {
        format!("{a}人民政府")
    } else {
        before
            .strip_suffix("政府信息公开工作")
            .or_else(|| before.strip_suffix("信息公开工作"))
            .unwrap_or(&before)
            .to_string()
    };
    // 「示范市财政局政府信息公开工作年度报告（2022年）」: the year after the report's name.
    let agency = match agency
        .find("政府信息公开")
        .or_else(|| agency.find("政务公开"))
    {
        Some(i) if i > 0 && agency.contains("报告") => {
            let name = &agency[..i];
            if name.ends_with("人民") {
                format!("{name}政府")
            } else {
                name.to_string()
            }
        }
        _ => agency,
    };
    let agency = agency.trim_end_matches(['(', '（', ':', '：', ' ']);
    // 「示范市财政局2022政府信息公开…」: a bare year after the agency.
    let agency = match agency.char_indices().rev().take(4).last() {
        Some((i, _)) if agency[i..].len() == 4 && title_year(&agency[i..]).is_some() => {
            &agency[..i]
        }
        _ => agency,
    };
    // 「…局关于（印发）2022年…」, 「…委员会的2020年…」, 「【…局】2022年…」: the agency without the
    // connective or the brackets (no agency's name holds 关于 or ends in 的).
    let agency = match agency.find("关于") {
        Some(i) if i > 0 => &agency[..i],
        _ => agency.strip_suffix("的").unwrap_or(agency),
    };
    let agency = agency
        .trim_matches(['【', '】', '[', ']', '〔', '〕'])
        .to_string();
    (!agency.is_empty()).then_some(agency)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connectives_and_brackets_are_not_part_of_the_agency() {
        assert_eq!(
            agency_of("示范市自然资源和规划局关于2022年政府信息公开工作年度报告").as_deref(),
            Some("示范市自然资源和规划局")
        );
        assert_eq!(
            agency_of("示范市人民政府办公室关于印发2022年政府信息公开工作年度报告的通知")
                .as_deref(),
            Some("示范市人民政府办公室")
        );
        for (title, agency) in [
            (
                "示范市财政局政府信息公开工作年度报告（2022年）",
                "示范市财政局",
            ),
            (
                "示范市财政局：2022年政府信息公开工作年度报告",
                "示范市财政局",
            ),
            (
                "2022年度政府信息公开工作年度报告（示范市财政局）",
                "示范市财政局",
            ),
            ("示范市财政局2022政府信息公开工作年度报告", "示范市财政局"),
        ] {
            assert_eq!(agency_of(title).as_deref(), Some(agency), "{title}");
        }
        assert_eq!(
            agency_of("示范市卫生健康委员会的2020年政府信息公开工作年度报告").as_deref(),
            Some("示范市卫生健康委员会")
        );
        assert_eq!(
            agency_of("【示范市财政局】2022年政府信息公开工作年度报告").as_deref(),
            Some("示范市财政局")
        );
        assert!(is_title("【示范市财政局】2022年政府信息公开工作年度报告"));
        assert!(!is_title(
            "【关闭窗口】【打印本页】政府信息公开工作年度报告"
        ));
        assert!(is_chrome("【字体：大 中 小】打印"));
    }

    #[test]
    fn a_bare_year_counts_in_the_title_only() {
        assert_eq!(
            title_year("示范市财政局政府信息公开工作年度报告（2022）"),
            Some(2022)
        );
        assert_eq!(
            title_year("示范市财政局2022政府信息公开工作年度报告"),
            Some(2022)
        );
        assert_eq!(title_year("示范市财政局政府信息公开工作年度报告"), None);
        assert_eq!(title_year("第12345号"), None);
        assert_eq!(
            find_year("示范市财政局政府信息公开工作年度报告（2022）"),
            None
        );
    }

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

    #[test]
    fn year_first_chinese_numerals_and_metadata() {
        assert_eq!(
            agency_of("2019年上海市人民政府办公厅政府信息公开工作年度报告").as_deref(),
            Some("上海市人民政府办公厅")
        );
        assert_eq!(
            find_year("二〇二二年示范县政府信息公开工作年度报告"),
            Some(2022)
        );
        assert_eq!(
            agency_of("示范县人民政府二〇二二年政府信息公开工作年度报告").as_deref(),
            Some("示范县人民政府")
        );
        assert_eq!(
            agency_of("二〇二二年示范县人民政府政府信息公开工作年度报告").as_deref(),
            Some("示范县人民政府")
        );
        assert_eq!(
            agency_of("标题: 示范县教育局2023年政府信息公开年报").as_deref(),
            Some("示范县教育局")
        );
        // Traditional characters are read as the simplified name.
        assert_eq!(
            agency_of("示範縣人民政府2023年政府信息公開工作年度報告").as_deref(),
            Some("示范县人民政府")
        );
        assert_eq!(
            agency_of("（摘自示范市自然资源和规划局2022年政府信息公开工作年度报告）").as_deref(),
            Some("示范市自然资源和规划局")
        );
        assert!(is_chrome("【字体：大 中 小】打印"));
        assert!(!is_title("首页 > 政府信息公开 > 年度报告"));
        assert!(is_title("标题：示范县教育局2023年政府信息公开年报"));
    }

    #[test]
    fn metadata_lines_are_neither_title_nor_agency() {
        assert!(is_metadata("发布时间: 2021-01-28 09:30"));
        assert!(is_metadata("来源：示范县人民政府办公室"));
        assert!(!is_metadata("示范县人民政府"));
        let text = "示范县卫生健康委员会\n发布时间：2021-01-28\n2020年政府信息公开工作年度报告\n";
        let source = crate::source::text_lines(text);
        let source = source.lines();
        let kinds = crate::source::kinds(source);
        let (title, end) = title_block(source, &kinds, source.len());
        assert_eq!(
            title.map(|t| t.value).as_deref(),
            Some("示范县卫生健康委员会2020年政府信息公开工作年度报告")
        );
        let kept = metadata_before(source, end.unwrap() - 1);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].span.line, 2);
    }
}
