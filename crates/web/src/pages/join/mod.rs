//! `/join`: the questionnaire through which a firm enters the directory and asks to join a
//! cluster, one section per step, saved as a draft at every step (the signed-in person can stop
//! and come back), checked by the domain's own rules, and submitted for a coordinator's review
//! (`review.rs`).

mod questions;
mod review;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use klaster_domain::{OrgKind, Questionnaire};
use klaster_store::drafts::{self, Draft};
use klaster_store::organisations as orgs;
use klaster_store::questionnaires::{self as qs, StoredQuestionnaire};
use serde_json::{Map, Value, json};

use super::errors::{self, PageError};
use super::forms::{Choice, Field, Posted};
use super::i18n::Tr;
use super::lang::Ui;
use super::session::Signed;
use super::{Chrome, Section, render};
use crate::AppState;
use questions::SectionSummary;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/join", get(start).post(save_start))
        .route("/join/check", get(check).post(submit))
        .route("/join/{step}", get(step).post(save_step))
        .merge(review::routes())
}

/// The questionnaire firms fill in (the API serves the same one).
const KEY: &str = klaster_domain::questionnaire::DEFAULT_QUESTIONNAIRE_KEY;

fn signed(ui: &Ui) -> Result<&Signed, PageError> {
    ui.signed.as_ref().ok_or(PageError::SignIn)
}

/// The questionnaire and the person's draft (a new one in the reader's language if none).
struct Ctx {
    q: StoredQuestionnaire,
    draft: Draft,
}

impl Ctx {
    fn def(&self) -> &Questionnaire {
        &self.q.definition
    }
    fn lang(&self) -> &str {
        &self.draft.lang
    }
    fn fallback(&self) -> &str {
        self.def().default_language()
    }
    fn section_answers(&self, key: &str) -> Option<&Map<String, Value>> {
        self.draft.answers.get(key).and_then(Value::as_object)
    }
    /// The whole submission as the API takes it (`SubmissionIn`).
    fn submission(&self) -> Value {
        json!({
            "version": self.q.definition.version,
            "lang": self.draft.lang,
            "cluster_id": self.draft.cluster_id,
            "answers": self.draft.answers,
        })
    }
}

async fn load(state: &AppState, ui: &Ui, me: &Signed) -> Result<Ctx, PageError> {
    qs::ensure_default(state.db()).await?;
    let q = qs::latest(state.db(), KEY)
        .await?
        .ok_or(PageError::NotFound)?;
    let draft = match drafts::get(state.db(), me.user_id(), q.id).await? {
        Some(d) => d,
        None => Draft {
            questionnaire_id: q.id,
            lang: answer_lang(&q.definition, ui.lang.code()),
            cluster_id: None,
            answers: Value::Object(Map::new()),
            updated_at: chrono::Utc::now(),
        },
    };
    Ok(Ctx { q, draft })
}

/// The reader's language if the questionnaire is written in it, else its first language.
fn answer_lang(q: &Questionnaire, ui: &str) -> String {
    if q.languages.iter().any(|l| l == ui) {
        ui.to_string()
    } else {
        q.default_language().to_string()
    }
}

fn name_of(org: &klaster_domain::Organisation, lang: klaster_translate::Lang) -> String {
    super::summary::org_name(org, lang).map_or_else(String::new, |n| n.text.clone())
}

// ---- the start page: what happened to earlier answers, cluster and language --------------

struct Earlier {
    date: String,
    status: String,
    reason: Option<String>,
}

#[derive(Template)]
#[template(path = "join_start.html")]
struct StartPage {
    chrome: Chrome,
    title: String,
    csrf: String,
    earlier: Vec<Earlier>,
    fields: Vec<Field>,
    has_draft: bool,
    notice: Option<String>,
}

