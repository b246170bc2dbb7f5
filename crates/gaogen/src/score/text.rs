//! A scoring run as JSON (docs/scoring.md) and as text for people.

use super::{round, Evidence, Profile, ScoreRun};
use crate::pairs::year_table;
use serde::Serialize;

#[derive(Serialize)]
struct Json<'a> {
    reports: &'a [super::ReportScore],
}

impl ScoreRun {
    /// `{"reports": [...]}`.
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(&Json {
            reports: &self.reports,
        })
        .expect("scores serialize")
            + "\n"
    }

    /// Per report: the score, every item with what was deducted and why; then the agencies'
    /// years.
    pub fn text(&self, profile: &Profile) -> String {
        let mut out = format!("评分方案：{}\n\n", profile.name);
        for r in &self.reports {
            out.push_str(&format!(
                "{}\n  机关：{}    年度：{}    上一年：{}\n  得分：{} / {}\n",
                r.path,
                r.agency.as_deref().unwrap_or("（未读到）"),
                r.year.map_or("（未读到）".into(), |y| y.to_string()),
                r.previous
                    .as_deref()
                    .unwrap_or("无（没有可配对的上一年报告）"),
                number(r.score),
                number(r.max),
            ));
            for (item, def) in r.items.iter().zip(&profile.items) {
                let state = if item.not_assessable {
                    format!("无法评估，{}", def.not_assessable.chinese())
                } else if item.deducted > 0.0 {
                    format!("扣 {} 分", number(item.deducted))
                } else {
                    "满分".into()
                };
                out.push_str(&format!(
                    "  · {}（{} 分）：{state}\n",
                    item.title,
                    number(item.points)
                ));
                for e in &item.evidence {
                    out.push_str(&format!("      {}\n", evidence_line(e)));
                }
            }
            out.push('\n');
        }
        if self.reports.len() > 1 {
            out.push_str(&year_table(&self.agencies));
        }
        out
    }
}

fn number(x: f64) -> String {
    let x = round(x);
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

fn at(page: Option<u32>, line: u32) -> String {
    match page {
        Some(p) => format!("第 {p} 页第 {line} 行"),
        None => format!("第 {line} 行"),
    }
}

fn evidence_line(e: &Evidence) -> String {
    let mut s = String::new();
    if e.deducted > 0.0 {
        s.push_str(&format!("−{} ", number(e.deducted)));
    } else if e.not_assessable {
        s.push_str("无法评估 ");
    }
    if let Some(code) = e.code {
        s.push_str(&format!("[{code}] "));
    }
    s.push_str(&e.message);
    if let Some(line) = e.line {
        s.push_str(&format!("（{}）", at(e.page, line)));
    }
    for v in &e.values {
        s.push_str(&format!("；{}（{}）", v.label, at(v.page, v.line)));
    }
    if let Some(p) = &e.previous {
        s.push_str(&format!("；上一年：{} {}", p.file, at(p.page, p.line)));
    }
    s
}
