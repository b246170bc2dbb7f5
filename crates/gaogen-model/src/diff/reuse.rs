//! The reuse measure: which characters of NEW's text lie in a run of at least [`MIN_RUN`]
//! characters that also occurs in OLD's text.
//!
//! Both texts are compared in a comparison form: whitespace removed, full-width letters and
//! digits folded to half-width, every number (a run of digits, with its decimal point) as one
//! character 「#」, so 「2023 年……1136 条」 carried into 2024 as 「2024 年……7 条」 is still the
//! same run. Every window of [`MIN_RUN`] characters of OLD's sentences is hashed once; a character
//! of NEW counts as copied when some window of NEW containing it is also one of OLD's windows.
//! A sentence copied with a phrase changed therefore counts as copied except for the changed
//! phrase. Work and memory are linear in the two texts, whatever the length of a sentence.
//!
//! Required fixed wording is not counted on either side of the ratio: the 信息处理费 sentence
//! (国办函〔2020〕109号 asks every report to state it), table notes (「注：」) and sub-headings.

use std::collections::HashSet;

/// Shortest run of equal characters (comparison form) that counts as copied.
pub const MIN_RUN: usize = 10;

/// How reuse is measured, for people (shown with the figures and in docs/diff-json.md).
pub const METHOD: &str = "逐字比对：本年文字中，落在与上一年报告（六个部分的正文）连续 10 个字以上相同的片段里的字计为照抄（比较前去掉空白，数字一律视为相同，所以只改了年份、数字或个别词句的句子仍计为照抄，改动的字不计）；固定表述不计入分子和分母：信息处理费的说明、表格的注释（「注：」）、小标题";

/// A sentence in comparison form, with how many written characters each compared one stands for.
pub(crate) struct Keyed {
    chars: Vec<char>,
    weights: Vec<u32>,
}

impl Keyed {
    pub(crate) fn new(sentence: &str) -> Keyed {
        let mut chars = Vec::with_capacity(sentence.len() / 3 + 1);
        let mut weights: Vec<u32> = Vec::with_capacity(sentence.len() / 3 + 1);
        let mut in_number = false;
        for c in sentence.chars() {
            if c.is_whitespace() {
                continue;
            }
            let c = match c {
                '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
                _ => c,
            };
            let numeric = c.is_ascii_digit() || (in_number && c == '.');
            if numeric && in_number {
                if let Some(w) = weights.last_mut() {
                    *w += 1;
                }
                continue;
            }
            in_number = c.is_ascii_digit();
            chars.push(if in_number { '#' } else { c });
            weights.push(1);
        }
        Keyed { chars, weights }
    }

    /// Written characters (whitespace not counted).
    pub(crate) fn written(&self) -> usize {
        self.weights.iter().map(|&w| w as usize).sum()
    }

    /// Hashes of every window of `n` characters, in order.
    pub(crate) fn windows(&self, n: usize) -> impl Iterator<Item = u64> + '_ {
        self.chars.windows(n).map(|w| {
            // FNV-1a over the window's characters.
            w.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| {
                (h ^ c as u64).wrapping_mul(0x0100_0000_01b3)
            })
        })
    }
}

/// Every window of OLD's text.
pub(crate) struct OldIndex {
    windows: HashSet<u64>,
    run: usize,
}

impl OldIndex {
    pub(crate) fn new<'a>(sentences: impl IntoIterator<Item = &'a Keyed>, run: usize) -> OldIndex {
        let mut windows = HashSet::new();
        for s in sentences {
            windows.extend(s.windows(run));
        }
        OldIndex { windows, run }
    }

    /// Written characters of `s` inside a run also found in OLD.
    pub(crate) fn copied(&self, s: &Keyed) -> usize {
        let mut copied = 0;
        // Characters before `covered_to` are already counted.
        let mut covered_to = 0;
        for (start, h) in s.windows(self.run).enumerate() {
            if !self.windows.contains(&h) {
                continue;
            }
            let from = start.max(covered_to);
            let to = start + self.run;
            copied += s.weights[from..to]
                .iter()
                .map(|&w| w as usize)
                .sum::<usize>();
            covered_to = to;
        }
        copied
    }
}

