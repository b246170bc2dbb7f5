use crate::check::gated::{year_and_31, year_then_comma, Gate, Gated};
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
);

/// A year, 「年」 and a comma after it stand in every match.
pub(crate) static SENTENCE_YEAR: Gated = Gated::new(
    r"(?:^|[。；！])\s*([0-9]{4})\s*年(?:度)?(?:以来)?\s*[，,]",
    Gate::Test(year_then_comma),
);

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
            for caps in SENTENCE_YEAR.captures_iter(&p.text) {
                let Some(m) = caps.get(1) else { continue };
                let Ok(said) = m.as_str().parse::<i64>() else {
                    continue;
                };
                if said < year && said >= year - 5 {
                    out.push(
                        Diagnostic::new(
                            INFO.code,
                            Severity::Warning,
                            format!("正文以「{said}年」开头叙述工作，而报告年度是 {year} 年：可能是照抄上一年报告的遗留"),
                            Some(at_text.locate(m.range())),
                        )
                        .help(format!("核对这段内容，改写为 {year} 年的情况")),
                    );
                }
            }
        }
    }
}
