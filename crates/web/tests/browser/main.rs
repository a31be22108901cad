//! End to end in a real browser: headless Chromium, driven through chromedriver, against the
//! server on a fresh SQLite database with its job runner, search sync and an SMTP sink running.
//! A visitor uses the pages as a person would: clicks the language switch, tabs to the skip
//! link, types a search and submits it with Enter, opens an offer; a link in an alert mail
//! caught by the SMTP sink opens in the browser. Screenshots of the main pages
//! at phone and desktop widths are saved under `<target>/e2e-screenshots/`, and each is audited
//! there with axe-core against WCAG 2.0/2.1 A and AA and WCAG 2.2 AA ([`check_page`]).
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them; elsewhere
//! `KLASTER_CHROMIUM` and `KLASTER_CHROMEDRIVER` may name the programs) and axe-core from npm
//! (`npm ci` in this folder, as `.ci/run` does); without them the test (or the audits) is
//! skipped with a notice, unless `KLASTER_REQUIRE_BROWSER=1` (as in CI).
//!
//! The whole journey of a firm (sign up, the verification mail from [`E2e::sink`], the
//! questionnaire, the coordinator's acceptance, an offer, a German reader's interest, the
//! directory and analytics) is in [`journey`], one browser per person.

#[path = "../common/mod.rs"]
mod common;
mod harness;
mod journey;

use std::time::Instant;

use fantoccini::key::Key;
use harness::{Browser, DESKTOP, E2e, PHONE};
use serde_json::json;

const TITLE: &str = "Przekażemy zlecenie: 500 wsporników spawanych";

/// The home page's heading in each UI language.
const HOME: [(&str, &str); 3] = [
    ("pl", "Współpraca firm w klastrach przemysłowych"),
    ("en", "Cooperation between the firms of industrial clusters"),
    ("ru", "Сотрудничество предприятий промышленных кластеров"),
];

/// A cluster with a member firm that has published one order handover; returns the firm's
/// and the offer's ids.
async fn seed(e2e: &E2e) -> (i64, i64) {
    let app = &e2e.app;
    let mut cluster = common::firm_json("Klaster Obróbki Metali", "25.62", "PL841", "5260250274");
    cluster["kind"] = json!("cluster_organisation");
    app.create_org(cluster).await;
    let org = app
        .create_org(common::firm_json(
            "Zakład Spawalniczy Łapy",
            "25.11",
            "PL841",
            "7740001454",
        ))
        .await;
    let id = common::offer(app, org, TITLE, json!({"scope": "public"}), true).await;
    // Translated into every working language and indexed, as the running server would.
    e2e.settle().await;
    (org, id)
}

/// Saves the page at phone and desktop widths and audits its accessibility at each (axe-core,
/// WCAG 2.1 A/AA and 2.2 AA: no serious or critical violation), then checks that nothing sticks out
/// sideways on the phone (the screenshot shows what does) and that its tables of rows are
/// stacked there, each cell with its column's name, and still tables to a screen reader.
async fn check_page(b: &Browser, name: &str) {
    b.viewport(PHONE).await;
    let overflow = b.overflow().await;
    b.assert_stacked_tables(&format!("{name}-{}", PHONE.0))
        .await;
    for size in [PHONE, DESKTOP] {
        let file = b.screenshot(name, size).await;
        harness::notice(&format!("screenshot: {}", file.display()));
        b.assert_accessible(&format!("{name}-{}", size.0)).await;
    }
    // Back at the desktop width: a table again, its header row in sight.
    b.assert_stacked_tables(&format!("{name}-{}", DESKTOP.0))
        .await;
    assert!(
        overflow.is_empty(),
        "{name}: wider than a phone: {overflow:?}"
    );
}

/// The page as printed (print media, at the desktop width): the site's navigation, the
/// language switch, the skip link and the calls to act are left out, nothing is cut at the right edge, and it
/// passes the same audit; saved as `<name>-print.png`. Leaves the screen media on.
async fn check_print(b: &Browser, name: &str) {
    b.viewport(DESKTOP).await;
    b.emulate_media("print").await;
    let shown = b
        .script(
            "return [...document.querySelectorAll('.site-header nav, .skip-link, .footer-links, .of-save-search')] \
               .filter(e => e.getClientRects().length > 0).map(e => e.className || e.tagName);",
        )
        .await;
    assert_eq!(shown, json!([]), "{name}: printed, but not content");
    let overflow = b.overflow().await;
    let file = b.screenshot(&format!("{name}-print"), DESKTOP).await;
    harness::notice(&format!("screenshot: {}", file.display()));
    b.assert_accessible(&format!("{name}-print")).await;
    b.emulate_media("").await;
    assert!(
        overflow.is_empty(),
        "{name}: printed, cut off: {overflow:?}"
    );
}

/// The first Tab reaches the skip link, shown when focused; Enter on it moves the focus to
/// the main content.
async fn skip_link_comes_first(b: &Browser) {
    b.press(&[Key::Tab]).await;
    let f = b.focused().await;
    assert_eq!(f["class"], "skip-link", "the first Tab stop: {f}");
    assert_eq!(f["href"], "#main", "{f}");
    let top = b
        .script("return document.activeElement.getBoundingClientRect().top;")
        .await;
    assert!(top.as_f64().unwrap_or(-1.0) >= 0.0, "shown when focused");
    b.press(&[Key::Enter]).await;
    let f = b.focused().await;
    assert_eq!(f["id"], "main", "Enter on the skip link: {f}");
}

