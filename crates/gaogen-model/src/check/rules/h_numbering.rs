use crate::check::prose::{run_of, skip_spaces, small_number, SMALL_NUMERALS};
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{Paragraph, Report, SectionKey};

/// H-NUMBERING: the outline numbers inside a section run 1, 2, 3 without a gap, a step back or
/// (for 「（一）」) a restart, and sub-parts are not numbered 「一、」 like the six sections.
///
/// Why: evaluators name numbering errors among the most frequent: two numbering systems in one
/// report, sub-topics of 一 numbered 一、二、三, a list that skips or restarts. Example: section 一
/// with 「（一）主动公开」, 「（二）依申请公开」, 「（四）平台建设」. Only numbers at the start of
/// a paragraph count; a number skipped at a paragraph start but written inside the section (a
/// heading joined to a paragraph) is not a gap. Lists 「1.」/「（1）」 may restart (problems, then
/// measures); section 五 may restart 「（一）」 for the same reason.
/// Empty cells: not applicable.
#[derive(Debug)]
pub(crate) struct Numbering;
pub(crate) static H_NUMBERING: Numbering = Numbering;

/// The outline number a paragraph starts with: its level (0 「一、」, 1 「（一）」, 2 「1.」「1、」
/// 「1．」, 3 「（1）」) and where the number stands. The regex
/// `^\s*(?:([一…十]{1,3})、|[（(]([一…十]{1,3})[）)]|([0-9]{1,2})(?:、|．|\.(?:[^0-9]|$))|[（(]([0-9]{1,2})[）)])`
/// written out by hand (no regex to compile for each `check FILE`; `tests` prove it equal to
/// the regex). Every alternative starts with a different character, and a run of more numerals or
/// digits than allowed never matches (the next character would have to be the closing mark).
fn leading_number(text: &str) -> Option<(usize, std::ops::Range<usize>)> {
    let chinese = |c: char| SMALL_NUMERALS.contains(&c);
    let digit = |c: char| c.is_ascii_digit();
    let at = skip_spaces(text, 0);
    let rest = &text[at..];
    let (bytes, chars) = run_of(rest, chinese);
    if (1..=3).contains(&chars) && rest[bytes..].starts_with('、') {
        return Some((0, at..at + bytes));
    }
    let (bytes, chars) = run_of(rest, digit);
    if (1..=2).contains(&chars) {
        let after = &rest[bytes..];
        let dot = after
            .strip_prefix('.')
            .is_some_and(|next| !next.starts_with(digit));
        if after.starts_with(['、', '．']) || dot {
            return Some((2, at..at + bytes));
        }
    }
    let inner = rest.strip_prefix(['（', '('])?;
    let at = at + (rest.len() - inner.len());
    for (level, class, most) in [(1, &chinese as &dyn Fn(char) -> bool, 3), (3, &digit, 2)] {
        let (bytes, chars) = run_of(inner, class);
        if (1..=most).contains(&chars) && inner[bytes..].starts_with(['）', ')']) {
            return Some((level, at..at + bytes));
        }
    }
    None
}

