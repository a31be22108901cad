//! `/account/organisation`, for the administrators of an organisation: its people (address and
//! role), adding a person by address (a new account gets a mail for setting its password),
//! making a person an administrator or a member, and removing a person from the organisation
//! (they keep their account, as a visitor). Only people of the reader's own organisation are
//! ever touched, and the organisation always keeps at least one administrator.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use klaster_store::accounts::{self, Account};
use klaster_store::{auth, organisations};
use serde::Deserialize;

use super::overview::signed;
use super::signin::Empty;
use super::{answer, date_of};
use crate::AppState;
use crate::pages::errors::PageError;
use crate::pages::forms::{Choice, Field, Posted};
use crate::pages::i18n::Tr;
use crate::pages::lang::Ui;
use crate::pages::session::Signed;
use crate::pages::{Chrome, Section, render};

/// The roles a person of an organisation may have.
const ORG_ROLES: [&str; 2] = ["org_member", "org_admin"];

/// The organisation the reader administers, or "forbidden".
fn administered(ui: &Ui) -> Result<(&Signed, i64), PageError> {
    let me = signed(ui)?;
    let user = &me.principal.user;
    match user.scope_id {
        Some(org) if user.role == "org_admin" && me.principal.rights.is_org_admin_of(org) => {
            Ok((me, org))
        }
        _ => Err(PageError::Forbidden),
    }
}

struct Person {
    id: i64,
    email: String,
    /// The label of the role select ("Role of ...").
    role_label: String,
    since: String,
    /// Not yet confirmed (an invited person who has not set a password).
    pending: bool,
    me: bool,
    roles: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "account_organisation.html")]
struct OrganisationPage {
    chrome: Chrome,
    notice: Option<String>,
    error: Option<String>,
    name: String,
    csrf: String,
    people: Vec<Person>,
    email: Field,
}

/// The choice of role of a person whose role is `role`.
fn role_choices(tr: &Tr, role: &str) -> Vec<Choice> {
    ORG_ROLES
        .iter()
        .map(|r| Choice {
            value: (*r).to_string(),
            label: tr.t(&format!("role-{r}")),
            selected: *r == role,
        })
        .collect()
}

async fn build(
    state: &AppState,
    ui: &Ui,
    email: Field,
    error: Option<String>,
) -> Result<OrganisationPage, PageError> {
    let (me, org) = administered(ui)?;
    let tr = Tr::new(ui.lang);
    let name = organisations::get(state.db(), org)
        .await
        .ok()
        .and_then(|o| o.org.names.first().map(|n| n.text.clone()))
        .unwrap_or_else(|| format!("#{org}"));
    let people = accounts::of_organisation(state.db(), org)
        .await?
        .into_iter()
        .map(|a| Person {
            roles: role_choices(&tr, &a.role),
            role_label: tr.a("am-org-role-of", &[("email", &a.email)]),
            since: date_of(a.created_at, ui),
            pending: a.email_verified_at.is_none(),
            me: a.id == me.user_id(),
            id: a.id,
            email: a.email,
        })
        .collect();
    let notice = match ui.param("done") {
        Some(d @ ("added" | "invited" | "role" | "removed")) => Some(tr.t(&format!("am-org-{d}"))),
        _ => None,
    };
    Ok(OrganisationPage {
        chrome: Chrome::new(state, ui, "am-org-title", Section::Account),
        notice,
        error,
        name,
        csrf: ui.csrf().to_string(),
        people,
        email,
    })
}

fn email_field(ui: &Ui, value: &str, error: Option<String>) -> Field {
    let tr = Tr::new(ui.lang);
    Field::new("email", "email", tr.t("field-email"))
        .required()
        .value(value)
        .hint(tr.t("am-org-add-hint"))
        .error(error)
}

pub async fn page(State(state): State<AppState>, ui: Ui) -> Response {
    let r = build(&state, &ui, email_field(&ui, "", None), None).await;
    answer(&state, &ui, r.map(|p| render(&ui, StatusCode::OK, &p)))
}

#[derive(Debug, Deserialize)]
pub struct AddForm {
    #[serde(default)]
    email: String,
}

