//! The offer form as posted (every value a string, so whatever was typed comes back with its
//! error), the fields of each kind, and its translation into the API's `OfferInput`.

use chrono::NaiveDate;
use klaster_domain::Machine;
use klaster_domain::offer::{
    Capacity, DevelopmentStage, IpStatus, Offer, OfferDetails, OfferInput, OfferKind,
    PARTNER_ROLES, PartnershipKind, Quantity, TradeFair, Unit, Visibility,
};
use klaster_translate::{Lang, label};
use serde::de::DeserializeOwned;

use crate::api::enum_str;
use crate::pages::forms::{Choice, Field};
use crate::pages::i18n::Tr;

/// The posted pairs of the form, in order (checkbox groups repeat a name).
#[derive(Debug, Clone, Default)]
pub struct Values(pub Vec<(String, String)>);

impl Values {
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.0.retain(|(k, _)| k != name);
        self.0.push((name.to_string(), value.into()));
    }
    fn push(&mut self, name: &str, value: impl Into<String>) {
        self.0.push((name.to_string(), value.into()));
    }
}

const UNITS: [Unit; 10] = [
    Unit::Piece,
    Unit::Set,
    Unit::Pallet,
    Unit::Kg,
    Unit::Tonne,
    Unit::M,
    Unit::M2,
    Unit::M3,
    Unit::Litre,
    Unit::Hour,
];
const STAGES: [DevelopmentStage; 5] = [
    DevelopmentStage::Concept,
    DevelopmentStage::UnderDevelopment,
    DevelopmentStage::LabTested,
    DevelopmentStage::FieldTested,
    DevelopmentStage::OnMarket,
];
const IPS: [IpStatus; 6] = [
    IpStatus::PatentGranted,
    IpStatus::PatentApplied,
    IpStatus::SecretKnowHow,
    IpStatus::Copyright,
    IpStatus::DesignRights,
    IpStatus::None,
];
const PARTNERSHIPS: [PartnershipKind; 7] = [
    PartnershipKind::CommercialTechnical,
    PartnershipKind::License,
    PartnershipKind::JointVenture,
    PartnershipKind::ResearchCooperation,
    PartnershipKind::TechnicalCooperation,
    PartnershipKind::Manufacturing,
    PartnershipKind::Distribution,
];

/// A value of a serde enum from its snake_case name.
fn parse_enum<T: DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_string())).ok()
}

/// Select options of enum values, labelled from the termbase (`prefix.value`).
fn enum_choices<T: serde::Serialize + Copy>(
    all: &[T],
    prefix: &str,
    lang: Lang,
    chosen: &[&str],
    empty: Option<String>,
) -> Vec<Choice> {
    let mut out: Vec<Choice> = empty
        .map(|label| Choice {
            value: String::new(),
            label,
            selected: chosen.iter().all(|c| c.is_empty()),
        })
        .into_iter()
        .collect();
    out.extend(all.iter().map(|v| {
        let value = enum_str(*v);
        Choice {
            label: label(&format!("{prefix}.{value}"), lang).to_string(),
            selected: chosen.contains(&value.as_str()),
            value,
        }
    }));
    out
}

/// Every country, named in the UI language, alphabetically; `empty` first when optional.
pub fn country_choices(lang: Lang, chosen: &str, empty: Option<String>) -> Vec<Choice> {
    let mut all: Vec<Choice> = klaster_refdata::countries::all()
        .iter()
        .map(|c| Choice {
            value: c.code.to_string(),
            label: c.name(lang.code()).to_string(),
            selected: c.code.eq_ignore_ascii_case(chosen.trim()),
        })
        .collect();
    all.sort_by(|a, b| a.label.cmp(&b.label));
    let first = empty.map(|label| Choice {
        value: String::new(),
        label,
        selected: chosen.trim().is_empty(),
    });
    first.into_iter().chain(all).collect()
}

/// The portal's working languages, by their own names.
pub fn language_choices(chosen: &str) -> Vec<Choice> {
    Lang::ALL
        .into_iter()
        .map(|l| Choice {
            value: l.code().to_string(),
            label: l.autonym().to_string(),
            selected: l.code() == chosen,
        })
        .collect()
}

