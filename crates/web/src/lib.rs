//! The web face of Klaster: the JSON API under `/api/v1` (with its OpenAPI document) and the
//! server-rendered HTML pages of the public portal. Handlers are thin: parse, call the store,
//! render.

pub mod api;
mod extract;
pub mod index_source;
mod pages;
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

/// Largest body the JSON and data-set routes read (axum's default body limit); larger bodies
/// get 413. Attachment uploads have their own limit (settings).
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;
/// Default largest attachment (drawings and specifications as PDF, photos).
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: Db,
    memory: Arc<klaster_translate::InMemoryTm>,
    index: Option<Arc<klaster_search::SearchIndex>>,
    settings: Settings,
}

/// What a deployment configures about the portal itself.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Name and public address, for links in mails and feeds.
    pub site: klaster_notify::Site,
    /// Where attachment bytes are kept.
    pub attachments: klaster_store::attachments::Storage,
    /// Largest attachment accepted, in bytes.
    pub max_attachment_bytes: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            site: klaster_notify::Site::new("Klaster", "http://localhost:8080"),
            attachments: klaster_store::attachments::Storage::Database,
            max_attachment_bytes: MAX_ATTACHMENT_BYTES,
        }
    }
}

impl AppState {
    pub fn new(db: Db) -> Self {
        Self::with_memory(db, Arc::default())
    }
    /// With the translation memory the job runner's engine reads, so reviewed corrections are
    /// used by the next translation at once.
    pub fn with_memory(db: Db, memory: Arc<klaster_translate::InMemoryTm>) -> Self {
        AppState {
            inner: Arc::new(Inner {
                db,
                memory,
                index: None,
                settings: Settings::default(),
            }),
        }
    }
    /// With a deployment's settings (site address, attachment storage).
    pub fn with_settings(self, settings: Settings) -> Self {
        AppState {
            inner: Arc::new(Inner {
                db: self.inner.db.clone(),
                memory: self.inner.memory.clone(),
                index: self.inner.index.clone(),
                settings,
            }),
        }
    }
    /// With this process's search index (kept in step with the change log by [`sync`]).
    pub fn with_index(self, index: Arc<klaster_search::SearchIndex>) -> Self {
        AppState {
            inner: Arc::new(Inner {
                db: self.inner.db.clone(),
                memory: self.inner.memory.clone(),
                index: Some(index),
                settings: self.inner.settings.clone(),
            }),
        }
    }
    pub fn index(&self) -> Option<&klaster_search::SearchIndex> {
        self.inner.index.as_deref()
    }
    pub fn settings(&self) -> &Settings {
        &self.inner.settings
    }
    pub fn site(&self) -> &klaster_notify::Site {
        &self.inner.settings.site
    }
    pub fn db(&self) -> &Db {
        &self.inner.db
    }
    pub fn memory(&self) -> &klaster_translate::InMemoryTm {
        &self.inner.memory
    }
}

/// The translation memory as stored: every reviewed pair, loaded at start.
pub async fn load_memory(db: &Db) -> klaster_store::Result<Arc<klaster_translate::InMemoryTm>> {
    let tm = klaster_translate::InMemoryTm::new();
    for m in klaster_store::offers::memory(db).await? {
        if let (Some(s), Some(t)) = (
            klaster_translate::Lang::parse(&m.source_lang),
            klaster_translate::Lang::parse(&m.target_lang),
        ) {
            tm.add(
                s,
                t,
                &m.source_text,
                &m.target_text,
                klaster_translate::Status::Reviewed,
            );
        }
    }
    Ok(Arc::new(tm))
}

/// The whole application as one router.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(api::router(state.clone()))
        .merge(pages::router(state))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(RequestBodyLimitLayer::new(api::MAX_REQUEST_BYTES))
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
    // The client's address is known to handlers (sign-in rate limiting per client).
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

/// Applies the change log to the search index once; returns how many changes were read.
pub async fn sync(
    index: &klaster_search::SearchIndex,
    db: &Db,
) -> Result<usize, klaster_search::Error> {
    klaster_search::sync_once(index, &index_source::StoreSource { db: db.clone() }).await
}

/// Keeps the index in step with the database, every second, for as long as the task runs.
pub async fn keep_in_sync(index: Arc<klaster_search::SearchIndex>, db: Db) {
    loop {
        if let Err(e) = sync(&index, &db).await {
            tracing::error!(error = %e, "search index sync failed");
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}
