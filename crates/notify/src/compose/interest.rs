//! Interest in an offer: received (to the owner), accepted (an introduction to both parties),
//! declined (to the interested party).

use klaster_refdata::Lang;
use serde::{Deserialize, Serialize};

use super::body::{Block, Body};
use super::catalog::Tr;
use super::{Compose, Envelope, Site, UserText, finish, greeting};
use crate::mail::{Mail, Recipient, one_line};

/// To an offer's owner: an organisation is interested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestReceived {
    pub to: Recipient,
    pub lang: Lang,
    pub offer_title: String,
    /// The interested organisation.
    pub from_org: String,
    /// Their message, translated into `lang` where needed.
    pub message: Option<UserText>,
    /// The conversation about this interest.
    pub thread_path: String,
    /// A later message in the thread (from either side), not the first expression of interest.
    #[serde(default)]
    pub reply: bool,
}

/// User text quoted as the reader sees it, followed by the original when it was translated.
fn quote(tr: &mut Tr, body: &mut Body, text: &UserText) {
    body.push(Block::Quote(text.text.clone()));
    if let Some(original) = text.distinct_original() {
        let language = original.lang.name_in(tr.lang());
        body.para(tr.with(
            "interest-received-original",
            &[("language", language.into())],
        ));
        body.push(Block::Quote(original.text.clone()));
    }
}

impl Compose for InterestReceived {
    type Output = Mail;

    fn render(&self, site: &Site, problems: &mut Vec<String>) -> Mail {
        let mut tr = Tr::new(self.lang);
        let args = [
            ("org", one_line(&self.from_org).into()),
            ("title", one_line(&self.offer_title).into()),
        ];
        let mut body = Body::default();
        greeting(&mut tr, &mut body, &self.to.name);
        let (intro, subject) = if self.reply {
            ("interest-reply-intro", "interest-reply-subject")
        } else {
            ("interest-received-intro", "interest-received-subject")
        };
        body.para(tr.with(intro, &args));
        match &self.message {
            Some(m) if !m.text.trim().is_empty() => {
                body.para(tr.get("interest-received-message"));
                quote(&mut tr, &mut body, m);
            }
            _ => {
                body.para(tr.get("interest-received-no-message"));
            }
        }
        if !self.reply {
            body.para(tr.with(
                "interest-received-next",
                &[("site", one_line(&site.name).into())],
            ));
        }
        body.link(tr.get("open-conversation"), site.url(&self.thread_path));
        let subject = tr.with(subject, &args);
        let env = Envelope {
            to: &self.to,
            reply_to: None,
            subject,
            list_unsubscribe: None,
            footer: Vec::new(),
        };
        finish(tr, site, body, env, problems)
    }
}

/// One side of an introduction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// The contact person and their address.
    pub contact: Recipient,
    pub organisation: String,
    pub phone: Option<String>,
    /// The language this party reads.
    pub lang: Lang,
    /// The offer's title as this party sees it (in `lang`).
    pub offer_title: String,
}

/// The owner accepted an interest: both parties get the other's contact details, and replying
/// to the mail writes to the other party directly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestAccepted {
    pub owner: Party,
    pub interested: Party,
    pub thread_path: String,
}

impl Compose for InterestAccepted {
    /// `[to the owner, to the interested party]`.
    type Output = [Mail; 2];

    fn render(&self, site: &Site, problems: &mut Vec<String>) -> [Mail; 2] {
        [
            self.introduce(
                &self.owner,
                &self.interested,
                "interest-accepted-intro-owner",
                site,
                problems,
            ),
            self.introduce(
                &self.interested,
                &self.owner,
                "interest-accepted-intro-interested",
                site,
                problems,
            ),
        ]
    }
}

impl InterestAccepted {
    fn introduce(
        &self,
        reader: &Party,
        other: &Party,
        intro: &str,
        site: &Site,
        problems: &mut Vec<String>,
    ) -> Mail {
        let mut tr = Tr::new(reader.lang);
        let args = [
            ("org", one_line(&other.organisation).into()),
            ("title", one_line(&reader.offer_title).into()),
        ];
        let mut body = Body::default();
        greeting(&mut tr, &mut body, &reader.contact.name);
        body.para(tr.with(intro, &args));
        let mut card = vec![
            (tr.get("contact-person"), one_line(&other.contact.name)),
            (
                tr.get("contact-organisation"),
                one_line(&other.organisation),
            ),
            (tr.get("contact-email"), one_line(&other.contact.email)),
        ];
        if let Some(phone) = other
            .phone
            .as_deref()
            .map(one_line)
            .filter(|p| !p.is_empty())
        {
            card.push((tr.get("contact-phone"), phone));
        }
        card.retain(|(_, value)| !value.is_empty());
        body.push(Block::Fields(card));
        let name = match one_line(&other.contact.name) {
            n if n.is_empty() => one_line(&other.organisation),
            n => n,
        };
        body.para(tr.with("interest-accepted-reply", &[("name", name.into())]));
        body.link(tr.get("open-conversation"), site.url(&self.thread_path));
        let subject = tr.with("interest-accepted-subject", &args);
        let env = Envelope {
            to: &reader.contact,
            reply_to: Some(&other.contact),
            subject,
            list_unsubscribe: None,
            footer: Vec::new(),
        };
        finish(tr, site, body, env, problems)
    }
}

/// To the interested party: the owner declined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestDeclined {
    pub to: Recipient,
    pub lang: Lang,
    pub offer_title: String,
    /// The offer owner's organisation.
    pub owner_org: String,
    /// The owner's note, if they wrote one (translated into `lang` where needed).
    pub note: Option<UserText>,
    /// Where to look for other offers (search, similar offers).
    pub offers_path: String,
}

impl Compose for InterestDeclined {
    type Output = Mail;

    fn render(&self, site: &Site, problems: &mut Vec<String>) -> Mail {
        let mut tr = Tr::new(self.lang);
        let args = [
            ("org", one_line(&self.owner_org).into()),
            ("title", one_line(&self.offer_title).into()),
        ];
        let mut body = Body::default();
        greeting(&mut tr, &mut body, &self.to.name);
        body.para(tr.with("interest-declined-intro", &args));
        if let Some(note) = self.note.as_ref().filter(|n| !n.text.trim().is_empty()) {
            body.para(tr.get("interest-declined-note"));
            quote(&mut tr, &mut body, note);
        }
        body.para(tr.with(
            "interest-declined-encourage",
            &[("site", one_line(&site.name).into())],
        ));
        body.link(tr.get("browse-offers"), site.url(&self.offers_path));
        let subject = tr.with("interest-declined-subject", &args);
        let env = Envelope {
            to: &self.to,
            reply_to: None,
            subject,
            list_unsubscribe: None,
            footer: Vec::new(),
        };
        finish(tr, site, body, env, problems)
    }
}
