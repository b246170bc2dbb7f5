//! Normalising and matching labels as they are really written.
//!
//! Published labels differ from the official text in width (`(一)` for `（一）`), punctuation
//! (`1、` for `1.`), whitespace inside words (「自然 人」), traditional characters, wrapping
//! (「5.要求行政机关确认或重新出」) and typos (「其他法律行政止公开」). [`normalize`] removes what
//! carries no meaning; [`match_label`] decides whether a written label stands for an official one.

use crate::schema::{LabelVariant, VariantKind};
use serde::Serialize;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

mod memo;
mod traditional;
use memo::Memo;
use traditional::simplified;

/// Punctuation that carries no meaning when comparing labels.
fn is_ignorable(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '*' | '#'
                | '|'
                | '"'
                | '\''
                | '“'
                | '”'
                | '‘'
                | '’'
                | '「'
                | '」'
                | '『'
                | '』'
                | '《'
                | '》'
                | '<'
                | '>'
                | '\u{200b}'
                | '\u{feff}'
                | '_'
                | '`'
        )
}

/// A CJK unified ideograph (U+4E00–U+9FFF): NFKC leaves it as it is, and it is never ignorable,
/// so it stays one character of the normalised text.
pub fn is_cjk_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The comparison form of a label: NFKC (full width → half width), no whitespace, no quotes or
/// markdown emphasis, traditional → simplified, `1、` → `1.`, trailing `：` removed.
///
/// Labels come back in report after report, so the answers for short texts are kept for the
/// whole run (a pure function; at most 4,096 texts, the first ones seen, each at most 240 bytes:
/// bounded in a directory run and in a server) and handed out as they are.
pub fn normalize(text: &str) -> std::borrow::Cow<'static, str> {
    static NORMALIZED: LazyLock<Memo<&'static str>> = LazyLock::new(Memo::default);
    const LONGEST_KEPT: usize = 240;
    if text.len() > LONGEST_KEPT {
        return normalize_text(text).into();
    }
    NORMALIZED.get_or_keep(text, || normalize_text(text))
}

/// [`normalize`] without the memo.
fn normalize_text(text: &str) -> String {
    // The normalised text is no longer than the text on the fast path (and rarely on the other).
    if text.chars().all(is_nfkc_stable_or_fullwidth) {
        normalize_chars(text.chars().map(fold_fullwidth), text.len())
    } else {
        normalize_chars(text.nfkc(), text.len())
    }
}

/// Characters NFKC leaves alone (ASCII, CJK ideographs, most CJK punctuation) or maps by a fixed
/// offset (full-width ASCII): for these the costly general NFKC is skipped.
fn is_nfkc_stable_or_fullwidth(c: char) -> bool {
    // U+00B7 「·」 and the dashes U+2012–U+2015 have no decomposition either.
    matches!(c, '\u{0}'..='\u{7f}' | '\u{4e00}'..='\u{9fff}' | '\u{3001}'..='\u{303f}' | '\u{ff01}'..='\u{ff5e}' | '\u{2018}'..='\u{201d}' | '\u{3000}' | '\u{b7}' | '\u{2012}'..='\u{2015}')
}

/// NFKC of a character accepted by [`is_nfkc_stable_or_fullwidth`].
fn fold_fullwidth(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

fn normalize_chars(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut prev_digit = false;
    for c in chars {
        // CJK ideographs, most of a label, are never ignorable and only 「它」 changes after
        // simplification: decided without the general tests.
        if is_cjk_ideograph(c) {
            let c = match simplified(c) {
                '它' if out.ends_with('其') => '他',
                c => c,
            };
            prev_digit = false;
            out.push(c);
            continue;
        }
        if is_ignorable(c) {
            continue;
        }
        let c = simplified(c);
        let c = match c {
            '、' | '．' | '，' if prev_digit => '.',
            '﹙' => '(',
            '﹚' => ')',
            '—' | '–' | '－' => '-',
            '它' if out.ends_with('其') => '他',
            _ => c,
        };
        prev_digit = c.is_ascii_digit();
        out.push(c);
    }
    while out.ends_with([':', '.', ',', ';', '。']) {
        out.pop();
    }
    out
}

/// An ordinal in front of a label: 「一、」, 「（一）」, 「1.」.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "style", content = "value", rename_all = "snake_case")]
pub enum Ordinal {
    /// 「一、」 — 1-based.
    ChineseComma(u8),
    /// 「（一）」.
    ChineseParen(u8),
    /// 「1.」, 「1、」, 「(1)」.
    Arabic(u8),
}

const CN_DIGITS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

fn cn_value(c: char) -> Option<u8> {
    CN_DIGITS.iter().position(|&d| d == c).map(|i| i as u8 + 1)
}

/// Splits a *normalized* label into its ordinal and the rest (the core).
pub fn split_ordinal(normalized: &str) -> (Option<Ordinal>, &str) {
    let mut chars = normalized.char_indices();
    let Some((_, first)) = chars.next() else {
        return (None, normalized);
    };
    if first == '(' {
        if let (Some((_, d)), Some((i, ')'))) = (chars.next(), chars.next()) {
            let rest = &normalized[i + 1..];
            if let Some(v) = cn_value(d) {
                return (Some(Ordinal::ChineseParen(v)), rest);
            }
            if let Some(v) = d.to_digit(10) {
                return (Some(Ordinal::Arabic(v as u8)), rest);
            }
        }
        return (None, normalized);
    }
    if let Some(v) = cn_value(first) {
        if let Some((i, c @ ('、' | '.' | ','))) = chars.next() {
            return (
                Some(Ordinal::ChineseComma(v)),
                &normalized[i + c.len_utf8()..],
            );
        }
        return (None, normalized);
    }
    if let Some(v) = first.to_digit(10) {
        if let Some((i, c @ ('.' | ')'))) = chars.next() {
            return (
                Some(Ordinal::Arabic(v as u8)),
                &normalized[i + c.len_utf8()..],
            );
        }
    }
    (None, normalized)
}

/// How well a written label matches an official one; better matches compare greater.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MatchQuality {
    /// Similar enough to be a mistyping (score 0..1).
    Fuzzy { score: f32 },
    /// The written text is the beginning of the label (wrapped or cut off).
    Prefix { chars: usize },
    /// A known variant of the label.
    Variant {
        variant: VariantKind,
        official: bool,
    },
    /// The official text, up to normalisation.
    Exact,
}

