//! A questionnaire's questions as form fields and back: the field each kind of question is
//! drawn as (with the draft's answer in it), the answers a posted section gives, the errors of
//! one section, and a read-only summary of all answers.

use klaster_domain::questionnaire::{Question, QuestionKind, Section};
use klaster_domain::text::LocalizedText;
use klaster_domain::{Questionnaire, ValidationErrors};
use serde_json::{Map, Value};

use crate::pages::forms::{Choice, Field};
use crate::pages::i18n::Tr;
use crate::pages::validation;

/// The text in `lang`, else in English (read by more of the portal's foreign partners than
/// any other language the questionnaire may have), else in the questionnaire's first language.
pub fn text(texts: &[LocalizedText], lang: &str, fallback: &str) -> String {
    texts
        .iter()
        .find(|t| t.lang == lang)
        .or_else(|| texts.iter().find(|t| t.lang == "en"))
        .or_else(|| texts.iter().find(|t| t.lang == fallback))
        .or(texts.first())
        .map_or_else(String::new, |t| t.text.clone())
}

fn value_text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        Some(Value::Bool(true)) => "yes".into(),
        Some(Value::Bool(false)) => "no".into(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn selected(v: Option<&Value>, option: &str) -> bool {
    match v {
        Some(Value::Array(items)) => items.iter().any(|i| i.as_str() == Some(option)),
        Some(Value::String(s)) => s == option,
        _ => false,
    }
}

/// The field a question is drawn as. Field names are the question keys (unique in a section).
pub fn field(q: &Question, answer: Option<&Value>, lang: &str, fallback: &str, tr: &Tr) -> Field {
    let label = text(&q.text, lang, fallback);
    let name = q.key.as_str();
    let options = |with_blank: bool| {
        let mut v = Vec::new();
        if with_blank {
            v.push(Choice {
                value: String::new(),
                label: tr.t("join-choose"),
                selected: answer.is_none(),
            });
        }
        v.extend(q.options.iter().map(|o| Choice {
            value: o.value.clone(),
            label: text(&o.text, lang, fallback),
            selected: selected(answer, &o.value),
        }));
        v
    };
    let mut f = match &q.kind {
        QuestionKind::ShortText { .. } => Field::new(name, "text", label),
        QuestionKind::LongText { .. } => Field::new(name, "textarea", label),
        QuestionKind::SingleChoice => Field::new(name, "select", label).options(options(true)),
        QuestionKind::MultipleChoice => {
            Field::new(name, "checkboxes", label).options(options(false))
        }
        QuestionKind::YesNo if q.must_be_yes => Field::new(name, "checkbox", label),
        QuestionKind::YesNo => {
            let v = value_text(answer);
            Field::new(name, "select", label).options(
                [("", "join-choose"), ("yes", "join-yes"), ("no", "join-no")]
                    .into_iter()
                    .map(|(value, key)| Choice {
                        value: value.into(),
                        label: tr.t(key),
                        selected: v == value,
                    })
                    .collect(),
            )
        }
        QuestionKind::Number { .. } => Field::new(name, "number", label),
        QuestionKind::Date => Field::new(name, "date", label),
        QuestionKind::NacePicker { multiple } => {
            Field::new(name, "text", label).hint(tr.t(if *multiple {
                "join-hint-nace-many"
            } else {
                "join-hint-nace"
            }))
        }
        QuestionKind::RegionPicker => {
            Field::new(name, "text", label).hint(tr.t("join-hint-region"))
        }
        QuestionKind::CountryPicker { multiple: true } => {
            Field::new(name, "text", label).hint(tr.t("join-hint-countries"))
        }
        QuestionKind::CountryPicker { multiple: false } => {
            let v = value_text(answer).to_uppercase();
            let mut countries: Vec<Choice> = klaster_refdata::countries::all()
                .iter()
                .map(|c| Choice {
                    value: c.code.to_string(),
                    label: c.name(tr.lang().code()).to_string(),
                    selected: c.code == v,
                })
                .collect();
            countries.sort_by(|a, b| a.label.cmp(&b.label));
            countries.insert(
                0,
                Choice {
                    value: String::new(),
                    label: tr.t("join-choose"),
                    selected: v.is_empty(),
                },
            );
            Field::new(name, "select", label).options(countries)
        }
    };
    if !matches!(
        q.kind,
        QuestionKind::MultipleChoice | QuestionKind::SingleChoice
    ) {
        f = f.value(value_text(answer));
        if q.must_be_yes && answer == Some(&Value::Bool(true)) {
            f = f.value("on");
        }
    }
    if !q.help.is_empty() {
        let help = text(&q.help, lang, fallback);
        f.hint = Some(match f.hint.take() {
            Some(h) => format!("{help} {h}"),
            None => help,
        });
    }
    if q.required {
        f = f.required();
    }
    f
}

/// The answers of one section as a posted form gives them: lists for checkboxes and for
/// pickers of several codes (written separated by commas), text for everything else; a
/// consent checkbox is true when ticked. Blank answers are left out.
pub fn section_answers(section: &Section, pairs: &[(String, String)]) -> Map<String, Value> {
    let mut out = Map::new();
    for q in &section.questions {
        let given: Vec<&str> = pairs
            .iter()
            .filter(|(k, _)| *k == q.key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .collect();
        let value = match &q.kind {
            QuestionKind::MultipleChoice => {
                Value::Array(given.iter().map(|s| Value::String(s.to_string())).collect())
            }
            QuestionKind::NacePicker { multiple: true }
            | QuestionKind::CountryPicker { multiple: true } => Value::Array(
                given
                    .iter()
                    .flat_map(|s| s.split([',', ';', ' ']))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| Value::String(s.to_string()))
                    .collect(),
            ),
            QuestionKind::YesNo if q.must_be_yes => Value::Bool(!given.is_empty()),
            _ => match given.first() {
                Some(s) => Value::String(s.to_string()),
                None => continue,
            },
        };
        let blank = matches!(&value, Value::Array(a) if a.is_empty())
            || (q.must_be_yes && value == Value::Bool(false));
        if !blank {
            out.insert(q.key.clone(), value);
        }
    }
    out
}

/// The first error of each question of `section`, in the reader's language.
pub fn section_errors(
    section: &Section,
    errors: &ValidationErrors,
    tr: &Tr,
) -> Vec<(String, String)> {
    let prefix = format!("answers.{}.", section.key);
    let mut out: Vec<(String, String)> = Vec::new();
    for e in errors.iter() {
        let Some(rest) = e.field.strip_prefix(&prefix) else {
            continue;
        };
        let key = rest.split(['[', '.']).next().unwrap_or(rest).to_string();
        if !out.iter().any(|(k, _)| *k == key) {
            out.push((key, validation::message(tr, e)));
        }
    }
    out
}

/// One answered question for reading.
pub struct Row {
    pub question: String,
    pub answer: String,
}

/// One section of answers for reading, with the step that edits it.
pub struct SectionSummary {
    pub title: String,
    pub step: usize,
    pub rows: Vec<Row>,
    /// Errors of this section: (question, message).
    pub errors: Vec<(String, String)>,
}

fn answer_text(q: &Question, a: &Value, lang: &str, fallback: &str, tr: &Tr) -> String {
    let option = |v: &str| {
        q.options
            .iter()
            .find(|o| o.value == v)
            .map_or_else(|| v.to_string(), |o| text(&o.text, lang, fallback))
    };
    match a {
        Value::Bool(true) => tr.t("join-yes"),
        Value::Bool(false) => tr.t("join-no"),
        Value::String(s) if q.kind.is_choice() => option(s),
        Value::String(s) if matches!(q.kind, QuestionKind::YesNo) => match s.as_str() {
            "yes" => tr.t("join-yes"),
            "no" => tr.t("join-no"),
            other => other.to_string(),
        },
        Value::Array(items) if q.kind.is_choice() => items
            .iter()
            .filter_map(Value::as_str)
            .map(option)
            .collect::<Vec<_>>()
            .join(", "),
        other => value_text(Some(other)),
    }
}

/// The answers, section by section, as the reader sees them; `errors` are the whole
/// questionnaire's (shown at their section).
pub fn summary(
    q: &Questionnaire,
    answers: &Value,
    errors: Option<&ValidationErrors>,
    lang: &str,
    tr: &Tr,
) -> Vec<SectionSummary> {
    let fallback = q.default_language();
    q.sections
        .iter()
        .enumerate()
        .map(|(i, s)| SectionSummary {
            title: text(&s.title, lang, fallback),
            step: i + 1,
            rows: s
                .questions
                .iter()
                .filter_map(|question| {
                    let a = answers.get(&s.key)?.get(&question.key)?;
                    if a.is_null() {
                        return None;
                    }
                    Some(Row {
                        question: text(&question.text, lang, fallback),
                        answer: answer_text(question, a, lang, fallback, tr),
                    })
                })
                .collect(),
            errors: errors
                .map(|e| {
                    section_errors(s, e, tr)
                        .into_iter()
                        .map(|(key, msg)| {
                            let question = s
                                .questions
                                .iter()
                                .find(|x| x.key == key)
                                .map_or(key, |x| text(&x.text, lang, fallback));
                            (question, msg)
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}
