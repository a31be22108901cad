//! Questionnaires as data: how firms enter the directory.
//!
//! A [`Questionnaire`] is versioned, stored as JSON and never edited in place: a change is a new
//! version, so every stored response can still be read against the questions it answered. The
//! one exception is a translation: a version may gain texts in further languages, its questions,
//! choices and rules untouched ([`Questionnaire::gains_only_languages`]).
//! Answers are JSON objects keyed by section and question key
//! (`{"company": {"nip": "774-000-14-54"}}`); errors point at `answers.<section>.<question>`.

mod answers;
mod default;
mod definition;
mod response;

pub use answers::{AnswerValue, Answers};
pub use default::{DEFAULT_QUESTIONNAIRE_KEY, default_questionnaire};
pub use response::{ResponseStatus, ReviewInput};

use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// A versioned questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Stable slug, e.g. `cluster-cooperation`.
    pub key: String,
    /// Starts at 1; a changed questionnaire is a new version.
    pub version: i32,
    pub title: Vec<LocalizedText>,
    /// ISO 639-1 codes every text is given in; the first is the default for answers.
    pub languages: Vec<String>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub key: String,
    pub title: Vec<LocalizedText>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique within its section.
    pub key: String,
    pub kind: QuestionKind,
    #[serde(default)]
    pub required: bool,
    pub text: Vec<LocalizedText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub help: Vec<LocalizedText>,
    /// The choices of `single_choice` and `multiple_choice` questions; empty for the others.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// The profile field this answer fills when the response is accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maps_to: Option<ProfileField>,
    /// For `yes_no` only: the answer must be yes (a consent).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub must_be_yes: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Stable machine value stored in answers.
    pub value: String,
    pub text: Vec<LocalizedText>,
}

/// The type of a question and its parameters. JSON: `{"type":"short_text","max_len":200}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    ShortText {
        max_len: usize,
    },
    LongText {
        max_len: usize,
    },
    SingleChoice,
    MultipleChoice,
    YesNo,
    Number {
        #[serde(default)]
        min: Option<f64>,
        #[serde(default)]
        max: Option<f64>,
        #[serde(default)]
        integer: bool,
    },
    /// ISO 8601 date, `YYYY-MM-DD`.
    Date,
    NacePicker {
        #[serde(default)]
        multiple: bool,
    },
    RegionPicker,
    CountryPicker {
        #[serde(default)]
        multiple: bool,
    },
}

impl QuestionKind {
    pub fn is_choice(&self) -> bool {
        matches!(
            self,
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice
        )
    }

    /// True when the answer is a list.
    pub fn is_multiple(&self) -> bool {
        matches!(
            self,
            QuestionKind::MultipleChoice
                | QuestionKind::NacePicker { multiple: true }
                | QuestionKind::CountryPicker { multiple: true }
        )
    }

    fn is_text(&self) -> bool {
        matches!(
            self,
            QuestionKind::ShortText { .. } | QuestionKind::LongText { .. }
        )
    }
}

/// A field of the organisation profile (or of its first contact person) that a question fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProfileField {
    Name,
    ShortName,
    Nip,
    Regon,
    Krs,
    EuVat,
    Unp,
    Kind,
    Country,
    Region,
    Street,
    PostalCode,
    City,
    Website,
    Email,
    Phone,
    NaceMain,
    NaceOther,
    Description,
    Capabilities,
    Keywords,
    Certifications,
    MachinePark,
    ProductionCapacity,
    SizeClass,
    Employees,
    FoundedYear,
    ExportMarkets,
    Languages,
    ContactName,
    ContactRole,
    ContactEmail,
    ContactPhone,
}

impl ProfileField {
    /// Whether a question of `kind` can fill this field. (Choice options are checked separately.)
    pub fn accepts(self, kind: &QuestionKind) -> bool {
        use ProfileField as F;
        use QuestionKind as K;
        match self {
            F::Kind | F::SizeClass => matches!(kind, K::SingleChoice),
            F::Country => matches!(kind, K::CountryPicker { multiple: false }),
            F::ExportMarkets => matches!(kind, K::CountryPicker { .. }),
            F::Region => matches!(kind, K::RegionPicker),
            F::NaceMain => matches!(kind, K::NacePicker { multiple: false }),
            F::NaceOther => matches!(kind, K::NacePicker { .. }),
            F::Employees | F::FoundedYear => matches!(kind, K::Number { integer: true, .. }),
            F::Languages | F::Capabilities | F::Keywords | F::Certifications | F::MachinePark => {
                kind.is_text() || kind.is_choice()
            }
            _ => kind.is_text(),
        }
    }

    /// The option values a choice question must draw from to fill this field, if restricted.
    fn allowed_values(self) -> Option<Vec<&'static str>> {
        match self {
            ProfileField::Kind => Some(
                crate::org::OrgKind::ALL
                    .iter()
                    .map(|k| k.as_str())
                    .collect(),
            ),
            ProfileField::SizeClass => Some(
                crate::org::SizeClass::ALL
                    .iter()
                    .map(|s| s.as_str())
                    .collect(),
            ),
            _ => None,
        }
    }

    fn is_contact(self) -> bool {
        matches!(
            self,
            ProfileField::ContactName
                | ProfileField::ContactRole
                | ProfileField::ContactEmail
                | ProfileField::ContactPhone
        )
    }
}

impl Questionnaire {
    /// The question at `section.question`, if any.
    pub fn question(&self, section: &str, question: &str) -> Option<&Question> {
        self.sections
            .iter()
            .find(|s| s.key == section)
            .and_then(|s| s.questions.iter().find(|q| q.key == question))
    }

    /// The (section key, question) filling `field`.
    pub fn question_for(&self, field: ProfileField) -> Option<(&str, &Question)> {
        self.sections.iter().find_map(|s| {
            s.questions
                .iter()
                .find(|q| q.maps_to == Some(field))
                .map(|q| (s.key.as_str(), q))
        })
    }

    /// The default answer language: the first of `languages`.
    pub fn default_language(&self) -> &str {
        self.languages.first().map(String::as_str).unwrap_or("en")
    }

    /// This definition with the texts (and languages) of `langs` only.
    pub fn restricted_to(&self, langs: &[&str]) -> Questionnaire {
        let keep =
            |texts: &mut Vec<LocalizedText>| texts.retain(|t| langs.contains(&t.lang.as_str()));
        let mut q = self.clone();
        q.languages.retain(|l| langs.contains(&l.as_str()));
        keep(&mut q.title);
        for s in &mut q.sections {
            keep(&mut s.title);
            for question in &mut s.questions {
                keep(&mut question.text);
                keep(&mut question.help);
                for o in &mut question.options {
                    keep(&mut o.text);
                }
            }
        }
        q
    }

    /// Whether `newer` is this definition with texts in more languages and nothing else
    /// changed: the one edit a stored version may take, since whoever answered it saw the same
    /// questions, choices and rules.
    pub fn gains_only_languages(&self, newer: &Questionnaire) -> bool {
        let mine: Vec<&str> = self.languages.iter().map(String::as_str).collect();
        newer != self
            && newer.languages.starts_with(&self.languages)
            && newer.restricted_to(&mine) == *self
    }
}

#[cfg(test)]
mod tests;
