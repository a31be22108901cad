//! The JSON API over real HTTP, on every engine available (SQLite always; PostgreSQL when
//! `KLASTER_TEST_POSTGRES_URL` is set).

mod common;
mod pages;
mod portal;
mod roles;

use common::{TestApp, apps, firm_json};
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn openapi_document_lists_every_route_and_every_route_answers() {
    let doc: Value = {
        let apps = apps().await;
        let app = &apps[0];
        let doc = app
            .get("/api/v1/openapi.json")
            .await
            .json::<Value>()
            .await
            .unwrap();
        for a in apps {
            a.stop().await;
        }
        doc
    };
    let paths = doc["paths"].as_object().expect("paths");
    let mut listed: Vec<String> = paths
        .iter()
        .flat_map(|(p, ops)| {
            ops.as_object()
                .into_iter()
                .flatten()
                .map(move |(m, _)| format!("{} {p}", m.to_uppercase()))
        })
        .collect();
    listed.sort();
    // The routes this build serves. A route added without `routes!` would be missing here.
    let expected = [
        "DELETE /api/v1/attachments/{id}",
        "DELETE /api/v1/contacts/{id}",
        "DELETE /api/v1/memberships/{id}",
        "DELETE /api/v1/organisations/{id}",
        "DELETE /api/v1/saved-searches/{id}",
        "DELETE /api/v1/statuses/{id}",
        "GET /api/v1/agreements",
        "GET /api/v1/agreements/{id}",
        "GET /api/v1/analyses/{id}",
        "GET /api/v1/analyses/{id}/charts/{kind}",
        "GET /api/v1/analyses/{id}/report",
        "GET /api/v1/attachments/{id}",
        "GET /api/v1/clusters",
        "GET /api/v1/clusters/{id}",
        "GET /api/v1/clusters/{id}/members",
        "GET /api/v1/clusters/{id}/statuses",
        "GET /api/v1/contacts/{id}",
        "GET /api/v1/datasets",
        "GET /api/v1/feeds/offers",
        "GET /api/v1/feeds/saved/{token}",
        "GET /api/v1/interests",
        "GET /api/v1/interests/{id}",
        "GET /api/v1/offers",
        "GET /api/v1/offers/{id}",
        "GET /api/v1/offers/{id}/attachments",
        "GET /api/v1/offers/{id}/history",
        "GET /api/v1/offers/{id}/interests",
        "GET /api/v1/offers/{id}/matches",
        "GET /api/v1/organisations",
        "GET /api/v1/organisations/{id}",
        "GET /api/v1/organisations/{id}/contacts",
        "GET /api/v1/organisations/{id}/memberships",
        "GET /api/v1/organisations/{id}/relations",
        "GET /api/v1/questionnaires",
        "GET /api/v1/questionnaires/{key}",
        "GET /api/v1/refdata/countries",
        "GET /api/v1/refdata/nace",
        "GET /api/v1/refdata/regions",
        "GET /api/v1/responses",
        "GET /api/v1/responses/{id}",
        "GET /api/v1/saved-searches",
        "GET /api/v1/saved-searches/unsubscribe",
        "GET /api/v1/search",
        "POST /api/v1/agreements",
        "POST /api/v1/analyses",
        "POST /api/v1/clusters/{id}/members",
        "POST /api/v1/clusters/{id}/statuses",
        "POST /api/v1/datasets",
        "POST /api/v1/interests/{id}/decision",
        "POST /api/v1/interests/{id}/messages",
        "POST /api/v1/offers",
        "POST /api/v1/offers/{id}/attachments",
        "POST /api/v1/offers/{id}/interests",
        "POST /api/v1/offers/{id}/transitions",
        "POST /api/v1/organisations",
        "POST /api/v1/organisations/{id}/contacts",
        "POST /api/v1/questionnaires",
        "POST /api/v1/questionnaires/{key}/responses",
        "POST /api/v1/refdata/languages/detect",
        "POST /api/v1/relations",
        "POST /api/v1/responses/{id}/review",
        "POST /api/v1/saved-searches",
        "PUT /api/v1/clusters/{id}/profile",
        "PUT /api/v1/contacts/{id}",
        "PUT /api/v1/memberships/{id}",
        "PUT /api/v1/offers/{id}",
        "PUT /api/v1/offers/{id}/texts/{lang}",
        "PUT /api/v1/organisations/{id}",
        "PUT /api/v1/statuses/{id}",
    ];
    assert_eq!(listed, expected);

    // Every documented operation is served: the router never answers 404/405 by itself (our
    // own "not found" is problem+json).
    let app = TestApp::sqlite().await;
    for op in &listed {
        let (method, path) = op.split_once(' ').unwrap();
        let url = path
            .replace("{id}", "999999")
            .replace("{key}", "no-such-questionnaire")
            .replace("{kind}", "bubble")
            .replace("{lang}", "de")
            .replace("{token}", "no-such-token");
        let res = app
            .request(
                reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
                &url,
                Some(json!({})),
            )
            .await;
        let ct = res
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap_or("").to_string())
            .unwrap_or_default();
        assert!(
            res.status() != StatusCode::METHOD_NOT_ALLOWED
                && (res.status() != StatusCode::NOT_FOUND || ct.contains("problem+json")),
            "{op}: the router does not serve it ({})",
            res.status()
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn organisations_crud_with_tokens_and_roles() {
    for app in apps().await {
        let res = app
            .post_anon(
                "/api/v1/organisations",
                firm_json("Alfa", "25.62", "PL841", "7740001454"),
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(res.headers()["content-type"], "application/problem+json");

        let visitor = app.token_for("visitor@example.org", "visitor", None).await;
        let res = app
            .post_as(
                &visitor,
                "/api/v1/organisations",
                firm_json("Alfa", "25.62", "PL841", "7740001454"),
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);

        let res = app
            .post(
                "/api/v1/organisations",
                firm_json("Alfa", "25.62", "PL841", "7740001454"),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED, "{:?}", app.kind);
        let created: Value = res.json().await.unwrap();
        let id = created["id"].as_i64().unwrap();
        assert_eq!(
            created["legal_ids"][0],
            json!({"kind": "nip", "value": "7740001454"})
        );

        let got: Value = app
            .get(&format!("/api/v1/organisations/{id}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(got["names"][0]["text"], "Alfa");

        // The organisation's own admin may edit it; another organisation's may not.
        let own = app
            .token_for("own@example.org", "org_admin", Some(id))
            .await;
        let other = app
            .token_for("other@example.org", "org_admin", Some(id + 1000))
            .await;
        let mut edit = firm_json("Alfa Sp. z o.o.", "25.62", "PL841", "7740001454");
        edit["employees"] = json!(12);
        let res = app
            .put_as(
                &other,
                &format!("/api/v1/organisations/{id}?version=1"),
                edit.clone(),
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = app
            .put_as(
                &own,
                &format!("/api/v1/organisations/{id}?version=1"),
                edit.clone(),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let res = app
            .put_as(&own, &format!("/api/v1/organisations/{id}?version=1"), edit)
            .await;
        assert_eq!(
            res.status(),
            StatusCode::CONFLICT,
            "a stale version is refused"
        );

        let res = app
            .delete_as(&own, &format!("/api/v1/organisations/{id}"))
            .await;
        assert_eq!(
            res.status(),
            StatusCode::FORBIDDEN,
            "only administrators delete"
        );
        let res = app
            .delete_as(&app.admin, &format!("/api/v1/organisations/{id}"))
            .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        assert_eq!(
            app.get(&format!("/api/v1/organisations/{id}"))
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn bad_input_gets_field_level_problems_and_writes_nothing() {
    for app in apps().await {
        let mut bad = firm_json(&"X".repeat(400), "99.99", "PL841", "7740001455");
        bad["country"] = json!("PL");
        let res = app.post("/api/v1/organisations", bad).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let p: Value = res.json().await.unwrap();
        let codes: Vec<(String, String)> = p["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["field"].as_str().unwrap().to_string(),
                    e["code"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        for (field, code) in [
            ("names[0].text", "too_long"),
            ("nace_main", "unknown_nace"),
            ("legal_ids[0].value", "nip_checksum"),
        ] {
            assert!(
                codes.contains(&(field.to_string(), code.to_string())),
                "{field}/{code} missing in {codes:?}"
            );
        }

        let res = app
            .raw_post(
                "/api/v1/organisations",
                "application/json",
                "{\"names\": [".into(),
            )
            .await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST);
        let res = app
            .raw_post(
                "/api/v1/organisations",
                "application/json",
                r#"{"names": 5}"#.into(),
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let p: Value = res.json().await.unwrap();
        assert_eq!(p["errors"][0]["field"], "names");
        let res = app
            .raw_post(
                "/api/v1/organisations",
                "application/json",
                r#"{"surprise": 1}"#.into(),
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown fields are refused"
        );
        let res = app
            .raw_post("/api/v1/organisations", "text/plain", "hello".into())
            .await;
        assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let huge = format!(
            "{{\"names\": [{{\"lang\": \"pl\", \"text\": \"{}\"}}]}}",
            "a".repeat(3 * 1024 * 1024)
        );
        let res = app
            .raw_post("/api/v1/organisations", "application/json", huge)
            .await;
        assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);

        let res = app.get("/api/v1/organisations?nace=99.99").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let res = app.get("/api/v1/organisations?limit=100000").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let res = app.get("/api/v1/organisations?after=garbage").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let all: Value = app.get("/api/v1/organisations").await.json().await.unwrap();
        assert_eq!(
            all["items"].as_array().unwrap().len(),
            0,
            "nothing was written"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn list_filters_and_cursor_pages() {
    for app in apps().await {
        let nips = [
            "7740001454",
            "6920000013",
            "5260250274",
            "5250008198",
            "1070000052",
            "8990005614",
        ];
        let rows = [
            ("Metal Łapy", "25.62", "PL841"),
            ("Metal Suwałki", "25.11", "PL842"),
            ("Mleko Zambrów", "10.51", "PL843"),
            ("Stal Grodno", "25.11", "BY-HR"),
            ("Bud Białystok", "41.20", "PL841"),
            ("Kuźnia Łomża", "25.50", "PL843"),
        ];
        for ((name, nace, region), nip) in rows.iter().zip(nips) {
            let mut body = firm_json(name, nace, region, nip);
            if region.starts_with("BY") {
                body["legal_ids"] = json!([]);
            }
            let res = app.post("/api/v1/organisations", body).await;
            assert_eq!(
                res.status(),
                StatusCode::CREATED,
                "{name}: {}",
                res.text().await.unwrap()
            );
        }
        let names = |v: &Value| {
            v["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["names"][0]["text"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        };
        let v: Value = app
            .get("/api/v1/organisations?nace=25")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            names(&v),
            ["Kuźnia Łomża", "Metal Łapy", "Metal Suwałki", "Stal Grodno"]
        );
        let v: Value = app
            .get("/api/v1/organisations?nace=25&region=PL84&sort=-name")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(names(&v), ["Metal Suwałki", "Metal Łapy", "Kuźnia Łomża"]);
        let v: Value = app
            .get("/api/v1/organisations?country=BY")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(names(&v), ["Stal Grodno"]);
        let v: Value = app
            .get("/api/v1/organisations?q=LOMZA")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(names(&v), ["Kuźnia Łomża"]);
        let v: Value = app
            .get("/api/v1/organisations?kind=business_support")
            .await
            .json()
            .await
            .unwrap();
        assert!(names(&v).is_empty());

        let mut seen = Vec::new();
        let mut url = "/api/v1/organisations?limit=2".to_string();
        loop {
            let v: Value = app.get(&url).await.json().await.unwrap();
            seen.extend(names(&v));
            match v["next"].as_str() {
                Some(next) => url = format!("/api/v1/organisations?limit=2&after={next}"),
                None => break,
            }
        }
        assert_eq!(seen.len(), 6);
        let mut sorted = seen.clone();
        sorted.sort_by_key(|n| klaster_domain::fold(n));
        assert_eq!(seen, sorted);
        app.stop().await;
    }
}

#[tokio::test]
async fn personal_contact_data_is_never_public() {
    for app in apps().await {
        let id = app
            .create_org(firm_json("Alfa", "25.62", "PL841", "7740001454"))
            .await;
        let member = app.token_for("m@example.org", "org_member", Some(id)).await;
        let person = json!({"name": "Jan Testowy", "role": "CEO", "email": "jan@alfa.example.pl"});
        let office =
            json!({"name": "Biuro", "email": "biuro@alfa.example.pl", "is_personal_data": false});
        let res = app
            .post_as(
                &member,
                &format!("/api/v1/organisations/{id}/contacts"),
                person.clone(),
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::FORBIDDEN,
            "a plain member may not edit the profile"
        );
        let res = app
            .post(&format!("/api/v1/organisations/{id}/contacts"), person)
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let person_id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        app.post(&format!("/api/v1/organisations/{id}/contacts"), office)
            .await;

        let public: Value = app
            .get(&format!("/api/v1/organisations/{id}/contacts"))
            .await
            .json()
            .await
            .unwrap();
        let public_names: Vec<&str> = public
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(public_names, ["Biuro"]);
        assert!(!public.to_string().contains("jan@alfa"));
        assert_eq!(
            app.get(&format!("/api/v1/contacts/{person_id}"))
                .await
                .status(),
            StatusCode::NOT_FOUND
        );

        let own: Value = app
            .get_as(&member, &format!("/api/v1/organisations/{id}/contacts"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(own.as_array().unwrap().len(), 2);
        let export: Value = app
            .get_as(&member, &format!("/api/v1/contacts/{person_id}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(export["email"], "jan@alfa.example.pl");

        assert_eq!(
            app.delete_as(&app.admin, &format!("/api/v1/contacts/{person_id}"))
                .await
                .status(),
            StatusCode::NO_CONTENT
        );
        let own: Value = app
            .get_as(&member, &format!("/api/v1/organisations/{id}/contacts"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(own.as_array().unwrap().len(), 1, "erased");
        app.stop().await;
    }
}

#[tokio::test]
async fn clusters_members_statuses_and_agreements() {
    for app in apps().await {
        let mut cluster = firm_json("Klaster Obróbki Metali", "25.62", "PL841", "5260250274");
        cluster["kind"] = json!("cluster_organisation");
        let cid = app.create_org(cluster).await;
        let fid = app
            .create_org(firm_json("Alfa", "25.62", "PL841", "7740001454"))
            .await;
        let mut by = firm_json("Inaleks Energy", "35.11", "BY-HM", "");
        by["legal_ids"] = json!([]);
        let bid = app.create_org(by).await;

        let coord = app
            .token_for("coord@example.org", "coordinator", Some(cid))
            .await;
        let kkk = json!({"kind": "key_national_cluster", "granted_on": "2016-01-20", "valid_until": "2099-12-31", "recertified_on": "2019-06-01"});
        let res = app
            .post_as(
                &coord,
                &format!("/api/v1/clusters/{cid}/statuses"),
                json!({"kind": "key_national_cluster", "granted_on": "2016-01-20", "valid_until": "2019-01-19"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED, "the coordinator records");
        let sid = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let other = app
            .token_for("other@example.org", "coordinator", Some(fid))
            .await;
        let res = app
            .put_as(&other, &format!("/api/v1/statuses/{sid}"), kkk.clone())
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "not their cluster");
        // A recertification moves the end of validity.
        let res = app
            .put_as(&coord, &format!("/api/v1/statuses/{sid}"), kkk)
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let res = app.post(&format!("/api/v1/clusters/{cid}/statuses"), json!({"kind": "key_national_cluster", "granted_on": "2020-01-01", "valid_until": "2019-01-01"})).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let member =
            json!({"organisation_id": fid, "role": "founding_member", "joined_on": "2012-05-01"});
        let res = app
            .post_as(
                &coord,
                &format!("/api/v1/clusters/{cid}/members"),
                member.clone(),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let res = app
            .post_as(&coord, &format!("/api/v1/clusters/{cid}/members"), member)
            .await;
        assert_eq!(res.status(), StatusCode::CONFLICT);
        let res = app
            .post_as(
                &coord,
                &format!("/api/v1/clusters/{fid}/members"),
                json!({"organisation_id": bid, "role": "member", "joined_on": "2020-01-01"}),
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::NOT_FOUND,
            "a company is not a cluster"
        );

        let c: Value = app
            .get(&format!("/api/v1/clusters/{cid}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(c["member_count"], 1);
        assert_eq!(c["statuses"][0]["kind"], "key_national_cluster");
        assert_eq!(c["statuses"][0]["current"], true);
        assert_eq!(c["statuses"][0]["recertified_on"], "2019-06-01");
        assert_eq!(c["statuses"].as_array().map(Vec::len), Some(1));
        assert_eq!(c["members"][0]["name"], "Alfa");
        let v: Value = app
            .get(&format!("/api/v1/organisations?cluster={cid}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(v["items"][0]["id"], fid);

        // The coordinator now looks after the member's profile.
        let mut edit = firm_json("Alfa", "25.62", "PL841", "7740001454");
        edit["employees"] = json!(7);
        assert_eq!(
            app.put_as(&coord, &format!("/api/v1/organisations/{fid}"), edit)
                .await
                .status(),
            StatusCode::OK
        );

        let loi = json!({"kind": "letter_of_intent", "title": [{"lang": "pl", "text": "List intencyjny"}], "signed_on": "2017-12-08", "party_ids": [cid, bid]});
        let res = app.post_as(&coord, "/api/v1/agreements", loi).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let a: Value = res.json().await.unwrap();
        assert_eq!(a["cross_border"], true);
        let list: Value = app
            .get(&format!("/api/v1/agreements?organisation={bid}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(list.as_array().unwrap().len(), 1);
        app.stop().await;
    }
}

#[tokio::test]
async fn questionnaire_submission_review_and_acceptance() {
    for app in apps().await {
        let mut cluster = firm_json("Klaster Obróbki Metali", "25.62", "PL841", "5260250274");
        cluster["kind"] = json!("cluster_organisation");
        let cid = app.create_org(cluster).await;
        let q: Value = app
            .get("/api/v1/questionnaires/cluster-cooperation")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(q["definition"]["version"], 1);
        assert!(
            q["definition"]["languages"]
                .as_array()
                .unwrap()
                .contains(&json!("en"))
        );

        let mut answers = common::filled_answers();
        answers["company"]["nip"] = json!("7740001455");
        answers["activity"]["nace_main"] = json!("99.99");
        let res = app
            .post_anon(
                "/api/v1/questionnaires/cluster-cooperation/responses",
                json!({"lang": "pl", "cluster_id": cid, "answers": answers}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let p: Value = res.json().await.unwrap();
        let fields: Vec<&str> = p["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert!(
            fields.contains(&"answers.company.nip")
                && fields.contains(&"answers.activity.nace_main"),
            "{fields:?}"
        );

        // Submitted verbatim, key order and spacing included.
        let body = format!(
            "{{\"lang\": \"pl\",   \"cluster_id\": {cid}, \"answers\": {}}}",
            common::filled_answers()
        );
        let res = app
            .raw_post(
                "/api/v1/questionnaires/cluster-cooperation/responses",
                "application/json",
                body.clone(),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let rid = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();

        let coord = app
            .token_for("coord@example.org", "coordinator", Some(cid))
            .await;
        let stranger = app
            .token_for("coord2@example.org", "coordinator", Some(cid + 100))
            .await;
        assert_eq!(
            app.get_as(&stranger, &format!("/api/v1/responses/{rid}"))
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        let mine: Value = app
            .get_as(&coord, "/api/v1/responses?status=submitted")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(mine.as_array().unwrap().len(), 1);

        let res = app
            .post_as(
                &coord,
                &format!("/api/v1/responses/{rid}/review"),
                json!({"decision": "reject", "reason": " "}),
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "a rejection needs a reason"
        );
        let res = app
            .post_as(
                &coord,
                &format!("/api/v1/responses/{rid}/review"),
                json!({"decision": "accept"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let r: Value = res.json().await.unwrap();
        assert_eq!(r["status"], "accepted");
        assert_eq!(r["history"].as_array().unwrap().len(), 2);
        let oid = r["organisation_id"].as_i64().unwrap();
        let org: Value = app
            .get(&format!("/api/v1/organisations/{oid}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            org["names"][0]["text"],
            "Zakład Mechaniki Precyzyjnej Sp. z o.o."
        );
        let members: Value = app
            .get(&format!("/api/v1/clusters/{cid}/members"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(members[0]["organisation_id"], oid);
        let contacts: Value = app
            .get_as(&app.admin, &format!("/api/v1/organisations/{oid}/contacts"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(contacts[0]["name"], "Anna Nowak");

        let res = app
            .post_as(
                &coord,
                &format!("/api/v1/responses/{rid}/review"),
                json!({"decision": "accept"}),
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "accepted is final"
        );
        let stored: Value = app
            .get_as(&coord, &format!("/api/v1/responses/{rid}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            stored["submission"],
            serde_json::from_str::<Value>(&body).unwrap()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn refdata_endpoints_answer_in_the_asked_language() {
    let app = TestApp::sqlite().await;
    let v: Value = app
        .get("/api/v1/refdata/nace?lang=pl&under=25.1&level=class")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v[0]["code"], "25.11");
    assert_eq!(
        v[0]["title"],
        "Produkcja konstrukcji metalowych i ich części"
    );
    let v: Value = app
        .get("/api/v1/refdata/regions?country=BY&level=1&lang=ru")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v.as_array().unwrap().len(), 7);
    let v: Value = app
        .get("/api/v1/refdata/countries?lang=ru")
        .await
        .json()
        .await
        .unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|c| c["code"] == "PL" && c["name"] == "Польша")
    );
    app.stop().await;
}

#[tokio::test]
async fn offers_are_reviewed_where_the_cluster_asks_and_shown_only_to_their_audience() {
    for app in apps().await {
        let mut cluster = firm_json("Klaster Obróbki Metali", "25.62", "PL841", "5260250274");
        cluster["kind"] = json!("cluster_organisation");
        let cid = app.create_org(cluster).await;
        let fid = app
            .create_org(firm_json("Alfa", "25.62", "PL841", "7740001454"))
            .await;
        let other = app
            .create_org(firm_json("Beta", "25.11", "PL842", "6920000013"))
            .await;
        let res = app
            .put_as(
                &app.admin,
                &format!("/api/v1/clusters/{cid}/profile"),
                json!({"branches": ["25"], "regions": ["PL84"], "requires_offer_review": true}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        app.post(
            &format!("/api/v1/clusters/{cid}/members"),
            json!({"organisation_id": fid, "role": "member", "joined_on": "2020-01-01"}),
        )
        .await;
        let owner = app
            .token_for("owner@example.org", "org_admin", Some(fid))
            .await;
        let stranger = app
            .token_for("beta@example.org", "org_admin", Some(other))
            .await;
        let coord = app
            .token_for("coord@example.org", "coordinator", Some(cid))
            .await;

        let offer = json!({
            "organisation_id": fid, "lang": "pl", "title": "Przekażemy zlecenie: 500 wsporników",
            "description": "Nie zdążymy z terminem <script>alert(1)</script>",
            "details": {"kind": "order_handover", "quantity": {"value": 500, "unit": "piece"}, "deadline": "2099-02-15"},
            "nace": ["25.11"], "country": "PL", "region": "PL841"
        });
        let res = app
            .post_as(&stranger, "/api/v1/offers", offer.clone())
            .await;
        assert_eq!(
            res.status(),
            StatusCode::FORBIDDEN,
            "another firm cannot post for Alfa"
        );
        let res = app.post_as(&owner, "/api/v1/offers", offer).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let o: Value = res.json().await.unwrap();
        let id = o["id"].as_i64().unwrap();
        assert_eq!(o["status"], "draft");
        assert_eq!(
            app.get(&format!("/api/v1/offers/{id}")).await.status(),
            StatusCode::NOT_FOUND,
            "drafts are private"
        );

        let t = |action: Value| (format!("/api/v1/offers/{id}/transitions"), action);
        let (url, submit) = t(json!({"action": "submit"}));
        let o: Value = app
            .post_as(&owner, &url, submit)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(o["status"], "submitted", "the cluster reviews offers");
        let (url, publish) = t(json!({"action": "publish"}));
        assert_eq!(
            app.post_as(&owner, &url, publish.clone()).await.status(),
            StatusCode::FORBIDDEN,
            "owners do not approve themselves"
        );
        let o: Value = app
            .post_as(&coord, &url, publish.clone())
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(o["status"], "published");

        let o: Value = app
            .get(&format!("/api/v1/offers/{id}?lang=de"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            o["display"]["lang"], "pl",
            "no German version yet: the original is shown"
        );
        assert_eq!(o["display"]["status"], "original");
        assert_eq!(
            o["display"]["description"], "Nie zdążymy z terminem <script>alert(1)</script>",
            "stored as text"
        );
        let page: Value = app
            .get("/api/v1/offers?nace=25&region=PL84&kind=order_handover")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(page["items"][0]["id"], id);
        let page: Value = app
            .get("/api/v1/offers?kind=free_capacity")
            .await
            .json()
            .await
            .unwrap();
        assert!(page["items"].as_array().unwrap().is_empty());

        let (url, close) =
            t(json!({"action": "close", "close": {"reason": "fulfilled", "partner_id": other}}));
        assert_eq!(
            app.post_as(&stranger, &url, close.clone()).await.status(),
            StatusCode::FORBIDDEN
        );
        let o: Value = app.post_as(&owner, &url, close).await.json().await.unwrap();
        assert_eq!(o["status"], "closed");
        assert_eq!(
            app.post_as(&coord, &url, publish).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "closed is final"
        );
        let h: Value = app
            .get_as(&owner, &format!("/api/v1/offers/{id}/history"))
            .await
            .json()
            .await
            .unwrap();
        let steps: Vec<&str> = h
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["status"].as_str().unwrap())
            .collect();
        assert_eq!(steps, ["draft", "submitted", "published", "closed"]);
        app.stop().await;
    }
}

mod translation_jobs {
    use std::sync::Arc;

    use klaster_translate::{
        Engine, EngineConfig, Lang, LanguageSupport, NoMemory, TranslateError, TranslateRequest,
        Translation, Translator,
    };
    use klaster_web::worker::{Outcome, Worker};
    use reqwest::StatusCode;
    use serde_json::{Value, json};

    use super::common::{apps, firm_json};

    /// An engine whose server is down or refuses: every call fails with the given error.
    struct Failing(TranslateError);

    impl Translator for Failing {
        fn name(&self) -> &str {
            "failing"
        }
        async fn translate(&self, _: &TranslateRequest) -> Result<Translation, TranslateError> {
            Err(self.0.clone())
        }
        async fn languages(&self) -> Result<Vec<LanguageSupport>, TranslateError> {
            Ok(Vec::new())
        }
    }

    async fn publish(
        app: &super::common::TestApp,
        org: i64,
        title: &str,
        description: &str,
    ) -> i64 {
        let offer = json!({
            "organisation_id": org, "lang": "pl", "title": title, "description": description,
            "details": {"kind": "free_capacity", "hours_per_week": 40, "available_from": "2026-01-01", "available_to": "2099-01-01"},
            "nace": ["25.62"], "country": "PL"
        });
        let id = app
            .post("/api/v1/offers", offer)
            .await
            .json::<Value>()
            .await
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let res = app
            .post(
                &format!("/api/v1/offers/{id}/transitions"),
                json!({"action": "submit"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        id
    }

    #[tokio::test]
    async fn published_offers_are_translated_and_what_is_not_is_marked() {
        for app in apps().await {
            let org = app
                .create_org(firm_json("Alfa", "25.62", "PL841", "7740001454"))
                .await;
            let id = publish(
                &app,
                org,
                "Ilość: 500 szt.",
                "Szukamy podwykonawcy na toczenie.",
            )
            .await;
            let engine = Engine::from_config(&EngineConfig::default(), Arc::new(NoMemory)).unwrap();
            let worker = Worker::new(
                app.db(),
                Arc::new(engine),
                vec![Lang::Pl, Lang::De, Lang::En],
            );
            assert_eq!(worker.run_once().await.unwrap(), Some(Outcome::Done));
            assert_eq!(
                worker.run_once().await.unwrap(),
                None,
                "one job per publication"
            );

            let o: Value = app
                .get(&format!("/api/v1/offers/{id}?lang=de"))
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(o["display"]["lang"], "de");
            assert_eq!(o["display"]["title"], "Menge: 500 Stk.");
            assert_eq!(
                o["display"]["status"], "partial",
                "the description is still Polish: marked, not hidden"
            );
            assert_eq!(
                o["display"]["description"],
                "Szukamy podwykonawcy na toczenie."
            );
            let langs: Vec<&str> = o["texts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["lang"].as_str().unwrap())
                .collect();
            assert_eq!(langs, ["de", "en", "pl"]);
            app.stop().await;
        }
    }

    #[tokio::test]
    async fn translators_corrections_are_kept_and_feed_the_memory() {
        for app in apps().await {
            let org = app
                .create_org(firm_json("Alfa", "25.62", "PL841", "7740001454"))
                .await;
            let id = publish(
                &app,
                org,
                "Frezowanie CNC",
                "Mamy wolne moce na frezarkach.",
            )
            .await;
            let worker = Worker::new(
                app.db(),
                Arc::new(
                    Engine::from_config(&EngineConfig::default(), app.memory.clone()).unwrap(),
                ),
                vec![Lang::Pl, Lang::De],
            );
            worker.run_once().await.unwrap();
            let member = app
                .token_for("m@example.org", "org_member", Some(org))
                .await;
            let translator = app.token_for("t@example.org", "translator", None).await;
            let fix = json!({"title": "CNC-Fräsen", "description": "Wir haben freie Kapazitäten auf Fräsmaschinen.", "reviewed": true});
            let url = format!("/api/v1/offers/{id}/texts/de");
            assert_eq!(
                app.put_as(&member, &url, fix.clone()).await.status(),
                StatusCode::FORBIDDEN,
                "translators correct"
            );
            let res = app.put_as(&translator, &url, fix).await;
            assert_eq!(res.status(), StatusCode::OK);
            let o: Value = res.json().await.unwrap();
            assert_eq!(
                (
                    o["display"]["title"].as_str(),
                    o["display"]["status"].as_str()
                ),
                (Some("CNC-Fräsen"), Some("reviewed"))
            );
            assert_eq!(
                app.put_as(
                    &translator,
                    &format!("/api/v1/offers/{id}/texts/pl"),
                    json!({"title": "x"})
                )
                .await
                .status(),
                StatusCode::UNPROCESSABLE_ENTITY
            );

            // The next offer with the same sentences comes out of the memory, and the stored
            // memory survives a restart. (The first is closed: the same offer twice while it
            // is live would be a duplicate submission.)
            app.post(
                &format!("/api/v1/offers/{id}/transitions"),
                json!({"action": "close", "close": {"reason": "withdrawn"}}),
            )
            .await;
            let id2 = publish(
                &app,
                org,
                "Frezowanie CNC",
                "Mamy wolne moce na frezarkach.",
            )
            .await;
            worker.run_once().await.unwrap();
            let o: Value = app
                .get(&format!("/api/v1/offers/{id2}?lang=de"))
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(o["display"]["title"], "CNC-Fräsen");
            assert_eq!(
                o["display"]["description"],
                "Wir haben freie Kapazitäten auf Fräsmaschinen."
            );
            let reloaded = klaster_web::load_memory(&app.db()).await.unwrap();
            use klaster_translate::TranslationMemory;
            assert_eq!(
                reloaded
                    .lookup(Lang::Pl, Lang::De, "Frezowanie CNC")
                    .as_deref(),
                Some("CNC-Fräsen")
            );
            app.stop().await;
        }
    }

    #[tokio::test]
    async fn a_polish_offer_is_found_with_a_german_query() {
        for app in apps().await {
            let mut firm = firm_json("Zakład Spawalniczy Łapy", "25.62", "PL841", "7740001454");
            firm["description"] =
                json!([{"lang": "pl", "text": "Spawanie konstrukcji stalowych."}]);
            let org = app.create_org(firm).await;
            let id = publish(&app, org, "Ilość: 500 szt.", "Szukamy podwykonawcy.").await;
            let worker = Worker::new(
                app.db(),
                Arc::new(
                    Engine::from_config(&EngineConfig::default(), app.memory.clone()).unwrap(),
                ),
                vec![Lang::Pl, Lang::De, Lang::En],
            );
            worker.run_once().await.unwrap();
            assert!(app.sync().await > 0);
            let r: Value = app
                .get("/api/v1/search?q=Unterauftragnehmer&lang=de")
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(r["total"], 1, "{r}");
            assert_eq!(
                (r["hits"][0]["entity"].as_str(), r["hits"][0]["id"].as_i64()),
                (Some("offer"), Some(id))
            );
            assert!(
                r["hits"][0]["snippet_html"]
                    .as_str()
                    .unwrap()
                    .contains("<mark>"),
                "{r}"
            );
            let r: Value = app
                .get("/api/v1/search?q=podwykonawca&entity=offer&nace=25&country=PL")
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(r["total"], 1, "an inflected Polish form finds it: {r}");
            let r: Value = app
                .get("/api/v1/search?q=spawanie&entity=organisation")
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(r["hits"][0]["id"].as_i64(), Some(org), "{r}");
            let r: Value = app
                .get("/api/v1/search?q=Unterauftragnehmer&region=BY")
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(r["total"], 0);
            // Closed offers leave the index with the next sync.
            app.post(
                &format!("/api/v1/offers/{id}/transitions"),
                json!({"action": "close", "close": {"reason": "withdrawn"}}),
            )
            .await;
            app.sync().await;
            let r: Value = app
                .get("/api/v1/search?q=Unterauftragnehmer")
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(r["total"], 0);
            assert_eq!(
                app.get("/api/v1/search?lang=xx").await.status(),
                StatusCode::UNPROCESSABLE_ENTITY
            );
            app.stop().await;
        }
    }

    #[tokio::test]
    async fn offers_past_their_deadline_expire_once() {
        for app in apps().await {
            let org = app
                .create_org(firm_json("Alfa", "25.62", "PL841", "7740001454"))
                .await;
            let id = publish(&app, org, "Wolne moce", "Tokarki CNC.").await;
            let engine = Engine::from_config(&EngineConfig::default(), Arc::new(NoMemory)).unwrap();
            let worker = Worker::new(app.db(), Arc::new(engine), vec![Lang::Pl]);
            let today = chrono::NaiveDate::from_ymd_opt(2098, 12, 31).unwrap();
            assert_eq!(worker.expire_due(today).await.unwrap(), 0, "not yet due");
            let later = chrono::NaiveDate::from_ymd_opt(2099, 1, 2).unwrap();
            assert_eq!(worker.expire_due(later).await.unwrap(), 1);
            assert_eq!(worker.expire_due(later).await.unwrap(), 0);
            let o: Value = app
                .get_as(&app.admin, &format!("/api/v1/offers/{id}"))
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(o["status"], "expired");
            assert_eq!(
                app.get(&format!("/api/v1/offers/{id}")).await.status(),
                StatusCode::NOT_FOUND,
                "expired offers are not public"
            );
            app.stop().await;
        }
    }

    #[tokio::test]
    async fn failing_engines_are_retried_or_given_up_and_the_original_stays_readable() {
        for app in apps().await {
            let org = app
                .create_org(firm_json("Alfa", "25.62", "PL841", "7740001454"))
                .await;
            let id = publish(&app, org, "Wolne moce", "Tokarki CNC.").await;
            let down = Worker::new(
                app.db(),
                Arc::new(Failing(TranslateError::retryable(
                    None,
                    "503 from the engine",
                ))),
                vec![Lang::Pl, Lang::De],
            );
            match down.run_once().await.unwrap() {
                Some(Outcome::Retry(msg)) => assert!(msg.contains("503"), "{msg}"),
                other => panic!("{other:?}"),
            }
            assert_eq!(
                down.run_once().await.unwrap(),
                None,
                "backing off: not due yet"
            );
            let o: Value = app
                .get(&format!("/api/v1/offers/{id}?lang=de"))
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(
                (
                    o["display"]["lang"].as_str(),
                    o["display"]["status"].as_str()
                ),
                (Some("pl"), Some("original"))
            );

            let id2 = publish(&app, org, "Druga oferta", "Opis.").await;
            let refused = klaster_translate::TranslateError::permanent(
                klaster_translate::PermanentKind::Auth,
                "403 bad key",
            );
            let bad = Worker::new(
                app.db(),
                Arc::new(Failing(refused)),
                vec![Lang::Pl, Lang::De],
            );
            assert!(matches!(
                bad.run_once().await.unwrap(),
                Some(Outcome::Failed(_))
            ));
            assert_eq!(
                app.get(&format!("/api/v1/offers/{id2}")).await.status(),
                StatusCode::OK
            );
            app.stop().await;
        }
    }
}

#[tokio::test]
async fn podlaskie_analysis_runs_from_the_api_and_is_reproducible() {
    for app in apps().await {
        let res = app
            .post(
                "/api/v1/analyses",
                json!({"dataset": "demo", "region": "PL84"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let a: Value = res.json().await.unwrap();
        let id = a["id"].as_i64().unwrap();
        assert_eq!(a["params"]["region"], "PL84");
        assert!(
            a["result"]["notes"].to_string().contains("ILLUSTRATIVE"),
            "the demo is labelled"
        );
        let categories = a["result"]["potential"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["level"] == "category")
            .expect("category ranking")
            .clone();
        let top: Vec<&str> = categories["rows"]
            .as_array()
            .unwrap()
            .iter()
            .take(2)
            .map(|r| r["code"].as_str().unwrap())
            .collect();
        assert_eq!(
            top,
            ["dairy", "agri_machinery"],
            "the CADSES analysis chose dairy and agricultural machinery"
        );

        let stored: Value = app
            .get(&format!("/api/v1/analyses/{id}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(stored["fingerprint"], a["fingerprint"]);
        let html = app
            .get(&format!("/api/v1/analyses/{id}/report"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            html.contains("<html") && html.contains("ILLUSTRATIVE"),
            "{}",
            &html[..200.min(html.len())]
        );
        let svg = app
            .get(&format!(
                "/api/v1/analyses/{id}/charts/bubble?level=category"
            ))
            .await;
        assert_eq!(svg.headers()["content-type"], "image/svg+xml");
        assert!(svg.text().await.unwrap().starts_with("<svg"));

        // An upload is read with line and column errors, then analysed like the demo.
        let bad = "region,industry,year,employment\nR1,25,2020,10\nR1,28,2020,ten\n";
        let res = app
            .raw_post("/api/v1/datasets?name=bad.csv", "text/csv", bad.into())
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let p: Value = res.json().await.unwrap();
        let msg = p["errors"][0]["message"].as_str().unwrap();
        assert!(
            msg.contains("bad.csv:3") && msg.contains("employment"),
            "{p}"
        );
        let mut csv = String::from("region,industry,year,employment\n");
        for (r, base) in [("R1", 10.0), ("R2", 20.0), ("R3", 5.0)] {
            for (i, ind) in ["25", "28", "10", "62"].iter().enumerate() {
                for year in [2020, 2021] {
                    csv.push_str(&format!(
                        "{r},{ind},{year},{}\n",
                        base * (i as f64 + 1.0) + f64::from(year - 2020)
                    ));
                }
            }
        }
        // One cell suppressed: the diagnostics warn of it.
        let csv = csv.replace("R3,62,2021,21\n", "R3,62,2021,c\n");
        let res = app
            .raw_post("/api/v1/datasets?name=small.csv", "text/csv", csv)
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let ds: Value = res.json().await.unwrap();
        assert_eq!(ds["summary"]["regions"], 3);
        let res = app
            .post(
                "/api/v1/analyses",
                json!({"dataset": ds["id"], "region": "R2", "params": {"years": [2021]}}),
            )
            .await;
        let status = res.status();
        let body: Value = res.json().await.unwrap();
        assert_eq!(status, StatusCode::CREATED, "{body}");
        assert_eq!(
            body["result"]["diagnostics"]["warnings"][0],
            json!({
                "code": "missing_cells",
                "missing": 0,
                "suppressed": 1,
                "text": "0 missing and 1 suppressed cells: their own indicators are empty; totals count them as 0",
            }),
            "a stable code, the data and the English text"
        );
        let res = app
            .post(
                "/api/v1/analyses",
                json!({"dataset": ds["id"], "region": "PL84"}),
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "the region is not in the data"
        );

        // An upload is its uploader's: nobody else sees it or what was computed from it.
        let mine = body["id"].as_i64().unwrap();
        let stranger = app
            .token_for("other@example.org", "org_admin", Some(1))
            .await;
        for url in [
            format!("/api/v1/analyses/{mine}"),
            format!("/api/v1/analyses/{mine}/report"),
            format!("/api/v1/analyses/{mine}/charts/stars"),
        ] {
            assert_eq!(app.get(&url).await.status(), StatusCode::NOT_FOUND, "{url}");
            assert_eq!(
                app.get_as(&stranger, &url).await.status(),
                StatusCode::NOT_FOUND,
                "{url}"
            );
            assert_eq!(
                app.get_as(&app.admin, &url).await.status(),
                StatusCode::OK,
                "{url}"
            );
        }
        let theirs: Value = app
            .get_as(&stranger, "/api/v1/datasets")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(theirs, json!([]));
        let res = app
            .post_as(
                &stranger,
                "/api/v1/analyses",
                json!({"dataset": ds["id"], "region": "R2"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            app.get("/api/v1/datasets").await.status(),
            StatusCode::UNAUTHORIZED
        );
        app.stop().await;
    }
}
