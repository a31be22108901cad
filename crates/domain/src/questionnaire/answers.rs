//! Checking submitted answers against a questionnaire, and turning them into a profile.

use super::{ProfileField, Question, QuestionKind, Questionnaire};
use crate::check;
use crate::contact::ContactInput;
use crate::errors::ValidationErrors;
use crate::ids::{LegalIdInput, LegalIdKind};
use crate::org::{Machine, OrgKind, OrganisationInput, SizeClass};
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// One checked answer. Dates are kept as `YYYY-MM-DD` text; choices as their option values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum AnswerValue {
    Bool(bool),
    Integer(i64),
    Number(f64),
    Text(String),
    List(Vec<String>),
}

impl AnswerValue {
    pub fn as_text(&self) -> Option<&str> {
        match self {
            AnswerValue::Text(s) => Some(s),
            _ => None,
        }
    }

    /// A list answer, or a text answer split at commas, semicolons and line breaks.
    pub fn to_list(&self) -> Vec<String> {
        match self {
            AnswerValue::List(l) => l.clone(),
            AnswerValue::Text(s) => s
                .split([',', ';', '\n'])
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(str::to_string)
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Checked, normalised answers: section key -> question key -> value. Unanswered optional
/// questions are absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Answers {
    /// The language the free texts were written in.
    pub lang: String,
    pub values: BTreeMap<String, BTreeMap<String, AnswerValue>>,
}

impl Answers {
    pub fn get(&self, section: &str, question: &str) -> Option<&AnswerValue> {
        self.values.get(section).and_then(|s| s.get(question))
    }
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

fn type_error(e: &mut ValidationErrors, path: &str, expected: &str) {
    e.add(path, "invalid_type", format!("expected {expected}"));
}

impl Questionnaire {
    /// [`Questionnaire::validate_answers_in`] with the questionnaire's default language.
    pub fn validate_answers(&self, answers: &Value) -> Result<Answers, ValidationErrors> {
        self.validate_answers_in(self.default_language(), answers)
    }

    /// Checks `answers` (an object of sections of answers) in one pass: unknown sections and
    /// questions, types, required answers, options, NACE/region/country/language codes, and
    /// then everything the profile they fill would reject (a NIP checksum, a region outside the
    /// country...), each reported at `answers.<section>.<question>`.
    pub fn validate_answers_in(
        &self,
        lang: &str,
        answers: &Value,
    ) -> Result<Answers, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let mut lang = lang.trim().to_ascii_lowercase();
        if !self.languages.contains(&lang) {
            e.add(
                "lang",
                "unknown_language",
                format!("this questionnaire is not available in '{lang}'"),
            );
            // Go on in the default language so that the other answers are still checked.
            lang = self.default_language().to_string();
        }
        let mut out = Answers {
            lang,
            values: BTreeMap::new(),
        };
        let empty = serde_json::Map::new();
        let root = match answers {
            Value::Object(m) => m,
            Value::Null => &empty,
            _ => {
                type_error(&mut e, "answers", "an object of sections");
                &empty
            }
        };
        for key in root.keys() {
            if !self.sections.iter().any(|s| &s.key == key) {
                e.add(
                    format!("answers.{key}"),
                    "unknown_field",
                    format!("there is no section '{key}'"),
                );
            }
        }
        for section in &self.sections {
            let sp = format!("answers.{}", section.key);
            let given = match root.get(&section.key) {
                None | Some(Value::Null) => &empty,
                Some(Value::Object(m)) => m,
                Some(_) => {
                    type_error(&mut e, &sp, "an object of answers");
                    &empty
                }
            };
            for key in given.keys() {
                if !section.questions.iter().any(|q| &q.key == key) {
                    e.add(
                        format!("{sp}.{key}"),
                        "unknown_field",
                        format!("there is no question '{key}'"),
                    );
                }
            }
            let mut values = BTreeMap::new();
            for q in &section.questions {
                let path = format!("{sp}.{}", q.key);
                let v = given.get(&q.key).unwrap_or(&Value::Null);
                if is_blank(v) {
                    if q.required {
                        e.add(&path, "required", "an answer is required");
                    }
                    continue;
                }
                if let Some(a) = answer(q, v, &path, &mut e) {
                    values.insert(q.key.clone(), a);
                }
            }
            if !values.is_empty() {
                out.values.insert(section.key.clone(), values);
            }
        }
        self.check_profile(&out, &mut e);
        e.into_result(out)
    }

    /// Runs the profile and contact validation on what the answers would fill, and reports
    /// what they reject at the answering question, unless that question already has an error.
    fn check_profile(&self, answers: &Answers, e: &mut ValidationErrors) {
        let mut found = ValidationErrors::new();
        if self.question_for(ProfileField::Name).is_some() {
            let input = self.to_organisation_input(answers);
            let ids: Vec<LegalIdKind> = input.legal_ids.iter().map(|i| i.kind).collect();
            if let Err(errs) = input.validate() {
                for err in errs {
                    let field = profile_field_of(&err.field, &ids);
                    found.push(self.relocate(field, err));
                }
            }
        }
        if let Some(contact) = self.to_contact_input(answers)
            && let Err(errs) = contact.validate()
        {
            for err in errs {
                let field = match err.field.split(['.', '[']).next() {
                    Some("name") => Some(ProfileField::ContactName),
                    Some("role") => Some(ProfileField::ContactRole),
                    Some("email") => Some(ProfileField::ContactEmail),
                    Some("phone") => Some(ProfileField::ContactPhone),
                    _ => None,
                };
                found.push(self.relocate(field, err));
            }
        }
        for err in found {
            let prefix = format!("{}.", err.field);
            let covered = e.iter().any(|x| {
                x.field == err.field
                    || x.field.starts_with(&prefix)
                    || x.field.starts_with(&format!("{}[", err.field))
            });
            if !covered {
                e.push(err);
            }
        }
    }

    fn relocate(
        &self,
        field: Option<ProfileField>,
        mut err: crate::FieldError,
    ) -> crate::FieldError {
        err.field = match field.and_then(|f| self.question_for(f)) {
            Some((section, q)) => format!("answers.{section}.{}", q.key),
            None => "answers".to_string(),
        };
        err
    }

    /// The organisation profile the answers describe, for [`OrganisationInput::validate`].
    pub fn to_organisation_input(&self, answers: &Answers) -> OrganisationInput {
        let mut o = OrganisationInput::default();
        let lang = answers.lang.clone();
        for section in &self.sections {
            for q in &section.questions {
                let (Some(field), Some(v)) = (q.maps_to, answers.get(&section.key, &q.key)) else {
                    continue;
                };
                let text = v.as_text().map(str::to_string);
                let id = |kind| text.clone().map(|t| LegalIdInput::new(kind, t));
                match field {
                    ProfileField::Name => {
                        o.names.extend(text.map(|t| LocalizedText::new(&lang, t)))
                    }
                    ProfileField::ShortName => o.short_name = text,
                    ProfileField::Nip => o.legal_ids.extend(id(LegalIdKind::Nip)),
                    ProfileField::Regon => o.legal_ids.extend(id(LegalIdKind::Regon)),
                    ProfileField::Krs => o.legal_ids.extend(id(LegalIdKind::Krs)),
                    ProfileField::EuVat => o.legal_ids.extend(id(LegalIdKind::EuVat)),
                    ProfileField::Unp => o.legal_ids.extend(id(LegalIdKind::Unp)),
                    ProfileField::Kind => o.kind = text.as_deref().and_then(OrgKind::parse),
                    ProfileField::Country => o.country = text,
                    ProfileField::Region => o.region = text,
                    ProfileField::Street => o.address.street = text,
                    ProfileField::PostalCode => o.address.postal_code = text,
                    ProfileField::City => o.address.city = text,
                    ProfileField::Website => o.website = text,
                    ProfileField::Email => o.email = text,
                    ProfileField::Phone => o.phone = text,
                    ProfileField::NaceMain => o.nace_main = text,
                    ProfileField::NaceOther => o.nace_other = v.to_list(),
                    ProfileField::Description => o
                        .description
                        .extend(text.map(|t| LocalizedText::new(&lang, t))),
                    ProfileField::Capabilities => o.capabilities = v.to_list(),
                    ProfileField::Keywords => o.keywords = v.to_list(),
                    ProfileField::Certifications => o.certifications = v.to_list(),
                    ProfileField::MachinePark => o.machine_park = machines(v),
                    ProfileField::ProductionCapacity => o.production_capacity = text,
                    ProfileField::SizeClass => {
                        o.size_class = text.as_deref().and_then(SizeClass::parse)
                    }
                    ProfileField::Employees => {
                        o.employees = integer(v).and_then(|n| u32::try_from(n).ok())
                    }
                    ProfileField::FoundedYear => {
                        o.founded_year = integer(v).and_then(|n| i32::try_from(n).ok())
                    }
                    ProfileField::ExportMarkets => o.export_markets = v.to_list(),
                    ProfileField::Languages => o.languages = v.to_list(),
                    ProfileField::ContactName
                    | ProfileField::ContactRole
                    | ProfileField::ContactEmail
                    | ProfileField::ContactPhone => {}
                }
            }
        }
        o
    }

    /// The contact person the answers name, if the questionnaire asks for one and it was given.
    /// The person speaks the language the answers were written in.
    pub fn to_contact_input(&self, answers: &Answers) -> Option<ContactInput> {
        let text = |field| {
            self.sections.iter().find_map(|s| {
                s.questions
                    .iter()
                    .find(|q| q.maps_to == Some(field))
                    .and_then(|q| answers.get(&s.key, &q.key))
                    .and_then(AnswerValue::as_text)
                    .map(str::to_string)
            })
        };
        let name = text(ProfileField::ContactName)?;
        Some(ContactInput {
            name,
            role: text(ProfileField::ContactRole),
            email: text(ProfileField::ContactEmail),
            phone: text(ProfileField::ContactPhone),
            languages: vec![answers.lang.clone()],
            is_personal_data: true,
        })
    }
}

fn integer(v: &AnswerValue) -> Option<i64> {
    match v {
        AnswerValue::Integer(n) => Some(*n),
        _ => None,
    }
}

/// Which profile field an error path of [`OrganisationInput::validate`] belongs to.
fn profile_field_of(path: &str, ids: &[LegalIdKind]) -> Option<ProfileField> {
    use ProfileField as F;
    let head = path.split(['.', '[']).next().unwrap_or("");
    Some(match head {
        "names" => F::Name,
        "short_name" => F::ShortName,
        "kind" => F::Kind,
        "country" => F::Country,
        "region" => F::Region,
        "address" => match path {
            p if p.starts_with("address.street") => F::Street,
            p if p.starts_with("address.postal_code") => F::PostalCode,
            _ => F::City,
        },
        "size_class" => F::SizeClass,
        "employees" => F::Employees,
        "founded_year" => F::FoundedYear,
        "nace_main" => F::NaceMain,
        "nace_other" => F::NaceOther,
        "description" => F::Description,
        "capabilities" => F::Capabilities,
        "keywords" => F::Keywords,
        "certifications" => F::Certifications,
        "machine_park" => F::MachinePark,
        "production_capacity" => F::ProductionCapacity,
        "export_markets" => F::ExportMarkets,
        "languages" => F::Languages,
        "website" => F::Website,
        "email" => F::Email,
        "phone" => F::Phone,
        "legal_ids" => {
            let index = path
                .strip_prefix("legal_ids[")
                .and_then(|r| r.split(']').next())
                .and_then(|i| i.parse::<usize>().ok());
            match index.and_then(|i| ids.get(i)) {
                Some(LegalIdKind::Nip) => F::Nip,
                Some(LegalIdKind::Regon) => F::Regon,
                Some(LegalIdKind::Krs) => F::Krs,
                Some(LegalIdKind::EuVat) => F::EuVat,
                Some(LegalIdKind::Unp) => F::Unp,
                None => return None,
            }
        }
        _ => return None,
    })
}

/// One machine per line or list item; a leading count such as `3 x` or `3×` becomes the
/// quantity (`3 x tokarka CNC` -> 3 "tokarka CNC").
fn machines(v: &AnswerValue) -> Vec<Machine> {
    let items = match v {
        AnswerValue::Text(s) => s
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
        other => other.to_list(),
    };
    items
        .into_iter()
        .map(|line| match split_count(&line) {
            Some((n, name)) => Machine {
                name: name.to_string(),
                quantity: Some(n),
                notes: None,
            },
            None => Machine {
                name: line,
                quantity: None,
                notes: None,
            },
        })
        .collect()
}

/// `"3 x lathe"` -> `(3, "lathe")`; the marker must be followed by a space so that
/// `"3 xerox"` stays a name.
fn split_count(line: &str) -> Option<(u32, &str)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let n = line.get(..digits)?.parse::<u32>().ok().filter(|n| *n > 0)?;
    let rest = line.get(digits..)?.trim_start();
    let rest = rest.strip_prefix(['x', 'X', '×', '*'])?;
    let name = rest.trim_start();
    (rest.starts_with(char::is_whitespace) && !name.is_empty()).then_some((n, name))
}

/// Checks one non-blank answer against its question.
fn answer(q: &Question, v: &Value, path: &str, e: &mut ValidationErrors) -> Option<AnswerValue> {
    let a = match &q.kind {
        QuestionKind::ShortText { max_len } | QuestionKind::LongText { max_len } => {
            let Value::String(s) = v else {
                type_error(e, path, "a text");
                return None;
            };
            let s = s.trim();
            check::text(path, s, *max_len, e).then(|| AnswerValue::Text(s.to_string()))
        }
        QuestionKind::SingleChoice => {
            let Value::String(s) = v else {
                type_error(e, path, "one option value");
                return None;
            };
            choice(q, s.trim(), path, e).map(AnswerValue::Text)
        }
        QuestionKind::MultipleChoice => {
            let items = strings(v, path, e)?;
            let mut out: Vec<String> = Vec::new();
            for (i, s) in items.iter().enumerate() {
                if let Some(c) = choice(q, s, &format!("{path}[{i}]"), e)
                    && !out.contains(&c)
                {
                    out.push(c);
                }
            }
            Some(AnswerValue::List(out))
        }
        QuestionKind::YesNo => {
            let b = match v {
                Value::Bool(b) => Some(*b),
                Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                    "yes" | "true" | "on" | "1" => Some(true),
                    "no" | "false" | "off" | "0" => Some(false),
                    _ => None,
                },
                _ => None,
            };
            match b {
                None => {
                    type_error(e, path, "yes or no");
                    None
                }
                Some(false) if q.must_be_yes => {
                    e.add(
                        path,
                        "must_accept",
                        "this must be accepted to submit the form",
                    );
                    None
                }
                Some(b) => Some(AnswerValue::Bool(b)),
            }
        }
        QuestionKind::Number { min, max, integer } => {
            let n = match v {
                Value::Number(n) => n.as_f64(),
                // HTML forms send numbers as text, and Polish users write a decimal comma.
                Value::String(s) => s.trim().replace(',', ".").parse::<f64>().ok(),
                _ => None,
            };
            let Some(n) = n.filter(|n| n.is_finite()) else {
                type_error(e, path, "a number");
                return None;
            };
            if *integer && n.fract() != 0.0 {
                e.add(path, "not_integer", "a whole number is expected");
                return None;
            }
            if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                let range = match (min, max) {
                    (Some(a), Some(b)) => format!("between {a} and {b}"),
                    (Some(a), None) => format!("at least {a}"),
                    (None, Some(b)) => format!("at most {b}"),
                    (None, None) => String::new(),
                };
                e.add(path, "out_of_range", format!("the number must be {range}"));
                return None;
            }
            if *integer {
                // Within ±2^53 the f64 holds the integer exactly; beyond, refuse rather than round.
                if n.abs() > 9_007_199_254_740_992.0 {
                    e.add(path, "out_of_range", "the number is too large");
                    return None;
                }
                Some(AnswerValue::Integer(n as i64))
            } else {
                Some(AnswerValue::Number(n))
            }
        }
        QuestionKind::Date => {
            let Value::String(s) = v else {
                type_error(e, path, "a date (YYYY-MM-DD)");
                return None;
            };
            match chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
                Ok(d) => Some(AnswerValue::Text(d.format("%Y-%m-%d").to_string())),
                Err(_) => {
                    e.add(
                        path,
                        "invalid_date",
                        format!("'{s}' is not a date of the form YYYY-MM-DD"),
                    );
                    None
                }
            }
        }
        QuestionKind::NacePicker { multiple } => codes(v, *multiple, path, e, check::nace),
        QuestionKind::RegionPicker => {
            codes(v, false, path, e, |p, s, e| check::region(p, s, None, e))
        }
        QuestionKind::CountryPicker { multiple } => codes(v, *multiple, path, e, check::country),
    };
    a.and_then(|a| restrict(q, a, path, e))
}

