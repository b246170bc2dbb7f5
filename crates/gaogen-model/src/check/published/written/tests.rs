//! The hand-written readers against the regexes they write out.

use super::{page_line, signature, WrittenDate};
use proptest::prelude::*;
use regex::{Captures, Regex};
use std::sync::LazyLock;

const DATE: &str = r"(?:([0-9]{4})\s*[年\-./]\s*([0-9]{1,2})\s*[月\-./]\s*([0-9]{1,2})|([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3}))";

fn page_line_regex() -> &'static Regex {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"发布(?:时间|日期)\s*[：:]?\s*{DATE}")).expect("valid")
    });
    &RE
}

fn signature_regex() -> &'static Regex {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"{DATE}\s*日?\s*$")).expect("valid"));
    &RE
}

/// The date in the captures of `DATE` (groups 1–6).
fn written<'t>(caps: &Captures<'t>) -> WrittenDate<'t> {
    let (chinese, first) = match caps.get(1) {
        Some(_) => (false, 1),
        None => (true, 4),
    };
    let group = |i: usize| {
        caps.get(first + i)
            .expect("a DATE match has its three groups")
    };
    WrittenDate {
        chinese,
        year: group(0).as_str(),
        month: group(1).as_str(),
        day: group(2).as_str(),
        range: group(0).start()..group(2).end(),
    }
}

/// Texts around dates: junk, 「发布时间」 or not, spaces and colons, years of 3–5 digits or
/// numerals, every separator, months and days of 0–4 digits or numerals, 「日」, junk.
const AROUND_DATES: &str = "[a发布，日 ]{0,3}(发布(时间|日期|时))?[ \u{3000}\t]{0,2}[：:]{0,2}[ ]{0,1}([0-9]{3,5}|[〇○零一二九十]{3,5})[ \u{3000}]{0,1}[年月.\\-/日a]{0,1}[ ]{0,1}([0-9]{0,3}|[一二十〇]{0,4})[ ]{0,1}[月年.\\-/日a]{0,1}[ ]{0,1}([0-9]{0,3}|[一二三十〇]{0,4})[ \u{3000}]{0,1}日?[ \u{3000}\n]{0,2}[a，0-9一]{0,2}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20000))]
    #[test]
    fn page_line_equals_the_regex(text in AROUND_DATES) {
        let re = page_line_regex();
        prop_assert_eq!(page_line(&text), re.captures(&text).map(|c| written(&c)), "{:?}", text);
    }

    #[test]
    fn signature_equals_the_regex(text in AROUND_DATES) {
        let re = signature_regex();
        prop_assert_eq!(signature(&text), re.captures(&text).map(|c| written(&c)), "{:?}", text);
    }

    #[test]
    fn both_equal_the_regexes_on_any_text(text in "[发布时间日期：: 0-9〇一二十年月日.\\-/a]{0,16}") {
        prop_assert_eq!(page_line(&text), page_line_regex().captures(&text).map(|c| written(&c)), "{:?}", text);
        prop_assert_eq!(signature(&text), signature_regex().captures(&text).map(|c| written(&c)), "{:?}", text);
    }
}

/// The generator reaches matches of both kinds, Arabic and Chinese (the property tests would be
/// empty otherwise).
#[test]
fn examples_match_as_the_regexes_do() {
    let cases = [
        "发布时间：2025-02-03 10:30",
        "发布日期: 2025年2月3日",
        "发布时间 二〇二五年二月三日",
        "来源：本站 发布时间：2025/2/3",
        "发布发布时间：2025.12.31",
        "二〇二五年一月十八日",
        "青禾县白石镇人民政府二〇二五年二月三日",
        "2025年1月18日，我镇召开会议",
        "2025年1月18日 ",
        "12025-1-2",
        "2025年1月188日",
        "2025年1月18",
        "二〇二五年十二月三十一日",
        "二〇二五年一月十八日日",
        "发布时间：20251-2-3",
    ];
    let (page, sign) = (page_line_regex(), signature_regex());
    let mut matched = (0, 0);
    for text in cases {
        let by_page = page.captures(text).map(|c| written(&c));
        let by_sign = sign.captures(text).map(|c| written(&c));
        matched.0 += usize::from(by_page.is_some());
        matched.1 += usize::from(by_sign.is_some());
        assert_eq!(page_line(text), by_page, "{text}");
        assert_eq!(signature(text), by_sign, "{text}");
    }
    assert_eq!(matched, (5, 11));
}
