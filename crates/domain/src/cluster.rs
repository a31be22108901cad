//! Clusters: members over time, branches and regions, and statuses such as Key National Cluster.

use crate::check::{self, MAX_LONG, MAX_SHORT};
use crate::errors::ValidationErrors;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A member's place in a cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MembershipRole {
    Coordinator,
    FoundingMember,
    Member,
}

/// An organisation joining (and perhaps leaving) a cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MembershipInput {
    pub organisation_id: i64,
    pub role: MembershipRole,
    pub joined_on: NaiveDate,
    #[serde(default)]
    pub left_on: Option<NaiveDate>,
}

/// A validated membership: `left_on`, when set, is not before `joined_on`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Membership {
    pub organisation_id: i64,
    pub role: MembershipRole,
    pub joined_on: NaiveDate,
    pub left_on: Option<NaiveDate>,
}

impl MembershipInput {
    pub fn validate(self) -> Result<Membership, ValidationErrors> {
        let mut e = ValidationErrors::new();
        check_id("organisation_id", self.organisation_id, &mut e);
        if let Some(left) = self.left_on
            && left < self.joined_on
        {
            e.add(
                "left_on",
                "date_order",
                "the leaving date cannot be before the joining date",
            );
        }
        e.into_result(Membership {
            organisation_id: self.organisation_id,
            role: self.role,
            joined_on: self.joined_on,
            left_on: self.left_on,
        })
    }
}

impl Membership {
    /// Member on `date`: joined on or before it and not yet left (the leaving day is the last).
    pub fn is_active_on(&self, date: NaiveDate) -> bool {
        self.joined_on <= date && self.left_on.is_none_or(|l| date <= l)
    }
}

/// Database ids are positive; anything else is a client bug worth naming.
pub(crate) fn check_id(path: &str, id: i64, e: &mut ValidationErrors) -> bool {
    if id <= 0 {
        e.add(
            path,
            "invalid_id",
            format!("{id} is not an identifier (must be positive)"),
        );
        false
    } else {
        true
    }
}

/// The kind of a status a cluster holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClusterStatusKind {
    /// Krajowy Klaster Kluczowy, granted in Poland by the ministry for the economy.
    KeyNationalCluster,
    /// Any other status; its name goes in `label`.
    Other,
}

/// A status granted to a cluster for a period, possibly recertified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ClusterStatusInput {
    pub kind: ClusterStatusKind,
    /// Required for `other`; optional for the named kinds.
    #[serde(default)]
    pub label: Option<String>,
    pub granted_on: NaiveDate,
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
    #[serde(default)]
    pub recertified_on: Option<NaiveDate>,
    #[serde(default)]
    pub granted_by: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClusterStatus {
    pub kind: ClusterStatusKind,
    pub label: Option<String>,
    pub granted_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub recertified_on: Option<NaiveDate>,
    pub granted_by: Option<String>,
    pub note: Option<String>,
}

impl ClusterStatusInput {
    /// Checks the dates: `granted_on` < `valid_until`, and a recertification falls between the
    /// grant and the end of validity (after recertifying, `valid_until` is the new end).
    pub fn validate(self) -> Result<ClusterStatus, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let label = check::opt_text("label", self.label, MAX_SHORT, &mut e);
        if self.kind == ClusterStatusKind::Other && label.is_none() && !e.has("label", "too_long") {
            e.add(
                "label",
                "required",
                "a status of kind 'other' needs a label",
            );
        }
        if let Some(until) = self.valid_until
            && until <= self.granted_on
        {
            e.add(
                "valid_until",
                "date_order",
                "the status must be valid until a date after it was granted",
            );
        }
        if let Some(re) = self.recertified_on {
            if re < self.granted_on {
                e.add(
                    "recertified_on",
                    "date_order",
                    "a recertification cannot come before the grant",
                );
            } else if self.valid_until.is_some_and(|u| re > u) {
                e.add(
                    "recertified_on",
                    "date_order",
                    "a recertification cannot come after the end of validity",
                );
            }
        }
        let granted_by = check::opt_text("granted_by", self.granted_by, MAX_SHORT, &mut e);
        let note = check::opt_text("note", self.note, MAX_LONG, &mut e);
        e.into_result(ClusterStatus {
            kind: self.kind,
            label,
            granted_on: self.granted_on,
            valid_until: self.valid_until,
            recertified_on: self.recertified_on,
            granted_by,
            note,
        })
    }
}

impl ClusterStatus {
    /// Held on `date`: granted by then and not expired (the last day counts).
    pub fn is_valid_on(&self, date: NaiveDate) -> bool {
        self.granted_on <= date && self.valid_until.is_none_or(|u| date <= u)
    }
}

