//! One outgoing e-mail, independent of the transport.

use klaster_refdata::Lang;
use lettre::message::Mailbox;
use serde::{Deserialize, Serialize};

use crate::error::{NotifyError, PermanentKind};

/// A person with an e-mail address. `name` may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    pub name: String,
    pub email: String,
}

impl Recipient {
    pub fn new(name: impl Into<String>, email: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            email: email.into(),
        }
    }

    /// The checked mailbox: the address must parse, and the display name loses control
    /// characters (a name is one line of a header).
    pub(crate) fn mailbox(&self) -> Result<Mailbox, NotifyError> {
        let email = self.email.trim();
        let address = email.parse().map_err(|e| {
            NotifyError::permanent(
                PermanentKind::InvalidAddress,
                None,
                format!("{:?}: {e}", shorten(email)),
            )
        })?;
        let name = one_line(&self.name);
        Ok(Mailbox::new((!name.is_empty()).then_some(name), address))
    }
}

/// What a [`crate::Mailer`] sends: a text body always, an HTML alternative optionally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mail {
    pub to: Vec<Recipient>,
    pub reply_to: Option<Recipient>,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    /// The language the mail is written in (sent as `Content-Language`).
    pub lang: Lang,
    /// The one-click address to stop this kind of mail (sent as `List-Unsubscribe`, which mail
    /// clients show as an "unsubscribe" button and large providers expect of bulk senders).
    pub list_unsubscribe: Option<String>,
}

impl Mail {
    /// Checks what every adapter needs, so that a bad mail fails the same way with or without
    /// SMTP: at least one recipient, and valid addresses.
    pub fn check(&self) -> Result<(), NotifyError> {
        if self.to.is_empty() {
            return Err(NotifyError::permanent(
                PermanentKind::Message,
                None,
                "the mail has no recipient",
            ));
        }
        for r in self.to.iter().chain(&self.reply_to) {
            r.mailbox()?;
        }
        Ok(())
    }
}

/// `s` on one line: every run of white space and control characters becomes one space.
/// For values that end up in headers or on one line of a body (names, titles).
pub(crate) fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.trim().chars() {
        if c.is_whitespace() || c.is_control() {
            gap = true;
        } else {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        }
    }
    out
}

/// At most 64 characters of `s`, for error messages that quote input.
pub(crate) fn shorten(s: &str) -> String {
    s.chars().take(64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(to: Vec<Recipient>) -> Mail {
        Mail {
            to,
            reply_to: None,
            subject: "s".into(),
            text: "t".into(),
            html: None,
            lang: Lang::En,
            list_unsubscribe: None,
        }
    }

    #[test]
    fn addresses_are_checked() {
        assert!(
            mail(vec![Recipient::new("Anna", "anna@example.org")])
                .check()
                .is_ok()
        );
        let err = mail(vec![Recipient::new("Anna", "anna(at)example.org")])
            .check()
            .unwrap_err();
        assert_eq!(err.permanent_kind(), Some(PermanentKind::InvalidAddress));
        let err = mail(vec![]).check().unwrap_err();
        assert_eq!(err.permanent_kind(), Some(PermanentKind::Message));
        let mut m = mail(vec![Recipient::new("", "a@example.org")]);
        m.reply_to = Some(Recipient::new("x", "not an address"));
        assert!(m.check().is_err());
        let long = "x".repeat(100_000);
        assert!(Recipient::new("", long).mailbox().is_err());
    }

    #[test]
    fn names_lose_line_breaks() {
        let mb = Recipient::new("Anna\r\nBcc: evil@example.org", "anna@example.org")
            .mailbox()
            .unwrap();
        assert_eq!(mb.name.as_deref(), Some("Anna Bcc: evil@example.org"));
        assert_eq!(
            Recipient::new(" ", "a@example.org").mailbox().unwrap().name,
            None
        );
        assert_eq!(one_line(" a\n\n\tb \u{2028}c "), "a b c");
        assert_eq!(one_line("Zażółć „gęślą”"), "Zażółć „gęślą”");
    }
}
