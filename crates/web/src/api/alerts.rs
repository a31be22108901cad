//! `/saved-searches` and `/feeds`: a user keeps a search ("new subcontracting orders in NACE 25,
//! in PL84 or BY") and is told of new offers by e-mail (at once or in a daily digest) and
//! through an Atom feed. Any offer search is also available as a public Atom feed.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use klaster_notify::atom::{Category, Entry, Feed, Person, tag_uri};
use klaster_search::{Entity, Lang, SearchQuery, Sort};
use klaster_store::alerts::{self, Delivery, NewSavedSearch, SavedSearch};
use klaster_store::offers;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::search::{SearchParams, index_of, to_query};
use crate::AppState;
use crate::extract::{ApiJson, Principal};
use crate::problem::{ApiError, ApiResult, Problem};

/// Entries in a feed.
const FEED_ENTRIES: usize = 50;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SavedSearchInput {
    pub name: String,
    /// The search, as `/search` takes it (offers only).
    pub query: SearchParams,
    /// instant, daily or feed (no mail)
    pub delivery: String,
    /// Where alerts go; the user's own address when left out.
    #[serde(default)]
    pub email: Option<String>,
    /// Language of the alerts and of the offers' titles in them; the query's `lang`, else English.
    #[serde(default)]
    pub lang: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SavedSearchOut {
    pub id: i64,
    pub name: String,
    #[schema(value_type = Object)]
    pub query: serde_json::Value,
    pub lang: String,
    pub email: Option<String>,
    pub delivery: String,
    pub created_at: DateTime<Utc>,
    /// The search's private Atom feed (works without signing in: keep it to yourself).
    pub feed_path: String,
    /// Turns its mail off in one click.
    pub unsubscribe_path: String,
}

pub(crate) fn feed_path(s: &SavedSearch) -> String {
    format!("/api/v1/feeds/saved/{}", s.token)
}

pub(crate) fn unsubscribe_path(s: &SavedSearch) -> String {
    format!("/api/v1/saved-searches/unsubscribe?token={}", s.token)
}

fn out(s: SavedSearch) -> SavedSearchOut {
    SavedSearchOut {
        feed_path: feed_path(&s),
        unsubscribe_path: unsubscribe_path(&s),
        id: s.id,
        name: s.name,
        query: s.query.0,
        lang: s.lang,
        email: s.email,
        delivery: s.delivery,
        created_at: s.created_at,
    }
}

/// The clusters whose members-only offers a user may see: those its organisation belongs to,
/// or the one it coordinates.
pub(crate) async fn audiences_of(
    db: &klaster_store::Db,
    user_id: i64,
) -> klaster_store::Result<Vec<i64>> {
    let user = klaster_store::auth::user_by_id(db, user_id).await?;
    Ok(match (user.role.as_str(), user.scope_id) {
        ("coordinator", Some(c)) => vec![c],
        ("org_admin" | "org_member", Some(org)) => klaster_store::directory::clusters_of(db, org)
            .await?
            .into_iter()
            .filter(|m| m.left_on.is_none())
            .map(|m| m.cluster_id)
            .collect(),
        _ => Vec::new(),
    })
}

/// The stored query of a saved search as index query: offers only, newest first.
pub(crate) fn saved_query(s: &SavedSearch, limit: usize) -> ApiResult<SearchQuery> {
    let p: SearchParams =
        serde_json::from_value(s.query.0.clone()).map_err(|_| ApiError::internal())?;
    offer_query(&p, limit)
}

fn offer_query(p: &SearchParams, limit: usize) -> ApiResult<SearchQuery> {
    let mut q = to_query(p)?;
    q.filters.entity = Some(Entity::Offer);
    q.sort = Sort::Newest;
    q.offset = 0;
    q.limit = limit;
    Ok(q)
}

/// Save a search, with e-mail alerts and a feed.
#[utoipa::path(post, path = "/saved-searches", tag = "portal", request_body = SavedSearchInput,
    security(("token" = [])),
    responses((status = 201, body = SavedSearchOut), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    principal: Principal,
    ApiJson(input): ApiJson<SavedSearchInput>,
) -> ApiResult<(StatusCode, Json<SavedSearchOut>)> {
    let s = save_search(&state, &principal, input).await?;
    Ok((StatusCode::CREATED, Json(out(s))))
}

/// Keeps a search of the caller's, its query checked as `/search` checks it.
pub(crate) async fn save_search(
    state: &AppState,
    principal: &Principal,
    input: SavedSearchInput,
) -> ApiResult<SavedSearch> {
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(ApiError::invalid().field("name", "required", "a name of 1 to 200 characters"));
    }
    let delivery = Delivery::parse(&input.delivery).ok_or_else(|| {
        ApiError::invalid().field("delivery", "unknown_delivery", "use instant, daily or feed")
    })?;
    to_query(&input.query).map_err(|e| e.prefix_fields("query."))?;
    let lang = input
        .lang
        .as_deref()
        .or(input.query.lang.as_deref())
        .map(|l| {
            Lang::parse(l).ok_or_else(|| {
                ApiError::invalid().field("lang", "unsupported_language", "not a working language")
            })
        })
        .transpose()?
        .unwrap_or(Lang::En);
    let email = klaster_domain::email_address("email", input.email)?
        .unwrap_or_else(|| principal.user.email.clone());
    let query = serde_json::to_value(&input.query).map_err(|_| ApiError::internal())?;
    Ok(alerts::create(
        state.db(),
        &NewSavedSearch {
            user_id: principal.user.id,
            name,
            query: &query,
            lang: lang.code(),
            email: Some(&email),
            delivery,
        },
    )
    .await?)
}

