//! Label matching: which official row or column a text cell names, and the anchors that say
//! which table the cells belong to.

use super::raw::{HeaderSeen, RowKey};
use super::stream::Reader;
use crate::lines::Token;
use gaogen_model::label::{normalize, LabelSet, MatchQuality};
use gaogen_model::schema::{T2_2019, T2_2021, T3_2019, T3_2021, T4};
use gaogen_model::{ColumnId, FormatVersion, Located, RowId, Span, TableKey};
use memchr::memmem::Finder;
use std::sync::{LazyLock, OnceLock};

pub(super) struct Labels {
    pub rows: LabelSet<RowKey>,
    /// The rows of each table edition, to grade a label against the edition decided.
    pub rows_by_version: LabelSet<(TableKey, FormatVersion, RowId)>,
    pub t2_columns: LabelSet<(ColumnId, Option<FormatVersion>)>,
    pub t3_columns: LabelSet<ColumnId>,
}

pub(super) fn labels() -> &'static Labels {
    static LABELS: OnceLock<Labels> = OnceLock::new();
    LABELS.get_or_init(|| {
        let rows = [&T2_2021, &T2_2019, &T3_2021, &T3_2019, &T4]
            .into_iter()
            .flat_map(|s| {
                s.rows
                    .iter()
                    .map(move |r| ((s.key, r.id), r.label, r.variants))
            })
            .filter(|((k, _), _, _)| *k != TableKey::ReviewsAndLitigation);
        let t2_columns = [&T2_2021, &T2_2019].into_iter().flat_map(|s| {
            s.columns
                .iter()
                .map(move |c| ((c.id, Some(s.version)), c.label, c.variants))
        });
        let rows_by_version = [&T2_2021, &T2_2019, &T3_2021, &T3_2019, &T4]
            .into_iter()
            .flat_map(|s| {
                s.rows
                    .iter()
                    .map(move |r| ((s.key, s.version, r.id), r.label, r.variants))
            });
        Labels {
            rows: LabelSet::new(rows),
            rows_by_version: LabelSet::new(rows_by_version),
            t2_columns: LabelSet::new(t2_columns),
            t3_columns: LabelSet::new(T3_2021.columns.iter().map(|c| (c.id, c.label, c.variants))),
        }
    })
}

/// Longer than any official label with room for spaces and markup (the longest, 表三 （六）2,
/// is 38 characters).
const LONGEST_LABEL_BYTES: usize = 240;

/// Header texts that belong to a table but name no row or column of its own.
const KNOWN_HEADER_TEXT: &[&str] = &[
    "信息内容",
    "法人或其他组织",
    "申请人情况",
    "行政复议",
    "行政诉讼",
    "未经复议直接起诉",
    "复议后起诉",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
];

/// 「第二十条」 (表二's group headings) and 「勾稽关系」 (表三's note), looked for in every text cell
/// of a table: searchers made once.
static ARTICLE_20: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("第二十条"));
static BALANCE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("勾稽关系"));

/// Whether the text (or one of its space-separated parts) names an official row.
pub(super) fn names_a_row(text: &str) -> bool {
    let labels = labels();
    labels.rows.best(&normalize(text)).is_some()
        || text
            .split(' ')
            .any(|p| !p.is_empty() && labels.rows.best(&normalize(p)).is_some())
}

