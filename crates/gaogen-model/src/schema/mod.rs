//! The official format as data: sections, tables, rows, columns and their known label variants.
//!
//! Everything here is transcribed from FORMAT.md (国办公开办函〔2019〕60号 and 〔2021〕30号).
//! Identifiers are English and stable; labels are the exact official Chinese text.

use serde::Serialize;

mod headers;
mod ids;
pub mod sums;
mod tables;

pub use headers::{header_cells, header_grid, HeaderCell, T3_HEADER, T4_HEADER};
pub use ids::{ColumnId, RowId};
pub use tables::*;

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

pub(super) const fn variant(text: &'static str) -> LabelVariant {
    LabelVariant {
        text,
        kind: VariantKind::Variant,
    }
}
pub(super) const fn outdated(text: &'static str) -> LabelVariant {
    LabelVariant {
        text,
        kind: VariantKind::Outdated,
    }
}
pub(super) const fn typo(text: &'static str) -> LabelVariant {
    LabelVariant {
        text,
        kind: VariantKind::Typo,
    }
}

/// The six sections of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SectionKey {
    Overview,
    ActiveDisclosure,
    Applications,
    ReviewsAndLitigation,
    Problems,
    Other,
}

impl SectionKey {
    /// The key as written in JSON and report.toml's `[text]`, e.g. `active_disclosure`.
    pub const fn key(self) -> &'static str {
        match self {
            SectionKey::Overview => "overview",
            SectionKey::ActiveDisclosure => "active_disclosure",
            SectionKey::Applications => "applications",
            SectionKey::ReviewsAndLitigation => "reviews_and_litigation",
            SectionKey::Problems => "problems",
            SectionKey::Other => "other",
        }
    }
}

/// `SectionKey` and `TableKey` serialize as their `key()`: the one spelling of each key.
macro_rules! serialize_as_key {
    ($($name:ident),*) => {$(
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.key())
            }
        }
    )*};
}
serialize_as_key!(SectionKey, TableKey);

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
/// Words that open a web page's metadata line (「发布时间: …」, 「来源: …」): written by the site, not
/// the agency; never a title or an agency, left alone by the text rules.
pub const PAGE_METADATA_WORDS: &[&str] = &[
    "发布时间",
    "发布日期",
    "发文日期",
    "成文日期",
    "发布机构",
    "发布单位",
    "来源",
    "信息来源",
    "索引号",
    "浏览次数",
];

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

    /// The key as written in JSON and as report.toml's table, e.g. `reviews_and_litigation`.
    pub const fn key(self) -> &'static str {
        match self {
            TableKey::ActiveDisclosure => "active_disclosure",
            TableKey::Applications => "applications",
            TableKey::ReviewsAndLitigation => "reviews_and_litigation",
        }
    }

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
    pub id: ColumnId,
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
    pub id: RowId,
    /// The official label including its ordinal, e.g. 「1.属于国家秘密」.
    pub label: &'static str,
    pub kind: RowKind,
    /// The group header in 表二 (「第二十条第（一）项」) the row belongs to.
    pub group: Option<&'static str>,
    /// Ids of the columns this row has, in order.
    pub columns: &'static [ColumnId],
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
    pub fn column(&self, id: ColumnId) -> Option<&'static ColumnDef> {
        self.columns.iter().find(|c| c.id == id)
    }

    pub fn row(&self, id: RowId) -> Option<&'static RowDef> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// 表三's result rows, （一） to （六）, whose sum is 「（七）总计」 (data rows only).
    pub fn result_rows(&self) -> impl Iterator<Item = &'static RowDef> {
        let rows: &'static [RowDef] = self.rows;
        let start = rows
            .iter()
            .position(|r| r.id == RowId::Disclosed)
            .unwrap_or(rows.len());
        let end = rows
            .iter()
            .position(|r| r.id == RowId::ResultsTotal)
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
                        assert!(s.column(*c).is_some(), "{} {c}", r.id);
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
