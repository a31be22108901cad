//! Numbers as each UI language writes them (CLDR conventions of pl, en, ru): Polish
//! and Russian group thousands with a no-break space and use a decimal comma (Polish leaves
//! four-digit numbers ungrouped); English groups with a comma and uses a decimal point.

use klaster_translate::Lang;

const NBSP: char = '\u{a0}';
/// A date and time in UTC, minutes precision (dates as `klaster_translate::render::date`
/// writes them in every working language).
pub fn date_time(lang: Lang, t: chrono::DateTime<chrono::Utc>) -> String {
    format!(
        "{} {} UTC",
        klaster_translate::render::date(t.date_naive(), lang),
        t.format("%H:%M")
    )
}

fn separators(lang: Lang) -> (char, char, usize) {
    match lang {
        Lang::En => (',', '.', 1),
        Lang::Pl => (NBSP, ',', 2),
        _ => (NBSP, ',', 1),
    }
}

fn group(digits: &str, sep: char, min_grouping: usize) -> String {
    // CLDR's minimumGroupingDigits: Polish writes 1000 but 10 000.
    if digits.len() < 4 + (min_grouping - 1) {
        return digits.to_string();
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An integer with the language's grouping.
pub fn integer(lang: Lang, n: i64) -> String {
    let (g, _, min) = separators(lang);
    let digits = n.unsigned_abs().to_string();
    let sign = if n < 0 { "−" } else { "" };
    format!("{sign}{}", group(&digits, g, min))
}

/// A number with `places` decimals (rounded), grouped; `–` for a value that is not finite.
pub fn decimal(lang: Lang, x: f64, places: usize) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let (g, d, min) = separators(lang);
    let s = format!("{:.*}", places, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    // A value that rounds to zero has no sign.
    let sign = if x < 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        "−"
    } else {
        ""
    };
    let int = group(int, g, min);
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}{d}{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_utc_to_the_minute() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-03-09T07:05:59Z")
            .unwrap()
            .to_utc();
        assert_eq!(date_time(Lang::Pl, t), "09.03.2026 07:05 UTC");
        assert_eq!(date_time(Lang::En, t), "2026-03-09 07:05 UTC");
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(integer(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(integer(Lang::Pl, 1234), "1234");
        assert_eq!(integer(Lang::Pl, 12_345), "12\u{a0}345");
        assert_eq!(integer(Lang::Ru, 1234), "1\u{a0}234");
        assert_eq!(integer(Lang::En, -1000), "−1,000");
        assert_eq!(integer(Lang::En, 999), "999");
        assert_eq!(decimal(Lang::Pl, 1234.567, 2), "1234,57");
        assert_eq!(decimal(Lang::Ru, 12345.5, 1), "12\u{a0}345,5");
        assert_eq!(decimal(Lang::En, 0.004, 2), "0.00");
        assert_eq!(decimal(Lang::En, -0.004, 2), "0.00");
        assert_eq!(decimal(Lang::En, -1.25, 1), "−1.2");
        assert_eq!(decimal(Lang::En, f64::NAN, 2), "–");
        assert_eq!(decimal(Lang::En, 3.0, 0), "3");
    }
}
