//! How much of NEW's text was carried over from OLD, section by section.
//!
//! The figure is measured by [`super::reuse`] (common runs of at least 10 characters, numbers
//! masked, fixed wording excluded; see [`METHOD`]). For people the sentences are also aligned per
//! section with `similar` (patience diff over the sentences' comparison forms) to list what was
//! added, removed or rewritten; a rewritten sentence shows its character-level changes when both
//! sentences are short enough for that to stay cheap. Headings and tables are not part of the
//! text; neither is the preamble (its legal formula is the same every year by design).

use super::reuse::{is_fixed_wording, likeness, Keyed, OldIndex, METHOD, MIN_RUN};
use crate::schema::SECTIONS;
use crate::{Report, SectionKey, Span};
use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, ChangeTag, DiffOp, TextDiff};
use std::collections::HashMap;

/// Reuse over the whole report and per section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reuse {
    /// How the figures were measured, in words.
    pub method: &'static str,
    /// Shortest common run of characters that counts as copied.
    pub min_run: usize,
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
    /// Characters of NEW's section counted (whitespace and fixed wording not counted).
    pub new_chars: usize,
    /// Of these, characters inside a run also found in OLD.
    pub reused_chars: usize,
    pub ratio: f64,
    /// NEW's sentences left out as required fixed wording (the fee sentence, notes, sub-headings).
    pub excluded: Vec<String>,
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
    /// For a replaced sentence: the character-level differences (`equal`, `delete`, `insert`);
    /// empty when the two sentences are too long to compare character by character.
    pub pieces: Vec<Piece>,
}

/// A sentence of a section, and whether it is a whole paragraph by itself.
struct Sentence {
    text: String,
    whole_paragraph: bool,
}

/// Sentences of a section's paragraphs, split after 。！？； and line ends.
fn sentences(report: &Report, key: SectionKey) -> Vec<Sentence> {
    let mut out = Vec::new();
    for p in &report.section(key).paragraphs {
        let first = out.len();
        let mut current = String::new();
        for c in p.text.chars() {
            current.push(c);
            if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';') {
                push_sentence(&mut out, &mut current);
            }
        }
        push_sentence(&mut out, &mut current);
        if out.len() == first + 1 {
            out[first].whole_paragraph = true;
        }
    }
    out
}

fn push_sentence(out: &mut Vec<Sentence>, current: &mut String) {
    let s = current.trim();
    if s.chars().count() >= 4 {
        out.push(Sentence {
            text: s.to_string(),
            whole_paragraph: false,
        });
    }
    current.clear();
}

/// Below this likeness a sentence in the place of another is a new sentence, not a rewrite of
/// the old one.
const REWRITE: f64 = 0.5;

/// Runs compared when pairing two sentences (shorter than [`MIN_RUN`]: one sentence with another).
const PAIR_RUN: usize = 4;

/// Longest pair of sentences (product of their lengths) compared character by character, and the
/// budget for a whole report: past these the pieces are left out, so time stays linear.
const PIECES_PAIR: usize = 400 * 400;
const PIECES_BUDGET: usize = 16_000_000;

/// The comparison key of a sentence for the alignment: its comparison form.
fn key(sentence: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    for c in sentence.chars().filter(|c| !c.is_whitespace()) {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        };
        if c.is_ascii_digit() || (in_number && c == '.') {
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

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The character-level pieces of a rewritten sentence, when cheap enough.
fn pieces(old: &str, new: &str, budget: &mut usize) -> Vec<Piece> {
    let cost = old.chars().count() * new.chars().count();
    if cost > PIECES_PAIR || cost > *budget {
        return Vec::new();
    }
    *budget -= cost;
    let diff = TextDiff::from_chars(old, new);
    let mut pieces: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => "equal",
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
    pieces
}

fn change(op: SentenceOp, old: Option<&Sentence>, new: Option<&Sentence>) -> SentenceChange {
    SentenceChange {
        op,
        old: old.map(|s| s.text.clone()),
        new: new.map(|s| s.text.clone()),
        pieces: Vec::new(),
    }
}

/// Added, removed and rewritten sentences of one section, and how many stayed the same.
fn changes(
    before: &[Sentence],
    after: &[Sentence],
    budget: &mut usize,
) -> (usize, Vec<SentenceChange>) {
    let before_keys: Vec<String> = before.iter().map(|s| key(&s.text)).collect();
    let after_keys: Vec<String> = after.iter().map(|s| key(&s.text)).collect();
    let mut unchanged = 0;
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &before_keys, &after_keys) {
        match op {
            DiffOp::Equal { len, .. } => unchanged += len,
            DiffOp::Delete {
                old_index, old_len, ..
            } => out.extend(
                before[old_index..old_index + old_len]
                    .iter()
                    .map(|s| change(SentenceOp::Deleted, Some(s), None)),
            ),
            DiffOp::Insert {
                new_index, new_len, ..
            } => out.extend(
                after[new_index..new_index + new_len]
                    .iter()
                    .map(|s| change(SentenceOp::Inserted, None, Some(s))),
            ),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let olds = &before[old_index..old_index + old_len];
                let news = &after[new_index..new_index + new_len];
                replaced(olds, news, budget, &mut out);
            }
        }
    }
    (unchanged, out)
}

