use crate::check::gated::Piece::{self, Close, Lits, Open, Opt};
use crate::check::gated::{digit_before_nian, year_and_31, Gate, Gated, Pattern, SPACES};
use crate::check::prose::skip_spaces;
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{Report, SectionKey};

/// S-2: the statistics period and the years the text reports on match the report year.
///
/// Why: a period or a 「2022年，我镇……」 left in a 2023 report is the mark of text copied from
/// last year. Example: 「统计期限自2022年1月1日至2022年12月31日」 in the 2023 report.
/// Sentences in section 五 may speak of last year and are not checked.
/// Empty cells: not applicable.
#[derive(Debug)]
pub(crate) struct YearMentions;
pub(crate) static S2: YearMentions = YearMentions;

/// A year before 「年」 and 「31」 stand in every match.
pub(crate) static PERIOD: Gated = Gated::new(
    r"([0-9]{4})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起)?\s*(?:至|到|—|-|－)\s*([0-9]{4})\s*年\s*12\s*月\s*31\s*日",
    Gate::Test(year_and_31),
    Pattern {
        pieces: &[
            Open(1),
            YEAR,
            Close(1),
            SPACES,
            Lits(&["年"]),
            SPACES,
            Opt(&["0"]),
            Lits(&["1"]),
            SPACES,
            Lits(&["月"]),
            SPACES,
            Opt(&["0"]),
            Lits(&["1"]),
            SPACES,
            Lits(&["日"]),
            SPACES,
            Opt(&["起"]),
            SPACES,
            Lits(&["至", "到", "—", "-", "－"]),
            SPACES,
            Open(2),
            YEAR,
            Close(2),
            SPACES,
            Lits(&["年"]),
            SPACES,
            Lits(&["12"]),
            SPACES,
            Lits(&["月"]),
            SPACES,
            Lits(&["31"]),
            SPACES,
            Lits(&["日"]),
        ],
        names: &[None, None, None],
    },
);

/// `[0-9]{4}`.
const YEAR: Piece = Piece::Chars {
    test: |c| c.is_ascii_digit(),
    min: 4,
    max: 4,
};

/// Where sentences start with a year and a comma (「2022年，」「2022年度以来，」): the byte range of
/// each year, in order. The regex `(?:^|[。；！])\s*([0-9]{4})\s*年(?:度)?(?:以来)?\s*[，,]`
/// (its matches one after another, as `captures_iter` finds them) written out by hand: no regex
/// is compiled for each `check FILE`, and `tests` prove it equal to the regex. A match starts at
/// the text's start or at a sentence end, and every step is decided by the next character.
fn sentence_years(text: &str) -> Vec<std::ops::Range<usize>> {
    // Most paragraphs have no digit before a 「年」 (a SIMD search): nothing to scan.
    if !digit_before_nian(text) {
        return Vec::new();
    }
    // The year and the end of a match whose `\s*` starts at `at`.
    let from = |at: usize| -> Option<(std::ops::Range<usize>, usize)> {
        let year = skip_spaces(text, at);
        let digits = text[year..].bytes().take_while(u8::is_ascii_digit).count();
        if digits != 4 {
            return None;
        }
        let rest = text[skip_spaces(text, year + 4)..].strip_prefix('年')?;
        let rest = rest.strip_prefix('度').unwrap_or(rest);
        let rest = rest.strip_prefix("以来").unwrap_or(rest);
        let rest = rest.trim_start();
        let comma = rest.chars().next().filter(|c| matches!(c, '，' | ','))?;
        Some((year..year + 4, text.len() - rest.len() + comma.len_utf8()))
    };
    let sentence_end = |c: char| matches!(c, '。' | '；' | '！');
    let mut years = Vec::new();
    let mut next = 0;
    // The start of the text (`^`), then every sentence end, each past the last match.
    let starts = std::iter::once((0, None)).chain(
        text.char_indices()
            .filter(|&(_, c)| sentence_end(c))
            .map(|(at, c)| (at, Some(c))),
    );
    for (at, end_mark) in starts {
        if at < next {
            continue;
        }
        // At the start, `^` is tried before a sentence end written there (the next start).
        let found = from(at + end_mark.map_or(0, char::len_utf8));
        if let Some((year, end)) = found {
            years.push(year);
            next = end;
        }
    }
    years
}

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "S-2",
    severity: Severity::Warning,
    title: "统计期限和正文年份与报告年度一致",
    explain: "检查什么：前言或正文中的统计期限，以及句首「××××年，……」所说的年份，是否为报告年度。\n为什么：去年的年份留在今年的报告里，是照抄上一年报告的典型痕迹。\n例：2023 年报告写「2022年，我镇……」或「统计期限自2022年1月1日至2022年12月31日」。第五部分回顾上一年问题的句子不检查。\n空单元格：不涉及。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Check,
};

