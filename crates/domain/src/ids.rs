//! Legal identifiers of organisations: Polish NIP, REGON and KRS, EU VAT numbers, Belarusian UNP.
//!
//! Every type can only be built through `parse`, which normalises (drops spaces, dashes, dots)
//! and checks the format and, where the algorithm is published and well known, the check digit.
//! Serde goes through `parse` too, so a stored or received value is always a valid one.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Which identifier a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegalIdKind {
    /// Polish tax identification number (10 digits).
    Nip,
    /// Polish statistical number (9 digits, or 14 for a local unit).
    Regon,
    /// Polish National Court Register number (10 digits).
    Krs,
    /// VAT number of an EU member state, with its country prefix (EL for Greece).
    EuVat,
    /// Belarusian payer's account number (9 digits).
    Unp,
}

impl LegalIdKind {
    pub const ALL: [LegalIdKind; 5] = [Self::Nip, Self::Regon, Self::Krs, Self::EuVat, Self::Unp];

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Nip => "nip",
            Self::Regon => "regon",
            Self::Krs => "krs",
            Self::EuVat => "eu_vat",
            Self::Unp => "unp",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Nip => "NIP",
            Self::Regon => "REGON",
            Self::Krs => "KRS number",
            Self::EuVat => "EU VAT number",
            Self::Unp => "UNP",
        }
    }
}

impl fmt::Display for LegalIdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What is wrong with an identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("the {kind} is empty")]
    Empty { kind: LegalIdKind },
    #[error("the {kind} contains '{ch}', which is not allowed here")]
    InvalidCharacter { kind: LegalIdKind, ch: char },
    #[error("the {kind} must have {expected} digits, but has {found}")]
    Length {
        kind: LegalIdKind,
        expected: &'static str,
        found: usize,
    },
    #[error("the check digit of this {kind} is wrong; probably a digit was mistyped")]
    Checksum { kind: LegalIdKind },
    #[error(
        "the first 9 digits of a 14-digit REGON must be the REGON of the parent unit, but their check digit is wrong"
    )]
    RegonPrefixChecksum,
    #[error("an EU VAT number must start with a two-letter country code, such as PL or DE")]
    VatMissingCountry,
    #[error("'{prefix}' is not the VAT prefix of an EU member state (Greece uses EL)")]
    VatUnknownCountry { prefix: String },
    #[error("a VAT number of {country} must be {expected}")]
    VatFormat {
        country: &'static str,
        expected: &'static str,
    },
}

impl IdError {
    /// Stable machine code for [`crate::FieldError::code`].
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty { .. } => "required",
            Self::InvalidCharacter { .. } => "invalid_character",
            Self::Length { .. } => "invalid_length",
            Self::Checksum { kind } => match kind {
                LegalIdKind::Nip => "nip_checksum",
                LegalIdKind::Regon => "regon_checksum",
                LegalIdKind::Krs => "krs_checksum",
                LegalIdKind::EuVat => "vat_checksum",
                LegalIdKind::Unp => "unp_checksum",
            },
            Self::RegonPrefixChecksum => "regon_checksum",
            Self::VatMissingCountry => "vat_country_missing",
            Self::VatUnknownCountry { .. } => "vat_unknown_country",
            Self::VatFormat { .. } => "vat_format",
        }
    }
}

/// Drops the separators people type into identifiers (spaces, dashes, dots, slashes) and
/// upper-cases letters.
fn clean(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}'..='\u{2015}' | '.' | '/'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Checks that `s` holds only ASCII digits and that their count is one of `lengths`.
fn digits(
    kind: LegalIdKind,
    s: &str,
    lengths: &[usize],
    expected: &'static str,
) -> Result<Vec<u32>, IdError> {
    if s.is_empty() {
        return Err(IdError::Empty { kind });
    }
    let mut out = Vec::with_capacity(s.len());
    for ch in s.chars() {
        match ch.to_digit(10) {
            Some(d) if ch.is_ascii_digit() => out.push(d),
            _ => return Err(IdError::InvalidCharacter { kind, ch }),
        }
    }
    if !lengths.contains(&out.len()) {
        return Err(IdError::Length {
            kind,
            expected,
            found: out.len(),
        });
    }
    Ok(out)
}

