//! crosscheck: finds the same claim across news outlets, scores how well the reports agree,
//! flags discrepancies and rates outlets and claimants from that evidence.
//!
//! The pipeline: [`ingest`] reads the corpus into [`model::Article`]s, [`index`] stores them
//! in a tantivy index; [`pipeline`] runs the two together. See `ARCHITECTURE.md`.

pub mod compare;
pub mod dates;
pub mod error;
pub mod extract;
pub mod gen;
pub mod index;
pub mod ingest;
pub mod interval;
pub mod matching;
pub mod model;
pub mod pipeline;
pub mod places;
pub mod reliability;
pub mod report;
pub mod serve;
pub mod stories;
pub mod stream;

pub use error::{panic_message, Error, Result};
