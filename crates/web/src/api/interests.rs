//! `/offers/{id}/interests` and `/interests`: an organisation expresses interest in an offer
//! with a message in its own language; the owner reads it translated, replies, accepts (which
//! introduces the two contacts to each other) or declines. The whole thread is kept.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use klaster_domain::offer::OfferStatus;
use klaster_store::interests::{self, Interest, InterestStatus, Message, NewInterest};
use klaster_store::offers::{self, OfferRecord};
use klaster_store::{directory, organisations as orgs};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::offers::{acts_for_owner, readable};
use crate::AppState;
use crate::extract::{ApiJson, Principal};
use crate::problem::{ApiError, ApiResult, Problem};

/// Longest message, in characters.
const MAX_MESSAGE: usize = 5_000;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InterestInput {
    /// The interested organisation (one the caller works for).
    pub organisation_id: i64,
    /// One of its contacts, introduced to the owner on acceptance.
    #[serde(default)]
    pub contact_id: Option<i64>,
    pub message: String,
    /// The message's language; detected when left out.
    #[serde(default)]
    pub lang: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyInput {
    pub message: String,
    #[serde(default)]
    pub lang: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// By the owner: introduces the contacts.
    Accept,
    /// By the owner.
    Decline,
    /// By the interested party.
    Withdraw,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionInput {
    pub decision: Decision,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MessageOut {
    pub id: i64,
    /// Written by the offer's owner (else by the interested party).
    pub from_owner: bool,
    pub lang: String,
    /// As written.
    pub body: String,
    /// The other party's language version, when one was needed and made.
    pub translated_lang: Option<String>,
    pub translated_body: Option<String>,
    /// not_needed, pending, machine, untranslated
    pub translation_status: String,
    pub engine: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<Message> for MessageOut {
    fn from(m: Message) -> Self {
        MessageOut {
            id: m.id,
            from_owner: m.from_owner,
            lang: m.lang,
            body: m.body,
            translated_lang: m.translated_lang,
            translated_body: m.translated_body,
            translation_status: m.translation_status,
            engine: m.engine,
            created_at: m.created_at,
        }
    }
}

/// One side's contact, shown to the other once the interest is accepted.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartyOut {
    pub organisation_id: i64,
    pub organisation: String,
    pub contact: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InterestOut {
    pub id: i64,
    pub offer_id: i64,
    pub organisation_id: i64,
    pub lang: String,
    /// open, accepted, declined, withdrawn
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The whole thread, oldest first (single interest only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub messages: Option<Vec<MessageOut>>,
    /// Both parties' contacts, once accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub introduction: Option<[PartyOut; 2]>,
}

fn interest_out(i: Interest, messages: Option<Vec<Message>>) -> InterestOut {
    InterestOut {
        id: i.id,
        offer_id: i.offer_id,
        organisation_id: i.organisation_id,
        lang: i.lang,
        status: i.status,
        created_at: i.created_at,
        updated_at: i.updated_at,
        messages: messages.map(|m| m.into_iter().map(Into::into).collect()),
        introduction: None,
    }
}

/// The language of a message: as given (checked), else detected from the text.
fn message_lang(given: Option<&str>, text: &str) -> ApiResult<String> {
    match given.filter(|l| !l.trim().is_empty()) {
        Some(l) => klaster_translate::Lang::parse(l)
            .map(|l| l.code().to_string())
            .ok_or_else(|| {
                ApiError::invalid().field(
                    "lang",
                    "unsupported_language",
                    format!("{l} is not a working language of the portal"),
                )
            }),
        None => klaster_translate::detect(text)
            .map(|(l, _)| l.code().to_string())
            .ok_or_else(|| {
                ApiError::invalid().field(
                    "lang",
                    "undetected_language",
                    "the message's language could not be recognised; give it in `lang`",
                )
            }),
    }
}

fn message_text(text: &str) -> ApiResult<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ApiError::invalid().field("message", "required", "write a message"));
    }
    if t.chars().count() > MAX_MESSAGE {
        return Err(ApiError::invalid().field(
            "message",
            "too_long",
            format!("at most {MAX_MESSAGE} characters"),
        ));
    }
    Ok(t.to_string())
}

/// Express interest in a published offer, for an organisation the caller works for.
#[utoipa::path(post, path = "/offers/{id}/interests", tag = "portal", params(("id" = i64, Path)),
    request_body = InterestInput, security(("token" = [])),
    responses((status = 201, body = InterestOut), (status = 409, body = Problem), (status = 422, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<InterestInput>,
) -> ApiResult<(StatusCode, Json<InterestOut>)> {
    let (interest, first) = express(&state, &principal, id, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(interest_out(interest, Some(vec![first]))),
    ))
}

/// Expresses interest in offer `id` for an organisation the caller works for: the offer must
/// be readable and published, and not the organisation's own.
pub(crate) async fn express(
    state: &AppState,
    principal: &Principal,
    id: i64,
    input: &InterestInput,
) -> ApiResult<(Interest, Message)> {
    let offer = offers::get(state.db(), id).await?;
    if !readable(state, Some(principal), &offer).await? {
        return Err(ApiError::not_found());
    }
    if offer.status != OfferStatus::Published {
        return Err(ApiError::conflict(
            "only published offers take expressions of interest",
        ));
    }
    if !principal.rights.is_member_of(input.organisation_id) && !principal.rights.is_admin() {
        return Err(
            ApiError::forbidden().detail("you may express interest only for your own organisation")
        );
    }
    if input.organisation_id == offer.offer.organisation_id {
        return Err(ApiError::invalid().field(
            "organisation_id",
            "own_offer",
            "an organisation cannot express interest in its own offer",
        ));
    }
    orgs::get(state.db(), input.organisation_id)
        .await
        .map_err(|_| {
            ApiError::invalid().field(
                "organisation_id",
                "unknown_organisation",
                "no such organisation",
            )
        })?;
    super::check_contact(state, input.contact_id, input.organisation_id).await?;
    let message = message_text(&input.message)?;
    let lang = message_lang(input.lang.as_deref(), &message)?;
    Ok(interests::create(
        state.db(),
        &NewInterest {
            offer_id: id,
            organisation_id: input.organisation_id,
            contact_id: input.contact_id,
            lang: &lang,
            message: &message,
            author_id: Some(principal.user.id),
            owner_lang: &offer.offer.lang,
        },
    )
    .await?)
}

/// Which side of a thread the caller is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Owner,
    Interested,
    /// Administrators and the owner's coordinators read the thread but take no side: only
    /// the firms' own people speak and decide for them.
    Observer,
}

pub(crate) async fn side(
    state: &AppState,
    who: &Principal,
    i: &Interest,
    offer: &OfferRecord,
) -> ApiResult<Side> {
    if who.rights.is_member_of(offer.offer.organisation_id) {
        Ok(Side::Owner)
    } else if who.rights.is_member_of(i.organisation_id) {
        Ok(Side::Interested)
    } else if who.rights.is_admin()
        || acts_for_owner(state, who, offer.offer.organisation_id).await?
    {
        Ok(Side::Observer)
    } else {
        Err(ApiError::not_found())
    }
}

/// Interests in one offer, for those who act for its owner.
#[utoipa::path(get, path = "/offers/{id}/interests", tag = "portal", params(("id" = i64, Path)),
    security(("token" = [])),
    responses((status = 200, body = Vec<InterestOut>), (status = 404, body = Problem)))]
