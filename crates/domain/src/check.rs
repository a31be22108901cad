//! Small field checks shared by the inputs. Each records its own error under the given path and
//! returns the normalised value, or `None`/`false` when the value is unusable.

use crate::errors::ValidationErrors;
use crate::text::fold;
use klaster_refdata as refdata;

pub(crate) const MAX_SHORT: usize = 200;
pub(crate) const MAX_LONG: usize = 10_000;
pub(crate) const MAX_ITEMS: usize = 100;

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// A required text: trimmed, not empty, at most `max` characters.
pub(crate) fn text(path: &str, s: &str, max: usize, errors: &mut ValidationErrors) -> bool {
    if s.is_empty() {
        errors.add(path, "required", "this field is required");
        false
    } else if chars(s) > max {
        errors.add(
            path,
            "too_long",
            format!("at most {max} characters are allowed, got {}", chars(s)),
        );
        false
    } else if s
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        errors.add(
            path,
            "invalid_character",
            "control characters are not allowed",
        );
        false
    } else {
        true
    }
}

/// An optional text: trimmed; empty means absent.
pub(crate) fn opt_text(
    path: &str,
    s: Option<String>,
    max: usize,
    errors: &mut ValidationErrors,
) -> Option<String> {
    let s = s?.trim().to_string();
    if s.is_empty() {
        return None;
    }
    text(path, &s, max, errors).then_some(s)
}

/// A list of short texts: each trimmed, empty ones dropped, duplicates (ignoring case and
/// accents) dropped, at most `MAX_ITEMS`.
pub(crate) fn text_list(
    path: &str,
    items: Vec<String>,
    max_len: usize,
    errors: &mut ValidationErrors,
) -> Vec<String> {
    if items.len() > MAX_ITEMS {
        errors.add(
            path,
            "too_many",
            format!("at most {MAX_ITEMS} items are allowed"),
        );
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (i, s) in items.into_iter().enumerate() {
        let s = s.trim().to_string();
        if s.is_empty() {
            continue;
        }
        if text(&format!("{path}[{i}]"), &s, max_len, errors) {
            let key = fold(&s);
            if !seen.contains(&key) {
                seen.push(key);
                out.push(s);
            }
        }
    }
    out
}

/// An ISO 639-1 language code known to the reference data, returned canonical (`PL`, `pl-PL`
/// -> `pl`).
pub(crate) fn language(path: &str, code: &str, errors: &mut ValidationErrors) -> Option<String> {
    let code = code.trim();
    if code.is_empty() {
        errors.add(path, "required", "a language code is required");
        return None;
    }
    match refdata::languages::get(code) {
        Some(l) => Some(l.code.to_string()),
        None => {
            errors.add(
                path,
                "unknown_language",
                format!("'{code}' is not a known ISO 639-1 language code"),
            );
            None
        }
    }
}

/// A list of language codes, canonical and de-duplicated.
pub(crate) fn languages(
    path: &str,
    items: Vec<String>,
    errors: &mut ValidationErrors,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, s) in items.iter().enumerate() {
        if let Some(code) = language(&format!("{path}[{i}]"), s, errors)
            && !out.contains(&code)
        {
            out.push(code);
        }
    }
    out
}

/// An ISO 3166-1 alpha-2 country code, returned upper-cased.
pub(crate) fn country(path: &str, code: &str, errors: &mut ValidationErrors) -> Option<String> {
    let code = code.trim().to_ascii_uppercase();
    if code.is_empty() {
        errors.add(path, "required", "a country is required");
        return None;
    }
    match refdata::countries::get(&code) {
        Some(c) => Some(c.code.to_string()),
        None => {
            errors.add(
                path,
                "unknown_country",
                format!("'{code}' is not a known ISO 3166-1 alpha-2 country code"),
            );
            None
        }
    }
}

pub(crate) fn countries(
    path: &str,
    items: Vec<String>,
    errors: &mut ValidationErrors,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, s) in items.iter().enumerate() {
        if let Some(c) = country(&format!("{path}[{i}]"), s, errors)
            && !out.contains(&c)
        {
            out.push(c);
        }
    }
    out
}

/// A NUTS 2021 code or a Belarusian ISO 3166-2 code, in canonical form; when `country` is given
/// the region must lie in it.
pub(crate) fn region(
    path: &str,
    code: &str,
    country: Option<&str>,
    errors: &mut ValidationErrors,
) -> Option<String> {
    let code = code.trim().to_ascii_uppercase();
    if code.is_empty() {
        errors.add(path, "required", "a region is required");
        return None;
    }
    let Some(region) = refdata::regions::get(&code) else {
        errors.add(
            path,
            "unknown_region",
            format!("'{code}' is not a known NUTS 2021 or Belarusian ISO 3166-2 region code"),
        );
        return None;
    };
    let canonical = region.code.to_string();
    if let Some(country) = country
        && !refdata::regions::in_country(&canonical, country)
    {
        errors.add(
            path,
            "region_not_in_country",
            format!("region {canonical} does not lie in country {country}"),
        );
        return None;
    }
    Some(canonical)
}

pub(crate) fn regions(
    path: &str,
    items: Vec<String>,
    errors: &mut ValidationErrors,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, s) in items.iter().enumerate() {
        if let Some(r) = region(&format!("{path}[{i}]"), s, None, errors)
            && !out.contains(&r)
        {
            out.push(r);
        }
    }
    out
}