fn weighted_sum(digits: &[u32], weights: &[u32]) -> u32 {
    digits.iter().zip(weights).map(|(d, w)| d * w).sum()
}

/// NIP check: weights 6,5,7,2,3,4,5,6,7 on the first nine digits, sum mod 11 equals the tenth
/// digit; a remainder of 10 is never issued, so such a number is invalid.
fn nip_check_ok(d: &[u32]) -> bool {
    let r = weighted_sum(d, &[6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
    r != 10 && d.get(9) == Some(&r)
}

/// REGON check: the last digit is the weighted sum of the others mod 11, 10 counting as 0.
fn regon_check_ok(d: &[u32], weights: &[u32]) -> bool {
    let r = weighted_sum(d, weights) % 11 % 10;
    d.get(weights.len()) == Some(&r)
}

const REGON9_WEIGHTS: [u32; 8] = [8, 9, 2, 3, 4, 5, 6, 7];
const REGON14_WEIGHTS: [u32; 13] = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];

fn to_string(d: &[u32]) -> String {
    d.iter().filter_map(|&x| char::from_digit(x, 10)).collect()
}

macro_rules! string_id {
    ($name:ident) => {
        impl $name {
            /// The normalised value (digits only; for VAT the country prefix and number).
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(value: String) -> Result<Self, IdError> {
                Self::parse(&value)
            }
        }
        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }
        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                Self::parse(s)
            }
        }
    };
}

/// Polish NIP (Numer Identyfikacji Podatkowej), 10 digits with a check digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
#[serde(try_from = "String", into = "String")]
pub struct Nip(String);

impl Nip {
    /// Accepts `774-000-14-54`, `774 00 01 454`, `PL7740001454`.
    pub fn parse(value: &str) -> Result<Self, IdError> {
        let cleaned = clean(value);
        let bare = cleaned.strip_prefix("PL").unwrap_or(&cleaned);
        let d = digits(LegalIdKind::Nip, bare, &[10], "10")?;
        if !nip_check_ok(&d) {
            return Err(IdError::Checksum {
                kind: LegalIdKind::Nip,
            });
        }
        Ok(Self(to_string(&d)))
    }

    /// The customary `XXX-XXX-XX-XX` form.
    pub fn formatted(&self) -> String {
        let s = &self.0;
        match (s.get(0..3), s.get(3..6), s.get(6..8), s.get(8..10)) {
            (Some(a), Some(b), Some(c), Some(d)) => format!("{a}-{b}-{c}-{d}"),
            _ => s.clone(),
        }
    }
}
string_id!(Nip);

/// Polish REGON: 9 digits for an entity, 14 for a local unit (the parent's 9 + 5).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
#[serde(try_from = "String", into = "String")]
pub struct Regon(String);

impl Regon {
    pub fn parse(value: &str) -> Result<Self, IdError> {
        let kind = LegalIdKind::Regon;
        let d = digits(kind, &clean(value), &[9, 14], "9 or 14")?;
        if d.len() == 14 {
            // A local unit's number embeds its parent's REGON, which carries its own check digit.
            if !regon_check_ok(&d, &REGON9_WEIGHTS) {
                return Err(IdError::RegonPrefixChecksum);
            }
            if !regon_check_ok(&d, &REGON14_WEIGHTS) {
                return Err(IdError::Checksum { kind });
            }
        } else if !regon_check_ok(&d, &REGON9_WEIGHTS) {
            return Err(IdError::Checksum { kind });
        }
        Ok(Self(to_string(&d)))
    }

    /// True for the 14-digit number of a local unit.
    pub fn is_local_unit(&self) -> bool {
        self.0.len() == 14
    }
}
string_id!(Regon);

/// Polish KRS number: 10 digits, written with leading zeros. It has no check digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
#[serde(try_from = "String", into = "String")]
pub struct Krs(String);

