//! The official format as data: sections, tables, rows, columns and their known label variants.
//!
//! Everything here is transcribed from FORMAT.md (国办公开办函〔2019〕60号 and 〔2021〕30号).
//! Identifiers are English and stable; labels are the exact official Chinese text.

use serde::Serialize;

/// Which edition of the official format a table follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum FormatVersion {
    /// 国办公开办函〔2019〕60号 (report years 2019, 2020).
    #[serde(rename = "2019")]
    V2019,
    /// 国办公开办函〔2021〕30号 (report years 2021 onward).
    #[serde(rename = "2021")]
    V2021,
}

impl FormatVersion {
    /// Every edition, oldest first.
    pub const ALL: [FormatVersion; 2] = [FormatVersion::V2019, FormatVersion::V2021];

    /// 「2019」 or 「2021」: how the edition is written in report.toml, JSON and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            FormatVersion::V2019 => "2019",
            FormatVersion::V2021 => "2021",
        }
    }

    /// The version a report of this year should use.
    pub fn expected_for_year(year: u16) -> FormatVersion {
        if year >= 2021 {
            FormatVersion::V2021
        } else {
            FormatVersion::V2019
        }
    }
}

impl std::fmt::Display for FormatVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for FormatVersion {
    type Err = ();

    /// Exactly 「2019」 or 「2021」.
    fn from_str(s: &str) -> Result<Self, ()> {
        FormatVersion::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or(())
    }
}

/// How a label as written relates to the official one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VariantKind {
    /// Seen in published reports and acceptable, but not the official text.
    Variant,
    /// The label of an older format (e.g. 2019 text in a 2021 table).
    Outdated,
    /// A known mistyping.
    Typo,
}

/// A non-official spelling of a label that readers must accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelVariant {
    pub text: &'static str,
    pub kind: VariantKind,
}

const fn variant(text: &'static str) -> LabelVariant {
    LabelVariant {
        text,
        kind: VariantKind::Variant,
    }
}
const fn outdated(text: &'static str) -> LabelVariant {
    LabelVariant {
        text,
        kind: VariantKind::Outdated,
    }
}
const fn typo(text: &'static str) -> LabelVariant {
    LabelVariant {
        text,
        kind: VariantKind::Typo,
    }
}

/// The six sections of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKey {
    Overview,
    ActiveDisclosure,
    Applications,
    ReviewsAndLitigation,
    Problems,
    Other,
}

/// One official section heading and the headings accepted in its place.
#[derive(Debug, Clone, Copy)]
pub struct SectionDef {
    pub key: SectionKey,
    /// 1..=6, as in 「一、」…「六、」.
    pub number: u8,
    /// The official 2021 heading without its ordinal, e.g. 「总体情况」.
    pub title: &'static str,
    /// Headings of other editions or seen in published reports.
    pub variants: &'static [LabelVariant],
}

impl SectionDef {
    /// The full official heading, e.g. 「一、总体情况」.
    pub fn heading(&self) -> String {
        format!(
            "{}、{}",
            CHINESE_NUMERALS[usize::from(self.number) - 1],
            self.title
        )
    }
}

/// 一 … 十, for ordinals.
pub const CHINESE_NUMERALS: [&str; 10] =
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

pub const SECTIONS: [SectionDef; 6] = [
    SectionDef {
        key: SectionKey::Overview,
        number: 1,
        title: "总体情况",
        variants: &[outdated("概述")],
    },
    SectionDef {
        key: SectionKey::ActiveDisclosure,
        number: 2,
        title: "主动公开政府信息情况",
        variants: &[],
    },
    SectionDef {
        key: SectionKey::Applications,
        number: 3,
        title: "收到和处理政府信息公开申请情况",
        variants: &[],
    },
    SectionDef {
        key: SectionKey::ReviewsAndLitigation,
        number: 4,
        title: "政府信息公开行政复议、行政诉讼情况",
        variants: &[
            variant("政府信息公开行政复议和行政诉讼情况"),
            variant("政府信息公开行政复议与行政诉讼情况"),
            variant("因政府信息公开工作被申请行政复议和提起行政诉讼情况"),
            variant("政府信息公开行政复议及行政诉讼情况"),
        ],
    },
    SectionDef {
        key: SectionKey::Problems,
        number: 5,
        title: "存在的主要问题及改进情况",
        variants: &[
            outdated("政府信息公开工作存在的主要问题及改进情况"),
            variant("存在问题及改进情况"),
            variant("存在的主要问题及改进措施"),
        ],
    },
    SectionDef {
        key: SectionKey::Other,
        number: 6,
        title: "其他需要报告的事项",
        variants: &[variant("其他事项"), variant("其它需要报告的事项")],
    },
];

