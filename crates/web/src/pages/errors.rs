//! HTML error pages in the reader's language (the API keeps its problem+json answers).

use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use klaster_store::StoreError;

use super::lang::Ui;
use super::{Chrome, Section, render};
use crate::{ApiError, AppState};

/// Why a page cannot be shown. Causes are logged where they arise, never shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageError {
    NotFound,
    Internal,
    /// Signed in, but the page or action is not theirs.
    Forbidden,
    /// A form post that no form of ours sends.
    BadRequest,
    /// A form whose token is missing or stale (an old tab, another session, a forged post).
    Expired,
    /// A body over the size limit.
    TooLarge,
    /// The page needs a signed-in reader: they are sent to sign in, and back afterwards.
    SignIn,
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => PageError::NotFound,
            other => {
                tracing::error!(error = %other, "storage failure");
                PageError::Internal
            }
        }
    }
}

impl From<ApiError> for PageError {
    /// The API's checks (reused by the pages) already logged any internal cause.
    fn from(e: ApiError) -> Self {
        match e.status() {
            StatusCode::NOT_FOUND => PageError::NotFound,
            StatusCode::FORBIDDEN => PageError::Forbidden,
            StatusCode::UNAUTHORIZED => PageError::SignIn,
            StatusCode::PAYLOAD_TOO_LARGE => PageError::TooLarge,
            s if s.is_client_error() => PageError::BadRequest,
            _ => PageError::Internal,
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    heading: String,
    text: String,
}

/// The error page for `e`, with its status.
pub fn page(state: &AppState, ui: &Ui, e: PageError) -> Response {
    if e == PageError::SignIn && ui.signed.is_none() {
        return sign_in_first(ui);
    }
    let (status, p) = error_page(state.site().name.clone(), ui, e);
    render(ui, status, &p)
}

/// To the sign-in page, which comes back here afterwards.
fn sign_in_first(ui: &Ui) -> Response {
    let here = ui.href_with(&ui.path, "lang", None);
    let to = super::lang::href("/account/signin", &[("next", &here)]);
    axum::response::Redirect::to(&to).into_response()
}

fn error_page(site: String, ui: &Ui, e: PageError) -> (StatusCode, ErrorPage) {
    let (status, title, text) = match e {
        PageError::NotFound => (StatusCode::NOT_FOUND, "error-404-title", "error-404-text"),
        PageError::Internal => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "error-500-title",
            "error-500-text",
        ),
        PageError::Forbidden | PageError::SignIn => {
            (StatusCode::FORBIDDEN, "error-403-title", "error-403-text")
        }
        PageError::BadRequest => (StatusCode::BAD_REQUEST, "error-400-title", "error-400-text"),
        PageError::Expired => (
            StatusCode::FORBIDDEN,
            "error-expired-title",
            "error-expired-text",
        ),
        PageError::TooLarge => (
            StatusCode::PAYLOAD_TOO_LARGE,
            "error-413-title",
            "error-413-text",
        ),
    };
    let chrome = Chrome::for_site(site, ui, title, Section::None);
    let p = ErrorPage {
        heading: chrome.title.clone(),
        text: chrome.tr.t(text),
        chrome,
    };
    (status, p)
}

/// Paths nothing serves: an HTML page, except under the API, which answers as the API does.
pub async fn fallback(State(state): State<AppState>, ui: Ui, uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return ApiError::not_found().into_response();
    }
    page(&state, &ui, PageError::NotFound)
}

#[cfg(test)]
mod tests {
    use klaster_translate::Lang;

    use super::*;
    use crate::pages::i18n::MISSING_OPEN;
    use crate::pages::lang::UI_LANGS;

    #[test]
    fn error_pages_are_complete_in_every_ui_language() {
        for lang in UI_LANGS {
            for e in [
                PageError::NotFound,
                PageError::Internal,
                PageError::Forbidden,
                PageError::BadRequest,
                PageError::Expired,
                PageError::TooLarge,
            ] {
                let (status, p) = error_page("Klaster".into(), &Ui::new(lang), e);
                let html = p.render().unwrap();
                assert!(html.contains(&format!("<html lang=\"{lang}\">")));
                assert!(!html.contains(MISSING_OPEN), "{lang} {e:?}: {html}");
                assert!(html.contains(&format!("<h1>{}</h1>", p.heading)));
                assert_eq!(status == StatusCode::NOT_FOUND, e == PageError::NotFound);
            }
        }
        let (_, p) = error_page("Klaster".into(), &Ui::new(Lang::En), PageError::Internal);
        assert_eq!(p.heading, "Something went wrong");
    }
}