impl Krs {
    pub fn parse(value: &str) -> Result<Self, IdError> {
        let cleaned = clean(value);
        let bare = cleaned.strip_prefix("KRS").unwrap_or(&cleaned);
        let d = digits(LegalIdKind::Krs, bare, &[10], "10 (with leading zeros)")?;
        Ok(Self(to_string(&d)))
    }
}
string_id!(Krs);

/// Belarusian UNP (учетный номер плательщика): 9 digits. Only the format is checked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
#[serde(try_from = "String", into = "String")]
pub struct Unp(String);

impl Unp {
    pub fn parse(value: &str) -> Result<Self, IdError> {
        let cleaned = clean(value);
        let bare = cleaned.strip_prefix("BY").unwrap_or(&cleaned);
        let d = digits(LegalIdKind::Unp, bare, &[9], "9")?;
        Ok(Self(to_string(&d)))
    }
}
string_id!(Unp);

/// VAT number of an EU-27 member state, stored as prefix + number (`PL7740001454`, `EL094014201`).
///
/// The format of every member state is checked. Check digits are verified for PL (NIP), and for
/// BE, DE and IT, whose algorithms are short and public; the others are checked by format only.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
#[serde(try_from = "String", into = "String")]
pub struct EuVat(String);

impl EuVat {
    pub fn parse(value: &str) -> Result<Self, IdError> {
        let cleaned = clean(value);
        if cleaned.is_empty() {
            return Err(IdError::Empty {
                kind: LegalIdKind::EuVat,
            });
        }
        // Only ASCII letters, digits and the '+' / '*' of old Irish numbers occur in VAT numbers;
        // checking this first also makes the byte-wise format checks below safe.
        if let Some(ch) = cleaned
            .chars()
            .find(|c| !c.is_ascii_alphanumeric() && *c != '+' && *c != '*')
        {
            return Err(IdError::InvalidCharacter {
                kind: LegalIdKind::EuVat,
                ch,
            });
        }
        let mut chars = cleaned.chars();
        let prefix: String = chars.by_ref().take(2).collect();
        if prefix.chars().count() != 2 || !prefix.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(IdError::VatMissingCountry);
        }
        let rest: String = chars.collect();
        // People write GR for Greece, but the VAT prefix is EL.
        let prefix = if prefix == "GR" {
            "EL".to_string()
        } else {
            prefix
        };
        let Some(rule) = vat_rule(&prefix) else {
            return Err(IdError::VatUnknownCountry { prefix });
        };
        let number = (rule.normalise)(&rest);
        if !(rule.format)(&number) {
            return Err(IdError::VatFormat {
                country: rule.country,
                expected: rule.expected,
            });
        }
        if !(rule.checksum)(&number) {
            return Err(IdError::Checksum {
                kind: LegalIdKind::EuVat,
            });
        }
        Ok(Self(format!("{}{}", rule.country, number)))
    }

    /// The two-letter VAT prefix (EL for Greece).
    pub fn country_prefix(&self) -> &str {
        self.0.get(0..2).unwrap_or("")
    }

    /// The ISO 3166-1 alpha-2 code of the issuing country (GR for Greece).
    pub fn country(&self) -> &str {
        match self.country_prefix() {
            "EL" => "GR",
            p => p,
        }
    }

    /// The number without its prefix.
    pub fn number(&self) -> &str {
        self.0.get(2..).unwrap_or("")
    }
}
string_id!(EuVat);

struct VatRule {
    country: &'static str,
    expected: &'static str,
    normalise: fn(&str) -> String,
    format: fn(&str) -> bool,
    checksum: fn(&str) -> bool,
}

