use crate::check::prose::{is_han, sentences};
use crate::check::words::Words;
use crate::check::{Diagnostic, EmptyCells, Rule, Severity};
use crate::registry::{Command, RuleInfo};
use crate::{Report, SectionKey};
use std::sync::OnceLock;

/// E-PROBLEMS: section 五 names at least one concrete problem, not only set phrases.
///
/// Why: the 2021 format wants content 「不能遗漏，也不宜泛化」; evaluators deduct a 第五部分 that
/// 「泛泛而谈」. Example: 「仍存在一定差距，如依申请公开工作规范性还有待提高、政务公开队伍建设有待
/// 加强等」. Method: a *problem sentence* holds a problem word (不足、不够、有待、滞后、差距 …)
/// before any measure word (将、下一步、针对 …) and tells no follow-up (已整改、得到 …); its *specific content* is what remains after
/// removing the set vocabulary of such sections (政务公开、进一步、加强、提升、水平、能力、一定、
/// 差距 …). The rule fires when no problem sentence keeps at least 8 Chinese characters of
/// specific content. Problems without measures are S-5's.
/// Empty cells: not applicable.
#[derive(Debug)]
pub(crate) struct Problems;
pub(crate) static E_PROBLEMS: Problems = Problems;

/// Specific content a problem sentence must keep, in Chinese characters.
const MIN_SPECIFIC: usize = 8;

const PROBLEM_WORDS: &[&str] = &[
    "不足",
    "不够",
    "不及时",
    "不到位",
    "不规范",
    "不全面",
    "不完善",
    "不平衡",
    "有待",
    "欠缺",
    "较少",
    "偏少",
    "滞后",
    "单一",
    "薄弱",
    "差距",
    "短板",
    "问题",
    "尚需",
    "仍需",
    "还需",
    "亟待",
    "不高",
    "不强",
    "不深",
    "不细",
];

const MEASURE_WORDS: &[&str] = &["下一步", "将", "拟", "计划", "针对", "今后", "措施"];

/// Words of a sentence telling how an earlier problem was fixed (not a problem of this year).
const FOLLOW_UP_WORDS: &[&str] = &[
    "已通过",
    "已经",
    "已得到",
    "得到",
    "已整改",
    "整改",
    "已解决",
    "已完成",
    "已改进",
    "已落实",
];

/// Set vocabulary of section 五, longest first (leftmost-first alternation then takes the longer).
const SET_PHRASES: &[&str] = &[
    "政府信息公开",
    "进一步加强",
    "不断提升",
    "不断提高",
    "持续推进",
    "依申请公开",
    "与上级要求",
    "群众期盼",
    "群众期待",
    "群众需求",
    "工作人员",
    "政务公开",
    "信息公开",
    "主动公开",
    "政务服务",
    "队伍建设",
    "新形势",
    "新要求",
    "规范化",
    "标准化",
    "专业化",
    "规范性",
    "主要是",
    "表现在",
    "体现在",
    "等方面",
    "进一步",
    "有待于",
    "取得",
    "一定",
    "一些",
    "部分",
    "个别",
    "差距",
    "不足",
    "问题",
    "有待",
    "提高",
    "提升",
    "加强",
    "完善",
    "深化",
    "水平",
    "能力",
    "力度",
    "质量",
    "深度",
    "广度",
    "队伍",
    "建设",
    "方面",
    "对照",
    "上级",
    "要求",
    "群众",
    "相比",
    "比较",
    "仍然",
    "主要",
    "虽然",
    "但是",
    "成效",
    "成绩",
    "有效",
    "效果",
    "明显",
    "内容",
    "形式",
    "不够",
    "不断",
    "我们",
    "机关",
    "单位",
    "部门",
    "年度",
    "意识",
    "认识",
    "思想",
    "重视",
    "程度",
    "需要",
    "尚需",
    "还需",
    "仍需",
    "薄弱",
    "欠缺",
    "滞后",
    "全面",
    "持续",
    "切实",
    "亟待",
    "存在",
    "工作",
    "还",
    "仍",
    "尚",
    "较",
    "等",
    "如",
    "是",
    "和",
    "与",
    "及",
    "的",
    "了",
    "在",
    "中",
    "但",
    "虽",
    "我",
    "本",
    "全",
    "区",
    "县",
    "市",
    "镇",
    "乡",
    "局",
    "年",
    "需",
    "够",
    "高",
    "强",
    "好",
    "多",
    "少",
    "些",
    "待",
    "有",
    "对",
    "一",
    "个",
];

