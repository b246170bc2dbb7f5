//! Counts quoted in the running text: 「受理政府信息公开申请 17 件」, 「行政复议 351 件」.

use super::gated::Piece::{Chars, Close, Either, Lits, Open, Opt};
use super::gated::{Gate, Gated, Pattern, COUNT};
use crate::{Report, SectionKey, Span};

/// A number quoted in the text, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quote {
    pub value: i64,
    pub span: Span,
    /// The words around it, for the message.
    pub excerpt: String,
}

/// What a quoted count is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quoted {
    /// Requests received (表三 一、本年新收).
    Requests,
    /// Administrative reconsideration cases (表四 行政复议 总计).
    Reviews,
    /// Administrative litigation cases (表四 行政诉讼 总计).
    Lawsuits,
}

static REQUESTS: Gated = Gated::new(
    r"(?:受理|收到|新收|接收|接到)(?:[^。；，,0-9]{0,12})?(?:政府信息)?公开申请(?:共计|共|合计)?\s*([0-9]+)\s*件|(未|没有)(?:收到|受理|接到)(?:任何)?(?:政府信息)?公开申请",
    Gate::Literals(&["公开申请"]),
    Pattern {
        pieces: &[Either(&[
            &[
                Lits(&["受理", "收到", "新收", "接收", "接到"]),
                Chars {
                    test: in_clause,
                    min: 0,
                    max: 12,
                },
                Opt(&["政府信息"]),
                Lits(&["公开申请"]),
                Opt(&["共计", "共", "合计"]),
                COUNT,
                Lits(&["件"]),
            ],
            &[
                Open(2),
                Lits(&["未", "没有"]),
                Close(2),
                Lits(&["收到", "受理", "接到"]),
                Opt(&["任何"]),
                Opt(&["政府信息"]),
                Lits(&["公开申请"]),
            ],
        ])],
        names: &[None, None, None],
    },
);
/// `[^。；，,0-9]`: a character that does not end a clause and is no digit.
fn in_clause(c: char) -> bool {
    !matches!(c, '。' | '；' | '，' | ',' | '0'..='9')
}
static REVIEWS: Gated = Gated::new(
    r"行政复议(?:案件|申请)?(?:共计|共)?\s*([0-9]+)\s*(?:件|起)",
    Gate::Literals(&["行政复议"]),
    Pattern {
        pieces: &[
            Lits(&["行政复议"]),
            Opt(&["案件", "申请"]),
            Opt(&["共计", "共"]),
            COUNT,
            Lits(&["件", "起"]),
        ],
        names: &[None, None],
    },
);
static LAWSUITS: Gated = Gated::new(
    r"行政诉讼(?:案件)?(?:共计|共)?\s*([0-9]+)\s*(?:件|起)",
    Gate::Literals(&["行政诉讼"]),
    Pattern {
        pieces: &[
            Lits(&["行政诉讼"]),
            Opt(&["案件"]),
            Opt(&["共计", "共"]),
            COUNT,
            Lits(&["件", "起"]),
        ],
        names: &[None, None],
    },
);

/// Every pattern of this file (for the gates' tests).
#[cfg(test)]
pub(crate) static PATTERNS: [&Gated; 3] = [&REQUESTS, &REVIEWS, &LAWSUITS];

/// The pattern of a quoted count; every match holds the gate's literal.
fn pattern(what: Quoted) -> &'static Gated {
    match what {
        Quoted::Requests => &REQUESTS,
        Quoted::Reviews => &REVIEWS,
        Quoted::Lawsuits => &LAWSUITS,
    }
}

/// Counts of `what` quoted in sections 一 to 四 and the preamble.
pub(crate) fn quotes(report: &Report, what: Quoted) -> Vec<Quote> {
    let sections = [
        SectionKey::Overview,
        SectionKey::ActiveDisclosure,
        SectionKey::Applications,
        SectionKey::ReviewsAndLitigation,
    ];
    let paragraphs = report.preamble.iter().chain(
        sections
            .iter()
            .flat_map(|&k| report.section(k).paragraphs.iter()),
    );
    let re = pattern(what);
    let mut out = Vec::new();
    for p in paragraphs {
        let mut at_text = p.locator();
        for caps in re.captures_iter(&p.text) {
            let whole = caps.get(0).expect("group 0 always matches");
            let (value, at) = match caps.get(1) {
                Some(n) => match n.as_str().parse() {
                    Ok(v) => (v, n.range()),
                    Err(_) => continue,
                },
                None => (0, whole.range()),
            };
            out.push(Quote {
                value,
                span: at_text.locate(at),
                excerpt: whole.as_str().to_string(),
            });
        }
    }
    out
}
