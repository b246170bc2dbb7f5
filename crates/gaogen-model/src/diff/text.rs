//! How much of NEW's text was carried over from OLD, section by section.
//!
//! Sections are aligned one to one; inside a section the sentences are aligned with `similar`
//! (patience diff). Sentences are compared with whitespace removed and every number masked, so
//! 「2022年，我镇……」 carried into 2023 as 「2023年，我镇……」 still counts as carried over. A
//! replaced sentence counts as carried over by its unchanged characters when it is at least 80%
//! the same. Headings and tables are not part of the text; neither is the preamble (its legal
//! formula is the same every year by design).

use crate::label::normalize;
use crate::schema::SECTIONS;
use crate::{Report, SectionKey, Span};
use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, ChangeTag, DiffOp, TextDiff};

/// Reuse over the whole report and per section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reuse {
    pub new_chars: usize,
    pub reused_chars: usize,
    /// `reused_chars / new_chars`, 0 when NEW has no text.
    pub ratio: f64,
    pub sections: Vec<SectionReuse>,
}

/// Reuse in one section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionReuse {
    pub key: SectionKey,
    /// The official heading.
    pub heading: String,
    /// NEW's section.
    pub span: Option<Span>,
    pub new_chars: usize,
    pub reused_chars: usize,
    pub ratio: f64,
    /// Sentences kept unchanged (up to numbers).
    pub unchanged_sentences: usize,
    /// Every sentence that was added, removed or rewritten, in NEW's order.
    pub changes: Vec<SentenceChange>,
}

/// What happened to a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SentenceOp {
    Inserted,
    Deleted,
    Replaced,
}

/// A piece of a rewritten sentence: kept, removed or added characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    pub tag: &'static str,
    pub text: String,
}

/// One changed sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceChange {
    pub op: SentenceOp,
    pub old: Option<String>,
    pub new: Option<String>,
    /// For a replaced sentence: the character-level differences (`equal`, `delete`, `insert`).
    pub pieces: Vec<Piece>,
}

/// Sentences of a section's paragraphs, split after 。！？； and line ends.
fn sentences(report: &Report, key: SectionKey) -> Vec<String> {
    let mut out = Vec::new();
    for p in &report.section(key).paragraphs {
        let mut current = String::new();
        for c in p.text.chars() {
            current.push(c);
            if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';') {
                push_sentence(&mut out, &mut current);
            }
        }
        push_sentence(&mut out, &mut current);
    }
    out
}

fn push_sentence(out: &mut Vec<String>, current: &mut String) {
    let s = current.trim();
    if s.chars().count() >= 4 {
        out.push(s.to_string());
    }
    current.clear();
}

/// Below this character similarity a sentence in the place of another is a new sentence, not a
/// rewrite of the old one.
const REWRITE: f32 = 0.5;

/// The comparison form: normalized, every run of digits as 「#」.
fn key(sentence: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    for c in normalize(sentence).chars() {
        if c.is_ascii_digit() {
            if !in_number {
                out.push('#');
            }
            in_number = true;
        } else {
            in_number = false;
            out.push(c);
        }
    }
    out
}

fn chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// A rewritten sentence: its character-level pieces and how many characters were kept.
fn rewritten(old: &str, new: &str) -> (Vec<Piece>, usize) {
    let diff = TextDiff::from_chars(old, new);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut kept = 0;
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => {
                kept += 1;
                "equal"
            }
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match pieces.last_mut() {
            Some(last) if last.tag == tag => last.text.push_str(change.value()),
            _ => pieces.push(Piece {
                tag,
                text: change.value().to_string(),
            }),
        }
    }
    let similar_enough = diff.ratio() >= 0.8;
    (pieces, if similar_enough { kept } else { 0 })
}

