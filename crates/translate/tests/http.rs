//! The HTTP adapters against local servers that speak LibreTranslate's and DeepL's real
//! request and response formats, including their errors.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use klaster_translate::{
    DeepL, DynTranslator, Engine, EngineConfig, English, Lang, LanguageSupport, LibreTranslate,
    NoMemory, PermanentKind, Status, TranslateError, TranslateRequest, Translator,
};
use serde_json::{Value, json};

/// Requests the fake server received, to check the wire format.
type Seen = Arc<Mutex<Vec<(HeaderMap, Value)>>>;

const SLOW: Duration = Duration::from_secs(5);
const CLIENT_TIMEOUT: Duration = Duration::from_millis(300);

async fn serve(app: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}")
}

fn error(status: u16, field: &str, msg: &str, retry_after: Option<&str>) -> Response {
    let status = StatusCode::from_u16(status).unwrap();
    let mut resp = (status, Json(json!({ field: msg }))).into_response();
    if let Some(s) = retry_after {
        resp.headers_mut().insert("retry-after", s.parse().unwrap());
    }
    resp
}

// ---- LibreTranslate ------------------------------------------------------------------------

async fn libre_translate(
    State(seen): State<Seen>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    seen.lock().unwrap().push((headers, body.clone()));
    let q = body["q"].as_str().unwrap_or_default();
    let target = body["target"].as_str().unwrap_or_default();
    if body.get("api_key").and_then(Value::as_str) == Some("bad") {
        return error(403, "error", "Invalid API key", None);
    }
    if target == "be" {
        return error(400, "error", "be is not supported", None);
    }
    match q {
        "rate" => error(429, "error", "Slowdown: 30 per 1 minute", Some("7")),
        "boom" => error(500, "error", "Cannot translate text: model crashed", None),
        "ban" => error(403, "error", "Too many request limits violations", None),
        "long" => error(
            400,
            "error",
            "Invalid request: request (6000) exceeds text limit (5000)",
            None,
        ),
        "html" => (StatusCode::BAD_GATEWAY, "<html>bad gateway</html>").into_response(),
        "garbage" => (StatusCode::OK, "not json").into_response(),
        "slow" => {
            tokio::time::sleep(SLOW).await;
            Json(json!({ "translatedText": "too late" })).into_response()
        }
        _ if body["format"] != "text" => error(400, "error", "Invalid request: bad format", None),
        _ => Json(json!({ "translatedText": format!("[{target}] {q}") })).into_response(),
    }
}

async fn libre_languages() -> Json<Value> {
    Json(json!([
        { "code": "en", "name": "English", "targets": ["de", "en", "fr", "pl", "uk"] },
        { "code": "pl", "name": "Polish", "targets": ["en", "de"] },
        { "code": "zh-Hans", "name": "Chinese", "targets": ["en"] }
    ]))
}

async fn libre_server() -> (String, Seen) {
    let seen = Seen::default();
    let app = Router::new()
        .route("/translate", post(libre_translate))
        .route("/languages", get(libre_languages))
        .with_state(seen.clone());
    (serve(app).await, seen)
}

fn req(text: &str, source: Lang, target: Lang) -> TranslateRequest {
    TranslateRequest::new(text, source, target)
}

#[tokio::test]
async fn libre_translates_and_sends_the_real_format() {
    let (url, seen) = libre_server().await;
    let lt = LibreTranslate::new(&url, Some("secret".into())).unwrap();
    let t = lt
        .translate(&req("Dzień dobry", Lang::Pl, Lang::En))
        .await
        .unwrap();
    assert_eq!(t.text, "[en] Dzień dobry");
    assert_eq!(t.engine, "libretranslate");
    assert_eq!(t.status, Status::Machine);
    let seen = seen.lock().unwrap();
    let (headers, body) = &seen[0];
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(
        body,
        &json!({ "q": "Dzień dobry", "source": "pl", "target": "en", "format": "text", "api_key": "secret" })
    );
}

#[tokio::test]
async fn libre_without_key_sends_none() {
    let (url, seen) = libre_server().await;
    let lt = LibreTranslate::new(&url, Some("  ".into())).unwrap();
    lt.translate(&req("x", Lang::Pl, Lang::De)).await.unwrap();
    assert!(seen.lock().unwrap()[0].1.get("api_key").is_none());
}

