use super::{Pair, PairRule};
use crate::check::{Diagnostic, EmptyCells, Severity};
use crate::diff::ChainCheck;
use crate::registry::{Command, RuleInfo};

/// D-REUSE: a section of NEW (at least 20 characters) repeats more of OLD's text than the
/// threshold (`diff --reuse-threshold`, 50% by default).
#[derive(Debug)]
pub(crate) struct TextReuse;
pub(crate) static D_REUSE: TextReuse = TextReuse;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "D-REUSE",
    severity: Severity::Warning,
    title: "某一部分的文字与上一年报告大量相同",
    explain: "检查什么：本年报告每一部分（不少于 20 字）照抄上一年报告的文字所占比例是否超过阈值（默认 50%，gaogen diff --reuse-threshold 可调）。照抄：落在与上一年报告连续 10 个字以上相同的片段里的字；比较时去掉空白、数字一律视为相同，所以只改了年份、数字或个别词句的句子仍算照抄（改动的字不算）。信息处理费的说明、表格注释、小标题等每年必须写的固定表述不计入。\n为什么：年度报告应写本年度的工作；内容雷同、照抄上一年在评估中扣分。\n例：「五、存在的主要问题及改进情况」与上一年逐字相同，只改了年份。\n空单元格：不涉及。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Diff,
};

impl PairRule for TextReuse {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, pair: &Pair<'_>, _: &mut Vec<ChainCheck>, out: &mut Vec<Diagnostic>) {
        let threshold = pair.options.reuse_threshold;
        for section in &pair.text.sections {
            if section.new_chars >= 20 && section.ratio > threshold {
                out.push(
                    Diagnostic::new(
                        INFO.code,
                        INFO.severity,
                        format!(
                            "「{}」有 {:.0}% 的文字照抄上一年报告（{} 字中 {} 字落在连续 {} 字以上相同的片段里），超过 {:.0}%",
                            section.heading,
                            section.ratio * 100.0,
                            section.new_chars,
                            section.reused_chars,
                            pair.text.min_run,
                            threshold * 100.0
                        ),
                        section.span,
                    )
                    .help("按本年度的实际工作重写这一部分；内容雷同、照抄上一年在评估中扣分"),
                );
            }
        }
    }
}
