//! The report.toml document: its tables and keys, values read with their positions.

use super::*;
use compact_str::ToCompactString;

/// `[report]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// 机关名称.
    pub agency: Spanned<String>,
    /// 报告年度.
    pub year: Spanned<i64>,
    /// 格式版本: "2021" (default) or "2019".
    pub format: Option<Spanned<String>>,
    /// 表二 in another edition than `format` (a report that mixes them, as published).
    pub format_table2: Option<Spanned<String>>,
    /// 表三 in another edition than `format`.
    pub format_table3: Option<Spanned<String>>,
    /// 落款日期.
    pub date: Option<Spanned<String>>,
    /// 联系方式.
    pub contact: Option<Spanned<String>>,
}

/// `[text]`: the narrative, one string per place; paragraphs separated by blank lines.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub preamble: Option<Spanned<String>>,
    pub overview: Option<Spanned<String>>,
    pub active_disclosure: Option<Spanned<String>>,
    pub applications: Option<Spanned<String>>,
    pub reviews_and_litigation: Option<Spanned<String>>,
    pub problems: Option<Spanned<String>>,
    pub other: Option<Spanned<String>>,
}

impl Texts {
    /// The text of a section (`[text]`'s key is the section's `key()`).
    pub fn section(&self, key: SectionKey) -> &Option<Spanned<String>> {
        match key {
            SectionKey::Overview => &self.overview,
            SectionKey::ActiveDisclosure => &self.active_disclosure,
            SectionKey::Applications => &self.applications,
            SectionKey::ReviewsAndLitigation => &self.reviews_and_litigation,
            SectionKey::Problems => &self.problems,
            SectionKey::Other => &self.other,
        }
    }
}

pub(super) type Rows = BTreeMap<Spanned<String>, Spanned<Vec<Spanned<toml::Value>>>>;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportToml {
    pub report: Meta,
    #[serde(default)]
    pub text: Texts,
    #[serde(default)]
    pub active_disclosure: Rows,
    #[serde(default)]
    pub applications: Rows,
    #[serde(default)]
    pub reviews_and_litigation: Rows,
}

impl ReportToml {
    /// The rows of a table (the TOML table named by the table's `key()`).
    pub fn table(&self, key: TableKey) -> &Rows {
        match key {
            TableKey::ActiveDisclosure => &self.active_disclosure,
            TableKey::Applications => &self.applications,
            TableKey::ReviewsAndLitigation => &self.reviews_and_litigation,
        }
    }
}

/// Byte offsets of a TOML source → file positions (the one position model).
pub(crate) type Positions<'a> = crate::lines::LineIndex<'a>;

pub(super) fn error(code: &'static str, message: String, span: Span, help: &str) -> Diagnostic {
    Diagnostic::new(code, Severity::Error, message, Some(span)).help(help.to_string())
}

/// Parses `report.toml`; syntax, unknown keys and wrong types are A-TOML errors at their place.
pub fn parse_toml(source: &str) -> Result<ReportToml, Box<Diagnostic>> {
    toml::from_str(source).map_err(|e| {
        let pos = Positions::new(source);
        // Full-width punctuation from a Chinese input method is the usual cause: name it.
        let (span, message) = match toml_errors::full_width_outside_strings(source) {
            Some((at, message)) => (
                pos.span(at..at + source[at..].chars().next().map_or(1, char::len_utf8)),
                message,
            ),
            None => (
                pos.span(e.span().unwrap_or(0..1)),
                toml_errors::translate(e.message(), &[]),
            ),
        };
        Box::new(error(
            A_TOML.code,
            message,
            span,
            "对照 docs/report-toml.md 修改这一处",
        ))
    })
}

/// Paragraphs of a text value: split at blank lines, lines inside a paragraph joined.
pub(super) fn paragraphs(text: &Spanned<String>, pos: &Positions<'_>) -> Vec<Paragraph> {
    let span = pos.span(text.span());
    text.get_ref()
        .split("\n\n")
        .map(|p| p.lines().map(str::trim).collect::<String>())
        .filter(|p| !p.is_empty())
        .map(|p| Paragraph::new(p, span))
        .collect()
}

