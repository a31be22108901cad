//! The pages mailed links open: `/account/verify` (confirm the address; a button, so a mail
//! scanner fetching the link confirms nothing) and `/account/reset` (a new password), and
//! `/account/forgot`, which mails the reset link.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;
use klaster_store::accounts::{self, Purpose};
use klaster_store::sessions;
use serde::Deserialize;

use super::{FormPage, password_error, password_fields};
use crate::AppState;
use crate::pages::errors::{self, PageError};
use crate::pages::forms::{Field, Posted};
use crate::pages::i18n::Tr;
use crate::pages::lang::Ui;
use crate::pages::session;

/// Reset mails per address per hour.
const RESETS_PER_HOUR: i64 = 3;

#[derive(Debug, Default, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password2: String,
}

/// The page of a link that is unknown, used or expired, with the way on.
fn dead_link(state: &AppState, ui: &Ui, purpose: Purpose) -> Response {
    let (title, text, on) = match purpose {
        Purpose::Verify => (
            "verify-invalid-title",
            "verify-invalid-text",
            ("/account/signin", "signin-title"),
        ),
        Purpose::Reset => (
            "reset-invalid-title",
            "reset-invalid-text",
            ("/account/forgot", "forgot-title"),
        ),
    };
    let mut p = FormPage::new(state, ui, title);
    p.intro = vec![p.t(text)];
    p.link(on.0, on.1).respond(ui, StatusCode::NOT_FOUND)
}

/// The account a link (still) works for.
async fn holder(
    state: &AppState,
    token: &str,
    purpose: Purpose,
) -> Result<Option<accounts::Account>, PageError> {
    match accounts::peek(state.db(), token, purpose).await? {
        Some(id) => Ok(Some(accounts::by_id(state.db(), id).await?)),
        None => Ok(None),
    }
}

pub async fn verify_form(State(state): State<AppState>, ui: Ui) -> Response {
    let token = ui.param("token").unwrap_or("").to_string();
    let account = match holder(&state, &token, Purpose::Verify).await {
        Ok(Some(a)) => a,
        Ok(None) => {
            return dead_link(&state, &ui, Purpose::Verify);
        }
        Err(e) => return errors::page(&state, &ui, e),
    };
    let tr = Tr::new(ui.lang);
    let mut p = FormPage::new(&state, &ui, "verify-title");
    p.intro = vec![tr.a("verify-text", &[("email", &account.email)])];
    p.action = "/account/verify".into();
    p.hidden.push(("token".into(), token));
    p.submit = Some(tr.t("verify-submit"));
    p.respond(&ui, StatusCode::OK)
}

