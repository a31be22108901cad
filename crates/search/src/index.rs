//! The index: open/create, write (upsert/delete/commit), cursor, rebuild.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use tantivy::directory::MmapDirectory;
use tantivy::schema::Field;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::analysis;
use crate::cache::Caches;
use crate::doc::{day_number, nace_terms, region_terms};
use crate::schema::{self, Fields};
use crate::{Entity, Error, IndexDoc, Lang, Result};

/// Writer tuning. The defaults suit a 2-core server that also answers requests.
#[derive(Debug, Clone, Copy)]
pub struct WriterConfig {
    pub threads: usize,
    /// Total indexing memory across threads, bytes (tantivy needs >= 15 MB per thread).
    pub memory_bytes: usize,
}

impl Default for WriterConfig {
    fn default() -> Self {
        WriterConfig {
            threads: 2,
            memory_bytes: 128 << 20,
        }
    }
}

/// A full-text index of offers and organisations. Safe to share between threads: searches
/// run concurrently, writes are serialised on one tantivy writer.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    pub(crate) fields: Fields,
    pub(crate) cache: Caches,
}

/// The audience of entries everyone may see.
pub(crate) const PUBLIC: i64 = 0;

impl SearchIndex {
    /// Opens the index in `dir`, creating it (and the directory) when absent. An index with
    /// another schema (made by an older version) is emptied: it is derived, and an empty index
    /// has cursor 0, so the next sync rebuilds it from the change log.
    pub fn open_or_create(dir: &Path) -> Result<Self> {
        Self::open_with(dir, WriterConfig::default())
    }

    pub fn open_with(dir: &Path, cfg: WriterConfig) -> Result<Self> {
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = schema::build();
        let mmap = MmapDirectory::open(dir).map_err(|e| Error::Open(e.to_string()))?;
        let index = match Index::open_or_create(mmap, schema.clone()) {
            Ok(index) => index,
            Err(tantivy::TantivyError::SchemaError(why)) => {
                tracing::warn!(dir = %dir.display(), %why, "search index of another schema: emptied, will be rebuilt");
                std::fs::remove_dir_all(dir)?;
                std::fs::create_dir_all(dir)?;
                let mmap = MmapDirectory::open(dir).map_err(|e| Error::Open(e.to_string()))?;
                Index::create(mmap, schema, tantivy::IndexSettings::default())?
            }
            Err(e) => return Err(e.into()),
        };
        Self::from_index(index, fields, cfg)
    }

    /// A throw-away index in memory (tests, small tools).
    pub fn in_memory() -> Result<Self> {
        let (schema, fields) = schema::build();
        let index = Index::create_in_ram(schema);
        Self::from_index(
            index,
            fields,
            WriterConfig {
                threads: 1,
                memory_bytes: 32 << 20,
            },
        )
    }