async fn cluster_choices(
    state: &AppState,
    selected: Option<i64>,
    tr: &Tr,
) -> Result<Vec<Choice>, PageError> {
    let filter = orgs::Filter {
        kinds: vec![OrgKind::ClusterOrganisation.as_str().into()],
        ..orgs::Filter::default()
    };
    let page = orgs::Page {
        sort: orgs::Sort::Name,
        after: None,
        limit: 200,
    };
    let mut out = vec![Choice {
        value: String::new(),
        label: tr.t("join-cluster-none"),
        selected: selected.is_none(),
    }];
    for rec in orgs::list(state.db(), &filter, &page).await? {
        out.push(Choice {
            value: rec.id.to_string(),
            label: name_of(&rec.org, tr.lang()),
            selected: selected == Some(rec.id),
        });
    }
    Ok(out)
}

async fn start_page(
    state: &AppState,
    ui: &Ui,
    me: &Signed,
    errors: (Option<String>, Option<String>),
) -> Result<StartPage, PageError> {
    let ctx = load(state, ui, me).await?;
    let tr = Tr::new(ui.lang);
    let mut earlier = Vec::new();
    for r in qs::by_submitter(state.db(), me.user_id()).await? {
        let reason = qs::events(state.db(), r.id)
            .await?
            .into_iter()
            .rev()
            .find_map(|e| e.reason);
        earlier.push(Earlier {
            date: super::format::date_time(ui.lang, r.created_at),
            status: tr.t(&format!("join-status-{}", r.status)),
            reason,
        });
    }
    let langs = ctx
        .def()
        .languages
        .iter()
        .map(|l| Choice {
            value: l.clone(),
            label: super::summary::language_name(l, ui.lang),
            selected: *l == ctx.draft.lang,
        })
        .collect();
    let fields = vec![
        Field::new("cluster_id", "select", tr.t("join-cluster"))
            .hint(tr.t("join-cluster-hint"))
            .options(cluster_choices(state, ctx.draft.cluster_id, &tr).await?)
            .error(errors.0),
        Field::new("lang", "select", tr.t("join-lang"))
            .hint(tr.t("join-lang-hint"))
            .options(langs)
            .error(errors.1),
    ];
    let notice = (ui.param("done") == Some("submitted")).then(|| tr.t("join-submitted"));
    Ok(StartPage {
        title: questions::text(&ctx.def().title, ui.lang.code(), ctx.fallback()),
        chrome: Chrome::new(state, ui, "join-title", Section::Directory),
        csrf: ui.csrf().to_string(),
        earlier,
        fields,
        has_draft: ctx.draft.answers.as_object().is_some_and(|m| !m.is_empty()),
        notice,
    })
}

