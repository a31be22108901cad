//! Checks of Fluent catalogues shared by the crates that keep them (mail here, pages in web).

use std::collections::BTreeSet;
use std::path::Path;

/// Message ids (with `.attribute`s) of one catalogue file; panics on a syntax error, naming it.
pub fn catalogue_ids(path: &Path) -> BTreeSet<String> {
    let source =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
    let mut ids = BTreeSet::new();
    for entry in resource.body {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            for a in &m.attributes {
                ids.insert(format!("{}.{}", m.id.name, a.id.name));
            }
            ids.insert(m.id.name.to_owned());
        }
    }
    ids
}
