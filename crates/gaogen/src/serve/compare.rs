//! The 对比 page: two files → changed cells side by side, the year chain, and each section's text
//! with what was copied from last year highlighted.

use super::api::read_pair;
use super::app::Shared;
use super::engine;
use super::pages::{html, ComparePage};
use super::report_view::{diag_view, DiagView};
use crate::diff::value_text;
use axum::extract::{Multipart, State};
use axum::response::Response;
use gaogen_model::diff::{ChainStatus, ReportDiff, SentenceOp};
use gaogen_model::Report;

#[derive(Debug)]
pub(crate) struct ChangeView {
    pub row: &'static str,
    pub column: &'static str,
    pub old: String,
    pub new: String,
    pub difference: String,
    pub percent: String,
}

#[derive(Debug)]
pub(crate) struct TableChanges {
    pub name: &'static str,
    pub unchanged: usize,
    pub changes: Vec<ChangeView>,
}

#[derive(Debug)]
pub(crate) struct ChainView {
    pub code: &'static str,
    pub subject: String,
    pub class: &'static str,
    pub mark: &'static str,
    pub old: String,
    pub new: String,
}

/// A piece of this year's text: `copied` from last year, `new`, or `removed` (shown struck).
#[derive(Debug)]
pub(crate) struct TextPiece {
    pub text: String,
    pub class: &'static str,
}

#[derive(Debug)]
pub(crate) struct SectionView {
    pub heading: String,
    pub percent: String,
    pub chars: String,
    pub high: bool,
    pub paragraphs: Vec<Vec<TextPiece>>,
}

#[derive(Debug)]
pub(crate) struct CompareView {
    pub old: String,
    pub new: String,
    pub tables: Vec<TableChanges>,
    pub chain: Vec<ChainView>,
    pub sections: Vec<SectionView>,
    pub total_percent: String,
    /// How the library measures reuse (the percentages).
    pub method: &'static str,
    pub diagnostics: Vec<DiagView>,
}

fn describe(name: &str, r: &Report) -> String {
    format!(
        "{name}（{}，{}）",
        r.agency.as_deref().unwrap_or("机关不详"),
        r.year.map_or("年度不详".to_string(), |y| format!("{y} 年"))
    )
}

/// Sentences as the reuse measure cuts them: after 。！？； and at paragraph ends.
fn sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in paragraph.chars() {
        current.push(c);
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';') {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn section_text(new: &Report, d: &ReportDiff, index: usize) -> Vec<Vec<TextPiece>> {
    let Some(reuse) = d.text.sections.get(index) else {
        return Vec::new();
    };
    let Some(section) = new.sections.iter().find(|s| s.key == reuse.key) else {
        return Vec::new();
    };
    section
        .paragraphs
        .iter()
        .map(|p| {
            let mut pieces = Vec::new();
            for s in sentences(&p.text) {
                let trimmed = s.trim();
                let change = reuse
                    .changes
                    .iter()
                    .find(|c| c.op != SentenceOp::Deleted && c.new.as_deref() == Some(trimmed));
                match change {
                    Some(c) if c.op == SentenceOp::Replaced => {
                        for piece in &c.pieces {
                            let class = match piece.tag {
                                "equal" => "copied",
                                "delete" => "removed",
                                _ => "new",
                            };
                            pieces.push(TextPiece {
                                text: piece.text.clone(),
                                class,
                            });
                        }
                    }
                    Some(_) => pieces.push(TextPiece {
                        text: s,
                        class: "new",
                    }),
                    None if trimmed.chars().count() < 4 => pieces.push(TextPiece {
                        text: s,
                        class: "new",
                    }),
                    None => pieces.push(TextPiece {
                        text: s,
                        class: "copied",
                    }),
                }
            }
            pieces
        })
        .collect()
}

pub(crate) fn view(old: (&str, &Report), new: (&str, &Report), d: &ReportDiff) -> CompareView {
    let percent = |r: f64| format!("{:.0}%", r * 100.0);
    CompareView {
        old: describe(old.0, old.1),
        new: describe(new.0, new.1),
        tables: d
            .tables
            .iter()
            .map(|t| TableChanges {
                name: t.table.name(),
                unchanged: t.unchanged,
                changes: t
                    .changes
                    .iter()
                    .map(|c| ChangeView {
                        row: c.row_label,
                        column: c.column_label,
                        old: value_text(c.old.as_ref()),
                        new: value_text(c.new.as_ref()),
                        difference: c.difference.as_deref().map_or(String::new(), |v| {
                            if v.starts_with('-') {
                                v.to_string()
                            } else {
                                format!("+{v}")
                            }
                        }),
                        percent: c.percent.map_or(String::new(), |p| format!("{p:+.1}%")),
                    })
                    .collect(),
            })
            .collect(),
        chain: d
            .chain
            .iter()
            .map(|c| {
                let (class, mark) = match c.status {
                    ChainStatus::Holds => ("holds", "✓ 衔接"),
                    ChainStatus::Broken => ("broken", "✗ 不衔接"),
                    ChainStatus::NotAssessable => ("na", "? 无法评估"),
                };
                ChainView {
                    code: c.code,
                    subject: c.subject.clone(),
                    class,
                    mark,
                    old: c.old_value.clone().unwrap_or_else(|| "—".into()),
                    new: c.new_value.clone().unwrap_or_else(|| "—".into()),
                }
            })
            .collect(),
        sections: d
            .text
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| SectionView {
                heading: s.heading.clone(),
                percent: percent(s.ratio),
                chars: format!("{} / {}", s.reused_chars, s.new_chars),
                high: s.ratio >= 0.5,
                paragraphs: section_text(new.1, d, i),
            })
            .collect(),
        total_percent: percent(d.text.ratio),
        method: d.text.method,
        diagnostics: d.diagnostics.iter().map(diag_view).collect(),
    }
}

/// `POST /compare`: the page with the comparison.
pub(crate) async fn submit(State(state): State<Shared>, multipart: Multipart) -> Response {
    let base = state.config.base.clone();
    let result = match read_pair(&state, multipart).await {
        Ok((old, new)) => {
            state
                .work(move || {
                    let c = engine::compare((old.1, old.2), (new.1, new.2));
                    view((&old.0, &c.old.1), (&new.0, &c.new.1), &c.diff)
                })
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(v) => html(
            &ComparePage::new(&base, Some(v), None),
            axum::http::StatusCode::OK,
        ),
        Err(e) => html(&ComparePage::new(&base, None, Some(e.message)), e.status),
    }
}
