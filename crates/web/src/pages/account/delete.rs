//! `/account/delete`: erasure of the reader's account (GDPR article 17), confirmed with the
//! password. The account goes with its sessions, tokens, saved searches and drafts; what the
//! person wrote for their organisation stays with the organisation. Wrong passwords count
//! towards the sign-in limit, so a left-open session cannot be used to guess the password.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Duration;
use klaster_store::{accounts, sessions};
use serde::Deserialize;

use super::overview::signed;
use super::signin::{PER_ADDRESS, WINDOW_MINUTES, attempts_key};
use super::{FormPage, answer, password_ok};
use crate::AppState;
use crate::pages::forms::{Field, Posted};
use crate::pages::i18n::Tr;
use crate::pages::lang::Ui;
use crate::pages::session;

fn page(state: &AppState, ui: &Ui, error: Option<String>) -> FormPage {
    let tr = Tr::new(ui.lang);
    let mut p = FormPage::new(state, ui, "am-delete-title").fields(vec![
        Field::new("password", "password", tr.t("field-password"))
            .required()
            .autocomplete("current-password")
            .error(error),
    ]);
    p.intro = vec![
        tr.t("am-delete-intro"),
        tr.t("am-delete-stays"),
        tr.t("am-delete-export"),
    ];
    p.action = "/account/delete".into();
    p.submit = Some(tr.t("am-delete-submit"));
    p.link("/account/export", "am-export-link")
        .link("/account", "am-back")
}

pub async fn form(State(state): State<AppState>, ui: Ui) -> Response {
    let r = signed(&ui).map(|_| page(&state, &ui, None).respond(&ui, StatusCode::OK));
    answer(&state, &ui, r)
}

#[derive(Debug, Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    password: String,
}

pub async fn submit(
    State(state): State<AppState>,
    Posted { ui, form }: Posted<DeleteForm>,
) -> Response {
    let r = async {
        let me = signed(&ui)?;
        let db = state.db();
        let tr = Tr::new(ui.lang);
        let key = attempts_key(me.email());
        let window = Duration::minutes(WINDOW_MINUTES);
        if sessions::failures_within(db, &key, window).await? >= PER_ADDRESS {
            return Ok(page(&state, &ui, Some(tr.t("error-too-many")))
                .respond(&ui, StatusCode::TOO_MANY_REQUESTS));
        }
        let account = accounts::by_id(db, me.user_id()).await?;
        if !password_ok(Some(&account), &form.password).await? {
            sessions::record_failure(db, &key).await?;
            return Ok(page(&state, &ui, Some(tr.t("am-delete-wrong")))
                .respond(&ui, StatusCode::UNPROCESSABLE_ENTITY));
        }
        accounts::delete(db, account.id).await?;
        sessions::clear_failures(db, &key).await?;
        Ok(session::redirect_setting(
            "/account/signin?done=deleted",
            &session::clear_session_cookie(ui.secure),
        ))
    }
    .await;
    answer(&state, &ui, r)
}
