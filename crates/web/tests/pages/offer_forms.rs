//! Writing offers in the browser over real HTTP: the form of each kind, errors in the UI
//! language with what was typed, publishing, editing, files, interests and their threads,
//! saved searches, and who may do what.

use klaster_store::{accounts, auth};
use reqwest::StatusCode;

use super::{assert_html, contains_escaped};
use crate::common::visitor::Visitor;
use crate::common::{TestApp, firm_json};

const PASSWORD: &str = "kolorowe jabłka 7";

/// A signed-in browser of a new user with `role` (of organisation `org`).
async fn browser(app: &TestApp, email: &str, role: &str, org: Option<i64>) -> Visitor {
    let user = auth::create_user(&app.db(), email, Some(PASSWORD), role, org)
        .await
        .unwrap();
    accounts::mark_verified(&app.db(), user.id).await.unwrap();
    let mut v = Visitor::new(&app.base);
    v.get("/account/signin").await;
    v.post(
        "/account/signin",
        &[("email", email), ("password", PASSWORD)],
    )
    .await;
    assert!(v.signed_in(), "{}", v.html);
    v
}

/// Two firms, a user of each.
async fn two_firms(app: &TestApp) -> (i64, Visitor, i64, Visitor) {
    let a = app
        .create_org(firm_json(
            "Zakład Spawalniczy Łapy",
            "25.11",
            "PL841",
            "7740001454",
        ))
        .await;
    let b = app
        .create_org(firm_json("Odlewnia Grodno", "24.51", "BY", ""))
        .await;
    let va = browser(app, "jan@lapy.pl", "org_admin", Some(a)).await;
    let vb = browser(app, "olga@grodno.by", "org_member", Some(b)).await;
    (a, va, b, vb)
}

