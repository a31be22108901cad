//! Structured fields rendered in any working language from data, never machine-translated.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::termbase::termbase;

/// The portal's offer kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferKind {
    Subcontracting,
    Capacity,
    BusinessOffer,
    BusinessRequest,
    TechnologyOffer,
    TechnologyRequest,
    JointProject,
    TradeFairStand,
}

impl OfferKind {
    pub const ALL: [OfferKind; 8] = [
        OfferKind::Subcontracting,
        OfferKind::Capacity,
        OfferKind::BusinessOffer,
        OfferKind::BusinessRequest,
        OfferKind::TechnologyOffer,
        OfferKind::TechnologyRequest,
        OfferKind::JointProject,
        OfferKind::TradeFairStand,
    ];

    /// Stable identifier (also the serde form), e.g. "trade_fair_stand".
    pub fn id(self) -> &'static str {
        match self {
            OfferKind::Subcontracting => "subcontracting",
            OfferKind::Capacity => "capacity",
            OfferKind::BusinessOffer => "business_offer",
            OfferKind::BusinessRequest => "business_request",
            OfferKind::TechnologyOffer => "technology_offer",
            OfferKind::TechnologyRequest => "technology_request",
            OfferKind::JointProject => "joint_project",
            OfferKind::TradeFairStand => "trade_fair_stand",
        }
    }

    /// Termbase key, e.g. "kind.capacity".
    pub fn key(self) -> &'static str {
        match self {
            OfferKind::Subcontracting => "kind.subcontracting",
            OfferKind::Capacity => "kind.capacity",
            OfferKind::BusinessOffer => "kind.business_offer",
            OfferKind::BusinessRequest => "kind.business_request",
            OfferKind::TechnologyOffer => "kind.technology_offer",
            OfferKind::TechnologyRequest => "kind.technology_request",
            OfferKind::JointProject => "kind.joint_project",
            OfferKind::TradeFairStand => "kind.trade_fair_stand",
        }
    }

    pub fn from_id(id: &str) -> Option<OfferKind> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// Units of quantities and capacities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    HoursPerWeek,
    ShiftsPerDay,
}

impl Unit {
    pub const ALL: [Unit; 12] = [
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
        Unit::HoursPerWeek,
        Unit::ShiftsPerDay,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Unit::Piece => "piece",
            Unit::Set => "set",
            Unit::Pallet => "pallet",
            Unit::Kg => "kg",
            Unit::Tonne => "tonne",
            Unit::M => "m",
            Unit::M2 => "m2",
            Unit::M3 => "m3",
            Unit::Litre => "litre",
            Unit::Hour => "hour",
            Unit::HoursPerWeek => "hours_per_week",
            Unit::ShiftsPerDay => "shifts_per_day",
        }
    }

    /// Termbase key of the unit's name ("unit.kg").
    pub fn key(self) -> String {
        format!("unit.{}", self.id())
    }

    /// Termbase key of the symbol written after a number ("unit_sym.kg").
    pub fn symbol_key(self) -> String {
        format!("unit_sym.{}", self.id())
    }

    pub fn from_id(id: &str) -> Option<Unit> {
        Self::ALL.into_iter().find(|u| u.id() == id)
    }
}

/// Certification codes (never translated) and their termbase ids.
pub const CERTIFICATIONS: &[(&str, &str)] = &[
    ("ISO 9001", "iso9001"),
    ("ISO 14001", "iso14001"),
    ("ISO 45001", "iso45001"),
    ("ISO 50001", "iso50001"),
    ("IATF 16949", "iatf16949"),
    ("AS/EN 9100", "as9100"),
    ("ISO 13485", "iso13485"),
    ("ISO/IEC 27001", "iso27001"),
    ("EN 1090", "en1090"),
    ("ISO 3834", "iso3834"),
    ("CE", "ce"),
];

