//! Fuzz target: the bytes as `word/document.xml` of a .docx package, through the Word reader
//! (merged cells, nested tables, entities, the text limit). Nothing may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;

fuzz_target!(|data: &[u8]| {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    if zip
        .start_file("word/document.xml", zip::write::SimpleFileOptions::default())
        .is_err()
        || zip.write_all(data).is_err()
    {
        return;
    }
    let Ok(cursor) = zip.finish() else { return };
    let _ = gaogen_grammar::parse_bytes(&cursor.into_inner());
});
