//! `/offers/new` and `/offers/{id}/edit`: writing an offer in the browser. The kind is chosen
//! first; the form then has the kind's own fields. Saving goes through the API's own
//! functions (validation, rights, duplicate submissions, language check, transitions), so the
//! pages and the API cannot disagree. Errors come back next to their fields, in the UI
//! language, with what was typed.

pub(crate) mod attachments;
pub(crate) mod errors;
mod form;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::Utc;
use klaster_domain::Role;
use klaster_domain::offer::{OfferKind, OfferStatus, Transition};
use klaster_store::offers::{self, OfferRecord};
use klaster_store::organisations as orgs;

use crate::api::contacts::visible_contacts;

use super::account::{FormPage, Link};
use super::errors::{self as page_errors, PageError};
use super::forms::{Choice, Field, Posted, first_error};
use super::i18n::Tr;
use super::lang::{Ui, href};
use super::session::Signed;
use super::summary::{kind_label, language_name, org_name};
use super::{Chrome, Section, render};
use crate::api::offers::{LanguageCheck, acts_for_owner, apply_transition, editable};
use crate::{ApiError, AppState};
pub(crate) use errors::Errors;
pub(crate) use form::{Values, language_choices};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/offers/new", get(new_form).post(new_submit))
        .route("/offers/{id}/edit", get(edit_form).post(edit_submit))
        .route("/attachments/{id}/delete", post(attachments::delete))
        .merge(attachments::upload_route())
}

/// A refusal of the API as a page: not allowed, not found, or (logged) internal.
pub(crate) fn refused(e: &ApiError) -> PageError {
    match e.status() {
        StatusCode::FORBIDDEN => PageError::Forbidden,
        StatusCode::NOT_FOUND => PageError::NotFound,
        StatusCode::PAYLOAD_TOO_LARGE => PageError::TooLarge,
        StatusCode::BAD_REQUEST => PageError::BadRequest,
        _ => PageError::Internal,
    }
}

/// The signed-in reader, or why not.
pub(crate) fn signed(ui: &Ui) -> Result<&Signed, PageError> {
    ui.signed.as_ref().ok_or(PageError::SignIn)
}

/// The organisations the reader works for.
pub(crate) fn own_orgs(s: &Signed) -> Vec<i64> {
    s.principal
        .rights
        .roles
        .iter()
        .filter_map(|r| match r {
            Role::OrgMember { org_id, .. } => Some(*org_id),
            _ => None,
        })
        .collect()
}

/// An organisation's name in the UI language (its id when it has none).
pub(crate) async fn org_label(state: &AppState, id: i64, ui: &Ui) -> Result<String, PageError> {
    let o = orgs::get(state.db(), id).await?;
    Ok(org_name(&o.org, ui.lang).map_or_else(|| format!("#{id}"), |n| n.text.clone()))
}

/// Who may write offers: the organisations' own users and administrators (who name the
/// organisation). Coordinators read and review their members' offers but do not write them
/// (`api::offers::writes_for_owner`).
struct Writer {
    orgs: Vec<i64>,
    admin: bool,
}

fn writer(ui: &Ui) -> Result<Writer, PageError> {
    let s = signed(ui)?;
    let admin = s.principal.rights.is_admin();
    let orgs = own_orgs(s);
    if orgs.is_empty() && !admin {
        return Err(PageError::Forbidden);
    }
    Ok(Writer { orgs, admin })
}

/// The organisations a writer can choose from, by name: their own and the one already in the
/// form (an administrator's choice). An administrator with nothing chosen gets None: the
/// directory is too long for a list, so they type the number (or come from the
/// organisation's profile, which fills it in).
async fn org_choices(
    state: &AppState,
    ui: &Ui,
    w: &Writer,
    current: &str,
) -> Result<Option<Vec<Choice>>, PageError> {
    let mut named: Vec<(i64, String)> = Vec::new();
    for id in &w.orgs {
        named.push((*id, org_label(state, *id, ui).await?));
    }
    if let Ok(id) = current.parse::<i64>()
        && !named.iter().any(|(o, _)| *o == id)
        && orgs::get(state.db(), id).await.is_ok()
    {
        named.push((id, org_label(state, id, ui).await?));
    }
    if w.admin && named.is_empty() {
        return Ok(None);
    }
    named.sort_by_key(|(_, name)| name.to_lowercase());
    Ok(Some(
        named
            .into_iter()
            .map(|(id, label)| Choice {
                selected: current == id.to_string(),
                value: id.to_string(),
                label,
            })
            .collect(),
    ))
}

