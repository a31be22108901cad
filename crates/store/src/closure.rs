//! Codes with all their ancestors, stored in link tables so that a filter on any level of a
//! hierarchy ("C", "25", "25.1", "25.11"; "PL", "PL84", "PL841") is one indexed equality.

use std::collections::BTreeSet;

/// NACE codes and every code above them.
pub fn nace<'a>(codes: impl IntoIterator<Item = &'a String>) -> BTreeSet<String> {
    codes
        .into_iter()
        .flat_map(|c| {
            let mut up: Vec<String> = klaster_refdata::nace::ancestors(c)
                .iter()
                .map(|n| n.code.to_string())
                .collect();
            up.push(c.clone());
            up
        })
        .collect()
}

/// A region, every region above it, and the country.
pub fn region(region: Option<&str>, country: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut next = region.and_then(klaster_refdata::regions::get);
    while let Some(r) = next {
        out.insert(r.code.to_string());
        next = r.parent.and_then(klaster_refdata::regions::get);
    }
    out.insert(country.to_string());
    out
}