/// The definition of a section by key.
pub fn section(key: SectionKey) -> &'static SectionDef {
    SECTIONS
        .iter()
        .find(|s| s.key == key)
        .expect("every key has a definition")
}

/// The three statistical tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKey {
    /// 表二 主动公开政府信息情况.
    ActiveDisclosure,
    /// 表三 收到和处理政府信息公开申请情况.
    Applications,
    /// 表四 政府信息公开行政复议、行政诉讼情况.
    ReviewsAndLitigation,
}

impl TableKey {
    pub const ALL: [TableKey; 3] = [
        TableKey::ActiveDisclosure,
        TableKey::Applications,
        TableKey::ReviewsAndLitigation,
    ];

    /// 「表二」, 「表三」, 「表四」.
    pub fn name(self) -> &'static str {
        match self {
            TableKey::ActiveDisclosure => "表二",
            TableKey::Applications => "表三",
            TableKey::ReviewsAndLitigation => "表四",
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    /// A whole number ≥ 0 (件).
    Count,
    /// A whole number that may be negative or worded (「减4」), 2019 「本年增/减」.
    SignedCount,
    /// A decimal ≥ 0 (万元, 采购总金额).
    Amount,
}

/// A column of an official table.
#[derive(Debug, Clone, Copy)]
pub struct ColumnDef {
    pub id: &'static str,
    pub label: &'static str,
    pub kind: ValueKind,
    pub variants: &'static [LabelVariant],
}

/// Whether a row holds data or only groups others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Must be present with a value in every column.
    Data,
    /// A group label (「三、本年度办理结果」, 「（三）不予公开」); values on it are an optional subtotal.
    Group,
}

/// A row of an official table.
#[derive(Debug, Clone, Copy)]
pub struct RowDef {
    pub id: &'static str,
    /// The official label including its ordinal, e.g. 「1.属于国家秘密」.
    pub label: &'static str,
    pub kind: RowKind,
    /// The group header in 表二 (「第二十条第（一）项」) the row belongs to.
    pub group: Option<&'static str>,
    /// Ids of the columns this row has, in order.
    pub columns: &'static [&'static str],
    pub variants: &'static [LabelVariant],
}

/// One edition of one official table.
#[derive(Debug, Clone, Copy)]
pub struct TableSchema {
    pub key: TableKey,
    pub version: FormatVersion,
    pub columns: &'static [ColumnDef],
    pub rows: &'static [RowDef],
}

impl TableSchema {
    pub fn column(&self, id: &str) -> Option<&'static ColumnDef> {
        self.columns.iter().find(|c| c.id == id)
    }

    pub fn row(&self, id: &str) -> Option<&'static RowDef> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// 表三's result rows, （一） to （六）, whose sum is 「（七）总计」 (data rows only).
    pub fn result_rows(&self) -> impl Iterator<Item = &'static RowDef> {
        let rows: &'static [RowDef] = self.rows;
        let start = rows
            .iter()
            .position(|r| r.id == "disclosed")
            .unwrap_or(rows.len());
        let end = rows
            .iter()
            .position(|r| r.id == "results_total")
            .unwrap_or(rows.len())
            .max(start);
        rows[start..end].iter().filter(|r| r.kind == RowKind::Data)
    }

    /// Number of cells a complete table has (data rows only).
    pub fn data_cell_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.kind == RowKind::Data)
            .map(|r| r.columns.len())
            .sum()
    }
}

/// The schema of `key` in `version`.
pub fn table_schema(key: TableKey, version: FormatVersion) -> &'static TableSchema {
    match (key, version) {
        (TableKey::ActiveDisclosure, FormatVersion::V2021) => &T2_2021,
        (TableKey::ActiveDisclosure, FormatVersion::V2019) => &T2_2019,
        (TableKey::Applications, FormatVersion::V2021) => &T3_2021,
        (TableKey::Applications, FormatVersion::V2019) => &T3_2019,
        (TableKey::ReviewsAndLitigation, _) => &T4,
    }
}

