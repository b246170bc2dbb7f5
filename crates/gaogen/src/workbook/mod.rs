//! The authoring workbook (.xlsx): `gaogen init`/`import` write it, `render`/`check` read it.
//!
//! Bytes in, bytes out: nothing here touches the file system. Positions in a report read from a
//! workbook are *places*: a span's line numbers an entry of [`Places`], which knows the sheet and
//! cell (「表三!D12」) and what it holds.

pub mod file;
mod info;
pub(crate) mod layout;
mod read;
mod show;
mod write;

pub use file::{check_path, import_bytes, init_bytes, is_xlsx, read_path};
pub use show::{cells_in_json, json_diagnostics, render};
pub use write::{write, Content};

use calamine::{Reader, Xlsx};
use gaogen_model::check::Diagnostic;
use gaogen_model::schema::TableKey;
use gaogen_model::{Report, Span};
use std::io::Cursor;

/// A cell of the workbook that a position of the report points at.
#[derive(Debug, Clone)]
pub struct Place {
    pub sheet: &'static str,
    pub row: u32,
    pub col: u16,
    /// What the cell holds, e.g. 「一、本年新收政府信息公开申请数量 · 自然人」.
    pub what: String,
}

impl Place {
    pub fn new(sheet: &'static str, row: u32, col: u16, what: String) -> Place {
        Place {
            sheet,
            row,
            col,
            what,
        }
    }

    /// 「表三!D12」.
    pub fn address(&self) -> String {
        format!("{}!{}", self.sheet, layout::address(self.row, self.col))
    }
}

/// Every place a span of the report can point at; span line `n` is entry `n - 1`.
#[derive(Debug, Clone, Default)]
pub struct Places {
    list: Vec<Place>,
}

impl Places {
    /// Adds a place and returns the span that stands for it.
    pub fn add(&mut self, place: Place) -> Span {
        self.list.push(place);
        let line = self.list.len() as u32;
        Span::on_line(line, 1, 2)
    }

    /// The place a span points at.
    pub fn get(&self, span: Span) -> Option<&Place> {
        self.list.get(span.line.checked_sub(1)? as usize)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// A workbook read into the model.
#[derive(Debug)]
pub struct ReadWorkbook {
    pub report: Report,
    pub date: Option<String>,
    pub contact: Option<String>,
    pub places: Places,
    /// Problems with what was typed (A- codes): a wrong total, a bad year, an unknown part.
    pub diagnostics: Vec<Diagnostic>,
}

/// Limits on the unpacked workbook (a zip may hold far more than its size says).
const MAX_UNPACKED: u64 = 256 * 1024 * 1024;
const MAX_ENTRIES: usize = 10_000;

/// Refuses zips that unpack beyond the limits, before calamine inflates anything.
fn check_bounds(bytes: &[u8]) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("不是有效的 Excel 工作簿（.xlsx）：{e}"))?;
    if zip.len() > MAX_ENTRIES {
        return Err(format!(
            "工作簿包含 {} 个部件，超过上限 {MAX_ENTRIES}",
            zip.len()
        ));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let size = zip
            .by_index_raw(i)
            .map_err(|e| format!("不是有效的 Excel 工作簿（.xlsx）：{e}"))?
            .size();
        total = total.saturating_add(size);
    }
    if total > MAX_UNPACKED {
        return Err(format!(
            "工作簿解压后有 {} MiB，超过上限 {} MiB",
            total / (1024 * 1024),
            MAX_UNPACKED / (1024 * 1024)
        ));
    }
    Ok(())
}

/// Reads a workbook written by `gaogen init`/`import` (and filled in Excel, WPS or LibreOffice).
/// `Err` is a Chinese message without the file name: not a workbook, a sheet missing, a table
/// moved.
pub fn read(bytes: &[u8]) -> Result<ReadWorkbook, String> {
    check_bounds(bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| format!("不是有效的 Excel 工作簿（.xlsx）：{e}"))?;
    let names = book.sheet_names();
    let wanted = [
        layout::SHEET_INFO,
        TableKey::ActiveDisclosure.name(),
        TableKey::Applications.name(),
        TableKey::ReviewsAndLitigation.name(),
    ];
    for w in wanted {
        if !names.iter().any(|n| n == w) {
            return Err(format!(
                "工作簿中没有「{w}」工作表（现有：{}）。请用 gaogen init -o 文件.xlsx 生成的工作簿填写，不要删除或改名工作表",
                names.join("、")
            ));
        }
    }
    let mut places = Places::default();
    let mut out = Vec::new();
    let info_range = book
        .worksheet_range(layout::SHEET_INFO)
        .map_err(|e| format!("无法读取工作表「{}」：{e}", layout::SHEET_INFO))?;
    let info = info::read_info(&info_range, &mut places, &mut out);
    let mut tables = Vec::new();
    for t in TableKey::ALL {
        let name = t.name();
        let range = book
            .worksheet_range(name)
            .map_err(|e| format!("无法读取工作表「{name}」：{e}"))?;
        let formulas = book
            .worksheet_formula(name)
            .map_err(|e| format!("无法读取工作表「{name}」的公式：{e}"))?;
        let l = read::pick_layout(&range, t)?;
        tables.push(read::read_table(
            &range,
            &formulas,
            &l,
            &mut places,
            &mut out,
        ));
    }
    let report = info::assemble(&info, tables, places.len());
    Ok(ReadWorkbook {
        report,
        date: info.date.clone(),
        contact: info.contact.clone(),
        places,
        diagnostics: out,
    })
}