/// One field of the form: `name` is what the browser posts.
fn field(v: &Values, name: &str, kind: &'static str, label: String) -> Field {
    Field::new(name, kind, label).value(v.get(name))
}

/// The kind's own fields, labelled from the termbase where it has the label.
pub fn detail_fields(kind: OfferKind, v: &Values, tr: &Tr) -> Vec<Field> {
    let lang = tr.lang();
    let term = |key: &str| label(key, lang).to_string();
    let list_hint = || tr.t("of-hint-list");
    let date = |name: &str, key: &str| field(v, name, "date", term(key)).required();
    let group = |name: &str, key: &str, options: Vec<Choice>| {
        Field::new(name, "group", term(key))
            .required()
            .options(options)
    };
    match kind {
        OfferKind::OrderHandover => vec![
            date("deadline", "deadline"),
            field(v, "quantity_value", "number", term("quantity")),
            field(v, "quantity_unit", "select", tr.t("of-field-unit")).options(enum_choices(
                &UNITS,
                "unit",
                lang,
                &[v.get("quantity_unit")],
                None,
            )),
            field(v, "delivery_city", "text", tr.t("of-field-delivery-city")),
            field(
                v,
                "delivery_country",
                "select",
                tr.t("of-field-delivery-country"),
            )
            .options(country_choices(
                lang,
                v.get("delivery_country"),
                Some(tr.t("of-choose")),
            )),
            field(
                v,
                "required_certifications",
                "text",
                term("required_certifications"),
            )
            .hint(list_hint()),
            field(v, "materials", "textarea", term("materials")),
            field(
                v,
                "drawings_attached",
                "checkbox",
                term("drawings_attached"),
            ),
        ],
        OfferKind::FreeCapacity => vec![
            field(v, "hours_per_week", "number", term("hours_per_week")).required(),
            date("available_from", "available_from"),
            date("available_to", "available_to"),
            field(v, "machines", "textarea", term("machines")).hint(tr.t("of-hint-machines")),
            field(v, "processes", "text", term("processes")).hint(list_hint()),
        ],
        OfferKind::BusinessOffer | OfferKind::BusinessRequest => vec![
            field(v, "products", "text", tr.t("of-field-products")).hint(list_hint()),
            field(v, "target_countries", "text", term("target_countries"))
                .hint(tr.t("of-hint-countries")),
        ],
        OfferKind::TechnologyOffer => vec![
            field(v, "stage", "select", term("stage_of_development"))
                .required()
                .options(enum_choices(
                    &STAGES,
                    "stage",
                    lang,
                    &[v.get("stage")],
                    None,
                )),
            field(v, "ip", "select", term("intellectual_property"))
                .required()
                .options(enum_choices(&IPS, "ip", lang, &[v.get("ip")], None)),
            group(
                "partnership",
                "partnership_sought",
                enum_choices(
                    &PARTNERSHIPS,
                    "partnership",
                    lang,
                    &v.all("partnership"),
                    None,
                ),
            ),
        ],
        OfferKind::TechnologyRequest => vec![
            field(v, "stage", "select", term("stage_of_development")).options(enum_choices(
                &STAGES,
                "stage",
                lang,
                &[v.get("stage")],
                Some(tr.t("of-any")),
            )),
            group(
                "partnership",
                "partnership_sought",
                enum_choices(
                    &PARTNERSHIPS,
                    "partnership",
                    lang,
                    &v.all("partnership"),
                    None,
                ),
            ),
        ],
        OfferKind::ProjectPartnerSearch => vec![
            date("deadline", "deadline"),
            field(v, "programme", "text", term("call_or_programme")),
            group(
                "partner_roles",
                "partner_roles_sought",
                enum_choices(&PARTNER_ROLES, "role", lang, &v.all("partner_roles"), None),
            ),
        ],
        OfferKind::JointTradeFair => vec![
            field(v, "fair", "text", term("trade_fair")).required(),
            field(v, "city", "text", term("city")).required(),
            field(v, "fair_country", "select", term("country"))
                .required()
                .options(country_choices(
                    lang,
                    v.get("fair_country"),
                    Some(tr.t("of-choose")),
                )),
            field(v, "starts_on", "date", tr.t("of-field-starts-on"))
                .required()
                .hint(tr.t("of-hint-fair-dates")),
            field(v, "ends_on", "date", tr.t("of-field-ends-on")).required(),
            field(v, "cost_sharing", "textarea", term("stand_cost_sharing")),
        ],
    }
}

