//! The reader's UI language: `?lang=` (remembered in a cookie), else the `lang` cookie, else
//! the browser's `Accept-Language` (q-values honoured), else Polish. The UI has catalogues in
//! Polish, English and Russian; offers themselves come in all eleven working languages.

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::extract::FromRequestParts;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE};
use axum::http::request::Parts;
use klaster_translate::Lang;

use super::session::{self, CSRF_COOKIE, Signed, csrf_cookie, same_secret};
use crate::AppState;

/// The languages the UI is written in, in the order the switch shows them.
pub const UI_LANGS: [Lang; 3] = [Lang::Pl, Lang::En, Lang::Ru];
/// The portal's home language, for readers who tell nothing.
pub const DEFAULT: Lang = Lang::Pl;
pub const COOKIE_NAME: &str = "lang";
/// Longest `Accept-Language` list looked at (a browser sends a handful).
const MAX_RANGES: usize = 32;

/// A UI language from an exact code (`pl`, `EN`); region subtags are for `Accept-Language`.
fn ui_lang(code: &str) -> Option<Lang> {
    UI_LANGS
        .into_iter()
        .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
}

/// A q-value in thousandths; `None` for a malformed one (that range is ignored).
fn quality(v: &str) -> Option<u16> {
    let v = v.trim();
    let (int, frac) = v.split_once('.').unwrap_or((v, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let frac_val: u16 = format!("{frac:0<3}").parse().ok()?;
    match int {
        "0" => Some(frac_val),
        "1" if frac_val == 0 => Some(1000),
        _ => None,
    }
}

/// The best UI language of an `Accept-Language` header: highest q wins, the first listed on
/// a tie; `q=0` means "not this one"; `pl-PL` counts as `pl`.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(u16, Lang)> = None;
    for range in header.split(',').take(MAX_RANGES) {
        let mut parts = range.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let mut q = Some(1000);
        for p in parts {
            let p = p.trim();
            if let Some(v) = p.strip_prefix("q=").or_else(|| p.strip_prefix("Q=")) {
                q = quality(v);
            }
        }
        let Some(q) = q.filter(|q| *q > 0) else {
            continue;
        };
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if let Some(l) = ui_lang(primary)
            && best.is_none_or(|(bq, _)| q > bq)
        {
            best = Some((q, l));
        }
    }
    best.map(|(_, l)| l)
}

/// The `lang` cookie among the request's cookies.
fn from_cookies<'a>(headers: impl Iterator<Item = &'a str>) -> Option<Lang> {
    headers
        .flat_map(|h| h.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE_NAME)
        .and_then(|(_, v)| ui_lang(v.trim_matches('"')))
}

/// What the reader asked for, in order of precedence; the bool is true when the query chose
/// (then the answer remembers the choice in the cookie).
pub fn negotiate(query: Option<&str>, cookie: Option<Lang>, accept: Option<&str>) -> (Lang, bool) {
    if let Some(l) = query.and_then(ui_lang) {
        return (l, true);
    }
    let l = cookie
        .or_else(|| accept.and_then(from_accept_language))
        .unwrap_or(DEFAULT);
    (l, false)
}

/// The reader: UI language, the request's path and query (for links that keep them), the
/// session if signed in, and the form token forms must carry.
#[derive(Debug, Clone)]
pub struct Ui {
    pub lang: Lang,
    /// `?lang=` chose the language: the answer sets the cookie.
    pub remember: bool,
    pub path: String,
    /// The query's pairs as sent (a malformed query counts as none).
    pub query: Vec<(String, String)>,
    pub signed: Option<Signed>,
    /// Cookies get `Secure` (the portal is served over HTTPS).
    pub secure: bool,
    /// The anonymous form token the browser sent, if any.
    csrf_cookie: Option<String>,
    /// A new anonymous form token, set as a cookie if a form on the page used it.
    fresh_csrf: Option<(String, Arc<AtomicBool>)>,
}

impl Ui {
    #[cfg(test)]
    pub fn new(lang: Lang) -> Self {
        Ui {
            lang,
            remember: false,
            path: "/".into(),
            query: Vec::new(),
            signed: None,
            secure: false,
            csrf_cookie: None,
            fresh_csrf: None,
        }
    }

    /// The token a form of this page carries back.
    pub fn csrf(&self) -> &str {
        if let Some(s) = &self.signed {
            return &s.csrf;
        }
        if let Some(c) = &self.csrf_cookie {
            return c;
        }
        match &self.fresh_csrf {
            Some((t, used)) => {
                used.store(true, Ordering::Relaxed);
                t
            }
            None => "",
        }
    }

    /// Whether a posted form token is this reader's.
    pub fn csrf_matches(&self, sent: &str) -> bool {
        let expected = match (&self.signed, &self.csrf_cookie) {
            (Some(s), _) => s.csrf.as_str(),
            (None, Some(c)) => c.as_str(),
            (None, None) => return false,
        };
        !sent.is_empty() && same_secret(sent, expected)
    }

    /// The `Set-Cookie` values the answer carries: the chosen language, a new form token.
    pub fn cookies(&self) -> Vec<String> {
        let mut out: Vec<String> = self.cookie().into_iter().collect();
        if let Some((t, used)) = &self.fresh_csrf
            && used.load(Ordering::Relaxed)
        {
            out.push(csrf_cookie(t, self.secure));
        }
        out
    }