/// Which offer the form writes.
enum Mode {
    New,
    Edit(Box<OfferRecord>),
}

#[derive(Template)]
#[template(path = "offer_form.html")]
struct OfferFormPage {
    chrome: Chrome,
    heading: String,
    kind_label: String,
    notices: Vec<String>,
    error: Option<String>,
    first_invalid: Option<Field>,
    action: String,
    csrf: String,
    kind: String,
    version: String,
    general: Vec<Field>,
    details: Vec<Field>,
    audience: Vec<Field>,
    /// The form is shown (drafts and expired offers).
    can_edit: bool,
    /// "Publish" or "Renew".
    submit_label: String,
    files: Option<attachments::Files>,
    links: Vec<Link>,
}

fn link(href: String, label: String) -> Link {
    Link { href, label }
}

async fn general_fields(
    state: &AppState,
    ui: &Ui,
    w: &Writer,
    v: &Values,
    fixed_org: bool,
) -> Result<Vec<Field>, PageError> {
    let tr = Tr::new(ui.lang);
    let current = v.get("organisation_id");
    let org = if fixed_org {
        let id = current.parse::<i64>().unwrap_or_default();
        let options = vec![Choice {
            label: org_label(state, id, ui).await?,
            selected: true,
            value: current.to_string(),
        }];
        Field::new("organisation_id", "select", tr.t("of-field-organisation")).options(options)
    } else {
        match org_choices(state, ui, w, current).await? {
            Some(options) => Field::new("organisation_id", "select", tr.t("of-field-organisation"))
                .options(options),
            None => Field::new("organisation_id", "number", tr.t("of-field-organisation"))
                .value(current)
                .hint(tr.t("of-hint-organisation-id")),
        }
    };
    Ok(vec![
        org.required(),
        Field::new("title", "text", tr.t("of-field-title"))
            .required()
            .value(v.get("title")),
        Field::new("description", "textarea", tr.t("of-field-description"))
            .value(v.get("description")),
        Field::new("lang", "select", tr.t("of-field-lang"))
            .required()
            .hint(tr.t("of-hint-lang"))
            .options(language_choices(v.get("lang"))),
        Field::new("nace", "text", tr.t("of-field-nace"))
            .required()
            .value(v.get("nace"))
            .hint(tr.t("of-hint-nace")),
        Field::new("keywords", "text", tr.t("of-field-keywords"))
            .value(v.get("keywords"))
            .hint(tr.t("of-hint-list")),
    ])
}

async fn audience_fields(state: &AppState, ui: &Ui, v: &Values) -> Result<Vec<Field>, PageError> {
    let tr = Tr::new(ui.lang);
    let mut visibility = vec![Choice {
        value: "public".into(),
        label: tr.t("of-visibility-public"),
        selected: !v.get("visibility").starts_with("cluster:"),
    }];
    let mut contacts = vec![Choice {
        value: String::new(),
        label: tr.t("of-contact-none"),
        selected: v.get("contact_id").is_empty(),
    }];
    if let Ok(org) = v.get("organisation_id").parse::<i64>()
        && orgs::get(state.db(), org).await.is_ok()
    {
        // Its contact people as this writer may see them: personal ones only for its own
        // users and administrators (the same rule as the API).
        let who = ui.signed.as_ref().map(|s| &s.principal);
        for c in visible_contacts(state, who, org)
            .await
            .map_err(|e| refused(&e))?
        {
            let value = c.id.to_string();
            contacts.push(Choice {
                selected: v.get("contact_id") == value,
                label: match c.contact.role {
                    Some(role) => format!("{} ({role})", c.contact.name),
                    None => c.contact.name,
                },
                value,
            });
        }
        for c in crate::api::member_of(state, org)
            .await
            .map_err(|e| refused(&e))?
        {
            let value = format!("cluster:{c}");
            visibility.push(Choice {
                label: tr.a(
                    "of-visibility-cluster",
                    &[("cluster", &org_label(state, c, ui).await?)],
                ),
                selected: v.get("visibility") == value,
                value,
            });
        }
    }
    Ok(vec![
        Field::new("country", "select", tr.t("of-field-country"))
            .required()
            .options(form::country_choices(
                ui.lang,
                v.get("country"),
                Some(tr.t("of-choose")),
            )),
        Field::new("region", "text", tr.t("of-field-region"))
            .value(v.get("region"))
            .hint(tr.t("of-hint-region")),
        Field::new("visibility", "select", tr.t("of-field-visibility")).options(visibility),
        Field::new("contact_id", "select", tr.t("of-field-contact"))
            .hint(tr.t("of-hint-contact"))
            .options(contacts),
        Field::new("expires_on", "date", tr.t("of-field-expires"))
            .value(v.get("expires_on"))
            .hint(tr.t("of-hint-expires")),
    ])
}

