//! Writing the authoring workbook (rust_xlsxwriter): the three tables as printed, input cells
//! unlocked and shaded with data validation, totals as formulas, and 基本信息 with the text.

use super::layout::{address, layout, SheetLayout, Slot, INFO_FIELDS, SHEET_INFO, TEXT_HEADER_ROW};
use gaogen_model::author::{Editions, Fill};
use gaogen_model::schema::{FormatVersion, SectionKey, TableKey, ValueKind};
use gaogen_model::{CellValue, ColumnId, Report, RowId};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, Format, FormatAlign, FormatBorder, Formula,
    Workbook, Worksheet, XlsxError,
};

/// What the workbook is filled with.
#[derive(Debug, Clone, Copy)]
pub struct Content<'a> {
    pub agency: &'a str,
    pub year: u16,
    pub editions: Editions,
    pub fill: Fill<'a>,
    pub date: Option<&'a str>,
    pub contact: Option<&'a str>,
}

/// Excel's limit on the characters of one cell.
const CELL_LIMIT: usize = 32_000;

struct Styles {
    title: Format,
    hint: Format,
    header: Format,
    label: Format,
    input: Format,
    total: Format,
    text_input: Format,
}

fn styles() -> Styles {
    let border = |f: Format| f.set_border(FormatBorder::Thin).set_text_wrap();
    Styles {
        title: Format::new().set_bold().set_font_size(14),
        hint: Format::new()
            .set_italic()
            .set_font_color(Color::RGB(0x595959)),
        header: border(Format::new())
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(Color::RGB(0xD9E1F2)),
        label: border(Format::new()).set_align(FormatAlign::VerticalCenter),
        input: border(Format::new())
            .set_unlocked()
            .set_background_color(Color::RGB(0xFFF2CC)),
        total: border(Format::new())
            .set_bold()
            .set_background_color(Color::RGB(0xE7E6E6)),
        text_input: border(Format::new())
            .set_unlocked()
            .set_align(FormatAlign::Top)
            .set_background_color(Color::RGB(0xFFF2CC)),
    }
}

/// The value of a slot from the fill: `None` leaves the cell blank.
fn filled(content: &Content<'_>, table: TableKey, slot: &Slot) -> Option<CellValue> {
    fn cell(r: &Report, table: TableKey, row: RowId, column: ColumnId) -> Option<&CellValue> {
        r.table(table).cell(row, column).map(|c| &c.value)
    }
    let column = slot.column;
    match content.fill {
        Fill::Blank => None,
        Fill::NextYearOf(last) => match (table, slot.row_id, slot.column) {
            (TableKey::Applications, RowId::CarriedOver, _) => {
                cell(last, table, RowId::CarriedForward, column)
                    .filter(|v| v.is_number())
                    .cloned()
            }
            (TableKey::ActiveDisclosure, row, ColumnId::InForce) => cell(last, table, row, column)
                .filter(|v| v.is_number())
                .cloned(),
            _ => None,
        },
        Fill::Copy(r) => cell(r, table, slot.row_id, column).cloned(),
    }
}

fn number(value: &CellValue) -> Option<f64> {
    match value {
        CellValue::Count { value, .. } => Some(*value as f64),
        CellValue::Amount { value, .. } => value.normalize().to_string().parse().ok(),
        _ => None,
    }
}

fn validation(slot: &Slot, cell: &str) -> Result<DataValidation, XlsxError> {
    let v = match slot.kind {
        ValueKind::Count => DataValidation::new()
            .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
            .set_error_message("请填写不小于 0 的整数（件数）；没有发生的填 0。")?,
        ValueKind::SignedCount => DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(-1_000_000_000, 1_000_000_000))
            .set_error_message("请填写整数；减少时填负数。")?,
        ValueKind::Amount => DataValidation::new()
            .allow_custom(Formula::new(format!(
                "=AND(ISNUMBER({cell}),{cell}>=0,ROUND({cell},6)={cell})"
            )))
            .set_error_message("请填写不小于 0 的数，最多 6 位小数（单位见表头）。")?,
    };
    v.set_error_title("数值不符合格式")
}

