//! klaster-domain: the pure core of Klaster — types, validation, identifiers and rules.
//!
//! No HTTP, no SQL, no I/O. Inputs (`*Input`) are what clients send; `validate` turns them into
//! normalised values or a [`ValidationErrors`] listing every field error at once.

mod check;
pub mod cluster;
pub mod contact;
pub mod errors;
pub mod ids;
pub mod matching;
pub mod offer;
pub mod org;
pub mod permissions;
pub mod questionnaire;
pub mod relation;
pub mod text;

pub use cluster::{
    ClusterProfile, ClusterProfileInput, ClusterStatus, ClusterStatusInput, ClusterStatusKind,
    Membership, MembershipInput, MembershipRole,
};
pub use contact::{Contact, ContactInput};
pub use errors::{FieldError, ValidationErrors};
pub use ids::{EuVat, IdError, Krs, LegalId, LegalIdInput, LegalIdKind, Nip, Regon, Unp};
pub use org::{Address, Machine, OrgCategory, OrgKind, Organisation, OrganisationInput, SizeClass};
pub use permissions::{Principal, Role};
pub use questionnaire::{
    AnswerValue, Answers, ChoiceOption, ProfileField, Question, QuestionKind, Questionnaire,
    ResponseStatus, ReviewInput, Section, default_questionnaire,
};
pub use relation::{
    Agreement, AgreementInput, AgreementKind, RelationInput, RelationKind, is_cross_border,
};
pub use text::{LocalizedText, fold};

/// Checks an optional e-mail address as every form of the domain does (empty = none), the
/// error named after `field`.
pub fn email_address(field: &str, s: Option<String>) -> Result<Option<String>, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let out = check::email(field, s, &mut e);
    if e.is_empty() { Ok(out) } else { Err(e) }
}

#[cfg(all(test, feature = "openapi"))]
mod openapi_tests {
    use super::*;
    use utoipa::OpenApi;

    #[derive(OpenApi)]
    #[openapi(components(schemas(
        OrganisationInput,
        Organisation,
        LegalId,
        LegalIdInput,
        ValidationErrors,
        FieldError,
        ContactInput,
        MembershipInput,
        ClusterStatusInput,
        ClusterProfileInput,
        AgreementInput,
        RelationInput,
        Questionnaire,
        Answers,
        ReviewInput,
        ResponseStatus,
        Role,
        Principal,
    )))]
    struct Doc;

    #[test]
    fn schemas_describe_the_json() {
        let json = Doc::openapi().to_json().unwrap_or_default();
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        let schemas = &doc["components"]["schemas"];
        assert_eq!(
            schemas["FieldError"]["properties"]["code"]["type"],
            "string"
        );
        assert_eq!(schemas["Nip"]["type"], "string", "{}", schemas["Nip"]);
        assert_eq!(
            schemas["MembershipInput"]["properties"]["joined_on"]["format"],
            "date"
        );
        let kinds = schemas["OrgKind"]["enum"].as_array().map(Vec::len);
        assert_eq!(kinds, Some(9));
        assert!(schemas["OrganisationInput"]["properties"]["legal_ids"].is_object());
        assert!(schemas["QuestionKind"].is_object());
    }
}