#[tokio::test]
async fn libre_errors_are_classified() {
    let (url, _) = libre_server().await;
    let lt = LibreTranslate::with_timeout(&url, None, CLIENT_TIMEOUT).unwrap();
    let err = |text: &'static str, target| {
        let lt = lt.clone();
        async move {
            lt.translate(&req(text, Lang::Pl, target))
                .await
                .unwrap_err()
        }
    };
    assert_eq!(
        err("rate", Lang::En).await.retry_after(),
        Some(Duration::from_secs(7)),
        "429 with Retry-After"
    );
    let e = err("boom", Lang::En).await;
    assert!(e.is_retryable() && e.retry_after().is_none(), "{e}");
    assert!(
        err("html", Lang::En).await.is_retryable(),
        "502 with an HTML body"
    );
    assert!(matches!(
        err("ban", Lang::En).await,
        TranslateError::Quota { .. }
    ));
    assert!(matches!(
        err("long", Lang::En).await,
        TranslateError::Permanent {
            kind: PermanentKind::TooLong,
            ..
        }
    ));
    assert!(matches!(
        err("x", Lang::Be).await,
        TranslateError::Permanent {
            kind: PermanentKind::UnsupportedLanguage,
            ..
        }
    ));
    assert!(matches!(
        err("garbage", Lang::En).await,
        TranslateError::Permanent {
            kind: PermanentKind::Protocol,
            ..
        }
    ));
    let started = std::time::Instant::now();
    let e = err("slow", Lang::En).await;
    assert!(e.is_retryable(), "timeout: {e}");
    assert!(
        started.elapsed() < SLOW,
        "the client gave up at its own timeout"
    );

    let bad = LibreTranslate::new(&url, Some("bad".into())).unwrap();
    let e = bad
        .translate(&req("x", Lang::Pl, Lang::En))
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            TranslateError::Permanent {
                kind: PermanentKind::Auth,
                ..
            }
        ),
        "{e}"
    );
}

#[tokio::test]
async fn libre_languages_are_restricted_to_working_ones() {
    let (url, _) = libre_server().await;
    let langs = LibreTranslate::new(&url, None)
        .unwrap()
        .languages()
        .await
        .unwrap();
    assert_eq!(
        langs,
        vec![
            LanguageSupport {
                source: Lang::En,
                targets: vec![Lang::Pl, Lang::De, Lang::Uk]
            },
            LanguageSupport {
                source: Lang::Pl,
                targets: vec![Lang::En, Lang::De]
            },
        ]
    );
    assert!(LanguageSupport::allows(&langs, Lang::Pl, Lang::De));
    assert!(!LanguageSupport::allows(&langs, Lang::De, Lang::Pl));
}

#[tokio::test]
async fn connection_refused_is_retryable() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let lt = LibreTranslate::with_timeout(&url, None, CLIENT_TIMEOUT).unwrap();
    let e = lt
        .translate(&req("x", Lang::Pl, Lang::En))
        .await
        .unwrap_err();
    assert!(e.is_retryable(), "{e}");
    let e = lt.languages().await.unwrap_err();
    assert!(e.is_retryable(), "{e}");
}

// ---- DeepL ---------------------------------------------------------------------------------

const KEY: &str = "0f0e-test:fx";

async fn deepl_translate(
    State(seen): State<Seen>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    seen.lock().unwrap().push((headers.clone(), body.clone()));
    let auth = headers.get("authorization").and_then(|v| v.to_str().ok());
    if auth != Some(&format!("DeepL-Auth-Key {KEY}")) {
        return error(
            403,
            "message",
            "Wrong endpoint. Use https://api.deepl.com",
            None,
        );
    }
    let text = body["text"][0].as_str().unwrap_or_default();
    let source = body["source_lang"].as_str().unwrap_or_default();
    let target = body["target_lang"].as_str().unwrap_or_default();
    if target == "EN" {
        return error(
            400,
            "message",
            "Value for 'target_lang' not supported.",
            None,
        );
    }
    match text {
        "quota" => error(456, "message", "Quota exceeded", None),
        "rate" => error(429, "message", "Too many requests", Some("3")),
        "boom" => error(503, "message", "Service temporarily unavailable", None),
        "bad" => error(400, "message", "Bad request. Reason: Parameter 'text' not specified.", None),
        "slow" => {
            tokio::time::sleep(SLOW).await;
            Json(json!({ "translations": [] })).into_response()
        }
        "empty" => Json(json!({ "translations": [] })).into_response(),
        _ => Json(json!({
            "translations": [{ "detected_source_language": source, "text": format!("[{target}] {text}") }]
        }))
        .into_response(),
    }
}

async fn deepl_server() -> (String, Seen) {
    let seen = Seen::default();
    let app = Router::new()
        .route("/v2/translate", post(deepl_translate))
        .with_state(seen.clone());
    (serve(app).await, seen)
}

#[tokio::test]
async fn deepl_translates_with_its_codes_and_header() {
    let (url, seen) = deepl_server().await;
    let d = DeepL::new(KEY, Some(&url)).unwrap();
    let t = d
        .translate(&req("Termin: jutro", Lang::Pl, Lang::En))
        .await
        .unwrap();
    assert_eq!(t.text, "[EN-GB] Termin: jutro");
    assert_eq!((t.engine.as_str(), t.status), ("deepl", Status::Machine));
    let us = DeepL::with_options(KEY, Some(&url), English::American, CLIENT_TIMEOUT).unwrap();
    let t = us
        .translate(&req("Hallo", Lang::De, Lang::En))
        .await
        .unwrap();
    assert_eq!(t.text, "[EN-US] Hallo");
    let t = d
        .translate(&req("Hello", Lang::En, Lang::Uk))
        .await
        .unwrap();
    assert_eq!(t.text, "[UK] Hello");
    let seen = seen.lock().unwrap();
    assert_eq!(
        seen[0].1,
        json!({ "text": ["Termin: jutro"], "source_lang": "PL", "target_lang": "EN-GB" })
    );
    assert_eq!(
        seen[2].1["source_lang"], "EN",
        "English as a source has no variant"
    );
}

