//! Placement: each table's edition is decided, then its raw rows go into the official cells.

use super::cells::{column_label, finding, place_row, report_label};
use super::labels::labels;
use super::raw::{OrphanRun, RawRow, RawTable, RawTables};
use gaogen_model::label::{normalize, MatchQuality};
use gaogen_model::schema::{table_schema, RowDef, RowKind, T3_2019};
use gaogen_model::RowId;
use gaogen_model::{
    Finding, FindingKind, FormatVersion, Located, Row, Span, Table, TableKey, Tables, VersionBasis,
};
use std::sync::Arc;

/// Room kept in the findings beyond one a run of orphan values.
const PLACEMENT_SLACK: usize = 1024;

/// Places the raw tables in the official cells of their editions; `findings` holds the reading's
/// own findings and receives the placement's.
pub(super) fn place_all(
    mut raw: RawTables,
    year: Option<u16>,
    findings: &mut Vec<Finding>,
) -> Tables {
    let year_version = year.map(FormatVersion::expected_for_year);
    // 表四 without its heading: a run of exactly 15 values left over after 表三.
    let t4_empty = raw
        .reviews_and_litigation
        .rows
        .first()
        .is_none_or(|r| r.filled() == 0);
    if t4_empty {
        let t3 = &mut raw.applications;
        if let Some(OrphanRun::Whole(run)) = t3
            .orphans
            .iter()
            // Only a run as long as a row of 表四 is kept whole.
            .rposition(|run| matches!(run, OrphanRun::Whole(_)))
            .map(|pos| t3.orphans.remove(pos))
        {
            let span = run[0].span.cover(run[run.len() - 1].span);
            let t4 = &mut raw.reviews_and_litigation;
            t4.touch(span);
            let mut row = RawRow::new(
                RowId::Cases,
                Located {
                    value: String::new(),
                    span,
                },
            );
            row.values = run;
            t4.rows = vec![row];
            let mut f = Finding::new(
                FindingKind::TableWithoutHeading,
                "表三之后有一行 15 个数值，但没有表四的标题和表头：按表四（政府信息公开行政复议、行政诉讼情况）读取",
                Some(span),
            );
            f.table = Some(TableKey::ReviewsAndLitigation);
            findings.push(f);
        }
    }
    // One finding for each run of values without a row (hundreds of thousands in a file of
    // pasted tables): room for them all at once, so the vector is not left up to half empty by
    // doubling. The slack holds the placement's other findings (a few a row).
    let orphan_runs = [
        &raw.active_disclosure,
        &raw.applications,
        &raw.reviews_and_litigation,
    ]
    .iter()
    .map(|t| t.orphans.len())
    .sum::<usize>();
    if orphan_runs > PLACEMENT_SLACK {
        findings.reserve_exact(orphan_runs + PLACEMENT_SLACK);
    }
    let RawTables {
        active_disclosure,
        applications,
        reviews_and_litigation,
    } = raw;
    Tables {
        active_disclosure: place(
            TableKey::ActiveDisclosure,
            active_disclosure,
            year_version,
            findings,
        ),
        applications: place(TableKey::Applications, applications, year_version, findings),
        reviews_and_litigation: place(
            TableKey::ReviewsAndLitigation,
            reviews_and_litigation,
            year_version,
            findings,
        ),
    }
}

fn decide_version(
    key: TableKey,
    raw: &RawTable,
    year: Option<FormatVersion>,
) -> (FormatVersion, VersionBasis) {
    let by_year = || match year {
        Some(v) => (v, VersionBasis::ReportYear),
        None => (FormatVersion::V2021, VersionBasis::Assumed),
    };
    match key {
        TableKey::ReviewsAndLitigation => by_year(),
        TableKey::ActiveDisclosure | TableKey::Applications => {
            let leaning = raw.evidence.leaning();
            if leaning == Some(FormatVersion::V2021) {
                (FormatVersion::V2021, VersionBasis::Labels)
            } else if leaning == Some(FormatVersion::V2019)
                || (key == TableKey::Applications && t3_single_other_row(raw))
            {
                (FormatVersion::V2019, VersionBasis::Labels)
            } else {
                by_year()
            }
        }
    }
}