pub async fn start(State(state): State<AppState>, ui: Ui) -> Response {
    let result = async {
        let me = signed(&ui)?;
        start_page(&state, &ui, me, (None, None)).await
    }
    .await;
    match result {
        Ok(p) => render(&ui, StatusCode::OK, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}

#[derive(Debug, serde::Deserialize)]
pub struct StartForm {
    #[serde(default)]
    cluster_id: String,
    #[serde(default)]
    lang: String,
}

pub async fn save_start(
    State(state): State<AppState>,
    Posted { ui, form }: Posted<StartForm>,
) -> Response {
    let result = async {
        let me = signed(&ui)?;
        let mut ctx = load(&state, &ui, me).await?;
        let tr = Tr::new(ui.lang);
        let cluster = match form.cluster_id.trim() {
            "" => Ok(None),
            s => match s.parse::<i64>() {
                Ok(id)
                    if orgs::get(state.db(), id)
                        .await
                        .is_ok_and(|o| o.org.kind == OrgKind::ClusterOrganisation) =>
                {
                    Ok(Some(id))
                }
                _ => Err(tr.t("join-error-cluster")),
            },
        };
        let lang_ok = ctx.def().languages.contains(&form.lang);
        match (cluster, lang_ok) {
            (Ok(cluster), true) => {
                ctx.draft.cluster_id = cluster;
                ctx.draft.lang = form.lang.clone();
                drafts::save(state.db(), me.user_id(), &ctx.draft).await?;
                Ok(Redirect::to("/join/1").into_response())
            }
            (cluster, lang_ok) => {
                let errs = (cluster.err(), (!lang_ok).then(|| tr.t("error-lang")));
                let p = start_page(&state, &ui, me, errs).await?;
                Ok(render(&ui, StatusCode::UNPROCESSABLE_ENTITY, &p))
            }
        }
    }
    .await;
    result.unwrap_or_else(|e| errors::page(&state, &ui, e))
}

// ---- one section per step ------------------------------------------------------------

/// A posted section shown back: its answers and their errors (question key, message).
type PostedSection<'a> = (&'a Map<String, Value>, Vec<(String, String)>);

#[derive(Template)]
#[template(path = "join_step.html")]
struct StepPage {
    chrome: Chrome,
    heading: String,
    progress: String,
    step: usize,
    csrf: String,
    fields: Vec<Field>,
    error: Option<String>,
    notice: Option<String>,
}

fn step_page(
    state: &AppState,
    ui: &Ui,
    ctx: &Ctx,
    n: usize,
    posted: Option<PostedSection<'_>>,
) -> StepPage {
    let tr = Tr::new(ui.lang);
    let section = &ctx.def().sections[n - 1];
    let (answers, errors) = match posted {
        Some((a, e)) => (Some(a), e),
        None => (ctx.section_answers(&section.key), Vec::new()),
    };
    let fields: Vec<Field> = section
        .questions
        .iter()
        .map(|q| {
            let error = errors
                .iter()
                .find(|(k, _)| *k == q.key)
                .map(|(_, m)| m.clone());
            questions::field(
                q,
                answers.and_then(|a| a.get(&q.key)),
                ctx.lang(),
                ctx.fallback(),
                &tr,
            )
            .error(error)
        })
        .collect();
    let total = ctx.def().sections.len().to_string();
    let mut chrome = Chrome::new(state, ui, "join-title", Section::Directory);
    let heading = questions::text(&section.title, ctx.lang(), ctx.fallback());
    chrome.title = format!("{heading} · {}", chrome.title);
    StepPage {
        progress: tr.a(
            "join-progress",
            &[("step", &n.to_string()), ("total", &total)],
        ),
        heading,
        step: n,
        csrf: ui.csrf().to_string(),
        error: (!errors.is_empty()).then(|| tr.t("form-error-summary")),
        notice: (ui.param("saved").is_some()).then(|| tr.t("join-saved")),
        fields,
        chrome,
    }
}

fn step_no(ctx: &Ctx, step: &str) -> Result<usize, PageError> {
    step.parse::<usize>()
        .ok()
        .filter(|n| (1..=ctx.def().sections.len()).contains(n))
        .ok_or(PageError::NotFound)
}

pub async fn step(State(state): State<AppState>, ui: Ui, Path(n): Path<String>) -> Response {
    let result = async {
        let me = signed(&ui)?;
        let ctx = load(&state, &ui, me).await?;
        let n = step_no(&ctx, &n)?;
        Ok(render(
            &ui,
            StatusCode::OK,
            &step_page(&state, &ui, &ctx, n, None),
        ))
    }
    .await;
    result.unwrap_or_else(|e| errors::page(&state, &ui, e))
}

/// Saves the section into the draft whatever the button; "next" also checks it and goes on
/// only when it has no errors (answers of later sections are not asked for yet).
pub async fn save_step(
    State(state): State<AppState>,
    Path(n): Path<String>,
    Posted { ui, form }: Posted<Vec<(String, String)>>,
) -> Response {
    let result = async {
        let me = signed(&ui)?;
        let mut ctx = load(&state, &ui, me).await?;
        let n = step_no(&ctx, &n)?;
        let section = ctx.def().sections[n - 1].clone();
        let answers = questions::section_answers(&section, &form);
        if let Some(root) = ctx.draft.answers.as_object_mut() {
            root.insert(section.key.clone(), Value::Object(answers.clone()));
        }
        drafts::save(state.db(), me.user_id(), &ctx.draft).await?;
        let go = form
            .iter()
            .find(|(k, _)| k == "go")
            .map_or("next", |(_, v)| v.as_str());
        let last = ctx.def().sections.len();
        match go {
            "back" if n == 1 => Ok(Redirect::to("/join").into_response()),
            "back" => Ok(Redirect::to(&format!("/join/{}", n - 1)).into_response()),
            "save" => Ok(Redirect::to(&format!("/join/{n}?saved=1")).into_response()),
            _ => {
                let tr = Tr::new(ui.lang);
                let errors = match ctx
                    .def()
                    .validate_answers_in(ctx.lang(), &ctx.draft.answers)
                {
                    Ok(_) => Vec::new(),
                    Err(e) => questions::section_errors(&section, &e, &tr),
                };
                if errors.is_empty() {
                    let to = if n == last {
                        "/join/check".to_string()
                    } else {
                        format!("/join/{}", n + 1)
                    };
                    Ok(Redirect::to(&to).into_response())
                } else {
                    let p = step_page(&state, &ui, &ctx, n, Some((&answers, errors)));
                    Ok(render(&ui, StatusCode::UNPROCESSABLE_ENTITY, &p))
                }
            }
        }
    }
    .await;
    result.unwrap_or_else(|e| errors::page(&state, &ui, e))
}

// ---- the check before submitting -------------------------------------------------------

#[derive(Template)]
#[template(path = "join_check.html")]
struct CheckPage {
    chrome: Chrome,
    csrf: String,
    cluster: String,
    sections: Vec<SectionSummary>,
    valid: bool,
}

async fn check_page(state: &AppState, ui: &Ui, ctx: &Ctx) -> Result<CheckPage, PageError> {
    let tr = Tr::new(ui.lang);
    let errors = ctx
        .def()
        .validate_answers_in(ctx.lang(), &ctx.draft.answers)
        .err();
    let cluster = match ctx.draft.cluster_id {
        Some(id) => name_of(&orgs::get(state.db(), id).await?.org, ui.lang),
        None => tr.t("join-cluster-none"),
    };
    Ok(CheckPage {
        chrome: Chrome::new(state, ui, "join-check-title", Section::Directory),
        csrf: ui.csrf().to_string(),
        cluster,
        valid: errors.is_none(),
        sections: questions::summary(
            ctx.def(),
            &ctx.draft.answers,
            errors.as_ref(),
            ctx.lang(),
            &tr,
        ),
    })
}

pub async fn check(State(state): State<AppState>, ui: Ui) -> Response {
    let result = async {
        let me = signed(&ui)?;
        let ctx = load(&state, &ui, me).await?;
        Ok(render(
            &ui,
            StatusCode::OK,
            &check_page(&state, &ui, &ctx).await?,
        ))
    }
    .await;
    result.unwrap_or_else(|e| errors::page(&state, &ui, e))
}

use crate::pages::forms::Empty;

/// Submits the draft as the API would (the same stored form), then removes the draft.
pub async fn submit(State(state): State<AppState>, Posted { ui, .. }: Posted<Empty>) -> Response {
    let result = async {
        let me = signed(&ui)?;
        let ctx = load(&state, &ui, me).await?;
        if ctx
            .def()
            .validate_answers_in(ctx.lang(), &ctx.draft.answers)
            .is_err()
        {
            let p = check_page(&state, &ui, &ctx).await?;
            return Ok(render(&ui, StatusCode::UNPROCESSABLE_ENTITY, &p));
        }
        let raw = ctx.submission().to_string();
        qs::submit(
            state.db(),
            &qs::NewResponse {
                questionnaire_id: ctx.q.id,
                raw: &raw,
                language: ctx.lang(),
                cluster_id: ctx.draft.cluster_id,
                submitted_by: Some(me.user_id()),
            },
        )
        .await?;
        drafts::delete(state.db(), me.user_id(), ctx.q.id).await?;
        Ok(Redirect::to("/join?done=submitted").into_response())
    }
    .await;
    result.unwrap_or_else(|e| errors::page(&state, &ui, e))
}