fn section_reuse(old: &Report, new: &Report, key: SectionKey) -> SectionReuse {
    let (before, after) = (sentences(old, key), sentences(new, key));
    let (before_keys, after_keys): (Vec<String>, Vec<String>) = (
        before.iter().map(|s| key_of(s)).collect(),
        after.iter().map(|s| key_of(s)).collect(),
    );
    let mut reused = 0;
    let mut unchanged = 0;
    let mut changes = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &before_keys, &after_keys) {
        match op {
            DiffOp::Equal { new_index, len, .. } => {
                unchanged += len;
                reused += after[new_index..new_index + len]
                    .iter()
                    .map(|s| chars(s))
                    .sum::<usize>();
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                for s in &before[old_index..old_index + old_len] {
                    changes.push(SentenceChange {
                        op: SentenceOp::Deleted,
                        old: Some(s.clone()),
                        new: None,
                        pieces: Vec::new(),
                    });
                }
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                for s in &after[new_index..new_index + new_len] {
                    changes.push(SentenceChange {
                        op: SentenceOp::Inserted,
                        old: None,
                        new: Some(s.clone()),
                        pieces: Vec::new(),
                    });
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let olds = &before[old_index..old_index + old_len];
                let news = &after[new_index..new_index + new_len];
                for k in 0..old_len.max(new_len) {
                    match (olds.get(k), news.get(k)) {
                        (Some(o), Some(n))
                            if TextDiff::from_chars(o.as_str(), n.as_str()).ratio() >= REWRITE =>
                        {
                            let (pieces, kept) = rewritten(o, n);
                            reused += kept;
                            changes.push(SentenceChange {
                                op: SentenceOp::Replaced,
                                old: Some(o.clone()),
                                new: Some(n.clone()),
                                pieces,
                            });
                        }
                        (Some(o), Some(n)) => {
                            changes.push(SentenceChange {
                                op: SentenceOp::Deleted,
                                old: Some(o.clone()),
                                new: None,
                                pieces: Vec::new(),
                            });
                            changes.push(SentenceChange {
                                op: SentenceOp::Inserted,
                                old: None,
                                new: Some(n.clone()),
                                pieces: Vec::new(),
                            });
                        }
                        (Some(o), None) => changes.push(SentenceChange {
                            op: SentenceOp::Deleted,
                            old: Some(o.clone()),
                            new: None,
                            pieces: Vec::new(),
                        }),
                        (None, Some(n)) => changes.push(SentenceChange {
                            op: SentenceOp::Inserted,
                            old: None,
                            new: Some(n.clone()),
                            pieces: Vec::new(),
                        }),
                        (None, None) => {}
                    }
                }
            }
        }
    }
    let new_chars = after.iter().map(|s| chars(s)).sum();
    let section = SECTIONS
        .iter()
        .find(|s| s.key == key)
        .map(|s| s.heading())
        .unwrap_or_default();
    SectionReuse {
        key,
        heading: section,
        span: new.section(key).span,
        new_chars,
        reused_chars: reused.min(new_chars),
        ratio: ratio(reused.min(new_chars), new_chars),
        unchanged_sentences: unchanged,
        changes,
    }
}

fn key_of(s: &str) -> String {
    key(s)
}

/// Reuse of OLD's text in NEW.
pub(crate) fn reuse(old: &Report, new: &Report) -> Reuse {
    let sections: Vec<SectionReuse> = SECTIONS
        .iter()
        .map(|s| section_reuse(old, new, s.key))
        .collect();
    let new_chars = sections.iter().map(|s| s.new_chars).sum();
    let reused_chars = sections.iter().map(|s| s.reused_chars).sum();
    Reuse {
        new_chars,
        reused_chars,
        ratio: ratio(reused_chars, new_chars),
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_do_not_hide_a_copy() {
        assert_eq!(
            key("2022年，我镇公开信息 12 条。"),
            key("2023年，我镇公开信息 57 条。")
        );
        assert_ne!(key("我镇公开信息。"), key("我县公开信息。"));
    }

    #[test]
    fn rewritten_sentences_keep_their_common_characters() {
        let (pieces, kept) = rewritten("全年公开信息一百条。", "全年公开信息二百条。");
        assert_eq!(kept, 9);
        assert!(pieces.iter().any(|p| p.tag == "insert" && p.text == "二"));
        let (_, kept) = rewritten("完全不同的一句话。", "另外一件事情发生了。");
        assert_eq!(kept, 0);
    }
}
