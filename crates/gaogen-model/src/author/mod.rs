//! Authoring: `report.toml` → a checked [`crate::Report`] → the published report.

mod codes;
mod docx;
mod escape;
mod input;
mod package;
mod render;
mod toml_errors;
mod write;

pub use codes::{A_MISSING, A_TOML, A_TOTAL, A_VALUE, CODES};
pub use docx::{render_docx, MergedCell, MergedTable};
pub use input::{parse_toml, to_report, Meta, ReportToml, Texts};
pub use render::{render, uses_2019, view, OutputFormat, T3Line, View};
pub use write::{write_toml, Editions, Fill};

impl crate::Section {
    /// A section written by the author (report.toml, the workbook): the official heading, placed
    /// at `span` (where the text was written, else `fallback`).
    pub fn authored(
        def: &crate::schema::SectionDef,
        span: Option<crate::Span>,
        fallback: crate::Span,
        paragraphs: Vec<crate::Paragraph>,
    ) -> crate::Section {
        crate::Section {
            key: def.key,
            number: def.number,
            official_heading: def.heading(),
            found: true,
            heading: Some(crate::Heading {
                text: def.heading(),
                span: span.unwrap_or(fallback),
                number_as_written: Some(def.number),
                quality: crate::label::MatchQuality::Exact,
            }),
            span,
            paragraphs,
        }
    }
}
