//! Organisations of the directory: kinds, EU size classes, and the create/update payload with
//! its validation.

use crate::check::{self, MAX_LONG, MAX_SHORT};
use crate::errors::ValidationErrors;
use crate::ids::{LegalId, LegalIdInput, LegalIdKind};
use crate::text::{LocalizedText, validate_texts};
use serde::{Deserialize, Serialize};

/// What an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Company,
    ClusterOrganisation,
    DevelopmentAgency,
    Foundation,
    Chamber,
    Association,
    University,
    ResearchInstitute,
    PublicAuthority,
}

/// The broad group of an [`OrgKind`], as the directory's filters show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrgCategory {
    Company,
    Cluster,
    /// Business-support institutions: agencies, foundations, chambers, associations.
    BusinessSupport,
    Academia,
    Public,
}

impl OrgKind {
    pub const ALL: [OrgKind; 9] = [
        Self::Company,
        Self::ClusterOrganisation,
        Self::DevelopmentAgency,
        Self::Foundation,
        Self::Chamber,
        Self::Association,
        Self::University,
        Self::ResearchInstitute,
        Self::PublicAuthority,
    ];

    pub fn category(self) -> OrgCategory {
        match self {
            Self::Company => OrgCategory::Company,
            Self::ClusterOrganisation => OrgCategory::Cluster,
            Self::DevelopmentAgency | Self::Foundation | Self::Chamber | Self::Association => {
                OrgCategory::BusinessSupport
            }
            Self::University | Self::ResearchInstitute => OrgCategory::Academia,
            Self::PublicAuthority => OrgCategory::Public,
        }
    }

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Company => "company",
            Self::ClusterOrganisation => "cluster_organisation",
            Self::DevelopmentAgency => "development_agency",
            Self::Foundation => "foundation",
            Self::Chamber => "chamber",
            Self::Association => "association",
            Self::University => "university",
            Self::ResearchInstitute => "research_institute",
            Self::PublicAuthority => "public_authority",
        }
    }

    pub fn parse(s: &str) -> Option<OrgKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Enterprise size class of EU Recommendation 2003/361/EC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SizeClass {
    Micro,
    Small,
    Medium,
    Large,
}

impl SizeClass {
    pub const ALL: [SizeClass; 4] = [Self::Micro, Self::Small, Self::Medium, Self::Large];

    /// Classifies by the thresholds of Recommendation 2003/361/EC, Annex, Article 2:
    ///
    /// | class  | staff headcount | and turnover | or balance-sheet total |
    /// |--------|-----------------|--------------|------------------------|
    /// | micro  | < 10            | ≤ €2 m       | ≤ €2 m                 |
    /// | small  | < 50            | ≤ €10 m      | ≤ €10 m                |
    /// | medium | < 250           | ≤ €50 m      | ≤ €43 m                |
    /// | large  | anything above  |              |                        |
    ///
    /// The headcount ceiling is mandatory; of the two financial ceilings a firm has to meet only
    /// one. A figure that is not known (`None`) is not held against the firm: with neither
    /// known, the headcount alone decides. (The recommendation also counts partner and linked
    /// enterprises and two consecutive years; that is the firm's own declaration, not ours.)
    pub fn from_figures(
        employees: u32,
        turnover_eur: Option<u64>,
        balance_eur: Option<u64>,
    ) -> SizeClass {
        let fits = |staff: u32, turnover: u64, balance: u64| {
            let financial = match (turnover_eur, balance_eur) {
                (None, None) => true,
                (t, b) => t.is_some_and(|t| t <= turnover) || b.is_some_and(|b| b <= balance),
            };
            employees < staff && financial
        };
        if fits(10, 2_000_000, 2_000_000) {
            SizeClass::Micro
        } else if fits(50, 10_000_000, 10_000_000) {
            SizeClass::Small
        } else if fits(250, 50_000_000, 43_000_000) {
            SizeClass::Medium
        } else {
            SizeClass::Large
        }
    }

