//! The `notify_review` job: mails the reviewers when an offer waits for them (the coordinators
//! of the owner's clusters that ask for review), and its author the decision — published, or
//! sent back with the reviewer's message.

use klaster_notify::Recipient;
use klaster_notify::compose::{Compose, ReviewEvent, ReviewMail};
use klaster_store::accounts::{self, Account};
use klaster_store::offers::{self, HistoryRow};
use klaster_store::{StoreError, jobs, organisations as orgs};
use klaster_translate::Lang;

use super::notices::{mail_failure, payload_i64, retry};
use super::{Failure, Worker};
use crate::api::offers::review_policy;

/// The last step of `action` in an offer's history.
fn last<'a>(history: &'a [HistoryRow], action: &str) -> Option<&'a HistoryRow> {
    history
        .iter()
        .rev()
        .find(|h| h.action.0["action"] == action)
}

impl Worker {
    pub(super) async fn notify_review(&self, job: &jobs::Job) -> Result<(), Failure> {
        let id = payload_i64(job, "offer_id")?;
        let rec = match offers::get(&self.db, id).await {
            Ok(r) => r,
            Err(StoreError::NotFound) => return Ok(()),
            Err(e) => return Err(retry(e)),
        };
        let owner = rec.offer.organisation_id;
        let history = offers::history(&self.db, id).await.map_err(retry)?;
        let author = || async {
            match last(&history, "submit").and_then(|h| h.actor_id) {
                Some(user) => match accounts::by_id(&self.db, user).await {
                    Ok(a) => Ok(vec![a]),
                    Err(StoreError::NotFound) => Ok(Vec::new()),
                    Err(e) => Err(retry(e)),
                },
                None => Ok(Vec::new()),
            }
        };
        let event = job.payload.0.get("event").and_then(|v| v.as_str());
        let (event, to): (ReviewEvent, Vec<Account>) = match event {
            Some("waiting") => {
                let (_, clusters) = review_policy(&self.db, owner)
                    .await
                    .map_err(|e| retry(format!("{e:?}")))?;
                let coordinators = accounts::coordinators_of(&self.db, &clusters)
                    .await
                    .map_err(retry)?;
                (ReviewEvent::Waiting, coordinators)
            }
            Some("published") => (ReviewEvent::Published, author().await?),
            Some("returned") => {
                let message = last(&history, "return_to_draft")
                    .and_then(|h| h.action.0["message"].as_str())
                    .unwrap_or_default()
                    .to_string();
                (ReviewEvent::Returned { message }, author().await?)
            }
            other => {
                return Err(Failure::Permanent(format!(
                    "unknown review event {other:?}"
                )));
            }
        };
        let organisation = match orgs::get(&self.db, owner).await {
            Ok(o) => o.org.primary_name().to_string(),
            Err(StoreError::NotFound) => String::new(),
            Err(e) => return Err(retry(e)),
        };
        for a in to {
            let mail = ReviewMail {
                to: Recipient::new("", a.email.clone()),
                lang: a.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::Pl),
                event: event.clone(),
                offer_title: rec.offer.title.clone(),
                organisation: organisation.clone(),
                offer_path: format!("/offers/{id}"),
            }
            .compose(&self.site);
            self.mailer
                .send_boxed(&mail)
                .await
                .map_err(|e| mail_failure(e, job.attempts))?;
        }
        Ok(())
    }
}
