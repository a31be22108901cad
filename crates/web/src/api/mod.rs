//! The JSON API under `/api/v1`. Every route is registered through `utoipa_axum::routes!`, so the
//! OpenAPI document at `/api/v1/openapi.json` is generated from the same code that serves.

pub(crate) mod agreements;
pub(crate) mod alerts;
pub(crate) mod analyses;
pub(crate) mod attachments;
pub(crate) mod clusters;
pub(crate) mod contacts;
pub(crate) mod fields;
pub(crate) mod interests;
pub(crate) mod matches;
pub(crate) mod offers;
pub(crate) mod organisations;
mod query;
pub(crate) mod questionnaires;
mod refdata;
pub(crate) mod search;

use axum::Json;
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;

/// No request body at all may exceed this (the largest attachment any configuration accepts).
pub const MAX_REQUEST_BYTES: usize = attachments::HARD_MAX_BYTES;

#[derive(OpenApi)]
#[openapi(
    info(title = "Klaster API", description = "Directory, questionnaires and analytics of industrial clusters."),
    modifiers(&BearerAuth),
    tags(
        (name = "directory", description = "Organisations, clusters, memberships, statuses, contacts, agreements"),
        (name = "questionnaires", description = "How firms enter the directory: questionnaires, responses and their review"),
        (name = "analytics", description = "Cluster identification: data sets, analyses, reports and charts"),
        (name = "portal", description = "Cooperation offers and requests"),
        (name = "refdata", description = "NACE Rev. 2, NUTS 2021 and ISO 3166 regions, countries"),
    )
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

fn v1_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(organisations::list, organisations::create))
        .routes(routes!(
            organisations::get,
            organisations::update,
            organisations::delete
        ))
        .routes(routes!(contacts::list, contacts::create))
        .routes(routes!(contacts::get, contacts::update, contacts::delete))
        .routes(routes!(clusters::of_organisation))
        .routes(routes!(agreements::relations))
        .routes(routes!(agreements::create_relation))
        .routes(routes!(clusters::list))
        .routes(routes!(clusters::get))
        .routes(routes!(clusters::set_profile))
        .routes(routes!(clusters::members, clusters::add_member))
        .routes(routes!(clusters::update_member, clusters::delete_member))
        .routes(routes!(clusters::statuses, clusters::add_status))
        .routes(routes!(clusters::update_status, clusters::delete_status))
        .routes(routes!(agreements::list, agreements::create))
        .routes(routes!(agreements::get))
        .routes(routes!(questionnaires::list, questionnaires::create))
        .routes(routes!(questionnaires::get))
        .routes(routes!(questionnaires::submit))
        .routes(routes!(questionnaires::responses))
        .routes(routes!(questionnaires::response))
        .routes(routes!(questionnaires::review))
        .routes(routes!(offers::list, offers::create))
        .routes(routes!(offers::get, offers::update))
        .routes(routes!(offers::transition))
        .routes(routes!(offers::history))
        .routes(routes!(offers::correct))
        .routes(routes!(interests::create, interests::for_offer))
        .routes(routes!(interests::list))
        .routes(routes!(interests::get))
        .routes(routes!(interests::reply))
        .routes(routes!(interests::decide))
        .routes(routes!(matches::matches))
        .routes(routes!(attachments::list))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(attachments::upload))
                .layer(axum::extract::DefaultBodyLimit::max(
                    attachments::HARD_MAX_BYTES,
                )),
        )
        .routes(routes!(attachments::download, attachments::delete))
        .routes(routes!(alerts::create, alerts::list))
        .routes(routes!(alerts::delete))
        .routes(routes!(alerts::unsubscribe))
        .routes(routes!(alerts::offers_feed))
        .routes(routes!(alerts::saved_feed))
        .routes(routes!(search::search))
        .routes(routes!(analyses::datasets, analyses::upload))
        .routes(routes!(analyses::create))
        .routes(routes!(analyses::get))
        .routes(routes!(analyses::report))
        .routes(routes!(analyses::chart))
        .routes(routes!(refdata::nace))
        .routes(routes!(refdata::regions))
        .routes(routes!(refdata::countries))
        .routes(routes!(refdata::detect_language))
}

/// The clusters `org_id` currently belongs to (permission rules depend on them).
pub(crate) async fn member_of(state: &AppState, org_id: i64) -> Result<Vec<i64>, crate::ApiError> {
    Ok(klaster_store::directory::clusters_of(state.db(), org_id)
        .await?
        .into_iter()
        .filter(|m| m.left_on.is_none())
        .map(|m| m.cluster_id)
        .collect())
}

/// A contact given with a write must be one of the organisation's (422 naming `contact_id`).
async fn check_contact(
    state: &AppState,
    contact: Option<i64>,
    org: i64,
) -> Result<(), crate::ApiError> {
    let Some(c) = contact else { return Ok(()) };
    let belongs = klaster_store::directory::contact(state.db(), c)
        .await
        .is_ok_and(|r| r.organisation_id == org);
    if belongs {
        Ok(())
    } else {
        Err(crate::ApiError::invalid().field(
            "contact_id",
            "unknown_contact",
            "the contact must be one of the organisation's",
        ))
    }
}

/// The snake_case name of a serde enum value, as stored in text columns.
pub(crate) fn enum_str<T: serde::Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn split() -> (axum::Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest("/api/v1", v1_routes())
        .split_for_parts()
}

/// The API router with `/api/v1/openapi.json` serving the document generated from it.
pub fn router(state: AppState) -> axum::Router {
    let (api, doc) = split();
    let doc = std::sync::Arc::new(doc);
    api.route(
        "/api/v1/openapi.json",
        axum::routing::get(move || {
            let doc = doc.clone();
            async move { Json(doc.as_ref().clone()) }
        }),
    )
    .with_state(state)
}

/// The OpenAPI document, for tests and tooling.
pub fn openapi() -> utoipa::openapi::OpenApi {
    split().1
}
