//! The tantivy schema and the field handles.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::Lang;
use crate::analysis::tokenizer_name;

#[derive(Clone)]
pub(crate) struct Fields {
    /// "offer:42": the unique key, for delete-then-add.
    pub key: Field,
    pub entity: Field,
    pub id: Field,
    pub kind: Field,
    pub orig_lang: Field,
    pub nace: Field,
    pub region: Field,
    pub country: Field,
    pub cluster: Field,
    /// 0 for entries everyone may see, else the cluster whose members alone may.
    pub audience: Field,
    /// Days since 1970-01-01.
    pub deadline: Field,
    /// Unix seconds.
    pub published: Field,
    /// One per `Lang::ALL`, in that order.
    pub text: Vec<Field>,
}

impl Fields {
    pub fn text(&self, lang: Lang) -> Field {
        self.text[lang.index()]
    }
}

pub(crate) fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let key = b.add_text_field("key", STRING);
    let entity = b.add_text_field("entity", STRING | FAST | STORED);
    let id = b.add_i64_field("id", INDEXED | FAST | STORED);
    let kind = b.add_text_field("kind", STRING | FAST);
    let orig_lang = b.add_text_field("orig_lang", STRING | FAST | STORED);
    let nace = b.add_text_field("nace", STRING);
    let region = b.add_text_field("region", STRING);
    let country = b.add_text_field("country", STRING | FAST);
    let cluster = b.add_i64_field("cluster", INDEXED);
    let audience = b.add_i64_field("audience", INDEXED);
    let deadline = b.add_i64_field("deadline", INDEXED | FAST);
    let published = b.add_i64_field("published", FAST);
    let text = Lang::ALL
        .iter()
        .map(|l| {
            // Frequencies for BM25, no positions: there are no phrase queries, and positions
            // would only enlarge an index that holds eleven versions of everything.
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(&tokenizer_name(*l))
                .set_index_option(IndexRecordOption::WithFreqs);
            let opts = TextOptions::default()
                .set_indexing_options(indexing)
                .set_stored();
            b.add_text_field(&format!("text_{}", l.code()), opts)
        })
        .collect();
    let fields = Fields {
        key,
        entity,
        id,
        kind,
        orig_lang,
        nace,
        region,
        country,
        cluster,
        audience,
        deadline,
        published,
        text,
    };
    (b.build(), fields)
}
