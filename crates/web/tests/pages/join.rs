//! The questionnaire in the browser: step by step with drafts and errors in the reader's
//! language, then the coordinator's review queue and acceptance.

use klaster_notify::testing::SmtpSink;
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::MISSING;
use super::account::sign_up;
use crate::common::visitor::Visitor;
use crate::common::{SECTIONS, TestApp, apps, filled_answers, firm_json};

/// The form fields of one section of `answers` (lists repeat their field).
pub fn fields_of(section: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (k, v) in section.as_object().unwrap() {
        match v {
            Value::Array(items) => {
                for i in items {
                    out.push((k.clone(), i.as_str().unwrap().to_string()));
                }
            }
            Value::Bool(b) => out.push((k.clone(), if *b { "yes" } else { "no" }.into())),
            Value::String(s) => out.push((k.clone(), s.clone())),
            other => out.push((k.clone(), other.to_string())),
        }
    }
    out
}

async fn post_step(
    v: &mut Visitor,
    step: usize,
    fields: &[(String, String)],
    go: &str,
) -> StatusCode {
    let mut all: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    all.push(("go", go));
    v.post(&format!("/join/{step}"), &all).await
}

/// A coordinator of `cluster`, signed in.
pub async fn coordinator(app: &TestApp, cluster: i64) -> Visitor {
    let user = klaster_store::auth::create_user(
        &app.db(),
        "koordynator@klaster.test",
        Some("hasło koordynatora"),
        "coordinator",
        Some(cluster),
    )
    .await
    .unwrap();
    klaster_store::accounts::mark_verified(&app.db(), user.id)
        .await
        .unwrap();
    let mut v = Visitor::new(&app.base);
    v.get("/account/signin").await;
    v.post(
        "/account/signin",
        &[
            ("email", "koordynator@klaster.test"),
            ("password", "hasło koordynatora"),
        ],
    )
    .await;
    assert!(v.signed_in());
    v
}

