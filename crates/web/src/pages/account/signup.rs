//! `/account/signup`: a visitor opens an account; the confirmation link comes by mail. The
//! answer is the same whether or not the address already has an account (the owner of such an
//! address gets a mail saying so), so the form does not reveal who is registered.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;
use klaster_store::{accounts, sessions};
use serde::Deserialize;

use super::{FormPage, lang_field, password_error, password_fields};
use crate::AppState;
use crate::pages::errors::{self, PageError};
use crate::pages::forms::{Field, Posted};
use crate::pages::i18n::Tr;
use crate::pages::lang::Ui;

/// Sign-ups per address per hour (each one sends a mail).
const SIGNUPS_PER_HOUR: i64 = 3;

#[derive(Debug, Default, Deserialize)]
pub struct SignUpForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password2: String,
    #[serde(default)]
    lang: String,
}

fn page(state: &AppState, ui: &Ui, form: &SignUpForm, errors: Errors) -> FormPage {
    let tr = Tr::new(ui.lang);
    let lang = if form.lang.is_empty() {
        ui.lang.code()
    } else {
        form.lang.as_str()
    };
    let [p1, p2] = password_fields(ui, errors.password);
    let mut p = FormPage::new(state, ui, "signup-title").fields(vec![
        Field::new("email", "email", tr.t("field-email"))
            .required()
            .autocomplete("email")
            .value(form.email.trim())
            .error(errors.email),
        p1,
        p2,
        lang_field(ui, lang, errors.lang),
    ]);
    p.intro = vec![tr.t("signup-intro"), tr.t("signup-privacy")];
    p.submit = Some(tr.t("signup-submit"));
    p.link("/account/signin", "signup-have-account")
}

#[derive(Default)]
struct Errors {
    email: Option<String>,
    password: (Option<String>, Option<String>),
    lang: Option<String>,
}

impl Errors {
    fn any(&self) -> bool {
        self.email.is_some()
            || self.password.0.is_some()
            || self.password.1.is_some()
            || self.lang.is_some()
    }
}

pub async fn form(State(state): State<AppState>, ui: Ui) -> Response {
    if ui.signed.is_some() {
        return Redirect::to("/account").into_response();
    }
    page(&state, &ui, &SignUpForm::default(), Errors::default()).respond(&ui, StatusCode::OK)
}

fn check(ui: &Ui, f: &SignUpForm) -> Errors {
    let tr = Tr::new(ui.lang);
    Errors {
        email: klaster_domain::email_address("email", Some(f.email.clone()))
            .is_err()
            .then(|| tr.t("error-email")),
        password: password_error(ui, &f.password, &f.password2, &f.email),
        lang: klaster_translate::Lang::parse(&f.lang)
            .is_none()
            .then(|| tr.t("error-lang")),
    }
}

pub async fn submit(
    State(state): State<AppState>,
    Posted { ui, form }: Posted<SignUpForm>,
) -> Response {
    let errors = check(&ui, &form);
    if errors.any() {
        return page(&state, &ui, &form, errors).respond(&ui, StatusCode::UNPROCESSABLE_ENTITY);
    }
    match register(&state, &form).await {
        Ok(()) => Redirect::to("/account/check-mail").into_response(),
        Err(e) => errors::page(&state, &ui, e),
    }
}

async fn register(state: &AppState, form: &SignUpForm) -> Result<(), PageError> {
    let key = format!("signup:{}", form.email.trim().to_lowercase());
    // Over the limit the answer looks the same; only no more mail goes out.
    if sessions::failures_within(state.db(), &key, Duration::hours(1)).await? >= SIGNUPS_PER_HOUR {
        tracing::warn!("sign-up limit reached for an address");
        return Ok(());
    }
    sessions::record_failure(state.db(), &key).await?;
    match accounts::sign_up(state.db(), &form.email, &form.password, &form.lang).await {
        Ok(_) => Ok(()),
        // two sign-ups of one address at once: the other one won
        Err(klaster_store::StoreError::Conflict(_)) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

pub async fn check_mail(State(state): State<AppState>, ui: Ui) -> Response {
    let mut p = FormPage::new(&state, &ui, "check-mail-title");
    p.intro = vec![p.t("check-mail-text"), p.t("check-mail-spam")];
    p.respond(&ui, StatusCode::OK)
}
