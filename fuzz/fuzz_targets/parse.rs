//! Fuzz target: arbitrary bytes through the whole reader.
//!
//! `parse_bytes` must never panic: it either refuses the input (empty, binary, too large,
//! undecodable) or returns a report. When the bytes decode, the lossy UTF-8 text also goes
//! through `parse` directly (the path the library offers for text already in memory).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if gaogen_grammar::parse_bytes(data).is_ok() {
        let text = String::from_utf8_lossy(data);
        let _ = gaogen_grammar::parse(&text);
    }
});
