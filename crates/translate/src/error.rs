//! Errors, classified by what the job runner should do next.

use std::time::Duration;

/// Why a permanent failure happened: retrying the same request cannot help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PermanentKind {
    /// The engine has no model for this language or pair (e.g. DeepL and Belarusian).
    UnsupportedLanguage,
    /// Missing, wrong or refused API key.
    Auth,
    /// The engine refused the request as malformed.
    BadRequest,
    /// The text is longer than the engine accepts in one request: split it and try again.
    TooLong,
    /// The engine answered with something this adapter does not understand.
    Protocol,
    /// The engine is misconfigured on our side (bad URL, bad TLS setup).
    Config,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TranslateError {
    /// Try again later: 429, 5xx, timeouts, refused connections. `after` is the server's
    /// Retry-After when it sent one; otherwise the runner uses its own back-off.
    #[error("translation engine temporarily unavailable: {reason}")]
    Retryable {
        after: Option<Duration>,
        reason: String,
    },
    /// The account's character quota is used up (DeepL 456, a LibreTranslate ban): retrying
    /// soon only wastes requests; the runner should pause the engine for hours, not seconds.
    #[error("translation quota exceeded: {reason}")]
    Quota { reason: String },
    /// Retrying the same request will fail the same way.
    #[error("translation failed permanently ({kind:?}): {reason}")]
    Permanent { kind: PermanentKind, reason: String },
}

impl TranslateError {
    pub fn retryable(after: Option<Duration>, reason: impl Into<String>) -> Self {
        Self::Retryable {
            after,
            reason: reason.into(),
        }
    }

    pub fn quota(reason: impl Into<String>) -> Self {
        Self::Quota {
            reason: reason.into(),
        }
    }

    pub fn permanent(kind: PermanentKind, reason: impl Into<String>) -> Self {
        Self::Permanent {
            kind,
            reason: reason.into(),
        }
    }

    pub fn is_retryable(&self) -> bool {
        matches!(self, Self::Retryable { .. })
    }

    /// When to try again after failed attempt number `attempt` (1 = the first), or `None` to
    /// give up. Retryable: exponential from 5 s, capped at 1 h, never sooner than the server
    /// asked. Quota: 1 h (DeepL counts monthly, a LibreTranslate ban lasts a while).
    pub fn backoff(&self, attempt: u32) -> Option<Duration> {
        const BASE: Duration = Duration::from_secs(5);
        const CAP: Duration = Duration::from_secs(3_600);
        match self {
            Self::Retryable { after, .. } => {
                let exp = BASE.saturating_mul(2u32.saturating_pow(attempt.saturating_sub(1)));
                Some(exp.min(CAP).max(after.unwrap_or_default()))
            }
            Self::Quota { .. } => Some(CAP),
            Self::Permanent { .. } => None,
        }
    }

    /// The server's requested wait, if any.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::Retryable { after, .. } => *after,
            _ => None,
        }
    }
}

/// Parses a Retry-After header value. Only the delay-seconds form is understood; the HTTP-date
/// form yields `None` and the runner falls back to its own back-off. Capped at one day so a
/// hostile or broken server cannot park a job for ever.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let secs: u64 = value.trim().parse().ok()?;
    Some(Duration::from_secs(secs.min(86_400)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_parsing() {
        assert_eq!(parse_retry_after(" 7 "), Some(Duration::from_secs(7)));
        assert_eq!(
            parse_retry_after("99999999"),
            Some(Duration::from_secs(86_400))
        );
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        assert_eq!(parse_retry_after("-1"), None);
    }

    #[test]
    fn classification_helpers() {
        let e = TranslateError::retryable(Some(Duration::from_secs(2)), "429");
        assert!(e.is_retryable());
        assert_eq!(e.retry_after(), Some(Duration::from_secs(2)));
        assert!(!TranslateError::quota("456").is_retryable());
        let secs = |e: &TranslateError, n| e.backoff(n).map(|d| d.as_secs());
        let plain = TranslateError::retryable(None, "500");
        assert_eq!(secs(&plain, 1), Some(5));
        assert_eq!(secs(&plain, 3), Some(20));
        assert_eq!(secs(&plain, 0), Some(5));
        assert_eq!(secs(&plain, 40), Some(3_600), "capped, no overflow");
        assert_eq!(secs(&e, 1), Some(5));
        let asked = TranslateError::retryable(Some(Duration::from_secs(90)), "429");
        assert_eq!(secs(&asked, 1), Some(90), "never sooner than Retry-After");
        assert_eq!(secs(&TranslateError::quota("456"), 1), Some(3_600));
        let perm = TranslateError::permanent(PermanentKind::Auth, "403");
        assert_eq!(perm.backoff(1), None);
        assert_eq!(TranslateError::quota("x").retry_after(), None);
    }
}
