//! Accounts in the browser: sign-up with a confirmed address, sign-in (rate limited), sign-out,
//! password reset by mail, and the account page. Every form goes through [`Posted`], which
//! checks the form token; the simple forms share one template (`form.html`).

mod delete;
mod export;
mod notifications;
mod organisation;
mod overview;
mod reset;
mod signin;
mod signup;
mod tokens;

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};

use super::errors::{self, PageError};
use super::forms::{Choice, Field, first_error};
use super::lang::Ui;
use super::{Chrome, Section, render};
use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/account", get(overview::page).post(overview::save_lang))
        .route("/account/signup", get(signup::form).post(signup::submit))
        .route("/account/check-mail", get(signup::check_mail))
        .route(
            "/account/verify",
            get(reset::verify_form).post(reset::verify),
        )
        .route("/account/signin", get(signin::form).post(signin::submit))
        .route("/account/signout", post(signin::sign_out))
        .route(
            "/account/forgot",
            get(reset::forgot_form).post(reset::forgot),
        )
        .route("/account/reset", get(reset::reset_form).post(reset::reset))
        .route("/account/tokens", get(tokens::page).post(tokens::create))
        .route("/account/tokens/{id}/revoke", post(tokens::revoke))
        .route("/account/export", get(export::download))
        .route("/account/delete", get(delete::form).post(delete::submit))
        .route(
            "/account/organisation",
            get(organisation::page).post(organisation::add),
        )
        .route(
            "/account/organisation/{id}/role",
            post(organisation::set_role),
        )
        .route(
            "/account/organisation/{id}/remove",
            post(organisation::remove),
        )
        .route("/account/notifications", get(notifications::page))
        .route(
            "/account/notifications/{id}",
            post(notifications::set_delivery),
        )
        .route(
            "/account/notifications/{id}/delete",
            post(notifications::delete),
        )
}

/// The answer of a page handler: its response, or the error page.
fn answer(state: &AppState, ui: &Ui, r: Result<Response, PageError>) -> Response {
    r.unwrap_or_else(|e| errors::page(state, ui, e))
}

/// The account pages a person with `role` has, linked from `/account`.
fn pages_of(tr: &super::i18n::Tr, role: &str) -> Vec<Link> {
    // What the role is for first: joining, the organisation's offers and interests, reviews.
    let mut pages = match role {
        "visitor" => vec![("/join", "join-title")],
        "org_admin" => vec![
            ("/account/offers", "of-my-offers-title"),
            ("/account/interests", "of-interests-title"),
            ("/account/organisation", "am-org-title"),
        ],
        "org_member" => vec![
            ("/account/offers", "of-my-offers-title"),
            ("/account/interests", "of-interests-title"),
        ],
        "coordinator" | "admin" => vec![("/review", "review-title")],
        _ => Vec::new(),
    };
    pages.extend([
        ("/account/notifications", "am-alerts-title"),
        ("/account/tokens", "am-tokens-title"),
    ]);
    pages.extend([
        ("/account/export", "am-export-link"),
        ("/account/delete", "am-delete-title"),
    ]);
    pages
        .into_iter()
        .map(|(href, key)| Link {
            href: href.to_string(),
            label: tr.t(key),
        })
        .collect()
}

/// Whether `password` is the account's (an unknown account costs as much time). argon2 takes
/// tens of milliseconds of CPU: the check runs off the request threads.
async fn password_ok(
    account: Option<&klaster_store::accounts::Account>,
    password: &str,
) -> Result<bool, PageError> {
    let (password, account) = (password.to_string(), account.cloned());
    tokio::task::spawn_blocking(move || {
        klaster_store::accounts::check_password(account.as_ref(), &password)
    })
    .await
    .map_err(|e| {
        tracing::error!(error = %e, "password check failed");
        PageError::Internal
    })
}

/// A moment as a date in the reader's language.
fn date_of(at: chrono::DateTime<chrono::Utc>, ui: &Ui) -> String {
    klaster_translate::render::date(at.date_naive(), ui.lang)
}

/// Shortest and longest password accepted (NIST SP 800-63B asks for at least 8 and long
/// passphrases allowed).
const PASSWORD_MIN: usize = 10;
const PASSWORD_MAX: usize = 256;

pub struct Link {
    pub href: String,
    pub label: String,
}

/// A page with one simple form (or only a message when `submit` is `None`).
#[derive(Template)]
#[template(path = "form.html")]
pub struct FormPage {
    pub chrome: Chrome,
    pub heading: String,
    pub notice: Option<String>,
    pub intro: Vec<String>,
    /// What is wrong with the whole form (a wrong password), or the summary of field errors.
    pub error: Option<String>,
    pub first_invalid: Option<Field>,
    pub action: String,
    pub csrf: String,
    pub hidden: Vec<(String, String)>,
    pub fields: Vec<Field>,
    pub submit: Option<String>,
    pub links: Vec<Link>,
}

