//! Who is reading: the browser session (server-side, in the database; the cookie carries a
//! random secret), and the form token that every form posts back (CSRF protection: the
//! session's own token when signed in, a token in a cookie of its own before that).

use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;

use crate::AppState;
use crate::extract::Principal;

pub const SESSION_COOKIE: &str = "klaster_session";
/// The form token of a reader who has not signed in (double-submit: cookie and field must match).
pub const CSRF_COOKIE: &str = "klaster_csrf";
/// A session ends after this long unused.
pub fn idle() -> Duration {
    Duration::hours(12)
}

/// A signed-in reader.
#[derive(Debug, Clone)]
pub struct Signed {
    pub principal: Principal,
    /// The session's form token.
    pub csrf: String,
    /// The cookie's secret (to sign this session out).
    pub secret: String,
}

impl Signed {
    pub fn user_id(&self) -> i64 {
        self.principal.user.id
    }
    pub fn email(&self) -> &str {
        &self.principal.user.email
    }
}

/// The value of cookie `name` among the request's cookies.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|h| h.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim_matches('"'))
        .filter(|v| !v.is_empty())
}

/// The session of the request's cookie, if it is valid. A storage failure counts as signed
/// out (and is logged): public pages stay up while sessions cannot be read.
pub async fn signed(state: &AppState, headers: &HeaderMap) -> Option<Signed> {
    let secret = cookie(headers, SESSION_COOKIE)?;
    match klaster_store::sessions::get(state.db(), secret, idle()).await {
        Ok(Some((user, s))) => Some(Signed {
            principal: Principal::new(user),
            csrf: s.csrf,
            secret: secret.to_string(),
        }),
        Ok(None) => None,
        Err(e) => {
            tracing::error!(error = %e, "session lookup failed");
            None
        }
    }
}

/// Whether cookies get the `Secure` attribute: when the portal is served over HTTPS.
pub fn secure(state: &AppState) -> bool {
    state.site().base_url.trim().starts_with("https://")
}

fn attributes(secure: bool, same_site: &str) -> String {
    let s = if secure { "; Secure" } else { "" };
    format!("Path=/; HttpOnly; SameSite={same_site}{s}")
}

/// `Set-Cookie` starting a session. Lax, so a link from a mail arrives signed in; writes are
/// guarded by the form token, not by the cookie.
pub fn session_cookie(secret: &str, secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}={secret}; {}; Max-Age={}",
        attributes(secure, "Lax"),
        idle().num_seconds()
    )
}

/// A redirect that sets `cookie`.
pub fn redirect_setting(to: &str, cookie: &str) -> Response {
    let mut res = Redirect::to(to).into_response();
    if let Ok(c) = HeaderValue::from_str(cookie) {
        res.headers_mut().append(SET_COOKIE, c);
    }
    res
}

/// A redirect to `to` that starts the session of `secret` in the browser.
pub fn start(to: &str, secret: &str, secure: bool) -> Response {
    redirect_setting(to, &session_cookie(secret, secure))
}

/// `Set-Cookie` ending the session in the browser.
pub fn clear_session_cookie(secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}=; {}; Max-Age=0",
        attributes(secure, "Lax")
    )
}

/// `Set-Cookie` of an anonymous form token.
pub fn csrf_cookie(token: &str, secure: bool) -> String {
    format!("{CSRF_COOKIE}={token}; {}", attributes(secure, "Strict"))
}

/// Compares secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_http_only_and_secure_over_https() {
        let c = session_cookie("abc", true);
        assert!(c.starts_with("klaster_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure"));
        assert!(!session_cookie("abc", false).contains("Secure"));
        assert!(csrf_cookie("t", false).contains("SameSite=Strict"));
        assert!(clear_session_cookie(false).ends_with("Max-Age=0"));
    }

    #[test]
    fn cookie_values_and_secrets() {
        let mut h = HeaderMap::new();
        h.append(COOKIE, "lang=pl; klaster_session=s1".parse().unwrap());
        h.append(COOKIE, "klaster_csrf=".parse().unwrap());
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("s1"));
        assert_eq!(cookie(&h, CSRF_COOKIE), None, "empty is none");
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }
}
