//! `/refdata`: the embedded classifications, for pickers and clients that validate early.

use axum::Json;
use axum::extract::Query;
use klaster_refdata::nace::NaceLevel;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::problem::{ApiError, ApiResult};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NaceParams {
    /// Language of the titles (ISO 639-1); English where a title is missing.
    pub lang: Option<String>,
    /// Only codes under this one (any level).
    pub under: Option<String>,
    /// section, division, group or class.
    pub level: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NaceOut {
    pub code: &'static str,
    pub level: &'static str,
    pub parent: Option<&'static str>,
    pub title: &'static str,
}

fn level_name(l: NaceLevel) -> &'static str {
    match l {
        NaceLevel::Section => "section",
        NaceLevel::Division => "division",
        NaceLevel::Group => "group",
        NaceLevel::Class => "class",
    }
}

/// NACE Rev. 2 codes with titles in the requested language.
#[utoipa::path(get, path = "/refdata/nace", tag = "refdata", params(NaceParams),
    responses((status = 200, body = Vec<NaceOut>), (status = 422, body = crate::Problem)))]
pub async fn nace(Query(p): Query<NaceParams>) -> ApiResult<Json<Vec<NaceOut>>> {
    let lang = p.lang.as_deref().unwrap_or("en");
    let under = super::query::nace("under", p.under.as_deref())?;
    if let Some(l) = p.level.as_deref()
        && !["section", "division", "group", "class"].contains(&l)
    {
        return Err(ApiError::invalid().field(
            "level",
            "unknown_level",
            "use section, division, group or class",
        ));
    }
    Ok(Json(
        klaster_refdata::nace::all()
            .iter()
            .filter(|n| {
                under
                    .as_deref()
                    .is_none_or(|u| klaster_refdata::nace::is_under(n.code, u))
            })
            .filter(|n| p.level.as_deref().is_none_or(|l| level_name(n.level) == l))
            .map(|n| NaceOut {
                code: n.code,
                level: level_name(n.level),
                parent: n.parent,
                title: n.title(lang),
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegionParams {
    pub lang: Option<String>,
    /// ISO 3166-1 alpha-2 (e.g. PL, BY).
    pub country: Option<String>,
    /// NUTS level 0-3 (Belarus: 0 country, 1 regions).
    pub level: Option<u8>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegionOut {
    pub code: &'static str,
    pub country: &'static str,
    pub level: u8,
    pub parent: Option<&'static str>,
    pub name: &'static str,
}

/// NUTS 2021 regions of the EU and ISO 3166-2 regions of Belarus.
#[utoipa::path(get, path = "/refdata/regions", tag = "refdata", params(RegionParams),
    responses((status = 200, body = Vec<RegionOut>), (status = 422, body = crate::Problem)))]
pub async fn regions(Query(p): Query<RegionParams>) -> ApiResult<Json<Vec<RegionOut>>> {
    let lang = p.lang.as_deref().unwrap_or("en");
    let country = super::query::country("country", p.country.as_deref())?;
    Ok(Json(
        klaster_refdata::regions::all()
            .iter()
            .filter(|r| country.as_deref().is_none_or(|c| r.country == c))
            .filter(|r| p.level.is_none_or(|l| r.level == l))
            .map(|r| RegionOut {
                code: r.code,
                country: r.country,
                level: r.level,
                parent: r.parent,
                name: r.name(lang),
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangParam {
    pub lang: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CountryOut {
    pub code: &'static str,
    pub name: &'static str,
    pub eu: bool,
}

/// ISO 3166-1 countries with names in the requested language (Unicode CLDR).
#[utoipa::path(get, path = "/refdata/countries", tag = "refdata", params(LangParam),
    responses((status = 200, body = Vec<CountryOut>)))]
pub async fn countries(Query(p): Query<LangParam>) -> Json<Vec<CountryOut>> {
    let lang = p.lang.as_deref().unwrap_or("en");
    Json(
        klaster_refdata::countries::all()
            .iter()
            .map(|c| CountryOut {
                code: c.code,
                name: c.name(lang),
                eu: c.is_eu(),
            })
            .collect(),
    )
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DetectInput {
    pub text: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DetectOut {
    /// The most likely working language, or None when the text does not tell.
    pub lang: Option<String>,
    /// 0..1
    pub confidence: f64,
}

/// Which working language a text is written in (for the author to confirm before posting).
#[utoipa::path(post, path = "/refdata/languages/detect", tag = "refdata", request_body = DetectInput,
    responses((status = 200, body = DetectOut), (status = 422, body = crate::Problem)))]
pub async fn detect_language(
    crate::extract::ApiJson(input): crate::extract::ApiJson<DetectInput>,
) -> ApiResult<Json<DetectOut>> {
    if input.text.len() > 100_000 {
        return Err(ApiError::invalid().field("text", "too_long", "at most 100,000 bytes"));
    }
    let found = klaster_translate::detect(&input.text);
    Ok(Json(DetectOut {
        lang: found.map(|(l, _)| l.code().to_string()),
        confidence: found.map_or(0.0, |(_, c)| c),
    }))
}
