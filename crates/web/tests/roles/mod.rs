//! Who may write what: every write route of the JSON API, and every form of the pages (their
//! list read from the page routers' source, so a new form must be added here), sent as each
//! role against things owned by organisation A (a member of cluster C). Each cell runs in a
//! world of its own (fresh organisations, people, session and target), so what one cell writes
//! cannot change another's answer. On failure the whole matrix is printed.
//!
//! The rules: administrators may do everything in the directory (they read interest threads
//! but take no side, and a person's saved searches are theirs alone); a coordinator manages
//! cluster C (members, statuses, profile, reviews of answers addressed to it) and looks after the
//! profiles of its members; an organisation's people write its offers, its administrators also
//! its profile, contacts and people; a translator corrects translations; a visitor writes only
//! what is their own (saved searches, data sets, analyses); anonymous readers only answer the
//! public questionnaire.

use std::collections::BTreeMap;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::common::visitor::Visitor;
use crate::common::{TestApp, apps, filled_answers, firm_json};
use crate::pages::account_more::PASSWORD;

const ROLES: [&str; 8] = [
    "anonymous",
    "visitor",
    "member A",
    "admin A",
    "admin B",
    "coordinator C",
    "translator",
    "admin",
];

/// Roles allowed, by route.
const EVERYONE: &[&str] = &ROLES;
const ANY_SIGNED: &[&str] = match ROLES.split_first() {
    Some((_, signed)) => signed,
    None => &[],
};
const A_OFFERS: &[&str] = &["member A", "admin A", "admin"];
const A_PROFILE: &[&str] = &["admin A", "coordinator C", "admin"];
const C_MEMBERS: &[&str] = &["coordinator C", "admin"];
const ADMIN: &[&str] = &["admin"];

const API: &[(&str, &[&str])] = &[
    ("DELETE /api/v1/attachments/{id}", A_OFFERS),
    ("DELETE /api/v1/contacts/{id}", A_PROFILE),
    ("DELETE /api/v1/memberships/{id}", C_MEMBERS),
    ("DELETE /api/v1/organisations/{id}", ADMIN),
    ("DELETE /api/v1/saved-searches/{id}", &["member A"]),
    ("DELETE /api/v1/statuses/{id}", C_MEMBERS),
    (
        "POST /api/v1/agreements",
        &["admin A", "admin B", "coordinator C", "admin"],
    ),
    ("POST /api/v1/analyses", ANY_SIGNED),
    ("POST /api/v1/clusters/{id}/members", C_MEMBERS),
    ("POST /api/v1/clusters/{id}/statuses", C_MEMBERS),
    ("POST /api/v1/datasets", ANY_SIGNED),
    (
        "POST /api/v1/interests/{id}/decision",
        &["member A", "admin A"],
    ),
    (
        "POST /api/v1/interests/{id}/messages",
        &["member A", "admin A", "admin B"],
    ),
    ("POST /api/v1/offers", A_OFFERS),
    ("POST /api/v1/offers/{id}/attachments", A_OFFERS),
    ("POST /api/v1/offers/{id}/interests", &["admin B", "admin"]),
    ("POST /api/v1/offers/{id}/transitions", A_OFFERS),
    ("POST /api/v1/organisations", C_MEMBERS),
    ("POST /api/v1/organisations/{id}/contacts", A_PROFILE),
    ("POST /api/v1/questionnaires", ADMIN),
    ("POST /api/v1/questionnaires/{key}/responses", EVERYONE),
    ("POST /api/v1/refdata/languages/detect", EVERYONE),
    ("POST /api/v1/relations", A_PROFILE),
    ("POST /api/v1/responses/{id}/review", C_MEMBERS),
    ("POST /api/v1/saved-searches", ANY_SIGNED),
    ("PUT /api/v1/clusters/{id}/profile", C_MEMBERS),
    ("PUT /api/v1/contacts/{id}", A_PROFILE),
    ("PUT /api/v1/memberships/{id}", C_MEMBERS),
    ("PUT /api/v1/offers/{id}", A_OFFERS),
    (
        "PUT /api/v1/offers/{id}/texts/{lang}",
        &["translator", "admin"],
    ),
    ("PUT /api/v1/organisations/{id}", A_PROFILE),
    ("PUT /api/v1/statuses/{id}", C_MEMBERS),
];