impl MatchQuality {
    /// A total order for choosing the best candidate.
    pub fn rank(&self) -> f32 {
        match *self {
            MatchQuality::Exact => 4.0,
            MatchQuality::Variant { .. } => 3.0,
            MatchQuality::Prefix { chars } => 2.0 + (chars.min(99) as f32) / 100.0,
            MatchQuality::Fuzzy { score } => 1.0 + score,
        }
    }

    /// Whether the label as written differs from the official text in a way worth reporting.
    pub fn is_official(&self) -> bool {
        matches!(self, MatchQuality::Exact)
    }
}

/// Labels this short must match exactly: 「其他」, 「总计」, 「规章」.
const SHORT_LABEL: usize = 4;
/// Minimum similarity for a fuzzy match.
const FUZZY_THRESHOLD: f64 = 0.72;

/// An official label with its variants, normalised once for repeated matching.
#[derive(Debug, Clone)]
pub struct PreparedLabel {
    official: String,
    core_start: usize,
    /// Characters in the core (counted once: every approximate match needs it).
    core_chars: usize,
    variants: Vec<(String, usize, VariantKind)>,
}

fn core_start(normalized: &str) -> usize {
    normalized.len() - split_ordinal(normalized).1.len()
}

impl PreparedLabel {
    pub fn new(official: &str, variants: &[LabelVariant]) -> PreparedLabel {
        let official = normalize(official).into_owned();
        let variants = variants
            .iter()
            .map(|v| {
                let n = normalize(v.text).into_owned();
                let start = core_start(&n);
                (n, start, v.kind)
            })
            .collect();
        let core_start = core_start(&official);
        PreparedLabel {
            core_chars: official[core_start..].chars().count(),
            core_start,
            official,
            variants,
        }
    }

    fn core(&self) -> &str {
        &self.official[self.core_start..]
    }

    /// Exact or known-variant match on a normalized label.
    fn exact(&self, written: &str, w_core: &str) -> Option<MatchQuality> {
        if written == self.official || w_core == self.core() {
            return Some(MatchQuality::Exact);
        }
        self.variants
            .iter()
            .find(|(v, start, _)| written == v || w_core == &v[*start..])
            .map(|&(_, _, kind)| MatchQuality::Variant {
                variant: kind,
                official: false,
            })
    }

    /// Prefix (wrapped or cut-off label) or fuzzy (typo) match on a normalized label.
    /// `numbered`: the written label carries an ordinal (「3.危及三」), which makes a shorter
    /// beginning telling.
    /// `w_len`: the characters of `w_core`.
    fn approximate(&self, w_core: &str, w_len: usize, numbered: bool) -> Option<MatchQuality> {
        let o_core = self.core();
        let o_len = self.core_chars;
        if o_len <= SHORT_LABEL || w_len < if numbered { 3 } else { 4 } {
            return None;
        }
        if o_core.starts_with(w_core) {
            return Some(MatchQuality::Prefix { chars: w_len });
        }
        if w_len < 5 || w_len * 2 < o_len || o_len * 2 < w_len {
            return None;
        }
        // A typo keeps the label's first characters: skip the costly distance otherwise.
        let mut w_chars = w_core.chars();
        let mut o_chars = o_core.chars();
        if w_chars.next() != o_chars.next() && w_chars.next() != o_chars.next() {
            return None;
        }
        let score = strsim::normalized_levenshtein(w_core, o_core);
        if score >= FUZZY_THRESHOLD {
            return Some(MatchQuality::Fuzzy {
                score: score as f32,
            });
        }
        // A wrapped label whose beginning carries a typo.
        if w_len >= 8 && w_len < o_len {
            let head: String = o_core.chars().take(w_len).collect();
            let score = strsim::normalized_levenshtein(w_core, &head);
            if score >= 0.8 {
                return Some(MatchQuality::Fuzzy {
                    score: score as f32 * 0.9,
                });
            }
        }
        None
    }

