//! The three official tables as data: 表二 and 表三 in both editions, 表四 — rows, columns, labels
//! and their known variants (FORMAT.md §3–§5).

use super::ids::{ColumnId as C, RowId as R};
use super::{
    outdated, typo, variant, ColumnDef, ColumnId, FormatVersion, LabelVariant, RowDef, RowId,
    RowKind, TableKey, TableSchema, ValueKind,
};

// ---------------------------------------------------------------- 表二

pub const ART20_1: &str = "第二十条第（一）项";
pub const ART20_5: &str = "第二十条第（五）项";
pub const ART20_6: &str = "第二十条第（六）项";
pub const ART20_8: &str = "第二十条第（八）项";
pub const ART20_9: &str = "第二十条第（九）项";

/// The group headers of 表二, in order.
pub const T2_GROUPS: [&str; 5] = [ART20_1, ART20_5, ART20_6, ART20_8, ART20_9];

const fn col(id: ColumnId, label: &'static str, kind: ValueKind) -> ColumnDef {
    with_variants(id, label, kind, &[])
}

const fn count(id: ColumnId, label: &'static str) -> ColumnDef {
    with_variants(id, label, ValueKind::Count, &[])
}

const fn count_with(
    id: ColumnId,
    label: &'static str,
    variants: &'static [LabelVariant],
) -> ColumnDef {
    with_variants(id, label, ValueKind::Count, variants)
}

const fn with_variants(
    id: ColumnId,
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
    count(C::Issued, "本年制发件数"),
    count_with(C::Repealed, "本年废止件数", &[typo("本年度止件数")]),
    count(C::InForce, "现行有效件数"),
    count(C::Decisions, "本年处理决定数量"),
    with_variants(
        C::FeeAmount,
        "本年收费金额（单位：万元）",
        ValueKind::Amount,
        &[
            variant("本年收费金额（单位：万元，保留4位小数）"),
            variant("本年收费金额"),
        ],
    ),
];

const fn t2_row(
    id: RowId,
    label: &'static str,
    group: &'static str,
    columns: &'static [ColumnId],
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
            R::Rules,
            "规章",
            ART20_1,
            &[C::Issued, C::Repealed, C::InForce],
            &[],
        ),
        t2_row(
            R::NormativeDocuments,
            "行政规范性文件",
            ART20_1,
            &[C::Issued, C::Repealed, C::InForce],
            &[outdated("规范性文件")],
        ),
        t2_row(R::Licensing, "行政许可", ART20_5, &[C::Decisions], &[]),
        t2_row(R::Penalty, "行政处罚", ART20_6, &[C::Decisions], &[]),
        t2_row(R::Enforcement, "行政强制", ART20_6, &[C::Decisions], &[]),
        t2_row(R::Fees, "行政事业性收费", ART20_8, &[C::FeeAmount], &[]),
    ],
};

const T2_2019_COLUMNS: &[ColumnDef] = &[
    count(C::Produced, "本年新制作数量"),
    count(C::Published, "本年新公开数量"),
    count(C::TotalPublic, "对外公开总数量"),
    count(C::PreviousCount, "上一年项目数量"),
    col(C::Change, "本年增/减", ValueKind::SignedCount),
    count(C::Decisions, "处理决定数量"),
    count(C::ProcurementProjects, "采购项目数量"),
    col(C::ProcurementAmount, "采购总金额", ValueKind::Amount),
];

