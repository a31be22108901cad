//! The flat, one-row-per-organisation layout shared by import (CSV, XLSX) and CSV export, so an
//! exported file imports back unchanged. Lists go in one cell separated by `;`.

use klaster_domain::{
    Address, LegalIdInput, LegalIdKind, LocalizedText, OrgKind, Organisation, OrganisationInput,
    SizeClass,
};

pub const COLUMNS: &[&str] = &[
    "name",
    "name_lang",
    "short_name",
    "kind",
    "nip",
    "regon",
    "krs",
    "eu_vat",
    "unp",
    "street",
    "postal_code",
    "city",
    "country",
    "region",
    "size_class",
    "employees",
    "founded_year",
    "nace_main",
    "nace_other",
    "description",
    "description_lang",
    "capabilities",
    "keywords",
    "certifications",
    "production_capacity",
    "export_markets",
    "languages",
    "website",
    "email",
    "phone",
];

/// The columns an import cannot do without.
pub const REQUIRED: &[&str] = &["name", "kind", "country"];

const LEGAL_ID_COLUMNS: [(&str, LegalIdKind); 5] = [
    ("nip", LegalIdKind::Nip),
    ("regon", LegalIdKind::Regon),
    ("krs", LegalIdKind::Krs),
    ("eu_vat", LegalIdKind::EuVat),
    ("unp", LegalIdKind::Unp),
];

/// A problem with one cell (or the whole row when `column` is None).
#[derive(Debug, Clone, PartialEq)]
pub struct CellError {
    pub column: Option<String>,
    pub message: String,
}

/// One row of cells, looked up by header name.
pub struct RowCells<'a> {
    pub headers: &'a [String],
    pub cells: &'a [String],
}

impl RowCells<'_> {
    fn get(&self, column: &str) -> Option<&str> {
        let i = self.headers.iter().position(|h| h == column)?;
        self.cells
            .get(i)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    }
    fn list(&self, column: &str) -> Vec<String> {
        self.get(column)
            .map(|v| {
                v.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn parse_num<T: std::str::FromStr>(
    cells: &RowCells,
    column: &str,
    errors: &mut Vec<CellError>,
) -> Option<T> {
    let v = cells.get(column)?;
    match v.parse() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.push(CellError {
                column: Some(column.into()),
                message: format!("{v:?} is not a whole number"),
            });
            None
        }
    }
}

/// Builds the input of one row, with the legal-id columns in the order they were pushed (so a
/// validation error on `legal_ids[i]` can be traced back to its column).
pub fn row_to_input(cells: &RowCells) -> (OrganisationInput, Vec<&'static str>, Vec<CellError>) {
    let mut errors = Vec::new();
    let name_lang = cells.get("name_lang").unwrap_or("pl").to_string();
    let desc_lang = cells
        .get("description_lang")
        .unwrap_or(&name_lang)
        .to_string();
    let kind = cells.get("kind").and_then(|k| {
        let kind = OrgKind::parse(k);
        if kind.is_none() {
            let known: Vec<&str> = OrgKind::ALL.iter().map(|k| k.as_str()).collect();
            errors.push(CellError {
                column: Some("kind".into()),
                message: format!("{k:?} is not one of {}", known.join(", ")),
            });
        }
        kind
    });
    let size_class = cells.get("size_class").and_then(|s| {
        let size = SizeClass::parse(s);
        if size.is_none() {
            errors.push(CellError {
                column: Some("size_class".into()),
                message: format!("{s:?} is not micro, small, medium or large"),
            });
        }
        size
    });
    let mut legal_cols = Vec::new();
    let mut legal_ids = Vec::new();
    for (col, kind) in LEGAL_ID_COLUMNS {
        if let Some(v) = cells.get(col) {
            legal_cols.push(col);
            legal_ids.push(LegalIdInput::new(kind, v));
        }
    }
    let input = OrganisationInput {
        names: cells
            .get("name")
            .map(|n| vec![LocalizedText::new(&name_lang, n)])
            .unwrap_or_default(),
        short_name: cells.get("short_name").map(String::from),
        kind,
        legal_ids,
        address: Address {
            street: cells.get("street").map(String::from),
            postal_code: cells.get("postal_code").map(String::from),
            city: cells.get("city").map(String::from),
        },
        country: cells.get("country").map(String::from),
        region: cells.get("region").map(String::from),
        size_class,
        employees: parse_num(cells, "employees", &mut errors),
        founded_year: parse_num(cells, "founded_year", &mut errors),
        nace_main: cells.get("nace_main").map(String::from),
        nace_other: cells.list("nace_other"),
        description: cells
            .get("description")
            .map(|d| vec![LocalizedText::new(&desc_lang, d)])
            .unwrap_or_default(),
        capabilities: cells.list("capabilities"),
        keywords: cells.list("keywords"),
        certifications: cells.list("certifications"),
        production_capacity: cells.get("production_capacity").map(String::from),
        export_markets: cells.list("export_markets"),
        languages: cells.list("languages"),
        website: cells.get("website").map(String::from),
        email: cells.get("email").map(String::from),
        phone: cells.get("phone").map(String::from),
        ..OrganisationInput::default()
    };
    (input, legal_cols, errors)
}

/// The column a domain validation error (by its JSON path) points at.
pub fn column_for(field: &str, legal_cols: &[&str]) -> String {
    let head = field.split(['.', '[']).next().unwrap_or(field);
    match head {
        "names" => "name".into(),
        "description" => "description".into(),
        "address" => field.rsplit('.').next().unwrap_or("street").into(),
        "legal_ids" => field
            .strip_prefix("legal_ids[")
            .and_then(|r| r.split(']').next())
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| legal_cols.get(i))
            .map(|c| c.to_string())
            .unwrap_or_else(|| "nip".into()),
        other => other.into(),
    }
}

/// The cells of an organisation in [`COLUMNS`] order.
pub fn organisation_to_row(org: &Organisation) -> Vec<String> {
    let first = |texts: &[LocalizedText]| {
        texts
            .first()
            .map(|t| (t.text.clone(), t.lang.clone()))
            .unwrap_or_default()
    };
    let (name, name_lang) = first(&org.names);
    let (description, description_lang) = first(&org.description);
    let id = |kind| {
        org.legal_id(kind)
            .map(|l| l.value().to_string())
            .unwrap_or_default()
    };
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let join = |v: &[String]| v.join("; ");
    vec![
        name,
        name_lang,
        opt(&org.short_name),
        org.kind.as_str().into(),
        id(LegalIdKind::Nip),
        id(LegalIdKind::Regon),
        id(LegalIdKind::Krs),
        id(LegalIdKind::EuVat),
        id(LegalIdKind::Unp),
        opt(&org.address.street),
        opt(&org.address.postal_code),
        opt(&org.address.city),
        org.country.clone(),
        opt(&org.region),
        org.size_class
            .map(|s| s.as_str().to_string())
            .unwrap_or_default(),
        org.employees.map(|n| n.to_string()).unwrap_or_default(),
        org.founded_year.map(|n| n.to_string()).unwrap_or_default(),
        opt(&org.nace_main),
        join(&org.nace_other),
        description,
        description_lang,
        join(&org.capabilities),
        join(&org.keywords),
        join(&org.certifications),
        opt(&org.production_capacity),
        join(&org.export_markets),
        join(&org.languages),
        opt(&org.website),
        opt(&org.email),
        opt(&org.phone),
    ]
}
