//! `/account`: who the reader is on the portal (address, role, organisation or cluster) and the
//! language their mails and offers come in.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use klaster_store::{accounts, organisations};
use serde::Deserialize;

use super::{Link, lang_field};
use crate::AppState;
use crate::pages::errors::{self, PageError};
use crate::pages::forms::{Field, Posted};
use crate::pages::i18n::Tr;
use crate::pages::lang::Ui;
use crate::pages::session::Signed;
use crate::pages::{Chrome, Section, render};

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    notice: Option<String>,
    email: String,
    role: String,
    /// The organisation or cluster of the role, linked to its profile.
    scope: Option<(String, Link)>,
    since: String,
    csrf: String,
    lang: Field,
    hint: Option<String>,
    /// The reader's other account pages.
    pages: Vec<Link>,
}

pub async fn page(State(state): State<AppState>, ui: Ui) -> Response {
    match build(&state, &ui, None).await {
        Ok(p) => render(&ui, StatusCode::OK, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}

pub fn signed(ui: &Ui) -> Result<&Signed, PageError> {
    ui.signed.as_ref().ok_or(PageError::SignIn)
}

async fn build(
    state: &AppState,
    ui: &Ui,
    lang_error: Option<String>,
) -> Result<AccountPage, PageError> {
    let me = signed(ui)?;
    let account = accounts::by_id(state.db(), me.user_id()).await?;
    let tr = Tr::new(ui.lang);
    let scope = match (account.role.as_str(), account.scope_id) {
        (role @ ("coordinator" | "org_admin" | "org_member"), Some(id)) => {
            let label = if role == "coordinator" {
                "account-cluster"
            } else {
                "account-organisation"
            };
            let name = organisations::get(state.db(), id)
                .await
                .ok()
                .and_then(|o| o.org.names.first().map(|n| n.text.clone()))
                .unwrap_or_else(|| format!("#{id}"));
            Some((
                tr.t(label),
                Link {
                    href: format!("/directory/{id}"),
                    label: name,
                },
            ))
        }
        _ => None,
    };
    let notice = match ui.param("done") {
        Some("verified") => Some(tr.t("signin-done-verified")),
        Some("lang") => Some(tr.t("account-lang-saved")),
        _ => None,
    };
    Ok(AccountPage {
        chrome: Chrome::new(state, ui, "account-title", Section::Account),
        notice,
        email: account.email.clone(),
        role: tr.t(&format!("role-{}", account.role)),
        scope,
        since: super::date_of(account.created_at, ui),
        csrf: ui.csrf().to_string(),
        lang: lang_field(
            ui,
            account.lang.as_deref().unwrap_or(ui.lang.code()),
            lang_error,
        ),
        hint: (account.role == "visitor").then(|| tr.t("account-join-hint")),
        pages: super::pages_of(&tr, &account.role),
    })
}

#[derive(Debug, Deserialize)]
pub struct LangForm {
    #[serde(default)]
    lang: String,
}

pub async fn save_lang(
    State(state): State<AppState>,
    Posted { ui, form }: Posted<LangForm>,
) -> Response {
    let result = async {
        let me = signed(&ui)?;
        match klaster_translate::Lang::parse(&form.lang) {
            Some(l) => {
                accounts::set_lang(state.db(), me.user_id(), l.code()).await?;
                Ok(None)
            }
            None => Ok(Some(
                build(&state, &ui, Some(Tr::new(ui.lang).t("error-lang"))).await?,
            )),
        }
    }
    .await;
    match result {
        Ok(None) => Redirect::to("/account?done=lang").into_response(),
        Ok(Some(p)) => render(&ui, StatusCode::UNPROCESSABLE_ENTITY, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}