fn is_digits(s: &str, lengths: std::ops::RangeInclusive<usize>) -> bool {
    lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

fn as_is(s: &str) -> String {
    s.to_string()
}

fn no_check(_: &str) -> bool {
    true
}

fn digit_values(s: &str) -> Vec<u32> {
    s.chars().filter_map(|c| c.to_digit(10)).collect()
}

/// Belgium: the last two digits are 97 minus the first eight mod 97.
fn be_check(s: &str) -> bool {
    match (
        s.get(0..8).and_then(|a| a.parse::<u32>().ok()),
        s.get(8..10).and_then(|b| b.parse::<u32>().ok()),
    ) {
        (Some(body), Some(check)) => 97 - body % 97 == check,
        _ => false,
    }
}

/// Germany: ISO 7064 MOD 11,10 over the first eight digits.
fn de_check(s: &str) -> bool {
    let d = digit_values(s);
    let mut product = 10;
    for &x in d.iter().take(8) {
        let mut sum = (x + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (2 * sum) % 11;
    }
    let check = (11 - product) % 10;
    d.get(8) == Some(&check)
}

/// Italy: the Luhn algorithm over all eleven digits.
fn it_check(s: &str) -> bool {
    let d = digit_values(s);
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            if i % 2 == 1 {
                let y = x * 2;
                if y > 9 { y - 9 } else { y }
            } else {
                x
            }
        })
        .sum();
    d.len() == 11 && sum.is_multiple_of(10)
}

fn pl_check(s: &str) -> bool {
    nip_check_ok(&digit_values(s))
}

fn vat_rule(prefix: &str) -> Option<VatRule> {
    // Formats as published by the European Commission for VIES.
    let rule = |country, expected, format: fn(&str) -> bool| VatRule {
        country,
        expected,
        normalise: as_is,
        format,
        checksum: no_check,
    };
    Some(match prefix {
        "AT" => rule("AT", "U followed by 8 digits", |s| {
            s.strip_prefix('U').is_some_and(|r| is_digits(r, 8..=8))
        }),
        "BE" => VatRule {
            // Old 9-digit numbers are written today with a leading 0.
            normalise: |s| {
                if s.len() == 9 {
                    format!("0{s}")
                } else {
                    s.to_string()
                }
            },
            checksum: be_check,
            ..rule("BE", "10 digits starting with 0 or 1", |s| {
                is_digits(s, 10..=10) && (s.starts_with('0') || s.starts_with('1'))
            })
        },
        "BG" => rule("BG", "9 or 10 digits", |s| is_digits(s, 9..=10)),
        "CY" => rule("CY", "8 digits followed by a letter", |s| {
            s.len() == 9 && is_digits(&s[..8], 8..=8) && s.as_bytes()[8].is_ascii_uppercase()
        }),
        "CZ" => rule("CZ", "8 to 10 digits", |s| is_digits(s, 8..=10)),
        "DE" => VatRule {
            checksum: de_check,
            ..rule("DE", "9 digits", |s| is_digits(s, 9..=9))
        },
        "DK" => rule("DK", "8 digits", |s| is_digits(s, 8..=8)),
        "EE" => rule("EE", "9 digits", |s| is_digits(s, 9..=9)),
        "EL" => rule("EL", "9 digits", |s| is_digits(s, 9..=9)),
        "ES" => rule(
            "ES",
            "9 characters: a letter or digit, 7 digits, a letter or digit",
            |s| {
                let b = s.as_bytes();
                b.len() == 9
                    && b.iter().all(|c| c.is_ascii_alphanumeric())
                    && b[1..8].iter().all(u8::is_ascii_digit)
                    && !b.iter().all(u8::is_ascii_digit)
            },
        ),
        "FI" => rule("FI", "8 digits", |s| is_digits(s, 8..=8)),
        "FR" => rule(
            "FR",
            "2 letters or digits (not I or O) followed by 9 digits",
            |s| {
                let b = s.as_bytes();
                b.len() == 11
                    && b[..2].iter().all(|c| {
                        c.is_ascii_digit() || (c.is_ascii_uppercase() && *c != b'I' && *c != b'O')
                    })
                    && b[2..].iter().all(u8::is_ascii_digit)
            },
        ),
        "HR" => rule("HR", "11 digits", |s| is_digits(s, 11..=11)),
        "HU" => rule("HU", "8 digits", |s| is_digits(s, 8..=8)),
        "IE" => rule(
            "IE",
            "7 digits and 1 or 2 letters, or a digit, a letter, 5 digits and a letter",
            ie_format,
        ),
        "IT" => VatRule {
            checksum: it_check,
            ..rule("IT", "11 digits", |s| is_digits(s, 11..=11))
        },
        "LT" => rule("LT", "9 or 12 digits", |s| {
            is_digits(s, 9..=9) || is_digits(s, 12..=12)
        }),
        "LU" => rule("LU", "8 digits", |s| is_digits(s, 8..=8)),
        "LV" => rule("LV", "11 digits", |s| is_digits(s, 11..=11)),
        "MT" => rule("MT", "8 digits", |s| is_digits(s, 8..=8)),
        "NL" => rule("NL", "9 digits, the letter B and 2 digits", |s| {
            s.len() == 12
                && is_digits(&s[..9], 9..=9)
                && &s[9..10] == "B"
                && is_digits(&s[10..], 2..=2)
        }),
        "PL" => VatRule {
            checksum: pl_check,
            ..rule("PL", "10 digits (the NIP)", |s| is_digits(s, 10..=10))
        },
        "PT" => rule("PT", "9 digits", |s| is_digits(s, 9..=9)),
        "RO" => rule("RO", "2 to 10 digits", |s| is_digits(s, 2..=10)),
        "SE" => rule("SE", "12 digits", |s| is_digits(s, 12..=12)),
        "SI" => rule("SI", "8 digits", |s| is_digits(s, 8..=8)),
        "SK" => rule("SK", "10 digits", |s| is_digits(s, 10..=10)),
        _ => return None,
    })
}

