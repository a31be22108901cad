//! lettre's SMTP errors, sorted into retry or give up (the rule is in [`crate::error`]).

use lettre::transport::smtp::Error as SmtpError;

use crate::error::{NotifyError, PermanentKind};

/// Reply codes of refused authentication (RFC 4954): 530 required, 534 mechanism too weak,
/// 535 bad credentials, 538 encryption required. They fail every mail until someone fixes the
/// configuration, so the caller may want to alert rather than drop mails one by one.
const AUTH_CODES: [u16; 4] = [530, 534, 535, 538];

pub(crate) fn classify(e: &SmtpError) -> NotifyError {
    let reason = e.to_string();
    if let Some(code) = e.status() {
        let code = u16::from(code);
        return if e.is_transient() {
            NotifyError::retryable(Some(code), reason)
        } else if AUTH_CODES.contains(&code) {
            NotifyError::permanent(PermanentKind::Auth, Some(code), reason)
        } else {
            NotifyError::permanent(PermanentKind::Rejected, Some(code), reason)
        };
    }
    if e.is_client() {
        // No shared AUTH mechanism, no STARTTLS offered, a non-ASCII address without SMTPUTF8:
        // the same server will answer the same way next time.
        return NotifyError::permanent(PermanentKind::Unsupported, None, reason);
    }
    // Connection refused or reset, timeouts, TLS handshakes, unparsable replies: the server or
    // the network, not this mail.
    NotifyError::retryable(None, reason)
}
