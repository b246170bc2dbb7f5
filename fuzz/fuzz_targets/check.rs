//! Fuzz target: bytes → reader → every check rule. Nothing may panic, wrap or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = gaogen_grammar::parse_bytes(data) {
        let _ = gaogen_model::check::check(&report);
    }
});