fn ie_format(s: &str) -> bool {
    let b = s.as_bytes();
    let upper = |c: &u8| c.is_ascii_uppercase();
    let new_style = (b.len() == 8 || b.len() == 9)
        && b[..7].iter().all(u8::is_ascii_digit)
        && b[7..].iter().all(upper);
    let old_style = b.len() == 8
        && b[0].is_ascii_digit()
        && (upper(&b[1]) || b[1] == b'+' || b[1] == b'*')
        && b[2..7].iter().all(u8::is_ascii_digit)
        && upper(&b[7]);
    new_style || old_style
}

/// A validated legal identifier. JSON: `{"kind":"nip","value":"7740001454"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum LegalId {
    Nip(Nip),
    Regon(Regon),
    Krs(Krs),
    EuVat(EuVat),
    Unp(Unp),
}

impl LegalId {
    /// Parses and normalises `value` as an identifier of `kind`.
    pub fn parse(kind: LegalIdKind, value: &str) -> Result<LegalId, IdError> {
        Ok(match kind {
            LegalIdKind::Nip => LegalId::Nip(Nip::parse(value)?),
            LegalIdKind::Regon => LegalId::Regon(Regon::parse(value)?),
            LegalIdKind::Krs => LegalId::Krs(Krs::parse(value)?),
            LegalIdKind::EuVat => LegalId::EuVat(EuVat::parse(value)?),
            LegalIdKind::Unp => LegalId::Unp(Unp::parse(value)?),
        })
    }

    pub fn kind(&self) -> LegalIdKind {
        match self {
            LegalId::Nip(_) => LegalIdKind::Nip,
            LegalId::Regon(_) => LegalIdKind::Regon,
            LegalId::Krs(_) => LegalIdKind::Krs,
            LegalId::EuVat(_) => LegalIdKind::EuVat,
            LegalId::Unp(_) => LegalIdKind::Unp,
        }
    }

    /// The normalised value, as stored.
    pub fn value(&self) -> &str {
        match self {
            LegalId::Nip(v) => v.as_str(),
            LegalId::Regon(v) => v.as_str(),
            LegalId::Krs(v) => v.as_str(),
            LegalId::EuVat(v) => v.as_str(),
            LegalId::Unp(v) => v.as_str(),
        }
    }
}

impl fmt::Display for LegalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind(), self.value())
    }
}

/// An identifier as typed by a user, before validation (part of [`crate::OrganisationInput`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LegalIdInput {
    pub kind: LegalIdKind,
    pub value: String,
}

impl LegalIdInput {
    pub fn new(kind: LegalIdKind, value: impl Into<String>) -> Self {
        Self {
            kind,
            value: value.into(),
        }
    }

    pub fn parse(&self) -> Result<LegalId, IdError> {
        LegalId::parse(self.kind, &self.value)
    }
}

#[cfg(test)]
mod tests;