/// The caller's saved searches.
#[utoipa::path(get, path = "/saved-searches", tag = "portal", security(("token" = [])),
    responses((status = 200, body = Vec<SavedSearchOut>)))]
pub async fn list(
    State(state): State<AppState>,
    principal: Principal,
) -> ApiResult<Json<Vec<SavedSearchOut>>> {
    let all = alerts::for_user(state.db(), principal.user.id).await?;
    Ok(Json(all.into_iter().map(out).collect()))
}

/// Delete one of the caller's saved searches.
#[utoipa::path(delete, path = "/saved-searches/{id}", tag = "portal", params(("id" = i64, Path)),
    security(("token" = [])),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn delete(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    delete_search(&state, &principal, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes one of the caller's saved searches (anyone else's does not exist for them).
pub(crate) async fn delete_search(
    state: &AppState,
    principal: &Principal,
    id: i64,
) -> ApiResult<()> {
    let s = alerts::get(state.db(), id).await?;
    if s.user_id != principal.user.id {
        return Err(ApiError::not_found());
    }
    alerts::delete(state.db(), id).await?;
    Ok(())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TokenParam {
    pub token: String,
}

/// Turn off a saved search's mail (the link in every alert); its feed keeps working.
#[utoipa::path(get, path = "/saved-searches/unsubscribe", tag = "portal", params(TokenParam),
    responses((status = 200, body = SavedSearchOut), (status = 404, body = Problem)))]
pub async fn unsubscribe(
    State(state): State<AppState>,
    Query(t): Query<TokenParam>,
) -> ApiResult<Json<SavedSearchOut>> {
    let s = alerts::by_token(state.db(), &t.token).await?;
    alerts::set_delivery(state.db(), s.id, Delivery::Feed).await?;
    Ok(Json(out(alerts::get(state.db(), s.id).await?)))
}

