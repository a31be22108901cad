//! The journey of a firm, one Chromium per person, everything through the pages as a person
//! does it: a Polish firm signs up (the confirmation link read from the SMTP sink), fills in
//! the questionnaire (a wrong NIP first), a coordinator with a Russian browser accepts it, the
//! firm posts an order handover in Polish, a German engineer (English UI) finds it, reads it in
//! German and expresses interest, the firm sees the interest; the directory and the analytics
//! of PL84 are visited on the way. Screenshots of each page at phone and desktop widths.

use fantoccini::key::Key;
use serde_json::{Value, json};

use super::common::{self, SECTIONS};
use super::harness::{Browser, E2e};
use super::{check_page, check_print};

const FIRM: &str = "anna@zmp.example.pl";
const COORDINATOR: &str = "koordynator@klaster.test";
const READER: &str = "jonas@mueller.example.de";
const PASSWORD: &str = "kolorowe jabłka 7";
const COMPANY: &str = "Zakład Mechaniki Precyzyjnej Sp. z o.o.";
const OFFER: &str = "Przekażemy zlecenie: toczenie 200 wałków ze stali nierdzewnej";
const GERMAN_FIRM: &str = "Müller Maschinenbau GmbH";

/// The cluster (with a coordinator) and a German member firm (with an engineer); their ids.
async fn seed(e2e: &E2e) -> (i64, i64) {
    let app = &e2e.app;
    let db = app.db();
    let mut cluster = common::firm_json("Klaster Obróbki Metali", "25.62", "PL841", "5260250274");
    cluster["kind"] = json!("cluster_organisation");
    let cluster = app.create_org(cluster).await;
    let german = app
        .create_org(json!({
            "names": [{"lang": "de", "text": GERMAN_FIRM}],
            "kind": "company", "country": "DE", "region": "DE21", "nace_main": "28.41",
            "legal_ids": [],
        }))
        .await;
    for (email, role, scope) in [
        (COORDINATOR, "coordinator", cluster),
        (READER, "org_member", german),
    ] {
        let user = klaster_store::auth::create_user(&db, email, Some(PASSWORD), role, Some(scope))
            .await
            .expect("user");
        klaster_store::accounts::mark_verified(&db, user.id)
            .await
            .expect("verified");
    }
    (cluster, german)
}

/// Signs in through the header's link and the form, with the keyboard alone: the skip link
/// into the content, Tab from the address to the password and the button, Enter on it.
async fn sign_in(b: &Browser, email: &str, heading: &str) {
    b.goto("/").await;
    b.click(".account-nav a[href^='/account/signin']").await;
    assert_eq!(b.text("h1").await, heading);
    check_page(b, &format!("signin-{}", b.lang().await)).await;
    b.press(&[Key::Tab, Key::Enter, Key::Tab]).await;
    let f = b.focused().await;
    assert_eq!(f["id"], "email", "the first field after the skip link: {f}");
    b.type_here(email).await;
    b.press(&[Key::Tab]).await;
    let f = b.focused().await;
    assert_eq!(f["id"], "password", "Tab from the address: {f}");
    b.type_here(PASSWORD).await;
    b.press(&[Key::Tab]).await;
    let f = b.focused().await;
    assert_eq!(f["tag"], "button", "Tab from the password: {f}");
    b.press_and_wait(&[Key::Enter]).await;
    // Signed in, back on the page the link was followed from.
    b.find(".account-nav a[href='/account']").await;
    assert_eq!(b.path().await, "/");
}

