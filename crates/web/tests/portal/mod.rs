//! The portal's exchange, end to end through the API: a Polish firm hands over an order, a
//! German firm finds it in German, reads it in its language, expresses interest; the owner is
//! told by e-mail (through a real SMTP conversation with a local sink), accepts, and both get
//! each other's contacts. Matches, saved searches with alerts and feeds, attachments.

use std::sync::Arc;
use std::time::Duration;

use klaster_notify::testing::SmtpSink;
use klaster_translate::{Engine, EngineConfig, Lang};
use klaster_web::worker::{Outcome, Worker};
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::common::{TestApp, apps, firm_json};

struct Portal {
    owner_org: i64,
    owner_contact: i64,
    buyer_org: i64,
    buyer_contact: i64,
    owner: String,
    buyer: String,
}

async fn contact(app: &TestApp, org: i64, name: &str, email: &str) -> i64 {
    let res = app
        .post(
            &format!("/api/v1/organisations/{org}/contacts"),
            json!({"name": name, "email": email, "phone": "+48 85 000 00 00"}),
        )
        .await;
    let v: Value = res.json().await.unwrap();
    v["id"].as_i64().unwrap_or_else(|| panic!("{v}"))
}

async fn setup(app: &TestApp) -> Portal {
    let mut pl = firm_json("Zakład Spawalniczy Łapy", "25.11", "PL841", "7740001454");
    pl["email"] = json!("biuro@lapy.example.pl");
    let owner_org = app.create_org(pl).await;
    let de = json!({
        "names": [{"lang": "de", "text": "Müller Metallbau GmbH"}], "kind": "company",
        "country": "DE", "region": "DE21", "nace_main": "25.11", "legal_ids": [],
        "certifications": ["EN 1090-2 EXC2"], "email": "info@mueller.example.de"
    });
    let buyer_org = app.create_org(de).await;
    Portal {
        owner_contact: contact(app, owner_org, "Anna Kowalska", "anna@lapy.example.pl").await,
        buyer_contact: contact(app, buyer_org, "Jonas Müller", "jonas@mueller.example.de").await,
        owner: app
            .token_for("anna@lapy.example.pl", "org_admin", Some(owner_org))
            .await,
        buyer: app
            .token_for("jonas@mueller.example.de", "org_member", Some(buyer_org))
            .await,
        owner_org,
        buyer_org,
    }
}

/// Runs every due job.
pub(crate) async fn drain(w: &Worker) -> Vec<Outcome> {
    let mut out = Vec::new();
    while let Some(o) = w.run_once().await.unwrap() {
        out.push(o);
    }
    out
}