pub async fn for_offer(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<Vec<InterestOut>>> {
    let offer = offers::get(state.db(), id).await?;
    if !principal.rights.is_admin()
        && !acts_for_owner(&state, &principal, offer.offer.organisation_id).await?
    {
        return Err(ApiError::not_found());
    }
    let list = interests::for_offer(state.db(), id).await?;
    Ok(Json(
        list.into_iter().map(|i| interest_out(i, None)).collect(),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// The organisation whose interests (expressed and received) to list.
    pub organisation: i64,
}

/// Interests an organisation expressed or received, newest first.
#[utoipa::path(get, path = "/interests", tag = "portal", params(ListParams), security(("token" = [])),
    responses((status = 200, body = Vec<InterestOut>), (status = 403, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    principal: Principal,
    Query(p): Query<ListParams>,
) -> ApiResult<Json<Vec<InterestOut>>> {
    if !principal.rights.is_member_of(p.organisation) && !principal.rights.is_admin() {
        return Err(ApiError::forbidden());
    }
    let list = interests::for_organisation(state.db(), p.organisation).await?;
    Ok(Json(
        list.into_iter().map(|i| interest_out(i, None)).collect(),
    ))
}

/// Who speaks for an organisation: the named contact's details, else the organisation's.
pub(crate) async fn party(
    db: &klaster_store::Db,
    org_id: i64,
    contact_id: Option<i64>,
) -> klaster_store::Result<PartyOut> {
    let org = orgs::get(db, org_id).await?;
    let contact = match contact_id {
        Some(c) => directory::contact(db, c)
            .await
            .ok()
            .and_then(|r| directory::decode::<klaster_domain::Contact>(&r.data.0).ok()),
        None => None,
    };
    Ok(PartyOut {
        organisation_id: org_id,
        organisation: org.org.primary_name().to_string(),
        email: contact
            .as_ref()
            .and_then(|c| c.email.clone())
            .or(org.org.email.clone()),
        phone: contact
            .as_ref()
            .and_then(|c| c.phone.clone())
            .or(org.org.phone.clone()),
        contact: contact.map(|c| c.name),
    })
}

/// Both parties of an accepted interest: the offer's owner (its contact person) and the
/// interested organisation (the contact it named).
pub(crate) async fn introduction(
    state: &AppState,
    i: &Interest,
    offer: &OfferRecord,
) -> ApiResult<[PartyOut; 2]> {
    Ok([
        party(
            state.db(),
            offer.offer.organisation_id,
            offer.offer.contact_id,
        )
        .await?,
        party(state.db(), i.organisation_id, i.contact_id).await?,
    ])
}

pub(crate) async fn full(
    state: &AppState,
    i: Interest,
    offer: &OfferRecord,
) -> ApiResult<InterestOut> {
    let messages = interests::thread(state.db(), i.id).await?;
    let intro = if i.status == InterestStatus::Accepted.as_str() {
        Some(introduction(state, &i, offer).await?)
    } else {
        None
    };
    let mut out = interest_out(i, Some(messages));
    out.introduction = intro;
    Ok(out)
}

/// One interest with its whole thread (and, once accepted, both contacts).
#[utoipa::path(get, path = "/interests/{id}", tag = "portal", params(("id" = i64, Path)), security(("token" = [])),
    responses((status = 200, body = InterestOut), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<InterestOut>> {
    let i = interests::get(state.db(), id).await?;
    let offer = offers::get(state.db(), i.offer_id).await?;
    side(&state, &principal, &i, &offer).await?;
    Ok(Json(full(&state, i, &offer).await?))
}

/// Reply in a thread (either party).
#[utoipa::path(post, path = "/interests/{id}/messages", tag = "portal", params(("id" = i64, Path)),
    request_body = ReplyInput, security(("token" = [])),
    responses((status = 201, body = MessageOut), (status = 409, body = Problem), (status = 422, body = Problem), (status = 404, body = Problem)))]
pub async fn reply(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ReplyInput>,
) -> ApiResult<(StatusCode, Json<MessageOut>)> {
    let m = add_reply(&state, &principal, id, &input).await?;
    Ok((StatusCode::CREATED, Json(m.into())))
}

/// A reply in thread `id` by either party (administrators only read).
pub(crate) async fn add_reply(
    state: &AppState,
    principal: &Principal,
    id: i64,
    input: &ReplyInput,
) -> ApiResult<Message> {
    let i = interests::get(state.db(), id).await?;
    let offer = offers::get(state.db(), i.offer_id).await?;
    let from_owner = match side(state, principal, &i, &offer).await? {
        Side::Owner => true,
        Side::Interested => false,
        Side::Observer => return Err(ApiError::forbidden()),
    };
    let body = message_text(&input.message)?;
    let lang = message_lang(input.lang.as_deref(), &body)?;
    let other = if from_owner {
        &i.lang
    } else {
        &offer.offer.lang
    };
    Ok(interests::reply(
        state.db(),
        &i,
        from_owner,
        Some(principal.user.id),
        &lang,
        &body,
        other,
    )
    .await?)
}

/// Accept or decline (the owner) or withdraw (the interested party) an open interest.
#[utoipa::path(post, path = "/interests/{id}/decision", tag = "portal", params(("id" = i64, Path)),
    request_body = DecisionInput, security(("token" = [])),
    responses((status = 200, body = InterestOut), (status = 409, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn decide(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<DecisionInput>,
) -> ApiResult<Json<InterestOut>> {
    let (i, offer) = decide_on(&state, &principal, id, input.decision).await?;
    Ok(Json(full(&state, i, &offer).await?))
}

/// Accepts or declines (the owner) or withdraws (the interested party) interest `id`.
pub(crate) async fn decide_on(
    state: &AppState,
    principal: &Principal,
    id: i64,
    decision: Decision,
) -> ApiResult<(Interest, OfferRecord)> {
    let i = interests::get(state.db(), id).await?;
    let offer = offers::get(state.db(), i.offer_id).await?;
    let to = match (side(state, principal, &i, &offer).await?, decision) {
        (Side::Owner, Decision::Accept) => InterestStatus::Accepted,
        (Side::Owner, Decision::Decline) => InterestStatus::Declined,
        (Side::Interested, Decision::Withdraw) => InterestStatus::Withdrawn,
        _ => {
            return Err(ApiError::forbidden()
                .detail("the owner accepts or declines; the interested party may withdraw"));
        }
    };
    let i = interests::decide(state.db(), id, to).await?;
    Ok((i, offer))
}