/// A Polish firm creates its account (a password typed differently first) and confirms the
/// address with the link mailed to it.
async fn sign_up(e2e: &E2e) -> Browser {
    let b = e2e.browser("pl-PL,pl").await;
    b.goto("/").await;
    b.click(".account-nav a[href='/account/signup']").await;
    assert_eq!(b.text("h1").await, "Załóż konto");
    b.fill("#email", FIRM).await;
    b.fill("#password", PASSWORD).await;
    b.fill("#password2", "kolorowe jabłka 8").await;
    b.click(".stacked-form button[type=submit]").await;
    assert_eq!(
        b.attr("#password2", "aria-invalid").await.as_deref(),
        Some("true"),
        "the second password is marked"
    );
    assert!(!b.text("#password2-error").await.is_empty());
    assert_eq!(b.value("#email").await, FIRM, "what was typed stays");
    check_page(&b, "signup").await;
    b.fill("#password", PASSWORD).await;
    b.fill("#password2", PASSWORD).await;
    b.choose("#lang", "pl").await;
    b.click(".stacked-form button[type=submit]").await;
    assert_eq!(b.path().await, "/account/check-mail");
    assert_eq!(b.text("h1").await, "Sprawdź pocztę");

    e2e.settle().await;
    let links = e2e.links_mailed(1, FIRM).await;
    let link = links
        .iter()
        .find(|l| l.starts_with("/account/verify?token="))
        .unwrap_or_else(|| panic!("no confirmation link in {links:?}"));
    b.goto(link).await;
    assert_eq!(b.text("h1").await, "Potwierdź adres e-mail");
    b.click(".stacked-form button[type=submit]").await;
    assert_eq!(b.path().await, "/account?done=verified");
    assert_eq!(b.text(".notice").await, "Adres potwierdzony. Witamy!");
    check_page(&b, "account").await;
    b
}

/// The German engineer has forgotten the password: the link on the sign-in page, the address,
/// the link mailed (the second mail of the journey, after the firm's confirmation), a new
/// password typed differently first, then the same twice; the engineer signs in with it later.
async fn password_reset(e2e: &E2e) {
    let b = e2e.browser("de-DE,de,en").await;
    b.goto("/account/signin").await;
    b.click("main a[href='/account/forgot']").await;
    assert_eq!(b.text("h1").await, "Forgotten password");
    b.fill("#email", "not an address").await;
    b.click(".stacked-form button[type=submit]").await;
    assert_eq!(
        b.attr("#email", "aria-invalid").await.as_deref(),
        Some("true")
    );
    check_page(&b, "forgot-error").await;
    b.fill("#email", READER).await;
    b.click(".stacked-form button[type=submit]").await;
    assert!(!b.text(".notice[role=status]").await.is_empty(), "sent");
    check_page(&b, "forgot").await;

    e2e.settle().await;
    let links = e2e.links_mailed(2, READER).await;
    let link = links
        .iter()
        .find(|l| l.starts_with("/account/reset?token="))
        .unwrap_or_else(|| panic!("no reset link in {links:?}"));
    b.goto(link).await;
    assert_eq!(b.text("h1").await, "Set a new password");
    b.fill("#password", PASSWORD).await;
    b.fill("#password2", "kolorowe jabłka 8").await;
    b.click(".stacked-form button[type=submit]").await;
    assert_eq!(
        b.attr("#password2", "aria-invalid").await.as_deref(),
        Some("true")
    );
    check_page(&b, "reset-error").await;
    b.fill("#password", PASSWORD).await;
    b.fill("#password2", PASSWORD).await;
    b.click(".stacked-form button[type=submit]").await;
    assert_eq!(b.path().await, "/account/signin?done=password");
    b.close().await;
}

/// The error pages, in the reader's language: a path nothing serves, and a page of another
/// role (the review queue, a coordinator's).
async fn error_pages(r: &Browser) {
    r.goto("/no-such-page").await;
    assert_eq!(r.text("h1").await, "Page not found");
    check_page(r, "error-404").await;
    r.goto("/review").await;
    assert_eq!(r.text("h1").await, "Not allowed");
    check_page(r, "error-403").await;
}

/// Fills the fields of one questionnaire section with `answers` as a person would: types
/// text, picks from lists, ticks boxes; several codes are typed separated by commas.
async fn fill_section(b: &Browser, answers: &Value) {
    for (key, answer) in answers.as_object().expect("a section") {
        let id = format!("#{key}");
        match answer {
            Value::Array(items) => {
                let items: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                let boxes = b
                    .find_all(&format!("input[type=checkbox][name='{key}']"))
                    .await;
                if boxes.is_empty() {
                    b.fill(&id, &items.join(", ")).await;
                } else {
                    for item in items {
                        b.tick(&format!("input[name='{key}'][value='{item}']"))
                            .await;
                    }
                }
            }
            Value::Bool(true) => b.tick(&id).await,
            other => {
                let text = match other {
                    Value::String(s) => s.clone(),
                    v => v.to_string(),
                };
                let tag = b.find(&id).await.tag_name().await.expect("tag");
                if tag == "select" {
                    b.choose(&id, &text).await;
                } else {
                    b.fill(&id, &text).await;
                }
            }
        }
    }
}