/// The canonical code and termbase key of a certification written loosely ("iso9001",
/// "ISO-9001", "EN 9100").
pub fn certification(code: &str) -> Option<(&'static str, String)> {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let wanted = squash(code);
    if wanted.is_empty() || wanted.len() > 16 {
        return None;
    }
    CERTIFICATIONS
        .iter()
        .find(|(c, id)| {
            // The aerospace standard is published as both AS 9100 and EN 9100.
            squash(c) == wanted || *id == wanted || (wanted == "en9100" && *id == "as9100")
        })
        .map(|(c, id)| (*c, format!("cert.{id}")))
}

/// The text of a termbase key in `lang`: "label.deadline", or just "deadline" for a label.
/// An unknown key comes back as itself, so a typo shows on the page instead of vanishing.
pub fn label(key: &str, lang: Lang) -> &str {
    let tb = termbase();
    let found = if key.contains('.') {
        tb.get(key, lang)
    } else {
        tb.get(&format!("label.{key}"), lang)
    };
    found.unwrap_or(key)
}

/// A structured value to show.
#[derive(Debug, Clone, PartialEq)]
pub enum Field<'a> {
    Kind(OfferKind),
    Quantity {
        amount: f64,
        unit: Unit,
    },
    Date(NaiveDate),
    DateRange(NaiveDate, NaiveDate),
    /// A NACE code in any form `klaster_refdata::nace::get` accepts.
    Nace(&'a str),
    /// ISO 3166-1 alpha-2.
    Country(&'a str),
    /// A certification code ("ISO 9001").
    Certification(&'a str),
    /// Any termbase key ("stage.lab_tested", "phrase.negotiable").
    Term(&'a str),
}

/// A rendered value and the language it is really in: official data may lack a language (NACE
/// has no Belarusian or Ukrainian titles), and then the English text is returned with
/// `lang = En`, so the page can set `lang="en"` and mark it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub lang: Lang,
}

/// Renders `field` in `lang`; `None` for an unknown code or key.
pub fn render_field(field: &Field<'_>, lang: Lang) -> Option<Rendered> {
    let tb = termbase();
    let done = |text: String| Some(Rendered { text, lang });
    match field {
        Field::Kind(k) => done(tb.get(k.key(), lang)?.to_owned()),
        Field::Quantity { amount, unit } => {
            let sym = tb.get(&unit.symbol_key(), lang)?;
            done(format!("{} {sym}", number(*amount, lang)?))
        }
        Field::Date(d) => done(date(*d, lang)),
        Field::DateRange(a, b) => done(format!("{} – {}", date(*a, lang), date(*b, lang))),
        Field::Nace(code) => {
            let c = klaster_refdata::nace::get(code)?;
            let (title, real) = if c.has_title(lang.code()) {
                (c.title(lang.code()), lang)
            } else {
                (c.title("en"), Lang::En)
            };
            Some(Rendered {
                text: format!("{} {title}", c.code),
                lang: real,
            })
        }
        Field::Country(code) => done(
            klaster_refdata::countries::get(code)?
                .name(lang.code())
                .to_owned(),
        ),
        Field::Certification(code) => {
            let (canonical, key) = certification(code)?;
            done(format!("{canonical} ({})", tb.get(&key, lang)?))
        }
        Field::Term(key) => done(tb.get(key, lang)?.to_owned()),
    }
}

/// A number with the language's decimal separator, no trailing zeros, at most 3 decimals.
/// Non-finite numbers are refused.
pub fn number(n: f64, lang: Lang) -> Option<String> {
    if !n.is_finite() {
        return None;
    }
    let s = format!("{n:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let s = if s == "-0" { "0" } else { s };
    Some(if lang == Lang::En {
        s.to_owned()
    } else {
        s.replace('.', ",")
    })
}

/// Numeric dates in each language's usual order (CLDR short forms, with a four-digit year);
/// English gets ISO 8601, which no reader misreads as US or UK order.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    match lang {
        Lang::En => format!("{y:04}-{m:02}-{day:02}"),
        Lang::It => format!("{day:02}/{m:02}/{y:04}"),
        Lang::Cs => format!("{day}. {m}. {y:04}"),
        Lang::Hu => format!("{y:04}. {m:02}. {day:02}."),
        Lang::Bg => format!("{day:02}.{m:02}.{y:04} г."),
        Lang::Pl | Lang::De | Lang::Ru | Lang::Be | Lang::Uk | Lang::Ro => {
            format!("{day:02}.{m:02}.{y:04}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(label("label.deadline", Lang::De), "Frist");
        assert_eq!(label("deadline", Lang::Pl), "Termin realizacji");
        assert_eq!(label("place_of_delivery", Lang::Bg), "Място на доставка");
        assert_eq!(label("no.such.key", Lang::Pl), "no.such.key");
    }

    #[test]
    fn every_kind_and_unit_renders_in_every_language() {
        for l in Lang::ALL {
            for k in OfferKind::ALL {
                assert!(render_field(&Field::Kind(k), l).is_some(), "{k:?} {l}");
                assert_eq!(OfferKind::from_id(k.id()), Some(k));
            }
            for u in Unit::ALL {
                let q = Field::Quantity {
                    amount: 1.5,
                    unit: u,
                };
                assert!(render_field(&q, l).is_some(), "{u:?} {l}");
                assert_eq!(Unit::from_id(u.id()), Some(u));
            }
            for (code, _) in CERTIFICATIONS {
                let r = render_field(&Field::Certification(code), l).unwrap();
                assert!(r.text.starts_with(code), "code stays untranslated");
            }
        }
    }

    #[test]
    fn quantities_dates_countries() {
        let q = |amount, unit, l| {
            render_field(&Field::Quantity { amount, unit }, l)
                .unwrap()
                .text
        };
        assert_eq!(q(500.0, Unit::Piece, Lang::Pl), "500 szt.");
        assert_eq!(q(2.5, Unit::Tonne, Lang::De), "2,5 t");
        assert_eq!(q(2.5, Unit::Tonne, Lang::En), "2.5 t");
        assert_eq!(q(40.0, Unit::HoursPerWeek, Lang::Ru), "40 ч/нед.");
        assert!(
            render_field(
                &Field::Quantity {
                    amount: f64::NAN,
                    unit: Unit::Kg
                },
                Lang::Pl
            )
            .is_none()
        );
        let d = NaiveDate::from_ymd_opt(2027, 3, 9).unwrap();
        assert_eq!(date(d, Lang::Pl), "09.03.2027");
        assert_eq!(date(d, Lang::En), "2027-03-09");
        assert_eq!(date(d, Lang::Hu), "2027. 03. 09.");
        assert_eq!(date(d, Lang::Cs), "9. 3. 2027");
        assert_eq!(date(d, Lang::Bg), "09.03.2027 г.");
        let r = render_field(&Field::Country("DE"), Lang::Pl).unwrap();
        assert_eq!(r.text, "Niemcy");
        assert!(render_field(&Field::Country("ZZZ"), Lang::Pl).is_none());
    }

    #[test]
    fn nace_falls_back_to_english_and_says_so() {
        let r = render_field(&Field::Nace("25.11.Z"), Lang::Pl).unwrap();
        assert_eq!(
            r.text,
            "25.11 Produkcja konstrukcji metalowych i ich części"
        );
        assert_eq!(r.lang, Lang::Pl);
        let r = render_field(&Field::Nace("25.11"), Lang::Be).unwrap();
        assert_eq!(r.lang, Lang::En);
        assert!(render_field(&Field::Nace("99.99"), Lang::Pl).is_none());
    }

    #[test]
    fn certifications_are_found_loosely() {
        assert_eq!(certification("iso-9001").unwrap().0, "ISO 9001");
        assert_eq!(certification("EN 9100").unwrap().0, "AS/EN 9100");
        assert_eq!(certification("ISO 27001").unwrap().0, "ISO/IEC 27001");
        assert!(certification("ISO 1").is_none());
        assert!(certification("").is_none());
    }
}