/// The marker of item `n` at outline `level` as written (for the message).
fn marker(level: usize, n: u32) -> String {
    let chinese = crate::schema::CHINESE_NUMERALS
        .get(n as usize - 1)
        .copied()
        .unwrap_or("?");
    match level {
        0 => format!("{chinese}、"),
        1 => format!("（{chinese}）"),
        2 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

/// Whether `section` writes item `n` of `level` anywhere (a heading joined to a paragraph).
fn written_inside(paragraphs: &[Paragraph], level: usize, n: u32) -> bool {
    let m = marker(level, n);
    let half = m.replace('（', "(").replace('）', ")");
    paragraphs
        .iter()
        .any(|p| p.text.contains(m.as_str()) || p.text.contains(half.as_str()))
}

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "H-NUMBERING",
    severity: Severity::Warning,
    title: "各部分内的序号连续、层次清楚",
    explain: "检查什么：每一部分内段首的序号「（一）（二）…」「1. 2. …」「（1）（2）…」是否连续，有没有跳号、倒序，「（一）」有没有在同一部分内重新开始；部分内的小标题是否用了与六个部分相同的「一、二、」。\n为什么：评估发现的常见差错包括一份报告两套编号、总体情况的小标题编为一、二、三、序号跳号或重排。\n例：第一部分写「（一）主动公开」「（二）依申请公开」「（四）平台建设」，缺（三）。段中出现的序号不算跳号；「1.」「（1）」可以重新开始，第五部分的「（一）」也可以（问题和措施各自编号）。\n空单元格：不涉及。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Check,
};

impl Rule for Numbering {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        for section in report.sections.iter().filter(|s| s.found) {
            // expected[level]: the next number, 0 before the first item.
            let mut expected = [0u32; 4];
            let mut top_level_reported = false;
            for p in &section.paragraphs {
                let Some((level, range)) = leading_number(&p.text) else {
                    continue;
                };
                let Some(n) = small_number(&p.text[range.clone()]).filter(|&n| n >= 1) else {
                    continue;
                };
                let span = p.locate(range);
                let mut problem = None;
                if level == 0 && !top_level_reported {
                    top_level_reported = true;
                    problem = Some(format!(
                        "第{}部分内的小标题用了「{}」编号，与六个部分的标题编号相同",
                        crate::schema::CHINESE_NUMERALS[usize::from(section.number) - 1],
                        marker(0, n)
                    ));
                }
                let want = expected[level];
                let may_restart = level >= 2 || section.key == SectionKey::Problems;
                if problem.is_none() && n != want.max(1) {
                    if n == 1 && want > 1 {
                        if !may_restart {
                            problem = Some(format!(
                                "序号「{}」在同一部分内重新开始（前面已到「{}」）",
                                marker(level, 1),
                                marker(level, want - 1)
                            ));
                        }
                    } else if n > want.max(1) {
                        let missing = want.max(1);
                        if !(missing..n).all(|k| written_inside(&section.paragraphs, level, k)) {
                            problem = Some(format!(
                                "序号从「{}」跳到「{}」，缺少「{}」",
                                if want > 1 {
                                    marker(level, want - 1)
                                } else {
                                    "开头".into()
                                },
                                marker(level, n),
                                marker(level, missing)
                            ));
                        }
                    } else {
                        problem = Some(format!(
                            "序号「{}」出现在「{}」之后，顺序不对或重复",
                            marker(level, n),
                            marker(level, want - 1)
                        ));
                    }
                }
                if let Some(message) = problem {
                    out.push(
                        Diagnostic::new(INFO.code, Severity::Warning, message, Some(span))
                            .mark(span, "序号")
                            .help("按层次连续编号：部分内用（一）（二），其下用 1. 2.，再下用（1）（2）"),
                    );
                }
                expected[level] = n + 1;
                for e in expected.iter_mut().skip(level + 1) {
                    *e = 0;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::leading_number;
    use proptest::prelude::*;
    use regex::Regex;

    /// The regex `leading_number` writes out: the reference of the property test.
    fn pattern() -> Regex {
        Regex::new(concat!(
            r"^\s*(?:",
            r"([一二三四五六七八九十]{1,3})、",
            r"|[（(]([一二三四五六七八九十]{1,3})[）)]",
            r"|([0-9]{1,2})(?:、|．|\.(?:[^0-9]|$))",
            r"|[（(]([0-9]{1,2})[）)]",
            r")"
        ))
        .expect("valid")
    }

    fn by_regex(re: &Regex, text: &str) -> Option<(usize, std::ops::Range<usize>)> {
        let caps = re.captures(text)?;
        (1..=4).find_map(|i| caps.get(i).map(|m| (i - 1, m.range())))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The hand-written reader finds what the regex finds, on texts made of numerals, digits,
        /// every opening and closing mark, spaces and other characters.
        #[test]
        fn equals_the_regex(text in "[ \u{3000}\t一二三十五九零〇(（)）、．.,。0-9a总]{0,9}") {
            let re = pattern();
            prop_assert_eq!(leading_number(&text), by_regex(&re, &text), "{:?}", text);
        }
    }

    #[test]
    fn every_level_is_read() {
        let re = pattern();
        for text in [
            "一、总体情况",
            "（二）依申请公开",
            "(十一)其他",
            "3.平台",
            "12、措施",
            "4．问题",
            "（1）自然人",
            " 5.",
            "6.5万元",
            "一二三四、",
            "100.",
            "（123）",
        ] {
            assert_eq!(leading_number(text), by_regex(&re, text), "{text}");
        }
        assert_eq!(leading_number("（十一）其他"), Some((1, 3..9)));
        assert_eq!(leading_number("6.5万元"), None);
    }
}
