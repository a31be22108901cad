//! Expressions of interest in the browser: the form on another firm's offer, the list of
//! interests sent and received (`/account/interests`), and one thread (`/interests/{id}`) with
//! each message in the reader's language where a translation exists (the original one click
//! away), a reply form, and the owner's accept/decline. The API's functions decide who may do
//! what; a third party's thread does not exist for them.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use klaster_store::interests::{self, InterestStatus};
use klaster_store::offers;
use serde::Deserialize;

use super::account::FormPage;
use super::errors::{self, PageError};
use super::forms::{Choice, Field, Posted};
use super::i18n::Tr;
use super::lang::Ui;
use super::offer_form::{Errors, language_choices, org_label, own_orgs, refused, signed};
use super::summary::language_name;
use super::{Chrome, Section, render};
use crate::AppState;
use crate::api::interests::{
    Decision, InterestInput, ReplyInput, Side, add_reply, decide_on, express, full, side,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/offers/{id}/interest",
            get(express_form).post(express_submit),
        )
        .route("/account/interests", get(list))
        .route("/interests/{id}", get(thread))
        .route("/interests/{id}/reply", post(reply))
        .route("/interests/{id}/decision", post(decision))
}

/// The reader's organisations that may express interest in an offer of `owner`.
pub(crate) fn interested_orgs(ui: &Ui, owner: i64) -> Vec<i64> {
    ui.signed
        .as_ref()
        .map(own_orgs)
        .unwrap_or_default()
        .into_iter()
        .filter(|o| *o != owner)
        .collect()
}

#[derive(Debug, Default, Deserialize)]
pub struct ExpressForm {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    lang: String,
}

async fn express_page(
    state: &AppState,
    ui: &Ui,
    id: i64,
    form: &ExpressForm,
    errors: &Errors,
    error: Option<String>,
) -> Result<FormPage, PageError> {
    signed(ui)?;
    let rec = offers::get(state.db(), id).await?;
    let orgs = interested_orgs(ui, rec.offer.organisation_id);
    if orgs.is_empty() {
        return Err(PageError::Forbidden);
    }
    let tr = Tr::new(ui.lang);
    let mut options = Vec::new();
    for o in orgs {
        options.push(Choice {
            label: org_label(state, o, ui).await?,
            selected: form.organisation_id == o.to_string(),
            value: o.to_string(),
        });
    }
    let lang = if form.lang.is_empty() {
        ui.lang.code()
    } else {
        form.lang.as_str()
    };
    let mut fields = vec![
        Field::new("organisation_id", "select", tr.t("of-field-organisation")).options(options),
        Field::new("message", "textarea", tr.t("of-field-message"))
            .required()
            .value(form.message.as_str())
            .hint(tr.t("of-hint-message")),
        Field::new("lang", "select", tr.t("of-field-message-lang")).options(language_choices(lang)),
    ];
    errors.apply(&mut fields);
    let mut p = FormPage::new(state, ui, "of-express-title");
    p.chrome.section = Section::Offers;
    p.intro = vec![rec.offer.title.clone(), tr.t("of-express-intro")];
    p.error = error;
    p.submit = Some(tr.t("of-express-submit"));
    p.action = format!("/offers/{id}/interest");
    Ok(p.fields(fields).link(&format!("/offers/{id}"), "of-view"))
}

pub async fn express_form(State(state): State<AppState>, ui: Ui, Path(id): Path<i64>) -> Response {
    let form = ExpressForm::default();
    match express_page(&state, &ui, id, &form, &Errors::default(), None).await {
        Ok(p) => p.respond(&ui, StatusCode::OK),
        Err(e) => errors::page(&state, &ui, e),
    }
}

pub async fn express_submit(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, form }: Posted<ExpressForm>,
) -> Response {
    let s = match signed(&ui) {
        Ok(s) => s,
        Err(e) => return errors::page(&state, &ui, e),
    };
    let tr = Tr::new(ui.lang);
    let input = InterestInput {
        organisation_id: form.organisation_id.trim().parse().unwrap_or(0),
        contact_id: None,
        message: form.message.clone(),
        lang: Some(form.lang.clone()).filter(|l| !l.is_empty()),
    };
    let (status, errors, error) = match express(&state, &s.principal, id, &input).await {
        Ok((i, _)) => return Redirect::to(&format!("/interests/{}", i.id)).into_response(),
        Err(e) => match Errors::of_api(&tr, &e) {
            Some(errs) => (StatusCode::UNPROCESSABLE_ENTITY, errs, None),
            None if e.status() == StatusCode::CONFLICT => (
                StatusCode::CONFLICT,
                Errors::default(),
                Some(tr.t("of-error-not-open")),
            ),
            None => return errors::page(&state, &ui, refused(&e)),
        },
    };
    match express_page(&state, &ui, id, &form, &errors, error).await {
        Ok(p) => p.respond(&ui, status),
        Err(e) => errors::page(&state, &ui, e),
    }
}

