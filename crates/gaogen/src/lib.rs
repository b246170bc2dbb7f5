//! gaogen as a library: what the `gaogen` command line and the web service both call.
//!
//! - [`check`]: [`check_report`] (bytes, e.g. an upload), [`check_path`] (a file),
//!   [`Selection`] (`--select`/`--ignore`), [`check::FileSummary`], [`check::Totals`],
//!   [`check::explain`]; [`summary`] renders the per-file summaries (CSV, JSON, table).
//! - [`author`]: [`author::load_toml`], [`author::render`] / [`author::render_toml`] (report.toml
//!   → md/txt/html/docx), [`author::init_text`], [`author::import_report`].
//! - [`diff`]: [`diff::compare_paths`] / [`diff::compare`] and the comparison's JSON and text.
//! - [`draft`]: `check report.toml` (a draft at TOML positions); [`guide`]: output format from the
//!   file name, wrong-kind files, what was written and what to do next, what a draft lacks.
//! - [`score`]: [`score::score_paths`] scores reports with a [`score::Profile`]; [`pairs`]
//!   pairs consecutive years of one agency.
//! - [`parse`]: the model as JSON and a summary for people; [`rules`]: the rule list.
//! - [`serve`]: the web pages and the HTTP API (`gaogen serve`, docs/api.md).
//! - [`workbook`]: the authoring workbook (.xlsx) written by `init`/`import` and read by
//!   `render`/`check`, diagnostics at 「表三!D12」.
//! - [`written`]: what `render`, `init`, `import` and `export` print with `--format json`.
//! - [`input`] is the only module that reads files, [`write`] the only one that writes them,
//!   [`printer`] the only one that prints.
//!
//! Every fallible function returns [`Error`] (its `Display` is the Chinese message); a command
//! ends with an [`ExitStatus`].

pub mod author;
pub mod check;
pub mod check_output;
pub mod diff;
pub mod draft;
mod error;
pub mod export;
pub mod guide;
pub mod input;
pub mod ordered;
pub mod pairs;
pub mod parse;
pub mod printer;
pub mod render_diag;
pub mod rollup;
pub mod rules;
pub mod sarif;
pub mod score;
pub mod serve;
pub mod summary;
pub mod table_text;
pub mod terminal;
pub mod workbook;
pub mod write;
pub mod written;

pub use check::{check_path, check_report, Selection};
pub use error::{Error, ExitStatus};