fn table_sheet(
    ws: &mut Worksheet,
    l: &SheetLayout,
    content: &Content<'_>,
    s: &Styles,
    missing: &mut Vec<String>,
) -> Result<(), XlsxError> {
    ws.set_name(l.name())?;
    for (i, w) in l.widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    ws.merge_range(0, 0, 0, l.width - 1, &l.title(), &s.title)?;
    ws.merge_range(
        1,
        0,
        1,
        l.width - 1,
        "浅黄色单元格填写数字，没有发生的填 0（空白不等于 0）；灰色的总计由公式计算，不必填写。",
        &s.hint,
    )?;
    for lab in &l.labels {
        let f = if lab.role == super::layout::Role::Row {
            &s.label
        } else {
            &s.header
        };
        if lab.row == lab.last_row && lab.col == lab.last_col {
            ws.write_string_with_format(lab.row, lab.col, lab.text, f)?;
        } else {
            ws.merge_range(lab.row, lab.col, lab.last_row, lab.last_col, lab.text, f)?;
        }
    }
    let value_of = |slot: &Slot| filled(content, l.table, slot);
    for slot in &l.slots {
        let value = value_of(slot);
        if slot.last_col > slot.col {
            ws.merge_range(slot.row, slot.col, slot.row, slot.last_col, "", &s.input)?;
        }
        if let Some(sum) = slot.sum {
            let parts: Option<i64> = sum
                .cells()
                .map(|(r, c)| {
                    l.slots
                        .iter()
                        .find(|x| x.row == r && x.col == c)
                        .and_then(value_of)
                        .and_then(|v| v.as_count())
                })
                .sum();
            let written = value.as_ref().and_then(|v| v.as_count());
            // A published total that its parts do not give is kept as typed (the reader reports
            // it), never replaced by the formula.
            if let Some(w) = written.filter(|w| Some(*w) != parts) {
                ws.write_number_with_format(slot.row, slot.col, w as f64, &s.total)?;
            } else {
                let result = parts.map(|p| p.to_string()).unwrap_or_default();
                let formula = Formula::new(sum.formula()).set_result(result);
                ws.write_formula_with_format(slot.row, slot.col, formula, &s.total)?;
            }
            continue;
        }
        match &value {
            Some(v) => match number(v) {
                Some(n) => {
                    ws.write_number_with_format(slot.row, slot.col, n, &s.input)?;
                }
                None => {
                    let text = match v {
                        CellValue::Text { raw } => raw.as_str(),
                        CellValue::Empty { marker } => marker.as_str(),
                        _ => "",
                    };
                    ws.write_string_with_format(slot.row, slot.col, text, &s.input)?;
                }
            },
            None => {
                ws.write_blank(slot.row, slot.col, &s.input)?;
            }
        }
        if matches!(content.fill, Fill::Copy(_)) && !value.as_ref().is_some_and(|v| v.is_number()) {
            missing.push(format!(
                "{}!{}（{} · {}）",
                l.name(),
                address(slot.row, slot.col),
                slot.row_label,
                slot.column_label
            ));
        }
        let cell = address(slot.row, slot.col);
        ws.add_data_validation(
            slot.row,
            slot.col,
            slot.row,
            slot.col,
            &validation(slot, &cell)?,
        )?;
    }
    ws.protect();
    Ok(())
}

fn paragraphs(report: &Report, part: Option<SectionKey>) -> Vec<String> {
    let list = match part {
        Some(k) => &report.section(k).paragraphs,
        None => &report.preamble,
    };
    list.iter().map(|p| p.text.clone()).collect()
}

/// A long paragraph cut into pieces Excel can hold.
fn pieces(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(CELL_LIMIT)
        .map(|c| c.iter().collect())
        .collect()
}

fn info_sheet(ws: &mut Worksheet, content: &Content<'_>, s: &Styles) -> Result<(), XlsxError> {
    ws.set_name(SHEET_INFO)?;
    ws.set_column_width(0, 30)?;
    ws.set_column_width(1, 90)?;
    ws.set_column_width(2, 60)?;
    ws.merge_range(0, 0, 0, 2, "政府信息公开工作年度报告 · 基本信息", &s.title)?;
    ws.merge_range(
        1,
        0,
        1,
        2,
        "浅黄色单元格填写；正文每段占一行，可以插入行（A 列留空的行属于上面的部分）。",
        &s.hint,
    )?;
    let year = content.year.to_string();
    for (i, (key, label)) in INFO_FIELDS.iter().enumerate() {
        let row = 2 + i as u32;
        ws.write_string_with_format(row, 0, *label, &s.header)?;
        let value = match *key {
            "agency" => content.agency,
            "year" => year.as_str(),
            "date" => content.date.unwrap_or_default(),
            _ => content.contact.unwrap_or_default(),
        };
        if *key == "year" {
            ws.write_number_with_format(row, 1, f64::from(content.year), &s.text_input)?;
            let v = DataValidation::new()
                .allow_whole_number(DataValidationRule::Between(2019, 2100))
                .set_error_message("报告年度是 2019 到 2100 之间的整数。")?;
            ws.add_data_validation(row, 1, row, 1, &v)?;
        } else {
            ws.write_string_with_format(row, 1, value, &s.text_input)?;
        }
    }
    let h = TEXT_HEADER_ROW;
    ws.write_string_with_format(h, 0, "部分", &s.header)?;
    ws.write_string_with_format(h, 1, "文字（每段一行）", &s.header)?;
    ws.write_string_with_format(h, 2, "上一年的文字（仅供参考，不会读入）", &s.header)?;
    let mut row = h + 1;
    for (part, name) in super::layout::text_parts() {
        let (text, previous) = match content.fill {
            Fill::Blank => (Vec::new(), Vec::new()),
            Fill::NextYearOf(last) => (Vec::new(), paragraphs(last, part)),
            Fill::Copy(r) => (paragraphs(r, part), Vec::new()),
        };
        let rows: Vec<String> = text.iter().flat_map(|p| pieces(p)).collect();
        let count = rows.len().max(1);
        for i in 0..count {
            ws.write_string_with_format(row, 0, &name, &s.label)?;
            ws.write_string_with_format(
                row,
                1,
                rows.get(i).map_or("", String::as_str),
                &s.text_input,
            )?;
            if i == 0 && !previous.is_empty() {
                let joined: String = previous.join("\n");
                let shown = pieces(&joined).into_iter().next().unwrap_or_default();
                ws.write_string_with_format(row, 2, shown, &s.label)?;
            }
            row += 1;
        }
    }
    Ok(())
}

/// The workbook's bytes, and (for a copy) the cells that could not be filled with a number.
pub fn write(content: &Content<'_>) -> Result<(Vec<u8>, Vec<String>), XlsxError> {
    let s = styles();
    let mut book = Workbook::new();
    let mut missing = Vec::new();
    info_sheet(book.add_worksheet(), content, &s)?;
    let version = |t: TableKey| match t {
        TableKey::ActiveDisclosure => content.editions.table2,
        TableKey::Applications => content.editions.table3,
        TableKey::ReviewsAndLitigation => FormatVersion::V2021,
    };
    for t in TableKey::ALL {
        let l = layout(t, version(t));
        table_sheet(book.add_worksheet(), &l, content, &s, &mut missing)?;
    }
    Ok((book.save_to_buffer()?, missing))
}