    /// How `written` (already normalized) matches this label.
    pub fn matches(&self, written: &str) -> Option<MatchQuality> {
        let (ordinal, w_core) = split_ordinal(written);
        if w_core.is_empty() {
            return None;
        }
        self.exact(written, w_core)
            .or_else(|| self.approximate(w_core, w_core.chars().count(), ordinal.is_some()))
    }
}

/// A set of labels, each with a key, searched for the best match of a written label.
#[derive(Debug)]
pub struct LabelSet<K> {
    entries: Vec<(K, PreparedLabel)>,
    /// Normalized official texts, cores and variants → (entry, quality): exact matches in one
    /// lookup. Only looked up, never iterated, so its order cannot leak into results.
    exact: rustc_hash::FxHashMap<String, Vec<(usize, MatchQuality)>>,
    /// Answers already given: [`LabelSet::best`] is a pure function of its text, and the same
    /// labels come back in report after report. At most [`memo::MEMO_ENTRIES`] texts are kept (the
    /// first ones seen); only looked up, never iterated.
    memo: Memo<Option<(K, MatchQuality)>>,
}

impl<K: Copy> LabelSet<K> {
    pub fn new<'a>(labels: impl IntoIterator<Item = (K, &'a str, &'a [LabelVariant])>) -> Self {
        let entries: Vec<(K, PreparedLabel)> = labels
            .into_iter()
            .map(|(k, l, v)| (k, PreparedLabel::new(l, v)))
            .collect();
        let mut exact: rustc_hash::FxHashMap<String, Vec<(usize, MatchQuality)>> =
            Default::default();
        let mut add = |text: &str, entry: usize, quality: MatchQuality| match exact.get_mut(text) {
            Some(list) => {
                if !list.iter().any(|&(e, _)| e == entry) {
                    list.push((entry, quality));
                }
            }
            None => {
                exact.insert(text.to_string(), vec![(entry, quality)]);
            }
        };
        for (i, (_, p)) in entries.iter().enumerate() {
            add(&p.official, i, MatchQuality::Exact);
            add(p.core(), i, MatchQuality::Exact);
        }
        for (i, (_, p)) in entries.iter().enumerate() {
            for (v, start, kind) in &p.variants {
                let q = MatchQuality::Variant {
                    variant: *kind,
                    official: false,
                };
                add(v, i, q);
                add(&v[*start..], i, q);
            }
        }
        LabelSet {
            entries,
            exact,
            memo: Memo::default(),
        }
    }

    /// How a normalized label matches the entry with `key`.
    pub fn quality(&self, key: K, written: &str) -> Option<MatchQuality>
    where
        K: PartialEq,
    {
        self.entries
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, p)| p.matches(written))
    }

    /// The best-matching key for a normalized label; exact and variant matches win over
    /// approximate ones, earlier entries over later ones.
    pub fn best(&self, written: &str) -> Option<(K, MatchQuality)> {
        self.memo.get_or(written, || self.search(written))
    }

    /// [`LabelSet::best`] without the memo.
    fn search(&self, written: &str) -> Option<(K, MatchQuality)> {
        let (_, w_core) = split_ordinal(written);
        if w_core.is_empty() {
            return None;
        }
        let exact = [written, w_core]
            .iter()
            .filter_map(|t| self.exact.get(*t))
            .flatten()
            .max_by(|a, b| a.1.rank().total_cmp(&b.1.rank()).then(b.0.cmp(&a.0)));
        if let Some(&(entry, quality)) = exact {
            return Some((self.entries[entry].0, quality));
        }
        // Among approximate matches, one with the same ordinal as written wins a tie: a wrapped
        // 「8.属于行政」 is the beginning of both 7 and 8.
        let (ordinal, _) = split_ordinal(written);
        let w_len = w_core.chars().count();
        let same_ordinal =
            |p: &PreparedLabel| ordinal.is_some() && split_ordinal(&p.official).0 == ordinal;
        self.entries
            .iter()
            .filter_map(|(k, p)| {
                p.approximate(w_core, w_len, ordinal.is_some())
                    .map(|q| (*k, q, same_ordinal(p)))
            })
            .max_by(|a, b| {
                a.1.rank()
                    .total_cmp(&b.1.rank())
                    .then(a.2.cmp(&b.2))
                    .then(std::cmp::Ordering::Greater)
            })
            .map(|(k, q, _)| (k, q))
    }
}

/// Matches `written` (raw text) against an official label and its variants.
pub fn match_label(
    written: &str,
    official: &str,
    variants: &[LabelVariant],
) -> Option<MatchQuality> {
    PreparedLabel::new(official, variants).matches(&normalize(written))
}

#[cfg(test)]
mod tests;