#[tokio::test]
async fn a_firm_joins_through_the_questionnaire_and_a_coordinator_accepts_it() {
    for app in apps().await {
        let sink = SmtpSink::start().await.unwrap();
        let mut cluster = firm_json("Klaster Obróbki Metali", "25.62", "PL841", "5260250274");
        cluster["kind"] = json!("cluster_organisation");
        let cid = app.create_org(cluster).await;
        let mut firm = sign_up(&app, &sink, 1, "anna@zmp.example.pl", "pl").await;

        assert_eq!(firm.get("/join?lang=pl").await, StatusCode::OK);
        assert!(
            firm.html.contains("Klaster Obróbki Metali"),
            "the clusters to choose"
        );
        firm.post("/join", &[("cluster_id", &cid.to_string()), ("lang", "pl")])
            .await;
        assert!(firm.url.ends_with("/join/1"), "{}", firm.url);
        assert!(firm.html.contains("Krok 1 z 6"));

        // A wrong NIP: the error in Polish next to the field, everything typed kept.
        let answers = filled_answers();
        let mut company = fields_of(&answers["company"]);
        for (k, v) in company.iter_mut() {
            if k == "nip" {
                *v = "6920000014".into();
            }
        }
        assert_eq!(
            post_step(&mut firm, 1, &company, "next").await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert!(
            firm.html.contains("Ten NIP jest nieprawidłowy"),
            "{}",
            firm.html
        );
        assert!(firm.html.contains("value=\"6920000014\""));
        assert!(firm.html.contains("value=\"ul. Przemysłowa 5\""));
        // The draft keeps it even so: leaving and coming back shows the answers.
        firm.get("/").await;
        firm.get("/join/1").await;
        assert!(firm.html.contains("value=\"ul. Przemysłowa 5\""));

        for (i, key) in SECTIONS.iter().enumerate() {
            let status = post_step(&mut firm, i + 1, &fields_of(&answers[key]), "next").await;
            assert_eq!(status, StatusCode::OK, "step {}: {}", i + 1, firm.html);
        }
        assert!(firm.url.ends_with("/join/check"), "{}", firm.url);
        assert!(
            firm.html
                .contains("Zakład Mechaniki Precyzyjnej Sp. z o.o.")
        );
        assert!(
            firm.html.contains("Podwykonawstwo") || firm.html.contains("podwykonawstwo"),
            "options by their labels"
        );
        firm.post("/join/check", &[]).await;
        assert!(firm.url.contains("/join?done=submitted"), "{}", firm.url);
        assert!(firm.html.contains("Czeka na ocenę"));

        // The coordinator's queue; another cluster's coordinator would not see it.
        let mut coord = coordinator(&app, cid).await;
        assert_eq!(coord.get("/review?lang=en").await, StatusCode::OK);
        assert!(
            coord.html.contains("Zakład Mechaniki Precyzyjnej"),
            "{}",
            coord.html
        );
        let at = coord.html.find("href=\"/review/").unwrap() + "href=\"/review/".len();
        let id: i64 = coord.html[at..].split('"').next().unwrap().parse().unwrap();
        coord.get(&format!("/review/{id}")).await;
        assert!(
            coord.html.contains("a.nowak@zmp.example.pl"),
            "the coordinator sees the contact"
        );
        // asking for changes needs a message
        let s = coord
            .post(
                &format!("/review/{id}"),
                &[("decision", "request_changes"), ("text", " ")],
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        coord
            .post(&format!("/review/{id}"), &[("decision", "accept")])
            .await;
        assert!(coord.html.contains("Accepted"), "{}", coord.html);

        // The firm is in the directory and the cluster, and its person administers it.
        let me = klaster_store::accounts::by_email(&app.db(), "anna@zmp.example.pl")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(me.role, "org_admin");
        let org = me.scope_id.unwrap();
        let members = klaster_store::directory::members(&app.db(), cid)
            .await
            .unwrap();
        assert!(members.iter().any(|m| m.organisation_id == org));
        firm.get("/account").await;
        assert!(firm.html.contains("Administrator organizacji"));
        assert!(firm.html.contains(&format!("href=\"/directory/{org}\"")));
        app.stop().await;
    }
}

#[tokio::test]
async fn only_coordinators_and_administrators_review_and_only_their_cluster() {
    let app = TestApp::sqlite().await;
    let sink = SmtpSink::start().await.unwrap();
    let mut firm = sign_up(&app, &sink, 1, "jan@firma.pl", "pl").await;
    assert_eq!(
        firm.get("/review").await,
        StatusCode::FORBIDDEN,
        "a visitor"
    );
    let mut anon = Visitor::new(&app.base);
    anon.get("/join").await;
    assert!(
        anon.url.contains("/account/signin?next=%2Fjoin"),
        "{}",
        anon.url
    );
    // A submission to cluster A is not in cluster B's queue, nor reachable by id.
    let mut a = firm_json("Klaster A", "25.62", "PL841", "5260250274");
    a["kind"] = json!("cluster_organisation");
    let a = app.create_org(a).await;
    let mut b = firm_json("Klaster B", "25.62", "PL841", "7740001454");
    b["kind"] = json!("cluster_organisation");
    let b = app.create_org(b).await;
    firm.get("/join").await;
    firm.post("/join", &[("cluster_id", &a.to_string()), ("lang", "pl")])
        .await;
    let answers = filled_answers();
    for (i, key) in SECTIONS.iter().enumerate() {
        post_step(&mut firm, i + 1, &fields_of(&answers[key]), "next").await;
    }
    firm.post("/join/check", &[]).await;
    let mut coord_b = coordinator(&app, b).await;
    coord_b.get("/review").await;
    assert!(!coord_b.html.contains("Zakład Mechaniki"));
    let id = klaster_store::questionnaires::responses(&app.db(), None, None, None, 10)
        .await
        .unwrap()[0]
        .id;
    assert_eq!(
        coord_b.get(&format!("/review/{id}")).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        coord_b
            .post(&format!("/review/{id}"), &[("decision", "accept")])
            .await,
        StatusCode::FORBIDDEN
    );
    for lang in ["pl", "en", "ru"] {
        for path in ["/join", "/join/1", "/join/6", "/join/check"] {
            firm.get(&format!("{path}?lang={lang}")).await;
            assert!(!firm.html.contains(MISSING), "{lang} {path}");
        }
    }
    assert_eq!(firm.get("/join/7").await, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn a_russian_reader_gets_the_questionnaire_in_russian() {
    let app = TestApp::sqlite().await;
    let sink = SmtpSink::start().await.unwrap();
    let mut cluster = firm_json("Klaster Obróbki Metali", "25.62", "PL841", "5260250274");
    cluster["kind"] = json!("cluster_organisation");
    let cid = app.create_org(cluster).await;
    let mut firm = sign_up(&app, &sink, 1, "ivan@example.by", "ru").await;
    assert_eq!(firm.get("/join?lang=ru").await, StatusCode::OK);
    assert!(
        firm.html.contains("Анкета кластерного сотрудничества"),
        "the title"
    );
    assert!(
        firm.html.contains("<option value=\"ru\" selected>"),
        "answers in Russian by default: {}",
        firm.html
    );
    firm.post("/join", &[("cluster_id", &cid.to_string()), ("lang", "ru")])
        .await;
    assert!(firm.url.ends_with("/join/1"), "{}", firm.url);
    for (step, russian, english) in [
        (
            1,
            ["Данные организации", "Полное наименование", "Вуз"],
            "Full name",
        ),
        (
            2,
            [
                "Деятельность",
                "Станочный парк",
                "Микропредприятие (до 9 работников)",
            ],
            "Machine park",
        ),
        (
            3,
            ["Рынки и языки", "белорусский", "Экспортные рынки"],
            "Export markets",
        ),
        (
            4,
            [
                "Интерес к сотрудничеству",
                "Субподряд (выполняем заказы других)",
                "Что вы ищете у партнёров?",
            ],
            "Subcontracting",
        ),
        (6, ["Согласие", "Даю согласие", "Klaster"], "I agree"),
    ] {
        assert_eq!(
            firm.get(&format!("/join/{step}?lang=ru")).await,
            StatusCode::OK
        );
        for text in russian {
            assert!(firm.html.contains(text), "step {step}: no {text:?}");
        }
        assert!(!firm.html.contains(english), "step {step}: {english:?}");
        assert!(!firm.html.contains(MISSING), "step {step}");
    }
    app.stop().await;
}