    fn from_index(index: Index, fields: Fields, cfg: WriterConfig) -> Result<Self> {
        for l in Lang::ALL {
            index
                .tokenizers()
                .register(&analysis::tokenizer_name(l), analysis::analyzer(l));
        }
        let threads = cfg.threads.max(1);
        let memory = cfg.memory_bytes.max(threads * (16 << 20));
        let writer = index.writer_with_num_threads(threads, memory)?;
        // Manual reloads: we reload right after our own commits, so a search never lags a
        // commit made by this process.
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            writer: Mutex::new(writer),
            fields,
            cache: Caches::new(),
        })
    }

    pub(crate) fn reader(&self) -> &IndexReader {
        &self.reader
    }

    fn writer(&self) -> Result<MutexGuard<'_, IndexWriter>> {
        self.writer.lock().map_err(|_| Error::Poisoned)
    }

    /// Adds or replaces `doc` (visible after `commit`).
    pub fn upsert(&self, doc: &IndexDoc) -> Result<()> {
        let tdoc = self.to_tantivy(doc);
        let w = self.writer()?;
        w.delete_term(self.key_term(doc.entity, doc.id));
        w.add_document(tdoc)?;
        Ok(())
    }

    /// Adds `doc` without first removing an older version: for bulk loads into an empty
    /// index (after `rebuild`), where the delete of `upsert` is wasted work.
    pub fn insert(&self, doc: &IndexDoc) -> Result<()> {
        let tdoc = self.to_tantivy(doc);
        self.writer()?.add_document(tdoc)?;
        Ok(())
    }

    /// Removes an entity (visible after `commit`); removing an absent one is not an error.
    pub fn delete(&self, entity: Entity, id: i64) -> Result<()> {
        self.writer()?.delete_term(self.key_term(entity, id));
        Ok(())
    }

    /// Makes pending writes visible, keeping the stored cursor.
    pub fn commit(&self) -> Result<()> {
        let cursor = self.cursor()?;
        self.commit_with_cursor(cursor)
    }

    /// Commits pending writes and the change-log position they reflect, atomically: the
    /// cursor travels in tantivy's commit payload, so a crash can never leave an index that
    /// claims changes it does not hold.
    pub fn commit_with_cursor(&self, seq: i64) -> Result<()> {
        let mut w = self.writer()?;
        let mut prepared = w.prepare_commit()?;
        prepared.set_payload(&seq.to_string());
        prepared.commit()?;
        drop(w);
        self.reader.reload()?;
        Ok(())
    }

    /// The last change-log sequence number applied (0 for a new or rebuilt index).
    pub fn cursor(&self) -> Result<i64> {
        let metas = self.index.load_metas()?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or(0))
    }

    /// Stores `seq` as the cursor, committing any pending writes with it.
    pub fn set_cursor(&self, seq: i64) -> Result<()> {
        self.commit_with_cursor(seq)
    }

    /// Empties the index and resets the cursor to 0 (for `klaster reindex`: call this, then
    /// apply the whole change log or upsert every entity and commit with the head sequence).
    pub fn rebuild(&self) -> Result<()> {
        self.writer()?.delete_all_documents()?;
        self.commit_with_cursor(0)
    }

    /// Number of indexed entities (as of the last commit).
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Merges segments and drops deleted documents; call after a bulk build. Blocks.
    pub fn optimize(&self) -> Result<()> {
        let ids = self.index.searchable_segment_ids()?;
        if ids.len() > 1 {
            let mut w = self.writer()?;
            let merge = w.merge(&ids);
            drop(w);
            merge.wait()?;
        }
        let w = self.writer()?;
        w.garbage_collect_files().wait()?;
        drop(w);
        self.reader.reload()?;
        Ok(())
    }

    fn key_term(&self, entity: Entity, id: i64) -> Term {
        Term::from_field_text(self.fields.key, &key(entity, id))
    }

    fn to_tantivy(&self, d: &IndexDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.key, key(d.entity, d.id));
        doc.add_text(f.entity, d.entity.as_str());
        doc.add_i64(f.id, d.id);
        if let Some(k) = d.kind.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            doc.add_text(f.kind, k);
        }
        doc.add_text(f.orig_lang, d.original_lang.code());
        add_all(&mut doc, f.nace, d.nace.iter().flat_map(|c| nace_terms(c)));
        add_all(
            &mut doc,
            f.region,
            d.regions.iter().flat_map(|c| region_terms(c)),
        );
        if let Some(c) = d
            .country
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            doc.add_text(f.country, c.to_ascii_uppercase());
        }
        for c in &d.clusters {
            doc.add_i64(f.cluster, *c);
        }
        doc.add_i64(f.audience, d.audience.unwrap_or(PUBLIC));
        if let Some(dl) = d.deadline {
            doc.add_i64(f.deadline, day_number(dl));
        }
        doc.add_i64(f.published, d.published.timestamp());
        let mut seen = [false; Lang::ALL.len()];
        // A later entry for the same language wins.
        for t in d.texts.iter().rev() {
            if std::mem::replace(&mut seen[t.lang.index()], true) {
                continue;
            }
            let text = if t.body.is_empty() {
                t.title.clone()
            } else {
                format!("{}\n{}", t.title, t.body)
            };
            doc.add_text(f.text(t.lang), text);
        }
        doc
    }
}

fn add_all(doc: &mut TantivyDocument, field: Field, values: impl Iterator<Item = String>) {
    let mut vs: Vec<String> = values.collect();
    vs.sort();
    vs.dedup();
    for v in vs {
        doc.add_text(field, v);
    }
}

fn key(entity: Entity, id: i64) -> String {
    format!("{}:{id}", entity.as_str())
}
