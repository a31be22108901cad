//! `/directory/{id}/manage`: a cluster's coordinator (or an administrator) keeps the cluster
//! up to date in the browser: its members (role, leaving, adding an organisation found by
//! name) and its statuses such as Key National Cluster (a grant, a recertification, deleting
//! a mistake). Every change goes through the API's own functions, so the rights and checks
//! are the API's; the public profile shows the result and its history.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use klaster_domain::{
    ClusterProfile, ClusterProfileInput, ClusterStatusInput, ClusterStatusKind, MembershipInput,
    MembershipRole,
};
use klaster_store::directory;
use klaster_store::organisations::{self as orgs, Filter, Page, Sort};
use serde::Deserialize;

use super::cluster::{StatusItem, status_item};
use super::profile::display_name;
use super::{Named, org_href};
use crate::api::clusters::{self as api, cluster_out, cluster_record};
use crate::api::enum_str;
use crate::extract::{ApiJson, Principal};
use crate::pages::errors::{self, PageError};
use crate::pages::forms::{Choice, Empty, Field, Posted, date_value, first_error};
use crate::pages::i18n::Tr;
use crate::pages::lang::Ui;
use crate::pages::offer_form::{Errors, refused};
use crate::pages::{Chrome, Section, render};
use crate::{ApiError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/directory/{id}/manage", get(page))
        .route("/directory/{id}/members", post(add_member))
        .route("/directory/{id}/statuses", post(add_status))
        .route("/directory/{id}/profile", post(save_profile))
        .route("/memberships/{id}", post(save_member))
        .route("/statuses/{id}", post(recertify))
        .route("/statuses/{id}/delete", post(delete_status))
}

const ROLES: [MembershipRole; 3] = [
    MembershipRole::Member,
    MembershipRole::FoundingMember,
    MembershipRole::Coordinator,
];

/// How many organisations a search for a new member shows.
const FOUND_MAX: usize = 10;

/// The reader, when they may manage cluster `id`.
fn manager(ui: &Ui, id: i64) -> Result<&Principal, PageError> {
    let me = ui.signed.as_ref().ok_or(PageError::SignIn)?;
    if me.principal.rights.may_manage_cluster_members(id) {
        Ok(&me.principal)
    } else {
        Err(PageError::Forbidden)
    }
}

struct MemberRow {
    id: i64,
    name: String,
    href: String,
    joined: String,
    roles: Vec<Choice>,
    /// The labels of the row's inputs, naming the member.
    role_label: String,
    left_label: String,
}

struct Candidate {
    id: i64,
    name: Named,
    href: String,
}

#[derive(Template)]
#[template(path = "cluster_manage.html")]
struct ManagePage {
    chrome: Chrome,
    csrf: String,
    id: i64,
    profile_href: String,
    notice: Option<String>,
    error: Option<String>,
    members: Vec<MemberRow>,
    find: String,
    /// `None` until the reader searches.
    found: Option<Vec<Candidate>>,
    new_roles: Vec<Choice>,
    statuses: Vec<StatusItem>,
    status_fields: Vec<Field>,
    profile_fields: Vec<Field>,
    /// The first field with an error, linked from the top of the page.
    status_invalid: Option<Field>,
    /// Today as a date input's value (the default of joining and recertifying).
    today: String,
}

fn role_choices(tr: &Tr, current: MembershipRole) -> Vec<Choice> {
    ROLES
        .iter()
        .map(|r| Choice {
            value: enum_str(*r),
            label: tr.t(&format!("dir-role-{}", enum_str(*r))),
            selected: *r == current,
        })
        .collect()
}

/// What the new-status form sends.
#[derive(Debug, Default, Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    label: String,
    #[serde(default)]
    granted_on: String,
    #[serde(default)]
    valid_until: String,
    #[serde(default)]
    recertified_on: String,
    #[serde(default)]
    granted_by: String,
    #[serde(default)]
    note: String,
}