/// The page of the form with `v` and its errors.
#[allow(clippy::too_many_arguments)]
async fn form_page(
    state: &AppState,
    ui: &Ui,
    w: &Writer,
    kind: OfferKind,
    v: &Values,
    errors: &Errors,
    mode: &Mode,
    mut notices: Vec<String>,
    error: Option<String>,
) -> Result<OfferFormPage, PageError> {
    let (title_key, action, fixed) = match mode {
        Mode::New => (
            "of-new-title",
            href("/offers/new", &[("kind", kind.as_str())]),
            false,
        ),
        Mode::Edit(r) => ("of-edit-title", format!("/offers/{}/edit", r.id), true),
    };
    let chrome = Chrome::new(state, ui, title_key, Section::Offers);
    let tr = chrome.tr;
    let mut general = general_fields(state, ui, w, v, fixed).await?;
    let mut details = form::detail_fields(kind, v, &tr);
    let mut audience = audience_fields(state, ui, v).await?;
    for f in [&mut general, &mut details, &mut audience] {
        errors.apply(f);
    }
    let first_invalid = [&general, &details, &audience]
        .into_iter()
        .find_map(|f| first_error(f).cloned());
    let error = error.or_else(|| first_invalid.as_ref().map(|_| tr.t("form-error-summary")));
    let (can_edit, version, files, submit_label, mut links) = match mode {
        Mode::New => (true, String::new(), None, tr.t("of-submit"), Vec::new()),
        Mode::Edit(r) => {
            let can = editable(r.status);
            if !can {
                notices.push(tr.a(
                    "of-not-editable",
                    &[("status", &tr.t(&format!("of-status-{}", r.status.as_str())))],
                ));
            }
            let renew = r.status == OfferStatus::Expired;
            (
                can,
                r.version.to_string(),
                Some(attachments::files(state, ui, r.id, None).await?),
                tr.t(if renew { "of-renew" } else { "of-submit" }),
                vec![
                    link(format!("/offers/{}", r.id), tr.t("of-view")),
                    link(format!("/offers/{}/matches", r.id), tr.t("of-matches")),
                ],
            )
        }
    };
    links.push(link("/account/offers".into(), tr.t("of-my-offers-title")));
    Ok(OfferFormPage {
        heading: chrome.title.clone(),
        kind_label: kind_label(kind, ui.lang),
        notices,
        error,
        first_invalid,
        action,
        csrf: ui.csrf().to_string(),
        kind: kind.as_str().to_string(),
        version,
        general,
        details,
        audience,
        can_edit,
        submit_label,
        files,
        links,
        chrome,
    })
}

fn respond(
    state: &AppState,
    ui: &Ui,
    status: StatusCode,
    page: Result<OfferFormPage, PageError>,
) -> Response {
    match page {
        Ok(p) => render(ui, status, &p),
        Err(e) => page_errors::page(state, ui, e),
    }
}

/// The form again, with its errors.
#[allow(clippy::too_many_arguments)]
async fn again(
    state: &AppState,
    ui: &Ui,
    w: &Writer,
    kind: OfferKind,
    v: &Values,
    mode: &Mode,
    errors: Errors,
    status: StatusCode,
    error: Option<String>,
) -> Response {
    let p = form_page(state, ui, w, kind, v, &errors, mode, Vec::new(), error).await;
    respond(state, ui, status, p)
}

