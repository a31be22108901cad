//! Readable names for codes in tables, charts and reports: a category's label, else the
//! region's name or the NACE title (English) from the reference data.

use crate::categories::Categories;

/// The name of `code`, shortened to `max` characters (with an ellipsis).
pub fn name_of(cats: Option<&Categories>, code: &str, max: usize) -> Option<String> {
    let name = cats
        .and_then(|c| c.label(code).map(str::to_string))
        .or_else(|| {
            klaster_refdata::regions::get(code).map(|r| format!("{} ({code})", r.name("en")))
        })
        .or_else(|| {
            klaster_refdata::nace::get(code).map(|n| format!("{code} {}", n.title("en")))
        })?;
    Some(if name.chars().count() > max {
        name.chars()
            .take(max.saturating_sub(1))
            .chain(std::iter::once('…'))
            .collect()
    } else {
        name
    })
}