/// Reads one number of a column.
pub(super) fn number(
    value: &Spanned<toml::Value>,
    kind: ValueKind,
    pos: &Positions<'_>,
    what: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<CellValue> {
    let span = pos.span(value.span());
    let bad = |m: String, out: &mut Vec<Diagnostic>| {
        out.push(error(
            A_VALUE.code,
            m,
            span,
            "填写不小于 0 的数字；金额可以有小数（最多 6 位），件数为整数",
        ));
        None
    };
    let too_large = match value.get_ref() {
        toml::Value::Integer(i) => i.unsigned_abs() > crate::MAX_CELL_VALUE.unsigned_abs(),
        toml::Value::Float(f) => f.abs() > crate::MAX_CELL_VALUE as f64,
        toml::Value::String(s) => Decimal::from_str(s.trim())
            .is_ok_and(|d| d.abs() > Decimal::from(crate::MAX_CELL_VALUE)),
        _ => false,
    };
    if too_large {
        return bad(
            format!(
                "{what}是 {}，超出可计算的范围（上限 {}）",
                value.get_ref(),
                crate::MAX_CELL_VALUE
            ),
            out,
        );
    }
    match (value.get_ref(), kind) {
        // 「""」: not filled in (as `gaogen import` writes unreadable cells) — empty, never 0.
        (toml::Value::String(s), _) if s.trim().is_empty() => Some(CellValue::Empty {
            marker: Default::default(),
        }),
        (toml::Value::Integer(i), ValueKind::SignedCount) => Some(CellValue::Count {
            value: *i,
            raw: i.to_compact_string(),
        }),
        (toml::Value::Integer(i), _) if *i < 0 => bad(format!("{what}是负数 {i}"), out),
        (toml::Value::Integer(i), ValueKind::Amount) => Some(CellValue::Amount {
            value: Decimal::from(*i),
            raw: i.to_compact_string(),
        }),
        (toml::Value::Integer(i), _) => Some(CellValue::Count {
            value: *i,
            raw: i.to_compact_string(),
        }),
        (toml::Value::Float(_) | toml::Value::String(_), ValueKind::Amount) => {
            let text = match value.get_ref() {
                toml::Value::Float(f) => f.to_string(),
                other => other.as_str().unwrap_or_default().trim().to_string(),
            };
            match Decimal::from_str(&text) {
                Ok(d) if d.is_sign_negative() => bad(format!("{what}是负数 {text}"), out),
                Ok(d) if d.scale() > 6 => bad(format!("{what}「{text}」的小数超过 6 位"), out),
                Ok(d) => Some(CellValue::Amount {
                    value: d,
                    raw: text.into(),
                }),
                Err(_) => bad(format!("{what}「{text}」不是数字"), out),
            }
        }
        (other, _) => bad(format!("{what}应为整数，写的是 {other}"), out),
    }
}

/// The columns a row is written with: 表三 rows without their 总计, 表四 groups without theirs.
pub(super) fn written_columns(key: TableKey, columns: &'static [ColumnId]) -> &'static [ColumnId] {
    match key {
        TableKey::Applications => &columns[..6],
        _ => columns,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::SECTIONS;

    /// report.toml's `[text]` keys and table names are the sections' and tables' `key()`.
    #[test]
    fn report_toml_names_its_texts_and_tables_by_their_keys() {
        let mut source = String::from("[report]\nagency = \"某局\"\nyear = 2023\n[text]\n");
        for (n, def) in SECTIONS.iter().enumerate() {
            source.push_str(&format!("{} = \"第{n}部分\"\n", def.key.key()));
        }
        for (n, key) in TableKey::ALL.into_iter().enumerate() {
            source.push_str(&format!("[{}]\nrow = [{n}]\n", key.key()));
        }
        let toml = parse_toml(&source).expect("every key is one report.toml knows");
        for (n, def) in SECTIONS.iter().enumerate() {
            let text = toml.text.section(def.key).as_ref().map(|t| t.get_ref());
            assert_eq!(text, Some(&format!("第{n}部分")), "{:?}", def.key);
        }
        for (n, key) in TableKey::ALL.into_iter().enumerate() {
            let values: Vec<_> = toml.table(key).values().flat_map(|v| v.get_ref()).collect();
            assert_eq!(values.len(), 1, "{key:?}");
            assert_eq!(values[0].get_ref().as_integer(), Some(n as i64), "{key:?}");
        }
    }
}
