//! Structural roll-ups that need no reference tables: NACE Rev. 2 codes are hierarchical by
//! their digits (class 10.51 -> group 10.5 -> division 10), sections follow fixed division
//! ranges, and NUTS codes by prefix (PL841 -> PL84 -> PL8 -> PL). Labels and validation of codes
//! belong to `klaster-refdata`; the computations here only need the structure.

/// NACE level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NaceLevel {
    Section,
    Division,
    Group,
    Class,
}

impl NaceLevel {
    pub fn from_name(s: &str) -> Option<NaceLevel> {
        Some(match s.to_ascii_lowercase().as_str() {
            "section" => NaceLevel::Section,
            "division" => NaceLevel::Division,
            "group" => NaceLevel::Group,
            "class" => NaceLevel::Class,
            _ => return None,
        })
    }
}

/// Digits of a NACE code in any usual spelling: `10.51`, `1051`, `C10.51`, `C1051` -> `1051`.
/// `None` for section letters and non-NACE codes.
pub fn nace_digits(code: &str) -> Option<String> {
    let c = code.trim();
    let (letter, c) = match c.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() && c.len() > 1 => (Some(*b as char), &c[1..]),
        _ => (None, c),
    };
    let digits: String = c.chars().filter(|ch| *ch != '.').collect();
    if !(digits.len() >= 2 && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    // a section letter must be the division's section (C10 yes, I01 is not NACE)
    let sec = section_of_division(digits[..2].parse().ok()?)?;
    (letter.is_none_or(|l| l == sec)).then_some(digits)
}

/// Section letter of a division number (NACE Rev. 2).
pub fn section_of_division(div: u32) -> Option<char> {
    Some(match div {
        1..=3 => 'A',
        5..=9 => 'B',
        10..=33 => 'C',
        35 => 'D',
        36..=39 => 'E',
        41..=43 => 'F',
        45..=47 => 'G',
        49..=53 => 'H',
        55..=56 => 'I',
        58..=63 => 'J',
        64..=66 => 'K',
        68 => 'L',
        69..=75 => 'M',
        77..=82 => 'N',
        84 => 'O',
        85 => 'P',
        86..=88 => 'Q',
        90..=93 => 'R',
        94..=96 => 'S',
        97..=98 => 'T',
        99 => 'U',
        _ => return None,
    })
}

/// Roll a NACE code up to a level (dotted form: `10`, `10.5`, `10.51`). Codes already coarser
/// than the level are returned unchanged; non-NACE codes give `None`.
pub fn nace_at_level(code: &str, level: NaceLevel) -> Option<String> {
    let d = nace_digits(code)?;
    let div: u32 = d[..2].parse().ok()?;
    Some(match level {
        NaceLevel::Section => section_of_division(div)?.to_string(),
        NaceLevel::Division => d[..2].to_string(),
        NaceLevel::Group => {
            if d.len() >= 3 {
                format!("{}.{}", &d[..2], &d[2..3])
            } else {
                d
            }
        }
        NaceLevel::Class => {
            if d.len() >= 4 {
                format!("{}.{}", &d[..2], &d[2..4])
            } else if d.len() == 3 {
                format!("{}.{}", &d[..2], &d[2..3])
            } else {
                d
            }
        }
    })
}

/// NUTS code at a level (0 = country, 1..3) by prefix; codes shorter than the level unchanged.
pub fn nuts_at_level(code: &str, level: usize) -> Option<String> {
    let c = code.trim();
    if c.len() < 2 || !c.is_char_boundary(2) {
        return None;
    }
    Some(c[..(2 + level).min(c.len())].to_string())
}

/// Does the category member (a code or code prefix) cover this industry code? NACE codes are
/// compared by digits (so `10.5` covers `C1051`); other codes must be equal.
pub fn member_covers(member: &str, industry: &str) -> bool {
    match (nace_digits(member), nace_digits(industry)) {
        (Some(m), Some(i)) => i.starts_with(&m),
        _ => member.trim() == industry.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nace_levels() {
        assert_eq!(
            nace_at_level("10.51", NaceLevel::Division).as_deref(),
            Some("10")
        );
        assert_eq!(
            nace_at_level("C1051", NaceLevel::Group).as_deref(),
            Some("10.5")
        );
        assert_eq!(
            nace_at_level("28.30", NaceLevel::Section).as_deref(),
            Some("C")
        );
        assert_eq!(
            nace_at_level("62", NaceLevel::Section).as_deref(),
            Some("J")
        );
        assert_eq!(nace_at_level("I01", NaceLevel::Division), None);
        assert!(member_covers("10.5", "10.51"));
        assert!(member_covers("10.5", "C1052"));
        assert!(!member_covers("10.5", "10.61"));
        assert!(!member_covers("10.51", "10.5"));
        assert!(member_covers("I01", "I01"));
        assert_eq!(nuts_at_level("PL841", 2).as_deref(), Some("PL84"));
        assert_eq!(nuts_at_level("PL84", 0).as_deref(), Some("PL"));
    }
}
