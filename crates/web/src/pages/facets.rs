//! The facet sidebar of the directory and offer searches: counts of the current result per
//! value, each a link that adds the value to the search (templates/facets.html).

pub struct FacetItem {
    pub label: String,
    /// Formatted for the UI language.
    pub count: String,
    /// None for counts that are not a filter of the form.
    pub href: Option<String>,
    pub active: bool,
}

pub struct Facet {
    pub title: String,
    pub items: Vec<FacetItem>,
}
