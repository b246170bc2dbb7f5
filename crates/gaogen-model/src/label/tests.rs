//! Label normalisation and matching.

use super::*;

#[test]
fn normalizes_width_space_and_punctuation() {
    assert_eq!(normalize("（一） 予以公开"), "(一)予以公开");
    assert_eq!(normalize("三、 本年 度办 理结 果 |"), "三、本年度办理结果");
    assert_eq!(normalize("1、其他"), "1.其他");
    assert_eq!(
        normalize("**六、其他需要报告的事项**"),
        "六、其他需要报告的事项"
    );
    assert_eq!(normalize("結轉下年度續辦理"), "结转下年度續办理");
    assert_eq!(normalize("其它需要报告的事项"), "其他需要报告的事项");
}

#[test]
fn splits_ordinals() {
    assert_eq!(
        split_ordinal("(三)不予公开"),
        (Some(Ordinal::ChineseParen(3)), "不予公开")
    );
    assert_eq!(
        split_ordinal("四、结转下年度继续办理"),
        (Some(Ordinal::ChineseComma(4)), "结转下年度继续办理")
    );
    assert_eq!(
        split_ordinal("8.属于行政查询事项"),
        (Some(Ordinal::Arabic(8)), "属于行政查询事项")
    );
    assert_eq!(split_ordinal("规章"), (None, "规章"));
}

#[test]
fn matches_real_variants() {
    let exact = match_label("(一) 予以公开", "（一）予以公开", &[]);
    assert_eq!(exact, Some(MatchQuality::Exact));
    let prefix = match_label(
        "5.要求行政机关确认或重新出",
        "5.要求行政机关确认或重新出具已获取信息",
        &[],
    );
    assert!(matches!(prefix, Some(MatchQuality::Prefix { .. })));
    let typo = match_label("2.其他法律行政止公开", "2.其他法律行政法规禁止公开", &[]);
    assert!(matches!(typo, Some(MatchQuality::Fuzzy { .. })), "{typo:?}");
    assert_eq!(match_label("他处理", "（六）其他处理", &[]), None);
    assert_eq!(
        match_label("其他", "3.其他", &[]),
        Some(MatchQuality::Exact)
    );
    assert_eq!(match_label("予公开", "（三）不予公开", &[]), None);
}
