//! The job runner inside every server process: claims due jobs from the database (so several
//! processes share the work) and runs them, retrying failures with back-off.

use std::sync::Arc;
use std::time::Duration;

use klaster_domain::offer::{OfferStatus, Transition};
use klaster_notify::{DynMailer, Site};
use klaster_search::SearchIndex;
use klaster_store::alerts as saved;
use klaster_store::offers::{self, OfferText};
use klaster_store::{Db, interests, jobs};
use klaster_translate::{
    DynTranslator, Lang, Status, TranslateError, TranslateRequest, Translation,
};

/// How long a claimed job is ours before another process may take it over.
const LEASE_SECS: i64 = 300;
/// How often an idle runner looks for work (other processes may enqueue it).
const IDLE_POLL: Duration = Duration::from_secs(1);
/// How often published offers past their deadline are expired.
const SWEEP_EVERY: Duration = Duration::from_secs(60);

pub mod accounts;
mod alerts;
mod notices;
mod review;

#[derive(Clone)]
pub struct Worker {
    db: Db,
    translator: Arc<dyn DynTranslator>,
    languages: Vec<Lang>,
    mailer: Arc<dyn DynMailer>,
    site: Site,
    index: Option<Arc<SearchIndex>>,
}

/// What became of one job.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Done,
    Retry(String),
    Failed(String),
}

impl Worker {
    pub fn new(db: Db, translator: Arc<dyn DynTranslator>, languages: Vec<Lang>) -> Self {
        Worker {
            db,
            translator,
            languages,
            mailer: Arc::new(klaster_notify::LogMailer),
            site: crate::Settings::default().site,
            index: None,
        }
    }

    /// Sends notifications through `mailer`, with links to `site`.
    pub fn with_mail(mut self, mailer: Arc<dyn DynMailer>, site: Site) -> Self {
        self.mailer = mailer;
        self.site = site;
        self
    }

    /// Finds the new offers of saved searches in this index (without one, no alerts are made).
    pub fn with_index(mut self, index: Arc<SearchIndex>) -> Self {
        self.index = Some(index);
        self
    }

    /// Runs jobs until the task is dropped, sweeping expired offers once a minute.
    pub async fn run(self) {
        let mut last_sweep: Option<std::time::Instant> = None;
        loop {
            if last_sweep.is_none_or(|t| t.elapsed() >= SWEEP_EVERY) {
                last_sweep = Some(std::time::Instant::now());
                let now = chrono::Utc::now();
                if let Err(e) = self.expire_due(now.date_naive()).await {
                    tracing::error!(error = %e, "expiry sweep failed");
                }
                if let Err(e) = self.sweep_alerts(now).await {
                    tracing::error!(error = %e, "alert sweep failed");
                }
                // expired browser sessions and day-old sign-in failures
                if let Err(e) =
                    klaster_store::sessions::purge(&self.db, chrono::Duration::days(1)).await
                {
                    tracing::error!(error = %e, "session purge failed");
                }
                if let Err(e) = klaster_store::accounts::purge(&self.db).await {
                    tracing::error!(error = %e, "account link purge failed");
                }
            }
            match self.run_once().await {
                Ok(Some(_)) => continue,
                Ok(None) => tokio::time::sleep(IDLE_POLL).await,
                Err(e) => {
                    tracing::error!(error = %e, "job runner: storage failure");
                    tokio::time::sleep(IDLE_POLL * 5).await;
                }
            }
        }
    }

