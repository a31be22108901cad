-- Human-reviewed translations, the translation memory of the built-in engine.
-- Keep in step with ../postgres/0004_translation_memory.sql.
CREATE TABLE translation_memory (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    source_lang  TEXT NOT NULL,
    target_lang  TEXT NOT NULL,
    source_text  TEXT NOT NULL,
    target_text  TEXT NOT NULL,
    reviewed_by  INTEGER,
    created_at   TEXT NOT NULL
);