fn status_fields(tr: &Tr, f: &StatusForm) -> Vec<Field> {
    let kinds = [
        ClusterStatusKind::KeyNationalCluster,
        ClusterStatusKind::Other,
    ]
    .iter()
    .map(|k| Choice {
        value: enum_str(*k),
        label: tr.t(&format!("cm-kind-{}", enum_str(*k))),
        selected: enum_str(*k) == f.kind,
    })
    .collect();
    vec![
        Field::new("kind", "select", tr.t("cm-status-kind"))
            .required()
            .options(kinds),
        Field::new("label", "text", tr.t("cm-status-label"))
            .value(&f.label)
            .hint(tr.t("cm-status-label-hint")),
        Field::new("granted_on", "date", tr.t("dir-status-granted"))
            .required()
            .value(&f.granted_on),
        Field::new("valid_until", "date", tr.t("dir-status-valid-until")).value(&f.valid_until),
        Field::new("recertified_on", "date", tr.t("dir-status-recertified"))
            .value(&f.recertified_on),
        Field::new("granted_by", "text", tr.t("dir-status-granted-by"))
            .value(&f.granted_by)
            .hint(tr.t("cm-status-granted-by-hint")),
        Field::new("note", "textarea", tr.t("dir-status-note")).value(&f.note),
    ]
}

/// The two forms of fields: a new status, and the cluster's profile (`None`: as stored).
struct Forms {
    status: Vec<Field>,
    profile: Option<Vec<Field>>,
}

impl Forms {
    fn empty(tr: &Tr) -> Self {
        Forms {
            status: status_fields(tr, &StatusForm::default()),
            profile: None,
        }
    }
}

/// What the cluster-profile form sends: codes separated by commas or spaces.
#[derive(Debug, Default, Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    branches: String,
    #[serde(default)]
    regions: String,
    #[serde(default)]
    requires_offer_review: Option<String>,
}

impl ProfileForm {
    fn of(p: &ClusterProfile) -> Self {
        ProfileForm {
            branches: p.branches.join(", "),
            regions: p.regions.join(", "),
            requires_offer_review: p.requires_offer_review.then(|| "on".to_string()),
        }
    }

    fn input(&self) -> ClusterProfileInput {
        let codes = |s: &str| {
            s.split([',', ';', ' ', '\n'])
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(String::from)
                .collect()
        };
        ClusterProfileInput {
            branches: codes(&self.branches),
            regions: codes(&self.regions),
            requires_offer_review: self.requires_offer_review.is_some(),
        }
    }
}

fn profile_fields(tr: &Tr, f: &ProfileForm) -> Vec<Field> {
    vec![
        Field::new("branches", "text", tr.t("dir-cluster-branches"))
            .value(&f.branches)
            .hint(tr.t("cm-branches-hint")),
        Field::new("regions", "text", tr.t("dir-cluster-regions"))
            .value(&f.regions)
            .hint(tr.t("cm-regions-hint")),
        Field::new(
            "requires_offer_review",
            "checkbox",
            tr.t("cm-requires-review"),
        )
        .value(f.requires_offer_review.as_deref().unwrap_or(""))
        .hint(tr.t("cm-requires-review-hint")),
    ]
}

