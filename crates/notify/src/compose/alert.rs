//! Saved-search mail: an alert for one search, and the daily digest of all of them.

use klaster_refdata::Lang;
use serde::{Deserialize, Serialize};

use super::body::{Block, Body};
use super::catalog::Tr;
use super::{Compose, Envelope, OfferLink, Site, finish, greeting};
use crate::mail::{Mail, Recipient, one_line};

/// New offers for one saved search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    pub to: Recipient,
    pub lang: Lang,
    pub search_name: String,
    /// How many offers are new; may be more than `offers` lists.
    pub new_count: u32,
    pub offers: Vec<OfferLink>,
    /// The search's results on the portal.
    pub results_path: String,
    /// The page to manage saved searches and alerts.
    pub manage_path: String,
    /// Turns this alert off in one click (also sent as `List-Unsubscribe`).
    pub unsubscribe_path: String,
}

impl Compose for Alert {
    type Output = Mail;

    fn render(&self, site: &Site, problems: &mut Vec<String>) -> Mail {
        let mut tr = Tr::new(self.lang);
        let count = self.new_count.max(len_u32(&self.offers));
        let args = [
            ("search", one_line(&self.search_name).into()),
            ("count", count.into()),
        ];
        let mut body = Body::default();
        greeting(&mut tr, &mut body, &self.to.name);
        body.para(tr.with("alert-intro", &args));
        offer_list(
            &mut tr,
            &mut body,
            site,
            &self.offers,
            count,
            &self.results_path,
        );
        let site_arg = ("site", one_line(&site.name).into());
        let unsubscribe = site.url(&self.unsubscribe_path);
        let footer = vec![
            Block::Small(tr.with("alert-why", &[args[0].clone(), site_arg])),
            Block::Link {
                label: tr.get("manage-alerts"),
                url: site.url(&self.manage_path),
            },
            Block::Link {
                label: tr.get("unsubscribe-alert"),
                url: unsubscribe.clone(),
            },
        ];
        let subject = tr.with("alert-subject", &args);
        let env = Envelope {
            to: &self.to,
            reply_to: None,
            subject,
            list_unsubscribe: Some(unsubscribe),
            footer,
        };
        finish(tr, site, body, env, problems)
    }
}

/// One saved search in a digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestSection {
    pub search_name: String,
    pub new_count: u32,
    pub offers: Vec<OfferLink>,
    pub results_path: String,
}

/// The daily digest: new offers grouped by saved search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Digest {
    pub to: Recipient,
    pub lang: Lang,
    pub sections: Vec<DigestSection>,
    pub manage_path: String,
    /// Turns the digest off in one click (also sent as `List-Unsubscribe`).
    pub unsubscribe_path: String,
}

impl Digest {
    /// New offers over all sections.
    pub fn total(&self) -> u32 {
        self.sections
            .iter()
            .map(|s| s.new_count.max(len_u32(&s.offers)))
            .fold(0, u32::saturating_add)
    }
}

impl Compose for Digest {
    type Output = Mail;

    fn render(&self, site: &Site, problems: &mut Vec<String>) -> Mail {
        let mut tr = Tr::new(self.lang);
        let mut body = Body::default();
        greeting(&mut tr, &mut body, &self.to.name);
        let sections: Vec<_> = self
            .sections
            .iter()
            .filter(|s| !s.offers.is_empty() || s.new_count > 0)
            .collect();
        if sections.is_empty() {
            body.para(tr.get("digest-empty"));
        } else {
            body.para(tr.get("digest-intro"));
        }
        for s in sections {
            let count = s.new_count.max(len_u32(&s.offers));
            let heading = tr.with(
                "digest-section",
                &[
                    ("search", one_line(&s.search_name).into()),
                    ("count", count.into()),
                ],
            );
            body.push(Block::Heading(heading));
            offer_list(&mut tr, &mut body, site, &s.offers, count, &s.results_path);
        }
        let site_arg = ("site", one_line(&site.name).into());
        let unsubscribe = site.url(&self.unsubscribe_path);
        let footer = vec![
            Block::Small(tr.with("digest-why", &[site_arg])),
            Block::Link {
                label: tr.get("manage-alerts"),
                url: site.url(&self.manage_path),
            },
            Block::Link {
                label: tr.get("unsubscribe-digest"),
                url: unsubscribe.clone(),
            },
        ];
        let subject = tr.with("digest-subject", &[("count", self.total().into())]);
        let env = Envelope {
            to: &self.to,
            reply_to: None,
            subject,
            list_unsubscribe: Some(unsubscribe),
            footer,
        };
        finish(tr, site, body, env, problems)
    }
}

/// The listed offers, "...and N more" when the list is shorter than `count`, and the link to
/// all results.
fn offer_list(
    tr: &mut Tr,
    body: &mut Body,
    site: &Site,
    offers: &[OfferLink],
    count: u32,
    results_path: &str,
) {
    let items = offers
        .iter()
        .map(|o| (one_line(&o.title), site.url(&o.path)))
        .collect();
    body.push(Block::Links(items));
    let more = count.saturating_sub(len_u32(offers));
    if more > 0 {
        body.para(tr.with("more-offers", &[("count", more.into())]));
    }
    body.link(tr.get("see-all-results"), site.url(results_path));
}

fn len_u32<T>(items: &[T]) -> u32 {
    u32::try_from(items.len()).unwrap_or(u32::MAX)
}
