//! A cluster's coordinator keeps its members and statuses up to date in the browser, with
//! errors next to what was typed; another cluster's coordinator and a firm cannot.

use std::time::Duration;

use klaster_notify::testing::SmtpSink;
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::account_more::signed_in;
use crate::common::visitor::Visitor;
use crate::common::{TestApp, apps, firm_json};
use crate::portal::drain;

async fn api(app: &TestApp, path: &str) -> Value {
    app.get(path).await.json().await.unwrap()
}

/// The membership of `org` in `cluster`, as the API lists it.
async fn membership(app: &TestApp, cluster: i64, org: i64) -> Option<Value> {
    api(app, &format!("/api/v1/clusters/{cluster}/members"))
        .await
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["organisation_id"] == org)
        .cloned()
}

/// Posts a form that must come back with field errors; the markup from field `name` on.
async fn refused_field(v: &mut Visitor, action: &str, sent: &[(&str, &str)], name: &str) -> String {
    assert_eq!(v.post(action, sent).await, StatusCode::UNPROCESSABLE_ENTITY);
    let at = v
        .html
        .find(&format!("id=\"{name}\""))
        .unwrap_or_else(|| panic!("{name}: {}", v.html));
    v.html[at..].to_string()
}

/// Clusters C and D, and firm Alfa, a member of C since 2015.
async fn world(app: &TestApp) -> (i64, i64, i64) {
    let c = cluster(app, "Klaster Obróbki Metali").await;
    let d = cluster(app, "Klaster Mleczarski").await;
    let alfa = app
        .create_org(firm_json("Alfa Spawanie", "25.62", "PL841", ""))
        .await;
    let res = app
        .post(
            &format!("/api/v1/clusters/{c}/members"),
            json!({"organisation_id": alfa, "role": "member", "joined_on": "2015-03-01"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    (c, d, alfa)
}

async fn cluster(app: &TestApp, name: &str) -> i64 {
    let mut c = firm_json(name, "25.62", "PL841", "");
    c["kind"] = json!("cluster_organisation");
    app.create_org(c).await
}

#[tokio::test]
async fn a_coordinator_manages_members_and_statuses_in_the_browser() {
    for app in apps().await {
        let (c, d, alfa) = world(&app).await;
        let beta = app
            .create_org(firm_json("Beta Obróbka", "25.62", "PL841", ""))
            .await;
        let manage = format!("/directory/{c}/manage");
        let (mut v, _) = signed_in(&app, "koordynator@c.test", "coordinator", Some(c)).await;

        // The way in: the header and the cluster's profile.
        v.get("/?lang=en").await;
        assert!(v.html.contains(&format!("href=\"{manage}\"")), "{}", v.html);
        v.get(&format!("/directory/{c}")).await;
        assert!(v.html.contains("Manage this cluster"));

        // Adding a member found by name: neither members nor the cluster itself are offered.
        assert_eq!(v.get(&format!("{manage}?find=a")).await, StatusCode::OK);
        assert!(v.html.contains("Beta Obróbka"), "{}", v.html);
        assert!(!v.html.contains("name=\"organisation_id\" value=\"{alfa}\""));
        assert!(!v.html.contains(&format!("value=\"{c}\"")));
        let add = [
            ("organisation_id", beta.to_string()),
            ("role", "member".into()),
            ("joined_on", "2024-02-01".into()),
        ];
        let add: Vec<(&str, &str)> = add.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let members = format!("/directory/{c}/members");
        assert_eq!(v.post(&members, &add).await, StatusCode::OK);
        assert!(v.html.contains("The member was added."), "{}", v.html);
        let m = membership(&app, c, beta).await.expect("beta joined");
        assert_eq!(
            (m["role"].as_str(), m["joined_on"].as_str()),
            (Some("member"), Some("2024-02-01"))
        );
        assert_eq!(v.post(&members, &add).await, StatusCode::CONFLICT);
        assert!(v.html.contains("already a member of the cluster"));

        // A member's role, then leaving (a date that is no date is refused, nothing changes).
        let mid = membership(&app, c, alfa).await.unwrap()["id"].clone();
        let path = format!("/memberships/{mid}");
        v.get(&manage).await;
        let role = [("role", "founding_member"), ("left_on", "")];
        assert_eq!(v.post(&path, &role).await, StatusCode::OK);
        assert_eq!(
            membership(&app, c, alfa).await.unwrap()["role"],
            "founding_member"
        );
        let bad = [("role", "founding_member"), ("left_on", "wczoraj")];
        assert_eq!(v.post(&path, &bad).await, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(v.html.contains("Enter the date of leaving"));
        assert!(membership(&app, c, alfa).await.unwrap()["left_on"].is_null());
        let left = [("role", "founding_member"), ("left_on", "2025-06-30")];
        assert_eq!(v.post(&path, &left).await, StatusCode::OK);
        assert_eq!(
            membership(&app, c, alfa).await.unwrap()["left_on"],
            "2025-06-30"
        );
        v.get(&format!("/directory/{c}?lang=en")).await;
        assert!(v.html.contains("Alfa Spawanie left"), "{}", v.html);

        // A status: field errors next to their fields, with what was typed kept.
        let statuses = format!("/directory/{c}/statuses");
        v.get(&manage).await;
        let wrong = [
            ("kind", "key_national_cluster"),
            ("granted_on", "2020-01-01"),
            ("valid_until", "2019-01-01"),
            ("granted_by", "Ministerstwo Rozwoju i Technologii"),
        ];
        let field = refused_field(&mut v, &statuses, &wrong, "valid_until").await;
        assert!(
            field.contains("The end must come after the start."),
            "{field}"
        );
        assert!(
            v.html
                .contains("value=\"Ministerstwo Rozwoju i Technologii\"")
        );
        assert!(api(&app, &format!("/api/v1/clusters/{c}/statuses")).await == json!([]));
        let right = [
            ("kind", "key_national_cluster"),
            ("granted_on", "2020-01-01"),
            ("valid_until", "2022-12-31"),
            ("granted_by", "Ministerstwo Rozwoju i Technologii"),
        ];
        assert_eq!(v.post(&statuses, &right).await, StatusCode::OK);
        let s = api(&app, &format!("/api/v1/clusters/{c}/statuses")).await;
        let sid = s[0]["id"].as_i64().unwrap();
        assert_eq!(s[0]["current"], false, "expired at the end of 2022");

        // A recertification moves the end of validity; the status is in force again.
        let recert = [
            ("recertified_on", "2023-01-10"),
            ("valid_until", "2099-12-31"),
        ];
        assert_eq!(
            v.post(&format!("/statuses/{sid}"), &recert).await,
            StatusCode::OK
        );
        let s = api(&app, &format!("/api/v1/clusters/{c}/statuses")).await;
        assert_eq!(
            (
                &s[0]["recertified_on"],
                &s[0]["valid_until"],
                &s[0]["current"]
            ),
            (&json!("2023-01-10"), &json!("2099-12-31"), &json!(true))
        );
        assert_eq!(s[0]["granted_by"], "Ministerstwo Rozwoju i Technologii");
        v.get(&format!("/directory/{c}?lang=en")).await;
        assert!(v.html.contains("Status recertified: Key National Cluster"));

        // Another cluster's coordinator and a firm's administrator cannot.
        let (mut other, _) = signed_in(&app, "koordynator@d.test", "coordinator", Some(d)).await;
        assert_eq!(other.get(&manage).await, StatusCode::FORBIDDEN);
        other.get(&format!("/directory/{d}/manage")).await;
        let gone = format!("/statuses/{sid}/delete");
        assert_eq!(other.post(&gone, &[]).await, StatusCode::FORBIDDEN);
        assert_eq!(
            other.post(&format!("/directory/{c}/members"), &add).await,
            StatusCode::FORBIDDEN
        );
        let (mut firm, _) = signed_in(&app, "szef@alfa.test", "org_admin", Some(alfa)).await;
        assert_eq!(firm.get(&manage).await, StatusCode::FORBIDDEN);
        v.get(&format!("/directory/{c}?lang=en")).await;
        assert!(v.html.contains("Key National Cluster"));
        let anonymous = app.get(&manage).await;
        assert!(anonymous.url().path().starts_with("/account/signin"));

        // Deleting a status recorded by mistake.
        v.get(&manage).await;
        assert_eq!(v.post(&gone, &[]).await, StatusCode::OK);
        assert!(v.html.contains("The status was deleted."));
        assert_eq!(
            api(&app, &format!("/api/v1/clusters/{c}/statuses")).await,
            json!([])
        );
        app.stop().await;
    }
}

/// The offer page as `v` sees it, and its status.
async fn offer_page(v: &mut Visitor, id: i64) -> StatusCode {
    v.get(&format!("/offers/{id}?lang=en")).await
}

#[tokio::test]
async fn a_coordinator_reviews_members_offers_when_the_cluster_asks() {
    for app in apps().await {
        let sink = SmtpSink::start().await.unwrap();
        let w = app.worker(Some(&sink));
        let (c, d, alfa) = world(&app).await;
        let (mut coord, _) = signed_in(&app, "koordynator@c.test", "coordinator", Some(c)).await;

        // The coordinator asks for review on the cluster's profile (a wrong code is refused).
        let manage = format!("/directory/{c}/manage");
        let profile = format!("/directory/{c}/profile");
        coord.get(&manage).await;
        let wrong = [
            ("branches", "25.62, 99.99"),
            ("regions", "PL84"),
            ("requires_offer_review", "on"),
        ];
        let field = refused_field(&mut coord, &profile, &wrong, "branches").await;
        assert!(
            field.contains("value=\"25.62, 99.99\"") && field.contains("field-error"),
            "{field}"
        );
        let right = [
            ("branches", "25.62 28"),
            ("regions", "PL84"),
            ("requires_offer_review", "on"),
        ];
        assert_eq!(coord.post(&profile, &right).await, StatusCode::OK);
        let p = api(&app, &format!("/api/v1/clusters/{c}")).await["profile"].clone();
        assert_eq!(
            p,
            json!({"branches": ["25.62", "28"], "regions": ["PL84"], "requires_offer_review": true})
        );

        // A member's offer now waits: not public, on the coordinator's list, with the decision.
        let (mut firm, _) = signed_in(&app, "biuro@alfa.test", "org_member", Some(alfa)).await;
        let offer = crate::pages::offer_forms::order(&alfa.to_string(), "Zlecenie: 500 wsporników");
        let mut sent: Vec<(&str, &str)> = offer.iter().map(|(k, v)| (*k, v.as_str())).collect();
        sent.push(("action", "submit"));
        firm.get("/offers/new").await;
        assert_eq!(firm.post("/offers/new", &sent).await, StatusCode::OK);
        let filter = klaster_store::offers::Filter {
            organisation_id: Some(alfa),
            statuses: vec!["submitted".into()],
            all_visibility: true,
            ..Default::default()
        };
        let waiting = klaster_store::offers::list(&app.db(), &filter, None, 10)
            .await
            .unwrap();
        assert_eq!(waiting.len(), 1, "the offer waits for review");
        let id = waiting[0].id;
        offer_page(&mut firm, id).await;
        // The coordinator is told by mail.
        drain(&w).await;
        let mail = &sink.wait_for(1, Duration::from_secs(10)).await[0];
        assert_eq!(mail.rcpt_to, ["koordynator@c.test"]);
        let subject = mail.parsed().subject.unwrap_or_default();
        assert!(subject.contains("Zlecenie: 500 wsporników"), "{subject}");
        assert!(
            firm.html.contains("Waiting for the cluster coordinator"),
            "{}",
            firm.html
        );
        assert_eq!(
            app.get(&format!("/offers/{id}")).await.status(),
            StatusCode::NOT_FOUND
        );
        coord.get("/review?lang=en").await;
        assert!(
            coord.html.contains(&format!("href=\"/offers/{id}\"")),
            "{}",
            coord.html
        );
        assert_eq!(offer_page(&mut coord, id).await, StatusCode::OK);
        assert!(coord.html.contains("Your review"));

        // Sending it back needs a message, which the authors then read with their draft.
        let review = format!("/offers/{id}/review");
        let back = [("decision", "return"), ("message", "")];
        assert_eq!(
            coord.post(&review, &back).await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert!(coord.html.contains("Say what the authors should change."));
        let back = [
            ("decision", "return"),
            ("message", "Proszę podać termin dostawy."),
        ];
        assert_eq!(coord.post(&review, &back).await, StatusCode::OK);
        assert!(
            coord.html.contains("went back to its authors"),
            "{}",
            coord.html
        );
        assert_eq!(offer_page(&mut firm, id).await, StatusCode::OK);
        assert!(
            firm.html.contains("Proszę podać termin dostawy."),
            "{}",
            firm.html
        );

        // The author is told by mail, with the message.
        drain(&w).await;
        let mail = &sink.wait_for(2, Duration::from_secs(10)).await[1];
        assert_eq!(mail.rcpt_to, ["biuro@alfa.test"]);
        let text = mail.parsed().text.unwrap_or_default();
        assert!(text.contains("Proszę podać termin dostawy."), "{text}");

        // Submitted again; another cluster's coordinator cannot see or decide it.
        firm.get("/account/offers").await;
        let resubmit = format!("/offers/{id}/status");
        assert_eq!(
            firm.post(&resubmit, &[("action", "submit")]).await,
            StatusCode::OK
        );
        assert_eq!(offer_page(&mut firm, id).await, StatusCode::OK);
        assert!(firm.html.contains("Waiting for the cluster coordinator"));
        let (mut other, _) = signed_in(&app, "koordynator@d.test", "coordinator", Some(d)).await;
        assert_eq!(offer_page(&mut other, id).await, StatusCode::NOT_FOUND);
        other.get("/review").await;
        assert!(!other.html.contains(&format!("href=\"/offers/{id}\"")));
        assert_eq!(
            other.post(&review, &[("decision", "publish")]).await,
            StatusCode::FORBIDDEN
        );

        // Published by the cluster's coordinator: everyone reads it.
        offer_page(&mut coord, id).await;
        assert_eq!(
            coord.post(&review, &[("decision", "publish")]).await,
            StatusCode::OK
        );
        assert!(coord.html.contains("The offer is published."));
        drain(&w).await;
        let mails = sink.wait_for(4, Duration::from_secs(10)).await;
        assert_eq!(mails[2].rcpt_to, ["koordynator@c.test"], "waiting again");
        assert_eq!(mails[3].rcpt_to, ["biuro@alfa.test"], "published");
        assert_eq!(mails.len(), 4);
        assert_eq!(
            app.get(&format!("/offers/{id}")).await.status(),
            StatusCode::OK
        );
        coord.get("/review?lang=en").await;
        assert!(!coord.html.contains(&format!("href=\"/offers/{id}\"")));
        app.stop().await;
    }
}