async fn build(
    state: &AppState,
    ui: &Ui,
    id: i64,
    forms: Forms,
    error: Option<String>,
) -> Result<ManagePage, PageError> {
    manager(ui, id)?;
    let rec = cluster_record(state, id).await.map_err(|e| refused(&e))?;
    let tr = Tr::new(ui.lang);
    let lang = ui.lang;
    let date = |d| klaster_translate::render::date(d, lang);
    let mut chrome = Chrome::new(state, ui, "cm-title", Section::Directory);
    chrome.title = tr.a("cm-title-of", &[("name", &Named::of(&rec.org, lang).text)]);

    let c = cluster_out(state, rec, true)
        .await
        .map_err(|e| refused(&e))?;
    let current: Vec<_> = c
        .members
        .unwrap_or_default()
        .into_iter()
        .filter(|m| m.left_on.is_none())
        .collect();
    let ids: Vec<i64> = current.iter().map(|m| m.organisation_id).collect();
    let recs = orgs::get_many(state.db(), &ids).await?;
    let members = current
        .iter()
        .map(|m| {
            let name = display_name(&recs, m.organisation_id, lang).unwrap_or(m.name.clone());
            MemberRow {
                id: m.id,
                role_label: tr.a("cm-role-of", &[("name", &name)]),
                left_label: tr.a("cm-left-of", &[("name", &name)]),
                name,
                href: org_href(m.organisation_id),
                joined: date(m.joined_on),
                roles: role_choices(&tr, m.role),
            }
        })
        .collect();

    let find = ui.param("find").unwrap_or("").trim().to_string();
    let found = if find.is_empty() {
        None
    } else {
        let filter = Filter {
            name: Some(klaster_domain::text::fold(&find)),
            ..Filter::default()
        };
        let page = Page {
            sort: Sort::Name,
            after: None,
            limit: (FOUND_MAX + ids.len() + 1) as i64,
        };
        Some(
            orgs::list(state.db(), &filter, &page)
                .await?
                .into_iter()
                .filter(|r| r.id != id && !ids.contains(&r.id))
                .take(FOUND_MAX)
                .map(|r| Candidate {
                    id: r.id,
                    name: Named::of(&r.org, lang),
                    href: org_href(r.id),
                })
                .collect(),
        )
    };

    let statuses = c
        .statuses
        .iter()
        .map(|s| status_item(&tr, lang, s))
        .collect();
    let notice = match ui.param("done") {
        Some(
            d @ ("member-added" | "member-saved" | "member-ended" | "profile-saved"
            | "status-added" | "status-saved" | "status-deleted"),
        ) => Some(tr.t(&format!("cm-done-{d}"))),
        _ => None,
    };
    Ok(ManagePage {
        csrf: ui.csrf().to_string(),
        id,
        profile_href: org_href(id),
        notice,
        error,
        members,
        find,
        found,
        new_roles: role_choices(&tr, MembershipRole::Member),
        statuses,
        status_invalid: first_error(&forms.status)
            .or_else(|| first_error(forms.profile.as_deref().unwrap_or_default()))
            .cloned(),
        profile_fields: forms.profile.unwrap_or_else(|| {
            profile_fields(&tr, &ProfileForm::of(&c.profile.unwrap_or_default()))
        }),
        status_fields: forms.status,
        today: chrono::Utc::now()
            .date_naive()
            .format("%Y-%m-%d")
            .to_string(),
        chrome,
    })
}

