//! The web face of Klaster: the JSON API under `/api/v1` (with its OpenAPI document) and, later,
//! the HTML pages. Handlers are thin: parse, call the store, render.

pub mod api;
mod extract;
mod pagination;
mod problem;
pub mod worker;

use std::sync::Arc;

use axum::Router;
use klaster_store::Db;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

pub use extract::Principal;
pub use problem::{ApiError, Problem};

/// Largest request body accepted (JSON and uploads); larger bodies get 413.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: Db,
}

impl AppState {
    pub fn new(db: Db) -> Self {
        AppState {
            inner: Arc::new(Inner { db }),
        }
    }
    pub fn db(&self) -> &Db {
        &self.inner.db
    }
}

/// The whole application as one router.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(api::router(state))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
                let id = req
                    .headers()
                    .get("x-request-id")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                tracing::info_span!("request", id = %id, method = %req.method(), uri = %req.uri())
            }),
        )
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

/// Serves until Ctrl-C / SIGTERM.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