/// Share (0..=1) of `new`'s compared characters inside runs of `run` characters also in `old`:
/// how alike two sentences are, in time linear in their lengths.
pub(crate) fn likeness(old: &Keyed, new: &Keyed, run: usize) -> f64 {
    let index = OldIndex::new([old], run);
    let total = new.written();
    if total == 0 {
        return 0.0;
    }
    index.copied(new) as f64 / total as f64
}

/// Whether a sentence is wording every report must contain, whatever the year.
pub(crate) fn is_fixed_wording(sentence: &str, whole_paragraph: bool) -> bool {
    let s = sentence.trim();
    if s.contains("信息处理费") {
        return true;
    }
    if s.starts_with("注：") || s.starts_with("注:") {
        return true;
    }
    let terminated = s.ends_with(['。', '！', '？', '；', '!', '?', ';']);
    let len = s.chars().filter(|c| !c.is_whitespace()).count();
    // A paragraph that is one short unterminated line is a sub-heading.
    if whole_paragraph && !terminated && len <= 25 {
        return true;
    }
    // 「（一）主动公开。」: an ordinal and a few words.
    let rest = strip_ordinal(s);
    rest.len() != s.len() && rest.trim_end_matches(['。', '：', ':']).chars().count() <= 15
}

fn strip_ordinal(s: &str) -> &str {
    const NUMERALS: &[char] = &[
        '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '0', '1', '2', '3', '4', '5',
        '6', '7', '8', '9',
    ];
    let inner = s
        .strip_prefix(['（', '('])
        .map(|r| r.trim_start_matches(NUMERALS))
        .and_then(|r| r.strip_prefix(['）', ')']));
    if let Some(r) = inner {
        return r;
    }
    let r = s.trim_start_matches(NUMERALS);
    if r.len() != s.len() {
        if let Some(r) = r.strip_prefix(['、', '.', '．']) {
            return r;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_spaces_do_not_hide_a_copy() {
        let old = Keyed::new("2022年，我镇在政府网站公开各类信息 12 条。");
        let new = Keyed::new("2023 年，我镇在政府网站公开各类信息５７条。");
        assert_eq!(likeness(&old, &new, MIN_RUN), 1.0);
        assert_eq!(new.written(), 23);
    }

    #[test]
    fn a_changed_phrase_leaves_the_rest_copied() {
        let old =
            Keyed::new("针对存在问题，下一步，将切实抓好以下工作：一是扎实推进依申请公开工作。");
        let new =
            Keyed::new("针对存在问题，2025年我们将切实抓好以下工作：一是扎实推进依申请公开工作。");
        let index = OldIndex::new([&old], MIN_RUN);
        let copied = index.copied(&new);
        // Everything after 「将」 is copied (24 characters), the changed start is not.
        assert_eq!(copied, 24);
        let unrelated = Keyed::new("全区共办理人大代表建议二十件、政协提案十五件。");
        assert_eq!(index.copied(&unrelated), 0);
    }

    #[test]
    fn fixed_wording_is_recognised() {
        assert!(is_fixed_wording(
            "2024 年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取信息处理费 0 元。",
            false
        ));
        assert!(is_fixed_wording("（一）主动公开", true));
        assert!(is_fixed_wording("（二）依申请公开。", false));
        assert!(is_fixed_wording("注：本表数据截至12月31日。", false));
        assert!(!is_fixed_wording(
            "（一）主动公开。全年在政府网站公开各类信息 2428 条，较上年增加一倍以上。",
            false
        ));
        assert!(!is_fixed_wording("全年公开信息一百条。", false));
    }
}