/// The set vocabulary by first character: each character's phrases longest first (in the
/// list's order among equals), found by binary search. Removing the phrase that starts at
/// each place, the first in that order, is Aho-Corasick's leftmost-first replacement (`tests`
/// compare the two), and costs nothing to build: one sort of the list.
fn set_phrases() -> &'static [(char, &'static str)] {
    static BY_FIRST: OnceLock<Vec<(char, &'static str)>> = OnceLock::new();
    BY_FIRST.get_or_init(|| {
        let mut phrases: Vec<(char, &'static str)> = SET_PHRASES
            .iter()
            .map(|p| (p.chars().next().expect("a phrase"), *p))
            .collect();
        // Stable: equal keys keep the list's order.
        phrases.sort_by_cached_key(|&(first, p)| (first, std::cmp::Reverse(p.chars().count())));
        phrases
    })
}

/// Chinese characters left in `sentence` after removing the set vocabulary.
fn specific(sentence: &str) -> String {
    let phrases = set_phrases();
    let mut left = String::new();
    let mut at = 0;
    while let Some(c) = sentence[at..].chars().next() {
        let from = phrases.partition_point(|&(first, _)| first < c);
        let rest = &sentence[at..];
        let phrase = phrases[from..]
            .iter()
            .take_while(|&&(first, _)| first == c)
            .find(|&&(_, p)| rest.starts_with(p));
        match phrase {
            Some((_, p)) => at += p.len(),
            None => {
                if is_han(c) {
                    left.push(c);
                }
                at += c.len_utf8();
            }
        }
    }
    left
}

/// Whether `sentence` states a problem (a problem word before any measure word).
fn states_problem(sentence: &str) -> bool {
    // Each word list's searchers made once, not at every sentence.
    static FOLLOW_UP: Words = Words::new(FOLLOW_UP_WORDS);
    static PROBLEM: Words = Words::new(PROBLEM_WORDS);
    static MEASURE: Words = Words::new(MEASURE_WORDS);
    if FOLLOW_UP.any_in(sentence) {
        return false;
    }
    match (PROBLEM.first_in(sentence), MEASURE.first_in(sentence)) {
        (Some(p), Some(m)) => p < m,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The registry entry (see `registry.rs`).
pub(crate) static INFO: RuleInfo = RuleInfo {
    code: "E-PROBLEMS",
    severity: Severity::Warning,
    title: "第五部分写出具体问题，不是套话",
    explain: "检查什么：第五部分是否至少有一句写出了具体问题。方法：含「不足」「不够」「有待」「滞后」「差距」等问题用语（且出现在「将」「下一步」「针对」等措施用语之前、不是「已整改」「得到改进」这类整改说明）的句子是问题句；去掉这类段落的常用套语（政务公开、进一步、加强、提升、水平、能力、一定、差距……）后，至少有一个问题句还剩 8 个以上汉字的具体内容。\n为什么：2021 版格式要求内容「不能遗漏，也不宜泛化」，评估对「泛泛而谈」的第五部分扣分。\n例：「仍存在一定差距，如依申请公开工作规范性还有待提高、政务公开队伍建设有待加强等。」去掉套语后几乎不剩内容。只写问题不写措施由 S-5 检查。\n空单元格：不涉及。",
    empty_cells: EmptyCells::NotApplicable,
    command: Command::Check,
};

impl Rule for Problems {
    fn info(&self) -> &RuleInfo {
        &INFO
    }
    fn check(&self, report: &Report, out: &mut Vec<Diagnostic>) {
        let five = report.section(SectionKey::Problems);
        if !five.found || five.paragraphs.is_empty() {
            return;
        }
        let mut problem_sentences = 0;
        let mut best: Option<(String, crate::Span)> = None;
        for p in &five.paragraphs {
            for range in sentences(&p.text) {
                let sentence = &p.text[range.clone()];
                if !states_problem(sentence) {
                    continue;
                }
                problem_sentences += 1;
                let left = specific(sentence);
                if left.chars().count() >= MIN_SPECIFIC {
                    return;
                }
                if best
                    .as_ref()
                    .is_none_or(|(b, _)| left.chars().count() > b.chars().count())
                {
                    best = Some((left, p.locate(range)));
                }
            }
        }
        let span = five.heading.as_ref().map(|h| h.span).or(five.span);
        let d = match best {
            None => Diagnostic::new(
                INFO.code,
                Severity::Warning,
                "第五部分没有写出存在的问题（没有含「不足」「有待」「差距」等问题用语的句子）",
                span,
            ),
            Some((left, at)) => Diagnostic::new(
                INFO.code,
                Severity::Warning,
                format!(
                    "第五部分的 {problem_sentences} 个问题句都是套话：去掉常用套语后最多只剩「{left}」（{} 字，少于 {MIN_SPECIFIC} 字）",
                    left.chars().count()
                ),
                span,
            )
            .mark(at, "问题句"),
        };
        out.push(
            d.help("写明本年度具体存在的问题（哪个栏目、哪类申请、什么环节），并对应写出改进措施"),
        );
    }
}

#[cfg(test)]
mod tests;