/// The page forms (every `POST` the page routers register but the public ones below). The
/// forms act for the reader's own account, organisation or offer; what they may touch follows
/// the API's rules, through the API's own functions.
const PAGES: &[(&str, &[&str])] = &[
    ("POST /account", ANY_SIGNED),
    ("POST /account/signout", EVERYONE),
    ("POST /account/tokens", ANY_SIGNED),
    ("POST /account/tokens/{id}/revoke", &["member A"]),
    ("POST /account/delete", ANY_SIGNED),
    // adds a person to the reader's own organisation
    ("POST /account/organisation", &["admin A", "admin B"]),
    ("POST /account/organisation/{id}/role", &["admin A"]),
    ("POST /account/organisation/{id}/remove", &["admin A"]),
    ("POST /account/notifications/{id}", &["member A"]),
    ("POST /account/notifications/{id}/delete", &["member A"]),
    ("POST /account/searches", ANY_SIGNED),
    ("POST /account/searches/{id}/delete", &["member A"]),
    // the questionnaire writes the reader's own draft and sends it (a valid one for every
    // reader, so a refusal cannot pass for a form error)
    ("POST /join", ANY_SIGNED),
    ("POST /join/{step}", ANY_SIGNED),
    ("POST /join/check", ANY_SIGNED),
    // an answer addressed to cluster C
    ("POST /review/{id}", C_MEMBERS),
    // cluster C's members and statuses
    ("POST /directory/{id}/members", C_MEMBERS),
    ("POST /memberships/{id}", C_MEMBERS),
    ("POST /directory/{id}/statuses", C_MEMBERS),
    ("POST /directory/{id}/profile", C_MEMBERS),
    // an offer of A waiting for cluster C's review
    ("POST /offers/{id}/review", C_MEMBERS),
    ("POST /statuses/{id}", C_MEMBERS),
    ("POST /statuses/{id}/delete", C_MEMBERS),
    // offers of A
    ("POST /offers/new", A_OFFERS),
    ("POST /offers/{id}/edit", A_OFFERS),
    ("POST /offers/{id}/status", A_OFFERS),
    ("POST /offers/{id}/attachments", A_OFFERS),
    ("POST /attachments/{id}/delete", A_OFFERS),
    // B's interest in an offer of A, and its thread
    ("POST /offers/{id}/interest", &["admin B", "admin"]),
    (
        "POST /interests/{id}/reply",
        &["member A", "admin A", "admin B"],
    ),
    ("POST /interests/{id}/decision", &["member A", "admin A"]),
];

/// The public forms of signing up and in, and of a forgotten password: they act on nobody's
/// data but the address given, and the account tests cover them.
const PUBLIC_FORMS: &[&str] = &[
    "POST /account/forgot",
    "POST /account/reset",
    "POST /account/signin",
    "POST /account/signup",
    "POST /account/verify",
];

/// One cell's world: cluster C with member A, organisation B outside it, and a person of each
/// role (by e-mail; `n` keeps the addresses of worlds apart).
struct World {
    c: i64,
    a: i64,
    b: i64,
    people: BTreeMap<&'static str, (String, Option<i64>)>,
}

