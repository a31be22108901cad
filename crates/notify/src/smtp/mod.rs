//! `SmtpMailer`: delivery through an SMTP server with lettre.

mod classify;
mod config;
mod message;

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

pub use config::{SmtpConfig, TlsMode};

use crate::error::{NotifyError, PermanentKind};
use crate::mail::{Mail, Recipient};
use crate::port::Mailer;

/// Opens one connection per mail (no pool: notifications come a few at a time, and a pool would
/// keep idle connections that relays time out anyway). Cheap to clone.
#[derive(Clone)]
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    timeout: Duration,
}

impl std::fmt::Debug for SmtpMailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpMailer")
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

impl SmtpMailer {
    /// Checks the configuration; connects only when sending. Errors are
    /// [`PermanentKind::Config`].
    pub fn new(config: &SmtpConfig) -> Result<Self, NotifyError> {
        let config_error =
            |reason: String| NotifyError::permanent(PermanentKind::Config, None, reason);
        let host = config.host.trim();
        if host.is_empty() {
            return Err(config_error("[mail] host is empty".into()));
        }
        let from = Recipient::new(
            config.from_name.clone().unwrap_or_default(),
            config.from_address.clone(),
        )
        .mailbox()
        .map_err(|e| config_error(format!("[mail] from_address: {e}")))?;

        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(config.effective_port())
            .timeout(Some(config.timeout()))
            .hello_name(ClientId::Domain(config.effective_helo_name()));
        builder = with_tls(builder, config.tls, host).map_err(config_error)?;
        if let Some(user) = &config.username {
            if config.tls == TlsMode::None && !is_loopback(host) {
                tracing::warn!(%host, "SMTP credentials will cross the network unencrypted (tls = \"none\")");
            }
            let password = config.password.clone().unwrap_or_default();
            builder = builder.credentials(Credentials::new(user.clone(), password));
        }
        Ok(Self {
            transport: builder.build(),
            from,
            timeout: config.timeout(),
        })
    }
}

impl Mailer for SmtpMailer {
    async fn send(&self, mail: &Mail) -> Result<(), NotifyError> {
        mail.check()?;
        let message = message::build(mail, &self.from)?;
        // lettre bounds only the TCP connect; a server that accepts and then stalls would hold
        // the job for ever, so the whole conversation gets the deadline.
        match tokio::time::timeout(self.timeout, self.transport.send(message)).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => {
                let err = classify::classify(&e);
                tracing::debug!(error = %e, retryable = err.is_retryable(), "SMTP send failed");
                Err(err)
            }
            Err(_) => Err(NotifyError::retryable(
                None,
                format!("no complete SMTP conversation within {:?}", self.timeout),
            )),
        }
    }
}

type Builder = lettre::transport::smtp::AsyncSmtpTransportBuilder;

#[cfg(feature = "tls")]
fn with_tls(builder: Builder, mode: TlsMode, host: &str) -> Result<Builder, String> {
    use lettre::transport::smtp::client::{Tls, TlsParameters};
    let params = || TlsParameters::new(host.to_owned()).map_err(|e| format!("[mail] TLS: {e}"));
    Ok(match mode {
        TlsMode::None => builder,
        TlsMode::Starttls => builder.tls(Tls::Required(params()?)),
        TlsMode::Tls => builder.tls(Tls::Wrapper(params()?)),
    })
}

#[cfg(not(feature = "tls"))]
fn with_tls(builder: Builder, mode: TlsMode, _host: &str) -> Result<Builder, String> {
    match mode {
        TlsMode::None => Ok(builder),
        TlsMode::Starttls | TlsMode::Tls => Err(format!(
            "[mail] tls = \"{}\" needs klaster-notify built with the `tls` feature; \
             use tls = \"none\" only for a relay on this machine or a private network",
            if mode == TlsMode::Tls {
                "tls"
            } else {
                "starttls"
            }
        )),
    }
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configuration_errors_are_permanent() {
        let mut c = SmtpConfig::plain("localhost", 2525, "no-reply@klaster.example");
        assert!(SmtpMailer::new(&c).is_ok());
        c.from_address = "no-reply".into();
        let e = SmtpMailer::new(&c).unwrap_err();
        assert_eq!(e.permanent_kind(), Some(PermanentKind::Config));
        c.from_address = "a@b.example".into();
        c.host = " ".into();
        assert!(SmtpMailer::new(&c).is_err());
    }

    #[cfg(not(feature = "tls"))]
    #[test]
    fn tls_without_the_feature_is_a_config_error() {
        let mut c = SmtpConfig::plain("smtp.example.org", 587, "a@b.example");
        c.tls = TlsMode::Starttls;
        let e = SmtpMailer::new(&c).unwrap_err();
        assert_eq!(e.permanent_kind(), Some(PermanentKind::Config));
        assert!(e.to_string().contains("`tls` feature"), "{e}");
    }

    #[cfg(feature = "tls")]
    #[test]
    fn tls_modes_build() {
        let mut c = SmtpConfig::plain("smtp.example.org", 587, "a@b.example");
        for mode in [TlsMode::Starttls, TlsMode::Tls] {
            c.tls = mode;
            assert!(SmtpMailer::new(&c).is_ok(), "{mode:?}");
        }
    }

    #[test]
    fn loopback_hosts() {
        for h in ["localhost", "127.0.0.1", "[::1]", "::1"] {
            assert!(is_loopback(h), "{h}");
        }
        for h in ["smtp.example.org", "10.0.0.1", ""] {
            assert!(!is_loopback(h), "{h}");
        }
    }
}