// ---------------------------------------------------------------- 表二

pub const ART20_1: &str = "第二十条第（一）项";
pub const ART20_5: &str = "第二十条第（五）项";
pub const ART20_6: &str = "第二十条第（六）项";
pub const ART20_8: &str = "第二十条第（八）项";
pub const ART20_9: &str = "第二十条第（九）项";

/// The group headers of 表二, in order.
pub const T2_GROUPS: [&str; 5] = [ART20_1, ART20_5, ART20_6, ART20_8, ART20_9];

const fn col(id: &'static str, label: &'static str, kind: ValueKind) -> ColumnDef {
    ColumnDef {
        id,
        label,
        kind,
        variants: &[],
    }
}

const T2_2021_COLUMNS: &[ColumnDef] = &[
    col("issued", "本年制发件数", ValueKind::Count),
    ColumnDef {
        id: "repealed",
        label: "本年废止件数",
        kind: ValueKind::Count,
        variants: &[typo("本年度止件数")],
    },
    col("in_force", "现行有效件数", ValueKind::Count),
    col("decisions", "本年处理决定数量", ValueKind::Count),
    ColumnDef {
        id: "fee_amount",
        label: "本年收费金额（单位：万元）",
        kind: ValueKind::Amount,
        variants: &[
            variant("本年收费金额（单位：万元，保留4位小数）"),
            variant("本年收费金额"),
        ],
    },
];

const fn t2_row(
    id: &'static str,
    label: &'static str,
    group: &'static str,
    columns: &'static [&'static str],
    variants: &'static [LabelVariant],
) -> RowDef {
    RowDef {
        id,
        label,
        kind: RowKind::Data,
        group: Some(group),
        columns,
        variants,
    }
}

pub static T2_2021: TableSchema = TableSchema {
    key: TableKey::ActiveDisclosure,
    version: FormatVersion::V2021,
    columns: T2_2021_COLUMNS,
    rows: &[
        t2_row(
            "rules",
            "规章",
            ART20_1,
            &["issued", "repealed", "in_force"],
            &[],
        ),
        t2_row(
            "normative_documents",
            "行政规范性文件",
            ART20_1,
            &["issued", "repealed", "in_force"],
            &[outdated("规范性文件")],
        ),
        t2_row("licensing", "行政许可", ART20_5, &["decisions"], &[]),
        t2_row("penalty", "行政处罚", ART20_6, &["decisions"], &[]),
        t2_row("enforcement", "行政强制", ART20_6, &["decisions"], &[]),
        t2_row("fees", "行政事业性收费", ART20_8, &["fee_amount"], &[]),
    ],
};

const T2_2019_COLUMNS: &[ColumnDef] = &[
    col("produced", "本年新制作数量", ValueKind::Count),
    col("published", "本年新公开数量", ValueKind::Count),
    col("total_public", "对外公开总数量", ValueKind::Count),
    col("previous_count", "上一年项目数量", ValueKind::Count),
    col("change", "本年增/减", ValueKind::SignedCount),
    col("decisions", "处理决定数量", ValueKind::Count),
    col("procurement_projects", "采购项目数量", ValueKind::Count),
    col("procurement_amount", "采购总金额", ValueKind::Amount),
];

pub static T2_2019: TableSchema = TableSchema {
    key: TableKey::ActiveDisclosure,
    version: FormatVersion::V2019,
    columns: T2_2019_COLUMNS,
    rows: &[
        t2_row(
            "rules",
            "规章",
            ART20_1,
            &["produced", "published", "total_public"],
            &[],
        ),
        t2_row(
            "normative_documents",
            "规范性文件",
            ART20_1,
            &["produced", "published", "total_public"],
            &[variant("行政规范性文件")],
        ),
        t2_row(
            "licensing",
            "行政许可",
            ART20_5,
            &["previous_count", "change", "decisions"],
            &[],
        ),
        t2_row(
            "other_services",
            "其他对外管理服务事项",
            ART20_5,
            &["previous_count", "change", "decisions"],
            &[],
        ),
        t2_row(
            "penalty",
            "行政处罚",
            ART20_6,
            &["previous_count", "change", "decisions"],
            &[],
        ),
        t2_row(
            "enforcement",
            "行政强制",
            ART20_6,
            &["previous_count", "change", "decisions"],
            &[],
        ),
        t2_row(
            "fees",
            "行政事业性收费",
            ART20_8,
            &["previous_count", "change"],
            &[],
        ),
        t2_row(
            "procurement",
            "政府集中采购",
            ART20_9,
            &["procurement_projects", "procurement_amount"],
            &[],
        ),
    ],
};

