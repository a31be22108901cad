//! The `notify_interest` job: translates a thread's new message into the other party's language
//! and mails whom the event concerns — the owner about a new interest, the other side about a
//! reply, both parties with each other's contacts on acceptance, the interested party on a
//! refusal.

use klaster_notify::compose::{
    Compose, InterestAccepted, InterestDeclined, InterestReceived, Original, Party, UserText,
};
use klaster_notify::{Mail, NotifyError, Recipient};
use klaster_store::interests::{self, Interest, Message};
use klaster_store::offers::{self, OfferRecord};
use klaster_store::{StoreError, jobs};
use klaster_translate::{Lang, TranslateError};

use super::{Failure, Worker};
use crate::api::interests::party;

pub(super) fn retry(e: impl std::fmt::Display) -> Failure {
    Failure::Retry(e.to_string(), None)
}

pub(super) fn mail_failure(e: NotifyError, attempt: i32) -> Failure {
    match e.backoff(u32::try_from(attempt).unwrap_or(1)) {
        Some(d) => Failure::Retry(e.to_string(), Some(d)),
        None => Failure::Permanent(e.to_string()),
    }
}

pub(super) fn payload_i64(job: &jobs::Job, key: &str) -> Result<i64, Failure> {
    job.payload
        .0
        .get(key)
        .and_then(|v| v.as_i64())
        .ok_or_else(|| Failure::Permanent(format!("payload without {key}")))
}

/// Who speaks for an organisation in mail: a named contact, else the organisation's address.
struct Speaker {
    recipient: Option<Recipient>,
    organisation: String,
    phone: Option<String>,
}

impl Worker {
    pub(super) async fn notify_interest(&self, job: &jobs::Job) -> Result<(), Failure> {
        let id = payload_i64(job, "interest_id")?;
        let event = job
            .payload
            .0
            .get("event")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let interest = match interests::get(&self.db, id).await {
            Ok(i) => i,
            Err(StoreError::NotFound) => return Ok(()),
            Err(e) => return Err(retry(e)),
        };
        let offer = offers::get(&self.db, interest.offer_id)
            .await
            .map_err(retry)?;
        let message = match job.payload.0.get("message_id").and_then(|v| v.as_i64()) {
            Some(m) => Some(self.translated(m, job.attempts).await?),
            None => None,
        };
        let mails = match (event, message) {
            ("received", Some(m)) => vec![self.message_mail(&interest, &offer, &m, false).await?],
            ("reply", Some(m)) => vec![self.message_mail(&interest, &offer, &m, true).await?],
            ("accepted", _) => self.accepted(&interest, &offer).await?,
            ("declined", _) => vec![self.declined(&interest, &offer).await?],
            // withdrawals need no mail
            _ => Vec::new(),
        };
        for mail in mails.iter().flatten() {
            self.mailer
                .send_boxed(mail)
                .await
                .map_err(|e| mail_failure(e, job.attempts))?;
        }
        Ok(())
    }

    /// The message with its translation made (or marked as impossible), once.
    async fn translated(&self, id: i64, attempt: i32) -> Result<Message, Failure> {
        let m = interests::message(&self.db, id).await.map_err(retry)?;
        if m.translation_status != "pending" {
            return Ok(m);
        }
        let (Some(src), Some(dst)) = (
            Lang::parse(&m.lang),
            m.translated_lang.as_deref().and_then(Lang::parse),
        ) else {
            return Ok(m);
        };
        let (body, status, engine) = match self.translate(&m.body, src, dst).await {
            Ok(t) if t.status != klaster_translate::Status::Untranslated => {
                (Some(t.text), "machine", Some(self.translator.engine_name()))
            }
            Ok(_) => (None, "untranslated", None),
            Err(e @ TranslateError::Retryable { .. }) | Err(e @ TranslateError::Quota { .. })
                if attempt < 5 =>
            {
                let delay = e.backoff(u32::try_from(attempt).unwrap_or(1));
                return Err(Failure::Retry(e.to_string(), delay));
            }
            // after a few tries the message goes out in its original, marked as such
            Err(_) => (None, "untranslated", None),
        };
        interests::set_translation(&self.db, id, body.as_deref(), status, engine)
            .await
            .map_err(retry)?;
        interests::message(&self.db, id).await.map_err(retry)
    }

