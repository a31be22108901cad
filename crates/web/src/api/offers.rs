//! `/offers`: cooperation offers and requests. Owners write drafts and send them out;
//! coordinators review where their cluster asks for it; readers get each offer in their
//! language, with the original shown (and marked) where no translation exists yet.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use klaster_domain::offer::{Offer, OfferInput, OfferKind, OfferStatus, Transition, Visibility};
use klaster_domain::{ClusterProfile, Role};
use klaster_store::offers::{self, Filter, OfferRecord, OfferText};
use klaster_store::{directory, organisations as orgs};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{member_of, query};
use crate::AppState;
use crate::extract::{ApiJson, MaybePrincipal, Principal};
use crate::pagination::clamp_limit;
use crate::problem::{ApiError, ApiResult, Problem};

/// One language version of the free text, with where it came from.
#[derive(Debug, Serialize, ToSchema)]
pub struct TextOut {
    pub lang: String,
    pub title: String,
    pub description: String,
    /// original, machine, human, reviewed, untranslated
    pub status: String,
    pub engine: Option<String>,
}

impl From<OfferText> for TextOut {
    fn from(t: OfferText) -> Self {
        TextOut {
            lang: t.lang,
            title: t.title,
            description: t.description,
            status: t.status,
            engine: t.engine,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfferOut {
    pub id: i64,
    pub status: OfferStatus,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub offer: Offer,
    /// The text in the reader's language (`?lang=`), or the original when there is no
    /// translation yet — then `status` is `original` and `lang` differs from the one asked.
    pub display: Option<TextOut>,
    /// Every language version (single offer only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub texts: Option<Vec<TextOut>>,
    /// The structured fields in the reader's language, rendered from data (single offer only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<super::fields::FieldOut>>,
    /// On create: the language detected in the text, for the author to confirm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language_check: Option<LanguageCheck>,
}

/// What language detection found in an offer's text against what the author said.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LanguageCheck {
    /// The language detected (None: the text is too short or mixed to tell).
    pub detected: Option<String>,
    /// 0..1
    pub confidence: f64,
    /// The language the offer was stored in.
    pub used: String,
    /// False when the author named a language and the text looks clearly like another one.
    pub agrees: bool,
}

/// An identical offer posted again within this many minutes is a duplicate submission.
const DUPLICATE_MINUTES: i64 = 10;

/// Detection confidence above which a disagreement with the author's language is reported.
const SURE: f64 = 0.7;

/// Fills in the offer's language from its text when the author left it out, and compares it
/// with what the author said otherwise.
fn check_language(input: &mut OfferInput) -> ApiResult<LanguageCheck> {
    let text = format!("{}\n{}", input.title, input.description);
    let found = klaster_translate::detect(&text);
    let detected = found.map(|(l, _)| l.code().to_string());
    let confidence = found.map_or(0.0, |(_, c)| c);
    if input.lang.trim().is_empty() {
        input.lang = detected.clone().ok_or_else(|| {
            ApiError::invalid().field(
                "lang",
                "undetected_language",
                "the offer's language could not be recognised; give it in `lang`",
            )
        })?;
    }
    let used = input.lang.trim().to_ascii_lowercase();
    let agrees = confidence < SURE || detected.as_deref().is_none_or(|d| d == used);
    Ok(LanguageCheck {
        detected,
        confidence,
        used,
        agrees,
    })
}

pub(crate) fn offer_out(
    r: OfferRecord,
    texts: Vec<OfferText>,
    lang: Option<&str>,
    all: bool,
) -> OfferOut {
    let pick = lang
        .and_then(|l| {
            texts
                .iter()
                .find(|t| t.lang == l && t.status != "untranslated")
        })
        .or_else(|| texts.iter().find(|t| t.status == "original"))
        .cloned();
    let fields = all.then(|| {
        let reader = lang
            .and_then(klaster_translate::Lang::parse)
            .or(klaster_translate::Lang::parse(&r.offer.lang))
            .unwrap_or(klaster_translate::Lang::En);
        super::fields::render(&r.offer, reader)
    });
    OfferOut {
        id: r.id,
        status: r.status,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
        published_at: r.published_at,
        offer: r.offer,
        display: pick.map(Into::into),
        texts: all.then(|| texts.into_iter().map(Into::into).collect()),
        fields,
        language_check: None,
    }
}

/// The clusters whose members-only offers the caller may see.
fn clusters_of_principal(p: &Principal, member_clusters: &[i64]) -> Vec<i64> {
    let mut out: Vec<i64> = member_clusters.to_vec();
    out.extend(p.rights.roles.iter().filter_map(|r| match r {
        Role::Coordinator { cluster_id } => Some(*cluster_id),
        _ => None,
    }));
    out
}

pub(super) async fn visible_clusters(
    state: &AppState,
    who: Option<&Principal>,
) -> ApiResult<Vec<i64>> {
    let Some(p) = who else { return Ok(Vec::new()) };
    let mut member_clusters = Vec::new();
    for r in &p.rights.roles {
        if let Role::OrgMember { org_id, .. } = r {
            member_clusters.extend(member_of(state, *org_id).await?);
        }
    }
    Ok(clusters_of_principal(p, &member_clusters))
}

/// Whether `who` acts for the owner (its users, its clusters' coordinators, administrators).
pub(crate) async fn acts_for_owner(
    state: &AppState,
    who: &Principal,
    org_id: i64,
) -> ApiResult<bool> {
    Ok(who
        .rights
        .may_edit_organisation(org_id, &member_of(state, org_id).await?)
        || who.rights.is_member_of(org_id))
}

/// Whether `who` may write the offers of `org_id`: its own people and administrators. A
/// cluster's coordinator reads its members' offers and reviews them, but does not write them.
pub(crate) fn writes_for_owner(who: &Principal, org_id: i64) -> bool {
    who.rights.is_admin() || who.rights.is_member_of(org_id)
}

/// Whether the owner's clusters want offers reviewed, and which coordinators may do it.
pub(crate) async fn review_policy(
    db: &klaster_store::Db,
    org_id: i64,
) -> ApiResult<(bool, Vec<i64>)> {
    let mut requires = false;
    let mut reviewers = Vec::new();
    let current = directory::clusters_of(db, org_id)
        .await?
        .into_iter()
        .filter(|m| m.left_on.is_none());
    for c in current.map(|m| m.cluster_id) {
        if let Some(v) = directory::cluster_profile(db, c).await? {
            let p: ClusterProfile = directory::decode(&v)?;
            if p.requires_offer_review {
                requires = true;
                reviewers.push(c);
            }
        }
    }
    Ok((requires, reviewers))
}

/// Whether a cluster of `owner` asks for its offers to be reviewed, and whether `principal`
/// reviews them (an administrator, or the coordinator of such a cluster).
pub(crate) async fn review_rights(
    state: &AppState,
    principal: &Principal,
    owner: i64,
) -> ApiResult<(bool, bool)> {
    let (requires, reviewers) = review_policy(state.db(), owner).await?;
    let reviews =
        principal.rights.is_admin() || reviewers.iter().any(|c| principal.rights.coordinates(*c));
    Ok((requires, reviews))
}

/// The clusters whose members' submitted offers `principal` reviews: those they coordinate
/// that ask for review; `None` for an administrator (every submitted offer).
pub(crate) async fn reviewed_clusters(
    state: &AppState,
    principal: &Principal,
) -> ApiResult<Option<Vec<i64>>> {
    if principal.rights.is_admin() {
        return Ok(None);
    }
    let mut out = Vec::new();
    for r in &principal.rights.roles {
        if let Role::Coordinator { cluster_id } = r
            && let Some(v) = directory::cluster_profile(state.db(), *cluster_id).await?
            && directory::decode::<ClusterProfile>(&v)?.requires_offer_review
        {
            out.push(*cluster_id);
        }
    }
    Ok(Some(out))
}

pub(crate) async fn readable(
    state: &AppState,
    who: Option<&Principal>,
    r: &OfferRecord,
) -> ApiResult<bool> {
    if let Some(p) = who
        && (p.rights.is_admin() || acts_for_owner(state, p, r.offer.organisation_id).await?)
    {
        return Ok(true);
    }
    if let Some(p) = who
        && r.status == OfferStatus::Submitted
        && review_policy(state.db(), r.offer.organisation_id)
            .await?
            .1
            .iter()
            .any(|c| p.rights.coordinates(*c))
    {
        return Ok(true);
    }
    if r.status != OfferStatus::Published {
        return Ok(false);
    }
    Ok(match r.offer.visibility {
        Visibility::Public => true,
        Visibility::Cluster { cluster_id } => {
            visible_clusters(state, who).await?.contains(&cluster_id)
        }
    })
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Offer kinds, comma-separated.
    pub kind: Option<String>,
    pub nace: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub organisation: Option<i64>,
    /// The reader's language for `display`.
    pub lang: Option<String>,
    /// Offers with a smaller id (the next page).
    pub before: Option<i64>,
    pub limit: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfferPage {
    pub items: Vec<OfferOut>,
    /// Pass as `before` for the next page.
    pub next: Option<i64>,
}

/// Published offers the caller may see, newest first.
#[utoipa::path(get, path = "/offers", tag = "portal", params(ListParams),
    responses((status = 200, body = OfferPage), (status = 422, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    MaybePrincipal(who): MaybePrincipal,
    Query(p): Query<ListParams>,
) -> ApiResult<Json<OfferPage>> {
    let mut kinds = Vec::new();
    for k in p
        .kind
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
    {
        let kind = OfferKind::parse(k).ok_or_else(|| {
            ApiError::invalid().field("kind", "unknown_kind", format!("{k} is not an offer kind"))
        })?;
        kinds.push(kind.as_str().to_string());
    }
    let limit = clamp_limit(p.limit)?;
    let filter = Filter {
        kinds,
        nace: query::nace("nace", p.nace.as_deref())?,
        region: query::region("region", p.region.as_deref())?,
        country: query::country("country", p.country.as_deref())?,
        organisation_id: p.organisation,
        clusters: visible_clusters(&state, who.as_ref()).await?,
        all_visibility: who.as_ref().is_some_and(|w| w.rights.is_admin()),
        ..Filter::default()
    };
    let mut rows = offers::list(state.db(), &filter, p.before, limit + 1).await?;
    let next = (rows.len() as i64 > limit).then(|| {
        rows.truncate(limit as usize);
        rows.last().map(|r| r.id)
    });
    let mut items = Vec::with_capacity(rows.len());
    for r in rows {
        let texts = offers::texts(state.db(), r.id).await?;
        items.push(offer_out(r, texts, p.lang.as_deref(), false));
    }
    Ok(Json(OfferPage {
        items,
        next: next.flatten(),
    }))
}

/// Write a new offer (as a draft) for an organisation the caller acts for.
#[utoipa::path(post, path = "/offers", tag = "portal", request_body = OfferInput, security(("token" = [])),
    responses((status = 201, body = OfferOut), (status = 422, body = Problem), (status = 403, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    principal: Principal,
    ApiJson(input): ApiJson<OfferInput>,
) -> ApiResult<(StatusCode, Json<OfferOut>)> {
    let (rec, language) = create_offer(&state, &principal, input).await?;
    let texts = offers::texts(state.db(), rec.id).await?;
    let mut out = offer_out(rec, texts, None, true);
    out.language_check = Some(language);
    Ok((StatusCode::CREATED, Json(out)))
}

/// Writes a new draft: the language checked (or detected), the offer validated, the caller's
/// right to write for its organisation checked, a repeated submission refused.
pub(crate) async fn create_offer(
    state: &AppState,
    principal: &Principal,
    mut input: OfferInput,
) -> ApiResult<(OfferRecord, LanguageCheck)> {
    let language = check_language(&mut input)?;
    let offer = checked(state, principal, input).await?;
    let recently = Utc::now() - chrono::Duration::minutes(DUPLICATE_MINUTES);
    if let Some(id) = offers::identical_since(state.db(), &offer, recently).await? {
        return Err(ApiError::conflict(format!(
            "the same offer was created a moment ago as offer {id}; edit that one"
        )));
    }
    let rec = offers::create(state.db(), &offer, Some(principal.user.id)).await?;
    Ok((rec, language))
}

/// Validates an offer and that the caller may write it for its organisation and audience.
async fn checked(state: &AppState, principal: &Principal, input: OfferInput) -> ApiResult<Offer> {
    let offer = input.validate(Utc::now().date_naive())?;
    if orgs::get(state.db(), offer.organisation_id).await.is_err() {
        return Err(ApiError::invalid().field(
            "organisation_id",
            "unknown_organisation",
            format!("there is no organisation {}", offer.organisation_id),
        ));
    }
    if !writes_for_owner(principal, offer.organisation_id) {
        return Err(ApiError::forbidden());
    }
    if let Visibility::Cluster { cluster_id } = offer.visibility
        && !member_of(state, offer.organisation_id)
            .await?
            .contains(&cluster_id)
    {
        return Err(ApiError::invalid().field(
            "visibility.cluster_id",
            "not_a_member",
            "an offer can be limited only to a cluster its organisation belongs to",
        ));
    }
    super::check_contact(state, offer.contact_id, offer.organisation_id).await?;
    Ok(offer)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangParam {
    /// The reader's language for `display`.
    pub lang: Option<String>,
}

/// One offer with every language version.
#[utoipa::path(get, path = "/offers/{id}", tag = "portal", params(("id" = i64, Path), LangParam),
    responses((status = 200, body = OfferOut), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    MaybePrincipal(who): MaybePrincipal,
    Path(id): Path<i64>,
    Query(q): Query<LangParam>,
) -> ApiResult<Json<OfferOut>> {
    let rec = offers::get(state.db(), id).await?;
    // Offers the caller may not read do not exist for them.
    if !readable(&state, who.as_ref(), &rec).await? {
        return Err(ApiError::not_found());
    }
    let texts = offers::texts(state.db(), id).await?;
    Ok(Json(offer_out(rec, texts, q.lang.as_deref(), true)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VersionParam {
    pub version: Option<i32>,
}

/// Edit a draft (or an expired offer before renewing it).
#[utoipa::path(put, path = "/offers/{id}", tag = "portal", params(("id" = i64, Path), VersionParam),
    request_body = OfferInput, security(("token" = [])),
    responses((status = 200, body = OfferOut), (status = 422, body = Problem), (status = 409, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    Query(v): Query<VersionParam>,
    ApiJson(input): ApiJson<OfferInput>,
) -> ApiResult<Json<OfferOut>> {
    let (rec, _) = update_offer(&state, &principal, id, v.version, input).await?;
    let texts = offers::texts(state.db(), id).await?;
    Ok(Json(offer_out(rec, texts, None, true)))
}

/// Whether an offer in this status may be edited (a draft, or an expired one before renewal).
pub(crate) fn editable(status: OfferStatus) -> bool {
    matches!(status, OfferStatus::Draft | OfferStatus::Expired)
}

/// Rewrites a draft (or an expired offer) of the caller's organisation; `version`, when
/// given, must still be the current one.
pub(crate) async fn update_offer(
    state: &AppState,
    principal: &Principal,
    id: i64,
    version: Option<i32>,
    mut input: OfferInput,
) -> ApiResult<(OfferRecord, LanguageCheck)> {
    let language = check_language(&mut input)?;
    let current = offers::get(state.db(), id).await?;
    if !writes_for_owner(principal, current.offer.organisation_id) {
        return Err(ApiError::forbidden());
    }
    if !editable(current.status) {
        return Err(ApiError::conflict(format!(
            "an offer that is {} cannot be edited; close it or ask for it back as a draft",
            current.status.as_str()
        )));
    }
    let offer = checked(state, principal, input).await?;
    if offer.organisation_id != current.offer.organisation_id {
        return Err(ApiError::invalid().field(
            "organisation_id",
            "immutable",
            "an offer cannot move to another organisation",
        ));
    }
    let rec = offers::update(state.db(), id, &offer, version, Some(principal.user.id)).await?;
    Ok((rec, language))
}

/// Move an offer on: `submit`, `publish`, `return_to_draft`, `close`.
#[utoipa::path(post, path = "/offers/{id}/transitions", tag = "portal", params(("id" = i64, Path)),
    request_body = Transition, security(("token" = [])),
    responses((status = 200, body = OfferOut), (status = 422, body = Problem), (status = 409, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn transition(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    ApiJson(t): ApiJson<Transition>,
) -> ApiResult<Json<OfferOut>> {
    let rec = apply_transition(&state, &principal, id, &t).await?;
    let texts = offers::texts(state.db(), id).await?;
    Ok(Json(offer_out(rec, texts, None, true)))
}

/// Moves an offer on, if the caller may take this step (its owner submits, closes and renews;
/// a reviewer publishes or sends back) and the offer's status allows it.
pub(crate) async fn apply_transition(
    state: &AppState,
    principal: &Principal,
    id: i64,
    t: &Transition,
) -> ApiResult<OfferRecord> {
    let current = offers::get(state.db(), id).await?;
    let owner = current.offer.organisation_id;
    let (requires_review, is_reviewer) = review_rights(state, principal, owner).await?;
    let is_owner = writes_for_owner(principal, owner);
    let allowed = match (t, current.status) {
        (Transition::Submit | Transition::Close { .. }, _) => is_owner,
        (Transition::Publish, OfferStatus::Expired) => is_owner,
        (Transition::Publish | Transition::ReturnToDraft { .. }, _) => is_reviewer,
        // Expiry is the platform's, by the deadline.
        (Transition::Expire, _) => false,
    };
    if !allowed {
        return Err(ApiError::forbidden());
    }
    if matches!(t, Transition::Publish)
        && current.status == OfferStatus::Expired
        && current
            .offer
            .expires_on
            .is_some_and(|d| d < Utc::now().date_naive())
    {
        return Err(ApiError::invalid().field(
            "expires_on",
            "in_the_past",
            "move the offer's deadline before renewing it",
        ));
    }
    let next = current.status.apply(t, requires_review)?;
    Ok(offers::transition(
        state.db(),
        id,
        current.status,
        next,
        t,
        Some(principal.user.id),
    )
    .await?)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryOut {
    pub status: OfferStatus,
    #[schema(value_type = Object)]
    pub action: serde_json::Value,
    pub actor_id: Option<i64>,
    pub at: DateTime<Utc>,
}

/// Every step of an offer's life (its owner, reviewers and administrators).
#[utoipa::path(get, path = "/offers/{id}/history", tag = "portal", params(("id" = i64, Path)), security(("token" = [])),
    responses((status = 200, body = Vec<HistoryOut>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn history(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<Vec<HistoryOut>>> {
    let current = offers::get(state.db(), id).await?;
    let (_, reviewers) = review_policy(state.db(), current.offer.organisation_id).await?;
    let allowed = principal.rights.is_admin()
        || acts_for_owner(&state, &principal, current.offer.organisation_id).await?
        || reviewers.iter().any(|c| principal.rights.coordinates(*c));
    if !allowed {
        return Err(ApiError::forbidden());
    }
    let rows = offers::history(state.db(), id).await?;
    Ok(Json(
        rows.into_iter()
            .map(|h| {
                Ok(HistoryOut {
                    status: OfferStatus::parse(&h.status).ok_or_else(ApiError::internal)?,
                    action: h.action.0,
                    actor_id: h.actor_id,
                    at: h.at,
                })
            })
            .collect::<ApiResult<_>>()?,
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CorrectionIn {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// A reviewed translation also teaches the translation memory.
    #[serde(default)]
    pub reviewed: bool,
}

/// A translator corrects (or writes) one language version of an offer.
#[utoipa::path(put, path = "/offers/{id}/texts/{lang}", tag = "portal", params(("id" = i64, Path), ("lang" = String, Path)),
    request_body = CorrectionIn, security(("token" = [])),
    responses((status = 200, body = OfferOut), (status = 422, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn correct(
    State(state): State<AppState>,
    principal: Principal,
    Path((id, lang)): Path<(i64, String)>,
    ApiJson(input): ApiJson<CorrectionIn>,
) -> ApiResult<Json<OfferOut>> {
    if !principal.rights.may_translate() {
        return Err(ApiError::forbidden());
    }
    let rec = offers::get(state.db(), id).await?;
    let target = klaster_translate::Lang::parse(&lang).ok_or_else(|| {
        ApiError::invalid().field(
            "lang",
            "unsupported_language",
            format!("{lang} is not a working language"),
        )
    })?;
    let source = klaster_translate::Lang::parse(&rec.offer.lang).ok_or_else(ApiError::internal)?;
    if target == source {
        return Err(ApiError::invalid().field(
            "lang",
            "original",
            "the original is edited by its author, not translated",
        ));
    }
    let title = input.title.trim().to_string();
    let mut e = klaster_domain::ValidationErrors::new();
    if title.is_empty() {
        e.add("title", "required", "a title is required");
    } else if title.chars().count() > klaster_domain::offer::MAX_TITLE {
        e.add(
            "title",
            "too_long",
            format!("at most {} characters", klaster_domain::offer::MAX_TITLE),
        );
    }
    if input.description.chars().count() > 10_000 {
        e.add("description", "too_long", "at most 10000 characters");
    }
    if !e.is_empty() {
        return Err(e.into());
    }
    let description = input.description.trim().to_string();
    let status = if input.reviewed {
        klaster_translate::Status::Reviewed
    } else {
        klaster_translate::Status::Human
    };
    let text = OfferText {
        lang: target.code().to_string(),
        title: title.clone(),
        description: description.clone(),
        status: status.as_str().to_string(),
        engine: None,
        translated_by: Some(principal.user.id),
        updated_at: Utc::now(),
    };
    let pairs: Vec<offers::MemoryPair> = if input.reviewed {
        [
            (&rec.offer.title, &title),
            (&rec.offer.description, &description),
        ]
        .into_iter()
        .filter(|(s, t)| !s.trim().is_empty() && !t.is_empty())
        .map(|(s, t)| offers::MemoryPair {
            source_lang: source.code().into(),
            target_lang: target.code().into(),
            source_text: s.clone(),
            target_text: t.clone(),
        })
        .collect()
    } else {
        Vec::new()
    };
    offers::correct_text(state.db(), id, &text, &pairs).await?;
    for p in &pairs {
        state
            .memory()
            .add(source, target, &p.source_text, &p.target_text, status);
    }
    let texts = offers::texts(state.db(), id).await?;
    Ok(Json(offer_out(
        offers::get(state.db(), id).await?,
        texts,
        Some(target.code()),
        true,
    )))
}