/// A NACE Rev. 2 code in any usual spelling (`25.62`, `2562`, `C25.62`), returned canonical.
pub(crate) fn nace(path: &str, code: &str, errors: &mut ValidationErrors) -> Option<String> {
    let code = code.trim();
    if code.is_empty() {
        errors.add(path, "required", "a NACE code is required");
        return None;
    }
    match refdata::nace::normalize(code) {
        Some(c) => Some(c.to_string()),
        None => {
            errors.add(
                path,
                "unknown_nace",
                format!("'{code}' is not a NACE Rev. 2 code"),
            );
            None
        }
    }
}

pub(crate) fn naces(path: &str, items: Vec<String>, errors: &mut ValidationErrors) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, s) in items.iter().enumerate() {
        if let Some(c) = nace(&format!("{path}[{i}]"), s, errors)
            && !out.contains(&c)
        {
            out.push(c);
        }
    }
    out
}

/// An e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces. The domain
/// is lower-cased; the local part is kept as typed, as its case may matter to the server.
pub(crate) fn email(
    path: &str,
    s: Option<String>,
    errors: &mut ValidationErrors,
) -> Option<String> {
    let s = s?.trim().to_string();
    if s.is_empty() {
        return None;
    }
    let valid = chars(&s) <= 254
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
        && match s.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains("..")
            }
            None => false,
        };
    if !valid {
        errors.add(
            path,
            "invalid_email",
            format!("'{s}' is not an e-mail address"),
        );
        return None;
    }
    s.split_once('@')
        .map(|(local, domain)| format!("{local}@{}", domain.to_lowercase()))
}

/// A phone number: digits with the usual separators, an optional leading `+`, 6 to 15 digits
/// (ITU E.164 allows 15). Whitespace runs are collapsed.
pub(crate) fn phone(
    path: &str,
    s: Option<String>,
    errors: &mut ValidationErrors,
) -> Option<String> {
    let s = s?.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.is_empty() {
        return None;
    }
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let allowed = s.char_indices().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '/' | '.') || (c == '+' && i == 0)
    });
    if !allowed || !(6..=15).contains(&digits) {
        errors.add(
            path,
            "invalid_phone",
            format!(
                "'{s}' is not a phone number (use digits, an optional leading +, 6 to 15 digits)"
            ),
        );
        return None;
    }
    Some(s)
}

/// A web address. `www.firma.pl` gets `https://` in front; other schemes than http(s) are refused.
pub(crate) fn url(path: &str, s: Option<String>, errors: &mut ValidationErrors) -> Option<String> {
    let s = s?.trim().to_string();
    if s.is_empty() {
        return None;
    }
    let full = if s.contains("://") {
        s.clone()
    } else {
        format!("https://{s}")
    };
    let lower = full.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    let host = host.map(|h| h.rsplit('@').next().unwrap_or(h));
    let host = host.map(|h| h.split(':').next().unwrap_or(h));
    let valid = chars(&full) <= 2048
        && !full.chars().any(|c| c.is_whitespace() || c.is_control())
        && host.is_some_and(|h| {
            h.contains('.')
                && !h.starts_with('.')
                && !h.ends_with('.')
                && h.chars()
                    .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        });
    if !valid {
        let code = if rest.is_none() {
            "invalid_url_scheme"
        } else {
            "invalid_url"
        };
        errors.add(
            path,
            code,
            format!("'{s}' is not a web address (http:// or https:// followed by a domain)"),
        );
        return None;
    }
    Some(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_phone_url() {
        let mut e = ValidationErrors::new();
        assert_eq!(
            email("e", Some(" Biuro@Firma.PL ".into()), &mut e),
            Some("Biuro@firma.pl".into())
        );
        assert_eq!(email("e", Some("biuro@firma".into()), &mut e), None);
        assert_eq!(email("e", Some("a b@firma.pl".into()), &mut e), None);
        assert_eq!(email("e", Some("   ".into()), &mut e), None);
        assert_eq!(
            phone("p", Some("+48  22 123-45-67".into()), &mut e),
            Some("+48 22 123-45-67".into())
        );
        assert_eq!(phone("p", Some("12-34".into()), &mut e), None);
        assert_eq!(phone("p", Some("48+221234567".into()), &mut e), None);
        assert_eq!(
            url("u", Some("www.firma.pl".into()), &mut e),
            Some("https://www.firma.pl".into())
        );
        assert_eq!(
            url("u", Some("http://firma.pl/o-nas?x=1".into()), &mut e),
            Some("http://firma.pl/o-nas?x=1".into())
        );
        assert_eq!(url("u", Some("ftp://firma.pl".into()), &mut e), None);
        assert_eq!(url("u", Some("https://firma".into()), &mut e), None);
        assert_eq!(url("u", Some("https://fir ma.pl".into()), &mut e), None);
        assert_eq!(e.len(), 7);
        assert!(e.has("u", "invalid_url_scheme"));
    }

    #[test]
    fn text_limits_count_characters() {
        let mut e = ValidationErrors::new();
        assert!(text("t", &"ż".repeat(10), 10, &mut e));
        assert!(!text("t", &"ż".repeat(11), 10, &mut e));
        assert!(!text("t", "", 10, &mut e));
        assert!(!text("t", "a\u{0}b", 10, &mut e));
        assert!(
            e.has("t", "too_long") && e.has("t", "required") && e.has("t", "invalid_character")
        );
        let list = text_list(
            "k",
            vec!["CNC".into(), " cnc ".into(), "".into(), "Spawanie".into()],
            50,
            &mut e,
        );
        assert_eq!(list, vec!["CNC".to_string(), "Spawanie".to_string()]);
    }
}
