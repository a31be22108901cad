//! `/offers/{id}`: one offer in the reader's language: a published public one for anyone;
//! a members-only one for its cluster; a draft for its own organisation; a submitted one for
//! its reviewers too, with the review's decision (`offer_review`). The text in the
//! content language (`?content=xx`, by default the UI language) is chosen as the JSON API
//! chooses `display`, marked by its provenance; the structured fields are rendered from data
//! in that language; the original is one link away.

use askama::Template;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use klaster_store::{attachments, offers, organisations as orgs};
use klaster_translate::Lang;
use serde::Deserialize;

use super::errors::{self, PageError};
use super::forms::Field;
use super::i18n::Tr;
use super::lang::Ui;
use super::offer_review::{ReviewBox, review_box};
use super::summary::{country_name, kind_label, language_name, org_name};
use super::{Chrome, Section, render};
use crate::AppState;
use crate::api::fields::FieldOut;
use crate::api::offers::{OfferOut, TextOut, offer_out, readable};
use klaster_domain::offer::OfferStatus;

#[derive(Debug, Default, Deserialize)]
pub struct OfferQuery {
    pub content: Option<String>,
}

pub struct Link {
    pub label: String,
    pub href: String,
    pub lang: String,
}

pub struct AttachmentItem {
    pub name: String,
    pub href: String,
    pub info: String,
}

#[derive(Template)]
#[template(path = "offer.html")]
struct OfferPage {
    chrome: Chrome,
    title: String,
    description: String,
    /// The language title and description are in.
    text_lang: String,
    /// The language the structured fields are rendered in.
    content_lang: &'static str,
    kind: String,
    /// How the text came to be in this language (None for the original).
    mark: Option<String>,
    /// The other version to read: the original, or the reader's own language.
    toggle: Option<Link>,
    /// Every language version that exists, for reading in another one.
    versions: Vec<Link>,
    organisation: Option<String>,
    published: Option<String>,
    country: String,
    fields: Vec<FieldOut>,
    attachments: Vec<AttachmentItem>,
    back: String,
    /// For signed-in users of another organisation: where to express interest.
    interest_href: Option<String>,
    /// Where the offer is in its life, when it is not published ("waiting for review"...).
    status_note: Option<String>,
    /// The decision on a submitted offer, for its reviewer.
    review: Option<ReviewBox>,
}