/// Language lists must hold language codes, whatever the question type.
fn restrict(
    q: &Question,
    a: AnswerValue,
    path: &str,
    e: &mut ValidationErrors,
) -> Option<AnswerValue> {
    if q.maps_to != Some(ProfileField::Languages) {
        return Some(a);
    }
    let before = e.len();
    let langs = check::languages(path, a.to_list(), e);
    (e.len() == before).then_some(AnswerValue::List(langs))
}

fn choice(q: &Question, s: &str, path: &str, e: &mut ValidationErrors) -> Option<String> {
    if q.options.iter().any(|o| o.value == s) {
        Some(s.to_string())
    } else {
        e.add(
            path,
            "unknown_option",
            format!("'{s}' is not one of the options"),
        );
        None
    }
}

/// A list of strings; a single string counts as a list of one (an HTML form with one box ticked).
fn strings(v: &Value, path: &str, e: &mut ValidationErrors) -> Option<Vec<String>> {
    match v {
        Value::String(s) => Some(vec![s.trim().to_string()]),
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                match item {
                    Value::String(s) => out.push(s.trim().to_string()),
                    _ => type_error(e, &format!("{path}[{i}]"), "a text"),
                }
            }
            (out.len() == items.len()).then_some(out)
        }
        _ => {
            type_error(e, path, "a list of texts");
            None
        }
    }
}

/// One code, or a list of codes when `multiple`, each checked and made canonical by `check`.
fn codes(
    v: &Value,
    multiple: bool,
    path: &str,
    e: &mut ValidationErrors,
    check: impl Fn(&str, &str, &mut ValidationErrors) -> Option<String>,
) -> Option<AnswerValue> {
    if !multiple {
        let Value::String(s) = v else {
            type_error(e, path, "one code");
            return None;
        };
        return check(path, s, e).map(AnswerValue::Text);
    }
    let items = strings(v, path, e)?;
    let before = e.len();
    let mut out: Vec<String> = Vec::new();
    for (i, s) in items.iter().enumerate() {
        if let Some(c) = check(&format!("{path}[{i}]"), s, e)
            && !out.contains(&c)
        {
            out.push(c);
        }
    }
    (e.len() == before).then_some(AnswerValue::List(out))
}
