//! Errors, classified by what the caller's job queue should do next.
//!
//! The rule: a failure of the transport or of the server as a whole (refused connection,
//! timeout, 4xx reply, TLS handshake, garbled reply) is [`NotifyError::Retryable`], because the
//! same mail will go through once the server is back. A failure tied to this mail or to our own
//! setup (5xx reply, malformed address, impossible configuration) is [`NotifyError::Permanent`]:
//! sending it again fails the same way.

use std::time::Duration;

/// Why a permanent failure happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PermanentKind {
    /// A recipient, reply-to or sender address is not a valid e-mail address.
    InvalidAddress,
    /// The server refused with a 5xx reply (unknown mailbox, content refused, ...).
    Rejected,
    /// The server refused our credentials (530, 534, 535): an operator must fix the config.
    Auth,
    /// This client cannot do what the server or the mail requires (no shared AUTH mechanism,
    /// a non-ASCII address and no SMTPUTF8).
    Unsupported,
    /// The configuration cannot work (TLS asked for in a build without the `tls` feature, ...).
    Config,
    /// The mail itself is unusable (no recipient).
    Message,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotifyError {
    /// Try again later, with back-off ([`NotifyError::backoff`]). `code` is the SMTP reply code
    /// when the server sent one (4xx).
    #[error("mail delivery failed temporarily{}: {reason}", code_suffix(*code))]
    Retryable { code: Option<u16>, reason: String },
    /// Sending the same mail again will fail the same way. `code` as above (5xx).
    #[error("mail delivery failed permanently ({kind:?}{}): {reason}", code_suffix(*code))]
    Permanent {
        kind: PermanentKind,
        code: Option<u16>,
        reason: String,
    },
}

fn code_suffix(code: Option<u16>) -> String {
    code.map(|c| format!(", {c}")).unwrap_or_default()
}

impl NotifyError {
    pub fn retryable(code: Option<u16>, reason: impl Into<String>) -> Self {
        Self::Retryable {
            code,
            reason: reason.into(),
        }
    }

    pub fn permanent(kind: PermanentKind, code: Option<u16>, reason: impl Into<String>) -> Self {
        Self::Permanent {
            kind,
            code,
            reason: reason.into(),
        }
    }

    pub fn is_retryable(&self) -> bool {
        matches!(self, Self::Retryable { .. })
    }

    /// The permanent failure's kind, `None` when retryable.
    pub fn permanent_kind(&self) -> Option<PermanentKind> {
        match self {
            Self::Permanent { kind, .. } => Some(*kind),
            Self::Retryable { .. } => None,
        }
    }

    /// The SMTP reply code, when the server sent one.
    pub fn smtp_code(&self) -> Option<u16> {
        match self {
            Self::Retryable { code, .. } | Self::Permanent { code, .. } => *code,
        }
    }

    /// When to try again after failed attempt number `attempt` (1 = the first), or `None` to
    /// give up. Exponential from one minute, capped at one hour: relays that answer 4xx are
    /// usually rate-limiting or restarting, which takes minutes rather than seconds.
    pub fn backoff(&self, attempt: u32) -> Option<Duration> {
        const BASE: Duration = Duration::from_secs(60);
        const CAP: Duration = Duration::from_secs(3_600);
        match self {
            Self::Retryable { .. } => {
                let factor = 2u32.saturating_pow(attempt.saturating_sub(1));
                Some(BASE.saturating_mul(factor).min(CAP))
            }
            Self::Permanent { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        let e = NotifyError::retryable(Some(451), "try later");
        let secs = |n| e.backoff(n).map(|d| d.as_secs());
        assert_eq!(secs(0), Some(60));
        assert_eq!(secs(1), Some(60));
        assert_eq!(secs(3), Some(240));
        assert_eq!(secs(50), Some(3_600), "capped, no overflow");
        let p = NotifyError::permanent(PermanentKind::Rejected, Some(550), "no such user");
        assert_eq!(p.backoff(1), None);
        assert!(!p.is_retryable());
        assert_eq!(p.permanent_kind(), Some(PermanentKind::Rejected));
        assert_eq!(p.smtp_code(), Some(550));
        assert_eq!(e.permanent_kind(), None);
    }

    #[test]
    fn messages_name_the_code() {
        let e = NotifyError::retryable(Some(451), "try later");
        assert_eq!(
            e.to_string(),
            "mail delivery failed temporarily, 451: try later"
        );
        let p = NotifyError::permanent(PermanentKind::Config, None, "no TLS");
        assert_eq!(
            p.to_string(),
            "mail delivery failed permanently (Config): no TLS"
        );
    }
}
