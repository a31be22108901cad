-- Answers a signed-in person is still writing, saved at every step of the questionnaire, so
-- they can stop and come back. Keep in step with ../sqlite/0008_questionnaire_drafts.sql.

CREATE TABLE questionnaire_drafts (
    user_id           BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    questionnaire_id  BIGINT NOT NULL REFERENCES questionnaires(id),
    lang              TEXT NOT NULL,
    cluster_id        BIGINT,
    answers           TEXT NOT NULL,          -- JSON: {section: {question: answer}}
    updated_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, questionnaire_id)
);
