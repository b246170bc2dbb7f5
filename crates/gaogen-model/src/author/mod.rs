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
pub use input::{parse_toml, to_report, Meta, ReportToml, Texts, T4_INPUT};
pub use render::{render, uses_2019, view, OutputFormat, T3Line, View};
pub use write::{write_toml, Editions, Fill};
