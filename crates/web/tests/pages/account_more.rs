//! The account pages over real HTTP: API tokens, the export of one's data, deleting one's
//! account, the people of an organisation and the saved searches. Each page touches only the
//! reader's own things.

use klaster_store::{accounts, alerts, auth, drafts, interests, questionnaires, sessions};
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{MISSING, offer};
use crate::common::visitor::Visitor;
use crate::common::{TestApp, apps, firm_json};

pub const PASSWORD: &str = "zielone gruszki 42";

/// A confirmed user with `role`, signed in by the sign-in form. Returns the reader and the id.
pub async fn signed_in(
    app: &TestApp,
    email: &str,
    role: &str,
    scope: Option<i64>,
) -> (Visitor, i64) {
    let db = app.db();
    let user = auth::create_user(&db, email, Some(PASSWORD), role, scope)
        .await
        .unwrap();
    accounts::mark_verified(&db, user.id).await.unwrap();
    let mut v = Visitor::new(&app.base);
    v.get("/account/signin?lang=en").await;
    v.post(
        "/account/signin",
        &[("email", email), ("password", PASSWORD)],
    )
    .await;
    assert!(v.signed_in(), "{email}: {}", v.html);
    (v, user.id)
}

fn complete(v: &Visitor) {
    assert!(
        !v.html.contains(MISSING),
        "a message is missing: {}",
        v.html
    );
}

/// The secret in the answer to creating a token: the value of a read-only field that has a
/// visible label of its own.
fn secret_in(html: &str) -> String {
    assert!(
        html.contains("<label for=\"secret\">"),
        "the secret's field is labelled: {html}"
    );
    let field = html.find("id=\"secret\"").expect("the secret is shown");
    let tag = &html[field..field + html[field..].find('>').unwrap()];
    assert!(tag.contains(" readonly"), "{tag}");
    let at = tag.find("value=\"").expect("a value") + 7;
    tag[at..at + tag[at..].find('"').unwrap()].to_string()
}

