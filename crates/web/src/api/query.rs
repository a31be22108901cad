//! Checks of query parameters against the reference data, answering 422 with the field named.

use crate::problem::ApiError;

pub fn nace(field: &str, code: Option<&str>) -> Result<Option<String>, ApiError> {
    code.filter(|c| !c.trim().is_empty())
        .map(|c| {
            klaster_refdata::nace::normalize(c)
                .map(str::to_string)
                .ok_or_else(|| {
                    ApiError::invalid().field(
                        field,
                        "unknown_nace",
                        format!("{c} is not a NACE Rev. 2 code"),
                    )
                })
        })
        .transpose()
}

pub fn region(field: &str, code: Option<&str>) -> Result<Option<String>, ApiError> {
    code.filter(|c| !c.trim().is_empty())
        .map(|c| {
            klaster_refdata::regions::get(c)
                .map(|r| r.code.to_string())
                .ok_or_else(|| {
                    ApiError::invalid().field(
                        field,
                        "unknown_region",
                        format!("{c} is not a NUTS 2021 or ISO 3166-2 region code"),
                    )
                })
        })
        .transpose()
}

pub fn country(field: &str, code: Option<&str>) -> Result<Option<String>, ApiError> {
    code.filter(|c| !c.trim().is_empty())
        .map(|c| {
            klaster_refdata::countries::get(c)
                .map(|r| r.code.to_string())
                .ok_or_else(|| {
                    ApiError::invalid().field(
                        field,
                        "unknown_country",
                        format!("{c} is not an ISO 3166-1 country code"),
                    )
                })
        })
        .transpose()
}