pub static T2_2019: TableSchema = TableSchema {
    key: TableKey::ActiveDisclosure,
    version: FormatVersion::V2019,
    columns: T2_2019_COLUMNS,
    rows: &[
        t2_row(
            R::Rules,
            "规章",
            ART20_1,
            &[C::Produced, C::Published, C::TotalPublic],
            &[],
        ),
        t2_row(
            R::NormativeDocuments,
            "规范性文件",
            ART20_1,
            &[C::Produced, C::Published, C::TotalPublic],
            &[variant("行政规范性文件")],
        ),
        t2_row(
            R::Licensing,
            "行政许可",
            ART20_5,
            &[C::PreviousCount, C::Change, C::Decisions],
            &[],
        ),
        t2_row(
            R::OtherServices,
            "其他对外管理服务事项",
            ART20_5,
            &[C::PreviousCount, C::Change, C::Decisions],
            &[],
        ),
        t2_row(
            R::Penalty,
            "行政处罚",
            ART20_6,
            &[C::PreviousCount, C::Change, C::Decisions],
            &[],
        ),
        t2_row(
            R::Enforcement,
            "行政强制",
            ART20_6,
            &[C::PreviousCount, C::Change, C::Decisions],
            &[],
        ),
        t2_row(
            R::Fees,
            "行政事业性收费",
            ART20_8,
            &[C::PreviousCount, C::Change],
            &[],
        ),
        t2_row(
            R::Procurement,
            "政府集中采购",
            ART20_9,
            &[C::ProcurementProjects, C::ProcurementAmount],
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
    count(C::NaturalPerson, "自然人"),
    count(C::Commercial, "商业企业"),
    count(C::Research, "科研机构"),
    count_with(C::PublicInterest, "社会公益组织", &[outdated("社会组织")]),
    count(C::LegalServices, "法律服务机构"),
    count(C::Other, "其他"),
    count(C::Total, "总计"),
];

/// Ids of the 7 columns of 表三, in order.
pub const T3_COLUMN_IDS: &[ColumnId] = &[
    C::NaturalPerson,
    C::Commercial,
    C::Research,
    C::PublicInterest,
    C::LegalServices,
    C::Other,
    C::Total,
];

/// A row of the format.
const fn row(
    id: RowId,
    label: &'static str,
    kind: RowKind,
    group: Option<&'static str>,
    columns: &'static [ColumnId],
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

const fn t3(id: RowId, label: &'static str) -> RowDef {
    row(id, label, RowKind::Data, None, T3_COLUMN_IDS, &[])
}
const fn t3_group(id: RowId, label: &'static str) -> RowDef {
    row(id, label, RowKind::Group, None, T3_COLUMN_IDS, &[])
}
const fn t3_var(id: RowId, label: &'static str, variants: &'static [LabelVariant]) -> RowDef {
    row(id, label, RowKind::Data, None, T3_COLUMN_IDS, variants)
}

macro_rules! t3_rows {
    ($($other:expr),* $(,)?) => {
        &[
            t3(R::NewRequests, "一、本年新收政府信息公开申请数量"),
            t3(R::CarriedOver, "二、上年结转政府信息公开申请数量"),
            t3_group(R::Results, "三、本年度办理结果"),
            t3(R::Disclosed, "（一）予以公开"),
            t3(R::PartiallyDisclosed, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            t3_group(R::Withheld, "（三）不予公开"),
            t3(R::WithheldStateSecret, "1.属于国家秘密"),
            t3_var(
                R::WithheldProhibitedByLaw,
                "2.其他法律行政法规禁止公开",
                &[typo("2.其他法律行政止公开")],
            ),
            t3(R::WithheldThreeSecurities, "3.危及“三安全一稳定”"),
            t3(R::WithheldThirdParty, "4.保护第三方合法权益"),
            t3(R::WithheldInternalAffairs, "5.属于三类内部事务信息"),
            t3(R::WithheldProcessInfo, "6.属于四类过程性信息"),
            t3(R::WithheldEnforcementFiles, "7.属于行政执法案卷"),
            t3(R::WithheldQueryMatters, "8.属于行政查询事项"),
            t3_group(R::Unavailable, "（四）无法提供"),
            t3(R::UnavailableNotHeld, "1.本机关不掌握相关政府信息"),
            t3(R::UnavailableNeedsCreation, "2.没有现成信息需要另行制作"),
            t3(R::UnavailableUnclear, "3.补正后申请内容仍不明确"),
            t3_group(R::NotProcessed, "（五）不予处理"),
            t3(R::NotProcessedPetition, "1.信访举报投诉类申请"),
            t3(R::NotProcessedRepeated, "2.重复申请"),
            t3(R::NotProcessedPublications, "3.要求提供公开出版物"),
            t3(R::NotProcessedExcessive, "4.无正当理由大量反复申请"),
            t3(R::NotProcessedConfirmation, "5.要求行政机关确认或重新出具已获取信息"),
            $($other,)*
            t3(R::ResultsTotal, "（七）总计"),
            t3(R::CarriedForward, "四、结转下年度继续办理"),
        ]
    };
}

pub static T3_2021: TableSchema = TableSchema {
    key: TableKey::Applications,
    version: FormatVersion::V2021,
    columns: T3_COLUMNS,
    rows: t3_rows![
        t3_group(R::OtherHandling, "（六）其他处理"),
        t3(
            R::OtherNoCorrection,
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        ),
        t3(
            R::OtherUnpaidFee,
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        ),
        t3(R::OtherOther, "3.其他"),
    ],
};

pub static T3_2019: TableSchema = TableSchema {
    key: TableKey::Applications,
    version: FormatVersion::V2019,
    columns: T3_COLUMNS,
    rows: t3_rows![t3(R::OtherHandling, "（六）其他处理")],
};

// ---------------------------------------------------------------- 表四

const fn t4col(id: ColumnId, label: &'static str) -> ColumnDef {
    col(id, label, ValueKind::Count)
}

/// A column group of 表四: 行政复议, 行政诉讼·未经复议直接起诉, 行政诉讼·复议后起诉.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct T4Group {
    /// Its key in report.toml (an array of four), also the subject of its §6 equation.
    pub key: &'static str,
    /// 「行政复议」, 「行政诉讼·未经复议直接起诉」, 「行政诉讼·复议后起诉」.
    pub name: &'static str,
    /// 结果维持, 结果纠正, 其他结果, 尚未审结, 总计 (the last one computed).
    pub columns: [ColumnId; 5],
}

impl T4Group {
    /// The four columns written (总计 aside).
    pub fn parts(&self) -> &[ColumnId] {
        &self.columns[..4]
    }

    /// The group's 结果纠正 (the cases the agency lost).
    pub fn corrected(&self) -> ColumnId {
        self.columns[1]
    }

    /// The group's 总计.
    pub fn total(&self) -> ColumnId {
        self.columns[4]
    }
}

/// The three column groups of 表四, each 结果维持/结果纠正/其他结果/尚未审结/总计.
pub static T4_GROUPS: [T4Group; 3] = [
    T4Group {
        key: "review",
        name: "行政复议",
        columns: [
            C::ReviewUpheld,
            C::ReviewCorrected,
            C::ReviewOther,
            C::ReviewPending,
            C::ReviewTotal,
        ],
    },
    T4Group {
        key: "litigation_direct",
        name: "行政诉讼·未经复议直接起诉",
        columns: [
            C::LitigationDirectUpheld,
            C::LitigationDirectCorrected,
            C::LitigationDirectOther,
            C::LitigationDirectPending,
            C::LitigationDirectTotal,
        ],
    },
    T4Group {
        key: "litigation_after_review",
        name: "行政诉讼·复议后起诉",
        columns: [
            C::LitigationAfterReviewUpheld,
            C::LitigationAfterReviewCorrected,
            C::LitigationAfterReviewOther,
            C::LitigationAfterReviewPending,
            C::LitigationAfterReviewTotal,
        ],
    },
];

/// The group of a 表四 column (「行政复议」, 「行政诉讼·未经复议直接起诉」, 「行政诉讼·复议后起诉」).
pub fn t4_group(column: ColumnId) -> Option<&'static str> {
    T4_GROUPS
        .iter()
        .find(|g| g.columns.contains(&column))
        .map(|g| g.name)
}

pub static T4: TableSchema = TableSchema {
    key: TableKey::ReviewsAndLitigation,
    version: FormatVersion::V2021,
    columns: &[
        t4col(C::ReviewUpheld, "结果维持"),
        t4col(C::ReviewCorrected, "结果纠正"),
        t4col(C::ReviewOther, "其他结果"),
        t4col(C::ReviewPending, "尚未审结"),
        t4col(C::ReviewTotal, "总计"),
        t4col(C::LitigationDirectUpheld, "结果维持"),
        t4col(C::LitigationDirectCorrected, "结果纠正"),
        t4col(C::LitigationDirectOther, "其他结果"),
        t4col(C::LitigationDirectPending, "尚未审结"),
        t4col(C::LitigationDirectTotal, "总计"),
        t4col(C::LitigationAfterReviewUpheld, "结果维持"),
        t4col(C::LitigationAfterReviewCorrected, "结果纠正"),
        t4col(C::LitigationAfterReviewOther, "其他结果"),
        t4col(C::LitigationAfterReviewPending, "尚未审结"),
        t4col(C::LitigationAfterReviewTotal, "总计"),
    ],
    rows: &[RowDef {
        id: R::Cases,
        label: "政府信息公开行政复议、行政诉讼情况",
        kind: RowKind::Data,
        group: None,
        columns: &[
            C::ReviewUpheld,
            C::ReviewCorrected,
            C::ReviewOther,
            C::ReviewPending,
            C::ReviewTotal,
            C::LitigationDirectUpheld,
            C::LitigationDirectCorrected,
            C::LitigationDirectOther,
            C::LitigationDirectPending,
            C::LitigationDirectTotal,
            C::LitigationAfterReviewUpheld,
            C::LitigationAfterReviewCorrected,
            C::LitigationAfterReviewOther,
            C::LitigationAfterReviewPending,
            C::LitigationAfterReviewTotal,
        ],
        variants: &[],
    }],
};
