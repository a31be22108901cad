//! Cooperation offers and requests of the business portal: what a firm offers or needs, in one
//! of the kinds cluster members actually exchange (handing over an order it cannot fulfil in
//! time, free production capacity, technology, joint projects, joint trade-fair stands).
//!
//! Structured fields are data (codes, numbers, dates), so they can be rendered in every working
//! language without machine translation; only `title` and `description` are free text.

mod details;
mod lifecycle;
#[cfg(test)]
mod tests;

pub use details::{
    Capacity, DevelopmentStage, IpStatus, OfferDetails, PARTNER_ROLES, PartnershipKind, Quantity,
    TradeFair, Unit,
};
pub use lifecycle::{CloseReason, OfferStatus, Transition};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::check::{self, MAX_LONG};
use crate::errors::ValidationErrors;

/// The kinds of offer. A request is the mirror of an offer (a technology request looks for a
/// technology offer), which matchmaking uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfferKind {
    /// A firm hands over (subcontracts) an order it cannot fulfil in time.
    OrderHandover,
    /// A firm offers machines and hours it has free.
    FreeCapacity,
    BusinessOffer,
    BusinessRequest,
    TechnologyOffer,
    TechnologyRequest,
    /// A consortium partner search for a joint project or a call.
    ProjectPartnerSearch,
    /// Firms share a stand at an international trade fair.
    JointTradeFair,
}

impl OfferKind {
    pub const ALL: [OfferKind; 8] = [
        Self::OrderHandover,
        Self::FreeCapacity,
        Self::BusinessOffer,
        Self::BusinessRequest,
        Self::TechnologyOffer,
        Self::TechnologyRequest,
        Self::ProjectPartnerSearch,
        Self::JointTradeFair,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::OrderHandover => "order_handover",
            Self::FreeCapacity => "free_capacity",
            Self::BusinessOffer => "business_offer",
            Self::BusinessRequest => "business_request",
            Self::TechnologyOffer => "technology_offer",
            Self::TechnologyRequest => "technology_request",
            Self::ProjectPartnerSearch => "project_partner_search",
            Self::JointTradeFair => "joint_trade_fair",
        }
    }

    pub fn parse(s: &str) -> Option<OfferKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kinds that answer this one: an order handover is taken by free capacity, a
    /// technology request by a technology offer, and so on.
    pub fn mirrors(self) -> &'static [OfferKind] {
        match self {
            Self::OrderHandover => &[Self::FreeCapacity],
            Self::FreeCapacity => &[Self::OrderHandover],
            Self::BusinessOffer => &[Self::BusinessRequest],
            Self::BusinessRequest => &[Self::BusinessOffer],
            Self::TechnologyOffer => &[Self::TechnologyRequest],
            Self::TechnologyRequest => &[Self::TechnologyOffer],
            Self::ProjectPartnerSearch => &[Self::ProjectPartnerSearch],
            Self::JointTradeFair => &[Self::JointTradeFair],
        }
    }
}

/// Who may see an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "scope", rename_all = "snake_case")]
pub enum Visibility {
    Public,
    /// Only members of this cluster (and its coordinator).
    Cluster {
        cluster_id: i64,
    },
}

pub const MAX_TITLE: usize = 200;

/// An offer as its author sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OfferInput {
    /// The owner.
    pub organisation_id: i64,
    /// The language the author wrote in (ISO 639-1). Left out or empty, the portal detects it
    /// and returns what it found, for the author to confirm.
    #[serde(default)]
    pub lang: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The kind and its structured fields.
    pub details: OfferDetails,
    /// NACE Rev. 2 codes of what is offered or needed (at least one).
    pub nace: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Where the work is or the offer applies: ISO 3166-1 country and optionally its region.
    pub country: String,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default = "public")]
    pub visibility: Visibility,
    /// A contact person of the owner.
    #[serde(default)]
    pub contact_id: Option<i64>,
    /// When the offer stops being current (defaults from the kind's own deadline).
    #[serde(default)]
    pub expires_on: Option<NaiveDate>,
}

fn public() -> Visibility {
    Visibility::Public
}

/// A validated offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Offer {
    pub organisation_id: i64,
    pub kind: OfferKind,
    pub lang: String,
    pub title: String,
    pub description: String,
    pub details: OfferDetails,
    pub nace: Vec<String>,
    pub keywords: Vec<String>,
    pub country: String,
    pub region: Option<String>,
    pub visibility: Visibility,
    pub contact_id: Option<i64>,
    pub expires_on: Option<NaiveDate>,
}

impl OfferInput {
    /// Checks every field (all errors at once) against `today`, so deadlines in the past are
    /// refused; normalises codes.
    pub fn validate(self, today: NaiveDate) -> Result<Offer, ValidationErrors> {
        let mut e = ValidationErrors::new();
        crate::cluster::check_id("organisation_id", self.organisation_id, &mut e);
        let lang = check::language("lang", &self.lang, &mut e).unwrap_or_default();
        if !lang.is_empty() && !klaster_refdata::languages::is_working(&lang) {
            e.add(
                "lang",
                "unsupported_language",
                format!(
                    "offers are written in one of the portal's languages: {}",
                    klaster_refdata::WORKING_LANGUAGES.join(", ")
                ),
            );
        }
        let title = self.title.trim().to_string();
        check::text("title", &title, MAX_TITLE, &mut e);
        let description = self.description.trim().to_string();
        if !description.is_empty() {
            check::text("description", &description, MAX_LONG, &mut e);
        }
        let details = self.details.validate(today, &mut e);
        let nace = check::naces("nace", self.nace, &mut e);
        if nace.is_empty() && !e.iter().any(|f| f.field.starts_with("nace")) {
            e.add("nace", "required", "at least one NACE code is required");
        }
        let keywords = check::text_list("keywords", self.keywords, check::MAX_SHORT, &mut e);
        let country = check::country("country", &self.country, &mut e);
        let region = self
            .region
            .filter(|r| !r.trim().is_empty())
            .and_then(|r| check::region("region", &r, country.as_deref(), &mut e));
        if let Visibility::Cluster { cluster_id } = self.visibility {
            crate::cluster::check_id("visibility.cluster_id", cluster_id, &mut e);
        }
        if let Some(c) = self.contact_id {
            crate::cluster::check_id("contact_id", c, &mut e);
        }
        let expires_on = self.expires_on.or(details.deadline());
        if let Some(x) = expires_on
            && x < today
        {
            e.add(
                "expires_on",
                "in_the_past",
                "the offer would already be expired",
            );
        }
        e.into_result(Offer {
            organisation_id: self.organisation_id,
            kind: details.kind(),
            lang,
            title,
            description,
            details,
            nace,
            keywords,
            country: country.unwrap_or_default(),
            region,
            visibility: self.visibility,
            contact_id: self.contact_id,
            expires_on,
        })
    }
}