/// The questionnaire, step by step: a wrong NIP is refused next to the field and corrected;
/// the answers are checked on one page and sent to the cluster.
async fn questionnaire(b: &Browser, cluster: i64) {
    b.click(".am-pages a[href='/join']").await;
    assert_eq!(b.text("h1").await, "Ankieta współpracy klastrowej");
    b.assert_accessible("join-start").await;
    b.choose("#cluster_id", &cluster.to_string()).await;
    b.choose("#lang", "pl").await;
    b.click(".stacked-form button[type=submit]").await;
    assert_eq!(b.path().await, "/join/1");

    let answers = common::filled_answers();
    let mut company = answers["company"].clone();
    company["nip"] = json!("6920000014");
    for (i, key) in SECTIONS.iter().enumerate() {
        let step = i + 1;
        assert_eq!(b.path().await, format!("/join/{step}"));
        assert_eq!(b.text(".progress").await, format!("Krok {step} z 6"));
        if step == 1 {
            fill_section(b, &company).await;
            b.click("button[name=go][value=next]").await;
            assert_eq!(b.path().await, "/join/1", "refused");
            assert_eq!(
                b.attr("#nip", "aria-invalid").await.as_deref(),
                Some("true")
            );
            let error = b.text("#nip-error").await;
            assert!(error.contains("Ten NIP jest nieprawidłowy"), "{error}");
            assert!(b.text(".error-summary").await.contains(&error));
            assert_eq!(b.value("#street").await, "ul. Przemysłowa 5", "kept");
            check_page(b, "join-step-error").await;
            b.fill("#nip", "6920000013").await;
        } else {
            // Every step's fields (lists, boxes, groups), at the desktop width.
            b.assert_accessible(&format!("join-step-{step}")).await;
            fill_section(b, &answers[key]).await;
        }
        b.click("button[name=go][value=next]").await;
    }
    assert_eq!(b.path().await, "/join/check");
    assert_eq!(b.text("h1").await, "Sprawdź i wyślij");
    let text = b.page_text().await;
    assert!(
        text.contains(COMPANY) && text.contains("6920000013"),
        "{text}"
    );
    check_page(b, "join-check").await;
    b.click("form[action='/join/check'] button").await;
    assert_eq!(b.path().await, "/join?done=submitted");
    assert!(b.page_text().await.contains("Czeka na ocenę"));
}

/// The coordinator, with a Russian browser, opens the queue from their account page and
/// accepts the answers.
async fn coordinator_accepts(e2e: &E2e) {
    let c = e2e.browser("ru-RU,ru").await;
    sign_in(&c, COORDINATOR, "Вход").await;
    c.click(".account-nav a[href='/account']").await;
    c.click(".am-pages a[href='/review']").await;
    assert_eq!(c.text("h1").await, "На проверку");
    check_page(&c, "review-list").await;
    c.click("table a[href^='/review/']").await;
    assert_eq!(c.text("h1").await, COMPANY);
    assert!(
        c.page_text().await.contains("a.nowak@zmp.example.pl"),
        "the contact person"
    );
    check_page(&c, "review").await;
    c.click(".decision form:first-of-type button").await;
    assert!(c.page_text().await.contains("Принято"));
    // The cluster the coordinator manages: the accepted firm is among its members.
    c.click(".account-nav a[href$='/manage']").await;
    assert!(c.text("h1").await.starts_with("Управление: "));
    assert!(
        c.text("table").await.contains(COMPANY),
        "the accepted firm is a member"
    );
    check_page(&c, "cluster-manage").await;
    c.close().await;
}