impl Reader {
    /// Handles a text cell; returns whether it was table content.
    pub fn text(&mut self, token: &Token<'_>, span: Span, grid: Option<(usize, usize)>) -> bool {
        // No label is this long: a long cell is prose, not worth matching.
        if token.text.len() > LONGEST_LABEL_BYTES {
            return false;
        }
        if self.current == Some(TableKey::ReviewsAndLitigation) {
            self.t4_text_seen();
        }
        let n = normalize(token.text);
        if n.chars().count() < 2 {
            return !n.is_empty() && self.current.is_some();
        }
        let located = || Located {
            value: token.text.trim().to_string(),
            span,
        };
        // Anchors that name a table.
        if ARTICLE_20.find(n.as_bytes()).is_some() {
            // Between 表二's labels and their values (pdfminer writes 「第二十条第（五）项」 there)
            // the group heading keeps the labels waiting.
            let keep = self.current == Some(TableKey::ActiveDisclosure) && self.block.is_empty();
            self.resolve_block();
            if !keep {
                self.waiting.clear();
            }
            self.switch_to(TableKey::ActiveDisclosure);
            self.open = None;
            self.table(TableKey::ActiveDisclosure).touch(span);
            if n.contains("(九)") {
                self.table(TableKey::ActiveDisclosure)
                    .evidence
                    .add(FormatVersion::V2019);
            }
            return true;
        }
        if BALANCE.find(n.as_bytes()).is_some() || n == "申请人情况" {
            self.switch_to(TableKey::Applications);
            self.table(TableKey::Applications).touch(span);
            return true;
        }
        if matches!(
            &*n,
            "行政复议" | "行政诉讼" | "未经复议直接起诉" | "复议后起诉"
        ) && self.current != Some(TableKey::ReviewsAndLitigation)
        {
            self.switch_to(TableKey::ReviewsAndLitigation);
            self.table(TableKey::ReviewsAndLitigation).touch(span);
            return true;
        }
        let labels = labels();
        // Column headers.
        if matches!(self.current, None | Some(TableKey::ActiveDisclosure)) {
            if let Some(((column, version), quality)) = labels.t2_columns.best(&n) {
                if !matches!(quality, MatchQuality::Prefix { .. }) || n.chars().count() >= 6 {
                    self.switch_to(TableKey::ActiveDisclosure);
                    let t = self.table(TableKey::ActiveDisclosure);
                    t.touch(span);
                    if quality == MatchQuality::Exact {
                        if let Some(v) = version.filter(|_| !is_shared_t2_column(column)) {
                            t.evidence.add(v);
                        }
                    }
                    t.headers.push(HeaderSeen {
                        column,
                        written: located(),
                        quality,
                        grid,
                    });
                    self.open = None;
                    return true;
                }
            }
        }
        if self.current == Some(TableKey::Applications) {
            if let Some((column, quality)) = labels.t3_columns.best(&n) {
                if !self.tables.applications.data_started {
                    self.in_t3_headers = true;
                    let t = self.table(TableKey::Applications);
                    t.headers.push(HeaderSeen {
                        column,
                        written: located(),
                        quality,
                        grid,
                    });
                    return true;
                }
                // Headers after the row labels (column-by-column text): 「总计」 and 「其他」
                // standing alone are headers only among other headers.
                let lone = matches!(&*n, "总计" | "其他");
                if (lone && self.in_t3_headers) || (!lone && labels.rows.best(&n).is_none()) {
                    self.in_t3_headers = true;
                    return true;
                }
            }
        }
        if KNOWN_HEADER_TEXT.contains(&&*n)
            && !(n == "总计"
                && self.tables.applications.data_started
                && self.current == Some(TableKey::Applications))
        {
            return self.current.is_some();
        }
        // Row labels: of the current table first, of another table only on an exact match.
        if self.current != Some(TableKey::ReviewsAndLitigation) || n.starts_with("一、") {
            if let Some((key, quality)) = labels.rows.best(&n) {
                let same_table = self.current.is_none_or(|c| c == key.0);
                if same_table
                    || matches!(quality, MatchQuality::Exact | MatchQuality::Variant { .. })
                {
                    self.open_row(key, located());
                    return true;
                }
            }
        }
        // 「（四）无法提供 1.本机关不掌握相关政府信息」: two labels in one cell, tried one by one.
        let parts: Vec<&str> = token.text.split(' ').filter(|p| !p.is_empty()).collect();
        if parts.len() > 1 && self.current == Some(TableKey::Applications) {
            let mut used = false;
            for part in parts {
                used |= self.text(
                    &Token {
                        text: part,
                        start: token.start,
                        end: token.end,
                    },
                    span,
                    None,
                );
            }
            return used;
        }
        match self.current {
            Some(key) if n.chars().count() < 40 && !n.ends_with('。') => {
                if !self.drop_unread {
                    self.table(key).unread.push(located());
                }
                true
            }
            _ => false,
        }
    }
}

/// 表二 columns named alike in both editions tell nothing about the version.
fn is_shared_t2_column(column: ColumnId) -> bool {
    T2_2019.column(column).is_some() && T2_2021.column(column).is_some()
}

#[cfg(test)]
mod tests {
    use super::super::read_text;
    use gaogen_model::{ColumnId, RowId};
    use gaogen_model::{FindingKind, FormatVersion, TableKey};

    #[test]
    fn anchors_and_column_headers_name_the_table() {
        let read = read_text(
            "第二十条第（一）项\n信息内容  本年制发件数  本年废止件数  现行有效件数\n规章  1  0  5\n",
            None,
        );
        let t2 = &read.tables.active_disclosure;
        assert!(t2.found);
        assert_eq!(
            t2.cell(RowId::Rules, ColumnId::InForce)
                .unwrap()
                .value
                .as_count(),
            Some(5)
        );
    }

    #[test]
    fn a_label_unique_to_2019_decides_the_edition() {
        let read = read_text(
            "第二十条第（五）项\n其他对外管理服务事项  3  0  1\n",
            Some(2023),
        );
        assert_eq!(read.tables.active_disclosure.version, FormatVersion::V2019);
    }

    #[test]
    fn short_labels_match_only_exactly() {
        let read = read_text("申请人情况\n其它事  1  2\n", Some(2023));
        assert!(read
            .tables
            .applications
            .unread
            .iter()
            .any(|u| u.value == "其它事"));
        assert!(!read.findings.iter().any(
            |f| f.kind == FindingKind::LabelVariant && f.table == Some(TableKey::Applications)
        ));
    }
}

#[cfg(test)]
mod header_tests {
    use super::super::read_text;
    use gaogen_model::{ColumnId, FindingKind, RowId};

    #[test]
    fn lone_total_and_other_after_column_headers_are_headers() {
        // pdfminer writes 表三's column headers after its row labels, 「总计」 before 「其他」.
        let zeros = "0\n".repeat(10);
        let text = format!(
            "申请人情况\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n自然人\n商 业 企\n总计\n其他\n1\n0\n{zeros}1\n0\n"
        );
        let read = read_text(&text, Some(2023));
        let t3 = &read.tables.applications;
        assert_eq!(
            t3.cell(RowId::NewRequests, ColumnId::Total)
                .unwrap()
                .value
                .as_count(),
            Some(1)
        );
        assert!(t3
            .row(RowId::ResultsTotal)
            .is_some_and(|r| r.cells.iter().all(|c| c.value.as_count().is_none())));
        assert!(!read
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::RowAmbiguous));
    }

    #[test]
    fn a_lone_total_after_values_is_still_the_row() {
        let read = read_text(
            "申请人情况\n四、结转下年度继续办理  0  0  0  0  0  0  0\n总计  3  0  0  0  0  0  3\n",
            Some(2023),
        );
        assert_eq!(
            read.tables
                .applications
                .cell(RowId::ResultsTotal, ColumnId::Total)
                .unwrap()
                .value
                .as_count(),
            Some(3)
        );
    }
}