pub async fn page(State(state): State<AppState>, ui: Ui, Path(id): Path<i64>) -> Response {
    let tr = Tr::new(ui.lang);
    match build(&state, &ui, id, Forms::empty(&tr), None).await {
        Ok(p) => render(&ui, StatusCode::OK, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}

fn done(cluster: i64, what: &str) -> Response {
    Redirect::to(&format!("/directory/{cluster}/manage?done={what}")).into_response()
}

/// The page again with a message at the top (a refusal the reader can put right).
async fn again(
    state: &AppState,
    ui: &Ui,
    cluster: i64,
    status: StatusCode,
    message: String,
) -> Result<Response, PageError> {
    let forms = Forms::empty(&Tr::new(ui.lang));
    let p = build(state, ui, cluster, forms, Some(message)).await?;
    Ok(render(ui, status, &p))
}

/// A refusal of the API: field errors as one message at the top of the page, a conflict in
/// its own words, anything else as an error page.
async fn refusal(
    state: &AppState,
    ui: &Ui,
    cluster: i64,
    e: ApiError,
    conflict_key: &str,
) -> Result<Response, PageError> {
    let tr = Tr::new(ui.lang);
    if let Some(errs) = Errors::of_api(&tr, &e) {
        let text = errs.0.into_values().collect::<Vec<_>>().join(" ");
        return again(state, ui, cluster, StatusCode::UNPROCESSABLE_ENTITY, text).await;
    }
    if e.status() == StatusCode::CONFLICT {
        return again(state, ui, cluster, StatusCode::CONFLICT, tr.t(conflict_key)).await;
    }
    Err(refused(&e))
}

fn answer(state: &AppState, ui: &Ui, r: Result<Response, PageError>) -> Response {
    r.unwrap_or_else(|e| errors::page(state, ui, e))
}

/// A role as the forms send it; anything else is a forged form.
fn role_of(s: &str) -> Result<MembershipRole, PageError> {
    ROLES
        .into_iter()
        .find(|r| enum_str(*r) == s)
        .ok_or(PageError::BadRequest)
}

#[derive(Debug, Deserialize)]
pub struct AddForm {
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    joined_on: String,
}

pub async fn add_member(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, form }: Posted<AddForm>,
) -> Response {
    let r = async {
        let who = manager(&ui, id)?.clone();
        let tr = Tr::new(ui.lang);
        let org = form
            .organisation_id
            .trim()
            .parse()
            .map_err(|_| PageError::BadRequest)?;
        let Ok(Some(joined_on)) = date_value(&form.joined_on) else {
            let message = tr.t("cm-error-joined");
            return again(&state, &ui, id, StatusCode::UNPROCESSABLE_ENTITY, message).await;
        };
        let input = MembershipInput {
            organisation_id: org,
            role: role_of(&form.role)?,
            joined_on,
            left_on: None,
        };
        match api::add_member(State(state.clone()), who, Path(id), ApiJson(input)).await {
            Ok(_) => Ok(done(id, "member-added")),
            Err(e) => refusal(&state, &ui, id, e, "cm-error-already-member").await,
        }
    }
    .await;
    answer(&state, &ui, r)
}

#[derive(Debug, Deserialize)]
pub struct MemberForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    left_on: String,
}

/// Saves a member's role, or records that they left (the date of leaving).
pub async fn save_member(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, form }: Posted<MemberForm>,
) -> Response {
    let r = async {
        let m = directory::membership(state.db(), id).await?;
        let who = manager(&ui, m.cluster_id)?.clone();
        let Ok(left_on) = date_value(&form.left_on) else {
            let message = Tr::new(ui.lang).t("cm-error-left");
            return again(
                &state,
                &ui,
                m.cluster_id,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
            )
            .await;
        };
        let input = MembershipInput {
            organisation_id: m.organisation_id,
            role: role_of(&form.role)?,
            joined_on: m.joined_on,
            left_on,
        };
        match api::update_member(State(state.clone()), who, Path(id), ApiJson(input)).await {
            Ok(_) if left_on.is_some() => Ok(done(m.cluster_id, "member-ended")),
            Ok(_) => Ok(done(m.cluster_id, "member-saved")),
            Err(e) => refusal(&state, &ui, m.cluster_id, e, "cm-error-already-member").await,
        }
    }
    .await;
    answer(&state, &ui, r)
}

/// The status input a form makes, or the messages of the fields that are not even dates.
fn status_input(tr: &Tr, f: &StatusForm) -> Result<ClusterStatusInput, Errors> {
    let mut errs = Errors::default();
    let mut date = |name: &str, value: &str| {
        date_value(value).unwrap_or_else(|()| {
            errs.add(tr, name, "not_a_date");
            None
        })
    };
    let granted_on = date("granted_on", &f.granted_on);
    let valid_until = date("valid_until", &f.valid_until);
    let recertified_on = date("recertified_on", &f.recertified_on);
    let kind = match f.kind.as_str() {
        "other" => ClusterStatusKind::Other,
        _ => ClusterStatusKind::KeyNationalCluster,
    };
    let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    match granted_on {
        Some(granted_on) if errs.is_empty() => Ok(ClusterStatusInput {
            kind,
            label: opt(&f.label),
            granted_on,
            valid_until,
            recertified_on,
            granted_by: opt(&f.granted_by),
            note: opt(&f.note),
        }),
        _ => {
            if f.granted_on.trim().is_empty() {
                errs.add(tr, "granted_on", "required");
            }
            Err(errs)
        }
    }
}

