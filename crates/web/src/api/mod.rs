//! The JSON API under `/api/v1`. Every route is registered through `utoipa_axum::routes!`, so the
//! OpenAPI document at `/api/v1/openapi.json` is generated from the same code that serves.

mod organisations;
mod query;

use axum::Json;
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(title = "Klaster API", description = "Directory, questionnaires and analytics of industrial clusters."),
    modifiers(&BearerAuth),
    tags(
        (name = "directory", description = "Organisations, clusters, memberships, statuses, contacts"),
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
        .routes(routes!(organisations::get, organisations::update, organisations::delete))
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
