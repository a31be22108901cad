-- Answers a signed-in person is still writing, saved at every step of the questionnaire, so
-- they can stop and come back. Keep in step with ../postgres/0008_questionnaire_drafts.sql.

CREATE TABLE questionnaire_drafts (
    user_id           INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    questionnaire_id  INTEGER NOT NULL REFERENCES questionnaires(id),
    lang              TEXT NOT NULL,
    cluster_id        INTEGER,
    answers           TEXT NOT NULL,          -- JSON: {section: {question: answer}}
    updated_at        TEXT NOT NULL,
    PRIMARY KEY (user_id, questionnaire_id)
);