/// The kinds to choose from, each a link to its form.
fn choose_kind(state: &AppState, ui: &Ui) -> Response {
    let mut p = FormPage::new(state, ui, "of-choose-kind-title");
    p.chrome.section = Section::Offers;
    p.intro = vec![p.t("of-choose-kind-intro")];
    p.links = OfferKind::ALL
        .into_iter()
        .map(|k| {
            link(
                href("/offers/new", &[("kind", k.as_str())]),
                kind_label(k, ui.lang),
            )
        })
        .collect();
    p.respond(ui, StatusCode::OK)
}

pub async fn new_form(State(state): State<AppState>, ui: Ui) -> Response {
    let w = match writer(&ui) {
        Ok(w) => w,
        Err(e) => return page_errors::page(&state, &ui, e),
    };
    let Some(kind) = ui.param("kind").and_then(OfferKind::parse) else {
        return choose_kind(&state, &ui);
    };
    let mut v = Values::default();
    v.set("lang", ui.lang.code());
    // One's only organisation, or the one whose profile the writer came from.
    let chosen = match w.orgs[..] {
        [org] => Some(org),
        _ => ui.param("organisation").and_then(|o| o.parse::<i64>().ok()),
    };
    if let Some(org) = chosen {
        v.set("organisation_id", org.to_string());
        if let Ok(o) = orgs::get(state.db(), org).await {
            v.set("country", o.org.country.clone());
            v.set("region", o.org.region.clone().unwrap_or_default());
        }
    }
    let page = form_page(
        &state,
        &ui,
        &w,
        kind,
        &v,
        &Errors::default(),
        &Mode::New,
        Vec::new(),
        None,
    )
    .await;
    respond(&state, &ui, StatusCode::OK, page)
}

pub async fn new_submit(
    State(state): State<AppState>,
    Posted { ui, form }: Posted<Vec<(String, String)>>,
) -> Response {
    let v = Values(form);
    let Some(kind) = OfferKind::parse(v.get("kind")) else {
        return page_errors::page(&state, &ui, PageError::BadRequest);
    };
    save(&state, &ui, kind, v, Mode::New).await
}

/// The offer `id` if the reader acts for its owner.
async fn own_offer(state: &AppState, ui: &Ui, id: i64) -> Result<OfferRecord, PageError> {
    let s = signed(ui)?;
    let rec = offers::get(state.db(), id).await?;
    let acts = acts_for_owner(state, &s.principal, rec.offer.organisation_id)
        .await
        .map_err(|e| refused(&e))?;
    if !acts && !s.principal.rights.is_admin() {
        return Err(PageError::Forbidden);
    }
    Ok(rec)
}

pub async fn edit_form(State(state): State<AppState>, ui: Ui, Path(id): Path<i64>) -> Response {
    let rec = match own_offer(&state, &ui, id).await {
        Ok(r) => r,
        Err(e) => return page_errors::page(&state, &ui, e),
    };
    let tr = Tr::new(ui.lang);
    let mut notices = Vec::new();
    match ui.param("done") {
        Some("saved") => notices.push(tr.t("of-done-saved")),
        Some("uploaded") => notices.push(tr.t("of-done-uploaded")),
        Some("deleted") => notices.push(tr.t("of-done-deleted")),
        _ => {}
    }
    if let Some(d) = ui.param("detected") {
        notices.push(tr.a(
            "of-language-check",
            &[
                ("detected", &language_name(d, ui.lang)),
                ("used", &language_name(&rec.offer.lang, ui.lang)),
            ],
        ));
    }
    edit_page(&state, &ui, rec, notices, None, StatusCode::OK).await
}

/// The edit page of a stored offer, with notices and what is wrong with an upload.
async fn edit_page(
    state: &AppState,
    ui: &Ui,
    rec: OfferRecord,
    notices: Vec<String>,
    files_error: Option<String>,
    status: StatusCode,
) -> Response {
    let built = async {
        let w = writer(ui)?;
        let v = form::from_offer(&rec.offer);
        let kind = rec.offer.kind;
        let mode = Mode::Edit(Box::new(rec));
        let mut p = form_page(
            state,
            ui,
            &w,
            kind,
            &v,
            &Errors::default(),
            &mode,
            notices,
            None,
        )
        .await?;
        if let Some(f) = p.files.as_mut() {
            f.error = files_error;
        }
        Ok(p)
    }
    .await;
    respond(state, ui, status, built)
}

