//! The portal's notifications, written in the reader's language from Fluent catalogues.
//!
//! Each notification is plain data ([`InterestReceived`], [`InterestAccepted`],
//! [`InterestDeclined`], [`Alert`], [`Digest`]) that the caller fills in (titles already in the
//! reader's language, paths of the portal's pages) and turns into [`Mail`]s with `compose`,
//! or through the [`Notification`] enum. Every mail has a text body and an HTML alternative;
//! user content stays verbatim in the text and is escaped in the HTML.

mod account;
mod alert;
mod body;
mod catalog;
mod interest;
mod review;

use klaster_refdata::Lang;
use serde::{Deserialize, Serialize};

pub use account::{AccountMail, AccountMailKind};
pub use alert::{Alert, Digest, DigestSection};
pub use catalog::{CATALOGUE_LANGS, catalogue_lang};
pub use interest::{InterestAccepted, InterestDeclined, InterestReceived, Party};
pub use review::{ReviewEvent, ReviewMail};

use crate::mail::{Mail, Recipient, one_line};
use body::{Block, Body};
use catalog::Tr;

/// What the mails say about the portal: its name and where its pages are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    /// Shown in subjects ("[Klaster] ...") and footers.
    pub name: String,
    /// e.g. "https://klaster.example.org"; paths in the data are joined to it.
    pub base_url: String,
}

impl Site {
    pub fn new(name: impl Into<String>, base_url: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            base_url: base_url.into(),
        }
    }

    /// The absolute URL of `path` ("/offers/7"); an http(s) URL is kept as it is. Characters
    /// that may not appear in a URL (spaces, quotes, non-ASCII) are percent-encoded, so the
    /// link survives in both bodies and in the `List-Unsubscribe` header.
    pub fn url(&self, path: &str) -> String {
        let path = path.trim();
        let raw = if path.starts_with("https://") || path.starts_with("http://") {
            path.to_owned()
        } else {
            format!(
                "{}/{}",
                self.base_url.trim().trim_end_matches('/'),
                path.trim_start_matches('/')
            )
        };
        percent_encode_unsafe(&raw)
    }
}

/// What may not stand in a URL as it is: controls, space, non-ASCII (always encoded) and the
/// characters RFC 3986 excludes.
const UNSAFE: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

fn percent_encode_unsafe(url: &str) -> String {
    percent_encoding::utf8_percent_encode(url, UNSAFE).to_string()
}

/// Text a user wrote, as the reader should see it: `text` in the reader's language (perhaps
/// machine-translated), and the `original` when it was translated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserText {
    pub text: String,
    pub original: Option<Original>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Original {
    pub lang: Lang,
    pub text: String,
}

impl UserText {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            original: None,
        }
    }

    /// The original when it says something else than `text`.
    fn distinct_original(&self) -> Option<&Original> {
        self.original
            .as_ref()
            .filter(|o| o.text.trim() != self.text.trim() && !o.text.trim().is_empty())
    }
}

/// An offer in a list: its title (in the reader's language) and the path of its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferLink {
    pub title: String,
    pub path: String,
}

/// Any notification; `compose` gives one mail per recipient (two for an introduction).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notification {
    InterestReceived(InterestReceived),
    InterestAccepted(InterestAccepted),
    InterestDeclined(InterestDeclined),
    Alert(Alert),
    Digest(Digest),
    Account(AccountMail),
    Review(ReviewMail),
}

impl Compose for Notification {
    type Output = Vec<Mail>;

    fn render(&self, site: &Site, problems: &mut Vec<String>) -> Vec<Mail> {
        match self {
            Self::InterestReceived(n) => vec![n.render(site, problems)],
            Self::InterestAccepted(n) => n.render(site, problems).into(),
            Self::InterestDeclined(n) => vec![n.render(site, problems)],
            Self::Alert(n) => vec![n.render(site, problems)],
            Self::Digest(n) => vec![n.render(site, problems)],
            Self::Account(n) => vec![n.render(site, problems)],
            Self::Review(n) => vec![n.render(site, problems)],
        }
    }
}

/// A notification that becomes mail: `render` writes it and notes catalogue problems (a
/// missing message), `compose` logs those and hands the mail over.
pub trait Compose {
    type Output;

    fn render(&self, site: &Site, problems: &mut Vec<String>) -> Self::Output;

    fn compose(&self, site: &Site) -> Self::Output {
        let mut problems = Vec::new();
        let out = self.render(site, &mut problems);
        report(&problems);
        out
    }
}

fn report(problems: &[String]) {
    for p in problems {
        tracing::warn!(problem = %p, "mail catalogue");
    }
}

/// What every notification ends with; the parts that differ are in the arguments.
struct Envelope<'a> {
    to: &'a Recipient,
    reply_to: Option<&'a Recipient>,
    subject: String,
    list_unsubscribe: Option<String>,
    /// Blocks of the footer before the common lines (why you get this, how to stop it).
    footer: Vec<Block>,
}

fn greeting(tr: &mut Tr, body: &mut Body, name: &str) {
    let name = one_line(name);
    let text = if name.is_empty() {
        tr.get("greeting-anonymous")
    } else {
        tr.with("greeting", &[("name", name.into())])
    };
    body.para(text);
}

/// The footer, then the mail. Without a reply-to, replies reach nobody, so the footer says so.
fn finish(
    mut tr: Tr,
    site: &Site,
    mut body: Body,
    env: Envelope<'_>,
    problems: &mut Vec<String>,
) -> Mail {
    body.push(Block::Rule);
    for block in env.footer {
        body.push(block);
    }
    body.push(Block::Small(tr.with(
        "footer-automatic",
        &[("site", one_line(&site.name).into())],
    )));
    if env.reply_to.is_none() {
        body.push(Block::Small(tr.get("footer-do-not-reply")));
    }
    let site_name = one_line(&site.name);
    let subject = one_line(&env.subject);
    let subject = if site_name.is_empty() {
        subject
    } else {
        format!("[{site_name}] {subject}")
    };
    let lang = tr.lang();
    problems.extend(tr.into_problems());
    Mail {
        to: vec![env.to.clone()],
        reply_to: env.reply_to.cloned(),
        html: Some(body.html(lang, &subject)),
        text: body.text(),
        subject,
        lang,
        list_unsubscribe: env.list_unsubscribe,
    }
}

#[cfg(test)]
mod tests;