/// A block of sentences replaced by another: each new sentence is paired with the old sentence
/// sharing most of its 4-character windows (windows shared by many sentences are common phrases
/// and not looked at, which keeps this linear), and is a rewrite of it when alike enough.
fn replaced(
    olds: &[Sentence],
    news: &[Sentence],
    budget: &mut usize,
    out: &mut Vec<SentenceChange>,
) {
    const COMMON: usize = 8;
    let old_keyed: Vec<Keyed> = olds.iter().map(|s| Keyed::new(&s.text)).collect();
    let mut by_window: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, k) in old_keyed.iter().enumerate() {
        for h in k.windows(PAIR_RUN) {
            let list = by_window.entry(h).or_default();
            if list.last() != Some(&i) && list.len() <= COMMON {
                list.push(i);
            }
        }
    }
    let mut used = vec![false; olds.len()];
    for n in news {
        let keyed = Keyed::new(&n.text);
        let mut hits: HashMap<usize, usize> = HashMap::new();
        for h in keyed.windows(PAIR_RUN) {
            if let Some(list) = by_window.get(&h).filter(|l| l.len() <= COMMON) {
                for &i in list {
                    *hits.entry(i).or_default() += 1;
                }
            }
        }
        let best = hits
            .into_iter()
            .filter(|&(i, _)| !used[i])
            .max_by_key(|&(i, count)| (count, std::cmp::Reverse(i)))
            .map(|(i, _)| i)
            .filter(|&i| likeness(&old_keyed[i], &keyed, PAIR_RUN) >= REWRITE);
        match best {
            Some(i) => {
                used[i] = true;
                let mut c = change(SentenceOp::Replaced, Some(&olds[i]), Some(n));
                c.pieces = pieces(&olds[i].text, &n.text, budget);
                out.push(c);
            }
            None => out.push(change(SentenceOp::Inserted, None, Some(n))),
        }
    }
    out.extend(
        olds.iter()
            .zip(&used)
            .filter(|(_, &u)| !u)
            .map(|(o, _)| change(SentenceOp::Deleted, Some(o), None)),
    );
}

fn section_reuse(
    old_index: &OldIndex,
    before: &[Sentence],
    new: &Report,
    key: SectionKey,
    budget: &mut usize,
) -> SectionReuse {
    let after = sentences(new, key);
    let (unchanged, changes) = changes(before, &after, budget);
    let (mut new_chars, mut reused, mut excluded) = (0, 0, Vec::new());
    for s in &after {
        if is_fixed_wording(&s.text, s.whole_paragraph) {
            excluded.push(s.text.clone());
            continue;
        }
        let keyed = Keyed::new(&s.text);
        new_chars += keyed.written();
        reused += old_index.copied(&keyed);
    }
    let heading = SECTIONS
        .iter()
        .find(|s| s.key == key)
        .map(|s| s.heading())
        .unwrap_or_default();
    SectionReuse {
        key,
        heading,
        span: new.section(key).span,
        new_chars,
        reused_chars: reused,
        ratio: ratio(reused, new_chars),
        excluded,
        unchanged_sentences: unchanged,
        changes,
    }
}

/// Reuse of OLD's text in NEW.
pub(crate) fn reuse(old: &Report, new: &Report) -> Reuse {
    let before: Vec<Vec<Sentence>> = SECTIONS.iter().map(|s| sentences(old, s.key)).collect();
    let keyed: Vec<Keyed> = before
        .iter()
        .flatten()
        .map(|s| Keyed::new(&s.text))
        .collect();
    let index = OldIndex::new(&keyed, MIN_RUN);
    let mut budget = PIECES_BUDGET;
    let sections: Vec<SectionReuse> = SECTIONS
        .iter()
        .zip(&before)
        .map(|(s, b)| section_reuse(&index, b, new, s.key, &mut budget))
        .collect();
    let new_chars = sections.iter().map(|s| s.new_chars).sum();
    let reused_chars = sections.iter().map(|s| s.reused_chars).sum();
    Reuse {
        method: METHOD,
        min_run: MIN_RUN,
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
    fn rewritten_sentences_show_their_changed_characters() {
        let mut budget = PIECES_BUDGET;
        let p = pieces("全年公开信息一百条。", "全年公开信息二百条。", &mut budget);
        assert!(p.iter().any(|p| p.tag == "insert" && p.text == "二"));
        assert!(p.iter().any(|p| p.tag == "delete" && p.text == "一"));
        let long = "很".repeat(1000);
        assert!(pieces(&long, &long, &mut budget).is_empty());
    }
}