/// A list typed with commas, semicolons or one item a line.
fn list(s: &str) -> Vec<String> {
    s.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Values the browser sent that are not even of their type: (form field, code).
pub type ParseErrors = Vec<(String, &'static str)>;

struct Parser<'a> {
    v: &'a Values,
    errors: ParseErrors,
}

/// What a date that could not be read stands for while the rest is checked.
const PLACEHOLDER: NaiveDate = NaiveDate::MAX;

impl Parser<'_> {
    fn fail(&mut self, name: &str, code: &'static str) {
        self.errors.push((name.to_string(), code));
    }
    fn opt_date(&mut self, name: &str) -> Option<NaiveDate> {
        crate::pages::forms::date_value(self.v.get(name)).unwrap_or_else(|()| {
            self.fail(name, "not_a_date");
            Some(PLACEHOLDER)
        })
    }
    fn date(&mut self, name: &str) -> NaiveDate {
        if self.v.get(name).trim().is_empty() {
            self.fail(name, "required");
            return PLACEHOLDER;
        }
        self.opt_date(name).unwrap_or(PLACEHOLDER)
    }
    fn number(&mut self, name: &str) -> Option<f64> {
        let s = self.v.get(name).trim().replace([' ', '\u{a0}'], "");
        if s.is_empty() {
            return None;
        }
        let n = s.replace(',', ".").parse::<f64>().ok();
        if n.is_none() {
            self.fail(name, "not_a_number");
        }
        n
    }
    fn choice<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        let s = self.v.get(name);
        if s.trim().is_empty() {
            return None;
        }
        let c = parse_enum(s);
        if c.is_none() {
            self.fail(name, "unknown_choice");
        }
        c
    }
    fn required<T: DeserializeOwned>(&mut self, name: &str, fallback: T) -> T {
        if self.v.get(name).trim().is_empty() {
            self.fail(name, "required");
            return fallback;
        }
        self.choice(name).unwrap_or(fallback)
    }
    fn many<T: DeserializeOwned>(&mut self, name: &str) -> Vec<T> {
        let mut out = Vec::new();
        for s in self.v.all(name) {
            match parse_enum(s) {
                Some(x) => out.push(x),
                None => self.fail(name, "unknown_choice"),
            }
        }
        out
    }

    fn details(&mut self, kind: OfferKind) -> OfferDetails {
        let v = self.v;
        match kind {
            OfferKind::OrderHandover => {
                let value = self.number("quantity_value");
                let unit = self.choice("quantity_unit").unwrap_or(Unit::Piece);
                OfferDetails::OrderHandover {
                    quantity: value.map(|value| Quantity { value, unit }),
                    deadline: self.date("deadline"),
                    delivery_city: opt(v.get("delivery_city")),
                    delivery_country: opt(v.get("delivery_country")),
                    required_certifications: list(v.get("required_certifications")),
                    materials: opt(v.get("materials")),
                    drawings_attached: matches!(v.get("drawings_attached"), "on" | "true" | "1"),
                }
            }
            OfferKind::FreeCapacity => {
                let hours = match self.number("hours_per_week") {
                    None if self.v.get("hours_per_week").trim().is_empty() => {
                        self.fail("hours_per_week", "required");
                        0
                    }
                    None => 0,
                    Some(h) if h.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&h) => {
                        h as u32
                    }
                    Some(_) => {
                        self.fail("hours_per_week", "out_of_range");
                        0
                    }
                };
                OfferDetails::FreeCapacity(Capacity {
                    machines: v.get("machines").lines().filter_map(machine).collect(),
                    processes: list(v.get("processes")),
                    hours_per_week: hours,
                    available_from: self.date("available_from"),
                    available_to: self.date("available_to"),
                })
            }
            OfferKind::BusinessOffer => OfferDetails::BusinessOffer {
                products: list(v.get("products")),
                target_countries: list(v.get("target_countries")),
            },
            OfferKind::BusinessRequest => OfferDetails::BusinessRequest {
                products: list(v.get("products")),
                target_countries: list(v.get("target_countries")),
            },
            OfferKind::TechnologyOffer => OfferDetails::TechnologyOffer {
                stage: self.required("stage", DevelopmentStage::Concept),
                ip: self.required("ip", IpStatus::None),
                partnership: self.many("partnership"),
            },
            OfferKind::TechnologyRequest => OfferDetails::TechnologyRequest {
                stage: self.choice("stage"),
                partnership: self.many("partnership"),
            },
            OfferKind::ProjectPartnerSearch => OfferDetails::ProjectPartnerSearch {
                programme: opt(v.get("programme")),
                partner_roles: v
                    .all("partner_roles")
                    .into_iter()
                    .map(String::from)
                    .collect(),
                deadline: self.date("deadline"),
            },
            OfferKind::JointTradeFair => OfferDetails::JointTradeFair(TradeFair {
                fair: v.get("fair").to_string(),
                city: v.get("city").to_string(),
                country: v.get("fair_country").to_string(),
                starts_on: self.date("starts_on"),
                ends_on: self.date("ends_on"),
                cost_sharing: opt(v.get("cost_sharing")),
            }),
        }
    }
}

