//! The `mail_account` job: mails a one-use link for confirming an address or setting a new
//! password. The link's secret is made here, when the mail goes out, so it is never stored in
//! the queue (only its hash, in the store's table of links).

use chrono::Duration;
use klaster_notify::Recipient;
use klaster_notify::compose::{AccountMail, AccountMailKind, Compose};
use klaster_store::accounts::{self, Purpose};
use klaster_store::{StoreError, jobs};
use klaster_translate::Lang;

use super::notices::{mail_failure, payload_i64, retry};
use super::{Failure, Worker};

/// How long a confirmation link works.
pub const VERIFY_HOURS: u32 = 48;
/// How long a password link works.
pub const RESET_HOURS: u32 = 2;
/// The pages the links open.
pub const VERIFY_PATH: &str = "/account/verify";
pub const RESET_PATH: &str = "/account/reset";

impl Worker {
    pub(super) async fn mail_account(&self, job: &jobs::Job) -> Result<(), Failure> {
        let user_id = payload_i64(job, "user_id")?;
        let kind = match job.payload.0.get("mail").and_then(|v| v.as_str()) {
            Some("verify") => AccountMailKind::Verify,
            Some("reset") => AccountMailKind::Reset,
            Some("already_registered") => AccountMailKind::AlreadyRegistered,
            other => {
                return Err(Failure::Permanent(format!(
                    "unknown account mail {other:?}"
                )));
            }
        };
        let account = match accounts::by_id(&self.db, user_id).await {
            Ok(a) => a,
            // erased meanwhile: nobody to write to
            Err(StoreError::NotFound) => return Ok(()),
            Err(e) => return Err(retry(e)),
        };
        let (purpose, hours, path) = match kind {
            AccountMailKind::Verify => (Purpose::Verify, VERIFY_HOURS, VERIFY_PATH),
            AccountMailKind::Reset | AccountMailKind::AlreadyRegistered => {
                (Purpose::Reset, RESET_HOURS, RESET_PATH)
            }
        };
        let secret = accounts::issue(&self.db, user_id, purpose, Duration::hours(hours.into()))
            .await
            .map_err(retry)?;
        let mail = AccountMail {
            to: Recipient::new("", account.email.clone()),
            lang: account
                .lang
                .as_deref()
                .and_then(Lang::parse)
                .unwrap_or(Lang::Pl),
            mail: kind,
            link_path: crate::pages::lang::href(path, &[("token", &secret)]),
            valid_hours: hours,
        }
        .compose(&self.site);
        self.mailer
            .send_boxed(&mail)
            .await
            .map_err(|e| mail_failure(e, job.attempts))
    }
}