impl Rule for YearMentions {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        let Some(year) = report.year.map(i64::from) else {
            return;
        };
        let checked = [
            SectionKey::Overview,
            SectionKey::ActiveDisclosure,
            SectionKey::Applications,
            SectionKey::ReviewsAndLitigation,
            SectionKey::Other,
        ];
        let paragraphs = report.preamble.iter().chain(
            checked
                .iter()
                .flat_map(|&k| report.section(k).paragraphs.iter()),
        );
        for p in paragraphs {
            let mut at_text = p.locator();
            for caps in PERIOD.captures_iter(&p.text) {
                for m in [caps.get(1), caps.get(2)].into_iter().flatten() {
                    if m.as_str().parse::<i64>().ok() != Some(year) {
                        out.push(
                            Diagnostic::new(
                                INFO.code,
                                Severity::Warning,
                                format!("统计期限写的是 {} 年，而报告年度是 {year} 年", m.as_str()),
                                Some(at_text.locate(m.range())),
                            )
                            .help(format!(
                                "统计期限应为 {year} 年 1 月 1 日至 {year} 年 12 月 31 日"
                            )),
                        );
                        break;
                    }
                }
            }
            let mut at_text = p.locator();
            for range in sentence_years(&p.text) {
                let Ok(said) = p.text[range.clone()].parse::<i64>() else {
                    continue;
                };
                if said < year && said >= year - 5 {
                    out.push(
                        Diagnostic::new(
                            INFO.code,
                            Severity::Warning,
                            format!("正文以「{said}年」开头叙述工作，而报告年度是 {year} 年：可能是照抄上一年报告的遗留"),
                            Some(at_text.locate(range)),
                        )
                        .help(format!("核对这段内容，改写为 {year} 年的情况")),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sentence_years;
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::LazyLock;

    /// The regex `sentence_years` writes out.
    static SENTENCE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[。；！])\s*([0-9]{4})\s*年(?:度)?(?:以来)?\s*[，,]").expect("valid")
    });

    fn by_regex(text: &str) -> Vec<std::ops::Range<usize>> {
        SENTENCE_YEAR
            .captures_iter(text)
            .filter_map(|c| c.get(1).map(|m| m.range()))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]
        #[test]
        fn equals_the_regex(
            text in "(2023|2022|202|20231|1| |\u{3000}|\t|年|度|以来|，|,|。|；|！|X|月){0,14}",
        ) {
            prop_assert_eq!(sentence_years(&text), by_regex(&text), "{:?}", text);
        }
    }

    #[test]
    fn sentences_starting_with_a_year() {
        for text in [
            "2022年，我镇全面推进。2021年度以来 ，继续；2020年,完成",
            "。2022年，",
            "  2022 年度，",
            "2022年以来度，",
            "12022年，",
            "2022年1月，",
            "。。2022年，",
        ] {
            assert_eq!(sentence_years(text), by_regex(text), "{text}");
        }
        assert_eq!(sentence_years("2022年，我镇。2021年，").len(), 2);
    }
}
