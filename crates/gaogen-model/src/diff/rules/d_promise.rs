use super::{Pair, PairRule};
use crate::check::{Diagnostic, EmptyCells, Severity};
use crate::diff::{ChainCheck, ChainStatus};
use crate::registry::{Command, RuleInfo};
use crate::SectionKey;
use regex::Regex;
use std::sync::OnceLock;

/// D-PROMISE: when last year's section 五 announced measures, this year's section 五 says how
/// they were carried out.
///
/// Why: the format asks section 五 for 「上一年度问题的整改情况」; evaluators check that last
/// year's measures are followed up. Example: 2023 「下一步，将…」, 2024's section 五 speaks only of
/// 2024's problems and 2025's plans. Follow-up is recognised by a reference to last year (「上一年」
/// 「去年」「2023年」「上年度」) or to what was done (「整改」「已落实」「得到改进」…).
#[derive(Debug)]
pub(crate) struct Promise;
pub(crate) static D_PROMISE: Promise = Promise;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "D-PROMISE",
    severity: Severity::Warning,
    title: "第五部分回应上一年提出的改进措施",
    explain: "检查什么：上一年报告第五部分写了改进措施（「下一步」「将」「计划」…）时，本年报告第五部分是否说明落实情况：提到上一年（「上一年」「上年度」「去年」「2023年」）或整改结果（「整改」「已落实」「已完成」「得到改进」…）。\n为什么：格式要求第五部分写明上一年度问题的整改情况；评估检查上一年的措施是否有回应。\n例：2023 年报告写「下一步，将…」，2024 年报告第五部分只写 2024 年的问题和 2025 年的打算。\n空单元格：不涉及；任一年没有第五部分时为「无法评估」。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Diff,
};

fn measure() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"下一步|将|计划|拟|今后|明年").expect("valid"))
}

fn follow_up() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"上一?年度?|去年|(?P<year>[0-9]{4})\s*年|整改|已(?:经)?(?:通过|完成|落实|改进|解决|建立|实现|开展|整改)|得到(?:了)?(?:部分|初步|有效|明显)?(?:改进|解决|改善|提升|落实)|落实情况|改进情况").expect("valid")
    })
}

/// The first follow-up in `text`: a mention of `last_year` (not of other years) or of what was
/// done.
fn followed_up(text: &str, last_year: u16) -> Option<String> {
    follow_up().captures_iter(text).find_map(|c| {
        let year_ok = c
            .name("year")
            .is_none_or(|y| y.as_str().parse::<u16>().ok() == Some(last_year));
        year_ok.then(|| c[0].to_string())
    })
}

impl PairRule for Promise {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, pair: &Pair<'_>, checks: &mut Vec<ChainCheck>, out: &mut Vec<Diagnostic>) {
        let (old, new) = (
            pair.old.section(SectionKey::Problems),
            pair.new.section(SectionKey::Problems),
        );
        let promised = old
            .paragraphs
            .iter()
            .find_map(|p| measure().find(&p.text).map(|m| (p, m.start())));
        let subject = "第五部分 · 上一年改进措施的落实情况".to_string();
        let Some((p, at)) = promised else {
            checks.push(ChainCheck {
                code: INFO.code,
                subject,
                status: ChainStatus::NotAssessable,
                old_value: None,
                new_value: None,
            });
            return;
        };
        let excerpt: String = p.text[at..].chars().take(40).collect();
        let last_year = pair.old.year.or(pair.new.year.map(|y| y - 1)).unwrap_or(0);
        let answered = new
            .paragraphs
            .iter()
            .find_map(|p| followed_up(&p.text, last_year));
        let status = match (new.found, &answered) {
            (false, _) => ChainStatus::NotAssessable,
            (true, Some(_)) => ChainStatus::Holds,
            (true, None) => ChainStatus::Broken,
        };
        checks.push(ChainCheck {
            code: INFO.code,
            subject,
            status,
            old_value: Some(excerpt.clone()),
            new_value: answered,
        });
        if status == ChainStatus::Broken {
            let mut d = Diagnostic::new(
                INFO.code,
                Severity::Warning,
                format!("上一年报告第五部分提出了改进措施（「{excerpt}…」），本年第五部分没有说明落实情况"),
                new.heading.as_ref().map(|h| h.span).or(new.span),
            )
            .help("在第五部分写明上一年提出的问题和措施的整改、落实情况");
            d.previous =
                Some(p.locate(at..at + measure().find(&p.text[at..]).map_or(0, |m| m.len())));
            out.push(d);
        }
    }
}