#[tokio::test]
async fn tokens_are_created_once_shown_and_revoked() {
    for app in apps().await {
        let (mut v, me) = signed_in(&app, "anna@example.org", "visitor", None).await;
        let (mut other, _) = signed_in(&app, "boris@example.org", "visitor", None).await;
        assert_eq!(v.get("/account/tokens").await, StatusCode::OK);
        complete(&v);
        assert_eq!(
            v.post("/account/tokens", &[("name", "  ")]).await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert!(v.html.contains("id=\"name-error\""), "{}", v.html);
        assert_eq!(
            v.post("/account/tokens", &[("name", "Magazyn <export>")])
                .await,
            StatusCode::CREATED
        );
        complete(&v);
        let secret = secret_in(&v.html);
        assert!(secret.starts_with("kls_"), "{secret}");
        assert!(
            v.html.contains("Magazyn &lt;export&gt;")
                || v.html.contains("Magazyn &#60;export&#62;")
        );
        assert_eq!(
            app.get_as(&secret, "/api/v1/datasets").await.status(),
            StatusCode::OK,
            "the token works"
        );
        assert_eq!(v.get("/account/tokens").await, StatusCode::OK);
        assert!(!v.html.contains(&secret), "shown only once");

        let tokens = auth::list_tokens(&app.db(), me).await.unwrap();
        let id = tokens[0].id;
        // Another reader cannot revoke it, nor see it.
        other.get("/account/tokens").await;
        assert!(!other.html.contains("Magazyn"));
        assert_eq!(
            other
                .post(&format!("/account/tokens/{id}/revoke"), &[])
                .await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.get_as(&secret, "/api/v1/datasets").await.status(),
            StatusCode::OK
        );
        // Its owner can.
        v.get("/account/tokens").await;
        v.post(&format!("/account/tokens/{id}/revoke"), &[]).await;
        assert!(v.url.ends_with("/account/tokens?done=revoked"), "{}", v.url);
        assert!(v.html.contains("Revoked on"), "{}", v.html);
        assert_eq!(
            app.get_as(&secret, "/api/v1/datasets").await.status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            v.post(&format!("/account/tokens/{id}/revoke"), &[]).await,
            StatusCode::NOT_FOUND,
            "once"
        );
        // Without a session: to sign in; without a form token: refused.
        let mut anon = Visitor::new(&app.base);
        anon.get("/account/tokens").await;
        assert!(anon.url.contains("/account/signin?next="), "{}", anon.url);
        assert_eq!(
            v.post_raw("/account/tokens", &[("name", "x")]).await,
            StatusCode::FORBIDDEN
        );
        app.stop().await;
    }
}

/// Everything a person can leave in the portal, for `user`, marked with `mark`.
async fn leave_traces(app: &TestApp, user: i64, offer_id: i64, org: i64, mark: &str) {
    let db = app.db();
    auth::create_token(&db, user, &format!("token {mark}"))
        .await
        .unwrap();
    alerts::create(
        &db,
        &alerts::NewSavedSearch {
            user_id: user,
            name: &format!("search {mark}"),
            query: &json!({"q": mark}),
            lang: "pl",
            email: None,
            delivery: alerts::Delivery::Daily,
        },
    )
    .await
    .unwrap();
    questionnaires::ensure_default(&db).await.unwrap();
    let q = questionnaires::latest(&db, "cluster-cooperation")
        .await
        .unwrap()
        .unwrap();
    questionnaires::submit(
        &db,
        &questionnaires::NewResponse {
            questionnaire_id: q.id,
            raw: &json!({"answers": {"company": {"name": format!("answers {mark}")}}}).to_string(),
            language: "pl",
            cluster_id: None,
            submitted_by: Some(user),
        },
    )
    .await
    .unwrap();
    drafts::save(
        &db,
        user,
        &drafts::Draft {
            questionnaire_id: q.id,
            lang: "pl".into(),
            cluster_id: None,
            answers: json!({"company": {"name": format!("draft {mark}")}}),
            updated_at: chrono::Utc::now(),
        },
    )
    .await
    .unwrap();
    interests::create(
        &db,
        &interests::NewInterest {
            offer_id,
            organisation_id: org,
            contact_id: None,
            lang: "pl",
            message: &format!("message {mark}"),
            author_id: Some(user),
            owner_lang: "pl",
        },
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn the_export_holds_the_readers_data_and_nobody_elses() {
    for app in apps().await {
        let owner = app
            .create_org(firm_json("Alfa", "25.62", "PL841", "7740001454"))
            .await;
        let buyer = app
            .create_org(firm_json("Beta", "25.62", "PL841", "6920000013"))
            .await;
        let gamma = app
            .create_org(firm_json("Gamma", "25.62", "PL841", "5260250274"))
            .await;
        let id = offer(&app, owner, "Zlecenie", json!({"scope": "public"}), true).await;
        let (mut v, me) = signed_in(&app, "anna@example.org", "org_member", Some(buyer)).await;
        let (_o, them) = signed_in(&app, "boris@example.org", "org_member", Some(gamma)).await;
        leave_traces(&app, me, id, buyer, "ANNA-1").await;
        leave_traces(&app, them, id, gamma, "BORIS-2").await;

        let res = app
            .client
            .get(format!("{}/account/export", app.base))
            .header(
                "cookie",
                format!("klaster_session={}", v.cookies["klaster_session"]),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(
            res.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment;")
        );
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/json")
        );
        let text = res.text().await.unwrap();
        assert!(
            !text.contains("BORIS") && !text.contains("boris@"),
            "{text}"
        );
        let data: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(data["account"]["email"], "anna@example.org");
        assert_eq!(data["account"]["role"], "org_member");
        assert!(data["account"]["email_verified_at"].is_string());
        assert_eq!(data["sessions_open"], 1);
        assert_eq!(data["api_tokens"][0]["name"], "token ANNA-1");
        assert!(!text.contains("token_hash") && !text.contains("kls_"));
        assert_eq!(data["saved_searches"][0]["name"], "search ANNA-1");
        assert_eq!(data["saved_searches"][0]["query"]["q"], "ANNA-1");
        assert!(
            data["saved_searches"][0].get("token").is_none(),
            "no secrets"
        );
        assert!(
            data["questionnaire_responses"][0]["raw"]
                .as_str()
                .unwrap()
                .contains("answers ANNA-1")
        );
        assert_eq!(data["interest_messages"][0]["body"], "message ANNA-1");
        assert_eq!(
            data["questionnaire_drafts"][0]["answers"]["company"]["name"],
            "draft ANNA-1"
        );
        // The account page links to it; anonymous readers are sent to sign in.
        v.get("/account?lang=en").await;
        assert!(v.html.contains("href=\"/account/export\""));
        let res = app.get("/account/export").await;
        assert!(res.url().path() == "/account/signin" || res.status() == StatusCode::OK);
        assert!(!res.text().await.unwrap().contains("anna@"));
        app.stop().await;
    }
}

#[tokio::test]
async fn deleting_the_account_erases_it_and_keeps_the_organisation() {
    for app in apps().await {
        let org = app
            .create_org(firm_json("Alfa", "25.62", "PL841", "7740001454"))
            .await;
        let (mut v, me) = signed_in(&app, "anna@example.org", "org_admin", Some(org)).await;
        let db = app.db();
        let (_, secret) = auth::create_token(&db, me, "cli").await.unwrap();
        assert_eq!(v.get("/account/delete?lang=pl").await, StatusCode::OK);
        complete(&v);
        assert!(v.html.contains("Usuń moje konto"), "{}", v.html);
        assert_eq!(
            v.post("/account/delete", &[("password", "not the password")])
                .await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert!(v.html.contains("Hasło jest nieprawidłowe"), "{}", v.html);
        assert!(
            accounts::by_email(&db, "anna@example.org")
                .await
                .unwrap()
                .is_some()
        );

        v.post("/account/delete", &[("password", PASSWORD)]).await;
        assert!(v.url.ends_with("/account/signin?done=deleted"), "{}", v.url);
        assert!(!v.signed_in(), "signed out");
        assert!(v.html.contains("zostały usunięte"), "{}", v.html);
        assert!(
            accounts::by_email(&db, "anna@example.org")
                .await
                .unwrap()
                .is_none()
        );
        assert_eq!(sessions::count_for_user(&db, me).await.unwrap(), 0);
        assert!(auth::list_tokens(&db, me).await.unwrap().is_empty());
        assert_eq!(
            app.get_as(&secret, "/api/v1/datasets").await.status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            app.get(&format!("/api/v1/organisations/{org}"))
                .await
                .status(),
            StatusCode::OK,
            "the organisation stays"
        );
        app.stop().await;
    }
}

async fn role_of(app: &TestApp, id: i64) -> (String, Option<i64>) {
    let a = accounts::by_id(&app.db(), id).await.unwrap();
    (a.role, a.scope_id)
}

#[tokio::test]
async fn an_organisations_admin_manages_its_people_and_nobody_elses() {
    for app in apps().await {
        let a = app
            .create_org(firm_json("Alfa", "25.62", "PL841", "7740001454"))
            .await;
        let b = app
            .create_org(firm_json("Beta", "25.62", "PL841", "6920000013"))
            .await;
        let (mut admin, me) = signed_in(&app, "admin.a@example.org", "org_admin", Some(a)).await;
        let (mut member, m) = signed_in(&app, "member.a@example.org", "org_member", Some(a)).await;
        let (_, other) = signed_in(&app, "member.b@example.org", "org_member", Some(b)).await;
        let (_, visitor) = signed_in(&app, "visitor@example.org", "visitor", None).await;

        assert_eq!(admin.get("/account?lang=en").await, StatusCode::OK);
        assert!(admin.html.contains("href=\"/account/organisation\""));
        assert_eq!(admin.get("/account/organisation").await, StatusCode::OK);
        complete(&admin);
        assert!(admin.html.contains("member.a@example.org"));
        assert!(!admin.html.contains("member.b@example.org"));
        member.get("/account?lang=en").await;
        assert!(!member.html.contains("href=\"/account/organisation\""));
        assert_eq!(
            member.get("/account/organisation").await,
            StatusCode::FORBIDDEN
        );

        // A new address: an unconfirmed member, with a mail for setting a password.
        admin.get("/account/organisation").await;
        admin
            .post(
                "/account/organisation",
                &[("email", "New.Person@example.org")],
            )
            .await;
        assert!(admin.url.ends_with("done=invited"), "{}", admin.url);
        let new = accounts::by_email(&app.db(), "new.person@example.org")
            .await
            .unwrap()
            .unwrap();
        assert_eq!((new.role.as_str(), new.scope_id), ("org_member", Some(a)));
        assert!(new.email_verified_at.is_none() && new.password_hash.is_none());
        assert!(admin.html.contains("new.person@example.org"));
        // A visitor's account joins; someone of another organisation does not.
        admin
            .post("/account/organisation", &[("email", "visitor@example.org")])
            .await;
        assert_eq!(role_of(&app, visitor).await, ("org_member".into(), Some(a)));
        assert_eq!(
            admin
                .post(
                    "/account/organisation",
                    &[("email", "member.b@example.org")]
                )
                .await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(role_of(&app, other).await, ("org_member".into(), Some(b)));
        assert_eq!(
            admin
                .post("/account/organisation", &[("email", "not an address")])
                .await,
            StatusCode::UNPROCESSABLE_ENTITY
        );

        // Roles change within the organisation only.
        admin
            .post(
                &format!("/account/organisation/{m}/role"),
                &[("role", "org_admin")],
            )
            .await;
        assert_eq!(role_of(&app, m).await, ("org_admin".into(), Some(a)));
        assert_eq!(
            admin
                .post(
                    &format!("/account/organisation/{m}/role"),
                    &[("role", "admin")]
                )
                .await,
            StatusCode::BAD_REQUEST
        );
        for (action, fields) in [
            (
                format!("/account/organisation/{other}/role"),
                vec![("role", "org_admin")],
            ),
            (format!("/account/organisation/{other}/remove"), vec![]),
        ] {
            admin.get("/account/organisation").await;
            assert_eq!(admin.post(&action, &fields).await, StatusCode::NOT_FOUND);
            assert_eq!(role_of(&app, other).await, ("org_member".into(), Some(b)));
        }
        // Removing makes a visitor of them.
        admin.get("/account/organisation").await;
        admin
            .post(&format!("/account/organisation/{}/remove", new.id), &[])
            .await;
        assert!(admin.url.ends_with("done=removed"), "{}", admin.url);
        assert_eq!(role_of(&app, new.id).await, ("visitor".into(), None));

        // The last administrator stays.
        admin
            .post(
                &format!("/account/organisation/{m}/role"),
                &[("role", "org_member")],
            )
            .await;
        assert_eq!(
            admin
                .post(&format!("/account/organisation/{me}/remove"), &[])
                .await,
            StatusCode::CONFLICT
        );
        complete(&admin);
        assert_eq!(
            admin
                .post(
                    &format!("/account/organisation/{me}/role"),
                    &[("role", "org_member")]
                )
                .await,
            StatusCode::CONFLICT
        );
        assert_eq!(role_of(&app, me).await, ("org_admin".into(), Some(a)));
        app.stop().await;
    }
}

#[tokio::test]
async fn saved_searches_are_listed_changed_and_deleted_by_their_owner_only() {
    for app in apps().await {
        let (mut v, me) = signed_in(&app, "anna@example.org", "visitor", None).await;
        let (mut other, them) = signed_in(&app, "boris@example.org", "visitor", None).await;
        assert_eq!(
            v.get("/account/notifications?lang=ru").await,
            StatusCode::OK
        );
        complete(&v);
        assert!(v.html.contains("нет сохранённых поисков"), "{}", v.html);
        let db = app.db();
        let mut ids = Vec::new();
        for (user, name) in [(me, "Spawanie w PL84"), (them, "Odlewy BORIS")] {
            let s = alerts::create(
                &db,
                &alerts::NewSavedSearch {
                    user_id: user,
                    name,
                    query: &json!({"q": "spawanie", "nace": ["25"]}),
                    lang: "pl",
                    email: None,
                    delivery: alerts::Delivery::Instant,
                },
            )
            .await
            .unwrap();
            ids.push((s.id, s.token));
        }
        let ((mine, token), (theirs, _)) = (ids[0].clone(), ids[1].clone());
        v.get("/account/notifications?lang=en").await;
        complete(&v);
        assert!(v.html.contains("Spawanie w PL84") && !v.html.contains("BORIS"));
        assert!(v.html.contains("nace: 25"), "{}", v.html);
        assert!(v.html.contains(&format!("/api/v1/feeds/saved/{token}")));

        v.post(
            &format!("/account/notifications/{mine}"),
            &[("delivery", "feed")],
        )
        .await;
        assert!(v.url.ends_with("done=saved"), "{}", v.url);
        assert_eq!(alerts::get(&db, mine).await.unwrap().delivery, "feed");
        assert_eq!(
            v.post(
                &format!("/account/notifications/{mine}"),
                &[("delivery", "hourly")]
            )
            .await,
            StatusCode::BAD_REQUEST
        );
        for action in [
            format!("/account/notifications/{theirs}"),
            format!("/account/notifications/{theirs}/delete"),
        ] {
            v.get("/account/notifications").await;
            assert_eq!(
                v.post(&action, &[("delivery", "feed")]).await,
                StatusCode::NOT_FOUND
            );
        }
        assert_eq!(alerts::get(&db, theirs).await.unwrap().delivery, "instant");
        v.get("/account/notifications").await;
        v.post(&format!("/account/notifications/{mine}/delete"), &[])
            .await;
        assert!(v.url.ends_with("done=deleted"));
        assert!(alerts::for_user(&db, me).await.unwrap().is_empty());
        other.get("/account/notifications").await;
        assert!(other.html.contains("Odlewy BORIS"));
        app.stop().await;
    }
}