// ---------------------------------------------------------------- 表三

/// The header over 表三's seven value columns.
pub const T3_APPLICANTS_HEADER: &str = "申请人情况";
/// The header over 表三's five organisation columns (商业企业 … 其他).
pub const T3_LEGAL_PERSONS_HEADER: &str = "法人或其他组织";
/// The header over 表二's row labels.
pub const T2_CONTENT_HEADER: &str = "信息内容";

/// The official note in the top-left cell of 表三.
pub const T3_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

const T3_COLUMNS: &[ColumnDef] = &[
    col("natural_person", "自然人", ValueKind::Count),
    col("commercial", "商业企业", ValueKind::Count),
    col("research", "科研机构", ValueKind::Count),
    ColumnDef {
        id: "public_interest",
        label: "社会公益组织",
        kind: ValueKind::Count,
        variants: &[outdated("社会组织")],
    },
    col("legal_services", "法律服务机构", ValueKind::Count),
    col("other", "其他", ValueKind::Count),
    col("total", "总计", ValueKind::Count),
];

/// Ids of the 7 columns of 表三, in order.
pub const T3_COLUMN_IDS: &[&str] = &[
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_services",
    "other",
    "total",
];

const fn t3(id: &'static str, label: &'static str) -> RowDef {
    RowDef {
        id,
        label,
        kind: RowKind::Data,
        group: None,
        columns: T3_COLUMN_IDS,
        variants: &[],
    }
}
const fn t3_group(id: &'static str, label: &'static str) -> RowDef {
    RowDef {
        id,
        label,
        kind: RowKind::Group,
        group: None,
        columns: T3_COLUMN_IDS,
        variants: &[],
    }
}
const fn t3_var(
    id: &'static str,
    label: &'static str,
    variants: &'static [LabelVariant],
) -> RowDef {
    RowDef {
        id,
        label,
        kind: RowKind::Data,
        group: None,
        columns: T3_COLUMN_IDS,
        variants,
    }
}

