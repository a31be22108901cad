//! A test application: the real server on a free port of 127.0.0.1, on a fresh database, with
//! an administrator's token.

#![allow(dead_code)]

pub mod visitor;

use std::sync::Arc;

use klaster_notify::testing::SmtpSink;
use klaster_notify::{Site, SmtpMailer};
use klaster_store::testing::{self, TestDb};
use klaster_store::{DbKind, auth};
use klaster_translate::{Engine, EngineConfig, Lang};
use klaster_web::worker::Worker;
use reqwest::{Client, Method, Response};
use serde_json::{Value, json};

pub struct TestApp {
    pub base: String,
    pub client: Client,
    pub admin: String,
    pub kind: DbKind,
    /// The translation memory the server's corrections feed.
    pub memory: std::sync::Arc<klaster_translate::InMemoryTm>,
    /// The server's search index (synced by the test with [`TestApp::sync`]).
    pub index: std::sync::Arc<klaster_search::SearchIndex>,
    db: TestDb,
    server: tokio::task::JoinHandle<()>,
}

/// One app per engine available.
pub async fn apps() -> Vec<TestApp> {
    let mut v = Vec::new();
    for db in testing::engines().await {
        v.push(TestApp::start(db).await);
    }
    v
}

impl TestApp {
    pub async fn sqlite() -> TestApp {
        TestApp::start(testing::sqlite().await).await
    }

    async fn start(db: TestDb) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let memory = std::sync::Arc::new(klaster_translate::InMemoryTm::new());
        let index = std::sync::Arc::new(klaster_search::SearchIndex::in_memory().expect("index"));
        let base = format!("http://{addr}");
        // Links in mails and feeds point at this server, so a browser can follow them.
        let settings = klaster_web::Settings {
            site: klaster_notify::Site::new("Klaster", &base),
            ..Default::default()
        };
        let router = klaster_web::router(
            klaster_web::AppState::with_memory(db.db.clone(), memory.clone())
                .with_index(index.clone())
                .with_settings(settings),
        );
        let server = tokio::spawn(async move {
            let app = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
            let _ = axum::serve(listener, app).await;
        });
        let user = auth::create_user(&db.db, "admin@example.org", None, "admin", None)
            .await
            .expect("admin");
        let (_, admin) = auth::create_token(&db.db, user.id, "tests")
            .await
            .expect("token");
        TestApp {
            base,
            client: Client::new(),
            admin,
            kind: db.kind(),
            memory,
            index,
            db,
            server,
        }
    }

    /// Applies the change log to the search index, as the server's sync task does.
    pub async fn sync(&self) -> usize {
        klaster_web::sync(&self.index, &self.db.db)
            .await
            .expect("sync")
    }

    /// A job runner like the server's, over this app's database, memory and index; mail goes
    /// through `sink` (a real SMTP conversation) when given, else to the log.
    pub fn worker(&self, sink: Option<&SmtpSink>) -> Worker {
        let engine =
            Engine::from_config(&EngineConfig::default(), self.memory.clone()).expect("engine");
        let w = Worker::new(self.db(), Arc::new(engine), Lang::ALL.to_vec())
            .with_index(self.index.clone());
        match sink {
            Some(sink) => w.with_mail(
                Arc::new(SmtpMailer::new(&sink.config("portal@klaster.test")).expect("mailer")),
                Site::new("Klaster", &self.base),
            ),
            None => w,
        }
    }

    pub fn db(&self) -> klaster_store::Db {
        self.db.db.clone()
    }

    pub async fn stop(self) {
        self.server.abort();
        self.db.cleanup().await;
    }

    /// A token for a new user with `role` (scoped to a cluster or organisation).
    pub async fn token_for(&self, email: &str, role: &str, scope: Option<i64>) -> String {
        let user = auth::create_user(&self.db.db, email, None, role, scope)
            .await
            .expect("user");
        auth::create_token(&self.db.db, user.id, "tests")
            .await
            .expect("token")
            .1
    }

    pub async fn request(&self, method: Method, path: &str, body: Option<Value>) -> Response {
        let mut req = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.admin);
        if let Some(b) = body {
            req = req.json(&b);
        }
        req.send().await.expect("request")
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("request")
    }
    pub async fn get_as(&self, token: &str, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.base))
            .bearer_auth(token)
            .send()
            .await
            .expect("request")
    }
    pub async fn post(&self, path: &str, body: Value) -> Response {
        self.post_as(&self.admin.clone(), path, body).await
    }
    pub async fn post_as(&self, token: &str, path: &str, body: Value) -> Response {
        self.client
            .post(format!("{}{path}", self.base))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .expect("request")
    }
    pub async fn post_anon(&self, path: &str, body: Value) -> Response {
        self.client
            .post(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .expect("request")
    }
    pub async fn put_as(&self, token: &str, path: &str, body: Value) -> Response {
        self.client
            .put(format!("{}{path}", self.base))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .expect("request")
    }
    pub async fn delete_as(&self, token: &str, path: &str) -> Response {
        self.client
            .delete(format!("{}{path}", self.base))
            .bearer_auth(token)
            .send()
            .await
            .expect("request")
    }
    pub async fn raw_post(&self, path: &str, content_type: &str, body: String) -> Response {
        self.client
            .post(format!("{}{path}", self.base))
            .bearer_auth(&self.admin)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request")
    }
    /// Uploads `bytes` as file `filename` of offer `offer`, as the administrator.
    pub async fn attach(&self, offer: i64, filename: &str, bytes: &[u8]) -> Response {
        self.client
            .post(format!(
                "{}/api/v1/offers/{offer}/attachments?filename={filename}",
                self.base
            ))
            .bearer_auth(&self.admin)
            .header("content-type", "application/octet-stream")
            .body(bytes.to_vec())
            .send()
            .await
            .expect("request")
    }

    pub async fn create_org(&self, body: Value) -> i64 {
        let res = self.post("/api/v1/organisations", body).await;
        let status = res.status();
        let v: Value = res.json().await.expect("json");
        assert_eq!(status, reqwest::StatusCode::CREATED, "{v}");
        v["id"].as_i64().expect("id")
    }
}