    /// The staff headcount a firm of this class stays below, if there is one.
    pub fn headcount_ceiling(self) -> Option<u32> {
        match self {
            SizeClass::Micro => Some(10),
            SizeClass::Small => Some(50),
            SizeClass::Medium => Some(250),
            SizeClass::Large => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SizeClass::Micro => "micro",
            SizeClass::Small => "small",
            SizeClass::Medium => "medium",
            SizeClass::Large => "large",
        }
    }

    pub fn parse(s: &str) -> Option<SizeClass> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A postal address; the country is a field of the organisation itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Address {
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
}

/// A machine or a group of equal machines of the machine park.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Machine {
    pub name: String,
    #[serde(default)]
    pub quantity: Option<u32>,
    #[serde(default)]
    pub notes: Option<String>,
}

/// The create/update payload of an organisation, as received. [`OrganisationInput::validate`]
/// turns it into an [`Organisation`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default, deny_unknown_fields)]
pub struct OrganisationInput {
    /// At least one; the first is the primary name.
    pub names: Vec<LocalizedText>,
    pub short_name: Option<String>,
    /// Required.
    pub kind: Option<OrgKind>,
    pub legal_ids: Vec<LegalIdInput>,
    pub address: Address,
    /// ISO 3166-1 alpha-2. Required.
    pub country: Option<String>,
    /// NUTS 2021 code, or ISO 3166-2 code for Belarus; must lie in `country`.
    pub region: Option<String>,
    pub size_class: Option<SizeClass>,
    pub employees: Option<u32>,
    pub founded_year: Option<i32>,
    /// NACE Rev. 2 code of the main activity.
    pub nace_main: Option<String>,
    pub nace_other: Vec<String>,
    pub description: Vec<LocalizedText>,
    pub capabilities: Vec<String>,
    pub keywords: Vec<String>,
    pub certifications: Vec<String>,
    pub machine_park: Vec<Machine>,
    pub production_capacity: Option<String>,
    /// ISO 3166-1 alpha-2 codes.
    pub export_markets: Vec<String>,
    /// ISO 639-1 codes of the languages spoken.
    pub languages: Vec<String>,
    /// http or https URL; `www.example.pl` is completed to `https://www.example.pl`.
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A validated, normalised organisation profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Organisation {
    pub names: Vec<LocalizedText>,
    pub short_name: Option<String>,
    pub kind: OrgKind,
    pub legal_ids: Vec<LegalId>,
    pub address: Address,
    pub country: String,
    pub region: Option<String>,
    pub size_class: Option<SizeClass>,
    pub employees: Option<u32>,
    pub founded_year: Option<i32>,
    pub nace_main: Option<String>,
    pub nace_other: Vec<String>,
    pub description: Vec<LocalizedText>,
    pub capabilities: Vec<String>,
    pub keywords: Vec<String>,
    pub certifications: Vec<String>,
    pub machine_park: Vec<Machine>,
    pub production_capacity: Option<String>,
    pub export_markets: Vec<String>,
    pub languages: Vec<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl Organisation {
    /// The primary name (the first one).
    pub fn primary_name(&self) -> &str {
        self.names.first().map(|n| n.text.as_str()).unwrap_or("")
    }

    pub fn legal_id(&self, kind: LegalIdKind) -> Option<&LegalId> {
        self.legal_ids.iter().find(|id| id.kind() == kind)
    }

    /// Converts back to an input, e.g. to pre-fill an edit form or to merge an update.
    pub fn to_input(&self) -> OrganisationInput {
        OrganisationInput {
            names: self.names.clone(),
            short_name: self.short_name.clone(),
            kind: Some(self.kind),
            legal_ids: self
                .legal_ids
                .iter()
                .map(|id| LegalIdInput::new(id.kind(), id.value()))
                .collect(),
            address: self.address.clone(),
            country: Some(self.country.clone()),
            region: self.region.clone(),
            size_class: self.size_class,
            employees: self.employees,
            founded_year: self.founded_year,
            nace_main: self.nace_main.clone(),
            nace_other: self.nace_other.clone(),
            description: self.description.clone(),
            capabilities: self.capabilities.clone(),
            keywords: self.keywords.clone(),
            certifications: self.certifications.clone(),
            machine_park: self.machine_park.clone(),
            production_capacity: self.production_capacity.clone(),
            export_markets: self.export_markets.clone(),
            languages: self.languages.clone(),
            website: self.website.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
        }
    }
}

pub const MAX_NAME_LEN: usize = 300;
pub const MAX_SHORT_NAME_LEN: usize = 100;
pub const MAX_DESCRIPTION_LEN: usize = 20_000;
pub const MAX_NAMES: usize = 20;
pub const MIN_FOUNDED_YEAR: i32 = 1000;

impl OrganisationInput {
    /// Validates every field, collecting all errors, and returns the normalised profile:
    /// trimmed texts, upper-case country, canonical region and NACE codes, de-duplicated lists.
    pub fn validate(self) -> Result<Organisation, ValidationErrors> {
        let mut e = ValidationErrors::new();

        if self.names.is_empty() {
            e.add("names", "required", "at least one name is required");
        } else if self.names.len() > MAX_NAMES {
            e.add(
                "names",
                "too_many",
                format!("at most {MAX_NAMES} names are allowed"),
            );
        }
        let names = validate_texts("names", self.names, MAX_NAME_LEN, &mut e);
        let short_name = check::opt_text("short_name", self.short_name, MAX_SHORT_NAME_LEN, &mut e);

        let kind = self.kind;
        if kind.is_none() {
            e.add("kind", "required", "the kind of organisation is required");
        }

        let legal_ids = validate_legal_ids(self.legal_ids, &mut e);

        let country = match self.country.as_deref().map(str::trim) {
            None | Some("") => {
                e.add("country", "required", "the country is required");
                None
            }
            Some(c) => check::country("country", c, &mut e),
        };
        let region = match self.region.as_deref().map(str::trim) {
            None | Some("") => None,
            // Without a valid country the region can only be checked on its own.
            Some(r) => check::region("region", r, country.as_deref(), &mut e),
        };
        let address = validate_address(self.address, country.as_deref(), &mut e);

        if let (Some(size), Some(n)) = (self.size_class, self.employees)
            && size.headcount_ceiling().is_some_and(|max| n >= max)
        {
            e.add(
                "size_class",
                "size_class_mismatch",
                format!("a {} enterprise has fewer staff than {n}", size.as_str()),
            );
        }
        let this_year = chrono::Datelike::year(&chrono::Utc::now().date_naive());
        if let Some(y) = self.founded_year
            && !(MIN_FOUNDED_YEAR..=this_year).contains(&y)
        {
            e.add(
                "founded_year",
                "out_of_range",
                format!("the founding year must lie between {MIN_FOUNDED_YEAR} and {this_year}"),
            );
        }

        let nace_main = match self.nace_main.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(c) => check::nace("nace_main", c, &mut e),
        };
        let mut nace_other = check::naces("nace_other", self.nace_other, &mut e);
        nace_other.retain(|c| Some(c) != nace_main.as_ref());

        let description =
            validate_texts("description", self.description, MAX_DESCRIPTION_LEN, &mut e);
        let capabilities = check::text_list("capabilities", self.capabilities, MAX_SHORT, &mut e);
        let keywords = check::text_list("keywords", self.keywords, MAX_SHORT, &mut e);
        let certifications =
            check::text_list("certifications", self.certifications, MAX_SHORT, &mut e);
        let machine_park = validate_machines(self.machine_park, &mut e);
        let production_capacity = check::opt_text(
            "production_capacity",
            self.production_capacity,
            MAX_LONG,
            &mut e,
        );
        let export_markets = check::countries("export_markets", self.export_markets, &mut e);
        let languages = check::languages("languages", self.languages, &mut e);
        let website = check::url("website", self.website, &mut e);
        let email = check::email("email", self.email, &mut e);
        let phone = check::phone("phone", self.phone, &mut e);

        match (kind, country) {
            (Some(kind), Some(country)) if e.is_empty() => Ok(Organisation {
                names,
                short_name,
                kind,
                legal_ids,
                address,
                country,
                region,
                size_class: self.size_class,
                employees: self.employees,
                founded_year: self.founded_year,
                nace_main,
                nace_other,
                description,
                capabilities,
                keywords,
                certifications,
                machine_park,
                production_capacity,
                export_markets,
                languages,
                website,
                email,
                phone,
            }),
            _ => Err(e),
        }
    }
}

/// Parses each identifier; one of each kind, except EU VAT numbers (a firm may be registered
/// for VAT in several member states).
fn validate_legal_ids(inputs: Vec<LegalIdInput>, e: &mut ValidationErrors) -> Vec<LegalId> {
    let mut out: Vec<LegalId> = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        match input.parse() {
            Ok(id) if out.contains(&id) => {} // the same number twice is harmless
            Ok(id)
                if id.kind() != LegalIdKind::EuVat && out.iter().any(|o| o.kind() == id.kind()) =>
            {
                e.add(
                    format!("legal_ids[{i}].kind"),
                    "duplicate",
                    format!("only one {} is allowed", id.kind()),
                );
            }
            Ok(id) => out.push(id),
            Err(err) => e.add(format!("legal_ids[{i}].value"), err.code(), err.to_string()),
        }
    }
    out
}

