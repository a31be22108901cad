//! Relations between organisations, and the registry of agreements between them.

use crate::check::MAX_LONG;
use crate::cluster::check_id;
use crate::errors::ValidationErrors;
use crate::text::{LocalizedText, validate_texts};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How one organisation stands to another, read "from is <kind> of to".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    Partner,
    Subsidiary,
    Parent,
}

impl RelationKind {
    /// The same relation seen from the other side.
    pub fn inverse(self) -> RelationKind {
        match self {
            RelationKind::Partner => RelationKind::Partner,
            RelationKind::Subsidiary => RelationKind::Parent,
            RelationKind::Parent => RelationKind::Subsidiary,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RelationInput {
    pub from_id: i64,
    pub to_id: i64,
    pub kind: RelationKind,
}

impl RelationInput {
    /// Both ids valid and different. Returns the input unchanged.
    pub fn validate(self) -> Result<RelationInput, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let ok = check_id("from_id", self.from_id, &mut e) & check_id("to_id", self.to_id, &mut e);
        if ok && self.from_id == self.to_id {
            e.add(
                "to_id",
                "self_relation",
                "an organisation cannot be related to itself",
            );
        }
        e.into_result(self)
    }
}

/// The kind of a document in the agreement registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgreementKind {
    CooperationAgreement,
    LetterOfIntent,
    MemorandumOfUnderstanding,
    ProjectPartnership,
}

/// A cooperation agreement, letter of intent... between two or more organisations. Whether it
/// is cross-border follows from the parties' countries (see [`is_cross_border`]), so it is not
/// part of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AgreementInput {
    pub kind: AgreementKind,
    /// At least one; the first is the original.
    pub title: Vec<LocalizedText>,
    pub signed_on: NaiveDate,
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
    /// Ids of the organisations that signed: at least two, all different.
    pub party_ids: Vec<i64>,
    #[serde(default)]
    pub description: Vec<LocalizedText>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agreement {
    pub kind: AgreementKind,
    pub title: Vec<LocalizedText>,
    pub signed_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub party_ids: Vec<i64>,
    pub description: Vec<LocalizedText>,
}

pub const MAX_AGREEMENT_TITLE_LEN: usize = 500;

impl AgreementInput {
    pub fn validate(self) -> Result<Agreement, ValidationErrors> {
        let mut e = ValidationErrors::new();
        if self.title.is_empty() {
            e.add("title", "required", "a title is required");
        }
        let title = validate_texts("title", self.title, MAX_AGREEMENT_TITLE_LEN, &mut e);
        let description = validate_texts("description", self.description, MAX_LONG, &mut e);
        if let Some(until) = self.valid_until
            && until < self.signed_on
        {
            e.add(
                "valid_until",
                "date_order",
                "an agreement cannot end before it is signed",
            );
        }
        let mut seen: Vec<i64> = Vec::with_capacity(self.party_ids.len());
        for (i, &id) in self.party_ids.iter().enumerate() {
            let path = format!("party_ids[{i}]");
            if !check_id(&path, id, &mut e) {
                continue;
            }
            if seen.contains(&id) {
                e.add(
                    path,
                    "duplicate",
                    format!("organisation {id} is listed twice"),
                );
            } else {
                seen.push(id);
            }
        }
        if self.party_ids.len() < 2 {
            e.add(
                "party_ids",
                "too_few",
                "an agreement needs at least two parties",
            );
        }
        e.into_result(Agreement {
            kind: self.kind,
            title,
            signed_on: self.signed_on,
            valid_until: self.valid_until,
            party_ids: seen,
            description,
        })
    }
}

/// True when the parties' countries (ISO alpha-2, one per party) are not all the same.
pub fn is_cross_border<S: AsRef<str>>(party_countries: &[S]) -> bool {
    let mut it = party_countries
        .iter()
        .map(|c| c.as_ref().trim().to_ascii_uppercase());
    match it.next() {
        Some(first) => it.any(|c| c != first),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn agreement_rules() {
        let ok = AgreementInput {
            kind: AgreementKind::LetterOfIntent,
            title: vec![LocalizedText::new("pl", " List intencyjny o współpracy ")],
            signed_on: d(2024, 3, 1),
            valid_until: None,
            party_ids: vec![1, 2, 3],
            description: vec![],
        }
        .validate();
        assert_eq!(
            ok.as_ref()
                .ok()
                .and_then(|a| a.title.first())
                .map(|t| t.text.as_str()),
            Some("List intencyjny o współpracy")
        );

        let bad = AgreementInput {
            kind: AgreementKind::CooperationAgreement,
            title: vec![],
            signed_on: d(2024, 3, 1),
            valid_until: Some(d(2024, 2, 1)),
            party_ids: vec![5, 5],
            description: vec![LocalizedText::new("pl", "")],
        }
        .validate()
        .err()
        .unwrap_or_default();
        for (f, c) in [
            ("title", "required"),
            ("valid_until", "date_order"),
            ("party_ids[1]", "duplicate"),
            ("description[0].text", "required"),
        ] {
            assert!(bad.has(f, c), "{f}/{c} missing in {bad}");
        }
        assert_eq!(bad.len(), 4, "{bad}");
        let one = AgreementInput {
            kind: AgreementKind::ProjectPartnership,
            title: vec![LocalizedText::new("en", "Interreg project")],
            signed_on: d(2024, 3, 1),
            valid_until: None,
            party_ids: vec![9],
            description: vec![],
        }
        .validate()
        .err()
        .unwrap_or_default();
        assert!(one.has("party_ids", "too_few"));
    }

    #[test]
    fn cross_border_and_relations() {
        assert!(is_cross_border(&["PL", "by"]));
        assert!(!is_cross_border(&["PL", "pl"]));
        assert!(!is_cross_border::<&str>(&[]));
        assert_eq!(RelationKind::Subsidiary.inverse(), RelationKind::Parent);
        let r = RelationInput {
            from_id: 4,
            to_id: 4,
            kind: RelationKind::Partner,
        }
        .validate();
        assert!(r.err().unwrap_or_default().has("to_id", "self_relation"));
    }
}