/// 2019 表三: 「（六）其他处理」 carries the values itself and 「（七）总计」 follows.
fn t3_single_other_row(raw: &RawTable) -> bool {
    let pos = |id: RowId| raw.rows.iter().position(|r| r.id == id);
    match (pos(RowId::OtherHandling), pos(RowId::ResultsTotal)) {
        (Some(o), Some(t)) => raw.rows[o].filled() == T3_2019.columns.len() && t == o + 1,
        (Some(o), None) => raw.rows[o].filled() == T3_2019.columns.len(),
        _ => false,
    }
}

pub(super) fn place(
    key: TableKey,
    raw: RawTable,
    year: Option<FormatVersion>,
    findings: &mut Vec<Finding>,
) -> Table {
    let (version, version_basis) = decide_version(key, &raw, year);
    let schema = table_schema(key, version);
    let name = key.name();
    if !raw.found {
        findings.push(finding(
            FindingKind::TableMissing,
            key,
            format!(
                "没有找到{name}（{}）：表格可能以图片发布或被删去",
                table_title(key)
            ),
            None,
        ));
        return Table {
            key,
            found: false,
            version,
            version_basis,
            span: None,
            rows: Vec::new(),
            unread: raw.unread,
        };
    }
    for header in &raw.headers {
        report_label(
            findings,
            key,
            header.quality,
            &header.written,
            column_label(schema, header.column),
            None,
            Some(header.column),
        );
    }
    let mut rows = Vec::with_capacity(schema.rows.len());
    let mut last_span = raw
        .span
        .map(|s| Span::on_line(s.line, s.column, s.column + 1));
    // Missing rows since the last row read: one finding each, or one for a table cut short.
    let mut missing: Vec<(&'static RowDef, Option<Span>)> = Vec::new();
    let mut last_read: Option<&'static str> = None;
    for def in schema.rows {
        let Some(found) = raw.rows.iter().find(|r| r.id == def.id) else {
            if def.kind == RowKind::Data {
                missing.push((def, last_span));
                rows.push(Row::missing(def, schema, last_span));
            }
            continue;
        };
        for (def, span) in missing.drain(..) {
            findings.push(row_missing(key, def, span));
        }
        if def.kind == RowKind::Data {
            last_read = Some(def.label);
        }
        let quality = labels()
            .rows_by_version
            .quality((key, version, def.id), &normalize(&found.label.value))
            .unwrap_or(MatchQuality::Fuzzy { score: 0.0 });
        if key != TableKey::ReviewsAndLitigation {
            report_label(
                findings,
                key,
                quality,
                &found.label,
                def.label,
                Some(def.id),
                None,
            );
        }
        let row = place_row(key, schema, &raw.headers, def, found, quality, findings);
        if let Some(span) = row
            .cells
            .iter()
            .rev()
            .find_map(|c| c.span)
            .or(Some(found.label.span))
        {
            last_span = Some(span);
        }
        rows.push(row);
    }
    report_missing_tail(key, &missing, last_read, findings);
    // Runs with the same values (tables pasted again, hundreds of thousands of runs) share one
    // message, as the diagnostics made of them do; a bounded memo.
    let mut said: rustc_hash::FxHashMap<String, Arc<str>> = Default::default();
    for run in raw.orphans {
        let (span, len, shown) = run.into_shown();
        let message = format!("{name}中有 {len} 个数值没有对应的行标签，未能放入表格：{shown}");
        let message = match said.get(&message) {
            Some(shared) => Arc::clone(shared),
            None => {
                let shared: Arc<str> = Arc::from(message.as_str());
                if said.len() < SHARED_MESSAGES {
                    said.insert(message, Arc::clone(&shared));
                }
                shared
            }
        };
        findings.push(finding(
            FindingKind::UnplacedValues,
            key,
            message,
            Some(span),
        ));
    }
    Table {
        key,
        found: true,
        version,
        version_basis,
        span: raw.span,
        rows,
        unread: raw.unread,
    }
}

/// How many distinct messages of values without a row a table keeps for sharing.
const SHARED_MESSAGES: usize = 4096;

fn row_missing(key: TableKey, def: &'static RowDef, span: Option<Span>) -> Finding {
    let mut f = finding(
        FindingKind::RowMissing,
        key,
        format!("{}缺少行「{}」", key.name(), def.label),
        span,
    );
    f.row = Some(def.id);
    f.expected = Some(def.label.into());
    f
}

/// The rows missing after the last row read: the table stops there. One finding lists them all
/// (added to the finding of a row cut by the end of the file, when there is one).
fn report_missing_tail(
    key: TableKey,
    missing: &[(&'static RowDef, Option<Span>)],
    last_read: Option<&'static str>,
    findings: &mut Vec<Finding>,
) {
    let Some(&(first, span)) = missing.first() else {
        return;
    };
    if missing.len() == 1 {
        findings.push(row_missing(key, first, span));
        return;
    }
    let labels: Vec<&str> = missing.iter().map(|(d, _)| d.label).collect();
    let list = format!("「{}」", labels.join("」「"));
    let cut = findings
        .iter_mut()
        .rev()
        .find(|f| f.kind == FindingKind::InputTruncated && f.table == Some(key));
    if let Some(cut) = cut {
        cut.message = format!("{}；其后 {} 行没有读到：{list}", cut.message, missing.len()).into();
        return;
    }
    let message = match last_read {
        Some(last) => format!(
            "{}在「{last}」之后中断：缺少其后 {} 行 {list}",
            key.name(),
            missing.len()
        ),
        None => format!(
            "{}没有读到任何数据行：缺少 {} 行 {list}",
            key.name(),
            missing.len()
        ),
    };
    let mut f = finding(FindingKind::RowMissing, key, message, span);
    f.row = Some(first.id);
    findings.push(f);
}

fn table_title(key: TableKey) -> &'static str {
    match key {
        TableKey::ActiveDisclosure => "主动公开政府信息情况",
        TableKey::Applications => "收到和处理政府信息公开申请情况",
        TableKey::ReviewsAndLitigation => "政府信息公开行政复议、行政诉讼情况",
    }
}

#[cfg(test)]
mod tests {
    use super::super::read_text;
    use super::*;

    #[test]
    fn the_edition_comes_from_the_year_without_labels() {
        let raw = RawTable::default();
        assert_eq!(
            decide_version(TableKey::Applications, &raw, Some(FormatVersion::V2019)),
            (FormatVersion::V2019, VersionBasis::ReportYear)
        );
        assert_eq!(
            decide_version(TableKey::Applications, &raw, None),
            (FormatVersion::V2021, VersionBasis::Assumed)
        );
    }

    #[test]
    fn fifteen_values_after_table_three_are_table_four() {
        let read = read_text(
            "申请人情况\n四、结转下年度继续办理  0  0  0  0  0  0  0\n0  0  0  0  0  1  0  0  0  1  0  0  0  0  0\n",
            Some(2023),
        );
        let t4 = &read.tables.reviews_and_litigation;
        assert!(t4.found);
        assert!(read
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::TableWithoutHeading));
    }

    #[test]
    fn a_table_never_seen_is_missing() {
        let mut findings = Vec::new();
        let tables = place_all(RawTables::default(), Some(2023), &mut findings);
        assert!(!tables.applications.found);
        assert_eq!(
            findings
                .iter()
                .filter(|f| f.kind == FindingKind::TableMissing)
                .count(),
            3
        );
    }
}
