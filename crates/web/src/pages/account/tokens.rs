//! `/account/tokens`: the reader's API tokens, listed without their secrets, created (the
//! secret is shown once, on the answer to the form) and revoked. Only one's own tokens.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use klaster_store::auth;
use serde::Deserialize;

use super::overview::signed;
use super::signin::Empty;
use super::{answer, date_of};
use crate::AppState;
use crate::pages::errors::PageError;
use crate::pages::forms::{Field, Posted};
use crate::pages::i18n::Tr;
use crate::pages::lang::Ui;
use crate::pages::{Chrome, Section, render};

/// The longest token name.
const NAME_MAX: usize = 100;

struct Row {
    id: i64,
    name: String,
    created: String,
    /// "Revoked on ...", or none while it works.
    revoked: Option<String>,
}

#[derive(Template)]
#[template(path = "account_tokens.html")]
struct TokensPage {
    chrome: Chrome,
    notice: Option<String>,
    /// The secret of the token just created (shown this once).
    secret: Option<String>,
    csrf: String,
    rows: Vec<Row>,
    name: Field,
}

async fn build(
    state: &AppState,
    ui: &Ui,
    name: Field,
    secret: Option<String>,
) -> Result<TokensPage, PageError> {
    let me = signed(ui)?;
    let tr = Tr::new(ui.lang);
    let rows = auth::list_tokens(state.db(), me.user_id())
        .await?
        .into_iter()
        .map(|t| Row {
            id: t.id,
            name: t.name,
            created: date_of(t.created_at, ui),
            revoked: t
                .revoked_at
                .map(|r| tr.a("am-tokens-revoked-on", &[("date", &date_of(r, ui))])),
        })
        .collect();
    let notice = match ui.param("done") {
        Some("revoked") => Some(tr.t("am-tokens-revoked")),
        _ => None,
    };
    Ok(TokensPage {
        chrome: Chrome::new(state, ui, "am-tokens-title", Section::Account),
        notice,
        secret,
        csrf: ui.csrf().to_string(),
        rows,
        name,
    })
}

fn name_field(ui: &Ui, value: &str, error: Option<String>) -> Field {
    let tr = Tr::new(ui.lang);
    Field::new("name", "text", tr.t("am-tokens-name"))
        .required()
        .value(value)
        .hint(tr.t("am-tokens-name-hint"))
        .error(error)
}

pub async fn page(State(state): State<AppState>, ui: Ui) -> Response {
    let r = build(&state, &ui, name_field(&ui, "", None), None).await;
    answer(&state, &ui, r.map(|p| render(&ui, StatusCode::OK, &p)))
}

#[derive(Debug, Deserialize)]
pub struct NameForm {
    #[serde(default)]
    name: String,
}

/// Creates a token and answers with the list and, once, the new secret.
pub async fn create(
    State(state): State<AppState>,
    Posted { ui, form }: Posted<NameForm>,
) -> Response {
    let r = async {
        let me = signed(&ui)?;
        let name = form.name.trim();
        let tr = Tr::new(ui.lang);
        let error = if name.is_empty() {
            Some(tr.t("am-tokens-name-missing"))
        } else if name.chars().count() > NAME_MAX {
            Some(tr.t("am-tokens-name-long"))
        } else {
            None
        };
        if error.is_some() {
            let p = build(&state, &ui, name_field(&ui, name, error), None).await?;
            return Ok(render(&ui, StatusCode::UNPROCESSABLE_ENTITY, &p));
        }
        let (_, secret) = auth::create_token(state.db(), me.user_id(), name).await?;
        let p = build(&state, &ui, name_field(&ui, "", None), Some(secret)).await?;
        Ok(render(&ui, StatusCode::CREATED, &p))
    }
    .await;
    answer(&state, &ui, r)
}

/// Revokes one of the reader's tokens; another's is "not found".
pub async fn revoke(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, .. }: Posted<Empty>,
) -> Response {
    let r = async {
        let me = signed(&ui)?;
        let mine = auth::list_tokens(state.db(), me.user_id())
            .await?
            .into_iter()
            .any(|t| t.id == id && t.revoked_at.is_none());
        if !mine {
            return Err(PageError::NotFound);
        }
        auth::revoke_token(state.db(), id).await?;
        Ok(Redirect::to("/account/tokens?done=revoked").into_response())
    }
    .await;
    answer(&state, &ui, r)
}
