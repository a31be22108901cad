//! `LogMailer`: the mailer of a portal without SMTP (development, demos). It checks the mail
//! like the SMTP adapter does, writes it to the log and keeps nothing.

use crate::error::NotifyError;
use crate::mail::Mail;
use crate::port::Mailer;

#[derive(Debug, Clone, Copy, Default)]
pub struct LogMailer;

impl Mailer for LogMailer {
    async fn send(&self, mail: &Mail) -> Result<(), NotifyError> {
        mail.check()?;
        let to: Vec<&str> = mail.to.iter().map(|r| r.email.as_str()).collect();
        tracing::info!(
            to = ?to,
            subject = %mail.subject,
            lang = %mail.lang,
            "mail not sent: no SMTP server configured"
        );
        // The body carries the links a developer wants to follow; debug level keeps it out of
        // production logs.
        tracing::debug!(body = %mail.text, "mail body");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use klaster_refdata::Lang;

    use super::*;
    use crate::error::PermanentKind;
    use crate::mail::Recipient;
    use crate::port::DynMailer;

    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime")
            .block_on(f)
    }

    #[test]
    fn accepts_valid_and_refuses_invalid_like_smtp() {
        let mut mail = Mail {
            to: vec![Recipient::new("Jan", "jan@example.org")],
            reply_to: None,
            subject: "Cześć".into(),
            text: "Treść".into(),
            html: None,
            lang: Lang::Pl,
            list_unsubscribe: None,
        };
        assert_eq!(block_on(LogMailer.send(&mail)), Ok(()));
        mail.to[0].email = "jan".into();
        let dynamic: &dyn DynMailer = &LogMailer;
        let err = block_on(dynamic.send_boxed(&mail)).unwrap_err();
        assert_eq!(err.permanent_kind(), Some(PermanentKind::InvalidAddress));
    }
}