async fn world(app: &TestApp, n: usize) -> World {
    let mut cluster = firm_json(&format!("Klaster {n}"), "25.62", "PL841", "");
    cluster["kind"] = json!("cluster_organisation");
    let c = app.create_org(cluster).await;
    let a = app
        .create_org(firm_json(&format!("Alfa {n}"), "25.62", "PL841", ""))
        .await;
    let b = app
        .create_org(firm_json(&format!("Beta {n}"), "25.11", "PL842", ""))
        .await;
    let res = app
        .post(
            &format!("/api/v1/clusters/{c}/members"),
            json!({"organisation_id": a, "role": "member", "joined_on": "2020-01-01"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let mut people = BTreeMap::new();
    for (role, kind, scope) in [
        ("visitor", "visitor", None),
        ("member A", "org_member", Some(a)),
        ("admin A", "org_admin", Some(a)),
        ("admin B", "org_admin", Some(b)),
        ("coordinator C", "coordinator", Some(c)),
        ("translator", "translator", None),
    ] {
        let email = format!("{}-{n}@example.org", kind.replace('_', "-"));
        let email = if role == "admin B" {
            format!("b-{email}")
        } else {
            email
        };
        let db = app.db();
        let user = klaster_store::auth::create_user(&db, &email, None, kind, scope)
            .await
            .unwrap();
        klaster_store::accounts::mark_verified(&db, user.id)
            .await
            .unwrap();
        people.insert(role, (email, Some(user.id)));
    }
    World { c, a, b, people }
}

fn user_id(w: &World, role: &str) -> i64 {
    w.people[role].1.unwrap()
}

/// A token of `role` in the world (the test's administrator token for "admin").
async fn token(app: &TestApp, w: &World, role: &str) -> Option<String> {
    match role {
        "anonymous" => None,
        "admin" => Some(app.admin.clone()),
        r => Some(
            klaster_store::auth::create_token(&app.db(), user_id(w, r), "matrix")
                .await
                .unwrap()
                .1,
        ),
    }
}

fn id_of(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or_else(|| panic!("no id in {v}"))
}

/// An administrator's write that must succeed.
async fn admin_write(app: &TestApp, method: Method, path: &str, body: Value) -> Value {
    let res = app.request(method, path, Some(body)).await;
    let status = res.status();
    let v: Value = res.json().await.unwrap_or(Value::Null);
    assert!(status.is_success(), "{path}: {status} {v}");
    v
}

/// An offer of A (published unless `draft`), titled apart from every other.
async fn offer_of_a(app: &TestApp, w: &World, n: usize, draft: bool) -> i64 {
    let v = admin_write(app, Method::POST, "/api/v1/offers", offer_body(w.a, n)).await;
    let id = id_of(&v);
    if !draft {
        admin_write(
            app,
            Method::POST,
            &format!("/api/v1/offers/{id}/transitions"),
            json!({"action": "submit"}),
        )
        .await;
    }
    id
}

fn offer_body(org: i64, n: usize) -> Value {
    json!({
        "organisation_id": org, "lang": "pl", "title": format!("Zlecenie numer {n}"),
        "description": "Szukamy podwykonawcy do spawania konstrukcji stalowych.",
        "details": {"kind": "order_handover", "quantity": {"value": 500, "unit": "piece"},
                    "deadline": "2099-02-15", "delivery_city": "Białystok", "delivery_country": "PL"},
        "nace": ["25.11"], "country": "PL", "region": "PL841", "visibility": {"scope": "public"}
    })
}

async fn interest_of_b(app: &TestApp, w: &World, n: usize) -> i64 {
    let offer = offer_of_a(app, w, n, false).await;
    let v = admin_write(
        app,
        Method::POST,
        &format!("/api/v1/offers/{offer}/interests"),
        json!({"organisation_id": w.b, "message": "Jesteśmy zainteresowani współpracą."}),
    )
    .await;
    id_of(&v)
}

async fn membership_of_a(app: &TestApp, w: &World) -> i64 {
    let v: Value = app
        .get(&format!("/api/v1/clusters/{}/members", w.c))
        .await
        .json()
        .await
        .unwrap();
    let list = v.as_array().or_else(|| v["items"].as_array()).unwrap();
    list.iter()
        .find(|m| m["organisation_id"].as_i64() == Some(w.a))
        .and_then(|m| m["id"].as_i64().or_else(|| m["membership_id"].as_i64()))
        .unwrap_or_else(|| panic!("no membership in {v}"))
}

/// A Key National Cluster status of C.
async fn status_of_c(app: &TestApp, w: &World) -> i64 {
    let v = admin_write(
        app,
        Method::POST,
        &format!("/api/v1/clusters/{}/statuses", w.c),
        json!({"kind": "key_national_cluster", "granted_on": "2020-01-01"}),
    )
    .await;
    id_of(&v)
}

const PDF: &[u8] = b"%PDF-1.4\n%%EOF\n";

/// A file of a published offer of A.
async fn attachment_of_a(app: &TestApp, w: &World, n: usize) -> i64 {
    let offer = offer_of_a(app, w, n, false).await;
    id_of(&app.attach(offer, "a.pdf", PDF).await.json().await.unwrap())
}

async fn contact_of_a(app: &TestApp, w: &World) -> i64 {
    let v = admin_write(
        app,
        Method::POST,
        &format!("/api/v1/organisations/{}/contacts", w.a),
        json!({"name": "Jan Testowy", "role": "CEO", "email": "jan@alfa.example.pl"}),
    )
    .await;
    id_of(&v)
}

async fn saved_search_of_member(app: &TestApp, w: &World) -> i64 {
    klaster_store::alerts::create(
        &app.db(),
        &klaster_store::alerts::NewSavedSearch {
            user_id: user_id(w, "member A"),
            name: "Spawanie",
            query: &json!({"q": "spawanie"}),
            lang: "pl",
            email: None,
            delivery: klaster_store::alerts::Delivery::Instant,
        },
    )
    .await
    .unwrap()
    .id
}

const CSV: &str =
    "region,industry,year,employment\nR1,25,2020,10\nR2,25,2020,20\nR1,28,2020,5\nR2,28,2020,7\n";

/// The request of one API cell: its path, and its body (JSON, or CSV for data sets).
async fn api_request(app: &TestApp, w: &World, route: &str, n: usize) -> (String, Value) {
    let (c, a, b) = (w.c, w.a, w.b);
    match route {
        "DELETE /api/v1/attachments/{id}" => (
            format!("/api/v1/attachments/{}", attachment_of_a(app, w, n).await),
            Value::Null,
        ),
        "DELETE /api/v1/contacts/{id}" => (
            format!("/api/v1/contacts/{}", contact_of_a(app, w).await),
            Value::Null,
        ),
        "DELETE /api/v1/memberships/{id}" => (
            format!("/api/v1/memberships/{}", membership_of_a(app, w).await),
            Value::Null,
        ),
        "DELETE /api/v1/organisations/{id}" => (format!("/api/v1/organisations/{a}"), Value::Null),
        "DELETE /api/v1/saved-searches/{id}" => (
            format!(
                "/api/v1/saved-searches/{}",
                saved_search_of_member(app, w).await
            ),
            Value::Null,
        ),
        "DELETE /api/v1/statuses/{id}" => (
            format!("/api/v1/statuses/{}", status_of_c(app, w).await),
            Value::Null,
        ),
        "POST /api/v1/agreements" => (
            "/api/v1/agreements".into(),
            json!({"kind": "letter_of_intent", "title": [{"lang": "pl", "text": "List intencyjny"}],
                   "signed_on": "2020-12-08", "party_ids": [a, b]}),
        ),
        "POST /api/v1/analyses" => (
            "/api/v1/analyses".into(),
            json!({"dataset": "demo", "region": "PL84"}),
        ),
        "POST /api/v1/clusters/{id}/members" => (
            format!("/api/v1/clusters/{c}/members"),
            json!({"organisation_id": b, "role": "member", "joined_on": "2021-01-01"}),
        ),
        "POST /api/v1/clusters/{id}/statuses" => (
            format!("/api/v1/clusters/{c}/statuses"),
            json!({"kind": "key_national_cluster", "granted_on": "2020-01-01"}),
        ),
        "POST /api/v1/datasets" => ("/api/v1/datasets?name=m.csv".into(), json!(CSV)),
        "POST /api/v1/interests/{id}/decision" => (
            format!(
                "/api/v1/interests/{}/decision",
                interest_of_b(app, w, n).await
            ),
            json!({"decision": "accept"}),
        ),
        "POST /api/v1/interests/{id}/messages" => (
            format!(
                "/api/v1/interests/{}/messages",
                interest_of_b(app, w, n).await
            ),
            json!({"message": "Prosimy o rysunki techniczne.", "lang": "pl"}),
        ),
        "POST /api/v1/offers" => ("/api/v1/offers".into(), offer_body(a, n)),
        "POST /api/v1/offers/{id}/attachments" => (
            format!(
                "/api/v1/offers/{}/attachments?filename=a.pdf",
                offer_of_a(app, w, n, false).await
            ),
            Value::Null,
        ),
        "POST /api/v1/offers/{id}/interests" => (
            format!(
                "/api/v1/offers/{}/interests",
                offer_of_a(app, w, n, false).await
            ),
            json!({"organisation_id": b, "message": "Jesteśmy zainteresowani współpracą."}),
        ),
        "POST /api/v1/offers/{id}/transitions" => (
            format!(
                "/api/v1/offers/{}/transitions",
                offer_of_a(app, w, n, false).await
            ),
            json!({"action": "close", "close": {"reason": "withdrawn"}}),
        ),
        "POST /api/v1/organisations" => (
            "/api/v1/organisations".into(),
            firm_json(&format!("Nowa {n}"), "25.62", "PL841", ""),
        ),
        "POST /api/v1/organisations/{id}/contacts" => (
            format!("/api/v1/organisations/{a}/contacts"),
            json!({"name": "Biuro", "email": "biuro@alfa.example.pl", "is_personal_data": false}),
        ),
        "POST /api/v1/questionnaires" => {
            let q: Value = app
                .get("/api/v1/questionnaires/cluster-cooperation")
                .await
                .json()
                .await
                .unwrap();
            let mut def = q["definition"].clone();
            def["key"] = json!(format!("matrix-{n}"));
            ("/api/v1/questionnaires".into(), def)
        }
        "POST /api/v1/questionnaires/{key}/responses" => (
            "/api/v1/questionnaires/cluster-cooperation/responses".into(),
            json!({"lang": "pl", "cluster_id": c, "answers": filled_answers()}),
        ),
        "POST /api/v1/refdata/languages/detect" => (
            "/api/v1/refdata/languages/detect".into(),
            json!({"text": "Szukamy podwykonawcy do spawania konstrukcji."}),
        ),
        "POST /api/v1/relations" => (
            "/api/v1/relations".into(),
            json!({"from_id": a, "to_id": b, "kind": "partner"}),
        ),
        "POST /api/v1/responses/{id}/review" => {
            let v = admin_write(
                app,
                Method::POST,
                "/api/v1/questionnaires/cluster-cooperation/responses",
                json!({"lang": "pl", "cluster_id": c, "answers": filled_answers()}),
            )
            .await;
            (
                format!("/api/v1/responses/{}/review", id_of(&v)),
                json!({"decision": "reject", "reason": "Niepełne dane."}),
            )
        }
        "POST /api/v1/saved-searches" => (
            "/api/v1/saved-searches".into(),
            json!({"name": "Spawanie", "query": {"q": "spawanie"}, "delivery": "feed"}),
        ),
        "PUT /api/v1/clusters/{id}/profile" => (
            format!("/api/v1/clusters/{c}/profile"),
            json!({"branches": ["25"], "regions": ["PL84"], "requires_offer_review": false}),
        ),
        "PUT /api/v1/contacts/{id}" => (
            format!("/api/v1/contacts/{}", contact_of_a(app, w).await),
            json!({"name": "Jan Testowy", "role": "Prezes", "email": "jan@alfa.example.pl"}),
        ),
        "PUT /api/v1/memberships/{id}" => (
            format!("/api/v1/memberships/{}", membership_of_a(app, w).await),
            json!({"organisation_id": a, "role": "founding_member", "joined_on": "2020-01-01"}),
        ),
        "PUT /api/v1/offers/{id}" => (
            format!(
                "/api/v1/offers/{}?version=1",
                offer_of_a(app, w, n, true).await
            ),
            offer_body(a, n + 100_000),
        ),
        "PUT /api/v1/offers/{id}/texts/{lang}" => (
            format!(
                "/api/v1/offers/{}/texts/en",
                offer_of_a(app, w, n, false).await
            ),
            json!({"title": "Order handover", "description": "We need a subcontractor."}),
        ),
        "PUT /api/v1/organisations/{id}" => {
            let mut body = firm_json(&format!("Alfa {n}"), "25.62", "PL841", "");
            body["employees"] = json!(12);
            (format!("/api/v1/organisations/{a}?version=1"), body)
        }
        "PUT /api/v1/statuses/{id}" => (
            format!("/api/v1/statuses/{}", status_of_c(app, w).await),
            json!({"kind": "key_national_cluster", "granted_on": "2020-01-01",
                   "recertified_on": "2023-01-01", "valid_until": "2026-12-31"}),
        ),
        other => panic!("no request for {other}: add one"),
    }
}

async fn api_cell(app: &TestApp, route: &str, role: &str, n: usize) -> StatusCode {
    let w = world(app, n).await;
    let (path, body) = api_request(app, &w, route, n).await;
    let method = Method::from_bytes(route.split(' ').next().unwrap().as_bytes()).unwrap();
    let mut req = app.client.request(method, format!("{}{path}", app.base));
    if let Some(t) = token(app, &w, role).await {
        req = req.bearer_auth(t);
    }
    req = match body {
        Value::Null if path.contains("/attachments?") => req
            .header("content-type", "application/octet-stream")
            .body(PDF.to_vec()),
        Value::Null => req,
        Value::String(csv) => req.header("content-type", "text/csv").body(csv),
        json => req.json(&json),
    };
    req.send().await.unwrap().status()
}

/// A reader of `role` in the world: the cookies of their browser, the form token, and who
/// they are (`None` for an anonymous reader).
struct Reader {
    cookies: String,
    csrf: String,
    id: Option<i64>,
}

/// Signs `role` in. The session is started as the sign-in form starts one (the form itself,
/// with its deliberately slow password hashing, is the account tests' business); an anonymous
/// reader takes the form token of a page, as a browser does. Only a reader who confirms with
/// a password gets one (hashing is slow on purpose; setting it ends the person's sessions).
async fn reader(app: &TestApp, w: &World, role: &str, n: usize, password: bool) -> Reader {
    let db = app.db();
    let id = match role {
        "anonymous" => {
            let mut v = Visitor::new(&app.base);
            v.get("/account/signin").await;
            return Reader {
                cookies: cookie_header(&v),
                csrf: crate::common::visitor::csrf_of(&v.html).unwrap_or_default(),
                id: None,
            };
        }
        "admin" => {
            let e = format!("root-{n}@example.org");
            let u = klaster_store::auth::create_user(&db, &e, None, "admin", None)
                .await
                .unwrap();
            klaster_store::accounts::mark_verified(&db, u.id)
                .await
                .unwrap();
            u.id
        }
        r => user_id(w, r),
    };
    if password {
        klaster_store::accounts::set_password(&db, id, PASSWORD)
            .await
            .unwrap();
    }
    let (secret, session) = klaster_store::sessions::create(&db, id, chrono::Duration::hours(12))
        .await
        .unwrap();
    Reader {
        cookies: format!("klaster_session={secret}"),
        csrf: session.csrf,
        id: Some(id),
    }
}

fn cookie_header(v: &Visitor) -> String {
    v.cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// What a form sends besides its token: fields, or a file (as `multipart/form-data`).
enum Sent {
    Fields(Vec<(String, String)>),
    File(&'static [u8]),
}

fn fields(pairs: &[(&'static str, &str)]) -> Sent {
    Sent::Fields(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}

/// The offer form of an order handover of `org`, saved as a draft.
fn offer_form(org: &str, title: &str) -> Sent {
    let mut sent: Vec<(String, String)> = crate::pages::offer_forms::order(org, title)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    sent.push(("action".into(), "draft".into()));
    Sent::Fields(sent)
}

/// The request of one page cell: the form's action and what it sends.
async fn page_request(
    app: &TestApp,
    w: &World,
    me: &Reader,
    route: &str,
    n: usize,
) -> (String, Sent) {
    let db = app.db();
    let member = user_id(w, "member A");
    let (a, b, c) = (w.a.to_string(), w.b.to_string(), w.c.to_string());
    let interest = "Jesteśmy zainteresowani współpracą.";
    match route {
        "POST /account" => ("/account".into(), fields(&[("lang", "en")])),
        "POST /account/signout" => ("/account/signout".into(), fields(&[])),
        "POST /account/tokens" => ("/account/tokens".into(), fields(&[("name", "cli")])),
        "POST /account/tokens/{id}/revoke" => {
            let (id, _) = klaster_store::auth::create_token(&db, member, "cli")
                .await
                .unwrap();
            (format!("/account/tokens/{id}/revoke"), fields(&[]))
        }
        "POST /account/delete" => ("/account/delete".into(), fields(&[("password", PASSWORD)])),
        "POST /account/organisation" => (
            "/account/organisation".into(),
            fields(&[("email", format!("new-{n}@example.org").as_str())]),
        ),
        "POST /account/organisation/{id}/role" => (
            format!("/account/organisation/{member}/role"),
            fields(&[("role", "org_admin")]),
        ),
        "POST /account/organisation/{id}/remove" => (
            format!("/account/organisation/{member}/remove"),
            fields(&[]),
        ),
        "POST /account/notifications/{id}" => (
            format!(
                "/account/notifications/{}",
                saved_search_of_member(app, w).await
            ),
            fields(&[("delivery", "feed")]),
        ),
        "POST /account/notifications/{id}/delete" => (
            format!(
                "/account/notifications/{}/delete",
                saved_search_of_member(app, w).await
            ),
            fields(&[]),
        ),
        "POST /account/searches" => (
            "/account/searches".into(),
            fields(&[
                ("name", "Spawanie"),
                ("delivery", "feed"),
                ("q", "spawanie"),
            ]),
        ),
        "POST /account/searches/{id}/delete" => (
            format!(
                "/account/searches/{}/delete",
                saved_search_of_member(app, w).await
            ),
            fields(&[]),
        ),
        "POST /join" => (
            "/join".into(),
            fields(&[("cluster_id", c.as_str()), ("lang", "pl")]),
        ),
        "POST /join/{step}" => {
            let mut sent = crate::pages::join::fields_of(&filled_answers()["company"]);
            sent.push(("go".into(), "next".into()));
            ("/join/1".into(), Sent::Fields(sent))
        }
        "POST /join/check" => {
            if let Some(id) = me.id {
                klaster_store::questionnaires::ensure_default(&db)
                    .await
                    .unwrap();
                let q = klaster_store::questionnaires::latest(&db, "cluster-cooperation")
                    .await
                    .unwrap()
                    .unwrap();
                let draft = klaster_store::drafts::Draft {
                    questionnaire_id: q.id,
                    lang: "pl".into(),
                    cluster_id: Some(w.c),
                    answers: filled_answers(),
                    updated_at: chrono::Utc::now(),
                };
                klaster_store::drafts::save(&db, id, &draft).await.unwrap();
            }
            ("/join/check".into(), fields(&[]))
        }
        "POST /review/{id}" => {
            let v = admin_write(
                app,
                Method::POST,
                "/api/v1/questionnaires/cluster-cooperation/responses",
                json!({"lang": "pl", "cluster_id": w.c, "answers": filled_answers()}),
            )
            .await;
            (
                format!("/review/{}", id_of(&v)),
                fields(&[("decision", "reject"), ("text", "Niepełne dane.")]),
            )
        }
        "POST /directory/{id}/members" => (
            format!("/directory/{c}/members"),
            fields(&[
                ("organisation_id", b.as_str()),
                ("role", "member"),
                ("joined_on", "2021-01-01"),
            ]),
        ),
        "POST /memberships/{id}" => (
            format!("/memberships/{}", membership_of_a(app, w).await),
            fields(&[("role", "founding_member"), ("left_on", "2024-06-30")]),
        ),
        "POST /directory/{id}/statuses" => (
            format!("/directory/{c}/statuses"),
            fields(&[
                ("kind", "key_national_cluster"),
                ("granted_on", "2020-01-01"),
                ("valid_until", "2026-12-31"),
            ]),
        ),
        "POST /statuses/{id}" => (
            format!("/statuses/{}", status_of_c(app, w).await),
            fields(&[
                ("recertified_on", "2023-01-01"),
                ("valid_until", "2027-12-31"),
            ]),
        ),
        "POST /directory/{id}/profile" => (
            format!("/directory/{c}/profile"),
            fields(&[
                ("branches", "25.62, 28"),
                ("regions", "PL84"),
                ("requires_offer_review", "on"),
            ]),
        ),
        "POST /offers/{id}/review" => {
            admin_write(
                app,
                Method::PUT,
                &format!("/api/v1/clusters/{c}/profile"),
                json!({"requires_offer_review": true}),
            )
            .await;
            (
                format!("/offers/{}/review", offer_of_a(app, w, n, false).await),
                fields(&[("decision", "publish")]),
            )
        }
        "POST /statuses/{id}/delete" => (
            format!("/statuses/{}/delete", status_of_c(app, w).await),
            fields(&[]),
        ),
        "POST /offers/new" => {
            let title = format!("Zlecenie numer {n}");
            ("/offers/new".into(), offer_form(&a, &title))
        }
        "POST /offers/{id}/edit" => {
            let offer = offer_of_a(app, w, n, true).await;
            let title = format!("Zlecenie numer {}", n + 100_000);
            (format!("/offers/{offer}/edit"), offer_form(&a, &title))
        }
        "POST /offers/{id}/status" => (
            format!("/offers/{}/status", offer_of_a(app, w, n, false).await),
            fields(&[("action", "withdraw")]),
        ),
        "POST /offers/{id}/attachments" => (
            format!("/offers/{}/attachments", offer_of_a(app, w, n, false).await),
            Sent::File(PDF),
        ),
        "POST /attachments/{id}/delete" => (
            format!("/attachments/{}/delete", attachment_of_a(app, w, n).await),
            fields(&[]),
        ),
        "POST /offers/{id}/interest" => (
            format!("/offers/{}/interest", offer_of_a(app, w, n, false).await),
            fields(&[
                ("organisation_id", b.as_str()),
                ("message", interest),
                ("lang", "pl"),
            ]),
        ),
        "POST /interests/{id}/reply" => (
            format!("/interests/{}/reply", interest_of_b(app, w, n).await),
            fields(&[("message", "Prosimy o rysunki techniczne."), ("lang", "pl")]),
        ),
        "POST /interests/{id}/decision" => (
            format!("/interests/{}/decision", interest_of_b(app, w, n).await),
            fields(&[("decision", "accept")]),
        ),
        other => panic!("no form for {other}: add one"),
    }
}

/// The status of the answer itself (not of where it leads); a redirect to signing in is a
/// refusal.
async fn page_cell(app: &TestApp, route: &str, role: &str, n: usize) -> StatusCode {
    let w = world(app, n).await;
    let me = reader(app, &w, role, n, route == "POST /account/delete").await;
    let (action, sent) = page_request(app, &w, &me, route, n).await;
    let req = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{}{action}", app.base))
        .header("cookie", &me.cookies);
    let req = match sent {
        Sent::Fields(f) => {
            let mut all: Vec<(&str, &str)> = vec![("csrf", &me.csrf)];
            all.extend(f.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            req.form(&all)
        }
        Sent::File(bytes) => {
            let b = "----klastermatrix";
            let mut body = format!(
                "--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n",
                me.csrf
            )
            .into_bytes();
            body.extend_from_slice(bytes);
            body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
            req.header("content-type", format!("multipart/form-data; boundary={b}"))
                .body(body)
        }
    };
    let res = req.send().await.unwrap();
    let to_signin = res
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .is_some_and(|l| l.starts_with("/account/signin?next="));
    if to_signin {
        StatusCode::UNAUTHORIZED
    } else {
        res.status()
    }
}

fn allowed(s: StatusCode) -> bool {
    s.is_success() || s.is_redirection()
}

fn refused(s: StatusCode) -> bool {
    matches!(s.as_u16(), 401 | 403 | 404)
}

/// Runs every cell; panics with the whole matrix when any answer breaks the rules.
async fn check(app: &TestApp, routes: &[(&str, &[&str])], pages: bool) {
    let mut n = 0;
    let mut table = String::new();
    let mut wrong = Vec::new();
    table.push_str(&format!("{:48}", "route \\ role"));
    for r in ROLES {
        table.push_str(&format!("{r:>14}"));
    }
    table.push('\n');
    for (route, may) in routes {
        table.push_str(&format!("{route:48}"));
        for role in ROLES {
            n += 1;
            let status = if pages {
                page_cell(app, route, role, n).await
            } else {
                api_cell(app, route, role, n).await
            };
            let expected = may.contains(&role);
            let ok = if expected {
                allowed(status)
            } else {
                refused(status)
            };
            let mark = if ok { " " } else { "!" };
            table.push_str(&format!("{:>13}{mark}", status.as_u16()));
            if !ok {
                let want = if expected { "allowed" } else { "refused" };
                wrong.push(format!("{route} as {role}: {status}, expected {want}"));
            }
        }
        table.push('\n');
    }
    // shown with `--nocapture`, and with every failure below
    println!("{:?}:\n{table}", app.kind);
    assert!(
        wrong.is_empty(),
        "{:?}: {} cells break the rules (marked !):\n{table}\n{}",
        app.kind,
        wrong.len(),
        wrong.join("\n")
    );
}

#[tokio::test]
async fn every_api_write_route_answers_each_role_by_the_rules() {
    // Every write route the OpenAPI document lists is in the table, and nothing else.
    let doc: Value = {
        let app = TestApp::sqlite().await;
        let d = app
            .get("/api/v1/openapi.json")
            .await
            .json::<Value>()
            .await
            .unwrap();
        app.stop().await;
        d
    };
    let mut writes: Vec<String> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(p, ops)| {
            ops.as_object()
                .unwrap()
                .keys()
                .filter(|m| matches!(m.as_str(), "post" | "put" | "patch" | "delete"))
                .map(move |m| format!("{} /api/v1{p}", m.to_uppercase()))
        })
        .collect();
    writes.sort();
    let mut table: Vec<String> = API.iter().map(|(r, _)| r.to_string()).collect();
    table.sort();
    let documented = writes
        .iter()
        .map(|w| w.replace("/api/v1/api/v1", "/api/v1"))
        .collect::<Vec<_>>();
    assert_eq!(documented, table, "the matrix covers every write route");
    for app in apps().await {
        check(&app, API, false).await;
        app.stop().await;
    }
}

/// The write routes the page routers register, read from their source (axum cannot list a
/// router's routes): every `.route("path", …)` under `src/pages/` whose method router has
/// `post(…)`, `put(…)`, `patch(…)` or `delete(…)`, as "METHOD path".
fn registered_page_writes() -> Vec<String> {
    fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                sources(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    /// The text up to the parenthesis that closes one just before `s`.
    fn until_closed(s: &str) -> &str {
        let mut depth = 1;
        for (i, ch) in s.char_indices() {
            match ch {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                return &s[..i];
            }
        }
        s
    }
    let calls = |args: &str, method: &str| {
        let call = format!("{method}(");
        args.match_indices(&call).any(|(i, _)| {
            args[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == ':'))
        })
    };
    let mut files = Vec::new();
    sources(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/pages"),
        &mut files,
    );
    let mut out = Vec::new();
    for f in files {
        let code: String = std::fs::read_to_string(&f)
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (at, _) in code.match_indices(".route(") {
            let args = until_closed(&code[at + ".route(".len()..]);
            for method in ["post", "put", "patch", "delete"] {
                if calls(args, method) {
                    let path = args
                        .trim_start()
                        .strip_prefix('"')
                        .and_then(|p| p.split('"').next())
                        .unwrap_or_else(|| {
                            panic!("{}: a write route without a path: {args}", f.display())
                        });
                    out.push(format!("{} {path}", method.to_uppercase()));
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_page_form_is_in_the_matrix() {
    let registered = registered_page_writes();
    assert!(
        registered.len() > 20,
        "the scan finds the forms: {registered:?}"
    );
    let mut table: Vec<String> = PAGES
        .iter()
        .map(|(r, _)| r.to_string())
        .chain(PUBLIC_FORMS.iter().map(|r| r.to_string()))
        .collect();
    table.sort();
    let missing: Vec<_> = registered.iter().filter(|r| !table.contains(r)).collect();
    let stale: Vec<_> = table.iter().filter(|r| !registered.contains(r)).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "page forms not in the matrix: {missing:?}; in the matrix but not registered: {stale:?}"
    );
    assert_eq!(registered, table, "each form once");
}

#[tokio::test]
async fn every_page_form_answers_each_role_by_the_rules() {
    let app = TestApp::sqlite().await;
    check(&app, PAGES, true).await;
    app.stop().await;
}
