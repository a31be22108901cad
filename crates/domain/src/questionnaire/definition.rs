//! Checks that a questionnaire definition is usable before it is stored or published.

use super::{ProfileField, Question, QuestionKind, Questionnaire};
use crate::check;
use crate::errors::ValidationErrors;
use crate::text::LocalizedText;

/// Longest text answer a definition may allow.
pub const MAX_ANSWER_LEN: usize = 50_000;

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

impl Questionnaire {
    /// Checks the definition: slug keys unique within their scope, every text in every language
    /// of the questionnaire, choices with distinct options, sane limits, and `maps_to` targets
    /// that fit the question type and are used once. A questionnaire that fills a profile must
    /// fill its required fields (name, kind, country) from required questions.
    pub fn validate_definition(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::new();
        if !is_slug(&self.key) {
            e.add(
                "key",
                "invalid_key",
                "a key is 1 to 64 of a-z, 0-9, '_' and '-'",
            );
        }
        if self.version < 1 {
            e.add("version", "out_of_range", "the version starts at 1");
        }
        if self.languages.is_empty() {
            e.add("languages", "required", "at least one language is required");
        }
        for (i, l) in self.languages.iter().enumerate() {
            check::language(&format!("languages[{i}]"), l, &mut e);
        }
        self.texts("title", &self.title, true, &mut e);
        if self.sections.is_empty() {
            e.add("sections", "required", "at least one section is required");
        }

        let mut section_keys: Vec<&str> = Vec::new();
        let mut mapped: Vec<ProfileField> = Vec::new();
        for (si, s) in self.sections.iter().enumerate() {
            let sp = format!("sections[{si}]");
            if !is_slug(&s.key) {
                e.add(
                    format!("{sp}.key"),
                    "invalid_key",
                    "a key is 1 to 64 of a-z, 0-9, '_' and '-'",
                );
            } else if section_keys.contains(&s.key.as_str()) {
                e.add(
                    format!("{sp}.key"),
                    "duplicate",
                    format!("section key '{}' is used twice", s.key),
                );
            }
            section_keys.push(&s.key);
            self.texts(&format!("{sp}.title"), &s.title, true, &mut e);
            let mut question_keys: Vec<&str> = Vec::new();
            for (qi, q) in s.questions.iter().enumerate() {
                let qp = format!("{sp}.questions[{qi}]");
                if !is_slug(&q.key) {
                    e.add(
                        format!("{qp}.key"),
                        "invalid_key",
                        "a key is 1 to 64 of a-z, 0-9, '_' and '-'",
                    );
                } else if question_keys.contains(&q.key.as_str()) {
                    e.add(
                        format!("{qp}.key"),
                        "duplicate",
                        format!("question key '{}' is used twice", q.key),
                    );
                }
                question_keys.push(&q.key);
                self.check_question(&qp, q, &mut mapped, &mut e);
            }
        }

        if !mapped.iter().all(|f| f.is_contact()) {
            for field in [
                ProfileField::Name,
                ProfileField::Kind,
                ProfileField::Country,
            ] {
                if !self.question_for(field).is_some_and(|(_, q)| q.required) {
                    e.add(
                        "sections",
                        "missing_mapping",
                        format!("a required question must fill the profile field {field:?}"),
                    );
                }
            }
        }
        e.into_result(())
    }

    fn check_question(
        &self,
        qp: &str,
        q: &Question,
        mapped: &mut Vec<ProfileField>,
        e: &mut ValidationErrors,
    ) {
        self.texts(&format!("{qp}.text"), &q.text, true, e);
        self.texts(&format!("{qp}.help"), &q.help, false, e);
        match &q.kind {
            QuestionKind::ShortText { max_len } | QuestionKind::LongText { max_len }
                if !(1..=MAX_ANSWER_LEN).contains(max_len) =>
            {
                e.add(
                    format!("{qp}.kind.max_len"),
                    "out_of_range",
                    format!("max_len must lie between 1 and {MAX_ANSWER_LEN}"),
                );
            }
            QuestionKind::Number {
                min: Some(min),
                max: Some(max),
                ..
            } if min > max => {
                e.add(
                    format!("{qp}.kind.max"),
                    "out_of_range",
                    "max must not be below min",
                );
            }
            _ => {}
        }
        if q.kind.is_choice() {
            if q.options.is_empty() {
                e.add(
                    format!("{qp}.options"),
                    "required",
                    "a choice question needs options",
                );
            }
            let mut values: Vec<&str> = Vec::new();
            for (oi, o) in q.options.iter().enumerate() {
                let op = format!("{qp}.options[{oi}]");
                if !is_slug(&o.value) {
                    e.add(
                        format!("{op}.value"),
                        "invalid_key",
                        "an option value is 1 to 64 of a-z, 0-9, '_' and '-'",
                    );
                } else if values.contains(&o.value.as_str()) {
                    e.add(
                        format!("{op}.value"),
                        "duplicate",
                        format!("option '{}' is listed twice", o.value),
                    );
                }
                values.push(&o.value);
                self.texts(&format!("{op}.text"), &o.text, true, e);
            }
        } else if !q.options.is_empty() {
            e.add(
                format!("{qp}.options"),
                "options_not_allowed",
                "only choice questions have options",
            );
        }
        if q.must_be_yes && q.kind != QuestionKind::YesNo {
            e.add(
                format!("{qp}.must_be_yes"),
                "invalid",
                "must_be_yes applies to yes/no questions only",
            );
        }
        if let Some(field) = q.maps_to {
            let path = format!("{qp}.maps_to");
            if mapped.contains(&field) {
                e.add(
                    path,
                    "duplicate",
                    format!("{field:?} is filled by two questions"),
                );
            } else if !field.accepts(&q.kind) {
                e.add(
                    path,
                    "incompatible_mapping",
                    format!("this question type cannot fill {field:?}"),
                );
            } else if let Some(allowed) = field.allowed_values()
                && let Some(o) = q
                    .options
                    .iter()
                    .find(|o| !allowed.contains(&o.value.as_str()))
            {
                e.add(
                    path,
                    "incompatible_mapping",
                    format!("option '{}' is not a value of {field:?}", o.value),
                );
            }
            mapped.push(field);
        }
    }

    /// Every text in a known language; when `required`, one in each questionnaire language.
    fn texts(&self, path: &str, texts: &[LocalizedText], required: bool, e: &mut ValidationErrors) {
        for (i, t) in texts.iter().enumerate() {
            if !self.languages.contains(&t.lang) {
                e.add(
                    format!("{path}[{i}].lang"),
                    "unknown_language",
                    format!("'{}' is not a language of this questionnaire", t.lang),
                );
            }
            if t.text.trim().is_empty() {
                e.add(format!("{path}[{i}].text"), "required", "the text is empty");
            }
        }
        if required || !texts.is_empty() {
            for lang in &self.languages {
                if !texts.iter().any(|t| &t.lang == lang) {
                    e.add(path, "missing_translation", format!("no text in '{lang}'"));
                }
            }
        }
    }
}