pub struct ListRow {
    pub href: String,
    pub offer: String,
    pub offer_lang: String,
    pub party: String,
    pub direction: String,
    pub status: String,
    pub updated: String,
}

#[derive(Template)]
#[template(path = "interests.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<ListRow>,
}

pub async fn list(State(state): State<AppState>, ui: Ui) -> Response {
    let built = async {
        let s = signed(&ui)?;
        let chrome = Chrome::new(&state, &ui, "of-interests-title", Section::Account);
        let tr = chrome.tr;
        let only: Option<i64> = ui.param("offer").and_then(|o| o.parse().ok());
        let mut rows = Vec::new();
        for org in own_orgs(s) {
            for i in interests::for_organisation(state.db(), org).await? {
                if only.is_some_and(|o| o != i.offer_id) {
                    continue;
                }
                let offer = offers::get(state.db(), i.offer_id).await?;
                let sent = i.organisation_id == org;
                let other = if sent {
                    offer.offer.organisation_id
                } else {
                    i.organisation_id
                };
                rows.push(ListRow {
                    href: format!("/interests/{}", i.id),
                    offer: offer.offer.title.clone(),
                    offer_lang: offer.offer.lang.clone(),
                    party: org_label(&state, other, &ui).await?,
                    direction: tr.t(if sent { "of-sent" } else { "of-received" }),
                    status: tr.t(&format!("of-interest-{}", i.status)),
                    updated: super::format::date_time(ui.lang, i.updated_at),
                });
            }
        }
        Ok::<_, PageError>(ListPage { chrome, rows })
    }
    .await;
    match built {
        Ok(p) => render(&ui, StatusCode::OK, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}

pub struct MessageItem {
    pub author: String,
    pub mine: bool,
    pub when: String,
    pub lang: String,
    pub body: String,
    /// How the text shown came to be (a machine translation), and the other version.
    pub mark: Option<String>,
    pub other: Option<(String, String, String)>,
}

pub struct Party {
    pub organisation: String,
    pub contact: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Template)]
#[template(path = "interest.html")]
struct ThreadPage {
    chrome: Chrome,
    id: i64,
    offer_href: String,
    offer_title: String,
    offer_lang: String,
    status: String,
    messages: Vec<MessageItem>,
    introduction: Vec<Party>,
    can_reply: bool,
    decisions: Vec<(&'static str, String)>,
    reply: Vec<Field>,
    csrf: String,
    error: Option<String>,
}

async fn thread_page(
    state: &AppState,
    ui: &Ui,
    id: i64,
    reply_errors: &Errors,
    typed: &ReplyForm,
) -> Result<ThreadPage, PageError> {
    let s = signed(ui)?;
    let i = interests::get(state.db(), id).await?;
    let offer = offers::get(state.db(), i.offer_id).await?;
    let me = side(state, &s.principal, &i, &offer)
        .await
        .map_err(|e| refused(&e))?;
    let owner_name = org_label(state, offer.offer.organisation_id, ui).await?;
    let party_name = org_label(state, i.organisation_id, ui).await?;
    let open = i.status == InterestStatus::Open.as_str();
    let out = full(state, i, &offer).await.map_err(|e| refused(&e))?;
    let mut chrome = Chrome::new(state, ui, "of-thread-title", Section::Account);
    let tr = chrome.tr;
    chrome.title = tr.a("of-thread-heading", &[("offer", &offer.offer.title)]);
    let mine = |from_owner: bool| match me {
        Side::Owner => from_owner,
        Side::Interested => !from_owner,
        Side::Observer => false,
    };
    let messages = out
        .messages
        .unwrap_or_default()
        .into_iter()
        .map(|m| {
            let translated = m
                .translated_body
                .clone()
                .zip(m.translated_lang.clone())
                .filter(|(_, l)| *l == ui.lang.code() && m.lang != ui.lang.code());
            let (lang, body, mark, other) = match translated {
                Some((body, lang)) => (
                    lang,
                    body,
                    Some(tr.t("of-machine-translation")),
                    Some((
                        tr.a(
                            "of-show-original",
                            &[("language", &language_name(&m.lang, ui.lang))],
                        ),
                        m.lang.clone(),
                        m.body.clone(),
                    )),
                ),
                None => (m.lang.clone(), m.body.clone(), None, None),
            };
            MessageItem {
                author: if m.from_owner {
                    owner_name.clone()
                } else {
                    party_name.clone()
                },
                mine: mine(m.from_owner),
                when: super::format::date_time(ui.lang, m.created_at),
                lang,
                body,
                mark,
                other,
            }
        })
        .collect();
    let decisions = match (me, open) {
        (Side::Owner, true) => vec![
            ("accept", tr.t("of-accept")),
            ("decline", tr.t("of-decline")),
        ],
        (Side::Interested, true) => vec![("withdraw", tr.t("of-withdraw-interest"))],
        _ => Vec::new(),
    };
    let mut reply = vec![
        Field::new("message", "textarea", tr.t("of-field-reply"))
            .required()
            .value(typed.message.as_str()),
        Field::new("lang", "select", tr.t("of-field-message-lang")).options(language_choices(
            if typed.lang.is_empty() {
                ui.lang.code()
            } else {
                &typed.lang
            },
        )),
    ];
    reply_errors.apply(&mut reply);
    Ok(ThreadPage {
        id,
        offer_href: format!("/offers/{}", offer.id),
        offer_title: offer.offer.title.clone(),
        offer_lang: offer.offer.lang.clone(),
        status: tr.t(&format!("of-interest-{}", out.status)),
        messages,
        introduction: out
            .introduction
            .into_iter()
            .flatten()
            .map(|p| Party {
                organisation: p.organisation,
                contact: p.contact,
                email: p.email,
                phone: p.phone,
            })
            .collect(),
        can_reply: me != Side::Observer && open,
        decisions,
        reply,
        csrf: ui.csrf().to_string(),
        error: (!reply_errors.is_empty()).then(|| tr.t("form-error-summary")),
        chrome,
    })
}

/// A thread that is not the reader's does not exist for them.
fn hidden(e: PageError) -> PageError {
    if e == PageError::Forbidden {
        PageError::NotFound
    } else {
        e
    }
}

pub async fn thread(State(state): State<AppState>, ui: Ui, Path(id): Path<i64>) -> Response {
    match thread_page(&state, &ui, id, &Errors::default(), &ReplyForm::default()).await {
        Ok(p) => render(&ui, StatusCode::OK, &p),
        Err(e) => errors::page(&state, &ui, hidden(e)),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    message: String,
    #[serde(default)]
    lang: String,
}

pub async fn reply(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, form }: Posted<ReplyForm>,
) -> Response {
    let s = match signed(&ui) {
        Ok(s) => s,
        Err(e) => return errors::page(&state, &ui, e),
    };
    let input = ReplyInput {
        message: form.message.clone(),
        lang: Some(form.lang.clone()).filter(|l| !l.is_empty()),
    };
    let errs = match add_reply(&state, &s.principal, id, &input).await {
        Ok(_) => return Redirect::to(&format!("/interests/{id}")).into_response(),
        Err(e) => match Errors::of_api(&Tr::new(ui.lang), &e) {
            Some(errs) => errs,
            None => return errors::page(&state, &ui, hidden(refused(&e))),
        },
    };
    match thread_page(&state, &ui, id, &errs, &form).await {
        Ok(p) => render(&ui, StatusCode::UNPROCESSABLE_ENTITY, &p),
        Err(e) => errors::page(&state, &ui, hidden(e)),
    }
}

#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
}

pub async fn decision(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, form }: Posted<DecisionForm>,
) -> Response {
    let d = match form.decision.as_str() {
        "accept" => Decision::Accept,
        "decline" => Decision::Decline,
        "withdraw" => Decision::Withdraw,
        _ => return errors::page(&state, &ui, PageError::BadRequest),
    };
    let s = match signed(&ui) {
        Ok(s) => s,
        Err(e) => return errors::page(&state, &ui, e),
    };
    match decide_on(&state, &s.principal, id, d).await {
        Ok(_) => Redirect::to(&format!("/interests/{id}")).into_response(),
        Err(e) if e.status() == StatusCode::FORBIDDEN => {
            errors::page(&state, &ui, PageError::Forbidden)
        }
        Err(e) => errors::page(&state, &ui, hidden(refused(&e))),
    }
}
