//! Full-text search for Klaster: offers and organisations, every language version analysed
//! with its own language's rules, facets and filters on codes with their ancestors, and a
//! cursor into the store's change log so each server process keeps its own index in step.
//!
//! The index is derived data: `SearchIndex::rebuild` plus a full `sync_once` (or upserting
//! every entity) recreates it from the database.

pub mod analysis;
mod cache;
mod doc;
mod facets;
mod index;
mod lang;
mod query;
mod schema;
mod search;
mod sync;

pub use doc::{Entity, IndexDoc, LangText};
pub use facets::Facets;
pub use index::{SearchIndex, WriterConfig};
pub use lang::Lang;
pub use query::{Filters, MAX_LIMIT, MAX_OFFSET, SearchQuery, Sort};
pub use search::{Hit, SearchResults};
pub use sync::{Change, ChangeOp, ChangeSource, SYNC_BATCH, sync_once, sync_with_batch};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index: cannot open directory: {0}")]
    Open(String),
    #[error("search index: {0}")]
    Io(#[from] std::io::Error),
    #[error("search index: writer lock poisoned")]
    Poisoned,
    #[error("search index: unknown language {0:?}")]
    UnknownLanguage(String),
    #[error("search index: change source: {0}")]
    Source(Box<dyn std::error::Error + Send + Sync>),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
