//! Every pattern finds what its regex finds, and every gate is a necessary condition of its
//! regex: a text the regex matches passes the gate.

use super::{digit_before_nian, Gated};
use crate::check::rules::{
    e_cases, e_fee, e_settled, h_placeholder, s2_year_mentions, t2_3_text_counts,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use regex::Regex;
use std::sync::LazyLock;

/// Every pattern with its regex, compiled once.
static COMPILED: LazyLock<Vec<(&'static Gated, Regex)>> =
    LazyLock::new(|| all().into_iter().map(|g| (g, g.regex())).collect());

/// The matches of `re` in `text`: every group's range, match after match.
fn by_regex(re: &Regex, text: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
    re.captures_iter(text)
        .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect())
        .collect()
}

/// The same from the pattern (its gate left out: the gate is tested on its own).
fn by_pattern(g: &Gated, text: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
    g.ungated(text).map(|f| f.groups()).collect()
}

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
        for (g, re) in COMPILED.iter() {
            if re.is_match(&t) {
                prop_assert!(g.may_match(&t), "{:?} fails the gate of {}", t, re.as_str());
            }
        }
    }

    #[test]
    fn a_gate_narrowed_to_a_report_says_what_the_gate_says(
        texts in prop::collection::vec(text(), 0..4),
    ) {
        for (g, _) in COMPILED.iter() {
            let narrowed = g.narrowed(texts.iter().map(String::as_str));
            for t in &texts {
                prop_assert_eq!(narrowed.may_match(t), g.may_match(t), "{:?} of {:?}", t, texts);
            }
        }
    }

    #[test]
    fn every_pattern_finds_what_its_regex_finds(t in text()) {
        for (g, re) in COMPILED.iter() {
            prop_assert_eq!(by_pattern(g, &t), by_regex(re, &t), "{:?} in {:?}", re.as_str(), t);
        }
    }
}

#[test]
fn every_pattern_names_its_groups_as_its_regex() {
    for (g, re) in COMPILED.iter() {
        let names: Vec<Option<&str>> = re.capture_names().collect();
        assert_eq!(g.pattern().names, &names[..], "{}", re.as_str());
        assert!(names.len() <= super::pattern::GROUPS);
    }
}

#[test]
fn patterns_find_what_their_regexes_find_in_real_sentences() {
    // Sentences of the kind the rules read, each matched by one of the patterns.
    let sentences = [
        "本机关不收取信息处理费，收取信息处理费共 12.5 元，信息处理费为0.00元，未收取任何费用。",
        "全年共受理政府信息公开申请 17 件，未收到任何公开申请。",
        "收到群众通过信函提交的公开申请共计3件；行政复议案件共 2 起，行政诉讼 0 件。",
        "现行有效的规范性文件共 5 件，制发了行政规范性文件3件，废止规范性文件 1 件。",
        "行政许可决定 120 件，行政处罚案件共计 7 宗，行政强制措施 2 起，行政事业性收费金额为 9.63 万元。",
        "统计期限为2023 年 01 月 01 日起 — 2023年12 月31日。",
        "XX局于xx年发布，共……件，___条，待补充。",
        "本年度未发生因政府信息公开工作而被申请行政复议和被提起行政诉讼的情况，无被纠错，败诉 1 件。",
        "申请均已按时办结，办结率达到 100%，年末无结转。",
    ];
    let mut matched = 0;
    for s in sentences {
        for (g, re) in COMPILED.iter() {
            assert_eq!(
                by_pattern(g, s),
                by_regex(re, s),
                "{:?} in {s:?}",
                re.as_str()
            );
            matched += by_regex(re, s).len();
        }
    }
    assert!(matched >= 25, "only {matched} matches");
}