/// Renders the newest public offers matching `q` as Atom, titles in `lang` where translated.
async fn feed(
    state: &AppState,
    q: &SearchQuery,
    title: String,
    self_path: &str,
    lang: Lang,
) -> ApiResult<Response> {
    let hits = index_of(state)?.search(q).map_err(|e| {
        tracing::error!(error = %e, "feed search failed");
        ApiError::internal()
    })?;
    let site = state.site();
    let host = site
        .base_url
        .split("://")
        .nth(1)
        .unwrap_or("klaster.local")
        .split(['/', ':'])
        .next()
        .unwrap_or("klaster.local")
        .to_string();
    let mut entries = Vec::new();
    for h in hits.hits {
        let Ok(rec) = offers::get(state.db(), h.id).await else {
            continue;
        };
        let texts = offers::texts(state.db(), h.id).await?;
        let text = texts
            .iter()
            .find(|t| t.lang == lang.code() && t.status != "untranslated")
            .or_else(|| texts.iter().find(|t| t.status == "original"));
        let published = rec.published_at.unwrap_or(rec.created_at);
        entries.push(Entry {
            id: tag_uri(
                &host,
                rec.created_at.date_naive(),
                &format!("offer/{}", rec.id),
            ),
            title: text.map_or(rec.offer.title.clone(), |t| t.title.clone()),
            updated: rec.updated_at,
            published: Some(published),
            link: site.url(&format!("/offers/{}", rec.id)),
            summary: text.map(|t| t.description.chars().take(500).collect()),
            lang: text.and_then(|t| Lang::parse(&t.lang)),
            categories: std::iter::once(Category {
                term: rec.offer.kind.as_str().to_string(),
                scheme: Some("urn:klaster:offer-kind".into()),
                label: None,
            })
            .chain(rec.offer.nace.iter().map(|c| Category {
                term: c.clone(),
                scheme: Some("urn:nace:rev2".into()),
                label: klaster_refdata::nace::get(c).map(|n| n.title(lang.code()).to_string()),
            }))
            .collect(),
        });
    }
    let doc = Feed {
        id: site.url(self_path),
        title,
        subtitle: None,
        updated: entries
            .iter()
            .map(|e| e.updated)
            .max()
            .unwrap_or_else(Utc::now),
        self_link: site.url(self_path),
        alternate_link: None,
        lang: Some(lang),
        author: Person {
            name: site.name.clone(),
            uri: Some(site.base_url.clone()),
        },
        entries,
    };
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        doc.to_xml(),
    )
        .into_response())
}

/// The newest public offers matching a search, as an Atom feed (same parameters as `/search`).
#[utoipa::path(get, path = "/feeds/offers", tag = "portal", params(SearchParams),
    responses((status = 200, description = "Atom feed", content_type = "application/atom+xml"), (status = 422, body = Problem)))]
pub async fn offers_feed(
    State(state): State<AppState>,
    Query(p): Query<SearchParams>,
) -> ApiResult<Response> {
    let q = offer_query(&p, FEED_ENTRIES)?;
    let lang = q.lang.unwrap_or(Lang::En);
    let title = format!(
        "{}: {}",
        state.site().name,
        p.q.as_deref().unwrap_or("offers")
    );
    let query = serde_urlencoded::to_string(&p).map_err(|_| ApiError::internal())?;
    feed(
        &state,
        &q,
        title,
        &format!("/api/v1/feeds/offers?{query}"),
        lang,
    )
    .await
}

/// A saved search's private feed.
#[utoipa::path(get, path = "/feeds/saved/{token}", tag = "portal", params(("token" = String, Path)),
    responses((status = 200, description = "Atom feed", content_type = "application/atom+xml"), (status = 404, body = Problem)))]
pub async fn saved_feed(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> ApiResult<Response> {
    let s = alerts::by_token(state.db(), &token).await?;
    let mut q = saved_query(&s, FEED_ENTRIES)?;
    q.filters.audiences = audiences_of(state.db(), s.user_id).await?;
    let lang = Lang::parse(&s.lang).unwrap_or(Lang::En);
    let title = format!("{}: {}", state.site().name, s.name);
    feed(&state, &q, title, &feed_path(&s), lang).await
}
