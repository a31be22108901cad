//! Contact people of an organisation. Their data is personal unless flagged otherwise, so it can
//! be exported or erased on request (GDPR Articles 15 and 17).

use crate::check::{self, MAX_SHORT};
use crate::errors::ValidationErrors;
use serde::{Deserialize, Serialize};

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ContactInput {
    pub name: String,
    /// The person's function, e.g. "export manager".
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// ISO 639-1 codes of the languages the person can be contacted in.
    #[serde(default)]
    pub languages: Vec<String>,
    /// True (the default) for a natural person; false for a function mailbox such as an office.
    #[serde(default = "yes")]
    pub is_personal_data: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    pub name: String,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub languages: Vec<String>,
    pub is_personal_data: bool,
}

impl ContactInput {
    pub fn validate(self) -> Result<Contact, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let name = self.name.trim().to_string();
        check::text("name", &name, MAX_SHORT, &mut e);
        let role = check::opt_text("role", self.role, MAX_SHORT, &mut e);
        let email = check::email("email", self.email, &mut e);
        let phone = check::phone("phone", self.phone, &mut e);
        let languages = check::languages("languages", self.languages, &mut e);
        e.into_result(Contact {
            name,
            role,
            email,
            phone,
            languages,
            is_personal_data: self.is_personal_data,
        })
    }
}

impl Contact {
    /// The contact with its personal data removed, as kept after an erasure request: the role
    /// stays (the organisation still has an export manager), the person is gone.
    pub fn erased(&self) -> Contact {
        if !self.is_personal_data {
            return self.clone();
        }
        Contact {
            name: String::new(),
            role: self.role.clone(),
            email: None,
            phone: None,
            languages: Vec::new(),
            is_personal_data: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_defaults_to_personal_and_validates() {
        let c: Result<ContactInput, _> = serde_json::from_str(
            r#"{"name":" Anna Nowak ","email":"a.nowak@Firma.pl","languages":["PL","ru"]}"#,
        );
        let c = c.ok().map(ContactInput::validate);
        let c = c.and_then(Result::ok);
        assert_eq!(c.as_ref().map(|c| c.name.as_str()), Some("Anna Nowak"));
        assert_eq!(c.as_ref().map(|c| c.is_personal_data), Some(true));
        assert_eq!(
            c.as_ref().and_then(|c| c.email.as_deref()),
            Some("a.nowak@firma.pl")
        );
        assert_eq!(
            c.as_ref().map(|c| c.languages.clone()),
            Some(vec!["pl".to_string(), "ru".to_string()])
        );
        assert_eq!(c.map(|c| c.erased().email), Some(None));

        let bad = ContactInput {
            name: "  ".into(),
            role: None,
            email: Some("nowak".into()),
            phone: Some("abc".into()),
            languages: vec!["zz".into()],
            is_personal_data: true,
        }
        .validate()
        .err()
        .unwrap_or_default();
        for (f, c) in [
            ("name", "required"),
            ("email", "invalid_email"),
            ("phone", "invalid_phone"),
            ("languages[0]", "unknown_language"),
        ] {
            assert!(bad.has(f, c), "{f}/{c} missing in {bad}");
        }
    }
}