/// Confirms the address and signs the holder in (opening the link proved the mailbox is theirs).
pub async fn verify(
    State(state): State<AppState>,
    Posted { ui, form }: Posted<TokenForm>,
) -> Response {
    let user = match accounts::redeem(state.db(), &form.token, Purpose::Verify).await {
        Ok(Some(id)) => id,
        Ok(None) => {
            return dead_link(&state, &ui, Purpose::Verify);
        }
        Err(e) => return errors::page(&state, &ui, e.into()),
    };
    let signed_in = async {
        accounts::mark_verified(state.db(), user).await?;
        sessions::create(state.db(), user, session::idle()).await
    }
    .await;
    match signed_in {
        Ok((secret, _)) => session::start("/account?done=verified", &secret, ui.secure),
        Err(e) => errors::page(&state, &ui, e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

fn forgot_page(state: &AppState, ui: &Ui, email: &str, error: Option<String>) -> FormPage {
    let tr = Tr::new(ui.lang);
    let mut p = FormPage::new(state, ui, "forgot-title").fields(vec![
        Field::new("email", "email", tr.t("field-email"))
            .required()
            .autocomplete("email")
            .value(email.trim())
            .error(error),
    ]);
    p.intro = vec![tr.t("forgot-intro")];
    p.submit = Some(tr.t("forgot-submit"));
    p
}

pub async fn forgot_form(State(state): State<AppState>, ui: Ui) -> Response {
    forgot_page(&state, &ui, "", None).respond(&ui, StatusCode::OK)
}

/// Mails a reset link if the address has an account; the answer is the same either way.
pub async fn forgot(
    State(state): State<AppState>,
    Posted { ui, form }: Posted<ForgotForm>,
) -> Response {
    let tr = Tr::new(ui.lang);
    if klaster_domain::email_address("email", Some(form.email.clone())).is_err() {
        return forgot_page(&state, &ui, &form.email, Some(tr.t("error-email")))
            .respond(&ui, StatusCode::UNPROCESSABLE_ENTITY);
    }
    if let Err(e) = send_reset(&state, &form.email).await {
        return errors::page(&state, &ui, e);
    }
    let mut p = forgot_page(&state, &ui, "", None);
    p.notice = Some(tr.t("forgot-sent"));
    p.respond(&ui, StatusCode::OK)
}

async fn send_reset(state: &AppState, email: &str) -> Result<(), PageError> {
    let db = state.db();
    let key = format!("reset:{}", email.trim().to_lowercase());
    if sessions::failures_within(db, &key, Duration::hours(1)).await? >= RESETS_PER_HOUR {
        return Ok(());
    }
    sessions::record_failure(db, &key).await?;
    if let Some(a) = accounts::by_email(db, email).await? {
        accounts::queue_mail(db, a.id, "reset").await?;
    }
    Ok(())
}

fn reset_page(
    state: &AppState,
    ui: &Ui,
    email: &str,
    token: &str,
    errors: (Option<String>, Option<String>),
) -> FormPage {
    let tr = Tr::new(ui.lang);
    let mut p = FormPage::new(state, ui, "reset-title").fields(password_fields(ui, errors).into());
    p.intro = vec![tr.a("reset-intro", &[("email", email)])];
    p.action = "/account/reset".into();
    p.hidden.push(("token".into(), token.to_string()));
    p.submit = Some(tr.t("reset-submit"));
    p
}

pub async fn reset_form(State(state): State<AppState>, ui: Ui) -> Response {
    let token = ui.param("token").unwrap_or("").to_string();
    match holder(&state, &token, Purpose::Reset).await {
        Ok(Some(a)) => {
            reset_page(&state, &ui, &a.email, &token, (None, None)).respond(&ui, StatusCode::OK)
        }
        Ok(None) => dead_link(&state, &ui, Purpose::Reset),
        Err(e) => errors::page(&state, &ui, e),
    }
}

/// Sets the new password (the link is used only when the password is acceptable) and sends
/// the holder to sign in with it; every session of theirs ends.
pub async fn reset(
    State(state): State<AppState>,
    Posted { ui, form }: Posted<TokenForm>,
) -> Response {
    let account = match holder(&state, &form.token, Purpose::Reset).await {
        Ok(Some(a)) => a,
        Ok(None) => {
            return dead_link(&state, &ui, Purpose::Reset);
        }
        Err(e) => return errors::page(&state, &ui, e),
    };
    let errors = password_error(&ui, &form.password, &form.password2, &account.email);
    if errors.0.is_some() || errors.1.is_some() {
        return reset_page(&state, &ui, &account.email, &form.token, errors)
            .respond(&ui, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let done = async {
        if accounts::redeem(state.db(), &form.token, Purpose::Reset).await? != Some(account.id) {
            return Ok(false);
        }
        accounts::set_password(state.db(), account.id, &form.password).await?;
        // the mailbox is proven: a reset also confirms the address
        accounts::mark_verified(state.db(), account.id).await?;
        Ok::<_, klaster_store::StoreError>(true)
    }
    .await;
    match done {
        Ok(true) => Redirect::to("/account/signin?done=password").into_response(),
        Ok(false) => dead_link(&state, &ui, Purpose::Reset),
        Err(e) => errors::page(&state, &ui, e.into()),
    }
}
