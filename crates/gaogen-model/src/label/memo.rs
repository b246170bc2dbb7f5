//! Answers of pure functions of a text, kept for the first texts seen (label normalising and
//! matching: the same labels come back in report after report).

use rustc_hash::FxHashMap;
use std::sync::RwLock;

/// How many answers a [`Memo`] keeps.
pub(super) const MEMO_ENTRIES: usize = 4096;

/// The answers of a pure function of a text, kept for the first [`MEMO_ENTRIES`] texts seen
/// (bounded in a directory run and in a server); only looked up, never iterated.
#[derive(Debug)]
pub(super) struct Memo<V>(RwLock<FxHashMap<Box<str>, V>>);

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo(RwLock::default())
    }
}

impl<V: Clone> Memo<V> {
    /// The answer kept for `text`, if any.
    fn known(&self, text: &str) -> Option<V> {
        self.0
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(text)
            .cloned()
    }

    /// The answer kept for `text`, or `compute`'s, kept while there is room.
    pub(super) fn get_or(&self, text: &str, compute: impl FnOnce() -> V) -> V {
        if let Some(known) = self.known(text) {
            return known;
        }
        let answer = compute();
        let mut map = self.0.write().unwrap_or_else(|e| e.into_inner());
        if map.len() < MEMO_ENTRIES {
            map.insert(text.into(), answer.clone());
        }
        answer
    }
}

impl Memo<&'static str> {
    /// The text kept for `text`, or `compute`'s answer, kept for the rest of the run while there
    /// is room. A kept answer is never removed or replaced, so it lives as long as the memo (a
    /// static): at most [`MEMO_ENTRIES`] answers are ever kept.
    pub(super) fn get_or_keep(
        &self,
        text: &str,
        compute: impl FnOnce() -> String,
    ) -> std::borrow::Cow<'static, str> {
        if let Some(known) = self.known(text) {
            return known.into();
        }
        let answer = compute();
        let mut map = self.0.write().unwrap_or_else(|e| e.into_inner());
        if let Some(&known) = map.get(text) {
            // Another thread kept it meanwhile.
            return known.into();
        }
        if map.len() >= MEMO_ENTRIES {
            return answer.into();
        }
        let kept: &'static str = Box::leak(answer.into_boxed_str());
        map.insert(text.into(), kept);
        kept.into()
    }
}