macro_rules! t3_rows {
    ($($other:expr),* $(,)?) => {
        &[
            t3("new_requests", "一、本年新收政府信息公开申请数量"),
            t3("carried_over", "二、上年结转政府信息公开申请数量"),
            t3_group("results", "三、本年度办理结果"),
            t3("disclosed", "（一）予以公开"),
            t3("partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            t3_group("withheld", "（三）不予公开"),
            t3("withheld_state_secret", "1.属于国家秘密"),
            t3_var(
                "withheld_prohibited_by_law",
                "2.其他法律行政法规禁止公开",
                &[typo("2.其他法律行政止公开")],
            ),
            t3("withheld_three_securities", "3.危及“三安全一稳定”"),
            t3("withheld_third_party", "4.保护第三方合法权益"),
            t3("withheld_internal_affairs", "5.属于三类内部事务信息"),
            t3("withheld_process_info", "6.属于四类过程性信息"),
            t3("withheld_enforcement_files", "7.属于行政执法案卷"),
            t3("withheld_query_matters", "8.属于行政查询事项"),
            t3_group("unavailable", "（四）无法提供"),
            t3("unavailable_not_held", "1.本机关不掌握相关政府信息"),
            t3("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
            t3("unavailable_unclear", "3.补正后申请内容仍不明确"),
            t3_group("not_processed", "（五）不予处理"),
            t3("not_processed_petition", "1.信访举报投诉类申请"),
            t3("not_processed_repeated", "2.重复申请"),
            t3("not_processed_publications", "3.要求提供公开出版物"),
            t3("not_processed_excessive", "4.无正当理由大量反复申请"),
            t3("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息"),
            $($other,)*
            t3("results_total", "（七）总计"),
            t3("carried_forward", "四、结转下年度继续办理"),
        ]
    };
}

pub static T3_2021: TableSchema = TableSchema {
    key: TableKey::Applications,
    version: FormatVersion::V2021,
    columns: T3_COLUMNS,
    rows: t3_rows![
        t3_group("other_handling", "（六）其他处理"),
        t3(
            "other_no_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        ),
        t3(
            "other_unpaid_fee",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        ),
        t3("other_other", "3.其他"),
    ],
};

pub static T3_2019: TableSchema = TableSchema {
    key: TableKey::Applications,
    version: FormatVersion::V2019,
    columns: T3_COLUMNS,
    rows: t3_rows![t3("other_handling", "（六）其他处理")],
};

// ---------------------------------------------------------------- 表四

const fn t4col(id: &'static str, label: &'static str) -> ColumnDef {
    col(id, label, ValueKind::Count)
}

/// The three column groups of 表四, each 结果维持/结果纠正/其他结果/尚未审结/总计.
pub const T4_GROUPS: [(&str, &str); 3] = [
    ("review", "行政复议"),
    ("litigation_direct", "行政诉讼·未经复议直接起诉"),
    ("litigation_after_review", "行政诉讼·复议后起诉"),
];

/// The group of a 表四 column (「行政复议」, 「行政诉讼·未经复议直接起诉」, 「行政诉讼·复议后起诉」).
pub fn t4_group(column: &str) -> Option<&'static str> {
    T4_GROUPS
        .iter()
        .filter(|(prefix, _)| column.starts_with(prefix))
        .max_by_key(|(p, _)| p.len())
        .map(|&(_, name)| name)
}

pub static T4: TableSchema = TableSchema {
    key: TableKey::ReviewsAndLitigation,
    version: FormatVersion::V2021,
    columns: &[
        t4col("review_upheld", "结果维持"),
        t4col("review_corrected", "结果纠正"),
        t4col("review_other", "其他结果"),
        t4col("review_pending", "尚未审结"),
        t4col("review_total", "总计"),
        t4col("litigation_direct_upheld", "结果维持"),
        t4col("litigation_direct_corrected", "结果纠正"),
        t4col("litigation_direct_other", "其他结果"),
        t4col("litigation_direct_pending", "尚未审结"),
        t4col("litigation_direct_total", "总计"),
        t4col("litigation_after_review_upheld", "结果维持"),
        t4col("litigation_after_review_corrected", "结果纠正"),
        t4col("litigation_after_review_other", "其他结果"),
        t4col("litigation_after_review_pending", "尚未审结"),
        t4col("litigation_after_review_total", "总计"),
    ],
    rows: &[RowDef {
        id: "cases",
        label: "政府信息公开行政复议、行政诉讼情况",
        kind: RowKind::Data,
        group: None,
        columns: &[
            "review_upheld",
            "review_corrected",
            "review_other",
            "review_pending",
            "review_total",
            "litigation_direct_upheld",
            "litigation_direct_corrected",
            "litigation_direct_other",
            "litigation_direct_pending",
            "litigation_direct_total",
            "litigation_after_review_upheld",
            "litigation_after_review_corrected",
            "litigation_after_review_other",
            "litigation_after_review_pending",
            "litigation_after_review_total",
        ],
        variants: &[],
    }],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_2021_report_has_200_cells() {
        let total: usize = TableKey::ALL
            .iter()
            .map(|&k| table_schema(k, FormatVersion::V2021).data_cell_count())
            .sum();
        assert_eq!(total, 200);
        assert_eq!(
            T3_2021
                .rows
                .iter()
                .filter(|r| r.kind == RowKind::Data)
                .count(),
            25
        );
        assert_eq!(
            T3_2019
                .rows
                .iter()
                .filter(|r| r.kind == RowKind::Data)
                .count(),
            23
        );
    }

    #[test]
    fn every_row_column_exists() {
        for key in TableKey::ALL {
            for v in [FormatVersion::V2019, FormatVersion::V2021] {
                let s = table_schema(key, v);
                for r in s.rows {
                    for c in r.columns {
                        assert!(s.column(c).is_some(), "{} {c}", r.id);
                    }
                }
            }
        }
    }

    #[test]
    fn section_headings_are_official() {
        assert_eq!(
            section(SectionKey::ReviewsAndLitigation).heading(),
            "四、政府信息公开行政复议、行政诉讼情况"
        );
    }
}
