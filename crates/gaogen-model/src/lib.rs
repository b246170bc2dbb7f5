//! The gaogen model: the official format of 政府信息公开工作年度报告 as data ([`schema`]), the
//! report as it was read ([`report`]) and label normalisation ([`label`]).
//!
//! This crate does no I/O.

pub mod agency;
pub mod author;
pub mod check;
pub mod diff;
pub mod label;
pub mod lines;
pub mod registry;
pub mod report;
pub mod schema;

pub use report::*;
pub use schema::{ColumnId, FormatVersion, RowId, RowKind, SectionKey, TableKey};