    async fn speaker(&self, org_id: i64, contact_id: Option<i64>) -> Result<Speaker, Failure> {
        let p = party(&self.db, org_id, contact_id).await.map_err(retry)?;
        let name = p.contact.unwrap_or_else(|| p.organisation.clone());
        Ok(Speaker {
            recipient: p.email.map(|e| Recipient::new(name, e)),
            phone: p.phone,
            organisation: p.organisation,
        })
    }

    /// The offer's title as a reader of `lang` sees it.
    async fn title_in(&self, offer: &OfferRecord, lang: &str) -> String {
        offers::texts(&self.db, offer.id)
            .await
            .ok()
            .and_then(|ts| {
                ts.into_iter()
                    .find(|t| t.lang == lang && t.status != "untranslated")
            })
            .map_or(offer.offer.title.clone(), |t| t.title)
    }

    /// A message of the thread, to the other side: the owner hears from the interested party
    /// (the first message is the expression of interest itself), the interested party from the
    /// owner; each in their language, with the original kept.
    async fn message_mail(
        &self,
        i: &Interest,
        offer: &OfferRecord,
        m: &Message,
        reply: bool,
    ) -> Result<Option<Mail>, Failure> {
        let owner = self
            .speaker(offer.offer.organisation_id, offer.offer.contact_id)
            .await?;
        let interested = self.speaker(i.organisation_id, i.contact_id).await?;
        let (to, from, lang) = if m.from_owner {
            (interested.recipient, owner.organisation, i.lang.as_str())
        } else {
            (
                owner.recipient,
                interested.organisation,
                offer.offer.lang.as_str(),
            )
        };
        let Some(to) = to else {
            tracing::warn!(
                interest = i.id,
                "the recipient has no e-mail address: not mailed"
            );
            return Ok(None);
        };
        let text = match (&m.translated_body, Lang::parse(&m.lang)) {
            (Some(t), Some(src)) => UserText {
                text: t.clone(),
                original: Some(Original {
                    lang: src,
                    text: m.body.clone(),
                }),
            },
            _ => UserText::plain(m.body.clone()),
        };
        Ok(Some(
            InterestReceived {
                to,
                lang: Lang::parse(lang).unwrap_or(Lang::En),
                offer_title: self.title_in(offer, lang).await,
                from_org: from,
                message: Some(text),
                thread_path: format!("/interests/{}", i.id),
                reply,
            }
            .compose(&self.site),
        ))
    }

    /// One side of an introduction (its offer title is filled in by the caller).
    async fn party(
        &self,
        org: i64,
        contact: Option<i64>,
        lang: &str,
    ) -> Result<Option<Party>, Failure> {
        let s = self.speaker(org, contact).await?;
        Ok(s.recipient.map(|r| Party {
            contact: r,
            organisation: s.organisation,
            phone: s.phone,
            lang: Lang::parse(lang).unwrap_or(Lang::En),
            offer_title: String::new(),
        }))
    }

    async fn accepted(
        &self,
        i: &Interest,
        offer: &OfferRecord,
    ) -> Result<Vec<Option<Mail>>, Failure> {
        let owner = self
            .party(
                offer.offer.organisation_id,
                offer.offer.contact_id,
                &offer.offer.lang,
            )
            .await?;
        let interested = self.party(i.organisation_id, i.contact_id, &i.lang).await?;
        let (Some(mut owner), Some(mut interested)) = (owner, interested) else {
            tracing::warn!(
                interest = i.id,
                "a party has no e-mail address: introduction not mailed"
            );
            return Ok(Vec::new());
        };
        owner.offer_title = self.title_in(offer, &offer.offer.lang).await;
        interested.offer_title = self.title_in(offer, &i.lang).await;
        let mails = InterestAccepted {
            owner,
            interested,
            thread_path: format!("/interests/{}", i.id),
        }
        .compose(&self.site);
        Ok(mails.into_iter().map(Some).collect())
    }

    async fn declined(&self, i: &Interest, offer: &OfferRecord) -> Result<Option<Mail>, Failure> {
        let interested = self.speaker(i.organisation_id, i.contact_id).await?;
        let owner = self
            .speaker(offer.offer.organisation_id, offer.offer.contact_id)
            .await?;
        let Some(to) = interested.recipient else {
            return Ok(None);
        };
        Ok(Some(
            InterestDeclined {
                to,
                lang: Lang::parse(&i.lang).unwrap_or(Lang::En),
                offer_title: self.title_in(offer, &i.lang).await,
                owner_org: owner.organisation,
                note: None,
                offers_path: "/offers".into(),
            }
            .compose(&self.site),
        ))
    }
}