    /// Expires the published offers whose deadline is before `today`; returns how many. Several
    /// processes may sweep at once: the store's status check lets only one of them move each.
    pub async fn expire_due(&self, today: chrono::NaiveDate) -> klaster_store::Result<usize> {
        let mut n = 0;
        for id in offers::due_to_expire(&self.db, today).await? {
            match offers::transition(
                &self.db,
                id,
                OfferStatus::Published,
                OfferStatus::Expired,
                &Transition::Expire,
                None,
            )
            .await
            {
                Ok(_) => n += 1,
                Err(klaster_store::StoreError::Conflict(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(n)
    }

    /// Claims and runs one due job, if there is one.
    pub async fn run_once(&self) -> klaster_store::Result<Option<Outcome>> {
        let Some(job) = jobs::claim(
            &self.db,
            &[
                offers::TRANSLATE_JOB,
                interests::NOTIFY_JOB,
                saved::ALERT_JOB,
                saved::DIGEST_JOB,
                klaster_store::accounts::MAIL_JOB,
                offers::REVIEW_JOB,
            ],
            chrono::Duration::seconds(LEASE_SECS),
        )
        .await?
        else {
            return Ok(None);
        };
        let outcome = match job.kind.as_str() {
            offers::TRANSLATE_JOB => self.translate_offer(&job).await,
            interests::NOTIFY_JOB => self.notify_interest(&job).await,
            saved::ALERT_JOB => self.mail_alert(&job).await,
            saved::DIGEST_JOB => self.mail_digest(&job).await,
            klaster_store::accounts::MAIL_JOB => self.mail_account(&job).await,
            offers::REVIEW_JOB => self.notify_review(&job).await,
            other => Err(Failure::Permanent(format!("unknown job kind {other}"))),
        };
        let outcome = match outcome {
            Ok(()) => {
                jobs::complete(&self.db, job.id).await?;
                Outcome::Done
            }
            Err(Failure::Retry(msg, delay)) => {
                tracing::warn!(job = job.id, attempt = job.attempts, error = %msg, "job will be retried");
                let delay = delay
                    .and_then(|d| chrono::Duration::from_std(d).ok())
                    .unwrap_or_else(|| jobs::backoff(job.attempts));
                jobs::fail(&self.db, &job, &msg, Some(delay)).await?;
                Outcome::Retry(msg)
            }
            Err(Failure::Permanent(msg)) => {
                tracing::error!(job = job.id, error = %msg, "job failed");
                jobs::fail(&self.db, &job, &msg, None).await?;
                Outcome::Failed(msg)
            }
        };
        Ok(Some(outcome))
    }

    /// Translates a published offer's title and description into every working language it is
    /// not written in. The original stays as it is; versions written by people are kept.
    async fn translate_offer(&self, job: &jobs::Job) -> Result<(), Failure> {
        let id = job
            .payload
            .0
            .get("offer_id")
            .and_then(|v| v.as_i64())
            .ok_or_else(|| Failure::Permanent("payload without offer_id".into()))?;
        let rec = match offers::get(&self.db, id).await {
            Ok(r) => r,
            Err(klaster_store::StoreError::NotFound) => return Ok(()),
            Err(e) => return Err(Failure::Retry(e.to_string(), None)),
        };
        if rec.status != OfferStatus::Published {
            return Ok(());
        }
        let source = Lang::parse(&rec.offer.lang).ok_or_else(|| {
            Failure::Permanent(format!(
                "offer language {} is not a working language",
                rec.offer.lang
            ))
        })?;
        let existing = offers::texts(&self.db, id)
            .await
            .map_err(|e| Failure::Retry(e.to_string(), None))?;
        let mut done = Vec::new();
        for &target in self.languages.iter().filter(|l| **l != source) {
            let by_person = existing.iter().any(|t| {
                t.lang == target.code() && matches!(t.status.as_str(), "human" | "reviewed")
            });
            if by_person {
                continue;
            }
            let attempt = u32::try_from(job.attempts).unwrap_or(1);
            let failure = |e: TranslateError| match e.backoff(attempt) {
                Some(delay) => Failure::Retry(e.to_string(), Some(delay)),
                None => Failure::Permanent(e.to_string()),
            };
            let title = self
                .translate(&rec.offer.title, source, target)
                .await
                .map_err(failure)?;
            let description = self
                .translate(&rec.offer.description, source, target)
                .await
                .map_err(failure)?;
            done.push(text_row(
                target,
                &title,
                &description,
                self.translator.engine_name(),
            ));
        }
        let mut tx = self
            .db
            .begin()
            .await
            .map_err(|e| Failure::Retry(e.to_string(), None))?;
        for t in &done {
            offers::set_text(&mut tx, id, t)
                .await
                .map_err(|e| Failure::Retry(e.to_string(), None))?;
        }
        tx.commit()
            .await
            .map_err(|e| Failure::Retry(e.to_string(), None))
    }

    async fn translate(
        &self,
        text: &str,
        source: Lang,
        target: Lang,
    ) -> Result<Translation, TranslateError> {
        let req = TranslateRequest::new(text, source, target);
        if text.trim().is_empty() {
            return Ok(Translation::untranslated(
                &req,
                self.translator.engine_name(),
            ));
        }
        self.translator.translate_boxed(&req).await
    }
}

enum Failure {
    Retry(String, Option<Duration>),
    Permanent(String),
}

/// The stored version: `untranslated` when nothing was translated, `partial` when some
/// segments are still in the original (the page marks them), else the weakest provenance.
fn text_row(
    target: Lang,
    title: &Translation,
    description: &Translation,
    engine: &str,
) -> OfferText {
    let both = [title, description];
    let anything = both.iter().any(|t| t.status != Status::Untranslated);
    let complete = both
        .iter()
        .all(|t| t.is_complete() || t.text.trim().is_empty());
    let status = if !anything {
        "untranslated".to_string()
    } else if !complete {
        "partial".to_string()
    } else {
        both.iter()
            .filter(|t| t.status != Status::Untranslated)
            .map(|t| t.status)
            .min()
            .unwrap_or(Status::Machine)
            .as_str()
            .to_string()
    };
    OfferText {
        lang: target.code().to_string(),
        title: title.text.clone(),
        description: description.text.clone(),
        status,
        engine: Some(engine.to_string()),
        translated_by: None,
        updated_at: chrono::Utc::now(),
    }
}