#[tokio::test]
async fn deepl_errors_are_classified() {
    let (url, seen) = deepl_server().await;
    let d = DeepL::with_options(KEY, Some(&url), English::British, CLIENT_TIMEOUT).unwrap();
    let err = |text: &'static str| {
        let d = d.clone();
        async move {
            d.translate(&req(text, Lang::Pl, Lang::De))
                .await
                .unwrap_err()
        }
    };
    assert!(
        matches!(err("quota").await, TranslateError::Quota { .. }),
        "456"
    );
    assert_eq!(
        err("rate").await.retry_after(),
        Some(Duration::from_secs(3)),
        "429"
    );
    assert!(err("boom").await.is_retryable(), "503");
    assert!(matches!(
        err("bad").await,
        TranslateError::Permanent {
            kind: PermanentKind::BadRequest,
            ..
        }
    ));
    assert!(matches!(
        err("empty").await,
        TranslateError::Permanent {
            kind: PermanentKind::Protocol,
            ..
        }
    ));
    let started = std::time::Instant::now();
    assert!(err("slow").await.is_retryable(), "timeout");
    assert!(started.elapsed() < SLOW);

    let wrong = DeepL::new("wrong-key", Some(&url)).unwrap();
    let e = wrong
        .translate(&req("x", Lang::Pl, Lang::De))
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            TranslateError::Permanent {
                kind: PermanentKind::Auth,
                ..
            }
        ),
        "403: {e}"
    );

    // Belarusian: refused without spending a request.
    let before = seen.lock().unwrap().len();
    for (s, t) in [(Lang::Be, Lang::Pl), (Lang::Pl, Lang::Be)] {
        let e = d.translate(&req("x", s, t)).await.unwrap_err();
        assert!(
            matches!(
                e,
                TranslateError::Permanent {
                    kind: PermanentKind::UnsupportedLanguage,
                    ..
                }
            ),
            "{e}"
        );
    }
    assert_eq!(seen.lock().unwrap().len(), before);
    let langs = d.languages().await.unwrap();
    assert!(!LanguageSupport::allows(&langs, Lang::Pl, Lang::Be));
    assert!(LanguageSupport::allows(&langs, Lang::Pl, Lang::Bg));
}

// ---- The configured engine ---------------------------------------------------------------

#[tokio::test]
async fn engine_spends_no_request_on_what_the_termbase_covers() {
    let (url, seen) = libre_server().await;
    let cfg = EngineConfig::LibreTranslate {
        url,
        api_key: None,
        timeout_secs: Some(2),
    };
    let engine: Arc<dyn DynTranslator> =
        Arc::new(Engine::from_config(&cfg, Arc::new(NoMemory)).unwrap());
    assert_eq!(engine.engine_name(), "libretranslate");

    let t = engine
        .translate_boxed(&req(
            "Ilość: 500 szt.\nRysunki w załączeniu.",
            Lang::Pl,
            Lang::En,
        ))
        .await
        .unwrap();
    assert_eq!(t.text, "Quantity: 500 pcs\nDrawings attached.");
    assert_eq!(t.engine, "builtin");
    assert!(seen.lock().unwrap().is_empty());

    let t = engine
        .translate_boxed(&req("Ilość: 500 szt. Pilne zlecenie.", Lang::Pl, Lang::En))
        .await
        .unwrap();
    assert_eq!(t.engine, "libretranslate");
    assert_eq!(t.text, "[en] Ilość: 500 szt. Pilne zlecenie.");
    assert_eq!(seen.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn engine_keeps_the_marked_builtin_result_for_a_pair_the_remote_lacks() {
    let (url, seen) = deepl_server().await;
    let cfg = EngineConfig::DeepL {
        auth_key: KEY.into(),
        url: Some(url),
        english: English::British,
        timeout_secs: Some(2),
    };
    let engine = Engine::from_config(&cfg, Arc::new(NoMemory)).unwrap();
    let t = engine
        .translate(&req("Ilość: 500 szt.\nPilne zlecenie.", Lang::Pl, Lang::Be))
        .await
        .unwrap();
    assert_eq!(t.engine, "builtin");
    assert_eq!(t.text, "Колькасць: 500 шт.\nPilne zlecenie.");
    let marked: Vec<&str> = t
        .untranslated_segments()
        .map(|s| s.source.as_str())
        .collect();
    assert_eq!(marked, vec!["Pilne zlecenie."]);
    assert!(seen.lock().unwrap().is_empty(), "no request for Belarusian");
    // Other failures still reach the job runner.
    let e = engine
        .translate(&req("quota", Lang::Pl, Lang::De))
        .await
        .unwrap_err();
    assert!(matches!(e, TranslateError::Quota { .. }));
}
