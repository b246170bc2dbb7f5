//! The evaluator rules (E-…, H-…, T2-3) on a real-shaped township report
//! (`tests/fixtures/evaluator/township_2024.txt`, narrative written for the project): for each
//! rule, edits of the text that make it fire and near misses that must not.

use gaogen_model::check::published::{Context, Date};
use gaogen_model::check::{check, check_with, Diagnostic};

const BASE: &str = include_str!("../../../tests/fixtures/evaluator/township_2024.txt");

/// BASE with each `(from, to)` replaced once; every `from` must be there.
fn edited(edits: &[(&str, &str)]) -> String {
    let mut text = BASE.to_string();
    for (from, to) in edits {
        assert!(text.contains(from), "fixture lacks {from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}

fn diagnostics(text: &str, code: &str) -> Vec<Diagnostic> {
    check(&gaogen_grammar::parse(text))
        .into_iter()
        .filter(|d| d.code == code)
        .collect()
}

/// Findings of `code` that are not "not assessable" notes.
fn fired(text: &str, code: &str) -> Vec<Diagnostic> {
    diagnostics(text, code)
        .into_iter()
        .filter(|d| !d.not_assessable)
        .collect()
}

/// Adds a sentence to section 一's first paragraph.
const OVERVIEW: &str = "群众查找信息更加方便。";

#[test]
fn the_base_fixture_is_clean_for_every_evaluator_rule_but_article_50() {
    let codes = [
        "E-DEADLINE",
        "E-SETTLED",
        "E-CASES",
        "E-PROBLEMS",
        "E-FEE",
        "H-PLACEHOLDER",
        "H-REPEAT",
        "H-PUNCT",
        "H-NUMBERING",
        "T2-3",
    ];
    for code in codes {
        assert!(
            diagnostics(BASE, code).is_empty(),
            "{code}: {:?}",
            diagnostics(BASE, code)
        );
    }
    // A township government must report 工作考核、社会评议和责任追究 (条例第五十条).
    let d = fired(BASE, "E-ACCOUNTABILITY");
    assert_eq!(d.len(), 1);
    assert!(
        d[0].message.contains("社会评议、责任追究"),
        "{}",
        d[0].message
    );
}

#[test]
fn deadline() {
    // Township government: 31 January.
    let late = edited(&[("2025年1月18日", "2025年2月3日")]);
    let d = fired(&late, "E-DEADLINE");
    assert_eq!(d.len(), 1);
    assert!(d[0].message.contains("逾期 3 天"), "{}", d[0].message);
    assert!(d[0].message.contains("2025年1月31日"));
    let chinese = edited(&[("2025年1月18日", "二〇二五年二月三日")]);
    assert_eq!(fired(&chinese, "E-DEADLINE").len(), 1);
    let on_the_day = edited(&[("2025年1月18日", "2025年1月31日")]);
    assert!(diagnostics(&on_the_day, "E-DEADLINE").is_empty());
    // A page's 发布时间 line comes before the signature.
    let page = edited(&[("本报告依据", "发布时间：2025-02-05 09:30\n\n本报告依据")]);
    assert!(fired(&page, "E-DEADLINE")[0]
        .message
        .contains("页面的发布时间"));
    // County level: 31 March.
    let county = |date: &str| {
        let t = edited(&[("2025年1月18日", date)]);
        t.replace("青禾县白石镇人民政府", "青禾县人民政府")
    };
    assert!(diagnostics(&county("2025年3月20日"), "E-DEADLINE").is_empty());
    assert_eq!(fired(&county("2025年4月1日"), "E-DEADLINE").len(), 1);
    // No date: not assessable, never passed.
    let undated = edited(&[("\n2025年1月18日", "")]);
    let d = diagnostics(&undated, "E-DEADLINE");
    assert_eq!(d.len(), 1);
    assert!(d[0].not_assessable);
    // --published overrides what the text says; --agency-kind overrides the name.
    let report = gaogen_grammar::parse(&late);
    let given = Context {
        published: Date::new(2025, 1, 10),
        kind: None,
    };
    assert!(check_with(&report, &given)
        .iter()
        .all(|d| d.code != "E-DEADLINE"));
    let county_kind = Context {
        published: None,
        kind: gaogen_model::agency::AgencyKind::parse("county-government"),
    };
    assert!(check_with(&report, &county_kind)
        .iter()
        .all(|d| d.code != "E-DEADLINE"));
}

const CARRIED_ONE: (&str, &str) = (
    "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0",
    "四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1",
);

#[test]
fn settled() {
    let d = fired(&edited(&[CARRIED_ONE]), "E-SETTLED");
    assert!(!d.is_empty());
    assert!(d[0].message.contains("均在法定期限内办结") && d[0].message.contains("1 件"));
    assert_eq!(d[0].marks.len(), 2, "text and table cell both marked");
    let stated = edited(&[CARRIED_ONE, ("，年末无结转", "，另有1件结转下年度办理")]);
    assert!(diagnostics(&stated, "E-SETTLED").is_empty());
    let blank = edited(&[(
        "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0",
        "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t/",
    )]);
    assert!(diagnostics(&blank, "E-SETTLED")
        .iter()
        .all(|d| d.not_assessable));
    assert!(!diagnostics(&blank, "E-SETTLED").is_empty());
}

#[test]
fn cases() {
    let said = |s: &str| edited(&[(OVERVIEW, &format!("{OVERVIEW}{s}"))]);
    // 表四: 行政复议 总计 1, 行政诉讼 0, 结果纠正 0.
    assert_eq!(
        fired(&said("本年度未发生政府信息公开行政复议案件。"), "E-CASES").len(),
        1
    );
    assert!(fired(&said("本年度未发生政府信息公开行政诉讼案件。"), "E-CASES").is_empty());
    assert_eq!(fired(&said("行政复议被纠错1件。"), "E-CASES").len(), 1);
    assert!(fired(&said("复议案件均未被纠错。"), "E-CASES").is_empty());
}

#[test]
fn problems() {
    let generic = edited(&[(
        "一是镇级专栏信息更新不够及时，个别栏目存在空档期；二是政策解读形式较为单一，群众反映不易读懂。",
        "与上级要求相比，我镇政务公开工作仍存在一定差距，工作水平有待进一步提高。",
    )]);
    let d = fired(&generic, "E-PROBLEMS");
    assert_eq!(d.len(), 1);
    assert!(d[0].message.contains("套话"), "{}", d[0].message);
    assert!(fired(BASE, "E-PROBLEMS").is_empty());
}

#[test]
fn fee() {
    let unpaid = (
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1",
    );
    let d = fired(&edited(&[unpaid]), "E-FEE");
    assert_eq!(d.len(), 1);
    assert!(d[0].message.contains("（六）2"));
    let general = edited(&[(
        "本年度未收取政府信息公开信息处理费。",
        "本年度未收取任何费用。",
    )]);
    let d = fired(&general, "E-FEE");
    assert_eq!(d.len(), 1);
    assert!(d[0].message.contains("11.8 万元"), "{}", d[0].message);
}

#[test]
fn accountability() {
    let covered = edited(&[(
        OVERVIEW,
        "群众查找信息更加方便。全年开展社会评议1次，未发生责任追究情况。",
    )]);
    assert!(diagnostics(&covered, "E-ACCOUNTABILITY").is_empty());
    let department = BASE.replace("青禾县白石镇人民政府", "青禾县教育局");
    assert!(diagnostics(&department, "E-ACCOUNTABILITY").is_empty());
}

#[test]
fn placeholders() {
    let t = edited(&[
        ("发布各类信息203条", "发布各类信息××条"),
        ("培训2次", "培训……次"),
    ]);
    assert_eq!(fired(&t, "H-PLACEHOLDER").len(), 2);
    let t = edited(&[(
        OVERVIEW,
        "群众可登录 http://www.qh.gov.cn/xxgk/ 查阅，包括防汛、耕地等……。",
    )]);
    assert!(fired(&t, "H-PLACEHOLDER").is_empty());
}

#[test]
fn repeated_words() {
    let t = edited(&[
        ("重点公开防汛救灾", "重点公开公开防汛救灾"),
        ("耕地保护和养老", "耕地保护和和养老"),
    ]);
    let d = fired(&t, "H-REPEAT");
    assert_eq!(d.len(), 2);
    assert!(d[0].message.contains("「公开」"));
    let t = edited(&[(
        OVERVIEW,
        "群众查找信息更加方便，干部实实在在为群众办事，人人满意。",
    )]);
    assert!(fired(&t, "H-REPEAT").is_empty());
}

#[test]
fn ascii_punctuation() {
    let t = edited(&[(
        "全年新收政府信息公开申请9件，",
        "全年新收政府信息公开申请9件,",
    )]);
    assert_eq!(fired(&t, "H-PUNCT").len(), 1);
    let t = edited(&[(OVERVIEW, "办公时间9:00-17:00，累计1,234人次。")]);
    assert!(fired(&t, "H-PUNCT").is_empty());
}

#[test]
fn numbering() {
    let skipped = edited(&[
        ("（四）政府信息公开平台建设", "（五）政府信息公开平台建设"),
        ("（五）监督保障", "（六）监督保障"),
    ]);
    let d = fired(&skipped, "H-NUMBERING");
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].message.contains("缺少「（四）」"), "{}", d[0].message);
    let restarted = edited(&[("（五）监督保障", "（一）监督保障")]);
    assert!(fired(&restarted, "H-NUMBERING")[0]
        .message
        .contains("重新开始"));
    let chinese = edited(&[("（一）主动公开", "一、主动公开")]);
    assert!(!fired(&chinese, "H-NUMBERING").is_empty());
}

#[test]
fn text_against_table_two() {
    let said = |s: &str| edited(&[(OVERVIEW, &format!("{OVERVIEW}{s}"))]);
    // 表二: 行政规范性文件 现行有效 16, 行政许可 141, 收费 11.8 万元.
    let d = fired(&said("现行有效的行政规范性文件15件。"), "T2-3");
    assert_eq!(d.len(), 1);
    assert!(d[0].message.contains("15") && d[0].message.contains("16"));
    assert!(fired(&said("现行有效的行政规范性文件16件。"), "T2-3").is_empty());
    assert!(fired(&said("办理行政许可141件。"), "T2-3").is_empty());
    assert_eq!(fired(&said("办理行政许可140件。"), "T2-3").len(), 1);
    assert!(fired(&said("行政事业性收费118000元。"), "T2-3").is_empty());
    assert_eq!(fired(&said("行政事业性收费12万元。"), "T2-3").len(), 1);
    assert!(fired(&said("行政许可300余件。"), "T2-3").is_empty());
}
