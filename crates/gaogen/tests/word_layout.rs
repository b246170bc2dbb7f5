//! The rendered Word file is laid out like an official document: real heading styles, header
//! rows repeated, rows never split, headings kept with their tables, page numbers in the footer.
//! (LibreOffice's pagination of the same file is checked by .ci/check-docx.py.)

#![allow(clippy::disallowed_methods)] // tests read their fixtures directly

use assert_cmd::Command;
use std::io::Read;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The parts of the Word package rendered from an example.
fn rendered(example: &str) -> impl Fn(&str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.docx");
    let status = Command::cargo_bin("gaogen")
        .unwrap()
        .arg("render")
        .arg(root().join(format!("examples/{example}.toml")))
        .args(["--format", "docx", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(0), "{status:?}");
    let bytes = std::fs::read(&out).unwrap();
    move |name: &str| {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
        let mut text = String::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("{name} in the package"))
            .read_to_string(&mut text)
            .unwrap();
        text
    }
}

/// The `<w:tr>` elements of the n-th table.
fn rows(document: &str, table: usize) -> Vec<&str> {
    let t = document.split("<w:tbl>").nth(table + 1).unwrap();
    let t = &t[..t.find("</w:tbl>").unwrap()];
    t.split("<w:tr>").skip(1).collect()
}

#[test]
fn headings_are_word_headings_and_the_footer_numbers_pages() {
    let part = rendered("township");
    let styles = part("word/styles.xml");
    assert!(
        styles.contains(r#"w:styleId="Heading1""#)
            && styles.contains(r#"<w:name w:val="heading 1"/>"#)
    );
    assert!(styles.contains(r#"<w:outlineLvl w:val="0"/>"#));
    let document = part("word/document.xml");
    // Six section headings in the heading style.
    assert_eq!(
        document.matches(r#"<w:pStyle w:val="Heading1"/>"#).count(),
        6
    );
    assert!(document.contains(r#"<w:footerReference w:type="default" r:id="rId2"/>"#));
    let rels = part("word/_rels/document.xml.rels");
    assert!(rels.contains(r#"Id="rId2""#) && rels.contains("footer1.xml"));
    assert!(part("word/footer1.xml").contains(" PAGE "));
    assert!(part("[Content_Types].xml").contains("/word/styles.xml"));
}

#[test]
fn table_rows_do_not_split_and_headers_repeat() {
    let document = rendered("county_bureau")("word/document.xml");
    // 表二, 表三, 表四 in that order.
    for (table, header) in [(0, 0), (1, 3), (2, 3)] {
        let rows = rows(&document, table);
        assert!(
            rows.iter().all(|r| r.contains("<w:cantSplit/>")),
            "table {table}"
        );
        let repeated = rows
            .iter()
            .take_while(|r| r.contains("<w:tblHeader/>"))
            .count();
        assert_eq!(repeated, header, "table {table}");
        assert_eq!(
            rows.iter().filter(|r| r.contains("<w:tblHeader/>")).count(),
            header
        );
    }
    // 表三's header stays with its first data row, the data rows flow across pages.
    let t3 = rows(&document, 1);
    assert!(t3[..3].iter().all(|r| r.contains("<w:keepNext/>")));
    assert!(!t3[10].contains("<w:keepNext/>"));
    // 表二 (short) is kept on one page: every row but the last stays with the next.
    let t2 = rows(&document, 0);
    assert!(t2[..t2.len() - 1]
        .iter()
        .all(|r| r.contains("<w:keepNext/>")));
}

#[test]
fn the_paragraph_before_a_table_stays_with_it() {
    let document = rendered("township")("word/document.xml");
    let parts: Vec<&str> = document.split("<w:tbl>").collect();
    assert_eq!(parts.len(), 4, "three tables");
    for (i, before) in parts[..3].iter().enumerate() {
        let last = before.rsplit("<w:p>").next().unwrap();
        assert!(
            last.contains("<w:keepNext/>") || last.contains(r#"<w:pStyle w:val="Heading1"/>"#),
            "the paragraph before table {i}: {last}"
        );
    }
}
