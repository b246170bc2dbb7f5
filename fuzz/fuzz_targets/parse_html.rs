//! Fuzz target: arbitrary text wrapped in an HTML page, so that every input takes the HTML path
//! (html5ever tokenizer, table grid with rowspan/colspan, `| … |` rows) of the reader.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    let page = format!("<html><body>{body}</body></html>");
    let _ = gaogen_grammar::parse(&page);
});