async fn post_offer(app: &TestApp, p: &Portal, title: &str, deadline: &str) -> Value {
    let offer = json!({
        "organisation_id": p.owner_org, "title": title,
        "description": "Szukamy podwykonawcy. Nie zdążymy z terminem zamówienia.",
        "details": {"kind": "order_handover", "quantity": {"value": 500, "unit": "piece"},
                    "deadline": deadline, "delivery_city": "Białystok", "delivery_country": "PL",
                    "required_certifications": ["EN 1090"]},
        "nace": ["25.11"], "country": "PL", "region": "PL841", "contact_id": p.owner_contact
    });
    let res = app.post_as(&p.owner, "/api/v1/offers", offer).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let v: Value = res.json().await.unwrap();
    let id = v["id"].as_i64().unwrap();
    let res = app
        .post_as(
            &p.owner,
            &format!("/api/v1/offers/{id}/transitions"),
            json!({"action": "submit"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    v
}

fn cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

#[tokio::test]
async fn an_order_handover_meets_a_german_partner_by_search_interest_and_mail() {
    for app in apps().await {
        let sink = SmtpSink::start().await.unwrap();
        let w = app.worker(Some(&sink));
        let p = setup(&app).await;

        // Posted in Polish without naming the language: detected, reported for confirmation.
        let v = post_offer(
            &app,
            &p,
            "Przekażemy zlecenie: 500 wsporników spawanych",
            "2099-02-15",
        )
        .await;
        assert_eq!(v["offer"]["lang"], "pl", "{v}");
        assert_eq!(v["language_check"]["detected"], "pl");
        let id = v["id"].as_i64().unwrap();
        assert_eq!(drain(&w).await, vec![Outcome::Done], "the translation job");
        app.sync().await;

        // Found with a German and with an English query.
        for q in [
            "/api/v1/search?q=Unterauftragnehmer&lang=de",
            "/api/v1/search?q=subcontractor&lang=en",
        ] {
            let r: Value = app.get(q).await.json().await.unwrap();
            assert_eq!(r["hits"][0]["id"].as_i64(), Some(id), "{q}: {r}");
        }
        // Read in Russian: structured fields from data, machine text marked.
        let o: Value = app
            .get(&format!("/api/v1/offers/{id}?lang=ru"))
            .await
            .json()
            .await
            .unwrap();
        let fields = o["fields"].as_array().unwrap();
        for f in fields
            .iter()
            .filter(|f| f["as_written"] == false && f["key"] != "region")
        {
            assert!(cyrillic(f["label"].as_str().unwrap()), "{f}");
            assert_eq!(f["lang"], "ru", "{f}");
        }
        let kind = fields.iter().find(|f| f["key"] == "offer_kind").unwrap();
        assert!(cyrillic(kind["value"].as_str().unwrap()), "{kind}");
        assert_eq!(o["display"]["lang"], "ru");
        assert_ne!(o["display"]["status"], "original");

        // The German firm expresses interest in German (language detected).
        let msg = "Wir haben freie Kapazitäten und sind nach EN 1090 zertifiziert. Bitte senden Sie uns die Zeichnungen.";
        let body =
            json!({"organisation_id": p.buyer_org, "contact_id": p.buyer_contact, "message": msg});
        let path = format!("/api/v1/offers/{id}/interests");
        let res = app.post_as(&p.buyer, &path, body.clone()).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let interest: Value = res.json().await.unwrap();
        let iid = interest["id"].as_i64().unwrap();
        assert_eq!(interest["lang"], "de");
        assert_eq!(interest["messages"][0]["translated_lang"], "pl");
        let again = app.post_as(&p.buyer, &path, body).await;
        assert_eq!(
            again.status(),
            StatusCode::CONFLICT,
            "one thread per organisation"
        );
        // the owner cannot be interested in its own offer; a stranger cannot speak for the firm
        let own = json!({"organisation_id": p.owner_org, "message": "Jesteśmy zainteresowani."});
        assert_eq!(
            app.post_as(&p.owner, &path, own.clone()).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            app.post_as(&p.buyer, &path, own).await.status(),
            StatusCode::FORBIDDEN
        );

        // The owner is told by mail, in Polish, with the German original kept.
        assert_eq!(drain(&w).await, vec![Outcome::Done]);
        let mails = sink.wait_for(1, Duration::from_secs(10)).await;
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].rcpt_to, ["anna@lapy.example.pl"]);
        let m = mails[0].parsed();
        let text = m.text.unwrap_or_default();
        assert!(text.contains(msg), "the original is in the mail: {text}");
        assert!(text.contains("Müller Metallbau GmbH"), "{text}");
        assert!(m.subject.unwrap_or_default().contains("Klaster"));

        // The thread as the owner sees it.
        let t: Value = app
            .get_as(&p.owner, &format!("/api/v1/interests/{iid}"))
            .await
            .json()
            .await
            .unwrap();
        assert_ne!(t["messages"][0]["translation_status"], "pending", "{t}");
        assert!(
            t.get("introduction").is_none(),
            "no contacts before acceptance"
        );
        assert_eq!(
            app.get_as(&p.buyer, &format!("/api/v1/offers/{id}/interests"))
                .await
                .status(),
            StatusCode::NOT_FOUND,
            "the interested party does not see the others"
        );

        // Matches for the owner: the certified German firm, with its reasons.
        let m: Value = app
            .get_as(&p.owner, &format!("/api/v1/offers/{id}/matches"))
            .await
            .json()
            .await
            .unwrap();
        let first = &m["organisations"][0];
        assert_eq!(first["id"].as_i64(), Some(p.buyer_org), "{m}");
        let reasons: Vec<&str> = first["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["reason"].as_str().unwrap())
            .collect();
        assert!(
            reasons.contains(&"nace") && reasons.contains(&"certifications"),
            "{first}"
        );

        // The owner answers in Polish: the German firm is told, with the original kept.
        let res = app
            .post_as(
                &p.owner,
                &format!("/api/v1/interests/{iid}/messages"),
                json!({"message": "Dziękujemy, prześlemy rysunki jutro."}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        assert_eq!(drain(&w).await, vec![Outcome::Done]);
        let mails = sink.wait_for(2, Duration::from_secs(10)).await;
        assert_eq!(mails.len(), 2);
        assert_eq!(mails[1].rcpt_to, ["jonas@mueller.example.de"]);
        let text = mails[1].parsed().text.unwrap_or_default();
        assert!(
            text.contains("Dziękujemy, prześlemy rysunki jutro."),
            "{text}"
        );

        // Accepted: both sides get the other's contact details by mail.
        let res = app
            .post_as(
                &p.owner,
                &format!("/api/v1/interests/{iid}/decision"),
                json!({"decision": "accept"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let t: Value = res.json().await.unwrap();
        assert_eq!(t["status"], "accepted");
        assert_eq!(t["introduction"][1]["email"], "jonas@mueller.example.de");
        let res = app
            .post_as(
                &p.owner,
                &format!("/api/v1/interests/{iid}/decision"),
                json!({"decision": "decline"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CONFLICT, "decided once");
        drain(&w).await;
        let mails = sink.wait_for(4, Duration::from_secs(10)).await;
        assert_eq!(mails.len(), 4);
        let to_buyer = mails[2..]
            .iter()
            .find(|m| m.rcpt_to == ["jonas@mueller.example.de"])
            .unwrap();
        let text = to_buyer.parsed().text.unwrap_or_default();
        assert!(
            text.contains("anna@lapy.example.pl") && text.contains("Anna Kowalska"),
            "{text}"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn saved_searches_alert_by_mail_and_feed_new_offers_once() {
    for app in apps().await {
        let sink = SmtpSink::start().await.unwrap();
        let w = app.worker(Some(&sink));
        let p = setup(&app).await;
        let before = post_offer(&app, &p, "Przekażemy zlecenie spawania ram", "2099-03-01").await;
        drain(&w).await;
        app.sync().await;

        let res = app
            .post_as(
                &p.buyer,
                "/api/v1/saved-searches",
                json!({"name": "Spawanie PL84/BY", "delivery": "instant",
                       "query": {"q": "Unterauftragnehmer", "lang": "de", "nace": "25", "region": "PL84,BY"}}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let s: Value = res.json().await.unwrap();
        assert_eq!(s["email"], "jonas@mueller.example.de");
        assert_eq!(s["lang"], "de");
        let bad = app
            .post_as(
                &p.buyer,
                "/api/v1/saved-searches",
                json!({"name": "x", "delivery": "instant", "query": {"nace": "99.99.9"}}),
            )
            .await;
        assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let problem: Value = bad.json().await.unwrap();
        assert_eq!(problem["errors"][0]["field"], "query.nace", "{problem}");

        // Offers published before the search was saved do not alert.
        assert_eq!(w.sweep_alerts(chrono::Utc::now()).await.unwrap(), 0);
        tokio::time::sleep(Duration::from_millis(1100)).await;
        let new = post_offer(
            &app,
            &p,
            "Przekażemy zlecenie: konstrukcje stalowe",
            "2099-04-01",
        )
        .await;
        drain(&w).await;
        app.sync().await;
        assert_eq!(w.sweep_alerts(chrono::Utc::now()).await.unwrap(), 1);
        assert_eq!(
            w.sweep_alerts(chrono::Utc::now()).await.unwrap(),
            0,
            "recorded once"
        );
        assert_eq!(drain(&w).await, vec![Outcome::Done]);
        let mails = sink.wait_for(1, Duration::from_secs(10)).await;
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].rcpt_to, ["jonas@mueller.example.de"]);
        let m = mails[0].parsed();
        assert!(m.subject.unwrap_or_default().contains("Spawanie PL84/BY"));
        let text = m.text.unwrap_or_default();
        assert!(text.contains(&format!("/offers/{}", new["id"])), "{text}");
        assert!(
            !text.contains(&format!("/offers/{}?", before["id"])),
            "{text}"
        );
        assert!(
            m.headers
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case("list-unsubscribe"))
        );

        // The feed lists both (it is the search, not the alert), as well-formed Atom.
        let feed = app.get(s["feed_path"].as_str().unwrap()).await;
        assert_eq!(feed.status(), StatusCode::OK);
        assert!(
            feed.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/atom+xml")
        );
        let xml = feed.text().await.unwrap();
        assert_eq!(xml.matches("<entry").count(), 2, "{xml}");
        let public = app
            .get("/api/v1/feeds/offers?q=Unterauftragnehmer&lang=de&region=BY")
            .await;
        assert_eq!(public.text().await.unwrap().matches("<entry").count(), 0);

        // One click turns the mail off; the feed keeps working.
        let un = app.get(s["unsubscribe_path"].as_str().unwrap()).await;
        assert_eq!(un.json::<Value>().await.unwrap()["delivery"], "feed");

        // A daily search: its offers wait for the digest after the digest hour, in one mail.
        let res = app
            .post_as(
                &p.buyer,
                "/api/v1/saved-searches",
                json!({"name": "Metal täglich", "delivery": "daily", "query": {"nace": "25"}}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        tokio::time::sleep(Duration::from_millis(1100)).await;
        post_offer(&app, &p, "Przekażemy zlecenie: balustrady", "2099-05-01").await;
        drain(&w).await;
        app.sync().await;
        let morning = chrono::Utc::now()
            .date_naive()
            .and_hms_opt(5, 0, 0)
            .unwrap()
            .and_utc();
        assert_eq!(
            w.sweep_alerts(morning.max(chrono::Utc::now()))
                .await
                .unwrap(),
            1
        );
        let evening = chrono::Utc::now()
            .date_naive()
            .and_hms_opt(23, 59, 0)
            .unwrap()
            .and_utc();
        w.sweep_alerts(evening).await.unwrap();
        assert_eq!(drain(&w).await, vec![Outcome::Done], "one digest job");
        w.sweep_alerts(evening).await.unwrap();
        assert!(drain(&w).await.is_empty(), "one digest a day");
        let mails = sink.wait_for(2, Duration::from_secs(10)).await;
        assert_eq!(mails.len(), 2);
        let digest = mails[1].parsed();
        assert!(digest.text.unwrap_or_default().contains("Metal täglich"));
        app.stop().await;
    }
}

#[tokio::test]
async fn attachments_are_checked_by_content_and_size_and_served_as_downloads() {
    let app = TestApp::sqlite().await;
    let sink = SmtpSink::start().await.unwrap();
    let w = app.worker(Some(&sink));
    let p = setup(&app).await;
    let v = post_offer(&app, &p, "Przekażemy zlecenie z rysunkami", "2099-02-15").await;
    drain(&w).await;
    let id = v["id"].as_i64().unwrap();
    let upload = |name: &str, bytes: Vec<u8>, token: &str| {
        app.client
            .post(format!(
                "{}/api/v1/offers/{id}/attachments?filename={name}",
                app.base
            ))
            .bearer_auth(token.to_string())
            .header("content-type", "application/octet-stream")
            .body(bytes)
            .send()
    };
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
    let res = upload("rysunek%20nr%201.pdf", pdf.clone(), &p.owner)
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let a: Value = res.json().await.unwrap();
    assert_eq!(a["content_type"], "application/pdf");
    assert_eq!(a["filename"], "rysunek nr 1.pdf");
    let again = upload("copy.pdf", pdf.clone(), &p.owner).await.unwrap();
    assert_eq!(again.status(), StatusCode::CONFLICT, "the same file twice");
    let html = upload(
        "x.pdf",
        b"<html><script>alert(1)</script>".to_vec(),
        &p.owner,
    )
    .await
    .unwrap();
    assert_eq!(
        html.status(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "the name does not make a PDF"
    );
    let mut big = b"%PDF-".to_vec();
    big.resize(klaster_web::MAX_ATTACHMENT_BYTES + 1, b'0');
    assert_eq!(
        upload("big.pdf", big, &p.owner).await.unwrap().status(),
        StatusCode::PAYLOAD_TOO_LARGE
    );
    assert_eq!(
        upload("y.pdf", pdf.clone(), &p.buyer)
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    let list: Value = app
        .get(&format!("/api/v1/offers/{id}/attachments"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "nothing refused was kept"
    );
    let dl = app.get(a["download_path"].as_str().unwrap()).await;
    assert_eq!(dl.status(), StatusCode::OK);
    assert!(
        dl.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(dl.headers()["x-content-type-options"], "nosniff");
    assert_eq!(dl.bytes().await.unwrap().as_ref(), pdf.as_slice());
    app.stop().await;
}

/// Two server processes on one PostgreSQL database (each with its own search index kept in
/// step with the change log, as `klaster serve` does): an offer published through one is found
/// through the other within seconds.
#[tokio::test]
async fn two_servers_on_one_postgres_both_find_a_new_offer() {
    let Some(db) = klaster_store::testing::postgres().await else {
        return;
    };
    let mut bases = Vec::new();
    let mut tasks = Vec::new();
    for _ in 0..2 {
        let index = Arc::new(klaster_search::SearchIndex::in_memory().unwrap());
        let state = klaster_web::AppState::new(db.db.clone()).with_index(index.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        bases.push(format!("http://{}", listener.local_addr().unwrap()));
        let router = klaster_web::router(state);
        tasks.push(tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        }));
        tasks.push(tokio::spawn(klaster_web::keep_in_sync(
            index,
            db.db.clone(),
        )));
    }
    // the job runner of the first process translates
    let engine = Engine::from_config(
        &EngineConfig::default(),
        Arc::new(klaster_translate::NoMemory),
    )
    .unwrap();
    let worker = Worker::new(db.db.clone(), Arc::new(engine), Lang::ALL.to_vec());
    tasks.push(tokio::spawn(worker.run()));
    let user = klaster_store::auth::create_user(&db.db, "admin@example.org", None, "admin", None)
        .await
        .unwrap();
    let (_, token) = klaster_store::auth::create_token(&db.db, user.id, "t")
        .await
        .unwrap();
    let client = reqwest::Client::new();
    let post = |path: String, body: Value| {
        client
            .post(format!("{}{path}", bases[0]))
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    let org: Value = post(
        "/api/v1/organisations".into(),
        firm_json("Zakład Spawalniczy Łapy", "25.11", "PL841", "7740001454"),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let offer: Value = post(
        "/api/v1/offers".into(),
        json!({"organisation_id": org["id"], "lang": "pl", "title": "Przekażemy zlecenie spawania",
               "description": "Szukamy podwykonawcy.",
               "details": {"kind": "order_handover", "deadline": "2099-01-01"},
               "nace": ["25.11"], "country": "PL"}),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let id = offer["id"].as_i64().unwrap();
    let started = std::time::Instant::now();
    post(
        format!("/api/v1/offers/{id}/transitions"),
        json!({"action": "submit"}),
    )
    .await
    .unwrap();
    let mut seen = [None, None];
    while started.elapsed() < Duration::from_secs(30) && seen.iter().any(Option::is_none) {
        for (i, base) in bases.iter().enumerate() {
            if seen[i].is_none() {
                let r: Value = client
                    .get(format!("{base}/api/v1/search?q=Unterauftragnehmer&lang=de"))
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                if r["hits"][0]["id"].as_i64() == Some(id) {
                    seen[i] = Some(started.elapsed());
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    eprintln!(
        "publish -> found in German: process A {:?}, process B {:?}",
        seen[0], seen[1]
    );
    assert!(
        seen.iter().all(Option::is_some),
        "both processes find it: {seen:?}"
    );
    for t in tasks {
        t.abort();
    }
    db.cleanup().await;
}

#[tokio::test]
async fn duplicates_markup_and_unknown_languages_get_clear_answers() {
    let app = TestApp::sqlite().await;
    let p = setup(&app).await;
    let offer = json!({
        "organisation_id": p.owner_org, "lang": "pl",
        "title": "<script>alert('x')</script> Toczenie CNC",
        "description": "Szukamy podwykonawcy <b>pilnie</b>.",
        "details": {"kind": "order_handover", "deadline": "2099-01-01"},
        "nace": ["25.62"], "country": "PL"
    });
    let res = app.post_as(&p.owner, "/api/v1/offers", offer.clone()).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let first: Value = res.json().await.unwrap();
    assert_eq!(
        first["offer"]["title"], "<script>alert('x')</script> Toczenie CNC",
        "markup is kept as text (escaped where shown), never interpreted"
    );
    let again = app.post_as(&p.owner, "/api/v1/offers", offer.clone()).await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "a double submit");
    let problem: Value = again.json().await.unwrap();
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains(&first["id"].to_string())
    );
    let mut other = offer.clone();
    other["lang"] = json!("xx");
    let res = app.post_as(&p.owner, "/api/v1/offers", other).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let mut unknown = offer;
    unknown["lang"] = json!("");
    unknown["title"] = json!("12345");
    unknown["description"] = json!("");
    let res = app.post_as(&p.owner, "/api/v1/offers", unknown).await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "nothing to detect from"
    );
    let d: Value = app
        .post_anon(
            "/api/v1/refdata/languages/detect",
            json!({"text": "Шукаємо субпідрядника для зварювання металоконструкцій"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(d["lang"], "uk", "{d}");
    let list: Value = app
        .get_as(
            &p.owner,
            &format!("/api/v1/offers?organisation={}", p.owner_org),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(list["items"].as_array().unwrap().len() <= 1);
    app.stop().await;
}

/// A members-only offer reaches the alerts, feeds and searches of its cluster's members, and
/// nobody else's.
#[tokio::test]
async fn members_only_offers_alert_and_show_only_inside_their_cluster() {
    let app = TestApp::sqlite().await;
    let sink = SmtpSink::start().await.unwrap();
    let w = app.worker(Some(&sink));
    let p = setup(&app).await;
    let mut cluster = firm_json("Klaster Obróbki Metali", "25.62", "PL841", "5260250274");
    cluster["kind"] = json!("cluster_organisation");
    let cid = app.create_org(cluster).await;
    for org in [p.owner_org, p.buyer_org] {
        let res = app
            .post(
                &format!("/api/v1/clusters/{cid}/members"),
                json!({"organisation_id": org, "role": "member", "joined_on": "2020-01-01"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    let outsider_org = app
        .create_org(firm_json("Beta", "25.11", "PL842", "6920000013"))
        .await;
    let outsider = app
        .token_for("beta@example.org", "org_admin", Some(outsider_org))
        .await;
    let search = json!({"name": "Metal", "delivery": "instant", "query": {"nace": "25"}});
    let mut feeds = Vec::new();
    for token in [&p.buyer, &outsider] {
        let s: Value = app
            .post_as(token, "/api/v1/saved-searches", search.clone())
            .await
            .json()
            .await
            .unwrap();
        feeds.push(s["feed_path"].as_str().unwrap().to_string());
    }
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let offer = json!({
        "organisation_id": p.owner_org, "lang": "pl", "title": "Tylko dla członków: wolne zlecenie",
        "description": "Szukamy podwykonawcy.",
        "details": {"kind": "order_handover", "deadline": "2099-01-01"},
        "nace": ["25.11"], "country": "PL", "visibility": {"scope": "cluster", "cluster_id": cid}
    });
    let id = app
        .post_as(&p.owner, "/api/v1/offers", offer)
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    app.post_as(
        &p.owner,
        &format!("/api/v1/offers/{id}/transitions"),
        json!({"action": "submit"}),
    )
    .await;
    drain(&w).await;
    app.sync().await;
    assert_eq!(
        w.sweep_alerts(chrono::Utc::now()).await.unwrap(),
        1,
        "the member's search only"
    );
    drain(&w).await;
    let mails = sink.wait_for(1, Duration::from_secs(10)).await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].rcpt_to, ["jonas@mueller.example.de"]);
    let member_feed = app.get(&feeds[0]).await.text().await.unwrap();
    assert!(member_feed.contains("Tylko dla członków"), "{member_feed}");
    let outsider_feed = app.get(&feeds[1]).await.text().await.unwrap();
    assert!(!outsider_feed.contains("Tylko dla członków"));
    let q = "/api/v1/search?q=podwykonawca&entity=offer";
    let total = |v: Value| v["total"].as_u64().unwrap();
    assert_eq!(
        total(app.get(q).await.json().await.unwrap()),
        0,
        "anonymous"
    );
    assert_eq!(
        total(app.get_as(&outsider, q).await.json().await.unwrap()),
        0
    );
    assert_eq!(
        total(app.get_as(&p.buyer, q).await.json().await.unwrap()),
        1,
        "a member"
    );
    app.stop().await;
}
