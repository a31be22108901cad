//! The HTML pages over real HTTP: every page in every UI language, language negotiation,
//! escaping of what users wrote, what an anonymous visitor may not see, and form errors.

use std::path::Path;

use reqwest::StatusCode;
use reqwest::header::{ACCEPT_LANGUAGE, CACHE_CONTROL, CONTENT_TYPE, COOKIE, SET_COOKIE};
use serde_json::{Value, json};

use super::common::{TestApp, apps, firm_json, offer};

mod account;
pub mod account_more;
mod analytics;
mod cluster_manage;
mod directory;
pub mod join;
pub mod offer_forms;

const UI: [&str; 3] = ["pl", "en", "ru"];
/// What a message missing from every catalogue shows on a page.
const MISSING: char = '⟦';

#[test]
fn every_ui_catalogue_has_every_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut expected: Vec<String> = UI.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(on_disk, expected, "one catalogue per UI language");
    // A catalogue is split by area (ui.ftl, then one file per part of the portal): every
    // language has the same files, each with the same messages, and no message is in two files.
    let files = |lang: &str| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir.join(lang))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ftl"))
            .collect();
        names.sort();
        names
    };
    let english_files = files("en");
    assert!(english_files.contains(&"ui.ftl".to_string()));
    let mut seen = std::collections::BTreeMap::new();
    let mut total = 0;
    for file in &english_files {
        let english = klaster_notify::testing::catalogue_ids(&dir.join("en").join(file));
        total += english.len();
        for id in &english {
            if let Some(other) = seen.insert(id.clone(), file.clone()) {
                panic!("{id} is in both {other} and {file}");
            }
        }
        for lang in UI {
            assert_eq!(
                files(lang),
                english_files,
                "{lang}: the same files as English"
            );
            let ids = klaster_notify::testing::catalogue_ids(&dir.join(lang).join(file));
            let missing: Vec<_> = english.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&english).collect();
            assert!(missing.is_empty(), "{lang}/{file}: missing {missing:?}");
            assert!(extra.is_empty(), "{lang}/{file}: not in English {extra:?}");
        }
    }
    assert!(total > 50, "{seen:?}");
}

async fn drain(app: &TestApp) {
    let w = app.worker(None);
    while w.run_once().await.unwrap().is_some() {}
}

pub(super) struct Page {
    pub status: StatusCode,
    pub content_type: String,
    pub set_cookie: Option<String>,
    pub body: String,
}

