//! `report` owns presenting results: text for terminals, Markdown for newsroom documents,
//! JSON for pipes, CSV and self-contained HTML. Printers only format what the deciding
//! stages produced; every piece of article text is escaped on the way out (`escape`).

pub mod bulk;
pub mod common;
pub mod compare_text;
pub mod csv;
pub mod escape;
pub mod html;
pub mod listing;
pub mod markdown;
pub mod sources_text;