/// The fields of a Polish order handover of `org`.
pub fn order(org: &str, title: &str) -> Vec<(&'static str, String)> {
    [
        ("kind", "order_handover"),
        ("organisation_id", org),
        ("title", title),
        (
            "description",
            "Szukamy podwykonawcy do spawania wsporników stalowych. Nie zdążymy z terminem zamówienia.",
        ),
        ("lang", "pl"),
        ("nace", "25.11"),
        ("keywords", "spawanie, wsporniki"),
        ("country", "PL"),
        ("region", "PL841"),
        ("visibility", "public"),
        ("deadline", "2099-03-31"),
        ("quantity_value", "500"),
        ("quantity_unit", "piece"),
        ("delivery_city", "Białystok"),
        ("delivery_country", "PL"),
        ("required_certifications", "EN 1090, ISO 3834"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .collect()
}

fn with<'a>(
    fields: &'a [(&'static str, String)],
    extra: &[(&'static str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut out: Vec<(&str, &str)> = fields
        .iter()
        .filter(|(k, _)| !extra.iter().any(|(e, _)| e == k))
        .map(|(k, v)| (*k, v.as_str()))
        .collect();
    out.extend_from_slice(extra);
    out
}

/// Posts an order handover of `org` through the form (`action`: draft or submit); its id.
async fn post_offer(v: &mut Visitor, org: i64, title: &str, action: &str) -> i64 {
    v.get("/offers/new?kind=order_handover").await;
    let fields = order(&org.to_string(), title);
    v.post("/offers/new", &with(&fields, &[("action", action)]))
        .await;
    offer_id(&v.url)
}

/// The offer id in a path like `/offers/12/edit`.
fn offer_id(url: &str) -> i64 {
    url.split("/offers/")
        .nth(1)
        .unwrap()
        .split(['/', '?'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_firm_posts_an_offer_in_polish_and_edits_a_draft() {
    let app = TestApp::sqlite().await;
    let (a, mut va, _, _) = two_firms(&app).await;
    let org = a.to_string();
    // The kind first, then its form, in the UI language, the organisation and language filled.
    assert_eq!(va.get("/offers/new?lang=pl").await, StatusCode::OK);
    assert_html(&page_of(&va), "pl", "kinds");
    assert!(
        va.html.contains("href=\"/offers/new?kind=free_capacity\""),
        "{}",
        va.html
    );
    assert_eq!(
        va.get("/offers/new?kind=order_handover").await,
        StatusCode::OK
    );
    assert_html(&page_of(&va), "pl", "form");
    assert!(va.html.contains("Termin realizacji"), "termbase labels");
    assert!(
        va.html.contains(&format!(
            "<option value=\"{a}\" selected>Zakład Spawalniczy Łapy</option>"
        )),
        "{}",
        va.html
    );
    assert!(va.html.contains("<option value=\"pl\" selected>"));

    // Published at once (no cluster asks for review), and on its page.
    let fields = order(&org, "Przekażemy zlecenie: 500 wsporników spawanych");
    let status = va
        .post("/offers/new", &with(&fields, &[("action", "submit")]))
        .await;
    assert_eq!(status, StatusCode::OK, "{}", va.html);
    let id = offer_id(&va.url);
    assert!(va.url.ends_with(&format!("/offers/{id}")), "{}", va.url);
    assert!(
        va.html
            .contains("Przekażemy zlecenie: 500 wsporników spawanych")
    );
    assert!(va.html.contains("EN 1090"));
    let api: serde_json::Value = app
        .get(&format!("/api/v1/offers/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(api["status"], "published");
    assert_eq!(api["offer"]["details"]["quantity"]["value"], 500.0);
    // A published offer is no longer edited in place.
    va.get(&format!("/offers/{id}/edit")).await;
    assert!(
        va.html.contains("nie można jej już zmieniać"),
        "{}",
        va.html
    );
    assert!(!va.html.contains("name=\"title\""));

    // A draft: saved, then edited, then published.
    let fields = order(&org, "Szkic: toczenie wałków");
    va.get("/offers/new?kind=order_handover").await;
    va.post("/offers/new", &with(&fields, &[("action", "draft")]))
        .await;
    assert!(va.url.contains("/edit?done=saved"), "{}", va.url);
    let draft = offer_id(&va.url);
    assert!(va.html.contains("Szkic został zapisany."));
    assert!(va.html.contains("value=\"Szkic: toczenie wałków\""));
    assert!(
        va.html.contains("value=\"EN 1090, ISO 3834\""),
        "{}",
        va.html
    );
    let status = va
        .post(
            &format!("/offers/{draft}/edit"),
            &with(
                &fields,
                &[("title", "Toczenie wałków, 200 sztuk"), ("action", "draft")],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let api: serde_json::Value = app
        .get_as(&app.admin, &format!("/api/v1/offers/{draft}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(api["status"], "draft");
    assert_eq!(api["offer"]["title"], "Toczenie wałków, 200 sztuk");
    va.post(
        &format!("/offers/{draft}/edit"),
        &with(&fields, &[("action", "submit")]),
    )
    .await;
    assert!(va.url.ends_with(&format!("/offers/{draft}")), "{}", va.url);
    app.stop().await;
}

fn page_of(v: &Visitor) -> super::Page {
    super::Page {
        status: v.status,
        content_type: "text/html; charset=utf-8".into(),
        set_cookie: None,
        body: v.html.clone(),
    }
}

#[tokio::test]
async fn errors_come_in_the_ui_language_next_to_fields_that_keep_their_values() {
    let app = TestApp::sqlite().await;
    let (a, mut va, _, _) = two_firms(&app).await;
    let org = a.to_string();
    let fields = order(&org, "Zlecenie <b>pilne</b>");
    for (lang, required, nace) in [
        (
            "en",
            "This field is required.",
            "Give NACE Rev. 2 codes, like 25.62.",
        ),
        (
            "pl",
            "To pole jest wymagane.",
            "Podaj kody NACE Rev. 2, np. 25.62.",
        ),
        (
            "ru",
            "Это поле обязательно.",
            "Укажите коды NACE Rev. 2, например 25.62.",
        ),
    ] {
        va.get(&format!("/offers/new?kind=order_handover&lang={lang}"))
            .await;
        let status = va
            .post(
                "/offers/new",
                &with(
                    &fields,
                    &[
                        ("deadline", ""),
                        ("nace", "99.99"),
                        ("quantity_value", "dużo"),
                        ("action", "submit"),
                    ],
                ),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{}", va.html);
        assert_html(&page_of(&va), lang, "errors");
        assert!(
            va.html.contains(&format!(
                "<p class=\"field-error\" id=\"deadline-error\">{required}</p>"
            )),
            "{}",
            va.html
        );
        assert!(
            va.html.contains(&format!("id=\"nace-error\">{nace}</p>")),
            "{}",
            va.html
        );
        assert!(va.html.contains("id=\"quantity_value-error\""));
        assert!(va.html.contains("value=\"99.99\""), "typed values stay");
        assert!(va.html.contains("value=\"dużo\""));
        assert!(va.html.contains("value=\"Białystok\""));
        assert!(contains_escaped(&va.html, "Zlecenie <b>pilne</b>"));
        assert!(
            va.html.contains("href=\"#"),
            "the summary links to the first field"
        );
    }
    // The API's own checks (a date in the past) come back the same way.
    va.get("/offers/new?kind=order_handover&lang=en").await;
    let status = va
        .post(
            "/offers/new",
            &with(&fields, &[("deadline", "2001-01-01"), ("action", "draft")]),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        va.html
            .contains("id=\"deadline-error\">This date has already passed.</p>"),
        "{}",
        va.html
    );
    let list: serde_json::Value = app
        .get(&format!("/api/v1/offers?organisation={a}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        list["items"].as_array().unwrap().len(),
        0,
        "nothing was stored"
    );
    app.stop().await;
}

#[tokio::test]
async fn markup_in_a_title_is_rendered_inert() {
    let app = TestApp::sqlite().await;
    let (a, mut va, _, _) = two_firms(&app).await;
    let org = a.to_string();
    let evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    va.get("/offers/new?kind=order_handover&lang=en").await;
    let fields = order(&org, evil);
    va.post("/offers/new", &with(&fields, &[("action", "submit")]))
        .await;
    let id = offer_id(&va.url);
    for path in [
        format!("/offers/{id}?lang=en"),
        "/account/offers?lang=en".to_string(),
    ] {
        va.get(&path).await;
        assert_eq!(va.status, StatusCode::OK, "{path}");
        assert!(
            !va.html.contains("<script>alert") && !va.html.contains("<img src=x"),
            "{path}"
        );
        assert!(
            contains_escaped(&va.html, "<script>alert("),
            "{path}: {}",
            va.html
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn only_the_firms_own_users_write_its_offers() {
    let app = TestApp::sqlite().await;
    let (a, mut va, _, mut vb) = two_firms(&app).await;
    let org = a.to_string();
    va.get("/offers/new?kind=order_handover").await;
    va.post(
        "/offers/new",
        &with(&order(&org, "Szkic Łap"), &[("action", "draft")]),
    )
    .await;
    let draft = offer_id(&va.url);
    // Another firm's user may neither write for it nor open its draft.
    vb.get("/offers/new?kind=order_handover").await;
    let status = vb
        .post(
            "/offers/new",
            &with(&order(&org, "Cudza oferta"), &[("action", "draft")]),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{}", vb.html);
    assert_eq!(
        vb.get(&format!("/offers/{draft}/edit")).await,
        StatusCode::FORBIDDEN
    );
    let status = vb
        .post(
            &format!("/offers/{draft}/edit"),
            &with(&order(&org, "Przejęta"), &[("action", "draft")]),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // A visitor without an organisation may not write offers at all.
    let mut visitor = browser(&app, "gosc@example.org", "visitor", None).await;
    assert_eq!(
        visitor.get("/offers/new?kind=order_handover").await,
        StatusCode::FORBIDDEN
    );
    // Anonymous readers are sent to sign in first.
    let mut anon = Visitor::new(&app.base);
    anon.get("/offers/new").await;
    assert!(
        anon.url.contains("/account/signin?next=%2Foffers%2Fnew"),
        "{}",
        anon.url
    );
    let api: serde_json::Value = app
        .get_as(&app.admin, &format!("/api/v1/offers/{draft}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(api["offer"]["title"], "Szkic Łap");
    app.stop().await;
}

#[tokio::test]
async fn an_admin_posts_for_a_firm_from_its_profile_naming_one_of_its_contact_people() {
    let app = TestApp::sqlite().await;
    let (a, mut va, b, mut vb) = two_firms(&app).await;
    let contact: serde_json::Value = app
        .post_as(
            &app.admin,
            &format!("/api/v1/organisations/{a}/contacts"),
            serde_json::json!({"name": "Anna Kowalska", "role": "Kierownik produkcji",
                               "is_personal_data": true}),
        )
        .await
        .json()
        .await
        .unwrap();
    let contact = contact["id"].as_i64().unwrap().to_string();
    let post_link = format!("/offers/new?organisation={a}");
    // The profile offers "post an offer" to those who may: the firm's users and administrators.
    let mut admin = browser(&app, "admin@klaster.test", "admin", None).await;
    admin.get(&format!("/directory/{a}?lang=en")).await;
    assert!(
        admin.html.contains(&format!("href=\"{post_link}\"")),
        "{}",
        admin.html
    );
    assert!(admin.html.contains("Post an offer for this organisation"));
    vb.get(&format!("/directory/{a}")).await;
    assert!(!vb.html.contains(&post_link), "another firm's user");
    let mut anon = Visitor::new(&app.base);
    anon.get(&format!("/directory/{a}")).await;
    assert!(!anon.html.contains(&post_link), "anonymous reader");
    // From there the form names the firm and lists its contact people by name.
    admin
        .get(&format!("{post_link}&kind=order_handover&lang=en"))
        .await;
    assert!(
        admin.html.contains("Zakład Spawalniczy Łapy")
            && !admin
                .html
                .contains("name=\"organisation_id\" type=\"number\""),
        "{}",
        admin.html
    );
    assert!(
        admin.html.contains("Anna Kowalska (Kierownik produkcji)"),
        "{}",
        admin.html
    );
    let fields = order(&a.to_string(), "Zlecenie od administratora");
    admin
        .post(
            "/offers/new",
            &with(&fields, &[("action", "draft"), ("contact_id", &contact)]),
        )
        .await;
    let id = offer_id(&admin.url);
    let api: serde_json::Value = app
        .get_as(&app.admin, &format!("/api/v1/offers/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(api["offer"]["organisation_id"], a);
    assert_eq!(api["offer"]["contact_id"].to_string(), contact);
    // Editing shows the chosen person again.
    va.get(&format!("/offers/{id}/edit")).await;
    assert!(
        va.html
            .contains(&format!("<option value=\"{contact}\" selected")),
        "{}",
        va.html
    );
    // Another firm cannot name that person for its own offer.
    vb.get("/offers/new?kind=order_handover&lang=pl").await;
    let status = vb
        .post(
            "/offers/new",
            &with(
                &order(&b.to_string(), "Cudzy kontakt"),
                &[("action", "draft"), ("contact_id", &contact)],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{}", vb.html);
    assert!(
        vb.html
            .contains("Wybierz jedną z osób kontaktowych organizacji."),
        "{}",
        vb.html
    );
    app.stop().await;
}

/// Posts a multipart form (the form token first, then the file) as the browser `v`.
async fn upload(
    app: &TestApp,
    v: &Visitor,
    action: &str,
    csrf: &str,
    name: &str,
    bytes: &[u8],
) -> (StatusCode, String) {
    let b = "----klasterboundary7";
    let mut body = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
    let cookies: Vec<String> = v.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{}{action}", app.base))
        .header("cookie", cookies.join("; "))
        .header("content-type", format!("multipart/form-data; boundary={b}"))
        .body(body)
        .send()
        .await
        .unwrap();
    (res.status(), res.text().await.unwrap())
}

#[tokio::test]
async fn files_are_attached_checked_and_removed() {
    let app = TestApp::sqlite().await;
    let (a, mut va, _, vb) = two_firms(&app).await;
    let id = post_offer(&mut va, a, "Rysunki wsporników", "draft").await;
    va.get(&format!("/offers/{id}/edit?lang=en")).await;
    let csrf = crate::common::visitor::csrf_of(&va.html).unwrap();
    let action = format!("/offers/{id}/attachments");
    assert!(va.html.contains("enctype=\"multipart/form-data\""));
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    let (status, _) = upload(&app, &va, &action, &csrf, "rysunek.pdf", pdf).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    va.get(&format!("/offers/{id}/edit?lang=en")).await;
    assert!(va.html.contains(">rysunek.pdf</a>"), "{}", va.html);
    // Over the limit: the edit page says so, in the UI language.
    let big = vec![b'%'; 10 * 1024 * 1024 + 10];
    let (status, html) = upload(&app, &va, &action, &csrf, "duzy.pdf", &big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        html.contains("The file is too large: at most 10 MB are accepted."),
        "{html}"
    );
    assert!(html.contains("<html lang=\"en\">"));
    // Not a file type the portal takes.
    let (status, html) = upload(
        &app,
        &va,
        &action,
        &csrf,
        "skrypt.html",
        b"<script>1</script>",
    )
    .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        html.contains("This kind of file cannot be attached"),
        "{html}"
    );
    // Without the form token, or by another firm's user: refused.
    let (status, _) = upload(&app, &va, &action, "forged", "x.pdf", pdf).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let other = crate::common::visitor::csrf_of(&{
        let mut vb = vb;
        vb.get("/offers").await;
        vb.html.clone()
    })
    .unwrap();
    let (status, _) = upload(&app, &va, &action, &other, "x.pdf", pdf).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "another session's token");
    let files: serde_json::Value = app
        .get_as(&app.admin, &format!("/api/v1/offers/{id}/attachments"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(files.as_array().unwrap().len(), 1);
    // Removed with its button.
    va.get(&format!("/offers/{id}/edit?lang=en")).await;
    let file = files[0]["id"].as_i64().unwrap();
    va.post(&format!("/attachments/{file}/delete"), &[]).await;
    assert!(va.url.contains("done=deleted"), "{}", va.url);
    assert!(va.html.contains("No files yet."));
    app.stop().await;
}

#[tokio::test]
async fn an_interest_is_expressed_answered_and_accepted_and_strangers_stay_out() {
    let app = TestApp::sqlite().await;
    let (a, mut va, b, mut vb) = two_firms(&app).await;
    let b_org = b.to_string();
    let id = post_offer(&mut va, a, "Spawanie ram", "submit").await;
    // The offer's own firm is not offered the form; another firm's user is.
    assert!(!va.html.contains(&format!("/offers/{id}/interest")));
    vb.get(&format!("/offers/{id}?lang=ru")).await;
    assert!(
        vb.html.contains(&format!("href=\"/offers/{id}/interest\"")),
        "{}",
        vb.html
    );
    vb.get(&format!("/offers/{id}/interest?lang=ru")).await;
    assert_eq!(vb.status, StatusCode::OK);
    let status = vb
        .post(
            &format!("/offers/{id}/interest"),
            &[
                ("organisation_id", b_org.as_str()),
                ("message", ""),
                ("lang", "ru"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(vb.html.contains("Это поле обязательно."), "{}", vb.html);
    vb.post(
        &format!("/offers/{id}/interest"),
        &[
            ("organisation_id", b_org.as_str()),
            ("message", "Можем выполнить сварку рам в срок."),
            ("lang", "ru"),
        ],
    )
    .await;
    assert!(vb.url.contains("/interests/"), "{}", vb.url);
    let thread = vb.url.split("/interests/").nth(1).unwrap().to_string();
    assert!(vb.html.contains("Можем выполнить сварку рам в срок."));
    // The owner sees it among the interests received, replies and accepts.
    va.get("/account/interests?lang=pl").await;
    assert!(
        va.html.contains(&format!("href=\"/interests/{thread}\"")),
        "{}",
        va.html
    );
    assert!(va.html.contains("otrzymane"));
    va.get(&format!("/interests/{thread}?lang=pl")).await;
    assert!(va.html.contains("value=\"accept\""));
    va.post(
        &format!("/interests/{thread}/reply"),
        &[("message", "Dziękujemy, prosimy o wycenę."), ("lang", "pl")],
    )
    .await;
    assert!(
        va.html.contains("Dziękujemy, prosimy o wycenę."),
        "{}",
        va.html
    );
    va.post(
        &format!("/interests/{thread}/decision"),
        &[("decision", "accept")],
    )
    .await;
    assert!(va.html.contains("przyjęte"), "{}", va.html);
    assert!(va.html.contains("Odlewnia Grodno"), "the introduction");
    // The interested firm cannot accept its own interest.
    vb.get(&format!("/interests/{thread}")).await;
    let status = vb
        .post(
            &format!("/interests/{thread}/decision"),
            &[("decision", "accept")],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // A third firm's user finds no such thread.
    let c = app
        .create_org(firm_json("Trzecia Firma", "25.62", "PL841", "5260250274"))
        .await;
    let mut vc = browser(&app, "ktos@trzecia.pl", "org_member", Some(c)).await;
    assert_eq!(
        vc.get(&format!("/interests/{thread}")).await,
        StatusCode::NOT_FOUND
    );
    vc.get("/offers").await;
    let status = vc
        .post(
            &format!("/interests/{thread}/reply"),
            &[("message", "Wtrącam się"), ("lang", "pl")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    vc.get("/account/interests").await;
    assert!(!vc.html.contains(&format!("/interests/{thread}")));
    app.stop().await;
}

#[tokio::test]
async fn a_search_is_saved_listed_with_its_feed_and_deleted() {
    let app = TestApp::sqlite().await;
    let (a, mut va, _, mut vb) = two_firms(&app).await;
    // Anonymous readers get no save form.
    let mut anon = Visitor::new(&app.base);
    anon.get("/offers?q=spawanie").await;
    assert!(!anon.html.contains("action=\"/account/searches\""));
    vb.get("/offers?q=spawanie&nace=25&lang=en").await;
    assert!(vb.html.contains("Save this search"), "{}", vb.html);
    let status = vb
        .post(
            "/account/searches",
            &[
                ("q", "spawanie"),
                ("nace", "25"),
                ("name", ""),
                ("delivery", "daily"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(vb.html.contains("This field is required."), "{}", vb.html);
    assert!(vb.html.contains("value=\"spawanie\""), "the search is kept");
    vb.post(
        "/account/searches",
        &[
            ("q", "spawanie"),
            ("nace", "25"),
            ("name", "Spawanie <NACE 25>"),
            ("delivery", "instant"),
        ],
    )
    .await;
    assert!(
        vb.url.ends_with("/account/searches?done=saved"),
        "{}",
        vb.url
    );
    assert!(contains_escaped(&vb.html, "Spawanie <NACE 25>"));
    assert!(
        vb.html.contains("href=\"/api/v1/feeds/saved/"),
        "{}",
        vb.html
    );
    assert!(
        vb.html.contains("href=\"/offers?q=spawanie&amp;nace=25\"")
            || vb.html.contains("href=\"/offers?q=spawanie&#38;nace=25\""),
        "{}",
        vb.html
    );
    let feed = vb
        .html
        .split("href=\"/api/v1/feeds/saved/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(
        app.get(&format!("/api/v1/feeds/saved/{feed}"))
            .await
            .status(),
        StatusCode::OK
    );
    // Nobody else deletes it.
    let delete = vb
        .html
        .split("action=\"/account/searches/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    va.get("/offers").await;
    let status = va.post(&format!("/account/searches/{delete}"), &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    vb.post(&format!("/account/searches/{delete}"), &[]).await;
    assert!(vb.html.contains("The search is deleted."), "{}", vb.html);
    assert_eq!(
        app.get(&format!("/api/v1/feeds/saved/{feed}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    // The owner's offers list links to its matches, shown with their reasons.
    let id = post_offer(&mut va, a, "Spawanie konstrukcji", "submit").await;
    va.get("/account/offers?lang=en").await;
    assert!(
        va.html.contains(&format!("href=\"/offers/{id}/matches\"")),
        "{}",
        va.html
    );
    assert_eq!(
        va.get(&format!("/offers/{id}/matches?lang=en")).await,
        StatusCode::OK
    );
    assert!(va.html.contains("Firms"), "{}", va.html);
    assert_eq!(
        vb.get(&format!("/offers/{id}/matches")).await,
        StatusCode::NOT_FOUND
    );
    // Withdrawn from the list.
    va.get("/account/offers?lang=en").await;
    va.post(&format!("/offers/{id}/status"), &[("action", "withdraw")])
        .await;
    assert!(va.html.contains("the offer is now closed"), "{}", va.html);
    app.stop().await;
}
