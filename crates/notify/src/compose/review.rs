//! The review of an offer where its cluster asks for one: to the reviewers when an offer
//! waits, to its author when it is published or sent back with the reviewer's message.

use klaster_refdata::Lang;
use serde::{Deserialize, Serialize};

use super::body::{Block, Body};
use super::catalog::Tr;
use super::{Compose, Envelope, Site, finish, greeting};
use crate::mail::{Mail, Recipient, one_line};

/// Which step of the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ReviewEvent {
    /// To a reviewer: an offer waits for their decision.
    Waiting,
    /// To the author: the offer is published.
    Published,
    /// To the author: the offer is back in draft, with what to change.
    Returned { message: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewMail {
    pub to: Recipient,
    pub lang: Lang,
    pub event: ReviewEvent,
    pub offer_title: String,
    /// The organisation whose offer it is.
    pub organisation: String,
    /// The offer's page (where the reviewer decides, or the author reads and edits).
    pub offer_path: String,
}

impl Compose for ReviewMail {
    type Output = Mail;

    fn render(&self, site: &Site, problems: &mut Vec<String>) -> Mail {
        let mut tr = Tr::new(self.lang);
        let key = match self.event {
            ReviewEvent::Waiting => "review-waiting",
            ReviewEvent::Published => "review-published",
            ReviewEvent::Returned { .. } => "review-returned",
        };
        let args = [
            ("title", one_line(&self.offer_title).into()),
            ("org", one_line(&self.organisation).into()),
        ];
        let mut body = Body::default();
        greeting(&mut tr, &mut body, &self.to.name);
        body.para(tr.with(&format!("{key}-intro"), &args));
        if let ReviewEvent::Returned { message } = &self.event {
            body.push(Block::Quote(message.clone()));
        }
        body.link(tr.get(&format!("{key}-action")), site.url(&self.offer_path));
        let subject = tr.with(&format!("{key}-subject"), &args);
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
