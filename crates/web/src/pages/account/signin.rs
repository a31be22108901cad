//! `/account/signin` and `/account/signout`. Sign-in is rate limited per address and per
//! client address; an unknown address costs as much time as a wrong password.

use std::net::SocketAddr;

use axum::Extension;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;
use klaster_store::{accounts, sessions};
use serde::Deserialize;

use super::{FormPage, password_ok, safe_next};
use crate::AppState;
use crate::pages::errors::{self, PageError};
use crate::pages::forms::{Field, Posted};
use crate::pages::i18n::Tr;
use crate::pages::lang::Ui;
use crate::pages::session;

/// Failed sign-ins allowed per address, and per client address, within [`WINDOW_MINUTES`].
pub(super) const PER_ADDRESS: i64 = 5;
const PER_CLIENT: i64 = 30;
pub(super) const WINDOW_MINUTES: i64 = 15;

/// The key under which failed password checks of an address are counted.
pub(super) fn attempts_key(email: &str) -> String {
    format!("login:{}", email.trim().to_lowercase())
}

#[derive(Debug, Default, Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// Messages the sign-in page shows after another step (`?done=`).
fn done_key(done: Option<&str>) -> Option<&'static str> {
    match done? {
        "verified" => Some("signin-done-verified"),
        "password" => Some("signin-done-password"),
        "signed-out" => Some("signin-done-signed-out"),
        "deleted" => Some("signin-done-deleted"),
        _ => None,
    }
}

fn page(state: &AppState, ui: &Ui, form: &SignInForm, error: Option<String>) -> FormPage {
    let tr = Tr::new(ui.lang);
    let mut p = FormPage::new(state, ui, "signin-title").fields(vec![
        Field::new("email", "email", tr.t("field-email"))
            .required()
            .autocomplete("username")
            .value(form.email.trim()),
        Field::new("password", "password", tr.t("field-password"))
            .required()
            .autocomplete("current-password"),
    ]);
    p.error = error;
    p.notice = done_key(ui.param("done")).map(|k| tr.t(k));
    p.action = "/account/signin".into();
    if let Some(n) = safe_next(form.next.as_deref()) {
        p.hidden.push(("next".into(), n.to_string()));
    }
    p.submit = Some(tr.t("signin-submit"));
    p.link("/account/forgot", "signin-forgot")
        .link("/account/signup", "signin-no-account")
}

pub async fn form(State(state): State<AppState>, ui: Ui) -> Response {
    let form = SignInForm {
        next: ui.param("next").map(str::to_string),
        ..SignInForm::default()
    };
    if ui.signed.is_some() {
        let to = safe_next(form.next.as_deref()).unwrap_or("/account");
        return Redirect::to(to).into_response();
    }
    page(&state, &ui, &form, None).respond(&ui, StatusCode::OK)
}

enum Outcome {
    In(String),
    Wrong,
    Unverified,
    Limited,
}

pub async fn submit(
    State(state): State<AppState>,
    client: Option<Extension<ConnectInfo<SocketAddr>>>,
    Posted { ui, form }: Posted<SignInForm>,
) -> Response {
    let client = client.map(|c| format!("ip:{}", c.0.0.ip()));
    let outcome = match attempt(&state, &form, client.as_deref()).await {
        Ok(o) => o,
        Err(e) => return errors::page(&state, &ui, e),
    };
    let tr = Tr::new(ui.lang);
    let (status, key) = match outcome {
        Outcome::In(secret) => {
            let to = safe_next(form.next.as_deref()).unwrap_or("/account");
            return session::start(to, &secret, ui.secure);
        }
        Outcome::Wrong => (StatusCode::UNPROCESSABLE_ENTITY, "error-signin"),
        Outcome::Unverified => (StatusCode::UNPROCESSABLE_ENTITY, "error-unverified"),
        Outcome::Limited => (StatusCode::TOO_MANY_REQUESTS, "error-too-many"),
    };
    page(&state, &ui, &form, Some(tr.t(key))).respond(&ui, status)
}

async fn attempt(
    state: &AppState,
    form: &SignInForm,
    client: Option<&str>,
) -> Result<Outcome, PageError> {
    let db = state.db();
    let window = Duration::minutes(WINDOW_MINUTES);
    let address = attempts_key(&form.email);
    if sessions::failures_within(db, &address, window).await? >= PER_ADDRESS {
        return Ok(Outcome::Limited);
    }
    if let Some(c) = client
        && sessions::failures_within(db, c, window).await? >= PER_CLIENT
    {
        return Ok(Outcome::Limited);
    }
    let account = accounts::by_email(db, &form.email).await?;
    let ok = password_ok(account.as_ref(), &form.password).await?;
    let Some(account) = account.filter(|_| ok) else {
        sessions::record_failure(db, &address).await?;
        if let Some(c) = client {
            sessions::record_failure(db, c).await?;
        }
        return Ok(Outcome::Wrong);
    };
    sessions::clear_failures(db, &address).await?;
    if account.email_verified_at.is_none() {
        accounts::queue_mail(db, account.id, "verify").await?;
        return Ok(Outcome::Unverified);
    }
    let (secret, _) = sessions::create(db, account.id, session::idle()).await?;
    Ok(Outcome::In(secret))
}

pub async fn sign_out(State(state): State<AppState>, Posted { ui, .. }: Posted<Empty>) -> Response {
    if let Some(s) = &ui.signed
        && let Err(e) = sessions::delete(state.db(), &s.secret).await
    {
        return errors::page(&state, &ui, e.into());
    }
    session::redirect_setting(
        "/account/signin?done=signed-out",
        &session::clear_session_cookie(ui.secure),
    )
}

pub use crate::pages::forms::Empty;