/// The firm, now administrator of its organisation, posts an order handover in Polish from
/// its offers page; it is published at once. Returns the offer's id.
async fn post_offer(b: &Browser) -> i64 {
    b.click(".account-nav a[href='/account']").await;
    assert!(b.page_text().await.contains("Administrator organizacji"));
    b.click(".am-pages a[href='/account/offers']").await;
    b.assert_accessible("my-offers-empty").await;
    b.click("main a[href='/offers/new']").await;
    assert_eq!(b.text("h1").await, "Co chcesz opublikować?");
    b.assert_accessible("offer-kinds").await;
    b.click("a[href='/offers/new?kind=order_handover']").await;
    assert_eq!(b.value("#lang").await, "pl", "the UI language first");
    // Published empty: refused, the errors next to their fields and in a summary.
    b.click("button[name=action][value=submit]").await;
    assert_eq!(
        b.attr("#title", "aria-invalid").await.as_deref(),
        Some("true"),
        "the title is required"
    );
    assert!(!b.text(".error-summary").await.is_empty());
    check_page(b, "offer-form-errors").await;
    b.fill("#title", OFFER).await;
    b.fill(
        "#description",
        "Szukamy podwykonawcy. Toczenie CNC wałków ze stali 1.4301, średnica 40 mm.",
    )
    .await;
    b.choose("#lang", "pl").await;
    b.fill("#nace", "25.62").await;
    b.fill("#keywords", "toczenie, wałki").await;
    b.fill("#region", "PL841").await;
    b.type_date("#deadline", "2099-06-30").await;
    b.fill("#quantity_value", "200").await;
    b.choose("#quantity_unit", "piece").await;
    b.fill("#delivery_city", "Białystok").await;
    b.choose("#delivery_country", "PL").await;
    b.fill("#required_certifications", "ISO 9001").await;
    b.choose("#visibility", "public").await;
    check_page(b, "offer-form").await;
    b.click("button[name=action][value=submit]").await;
    let path = b.path().await;
    let id: i64 = path
        .strip_prefix("/offers/")
        .and_then(|s| s.split(['?', '/']).next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an offer page: {path}"));
    assert_eq!(b.text("h1").await, OFFER);
    check_page(b, "offer-own-pl").await;
    id
}

/// The German engineer (English UI) searches with a German word, reads the offer in German
/// and writes to the firm in German. Returns the browser, still signed in.
async fn german_reader_writes(e2e: &E2e, id: i64) -> Browser {
    let r = e2e.browser("de-DE,de,en").await;
    sign_in(&r, READER, "Sign in").await;
    assert_eq!(r.lang().await, "en");
    r.click(".site-nav a[href='/offers']").await;
    r.type_and_enter("#q", "Unterauftragnehmer").await;
    let found = format!(".results .card-title a[href^='/offers/{id}']");
    r.click(&found).await;
    r.click(".versions a[hreflang=de]").await;
    assert_eq!(r.attr("h1", "lang").await.as_deref(), Some("de"));
    assert!(
        r.text("article .description")
            .await
            .contains("Unterauftragnehmer"),
        "the description in German"
    );
    assert!(!r.text(".mark").await.is_empty(), "marked as a translation");
    check_page(&r, "offer-reader-de").await;
    check_print(&r, "offer-reader-de").await;
    r.click(&format!("a[href='/offers/{id}/interest']")).await;
    r.fill(
        "#message",
        "Wir können die Wellen termingerecht drehen. Bitte senden Sie uns die Zeichnungen.",
    )
    .await;
    r.choose("#lang", "de").await;
    r.click(".stacked-form button[type=submit]").await;
    assert!(
        r.path().await.starts_with("/interests/"),
        "{}",
        r.path().await
    );
    assert!(r.page_text().await.contains("Zeichnungen"));
    check_page(&r, "interest-thread").await;
    r
}

/// The firm finds the interest on its account, and the partners matching its offer.
async fn firm_sees_the_interest(e2e: &E2e, b: &Browser, id: i64) {
    e2e.settle().await;
    b.click(".account-nav a[href='/account']").await;
    b.click(".am-pages a[href='/account/interests']").await;
    assert_eq!(b.text("h1").await, "Zgłoszenia zainteresowania");
    let row = b.text(".of-table tbody tr").await;
    assert!(row.contains(OFFER) && row.contains(GERMAN_FIRM), "{row}");
    check_page(b, "interests").await;
    b.click(".account-nav a[href='/account']").await;
    b.click(".am-pages a[href='/account/offers']").await;
    assert!(b.text("main").await.contains(OFFER));
    check_page(b, "my-offers").await;
    b.click(&format!(".of-table a[href='/offers/{id}/matches']"))
        .await;
    assert_eq!(b.text("h1").await, "Pasujący partnerzy");
    assert_eq!(
        b.find_all("main section h2").await.len(),
        2,
        "firms and offers"
    );
    check_page(b, "matches").await;
}

/// The firm saves a search from the offer search page (so that its lists have a row).
async fn save_search(b: &Browser) {
    b.goto("/offers?q=toczenie").await;
    b.assert_accessible("offers-signed-in").await;
    b.fill("#name", "Toczenie").await;
    b.click(".of-save-search button[type=submit]").await;
    assert_eq!(b.path().await, "/account/searches?done=saved");
    check_page(b, "searches").await;
}

/// The firm's other account pages, each opened from the account page (tokens, its
/// organisation's users, notifications, saved searches...); a token is created first, so
/// that the tokens page shows its secret and a row.
async fn account_pages(b: &Browser) {
    b.click(".account-nav a[href='/account']").await;
    let links = b
        .script("return [...document.querySelectorAll('.am-pages a')].map(a => a.getAttribute('href'));")
        .await;
    let links: Vec<String> = serde_json::from_value(links).expect("links");
    // Seen on the way already, or a download rather than a page.
    let seen = [
        "/join",
        "/review",
        "/account/offers",
        "/account/interests",
        "/account/export",
    ];
    for href in links.iter().filter(|h| !seen.contains(&h.as_str())) {
        b.goto(href).await;
        if href == "/account/tokens" {
            b.fill("#name", "ERP").await;
            b.click(".stacked-form button[type=submit]").await;
            assert!(b.value("#secret").await.starts_with("kls_"), "the token");
            // Its field has a label in sight (not only a nearby text).
            let label = b
                .script(
                    "const l = document.querySelector('label[for=secret]'); \
                     const r = l && l.getBoundingClientRect(); \
                     return !!l && r.width > 1 && r.height > 1 && l.textContent.trim();",
                )
                .await;
            assert_eq!(label, json!("Twój nowy token:"), "the secret's label");
        }
        let name = format!(
            "account{}",
            href.trim_start_matches("/account").replace('/', "-")
        );
        check_page(b, &name).await;
    }
    assert!(links.len() > seen.len(), "account pages: {links:?}");
}

/// The directory: a search by name, then the firm's profile.
async fn directory(r: &Browser, org: i64) {
    r.click(".site-nav a[href='/directory']").await;
    r.type_and_enter("#q", "Mechaniki").await;
    check_page(r, "directory-search").await;
    r.click(&format!(".org-list a[href='/directory/{org}']"))
        .await;
    assert_eq!(r.text("h1").await, COMPANY);
    check_page(r, "org-profile").await;
    r.click(".badges a.badge").await;
    assert_eq!(r.text("h1").await, "Klaster Obróbki Metali");
    check_page(r, "cluster").await;
}

/// Cluster analytics for PL84 chosen on the form: the ranking table, the charts load as
/// images, the CSV link.
async fn analytics(r: &Browser) {
    r.click(".site-nav a[href='/analytics']").await;
    r.assert_accessible("analytics-form").await;
    r.choose("#an-region", "PL84").await;
    r.click(".an-form button[type=submit]").await;
    assert!(r.path().await.starts_with("/analytics/demo/PL84"));
    assert!(!r.find_all(".an-ranking tbody tr").await.is_empty());
    let images = r
        .script("return [...document.images].map(i => [i.getAttribute('src'), i.naturalWidth]);")
        .await;
    let images = images.as_array().cloned().unwrap_or_default();
    assert!(images.len() >= 2, "{images:?}");
    for i in &images {
        assert!(i[1].as_u64().unwrap_or(0) > 0, "not shown: {i}");
    }
    let csv = r.attr("a[download]", "href").await.unwrap_or_default();
    assert!(csv.contains(".csv"), "{csv}");
    check_page(r, "analytics-pl84").await;
    check_print(r, "analytics-pl84").await;
    // The printable report, a page of its own.
    r.click(".an-actions li:nth-child(2) a").await;
    check_page(r, "analytics-report").await;
    check_print(r, "analytics-report").await;
}

pub async fn run(e2e: &E2e) {
    let (cluster, _) = seed(e2e).await;
    let firm = sign_up(e2e).await;
    password_reset(e2e).await;
    questionnaire(&firm, cluster).await;
    coordinator_accepts(e2e).await;
    let org = klaster_store::accounts::by_email(&e2e.app.db(), FIRM)
        .await
        .expect("account")
        .and_then(|a| a.scope_id)
        .expect("the firm's organisation");
    let id = post_offer(&firm).await;
    // Translated and indexed, as the running server does in the background.
    e2e.settle().await;
    let reader = german_reader_writes(e2e, id).await;
    error_pages(&reader).await;
    firm_sees_the_interest(e2e, &firm, id).await;
    save_search(&firm).await;
    account_pages(&firm).await;
    firm.close().await;
    directory(&reader, org).await;
    analytics(&reader).await;
    reader.close().await;
}
