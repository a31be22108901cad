//! Accounts in the browser over real HTTP, with mail through a real SMTP sink: sign-up,
//! confirmation, sign-in and out, rate limiting, password reset, form tokens.

use std::time::Duration;

use klaster_notify::testing::{ParsedMail, SmtpSink};
use reqwest::StatusCode;

use super::MISSING;
use crate::common::visitor::{Visitor, csrf_of};
use crate::common::{TestApp, apps};

/// Sends the queued mail and returns the `n`-th message (counting from 1) the sink has.
async fn mail_no(app: &TestApp, sink: &SmtpSink, n: usize) -> ParsedMail {
    let w = app.worker(Some(sink));
    while w.run_once().await.unwrap().is_some() {}
    let all = sink.wait_for(n, Duration::from_secs(10)).await;
    assert!(all.len() >= n, "{} mails", all.len());
    all[n - 1].parsed()
}

/// The portal link in a mail's text.
fn link_in(mail: &ParsedMail, base: &str) -> String {
    let text = mail.text.as_deref().unwrap();
    let start = text
        .find(base)
        .unwrap_or_else(|| panic!("no link in {text}"));
    let end = text[start..]
        .find(char::is_whitespace)
        .unwrap_or(text.len() - start);
    text[start..start + end]
        .trim_start_matches(base)
        .to_string()
}

const PASSWORD: &str = "kolorowe jabłka 7";