#[test]
fn the_generator_makes_every_regex_match() {
    // A gate whose regex the texts above never match would be tested by nothing.
    let mut seen = vec![false; all().len()];
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..20_000 {
        let t = text().new_tree(&mut runner).expect("a value").current();
        for i in 0..COMPILED.len() {
            seen[i] |= COMPILED[i].1.is_match(&t);
        }
    }
    let never: Vec<&str> = COMPILED
        .iter()
        .zip(&seen)
        .filter(|(_, &s)| !s)
        .map(|((_, re), _)| re.as_str())
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

#[test]
fn texts_built_against_backtracking_keep_within_the_budget() {
    // Long runs a backtracking search would try from each of their characters: each pattern
    // finds what its regex finds, without spending its budget (its steps stay linear).
    let long = |s: &str, n: usize| s.repeat(n);
    let texts = [
        format!("共……件{}待补充", long("…", 6000)),
        long(".", 6000),
        long("_", 6000) + "x",
        long("X", 6000) + "a",
        format!("行政复议{}3件", long(" ", 6000)),
        format!("2023{}年", long("\u{3000}", 6000)),
        long("受理", 3000),
        long("9", 6000),
    ];
    for t in &texts {
        for (g, re) in COMPILED.iter() {
            let mut matches = g.ungated(t);
            let found: Vec<_> = matches.by_ref().map(|f| f.groups()).collect();
            assert_eq!(
                found,
                by_regex(re, t),
                "{} in a text of {} bytes",
                re.as_str(),
                t.len()
            );
            assert!(!matches.fell_back(), "{} spent its budget", re.as_str());
        }
    }
}

/// The project's UTF-8 fixtures, built in (the model crate reads no files).
const FIXTURES: &[&str] = &[
    include_str!("../../../../../tests/fixtures/cell_per_line.txt"),
    include_str!("../../../../../tests/fixtures/cell_per_line_blanks.txt"),
    include_str!("../../../../../tests/fixtures/converter_labels_before_values.txt"),
    include_str!("../../../../../tests/fixtures/converter_made_up_headers.txt"),
    include_str!("../../../../../tests/fixtures/crawler_date_first.txt"),
    include_str!("../../../../../tests/fixtures/crawler_run_together.txt"),
    include_str!("../../../../../tests/fixtures/crlf_bom.txt"),
    include_str!("../../../../../tests/fixtures/excerpt_cut.txt"),
    include_str!("../../../../../tests/fixtures/markdown_tabs_truncated.txt"),
    include_str!("../../../../../tests/fixtures/pdfminer_columns.txt"),
    include_str!("../../../../../tests/fixtures/pdfminer_total_sixth.txt"),
    include_str!("../../../../../tests/fixtures/pdftotext_2019_table3.txt"),
    include_str!("../../../../../tests/fixtures/pdftotext_layout.txt"),
    include_str!("../../../../../tests/fixtures/pipe_markdown.txt"),
    include_str!("../../../../../tests/fixtures/row_single_spaces.txt"),
    include_str!("../../../../../tests/fixtures/tab_indented_cells.txt"),
    include_str!("../../../../../tests/fixtures/tabs_short_row.txt"),
    include_str!("../../../../../tests/fixtures/unreadable_cells.txt"),
    include_str!("../../../../../tests/fixtures/html_nbsp_blanks.html"),
    include_str!("../../../../../tests/fixtures/page.html"),
];

#[test]
fn patterns_find_what_their_regexes_find_in_the_fixtures() {
    // Every UTF-8 fixture, line by line and whole, as the rules would see it.
    let mut texts = 0;
    let mut matches = 0;
    for text in FIXTURES {
        for t in text.lines().chain([*text]) {
            texts += 1;
            for (g, re) in COMPILED.iter() {
                let expected = by_regex(re, t);
                assert_eq!(by_pattern(g, t), expected, "{:?} in {:?}", re.as_str(), t);
                matches += expected.len();
            }
        }
    }
    assert!(
        texts > 1000 && matches > 50,
        "{texts} texts, {matches} matches"
    );
}