/// Trims the address; Polish and Belarusian postal codes are checked and written canonically.
fn validate_address(a: Address, country: Option<&str>, e: &mut ValidationErrors) -> Address {
    let street = check::opt_text("address.street", a.street, MAX_SHORT, e);
    let city = check::opt_text("address.city", a.city, MAX_SHORT, e);
    let postal_code = check::opt_text("address.postal_code", a.postal_code, 20, e).and_then(|p| {
        let digits: String = p
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        let all_digits = digits.bytes().all(|b| b.is_ascii_digit());
        match country {
            Some("PL") if all_digits && digits.len() == 5 => {
                Some(format!("{}-{}", &digits[..2], &digits[2..]))
            }
            Some("PL") => {
                e.add(
                    "address.postal_code",
                    "invalid_postal_code",
                    "a Polish postal code has the form 00-000",
                );
                None
            }
            Some("BY") if all_digits && digits.len() == 6 => Some(digits),
            Some("BY") => {
                e.add(
                    "address.postal_code",
                    "invalid_postal_code",
                    "a Belarusian postal code has 6 digits",
                );
                None
            }
            _ => Some(p),
        }
    });
    Address {
        street,
        postal_code,
        city,
    }
}

fn validate_machines(machines: Vec<Machine>, e: &mut ValidationErrors) -> Vec<Machine> {
    if machines.len() > check::MAX_ITEMS {
        e.add(
            "machine_park",
            "too_many",
            format!("at most {} machines are allowed", check::MAX_ITEMS),
        );
        return Vec::new();
    }
    let mut out = Vec::with_capacity(machines.len());
    for (i, m) in machines.into_iter().enumerate() {
        let name = m.name.trim().to_string();
        let name_ok = check::text(&format!("machine_park[{i}].name"), &name, MAX_SHORT, e);
        if m.quantity == Some(0) {
            e.add(
                format!("machine_park[{i}].quantity"),
                "out_of_range",
                "the quantity must be at least 1",
            );
        }
        let notes = check::opt_text(&format!("machine_park[{i}].notes"), m.notes, 2_000, e);
        if name_ok {
            out.push(Machine {
                name,
                quantity: m.quantity,
                notes,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
