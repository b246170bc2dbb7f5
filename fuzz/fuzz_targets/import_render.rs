//! Fuzz target: a published report → report.toml (as `gaogen import` writes it) → read back →
//! rendered to Markdown, text, HTML and Word. What import writes must always parse as TOML
//! (import never writes what render cannot read); nothing may panic.
#![no_main]

use gaogen_model::author::{self, Editions, Fill, OutputFormat};
use gaogen_model::TableKey;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let report = gaogen_grammar::parse(&String::from_utf8_lossy(data));
    let editions = Editions {
        table2: report.table(TableKey::ActiveDisclosure).version,
        table3: report.table(TableKey::Applications).version,
    };
    let agency = report.agency.as_deref().unwrap_or("（未能读出机关名称）");
    let (toml, _) = author::write_toml(agency, report.year.unwrap_or(0), editions, Fill::Copy(&report));
    let input = match author::parse_toml(&toml) {
        Ok(input) => input,
        Err(d) => panic!("import wrote a report.toml that does not parse: {}\n{toml}", d.message),
    };
    let (authored, errors) = author::to_report(&input, &toml);
    let view = author::view(&authored, None, None);
    for format in [OutputFormat::Markdown, OutputFormat::Text, OutputFormat::Html] {
        let _ = author::render(&view, format);
    }
    if errors.is_empty() {
        let _ = author::render_docx(&view);
    }
});