async fn page(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> Page {
    let mut req = app.client.get(format!("{}{path}", app.base));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = req.send().await.unwrap();
    let header = |name| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    Page {
        status: res.status(),
        content_type: header(CONTENT_TYPE).unwrap_or_default(),
        set_cookie: header(SET_COOKIE),
        body: res.text().await.unwrap(),
    }
}

/// Whether `body` holds `raw` HTML-escaped (with named or with numeric character references).
fn contains_escaped(body: &str, raw: &str) -> bool {
    let esc = |named: bool| {
        raw.chars()
            .map(|c| match (c, named) {
                ('&', true) => "&amp;".to_string(),
                ('<', true) => "&lt;".to_string(),
                ('>', true) => "&gt;".to_string(),
                ('"', true) => "&quot;".to_string(),
                ('&' | '<' | '>' | '"' | '\'', _) => format!("&#{};", u32::from(c)),
                _ => c.to_string(),
            })
            .collect::<String>()
    };
    body.contains(&esc(true)) || body.contains(&esc(false))
}

/// The page is HTML in `lang`, complete (no missing message) and has no script at all.
fn assert_html(p: &Page, lang: &str, what: &str) {
    assert_eq!(p.content_type, "text/html; charset=utf-8", "{what}");
    assert!(p.body.starts_with("<!doctype html>"), "{what}");
    assert!(
        p.body.contains(&format!("<html lang=\"{lang}\">")),
        "{what}: not in {lang}"
    );
    assert!(
        !p.body.contains(MISSING),
        "{what}: a message is missing: {}",
        p.body
    );
    assert!(!p.body.contains("<script"), "{what}: {}", p.body);
    assert!(p.body.contains("<main id=\"main\""), "{what}");
}

#[tokio::test]
async fn every_page_answers_in_every_ui_language() {
    for app in apps().await {
        let mut cluster = firm_json("Klaster Obróbki Metali", "25.62", "PL841", "5260250274");
        cluster["kind"] = json!("cluster_organisation");
        app.create_org(cluster).await;
        let org = app
            .create_org(firm_json(
                "Zakład Spawalniczy Łapy",
                "25.11",
                "PL841",
                "7740001454",
            ))
            .await;
        let id = offer(
            &app,
            org,
            "Przekażemy zlecenie: 500 wsporników spawanych",
            json!({"scope": "public"}),
            true,
        )
        .await;
        let res = app
            .attach(
                id,
                "rysunek.pdf",
                b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let attachment = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        drain(&app).await;
        app.sync().await;

        let headings = [
            (
                "pl",
                "Współpraca firm w klastrach przemysłowych",
                "Szukaj ofert współpracy",
                "Szczegóły",
                "Nie znaleziono strony",
            ),
            (
                "en",
                "Cooperation between the firms of industrial clusters",
                "Search cooperation offers",
                "Details",
                "Page not found",
            ),
            (
                "ru",
                "Сотрудничество предприятий промышленных кластеров",
                "Поиск предложений о сотрудничестве",
                "Параметры",
                "Страница не найдена",
            ),
        ];
        for (lang, home, search, details, not_found) in headings {
            let p = page(&app, &format!("/?lang={lang}"), &[]).await;
            assert_eq!(p.status, StatusCode::OK);
            assert_html(&p, lang, "home");
            assert!(p.body.contains(home), "{lang}: {}", p.body);
            assert!(
                p.body.contains(&format!("href=\"/offers/{id}\"")),
                "latest offers"
            );
            assert!(p.body.contains("Klaster Obróbki Metali"), "clusters");

            let p = page(&app, &format!("/offers?q=zlecenie&lang={lang}"), &[]).await;
            assert_eq!(p.status, StatusCode::OK);
            assert_html(&p, lang, "search");
            assert!(p.body.contains(search), "{lang}: {}", p.body);
            assert!(
                p.body.contains(&format!("href=\"/offers/{id}\"")),
                "{}",
                p.body
            );
            assert!(p.body.contains("<mark>"), "the snippet marks the match");
            assert!(p.body.contains("<label for=\"nace\">"));

            let p = page(&app, &format!("/offers/{id}?lang={lang}"), &[]).await;
            assert_eq!(p.status, StatusCode::OK);
            assert_html(&p, lang, "offer");
            assert!(p.body.contains(details), "{lang}: {}", p.body);
            assert!(p.body.contains("EN 1090"), "structured fields");
            assert!(
                p.body.contains(&format!(
                    "<a href=\"/api/v1/attachments/{attachment}\">rysunek.pdf</a>"
                )),
                "{}",
                p.body
            );

            let p = page(&app, &format!("/offers?nace=99.99&lang={lang}"), &[]).await;
            assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert_html(&p, lang, "search with an error");

            for missing in ["/no/such/page", "/offers/999999", "/offers/abc"] {
                let p = page(&app, &format!("{missing}?lang={lang}"), &[]).await;
                assert_eq!(p.status, StatusCode::NOT_FOUND, "{missing}");
                assert_html(&p, lang, missing);
                assert!(p.body.contains(not_found), "{lang}: {}", p.body);
            }
        }
        // Reading in a content language other than the UI's: the fields follow it.
        let p = page(&app, &format!("/offers/{id}?lang=en&content=de"), &[]).await;
        assert_eq!(p.status, StatusCode::OK);
        assert!(
            p.body.contains("<dl class=\"fields\" lang=\"de\">"),
            "{}",
            p.body
        );
        assert!(p.body.contains("Show the original (Polish)"), "{}", p.body);
        app.stop().await;
    }
}

#[tokio::test]
async fn the_language_comes_from_the_query_then_the_cookie_then_the_browser() {
    let app = TestApp::sqlite().await;
    let lang_of = |p: &Page| {
        p.body
            .split("<html lang=\"")
            .nth(1)
            .and_then(|s| s.get(..2))
            .unwrap_or("")
            .to_string()
    };
    let p = page(&app, "/", &[]).await;
    assert_eq!(lang_of(&p), "pl", "Polish by default");
    assert_eq!(p.set_cookie, None);

    let ru_browser = (ACCEPT_LANGUAGE.as_str(), "de-DE,de;q=0.9,ru;q=0.8,en;q=0.5");
    let p = page(&app, "/", &[ru_browser]).await;
    assert_eq!(
        lang_of(&p),
        "ru",
        "the best UI language the browser accepts"
    );
    let p = page(
        &app,
        "/",
        &[(ACCEPT_LANGUAGE.as_str(), "en;q=0.2, pl;q=0.9")],
    )
    .await;
    assert_eq!(lang_of(&p), "pl", "q-values, not order");

    let en_cookie = (COOKIE.as_str(), "theme=dark; lang=en");
    let p = page(&app, "/offers", &[ru_browser, en_cookie]).await;
    assert_eq!(lang_of(&p), "en", "the cookie beats the browser");
    assert_eq!(p.set_cookie, None);

    let p = page(&app, "/offers?q=cnc&lang=ru", &[en_cookie]).await;
    assert_eq!(lang_of(&p), "ru", "the query beats the cookie");
    assert_eq!(
        p.set_cookie.as_deref(),
        Some("lang=ru; Path=/; SameSite=Lax; Max-Age=31536000"),
        "and is remembered"
    );
    // The switch keeps the path and the query, changing only the language.
    assert!(
        contains_escaped(&p.body, "/offers?q=cnc&lang=pl"),
        "{}",
        p.body
    );
    let p = page(&app, "/?lang=xx", &[en_cookie]).await;
    assert_eq!(lang_of(&p), "en", "an unknown language is ignored");
    assert_eq!(p.set_cookie, None);
    app.stop().await;
}

#[tokio::test]
async fn markup_in_an_offer_is_shown_as_text() {
    let app = TestApp::sqlite().await;
    let org = app
        .create_org(firm_json("Alfa", "25.62", "PL841", "7740001454"))
        .await;
    let id = offer(
        &app,
        org,
        "<script>alert(1)</script>",
        json!({"scope": "public"}),
        true,
    )
    .await;
    // Not translated yet: only the original is there, and it is indexed.
    app.sync().await;
    for path in [
        "/offers?q=alert&lang=en".to_string(),
        format!("/offers/{id}?lang=en"),
        "/?lang=en".to_string(),
    ] {
        let p = page(&app, &path, &[]).await;
        assert_eq!(p.status, StatusCode::OK, "{path}");
        assert_html(&p, "en", &path);
        assert!(
            contains_escaped(&p.body, "<script>alert(1)</script>"),
            "{path}: {}",
            p.body
        );
    }
    // Shown in the original, and marked so.
    let p = page(&app, "/offers?q=alert&lang=en", &[]).await;
    assert!(p.body.contains("original language: Polish"), "{}", p.body);
    let p = page(&app, &format!("/offers/{id}?lang=en"), &[]).await;
    assert!(
        p.body
            .contains("Not yet translated into English: shown in the original language (Polish)."),
        "{}",
        p.body
    );
    assert!(p.body.contains("<h1 lang=\"pl\">"), "{}", p.body);
    // What a reader types comes back escaped too.
    let p = page(&app, "/offers?nace=%22%3E%3Cscript%3E&lang=en", &[]).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_html(&p, "en", "typed markup");
    assert!(contains_escaped(&p.body, "\"><script>"), "{}", p.body);
    assert!(p.body.contains("id=\"nace-error\""));
    app.stop().await;
}

#[tokio::test]
async fn drafts_and_members_only_offers_are_not_found_by_anonymous_visitors() {
    let app = TestApp::sqlite().await;
    let mut cluster = firm_json("Klaster Obróbki Metali", "25.62", "PL841", "5260250274");
    cluster["kind"] = json!("cluster_organisation");
    let cid = app.create_org(cluster).await;
    let org = app
        .create_org(firm_json("Alfa", "25.62", "PL841", "7740001454"))
        .await;
    app.post(
        &format!("/api/v1/clusters/{cid}/members"),
        json!({"organisation_id": org, "role": "member", "joined_on": "2020-01-01"}),
    )
    .await;
    let draft = offer(&app, org, "Szkic oferty", json!({"scope": "public"}), false).await;
    let members = offer(
        &app,
        org,
        "Tylko dla członków klastra",
        json!({"scope": "cluster", "cluster_id": cid}),
        true,
    )
    .await;
    app.sync().await;
    for id in [draft, members] {
        let p = page(&app, &format!("/offers/{id}?lang=en"), &[]).await;
        assert_eq!(p.status, StatusCode::NOT_FOUND, "offer {id}");
        assert_html(&p, "en", "hidden offer");
        assert!(p.body.contains("Page not found"));
        assert!(!p.body.contains("Szkic") && !p.body.contains("Tylko dla"));
        // The administrator does see it through the API: it exists.
        let res = app
            .request(reqwest::Method::GET, &format!("/api/v1/offers/{id}"), None)
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    for path in ["/?lang=en", "/offers?lang=en"] {
        let p = page(&app, path, &[]).await;
        assert!(
            !p.body.contains("Szkic") && !p.body.contains("Tylko dla"),
            "{path}"
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn an_invalid_code_is_shown_next_to_its_field_and_keeps_what_was_typed() {
    let app = TestApp::sqlite().await;
    let p = page(
        &app,
        "/offers?q=spawanie&nace=99.99&region=PL84&lang=en",
        &[],
    )
    .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.body.contains(
            "<p class=\"field-error\" id=\"nace-error\">“99.99” is not a NACE Rev. 2 code.</p>"
        ),
        "{}",
        p.body
    );
    assert!(
        p.body.contains("value=\"99.99\""),
        "the typed value is kept"
    );
    assert!(p.body.contains("value=\"spawanie\""));
    assert!(p.body.contains("value=\"PL84\""));
    assert!(
        p.body
            .contains("aria-invalid=\"true\" aria-describedby=\"nace-error nace-hint\"")
    );
    assert!(
        !p.body.contains("region-error"),
        "a valid region has no error"
    );

    let p = page(&app, "/offers?region=XX99&lang=pl", &[]).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains("id=\"region-error\""), "{}", p.body);
    assert!(
        p.body.contains("„XX99” nie jest kodem regionu"),
        "{}",
        p.body
    );

    let p = page(
        &app,
        "/offers?region=BY&nace=25.62&sort=newest&offset=abc&lang=en",
        &[],
    )
    .await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    assert!(p.body.contains("0 offers found"), "{}", p.body);
    app.stop().await;
}

#[tokio::test]
async fn the_stylesheet_is_cached_and_the_api_keeps_its_errors() {
    let app = TestApp::sqlite().await;
    let home = page(&app, "/", &[]).await;
    let href = home
        .body
        .split("<link rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    assert!(href.starts_with("/static/site.css?v="), "{href}");
    let res = app.get(&href).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[CONTENT_TYPE], "text/css; charset=utf-8");
    assert!(
        res.headers()[CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("max-age=31536000")
    );
    assert!(res.text().await.unwrap().contains("@media print"));
    let res = app.get("/api/v1/no-such-thing").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(res.headers()[CONTENT_TYPE], "application/problem+json");
    app.stop().await;
}
