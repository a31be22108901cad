//! The portal's working languages.

use crate::error::TranslateError;

pub use klaster_refdata::Lang;

/// Parses a configured list of working languages ("pl,en,de"), keeping order and dropping
/// duplicates; an unknown code is an error so a typo in configuration is not silently ignored.
pub fn parse_list(list: &str) -> Result<Vec<Lang>, TranslateError> {
    let mut out = Vec::new();
    for part in list.split([',', ' ', ';']).filter(|p| !p.is_empty()) {
        let l = Lang::parse(part).ok_or_else(|| {
            TranslateError::permanent(
                crate::error::PermanentKind::UnsupportedLanguage,
                format!(
                    "not a working language: {:?}",
                    part.chars().take(16).collect::<String>()
                ),
            )
        })?;
        if !out.contains(&l) {
            out.push(l);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_parsing() {
        assert_eq!(
            parse_list("pl, en,pl;de").unwrap(),
            vec![Lang::Pl, Lang::En, Lang::De]
        );
        assert!(parse_list("pl,fr").is_err());
        assert!(parse_list("xx").is_err());
        assert!(parse_list("").unwrap().is_empty());
    }
}
