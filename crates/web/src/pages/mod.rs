//! The server-rendered HTML pages (the public portal): askama templates under `templates/`,
//! UI strings from the Fluent catalogues under `locales/`, one stylesheet under `static/`.
//! Pages work without JavaScript; every value is escaped by askama unless marked `|safe`.

mod account;
mod analytics;
mod assets;
mod directory;
mod errors;
mod facets;
pub(crate) mod format;
pub(crate) mod forms;
mod home;
pub(crate) mod i18n;
mod interests;
mod join;
pub(crate) mod lang;
mod matches;
mod my_offers;
mod offer;
mod offer_form;
mod offer_review;
mod offers;
mod searches;
pub(crate) mod session;
mod summary;
pub(crate) mod validation;

use askama::Template;
use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::AppState;
use i18n::Tr;
use lang::{UI_LANGS, Ui};

/// The page routes, with an HTML 404 for every path nothing else serves.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(home::page))
        .route("/offers", get(offers::page))
        .route("/offers/{id}", get(offer::page))
        .route("/analytics", get(analytics::index))
        .route("/analytics/{dataset}/{region}", get(analytics::region))
        .route("/analytics/{dataset}/{region}/{file}", get(analytics::file))
        .route("/directory", get(directory::search))
        .route("/directory/{id}", get(directory::profile))
        .route(assets::CSS_PATH, get(assets::css))
        .merge(directory::manage_routes())
        .merge(account::routes())
        .merge(join::routes())
        .merge(offer_form::routes())
        .merge(offer_review::routes())
        .merge(my_offers::routes())
        .merge(interests::routes())
        .merge(searches::routes())
        .route("/offers/{id}/matches", get(matches::page))
        .fallback(errors::fallback)
        .with_state(state)
}

/// Which main navigation entry a page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Home,
    Offers,
    Directory,
    Analytics,
    Account,
    None,
}

/// The signed-in reader, for the header.
pub struct Me {
    pub email: String,
    /// The form token of the sign-out button.
    pub csrf: String,
    /// What this reader's role does on the portal: (path, label).
    pub links: Vec<(String, String)>,
}

/// The header's links for a signed-in reader's roles: firms post and follow offers, a visitor
/// joins through the questionnaire, coordinators manage their cluster, and they and
/// administrators review answers.
fn role_links(rights: &klaster_domain::permissions::Principal, tr: &Tr) -> Vec<(String, String)> {
    use klaster_domain::Role;
    let mut out = Vec::new();
    let member = rights
        .roles
        .iter()
        .any(|r| matches!(r, Role::OrgMember { .. }));
    let reviews = rights.is_admin()
        || rights
            .roles
            .iter()
            .any(|r| matches!(r, Role::Coordinator { .. }));
    let mut add = |path: &str, key: &str| out.push((path.to_string(), tr.t(key)));
    if member {
        add("/offers/new", "nav-new-offer");
        add("/account/offers", "nav-my-offers");
        add("/account/interests", "nav-interests");
    } else if !reviews {
        add("/join", "nav-join");
    }
    for r in &rights.roles {
        if let Role::Coordinator { cluster_id } = r {
            add(&format!("/directory/{cluster_id}/manage"), "nav-my-cluster");
        }
    }
    if reviews {
        add("/review", "nav-review");
    }
    out
}

/// A link of the language switch.
pub struct LangLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

/// What the layout (`base.html`) needs on every page.
pub struct Chrome {
    pub tr: Tr,
    pub lang: &'static str,
    pub site: String,
    /// The page's own title (the layout adds the site name).
    pub title: String,
    pub section: Section,
    pub switch: Vec<LangLink>,
    pub css: &'static str,
    pub footer_about: String,
    pub me: Option<Me>,
    /// The request's path (which header link is the current page).
    pub path: String,
    /// Sign-in, coming back to this page afterwards.
    pub signin_href: String,
}

impl Chrome {
    pub fn new(state: &AppState, ui: &Ui, title_key: &str, section: Section) -> Self {
        Self::for_site(state.site().name.clone(), ui, title_key, section)
    }

    pub fn for_site(site: String, ui: &Ui, title_key: &str, section: Section) -> Self {
        let tr = Tr::new(ui.lang);
        let me = ui.signed.as_ref().map(|s| Me {
            email: s.email().to_string(),
            csrf: s.csrf.clone(),
            links: role_links(&s.principal.rights, &tr),
        });
        Chrome {
            path: ui.path.clone(),
            me,
            footer_about: tr.a("footer-about", &[("site", &site)]),
            lang: ui.lang.code(),
            site,
            title: tr.t(title_key),
            section,
            switch: UI_LANGS
                .into_iter()
                .map(|l| LangLink {
                    code: l.code(),
                    name: l.autonym(),
                    href: ui.href_with(&ui.path, "lang", Some(l.code())),
                    current: l == ui.lang,
                })
                .collect(),
            css: assets::css_href(),
            tr,
            signin_href: if ui.path.starts_with("/account") {
                "/account/signin".to_string()
            } else {
                lang::href(
                    "/account/signin",
                    &[("next", &ui.href_with(&ui.path, "lang", None))],
                )
            },
        }
    }

    /// For `aria-current` in the navigation.
    pub fn at_home(&self) -> bool {
        self.section == Section::Home
    }
    pub fn at_offers(&self) -> bool {
        self.section == Section::Offers
    }
    pub fn at_directory(&self) -> bool {
        self.section == Section::Directory
    }
    pub fn at_analytics(&self) -> bool {
        self.section == Section::Analytics
    }
    pub fn is_at(&self, href: &str) -> bool {
        self.path == href
    }
}

/// Renders a page: HTML with the headers every page carries; a template that fails to render
/// (it should not: templates are checked at compile time) is logged and answered with 500.
pub fn render<T: Template>(ui: &Ui, status: StatusCode, page: &T) -> Response {
    let body = match page.render() {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "page rendering failed");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "Internal error",
            )
                .into_response();
        }
    };
    let mut res = (status, body).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    page_headers(h, ui);
    res
}

/// The headers of every answer in the reader's language (pages, and the files they link to,
/// which may replace the policy with their own).
pub(crate) fn page_headers(h: &mut HeaderMap, ui: &Ui) {
    h.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(ui.lang.code()),
    );
    // The same URL answers in another language for another cookie or browser.
    h.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    // No page has scripts, frames or foreign resources: say so, so an injected one cannot run.
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
             frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    // A page for one signed-in reader (or with their form token) is nobody else's.
    if ui.signed.is_some() {
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    for c in ui.cookies() {
        if let Ok(v) = HeaderValue::from_str(&c) {
            h.append(header::SET_COOKIE, v);
        }
    }
}
