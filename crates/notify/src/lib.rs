//! klaster-notify: the portal's outgoing notifications. It knows neither HTTP nor SQL: the
//! store and web crates fill in plain data and hand the results on.
//!
//! - [`Mailer`]: the port that delivers a [`Mail`]; [`SmtpMailer`] (lettre, from
//!   [`SmtpConfig`], the `[mail]` section of the configuration) and [`LogMailer`] (no SMTP
//!   configured: logs and drops). Failures are [`NotifyError`]s classified for the job queue:
//!   retry with [`NotifyError::backoff`], or give up.
//! - [`compose`]: the notifications (interest received, accepted, declined; saved-search alert
//!   and daily digest), written in the reader's language from Fluent catalogues.
//! - [`atom`]: Atom feeds of offer lists and saved searches.
//! - `testing` (feature `testing`): a real SMTP server for integration tests.
//!
//! ```
//! use klaster_notify::compose::{Compose, InterestDeclined, Site};
//! use klaster_notify::{Lang, Recipient};
//!
//! let mail = InterestDeclined {
//!     to: Recipient::new("Jan Kowalski", "jan@example.org"),
//!     lang: Lang::Pl,
//!     offer_title: "Łożyska kulkowe".into(),
//!     owner_org: "Nowak Sp. z o.o.".into(),
//!     note: None,
//!     offers_path: "/offers".into(),
//! }
//! .compose(&Site::new("Klaster", "https://klaster.example.org"));
//! assert_eq!(mail.subject, "[Klaster] Twoje zainteresowanie ofertą „Łożyska kulkowe”");
//! ```

pub mod atom;
pub mod compose;
pub mod error;
mod log_mailer;
mod mail;
mod port;
mod smtp;
#[cfg(feature = "testing")]
pub mod testing;

pub use compose::{Compose, Notification, Site};
pub use error::{NotifyError, PermanentKind};
pub use klaster_refdata::Lang;
pub use log_mailer::LogMailer;
pub use mail::{Mail, Recipient};
pub use port::{BoxFuture, DynMailer, Mailer};
pub use smtp::{SmtpConfig, SmtpMailer, TlsMode};

/// The mailer the configuration asks for: SMTP when `[mail]` is there, the log otherwise.
/// An enum rather than a trait object, so that sending stays free of boxing.
#[derive(Debug, Clone)]
#[allow(
    clippy::large_enum_variant,
    reason = "one per process, built at start-up and shared: its size does not matter"
)]
pub enum AnyMailer {
    Smtp(SmtpMailer),
    Log(LogMailer),
}

impl AnyMailer {
    pub fn from_config(config: Option<&SmtpConfig>) -> Result<Self, NotifyError> {
        match config {
            Some(c) => Ok(Self::Smtp(SmtpMailer::new(c)?)),
            None => {
                tracing::info!("no [mail] configured: notifications are only logged");
                Ok(Self::Log(LogMailer))
            }
        }
    }
}

impl Mailer for AnyMailer {
    async fn send(&self, mail: &Mail) -> Result<(), NotifyError> {
        match self {
            Self::Smtp(m) => m.send(mail).await,
            Self::Log(m) => m.send(mail).await,
        }
    }
}
