//! The structured fields of each offer kind. Codes and numbers, never free text where a code
//! will do, so every field renders in every language from the termbase.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::OfferKind;
use crate::check::{self, MAX_SHORT};
use crate::errors::ValidationErrors;
use crate::org::Machine;

/// Units of quantities (the termbase has their names and symbols in every working language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Piece,
    Set,
    Pallet,
    Kg,
    Tonne,
    M,
    M2,
    M3,
    Litre,
    Hour,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    pub value: f64,
    pub unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DevelopmentStage {
    Concept,
    UnderDevelopment,
    LabTested,
    FieldTested,
    OnMarket,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IpStatus {
    PatentGranted,
    PatentApplied,
    SecretKnowHow,
    Copyright,
    DesignRights,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartnershipKind {
    CommercialTechnical,
    License,
    JointVenture,
    ResearchCooperation,
    TechnicalCooperation,
    Manufacturing,
    Distribution,
}

/// Free production capacity: machines, processes, hours, period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    #[serde(default)]
    pub machines: Vec<Machine>,
    #[serde(default)]
    pub processes: Vec<String>,
    pub hours_per_week: u32,
    pub available_from: NaiveDate,
    pub available_to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TradeFair {
    /// The fair's name, e.g. "Hannover Messe".
    pub fair: String,
    pub city: String,
    pub country: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// How the stand's cost is shared (percentages, per square metre...).
    #[serde(default)]
    pub cost_sharing: Option<String>,
}

/// The kind of an offer with the fields that fit it. JSON: `{"kind": "order_handover", ...}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum OfferDetails {
    OrderHandover {
        /// What is to be made or done.
        #[serde(default)]
        quantity: Option<Quantity>,
        deadline: NaiveDate,
        /// Place of delivery: a city and its country.
        #[serde(default)]
        delivery_city: Option<String>,
        #[serde(default)]
        delivery_country: Option<String>,
        #[serde(default)]
        required_certifications: Vec<String>,
        #[serde(default)]
        materials: Option<String>,
        #[serde(default)]
        drawings_attached: bool,
    },
    FreeCapacity(Capacity),
    BusinessOffer {
        #[serde(default)]
        products: Vec<String>,
        #[serde(default)]
        target_countries: Vec<String>,
    },
    BusinessRequest {
        #[serde(default)]
        products: Vec<String>,
        #[serde(default)]
        target_countries: Vec<String>,
    },
    TechnologyOffer {
        stage: DevelopmentStage,
        ip: IpStatus,
        partnership: Vec<PartnershipKind>,
    },
    TechnologyRequest {
        #[serde(default)]
        stage: Option<DevelopmentStage>,
        partnership: Vec<PartnershipKind>,
    },
    ProjectPartnerSearch {
        /// The call or programme (e.g. "Interreg Central Europe").
        #[serde(default)]
        programme: Option<String>,
        /// Roles sought: coordinator, research_partner, industrial_partner, end_user,
        /// technology_provider, subcontractor.
        partner_roles: Vec<String>,
        deadline: NaiveDate,
    },
    JointTradeFair(TradeFair),
}

pub const PARTNER_ROLES: [&str; 6] = [
    "coordinator",
    "research_partner",
    "industrial_partner",
    "end_user",
    "technology_provider",
    "subcontractor",
];

impl OfferDetails {
    pub fn kind(&self) -> OfferKind {
        match self {
            Self::OrderHandover { .. } => OfferKind::OrderHandover,
            Self::FreeCapacity(_) => OfferKind::FreeCapacity,
            Self::BusinessOffer { .. } => OfferKind::BusinessOffer,
            Self::BusinessRequest { .. } => OfferKind::BusinessRequest,
            Self::TechnologyOffer { .. } => OfferKind::TechnologyOffer,
            Self::TechnologyRequest { .. } => OfferKind::TechnologyRequest,
            Self::ProjectPartnerSearch { .. } => OfferKind::ProjectPartnerSearch,
            Self::JointTradeFair(_) => OfferKind::JointTradeFair,
        }
    }

    /// The date after which the offer no longer makes sense, where the kind has one.
    pub fn deadline(&self) -> Option<NaiveDate> {
        match self {
            Self::OrderHandover { deadline, .. } | Self::ProjectPartnerSearch { deadline, .. } => {
                Some(*deadline)
            }
            Self::FreeCapacity(c) => Some(c.available_to),
            Self::JointTradeFair(f) => Some(f.starts_on),
            _ => None,
        }
    }

    /// Validates and normalises in place, recording errors under `details.*`.
    pub(super) fn validate(self, today: NaiveDate, e: &mut ValidationErrors) -> OfferDetails {
        let future = |path: &str, d: NaiveDate, e: &mut ValidationErrors| {
            if d < today {
                e.add(
                    format!("details.{path}"),
                    "in_the_past",
                    "this date has passed",
                );
            }
        };
        match self {
            Self::OrderHandover {
                quantity,
                deadline,
                delivery_city,
                delivery_country,
                required_certifications,
                materials,
                drawings_attached,
            } => {
                if let Some(q) = quantity
                    && !(q.value.is_finite() && q.value > 0.0)
                {
                    e.add(
                        "details.quantity.value",
                        "out_of_range",
                        "a quantity must be a positive number",
                    );
                }
                future("deadline", deadline, e);
                Self::OrderHandover {
                    quantity,
                    deadline,
                    delivery_city: check::opt_text(
                        "details.delivery_city",
                        delivery_city,
                        MAX_SHORT,
                        e,
                    ),
                    delivery_country: delivery_country
                        .filter(|c| !c.trim().is_empty())
                        .and_then(|c| check::country("details.delivery_country", &c, e)),
                    required_certifications: check::text_list(
                        "details.required_certifications",
                        required_certifications,
                        MAX_SHORT,
                        e,
                    ),
                    materials: check::opt_text("details.materials", materials, check::MAX_LONG, e),
                    drawings_attached,
                }
            }
            Self::FreeCapacity(c) => {
                if c.hours_per_week == 0 || c.hours_per_week > 168 {
                    e.add(
                        "details.hours_per_week",
                        "out_of_range",
                        "hours per week must be between 1 and 168",
                    );
                }
                if c.available_to < c.available_from {
                    e.add(
                        "details.available_to",
                        "date_order",
                        "the capacity must end after it starts",
                    );
                }
                future("available_to", c.available_to, e);
                let mut machines = Vec::new();
                for (i, m) in c.machines.into_iter().enumerate() {
                    let name = m.name.trim().to_string();
                    if check::text(&format!("details.machines[{i}].name"), &name, MAX_SHORT, e) {
                        machines.push(Machine { name, ..m });
                    }
                }
                Self::FreeCapacity(Capacity {
                    machines,
                    processes: check::text_list("details.processes", c.processes, MAX_SHORT, e),
                    ..c
                })
            }
            Self::BusinessOffer {
                products,
                target_countries,
            } => Self::BusinessOffer {
                products: check::text_list("details.products", products, MAX_SHORT, e),
                target_countries: check::countries("details.target_countries", target_countries, e),
            },
            Self::BusinessRequest {
                products,
                target_countries,
            } => Self::BusinessRequest {
                products: check::text_list("details.products", products, MAX_SHORT, e),
                target_countries: check::countries("details.target_countries", target_countries, e),
            },
            Self::TechnologyOffer {
                stage,
                ip,
                partnership,
            } => {
                if partnership.is_empty() {
                    e.add(
                        "details.partnership",
                        "required",
                        "name at least one kind of partnership sought",
                    );
                }
                Self::TechnologyOffer {
                    stage,
                    ip,
                    partnership: dedup(partnership),
                }
            }
            Self::TechnologyRequest { stage, partnership } => {
                if partnership.is_empty() {
                    e.add(
                        "details.partnership",
                        "required",
                        "name at least one kind of partnership sought",
                    );
                }
                Self::TechnologyRequest {
                    stage,
                    partnership: dedup(partnership),
                }
            }
            Self::ProjectPartnerSearch {
                programme,
                partner_roles,
                deadline,
            } => {
                future("deadline", deadline, e);
                let mut roles = Vec::new();
                for (i, r) in partner_roles.iter().enumerate() {
                    let r = r.trim();
                    if !PARTNER_ROLES.contains(&r) {
                        e.add(
                            format!("details.partner_roles[{i}]"),
                            "unknown_role",
                            format!("use one of: {}", PARTNER_ROLES.join(", ")),
                        );
                    } else if !roles.iter().any(|x: &String| x == r) {
                        roles.push(r.to_string());
                    }
                }
                if partner_roles.is_empty() {
                    e.add(
                        "details.partner_roles",
                        "required",
                        "name at least one partner role sought",
                    );
                }
                Self::ProjectPartnerSearch {
                    programme: check::opt_text("details.programme", programme, MAX_SHORT, e),
                    partner_roles: roles,
                    deadline,
                }
            }
            Self::JointTradeFair(f) => {
                let fair = f.fair.trim().to_string();
                check::text("details.fair", &fair, MAX_SHORT, e);
                let city = f.city.trim().to_string();
                check::text("details.city", &city, MAX_SHORT, e);
                let country = check::country("details.country", &f.country, e).unwrap_or_default();
                if f.ends_on < f.starts_on {
                    e.add(
                        "details.ends_on",
                        "date_order",
                        "the fair must end after it starts",
                    );
                }
                future("starts_on", f.starts_on, e);
                Self::JointTradeFair(TradeFair {
                    fair,
                    city,
                    country,
                    cost_sharing: check::opt_text(
                        "details.cost_sharing",
                        f.cost_sharing,
                        check::MAX_LONG,
                        e,
                    ),
                    ..f
                })
            }
        }
    }
}

fn dedup<T: PartialEq>(v: Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(v.len());
    for x in v {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}