impl FormPage {
    pub fn new(state: &AppState, ui: &Ui, title_key: &str) -> Self {
        let chrome = Chrome::new(state, ui, title_key, Section::Account);
        FormPage {
            heading: chrome.title.clone(),
            chrome,
            notice: None,
            intro: Vec::new(),
            error: None,
            first_invalid: None,
            action: ui.path.clone(),
            csrf: ui.csrf().to_string(),
            hidden: Vec::new(),
            fields: Vec::new(),
            submit: None,
            links: Vec::new(),
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.chrome.tr.t(key)
    }

    pub fn link(mut self, href: &str, key: &str) -> Self {
        let label = self.t(key);
        self.links.push(Link {
            href: href.to_string(),
            label,
        });
        self
    }

    /// The form's fields; when one has an error, the summary at the top names the first.
    pub fn fields(mut self, fields: Vec<Field>) -> Self {
        if let Some(f) = first_error(&fields) {
            self.first_invalid = Some(f.clone());
            self.error
                .get_or_insert_with(|| self.chrome.tr.t("form-error-summary"));
        }
        self.fields = fields;
        self
    }

    pub fn respond(self, ui: &Ui, status: StatusCode) -> Response {
        render(ui, status, &self)
    }
}

/// What is wrong with a new password, if anything.
fn password_error(
    ui: &Ui,
    password: &str,
    repeat: &str,
    email: &str,
) -> (Option<String>, Option<String>) {
    let tr = super::i18n::Tr::new(ui.lang);
    let n = password.chars().count();
    let first = if n < PASSWORD_MIN {
        Some(tr.t("error-password-short"))
    } else if n > PASSWORD_MAX {
        Some(tr.t("error-password-long"))
    } else if password.trim().eq_ignore_ascii_case(email.trim()) {
        Some(tr.t("error-password-email"))
    } else {
        None
    };
    let second = (first.is_none() && password != repeat).then(|| tr.t("error-password-repeat"));
    (first, second)
}

/// The two new-password fields.
fn password_fields(ui: &Ui, errors: (Option<String>, Option<String>)) -> [Field; 2] {
    let tr = super::i18n::Tr::new(ui.lang);
    [
        Field::new("password", "password", tr.t("field-password-new"))
            .required()
            .autocomplete("new-password")
            .hint(tr.t("field-password-hint"))
            .error(errors.0),
        Field::new("password2", "password", tr.t("field-password-repeat"))
            .required()
            .autocomplete("new-password")
            .error(errors.1),
    ]
}

/// The select of working languages (autonyms), `selected` chosen.
fn lang_field(ui: &Ui, selected: &str, error: Option<String>) -> Field {
    let tr = super::i18n::Tr::new(ui.lang);
    Field::new("lang", "select", tr.t("field-lang"))
        .hint(tr.t("field-lang-hint"))
        .error(error)
        .options(
            klaster_translate::Lang::ALL
                .into_iter()
                .map(|l| Choice {
                    value: l.code().to_string(),
                    label: l.autonym().to_string(),
                    selected: l.code() == selected,
                })
                .collect(),
        )
}

/// A local path to go to after signing in: only paths of this site (`/x`, not `//host`).
fn safe_next(next: Option<&str>) -> Option<&str> {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\"))
}

#[cfg(test)]
mod tests {
    use klaster_translate::Lang;

    use super::*;

    #[test]
    fn passwords_are_long_not_the_address_and_repeated() {
        let ui = Ui::new(Lang::En);
        assert!(password_error(&ui, "short", "short", "a@b.pl").0.is_some());
        assert!(
            password_error(&ui, "a@b.pl.long", "x", "A@b.pl.long")
                .0
                .is_some()
        );
        let (a, b) = password_error(&ui, "long enough!", "long enough?", "a@b.pl");
        assert!(a.is_none() && b.is_some());
        assert_eq!(
            password_error(&ui, "zażółć gęślą", "zażółć gęślą", "a@b.pl"),
            (None, None)
        );
        assert!(
            password_error(&ui, &"x".repeat(257), "", "a@b.pl")
                .0
                .is_some()
        );
    }

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_next(Some("/offers?q=1")), Some("/offers?q=1"));
        assert_eq!(safe_next(Some("//evil.example")), None);
        assert_eq!(safe_next(Some("/\\evil.example")), None);
        assert_eq!(safe_next(Some("https://evil.example")), None);
        assert_eq!(safe_next(None), None);
    }
}
