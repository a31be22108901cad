//! A reader of the HTML pages as a browser without scripts is: it keeps cookies, follows
//! redirects itself (so it sees every `Set-Cookie`), and posts forms with the form token the
//! page it came from carries.

use std::collections::BTreeMap;

use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::{Client, Method, StatusCode, redirect};

pub struct Visitor {
    base: String,
    client: Client,
    pub cookies: BTreeMap<String, String>,
    /// The last page: where it was and its HTML.
    pub url: String,
    pub status: StatusCode,
    pub html: String,
}

/// The value of the hidden form token in `html` (the first form's).
pub fn csrf_of(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let end = html[at..].find('"')?;
    Some(html[at..at + end].to_string())
}

impl Visitor {
    pub fn new(base: &str) -> Self {
        Visitor {
            base: base.to_string(),
            client: Client::builder()
                .redirect(redirect::Policy::none())
                .build()
                .unwrap(),
            cookies: BTreeMap::new(),
            url: String::new(),
            status: StatusCode::OK,
            html: String::new(),
        }
    }

    fn absolute(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{path}", self.base)
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep_cookies(&mut self, res: &reqwest::Response) {
        for c in res.headers().get_all(SET_COOKIE) {
            let c = c.to_str().unwrap();
            let pair = c.split(';').next().unwrap();
            let (k, v) = pair.split_once('=').unwrap();
            if v.is_empty() || c.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), v.to_string());
            }
        }
    }

    /// A request to the current URL with the cookies.
    fn request(&self, method: Method) -> reqwest::RequestBuilder {
        self.client
            .request(method, &self.url)
            .header(COOKIE, self.cookie_header())
    }

    /// Answers a request, following redirects (as GET), and keeps the final page.
    async fn finish(&mut self, mut res: reqwest::Response) -> StatusCode {
        loop {
            self.keep_cookies(&res);
            let Some(to) = res.status().is_redirection().then(|| {
                res.headers()
                    .get(LOCATION)
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .to_string()
            }) else {
                break;
            };
            self.url = self.absolute(&to);
            res = self.request(Method::GET).send().await.unwrap();
        }
        self.status = res.status();
        self.html = res.text().await.unwrap();
        self.status
    }

    pub async fn get(&mut self, path: &str) -> StatusCode {
        self.url = self.absolute(path);
        let res = self.request(Method::GET).send().await.unwrap();
        self.finish(res).await
    }

    /// Posts `fields` to `action` with the form token of the current page.
    pub async fn post(&mut self, action: &str, fields: &[(&str, &str)]) -> StatusCode {
        let csrf = csrf_of(&self.html).unwrap_or_default();
        let mut all: Vec<(&str, &str)> = vec![("csrf", &csrf)];
        all.extend_from_slice(fields);
        self.post_raw(action, &all).await
    }

    /// Posts exactly `fields` (no token added).
    pub async fn post_raw(&mut self, action: &str, fields: &[(&str, &str)]) -> StatusCode {
        self.url = self.absolute(action);
        let res = self
            .request(Method::POST)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_urlencoded::to_string(fields).unwrap())
            .send()
            .await
            .unwrap();
        self.finish(res).await
    }

    pub fn signed_in(&self) -> bool {
        self.cookies.contains_key("klaster_session")
    }
}
