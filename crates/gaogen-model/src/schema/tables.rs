//! The three official tables as data: 表二 and 表三 in both editions, 表四 — rows, columns, labels
//! and their known variants (FORMAT.md §3–§5).

use super::{
    outdated, typo, variant, ColumnDef, FormatVersion, LabelVariant, RowDef, RowKind, TableKey,
    TableSchema, ValueKind,
};

// ---------------------------------------------------------------- 表二

pub const ART20_1: &str = "第二十条第（一）项";
pub const ART20_5: &str = "第二十条第（五）项";
pub const ART20_6: &str = "第二十条第（六）项";
pub const ART20_8: &str = "第二十条第（八）项";
pub const ART20_9: &str = "第二十条第（九）项";

/// The group headers of 表二, in order.
pub const T2_GROUPS: [&str; 5] = [ART20_1, ART20_5, ART20_6, ART20_8, ART20_9];

const fn col(id: &'static str, label: &'static str, kind: ValueKind) -> ColumnDef {
    with_variants(id, label, kind, &[])
}

const fn count(id: &'static str, label: &'static str) -> ColumnDef {
    with_variants(id, label, ValueKind::Count, &[])
}

const fn count_with(
    id: &'static str,
    label: &'static str,
    variants: &'static [LabelVariant],
) -> ColumnDef {
    with_variants(id, label, ValueKind::Count, variants)
}

const fn with_variants(
    id: &'static str,
    label: &'static str,
    kind: ValueKind,
    variants: &'static [LabelVariant],
) -> ColumnDef {
    ColumnDef {
        id,
        label,
        kind,
        variants,
    }
}

const T2_2021_COLUMNS: &[ColumnDef] = &[
    count("issued", "本年制发件数"),
    count_with("repealed", "本年废止件数", &[typo("本年度止件数")]),
    count("in_force", "现行有效件数"),
    count("decisions", "本年处理决定数量"),
    with_variants(
        "fee_amount",
        "本年收费金额（单位：万元）",
        ValueKind::Amount,
        &[
            variant("本年收费金额（单位：万元，保留4位小数）"),
            variant("本年收费金额"),
        ],
    ),
];

const fn t2_row(
    id: &'static str,
    label: &'static str,
    group: &'static str,
    columns: &'static [&'static str],
    variants: &'static [LabelVariant],
) -> RowDef {
    row(id, label, RowKind::Data, Some(group), columns, variants)
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
    count("produced", "本年新制作数量"),
    count("published", "本年新公开数量"),
    count("total_public", "对外公开总数量"),
    count("previous_count", "上一年项目数量"),
    col("change", "本年增/减", ValueKind::SignedCount),
    count("decisions", "处理决定数量"),
    count("procurement_projects", "采购项目数量"),
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
    count("natural_person", "自然人"),
    count("commercial", "商业企业"),
    count("research", "科研机构"),
    count_with("public_interest", "社会公益组织", &[outdated("社会组织")]),
    count("legal_services", "法律服务机构"),
    count("other", "其他"),
    count("total", "总计"),
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

/// A row of the format.
const fn row(
    id: &'static str,
    label: &'static str,
    kind: RowKind,
    group: Option<&'static str>,
    columns: &'static [&'static str],
    variants: &'static [LabelVariant],
) -> RowDef {
    RowDef {
        id,
        label,
        kind,
        group,
        columns,
        variants,
    }
}

const fn t3(id: &'static str, label: &'static str) -> RowDef {
    row(id, label, RowKind::Data, None, T3_COLUMN_IDS, &[])
}
const fn t3_group(id: &'static str, label: &'static str) -> RowDef {
    row(id, label, RowKind::Group, None, T3_COLUMN_IDS, &[])
}
const fn t3_var(
    id: &'static str,
    label: &'static str,
    variants: &'static [LabelVariant],
) -> RowDef {
    row(id, label, RowKind::Data, None, T3_COLUMN_IDS, variants)
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