/// A machine line: `name` or `name × count`.
fn machine(line: &str) -> Option<Machine> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    let (name, quantity) = match line.rsplit_once(['×', 'x']) {
        Some((n, q)) if !n.trim().is_empty() && q.trim().parse::<u32>().is_ok() => {
            (n.trim(), q.trim().parse().ok())
        }
        _ => (line, None),
    };
    Some(Machine {
        name: name.to_string(),
        quantity,
        notes: None,
    })
}

/// The input the API takes for these values, and what could not even be read.
pub fn to_input(kind: OfferKind, v: &Values) -> (OfferInput, ParseErrors) {
    let mut p = Parser {
        v,
        errors: Vec::new(),
    };
    let organisation_id = match v.get("organisation_id").trim().parse::<i64>() {
        Ok(id) => id,
        Err(_) => {
            p.fail("organisation_id", "required");
            0
        }
    };
    let visibility = match v.get("visibility").strip_prefix("cluster:") {
        Some(id) => match id.parse() {
            Ok(cluster_id) => Visibility::Cluster { cluster_id },
            Err(_) => {
                p.fail("visibility", "unknown_choice");
                Visibility::Public
            }
        },
        None => Visibility::Public,
    };
    let details = p.details(kind);
    let input = OfferInput {
        organisation_id,
        lang: v.get("lang").trim().to_string(),
        title: v.get("title").to_string(),
        description: v.get("description").to_string(),
        details,
        nace: v
            .get("nace")
            .split([',', ';', ' ', '\n'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
        keywords: list(v.get("keywords")),
        country: v.get("country").trim().to_string(),
        region: opt(v.get("region")),
        visibility,
        contact_id: match v.get("contact_id").trim() {
            "" => None,
            c => c.parse().ok().or_else(|| {
                p.fail("contact_id", "unknown_choice");
                None
            }),
        },
        expires_on: p.opt_date("expires_on"),
    };
    (input, p.errors)
}

/// The form's values for a stored offer (to edit it).
pub fn from_offer(o: &Offer) -> Values {
    let mut v = Values::default();
    v.push("organisation_id", o.organisation_id.to_string());
    v.push("lang", &o.lang);
    v.push("title", &o.title);
    v.push("description", &o.description);
    v.push("nace", o.nace.join(", "));
    v.push("keywords", o.keywords.join(", "));
    v.push("country", &o.country);
    v.push("region", o.region.clone().unwrap_or_default());
    if let Some(c) = o.contact_id {
        v.push("contact_id", c.to_string());
    }
    v.push(
        "visibility",
        match o.visibility {
            Visibility::Public => "public".to_string(),
            Visibility::Cluster { cluster_id } => format!("cluster:{cluster_id}"),
        },
    );
    if let Some(d) = o.expires_on.filter(|d| Some(*d) != o.details.deadline()) {
        v.push("expires_on", d.to_string());
    }
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    match &o.details {
        OfferDetails::OrderHandover {
            quantity,
            deadline,
            delivery_city,
            delivery_country,
            required_certifications,
            materials,
            drawings_attached,
        } => {
            if let Some(q) = quantity {
                v.push("quantity_value", q.value.to_string());
                v.push("quantity_unit", enum_str(q.unit));
            }
            v.push("deadline", deadline.to_string());
            v.push("delivery_city", opt(delivery_city));
            v.push("delivery_country", opt(delivery_country));
            v.push(
                "required_certifications",
                required_certifications.join(", "),
            );
            v.push("materials", opt(materials));
            if *drawings_attached {
                v.push("drawings_attached", "on");
            }
        }
        OfferDetails::FreeCapacity(c) => {
            let machines: Vec<String> = c
                .machines
                .iter()
                .map(|m| match m.quantity {
                    Some(n) => format!("{} × {n}", m.name),
                    None => m.name.clone(),
                })
                .collect();
            v.push("machines", machines.join("\n"));
            v.push("processes", c.processes.join(", "));
            v.push("hours_per_week", c.hours_per_week.to_string());
            v.push("available_from", c.available_from.to_string());
            v.push("available_to", c.available_to.to_string());
        }
        OfferDetails::BusinessOffer {
            products,
            target_countries,
        }
        | OfferDetails::BusinessRequest {
            products,
            target_countries,
        } => {
            v.push("products", products.join(", "));
            v.push("target_countries", target_countries.join(", "));
        }
        OfferDetails::TechnologyOffer {
            stage,
            ip,
            partnership,
        } => {
            v.push("stage", enum_str(stage));
            v.push("ip", enum_str(ip));
            for p in partnership {
                v.push("partnership", enum_str(p));
            }
        }
        OfferDetails::TechnologyRequest { stage, partnership } => {
            if let Some(s) = stage {
                v.push("stage", enum_str(s));
            }
            for p in partnership {
                v.push("partnership", enum_str(p));
            }
        }
        OfferDetails::ProjectPartnerSearch {
            programme,
            partner_roles,
            deadline,
        } => {
            v.push("programme", opt(programme));
            for r in partner_roles {
                v.push("partner_roles", r);
            }
            v.push("deadline", deadline.to_string());
        }
        OfferDetails::JointTradeFair(f) => {
            v.push("fair", &f.fair);
            v.push("city", &f.city);
            v.push("fair_country", &f.country);
            v.push("starts_on", f.starts_on.to_string());
            v.push("ends_on", f.ends_on.to_string());
            v.push("cost_sharing", opt(&f.cost_sharing));
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, &str)]) -> Values {
        Values(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn a_stored_offer_comes_back_as_the_same_input() {
        let v = values(&[
            ("organisation_id", "7"),
            ("lang", "pl"),
            ("title", "Spawanie"),
            ("nace", "25.11, 25.62"),
            ("country", "PL"),
            ("visibility", "cluster:3"),
            ("quantity_value", "1,5"),
            ("quantity_unit", "tonne"),
            ("deadline", "2099-01-31"),
            ("required_certifications", "EN 1090; ISO 9001"),
            ("drawings_attached", "on"),
        ]);
        let (input, errors) = to_input(OfferKind::OrderHandover, &v);
        assert!(errors.is_empty(), "{errors:?}");
        let offer = input.clone().validate(NaiveDate::MIN).unwrap();
        assert_eq!(offer.visibility, Visibility::Cluster { cluster_id: 3 });
        let (again, _) = to_input(OfferKind::OrderHandover, &from_offer(&offer));
        assert_eq!(again.validate(NaiveDate::MIN).unwrap(), offer);
    }

    #[test]
    fn what_cannot_be_read_is_named() {
        let v = values(&[
            ("hours_per_week", "forty"),
            ("available_from", "2099-13-01"),
            ("machines", "DMG Mori × 2\nLaser"),
        ]);
        let (input, errors) = to_input(OfferKind::FreeCapacity, &v);
        assert!(errors.contains(&("hours_per_week".into(), "not_a_number")));
        assert!(errors.contains(&("available_from".into(), "not_a_date")));
        assert!(errors.contains(&("available_to".into(), "required")));
        assert!(errors.contains(&("organisation_id".into(), "required")));
        let OfferDetails::FreeCapacity(c) = input.details else {
            panic!()
        };
        assert_eq!(c.machines[0].quantity, Some(2));
        assert_eq!(c.machines[1].name, "Laser");
    }
}