    /// A query parameter as sent.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// `path` with the current query, `name` set to `value` (or removed when `None`).
    pub fn href_with(&self, path: &str, name: &str, value: Option<&str>) -> String {
        let mut pairs: Vec<(&str, &str)> = self
            .query
            .iter()
            .filter(|(k, _)| k != name)
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        if let Some(v) = value {
            pairs.push((name, v));
        }
        href(path, &pairs)
    }

    /// The `Set-Cookie` value remembering the language for a year.
    pub fn cookie(&self) -> Option<String> {
        self.remember.then(|| {
            format!(
                "{COOKIE_NAME}={}; Path=/; SameSite=Lax; Max-Age=31536000",
                self.lang.code()
            )
        })
    }
}

/// `path?query` with the pairs form-encoded (`path` alone without pairs).
pub fn href(path: &str, pairs: &[(&str, &str)]) -> String {
    match serde_urlencoded::to_string(pairs) {
        Ok(q) if !q.is_empty() => format!("{path}?{q}"),
        _ => path.to_string(),
    }
}

impl FromRequestParts<AppState> for Ui {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let query: Vec<(String, String)> = parts
            .uri
            .query()
            .and_then(|q| serde_urlencoded::from_str(q).ok())
            .unwrap_or_default();
        let asked = query
            .iter()
            .find(|(k, _)| k == "lang")
            .map(|(_, v)| v.as_str());
        let cookie = from_cookies(
            parts
                .headers
                .get_all(COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok()),
        );
        let accept = parts
            .headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        let (lang, remember) = negotiate(asked, cookie, accept);
        let signed = session::signed(state, &parts.headers).await;
        let csrf_cookie = session::cookie(&parts.headers, CSRF_COOKIE).map(str::to_string);
        let fresh_csrf = (signed.is_none() && csrf_cookie.is_none())
            .then(|| (klaster_store::auth::random_secret(), Arc::default()));
        Ok(Ui {
            lang,
            remember,
            path: parts.uri.path().to_string(),
            query,
            signed,
            secure: session::secure(state),
            csrf_cookie,
            fresh_csrf,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_honours_q_values() {
        assert_eq!(from_accept_language("ru"), Some(Lang::Ru));
        assert_eq!(from_accept_language("en-GB,en;q=0.9"), Some(Lang::En));
        assert_eq!(
            from_accept_language("de-DE,de;q=0.9,ru;q=0.5,en;q=0.7"),
            Some(Lang::En)
        );
        assert_eq!(from_accept_language("en;q=0.5, ru"), Some(Lang::Ru));
        assert_eq!(from_accept_language("pl;q=0, en;q=0.1"), Some(Lang::En));
        assert_eq!(
            from_accept_language("ru;q=0.8, en;q=0.8"),
            Some(Lang::Ru),
            "first on a tie"
        );
        assert_eq!(from_accept_language("de, fr, *"), None);
        assert_eq!(from_accept_language("en;q=2, ru;q=0.3"), Some(Lang::Ru));
        assert_eq!(from_accept_language("en;q=abc"), None);
        assert_eq!(from_accept_language(""), None);
        assert_eq!(from_accept_language(&"x,".repeat(10_000)), None);
    }

    #[test]
    fn quality_values() {
        assert_eq!(quality("1"), Some(1000));
        assert_eq!(quality("1.000"), Some(1000));
        assert_eq!(quality("0.5"), Some(500));
        assert_eq!(quality("0.125"), Some(125));
        assert_eq!(quality("0"), Some(0));
        assert_eq!(quality("1.5"), None);
        assert_eq!(quality("0.1234"), None);
        assert_eq!(quality("-1"), None);
    }

    #[test]
    fn query_beats_cookie_beats_header() {
        assert_eq!(
            negotiate(Some("ru"), Some(Lang::En), Some("pl")),
            (Lang::Ru, true)
        );
        assert_eq!(
            negotiate(Some("de"), Some(Lang::En), Some("ru")),
            (Lang::En, false),
            "not a UI language"
        );
        assert_eq!(negotiate(None, None, Some("ru, en")), (Lang::Ru, false));
        assert_eq!(negotiate(None, None, None), (Lang::Pl, false));
        assert_eq!(
            from_cookies(["a=1; lang=en", "lang=ru"].into_iter()),
            Some(Lang::En)
        );
        assert_eq!(from_cookies(["xlang=en; lang=zz"].into_iter()), None);
    }

    #[test]
    fn links_keep_the_query() {
        let ui = Ui {
            query: vec![("q".into(), "a&b <c>".into()), ("lang".into(), "en".into())],
            ..Ui::new(Lang::En)
        };
        assert_eq!(
            ui.href_with("/offers", "lang", Some("ru")),
            "/offers?q=a%26b+%3Cc%3E&lang=ru"
        );
        assert_eq!(ui.href_with("/x", "q", None), "/x?lang=en");
        assert_eq!(Ui::new(Lang::Pl).href_with("/", "lang", None), "/");
    }
}