pub async fn edit_submit(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, form }: Posted<Vec<(String, String)>>,
) -> Response {
    let rec = match own_offer(&state, &ui, id).await {
        Ok(r) => r,
        Err(e) => return page_errors::page(&state, &ui, e),
    };
    let mut v = Values(form);
    // The organisation of an offer does not change.
    v.set("organisation_id", rec.offer.organisation_id.to_string());
    save(&state, &ui, rec.offer.kind, v, Mode::Edit(Box::new(rec))).await
}

/// Checks and stores the form, then submits it when asked; the form again on errors.
async fn save(state: &AppState, ui: &Ui, kind: OfferKind, v: Values, mode: Mode) -> Response {
    let w = match writer(ui) {
        Ok(w) => w,
        Err(e) => return page_errors::page(state, ui, e),
    };
    let tr = Tr::new(ui.lang);
    let (input, parse_errors) = form::to_input(kind, &v);
    if !parse_errors.is_empty() {
        let mut errors = Errors::default();
        for (name, code) in &parse_errors {
            errors.add(&tr, name, code);
        }
        if let Err(more) = input.validate(Utc::now().date_naive()) {
            for f in more.0.iter().filter(|f| f.code != "date_order") {
                errors.add(&tr, &f.field, f.code);
            }
        }
        return again(
            state,
            ui,
            &w,
            kind,
            &v,
            &mode,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        )
        .await;
    }
    let Some(signed) = ui.signed.as_ref() else {
        return page_errors::page(state, ui, PageError::SignIn);
    };
    let p = &signed.principal;
    let stored = match &mode {
        Mode::New => crate::api::offers::create_offer(state, p, input).await,
        Mode::Edit(r) => {
            let version = v.get("version").parse().ok().or(Some(r.version));
            crate::api::offers::update_offer(state, p, r.id, version, input).await
        }
    };
    let (rec, language) = match stored {
        Ok(x) => x,
        Err(e) => {
            if let Some(errors) = Errors::of_api(&tr, &e) {
                return again(
                    state,
                    ui,
                    &w,
                    kind,
                    &v,
                    &mode,
                    errors,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    None,
                )
                .await;
            }
            if e.status() == StatusCode::CONFLICT {
                let key = match mode {
                    Mode::New => "of-error-duplicate",
                    Mode::Edit(_) => "of-error-changed",
                };
                return again(
                    state,
                    ui,
                    &w,
                    kind,
                    &v,
                    &mode,
                    Errors::default(),
                    StatusCode::CONFLICT,
                    Some(tr.t(key)),
                )
                .await;
            }
            return page_errors::page(state, ui, refused(&e));
        }
    };
    let rec = if v.get("action") == "submit" {
        let t = if rec.status == OfferStatus::Expired {
            Transition::Publish
        } else {
            Transition::Submit
        };
        match apply_transition(state, p, rec.id, &t).await {
            Ok(r) => r,
            Err(e) => {
                let mode = Mode::Edit(Box::new(rec));
                let errors = Errors::of_api(&tr, &e).unwrap_or_default();
                let status = if errors.is_empty() {
                    StatusCode::CONFLICT
                } else {
                    StatusCode::UNPROCESSABLE_ENTITY
                };
                let error = Some(tr.t("of-error-not-submitted"));
                return again(state, ui, &w, kind, &v, &mode, errors, status, error).await;
            }
        }
    } else {
        rec
    };
    Redirect::to(&after_save(&rec, &language)).into_response()
}

/// Where the author goes next: back to the form when the text's language looks different
/// from the one named, to the published offer, or to their offers.
fn after_save(rec: &OfferRecord, language: &LanguageCheck) -> String {
    if !language.agrees
        && let Some(d) = &language.detected
    {
        return href(&format!("/offers/{}/edit", rec.id), &[("detected", d)]);
    }
    match rec.status {
        OfferStatus::Published => format!("/offers/{}", rec.id),
        OfferStatus::Draft => href(&format!("/offers/{}/edit", rec.id), &[("done", "saved")]),
        _ => href("/account/offers", &[("done", rec.status.as_str())]),
    }
}
