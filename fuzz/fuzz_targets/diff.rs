//! Fuzz target: two inputs (split at the first 0xFF byte, or in the middle) read and compared
//! (cells, chain rules across years, reused text). Nothing may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let at = data
        .iter()
        .position(|&b| b == 0xFF)
        .unwrap_or(data.len() / 2);
    let (a, b) = (&data[..at], &data[(at + 1).min(data.len())..]);
    let old = gaogen_grammar::parse(&String::from_utf8_lossy(a));
    let new = gaogen_grammar::parse(&String::from_utf8_lossy(b));
    let _ = gaogen_model::diff::diff(&old, &new, gaogen_model::diff::DiffOptions::default());
});
