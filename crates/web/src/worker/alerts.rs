//! Saved-search alerts: once a minute the runner asks its search index for the new offers of
//! every mailing search and records them; instant searches get a `mail_alert` job, daily ones
//! wait for the day's `mail_digest`. Every process may sweep: the store records each hit once
//! and enqueues its mail once.

use chrono::{DateTime, Duration, Utc};
use klaster_notify::Recipient;
use klaster_notify::compose::{Alert, Compose, Digest, DigestSection, OfferLink};
use klaster_store::alerts::{self as saved, SavedSearch};
use klaster_store::{StoreError, auth, jobs, offers};
use klaster_translate::Lang;

use super::notices::{mail_failure, payload_i64, retry};
use super::{Failure, Worker};
use crate::api::alerts::{audiences_of, saved_query, unsubscribe_path};
use crate::api::search::SearchParams;

/// How far back a sweep looks: longer than any index lag, short enough to stay cheap.
const LOOK_BACK_DAYS: i64 = 7;
/// Offers listed in one mail (the count says how many there are in all).
const LISTED: usize = 20;
/// The hour (UTC) after which the day's digests go out.
pub const DIGEST_HOUR: u32 = 6;

impl Worker {
    /// Records the new offers of every mailing search; returns how many hits were new.
    pub async fn sweep_alerts(&self, now: DateTime<Utc>) -> klaster_store::Result<u64> {
        let Some(index) = self.index.as_deref() else {
            return Ok(0);
        };
        let mut new = 0;
        for s in saved::mailing(&self.db).await? {
            let Ok(mut q) = saved_query(&s, 100) else {
                tracing::warn!(search = s.id, "saved search no longer valid; skipped");
                continue;
            };
            // members-only offers of the user's clusters too
            q.filters.audiences = audiences_of(&self.db, s.user_id).await?;
            // only what was published since the search was saved (and not too long ago)
            q.filters.published_from = Some(s.created_at.max(now - Duration::days(LOOK_BACK_DAYS)));
            let ids: Vec<i64> = match index.search(&q) {
                Ok(r) => r.hits.into_iter().map(|h| h.id).collect(),
                Err(e) => {
                    tracing::error!(search = s.id, error = %e, "alert search failed");
                    continue;
                }
            };
            if !ids.is_empty() {
                new += saved::record_hits(&self.db, &s, &ids).await?;
            }
        }
        if now.time() >= chrono::NaiveTime::from_hms_opt(DIGEST_HOUR, 0, 0).unwrap_or_default() {
            saved::schedule_digests(&self.db, now.date_naive()).await?;
        }
        Ok(new)
    }

    /// The offers of a list as links, titles in the reader's language where translated;
    /// offers no longer published are left out.
    async fn links(&self, ids: &[i64], lang: &str) -> Result<Vec<OfferLink>, Failure> {
        let mut out = Vec::new();
        for &id in ids.iter().take(LISTED) {
            let rec = match offers::get(&self.db, id).await {
                Ok(r) => r,
                Err(StoreError::NotFound) => continue,
                Err(e) => return Err(retry(e)),
            };
            if rec.status != klaster_domain::offer::OfferStatus::Published {
                continue;
            }
            let texts = offers::texts(&self.db, id).await.map_err(retry)?;
            let title = texts
                .iter()
                .find(|t| t.lang == lang && t.status != "untranslated")
                .map_or(rec.offer.title.clone(), |t| t.title.clone());
            out.push(OfferLink {
                title,
                path: format!("/offers/{id}?lang={lang}"),
            });
        }
        Ok(out)
    }

    fn recipient(s: &SavedSearch, user: &auth::User) -> Recipient {
        Recipient::new(String::new(), s.email.clone().unwrap_or(user.email.clone()))
    }

    pub(super) async fn mail_alert(&self, job: &jobs::Job) -> Result<(), Failure> {
        let id = payload_i64(job, "saved_search_id")?;
        let s = match saved::get(&self.db, id).await {
            Ok(s) => s,
            Err(StoreError::NotFound) => return Ok(()),
            Err(e) => return Err(retry(e)),
        };
        let pending = saved::pending_hits(&self.db, id).await.map_err(retry)?;
        if pending.is_empty() || s.delivery != saved::Delivery::Instant.as_str() {
            return Ok(());
        }
        let user = auth::user_by_id(&self.db, s.user_id).await.map_err(retry)?;
        let offers = self.links(&pending, &s.lang).await?;
        if !offers.is_empty() {
            let mail = Alert {
                to: Self::recipient(&s, &user),
                lang: Lang::parse(&s.lang).unwrap_or(Lang::En),
                search_name: s.name.clone(),
                new_count: u32::try_from(offers.len()).unwrap_or(u32::MAX),
                offers,
                results_path: results_path(&s),
                manage_path: "/account/alerts".into(),
                unsubscribe_path: unsubscribe_path(&s),
            }
            .compose(&self.site);
            self.mailer
                .send_boxed(&mail)
                .await
                .map_err(|e| mail_failure(e, job.attempts))?;
        }
        saved::mark_mailed(&self.db, id, &pending)
            .await
            .map_err(retry)
    }

    pub(super) async fn mail_digest(&self, job: &jobs::Job) -> Result<(), Failure> {
        let user_id = payload_i64(job, "user_id")?;
        let user = match auth::user_by_id(&self.db, user_id).await {
            Ok(u) => u,
            Err(StoreError::NotFound) => return Ok(()),
            Err(e) => return Err(retry(e)),
        };
        let searches: Vec<SavedSearch> = saved::for_user(&self.db, user_id)
            .await
            .map_err(retry)?
            .into_iter()
            .filter(|s| s.delivery == saved::Delivery::Daily.as_str() && s.email.is_some())
            .collect();
        let Some(first) = searches.first() else {
            return Ok(());
        };
        let mut sections = Vec::new();
        let mut done = Vec::new();
        for s in &searches {
            let pending = saved::pending_hits(&self.db, s.id).await.map_err(retry)?;
            if pending.is_empty() {
                continue;
            }
            let offers = self.links(&pending, &first.lang).await?;
            if !offers.is_empty() {
                sections.push(DigestSection {
                    search_name: s.name.clone(),
                    new_count: u32::try_from(offers.len()).unwrap_or(u32::MAX),
                    offers,
                    results_path: results_path(s),
                });
            }
            done.push((s.id, pending));
        }
        if !sections.is_empty() {
            let mail = Digest {
                to: Self::recipient(first, &user),
                lang: Lang::parse(&first.lang).unwrap_or(Lang::En),
                sections,
                manage_path: "/account/alerts".into(),
                unsubscribe_path: unsubscribe_path(first),
            }
            .compose(&self.site);
            self.mailer
                .send_boxed(&mail)
                .await
                .map_err(|e| mail_failure(e, job.attempts))?;
        }
        for (id, pending) in done {
            saved::mark_mailed(&self.db, id, &pending)
                .await
                .map_err(retry)?;
        }
        Ok(())
    }
}

/// The search's results on the portal.
fn results_path(s: &SavedSearch) -> String {
    let q = serde_json::from_value::<SearchParams>(s.query.0.clone())
        .ok()
        .and_then(|p| serde_urlencoded::to_string(&p).ok())
        .unwrap_or_default();
    format!("/search?{q}")
}