/// Signs up `email` and confirms it by the mailed link; the visitor ends signed in.
pub async fn sign_up(
    app: &TestApp,
    sink: &SmtpSink,
    nth_mail: usize,
    email: &str,
    lang: &str,
) -> Visitor {
    let mut v = Visitor::new(&app.base);
    v.get("/account/signup").await;
    let status = v
        .post(
            "/account/signup",
            &[
                ("email", email),
                ("password", PASSWORD),
                ("password2", PASSWORD),
                ("lang", lang),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(v.url.ends_with("/account/check-mail"), "{}", v.url);
    let mail = mail_no(app, sink, nth_mail).await;
    assert_eq!(mail.to[0].email, email);
    let link = link_in(&mail, &app.base);
    assert!(link.starts_with("/account/verify?token="), "{link}");
    assert_eq!(v.get(&link).await, StatusCode::OK);
    assert!(v.html.contains(email), "the page names the address");
    assert!(!v.signed_in(), "opening the link alone does nothing");
    let token = link.split("token=").nth(1).unwrap().to_string();
    v.post("/account/verify", &[("token", &token)]).await;
    assert!(v.signed_in());
    assert!(v.url.contains("/account?done=verified"), "{}", v.url);
    v
}

#[tokio::test]
async fn sign_up_confirm_sign_out_and_in_again() {
    for app in apps().await {
        let sink = SmtpSink::start().await.unwrap();
        let mut v = Visitor::new(&app.base);
        v.get("/account/signup?lang=pl").await;
        // Field errors in the reader's language; what was typed stays, passwords do not.
        let status = v
            .post(
                "/account/signup",
                &[
                    ("email", "olga(at)example.by"),
                    ("password", "krótkie"),
                    ("password2", "krótkie"),
                    ("lang", "ru"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(v.html.contains("Podaj poprawny adres e-mail"), "{}", v.html);
        assert!(v.html.contains("co najmniej 10 znaków"));
        assert!(v.html.contains("value=\"olga(at)example.by\""));
        assert!(!v.html.contains("krótkie"), "passwords are never sent back");
        assert!(v.html.contains("<option value=\"ru\" selected>"));
        assert!(v.html.contains("aria-invalid=\"true\""));

        let mut v = sign_up(&app, &sink, 1, "olga@example.by", "ru").await;
        let mail = sink.messages()[0].parsed();
        assert_eq!(
            mail.subject.as_deref(),
            Some("[Klaster] Подтвердите адрес электронной почты"),
            "in the chosen language"
        );
        assert!(v.html.contains("olga@example.by"));
        assert!(
            v.html.contains("Gość (jeszcze bez organizacji)"),
            "a new account is a visitor"
        );
        // Signed in: the header offers the account and signing out.
        assert!(v.html.contains("action=\"/account/signout\""));

        v.post("/account/signout", &[]).await;
        assert!(!v.signed_in());
        assert_eq!(v.get("/account").await, StatusCode::OK);
        assert!(
            v.url.contains("/account/signin?next=%2Faccount"),
            "{}",
            v.url
        );

        // wrong password, then the right one, coming back where the reader was going
        v.get("/account/signin?next=/offers").await;
        let status = v
            .post(
                "/account/signin",
                &[
                    ("email", "Olga@example.by"),
                    ("password", "not the password"),
                    ("next", "/offers"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(v.html.contains("value=\"Olga@example.by\""));
        v.post(
            "/account/signin",
            &[
                ("email", "Olga@example.by"),
                ("password", PASSWORD),
                ("next", "/offers"),
            ],
        )
        .await;
        assert!(v.signed_in());
        assert!(v.url.ends_with("/offers"), "{}", v.url);
        app.stop().await;
    }
}

#[tokio::test]
async fn an_unconfirmed_or_known_address_is_handled_without_telling_others() {
    let app = TestApp::sqlite().await;
    let sink = SmtpSink::start().await.unwrap();
    let mut v = Visitor::new(&app.base);
    v.get("/account/signup?lang=en").await;
    let fields = [
        ("email", "jan@firma.pl"),
        ("password", PASSWORD),
        ("password2", PASSWORD),
        ("lang", "pl"),
    ];
    v.post("/account/signup", &fields).await;
    assert!(v.url.ends_with("/account/check-mail"));
    // Signing in before confirming sends a new link instead.
    v.get("/account/signin").await;
    let status = v
        .post(
            "/account/signin",
            &[("email", "jan@firma.pl"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        v.html.contains("confirm your e-mail address first"),
        "{}",
        v.html
    );
    assert!(!v.signed_in());
    // A second sign-up with the address looks the same, and its owner is told by mail.
    let mut other = Visitor::new(&app.base);
    other.get("/account/signup").await;
    other.post("/account/signup", &fields).await;
    assert!(other.url.ends_with("/account/check-mail"));
    let w = app.worker(Some(&sink));
    while w.run_once().await.unwrap().is_some() {}
    let mails: Vec<ParsedMail> = sink
        .wait_for(3, Duration::from_secs(10))
        .await
        .iter()
        .map(|m| m.parsed())
        .collect();
    let subjects: Vec<&str> = mails
        .iter()
        .map(|m| m.subject.as_deref().unwrap())
        .collect();
    assert_eq!(
        subjects,
        [
            "[Klaster] Potwierdź swój adres e-mail",
            "[Klaster] Potwierdź swój adres e-mail",
            "[Klaster] Masz już konto"
        ]
    );
    // either confirmation link works once
    let link = link_in(&mails[1], &app.base);
    v.get(&link).await;
    let token = link.split("token=").nth(1).unwrap().to_string();
    v.post("/account/verify", &[("token", &token)]).await;
    assert!(v.signed_in());
    let status = v.get(&link).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "used");
    app.stop().await;
}

#[tokio::test]
async fn sign_in_is_limited_after_five_failures() {
    let app = TestApp::sqlite().await;
    let sink = SmtpSink::start().await.unwrap();
    let mut v = sign_up(&app, &sink, 1, "anna@firma.pl", "pl").await;
    v.post("/account/signout", &[]).await;
    v.get("/account/signin?lang=en").await;
    for _ in 0..5 {
        let s = v
            .post(
                "/account/signin",
                &[("email", "anna@firma.pl"), ("password", "wrong password")],
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let s = v
        .post(
            "/account/signin",
            &[("email", "anna@firma.pl"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        s,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    assert!(v.html.contains("Too many attempts"));
    assert!(!v.signed_in());
    app.stop().await;
}

#[tokio::test]
async fn a_password_reset_ends_every_session() {
    let app = TestApp::sqlite().await;
    let sink = SmtpSink::start().await.unwrap();
    let mut phone = sign_up(&app, &sink, 1, "piotr@firma.pl", "en").await;
    let mut v = Visitor::new(&app.base);
    v.get("/account/forgot?lang=en").await;
    v.post("/account/forgot", &[("email", "piotr@firma.pl")])
        .await;
    assert!(v.html.contains("If an account with this address exists"));
    v.post("/account/forgot", &[("email", "nobody@firma.pl")])
        .await;
    assert!(
        v.html.contains("If an account with this address exists"),
        "the same answer"
    );
    let mail = mail_no(&app, &sink, 2).await;
    assert_eq!(sink.messages().len(), 2, "no mail for an unknown address");
    let link = link_in(&mail, &app.base);
    assert!(link.starts_with("/account/reset?token="));
    assert_eq!(v.get(&link).await, StatusCode::OK);
    let token = link.split("token=").nth(1).unwrap().to_string();
    let s = v
        .post(
            "/account/reset",
            &[
                ("token", &token),
                ("password", "short"),
                ("password2", "short"),
            ],
        )
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the link survives a refused password"
    );
    let new = "a much better passphrase";
    v.post(
        "/account/reset",
        &[("token", &token), ("password", new), ("password2", new)],
    )
    .await;
    assert!(v.url.contains("/account/signin?done=password"), "{}", v.url);
    phone.get("/account").await;
    assert!(
        phone.url.contains("/account/signin"),
        "the other session ended"
    );
    let s = v
        .post(
            "/account/signin",
            &[("email", "piotr@firma.pl"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the old password is gone"
    );
    v.post(
        "/account/signin",
        &[("email", "piotr@firma.pl"), ("password", new)],
    )
    .await;
    assert!(v.signed_in());
    assert_eq!(
        v.get(&link).await,
        StatusCode::NOT_FOUND,
        "the link was used"
    );
    app.stop().await;
}

#[tokio::test]
async fn forms_need_their_token_and_this_site() {
    let app = TestApp::sqlite().await;
    let sink = SmtpSink::start().await.unwrap();
    let mut v = sign_up(&app, &sink, 1, "ewa@firma.pl", "pl").await;
    // no token, another session's token, a post from another site
    assert_eq!(
        v.post_raw("/account", &[("lang", "de")]).await,
        StatusCode::FORBIDDEN
    );
    let mut stranger = Visitor::new(&app.base);
    stranger.get("/account/signin").await;
    let foreign = csrf_of(&stranger.html).unwrap();
    assert_eq!(
        v.post_raw("/account", &[("csrf", &foreign), ("lang", "de")])
            .await,
        StatusCode::FORBIDDEN
    );
    v.get("/account").await;
    let mine = csrf_of(&v.html).unwrap();
    let res = reqwest::Client::new()
        .post(format!("{}/account", app.base))
        .header(
            "cookie",
            format!("klaster_session={}", v.cookies["klaster_session"]),
        )
        .header("origin", "https://evil.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={mine}&lang=de"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let acc = klaster_store::accounts::by_email(&app.db(), "ewa@firma.pl")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(acc.lang.as_deref(), Some("pl"), "nothing changed");
    // with its token the form works
    v.post("/account", &[("lang", "de")]).await;
    assert!(v.url.ends_with("/account?done=lang"));
    let acc = klaster_store::accounts::by_email(&app.db(), "ewa@firma.pl")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(acc.lang.as_deref(), Some("de"));
    // an anonymous form without its cookie is refused too
    let mut fresh = Visitor::new(&app.base);
    let s = fresh
        .post_raw(
            "/account/signin",
            &[
                ("csrf", &foreign),
                ("email", "ewa@firma.pl"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn account_pages_are_complete_in_every_ui_language() {
    let app = TestApp::sqlite().await;
    let sink = SmtpSink::start().await.unwrap();
    let mut signed = sign_up(&app, &sink, 1, "ania@firma.pl", "pl").await;
    let mut anon = Visitor::new(&app.base);
    for lang in ["pl", "en", "ru"] {
        for path in [
            "/account/signup",
            "/account/signin",
            "/account/forgot",
            "/account/check-mail",
            "/account/reset?token=x",
            "/account/verify?token=x",
        ] {
            anon.get(&format!(
                "{path}{}lang={lang}",
                if path.contains('?') { "&" } else { "?" }
            ))
            .await;
            assert!(!anon.html.contains(MISSING), "{lang} {path}: {}", anon.html);
            assert!(anon.html.contains(&format!("<html lang=\"{lang}\">")));
        }
        signed.get(&format!("/account?lang={lang}")).await;
        assert_eq!(signed.status, StatusCode::OK);
        assert!(!signed.html.contains(MISSING), "{lang}: {}", signed.html);
    }
    app.stop().await;
}
