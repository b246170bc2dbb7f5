use crate::check::published::{agency_kind, publication, Context, Date};
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::Report;

/// E-DEADLINE: the report was published by the legal deadline (条例第四十九条).
///
/// Why: evaluators deduct for late reports (e.g. 0.5 points in a city's department rules).
/// Departments and township governments publish by 31 January, people's governments at county
/// level or above by 31 March of the following year. Example: a 区教育局 report signed
/// 「2025年2月3日」. Without a date (no `--published`, no 「发布时间」 line, no dated signature) or
/// without a known agency kind the rule is not assessable, never passed.
#[derive(Debug)]
pub(crate) struct Deadline;
pub(crate) static E_DEADLINE: Deadline = Deadline;

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "E-DEADLINE",
    severity: Severity::Warning,
    title: "在法定期限内公布年度报告",
    explain: "检查什么：报告的发布日期是否在法定期限内——部门和乡镇人民政府（街道）为次年 1 月 31 日，县级以上人民政府为次年 3 月 31 日（《政府信息公开条例》第四十九条）。发布日期依次取：命令行 --published YYYY-MM-DD，页面上的「发布时间」「发布日期」，报告末尾落款的日期。机关类别由名称推断（「人民政府」「局」「委」「办」…），可用 --agency-kind 指定。\n为什么：评估中逾期公布要扣分（如某市部门考核逾期扣 0.5 分）。\n例：区教育局 2024 年报告落款「2025年2月3日」，晚于 1 月 31 日 3 天。\n无法评估：没有发布日期，或无法判断机关类别时，报告「无法评估」（提示），不视为按期。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Check,
};

impl Rule for Deadline {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        self.check_in(report, &Context::default(), out);
    }
    fn check_in(&self, report: &Report, context: &Context, out: &mut Vec<Diagnostic>) {
        let title = report.title.as_ref().map(|t| t.span);
        let not_assessable = |message: String| {
            let mut d = Diagnostic::new(INFO.code, Severity::Info, message, title)
                .help("用 --published YYYY-MM-DD 给出发布日期，或在报告末尾写明落款日期");
            d.not_assessable = true;
            d
        };
        let Some(year) = report.year else {
            out.push(not_assessable(
                "无法确定报告年度，不能判断是否按期公布（不视为按期）".into(),
            ));
            return;
        };
        let Some(found) = publication(report, context) else {
            out.push(not_assessable(
                "报告中没有发布日期（没有「发布时间」「发布日期」，落款也没有日期），无法判断是否按期公布（不视为按期）".into(),
            ));
            return;
        };
        let Some((kind, inferred)) = agency_kind(report, context) else {
            let mut d = not_assessable(format!(
                "无法从机关名称「{}」判断是部门还是人民政府，不能确定法定期限（不视为按期）",
                report.agency.as_deref().unwrap_or("（未读到）")
            ));
            d.help = Some(
                "用 --agency-kind department|township-government|county-government 指定机关类别"
                    .into(),
            );
            out.push(d);
            return;
        };
        let (month, day) = kind.deadline();
        let Some(deadline) = Date::new(u32::from(year) + 1, u32::from(month), u32::from(day))
        else {
            return;
        };
        let how = if inferred {
            "由机关名称推断"
        } else {
            "指定"
        };
        if found.date.year < year {
            let mut d = not_assessable(format!(
                "发布日期 {}（{}）早于报告年度 {year} 年，日期可能有误，无法判断是否按期公布（不视为按期）",
                found.date,
                found.source.chinese()
            ));
            d.span = found.span.or(title);
            out.push(d);
            return;
        }
        let late = found.date.days() - deadline.days();
        if late > 0 {
            let mut d = Diagnostic::new(
                INFO.code,
                Severity::Warning,
                format!(
                    "发布日期 {}（{}）晚于法定期限 {deadline}（{}，{how}；条例第四十九条），逾期 {late} 天",
                    found.date,
                    found.source.chinese(),
                    kind.chinese()
                ),
                found.span.or(title),
            )
            .help("年度报告应在法定期限前公布；若发布日期读错，用 --published 指定");
            if let Some(span) = found.span {
                d = d.mark(span, format!("发布日期：{}", found.date));
            }
            out.push(d);
        }
    }
}
