//! Diagnostics of a workbook for people and machines: every place named by sheet and cell
//! (「表三!D12」) instead of line and column.

use super::Places;
use gaogen_model::check::{Diagnostic, Severity};
use gaogen_model::Span;

fn cell(places: &Places, span: Option<Span>) -> Option<String> {
    span.and_then(|s| places.get(s)).map(|p| p.address())
}

/// One diagnostic, e.g.
///
/// ```text
/// 错误[T3-1]：表三「自然人」列：…
///   --> 年报数据.xlsx「表三!D6」
///    = 表三!D6  一、本年新收政府信息公开申请数量 · 自然人：12
///    = 帮助：…
/// ```
pub fn render(d: &Diagnostic, places: &Places, origin: &str, color: bool) -> String {
    let (on, off) = match (color, d.severity) {
        (false, _) => ("", ""),
        (true, Severity::Error) => ("\x1b[1;31m", "\x1b[0m"),
        (true, Severity::Warning) => ("\x1b[1;33m", "\x1b[0m"),
        (true, Severity::Info) => ("\x1b[1;36m", "\x1b[0m"),
    };
    let mut out = format!(
        "{on}{}[{}]{off}：{}\n",
        d.severity.chinese(),
        d.code,
        d.message
    );
    let primary = d.culprit.as_ref().and_then(|c| c.span).or(d.span);
    match cell(places, primary) {
        Some(at) => out.push_str(&format!("  --> {origin}「{at}」\n")),
        None => out.push_str(&format!("  --> {origin}\n")),
    }
    let mut shown: Vec<Span> = Vec::new();
    let mut line = |span: Span, label: &str, out: &mut String| {
        if shown.contains(&span) {
            return;
        }
        shown.push(span);
        if let Some(p) = places.get(span) {
            let label = if label.is_empty() { "" } else { label };
            out.push_str(&format!("   = {}  {}", p.address(), p.what));
            if !label.is_empty() {
                out.push_str(&format!("：{label}"));
            }
            out.push('\n');
        }
    };
    if let Some(c) = &d.culprit {
        if let Some(s) = c.span {
            line(
                s,
                &format!("最可能填错：{} → 应为 {}", c.value, c.mended_value),
                &mut out,
            );
        }
    }
    for m in &d.marks {
        line(m.span, &m.label, &mut out);
    }
    if let Some(s) = d.span {
        line(s, "", &mut out);
    }
    if let Some(eq) = &d.equation {
        out.push_str(&format!("   = {}\n", eq.sums_text()));
    }
    if let Some(h) = &d.help {
        out.push_str(&format!("   = 帮助：{h}\n"));
    }
    out.push('\n');
    out
}

/// The diagnostics as JSON values, each place given as `cell` beside its span.
pub fn json_diagnostics(diagnostics: &[Diagnostic], places: &Places) -> Vec<serde_json::Value> {
    diagnostics
        .iter()
        .map(|d| {
            let mut v = serde_json::to_value(d).expect("diagnostics serialize");
            if let Some(obj) = v.as_object_mut() {
                obj.insert("cell".into(), cell(places, d.span).into());
            }
            if let Some(marks) = v.get_mut("marks").and_then(|m| m.as_array_mut()) {
                for (m, d) in marks.iter_mut().zip(&d.marks) {
                    if let Some(obj) = m.as_object_mut() {
                        obj.insert("cell".into(), cell(places, Some(d.span)).into());
                    }
                }
            }
            if let (Some(c), Some(obj)) = (
                &d.culprit,
                v.get_mut("culprit").and_then(|c| c.as_object_mut()),
            ) {
                obj.insert("cell".into(), cell(places, c.span).into());
            }
            if let Some(eq) = v.get_mut("equation").and_then(|e| e.as_object_mut()) {
                for side in ["left", "right"] {
                    if let Some(terms) = eq.get_mut(side).and_then(|t| t.as_array_mut()) {
                        for t in terms.iter_mut() {
                            let line = t.pointer("/span/line").and_then(|l| l.as_u64());
                            let at = line
                                .and_then(|l| cell(places, Some(Span::on_line(l as u32, 1, 2))));
                            if let Some(obj) = t.as_object_mut() {
                                obj.insert("cell".into(), at.into());
                            }
                        }
                    }
                }
            }
            v
        })
        .collect()
}

/// Adds `"cell": "表三!D12"` beside every `span` of a report's JSON (`gaogen parse`), where the
/// span's line numbers a place of the workbook.
pub fn cells_in_json(value: &mut serde_json::Value, places: &Places) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(map) => {
                let line = map
                    .get("span")
                    .and_then(|s| s.get("line"))
                    .and_then(|l| l.as_u64());
                if let Some(at) =
                    line.and_then(|l| cell(places, Some(Span::on_line(l as u32, 1, 2))))
                {
                    map.insert("cell".into(), at.into());
                }
                stack.extend(map.values_mut());
            }
            serde_json::Value::Array(items) => stack.extend(items.iter_mut()),
            _ => {}
        }
    }
}