pub async fn add_status(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, form }: Posted<StatusForm>,
) -> Response {
    let r = async {
        let who = manager(&ui, id)?.clone();
        let tr = Tr::new(ui.lang);
        let outcome = match status_input(&tr, &form) {
            Ok(input) => api::add_status(State(state.clone()), who, Path(id), ApiJson(input))
                .await
                .map(|_| ())
                .map_err(|e| Errors::of_api(&tr, &e).ok_or(e)),
            Err(errs) => Err(Ok(errs)),
        };
        match outcome {
            Ok(()) => Ok(done(id, "status-added")),
            Err(Ok(errs)) => {
                let mut status = status_fields(&tr, &form);
                errs.apply(&mut status);
                let forms = Forms {
                    status,
                    profile: None,
                };
                let p = build(&state, &ui, id, forms, Some(tr.t("cm-error-status"))).await?;
                Ok(render(&ui, StatusCode::UNPROCESSABLE_ENTITY, &p))
            }
            Err(Err(e)) => Err(refused(&e)),
        }
    }
    .await;
    answer(&state, &ui, r)
}

/// Saves the cluster's branches, regions and whether its members' offers are reviewed.
pub async fn save_profile(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, form }: Posted<ProfileForm>,
) -> Response {
    let r = async {
        let who = manager(&ui, id)?.clone();
        let tr = Tr::new(ui.lang);
        match api::set_profile(State(state.clone()), who, Path(id), ApiJson(form.input())).await {
            Ok(_) => Ok(done(id, "profile-saved")),
            Err(e) => {
                let errs = Errors::of_api(&tr, &e).ok_or_else(|| refused(&e))?;
                let mut profile = profile_fields(&tr, &form);
                errs.apply(&mut profile);
                let forms = Forms {
                    status: status_fields(&tr, &StatusForm::default()),
                    profile: Some(profile),
                };
                let p = build(&state, &ui, id, forms, Some(tr.t("cm-error-profile"))).await?;
                Ok(render(&ui, StatusCode::UNPROCESSABLE_ENTITY, &p))
            }
        }
    }
    .await;
    answer(&state, &ui, r)
}

#[derive(Debug, Deserialize)]
pub struct RecertifyForm {
    #[serde(default)]
    recertified_on: String,
    #[serde(default)]
    valid_until: String,
}

/// Records a recertification: its date and the new end of validity.
pub async fn recertify(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, form }: Posted<RecertifyForm>,
) -> Response {
    let r = async {
        let row = directory::status(state.db(), id).await?;
        let who = manager(&ui, row.cluster_id)?.clone();
        let tr = Tr::new(ui.lang);
        let (Ok(Some(recertified_on)), Ok(valid_until)) = (
            date_value(&form.recertified_on),
            date_value(&form.valid_until),
        ) else {
            let message = tr.t("cm-error-recertify");
            return again(
                &state,
                &ui,
                row.cluster_id,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
            )
            .await;
        };
        let s: klaster_domain::ClusterStatus = directory::decode(&row.data.0)?;
        let input = ClusterStatusInput {
            kind: s.kind,
            label: s.label,
            granted_on: s.granted_on,
            valid_until,
            recertified_on: Some(recertified_on),
            granted_by: s.granted_by,
            note: s.note,
        };
        match api::update_status(State(state.clone()), who, Path(id), ApiJson(input)).await {
            Ok(_) => Ok(done(row.cluster_id, "status-saved")),
            Err(e) => refusal(&state, &ui, row.cluster_id, e, "cm-error-status").await,
        }
    }
    .await;
    answer(&state, &ui, r)
}

pub async fn delete_status(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, .. }: Posted<Empty>,
) -> Response {
    let r = async {
        let row = directory::status(state.db(), id).await?;
        let who = manager(&ui, row.cluster_id)?.clone();
        api::delete_status(State(state.clone()), who, Path(id))
            .await
            .map_err(|e| refused(&e))?;
        Ok(done(row.cluster_id, "status-deleted"))
    }
    .await;
    answer(&state, &ui, r)
}