/// Adds a person by address: a new account (unconfirmed, with a mail for setting its
/// password), or a visitor's account; a person of another organisation or with another role is
/// left alone.
pub async fn add(State(state): State<AppState>, Posted { ui, form }: Posted<AddForm>) -> Response {
    let r = async {
        let (_, org) = administered(&ui)?;
        let db = state.db();
        let tr = Tr::new(ui.lang);
        let email = form.email.trim();
        let outcome = if klaster_domain::email_address("email", Some(email.to_string())).is_err() {
            Err("error-email")
        } else {
            match accounts::by_email(db, email).await? {
                None => {
                    let user = auth::create_user(db, email, None, "org_member", Some(org)).await?;
                    accounts::set_lang(db, user.id, ui.lang.code()).await?;
                    accounts::queue_mail(db, user.id, "reset").await?;
                    Ok("invited")
                }
                Some(a) if in_org(&a, org) => Err("am-org-already"),
                Some(a) if a.role == "visitor" => {
                    accounts::set_role(db, a.id, "org_member", Some(org)).await?;
                    Ok("added")
                }
                Some(_) => Err("am-org-taken"),
            }
        };
        match outcome {
            Ok(done) => {
                Ok(Redirect::to(&format!("/account/organisation?done={done}")).into_response())
            }
            Err(key) => {
                let field = email_field(&ui, email, Some(tr.t(key)));
                let p = build(&state, &ui, field, None).await?;
                Ok(render(&ui, StatusCode::UNPROCESSABLE_ENTITY, &p))
            }
        }
    }
    .await;
    answer(&state, &ui, r)
}

fn in_org(a: &Account, org: i64) -> bool {
    a.scope_id == Some(org) && ORG_ROLES.contains(&a.role.as_str())
}

/// Person `id` of organisation `org`, or "not found" (people of other organisations are not
/// there for this reader).
async fn person(state: &AppState, org: i64, id: i64) -> Result<Account, PageError> {
    match accounts::by_id(state.db(), id).await {
        Ok(a) if in_org(&a, org) => Ok(a),
        Ok(_) | Err(klaster_store::StoreError::NotFound) => Err(PageError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// Whether `org` keeps an administrator when `leaving` stops being one.
async fn keeps_an_admin(state: &AppState, org: i64, leaving: &Account) -> Result<bool, PageError> {
    if leaving.role != "org_admin" {
        return Ok(true);
    }
    Ok(accounts::of_organisation(state.db(), org)
        .await?
        .iter()
        .any(|a| a.role == "org_admin" && a.id != leaving.id))
}

/// The answer to a change the organisation's last administrator would not survive.
async fn last_admin(state: &AppState, ui: &Ui) -> Result<Response, PageError> {
    let tr = Tr::new(ui.lang);
    let p = build(
        state,
        ui,
        email_field(ui, "", None),
        Some(tr.t("am-org-last-admin")),
    )
    .await?;
    Ok(render(ui, StatusCode::CONFLICT, &p))
}

/// Where the reader goes after a change: back to the list, or to their account page when
/// they are no longer its administrator.
fn back(me: &Signed, id: i64, still_admin: bool, done: &str) -> Response {
    if me.user_id() == id && !still_admin {
        Redirect::to("/account").into_response()
    } else {
        Redirect::to(&format!("/account/organisation?done={done}")).into_response()
    }
}

#[derive(Debug, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

pub async fn set_role(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, form }: Posted<RoleForm>,
) -> Response {
    let r = async {
        let (me, org) = administered(&ui)?;
        let target = person(&state, org, id).await?;
        if !ORG_ROLES.contains(&form.role.as_str()) {
            return Err(PageError::BadRequest);
        }
        if form.role != "org_admin" && !keeps_an_admin(&state, org, &target).await? {
            return last_admin(&state, &ui).await;
        }
        accounts::set_role(state.db(), id, &form.role, Some(org)).await?;
        Ok(back(me, id, form.role == "org_admin", "role"))
    }
    .await;
    answer(&state, &ui, r)
}

pub async fn remove(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, .. }: Posted<Empty>,
) -> Response {
    let r = async {
        let (me, org) = administered(&ui)?;
        let target = person(&state, org, id).await?;
        if !keeps_an_admin(&state, org, &target).await? {
            return last_admin(&state, &ui).await;
        }
        accounts::set_role(state.db(), id, "visitor", None).await?;
        Ok(back(me, id, false, "removed"))
    }
    .await;
    answer(&state, &ui, r)
}
