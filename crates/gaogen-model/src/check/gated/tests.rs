//! Every gate is a necessary condition of its regex: a text the regex matches passes the gate.

use super::{digit_before_nian, Gated};
use crate::check::rules::{
    e_cases, e_fee, e_settled, h_placeholder, s2_year_mentions, t2_3_text_counts,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

fn all() -> Vec<&'static Gated> {
    let mut all: Vec<&'static Gated> = vec![
        &h_placeholder::PATTERN,
        &s2_year_mentions::PERIOD,
        &e_fee::PATTERN,
        &e_cases::PATTERN,
        &e_settled::PATTERN,
    ];
    all.extend(crate::check::text::PATTERNS);
    all.extend(t2_3_text_counts::QUOTES.iter().map(|q| &q.0));
    all
}

/// Pieces the patterns are made of, and their near misses.
const PIECES: &[&str] = &[
    "2023",
    "2022",
    "12",
    "31",
    "01",
    "1",
    "0",
    "7",
    " ",
    "\u{3000}",
    "\u{a0}",
    "\t",
    "年",
    "月",
    "日",
    "至",
    "起",
    "，",
    ",",
    "。",
    "；",
    "！",
    "度",
    "以来",
    "X",
    "x",
    "Ｘ",
    "ｘ",
    "×",
    "…",
    ".",
    "。。。",
    "＿",
    "_",
    "共",
    "计",
    "件",
    "元",
    "万元",
    "待补充",
    "请填写",
    "此处填写",
    "xxgk",
    "未",
    "没有",
    "不",
    "无",
    "收取",
    "收缴",
    "信息处理费",
    "费用",
    "任何",
    "政府信息公开",
    "行政复议",
    "行政诉讼",
    "诉讼",
    "和",
    "被",
    "纠错",
    "败诉",
    "均",
    "已",
    "按时",
    "办结",
    "答复",
    "答复完毕",
    "办理完毕",
    "处理完毕",
    "办理完成",
    "办结率",
    "100",
    "%",
    "无结转",
    "受理",
    "收到",
    "公开申请",
    "申请",
    "现行有效",
    "规范性文件",
    "制发",
    "废止",
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
    "金额",
    "为",
    "的",
    "了",
    "案件",
    "决定",
    // whole phrases, for the long patterns (pieces around them make the near misses)
    "2023年1月1日至2023年12月31日",
    "2022 年 01 月 01 日起 — 2022年12 月31日",
    "。2022年，",
    "2021年度以来,",
    "现行有效的规范性文件共 5 件",
    "制发规范性文件3件",
    "废止了行政规范性文件 1 件",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    #[test]
    fn a_text_a_regex_matches_passes_its_gate(t in text()) {
        for g in all() {
            if g.regex().is_match(&t) {
                prop_assert!(g.may_match(&t), "{:?} fails the gate of {}", t, g.regex().as_str());
            }
        }
    }
}

#[test]
fn the_generator_makes_every_regex_match() {
    // A gate whose regex the texts above never match would be tested by nothing.
    let mut seen = vec![false; all().len()];
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..20_000 {
        let t = text().new_tree(&mut runner).expect("a value").current();
        for (i, g) in all().into_iter().enumerate() {
            seen[i] |= g.regex().is_match(&t);
        }
    }
    let never: Vec<&str> = all()
        .into_iter()
        .zip(&seen)
        .filter(|(_, &s)| !s)
        .map(|(g, _)| g.regex().as_str())
        .collect();
    assert!(never.is_empty(), "never matched: {never:?}");
}

#[test]
fn a_year_needs_digits_before_nian() {
    assert!(digit_before_nian("2023年，我局"));
    assert!(digit_before_nian("自2023\u{3000}年1月1日"));
    assert!(!digit_before_nian("今年以来"));
    assert!(!digit_before_nian("2023 度年"));
    assert!(!digit_before_nian("年"));
}

#[test]
fn a_text_failing_the_gate_is_not_searched() {
    let g = &e_fee::PATTERN;
    assert!(!g.may_match("本机关依法办理申请"));
    assert_eq!(g.captures_iter("本机关依法办理申请").count(), 0);
    assert_eq!(g.find_iter("未收取任何费用").count(), 1);
}