/// A Polish order handover of `org`, created by the administrator; `submit` sends it out
/// (published at once: no cluster asks for review). Returns the id.
pub async fn offer(app: &TestApp, org: i64, title: &str, visibility: Value, submit: bool) -> i64 {
    let body = json!({
        "organisation_id": org, "lang": "pl", "title": title,
        "description": "Szukamy podwykonawcy. Nie zdążymy z terminem zamówienia.",
        "details": {"kind": "order_handover", "quantity": {"value": 500, "unit": "piece"},
                    "deadline": "2099-02-15", "delivery_city": "Białystok", "delivery_country": "PL",
                    "required_certifications": ["EN 1090"]},
        "nace": ["25.11"], "country": "PL", "region": "PL841", "visibility": visibility
    });
    let res = app.post("/api/v1/offers", body).await;
    assert_eq!(res.status(), reqwest::StatusCode::CREATED);
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    if submit {
        let res = app
            .post(
                &format!("/api/v1/offers/{id}/transitions"),
                json!({"action": "submit"}),
            )
            .await;
        let v: Value = res.json().await.unwrap();
        assert_eq!(v["status"], "published", "{v}");
    }
    id
}

/// A company payload (an empty NIP means none).
pub fn firm_json(name: &str, nace: &str, region: &str, nip: &str) -> Value {
    let country = if region.starts_with("BY") { "BY" } else { "PL" };
    let legal_ids = if nip.is_empty() {
        json!([])
    } else {
        json!([{"kind": "nip", "value": nip}])
    };
    json!({
        "names": [{"lang": "pl", "text": name}],
        "kind": "company",
        "country": country,
        "region": region,
        "nace_main": nace,
        "legal_ids": legal_ids,
    })
}

/// The sections of the default questionnaire, in the order of its steps (the keys of
/// [`filled_answers`]).
pub const SECTIONS: [&str; 6] = [
    "company",
    "activity",
    "markets",
    "cooperation",
    "contact",
    "consent",
];

/// Answers to the default questionnaire that pass every check.
pub fn filled_answers() -> Value {
    json!({
        "company": {
            "name": "Zakład Mechaniki Precyzyjnej Sp. z o.o.", "kind": "company", "country": "PL",
            "nip": "6920000013", "regon": "610188201", "region": "PL841", "street": "ul. Przemysłowa 5",
            "postal_code": "15-001", "city": "Białystok", "website": "https://zmp.example.pl", "email": "biuro@zmp.example.pl"
        },
        "activity": {
            "nace_main": "25.62", "nace_other": ["28.30"], "description": "Obróbka skrawaniem na zlecenie.",
            "capabilities": "toczenie CNC, frezowanie", "certifications": "ISO 9001", "size_class": "small", "employees": 42
        },
        "markets": { "export_markets": ["DE", "BY"], "languages": ["pl", "en", "ru"] },
        "cooperation": { "interests": ["subcontracting", "joint_trade_fairs"] },
        "contact": { "name": "Anna Nowak", "role": "Dyrektor handlowy", "email": "a.nowak@zmp.example.pl" },
        "consent": { "publish": true }
    })
}