/// What a cluster organisation does: its branches (NACE) and regions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ClusterProfileInput {
    /// NACE Rev. 2 codes of any level.
    pub branches: Vec<String>,
    /// NUTS 2021 or Belarusian ISO 3166-2 codes, possibly in several countries.
    pub regions: Vec<String>,
    /// Whether members' offers wait for the coordinator's review before they are published.
    pub requires_offer_review: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClusterProfile {
    pub branches: Vec<String>,
    pub regions: Vec<String>,
    pub requires_offer_review: bool,
}

impl ClusterProfileInput {
    pub fn validate(self) -> Result<ClusterProfile, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let branches = check::naces("branches", self.branches, &mut e);
        let regions = check::regions("regions", self.regions, &mut e);
        e.into_result(ClusterProfile {
            branches,
            regions,
            requires_offer_review: self.requires_offer_review,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn membership_dates() {
        let m = MembershipInput {
            organisation_id: 7,
            role: MembershipRole::FoundingMember,
            joined_on: d(2020, 1, 1),
            left_on: Some(d(2023, 6, 30)),
        }
        .validate();
        let m = m.as_ref().ok();
        assert!(
            m.is_some_and(|m| m.is_active_on(d(2023, 6, 30)) && !m.is_active_on(d(2023, 7, 1)))
        );
        assert!(m.is_some_and(|m| !m.is_active_on(d(2019, 12, 31))));

        let bad = MembershipInput {
            organisation_id: 0,
            role: MembershipRole::Member,
            joined_on: d(2020, 1, 1),
            left_on: Some(d(2019, 1, 1)),
        }
        .validate()
        .err()
        .unwrap_or_default();
        assert!(bad.has("left_on", "date_order") && bad.has("organisation_id", "invalid_id"));
        assert_eq!(bad.len(), 2);
    }

    #[test]
    fn membership_json() {
        let m: Result<MembershipInput, _> = serde_json::from_str(
            r#"{"organisation_id":3,"role":"coordinator","joined_on":"2021-05-01"}"#,
        );
        assert_eq!(
            m.ok().map(|m| (m.role, m.left_on)),
            Some((MembershipRole::Coordinator, None))
        );
    }

    fn status() -> ClusterStatusInput {
        ClusterStatusInput {
            kind: ClusterStatusKind::KeyNationalCluster,
            label: None,
            granted_on: d(2016, 1, 1),
            valid_until: Some(d(2021, 12, 31)),
            recertified_on: Some(d(2019, 1, 15)),
            granted_by: Some(" Ministerstwo Rozwoju ".into()),
            note: None,
        }
    }

    #[test]
    fn status_dates_and_label() {
        let ok = status().validate();
        assert_eq!(
            ok.as_ref().ok().and_then(|s| s.granted_by.as_deref()),
            Some("Ministerstwo Rozwoju")
        );
        assert!(
            ok.as_ref()
                .is_ok_and(|s| s.is_valid_on(d(2021, 12, 31)) && !s.is_valid_on(d(2022, 1, 1)))
        );

        let mut bad = status();
        bad.kind = ClusterStatusKind::Other;
        bad.valid_until = Some(d(2015, 1, 1));
        bad.recertified_on = Some(d(2015, 6, 1));
        let e = bad.validate().err().unwrap_or_default();
        assert!(e.has("label", "required"));
        assert!(e.has("valid_until", "date_order"));
        assert!(e.has("recertified_on", "date_order"));
        assert_eq!(e.len(), 3);

        let mut late = status();
        late.recertified_on = Some(d(2022, 1, 1));
        assert!(
            late.validate()
                .err()
                .unwrap_or_default()
                .has("recertified_on", "date_order")
        );
    }

    #[test]
    fn profile_codes_are_canonical() {
        let p = ClusterProfileInput {
            branches: vec!["C25".into(), "28.4".into(), "25".into(), "zz".into()],
            regions: vec!["pl92".into(), "BY-HM".into(), "XX99".into()],
            requires_offer_review: true,
        }
        .validate()
        .err()
        .unwrap_or_default();
        assert!(p.has("branches[3]", "unknown_nace") && p.has("regions[2]", "unknown_region"));
        assert_eq!(p.len(), 2);
        let ok = ClusterProfileInput {
            branches: vec!["C25".into(), "28.4".into(), "25".into()],
            regions: vec!["pl92".into(), "BY-HM".into()],
            requires_offer_review: true,
        }
        .validate();
        assert_eq!(
            ok.as_ref().map(|p| p.branches.clone()),
            Ok(vec!["25".to_string(), "28.4".to_string()])
        );
        assert_eq!(
            ok.map(|p| p.regions),
            Ok(vec!["PL92".to_string(), "BY-HM".to_string()])
        );
    }
}