/// The home page in each UI language, chosen by clicking the switch; the choice is kept on
/// the next page.
async fn language_switch(b: &Browser) {
    b.goto("/").await;
    assert_eq!(b.lang().await, "pl", "a Polish browser gets Polish");
    assert_eq!(b.text("h1").await, HOME[0].1);
    for (code, heading) in HOME.iter().skip(1).chain(HOME.iter().take(1)) {
        b.click(&format!(".lang-switch a[hreflang={code}]")).await;
        assert_eq!(b.lang().await, *code);
        assert_eq!(b.text("h1").await, *heading, "home in {code}");
        let current = b
            .attr(".lang-switch a[aria-current]", "hreflang")
            .await
            .unwrap_or_default();
        assert_eq!(current, *code, "the switch marks the current language");
        if *code == "ru" {
            check_page(b, "home-ru").await;
        }
    }
    // Remembered (a cookie): the navigation keeps the language.
    b.click(".lang-switch a[hreflang=en]").await;
    b.click(".site-nav a[href='/offers']").await;
    assert_eq!(b.lang().await, "en");
    assert_eq!(b.text("h1").await, "Search cooperation offers");
    b.click(".lang-switch a[hreflang=pl]").await;
    assert_eq!(b.lang().await, "pl");
}

/// Types a query on the search page, submits it with Enter, opens the offer found.
async fn search_and_open(b: &Browser, id: i64) {
    b.click(".site-nav a[href='/offers']").await;
    assert_eq!(b.text("h1").await, "Szukaj ofert współpracy");
    b.type_and_enter("#q", "wsporników").await;
    let path = b.path().await;
    assert!(path.starts_with("/offers?q=wspornik"), "{path}");
    assert_eq!(b.text(".results .card-title a").await, TITLE);
    assert!(
        !b.find_all(".results mark").await.is_empty(),
        "the matched word is marked"
    );
    check_page(b, "offers-pl").await;
    b.click(".results .card-title a").await;
    assert_eq!(b.path().await, format!("/offers/{id}"));
    assert_eq!(b.text("h1").await, TITLE);
    check_page(b, "offer-pl").await;
}

/// A German speaker's browser (no German UI): the UI falls back to the next language the
/// browser asks for, and the offer can be read in German.
async fn german_reader(e2e: &E2e, id: i64) {
    let b = e2e.browser("de-DE,de,en").await;
    let langs = b.script("return navigator.languages;").await;
    assert_eq!(
        langs,
        json!(["de-DE", "de", "en"]),
        "the simulated preference"
    );
    b.goto(&format!("/offers/{id}")).await;
    assert_eq!(b.lang().await, "en");
    b.click(".versions a[hreflang=de]").await;
    assert_eq!(b.attr("h1", "lang").await.as_deref(), Some("de"));
    assert_eq!(b.lang().await, "en", "the UI stays English");
    check_page(&b, "offer-de").await;
    b.close().await;
}

/// A German firm's saved search mails an alert when a matching offer is published; the link
/// in the mail opens the offer in the browser (the site address the server mails is its own).
async fn alert_mail_link_opens_the_offer(e2e: &E2e, org: i64) {
    let app = &e2e.app;
    let to = "jonas@mueller.example.de";
    let token = app.token_for(to, "org_member", Some(org)).await;
    let res = app
        .post_as(
            &token,
            "/api/v1/saved-searches",
            json!({"name": "Konstruktionen", "delivery": "instant",
                   "query": {"q": "konstrukcje", "lang": "de"}}),
        )
        .await;
    assert_eq!(res.status(), reqwest::StatusCode::CREATED);
    // Only offers published after the search was saved alert (times in whole seconds).
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let title = "Przekażemy zlecenie: konstrukcje stalowe";
    let id = common::offer(app, org, title, json!({"scope": "public"}), true).await;
    e2e.settle().await;
    // The running job runner sweeps once a minute; this test does not wait for it.
    let w = app.worker(Some(&e2e.sink));
    w.sweep_alerts(chrono::Utc::now()).await.expect("sweep");
    e2e.settle().await;
    let offer = format!("/offers/{id}");
    let links = e2e.links_mailed(1, to).await;
    let link = links
        .iter()
        .find(|l| l.starts_with(&offer))
        .unwrap_or_else(|| panic!("no link to {offer} in {links:?}"));
    let b = e2e.browser("de-DE,de,en").await;
    b.goto(link).await;
    assert_eq!(b.path().await, *link);
    b.find("article.offer h1").await;
    assert_ne!(b.text("h1").await, TITLE, "the new offer");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visitor_switches_language_searches_and_reads_an_offer() {
    let Some(e2e) = E2e::start().await else {
        return;
    };
    let started = Instant::now();
    let (org, id) = seed(&e2e).await;

    let b = e2e.browser("pl-PL,pl").await;
    b.goto("/").await;
    skip_link_comes_first(&b).await;
    check_page(&b, "home-pl").await;
    language_switch(&b).await;
    search_and_open(&b, id).await;
    b.close().await;

    german_reader(&e2e, id).await;
    alert_mail_link_opens_the_offer(&e2e, org).await;

    harness::notice(&format!(
        "browser test: {:.1}s; screenshots in {}",
        started.elapsed().as_secs_f64(),
        harness::screenshot_dir().display()
    ));
    e2e.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_firm_joins_posts_an_offer_and_a_german_firm_answers() {
    let Some(e2e) = E2e::start().await else {
        return;
    };
    let started = Instant::now();
    journey::run(&e2e).await;
    harness::notice(&format!("journey: {:.1}s", started.elapsed().as_secs_f64()));
    e2e.stop().await;
}