pub async fn page(
    State(state): State<AppState>,
    ui: Ui,
    id: Result<Path<String>, PathRejection>,
    q: Result<Query<OfferQuery>, QueryRejection>,
) -> Response {
    // Whatever is not an offer id names no offer.
    let id = id.ok().and_then(|Path(s)| s.parse::<i64>().ok());
    let content = q
        .ok()
        .and_then(|Query(q)| q.content)
        .and_then(|c| Lang::parse(&c))
        .unwrap_or(ui.lang);
    let built = match id {
        Some(id) => build(&state, &ui, id, content, None).await,
        None => Err(PageError::NotFound),
    };
    match built {
        Ok(p) => render(&ui, StatusCode::OK, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}

/// The page again after a review decision that was not taken: the message's error.
pub(crate) async fn with_review_error(
    state: &AppState,
    ui: &Ui,
    id: i64,
    message: Field,
) -> Result<Response, PageError> {
    let p = build(state, ui, id, ui.lang, Some(message)).await?;
    Ok(render(ui, StatusCode::UNPROCESSABLE_ENTITY, &p))
}

async fn build(
    state: &AppState,
    ui: &Ui,
    id: i64,
    content: Lang,
    review_message: Option<Field>,
) -> Result<OfferPage, PageError> {
    let rec = offers::get(state.db(), id).await?;
    // What the reader may not read does not exist for them.
    let who = ui.signed.as_ref().map(|s| &s.principal);
    if !readable(state, who, &rec).await? {
        return Err(PageError::NotFound);
    }
    let review = review_box(state, ui, &rec, review_message).await?;
    let status_note = if rec.status == OfferStatus::Draft {
        Some(draft_note(state, &Tr::new(ui.lang), id).await?)
    } else if rec.status != OfferStatus::Published {
        Some(Tr::new(ui.lang).t(&format!("offer-status-note-{}", rec.status.as_str())))
    } else {
        (ui.param("done") == Some("published")).then(|| Tr::new(ui.lang).t("orv-done-published"))
    };
    let texts = offers::texts(state.db(), id).await?;
    let organisation = match orgs::get(state.db(), rec.offer.organisation_id).await {
        Ok(o) => org_name(&o.org, ui.lang).map(|n| n.text.clone()),
        Err(klaster_store::StoreError::NotFound) => None,
        Err(e) => return Err(e.into()),
    };
    let files = attachments::list(state.db(), id).await?;
    let interest_href = (rec.status == OfferStatus::Published
        && !super::interests::interested_orgs(ui, rec.offer.organisation_id).is_empty())
    .then(|| format!("/offers/{id}/interest"));
    let out = offer_out(rec, texts, Some(content.code()), true);
    let mut chrome = Chrome::new(state, ui, "offer-title", Section::Offers);
    let tr = chrome.tr;
    let display = out.display.as_ref();
    let title = display.map_or(&out.offer.title, |d| &d.title).clone();
    chrome.title = title.clone();
    let text_lang = display.map_or(&out.offer.lang, |d| &d.lang).clone();
    Ok(OfferPage {
        mark: mark(&tr, display, content, &out.offer.lang),
        toggle: toggle(&tr, ui, &out, &text_lang),
        versions: versions(ui, &out, &text_lang),
        description: display
            .map_or(&out.offer.description, |d| &d.description)
            .clone(),
        content_lang: content.code(),
        kind: kind_label(out.offer.kind, content),
        organisation,
        published: out
            .published_at
            .map(|t| klaster_translate::render::date(t.date_naive(), ui.lang)),
        country: country_name(&out.offer.country, ui.lang),
        fields: out.fields.clone().unwrap_or_default(),
        attachments: files
            .into_iter()
            .map(|a| AttachmentItem {
                href: format!("/api/v1/attachments/{}", a.id),
                info: format!("{}, {}", a.content_type, size(a.size, ui.lang)),
                name: a.filename,
            })
            .collect(),
        back: super::lang::href("/offers", &[]),
        interest_href,
        status_note,
        review,
        title,
        text_lang,
        chrome,
    })
}

/// A draft's note: the reviewer's message when the draft came back from review.
async fn draft_note(state: &AppState, tr: &Tr, id: i64) -> Result<String, PageError> {
    let history = offers::history(state.db(), id).await?;
    let returned = history
        .last()
        .filter(|h| h.action.0["action"] == "return_to_draft")
        .and_then(|h| h.action.0["message"].as_str());
    Ok(match returned {
        Some(m) => tr.a("offer-status-note-returned", &[("message", m)]),
        None => tr.t("offer-status-note-draft"),
    })
}

/// The note on the text's provenance in the content language asked for.
fn mark(tr: &Tr, display: Option<&TextOut>, content: Lang, original: &str) -> Option<String> {
    let original_name = language_name(original, tr.lang());
    let d = display?;
    if d.lang != content.code() {
        return Some(tr.a(
            "offer-mark-untranslated",
            &[
                ("language", &language_name(content.code(), tr.lang())),
                ("original", &original_name),
            ],
        ));
    }
    match d.status.as_str() {
        "machine" => Some(tr.t("offer-mark-machine")),
        "partial" => Some(tr.a("offer-mark-partial", &[("original", &original_name)])),
        "human" => Some(tr.t("offer-mark-human")),
        "reviewed" => Some(tr.t("offer-mark-reviewed")),
        _ => None,
    }
}

/// "Show the original" on a translation; "show in <your language>" on the original when a
/// version in the reader's language exists.
fn toggle(tr: &Tr, ui: &Ui, out: &OfferOut, shown: &str) -> Option<Link> {
    let original = out.offer.lang.as_str();
    let link = |key: &str, code: &str| Link {
        label: tr.a(key, &[("language", &language_name(code, ui.lang))]),
        href: ui.href_with(&ui.path, "content", Some(code)),
        lang: code.to_string(),
    };
    if shown != original {
        return Some(link("offer-show-original", original));
    }
    let mine = ui.lang.code();
    let has_mine = out
        .texts
        .iter()
        .flatten()
        .any(|t| t.lang == mine && t.status != "untranslated");
    (mine != original && has_mine).then(|| link("offer-show-in", mine))
}

/// Links to every readable language version but the one shown, each named in its own language.
fn versions(ui: &Ui, out: &OfferOut, shown: &str) -> Vec<Link> {
    out.texts
        .iter()
        .flatten()
        .filter(|t| t.status != "untranslated" && t.lang != shown)
        .filter_map(|t| Lang::parse(&t.lang))
        .map(|l| Link {
            label: l.autonym().to_string(),
            href: ui.href_with(&ui.path, "content", Some(l.code())),
            lang: l.code().to_string(),
        })
        .collect()
}

/// A file size for people: bytes, kB or MB with the language's decimal separator.
pub(super) fn size(bytes: i64, lang: Lang) -> String {
    let b = bytes.max(0) as f64;
    let (n, unit) = if b >= 1_000_000.0 {
        (b / 1_000_000.0, "MB")
    } else if b >= 1_000.0 {
        (b / 1_000.0, "kB")
    } else {
        (b, "B")
    };
    let n = (n * 10.0).round() / 10.0;
    let text = klaster_translate::render::number(n, lang).unwrap_or_default();
    format!("{text} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_well() {
        assert_eq!(size(512, Lang::En), "512 B");
        assert_eq!(size(1_536, Lang::Pl), "1,5 kB");
        assert_eq!(size(2_500_000, Lang::En), "2.5 MB");
        assert_eq!(size(-1, Lang::En), "0 B");
    }
}
